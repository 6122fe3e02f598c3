"""Where documents live inside a workspace, as relative paths: naming only, no file access."""

from __future__ import annotations

REGULATIONS = "regulations"


def regulation_filename(reg_id: str) -> str:
    """The file name for a regulation id: `01-QC/TU` -> `01-QC-TU.md`."""
    return reg_id.replace("/", "-").replace(" ", "-") + ".md"

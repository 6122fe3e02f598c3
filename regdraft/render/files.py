"""Output files are written whole or not at all: a failed render never leaves half a file behind."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from regdraft.core.errors import RegdraftError


def prepare_folder(output: Path) -> None:
    """Create the folders `output` goes in; a `RegdraftError` when a file stands where one must be."""
    if output.is_dir():
        raise RegdraftError(f"cannot write {output}: it is a folder; give a file name.")
    for folder in (output.parent, *output.parent.parents):
        if folder.exists() or folder.is_symlink():
            if not folder.is_dir():
                raise RegdraftError(f"cannot write {output}: {folder} is a file, not a folder.")
            break
    output.parent.mkdir(parents=True, exist_ok=True)


def write_atomic(output: Path, content: bytes | Callable[[Path], object]) -> None:
    """Write `output` whole or not at all: `content` is the bytes, or a function writing to the path it is given.

    Missing folders are created (see `prepare_folder`).
    """
    prepare_folder(output)
    # A sibling file, so that the final rename stays on one file system and is atomic.
    tmp = output.with_name(output.name + ".regdraft-tmp")
    try:
        if isinstance(content, bytes):
            tmp.write_bytes(content)
        else:
            content(tmp)
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)

"""Saving an imported regulation: to a file of the user's choosing, or committed to the workspace."""

from __future__ import annotations

from pathlib import Path

from regdraft.core.errors import RegdraftError, StoreError
from regdraft.importer.report import ImportResult
from regdraft.render.files import write_atomic
from regdraft.workspace.store import Workspace


def save_to_file(result: ImportResult, output: Path, force: bool = False) -> Path:
    """Write the imported file to `output`; never over an existing file unless `force`."""
    if output.exists() and not force:
        raise RegdraftError(f"{output} already exists; pass --force to overwrite it (nothing was written).")
    write_atomic(output, result.text.encode("utf-8"))
    return output


def save_to_workspace(result: ImportResult, ws: Workspace, force: bool = False) -> str:
    """Commit the imported file as regulations/<id>.md (one commit); return its relative path."""
    with ws.writing("import"):
        return _save(result, ws, force)


def _save(result: ImportResult, ws: Workspace, force: bool) -> str:
    relative = result.regulation.source
    if ws.exists(relative) and not force:
        raise StoreError(f"{relative} already exists in the workspace; pass --force to replace it "
                         "(the old text stays in git history).")
    data = result.text.encode("utf-8")
    if ws.exists(relative) and ws.read(relative) == data and not ws.dirty([relative]):
        return relative  # the same text is already committed: nothing to record
    ws.commit({relative: data},
              f"Import {result.regulation.id} from {result.report.source}")
    return relative


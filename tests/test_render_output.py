"""Output files: written whole or not at all, into folders made on the way, with clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.render.files import write_atomic
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def test_missing_folders_are_created(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.html"
    write_atomic(target, b"<p>x</p>")
    assert target.read_bytes() == b"<p>x</p>"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.html"]  # no temporary file left


@pytest.mark.parametrize("below", ["out.pdf", "sub/out.pdf"])
def test_a_file_in_the_way_of_a_folder_is_named(tmp_path: Path, below: str) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    target = blocker / below
    with pytest.raises(RegdraftError) as caught:
        write_atomic(target, b"data")
    assert str(caught.value) == f"cannot write {target}: {blocker} is a file, not a folder."
    assert blocker.read_text() == "x"


def test_a_folder_as_the_output_is_named(tmp_path: Path) -> None:
    with pytest.raises(RegdraftError, match="it is a folder; give a file name"):
        write_atomic(tmp_path, b"data")


def test_cli_exports_and_imports_say_which_file_is_in_the_way(mini_workspace: Workspace, invoke: Invoke,
                                                             tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    export = invoke(mini_workspace, "export", "MINI-QC", "-o", str(blocker / "x.html"))
    assert export.exit_code == 1
    assert f"cannot write {blocker / 'x.html'}: {blocker} is a file, not a folder." in export.output
    assert "File exists" not in export.output and "Traceback" not in export.output
    source = tmp_path / "r.txt"
    source.write_text("Điều 1. A\n1. Một.\n", encoding="utf-8")
    imported = invoke(None, "import", str(source), "--id", "X-1", "-o", str(blocker / "sub" / "r.md"))
    assert imported.exit_code == 1 and f"{blocker} is a file, not a folder." in imported.output

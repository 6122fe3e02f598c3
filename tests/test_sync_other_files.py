"""A file regdraft does not read (a note, a meeting schedule) changed by several colleagues (r35 note, item 2): the sync
named only the last change and its author ("ghi-chu.txt edited by Lan" for a note Minh wrote and Lan then edited). It
now names each of them. Lan's, Minh's and Hoa's clones sharing a bare remote, with real git."""

from __future__ import annotations

import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke, two_clones


def _synced(invoke: Invoke, ws: Workspace) -> str:
    done = invoke(ws, "sync")
    assert done.exit_code == 0, done.output
    return str(done.output)


def _note(ws: Workspace, text: str) -> None:
    path = ws.root / "ghi-chu.txt"
    path.write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", "ghi-chu.txt"], cwd=ws.root, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "Ghi chú"], cwd=ws.root, check=True)


def test_a_note_changed_by_several_colleagues_names_each_of_them(tmp_workspace: Workspace, tmp_path: Path,
                                                                 invoke: Invoke) -> None:
    lan, minh = two_clones(tmp_workspace, tmp_path)
    subprocess.run(["git", "clone", "-q", str(tmp_path / "office.git"), "hoa"], cwd=tmp_path, check=True)
    hoa = Workspace(tmp_path / "hoa")
    _note(minh, "Họp giao ban thứ Hai.\n")
    _synced(invoke, minh)
    _synced(invoke, lan)
    _note(lan, "Họp giao ban thứ Hai, 8 giờ.\n")
    _synced(invoke, lan)
    _synced(invoke, minh)
    _note(minh, "Họp giao ban thứ Hai, 8 giờ, phòng 2.\n")
    _synced(invoke, minh)
    said = _synced(invoke, hoa)
    assert "From origin: ghi-chu.txt added by Minh, then edited by Lan and Minh." in said, said
    said = _synced(invoke, lan)
    assert "From origin: ghi-chu.txt edited by Minh." in said, said

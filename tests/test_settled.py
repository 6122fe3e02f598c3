"""The look before every command (`workspace.settled`): conflict markers in regulations/, however its folders nest."""

from __future__ import annotations

import os
from pathlib import Path

from regdraft.workspace.settled import marked_files
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def _nest(top: Path, depth: int) -> Path:
    """`depth` folders within one another below `top` (made one by one: `os.makedirs` recurses too)."""
    here = top
    for _ in range(depth):
        here = here / "a"
        os.mkdir(here)
    return here


def test_a_folder_tree_1500_deep_is_refused_in_a_sentence(mini_workspace: Workspace, invoke: Invoke) -> None:
    # A received workspace: every command ended in RecursionError from os.walk.
    deepest = _nest(mini_workspace.root / "regulations", 1500)
    try:
        for args in (("list",), ("check",), ("show", "MINI-QC")):
            result = invoke(mini_workspace, *args)
            assert result.exit_code == 1, result.output
            assert "The folder regulations/a holds folders nested more than 64 deep" in result.output
            assert "`git rm -r regulations/a`" in result.output and "Traceback" not in result.output
    finally:  # pytest's own clean-up of tmp_path recurses too
        for folder in [deepest, *deepest.parents][:1500]:
            os.rmdir(folder)


def test_markers_in_a_nested_folder_are_still_found(mini_workspace: Workspace) -> None:
    deep = _nest(mini_workspace.root / "regulations", 10)
    (deep / "ghi-chu.md").write_text("<<<<<<< HEAD\nmột\n=======\nhai\n>>>>>>> 1a2b3c4\n", encoding="utf-8")
    (mini_workspace.root / "regulations" / "link").symlink_to(mini_workspace.root / "regulations" / "a")
    assert marked_files(mini_workspace) == ["regulations/" + "a/" * 10 + "ghi-chu.md"]

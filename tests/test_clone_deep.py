"""`regdraft clone` of a repository that is no workspace deletes what it cloned, however deep its folders."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from regdraft.workspace.store_remote import remove_tree
from tests.conftest import Invoke
from tests.test_settled import _nest


@pytest.mark.slow  # git checks out 1,200 folders: ~10 s
def test_a_clone_of_no_workspace_with_a_tree_1200_deep_is_removed_in_a_sentence(tmp_path: Path,
                                                                                 invoke: Invoke) -> None:
    # The clean-up recursed once per folder (`shutil.rmtree`) and ended in RecursionError, leaving the clone.
    source = tmp_path / "src"
    subprocess.run(["git", "init", "-q", "-b", "main", str(source)], check=True)
    deepest = _nest(source, 1200)
    (deepest / "ghi-chu.txt").write_text("x\n", encoding="utf-8")
    (source / "link").symlink_to(tmp_path / "kept", target_is_directory=True)
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "x.txt").write_text("giữ\n", encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@b", "GIT_COMMITTER_NAME": "a",
           "GIT_COMMITTER_EMAIL": "a@b"}
    subprocess.run(["git", "-C", str(source), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(source), "commit", "-qm", "deep"], check=True, env=env)
    try:
        result = invoke(None, "clone", f"file://{source}", str(tmp_path / "out"))
        assert result.exit_code == 1, result.output
        assert "is a git repository but not a regdraft workspace" in result.output
        assert "Traceback" not in result.output and not (tmp_path / "out").exists()
        assert (tmp_path / "kept" / "x.txt").read_text(encoding="utf-8") == "giữ\n"  # a link is not followed
    finally:  # pytest's own clean-up of tmp_path recurses too: a tree left here would break every later run
        for left in (source, tmp_path / "out"):
            if left.exists():
                remove_tree(left)

"""`regdraft --version`: which build runs (r39 sweep CA F2), not only the package version every build shared."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft import WORKSPACE_FORMAT, __version__
from regdraft.cli.build import build_line
from regdraft.workspace.installed import install_tree
from tests.conftest import Invoke


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout.strip()


def test_version_names_the_commit_it_runs_from_and_the_format(invoke: Invoke) -> None:
    tree = install_tree()
    if not (tree / ".git").exists():
        pytest.skip("regdraft is not run from a git checkout here")
    result = invoke(None, "--version", catch=False)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"regdraft, version {__version__}"  # as before: scripts read it
    assert f"commit {_git(tree, 'rev-parse', 'HEAD')[:12]} of " in lines[1]
    assert lines[2].startswith(f"workspace format: {WORKSPACE_FORMAT} ")


def test_build_line_of_a_checkout_its_date_and_local_changes(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.txt").write_text("one\n")
    _git(tmp_path, "add", "a.txt")
    subprocess.run(["git", "commit", "-qm", "first"], cwd=tmp_path, check=True,
                   env={"GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "A",
                        "GIT_COMMITTER_EMAIL": "a@example.org", "GIT_COMMITTER_DATE": "2026-12-03T10:00:00+07:00",
                        "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    sha = _git(tmp_path, "rev-parse", "HEAD")
    assert build_line(tmp_path) == f"build: commit {sha[:12]} of 2026-12-03 (git checkout {tmp_path})"
    (tmp_path / "a.txt").write_text("two\n")
    assert build_line(tmp_path).startswith(f"build: commit {sha[:12]} of 2026-12-03, with local changes ")


def test_build_line_of_an_installed_package_or_a_broken_checkout(tmp_path: Path) -> None:
    assert "not a git checkout" in build_line(tmp_path)
    (tmp_path / ".git").write_text("gitdir: /nonexistent/worktree\n")  # a worktree whose repository is gone
    assert "commit unknown" in build_line(tmp_path)


def test_the_checkouts_own_settings_run_no_program(tmp_path: Path) -> None:
    # r40 sweep CE F6: `--version` ran `git status` in the install checkout with `safe.directory=*` and without
    # `core.fsmonitor=false`, so another user's `.git/config` ran a program as whoever typed `--version`.
    tree = tmp_path / "tree"
    tree.mkdir()
    _git(tree, "init", "-q")
    (tree / "a.txt").write_text("one\n")
    _git(tree, "add", "a.txt")
    _git(tree, "-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-qm", "first")
    ran = tmp_path / "FSMONITOR-RAN"
    _git(tree, "config", "core.fsmonitor", f"touch {ran}; false")
    (tree / "a.txt").write_text("two\n")
    assert "with local changes" in build_line(tree)
    assert not ran.exists()

"""The review server over a received workspace holding a nested git repository (a submodule whose own settings
name a filter): opening the redline page runs nothing (docs/security.md, "Nothing in a workspace runs code")."""

from __future__ import annotations

from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_git_nested import NESTED, received
from tests.web.conftest import SLUG, client


def test_the_redline_page_runs_nothing_a_nested_repository_names(tmp_path: Path, invoke: Invoke) -> None:
    root, marker = received(tmp_path, invoke)
    c = client(Workspace(root))
    page = c.get(f"/a/{SLUG}/redline")
    assert not marker.exists()
    assert page.status_code != 200
    assert f"{NESTED} is another git repository nested in this workspace" in page.text

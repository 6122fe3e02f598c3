"""A page the server keeps is built anew when a file it reads changes, whatever git says of that file (r30 sweep
AO, D3): an edit to a git-ignored template override, or to a file marked skip-worktree or assume-unchanged in a
received index, left `Server.state()` as it was, and the page kept stale until the next commit."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from regdraft.core.layout import comments_folder
from regdraft.workspace import comment_cache
from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT
from tests.web.conftest import BODIES, SLUG, client, edit_draft

MARKER = "DẤU-MỐC-MẪU-RIÊNG"
OLD = "“c) Thảo luận, cho ý kiến về"
TYPED = "“c) ĐANG-SỬA-ẨN Thảo luận, cho ý kiến về"


@pytest.fixture(autouse=True)
def _trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file's status taken long after it changed: trusted, so pages are kept (as a minute after an edit)."""
    later = time.time_ns() + 10 * comment_cache.RACY_NS
    monkeypatch.setattr(comment_cache, "now", lambda: later)


def test_an_ignored_template_override_edited_is_on_the_next_page(review_ws: Workspace) -> None:
    (review_ws.root / ".git" / "info").mkdir(exist_ok=True)
    (review_ws.root / ".git" / "info" / "exclude").write_text("templates/*.j2\n", encoding="utf-8")
    c = client(review_ws)
    address = f"/a/{SLUG}/report?round=1"
    assert MARKER not in c.get(address).text
    shipped = (REPO_ROOT / "regdraft" / "web" / "templates" / "web-report.html.j2").read_text(encoding="utf-8")
    override = shipped.replace("{% block body_start %}", "{% block body_start %}<p>" + MARKER + "</p>", 1)
    (review_ws.root / "templates" / "web-report.html.j2").write_text(override, encoding="utf-8")
    assert review_ws.dirty(["templates"]) == []  # git sees nothing
    assert MARKER in c.get(address).text


def test_a_comment_file_marked_skip_worktree_edited_is_on_the_next_page(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[1], "d20a", "Lời góp ý đầu tiên.")
    relative = f"{comments_folder(SLUG)}/{comment.id}.yaml"
    review_ws.repo.git.update_index("--skip-worktree", relative)
    c = client(review_ws)
    address = f"/a/{SLUG}/comments"
    assert "Lời góp ý đầu tiên." in c.get(address).text
    path = review_ws.root / relative
    path.write_text(path.read_text(encoding="utf-8").replace("Lời góp ý đầu tiên.", "Lời góp ý sửa lại."),
                    encoding="utf-8")
    assert review_ws.dirty(["amendments"]) == []  # git sees nothing
    assert "Lời góp ý sửa lại." in c.get(address).text


def test_a_draft_marked_assume_unchanged_edited_is_on_the_next_redline(review_ws: Workspace) -> None:
    review_ws.repo.git.update_index("--assume-unchanged", f"amendments/{SLUG}/amendment.md")
    c = client(review_ws)
    address = f"/a/{SLUG}/redline?from=HEAD"  # the working draft against its last commit
    assert "ĐANG-SỬA-ẨN" not in c.get(address).text
    edit_draft(review_ws, OLD, TYPED, commit=False)
    assert review_ws.dirty(["amendments"]) == []  # git sees nothing
    assert "ĐANG-SỬA-ẨN" in c.get(address).text  # neither the kept page nor the redline kept for the commit


def test_a_templates_folder_linked_elsewhere_is_not_walked(review_ws: Workspace, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # A received workspace's `templates` linked to `/` had every page's state walk the whole disk.
    from regdraft.web import server

    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "deep").mkdir(parents=True)
    (elsewhere / "deep" / "x.j2").write_text("x", encoding="utf-8")
    templates = review_ws.root / "templates"
    if templates.exists():
        shutil.rmtree(templates)
    templates.symlink_to(elsewhere, target_is_directory=True)
    walked: list[str] = []
    real_walk = os.walk

    def counted(top: Any, *args: Any, **kwargs: Any) -> Any:
        walked.append(str(top))
        return real_walk(top, *args, **kwargs)

    monkeypatch.setattr(os, "walk", counted)  # the module server walks with
    found = server.unwatched(review_ws, ("templates",), set)
    assert found == {"templates"} and not [w for w in walked if "templates" in w]

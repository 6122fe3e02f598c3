"""An adoption tag moved or deleted without a commit (a sync from the shared remote, `git tag`) changes the pages kept:
the state the review server keeps pages for (`Server.state`) and the redlines it keeps by commit (`Server.cached`)
held HEAD's commit but not the tags, so a member was shown the page built before the tag moved."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from regdraft.web.server import Server
from regdraft.workspace import comment_cache
from regdraft.workspace.adoption import adopt
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import REPO_ROOT
from tests.web.conftest import SLUG, client

REGULATION = "regulations/01-QC-TU.md"
WORD = "ĐÃ-SỬA-SAU-THÔNG-QUA"


def _trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file's status taken long after it changed: pages are kept."""
    later = time.time_ns() + 10 * comment_cache.RACY_NS
    monkeypatch.setattr(comment_cache, "now", lambda: later)


def _adopted(tmp_path: Path) -> tuple[Workspace, str]:
    """The shipped amendment adopted (its tag on the adoption), then a word of the regulation edited, then a second
    commit that adopts it (a re-adoption, say): the tag's name, still on the first."""
    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    adopt(ws, SLUG, "2025-03-28", force="Hội nghị quyết định")
    [tag] = ws.tags()
    text = ws.read(REGULATION).decode("utf-8")
    first = re.search(r"(?m)^1\\\. (\S+)", text)
    assert first is not None
    edited = text.replace(first.group(0), f"1\\. {WORD} {first.group(1)}", 1)
    ws.commit({REGULATION: edited.encode("utf-8")}, "Sửa một từ")
    ws.commit({"notes.txt": b"ghi chu\n"}, f"Adopt amendment 05-QC/TU ({SLUG}) again")
    return ws, tag


def test_a_tag_moved_without_a_commit_changes_the_redline_shown(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    ws, tag = _adopted(tmp_path)
    _trusted(monkeypatch)
    c = client(ws)
    before = c.get(f"/a/{SLUG}/redline")  # the text before the tag's adoption, and as the adoption made it
    assert before.status_code == 200 and "Văn bản đã thông qua" in before.text and WORD not in before.text
    ws.repo.git.tag("-f", tag, "HEAD")  # moved (as a sync copies a remote's tag): HEAD and the files unchanged
    after = c.get(f"/a/{SLUG}/redline")
    assert after.status_code == 200
    assert WORD in after.text  # compared from before the commit the tag names now: the word was there


def test_the_state_of_the_pages_holds_the_adoption_tags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, tag = _adopted(tmp_path)
    _trusted(monkeypatch)
    server = Server(ws.root, links=False)
    first = server.state()
    assert first is not None and server.state() == first
    ws.repo.git.tag("-f", tag, "HEAD")
    moved = server.state()
    ws.repo.git.tag("-d", tag)
    deleted = server.state()
    assert len({first, moved, deleted}) == 3

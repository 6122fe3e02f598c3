"""Reviewers' pages name the document under review as documents name it, never by the drafting office's slug."""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.workspace.rounds import open_round
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import CORPUS, Invoke, in_corpus
from tests.web.conftest import SLUG, client

TITLE = "Luật sửa đổi, bổ sung một số điều của Luật Thanh niên"


def _shown(html: str, pattern: str) -> str:
    """The text of the first element `pattern` finds, its tags left out and its spaces joined."""
    found = re.search(pattern, html, re.S)
    assert found, pattern
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split())


def test_a_draft_without_a_number_is_named_by_its_title(tmp_path: Path, invoke: Invoke) -> None:
    law = in_corpus(CORPUS / "luat-thanh-nien.txt")
    ws = init_workspace(tmp_path / "ws")
    for args in (("import", str(law)), ("amend", "new", "luat-tn-sua-doi", "--regulation", "57/2020/QH14")):
        result = invoke(ws, *args)
        assert result.exit_code == 0, result.output
    edited = tmp_path / "edited.md"
    edited.write_text(ws.path("regulations/57-2020-QH14.md").read_text(encoding="utf-8")
                      .replace("từ đủ 16 tuổi đến 30 tuổi", "từ đủ 16 tuổi đến 35 tuổi"), encoding="utf-8")
    result = invoke(ws, "amend", "from-edits", "luat-tn-sua-doi", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    open_round(ws, "luat-tn-sua-doi", "Lấy ý kiến", "2099-03-15", ["Bộ Nội vụ", "Bộ Tư pháp"])
    c = client(ws)
    home = c.get("/").text
    assert _shown(home, r'<a href="/a/luat-tn-sua-doi/redline">.*?</a>') == TITLE  # the start page's Dự thảo column
    comments = c.get("/a/luat-tn-sua-doi/comments").text
    assert _shown(comments, r"<title>.*?</title>") == f"Ý kiến góp ý – {TITLE}"
    assert _shown(comments, r"<h1>.*?</h1>").startswith(f"Ý kiến góp ý – {TITLE}, Vòng lấy ý kiến 1")
    for page in ("redline", "comments", "report"):
        nav = _shown(c.get(f"/a/luat-tn-sua-doi/{page}").text, r'<nav class="review-nav"[^>]*>.*?</nav>')
        assert f"Trang chủ › {TITLE}: dự thảo" in nav and "luat-tn-sua-doi" not in nav, (page, nav)


def test_a_numbered_draft_is_named_by_its_type_and_number(review_ws: Workspace) -> None:
    c = client(review_ws)
    comments = c.get(f"/a/{SLUG}/comments").text
    assert _shown(comments, r"<title>.*?</title>") == "Ý kiến góp ý – Quy chế số 05-QC/TU"
    for page in ("redline", "comments", "report"):
        nav = _shown(c.get(f"/a/{SLUG}/{page}").text, r'<nav class="review-nav"[^>]*>.*?</nav>')
        assert "Trang chủ › Quy chế số 05-QC/TU: dự thảo" in nav and SLUG not in nav, (page, nav)

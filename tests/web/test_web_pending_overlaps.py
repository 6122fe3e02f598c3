"""Two drafts of one regulation in flight (r42 sweep CM 6, 7): the start page tells apart two drafts with the same
title and no number by their folders; each draft's page says which other pending draft changes the same provisions
(`check`'s note: tests/test_check_overlaps.py)."""

from __future__ import annotations

import html
import re

from starlette.testclient import TestClient

from regdraft.workspace.access import invite
from regdraft.workspace.store import Workspace
from tests.web.conftest import SLUG, draft_of_01, entered

TITLE = "Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh"
IN_D = "1\\. Thay thế cụm từ “{old}” bằng cụm từ “{new}” tại điểm {point} khoản 1 Điều 5."


def _drafts(ws: Workspace, *slugs: str) -> None:
    words = {"moi-a": ("lãng phí", "lãng phí, tiêu cực", "d"), "moi-b": ("tham nhũng", "tham nhũng, tiêu cực", "d"),
             "moi-c": ("đối ngoại", "đối ngoại, hội nhập", "c")}
    ws.commit({f"amendments/{slug}/amendment.md": draft_of_01(IN_D.format(
        old=words[slug][0], new=words[slug][1], point=words[slug][2]), title=TITLE).encode("utf-8")
        for slug in slugs}, "Drafts")


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _office(ws: Workspace) -> TestClient:
    _, office = invite(ws, "Chánh Văn phòng", "", "drafter")
    return entered(ws, office)


def test_two_drafts_alike_are_told_apart_by_their_folders_on_the_start_page(review_ws: Workspace) -> None:
    _drafts(review_ws, "moi-a", "moi-b")
    page = _office(review_ws).get("/").text
    links = {slug: _text(found.group(1)) for slug, found in (
        (s, re.search(rf'<a href="/a/{s}/redline"[^>]*>(.*?)</a>', page, re.S)) for s in ("moi-a", "moi-b", SLUG))
        if found}
    assert links["moi-a"] == f"{TITLE} (thư mục moi-a)", links
    assert links["moi-b"] == f"{TITLE} (thư mục moi-b)", links
    assert "thư mục" not in links[SLUG]  # its title and number tell it apart already


def test_each_draft_s_page_names_the_other_pending_draft_changing_the_same_provision(review_ws: Workspace) -> None:
    _drafts(review_ws, "moi-a", "moi-b", "moi-c")
    office = _office(review_ws)
    said = _text(office.get("/a/moi-a/redline").text)
    assert ("Dự thảo này (moi-a) và dự thảo moi-b, cũng đang chờ thông qua, cùng sửa đổi điểm d khoản 1 Điều 5"
            in said), said[:2000]
    assert "và dự thảo moi-c" not in said and f"({SLUG})" not in said  # they change other provisions
    other = _text(office.get("/a/moi-b/redline").text)
    assert "Dự thảo này (moi-b) và dự thảo moi-a, cũng đang chờ thông qua" in other
    alone = office.get("/a/moi-c/redline").text
    assert 'class="notice overlap"' not in alone and "cũng đang chờ thông qua" not in _text(alone)


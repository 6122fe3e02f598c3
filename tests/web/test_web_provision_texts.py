"""The review page sends each line of the wording editor's texts once (`web.provision_texts`).

An article's text was sent again in each of its clauses' and points' texts, and a lead-in or a dash item once more:
the page of Luật Đấu thầu 22/2023 amended by Luật 57/2024 carried 610 KB of texts for 252 KB of distinct lines.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regdraft.web.pages import redline_page
from regdraft.web.provision_texts import packed, unpacked
from regdraft.workspace.store import Workspace
from tests.conftest import luat_57_2024_once, needs_corpus
from tests.web.conftest import SLUG, client, provision_texts


def _block(page: str) -> str:
    found = re.search(r'<script type="application/json" id="provision-texts">(.*?)</script>', page, re.S)
    assert found
    return found.group(1)


def _each_line_once(page: str) -> tuple[dict[str, str], list[str]]:
    data = json.loads(_block(page))
    lines: list[str] = data["lines"]
    assert len(lines) == len(set(lines))
    return unpacked(data), lines


def test_the_page_sends_each_line_once_and_every_provision_reads_its_whole_text(review_ws: Workspace) -> None:
    page = client(review_ws).get(f"/a/{SLUG}/redline").text
    texts, lines = _each_line_once(page)
    expected = redline_page(review_ws, SLUG)[1].texts
    assert texts == expected and texts == provision_texts(page)
    # An article, its clause, its point, the clause's lead-in: one text within the other, sent once.
    assert texts["d5.k2"] in texts["d5"] and texts["d5.k2.a"] in texts["d5.k2"]
    assert texts["d5.k2.intro"] in texts["d5.k2"] and len(lines) < sum(t.count("\n") + 1 for t in expected.values())


@given(st.dictionaries(st.text(max_size=8), st.lists(st.sampled_from(["a", "b", "", "1. a", "a\r", "\u2028", "b c"]),
                                                     max_size=6).map("\n".join), max_size=8))
def test_any_texts_read_back_as_they_were(texts: dict[str, str]) -> None:
    data = packed(texts)
    assert unpacked(json.loads(json.dumps(data))) == texts
    assert len(data["lines"]) == len(set(data["lines"]))


@pytest.fixture(scope="module")
def luat_57(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return luat_57_2024_once(tmp_path_factory, "Bộ Tài chính")


@needs_corpus
def test_a_law_sends_its_lines_once(luat_57: Path) -> None:
    page = client(Workspace(luat_57)).get("/a/luat-57-2024/redline", headers={"accept-encoding": "identity"}).text
    texts, lines = _each_line_once(page)
    assert texts["d19.k1"].startswith("1. Tổ chuyên gia gồm") and texts["d19.k1"] in texts["d19"]
    distinct = sum(len(line.encode()) for line in lines)
    # The lines (as JSON, with their runs) and little more: the texts one in another were 610 KB for 252 KB of lines.
    assert len(_block(page).encode()) < 1.15 * distinct
    assert len(page.encode()) < 800_000

"""What a screen reader hears for a PDF redline's marked words (`render.spoken`): a replaced heading was heard as
`Trách nhiệm Nhiệm vụ`, old and new run together (r23 sweep s4access defect 4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pypdf

from regdraft.render.spoken import said
from regdraft.workspace.store import Workspace
from tests import pdf_text
from tests.conftest import SHIPPED_AMENDMENT, Invoke

WORDS = {"spoken_deleted": "bỏ", "spoken_inserted": "bổ sung", "spoken_moved_away": "đã chuyển đi",
         "spoken_moved_here": "chuyển đến"}


def _actual_texts(path: Path) -> list[str]:
    """Every `ActualText` of the PDF's structure tree, in reading order."""
    found: list[str] = []

    def walk(node: Any) -> None:
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if "/ActualText" in node:
            found.append(str(node["/ActualText"]))
        kids = node.get("/K")
        if kids is None:
            return
        kids = kids.get_object()
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid)

    root: Any = pypdf.PdfReader(path).trailer["/Root"]
    walk(root["/StructTreeRoot"])
    return found


def test_a_redline_pdf_says_which_words_are_struck_and_which_inserted(tmp_workspace: Workspace, invoke: Invoke,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = invoke(tmp_workspace, "redline", SHIPPED_AMENDMENT, "-o", str(out))
    assert result.exit_code == 0, result.output
    spoken = _actual_texts(out)
    # Điều 7's title replaced: heard as two marks, in order.
    at = spoken.index("[bỏ: Trách nhiệm]")
    assert spoken[at + 1] == "[bổ sung: Nhiệm vụ]"
    assert "[bổ sung: gạch chân]" in spoken and "[bỏ: gạch ngang]" in spoken  # the legend's samples say theirs
    # A mark broken over lines opens in its first part and closes in its last: every `[` is closed once.
    depth = 0
    for text in spoken:
        depth += text.count("[") - text.count("]")
        assert depth in (0, 1), spoken
    assert depth == 0 and any(not t.startswith("[") for t in spoken)  # at least one mark ran onto a second line
    # The page and the text extracted from it are as they were: the marks are heard, not printed.
    text = " ".join(pdf_text.pages(out))
    assert "Điều 7. Trách nhiệm Nhiệm vụ" in " ".join(text.split()) and "[bỏ:" not in text


@dataclass
class _Box:
    element_tag: str | None
    element: Any = None
    children: list[Any] = field(default_factory=list)


@dataclass
class _Text:
    text: str
    element_tag: str = "del"


def _element(markup: str) -> ElementTree.Element:
    return ElementTree.fromstring(markup)


def test_a_mark_inside_a_moved_passage_is_said_inside_it() -> None:
    moved = _element('<span class="mv">giao <del class="del">cho</del> Văn phòng</span>')
    inner = _Box("del", moved[0], [_Text("cho")])
    box = _Box("span", moved, [_Text("giao "), inner, _Text(" Văn phòng")])
    assert said(box, WORDS) == "[chuyển đến: giao [bỏ: cho] Văn phòng]"
    assert said(inner, WORDS) == "[bỏ: cho]"
    english = {"spoken_deleted": "deleted", "spoken_moved_away": "moved away"}
    away = _element('<del class="mv">Article 5</del>')
    assert said(_Box("del", away, [_Text("Article 5")]), english) == "[moved away: Article 5]"


def test_a_mark_over_two_lines_opens_once_and_closes_once() -> None:
    element = _element('<ins class="ins">kế hoạch đầu tư công trung hạn,</ins>')
    told: dict[int, int] = {}
    first = said(_Box("ins", element, [_Text("kế hoạch đầu tư ")]), WORDS, told)
    second = said(_Box("ins", element, [_Text("công trung hạn,")]), WORDS, told)
    # Each part but the last ends with the space the line break took: a reader joining them hears `tư công`.
    assert (first, second) == ("[bổ sung: kế hoạch đầu tư ", "công trung hạn,]")


def test_no_other_box_is_said() -> None:
    assert said(_Box("span", _element('<span class="nobr">63/2010/NĐ-CP</span>'), [_Text("63/2010/NĐ-CP")]),
                WORDS) is None
    assert said(_Box("p", _element("<p>Điều 5</p>"), [_Text("Điều 5")]), WORDS) is None
    assert said(_Box("ins", _element('<ins class="ins"> </ins>'), [_Text(" ")]), WORDS) is None

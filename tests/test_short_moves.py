"""A move is claimed only where it is a safe inference: the same text, or near it and sharing many words.

An English office's amendment repealed point b (`for 20 years;`) and inserted point d (`for 5 years.`): three
words alike in two of three, the redline said `(moved to point d …)` and compared `for [-20 years;-]{+5 years.+}`.
A few words alike are no provision moved; in the redline of one amendment, whose repeals and insertions are its
own words, only (near) the same text is.
"""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.core.align import NEAR
from regdraft.core.diff import Provision, compare
from regdraft.core.markdown import parse
from regdraft.render import redline as rr
from regdraft.workspace import redline as rl
from regdraft.workspace.store import Workspace

MINI = (Path(__file__).resolve().parent / "fixtures" / "mini.md").read_text(encoding="utf-8")
B = "b) Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy;"


def _moves(provisions: tuple[Provision, ...]) -> list[tuple[str, str]]:
    out = []
    for p in provisions:
        if p.moved_to is not None or p.moved_from is not None or p.change is not None and p.change.value == "moved":
            out.append((str(p.old_address), str(p.new_address)))
        out.extend(_moves(p.children))
    return out


def test_a_short_point_repealed_beside_a_short_point_alike_inserted_is_no_move() -> None:
    new = MINI.replace(B + "\n\n", "").replace("c) Thiểu số phục tùng đa số.",
                                               "c) Thiểu số phục tùng đa số;\n\nd) Cá nhân phụ trách chịu trách nhiệm.")
    result = compare(parse(MINI), parse(new, numbering=False))  # points a, c, d: as a repeal leaves them
    assert _moves(result.provisions) == []
    assert [(c.kind.value, str(c.old_address or c.new_address)) for c in result.changes
            if c.kind.value != "words replaced"] == [("repealed", "d2.k2.b"), ("inserted", "d2.k2.d")]


def test_a_short_clause_gone_from_one_article_and_one_alike_in_another_is_no_move() -> None:
    three = "3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này."
    new = MINI.replace("\n\n" + three, "").replace(
        "2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị theo Điều 2.",
        "2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị theo Điều 2.\n\n"
        "3\\. Công khai, minh bạch theo quy định tại Điều 2.")
    assert _moves(compare(parse(MINI), parse(new)).provisions) == []
    # Its text word for word is still a move, however short.
    same = MINI.replace("\n\n" + three, "").replace(
        "2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị theo Điều 2.",
        "2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị theo Điều 2.\n\n" + three)
    assert _moves(compare(parse(MINI), parse(same)).provisions) == [("d2.k3", "None"), ("d2.k3", "d3.k3")]


def test_one_amendments_repeal_and_insertion_of_a_text_much_rewritten_is_no_move() -> None:
    # 13 words shared of 16 and 19: a move between two versions (at least MOVE similar), not in one amendment's
    # redline, which moves only near the same text.
    three = "3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này."
    rewritten = ("3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều 2 các nội dung hội nghị "
                 "trừ bí mật.")
    new = MINI.replace("\n\n" + three, "").replace(
        "2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị theo Điều 2.",
        "2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị theo Điều 2.\n\n" + rewritten)
    assert _moves(compare(parse(MINI), parse(new)).provisions) == [("d2.k3", "None"), ("d2.k3", "d3.k3")]
    assert _moves(compare(parse(MINI), parse(new), move=NEAR).provisions) == []


def test_the_redline_of_an_amendment_repealing_a_point_and_inserting_one_alike_says_no_move(
        mini_workspace: Workspace) -> None:
    document = (Path(__file__).resolve().parent / "fixtures" / "comments" / "amendment-1.md").read_text("utf-8")
    instructions = ("1\\. Bãi bỏ điểm b khoản 2 Điều 2.\n\n2\\. Bổ sung điểm d vào sau điểm c khoản 2 Điều 2 như sau:"
                    "\n\n“d) Cá nhân phụ trách chịu trách nhiệm trước Ban Chấp hành;”.")
    body = document[:document.index("1\\. Sửa đổi")] + instructions + "\n\n" + document[document.index("## Điều 2."):]
    mini_workspace.commit({"amendments/mini-sua/amendment.md": body.encode("utf-8")}, "Draft")
    for layout in ("inline", "table"):
        page = rr.render_html(rl.build(mini_workspace, "MINI-QC", amendment="mini-sua"), layout=layout)
        text = " ".join(re.sub(r"<[^>]+>", " ", page.split('class="legend"', 1)[1].split("</p>", 1)[1]).split())
        assert "chuyển đến" not in text.lower() and "chuyển từ" not in text.lower(), layout

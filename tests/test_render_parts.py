"""The parts of a unit marked on the review page (`mark_parts`): titles, lead-ins, closing texts, dash and plus items.

The page lets a member choose a part to comment on by a button before its first paragraph; every paragraph names
the parts it lies in. Checked on the shipped regulation and the corpus laws (unchanged provisions, `Fragments`),
and on a redline of edited parts (changed provisions, `Changed`): marking adds the marks and nothing else, every
part has one button, and each marked paragraph shows text of the part it names.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from markupsafe import Markup

from regdraft.core.model import Address, Kind, Regulation, Unit
from regdraft.core.part_codes import TITLE
from regdraft.core.parts import paragraph_parts, part_paragraphs, unit_parts
from regdraft.render.fragments import Fragments
from regdraft.render.html import PageTemplate
from regdraft.render.redline import render_html
from regdraft.workspace import compared_files
from tests.conftest import SHIPPED_REGULATION, unsaid
from tests.test_render_fragments import REGULATIONS  # the shipped regulation (vi, en) and the corpus laws

_PART_KINDS = (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT, Kind.APPENDIX)  # the units the body's fragments print


def _mark(address: object) -> Markup:
    return Markup(' data-on="{}"').format(str(address))


def _badge(address: object) -> Markup:
    return Markup('<a class="badge" href="#on-{}">1</a> ').format(str(address))


def _parts(held: Sequence[Address], starting: Sequence[Address]) -> tuple[Markup, Markup]:
    return (Markup(' data-part="{}"').format(" ".join(map(str, held))),
            Markup("").join(Markup('<button data-pick="{}"></button>').format(str(a)) for a in starting))


def _unmarked(page: str) -> str:
    return re.sub(r'<button data-pick="[^"]*"></button>', "", re.sub(r' data-part="[^"]*"', "", page))


def _picks(page: str) -> list[str]:
    return re.findall(r'<button data-pick="([^"]*)"></button>', page)


def _expected(reg: Regulation) -> list[str]:
    """Every part of the articles, clauses, points and appendices of `reg`, and the titles of its chapters."""
    return [str(loc.address.with_part(part)) for loc in reg.walk() for part in unit_parts(loc.unit)
            if loc.unit.kind in _PART_KINDS or part == TITLE]


@pytest.mark.parametrize("reg", REGULATIONS, ids=[r.source or r.id for r in REGULATIONS])
def test_each_part_of_an_unchanged_provision_has_one_button_and_nothing_else_changes(reg: Regulation) -> None:
    plain, marked = Fragments(reg.language, _mark, _badge), Fragments(reg.language, _mark, _badge, _parts)
    picks: list[str] = []
    for loc in reg.walk():
        if loc.unit.kind not in (Kind.ARTICLE, Kind.APPENDIX):
            continue
        page = str(marked.unchanged(loc.unit, False, loc.address))
        assert _unmarked(page) == str(plain.unchanged(loc.unit, False, loc.address)), loc.address
        picks += _picks(page)
        for pick in _picks(page):  # the paragraph a button begins names its part; a title's stands just before it
            part = r'data-part="(?:[^"]* )?' + re.escape(pick) + r'(?: [^"]*)?"'
            button = r'<button data-pick="' + re.escape(pick) + '"'
            assert re.search(part + r'>(?:<button[^>]*></button>)*' + button, page) or \
                (pick.endswith(".title") and re.search(button + r'></button><h\d[^>]*' + part + '>', page)), pick
    expected = [str(loc.address.with_part(part)) for loc in reg.walk() if loc.unit.kind in _PART_KINDS
                for part in unit_parts(loc.unit)]
    assert sorted(picks) == sorted(expected) and len(picks) == len(set(picks))


def test_the_paragraphs_of_each_part() -> None:
    reg = REGULATIONS[0]
    clause = reg.find(Address.parse("d9.k3")).unit  # a lead-in, three dash items, a closing text; no points
    assert paragraph_parts(clause) == ((("intro",), ("dash1",), ("dash2",), ("dash3",), ("end",)), ())
    assert paragraph_parts(reg.find(Address.parse("d21.k2")).unit) == ((("intro",),), (("end",),))
    assert paragraph_parts(reg.find(Address.parse("d21.k1")).unit) == (((),), ())  # a clause of one paragraph
    dashes = Unit(Kind.POINT, "a", None, ("Gồm:", "- một;", "+ ý một;", "+ ý hai;", "- hai;", "Cuối."))
    assert paragraph_parts(dashes)[0] == (("intro",), ("dash1",), ("dash1", "dash1.plus1"),
                                          ("dash1", "dash1.plus2"), ("dash2",), ("end",))
    lead_in = Unit(Kind.CLAUSE, "1", None, ("- gạch trong đoạn mở đầu;",), (Unit(Kind.POINT, "a", None, ("x",)),))
    assert paragraph_parts(lead_in)[0] == (("intro", "dash1"),)
    printed = str(Fragments("vi", _mark, _badge, _parts).unchanged(dashes, False, Address.parse("d1.k1.a")))
    assert _picks(printed) == ["d1.k1.a.intro", "d1.k1.a.dash1", "d1.k1.a.dash1.plus1", "d1.k1.a.dash1.plus2",
                               "d1.k1.a.dash2", "d1.k1.a.end"]
    assert '<p class="sub-dash" data-on="d1.k1.a" data-part="d1.k1.a.dash1 d1.k1.a.dash1.plus2"><button ' in printed
    printed = str(Fragments("vi", _mark, _badge, _parts).unchanged(lead_in, False, Address.parse("d1.k1")))
    assert _picks(printed) == ["d1.k1.intro", "d1.k1.dash1"]  # both begin in one paragraph: two buttons


def _edited(tmp_path: Path) -> Path:
    """The shipped regulation with parts edited: a dash item taken out and two joined (khoản 4 Điều 7), a title,
    a lead-in, a closing text reworded, a dash item added (khoản 3 Điều 9), another taken out (khoản 1 Điều 16), a
    closing text taken out (khoản 2 Điều 21)."""
    text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    edits = [
        ("- Chấp hành đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước;\n", ""),
        ("thực dụng;\n- Thực hiện dân chủ", "thực dụng; thực hiện dân chủ"),
        ("## Điều 7. Trách nhiệm, quyền hạn của Tỉnh ủy viên", "## Điều 7. Nhiệm vụ, quyền hạn của Tỉnh ủy viên"),
        ("Tỉnh ủy viên có trách nhiệm nêu gương về:", "Tỉnh ủy viên phải nêu gương về:"),
        ("- Công tác đối ngoại của Đảng bộ tỉnh.\n",
         "- Công tác đối ngoại của Đảng bộ tỉnh;\n- Công tác chuyển đổi số.\n"),
        ("Bí thư Tỉnh ủy làm Bí thư Đảng ủy Quân sự tỉnh", "Bí thư Tỉnh ủy đồng thời là Bí thư Đảng ủy Quân sự tỉnh"),
        ("- Phù hợp với thực tiễn của tỉnh và có tính khả thi;\n", ""),
        ("\n\n<!-- đoạn cuối khoản 2 -->\n\nKết quả kiểm tra, giám sát được báo cáo Ban Thường vụ Tỉnh ủy.", ""),
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "01-QC-TU.md"
    path.write_text(text, encoding="utf-8")
    return path


def _page(tmp_path: Path, parts: bool) -> PageTemplate:
    folder = tmp_path / ("parts" if parts else "plain")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "annotated.html.j2").write_text('{% extends "redline-inline.html.j2" %}\n', encoding="utf-8")
    hooks = {"annotate": True, "mark": _mark, "badge": _badge, **({"mark_parts": _parts} if parts else {})}
    return PageTemplate("annotated.html.j2", folder, hooks)


def _words(fragment: str) -> str:
    """The new text a printed paragraph shows: its deletions, buttons and badges left out, its tags dropped."""
    fragment = re.sub(r'<del class="del">.*?</del>|<span class="said">[^<]*</span>|<button[^>]*></button>'
                      r'|<a class="badge".*?</a>', "", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_a_changed_provision_marks_the_paragraphs_that_show_its_new_text(tmp_path: Path) -> None:
    redline = compared_files.build_files(SHIPPED_REGULATION, _edited(tmp_path))
    today = dt.date(2026, 3, 1)
    page = render_html(redline, today=today, page=_page(tmp_path, True))
    assert _unmarked(page) == render_html(redline, today=today, page=_page(tmp_path, False))
    new = redline.comparison.new
    picks = _picks(page)
    assert sorted(picks) == sorted(_expected(new)) and len(picks) == len(set(picks))
    body = page[page.index('<div class="body-text">'):]
    checked = set()
    # An article's heading is an h3 (the accessibility headings), a paragraph a p.
    marked = r'<(?:p|h3|h4) class="(?!chapter|section|part\b)[^"]*"[^>]* data-part="([^"]*)">(.*?)</(?:p|h3|h4)>'
    for held, content in re.findall(marked, body):
        innermost = Address.parse(held.split()[-1])
        unit = new.find(innermost).unit
        shown = re.sub(r"^(?:Điều \S+\. |\S+[.)] )", "", _words(content))
        assert shown and shown in " ".join(part_paragraphs(unit, innermost.part)), (held, shown)
        checked.add(str(innermost))
    assert {"d7.title", "d7.k4.intro", "d7.k4.dash1", "d9.k3.dash4", "d9.k3.end", "d16.k1.dash2"} <= checked
    # A paragraph taken out shows nothing of the new text, and names no part of it.
    taken_out = [(attributes, content) for attributes, content
                 in re.findall(r'<p class="[^"]*chg"([^>]*)>(.*?)</p>', body) if not _words(content)]
    assert taken_out and all("data-part" not in attributes for attributes, _ in taken_out)
    # What is left of khoản 4 Điều 7 is one dash item (one taken out, two joined): the old item it extends marked
    # word by word, its button in it; the item joined to it struck out as the paragraph it was, naming no part.
    joined = re.findall(r'<p class="dash chg" data-on="d7.k4" data-part="d7.k4.dash1">(.*?)</p>', body)
    assert len(joined) == 1 and _picks(joined[0]) == ["d7.k4.dash1"]
    assert '<p class="dash chg" data-on="d7.k4"><del class="del">- Thực hiện dân chủ' in unsaid(body)

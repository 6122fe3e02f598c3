"""`amend from-edits` when an edit only repeals units of an article (clause), sweep r33.

More than half of an article's clauses repealed from its end, nothing else changed, was quoted whole without them
(`Sửa đổi, bổ sung Điều 3 như sau:` with the clauses left); a drafter repeals them (`Bãi bỏ các khoản 3, 4 và 5 Điều
3.`, as Luật 57/2024 writes `Bãi bỏ điểm d và điểm đ khoản 2 …`). An untitled article given a title beside repeals
only was quoted as its heading over nothing; it is renamed and the repeals worded as such. A lead-in deleted with
every clause read `Bãi bỏ phần mở đầu Điều 3 và khoản 1 và khoản 2 Điều 3.`; it is `Bãi bỏ đoạn mở đầu, khoản 1 và
khoản 2 Điều 3.`. Each case applies the instructions written and compares the result with the edited text exactly.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regdraft.core.amend.grammar import RepealUnits, ReplaceHeading
from regdraft.core.amend.provisions import provisions
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind, Regulation, map_units, repealed_unit

from .conftest import CORPUS, SHIPPED_ENGLISH, needs_corpus
from .test_amend_edits import ENGLISH, MINI, NEW_WORD, SHIPPED, Pair, body, generated, reproduces
from .test_amend_edits_all_repealed import DIEU_3, LEAD_IN, exactly, repealed

FIVE = ("3\\. Thường trực Tỉnh ủy chuẩn bị tài liệu.", "4\\. Văn phòng Tỉnh ủy gửi giấy mời.",
        "5\\. Đại biểu nghiên cứu tài liệu trước hội nghị.")
# Điều 3 of the mini regulation with five clauses.
MINI_5 = MINI.replace(DIEU_3[1], "\n\n".join((DIEU_3[1], *FIVE)))
UNTITLED = MINI.replace("## Điều 3. Hội nghị Ban Chấp hành", "## Điều 3")


def deleted(text: str, *units: str) -> str:
    """`text` with each of `units` deleted outright, blank line and all."""
    for unit in units:
        assert text.count("\n\n" + unit) == 1, unit
        text = text.replace("\n\n" + unit, "")
    return text


def _imported(name: str) -> str:
    from regdraft.importer import import_file

    return render(import_file(CORPUS / name).regulation)


def _article(text: str, heading: str, following: str) -> tuple[int, int]:
    """Where the text of the article whose heading starts `heading` stands, up to `following`."""
    start = text.index("\n\n", text.index("\n" + heading) + 1) + 2
    return start, text.index("\n\n" + following, start)


@pytest.mark.parametrize("how", ["placeholders", "deleted"])
def test_clauses_repealed_from_the_end_of_an_article_are_repealed_not_the_article_quoted(how: str) -> None:
    new = repealed(MINI_5, *FIVE) if how == "placeholders" else deleted(MINI_5, *FIVE)
    exactly(MINI_5, new, "1\\. Bãi bỏ các khoản 3, 4 và 5 Điều 3.")
    # Four of five, the first kept.
    gone = (DIEU_3[1], *FIVE)
    new = repealed(MINI_5, *gone) if how == "placeholders" else deleted(MINI_5, *gone)
    exactly(MINI_5, new, "1\\. Bãi bỏ các khoản 2, 3, 4 và 5 Điều 3.")


def test_points_repealed_from_the_end_of_a_clause_are_repealed_not_the_clause_quoted() -> None:
    points = ("b) Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy;", "c) Thiểu số phục tùng đa số.")
    exactly(MINI, repealed(MINI, *points), "1\\. Bãi bỏ điểm b và điểm c khoản 2 Điều 2.")


def test_repeals_beside_a_new_title_are_the_rename_and_the_repeals() -> None:
    renamed = repealed(MINI_5, DIEU_3[1], *FIVE).replace("## Điều 3. Hội nghị Ban Chấp hành", "## Điều 3. Hội nghị")
    exactly(MINI_5, renamed, "1\\. Sửa đổi tên Điều 3 như sau:\n\n“Điều 3. Hội nghị”.\n\n"
                             "2\\. Bãi bỏ các khoản 2, 3, 4 và 5 Điều 3.")


def test_an_untitled_article_given_a_title_with_its_clauses_repealed_is_renamed_and_they_repealed() -> None:
    # It was quoted as `“Điều 3. Hội nghị Ban Chấp hành”.` alone, the article left with no text at all.
    exactly(UNTITLED, repealed(MINI, *DIEU_3), "1\\. Sửa đổi tên Điều 3 như sau:\n\n“Điều 3. Hội nghị Ban Chấp "
                                               "hành”.\n\n2\\. Bãi bỏ khoản 1 và khoản 2 Điều 3.")
    # Given a title with some of its clauses rewritten, it is still re-enacted whole (there is no title to rename).
    rewritten = MINI.replace("theo Điều 2.", "theo Điều 2 và Điều 1.")
    assert body(UNTITLED, rewritten).startswith("1\\. Sửa đổi, bổ sung Điều 3 như sau:")


def test_a_lead_in_deleted_with_every_clause_is_cited_once_with_them() -> None:
    emptied = repealed(LEAD_IN, *DIEU_3).replace("Hội nghị Ban Chấp hành gồm:\n\n", "")
    exactly(LEAD_IN, emptied, "1\\. Bãi bỏ đoạn mở đầu, khoản 1 và khoản 2 Điều 3.")
    untitled = LEAD_IN.replace("## Điều 3. Hội nghị Ban Chấp hành", "## Điều 3")
    exactly(untitled, emptied.replace("## Điều 3. Hội nghị Ban Chấp hành", "## Điều 3"),
            "1\\. Bãi bỏ đoạn mở đầu, khoản 1 và khoản 2 Điều 3.")
    # Renamed, or given a title, as well: it was re-enacted as its title over nothing, the article left without text.
    renamed = emptied.replace("## Điều 3. Hội nghị Ban Chấp hành", "## Điều 3. Hội nghị")
    exactly(LEAD_IN, renamed, "1\\. Sửa đổi tên Điều 3 như sau:\n\n“Điều 3. Hội nghị”.\n\n"
                              "2\\. Bãi bỏ đoạn mở đầu, khoản 1 và khoản 2 Điều 3.")
    exactly(untitled, emptied, "1\\. Sửa đổi tên Điều 3 như sau:\n\n“Điều 3. Hội nghị Ban Chấp hành”.\n\n"
                               "2\\. Bãi bỏ đoạn mở đầu, khoản 1 và khoản 2 Điều 3.")
    # A clause's lead-in with all its points.
    points = MINI[MINI.index("2\\. Thực hiện nguyên tắc"):MINI.index("\n\n3\\. Công khai")]
    exactly(MINI, MINI.replace(points, "2\\.\n\na) (được bãi bỏ)\n\nb) (được bãi bỏ)\n\nc) (được bãi bỏ)"),
            "1\\. Bãi bỏ đoạn mở đầu, các điểm a, b và c khoản 2 Điều 2.")


@pytest.mark.parametrize(("cited", "language", "addresses"), [
    ("phần mở đầu, khoản 1 và khoản 2 Điều 3", "vi", ["d3.intro", "d3.k1", "d3.k2"]),
    ("phần mở đầu và khoản 1 Điều 3", "vi", ["d3.intro", "d3.k1"]),
    ("đoạn mở đầu, khoản 1 và khoản 2 Điều 3", "vi", ["d3.intro", "d3.k1", "d3.k2"]),  # as regdraft writes it
    ("đoạn mở đầu, các điểm a, b và c khoản 2 Điều 2", "vi", ["d2.k2.intro", "d2.k2.a", "d2.k2.b", "d2.k2.c"]),
    ("phần mở đầu Điều 3 và khoản 1 và khoản 2 Điều 3", "vi", ["d3.intro", "d3.k1", "d3.k2"]),
    ("the lead-in and clauses 1 and 2 of Article 3", "en", ["d3.intro", "d3.k1", "d3.k2"]),
])
def test_a_lead_in_named_before_its_units_is_read_as_their_holders(cited: str, language: str,
                                                                   addresses: list[str]) -> None:
    assert [str(c.address) for c in provisions(cited, None, language)] == addresses


@needs_corpus
def test_real_law_clauses_repealed_from_the_end_of_an_article() -> None:
    old = _imported("luat-thanh-nien.txt")
    start, end = _article(old, "## Điều 5. Nguyên tắc", "## Điều 6.")
    clauses = old[start:end].split("\n\n")
    assert [c[:3] for c in clauses] == [f"{n}\\." for n in range(1, 8)]
    new = old[:start] + "\n\n".join(clauses[:3]) + old[end:]  # khoản 4 to 7 deleted outright
    exactly(old, new, "1\\. Bãi bỏ các khoản 4, 5, 6 và 7 Điều 5.")
    # Not all at the end, left as placeholders: khoản 2, 5, 6 and 7.
    new = repealed(old, *(clauses[k] for k in (1, 4, 5, 6)))
    exactly(old, new, "1\\. Bãi bỏ các khoản 2, 5, 6 và 7 Điều 5.")


@needs_corpus
def test_real_law_untitled_article_given_a_title_with_both_clauses_repealed() -> None:
    old = _imported("luat-thi-dua-khen-thuong.txt")
    start, end = _article(old, "### Điều 41", "### Điều 42")
    new = (old[:start - 2].removesuffix("### Điều 41") + "### Điều 41. Huân chương Quân công hạng ba\n\n"
           "1\\. (được bãi bỏ)\n\n2\\. (được bãi bỏ)" + old[end:])
    exactly(old, new, "1\\. Sửa đổi tên Điều 41 như sau:\n\n“Điều 41. Huân chương Quân công hạng ba”.\n\n"
                      "2\\. Bãi bỏ khoản 1 và khoản 2 Điều 41.")


def _english() -> str:
    return Path(SHIPPED_ENGLISH).read_text(encoding="utf-8")


def test_english_clauses_repealed_from_the_end_of_an_article() -> None:
    english = _english()
    start, end = _article(english, "## Article 6. Duties and powers of the Standing Office of the Provincial Party "
                                   "Committee", "## Article 7.")
    clauses = [c for c in english[start:end].split("\n\n") if c[:1].isdigit()]
    assert [c[:3] for c in clauses] == [f"{n}\\." for n in range(1, 7)]
    new = repealed(english, *clauses[2:], mark="(repealed)")
    exactly(english, new, "1\\. Clauses 3, 4, 5 and 6 of Article 6 are repealed.")


def test_english_lead_in_deleted_with_every_clause() -> None:
    english = _english()
    lead_in = ("The Provincial Party Executive Committee is the leading body of the Provincial Party Organisation "
               "between two congresses and has the following duties and powers:\n\n")
    start, end = _article(english, "## Article 4. Duties and powers of the Provincial Party Executive Committee",
                          "## Article 5.")
    assert english[start:].startswith(lead_in)
    body = english[start + len(lead_in):end]
    clauses = [c for c in body.split("\n\n") if c[:1].isdigit() and c[1:3] == "\\."]
    assert [c[:3] for c in clauses] == [f"{n}\\." for n in range(1, 7)]
    placeholders = "\n\n".join(f"{n}\\. (repealed)" for n in range(1, 7))
    new = english[:start] + placeholders + english[end:]
    exactly(english, new, "1\\. The lead-in and clauses 1, 2, 3, 4, 5 and 6 of Article 4 are repealed.")


def test_english_untitled_article_given_a_title_with_its_clauses_repealed() -> None:
    english = _english()
    start, end = _article(english, "## Article 2. Subjects of application", "## Article 3.")
    clauses = english[start:end].split("\n\n")
    assert [c[:3] for c in clauses] == ["1\\.", "2\\."]
    untitled = english.replace("## Article 2. Subjects of application", "## Article 2")
    exactly(untitled, repealed(english, *clauses, mark="(repealed)"),
            "1\\. The title of Article 2 is amended to read:\n\n“Article 2. Subjects of application”.\n\n"
            "2\\. Clauses 1 and 2 of Article 2 are repealed.")


# The property: an edit that only repeals is written as repeals (and a rename), and applying them gives it --------

@st.composite
def _repeals(draw: st.DrawFn, reg: Regulation) -> tuple[Regulation, Regulation]:
    """`reg` (with the holder untitled, when drawn so) and a copy repealing some points (clauses) of one clause
    (article) still in force (all of them, perhaps with its lead-in), its title perhaps renamed or given, nothing else
    changed."""
    holders = [loc.address for loc in reg.walk() if loc.unit.kind in (Kind.ARTICLE, Kind.CLAUSE)
               and not loc.unit.repealed and sum(not c.repealed for c in loc.unit.children) >= 2]
    address = draw(st.sampled_from(holders))
    unit = reg.find(address).unit
    live = [k for k, c in enumerate(unit.children) if not c.repealed]
    gone = set(draw(st.lists(st.sampled_from(live), min_size=1, max_size=len(live), unique=True)))
    title = draw(st.sampled_from(("same", "renamed", "given"))) if unit.kind is Kind.ARTICLE and unit.title \
        else "same"
    children = tuple(repealed_unit(c) if k in gone else c for k, c in enumerate(unit.children))
    new_title = unit.title if title == "same" else f"{unit.title} và {NEW_WORD}"
    # Every one of them repealed, its lead-in perhaps deleted with them.
    text = () if len(gone) == len(live) and unit.text and draw(st.booleans()) else unit.text
    units, found = map_units(reg.units, address, lambda u: [replace(u, title=new_title, text=text, children=children)])
    assert found
    if title == "given":
        untitled, found = map_units(reg.units, address, lambda u: [replace(u, title=None)])
        reg = reg.with_units(untitled)
    return reg, parse(render(reg.with_units(units)), "edited.md")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(("vi", "en")).flatmap(lambda language: _repeals(SHIPPED if language == "vi" else ENGLISH)))
def test_an_edit_that_only_repeals_is_written_as_repeals(pair: Pair) -> None:
    old, new = pair
    reproduces(old, new)
    for ins in generated(old, new).instructions:  # as `reproduces` generated them
        for leaf in ins.leaves():
            assert isinstance(leaf.op, (RepealUnits, ReplaceHeading)), leaf.text

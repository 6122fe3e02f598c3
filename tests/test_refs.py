"""Cross-references: detection in both languages, relative resolution, external documents,
false-positive guards, and the checks built on them."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from regdraft.core.markdown import parse
from regdraft.core.model import Address, Regulation, map_units, repealed_unit
from regdraft.core.refs import (
    Reference,
    affected_references,
    find_references,
    missing_message,
    missing_targets,
    referred_from,
    referring_to,
)
from regdraft.core.refs.listing import rows as listing
from tests.conftest import CORPUS, FIXTURES, SHIPPED_ENGLISH, SHIPPED_REGULATION

REFS = FIXTURES / "refs"


@cache
def base(language: str) -> Regulation:
    """12 articles in 4 chapters (IV has sections 1-2); clauses 1-4; points a-đ in clause 1."""
    return parse((REFS / f"base-{language}.md").read_text("utf-8"), f"base-{language}.md")


def with_text(language: str, where: str, sentence: str) -> Regulation:
    """The base regulation with `sentence` added to the text of the unit at `where`."""
    reg = base(language)
    units, found = map_units(
        reg.units, Address.parse(where), lambda u: [replace(u, text=(*u.text, sentence))]
    )
    assert found
    return reg.with_units(units)


def refs_in(language: str, where: str, sentence: str) -> list[Reference]:
    """The references found in `sentence` standing in the unit at `where`."""
    return [
        r
        for r in find_references(with_text(language, where, sentence))
        if r.source == Address.parse(where)
    ]


def targets(refs: list[Reference]) -> list[list[str]]:
    return [[str(t) for t in r.targets] for r in refs]


VI_FORMS = [
    ("Thực hiện theo Điều 12.", "d3.k2", [["d12"]]),
    ("theo quy định tại khoản 2 Điều 5 Quy chế này;", "d3.k2", [["d5.k2"]]),
    ("theo điểm a, b khoản 1 Điều 3.", "d7.k2", [["d3.k1.a", "d3.k1.b"]]),
    ("theo điểm a và điểm b khoản 1 Điều 3.", "d7.k2", [["d3.k1.a", "d3.k1.b"]]),
    (
        "các điểm a, b, d và đ khoản 1 Điều 3.",
        "d7.k2",
        [["d3.k1.a", "d3.k1.b", "d3.k1.d", "d3.k1.dd"]],
    ),
    ("khoản 1 và khoản 3 Điều 7", "d2.k2", [["d7.k1", "d7.k3"]]),
    ("khoản 1, 2 Điều 7", "d2.k2", [["d7.k1", "d7.k2"]]),
    ("khoản 1, khoản 2 Điều 7", "d2.k2", [["d7.k1", "d7.k2"]]),
    ("các Điều 5, 6 và 7", "d2.k2", [["d5", "d6", "d7"]]),
    # Articles cited together in lower case, as laws write them (Nghị định 63/2010, Luật Đấu thầu 22/2023).
    ("quy định tại các điều 7, 8 của Quy chế này.", "d2.k2", [["d7", "d8"]]),
    ("theo các điều 5, 6 và 7 và khoản 2 Điều 9", "d2.k2", [["d5", "d6", "d7", "d9.k2"]]),
    ("Điều 5, Điều 6 hoặc Điều 7", "d2.k2", [["d5", "d6", "d7"]]),
    ("từ Điều 5 đến Điều 8", "d2.k2", [["d5", "d6", "d7", "d8"]]),
    ("từ khoản 1 đến khoản 3 Điều 9", "d2.k2", [["d9.k1", "d9.k2", "d9.k3"]]),
    (
        "các điểm từ điểm a đến điểm d khoản 1 Điều 4",
        "d2.k2",
        [["d4.k1.a", "d4.k1.b", "d4.k1.c", "d4.k1.d"]],
    ),
    ("quy định tại Chương II", "d1.k2", [["ch2"]]),
    ("các Chương II và III", "d1.k2", [["ch2", "ch3"]]),
    ("quy định tại Mục 2 Chương IV", "d1.k2", [["ch4.m2"]]),
    ("quy định tại Mục 2 Chương này", "d10.k2", [["ch4.m2"]]),
    ("quy định tại Mục 1", "d11.k2", [["ch4.m1"]]),
    ("quy định tại Chương này", "d4.k2", [["ch2"]]),
    ("quy định tại khoản 3 Điều này", "d6.k1", [["d6.k3"]]),
    ("quy định tại khoản này", "d6.k2", [["d6.k2"]]),
    ("quy định tại điểm b khoản này", "d6.k1.a", [["d6.k1.b"]]),
    ("quy định tại điểm b khoản 1 Điều này", "d6.k2", [["d6.k1.b"]]),
    ("quy định tại Điều này", "d6.k1.c", [["d6"]]),
    ("quy định tại khoản 3", "d6.k1", [["d6.k3"]]),
    ("các trường hợp tại điểm c", "d6.k1.a", [["d6.k1.c"]]),
    ("Khoản 2 Điều 4 và điểm a khoản 1 Điều 5 được áp dụng.", "d2.k2", [["d4.k2", "d5.k1.a"]]),
    ("khoản 2 Điều 5 và khoản 3 Điều 7", "d2.k2", [["d5.k2", "d7.k3"]]),
    ("điểm a khoản 1 và khoản 2 Điều 3", "d2.k2", [["d3.k1.a", "d3.k2"]]),
    ("Điều 12 khoản 2", "d2.k2", [["d12.k2"]]),
    ("Điều 4 của Quy chế này và khoản 1 Điều 8 của Luật này", "d2.k2", [["d4"], ["d8.k1"]]),
    ("Điều 5 Quy chế số 99-QC/TU", "d2.k2", [["d5"]]),
    ("xem Điều 3. Điều 4 quy định khác.", "d2.k2", [["d3"], ["d4"]]),
]


@pytest.mark.parametrize(("sentence", "where", "expected"), VI_FORMS)
def test_vietnamese_forms(sentence: str, where: str, expected: list[list[str]]) -> None:
    refs = refs_in("vi", where, sentence)
    assert targets(refs) == expected
    assert all(r.external is None for r in refs)


EN_FORMS = [
    ("as provided in Article 12.", "d3.k2", [["d12"]]),
    ("under clause 2 of Article 5 of these Regulations;", "d3.k2", [["d5.k2"]]),
    ("under point a, clause 1, Article 3.", "d7.k2", [["d3.k1.a"]]),
    ("under points a and b of clause 1 of Article 3.", "d7.k2", [["d3.k1.a", "d3.k1.b"]]),
    ("under point dd, clause 1, Article 3.", "d7.k2", [["d3.k1.dd"]]),
    ("clauses 1 and 3 of Article 7", "d2.k2", [["d7.k1", "d7.k3"]]),
    ("Articles 5, 6 and 7", "d2.k2", [["d5", "d6", "d7"]]),
    ("Articles 5 to 8", "d2.k2", [["d5", "d6", "d7", "d8"]]),
    ("Chapter II", "d1.k2", [["ch2"]]),
    ("Section 2 of Chapter IV", "d1.k2", [["ch4.m2"]]),
    ("clause 3 of this Article", "d6.k1", [["d6.k3"]]),
    ("this clause", "d6.k2", [["d6.k2"]]),
    ("point b of this clause", "d6.k1.a", [["d6.k1.b"]]),
    ("this Article", "d6.k1.c", [["d6"]]),
    ("Article 4 of this Regulation", "d2.k2", [["d4"]]),
    # the brackets English rules write (r29 sweep AL): the clause and point, not the article alone
    ("by resolution under Article 12(2)(b).", "d1.k2", [["d12.k2.b"]]),
    ("within the period in Article 14(3);", "d1.k2", [["d14.k3"]]),
    ("under Article 3(1)(dd) and Article 7", "d1.k2", [["d3.k1.dd", "d7"]]),
    # a second bracket after `and`, `,` or `to`, a bracket in a list, `paragraph`, points in brackets (r30)
    ("under Article 12(2)(a) and (c).", "d1.k2", [["d12.k2.a", "d12.k2.c"]]),
    ("under Article 12(2)(a), (b) and (d);", "d1.k2", [["d12.k2.a", "d12.k2.b", "d12.k2.d"]]),
    ("under Article 12(1)(a) to (c).", "d1.k2", [["d12.k1.a", "d12.k1.b", "d12.k1.c"]]),
    ("under Article 12(2) and (3).", "d1.k2", [["d12.k2", "d12.k3"]]),
    ("under Article 12(1)(a) and (3)(b).", "d1.k2", [["d12.k1.a", "d12.k3.b"]]),
    ("under Articles 5 and 12(2).", "d1.k2", [["d5", "d12.k2"]]),
    ("under Articles 5 and 3(1)(b).", "d1.k2", [["d5", "d3.k1.b"]]),
    ("under paragraph 3.", "d6.k1", [["d6.k3"]]),
    ("under paragraph 3 of this Article.", "d6.k1", [["d6.k3"]]),
    ("under clause 3.", "d6.k1", [["d6.k3"]]),
    ("under points (a) and (b) of clause 1 of Article 3.", "d7.k2", [["d3.k1.a", "d3.k1.b"]]),
    ("under points (a) to (c) of clause 1.", "d6.k2", [["d6.k1.a", "d6.k1.b", "d6.k1.c"]]),
    ("the sub-paragraph 3 heading", "d6.k1", []),
]


@pytest.mark.parametrize(("sentence", "where", "expected"), EN_FORMS)
def test_english_forms(sentence: str, where: str, expected: list[list[str]]) -> None:
    refs = refs_in("en", where, sentence)
    assert targets(refs) == expected
    assert all(r.external is None for r in refs)


def test_a_range_of_points_in_an_english_text_runs_over_the_english_letters() -> None:
    """`points a to e` of an English text of its own (lettering a to z) are five, with no dd (`đ`) among them; in a
    text lettering dd (a translation's alphabet) and in Vietnamese, the range runs a b c d đ e."""
    english = parse((REFS / "base-en.md").read_text("utf-8").replace("dd) Text dd;", "e) Text e;"), "base-en.md")
    assert english.alphabet == "en"
    sentence = "under points a to e of clause 1; see Article 12(1)(a) to (e)."
    units, _ = map_units(english.units, Address.parse("d6.k2"), lambda u: [replace(u, text=(*u.text, sentence))])
    refs = [r for r in find_references(english.with_units(units)) if r.source == Address.parse("d6.k2")]
    assert targets(refs) == [["d6.k1.a", "d6.k1.b", "d6.k1.c", "d6.k1.d", "d6.k1.e"],
                             ["d12.k1.a", "d12.k1.b", "d12.k1.c", "d12.k1.d", "d12.k1.e"]]
    assert missing_targets(english.with_units(units)) == []
    assert targets(refs_in("en", "d6.k2", "under points a to e of clause 1.")) == [
        ["d6.k1.a", "d6.k1.b", "d6.k1.c", "d6.k1.d", "d6.k1.dd", "d6.k1.e"]]


EXTERNAL = [
    ("vi", "theo Điều 5 Điều lệ Đảng;", "Điều lệ Đảng", "Điều 5 Điều lệ Đảng"),
    (
        "vi",
        "theo khoản 2 Điều 3 Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương",
        "Quy định số 24-QĐ/TW",
        "khoản 2 Điều 3 Quy định số 24-QĐ/TW",
    ),
    (
        "vi",
        "theo Điều 10 Luật Tổ chức chính quyền địa phương và",
        "Luật Tổ chức chính quyền địa phương",
        "Điều 10 Luật Tổ chức chính quyền địa phương",
    ),
    (
        "vi",
        "theo Điều 2 của Nghị quyết số 15-NQ/TW",
        "Nghị quyết số 15-NQ/TW",
        "Điều 2 của Nghị quyết số 15-NQ/TW",
    ),
    ("vi", "theo mục 3 Hướng dẫn số 01-HD/TW", "Hướng dẫn số 01-HD/TW", "Hướng dẫn số 01-HD/TW"),
    ("vi", "theo Điều 7 Bộ luật Lao động", "Bộ luật Lao động", "Điều 7 Bộ luật Lao động"),
    (
        "vi",
        "Thực hiện Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương.",
        "Quy định số 24-QĐ/TW",
        "Quy định số 24-QĐ/TW",
    ),
    (
        "en",
        "under Article 5 of the Party Charter;",
        "Party Charter",
        "Article 5 of the Party Charter",
    ),
    (
        "en",
        "under Article 3 of Regulation No. 24-QĐ/TW of the Central Committee",
        "Regulation No. 24-QĐ/TW",
        "Article 3 of Regulation No. 24-QĐ/TW",
    ),
    (
        "en",
        "implementing Regulation No. 24-QĐ/TW.",
        "Regulation No. 24-QĐ/TW",
        "Regulation No. 24-QĐ/TW",
    ),
    (
        "en",
        "under Article 10 of the Law on Cadres and Civil Servants, and",
        "Law on Cadres and Civil Servants",
        "Article 10 of the Law on Cadres and Civil Servants",
    ),
]


@pytest.mark.parametrize(("language", "sentence", "document", "words"), EXTERNAL)
def test_external_references_are_listed_not_resolved(
    language: str, sentence: str, document: str, words: str
) -> None:
    refs = refs_in(language, "d2.k2", sentence)
    assert [(r.external, r.text, r.targets) for r in refs] == [(document, words, ())]


def test_external_reference_is_never_missing() -> None:
    reg = with_text("vi", "d2.k2", "theo khoản 9 Điều 99 Điều lệ Đảng.")
    assert missing_targets(reg) == []


NOT_REFERENCES = [
    ("vi", "Hội nghị ngày 30/7/2021 họp 3 tháng một lần."),
    (
        "vi",
        "Căn cứ Điều lệ Đảng và Chương trình công tác toàn khóa; Mục tiêu, Điều kiện, Điều tra.",
    ),
    ("vi", "các khoản thu khác, khoản 2 triệu đồng, khoản 3 năm."),
    ("vi", "quan điểm, đặc điểm, thời điểm, điểm đến du lịch, điểm y tế, điểm a tế."),
    ("vi", "Quy chế này có hiệu lực kể từ ngày ký."),
    ("vi", "Những điều đảng viên không được làm."),
    ("vi", "các điều kiện, các điều khoản của hợp đồng và các điều cần làm; điều 5 năm."),
    ("en", "These Regulations take effect on 9 January 2021; at this point a vote is taken."),
    ("en", "the point is made; clause 3 months later; the articles of association."),
]


@pytest.mark.parametrize(("language", "sentence"), NOT_REFERENCES)
def test_numbers_and_words_that_are_not_references(language: str, sentence: str) -> None:
    assert refs_in(language, "d2.k2", sentence) == []


def test_relative_reference_resolves_where_it_stands() -> None:
    reg = with_text("vi", "d9.k4", "theo khoản 1 Điều này")
    ref = next(r for r in find_references(reg) if r.source == Address.parse("d9.k4"))
    assert ref.targets == (Address.parse("d9.k1"),)
    assert ref.line == reg.find("d9.k4").unit.line > 0


def test_relative_word_without_its_unit_is_skipped() -> None:
    # An article's lead-in cannot say "khoản này": there is no clause to resolve against.
    assert refs_in("vi", "d9", "theo khoản này") == []


def test_missing_targets_name_both_ends() -> None:
    reg = with_text("vi", "d5.k2", "theo khoản 7 Điều 9 và Điều 40")
    missing = missing_targets(reg)
    assert [(str(r.source), str(t)) for r, t in missing] == [("d5.k2", "d9.k7"), ("d5.k2", "d40")]
    assert missing_message(reg, *missing[0]) == (
        'khoản 2 Điều 5 refers to khoản 7 Điều 9 ("khoản 7 Điều 9 và Điều 40"), '
        "which does not exist."
    )


def test_reference_to_repealed_provision_is_missing() -> None:
    reg = with_text("vi", "d5.k2", "theo khoản 3 Điều 9")
    units, _ = map_units(reg.units, Address.parse("d9"), lambda u: [repealed_unit(u)])
    reg = reg.with_units(units)
    [(ref, target)] = missing_targets(reg)
    assert (
        missing_message(reg, ref, target)
        == "khoản 2 Điều 5 refers to khoản 3 Điều 9, which has been repealed."
    )


def test_referring_to_and_from() -> None:
    reg = with_text("vi", "d2.k2", "theo điểm a khoản 1 Điều 9 và Điều 10")
    reg = reg.with_units(
        map_units(
            reg.units, Address.parse("d4.k3"), lambda u: [replace(u, text=(*u.text, "theo Điều 9"))]
        )[0]
    )
    assert [str(r.source) for r in referring_to(reg, Address.parse("d9"))] == ["d2.k2", "d4.k3"]
    assert [str(r.source) for r in referring_to(reg, Address.parse("d9.k1.a"))] == ["d2.k2"]
    assert referring_to(reg, Address.parse("d9.k2")) == []
    assert [r.text for r in referred_from(reg, Address.parse("d2"))] == [
        "điểm a khoản 1 Điều 9 và Điều 10"
    ]
    assert [str(r.source) for r in referring_to(reg, Address.parse("ch4"))] == ["d2.k2", "d4.k3"]
    rows = listing(reg, to="d9")
    # Điều 10 is cited beside Điều 9, not inside it.
    assert [[str(a) for a in row.inside] for row in rows] == [["d9.k1.a"], []]


def _repeal(reg: Regulation, where: str) -> Regulation:
    return reg.with_units(
        map_units(reg.units, Address.parse(where), lambda u: [repealed_unit(u)])[0]
    )


def _retext(reg: Regulation, where: str, text: str) -> Regulation:
    return reg.with_units(
        map_units(reg.units, Address.parse(where), lambda u: [replace(u, text=(text,))])[0]
    )


def test_affected_references_broken_and_check() -> None:
    before = with_text("vi", "d2.k2", "theo khoản 3 Điều 9, Điều 10 và điểm b khoản 1 Điều 11")
    after = _retext(_repeal(before, "d9.k3"), "d11.k1.b", "Điểm mới.")
    issues = affected_references(before, after, [Address.parse("d9.k3"), Address.parse("d11.k1.b")])
    assert [(i.kind, str(i.reference.source), str(i.target)) for i in issues] == [
        ("broken", "d2.k2", "d9.k3"),
        ("check", "d2.k2", "d11.k1.b"),
    ]
    assert issues[0].describe() == (
        "khoản 2 Điều 2 refers to khoản 3 Điều 9 "
        '("khoản 3 Điều 9, Điều 10 và điểm b khoản 1 Điều 11"), '
        "which the amendment repeals or removes: the reference is broken."
    )


def test_affected_references_change_inside_target_needs_checking() -> None:
    before = with_text("vi", "d2.k2", "theo Điều 9")
    after = _retext(before, "d9.k2", "Khoản mới.")
    [issue] = affected_references(before, after, [Address.parse("d9.k2")])
    assert (issue.kind, issue.target, issue.changed) == (
        "check",
        Address.parse("d9"),
        Address.parse("d9.k2"),
    )
    assert "the amendment changes khoản 2 Điều 9" in issue.describe()


def test_affected_references_leave_out_the_changed_text_and_old_breakage() -> None:
    before = with_text("vi", "d2.k2", "theo Điều 40")  # already broken before the change
    after = _retext(before, "d9.k2", "theo khoản 1 Điều này.")
    # The new text of khoản 2 Điều 9 refers to khoản 1 Điều 9: written with the change, not
    # affected by it.
    assert affected_references(before, after, [Address.parse("d9.k2")]) == []
    # A reference to the whole chapter holding a changed article needs checking too.
    before = with_text("vi", "d1.k2", "theo Chương II")
    after = _retext(before, "d5.k1", "Khoản mới.")
    assert [
        (i.kind, str(i.target))
        for i in affected_references(before, after, [Address.parse("d5.k1")])
    ] == [("check", "ch2")]


def test_affected_references_removed_unit_is_broken_even_if_unlisted() -> None:
    before = with_text("vi", "d2.k2", "theo khoản 4 Điều 9")
    units, _ = map_units(before.units, Address.parse("d9.k4"), lambda u: [])
    after = before.with_units(units)
    assert [(i.kind, str(i.target)) for i in affected_references(before, after, [])] == [
        ("broken", "d9.k4")
    ]


def test_fixture_files_have_every_form_and_no_missing() -> None:
    for name in ("forms-vi.md", "forms-en.md"):
        reg = parse((REFS / name).read_text("utf-8"), name)
        refs = find_references(reg)
        assert len([r for r in refs if r.external is None]) >= 12
        assert [r for r in refs if r.external is not None]
        assert missing_targets(reg) == []


def test_broken_fixture_reports_exactly_its_broken_references() -> None:
    reg = parse((REFS / "broken-vi.md").read_text("utf-8"), "broken-vi.md")
    assert [(str(r.source), str(t)) for r, t in missing_targets(reg)] == [
        ("d2.k1", "d3.k7"),
        ("d3.k2", "d1.k1.c"),
    ]


def test_many_articles_in_one_pass() -> None:
    # 1,000 articles with several references each: one pass, every one found and resolved.
    body = "\n\n".join(
        f"## Điều {n}. Điều thứ {n}\n\n1\\. Theo khoản 2 Điều {max(1, n - 1)} và Điều 1.\n\n"
        f"2\\. Quy định tại khoản 1 Điều này, điểm a khoản 1 Điều 1 Quy chế này."
        for n in range(1, 1001)
    )
    text = (
        "---\nid: BIG\ntype: Quy chế\ntitle: Big\nlanguage: vi\nissuer: X\n"
        "signed: 2021-01-01\n---\n\n" + body + "\n"
    )
    reg = parse(text)
    refs = find_references(reg)
    assert len(refs) == 2000
    assert sum(len(r.targets) for r in refs) == 4000
    assert [str(t) for r, t in missing_targets(reg)] == ["d1.k1.a"] * 1000


def test_shipped_regulation_references_all_resolve() -> None:
    reg = parse(SHIPPED_REGULATION.read_bytes(), "regulations/01-QC-TU.md")
    refs = find_references(reg)
    assert len([r for r in refs if r.external is None]) >= 10
    assert missing_targets(reg) == []


def test_shipped_translation_references_all_resolve() -> None:
    reg = parse(SHIPPED_ENGLISH.read_bytes(), "regulations/01-QC-TU-EN.md")
    assert missing_targets(reg) == []


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


_MENTION = re.compile(
    r"(?<!\w)(?:[Đđ]iểm [a-zđ](?!\w)|[Kk]hoản \d+|Điều \d+|Chương [IVX\d]+(?!\w)|Mục \d+|"
    r"[Kk]hoản này|Điều này|Chương này|Mục này|(?<=các )điều \d+)"
)


@pytest.mark.skipif(not corpus_files(), reason="the shared corpus is not available")
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_corpus_references_resolve_and_are_all_found(path: Path) -> None:
    from regdraft.importer import import_file

    reg = import_file(path, reg_id=path.stem).regulation
    refs = find_references(reg)
    # No false "missing": every internal citation in these laws names a provision that exists.
    # (Điều 113 of luat-giao-duc amends another law; its citations are external, by its title.)
    assert missing_targets(reg) == []
    # And none is overlooked: every citation-like mention in a unit's text lies inside a
    # reference found in that unit.
    found: dict[Address, list[str]] = {}
    for ref in refs:
        found.setdefault(ref.source, []).append(ref.text)
    overlooked = [
        (str(loc.address), m.group(0))
        for loc in reg.walk()
        for para in loc.unit.text
        for m in _MENTION.finditer(para)
        if not any(m.group(0) in t for t in found.get(loc.address, []))
    ]
    assert overlooked == []
    if path.stem == "luat-giao-duc":
        amending = [r for r in refs if str(r.source).startswith("d113.")]
        assert {r.external for r in amending} == {"Luật Giáo dục nghề nghiệp số 74/2014/QH13"}
    if path.stem == "luat-du-lich":
        assert sum(len(r.targets) for r in refs) >= 80


def test_document_name_after_a_list_belongs_to_the_last_item_only() -> None:
    """`..., Điều 4, Điều 5 Điều lệ Đảng`: only Điều 5 is of the Charter; the rest are of this regulation."""
    sentence = "theo Điều 45, khoản 3 Điều này, điểm a, b khoản 1 Điều 4, Điều 5 Điều lệ Đảng."
    refs = refs_in("vi", "d2.k2", sentence)
    assert [(r.text, r.external) for r in refs] == [
        ("Điều 45, khoản 3 Điều này, điểm a, b khoản 1 Điều 4", None),
        ("Điều 5 Điều lệ Đảng", "Điều lệ Đảng"),
    ]
    assert targets(refs) == [["d45", "d2.k3", "d4.k1.a", "d4.k1.b"], []]
    missing = missing_targets(with_text("vi", "d2.k2", sentence))
    assert [(str(r.source), str(t)) for r, t in missing] == [("d2.k2", "d45")]


@pytest.mark.parametrize(
    ("sentence", "external"),
    [
        ("theo khoản 1, khoản 2 Điều 4 Luật Cán bộ, công chức.", "khoản 1, khoản 2 Điều 4 Luật Cán bộ"),
        ("theo Điều 4, 5 Điều lệ Đảng.", "Điều 4, 5 Điều lệ Đảng"),
        ("theo Điều 4 và Điều 5 Điều lệ Đảng.", "Điều 4 và Điều 5 Điều lệ Đảng"),
    ],
)
def test_document_name_covers_the_items_it_holds(sentence: str, external: str) -> None:
    """Clauses of the named article, a bare list of labels and `và` all stay with the document."""
    refs = refs_in("vi", "d2.k2", sentence)
    assert [(r.text, r.targets) for r in refs] == [(external, ())]


def test_a_law_cited_by_its_name_and_number_is_external() -> None:
    # Luật Giáo dục 2019, khoản 2 Điều 114: `refs --external` listed the three amending laws and not the law itself.
    sentence = ("Luật Giáo dục số 38/2005/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 44/2009/QH12 và "
                "Luật Tổ chức chính quyền địa phương số 77/2015/QH13 hết hiệu lực.")
    refs = refs_in("vi", "d2.k2", sentence)
    assert [r.external for r in refs] == ["Luật Giáo dục số 38/2005/QH11", "Luật số 44/2009/QH12",
                                          "Luật Tổ chức chính quyền địa phương số 77/2015/QH13"]
    # A sentence that speaks of this law is no name: `Luật này được sửa đổi theo Luật số …` cites one law.
    assert [r.external for r in refs_in("vi", "d2.k2", "Luật này được sửa đổi theo Luật số 44/2009/QH12.")] == [
        "Luật số 44/2009/QH12"]


@pytest.mark.parametrize(("heading", "renamed", "checked"), [
    ("## Mục 1. HỘI NGHỊ", "## Mục 1. HỘI NGHỊ BAN CHẤP HÀNH",
     ["khoản 2 Điều 4 refers to Mục 1 Chương II (\"Chương I và Mục 1 Chương II\"); the amendment changes "
      "tên Mục 1 Chương II: check that the reference still holds."]),
    ("# Chương II. CHẾ ĐỘ LÀM VIỆC", "# Chương II. CHẾ ĐỘ LÀM VIỆC VÀ QUYẾT ĐỊNH", []),
    ("## Điều 3. Hội nghị Ban Chấp hành", "## Điều 3. Hội nghị của Ban Chấp hành", []),
])
def test_a_renamed_heading_asks_to_check_only_references_to_its_own_unit(heading: str, renamed: str,
                                                                         checked: list[str]) -> None:
    # Renaming Mục 1 Chương II, Chương II or Điều 3 asked to check `điểm a, b khoản 1 Điều 3` cited from Chương I,
    # though no number or text under the title changes; a citation of the renamed unit itself is still checked.
    from regdraft.core.amend import apply, load_amendment, render_amendment
    from regdraft.core.amend.edits import document, instructions_from_edits

    text = (REFS / "forms-vi.md").read_text("utf-8")
    before = parse(text, "forms-vi.md")
    edited = parse(text.replace(f"\n{heading}\n", f"\n{renamed}\n"), "edited.md")
    written = render_amendment(document(before, instructions_from_edits(before, edited).instructions))
    applied = apply(before, load_amendment(written, "generated.md", "generated"))
    issues = affected_references(before, applied.regulation, [c.provision for c in applied.changes])
    assert [i.describe("vi") for i in issues] == checked

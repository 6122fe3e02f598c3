"""The structure-aware comparison: alignment, moves, word-level segments, tone folding."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regdraft.core import word_diff as word_diff_module
from regdraft.core.diff import ChangeKind, Provision, compare
from regdraft.core.errors import RegdraftError
from regdraft.core.markdown import parse
from regdraft.core.model import Address
from regdraft.core.stated_changes import with_stated_kinds
from regdraft.core.word_diff import DiffSegment, Op, as_written, diff_phrases, diff_words, new_side, old_side
from tests.strategies import VI_WORDS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def _edited(*pairs: tuple[str, str]) -> str:
    text = MINI
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text


def _kinds(old: str, new: str, **kw: bool) -> list[tuple[str, str | None, str | None]]:
    result = compare(parse(old), parse(new), **kw)
    return [(c.kind.value, str(c.old_address) if c.old_address else None,
             str(c.new_address) if c.new_address else None) for c in result.changes]


def test_identical_documents_have_no_changes() -> None:
    result = compare(parse(MINI), parse(MINI))
    assert result.changes == ()
    assert all(p.identical for p in result.provisions)


def test_words_replaced_inside_a_point_keeps_the_name_whole() -> None:
    new = _edited(("trước Ban Thường vụ Tỉnh ủy", "trước Ban Chấp hành Tỉnh ủy"))
    result = compare(parse(MINI), parse(new))
    [change] = result.changes
    assert change.kind is ChangeKind.WORDS_REPLACED
    assert change.new_address == Address.parse("d2.k2.b")
    edits = [(s.op, s.text) for s in change.segments if s.op is not Op.EQUAL]
    assert edits == [(Op.DELETE, "Thường vụ"), (Op.INSERT, "Chấp hành")]


def test_inserted_repealed_and_heading_changes_in_document_order() -> None:
    new = _edited(
        ("c) Thiểu số phục tùng đa số.", "c) Thiểu số phục tùng đa số;\n\nd) Điểm mới."),
        ("3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này.", "3\\. (được bãi bỏ)"),
        ("## Điều 4\n", "## Điều 4. Hiệu lực thi hành\n"),
    )
    assert _kinds(MINI, new) == [
        ("words replaced", "d2.k2.c", "d2.k2.c"),
        ("inserted", None, "d2.k2.d"),
        ("repealed", "d2.k3", "d2.k3"),
        ("heading changed", "d4", "d4"),
    ]


def test_a_change_that_only_deletes_words_is_words_deleted() -> None:
    new = _edited(("chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy", "chịu trách nhiệm"),
                  ("tập thể lãnh đạo, cá nhân phụ trách", "tập thể lãnh đạo, phụ trách"))
    assert _kinds(MINI, new) == [("words deleted", "d2.k2", "d2.k2"), ("words deleted", "d2.k2.b", "d2.k2.b")]


def test_a_change_that_adds_words_is_an_amendment_not_a_phrase_change() -> None:
    new = _edited(("a) Tập thể thảo luận dân chủ;", "a) Tập thể thảo luận dân chủ, công khai;"))
    assert _kinds(MINI, new) == [("amended", "d2.k2.a", "d2.k2.a")]


def test_anchors_follow_document_order() -> None:
    new = _edited(("a) Tập thể thảo luận dân chủ;", "a) Tập thể thảo luận;"),
                  ("2\\. Thực hiện nguyên tắc", "2\\. Thực hiện đầy đủ nguyên tắc"),
                  ("## Điều 4\n", "## Điều 4. Hiệu lực\n"))
    result = compare(parse(MINI), parse(new))
    assert [str(c.address) for c in result.changes] == ["d2.k2", "d2.k2.a", "d4"]
    assert [c.anchor for c in result.changes] == ["chg-1", "chg-2", "chg-3"]


def _find(provisions: tuple[Provision, ...], code: str) -> Provision:
    for p in provisions:
        if str(p.address) == code:
            return p
        if p.children and code.startswith(f"{p.address}."):
            return _find(p.children, code)
    raise AssertionError(f"{code} not found")


def test_stated_kinds_list_the_provision_an_instruction_names_not_its_points() -> None:
    # `Sửa đổi, bổ sung khoản 2 Điều 2`: only point c's full stop changed and a point d came in.
    new = _edited(("c) Thiểu số phục tùng đa số.", "c) Thiểu số phục tùng đa số;\n\nd) Điểm mới."),
                  ("chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy", "chịu trách nhiệm"),
                  ("## Điều 4\n", "## Điều 4. Hiệu lực thi hành\n"))
    plain = compare(parse(MINI), parse(new))
    assert [str(c.address) for c in plain.changes] == ["d2.k2.b", "d2.k2.c", "d2.k2.d", "d4"]
    stated = with_stated_kinds(plain, {"d2.k2": ChangeKind.AMENDED, "d2.k2.b": ChangeKind.WORDS_DELETED})
    assert [(str(c.address), c.kind.value, c.anchor) for c in stated.changes] == [
        ("d2.k2", "amended", "chg-1"),
        ("d2.k2.b", "words deleted", "chg-2"),  # named by an instruction of its own
        ("d4", "heading changed", "chg-3"),  # not named: the kind read from the text
    ]
    points = {str(p.address): p for p in _find(stated.provisions, "d2.k2").children}
    # Point c and the new point d are part of the amended clause: still marked, not listed.
    assert points["d2.k2.c"].change is ChangeKind.WORDS_REPLACED and points["d2.k2.c"].anchor == ""
    assert points["d2.k2.d"].change is ChangeKind.INSERTED and points["d2.k2.d"].anchor == ""
    assert [s.op for s in points["d2.k2.c"].text if s.op is not Op.EQUAL] == [Op.DELETE, Op.INSERT]


CLOSING = "c) Thiểu số phục tùng đa số.\n\n<!-- đoạn cuối khoản 2 -->\n\n"  # a closing text after point c


def test_stated_parts_name_the_lead_in_or_closing_text_an_instruction_changed() -> None:
    # `Sửa đổi, bổ sung đoạn mở đầu khoản 2 Điều 2` (one word, as the text shows it) and `Bổ sung đoạn cuối`;
    # a lead-in restated as it was (`d3.k1.intro`) is no change.
    new = _edited(("tập thể lãnh đạo, cá nhân phụ trách:", "tập thể lãnh đạo, cá nhân chịu trách nhiệm:"),
                  ("c) Thiểu số phục tùng đa số.\n\n", CLOSING + "Cấp ủy cụ thể hóa.\n\n"))
    plain = compare(parse(MINI), parse(new))
    assert [(str(c.address), c.kind.value, c.parts) for c in plain.changes] == [
        ("d2.k2", "amended", (("intro", ChangeKind.WORDS_REPLACED), ("end", ChangeKind.INSERTED)))]
    stated = with_stated_kinds(plain, {"d2.k2.end": ChangeKind.INSERTED, "d2.k2.intro": ChangeKind.AMENDED,
                                       "d3.k1.intro": ChangeKind.AMENDED})
    assert [(str(c.address), c.kind.value, c.parts, c.anchor) for c in stated.changes] == [
        ("d2.k2", "amended", (("intro", ChangeKind.AMENDED), ("end", ChangeKind.INSERTED)), "chg-1")]


def test_a_few_words_replaced_in_a_lead_in_and_its_closing_text_are_words_replaced() -> None:
    new = _edited(("tập thể lãnh đạo, cá nhân phụ trách:", "tập thể lãnh đạo, cá nhân chịu trách nhiệm:"),
                  ("c) Thiểu số phục tùng đa số.\n\n", CLOSING + "Cấp ủy cụ thể hóa.\n\n"))
    old = _edited(("c) Thiểu số phục tùng đa số.\n\n", CLOSING + "Cấp ủy thực hiện.\n\n"))
    assert [(str(c.address), c.kind.value, c.parts) for c in compare(parse(old), parse(new)).changes] == [
        ("d2.k2", "words replaced", ())]


def test_a_provision_deleted_outright_is_reported_where_it_stood() -> None:
    new = _edited(("\n\n3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này.", ""))
    assert _kinds(MINI, new) == [("repealed", "d2.k3", None)]


def test_renumbered_articles_are_renumbered_not_moved_nor_deleted_and_inserted() -> None:
    inserted = "## Điều 3. Điều mới chèn vào\n\nNội dung hoàn toàn mới về chế độ thông tin báo cáo định kỳ.\n\n"
    new = _edited(("## Điều 4\n", "## Điều 5\n"), ("## Điều 3. Hội nghị", inserted + "## Điều 4. Hội nghị"))
    # Only the articles are listed: their clauses keep their own labels and text.
    assert _kinds(MINI, new) == [("inserted", None, "d3"), ("renumbered", "d3", "d4"), ("renumbered", "d4", "d5")]


CLAUSES = ("1\\. Bảo đảm sự lãnh đạo tập trung, thống nhất của Ban Chấp hành Đảng bộ tỉnh.",
           "2\\. Thực hiện nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách:",
           "3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này.")


def _first_clause_moved_last() -> str:
    """Mini with clause 1 of Article 2 moved after clause 3: clauses 2 and 3 become 1 and 2."""
    one, two, three = CLAUSES
    text = MINI.replace(one + "\n\n", "").replace(two, "1" + two[1:]).replace(three, "2" + three[1:])
    return text.replace("2" + three[1:], "2" + three[1:] + "\n\n3" + one[1:])


def test_a_clause_moved_out_of_its_order_is_moved_the_others_renumbered() -> None:
    from regdraft.core.moves import child_ranks, reading_order

    new = _first_clause_moved_last()
    assert _kinds(MINI, new) == [("renumbered", "d2.k2", "d2.k1"), ("renumbered", "d2.k3", "d2.k2"),
                                 ("moved", "d2.k1", "d2.k3")]
    article = _find(compare(parse(MINI), parse(new)).provisions, "d2")
    read = [(place.value, str(p.old_address), str(p.new_address)) for p, place in
            reading_order(article.children, child_ranks(article))]
    # Read in order: the moved clause where it stood (first) and where it stands (last).
    assert read == [("moved away", "d2.k1", "d2.k3"), ("here", "d2.k2", "d2.k1"), ("here", "d2.k3", "d2.k2"),
                    ("moved here", "d2.k1", "d2.k3")]
    points = _find(compare(parse(MINI), parse(new)).provisions, "d2.k1").children
    assert all(p.identical for p in points)  # d2.k2.a is now d2.k1.a: the same point, no change


SHIPPED = FIXTURES.parents[1] / "regulations" / "01-QC-TU.md"


def test_a_moved_clause_is_found_by_its_text_before_labels_pair_similar_clauses() -> None:
    # Clause 3 of Điều 10 moved to the end: clauses 4 and 5 become 3 and 4. The old clause 4 and
    # the new clause 4 (the old 5) share many words, yet each text is found word for word elsewhere.
    import re

    text = SHIPPED.read_text(encoding="utf-8")
    start, end = text.index("## Điều 10."), text.index("## Điều 11.")
    head, *clauses = [c for c in text[start:end].split("\n\n") if c.strip()]
    clauses.append(clauses.pop(2))
    clauses = [re.sub(r"^\d+", str(k), c) for k, c in enumerate(clauses, 1)]
    new = text[:start] + "\n\n".join([head, *clauses]) + "\n\n" + text[end:]
    assert _kinds(text, new) == [("renumbered", "d10.k4", "d10.k3"), ("renumbered", "d10.k5", "d10.k4"),
                                 ("moved", "d10.k3", "d10.k5")]


def test_amended_clause_with_low_similarity_stays_at_its_address() -> None:
    new = _edited(("1\\. Bảo đảm sự lãnh đạo tập trung, thống nhất của Ban Chấp hành Đảng bộ tỉnh.",
                   "1\\. Mọi hoạt động phải công khai với nhân dân."))
    assert _kinds(MINI, new) == [("amended", "d2.k1", "d2.k1")]


def test_tone_placement_only_is_not_a_change_unless_strict() -> None:
    new = _edited(("Ban Thường vụ Tỉnh ủy;", "Ban Thường vụ Tỉnh uỷ;"))
    assert _kinds(MINI, new) == []
    assert _kinds(MINI, new, strict_tones=True) == [("words replaced", "d2.k2.b", "d2.k2.b")]


def test_tone_folded_equal_segment_remembers_both_spellings() -> None:
    segments = diff_words("Tỉnh ủy họp", "Tỉnh uỷ họp ngay")
    assert old_side(segments) == "Tỉnh ủy họp"
    assert new_side(segments) == "Tỉnh uỷ họp ngay"


def test_as_written_marks_a_word_whose_tone_mark_moved_so_each_reading_quotes_its_text() -> None:
    # Luật Công đoàn's "thoả ước", made "thỏa ước … chung": found equal, but a redline prints each side as written.
    segments = as_written(diff_words("việc thực hiện thoả ước lao động tập thể.",
                                     "việc thực hiện thỏa ước lao động tập thể chung."))
    assert segments == (DiffSegment(Op.EQUAL, "việc thực hiện "), DiffSegment(Op.DELETE, "thoả"),
                        DiffSegment(Op.INSERT, "thỏa"), DiffSegment(Op.EQUAL, " ước lao động tập thể"),
                        DiffSegment(Op.INSERT, " chung"), DiffSegment(Op.EQUAL, "."))


def test_single_syllable_between_edits_is_absorbed() -> None:
    segments = diff_words("Thường trực Tỉnh ủy quyết định", "Ban Thường vụ Tỉnh ủy quyết định")
    edits = [s for s in segments if s.op is not Op.EQUAL]
    assert [s.op for s in edits] == [Op.DELETE, Op.INSERT]
    assert edits[0].text == "Thường trực"
    assert edits[1].text == "Ban Thường vụ"


def test_phrases_an_instruction_replaces_are_compared_whole_each_where_it_stands() -> None:
    # 01-QC/TU's khoản 2 Điều 13 has the phrase twice, a full stop apart: each is struck and inserted whole,
    # not run into one edit across the stop, nor word by word (`[-Ban cán sự đảng-] {+Đảng ủy+} Ủy ban …`).
    old = "thông qua Ban cán sự đảng Ủy ban nhân dân tỉnh. Ban cán sự đảng Ủy ban nhân dân tỉnh chịu trách nhiệm"
    new = "thông qua Đảng ủy Ủy ban nhân dân tỉnh. Đảng ủy Ủy ban nhân dân tỉnh chịu trách nhiệm"
    phrases = ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh")
    segments = diff_phrases(old, new, phrases)
    replaced = [DiffSegment(Op.DELETE, phrases[0]), DiffSegment(Op.INSERT, phrases[1])]
    assert segments == (DiffSegment(Op.EQUAL, "thông qua "), *replaced, DiffSegment(Op.EQUAL, ". "), *replaced,
                        DiffSegment(Op.EQUAL, " chịu trách nhiệm"))
    # Written with the tone mark elsewhere (`uỷ`), a phrase is still found whole; one left as it was is unchanged.
    segments = diff_phrases("Tỉnh uỷ và Tỉnh uỷ viên", "Ban Thường vụ và Tỉnh uỷ viên", ("Tỉnh ủy", "Ban Thường vụ"))
    assert [s for s in segments if s.op is not Op.EQUAL] == [DiffSegment(Op.DELETE, "Tỉnh uỷ"),
                                                             DiffSegment(Op.INSERT, "Ban Thường vụ")]
    assert (old_side(segments), new_side(segments)) == ("Tỉnh uỷ và Tỉnh uỷ viên", "Ban Thường vụ và Tỉnh uỷ viên")


def test_degenerate_result_is_detected_and_redone(monkeypatch: pytest.MonkeyPatch) -> None:
    def everything_replaced(a: str, b: str) -> list[tuple[int, str]]:
        return [(-1, a), (1, b)]

    monkeypatch.setattr(word_diff_module, "_dmp_runs", everything_replaced)
    segments = diff_words("Ban Thường vụ Tỉnh ủy họp", "Ban Chấp hành Tỉnh ủy họp")
    assert any(s.op is Op.EQUAL and "Tỉnh ủy họp" in s.text for s in segments)
    assert old_side(segments) == "Ban Thường vụ Tỉnh ủy họp"


def test_texts_with_nothing_in_common_are_a_plain_replacement() -> None:
    segments = diff_words("một hai", "ba bốn")
    assert [s.op for s in segments] == [Op.DELETE, Op.INSERT]


def test_degenerate_failure_everywhere_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_diff_module, "_dmp_runs", lambda a, b: [(-1, a), (1, b)])
    monkeypatch.setattr(word_diff_module, "_difflib_runs", lambda a, b: [(-1, a), (1, b)])
    with pytest.raises(RegdraftError, match="degenerated"):
        diff_words("Ban Thường vụ", "Ban Chấp hành")


_texts = st.lists(st.sampled_from(VI_WORDS), min_size=0, max_size=30)
_seps = st.sampled_from([" ", " ", " ", ", ", "; ", "\n", "  "])


@st.composite
def _edited_pair(draw: st.DrawFn) -> tuple[str, str]:
    words = draw(_texts)
    old = "".join(w + draw(_seps) for w in words).strip()
    edited = list(words)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["ins", "del", "sub"]))
        at = draw(st.integers(0, len(edited)))
        if op == "ins":
            edited.insert(at, draw(st.sampled_from(VI_WORDS)))
        elif edited and at < len(edited):
            if op == "del":
                del edited[at]
            else:
                edited[at] = draw(st.sampled_from(VI_WORDS))
    new = "".join(w + draw(_seps) for w in edited).strip()
    return old, new


@settings(max_examples=80, deadline=None)
@given(_edited_pair(), st.booleans())
def test_segments_rebuild_both_texts_in_order(pair: tuple[str, str], strict: bool) -> None:
    old, new = pair
    segments = diff_words(old, new, strict_tones=strict)
    assert old_side(segments) == old
    assert new_side(segments) == new
    if strict:
        assert "".join(s.text for s in segments if s.op is not Op.INSERT) == old
    assert all(s.text for s in segments)
    phrased = diff_phrases(old, new, (" ".join(old.split()[:2]), " ".join(new.split()[-2:])), strict_tones=strict)
    assert (old_side(phrased), new_side(phrased)) == (old, new)  # with phrases compared whole too
    written = as_written(segments)  # each reading as written, every run's text its own
    assert "".join(s.text for s in written if s.op is not Op.INSERT) == old
    assert "".join(s.text for s in written if s.op is not Op.DELETE) == new


def test_large_documents_compare_only_changed_articles() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from generate import generate
    text = generate(200, seed=3)
    changed = text.replace("## Điều 17.", "## Điều 17. Sửa", 1)
    result = compare(parse(text), parse(changed))
    assert [str(c.address) for c in result.changes] == ["d17"]
    assert result.changes[0].kind is ChangeKind.HEADING_CHANGED


def _clause_moved_to_another_article() -> str:
    three = "3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này."
    text = MINI.replace("\n\n" + three, "")
    return text.replace("2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị theo Điều 2.",
                        "2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị theo Điều 2.\n\n"
                        "3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều 2.")


def test_a_clause_moved_to_another_article_is_one_move_not_a_repeal_and_an_insertion() -> None:
    result = compare(parse(MINI), parse(_clause_moved_to_another_article()))
    assert [(c.kind.value, str(c.old_address), str(c.new_address)) for c in result.changes] == [
        ("moved", "d2.k3", "d3.k3")]
    away, here = _find(result.provisions, "d2.k3"), _find(result.provisions, "d3.k3")
    assert away.new is None and str(away.moved_to) == "d3.k3" and away.anchor == ""
    assert str(here.moved_from) == "d2.k3"
    edits = [(s.op, s.text) for s in here.text if s.op is not Op.EQUAL]
    assert edits == [(Op.DELETE, "này"), (Op.INSERT, "2")]  # compared word for word where it now stands
    assert compare(parse(MINI), parse(_clause_moved_to_another_article()), detect_moves=False).changes[0].kind \
        is ChangeKind.REPEALED


def test_a_clause_repealed_in_place_whose_text_stands_in_another_article_is_a_repeal_noting_where_it_went() -> None:
    # As an amendment leaves it: `Bãi bỏ khoản 3 Điều 2` (its placeholder stays) and khoản 3 inserted in Điều 3.
    text = _clause_moved_to_another_article().replace(
        "c) Thiểu số phục tùng đa số.\n", "c) Thiểu số phục tùng đa số.\n\n3\\. (được bãi bỏ)\n", 1)
    new = parse(text)
    assert new.find(Address.parse("d2.k3")).unit.repealed
    result = compare(parse(MINI), new)
    assert [(c.kind.value, str(c.old_address), str(c.new_address)) for c in result.changes] == [
        ("repealed", "d2.k3", "d2.k3"), ("moved", "d2.k3", "d3.k3")]
    away, here = _find(result.provisions, "d2.k3"), _find(result.provisions, "d3.k3")
    assert str(away.moved_to) == "d3.k3" and str(here.moved_from) == "d2.k3"
    stated = with_stated_kinds(result, {"d2.k3": ChangeKind.REPEALED, "d3.k3": ChangeKind.INSERTED})
    assert [c.kind.value for c in stated.changes] == ["repealed", "inserted"]


@given(st.lists(st.sampled_from(VI_WORDS), max_size=40), st.lists(st.sampled_from(VI_WORDS), max_size=40))
def test_similarity_is_the_dice_coefficient_of_the_two_word_bags(a: list[str], b: list[str]) -> None:
    # `similarity` sums the shared words over the smaller bag without building the bags' intersection;
    # it must be exactly Dice's coefficient as `Counter` intersection gives it.
    from collections import Counter

    from regdraft.core.align import dice, dice_at_most, similarity, word_bag, word_count

    x, y = " ".join(a), " ".join(b)
    bx, by = word_bag(x), word_bag(y)
    total = bx.total() + by.total()
    expected = 2 * sum((bx & by).values()) / total if total else 0.0
    assert similarity(x, y) == dice(bx, by) == dice(by, bx) == expected
    assert word_count(x) == bx.total() and isinstance(bx, Counter)
    assert dice(bx, by) <= dice_at_most(word_count(x), word_count(y))  # what placing comments prunes by


def test_an_identical_provision_is_the_one_its_data_class_makes() -> None:
    """`diff.identical`, which sets a provision's slots directly (most of a long comparison's provisions), makes
    what `Provision(..., identical=True, depth=...)` makes, every field: a field added to `Provision` with a
    default `identical` does not set fails here."""
    from dataclasses import fields

    from regdraft.core.align import flatten
    from regdraft.core.diff import identical

    reg = parse(MINI)
    item = next(i for i in flatten(reg) if i.unit.kind == "article")
    unit, address = item.unit, item.address
    made = identical(unit.kind, unit, unit, address, address, 2)
    expected = Provision(unit.kind, unit, unit, address, address, identical=True, depth=2)
    assert made == expected
    assert [getattr(made, f.name) for f in fields(Provision)] == [getattr(expected, f.name) for f in fields(Provision)]
    comparison = compare(reg, reg)
    assert all(p.identical and p.change is None and not p.children for p in comparison.provisions)

"""What a comparison and its page no longer do for nothing (issue 22, docs/performance.md, fortieth round).

- `core.moves.reading_order` finds the rank of a provision whose old address is one `top_ranks` read by that very
  object, without writing the address out again (a 1,000-article page wrote 1,177 twice);
- `core.align._match_same_content` decomposes (NFD) only texts whose count of spaces some free text on the other
  side shares: tone folding writes and drops no space, so no other text can fold to the same;
- `render.redline_helpers.changed_provisions`, `core.diff.changes` and the search for moves across articles
  start no walk of a provision without children;
- `core.align.increasing` answers ranks that rise throughout (most levels: nothing moved) without its search;
- `core.align.Item.same` takes a unit both texts share (a reading's articles kept from the other's) as the same,
  without comparing its fields;
- the printed page writes a value that is markup or a plain string without wrapping it in a `Markup` again, and a
  heading whose two sides are labelled alike writes its label once.

Each keeps its answer: the reading order with the ranks by object is the one by codes, duplicates included; a
clause moved with its tone marks placed otherwise is still found moved.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from regdraft.core import align, citation_numbers, markdown_writer, moves
from regdraft.core.address import Address
from regdraft.core.diff import Provision, compare
from regdraft.core.markdown import parse
from regdraft.core.model import Kind, Unit, unit_address
from regdraft.core.text import tone_key
from regdraft.render import redline_helpers, redline_page

SHIPPED = (Path(__file__).resolve().parents[1] / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8")


def _edited() -> str:
    return SHIPPED.replace("tập thể lãnh đạo,", "tập thể lãnh đạo, thử nghiệm so sánh,", 1)


def test_the_top_level_is_ranked_by_its_address_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    comparison = compare(parse(SHIPPED), parse(_edited()))
    ranks = moves.top_ranks(comparison.old)
    by_codes = dict(ranks)
    expected = moves.reading_order(comparison.provisions, by_codes)  # a plain mapping: codes written out
    written: list[int] = []
    real = Address.__str__

    def counted(self: Address) -> str:
        written.append(1)
        return real(self)

    monkeypatch.setattr(Address, "__str__", counted)
    assert moves.reading_order(comparison.provisions, ranks) == expected
    assert written == []  # every top-level provision's old address is one `top_ranks` read


def test_ranks_by_object_give_a_code_written_twice_its_last_place() -> None:
    first, second, other = Address.parse("d1"), Address.parse("d1"), Address.parse("d2")
    ranks = moves.Ranks([first, other, second])
    assert dict(ranks) == {"d1": 2, "d2": 1}
    assert ranks.by_object == {id(first): 2, id(other): 1, id(second): 2}


def test_tone_folding_keeps_the_spaces() -> None:
    # The reason `_match_same_content` may skip texts of other space counts: a word's key holds no space.
    for text in ("Tỉnh ủy họp  thường kỳ", "hòa hoà hoạ  ", " \u00a0 Quy định\u2003về", SHIPPED[:4000]):
        assert tone_key(text).count(" ") == text.count(" ")


@given(st.text(alphabet=st.sampled_from("aăâeêioôơuưy đ òóỏõọ\u0300\u0301\u0303\u0309\u0323 \n\t.,;\u00a0xyzAĐ"),
               max_size=60))
def test_tone_folding_keeps_the_spaces_of_any_text(text: str) -> None:
    assert tone_key(text).count(" ") == text.count(" ")


def _texts_given(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[str]:
    """The texts `module.name` is called with from now on, in order (the function still does its work)."""
    given: list[str] = []
    real = getattr(module, name)

    def counted(text: str) -> object:
        given.append(text)
        return real(text)

    monkeypatch.setattr(module, name, counted)
    return given


def _clauses(texts: dict[str, str]) -> list[align.Item]:
    """Clauses labelled and worded as `texts` says, as `align` pairs them."""
    units = [Unit(Kind.CLAUSE, label, text=(text,)) for label, text in texts.items()]
    return [align.Item(f"khoan:{unit.label}", unit, unit_address(unit, None)) for unit in units]


def test_texts_of_other_space_counts_are_not_decomposed(monkeypatch: pytest.MonkeyPatch) -> None:
    decomposed = _texts_given(monkeypatch, align, "_decomposed_size")
    result = compare(parse(SHIPPED), parse(_edited()))  # two more words in one clause: no free text shares its spaces
    assert [c.kind.value for c in result.changes] != []
    assert decomposed == []


def test_a_clause_moved_with_its_tones_placed_otherwise_is_still_found() -> None:
    moved = "Ủy ban hòa giải cơ sở thực hiện việc hòa giải theo quy định."
    old = _clauses({"1": "Nội dung thứ nhất của khoản.", "2": moved, "3": "Một câu khác hẳn, có năm chữ."})
    new = _clauses({"1": "Nội dung thứ nhất của khoản.", "3": "Câu mới.", "4": moved.replace("hòa", "hoà")})
    pairs = align.align(old, new, fold=tone_key)
    assert (1, 2) in pairs  # the old clause 2, found as the new clause 4: the same text but for its tone marks
    assert (0, 0) in pairs


def _walks(provisions: Sequence[Provision], monkeypatch: pytest.MonkeyPatch) -> tuple[list[Provision], int]:
    calls: list[int] = []
    real = redline_helpers.changed_provisions

    def counted(level: Sequence[Provision]) -> Iterator[Provision]:
        calls.append(len(level))
        return real(level)

    monkeypatch.setattr(redline_helpers, "changed_provisions", counted)
    found = list(redline_helpers.changed_provisions(provisions))
    return found, len(calls)


def test_the_listed_changes_walk_only_provisions_with_children(monkeypatch: pytest.MonkeyPatch) -> None:
    comparison = compare(parse(SHIPPED), parse(_edited()))
    found, walks = _walks(comparison.provisions, monkeypatch)
    assert [p.anchor for p in found] == [c.anchor for c in comparison.changes]

    def with_children(level: Sequence[Provision]) -> int:
        return sum(1 + with_children(p.children) for p in level if p.children)

    assert walks == 1 + with_children(comparison.provisions)


def _longest_run(ranked: Sequence[tuple[int, int]]) -> set[int]:
    """`align.increasing` as it was before its rising-ranks shortcut: the reference."""
    import bisect

    tails: list[int] = []
    tail_at: list[int] = []
    parent: dict[int, int | None] = {}
    for pos, rank in ranked:
        k = bisect.bisect_left(tails, rank)
        if k == len(tails):
            tails.append(rank)
            tail_at.append(pos)
        else:
            tails[k], tail_at[k] = rank, pos
        parent[pos] = tail_at[k - 1] if k else None
    keep: set[int] = set()
    node = tail_at[-1] if tail_at else None
    while node is not None:
        keep.add(node)
        node = parent[node]
    return keep


@given(st.lists(st.integers(min_value=-3, max_value=40), max_size=30), st.booleans())
def test_the_longest_rising_run_is_the_same_with_the_shortcut(ranks: list[int], rising: bool) -> None:
    if rising:
        ranks = sorted(set(ranks))
    ranked = [(3 * k + 1, rank) for k, rank in enumerate(ranks)]
    assert align.increasing(ranked) == _longest_run(ranked)


def test_rising_ranks_are_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    searched: list[int] = []

    class Counted:
        @staticmethod
        def bisect_left(tails: list[int], rank: int) -> int:
            searched.append(rank)
            import bisect

            return bisect.bisect_left(tails, rank)

    monkeypatch.setattr(align, "bisect", Counted)
    assert align.increasing([(k, 2 * k) for k in range(1177)]) == set(range(1177))
    assert searched == []
    assert align.increasing([(0, 5), (1, 1), (2, 2)]) == {1, 2}
    assert searched == [5, 1, 2]


def test_a_unit_shared_by_both_texts_is_the_same_without_comparing_its_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    def article(text: str) -> Unit:
        return next(item.unit for item in align.flatten(parse(text)) if item.unit.kind is Kind.ARTICLE)

    unit = article(SHIPPED)
    compared: list[int] = []
    real = Unit.__eq__

    def counted(self: Unit, other: object) -> bool:
        compared.append(1)
        return bool(real(self, other))

    monkeypatch.setattr(Unit, "__eq__", counted)
    first = align.Item("a", unit, unit_address(unit, None))
    assert first.same(align.Item("a", unit, unit_address(unit, None)))
    assert compared == []
    other = article(SHIPPED + "\n")  # equal, not the same object: compared
    assert other is not unit
    assert align.Item("a", unit, unit_address(unit, None)).same(align.Item("a", other, unit_address(other, None)))
    assert compared != []


@given(st.one_of(st.text(), st.text().map(Markup), st.integers(), st.sampled_from(list(Kind)), st.none()))
def test_a_page_value_is_written_as_jinja2_escapes_it(value: object) -> None:
    assert redline_page._e(value) == str(escape(value))


def test_plain_strings_and_markup_are_not_wrapped_again(monkeypatch: pytest.MonkeyPatch) -> None:
    wrapped: list[object] = []

    def counted(value: object) -> Markup:
        wrapped.append(value)
        return escape(value)

    monkeypatch.setattr(redline_page, "escape", counted)
    assert redline_page._e('a < "b" & c\'s') == "a &lt; &#34;b&#34; &amp; c&#39;s"
    assert redline_page._e(Markup("<b>x</b>")) == "<b>x</b>"
    assert wrapped == []
    assert redline_page._e(5) == "5"
    assert wrapped == [5]


def test_a_heading_labelled_alike_on_both_sides_is_written_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.render.profile import default_profile
    from regdraft.render.redline import Redline, Version

    comparison = compare(parse(SHIPPED), parse(_edited()))
    helpers = redline_helpers.Helpers(Redline(comparison, Version("old.md", ""), Version("new.md", "")),
                                      default_profile())
    heading = next(p for p in comparison.provisions if p.kind is Kind.CHAPTER)
    expected = helpers.heading_marked(heading, "both")
    written: list[str] = []
    real = markdown_writer.heading_text

    def counted(unit: Unit, language: str) -> str:
        written.append(unit.label)
        return real(unit, language)

    monkeypatch.setattr(redline_helpers, "heading_text", counted)
    assert helpers.heading_marked(heading, "both") == expected
    assert written == [heading.new.label] if heading.new is not None else False


def _with_children(level: Sequence[Provision]) -> int:
    return sum(1 + _with_children(p.children) for p in level if p.children)


def test_the_comparison_walks_only_provisions_with_children(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its listed changes (`diff.changes`) and the search for moves across articles (`moves.cross_moves`'s
    `collect`) step into no provision without children."""
    import sys

    from regdraft.core import diff

    listed: list[int] = []
    real = diff.changes

    def counted(level: Sequence[Provision]) -> Iterator[diff.Change]:
        listed.append(len(level))
        return real(level)

    monkeypatch.setattr(diff, "changes", counted)
    collected: list[int] = []

    def profile(frame: object, event: str, arg: object) -> None:
        code = getattr(frame, "f_code", None)
        if event == "call" and code is not None and code.co_name == "collect" and code.co_filename == moves.__file__:
            collected.append(1)

    sys.setprofile(profile)
    try:
        comparison = compare(parse(SHIPPED), parse(_edited()))
    finally:
        sys.setprofile(None)
    assert [c.anchor for c in comparison.changes] == ["chg-1"]
    assert len(listed) == 1 + _with_children(comparison.provisions)
    assert len(collected) == 1 + _with_children(comparison.provisions)


# `core.align._match_same_content` with the numbers of cited articles set aside (the forty-third round): a text is
# read for its citations only when a text of the other side has its kind and count of spaces.

_CITING = ("Điều", "điều", "khoản", "Article", "clause", "of", "các", "và", "đến", "từ", "này", ",", "1", "2", "16",
           "3a", "quy", "định", "tại", "Quy", "chế", "  ", "\t")


def _citing_text() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_CITING), max_size=12).map(" ".join)


def _sides() -> st.SearchStrategy[dict[int, tuple[Kind, str]]]:
    return st.lists(st.tuples(st.sampled_from((Kind.ARTICLE, Kind.CLAUSE)), _citing_text()), max_size=8).map(
        lambda texts: {position * 2 + 1: text for position, text in enumerate(texts)})


def _kept(old: dict[int, str], new: dict[int, str], old_kinds: dict[int, tuple[Kind, str]],
          new_kinds: dict[int, tuple[Kind, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """What `_match_same_content` keeps of the texts set aside: as many spaces as a text of the other side."""
    new_spaces = {(new_kinds[j][0], text.count(" ")) for j, text in new.items()}
    free_old = [(i, text) for i, text in old.items() if (old_kinds[i][0], text.count(" ")) in new_spaces]
    old_spaces = {(old_kinds[i][0], text.count(" ")) for i, text in free_old}
    return free_old, [(j, text) for j, text in new.items() if (new_kinds[j][0], text.count(" ")) in old_spaces]


@given(_citing_text())
def test_setting_citations_aside_keeps_the_spaces(text: str) -> None:
    aside = citation_numbers.cited_aside(text)
    assert aside == "" or aside.count(" ") == text.count(" ")


@given(_sides(), _sides())
def test_texts_set_aside_where_they_may_match_are_kept_as_from_every_text(
        old: dict[int, tuple[Kind, str]], new: dict[int, tuple[Kind, str]]) -> None:
    every_old = {i: aside for i, (_, text) in old.items() if (aside := citation_numbers.cited_aside(text))}
    every_new = {j: aside for j, (_, text) in new.items() if (aside := citation_numbers.cited_aside(text))}
    old_aside, new_aside = citation_numbers.aside_alike(old, new)
    assert _kept(old_aside, new_aside, old, new) == _kept(every_old, every_new, old, new)
    assert all(aside == every_old[i] for i, aside in old_aside.items())
    assert all(aside == every_new[j] for j, aside in new_aside.items())


def test_texts_of_other_space_counts_are_not_read_for_citations(monkeypatch: pytest.MonkeyPatch) -> None:
    read = _texts_given(monkeypatch, citation_numbers, "cited_aside")
    old = _clauses({"1": "Theo quy định tại Điều 16 Quy chế này.", "2": "Áp dụng khoản 2 Điều 5 của Quy chế này."})
    new = _clauses({"1": "Theo quy định tại Điều 15 và Điều 16 Quy chế này.",
                 "2": "Áp dụng khoản 3 Điều 5.", "3": "Theo quy định tại Điều 15 Quy chế này."})
    pairs = align.align(old, new, fold=tone_key)
    assert (0, 2) in pairs  # the old clause 1, found as the new clause 3: the same but for the article it cites
    assert read == [old[0].content(), new[2].content()]  # not the others: no text of the other side has their spaces


def test_the_ranges_budget_counts_the_characters_without_walking_the_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    """`refs.finding._document_budget` counts the characters of every unit's text and closing text as a walk of the
    regulation would, without building each unit's address and ancestors (forty-fourth round: a second walk of the
    new text, 3 % of an edited compare's instructions, since the text's citations are read on every compare)."""
    from regdraft.core import model
    from regdraft.core.refs import citations, finding

    reg = parse(_edited())
    walked = sum(len(p) for loc in reg.walk() for p in (*loc.unit.text, *loc.unit.closing))
    addresses: list[int] = []
    real = model.unit_address

    def counted(unit: Unit, parent: Address | None) -> Address:
        addresses.append(1)
        return real(unit, parent)

    monkeypatch.setattr(model, "unit_address", counted)
    fresh = parse(_edited())  # a tree not walked before
    assert finding._document_budget(fresh) == max(citations._EXPANSION_LIMIT,
                                                  int(walked * finding.UNITS_PER_CHARACTER))
    assert addresses == []

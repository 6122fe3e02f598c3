"""Citations cost work in proportion to their length: a long list of units, or many ranges in one
citation, is read in a number of steps that grows with the words, not with their square (a 935-byte
citation of 81 ranges took `show` a minute; 30,000 listed clauses more than two)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from regdraft.core.markdown import parse
from regdraft.core.model import Address, Kind, Regulation
from regdraft.core.refs import citations, find_references

HEAD = "---\nid: X/1\ntype: Quy chế\ntitle: T\nlanguage: vi\nissuer: A\nsigned: 2021-01-09\n---\n\n"


def _regulation(sentence: str, clauses: int = 1) -> Regulation:
    body = "\n\n".join(f"{n}\\. Khoản {n}." for n in range(1, clauses + 1))
    return parse(HEAD + "## Điều 1. A\n\n" + body + "\n\n## Điều 2. B\n\n" + sentence + "\n", "x.md")


class _Counting(dict[Kind, int]):
    """`RANK`, counting its lookups: each is one comparison of a cited unit with another."""

    lookups = 0

    def __getitem__(self, kind: Kind) -> int:
        _Counting.lookups += 1
        return super().__getitem__(kind)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Counts address comparisons; the citation reader's rank lookups are in `_Counting.lookups`."""
    counts = {"addresses": 0}
    _Counting.lookups = 0
    monkeypatch.setattr(citations, "RANK", _Counting(citations.RANK))
    equal = Address.__eq__

    def counting_eq(self: Address, other: object) -> bool:
        counts["addresses"] += 1
        return equal(self, other)

    monkeypatch.setattr(Address, "__eq__", counting_eq)
    yield counts


def test_a_long_list_of_clauses_is_read_in_linear_work(counted: dict[str, int]) -> None:
    n = 3000
    reg = _regulation("Theo khoản " + ", ".join(str(k) for k in range(1, n + 1)) + " Điều 1.", clauses=n)
    refs = [r for r in find_references(reg) if str(r.source) == "d2"]
    assert [str(t) for r in refs for t in r.targets] == [f"d1.k{k}" for k in range(1, n + 1)]
    assert counted["addresses"] < 10 * n  # each target compared with the ones before: 4.5 million
    assert _Counting.lookups < 10 * n  # each clause against every one pending: 9 million


def test_many_ranges_in_one_citation_expand_to_a_bounded_total(counted: dict[str, int]) -> None:
    # The tester's 935 bytes: 81 ranges of 200 clauses, 16,000 cited units.
    reg = _regulation("Theo quy định tại khoản 1 đến 200" + ", 1 đến 200" * 80 + " Điều 1.", clauses=200)
    refs = [r for r in find_references(reg) if str(r.source) == "d2"]
    assert [str(t) for r in refs for t in r.targets] == [f"d1.k{k}" for k in range(1, 201)]
    assert _Counting.lookups < 10_000


def test_ranges_past_the_total_keep_their_ends_only() -> None:
    # Ten ranges of 150 articles: the first ones are read whole, up to 1,000 units in all; the rest
    # are kept as their two ends, as a single range longer than 200 is.
    ranges = ", ".join(f"{k * 150 + 1} đến {k * 150 + 150}" for k in range(10))
    reg = _regulation(f"Theo Điều {ranges}.")
    refs = [r for r in find_references(reg) if str(r.source) == "d2"]
    cited = [str(t) for r in refs for t in r.targets]
    assert cited[:900] == [f"d{k}" for k in range(1, 901)]
    assert len(cited) <= 1000 + 2 * 10
    assert cited[-2:] == ["d1351", "d1500"]
    assert "d1400" not in cited


def test_a_range_within_the_limits_is_read_whole() -> None:
    refs = [r for r in find_references(_regulation("Theo Điều 1 đến 200.")) if str(r.source) == "d2"]
    assert [str(t) for r in refs for t in r.targets] == [f"d{k}" for k in range(1, 201)]
    refs = [r for r in find_references(_regulation("Theo Điều 1 đến 202.")) if str(r.source) == "d2"]
    assert [str(t) for r in refs for t in r.targets] == ["d1", "d202"]


def test_many_citations_of_ranges_expand_to_a_total_in_proportion_to_the_text() -> None:
    # r43 sweep CI F2: each citation's ranges were bounded, a document's not: 2,000 × `Điều 1 đến Điều 200;` in 73 KB
    # held 400,000 targets (`check` 12.9 s, 119 MB). Here 300 citations of 150 units, 6,600 characters: 45,000 units
    # before; now the first citations are read whole, up to the document's budget (at least one citation's 1,000
    # units, else one unit per ten characters), and the rest kept as their two ends.
    reg = _regulation("Theo " + "; ".join(["Điều 1 đến Điều 150"] * 300) + ".")
    refs = [r for r in find_references(reg) if str(r.source) == "d2"]
    assert len(refs) == 300
    assert [str(t) for t in refs[0].targets] == [f"d{k}" for k in range(1, 151)]  # within the budget: whole
    assert [str(t) for t in refs[-1].targets] == ["d1", "d150"]  # past it: its two ends
    units = sum(len(r.targets) for r in refs)
    assert units <= 1000 + 150 + 2 * 300, units  # the budget, the citation that crossed it, two ends each


def test_a_longer_text_has_a_larger_budget() -> None:
    # The same citations in a text of 200 clauses of 120 characters: its budget, one unit per ten characters, reads
    # more of them whole; the bound follows the text's size, not a fixed number.
    filler = "Nội dung của khoản này được viết đủ dài để văn bản có kích thước như một văn bản thật, " * 2
    reg = parse(HEAD + "## Điều 1. A\n\n" + "\n\n".join(f"{n}\\. {filler}" for n in range(1, 201)) + "\n\n## Điều 2. B"
                "\n\nTheo " + "; ".join(["Điều 1 đến Điều 150"] * 300) + ".\n", "x.md")
    refs = [r for r in find_references(reg) if str(r.source) == "d2"]
    whole = sum(1 for r in refs if len(r.targets) == 150)
    characters = sum(len(p) for loc in reg.walk() for p in loc.unit.text)
    assert whole == characters // 10 // 150 + 1 or whole == characters // 10 // 150, (whole, characters)
    assert whole > 1000 // 150 + 1

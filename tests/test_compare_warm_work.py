"""What a comparison and its page no longer do for nothing (issue 22, docs/performance.md, fortieth round).

- `core.moves.reading_order` finds the rank of a provision whose old address is one `top_ranks` read by that very
  object, without writing the address out again (a 1,000-article page wrote 1,177 twice);
- `render.redline_helpers.changed_provisions` starts no walk of a provision without children.

Each keeps its answer: the reading order with the ranks by object is the one by codes, duplicates included.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from regdraft.core import moves
from regdraft.core.address import Address
from regdraft.core.diff import Provision, compare
from regdraft.core.markdown import parse
from regdraft.render import redline_helpers

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

"""Accepting a proposal walks each text whole a few times, not once per question asked of it.

An accept on the 1,000-article draft of `benchmarks/bench_accept.py` walked the text in force, the draft and the
edited text whole 55-61 times (`Regulation.walk`: every unit with its address, ~0.05 s each), each asking the same tree
again, and looked for renumbered clauses and points in all of its 4,491 articles and clauses, though the two texts
compared share all but the few the edits changed (r39 accept39). A tree walked twice is kept as its index is
(`model._tree`), and units the two texts share are not compared again (`renumbering.renumbered`). Counted, not timed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from regdraft.core import model
from regdraft.core.amend import renumbering
from regdraft.core.markdown import parse
from regdraft.core.model import Address, Kind, Regulation, Unit, map_units
from regdraft.workspace import rounds
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, SHIPPED_REGULATION

K3 = ("3. Ban Thường vụ Tỉnh ủy chịu trách nhiệm trước Ban Chấp hành Đảng bộ tỉnh, Bộ Chính trị, Ban Bí thư về "
      "những quyết định của mình; hằng năm tự phê bình và phê bình, kiểm điểm tập thể, cá nhân và báo cáo kết quả "
      "với Ban Chấp hành Đảng bộ tỉnh và Ban Thường vụ Tỉnh ủy.")



def _whole_walks(monkeypatch: pytest.MonkeyPatch) -> Counter[int]:
    """Each whole walk of a tree of units (from its top), by the tree's id."""
    walks: Counter[int] = Counter()
    held: list[object] = []  # the trees counted, held so that their ids are not reused
    real = model._walk

    def walk(units: Any, ancestors: Any, base: Any, towards: Any = None) -> Any:
        if base is None and not ancestors and towards is None:
            walks[id(units)] += 1
            held.append(units)
        return real(units, ancestors, base, towards)

    monkeypatch.setattr(model, "_walk", walk)
    return walks


def test_an_accept_walks_each_text_a_few_times(tmp_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tmp_workspace
    rounds.open_round(ws, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", ["Ban Tổ chức Tỉnh ủy"])
    cid = rounds.add_comment(ws, SHIPPED_AMENDMENT, "Ban Tổ chức Tỉnh ủy", "d5.k3", "Cả Ban Thường vụ.",
                             proposal=K3).id
    rounds.draft_text(ws, SHIPPED_AMENDMENT)  # the comments page the drafter accepts from has read the texts
    walks = _whole_walks(monkeypatch)
    done = accept_proposal(ws, SHIPPED_AMENDMENT, cid)
    assert done.commit
    # 51 walks before, one tree 11 times; now 23, at most 5 of one tree (the four kept are taken by newer ones).
    assert sum(walks.values()) <= 30, sorted(walks.values(), reverse=True)
    assert max(walks.values()) <= 6, sorted(walks.values(), reverse=True)


def test_a_tree_asked_twice_is_walked_once_more(monkeypatch: pytest.MonkeyPatch) -> None:
    reg = parse(SHIPPED_REGULATION.read_text(encoding="utf-8"))
    expected = list(model._walk(reg.units, (), None))
    walks = _whole_walks(monkeypatch)
    for _ in range(5):
        assert list(reg.walk()) == expected
    assert sum(walks.values()) == 2, "the first walk, then the one kept"
    assert [loc.address for loc in reg.articles()] == [loc.address for loc in expected if loc.unit.kind is Kind.ARTICLE]


def _edited(reg: Regulation, change: Callable[[Unit], Unit]) -> Regulation:
    """`reg` with clause 1 of Article 5 changed by `change`: every other unit is shared (the same objects)."""
    units, _ = map_units(reg.units, Address.parse("d5.k1"), lambda unit: (change(unit),))
    return reg.with_units(units)


def _reworded(clause: Unit) -> Unit:
    """Point a reworded."""
    return replace(clause, children=(replace(clause.children[0], text=("Điểm a viết lại.",)), *clause.children[1:]))


def _swapped(clause: Unit) -> Unit:
    """Points a and b swapped: b's words now stand as a, a's as b."""
    a, b, *rest = clause.children
    return replace(clause, children=(replace(a, text=b.text), replace(b, text=a.text), *rest))


def test_renumbered_compares_only_the_units_that_differ(monkeypatch: pytest.MonkeyPatch) -> None:
    reg = parse(SHIPPED_REGULATION.read_text(encoding="utf-8"))
    edited = _edited(reg, _reworded)
    compared: list[object] = []
    real = renumbering._moves

    def moves(old: Any, new: Any, parent: Any) -> Any:
        compared.append(parent)
        return real(old, new, parent)

    monkeypatch.setattr(renumbering, "_moves", moves)
    assert renumbering.renumbered(reg, edited) == []
    # The articles, then Article 5 and its clause 1, which hold the change; no other article or clause.
    assert [str(p) if p is not None else None for p in compared] == [None, "d5", "d5.k1"]


def test_renumbered_still_finds_points_renumbered_beside_shared_units() -> None:
    reg = parse(SHIPPED_REGULATION.read_text(encoding="utf-8"))
    found = renumbering.renumbered(reg, _edited(reg, _swapped))
    assert [(str(a), str(b)) for a, b in found] == [("d5.k1.a", "d5.k1.b"), ("d5.k1.b", "d5.k1.a")]

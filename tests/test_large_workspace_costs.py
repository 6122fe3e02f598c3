"""Work that must grow with the workspace, not with its square (r27 sweep Z: 201 amendments, 60 rounds, 5,000
commits). `regdraft check` read every amendment again for each pending one (22,371 readings) and asked git about each
pending amendment's history and each adoption before it; the review server's start page walked the whole history
again for each round. Counted here, on N and 2N amendments or rounds: the amendments read and the git processes
started, never the time taken."""

from __future__ import annotations

from typing import Any

import pytest

from regdraft.workspace import adoption, amendments, rounds
from regdraft.workspace.store import Workspace

from .conftest import FIXTURES
from .test_amend_reverts import QUOTE, WORDS, _draft


def _counting(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """The amendments read (`amendments.load`) and the git commands started (`Workspace._query`, `Workspace._git`)
    from now on."""
    loads: list[str] = []
    gits: list[str] = []
    load = amendments.load

    def counted_load(ws: Workspace, slug: str, rev: str | None = None) -> Any:
        loads.append(slug)
        return load(ws, slug, rev)

    monkeypatch.setattr(amendments, "load", counted_load)
    for name in ("_query", "_git"):
        original = getattr(Workspace, name)

        def counted(self: Workspace, command: str, *args: str, _original: Any = original, **kw: Any) -> Any:
            gits.append(command)
            return _original(self, command, *args, **kw)

        monkeypatch.setattr(Workspace, name, counted)
    return loads, gits


def _pending(ws: Workspace, first: int, last: int) -> None:
    """Drafts `tron-ven-<k>` quoting khoản 1 Điều 2 as it reads before `cum-tu`'s adoption."""
    for k in range(first, last):
        _draft(ws, f"tron-ven-{k}", QUOTE)


def _checked(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, list[str]]:
    from regdraft.workspace.checks import check_workspace

    loads, gits = _counting(monkeypatch)
    problems = check_workspace(ws)
    monkeypatch.undo()
    return len(loads), len(gits), [f"{p.source}:{p.line}: {p.message}" for p in problems]


def test_check_reads_each_amendment_once_and_asks_git_as_often_for_2n_pending_amendments_as_for_n(
        mini_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = mini_workspace
    _pending(ws, 0, 3)
    _draft(ws, "cum-tu", WORDS, "05-QC/TU")
    adoption.adopt(ws, "cum-tu", "2025-03-01", force="test")
    loads_n, gits_n, problems_n = _checked(ws, monkeypatch)
    _pending(ws, 3, 6)
    loads_2n, gits_2n, problems_2n = _checked(ws, monkeypatch)
    # Each draft begun before the adoption is still said to undo it, and none begun after: the same findings.
    undone = [p for p in problems_2n if "as it read before 05-QC/TU (cum-tu) was adopted" in p]
    assert [p.split(":")[0] for p in undone] == [f"amendments/tron-ven-{k}/amendment.md" for k in range(3)], undone
    assert [p for p in problems_n if "was adopted" in p] == undone
    # Three amendments more are three readings more (each read once), not three more for every pending one.
    assert loads_2n - loads_n == 3, (loads_n, loads_2n)
    # One walk of the history answers every pending amendment: no git process for each.
    assert gits_2n == gits_n, (gits_n, gits_2n)


def _closed_rounds(ws: Workspace, first: int, last: int) -> None:
    """Amendments `sua-<k>`, each with round 1 closed over one comment."""
    text = (FIXTURES / "comments" / "amendment-1.md").read_bytes()
    for k in range(first, last):
        slug = f"sua-{k}"
        ws.commit({f"amendments/{slug}/amendment.md": text}, f"Draft 1 of {slug}")
        rounds.open_round(ws, slug, "Lấy ý kiến", "2025-07-15", ["Ban A", "Ban B"])
        rounds.add_comment(ws, slug, "Ban A", "d1", f"Góp ý {k}.")
        rounds.close_round(ws, slug)


def _home(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> tuple[int, Any]:
    from regdraft.web import pages

    _, gits = _counting(monkeypatch)
    page = pages.home(ws)
    monkeypatch.undo()
    return len(gits), page


def test_the_start_page_walks_the_history_as_often_for_2n_closed_rounds_as_for_n(
        mini_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = mini_workspace
    _closed_rounds(ws, 0, 3)
    gits_n, _ = _home(ws, monkeypatch)
    _closed_rounds(ws, 3, 6)
    gits_2n, page = _home(ws, monkeypatch)
    assert [(row.slug, [(r.number, r.status, r.comments, r.open, r.replied) for r in row.rounds])
            for row in page.amendments] == [(f"sua-{k}", [(1, "closed", 1, 1, 1)]) for k in range(6)]
    assert gits_2n == gits_n <= 2, (gits_n, gits_2n)

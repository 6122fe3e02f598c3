"""Dates on the command line (issue 21 §6): one DATE type for every date option, a past due date asked about."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import click
import pytest

from regdraft.cli import cli
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

FIX = Path(__file__).resolve().parent / "fixtures" / "comments"
SLUG = "mini-sua"
PAST = (dt.date.today() - dt.timedelta(days=3)).isoformat()
AHEAD = (dt.date.today() + dt.timedelta(days=30)).strftime("%d/%m/%Y")


@pytest.fixture(autouse=True)
def _today_now() -> None:
    """The days counted from today as the test starts, not as the module was imported (a run over midnight said
    "was 4 days ago" where the test expected 3)."""
    global PAST, AHEAD
    PAST = (dt.date.today() - dt.timedelta(days=3)).isoformat()
    AHEAD = (dt.date.today() + dt.timedelta(days=30)).strftime("%d/%m/%Y")


@pytest.fixture
def ws(mini_workspace: Workspace) -> Workspace:
    mini_workspace.commit({f"amendments/{SLUG}/amendment.md": (FIX / "amendment-1.md").read_bytes()}, "Draft 1")
    return mini_workspace


def _head(ws: Workspace) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ws.root, capture_output=True, text=True,
                          check=True).stdout


def _date_options() -> list[tuple[str, click.Option]]:
    found: list[tuple[str, click.Option]] = []

    def walk(command: click.Command, path: str) -> None:
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, f"{path} {name}".strip())
            return
        found.extend((path, p) for p in command.params if isinstance(p, click.Option)
                     and any(word in p.name for word in ("date", "due", "signed", "effective", "as_of")))

    walk(cli, "")
    return found


def test_every_date_option_takes_both_forms_and_shows_date() -> None:
    options = _date_options()
    assert {name for name, _ in options} >= {"show", "export", "round open", "amend vote", "amend adopt"}
    for name, option in options:
        assert option.make_metavar(click.Context(cli)) == "DATE", name
        assert option.type.convert("2025-03-15", option, None) == dt.date(2025, 3, 15), name
        assert option.type.convert("15/03/2025", option, None) == dt.date(2025, 3, 15), name
        assert option.type.convert("15.03.2025", option, None) == dt.date(2025, 3, 15), name  # as offices type it (r38)
        assert option.type.convert("2025/03/15", option, None) == dt.date(2025, 3, 15), name  # year first (r39)
        with pytest.raises(click.BadParameter, match="2025-01-15, 15/01/2025"):
            option.type.convert("15/03/25/2025", option, None)


def test_a_due_date_in_the_past_is_refused_without_a_terminal(ws: Workspace, invoke: Invoke) -> None:
    before = _head(ws)
    result = invoke(ws, "round", "open", SLUG, "--due", PAST, "--consult", "Ban Tổ chức Tỉnh ủy")
    assert result.exit_code == 2
    assert f"The due date {PAST} (--due) was 3 days ago" in result.output and "--yes" in result.output
    assert _head(ws) == before and not (ws.root / "amendments" / SLUG / "rounds").exists()
    yes = invoke(ws, "round", "open", SLUG, "--due", PAST, "--yes", "--consult", "Ban Tổ chức Tỉnh ủy")
    assert yes.exit_code == 0, yes.output
    assert f"due {PAST}." in yes.output


def test_a_due_date_ahead_is_not_asked_about(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "round", "open", SLUG, "--due", AHEAD, "--consult", "Ban Tổ chức Tỉnh ủy")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("answer", "code"), [("y\n", 0), ("n\n", 2)])
def test_on_a_terminal_a_past_due_date_is_asked(ws: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch,
                                                answer: str, code: int) -> None:
    monkeypatch.setattr("regdraft.cli.options.interactive", lambda: True)
    before = _head(ws)
    result = invoke(ws, "round", "open", SLUG, "--due", PAST, "--consult", "Ban Tổ chức Tỉnh ủy", input=answer)
    assert result.exit_code == code, result.output
    assert "Use it all the same?" in result.output
    assert (_head(ws) == before) == (code != 0)

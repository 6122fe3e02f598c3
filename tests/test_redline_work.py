"""What a redline against a pending amendment does, counted (issue 22, twenty-ninth round in docs/performance.md).

`lifecycle.preview` returns the applied text alone; it computed the consequential notes (the capitals a phrase
instruction leaves, the closing text a replaced clause drops) and threw them away: 8-9 ms of every redline.
"""

from __future__ import annotations

from typing import Any

import pytest

from regdraft.core.amend import capitals, closing_quotes
from regdraft.workspace import lifecycle
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SLUG = "qc-sua-doi-2025"


@pytest.fixture
def noted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The consequential notes' searches, as they are called."""
    calls: list[str] = []
    for module, name in ((capitals, "capitals_left"), (closing_quotes, "continuations_dropped")):
        real = getattr(module, name)

        def counted(*args: Any, _real: Any = real, _name: str = name) -> Any:
            calls.append(_name)
            return _real(*args)

        monkeypatch.setattr(module, name, counted)
    return calls


def test_a_redline_against_the_pending_amendment_does_not_search_for_notes_it_never_shows(
        tmp_workspace: Workspace, invoke: Invoke, noted: list[str]) -> None:
    out = tmp_workspace.root / "r.html"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "20 changes" in result.output
    assert noted == []


def test_the_preview_with_notes_still_searches_for_them(tmp_workspace: Workspace, noted: list[str]) -> None:
    preview = lifecycle.preview_with_notes(tmp_workspace, SLUG)
    assert noted == ["capitals_left", "continuations_dropped"]
    assert lifecycle.preview(tmp_workspace, SLUG).regulation == preview.applied.regulation

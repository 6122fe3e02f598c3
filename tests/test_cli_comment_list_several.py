"""`regdraft comment list --regulation` on a document amending two regulations: one regulation's
comments, in the same JSON shape; completed like the other options."""

from __future__ import annotations

import json

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.test_cli_completion import complete
from tests.test_review_several import BODY, MAIN, SECOND, SLUG, several_workspace

from .conftest import Invoke


@pytest.fixture
def ws(empty_workspace: Workspace) -> Workspace:
    ws = several_workspace(empty_workspace)
    rounds.add_comment(ws, SLUG, BODY, "d5.k1.a", "Bỏ “toàn khóa”.", regulation=SECOND)
    rounds.add_comment(ws, SLUG, BODY, "d5.k1.b", "Làm rõ.", regulation=SECOND)
    rounds.add_comment(ws, SLUG, BODY, "d1.k2", "Giữ nguyên.")
    return ws


def _listed(ws: Workspace, invoke: Invoke, *options: str) -> list[dict[str, object]]:
    result = invoke(ws, "comment", "list", SLUG, *options, "--json")
    assert result.exit_code == 0, result.output
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def test_each_regulation_lists_its_own_comments(ws: Workspace, invoke: Invoke) -> None:
    every = _listed(ws, invoke)
    assert sorted((c["on"], c.get("regulation")) for c in every) == [
        ("d1.k2", None), ("d5.k1.a", SECOND), ("d5.k1.b", SECOND)]
    second = _listed(ws, invoke, "--regulation", SECOND)
    assert [c for c in every if c.get("regulation") == SECOND] == second  # the same entries, the same keys
    main = _listed(ws, invoke, "-r", "02-QC-TU")  # by its file name too
    assert [c for c in every if "regulation" not in c] == main
    assert _listed(ws, invoke, "--regulation", SECOND, "--on", "d5.k1.b") == [c for c in second if c["on"] == "d5.k1.b"]
    assert _listed(ws, invoke, "--regulation", MAIN, "--on", "d5.k1.b") == []
    text = invoke(ws, "comment", "list", SLUG, "--regulation", SECOND)
    assert text.exit_code == 0 and f"d5.k1.a ({SECOND})" in text.output and "d1.k2" not in text.output


def test_a_regulation_the_document_does_not_amend_is_refused(ws: Workspace, invoke: Invoke) -> None:
    refused = invoke(ws, "comment", "list", SLUG, "--regulation", "09-QC/TU")
    assert refused.exit_code == 2
    assert f"amends {MAIN}, {SECOND}, not 09-QC/TU" in " ".join(refused.output.split())


def test_regulation_completes_and_narrows_the_addresses_of_on(ws: Workspace) -> None:
    assert complete(ws, f"regdraft comment list {SLUG} --regulation ") == [SECOND, MAIN]
    offered = complete(ws, f"regdraft comment list {SLUG} --regulation {SECOND} --on d5.k1.")
    assert offered and all(a.startswith("d5.k1.") for a in offered)
    # Without it, --on offers the main regulation's, which has no Điều 5.
    assert complete(ws, f"regdraft comment list {SLUG} --on d5.k1.") == []

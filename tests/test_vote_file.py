"""A received workspace's vote.yaml is read or refused with a sentence, never a traceback (r27 sweep T2, defects 3
and 4): a `revision` git reads as reflog syntax (`HEAD@{5}`) ended `amend adopt` in GitPython's IndexError, and
anything but a commit id was echoed into the advice (`git show --output:…`)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from regdraft.core.errors import StoreError
from regdraft.workspace.store import Workspace

from .conftest import Invoke
from .test_cli_amend import snapshot
from .test_cli_amend_lifecycle import SLUG, adopt
from .test_cli_amend_lifecycle import ws as ws  # noqa: F401  (the fixture)


def _adopted_with(ws: Workspace, invoke: Invoke, values: dict[str, str]) -> tuple[Any, object]:
    """`amend adopt` refused over a vote file received with `values` in place of its own, and the workspace before."""
    text = _voted(ws, invoke)
    changed = "\n".join(f"{key}: {values[key]}" if (key := line.split(":")[0]) in values else line
                        for line in text.splitlines())
    ws.commit({f"amendments/{SLUG}/vote.yaml": changed.encode()}, "A received vote file")
    before = snapshot(ws)
    refused = adopt(invoke, ws)
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    return refused, before


@pytest.mark.parametrize("rev", ["HEAD@{5}", "@{-1}", "HEAD@{yesterday}", "HEAD@{}", "HEAD@{1.5}"])
def test_a_reflog_revision_git_cannot_read_is_no_revision(ws: Workspace, rev: str) -> None:  # noqa: F811
    with pytest.raises(StoreError, match=f"There is no revision '{rev.replace('{', '.').replace('}', '.')}' in the"):
        ws.resolve(rev)
    with pytest.raises(StoreError, match="There is no revision"):
        ws.read("regdraft.yaml", rev)


def _voted(ws: Workspace, invoke: Invoke) -> str:
    """The amendment numbered, voted on (the gate set) and submitted: the vote file's text."""
    config = yaml.safe_load(ws.path("regdraft.yaml").read_text(encoding="utf-8"))
    ws.commit({"regdraft.yaml": yaml.safe_dump({**config, "require_vote_majority": True}).encode()}, "Vote")
    for command in (("amend", "number", SLUG, "07-QC/TU"), ("amend", "status", SLUG, "circulating"),
                    ("amend", "vote", SLUG, "--for", "30", "--against", "2", "--date", "2025-10-20"),
                    ("amend", "status", SLUG, "submitted")):
        assert invoke(ws, *command).exit_code == 0, command
    return ws.path(f"amendments/{SLUG}/vote.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("rev", ["HEAD@{5}", "'@{-1}'", "HEAD@{yesterday}", "--output=/tmp/x", "HEAD", "abc"])
def test_a_vote_revision_that_is_no_commit_id_is_named_unreadable(ws: Workspace, invoke: Invoke,  # noqa: F811
                                                                   rev: str) -> None:
    refused, before = _adopted_with(ws, invoke, {"revision": rev, "instructions": "sha256:00"})
    assert refused.output.startswith("Error: amendments/good/vote.yaml: cannot read the vote: its revision is not a "
                                     "commit id (7 to 40 hexadecimal digits, as regdraft records a vote).")
    assert "git show" not in refused.output and "output" not in refused.output
    assert snapshot(ws) == before


@pytest.mark.parametrize(("key", "value"), [("draft", ".inf"), ("for", ".inf"), ("members", "-.inf"),
                                            ("against", "1e400"), ("members", "10000000000000"), ("draft", "-3")])
def test_a_vote_count_no_conference_counts_is_named_unreadable(ws: Workspace, invoke: Invoke,  # noqa: F811
                                                               key: str, value: str) -> None:
    refused, before = _adopted_with(ws, invoke, {key: value})
    assert refused.output.startswith("Error: amendments/good/vote.yaml: cannot read the vote (keys: for, against, "
                                     "abstain, date, members; draft, revision, instructions; present, quorum).")
    assert snapshot(ws) == before

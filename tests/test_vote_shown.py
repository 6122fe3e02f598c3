"""`amend show` and `amend list` say the conference votes (r41 vote41, item 1): after `amend vote` neither said a word
of it. `amend show` gives the vote on the whole (date, counts, members present, majority, quorum) and each part vote
with its part and whether the draft still reads as voted; `amend list` says it in a word."""

from __future__ import annotations

import json

from regdraft.workspace.store import Workspace

from .conftest import Invoke
from .test_cli_amend import amendment_text
from .test_vote_counts import _settings
from .test_vote_parts import AMENDMENT, BODY, SLUG, _voted, ws

__all__ = ["ws"]


def _show(invoke: Invoke, ws: Workspace, *args: str) -> str:
    result = invoke(ws, "amend", "show", *args)
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_show_says_the_vote_on_the_whole_with_attendance_majority_and_quorum(ws: Workspace, invoke: Invoke) -> None:
    assert "No conference vote is recorded." in _show(invoke, ws, SLUG)
    _settings(ws, vote_quorum="2/3")
    _voted(invoke, ws, "--for", "45", "--against", "2", "--abstain", "1", "--members", "49", "--present", "48")
    said = _show(invoke, ws, SLUG)
    assert "Vote on draft 1 (2025-10-20): 45 for, 2 against, 1 abstaining; a majority (more than half of the 49 " \
        "members entitled to vote (25)) 48 of 49 members present, quorum 2/3 met the text is the one voted on" in said
    assert _show(invoke, ws, "07-QC/TU") == said  # by its document number too


def test_show_says_a_vote_below_quorum_and_a_text_changed_since(ws: Workspace, invoke: Invoke) -> None:
    _settings(ws, vote_quorum="2/3")
    _voted(invoke, ws, "--for", "25", "--against", "2", "--members", "49", "--present", "30")
    changed = BODY.replace("Thường trực Tỉnh ủy bảo đảm", "Ban Thường vụ Tỉnh ủy bảo đảm")
    ws.commit({AMENDMENT: amendment_text(changed, status="submitted").encode()}, "Draft changed after the vote")
    said = _show(invoke, ws, SLUG)
    assert "30 of 49 members present, quorum 2/3 NOT met: only 30 of the 49 members were present" in said
    assert "the text has changed since the vote: the conference vote of 2025-10-20 was taken on draft 1" in said
    assert "khoản 1 Điều 1 (on khoản 2 Điều 1) changed" in said
    listed = invoke(ws, "amend", "list").output
    assert "voted 25-2-0, below quorum, changed since" in listed


def test_show_and_list_say_each_part_vote_and_whether_its_wording_is_still_the_draft(ws: Workspace,
                                                                                   invoke: Invoke) -> None:
    _voted(invoke, ws, "--on", "khoản 1 Điều 1", "--for", "40", "--against", "5", "--members", "49")
    _voted(invoke, ws, "--on", "Điều 4", "--for", "20", "--against", "25", "--members", "49")
    said = _show(invoke, ws, SLUG)
    assert "No conference vote is recorded." not in said  # the parts are votes recorded
    assert "Vote on khoản 1 Điều 1 (on khoản 2 Điều 1) (2025-10-20): 40 for, 5 against, 0 abstaining; a majority " \
        "(more than half of the 49 members entitled to vote (25)) members present not recorded, quorum not set its " \
        "wording is the one voted on" in said
    assert "Vote on khoản 2 Điều 1 (on Điều 4) (2025-10-20): 20 for, 25 against, 0 abstaining; no majority" in said
    changed = BODY.replace("Thường trực Tỉnh ủy bảo đảm", "Ban Thường vụ Tỉnh ủy bảo đảm")
    ws.commit({AMENDMENT: amendment_text(changed, status="submitted").encode()}, "Draft changed after the vote")
    said = _show(invoke, ws, SLUG)
    assert "(on khoản 2 Điều 1) (2025-10-20): 40 for, 5 against, 0 abstaining; a majority" in said
    assert "quorum not set its wording has changed since the vote" in said
    data = json.loads(invoke(ws, "amend", "show", SLUG, "--json").output)
    assert [(p["on"], p["majority"], p["current"]) for p in data["part_votes"]] == [
        ("khoản 1 Điều 1", True, False), ("khoản 2 Điều 1", False, True)]
    assert data["vote"] is None
    row = next(r for r in json.loads(invoke(ws, "amend", "list", "--json").output) if r["slug"] == SLUG)
    assert row["votes"] == "2 parts voted (2 not carried as they stand)"


def test_show_names_a_vote_file_that_cannot_be_read_and_shows_the_rest(ws: Workspace, invoke: Invoke) -> None:
    ws.commit({f"amendments/{SLUG}/vote.yaml": b"for: many\n"}, "A vote file written by hand")
    said = _show(invoke, ws, SLUG)
    assert "Vote: amendments/good/vote.yaml: cannot read the vote" in said and "draft 1" in said
    assert "vote unreadable" in invoke(ws, "amend", "list").output


def test_show_quotes_a_colleague_s_vote_files_without_sending_control_characters(ws: Workspace,
                                                                                invoke: Invoke) -> None:
    """A part's label and a vote file's value are a colleague's words: `amend show` prints their control characters
    escaped, as `check` does (r42 sweep CI F1: a window title, a screen clear and a carriage return reached the
    terminal)."""
    _voted(invoke, ws, "--on", "khoản 1 Điều 1", "--for", "40", "--against", "5", "--members", "49")
    import yaml

    parts = f"amendments/{SLUG}/vote-parts.yaml"
    data = yaml.safe_load((ws.root / parts).read_text(encoding="utf-8"))
    data[0]["on"] = "khoản 1 Điều 1\x1b]0;pwned\x07\x1b[2J\rFAKE"
    crafted = yaml.safe_dump(data, allow_unicode=True)
    assert "\\e" in crafted  # written escaped, read back as the characters
    vote = "for: 45\nagainst: 2\nabstain: 0\ndate: 2025-10-20\nmembers: 49\nquorum: \"2/3\\e[2Jx\"\n"
    ws.commit({parts: crafted.encode(), f"amendments/{SLUG}/vote.yaml": vote.encode()}, "A colleague's")
    result = invoke(ws, "amend", "show", SLUG)
    assert result.exit_code == 0, result.output
    assert not any(c in result.output for c in "\x1b\x07\r")
    assert "khoản 1 Điều 1\\x1b]0;pwned\\a\\x1b[2J\\rFAKE" in result.output
    assert "\\x1b[2Jx" in result.output

"""A round file holding a direction override (U+202E), a C1 control (U+009B, a terminal's command) or an invisible
character (a soft hyphen in a body's name), as a colleague's clone may send it (YAML escapes): `check` said nothing,
as it said nothing of a comment file before round 36 (r37). It now warns at each value's line, as for a comment file;
`round list` and `round show` print them escaped, and `round open` keeps none of them in what it writes. Luật Thanh
niên 57/2020/QH14 (../shared/corpus) is the regulation the draft amends."""

from __future__ import annotations

import json

import pytest

from regdraft.workspace.rounds import load_rounds
from regdraft.workspace.store import Workspace
from tests.conftest import THANH_NIEN_SLUG, Invoke

SLUG = THANH_NIEN_SLUG
ROUND = f"amendments/{SLUG}/rounds/1.yaml"


@pytest.fixture
def ws(thanh_nien_ws: Workspace) -> Workspace:
    """A copy of Luật Thanh niên's workspace with round 1 of `tn-sua` open, consulting Bộ Nội vụ
    (`conftest.thanh_nien_ws`), the test's own."""
    return thanh_nien_ws


def _received(ws: Workspace) -> str:
    """The round file as a colleague's clone sent it back: escapes in its title and in a body consulted."""
    text = ws.read(ROUND).decode()
    crafted = (text.replace("title: Lấy ý kiến", 'title: "Lấy \\u202eý kiến\\u009b2J"')
               .replace("- Bộ Nội vụ", '- Bộ Nội vụ\n- "Bộ Tư\\u00adpháp"'))
    assert crafted.count("\\u") == 3, crafted
    ws.commit({ROUND: crafted.encode()}, "Received from a colleague")
    return crafted


def test_check_warns_at_each_value_and_the_round_commands_print_them_escaped(ws: Workspace, invoke: Invoke) -> None:
    crafted = _received(ws)
    title, body = (1 + [line.startswith(start) for line in crafted.splitlines()].index(True)
                   for start in ("title:", '- "Bộ Tư'))
    checked = invoke(ws, "check")
    said = " ".join(checked.output.split())
    assert checked.exit_code == 0, said  # warnings: the round reads, as written
    assert (f"{ROUND}:{title}: warning: 'title:' holds the "
            "invisible character U+202E (right-to-left override), which no legal text holds: it shows letters in "
            "another order than they are stored; retype the text around it.") in said, said
    assert (f"{ROUND}:{body}: warning: 'consulted:' item 2 holds the invisible "
            "character U+00AD (soft hyphen: Word's optional hyphen)") in said, said
    assert "\u202e" not in checked.output and "\x9b" not in checked.output
    for command in (("round", "list", SLUG), ("round", "show", SLUG)):
        shown = invoke(ws, *command)
        assert shown.exit_code == 0, shown.output
        assert not any(char in shown.output for char in "\u202e\x9b\u00ad"), repr(shown.output)
        assert "Lấy \\u202eý kiến\\x9b2J" in shown.output
    exact = json.loads(invoke(ws, "round", "list", SLUG, "--json").output)
    assert exact[0]["title"] == "Lấy \u202eý kiến\x9b2J" and exact[0]["consulted"][1] == "Bộ Tư\u00adpháp"


def test_round_open_writes_none_of_them(ws: Workspace, invoke: Invoke) -> None:
    assert invoke(ws, "round", "close", SLUG).exit_code == 0
    assert invoke(ws, "amend", "status", SLUG, "--draft", "2").exit_code == 0
    opened = invoke(ws, "round", "open", SLUG, "--title", "Lấy ý kiến\u200b lần 2", "--due", "2099-08-01",
                    "--consult", "Bộ Tư\u00adpháp", "--consult", "Bộ Nội\u202e vụ")
    assert opened.exit_code == 0, opened.output
    r = load_rounds(ws, SLUG)[-1]
    assert (r.title, r.consulted) == ("Lấy ý kiến lần 2", ("Bộ Tưpháp", "Bộ Nội vụ"))
    checked = invoke(ws, "check")
    assert checked.exit_code == 0 and "rounds/" not in checked.output, checked.output

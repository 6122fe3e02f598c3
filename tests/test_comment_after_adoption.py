"""A comment on an amendment already adopted (r43 sweep CX F1): `amend adopt --force` leaves its round open, and
`comment add`, `comment import` and the review server's form recorded a comment there, which `check` then reported
as late, a problem. Two terminals did the same: the comment waited for the write lock and committed after the
adoption. Each is refused now, read under the write lock, saying when and in which commit it was adopted."""

from __future__ import annotations

from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_comment_import_large import git
from tests.test_store_safety import ADOPT

SLUG = ADOPT[2]
ADD = ("comment", "add", SLUG, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "Điều 5", "--text", "Ý kiến muộn.")


def test_a_comment_on_an_amendment_adopted_with_its_round_open_is_refused(circulating: Workspace, invoke: Invoke,
                                                                          tmp_path: Path) -> None:
    ws = circulating
    assert invoke(ws, *ADOPT).exit_code == 0
    adopted = git(ws, "rev-parse", "HEAD").strip()
    before = git(ws, "status", "--porcelain", "-uall")
    refused = invoke(ws, *ADD)
    assert refused.exit_code == 2, refused.output
    said = " ".join(refused.output.split())
    # The document's own date (`--signed`), the commit's beside it (r44 sweep CI F5: the commit's alone).
    assert f"The amendment '{SLUG}' was adopted on 2025-10-20 (recorded on " in said and f"in commit {adopted[:8]}): " \
        "comments on it are no longer taken, though its round was left open (nothing was changed)." in said, said
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text("by,on,text\nBan Tổ chức Tỉnh ủy,Điều 5,Ý kiến muộn.\n", encoding="utf-8")
    imported = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert imported.exit_code == 2 and "comments on it are no longer taken" in imported.output, imported.output
    # Explicitly in the open round, as the review server's form names it.
    numbered = invoke(ws, *ADD, "--round", "1")
    assert numbered.exit_code == 2 and "comments on it are no longer taken" in numbered.output, numbered.output
    assert git(ws, "rev-parse", "HEAD").strip() == adopted
    assert git(ws, "status", "--porcelain", "-uall") == before
    assert "after the amendment was adopted" not in invoke(ws, "check").output


def test_round_comment_and_amend_commands_say_the_round_left_open_takes_no_comment(circulating: Workspace,
                                                                                 invoke: Invoke) -> None:
    """`round list` and `round show` printed the round left open by the adoption as `open`, `comment list` and `amend
    show` said nothing of it (r44 office44): each says it is adopted, when and in which commit, and that comments are no
    longer taken; `--json` says `taking_comments` false and the adoption."""
    import json

    ws = circulating
    assert invoke(ws, *ADD).exit_code == 0
    assert invoke(ws, "round", "list", SLUG, "--json").stdout.count('"taking_comments": true') == 1
    assert invoke(ws, *ADOPT).exit_code == 0
    adopted = git(ws, "rev-parse", "HEAD").strip()
    day = "2025-10-20"  # the document's own date (`--signed`), not the adoption commit's (r44 sweep CI F5)
    sentence = (f"Round 1 is still open, but the amendment '{SLUG}' was adopted on {day} (commit {adopted[:8]}): "
                "comments are no longer taken; those received are still answered (`regdraft comment respond`).")
    for command in (("round", "list", SLUG), ("round", "show", SLUG), ("amend", "show", SLUG)):
        shown = invoke(ws, *command)
        assert shown.exit_code == 0 and sentence in " ".join(shown.stdout.split()), (command, shown.output)
    heading = invoke(ws, "round", "show", SLUG).stdout.splitlines()[0]
    assert heading.startswith(f"Round 1 on {SLUG} (left open, no longer taking comments):"), heading
    listed = invoke(ws, "comment", "list", SLUG)
    assert listed.exit_code == 0 and f"note: {sentence}" in " ".join(listed.stderr.split()), listed.output
    left = {"taking_comments": False, "left_open": {"status": "adopted", "adopted": day, "commit": adopted}}
    rounds = json.loads(invoke(ws, "round", "list", SLUG, "--json").stdout)
    assert {key: rounds[0][key] for key in left} == left
    one = json.loads(invoke(ws, "round", "show", SLUG, "--json").stdout)
    assert {key: one[key] for key in left} == left
    # Closed, the round says so alone: nothing left open.
    assert invoke(ws, "round", "close", SLUG).exit_code == 0
    assert "still open" not in invoke(ws, "round", "show", SLUG).output
    assert json.loads(invoke(ws, "round", "list", SLUG, "--json").stdout)[0]["left_open"] is None

"""Ctrl-C on `amend adopt` (r37 sweep BQ 4): the only way offered after it was `check --repair`, which finishes the
adoption, and every write refused until it was; a secretary who pressed Ctrl-C because the signing date was wrong
meant "stop". `amend adopt SLUG --cancel` now puts the workspace back exactly as it was before the adoption, and each
message naming the repair names it too. Once adopted, a Ctrl-C no longer turns "Adopted …" into exit 130."""

from __future__ import annotations

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_comment_import_large import git, regdraft
from tests.test_store_safety import ADOPT

SLUG = ADOPT[2]


def killed(ws: Workspace, where: str) -> None:
    """The adoption killed (kill -9, a power cut) at `where`: its journal waits. A Ctrl-C before the commit is undone
    at once, and after it the adoption stands (`test_write_ctrl_c`): the journal, and so the cancel, are a kill's."""
    assert regdraft(ws, *ADOPT, REGDRAFT_TEST_STOP_AT=where).returncode == 137
    assert ws.journal.exists()


def _state(ws: Workspace) -> tuple[str, ...]:
    """HEAD, the tags, the index, the status and the bytes of every file the adoption writes."""
    files = ("regulations/01-QC-TU.md", f"amendments/{SLUG}/amendment.md")
    return (git(ws, "rev-parse", "HEAD"), git(ws, "tag"), git(ws, "ls-files", "-s"),
            git(ws, "status", "--porcelain", "-uall", "--ignored"),
            *((ws.root / f).read_text(encoding="utf-8") for f in files),
            str((ws.root / "regulations/history").exists()))


@pytest.mark.parametrize("where", ["file-written", "committed", "tagged"])
def test_a_killed_adoption_is_undone_exactly_by_the_cancel_it_names(tmp_workspace: Workspace, invoke: Invoke,
                                                                          where: str) -> None:
    ws = tmp_workspace
    before = _state(ws)
    killed(ws, where)
    refused = invoke(ws, "comment", "add", SLUG, "--by", "Ban Tổ chức", "--on", "d5.k2", "--text", "Ý kiến.")
    assert refused.exit_code == 1 and f"or undo it with `regdraft amend adopt {SLUG} --cancel`," in refused.output
    checked = invoke(ws, "check")
    assert f"`regdraft amend adopt {SLUG} --cancel`, which undoes it" in checked.output, checked.output
    undone = invoke(ws, "amend", "adopt", SLUG, "--cancel")
    assert undone.exit_code == 0, undone.output
    assert undone.output.startswith("Undid the interrupted adoption 'Adopt amendment 05-QC/TU") and undone.output \
        .endswith(f"the workspace is as it was before it, and {SLUG} is not adopted.\n"), undone.output
    assert _state(ws) == before and not ws.journal.exists()
    # And it can be adopted again, with the right date.
    assert invoke(ws, *ADOPT).exit_code == 0


def test_a_cancel_refuses_over_an_edit_made_since_and_when_nothing_was_interrupted(tmp_workspace: Workspace,
                                                                                   invoke: Invoke) -> None:
    ws = tmp_workspace
    nothing = invoke(ws, "amend", "adopt", SLUG, "--cancel")
    assert nothing.exit_code == 2 and f"There is no interrupted adoption of '{SLUG}' to cancel." in nothing.output
    killed(ws, "file-written")
    regulation = ws.root / "regulations/01-QC-TU.md"
    regulation.write_text(regulation.read_text(encoding="utf-8") + "\nGhi chú.\n", encoding="utf-8")
    refused = invoke(ws, "amend", "adopt", SLUG, "--cancel")
    assert refused.exit_code == 1 and "regulations/01-QC-TU.md" in refused.output, refused.output
    assert "undoing it would throw those changes away" in refused.output
    assert ws.journal.exists() and regulation.read_text(encoding="utf-8").endswith("Ghi chú.\n")


def test_a_ctrl_c_once_the_adoption_is_recorded_leaves_it_said_and_exit_0(tmp_workspace: Workspace) -> None:
    # A SIGINT after the library's adoption returned (the commit and tag made, the journal gone): it printed
    # "Adopted … in commit …" and exited 130.
    ws = tmp_workspace
    run = regdraft(ws, *ADOPT, REGDRAFT_TEST_INTERRUPT_AT="adopted")
    assert run.returncode == 0, (run.stdout, run.stderr)
    assert run.stdout.startswith(f"Adopted {SLUG} in commit ") and "Interrupted" not in run.stderr, run.stderr
    assert git(ws, "tag").strip() == "adopted/05-QC-TU" and not ws.journal.exists()


def test_a_cancel_leaves_a_tag_of_the_adoptions_name_that_points_elsewhere(tmp_workspace: Workspace,
                                                                           invoke: Invoke) -> None:
    # r38 sweep BS F3: the tag was deleted by its name alone; one of that name made or fetched while the adoption
    # waited (a colleague's adoption of the same amendment) was lost.
    ws = tmp_workspace
    before = git(ws, "rev-parse", "HEAD").strip()
    killed(ws, "committed")
    made = git(ws, "rev-parse", "HEAD").strip()
    assert made != before and git(ws, "tag").strip() == ""
    git(ws, "-c", "user.name=B", "-c", "user.email=b@x", "tag", "-a", "adopted/05-QC-TU", "-m", "Theirs", before)
    undone = invoke(ws, "amend", "adopt", SLUG, "--cancel")
    assert undone.exit_code == 0, undone.output
    assert git(ws, "rev-parse", "HEAD").strip() == before and not ws.journal.exists()
    assert git(ws, "rev-parse", "adopted/05-QC-TU^{commit}").strip() == before
    assert (f"The tag adopted/05-QC-TU was left as it is: it points at commit {before[:8]}, not at the interrupted "
            f"write's commit {made[:8]}") in " ".join(undone.output.split()), undone.output
    assert "`git tag -d adopted/05-QC-TU` deletes it." in " ".join(undone.output.split())


def test_a_cancel_in_json_names_the_tag_it_left_and_where_it_points(tmp_workspace: Workspace,
                                                                     invoke: Invoke) -> None:
    # r38 left open: `--cancel --json` had no field for a tag left in place (only the sentence said so).
    import json

    ws = tmp_workspace
    before = git(ws, "rev-parse", "HEAD").strip()
    killed(ws, "committed")
    git(ws, "-c", "user.name=B", "-c", "user.email=b@x", "tag", "-a", "adopted/05-QC-TU", "-m", "Theirs", before)
    undone = invoke(ws, "amend", "adopt", SLUG, "--cancel", "--json")
    assert undone.exit_code == 0, undone.output
    data = json.loads(undone.output)
    assert data["cancelled"] is True
    assert data["tag_left"] == {"tag": "adopted/05-QC-TU", "commit": before}


def test_a_cancel_in_json_with_no_tag_left_says_null(tmp_workspace: Workspace, invoke: Invoke) -> None:
    import json

    ws = tmp_workspace
    killed(ws, "tagged")
    undone = invoke(ws, "amend", "adopt", SLUG, "--cancel", "--json")
    assert undone.exit_code == 0, undone.output
    data = json.loads(undone.output)
    assert data["cancelled"] is True and data["tag_left"] is None
    assert git(ws, "tag").strip() == ""

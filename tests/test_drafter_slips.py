"""What regdraft says to a drafter who slips under a deadline (r39 sweep BY F5): each piece of advice names the way
on that exists, never one that makes things worse."""

from __future__ import annotations

import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace
from regdraft.workspace.write_failures import write_failed

from .conftest import SHIPPED_AMENDMENT, Invoke

SLUG = SHIPPED_AMENDMENT


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, capture_output=True, text=True, check=True).stdout


def test_a_path_to_the_amendment_is_taken_as_its_name(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # "'amendments/qc-sua-doi-2025/amendment.md' is not an amendment name; … e.g.
    # amendments-qc-sua-doi-2025-amendment-md", an invented name, where qc-sua-doi-2025 exists.
    moved = invoke(tmp_workspace, "amend", "status", f"amendments/{SLUG}/amendment.md", "submitted")
    assert moved.exit_code == 0, moved.output
    assert "status: submitted" in (tmp_workspace.root / "amendments" / SLUG / "amendment.md").read_text("utf-8")
    refused = invoke(tmp_workspace, "amend", "new", "amendments/qc-sua-doi-2027/amendment.md", "-r", "01-QC/TU")
    assert refused.exit_code == 2
    assert refused.output == ("Error: 'amendments/qc-sua-doi-2027/amendment.md' is a path; name the amendment by its "
                              "name, qc-sua-doi-2027.\n")


def test_a_copy_of_a_regulation_in_its_folder_is_not_to_be_renamed_over_it(tmp_workspace: Workspace,
                                                                           invoke: Invoke) -> None:
    # `amend preview -o pv.md` run inside regulations/: `check` said "rename it" to regulations/01-QC-TU.md, which
    # replaced the regulation with the preview.
    own = tmp_workspace.root / "regulations" / "01-QC-TU.md"
    (own.parent / "pv.md").write_bytes(own.read_bytes())
    said = " ".join(invoke(tmp_workspace, "check").output.split())
    assert ("regulations/pv.md:1: The file's id is 01-QC/TU, as is that of regulations/01-QC-TU.md: it is a copy (an "
            "output written here?), which no command finds by that id. Move it out of regulations/ (out/ is the place "
            "for outputs) or delete it; renaming it to regulations/01-QC-TU.md would replace that regulation.") \
        in said, said
    assert "rename it" not in said


def test_cancelling_a_finished_adoption_names_the_way_back(tmp_workspace: Workspace, invoke: Invoke) -> None:
    ws = tmp_workspace
    assert invoke(ws, "amend", "status", SLUG, "submitted").exit_code == 0
    assert invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-03-28").exit_code == 0
    sha = _git(ws, "rev-parse", "--short=8", "HEAD").strip()
    refused = invoke(ws, "amend", "adopt", SLUG, "--cancel")
    assert refused.exit_code == 2
    assert refused.output == (
        f"Error: There is no interrupted adoption of '{SLUG}' to cancel. Its adoption finished in commit {sha}; to "
        f"undo it, `git revert --no-edit {sha}`, then `git tag -d adopted/05-QC-TU`, and adopt it again "
        f"(`regdraft amend adopt {SLUG} --signed DATE`).\n")


def test_git_unable_to_write_its_objects_is_said_in_a_sentence(tmp_path: Path) -> None:
    # `chattr +i .git/objects`: "The write failed (error: unable to create temporary file: Operation not permitted /
    # error: …: failed to insert into database / fatal: updating files failed)", git's jargon and nothing more.
    class GitSaid(Exception):
        stderr = ("error: unable to create temporary file: Operation not permitted\n"
                  "error: regulations/01-QC-TU.md: failed to insert into database\nfatal: updating files failed")

    said = write_failed(GitSaid(), tmp_path)
    assert said == ("The write failed: git could not write its objects into the repository's store (.git/objects), "
                    "which is protected against changes or not writable by you (error: unable to create temporary "
                    "file: Operation not permitted); check that folder's permissions and the disk, then run the "
                    "command again. The workspace is as it was.")


def test_a_comment_on_a_branch_made_before_the_round_names_the_branch_it_is_open_on(circulating: Workspace,
                                                                                    invoke: Invoke) -> None:
    # `git switch old` mid-round: "No round … is open; open one with `regdraft round open …`", and following it
    # opened a second round 1 on the side branch.
    ws = circulating
    _git(ws, "switch", "-q", "-c", "old", "HEAD~1")
    head = _git(ws, "rev-parse", "HEAD")
    refused = invoke(ws, "comment", "add", SLUG, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "d1", "--text", "Góp ý.")
    assert refused.exit_code == 1
    said = " ".join(refused.output.split())
    assert (f"No round of '{SLUG}' is open on this branch, but round 1 is open on the branch main: switch to it "
            "(`git switch main`) and run the command again.") in said, said
    assert "round open" not in said and _git(ws, "rev-parse", "HEAD") == head

"""An adoption tag left on an adoption undone since (r37's note): a forged adoption pushed with its tag, then undone
with `git revert`, left origin's `adopted/05-QC-TU` on the reverted commit, and Minh's sync copied it over the tag of
his real adoption ("yours was replaced by it"). Now the sync copies no stale tag in, says which, and names the
`git push --delete` and `git tag -d` that remove it; it never deletes a remote's tag itself. `check` says so too. Lan's
and Minh's clones sharing a bare remote, with real git."""

from __future__ import annotations

import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke, two_clones

AMENDMENT = f"amendments/{SLUG}/amendment.md"
TAG = "adopted/05-QC-TU"


def _git(where: Workspace | Path, *args: str) -> str:
    root = where.root if isinstance(where, Workspace) else where
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def _said(output: str) -> str:
    return " ".join(output.split())


def _forge_and_revert(lan: Workspace) -> tuple[str, str]:
    """Lan's adoption made by hand (the front matter only), tagged and pushed, then reverted and pushed: the two
    commits."""
    path = lan.root / AMENDMENT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: circulating", "status: adopted", 1).replace(
        "signed: null", "signed: 2026-06-20", 1).replace("effective: null", "effective: 2026-07-01", 1),
        encoding="utf-8")
    _git(lan, "commit", "-qam", f"Adopt amendment 05-QC/TU ({SLUG}) to 01-QC/TU: signed 2026-06-20, effective "
                                "2026-07-01")
    forged = _git(lan, "rev-parse", "HEAD").strip()
    _git(lan, "tag", "-a", TAG, "-m", "forged")
    _git(lan, "push", "-q", "origin", "HEAD", TAG)
    _git(lan, "revert", "--no-edit", forged)
    _git(lan, "push", "-q", "origin", "HEAD")
    return forged, _git(lan, "rev-parse", "HEAD").strip()


def test_a_tag_left_on_a_reverted_adoption_is_named_with_its_commands_and_never_copied(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    lan, minh = two_clones(tmp_workspace, tmp_path)
    remote = tmp_path / "office.git"
    forged, revert = _forge_and_revert(lan)
    adopted = invoke(minh, "amend", "adopt", SLUG, "--signed", "2026-06-21", "--effective", "2026-08-01", "--force",
                     "--reason", "thử")
    assert adopted.exit_code == 0, adopted.output
    synced = invoke(minh, "sync")
    assert synced.exit_code == 0, synced.output
    head = _git(minh, "rev-parse", "HEAD").strip()
    said = _said(synced.output)
    assert (f"Tag {TAG} on origin names commit {forged[:8]} (“Adopt amendment 05-QC/TU ({SLUG}) to 01-QC/TU: signed "
            f"2026-06-20, effective 2026-07-01”), which commit {revert[:8]} undid since (`git revert`): it tags no "
            "adoption in force, so it was not copied here. Tags on the shared remote never move and regdraft deletes "
            f"none there: whoever looks after origin deletes it with `git push --delete origin {TAG}`, each clone "
            f"that has it with `git tag -d {TAG}`, then `regdraft sync`. Your tag {TAG} (on {head[:8]}) stays here, "
            "not sent until then.") in said, said
    assert "was replaced by it" not in said and f"tag {TAG}" not in said.split("To origin:")[0]
    # Minh's tag stays on his adoption; origin's tag is where it was; the adoption went out.
    assert _git(minh, "rev-parse", f"{TAG}^{{commit}}").strip() == head
    assert _git(remote, "rev-parse", f"{TAG}^{{commit}}").strip() == forged
    assert _git(remote, "rev-parse", "main").strip() == head
    checked = _said(invoke(minh, "check").output)
    assert f"Tag {TAG} on origin names commit {forged[:8]}" in checked and \
        f"`git push --delete origin {TAG}`" in checked and "so it was not copied" not in checked, checked
    # Lan's own copy of it: named, with both commands; the sync sends nothing of it.
    again = invoke(lan, "sync")
    assert again.exit_code == 0, again.output
    said = _said(again.output)
    assert (f"Your tag {TAG} names commit {forged[:8]} (“Adopt amendment 05-QC/TU ({SLUG}) to 01-QC/TU: signed "
            f"2026-06-20, effective 2026-07-01”), which commit {revert[:8]} undid since (`git revert`): it tags no "
            f"adoption in force and is not sent. Delete it with `git tag -d {TAG}` (and on origin, which has it too: "
            f"`git push --delete origin {TAG}`); `regdraft check --repair` then tags the adoption in force, if there "
            "is one.") in said, said
    assert said.count(TAG) == 3, said  # said once, not again as origin's
    # Done as it says, Minh's next sync sends his tag, and Lan's takes it.
    _git(lan, "push", "-q", "--delete", "origin", TAG)
    _git(lan, "tag", "-d", TAG)
    assert invoke(minh, "sync").exit_code == 0
    assert _git(remote, "rev-parse", f"{TAG}^{{commit}}").strip() == head
    last = invoke(lan, "sync")
    assert last.exit_code == 0 and "undid" not in last.output, last.output
    assert _git(lan, "rev-parse", f"{TAG}^{{commit}}").strip() == head
    assert "undid" not in invoke(lan, "check").output


def _forge(lan: Workspace) -> str:
    """Lan's adoption made by hand (the front matter only), tagged and pushed with its tag: the commit."""
    path = lan.root / AMENDMENT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: circulating", "status: adopted", 1).replace(
        "signed: null", "signed: 2026-06-20", 1).replace("effective: null", "effective: 2026-07-01", 1),
        encoding="utf-8")
    _git(lan, "commit", "-qam", "Adopt amendment 05-QC/TU")
    _git(lan, "tag", "-a", TAG, "-m", "forged")
    _git(lan, "push", "-q", "origin", "HEAD", TAG)
    return _git(lan, "rev-parse", "HEAD").strip()


def test_a_tag_on_an_adoption_reverted_under_another_message_is_found_by_its_content(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    # `git revert --no-edit`, then the message rewritten (`commit --amend -m`): no "This reverts commit" is left to
    # read, and the tag was copied in as an adoption in force.
    lan, minh = two_clones(tmp_workspace, tmp_path)
    forged = _forge(lan)
    _git(lan, "revert", "--no-edit", forged)
    _git(lan, "commit", "-q", "--amend", "-m", "Hủy việc thông qua nhầm")
    _git(lan, "push", "-q", "origin", "HEAD")
    undoing = _git(lan, "rev-parse", "HEAD").strip()
    synced = invoke(minh, "sync")
    assert synced.exit_code == 0, synced.output
    said = _said(synced.output)
    assert (f"Tag {TAG} on origin names commit {forged[:8]} (“Adopt amendment 05-QC/TU”), which commit "
            f"{undoing[:8]} undid since (it put {AMENDMENT} back as it was before the adoption): it tags no adoption "
            "in force, so it was not copied here.") in said, said
    assert _git(minh, "tag", "-l", TAG) == ""
    assert f"which commit {undoing[:8]} undid since" in _said(invoke(minh, "check").output)
    # Lan's own copy: named, and not sent.
    again = _said(invoke(lan, "sync").output)
    assert f"Your tag {TAG} names commit {forged[:8]} (“Adopt amendment 05-QC/TU”), which commit {undoing[:8]}" \
        in again, again


def test_a_tag_on_an_adoption_dropped_by_a_reset_is_found_off_the_branch(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    # The adoption dropped by `git reset --hard HEAD~1` and a new commit made, pushed over it: its tag names a commit
    # no longer in main's history.
    lan, minh = two_clones(tmp_workspace, tmp_path)
    forged = _forge(lan)
    _git(lan, "reset", "-q", "--hard", "HEAD~1")
    (lan.root / "ghi-chu.txt").write_text("Lan\n", encoding="utf-8")
    _git(lan, "add", "ghi-chu.txt")
    _git(lan, "commit", "-qm", "ghi chu")
    _git(lan, "push", "-q", "--force", "origin", "HEAD")
    synced = invoke(minh, "sync")
    assert synced.exit_code == 0, synced.output
    said = _said(synced.output)
    assert (f"Tag {TAG} on origin names commit {forged[:8]} (“Adopt amendment 05-QC/TU”), which is not in the "
            "history of main: it tags no adoption in force, so it was not copied here.") in said, said
    assert _git(minh, "tag", "-l", TAG) == ""
    # Lan's own copy, on a commit she dropped: not sent either.
    again = invoke(lan, "sync")
    assert again.exit_code == 0 and f"Your tag {TAG} names commit {forged[:8]}" in _said(again.output), again.output


def test_an_adoption_in_force_after_a_revert_and_a_new_adoption_keeps_its_tag(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    # The content check names no adoption in force: one whose amending document was changed since (not put back).
    lan, minh = two_clones(tmp_workspace, tmp_path)
    adopted = invoke(lan, "amend", "adopt", SLUG, "--signed", "2026-06-21", "--effective", "2026-08-01", "--force",
                     "--reason", "thử")
    assert adopted.exit_code == 0, adopted.output
    synced = invoke(lan, "sync")
    assert synced.exit_code == 0 and "undid" not in synced.output, synced.output
    assert "undid" not in invoke(lan, "check").output
    minhs = invoke(minh, "sync")
    assert minhs.exit_code == 0 and "undid" not in minhs.output and _git(minh, "tag", "-l", TAG).strip() == TAG


def test_a_tag_on_a_commit_that_adopts_nothing_is_never_copied_and_check_names_it(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    # r40 sweep CE F5: a remote's `adopted/05-QC-TU` on a comment's commit was copied in without a word, then refused
    # the adoption of 05-QC/TU ("already names a commit that adopts nothing"), and came back after `git tag -d`.
    lan, minh = two_clones(tmp_workspace, tmp_path)
    _git(lan, "commit", "-q", "--allow-empty", "-m", "Comment by Sở Y tế")  # any commit but an adoption
    comment = _git(lan, "rev-parse", "HEAD").strip()
    _git(lan, "tag", TAG)
    _git(lan, "push", "-q", "origin", "HEAD", TAG)
    synced = invoke(minh, "sync")
    said = _said(synced.output)
    assert synced.exit_code == 0, said
    assert f"Tag {TAG} on origin names commit {comment[:8]} (“Comment" in said and "which adopts nothing: it tags " \
        "no adoption in force, so it was not copied here" in said and f"`git push --delete origin {TAG}`" in said, said
    assert TAG not in _git(minh, "tag")
    again = _said(invoke(minh, "sync").output)
    assert TAG not in _git(minh, "tag") and "which adopts nothing" in again, again
    adopted = invoke(minh, "amend", "adopt", SLUG, "--signed", "2026-06-21", "--effective", "2026-08-01", "--force",
                     "--reason", "thử")
    assert adopted.exit_code == 0, adopted.output
    assert _git(minh, "rev-parse", f"{TAG}^{{commit}}").strip() == _git(minh, "rev-parse", "HEAD").strip()
    checked = _said(invoke(lan, "check").output)
    assert f"Your tag {TAG} names commit {comment[:8]} (“Comment" in checked and "which adopts nothing" in checked, \
        checked

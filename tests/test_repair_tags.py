"""`regdraft check --repair` makes a missing adoption tag again (r23 gap): `check` warned that the tag was missing and
named `git tag …`, but the repair, which the warning should lead to, did nothing about it. It makes the tag only on
the commit that adopted the amendment, and never moves a tag that exists.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _adopted(ws: Workspace, invoke: Invoke) -> str:
    """05-QC/TU adopted; the short sha of its adoption commit."""
    adopted = invoke(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-28", "--force", "--reason", "t")
    assert adopted.exit_code == 0, adopted.output
    return git(ws.root, "rev-parse", "--short=7", "HEAD").strip()


def test_repair_makes_a_missing_adoption_tag_on_its_adoption_commit(tmp_workspace: Workspace,
                                                                    invoke: Invoke) -> None:
    adoption = _adopted(tmp_workspace, invoke)
    tmp_workspace.commit({"notes.md": b"later\n"}, "A later commit")
    git(tmp_workspace.root, "tag", "-d", "adopted/05-QC-TU")
    warned = " ".join(invoke(tmp_workspace, "check").output.split())
    assert (f"05-QC/TU ({SHIPPED_AMENDMENT}) is adopted, but its adoption tag adopted/05-QC-TU is missing; the "
            f"commit that adopted it is {adoption}") in warned, warned
    assert f"`regdraft check --repair` makes it again (`git tag adopted/05-QC-TU {adoption}`)" in warned
    repaired = invoke(tmp_workspace, "check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert (f"Made tag adopted/05-QC-TU on {adoption}, the adoption of 05-QC/TU ({SHIPPED_AMENDMENT})."
            in repaired.output), repaired.output
    assert "adoption tag" not in repaired.output
    tagged = tmp_workspace.resolve("adopted/05-QC-TU")
    assert tagged.short == adoption and tagged.subject.startswith(f"Adopt amendment 05-QC/TU ({SHIPPED_AMENDMENT})")
    # Annotated, as `amend adopt` tags, with the adoption's message.
    assert git(tmp_workspace.root, "cat-file", "-t", "adopted/05-QC-TU").strip() == "tag"
    assert "Made tag" not in invoke(tmp_workspace, "check", "--repair").output  # once


def test_repair_never_moves_a_tag_that_exists(tmp_workspace: Workspace, invoke: Invoke) -> None:
    adoption = _adopted(tmp_workspace, invoke)
    before = git(tmp_workspace.root, "rev-parse", "--short=7", "HEAD~1").strip()
    git(tmp_workspace.root, "tag", "-f", "adopted/05-QC-TU", before)
    repaired = " ".join(invoke(tmp_workspace, "check", "--repair").output.split())
    assert "Made tag" not in repaired
    assert tmp_workspace.resolve("adopted/05-QC-TU").short == before
    assert f"`git tag -f adopted/05-QC-TU {adoption}`" in repaired  # still warned about, with its own fix


def test_a_tag_naming_a_blob_is_said_to_and_moved_with_git_tag_f(tmp_workspace: Workspace, invoke: Invoke) -> None:
    """A remote can hold `adopted/05-QC-TU` on a blob, and `sync` copies it in (r24 b-security defect 4): `check`
    called the tag missing and led to `check --repair`, which made nothing, and to `git tag …`, which git refuses
    ("already exists")."""
    adoption = _adopted(tmp_workspace, invoke)
    blob = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=tmp_workspace.root, input="hi\n", check=True,
                          capture_output=True, text=True).stdout.strip()
    git(tmp_workspace.root, "tag", "-f", "adopted/05-QC-TU", blob)
    warned = " ".join(invoke(tmp_workspace, "check").output.split())
    assert (f"05-QC/TU ({SHIPPED_AMENDMENT}) is adopted, but its adoption tag adopted/05-QC-TU names a blob "
            f"({blob[:7]}), not a commit; the commit that adopted it is {adoption}") in warned, warned
    assert f"move it there with `git tag -f adopted/05-QC-TU {adoption}`" in warned
    assert "is missing" not in warned and "--repair" not in warned
    repaired = " ".join(invoke(tmp_workspace, "check", "--repair").output.split())
    assert "Made tag" not in repaired and git(tmp_workspace.root, "rev-parse", "adopted/05-QC-TU").strip() == blob
    git(tmp_workspace.root, "tag", "-f", "adopted/05-QC-TU", adoption)  # the fix given
    assert "adoption tag" not in invoke(tmp_workspace, "check").output


def test_adopt_under_a_tag_name_naming_a_blob_adopts_without_the_tag_and_says_how_to_move_it(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    """A remote's `adopted/05-QC-TU` on a blob, there before the adoption (r24 left 2): `amend adopt` passed its gates
    and wrote nothing, ending "The tag 'adopted/05-QC-TU' already exists; nothing was changed." without saying the tag
    names a blob. As under a tag another document's adoption holds, it adopts without the tag and says why."""
    blob = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=tmp_workspace.root, input="hi\n", check=True,
                          capture_output=True, text=True).stdout.strip()
    git(tmp_workspace.root, "tag", "adopted/05-QC-TU", blob)
    adopted = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-28", "--force",
                     "--reason", "t")
    assert adopted.exit_code == 0, adopted.output
    said = " ".join(adopted.output.split())
    adoption = git(tmp_workspace.root, "rev-parse", "--short=7", "HEAD").strip()
    assert (f"05-QC/TU ({SHIPPED_AMENDMENT}) has no adoption tag: its name, adopted/05-QC-TU, names a blob "
            f"({blob[:7]}), not a commit") in said, said
    assert f"move the tag onto it with `git tag -f adopted/05-QC-TU {adoption}`" in said
    assert "already exists" not in said
    assert git(tmp_workspace.root, "rev-parse", "adopted/05-QC-TU").strip() == blob  # never moved
    subject = git(tmp_workspace.root, "log", "-1", "--format=%s")
    assert subject.startswith(f"Adopt amendment 05-QC/TU ({SHIPPED_AMENDMENT})")
    warned = " ".join(invoke(tmp_workspace, "check").output.split())
    assert f"move it there with `git tag -f adopted/05-QC-TU {adoption}`" in warned, warned
    git(tmp_workspace.root, "tag", "-f", "adopted/05-QC-TU", adoption)  # the fix given
    assert "adoption tag" not in invoke(tmp_workspace, "check").output

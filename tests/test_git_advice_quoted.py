"""Git commands in advice are quoted for a shell (r40 sweep CE F2): a colleague's tag name or a crafted amendment
number (`61/2020/NĐ-CP;touch${IFS}PWNED;`) made a `git tag -d …` line that ran code when pasted. regdraft's own
commands were quoted already; git's are now quoted the same way, and a number a shell reads as code is refused."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

from regdraft.core.commands import Command
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke, two_clones

AMENDMENT = f"amendments/{SLUG}/amendment.md"
CRAFTED = "adopted/05-QC-TU;touch${IFS}PWNED;"


def _git(where: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=where.root, capture_output=True, text=True, check=True).stdout


def test_each_word_of_a_git_command_is_quoted_as_a_shell_reads_it() -> None:
    line = Command.git("tag", CRAFTED, switches=("d",)).git_line()
    assert shlex.split(line) == ["git", "tag", "-d", CRAFTED], line
    assert Command.git("push", "origin", "adopted/05-QC-TU", switches=("delete",)).git_line() == \
        "git push --delete origin adopted/05-QC-TU"  # a plain name is written as it was
    assert shlex.split(Command.git("checkout", "REVISION", "--", "a b/c'd.yaml").git_line()) == \
        ["git", "checkout", "REVISION", "--", "a b/c'd.yaml"]


def test_a_remote_tag_named_with_shell_code_is_named_in_advice_that_runs_no_code(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    lan, minh = two_clones(tmp_workspace, tmp_path)
    path = lan.root / AMENDMENT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: circulating", "status: adopted", 1).replace(
        "signed: null", "signed: 2026-06-20", 1).replace("effective: null", "effective: 2026-07-01", 1),
        encoding="utf-8")
    _git(lan, "commit", "-qam", f"Adopt amendment 05-QC/TU ({SLUG}) to 01-QC/TU: signed 2026-06-20")
    forged = _git(lan, "rev-parse", "HEAD").strip()
    _git(lan, "tag", CRAFTED)
    _git(lan, "push", "-q", "origin", "HEAD", CRAFTED)
    _git(lan, "revert", "--no-edit", forged)
    _git(lan, "push", "-q", "origin", "HEAD")
    _git(minh, "fetch", "-q", "origin", f"refs/tags/{CRAFTED}:refs/tags/{CRAFTED}")  # a clone that has it
    for said in (invoke(minh, "sync").output, invoke(minh, "check").output):
        lines = [part for part in said.split("`") if part.startswith("git tag -d")]
        assert lines and all(shlex.split(line) == ["git", "tag", "-d", CRAFTED] for line in lines), said
    # Pasted into a shell, the line deletes the tag and runs nothing.
    subprocess.run(["bash", "-c", lines[0]], cwd=minh.root, check=True, capture_output=True)
    assert not (minh.root / "PWNED").exists() and CRAFTED not in _git(minh, "tag")


def test_a_number_a_shell_reads_as_code_is_refused_where_it_would_make_a_tag(circulating: Workspace,
                                                                            invoke: Invoke) -> None:
    number = "05-QC/TU;touch${IFS}PWNED;"
    refused = " ".join(invoke(circulating, "amend", "number", SLUG, number).output.split())
    assert f"The number {number} holds ';', '$', '{{' and '}}', which no document's number holds" in refused, refused
    path = circulating.root / AMENDMENT
    circulating.commit({AMENDMENT: path.read_text(encoding="utf-8").replace(
        "number: 05-QC/TU", f"number: '{number}'", 1).encode()}, "Numbered by hand")
    head = _git(circulating, "rev-parse", "HEAD")
    for command in (("amend", "adopt", SLUG, "--signed", "2026-06-20", "--force", "--reason", "x"),
                    ("amend", "status", SLUG, "submitted")):
        done = invoke(circulating, *command)
        said = " ".join(done.output.split())
        assert done.exit_code != 0 and "Traceback" not in said, said
        assert f"{AMENDMENT}: The number {number} holds ';'" in said and "regdraft amend number" in said, said
        assert _git(circulating, "rev-parse", "HEAD") == head and not _git(circulating, "tag", "-l", "adopted/*")
    checked = " ".join(invoke(circulating, "check").output.split())
    assert f"The number {number} holds ';', '$', '{{' and '}}'" in checked, checked
    assert invoke(circulating, "amend", "status", SLUG, "withdrawn").exit_code == 0  # it can still be set aside

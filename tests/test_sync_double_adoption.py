"""The same amendment adopted in two clones with other dates (r34 sweep BD defect 3): the second sync stopped on a
conflict in the front matter that never said both had adopted it; resolved with `--ours`, two adoption commits, the
tag on the first (effective 2026-07-01) and the file, `show --as-of` and exports on the second (2026-08-01), and
`check` silent. The sync now keeps the colleague's adoption, already shared, and says so; `check` names an adoption
whose tag records other dates than its file. Lan's and Minh's clones sharing a bare remote, with real git."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke, two_clones

AMENDMENT = f"amendments/{SLUG}/amendment.md"
TAG = "adopted/05-QC-TU"


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, capture_output=True, text=True, check=True).stdout


def _adopt(invoke: Invoke, ws: Workspace, signed: str, effective: str) -> None:
    adopted = invoke(ws, "amend", "adopt", SLUG, "--signed", signed, "--effective", effective, "--force", "--reason",
                     "thử")
    assert adopted.exit_code == 0, adopted.output


@pytest.fixture
def clones(tmp_workspace: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:
    return two_clones(tmp_workspace, tmp_path)


def test_a_second_adoption_of_one_amendment_is_set_aside_keeping_the_colleagues(clones: tuple[Workspace, Workspace],
                                                                                invoke: Invoke) -> None:
    lan, minh = clones
    _adopt(invoke, lan, "2026-06-20", "2026-07-01")
    _adopt(invoke, minh, "2026-06-21", "2026-08-01")
    assert invoke(lan, "sync").exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())
    assert f"Both you and Lan adopted {SLUG} (05-QC/TU). Lan's adoption was on origin first (signed 2026-06-20, in " \
           "force from 2026-07-01) and is kept" in said, said
    assert "Yours (signed 2026-06-21, in force from 2026-08-01, commit " in said
    assert "was set aside and not sent" in said
    assert "no command that changes the dates of an adopted amendment" in said
    assert "already had the same changes" not in said and "conflict" not in said
    # One adoption everywhere, its tag on it, the file stating its dates; nothing left half done.
    for ws in (lan, minh):
        assert _git(ws, "log", "--format=%s").count("Adopt amendment") == 1
        assert "effective: 2026-07-01" in (ws.root / AMENDMENT).read_text(encoding="utf-8")
        assert _git(ws, "rev-parse", f"{TAG}^{{commit}}") == _git(ws, "rev-parse", "HEAD")
        assert _git(ws, "status", "--porcelain") == ""
        checked = invoke(ws, "check")
        assert "adoption tag" not in checked.output, checked.output
    again = invoke(minh, "sync")
    assert "To origin: nothing to send." in again.output and "From origin: nothing new." in again.output


def test_check_names_an_adoption_whose_tag_records_other_dates_than_its_file(tmp_workspace: Workspace,
                                                                             invoke: Invoke) -> None:
    # What an older sync left (the second adoption replayed over the first), or the dates edited by hand since.
    _adopt(invoke, tmp_workspace, "2026-06-20", "2026-07-01")
    path = tmp_workspace.root / AMENDMENT
    path.write_text(path.read_text(encoding="utf-8").replace("effective: 2026-07-01", "effective: 2026-08-01"),
                    encoding="utf-8")
    _git(tmp_workspace, "-c", "user.name=Hoa", "-c", "user.email=hoa@x.example", "commit", "-qam", "Ngày")
    checked = invoke(tmp_workspace, "check")
    said = " ".join(checked.output.split())
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("effective:"))
    assert f"{AMENDMENT}:{line}: warning: 05-QC/TU ({SLUG}) says it was signed 2026-06-20, in force from " \
           f"2026-08-01, but its adoption tag {TAG} names the adoption " in said, said
    assert "which recorded signed 2026-06-20, in force from 2026-07-01" in said


def _state(ws: Workspace, remote: Path) -> dict[str, object]:
    """Everything a refused sync must leave as it was: HEAD, the index, the working files (bytes), the branch and
    tags here, regdraft's notes in the git folder, and every ref of the shared remote."""
    files = {str(p.relative_to(ws.root)): p.read_bytes() for p in sorted(ws.root.rglob("*"))
             if p.is_file() and ".git" not in p.relative_to(ws.root).parts}
    return {"head": _git(ws, "rev-parse", "HEAD"), "index": _git(ws, "ls-files", "--stage"),
            "status": _git(ws, "status", "--porcelain", "--ignored"), "files": files,
            "refs": _git(ws, "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags"),
            "notes": sorted(p.name for p in ws.git_dir().glob("regdraft-*.json")),
            "remote": subprocess.run(["git", "for-each-ref", "--format=%(refname) %(objectname)"], cwd=remote,
                                     capture_output=True, text=True, check=True).stdout}


@pytest.mark.parametrize("undo", ["revert", "reset"])
def test_a_second_adoption_that_must_be_merged_is_refused_changing_nothing(clones: tuple[Workspace, Workspace],
                                                                           invoke: Invoke, tmp_path: Path,
                                                                           undo: str) -> None:
    # r35 note, item 3: tested by hand only. Minh's adoption is on a second remote too (a backup share), so the sync
    # must merge rather than replay it, and a merge cannot leave it out: refused before git starts.
    lan, minh = clones
    _adopt(invoke, lan, "2026-06-20", "2026-07-01")
    assert invoke(lan, "sync").exit_code == 0
    _adopt(invoke, minh, "2026-06-21", "2026-08-01")
    mine = _git(minh, "rev-parse", "HEAD").strip()
    subprocess.run(["git", "init", "-q", "--bare", str(tmp_path / "backup.git")], check=True)
    _git(minh, "remote", "add", "backup", str(tmp_path / "backup.git"))
    _git(minh, "push", "-q", "backup", "main")
    office = tmp_path / "office.git"
    before = _state(minh, office)
    refused = invoke(minh, "sync")
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert f"Refusing to sync: both you and Lan adopted {SLUG} (05-QC/TU)." in said, said
    assert "must merge rather than replay your work (some of your commits are already on another remote)" in said
    assert f"Undo yours with `git revert --no-edit {mine[:8]}`, then run `regdraft sync` again." in said, said
    assert said.endswith("Nothing was changed."), said
    assert _state(minh, office) == before  # no note of a sync either: it brought nothing in
    # Undone as the refusal says, the next sync brings Lan's adoption in; dropped with git (which brings it in), the
    # sync has nothing to say of it, and never that an interrupted sync had brought it in.
    if undo == "revert":
        _git(minh, "revert", "--no-edit", mine[:8])
    else:
        _git(minh, "reset", "-q", "--hard", "origin/main")
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    came_in = f"{SLUG} adopted as 05-QC/TU by Lan" if undo == "revert" else "nothing new"
    assert f"From origin: {came_in}" in done.output and "interrupted" not in done.output, done.output
    assert "effective: 2026-07-01" in (minh.root / AMENDMENT).read_text(encoding="utf-8")


def _forge(lan: Workspace, author: str = "Lan") -> str:
    """Lan's commit setting only the front matter to adopted, titled as an adoption: no text amended, no tag, dates
    that are not dates (one holding escape sequences); pushed to origin. Its sha."""
    path = lan.root / AMENDMENT
    text = path.read_text(encoding="utf-8")
    forged = text.replace("status: circulating", "status: adopted", 1).replace(
        "signed: null", 'signed: "2026-06-20\\e]0;PWNED\\a\\e[2J\\e[31mRED"', 1).replace(
        "effective: null", "effective: [1, 2, 3]", 1)
    assert forged.count("adopted") > text.count("adopted") and "[1, 2, 3]" in forged and "PWNED" in forged
    path.write_text(forged, encoding="utf-8")
    _git(lan, "-c", f"user.name={author}", "commit", "-qam", f"Adopt amendment 05-QC/TU ({SLUG}) to 01-QC/TU")
    _git(lan, "push", "-q", "origin", "HEAD")
    return _git(lan, "rev-parse", "HEAD").strip()


def test_a_forged_adoption_on_the_remote_never_sets_yours_aside(clones: tuple[Workspace, Workspace],
                                                                 invoke: Invoke) -> None:
    """A colleague's commit changing only the front matter (`status: adopted`, `effective: [1, 2, 3]`, no text
    amended, no tag) made the second clone's sync exit 0 saying the remote's adoption "is kept" and yours "was set
    aside": the branch held no amended text (r35 sweep BH F2). Now the sync refuses before git starts and says what
    is on the remote; once it is undone there, the sync sends the real adoption."""
    lan, minh = clones
    forged = _forge(lan)
    _adopt(invoke, minh, "2026-06-21", "2026-08-01")
    head = _git(minh, "rev-parse", "HEAD")
    refused = invoke(minh, "sync")
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert f"Refusing to sync: on origin, {AMENDMENT} says {SLUG} (05-QC/TU) is adopted, but that is no adoption " \
           f"regdraft made: the commit saying so ({forged[:8]} by Lan) amends no regulation: it changes {AMENDMENT} " \
           "only; its signing date (" in said, said
    assert "its effective date ([1, 2, 3]) is not a date. Your adoption (signed 2026-06-21, in force from " \
           "2026-08-01, commit " in said
    assert f"stays here, not sent, and nothing was changed. Ask Lan to undo that change on origin (`git revert " \
           f"--no-edit {forged[:8]}` in their clone, then `regdraft sync`)" in said
    assert "set aside" not in said and "is kept" not in said
    # nothing changed: the branch, the tag, no rebase begun
    assert _git(minh, "rev-parse", "HEAD") == head
    assert _git(minh, "rev-parse", f"{TAG}^{{commit}}") == head
    assert _git(minh, "status", "--porcelain") == "" and not (minh.root / ".git" / "rebase-merge").exists()
    # undone on origin, the sync sends the real adoption
    _git(lan, "revert", "--no-edit", forged)
    _git(lan, "push", "-q", "origin", "HEAD")
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    assert "To origin: qc-sua-doi-2025 adopted as 05-QC/TU by Minh, in force from 2026-08-01; tag adopted/05-QC-TU." \
        in " ".join(done.output.split()), done.output
    assert invoke(lan, "sync").exit_code == 0
    for ws in (lan, minh):
        assert "effective: 2026-08-01" in (ws.root / AMENDMENT).read_text(encoding="utf-8")
        assert _git(ws, "rev-parse", f"{TAG}^{{commit}}") == _git(ws, "rev-parse", "HEAD")


EVIL = "Lan\x1b[31mEVIL\x1b[0m"  # git keeps an escape inside an author's name
SHOWN = '"Lan\\x1b[31mEVIL\\x1b[0m"'


def test_the_sync_report_escapes_what_the_remote_sent(clones: tuple[Workspace, Workspace], invoke: Invoke) -> None:
    """A colleague's git name `Lan\\e[31m…` and a remote's front matter reached the terminal as escape sequences
    (colours, a cleared screen, the window title) in the sync report and the "From origin: … by …" line (r35 sweep BH
    F3). They are written as `check` writes a file name holding one: quoted, the escape as `\\x1b`."""
    lan, minh = clones
    _git(lan, "config", "user.name", EVIL)
    _adopt(invoke, lan, "2026-06-20", "2026-07-01")
    _adopt(invoke, minh, "2026-06-21", "2026-08-01")
    assert invoke(lan, "sync").exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())
    assert f"From origin: {SLUG} adopted as 05-QC/TU by {SHOWN}, in force from 2026-07-01." in said, said
    assert f"Both you and {SHOWN} adopted {SLUG} (05-QC/TU). {SHOWN}'s adoption was on origin first" in said
    assert f"tell {SHOWN}, as the workspace now holds {SHOWN}'s dates" in said
    assert "\x1b" not in done.output


def test_a_forged_adoptions_values_are_escaped_in_the_refusal(clones: tuple[Workspace, Workspace],
                                                              invoke: Invoke) -> None:
    lan, minh = clones
    _forge(lan, EVIL)
    _adopt(invoke, minh, "2026-06-21", "2026-08-01")
    refused = invoke(minh, "sync")
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert f"by {SHOWN}) amends no regulation" in said and f"Ask {SHOWN} to undo" in said, said
    assert 'its signing date ("2026-06-20\\x1b]0;PWNED\\a\\x1b[2J\\x1b[31mRED") is not a date' in said, said
    assert "\x1b" not in refused.output and "\a" not in refused.output


def test_report_lines_and_a_conflict_escape_control_characters_but_keep_their_lines() -> None:
    from regdraft.workspace.resolve import Conflict, ConflictedFile, Difference
    from regdraft.workspace.sync import SyncReport

    report = SyncReport("origin", came_in=["tag x"], notes=["Tag x: \x1b]0;PWNED\a here", "Ghi chú\tđủ"])
    assert report.lines()[-2:] == ["Tag x: \\x1b]0;PWNED\\a here", "Ghi chú\tđủ"]
    conflict = Conflict("rebase", (ConflictedFile("amendments/a\x1b[2J/amendment.md", "both changed the same lines",
                                                  (Difference("khoản 1", ("Văn \x1b[31mbản",), ("Văn bản",)),)),),
                        remote="origin")
    shown = conflict.report()
    assert "\x1b" not in shown and '"amendments/a\\x1b[2J/amendment.md": both changed' in shown, shown
    assert "Văn \\x1b[31mbản" in shown and shown.count("\n") > 5

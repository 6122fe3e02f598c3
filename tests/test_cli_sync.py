"""Working together through a real git server (git daemon on 127.0.0.1): init --remote, clone,
sync, conflicts and their resolution, adoption tags. Three clones: Lan, Minh and Hoa."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_AMENDMENT, Invoke
from tests.gitserver import GitServer, git_daemon

# Each test starts a git server and makes three clones of the example workspace.
pytestmark = pytest.mark.slow

AMENDMENT = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
CLAUSE_TEXT = "Định kỳ 6 tháng, một năm báo cáo Bộ Chính trị"  # in instruction 2 (khoản 2 Điều 5)
OTHER_TEXT = "kế hoạch đầu tư công trung hạn"  # in instruction 1 (khoản 1 Điều 4)
BODIES = {"lan": "Văn phòng Tỉnh ủy", "minh": "Ban Tổ chức Tỉnh ủy", "hoa": "Ủy ban Kiểm tra Tỉnh ủy"}
REGDRAFT = Path(sys.executable).with_name("regdraft")


def git(where: Path, *args: str) -> str:
    """Run git in a clone and return its output."""
    return subprocess.run(["git", "-C", str(where), *args], check=True, capture_output=True, text=True).stdout


@dataclass
class Office:
    """Three clones of one shared workspace, and the server holding it."""

    server: GitServer
    url: str
    clones: dict[str, Path]

    def __getitem__(self, name: str) -> Path:
        return self.clones[name]

    def edit(self, name: str, old: str, new: str, path: str = AMENDMENT) -> None:
        """Edit a file by hand in one clone and commit it with git, as a drafter does."""
        target = self.clones[name] / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
        git(self.clones[name], "commit", "-q", "-am", f"{name} edits {path}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[GitServer]:
    with git_daemon(tmp_path / "server") as running:
        yield running


@pytest.fixture
def office(server: GitServer, tmp_path: Path, invoke: Invoke) -> Office:
    url = server.create("office")
    made = invoke(None, "init", "--example", str(tmp_path / "lan"), "--remote", url)
    assert made.exit_code == 0, made.output
    clones = {"lan": tmp_path / "lan"}
    for name in ("minh", "hoa"):
        joined = invoke(None, "clone", url, str(tmp_path / name))
        assert joined.exit_code == 0, joined.output
        clones[name] = tmp_path / name
    for name, where in clones.items():
        git(where, "config", "user.name", name.capitalize())
        git(where, "config", "user.email", f"{name}@vptu.example")
    return Office(server, url, clones)


def sync(invoke: Invoke, where: Path, *args: str, ok: bool = True) -> str:
    result = invoke(where, "sync", *args)
    if ok:
        assert result.exit_code == 0, result.output
    return result.output


def open_round(invoke: Invoke, office: Office) -> None:
    opened = invoke(office["lan"], "round", "open", SHIPPED_AMENDMENT, "--title", "Lấy ý kiến", "--due", "2025-03-15",
                    "--yes", *(arg for body in BODIES.values() for arg in ("--consult", body)))
    assert opened.exit_code == 0, opened.output
    for name in ("lan", "minh", "hoa"):
        sync(invoke, office[name])


def add_comment(invoke: Invoke, where: Path, by: str, text: str, on: str = "Điều 4") -> None:
    added = invoke(where, "comment", "add", SHIPPED_AMENDMENT, "--by", by, "--on", on, "--text", text)
    assert added.exit_code == 0, added.output


def test_init_remote_and_clone_work_on_main_though_the_bare_remote_defaults_to_master(office: Office) -> None:
    assert office.server.git("office", "symbolic-ref", "HEAD").strip() == "refs/heads/master"
    lan_head = git(office["lan"], "rev-parse", "HEAD").strip()
    assert office.server.git("office", "rev-parse", "refs/heads/main").strip() == lan_head
    for name in ("minh", "hoa"):
        assert git(office[name], "symbolic-ref", "--short", "HEAD").strip() == "main"
        assert git(office[name], "rev-parse", "HEAD").strip() == lan_head
        assert (office[name] / "regdraft.yaml").is_file()


def test_a_bare_remote_on_a_file_share_is_set_to_main(tmp_path: Path, invoke: Invoke) -> None:
    share = tmp_path / "share" / "office.git"
    subprocess.run(["git", "init", "-q", "--bare", str(share)], check=True)
    made = invoke(None, "init", "--example", str(tmp_path / "lan"), "--remote", str(share))
    assert made.exit_code == 0, made.output
    assert git(share, "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    # Plain git, with no branch named, now checks out main too.
    subprocess.run(["git", "clone", "-q", str(share), str(tmp_path / "plain")], check=True)
    assert (tmp_path / "plain" / "regdraft.yaml").is_file()


def killed_sync(where: Path) -> subprocess.CompletedProcess[str]:
    """`regdraft sync` in its own process, killed (as by `kill -9`) once it is about to push."""
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", "sync", "-C", str(where)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "REGDRAFT_TEST_STOP_AT": "sending"})


@pytest.mark.parametrize("git_finished", [True, False])
def test_a_sync_killed_while_pushing_is_followed_by_one_that_says_what_it_sent(tmp_path: Path, invoke: Invoke,
                                                                               git_finished: bool) -> None:
    """Killed during its push, a sync leaves git's push process to finish it: the next sync found nothing to
    send and said only that. It now says the interrupted sync sent the work; when git did not finish, it sends."""
    share = tmp_path / "share.git"
    subprocess.run(["git", "init", "-q", "--bare", str(share)], check=True)
    lan = tmp_path / "lan"
    made = invoke(None, "init", "--example", str(lan), "--remote", str(share))
    assert made.exit_code == 0, made.output
    git(lan, "config", "user.name", "Lan")
    git(lan, "config", "user.email", "lan@vptu.example")
    target = lan / AMENDMENT
    target.write_text(target.read_text(encoding="utf-8").replace(OTHER_TEXT, "kế hoạch đầu tư công 5 năm", 1),
                      encoding="utf-8")
    git(lan, "commit", "-q", "-am", "Lan edits the amendment")
    killed = killed_sync(lan)
    assert killed.returncode == 137, killed.stderr
    head = git(lan, "rev-parse", "HEAD").strip()
    assert git(share, "rev-parse", "main").strip() != head
    if git_finished:  # what git's push process, left running, did after regdraft was killed
        git(lan, "push", "-q", "origin", "HEAD:refs/heads/main")
    said = sync(invoke, lan)
    assert git(share, "rev-parse", "main").strip() == head
    if git_finished:
        assert "To origin: nothing more to send." in said, said
        assert f"Your work was sent by the interrupted sync: {SHIPPED_AMENDMENT} edited by Lan. origin has it." \
            in said, said
    else:
        assert f"To origin: {SHIPPED_AMENDMENT} edited by Lan." in said and "interrupted" not in said, said
    # Said once: the sync after it has nothing to tell.
    again = sync(invoke, lan)
    assert "interrupted" not in again and "To origin: nothing to send." in again, again


def test_concurrent_syncs_of_comments_from_three_clones_all_arrive(office: Office, invoke: Invoke) -> None:
    open_round(invoke, office)
    for name, body in BODIES.items():
        add_comment(invoke, office[name], body, f"Góp ý thứ nhất của {body}.")
        add_comment(invoke, office[name], body, f"Góp ý thứ hai của {body}.", on="Điều 20a")
    # Three processes sync at once: the pushes race, the losers fetch, rebase and push again.
    running = {name: subprocess.Popen([str(REGDRAFT), "sync", "-C", str(where)], stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, text=True)
               for name, where in office.clones.items()}
    outputs = {name: process.communicate(timeout=120)[0] for name, process in running.items()}
    assert all(process.returncode == 0 for process in running.values()), outputs
    for name in ("lan", "minh", "hoa"):
        outputs[name] += sync(invoke, office[name])
    remote_head = office.server.git("office", "rev-parse", "refs/heads/main").strip()
    for name, where in office.clones.items():
        assert git(where, "rev-parse", "HEAD").strip() == remote_head
        assert len(list((where / "amendments" / SHIPPED_AMENDMENT / "comments").glob("*.yaml"))) == 6
        listed = invoke(where, "comment", "list", SHIPPED_AMENDMENT)
        assert all(f"Góp ý thứ hai của {body}." in listed.output for body in BODIES.values())
        # Each clone was told, in words, of the comments that came from the other two.
        for other, body in BODIES.items():
            if other != name:
                assert f"2 comments from {body} on {SHIPPED_AMENDMENT}" in outputs[name], outputs[name]


def test_round_closed_in_one_clone_is_reported_by_name_in_another(office: Office, invoke: Invoke) -> None:
    open_round(invoke, office)
    closed = invoke(office["lan"], "round", "close", SHIPPED_AMENDMENT)
    assert closed.exit_code == 0, closed.output
    assert f"To origin: round 1 of {SHIPPED_AMENDMENT} closed by Lan." in sync(invoke, office["lan"])
    assert f"From origin: round 1 of {SHIPPED_AMENDMENT} closed by Lan." in sync(invoke, office["minh"])


def test_same_provision_edited_in_two_clones_conflicts_and_is_resolved(office: Office, invoke: Invoke) -> None:
    office.edit("lan", CLAUSE_TEXT, "Định kỳ 3 tháng, một năm báo cáo Bộ Chính trị")
    sync(invoke, office["lan"])
    office.edit("minh", CLAUSE_TEXT, "Định kỳ 4 tháng, một năm báo cáo Bộ Chính trị")
    before = git(office["minh"], "rev-parse", "HEAD")

    stopped = invoke(office["minh"], "sync")
    assert stopped.exit_code == 1
    report = stopped.output
    assert f"{AMENDMENT}: The remote and you both changed the same lines." in report
    assert "khoản 2 Điều 1 (Sửa đổi, bổ sung khoản 2 Điều 5 như sau:)" in report
    assert "Định kỳ 4 tháng" in report and "Định kỳ 3 tháng" in report
    yours = next(line for line in report.splitlines() if "Định kỳ 4 tháng" in line)
    assert yours.index("Định kỳ 4 tháng") < yours.index("│") < yours.index("Định kỳ 3 tháng")  # side by side
    assert f"regdraft resolve {AMENDMENT} --ours" in report and "regdraft sync --continue" in report

    # Every command that reads says "conflict" first; commands that write refuse.
    for args in (("check",), ("amend", "list"), ("show", "01-QC/TU", "d5.k2")):
        result = invoke(office["minh"], *args)
        assert result.exit_code == 1 and "you and a colleague changed the same provisions" in result.output
        assert "is not an article heading" not in result.output and "unreadable" not in result.output
    head_during = git(office["minh"], "rev-parse", "HEAD")
    refused = invoke(office["minh"], "comment", "add", SHIPPED_AMENDMENT, "--by", "Văn phòng Tỉnh ủy",
                     "--on", "Điều 4", "--text", "Không được ghi lúc này.")
    assert refused.exit_code == 1
    assert git(office["minh"], "rev-parse", "HEAD") == head_during
    assert invoke(office["minh"], "sync").exit_code == 1  # a second sync does not start over it

    resolved = invoke(office["minh"], "resolve", AMENDMENT, "--ours")
    assert resolved.exit_code == 0, resolved.output
    assert "Every conflict is resolved" in resolved.output
    finished = sync(invoke, office["minh"], "--continue")
    assert "To origin: amendments edited" not in finished
    assert f"{SHIPPED_AMENDMENT} edited by Minh" in finished
    assert git(office["minh"], "rev-parse", "HEAD") != before
    text = (office["minh"] / AMENDMENT).read_text(encoding="utf-8")
    assert "Định kỳ 4 tháng" in text and "<<<<<<<" not in text
    assert invoke(office["minh"], "amend", "check", SHIPPED_AMENDMENT).exit_code == 0

    assert f"{SHIPPED_AMENDMENT} edited by Minh" in sync(invoke, office["lan"])
    assert "Định kỳ 4 tháng" in (office["lan"] / AMENDMENT).read_text(encoding="utf-8")


def test_theirs_keeps_the_remote_version_and_abort_puts_everything_back(office: Office, invoke: Invoke) -> None:
    office.edit("lan", CLAUSE_TEXT, "Định kỳ 3 tháng, một năm báo cáo Bộ Chính trị")
    sync(invoke, office["lan"])
    office.edit("minh", CLAUSE_TEXT, "Định kỳ 4 tháng, một năm báo cáo Bộ Chính trị")
    office.edit("hoa", CLAUSE_TEXT, "Định kỳ 5 tháng, một năm báo cáo Bộ Chính trị")
    before = git(office["hoa"], "rev-parse", "HEAD")

    assert invoke(office["hoa"], "sync").exit_code == 1
    aborted = sync(invoke, office["hoa"], "--abort")
    assert "undone" in aborted
    assert git(office["hoa"], "rev-parse", "HEAD") == before
    assert git(office["hoa"], "status", "--porcelain") == ""
    assert "Định kỳ 5 tháng" in (office["hoa"] / AMENDMENT).read_text(encoding="utf-8")

    assert invoke(office["minh"], "sync").exit_code == 1
    assert invoke(office["minh"], "resolve", AMENDMENT, "--theirs").exit_code == 0
    finished = sync(invoke, office["minh"], "--continue")
    assert "Nothing of yours was left to replay" in finished
    assert git(office["minh"], "rev-parse", "HEAD") == git(office["lan"], "rev-parse", "HEAD")
    assert "Định kỳ 3 tháng" in (office["minh"] / AMENDMENT).read_text(encoding="utf-8")


def test_edits_made_while_a_sync_is_stopped_are_never_thrown_away(office: Office, invoke: Invoke) -> None:
    # `sync --abort` threw away an edit to a file not in conflict without a word, and `sync --continue`
    # answered it only with "run `regdraft sync --continue`".
    office.edit("lan", CLAUSE_TEXT, "Định kỳ 3 tháng, một năm báo cáo Bộ Chính trị")
    sync(invoke, office["lan"])
    office.edit("minh", CLAUSE_TEXT, "Định kỳ 4 tháng, một năm báo cáo Bộ Chính trị")
    assert invoke(office["minh"], "sync").exit_code == 1
    regulation = office["minh"] / "regulations" / "01-QC-TU.md"
    regulation.write_text(regulation.read_text(encoding="utf-8") + "\nGHI CHÚ\n", encoding="utf-8")
    head = git(office["minh"], "rev-parse", "HEAD")
    for step in ("--abort", "--continue"):
        if step == "--continue":
            assert invoke(office["minh"], "resolve", AMENDMENT, "--ours").exit_code == 0
        refused = invoke(office["minh"], "sync", step)
        said = " ".join(refused.output.split())
        assert refused.exit_code == 1 and "Traceback" not in refused.output
        assert "You changed regulations/01-QC-TU.md while the sync was stopped" in said and "git restore" in said
        assert regulation.read_text(encoding="utf-8").endswith("GHI CHÚ\n")
        assert git(office["minh"], "rev-parse", "HEAD") == head
    # Set aside, the sync finishes and the edit is made again.
    git(office["minh"], "checkout", "--", "regulations/01-QC-TU.md")
    sync(invoke, office["minh"], "--continue")
    assert "Định kỳ 4 tháng" in (office["minh"] / AMENDMENT).read_text(encoding="utf-8")


def test_a_hand_edit_resolves_once_the_markers_are_gone(office: Office, invoke: Invoke) -> None:
    office.edit("lan", CLAUSE_TEXT, "Định kỳ 3 tháng, một năm báo cáo Bộ Chính trị")
    sync(invoke, office["lan"])
    office.edit("minh", CLAUSE_TEXT, "Định kỳ 4 tháng, một năm báo cáo Bộ Chính trị")
    assert invoke(office["minh"], "sync").exit_code == 1
    early = invoke(office["minh"], "resolve", AMENDMENT)
    assert early.exit_code == 1 and "still holds conflict markers" in early.output
    path = office["minh"] / AMENDMENT
    lines = path.read_text(encoding="utf-8").split("\n")
    kept = [line.replace("Định kỳ 3 tháng", "Định kỳ 2 tháng") for line in lines
            if not line.startswith(("<<<<<<<", "=======", ">>>>>>>")) and "Định kỳ 4 tháng" not in line]
    path.write_text("\n".join(kept), encoding="utf-8")
    assert invoke(office["minh"], "resolve", AMENDMENT).exit_code == 0
    sync(invoke, office["minh"], "--continue")
    sync(invoke, office["lan"])
    assert "Định kỳ 2 tháng" in (office["lan"] / AMENDMENT).read_text(encoding="utf-8")


def test_different_provisions_of_one_amendment_merge_cleanly(office: Office, invoke: Invoke) -> None:
    office.edit("lan", CLAUSE_TEXT, "Định kỳ 3 tháng, một năm báo cáo Bộ Chính trị")
    office.edit("minh", OTHER_TEXT, "kế hoạch đầu tư công 5 năm")
    sync(invoke, office["lan"])
    merged = sync(invoke, office["minh"])
    assert "replayed on top of the work from origin (rebase)" in merged
    sync(invoke, office["lan"])
    for name in ("lan", "minh"):
        text = (office[name] / AMENDMENT).read_text(encoding="utf-8")
        assert "Định kỳ 3 tháng" in text and "kế hoạch đầu tư công 5 năm" in text
        assert invoke(office[name], "amend", "check", SHIPPED_AMENDMENT).exit_code == 0


# Adoption is gated (submitted, rounds closed, effective date as the document says); these tests are about
# sharing the adoption, so they adopt past the gates with a recorded reason.
FORCED = ("--force", "--reason", "test: adopted while the round is open")


def test_adoption_in_one_clone_comment_in_another_tag_on_remote_and_main(office: Office, invoke: Invoke,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    open_round(invoke, office)
    # The adoption is dated before the comment Minh adds next, so `check` reports that comment as late.
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2025-03-28T10:00:00+07:00")
    adopted = invoke(office["lan"], "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-28",
                     "--effective", "2025-04-01", *FORCED)
    assert adopted.exit_code == 0, adopted.output
    monkeypatch.delenv("GIT_AUTHOR_DATE")
    add_comment(invoke, office["minh"], BODIES["minh"], "Góp ý đến muộn.")
    assert f"1 comment from {BODIES['minh']}" in sync(invoke, office["minh"])
    lan = sync(invoke, office["lan"])
    # The comment reached the clone that adopted: sync says it is late (it said "1 comment from …" only).
    assert f"1 comment from {BODIES['minh']} on {SHIPPED_AMENDMENT}, on an amendment already adopted (a late " \
        "comment: `regdraft check` names it" in lan
    assert "adopted as 05-QC/TU by Lan" in lan and "tag adopted/05-QC-TU" in lan
    assert "Tag adopted/05-QC-TU moved from" in lan  # the rebased adoption keeps its tag
    assert "tag adopted/05-QC-TU" in sync(invoke, office["minh"])
    sync(invoke, office["hoa"])

    on_remote = office.server.git("office", "rev-parse", "refs/tags/adopted/05-QC-TU^{commit}").strip()
    shown = set()
    for where in office.clones.values():
        assert git(where, "rev-parse", "adopted/05-QC-TU^{commit}").strip() == on_remote
        git(where, "merge-base", "--is-ancestor", "adopted/05-QC-TU", "main")  # raises if not on main
        result = invoke(where, "show", "01-QC/TU", "d20a", "--as-of", "2025-04-01")
        assert result.exit_code == 0, result.output
        shown.add(result.output)
        late = invoke(where, "check")  # the one problem: Minh's comment came after the adoption
        # and one warning: the shipped English translation lacks 05-QC/TU, adopted to the original only (r26/O 8)
        assert late.exit_code == 1 and "1 problem found and 1 warning." in late.output
        assert f"by {BODIES['minh']} on d4 in round 1" in late.output
        assert "after the amendment was adopted (2025-03-28T10:00:00+07:00" in late.output
    assert len(shown) == 1 and "Điều 20a" in shown.pop()
    git(office.server.base / "office.git", "merge-base", "--is-ancestor", on_remote, "refs/heads/main")


def adopt_two_in_two_clones(office: Office, invoke: Invoke, old: str, new: str) -> str:
    """Lan drafts 07-QC/TU (one edit of the regulation, `old` to `new`) and shares it; then Lan adopts
    05-QC/TU while Minh adopts 07-QC/TU; both sync. Returns what Minh's sync said."""
    lan = office["lan"]
    assert invoke(lan, "amend", "new", "qc-sua-doi-2026", "--regulation", "01-QC/TU").exit_code == 0
    edited = lan.parent / "edited.md"
    edited.write_text((lan / "regulations/01-QC-TU.md").read_text(encoding="utf-8").replace(old, new),
                      encoding="utf-8")
    made = invoke(lan, "amend", "from-edits", "qc-sua-doi-2026", "--edited", str(edited))
    assert made.exit_code == 0, made.output
    office.edit("lan", "number: null", "number: 07-QC/TU", "amendments/qc-sua-doi-2026/amendment.md")
    sync(invoke, lan)
    sync(invoke, office["minh"])
    assert invoke(lan, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-28",
                  "--effective", "2025-04-01", *FORCED).exit_code == 0
    assert invoke(office["minh"], "amend", "adopt", "qc-sua-doi-2026", "--signed", "2026-01-05",
                  "--effective", "2026-01-15", *FORCED).exit_code == 0
    sync(invoke, lan)
    minh = sync(invoke, office["minh"])
    sync(invoke, lan)
    return minh


def test_two_clones_adopting_different_amendments_merge_without_conflict(office: Office, invoke: Invoke) -> None:
    minh = adopt_two_in_two_clones(office, invoke, "Thường lệ ba tháng một lần", "Thường lệ hai tháng một lần")
    assert "Tag adopted/07-QC-TU moved from" in minh
    for where in (office["lan"], office["minh"]):
        assert invoke(where, "check").exit_code == 0, invoke(where, "check").output
        for tag in ("adopted/05-QC-TU", "adopted/07-QC-TU"):
            git(where, "merge-base", "--is-ancestor", tag, "main")
        late = invoke(where, "show", "01-QC/TU", "--as-of", "2026-02-01").output
        assert "Thường lệ hai tháng một lần" in late and "Điều 20a" in late
    assert set(office.server.git("office", "tag").split()) == {"adopted/05-QC-TU", "adopted/07-QC-TU"}


def test_a_round_circulating_a_local_commit_is_merged_not_rebased(office: Office, invoke: Invoke) -> None:
    office.edit("lan", "draft: 2", "draft: 3")
    opened = invoke(office["lan"], "round", "open", SHIPPED_AMENDMENT, "--title", "Lần 2", "--due", "2025-04-15",
                    "--yes", "--consult", BODIES["hoa"])
    assert opened.exit_code == 0, opened.output
    circulated = git(office["lan"], "rev-parse", "HEAD~1").strip()
    office.edit("minh", OTHER_TEXT, "kế hoạch đầu tư công 5 năm")
    sync(invoke, office["minh"])
    lan = sync(invoke, office["lan"])
    assert "were merged (round 1 of qc-sua-doi-2025 records one of your commits" in lan
    git(office["lan"], "merge-base", "--is-ancestor", circulated, "main")
    sync(invoke, office["hoa"])
    git(office["hoa"], "cat-file", "-e", f"{circulated}^{{commit}}")  # the circulated draft is shared
    add_comment(invoke, office["hoa"], BODIES["hoa"], "Góp ý vào dự thảo lần 3.")


def test_sync_refuses_uncommitted_changes_naming_them(office: Office, invoke: Invoke) -> None:
    (office["lan"] / AMENDMENT).write_text("changed", encoding="utf-8")
    (office["lan"] / "ghi-chu.txt").write_text("note", encoding="utf-8")
    refused = invoke(office["lan"], "sync")
    assert refused.exit_code == 1
    assert AMENDMENT in refused.output and "Nothing was changed" in refused.output
    assert "ghi-chu.txt" not in refused.output  # untracked, and nothing coming in is in its place


def test_sync_leaves_untracked_notes_alone_and_refuses_only_one_a_colleagues_file_would_overwrite(
        office: Office, invoke: Invoke) -> None:
    open_round(invoke, office)
    lan = office["lan"]
    notes = {"ghi-chu.txt": "ghi chú riêng của Lan\n", f"amendments/{SHIPPED_AMENDMENT}/notes.txt": "việc cần làm\n"}
    for path, text in notes.items():
        (lan / path).write_text(text, encoding="utf-8")
    add_comment(invoke, office["minh"], BODIES["minh"], "Góp ý của Ban Tổ chức.")
    sync(invoke, office["minh"])
    office.edit("lan", OTHER_TEXT, OTHER_TEXT + " (Lan)")  # both moved on: a rebase, with the notes in place
    assert "From origin: 1 comment" in sync(invoke, lan)
    assert all((lan / path).read_text(encoding="utf-8") == text for path, text in notes.items())
    assert sorted(git(lan, "status", "--porcelain", "-uall").split()) == sorted(["??", "??", *notes])
    assert "ghi-chu.txt" not in git(lan, "ls-tree", "-r", "--name-only", "origin/main")

    # Minh commits a file of the same name as Lan's notes: syncing would overwrite hers.
    (office["minh"] / "ghi-chu.txt").write_text("ghi chú của Minh\n", encoding="utf-8")
    git(office["minh"], "add", "ghi-chu.txt")
    git(office["minh"], "commit", "-q", "-m", "Minh's notes")
    sync(invoke, office["minh"])
    head = git(lan, "rev-parse", "HEAD")
    refused = invoke(lan, "sync")
    assert refused.exit_code == 1
    assert ("Refusing to sync: ghi-chu.txt is untracked here (never committed), and the work from origin brings a "
            "colleague's file there, which would overwrite it. Move your file aside") in refused.output
    assert git(lan, "rev-parse", "HEAD") == head and git(lan, "status", "--porcelain") == "".join(
        f"?? {path}\n" for path in sorted(notes))
    assert (lan / "ghi-chu.txt").read_text(encoding="utf-8") == notes["ghi-chu.txt"]
    (lan / "ghi-chu.txt").rename(lan / "ghi-chu-lan.txt")
    sync(invoke, lan)
    assert (lan / "ghi-chu.txt").read_text(encoding="utf-8") == "ghi chú của Minh\n"


def test_joining_and_sharing_refuse_what_cannot_work(office: Office, invoke: Invoke, tmp_path: Path) -> None:
    empty = office.server.create("empty")
    nothing = invoke(None, "clone", empty, str(tmp_path / "nothing"))
    assert nothing.exit_code == 1 and "holds no regdraft workspace yet" in nothing.output
    assert not (tmp_path / "nothing").exists()
    taken = invoke(None, "clone", office.url, str(office["lan"]))
    assert taken.exit_code == 1 and "not an empty folder" in taken.output
    again = invoke(None, "init", str(tmp_path / "second"), "--remote", office.url)
    assert again.exit_code == 1 and "already holds work" in again.output
    assert not (tmp_path / "second").exists()
    alone = invoke(None, "init", str(tmp_path / "alone"))
    assert alone.exit_code == 0
    lonely = invoke(tmp_path / "alone", "sync")
    assert lonely.exit_code == 1 and "has no shared remote" in lonely.output


def test_adoptions_touching_neighbouring_provisions_are_settled_by_replay(office: Office, invoke: Invoke) -> None:
    # 05-QC/TU inserts khoản 4a after khoản 4 Điều 6; 07-QC/TU rewrites khoản 5 right below it: the
    # lines touch, so git alone stops. The regulation is the base text with the adoptions replayed.
    minh = adopt_two_in_two_clones(office, invoke, "5\\. Quyết định một số vấn đề về công tác cán bộ",
                                   "5\\. Quyết định các vấn đề về công tác cán bộ")
    assert "regulations/01-QC-TU.md rebuilt from its base text and adopted amendments" in minh
    for where in (office["lan"], office["minh"]):
        assert invoke(where, "check").exit_code == 0, invoke(where, "check").output
        text = (where / "regulations/01-QC-TU.md").read_text(encoding="utf-8")
        assert "4a\\." in text and "5\\. Quyết định các vấn đề về công tác cán bộ" in text


def test_the_same_amendment_adopted_in_two_clones_keeps_the_remote_tag(office: Office, invoke: Invoke) -> None:
    for name, effective in (("lan", "2025-04-01"), ("minh", "2025-04-02")):
        adopted = invoke(office[name], "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-28",
                         "--effective", effective, *FORCED)
        assert adopted.exit_code == 0, adopted.output
    sync(invoke, office["lan"])
    # Lan's adoption, shared first, is kept; Minh's (other dates) is set aside, with no conflict (r34 BD defect 3).
    minh = sync(invoke, office["minh"])
    assert "Both you and Lan adopted" in minh and "was set aside and not sent" in minh
    assert "Tag adopted/05-QC-TU: origin already has it on" in minh and "was replaced by it" in minh
    remote_tag = office.server.git("office", "rev-parse", "refs/tags/adopted/05-QC-TU^{commit}").strip()
    assert git(office["minh"], "rev-parse", "adopted/05-QC-TU^{commit}").strip() == remote_tag
    git(office["minh"], "merge-base", "--is-ancestor", "adopted/05-QC-TU", "main")
    assert invoke(office["minh"], "check").exit_code == 0


def test_the_same_change_made_in_two_clones_is_not_called_a_settled_conflict(office: Office, invoke: Invoke) -> None:
    # Both clones adopting the same amendment: "the conflict was settled with origin's work", with no conflict.
    same = "Định kỳ 3 tháng, một năm báo cáo Bộ Chính trị"
    office.edit("lan", CLAUSE_TEXT, same)
    sync(invoke, office["lan"])
    office.edit("minh", CLAUSE_TEXT, same)
    said = sync(invoke, office["minh"])
    assert "Nothing of yours was left to replay: origin already had the same changes." in said
    assert "conflict" not in said


def test_a_tag_off_main_is_reported_and_not_pushed(office: Office, invoke: Invoke) -> None:
    lan = office["lan"]
    tree = git(lan, "rev-parse", "HEAD^{tree}").strip()
    stray = subprocess.run(["git", "-C", str(lan), "commit-tree", tree, "-m", "Somewhere else"], check=True,
                           capture_output=True, text=True).stdout.strip()
    git(lan, "tag", "adopted/99-QC-TU", stray)
    out = sync(invoke, lan)
    assert f"Tag adopted/99-QC-TU cannot be kept: its commit {stray[:8]} is no longer on main" in out
    assert office.server.git("office", "tag").split() == []


def test_a_merge_that_conflicts_is_resolved_the_same_way(office: Office, invoke: Invoke) -> None:
    office.edit("minh", CLAUSE_TEXT, "Định kỳ 4 tháng, một năm báo cáo Bộ Chính trị")
    sync(invoke, office["minh"])
    office.edit("lan", CLAUSE_TEXT, "Định kỳ 3 tháng, một năm báo cáo Bộ Chính trị")
    office.edit("lan", "draft: 2", "draft: 3")
    opened = invoke(office["lan"], "round", "open", SHIPPED_AMENDMENT, "--title", "Lần 3", "--due", "2025-04-15",
                    "--yes", "--consult", BODIES["hoa"])
    assert opened.exit_code == 0, opened.output
    stopped = invoke(office["lan"], "sync")
    assert stopped.exit_code == 1
    assert "A sync stopped while merging the shared remote's work with yours" in stopped.output
    assert f"{AMENDMENT}: You and the remote both changed the same lines." in stopped.output
    row = next(line for line in stopped.output.splitlines() if "Định kỳ 3 tháng" in line)
    assert row.index("Định kỳ 3 tháng") < row.index("│") < row.index("Định kỳ 4 tháng")  # yours on the left
    assert invoke(office["lan"], "resolve", AMENDMENT, "--ours").exit_code == 0
    done = sync(invoke, office["lan"], "--continue")
    assert "were merged (round 1 of qc-sua-doi-2025" in done
    assert len(git(office["lan"], "rev-list", "--merges", "HEAD").split()) == 1
    sync(invoke, office["minh"])
    assert "Định kỳ 3 tháng" in (office["minh"] / AMENDMENT).read_text(encoding="utf-8")

"""Comment keys an older regdraft dropped (r39 sweep CA F1), found however the loss arrived and put back by
`check --repair` (round 40). The fixture files are what the builds wrote: `d31d-before.yaml` the current regdraft's
comment as the review pages leave it (`author`, `sequence`, `link`, `edited`), `d31d-answered-by-9fc9eee6.yaml` the
same file after `comment respond d31d --disposition noted --reply "Ghi nhận (máy cũ)."` of the build of December 2
(9fc9eee6), which knows none of those keys but `author`.

Round 39 named a loss only when `sync` brought it: one brought by a plain `git pull`, or committed on this machine
before the upgrade, went unsaid, and nothing put the lines back."""

from __future__ import annotations

import subprocess
from pathlib import Path

from regdraft.core.comment_yaml import comment_from_yaml
from regdraft.workspace.dropped_keys import COMMENT_FILES, EXAMINED_FILE
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT, SHIPPED_AMENDMENT, Invoke, two_clones
from tests.counting import git_processes

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "dropped_keys"
BEFORE = (FIXTURES / "d31d-before.yaml").read_text(encoding="utf-8")
ANSWERED = (FIXTURES / "d31d-answered-by-9fc9eee6.yaml").read_text(encoding="utf-8")
PATH = f"amendments/{SHIPPED_AMENDMENT}/comments/d31d.yaml"
LINES = "sequence: 2\nlink: 0adf99c2\nedited: '2026-12-07T13:40:00+00:00'\n"


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, check=True, capture_output=True, text=True).stdout.strip()


def _commit(ws: Workspace, text: str, message: str, by: str = "Lan") -> str:
    (ws.root / PATH).parent.mkdir(parents=True, exist_ok=True)
    (ws.root / PATH).write_text(text, encoding="utf-8")
    _git(ws, "add", PATH)
    _git(ws, "-c", f"user.name={by}", "-c", "user.email=x@example.org", "commit", "-qm", message)
    return _git(ws, "rev-parse", "HEAD")


def _answered_by_old_build(ws: Workspace) -> str:
    """The comment as the review pages left it, then answered on a machine still on build 9fc9eee6; its commit."""
    _commit(ws, BEFORE, "Comment sent through the review pages")
    return _commit(ws, ANSWERED, f"Respond to comment d31d on {SHIPPED_AMENDMENT}: noted", by="Minh")


def test_the_fixture_is_the_old_builds_rewrite() -> None:
    # What the test stands on: the old build dropped exactly these lines and changed only the answer.
    kept = [line for line in BEFORE.splitlines(keepends=True) if line not in LINES.splitlines(keepends=True)]
    answered = {"disposition: null\n": "disposition: noted\n", "reply: null\n": "reply: Ghi nhận (máy cũ).\n"}
    assert [answered.get(line, line) for line in kept if not line.startswith("responded:")] == \
        [line for line in ANSWERED.splitlines(keepends=True) if not line.startswith("responded:")]


def test_check_finds_a_loss_committed_here_before_the_upgrade(circulating: Workspace, invoke: Invoke) -> None:
    commit = _answered_by_old_build(circulating)
    for _ in range(2):  # found by the first check, kept for the next
        checked = invoke(circulating, "check")
        assert checked.exit_code == 0, checked.output  # a warning: the comment reads
        assert (f"{PATH}:1: warning: Comment d31d ({PATH}) lost sequence, link, edited in commit {commit[:8]} by "
                "Minh") in checked.output, checked.output
        assert "`regdraft check --repair` puts back these lines, as they were, in one commit: sequence: 2; link: " \
               "0adf99c2; edited: '2026-12-07T13:40:00+00:00'." in checked.output


def test_check_finds_a_loss_brought_in_by_git_pull(circulating: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    lan, minh = two_clones(circulating, tmp_path)
    _commit(lan, BEFORE, "Comment sent through the review pages")
    _git(lan, "push", "-q")
    _git(minh, "pull", "-q", "--no-rebase")
    commit = _commit(minh, ANSWERED, "Respond to comment d31d", by="Minh")
    _git(minh, "push", "-q")
    _git(lan, "pull", "-q", "--no-rebase")  # not `regdraft sync`: nothing remembered a loss
    checked = invoke(lan, "check")
    assert f"lost sequence, link, edited in commit {commit[:8]} by Minh" in checked.output, checked.output


def test_check_examines_each_commit_once(circulating: Workspace, invoke: Invoke) -> None:
    ws = circulating
    assert "lost" not in invoke(ws, "check").output
    first = _git(ws, "rev-parse", "HEAD")
    assert (ws.root / ".git" / EXAMINED_FILE).read_text(encoding="ascii").strip() == first
    with git_processes() as started:
        assert "lost" not in invoke(ws, "check").output
    assert not [argv for argv in started if argv[0] == "log" and any(a.startswith("-G") for a in argv)]
    commit = _answered_by_old_build(ws)
    with git_processes() as started:
        checked = invoke(ws, "check")
    assert f"lost sequence, link, edited in commit {commit[:8]}" in checked.output, checked.output
    logs = [argv for argv in started if argv[0] == "log" and COMMENT_FILES in argv and f"{commit}..HEAD" not in argv]
    assert len(logs) == 1 and f"{first}..{commit}" in logs[0]  # the new commits only, in one git log
    # the loss is HEAD: no commit since it to read of its file (did someone decide about the keys since?)
    assert not [argv for argv in started if argv[0] == "log" and f":(literal){PATH}" in argv], started
    later = _commit(ws, ANSWERED + "# a line\n", "A later edit")
    with git_processes() as started:
        invoke(ws, "check")
    assert [argv[-3:] for argv in started if argv[0] == "log" and f":(literal){PATH}" in argv] == [
        [f"{commit}..{later}", "--", f":(literal){PATH}"]]
    # A commit examined last that the repository no longer has (history rewritten): all of it again.
    (ws.root / ".git" / EXAMINED_FILE).write_text("1" * 40 + "\n", encoding="ascii")
    (ws.root / ".git" / "regdraft-dropped-keys.json").unlink()
    assert f"lost sequence, link, edited in commit {commit[:8]}" in invoke(ws, "check").output


def test_a_loss_in_a_commit_that_also_changed_the_line_ends_is_found_and_put_back(circulating: Workspace,
                                                                                  invoke: Invoke) -> None:
    # Every line rewritten with CRLF (an editor's save) and the keys gone: the `id:` line removed and written again
    # is still the same comment.
    ws = circulating
    _commit(ws, BEFORE, "Comment sent through the review pages")
    commit = _commit(ws, ANSWERED.replace("\n", "\r\n"), "Respond to comment d31d", by="Minh")
    assert f"lost sequence, link, edited in commit {commit[:8]}" in invoke(ws, "check").output
    assert invoke(ws, "check", "--repair").exit_code == 0
    assert (ws.root / PATH).read_bytes() == (ANSWERED + LINES).replace("\n", "\r\n").encode("utf-8")


def test_a_link_removed_that_named_no_link_is_no_loss(circulating: Workspace, invoke: Invoke) -> None:
    # `check` asks to mend a `link:` that is no link's id; the line removed is not put back.
    _commit(circulating, BEFORE.replace("link: 0adf99c2", "link: tạm"), "Comment with a link typed by hand")
    _commit(circulating, BEFORE.replace("link: 0adf99c2\n", ""), "Remove the link that is no link")
    assert "lost" not in invoke(circulating, "check").output


def test_check_repair_puts_back_the_lines_in_one_commit(circulating: Workspace, invoke: Invoke) -> None:
    ws = circulating
    commit = _answered_by_old_build(ws)
    repaired = invoke(ws, "check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    head = _git(ws, "rev-parse", "HEAD")
    assert (f"Put back in commit {head[:8]} the comment keys an older regdraft dropped: {PATH} (sequence, link, "
            f"edited; dropped in {commit[:8]}).") in repaired.output
    assert "lost" not in repaired.output  # the check after the repair
    assert _git(ws, "log", "-1", "--format=%B") == (f"Put back comment keys an older regdraft dropped: {PATH} "
                                                    f"(sequence, link, edited; dropped in {commit[:8]})")
    assert _git(ws, "show", "--format=", "--name-only", "HEAD") == PATH
    # exactly the lines, where this regdraft writes them; the old build's answer stays
    assert (ws.root / PATH).read_text(encoding="utf-8") == ANSWERED + LINES
    comment = comment_from_yaml((ws.root / PATH).read_bytes())
    assert (comment.link, comment.sequence, comment.reply) == ("0adf99c2", 2, "Ghi nhận (máy cũ).")
    assert invoke(ws, "fmt", "--check").exit_code == 0
    assert "Put back" not in invoke(ws, "check", "--repair").output and _git(ws, "rev-parse", "HEAD") == head


def test_sync_never_puts_the_lines_back(circulating: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    lan, minh = two_clones(circulating, tmp_path)
    _commit(lan, BEFORE, "Comment sent through the review pages")
    assert invoke(lan, "sync").exit_code == 0
    assert invoke(minh, "sync").exit_code == 0
    _commit(minh, ANSWERED, "Respond to comment d31d", by="Minh")
    assert invoke(minh, "sync").exit_code == 0
    said = invoke(lan, "sync").output
    assert "`regdraft check --repair` puts back these lines" in said, said
    assert (lan.root / PATH).read_text(encoding="utf-8") == ANSWERED


def test_repair_leaves_a_file_with_uncommitted_changes(circulating: Workspace, invoke: Invoke) -> None:
    ws = circulating
    _answered_by_old_build(ws)
    head = _git(ws, "rev-parse", "HEAD")
    edited = ANSWERED.replace("Ghi nhận (máy cũ).", "Ghi nhận, sẽ sửa.")
    (ws.root / PATH).write_text(edited, encoding="utf-8")
    repaired = invoke(ws, "check", "--repair")
    assert (f"Left {PATH} as it is: it has uncommitted changes. Commit or undo them, then repair again to put back "
            "sequence, link, edited.") in repaired.output, repaired.output
    assert _git(ws, "rev-parse", "HEAD") == head and (ws.root / PATH).read_text(encoding="utf-8") == edited


def test_repair_leaves_a_key_someone_changed_since(circulating: Workspace, invoke: Invoke) -> None:
    ws = circulating
    _answered_by_old_build(ws)
    _commit(ws, ANSWERED + "link: tạm\n", "Link typed by hand")
    mended = _commit(ws, ANSWERED, "Remove the link that is no link, as check asks")
    repaired = invoke(ws, "check", "--repair")
    assert (f"Left link out of {PATH}: Commit {mended[:8]} by Lan (\"Remove the link that is no link, as check "
            "asks\") changed link after the loss, so the repair leaves it to you: put back 'link: 0adf99c2' by hand "
            "if it still belongs there.") in repaired.output, repaired.output
    checked = invoke(ws, "check").output  # and `check` no longer offers the repair for it
    assert "lost link" in checked and "puts back these lines" not in checked and "leaves it to you" in checked
    assert (ws.root / PATH).read_text(encoding="utf-8") == \
        ANSWERED + "sequence: 2\nedited: '2026-12-07T13:40:00+00:00'\n"  # the others put back


def test_repair_leaves_a_file_that_holds_another_comment_now(circulating: Workspace, invoke: Invoke) -> None:
    ws, other = circulating, "d31e"
    _answered_by_old_build(ws)
    head = _commit(ws, ANSWERED.replace("id: d31d", f"id: {other}"), "Another comment in the file")
    repaired = invoke(ws, "check", "--repair")
    assert f"Left {PATH} as it is: it holds comment {other}, not comment d31d that lost sequence, link, edited" \
        in repaired.output, repaired.output
    assert _git(ws, "rev-parse", "HEAD") == head

"""What finding comment keys an older regdraft dropped costs when a history holds many commits that dropped them (r41
sweep CI): one `git log` of the files' history for all the losses, not one for each commit that lost keys (F1: 1,000
such commits were 1,000 walks of the later history, 12 minutes of `check`); after a new commit only the commits since
the HEAD checked last are read; and the files' texts are read by their ids a pair at a time, not with a folder's tree
for each commit (F2: 1.4 GB for 1,000 commits over 2,000 comment files). Counted (git processes, bytes held), never
timed. What is found is what a walk from each loss found: a commit on a branch merged since the loss counts, one
before it does not."""

from __future__ import annotations

import subprocess
import tracemalloc

from regdraft.workspace import dropped_keys
from regdraft.workspace.dropped_keys import FOUND_FILE
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.counting import git_processes
from tests.test_dropped_keys_many import FOLDER
from tests.test_restore_dropped_keys import BEFORE, _git


def _imported(ws: Workspace, commits: list[tuple[str, str, dict[str, str]]]) -> list[str]:
    """`commits` (author, message, files written) on the branch, through `git fast-import`; their ids."""
    branch = _git(ws, "symbolic-ref", "HEAD")
    stream = []
    for at, (author, message, files) in enumerate(commits):
        stream.append(f"commit {branch}\nmark :{at + 1}\ncommitter {author} <x@example.org> {1765000000 + at} +0000\n")
        stream.append(f"data {len(message.encode())}\n{message}\n")
        if at == 0:
            stream.append(f"from {_git(ws, 'rev-parse', 'HEAD')}\n")
        for path, text in files.items():
            stream.append(f"M 100644 inline {path}\ndata {len(text.encode())}\n{text}\n")
    subprocess.run(["git", "fast-import", "--quiet", "--force"], cwd=ws.root, check=True, capture_output=True,
                   input="".join(stream).encode("utf-8"))
    _git(ws, "reset", "-q", "--hard")
    return _git(ws, "log", f"-{len(commits)}", "--reverse", "--format=%H").split()


def _comments(count: int, start: int = 0xe000) -> dict[str, str]:
    """`count` comment files holding `sequence:`, by path."""
    return {f"{FOLDER}/{start + n:x}.yaml": BEFORE.replace("id: d31d", f"id: {start + n:x}") for n in range(count)}


def _each_dropped(ws: Workspace, files: dict[str, str]) -> list[str]:
    """One commit of an older regdraft for each of `files`, dropping its `sequence:`; their ids."""
    return _imported(ws, [("Minh", f"Respond to comment {path[-9:-5]}", {path: text.replace("sequence: 2\n", "")})
                          for path, text in files.items()])


def _walks(started: list[list[str]]) -> list[list[str]]:
    """The `git log -p` of key lines that `check` ran (`Workspace.key_lines`)."""
    return [argv for argv in started if argv[0] == "log" and "-p" in argv]


def test_losses_in_many_commits_cost_two_walks_and_a_new_commit_only_its_own(circulating: Workspace,
                                                                             invoke: Invoke) -> None:
    ws = circulating
    files = _comments(12)
    _imported(ws, [("Lan", "Comments sent", files)])
    commits = _each_dropped(ws, files)
    with git_processes() as started:
        first = invoke(ws, "check")
    warned = [line for line in first.output.splitlines() if " lost sequence in commit " in line]
    assert len(warned) == 12 and all(commit[:8] in first.output for commit in commits), first.output
    # the history examined, and that of the lost files since the oldest loss: two, not one for each commit
    walks = _walks(started)
    assert len(walks) == 2, walks
    assert f"{commits[0]}..{commits[-1]}" in walks[1], walks
    head = _git(ws, "rev-parse", "HEAD")
    later = _imported(ws, [("Lan", "An unrelated change", {"notes/later.md": "Later.\n"})])[0]
    with git_processes() as started:
        checked = invoke(ws, "check")
    assert [line for line in checked.output.splitlines() if " lost sequence in commit " in line] == warned
    # only the commit since the HEAD checked last: examined, and read for the lost files
    assert [argv[argv.index("--end-of-options") + 1] for argv in _walks(started)] == [f"{head}..{later}"] * 2
    assert len([argv for argv in started if argv[0] == "cat-file"]) <= 3, started
    # a commit changing every lost file, its subject long (as the repair's naming 200 files): kept once, not per file
    subject = "Links typed again: " + "x" * 20_000
    _imported(ws, [("Lan", subject, {path: text.replace("0adf99c2", "1bef00d3").replace("sequence: 2\n", "")
                                      for path, text in files.items()})])
    again = invoke(ws, "check").output
    assert len([line for line in again.splitlines() if " lost sequence in commit " in line]) == 12, again
    assert (ws.root / ".git" / FOUND_FILE).stat().st_size < 40_000


def test_the_commits_since_a_loss_are_its_descendants_and_a_branch_merged_since(circulating: Workspace,
                                                                               invoke: Invoke) -> None:
    ws = circulating
    one, other = _comments(2, 0xe100)
    texts = _comments(2, 0xe100)
    _imported(ws, [("Lan", "Comments sent", texts)])
    _each_dropped(ws, {one: texts[one]})  # the oldest loss
    before = _imported(ws, [("Lan", "Link typed again", {other: texts[other].replace("0adf99c2", "1bef00d3")})])[0]
    _git(ws, "branch", "side")
    lost = _each_dropped(ws, {other: texts[other].replace("0adf99c2", "1bef00d3").replace("link: 1bef00d3\n", "")})
    _git(ws, "checkout", "-q", "side")
    side = _imported(ws, [("Hoa", "Order set on a branch", {f"{FOLDER}/e101.yaml": texts[other].replace(
        "0adf99c2", "1bef00d3").replace("sequence: 2", "sequence: 4")})])[0]
    _git(ws, "checkout", "-q", "-")
    # the merge keeps the loss's side and adds a line: git's log of the file shows both sides (one like a side is
    # its only history: the branch is passed over, as `git log` of the file passes it over)
    lan = ("-c", "user.name=Lan", "-c", "user.email=l@example.org")
    _git(ws, *lan, "merge", "-q", "-X", "ours", "--no-commit", "side")
    with (ws.root / other).open("a", encoding="utf-8") as file:
        file.write("# merged\n")
    _git(ws, *lan, "commit", "-qam", "Merge")
    checked = invoke(ws, "check").output
    # the link typed before the loss is no change since it; the order set on the branch merged since is
    assert f"Commit {before[:8]}" not in checked, checked
    assert (f"Commit {side[:8]} by Hoa (\"Order set on a branch\") changed sequence after the loss, so the repair "
            f"leaves it to you") in checked, checked
    assert f"lost sequence, link in commit {lost[0][:8]}" in checked and "puts back these lines, as they were, in " \
        "one commit: link: 1bef00d3." in checked, checked
    assert f"({one}) lost sequence in commit" in checked, checked
    (ws.root / ".git" / FOUND_FILE).unlink()  # and the same found again from nothing kept
    assert invoke(ws, "check").output == checked


def test_what_a_later_check_finds_from_what_it_kept_is_what_it_finds_from_nothing(circulating: Workspace,
                                                                                   invoke: Invoke) -> None:
    ws = circulating
    path, text = next(iter(_comments(1, 0xe200).items()))
    _imported(ws, [("Lan", "Comment sent", {path: text})])
    _each_dropped(ws, {path: text})
    assert "lost sequence" in invoke(ws, "check").output
    # the order written back with no value (the loss was meant), then rewritten without it by a later build: a check
    # between them that kept what it read must not forget the first when it reads only the second
    steps = [text.replace("sequence: 2\n", "sequence: null\n"), text.replace("sequence: 2\n", "")]
    for step, written in enumerate(steps):
        _imported(ws, [("Lan", f"Step {step}", {path: written})])
        kept = invoke(ws, "check").output
        (ws.root / ".git" / FOUND_FILE).unlink()
        assert invoke(ws, "check").output == kept
    assert "lost sequence" not in kept, kept


def test_the_texts_of_many_commits_are_held_a_pair_at_a_time(circulating: Workspace) -> None:
    ws = circulating
    files = _comments(300, 0xe400)  # a folder's tree of about 16 KB, read once per commit before (3 times)
    _imported(ws, [("Lan", "Comments sent", files)])
    dropped = dict(list(files.items())[:40])
    _each_dropped(ws, dropped)
    dropped_keys.examine(Workspace(ws.root))  # imports made
    (ws.root / ".git" / dropped_keys.EXAMINED_FILE).unlink()
    (ws.root / ".git" / dropped_keys.NOTE_FILE).unlink()
    opened = Workspace(ws.root)
    opened.git_options()  # the repository's settings checked first (64 MB at their peak, not this test's matter)
    tracemalloc.start()
    try:
        dropped_keys.examine(opened)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(dropped_keys._kept(ws)) == 40
    # a pair of texts at a time (the 40 files hold 40 KB), HEAD's folder's tree and the history's key lines, read
    # once: 0.3 MB; the folder's tree read for each commit, twice, and held as text too, was 8.5 MB
    assert peak < 1_000_000, peak

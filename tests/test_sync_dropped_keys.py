"""A comment file an older regdraft rewrote without the keys it does not know (r39 sweep CA F1): the regdraft of early
December 2026 answered a comment and dropped its `sequence` and `link`; `sync` spread it without a word, and the member
could no longer edit or withdraw their comment. `sync` now names the file, the keys, the commit and its author, and
`check` warns until the lines are back. Lan's clone is upgraded; Minh's machine rewrites the file as the old one did."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke, two_clones

ADDED = "link: 0adf99c2\nsequence: 2\n"  # as the review server writes them for a member's comment


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, check=True, capture_output=True, text=True).stdout.strip()


def _synced(invoke: Invoke, ws: Workspace) -> str:
    done = invoke(ws, "sync")
    assert done.exit_code == 0, done.output
    return str(done.output)


def _comment(invoke: Invoke, lan: Workspace) -> Path:
    added = invoke(lan, "comment", "add", SHIPPED_AMENDMENT, "--by", "Ban Tổ chức Tỉnh ủy", "--text", "Ý kiến mới.")
    assert added.exit_code == 0, added.output
    path = next((lan.root / "amendments" / SHIPPED_AMENDMENT / "comments").glob("*.yaml"))
    path.write_text(path.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    _git(lan, "commit", "-qam", "Comment sent through the review pages")
    return path.relative_to(lan.root)


def _old_respond(minh: Workspace, relative: Path) -> str:
    """What an older regdraft's `comment respond` wrote: the answer added, the keys it does not know gone."""
    path = minh.root / relative
    kept = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
            if not re.match(r"(link|sequence):", line)]
    path.write_text("".join(kept) + "disposition: noted\nreply: Ghi nhận (máy cũ).\n", encoding="utf-8")
    _git(minh, "commit", "-qam", "Respond to comment")
    return _git(minh, "rev-parse", "HEAD")


def test_sync_and_check_name_the_keys_an_older_regdraft_dropped(circulating: Workspace, tmp_path: Path,
                                                                 invoke: Invoke) -> None:
    lan, minh = two_clones(circulating, tmp_path)
    relative = _comment(invoke, lan)
    _synced(invoke, lan)
    _synced(invoke, minh)
    commit = _old_respond(minh, relative)
    _synced(invoke, minh)
    said = _synced(invoke, lan)
    assert f"({relative.as_posix()}) lost sequence, link in commit {commit[:8]} by Minh" in said, said
    assert "`regdraft check --repair` puts back these lines, as they were, in one commit: sequence: 2; link: " \
           "0adf99c2." in said  # the lines to put back, as they were, and the command that does it
    checked = invoke(lan, "check")
    assert checked.exit_code == 0  # a warning: the comment reads
    assert f"{relative.as_posix()}:1: warning: Comment " in checked.output and "lost sequence, link" in checked.output
    # the answer the old machine added is Lan's too; put back, the lines are no longer named
    path = lan.root / relative
    assert "disposition: noted" in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    _git(lan, "commit", "-qam", "Put back the link and sequence")
    assert "lost" not in invoke(lan, "check").output


def test_a_sync_bringing_in_answers_that_keep_the_keys_says_nothing_of_them(circulating: Workspace, tmp_path: Path,
                                                                            invoke: Invoke) -> None:
    lan, minh = two_clones(circulating, tmp_path)
    relative = _comment(invoke, lan)
    _synced(invoke, lan)
    _synced(invoke, minh)
    comment = relative.stem
    answered = invoke(minh, "comment", "respond", comment, "--disposition", "noted", "--reply", "Ghi nhận.")
    assert answered.exit_code == 0, answered.output
    _synced(invoke, minh)
    said = _synced(invoke, lan)
    assert "lost" not in said and "link: 0adf99c2" in (lan.root / relative).read_text(encoding="utf-8")


def test_a_dropped_line_of_200000_characters_is_named_by_its_start_and_length() -> None:
    # r40 sweep CE F7: a 200,000-character `link:` of an older version was quoted whole by `sync` (200,555 bytes) and
    # by every `check` after it.
    from regdraft.core.commands import words
    from regdraft.workspace.dropped_keys import Dropped

    link = "link: " + "A" * 200_000
    dropped = Dropped("amendments/x/comments/9baa.yaml", "9baa", "f5e589f0" + "0" * 32, "Old", "answer",
                      (link, "sequence: 3"))
    said = words(dropped.sentence())  # its git command written out, as a face writes it
    assert len(said) < 1_000, len(said)
    assert "link: AAAA" in said and "… (200,006 characters; `git show 'f5e589f0^:amendments/x/comments/9baa.yaml'` " \
        "shows it whole); sequence: 3." in said, said

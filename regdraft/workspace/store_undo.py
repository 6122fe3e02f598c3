"""The git store, undoing a write that was interrupted: the way back, beside the repair that finishes it.

A secretary who pressed Ctrl-C in `amend adopt` because the signing date was wrong meant "stop"; the interrupted
adoption could only be finished (`check --repair`, `amend adopt --resume`), and every write refused until it was
(r37 sweep BQ 4). `undo_interrupted`, mixed into `Workspace`, puts the workspace back exactly as it was before the
write instead: `amend adopt SLUG --cancel`. A Ctrl-C now undoes a write stopped before its commit itself (`_stopped`,
from `store_writes.commit`): the journal left to undo is a kill's.

Post-conditions of `undo_interrupted` (None when no write waits; else the write, described, and what was left):
1. The files the journal names, git's index for them, HEAD and the write's tag are as they were before the write
   began: each file as the commit the journal starts from has it (its folder removed again when the write made it
   and left it empty), the commit the write made (when it got that far) taken off the branch, its tag deleted; the
   journal is removed. Nothing else is touched.
2. It refuses, changing nothing, in one sentence saying why and what to do: when a file the journal names was changed
   since the kill (neither as before nor as the write writes it: the drafter's edit, `edited_since`), when HEAD has
   moved past the write's commit or elsewhere, when the write's commit is on a remote branch already (it was sent:
   `git revert` undoes it there), and for a write of new files from a stream (the repair undoes one not committed).
3. The write's tag is deleted only when it points at the commit the write made: a tag of that name pointing
   elsewhere (made or fetched while the write waited) is left as it is, and the second value says so in a sentence,
   naming where it points and the `git tag -d` that deletes it ("" when nothing was left; r38 sweep BS F3: it was
   deleted by its name alone).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath
from typing import NamedTuple

from regdraft.core.commands import Command
from regdraft.core.errors import RegdraftError, StoreError
from regdraft.workspace.journal import changed_while_stopped
from regdraft.workspace.store_interrupted import InterruptedWrites


class Undone(NamedTuple):
    """What `undo_interrupted` did: the write, described; what was left as it was, in words ("" when nothing); and
    the tag left in place with the commit it points at ("" for none), for `--json` (r38 left open: only words)."""

    described: str
    kept: str
    tag_left: tuple[str, str] | None = None


class UndoneWrites(InterruptedWrites):
    """The way back from an interrupted write; mixed into `Workspace`."""

    def undo_interrupted(self) -> Undone | None:
        """Put the workspace back as it was before the interrupted write (see the module); its description."""
        with self.writing("undo", repairing=True):
            journal = self.journal
            if not journal.exists():
                return None
            entry = journal.read()
            head = self._head()
            made = head is not None and head != entry.head and self._is_journal_commit(head, entry)
            finish = Command.of("check", repair=True)
            if entry.new_in is not None or entry.head is None:
                raise StoreError(f"The interrupted write {entry.describe()} cannot be undone this way; "
                                 f"`{finish}` finishes it, or undoes it when nothing of it was committed.")
            if not made and head != entry.head:
                raise StoreError(f"The interrupted write {entry.describe()} cannot be undone: HEAD has moved since "
                                 f"(it was {entry.head[:8]}, it is {(head or 'unborn')[:8]}); nothing was changed.")
            if made and head is not None and self._git("branch", "-r", "--contains", head).strip():
                raise StoreError(f"The interrupted write {entry.describe()} cannot be undone here: its commit "
                                 f"{head[:8]} was sent to the shared remote already; finish it with `{finish}`, "
                                 f"then undo it with `{Command.git('revert', head[:8])}`. Nothing was changed.")
            edited = self.edited_since(entry.changes)
            if edited:
                raise StoreError(changed_while_stopped(
                    edited, f"the write {entry.describe()}", "undoing it would throw those changes away",
                    f"`{Command.git('restore', 'FILE', switches=('source=HEAD', 'staged', 'worktree'))}`",
                    f"undo the write (`{Command.of('amend adopt', 'SLUG', cancel=True)}`)"))
            self.remove_abandoned_lock()
            self.remove_abandoned_ref_locks()
            kept, tagged = self._put_back(entry.head, sorted(entry.changes), entry.tag, head if made else None)
            journal.end()
            return Undone(entry.describe(), kept, (entry.tag, tagged) if kept and entry.tag else None)

    def _put_back(self, before: str, paths: list[str], tag: str | None, made: str | None) -> tuple[str, str]:
        """The files `paths`, their index entries, the branch and `tag` as they were at `before`; `made`: the commit
        the write made, which `tag` is deleted only when it points at. What was kept, in words ("" when nothing:
        post-condition 3), and the commit the kept tag points at ("" for none)."""
        kept = tagged = ""
        if tag and made and self._tag_exists(tag):
            tagged = self._git("rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}", ok=(1,)).strip()
            if tagged == made:
                self._git("tag", "-d", tag)
            else:
                kept = (f"The tag {tag} was left as it is: it points at "
                        f"{f'commit {tagged[:8]}' if tagged else 'no commit'}, not at the interrupted write's commit "
                        f"{made[:8]} (a tag of that name made or fetched elsewhere); if it is not wanted, "
                        f"`{Command.git('tag', tag, switches=('d',))}` deletes it.")
        if made:
            self._git("reset", "-q", "--soft", before)
        there = set(self._git("ls-tree", "-r", "-z", "--name-only", before, "--", *paths).split("\0")) - {""}
        for relative in paths:
            target = self.root / relative
            target.with_name(target.name + ".regdraft-tmp").unlink(missing_ok=True)
        if there:
            with self._pathspec(sorted(there)) as named:
                self._git("checkout", "-q", before, *named)
        gone = [p for p in paths if p not in there]
        if gone:
            with self._pathspec(gone) as named:
                self._git("rm", "-q", "--cached", "--ignore-unmatch", *named)
            for relative in gone:
                (self.root / relative).unlink(missing_ok=True)
                for folder in PurePosixPath(relative).parents:  # the folders the write made, left empty
                    place = self.root / folder
                    if str(folder) == "." or not place.is_dir() or any(place.iterdir()):
                        break
                    place.rmdir()
        return kept, tagged

    def _stopped(self, saved: Mapping[str, bytes | None], head: str | None, index: bytes | None, tag: str | None,
                 new_folders: Sequence[str], message: str) -> None:
        """A write stopped by Ctrl-C: before its commit was made, put back exactly as it was (`_undo_commit`); once
        it was made, the write stands, its tag made when the Ctrl-C came first. Either way the journal goes, and
        `interrupts.left_behind` says which in one sentence. When this fails too, the journal stays for
        `check --repair`, as after a kill (r43 sweep CX F2: a Ctrl-C before the commit left the journal, every
        other write refused until the repair, which committed what the drafter had stopped)."""
        import git

        from regdraft.workspace import interrupts

        self.restart_git()  # the Ctrl-C stopped the git processes GitPython keeps running with the command
        try:
            made = self._head()
            if made is not None and made != head:
                if tag and not self._tag_exists(tag):
                    with self.repo.git.custom_environment(**self.identity_env()):
                        self.repo.git.tag("-a", tag, "-m", message)
                self._made(made, sorted(saved))
            else:
                self._undo_commit(saved, head, index, tag, new_folders)
                interrupts.undone(self)  # type: ignore[arg-type]  # mixed into Workspace
        except (git.GitError, OSError, RegdraftError, ValueError):
            return  # the journal stays: `check --repair` finishes the write
        self.journal.end()

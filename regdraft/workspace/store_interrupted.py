"""An interrupted write: every other write refused while its journal waits, then finished or undone by a repair
(`check --repair`, `amend adopt SLUG --resume`). Runs git through the repository `Workspace` provides.

`InterruptedWrites` extends `regdraft.workspace.store_writes.Transactions` (the lock, the journal and the commit a
repair finishes) and is mixed into `regdraft.workspace.store.Workspace`; the journal's files are
`regdraft.workspace.journal`.

Post-conditions of `InterruptedWrites.resume`:
1. The write the journal records is finished exactly (files, commit and tag), or, for new files written from a
   stream and not committed, undone; then the journal is gone.
2. When HEAD has moved to a commit other than the write's own, or the drafter has changed one of the files it
   writes since (the journal's 4), nothing is changed and a `StoreError` says what to check.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import StoreError
from regdraft.workspace.journal import Entry, changed_while_stopped, stop_point
from regdraft.workspace.store_writes import Transactions


def adopted_slug(entry: Entry) -> str | None:
    """The amendment an interrupted write adopts (`Entry.adopts`); None for other writes."""
    return entry.adopts()


class InterruptedWrites(Transactions):
    """Refusing writes while an interrupted one waits, and finishing it; mixed into `Workspace`."""

    if TYPE_CHECKING:
        def _stage_committed(self, folder: str, paths: Iterable[str]) -> None: ...

        def _undo_new_files(self, folder: str, head: str | None, made_folder: bool = False) -> list[str]: ...

        def remove_abandoned_lock(self) -> bool: ...

        def remove_abandoned_ref_locks(self) -> list[Path]: ...

        def edited_since(self, changes: Mapping[str, bytes | None]) -> list[str]: ...

    def _refuse_interrupted(self) -> None:
        journal = self.journal
        if journal.exists():
            entry = journal.read()
            self.refused_interrupted = True
            slug = adopted_slug(entry)
            resuming = f" (or `{Command.of('amend adopt', slug, resume=True)}`)" if slug else ""
            undoing = f", or undo it with `{Command.of('amend adopt', slug, cancel=True)}`," if slug else ""
            raise StoreError(
                f"An earlier write to this workspace was interrupted: {entry.describe()}; finish it with "
                f"`{Command.of('check', repair=True)}`{resuming}{undoing} before writing again (nothing was changed)."
            )

    def resume(self) -> str | None:
        """Finish an interrupted write (files, commit and tag) and return what it was; None if none."""
        with self.writing("repair", repairing=True):
            journal = self.journal
            if not journal.exists():
                return None
            entry = journal.read()
            head = self._head()
            done = head is not None and head != entry.head and self._is_journal_commit(head, entry)
            if not done and head != entry.head:
                raise StoreError(
                    f"An interrupted write {entry.describe()} cannot be finished: HEAD has moved since "
                    f"(it was {(entry.head or 'unborn')[:8]}, it is {(head or 'unborn')[:8]}). Check the "
                    f"files it names ({', '.join(sorted(entry.changes))}) with `git status`, then delete "
                    f"{journal.path}."
                )
            edited = [] if done or entry.new_in is not None else self.edited_since(entry.changes)
            if edited:  # the journal's 4: finishing would write over them
                raise StoreError(changed_while_stopped(
                    edited, f"the write {entry.describe()}", "finishing it would write over those changes",
                    f"`{Command.git('restore', 'FILE', switches=('source=HEAD', 'staged', 'worktree'))}`; a file "
                    "git does not know: delete it", f"finish the write (`{Command.of('check', repair=True)}`)"))
            # A git killed with the write (`git add`, `git commit`, `git tag`) left its index lock or a ref's: every
            # git that writes would refuse. Removed when no process holds it; the write below then writes it anew.
            self.remove_abandoned_lock()
            self.remove_abandoned_ref_locks()
            if entry.new_in is not None:
                # Files written from a stream are named in the journal: finished if committed, else undone.
                if done:
                    self._stage_committed(entry.new_in, (relative for relative, _ in journal.noted()))
                    journal.end()
                    return entry.describe()
                left = self._undo_new_files(entry.new_in, entry.head)
                journal.end()
                kept = "" if not left else (
                    f"; the other files in {entry.new_in} are not its own and were left as they are: "
                    + ", ".join(left[:5]) + (f" and {len(left) - 5} more" if len(left) > 5 else ""))
                return entry.describe() + f" by undoing it (nothing of it was kept: run it again{kept})"
            try:
                if done:
                    if entry.tag and not self._tag_exists(entry.tag):
                        with self.repo.git.custom_environment(**self.identity_env()):
                            self.repo.git.tag("-a", entry.tag, "-m", entry.message)
                else:
                    paths = sorted(entry.changes)
                    self._made(self._write_and_commit(entry.changes, paths, entry.message, entry.tag,
                                                      entry.author), paths)
                    stop_point("resumed")
            except Exception as exc:
                detail = str(getattr(exc, "stderr", "") or str(exc)).strip()
                locked = self.held_lock_said(detail)
                if locked:  # git's "remove the file manually" does not say whether that is safe
                    raise StoreError(f"The interrupted write {entry.describe()} could not be finished: {locked}; "
                                     "then run the repair again.") from None
                raise StoreError(f"The interrupted write {entry.describe()} could not be finished "
                                 f"({detail}); run the repair again once that is fixed.") from None
            journal.end()
            return entry.describe()

    def interrupted(self) -> Entry | None:
        """The interrupted write waiting for a repair; None when there is none."""
        journal = self.journal
        return journal.read() if journal.exists() else None

    def _is_journal_commit(self, sha: str, entry: Entry) -> bool:
        commit = self.repo.commit(sha)
        parent = commit.parents[0].hexsha if commit.parents else None
        return parent == entry.head and str(commit.message).strip() == entry.message.strip()

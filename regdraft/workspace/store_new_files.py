"""Committing new files written from a stream: more files than memory holds (a 100,000-row comment
import) recorded in one commit with a few git calls, and undone whole when the write fails. Owns git.

`NewFiles` extends `regdraft.workspace.store_writes.Transactions` (the lock and the journal) and is
mixed into `regdraft.workspace.store.Workspace`, which provides the repository.

Post-conditions of `NewFiles.commit_new_files`:
1. Either every file `files` yields is written directly inside the folder and one commit records
   exactly those files, or none of them is left, and HEAD and the index are as they were.
2. Nothing else is committed: the drafter's staged, unstaged and untracked changes stay theirs.
3. A file is named in the journal before it exists, so a repair after a kill finishes the commit
   or removes exactly the files the write made (a file of the same name made by hand stays).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path, PurePosixPath

from regdraft.core.commands import words
from regdraft.core.errors import GitFailed, StoreError
from regdraft.render.files import about, new_file
from regdraft.workspace.journal import digest, stop_point
from regdraft.workspace.store_writes import Transactions, failure, run_hooks
from regdraft.workspace.write_failures import write_failed

NEW_FILES_BATCH = 500  # new files named in the journal (one fsync) before any of them is written


def _batches(items: Iterable[tuple[str, bytes]], size: int) -> Iterator[list[tuple[str, bytes]]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _partial(target: Path) -> Path:
    """Where `_create` writes a file's bytes before it puts the file in place (hidden, beside it)."""
    return target.with_name(f".{target.name}.regdraft-tmp")


def _create(target: Path, data: bytes) -> None:
    """Create the file `target` holding `data`, never over an existing file, never half-written.

    The bytes go to a file beside it, then a hard link gives them their name (refused when the
    name is taken): a kill leaves the file whole or absent, so a repair knows it by its digest.
    Where links are not supported (some shared folders) the file is created and written in place.
    """
    try:
        _link_into_place(target, data)
    except OSError as exc:  # said of the file, not of the partial one beside it
        raise about(exc, target) from None


def _link_into_place(target: Path, data: bytes) -> None:
    partial = new_file(_partial(target), data)
    try:
        stop_point("file-partial")
        try:
            os.link(partial, target)
            return
        except FileExistsError:
            raise
        except OSError:
            pass
        with open(target, "xb") as handle:  # a new file, never an old one
            handle.write(data)
    finally:
        partial.unlink(missing_ok=True)


class NewFiles(Transactions):
    """Transactions that also commit new files as a stream yields them; mixed into `Workspace`."""

    def commit_new_files(self, folder: str, files: Iterable[tuple[str, bytes]], message: str) -> tuple[int, str]:
        """Write new files into `folder` as `files` yields them and record exactly them in one commit.

        For writes too large to hold in memory (a 100,000-row comment import): the files are
        named in the journal a batch at a time, then written, then committed with a few git calls
        whatever their number; nothing else is committed (a file the drafter edits or creates
        meanwhile stays theirs, uncommitted). The folder must hold no uncommitted, untracked or
        ignored file at the start, and every path must be new and directly inside it. On any
        failure, including an error raised by `files`, the files written are removed and HEAD and
        the index put back; a kill leaves a journal that `resume` completes (the commit was made)
        or undoes. Returns the number of files and the commit's sha.
        """
        folder = folder.strip("/")
        message = words(message)
        with self.writing(message):
            branch = self._ready_branch()
            self.write_path(folder)
            dirty = self.dirty([folder]) + self._git("ls-files", "--others", "-z", "--", folder).split("\0")
            if any(dirty):
                raise StoreError(f"Refusing to write into {folder}: it holds uncommitted or untracked files "
                                 f"({', '.join(sorted(set(filter(None, dirty)))[:5])}); commit or remove them first "
                                 "(nothing was changed).")
            head = self._head()
            journal = self.journal
            try:
                journal.begin(head, branch, message, None, {}, None, new_in=folder)
            except OSError as exc:
                journal.end()
                raise StoreError(f"cannot record the write ({exc.strerror or exc}); nothing was changed.") from None
            stop_point("journal-written")
            import git

            written: list[str] = []
            place = self.write_path(folder)
            made_folder = not place.exists()
            try:
                place.mkdir(parents=True, exist_ok=True)
                for batch in _batches(files, NEW_FILES_BATCH):
                    for relative, _ in batch:
                        if PurePosixPath(relative).parent != PurePosixPath(folder):
                            raise StoreError(f"{relative} is not inside {folder}; nothing was changed.")
                    # Named in the journal before they exist: a repair removes these and nothing else.
                    journal.note_new(batch)
                    for relative, data in batch:
                        _create(self.write_path(relative), data)
                        written.append(relative)
                        stop_point("file-written")
                self._commit_only(written, message)
                stop_point("committed")
                self._stage_committed(folder, written)
            except (git.GitCommandError, OSError) as exc:
                self.undo_or_leave(exc, message, lambda: self._undo_new_files(folder, head, made_folder))
                journal.end()
                raise GitFailed(write_failed(exc, self.root), failure(exc)) from None
            except BaseException as exc:
                self.undo_or_leave(exc, message, lambda: self._undo_new_files(folder, head, made_folder))
                journal.end()
                raise
            sha = str(self.repo.head.commit.hexsha)
            self._made(sha, written)
            journal.end()
            stop_point("finished")
            return len(written), sha

    def _commit_only(self, paths: list[str], message: str) -> None:
        """Commit exactly `paths` (new files in the work tree) on HEAD, whatever else is staged or changed.

        Through an index of regdraft's own: a copy of git's reset to HEAD (its stat data spares git
        reading the workspace again), plus these files. The drafter's staged and unstaged changes
        stay as they are. (`git commit -- PATHS` would do the same, but git matches 100,000 paths
        against each other in quadratic time: hours.)
        """
        index, listing = self._regdraft_dir / "index", self._regdraft_dir / "new-files"
        self.settings_still_harmless()  # `update-index --add` runs the filters the settings name
        try:
            index.with_name("index.lock").unlink(missing_ok=True)  # left by a kill; the workspace lock is ours
            if self._index_file().is_file():
                new_file(index, self._index_file().read_bytes())
            new_file(listing, b"\0".join(p.encode("utf-8") for p in paths))
            commit_options = [] if run_hooks(self.config, self.root) else ["--no-verify"]
            with self.repo.git.custom_environment(**self.identity_env(), GIT_INDEX_FILE=str(index)):
                self.repo.git.read_tree("--reset", "HEAD")
                with open(listing, "rb") as names:
                    self.repo.git.update_index("--add", "-z", "--stdin", istream=names)
                self.repo.git.commit("-q", *commit_options, "-m", message)
        finally:
            for leftover in (index, index.with_name("index.lock"), listing):
                leftover.unlink(missing_ok=True)

    def _stage_committed(self, folder: str, paths: Iterable[str]) -> None:
        """Put the committed new files in git's index as HEAD has them (nothing else; again is harmless)."""
        wanted = set(paths)
        entries = [e for e in self._git("ls-tree", "-z", "HEAD", "--", folder + "/").split("\0")
                   if "\t" in e and e.split("\t", 1)[1] in wanted]
        if not entries:
            return
        listing = self._regdraft_dir / "new-files"
        try:
            new_file(listing, b"".join(e.encode("utf-8") + b"\0" for e in entries))
            with open(listing, "rb") as info:
                self.repo.git.update_index("-z", "--index-info", istream=info)
        finally:
            listing.unlink(missing_ok=True)

    def _undo_new_files(self, folder: str, head: str | None, made_folder: bool = False) -> list[str]:
        """Take back a `commit_new_files` that did not finish: HEAD, and the files its journal names.

        A file the journal names is removed (and dropped from the index) only when it still holds
        the bytes the write gave it; any other file in the folder is the drafter's and stays. Returns
        the untracked files left in the folder.
        """
        if head is not None and self._head() != head:
            self.repo.git.reset("-q", "--soft", head)
        ours: list[str] = []
        for relative, wanted in self.journal.noted():
            target = self.root / relative
            if not target.parent.resolve().is_relative_to(self.root.resolve()):
                continue  # through a link to outside the workspace (the journal refuses `..`): never removed there
            _partial(target).unlink(missing_ok=True)
            try:
                if not stat.S_ISREG(target.lstat().st_mode) or digest(target.read_bytes()) != wanted:
                    continue  # not what the write made: a file of the same name made by hand
                target.unlink()
            except FileNotFoundError:
                pass  # named, never created (or removed since): its index entry, if any, goes
            ours.append(relative)
        if ours:
            listing = self._regdraft_dir / "new-files"
            try:
                new_file(listing, b"\0".join(p.encode("utf-8") for p in ours))
                with open(listing, "rb") as names:
                    self.repo.git.update_index("--force-remove", "-z", "--stdin", istream=names)
            finally:
                listing.unlink(missing_ok=True)
        place = self.root / folder
        if made_folder and place.is_dir() and not any(place.iterdir()):
            place.rmdir()
        return [p for p in self._git("ls-files", "--others", "-z", "--", folder).split("\0") if p]

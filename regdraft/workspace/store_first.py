"""The git store, a first sync: a workspace whose branch has no commit yet takes the remote's, as a first clone does.

`git init` (or a folder given a `regdraft.yaml` and a remote by hand) and then `regdraft sync` said only "the branch
main has no commits yet; commit the workspace first (`regdraft init` does)", which `init` refuses in a workspace.
`FirstSync`, mixed into `Workspace`, finds what of yours the remote's files would overwrite (`in_the_way`), and takes
the remote's commit when nothing would (`take_first`). Only git's plumbing: your untracked and staged files are never
touched, only the remote's files missing here are written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from regdraft.core.errors import StoreError
from regdraft.core.text import shown_name
from regdraft.workspace.first_tree import refusal, remove_written, unfit_entry, written_folders

if TYPE_CHECKING:
    import git

SCRATCH_INDEX = "index.regdraft-first"  # the index the remote's files are written from, yours untouched meanwhile


class FirstSync:
    """Taking a remote's branch on a branch with no commit; mixed into `Workspace`, which provides the repository."""

    root: Path

    if TYPE_CHECKING:
        @property
        def repo(self) -> git.Repo: ...

        def _git(self, command: str, *args: str, ok: tuple[int, ...] = (), code: bool = False) -> str: ...

        def git_dir(self) -> Path: ...

        def untracked(self) -> list[str]: ...

        def upstream(self, branch: str) -> str: ...

        def recorded_id(self, relative: str, data: bytes) -> str: ...

    def in_the_way(self, theirs: str) -> list[str]:
        """On a branch with no commit: the files here, never committed (untracked, or staged), that taking the commit
        `theirs` would overwrite with other contents, or where it has a folder (or a file where they have one). A
        file's contents are compared as git would record them (`LineEnds.recorded_id`): the CRLF line ends
        `core.autocrlf=true` puts in a checkout are no other contents."""
        incoming = self._tree(theirs)
        folders = {str(folder) for path in incoming for folder in PurePosixPath(path).parents}
        staged = self._staged()
        found = []
        for path in sorted({*self.untracked(), *staged}):
            if path in folders or {str(f) for f in PurePosixPath(path).parents} & incoming.keys():
                found.append(path)
            elif path in incoming:
                here = self.root / path
                differs = here.is_symlink() or (here.exists() and not here.is_file()) or \
                    (here.is_file() and self.recorded_id(path, here.read_bytes()) != incoming[path])
                if differs or (path in staged and staged[path][1] != incoming[path]):
                    found.append(path)
        return found

    def refuse_unfit(self, theirs: str, branch: str, remote: str) -> None:
        """A StoreError when the commit `theirs` (`remote`'s `branch`) holds what no workspace may (`first_tree`: a
        `.git` path, `..`, two entries under one name), seen from its tree before anything is written."""
        found = unfit_entry(self._git("ls-tree", "-r", "-t", "-z", "--full-tree", theirs))
        if found is not None:
            raise StoreError(refusal(*found, remote, branch, theirs))

    def take_first(self, theirs: str, branch: str, remote: str,
                   noting: Callable[[list[str], list[str], bytes | None], None] | None = None) -> None:
        """On a branch with no commit, nothing in the way (`in_the_way`): take `theirs` as a first clone does. Its
        files missing here are written, the index is its tree with your staged files it lacks, `branch` names it,
        HEAD is on `branch`, which tracks `remote`. A commit no workspace may hold is refused first (`refuse_unfit`).
        On a failure (a Ctrl-C too) the index is as before, and the files and folders written are removed
        (`first_tree.remove_written`); a StoreError names any that could not be. `noting` is given the files it will
        write, the folders that makes, and the index as it was, before it writes anything: killed (a power cut), it
        leaves them for the next command (`sync_first.FirstNote`)."""
        from regdraft.workspace.journal import stop_point

        self.refuse_unfit(theirs, branch, remote)
        incoming, staged = self._tree(theirs), self._staged()
        missing = [path for path in sorted(incoming) if not os.path.lexists(self.root / path)]
        folders = written_folders(self.root, missing)
        index = self.git_dir() / "index"
        saved = index.read_bytes() if index.is_file() else None
        scratch = self.git_dir() / SCRATCH_INDEX
        if noting is not None:
            noting(missing, folders, saved)
        try:
            with self.repo.git.custom_environment(GIT_INDEX_FILE=str(scratch)):  # your index untouched meanwhile
                self._git("read-tree", theirs)
                for start in range(0, len(missing), 500):  # short command lines, whatever the number of files
                    self._git("checkout-index", "--", *missing[start:start + 500])
            stop_point("first-written")
            self._git("read-tree", theirs)
            for path, (mode, sha) in staged.items():
                if path not in incoming:
                    self._git("update-index", "--add", "--cacheinfo", f"{mode},{sha},{path}")
            self._git("update-ref", f"refs/heads/{branch}", theirs, "")
            stop_point("first-taken")
        except BaseException as failed:
            left = remove_written(self.root, missing, folders)
            try:
                if saved is None:
                    index.unlink(missing_ok=True)
                else:
                    index.write_bytes(saved)
            except OSError:
                left.append(".git/index")
            if left and isinstance(failed, StoreError):
                raise StoreError(f"{failed} What it had written of {remote}'s work could not all be "
                                 f"taken away again: {', '.join(shown_name(p) for p in left)}, not there before; "
                                 f"remove them by hand.") from None
            raise
        finally:
            scratch.unlink(missing_ok=True)
        self._git("symbolic-ref", "HEAD", f"refs/heads/{branch}")
        self._git("update-index", "-q", "--refresh", ok=(1,))
        if not self.upstream(branch):
            self._git("config", f"branch.{branch}.remote", remote)
            self._git("config", f"branch.{branch}.merge", f"refs/heads/{branch}")

    def _tree(self, rev: str) -> dict[str, str]:
        """Each file of the commit `rev` with its blob's id."""
        out = self._git("ls-tree", "-r", "-z", "--full-tree", rev)
        return {entry.split("\t", 1)[1]: entry.split("\t", 1)[0].split()[2] for entry in out.split("\0") if entry}

    def _staged(self) -> dict[str, tuple[str, str]]:
        """Each file in the index with its mode and blob's id."""
        out = self._git("ls-files", "-s", "-z")
        found = {}
        for entry in out.split("\0"):
            if entry:
                info, path = entry.split("\t", 1)
                mode, sha, _ = info.split()
                found[path] = (mode, sha)
        return found


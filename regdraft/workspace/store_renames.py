"""A file's history followed back through its renames (`git mv`), mixed into `Workspace` (`Workspace.log_paths`).

Post-conditions:
1. The commits that touched the file now at a path, newest first, each with the path it had in that commit: at each
   path, the commits git lists for it (`git log --no-renames`), back to the newest commit that added the file there
   as a rename (git's `-M`, the commit against its first parent); from there the same for the path it was renamed
   from, and so on. An addition no rename made (the path's first file, or one deleted and added again) is not
   followed: the list goes on with the older commits at the same path, as `git log` lists them.
2. A folder renamed and renamed back (`a` → `b` → `a`) is followed through both renames: the walk followed the rename
   in the oldest commit listed for `a`, the commit that first added it, and stopped before the rename back (a round
   opened while the folder was `b` could not be read, and `check` named it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# A commit as `git log` prints it for `Workspace`: %H, %an, %ad, %aI, %cI, %s (`Workspace.log_paths` makes them
# `Revision`s).
Header = tuple[str, str, str, str, str, str]


class RenamedPaths:
    """The walk back through renames; `Workspace` gives the git queries."""

    if TYPE_CHECKING:
        _renames: dict[str, list[str]]

        def _query(self, command: str, *args: str, unborn: str | None = None) -> str: ...

    def _followed(self, relative: str, start: str, limit: int | None = None) -> list[tuple[Header, str]]:
        """Each commit that touched the file now at `relative`, from `start` back, with the path it had then
        (post-condition 1); at most `limit`."""
        entries: list[tuple[Header, str]] = []
        path = relative
        while limit is None or len(entries) < limit:
            found = self._touching(path, start, None if limit is None else limit - len(entries))
            source, upto = None, len(found)
            for at, (header, status) in enumerate(found):
                if status == "A" and (source := self._renamed_from(header[0], path)) is not None:
                    upto = at + 1  # the newest addition at `path` that a rename made: the file came from `source`
                    break
            entries.extend((header, path) for header, _ in found[:upto])
            if source is None:
                break
            start, path = f"{found[upto - 1][0][0]}^", source
        return entries

    def _touching(self, path: str, start: str, limit: int | None) -> list[tuple[Header, str]]:
        """The commits from `start` back that touched `path` (renames not followed), newest first, each with the
        letter git gives the path's change in it (A, M, D, T; none for a merge)."""
        options = [f"--max-count={limit}"] if limit is not None else []
        out = self._query("log", "--no-renames", "--name-status", "-z", "--date=short", *options,
                          "--format=%x01%H%x00%an%x00%ad%x00%aI%x00%cI%x00%s", start, "--", path, unborn="")
        found: list[tuple[Header, str]] = []
        for record in out.split("\x01")[1:]:
            sha, author, date, when, committed, subject, *changes = record.split("\x00")
            status = changes[0].strip()[:1] if changes else ""  # `\nA`, then the path
            found.append(((sha, author, date, when, committed, subject), status))
        return found

    def _renamed_from(self, sha: str, relative: str) -> str | None:
        """The path `relative` had before the commit `sha` renamed it there; None when it did not."""
        if (fields := self._renames.get(sha)) is None:  # a redline's two version lines ask the same commit
            fields = self._renames[sha] = self._query("diff-tree", "-r", "-M", "--no-commit-id", "--name-status", "-z",
                                                      "--diff-filter=R", sha).split("\0")
        for i in range(0, len(fields) - 2, 3):
            if fields[i].startswith("R") and fields[i + 2] == relative:
                return fields[i + 1]
        return None

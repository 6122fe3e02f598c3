"""A file's history followed back through its renames (`git mv`), mixed into `Workspace` (`Workspace.log_paths`),
and which of the paths it had is a file at a revision (`first_at`).

Post-conditions:
1. The commits that touched the file now at a path, newest first, each with the path it had in that commit: at each
   path, the commits git lists for it (`git log --no-renames`), back to the newest commit that added the file there
   as a rename (git's `-M`, the commit against its first parent); from there the same for the path it was renamed
   from, and so on. An addition no rename made (the path's first file, or one deleted and added again) is not
   followed: the list goes on with the older commits at the same path, as `git log` lists them.
2. A folder renamed and renamed back (`a` → `b` → `a`) is followed through both renames: the walk followed the rename
   in the oldest commit listed for `a`, the commit that first added it, and stopped before the rename back (a round
   opened while the folder was `b` could not be read, and `check` named it).
3. Past the first rename, the rest of the chain is read from one `git log -M` of the history before it (kept for the
   workspace object), not one `git log` and one `git diff-tree` for each move: an amendment moved 1,000 times took
   2,000 git processes for each round `check` read (r27 sweep W, defect 3). A history with a merge is walked path by
   path, as before (`git log -- path` follows one side of a merge).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from regdraft.workspace.git_log import LogFormat

if TYPE_CHECKING:
    import git

# A commit as `git log` prints it for `Workspace`: %H, %an, %ad, %aI, %cI, %s (`Workspace.log_paths` makes them
# `Revision`s).
Header = tuple[str, str, str, str, str, str]


class RenamedPaths:
    """The walk back through renames; `Workspace` gives the git queries."""

    if TYPE_CHECKING:
        _renames: dict[str, list[str]]
        _walks: dict[str, list[tuple[Header, list[tuple[str, str, str]]]] | None]

        def _query(self, command: str, *args: str, unborn: str | None = None, given: bytes | None = None) -> str: ...

        def _commit(self, rev: str) -> git.Commit: ...

        def read(self, relative: str, rev: str | None = None) -> bytes: ...

    def first_at(self, paths: list[str], rev: str) -> str | None:
        """The first of `paths` that is a file at `rev`, each folder listed once: `moved_files` tries a moved file's
        earlier paths, and one read each made `check` read 20,000 of them for 200 rounds (r27 sweep W, defect 3)."""
        listed: dict[str, dict[str, Any]] = {"": {item.name: item for item in self._commit(rev).tree}}

        def listing(folder: str) -> dict[str, Any]:
            if folder not in listed:
                parent, _, name = folder.rpartition("/")
                item = listing(parent).get(name)
                listed[folder] = {sub.name: sub for sub in item} if item is not None and item.type == "tree" else {}
            return listed[folder]

        for path in paths:
            folder, _, name = path.rpartition("/")
            if (item := listing(folder).get(name)) is not None and item.type == "blob":
                return path
        return None

    def _followed(self, relative: str, start: str, limit: int | None = None) -> list[tuple[Header, str]]:
        """Each commit that touched the file now at `relative`, from `start` back, with the path it had then
        (post-condition 1); at most `limit`."""
        entries: list[tuple[Header, str]] = []
        path = relative
        while limit is None or len(entries) < limit:
            found = self._touching(path, start, None if limit is None else limit - len(entries))
            source, upto = None, len(found)
            for at, (header, status, root) in enumerate(found):
                # A commit with no parent renames nothing (git's diff-tree compares it with nothing): not asked.
                if status == "A" and not root and (source := self._renamed_from(header[0], path)) is not None:
                    upto = at + 1  # the newest addition at `path` that a rename made: the file came from `source`
                    break
            entries.extend((header, path) for header, _, _ in found[:upto])
            if source is None:
                break
            renamed = found[upto - 1][0][0]
            if (before := self._back_from(renamed, source)) is not None:
                entries.extend(before)  # the rest of the chain from one walk of the history
                break
            start, path = f"{renamed}^", source
        return entries if limit is None else entries[:limit]

    def _back_from(self, renamed: str, path: str) -> list[tuple[Header, str]] | None:
        """`_followed` for the file that the commit `renamed` renamed from `path`, from its parent back, read from one
        walk of that history (post-condition 3); None when it has a merge."""
        walk = self._walk_before(renamed)
        if walk is None:
            return None
        entries: list[tuple[Header, str]] = []
        for header, changes in walk:
            touched, source = False, None
            for status, old, new in changes:
                if new == path:  # added (perhaps by a rename: the newest one, walking newest first), changed, deleted
                    touched, source = True, (old if status == "R" else source)
                elif old == path:  # renamed away: deleted here, as `--no-renames` sees it
                    touched = True
            if touched:
                entries.append((header, path))
            path = source if source is not None else path
        return entries

    def _walk_before(self, renamed: str) -> list[tuple[Header, list[tuple[str, str, str]]]] | None:
        """Each commit before `renamed`, newest first, with its changes `(letter, old path, new path)` against its
        parent, renames found (the same path twice for any other change); one git log, kept for the workspace object
        (the files its folder's move renamed ask the same); None when a commit has two parents (`git log -- path`
        follows one side of a merge, which one walk in order does not say)."""
        if renamed in self._walks:
            return self._walks[renamed]
        log = LogFormat("%H", "%P", "%an", "%ad", "%aI", "%cI", "%s")
        out = self._query("log", "-M", "--name-status", "-z", "--root", "--date=short", log.argument(),
                          f"{renamed}^", unborn="")
        walk: list[tuple[Header, list[tuple[str, str, str]]]] = []
        records = list(log.records(out))
        for (sha, parents, author, date, when, committed, subject), rest in records:
            fields = rest.split("\x00")[1:]
            if len(parents.split()) > 1:
                break
            changes, at = [], 0
            while at + 1 < len(fields):
                letter = fields[at].strip()[:1]  # the first one after the line git ends the commit's own with
                if letter in ("R", "C") and at + 2 < len(fields):
                    changes.append((letter, fields[at + 1], fields[at + 2]))
                    at += 3
                else:
                    changes.append((letter, fields[at + 1], fields[at + 1]))
                    at += 2
            walk.append(((sha, author, date, when, committed, subject), changes))
        if len(self._walks) >= 4:
            self._walks.clear()
        kept = self._walks[renamed] = walk if len(walk) == len(records) else None  # a merge: not walked in order
        return kept

    def _touching(self, path: str, start: str, limit: int | None) -> list[tuple[Header, str, bool]]:
        """The commits from `start` back that touched `path` (renames not followed), newest first, each with the
        letter git gives the path's change in it (A, M, D, T; none for a merge) and whether it has no parent."""
        options = [f"--max-count={limit}"] if limit is not None else []
        log = LogFormat("%H", "%P", "%an", "%ad", "%aI", "%cI", "%s")
        out = self._query("log", "--no-renames", "--name-status", "-z", "--date=short", *options, log.argument(),
                          start, "--", path, unborn="")
        found: list[tuple[Header, str, bool]] = []
        for (sha, parents, author, date, when, committed, subject), rest in log.records(out):
            changes = rest.split("\x00")[1:]
            status = changes[0].strip()[:1] if changes else ""  # `\nA`, then the path
            found.append(((sha, author, date, when, committed, subject), status, not parents.strip()))
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

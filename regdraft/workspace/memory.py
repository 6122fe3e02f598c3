"""A workspace kept in memory (`MemoryWorkspace`): what the workspace layer's tests use instead of git.

It behaves as `GitStore` does where regdraft relies on it: a commit records exactly the files
given or nothing, refuses over changes not yet recorded and over an existing tag; revisions are
`HEAD`, `HEAD~N`, a tag or a sha prefix; the log lists the versions that changed a file.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from regdraft.core.commands import words
from regdraft.core.errors import StoreError, UnknownName
from regdraft.workspace import run_memo
from regdraft.workspace.store import Workspace, blob_id
from regdraft.workspace.store_files import check_relative
from regdraft.workspace.store_history import IMPORTED, Added, Revision
from regdraft.workspace.store_writes import held, uncommitted


@dataclass(frozen=True, slots=True)
class _Version:
    revision: Revision
    files: Mapping[str, bytes]


@dataclass
class MemoryStore:
    """Working files and recorded versions, all in memory."""

    working: dict[str, bytes] = field(default_factory=dict)
    history: list[_Version] = field(default_factory=list)
    tags: dict[str, int] = field(default_factory=dict)
    author: str = "regdraft"
    today: dt.date = field(default_factory=dt.date.today)

    def read(self, relative: str, rev: str | None = None) -> bytes:
        relative = check_relative(relative)
        files = self.working if rev is None else self.history[self._index(rev)].files
        if relative not in files:
            where = "in the workspace" if rev is None else f"at revision {rev}"
            raise StoreError(f"{relative} does not exist {where}.")
        return files[relative]

    def exists(self, relative: str) -> bool:
        try:
            return check_relative(relative) in self.working
        except StoreError:
            return False

    def files(self, folder: str, pattern: str = "*") -> list[str]:
        prefix = check_relative(folder).rstrip("/") + "/"
        found = []
        for path in self.working:
            below = path[len(prefix):] if path.startswith(prefix) else None
            # `*` does not cross a folder, as with Path.glob.
            if below and below.count("/") == pattern.count("/") and fnmatch.fnmatchcase(below, pattern):
                found.append(path)
        return sorted(found)

    def dirty(self, paths: list[str]) -> list[str]:
        recorded = self.history[-1].files if self.history else {}
        return [p for p in paths if self.working.get(p) != recorded.get(p)]

    def commit(self, changes: Mapping[str, bytes | None], message: str, tag: str | None = None,
               allow_dirty: bool = False, author: str | None = None, *, initial: bool = False) -> str:
        paths = sorted(check_relative(p) for p in changes)
        message = words(message)
        if not allow_dirty and (dirty := self.dirty(paths)):
            raise StoreError(uncommitted(dirty))
        if tag and tag in self.tags:
            raise StoreError(f"The tag '{tag}' already exists; nothing was changed.")
        if not message.strip():
            raise StoreError("The write failed (an empty commit message); the workspace is as it was.")
        last = self.history[-1].files if self.history else None
        if last is not None and all(changes[p] == last.get(check_relative(p)) for p in changes) \
                and not (allow_dirty and self.dirty(paths)):
            raise StoreError(f"Nothing to record: {held(paths)} exactly this already, so no commit was made.")
        for relative, data in changes.items():
            if data is None:
                self.working.pop(check_relative(relative), None)
            else:
                self.working[check_relative(relative)] = data
        recorded = dict(self.history[-1].files) if self.history else {}
        for relative in paths:
            if relative in self.working:
                recorded[relative] = self.working[relative]
            else:
                recorded.pop(relative, None)
        digest = hashlib.sha1(f"{len(self.history)}\0{message}".encode() + repr(sorted(recorded.items())).encode())
        by = author.split(" <")[0] if author else self.author
        revision = Revision(digest.hexdigest(), by, self.today.isoformat(), message.splitlines()[0])
        self.history.append(_Version(revision, recorded))
        if tag:
            self.tags[tag] = len(self.history) - 1
        return revision.sha

    def log(self, relative: str, rev: str | None = None, limit: int | None = None) -> list[Revision]:
        last = self._index(rev) if rev is not None else len(self.history) - 1
        found = []
        for index in range(last, -1, -1):
            before = self.history[index - 1].files.get(relative) if index else None
            if self.history[index].files.get(relative) != before:
                found.append(self.history[index].revision)
        return found[:limit] if limit is not None else found

    def resolve(self, rev: str) -> Revision:
        return self.history[self._index(rev)].revision

    def _index(self, rev: str) -> int:
        base, _, back = rev.partition("~")
        if base == "HEAD":
            index = len(self.history) - 1
        elif base in self.tags:
            index = self.tags[base]
        else:
            matches = [i for i, v in enumerate(self.history) if base and v.revision.sha.startswith(base)]
            index = matches[0] if len(matches) == 1 else -1
        if back:
            index = index - int(back) if re.fullmatch("[0-9]{1,9}", back) else -1  # `HEAD~²`: not a number
        if index < 0 or index >= len(self.history):
            raise UnknownName(f"There is no revision '{rev}' in the workspace.")
        return index


class MemoryWorkspace(Workspace):
    """A workspace whose files and history are a `MemoryStore`: no folder, no git, no lock file."""

    def __init__(self, root: Path, store: MemoryStore) -> None:
        super().__init__(root)
        self.store = store

    def read(self, relative: str, rev: str | None = None) -> bytes:
        return self.store.read(relative, rev)

    def exists(self, relative: str) -> bool:
        return self.store.exists(relative)

    def files(self, folder: str, pattern: str = "*") -> list[str]:
        return self.store.files(folder, pattern)

    def listed(self, folder: str, suffix: str) -> None:
        return None  # no file status in memory: read each file

    def dirty(self, paths: list[str]) -> list[str]:
        return self.store.dirty(paths)

    def deleted(self, folder: str) -> list[str]:
        recorded = self.store.history[-1].files if self.store.history else {}
        prefix = folder.rstrip("/") + "/"
        return sorted(p for p in recorded if p.startswith(prefix) and p not in self.store.working)

    def unrecorded(self, folder: str) -> dict[str, bool]:
        recorded = self.store.history[-1].files if self.store.history else {}
        prefix = folder.rstrip("/") + "/"
        return {p: False for p in sorted(self.store.working) if p.startswith(prefix) and p not in recorded}

    def recorded_id(self, relative: str, data: bytes) -> str:
        return blob_id(data)  # kept as they are, as a repository without line-end settings keeps them

    def commit(self, changes: Mapping[str, bytes | None], message: str, tag: str | None = None,
               allow_dirty: bool = False, author: str | None = None, *, initial: bool = False) -> str:
        run_memo.forget(self)
        return self.store.commit(changes, message, tag, allow_dirty, author)

    def log(self, relative: str, rev: str | None = None, limit: int | None = None) -> list[Revision]:
        return self.store.log(relative, rev, limit)

    def size(self, relative: str, rev: str) -> int:
        return len(self.store.read(relative, rev))

    def added(self, relative: str) -> Revision | None:
        entries = self.store.log(relative)  # no renames in memory: the oldest version holding it added it
        return entries[-1] if entries else None

    def since_added(self, relative: str) -> Added | None:
        entries = self.store.log(relative)  # as `added`: the oldest version holding it added it, or an import
        for index, entry in enumerate(entries):
            if entry.subject.startswith(IMPORTED) or index == len(entries) - 1:
                return Added(entry, blob_id(self.store.read(relative, entry.sha)), tuple(reversed(entries[:index])))
        return None

    def resolve(self, rev: str) -> Revision:
        return self.store.resolve(rev)

    @contextmanager
    def writing(self, what: str, *, repairing: bool = False, wait: float | None = None) -> Iterator[None]:
        run_memo.forget(self)  # what a run kept is read anew after a write
        yield  # one process, one thread: nothing to lock

    def interrupted(self) -> None:
        return None  # a write in memory cannot be cut half way

    @property
    def repo(self) -> NoReturn:
        raise StoreError(f"{self.root} is kept in memory, not in git.")


def memory_workspace(files: Mapping[str, bytes], message: str = "Set up regdraft workspace",
                     root: Path = Path("/nonexistent/memory-workspace")) -> MemoryWorkspace:
    """A workspace in memory holding `files`, recorded as one first version."""
    store = MemoryStore()
    store.commit(dict(files), message)
    return MemoryWorkspace(root, store)

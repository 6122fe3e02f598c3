"""One writer at a time, and no half-done write: the workspace lock and the write journal.

Both live in the repository's git folder (`.git/regdraft/`), never in the work tree, so they
are not versioned and a clone never carries them.

- `WorkspaceLock`: an advisory `flock` on `.git/regdraft/lock`, taken around every write
  (re-entrant within one process). A second writer waits up to `lock_timeout()` seconds, then
  gets a `StoreError` that says who is writing. The kernel drops the lock when a process dies,
  so a killed command never leaves the workspace locked.
- `Journal`: before a write touches a file it records, in one atomically written file, the
  commit it starts from, the files it will write (their new contents), the commit message and
  the tag. The journal is removed once the commit and the tag exist. A journal left behind
  means a write was interrupted (killed, power cut); `Journal.resume` finishes it exactly as
  it was meant, tag included. A write of new files too many to hold (a 100,000-row comment
  import) records instead, in `.git/regdraft/journal-new-files`, each file's name and digest,
  fsynced before the file is created: undoing it removes those files and nothing else.

Post-conditions:
1. While a journal exists, the work tree holds either HEAD's files or some of the journal's
   new files: never anything else regdraft wrote.
2. Every file a write of new files created is named in its journal before it exists; a file
   there whose bytes differ from the digest recorded is not the write's.
3. `resume` ends with the journal's commit and tag in place and the journal removed, or raises
   `StoreError` and changes nothing.
4. `resume` writes over no one's edit: it finishes a write only while each file its journal names is, in the work
   tree and in git's index, as HEAD has it or as the journal writes it (absent where either has no file). A file
   the drafter changed since the kill (a comment corrected, a hand fix to the regulation) makes it refuse, naming
   the file, in the words `sync --continue` uses for edits made while a sync was stopped (`changed_while_stopped`).
5. `read` and `noted` refuse a journal naming a path outside the workspace or in git's own folder (`.git` in any
   spelling a file system takes for it: `store_files.git_folder_part`), whole, before anything is read or written.
"""

from __future__ import annotations

import base64
import errno
import fcntl
import hashlib
import json
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from regdraft.core.errors import StoreError
from regdraft.render.files import new_file

LOCK_TIMEOUT = 60.0
_POLL = 0.05


def lock_timeout() -> float:
    """Seconds a writer waits for another one (REGDRAFT_LOCK_TIMEOUT overrides the default)."""
    raw = os.environ.get("REGDRAFT_LOCK_TIMEOUT", "")
    try:
        return max(0.0, float(raw)) if raw else LOCK_TIMEOUT
    except ValueError:
        return LOCK_TIMEOUT


def stop_point(name: str) -> None:
    """A named point in a write where the test suite may kill the process (REGDRAFT_TEST_STOP_AT).

    It stands for a kill -9 or a power cut: the process ends at once, without cleanup. REGDRAFT_TEST_INTERRUPT_AT
    sends the process a SIGINT there instead (Ctrl-C), or the signal REGDRAFT_TEST_INTERRUPT_SIGNAL names (`SIGTERM`).
    """
    if os.environ.get("REGDRAFT_TEST_STOP_AT") == name:
        os._exit(137)
    if os.environ.get("REGDRAFT_TEST_INTERRUPT_AT") == name:  # Ctrl-C there instead: a real SIGINT
        import signal

        os.kill(os.getpid(), getattr(signal, os.environ.get("REGDRAFT_TEST_INTERRUPT_SIGNAL") or "SIGINT"))


class WorkspaceLock:
    """The advisory lock every write of one workspace takes (re-entrant within a process)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "lock"
        self._fd: int | None = None
        self._depth = 0

    @contextmanager
    def held(self, what: str, wait: float | None = None) -> Iterator[None]:
        """Hold the lock for `what` (a few words shown to a writer who has to wait), waiting for another writer up
        to `wait` seconds (`lock_timeout()` unless given); `WriterBusy` when it did not finish by then."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._acquire(what, lock_timeout() if wait is None else wait)
        self._depth = 1
        try:
            yield
        finally:
            self._depth = 0
            self._release()

    def _acquire(self, what: str, wait: float) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise StoreError(f"This workspace cannot be written to by you ({self.path}: {exc.strerror}); "
                                 "it is read-only here, so commands that change it cannot run "
                                 "(nothing was changed).") from None
            raise StoreError(f"cannot open the workspace lock {self.path}: {exc.strerror or exc}; "
                             "nothing was changed.") from None
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise StoreError(f"cannot lock the workspace ({exc.strerror}); nothing was changed.") from None
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise WriterBusy(
                        f"Another regdraft command is writing to this workspace ({holder}) and did not finish "
                        f"within {wait:g} seconds; try again when it is done (nothing was changed).", holder
                    ) from None
                time.sleep(_POLL)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()}: {what}\n".encode(), 0)
        except OSError:
            pass  # the holder's description is a courtesy; a full disk must not stop the write here
        self._fd = fd

    def _release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


    @property
    def mine(self) -> bool:
        """Whether this process holds the lock through this object."""
        return self._depth > 0

    def free(self, wait: float) -> bool:
        """Whether no other writer holds the lock, waiting up to `wait` seconds for one to finish (taken and let go
        at once); True too when the lock cannot be opened (a workspace read-only here has no writer of its own)."""
        try:
            with self.held("reading", wait):
                return True
        except WriterBusy:
            return False
        except StoreError:
            return True


class WriterBusy(StoreError):
    """Another process (or another request of the review server) held the workspace lock past the wait."""

    def __init__(self, message: str, holder: str) -> None:
        super().__init__(message)
        self.holder = holder  # `pid 123: sync`, as the holder wrote it


def _read_holder(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
    except OSError:
        return "another process"


@dataclass(frozen=True, slots=True)
class Entry:
    """An interrupted write, as its journal recorded it."""

    head: str | None
    branch: str
    message: str
    tag: str | None
    changes: dict[str, bytes | None]
    author: str | None = None
    new_in: str | None = None  # a write of new files into this folder, streamed (named in `Journal.noted`)

    def describe(self) -> str:
        """The write in a drafter's words: its commit message's first line and its tag (an adoption's message
        lists every instruction: quoted whole, it buried the advice under 25 lines)."""
        tag = f" (tag {self.tag})" if self.tag else ""
        subject = self.message.strip().splitlines()[0] if self.message.strip() else ""
        return f"'{subject}'{tag}"

    def adopts(self) -> str | None:
        """The amendment this write adopts (`amend adopt SLUG --resume` finishes it, `--cancel` undoes it); None for
        other writes. Only an adoption tags its commit; its changes include the amendment's own file."""
        from regdraft.core.layout import SLUG, amendment_path

        if self.tag is None:
            return None
        for path in self.changes:
            slug = PurePosixPath(path).parent.name
            if SLUG.fullmatch(slug) and path == amendment_path(slug):
                return slug
        return None


class Journal:
    """The record of the write in progress, at `.git/regdraft/journal.json`."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "journal.json"
        self.new_files = folder / "journal-new-files"

    def exists(self) -> bool:
        """True when a write was started and has not finished."""
        return self.path.is_file()

    def begin(self, head: str | None, branch: str, message: str, tag: str | None,
              changes: Mapping[str, bytes | None], author: str | None = None, *, new_in: str | None = None) -> None:
        """Record the write about to happen; durable before any work-tree file is touched.

        `new_in` names the folder of a write of new files too many to record whole: their names
        follow (`note_new`), and such a write is undone, not finished, when its commit was not made.
        """
        self.new_files.unlink(missing_ok=True)  # left by a write that ended between its two files
        data = {
            "head": head, "branch": branch, "message": message, "tag": tag, "author": author, "new_in": new_in,
            "changes": {p: None if b is None else base64.b64encode(b).decode("ascii") for p, b in changes.items()},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            new_file(tmp, json.dumps(data).encode("utf-8"), durable=True)
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def read(self) -> Entry:
        """The interrupted write; `StoreError` when the journal cannot be read."""
        try:
            data: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
            changes = {str(p): None if b is None else base64.b64decode(b) for p, b in data["changes"].items()}
            new_in = data.get("new_in")
            # A received workspace's journal naming ../victim.txt, or .git/config (a filter the repair's `git add`
            # ran, r28 sweep AD): never read, written or advised on.
            refused = next((why for p in (*changes, *([] if new_in is None else [str(new_in)]))
                            if (why := _refused(p))), None)
            if refused:
                raise ValueError(refused)
            if new_in is not None:  # the new files it names, each inside the folder it wrote them to (r27 sweep W)
                for p, _ in self._lines():
                    why = _refused(p) or (None if _below(p, str(new_in)) else
                                          f"it names {p!r}, outside the folder {str(new_in)!r} it wrote to")
                    if why:
                        raise ValueError(why)
            return Entry(data["head"], str(data["branch"]), str(data["message"]), data["tag"], changes,
                         data.get("author"), new_in)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{self.path}: the record of an interrupted write cannot be read ({exc}); "
                             "check the workspace with `git status`, then delete that file.") from None

    def note_new(self, files: Sequence[tuple[str, bytes]]) -> None:
        """Record new files about to be created (name and digest), durably, before any of them is.

        One line each, appended to one file, fsynced once per call: a crash can only tear the last
        line, which names a file not created yet.
        """
        lines = b"".join(json.dumps([relative, digest(data)]).encode("utf-8") + b"\n" for relative, data in files)
        with open(self.new_files, "ab") as handle:
            handle.write(lines)
            handle.flush()
            os.fsync(handle.fileno())

    def noted(self) -> Iterator[tuple[str, str]]:
        """The new files the write recorded before creating them: (path, digest of the bytes it wrote). A path
        outside the workspace (a received journal's `../.bashrc`) is refused (`StoreError`) before any is given:
        a repair removes the files named here (r27 sweep W, defect 1)."""
        lines = list(self._lines())
        refused = next((why for p, _ in lines if (why := _refused(p))), None)
        if refused is not None:
            raise StoreError(f"{self.new_files}: the record of an interrupted write cannot be read ({refused}); "
                             f"check the workspace with `git status`, then delete that file and {self.path}.")
        yield from lines

    def _lines(self) -> Iterator[tuple[str, str]]:
        try:
            handle = open(self.new_files, "rb")
        except FileNotFoundError:
            return
        with handle:
            for line in handle:
                try:
                    relative, wanted = json.loads(line)
                except ValueError:
                    continue  # torn by a crash: the file it names was never created
                yield str(relative), str(wanted)

    def end(self) -> None:
        """The write is complete (or undone): forget it."""
        self.path.unlink(missing_ok=True)
        self.new_files.unlink(missing_ok=True)


def _refused(relative: str) -> str | None:
    """Why a journal may not name `relative` (a clause: `it names '../x', outside the workspace`), else None: a path
    absolute, with `..`, a drive or a backslash (`store_files`'s rule), or in git's own folder in any spelling a file
    system takes for `.git` (`.GIT`, `.git.`, `git~1`: `store_files.git_folder_part`), where a file can make git run
    a program."""
    from regdraft.workspace.store_files import check_relative, git_folder_part

    try:
        check_relative(relative)
    except StoreError:
        return f"it names {relative!r}, outside the workspace"
    part = git_folder_part(relative)
    if part is not None:
        return (f"it names {relative!r}, inside git's own folder ({part!r}), where a write of regdraft's never goes "
                "and a file can make git run a program")
    return None


def _below(relative: str, folder: str) -> bool:
    """True when `relative` lies inside `folder` (both workspace-relative)."""
    parts, inside = PurePosixPath(relative).parts, PurePosixPath(folder.rstrip("/")).parts
    return len(parts) > len(inside) and parts[:len(inside)] == inside


def changed_while_stopped(edited: Sequence[str], stopped: str, why: str, undo: str, then: str) -> str:
    """The refusal to finish or undo a stopped operation (`stopped`: "the sync", "the write '…'") over the files the
    drafter changed meanwhile, in one sentence: why finishing would lose them (`why`), then the way on: copy them
    aside, undo them (`undo`, the command), `then` (finish or undo it), make them again and commit them."""
    return (f"You changed {', '.join(edited)} while {stopped} was stopped; {why}, so nothing was changed. Copy the "
            f"files aside and undo your changes ({undo}), {then}, then make the changes again and commit them.")


def digest(data: bytes) -> str:
    """What `Journal.noted` records of a file's bytes, to tell the write's file from one made by hand."""
    return hashlib.sha256(data).hexdigest()

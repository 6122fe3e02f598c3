"""The state of one review server: its workspace, whether access links are required, its secret, its caches and
the gates its heavy pages are built through (`web.builds`).

Post-conditions:
1. `Server.state()` changes whenever anything a page reads may have changed: a commit (HEAD), a file of the working
   tree edited, added or removed (by hand, by a command, by git), the date; a file the pages read (`READ`) that git
   does not watch too: ignored, or marked assume-unchanged or skip-worktree (r30 sweep AO, D3). Where it cannot be
   told for sure it is None, and nothing is shared or kept (`Context.built`). It is a digest of 32 bytes, whatever
   the number of files it covers (r30 sweep AO, D1: each page kept held a tuple per uncommitted file as its key).
2. `Server.cached` and the gates are asked with revisions as full commit ids (`commits`), never as the names typed in
   an address: a branch or tag moved between two requests names another draft (r30 sweep AO, D2).
3. `Server.cached` hands out what was built from HEAD's commit and adoption tags only while regulations and
   amendments have no uncommitted edits. It keeps at most `CACHED` values and `CACHED_BYTES` of them, counted as the
   memory they hold (`web.sizes`: never pickled), the least recently used dropped first (the oldest was, however
   often it was read).
4. The adoption tags (`refs/tags/adopted/…`) are part of the state (`Server.state`) and of what `Server.cached` keeps
   a value for: the pages read them (an adopted amendment's redline compares from its tag's commit), and a sync
   from the shared remote, or `git tag`, moves or deletes one without a commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from starlette.requests import Request

from regdraft.core.errors import RegdraftError
from regdraft.core.layout import AMENDMENTS, CONFIG, PROFILES, REGULATIONS, TEMPLATES
from regdraft.web import pace, pages, sizes
from regdraft.web.builds import Gate, cores
from regdraft.web.guard import ACCESS_COOKIE, LOCAL, Visitor
from regdraft.web.kept import BUSY_WAIT, Busy
from regdraft.web.words import Words
from regdraft.workspace.access import lookup
from regdraft.workspace.resolve import ensure_settled
from regdraft.workspace.store import Workspace

T = TypeVar("T")

CACHED = 32  # redlines kept by `Server.cached`
# And the memory they hold (`web.sizes`): the comparison of 1,000 articles holds 11-15 MB (counted as 20), one of 5,000
# articles 74 MB. It was 32 MB counted as pickled, which held three times that in memory or more.
CACHED_BYTES = 96 * 1024 * 1024
READ = (CONFIG, REGULATIONS, AMENDMENTS, TEMPLATES, PROFILES)  # what the pages read of the working tree


# The query parameters the pages read (`Context.query`), and so the only ones a kept page is kept under: any other
# (`?x17=...`) is ignored, not a new page kept (r30 sweep AO, D1). A page reading a new one names it here.
QUERY_NAMES = ("round", "from", "to", "regulation", "added", "again", "same", "done", "accepted", "as_is", "withdrawn",
               "words")
LONG_QUERY = 256  # a parameter's value longer than any the pages take (a comment id, a revision): its page is not kept


def kept_query(query: Callable[[str], str | None]) -> tuple[str | None, ...] | None:
    """The parameters the pages read, as `query` reads them (in `QUERY_NAMES`' order, None when absent): what a page
    is shared and kept under besides its path. None (not kept) when one is longer than any a page takes."""
    values = tuple(query(name) for name in QUERY_NAMES)
    return None if any(len(v) > LONG_QUERY for v in values if v is not None) else values


def commits(ws: Workspace, revisions: tuple[str | None, ...], ui: Words) -> tuple[str | None, ...]:
    """Each revision named in an address (`pages.revision`) as its full commit id; a name that names no commit as it
    is (its page says so); None (the working tree) as None. The page is built, checked for circulation and kept for
    the ids, so it shows the commit it was checked for, whatever a branch or tag names next."""
    found: list[str | None] = []
    for rev in revisions:
        try:
            found.append(ws.resolve(pages.revision(rev, ui)).sha if rev is not None else None)
        except (RegdraftError, ValueError):
            found.append(rev)
    return tuple(found)


def unwatched(ws: Workspace, paths: tuple[str, ...], vouched: Callable[[], set[str]]) -> set[str]:
    """The files at or under `paths` (relative, `/`-separated) whose edits git's status does not report: ignored,
    or marked assume-unchanged or skip-worktree in the index (not in `vouched()`: `Workspace.vouched`). Symbolic
    links not followed, a folder of `paths` that is one included (a received `templates` linked to `/` would have
    had every page's state walk the whole disk)."""
    found: set[str] = set()
    for path in paths:
        top = ws.root / path
        if top.is_symlink() or top.is_file():  # a link itself (to `/`, say) is one entry: never walked through
            found.add(path)
            continue
        for folder, _, names in os.walk(top):
            base = Path(folder).relative_to(ws.root).as_posix()
            found.update(f"{base}/{name}" for name in names)
    return found - vouched() if found else found


def adoption_tags(ws: Workspace) -> bytes:
    """The adoption tags (`refs/tags/adopted/…`) and what each names, as a digest: a tag a sync or `git tag` moved or
    deleted changes it, with no commit (post-condition 4)."""
    try:
        tags = ws.tags()
    except RegdraftError:  # no tags to read: none named
        return b""
    listed = "\0".join(f"{name}\0{tag.ref}\0{tag.commit}" for name, tag in sorted(tags.items()))
    return hashlib.sha256(listed.encode()).digest()


class Server:
    """The state of one review server: its workspace, whether links are required, its secret and lock."""

    def __init__(self, root: Path, *, links: bool, secret: bytes | None = None) -> None:
        self.root = root.resolve()
        self.links = links
        self.secret = secret or secrets.token_bytes(32)
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[tuple[object, ...], tuple[Any, int]] = OrderedDict()  # key -> (value, its bytes)
        self.cached_bytes = 0  # the bytes counted of what `cached` keeps (tests look at it)
        self._vouched: tuple[object, set[str]] | None = None  # the index's status, and `Workspace.vouched(READ)`
        self.pace = pace.Pace()  # how fast each reviewer's link sends comment forms
        self.pages = Gate(cores())  # the heavy pages and downloads, built a few at a time (`builds`)
        self.pdfs = Gate(1)  # a round's PDF report: 41 s of CPU at 2,600 comments, one at a time
        # What the forms of a shared page carry for the CSRF token, replaced by each browser's own (`Context.page`):
        # of the same length and letters as a token, so the page is byte for byte the one rendered with it.
        self.placeholder = secrets.token_hex(32)

    def workspace(self) -> Workspace:
        """A fresh view of the workspace for one request (settings and access links re-read).

        Refuses (`UnresolvedConflict`, shown as a page) while a sync or merge has stopped on a
        conflict: the files would show both versions mixed.
        """
        ws = Workspace(self.root)
        # A rebase or merge git is running for a sync (which holds the workspace lock throughout) is no conflict:
        # its end is waited for, a little. Read meanwhile, git's status took the index lock under the rebase.
        if ws.operation() and not ws.writer_done(BUSY_WAIT):
            raise Busy(self.words()("busy_reading"))
        ensure_settled(ws)
        return ws

    def write(self, action: Callable[[Workspace], T]) -> T:
        """Run one write with the workspace to itself: one at a time, whoever else writes.

        The store's workspace lock (the lock file every regdraft process takes, a sync's from its fetch to its
        push) is held around the whole action and the check for a stopped sync, so what it read cannot change
        before it commits; each request has its own `Workspace`, so the threads of this server wait for each other
        on it too. Another writer is waited for `BUSY_WAIT` seconds, then `Busy`: the form is shown again to send.
        """
        from regdraft.workspace.journal import WriterBusy
        from regdraft.workspace.store import write_lock

        ws = Workspace(self.root)
        try:
            with write_lock(ws, BUSY_WAIT):
                ensure_settled(ws)
                return action(ws)
        except WriterBusy:
            raise Busy(self.words()("busy_writing")) from None

    def cached(self, ws: Workspace, key: tuple[object, ...], build: Callable[[], T],
               size: Callable[[T], int] = sizes.held) -> T:
        """`build()`, remembered for the committed state it was built from, counted as `size(value)` bytes (exact by
        default, `web.sizes.held`: a big value gives a cheaper count, as the redline page does).

        Pages are built from committed files unless the working tree has edits: the key holds
        HEAD's commit and the adoption tags, and nothing is remembered while regulations or amendments are edited, nor
        while one of their files or the settings is one git does not watch (`unwatched`).
        """
        if ws.dirty(["regulations", "amendments"]) or self.unwatched(ws, (CONFIG, REGULATIONS, AMENDMENTS)):
            return build()
        state = (ws.resolve("HEAD").sha, adoption_tags(ws), *key)
        with self._cache_lock:
            if state in self._cache:
                self._cache.move_to_end(state)  # read now: the last to go
                found: T = self._cache[state][0]
                return found
        value = build()
        counted = size(value)
        if counted > CACHED_BYTES:
            return value
        with self._cache_lock:
            if state in self._cache:
                self.cached_bytes -= self._cache.pop(state)[1]
            self._cache[state] = (value, counted)
            self.cached_bytes += counted
            while len(self._cache) > CACHED or self.cached_bytes > CACHED_BYTES:
                self.cached_bytes -= self._cache.popitem(last=False)[1][1]  # the least recently used
        return value

    def state(self) -> bytes | None:
        """What every page depends on besides its address and visitor, as a digest: HEAD's commit, the adoption tags
        (`adoption_tags`), each uncommitted file (the working tree's, where comments, settings and templates are read)
        and each file of `READ` git does not watch (ignored, or marked in the index) with its status, and today's
        date.
        None when that cannot be told for sure: a file changed within `comment_cache.RACY_NS` (a second change could
        keep its status), or no commit yet; the page is then built for its request alone."""
        from regdraft.workspace.comment_cache import RACY_NS, now

        ws = self.workspace()
        try:
            head = ws.resolve("HEAD").sha
        except (RegdraftError, ValueError):
            return None
        taken = now()
        digest = hashlib.sha256(f"{head}\0{dt.date.today().isoformat()}\0".encode() + adoption_tags(ws) + b"\0")
        dirty = ws.dirty(["."])
        # What the pages read that git's status would not report an edit of: ignored, or marked in the index.
        for path in sorted(dirty) + sorted(self.unwatched(ws, READ) - set(dirty)):
            try:
                info = (ws.root / path).lstat()
            except OSError:  # deleted
                digest.update(repr((path, None)).encode() + b"\0")
                continue
            if taken - max(info.st_mtime_ns, info.st_ctime_ns) < RACY_NS:
                return None
            status = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            digest.update(repr((path, status)).encode() + b"\0")
        return digest.digest()

    def unwatched(self, ws: Workspace, paths: tuple[str, ...]) -> set[str]:
        """The files of `paths` git does not watch (`unwatched`), the index read again only when it changed (git
        writes it anew, so a new inode, for every change of what it tracks or marks)."""
        def vouched() -> set[str]:
            try:
                info = (ws.git_dir() / "index").stat()
                mark: object = (ws.root, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            except OSError:
                mark = None
            with self._cache_lock:
                if mark is not None and self._vouched is not None and self._vouched[0] == mark:
                    return self._vouched[1]
            found = ws.vouched(list(READ))
            with self._cache_lock:
                self._vouched = (mark, found)
            return found

        return unwatched(ws, paths, vouched)

    def same_state(self, state: bytes) -> bool:
        """True when the workspace is still in `state` (a page built meanwhile is kept for it only then)."""
        try:
            return self.state() == state
        except RegdraftError:
            return False

    def words(self, slug: str | None = None) -> Words:
        """The words of a page about the amendment `slug` (or about the whole workspace)."""
        return Words.of(pages.language(Workspace(self.root), slug))

    def visitor(self, request: Request) -> Visitor | None:
        """The local drafter, or the person of the access link in the request's cookie."""
        if not self.links:
            return LOCAL
        link = lookup(Workspace(self.root), request.cookies.get(ACCESS_COOKIE, ""))
        return Visitor(link.name, link.body, link.role, link.key) if link else None

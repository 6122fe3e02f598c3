"""The state of one review server: its workspace, whether access links are required, its secret, its caches and
the gates its heavy pages are built through (`web.builds`).

Post-conditions:
1. `Server.state()` changes whenever anything a page reads may have changed: a commit (HEAD), a file of the working
   tree edited, added or removed (by hand, by a command, by git), the date; a file the pages read (`READ`) that git
   does not watch too: ignored, or marked assume-unchanged or skip-worktree (r30 sweep AO, D3). Where it cannot be
   told for sure it is None, and nothing is shared or kept (`Context.built`). It is a digest of 32 bytes, whatever
   the number of files it covers (r30 sweep AO, D1: each page kept held a tuple per uncommitted file as its key).
   Its cost is bounded and follows what changed (r31 sweep AS, D5: every request walked every folder of `READ`, two
   or three times): the folders of `READ` are listed only when their status changed (`web.folders`), each file git
   does not report is stat'ed, and past `folders.LISTED` entries or `STATED` files it is None, said once in the log.
   A page's request looks once (`Server.look`); its build's `cached` takes that look (`within`); the look for
   conflict markers (`ensure_settled`) is made once for each state of the files it reads.
2. `Server.cached` and the gates are asked with revisions as full commit ids (`commits`), never as the names typed in
   an address: a branch or tag moved between two requests names another draft (r30 sweep AO, D2).
3. `Server.cached` hands out what was built from HEAD's commit, the adoption tags and the status of each file of
   the settings, regulations and amendments that is uncommitted or git does not watch (`Look.committed`; such a
   file turned the keeping off). It keeps at most `CACHED` values and `CACHED_BYTES` of them, counted as the
   memory they hold (`web.sizes`: never pickled), the least recently used dropped first (the oldest was, however
   often it was read).
4. The adoption tags (`refs/tags/adopted/…`) are part of the state (`Server.state`) and of what `Server.cached` keeps
   a value for: the pages read them (an adopted amendment's redline compares from its tag's commit), and a sync
   from the shared remote, or `git tag`, moves or deletes one without a commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from starlette.requests import Request

from regdraft.core.errors import RegdraftError
from regdraft.core.layout import AMENDMENTS, CONFIG, PROFILES, REGULATIONS, TEMPLATES
from regdraft.web import folders, pace, pages, sizes
from regdraft.web.builds import Gate, cores
from regdraft.web.guard import ACCESS_COOKIE, LOCAL, Visitor
from regdraft.web.kept import BUSY_WAIT, CROWDED_RETRY, Busy
from regdraft.web.turns import Crowded, Turns
from regdraft.web.words import Words
from regdraft.workspace.access import lookup
from regdraft.workspace.resolve import ensure_settled
from regdraft.workspace.store import Workspace
from regdraft.workspace.unreadable_comments import keep_aside

T = TypeVar("T")

CACHED = 32  # redlines kept by `Server.cached`
# And the memory they hold (`web.sizes`): the comparison of 1,000 articles holds 11-15 MB (counted as 20), one of 5,000
# articles 74 MB. It was 32 MB counted as pickled, which held three times that in memory or more.
CACHED_BYTES = 96 * 1024 * 1024
READ = (CONFIG, REGULATIONS, AMENDMENTS, TEMPLATES, PROFILES)  # what the pages read of the working tree
COMMITTED = (CONFIG, REGULATIONS, AMENDMENTS)  # what a redline `Server.cached` keeps is built from
# The files a state stats on each request: uncommitted ones and those of `READ` git does not watch (an edit of a file
# changes no folder's status, so each is stat'ed: 10,000 are about 30 ms). Beyond, no page is kept (the server says
# why in its log, once).
STATED = 10_000


# The query parameters the pages read (`Context.query`), and so the only ones a kept page is kept under: any other
# (`?x17=...`) is ignored, not a new page kept (r30 sweep AO, D1). A page reading a new one names it here.
QUERY_NAMES = ("round", "from", "to", "regulation", "added", "again", "same", "done", "accepted", "as_is", "withdrawn",
               "edited", "words", "left")
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
    or marked assume-unchanged or skip-worktree in the index (not in `vouched()`: `Workspace.vouched`), by a walk of
    its own (`web.folders`: a server keeps its folders as listed, `Server.look`). Symbolic links not followed, a
    folder of `paths` that is one included (a received `templates` linked to `/` would have had every page's state
    walk the whole disk)."""
    return set(folders.Folders().walk(ws.root, paths, vouched).unwatched)


def adoption_tags(ws: Workspace) -> bytes:
    """The adoption tags (`refs/tags/adopted/…`) and what each names, as a digest: a tag a sync or `git tag` moved or
    deleted changes it, with no commit (post-condition 4)."""
    try:
        tags = ws.tags()
    except RegdraftError:  # no tags to read: none named
        return b""
    listed = "\0".join(f"{name}\0{tag.ref}\0{tag.commit}" for name, tag in sorted(tags.items()))
    return hashlib.sha256(listed.encode()).digest()


@dataclass(frozen=True)
class Look:
    """What one look at the workspace found (`Server.look`): what every page depends on, and what the redlines
    `Server.cached` keeps are built from; each None when it cannot be told for sure (nothing kept for it)."""

    state: bytes | None  # `Server.state`
    committed: tuple[str, bytes, bytes] | None  # HEAD's commit, the adoption tags, the files of `COMMITTED` it covers


NO_LOOK = Look(None, None)
# The look a page's build was asked for (`Server.within`), which `Server.cached` takes rather than look again.
_LOOKED: ContextVar[tuple[object, Look] | None] = ContextVar("regdraft_look", default=None)


_COMMITTED_BELOW = tuple(f"{top}/" for top in COMMITTED)


def _committed(path: str) -> bool:
    return path.startswith(_COMMITTED_BELOW) or path in COMMITTED


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
        self.folders = folders.Folders()  # the folders of `READ` as last listed: a look lists only those changed
        self._said: set[str] = set()  # why pages were not kept, said once in the log
        self._settled: object = None  # the `Look.committed` last found with no conflict markers (`ensure_settled`)
        self.pace = pace.Pace()  # how fast each reviewer's link sends comment forms
        self.pages = Gate(cores())  # the heavy pages and downloads, built a few at a time (`builds`)
        self.turns = Turns()  # its writes, one at a time (`write`)
        self.pdfs = Gate(1)  # a round's PDF report: 41 s of CPU at 2,600 comments, one at a time
        # What the forms of a shared page carry for the CSRF token, replaced by each browser's own (`Context.page`):
        # of the same length and letters as a token, so the page is byte for byte the one rendered with it.
        self.placeholder = secrets.token_hex(32)

    def workspace(self) -> Workspace:
        """A fresh view of the workspace for one request (settings and access links re-read).

        Refuses (`UnresolvedConflict`, shown as a page) while a sync or merge has stopped on a
        conflict: the files would show both versions mixed.
        """
        ws = self.reading()
        ensure_settled(ws)
        return ws

    def reading(self) -> Workspace:
        """A fresh view of the workspace, a sync's rebase or merge waited for (`Busy` past `BUSY_WAIT`) and one it
        left stopped refused as `workspace` refuses it; files holding conflict markers are not looked for."""
        # A comment file that does not read is set aside by the server's reads and writes (`unreadable_comments`):
        # the draft and the other comments stay served, the pages say so, what needs that very file is refused.
        ws = keep_aside(Workspace(self.root))
        # A rebase or merge git is running for a sync (which holds the workspace lock throughout) is no conflict:
        # its end is waited for, a little. Read meanwhile, git's status took the index lock under the rebase.
        if ws.operation():
            if not ws.writer_done(BUSY_WAIT):
                raise Busy(self.words(), "busy_reading")
            ensure_settled(ws)  # stopped: its conflict, before any git call
        return ws

    def write(self, action: Callable[[Workspace], T]) -> T:
        """Run one write with the workspace to itself: one at a time, whoever else writes.

        The store's workspace lock (the lock file every regdraft process takes, a sync's from its fetch to its
        push) is held around the whole action and the check for a stopped sync, so what it read cannot change
        before it commits; each request has its own `Workspace`, so the threads of this server wait for each other
        on it too, in turn (`web.turns`). Another writer is waited for `BUSY_WAIT` seconds, then `Busy`: the form is
        shown again to send; the time this server's own writes take meanwhile is not counted. With
        `turns.MOST_WAITING` writes waiting already, `Busy` at once, to send again in `CROWDED_RETRY` seconds.
        """
        from regdraft.workspace.journal import WriterBusy

        ws = keep_aside(Workspace(self.root))
        try:
            with self.turns.taking(ws, BUSY_WAIT):
                ensure_settled(ws)
                return action(ws)
        except WriterBusy:
            raise Busy(self.words(), "busy_writing") from None
        except Crowded:
            raise Busy(self.words(), "busy_crowded", CROWDED_RETRY, seconds=CROWDED_RETRY) from None

    def cached(self, ws: Workspace, key: tuple[object, ...], build: Callable[[], T],
               size: Callable[[T], int] = sizes.held) -> T:
        """`build()`, remembered for the files it was built from, counted as `size(value)` bytes (exact by default,
        `web.sizes.held`: a big value gives a cheaper count, as the redline page does).

        The key holds HEAD's commit, the adoption tags, and the status of each file of the settings, regulations and
        amendments that is uncommitted or that git does not watch (`Look.committed`): an edited draft, or an ignored
        note under `regulations`, gives the redline of its own state, no longer switches the keeping off. Nothing is
        remembered while one of them changed too recently to tell, nor when they changed while it was built. The
        look is the one the page was asked for (`within`), else one taken now.
        """
        asked = _LOOKED.get()
        look = asked[1] if asked is not None and asked[0] is self else self.look(ws)
        if look.committed is None:
            return build()
        state = (*look.committed, *key)
        with self._cache_lock:
            if state in self._cache:
                self._cache.move_to_end(state)  # read now: the last to go
                found: T = self._cache[state][0]
                return found
        value = build()
        counted = size(value)
        if counted > CACHED_BYTES or self.look(ws).committed != look.committed:  # too big, or read from other files
            return value
        with self._cache_lock:
            if state in self._cache:
                self.cached_bytes -= self._cache.pop(state)[1]
            self._cache[state] = (value, counted)
            self.cached_bytes += counted
            while len(self._cache) > CACHED or self.cached_bytes > CACHED_BYTES:
                self.cached_bytes -= self._cache.popitem(last=False)[1][1]  # the least recently used
        return value

    def within(self, look: Look | None, work: Callable[[], T]) -> T:
        """`work()`, its `cached` taking `look` (the one its page was asked for) rather than looking again."""
        if look is None:
            return work()
        token = _LOOKED.set((self, look))
        try:
            return work()
        finally:
            _LOOKED.reset(token)

    def state(self) -> bytes | None:
        """What every page depends on besides its address and visitor, as a digest (`look`)."""
        return self.look().state

    def look(self, ws: Workspace | None = None) -> Look:
        """What every page depends on besides its address and visitor, as a digest (`Look.state`): HEAD's commit,
        the adoption tags (`adoption_tags`), each uncommitted file (the working tree's, where comments, settings and
        templates are read) and each file of `READ` git does not watch (ignored, or marked in the index) with its
        status, and today's date; and the part of it the redlines kept are built from (`Look.committed`).
        The folders of `READ` are listed only when they changed (`web.folders`); each file git does not report an
        edit of is stat'ed, an edit of a file changing no folder.
        None when that cannot be told for sure: a file changed within `comment_cache.RACY_NS` (a second change could
        keep its status), no commit yet, or more files than the server may look at on each request (`STATED`,
        `folders.LISTED`); the page is then built for its request alone."""
        if ws is not None:
            return self._look(ws)
        ws = self.reading()
        look = self._look(ws)
        if look.committed is None or look.committed != self._settled:
            # The look for conflict markers (`ensure_settled`) reads the files of regulations and amendments: once for
            # what they hold, which `Look.committed` tells (a conflict is never taken as settled).
            ensure_settled(ws)
            self._settled = look.committed
        return look

    def _look(self, ws: Workspace) -> Look:
        from regdraft.workspace.comment_cache import RACY_NS, now

        # git's status first: a refusal of the workspace's git (a nested repository, say) is the page's answer.
        dirty = ws.dirty(["."])
        try:
            head = ws.resolve("HEAD").sha
        except (RegdraftError, ValueError):  # no commit yet
            return NO_LOOK
        taken = now()
        tags = adoption_tags(ws)
        digest = hashlib.sha256(f"{head}\0{dt.date.today().isoformat()}\0".encode() + tags + b"\0")
        walked = self.folders.walk(ws.root, READ, lambda: self._vouched_files(ws))
        if walked.over:
            self._say("listed", f"{ws.root}: the review server keeps no page: the folders it reads ({', '.join(READ)})"
                                f" hold more than {folders.LISTED:,} files and folders, {walked.over} the most. "
                                "Move what the pages do not read out of them.")
            return NO_LOOK
        # What the pages read that git's status would not report an edit of: ignored, or marked in the index.
        files = sorted(set(dirty).union(walked.unwatched))
        if len(files) > STATED:
            self._say("stated", f"{ws.root}: the review server keeps no page: {len(files):,} files are uncommitted "
                                f"or not watched by git (more than {STATED:,}), {files[0]} the first. Commit them, or "
                                "move them out of the workspace.")
            return NO_LOOK
        root = f"{ws.root}{os.sep}"  # paths as text: a `Path` made for each file took most of the time
        recent = taken - RACY_NS
        seen: list[str] | None = []
        read: list[str] | None = []  # those of `COMMITTED`
        for path in files:
            try:
                info = os.lstat(root + path)
            except OSError:  # deleted
                entry = f"{path}\0-\0"
            else:
                if info.st_mtime_ns > recent or info.st_ctime_ns > recent:
                    seen = None
                    if _committed(path):
                        read = None
                    if read is None:
                        break
                    continue
                entry = f"{path}\0{info.st_dev} {info.st_ino} {info.st_size} {info.st_mtime_ns} {info.st_ctime_ns}\0"
            if seen is not None:
                seen.append(entry)
            if read is not None and _committed(path):
                read.append(entry)
        if seen is not None:
            digest.update("".join(seen).encode("utf-8", "surrogatepass"))
        return Look(digest.digest() if seen is not None else None,
                    (head, tags, hashlib.sha256("".join(read).encode("utf-8", "surrogatepass")).digest())
                    if read is not None else None)

    def _vouched_files(self, ws: Workspace) -> set[str]:
        """`Workspace.vouched(READ)`, the index read again only when it changed (git writes it anew, so a new inode,
        for every change of what it tracks or marks): the same set handed out while it has not."""
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

    def _say(self, why: str, message: str) -> None:
        """`message` in the server's log, the first time pages are not kept for `why`."""
        if why not in self._said:
            self._said.add(why)
            logging.getLogger("regdraft.review").warning("%s", message)

    def same_state(self, state: bytes) -> bool:
        """True when the workspace is still in `state` (a page built meanwhile is kept for it only then)."""
        try:
            return self.state() == state
        except RegdraftError:
            return False

    def words(self, slug: str | None = None, chosen: str | None = None) -> Words:
        """The words of a page about the amendment `slug` (or about the whole workspace): in the language `chosen`
        for the request (`web.languages`), else in the document's."""
        return Words.of(chosen or pages.language(Workspace(self.root), slug))

    def visitor(self, request: Request) -> Visitor | None:
        """The local drafter, or the person of the access link in the request's cookie."""
        if not self.links:
            return LOCAL
        link = lookup(Workspace(self.root), request.cookies.get(ACCESS_COOKIE, ""))
        return Visitor(link.name, link.body, link.role, link.key) if link else None

"""A workspace's history as regdraft reads it: `Revision`, one recorded version, and the `git log`s that list them,
mixed into `regdraft.workspace.store.Workspace` (which gives the git queries): the commits that touched a file
(following its renames: `History` extends `regdraft.workspace.store_renames.RenamedPaths`), the one that added it,
and the whole history with the files each commit touched. Runs git through the queries `Workspace` gives.

`Revision` is importable from `regdraft.workspace.store` too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from regdraft.workspace.git_log import LogFormat
from regdraft.workspace.store_files import MAX_FILE_BYTES
from regdraft.workspace.store_renames import RenamedPaths

if TYPE_CHECKING:
    import subprocess

IMPORTED = "Import "  # how the commit of `regdraft import` that writes a regulation begins (`workspace.imports`)


@dataclass(frozen=True, slots=True)
class Revision:
    """One recorded version of the workspace (a commit), as the rest of regdraft sees it."""

    sha: str
    author: str
    date: str  # YYYY-MM-DD
    subject: str = ""
    when: str = ""  # the author date to the second, ISO 8601 with its offset
    # The committer date, likewise: when it was recorded in this history (a rebase, as `sync` makes, records it anew).
    committed: str = ""

    @property
    def short(self) -> str:
        """The abbreviated sha printed on documents (7 characters)."""
        return self.sha[:7]


@dataclass(frozen=True, slots=True)
class KeyLines:
    """The top-level lines of keys a commit removed from a YAML file and added to it (`Workspace.key_lines`)."""

    revision: Revision
    parents: int
    path: str
    status: str  # A, M or D
    removed: tuple[str, ...]
    added: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Added:
    """A file as first committed (`Workspace.since_added`)."""

    revision: Revision  # the commit that added it, or wrote it by `regdraft import`
    blob: str  # the id git gives the text it recorded (`blob_id`)
    later: tuple[Revision, ...]  # the commits that changed it since, oldest first


Touched = tuple[tuple[str, str, str], ...]  # the files a commit touched: status, path, blob (`Workspace.history`)
HISTORY_TIMES = 8  # an earlier version of a file is read to compare with the file now up to this many times its size
HISTORY_BYTES = 2 * 1024 * 1024  # and up to this size whatever the file now (the longest law is under 1 MB)


def history_bound(now: int) -> int:
    """The most bytes of an earlier version read to compare with a file of `now` bytes (`Workspace.read_beside`)."""
    return max(HISTORY_TIMES * now, HISTORY_BYTES)


class History(RenamedPaths):
    """The commits of a file and of the workspace; `Workspace` gives the git queries."""

    if TYPE_CHECKING:
        def _started(self, command: str, *args: str) -> subprocess.Popen[bytes]: ...

    def log(self, relative: str, rev: str | None = None, limit: int | None = None) -> list[Revision]:
        """The commits that touched a file, newest first, following its renames (up to `rev`, at most `limit`).

        A rename (`git mv`, the same file at a new path in one commit) is followed; a copy is not, nor a
        file added beside a similar one: `git log --follow` takes those for the file's past (with
        copies found harder), and named a colleague's commit as the one that added a comment.
        """
        return [revision for revision, _ in self.log_paths(relative, rev, limit)]

    def log_paths(self, relative: str, rev: str | None = None, limit: int | None = None) -> list[tuple[Revision, str]]:
        """`log`, each commit with the path the file had in it: an earlier version is read there, not at the path
        it was renamed to (`check` stopped on "amendments/moved/amendment.md does not exist at revision …"); the
        renames followed as `store_renames` says."""
        start = self._commit(rev).hexsha if rev is not None else "HEAD"
        return [(Revision(sha, author, date, subject, when, committed), path)
                for (sha, author, date, when, committed, subject), path in self._followed(relative, start, limit)]

    def added(self, relative: str) -> Revision | None:
        """The commit that added the file now at `relative` (the latest addition, no rename or copy followed)."""
        found = self._revisions("--no-renames", "--diff-filter=A", "--max-count=1", "HEAD", "--", relative)
        return found[0] if found else None

    def since_added(self, relative: str) -> Added | None:
        """The commit that put the file now at `relative` there (added it, or replaced it by `regdraft import`: a
        subject beginning `IMPORTED`), the text it recorded and the commits since that changed it; one git log."""
        log = LogFormat("%H", "%an", "%ad", "%aI", "%s")
        out = self._query("log", "--no-renames", log.argument(), "--date=short", "--raw", "--no-abbrev", "HEAD",
                          "--", relative, unborn="")
        later: list[Revision] = []
        for (sha, author, date, when, subject), raw in log.records(out):
            revision = Revision(sha, author, date, subject, when)
            # `:100644 100644 OLD NEW M<TAB>path`: the status A for the commit that added it, NEW its text
            fields = [line.split("\t", 1)[0].split() for line in raw.splitlines() if line.startswith(":")]
            if fields and (subject.startswith(IMPORTED) or fields[0][4] == "A"):
                return Added(revision, fields[0][3], tuple(reversed(later)))
            later.append(revision)
        return None

    def history(self, added_under: tuple[str, ...] = ()) -> list[tuple[Revision, int, Touched]]:
        """Every commit up to HEAD, newest first: its revision, how many parents it has, and the files it touched as
        `(status, path, blob)` (A, M, D or T; renames not followed; a merge lists none; the blob: the text it left,
        a deleted file's the text it had, so a file moved unchanged is deleted and added with one). One git process
        for the whole history: `check` ran three for each adopted amendment (`late_comments`). With `added_under`
        (folders), only the commits that added or deleted a file there and only those files, in the same order
        (every commit still walked, each side of a merge too; a move is a deletion and an addition): a `check` of
        comments in a closed round read every commit's files."""
        folders = [f":(literal){folder}" for folder in added_under]
        log = LogFormat("%H", "%P", "%an", "%ad", "%aI", "%cI", "%s")
        out = self._query("log", "--no-renames", "--raw", "--no-abbrev", "-z", "--date=short", log.argument(), "HEAD",
                          *(("--diff-filter=AD", "--full-history", "--", *folders) if folders else ()), unborn="")
        walked = []
        for (sha, parents, author, date, when, committed, subject), rest in log.records(out):
            raw = rest.split("\x00")[1:]
            # `:100644 100644 OLD NEW M`, then the path: the status is the last word of the first field
            files = tuple((meta[-1][:1], raw[i + 1], meta[2 if meta[-1][:1] == "D" else 3])
                          for i in range(0, len(raw) - 1, 2) if len(meta := raw[i].split()) == 5 and meta[0][:1] == ":")
            walked.append((Revision(sha, author, date, subject, when, committed), len(parents.split()), files))
        return walked

    def _revisions(self, *args: str) -> list[Revision]:
        log = LogFormat("%H", "%an", "%ad", "%aI", "%cI", "%s")
        out = self._query("log", log.argument(), "--date=short", *args, unborn="")
        return [Revision(sha, author, date, subject, when, committed)
                for (sha, author, date, when, committed, subject), _ in log.records(out)]

    def put_back(self, commits: list[str], head: str) -> dict[str, tuple[str, str]]:
        """Of `commits`, those whose changes to an amending document (`amendments/<slug>/amendment.md`) `head` no
        longer holds: each such file it changed is, in `head`, again as it was before it (or gone, when it added it).
        Each is given with the last commit of `head`'s history that changed the file (what undid it, whatever its
        message says) and the file. Three gits for any number of commits, and one more for each undone."""
        if not commits:
            return {}
        out = self._query("diff-tree", "--stdin", "-r", "--no-renames", "--no-abbrev", "--", "amendments",
                          given="".join(f"{sha}\n" for sha in commits).encode("ascii"))
        changed: dict[str, list[tuple[str, str]]] = {}  # commit -> (path, the file's blob before it)
        commit = ""
        for line in out.splitlines():
            if not line.startswith(":"):
                commit = line.strip()
                continue
            info, _, path = line.partition("\t")
            if path.count("/") == 2 and path.endswith("/amendment.md"):
                changed.setdefault(commit, []).append((path, info.split()[2]))
        if not changed:
            return {}
        held = {}  # each amending document of `head`, with its blob
        for entry in self._query("ls-tree", "-r", "--full-tree", head, "--", "amendments").splitlines():
            info, _, path = entry.partition("\t")
            held[path] = info.split()[2]
        undone = {}
        for sha, files in changed.items():
            back = all(held.get(path, "0" * len(before)) == before for path, before in files)
            undoing = self._query("log", "-1", "--format=%H", f"{sha}..{head}", "--", files[0][0]).strip() \
                if back else ""
            if undoing:
                undone[sha] = (undoing, files[0][0])
        return undone

    def read_each(self, names: Sequence[tuple[str, str]]) -> dict[tuple[str, str], bytes]:
        """The bytes of each (revision, path) of `names` that git holds as a file of at most `MAX_FILE_BYTES`
        (the others are left out): one git process however many they are. Git is given each folder's tree
        once (`rev:folder`), then the files by their ids: given `rev:path` for each file it reads the folder's tree
        again for each, 3 s of CPU for 9,000 comment files in one folder. A path holding a newline, which git's
        batch cannot be given, is read alone. For a file's versions in many commits, `changed_blobs` gives their ids
        without a tree: one folder's tree per revision held them all (r41 sweep CI F2)."""
        from regdraft.core.errors import RegdraftError

        found: dict[tuple[str, str], bytes] = {}
        for rev, path in dict.fromkeys(name for name in names if "\n" in name[1]):
            try:
                found[rev, path] = self.read(path, rev)
            except RegdraftError:
                continue
        asked = list(dict.fromkeys(name for name in names if "\n" not in name[1]))
        folders = list(dict.fromkeys((rev, path.rpartition("/")[0]) for rev, path in asked))
        ids = {}
        if not asked:
            return found
        with self._cat_file() as batch:
            for (rev, folder), tree in zip(folders, batch.each([f"{rev}:{folder}" for rev, folder in folders], "tree",
                                                               most=None), strict=True):
                entries = _tree_blobs(tree) if tree is not None else {}
                ids.update({(rev, f"{folder}/{name}" if folder else name): blob for name, blob in entries.items()})
            wanted = [(name, ids[name]) for name in asked if name in ids]
            for (name, _), data in zip(wanted, batch.each([blob for _, blob in wanted]), strict=True):
                if data is not None:
                    found[name] = data
        return found

    def objects(self, names: Sequence[str], kind: str = "blob", most: int | None = MAX_FILE_BYTES
                ) -> Iterator[bytes | None]:
        """The bytes of each object of `names` (ids, or `rev:path` holding no line break), in their order, when git
        holds it as a `kind` of at most `most` bytes (None: any size), else None. One `git cat-file --batch`, read as
        it comes: one object in memory at a time, one too large read past, however many they are (its whole output,
        held and decoded to text and back, was 1.4 GB: r41 sweep CI F2)."""
        if names:
            with self._cat_file() as batch:
                yield from batch.each(names, kind, most)

    @contextmanager
    def _cat_file(self) -> Iterator[CatFile]:
        batch = CatFile(self._started("cat-file", "--batch"))
        try:
            yield batch
        finally:
            batch.close()

    def changed_blobs(self, commits: Sequence[str], pathspec: str) -> dict[tuple[str, str], tuple[str, str]]:
        """For each of `commits` with one parent, each file of `pathspec` it changed (added or deleted): (commit,
        path) -> the ids of its text before and after (`0…0` for none). One `git diff-tree` for them all: no tree
        of a folder read here, one per commit held them all (r41 sweep CI F2)."""
        if not commits:
            return {}
        out = self._query("diff-tree", "--stdin", "-r", "--no-renames", "--no-abbrev", "-z", "--", pathspec,
                          given="".join(f"{sha}\n" for sha in dict.fromkeys(commits)).encode("ascii"))
        words = out.split("\0")
        found, commit, at = {}, "", 0
        while at < len(words):  # the commit's id, then `:100644 100644 OLD NEW M` and the path, for each file
            if words[at].startswith(":") and at + 1 < len(words):
                meta = words[at].split()
                if len(meta) == 5:
                    found[commit, words[at + 1]] = (meta[2], meta[3])
                at += 2
            else:
                commit = words[at].strip() or commit
                at += 1
        return found

    def common_base(self, commits: Sequence[str]) -> str | None:
        """A commit in the history of each of `commits` (the newest, as `git merge-base --octopus` finds it, taken
        by parts of `BASES_AT_ONCE`), or None when they share none or one of them is unknown."""
        from regdraft.core.errors import StoreError

        base: str | None = None
        given = list(dict.fromkeys(commits))
        for at in range(0, len(given), BASES_AT_ONCE):
            try:
                base = self._query("merge-base", "--octopus", *([base] if base else []),
                                   *given[at:at + BASES_AT_ONCE]).strip() or None
            except StoreError:
                return None
            if base is None:
                return None
        return base

    def parents(self, tips: Sequence[str], stop: str | None) -> list[tuple[str, tuple[str, ...]]]:
        """Each commit in the history of `tips` and not in `stop`'s, children before their parents
        (`git rev-list --topo-order`), with its parents; a tip git does not hold is passed over."""
        given = "".join(f"{rev}\n" for rev in [*tips, *([f"^{stop}"] if stop else [])]).encode("ascii")
        out = self._query("rev-list", "--parents", "--topo-order", "--ignore-missing", "--stdin", given=given)
        return [(words[0], tuple(words[1:])) for words in (line.split() for line in out.splitlines()) if words]

    def key_lines(self, span: str, keys: tuple[str, ...], pathspec: str | tuple[str, ...],
                  changed_only: bool = True) -> list[KeyLines]:
        """The commits of `span` (`A..B`, or a revision and its history), oldest first, that add or remove a line
        setting one of the top-level `keys` in a file of `pathspec` (one or several; `git log -G`), each file with
        the lines it removed and added of those keys. `changed_only`: files changed, not added or deleted. One git
        process, whose output holds only those lines' hunks: a file added whole (a new comment) is not printed."""
        pattern = "^(" + "|".join(keys) + "):"
        log = LogFormat("%H", "%P", "%an", "%ad", "%s")
        out = self._query("log", "--reverse", "--no-renames", "--no-ext-diff", "--no-textconv", "--no-color", "-p",
                          "-U0", *(("--diff-filter=M",) if changed_only else ()), f"-G{pattern}", "--date=short",
                          log.argument(), "--end-of-options", span, "--",
                          *((pathspec,) if isinstance(pathspec, str) else pathspec), unborn="")
        found = []
        for (sha, parents, author, date, subject), patch in log.records(out):
            revision = Revision(sha, author, date, subject)
            found += [KeyLines(revision, len(parents.split()), path, status, removed, added)
                      for path, status, removed, added in _patched(patch, keys)]
        return found


def _patched(patch: str, keys: tuple[str, ...]) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """Each file of a `git log -p` record: its path, status, and its removed and added lines setting `keys`."""
    files: list[tuple[str, str, list[str], list[str]]] = []  # the last one is being read
    in_hunk = False
    for line in patch.split("\n"):
        if line.startswith("diff --git "):
            files.append(("", "M", [], []))
            in_hunk = False
        elif not files:
            continue
        elif not in_hunk and line.startswith(("--- ", "+++ ")):
            path, status, removed, added = files[-1]
            side = _unquoted(line[4:].removesuffix("\t"))  # git ends a path holding a space with a TAB
            if side == "/dev/null":
                status = "A" if line.startswith("---") else "D"
            elif not path or line.startswith("+++"):
                path = side[2:]  # after a/ or b/
            files[-1] = (path, status, removed, added)
        elif line.startswith("@@"):
            in_hunk = True
        elif in_hunk and line[:1] in ("-", "+") and ":" in line and line[1:].split(":", 1)[0] in keys:
            _, _, removed, added = files[-1]
            (removed if line[0] == "-" else added).append(line[1:].rstrip("\r"))
    return [(path, status, tuple(removed), tuple(added)) for path, status, removed, added in files if path]


BASES_AT_ONCE = 500  # commits given to one `git merge-base` (one argument each)
_KINDS = (b"blob", b"tree", b"commit", b"tag")
_CHUNK = 1 << 20  # an object too large is read past by this many bytes at a time


class CatFile:
    """A `git cat-file --batch` asked for objects and read as it answers (`History.objects`)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.whole = True  # every answer read

    def each(self, names: Sequence[str], kind: str = "blob", most: int | None = MAX_FILE_BYTES
             ) -> Iterator[bytes | None]:
        """Each object of `names` as `History.objects` says."""
        import threading

        out, given = self.process.stdout, b"".join(name.encode("utf-8", "surrogateescape") + b"\n" for name in names)
        assert out is not None
        feeding = threading.Thread(target=self._feed, args=(given,), daemon=True)  # git writes as it reads
        feeding.start()
        self.whole = False
        for _ in names:  # each: `<id> <type> <size>`, the bytes, a newline; or `<name> missing`
            header = out.readline().split()
            if len(header) != 3 or header[1] not in _KINDS or not header[2].isdigit():
                yield None
                continue
            size = int(header[2])
            data = out.read(size) if header[1] == kind.encode("ascii") and (most is None or size <= most) else None
            if data is None:
                for part in range(0, size, _CHUNK):
                    out.read(min(_CHUNK, size - part))
            out.read(1)
            yield data if data is None or len(data) == size else None
        feeding.join()
        self.whole = True

    def _feed(self, given: bytes) -> None:
        try:
            if self.process.stdin is not None:
                self.process.stdin.write(given)
                self.process.stdin.flush()
        except (OSError, ValueError):  # git stopped (or was stopped) before reading it all
            pass

    def close(self) -> None:
        """End git: asked nothing more, or stopped when an answer was left unread."""
        if not self.whole:
            self.process.kill()
        for pipe in (self.process.stdin, self.process.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass
        self.process.wait()


def _tree_blobs(tree: bytes) -> dict[str, str]:
    """The files of a git tree object (`<mode> <name>\\0<20-byte id>` each): name -> blob id; not its folders,
    links or submodules."""
    found = {}
    at = 0
    while at < len(tree):
        space = tree.index(b" ", at)
        nul = tree.index(b"\0", space)
        if tree[at:space] in (b"100644", b"100755"):
            found[tree[space + 1:nul].decode("utf-8", "surrogateescape")] = tree[nul + 1:nul + 21].hex()
        at = nul + 21
    return found


def _unquoted(name: str) -> str:
    """A path as git prints it in a patch header: C-quoted (`"b/\\303\\241.yaml"`) when it holds unusual bytes."""
    if not name.startswith('"'):
        return name
    import codecs

    return codecs.escape_decode(name[1:-1].encode("ascii", "backslashreplace"))[0].decode("utf-8", "replace")

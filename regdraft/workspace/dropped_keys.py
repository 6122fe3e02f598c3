"""Comment files an older regdraft rewrote without the keys it does not know: found by `sync` and `check`, put back
by `check --repair` (`restore_keys`).

The regdraft of early December 2026 (workspace format 1) knows no `sequence`, `order`, `link` or `edited` in a comment
file, and the first of its builds no `regulation`: answering a comment (`comment respond`) it rewrote the file
without them, and `sync` spread the loss without a word (r39 sweep CA F1). The member could no longer edit or withdraw
a comment sent through the review pages (its `link` gone), comments of one second changed their order, a comment on
a second regulation read as one on the main one.

This regdraft never removes those keys from a comment it rewrites, so a commit that does is an older regdraft's (or
a hand edit). They are named, and put back only when the drafter asks (`check`'s repair): a line removed by hand on
purpose reads in the commit as an older regdraft's rewrite does, and `sync` is no moment for a commit nobody asked
for. A value the current reader does not take (a `link:` that is no link's id, which `check` asks to mend) is no loss.

Post-conditions:
1. `dropped_in(ws, commits)` lists, for each comment file a commit (no merge) changed, the keys of `KEYS` its
   version before held with a value the reader takes and its version after lacks while both are the same comment
   (the same `id`), with the lines before; only those HEAD's file still lacks (none when it was deleted since). A
   version that is no YAML mapping is passed over (`check` names it).
2. `sync` adds a note per file (`dropped_notes`) and keeps them in the git folder (`remember`).
3. `check` (`dropped_keys`) first examines the commits it has not examined yet (`examine`): one `git log` of the
   lines of those keys removed from comment files, from the last commit examined (kept in the git folder) to HEAD,
   the whole history the first time; so a loss brought in by `git pull`, or committed here before the upgrade, is
   found as one a sync brought. It then warns of each kept one whose file still lacks a key, at line 1 of the file,
   until the lines are back; a key a commit since the loss set or removed is said to be left to the drafter
   (`still_dropped`: one `git log` of the lost files for all losses, from a commit in the history of each to HEAD,
   then of the commits since the HEAD it last read: `dropped_since`; and HEAD's files read in one batch, however
   many), the repair does not touch it.
4. Nothing here writes to the workspace's files or history.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.text import shown_name
from regdraft.render.files import new_file

if TYPE_CHECKING:
    from regdraft.workspace.store import Revision, Workspace
    from regdraft.workspace.store_history import KeyLines
    from regdraft.workspace.store_sync import CommitInfo

# The comment keys of workspace format 2 that a regdraft of format 1 drops when it rewrites the file.
KEYS = ("regulation", "order", "sequence", "link", "edited")
NOTE_FILE = "regdraft-dropped-keys.json"  # in the git folder: what sync found, for `check` to repeat
EXAMINED_FILE = "regdraft-dropped-examined"  # in the git folder: the last commit `check` examined for such losses
COMMENT_FILES = ":(glob)amendments/*/comments/*.yaml"
FOUND_FILE = "regdraft-dropped-found.json"  # in the git folder: what `still_dropped` found, for the same HEAD
FOUND_FORMAT = 2  # of what it holds: a regdraft reading another finds all again (2: with the commits since each loss)


@dataclass(frozen=True, slots=True)
class Dropped:
    """Keys a commit removed from a comment file: the file, the comment's id, the commit and its author, and each
    key's value before it (as the file wrote it: `sequence: 1`)."""

    path: str
    comment: str
    commit: str
    author: str
    subject: str
    lines: tuple[str, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        """The keys lost, as the lines name them."""
        return tuple(line.split(":", 1)[0] for line in self.lines)

    def sentence(self, changed: Mapping[str, Revision] | None = None) -> str:
        """The note `sync` prints and `check` repeats; `changed`: the keys a commit since set or removed (the last
        such commit), which the repair leaves alone."""
        from regdraft.core.commands import Command

        changed = changed or {}
        lost = "; ".join(said for key, said in _LOSSES if key in self.keys)
        back = [line for line in self.lines if _key(line) not in changed]
        said = (f"Comment {self.comment} ({shown_name(self.path)}) lost {', '.join(self.keys)} in commit "
                f"{self.commit[:8]} by {self.author} (\"{self.subject}\"), made by a regdraft older than the "
                f"workspace's files (it does not know these keys; docs/upgrading.md): {lost}.")
        if back:
            said += (f" `{Command.of('check', repair=True)}` puts back these lines, as they were, in one commit: "
                     + "; ".join(self.shown(line) for line in back) + ".")
        said += "".join(" " + left_sentence(self, key, change) for key, change in changed.items())
        return f"{said} {MEANT} Upgrade regdraft on that machine before it writes again."

    def shown(self, line: str) -> str:
        """A lost line as a message quotes it: whole up to `SHOWN_LINE` characters; a longer one by its start, its
        length and the git command showing it (a 200,000-character `link:` printed whole by every sync and `check`:
        r40 sweep CE F7)."""
        from regdraft.core.commands import Command

        if len(line) <= SHOWN_LINE:
            return line
        show = Command.git("show", f"{self.commit[:8]}^:{self.path}")
        return f"{line[:SHOWN_LINE // 2]}… ({len(line):,} characters; `{show}` shows it whole)"


SHOWN_LINE = 200  # a lost line longer than this is quoted by its start

# How the drafter says a key was removed on purpose (`_meant`): the warning stops.
MEANT = ("If a key was removed on purpose, write it with no value (as `sequence: null`) in the file and commit it: "
         "this warning then stops.")


def left_sentence(dropped: Dropped, key: str, change: Revision) -> str:
    """Why the repair leaves a lost key alone: a commit since the loss set or removed it."""
    line = next(line for line in dropped.lines if _key(line) == key)
    return (f"Commit {change.sha[:8]} by {change.author} (\"{change.subject}\") changed {key} after the loss, so "
            f"the repair leaves it to you: put back '{dropped.shown(line)}' by hand if it still belongs there.")


@dataclass(frozen=True, slots=True)
class Outstanding:
    """A loss whose lines HEAD's file still lacks (`dropped.lines`: only those), with the keys among them a commit
    since the loss set or removed, and the last such commit: those are left to the drafter."""

    dropped: Dropped
    changed: dict[str, Revision]

    def sentence(self) -> str:
        """`check`'s warning."""
        return self.dropped.sentence(self.changed)


# What the loss of each key does, in the order the note says it.
_LOSSES = (("link", "its member can no longer edit or withdraw it on the review pages"),
           ("regulation", "it reads as a comment on the amendment's main regulation"),
           ("edited", "the record that its member reworded it is gone"),
           ("sequence", "it may change its place among comments of the same second"),
           ("order", "it may change its place among the comments imported with it"))


def _is_comment(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return len(parts) == 4 and parts[0] == "amendments" and parts[2] == "comments" and path.endswith(".yaml")


def _mappings(ws: Workspace, names: Sequence[tuple[str, str]]) -> dict[tuple[str, str], tuple[dict[Any, Any], str]]:
    """Each (revision, path) of `names` whose comment file is there and a YAML mapping, as YAML and as text: read
    in one batch (`read_each`), however many they are."""
    read_each = getattr(ws, "read_each", None)
    if read_each is None:  # a workspace with no history to batch (`MemoryWorkspace`)
        blobs = {}
        for rev, path in names:
            try:
                blobs[rev, path] = ws.read(path, rev)
            except RegdraftError:
                continue
    else:
        blobs = read_each(names)
    found = {}
    for name, blob in blobs.items():
        read = _parsed(blob)
        if read is not None:
            found[name] = read
    return found


def _parsed(blob: bytes) -> tuple[dict[Any, Any], str] | None:
    """A comment file's bytes as YAML and as text, or None when they are no mapping."""
    import yaml

    from regdraft.core.frontmatter import load_yaml

    try:
        text = blob.decode("utf-8")
        data = load_yaml(text, quick=True)
    except (RegdraftError, yaml.YAMLError, ValueError):
        return None
    return (data, text) if isinstance(data, dict) else None


def _held(data: dict[Any, Any], text: str) -> list[str]:
    """The keys of `KEYS` a comment file sets to a value the reader takes (all set, when it reads no comment)."""
    from regdraft.core.comment_yaml import read_comment

    comment, _ = read_comment(text)
    if comment is None:
        return [k for k in KEYS if data.get(k) not in (None, "", 0)]
    return [k for k in KEYS if getattr(comment, k)]


def _line(text: str, key: str) -> str:
    """The line of `text` that sets the top-level `key`, as written (`link: 0adf99c2`)."""
    return next((line for line in text.splitlines() if line.split(":", 1)[0] == key), f"{key}: …")


def dropped_in(ws: Workspace, commits: Sequence[CommitInfo]) -> list[Dropped]:
    """The comment files whose format-2 keys one of `commits` removed and HEAD's file still lacks. The ids of each
    file's text before and after each commit come from one `git diff-tree`, the texts from one `git cat-file`, a
    pair at a time; HEAD's file is read only for those that lost keys (the comments folder's tree read for each
    commit and held with its files was 1.4 GB for 1,000 commits: r41 sweep CI F2)."""
    changed = [(commit, path) for commit in commits if commit.parents == 1
               for status, path in commit.files if status == "M" and _is_comment(path)]
    if not changed:
        return []
    ids = ws.changed_blobs([commit.sha for commit, _ in changed], COMMENT_FILES)
    pairs = [(commit, path, ids[commit.sha, path]) for commit, path in changed if (commit.sha, path) in ids]
    texts = iter(ws.objects([blob for _, _, both in pairs for blob in both]))  # before and after, a pair at a time
    losses: list[tuple[CommitInfo, str, str, list[tuple[str, str]]]] = []  # a file that lost keys: their lines before
    for (commit, path, _), first, then in zip(pairs, texts, texts, strict=True):
        before, after = _read(first), _read(then)
        if before is None or after is None or before[0].get("id") != after[0].get("id"):
            continue
        if gone := [(k, _line(before[1], k)) for k in _held(*before) if k not in after[0]]:
            losses.append((commit, path, str(after[0].get("id")), gone))
    now = _mappings(ws, [("HEAD", path) for _, path, _, _ in losses])
    found: list[Dropped] = []
    for commit, path, comment, gone in losses:
        lines = tuple(line for key, line in gone if ("HEAD", path) in now and key not in now["HEAD", path][0])
        if lines:
            found.append(Dropped(path, comment, commit.sha, commit.author, commit.subject, lines))
    return found


def _read(blob: bytes | None) -> tuple[dict[Any, Any], str] | None:
    return _parsed(blob) if blob is not None else None


def remember(ws: Workspace, dropped: Sequence[Dropped]) -> None:
    """Keep what a sync found for `check`, added to what earlier syncs found (by file and commit)."""
    if not dropped:
        return
    kept = {(d.path, d.commit): d for d in [*_kept(ws), *dropped]}
    path = _note(ws)
    if path is None:
        return
    partial = path.with_name(path.name + ".tmp")
    new_file(partial, json.dumps([asdict(d) for d in kept.values()], ensure_ascii=False).encode("utf-8"))
    partial.replace(path)


def _note(ws: Workspace, name: str = NOTE_FILE) -> Path | None:
    """Where sync keeps what it found (None for a workspace with no git folder: one in memory)."""
    try:
        return ws.git_dir() / name
    except (AttributeError, RegdraftError, OSError):
        return None


def _kept(ws: Workspace) -> list[Dropped]:
    path = _note(ws)
    if path is None:
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Dropped(str(d["path"]), str(d["comment"]), str(d["commit"]), str(d["author"]), str(d["subject"]),
                        tuple(str(line) for line in d["lines"])) for d in data]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def examine(ws: Workspace) -> None:
    """Find the losses in the commits `check` has not examined yet (post-condition 3) and keep them (`remember`)."""
    from regdraft.workspace.git_head import head_commit

    examined = _note(ws, EXAMINED_FILE)
    if examined is None or not examined.parent.is_dir():
        return
    head = head_commit(examined.parent) or ws.head()  # from git's files: no GitPython when nothing changed
    if head is None:
        return
    try:
        last = examined.read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        last = ""
    if last == head:
        return
    try:
        changed = ws.key_lines(f"{last}..{head}" if last else head, ("id", *KEYS), COMMENT_FILES)
    except RegdraftError:  # the commit last examined is gone (history rewritten, objects pruned): all again
        changed = ws.key_lines(head, ("id", *KEYS), COMMENT_FILES)
    from regdraft.workspace.store_sync import CommitInfo

    # A key's line removed and not written again, the comment's id unchanged: read whole to be sure (rare).
    # (An `id:` line removed and written again the same, its line ends changed, is the same comment.)
    lost = [c for c in changed if c.parents == 1 and _is_comment(c.path) and _ids(c.removed) == _ids(c.added)
            and {_key(line) for line in c.removed} - {_key(line) for line in c.added} - {"id"}]
    remember(ws, dropped_in(ws, [CommitInfo(c.revision.sha, c.revision.author, c.revision.subject, (("M", c.path),))
                                 for c in lost]))
    partial = examined.with_name(examined.name + ".tmp")
    try:
        new_file(partial, f"{head}\n".encode("ascii"))
        partial.replace(examined)
    except OSError:  # a read-only git folder: examined again next time
        pass


def _key(line: str) -> str:
    return line.split(":", 1)[0]


def _ids(lines: Sequence[str]) -> set[str]:
    return {" ".join(line.split()) for line in lines if _key(line) == "id"}


def still_dropped(ws: Workspace) -> list[Outstanding]:
    """Each loss found (`examine` first), with only the lines HEAD's file still lacks (none of a file deleted since),
    and what changed them since (`_outstanding`). A key lost again later is the later loss's. What it found is kept
    in the git folder for the same HEAD and losses kept: a check of the same HEAD reads nothing again; with the
    commits since each loss (`dropped_since`), so that a check of a later HEAD reads only the commits since."""
    import hashlib

    from regdraft.workspace.dropped_since import kept_since, walked
    from regdraft.workspace.git_head import head_commit

    examine(ws)
    path = _note(ws)
    if path is None or not path.is_file():
        return []
    try:
        head = head_commit(path.parent) or ws.head() or ""
        key = f"{FOUND_FORMAT} {head} {hashlib.sha1(path.read_bytes()).hexdigest()}"
    except OSError:
        return []
    data = _found(ws)
    cached = _cached(data, key)
    if cached is not None:
        return cached
    kept = _kept(ws)
    losses = [(dropped.commit, dropped.path) for dropped in kept]
    since = walked(ws, losses, head, kept_since(data), KEYS, COMMENT_FILES) if head else {}
    found = _outstanding(ws, kept, since)
    _keep(ws, key, head, found, since)
    return found


def _found(ws: Workspace) -> dict[str, Any]:
    """What `still_dropped` kept (`_keep`), or nothing when it reads as something else (another format)."""
    path = _note(ws, FOUND_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path is not None else None
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("format") == FOUND_FORMAT else {}


def _cached(data: dict[str, Any], key: str) -> list[Outstanding] | None:
    """What `still_dropped` found for `key` (HEAD and the losses kept), or None."""
    from regdraft.workspace.store_history import Revision

    try:
        if data.get("key") != key:
            return None
        return [Outstanding(Dropped(**{**d["dropped"], "lines": tuple(d["dropped"]["lines"])}),
                            {k: Revision(**r) for k, r in d["changed"].items()}) for d in data["found"]]
    except (KeyError, TypeError, AttributeError):
        return None


def _keep(ws: Workspace, key: str, head: str, found: Sequence[Outstanding],
          since: dict[tuple[str, str], list[KeyLines]]) -> None:
    from regdraft.workspace.dropped_since import written

    path = _note(ws, FOUND_FILE)
    if path is None:
        return
    data = {"format": FOUND_FORMAT, "key": key,
            "found": [{"dropped": asdict(loss.dropped),
                       "changed": {k: asdict(change) for k, change in loss.changed.items()}} for loss in found],
            **written(head, since)}
    partial = path.with_name(path.name + ".tmp")
    try:
        new_file(partial, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        partial.replace(path)
    except OSError:  # a read-only git folder: found again next time
        pass


def _outstanding(ws: Workspace, kept: Sequence[Dropped],
                 since: Mapping[tuple[str, str], Sequence[KeyLines]]) -> list[Outstanding]:
    """The losses `kept` whose lines HEAD's files still lack, read in one batch, with the commits since each loss
    that set or removed its keys (`since`, by loss commit and file)."""
    read = _mappings(ws, [("HEAD", dropped.path) for dropped in kept])
    lacking = []
    for dropped in kept:
        now = read.get(("HEAD", dropped.path))
        still = tuple(line for line in dropped.lines if now is not None and _key(line) not in now[0])
        if still:
            lacking.append(replace(dropped, lines=still))
    losses = {(d.path, d.commit, key) for d in lacking for key in d.keys}
    found = []
    for dropped in lacking:
        changed: dict[str, Revision] = {}
        later: set[str] = set()
        for change in since.get((dropped.commit, dropped.path), []):
            for key in {_key(line) for line in (*change.removed, *change.added)} & set(dropped.keys):
                changed[key] = change.revision  # the last one stands
                if (dropped.path, change.revision.sha, key) in losses or _meant(change.added, key):
                    later.add(key)
        lines = tuple(line for line in dropped.lines if _key(line) not in later)
        if lines:
            found.append(Outstanding(replace(dropped, lines=lines), {k: changed[k] for k in changed if k not in later}))
    return found


def _meant(added: Sequence[str], key: str) -> bool:
    """Whether a commit wrote `key` with no value (`sequence: null`): the drafter's word that its loss was meant."""
    return any(_key(line) == key and line.split(":", 1)[1].split("#", 1)[0].strip() in ("", "null", "~", "''", '""')
               for line in added)


MANY = 3  # the files of one commit's loss of the same keys named one by one; more are named in one warning


def dropped_keys(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: a warning per comment file found rewritten without keys that it still lacks; more than
    `MANY` files that lost the same keys in one commit in one warning naming the first few and their number."""
    found = still_dropped(ws)
    kinds: dict[tuple[str, tuple[str, ...]], list[Outstanding]] = {}
    for loss in found:
        kinds.setdefault((loss.dropped.commit, loss.dropped.keys), []).append(loss)
    problems = []
    for loss in found:
        same = [other for other in kinds[loss.dropped.commit, loss.dropped.keys] if not other.changed]
        if len(same) <= MANY or loss.changed:
            problems.append(Problem(loss.sentence(), loss.dropped.path, 1, warning=True))
        elif loss is same[0]:
            problems.append(Problem(_many([other.dropped for other in same]), loss.dropped.path, 1, warning=True))
    return problems


def _many(losses: Sequence[Dropped]) -> str:
    """One warning for many files that lost the same keys in one commit."""
    from regdraft.core.commands import Command

    first = losses[0]
    lost = "; ".join(said for key, said in _LOSSES if key in first.keys)
    named = ", ".join(shown_name(dropped.path) for dropped in losses[:MANY])
    return (f"{len(losses)} comments lost {', '.join(first.keys)} in commit {first.commit[:8]} by {first.author} "
            f"(\"{first.subject}\"), made by a regdraft older than the workspace's files (it does not know these keys; "
            f"docs/upgrading.md): {named} and {len(losses) - MANY} more; {lost}. "
            f"`{Command.of('check', repair=True)}` puts back the lines each file held, as they were, in one commit. "
            f"{MEANT} Upgrade regdraft on that machine before it writes again.")

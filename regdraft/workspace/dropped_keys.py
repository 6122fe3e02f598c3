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
   (`still_dropped`: one `git log` of the file for each loss still lacking), the repair does not touch it.
4. Nothing here writes to the workspace's files or history.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from regdraft.core.errors import Problem, RegdraftError
from regdraft.render.files import new_file

if TYPE_CHECKING:
    from regdraft.workspace.store import Revision, Workspace
    from regdraft.workspace.store_sync import CommitInfo

# The comment keys of workspace format 2 that a regdraft of format 1 drops when it rewrites the file.
KEYS = ("regulation", "order", "sequence", "link", "edited")
NOTE_FILE = "regdraft-dropped-keys.json"  # in the git folder: what sync found, for `check` to repeat
EXAMINED_FILE = "regdraft-dropped-examined"  # in the git folder: the last commit `check` examined for such losses
COMMENT_FILES = ":(glob)amendments/*/comments/*.yaml"


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
        said = (f"Comment {self.comment} ({self.path}) lost {', '.join(self.keys)} in commit {self.commit[:8]} by "
                f"{self.author} (\"{self.subject}\"), made by a regdraft older than the workspace's files (it does not "
                f"know these keys; docs/upgrading.md): {lost}.")
        if back:
            said += (f" `{Command.of('check', repair=True)}` puts back these lines, as they were, in one commit: "
                     + "; ".join(self.shown(line) for line in back) + ".")
        said += "".join(" " + left_sentence(self, key, change) for key, change in changed.items())
        return said + " Upgrade regdraft on that machine before it writes again."

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


def _mapping(ws: Workspace, path: str, rev: str) -> tuple[dict[Any, Any], str] | None:
    """The comment file at `rev` as YAML and as text, or None when it is not there or no mapping."""
    import yaml

    from regdraft.core.frontmatter import load_yaml

    try:
        text = ws.read(path, rev).decode("utf-8")
        data = load_yaml(text)
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
    """The comment files whose format-2 keys one of `commits` removed and HEAD's file still lacks."""
    found: list[Dropped] = []
    for commit in commits:
        if commit.parents != 1:
            continue
        for status, path in commit.files:
            if status != "M" or not _is_comment(path):
                continue
            before, after = _mapping(ws, path, f"{commit.sha}~1"), _mapping(ws, path, commit.sha)
            if before is None or after is None or before[0].get("id") != after[0].get("id"):
                continue
            gone = [k for k in _held(*before) if k not in after[0]]
            now = _mapping(ws, path, "HEAD") if gone else None
            lines = tuple(_line(before[1], k) for k in gone if now is not None and k not in now[0])
            if lines:
                found.append(Dropped(path, str(after[0].get("id")), commit.sha, commit.author, commit.subject, lines))
    return found


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
    and what changed them since: one `git log` of the file for each. A key lost again later is the later loss's."""
    examine(ws)
    path = _note(ws)
    if path is None or not path.is_file():
        return []
    lacking = []
    for dropped in _kept(ws):
        now = _mapping(ws, dropped.path, "HEAD")
        still = tuple(line for line in dropped.lines if now is not None and _key(line) not in now[0])
        if still:
            lacking.append(Dropped(dropped.path, dropped.comment, dropped.commit, dropped.author, dropped.subject,
                                   still))
    losses = {(d.path, d.commit, key) for d in lacking for key in d.keys}
    found = []
    for dropped in lacking:
        since = ws.key_lines(f"{dropped.commit}..HEAD", dropped.keys, f":(literal){dropped.path}", changed_only=False)
        changed: dict[str, Revision] = {}
        later: set[str] = set()
        for change in since:
            for key in {_key(line) for line in (*change.removed, *change.added)} & set(dropped.keys):
                changed[key] = change.revision  # the last one stands
                if (dropped.path, change.revision.sha, key) in losses:
                    later.add(key)
        lines = tuple(line for line in dropped.lines if _key(line) not in later)
        if lines:
            found.append(Outstanding(replace(dropped, lines=lines), {k: changed[k] for k in changed if k not in later}))
    return found


def dropped_keys(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: a warning per comment file found rewritten without keys that it still lacks."""
    return [Problem(loss.sentence(), loss.dropped.path, 1, warning=True) for loss in still_dropped(ws)]

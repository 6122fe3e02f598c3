"""`check --repair` puts back the comment keys an older regdraft dropped (`dropped_keys`): the lines `check` names, as
the file held them before that commit, in one commit the drafter asked for.

Post-conditions of `put_back_dropped`:
1. For each comment file `dropped_keys.still_dropped` names, each line it names is written back into HEAD's file at
   the place the current regdraft writes that key (before the first key written after it), nothing else of the
   file changed; every file put back goes into one commit whose message names each file, its keys and the commit
   that dropped them (the first `IN_MESSAGE` files, and how many more).
2. A file is left as it is, with a sentence saying why and what to do, when its working copy has uncommitted
   changes, when its comment's `id` is no longer the one that lost the keys, or when a commit since the loss set
   or removed the same key (someone decided about it after the loss: theirs stands). With the same key lost twice,
   the later loss is the one put back.
3. A line put back that the reader then does not take leaves the file as it is (said): nothing half mended.
4. Nothing runs unasked: `sync` only names the losses.
"""

from __future__ import annotations

from collections.abc import Sequence

from regdraft.core.comment_yaml import COMMENT_KEYS, read_comment
from regdraft.workspace.dropped_keys import MANY, Outstanding, left_sentence, still_dropped
from regdraft.workspace.store import Workspace, writes


def put_back_dropped(ws: Workspace) -> list[str]:
    """`check --repair`: what was put back (one commit) and each file left as it is, with why; [] when nothing was
    lost."""
    found = still_dropped(ws)
    return _put_back(ws, found) if found else []


@writes
def _put_back(ws: Workspace, found: Sequence[Outstanding]) -> list[str]:
    said: list[str] = []
    by_file: dict[str, list[Outstanding]] = {}
    for loss in found:
        by_file.setdefault(loss.dropped.path, []).append(loss)
    dirty = set(ws.dirty(sorted(by_file)))
    texts = ws.read_each([("HEAD", path) for path in by_file if path not in dirty])  # one batch, however many
    changes: dict[str, bytes | None] = {}
    done: list[str] = []
    for path, losses in sorted(by_file.items()):
        if path in dirty:
            keys = ", ".join(dict.fromkeys(k for loss in losses for k in loss.dropped.keys))
            said.append(f"Left {path} as it is: it has uncommitted changes. Commit or undo them, then repair again to "
                        f"put back {keys}.")
            continue
        text = texts[("HEAD", path)].decode("utf-8") if ("HEAD", path) in texts else ws.read(path, "HEAD").decode()
        now, _ = read_comment(text, path)
        lines: dict[str, str] = {}
        commits: list[str] = []
        for loss in losses:
            dropped = loss.dropped
            if now is None or now.id != dropped.comment:
                holds = f"comment {now.id}" if now else "no comment regdraft reads"
                said.append(f"Left {path} as it is: it holds {holds}, not comment {dropped.comment} that lost "
                            f"{', '.join(dropped.keys)} in commit {dropped.commit[:8]}. Put the lines back by hand if "
                            "they belong to it.")
                continue
            said += [f"Left {key} out of {path}: " + left_sentence(dropped, key, change)
                     for key, change in loss.changed.items()]
            back = {_key(line): line for line in dropped.lines if _key(line) not in loss.changed}
            lines.update(back)
            commits += [dropped.commit[:8]] if back else []
        if not lines:
            continue
        new = _inserted(text, list(lines.values()))
        back_read, _ = read_comment(new, path)
        if back_read is None or not all(getattr(back_read, key) for key in lines):
            said.append(f"Left {path} as it is: with {'; '.join(lines.values())} put back it no longer reads as a "
                        "comment regdraft takes. Put them back by hand, as they were, and commit.")
            continue
        changes[path] = new.encode("utf-8")
        done.append(f"{path} ({', '.join(lines)}; dropped in {', '.join(dict.fromkeys(commits))})")
    if changes:
        sha = ws.commit(changes, "Put back comment keys an older regdraft dropped: " + _named(done, IN_MESSAGE))
        named = _named(done, MANY)
        said.insert(0, f"Put back in commit {sha[:8]} the comment keys an older regdraft dropped: {named}.")
    return said


IN_MESSAGE = 200  # the most files the repair's commit message names one by one: git takes it as one argument


def _named(done: list[str], most: int) -> str:
    """The files put back, the first `most` by name and the others counted: 3,000 named were 180 KB, more than
    one argument may hold (`Argument list too long`), and as many lines on the screen."""
    return "; ".join(done if len(done) <= most + 1 else [*done[:most], f"and {len(done) - most} more files"])


def _key(line: str) -> str:
    return line.split(":", 1)[0]


def _inserted(text: str, lines: list[str]) -> str:
    """`text` with each of `lines` (`key: value`) before the first top-level key written after its key (at the end
    when there is none): where `comment_to_yaml` writes it."""
    rows = text.splitlines(keepends=True)
    end = "\r\n" if rows and rows[0].endswith("\r\n") else "\n"
    if rows and not rows[-1].endswith("\n"):
        rows[-1] += end
    for line in sorted(lines, key=lambda line: COMMENT_KEYS.index(_key(line))):
        after = COMMENT_KEYS[COMMENT_KEYS.index(_key(line)) + 1:]
        at = next((i for i, row in enumerate(rows) if row[:1] not in " \t#-" and _key(row) in after), len(rows))
        rows.insert(at, line + end)
    return "".join(rows)

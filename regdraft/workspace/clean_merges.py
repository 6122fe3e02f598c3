"""A file git merged without a conflict, and wrongly (r38): the sync stops before it sends it.

Lan added an instruction at the end of Điều 2 of an amendment; Minh rewrote the instruction above and added one
after it. git saw two changes apart and merged them without a word, and the result held two instructions numbered
`2\\.` out of order: `sync` said it had succeeded, and sent it to every clone. git merges lines, not instructions:
two drafters adding after one instruction, one renumbering while the other adds, or two edits of a regulation's
numbered clauses can each be right on its own side and wrong together.

Post-conditions of `broken_merges(ws, before, theirs, settled)` (called by `refuse_broken` before every push of a
sync, once git has brought your work (`before`) and the remote's (`theirs`) together: by the sync itself, by
`sync --continue` after a conflict the drafter settled, or by a sync finishing one that was killed meanwhile):
1. Only the files both sides changed since their common commit are read, those the drafter settled (`settled`: the
   files git stopped on in conflict) aside, and only the files regdraft reads as a regulation or an amendment:
   amending documents (`amendments/<slug>/amendment.md`), regulations and their translations
   (`regulations/<file>.md`), their base texts (`regulations/history/<stem>/base.md`) and comments
   (`amendments/<slug>/comments/<id>.yaml`): a sync where the two sides changed different files reads nothing.
2. Such a file is broken by the merge when its merged version has a problem `amend check` finds reading it and
   applying it to each regulation it amends (as they stand after the merge; for a regulation or a base text, reading
   it as `check` does; for a comment, reading it as `comment list` does) and neither side's own version had any
   (each read and applied as it stood on that side). A file one side had broken already is `check`'s to name, not
   the sync's. A signed document's instructions numbered alike are only `amend check`'s warning (the issued text is
   kept as issued): the merge breaks it when it numbers two alike and neither side had that warning.
3. It writes nothing and raises nothing (a file that cannot be read is a problem of that version).
4. When a file is broken, `refuse_broken` puts the branch, index and tracked files back as they were before the
   sync (your work as it was, nothing sent, the remote's not in; untracked files are left alone; a sync that finished
   one killed meanwhile goes back to where that one began, unless commits were made since, which stay) and stops
   with `refusal`: each file broken, its first problems (file, line, instruction) and how to bring the two together
   by hand; after `sync --continue`, also the commit holding what the drafter settled, to take it back from. Both
   sides' versions stay whole: yours on your branch, the remote's on `<remote>/<branch>`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from regdraft.core.amend.layout import KEPT_AS_ISSUED
from regdraft.core.commands import Command
from regdraft.core.errors import ParseError, Problem, RegdraftError, StoreError
from regdraft.core.layout import AMENDMENTS, REGULATIONS

if TYPE_CHECKING:
    from regdraft.workspace.receiving import Receiving
    from regdraft.workspace.resolve import SyncState
    from regdraft.workspace.store import Workspace

SHOWN_PROBLEMS = 3  # the problems of one file named in the refusal; `amend check` names them all


def refuse_broken(ws: Workspace, state: SyncState, start: str, fetched: Receiving | None) -> None:
    """Stop before sending when git merged a file both sides changed without a conflict and broke it: the branch and
    files go back to before the sync (`start`: where it began, an interrupted one's start when it finishes one), and
    so does the note of what an interrupted sync brought in (`fetched`); post-condition 4."""
    from regdraft.workspace.receiving import Receiving
    from regdraft.workspace.resolve import SyncState

    if state.settled is None:
        return  # stopped by a regdraft that did not note which files the drafter settled: sent as settled
    broken = broken_merges(ws, start, state.theirs, state.settled)
    if not broken:
        return
    head = ws.head() or ""
    back = start if start == state.before or ws.replays(start, state.theirs) else state.before
    ws.reset_branch(back)
    SyncState.clear(ws)
    if fetched is not None and back != fetched.before:
        fetched.save(ws)  # what it brought in is still here
    else:
        Receiving.clear(ws)
    raise StoreError(refusal(state.remote, state.branch, broken, state.settled, head))


def broken_merges(ws: Workspace, before: str, theirs: str, settled: tuple[str, ...] = ()
                  ) -> list[tuple[str, list[Problem]]]:
    """Each file both sides changed that git's merge of the two (HEAD) broke where neither side's version was, with
    its problems (see the module); [] when there is none, or nothing was merged."""
    head = ws.head() or ""
    if not before or not theirs or head in (before, theirs):
        return []
    base = ws.merge_base(before, theirs)
    if not base:
        return []
    both = sorted(ws.changed_files(base, before) & ws.changed_files(base, theirs) - set(settled))
    broken: list[tuple[str, list[Problem]]] = []
    present: dict[str, set[str]] = {}  # the files of each commit read, listed once
    for path in both:
        kind = _kind(path)
        if not kind:
            continue
        merged = _problems(ws, path, kind, head, present)
        if not merged:
            continue
        sides = [*_problems(ws, path, kind, before, present), *_problems(ws, path, kind, theirs, present)]
        found = [] if any(not p.warning for p in sides) else [p for p in merged if not p.warning]
        # A signed document's instructions numbered alike are only a warning (kept as issued); numbered so by the
        # merge, and by neither side, they were issued by nobody.
        known = {_unplaced(p) for p in sides if p.warning}
        found += [replace(p, message=p.message.split(f"; {KEPT_AS_ISSUED}")[0] + ": the merge numbered them so, not "
                          "the issued text", warning=False) for p in merged if p.warning and _unplaced(p) not in known]
        if found:
            broken.append((path, sorted(found, key=lambda p: (p.line == 0, p.line))))
    return broken


def _unplaced(problem: Problem) -> str:
    """A numbering warning's sentence without the lines it names, which the other side's lines move."""
    return re.sub(r"\bline \d+", "line", problem.message)


def _kind(path: str) -> str:
    """"amendment", "regulation" (a base text too) or "comment" for the files checked, "" for others."""
    parts = PurePosixPath(path).parts
    if len(parts) == 3 and parts[0] == AMENDMENTS and parts[2] == "amendment.md":
        return "amendment"
    if len(parts) == 4 and parts[0] == AMENDMENTS and parts[2] == "comments" and parts[3].endswith(".yaml"):
        return "comment"
    if (len(parts) == 2 and parts[0] == REGULATIONS and parts[1].endswith(".md")) or \
            (len(parts) == 4 and parts[:2] == (REGULATIONS, "history") and parts[3] == "base.md"):
        return "regulation"
    return ""


def _problems(ws: Workspace, path: str, kind: str, rev: str, present: dict[str, set[str]]) -> list[Problem]:
    """What `check` finds in the file at `rev` (warnings aside), first line first; none when it is not there."""
    if rev not in present:
        present[rev] = ws.files_at(rev)
    if path not in present[rev]:
        return []
    read = {"amendment": _amendment, "regulation": _regulation, "comment": _comment}[kind]
    found = read(ws, path, rev)
    # Warnings aside, but for a signed document's numbering (see `broken_merges`).
    kept = (p for p in found if not p.warning or KEPT_AS_ISSUED in p.message)
    return sorted(kept, key=lambda p: (p.line == 0, p.line))


def _amendment(ws: Workspace, path: str, rev: str) -> list[Problem]:
    """Reading the amending document at `rev`, and applying it to each regulation it amends as it stood then."""
    from regdraft.core.amend.apply import apply
    from regdraft.core.amend.document import PENDING
    from regdraft.workspace.amendments import target_regulation
    from regdraft.workspace.lifecycle import read_with_problems

    try:
        amendment, reading = read_with_problems(ws, PurePosixPath(path).parts[1], rev)
    except ParseError as exc:
        return list(exc.problems) or [Problem(str(exc), path)]
    except RegdraftError as exc:
        return [Problem(str(exc), path)]
    # Its warnings (a signed document's numbering among them), marked as such: the document keeps them apart.
    found = [*reading, *(replace(p, warning=True) for p in amendment.warnings)]
    if amendment.status not in PENDING:
        return found
    for reg_id in amendment.regulations or (amendment.regulation,):
        part = amendment.for_regulation(reg_id)
        try:
            apply(target_regulation(ws, part, rev), part)
        except ParseError as exc:
            found += list(exc.problems) or [Problem(str(exc), path)]
        except RegdraftError as exc:
            found += list(getattr(exc, "problems", ())) or [Problem(str(exc), path)]
    return found


def _regulation(ws: Workspace, path: str, rev: str) -> list[Problem]:
    """Reading the regulation's file at `rev` as `check` reads it."""
    from regdraft.core.markdown import decode
    from regdraft.workspace.parse_cache import read_regulation

    try:
        return list(read_regulation(ws, decode(ws.read(path, rev), path), path).problems)
    except ParseError as exc:
        return list(exc.problems) or [Problem(str(exc), path)]
    except RegdraftError as exc:
        return [Problem(str(exc), path)]


def _comment(ws: Workspace, path: str, rev: str) -> list[Problem]:
    """Reading the comment file at `rev` as `comment list` reads it."""
    from regdraft.core.comment_yaml import read_comment

    try:
        return read_comment(ws.read(path, rev), path)[1]
    except RegdraftError as exc:
        return list(getattr(exc, "problems", ())) or [Problem(str(exc), path)]


def refusal(remote: str, branch: str, broken: list[tuple[str, list[Problem]]], settled: tuple[str, ...] = (),
            kept: str = "") -> str:
    """The sentence the sync stops with: each file, its first problems, and what to do; `settled`, the files the
    drafter settled in a conflict, now in the commit `kept`, to be taken back from it."""
    theirs = f"{remote}/{branch}"
    said = []
    for path, problems in broken:
        more = len(problems) - SHOWN_PROBLEMS
        listed = "\n".join(f"  {p}" for p in problems[:SHOWN_PROBLEMS])
        said.append(f"{path}: git brought your changes and those from {remote} together without a conflict, but the "
                    f"result has {'a problem' if len(problems) == 1 else 'problems'} neither version had:\n{listed}"
                    + (f"\n  ({more} more)" if more > 0 else ""))
    checks = [Command.of("amend check", PurePosixPath(path).parts[1]) if _kind(path) == "amendment"
              else Command.of("check", PurePosixPath(path).stem) for path, _ in broken]
    return ("Refusing to sync: " + "\n".join(said) + "\n\nThe sync stopped before sending anything: your work is as "
            f"it was before it and nothing is lost (the colleague's version is at {theirs}, yours on {branch}). To "
            f"bring the two together by hand: `{Command.git('merge', theirs, switches=('no-commit', 'no-ff'))}`, "
            f"correct {' and '.join(path for path, _ in broken)} as said above, "
            f"`{Command.git('commit', switches=('a', 'no-edit'))}`, check "
            f"{'it' if len(checks) == 1 else 'them'} with {' and '.join(f'`{c}`' for c in checks)}, then "
            f"`{Command.of('sync')}`." + _settled_again(settled, kept))


def _settled_again(settled: tuple[str, ...], kept: str) -> str:
    """What the drafter settled in a conflict, kept in a commit the reset left: how to take it back in the merge."""
    if not settled or not kept:
        return ""
    return (f" That merge stops again on the conflict you settled in {' and '.join(settled)}: what you settled is "
            f"kept in commit {kept[:8]}, and `{Command.git('checkout', kept[:8], '--', *settled)}` takes it back "
            "before the commit.")

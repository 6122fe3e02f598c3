"""A file git merged without a conflict, and wrongly (r38): the sync stops before it sends it.

Lan added an instruction at the end of Điều 2 of an amendment; Minh rewrote the instruction above and added one
after it. git saw two changes apart and merged them without a word, and the result held two instructions numbered
`2\\.` out of order: `sync` said it had succeeded, and sent it to every clone. git merges lines, not instructions:
two drafters adding after one instruction, one renumbering while the other adds, or two edits of a regulation's
numbered clauses can each be right on its own side and wrong together.

Post-conditions of `broken_merges(ws, before, theirs)` (called by `sync` once git has brought your work (`before`)
and the remote's (`theirs`) together, before anything is sent):
1. Only the files both sides changed since their common commit are read, and only amending documents
   (`amendments/<slug>/amendment.md`) and regulations (`regulations/<file>.md`): a sync where the two sides changed
   different files reads nothing.
2. Such a file is broken by the merge when its merged version has a problem `amend check` finds reading it and
   applying it to each regulation it amends (as they stand after the merge; for a regulation, reading it as `check`
   does) and neither side's own version had any (each read and applied as it stood on that side). A file one side
   had broken already is `check`'s to name, not the sync's.
3. It writes nothing and raises nothing (a file that cannot be read is a problem of that version). When a file is
   broken, `sync` puts the branch, index and tracked files back as they were before it (your work as it was,
   nothing sent, the remote's not in; untracked files are left alone) and stops with `refusal`: each file broken,
   its first problems (file, line, instruction) and how to bring the two together by hand. Both sides' versions
   stay whole: yours on your branch, the remote's on `<remote>/<branch>`.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import ParseError, Problem, RegdraftError
from regdraft.core.layout import AMENDMENTS, REGULATIONS

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace

SHOWN_PROBLEMS = 3  # the problems of one file named in the refusal; `amend check` names them all


def broken_merges(ws: Workspace, before: str, theirs: str) -> list[tuple[str, list[Problem]]]:
    """Each file both sides changed that git's merge of the two (HEAD) broke where neither side's version was, with
    its problems (see the module); [] when there is none, or nothing was merged."""
    head = ws.head() or ""
    base = ws.merge_base(before, theirs) if before and theirs else None
    if not base or head in (before, theirs):
        return []
    both = sorted(ws.changed_files(base, before) & ws.changed_files(base, theirs))
    broken: list[tuple[str, list[Problem]]] = []
    present: dict[str, set[str]] = {}  # the files of each commit read, listed once
    for path in both:
        kind = _kind(path)
        if not kind:
            continue
        merged = _problems(ws, path, kind, head, present)
        if merged and not _problems(ws, path, kind, before, present) and \
                not _problems(ws, path, kind, theirs, present):
            broken.append((path, merged))
    return broken


def _kind(path: str) -> str:
    """"amendment" or "regulation" for the files checked, "" for others."""
    parts = PurePosixPath(path).parts
    if len(parts) == 3 and parts[0] == AMENDMENTS and parts[2] == "amendment.md":
        return "amendment"
    if len(parts) == 2 and parts[0] == REGULATIONS and parts[1].endswith(".md"):
        return "regulation"
    return ""


def _problems(ws: Workspace, path: str, kind: str, rev: str, present: dict[str, set[str]]) -> list[Problem]:
    """What `check` finds in the file at `rev` (warnings aside), first line first; none when it is not there."""
    if rev not in present:
        present[rev] = ws.files_at(rev)
    if path not in present[rev]:
        return []
    found = _amendment(ws, path, rev) if kind == "amendment" else _regulation(ws, path, rev)
    return sorted((p for p in found if not p.warning), key=lambda p: (p.line == 0, p.line))


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
    found = list(reading)
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


def refusal(remote: str, branch: str, broken: list[tuple[str, list[Problem]]]) -> str:
    """The sentence the sync stops with: each file, its first problems, and what to do."""
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
            f"`{Command.of('sync')}`.")

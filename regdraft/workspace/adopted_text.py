"""Whether an amendment's text is the one an adoption adopted, and what differs when it is not (r37 sweep BP F1, F2).

`amend adopt` changes an amendment's front matter only (its status and its dates) and the texts it amends; the
document's text, everything after the front matter, stays as it was. Two ways a sync lost the wording adopted:
1. A remote commit titled as an adoption that also rewrote the instructions (one commit shortening the document from
   14 instructions to 1 and adopting it, with your dates) passed as an adoption, since its regulation read as that
   commit's amendment applied (`adoption_proof`). Your adoption was replayed on top of it: a second adoption commit
   on the remote, the regulation amended by 14 instructions and the amendment holding 1, `check` failing there, and
   the report saying "To origin: nothing to send". `rewrites` names such a commit: it proves no adoption.
2. A colleague changed the text and adopted it; yours, of the text as you had it, was set aside as a matter of
   dates, and 13 of its 14 changes left the regulation. Or the remote changed the text without adopting it, and your
   adoption replayed on the new text marked it adopted while the regulation read as the text you adopted.
   `difference` says how two texts differ; `changed_by` names the commits that changed one (`double_adoption`
   refuses such a sync before git starts).

Post-conditions:
1. Texts are compared as regdraft reads them (`markdown.decode`: line ends, byte order mark, NFC), everything after
   the front matter; two that differ only in how they are written (the same document in canonical form,
   `render_amendment`) are the same.
2. `difference(ws, slug, old, new, name)` is None when the texts at `old` and `new` are the same, or either cannot be
   read there (git goes on as before); else a clause: the numbers of instructions when they differ and the first
   instruction added, changed, removed or renumbered (`instruction_changes`), or, when no instruction differs or
   either does not read, the first line that differs, quoted from both.
3. Cost: each text read once a revision and a commit (at most `HISTORY_BYTES` each, a larger one not read); the two
   documents parsed only when their texts differ. Nothing is written.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from regdraft.core.counts import count as counted
from regdraft.core.errors import RegdraftError
from regdraft.core.layout import amendment_path
from regdraft.core.markdown import decode
from regdraft.core.text import excerpt, shown_name, shown_text
from regdraft.workspace.store_history import HISTORY_BYTES

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.workspace.store import CommitInfo, Workspace

QUOTED_LINE = 80  # the characters of a differing line a message quotes


@dataclasses.dataclass(frozen=True, slots=True)
class _Text:
    """An amendment's text at a revision: the lines after its front matter, how many lines come before them, and
    those lines (the front matter with its `---` lines)."""

    lines: tuple[str, ...]
    before: int
    head: tuple[str, ...] = ()


def text_at(ws: Workspace, slug: str, rev: str | None) -> _Text | None:
    """The amendment's text at `rev` (None: the working file), its lines after the front matter; None when it cannot
    be read there, or is over `HISTORY_BYTES` in the history."""
    relative = amendment_path(slug)
    try:
        if rev is not None and ws.size(relative, rev) > HISTORY_BYTES:
            return None
        lines = decode(ws.read(relative, rev), relative).split("\n")
    except RegdraftError:
        return None
    end = 0
    if lines and lines[0].rstrip() == "---":
        end = next((i + 1 for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)
    return _Text(tuple(lines[end:]), end, tuple(lines[:end]))


def rewrites(ws: Workspace, slug: str, found: CommitInfo) -> str:
    """What makes `found`, a commit titled as an adoption of `slug`, no adoption `amend adopt` made: it also changes
    the amendment's text (not only its front matter); "" when it does not."""
    if not any(path == amendment_path(slug) for _, path in found.files):
        return ""
    clause = difference(ws, slug, f"{found.sha}^", found.sha, "the text before it")
    if clause is None:
        return ""
    return (f"the commit saying so ({found.sha[:8]} by {shown_name(found.author)}) also rewrites the text of "
            f"{shown_name(slug)}, which an adoption never does (it sets the status and dates in its front matter "
            f"only): it has {clause}")


def changed_by(ws: Workspace, slug: str, commits: list[CommitInfo]) -> list[CommitInfo]:
    """The commits among `commits` that change the text of the amendment `slug` (not only its front matter)."""
    relative = amendment_path(slug)
    found = []
    for commit in commits:
        if commit.parents != 1 or not any(path == relative for _, path in commit.files):
            continue
        before, after = text_at(ws, slug, f"{commit.sha}^"), text_at(ws, slug, commit.sha)
        if before is None or after is None or before.lines != after.lines:
            found.append(commit)
    return found


def named(commits: list[CommitInfo], most: int = 3) -> str:
    """`e8b92150 by Minh (“shorten”)`: each commit (up to `most`, the rest counted), as a message names it."""
    said = [f"{c.sha[:8]} by {shown_name(c.author)} ({excerpt(shown_text(c.subject), limit=QUOTED_LINE)})"
            for c in commits[:most]]
    more = len(commits) - most
    return ", ".join(said) + (f" and {counted(more, 'other commit', plural_form='other commits')}" if more > 0 else "")


def difference(ws: Workspace, slug: str, old: str, new: str | None, name: str) -> str | None:
    """How the text of `slug` at `new` (None: the working file) differs from the one at `old`, called `name`
    (post-condition 2)."""
    ours, theirs = text_at(ws, slug, old), text_at(ws, slug, new)
    if ours is None or theirs is None or ours.lines == theirs.lines:
        return None
    before, after = _parsed(ws, slug, old), _parsed(ws, slug, new)
    if before is not None and after is not None:
        from regdraft.core.amend.document import render_amendment
        from regdraft.core.amend.instruction_changes import instruction_changes, worded

        if render_amendment(dataclasses.replace(before, front_matter="")) == \
                render_amendment(dataclasses.replace(after, front_matter="")):
            return None  # written otherwise, the same document
        said = worded(instruction_changes(before, after), before, after)
        if said:
            counts = (f"{counted(_count(after), 'instruction')} where {name} has {_count(before)}; "
                      if _count(after) != _count(before) else "")
            others = counted(len(said) - 1, "other change", plural_form="other changes")
            more = f", and {others}" if len(said) > 1 else ""
            return f"{counts}{said[0]}{more}"
    return _first_line(ours, theirs, slug, name)


def _first_line(ours: _Text, theirs: _Text, slug: str, name: str) -> str:
    """`line 54 of amendments/x/amendment.md reading “…” where the text before it reads “…”`."""
    at = next((i for i, (one, other) in enumerate(zip(ours.lines, theirs.lines, strict=False)) if one != other),
              min(len(ours.lines), len(theirs.lines)))

    def quoted(text: _Text) -> str:
        return excerpt(shown_text(text.lines[at]), limit=QUOTED_LINE) if at < len(text.lines) else "nothing (it ends)"

    return (f"line {theirs.before + at + 1} of {amendment_path(shown_name(slug))} reading {quoted(theirs)} where "
            f"{name} reads {quoted(ours)}")


def _parsed(ws: Workspace, slug: str, rev: str | None) -> Amendment | None:
    from regdraft.workspace.lifecycle import read_with_problems

    try:
        return read_with_problems(ws, slug, rev)[0]
    except RegdraftError:
        return None


def _count(amendment: Amendment) -> int:
    """The numbered instructions of every amending article of the document."""
    return len(amendment.instructions) + sum(len(part.instructions) for part in amendment.others)

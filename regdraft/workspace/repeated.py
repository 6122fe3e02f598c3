"""Comments recorded twice (`core.repeats`): `comment add` refuses one, `check` warns of each pair in a round, and
`sync` says when the work it brought in repeats a comment recorded here.

Two clones each typing in one body's letter, or importing one sheet, record the same comment twice, and the comment
report counted it twice without a word: the office answers one and records the other as withdrawn.

Post-conditions:
1. `refuse_repeat` raises one `RegdraftError` naming the comment recorded before, whose `options` name `force`.
2. `repeated_comments` is one warning per comment that repeats an earlier one of its round (withdrawn ones aside), in
   amendments not adopted (their reports were submitted), located on its file and naming both ids; and one per set of
   copies of a comment all answered as withdrawn (`core.repeats.withdrawn_copies`), on the first copy's file.
3. `arrived_repeats` is one note per pair of a comment added by the commits given and one recorded by others that
   repeat each other, naming as the one to withdraw the later of the two in the order comments list in
   (`core.comment_order`): what the two files hold, so every clone names the same copy. Naming the copy that came
   in, each of two clones told its drafter to withdraw the other's, and both copies were withdrawn (r37 sweep BQ 1).
4. `around` reads each comment file at most once (none this process read unchanged) and parses each at most once,
   only those holding the new comment's longest words or the second's stamp; `created` and `sequence` are those
   the parsed file holds, never lines of its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.comments import GENERAL, Comment, Disposition
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.layout import comments_folder
from regdraft.core.model import Address
from regdraft.core.repeats import recorded_as, repeats, withdrawn_copies
from regdraft.workspace.amendments import load_comments, survey
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.workspace.store_sync import CommitInfo


@dataclass(frozen=True, slots=True)
class Around:
    """What the comments recorded tell of one about to be recorded at `when` (`around`): those that could repeat it,
    and the highest `sequence` among those recorded in that second (None: none was; `core.comment_order`)."""

    holding: tuple[Comment, ...]
    highest: int | None


def refuse_repeat(comment: Comment, around: Around) -> None:
    """Refuse to record `comment` when its round holds it already (the same body, provision, text and proposal)."""
    earlier = recorded_as(comment, around.holding)
    if earlier is None:
        return
    withdrawn = " (answered as withdrawn)" if earlier.disposition is Disposition.WITHDRAWN else ""
    raise RegdraftError(
        f"Comment {earlier.id}{withdrawn} by {earlier.by} on {_where(earlier)} in round {earlier.round} already says "
        "this, with the same text and proposal, so nothing was recorded (the report would count it twice); record it "
        "again only if the body did send it twice.", options=("force",))


def around(ws: Workspace, slug: str, comment: Comment, when: str, repeats: bool = True) -> Around:
    """One reading of the amendment's comment files for `comment`, about to be recorded at `when`: with `repeats`, the
    comments whose file holds its longest words, read (only they can repeat it: spacing and bold or italic marks never
    cut a word), and the highest `sequence` in that second, of the files whose bytes hold its stamp, read (the same
    single reading). Reading all 2,000 comments of a round made every `comment add` 2.3 times slower (sweep r26/U),
    and reading them all a second time for the second half as slow again; a file that does not read is left to
    `check`. The second and its places were once found by a pattern over the bytes, where a comment's quoted text
    could hold lines `created: …` and `sequence: 9…9` of 4,301 digits, and every `comment add` then crashed writing
    the next (r32 sweep AW F1)."""
    from regdraft.core.comment_order import highest_sequences
    from regdraft.core.comment_yaml import read_comment
    from regdraft.core.inline import plain
    from regdraft.workspace.amendments import comment_files
    from regdraft.workspace.comment_cache import unchanged

    words = re.findall(r"\w+", plain(comment.text))
    if repeats and not words:
        every = load_comments(ws, slug, [])
        return Around(tuple(every), highest_sequences(every).get(when))
    needles = [w.encode("utf-8") for w in sorted(set(words), key=len, reverse=True)[:8]] if repeats else []
    stamp = when.encode("utf-8")
    found: list[Comment] = []
    highest: int | None = None
    for path, info in comment_files(ws, slug):
        kept = unchanged(str(ws.root), path, info) if info is not None else None
        if kept is not None:  # read before in this process (the review server's): not read again under the lock
            if (known := kept[0]) is not None:
                found += [known] if repeats else []
                highest = max(highest or 0, known.sequence) if known.created == when else highest
            continue
        try:
            data = ws.read(path)
        except RegdraftError:
            continue
        holds = bool(needles) and all(n in data for n in needles)
        if not holds and stamp not in data:
            continue
        try:
            read = read_comment(data, path)[0]
        except RegdraftError:
            continue
        if read is None:
            continue
        found += [read] if holds else []
        highest = max(highest or 0, read.sequence) if read.created == when else highest
    return Around(tuple(found), highest)


def repeated_comments(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: a warning at each comment repeating an earlier one of its round (see the module)."""
    problems = []
    for entry in survey(ws):
        amendment = entry.amendment
        if amendment is None or amendment.status == "adopted" or not amends(ws, amendment.regulations, name):
            continue
        try:
            comments = load_comments(ws, entry.slug, [])  # a file that does not read: `late_comments` names it
        except RegdraftError:
            continue
        for later, earlier in repeats(comments):
            problems.append(Problem(
                f"comment {later.id} by {later.by} on {_where(later)} in round {later.round} repeats comment "
                f"{earlier.id} (the same body, provision, text and proposal; recorded twice, perhaps in two clones), "
                "so the report counts it twice: answer one and record the other as withdrawn "
                f"(`{Command.of('comment respond', later.id, disposition='withdrawn', reply=None)}`).",
                f"{comments_folder(entry.slug)}/{later.id}.yaml", 1, warning=True))
        problems += [_all_withdrawn(entry.slug, copies) for copies in withdrawn_copies(comments)]
    return problems


def _all_withdrawn(slug: str, copies: tuple[Comment, ...]) -> Problem:
    """The warning for a comment recorded more than once whose every copy is answered as withdrawn: two clones each
    withdrew the copy the other kept (r37 sweep BQ 1), and the body's comment left the report as withdrawn."""
    first, *others = copies
    ids = ", ".join(c.id for c in others)
    return Problem(
        f"comment {first.id} by {first.by} on {_where(first)} in round {first.round} and {ids}, the same comment "
        f"recorded {len(copies)} times, are all answered as withdrawn: the report lists the body's comment as "
        "withdrawn by the body (Đã rút ý kiến) and counts the body as agreeing. Unless the body took it back, answer "
        f"{first.id} as the office decided "
        f"(`{Command.of('comment respond', first.id, disposition=None, reply=None)}`).",
        f"{comments_folder(slug)}/{first.id}.yaml", 1, warning=True)


def arrived_repeats(ws: Workspace, remote: str, commits: Sequence[CommitInfo]) -> list[str]:
    """A note for each comment the commits added (work that came in) that repeats a comment recorded here."""
    added: dict[str, set[str]] = {}
    for commit in commits:
        for status, path in commit.files:
            parts = PurePosixPath(path).parts
            if status == "A" and len(parts) == 4 and parts[0] == "amendments" and parts[2] == "comments":
                added.setdefault(parts[1], set()).add(PurePosixPath(path).stem)
    notes = []
    for slug, ids in sorted(added.items()):
        try:
            comments = load_comments(ws, slug)
        except RegdraftError:
            continue  # `check` names a file that does not read
        for later, earlier in repeats(comments):  # in the order they list in, which every clone shares
            if (later.id in ids) == (earlier.id in ids):
                continue  # both came in, or both were here: `check` names the pair
            came, here = (later, earlier) if later.id in ids else (earlier, later)
            notes.append(f"Comment {came.id} from {remote} ({came.by}, {_where(came)}, round {came.round}) repeats "
                         f"comment {here.id} recorded here, so the report would count it twice: answer {earlier.id} "
                         f"and record {later.id} as withdrawn, the copy listed later, which every clone names "
                         f"(`{Command.of('comment respond', later.id, disposition='withdrawn', reply=None)}`).")
    return notes


def _where(c: Comment) -> str:
    """The provision as a sentence names it (`khoản 2 Điều 5`), with the regulation when not the main one."""
    of = f" of {c.regulation}" if c.regulation else ""
    return ("the draft as a whole" if c.on == GENERAL else Address.parse(c.on).describe("vi")) + of


def amends(ws: Workspace, regulations: Sequence[str], name: str | None) -> bool:
    """Whether the amendment amends the regulation `check` was given (any, when none was)."""
    if name is None:
        return True
    try:
        wanted = ws.locate_regulation(name)
        return any(ws.locate_regulation(r) == wanted for r in regulations)
    except RegdraftError:
        return False

"""The same comment recorded twice: one rule for a sheet imported again, a form sent again, `comment add`, `check`
and what `sync` brings in.

A comment repeats another when both are of the same round, body (`body_key`: case, spacing and tone placement
aside), regulation and provision, are on the same words selected (`Comment.selection`: `Nhất trí.` on two passages of
a clause is two comments) and say the same text and proposal (as the report shows them: bold and italic markers,
spacing and invisible characters aside), and are not from two different people (`same_person`). Two clones
recording one body's letter, or importing one sheet, make such a pair, and the comment report counts it twice. Two
members of one body who each send the same words (two access links: `Nhất trí.`) are two comments: the second was
taken for the first sent again, not recorded, and told it had sent the form twice.

Post-conditions:
1. `a` repeats `b` exactly when `comment_key(a) == comment_key(b)` (ids, dates, authors and answers aside) and
   `same_person(a, b)`: their authors are the same person, or one of them names none (a sheet without a person
   column, `comment add` without one) and may be either.
2. `recorded_as(c, comments)` is the first of `comments` that `c` repeats (its own id aside), or None.
3. `repeats(comments)` pairs each comment with the first one before it (in the order given) that it repeats, both
   not withdrawn: a pair one of which is withdrawn counts once, and is settled. One pass, dict lookups.
4. `withdrawn_copies(comments)` is each set of two or more comments that repeat one another (one person's, or naming
   nobody), every one of them withdrawn: the body's comment, recorded twice, answered as withdrawn twice. In the order
   given.
5. `Threads(recorded).holding(c)` is a comment of `recorded` of which `c` is one comment of a Word thread imported
   as one (`thread_parts`): the same round, body, regulation and provision, `c`'s author the person of that comment
   and `c`'s words its words, `c`'s proposal none or the recorded one's. Each comment of a thread answers once.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from regdraft.core.comments import Comment, Disposition, body_key
from regdraft.core.inline import plain
from regdraft.core.text import visible

Key = tuple[int, str, str, str, str, str, str]


def comment_key(c: Comment) -> Key:
    """What two comments share when one repeats the other (see the module)."""
    return c.round, body_key(c.by), c.regulation, c.on, _words(c.selection), _words(c.text), _words(c.proposal)


def same_person(a: Comment, b: Comment) -> bool:
    """False only when both name who wrote them, and the names differ (case and spacing aside)."""
    return not a.author or not b.author or person_key(a.author) == person_key(b.author)


def person_key(name: str) -> str:
    """A person's name compared: case and spacing aside."""
    return " ".join(name.split()).casefold()


def _words(text: str) -> str:
    # The text as the report's cell shows it: bold and italic are the cell's, not `**` (`inline.plain`). Without the
    # invisible characters: a comment recorded with a soft hyphen before r37 is the one a sheet holds without it.
    return " ".join(visible(plain(text)).split())


def recorded_as(c: Comment, comments: Iterable[Comment]) -> Comment | None:
    """The first of `comments` that `c` repeats, or None."""
    key = comment_key(c)
    return next((other for other in comments if other.id != c.id and comment_key(other) == key
                 and same_person(c, other)), None)


def repeats(comments: Iterable[Comment]) -> list[tuple[Comment, Comment]]:
    """(comment, the earlier comment it repeats) for each comment repeating one before it, withdrawn ones aside."""
    # The first comment kept of each key: of any author, naming nobody, and of each person (with its place in the
    # order given): a dict lookup each, never a scan of the comments kept (20,000 members' same words were quadratic).
    anyone: dict[Key, tuple[int, Comment]] = {}
    nobody: dict[Key, tuple[int, Comment]] = {}
    person: dict[tuple[Key, str], tuple[int, Comment]] = {}
    found = []
    for n, c in enumerate(comments):
        if c.disposition is Disposition.WITHDRAWN:
            continue
        key = comment_key(c)
        if not c.author:  # naming nobody, it may be anyone's: the first kept of its key
            earlier = anyone.get(key)
        else:  # the first kept of the same person, or of nobody
            candidates = [e for e in (person.get((key, person_key(c.author))), nobody.get(key)) if e is not None]
            earlier = min(candidates, key=lambda e: e[0]) if candidates else None
        if earlier is not None:
            found.append((c, earlier[1]))
            continue
        anyone.setdefault(key, (n, c))
        if c.author:
            person.setdefault((key, person_key(c.author)), (n, c))
        else:
            nobody.setdefault(key, (n, c))
    return found


def withdrawn_copies(comments: Iterable[Comment]) -> list[tuple[Comment, ...]]:
    """Each set of comments repeating one another whose every copy is withdrawn (see the module, 4)."""
    groups: dict[Key, list[tuple[int, Comment]]] = {}
    for n, c in enumerate(comments):
        groups.setdefault(comment_key(c), []).append((n, c))
    found: dict[tuple[int, ...], tuple[Comment, ...]] = {}
    for group in groups.values():
        if sum(c.disposition is Disposition.WITHDRAWN for _, c in group) < 2:
            continue
        nobody = [(n, c) for n, c in group if not c.author]
        people: dict[str, list[tuple[int, Comment]]] = {}
        for n, c in group:
            if c.author:
                people.setdefault(person_key(c.author), []).append((n, c))
        for copies in [sorted([*named, *nobody], key=lambda e: e[0]) for named in people.values()] or [nobody]:
            if len(copies) > 1 and all(c.disposition is Disposition.WITHDRAWN for _, c in copies):
                found[tuple(n for n, _ in copies)] = tuple(c for _, c in copies)
    return [found[places] for places in sorted(found)]


def thread_parts(c: Comment, headings: Container[str] = ()) -> list[tuple[str, str]]:
    """The comments of a Word thread imported as one (`core.replies.joined_thread`: the first comment's words, then
    each reply's on lines opening with its writer's name, the author naming each person once), as (person, words);
    a comment of one person, itself. A first line among `headings` (a reply imported apart opens naming the comment
    it answers) is no comment's words."""
    names = [n.strip() for n in c.author.split(",") if n.strip()] or [""]
    openings = [(n, f"{n}: ") for n in names if n]
    lines = c.text.split("\n")
    parts: list[tuple[str, list[str]]] = [(names[0], [])]
    for k, line in enumerate(lines[1:] if len(lines) > 1 and lines[0] in headings else lines):
        said = next(((n, line[len(o):]) for n, o in openings if k and line.startswith(o)), None)
        if said is not None:
            parts.append((said[0], [said[1]]))
        else:
            parts[-1][1].append(line)
    return [(person, "\n".join(words)) for person, words in parts]


ThreadKey = tuple[int, str, str, str, str, str]


class Threads:
    """The comments recorded, by each comment of a Word thread they were imported from (see the module, 4)."""

    def __init__(self, recorded: Iterable[Comment], headings: Container[str] = ()) -> None:
        self._parts: dict[ThreadKey, list[Comment]] = {}
        for c in recorded:
            for person, words in dict.fromkeys(thread_parts(c, headings)):
                self._parts.setdefault(self._key(c, person, words), []).append(c)

    @staticmethod
    def _key(c: Comment, person: str, words: str) -> ThreadKey:
        return c.round, body_key(c.by), c.regulation, c.on, person_key(person), _words(words)

    def holding(self, c: Comment) -> Comment | None:
        """The recorded comment of which `c` is one comment of its thread, not answered before; None when none is."""
        same = self._parts.get(self._key(c, c.author, c.text), [])
        found = next((k for k, was in enumerate(same) if not c.proposal or _words(c.proposal) == _words(was.proposal)),
                     None)
        return None if found is None else same.pop(found)

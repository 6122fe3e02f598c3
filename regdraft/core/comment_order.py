"""The order comments were made in, which every list of them follows (`comment list`, the report, the review pages).

A comment's `created` is to the second, so it alone cannot order two comments recorded in one second (two `comment
add` typed quickly, the review server's members, an import after an add): ties went by the random ids (A1, A3, A2).
Each write recording comments in a second that already holds some gives them the next `sequence` of that second;
the comments of one write (an import) share it and keep their place in the import (`order`). Pure core.

`created` is a true moment with its offset (`2025-07-10T09:00:37+07:00`), as regdraft writes it, a Word comment's too
when the file gives its true UTC (`importer.word_dates`), so comments recorded on machines in two time zones, or typed
in and imported from Word, list as they were made. A Word date without its true UTC is the reviewer's local time marked
`Z` (`09:00:00Z` for Vietnam's 09:00; regdraft never writes `Z` itself): it is read as that time in the offset most of
the comments carry (`usual_offset`: the office's), so it lists among them as it always did, when they were compared
as text.

Post-conditions:
1. `made_order` sorts by the moment of `created` (a value marked `Z`, or with no offset, read in `local`), then
   `created` as written, then `sequence`, then `order`, then id: comments recorded by one workspace list in the
   order they were recorded; those of two clones recorded in the same second and merged (each numbered without the
   other) list in a stable order, by id where nothing else tells them apart. Comments whose offsets are all one
   (the office's) and Word dates marked `Z` list as they did when `created` was compared as text.
   `in_made_order` sorts by round, then so, reading `Z` in the comments' `usual_offset`.
2. `after_recorded` changes only `sequence`, and only of comments whose second holds a comment recorded before:
   the first write of a second writes its files as before (no `sequence` key).
3. `next_sequence` is at most `MAX_SEQUENCE`, which a comment file may hold (`core.comment_yaml`): what a write
   numbers reads back, whatever the files hold.
4. A `created` that names no real day and time (`2025-02-30T10:00:00`, `25:00`, Arabic-Indic digits, a list) is an
   unknown time (`made_at`): listed as a comment with none is (first), and shown as none; the file keeps it as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from regdraft.core.comments import Comment

MAX_SEQUENCE = 1_000_000
"""The highest place in a second a comment file may hold: no second records that many comments, and a received file
holding 4,301 digits made every `comment add` of that second write a number Python cannot print (r32 sweep AW F1)."""


# A time regdraft or Word writes: a date, perhaps a time to the minute or second, perhaps an offset or `Z`.
_MADE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
                   r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?")  # `+0700` too, as a script may write it


def made_at(created: str) -> str:
    """`created` as a time a comment was made, stripped: "" (unknown) when it names no real day and time in ASCII
    digits (post-condition 4)."""
    text = created.strip() if isinstance(created, str) else ""
    if not _MADE.fullmatch(text):
        return ""
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return ""
    return text


def next_sequence(highest: int) -> int:
    """The place in a second after `highest`, the highest recorded there (kept at `MAX_SEQUENCE`)."""
    return min(highest + 1, MAX_SEQUENCE)


def made_order(c: Comment, local: dt.tzinfo = dt.UTC) -> tuple[str, str, int, int, str]:
    """The key listing comments in the order they were made (see the module); `local` is the offset a Word date
    without its true UTC (marked `Z`) is read in."""
    return _moment(made_at(c.created), local), made_at(c.created), c.sequence, c.order, c.id


def in_made_order(comments: Iterable[Comment]) -> list[Comment]:
    """The comments by round, then in the order they were made, a Word date marked `Z` read in their
    `usual_offset`."""
    listed = list(comments)
    local = usual_offset(listed)
    return sorted(listed, key=lambda c: (c.round, *made_order(c, local)))


def usual_offset(comments: Iterable[Comment]) -> dt.tzinfo:
    """The offset most of the comments' times are written with (`+07:00`: the office's); UTC when none has one
    (of two as common, the one further east, whatever order the comments come in)."""
    offsets = Counter(offset for c in comments if (offset := _offset(c.created)) is not None)
    if not offsets:
        return dt.UTC
    return dt.timezone(max(offsets, key=lambda offset: (offsets[offset], offset)))


def word_minute(created: str) -> str:
    """The minute a Word comment's time names on the reviewer's clock: the same for Word's `w:date` (`…T09:00:00Z`)
    and for the true moment read with it (`…T09:00:37+07:00`), so a comment imported before its true UTC was read
    is the same comment."""
    return created.strip()[:16]


def _offset(created: str) -> dt.timedelta | None:
    """The offset a time is written with; None for one marked `Z` (Word's local time), without one, or unreadable."""
    text = created.strip()
    if not text or text.endswith(("Z", "z")):
        return None
    try:
        return dt.datetime.fromisoformat(text).utcoffset()
    except ValueError:
        return None


def _moment(created: str, local: dt.tzinfo) -> str:
    """`created` as the UTC moment it names, to sort by (`Z` and no offset read in `local`, or as UTC when that moment
    is past year 1 or 9999); as written when it is no time."""
    text = created.strip()
    try:
        moment = dt.datetime.fromisoformat(text[:-1] if text.endswith(("Z", "z")) else text)
    except ValueError:
        return created
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local)
    try:
        moment = moment.astimezone(dt.UTC)
    except OverflowError:  # read in `local`, a time of 1 January of year 1 or 31 December 9999 is past either end
        pass
    return moment.replace(tzinfo=None).isoformat(timespec="seconds")


def highest_sequences(recorded: Iterable[Comment]) -> dict[str, int]:
    """Per second (`created`) holding comments `recorded`, the highest `sequence` among them."""
    highest: dict[str, int] = {}
    for c in recorded:
        highest[c.created] = max(highest.get(c.created, 0), c.sequence)
    return highest


def after_recorded(made: Sequence[Comment], recorded: Iterable[Comment]) -> list[Comment]:
    """The comments `made` by one write, each after those `recorded` before in its second (the next `sequence`)."""
    highest = highest_sequences(recorded)
    return [replace(c, sequence=next_sequence(highest[c.created])) if c.created and c.created in highest else c
            for c in made]

"""When a Word comment was written, as a true moment: Word writes a comment's `w:date` as the reviewer's local time
marked `Z` (Vietnam's 09:00 as `09:00:00Z`), and newer Word the true UTC beside it, in commentsExtensible.xml.

A comment's paragraphs carry `w14:paraId`; commentsIds.xml maps a paragraph id to the comment's `durableId`, and
commentsExtensible.xml gives each `durableId` its `dateUtc`. Used by `regdraft.importer.word_reply`.

Post-conditions of `true_moments`:
1. Each Word comment (by its `w:id`) whose true UTC the file gives has its moment, with the offset its own `w:date`
   shows (`2025-07-10T09:00:37+07:00` for `w:date` 09:00:00Z and `dateUtc` 02:00:37Z: the offset is the difference,
   to the nearest quarter hour), or `+00:00` when `w:date` cannot be read.
   regdraft never writes `Z` itself: a `created` marked `Z` is a Word date without its true UTC (`comment_order`).
2. A comment without one (older Word, LibreOffice, a part missing, cut or unreadable) is not in it; nor is one whose
   true UTC stands more than 14 hours from its `w:date` (no time zone is that far: the two are not one moment) or
   names a moment no date can hold (`9999-12-31T20:00:00Z` beside `w:date` 23:59:59Z). Nothing raises.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_CID = "{http://schemas.microsoft.com/office/word/2016/wordml/cid}"
_CEX = "{http://schemas.microsoft.com/office/word/2018/wordml/cex}"
_QUARTER = 15 * 60
_FARTHEST = 14 * 60 * 60  # the farthest a time zone stands from UTC


def true_moments(read_part: Callable[[str], Any | None], comments: Any | None) -> dict[str, str]:
    """Each Word comment's true moment, by its id (post-conditions 1, 2); `read_part` reads a part of the package
    by its name (None when it has none), `comments` is the comments part read."""
    from lxml.etree import XMLSyntaxError

    if comments is None:
        return {}
    try:
        ids, extensible = read_part("/word/commentsIds.xml"), read_part("/word/commentsExtensible.xml")
    except (XMLSyntaxError, ValueError):
        return {}
    if ids is None or extensible is None:
        return {}
    durable = {pid: d for c in ids.iter(f"{_CID}commentId")
               if (pid := c.get(f"{_CID}paraId")) and (d := c.get(f"{_CID}durableId"))}
    utc = {d: when for c in extensible.iter(f"{_CEX}commentExtensible")
           if (d := c.get(f"{_CEX}durableId")) and (when := c.get(f"{_CEX}dateUtc"))}
    found: dict[str, str] = {}
    for element in comments.iter(f"{_W}comment"):
        # Word links the comment's last paragraph; any of its paragraphs is taken.
        pids = [pid for p in element.iter(f"{_W}p") if (pid := p.get(f"{_W14}paraId"))]
        when = next((utc[durable[pid]] for pid in reversed(pids) if durable.get(pid) in utc), None)
        moment = true_moment(element.get(f"{_W}date") or "", when) if when else ""
        if moment:
            found[element.get(f"{_W}id") or ""] = moment
    return found


def true_moment(local: str, utc: str) -> str:
    """The moment `utc` (Word's `dateUtc`) with the offset of `local` (Word's `w:date`: local time marked `Z`), to the
    second; empty when `utc` cannot be read, names no moment a date can hold (year 9999 with an offset past it), or
    stands farther from `local` than any time zone from UTC (the two cannot be one moment: `w:date` is kept)."""
    try:
        moment = dt.datetime.fromisoformat(utc.strip())
        moment = moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return ""
    try:
        wall = dt.datetime.fromisoformat(local.strip()).replace(tzinfo=None)
        seconds = (wall - moment.replace(tzinfo=None)).total_seconds()
    except ValueError:
        seconds = 0
    quarters = round(seconds / _QUARTER) * _QUARTER
    if abs(quarters) > _FARTHEST:
        return ""
    try:
        return moment.astimezone(dt.timezone(dt.timedelta(seconds=quarters))).replace(microsecond=0).isoformat()
    except OverflowError:
        return ""

"""Paragraphs of a Word reply joined or split by a tracked paragraph mark, and the changes of one unit made one
proposal. Pure core, used by `regdraft.core.replies.comments_from_reply`.

Post-conditions:
1. `joined` finds each run of paragraphs a tracked paragraph mark joins in one version of the text and not in
   the other (two paragraphs merged: the mark deleted; one split: a mark inserted mid-paragraph), or in both (a
   mark one reviewer inserted and another deleted), both sides of the mark holding text in that version; a
   paragraph added or struck out whole is no such run.
2. `block_edits` writes such a run as the edits that turn its paragraphs as circulated (Word's "Reject all")
   into its paragraphs as the reviewer left them ("Accept all"), paragraph for paragraph, the paragraphs the
   reviewer added or removed as additions and deletions; two paragraphs a deleted mark joins read as a sentence, a
   space between a word or the punctuation closing one and the next word (`chính. Cơ quan`, where "Accept all"
   leaves `chính.Cơ quan`).
3. `absorbed` names, for each place holding changes inside a unit whose paragraphs the reviewer added, removed,
   joined or split, that unit: its changes are one proposal, the unit with every change accepted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from regdraft.core.comments import GENERAL
from regdraft.core.model import Address
from regdraft.core.reply_wording import Edit, wording_key

if TYPE_CHECKING:
    from regdraft.core.reply_model import Place, ReplyParagraph


def versions(paragraphs: Sequence[ReplyParagraph], spaced: bool = False) -> tuple[list[str], list[str]]:
    """The paragraphs as Word's "Reject all" and "Accept all" leave them: (old, new).

    A paragraph whose break was inserted joins the next one when the changes are rejected; one
    whose break was deleted joins the next one when they are accepted: with `spaced`, as a sentence reads (`_glued`),
    where Word's "Accept all" runs them together (`chính.Cơ quan`).
    """
    def join(texts: Sequence[str], joined: Sequence[bool], spaces: Sequence[bool]) -> list[str]:
        out: list[str] = []
        carry, space = "", False
        for text, glue, spacing in zip(texts, joined, spaces, strict=True):
            whole = _glued(carry, text) if space else carry + text
            if glue:
                carry, space = whole, spacing
            else:
                out.append(whole)
                carry, space = "", False
        if carry:
            out.append(carry)
        return out

    return (join([p.original for p in paragraphs], [p.mark in ("ins", "gone") for p in paragraphs],
                 [False] * len(paragraphs)),
            join([p.accepted for p in paragraphs], [p.mark in ("del", "gone") for p in paragraphs],
                 [spaced and p.mark == "del" for p in paragraphs]))


# A paragraph's end that closes a word or a sentence, and a start that opens one: joined, a space between them.
_CLOSES = re.compile(r"[\w.,;:!?…”’»)]$")
_OPENS = re.compile(r"^[\w“‘«(]")


def _glued(left: str, right: str) -> str:
    """Two paragraphs a deleted paragraph mark joins, a space between them when neither has one there and the first
    ends a word or a sentence and the second opens one (`chính.` and `Cơ quan`: `chính. Cơ quan`); a mark a reviewer
    inserted and another deleted (`gone`) is no such join: the text was one paragraph as circulated."""
    return f"{left} {right}" if _CLOSES.search(left) and _OPENS.match(right) else left + right


def _joins(p: ReplyParagraph, following: ReplyParagraph) -> bool:
    """Whether a paragraph's tracked mark joins it to the next one with text on both sides: a deleted mark in the
    text as the reviewer left it, an inserted one in the text as circulated."""
    deleted = p.mark in ("del", "gone") and bool(p.accepted.strip() and following.accepted.strip())
    inserted = p.mark in ("ins", "gone") and bool(p.original.strip() and following.original.strip())
    return deleted or inserted


def joined(paragraphs: Sequence[ReplyParagraph]) -> list[tuple[int, int]]:
    """The runs (first, last paragraph, inclusive) of two or more paragraphs a tracked paragraph mark joins."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(paragraphs) - 1:
        j = i
        while j < len(paragraphs) - 1 and _joins(paragraphs[j], paragraphs[j + 1]):
            j += 1
        if j > i:
            runs.append((i, j))
        i = j + 1
    return runs


def block_edits(paragraphs: Sequence[ReplyParagraph], after: str, spaced: bool = True) -> list[Edit]:
    """The edits of a run of paragraphs joined by tracked marks (`after`: the text, as the reviewer left it, of the
    paragraph before the run): its paragraphs as circulated turned into those the reviewer left, paired in order,
    the paragraphs both versions share left out. Without `spaced`, joined paragraphs run together as imports before
    r38's space at the join read them (`versions`)."""
    old, new = versions(paragraphs, spaced=spaced)
    while old and new and wording_key(old[0]) == wording_key(new[0]):
        after = new[0]
        old, new = old[1:], new[1:]
    while old and new and wording_key(old[-1]) == wording_key(new[-1]):
        old, new = old[:-1], new[:-1]
    edits: list[Edit] = []
    for k in range(max(len(old), len(new))):
        edit = Edit(old[k] if k < len(old) else "", new[k] if k < len(new) else "", after)
        edits.append(edit)
        after = edit.new if edit.new.strip() else after
    return edits


def absorbed(places: Sequence[Place], reshaped: set[Place]) -> dict[Place, Place]:
    """Each place mapped to the outermost of the `reshaped` units (paragraphs added, removed, joined or split)
    holding it, itself when none does."""
    out: dict[Place, Place] = {}
    for place in places:
        holders = [unit for unit in reshaped if unit[0] == place[0] and GENERAL not in (unit[1], place[1])
                   and Address.parse(unit[1]).contains(Address.parse(place[1]))]
        out[place] = min(holders, key=lambda unit: len(Address.parse(unit[1]).segments), default=place)
    return out

"""The order comments were made in, which every list of them follows (`comment list`, the report, the review pages).

A comment's `created` is to the second, so it alone cannot order two comments recorded in one second (two `comment
add` typed quickly, the review server's members, an import after an add): ties went by the random ids (A1, A3, A2).
Each write recording comments in a second that already holds some gives them the next `sequence` of that second;
the comments of one write (an import) share it and keep their place in the import (`order`). Pure core.

Post-conditions:
1. `made_order` sorts by `created`, then `sequence`, then `order`, then id: comments recorded by one workspace
   list in the order they were recorded; those of two clones recorded in the same second and merged (each numbered
   without the other) list in a stable order, by id where nothing else tells them apart.
2. `after_recorded` changes only `sequence`, and only of comments whose second holds a comment recorded before:
   the first write of a second writes its files as before (no `sequence` key).
3. `next_sequence` is at most `MAX_SEQUENCE`, which a comment file may hold (`core.comment_yaml`): what a write
   numbers reads back, whatever the files hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from regdraft.core.comments import Comment

MAX_SEQUENCE = 1_000_000
"""The highest place in a second a comment file may hold: no second records that many comments, and a received file
holding 4,301 digits made every `comment add` of that second write a number Python cannot print (r32 sweep AW F1)."""


def next_sequence(highest: int) -> int:
    """The place in a second after `highest`, the highest recorded there (kept at `MAX_SEQUENCE`)."""
    return min(highest + 1, MAX_SEQUENCE)


def made_order(c: Comment) -> tuple[str, int, int, str]:
    """The key listing comments in the order they were made (see the module)."""
    return c.created, c.sequence, c.order, c.id


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

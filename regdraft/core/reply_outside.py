"""What a Word reply holds that is no wording of a provision, said to the office: its formatting-only tracked changes,
and where a tracked change outside every provision stands when that is a table of the review copy (its header, the
signature block at its end).

Post-conditions:
1. `formatting_note` is one sentence counting the reply's formatting-only tracked changes, naming what they changed
   and the provisions they are on (or that they are outside any), or None when there are none.
2. `table_row` is the last paragraph of the table row paragraph `i` stands in, among the paragraphs that follow it
   unplaced (`where` None): a row's cells are one passage; `i` itself when it is in no table.
3. `in_table` names the table a paragraph outside every provision stands in, as a drafter would find it.
4. `unchanging_note` is one sentence naming, by author and provision, the tracked changes that change nothing once
   all accepted (a word deleted and the same word typed again), and the Word comments on those provisions, imported
   without a proposal; None when there are none.
5. `overlong_note` names a Word comment left out for its length: its number, authors, provision and length.
6. `label_alone_note` is one sentence naming a tracked change that leaves a label on a line of its own (Enter typed
   right after `1.`, read with the words after it: no change of wording), who made it and where, and saying that it
   was not imported: a reply's change is never dropped unsaid; None for any other change.
7. `struck_notes` has one sentence for each paragraph of a Word redline holding tracked changes inside the words the
   redline itself strikes out: who made them, what they type or delete in which struck words, and where (the
   provision, and in a table the cell, by its row and its words as circulated), saying they were not imported.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol

from regdraft.core.comments import GENERAL, MAX_TEXT
from regdraft.core.model import Address
from regdraft.core.reply_model import ReplyParagraph as Read
from regdraft.core.reply_wording import label_of, said_changes, strip_label

Place = tuple[str, str]  # as `replies.Place`


class ReplyParagraph(Protocol):  # what is read here of `replies.ReplyParagraph`
    @property
    def address(self) -> str | None: ...
    @property
    def cell(self) -> tuple[int, int, str]: ...
    @property
    def formatting(self) -> tuple[tuple[str, ...], ...]: ...


_OUTSIDE = "outside any provision"


def formatting_note(paragraphs: Sequence[ReplyParagraph], where: Sequence[Place | None], source: str,
                    language: str) -> str | None:
    changes = [(p, change) for p in paragraphs for change in p.formatting]
    if not changes:
        return None
    kinds = ", ".join(dict.fromkeys(kind for _, change in changes for kind in change))
    places = []
    for p, at in zip(paragraphs, where, strict=True):
        if not p.formatting:
            continue
        if at is None:
            places.append(_OUTSIDE)
        else:
            reg, address = at
            on = "the draft as a whole" if address == GENERAL else Address.parse(address).describe(language)
            places.append(f"{on} ({reg})" if reg else on)
    count = len(changes)
    noun = "formatting-only change" if count == 1 else "formatting-only changes"
    # "on điểm a khoản 3 Điều 9 and outside any provision", "outside any provision" (it said "on outside …")
    provisions = [place for place in dict.fromkeys(places) if place != _OUTSIDE]
    said = [f"on {_listed(provisions)}"] if provisions else []
    said += [_OUTSIDE] if _OUTSIDE in places else []
    return (f"{count:,} {noun} ({kinds}) {'was' if count == 1 else 'were'} not imported: regdraft takes wording, "
            f"not formatting; {'it is' if count == 1 else 'they are'} in {source} {' and '.join(said)}.")


UNCHANGING_LISTED = 10  # places named in `unchanging_note`; the others are counted


def unchanging_note(void: Sequence[tuple[Place | None, Sequence[str]]], commented: Collection[Place | None],
                    language: str) -> str | None:
    if not void:
        return None
    authors: dict[Place | None, dict[str, None]] = {}
    for at, names in void:
        authors.setdefault(at, {}).update(dict.fromkeys(names or ["an unnamed reviewer"]))
    named = [(at, _on(at, language), ", ".join(names)) for at, names in authors.items()]
    said = [f"by {who} {on if at is None else 'on ' + on}" for at, on, who in named[:UNCHANGING_LISTED]]
    more = len(named) - len(said)
    said += [f"{more} more {'place' if more == 1 else 'places'}"] if more > 0 else []
    kept = [on for at, on, _ in named if at is not None and at in commented]
    if len(kept) > UNCHANGING_LISTED:
        kept = [*kept[:UNCHANGING_LISTED], f"{len(kept) - UNCHANGING_LISTED} more"]
    also = (f"; the Word {'comment' if len(kept) == 1 else 'comments'} on {_listed(kept)} "
            f"{'is' if len(kept) == 1 else 'are'} imported as written, without a proposal") if kept else ""
    return (f"Tracked changes {_listed(said)} change nothing once accepted (the words they delete are inserted again "
            f"as they were), so no wording is proposed there{also}.")


def overlong_note(text: str, number: int, author: str, address: str, regulation: str, language: str) -> str:
    """The note naming a Word comment (a thread read as one) left out for its length, where it stands."""
    on = _on((regulation, address), language)
    return (f"Word comment {number} by {author or 'an unnamed reviewer'} on {on} is {len(text):,} characters long, "
            f"over the {MAX_TEXT:,} a comment holds, so it was left out and the others imported: ask for it shorter, "
            f"or record it in parts with `regdraft comment add`.")


def _on(at: Place | None, language: str) -> str:
    if at is None:
        return "outside any provision"
    reg, address = at
    on = "the draft as a whole" if address == GENERAL else Address.parse(address).describe(language)
    return f"{on} ({reg})" if reg else on


def label_alone_note(at: Place, authors: Sequence[str], old: Sequence[str], new: Sequence[str], language: str,
                     source: str) -> str | None:
    """The note for tracked changes on the provision `at` (its paragraphs `old` as circulated, `new` as the reviewer
    left them) that leave a label on a line of its own (Enter typed right after `1.`): read with the words after it,
    which changes none of the wording; None when no label stands alone in `new`."""
    bare = [line.strip() for line in new if label_of(line.strip()).strip() and not strip_label(line).strip()]
    if not bare:
        return None
    who = ", ".join(authors) or "an unnamed reviewer"
    changes = said_changes("\n".join(old), "\n".join(new), language)
    return (f"The tracked change by {who} in {source} on {_on(at, language)} ({changes}) was not imported: a label "
            f"on a line of its own (“{bare[0]}”) is read with the words after it, as `regdraft import` reads it, so "
            "the provision's wording is as circulated; if the body meant more by it, ask them.")


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def table_row(paragraphs: Sequence[ReplyParagraph], where: Sequence[Place | None], i: int) -> int:
    row = paragraphs[i].cell[1]
    last = i
    while row and last + 1 < len(paragraphs) and paragraphs[last + 1].cell[1] == row and where[last + 1] is None:
        last += 1
    return last


def in_table(paragraphs: Sequence[ReplyParagraph], i: int) -> str:
    if not any(p.address for p in paragraphs):  # not on a review copy: where its provisions are is not marked
        return "a table"
    if not any(p.address for p in paragraphs[:i]):
        return "the header table, outside any provision"
    if not any(p.address for p in paragraphs[i:]):
        return "the table at the end of the document, outside any provision"
    return "a table outside any provision"


def struck_notes(paragraphs: Sequence[Read], where: Sequence[Place | None], source: str,
                 language: str) -> list[str]:
    """A sentence for each paragraph holding tracked changes inside the words a Word redline strikes out."""
    notes = []
    for p, at in zip(paragraphs, where, strict=True):
        if not p.in_struck:
            continue
        who = ", ".join(dict.fromkeys(a for c in p.in_struck for a in c.authors)) or "an unnamed reviewer"
        did = "; ".join(" and ".join([*([f"types “{_short(c.inserted)}”"] if c.inserted.strip() else []),
                                      *([f"deletes “{_short(c.deleted)}”"] if c.deleted.strip() else [])])
                        + f" inside the words “{_short(c.struck)}”" for c in p.in_struck)
        words = _short(p.original.strip() or " ".join(c.struck for c in p.in_struck))
        if p.cell[0]:
            rows = sorted({q.cell[1] for q in paragraphs if q.cell[0] == p.cell[0]})
            spot = f"in the table cell “{words}” (row {rows.index(p.cell[1]) + 1} of its table)"
        else:
            spot = f"in the paragraph “{words}”"
        on = _OUTSIDE if at is None else f"on {_on(at, language)}"
        count = sum(bool(c.inserted.strip()) + bool(c.deleted.strip()) for c in p.in_struck)
        one = count == 1
        notes.append(f"The tracked {'change' if one else 'changes'} by {who} in {source} {on}, {spot}, {did} that "
                     f"the Word redline strikes out: those words are the text before the amendment, not the draft's, "
                     f"so {'it proposes' if one else 'they propose'} no wording for the new text and "
                     f"{'was' if one else 'were'} not imported; ask the body what they meant, or have them reply on "
                     "the review copy.")
    return notes


def _short(text: str, size: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[:size - 1] + "…"

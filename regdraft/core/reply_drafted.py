"""What a draft changed, line by line, as a Word redline prints it (a provision's label before its first line, a word
diff across the paragraphs of one it rewrites whole): the tables a member's Reject in the redline is read against.
Pure core, used by `reply_rejected`, `reply_missing` and `reply_label_rejected`.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator, Sequence

from regdraft.core.markdown_writer import unit_label_text
from regdraft.core.model import REPEALED_TEXT, TEXT_HEADINGS, Regulation, Unit
from regdraft.core.reply_cells import cells as row_cells
from regdraft.core.reply_wording import fold, lines_of, strip_label


@functools.lru_cache(maxsize=1 << 16)  # a line is keyed again and again: as drafted, printed, held, counted
def line_key(text: str) -> str:
    """The words of a line as matched here: folded, its label aside, spaces left out (a struck run leaves two)."""
    return re.sub(r"\s+", "", fold(strip_label(text)))


@functools.lru_cache(maxsize=4)  # asked for each table of one import: the comparison is made once
def printed_at(base: Regulation, draft: Regulation) -> dict[str, str | None]:
    """Each provision of the draft the redline prints with another before it than the one at its address, with that
    one's address: one renumbered (48/2013's điểm h khoản 3 Điều 35 of 63/2010 is the old điểm g, a new g inserted
    before it); None for one it prints inserted where the text before has a provision of that address (the new g).
    The redline pairs provisions by their words (`diff.compare`), not by their addresses."""
    from regdraft.core.diff import compare

    out: dict[str, str | None] = {}
    provisions = list(compare(base, draft).provisions)
    while provisions:
        p = provisions.pop()
        provisions += p.children
        if p.new_address is not None and str(p.old_address) != str(p.new_address):
            out[str(p.new_address)] = str(p.old_address) if p.old_address is not None else None
    return out

def changed_lines(base: Regulation, draft: Regulation) -> list[tuple[str, str, str]]:
    """Each line the draft changed: the provision's address, the line before and in the draft (paired where both
    texts have as many lines in a changed run; a provision repealed: its first line, and the placeholder)."""
    before = {str(loc.address): (lines_of(loc.unit), loc.unit.repealed) for loc in base.walk()}
    placeholder = REPEALED_TEXT.get(draft.language, REPEALED_TEXT["vi"])
    out = []
    for loc in draft.walk():
        at = printed_at(base, draft).get(str(loc.address), str(loc.address))
        old, was_repealed = before.get(at, (None, False)) if at is not None else (None, False)
        new = lines_of(loc.unit)
        if old is None or old == new:
            continue
        if loc.unit.repealed and not was_repealed and old:
            # The redline strikes out its words and inserts the placeholder in the same paragraph.
            out.append((str(loc.address), old[0], placeholder))
            continue
        matcher = difflib.SequenceMatcher(None, [line_key(x) for x in old], [line_key(x) for x in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace" and i2 - i1 == j2 - j1:
                out += [(str(loc.address), a, b) for a, b in zip(old[i1:i2], new[j1:j2], strict=True)]
    return out


Drafted = tuple[str, str, str]  # the text (its key in `Texts`), the provision's address, the line as drafted
Lines = set[tuple[str, str]]  # lines of provisions: each provision's address and the line's key (`line_key`)


def rewritten_lines(base: Regulation, draft: Regulation
                    ) -> tuple[list[tuple[str, str, str]], Lines, list[tuple[str, str]], Lines]:
    """What a provision rewritten whole changed besides the lines paired one for one (`changed_lines`), as the
    redline prints it (a word diff across the provision's paragraphs, old and new interleaved):
    1. each line before the draft in a run the draft rewrote into more or fewer lines, the provision's address and
       the line of the draft it is printed with (the first with the first, in order; "" past the draft's lines);
    2. the lines of the draft such a run adds or a run of lines inserts (address, key): Reject removes them;
    3. each line of a provision the rewrite left out (no such address in the draft, not repealed: `Sửa đổi Điều 5 như
       sau` with four clauses of five), with the nearest provision above it that the draft has;
    4. the lines of the draft paired one for one with a line before (address, key): Reject leaves the line before
       there, so one the reply holds neither way was changed otherwise (or its rejection cannot be read)."""
    after = {str(loc.address) for loc in draft.walk()}
    uneven: list[tuple[str, str, str]] = []
    added: Lines = set()
    paired: Lines = set()
    for at, old, new, opcodes in _rewrites(base, draft):
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "replace" and i2 - i1 == j2 - j1:
                paired |= {(at, line_key(line)) for line in new[j1:j2]}
            if tag == "insert" or tag == "replace" and i2 - i1 != j2 - j1:
                added |= {(at, line_key(line)) for line in new[j1:j2]}
            if tag == "replace" and i2 - i1 != j2 - j1:
                uneven += [(at, line, new[j1 + k] if j1 + k < j2 else "") for k, line in enumerate(old[i1:i2])]
    dropped = []
    for loc in base.walk():
        at = str(loc.address)
        if at in after or loc.unit.repealed or "." not in at:
            continue
        above = at.rsplit(".", 1)[0]
        while "." in above and above not in after:
            above = above.rsplit(".", 1)[0]
        if above in after:
            dropped += [(above, line) for line in printed_lines(loc.unit, base.language) if line.strip()]
    return uneven, added, dropped, paired



def _rewrites(base: Regulation, draft: Regulation
              ) -> Iterator[tuple[str, list[str], list[str], Sequence[tuple[str, int, int, int, int]]]]:
    """Each provision the draft changed that both texts hold unrepealed: its address, its lines before and in the
    draft as printed, and how they pair (difflib's opcodes over their keys)."""
    before = {str(loc.address): loc.unit for loc in base.walk()}
    paired = printed_at(base, draft)
    for loc in draft.walk():
        at = str(loc.address)
        was = paired.get(at, at)
        if was is None or was not in before or loc.unit.repealed or before[was].repealed:
            continue
        old, new = printed_lines(before[was], base.language), printed_lines(loc.unit, draft.language)
        if old != new:
            keys = [line_key(x) for x in old], [line_key(x) for x in new]
            yield at, old, new, difflib.SequenceMatcher(None, *keys, autojunk=False).get_opcodes()


def joined_runs(base: Regulation, draft: Regulation) -> list[tuple[str, tuple[str, ...], str]]:
    """Each run of lines before the draft that it made one line (48/2013's khoản 2 Điều 10 of 63/2010: two lines,
    one), as printed: the provision's address, the old lines in order and the draft's line. The redline prints the
    draft's line over the old lines' paragraphs, each break between them struck out."""
    return [(at, tuple(old[i1:i2]), new[j1]) for at, old, new, opcodes in _rewrites(base, draft)
            for tag, i1, i2, j1, j2 in opcodes if tag == "replace" and j2 - j1 == 1 < i2 - i1]

def repealed_rest(base: Regulation, draft: Regulation) -> dict[str, list[str]]:
    """For each provision the draft repeals whole (an article, a clause, a point), the paragraphs the redline strikes
    out after its first line, as it stood before the draft and in the order printed: its own further lines, its
    clauses' and points', then its closing text."""
    had = {str(loc.address): loc.unit for loc in base.walk()}
    return {str(loc.address): printed_whole(had[str(loc.address)], base.language)[1:] for loc in draft.walk()
            if loc.unit.repealed and str(loc.address) in had and not had[str(loc.address)].repealed}


def printed_whole(unit: Unit, language: str) -> list[str]:
    """A unit's paragraphs as a Word redline prints them, its children's within it, its closing text last
    (`printed_lines` gives a unit's own lines, its closing text among them)."""
    printed = printed_lines(unit, language)
    closing = [line for text in unit.closing for line in text.split("\n")]
    own = printed[:len(printed) - len(closing)] if closing else printed
    return [*own, *(line for child in unit.children for line in printed_whole(child, language)), *closing]


def cell_pairs(old: str, new: str) -> list[tuple[str, str]]:
    """Each cell a table's row changed (`| a | b |`, the rows as many cells wide), before and in the draft."""
    if old.lstrip()[:1] != "|" or new.lstrip()[:1] != "|" or len(row_cells(old)) != len(row_cells(new)):
        return []
    return [(was, made) for was, made in zip(row_cells(old), row_cells(new), strict=True)
            if line_key(was) != line_key(made)]


def printed_lines(unit: Unit, language: str) -> list[str]:
    """A unit's own paragraphs as a Word redline prints them: its heading line or label before its first line."""
    lines = lines_of(unit)
    if unit.kind in TEXT_HEADINGS and unit.title:
        from regdraft.core.markdown_writer import heading_text

        return [heading_text(unit, language), *lines[1:]]
    label = unit_label_text(unit, language) if not unit.title else ""
    return [f"{label} {lines[0]}".strip(), *lines[1:]] if lines and label else lines

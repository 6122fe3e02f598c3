"""The codes of a unit's parts in an address, and how they are named in a citation.

A part is a piece of a unit that has no label of its own: `intro` its lead-in (đoạn mở đầu),
`end` its closing text (đoạn cuối), `dashN` its N-th dash item (gạch đầu dòng, a `- ` paragraph
with the `+ ` paragraphs under it) and `dashN.plusM` the M-th plus item (ý, a `+ ` paragraph)
of that dash item; `title` the title of an article, chapter, section, part or appendix (tên Điều,
its heading line without the label). `regdraft.core.address.Address.part` holds one of these codes.
"""

from __future__ import annotations

from regdraft.core.labels import Kind, ordinal_text
from regdraft.core.patterns import lazy

INTRO = "intro"
END = "end"
PARTS = (INTRO, END)
TITLE = "title"
DASH = "dash"
_DASH_PART = lazy(r"dash(\d*)")


def dash_part(ordinal: int | None) -> str:
    """The part naming a unit's dash item (gạch đầu dòng) by its ordinal: `dash2`; `dash` for a new one."""
    return f"{DASH}{ordinal}" if ordinal else DASH


def dash_ordinal(part: str) -> int | None:
    """The ordinal of a dash-item part (`dash2` -> 2); None for any other part or a new dash item."""
    match = _DASH_PART.fullmatch(part)
    return int(match.group(1)) if match and match.group(1) else None


def is_dash_part(part: str) -> bool:
    """True for a part naming a dash item (`dash2`, or `dash` for a new one)."""
    return _DASH_PART.fullmatch(part) is not None


PLUS = "plus"
_PLUS_PART = lazy(r"dash(\d+)\.plus(\d*)")


def plus_part(dash: int, ordinal: int | None) -> str:
    """The part naming a plus item (`+ `, ý) of a dash item: `dash2.plus1` (a new one: `dash2.plus`)."""
    return f"{dash_part(dash)}.{PLUS}{ordinal or ''}"


def plus_ordinals(part: str) -> tuple[int, int | None] | None:
    """(dash ordinal, plus ordinal) of a plus-item part (`dash2.plus1` -> (2, 1); a new one's plus ordinal
    None); None for any other part."""
    match = _PLUS_PART.fullmatch(part)
    if match is None:
        return None
    return int(match.group(1)), (int(match.group(2)) if match.group(2) else None)


def is_plus_part(part: str) -> bool:
    """True for a part naming a plus item under a dash item (`dash2.plus1`, or `dash2.plus` for a new one)."""
    return _PLUS_PART.fullmatch(part) is not None


def is_item_part(part: str) -> bool:
    """True for a dash item or a plus item: the parts counted by their ordinals."""
    return is_dash_part(part) or is_plus_part(part)


def is_part(part: str) -> bool:
    """True for a part of a unit: its title, lead-in, closing text, one of its dash items or their plus items."""
    return part in PARTS or part == TITLE or is_item_part(part)


def part_name(part: str, kind: Kind, language: str) -> str:
    """How a part is written before its unit: `tên` (`tên Điều 6`), `the title of`, `đoạn mở đầu` (of any unit),
    `phần cuối` (articles), `the lead-in of`, `gạch đầu dòng thứ hai`, `the second dash item of`, `ý thứ nhất gạch
    đầu dòng thứ hai`, `the first plus item of the second dash item of`."""
    if part == TITLE:
        return "the title of" if language == "en" else "tên"
    plus = plus_ordinals(part)
    if plus is not None:
        dash, ordinal = plus
        if language == "en":
            head = f"the {ordinal_text(ordinal, 'en')} plus item of" if ordinal else "a plus item of"
            return f"{head} {part_name(dash_part(dash), kind, language)}"
        head = f"ý {ordinal_text(ordinal, 'vi')}" if ordinal else "ý"
        return f"{head} {part_name(dash_part(dash), kind, language)}"
    if is_dash_part(part):
        ordinal = dash_ordinal(part)
        if language == "en":
            return f"the {ordinal_text(ordinal, 'en')} dash item of" if ordinal else "a dash item of"
        return f"gạch đầu dòng {ordinal_text(ordinal, 'vi')}" if ordinal else "gạch đầu dòng"
    if language == "en":
        return "the lead-in of" if part == INTRO else "the closing text of"
    if part == INTRO:
        # One term for every unit's lead-in, as Luật 57/2024/QH15 writes it (`đoạn mở đầu khoản 1`); `phần mở đầu`
        # also names a document's preamble. An instruction may say either (`amend.grammar`); r36 BL 8.
        return "đoạn mở đầu"
    return "phần cuối" if kind is Kind.ARTICLE else "đoạn cuối"

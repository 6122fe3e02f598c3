"""A line before the draft that a Word redline's Reject gave back without its final punctuation.

The redline prints a provision rewritten whole as a word diff across its paragraphs, and the diff may take a line's
full stop as the draft's: `[bỏ: Thủ trưởng … miễn nhiệm][bổ sung: Bộ Tư pháp … hành chính.]` (48/2013's khoản 1
Điều 5), the old line's own stop after the next paragraph's words. Reject on that paragraph leaves the old line
without it, a paragraph like the line but not word for word: it is the line, Reject pressed, never a paragraph retyped.
The placeholder of a provision repealed (`(được bãi bỏ)`) is the draft's end of the line: Reject on the repeal's
deletion alone brings the words back before it, and they are the provision kept (`unplaced`).
Pure core, used by `reply_rejected`.
"""

from __future__ import annotations

from typing import TypeVar

from regdraft.core.reply_wording import strip_label

STOPS = ".;:,…"  # a line's final punctuation
T = TypeVar("T")


def unended(lines: dict[str, set[T]]) -> dict[str, tuple[str, set[T]]]:
    """A table of lines keyed by their words (`line_key`) keyed again without their final punctuation, each
    with that punctuation. A line without its punctuation that is another line (`a` beside `a.`), or two lines' (`a.`
    and `a;`), is left out: nothing is read by a key that may stand for either."""
    out: dict[str, tuple[str, set[T]]] = {}
    for key, found in lines.items():
        bare = key.rstrip(STOPS)
        if bare != key and bare not in lines:
            out[bare] = ("", set()) if bare in out else (key[len(bare):], found)
    return {bare: (stop, found) for bare, (stop, found) in out.items() if stop}


def stopped(text: str, stop: str) -> str:
    """`text` given its line's final punctuation `stop` where it has none: the member's text with the stop Reject left
    in the next paragraph, the old line whole."""
    return text.rstrip() + stop if stop and text.strip() and text.rstrip()[-1] not in STOPS else text


def unplaced(text: str, placeholder: str) -> str:
    """`text` without the `placeholder` of a repeal after its words (`5. Cơ quan … Trung ương.(được bãi bỏ)`: Reject
    on the deletion alone, the inserted placeholder left), the words back being the provision kept; the placeholder
    after a label alone (nothing back) or nowhere at the end, `text` as it is."""
    kept = text.rstrip()
    if not placeholder or not kept.endswith(placeholder):
        return text
    kept = kept[:-len(placeholder)].rstrip()
    return kept if any(ch.isalpha() for ch in strip_label(kept)) else text

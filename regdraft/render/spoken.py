"""What a screen reader hears for a redline's marked words: `[bỏ: Trách nhiệm] [bổ sung: Nhiệm vụ]`.

A tagged PDF (`pdf_tags`) gives a screen reader the text in reading order, but not how it is marked: struck-out
and inserted words are told apart only by their look, so a blind reader heard `Trách nhiệm Nhiệm vụ` for a
replaced heading (WCAG 1.3.1, 1.4.1). The web page says it with `<del>` and `<ins>`, the Word report with its
runs; in the PDF a structure element may carry the text a reader speaks in place of what it holds (`ActualText`,
ISO 32000-1 14.9.4), which leaves the page, its look and the text extracted from its content (`pdftotext`) as
they are.

`install` wraps WeasyPrint's `_build_box_tree` (as its tagging calls it): each element made for a `<del>` or an
`<ins>` box (a deletion, an insertion, text moved away or moved here: `class="mv"`) carries `ActualText` `[{word}:
{its text}]`, the words of the document's language (`spoken_*` in the profile's words; the catalog's `Lang`, which
WeasyPrint takes from `<html lang>`). A mark broken over two lines is two boxes: the first opens `[{word}: `, the
last closes `]`, and it is heard as one. Everything else is the stock answer; `tests/test_pdf_spoken.py` reads the
structure tree of a rendered redline and fails if a WeasyPrint release changes the function this wraps.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# The box's element and class -> the profile word naming what it is.
_SAID = {("del", "mv"): "spoken_moved_away", ("ins", "mv"): "spoken_moved_here", ("span", "mv"): "spoken_moved_here",
         ("del", ""): "spoken_deleted", ("ins", ""): "spoken_inserted"}


def _text(box: Any) -> str:
    text = getattr(box, "text", None)
    if isinstance(text, str):
        return text
    return "".join(_text(child) for child in getattr(box, "children", ()))


def _word(box: Any, words: dict[str, str]) -> str:
    """The word naming the mark `box` is a box of (`bỏ`), or "" for a box of no marked element."""
    element = getattr(box, "element", None)
    tag = getattr(box, "element_tag", None)
    if element is None or tag not in ("del", "ins", "span") or isinstance(getattr(box, "text", None), str):
        return ""
    classes = str(element.get("class") or "").split()
    return words.get(_SAID.get((tag, "mv" if "mv" in classes else ""), ""), "")


def _spoken(box: Any, words: dict[str, str]) -> str:
    """The text of `box` with the marks inside it said (`chuyển đến` holding a `[bỏ: …]`): a reader hears an
    element's `ActualText` in place of everything in it."""
    text = getattr(box, "text", None)
    if isinstance(text, str):
        return text
    parts = []
    for child in getattr(box, "children", ()):
        inner = _spoken(child, words)
        word = _word(child, words)
        parts.append(f"[{word}: {' '.join(inner.split())}]" if word and inner.strip() else inner)
    return "".join(parts)


def _letters(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def said(box: Any, words: dict[str, str], told: dict[int, int] | None = None) -> str | None:
    """What a reader hears for `box`, a box of a marked element; None for any other box. `told` counts the letters
    of each element said so far (by `id`): a mark broken over lines opens `[bổ sung: ` in its first box and closes
    `]` in its last, so it is heard as one."""
    word = _word(box, words)
    text = " ".join(_spoken(box, words).split())
    if not word or not text:
        return None
    element = box.element
    told = {} if told is None else told
    before = told.get(id(element), 0)
    after = told[id(element)] = before + _letters(_text(box))
    opens = f"[{word}: " if before == 0 else ""
    closes = "]" if after >= _letters("".join(element.itertext())) else " "  # a reader joins the parts as written
    return f"{opens}{text}{closes}"


def install() -> None:
    """Wrap the tagging's `_build_box_tree` once per process (after WeasyPrint is imported)."""
    from weasyprint.pdf import tags

    pydyf = tags.pydyf  # WeasyPrint's own PDF writer, as its tagging builds the tree (not a dependency of ours)

    stock = tags._build_box_tree
    if getattr(stock, "regdraft_spoken", False):
        return
    from regdraft.render.profile import default_profile

    words_of: dict[str, dict[str, str]] = {}

    def build(box: Any, parent: Any, pdf: Any, *rest: Any) -> Iterator[Any]:
        elements = stock(box, parent, pdf, *rest)
        if getattr(box, "element_tag", None) not in ("del", "ins", "span"):
            yield from elements
            return
        lang = str(getattr(pdf.catalog.get("Lang"), "string", "") or "vi")
        if lang not in words_of:
            words_of[lang] = default_profile().words("en" if lang.startswith("en") else "vi")
        told = pdf.__dict__.setdefault("regdraft_told", {})  # this document's marks said so far
        spoken = said(box, words_of[lang], told)
        for element in elements:
            if spoken and element.get("P") == parent.reference:
                element["ActualText"] = pydyf.String(spoken)
            yield element

    build.regdraft_spoken = True  # type: ignore[attr-defined]
    build.stock = stock  # type: ignore[attr-defined]
    tags._build_box_tree = build

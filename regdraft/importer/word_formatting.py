"""Formatting-only tracked changes of a Word file (`w:pPrChange`, `w:rPrChange`), each said by what it changed.

regdraft takes wording, not formatting: a Word reply's formatting changes are read only to be named to the office
(`word_reply.read_reply`). Each change is the properties that differ between the formatting as circulated (inside the
change) and as the reviewer left it (beside it), in plain words (`bold`, `centring`); one whose difference is none
of those known is `formatting`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A property's name, as a drafter says what was changed.
_SAID = {"b": "bold", "bCs": "bold", "i": "italic", "iCs": "italic", "u": "underline", "strike": "strikethrough",
         "dstrike": "strikethrough", "jc": "alignment", "sz": "font size", "szCs": "font size", "rFonts": "font",
         "color": "colour", "highlight": "highlighting", "shd": "shading", "ind": "indentation",
         "spacing": "spacing", "pStyle": "style", "rStyle": "style", "numPr": "numbering", "caps": "capitals",
         "smallCaps": "capitals", "vertAlign": "superscript or subscript", "keepNext": "page breaks",
         "keepLines": "page breaks", "pageBreakBefore": "page breaks", "tabs": "tab stops"}
# Left out of the comparison: parts of the properties that are no formatting of their own.
_NOT_COMPARED = {"rPr", "sectPr", "pPrChange", "rPrChange", "ins", "del", "moveFrom", "moveTo"}


def formatting_changes(element: Any, own: Callable[[Any], bool]) -> list[tuple[str, ...]]:
    """The formatting-only tracked changes of a paragraph's own properties and of its mark (`element` a `w:p`), or of
    a run (`w:r`): for each, what it changed. `own` tells a Word redline's own change, which is left out."""
    found = []
    if element.tag == f"{_W}p":
        properties = element.find(f"{_W}pPr")
        owners = [] if properties is None else [properties, properties.find(f"{_W}rPr")]
    else:
        owners = [element.find(f"{_W}rPr")]
    for now in owners:
        if now is None:
            continue
        new: dict[str, tuple[tuple[str, str], ...]] | None = None  # read once: it holds every change of the owner
        for change in now.iterchildren(f"{_W}pPrChange", f"{_W}rPrChange"):
            if own(change):
                continue
            new = _props(now) if new is None else new
            found.append(_changed(new, _props(change[0] if len(change) else None)))
    return found


def _props(owner: Any | None) -> dict[str, tuple[tuple[str, str], ...]]:
    """The formatting properties `owner` (a `w:pPr` or `w:rPr`) holds, by name, each with its attributes."""
    return {} if owner is None else {
        child.tag.split("}")[-1]: tuple(sorted((str(k), str(v)) for k, v in child.attrib.items()))
        for child in owner if isinstance(child.tag, str) and child.tag.split("}")[-1] not in _NOT_COMPARED}


def _changed(new: dict[str, tuple[tuple[str, str], ...]], old: dict[str, tuple[tuple[str, str], ...]]
             ) -> tuple[str, ...]:
    """What a change made: the names of the properties that differ between `old` (as circulated) and `new`."""
    said = []
    for name in [*new, *(n for n in old if n not in new)]:
        if old.get(name) == new.get(name):
            continue
        if name == "jc" and dict(new.get(name, ())).get(f"{_W}val") == "center":
            said.append("centring")
        else:
            said.append(_SAID.get(name, "formatting"))
    return tuple(dict.fromkeys(said)) or ("formatting",)

"""A Word symbol (`w:sym`, Insert > Symbol: a font and a character code) as the Unicode character Word shows.

Word writes a symbol of a symbol font (Symbol, Wingdings) with its code in the private-use range `F020`–`F0FF` (or
`0020`–`00FF`), which no other font shows as that symbol: the code is read by the font's table (Symbol: the Adobe
Symbol encoding, its minus read as `-`, the dash Vietnamese text means by it; Wingdings: the marks that have a
Unicode character). A Wingdings mark with no Unicode character, or a code of another symbol font, is kept as the
private-use character and named by `unmapped`, so the import can say so; a symbol of any other font is its code.
A code that is no Unicode character (no number, negative, past U+10FFFF, a surrogate) is left out, and named too.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Adobe Symbol encoding, 0x20-0xFE (0x2D, its minus, read as the hyphen-minus typed for a dash).
_SYMBOL = dict(zip(range(0x20, 0x7F), (
    " !∀#∃%&∋()∗+,-./0123456789:;<=>?"
    "≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_"
    "‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼"), strict=True))
_SYMBOL.update(zip(range(0xA0, 0xFF), (
    "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵"
    "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓"
    "◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪\uf8ff〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭"), strict=True))
del _SYMBOL[0xF0]  # Apple's logo in Adobe's table: no character

# The Wingdings marks a Vietnamese document uses that have a Unicode character (check marks, boxes, bullets, arrows).
_WINGDINGS = {
    0x21: "✏", 0x22: "✂", 0x28: "☎", 0x2A: "✉", 0x36: "⌛", 0x3E: "✇", 0x46: "☞", 0x4A: "☺", 0x4B: "😐", 0x4C: "☹",
    0x4E: "☠", 0x52: "☼", 0x54: "❄", 0x58: "✠", 0x59: "✡", 0x5B: "☯", 0x6C: "●", 0x6D: "❍", 0x6E: "■", 0x6F: "□",
    0x71: "❑", 0x72: "❒", 0x73: "⬧", 0x74: "⧫", 0x75: "◆", 0x76: "❖", 0x77: "⬥", 0xA1: "○", 0xA7: "▪",
    0xA8: "◻", 0xAB: "★", 0xD8: "➢", 0xDF: "←", 0xE0: "→", 0xE1: "↑", 0xE2: "↓", 0xE8: "➔", 0xEF: "⇦", 0xF0: "⇨",
    0xF1: "⇧", 0xF2: "⇩", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
}
_TABLES = {"symbol": _SYMBOL, "wingdings": _WINGDINGS}
_SYMBOL_FONTS = ("symbol", "wingdings", "webdings", "marlett", "mt extra")
_PRIVATE = 0xF000


def symbol(element: Any) -> tuple[str, str]:
    """The character a `w:sym` shows, and, when it has no Unicode character, how to name it (`Wingdings F0E6`;
    empty when it was read). A code that is no number, or no Unicode scalar (negative, past U+10FFFF, a surrogate),
    reads as nothing, named."""
    font = (element.get(f"{_W}font") or "").strip()
    written = (element.get(f"{_W}char") or "").strip()
    try:
        code = int(written, 16)
    except ValueError:
        code = -1
    if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "", f"{font or 'a font'} “{written[:12]}”"
    own = code - _PRIVATE if _PRIVATE <= code <= _PRIVATE + 0xFF else code
    key = font.casefold()
    found = _TABLES.get(key, {}).get(own) if own <= 0xFF else None
    if found is not None and found != "\uf8ff":
        return found, ""
    if not key.startswith(_SYMBOL_FONTS):
        return chr(code), ""
    return chr(_PRIVATE + own) if own <= 0xFF else chr(code), f"{font} {_PRIVATE + own if own <= 0xFF else code:04X}"


def unmapped(named: list[str]) -> str:
    """A sentence naming the symbols kept as private-use characters, and one naming those whose code is no character
    and were left out (named with their code in quotes by `symbol`); empty when there are none."""
    out = [name for name in named if "“" in name]
    kept = [name for name in named if "“" not in name]
    said = []
    if kept:
        kinds = ", ".join(dict.fromkeys(kept))
        one = len(kept) == 1
        said.append(f"{len(kept)} symbol{'' if one else 's'} inserted from a symbol font ({kinds}) "
                    f"{'has' if one else 'have'} no Unicode character and {'was' if one else 'were'} kept as the "
                    f"private-use character Word stores, which other programs show as a box: replace "
                    f"{'it' if one else 'them'} with words or a Unicode character.")
    if out:
        kinds = ", ".join(dict.fromkeys(out))
        one = len(out) == 1
        said.append(f"{len(out)} symbol{'' if one else 's'} ({kinds}) {'has' if one else 'have'} a code that is no "
                    f"character and {'was' if one else 'were'} left out: check the text there against the Word file.")
    return " ".join(said)

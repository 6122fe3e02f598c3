"""Word styles as a paragraph or run inherits them through `basedOn` chains (ECMA-376 Part 1, 17.7.4.3), for
`docx.read_docx`: the font, the list a paragraph style numbers, whether it is a heading or a closing text, whether
it hides its text.

Each style's values are resolved once, walking its own chain, and kept for every later paragraph and run in that
style: a received file's 3,000 styles each based on the one before, with 1,000 paragraphs in the deepest, walked the
whole chain again for every paragraph and run (52 KB, `import` 143 s). A chain is followed at most `MAX_BASED_ON`
levels past the style itself, as deep as Word lets styles be based on styles (9 levels); a style named further up is
not read, and `cut` names the styles whose chain went on past it. A cycle is stopped where it comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from regdraft.importer.docx_marks import switched_on

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_BASED_ON = 9  # Word bases styles on styles up to 9 levels deep
_HIDDEN = ("vanish", "specVanish")
# The styles `regdraft export` gives a closing text (render.consolidated_docx.CLOSING_STYLES), in Vietnamese and
# English, and those of exports before they were named so; lower case.
_CLOSING_STYLES = {"article": ("đoạn cuối điều", "article closing text", "regdraft closing text"),
                   "clause": ("đoạn cuối khoản", "clause closing text", "regdraft clause closing text")}


def _w(name: str) -> str:
    return _W + name


def _val(element: Any, child: str, attr: str = "val") -> str | None:
    if element is None:
        return None
    found = element.find(_w(child))
    return None if found is None else found.get(_w(attr))


def font_of(rpr: Any) -> str | None:
    """The font a run-properties element names (`w:rFonts`, ascii else hAnsi), or None."""
    if rpr is None:
        return None
    fonts = rpr.find(_w("rFonts"))
    if fonts is None:
        return None
    name = fonts.get(_w("ascii")) or fonts.get(_w("hAnsi"))
    return str(name) if name else None


@dataclass(frozen=True)
class Inherited:
    """What one style gives, its own values first, then those of the styles it is based on."""

    font: str | None = None
    numbering: tuple[str, str | None] | None = None  # the list (numId) and the level as written (`w:ilvl`)
    closing: str = ""  # `article` or `clause` for the closing-text styles regdraft export writes
    hidden: bool | None = None  # `w:vanish` on, off, or not said
    heading: bool = False


class Styles:
    """Paragraph and run style lookups through `basedOn` chains, each style resolved once."""

    def __init__(self, styles_element: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_font: str | None = None
        self.cut: list[str] = []  # styles whose chain went on past MAX_BASED_ON levels, in the order met
        self._resolved: dict[str, Inherited] = {}
        if styles_element is None:
            return
        for style in styles_element.iter(_w("style")):
            self.by_id[style.get(_w("styleId"))] = style
        defaults = styles_element.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.default_font = font_of(defaults)

    def chain(self, style_id: str) -> list[Any]:
        """The style and those it is based on, nearest first: at most MAX_BASED_ON levels past it, no cycle."""
        out: list[Any] = []
        seen: set[str] = set()
        next_id: str | None = style_id
        while next_id and next_id in self.by_id and next_id not in seen:
            if len(out) > MAX_BASED_ON:
                self.cut.append(style_id)
                break
            seen.add(next_id)
            out.append(self.by_id[next_id])
            next_id = _val(out[-1], "basedOn")
        return out

    def of(self, style_id: str | None) -> Inherited:
        if not style_id or style_id not in self.by_id:
            return Inherited()
        if style_id not in self._resolved:
            self._resolved[style_id] = self._resolve(self.chain(style_id))
        return self._resolved[style_id]

    @staticmethod
    def _resolve(chain: list[Any]) -> Inherited:
        font = numbering = hidden = None
        closing, heading = "", False
        for style in chain:
            rpr = style.find(_w("rPr"))
            font = font or font_of(rpr)
            num = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if numbering is None and num is not None and _val(num, "numId"):
                numbering = str(_val(num, "numId")), _val(num, "ilvl")
            if hidden is None:
                hidden = switched_on(rpr, _HIDDEN)
            name = (_val(style, "name") or "").lower()
            closing = closing or next((kind for kind, styled in _CLOSING_STYLES.items() if name in styled), "")
            heading = heading or name.startswith(("heading", "title"))
        return Inherited(font, numbering, closing, hidden, heading)

    def font(self, style_id: str | None) -> str | None:
        return self.of(style_id).font

    def numbering(self, style_id: str | None) -> tuple[str, str | None] | None:
        """The list (numId) and the level as written (`w:ilvl`) a paragraph style gives its paragraphs."""
        return self.of(style_id).numbering

    def closing(self, style_id: str | None) -> str:
        """`article` or `clause` for the closing-text styles regdraft export writes, else ``."""
        return self.of(style_id).closing

    def hidden(self, run: Any, paragraph_style: str | None) -> bool:
        """Whether a run is hidden text (`w:vanish`, Word's Hidden font): by direct formatting, else its character
        style, else the paragraph's style. Word neither shows nor prints it."""
        rpr = run.find(_w("rPr"))
        direct = switched_on(rpr, _HIDDEN)
        if direct is not None:
            return direct
        for style_id in (_val(rpr, "rStyle"), paragraph_style):
            styled = self.of(style_id).hidden
            if styled is not None:
                return styled
        return False

    def is_heading(self, style_id: str | None) -> bool:
        return self.of(style_id).heading

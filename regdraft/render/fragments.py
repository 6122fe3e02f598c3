"""Unchanged provisions as HTML without template calls: one fragment per provision, escaped once.

A redline of a large regulation is almost all unchanged provisions; rendering each through a
Jinja2 macro (a sandboxed call, an attribute check and an escape per value) cost more than
comparing the texts. `unchanged_html` writes the same `<p>` elements as the `plain_unit`
macro did, in one pass in Python; the templates keep the document's structure and the changed
provisions. `tests/test_render_fragments.py` checks the output byte for byte against the
macro as it was, on the shipped regulation and the corpus laws.

Post-conditions:
1. Text reaches the fragment only through `escape` or `inline_markdown`, as in the templates.
2. With an address (the review server), every paragraph carries `mark(address)` and the
   provision's first paragraph its `badge(address)`; without one, neither is called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from regdraft.core.markdown import heading_text, unit_label_text
from regdraft.core.model import REPEALED_TEXT, Kind, Unit, unit_address
from regdraft.render.html import _INLINE_SYNTAX, inline_markdown


def para_class(text: str) -> str:
    """The class of a printed paragraph: a dash line, a plus line, or a plain paragraph."""
    return "dash" if text.startswith("- ") else "sub-dash" if text.startswith("+ ") else "para"


class Fragments:
    """Renders unchanged provisions of one document (its language, and the page's annotation hooks)."""

    def __init__(self, language: str, mark: object = None, badge: object = None) -> None:
        self.language = language
        self.repealed = str(escape(REPEALED_TEXT[language]))
        self.mark: Callable[[Any], Any] | None = mark if callable(mark) else None
        self.badge: Callable[[Any], Any] | None = badge if callable(badge) else None
        self._labels: dict[tuple[Kind, str], str] = {}

    def unchanged(self, unit: Unit, moved: bool = False, address: Any = None) -> Markup:
        """`unit` and everything below it as printed paragraphs (`moved`: in the moved style)."""
        out: list[str] = []
        self._unit(unit, " moved" if moved else "", address if self.mark is not None else None, out)
        return Markup("".join(out))

    def _label(self, u: Unit) -> str:
        """A clause's or point's label as printed, escaped (kept: a regulation repeats `1.` and `a)` often)."""
        label = self._labels[(u.kind, u.label)] = _escaped(unit_label_text(u, self.language))
        return label

    def _unit(self, u: Unit, mv: str, addr: Any, out: list[str]) -> None:
        # Plain str throughout (no Markup per paragraph): every value is escaped exactly once here.
        at = str(escape(self.mark(addr))) if addr and self.mark is not None else ""
        badge = str(escape(self.badge(addr))) if addr and self.badge is not None else ""
        tail = f"{mv}\"{at}>"
        if u.kind is Kind.ARTICLE:
            out.append(f'<p class="article-heading{tail}{_escaped(heading_text(u, self.language))}{badge}</p>\n')
            out.extend(f'<p class="{para_class(t)}{tail}{_inline(t)}</p>\n' for t in u.text)
        elif u.repealed:
            out.append(f"<p{at}>{_escaped(unit_label_text(u, self.language))} {self.repealed}{badge}</p>\n")
        else:
            label = (self._labels.get((u.kind, u.label)) or self._label(u) if u.kind in _LABELLED
                     else _escaped(unit_label_text(u, self.language)))
            label = f"{label} {badge}"
            for k, t in enumerate(u.text or ("",)):
                out.append(f'<p class="{para_class(t)}{tail}{label if k == 0 else ""}{_inline(t)}</p>\n')
        for c in u.children:
            self._unit(c, mv, unit_address(c, addr) if addr else None, out)
        out.extend(f'<p class="{para_class(t)}{tail}{_inline(t)}</p>\n' for t in u.closing)


_LABELLED = (Kind.CLAUSE, Kind.POINT)  # units printed by their label alone (`1.`, `a)`); headings show their title


def _escaped(text: str) -> str:
    """`markupsafe.escape(text)` as a plain string."""
    return str(escape(text))


def _inline(text: str) -> str:
    """`inline_markdown(text)` as a plain string; text without Markdown syntax holds no `&` or `<`, so
    escaping it is replacing `>` (what `html.escape(text, quote=False)` gives), without a Markup object."""
    if _INLINE_SYNTAX.search(text) is None:
        return text.replace(">", "&gt;")
    return str(inline_markdown(text))

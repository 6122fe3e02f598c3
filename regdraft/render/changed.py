"""Changed provisions as HTML without template calls: the `provision` macro of `redline-macros.html.j2` in Python.

A redline's changed provisions went through a recursive macro: a sandboxed call, attribute checks and an
escape per value, per paragraph. The macro now calls `Changed` (the template global `provision_html`), which
prints the same bytes in one pass; unchanged provisions are `render.fragments`'. A workspace's own
`redline-macros.html.j2` still defines its own macro. `tests/test_render_fragments.py` checks whole pages
byte for byte against the macro as it was (tests/fixtures/render/provision-macro.html.j2).

Post-conditions:
1. Values reach the page only through `escape` or as the `Markup` the redline's helpers build, as in the macro.
2. A paragraph of a changed provision carries the change bar (` chg`) only where it shows a change
   (`render.paragraphs.shows_change`).
3. With `annotate` on (the review server), each paragraph carries its provision's address (`mark`) and the
   first one its badge; with `prune` on (a comparison table of the changes alone), a provision leaves out its
   unchanged children, those listed in rows of their own, and those whose changes are all in rows of their own,
   each run of them shown as `[…]`.
4. With `mark_parts` too, a paragraph showing new text of a part (a title, lead-in, closing text, dash or plus
   item) names the parts it lies in, and the first showing each part its handle, as `render.fragments` marks
   unchanged ones (`title` does it for a heading the template prints); a paragraph showing none names none.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

from regdraft.core.diff import ChangeKind, Provision
from regdraft.core.model import TEXT_HEADINGS, Kind
from regdraft.core.moves import Place
from regdraft.render.fragments import NO_PART, PartMarks, part_marks
from regdraft.render.html import heading_tag
from regdraft.render.paragraphs import bar


class Changed:
    """A changed provision and everything below it, marked, as the `provision` macro printed it; `helpers` are the
    redline's (`render.redline_helpers.Helpers`), `unchanged` prints an identical provision (`Fragments.unchanged`)."""

    def __init__(self, helpers: Any, unchanged: Any, globals_: Mapping[str, Any]) -> None:
        # Private: a template calls this helper, and has no business with what it holds (`render.reach`).
        self._helpers, self._unchanged, self._globals = helpers, unchanged, globals_

    def __call__(self, p: Provision, side: str = "both", moved: bool = False, place: str = Place.HERE) -> Markup:
        g = self._globals
        annotate, prune = bool(g.get("annotate")), bool(g.get("prune"))
        out: list[str] = []
        self._provision(p, side, moved, place, out, annotate, prune, g["mark"], g["badge"])
        return Markup("".join(out))

    def title(self, p: Provision) -> tuple[Markup, Markup]:
        """The marks of the title of a heading the template prints (a chapter's, a section's): the markup of its
        opening tag and what begins its content; nothing off the review page or for a heading without a title."""
        marks = self._marks(p, p.new_address if self._globals.get("annotate") else None)
        return Markup(marks.title[0]), Markup(marks.title[1])

    def _marks(self, p: Provision, addr: Any) -> PartMarks:
        """The marks of the parts of `p`'s new text when the page marks them (`mark_parts`), none otherwise."""
        mark_parts = self._globals.get("mark_parts")
        if addr is None or not callable(mark_parts) or p.new is None or p.change is ChangeKind.REPEALED:
            return _UNMARKED
        return part_marks(p.new, addr, mark_parts)

    def _provision(self, p: Provision, side: str, moved: bool, place: str, out: list[str], annotate: bool,
                   prune: bool, mark: Any, badge: Any) -> None:
        h = self._helpers
        if place == Place.MOVED_AWAY:
            for k, para in enumerate(h.moved_away(p)):
                tag = _escaped(para.tag)
                # A repeal whose text moved elsewhere is listed where it stood: its own anchor.
                own = p.anchor if p.moved_to is not None else f"{p.anchor}-from"
                anchor = f' id="{_escaped(own)}"' if k == 0 and p.anchor else ""
                out.append(f'<{tag} class="{_escaped(para.css)}"{anchor}>{para.html}</{tag}>\n')
            return
        mv = moved or place == Place.MOVED_HERE
        addr = p.new_address if annotate and side == "both" else None
        if p.identical:
            out.append(str(self._unchanged(p.new, mv, addr)))
            return
        anchor = p.anchor if side == "both" else ""
        at = str(escape(mark(addr))) if addr else ""
        own_badge = str(escape(badge(addr))) if addr else ""
        marks = self._marks(p, addr)
        text = _Shown(marks.text, p.new.text if p.new else ())
        if p.kind in TEXT_HEADINGS:
            anchored = f' id="{_escaped(anchor)}"' if anchor else ""
            attribute, handles = marks.title
            heading = h.heading_marked(p, side, place)
            head = heading_tag(p.kind) if side == "both" else "p"  # a comparison table's cells hold no headings
            anchored += str(h.bookmark(p)) if side == "both" else ""  # the PDF bookmark's name
            out.append(f'{handles}<{head} class="article-heading{bar(p.change, heading)}"{anchored}{at}{attribute}>'
                       f'{heading}{own_badge}</{head}>\n')
            out.extend(_printed(para, bar(p.change, para.html), at, text.marks(para.line))
                       for para in h.body(p, side, mv, prune and p.kind is Kind.APPENDIX))
        else:
            # A provision without text of its own (its children follow) is its label on a line.
            paragraphs = [(para.tag, para.css, para.html, para.line) for para in h.body(p, side, mv)] \
                or [("p", "para", "", None)]
            for k, (tag, css, html, line) in enumerate(paragraphs):
                anchored = f' id="{_escaped(anchor)}"' if k == 0 and anchor else ""
                label = f"{h.label_marked(p, side, place)} {own_badge}" if k == 0 else ""
                attribute, handles = text.marks(line)
                tag = _escaped(tag)
                out.append(f'<{tag} class="{_escaped(css)}{bar(p.change, f"{label}{html}")}"{anchored}{at}{attribute}>'
                           f'{_begun(tag, label, handles, html)}</{tag}>\n')
        left_out = False  # a run of children left out of a table of the changes alone, shown as `[…]`
        for c, at_c in h.in_order(p.children, p, side):
            if prune and not _own_row_leaves(c):
                left_out = True
                continue
            if left_out:
                out.append(LEFT_OUT)
                left_out = False
            self._provision(c, side, mv, at_c, out, annotate, prune, mark, badge)
        if left_out:
            out.append(LEFT_OUT)
        closing = _Shown(marks.closing, p.new.closing if p.new else ())
        out.extend(_printed(para, bar(p.change, para.html), at, closing.marks(para.line))
                   for para in h.closing(p, side, mv))


ELLIPSIS = "[…]"  # where a comparison table with only the changes leaves out unchanged paragraphs, rows or provisions
# A run of children a row of that table leaves out: Luật Du lịch's khoản 2 Điều 34 printed its lead-in ("… được quy
# định như sau:") straight before its closing sentence, its points a and b gone without a mark.
LEFT_OUT = f'<p class="para elided">{ELLIPSIS}</p>\n'


def _own_row_leaves(p: Provision) -> bool:
    """Whether a provision has something to print in its parent's row of a table of the changes alone: a change of
    its own, or below it, that is not in a row of its own. Khoản 7 Điều 3 of Luật Đấu thầu, whose points a and d
    have rows, printed its unchanged lead-in in the row of Điều 3 (renamed) with nothing after it."""
    if p.identical or p.anchor:
        return False
    return p.change is not None or any(_own_row_leaves(c) for c in p.children)


def _printed(para: Any, bar: str, at: str, marks: tuple[str, str] = NO_PART) -> str:
    """A paragraph of the redline's (`render.redline.Paragraph`) printed with its change bar, address and the
    marks of its parts (`_Shown.marks`)."""
    tag = _escaped(para.tag)
    return f'<{tag} class="{_escaped(para.css)}{bar}"{at}{marks[0]}>{_begun(tag, "", marks[1], para.html)}</{tag}>\n'


def _begun(tag: str, label: str, handles: str, html: str) -> str:
    """A paragraph's content: its handles, its label, its text; a table's handles in its first cell."""
    if handles and tag == "table":
        return label + html.replace("<td>", f"<td>{handles}", 1)
    return f"{handles}{label}{html}"


_UNMARKED = PartMarks(NO_PART, (), ())


class _Shown:
    """The marks of a unit's paragraphs (its text or its closing text) by the line of the compared text a printed
    paragraph shows (`Paragraph.line`): a table is one paragraph of several lines, and a paragraph whose line
    break was deleted prints as two, the handles in the first. Without marks (not marked), none."""

    def __init__(self, marks: tuple[tuple[str, str], ...], paragraphs: tuple[str, ...]) -> None:
        self.by_line = [k for k, text in enumerate(paragraphs) for _ in range(text.count("\n") + 1)] if marks else []
        self.paragraph_marks = marks
        self.handled: set[int] = set()

    def marks(self, line: int | None) -> tuple[str, str]:
        """The marks of the paragraph a printed one shows the line `line` of (none for None)."""
        if line is None or line >= len(self.by_line):
            return NO_PART
        k = self.by_line[line]
        attribute, handles = self.paragraph_marks[k]
        if k in self.handled:
            return attribute, ""
        self.handled.add(k)
        return attribute, handles


def _escaped(text: str) -> str:
    return str(escape(text))

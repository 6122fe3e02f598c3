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
   provision's first paragraph its `badge(address)`; without one, neither is called. With
   `mark_parts` too, a paragraph of a part (a title, lead-in, closing text, dash or plus item)
   carries what it gives for the parts it lies in, and the first paragraph of each part its handle
   (`part_marks`).
3. `KeptFragments` keeps the printed fragments of a reading's unchanged articles next to the
   reading in the signed cache: a fragment depends only on the article (the reading, whose
   language is its own), this module's and `render.html`'s code, so a later comparison against
   the same text reuses it. An article whose text needed markdown-it is not kept (its output
   follows markdown-it's version), nor anything moved or annotated. A fragment is kept as the page's pass
   (`render.html.kept_whole`) makes it, and only when that is what the pass makes of it in any page
   (`kept_whole_alone`): a printed page puts it in after passing the rest (`render.redline._Runs.passed`), and
   `unchanged_html` gives it back as printed (`unpassed`). It is kept as its UTF-8 bytes, and a warm printed page
   takes it as those (`passed_later`): they go into the file as they are (`render.output.write_page`), never decoded
   into the page's text and encoded again (docs/performance.md, thirty-eighth round).
4. An identical provision's old and new units are equal, so in a comparison whose two texts
   have the same language the old reading's kept fragments print the new text's unchanged
   articles too (`keep_old`, `unchanged(..., same=)`), and what is printed is kept for both.
5. A kept fragment holds no mark of a change and no script, and closes each element it opens: it prints an
   article as it stands, its text escaped (`<` written `&lt;`: no tag comes from the text) and its tags this
   module's (`<p>`, a heading, a moved provision's class ` moved`, which is not kept) and the page's pass's (a
   `<span class="nobr">`), no `<del>`, `<ins>` or `class="mv"` element. So a page's marks said in words
   (`render.said_marks`) pass a kept fragment's bytes on unread.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, overload

from markupsafe import Markup, escape

from regdraft.core.markdown_writer import heading_text, unit_label_text
from regdraft.core.model import REPEALED_TEXT, TEXT_HEADINGS, Address, Kind, Unit, unit_address
from regdraft.core.part_codes import TITLE
from regdraft.core.parts import Held, is_table, paragraph_parts, table_head, table_rows
from regdraft.render.html import _INLINE_SYNTAX, heading_tag, inline_markdown


def para_class(text: str) -> str:
    """The class of a printed paragraph: a dash line, a plus line, or a plain paragraph."""
    return "dash" if text.startswith("- ") else "sub-dash" if text.startswith("+ ") else "para"


# The review page's hook for the parts of a unit: given the parts a paragraph lies in and those it starts (their
# addresses), the markup of its opening tag (an attribute) and what begins its content (the handles choosing them).
MarkParts = Callable[[Sequence[Address], Sequence[Address]], tuple[Markup, Markup]]
NO_PART = ("", "")


@dataclass(frozen=True, slots=True)
class PartMarks:
    """What `mark_parts` gives a unit's paragraphs, escaped: for its heading (its title), for each paragraph of its
    text and for each of its closing text, (the markup of the opening tag, the markup beginning the content)."""

    title: tuple[str, str]
    text: tuple[tuple[str, str], ...]
    closing: tuple[tuple[str, str], ...]


def part_marks(unit: Unit, address: Address, mark_parts: MarkParts) -> PartMarks:
    """The marks of the parts of `unit` (at `address`): each paragraph names the parts it lies in, the first
    paragraph of each part carries its handle; a repealed unit has none."""
    def marked(held: Sequence[Held]) -> tuple[tuple[str, str], ...]:
        out: list[tuple[str, str]] = []
        before: Held = ()
        for parts in held:
            if parts:
                attribute, handles = mark_parts([address.with_part(p) for p in parts],
                                                [address.with_part(p) for p in parts if p not in before])
                out.append((str(escape(attribute)), str(escape(handles))))
            else:
                out.append(NO_PART)
            before = parts
        return tuple(out)

    if unit.repealed:
        return PartMarks(NO_PART, (NO_PART,) * len(unit.text), (NO_PART,) * len(unit.closing))
    text, closing = paragraph_parts(unit)
    title = marked([(TITLE,)])[0] if unit.title else NO_PART
    return PartMarks(title, marked(text), marked(closing))


class Fragments:
    """Renders unchanged provisions of one document (its language, and the page's annotation hooks)."""

    def __init__(self, language: str, mark: object = None, badge: object = None, mark_parts: object = None) -> None:
        self.language = language
        self.repealed = str(escape(REPEALED_TEXT[language]))
        self.mark: Callable[[Any], Any] | None = mark if callable(mark) else None
        self.badge: Callable[[Any], Any] | None = badge if callable(badge) else None
        self.mark_parts: MarkParts | None = mark_parts if callable(mark_parts) else None
        self._labels: dict[tuple[Kind, str], str] = {}
        self._article_at: dict[int, int] = {}  # id of an article of the kept reading -> its ordinal
        self.kept: list[Kept] = []
        self.added = False
        self._old_at: dict[int, int] = {}  # the same for the old text's reading (`keep_old`)
        self.old_kept: list[Kept] = []
        self.old_added = False
        self._old_source: tuple[Sequence[Unit], Callable[[], Sequence[Kept] | None]] | None = None
        self._later: list[tuple[str, int | None, int | None]] = []  # (printed, at, was): `passed_later`

    def keep(self, articles: Sequence[Unit], kept: Sequence[Kept] | None) -> None:
        """Use and collect the printed fragments of these articles (a reading's, in order); `kept` as loaded."""
        self._article_at = {id(u): k for k, u in enumerate(articles)}
        self.kept = list(kept) if kept is not None and len(kept) == len(articles) else [None] * len(articles)

    def keep_old(self, units: Sequence[Unit], load: Callable[[], Sequence[Kept] | None]) -> None:
        """The same for the old text's articles, in the same language: an identical provision prints the same.

        A drafter edits the new text and compares again: the new reading is new each time, the old
        one is not, so its articles' fragments serve the unchanged articles of every edit. They are
        loaded at the first article the new text's own fragments do not hold (never, when warm).
        """
        self._old_source = (units, load)

    def _old_lookup(self, same: Unit) -> int | None:
        if self._old_source is not None:
            units, load = self._old_source
            self._old_source = None
            old_articles = articles(units)
            kept = load()
            self._old_at = {id(u): k for k, u in enumerate(old_articles)}
            self.old_kept = (list(kept) if kept is not None and len(kept) == len(old_articles)
                             else [None] * len(old_articles))
        return self._old_at.get(id(same))

    def unchanged(self, unit: Unit, moved: bool = False, address: Any = None, same: Unit | None = None) -> Markup:
        """`unit` and everything below it as printed paragraphs (`moved`: in the moved style).

        `same` is the old text's unit of an identical provision (equal to `unit`): its kept
        fragment, if any, is the same text.
        """
        return Markup(self.unchanged_html(unit, moved, address, same))

    def unchanged_html(self, unit: Unit, moved: bool = False, address: Any = None, same: Unit | None = None) -> str:
        """What `unchanged` prints, as the plain string it is made of: a run of unchanged provisions is joined
        first (`render.redline._Runs`), and a `Markup` of each would copy every fragment once more."""
        raw, passed = self._printed(unit, moved, address, same)
        return raw if raw is not None else unpassed(passed or "")

    def passed_html(self, unit: Unit, same: Unit | None = None) -> str | None:
        """The plain `unchanged_html(unit, same=same)` of an article as the page's pass (`render.html.kept_whole`)
        makes it, wherever it stands in the page (`render.dashes.stands_apart`), when it is kept; None when not (an
        article that needed markdown-it, or one whose fragment could be changed by what stands around it)."""
        return self._printed(unit, False, None, same)[1]

    def passed_later(self, unit: Unit, same: Unit | None = None) -> tuple[str | bytes, bool] | int:
        """`passed_html(unit, same)` for a run of a printed page, as (the passed fragment, True) when it is kept (as
        it was loaded: its UTF-8 bytes), else (the fragment printed, False); but a fragment printed now that may be
        kept is passed later, with the others so printed, by `pass_later`: its place among them is returned instead
        (a cold page passed its 950 fragments one call each: 18-19 ms of CPU, 12-13 in one call; docs/performance.md,
        thirtieth round)."""
        at = self._article_at.get(id(unit))
        if at is not None and (kept := self.kept[at]) is not None:  # a warm page's every article: looked up once
            return kept, True
        found, html, at, was = self._found(unit, False, None, same, raw=True)
        if found is not None:
            return found, True
        assert html is not None
        if (at is None and was is None) or not _alone(html):
            return html, False
        self._later.append((html, at, was))
        return len(self._later) - 1

    def pass_later(self) -> list[tuple[str, bool]]:
        """The fragments `passed_later` left, in order, passed together (`kept_whole_all`) and kept as `_printed`
        keeps them: each (passed, True), or (as printed, False) when its pass could not be undone."""
        later, self._later = self._later, []
        out: list[tuple[str, bool]] = []
        for (html, at, was), passed in zip(later, kept_whole_all([html for html, _, _ in later]), strict=True):
            if passed is None:
                out.append((html, False))
                continue
            self._kept_as(at, was, passed)
            out.append((passed, True))
        return out

    def _printed(self, unit: Unit, moved: bool, address: Any, same: Unit | None) -> tuple[str | None, str | None]:
        """The fragment as printed (None when it was kept: only its passed form is) and its passed form (None when
        it is not kept)."""
        found, html, at, was = self._found(unit, moved, address, same)
        if found is not None:
            return None, found
        assert html is not None
        passed = kept_whole_alone(html) if at is not None or was is not None else None
        if passed is not None:
            self._kept_as(at, was, passed)
        return html, passed

    @overload
    def _found(self, unit: Unit, moved: bool, address: Any, same: Unit | None,
               raw: Literal[False] = False) -> tuple[str | None, str | None, int | None, int | None]: ...

    @overload
    def _found(self, unit: Unit, moved: bool, address: Any, same: Unit | None,
               raw: bool) -> tuple[str | bytes | None, str | None, int | None, int | None]: ...

    def _found(self, unit: Unit, moved: bool, address: Any, same: Unit | None,
               raw: bool = False) -> tuple[str | bytes | None, str | None, int | None, int | None]:
        """The kept (passed) fragment (`raw`: as kept, its bytes when loaded; else as text), or None and the fragment
        printed now with where it would be kept in the new text's and the old text's lists (None: nowhere; never an
        article that needed markdown-it)."""
        plain = not moved and address is None
        at = self._article_at.get(id(unit)) if plain else None
        found = self.kept[at] if at is not None else None
        if found is None:
            was = self._old_lookup(same) if plain and same is not None else None
            found = self.old_kept[was] if was is not None else None
        if found is not None:
            return (found if raw else text_of(found)), None, None, None
        runs = _markdown_runs
        out: list[str] = []
        self._unit(unit, " moved" if moved else "", address if self.mark is not None else None, out)
        if runs != _markdown_runs:
            return None, "".join(out), None, None
        return None, "".join(out), at, was

    def _kept_as(self, at: int | None, was: int | None, passed: Kept) -> None:
        if at is not None:
            self.kept[at] = passed
            self.added = True
        if was is not None:
            self.old_kept[was] = passed
            self.old_added = True

    def _label(self, u: Unit) -> str:
        """A clause's or point's label as printed, escaped (kept: a regulation repeats `1.` and `a)` often)."""
        label = self._labels[(u.kind, u.label)] = _escaped(unit_label_text(u, self.language))
        return label

    def _unit(self, u: Unit, mv: str, addr: Any, out: list[str]) -> None:
        # Plain str throughout (no Markup per paragraph): every value is escaped exactly once here.
        at = str(escape(self.mark(addr))) if addr and self.mark is not None else ""
        badge = str(escape(self.badge(addr))) if addr and self.badge is not None else ""
        tail = f"{mv}\"{at}>"
        if addr and self.mark_parts is not None:
            self._unit_parts(u, mv, addr, at, badge, part_marks(u, addr, self.mark_parts), out)
            return
        if u.kind in TEXT_HEADINGS:
            h = heading_tag(u.kind)
            out.append(f'<{h} class="article-heading{tail}{_heading(u, self.language)}{badge}</{h}>\n')
            out.extend(_paragraph(t, tail) for t in u.text)
        elif u.repealed:
            out.append(f"<p{at}>{_escaped(unit_label_text(u, self.language))} {self.repealed}{badge}</p>\n")
        else:
            label = (self._labels.get((u.kind, u.label)) or self._label(u) if u.kind in _LABELLED
                     else _escaped(unit_label_text(u, self.language)))
            label = f"{label} {badge}"
            for k, t in enumerate(u.text or ("",)):
                out.append(f'<p class="{para_class(t)}{tail}{label if k == 0 else ""}{_inline(t)}</p>\n' if k == 0
                           else _paragraph(t, tail))
        for c in u.children:
            self._unit(c, mv, unit_address(c, addr) if addr else None, out)
        out.extend(_paragraph(t, tail) for t in u.closing)

    def _unit_parts(self, u: Unit, mv: str, addr: Any, at: str, badge: str, marks: PartMarks, out: list[str]) -> None:
        """`_unit` on the review page with its parts marked: the same paragraphs, each naming the parts it lies
        in, the first of each part beginning with its handle."""
        if u.kind in TEXT_HEADINGS:
            attribute, handles = marks.title
            h = heading_tag(u.kind)
            # The handle stands before the heading, not in it: a heading's accessible name is its text alone.
            out.append(f'{handles}<{h} class="article-heading{mv}"{at}{attribute}>'
                       f'{_heading(u, self.language)}{badge}</{h}>\n')
            out.extend(_paragraph(t, f'{mv}"{at}{m[0]}>', m[1]) for t, m in zip(u.text, marks.text, strict=True))
        elif u.repealed:
            out.append(f"<p{at}>{_escaped(unit_label_text(u, self.language))} {self.repealed}{badge}</p>\n")
        else:
            label = f"{_escaped(unit_label_text(u, self.language))} {badge}"
            for k, (t, (attribute, handles)) in enumerate(zip(u.text or ("",), marks.text or (NO_PART,),
                                                             strict=True)):
                tail = f'{mv}"{at}{attribute}>'
                out.append(f'<p class="{para_class(t)}{tail}{handles}{label}{_inline(t)}</p>\n' if k == 0
                           else _paragraph(t, tail, handles))
        for c in u.children:
            self._unit(c, mv, unit_address(c, addr), out)
        out.extend(_paragraph(t, f'{mv}"{at}{m[0]}>', m[1]) for t, m in zip(u.closing, marks.closing, strict=True))


_LABELLED = (Kind.CLAUSE, Kind.POINT)  # units printed by their label alone (`1.`, `a)`); headings show their title


def _paragraph(text: str, tail: str, handles: str = "") -> str:
    """A paragraph of a unit as printed (`tail` ends its class and opening tag, `handles` begin its content); a
    Markdown table as a table, as the consolidated text prints it (the redline printed its `| a | b |` lines:
    Nghị định 63/2010's forms), its handles in its first cell."""
    if is_table(text):
        rows = ["<tr>" + "".join(f"<td>{handles if k == 0 and n == 0 else ''}{_inline(cell)}</td>"
                                 for k, cell in enumerate(row)) + "</tr>\n"
                for n, row in enumerate(table_rows(text))]
        return f'<table class="provision-table{tail}\n{table_body(rows, table_head(text))}</table>\n'
    return f'<p class="{para_class(text)}{tail}{handles}{_inline(text)}</p>\n'


def table_body(rows: Sequence[str], head: bool) -> str:
    """A table's rows (`<tr>…</tr>` each), the first in a `<thead>` when it names the columns (`table_head`):
    printed again at the top of each page the table runs onto."""
    if not head or not rows:
        return "".join(rows)
    return f"<thead>{rows[0]}</thead>\n<tbody>\n{''.join(rows[1:])}</tbody>\n"


def _heading(unit: Unit, language: str) -> str:
    """An article's (or appendix's) heading line: its label escaped, its title Markdown inline, as the consolidated
    text and a changed title (`marked`) read it (`\\*` is a `*`)."""
    head = heading_text(unit, language)
    if not unit.title or _INLINE_SYNTAX.search(unit.title) is None or not head.endswith(unit.title):
        return _escaped(head)
    return _escaped(head[:len(head) - len(unit.title)]) + _inline(unit.title)


def _escaped(text: str) -> str:
    """`markupsafe.escape(text)` as a plain string."""
    return str(escape(text))


def _inline(text: str) -> str:
    """`inline_markdown(text)` as a plain string; text without Markdown syntax holds no `&` or `<`, so
    escaping it is replacing `>` (what `html.escape(text, quote=False)` gives), without a Markup object."""
    if _INLINE_SYNTAX.search(text) is None:
        return text.replace(">", "&gt;")
    global _markdown_runs
    _markdown_runs += 1
    return str(inline_markdown(text))


_markdown_runs = 0  # paragraphs given to markdown-it: an article that needed it is not kept


_NOBR = '<span class="nobr">'
_NOBR_SPAN = re.compile('<span class="nobr">([^<]*)</span>')
_SPAN_SIZE = len('<span class="nobr"></span>')


def kept_whole_alone(html: str) -> str | None:
    """A fragment as the page's pass (`render.html.kept_whole`: numbers and dashes kept on their line) makes it in
    any page it stands in, or None when that cannot be told from the fragment alone (`dashes.stands_apart`) or
    it holds a `nobr` span of its own (then `unpassed` could not undo the pass): it is printed then as it was, and
    passed with the page."""
    from regdraft.render.html import kept_whole_in

    if not _alone(html):
        return None
    passed = kept_whole_in(html)
    return passed if _undone(passed, html) else None


def kept_whole_all(htmls: Sequence[str]) -> list[str | None]:
    """`kept_whole_alone` of each of `htmls`, fragments that may be passed alone (`_alone`), made in one pass over
    them joined by a mark (`_APART`): each stands apart, so the pass makes of it beside the mark what it makes of
    it alone, as of a part beside `redline_page.PASSED` in a page."""
    from regdraft.render.html import kept_whole_in

    if not htmls:
        return []
    parts = kept_whole_in(_APART.join(htmls)).split(_APART)
    if len(parts) != len(htmls):  # a fragment holding the mark (none: text holds no NUL)
        return [kept_whole_alone(html) for html in htmls]
    return [passed if _undone(passed, html) else None for passed, html in zip(parts, htmls, strict=True)]


# What `kept_whole_all` joins fragments by: a tag of no element, ending as a fragment does, that no text holds.
_APART = "<\x00regdraft-apart\x00>\n"


def _alone(html: str) -> bool:
    """Whether the pass makes of `html` alone what it makes of it in any page (`dashes.stands_apart`), and `html`
    holds no `nobr` span of its own (`unpassed` could not tell it from the pass's)."""
    from regdraft.render.dashes import stands_apart

    return _NOBR not in html and stands_apart(html)


def _undone(passed: str, html: str) -> bool:
    """Whether taking the `nobr` spans out of `passed` gives `html` back: each span the pass puts in is `_NOBR`, text
    without `<`, `</span>` (what `unpassed` takes away, and all it does), checked by their length."""
    return len(passed) - len(html) == passed.count(_NOBR) * _SPAN_SIZE


def unpassed(html: str) -> str:
    """A fragment kept passed (`kept_whole_alone`) as printed: its `nobr` spans taken away. A fragment holds no
    such span of its own (`kept_whole_alone` keeps none that did) and the pass never nests them (a number holds no
    space, a dash's span only ` -`), so this is exactly the fragment printed."""
    return _NOBR_SPAN.sub(r"\1", html) if _NOBR in html else html


def articles(units: Sequence[Unit]) -> list[Unit]:
    """The articles among `units` and inside their parts, chapters and sections, in order."""
    found: list[Unit] = []
    for unit in units:
        if unit.kind is Kind.ARTICLE:
            found.append(unit)
        elif unit.kind not in (Kind.CLAUSE, Kind.POINT):
            found.extend(articles(unit.children))
    return found


@dataclass(frozen=True, slots=True)
class KeptFragments:
    """The signed cache entry (`render.signed`) of the printed fragments of one reading's articles."""

    folder: Path
    reading: str  # the reading's own cache key: its bytes, name and parsing code

    def load(self) -> list[Kept] | None:
        """The fragments kept, one per article in order, each its UTF-8 bytes (None: not kept), or None when there are
        none."""
        from regdraft.render import signed

        entry = signed.open_entry(self.folder, self._name())
        if entry is None:
            return None
        try:
            kept = marshal.loads(entry.getbuffer()[entry.tell():])
        except (ValueError, EOFError, TypeError):
            return None
        if not isinstance(kept, list) or not all(k is None or type(k) is bytes for k in kept):
            return None
        return kept

    def store(self, kept: Sequence[Kept]) -> None:
        """Keep the fragments for the next comparison against the same text, each as its UTF-8 bytes (one that has
        none, a lone surrogate, is not kept: a page holding it cannot be written either)."""
        from regdraft.render import signed

        signed.store(self.folder, self._name(), marshal.dumps([_bytes_of(k) for k in kept]))

    def _name(self) -> str:
        return f"fragments-{self.reading}-{_code()}"


# A kept fragment: its text as printed and passed, or (loaded from `KeptFragments`) that text's UTF-8 bytes; None
# for an article not kept.
Kept = str | bytes | None


def text_of(fragment: str | bytes) -> str:
    """A kept fragment as text."""
    return fragment if isinstance(fragment, str) else fragment.decode("utf-8")


def _bytes_of(fragment: Kept) -> bytes | None:
    if not isinstance(fragment, str):
        return fragment
    try:
        return fragment.encode("utf-8")
    except UnicodeEncodeError:
        return None


def _code() -> str:
    """What a fragment depends on besides its article: this module's, `render.html`'s and the page's pass's
    (`render.dashes`) code, and Python's."""
    # (2: the fragments kept as their UTF-8 bytes; before, as text)
    digest = hashlib.blake2b(f"2:{sys.version_info[:3]}".encode(), digest_size=12)
    for module in (__file__, sys.modules["regdraft.render.html"].__file__ or "",
                   str(Path(__file__).with_name("dashes.py")), sys.modules["regdraft.core.parts"].__file__ or ""):
        info = os.stat(module)
        digest.update(f"{module}:{info.st_size}:{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()

"""A hyphen or an en dash between two words or numbers (` - `, ` – `) never opens a printed line.

In Vietnamese legal print a line that starts with `- ` (or `– `) is a dash item (gạch đầu dòng). A line broken before
the hyphen of a compound term or a span (`tổ chức xã hội - nghề nghiệp`, `nhiệm kỳ 2020 - 2025`) put `- nghề nghiệp`
or `- 2025` at a line's start, where it read as a new item; texts also write the en dash (U+2013) so
(`Độc lập – Tự do – Hạnh phúc`, Nghị định 63/2010's `các câu hỏi từ câu 1 – 3`). The dash stays on the line of the
word before it; the line may break after it:

- in HTML (the PDF is printed from it), `dashes_kept` puts the space and the dash in a `nobr` span
  (`hội<span class="nobr"> -</span> nghề`, `câu 1<span class="nobr"> –</span> 3`): the text (`textContent`,
  `pdftotext`) keeps its plain spaces;
- in DOCX, `no_break_before_dashes` writes the space before the dash as a no-break space (U+00A0), as Word
  itself does; regdraft's Word import reads it as a plain space (`core.text.ODD_SPACES`).

Only a dash (`DASHES`) with a space on each side, after a letter, a digit, `)`, `]`, `”`, `’` or `%` and before a
letter, a digit, `(`, `[`, `“` or `‘`, is kept so: a dash item (`Nơi nhận:` / `- Như Điều 3;`, or `…; - Lưu: VT` run
into one line) follows a line's start or a `:` / `;` and is left as it is, and so is a quotation's text like any
other. The em dash (U+2014) is not among them: no text of the corpus writes it between two words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from regdraft.core.patterns import lazy

_ENDS = ")]”’%"  # after a letter or digit, what may end the word before the hyphen
_STARTS = "([“‘"  # what may start the word after it
DASHES = "-\u2013"  # the hyphen and the en dash
_WORD_BEFORE = rf"(?:(?<=[^\W_])|(?<=[{re.escape(_ENDS)}]))"
# The space before a dash kept on its word's line: the dash ends the text, or a space follows it, then a word or
# the text's end (the word after it is in the next run).
_DOCX_SPACE = lazy(rf"{_WORD_BEFORE} (?=[{DASHES}](?:$| (?:$|[^\W_]|[{re.escape(_STARTS)}])))")
_OPENINGS = tuple(f" {dash}" for dash in DASHES)  # how a run opening with a dash starts
_SPACED = re.compile(rf" [{DASHES}] ")  # a dash with a space on each side, in HTML
NO_BREAK_SPACE = "\u00a0"


def no_break_before_dashes(text: str, before: str = "") -> str:
    """`text` (a run of a Word paragraph) with the space before each ` - ` or ` – ` between two words a no-break
    space; `before` is the paragraph's text up to the run (its last character counts as the word before)."""
    if not any(opening in text for opening in _OPENINGS):
        return text
    if text.startswith(_OPENINGS) and before:
        return _DOCX_SPACE.sub(NO_BREAK_SPACE, before[-1] + text)[1:]
    return _DOCX_SPACE.sub(NO_BREAK_SPACE, text)


def word_run_text(p: Any, text: str) -> str:
    """The text of a run added at the end of a Word paragraph (`w:p`) `p`: `no_break_before_dashes`, the word
    before a dash opening the run being the paragraph's last character so far."""
    return no_break_before_dashes(text, _last_character(p) if text.startswith(_OPENINGS) else "")


def _last_character(p: Any) -> str:
    """The last character of a `w:p`'s text so far, deleted text aside (a tracked deletion's `w:delText`), or ""
    where its last runs hold none (at its start, or after a field)."""
    from itertools import islice

    from docx.oxml.ns import qn

    run, text, inserted = qn("w:r"), qn("w:t"), qn("w:ins")
    for child in islice(p.iterchildren(run, inserted, reversed=True), _RUNS_LOOKED_AT):
        for r in child.iterchildren(run, reversed=True) if child.tag == inserted else (child,):
            for t in r.iterchildren(text, reversed=True):
                if t.text:
                    return str(t.text)[-1]
    return ""


_RUNS_LOOKED_AT = 4  # from a paragraph's end: a footnote's reference or a field's runs hold no text
# A script's start and end, found one after the other: `<script\b.*?</script>` scanned to the page's end from each
# `<script` with no end, a template's 10,000 of them cost 74 s (r28 sweep AD).
_SCRIPT_OPENS = re.compile(r"<script\b", re.I)
_SCRIPT_ENDS = re.compile(r"</script>", re.I)
# Elements inside a line that a word may sit in (`<ins>hội</ins> - nghề`, a footnote's `<sup>` or a number's span).
_INLINE = frozenset({"a", "b", "del", "em", "i", "ins", "s", "small", "span", "strong", "sub", "sup", "u", "mark"})
_TAGS_SKIPPED = 4  # the most tags between the dash and a word looked through


def dashes_kept(page: str) -> str:
    """An HTML page whose every ` - ` or ` – ` between two words of its body (outside scripts, tags and their
    attributes) has its space and dash in a `nobr` span: no line breaks before the dash, one may after it."""
    begin = page.find("<body")
    if begin < 0 or not _SPACED.search(page, begin):
        return page
    return outside_scripts(page, begin, _spans)


def outside_scripts(page: str, begin: int, spans: Callable[[str, int, int, int, list[str]], int]) -> str:
    """`page` with `spans` applied to its text from `begin` between its scripts (a page's JSON data is left as it
    is): `spans(text, begin, end, last, out)` puts into `out` the text from `last` to each place it changes and the
    change, and returns the new `last` (0: nothing changed). The page is read in place and copied once; each of its
    characters is searched once for a script's start or end: a script with no end (`</script>`) runs to the page's
    end, as a browser reads it."""
    out: list[str] = []
    last = 0
    while (script := _SCRIPT_OPENS.search(page, begin)) is not None:
        last = spans(page, begin, script.start(), last, out)
        ends = _SCRIPT_ENDS.search(page, script.end())
        begin = len(page) if ends is None else ends.end()
    last = spans(page, begin, len(page), last, out)
    if not last:
        return page
    out.append(page[last:])
    return "".join(out)


def spans_over(text: str, spans: Callable[[str, int, int, int, list[str]], int]) -> str:
    """`text` (holding no script) with `spans` applied to it whole, as `outside_scripts` applies it between scripts."""
    out: list[str] = []
    last = spans(text, 0, len(text), 0, out)
    if not last:
        return text
    out.append(text[last:])
    return "".join(out)


def dashes_kept_in(text: str) -> str:
    """`dashes_kept` of text of a page's body that holds no script, from its start (`stands_apart` text)."""
    return spans_over(text, _spans) if _SPACED.search(text) else text


class Next:
    """Where the next `char` of `text[:end]` is, asked at places that never go back: each part of the text is
    searched once (a search from each of n places to a far `<` is O(n × length): 80,000 dashes of one paragraph
    cost 8.8 s, r28 sweep AD)."""

    __slots__ = ("text", "char", "end", "asked", "found")

    def __init__(self, text: str, char: str, end: int) -> None:
        self.text, self.char, self.end = text, char, end
        self.asked = self.found = -1

    def at(self, place: int) -> int:
        """The first `char` at or after `place` (`end` when there is none); `place` is no less than the last asked."""
        if self.found < place:
            found = self.text.find(self.char, place, self.end)
            self.found = self.end if found < 0 else found
        self.asked = place
        return self.found


def in_text(openings: Next, closings: Next, at: int) -> bool:
    """Whether `at` is in text, not inside a tag: the next `<` comes before the next `>`."""
    opening = openings.at(at)
    return opening < openings.end and opening < closings.at(at)


def _spans(text: str, begin: int, end: int, last: int, out: list[str]) -> int:
    """The text from `last` to each kept dash of `text[begin:end]` and the dash's span, into `out`; the new
    `last`. A dash inside the tags that a kept dash's word was looked for through (`_word_after`) is in a tag."""
    openings, closings = Next(text, "<", end), Next(text, ">", end)
    for found in _SPACED.finditer(text, begin, end):
        at = found.start()
        if at < closings.asked:
            continue
        if in_text(openings, closings, at) and _word_before(text, at, begin) and _word_after(closings, at + 3):
            out.append(text[last:at])
            out.append(f'<span class="nobr"> {text[at + 1]}</span>')
            last = at + 2
    return last


def _word_before(text: str, at: int, begin: int) -> bool:
    """Whether a word ends at `at`, or before inline tags that end there."""
    for _ in range(_TAGS_SKIPPED + 1):
        if at <= begin:
            return False
        ch = text[at - 1]
        if ch != ">":
            return ch.isalnum() or ch in _ENDS
        opening = text.rfind("<", begin, at - 1)
        if opening < 0 or _tag_name(text[opening + 1:at - 1]) not in _INLINE:
            return False
        at = opening
    return False


def _word_after(closings: Next, at: int) -> bool:
    """Whether a word starts at `at`, or after inline tags that start there (their ends found by `closings`)."""
    text, end = closings.text, closings.end
    for _ in range(_TAGS_SKIPPED + 1):
        if at >= end:
            return False
        ch = text[at]
        if ch != "<":
            return ch.isalnum() or ch in _STARTS
        closing = closings.at(at)
        if closing >= end or _tag_name(text[at + 1:closing]) not in _INLINE:
            return False
        at = closing + 1
    return False


def holds_script(html: str) -> bool:
    """Whether `html` holds a script's start (`<script`, in any case)."""
    if "<s" not in html and "<S" not in html:
        return False
    return _SCRIPT_OPENS.search(html) is not None


def stands_apart(html: str) -> bool:
    """Whether the page's pass (`render.html.kept_whole`) makes of `html` what it makes of it alone, wherever it
    stands in a page's body: it opens with a tag and ends with one and a line break, neither of an inline element
    (no word is looked for through them, no number or dash runs across them), and it holds no script's start."""
    if not html.startswith("<") or not html.endswith(">\n") or holds_script(html):
        return False
    first, last = html.find(">"), html.rfind("<")
    return (_tag_name(html[1:first]) not in _INLINE and ">" not in html[last + 1:-2]
            and _tag_name(html[last + 1:-2]) not in _INLINE)


def _tag_name(inside: str) -> str:
    """The name of a tag from what its `<` and `>` enclose (`/ins`, `span class="nobr"`)."""
    name = inside.lstrip("/").split(None, 1)
    return name[0].lower() if name else ""

"""A provision's or comment's inline Markdown as styled spans: bold and italic kept, escapes and links resolved.

An image is never shown as one (that would mean fetching it): it reads as the text it was written in,
`![chữ thay thế](http://…/a.png)`, so a member's words inside it are not lost (`literal_images`).

For the outputs that style runs themselves (Word, spreadsheet cells) rather than print HTML, and for comparing
a text with what such an output shows of it (`plain`): a comment written `Quy định **24-QĐ/TW**` reads back from
a report's cell as `Quy định 24-QĐ/TW`.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from regdraft.core.patterns import lazy

_MARKUP = frozenset("*_`\\[<&!")  # a text without these has no inline Markdown: one plain span
_parsers: dict[bool, Any] = {}  # with links and images read, and without
# A paragraph with more `[` than this has its links printed as written: markdown-it seeks the end of a link's
# label from every `[` (tens of steps each), and a clause of 50,000 took an export ten seconds.
_MAX_BRACKETS = 1000


def may_link(text: str) -> bool:
    """Whether markdown-it is to read links and images in `text`.

    Inline parsing defines no link references, so only `[label](target)` makes a link (or `![…](…)` an image):
    a text without `](` has none, and parsing it without those rules gives exactly the same tokens, in time
    in proportion to it (a run of `[` or `![` otherwise costs tens of steps a character)."""
    return "](" in text and text.count("[") <= _MAX_BRACKETS


def literal_images(parser: Any) -> Any:
    """`parser` (a markdown-it parser) reading an image, and a link without text (`[](http://…)`), as the text
    it was written in, alt text and address included: nothing is fetched and no word is lost."""
    from markdown_it.rules_inline import image, link

    parser.inline.ruler.at("image", _as_written(image, lambda pushed: True))
    parser.inline.ruler.at("link", _as_written(link, lambda pushed: [t.type for t in pushed] == ["link_open",
                                                                                               "link_close"]))
    return parser


def _as_written(rule: Any, literal: Any) -> Any:
    """markdown-it's inline `rule`, its tokens replaced by the source text they were read from when `literal`."""

    def read(state: Any, silent: bool) -> bool:
        if silent:
            return bool(rule(state, silent))
        if state.pending:
            state.pushPending()  # the text before the construct stays a token of its own
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if literal(state.tokens[count:]):
            del state.tokens[count:]
            state.push("text", "", 0).content = state.src[start:state.pos]
        return True

    return read


class Span(NamedTuple):
    text: str
    bold: bool = False
    italic: bool = False


def spans(text: str, *, bold: bool = False, italic: bool = False, code: bool = True) -> list[Span]:
    """`text` as spans, each bold or italic where its Markdown says so (or the caller's `bold`, `italic`);
    a line break inside the text stays one (a span `\\n`: a member's paragraphs and lists are not run together),
    and code keeps its backticks (`` `mã` ``: the output has no style of its own for code) unless `code` is False
    (its words alone, as the HTML prints them in `<code>`)."""
    if _MARKUP.isdisjoint(text):
        return [Span(text, bold, italic)]  # most provisions and comments: no inline markup at all
    links = may_link(text)
    if links not in _parsers:
        from markdown_it import MarkdownIt

        # HTML off, as `render.html.inline_markdown` reads: `<a title="*x*">` is text, its `*x*` emphasis there too.
        parser = literal_images(MarkdownIt("commonmark", {"html": False}))
        _parsers[links] = parser if links else parser.disable(["link", "image"])
    out: list[Span] = []
    state = {"b": bold, "i": italic}
    for token in _parsers[links].parseInline(text):
        for child in token.children or []:
            if child.type in ("strong_open", "strong_close"):
                state["b"] = child.type == "strong_open" or bold
            elif child.type in ("em_open", "em_close"):
                state["i"] = child.type == "em_open" or italic
            elif child.type in ("text", "html_inline"):
                out.append(Span(child.content, state["b"], state["i"]))
            elif child.type == "code_inline":  # its backticks kept: no character typed is lost
                shown = f"{child.markup}{child.content}{child.markup}" if code else child.content
                out.append(Span(shown, state["b"], state["i"]))
            elif child.type in ("softbreak", "hardbreak"):
                out.append(Span("\n", bold, italic))
    return out


def plain(text: str) -> str:
    """`text` as a reader of a styled output sees it: its spans' text, line by line."""
    if _MARKUP.isdisjoint(text):
        return text
    return "\n".join("".join(s.text for s in spans(line)) for line in text.split("\n"))


# A backslash escape of the format (`\\*`, `b\\)`), and one or a character reference (`&amp;`, `&#46;`) as markdown-it
# reads them.
_ESCAPED = lazy(r"\\([!-/:-@\[-`{-~])")
_CHARACTER_REFERENCE = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_REFERENCE = lazy(r"\\([!-/:-@\[-`{-~])|" + _CHARACTER_REFERENCE)
# One character of the text as written in the format: an escape or a reference (no group: `re.findall` reads it).
ESCAPE_OR_REFERENCE = r"\\[!-/:-@\[-`{-~]|" + _CHARACTER_REFERENCE
# What text escapes: `*`, backticks, `[` and `<`; a run of `_` (left alone between two letters or digits, where it
# opens and closes nothing: `năm_sau`); `&` opening a character reference; plain text's `\\` before a mark it would
# escape, while a member's wording keeps such an escape (`b\\)`) as the format's.
_SYNTAX = (r"[*`\[<]|_+|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)"
           r"|\\(?=[!-/:-@\[-`{-~])")
_PLAIN_SYNTAX = lazy(_SYNTAX)
_TYPED_SYNTAX = lazy(r"\\[!-/:-@\[-`{-~]|" + _SYNTAX)
# The format's own mark of a number at a paragraph's start that is no clause (`1&#46; …`, `importer.classify.literal`).
_LITERAL_NUMBER = lazy(r"^\d+[a-z]?&#46;")


def without_escapes(text: str) -> str:
    """`text` with the format's backslash escapes (`b\\)` → `b)`, `\\*` → `*`) and character references (`&#46;` →
    `.`, `&amp;` → `&`) resolved, as markdown-it reads them: what a reader sees of it where no other Markdown is read
    (the terminal's `show`)."""
    if "\\" not in text and "&" not in text:
        return text
    return _REFERENCE.sub(_resolved, text)


def _resolved(match: Any) -> str:
    if match.group(1) is not None:
        return str(match.group(1))
    import html

    return html.unescape(match.group(0))


def _shown(text: str) -> str:
    """`text` as a reader of an output sees it: `plain`, but code without its backticks (the HTML prints `<code>`)."""
    if _MARKUP.isdisjoint(text):
        return text
    if "`" not in text:
        return plain(text)
    return "\n".join("".join(s.text for s in spans(line, code=False)) for line in text.split("\n"))


def typed_wording(line: str) -> str:
    """A line of wording a member typed in a plain box (the review form, a sheet's cell, a Word reply's tracked
    change) as a provision's text writes it so that it reads as typed: `*`, `_`, backticks, `[`, `<` and `&` escaped
    as `as_text` escapes them where the line would read as emphasis, code, a link or a character reference
    (`*hai*` → `\\*hai\\*`, `2*3*4` → `2\\*3\\*4`, `&amp;` → `\\&amp;`); a line that reads as typed (`năm_sau`,
    `(*)`, `O&M`, the format's own escapes such as `b\\)` and `1&#46;` kept from the provision's words) is left as it
    is, so a proposal that keeps the provision's words changes nothing in them."""
    if _MARKUP.isdisjoint(line):
        return line
    number = _LITERAL_NUMBER.match(line)
    if number is not None:  # the format's literal number, kept: the words after it as typed
        return number.group(0) + typed_wording(line[number.end():])
    typed = _ESCAPED.sub(r"\1", line) if "\\" in line else line
    if _shown(line) == typed:
        return line
    return _escaped(line, _TYPED_SYNTAX)


# The escapes `typed_wording` writes: of a mark that would read as emphasis, code, a link, a reference or an escape.
_TYPED_ESCAPE = lazy(r"\\([*_`\[<&\\])")


def as_typed(line: str) -> str:
    """A line of a provision's text as a member types it in a plain box: the escapes `typed_wording` writes resolved
    (`2\\*3\\*4` → `2*3*4`, `\\_x\\_` → `_x_`), where typing it back gives the line again (`typed_wording`), else
    the line as it stands; the format's own escapes (`b\\)` opening a paragraph that is no point, `1&#46;`) are
    kept, as typing them back keeps them."""
    if "\\" not in line:
        return line
    number = _LITERAL_NUMBER.match(line)
    if number is not None:  # `typed_wording` keeps the literal number and reads the words after it
        return number.group(0) + as_typed(line[number.end():])
    typed = _TYPED_ESCAPE.sub(r"\1", line)
    return typed if typed_wording(typed) == line else line


def as_text(text: str) -> str:
    """A paragraph of plain text (a line of a .txt file, a Word paragraph or cell) as Markdown inline that reads
    exactly as it: where markdown-it would read something in it (`2*3*4`, `__x__`, `[1](…)`, `<http://…>`,
    `&amp;`, `\\*`), every `*`, `_`, backtick, `[` and `<` is escaped (`2\\*3\\*4`), and `&` and `\\` where they
    would read as a reference or an escape, `_` between two letters (`năm_sau`) never; a text that reads as it is
    (`năm_sau`, `(*)`, `O&M`, `______`) is left as it is. Block syntax at the start of the
    paragraph (`1.`, `- `, `#`) is not this function's (`importer.classify.literal`)."""
    if _MARKUP.isdisjoint(text) or _shown(text) == text:
        return text
    return _escaped(text, _PLAIN_SYNTAX)


def as_words(text: str) -> str:
    """Words of plain text quoted to be put into another paragraph (an amending document's `cụm từ “…”`) as Markdown
    that reads as they stand wherever they go: every `*`, backtick, `[` and `<` escaped, and `_`, `&` and `\\` as
    `as_text` escapes them, whether or not the words alone would read otherwise (`*B` → `\\*B`: put before a `*`
    of the paragraph, it would open emphasis); an escape already written (`\\*`) is kept, and words without such
    marks are left as they are."""
    if _MARKUP.isdisjoint(text):
        return text
    return _escaped(text, _TYPED_SYNTAX)


def _escaped(text: str, syntax: Any) -> str:
    """`text` with what `syntax` finds escaped: each character of it, but an escape of the format (`b\\)`, two
    characters) kept and a run of `_` between two letters or digits left as it is."""

    def escaped(match: Any) -> str:
        found, (start, end) = str(match.group(0)), match.span()
        if len(found) == 2 and found[0] == "\\" or found[0] == "_" and 0 < start and end < len(text) \
                and text[start - 1].isalnum() and text[end].isalnum():
            return found
        return "".join("\\" + c for c in found)

    return str(syntax.sub(escaped, text))


def standing_line(text: str) -> bool:
    """Whether a paragraph before the articles is a line of the layout, not a basis: written in capitals, as a
    decision's issuing authority (`ỦY BAN NHÂN DÂN TỈNH LÀO CAI`) and its `QUYẾT ĐỊNH:` are (Nghị định
    30/2020/NĐ-CP, Phụ lục III); they print upright, bold and centred, a basis (`Căn cứ …;`) in italics."""
    letters = [c for c in plain(text) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)

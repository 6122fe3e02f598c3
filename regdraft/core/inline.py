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


def spans(text: str, *, bold: bool = False, italic: bool = False) -> list[Span]:
    """`text` as spans, each bold or italic where its Markdown says so (or the caller's `bold`, `italic`);
    a line break inside the text stays one (a span `\\n`: a member's paragraphs and lists are not run together),
    and code keeps its backticks (`` `mã` ``: the output has no style of its own for code)."""
    if _MARKUP.isdisjoint(text):
        return [Span(text, bold, italic)]  # most provisions and comments: no inline markup at all
    links = may_link(text)
    if links not in _parsers:
        from markdown_it import MarkdownIt

        parser = literal_images(MarkdownIt("commonmark"))
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
                out.append(Span(f"{child.markup}{child.content}{child.markup}", state["b"], state["i"]))
            elif child.type in ("softbreak", "hardbreak"):
                out.append(Span("\n", bold, italic))
    return out


def plain(text: str) -> str:
    """`text` as a reader of a styled output sees it: its spans' text, line by line."""
    if _MARKUP.isdisjoint(text):
        return text
    return "\n".join("".join(s.text for s in spans(line)) for line in text.split("\n"))


# A backslash escape of the format (`\\*`, `b\\)`), and the characters a member's wording escapes when read as syntax.
_ESCAPED = lazy(r"\\([!-/:-@\[-`{-~])")
_SYNTAX = lazy(r"\\[!-/:-@\[-`{-~]|([*_`\[])")


def without_escapes(text: str) -> str:
    """`text` with the format's backslash escapes resolved (`b\\)` → `b)`, `\\*` → `*`): what a reader sees of it
    where no other Markdown is read (the terminal's `show`, the DOCX redline's runs)."""
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def typed_wording(line: str) -> str:
    """A line of wording a member typed in a plain box (the review form, a sheet's cell, a Word reply's tracked
    change) as a provision's text writes it so that it reads as typed: `*`, `_`, backticks and `[` escaped where
    the line would read as emphasis, code or a link (`*hai*` → `\\*hai\\*`, `2*3*4` → `2\\*3\\*4`); a line that
    reads as typed (`năm_sau`, `(*)`, the format's own escapes such as `b\\)`) is left as it is, so a proposal that
    keeps the provision's words changes nothing in them."""
    if _MARKUP.isdisjoint(line) or plain(line) == without_escapes(line):
        return line
    return _SYNTAX.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(0), line)


def standing_line(text: str) -> bool:
    """Whether a paragraph before the articles is a line of the layout, not a basis: written in capitals, as a
    decision's issuing authority (`ỦY BAN NHÂN DÂN TỈNH LÀO CAI`) and its `QUYẾT ĐỊNH:` are (Nghị định
    30/2020/NĐ-CP, Phụ lục III); they print upright, bold and centred, a basis (`Căn cứ …;`) in italics."""
    letters = [c for c in plain(text) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)

"""The block structure of a Markdown file, with line numbers; owns markdown_it.

`blocks(text, first_line)` yields (kind, content, line) for each top-level block; the readers of
regulations (`regdraft.core.markdown`) and of amending documents share it, so both follow the same
block rules and report the same line numbers.

Post-conditions of `body_blocks` (and `blocks`):
1. Kinds are `heading`, `para` and `raw` (tables, quotes, code, rules kept as their source lines).
2. Paragraph and heading content is one line: wrapped lines are joined with single spaces.
3. An ordered-list item `3. text` comes out as the clause paragraph `3\\. text`, a dash item as
   `- text` (`+ text` for a `+` item), nested items in document order; a dash item whose words begin with a
   list mark, which CommonMark reads as a list inside it (`- - 0 …`, `- 1. …`), as one paragraph with those
   marks escaped (`- \\- 0 …`, `- 1\\. …`): no mark is dropped.
4. The result equals `markdown_it_blocks`, markdown-it's own reading of the same text.
5. Nothing is dropped silently: where lists or quotes nest deeper than `MAX_NESTING` levels
   (markdown-it stops reading there), a `deep` block carries a message naming the line, and
   the readers report it as a problem.
6. With `joins=True`, each line a paragraph joined to its first line follows that paragraph as
   a `joined` block holding the line as joined and its own line number, so a reader can tell a
   line typed as a unit of its own from a wrapped sentence (docs/format.md, Joined lines).
7. With `joins=True`, a list whose first item starts on the line right under a paragraph (CommonMark lets `- `,
   `+ `, `* ` and `1. ` interrupt one, with no blank line) follows that item's first `para` block as an
   `interrupts` block holding the item's line as typed and its line number; a `+` list inside a dash or plus
   item, which is how the format writes plus items (`- …` then `  + …`), has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from regdraft.core.patterns import lazy

if TYPE_CHECKING:  # markdown-it loads on first use: a cached reading needs no parser
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_md: MarkdownIt | None = None

# Containers markdown-it opens (list, item, quote ...) before it stops reading deeper content.
# Regulations have no use for more than a few list levels; 80 keeps deep legitimate nesting
# and stays far from Python's recursion limit.
_MAX_TOKEN_LEVEL = 80
MAX_NESTING = _MAX_TOKEN_LEVEL // 2 - 2  # list levels read in full: each takes a list, an item, a paragraph
DEEP = "deep"
JOINED = "joined"
INTERRUPTS = "interrupts"


def block_parser() -> MarkdownIt:
    """The shared markdown-it parser, reading block structure only (built on first use)."""
    global _md
    if _md is None:
        from markdown_it import MarkdownIt

        # Only block structure is used (inline content is taken raw), so inline parsing is
        # skipped; link reference definitions are disabled so no line is ever swallowed.
        _md = MarkdownIt("commonmark", {"html": False, "maxNesting": _MAX_TOKEN_LEVEL}).enable("table").disable(
            ["inline", "reference"])
    return _md


def _inline(tokens: list[Token], i: int) -> str:
    return " ".join(line.strip() for line in tokens[i + 1].content.split("\n"))


def _joined(tokens: list[Token], i: int, offset: int) -> Iterator[tuple[str, str, int]]:
    """The `joined` blocks of the paragraph opened at `tokens[i]`: its lines after the first."""
    first = (tokens[i].map or [0])[0] + offset + 1
    for k, line in enumerate(tokens[i + 1].content.split("\n")[1:], 1):
        yield JOINED, line.strip(), first + k


def _interrupts(tokens: list[Token], k: int) -> bool:
    """Whether the list opened at `tokens[k]` starts on the line right after the paragraph closed just before it."""
    if k < 3 or tokens[k - 1].type != "paragraph_close":
        return False
    above, start = tokens[k - 3].map, tokens[k].map
    return above is not None and start is not None and above[1] == start[0]


def _raw(lines: list[str], token: Token, offset: int) -> str:
    assert token.map is not None
    start, end = token.map
    return "\n".join(line.rstrip() for line in lines[offset + start: offset + end]).strip("\n")


_FENCE = lazy(r"^ {0,3}(```|~~~)", re.M)
_ATX = lazy(r"^#{1,6}[ \t]+(.*)$")
_ORDERED_START = lazy(r"^\d{1,9}[.)](?:[ \t]|$)")


# Characters that cannot open any block but a paragraph: the quotation marks a text or an amending
# document opens a quoted provision with (`“2. …`, `"Huân chương …"`). Other ASCII punctuation may
# open a list, quote, rule, fence, table or link definition, and goes through markdown-it.
_QUOTES = frozenset("“”‘’\"'«")


def _simple_block(line: str) -> tuple[str, str] | None:
    """Classify a one-line block whose CommonMark meaning is certain; None when unsure.

    A line alone between blank lines that starts at column 0 with a letter, `(`, a quotation
    mark or digits not forming a list marker is a paragraph whatever follows it; so is an HTML
    comment (`<!-- đoạn cuối khoản 2 -->`, the reader's markers), since markdown-it runs with
    HTML off. `## text` that does not end in `#` (trailing spaces and tabs aside: `## Title # `
    may close with a `#` sequence) is a heading. Everything else goes through markdown-it.
    """
    if line[:1] == "#":
        match = _ATX.match(line)
        if match is None or line.rstrip(" \t").endswith("#"):
            return None
        content = match.group(1).strip()
        return ("heading", content) if content else None
    return ("para", line.strip()) if _opens_paragraph(line) else None


def _opens_paragraph(text: str) -> bool:
    """Whether a line starting at column 0 with `text` can only be a paragraph (see `_simple_block`)."""
    first = text[:1]
    return (first.isalpha() or first == "(" or first in _QUOTES or text.startswith("<!--")
            or (first.isdigit() and not _ORDERED_START.match(text)))


def _simple_items(run: list[str]) -> list[str] | None:
    """A run of lines that is a tight list of one-line dash items (`- text`, `+ text`), as the
    items' `para` contents (`- text`); None when any line is anything else.

    Each line starts at column 0 with `-` or `+` and one space, then text whose first
    character makes it a paragraph (`_simple_block`'s rule): a list marker interrupts the
    item above, so every line is an item of its own holding one paragraph line, whatever the
    markers (a change of marker only starts a new list, which reads the same).
    """
    items = []
    for line in run:
        marker, space = line[:1], line[1:2]
        if marker not in ("-", "+") or space != " " or not _opens_paragraph(line[2:]):
            return None
        items.append(("+ " if marker == "+" else "- ") + line[2:].strip())
    return items


def _indented_after(body_lines: list[str], filled: list[bool], end: int) -> bool:
    """Whether the first non-blank line from `end` is indented: after a list it may continue the
    last item (`    text` is then a paragraph of the item, not code), so the list is not simple."""
    for k in range(end, len(body_lines)):
        if filled[k]:
            return body_lines[k][:1] in (" ", "\t")
    return False


# A heading's end that CommonMark reads as a closing sequence, not as text: `#`s after a space or tab.
_CLOSING_SEQUENCE = lazy(r"[ \t]#+$")


def atx_heading(level: int, text: str) -> str:
    """The heading line `## text` that reads back as exactly `text` (stripped, one line).

    CommonMark drops a closing sequence (`## Title ##`): a title that itself ends in `#`s after
    a space (`Lớp C #`) is written with one, `## Lớp C # #`, so those `#`s stay text; a title
    ending in `C#` or an escaped `\\#` needs none.
    """
    line = "#" * level + " " + text
    return line + " #" if _CLOSING_SEQUENCE.search(line) else line


def fenced(body: str) -> bool:
    """Whether `body` holds a fenced code block (`_FENCE`). Looked for in steps, each a C loop over the text, the
    pattern last: a backtick or a tilde (one character, found by `memchr`: about 0.03 ms for a 1.9 MB text), then
    three of them (about 1 ms each), then the pattern; most texts stop at the first step."""
    return (("`" in body and "```" in body) or ("~" in body and "~~~" in body)) and _FENCE.search(body) is not None


def body_blocks(body: str, lines: list[str], offset: int, *, joins: bool = False) -> Iterator[tuple[str, str, int]]:
    """Yield (kind, content, line) for each top-level block of `body`, which starts at `lines[offset]`.

    `joins=True` adds the `joined` blocks (post-condition 6); one-line blocks, the fast path's, have none.

    Fast path: canonical files are mostly one-line blocks, which are classified directly;
    runs of other blocks are handed to markdown-it with their line offset. Blank lines end
    every construct that could otherwise swallow the next column-0 paragraph or heading, so
    the result equals parsing the whole body with markdown-it (tested), except that a fenced
    code block (which may contain blank lines) sends the whole body through markdown-it.
    """
    if fenced(body):
        yield from markdown_it_blocks(body, lines, offset, joins=joins)
        return
    body_lines = body.split("\n")
    filled = [bool(line.strip(" \t")) for line in body_lines]  # CommonMark's blank: spaces, tabs
    run_start: int | None = None
    i = 0
    count = len(body_lines)
    while i < count:
        line = body_lines[i]
        if not filled[i]:
            i += 1
            continue
        end = i + 1
        while end < count and filled[end]:
            end += 1
        simple = _simple_block(line) if end == i + 1 else None
        items = (_simple_items(body_lines[i:end])
                 if simple is None and line[:2] in ("- ", "+ ") and not _indented_after(body_lines, filled, end)
                 else None)
        if simple is None and items is None:
            if run_start is None:
                run_start = i
        else:
            if run_start is not None:
                yield from markdown_it_blocks("\n".join(body_lines[run_start:i]), lines, offset + run_start,
                                              joins=joins)
                run_start = None
            if simple is not None:
                yield simple[0], simple[1], offset + i + 1
            else:
                for k, item in enumerate(items or ()):
                    yield "para", item, offset + i + k + 1
        i = end
    if run_start is not None:
        yield from markdown_it_blocks("\n".join(body_lines[run_start:]), lines, offset + run_start, joins=joins)


def heading_cuts(body: str, lines: list[str], offset: int) -> list[tuple[int, str]] | None:
    """Where `body_blocks(body, lines, offset)` may be read in pieces: the headings standing alone between blank
    lines (or the body's ends), as (index in `lines`, content); None when a fenced code block sends the body
    through markdown-it whole.

    Post-condition: reading the lines between two cuts with `body_blocks` (each piece at its own offset), a cut's
    line giving `("heading", content, index + 1)`, yields exactly the blocks of the whole body. Such a line is a
    block of its own in CommonMark, and the fast path hands markdown-it the lines before it up to it, whatever
    follows; what comes after it never changes how the lines before it read.
    """
    if fenced(body):
        return None
    count = len(lines)
    cuts = []
    for k in [k for k in range(offset, count) if lines[k][:1] == "#"]:
        if (k > offset and lines[k - 1].strip(" \t")) or (k + 1 < count and lines[k + 1].strip(" \t")):
            continue
        simple = _simple_block(lines[k])
        if simple is not None:
            cuts.append((k, simple[1]))
    return cuts


def markdown_it_blocks(body: str, lines: list[str], offset: int, *,
                       joins: bool = False) -> Iterator[tuple[str, str, int]]:
    """`body_blocks` done entirely by markdown-it (the reference the fast path must equal)."""
    tokens = block_parser().parse(body)
    deepest = max(tokens, key=lambda t: t.level, default=None)
    if deepest is not None and deepest.level >= _MAX_TOKEN_LEVEL - 2:
        # markdown-it reads no further than its nesting limit: what lies deeper would be lost.
        line = (deepest.map[0] if deepest.map else 0) + offset + 1
        yield DEEP, (f"Lists or quotes nest more than {MAX_NESTING} levels deep here; regdraft cannot read "
                     "deeper text without losing it. Flatten the list (a regulation needs at most clauses, "
                     "points and dashes)."), line
        return
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = (tok.map[0] if tok.map else 0) + offset + 1
        if tok.type == "heading_open":
            yield "heading", _inline(tokens, i), line
            i += 3
        elif tok.type == "paragraph_open":
            yield "para", _inline(tokens, i), line
            if joins:
                yield from _joined(tokens, i, offset)
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            end = _close(tokens, i)
            yield from _list_items(tokens[i:end + 1], lines, offset, joins, joins and _interrupts(tokens, i))
            i = end + 1
        else:
            if tok.nesting == 1:
                end = _close(tokens, i)
            else:
                end = i
            if tok.map is not None:
                yield "raw", _raw(lines, tok, offset), line
            i = end + 1


def _close(tokens: list[Token], start: int) -> int:
    depth = 0
    for j in range(start, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _list_items(tokens: list[Token], lines: list[str], offset: int, joins: bool,
                interrupts: bool = False) -> Iterator[tuple[str, str, int]]:
    """Flatten (possibly nested) lists: dash items become `- ` / `+ ` text, numbers clauses.

    `interrupts`: the list starts right under a paragraph (post-condition 7); nested lists are checked here.
    """
    kinds: list[tuple[str, str]] = []  # stack of (list type, marker)
    first_in_item = False
    # The marks of items whose words begin with a list mark (`- - 0 …`, `- 1. …`, `docs/format.md`): CommonMark
    # opens a list inside such an item, and flattened it would lose the first mark (`- 0 …`, or the clause `1\.`).
    # They are the item's first words, escaped (`- \- 0 …`), as `importer.classify.literal` writes them.
    prefix = ""
    lead, lead_line = "", 0  # the marks before the words of the item being read (`- \-`) and its line
    pending = 0  # the line (1-based) of a list interrupting a paragraph, told after its first item's `para`
    inside = -1  # the index of the close of a block kept as typed: what it holds was written with it
    for j, tok in enumerate(tokens):
        if j <= inside:
            continue
        line = (tok.map[0] if tok.map else 0) + offset + 1
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            if not kinds:
                pending = line if interrupts else 0
            elif joins and _interrupts(tokens, j) and not (tok.markup == "+" and kinds[-1][0] == "bullet_list_open"):
                pending = line  # not a `+` list in a dash or plus item: the format writes plus items so
            kinds.append((tok.type, tok.markup))
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            kinds.pop()
        elif tok.type == "list_item_open":
            first_in_item = True
            list_type, marker = kinds[-1]
            ordered = list_type == "ordered_list_open"
            if (prefix or not ordered) and _list_on_its_line(tokens, j):
                prefix += f"{_escaped_mark(tok, ordered)} " if prefix else "+ " if marker == "+" else "- "
                first_in_item = False
                continue
            lead, lead_line, prefix = (prefix + _escaped_mark(tok, ordered) if prefix else ""), line, ""
            if ordered:
                # `1. text` is a clause written without the escaping backslash.
                number = tok.info
                content = tokens[j + 2].content if tokens[j + 1].type == "paragraph_open" else ""
                text = " ".join(p.strip() for p in content.split("\n"))
                head = lead or f"{number}\\."
                yield "para", f"{head} {text}" if text else head, line
                lead = ""
                if pending:
                    yield INTERRUPTS, lines[pending - 1].strip(), pending
                    pending = 0
        elif tok.type == "list_item_close" and lead:  # an item of marks alone (`- -`): its marks are its words
            yield "para", lead, lead_line
            lead = ""
        elif tok.type == "paragraph_open":
            list_type, marker = kinds[-1]
            text = " ".join(p.strip() for p in tokens[j + 1].content.split("\n"))
            if not first_in_item:
                yield "para", text, line
            elif list_type != "ordered_list_open":  # an ordered item's first paragraph came with the item
                yield "para", f"{lead or ('+' if marker == '+' else '-')} {text}", line
                lead = ""
                if pending:
                    yield INTERRUPTS, lines[pending - 1].strip(), pending
                    pending = 0
            if joins:
                yield from _joined(tokens, j, offset)
            first_in_item = False
        elif tok.type in ("heading_open", "table_open", "blockquote_open", "fence", "code_block", "hr") and tok.map:
            raw = _raw(lines, tok, offset)
            # A one-line item holding a heading or a rule (`+ #`) is kept as typed, but without the indent before
            # its marker, which the format writes for a plus item (`  + …`): read again, it is the same text. An
            # indented code block keeps its indent, or `      * …` under a list would be written back as a list item.
            keep = "\n" in raw or tok.type == "code_block"
            yield "raw", raw if keep else raw.lstrip(" "), line
            lead = ""  # the raw lines hold the item's marks as typed
            # The blocks inside it (`- > text`: a paragraph in the quote) are in its raw text: not read again.
            inside = _close_of(tokens, j)


def _list_on_its_line(tokens: list[Token], j: int) -> bool:
    """Whether the list item opened at `tokens[j]` begins with a list on its own first line (`- - 0 …`,
    `- 1. …`)."""
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    if after is None or after.type not in ("bullet_list_open", "ordered_list_open"):
        return False
    inner, outer = after.map, tokens[j].map
    return inner is not None and outer is not None and inner[0] == outer[0]


def _escaped_mark(item: Token, ordered: bool) -> str:
    """The mark of a list item as words of the item it stands in: `\\-`, `\\+`, `\\*`, `1\\.`, `1\\)`."""
    return f"{item.info}\\{item.markup}" if ordered else f"\\{item.markup}"


def _close_of(tokens: list[Token], j: int) -> int:
    """The index of the token closing the block `tokens[j]` opens (`j` itself for a block with no close)."""
    depth = 0
    for k in range(j, len(tokens)):
        depth += tokens[k].nesting
        if depth <= 0:
            return k
    return len(tokens) - 1


_MARK_FIRST = lazy(r"[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")


def item_as_read(line: str) -> str:
    """A line of a dash or plus item (`- …`, `+ …`) as the reader reads it at the left margin, where its mark was
    hidden from the block reader (after the opening quote of an amending document's quoted text): words that begin
    with a list mark escaped (`- - 0 …` → `- \\- 0 …`, `_list_items`); any other line as it is."""
    if not line.startswith(("- ", "+ ")) or not _MARK_FIRST.match(line, 2):
        return line
    read = list(blocks(line))
    return read[0][1] if len(read) == 1 and read[0][0] == "para" else line


def blocks(text: str, first_line: int = 1, *, joins: bool = False) -> Iterator[tuple[str, str, int]]:
    """The Markdown blocks of `text` as (kind, content, line): heading, para or raw.

    Used by readers of other Markdown documents (amending documents) that need the same
    block rules and line numbers as regulations; an ordered-list item `3. text` comes out as
    the clause paragraph `3\\. text` and a dash item as `- text`; `joins` as for `body_blocks`.
    """
    lines = text.split("\n")
    offset = first_line - 1
    yield from body_blocks(text, [""] * offset + lines, offset, joins=joins)

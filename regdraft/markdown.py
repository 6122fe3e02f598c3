"""Read and write the regulation Markdown format (docs/format.md); owns markdown_it.

`parse(text) -> Regulation` and `render(Regulation) -> str`.

Post-conditions of `parse`:
1. The input may be bytes or text, with a BOM, CRLF or CR line ends, NFD text, trailing
   spaces, extra blank lines or wrapped paragraphs; the tree is the same as for the canonical
   file.
2. Every problem found is reported in one `ParseError`, each with its file and line.
3. The tree satisfies the invariants listed in `regdraft.model`, and label sequences are
   complete: no duplicates, no gaps, inserted labels right after their base.

Post-conditions of `render`:
1. The output is canonical: `render(parse(render(tree))) == render(tree)`.
2. For a canonical file, `render(parse(text)) == text` byte for byte.
3. `parse(render(tree)) == tree` for every tree `parse` can produce.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from regdraft.errors import ParseError, Problem
from regdraft.model import (
    HEADING_KINDS,
    REPEALED_TEXT,
    Kind,
    Regulation,
    Unit,
    base_label,
    from_roman,
    label_order,
    noun,
    part_label_from_text,
    part_label_text,
    to_roman,
)
from regdraft.text import nfc

REQUIRED_KEYS = ("id", "type", "title", "language", "issuer", "signed")

_HEADING_WORDS = {
    "vi": {"phần": Kind.PART, "chương": Kind.CHAPTER, "mục": Kind.SECTION, "điều": Kind.ARTICLE},
    "en": {"part": Kind.PART, "chapter": Kind.CHAPTER, "section": Kind.SECTION, "article": Kind.ARTICLE},
}
_HEADING = re.compile(r"^(\w+)(?:\s+(thứ\s+\w+|[^\s.:\-–—]+))?\s*(?:[.:\-–—]\s*(.*))?$")
_CLAUSE = re.compile(r"^(\d+[a-z]?)\\?\.(?:\s+(.*))?$", re.S)
_POINT = re.compile(r"^(dd|[a-zđ])(\d*)\)(?:\s+(.*))?$", re.S)
_ARTICLE_LABEL = re.compile(r"^\d+[a-z]?$")
_SECTION_LABEL = re.compile(r"^\d+$")

_md: MarkdownIt | None = None


def _markdown() -> MarkdownIt:
    global _md
    if _md is None:
        # Only block structure is used (inline content is taken raw), so inline parsing is
        # skipped; link reference definitions are disabled so no line is ever swallowed.
        _md = MarkdownIt("commonmark", {"html": False}).enable("table").disable(["inline", "reference"])
    return _md


def decode(data: bytes | str, source: str = "") -> str:
    """Turn file bytes into normalised text: UTF-8 checked, BOM dropped, LF line ends, NFC."""
    if isinstance(data, bytes):
        if b"\x00" in data[:8192]:
            raise ParseError.collect([Problem(
                "This looks like a binary file, not a Markdown regulation.", source, 1)])
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ParseError.collect([Problem(
                f"The file is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "save it as UTF-8, or convert a legacy TCVN3/VNI file with `regdraft import`.",
                source, line)]) from None
    else:
        text = data
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return nfc(text)


@dataclass
class _Node:
    kind: Kind
    label: str
    title: str | None
    line: int
    text: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def freeze(self, language: str) -> Unit:
        repealed = (
            self.text == [REPEALED_TEXT[language]] and not self.children
        ) or (
            self.kind in HEADING_KINDS and self.title == REPEALED_TEXT[language]
            and not self.text and not self.children
        )
        if repealed:
            return Unit(self.kind, self.label, None, (), (), True, self.line)
        return Unit(
            self.kind, self.label, self.title, tuple(self.text),
            tuple(c.freeze(language) for c in self.children), False, self.line,
        )


class _Builder:
    """Turns the Markdown block stream into the unit tree, collecting problems."""

    def __init__(self, source: str, language: str, offset: int) -> None:
        self.source = source
        self.language = language
        self.offset = offset
        self.problems: list[Problem] = []
        self.preamble: list[str] = []
        self.top: list[_Node] = []
        self.stack: dict[Kind, _Node] = {}

    def problem(self, line: int, message: str, unit: str = "") -> None:
        self.problems.append(Problem(message, self.source, line, unit))

    def heading(self, content: str, line: int) -> None:
        match = _HEADING.match(content.strip())
        words = _HEADING_WORDS.get(self.language, _HEADING_WORDS["vi"])
        kind = words.get(match.group(1).lower()) if match else None
        if match is None or kind is None:
            keywords = ", ".join(w.capitalize() for w in words)
            self.problem(
                line, f"The heading '{content}' is not a unit heading: it must start with {keywords} and a number.")
            return
        raw_label, title = match.group(2), match.group(3)
        label = self._label(kind, raw_label, content, line) if raw_label else None
        if label is None:
            if raw_label is None:
                self.problem(line, f"The heading '{content}' has no number.")
            self._detach(_Node(kind, "?", None, line))
            return
        node = _Node(kind, label, (title or "").strip() or None, line)
        self._attach_heading(node)

    def _label(self, kind: Kind, raw: str, content: str, line: int) -> str | None:
        bad = f"The heading '{content}' has no valid {noun(kind, self.language)} number ('{raw}')."
        if kind is Kind.PART:
            number = part_label_from_text(raw)
            if number is None:
                self.problem(line, bad)
            return number
        if kind is Kind.CHAPTER:
            if raw.isdigit():
                return to_roman(int(raw))
            base = raw.rstrip("abcdefghijklmnopqrstuvwxyz")
            if from_roman(base) is None:
                self.problem(line, bad)
                return None
            return raw
        pattern = _SECTION_LABEL if kind is Kind.SECTION else _ARTICLE_LABEL
        if not pattern.match(raw):
            self.problem(line, bad)
            return None
        return raw

    def _detach(self, node: _Node) -> None:
        """Open a unit that is kept out of the tree, so the clauses under a broken heading
        do not spill into the previous article and cause a cascade of false problems."""
        order = [Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.ARTICLE, Kind.CLAUSE, Kind.POINT]
        for kind in order[order.index(node.kind):]:
            self.stack.pop(kind, None)
        self.stack[node.kind] = node

    def _attach_heading(self, node: _Node) -> None:
        order = [Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.ARTICLE, Kind.CLAUSE, Kind.POINT]
        for kind in order[order.index(node.kind):]:
            self.stack.pop(kind, None)
        parent: _Node | None = None
        if node.kind is Kind.SECTION:
            parent = self.stack.get(Kind.CHAPTER)
            if parent is None:
                self.problem(node.line, f"{noun(Kind.SECTION, self.language)} {node.label} is not inside a chapter.")
        elif node.kind is Kind.CHAPTER:
            parent = self.stack.get(Kind.PART)
        elif node.kind is Kind.ARTICLE:
            parent = self.stack.get(Kind.SECTION) or self.stack.get(Kind.CHAPTER) or self.stack.get(Kind.PART)
        (parent.children if parent else self.top).append(node)
        self.stack[node.kind] = node

    def paragraph(self, content: str, line: int) -> None:
        clause = _CLAUSE.match(content)
        point = None if clause else _POINT.match(content)
        if clause:
            self.clause(clause.group(1), clause.group(2), line)
        elif point:
            self.point(point.group(1).replace("dd", "đ") + point.group(2), point.group(3), line)
        else:
            self.text(content, line)

    def clause(self, label: str, text: str | None, line: int) -> None:
        article = self.stack.get(Kind.ARTICLE)
        if article is None:
            clause, heading = noun(Kind.CLAUSE, self.language).capitalize(), noun(Kind.ARTICLE, self.language)
            self.problem(
                line, f"{clause} {label} is outside any article; put it under a heading like '## {heading} N'.")
            return
        self.stack.pop(Kind.POINT, None)
        node = _Node(Kind.CLAUSE, label, None, line, [text] if text else [])
        article.children.append(node)
        self.stack[Kind.CLAUSE] = node

    def point(self, label: str, text: str | None, line: int) -> None:
        parent = self.stack.get(Kind.CLAUSE) or self.stack.get(Kind.ARTICLE)
        if parent is None:
            point = noun(Kind.POINT, self.language).capitalize()
            self.problem(line, f"{point} {label} is outside any article or clause.")
            return
        node = _Node(Kind.POINT, label, None, line, [text] if text else [])
        parent.children.append(node)
        self.stack[Kind.POINT] = node

    def text(self, content: str, line: int) -> None:
        for kind in (Kind.POINT, Kind.CLAUSE, Kind.ARTICLE, Kind.SECTION, Kind.CHAPTER, Kind.PART):
            node = self.stack.get(kind)
            if node is not None:
                node.text.append(content)
                return
        self.preamble.append(content)


def _front_matter(lines: list[str], source: str, problems: list[Problem]) -> tuple[str, dict[str, Any], int]:
    """Split off the YAML front matter; return its text, its data and the body's first line index."""
    if not lines or lines[0].rstrip() != "---":
        problems.append(Problem(
            "The file does not start with front matter (a '---' line, YAML keys such as id, title and "
            "language, and a closing '---'), so it is not a regulation file.", source, 1))
        return "", {}, 0
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        problems.append(Problem("The front matter opened on this line is never closed with a '---' line.", source, 1))
        return "", {}, len(lines)
    raw = "\n".join(line.rstrip() for line in lines[1:end]).strip("\n")
    try:
        data = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(Problem(f"The front matter is not valid YAML: {reason}.", source, line))
        return raw, {}, end + 1
    if not isinstance(data, dict):
        problems.append(Problem("The front matter must be YAML keys and values (a mapping).", source, 2))
        return raw, {}, end + 1
    for key in REQUIRED_KEYS:
        if data.get(key) in (None, ""):
            problems.append(Problem(f"The front matter lacks the required key '{key}'.", source, 1))
        elif data.get(key) == "FIXME":
            problems.append(Problem(
                f"The front matter's '{key}' is still the placeholder FIXME (left by `regdraft import` "
                "where the header did not say); fill it in.", source, 1))
    if data.get("language", "vi") not in ("vi", "en"):
        problems.append(Problem(f"The front matter's language is '{data.get('language')}'; use vi or en.", source, 1))
    return raw, data, end + 1


def _inline(tokens: list[Token], i: int) -> str:
    return " ".join(line.strip() for line in tokens[i + 1].content.split("\n"))


def _raw(lines: list[str], token: Token, offset: int) -> str:
    assert token.map is not None
    start, end = token.map
    return "\n".join(line.rstrip() for line in lines[offset + start: offset + end]).strip("\n")


_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.M)
_ATX = re.compile(r"^#{1,6}[ \t]+(.*)$")
_ORDERED_START = re.compile(r"^\d{1,9}[.)](?:[ \t]|$)")


def _simple_block(line: str) -> tuple[str, str] | None:
    """Classify a one-line block whose CommonMark meaning is certain; None when unsure.

    A line alone between blank lines that starts at column 0 with a letter, `(` or digits
    not forming a list marker is a paragraph whatever follows it; `## text` without a closing
    `#` sequence is a heading. Everything else goes through markdown-it.
    """
    first = line[:1]
    if first == "#":
        match = _ATX.match(line)
        if match is None or line.endswith("#"):
            return None
        content = match.group(1).strip()
        return ("heading", content) if content else None
    if first.isalpha() or first == "(" or (first.isdigit() and not _ORDERED_START.match(line)):
        return "para", line.strip()
    return None


def _blocks(body: str, lines: list[str], offset: int) -> Iterator[tuple[str, str, int]]:
    """Yield (kind, content, line) for each top-level block: heading, para, item, raw.

    Fast path: canonical files are mostly one-line blocks, which are classified directly;
    runs of other blocks are handed to markdown-it with their line offset. Blank lines end
    every construct that could otherwise swallow the next column-0 paragraph or heading, so
    the result equals parsing the whole body with markdown-it (tested), except that a fenced
    code block (which may contain blank lines) sends the whole body through markdown-it.
    """
    if _FENCE.search(body):
        yield from _markdown_blocks(body, lines, offset)
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
        if simple is None:
            if run_start is None:
                run_start = i
        else:
            if run_start is not None:
                yield from _markdown_blocks("\n".join(body_lines[run_start:i]), lines, offset + run_start)
                run_start = None
            yield simple[0], simple[1], offset + i + 1
        i = end
    if run_start is not None:
        yield from _markdown_blocks("\n".join(body_lines[run_start:]), lines, offset + run_start)


def _markdown_blocks(body: str, lines: list[str], offset: int) -> Iterator[tuple[str, str, int]]:
    """`_blocks` done entirely by markdown-it (the reference the fast path must equal)."""
    tokens = _markdown().parse(body)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = (tok.map[0] if tok.map else 0) + offset + 1
        if tok.type == "heading_open":
            yield "heading", _inline(tokens, i), line
            i += 3
        elif tok.type == "paragraph_open":
            yield "para", _inline(tokens, i), line
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            end = _close(tokens, i)
            yield from _list_items(tokens[i:end + 1], lines, offset)
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


def _list_items(tokens: list[Token], lines: list[str], offset: int) -> Iterator[tuple[str, str, int]]:
    """Flatten (possibly nested) lists: dash items become `- ` / `+ ` text, numbers clauses."""
    kinds: list[tuple[str, str]] = []  # stack of (list type, marker)
    first_in_item = False
    for j, tok in enumerate(tokens):
        line = (tok.map[0] if tok.map else 0) + offset + 1
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            kinds.append((tok.type, tok.markup))
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            kinds.pop()
        elif tok.type == "list_item_open":
            first_in_item = True
            list_type, _ = kinds[-1]
            if list_type == "ordered_list_open":
                # `1. text` is a clause written without the escaping backslash.
                number = tok.info
                content = tokens[j + 2].content if tokens[j + 1].type == "paragraph_open" else ""
                text = " ".join(p.strip() for p in content.split("\n"))
                yield "para", f"{number}\\. {text}" if text else f"{number}\\.", line
        elif tok.type == "paragraph_open":
            list_type, marker = kinds[-1]
            text = " ".join(p.strip() for p in tokens[j + 1].content.split("\n"))
            if first_in_item and list_type == "ordered_list_open":
                first_in_item = False
                continue
            if first_in_item:
                prefix = "+ " if marker == "+" else "- "
                yield "para", prefix + text, line
            else:
                yield "para", text, line
            first_in_item = False
        elif tok.type in ("heading_open", "table_open", "blockquote_open", "fence", "code_block", "hr") and tok.map:
            yield "raw", _raw(lines, tok, offset), line


def _dash_content(content: str) -> bool:
    return content.startswith("- ") or content.startswith("+ ")


def parse(data: bytes | str, source: str = "") -> Regulation:
    """Parse a regulation file; raise `ParseError` listing every problem found."""
    # Parsing allocates hundreds of thousands of objects and makes no reference cycles, so
    # the cyclic garbage collector only costs time here (about 15% on large files).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(data, source)
    finally:
        if collecting:
            gc.enable()


def _parse(data: bytes | str, source: str) -> Regulation:
    text = decode(data, source)
    problems: list[Problem] = []
    lines = text.split("\n")
    front, meta, body_start = _front_matter(lines, source, problems)
    if body_start == 0 and problems:
        # Not a regulation at all (a README, a letter): reporting every heading as a
        # problem would bury the one that matters.
        raise ParseError.collect(problems, "regulation")
    language = meta.get("language", "vi") if meta.get("language") in ("vi", "en") else "vi"
    builder = _Builder(source, language, body_start)
    body = "\n".join(lines[body_start:])
    for kind, content, line in _blocks(body, lines, body_start):
        if kind == "heading":
            builder.heading(content, line)
        elif kind == "para":
            if _dash_content(content):
                builder.text(content, line)
            else:
                builder.paragraph(content, line)
        else:
            builder.text(content, line)
    problems.extend(builder.problems)
    units = tuple(node.freeze(language) for node in builder.top)
    regulation = Regulation(front, tuple(builder.preamble), units, meta, source)
    problems.extend(validate(regulation))
    if problems:
        problems.sort(key=lambda p: p.line)
        raise ParseError.collect(problems, "regulation")
    return regulation


def validate(reg: Regulation) -> list[Problem]:
    """Structural checks on a tree: label sequences, duplicates, articles outside chapters."""
    problems: list[Problem] = []
    lang = reg.language
    uses_chapters = any(u.kind is Kind.CHAPTER or any(c.kind is Kind.CHAPTER for c in u.children) for u in reg.units)
    articles: list[Unit] = []
    chapters: list[Unit] = []
    parts: list[Unit] = []

    def visit(units: Sequence[Unit], parent: Unit | None) -> None:
        for unit in units:
            if unit.kind is Kind.ARTICLE:
                articles.append(unit)
                if uses_chapters and (parent is None or parent.kind is Kind.PART):
                    problems.append(Problem(
                        f"{noun(Kind.ARTICLE, lang)} {unit.label} is not inside any chapter, "
                        "but this document uses chapters.",
                        reg.source, unit.line))
            elif unit.kind is Kind.CHAPTER:
                chapters.append(unit)
            elif unit.kind is Kind.PART:
                parts.append(unit)
            if unit.kind in (Kind.ARTICLE, Kind.CLAUSE):
                kinds = {c.kind for c in unit.children}
                for kind in (Kind.CLAUSE, Kind.POINT):
                    if kind in kinds:
                        _sequence([c for c in unit.children if c.kind is kind], kind, lang, reg.source,
                                  problems, _where(unit, parent, lang))
            if unit.kind is Kind.CHAPTER:
                _sequence([c for c in unit.children if c.kind is Kind.SECTION], Kind.SECTION, lang, reg.source,
                          problems, f"{noun(Kind.CHAPTER, lang)} {unit.label}")
            visit(unit.children, unit)

    visit(reg.units, None)
    _sequence(articles, Kind.ARTICLE, lang, reg.source, problems, "")
    _sequence(chapters, Kind.CHAPTER, lang, reg.source, problems, "")
    _sequence(parts, Kind.PART, lang, reg.source, problems, "")
    return problems


def _where(unit: Unit, parent: Unit | None, lang: str) -> str:
    if unit.kind is Kind.CLAUSE and parent is not None:
        return f"{noun(Kind.CLAUSE, lang)} {unit.label} {noun(Kind.ARTICLE, lang)} {parent.label}"
    return f"{noun(unit.kind, lang)} {unit.label}"


def _sequence(units: Sequence[Unit], kind: Kind, lang: str, source: str, problems: list[Problem], where: str) -> None:
    """Labels must run 1, 2, 3 (a, b, c ...) with inserted labels right after their base."""
    name = noun(kind, lang)
    previous: tuple[int, str] = (0, "")
    seen: set[str] = set()

    def shown(unit: Unit) -> str:
        # Built only when there is a problem: most sequences are fine and this is hot.
        label_text = unit.label.replace("đ", "dd") if lang == "en" and kind is Kind.POINT else unit.label
        text = f"{name} {label_text}" + (f" of {where}" if where and lang == "en" else f" {where}" if where else "")
        return text[:1].upper() + text[1:]

    for unit in units:
        if unit.label in seen:
            problems.append(Problem(
                f"{shown(unit)} appears twice; each number may be used only once.", source, unit.line))
            continue
        seen.add(unit.label)
        position, suffix = label_order(kind, unit.label)
        if position == 0:
            problems.append(Problem(f"{shown(unit)} does not have a valid label.", source, unit.line))
            continue
        if suffix:
            ok = position == previous[0] and (len(suffix), suffix) > (len(previous[1]), previous[1])
            if not ok:
                problems.append(Problem(
                    f"{shown(unit)} is out of place: an inserted {name} must follow "
                    f"{name} {base_label(kind, position)}.",
                    source, unit.line))
        elif position != previous[0] + 1:
            after = f" after {name} {base_label(kind, previous[0])}" if previous[0] else " first"
            expected = base_label(kind, previous[0] + 1)
            problems.append(Problem(
                f"{shown(unit)} is out of sequence: expected {name} {expected}{after}.", source, unit.line))
        previous = (position, suffix)


def render(reg: Regulation) -> str:
    """Write a regulation in the canonical file format."""
    out: list[str] = ["---", reg.front_matter, "---"] if reg.front_matter else ["---", "---"]
    blocks: list[str] = []
    blocks.extend(_text_blocks(reg.preamble))
    for unit in reg.units:
        _render_unit(unit, 1, reg.language, blocks)
    body = "\n\n".join(blocks)
    return "\n".join(out) + ("\n\n" + body if body else "") + "\n"


def render_unit(unit: Unit, language: str, depth: int = 1) -> str:
    """Write one unit (with its children) in the canonical format."""
    blocks: list[str] = []
    _render_unit(unit, depth, language, blocks)
    return "\n\n".join(blocks) + "\n"


def heading_text(unit: Unit, language: str) -> str:
    """A heading's text without the `#`s: `Điều 5. Title`, `Chương II. TITLE`."""
    label = part_label_text(unit.label, language) if unit.kind is Kind.PART else unit.label
    head = f"{noun(unit.kind, language)} {label}"
    if unit.repealed:
        return f"{head}. {REPEALED_TEXT[language]}"
    return f"{head}. {unit.title}" if unit.title else head


def unit_label_text(unit: Unit, language: str) -> str:
    """A clause or point label as printed: `2.`, `5a.`, `b)`, `đ)` (`dd)` in English)."""
    if unit.kind is Kind.CLAUSE:
        return f"{unit.label}."
    if unit.kind is Kind.POINT:
        label = unit.label.replace("đ", "dd") if language == "en" else unit.label
        return f"{label})"
    return heading_text(unit, language)


def _render_unit(unit: Unit, depth: int, language: str, blocks: list[str]) -> None:
    if unit.kind in HEADING_KINDS:
        blocks.append("#" * min(depth, 6) + " " + heading_text(unit, language))
        blocks.extend(_text_blocks(unit.text))
        for child in unit.children:
            _render_unit(child, depth + 1, language, blocks)
        return
    marker = f"{unit.label}\\." if unit.kind is Kind.CLAUSE else unit_label_text(unit, language)
    if unit.repealed:
        blocks.append(f"{marker} {REPEALED_TEXT[language]}")
        return
    first, rest = (unit.text[0], unit.text[1:]) if unit.text else ("", ())
    if first and not _dash_content(first):
        blocks.append(f"{marker} {first}")
        blocks.extend(_text_blocks(rest))
    else:
        blocks.append(marker)
        blocks.extend(_text_blocks(unit.text))
    for child in unit.children:
        _render_unit(child, depth, language, blocks)


def _text_blocks(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs as blocks; consecutive dash items form one tight list."""
    blocks: list[str] = []
    in_list = False
    for para in paragraphs:
        if _dash_content(para):
            item = ("  " + para) if para.startswith("+ ") and in_list else para
            if in_list:
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
            in_list = True
        else:
            blocks.append(para)
            in_list = False
    return blocks


def canonical(data: bytes | str, source: str = "") -> str:
    """The canonical form of a regulation file (what `regdraft fmt` writes)."""
    return render(parse(data, source))


def dump_front_matter(meta: dict[str, Any]) -> str:
    """YAML text for a front-matter mapping, keys in the given order, Unicode kept."""
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False).rstrip("\n")


def with_meta(reg: Regulation, **changes: Any) -> Regulation:
    """A copy of `reg` with front-matter keys changed (the YAML is rewritten)."""
    meta = {**reg.meta, **changes}
    return dc_replace(reg, front_matter=dump_front_matter(meta), meta=meta)


def blocks(text: str, first_line: int = 1) -> Iterator[tuple[str, str, int]]:
    """The Markdown blocks of `text` as (kind, content, line): heading, para or raw.

    Used by readers of other Markdown documents (amending documents) that need the same
    block rules and line numbers as regulations; an ordered-list item `3. text` comes out as
    the clause paragraph `3\\. text` and a dash item as `- text`.
    """
    lines = text.split("\n")
    offset = first_line - 1
    yield from _blocks(text, [""] * offset + lines, offset)

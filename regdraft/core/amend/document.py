"""The amending document: front matter, preamble, Điều 1 with its instructions, closing articles.

`load_amendment(data, source, slug)` reads `amendments/<slug>/amendment.md`.

Post-conditions of `load_amendment`:
1. Every problem (front matter, an unreadable instruction, a missing or stray quote, a quoted
   unit whose kind or label differs from the instruction's) is reported in one `ParseError`,
   each with its file and line; nothing is guessed.
2. Each instruction carries a complete operation with absolute addresses and, for those that
   take new text, the new unit (or title) read with the regulation format's rules.
3. `render_amendment(load_amendment(text))` is the canonical Markdown of the document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from regdraft.core.amend.grammar import (
    AmendGroup,
    GrammarError,
    InsertUnit,
    Operation,
    ReplaceHeading,
    ReplaceUnit,
    read_instruction,
)
from regdraft.core.amend.quote import CLAUSE, CLOSE, HEADING, POINT, quoted_unit, short
from regdraft.core.blocks import DEEP
from regdraft.core.errors import ParseError, Problem
from regdraft.core.frontmatter import check_values, dump_yaml, read_front_matter, without_control_characters
from regdraft.core.markdown import blocks, decode
from regdraft.core.model import Address, Kind, Unit, noun

STATUSES = ("draft", "circulating", "submitted", "adopted", "rejected", "withdrawn")
PENDING = ("draft", "circulating", "submitted")

_TOP = re.compile(r"^(\d+[a-z]?)\\?\.\s+(.*)$", re.S)
_NESTED = re.compile(r"^(dd|[a-zđ])(\d*)\)\s+(.*)$", re.S)


@dataclass(frozen=True, slots=True)
class Instruction:
    """One numbered instruction of Điều 1 (or a lettered one nested in a group).

    `location` is where it stands in the amending document (`3`, `3.a`); `text` is the
    instruction sentence; `quote` the quoted paragraphs as written; `unit` the new unit (or,
    for a renamed heading, a unit carrying only the new title); `children` the nested
    instructions of a group.
    """

    location: str
    line: int
    text: str
    op: Operation
    quote: tuple[str, ...] = ()
    unit: Unit | None = None
    children: tuple[Instruction, ...] = ()
    article: str = "1"

    def cite(self, language: str = "vi") -> str:
        """Where the instruction stands: `khoản 1 Điều 1`, `điểm a khoản 3 Điều 1`."""
        top, _, sub = self.location.partition(".")
        if language == "en":
            if sub:
                return f"point {sub.replace('đ', 'dd')}, clause {top}, Article {self.article}"
            return f"clause {top} of Article {self.article}"
        return (f"điểm {sub} " if sub else "") + f"khoản {top} Điều {self.article}"

    @property
    def title(self) -> str | None:
        """The new title of a renamed heading."""
        return self.unit.title if self.unit is not None and isinstance(self.op, ReplaceHeading) else None


@dataclass(frozen=True, slots=True)
class DocumentArticle:
    """An article of the amending document itself, kept as text (Điều 2, Điều 3 ...)."""

    label: str
    title: str | None
    paragraphs: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Amendment:
    """A whole amending document, as data."""

    slug: str
    source: str
    meta: Mapping[str, Any]
    front_matter: str
    preamble: tuple[str, ...]
    article: DocumentArticle
    instructions: tuple[Instruction, ...]
    closing: tuple[DocumentArticle, ...] = ()

    @property
    def number(self) -> str:
        """The document number (`05-QC/TU`), empty until one is given."""
        return str(self.meta.get("number") or "")

    @property
    def status(self) -> str:
        """One of STATUSES."""
        return str(self.meta.get("status") or "draft")

    @property
    def draft(self) -> int | None:
        """The draft number (`Dự thảo lần N`)."""
        value = self.meta.get("draft")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    @property
    def signed(self) -> dt.date | None:
        """The signing date, once adopted."""
        return as_date(self.meta.get("signed"))

    @property
    def effective(self) -> dt.date | None:
        """The date the amendment takes effect (the date that counts for the text in force)."""
        return as_date(self.meta.get("effective"))

    @property
    def regulation(self) -> str:
        """The id of the regulation amended (`01-QC/TU`)."""
        return str(self.meta.get("regulation") or "")

    @property
    def language(self) -> str:
        """`vi` or `en`."""
        return str(self.meta.get("language") or "vi")

    @property
    def title(self) -> str:
        """The document's title."""
        return str(self.meta.get("title") or "")

    @property
    def name(self) -> str:
        """How messages name it: its number, else its slug."""
        return self.number or self.slug

    def leaves(self) -> Iterator[Instruction]:
        """Every instruction that changes the text, nested ones in place of their group."""
        for ins in self.instructions:
            if ins.children:
                yield from ins.children
            elif not isinstance(ins.op, AmendGroup):
                yield ins


def as_date(value: Any) -> dt.date | None:
    """A front-matter date (a YAML date or a `YYYY-MM-DD` string); None when absent or unreadable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _front_matter(lines: list[str], source: str, problems: list[Problem]) -> tuple[str, dict[str, Any], int]:
    raw, data, body_start = read_front_matter(
        lines,
        source,
        problems,
        absent="does not start with front matter ('---', keys such as number, title, "
        "regulation and status, then '---').",
    )
    if data is None:
        return raw, {}, body_start
    data = check_values(data, lines[:body_start], source, problems,
                        own=("status", "language", "draft", "signed", "effective"))
    _check_meta(data, lines[: body_start - 1], source, problems)
    return raw, data, body_start


def _key_line(lines: list[str], key: str) -> int:
    for i, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            return i + 1
    return 1


def _check_meta(data: dict[str, Any], lines: list[str], source: str, problems: list[Problem]) -> None:
    if not data.get("regulation"):
        problems.append(
            Problem(
                "The front matter lacks 'regulation', the id of the regulation this amends "
                "(e.g. regulation: 01-QC/TU).",
                source,
                1,
            )
        )
    status = data.get("status", "draft")
    if status not in STATUSES:
        problems.append(
            Problem(f"The status '{status}' is not one of {', '.join(STATUSES)}.", source, _key_line(lines, "status"))
        )
    if data.get("language", "vi") not in ("vi", "en"):
        problems.append(
            Problem(f"The language '{data.get('language')}' is not vi or en.", source, _key_line(lines, "language"))
        )
    draft = data.get("draft")
    if draft is not None and (not isinstance(draft, int) or isinstance(draft, bool) or draft < 1):
        problems.append(
            Problem(f"The draft number '{draft}' is not a whole number from 1.", source, _key_line(lines, "draft"))
        )
    for key in ("signed", "effective"):
        if data.get(key) not in (None, "") and as_date(data.get(key)) is None:
            problems.append(
                Problem(
                    f"The {key} date '{data.get(key)}' is not a date written YYYY-MM-DD.", source, _key_line(lines, key)
                )
            )
    if status == "adopted" and (as_date(data.get("signed")) is None or as_date(data.get("effective")) is None):
        problems.append(
            Problem(
                "An adopted amendment needs both its signed and its effective date.", source, _key_line(lines, "status")
            )
        )


def load_amendment(data: bytes | str, source: str, slug: str) -> Amendment:
    """Read an amending document; `ParseError` listing every problem with its file and line."""
    amendment, problems = read_amendment(data, source, slug)
    if problems or amendment is None:
        raise ParseError.collect(problems, "amendment")
    return amendment


def read_amendment(data: bytes | str, source: str, slug: str) -> tuple[Amendment | None, tuple[Problem, ...]]:
    """Read an amending document as far as it can be read: the instructions that read, and every problem.

    For `amend check`, which reports what the instructions that could be read would do too. The
    amendment is None when there is nothing to apply (no front matter naming the regulation, no
    article holding instructions).
    """
    problems: list[Problem] = []
    text = without_control_characters(decode(data, source), source, problems)
    lines = text.split("\n")
    front, meta, body_start = _front_matter(lines, source, problems)
    language = str(meta["language"]) if meta.get("language") in ("vi", "en") else "vi"
    preamble: list[str] = []
    articles: list[tuple[DocumentArticle, list[tuple[str, int]]]] = []
    body = "\n".join(lines[body_start:])
    for kind, content, line in blocks(body, body_start + 1):
        if kind == DEEP:
            problems.append(Problem(content, source, line))
        elif kind == "heading":
            match = HEADING.match(content.strip())
            if match is None:
                problems.append(
                    Problem(
                        f"The heading '{content}' is not an article heading ('{noun(Kind.ARTICLE, language)} 1. ...').",
                        source,
                        line,
                    )
                )
                continue
            articles.append((DocumentArticle(match.group(2), (match.group(3) or "").strip() or None, (), line), []))
        elif articles:
            articles[-1][1].append((content, line))
        else:
            preamble.append(content)
    if not articles:
        problems.append(
            Problem(
                f"has no '{noun(Kind.ARTICLE, language)} 1' heading holding the instructions.", source, body_start + 1
            )
        )
        return None, tuple(problems)
    head, paragraphs = articles[0]
    lead, instructions = _instructions(paragraphs, head.label, source, language, problems)
    first = DocumentArticle(head.label, head.title, tuple(lead), head.line)
    closing = tuple(DocumentArticle(a.label, a.title, tuple(p for p, _ in paras), a.line) for a, paras in articles[1:])
    problems.sort(key=lambda p: p.line)
    amendment = Amendment(slug, source, meta, front, tuple(preamble), first, tuple(instructions), closing)
    return (amendment if meta.get("regulation") else None), tuple(problems)


@dataclass
class _Draft:
    location: str
    line: int
    text: str
    op: Operation | None
    quote: list[tuple[str, int]] = field(default_factory=list)
    children: list[_Draft] = field(default_factory=list)
    closed: bool = False


def _instructions(
    paragraphs: list[tuple[str, int]], article: str, source: str, language: str, problems: list[Problem]
) -> tuple[list[str], list[Instruction]]:
    lead: list[str] = []
    tops: list[_Draft] = []
    open_quote: _Draft | None = None
    for content, line in paragraphs:
        if open_quote is not None:
            open_quote.quote.append((content, line))
            if _closes(open_quote.quote):
                open_quote.closed = True
                open_quote = None
            continue
        if content[:1] in ("“", '"'):
            owner = _quote_owner(tops)
            if owner is None:
                problems.append(
                    Problem(
                        "This quoted text does not follow an instruction that takes new text "
                        "(one ending in 'như sau:' or ':').",
                        source,
                        line,
                    )
                )
                continue
            owner.quote.append((content, line))
            if _closes(owner.quote):
                owner.closed = True
            else:
                open_quote = owner
            continue
        top = _TOP.match(content)
        nested = None if top else _NESTED.match(content)
        if top:
            tops.append(_read(top.group(1), top.group(2), line, None, source, language, problems))
        elif nested and tops and tops[-1].op is None:
            # Under an instruction that could not be read (reported already): relative addresses
            # have nothing to be relative to, so its lettered instructions are not read either.
            tops[-1].children.append(_Draft(f"{tops[-1].location}.{nested.group(1)}", line, content, None))
        elif nested and tops and isinstance(tops[-1].op, AmendGroup):
            label = nested.group(1).replace("dd", "đ") + nested.group(2)
            group = tops[-1]
            context = group.op.target if isinstance(group.op, AmendGroup) else None
            group.children.append(
                _read(f"{group.location}.{label}", nested.group(3), line, context, source, language, problems)
            )
        elif not tops:
            lead.append(content)
        else:
            hint = (
                " If it is new text, put it in quotes (“...”)." if CLAUSE.match(content) or POINT.match(content) else ""
            )
            problems.append(
                Problem(
                    f"This paragraph is neither an instruction nor quoted new text: '{short(content)}'.{hint}",
                    source,
                    line,
                )
            )
    if open_quote is not None:
        problems.append(
            Problem(
                f"instruction {open_quote.location} ({short(open_quote.text)}): the quoted text "
                f'opened on line {open_quote.quote[0][1]} is never closed with ” (or ").',
                source,
                open_quote.quote[0][1],
            )
        )
        open_quote.op = None
    finished = [_finish(d, article, source, language, problems) for d in tops if d.op is not None]
    return lead, [ins for ins in finished if ins is not None]


def _closes(quote: list[tuple[str, int]]) -> bool:
    """The quote is complete when its last paragraph ends with a closing mark that balances it."""
    last = quote[-1][0]
    if not CLOSE.search(last):
        return False
    joined = "\n".join(p for p, _ in quote)
    if joined.startswith("“"):
        return joined.count("“") == joined.count("”")
    return joined.count('"') % 2 == 0


def _quote_owner(tops: list[_Draft]) -> _Draft | None:
    if not tops:
        return None
    last = tops[-1].children[-1] if tops[-1].children else tops[-1]
    if last.quote:
        return None
    # The quote of an instruction that could not be read is its own (that error is reported once).
    if last.op is None or isinstance(last.op, (ReplaceUnit, ReplaceHeading, InsertUnit)):
        return last
    return None


def _read(
    location: str,
    sentence: str,
    line: int,
    context: Address | None,
    source: str,
    language: str,
    problems: list[Problem],
) -> _Draft:
    text = " ".join(sentence.split())
    try:
        op: Operation | None = read_instruction(text, language, context)
    except GrammarError as exc:
        problems.append(Problem(f"instruction {location} ({short(text)}): {exc}", source, line))
        op = None
    return _Draft(location, line, text, op)


def _finish(draft: _Draft, article: str, source: str, language: str, problems: list[Problem]) -> Instruction | None:
    """The instruction, or None when it cannot be applied (its problem is reported)."""
    where = f"instruction {draft.location} ({short(draft.text)})"
    finished = [_finish(c, article, source, language, problems) for c in draft.children if c.op is not None]
    children = tuple(c for c in finished if c is not None)
    assert draft.op is not None
    if draft.children and not children:
        return None  # none of its lettered instructions can be applied
    if isinstance(draft.op, AmendGroup) and not draft.children:
        problems.append(
            Problem(
                f"{where}: announces several changes but no lettered instructions (a) ..., b) ...) follow it.",
                source,
                draft.line,
            )
        )
    unit: Unit | None = None
    if isinstance(draft.op, (ReplaceUnit, ReplaceHeading, InsertUnit)):
        if not draft.quote:
            problems.append(
                Problem(f"{where}: the new text in quotes (“...”) is missing after it.", source, draft.line)
            )
            return None
        try:
            unit = quoted_unit(draft.op, draft.quote, language)
        except GrammarError as exc:
            problems.append(Problem(f"{where}: {exc}", source, draft.quote[0][1]))
            return None
    elif isinstance(draft.op, AmendGroup) and not draft.children:
        return None
    return Instruction(
        draft.location, draft.line, draft.text, draft.op, tuple(p for p, _ in draft.quote), unit, children, article
    )


def render_amendment(amendment: Amendment) -> str:
    """The canonical Markdown of an amending document."""
    out = ["---", amendment.front_matter, "---"] if amendment.front_matter else ["---", "---"]
    parts: list[str] = list(_paragraphs(amendment.preamble))
    word = noun(Kind.ARTICLE, amendment.language)
    for article in (amendment.article, *amendment.closing):
        heading = f"## {word} {article.label}" + (f". {article.title}" if article.title else "")
        parts.append(heading)
        parts.extend(_paragraphs(article.paragraphs))
        if article is amendment.article:
            for ins in amendment.instructions:
                parts.extend(_instruction_blocks(ins, top=True))
    return "\n".join(out) + "\n\n" + "\n\n".join(parts) + "\n"


def _instruction_blocks(ins: Instruction, top: bool) -> list[str]:
    label = ins.location.rpartition(".")[2]
    marker = f"{label}\\." if top else f"{label})"
    out = [f"{marker} {ins.text}"]
    out.extend(_paragraphs(ins.quote))
    for child in ins.children:
        out.extend(_instruction_blocks(child, top=False))
    return out


def _paragraphs(paragraphs: tuple[str, ...] | list[str]) -> list[str]:
    """Paragraphs as blocks; consecutive dash items form one tight list, as in regulations."""
    out: list[str] = []
    in_list = False
    for para in paragraphs:
        dash = para.startswith(("- ", "+ "))
        if dash and in_list:
            out[-1] += "\n" + (("  " + para) if para.startswith("+ ") else para)
        else:
            out.append(para)
        in_list = dash
    return out


def with_front_matter(text: str, changes: Mapping[str, Any]) -> str:
    """The document text with top-level front-matter keys set, other lines kept as written."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ParseError("The amending document has no front matter to update.")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise ParseError("The amending document's front matter is never closed.")
    head = lines[1:end]
    for key, value in changes.items():
        rendered = f"{key}: {_scalar(value)}"
        for i, line in enumerate(head):
            if line.startswith(f"{key}:"):
                head[i] = rendered
                break
        else:
            head.append(rendered)
    return "\n".join([lines[0], *head, *lines[end:]])


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, int)) and not isinstance(value, bool):
        return str(value)
    dumped: str = dump_yaml(value, allow_unicode=True, default_flow_style=True, width=10_000)
    return dumped.removesuffix("\n...\n").strip()

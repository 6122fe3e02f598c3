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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from regdraft.core.amend.capitals_cited import Capital, capital_warnings
from regdraft.core.amend.front_matter import PENDING, STATUSES, TRANSITIONS, amendment_front_matter, key_at
from regdraft.core.amend.instructions import Instruction, Unmatched, read_instructions
from regdraft.core.amend.quote import HEADING
from regdraft.core.amend.reasons import check_reasons, reason_for
from regdraft.core.blocks import DEEP, INTERRUPTS, JOINED, atx_heading
from regdraft.core.dates import issue_dates, read_date
from regdraft.core.errors import ParseError, Problem
from regdraft.core.frontmatter import (
    YamlReader,
    dump_yaml,
    replaced_ids,
    without_control_characters,
)
from regdraft.core.markdown import blocks, decode
from regdraft.core.markdown_writer import list_line
from regdraft.core.model import Kind, label_order, noun
from regdraft.core.text import plain
from regdraft.core.unwritable import instruction_places, placed, unwritable_lines

__all__ = ["PENDING", "STATUSES", "TRANSITIONS", "Amendment", "AmendingArticle", "DocumentArticle", "Instruction",
           "front_matter_only", "instruction_markdown", "load_amendment", "read_amendment", "render_amendment",
           "replaced_ids",
           "with_front_matter"]


@dataclass(frozen=True, slots=True)
class DocumentArticle:
    """An article of the amending document itself, kept as text (Điều 2, Điều 3 ...)."""

    label: str
    title: str | None
    paragraphs: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)  # the heading's line
    lines: tuple[int, ...] = field(default=(), compare=False)  # each paragraph's line, where read from a file


@dataclass(frozen=True, slots=True)
class AmendingArticle:
    """An article of the amending document that amends a regulation of the workspace."""

    regulation: str
    article: DocumentArticle
    instructions: tuple[Instruction, ...]


@dataclass(frozen=True, slots=True)
class Amendment:
    """A whole amending document, as data.

    `article` holds the instructions for `regulation` (Điều 1 unless the front matter says
    `article:` or `amends:`); `others` the amending articles for further regulations of the
    workspace; `opening` and `closing` the articles kept as text before and after them.
    `warnings` are typing slips read as the drafter plainly meant, each with its line; `unmatched` the
    instructions not read because their quoted text is another unit than they name (each also a problem).
    """

    slug: str
    source: str
    meta: Mapping[str, Any]
    front_matter: str
    preamble: tuple[str, ...]
    article: DocumentArticle
    instructions: tuple[Instruction, ...]
    closing: tuple[DocumentArticle, ...] = ()
    opening: tuple[DocumentArticle, ...] = ()
    others: tuple[AmendingArticle, ...] = ()
    warnings: tuple[Problem, ...] = ()
    unmatched: tuple[Unmatched, ...] = ()  # instructions left out: their quote is another unit than they name

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
        return read_date(self.meta.get("signed"))

    @property
    def issued(self) -> bool:
        """Numbered and signed: an issued document (an amending decree imported to be consolidated), not a draft."""
        return bool(self.number) and self.signed is not None

    @property
    def effective(self) -> dt.date | None:
        """The date the amendment takes effect (the date that counts for the text in force)."""
        return read_date(self.meta.get("effective"))

    @property
    def regulation(self) -> str:
        """The id of the regulation amended (`01-QC/TU`); the first one when it amends several."""
        return str(self.meta.get("regulation") or "")

    @property
    def replacing(self) -> tuple[str, ...]:
        """The regulations a draft of a whole new regulation replaces (`replaces:`), its text in the file in place of
        instructions (docs/amendments.md, "A new regulation replacing the old one"); empty for an amending document."""
        return replaced_ids(self.meta)

    @property
    def regulations(self) -> tuple[str, ...]:
        """Every regulation of the workspace this document amends, its main one first; none for a new regulation's
        draft, which replaces them whole (`replacing`): adopted, it is no amendment in their history."""
        if self.replacing:
            return ()
        return (self.regulation, *(part.regulation for part in self.others))

    @property
    def amending_articles(self) -> tuple[tuple[str, DocumentArticle], ...]:
        """Each regulation of the workspace this document amends with the article amending it, in
        the order the articles stand in the document."""
        found = [(self.regulation, self.article), *((part.regulation, part.article) for part in self.others)]
        return tuple(sorted(found, key=lambda pair: label_order(Kind.ARTICLE, pair[1].label)))

    def for_regulation(self, reg_id: str) -> Amendment:
        """The document as it amends `reg_id`: that article's instructions (itself when it amends one)."""
        if reg_id == self.regulation or not self.others:
            return self
        for part in self.others:
            if part.regulation == reg_id:
                return replace(self, meta={**self.meta, "regulation": reg_id}, article=part.article,
                               instructions=part.instructions, others=())
        return self

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

    def reason(self, ins: Instruction) -> str:
        """The reason the front matter records for an instruction (`reasons:`), "" when none."""
        return reason_for(self.meta, ins, self.language, self.article.label)

    def leaves(self) -> Iterator[Instruction]:
        """Every instruction that changes the text, nested ones in place of their group."""
        for ins in self.instructions:
            yield from ins.leaves()


def load_amendment(data: bytes | str, source: str, slug: str, language: str = "vi",
                   kept_numbers: bool = False) -> Amendment:
    """Read an amending document; `ParseError` listing every problem with its file and line. `language`: the one it
    is read in when its front matter gives none (the amended text's, `written_language`); `kept_numbers` as for
    `read_amendment`."""
    amendment, problems = read_amendment(data, source, slug, language=language, kept_numbers=kept_numbers)
    if problems or amendment is None:
        raise ParseError.collect(problems, "amendment")
    return amendment


def front_matter_only(data: bytes | str, source: str, slug: str) -> Amendment | None:
    """The amendment with its front matter alone read (status, draft, number), no instruction; None when the front
    matter has a problem. For `amend status` withdrawing or rejecting a draft whose instructions do not read."""
    problems: list[Problem] = []
    text = without_control_characters(decode(data, source), source, problems)
    front, meta, _ = amendment_front_matter(text.split("\n"), source, problems, None)
    if problems or not meta:
        return None
    return Amendment(slug, source, meta, front, (), DocumentArticle("1", None, ()), ())


def read_amendment(data: bytes | str, source: str, slug: str, *, load: YamlReader | None = None,
                   alphabets: Mapping[str, str] | None = None,
                   names: Mapping[str, str] | None = None,
                   language: str = "vi",
                   appendices: Mapping[str, str] | None = None,
                   kept_numbers: bool = False) -> tuple[Amendment | None, tuple[Problem, ...]]:
    """Read an amending document as far as it can be read: the instructions that read, and every problem.

    For `amend check`, which reports what the instructions that could be read would do too. The
    amendment is None when there is nothing to apply (no front matter naming the regulation, no
    article holding instructions). `load` reads the front matter's YAML (`load_yaml` when not given).
    `alphabets` gives the point alphabet (`Regulation.alphabet`) of the regulations amended that the caller knows,
    by id: an English document's lettered instructions are judged in it (`layout.instruction_alphabet`).
    `names` gives the amended text's own name by language (`self_name.own_names`: `{"en": "these Staff Rules"}`),
    which a refusal suggests for `throughout …`. `language` is the language a document whose front matter has no
    `language:` is read in, and then its `meta["language"]`: the workspace gives the amended text's
    (`workspace.amendments.load`), so an amendment of an English text reads in English without the line.
    `appendices` gives its appendices' own words (`address.designated.designations`: `Schedule 1`), which a refusal
    names them by. `kept_numbers`: the document is a translation's of an amending document of its original, whose
    instruction numbers it keeps, skipping those it does not translate (`workspace.translated_amendments`).
    """
    from regdraft.core.address.designated import designating
    from regdraft.core.amend.self_name import naming

    with naming(names or {}), designating(appendices or {}):
        return _read_amendment(data, source, slug, load, alphabets, language, kept_numbers)


def written_language(amendment: Amendment) -> bool:
    """Whether the amendment's front matter says its language (`language:`), rather than taking the amended text's."""
    return any(line.startswith("language:") for line in amendment.front_matter.split("\n"))


def _read_amendment(data: bytes | str, source: str, slug: str, load: YamlReader | None,
                    alphabets: Mapping[str, str] | None,
                    default: str = "vi", kept_numbers: bool = False) -> tuple[Amendment | None, tuple[Problem, ...]]:
    problems: list[Problem] = []
    text = decode(data, source)
    clear = plain(text)  # one search: neither a control or invisible character nor one `unwritable_lines` names
    if not clear:
        text = without_control_characters(text, source, problems)
    hidden = len(problems)  # the lines holding a control or invisible character: named by instruction below
    lines = text.split("\n")
    front, meta, body_start = amendment_front_matter(lines, source, problems, load)
    if meta.get("language") in (None, "") and default == "en":
        meta = {**meta, "language": default}  # the amended text's (`read_amendment`); the file is as written
    language = str(meta["language"]) if meta.get("language") in ("vi", "en") else "vi"
    if replaced_ids(meta) and not str(meta.get("id") or "").strip():
        # `replaces:` in an amending document made its instructions vanish from `amend list`, the redline and
        # `check` without a word (r41 sweep CK F5): a new regulation's draft is told by its own id beside it.
        problems.append(Problem("'replaces' marks the draft of a whole new regulation, which also gives the new "
                                "regulation's own 'id' (e.g. id: 01-QC/TU-XV); an amending document replaces no "
                                "regulation: remove the 'replaces' line, or give the draft its 'id'.", source,
                                key_at(lines, "replaces")))
    if replaced_ids(meta):  # a whole new regulation's draft: its body is the text, read by `workspace.replacing`
        empty = Amendment(slug, source, meta, front, (), DocumentArticle("1", None, ()), ())
        return (None if problems else empty), tuple(problems)
    preamble: list[str] = []
    articles: list[tuple[DocumentArticle, list[tuple[str, int]]]] = []
    joined: dict[int, list[tuple[str, int]]] = {}  # a paragraph's line: its other lines, as Markdown joined them
    body = "\n".join(lines[body_start:])
    for kind, content, line in blocks(body, body_start + 1, joins=True):
        if kind == JOINED and articles and articles[-1][1]:
            joined.setdefault(articles[-1][1][-1][1], []).append((content, line))
        elif kind in (JOINED, INTERRUPTS):
            continue
        elif kind == DEEP:
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
    targets = _amending_articles(meta, [a.label for a, _ in articles], source, problems, lines[: body_start - 1])
    warnings: list[Problem] = []
    capitals: list[Capital] = []
    unmatched: list[Unmatched] = []
    signed = read_date(meta.get("signed")) is not None
    read: dict[str, AmendingArticle] = {}
    kept: list[DocumentArticle] = []
    for head, paragraphs in articles:
        if head.label in targets:
            found: list[Unmatched] = []
            lead, instructions = read_instructions(paragraphs, head.label, source, language, problems, warnings,
                                                   capitals, found, signed=signed, joined=joined,
                                                   amended=(alphabets or {}).get(targets[head.label]),
                                                   gaps=kept_numbers)
            unmatched.extend(replace(u, regulation=targets[head.label]) for u in found)
            article = DocumentArticle(head.label, head.title, tuple(lead), head.line)
            read[head.label] = AmendingArticle(targets[head.label], article, tuple(instructions))
        else:
            kept.append(DocumentArticle(head.label, head.title, tuple(p for p, _ in paragraphs), head.line,
                                        tuple(n for _, n in paragraphs)))
    main = next((part for part in read.values() if part.regulation == meta.get("regulation")),
                next(iter(read.values()), None))
    if main is not None:
        check_reasons(meta, [ins for part in read.values() for ins in part.instructions], main.article.label,
                      language, source, lines[: body_start - 1], problems)
    warnings.extend([*capital_warnings(capitals, source, signed=signed),
                     *issue_dates(meta, lines[:body_start], source, "number")])
    every = [ins for part in read.values() for ins in part.instructions]
    if not clear:
        warnings.extend(unwritable_lines(text, source, lambda: instruction_places(every)))
    articles_at = [(a.line, f"{noun(Kind.ARTICLE, language)} {a.label}")
                   for a in (*kept, *(part.article for part in read.values()))]
    problems[:hidden] = placed(problems[:hidden], lambda: [*articles_at, *instruction_places(every)])
    problems.sort(key=lambda p: p.line)
    warnings.sort(key=lambda p: p.line)
    if main is None:
        return None, tuple(problems)
    amendment = Amendment(
        slug, source, {**meta, "regulation": main.regulation}, front, tuple(preamble), main.article,
        main.instructions, tuple(a for a in kept if a.line > main.article.line),
        tuple(a for a in kept if a.line < main.article.line), tuple(p for p in read.values() if p is not main),
        tuple(warnings), tuple(unmatched),
    )
    return (amendment if main.regulation else None), tuple(problems)


def _amending_articles(meta: Mapping[str, Any], labels: list[str], source: str, problems: list[Problem],
                       head: list[str]) -> dict[str, str]:
    """Which articles hold instructions, and for which regulation: `amends:`, `article:`, else the first article."""
    regulation = str(meta.get("regulation") or "")
    amends = meta.get("amends")
    if isinstance(amends, Mapping) and amends:
        chosen = {str(k): str(v) for k, v in amends.items()}
    elif meta.get("article") not in (None, ""):
        chosen = {str(meta.get("article")): regulation}
    else:
        return {labels[0]: regulation}
    for label in chosen:
        if label not in labels:
            word = noun(Kind.ARTICLE, str(meta.get("language") or "vi"))
            problems.append(Problem(
                f"The front matter names {word} {label} as amending a regulation, but the document has no "
                f"{word} {label}.", source, key_at(head, "amends" if isinstance(amends, Mapping) else "article")))
    return {label: reg for label, reg in chosen.items() if label in labels}


def render_amendment(amendment: Amendment) -> str:
    """The canonical Markdown of an amending document."""
    out = ["---", amendment.front_matter, "---"] if amendment.front_matter else ["---", "---"]
    parts: list[str] = list(_paragraphs(amendment.preamble))
    word = noun(Kind.ARTICLE, amendment.language)
    amending = {amendment.article.label: amendment.instructions,
                **{part.article.label: part.instructions for part in amendment.others}}
    for article in document_articles(amendment):
        parts.append(atx_heading(2, f"{word} {article.label}" + (f". {article.title}" if article.title else "")))
        parts.extend(_paragraphs(article.paragraphs))
        for ins in amending.get(article.label, ()):
            parts.extend(_instruction_blocks(ins, top=True))
    return "\n".join(out) + "\n\n" + "\n\n".join(parts) + "\n"


def document_articles(amendment: Amendment) -> list[DocumentArticle]:
    """Every article of the amending document, in its order."""
    articles = [*amendment.opening, amendment.article, *(p.article for p in amendment.others), *amendment.closing]
    return sorted(articles, key=lambda a: label_order(Kind.ARTICLE, a.label))


def instruction_markdown(ins: Instruction) -> str:
    """The canonical Markdown of one numbered instruction (its nested ones with it), as `render_amendment` writes
    it."""
    return "\n\n".join(_instruction_blocks(ins, top=True))


def _instruction_blocks(ins: Instruction, top: bool) -> list[str]:
    label = ins.location.rpartition(".")[2]
    marker = f"{label}\\." if top else "-" if ins.location.count(".") > 1 else f"{label})"
    out = [f"{marker} {ins.text}"]
    out.extend(_paragraphs(ins.quote))
    for child in ins.children:
        if not child.implied:
            out.extend(_instruction_blocks(child, top=False))
    return out


def _paragraphs(paragraphs: tuple[str, ...] | list[str]) -> list[str]:
    """Paragraphs as blocks; consecutive dash items form one tight list, as in regulations."""
    out: list[str] = []
    in_list = False
    for para in paragraphs:
        dash = para.startswith(("- ", "+ "))
        if dash and in_list:
            out[-1] += "\n" + list_line(para)
        else:
            out.append(list_line(para))
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
                # A block value (an indented map, a list) goes with its key.
                last = i + 1
                while last < len(head) and head[last][:1] in (" ", "\t", "-"):
                    last += 1
                head[i:last] = [rendered]
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

"""The strict grammar of amending instructions, in Vietnamese and English (docs/amendments.md).

`read_instruction(sentence, language, context)` turns one instruction sentence (without its
number) into an operation skeleton. It never guesses: a sentence that does not match one of
the documented forms, or names provisions it cannot read, raises `GrammarError` with a
sentence the drafter can act on.

Post-conditions:
1. Every address in a returned operation is absolute: addresses written relative to a nested
   group's provision (`điểm c` under `khoản 1 Điều 4`) are completed from `context`.
2. A relative address never leaves the group's provision.
3. Labels are canonical (`đ` for the English `dd`, chapters in Roman numerals).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from regdraft.core.model import Address, Kind, Segment, noun, roman_from_digits


class GrammarError(Exception):
    """An instruction sentence that does not follow the grammar; the message says why."""


@dataclass(frozen=True, slots=True)
class ReplaceUnit:
    """Replace a whole unit by the quoted one (same kind and label)."""

    target: Address


@dataclass(frozen=True, slots=True)
class ReplaceHeading:
    """Replace the title of a part, chapter, section or article."""

    target: Address


@dataclass(frozen=True, slots=True)
class InsertUnit:
    """Insert the quoted unit `target` right after `after`, or at the end of `parent`."""

    target: Address
    after: Address | None = None
    parent: Address | None = None


@dataclass(frozen=True, slots=True)
class RepealUnits:
    """Repeal one or several units; each stays as a placeholder."""

    targets: tuple[Address, ...]


@dataclass(frozen=True, slots=True)
class ReplaceWords:
    """Replace (or, with `new` None, delete) a phrase in named provisions or throughout."""

    old: str
    new: str | None
    targets: tuple[Address, ...] = ()

    @property
    def throughout(self) -> bool:
        """True when the phrase changes in the whole regulation."""
        return not self.targets


@dataclass(frozen=True, slots=True)
class AmendGroup:
    """Several instructions on parts of one provision, written with relative addresses."""

    target: Address | None


Operation = ReplaceUnit | ReplaceHeading | InsertUnit | RepealUnits | ReplaceWords | AmendGroup

TAKES_QUOTE = (ReplaceUnit, ReplaceHeading, InsertUnit)


def targets(op: Operation) -> tuple[Address, ...]:
    """The provisions an operation names (none for a group, or for words changed throughout)."""
    if isinstance(op, (ReplaceUnit, InsertUnit, ReplaceHeading)):
        return (op.target,)
    if isinstance(op, (RepealUnits, ReplaceWords)):
        return op.targets
    return ()


_Q_OPEN = '[“"]'
_Q_CLOSE = '[”"]'


def _q(name: str) -> str:
    return f'{_Q_OPEN}(?P<{name}>[^“”"]+){_Q_CLOSE}'


_I = re.IGNORECASE
_VI_WHOLE = r"trong toàn bộ (?:Quy chế|Quy định|văn bản)(?: này)?"
_EN_WHOLE = r"throughout (?:these|this) (?:Regulations?|document)"
# The documented forms, tried in order. They are compiled per language on first use (`_forms`):
# a document is in one language, so the other language's forms are never compiled.
_FORM_SOURCES: dict[str, list[tuple[str, str]]] = {
    "vi": [
        ("heading", r"^Sửa đổi(?:, bổ sung)? (?:tên|tiêu đề) (?P<cite>.+?) như sau:$"),
        ("group", r"^Sửa đổi, bổ sung một số (?:điểm|khoản|điều|nội dung) (?:của|tại) (?P<cite>.+?) như sau:$"),
        ("amend", r"^Sửa đổi(?:, bổ sung)? (?P<cite>.+?) như sau:$"),
        ("amend", r"^(?P<cite>.+?) được sửa đổi(?:, bổ sung)? như sau:$"),
        ("after", r"^Bổ sung (?P<new>.+?) vào sau (?P<cite>.+?)(?: như sau)?:$"),
        ("append", r"^Bổ sung (?P<new>.+?) vào(?: cuối)? (?P<cite>.+?)(?: như sau)?:$"),
        ("repeal", r"^Bãi bỏ (?P<cite>.+?)[.;]$"),
        ("words", rf"^Thay thế (?:cụm từ|từ) {_q('old')} bằng (?:cụm từ |từ )?{_q('new')} "
                  rf"(?:(?:tại|ở) (?P<cite>.+?)|{_VI_WHOLE})[.;]$"),
        ("delete", rf"^Bỏ (?:cụm từ|từ) {_q('old')} (?:(?:tại|ở) (?P<cite>.+?)|{_VI_WHOLE})[.;]$"),
    ],
    "en": [
        ("heading", r"^The (?:title|heading) of (?P<cite>.+?) is amended to read:$"),
        ("group", r"^Some (?:points|clauses|articles|provisions) of (?P<cite>.+?) are amended as follows:$"),
        ("group", r"^(?P<cite>.+?) is amended as follows:$"),
        ("amend", r"^(?P<cite>.+?) (?:is|are) amended to read:$"),
        ("after", r"^Insert (?P<new>.+?) after (?P<cite>.+?):$"),
        ("append", r"^(?:Insert|Add) (?P<new>.+?) (?:at the end of|to|into) (?P<cite>.+?):$"),
        ("repeal", r"^Repeal (?P<cite>.+?)[.;]$"),
        ("words", rf"^Replace the words? {_q('old')} with {_q('new')} (?:in (?P<cite>.+?)|{_EN_WHOLE})[.;]$"),
        ("delete", rf"^Delete the words? {_q('old')} (?:in (?P<cite>.+?)|{_EN_WHOLE})[.;]$"),
    ],
}


@functools.cache
def _forms(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The forms of `language` (Vietnamese for any other), compiled."""
    sources = _FORM_SOURCES.get(language, _FORM_SOURCES["vi"])
    return tuple((name, re.compile(source, _I)) for name, source in sources)


_EXAMPLES = {
    "vi": "'Sửa đổi, bổ sung khoản 2 Điều 5 như sau:', 'Bổ sung khoản 5a vào sau khoản 5 Điều 4 như sau:', "
    "'Bãi bỏ điểm b khoản 2 Điều 9.', 'Thay thế cụm từ “A” bằng cụm từ “B” tại khoản 2 Điều 15.'",
    "en": "'Clause 2 of Article 5 is amended to read:', 'Insert clause 5a after clause 5 of Article 4:', "
    "'Repeal point b, clause 2, Article 9.', 'Replace the words \"A\" with \"B\" in clause 2 of Article 15.'",
}

# Citation tokens: a unit noun and its label. Order of levels, smallest first.
_LEVEL = {Kind.POINT: 0, Kind.CLAUSE: 1, Kind.ARTICLE: 2, Kind.SECTION: 3, Kind.CHAPTER: 4, Kind.PART: 5}
_NOUN_KINDS = {
    "điểm": Kind.POINT,
    "point": Kind.POINT,
    "khoản": Kind.CLAUSE,
    "clause": Kind.CLAUSE,
    "điều": Kind.ARTICLE,
    "article": Kind.ARTICLE,
    "mục": Kind.SECTION,
    "section": Kind.SECTION,
    "chương": Kind.CHAPTER,
    "chapter": Kind.CHAPTER,
}
_TOKEN = re.compile(
    r"(?P<noun>điểm|point|khoản|clause|điều|article|mục|section|chương|chapter)\s+"
    r"(?P<label>[0-9A-Za-zđĐ]+)(?![\wđĐ])",
    _I,
)
_SEPARATOR = re.compile(r"\s*(?:(?P<word>,|\bvà\b|\band\b|\bof\b|\bcủa\b)\s*)?", _I)
_LABELS = {
    Kind.POINT: re.compile(r"^(?:dd|[a-zđ])\d*$"),
    Kind.CLAUSE: re.compile(r"^\d+[a-z]?$"),
    Kind.ARTICLE: re.compile(r"^\d+[a-z]?$"),
    Kind.SECTION: re.compile(r"^\d+$"),
    Kind.CHAPTER: re.compile(r"^(?:[IVXLCDM]+|\d+)[a-z]?$"),
}

Citation = dict[Kind, str]


def _label(kind: Kind, raw: str) -> str:
    if kind is Kind.CHAPTER:
        base = raw.rstrip("abcdefghijklmnopqrstuvwxyz")
        return (roman_from_digits(base) if base.isdigit() else base.upper()) + raw[len(base) :]
    label = raw.lower()
    return label.replace("dd", "đ") if kind is Kind.POINT else label


def read_citations(text: str, language: str) -> list[Citation]:
    """Read a list of provisions (`khoản 2 Điều 1, Điều 3 và Điều 4`), each smallest unit first.

    `và`/`and` always starts a new provision; a comma starts one unless the next unit is
    larger than the last (`point b, clause 2, Article 9` is one provision).
    """
    citations: list[Citation] = []
    position = 0
    text = text.strip()
    while position < len(text):
        sep = _SEPARATOR.match(text, position)
        word = (sep.group("word") or "").lower() if sep else ""
        start = sep.end() if sep else position
        token = _TOKEN.match(text, start)
        if token is None:
            rest = text[start:] or text[position:]
            raise GrammarError(
                f"cannot read the provisions '{text}': '{rest}' is not a provision such as "
                f"'{'khoản 2 Điều 5' if language == 'vi' else 'clause 2 of Article 5'}'."
            )
        kind = _NOUN_KINDS[token.group("noun").lower()]
        raw_label = token.group("label")
        if not _LABELS[kind].match(raw_label if kind is Kind.CHAPTER else raw_label.lower()):
            raise GrammarError(f"'{token.group(0)}' does not have a valid {noun(kind, language)} number.")
        label = _label(kind, raw_label)
        current = citations[-1] if citations else None
        ascending = current is not None and _LEVEL[kind] > max(_LEVEL[k] for k in current)
        if current is None or word in ("và", "and") or (word == "," and not ascending):
            citations.append({kind: label})
        elif ascending and kind not in current:
            current[kind] = label
        else:
            raise GrammarError(
                f"cannot read the provisions '{text}': {token.group(0)} cannot follow "
                f"{_show(current, language)} there; separate provisions with ',' or "
                f"'{'và' if language == 'vi' else 'and'}'."
            )
        position = token.end()
    if not citations:
        raise GrammarError("names no provision.")
    return citations


def _show(citation: Citation, language: str) -> str:
    parts = [f"{noun(k, language)} {v}" for k, v in sorted(citation.items(), key=lambda kv: _LEVEL[kv[0]])]
    return (", " if language == "en" else " ").join(parts)


def resolve(citations: list[Citation], context: Address | None, language: str) -> list[Address]:
    """Complete each citation from the following ones and from `context`; return addresses."""
    filled: list[Citation] = [dict(c) for c in citations]
    for i in range(len(filled) - 2, -1, -1):
        top = max(_LEVEL[k] for k in filled[i])
        following = filled[i + 1]
        inherit = (
            (Kind.CLAUSE, Kind.ARTICLE)
            if top < _LEVEL[Kind.ARTICLE]
            else ((Kind.CHAPTER,) if top == _LEVEL[Kind.SECTION] else ())
        )
        for kind in inherit:
            if _LEVEL[kind] > top and kind in following:
                filled[i].setdefault(kind, following[kind])
    return [_address(c, context, language) for c in filled]


def _address(citation: Citation, context: Address | None, language: str) -> Address:
    shown = _show(citation, language)
    top = max(_LEVEL[k] for k in citation)
    if top < _LEVEL[Kind.ARTICLE] and context is not None:
        for seg in context.segments:
            if _LEVEL[seg.kind] > top and seg.kind in (Kind.ARTICLE, Kind.CLAUSE):
                citation.setdefault(seg.kind, seg.label)
    if Kind.SECTION in citation and Kind.CHAPTER not in citation:
        raise GrammarError(
            f"{shown} does not name its chapter "
            f"({'Mục 1 Chương II' if language == 'vi' else 'Section 1 of Chapter II'})."
        )
    if top < _LEVEL[Kind.ARTICLE] and Kind.ARTICLE not in citation:
        raise GrammarError(
            f"{shown} does not name its article; write it in full "
            f"({'khoản 2 Điều 5' if language == 'vi' else 'clause 2 of Article 5'})."
        )
    order = [Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.ARTICLE, Kind.CLAUSE, Kind.POINT]
    segments = tuple(Segment(k, citation[k]) for k in order if k in citation)
    if Kind.ARTICLE in citation and any(k in citation for k in (Kind.CHAPTER, Kind.SECTION)):
        raise GrammarError(
            f"{shown} names a chapter or section with an article; articles are numbered "
            "through the whole document, so name the article alone."
        )
    address = Address(segments)
    if context is not None and not context.contains(address):
        raise GrammarError(
            f"{address.describe(language)} lies outside {context.describe(language)}, "
            "the provision this group of instructions amends."
        )
    return address


def _one(text: str, context: Address | None, language: str) -> Address:
    addresses = resolve(read_citations(text, language), context, language)
    if len(addresses) != 1:
        raise GrammarError(f"'{text}' names {len(addresses)} provisions where one is expected.")
    return addresses[0]


def read_instruction(sentence: str, language: str, context: Address | None = None) -> Operation:
    """Read one instruction sentence into an operation; `GrammarError` when it does not fit."""
    forms = _forms(language)
    text = " ".join(sentence.split())
    for name, pattern in forms:
        match = pattern.match(text)
        if match is None:
            continue
        try:
            return _build(name, match, context, language)
        except GrammarError as exc:
            if name in ("amend", "group") and any(
                p.match(text) for n, p in forms if n in ("heading", "after", "append")
            ):
                continue
            from regdraft.core.amend.advice import with_suggestion

            raise GrammarError(with_suggestion(str(exc), text, language)) from None
    raise GrammarError(_unreadable(text, language))


def _build(name: str, match: re.Match[str], context: Address | None, language: str) -> Operation:
    groups = match.groupdict()
    cite = groups.get("cite")
    if name == "group":
        if cite and re.match(r"^(?:Quy chế|Quy định|these Regulations?)\b", cite, _I):
            if context is not None:
                raise GrammarError("a nested group cannot name the whole regulation.")
            return AmendGroup(None)
        return AmendGroup(_one(cite or "", context, language))
    if name == "amend":
        target = _one(cite or "", context, language)
        if target.kind not in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT):
            raise GrammarError(
                f"only an article, clause or point can be replaced as a whole; to rename "
                f"{target.describe(language)} write "
                f"'{_rename_form(target, language)}'."
            )
        return ReplaceUnit(target)
    if name == "heading":
        target = _one(cite or "", context, language)
        if target.kind not in (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.ARTICLE):
            raise GrammarError(
                f"{target.describe(language)} has no title to rename; only parts, chapters, "
                "sections and articles have titles."
            )
        return ReplaceHeading(target)
    if name in ("after", "append"):
        return _insert(name, groups.get("new") or "", cite or "", context, language)
    if name == "repeal":
        repealed = resolve(read_citations(cite or "", language), context, language)
        for target in repealed:
            if target.kind not in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT):
                raise GrammarError(f"{target.describe(language)} cannot be repealed by regdraft; repeal its articles.")
        if len(set(repealed)) != len(repealed):
            raise GrammarError("names the same provision twice.")
        return RepealUnits(tuple(repealed))
    old = groups["old"].strip()
    new = groups.get("new")
    targets = tuple(resolve(read_citations(cite, language), context, language)) if cite else ()
    if not targets and context is not None:
        raise GrammarError("a nested instruction cannot change words in the whole regulation.")
    if new is not None and new.strip() == old:
        raise GrammarError(f"replaces “{old}” with the same words.")
    return ReplaceWords(old, new.strip() if new is not None else None, targets)


def _insert(name: str, new: str, cite: str, context: Address | None, language: str) -> InsertUnit:
    items = read_citations(new, language)
    if len(items) != 1 or len(items[0]) != 1:
        raise GrammarError(
            f"name only the new unit ('{'khoản 5a' if language == 'vi' else 'clause 5a'}'); "
            "its place comes from the provision it follows or joins."
        )
    ((kind, label),) = items[0].items()
    if kind not in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT):
        raise GrammarError(f"regdraft inserts articles, clauses and points, not a {noun(kind, language)}.")
    where = _one(cite, context, language)
    if name == "after":
        if where.kind is not kind:
            raise GrammarError(
                f"a {noun(kind, language)} can only be inserted after another "
                f"{noun(kind, language)}, not after {where.describe(language)}."
            )
        parent = where.parent()
        target = (
            Address((Segment(kind, label),))
            if kind is Kind.ARTICLE
            else Address((*(parent.segments if parent else ()), Segment(kind, label)))
        )
        return InsertUnit(target, after=where)
    allowed = {
        Kind.ARTICLE: (Kind.CHAPTER, Kind.SECTION, Kind.PART),
        Kind.CLAUSE: (Kind.ARTICLE,),
        Kind.POINT: (Kind.ARTICLE, Kind.CLAUSE),
    }[kind]
    if where.kind not in allowed:
        raise GrammarError(f"a {noun(kind, language)} cannot be added to {where.describe(language)}.")
    target = Address((Segment(kind, label),)) if kind is Kind.ARTICLE else where.child(kind, label)
    return InsertUnit(target, parent=where)


def _rename_form(target: Address, language: str) -> str:
    if language == "vi":
        return f"Sửa đổi tên {target.describe(language)} như sau:"
    return f"The title of {target.describe(language)} is amended to read:"


def _unreadable(text: str, language: str) -> str:
    from regdraft.core.amend.advice import diagnose  # the real cause, and the nearest standard wording

    found = diagnose(text, language)
    if found:
        return found
    lowered = text.lower()
    content_verbs = ("sửa đổi", "bổ sung", "insert", "add ") if language == "vi" or language == "en" else ()
    if any(lowered.startswith(v) for v in content_verbs) and not text.endswith(":"):
        return "cannot read this instruction: an instruction followed by new text must end with ':'."
    if lowered.startswith(("bãi bỏ", "thay thế", "bỏ cụm", "repeal", "replace", "delete")) and not text.endswith(
        (".", ";")
    ):
        return "cannot read this instruction: it must end with '.' or ';'."
    examples = _EXAMPLES.get(language, _EXAMPLES["vi"])
    return f"cannot read this instruction; it must follow one of the documented forms, e.g. {examples}."

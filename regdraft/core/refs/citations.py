"""Reading citations: the words of a reference, in Vietnamese or English, as a tree of cited units.

`read_phrase(text, pos, grammar)` reads one citation (`điểm a, b khoản 1 Điều 3`,
`points a and b of clause 1 of Article 3`) into nodes whose labels are canonical (chapters in
Roman numerals, `đ` for point dd) or `THIS` for relative words (`khoản này`, `this clause`);
the caller resolves them against the provision the citation stands in. Patterns are compiled
once, at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from regdraft.core.model import Kind, base_label, canonical_label, label_order
from regdraft.core.patterns import lazy

RANK = {
    Kind.APPENDIX: 0,
    Kind.PART: 0,
    Kind.CHAPTER: 1,
    Kind.SECTION: 2,
    Kind.ARTICLE: 3,
    Kind.CLAUSE: 4,
    Kind.POINT: 5,
}
PROVISION = (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)
_RANGE_LIMIT = 200
# The units all the ranges of one citation may add (`khoản 1 đến 200, 1 đến 200, …` would add thousands):
# a range past it is kept as its two ends, as one longer than `_RANGE_LIMIT` is.
_EXPANSION_LIMIT = 1000
THIS: None = None  # the label of a relative unit: `khoản này`, `this clause`

# Words after a number that make it an amount or a duration, not a citation (`khoản 2 triệu đồng`).
_NOT_A_LABEL = (
    r"(?!\s*(?:%|triệu|tỷ|nghìn|đồng|tháng|năm|ngày|giờ|phút|lần|người"
    r"|years?|months?|days?|per\b)(?!\w))"
)
_NUMBER = r"(\d+[a-z]?)(?!\w)(?![/.,:]\d)" + _NOT_A_LABEL
# Clause, article, section and chapter labels are written alike in both languages; points differ.
_SHARED_LABELS = {
    Kind.CLAUSE: lazy(_NUMBER),
    Kind.ARTICLE: lazy(_NUMBER),
    Kind.SECTION: lazy(r"(\d+)(?!\w)(?![/.,:]\d)" + _NOT_A_LABEL),
    Kind.CHAPTER: lazy(r"([IVXLC]+|\d+)(?!\w)(?![/.,:]\d)"),
    Kind.APPENDIX: lazy(r"([IVXLC]+|\d+)(?!\w)(?![/.,:]\d)"),
}


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled patterns of one language; built once at import."""

    start: re.Pattern[str]
    noun: re.Pattern[str]
    nouns: dict[str, Kind]
    labels: dict[Kind, re.Pattern[str]]
    this: re.Pattern[str]
    glue: re.Pattern[str]
    own_document: re.Pattern[str]
    other_document: re.Pattern[str]
    # The words that join an appendix to the document it is annexed to (`Phụ lục I ban hành kèm theo Nghị định số …`,
    # `Annex I to Resolution No. …`), `other_document` following them; only after an appendix.
    annexed: re.Pattern[str]
    numbered: re.Pattern[str]
    english: bool = False  # reads `Article 12(2)(b)`, its brackets after `and` and `to` (`(a) and (e)`)
    alphabet: str = "vi"  # the points' (`labels.point_alphabet`), over which a range of points runs


_VI_DOC_TYPES = (
    "Quy chế|Quy định|Luật|Bộ luật|Nghị quyết|Nghị định|Hướng dẫn|Quyết định|Chỉ thị|"
    "Thông tư|Pháp lệnh|Kết luận|Thông báo|Công văn|Điều lệ|Hiến pháp|Văn bản"
)
# Words that end a document's name (`Luật Tổ chức chính quyền địa phương và ...`).
_VI_STOP = (
    r"(?:và|hoặc|thì|được|để|về|của|có|đã|là|theo|trong|khi|ngày|năm|này|do|với|cho|tại"
    r"|nhưng|mà|phải|không|quy|như|sau|trên|nêu|đối|đến)"
)
_DOC_NUMBER = r"(?P<number>\d[\w\-/.Đđ]*\w|\d)"
# A law or an ordinance cited by its name and number: `Luật Giáo dục số 38/2005/QH11` (a name of a few words, the
# first with a capital, none of them a word that ends a name or a document type: not `Luật này được sửa đổi theo`).
_NAMED_LAW = (rf"(?:Luật|Bộ luật|Pháp lệnh)\s+(?=[A-ZĐÁÀẢÃẠÂĂÉÈẺÊÍÌÓÒÔƠÚÙƯÝ])"
              rf"(?:(?!{_VI_STOP}(?!\w)|(?:{_VI_DOC_TYPES})(?!\w)|số(?!\w))[^\s,;.:()]+\s+){{1,8}}")

_VI = Grammar(
    start=lazy(
        r"(?<!\w)(?:(?P<unit>(?:[Đđ]iểm|[Kk]hoản|Điều|Chương|Mục|Phụ lục|(?<=các\s)điều(?=\s+\d))\s)"
        rf"|(?P<doc>(?:{_VI_DOC_TYPES})\s+số\s*:?\s*\d|{_NAMED_LAW}số\s*:?\s*\d))"
    ),
    # Articles cited together are `các điều 7, 8 và 9` (lower case, as the drafting rules write
    # them); `điều` alone is a common noun (`điều kiện`), so it is read only after `các`.
    noun=lazy(r"(?:các\s+)?([Đđ]iểm|[Kk]hoản|Điều|Chương|Mục|Phụ lục|(?<=các\s)điều(?=\s+\d))\s+"),
    nouns={
        "điểm": Kind.POINT,
        "khoản": Kind.CLAUSE,
        "điều": Kind.ARTICLE,
        "chương": Kind.CHAPTER,
        "mục": Kind.SECTION,
        "phụ lục": Kind.APPENDIX,
    },
    labels={
        Kind.POINT: lazy(
            r"([a-zđ]\d*)(?!\w)(?=\s*(?:[,;.:)]|$)|\s+(?:và|hoặc|đến|tới|khoản|Khoản|Điều|của|này|nêu|trên|dưới|tại|thì|Quy|Luật)(?!\w))"
        ),
        **_SHARED_LABELS,
    },
    this=lazy(r"(?:các\s+)?([Đđ]iểm|[Kk]hoản|Điều|Chương|Mục)\s+này(?!\w)"),
    glue=lazy(
        r"(?P<list>\s*,\s*(?:và\s+|hoặc\s+)?|\s+(?:và/hoặc|và|hoặc)\s+)"
        r"|(?P<range>\s+(?:đến|tới)\s+(?:hết\s+)?)"
        r"|(?P<of>\s+của\s+|\s+)"
    ),
    own_document=lazy(rf"(?:,\s*|\s+)(?:của\s+|tại\s+)?(?i:{_VI_DOC_TYPES})\s+này(?!\w)"),
    other_document=lazy(
        r"(?:,\s*|\s+)(?:của\s+)?"
        r"(?P<name>Điều lệ Đảng(?: Cộng sản Việt Nam)?|Hiến pháp(?: năm \d{4})?"
        rf"|(?P<type>(?i:{_VI_DOC_TYPES}))(?:\s+(?:số\s*:?\s*)?{_DOC_NUMBER}"
        rf"|(?P<words>(?:\s+(?!{_VI_STOP}(?!\w))[^\s,;.:()]+){{1,8}})))"
    ),
    annexed=lazy(r"\s+(?:(?:được\s+)?ban\s+hành\s+)?kèm\s+theo(?=\s)"),
    numbered=lazy(rf"(?P<name>(?:(?:{_VI_DOC_TYPES})\s+|{_NAMED_LAW})số\s*:?\s*{_DOC_NUMBER})"),
)

_EN_DOC_TYPES = (
    "Regulations?|Rules|Decisions?|Resolutions?|Directives?|Guidelines?|Guidance|Decrees?|"
    "Circulars?|Conclusions?|Instructions?|Laws?|Codes?|Ordinances?|Charter|Statute"
)

_EN = Grammar(
    start=lazy(
        r"(?<!\w)(?:(?P<unit>(?i:points?|clauses?|(?<!-)paragraphs?|articles?|chapters?|sections?)\s"
        r"|(?:Appendix|Annex|Schedule)\s"
        r"|(?i:this|the\s+present)\s+(?i:point|clause|article|chapter|section)(?!\w))"
        rf"|(?P<doc>(?:{_EN_DOC_TYPES})\s+No\.?\s*\d))"
    ),
    noun=lazy(r"(?:the\s+)?((?i:point|clause|(?<!-)paragraph|article|chapter|section)|Appendix|Annex|Schedule)s?\s+"),
    nouns={
        "point": Kind.POINT,
        "clause": Kind.CLAUSE,
        "paragraph": Kind.CLAUSE,  # as UN-style rules call a numbered paragraph of an article (`paragraph 3`)
        "article": Kind.ARTICLE,
        "chapter": Kind.CHAPTER,
        "section": Kind.SECTION,
        "appendix": Kind.APPENDIX,
        "annex": Kind.APPENDIX,  # an English text's own word for its appendices (`Schedule 1`, `Annex I`)
        "schedule": Kind.APPENDIX,
    },
    labels={
        # `point b` or, as English rules write it, `point (b)`
        Kind.POINT: lazy(
            r"(?:\((dd\d*|[a-z]\d*)\)|(dd\d*|[a-z]\d*))(?!\w)"
            r"(?=\s*(?:[,;.:)]|$)|\s+(?:and|or|to|through|of|in|above|below|this|these|clause|paragraph|Article|hereof)(?!\w))"
        ),
        **_SHARED_LABELS,
    },
    this=lazy(r"(?i:this|the\s+present)\s+((?i:point|clause|article|chapter|section))(?!\w)"),
    glue=lazy(
        r"(?P<list>\s*,\s*(?:and\s+|or\s+)?|\s+(?:and/or|and|or)\s+)"
        r"|(?P<range>\s+(?:to|through)\s+)"
        r"|(?P<of>\s*,?\s+of\s+|\s+)"
    ),
    own_document=lazy(
        r"(?:,\s*|\s+)(?:of\s+|in\s+)?(?:these|this|the\s+present)\s+"
        r"(?:Regulations?|Rules|Law|Code|document|Decision|Resolution|Guidelines?|Decree|Directive"
        r"|Charter)(?!\w)"
    ),
    other_document=lazy(
        r"(?:,\s*|\s+)(?:of\s+)?(?:the\s+)?"
        r"(?P<name>Party\s+Charter|Charter\s+of\s+the\s+Communist\s+Party\s+of\s+Viet\s?[Nn]am"
        rf"|Constitution|(?:{_EN_DOC_TYPES})\s+(?:No\.?\s*{_DOC_NUMBER}"
        r"|on\s+[^,;.:()]+?(?=[,;.:()]|\s+(?:of|to|in|shall|is|are|which|that)\b|$))"
        # A treaty, whose name runs on through `of` (`the Convention on the Rights of the Child`).
        r"|(?:Convention|Covenant|Treaty|Protocol|Agreement)(?!\w)(?:\s+(?:on|for|of|against|relating\s+to)\s+"
        r"[^,;.:()]+?(?=[,;.:()]|\s+(?:to|in|shall|is|are|was|were|which|that|and|or|applies|apply)\b|$))?)"
    ),
    annexed=lazy(r"\s+(?:(?:annexed|attached|appended)\s+)?to(?=\s)"),
    numbered=lazy(rf"(?P<name>(?:{_EN_DOC_TYPES})\s+No\.?\s*{_DOC_NUMBER})"),
    english=True,
)
# An English text of its own letters its points a to z (`labels.point_alphabet`): `points a to e` are five.
_EN_AZ = replace(_EN, alphabet="en")


def grammar(language: str, alphabet: str = "vi") -> Grammar:
    """The compiled patterns for a language (English for `en`, else Vietnamese), a range of points running over
    `alphabet` (`Regulation.alphabet`: `en` only for an English text of its own)."""
    if language != "en":
        return _VI
    return _EN_AZ if alphabet == "en" else _EN


def _label(found: re.Match[str]) -> str:
    """The label a label pattern matched (English points have two groups: `(b)` and `b`)."""
    return next(g for g in found.groups() if g is not None)


@dataclass(slots=True)
class Node:
    """One cited unit while a phrase is being read (mutable only during parsing)."""

    kind: Kind
    label: str | None
    children: list[Node] = field(default_factory=list)
    written: bool = True  # False: a unit a range runs over (`Điều 6`, `Điều 7` of `Điều 5 đến Điều 8`)
    ranged: bool = False  # True: an end of a range (`Điều 5`, `Điều 8` of `Điều 5 đến Điều 8`), not cited twice


@dataclass(frozen=True, slots=True)
class Phrase:
    """One citation read from the text: the cited units and where the reading stopped."""

    nodes: tuple[Node, ...]
    end: int  # end of the cited words (without a document name)
    scan_end: int  # where scanning resumes (after any document name)
    external: str | None
    # When a list ends with another document's name (`Điều 45, Điều 5 Điều lệ Đảng`), the name
    # belongs to the last item only: the earlier items are `internal`, cited in the words up to
    # `internal_end`, and `nodes` are the items from `external_start` on.
    internal: tuple[Node, ...] = ()
    internal_end: int = 0
    external_start: int = 0
    expanded: int = 0  # the units its ranges added, ends aside (against the caller's budget)


# An English article's clause and point in brackets right after its number: `Article 12(2)`, `Article 12(2)(b)`.
_BRACKETS = lazy(r"\((\d{1,3}[a-z]?)\)(?:\((dd\d*|[a-z]\d*)\))?(?!\w)")
# A point alone in brackets, after `and` or `to` (`Article 12(2)(a) and (e)`).
_POINT_BRACKET = lazy(r"\((dd\d*|[a-z]\d*)\)(?!\w)")


def _bracketed(text: str, end: int, node: Node, g: Grammar) -> tuple[Node, int, list[Node]]:
    """The clause (and point) an English article cited `Article 12(2)(b)` names in brackets, as `node`'s child
    (grandchild), where the citation ends, and the nodes from the article down (for a bracket after `and`:
    `_bracket_after`); `node`, `end` and [] when there are none."""
    found = _BRACKETS.match(text, end) if g.english and node.kind is Kind.ARTICLE and node.label is not THIS else None
    if found is None:
        return node, end, []
    clause = Node(Kind.CLAUSE, canonical_label(Kind.CLAUSE, found.group(1)))
    node.children.append(clause)
    if found.group(2) is None:
        return clause, found.end(), [node, clause]
    point = Node(Kind.POINT, canonical_label(Kind.POINT, found.group(2)))
    clause.children.append(point)
    return point, found.end(), [node, clause, point]


def _bracket_after(text: str, at: int, how: str, chain: list[Node], g: Grammar,
                   budget: int) -> tuple[list[Node], int] | None:
    """The brackets after `and`, `,` or `to` that go on from a bracketed citation `chain` (article, clause, point):
    `Article 12(2)(a) and (e)` (a point of the same clause), `Article 12(2) and (3)`, `Article 12(2)(a) and (3)(b)`
    (a clause of the same article); the new chain and where it ends, None when no bracket follows. A range (`to`)
    runs over the labels between, points in the text's alphabet (`g.alphabet`)."""
    found = _BRACKETS.match(text, at)
    if found is not None:
        article, clause = chain[0], chain[1]
        label = canonical_label(Kind.CLAUSE, found.group(1))
        labels = (_expand(Kind.CLAUSE, clause.label, label, budget, g.alphabet)[1:]
                  if how == "range" and found.group(2) is None and clause.label is not None else [label])
        new = [Node(Kind.CLAUSE, lab, written=i == len(labels) - 1, ranged=how == "range")
               for i, lab in enumerate(labels)]
        clause.ranged = clause.ranged or how == "range"
        article.children.extend(new)
        if found.group(2) is None:
            return [article, new[-1]], found.end()
        point = Node(Kind.POINT, canonical_label(Kind.POINT, found.group(2)))
        new[-1].children.append(point)
        return [article, new[-1], point], found.end()
    found = _POINT_BRACKET.match(text, at) if len(chain) == 3 else None
    if found is None:
        return None
    clause, point = chain[1], chain[2]
    label = canonical_label(Kind.POINT, found.group(1))
    labels = (_expand(Kind.POINT, point.label, label, budget, g.alphabet)[1:]
              if how == "range" and point.label is not None else [label])
    new = [Node(Kind.POINT, lab, written=i == len(labels) - 1, ranged=how == "range") for i, lab in enumerate(labels)]
    point.ranged = point.ranged or how == "range"
    clause.children.extend(new)
    return [chain[0], clause, new[-1]], found.end()


def _unit_at(text: str, pos: int, g: Grammar) -> tuple[Kind, str | None, int, int] | None:
    """A noun with its label (or `này`/`this`) at `pos`: kind, label, noun start, end."""
    this = g.this.match(text, pos)
    if this:
        return g.nouns[this.group(1).lower()], THIS, pos, this.end()
    noun = g.noun.match(text, pos)
    if not noun:
        return None
    kind = g.nouns[noun.group(1).lower()]
    label = g.labels[kind].match(text, noun.end())
    if not label:
        return None
    return kind, canonical_label(kind, _label(label)), noun.start(1), label.end()


def _expand(kind: Kind, first: str, last: str, budget: int = _EXPANSION_LIMIT, alphabet: str = "vi") -> list[str]:
    """The labels of a range `Điều 5 đến Điều 8`: 5, 6, 7, 8 (endpoints kept as written); points in `alphabet`
    (`points a to e` of an English text of its own are a b c d e, not a b c d đ e); only the endpoints when the
    range is longer than `_RANGE_LIMIT` or would add more than `budget`."""
    start, _ = label_order(kind, first, alphabet)
    stop, _ = label_order(kind, last, alphabet)
    if start <= 0 or stop <= start or stop - start > min(_RANGE_LIMIT, budget):
        return [first, last]
    return [first, *(base_label(kind, p, alphabet) for p in range(start + 1, stop)), last]


def _attach_trailing(pending: list[Node]) -> None:
    """Lower units listed after an article cited alone belong to it (`Điều 141, các khoản 2, 3
    và 4`): citations run smallest first, so units no larger one followed are that article's."""
    last = max((i for i, n in enumerate(pending) if n.kind is Kind.ARTICLE), default=-1)
    if last < 0 or pending[last].children or pending[last].label is THIS or last == len(pending) - 1:
        return
    trailing = pending[last + 1:]
    if all(RANK[n.kind] > RANK[Kind.ARTICLE] for n in trailing):
        pending[last].children.extend(trailing)
        del pending[last + 1:]


def _add(pending: list[Node], node: Node) -> int:
    """Add a node; it takes as children the lower units cited just before it. Returns how many
    of the nodes before it stay pending.

    Pending nodes run from larger units to smaller ones (each added node has taken the smaller
    ones before it), so the smaller units are the tail: each node is looked at once, as it leaves.
    """
    rank = RANK[node.kind]
    keep = len(pending)
    while keep and RANK[pending[keep - 1].kind] > rank:
        keep -= 1
    node.children.extend(pending[keep:])
    del pending[keep:]
    pending.append(node)
    return keep


def read_phrase(text: str, pos: int, g: Grammar, budget: int = _EXPANSION_LIMIT) -> Phrase | None:
    """Read a citation starting at `pos`, or None when the words there are not one; its ranges add at most
    `budget` units (never more than `_EXPANSION_LIMIT`), a range past it kept as its two ends."""
    first = _unit_at(text, pos, g)
    if first is None:
        return None
    kind, label, _, end = first
    last = Node(kind, label)
    pending: list[Node] = []
    _add(pending, last)
    last, end, chain = _bracketed(text, end, last, g)
    expanded = 0  # the units ranges have added, against `limit`
    limit = min(budget, _EXPANSION_LIMIT)
    # The last `, <noun>`: glue start, unit start, and how many pending nodes (from the first) are the
    # items it closed; later units only ever take nodes off the end of `pending`, so these stay its head.
    split: tuple[int, int] | None = None
    closed = 0

    def add(node: Node) -> None:
        nonlocal closed
        closed = min(closed, _add(pending, node))

    while True:
        glue = g.glue.match(text, end)
        if not glue:
            break
        how = glue.lastgroup
        after = glue.end()
        assert how is not None
        went_on = _bracket_after(text, after, how, chain, g, limit - expanded) if chain and how in (
            "list", "range") else None
        if went_on is not None:  # `Article 12(2)(a) and (e)`: point e of the same clause
            before = len(chain[-2].children)
            chain, end = went_on
            expanded += len(chain[-2].children) - before
            last = chain[-1]
            continue
        chain = []
        bare = g.labels[last.kind].match(text, after) if how in ("list", "range") else None
        if bare:
            labels = [canonical_label(last.kind, _label(bare))]
            if how == "range" and last.label is not None and not last.children:
                labels = _expand(last.kind, last.label, labels[0], limit - expanded, g.alphabet)[1:]
                expanded += len(labels)
            last.ranged = last.ranged or how == "range"
            for i, lab in enumerate(labels):
                last = Node(last.kind, lab, written=i == len(labels) - 1, ranged=how == "range")
                add(last)
            last, end, chain = _bracketed(text, bare.end(), last, g)  # `Articles 5 and 12(2)`
            continue
        unit = _unit_at(text, after, g)
        if unit is None:
            break
        kind, label, _, unit_end = unit
        if how == "range" and kind is last.kind and label is not None and last.label is not None:
            labels = _expand(kind, last.label, label, limit - expanded, g.alphabet)[1:]
            expanded += len(labels)
            last.ranged = True
            for i, lab in enumerate(labels):
                last = Node(kind, lab, written=i == len(labels) - 1, ranged=True)
                add(last)
        elif (
            how == "of"
            and RANK[kind] > RANK[last.kind]
            and not last.children
            and glue.group(0).strip() == ""
        ):
            # Written largest first (`Điều 12 khoản 2`): the lower unit belongs to the one before.
            child = Node(kind, label)
            last.children.append(child)
            last = child
        else:
            last = Node(kind, label)
            if how == "list" and "," in glue.group(0):
                # A comma then a new noun starts a new item; the items before it that it cannot
                # hold (as large as it or larger) are complete, whatever document name follows.
                split, closed = (glue.start(), after), _add(pending, last)
            else:
                add(last)
            last, unit_end, chain = _bracketed(text, unit_end, last, g)
        end = unit_end
    _attach_trailing(pending)
    closed = min(closed, len(pending))
    own = g.own_document.match(text, end)
    if own:
        return Phrase(tuple(pending), end, own.end(), None, expanded=expanded)
    other = g.other_document.match(text, end)
    if other is None and pending and pending[-1].kind is Kind.APPENDIX and (joined := g.annexed.match(text, end)):
        other = g.other_document.match(text, joined.end())  # another document's appendix, not this text's
    if other and _names_a_document(other):
        name = " ".join(other.group("name").split())
        if split is None or not closed:
            return Phrase(tuple(pending), other.end(), other.end(), name, expanded=expanded)
        return Phrase(tuple(pending[closed:]), other.end(), other.end(), name, tuple(pending[:closed]), *split,
                      expanded=expanded)
    return Phrase(tuple(pending), end, end, None, expanded=expanded)


# Document types that never continue a sentence: `Điều 57 luật hàng không` names a law.
_LAW_TYPES = frozenset({"luật", "bộ luật", "pháp lệnh", "hiến pháp", "nghị định"})


def _names_a_document(other: re.Match[str]) -> bool:
    """Whether the words after a citation name another document.

    A document named by words must start with a capital (`Luật Tổ chức ...`), since a
    lower-case `quy định` after a citation is the sentence going on, unless `của` says whose
    provision it is (`Điều 57 của Luật hàng không dân dụng`) or the type is a law's, in any case.
    """
    found = other.groupdict()
    words = found.get("words")
    if words is None:
        return found.get("type") is None or found["type"][:1].isupper() or "số" in other.group(0).lower()
    kind = (found.get("type") or "").lower()
    if "của" in other.group(0)[: other.start("name") - other.start()]:
        return True
    if kind in _LAW_TYPES:
        return True
    return bool(found.get("type", "")[:1].isupper() and words.split()[0][:1].isupper())


def relative(node: Node) -> bool:
    return node.label is THIS or any(relative(child) for child in node.children)


def chains(node: Node) -> Iterator[list[Node]]:
    if not node.children:
        yield [node]
        return
    for child in node.children:
        for chain in chains(child):
            yield [node, *chain]


_AMENDING_TITLE = lazy(
    r"^(?:Sửa đổi|Bổ sung|Bãi bỏ|Thay thế|Amend|Supplement|Repeal|Replace)", re.I
)


# An amending instruction, after its label: `1. Sửa đổi ...`, `c) Bãi bỏ ...`, `Bổ sung ...`.
AMENDING_WORDS = lazy(
    r"^(?:\S{1,4}[.)]\s+)?(?:Sửa đổi|Bổ sung|Bãi bỏ|Thay thế|Bỏ|Thay|Amend|Supplement|Repeal|Replace|Delete|Insert)",
    re.I)


def amends_another(title: str | None) -> bool:
    """Whether an article's title says it amends (`Sửa đổi, bổ sung một số điều của Nghị định số 20/2008/NĐ-CP`)."""
    return bool(title) and _AMENDING_TITLE.match(title or "") is not None


def amended_document(title: str | None, g: Grammar, own_id: str) -> str | None:
    """The other document an article amends (`Điều 113. Sửa đổi ... của Luật Giáo dục ...`)."""
    if not title or not _AMENDING_TITLE.match(title):
        return None
    found = g.other_document.search(title)
    if found is None or found.group("name").endswith(f" {own_id}"):
        return None
    return " ".join(found.group("name").split())

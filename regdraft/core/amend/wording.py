"""The formal wording of amending instructions: an operation becomes its sentence and quote.

The amend package reads instruction sentences (`grammar.read_instruction`) but keeps each
instruction's text as the drafter wrote it; this module writes that text for instructions
that regdraft generates itself (`regdraft amend from-edits`), in the forms of DOMAIN.md.

Post-conditions:
1. `grammar.read_instruction(sentence(op, ...), language, context)` returns `op` again, for
   every operation `sentence` accepts.
2. `quote(unit, ...)`, read back by `load_amendment` under a ReplaceUnit or InsertUnit of the
   same address, gives `unit` again (placeholders included); `heading_quote` likewise for a
   ReplaceHeading.
3. Citations run smallest unit first, relative to a group's provision when `context` is given (`citing`).
"""

from __future__ import annotations

from collections.abc import Sequence

from regdraft.core.address import INTRO
from regdraft.core.amend.citing import cite as cite
from regdraft.core.amend.citing import cite_list as cite_list
from regdraft.core.amend.citing import label_text, unit_word
from regdraft.core.amend.document import Instruction
from regdraft.core.amend.grammar import (
    AmendGroup,
    InsertUnit,
    Operation,
    RepealUnits,
    ReplaceHeading,
    ReplaceUnit,
    ReplaceWords,
    targets,
)
from regdraft.core.amend.self_name import document_word as document_word
from regdraft.core.amend.self_name import whole_document as whole_document
from regdraft.core.labels import instruction_letters
from regdraft.core.markdown_writer import numbered_escaped
from regdraft.core.model import (
    REPEALED_TEXT,
    Address,
    Kind,
    Unit,
    noun,
)
from regdraft.core.parts import closing_marker

OPEN, CLOSE = "“", "”"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# The forms of DOMAIN.md, named as `grammar` names the forms it reads: `where` is the provision
# cited, `new` the unit inserted or the new words, `old` the words replaced, `some` the kind of
# units a group amends; `in` introduces the provisions a phrase changes in.
_FORMS = {
    "vi": {
        "amend": "Sửa đổi, bổ sung {where} như sau:",
        "heading": "Sửa đổi tên {where} như sau:",
        "after": "Bổ sung {new} vào sau {where} như sau:",
        "append": "Bổ sung {new} vào {where} như sau:",
        "head": "Bổ sung {new} vào đầu {where} như sau:",
        "end": "Bổ sung {new} vào cuối {where} như sau:",
        "repeal": "Bãi bỏ {where}.",
        "words": "Thay thế cụm từ {old} bằng cụm từ {new} {where}.",
        "delete": "Bỏ cụm từ {old} {where}.",
        "add words": "Bổ sung cụm từ {new} vào {side} cụm từ {old} {where}.",
        "group": "{Verbs} một số {some} của {where} như sau:",
        "named group": "{Verbs} {where} như sau:",
        "in": "tại {where}",
    },
    "en": {
        "amend": "{Where} is amended to read:",
        "heading": "The title of {where} is amended to read:",
        # One voice, the passive of English amending instruments (`Point b is repealed.`), which `grammar` reads.
        "after": "{New} is inserted after {where}:",
        "append": "{New} is added to {where}:",
        "head": "{New} is added at the beginning of {where}:",
        "end": "{New} is added at the end of {where}:",
        "repeal": "{Where} {is} repealed.",
        "words": "The words {old} are replaced with the words {new} {where}.",
        "delete": "The words {old} are deleted {where}.",
        "add words": "The words {new} are inserted {side} the words {old} {where}.",
        "group": "Some {some} of {where} are {verbs} as follows:",
        "named group": "{Where} are {verbs} as follows:",
        "in": "in {where}",
    },
}


def sentence(op: Operation, language: str, context: Address | None = None, *,
             document_type: str = "Quy chế", group_kind: Kind | None = Kind.POINT,
             group_of: Sequence[Operation] = (), named: Sequence[Address] = ()) -> str:
    """The instruction sentence for an operation, in the formal wording of `language`.

    `group_kind` is the kind of the units a group amends: None for points and clauses of one
    article together (`Sửa đổi, bổ sung một số điểm, khoản của Điều 3 như sau:`); `group_of` its
    instructions, which say what it does (`Sửa đổi, bổ sung, bãi bỏ` when one of them repeals); `named` the units
    a group's heading names instead of `một số …` (`Sửa đổi, bổ sung khoản 4 và khoản 10 Điều 78 như sau:`)."""
    en = language == "en"
    forms = _FORMS["en" if en else "vi"]
    old = new = side = verbs = ""
    if isinstance(op, ReplaceWords):
        # Words added next to a phrase (`vào sau cụm từ “công bằng”`), as `grammar` reads them back.
        side = {"before": "before" if en else "trước", "after": "after" if en else "sau"}.get(op.position, "")
        form = "delete" if op.new is None else "add words" if op.position else "words"
        old = f"{OPEN}{op.old}{CLOSE}"
        new = f"{OPEN}{op.new}{CLOSE}" if op.new is not None else ""
        where = (whole_document(document_type, language) if op.throughout
                 else forms["in"].format(where=cite_list(op.targets, language, context, titles=op.titles)))
    elif isinstance(op, RepealUnits):
        form, where = "repeal", cite_list(op.targets, language, context)
    elif isinstance(op, InsertUnit):
        # A unit added at the end of its parent is added `vào khoản 1 Điều 17`, but `vào sau điểm đ`
        # inside a group of that very clause, as amending laws write it (the group already names it).
        place: Address | None = op.parent
        form = "head" if op.first else "append"
        if op.after is not None and (op.parent is None or op.parent == context):
            form, place = "after", op.after
        new = unit_word(op.target.segments[-1], language)
        if place is None:  # the first appendix, after everything else: `Bổ sung Phụ lục I vào cuối Luật`
            form, where = "end", document_word(document_type, language)
        else:
            where = cite(place, language, context)
    elif isinstance(op, (ReplaceUnit, ReplaceHeading)):
        form = "amend" if isinstance(op, ReplaceUnit) else "heading"
        where = cite(op.target, language, context)
    else:
        assert isinstance(op, AmendGroup) and op.target is not None
        form, where, verbs = "group", cite(op.target, language, context), _group_verbs(group_of, language)
        if named:
            form, where = "named group", cite_list(named, language, context)
    if group_kind is None:
        some = "points and clauses" if en else "điểm, khoản"
    else:
        some = ("points" if group_kind is Kind.POINT else "clauses") if en else noun(group_kind, "vi")
    several = isinstance(op, RepealUnits) and len(op.targets) > 1
    return forms[form].format(where=where, Where=_capital(where), new=new, New=_capital(new), old=old, some=some,
                              side=side, verbs=verbs, Verbs=_capital(verbs), **{"is": "are" if several else "is"})


def _group_verbs(ops: Sequence[Operation], language: str) -> str:
    """What a group of instructions does, as amending laws head it: `sửa đổi, bổ sung` (`amended`); with `bãi bỏ`
    when one of them repeals (`Sửa đổi, bổ sung, bãi bỏ một số điểm, khoản của Điều 13`, Luật 57/2024, where
    `c) Bãi bỏ điểm d và điểm đ khoản 2 …` follows); `bổ sung, bãi bỏ` when they only insert and repeal."""
    repeals = any(isinstance(op, RepealUnits) for op in ops)
    amends = not repeals or any(not isinstance(op, (RepealUnits, InsertUnit)) for op in ops)
    inserts = any(isinstance(op, InsertUnit) for op in ops)
    if language == "en":  # points are "amended" by an insertion too: "points … are supplemented" is not English
        said = ["amended" if amends or inserts else "", "repealed" if repeals else ""]
        return " and ".join(filter(None, said))
    said = ["sửa đổi, bổ sung" if amends else "bổ sung" if inserts else "", "bãi bỏ" if repeals else ""]
    return ", ".join(filter(None, said))


def unit_paragraphs(unit: Unit, language: str) -> list[str]:
    """A unit's paragraphs as a quote holds them: label first, then text, then its children."""
    if unit.kind is Kind.APPENDIX:  # its heading, then its free text (a numbered line escaped, not read as a clause)
        head = unit.designation or f"{noun(Kind.APPENDIX, language)} {unit.label}"
        if unit.repealed:
            return [f"{head}. {REPEALED_TEXT[language]}"]
        return [f"{head}. {unit.title}" if unit.title else head,
                *(numbered_escaped(p) for p in unit.text)]
    if unit.kind is Kind.ARTICLE:
        head = f"{noun(Kind.ARTICLE, language)} {unit.label}"
        out = [f"{head}. {REPEALED_TEXT[language]}" if unit.repealed else
               f"{head}. {unit.title}" if unit.title else head]
        if unit.repealed:
            return out
        out.extend(unit.text)
    else:
        marker = f"{unit.label}\\." if unit.kind is Kind.CLAUSE else f"{label_text(unit.segment(), language)})"
        if unit.repealed:
            return [f"{marker} {REPEALED_TEXT[language]}"]
        first = unit.text[0] if unit.text and not unit.text[0].startswith(("- ", "+ ")) else ""
        out = [f"{marker} {first}" if first else marker]
        out.extend(unit.text[1:] if first else unit.text)
    for child in unit.children:
        out.extend(unit_paragraphs(child, language))
    if unit.closing:
        # The marker keeps the closing text apart from the last point when the quote is read back.
        out.append(closing_marker(unit.kind, unit.label, language))
        out.extend(unit.closing)
    return out


def quote(unit: Unit, language: str, end: str = ".") -> tuple[str, ...]:
    """The quoted new text of an amended or inserted unit: `“2\\. ...` ... `...”.` (or `”;`)."""
    return _quoted(unit_paragraphs(unit, language), end, language)


def heading_quote(unit: Unit, language: str, end: str = ".") -> tuple[str, ...]:
    """The quoted new title of a renamed heading (`“Điều 7. Title”.`, `“TITLE”.`)."""
    if unit.kind is Kind.ARTICLE:
        return _quoted([f"{noun(Kind.ARTICLE, language)} {unit.label}. {unit.title}"], end, language)
    return _quoted([unit.title or ""], end, language)


def _quoted(paragraphs: list[str], end: str, language: str = "vi") -> tuple[str, ...]:
    out = list(paragraphs)
    out[0] = OPEN + out[0]
    # English amending practice closes the quotation on the quoted text's own stop (`…(b).”`, `…2019);”`)
    stop = "" if language == "en" and out[-1].endswith((".", ";", ":", "!", "?", "…")) else end
    out[-1] = out[-1] + CLOSE + stop
    return tuple(out)


# Laying out the instructions of Điều 1 ------------------------------------------------------

Planned = tuple[Operation, Unit | None]
"""An operation with its new unit (amended, inserted) or renamed heading, before it is worded."""


def join_repeals(planned: list[Planned]) -> list[Planned]:
    """Consecutive repeals joined in one instruction (`Bãi bỏ khoản 3 Điều 10 và Điều 12.`)."""
    out: list[Planned] = []
    for op, unit in planned:
        last = out[-1][0] if out else None
        if isinstance(op, RepealUnits) and isinstance(last, RepealUnits):
            out[-1] = (RepealUnits(last.targets + op.targets), None)
        else:
            out.append((op, unit))
    return out


def _holder(op: Operation) -> Address | None:
    """The clause or article whose direct children the operation changes, if it changes only those."""
    if isinstance(op, ReplaceHeading):
        return None
    named = targets(op)
    if any(t.part and not (t.part == INTRO and t.kind is Kind.CLAUSE) for t in named):
        return None  # instructions on dash items are not grouped as points or clauses
    # A clause's lead-in is grouped with its article's clauses, as Luật 57/2024 writes `8. Sửa đổi, bổ sung một số
    # điểm, khoản của Điều 19 như sau:` then `b) Sửa đổi, bổ sung đoạn mở đầu khoản 2 như sau:`.
    named = tuple(t.unit for t in named)
    parents = {t.parent() for t in named}
    if len(parents) != 1 or len({t.kind for t in named}) != 1:
        return None
    parent = parents.pop()
    return parent if parent is not None and parent.kind in (Kind.ARTICLE, Kind.CLAUSE) else None


def _article(op: Operation) -> Address | None:
    """The article whose clauses or points (of its clauses) the operation changes, if it changes only those."""
    if _holder(op) is None:
        return None
    named = targets(op)
    first = named[0].segments[0]
    if first.kind is not Kind.ARTICLE or any(t.segments[0] != first or len(t.segments) > 3 for t in named):
        return None
    return Address((first,))


def layout(planned: list[Planned]) -> list[tuple[Address | None, list[Planned]]]:
    """Top-level instructions: two or more consecutive ones on the children of one provision form a
    group; consecutive ones on the clauses and points of one article, several clauses' among them,
    form a group of that article, as amending laws write them (`Sửa đổi, bổ sung một số điểm, khoản
    của Điều 3 như sau:` then `a) Sửa đổi, bổ sung khoản 5 như sau:`, `b) … điểm d khoản 7 …`)."""
    runs: list[tuple[Address | None, list[Planned]]] = []
    for item in planned:
        article = _article(item[0])
        # Word changes stand apart from the units amended, inserted or repealed (Nghị định 48/2013: `7. Bãi bỏ Khoản 5
        # Điều 29.`, then `d) Bỏ cụm từ … tại Khoản 3 Điều 29.` among `12. Các sửa đổi khác:`).
        if (runs and article is not None and runs[-1][0] == article
                and isinstance(runs[-1][1][-1][0], ReplaceWords) == isinstance(item[0], ReplaceWords)):
            runs[-1][1].append(item)
        else:
            runs.append((article, [item]))
    out: list[tuple[Address | None, list[Planned]]] = []
    for article, members in runs:
        holders = {_holder(m[0]) for m in members}
        if article is not None and len(members) >= 2:
            out.append((holders.pop() if len(holders) == 1 else article, members))
        else:
            out.extend((None, [m]) for m in members)
    return out


def number(groups: list[tuple[Address | None, list[Planned]]], language: str,
           document_type: str = "", alphabet: str = "vi") -> tuple[Instruction, ...]:
    """Worded instructions numbered 1, 2, ... with nested ones lettered a), b), ... in `alphabet`, as the text
    amended letters its points (`Regulation.alphabet`: a to z in an English text of its own)."""
    letters = instruction_letters(language, alphabet)
    out: list[Instruction] = []
    for n, (holder, members) in enumerate(groups, start=1):
        if holder is None:
            out.append(instruction(members[0], str(n), language, None, document_type))
            continue
        children = tuple(instruction(m, f"{n}.{letters[i]}", language, holder, document_type,
                                     last=i == len(members) - 1)
                         for i, m in enumerate(members))
        op = AmendGroup(holder)
        kinds = {t.kind for m in members for t in targets(m[0])}
        kind = kinds.pop() if len(kinds) == 1 and all(_holder(m[0]) == holder for m in members) else None
        text = sentence(op, language, group_kind=kind, group_of=[m[0] for m in members], named=_named(holder, members))
        out.append(Instruction(str(n), 0, text, op, (), None, children))
    return tuple(out)


def _named(holder: Address, members: list[Planned]) -> tuple[Address, ...]:
    """The two or three units of one kind directly in `holder` a group amends whole, which its heading names as Luật
    57/2024 does (`Sửa đổi, bổ sung điểm b và điểm đ khoản 1 Điều 45 như sau:`, then `a)`, `b)`); none (the heading
    says `một số …`) for more, for mixed kinds, or when one of them inserts, repeals or amends part of a unit."""
    named = tuple(op.target for op, _ in members if isinstance(op, ReplaceUnit) and not op.target.part)
    if len(named) != len(members) or len(named) not in (2, 3) or len(set(named)) < len(named):
        return ()
    return named if len({a.kind for a in named}) == 1 and all(a.parent() == holder for a in named) else ()


def instruction(planned: Planned, location: str, language: str, context: Address | None = None,
                document_type: str = "", *, last: bool = True) -> Instruction:
    """One worded instruction, with its quoted new text.

    House style closes a quote with `”.` at the end of an instruction or group and with `”;`
    before the next sub-instruction of a group (`last=False`); an instruction without a quote ends the same way
    (`b) Bãi bỏ khoản 3;` before `c) …`: in Luật 57/2024 a repeal ending with `.` is the last of its group, and
    Nghị định 48/2013 ends `a) Thay thế cụm từ “…” bằng cụm từ “…” tại …;` before `b)`).
    """
    op, unit = planned
    end = "." if last else ";"
    text = sentence(op, language, context, document_type=document_type)
    if text.endswith("."):
        text = text[:-1] + end
    if isinstance(op, ReplaceHeading):
        assert unit is not None
        renamed = Unit(unit.kind, unit.label, unit.title)
        return Instruction(location, 0, text, op, heading_quote(unit, language, end), renamed)
    if isinstance(op, (ReplaceUnit, InsertUnit)) and op.target.part == INTRO and unit is not None \
            and unit.kind is Kind.CLAUSE:
        # A clause's lead-in is quoted with its number, as Luật 57/2024 writes it (`“2. Trừ trường hợp …:”;`).
        return Instruction(location, 0, text, op, quote(unit, language, end), unit)
    if isinstance(op, (ReplaceUnit, InsertUnit)) and op.target.part:
        assert unit is not None  # a part (a dash item ...) is quoted as it reads, without its unit's label
        return Instruction(location, 0, text, op, _quoted(list(unit.text), end, language), unit)
    if isinstance(op, (ReplaceUnit, InsertUnit)):
        assert unit is not None
        return Instruction(location, 0, text, op, quote(unit, language, end), unit)
    return Instruction(location, 0, text, op)

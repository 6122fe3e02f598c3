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
4. An instruction naming several provisions, or joining several changes (`Sửa đổi khoản 3;
   bổ sung khoản 3a vào sau khoản 3 như sau:`), is a `Several` whose parts are in the order
   the sentence names them, which is the order their new text is quoted; the article the sentence
   ends with is each change's that names none (`regdraft.core.amend.compound`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from regdraft.core.amend.advice import checked, diagnose, english_kind, new_unit_number  # causes, nearest wording
from regdraft.core.amend.compound import VERBS, changes
from regdraft.core.amend.english import colon, plain, standard, unnumbered
from regdraft.core.amend.items import insert_item
from regdraft.core.amend.operations import (
    TAKES_QUOTE,
    AmendGroup,
    InsertUnit,
    Operation,
    Part,
    RepealUnits,
    ReplaceHeading,
    ReplaceUnit,
    ReplaceWords,
    Several,
    takes_quote,
    targets,
)
from regdraft.core.amend.provisions import (
    TITLE,
    GrammarError,
    common_parent,
    provisions,
    read_citations,
    strip_own_document,
)
from regdraft.core.amend.word_changes import read_words
from regdraft.core.labels import indefinite, point_alphabet
from regdraft.core.model import HEADING_KINDS, Address, Kind, Segment, base_label, label_order, noun
from regdraft.core.patterns import compiled, lazy

__all__ = [
    "AmendGroup", "GrammarError", "InsertUnit", "Operation", "RepealUnits", "ReplaceHeading", "ReplaceUnit",
    "ReplaceWords", "Several", "TAKES_QUOTE", "read_instruction", "takes_quote", "targets",
]


_I = re.IGNORECASE
_PART_NEW = lazy(
    r"^(?:(?P<intro>đoạn mở đầu|phần mở đầu|(?:a|the) lead-in|(?:an|the) introductory (?:part|text|wording))"
    r"|(?P<end>đoạn cuối|phần cuối|đoạn kết|(?:a|the) closing (?:text|part|paragraph|words)))$",
    re.I,
)
# The amended document itself, as a place to add at the end of (`vào cuối Quy chế này`).
_DOCUMENT = lazy(
    r"^(?:(?:Quy chế|Quy định|Luật|Bộ luật|Nghị định|Thông tư|Nghị quyết|Quyết định|Pháp lệnh|văn bản)(?:\s+này)?"
    r"|(?:these|this|the)\s+(?:Regulations?|Rules|Law|Code|Decree|document))$",
    re.I,
)

_EXAMPLE = {"vi": "Sửa đổi, bổ sung khoản 2 Điều 5 như sau:", "en": "Clause 2 of Article 5 is amended to read:"}
_EXAMPLES = {
    "vi": f"'{_EXAMPLE['vi']}', 'Bổ sung khoản 5a vào sau khoản 5 Điều 4 như sau:', "
    "'Bãi bỏ điểm b khoản 2 Điều 9.', 'Thay thế cụm từ “A” bằng cụm từ “B” tại khoản 2 Điều 15.'",
    "en": f"'{_EXAMPLE['en']}', 'Insert clause 5a after clause 5 of Article 4:', "
    "'Repeal point b, clause 2, Article 9.', 'Replace the words \"A\" with \"B\" in clause 2 of Article 15.'",
}


def example_instruction(language: str) -> str:
    """An instruction as a text in `language` writes it, for advice to quote (`Sửa đổi, bổ sung khoản 2 Điều 5 như
    sau:`; `Clause 2 of Article 5 is amended to read:` in English): an English text is not amended in Vietnamese."""
    return _EXAMPLE["en" if language == "en" else "vi"]


def _match(source: str, text: str) -> re.Match[str] | None:
    return compiled(source, _I).match(text)


def read_instruction(sentence: str, language: str, context: Address | None = None) -> Operation:
    """Read one instruction sentence into an operation; `GrammarError` when it does not fit,
    with the nearest standard wording when the sentence is close to one."""
    from regdraft.core.amend.nested_quotes import hidden, shown, shown_operation

    lang = "en" if language == "en" else "vi"
    sentence = colon(sentence) if lang == "en" else sentence  # `After Article 4 insert—` ends as with `:`
    inner = hidden(sentence)  # `cụm từ “ (gọi tắt là “Quy chế”)”`: a quote inside quoted words is a pair of its own
    with checked(lambda s: _reads(s, lang, context)):  # a wording suggested is one regdraft reads
        try:
            op = _advised(inner, lang, context)
        except GrammarError as exc:
            raise GrammarError(shown(str(exc))) from None
    return op if inner is sentence else shown_operation(op)


def _advised(sentence: str, lang: str, context: Address | None) -> Operation:
    try:
        return _read_instruction(sentence, lang, context)
    except GrammarError as exc:
        from regdraft.core.amend.advice import as_written, unquoted_phrase, with_suggestion

        text = " ".join(sentence.split())
        if lang == "en" and (noun := unnumbered(text)):
            raise GrammarError(new_unit_number(noun)) from None  # not numbered by its quote (`english.numbered`)
        # A phrase without its quotation marks reads as no form at all: say so rather than the form's generic message;
        # a sentence that is a standard one but for its punctuation (`Sửa đổi bổ sung …`) is told that form, unless
        # the cause is already named (`diagnose`: an ending, a quotation mark).
        punctuation = "" if str(exc).startswith("cannot read this instruction") else \
            as_written(text, lang, lambda s: _reads(s, lang, context))
        raise GrammarError(unquoted_phrase(text, lang) or punctuation
                           or with_suggestion(str(exc), text, lang)) from None


def _reads(sentence: str, language: str, context: Address | None) -> bool:
    from regdraft.core.amend.nested_quotes import hidden

    try:  # a suggestion quoting words with quotes inside is read as `read_instruction` reads it (r27 sweep R2)
        _read_instruction(hidden(sentence), language, context)
    except GrammarError:
        return False
    return True


def _read_instruction(sentence: str, language: str, context: Address | None = None) -> Operation:
    text = " ".join(sentence.split())
    language = "en" if language == "en" else "vi"
    colon = text.endswith(":")
    if re.search(r"(?:như sau|as follows|to read)\s*[.;]$", text, _I):
        raise GrammarError(_unreadable(text, language))  # announces new text, but ends as if it took none
    if colon:
        body = re.sub(r"\s*(?:như sau|as follows)?\s*:$", "", text, flags=_I)
    elif text.endswith((".", ";")):
        body = text[:-1].rstrip()
    else:
        raise GrammarError(_unreadable(text, language))
    if language == "en":
        body = plain(body)  # `Article 5 shall be amended as follows:` is `Article 5 is amended as follows:`
    group = _group(body, context, language)
    if group is not None:
        if not colon:
            raise GrammarError("a group of changes ends with 'như sau:' (or ':') and lettered instructions follow.")
        return group
    pieces = changes(body, context, lambda piece: _piece(piece, context, language), language)
    parts: list[Part] = []
    for piece in pieces:
        try:
            found = _piece(piece, context, language)
        except GrammarError as exc:
            raise GrammarError(_several(str(exc), pieces, language)) from None
        if found is None:
            raise GrammarError(_several(_unreadable(text, language), pieces, language))
        parts.extend(found)
    quoted = any(isinstance(p, TAKES_QUOTE) for p in parts)
    if quoted != colon:
        raise GrammarError(_unreadable(text, language))
    return parts[0] if len(parts) == 1 else Several(tuple(parts))


def _group(body: str, context: Address | None, language: str) -> AmendGroup | None:
    if language == "vi":
        if _match(r"^các (?:nội dung )?sửa đổi(?:, bổ sung)? khác$", body):
            return AmendGroup(None) if context is None else None
        kinds = r"(?:điểm|khoản|điều|mục|chương|nội dung|đoạn|quy định|số thứ tự)"
        match = _match(
            rf"^(?:{VERBS}(?:,\s*|\s+và\s+))*{VERBS}\s+(?:một số|các|những)\s+{kinds}(?:(?:,\s*|\s+và\s+){kinds})*"
            r"\s+(?:của|tại|vào|trong)\s+(?P<cite>.+)$",
            body,
        )
        whole = r"^(?:Quy chế|Quy định|Luật|Bộ luật|Nghị định|Thông tư|văn bản)\b"
    else:
        match = _match(
            r"^Some\s+(?:points|clauses|articles|provisions|sections|paragraphs)(?:\s+and\s+\w+)?\s+of\s+(?P<cite>.+?)"
            r"\s+(?:are|is)\s+(?:amended|supplemented|repealed)(?:(?:,\s*|,?\s+and\s+)(?:supplemented|repealed))*$",
            body,
        ) or _match(r"^(?P<cite>.+?)\s+(?:is|are)\s+amended(?:\s+and\s+supplemented)?$", body) or _match(
            # `To amend and supplement a number of clauses of Article 10 as follows:`, as translations head a group
            r"^(?:to\s+)?(?:amend|supplement|add)(?:(?:,\s*|,?\s+and\s+)(?:supplement|repeal|amend))*\s+"
            r"(?:some|a\s+number\s+of|several|certain)\s+(?:points|clauses|articles|provisions|sections|paragraphs)"
            r"(?:(?:,\s*|\s+and\s+)\w+)?\s+(?:of|in|to)\s+(?P<cite>.+)$", body)
        whole = r"^(?:these|this|the)\s+(?:Regulations?|Law|Decree)\b"
    if match is None:
        return None
    cite = match.group("cite")
    if re.match(whole, cite, _I):
        if context is not None:
            raise GrammarError("a nested group cannot name the whole regulation.")
        return AmendGroup(None)
    cited = provisions(cite, context, language)
    if any(c.part for c in cited):
        return None  # `The title of Chapter II is amended as follows:` renames it
    return AmendGroup(common_parent([c.address for c in cited]))


def _piece(piece: str, context: Address | None, language: str) -> list[Part] | None:
    """The changes one verb phrase makes, or None when it matches no form."""
    if language == "en":
        piece = standard(piece)  # `To amend clause 2 of Article 5` is `Clause 2 of Article 5 is amended to read`
    words = read_words(piece, context, language)
    if words is not None:
        return words
    if language == "vi":
        match = _match(r"^(?:bãi bỏ|hủy bỏ|huỷ bỏ|bỏ)\s+(?P<cite>.+)$", piece)
        if match:
            return [_repeal(match.group("cite"), context, language)]
        match = _match(r"^bổ sung(?:\s+thêm)?\s+(?P<rest>.+)$", piece)
        if match:
            return _insert_vi(match.group("rest"), context, language)
        match = (
            _match(r"^sửa đổi(?:,\s*bổ sung)?\s+(?:quy định\s+|nội dung\s+)?(?:về|liên quan đến)\s+(?P<about>.+?)\s+"
                   r"(?:tại|của)\s+"
                   r"(?P<cite>(?:(?:tên|tiêu đề|đoạn mở đầu|phần mở đầu|đoạn cuối|phần cuối)\s+)?"
                   r"(?:điểm|khoản|điều|mục|chương|phần)\s.+)$", piece)
            or _match(r"^sửa đổi(?:,\s*bổ sung)?\s+(?P<cite>.+)$", piece)
            or _match(r"^(?P<cite>.+?)\s+được\s+sửa đổi(?:,\s*bổ sung)?$", piece)
        )
        if match:
            about = match.groupdict().get("about") or ""
            return _amend(match.group("cite"), context, language, about)
        return None
    match = _match(r"^Repeal\s+(?P<cite>.+)$", piece) or _match(
        r"^(?P<cite>.+?)\s+(?:is|are)\s+(?:repealed|annulled|abolished|deleted)$", piece
    )
    if match:
        return [_repeal(match.group("cite"), context, language)]
    match = (
        _match(r"^Insert\s+(?P<new>.+?)\s+(?P<how>after)\s+(?P<cite>.+)$", piece)
        or _match(r"^(?:Insert|Add)\s+(?P<new>.+?)\s+(?P<how>at the end of|at the beginning of|to|into)\s+"
                  r"(?P<cite>.+)$", piece)
        or _match(r"^(?P<new>.+?)\s+(?:is|are)\s+(?:added|inserted)\s+(?P<how>after|following)\s+(?P<cite>.+?)"
                  r"(?:\s+to\s+read)?$", piece)
        or _match(r"^(?P<new>.+?)\s+(?:is|are)\s+added\s+(?P<how>to|at the end of|at the beginning of|into)\s+"
                  r"(?P<cite>.+?)(?:\s+to\s+read)?$", piece)
    )
    if match:
        how = match.group("how").lower()
        how = "after" if how in ("after", "following") else "head" if how == "at the beginning of" else "append"
        return _inserts(match.group("new"), match.group("cite"), how, context, language)
    # `… is amended` with no `to read`: one change of a sentence joining several (`Clause 1 of Article 10 is amended and
    # clause 3 is added after clause 2 as follows:`), or a title's (`The title of Chapter II is amended as follows:`)
    match = _match(r"^(?P<cite>.+?)\s+(?:is|are)\s+amended(?:\s+and\s+supplemented)?(?:\s+to\s+read)?$", piece)
    if match:
        return _amend(match.group("cite"), context, language)
    return None


def _amend(cite: str, context: Address | None, language: str, about: str = "") -> list[Part]:
    out: list[Part] = []
    for cited in provisions(cite, context, language):
        target = cited.address
        if cited.part == TITLE:
            if target.kind not in HEADING_KINDS:
                raise GrammarError(
                    f"{target.describe(language)} has no title to rename; only parts, chapters, "
                    "sections, sub-sections, articles and appendices have titles."
                )
            out.append(ReplaceHeading(target))
        elif target.kind not in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT, Kind.APPENDIX) and not target.part:
            raise GrammarError(
                f"only an article, clause, point or appendix can be replaced as a whole; to rename "
                f"{target.describe(language)} write '{_rename_form(target, language)}'."
            )
        else:
            out.append(ReplaceUnit(target, about))
    return out


def _repeal(cite: str, context: Address | None, language: str) -> RepealUnits:
    cited = provisions(cite, context, language)
    if any(c.part == TITLE for c in cited):
        raise GrammarError("a title cannot be repealed on its own; rename it, or repeal the whole unit.")
    repealed = [c.address for c in cited]
    if len(set(repealed)) != len(repealed):
        raise GrammarError("names the same provision twice.")
    return RepealUnits(tuple(repealed))


def _insert_vi(rest: str, context: Address | None, language: str) -> list[Part]:
    phrase = re.search(r"\s+thuộc\s+(?P<within>(?:Tiểu mục|Mục|Chương|Phần)\s.+)$", rest, _I)
    within = _container(phrase.group("within"), context, language) if phrase else None
    if phrase:
        rest = rest[: phrase.start()]
    made = _insert_places(rest, context, language)
    if within is None:
        return made
    return [replace(p, within=within) if isinstance(p, InsertUnit) else p for p in made]


def _insert_places(rest: str, context: Address | None, language: str) -> list[Part]:
    for pattern, how in (
        (r"\s+(?:vào\s+)?(?:ngay\s+)?sau\s+", "after"),
        (r"\s+vào\s+cuối\s+", "append"),
        (r"\s+vào\s+đầu\s+", "head"),
        (r"\s+vào\s+", "append"),
    ):
        found = re.search(pattern, rest, _I)
        if found:
            return _inserts(rest[: found.start()], rest[found.end():], how, context, language)
    return _inserts(rest, None, "implied", context, language)


def _container(phrase: str, context: Address | None, language: str) -> Address | None:
    """The part, chapter, section or sub-section `thuộc Mục 1 Chương III` names; None when it cannot be read."""
    try:
        cited = provisions(phrase, context, language)
    except GrammarError:
        return None  # not a citation: ignored, as before
    if len(cited) != 1 or cited[0].part:
        return None
    address = cited[0].address
    return address if address.kind in (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION) else None


def _inserts(new: str, cite: str | None, how: str, context: Address | None, language: str) -> list[Part]:
    """One InsertUnit per new unit; the second of `Điều 15a, Điều 15b` goes after the first."""
    if how == "append" and cite is not None and _DOCUMENT.match(cite.strip()):
        how = "implied"  # `vào cuối Quy chế này`: after the unit before it, the last of its kind
    if how == "implied":
        out: list[Part] = []
        for cited in provisions(new, context, language):
            target = cited.address
            before = _predecessor(target.kind, target.label, point_alphabet(language))
            if before is None and target.kind is Kind.APPENDIX:
                out.append(InsertUnit(target))  # the first appendix: after everything else (`vào cuối Luật`)
                continue
            if before is None:
                example = _place_example(target.kind, language)
                raise GrammarError(f"say where {target.describe(language)} goes ('{example}').")
            parent = target.parent()
            after = Address((*(parent.segments if parent else ()), Segment(target.kind, before)))
            out.append(InsertUnit(target, after=after))
        return out
    assert cite is not None
    if how == "head":
        return _head(new, cite, context, language)
    new_item = insert_item(new, cite, how, context, language)
    if new_item is not None:
        return [new_item]
    part = _PART_NEW.match(new.strip())
    if part is not None:
        places = provisions(cite, context, language)
        if len(places) != 1 or how != "append":
            raise GrammarError(f"say which one provision the {new.strip()} is added to.")
        where = places[0].address
        return [InsertUnit(where.with_part("intro" if part.group("intro") else "end"), parent=where)]
    items = read_citations(new, language)
    if any(len(item.levels) != 1 or None in item.levels.values() for item in items):
        raise GrammarError(
            f"name only the new unit ('{'khoản 5a' if language == 'vi' else 'clause 5a'}'); "
            "its place comes from the provision it follows or joins."
        )
    places = provisions(cite, context, language)
    if len(places) != 1:
        raise GrammarError(f"'{cite}' names {len(places)} provisions where one is expected.")
    where = places[0].address
    made: list[Part] = []
    previous = where
    for item in items:
        ((kind, label),) = item.levels.items()
        assert label is not None
        if how == "after":
            # The first appendix follows the last article (`Bổ sung Phụ lục I vào sau Điều 33`); applying checks it.
            if where.kind is not kind and not (kind is Kind.APPENDIX and where.kind is Kind.ARTICLE):
                first = (f" or, the first, after the last article ('{_place_example(kind, language)}')"
                         if kind is Kind.APPENDIX else "")
                raise GrammarError(
                    f"{indefinite(noun(kind, language))} can only be inserted after another "
                    f"{noun(kind, language)}{first}, not after {where.describe(language)}."
                )
            parent = where.parent()
            target = (Address((Segment(kind, label),)) if kind in (Kind.ARTICLE, Kind.CHAPTER, Kind.PART, Kind.APPENDIX)
                      else Address((*(parent.segments if parent else ()), Segment(kind, label))))
            made.append(InsertUnit(target, after=previous))
            previous = target
            continue
        allowed = {
            Kind.PART: (),
            Kind.CHAPTER: (Kind.PART,),
            Kind.SECTION: (Kind.CHAPTER, Kind.PART),
            Kind.SUBSECTION: (Kind.SECTION,),
            Kind.ARTICLE: (Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION, Kind.PART),
            Kind.CLAUSE: (Kind.ARTICLE,),
            Kind.POINT: (Kind.ARTICLE, Kind.CLAUSE),
            Kind.APPENDIX: (),  # after the last one: `Bổ sung Phụ lục IV vào sau Phụ lục III`
        }[kind]
        if where.kind not in allowed:
            put = ""
            if where.kind is kind:  # `Add Article 12a to Article 12`: it goes after it
                new_unit, old_unit = Address((Segment(kind, label),)).describe(language), where.describe(language)
                put = (f"; to put it after {old_unit} write 'Bổ sung {new_unit} vào sau {old_unit} như sau:'"
                       if language == "vi" else f"; to put it after {old_unit} write 'Insert {new_unit} after "
                       f"{old_unit}:'")
            raise GrammarError(f"{indefinite(noun(kind, language))} cannot be added to {where.describe(language)}"
                               f"{put}.")
        target = (Address((Segment(kind, label),)) if kind in (Kind.ARTICLE, Kind.CHAPTER)
                  else where.child(kind, label))
        made.append(InsertUnit(target, parent=where))
    return made


def _head(new: str, cite: str, context: Address | None, language: str) -> list[Part]:
    """`Bổ sung Điều 27a vào đầu Tiểu mục 2 Mục 1 Chương II`: articles only, at the head of the unit that holds them,
    each after the one before it."""
    items = read_citations(new, language)
    places = provisions(cite, context, language)
    where = places[0].address if len(places) == 1 and not places[0].part else None
    if (where is None or where.kind not in (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)
            or any(tuple(item.levels) != (Kind.ARTICLE,) or None in item.levels.values() for item in items)):
        example = ("Bổ sung Điều 27a vào đầu Tiểu mục 2 Mục 1 Chương II" if language == "vi"
                   else "Insert Article 27a at the beginning of Sub-section 2, Section 1, Chapter II")
        raise GrammarError(f"only articles are added at the head of a part, chapter, section or sub-section "
                           f"('{example}'); any other unit goes after the one before it.")
    made: list[Part] = []
    previous: Address | None = None
    for item in items:
        target = Address((Segment(Kind.ARTICLE, item.levels[Kind.ARTICLE] or ""),))
        made.append(InsertUnit(target, after=previous) if previous else InsertUnit(target, parent=where, first=True))
        previous = target
    return made


def _place_example(kind: Kind, language: str) -> str:
    """An insertion naming its place, for a hint: an appendix's own, or a clause's."""
    if kind is Kind.APPENDIX:
        return "Bổ sung Phụ lục I vào cuối Luật" if language == "vi" else "Appendix I is added at the end of this Law"
    return ("Bổ sung khoản 5a vào sau khoản 5 Điều 4" if language == "vi"
            else "Insert clause 5a after clause 5 of Article 4")


def _predecessor(kind: Kind, label: str, alphabet: str = "vi") -> str | None:
    """The label an inserted unit follows: 35a after 35, 35b after 35a, d1 after d, e after đ (after d in an
    English text, `alphabet` `en`), 5 after 4; Chương VIIa and Chương VIII after Chương VII, Mục 4 after Mục 3,
    Phần thứ tư after Phần thứ ba."""
    position, suffix = label_order(kind, label, alphabet)
    if suffix:
        stem = label[: len(label) - len(suffix)]
        if kind is Kind.POINT:
            return stem if suffix == "1" else f"{stem}{int(suffix) - 1}"
        return stem + suffix[:-1] + (chr(ord(suffix[-1]) - 1) if suffix[-1] != "a" else "")
    return base_label(kind, position - 1, alphabet) if position > 1 else None


def _rename_form(target: Address, language: str) -> str:
    if language == "vi":
        return f"Sửa đổi tên {target.describe(language)} như sau:"
    return f"The title of {target.describe(language)} is amended to read:"


def _several(message: str, pieces: list[str], language: str) -> str:
    """`message` about a sentence joining several changes, with the group form that writes them one by one."""
    if len(pieces) < 2:
        return message
    if language == "en":
        form = ("'Some clauses of Article 10 are amended as follows:' then 'a) Clause 1 is amended to read:', "
                "'b) Clause 3 is inserted after clause 2:'")
    else:
        form = ("'Sửa đổi, bổ sung một số khoản của Điều 10 như sau:' then 'a) Sửa đổi, bổ sung khoản 1 như sau:', "
                "'b) Bổ sung khoản 3 vào sau khoản 2 như sau:'")
    return f"{message.rstrip('.')}; or write each change as its own lettered instruction under a group, {form}."


def _unreadable(text: str, language: str) -> str:
    examples = _EXAMPLES.get(language, _EXAMPLES["vi"])
    kind = english_kind(text) if language == "en" else ""  # the wordings for the kind of change it makes
    return diagnose(text, language) or (f"cannot read this instruction; {kind}." if kind else
                                        f"cannot read this instruction; it must follow one of the documented forms, "
                                        f"e.g. {examples}.")


def is_provision_list(text: str) -> bool:
    """True when `text` reads as a list of provisions (used to tell a group heading from prose)."""
    try:
        read_citations(strip_own_document(text), "vi")
    except GrammarError:
        return False
    return True

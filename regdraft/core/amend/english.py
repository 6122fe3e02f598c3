"""English instructions as translations of Vietnamese amending documents write them, read as the documented forms they
mean (docs/amendments.md): `To amend and supplement clause 2 of Article 5 as follows:` is `Clause 2 of Article 5 is
amended to read:`, `To add Article 12a after Article 12 as follows:` is `Insert Article 12a after Article 12:`, `In
clause 2 of Article 9, the words “A” are replaced with “B”.` is `The words “A” are replaced with the words “B” in clause
2 of Article 9.`

`standard(piece)` rewrites one change (a verb phrase `grammar` reads, without the sentence's number and closing `as
follows:`); `cut(body)` splits a sentence joining several changes (`Clause 1 of Article 10 is amended and clause 3 is
added after clause 2`, `To amend clause 1 and add clause 3 after clause 2 of Article 10`) into them.

Post-conditions:
1. A piece in a documented form is returned as it is; quoted words are never changed, nor cut.
2. `standard` only rewrites wording: the provisions and phrases it names are kept, each in the role it has.
3. `cut` splits only between two whole changes: each part before a cut has its verb (`Clause 1 … is amended`, `To
   amend clause 1`), each part after one starts a change (a verb, or provisions followed by theirs).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from regdraft.core.patterns import Ahead, lazy

_I = re.IGNORECASE
_UNIT = (r"(?:articles?|clauses?|paragraphs?|points?|chapters?|sub-?sections?|sections?|parts?|appendix|appendices"
         r"|(?:the\s+)?title|(?:the\s+)?lead-in|(?:the\s+)?\w+\s+(?:dash|plus)\s+item)")
_WORDS = r"the\s+(?:words?|phrases?|expressions?|terms?)\s*[“\"]"
_QUOTED = r"[“\"][^“”\"]*[”\"]"
_THE_WORDS = r"the\s+(?:words?|phrases?|expressions?)\s+"
_VERB = r"(?:amend|supplement|add|insert|repeal|annul|abolish|abrogate|replace|substitute|delete|remove)"
# `the following Article 12a`, `a new clause 5`: the new unit, named with words an instruction does not need.
_NEW = lazy(rf"(?:the\s+following(?:\s+new)?|an?\s+new|the\s+new|new)\s+(?={_UNIT}\s)", _I)

_NOT_WORDS = r"(?!the\s+(?:words?|phrases?|expressions?|terms?)\b)"
# Each rewrite, in order: a pattern over the whole piece, and what it reads as. Each is anchored at the start, and what
# it leaves to a lazy group is followed by a short bounded ending, so no rewrite costs more than the piece's length
# times a constant (docs/security.md).
_REWRITES = tuple((lazy(pattern, _I), said) for pattern, said in (
    # The common-law and UN wordings of the documented changes (r26 sweep O defect 2): `For Article 3 substitute:`,
    # `After Article 5, insert Article 5a:` (its number from the quote: `numbered`), `Article 3 is (deleted and)
    # replaced by the following:`, `Article 6 is revoked.`, `Revoke Article 6.`.
    # The UK wordings of changed words (r38 sweep BV F5), as `In X, the words “A” are replaced/deleted`, which the rules
    # below read: `In Article 4(1), for “A” substitute “B”`, `In Article 4(1), omit “A”`, `Article 7 is amended by
    # replacing “A” with “B”` (or `by substituting “B” for “A”`), `Article 6(1) is amended by deleting “A”`.
    (rf"^(?P<place>in\s+[^“”\"]+?,\s+)?for\s+(?:{_THE_WORDS})?(?P<a>{_QUOTED})\s*,?\s+substitute\s+"
     rf"(?:{_THE_WORDS})?(?P<b>{_QUOTED})$", r"\g<place>the words \g<a> are replaced with \g<b>"),
    (rf"^(?P<place>in\s+[^“”\"]+?,\s+)?(?:omit|delete|remove)\s+(?:{_THE_WORDS})?(?P<a>{_QUOTED})$",
     r"\g<place>the words \g<a> are deleted"),
    # `In Article 3(1), after “A” insert “B”` (r39 sweep BW F3): the UK form needs no "the words", as the form read
    # below (`after the words “A” insert “B”`) does.
    (rf"^(?P<place>in\s+[^“”\"]+?,\s+)?(?P<pos>after|before)\s+(?:{_THE_WORDS})?(?P<a>{_QUOTED})\s*,?\s+insert\s+"
     rf"(?:{_THE_WORDS})?(?P<b>{_QUOTED})$", r"\g<place>\g<pos> the words \g<a> insert \g<b>"),
    (rf"^(?P<cite>[^“”\"]+?)\s+(?:is|are)\s+amended\s+by\s+(?:replacing|substituting)\s+(?:{_THE_WORDS})?"
     rf"(?P<a>{_QUOTED})\s+(?:with|by)\s+(?:{_THE_WORDS})?(?P<b>{_QUOTED})$",
     r"In \g<cite>, the words \g<a> are replaced with \g<b>"),
    (rf"^(?P<cite>[^“”\"]+?)\s+(?:is|are)\s+amended\s+by\s+substituting\s+(?:{_THE_WORDS})?(?P<b>{_QUOTED})\s+"
     rf"for\s+(?:{_THE_WORDS})?(?P<a>{_QUOTED})$", r"In \g<cite>, the words \g<a> are replaced with \g<b>"),
    (rf"^(?P<cite>[^“”\"]+?)\s+(?:is|are)\s+amended\s+by\s+(?:deleting|omitting|removing)\s+(?:{_THE_WORDS})?"
     rf"(?P<a>{_QUOTED})$", r"In \g<cite>, the words \g<a> are deleted"),
    (rf"^(?P<cite>[^“”\"]+?)\s+(?:is|are)\s+amended\s+by\s+inserting\s+(?:{_THE_WORDS})?(?P<b>{_QUOTED})\s+"
     rf"(?P<pos>after|before)\s+(?:{_THE_WORDS})?(?P<a>{_QUOTED})$",
     r"Insert the words \g<b> \g<pos> the words \g<a> in \g<cite>"),
    # A new unit placed by the UK wordings, numbered by its quote (`numbered`): `In Article 3(2), after point (b),
    # insert point c` and `Article 3(2) is amended by inserting point c after point (b)`.
    (r"^in\s+(?P<where>[^“”\",]+),\s+after\s+(?P<cite>[^“”\",]+?),?\s+insert\s+(?P<new>[^“”\"]+)$",
     r"Insert \g<new> after \g<cite> of \g<where>"),
    (r"^(?P<where>[^“”\"]+?)\s+(?:is|are)\s+amended\s+by\s+inserting\s+(?P<new>[^“”\"]+?)\s+after\s+"
     r"(?P<cite>[^“”\"]+)$", r"Insert \g<new> after \g<cite> of \g<where>"),
    (r"^for\s+(?P<cite>[^“”\"]+?)\s+substitute(?:\s+the\s+following)?$", r"\g<cite> is amended to read"),
    (r"^after\s+(?P<cite>[^“”\",]+?),?\s+insert\s+(?P<new>[^“”\"]+)$", r"Insert \g<new> after \g<cite>"),
    (rf"^(?P<cite>{_NOT_WORDS}[^“”\"]+?)\s+(?P<verb>is|are)\s+(?:deleted\s+and\s+)?(?:replaced|substituted)"
     r"(?:\s+(?:by|with)\s+the\s+following(?:\s+new)?(?:\s+[a-z-]+)?)?$", r"\g<cite> \g<verb> amended to read"),
    # `In Article 6, paragraph (2) is deleted.`: the provision removed, named within the one named first (r38 sweep
    # BV F4), as `Paragraph (2) of Article 6 is deleted.`; the verb is read as the forms without `In …,` read it.
    (rf"^in\s+(?P<where>[^“”\",]+),\s+(?P<unit>(?:the\s+)?{_UNIT}[^“”\",]*?)\s+(?P<verb>is|are)\s+"
     r"(?P<done>deleted|repealed|omitted|revoked|rescinded|annulled|abolished)$",
     r"\g<unit> of \g<where> \g<verb> \g<done>"),
    (r"^(?P<cite>[^“”\"]+?)\s+(?P<verb>is|are)\s+(?:revoked|rescinded|omitted)$", r"\g<cite> \g<verb> repealed"),
    # `Schedule 1 is renamed as follows:`, `Chapter II is renamed:`: its title is amended.
    (r"^(?!the\s+title\b)(?P<cite>[^“”\"]+?)\s+is\s+renamed(?:\s+to\s+read)?$",
     r"The title of \g<cite> is amended to read"),
    (rf"^(?:revoke|rescind|omit|delete|remove)\s+(?={_NOT_WORDS}[^“”\"]+$)", "Repeal "),
    # A new unit placed inside a provision named first: `In clause 2 of Article 5, the following point b1 is inserted
    # after point b` is `… after point b of clause 2 of Article 5`; `…, point c is added` is `… added to clause 2 …`.
    (r"^in\s+(?P<where>[^“”\",]+),\s+(?P<new>[^“”\",]+?)\s+(?P<verb>is|are)\s+(?:inserted|added)\s+(?:after|following)"
     r"\s+(?P<cite>[^“”\",]+)$", r"\g<new> \g<verb> inserted after \g<cite> of \g<where>"),
    (r"^in\s+(?P<where>[^“”\",]+),\s+(?P<new>[^“”\",]+?)\s+(?P<verb>is|are)\s+(?:inserted|added)$",
     r"\g<new> \g<verb> added to \g<where>"),
    # Words: `In clause 1 of Article 5, after the word “A” insert “B”`; `In Article 3, “A” is replaced by “B”` (the
    # quoted words named without `the words`).
    (rf"^in\s+(?P<where>[^“”\"]+?),\s+(?P<pos>after|before)\s+the\s+(?:words?|phrases?)\s+(?P<a>{_QUOTED})\s*,?\s+"
     rf"insert\s+(?:the\s+(?:words?|phrases?)\s+)?(?P<b>{_QUOTED})$",
     r"Insert the words \g<b> \g<pos> the words \g<a> in \g<where>"),
    (rf"^(?P<place>(?:in|from)\s+[^“”\"]+?,\s+)?(?P<a>{_QUOTED})\s+(?:is|are)\s+(?=(?:replaced|deleted)\b)",
     r"\g<place>the words \g<a> are "),
    # `To amend …`, `To repeal …`: the infinitive of official translations, as the imperative.
    (rf"^to\s+(?={_VERB}\b)", ""),
    (r"^(?:annul|abolish|abrogate)\s+", "Repeal "),
    (r"^supplement\s+", "Add "),
    # `Amend clause 2 of Article 5`, `Amend and supplement …`: the documented passive.
    (r"^amend(?:(?:,\s*|,?\s+and\s+)supplement)?\s+(?P<cite>(?!the\s+(?:words?|phrases?)\b).+?)(?:\s+to\s+read)?$",
     r"\g<cite> is amended to read"),
    (r"^add\s+(?P<new>.+?)\s+(?:after|following)\s+", r"Insert \g<new> after "),
    # `In clause 2 of Article 9, the words “A” are replaced with “B”`: the place at the end, where it is documented.
    (rf"^(?P<how>in|from|throughout)\s+(?P<where>[^“”\"]+?),\s+(?P<rest>(?:{_WORDS}|(?:replace|substitute|delete|remove"
     rf"|insert|add)\s+{_WORDS}).+)$", r"\g<rest> \g<how> \g<where>"),
    # `The phrase “A” in clause 2 of Article 9 is replaced with “B”`: likewise.
    (rf"^(?P<words>{_WORDS}[^“”\"]*[”\"])\s+(?P<where>(?:in|from)\s+[^“”\"]+?)\s+(?P<rest>(?:is|are)\s+(?:replaced|"
     r"deleted)\b.*)$", r"\g<words> \g<rest> \g<where>"),
))
_SHALL = lazy(r"\bshall\s+(?:hereby\s+)?be\b|\b(?P<verb>is|are)\s+hereby\b", _I)


def standard(piece: str) -> str:
    """The documented wording `piece` means (post-conditions 1 and 2)."""
    text = plain(piece)
    text = _NEW.sub("", text, count=1) if _NEW.match(text) else text
    for pattern, said in _REWRITES:
        text = pattern.sub(said, text, count=1)
    verb = re.match(r"^(?:insert|add)\s+", text, _I)
    if verb is not None and _NEW.match(text, verb.end()):
        text = text[:verb.end()] + _NEW.sub("", text[verb.end():], count=1)
    return text[:1].upper() + text[1:] if text != piece else piece


# A new unit announced without its number (`The following clause is added to Article 3:`, `After Article 5, insert:`),
# and the number its quoted text opens with (`“3. …`, `“Article 5a. Title`, `“b1) …`), which docs rule 2 requires to be
# the unit named anyway.
_UNNUMBERED = lazy(r"\b(?P<lead>the\s+following(?:\s+new)?|an?\s+new)\s+(?P<noun>article|clause|paragraph|point)\b"
                   r"(?!\s+(?:\d|\(|(?:dd|[a-zđ])\d*\b))", _I)
_INSERT_BARE = lazy(r"^(?:in\s+[^“”\":,]+,\s+)?after\s+[^“”\":]+?,?\s+insert(?P<following>\s+the\s+following)?"
                    r"(?=\s*(?:as\s+follows\s*)?:$)"
                    # `Article 3(2) is amended by inserting after point (b):` (r38 sweep BV F5)
                    r"|^[^“”\":]+?\s+(?:is|are)\s+amended\s+by\s+inserting(?P<following_by>\s+the\s+following)?"
                    r"(?=\s+after\s+[^“”\":]+?\s*(?:as\s+follows\s*)?:$)", _I)
# The UK colon: `After Article 4 insert—` (an em or en dash where the documented forms have `:`).
_DASH_COLON = lazy(r"\s*:?\s*[—–]$|\s*:\s*-$")
_QUOTED_LABEL = lazy(r"^[“\"]\s*(?:Article\s+(?P<article>\d+[a-z]?)\s*\\?\.|(?P<clause>\d+[a-z]?)\\?\.\s"
                     r"|\(?(?P<point>dd\d*|[a-zđ]\d*)\)\s)", _I)


def unnumbered(sentence: str) -> str:
    """The noun of the new unit `sentence` announces without its number (`clause`; `provision` for `After Article 5,
    insert:`), or ''."""
    if re.search(r"[“”\"]", sentence):
        return ""
    sentence = colon(sentence)
    found = _UNNUMBERED.search(sentence)
    return found.group("noun").lower() if found else "provision" if _INSERT_BARE.match(sentence) else ""


def numbered(sentence: str, quoted: str) -> str:
    """`sentence` with the number of the new unit it announces without one taken from `quoted`, the paragraph after it
    (`The following clause 3 is added to Article 3:`); `sentence` itself when it names the number, or the quoted text
    opens with no unit of the kind it announces."""
    label = _QUOTED_LABEL.match(quoted)
    if label is None or re.search(r"[“”\"]", sentence):
        return sentence
    sentence = colon(sentence)
    kind = next(k for k in ("article", "clause", "point") if label.group(k))
    new = _UNNUMBERED.search(sentence)
    if new is not None and kind == {"paragraph": "clause"}.get(new.group("noun").lower(), new.group("noun").lower()):
        return f"{sentence[:new.end()]} {label.group(kind)}{sentence[new.end():]}"
    bare = _INSERT_BARE.match(sentence) if new is None else None
    if bare is not None:
        noun = {"article": "Article"}.get(kind, kind)
        following = next((g for g in ("following", "following_by") if bare.group(g)), "")
        return f"{sentence[:bare.start(following) if following else bare.end()]} {noun} " \
               f"{label.group(kind)}{sentence[bare.end():]}"
    return sentence


def colon(sentence: str) -> str:
    """`sentence` with the dash a UK instruction ends with before its new text (`After Article 4 insert—`) as the
    colon the documented forms end with; `sentence` itself otherwise."""
    found = _DASH_COLON.search(sentence)
    return sentence if found is None else sentence[:found.start()] + ":"


def plain(text: str) -> str:
    """`text` with `shall be` and `hereby` as the documented forms say it (`Article 5 shall be amended` is `Article 5
    is amended`), outside its quoted words."""
    return _outside_quotes(text, lambda part: _SHALL.sub(lambda m: m.group("verb") or "is", part))


def _outside_quotes(text: str, change: Callable[[str], str]) -> str:
    out: list[str] = []
    at = 0
    for quoted in re.finditer(_QUOTED, text):
        out += [change(text[at:quoted.start()]), quoted.group(0)]
        at = quoted.end()
    return "".join([*out, change(text[at:])])


_SEPARATOR = lazy(r"\s*;\s*(?:and\s+)?|\s*,\s*(?:and\s+)?|\s+and\s+", _I)
_IMPERATIVE = lazy(rf"(?:to\s+)?{_VERB}\b", _I)
_NAMES = lazy(rf"\b{_UNIT}\s|[“\"]", _I)
_DONE = lazy(r"\b(?:is|are|shall\s+(?:hereby\s+)?be)\s+(?:hereby\s+)?[a-z]+ed\b", _I)
# What starts a change after a separator: provisions followed by their verb before any quotation (`clause 3 is
# added`), the words of a change (`the words “A”`), or its place first (`in clause 2, the words “A”`). The provisions
# are matched here; their verb (`_PASSIVE`) and the place's comma (`_PLACE_END`) are found ahead (`patterns.Ahead`), not
# scanned for after each separator, which cost the length of the rest of the sentence each time.
_SUBJECT = lazy(rf"(?:(?:the\s+following|an?\s+new|the\s+new|new)\s+)?(?:the\s+)?{_UNIT}\b", _I)
_PASSIVE = lazy(r"\s(?:is|are|shall\s+(?:hereby\s+)?be)\s+(?:hereby\s+)?[a-z]+ed\b", _I)
_CHANGED_WORDS = lazy(_WORDS, _I)
_PLACE = lazy(r"(?:in|from)\s", _I)
_PLACE_END = lazy(rf",\s+{_WORDS}", _I)
_QUOTE = lazy(r"[“”\"]")


def cut(body: str) -> list[str]:
    """The changes of an English sentence joining several (post-condition 3); `[body]` for one.

    In time in proportion to the sentence, however many separators (docs/security.md): the quotation marks before
    each are counted as the separators go, and the part before one and the rest after it are not scanned again."""
    pieces: list[str] = []
    start = 0
    names, done, passive, place_end, quotes = (Ahead(p, body) for p in (_NAMES, _DONE, _PASSIVE, _PLACE_END, _QUOTE))
    opened = closed = straight = counted = 0
    lead = _IMPERATIVE.match(body)
    for match in _SEPARATOR.finditer(body):
        at = match.start()
        opened += body.count("“", counted, at)
        closed += body.count("”", counted, at)
        straight += body.count('"', counted, at)
        counted = at
        if opened != closed or straight % 2:
            continue
        imperative = (lead is not None and (lead.end() <= at or _IMPERATIVE.match(body, start, at) is not None)
                      and _IMPERATIVE.match(body, match.end()) is not None and names.within(start, at))
        if imperative or (done.within(start, at) and _starts(body, match.end(), passive, place_end, quotes)):
            pieces.append(body[start:at])
            start = match.end()
            lead = _IMPERATIVE.match(body, start)
    return [*pieces, body[start:]]


def _starts(body: str, at: int, passive: Ahead, place_end: Ahead, quotes: Ahead) -> bool:
    """Whether a change starts at `at`: provisions with their verb before any quotation mark, the changed words, or
    a place and its comma before them."""
    subject = _SUBJECT.match(body, at)
    if subject is not None and passive.before(subject.end(), quotes.at(subject.end())):
        return True
    if _CHANGED_WORDS.match(body, at) is not None:
        return True
    place = _PLACE.match(body, at)
    return place is not None and place_end.before(place.end() + 1, quotes.at(place.end()))

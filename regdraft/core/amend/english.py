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
_UNIT = (r"(?:articles?|clauses?|points?|chapters?|sub-?sections?|sections?|parts?|appendix|appendices"
         r"|(?:the\s+)?title|(?:the\s+)?lead-in|(?:the\s+)?\w+\s+(?:dash|plus)\s+item)")
_WORDS = r"the\s+(?:words?|phrases?|expressions?|terms?)\s*[“\"]"
_QUOTED = r"[“\"][^“”\"]*[”\"]"
_VERB = r"(?:amend|supplement|add|insert|repeal|annul|abolish|abrogate|replace|substitute|delete|remove)"
# `the following Article 12a`, `a new clause 5`: the new unit, named with words an instruction does not need.
_NEW = lazy(rf"(?:the\s+following(?:\s+new)?|an?\s+new|the\s+new|new)\s+(?={_UNIT}\s)", _I)

# Each rewrite, in order: a pattern over the whole piece, and what it reads as.
_REWRITES = tuple((lazy(pattern, _I), said) for pattern, said in (
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

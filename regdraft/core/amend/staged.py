"""Instructions that take effect on a date of their own: what an entry-into-force article says of some of them.

An amending document may give some of its instructions a later (or earlier) date than its own
(Luật 57/2024/QH15 Điều 5: "4. Quy định tại điểm a khoản 19 và khoản 20 Điều 1; … của Luật này có hiệu lực thi
hành từ ngày 01 tháng 7 năm 2025."). `dated_parts(amendment)` reads each such sentence of its closing articles and
resolves the provisions it cites to the document's own instructions ("khoản 6 Điều 1" is instruction 6 of
Điều 1, "điểm a khoản 19 Điều 1" its lettered instruction 19.a). Nothing is stored: it is read from the text each
time, so the adoption records only the document's own date.

Post-conditions:
1. `dated_parts` gives, per sentence that names provisions of the document's own amending articles and a date
   regdraft reads, the instruction locations it names with that date (`DatedPart`); a sentence citing only
   articles that amend no regulation of the workspace (kept as text) gives nothing.
2. `unresolved` gives one `Problem` (a warning) per sentence that names a date for something regdraft cannot
   resolve to instructions: a provision the document does not have, a date it cannot read, or a sentence citing
   no provision at all; each quotes the sentence, with its file and line.
3. `stages(amendment)` splits an amendment (as it amends one regulation) into parts, each a copy of the document
   holding only the instructions taking effect on one date and its front matter's `effective` set to that date,
   its own date's part first; with no dated part it is `(amendment,)`. Every leaf instruction is in exactly one.
   A part other than the first names its instructions under `STAGED` in its front matter (`khoản 6 Điều 1`).
4. `before_signing(amendment, signed)` gives the dated parts taking effect before the signing date, which
   adoption refuses as it refuses such a date for the whole document (`workspace.gates`).
5. `given_twice` names each sentence giving an instruction a date another sentence already gave it otherwise (the
   document contradicts itself; the first date stands): an `amend check` warning (`unresolved`) and a refusal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from regdraft.core.amend.document import Amendment
from regdraft.core.amend.entry import (
    STATES,
    EntryIntoForce,
    cited,
    clauses,
    entry_into_force,
    numbered,
    paragraph_line,
    sentences,
)
from regdraft.core.amend.instructions import Instruction
from regdraft.core.counts import listed
from regdraft.core.errors import Problem
from regdraft.core.model import Kind, noun
from regdraft.core.text import QUOTED, short

STAGED = "staged"  # the front matter key of a part (`stages`) naming its instructions: `khoản 6 Điều 1`


@dataclass(frozen=True, slots=True)
class DatedPart:
    """The instructions (article label, location `6` or `19.a`) a sentence gives a date of their own."""

    sentence: EntryIntoForce
    day: dt.date
    places: tuple[tuple[str, str], ...]


def _sentences(amendment: Amendment) -> list[EntryIntoForce]:
    """The sentences of the closing articles that state when something takes effect."""
    word = noun(Kind.ARTICLE, amendment.language)
    out: list[EntryIntoForce] = []
    for article in amendment.closing:
        for i, paragraph in enumerate(article.paragraphs):
            for sentence in sentences(paragraph):
                if STATES.search(sentence):
                    parts = clauses(sentence.strip())  # `…kể từ ngày ký, riêng quy định tại … có hiệu lực …`
                    out.extend(EntryIntoForce(f"{word} {article.label}", sentence.strip(), paragraph_line(article, i),
                                              part if len(parts) > 1 else "", numbered(paragraph), amendment.language)
                               for part in parts)
    return out


def _locations(instructions: tuple[Instruction, ...]) -> set[str]:
    found: set[str] = set()
    for ins in instructions:
        found.add(ins.location)
        found |= _locations(ins.children)
    return found


Found = list[tuple[EntryIntoForce, str]]


def _clash(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two dated places hold a same instruction (the same one, one inside the other, or a whole article)."""
    return a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1] or a[1].startswith(b[1] + ".")
                             or b[1].startswith(a[1] + "."))


def _read(amendment: Amendment, signed: dt.date | None) -> tuple[list[DatedPart], Found, Found]:
    """The dated parts; the sentences regdraft cannot honour with why; those giving an instruction a second
    date (the first stands) with the sentence giving the first."""
    main = entry_into_force(amendment)
    own = {amendment.article.label: amendment.instructions,
           **{part.article.label: part.instructions for part in amendment.others}}
    kept = {a.label for a in (*amendment.opening, *amendment.closing)}
    parts: list[DatedPart] = []
    bad: Found = []
    twice: Found = []
    locations: dict[str, set[str]] = {}  # an amending article's instruction locations, gathered once
    # Each place given a date, by article: the first part giving it (a later part giving it the same place gives it the
    # same day, or it would have been taken out as given twice), so that a sentence is compared only with the parts
    # holding a place it may clash with, not with every part before it (1,500 dated sentences: a million pairs).
    held: dict[str, dict[str, int]] = {}
    for sentence in _sentences(amendment):
        named = sentence.dates(signed or dt.date.today())
        if len(named) > 1:  # `… từ ngày 01 tháng 01 năm 2026 và khoản 2 Điều 1 từ ngày …`: which takes which?
            bad.append((sentence, f"it names {len(named)} dates ({', '.join(str(d or '?') for d in named)}) in one "
                                  f"clause, and regdraft cannot tell which provisions take which date"))
            continue
        if main is not None and (sentence.sentence, sentence.clause) == (main.sentence, main.clause):
            continue
        article = sentence.article.split()[-1]
        chains_ = cited(sentence.clause or sentence.sentence, amendment.language, article)
        if not chains_:
            if main is None or sentence.date(signed or dt.date.today()) != main.date(signed or dt.date.today()):
                bad.append((sentence, "it names no instruction of the document"))
            continue
        day = sentence.date(signed or dt.date.today())
        places: list[tuple[str, str]] = []
        no_instruction: list[str] = []  # cited, in an amending article, but no instruction of it
        absent: list[str] = []  # cited, in no article of the document
        for chain in chains_:
            label = chain[0][1]
            if label in own:
                location = ".".join(lab for _, lab in chain[1:3])
                if label not in locations:
                    locations[label] = _locations(own[label])
                if location and location not in locations[label]:
                    no_instruction.append(_cite(chain, amendment.language))
                    continue
                places.append((label, location))
            elif label not in kept:
                absent.append(_cite(chain, amendment.language))
        # One warning a sentence for each kind, however many provisions: a sentence listing 1,500 the document does
        # not have gave 1,351 warnings, each quoting it whole (44 MB).
        if no_instruction:
            are = "is no instruction" if len(no_instruction) == 1 else "are no instructions"
            bad.append((sentence, f"{_some(no_instruction)} {are} of the document"))
        if absent:
            bad.append((sentence, f"the document has no {_some(absent, 'or')}"))
        if not places:
            continue
        if day is None:
            bad.append((sentence, "it names no date regdraft can read"))
            continue
        clashes = sorted({i for p in places for q, i in held.get(p[0], {}).items() if _clash(p, (p[0], q))})
        for earlier in (parts[i] for i in clashes):  # one instruction, two dates: the document contradicts itself
            clashing = [p for p in places if any(_clash(p, q) for q in earlier.places)]
            if clashing and earlier.day != day:
                twice.append((sentence, f"{cite_places(tuple(clashing), amendment.language)} "
                                        f"{'is' if len(clashing) == 1 else 'are'} given {day}, but "
                                        f"{earlier.sentence.place} already gives "
                                        f"{'it' if len(clashing) == 1 else 'them'} {earlier.day} "
                                        f"(“{_quoted(earlier.sentence)}”)"))
                places = [p for p in places if p not in clashing]
        if places:
            for label, location in places:
                held.setdefault(label, {}).setdefault(location, len(parts))
            parts.append(DatedPart(sentence, day, tuple(dict.fromkeys(places))))  # each place once
    return parts, bad, twice


SHOWN = 3  # the provisions a warning names before counting the rest


def _some(cites: list[str], last: str = "and") -> str:
    """`khoản 5 Điều 30`, `khoản 5 Điều 30 and khoản 6 Điều 30`, `khoản 5 Điều 30, khoản 6 Điều 30, khoản 7 Điều 30
    and 1,348 more (1,351 provisions)`: the first `SHOWN`, and how many in all."""
    if len(cites) <= SHOWN:
        return listed(cites, last)
    return f"{', '.join(cites[:SHOWN])} {last} {len(cites) - SHOWN:,} more ({len(cites):,} provisions)"


def _quoted(sentence: EntryIntoForce) -> str:
    """The sentence as a message quotes it: whole, or its start when it is longer than `QUOTED` characters."""
    return short(sentence.sentence, QUOTED)


def _cite(chain: list[tuple[Kind, str]], language: str) -> str:
    """`khoản 6 Điều 1`, `clause 6 of Article 1` (as the footnotes cite an instruction)."""
    return (" of " if language == "en" else " ").join(f"{noun(kind, language)} {label}"
                                                      for kind, label in reversed(chain))


def dated_parts(amendment: Amendment) -> list[DatedPart]:
    """The instructions the closing articles give a date of their own (post-condition 1)."""
    return _read(amendment, amendment.signed)[0]


def unresolved_sentences(amendment: Amendment) -> list[str]:
    """`Điều 2 says “…”, but regdraft cannot apply it: …`, one per sentence naming a date for something regdraft
    cannot resolve."""
    return [f"{s.place} says “{_quoted(s)}”, but regdraft cannot apply it: {why}"
            for s, why in _read(amendment, amendment.signed)[1]]


def given_twice(amendment: Amendment) -> list[str]:
    """`Điều 3 says “…”: khoản 6 Điều 1 is given 2027-07-01, but Điều 3 already gives it 2027-01-01 (“…”)`, one
    per sentence giving an instruction a second date (post-condition 5)."""
    return [f"{s.place} says “{_quoted(s)}”: {why}" for s, why in _read(amendment, amendment.signed)[2]]


def unresolved(amendment: Amendment) -> list[Problem]:
    """A warning for each sentence naming a date for something regdraft cannot resolve (post-condition 2)."""
    return [Problem(f"{s.place} says “{_quoted(s)}”, but regdraft cannot apply it: {why}; every instruction "
                    f"would take effect on the document's own date", amendment.source, s.line)
            for s, why in _read(amendment, amendment.signed)[1]] + [
        Problem(f"{s.place} says “{_quoted(s)}”: {why}; the first date stands, the document contradicting itself",
                amendment.source, s.line) for s, why in _read(amendment, amendment.signed)[2]]


def before_signing(amendment: Amendment, signed: dt.date) -> list[DatedPart]:
    """The dated parts taking effect before `signed`: a retroactive effect, or a mistyped year (post-condition 4)."""
    return [part for part in _read(amendment, signed)[0] if part.day < signed]  # the parts regdraft applies


def early(amendment: Amendment) -> list[Problem]:
    """`amend check`: a warning for each dated part taking effect before the document is signed (its `signed`, else
    today: it is signed today at the earliest), which adoption refuses."""
    signed = amendment.signed or dt.date.today()
    when = f"on {signed}" if amendment.signed else f"(today, {signed}, at the earliest)"
    return [Problem(f"{s.place} says “{_quoted(s)}”: {cite_places(part.places, amendment.language)} would take "
                    f"effect on {part.day}, before the document is signed {when}; adopting it is refused unless the "
                    f"retroactive effect is meant (correct the year otherwise)", amendment.source, s.line)
            for part in before_signing(amendment, signed) for s in (part.sentence,)]


def cite_places(places: tuple[tuple[str, str], ...], language: str) -> str:
    """`khoản 6 Điều 1`, `điểm a khoản 19 Điều 1, khoản 20 Điều 1`: the instructions at `places`."""
    kinds = (Kind.CLAUSE, Kind.POINT)
    return ", ".join(_cite([(Kind.ARTICLE, a), *zip(kinds, loc.split(".") if loc else [], strict=False)], language)
                     for a, loc in places)


def described(amendment: Amendment) -> list[str]:
    """`Khoản 6 Điều 1 takes effect on 2027-01-01 (Điều 2: “Quy định tại khoản 6 …”).`, one sentence per dated part,
    as `amend adopt` prints it and its commit message records it; a sentence in a numbered paragraph is cited as
    `amend check` cites it (`khoản 2 Điều 2: “…”`)."""
    out = []
    for part in dated_parts(amendment):
        cited = cite_places(part.places, amendment.language)
        out.append(f"{cited[:1].upper()}{cited[1:]} {'takes' if len(part.places) == 1 else 'take'} effect on "
                   f"{part.day} ({part.sentence.place}: “{part.sentence.sentence}”).")
    return out


def _split(instructions: tuple[Instruction, ...], chosen: set[str]) -> tuple[tuple[Instruction, ...],
                                                                             tuple[Instruction, ...]]:
    """The instructions at `chosen` locations (with what is nested in them), and the rest."""
    taken: list[Instruction] = []
    left: list[Instruction] = []
    for ins in instructions:
        if ins.location in chosen:
            taken.append(ins)
        elif ins.children and any(c.startswith(ins.location + ".") for c in chosen):
            inner, outer = _split(ins.children, chosen)
            if inner:
                taken.append(replace(ins, children=inner))
            if outer:
                left.append(replace(ins, children=outer))
        else:
            left.append(ins)
    return tuple(taken), tuple(left)


def stages(amendment: Amendment) -> tuple[Amendment, ...]:
    """The amendment split by the dates its instructions take effect (post-condition 3)."""
    label = amendment.article.label
    parts = [p for p in dated_parts(amendment) if any(a == label for a, _ in p.places)]
    if not parts or amendment.effective is None:
        return (amendment,)
    rest = amendment.instructions
    out: list[Amendment] = []
    for part in parts:
        chosen = {loc for a, loc in part.places if a == label}
        if "" in chosen:  # the whole article
            taken, rest = rest, ()
        else:
            taken, rest = _split(rest, chosen)
        if taken:
            named = cite_places(tuple(p for p in part.places if p[0] == label), amendment.language)
            out.append(replace(amendment, meta={**amendment.meta, "effective": part.day, STAGED: named},
                               instructions=taken))
    main = replace(amendment, instructions=rest)
    return (main, *out) if rest else tuple(out)

"""Structural checks on a regulation tree: label sequences, duplicates, articles outside chapters.

`validate(reg) -> list[Problem]`, run by `regdraft.core.markdown.parse` and after applying amendments.

Post-conditions of `validate`:
1. Within each article and clause, clauses and points run 1, 2, 3 (a, b, c ...) with no
   duplicates or gaps; the same holds for sections within a chapter, sub-sections (tiểu mục) within a
   section, and for articles, chapters
   and parts through the whole document.
   A translation (`translation_of` in its front matter, docs/format.md) may hold selected articles of its
   original, so its parts, chapters, sections, sub-sections, articles and appendices may skip numbers (`Article 6`,
   then `Article 9`); they still run in order, with no duplicates. An article it holds is translated whole: its
   clauses and points run without gaps.
2. An inserted label (`5a`, `d1`) directly follows its base or an earlier insertion on it (in a translation: follows
   it in order, its base perhaps left out).
3. When the document uses chapters, every article is inside one or directly inside a part
   (the Civil Code's last part holds articles with no chapter); sections run 1, 2, 3 within
   their chapter, or within their part or the whole document when they stand under no chapter.
   Appendices stand after every other unit and run I, II, III (or 1, 2, 3) among themselves.
4. No unit but a repealed placeholder is empty: a point or clause has text (or, for a clause, points), an
   article a title, text or clauses, a part, chapter or section a title or units below it. A point's
   or clause's text of punctuation alone (`b1) ;`, `3. .`) is no text.
5. Each problem carries the file and line and names the unit with the document's words
   (`Điều 5`, `Article 5`); an empty list means the tree passes.
6. An article in `clean` (by identity: an article read before whose inside passed, `markdown.read(reuse=)`)
   is checked only where it stands, not inside: what is inside an article depends on it alone. `dirty`, when
   given, receives the identities of the articles with a problem inside them.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from regdraft.core.errors import Problem
from regdraft.core.labels import POINT_LETTERS, appendix_alphabet, written
from regdraft.core.model import Kind, Regulation, Unit, base_label, label_order, noun
from regdraft.core.patterns import lazy


def validate(reg: Regulation, clean: Container[int] = (), dirty: set[int] | None = None) -> list[Problem]:
    """Structural checks on a tree: label sequences, duplicates, articles outside chapters."""
    problems: list[Problem] = []
    lang = reg.language
    alphabet = reg.alphabet
    selected = bool(str(reg.meta.get("translation_of") or "").strip())  # a translation: gaps allowed (post-cond. 1)
    uses_chapters = any(u.kind is Kind.CHAPTER or any(c.kind is Kind.CHAPTER for c in u.children) for u in reg.units)
    articles: list[Unit] = []
    chapters: list[Unit] = []
    parts: list[Unit] = []

    def visit(units: Sequence[Unit], parent: Unit | None) -> None:
        for unit in units:
            kind = unit.kind
            if kind is not Kind.CLAUSE and kind is not Kind.POINT and _empty(unit):
                problems.append(_empty_problem(unit, f"{noun(kind, lang)} {unit.label}", reg.source))
            if kind is Kind.ARTICLE:
                articles.append(unit)
                if uses_chapters and parent is None:
                    problems.append(Problem(
                        f"{noun(Kind.ARTICLE, lang)} {unit.label} is not inside any chapter, "
                        "but this document uses chapters.",
                        reg.source, unit.line))
                if id(unit) in clean:
                    continue
                if dirty is not None:
                    found = len(problems)
                    inside(unit, parent)
                    if len(problems) > found:
                        dirty.add(id(unit))
                    continue
            elif kind is Kind.CHAPTER:
                chapters.append(unit)
            elif kind is Kind.PART:
                parts.append(unit)
            inside(unit, parent)

    def inside(unit: Unit, parent: Unit | None) -> None:
        kind, children = unit.kind, unit.children
        if not children:  # a point, or a unit with nothing below it
            if unit.closing:
                problems.append(Problem(
                    f"{_where(unit, parent, lang)} has a closing text but no points or clauses above it to close.",
                    reg.source, unit.line))
            return
        if kind is Kind.ARTICLE or kind is Kind.CLAUSE:
            for child in children:
                if _empty(child):
                    name = f"{noun(child.kind, lang)} {child.label}"
                    where = _where(unit, parent, lang)
                    problems.append(_empty_problem(
                        child, f"{name} of {where}" if lang == "en" else f"{name} {where}", reg.source))
            clauses = [c for c in children if c.kind is Kind.CLAUSE]
            points = [c for c in children if c.kind is Kind.POINT] if len(clauses) < len(children) else []
            for found, below in ((clauses, Kind.CLAUSE), (points, Kind.POINT)):
                if found:
                    _sequence(found, below, lang, reg.source, problems, (unit, parent), alphabet=alphabet)
        elif kind is Kind.CHAPTER or kind is Kind.PART:
            _sequence([c for c in children if c.kind is Kind.SECTION], Kind.SECTION, lang, reg.source,
                      problems, f"{noun(kind, lang)} {unit.label}", selected)
        elif kind is Kind.SECTION:
            _sequence([c for c in children if c.kind is Kind.SUBSECTION], Kind.SUBSECTION, lang, reg.source,
                      problems, f"{noun(kind, lang)} {unit.label}", selected)
        visit(children, unit)

    visit(reg.units, None)
    appendices = [u for u in reg.units if u.kind is Kind.APPENDIX]
    if appendices:
        first = reg.units.index(appendices[0])
        after = next((u for u in reg.units[first:] if u.kind is not Kind.APPENDIX), None)
        if after is not None:
            appendix = f"{noun(Kind.APPENDIX, lang)} {appendices[0].label}"
            problems.append(Problem(f"{noun(after.kind, lang)} {after.label} comes after {appendix}; appendices "
                                    "follow the last article.", reg.source, after.line))
    if selected:
        _sequence(appendices, Kind.APPENDIX, lang, reg.source, problems, "", selected,
                  appendix_alphabet(u.label for u in appendices))
    else:
        problems.extend(_appendix_sequence(appendices, lang, reg.source))
    _sequence([u for u in reg.units if u.kind is Kind.SECTION], Kind.SECTION, lang, reg.source, problems, "",
              selected)
    _sequence(articles, Kind.ARTICLE, lang, reg.source, problems, "", selected)
    _sequence(chapters, Kind.CHAPTER, lang, reg.source, problems, "", selected)
    _sequence(parts, Kind.PART, lang, reg.source, problems, "", selected)
    return problems


# What an empty unit lacks, by kind: a point or clause needs its text (or, for a clause, points below a
# lead-in); an article may be untitled (older texts) but not also without text and clauses.
_MISSING = {Kind.POINT: "text", Kind.CLAUSE: "text or points", Kind.ARTICLE: "title, text or clauses",
            Kind.APPENDIX: "title or text"}


_WORD = lazy(r"[^\W_]")  # a letter or digit: a paragraph without one holds no words


def _empty(unit: Unit) -> bool:
    """A unit left half-written: a label with no text, title or units below it (a repealed placeholder is not).
    A point's or clause's paragraph of punctuation alone (`b1) ;`: the end of the item kept, its words not yet
    written) is no text; an article's is left alone (an untitled article may open with any paragraph)."""
    if unit.title or unit.children or unit.closing or unit.repealed:
        return False
    if unit.kind is Kind.POINT or unit.kind is Kind.CLAUSE:
        return not any(_WORD.search(paragraph) for paragraph in unit.text)
    return not unit.text


def _empty_problem(unit: Unit, name: str, source: str) -> Problem:
    lacks = _MISSING.get(unit.kind, "title or articles")
    return Problem(f"{name[:1].upper() + name[1:]} has no {lacks}; finish it or delete its label.",
                   source, unit.line)


def _where(unit: Unit, parent: Unit | None, lang: str) -> str:
    if unit.kind is Kind.CLAUSE and parent is not None:
        of = " of " if lang == "en" else " "  # `clause 1 of Article 4`, as English citations run (r38 sweep BV F8)
        return f"{noun(Kind.CLAUSE, lang)} {unit.label}{of}{noun(Kind.ARTICLE, lang)} {parent.label}"
    return f"{noun(unit.kind, lang)} {unit.label}"


def _next_suffixes(kind: Kind, previous: str) -> tuple[str, ...]:
    """The suffixes an inserted label may take after one with `previous` (`` then `a`, a point's `1` (`d1`);
    `a` then `b`; `1` then `2`). Any suffix after one regdraft does not count through (`aa`)."""
    if not previous:
        return ("1",) if kind is Kind.POINT else ("a",)
    if previous.isdigit():
        return (str(int(previous) + 1),)
    if len(previous) == 1 and "a" <= previous < "z":
        return (chr(ord(previous) + 1),)
    return ()


def _sequence(units: Sequence[Unit], kind: Kind, lang: str, source: str, problems: list[Problem],
              holder: str | tuple[Unit, Unit | None], selected: bool = False, alphabet: str = "vi") -> None:
    """Labels must run 1, 2, 3 (a, b, c ...) with inserted labels right after their base; points in `alphabet`
    (`Regulation.alphabet`).

    `holder` names the unit holding them, or is that unit and its parent, named only for a problem. `selected`: the
    units of a translation holding selected ones of its original, whose labels need only run in order.
    """
    name = noun(kind, lang)
    previous: tuple[int, str] = (0, "")
    seen: set[str] = set()

    def shown(unit: Unit) -> str:
        # Built only when there is a problem: most sequences are fine and this is hot.
        where = holder if isinstance(holder, str) else _where(*holder, lang)
        label_text = written(kind, unit.label, lang)
        text = f"{name} {label_text}" + (f" of {where}" if where and lang == "en" else f" {where}" if where else "")
        return text[:1].upper() + text[1:]

    def at(position: int, suffix: str = "") -> str:
        # the label at a position, as the text writes it (`dd` for đ in English)
        return written(kind, base_label(kind, position, alphabet) + suffix, lang)

    for unit in units:
        if unit.label in seen:
            problems.append(Problem(
                f"{shown(unit)} appears twice; each number may be used only once.", source, unit.line))
            continue
        seen.add(unit.label)
        position, suffix = label_order(kind, unit.label, alphabet)
        if position == 0:
            why = _why_invalid(kind, unit.label, lang, alphabet)
            problems.append(Problem(f"{shown(unit)} does not have a valid label: {why}.",
                                    source, unit.line))
            continue
        if selected:
            if (position, len(suffix), suffix) <= (previous[0], len(previous[1]), previous[1]):
                problems.append(Problem(
                    f"{shown(unit)} is out of order: it comes after {name} {at(*previous)}. A translation may leave "
                    f"some out, but keeps its original's order.", source, unit.line))
            previous = (position, suffix)
            continue
        if suffix:
            ok = position == previous[0] and (len(suffix), suffix) > (len(previous[1]), previous[1])
            if not ok:
                problems.append(Problem(
                    f"{shown(unit)} is out of place: an inserted {name} must follow "
                    f"{name} {at(position)}.",
                    source, unit.line))
            elif (following := _next_suffixes(kind, previous[1])) and suffix not in following:
                # `Điều 40b` right after `Điều 40`: an amendment inserting after it would have to write 40a
                wanted = " or ".join(f"{name} {at(position, s)}" for s in following)
                problems.append(Problem(
                    f"{shown(unit)} is out of sequence: expected {wanted} after {name} {at(position, previous[1])}.",
                    source, unit.line))
        elif position != previous[0] + 1:
            after = f" after {name} {at(previous[0])}" if previous[0] else " first"
            problems.append(Problem(
                f"{shown(unit)} is out of sequence: expected {name} {at(previous[0] + 1)}{after}.", source, unit.line))
        previous = (position, suffix)


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _appendix_sequence(appendices: Sequence[Unit], lang: str, source: str) -> list[Problem]:
    """Appendices numbered by their place among the appendices (I, II, III; 1, 2, 3; A, B, C …), each named as the
    text names it (`Phụ lục III`, `Annex C`, `Schedule 3`) and in its own numbering: one out of place is said with its
    place, the appendix before it and the number it should have, and each of the others is checked by its own place,
    not against the one before it (one wrong number is one problem, not two).

    Said before as `Appendix C is out of sequence: expected Appendix B after Appendix A.` of `Annex C`, the expected
    number in Roman numerals of `Schedule 3` or `Phụ lục 3`, and a second problem for the next appendix."""
    alphabet = appendix_alphabet(u.label for u in appendices)
    problems: list[Problem] = []
    seen: list[Unit] = []
    for unit in appendices:
        this = _appendix_name(unit, lang)
        if any(other.label == unit.label for other in seen):
            problems.append(Problem(f"{this} appears twice; each number may be used only once.", source, unit.line))
            continue
        place = len(seen) + 1
        position, suffix = label_order(Kind.APPENDIX, unit.label, alphabet)
        if position == 0:
            why = _why_invalid(Kind.APPENDIX, unit.label, lang, alphabet)
            problems.append(Problem(f"{this} does not have a valid label: {why}.", source, unit.line))
        elif (position, suffix) != (place, ""):
            expected = _appendix_name(unit, lang, _numbered_as(unit.label, place, alphabet))
            where = f", after {_appendix_name(seen[-1], lang)}" if seen else ""
            elsewhere = any(_appendix_name(other, lang) == expected for other in appendices)
            fix = f"move {expected} before it" if elsewhere else f"add the missing {expected} before it"
            series = ", ".join(_numbered_as(unit.label, n, alphabet) for n in (1, 2, 3))
            ordinal = _ORDINALS[place - 1] if place <= len(_ORDINALS) else f"{place}th"
            problems.append(Problem(
                f"{this} is out of sequence: it is the {ordinal} {_appendix_word(unit)}{where}, so it should be "
                f"{expected} (they are numbered {series} … in the order they stand); renumber it, or {fix}.",
                source, unit.line))
        seen.append(unit)
    return problems


def _appendix_name(unit: Unit, lang: str, label: str | None = None) -> str:
    """An appendix as the text names it (`Annex C`, `Schedule 3`, `Phụ lục III`), or so with another `label`."""
    if unit.designation:
        word = unit.designation[:-len(unit.label)].rstrip() if unit.designation.endswith(unit.label) else ""
        if word:
            return f"{word} {unit.label if label is None else label}"
    return f"{noun(Kind.APPENDIX, lang)} {written(Kind.APPENDIX, unit.label if label is None else label, lang)}"


def _appendix_word(unit: Unit) -> str:
    """What the text calls its appendices, in a sentence: `annex`, `schedule`; `appendix` for `Phụ lục`."""
    word = unit.designation[:-len(unit.label)].strip() if unit.designation.endswith(unit.label) else ""
    return word.lower() if word.isascii() and word.isalpha() else "appendix"


def _numbered_as(label: str, place: int, alphabet: str) -> str:
    """The label at `place` numbered as `label` is: in figures (`3`, `03` as `01` is written), letters or Roman."""
    if label.isdigit():
        return str(place).zfill(len(label)) if label.startswith("0") else str(place)
    return base_label(Kind.APPENDIX, place, alphabet)


def _why_invalid(kind: Kind, label: str, language: str = "vi", alphabet: str = "vi") -> str:
    """Why `label` labels no unit of `kind`, as `regdraft show` says of an address naming it; points lettered as
    the text in `language` letters them (`dd` for `đ` in English), in `alphabet`."""
    if kind is Kind.POINT:
        dd = written(kind, "đ", language)
        if alphabet == "en":
            return (f"'{written(kind, label, language)}' is not a point label (points are lettered a, b, c … z, "
                    "an inserted one b1, b2 …)")
        if label[:1].isalpha() and label[:1] not in POINT_LETTERS:
            return (f"'{written(kind, label, language)}' is not a point label (points are lettered as the Vietnamese "
                    f"alphabet runs: a, b, c, d, {dd}, e, g, h ..., with no f, j, w or z)")
        return f"'{written(kind, label, language)}' is not a point label (a, b, {dd}, d1 ...)"
    if kind is Kind.CHAPTER:
        return f"'{label}' is not a chapter number (Roman numerals: I, II, III ...)"
    if kind is Kind.APPENDIX:
        letters = " or A, B ..." if language == "en" else ""
        return f"'{label}' is not an appendix number (I, II ... or 1, 2 ...{letters})"
    return f"'{label}' is not a number (write it like 12 or 12a)"

"""Where an inserted unit goes and the label it must have (`regdraft.core.amend.apply` inserts it).

Post-conditions of `insert(units, op, new, language, alphabet)` (points in `alphabet`, `labels.point_alphabet`):
1. The new unit goes right after `op.after`, or at the end of `op.parent`; an article added to a part, chapter,
   section or sub-section goes right after the last article in it, or with `op.first` right before the first,
   inside the unit holding that article (`vào cuối Tiểu mục 1 Mục 1 Chương II`, `vào đầu Mục 2 Chương II`).
2. Its label is the one inserted after the unit before it (5a after 5, d1 after d), or the next number after the
   last; anything else raises `NotApplied` naming the label expected. No existing unit is renumbered.
3. The first appendix of a document that has none (`op` with neither `after` nor `parent`, or `after` its last
   article) goes after everything else, labelled I (or 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from regdraft.core.amend.operations import InsertUnit
from regdraft.core.amend.tree import NotApplied, existing, find_unit, missing, replace_at
from regdraft.core.labels import appendix_alphabet, indefinite, written
from regdraft.core.model import Address, Kind, Segment, Unit, base_label, label_order, noun

Units = tuple[Unit, ...]


def next_insert_label(kind: Kind, label: str) -> str:
    """The label an inserted unit takes after `label`: 5 -> 5a -> 5b; d -> d1 -> d2."""
    position, suffix = label_order(kind, label)
    base = label[: len(label) - len(suffix)] if suffix else label
    if kind is Kind.POINT:
        return f"{base}{int(suffix) + 1 if suffix else 1}"
    if not suffix:
        return f"{base}a"
    del position
    return base + suffix[:-1] + chr(ord(suffix[-1]) + 1) if suffix[-1] != "z" else base + suffix + "a"


def _siblings(units: Units, parent: Address | None, kind: Kind) -> list[Unit]:
    """The units of `kind` an inserted one is numbered among: articles and chapters through the whole document."""
    if kind in (Kind.ARTICLE, Kind.CHAPTER) or parent is None:
        out: list[Unit] = []
        collect_articles(units, out, kind)
        return out
    holder = find_unit(units, parent) if parent is not None else None
    return [c for c in holder.children if c.kind is kind] if holder is not None else []


def collect_articles(units: Sequence[Unit], out: list[Unit], kind: Kind = Kind.ARTICLE) -> None:
    """The units of `kind` (articles, or chapters) in document order, wherever they stand."""
    for unit in units:
        if unit.kind is kind:
            out.append(unit)
        elif unit.kind in (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION):
            collect_articles(unit.children, out, kind)


def insert(units: Units, op: InsertUnit, new: Unit, language: str, alphabet: str = "vi") -> Units:
    """`units` with `new` inserted where `op` says; `NotApplied` when its label does not fit there."""
    kind, label = op.target.kind, op.target.label
    word = noun(kind, language)
    shown = op.target.describe(language)
    if kind is Kind.POINT and op.target.label.startswith("đ"):
        alphabet = "vi"  # a point lettered `dd` runs the Vietnamese alphabet, as the text will (`Regulation.alphabet`)
    if kind is Kind.APPENDIX and op.parent is None and (op.after is None or op.after.kind is not Kind.APPENDIX):
        return _first_appendix(units, op, new, language)
    if op.after is not None:
        sibling = find_unit(units, op.after)
        if sibling is None:
            raise NotApplied(missing(units, op.after, language))
        parent = op.after.parent()
        if parent is not None:
            existing(units, parent, language)
        siblings = _siblings(units, parent, kind)
        if any(s.label == label for s in siblings):
            raise NotApplied(f"{shown} already exists; choose the next free label.")
        index = next(i for i, s in enumerate(siblings) if s.label == sibling.label)
        expected = next_insert_label(kind, sibling.label)
        is_last = index == len(siblings) - 1
        if kind is Kind.APPENDIX:  # numbered as the document numbers them: III, 3 (or 03) or C after the one before
            alphabet = appendix_alphabet(s.label for s in siblings)
        next_number = base_label(kind, label_order(kind, sibling.label, alphabet)[0] + 1, alphabet)
        roman: tuple[str, ...] = ()
        if kind is Kind.APPENDIX and sibling.label.isdigit():  # `Phụ lục 3` after `Phụ lục 2` (III was taken too)
            roman, next_number = (next_number,), str(int(sibling.label) + 1).zfill(len(sibling.label))
        if label != expected and not (is_last and label in (next_number, *roman)):
            def named(label: str) -> str:  # `point dd` in English (docs/format.md)
                return f"{word} {written(kind, label, language)}"

            message = (f"{named(label)} is out of place: {indefinite(word)} inserted after {named(sibling.label)} is "
                       f"labelled {written(kind, expected, language)}")
            if is_last:  # after the last one, the next label is as right (`g` after `e`: Vietnamese points take no `f`)
                message += f", or {written(kind, next_number, language)} as the last"
            base = label_order(kind, sibling.label, alphabet)[0]
            run = [s.label for s in siblings[index + 1 :] if label_order(kind, s.label, alphabet)[0] == base]
            if run:
                message += f", and {named(run[-1])} already follows it, so insert after {named(run[-1])}"
            raise NotApplied(message + ".")
        return replace_at(units, op.after, lambda u: [u, new])
    assert op.parent is not None
    holder = existing(units, op.parent, language)
    if kind is Kind.ARTICLE:
        return _append_article(units, op, holder, new, language)
    same = [c for c in holder.children if c.kind is kind]
    other = [c for c in holder.children if c.kind is not kind]
    if other and not same:
        raise NotApplied(
            f"{op.parent.describe(language)} is divided into {noun(other[0].kind, language)}s; "
            f"add the {word} to one of them."
        )
    if any(c.label == label for c in same):
        raise NotApplied(f"{shown} already exists.")
    last = label_order(kind, same[-1].label, alphabet)[0] if same else 0
    expected = base_label(kind, last + 1, alphabet)
    if label != expected:
        raise NotApplied(
            f"{word} {written(kind, label, language)} is out of place: a {word} added at the end of "
            f"{op.parent.describe(language)} takes the next label, {written(kind, expected, language)}."
        )
    return replace_at(units, op.parent, lambda u: [replace(u, children=(*u.children, new))])


def _append_article(units: Units, op: InsertUnit, holder: Unit, new: Unit, language: str) -> Units:
    """An article added to a part, chapter, section or sub-section goes right after the last article in it, or with
    `first` right before the first, inside the unit holding that article. It is labelled as one inserted after the
    article before it (`Điều 27a` after Điều 27); after the last article of all, it may take the next number."""
    assert op.parent is not None
    articles = _siblings(units, None, Kind.ARTICLE)
    word, label = noun(Kind.ARTICLE, language), op.target.label
    if any(a.label == label for a in articles):
        raise NotApplied(f"{op.target.describe(language)} already exists.")
    inside: list[Unit] = []
    collect_articles(holder.children, inside)
    if not inside:  # a document without articles yet: the first is Điều 1
        expected = base_label(Kind.ARTICLE, 1)
        if articles or label != expected:
            raise NotApplied(f"{word} {label} cannot be added to {op.parent.describe(language)}, which holds no "
                           f"article; insert it after the article before it.")
        return replace_at(units, op.parent, lambda u: [replace(u, children=(*u.children, new))])
    anchor = inside[0] if op.first else inside[-1]
    at = next(i for i, a in enumerate(articles) if a is anchor)
    before = articles[at - 1] if op.first and at else None if op.first else anchor
    end = "head" if op.first else "end"
    if before is None:
        raise NotApplied(f"{word} {label} cannot be added at the head of {op.parent.describe(language)}: "
                       f"no article comes before {word} {anchor.label}.")
    expected = next_insert_label(Kind.ARTICLE, before.label)
    next_number = base_label(Kind.ARTICLE, label_order(Kind.ARTICLE, before.label)[0] + 1)
    is_last = before is articles[-1]
    if label != expected and not (is_last and label == next_number):
        alternative = f" (or {next_number}, after the last article)" if is_last else ""
        raise NotApplied(f"{word} {label} is out of place: an article added at the {end} of "
                       f"{op.parent.describe(language)} follows {word} {before.label}, so it is labelled "
                       f"{expected}{alternative}.")
    place = Address((Segment(Kind.ARTICLE, anchor.label),))
    return replace_at(units, place, lambda u: [new, u] if op.first else [u, new])


def _first_appendix(units: Units, op: InsertUnit, new: Unit, language: str) -> Units:
    """The first appendix, after everything else: `Bổ sung Phụ lục I vào cuối Luật`, or `vào sau Điều 33` when
    Điều 33 is the last article."""
    word, shown = noun(Kind.APPENDIX, language), op.target.describe(language)
    appendices = [u for u in units if u.kind is Kind.APPENDIX]
    if any(a.label == op.target.label for a in appendices):
        raise NotApplied(f"{shown} already exists.")
    if appendices:
        last = Address((Segment(Kind.APPENDIX, appendices[-1].label),)).describe(language)
        raise NotApplied(f"{shown} cannot be added there: a new {word} goes after the last one, {last}.")
    if op.after is not None:
        articles: list[Unit] = []
        collect_articles(units, articles)
        if find_unit(units, op.after) is None:
            raise NotApplied(missing(units, op.after, language))
        if op.after.kind is not Kind.ARTICLE or not articles or articles[-1].label != op.after.label:
            end = (f"the last article, {Address((Segment(Kind.ARTICLE, articles[-1].label),)).describe(language)}"
                   if articles else "the last unit")
            raise NotApplied(f"{shown} cannot be added after {op.after.describe(language)}: the first {word} "
                             f"follows {end}.")
    if op.target.label not in (base_label(Kind.APPENDIX, 1), "1", *(("A",) if language == "en" else ())):
        raise NotApplied(f"{shown} is out of place: the first {word} is labelled {base_label(Kind.APPENDIX, 1)}.")
    return (*units, new)

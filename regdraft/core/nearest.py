"""The nearest existing provision, for an address that names nothing in a regulation.

Post-conditions of `missing_message` (and of `missing_part_message`, for a lead-in, closing text, dash or
plus item a unit lacks):
1. It names the regulation's file, the missing provision and the provision above it when that exists.
2. It lists what exists at that level (`clauses 1–4`, `points a, b, b1`; `a lead-in and 2 dash items`) and
   suggests the nearest by position (`did you mean khoản 4 Điều 5 (d5.k4)?`), or says there is none (a
   missing part suggests its unit as a whole).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from regdraft.core.address import (
    END,
    INTRO,
    TITLE,
    Address,
    Segment,
    dash_part,
    is_dash_part,
    part_name,
    plus_ordinals,
)
from regdraft.core.counts import count, listed, several
from regdraft.core.errors import UnknownUnit
from regdraft.core.labels import Kind, label_order, noun, outside_series, written

if TYPE_CHECKING:
    from regdraft.core.model import Regulation


def missing_message(reg: Regulation, target: Address) -> str:
    """Why `target` is not in `reg`: the provision above it and what it has, and the nearest one.

    `khoản 9 Điều 5` in an article with clauses 1 to 4 gives "regulations/01-QC-TU.md: Điều 5
    has no khoản 9 (khoản 9 Điều 5 does not exist): it has clauses 1–4; did you mean khoản 4
    Điều 5 (d5.k4)?".
    """
    where = reg.source or reg.id or "the regulation"
    parent = target.parent()
    language = reg.language
    if parent is not None:
        try:
            holder = reg.find(parent)
        except UnknownUnit as exc:
            return str(exc)
        siblings = [unit_child for unit_child in holder.unit.children if unit_child.kind is target.kind]
        above = parent.describe(language)
        head = (f"{where}: {above} has no {noun(target.kind, language)} {written(target.kind, target.label, language)} "
                f"({target.describe(language)} does not exist)")
        if outside := outside_series(target.kind, target.label, reg.alphabet):
            head = f"{head}: {outside}"
        if not siblings:
            return f"{head}: it has no {several(2, target.kind.value)}."
        labels = [s.label for s in siblings]
        # A point is placed in the text's own alphabet: `f` comes after `e` in an English text (r38 sweep BV F7).
        nearest = parent.child(target.kind, _nearest(target.kind, target.label, labels, reg.alphabet))
        return (f"{head}: it has {_plural_kind(target.kind, len(labels))} "
                f"{_span(target.kind, labels, language, reg.alphabet)}; "
                f"did you mean {nearest.describe(language)} ({nearest.short(language)})?")
    same = [loc.address for loc in reg.walk() if loc.address.kind is target.kind and len(loc.address.segments) == 1]
    described = target.describe(language)
    if not same:
        return f"{where}: {described} does not exist."
    labels = [a.label for a in same]
    nearest = Address((Segment(target.kind, _nearest(target.kind, target.label, labels)),))
    return (f"{where}: {described} does not exist: the regulation has {_plural_kind(target.kind, len(labels))} "
            f"{_span(target.kind, labels)}; did you mean {nearest.describe(language)} ({nearest.short(language)})?")


def absent_above(reg: Regulation, target: Address) -> str | None:
    """Why a unit above `target` is not in `reg`, None when every one is: the outermost missing one, named with
    the document and what is there instead (`Điều 100 does not exist in Nghị định 63/2010/NĐ-CP (it has Điều
    1–36)`, `khoản 9 Điều 5 does not exist in … (Điều 5 has khoản 1–4)`)."""
    from regdraft.core.frontmatter import document_number

    language = reg.language
    for depth in range(1, len(target.unit.segments)):
        above = Address(target.unit.segments[:depth])
        try:
            reg.find(above)
        except UnknownUnit:
            break
    else:
        return None
    holder = above.parent()
    if holder is None:
        labels = [loc.address.label for loc in reg.walk()
                  if loc.address.kind is above.kind and len(loc.address.segments) == 1]
    else:
        labels = [u.label for u in reg.find(holder).unit.children if u.kind is above.kind]
    name = " ".join(str(p) for p in (reg.meta.get("type"), document_number(reg.meta)) if p) or reg.id
    word = noun(above.kind, language)
    if language == "en" and len(labels) > 1:
        word += "s"
    has = f"{word} {_span(above.kind, labels)}" if labels else f"no {several(2, above.kind.value)}"
    whose = "it" if holder is None else holder.describe(language)
    return f"{above.describe(language)} does not exist in {name} ({whose} has {has})"


def missing_part_message(reg: Regulation, target: Address, parts: Sequence[str]) -> str:
    """Why the part `target` names is not in the unit holding it, which has `parts` (`parts.unit_parts`): the
    parts it has and the nearest.

    `d6.k2.a.dash5` in a point with two dash items gives "…: điểm a khoản 2 Điều 6 has no gạch đầu dòng thứ
    năm (gạch đầu dòng thứ năm điểm a khoản 2 Điều 6 does not exist): it has a lead-in and 2 dash items; did
    you mean gạch đầu dòng thứ hai điểm a khoản 2 Điều 6 (d6.k2.a.dash2)?". A plus item of a dash item that
    is not there names the dash item; a unit without such parts suggests the unit as a whole. An article with
    no title (`Điều 31` alone on its heading line) says so: "…: Điều 31 has no title (tên Điều 31 does not
    exist): its heading is its number alone; did you mean Điều 31 (d31)?".
    """
    where = reg.source or reg.id or "the regulation"
    language = reg.language
    whole = target.unit
    if target.part == TITLE:
        return (f"{where}: {whole.describe(language)} has no title ({target.describe(language)} does not exist): "
                f"its heading is its number alone; did you mean {whole.describe(language)} ({whole.short(language)})?")
    plus = plus_ordinals(target.part)
    if plus is not None and dash_part(plus[0]) not in parts:
        return missing_part_message(reg, whole.with_part(dash_part(plus[0])), parts)
    head = (f"{where}: {whole.describe(language)} has no {_part_noun(target.part, target.kind, language)} "
            f"({target.describe(language)} does not exist)")
    if plus is not None:
        dash = dash_part(plus[0])
        same = [p for p in parts if p.startswith(f"{dash}.")]
        has = (f"its {_part_noun(dash, target.kind, language)} has "
               + (count(len(same), "plus item", plural_form="plus items") if same else "no plus items"))
        nearest = whole.with_part(same[-1] if same else dash)
    else:
        same = [p for p in parts if is_dash_part(p)] if is_dash_part(target.part) else []
        has = f"it has {_parts_summary(parts)}"
        nearest = whole.with_part(same[-1]) if same else whole
    return f"{head}: {has}; did you mean {nearest.describe(language)} ({nearest.short(language)})?"


def _part_noun(part: str, kind: Kind, language: str) -> str:
    """A part named without its unit: `gạch đầu dòng thứ năm`, `fifth dash item`, `lead-in`."""
    return part_name(part, kind, language).removeprefix("the ").removesuffix(" of")


def _parts_summary(parts: Sequence[str]) -> str:
    """`a title, a lead-in, 2 dash items and a closing text`; `no lead-in, dash items or closing text`."""
    dashes = sum(1 for p in parts if is_dash_part(p))
    pieces = ["a title"] if TITLE in parts else []
    pieces += ["a lead-in"] if INTRO in parts else []
    pieces += [count(dashes, "dash item", plural_form="dash items")] if dashes else []
    pieces += ["a closing text"] if END in parts else []
    if not pieces:
        return "no lead-in, dash items or closing text"
    return listed(pieces)


def _plural_kind(kind: Kind, number: int) -> str:
    return several(number, kind.value, plural_form="appendices" if kind is Kind.APPENDIX else None)


def _nearest(kind: Kind, label: str, labels: Sequence[str], alphabet: str = "vi") -> str:
    """The label in `labels` closest in order to `label` (the earlier one on a tie); points in `alphabet`."""
    position, suffix = label_order(kind, label, alphabet)
    return min(labels, key=lambda other: (abs(label_order(kind, other, alphabet)[0] - position),
                                          label_order(kind, other, alphabet)[1] != suffix,
                                          label_order(kind, other, alphabet)))


def _span(kind: Kind, labels: Sequence[str], language: str = "vi", alphabet: str = "vi") -> str:
    """`1–4` for labels running without gaps or suffixes; otherwise the labels listed (`1, 2, 2a and 3`); points as
    the text in `language` letters them (`a–dd` in English), in order in `alphabet`."""
    positions = [label_order(kind, label, alphabet) for label in labels]
    plain = all(not suffix for _, suffix in positions)
    numbers = [p for p, _ in positions]
    labels = [written(kind, label, language) for label in labels]
    if len(labels) > 2 and plain and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"{labels[0]}–{labels[-1]}"
    if len(labels) > 12:
        return f"{', '.join(labels[:5])} … {', '.join(labels[-3:])}"
    return listed(labels)


def _key(name: str) -> str:
    from regdraft.core.text import unaccented

    return re.sub(r"[^a-z0-9]", "", unaccented(name))


def nearest_names(name: str, known: Sequence[str], limit: int = 3) -> list[str]:
    """The names in `known` a mistyped `name` most likely means: those with the same letters and
    digits (`01qc-tu` for `01-QC/TU`), else those starting with them, else the closest by spelling."""
    import difflib

    keys = {_key(k): k for k in known}
    wanted = _key(name)
    if not wanted:
        return []
    same = [k for k in known if _key(k) == wanted]
    if same:
        return same[:limit]
    starting = [k for k in known if _key(k).startswith(wanted)]
    if starting:
        return starting[:limit]
    return [keys[k] for k in difflib.get_close_matches(wanted, list(keys), n=limit, cutoff=0.75)]


def unknown_name(what: str, name: str, known: Sequence[str], where: str = "") -> str:
    """`There is no regulation '01QC' in regulations: did you mean 01-QC/TU? The regulations are 01-QC/TU, ...`."""
    suggested = nearest_names(name, known)
    head = f"There is no {what} '{name}'{' ' + where if where else ''}"
    head += f": did you mean {' or '.join(suggested)}?" if suggested else "."
    shown = ", ".join(known[:12]) + (f" and {len(known) - 12} more" if len(known) > 12 else "")
    if len(known) == 1:
        return f"{head} The only {what} is {shown}."
    return f"{head} The {what}s are {shown}." if known else f"{head} There are no {what}s yet."

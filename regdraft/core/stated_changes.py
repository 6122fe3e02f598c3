"""A comparison as one amendment states its changes: the kinds its instructions give the provisions they name
(`with_stated_kinds`), and the phrases they add, replace or delete marked whole where they say (`with_added_words`,
`with_replaced_words`). Each takes `regdraft.core.diff.compare`'s result and gives it back so marked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from regdraft.core.diff import ChangeKind, Comparison, Provision, changes, differs, numbered, part_kind
from regdraft.core.model import END, INTRO, Address
from regdraft.core.word_diff import DiffSegment, diff_phrases, new_side, old_side, placed

# Kinds an amendment states for a whole provision: what changed inside it is part of that change.
_WHOLE = (ChangeKind.AMENDED, ChangeKind.INSERTED, ChangeKind.REPEALED)


def with_stated_kinds(comparison: Comparison, stated: Mapping[str, ChangeKind]) -> Comparison:
    """The comparison with the provisions an amendment names labelled as the amendment states.

    `stated` maps address codes (`d5.k2`, or a part of it: `d5.k2.intro`) to the kind of change the amending
    instruction makes.

    Post-conditions:
    1. A provision named in `stated` that differs between the versions is listed with the stated
       kind, also when only its clauses or points changed (`khoản 2 Điều 5` amended, not just its
       point b).
    2. Changes inside a provision stated as amended, inserted or repealed belong to it: they stay
       marked in the text but are not listed on their own, unless `stated` names them too.
    3. A provision whose parts alone are named (`Sửa đổi, bổ sung đoạn mở đầu khoản 2`, `Bãi bỏ đoạn cuối`)
       is listed with those parts and their stated kinds in `parts`, and `part_kind` of them as its kind;
       its clauses and points keep their own listing.
    4. Every other change keeps the kind read from the text.
    5. Listed changes are anchored `chg-1`, `chg-2` ... in document order.
    """
    whole: dict[str, ChangeKind] = {}
    parts: dict[str, list[tuple[str, ChangeKind]]] = {}
    for code, kind in stated.items():
        address = Address.parse(code)
        if address.part:
            parts.setdefault(str(address.unit), []).append((address.part, kind))
        else:
            whole[code] = kind
    provisions = numbered(tuple(_stated(p, whole, parts, False) for p in comparison.provisions))
    return replace(comparison, provisions=provisions, changes=tuple(changes(provisions)))


def with_added_words(comparison: Comparison, added: Mapping[str, Sequence[str]]) -> Comparison:
    """The comparison with the words an amendment adds marked as it states them: `added` maps address codes to the
    phrases its instructions add there (`Bổ sung cụm từ “, bảo hiểm thất nghiệp” vào sau …`), and an insertion the
    word diff put a few characters off (`bảo {+hiểm thất nghiệp, bảo +}hộ`) is moved onto them (`placed`)."""
    if not added:
        return comparison
    by_unit: dict[str, list[str]] = {}
    for code, phrases in added.items():
        by_unit.setdefault(str(Address.parse(code).unit), []).extend(phrases)
    provisions = tuple(_placed_words(p, by_unit) for p in comparison.provisions)
    return replace(comparison, provisions=provisions, changes=tuple(changes(provisions)))


def with_replaced_words(comparison: Comparison, replaced: Mapping[str, Sequence[str]]) -> Comparison:
    """The comparison with the phrases an amendment replaces or deletes marked whole, as its instructions state them:
    `replaced` maps address codes to the old and new phrases of the instructions there (`Thay thế cụm từ “A” bằng
    cụm từ “B”`), and each provision so named is compared again with those phrases as single words
    (`word_diff.diff_phrases`): `[-A-]{+B+}`, not a word diff of A against B."""
    if not replaced:
        return comparison
    by_unit: dict[str, list[str]] = {}
    for code, phrases in replaced.items():
        by_unit.setdefault(str(Address.parse(code).unit), []).extend(phrases)
    provisions = tuple(_whole_phrases(p, by_unit, comparison.strict_tones) for p in comparison.provisions)
    return replace(comparison, provisions=provisions, changes=tuple(changes(provisions)))


def _whole_phrases(p: Provision, replaced: Mapping[str, Sequence[str]], strict: bool) -> Provision:
    if p.identical:
        return p
    children = tuple(_whole_phrases(c, replaced, strict) for c in p.children)
    phrases = replaced.get(str(p.address))
    if not phrases or p.change not in (ChangeKind.WORDS_REPLACED, ChangeKind.WORDS_DELETED):
        return replace(p, children=children)

    def again(segments: tuple[DiffSegment, ...]) -> tuple[DiffSegment, ...]:
        if not differs(segments):
            return segments
        return diff_phrases(old_side(segments), new_side(segments), phrases, strict_tones=strict)

    return replace(p, title=again(p.title), text=again(p.text), closing=again(p.closing), children=children)


def _placed_words(p: Provision, added: Mapping[str, Sequence[str]]) -> Provision:
    if p.identical:
        return p
    text, closing = p.text, p.closing
    for phrase in added.get(str(p.address), ()):
        text, closing = placed(text, phrase), placed(closing, phrase)
    return replace(p, text=text, closing=closing, children=tuple(_placed_words(c, added) for c in p.children))


def _stated(p: Provision, whole: Mapping[str, ChangeKind], parts: Mapping[str, list[tuple[str, ChangeKind]]],
            inside: bool) -> Provision:
    if p.identical:
        return p
    kind = whole.get(str(p.address))
    children = tuple(_stated(c, whole, parts, inside or kind in _WHOLE) for c in p.children)
    if kind is not None:
        return replace(p, change=kind, children=children, anchor="listed", parts=())
    # A part restated as it was is no change of it (its clause is listed for its points, if at all).
    named = [(part, k) for part, k in parts.get(str(p.address), ()) if differs(p.closing if part == END else p.text)]
    named.sort(key=lambda pk: (pk[0] == END, pk[0] != INTRO))  # lead-in, dash items, closing text: reading order
    if named:
        return replace(p, change=part_kind(named), children=children, anchor="listed", parts=tuple(named))
    return replace(p, children=children, anchor="" if inside else p.anchor)

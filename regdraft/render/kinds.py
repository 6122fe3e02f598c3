"""The kind of a listed change in the document's words: the redline summary's label and the comparison table's note.

Post-conditions of `kind_words`:
1. A change stated for parts of a provision names each part with what happened to it, as the amending
   instruction says it: `sửa đổi, bổ sung đoạn mở đầu` (`Sửa đổi, bổ sung đoạn mở đầu khoản 2 ...`),
   `bãi bỏ đoạn cuối`, `lead-in amended`; words replaced, deleted or added in a part are `thay thế cụm từ`,
   `bỏ cụm từ` or `bổ sung cụm từ` (`Bổ sung cụm từ “A” vào sau cụm từ “B”`: nothing replaced), wherever they
   stand. Several parts are joined by `; `.
2. Any other change is the profile's word for its kind (`kind_amended` ...).
3. A profile of an office's own that lacks the words for a part says `kind_amended` instead: the
   provision was amended, never inserted or repealed as a whole.
4. A provision amended by an instruction that says only `Sửa đổi` (`Sửa đổi Điều 5:`, Nghị định 48/2013) is
   `sửa đổi` (`kind_amended_only`, `kind_part_amended_only`), the instruction's own verb, as the consolidated
   text's note says it (`Điều này được sửa đổi`); `Sửa đổi, bổ sung …` is `sửa đổi, bổ sung`.
5. Words changed in a provision (no part named) are labelled by what the instructions changing them there do, not by
   the comparison alone: `thay thế, bổ sung cụm từ` for one replacing words and one adding words in one clause (it read
   `bổ sung cụm từ`, the replacement's new words holding the old), `thay thế cụm từ` for `Thay thế cụm từ “A” bằng
   cụm từ “A B”` (`words_done`); the comparison's kind where no instruction of the documents compared says it, or the
   profile lacks the words for what they do together (`kind_words_replaced_added` …).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from regdraft.core.diff import ChangeKind, Provision, amends_only
from regdraft.core.model import END, INTRO, Kind, part_name
from regdraft.core.word_diff import Op

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment

_WORDS_KINDS = (ChangeKind.WORDS_REPLACED, ChangeKind.WORDS_DELETED, ChangeKind.WORDS_ADDED)


def kind_words(words: Mapping[str, str], kind: ChangeKind, parts: Sequence[tuple[str, ChangeKind]] = (),
               unit_kind: Kind = Kind.CLAUSE, language: str = "vi", only: bool = False) -> str:
    """The label of a change of `kind`, or of the changes `parts` made to the parts of a `unit_kind` provision;
    `only`: its instruction amends without supplementing (`only_amends`)."""
    if only:
        words = {**words, **{key: words[f"{key}_only"] for key in ("kind_amended", "kind_part_amended")
                             if f"{key}_only" in words}}
    if not parts:
        return words.get(f"kind_{kind.name.lower()}", "")
    labels: list[str] = []
    for part, part_kind in parts:
        if part_kind in _WORDS_KINDS:
            label = words.get(f"kind_{part_kind.name.lower()}", "")
        else:
            phrase = words.get(f"kind_part_{part_kind.name.lower()}")
            label = phrase.replace("{part}", _noun(part, unit_kind, language)) if phrase else words["kind_amended"]
        if label not in labels:
            labels.append(label)
    return "; ".join(labels)


def _noun(part: str, unit_kind: Kind, language: str) -> str:
    """A part as a noun on its own: `đoạn mở đầu`, `phần cuối` (of an article), `lead-in`, `second dash item`."""
    name = part_name(part, unit_kind, language)
    if language != "en":
        return name
    return name.removeprefix("the ").removeprefix("a ").removesuffix(" of")


def only_amends(amendments: Sequence[Amendment], change: Any) -> bool:
    """Whether every instruction of `amendments` (an amendment, or a run of adopted ones) that replaces the listed
    change's provision (or a part of it) says only `Sửa đổi` (post-condition 4); False for a change no instruction
    replaces."""
    address = getattr(change, "address", None)
    if not amendments or address is None:
        return False
    from regdraft.core.amend.grammar import ReplaceUnit

    said = [ins.text for amendment in amendments for ins in amendment.leaves()
            if isinstance(ins.op, ReplaceUnit) and ins.op.target.unit == address.unit]
    return bool(said) and all(amends_only(text) for text in said)


def in_title_alone(change: Any) -> bool:
    """Whether the words a listed change (the summary's `Change` or the table's row, a `Provision`) replaces or
    deletes stand in its provision's title alone, so that it is named `tên Điều 3`, as the instruction names it."""
    if isinstance(change, Provision):
        kind, body = change.change, (*change.text, *change.closing)
    else:
        kind, body = change.kind, change.segments
    return (kind in _WORDS_KINDS and any(s.op is not Op.EQUAL for s in change.title)
            and not any(s.op is not Op.EQUAL for s in body))


def in_part_alone(provision: Provision | None) -> str:
    """The part (`intro`, `end`) in which alone the words a listed change replaces, deletes or adds stand, in a
    provision with clauses or points; "" otherwise. Its summary line and row name it, `đoạn mở đầu Điều 37`, as the
    instruction does (`… tại đoạn mở đầu Điều 37`): not `Điều 37`, which reads as if the whole article changed."""
    if provision is None or provision.change not in _WORDS_KINDS or in_title_alone(provision):
        return ""
    if not any(unit is not None and unit.children for unit in (provision.old, provision.new)):
        return ""
    if provision.parts:  # as the instruction names them
        named = {part for part, _ in provision.parts}
        return next(iter(named)) if len(named) == 1 and named <= {INTRO, END} else ""
    lead_in, closing = (any(s.op is not Op.EQUAL for s in side) for side in (provision.text, provision.closing))
    return INTRO if lead_in and not closing else END if closing and not lead_in else ""


_DONE = ("replaced", "deleted", "added")


def words_done(amendments: Sequence[Amendment], provision: Provision | None) -> tuple[str, ...]:
    """What the instructions of `amendments` changing words in `provision` do to them (`replaced`, `deleted`,
    `added`, in that order): each instruction naming it, a unit it lies in or one inside it, whose phrase stands in
    its old text, and each changing a phrase throughout that stands there (post-condition 5)."""
    if provision is None or provision.old is None or provision.old_address is None or not amendments:
        return ()
    from regdraft.core.amend.grammar import ReplaceWords

    address, old = provision.old_address.unit, provision.old
    text = "\n".join((old.title or "", old.all_text()))
    done: set[str] = set()
    for amendment in amendments:
        for ins in amendment.leaves():
            op = ins.op
            if not isinstance(op, ReplaceWords) or not op.old or op.old not in text:
                continue
            if op.throughout or any(t.unit.contains(address) or address.contains(t.unit)
                                    for t in (*op.targets, *op.titles)):
                done.add("added" if op.position else "replaced" if op.new else "deleted")
    return tuple(verb for verb in _DONE if verb in done)


def words_label(words: Mapping[str, str], done: Sequence[str]) -> str:
    """The label of words changed as `done` says (`thay thế, bổ sung cụm từ`); "" when the profile has no words for
    it (an office's own profile)."""
    return words.get(f"kind_words_{'_'.join(done)}", "") if done else ""

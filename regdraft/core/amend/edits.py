"""The amending instructions that turn the text in force into the drafter's edited text.

`instructions_from_edits(old, edited)` compares two versions of a regulation by address
(existing units are never renumbered, so an address is a stable identity) and writes the
instructions of Điều 1 as the amend package's own `Instruction` objects
(`regdraft.workspace.regenerate` puts them into an amending document in the workspace). The steps
are planned by `regdraft.core.amend.plan`; this module checks the edited text, words the plan and
checks that the instructions reproduce it.

Choices (docs/from-edits.md):
- A changed dash (plus) item is amended on its own; two or more amended items of one holder amend the
  holder (the point, clause or dash item) as a whole, as amending documents re-enact it.
- A changed point is amended on its own; a clause or article is amended as a whole when more
  than half of its children changed (amended, inserted or repealed), unless its new text would then
  quote a repealed unit's placeholder, or its lead-in changed with its title or closing text. A
  changed lead-in otherwise is amended on its own (`Sửa đổi, bổ sung đoạn mở đầu khoản 2 như
  sau:`, as Luật 57/2024 writes it), followed by its changed children. A
  changed article title alone is renamed, unless a phrase instruction names it (below); a title
  given to an untitled article, or deleted, re-enacts the article (there is no title to rename), but
  for one given beside repeals alone (renamed, and the repeals written). Points (clauses) repealed with
  nothing else of their clause (article) changed but its title are repealed, however many.
- One phrase replaced (or deleted) identically is one `Thay thế cụm từ` (`Bỏ cụm từ`)
  instruction when it changed in two or more provisions, or in the lead-in (or closing text) of a
  unit that has children; `trong toàn bộ Quy chế` when those provisions hold every occurrence. The phrase is
  widened by whole words until it is unambiguous where it applies (`regdraft.core.amend.replacements`);
  a provision with other edits is amended on its own and not named by the phrase instruction,
  but an article whose title changed so, with other edits, is named by its title
  (`tại tên Điều 3, điểm a khoản 7 Điều 3`, as Luật 57/2024 writes it).
- Inserted units take the instruction `Bổ sung X vào sau Y` (suffixed labels, articles, and the next
  number at the end of a clause or article: `Bổ sung điểm e vào sau điểm đ khoản 1 Điều 17`, as
  Luật 57/2024 writes it), or `Bổ sung X vào Y` (the first point or clause of a unit that had none);
  an article before the first article of a part, chapter, section or sub-section takes `Bổ sung Điều 27a
  vào đầu Tiểu mục 2 Mục 1 Chương II` (after Điều 27 it would end Tiểu mục 1).
  Units inserted one after another are named in one instruction with one quote (`Bổ sung điểm n và điểm o vào
  sau điểm m khoản 2 Điều 27`, `core.amend.inserted_runs`); the `;` ending điểm m before them is left to applying.
- A unit deleted from the edited text or turned into a placeholder is repealed; consecutive
  repeals are joined in one instruction. A deleted unit stays as a placeholder, except at the
  end of a unit amended as a whole: its new text, quoted in full, simply leaves it out (deleted
  or left as a placeholder, or repealed already: no amending law enacts `4. (được bãi bỏ)`), as
  Luật 57/2024 rewrites Điều 29 of Luật Đấu thầu with two of its four clauses.
- Two or more consecutive instructions on the points of one clause (or the clauses of one
  article) are nested under `Sửa đổi, bổ sung một số điểm của khoản 1 Điều 4 như sau:`; on the
  clauses of one article and the points of several of its clauses, under `Sửa đổi, bổ sung một
  số điểm, khoản của Điều 3 như sau:` (`wording.layout`). A clause's lead-in counts as a change to that
  clause (`b) Sửa đổi, bổ sung đoạn mở đầu khoản 2 như sau:` under `một số điểm, khoản của Điều 19`).
  Consecutive points (clauses) all amended whole are named in one sentence with one quote instead (`Sửa đổi, bổ
  sung điểm b và điểm c khoản 1 Điều 6 như sau:`, Luật 57/2024; `core.amend.siblings`).
  Two or three points (clauses) of one kind in one provision, all amended whole but not consecutive, keep their a)
  and b) under a heading that names them (`Sửa đổi, bổ sung điểm b và điểm đ khoản 1 Điều 45 như sau:`, `khoản 4
  và khoản 10 Điều 78`, Luật 57/2024; three: `các khoản 1, 3 và 5`); more, or mixed changes, under `một số …`.

Post-conditions of `instructions_from_edits`:
1. Instructions are in document order, numbered 1, 2, ... (nested a, b, ...).
2. Rendered with `render_amendment`, read back with `load_amendment` and applied with
   `apply` to `old`, they give exactly `edited`'s provisions (deleted units as placeholders,
   but for those left out of the end of a unit amended as a whole);
   this is checked before returning, and `RegdraftError` is raised when it cannot hold.
3. Renumbered existing units (articles, clauses of an article, points of a clause, found by
   their content, also inside a unit amended as a whole) raise `RegdraftError` naming them,
   unless `allow_renumber` or the amendment being rewritten (`amended`) renumbers them already.
   A unit moved under a new label, gone from where it stood (Điều 8 deleted and its text
   inserted as Điều 6a), renumbers nothing: it is repealed and the new one inserted, with a note.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import NoReturn

from regdraft.core.address.designated import designating, designations
from regdraft.core.amend.apply import apply
from regdraft.core.amend.consequential import Punctuation, after_append, after_repeal
from regdraft.core.amend.document import Amendment, DocumentArticle, Instruction, load_amendment, render_amendment
from regdraft.core.amend.grammar import Operation, ReplaceUnit
from regdraft.core.amend.inserted_runs import inserted_together
from regdraft.core.amend.named import named_provisions
from regdraft.core.amend.plan import _CONTAINERS, cited_container, heads, plan
from regdraft.core.amend.preamble_edits import preamble_note
from regdraft.core.amend.rearranged import rearranged
from regdraft.core.amend.renumbering import moved_whole, renumber_message, renumbered, reordered
from regdraft.core.amend.siblings import joined
from regdraft.core.amend.tone_only import kept_tones, retyped
from regdraft.core.amend.wording import join_repeals, layout, number
from regdraft.core.errors import AmendmentConflict, ParseError, RegdraftError
from regdraft.core.item_ends import only_end_differs
from regdraft.core.markdown import validate
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Kind, Regulation, Unit, label_order, map_units, repealed_unit, unit_address
from regdraft.core.parts import part_text

_REARRANGED = {"closing marked": "marks where its closing text starts (đoạn cuối)",
               "closing unmarked": "makes its closing text (đoạn cuối) part of its last point or clause",
               "paragraphs": "divides its paragraphs differently among its parts"}


@dataclass(frozen=True, slots=True)
class Generated:
    """The generated instructions and notes for the drafter; `wholes` holds those of `notes` that speak of a unit
    amended as a whole (its address), true only while an instruction written still amends it whole."""

    instructions: tuple[Instruction, ...]
    notes: tuple[str, ...] = ()
    wholes: tuple[tuple[Address, str], ...] = ()


def instructions_from_edits(old: Regulation, edited: Regulation, *, allow_renumber: bool = False,
                            amended: Regulation | None = None) -> Generated:
    """The instructions that amend `old` into `edited` (see the module's post-conditions).

    `amended` is `old` as the amendment being rewritten leaves it (its preview): a renumbering it already
    makes (Điều 9 re-enacted with a clause inserted before khoản 4) is not the edited text's own. An English text's
    appendix is named by its own word (`The title of Schedule 1 is amended to read:`; `address.designated`)."""
    with designating({**designations(edited.units), **designations(old.units)}):
        return _from_edits(old, edited, allow_renumber, amended)


def unedited(old: Regulation, edited: Regulation) -> bool:
    """True when `edited` is `old` to the letter and its numbering checks: `instructions_from_edits` writes none."""
    return old == edited and not validate(edited)


def _from_edits(old: Regulation, edited: Regulation, allow_renumber: bool, amended: Regulation | None) -> Generated:
    language = old.language
    moves = renumbered(old, edited)
    if moves and amended is not None:
        made = set(renumbered(old, amended))
        moves = [move for move in moves if move not in made]
    moved = moved_whole(old, edited, moves)
    moves = [move for move in moves if move not in moved]
    new, removed = restore_removed(old, edited)
    retyped_text, (new, spelled) = new, kept_tones(old, new)
    numbering = validate(new)  # a unit deleted outright is back as a placeholder: no gap is left from it
    if numbering:
        _check_moves(old, new)  # an article cut and pasted into another chapter is out of sequence there
        raise ParseError.collect(numbering, "regulation")
    _check_structure(old, new)
    if moves and not allow_renumber:
        raise RegdraftError(renumber_message(moves, edited, language), options=("allow_renumber",))
    notes: list[str] = []
    if (preamble := preamble_note(old, edited)) is not None:
        notes.append(preamble)
    if spelled:
        pairs = list(dict.fromkeys(pair for a in spelled
                                   for pair in retyped(old.find(a).unit, retyped_text.find(a).unit)))
        shown = ", ".join(f"`{was}` retyped `{now}`" for was, now in pairs[:3]) + (", …" if len(pairs) > 3 else "")
        notes.append(f"The edited text changes only where tone marks sit in {named_provisions(spelled, language, 5)} "
                     f"({shown}); an amending document does not amend spelling, so the text in force keeps its own.")
    if dict(old.meta) != dict(edited.meta):
        notes.append("The edited text changes the front matter; that change is not in the instructions.")
    notes.extend(f"{a.describe(language)} keeps its words in {edited.source or 'the edited text'}, which only "
                 f"{_REARRANGED[how]}: a change of structure, not of words, so the instructions quote it as the edited "
                 "text arranges it." for a, how in rearranged(old, new))
    failure = ""
    # First without an instruction for the end of an item next to one inserted or repealed, which
    # applying changes by itself (as amending documents leave it); then with one, should that fail.
    undone = _ends_left_to_apply(old, new)
    # Units the edit repeals, deleted outright or left as placeholders, and those repealed already in the text in
    # force: none is quoted at the end of a unit amended whole (no amending law enacts `4. (được bãi bỏ)`).
    was_at = old.index()
    repealed = {loc.address for loc in new.walk() if loc.unit.repealed and loc.address in was_at}
    tries = [(text, words) for text in ((undone, new) if undone is not new else (new,))
             for words in ("throughout", "targeted", "none")]
    for planned_from, words in tries:
        planned, target, dropped = _written_whole(plan(old, planned_from, words), new, old, repealed)
        instructions = inserted_together(joined(number(layout(join_repeals(planned)), language,
                                                       str(old.meta.get("type") or ""), old.alphabet), target),
                                         language, old.alphabet)
        failure, marks = _verify(old, instructions, target)
        if not failure:
            source = edited.source or "the edited text"
            wholes: dict[Address, list[Address]] = {}
            for a in sorted(dropped, key=list(was_at).index):
                wholes.setdefault(dropped[a], []).append(a)
            away = dict(moved)
            wholes_said = tuple((whole, _left_out(whole, left, source, set(removed), old, language))
                                for whole, left in wholes.items())
            notes[:0] = [
                *(f"{a.describe(language)} is missing from {source}; it is repealed and stays in place as a "
                  "placeholder, as existing units are never removed or renumbered."
                  for a in removed if a not in dropped and a not in away),
                *(f"{a.describe(language)} stands in {source} as {b.describe(language)}: it is repealed and stays in "
                  f"place as a placeholder, and {b.describe(language)} is inserted with its text (the redline shows "
                  "it moved)." for a, b in moved),
                *(note for _, note in wholes_said)]
            notes.extend(f"Applying the instructions also changes the end of {m.address.describe(language)} from "
                         f"'{m.old}' to '{m.new}', a consequential edit the edited text does not make "
                         "(docs/amendments.md)." for m in marks)
            return Generated(instructions, tuple(notes), wholes_said)
    raise RegdraftError(f"regdraft could not write instructions that reproduce the edited text exactly "
                        f"({failure}); please report this with the two texts.")


def _ends_left_to_apply(old: Regulation, new: Regulation) -> Regulation:
    """`new` with the ends of items put back as `old` has them where nothing else in the item changed,
    the item next after it is new (inserted) or newly repealed, and applying that insertion or repeal
    gives the item its new end by itself (`regdraft.core.amend.consequential`), so no instruction needs
    to; `new` itself when there is no such item. An end the rules would not make (khoản 9 of an article
    whose clauses all end with '.' given a ';' beside a new khoản 10) stays the drafter's own edit, and
    the other items' ends are still left to applying."""
    before = old.index()

    def visit(holder: Unit | None, units: tuple[Unit, ...], parent: Address | None) -> tuple[Unit, ...]:
        out = list(units)
        for i, unit in enumerate(units):
            address = unit_address(unit, parent)
            was = before.get(address)
            if was is None or unit.repealed or was.unit.repealed:
                continue
            if unit.children:
                children = visit(unit, unit.children, address)
                if children is not unit.children:
                    out[i] = replace(unit, children=children)
                continue
            following = units[i + 1] if i + 1 < len(units) else None
            if (holder is None or following is None or following.kind is not unit.kind
                    or unit.kind not in (Kind.CLAUSE, Kind.POINT) or not only_end_differs(was.unit, unit)):
                continue
            then = before.get(unit_address(following, parent))
            if then is not None and not (following.repealed and not then.unit.repealed):
                continue
            trial = replace(holder, children=tuple(was.unit if k == i else u for k, u in enumerate(units)))
            if then is None:
                # The units inserted after it to the end, one instruction (`Bổ sung điểm n và điểm o vào sau điểm m`).
                run = [u for u in units[i + 1:] if u.kind is unit.kind]
                added = run if not any(unit_address(u, parent) in before for u in run) else [following]
                _, changes = after_append(trial, added[-1], also=added[:-1])
            else:
                _, changes = after_repeal(trial, following, then.unit)
            if any(changed == unit for changed, _, _ in changes):
                out[i] = was.unit
        return tuple(out) if any(a is not b for a, b in zip(out, units, strict=True)) else units

    units = visit(None, new.units, None)
    return new if units is new.units else new.with_units(units)


Planned = list[tuple[Operation, Unit | None]]


def _written_whole(planned: Planned, new: Regulation, old: Regulation,
                   removed: set[Address]) -> tuple[Planned, Regulation, dict[Address, Address]]:
    """The plan with the new text of each unit amended as a whole as an amending document writes it:
    the units the edited text dropped from its end are left out, not quoted as repealed placeholders
    (Luật 57/2024 rewrites Điều 29 of Luật Đấu thầu with two clauses where it had four, and their
    points); one dropped before a unit that stays keeps its place as a placeholder, so nothing is
    renumbered. Also the text the plan must give, and each unit left out -> the unit amended whole.

    A unit amended whole is quoted as `new` (the edited text, deleted units restored) has it: the
    plan may have been made with the ends of items left to applying (`_ends_left_to_apply`)."""
    dropped: dict[Address, Address] = {}
    out: list[tuple[Operation, Unit | None]] = []
    units = new.units
    for op, unit in planned:
        if isinstance(op, ReplaceUnit) and unit is not None and not op.target.part and not unit.repealed:
            left: list[Address] = []
            unit = without_dropped(new.find(op.target).unit, op.target, removed, left)
            if left:
                dropped.update(dict.fromkeys(left, op.target))
                units, _ = map_units(units, op.target, _put(unit))
        out.append((op, unit))
    return out, old.with_units(units), dropped


def _left_out(whole: Address, left: Sequence[Address], source: str, removed: set[Address], old: Regulation,
              language: str) -> str:
    """The note on the units the new text of `whole` leaves out: those the edit repeals, then those repealed
    already in the text in force (their placeholders)."""
    before = [a for a in left if old.find(a).unit.repealed]
    now = [a for a in left if a not in before]
    said = [f"what {source} {'no longer has' if set(now) <= removed else 'repeals'}: "
            f"{', '.join(a.describe(language) for a in now)}"] if now else []
    said += [f"{', '.join(a.describe(language) for a in before)}, repealed already in the text in force (no "
             "amending document quotes a placeholder)"] if before else []
    return f"{whole.describe(language)} is amended as a whole, and its new text leaves out {'; and '.join(said)}."


def _put(unit: Unit) -> Callable[[Unit], list[Unit]]:
    return lambda _old: [unit]


def without_dropped(unit: Unit, address: Address, removed: set[Address], left: list[Address]) -> Unit:
    """`unit` without the placeholders of dropped units (`removed`) that no unit of their kind follows. A unit with a
    closing text keeps them when none of its units would stay: the closing text would close nothing."""
    kept: list[Unit] = []
    before = len(left)
    for child in reversed(unit.children):
        at = unit_address(child, address)
        if at in removed and not any(k.kind is child.kind for k in kept):
            left.append(at)
            continue
        kept.append(child if child.repealed or not child.children else without_dropped(child, at, removed, left))
    children = tuple(reversed(kept))
    if unit.closing and unit.children and not children:
        del left[before:]
        return unit
    return unit if children == unit.children else replace(unit, children=children)


# Deleted units and structure ---------------------------------------------------------------


def _key(unit: Unit) -> tuple[int, int, str]:
    position, suffix = label_order(unit.kind, unit.label)
    return position, len(suffix), suffix


def restore_removed(old: Regulation, edited: Regulation) -> tuple[Regulation, list[Address]]:
    """`edited` with every unit it dropped put back as a repealed placeholder, and their addresses."""
    present = {loc.unit.label for loc in edited.articles()}
    removed: list[Address] = []
    units = _restore(old.units, edited.units, None, present, removed)
    return edited.with_units(units), removed


def _restore(old: Sequence[Unit], new: Sequence[Unit], parent: Address | None, present: set[str],
             removed: list[Address]) -> tuple[Unit, ...]:
    old_by = {(u.kind, u.label): u for u in old}
    out: list[Unit] = []
    for unit in new:
        before = old_by.get((unit.kind, unit.label))
        address = unit_address(unit, parent)
        if before is not None and not before.repealed and not unit.repealed and (before.children or unit.children):
            unit = replace(unit, children=_restore(before.children, unit.children, address, present, removed))
        out.append(unit)
    labels = {(u.kind, u.label) for u in new}
    for unit in old:
        if (unit.kind, unit.label) in labels or unit.kind in _CONTAINERS:
            continue
        if unit.kind is Kind.ARTICLE and unit.label in present:
            continue
        if not unit.repealed:
            removed.append(unit_address(unit, parent))
        same = [i for i, u in enumerate(out) if u.kind is unit.kind]
        earlier = [i for i in same if _key(out[i]) < _key(unit)]
        at = earlier[-1] + 1 if earlier else (same[0] if same else len(out))
        out.insert(at, repealed_unit(unit))
    return tuple(out)


def _chains(reg: Regulation) -> tuple[list[Address], dict[str, tuple[Address, ...]]]:
    containers: list[Address] = []
    chains: dict[str, tuple[Address, ...]] = {}
    for loc in reg.walk():
        if loc.unit.kind in _CONTAINERS:
            containers.append(loc.address)
        elif loc.unit.kind is Kind.ARTICLE:
            chains[loc.unit.label] = tuple(cited_container(loc.ancestors, a) for a in loc.ancestors)
    return containers, chains


def _check_structure(old: Regulation, new: Regulation) -> None:
    language = old.language
    old_containers, old_chains = _chains(old)
    new_containers, new_chains = _chains(new)
    if old_containers != new_containers:
        added = [a.describe(language) for a in new_containers if a not in old_containers]
        gone = [a.describe(language) for a in old_containers if a not in new_containers]
        change = "; ".join(filter(None, [f"adds {', '.join(added)}" if added else "",
                                         f"removes {', '.join(gone)}" if gone else ""])) or "reorders them"
        raise RegdraftError(f"The edited text changes the parts, chapters or sections ({change}); an amending "
                            "document can rename them but not add, remove, renumber or reorder them.")
    old_index = old.index()
    for loc in new.walk():
        if loc.unit.kind in _CONTAINERS:
            before = old_index[loc.address].unit
            if before.text != loc.unit.text:
                raise RegdraftError(f"The edited text changes the paragraphs directly under "
                                    f"{loc.address.describe(language)}; only articles, clauses and points can be "
                                    "amended, so move that text into an article.")
            if loc.unit.kind is Kind.PART and before.title != loc.unit.title:
                raise RegdraftError(f"The edited text renames {loc.address.describe(language)}; instructions can "
                                    "rename chapters, sections and articles, not parts.")
            if before.title and not loc.unit.title:
                raise RegdraftError(f"The edited text removes the title of {loc.address.describe(language)}; "
                                    "an amending document can change a title but not remove it.")
    previous: tuple[Address, ...] | None = None
    first = {address.label for address in heads(new)}
    for label, chain in new_chains.items():
        expected = old_chains.get(label, previous)
        if label not in old_chains and label in first and previous is not None:
            expected = chain  # inserted at the head of its section (`vào đầu Tiểu mục 2 Mục 1 Chương II`)
        if expected is not None and chain != expected:
            _moved(label, expected, label in old_chains, language)
        previous = chain


def _check_moves(old: Regulation, new: Regulation) -> None:
    """Refuse an existing article that stands once in `new`, under other chapters or sections than in `old`.

    Run before the numbering problems are reported: moved whole, the article is out of sequence where it now
    stands, and the drafter is told what cannot be done rather than which numbers are out of order. An article
    number standing twice (a mistyped heading) is left to the numbering problems."""
    if [loc.address for loc in old.walk() if loc.unit.kind in _CONTAINERS] != [
            loc.address for loc in new.walk() if loc.unit.kind in _CONTAINERS]:
        return  # the containers themselves changed: `_check_structure` says so
    _, old_chains = _chains(old)
    _, new_chains = _chains(new)
    seen = Counter(loc.unit.label for loc in new.articles())
    for label, chain in new_chains.items():
        if seen[label] == 1 and label in old_chains and chain != old_chains[label]:
            _moved(label, old_chains[label], True, old.language)
    if shifted := reordered(old, new):
        raise RegdraftError(_reordered_message(shifted, {loc.unit.label for loc in (*old.articles(), *new.articles())},
                                               old.language))


def _reordered_message(shifted: list[tuple[Address, Address | None]], labels: set[str], language: str) -> str:
    """Articles moved among the others with their numbers kept: what was done, and how an amendment writes it (the
    article left out and its text numbered as one inserted where it now stands: `renumbering.moved_whole`)."""
    said = []
    for article, after in shifted:
        name = article.describe(language)
        if after is None:
            said.append(f"{name} now stands first, keeping its number: number it as an article inserted where it "
                        f"stands and leave {name} out")
            continue
        label = after.label + "a"
        while label in labels:  # Điều 15a taken: 15b, 15c …
            label = label[:-1] + chr(ord(label[-1]) + 1)
        new_name = Address.parse("d" + label).describe(language)
        said.append(f"{name} now stands after {after.describe(language)}, keeping its number: number it {new_name} "
                    f"there and leave {name} out")
    return (f"The edited text moves an article among the others: {'; '.join(said)}. An article keeps its place in "
            "the numbering, so a moved one is out of sequence; numbered so, the instructions repeal the article (its "
            "placeholder stays) and insert the new one with its text, and the redline shows it moved.")


def _moved(label: str, expected: tuple[Address, ...], stands: bool, language: str) -> NoReturn:
    # The innermost container names those around it (`Mục 1 Chương II`): each named once, not `… Chương II Chương II`.
    where = expected[-1].describe(language) if expected else "the document's top level"
    raise RegdraftError(f"The edited text places {Address.parse('d' + label).describe(language)} outside "
                        f"{where}, where it {'stands' if stands else 'is inserted'}; articles "
                        "cannot be moved between chapters or sections, and an inserted article stays in "
                        "the chapter or section of the article it follows, or opens the next one.")


# Checking ------------------------------------------------------------------------------


def document(old: Regulation, instructions: tuple[Instruction, ...]) -> Amendment:
    """A bare amending document holding `instructions`, for checking them."""
    from regdraft.core.markdown import dump_front_matter

    meta = {"regulation": old.id, "language": old.language, "status": "draft"}
    return Amendment("generated", "<generated instructions>", meta, dump_front_matter(meta), (),
                     DocumentArticle("1", None), instructions)


def _verify(old: Regulation, instructions: tuple[Instruction, ...],
            target: Regulation) -> tuple[str, tuple[Punctuation, ...]]:
    """Empty when the instructions, written out and read back, turn `old` into `target`.

    The consequential punctuation that applying makes (the end of the item before an appended
    one) is accepted where the edited text does not make it, and returned so it can be noted.
    """
    text = render_amendment(document(old, instructions))
    try:
        applied = apply(old, load_amendment(text, "<generated instructions>", "generated"))
    except (ParseError, AmendmentConflict) as exc:
        return exc.report(), ()
    result, wanted = render(applied.regulation), render(target)
    if result == wanted:
        return "", ()
    if applied.punctuation and result == render(punctuated(target, applied.punctuation)):
        return "", tuple(m for m in applied.punctuation if not _ends(target, m.address, m.new))
    import difflib

    lines = list(difflib.unified_diff(wanted.splitlines(), result.splitlines(), lineterm="", n=0))
    return "the amended text differs: " + " / ".join(lines[2:6]), ()


def _last(unit: Unit, address: Address) -> int | None:
    """The index in `unit.text` of the last paragraph of the unit, or of the dash (plus) item `address` names."""
    if not address.part:
        return len(unit.text) - 1 if unit.text else None
    span = part_text(unit, address.part)
    return span[1] - 1 if span is not None else None


def _ends(reg: Regulation, address: Address, mark: str) -> bool:
    unit = reg.find(address).unit
    at = _last(unit, address)
    return at is not None and unit.text[at].endswith(mark)


def punctuated(reg: Regulation, marks: Sequence[Punctuation]) -> Regulation:
    """`reg` with the consequential punctuation edits made where it does not have them yet."""
    units = reg.units
    for mark in marks:
        def change(unit: Unit, m: Punctuation = mark) -> list[Unit]:
            at = _last(unit, m.address)
            if at is not None and unit.text[at].endswith(m.old):
                return [replace(unit, text=(*unit.text[:at], unit.text[at][: -len(m.old)] + m.new,
                                            *unit.text[at + 1:]))]
            return [unit]
        units, _ = map_units(units, mark.address.unit, change)
    return reg.with_units(units)

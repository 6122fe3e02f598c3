"""Cross-references between provisions: find them in the text (`refs.finding`), resolve them, check them:
references to provisions that do not exist, and those an amendment breaks or whose target it changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from regdraft.core.address.designated import designating, designations
from regdraft.core.errors import Problem
from regdraft.core.model import REPEALED_TEXT, TITLE, Address, Located, Regulation, Segment
from regdraft.core.parts import part_paragraphs
from regdraft.core.refs.cited import CitedIssue as CitedIssue
from regdraft.core.refs.cited import by_citation, named, quoted
from regdraft.core.refs.finding import Reference as Reference
from regdraft.core.refs.finding import find_references as find_references


@dataclass(frozen=True, slots=True)
class ReferenceIssue:
    """A reference an amendment breaks (`broken`) or whose target's content it changes (`check`).

    `changed` is the changed provision that makes the reference need attention, when known, and
    `how` says what the change did to it: `inserted`, `repealed` or `amended`.
    """

    reference: Reference
    target: Address
    kind: Literal["broken", "check"]
    changed: Address | None = None
    how: Literal["inserted", "repealed", "amended"] = "amended"

    def describe(self, language: str = "vi") -> str:
        """A sentence naming both ends: `khoản 2 Điều 7 refers to Điều 5, which ...` (`cited.CitedIssue`)."""
        return by_citation([self], language)[0].describe(language)

    def note(self, words: Mapping[str, str], language: str = "vi") -> str:
        """The same finding worded for the document a reviewer reads (the redline summary), in a
        profile's `words` (`reference_broken`, `reference_changed_by`, `reference_changed`)."""
        return by_citation([self], language)[0].note(words, language)


def cited_issues(before: Regulation, after: Regulation, changed: Iterable[Address]) -> list[CitedIssue]:
    """`affected_references`, one finding per citation and kind (`cited.by_citation`): what `amend check` and the
    redline's list of references say, one line for `points b to f of clause 1 of Article 2`; an English text's
    appendix named by its own word (`Schedule 1`: `address.designated`)."""
    with designating({**designations(after.units), **designations(before.units)}):
        return by_citation(affected_references(before, after, changed), after.language, after.index())


def _ancestry(reg: Regulation) -> dict[Address, tuple[Address, ...]]:
    """For each unit, the addresses of the units around it (chapters and sections included)."""
    out: dict[Address, tuple[Address, ...]] = {}
    stack: list[Address] = []
    for loc in reg.walk():
        depth = len(loc.ancestors)
        del stack[depth:]
        out[loc.address] = tuple(stack)
        stack.append(loc.address)
    return out


def _encloses(outer: Address, inner: Address, ancestry: dict[Address, tuple[Address, ...]]) -> bool:
    return outer.contains(inner) or outer in ancestry.get(inner, ())


class _Near:
    """The changed addresses, looked up by the addresses they may enclose or lie in.

    `_encloses` holds only between addresses that share their first segment (a unit and what is
    inside it) or where one is a heading or unit around the other (`ancestry`), or when one has no
    segment at all. So `around(x)` gives, in the changes' order, the few that may enclose `x` or
    lie inside it: every other change fails both tests. A law amended in a hundred places checked
    each reference against every change (26,000 tests for Luật 57/2024 on Luật Đấu thầu).
    """

    def __init__(self, changes: list[Address], ancestry: dict[Address, tuple[Address, ...]]) -> None:
        self.changes, self.ancestry = changes, ancestry
        self.position = {c: i for i, c in enumerate(changes)}  # the changes are distinct
        self.by_first: dict[Segment, list[int]] = {}
        self.below: dict[Address, list[int]] = {}  # an address -> the changes it stands around
        self.everywhere = [i for i, c in enumerate(changes) if not c.segments]
        for i, change in enumerate(changes):
            if change.segments:
                self.by_first.setdefault(change.segments[0], []).append(i)
            for around in ancestry.get(change, ()):
                self.below.setdefault(around, []).append(i)
        self._found: dict[Address, list[Address]] = {}

    def around(self, x: Address) -> list[Address]:
        """The changes that may enclose `x` or lie inside it (a superset), in the changes' order."""
        found = self._found.get(x)
        if found is None:
            if not x.segments:
                found = list(self.changes)
            else:
                picked = {*self.everywhere, *self.by_first.get(x.segments[0], ()), *self.below.get(x, ())}
                picked.update(i for a in self.ancestry.get(x, ()) if (i := self.position.get(a)) is not None)
                found = [self.changes[i] for i in sorted(picked)]
            self._found[x] = found
        return found


def _repealed_at(target: Address, index: dict[Address, Located]) -> bool:
    """True when the target, or a provision holding it, is a repealed placeholder."""
    probe: Address | None = target
    while probe is not None:
        loc = index.get(probe)
        if loc is not None and loc.unit.repealed:
            return True
        probe = probe.parent()
    return False


def _gone(target: Address, index: dict[Address, Located]) -> bool:
    return target not in index or _repealed_at(target, index)


def missing_targets(reg: Regulation) -> list[tuple[Reference, Address]]:
    """Internal references whose target does not exist or has been repealed, with that target."""
    index = reg.index()
    return [
        (ref, target)
        for ref in find_references(reg)
        if ref.external is None
        for target in ref.targets
        if _gone(target, index)
    ]


def affected_references(
    before: Regulation, after: Regulation, changed: Iterable[Address]
) -> list[ReferenceIssue]:
    """References in `after` to provisions the change repealed or removed, or whose text it changed.

    1. `broken`: the target existed (unrepealed) in `before` and is gone or repealed in `after`.
    2. `check`: the target is a changed provision, lies inside one or holds one; references
       standing in the changed text itself, or pointing at a unit that holds them, are left out.
       A renamed heading, given as its title (`ch2.m1.tm2.title`), concerns only references to its own unit.
    3. References that were already broken in `before` are not reported.
    4. A change that only moves tone marks (`Toà án` to `Tòa án`: the unit before and after differs in nothing else)
       touches no reference: it causes no `check` (Luật Công đoàn khoản 3 Điều 25 and khoản 9 Điều 22).
    """
    before_index, after_index = before.index(), after.index()
    changes = [c for c in dict.fromkeys(changed) if not _tones_only(c, before_index, after_index)]
    ancestry = {**_ancestry(before), **_ancestry(after)}
    return _affected(before, after, ancestry, _Near(changes, ancestry).around)


def _affected(before: Regulation, after: Regulation, ancestry: dict[Address, tuple[Address, ...]],
              around: Callable[[Address], list[Address]]) -> list[ReferenceIssue]:
    """`affected_references`, given the changes that may enclose a target or lie in it (`around`),
    in the changes' order; every change may be given (the tests compare with that)."""
    before_index, after_index = before.index(), after.index()
    issues: list[ReferenceIssue] = []
    for ref in find_references(after):
        if ref.external is not None:
            continue
        for target in ref.targets:
            if _gone(target, before_index):
                continue
            if _gone(target, after_index):
                cause = next((c for c in around(target) if _encloses(c, target, ancestry)), None)
                issues.append(ReferenceIssue(ref, target, "broken", cause))
                continue
            if _encloses(target, ref.source, ancestry):
                continue
            cause = next(
                (c for c in around(target) if not _encloses(c, ref.source, ancestry) and _touches(c, target, ancestry)),
                None,
            )
            if cause is not None:
                issues.append(ReferenceIssue(ref, target, "check", cause, _how(cause, before_index, after_index)))
    return issues


def _tones_only(changed: Address, before: Mapping[Address, Located], after: Mapping[Address, Located]) -> bool:
    """Whether the unit of a change reads, before and after, the same but for where tone marks sit."""
    from regdraft.core.amend.tone_only import same_but_tones

    was, now = before.get(changed.unit), after.get(changed.unit)
    return was is not None and now is not None and was.unit != now.unit and same_but_tones(was.unit, now.unit)


def _touches(changed: Address, target: Address, ancestry: dict[Address, tuple[Address, ...]]) -> bool:
    """Whether a change may alter what a reference to `target` says: the change lies in the target or holds it.
    A renamed heading (a change of its `TITLE`) touches only references to its own unit: the articles under a
    renamed chapter, section or sub-section keep their numbers and their text, and so do the clauses of an
    article whose title alone changed."""
    if changed.part == TITLE:
        return target.unit == changed.unit
    return _encloses(changed, target, ancestry) or _encloses(target, changed, ancestry)


def _how(changed: Address, before: dict[Address, Located], after: dict[Address, Located]) -> Literal[
        "inserted", "repealed", "amended"]:
    """What a change did to a provision, read from the texts before and after it."""
    if changed.part:  # a lead-in, closing text or dash item: the part itself, inside its unit
        was, now = before.get(changed.unit), after.get(changed.unit)
        old = part_paragraphs(was.unit, changed.part) if was is not None else ()
        new = part_paragraphs(now.unit, changed.part) if now is not None else ()
        if not old:
            return "inserted"
        return "repealed" if not new or (len(new) == 1 and new[0][2:] in REPEALED_TEXT.values()) else "amended"
    if changed not in before:
        return "inserted"
    if _gone(changed, after):
        return "repealed"
    return "amended"


def referring_to(reg: Regulation, address: Address) -> list[Reference]:
    """Internal references whose targets are `address` or units inside it."""
    ancestry = _ancestry(reg)
    return [
        ref
        for ref in find_references(reg)
        if ref.external is None and any(_encloses(address, t, ancestry) for t in ref.targets)
    ]


def referred_from(reg: Regulation, address: Address) -> list[Reference]:
    """References (external ones included) standing in `address` or in units inside it."""
    ancestry = _ancestry(reg)
    return [ref for ref in find_references(reg) if _encloses(address, ref.source, ancestry)]


def _refers(ref: Reference, target: Address, language: str) -> str:
    said = target.describe(language)
    return f"{ref.source.describe(language)} refers to {said}{quoted(ref, said)}"


def missing_message(reg: Regulation, ref: Reference, target: Address,
                    index: dict[Address, Located] | None = None) -> str:
    """The sentence `regdraft check` prints for a reference to a provision that does not exist."""
    index = reg.index() if index is None else index
    state = "has been repealed" if _repealed_at(target, index) else "does not exist"
    return f"{_refers(ref, target, reg.language)}, which {state}."


def missing_cited(reg: Regulation, index: dict[Address, Located] | None = None) -> list[
        tuple[Reference, tuple[Address, ...], str]]:
    """The references to provisions that do not exist or have been repealed, one per citation and state (`cited`),
    each with those provisions and `check`'s sentence: `… refers to điểm g và điểm h khoản 1 Điều 2, which do not
    exist.`; of one provision, `missing_message`."""
    index = reg.index() if index is None else index  # built once: a long law may have many missing references
    grouped: dict[tuple[Reference, bool], list[Address]] = {}
    for ref, target in missing_targets(reg):
        grouped.setdefault((ref, _repealed_at(target, index)), []).append(target)
    found: list[tuple[Reference, tuple[Address, ...], str]] = []
    for (ref, repealed), listed in grouped.items():
        targets = tuple(dict.fromkeys(listed))
        if len(targets) == 1:
            found.append((ref, targets, missing_message(reg, ref, targets[0], index)))
            continue
        said = named(targets, reg.language, index, ref.text)
        state = "have been repealed" if repealed else "do not exist"
        found.append((ref, targets, f"{ref.source.describe(reg.language)} refers to {said}{quoted(ref, said)}, "
                                    f"which {state}."))
    return found


def missing_problems(reg: Regulation) -> list[Problem]:
    """What `regdraft check` reports about references: each citation of provisions that do not exist, once."""
    return [Problem(message, reg.source, ref.line) for ref, _, message in missing_cited(reg)]

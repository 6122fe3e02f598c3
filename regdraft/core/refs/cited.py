"""Findings about references, one per citation: a citation of several provisions (`points b to f of clause 1 of
Article 2`, `các điểm a, b và c khoản 1 Điều 2`, `Article 2(1)(a) and (e)`) is one line of `check`, `amend check` and
the redline's list of references, naming the provisions it covers, where it was one nearly identical line per
provision (sweep r31/AR 2: five lines for `points b to f`).

Post-conditions of `by_citation(issues, ...)` and `core.refs.missing_problems(reg)`:
1. Each reference gives at most one finding of each kind (`broken`, `check`; for `check`, `does not exist` and
   `has been repealed`), in the order of the first provision reported; its `targets` are those provisions, each once,
   in the order cited.
2. A finding of one provision reads as the sentence of that provision alone (`ReferenceIssue.describe`,
   `missing_message`): only citations of several provisions change.
3. Several provisions are named together as an instruction cites them (`wording.cite_list`: `các điểm a, b và c
   khoản 1 Điều 2`, `points a and e of clause 1 of Article 2`); three or more points or clauses next to each other
   in their clause or article, with none between them, as a range (`từ điểm b đến điểm e khoản 1 Điều 2`, `points b
   to f of clause 1 of Article 2`), unless the list reads as the words cited. Those words follow in quotation marks
   where they read otherwise (`points a to c of clause 1 of Article 2 ("Article 2(1)(a), (b) and (c)")`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from regdraft.core.model import Address, Kind, Located, noun
from regdraft.core.refs.finding import Reference

if TYPE_CHECKING:
    from regdraft.core.refs import ReferenceIssue

How = Literal["inserted", "repealed", "amended"]
_VERBS = {"inserted": "inserts", "repealed": "repeals", "amended": "changes"}
_PLAIN_LETTER = re.compile(r"\(([^\W\d_]{1,3})\)")  # `(a)` as `a`
_VERB_WORDS = {"inserted": "reference_inserts", "repealed": "reference_repeals", "amended": "reference_amends"}


@dataclass(frozen=True, slots=True)
class CitedIssue:
    """What an amendment does to one citation: it breaks (`broken`) the provisions of `targets`, or changes what
    they say (`check`). `changes` are the changed provisions that make them need attention, named together by what
    the change did to them; empty where the targets' own text changed and nothing else (`whose text the amendment
    changes`). `said` names the targets together."""

    reference: Reference
    kind: Literal["broken", "check"]
    targets: tuple[Address, ...]
    said: str
    changes: tuple[tuple[How, str], ...] = ()

    def describe(self, language: str = "vi") -> str:
        """A sentence naming both ends: `khoản 1 Điều 3 refers to các điểm a, b và c khoản 1 Điều 2; ...`."""
        head = f"{self.reference.source.describe(language)} refers to {self.said}{quoted(self.reference, self.said)}"
        if self.kind == "broken":
            return f"{head}, which the amendment repeals or removes: the reference is broken."
        if self.changes:
            done = " and ".join(f"{_VERBS[how]} {named}" for how, named in self.changes)
            return f"{head}; the amendment {done}: check that the reference still holds."
        return f"{head}, whose text the amendment changes: check that the reference still holds."

    def note(self, words: Mapping[str, str], language: str = "vi") -> str:
        """The same finding worded for the document a reviewer reads (the redline summary), in a profile's `words`
        (`reference_broken`, `reference_changed_by`, `reference_changed`)."""
        # The words cited, in the document's own quotation marks (`(“points b to f of clause 1 of Article 12”)`).
        fields = {"source": self.reference.source.describe(language), "target": self.said,
                  "quoted": quoted(self.reference, self.said, "“", "”")}
        if self.kind == "broken":
            return words["reference_broken"].format(**fields)
        if self.changes:
            (how, first), *rest = self.changes
            joined = " and " if language == "en" else " và "
            more = "".join(f"{joined}{words[_VERB_WORDS[h]]} {named}" for h, named in rest)
            return words["reference_changed_by"].format(**fields, verb=words[_VERB_WORDS[how]], changed=first + more)
        return words["reference_changed"].format(**fields)


def by_citation(issues: Iterable[ReferenceIssue], language: str,
                index: Mapping[Address, Located] | None = None) -> list[CitedIssue]:
    """`issues` grouped by their reference and kind, one finding each (module docstring); `index`, of the text the
    references stand in, tells which points are next to each other (a range), else none is said as one."""
    index = {} if index is None else index
    grouped: dict[tuple[Reference, str], list[ReferenceIssue]] = {}
    for issue in issues:
        grouped.setdefault((issue.reference, issue.kind), []).append(issue)
    found = []
    for group in grouped.values():
        first = group[0]
        targets = tuple(dict.fromkeys(i.target for i in group))
        causes: dict[Address, How] = {}
        # Each target's own change is named only beside another change (`the amendment changes point b and repeals
        # …`); alone, the sentence says so (`whose text the amendment changes`).
        if first.kind == "check" and any(i.changed is not None and i.changed != i.target for i in group):
            for i in group:
                causes.setdefault(i.changed or i.target, i.how)
        changes = tuple((how, named([c for c, h in causes.items() if h == how], language, index))
                        for how in dict.fromkeys(causes.values()))
        said = named(targets, language, index, first.reference.text)
        found.append(CitedIssue(first.reference, first.kind, targets, said, changes))
    return found


def named(addresses: Sequence[Address], language: str, index: Mapping[Address, Located], cited: str = "") -> str:
    """Provisions named together (module docstring, 3); one as `Address.describe` names it. Of the list and the
    range, the one that reads as the words `cited` is taken (`các điểm a, b và c khoản 1 Điều 2` stays a list)."""
    if len(addresses) == 1:
        return addresses[0].describe(language)
    from regdraft.core.amend.wording import cite_list

    listed = cite_list(addresses, language, of=True)
    ranged = _range(addresses, language, index)
    if ranged is None or (cited and _reads_as(cited, listed)):
        return listed
    return ranged


def _range(addresses: Sequence[Address], language: str, index: Mapping[Address, Located]) -> str | None:
    """Three or more points or clauses of one clause or article next to each other, with none between them, as a
    range (`từ điểm b đến điểm e khoản 1 Điều 2`, `points b to f of clause 1 of Article 2`), else None."""
    first, last = addresses[0], addresses[-1]
    parent = first.parent()
    if (len(addresses) < 3 or parent is None or first.kind not in (Kind.POINT, Kind.CLAUSE)
            or any(a.part or a.parent() != parent or a.kind is not first.kind for a in addresses)):
        return None
    holder = index.get(parent)
    if holder is None:
        return None
    labels = [u.label for u in holder.unit.children if u.kind is first.kind]
    wanted = [a.label for a in addresses]
    start = labels.index(wanted[0]) if wanted[0] in labels else -1
    if start < 0 or labels[start:start + len(wanted)] != wanted:
        return None
    from regdraft.core.amend.wording import cite
    from regdraft.core.counts import plural
    from regdraft.core.labels import written

    word = noun(first.kind, language)
    if language == "en":
        ends = f"{written(first.kind, first.label, 'en')} to {written(last.kind, last.label, 'en')}"
        return f"{plural(word)} {ends} of {cite(parent, 'en', of=True)}"
    return f"từ {word} {first.label} đến {word} {last.label} {cite(parent, language)}"


def quoted(ref: Reference, said: str, opening: str = '"', closing: str = '"') -> str:
    """The words cited, in quotation marks after a space, where they read otherwise than the provisions as named
    (`said`), else nothing."""
    return "" if _reads_as(ref.text, said) else f" ({opening}{ref.text}{closing})"


def _reads_as(cited: str, said: str) -> bool:
    """Whether the words cited read as `said`: the `các` and `từ` a Vietnamese list or range begins with are not
    part of a citation (`điểm a, b và c khoản 1 Điều 2`), and an English point may be lettered in brackets
    (`points (a) to (c)`)."""
    return _PLAIN_LETTER.sub(r"\1", cited) in (said, said.removeprefix("các "), said.removeprefix("từ "))

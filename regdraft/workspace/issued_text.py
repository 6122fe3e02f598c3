"""An adopted (issued) amending document rewritten after its adoption (r39 sweep BZ F2).

An adoption writes an amendment's front matter only (its status and dates, `adopted_text`), and `amend number`
refuses any change once adopted: the text after the front matter is the document signed and issued, and no later
change of it is legitimate. An error in an issued text is corrected by a new amending document. Yet a word changed by
hand in `amendment.md` and committed passed unnoticed: `check` found nothing (or, with the regulation left alone,
blamed the regulation), `amend export` printed as issued words never signed, and the consolidated text carried them
with no note.

Post-conditions:
1. `rewritten(ws, amendment)` is None for an amendment not adopted, one whose adoption commit cannot be found (no tag
   and no commit whose copy says `status: adopted`: skipped quietly) or cannot be read there, and one whose text reads
   as it did in that commit (the front matter aside; written otherwise, the same document: `adopted_text.difference`).
   Else a `Rewritten`: the adoption's tag (or commit), the first line of the file that differs, and how.
2. `as_adopted(ws, parts)` is the adopted amendments `parts` with each rewritten one read as its adoption commit holds
   it (for the same regulation): a regulation is compared with what was adopted, so an amendment edited alone is
   named, not the regulation it amends.
3. Cost: for each adopted amendment, its adoption commit found once in a run (`terms.adoption_revision`) and its file
   read there; parsed only when the texts differ. Nothing is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.layout import amendment_path
from regdraft.workspace.adopted_text import difference

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.workspace.store import Workspace


@dataclasses.dataclass(frozen=True, slots=True)
class Rewritten:
    """An adopted amendment whose text differs from its adoption commit's: `revision` names that commit as git takes
    it (the tag, else the commit id), `line` is the file's first line that differs, `how` a clause
    (`adopted_text.difference`)."""

    amendment: Amendment
    revision: str
    line: int
    how: str

    def problem(self, warning: bool = False) -> Problem:
        """The problem `check` reports at the amendment's file: what changed, how to put it back, how to correct."""
        amendment = self.amendment
        source = amendment_path(amendment.slug)
        put_back = Command.git("checkout", self.revision, "--", source)
        correct = Command.of("amend new", "SLUG", regulation=amendment.regulation)
        name = f"{amendment.number} ({amendment.slug})" if amendment.number else amendment.slug
        return Problem(f"{name} is adopted, and its text was changed since its adoption ({self.revision}): it has "
                       f"{self.how}. An issued document is not rewritten after its adoption: put the text back with "
                       f"`{put_back}`; an error in the issued text is "
                       f"corrected by a new amending document (`{correct}`).", source, self.line, warning=warning)


def rewritten(ws: Workspace, amendment: Amendment) -> Rewritten | None:
    """The adopted `amendment` when its text is not the one its adoption commit holds (post-condition 1)."""
    from regdraft.workspace.run_memo import kept

    if amendment.status != "adopted":
        return None
    return kept(ws, ("rewritten", amendment.slug), lambda: _rewritten(ws, amendment))


def _rewritten(ws: Workspace, amendment: Amendment) -> Rewritten | None:
    from regdraft.workspace.terms import adoption_revision, adoption_tag, tag_holder

    if not amendment.number:
        return None
    try:
        found = adoption_revision(ws, amendment)
    except RegdraftError:
        return None
    if found is None:
        return None
    slug = amendment.slug
    current = _body(ws, slug, None)
    adopted = _body(ws, slug, found.sha)
    if current is None or adopted is None or current[0] == adopted[0]:
        return None
    how = difference(ws, slug, found.sha, None, "the text adopted")
    if how is None:
        return None  # written otherwise, the same document
    tag = adoption_tag(ws, amendment)
    held = tag_holder(ws, tag)
    revision = tag if held is not None and held.sha == found.sha else found.short
    lines, before = current
    old = adopted[0]
    at = next((i for i, (one, other) in enumerate(zip(lines, old, strict=False)) if one != other),
              min(len(lines), len(old)))
    return Rewritten(amendment, revision, before + at + 1, how)


def _body(ws: Workspace, slug: str, rev: str | None) -> tuple[tuple[str, ...], int] | None:
    from regdraft.workspace.adopted_text import text_at

    found = text_at(ws, slug, rev)
    return (found.lines, found.before) if found is not None else None


def as_adopted(ws: Workspace, parts: Sequence[Amendment]) -> list[Amendment]:
    """The adopted amendments `parts`, each rewritten one as adopted (post-condition 2)."""
    from regdraft.workspace.lifecycle import read_with_problems

    out = []
    for part in parts:
        found = rewritten(ws, part)
        if found is None:
            out.append(part)
            continue
        try:
            from regdraft.workspace.terms import adoption_revision

            revision = adoption_revision(ws, part)
            whole = read_with_problems(ws, part.slug, revision.sha if revision else None)[0]
            out.append(whole.for_regulation(part.regulation))
        except RegdraftError:
            out.append(part)
    return out


def rewritten_problems(ws: Workspace, name: str | None = None, *, warning: bool = False) -> list[Problem]:
    """`regdraft check`: each adopted amendment (of regulation `name`) rewritten since its adoption; `warning`: as
    warnings (`export`, which goes on writing the text as it reads)."""
    from regdraft.workspace.amendments import survey

    out = []
    for entry in survey(ws):
        amendment = entry.amendment
        if amendment is None or (name is not None and not _amends(ws, amendment, name)):
            continue
        found = rewritten(ws, amendment)
        if found is not None:
            out.append(found.problem(warning))
    return out


def _amends(ws: Workspace, amendment: Amendment, name: str) -> bool:
    try:
        wanted = ws.locate_regulation(name)
        return any(ws.locate_regulation(reg_id) == wanted for reg_id in amendment.regulations)
    except RegdraftError:
        return False

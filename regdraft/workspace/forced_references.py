"""References an adoption broke on purpose: `amend adopt --force --reason` past the references `amend check` found
broken, "the text referring to them amended next" (docs/amendments.md).

`check` reports a reference to a provision that does not exist or was repealed (`core.refs`), and went on failing on
one the office had knowingly adopted, with the reason in the adoption commit, until another amendment changed the
text referring to it. Such a reference is a warning naming the amendment, its commit and the reason, as an adoption
forced past the gate of a replaced regulation is (`replacements.replacement_problems`).

Post-conditions of `excused(ws, problems)`:
1. A problem `check` reports for a reference (its message, file and line) becomes a warning only when an adopted
   amendment forced past the `amend check` gate with a reason broke it: the reference is missing in the regulation's
   text at the adoption commit and was not at the commit before, from the same provision to the same target (to
   each of its targets, for one citation of several: `check` says it once, `core.refs.missing_cited`). Its message
   is kept, the amendment, commit and reason added.
2. Every other problem, a reference an unforced adoption (or a hand edit) broke included, is returned as it was.
3. Nothing is read from git while `problems` holds no failure, or no adopted amendment passed that gate with a reason.
4. The references an adoption broke depend only on its commit and that commit's parent: they are found once and kept
   in the workspace's cache under the file's path and the commit's id; a later `check` parses neither text again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from regdraft.core.commands import Command, words
from regdraft.core.errors import ParseError, Problem, RegdraftError
from regdraft.core.model import Address
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.core.model import Regulation
    from regdraft.workspace.terms import Forced


_FULL_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def check_gate(slug: str) -> str:
    """How the refusal of the `amend check` gate begins (`gates.Refusal.missing`), as `amend adopt` writes it."""
    return f"`{Command.of('amend check', slug)}` finds "


@dataclass(frozen=True, slots=True)
class _Break:
    """A reference an adoption forced past the `amend check` gate broke."""

    amendment: Amendment
    forced: Forced

    def said(self, message: str, source: Address, language: str) -> str:
        name = f"{self.amendment.number} ({self.amendment.slug})" if self.amendment.number else self.amendment.slug
        return (f"{message.rstrip('.')}; {name} broke the reference and was {self.forced.said('it')}. Amend "
                f"{source.describe(language)} to cite a provision in force.")


def read_as_checked(ws: Workspace, name: str, rev: str | None = None) -> tuple[Regulation, list[Problem]]:
    """A regulation as far as it reads (`api.read_regulation`) with the problems `check` reports in its file: in the
    working tree, a reference an adoption broke on purpose is a warning, so that `show` and `export` count as `check`
    does (they said "`check` reports 1 problem" where `check` found none)."""
    from regdraft.workspace.api import read_regulation

    reg, problems = read_regulation(ws, name, rev)
    return reg, excused(ws, problems) if rev is None else problems


def excused(ws: Workspace, problems: list[Problem]) -> list[Problem]:
    """`problems` of `check`, each reference an adoption broke past the `amend check` gate a warning (see the
    module)."""
    if all(p.warning for p in problems):
        return problems
    breaks = _forced_breaks(ws, {p.source for p in problems if not p.warning})
    if not breaks:
        return problems
    from regdraft.workspace.parse_cache import kept_beside, read_regulation

    said: dict[tuple[str, str, int], str] = {}
    for path, known in breaks.items():
        reg = read_regulation(ws, ws.read(path), path).regulation
        for source, targets, line, message in kept_beside(reg, "missing-citations", partial(_missing_sites, reg)):
            # One problem names every provision of its citation missing (`points g and h ...`): a warning when an
            # adoption past the gate broke each of them.
            found = [known.get((source, target)) for target in targets]
            first = found[0] if found and all(found) else None
            if first is not None:
                said[(message, reg.source, line)] = first.said(message, source, reg.language)
    return [replace(p, message=said[(p.message, p.source, p.line)], warning=True)
            if not p.warning and (p.message, p.source, p.line) in said else p for p in problems]


def _forced_breaks(ws: Workspace, paths: set[str]) -> dict[str, dict[tuple[Address, Address], _Break]]:
    """For each regulation file of `paths`, the references (provision, target) adoptions forced past the
    `amend check` gate broke."""
    from regdraft.workspace.amendments import list_amendments
    from regdraft.workspace.terms import forced_past

    found: dict[str, dict[tuple[Address, Address], _Break]] = {}
    for amendment in list_amendments(ws):
        if amendment.status != "adopted":
            continue
        files = {}
        for reg_id in amendment.regulations:
            try:
                files[reg_id] = ws.locate_regulation(reg_id)
            except RegdraftError:
                continue
        if not paths & set(files.values()):
            continue
        forced = forced_past(ws, amendment)
        if forced is None or not forced.reason or not forced.passed(words(check_gate(amendment.slug))):
            continue
        for path in files.values():
            if path in paths:
                for pair in _broken_by(ws, path, forced.commit.sha):
                    found.setdefault(path, {}).setdefault(pair, _Break(amendment, forced))
    return found


def _broken_by(ws: Workspace, path: str, sha: str) -> set[tuple[Address, Address]]:
    """The references (provision, target) of the regulation at `path` missing at commit `sha` and not before it.

    They depend only on that commit and its parent, so they are found once and kept in the workspace's cache under
    the path and the commit's id (`parse_cache.kept_for_commits`): `check` parsed the whole regulation at both and
    searched them for references on every run, 2 s of CPU per forced adoption of a 5,000-article text."""
    from regdraft.workspace.parse_cache import kept_for_commits

    def compute() -> frozenset[tuple[Address, Address]] | None:
        after, before = _missing_at(ws, path, sha), _missing_at(ws, path, f"{sha}^")
        return frozenset(after - before) if after is not None and before is not None else None

    fixed = _FULL_ID.fullmatch(sha) is not None  # a commit's id, not a name that may move
    found = kept_for_commits(ws, "forced-breaks", (path, sha), compute) if fixed else compute()
    return set(found or ())


def _missing_at(ws: Workspace, path: str, rev: str) -> set[tuple[Address, Address]] | None:
    from regdraft.core.refs import missing_targets
    from regdraft.workspace.parse_cache import read_regulation

    try:
        reg: Regulation = read_regulation(ws, ws.read(path, rev), path).regulation
    except (RegdraftError, ParseError):
        return None
    return {(ref.source, target) for ref, target in missing_targets(reg)}


def _missing_sites(reg: Regulation) -> list[tuple[Address, tuple[Address, ...], int, str]]:
    """Each citation in `reg` of provisions that do not exist or were repealed: its provision, those targets, its
    line and `check`'s sentence (kept beside the reading: found once per text)."""
    from regdraft.core.refs import missing_cited

    return [(ref.source, targets, ref.line, message) for ref, targets, message in missing_cited(reg)]

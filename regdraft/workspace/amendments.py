"""Amendments in a workspace, where they live and how they are read.

The folder layout is defined here once: an amendment is `amendments/<slug>/amendment.md`, with its
rounds, comments and vote beside it; a regulation's text before its first adopted amendment is
`regulations/history/<stem>/base.md`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from regdraft.core.amend.document import Amendment, load_amendment
from regdraft.core.errors import ParseError, RegdraftError, StoreError, UsageError
from regdraft.core.model import Regulation
from regdraft.workspace.api import load_regulation
from regdraft.workspace.store import Workspace

FOLDER = "amendments"


def amendment_path(slug: str) -> str:
    """Where an amendment lives: `amendments/<slug>/amendment.md`."""
    if not slug or "/" in slug or "\\" in slug or slug.startswith("."):
        raise UsageError(f"'{slug}' is not an amendment name; use letters, digits and hyphens (e.g. qc-sua-doi-2025).")
    return f"{amendment_folder(slug)}/amendment.md"


def amendment_folder(slug: str) -> str:
    """The workspace-relative folder of an amendment: `amendments/<slug>`."""
    return f"{FOLDER}/{slug}"


def amendment_file(ws: Workspace, slug: str) -> str:
    """The amendment's file, which must exist; `StoreError` naming the known amendments otherwise."""
    relative = amendment_path(slug)
    if not ws.path(relative).is_file():
        known = ", ".join(slugs(ws)) or "none"
        raise StoreError(f"There is no amendment '{slug}' ({relative} does not exist; known: {known}).")
    return relative


def slugs(ws: Workspace) -> list[str]:
    """The names of every amendment in the workspace, sorted."""
    folder = ws.root / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p.parent.name for p in folder.glob("*/amendment.md"))


def load(ws: Workspace, slug: str, rev: str | None = None) -> Amendment:
    """Read and parse one amendment, in the working tree or at a git revision."""
    relative = amendment_path(slug)
    if rev is None and not ws.path(relative).is_file():
        known = ", ".join(slugs(ws)) or "none"
        raise StoreError(f"There is no amendment '{slug}' ({relative} does not exist; known: {known}).")
    return load_amendment(ws.read(relative, rev), relative, slug)


def list_amendments(ws: Workspace) -> list[Amendment]:
    """Every amendment that can be read, sorted by name (see `survey` for the broken ones too)."""
    return [a for a in (entry.amendment for entry in survey(ws)) if a is not None]


@dataclass(frozen=True, slots=True)
class Entry:
    """One amendment of `amend list`: the document, or why it cannot be read."""

    slug: str
    amendment: Amendment | None
    error: ParseError | None = None

    def row(self) -> dict[str, Any]:
        """The entry as `amend list --json` lists it."""
        a = self.amendment
        return {"slug": self.slug, "status": a.status if a else "unreadable", "draft": a.draft if a else None,
                "number": a.number if a else "", "regulation": a.regulation if a else "",
                "instructions": len(a.instructions) if a else 0,
                "error": f"{len(self.error.problems) or 1} problem(s)" if self.error else ""}

    def line(self) -> str:
        """The entry as one aligned line of `amend list`."""
        r = self.row()
        draft = f"draft {r['draft']}" if r["draft"] else ""
        count = r["instructions"]
        detail = r["error"] or f"{count} instruction{'' if count == 1 else 's'}"
        number = r["number"] or "-"
        return f"{r['slug']:<24} {r['status']:<12} {draft:<8} {number:<12} {r['regulation']:<12} {detail}"


def survey(ws: Workspace) -> list[Entry]:
    """Every amendment in the workspace, readable or not."""
    out = []
    for slug in slugs(ws):
        try:
            out.append(Entry(slug, load(ws, slug)))
        except ParseError as exc:
            out.append(Entry(slug, None, exc))
    return out


def target_regulation(ws: Workspace, amendment: Amendment, rev: str | None = None) -> Regulation:
    """The regulation an amendment names, as it stands in the working tree (or at `rev`)."""
    if not amendment.regulation:
        raise RegdraftError(f"{amendment.source}: the front matter does not name the regulation it amends.")
    return load_regulation(ws, amendment.regulation, rev)


def base_path(ws: Workspace, regulation_path: str) -> str:
    """Where the text a regulation had before its first adopted amendment is kept."""
    return f"regulations/history/{Path(regulation_path).stem}/base.md"

"""A provision as a pending amendment would make it, with its words marked (`regdraft show --changes`).

Post-conditions of `amended_provision`:
1. The amendment is the one named, or else the one pending amendment to the regulation; none
   pending, or one that is not pending, is `NotPending` (bad usage), two pending a `UsageError`.
2. `old` is the provision in the working tree as `regdraft show` prints it (without its head and
   last line end), `new` the same address in the text with the amendment applied (nothing is
   written); either is "" where the provision does not exist
   (inserted by the amendment, or not there at all after it). An address that exists on
   neither side is `UnknownUnit`, with the nearest provision suggested.
3. `segments` is the word diff of `old` to `new` (`regdraft.core.word_diff.diff_words`): their old
   side reads `old`, their new side `new`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from regdraft.core.amend.document import PENDING
from regdraft.core.errors import NotPending, UnknownUnit, UsageError

if TYPE_CHECKING:
    from regdraft.core.model import Regulation
    from regdraft.core.word_diff import DiffSegment
    from regdraft.workspace.store import Workspace


@dataclass(frozen=True, slots=True)
class AmendedProvision:
    """One provision (or the whole regulation) before and after an amendment, and the word diff between."""

    regulation: str
    address: str | None
    slug: str
    draft: int | None
    head: str  # the provision's citation and the headings above it ("" for the whole regulation)
    old: str
    new: str
    segments: tuple[DiffSegment, ...]

    @property
    def changed(self) -> bool:
        """Whether the amendment changes anything in the provision."""
        return self.old != self.new


def amended_provision(ws: Workspace, name: str, address: str | None, amendment: str | None = None, *,
                      strict_tones: bool = False) -> AmendedProvision:
    """Regulation `name`'s provision at `address` (all of it when None) and what `amendment` makes of it."""
    from regdraft.core.word_diff import diff_words
    from regdraft.workspace.lifecycle import preview, read_with_problems
    from regdraft.workspace.parse_cache import read_regulation
    from regdraft.workspace.redline import pending_amendment

    relative = ws.locate_regulation(name)
    old = read_regulation(ws, ws.read(relative), relative).regulation
    slug = amendment or pending_amendment(ws, old)
    doc, _ = read_with_problems(ws, slug, None)  # its problems are reported by `preview` below
    if old.id not in doc.regulations:
        raise UsageError(f"amendments/{slug}/amendment.md amends {', '.join(doc.regulations)}, not {old.id}; "
                         f"choose an amendment to {old.id}.", options=("amendment",))
    if str(doc.status) not in PENDING:
        raise NotPending(f"amendments/{slug}/amendment.md is {doc.status}, so its changes are already in the text "
                         f"(or never will be); choose a pending amendment to {old.id}.", options=("amendment",))
    new = preview(ws, slug, None, regulation=old.id).regulation
    before, after = _shown(old, address), _shown(new, address)
    if before is None and after is None:
        _shown(old, address, strict=True)  # raises UnknownUnit, suggesting the nearest provision
    head, old_body = before or ("", "")
    new_head, new_body = after or ("", "")
    return AmendedProvision(old.id, address, slug, doc.draft, new_head or head, old_body, new_body,
                            diff_words(old_body, new_body, strict_tones=strict_tones))


def _shown(reg: Regulation, address: str | None, strict: bool = False) -> tuple[str, str] | None:
    """The provision as `regdraft show` prints it, split into its head and body; None where it does not exist."""
    from regdraft.workspace.api import show

    try:
        text = show(reg, address)
    except UnknownUnit:
        if strict:
            raise
        return None
    if address is None:
        return "", text.rstrip("\n")
    head, _, body = text.partition("\n\n")
    return head, body.rstrip("\n")

"""A regulation edited by hand before its first adoption.

Until an amendment of a regulation is adopted there is no base text (`regulations/history/<stem>/base.md`): the
first adoption stores the regulation's text before it as the base, the original wording every replay and every
consolidated text starts from. A change committed to the regulation's file before then, without an amendment,
would become that original wording. So the text is compared with the text as it was first committed (added, or
written by `regdraft import`): their readings, so that a text only reformatted (`regdraft fmt`) is the same text.
`regdraft check` warns of a difference; `regdraft amend adopt` refuses it unless adopted past the gate, with the
reason (a correction of the imported text) recorded.

The text as first committed is read only when it is at most `store_history.history_bound` of the text now (8 times its
size, or 2 MB): a received clone packs repeated text some 300 times over, and a 400 KB clone whose first version
of a regulation was 68 MB kept `check` busy for 5 minutes with 6 GB. A larger one is not read (`Unread`): `check`
warns of it, and `amend adopt` refuses it unless adopted past the gate with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from regdraft.core.amend.named import named_provisions
from regdraft.core.commands import Command
from regdraft.core.errors import ParseError, Problem, RegdraftError
from regdraft.core.layout import base_path
from regdraft.core.model import Address, Regulation, Unit
from regdraft.workspace.parse_cache import read_regulation
from regdraft.workspace.store import Workspace, blob_id
from regdraft.workspace.store_history import HISTORY_BYTES, HISTORY_TIMES, Revision

SHOWN = 5  # the provisions named, at most


@dataclass(frozen=True, slots=True)
class Differing:
    """A provision whose wording differs from the text as first committed: `address` None for the preamble; `line`
    its line in the text now (0 for one removed)."""

    address: Address | None
    line: int
    removed: bool = False

    def describe(self, language: str) -> str:
        """`the preamble`, `điểm a khoản 1 Điều 12`, `Article 9 (removed)`."""
        if self.address is None:
            return "the preamble"
        return self.address.describe(language) + (" (removed)" if self.removed else "")


def _named(provisions: Sequence[Differing], language: str) -> str:
    """The provisions a hand edit changed, for its message. Vietnamese: each in words, joined by commas (`điểm a
    khoản 1 Điều 12, khoản 2 Điều 12`). English: an address in words holds commas (`point a, clause 1, Article 12`),
    so the changed and the removed are each cited as a list of provisions (`named_provisions`: `Article 1, clauses 1
    and 2 of Article 1 and point a of clause 2 of Article 1`), `;` between the preamble, the changed and the removed
    (sweep r26/O 9c: `Article 1, clause 1, Article 1, clause 2, Article 1, …` could not be read)."""
    if language != "en":
        return ", ".join(p.describe(language) for p in provisions)
    changed = [p.address for p in provisions if p.address is not None and not p.removed]
    removed = [p.address for p in provisions if p.address is not None and p.removed]
    parts = ["the preamble"] if any(p.address is None for p in provisions) else []
    parts += [named_provisions(changed, language, len(changed))] if changed else []
    parts += [f"{named_provisions(removed, language, len(removed))} (removed)"] if removed else []
    return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class HandEdit:
    """A regulation whose text differs from the text as first committed, no amendment of it adopted yet."""

    path: str
    regulation: str  # its id
    first: Revision  # the commit that added (or imported) it
    commits: tuple[Revision, ...]  # the commits since that changed it, oldest first
    provisions: tuple[Differing, ...]  # the provisions that differ, in order (`differences`)
    language: str = "vi"  # the regulation's, which names the provisions

    @property
    def line(self) -> int:
        return self.provisions[0].line if self.provisions else 0

    def what(self) -> str:
        """What differs, and since which commits."""
        shown = _named(self.provisions[:SHOWN], self.language)
        more = len(self.provisions) - SHOWN
        if more > 0:
            shown += f" (and {more} more)" if self.language == "en" else f" and {more} more"
        if self.commits:
            by = ", ".join(f"{c.short} ({c.date}, “{c.subject}”)" for c in self.commits)
            changed = f"{'commit' if len(self.commits) == 1 else 'commits'} {by} changed it"
        else:
            changed = "changes not yet committed"
        return (f"{self.path} differs from its text as first committed ({self.first.short}, {self.first.date}) in "
                f"{shown}: {changed}, with no amendment adopted")

    def advice(self, slug: str = "SLUG") -> str:
        """How to go on: the change as an amendment, or accepted as a correction of the text first committed."""
        restore = Command.git("checkout", self.first.short, self.path)
        edited = self.commits[-1].short if self.commits else None
        write = (Command.of("amend from-edits", "SLUG", another=True, regulation=self.regulation, edited_rev=edited)
                 if edited else Command.of("amend from-edits", "SLUG", another=True, regulation=self.regulation,
                                           edited=None))
        # Uncommitted edits: the copy comes first, as restoring the first text overwrites them.
        back = (f"put the first text back (`{restore}`, then commit that) and write the change as an amendment "
                f"(`{write}`)" if edited else
                f"first copy {self.path} aside, then put the first text back (`{restore}`) and write the change as an "
                f"amendment, giving the copy (`{write}`)")
        return (f"if it changes the regulation, {back}; if it corrects the text as first committed (a mistake of the "
                f"import), adopt the first amendment past this gate with the reason recorded "
                f"(`{Command.of('amend adopt', slug, force=True, reason=None)}`)")

    def warning(self) -> Problem:
        """The warning of `regdraft check`."""
        return Problem(f"{self.what()}; the first adoption would keep this text as the regulation's original wording. "
                       f"{_capital(self.advice())}.", self.path, self.line, warning=True)


@dataclass(frozen=True, slots=True)
class Unread:
    """A regulation whose text as first committed is too large to read beside its text now
    (`store_history.history_bound`), no amendment of it adopted yet: whether it was edited by hand is not known."""

    path: str
    first: Revision  # the commit that added (or imported) it
    size: int  # its text then, in bytes (git's count; not read)
    now: int  # its text now, in bytes
    line = 0

    def what(self) -> str:
        from regdraft.importer.archive import size as in_bytes  # the importer's package is not loaded by `check`

        first, said = self.first, (in_bytes(self.size), in_bytes(self.now), in_bytes(HISTORY_BYTES))
        return (f"{self.path} as first committed ({first.short}, {first.date}) is {said[0]}, more than "
                f"{HISTORY_TIMES} times its text now ({said[1]}) and over {said[2]}: that text was not read, so "
                "whether the regulation was changed without an amendment since is not known")

    def advice(self, slug: str = "SLUG") -> str:
        log = Command.git("log", "--", self.path, switches=("stat",))
        return (f"look at what the commits did to it (`{log}`); if its text now is its original wording, adopt the "
                "first amendment past this gate with the reason recorded "
                f"(`{Command.of('amend adopt', slug, force=True, reason=None)}`)")

    def warning(self) -> Problem:
        return Problem(f"{self.what()}. {_capital(self.advice())}.", self.path, 0, warning=True)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def hand_edit(ws: Workspace, path: str, current: Regulation | None = None) -> HandEdit | Unread | None:
    """The regulation at `path` as edited by hand since first committed, while it has no base text; None when it
    reads as it did then (or has a base, or no history); `Unread` when the text then is too large to read."""
    if ws.exists(base_path(path)):
        return None  # adopted before: `checks.check_replay` compares it with its base and the amendments
    added = ws.since_added(path)
    data = ws.read(path)
    if added is None or blob_id(data) == added.blob:
        return None  # no history, or the text is as first committed
    first = added.revision
    then = ws.read_beside(path, first.sha, len(data))
    if then is None:
        return Unread(path, first, ws.size(path, first.sha), len(data))
    try:
        old = read_regulation(ws, then, path).regulation
        reading = None if current is not None else read_regulation(ws, data, path)
    except (ParseError, RegdraftError):
        return None  # a text that cannot be read is reported by the regulation check
    if reading is not None and reading.problems:
        return None  # as `checks.check_replay`: the regulation check reports them, and adoption refuses them first
    now = reading.regulation if reading is not None else current
    assert now is not None
    if _in_order(old) == _in_order(now):
        # The same words under the same labels, in the same order, read into other parts: a marker of the format
        # (a clause's closing text marked as such, `‹!-- … -->`), not a change of the text. The office's own
        # 01-QC/TU was flagged for the closing-text marker its format gained.
        return None
    provisions = differences(old, now)
    if not provisions:
        return None  # the same text, only written differently
    return HandEdit(path, now.id, first, added.later, tuple(provisions), now.language)


def differences(old: Regulation, new: Regulation) -> list[Differing]:
    """Every provision of `new` whose wording differs from the same provision in `old`, or is not there, then those
    of `old` no longer in `new`; each with its line in `new` (0 for the removed)."""
    found = [Differing(None, 0)] if old.preamble != new.preamble else []
    before: dict[Address, tuple[object, ...]] = {}
    for loc in old.walk():
        before.setdefault(loc.address, _wording(loc.unit))
    seen: set[Address] = set()
    for loc in new.walk():
        if loc.address in seen:
            continue
        seen.add(loc.address)
        if before.get(loc.address) != _wording(loc.unit):
            found.append(Differing(loc.address, loc.unit.line))
    for loc in old.walk():
        if loc.address not in seen:
            seen.add(loc.address)
            found.append(Differing(loc.address, 0, removed=True))
    return found


def _in_order(reg: Regulation) -> list[str]:
    """Every label, title and paragraph of `reg` in reading order: a unit's own text, then its children, then its
    closing text; the words alone, spaced as one."""
    out = [" ".join(p.split()) for p in reg.preamble]

    def add(unit: Unit) -> None:
        out.extend((f"{unit.kind.value} {unit.label}", " ".join((unit.title or "").split()),
                    *(" ".join(p.split()) for p in unit.text)))
        for child in unit.children:
            add(child)
        out.extend(" ".join(p.split()) for p in unit.closing)

    for unit in reg.units:
        add(unit)
    return out


def _wording(unit: Unit) -> tuple[object, ...]:
    return (unit.kind, unit.title, unit.text, unit.repealed, unit.closing)

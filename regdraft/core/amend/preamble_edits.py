"""What an edited text changes in the preamble (the `Căn cứ …` bases before the first heading), which `amend
from-edits` leaves out of the instructions: an amending document does not amend a preamble.

Post-condition of `preamble_note`: None when the preamble is unchanged; otherwise one sentence naming each paragraph
changed, added or deleted (the first `SHOWN`), by its number in the preamble and its words, so that the drafter
sees which of their edits is not in the instructions.
"""

from __future__ import annotations

import difflib

from regdraft.core.model import Regulation
from regdraft.core.text import short

SHOWN = 3
_QUOTED = 70  # the characters of a paragraph quoted
_BEFORE = 20  # the characters quoted before the first difference of a paragraph changed


def _quoted(paragraph: str, start: int = 0) -> str:
    """The paragraph in quotes, cut short, from the word before `start` (where it differs from another)."""
    late = len(paragraph) > _QUOTED and start > _QUOTED - _BEFORE  # the difference would be cut off
    cut = paragraph.rfind(" ", 0, start - _BEFORE) + 1 if late else 0
    return f"“{'…' if cut else ''}{short(paragraph[cut:], _QUOTED)}”"


def _differing(a: str, b: str) -> int:
    """Where two paragraphs first differ."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def preamble_note(old: Regulation, edited: Regulation) -> str | None:
    """The note on the preamble's paragraphs the edited text changes (module post-condition)."""
    was, now = list(old.preamble), list(edited.preamble)
    if was == now:
        return None
    changes: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=was, b=now, autojunk=False).get_opcodes():
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paired):
            a, b = was[i1 + k], now[j1 + k]
            at = _differing(a, b)
            changes.append(f"paragraph {j1 + k + 1} {_quoted(a, at)} became {_quoted(b, at)}")
        if op in ("replace", "delete"):
            changes.extend(f"paragraph {i + 1} {_quoted(was[i])} was deleted" for i in range(i1 + paired, i2))
        if op in ("replace", "insert"):
            changes.extend(f"paragraph {j + 1} {_quoted(now[j])} was added" for j in range(j1 + paired, j2))
    shown = "; ".join(changes[:SHOWN]) + ("; …" if len(changes) > SHOWN else "")
    that = "that change is" if len(changes) == 1 else "those changes are"
    return (f"The edited text changes the preamble ({shown}); an amending document does not amend it, so {that} "
            "not in the instructions.")

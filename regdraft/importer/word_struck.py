"""A reviewer's tracked changes inside the words a Word redline itself strikes out (`regdraft redline … --format
docx`): the redline shows the old text struck out beside the new, and a reviewer may type into the struck words or
delete some of them. Those words are no text of the draft, so such a change is no change of its wording: it is
set apart, to be named to the office, never guessed into the new text.

Post-conditions of `inside_struck`, over a paragraph's pieces of text in document order, each `(state, text,
author)` as `word_reply` reads them (`struck`: struck out by the redline; `struck-ins`, `struck-del`: a reviewer's
insertion or deletion nested inside such words; `ins`: a reviewer's insertion; others as there):
1. An insertion (its consecutive `ins` pieces) with struck words right before and right after it, as Word writes
   text typed inside a deletion (the deletion split around it), is among the pieces returned as set apart.
2. Each run of struck words holding a reviewer's change (nested, or an insertion of 1.) is one `StruckChange`:
   the words typed, the words deleted, the struck words of the run and the authors, in the paragraph's order.
"""

from __future__ import annotations

from collections.abc import Sequence

from regdraft.core.reply_model import StruckChange
from regdraft.core.text import nfc

STRUCK = ("struck", "struck-ins", "struck-del")  # the states of the words a redline strikes out


def inside_struck(pieces: Sequence[tuple[str, str, str]]) -> tuple[set[int], tuple[StruckChange, ...]]:
    """The insertions typed inside struck words (by their pieces' places) and each change inside struck words."""
    states = [state for state, _, _ in pieces]
    apart: set[int] = set()
    i = 0
    while i < len(states):
        if states[i] != "ins":
            i += 1
            continue
        j = i
        while j < len(states) and states[j] == "ins":
            j += 1
        if i and j < len(states) and states[i - 1] in STRUCK and states[j] in STRUCK:
            apart.update(range(i, j))
        i = j
    changes: list[StruckChange] = []
    run: list[int] = []
    for k in [*range(len(pieces)), len(pieces)]:
        if k < len(pieces) and (states[k] in STRUCK or k in apart):
            run.append(k)
            continue
        if any(states[m] != "struck" for m in run):
            changes.append(StruckChange(
                nfc("".join(pieces[m][1] for m in run if states[m] == "struck-ins" or m in apart)),
                nfc("".join(pieces[m][1] for m in run if states[m] == "struck-del")),
                nfc("".join(pieces[m][1] for m in run if states[m] in ("struck", "struck-del"))),
                tuple(dict.fromkeys(pieces[m][2] for m in run if states[m] != "struck" and pieces[m][2]))))
        run = []
    return apart, tuple(changes)

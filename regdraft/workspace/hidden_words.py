"""`amend check` and `check`: a phrase found 0 times because an invisible character hides its words, said so.

The files are read again only when applying an amendment had a problem at one of its lines; the sentences are
`core.amend.hidden_words`'s (a soft hyphen between `thủ` and `tục` in the regulation, or in the quoted phrase).
"""

from __future__ import annotations

from collections.abc import Sequence

from regdraft.core.amend.document import Amendment
from regdraft.core.amend.hidden_words import hidden_words
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.markdown import decode
from regdraft.workspace.amendments import target_regulation
from regdraft.workspace.store import Workspace


def explained(ws: Workspace, amendment: Amendment, problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """`problems` of applying `amendment`, a phrase instruction's gaining the invisible character that hides its
    words in the regulation's file or in the phrase as quoted (`core.amend.hidden_words`)."""
    out = tuple(problems)
    if not any(p.source == amendment.source and p.line for p in out):
        return out
    try:
        quoted = decode(ws.read(amendment.source), amendment.source)
    except (RegdraftError, OSError):
        return out
    for regulation in amendment.regulations or (amendment.regulation,):
        part = amendment.for_regulation(regulation)
        try:
            before = target_regulation(ws, part)
            text = decode(ws.read(before.source), before.source)
        except (RegdraftError, OSError):
            continue  # the regulation cannot be read: that is reported on its own
        out = hidden_words(out, part, before, text, quoted)
    return out

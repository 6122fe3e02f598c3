"""The amendments engine: read an amending document, apply it all or nothing, render it.

The core never touches files or git; `regdraft.workspace.lifecycle` reads and writes the
workspace.
"""

from __future__ import annotations

from regdraft.core.amend.apply import Applied, AppliedChange, apply
from regdraft.core.amend.document import (
    PENDING,
    STATUSES,
    Amendment,
    DocumentArticle,
    Instruction,
    load_amendment,
    render_amendment,
)
from regdraft.core.amend.grammar import (
    AmendGroup,
    InsertUnit,
    Operation,
    RepealUnits,
    ReplaceHeading,
    ReplaceUnit,
    ReplaceWords,
)
from regdraft.core.diff import ChangeKind

__all__ = [
    "PENDING",
    "STATUSES",
    "AmendGroup",
    "Amendment",
    "Applied",
    "AppliedChange",
    "ChangeKind",
    "DocumentArticle",
    "InsertUnit",
    "Instruction",
    "Operation",
    "RepealUnits",
    "ReplaceHeading",
    "ReplaceUnit",
    "ReplaceWords",
    "apply",
    "load_amendment",
    "render_amendment",
]

"""The adoption on the remote's side of a conflict in a regulation (r37 sweep BQ 2).

A drafter's hand edit of a regulation met a colleague's adoption of an amendment to it: the conflict report said only
"From origin (theirs)", and `resolve --ours` that "the remote's other changes to it are dropped: changes to other lines
of it", where keeping yours took the adopted wording out of the text in force. The report now names that side as the
adoption (`From origin: the adoption of 07-QC/TU by Lan`), and `resolve --ours` says it drops what the adoption changed
in the file (the sync would then refuse to send it: `sent_edits`).

Post-conditions:
1. `adoption_in(ws, path, before, theirs)` is "the adoption of 07-QC/TU by Lan" (several: "the adoptions of
   07-QC/TU by Lan and 08-QC/TU by Minh") when a sync stopped on a conflict in the regulation at `path` and the work
   it brings in holds adoption commits that changed that file; "" otherwise (another file, a rebase or merge git
   started alone).
2. It reads the commits the sync brings in (one `git log`), no file.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from regdraft.core.layout import REGULATIONS
from regdraft.core.text import shown_name
from regdraft.workspace.adoption_subjects import SUBJECT

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace

_ADOPTS = SUBJECT  # the subject `adoption` gives its commit


def adoption_in(ws: Workspace, path: str, before: str, theirs: str) -> str:
    """The adoptions the remote's side of a sync's conflict in `path` holds, in words (see the module): the sync
    started from `before` and brings `theirs` in (its state; "" for a rebase or merge git started alone)."""
    parts = PurePosixPath(path).parts
    if not theirs or len(parts) != 2 or parts[0] != REGULATIONS:
        return ""
    found = []
    for commit in ws.commits(before or None, theirs):
        adopts = _ADOPTS.match(commit.subject)
        if adopts and any(changed == path for _, changed in commit.files):
            found.append(f"{shown_name(adopts.group(1))} by {shown_name(commit.author)}")
    if not found:
        return ""
    named = found[0] if len(found) == 1 else f"{', '.join(found[:-1])} and {found[-1]}"
    return f"the adoption{'s' if len(found) > 1 else ''} of {named}"

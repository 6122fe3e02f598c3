"""What a sync is bringing in (`Receiving`): where it started and the remote's commit it fetched, noted in the git
folder as git starts to bring it in (a sync refused before then leaves none) and forgotten once it has said what came
in (`workspace.sync`'s post-condition 6, the other way).

A sync killed once git had brought the remote's work in said nothing of it, and the next sync, starting from there,
said "From origin: nothing new."; the work of a colleague came in without a word. The next sync now says what the
interrupted one brought in, as it says what the interrupted one sent (`sending.Sending`).

Post-conditions:
1. The note is written whole (a rename) before git integrates; a note that cannot be read is no note.
2. A sync that finds a note of the same remote and branch keeps its starting point (`before`): syncs killed one after
   the other are reported together by the first that finishes.
3. `brought_in` gives the commits the interrupted sync fetched that the branch now holds, those `reported` (the
   commits the finishing sync reports itself) aside: a sync killed before git brought anything in reports nothing.
   A first sync (into a workspace with no commit, `sync_first`) notes no `before`: all it fetched.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from regdraft.core.errors import RegdraftError
from regdraft.render.files import write_atomic
from regdraft.workspace.sending import commit_ids
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.workspace.store_sync import CommitInfo

RECEIVING_FILE = "regdraft-receiving.json"


@dataclass(frozen=True, slots=True)
class Receiving:
    """Where a sync started (`before`, HEAD then) and the remote's branch it fetched (`theirs`), in the git folder
    (never committed) from when git starts to bring it in until it has said what came in: left behind, the sync was
    stopped."""

    remote: str
    branch: str
    before: str
    theirs: str

    def save(self, ws: Workspace) -> None:
        """Note what the sync fetched, written whole (a rename) before git integrates it."""
        write_atomic(ws.git_dir() / RECEIVING_FILE, json.dumps(asdict(self)).encode("utf-8"))

    @staticmethod
    def load(ws: Workspace) -> Receiving | None:
        """What an interrupted sync had fetched, or None."""
        try:
            data = json.loads((ws.git_dir() / RECEIVING_FILE).read_text(encoding="utf-8"))
            note = Receiving(*(str(data[k]) for k in ("remote", "branch", "before", "theirs")))
            return note if commit_ids(note.before, note.theirs) else None
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @staticmethod
    def clear(ws: Workspace) -> None:
        """Forget it once the sync has said what came in."""
        (ws.git_dir() / RECEIVING_FILE).unlink(missing_ok=True)

    def start(self, remote: str, branch: str, before: str) -> str:
        """Where a sync starting at `before` is noted to start: this interrupted sync's start, for the same remote
        and branch (post-condition 2)."""
        return self.before if (self.remote, self.branch) == (remote, branch) and self.before else before

    def brought_in(self, ws: Workspace, remote: str, branch: str, reported: Collection[str]) -> list[CommitInfo]:
        """The commits this interrupted sync brought in from `remote` that HEAD holds, `reported` shas aside."""
        head = ws.head()
        if (self.remote, self.branch) != (remote, branch) or not self.theirs or head is None:
            return []
        try:
            fetched = ws.commits(self.before or None, self.theirs)  # no `before`: a first sync, from no commit
            # Not in yet: the finishing sync reports them as it brings them in.
            missing = {c.sha for c in ws.commits(head, self.theirs)} if fetched else set()
        except RegdraftError:
            return []  # a commit noted is gone (the remote's branch was rewritten, the history pruned): nothing to say
        return [c for c in fetched if c.sha not in missing and c.sha not in reported]

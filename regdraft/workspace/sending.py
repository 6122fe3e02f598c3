"""What a sync is pushing (`Sending`), noted in the git folder before git pushes and forgotten once the sync
has said what it sent (`workspace.sync`'s post-condition 6).

Post-conditions:
1. The note is written whole (a rename) before git starts the push; a note that cannot be read is no note.
2. `arrived` says what the push sent only when the remote, as just fetched, holds its commit: a sync killed while
   git pushed is then reported as having sent that work.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from regdraft.render.files import new_file
from regdraft.workspace.activity import describe
from regdraft.workspace.resolve import SyncState
from regdraft.workspace.store import Workspace

SENDING_FILE = "regdraft-sending.json"


def commit_ids(*values: str) -> bool:
    """Whether each value is a commit id or empty: a note in the git folder, which a received workspace carries, is
    read only so (a value such as `--output=../x` reached `git log` as an option and wrote outside; sweep r26/T)."""
    return all(not v or _COMMIT_ID.fullmatch(v) for v in values)


_COMMIT_ID = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")


@dataclass(frozen=True, slots=True)
class Sending:
    """What a sync is pushing, noted in the git folder (never committed) before the push starts and removed once
    the sync is done: left behind, the sync was stopped while git pushed, and git may have finished the push."""

    remote: str
    branch: str
    head: str  # the commit pushed
    theirs: str  # the remote's branch before the push ("" when it had none)
    tags: tuple[str, ...] = ()

    def save(self, ws: Workspace) -> None:
        """Note the push, written whole (a rename) before git starts it."""
        path = ws.git_dir() / SENDING_FILE
        partial = path.with_name(path.name + ".tmp")
        new_file(partial, json.dumps(asdict(self)).encode("utf-8"))
        partial.replace(path)

    @staticmethod
    def load(ws: Workspace) -> Sending | None:
        """The push an interrupted sync was making, or None."""
        try:
            data = json.loads((ws.git_dir() / SENDING_FILE).read_text(encoding="utf-8"))
            sending = Sending(str(data["remote"]), str(data["branch"]), str(data["head"]), str(data["theirs"]),
                              tuple(str(t) for t in data.get("tags") or ()))
            return sending if commit_ids(sending.head, sending.theirs) else None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    @staticmethod
    def clear(ws: Workspace) -> None:
        """Forget the push once the sync is done."""
        (ws.git_dir() / SENDING_FILE).unlink(missing_ok=True)

    def arrived(self, ws: Workspace, state: SyncState) -> list[str]:
        """What this push sent, in words, when the remote (as just fetched) holds it; else []."""
        if self.remote != state.remote or self.branch != state.branch or not state.theirs or not self.head:
            return []
        if self.head == self.theirs or not ws.is_ancestor(self.head, state.theirs):
            return []
        sent = [c for c in ws.commits(self.theirs or None, self.head) if c.parents < 2]
        remote = ws.remote_tags(state.remote)
        return describe(ws, sent) + [f"tag {t}" for t in self.tags if t in remote]

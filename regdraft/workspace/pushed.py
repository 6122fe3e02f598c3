"""What the remote held of a push before it went through (`Pushed`), as git reported it.

Post-conditions:
1. `Pushed.read` takes `git push --porcelain`'s report; what it cannot read is unknown (None), never guessed.
2. `Pushed.lacked` counts the commits and tags the remote did not hold before the push: another copy of the clone
   that finished the same sync (within the same second: the very same commits) may have sent them first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.store_sync import CommitInfo


@dataclass(frozen=True, slots=True)
class Pushed:
    """What the remote held of a push before it went through, as `git push --porcelain` said."""

    before: str | None  # the branch's commit, abbreviated ("" when it had no branch; None when git did not say)
    had_tags: tuple[str, ...] = ()  # the tags pushed that it held already

    @staticmethod
    def read(said: str, branch: str, head: str) -> Pushed:
        """git's report: one line a ref, `=` up to date, `*` new, ` ` with `old..new`."""
        before: str | None = None
        had: list[str] = []
        for line in said.splitlines():
            flag, _, rest = line.partition("\t")
            refs, _, summary = rest.partition("\t")
            target = refs.rpartition(":")[2]
            if target == f"refs/heads/{branch}":
                before = head if flag == "=" else "" if flag == "*" else summary.partition("..")[0] or None
            elif target.startswith("refs/tags/") and flag == "=":
                had.append(target.removeprefix("refs/tags/"))
        return Pushed(before, tuple(had))

    def lacked(self, ws: Workspace, theirs: str, head: str, outgoing: list[CommitInfo],
               tags: list[str]) -> tuple[list[CommitInfo], list[str]]:
        """The commits and tags sent that the remote lacked (`outgoing`: those it lacked as this clone last saw it)."""
        sent = outgoing
        if self.before is not None and not (theirs and theirs.startswith(self.before)):
            sent = ws.commits(self.before or None, head) if not head.startswith(self.before or "-") else []
        return sent, [t for t in tags if t not in self.had_tags]

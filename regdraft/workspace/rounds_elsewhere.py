"""A round open on another branch: `comment add` on a branch made before the round was opened (`git switch old`)
said "No round … is open; open one with `regdraft round open …`", and following it opened a second "round 1" on the
side branch (r39 sweep BY F5e). Asked only once a command found no round open here.

Post-condition: `open_elsewhere(ws, slug)` lists each local branch other than the one checked out whose last commit
holds an open round of `slug` (branch, round number), by branch name; [] when git cannot say (no repository, a
round file that does not read there).
"""

from __future__ import annotations

from regdraft.core.comments import RoundStatus
from regdraft.core.errors import RegdraftError
from regdraft.core.layout import rounds_folder
from regdraft.workspace.store import Workspace


def open_elsewhere(ws: Workspace, slug: str) -> list[tuple[str, int]]:
    """The other local branches where a round of `slug` is open, each with that round's number."""
    try:
        current, branches = ws.branches()
    except (RegdraftError, AttributeError):  # a workspace in memory has no branches
        return []
    folder = rounds_folder(slug) + "/"
    found: list[tuple[str, int]] = []
    for name, sha in sorted(branches.items()):
        if name == current:
            continue
        try:
            paths = sorted(p for p in ws.files_at(sha) if p.startswith(folder) and p.endswith(".yaml"))
            if not paths:
                continue
            from regdraft.core.round_yaml import round_from_yaml

            rounds = [round_from_yaml(ws.read(p, sha), p) for p in paths]
        except RegdraftError:
            continue
        found.extend((name, r.number) for r in rounds if r.status is RoundStatus.OPEN)
    return found

"""What happened since each loss of comment keys an older regdraft dropped (`dropped_keys`): the commits that set or
removed a lost key in its file afterwards, which `check` names and its repair leaves alone.

Post-conditions of `walked(ws, kept, head, earlier)`:
1. For each loss of `kept` (its commit and file), the commits of `loss..head` (in `head`'s history and not in the
   loss's) that add or remove a line of a key of `KEYS` in that file, oldest first: what `git log loss..head` of the
   file lists, with `Workspace.key_lines`.
2. One `git log` for all losses, over the history from a commit in the history of each of them (`common_base`) to
   `head`: linear in that history, however many losses (one `git log` of all the later history for each commit that
   lost keys made 1,000 of them 12 minutes of `check`: r41 sweep CI F1). Which loss a commit of it follows is read
   from the commits' parents (`git rev-list`, run only when a loss is not that common commit).
3. `earlier`, what an earlier walk found up to its HEAD, is taken when that HEAD is in `head`'s history: for those
   losses only the commits since it are read (a new commit does not make `check` read the whole history again).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from regdraft.core.errors import RegdraftError

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.store_history import KeyLines

Loss = tuple[str, str]  # the commit that lost keys and the file
Since = dict[Loss, list["KeyLines"]]
NAMED_PATHS = 200  # the most files the git log names one by one (beyond: all comment files)


def walked(ws: Workspace, losses: Sequence[Loss], head: str, earlier: tuple[str, Since] | None, keys: tuple[str, ...],
           every: str) -> Since:
    """The commits since each loss of `losses` that changed one of `keys` in its file (post-conditions 1-3); `every`:
    the pathspec of all comment files, walked when the files are more than `NAMED_PATHS`."""
    was, known = earlier or ("", {})
    losses = list(dict.fromkeys(losses))
    reuse = bool(was) and any(loss in known for loss in losses) and (was == head or ws.common_base([was, head]) == was)
    since: Since = {loss: list(known[loss]) if reuse and loss in known else [] for loss in losses}
    base = {loss: was if reuse and loss in known else loss[0] for loss in losses}  # walked from there
    walking = [loss for loss in losses if base[loss] != head]
    if not walking:
        return since
    bases = sorted({base[loss] for loss in walking})
    stop = bases[0] if len(bases) == 1 else ws.common_base(bases)
    paths = sorted({path for _, path in walking})
    # The files by name when they are few (comments added whole since are not printed), else all comment files.
    spec = tuple(f":(literal){path}" for path in paths) if len(paths) <= NAMED_PATHS else every
    try:
        changes = ws.key_lines(f"{stop}..{head}" if stop else head, keys, spec, changed_only=False)
    except RegdraftError:  # a loss's commit git no longer holds (history rewritten, objects pruned)
        stop = None
        changes = ws.key_lines(head, keys, spec, changed_only=False)
    by_path: dict[str, list[Loss]] = {}
    for loss in walking:
        by_path.setdefault(loss[1], []).append(loss)
    history = _Ancestry(ws, [head, *bases], stop)
    for change in changes:
        sha = change.revision.sha
        for loss in by_path.get(change.path, ()):
            if sha != base[loss] and (base[loss] == stop or not history.holds(base[loss], sha)):
                since[loss].append(change)
    return since


class _Ancestry:
    """Whether a commit is in another's history, read from the parents of the commits from `tips` back to `stop`
    (one `git rev-list`, the first time it is asked)."""

    def __init__(self, ws: Workspace, tips: Sequence[str], stop: str | None) -> None:
        self.ws, self.tips, self.stop = ws, tips, stop
        self.parents: dict[str, tuple[str, ...]] | None = None
        self.place: dict[str, int] = {}  # in git's order: children before their parents
        self.answers: dict[tuple[str, str], bool] = {}

    def holds(self, base: str, commit: str) -> bool:
        """Whether `commit` (one of the history walked) is in `base`'s history: never when `base` is not among the
        commits walked (it is in `stop`'s history, or git does not hold it)."""
        if self.parents is None:
            listed = self.ws.parents(self.tips, self.stop)
            self.parents = dict(listed)
            self.place = {sha: at for at, (sha, _) in enumerate(listed)}
        if base not in self.place or commit not in self.place or self.place[commit] < self.place[base]:
            return False
        if (base, commit) not in self.answers:
            self.answers[base, commit] = self._reached(base, commit)
        return self.answers[base, commit]

    def _reached(self, base: str, commit: str) -> bool:
        """A walk from `base` through parents, none placed after `commit` (they cannot have it in their history)."""
        assert self.parents is not None
        last, seen, todo = self.place[commit], {base}, [base]
        while todo:
            sha = todo.pop()
            if sha == commit:
                return True
            for parent in self.parents.get(sha, ()):
                if parent not in seen and self.place.get(parent, last + 1) <= last:
                    seen.add(parent)
                    todo.append(parent)
        return False


def kept_since(data: Mapping[str, Any]) -> tuple[str, Since] | None:
    """What `walked` found up to a HEAD, as `written` keeps it (None when it reads as nothing kept)."""
    from regdraft.workspace.store_history import KeyLines, Revision

    try:
        head, revisions = data["head"], {sha: Revision(**fields) for sha, fields in data["revisions"].items()}
        since: Since = {}
        for commit, path, changes in data["since"]:
            since[str(commit), str(path)] = [KeyLines(revisions[sha], int(parents), str(path), str(status),
                                                      tuple(removed), tuple(added))
                                             for sha, parents, status, removed, added in changes]
        return (head, since) if isinstance(head, str) and head else None
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def written(head: str, since: Since) -> dict[str, Any]:
    """`since` as JSON keeps it, for `kept_since`: each commit's author and subject once (the repair's commit,
    naming 200 files, written for each of 3,000 losses was 41 MB)."""
    revisions = {change.revision.sha: asdict(change.revision) for changes in since.values() for change in changes}
    return {"head": head, "revisions": revisions,
            "since": [[commit, path, [[change.revision.sha, change.parents, change.status, change.removed, change.added]
                                      for change in changes]] for (commit, path), changes in since.items()]}

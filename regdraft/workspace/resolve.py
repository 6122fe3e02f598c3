"""Conflicts a drafter can resolve: find them, say which provisions they touch, take a side.

A conflict is either a git rebase or merge stopped half way (by `regdraft sync`, or by git
itself), or conflict markers left in a committed file. `find_conflict` looks for both without
starting git unless an operation is under way; the quick look every command makes before it starts
is `workspace.settled.unsettled`, and this module is imported only when it finds something.

Sides are named from the drafter's point of view: **yours** is the work made in this clone,
**theirs** the work that came from the shared remote. (In a rebase git calls them the other
way round; `resolve` translates.)
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.encodings import decoded, text_of
from regdraft.core.errors import ParseError, RegdraftError, StateError, StoreError, UsageError
from regdraft.core.layout import VOTE_FILE, VOTE_PARTS_FILE
from regdraft.core.markers import placed, second_is_replayed, side_by_side, split
from regdraft.core.text import shown_name, shown_text
from regdraft.render.files import write_atomic
from regdraft.workspace.adoption_subjects import PREFIXES
from regdraft.workspace.conflict_places import comment_answers, dropped_whole, provisions_in
from regdraft.workspace.settled import first_unfinished, marked, marked_files
from regdraft.workspace.store import writes

if TYPE_CHECKING:
    from regdraft.workspace.store import CommitInfo, Workspace

# Where regdraft keeps the files it reads; conflict markers are looked for there.
WATCHED = ("regulations", "amendments")
STATE_FILE = "regdraft-sync.json"

# git's two-letter codes for a conflicted file: the first letter is HEAD's side, the second the other's.
KINDS = {
    "UU": "{head} and {other} both changed the same lines",
    "AA": "{head} and {other} both created it, with different contents",
    "UD": "{head} changed it; {other} deleted it", "DU": "{head} deleted it; {other} changed it",
    "AU": "{head} created it", "UA": "{other} created it", "DD": "both sides deleted it",
}


# What a stopped sync is finished or undone with (see `workspace.sync`).
GO_ON = Command.of("sync", go_on=True)
ABORT = Command.of("sync", abort=True)


class UnresolvedConflict(StateError):
    """The workspace holds a conflict: reading it would mislead, writing it would bury it."""


@dataclass(frozen=True, slots=True)
class SyncState:
    """What a stopped `regdraft sync` needs to finish: the remote, and where both sides stood."""

    remote: str
    branch: str
    before: str
    theirs: str
    how: str
    reason: str = ""
    # The files git stopped on in conflict, which the drafter settled: the check of what git merged without a
    # conflict (`clean_merges`) leaves them as settled; None for a sync stopped by a regdraft that did not note them.
    settled: tuple[str, ...] | None = ()

    def save(self, ws: Workspace) -> None:
        """Keep the state in the git directory (never committed) until the sync finishes; written whole (a
        rename, the temporary file never through a link), as a sync may be killed at any moment."""
        write_atomic(ws.git_dir() / STATE_FILE, json.dumps(asdict(self)).encode("utf-8"))

    @staticmethod
    def load(ws: Workspace) -> SyncState | None:
        """The state of a stopped sync, or None."""
        path = ws.git_dir() / STATE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            settled = data.get("settled")
            return SyncState(**{k: str(data[k]) for k in ("remote", "branch", "before", "theirs", "how", "reason")},
                             settled=tuple(str(p) for p in settled) if isinstance(settled, list) else None)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @staticmethod
    def clear(ws: Workspace) -> None:
        """Forget the state once the sync is finished or abandoned."""
        (ws.git_dir() / STATE_FILE).unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Difference:
    """One provision (or part of a file) in conflict, with both versions as paragraphs."""

    where: str
    yours: tuple[str, ...]
    theirs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConflictedFile:
    """A file in conflict: how, and which provisions."""

    path: str
    how: str
    differences: tuple[Difference, ...] = ()
    answer: str = ""  # the comment whose answer (disposition and reply) both sides changed, when that is all
    # What `resolve --ours` (`--theirs`) drops, keeping one side's whole file: the other side's changes outside
    # the lines in conflict (`dropped_whole`); () when there are none.
    ours_drops: tuple[str, ...] = ()
    theirs_drops: tuple[str, ...] = ()
    adoption: str = ""  # the remote's side of a regulation, when it adopts an amendment (`adopted_sides`)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Everything unresolved in the workspace, and what stopped."""

    operation: str
    files: tuple[ConflictedFile, ...]
    remote: str = ""
    commit: CommitInfo | None = None
    by_sync: bool = True  # started by `regdraft sync` (its state kept); False: by `git pull`, `git merge` or by hand

    def report(self, width: int = 100) -> str:
        """The conflict in a drafter's words: files, provisions side by side, and the commands."""
        lines = [self._headline()]
        theirs = f"From {self.remote} (theirs)" if self.remote else "The other side (theirs)"
        for f in self.files:
            lines += ["", f"{shown_name(f.path)}: {f.how}."]
            # committed markers too: which side is yours is read from their labels
            titles = ("Yours", f"From {self.remote}: {f.adoption}" if f.adoption else theirs)
            for d in f.differences:
                rows = side_by_side(d.yours, d.theirs, titles, width - 4)
                lines += [f"  {d.where}:", *("    " + row for row in rows)]
        lines += ["", *self._commands()]
        return shown_text("\n".join(lines))  # the remote's text and names: no escape sequence reaches the terminal

    def _headline(self) -> str:
        what = {"rebase": "replaying your work on top of the shared remote's (rebase)",
                "merge": "merging the shared remote's work with yours"}.get(self.operation, "")
        if not self.operation:
            return ("Conflict markers (<<<<<<< ======= >>>>>>>) were committed in the workspace: "
                    "git could not merge two versions of the same lines.")
        commit = f' at your change "{self.commit.subject}"' if self.commit and self.operation == "rebase" else ""
        if not self.by_sync and self.operation in ("rebase", "merge"):
            # No sync of regdraft's started it: a `git pull` (merge, or rebase with `--rebase`) or git by hand.
            started = ("git pull` set to rebase, or `git rebase" if self.operation == "rebase"
                       else "git pull` or `git merge")
            return self._stopped(f"A git {self.operation} started outside regdraft (by `{started}`) stopped{commit}")
        if what:
            head = f"A sync stopped while {what}{commit}"
        else:
            head = f"A git {self.operation} is unfinished"
        return self._stopped(head)

    def _stopped(self, head: str) -> str:
        """The headline after `head`: how it stopped, and what is in conflict."""
        if not self.files and self.commit is None:  # git did not stop here: it was interrupted (killed)
            return head + "; it was interrupted, not stopped by a conflict, and nothing is lost."
        if not self.files:
            return head + "; every conflict is resolved."
        answers = [f.answer for f in self.files]
        if all(answers):
            named = f"comment {answers[0]}" if len(answers) == 1 else "comments " + ", ".join(answers)
            return head + f": you and a colleague answered {named} differently. Nothing is lost; choose which " \
                "answer to keep."
        if all(f.path.endswith((f"/{VOTE_FILE}", f"/{VOTE_PARTS_FILE}")) for f in self.files):  # a vote is no provision
            return head + ": you and a colleague recorded the conference vote differently. Nothing is lost; choose " \
                "which record to keep."
        return head + ": you and a colleague changed the same provisions. Nothing is lost; choose what to keep."

    def _commands(self) -> list[str]:
        # A git pull's merge is finished as a stopped sync is, then shared as `regdraft sync` shares: say so.
        finish = (f"`{GO_ON}` to finish the {self.operation} and share it as `regdraft sync` does"
                  if not self.by_sync and self.operation in ("rebase", "merge") else f"`{GO_ON}` to finish")
        before = "before the sync" if self.by_sync else f"before the {self.operation}"
        if self.operation and not self.files:
            return [f"Run {finish} (or `{ABORT}` to go back to how things were {before})."]
        out = ["To resolve each file, one of:"]
        for f in self.files:
            ours, theirs = Command.of("resolve", f.path, side="ours"), Command.of("resolve", f.path, side="theirs")
            what = "answer" if f.answer else "version"
            dropped = [f"      ({_undoing(f.adoption)})"] if f.adoption else _dropping(f.ours_drops, "the remote's")
            out += [f"  {ours}      keep your {what}", *dropped,
                    f"  {theirs}    keep the other {what}", *_dropping(f.theirs_drops, "your"),
                    f"  edit {shown_name(f.path)} (keep the text you want, delete the <<<<<<< ======= >>>>>>> lines), "
                    "then "
                    f"{Command.of('resolve', f.path)}"]
        if self.operation in ("rebase", "merge"):
            git_ours = "theirs" if self.operation == "rebase" else "ours"
            keep = Command.git("checkout", "FILE", switches=(git_ours,))
            carry_on = Command.git(self.operation, switches=("continue",))
            out += [f"Then run {finish} (or `{ABORT}` to go back to how things were {before}).",
                    f"With git itself: `{keep}` keeps yours (in a {self.operation} git calls yours "
                    f"“{git_ours}”), `{Command.git('add', 'FILE')}`, then `{carry_on}`."]
        return out


def _undoing(adoption: str) -> str:
    """What keeping your version of a regulation drops, when the remote's side adopts an amendment."""
    return (f"the whole file: this drops the changes {adoption} made to it, so the regulation would no longer be the "
            "text in force, and the sync would not send it")


def _dropping(drops: tuple[str, ...], whose: str) -> list[str]:
    if not drops:
        return []
    return [f"      (the whole file: {whose} other changes to it are dropped: {'; '.join(drops)})"]


def find_conflict(ws: Workspace) -> Conflict | None:
    """The unresolved conflict in the workspace, or None (cheap when there is none)."""
    operation = ws.operation()
    if operation:
        state = SyncState.load(ws)
        unmerged = ws.unmerged()
        files = [_unmerged_file(ws, path, code, operation) for path, code in unmerged]
        seen = {path for path, _ in unmerged}
        files += [_marked_file(ws, p, operation) for p in marked_files(ws) if p not in seen]
        return Conflict(operation, tuple(files), state.remote if state else "", ws.stopped_commit(), state is not None)
    found = marked_files(ws)
    if not found:
        return None
    return Conflict("", tuple(_marked_file(ws, p, "") for p in found))


def _unmerged_file(ws: Workspace, path: str, code: str, operation: str) -> ConflictedFile:
    # In a rebase HEAD is the remote's side and the other side is yours; in a merge, the reverse.
    head, other = ("the remote", "you") if operation == "rebase" else ("you", "the remote")
    how = KINDS.get(code, "in conflict").format(head=head, other=other)
    if code not in ("UU", "AA"):
        return ConflictedFile(path, how[:1].upper() + how[1:])
    found = _marked_file(ws, path, operation, how[:1].upper() + how[1:])
    if found.answer:
        return found
    return replace(found, ours_drops=whole_file_drops(ws, path, operation, "ours"),
                   theirs_drops=whole_file_drops(ws, path, operation, "theirs"), adoption=_adoption(ws, path))


def _adoption(ws: Workspace, path: str) -> str:
    """The remote's adoptions that changed the regulation at `path`, in a stopped sync (`adopted_sides`)."""
    from regdraft.workspace.adopted_sides import adoption_in

    state = SyncState.load(ws)
    return adoption_in(ws, path, state.before, state.theirs) if state is not None else ""


def whole_file_drops(ws: Workspace, path: str, operation: str, side: str) -> tuple[str, ...]:
    """What keeping `side` (`ours`: yours) of a file git holds in conflict whole drops of the other side's changes
    outside the lines in conflict, which git merged into the file (`dropped_whole`); () when there are none."""
    yours, remotes = (3, 2) if operation == "rebase" else (2, 3)
    kept_stage, other_stage = (yours, remotes) if side == "ours" else (remotes, yours)
    stages = [ws.stage(path, n) for n in (kept_stage, other_stage, 1)]
    try:
        kept, other = (decoded(data)[0] if data is not None else None for data in stages[:2])
        base = decoded(stages[2])[0] if stages[2] is not None else None
        merged = split(decoded(ws.read(path))[0])
    except (UnicodeDecodeError, StoreError):
        return ()
    if kept is None or other is None or not merged.blocks:
        return ()
    # The file with each block read as the side kept is the kept version itself unless git merged in lines of the
    # other side outside the blocks.
    if (merged.first if kept_stage == 2 else merged.second) == kept:
        return ()
    return dropped_whole(path, base, other, kept)


def _marked_file(ws: Workspace, path: str, operation: str, how: str = "") -> ConflictedFile:
    if not how:
        how = "It still holds conflict markers" if operation else "Conflict markers are left in it"
    try:
        data = ws.read(path)
    except StoreError:
        data = b""  # deleted on one side, a link or not a file: nothing to show side by side
    try:
        text = decoded(data)[0]  # UTF-16 too; no byte replaced in what is shown as either side
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return ConflictedFile(path, f"{how}; its line {line} is not UTF-8 text, so its two versions are not shown "
                                    "side by side")
    parts = split(text)
    yours_first = operation != "rebase" if operation else not second_is_replayed(parts)
    answer = comment_answers(ws, path, parts.first, parts.second) if parts.blocks else None
    if answer is not None:
        comment, first, second = answer
        yours, theirs = (first, second) if yours_first else (second, first)
        return ConflictedFile(path, how, (Difference(comment.where, yours, theirs),), comment.id)
    differences = []
    own = _own_sides(ws, path) if operation else None
    names = ("yours", "theirs") if yours_first else ("theirs", "yours")
    for block in parts.blocks:
        # Each side read in its own file: around a block, the file with markers holds lines merged cleanly from
        # the other side (a colleague's instruction inserted above renumbers yours only there).
        here = placed(block, *own) if own else None
        versions = own if here is not None and own else (parts.first, parts.second)
        for where, first, second in provisions_in(path, here or block, *versions, names, not yours_first):
            yours, theirs = (first, second) if yours_first else (second, first)
            differences.append(Difference(where, yours, theirs))
    return ConflictedFile(path, how, _merge_same(differences))


def _own_sides(ws: Workspace, path: str) -> tuple[str, str] | None:
    """The two versions git holds of a conflicted file (HEAD's, then the other side's), or None."""
    sides = (ws.stage(path, 2), ws.stage(path, 3))
    try:
        return (decoded(sides[0])[0], decoded(sides[1])[0]) if sides[0] is not None and sides[1] is not None else None
    except UnicodeDecodeError:
        return None


def _merge_same(differences: list[Difference]) -> tuple[Difference, ...]:
    out: list[Difference] = []
    for d in differences:
        if not any(o.where == d.where for o in out):
            out.append(d)
    return tuple(out)


# -- taking a side --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Resolution:
    """What `regdraft resolve` did, and what is left."""

    path: str
    kept: str
    remaining: tuple[str, ...]
    operation: str
    by_sync: bool = True  # the rebase or merge was started by `regdraft sync` (False: by `git pull` or by hand)
    dropped: tuple[str, ...] = ()  # the other side's changes outside the conflict, dropped with its whole file
    adoption: str = ""  # the remote's adoption whose changes to the file keeping yours dropped (`adopted_sides`)

    def message(self) -> str:
        """The outcome in words, with the next command."""
        head = f"Resolved {self.path}: {self.kept}."
        if self.adoption:
            head = (f"Resolved {self.path}: {self.kept}, the whole file, so the changes {self.adoption} made to it "
                    "are dropped: the regulation is no longer the text in force, and the sync will not send it. To "
                    f"keep the adoption, `{ABORT}` goes back to how things were before the sync; then sync again, "
                    "keep the other version, and write your change as an amendment.")
        elif self.dropped:
            whose = "the remote's" if self.kept == KEPT["ours"] else "your"
            before = "sync" if self.by_sync else self.operation
            head = (f"Resolved {self.path}: {self.kept}, the whole file, so {whose} other changes to it are dropped: "
                    f"{'; '.join(self.dropped)}. To keep them after all, `{ABORT}` goes back to how things were "
                    f"before the {before}; then sync again and edit the file, keeping both.")
        if self.remaining:
            return head + " Still in conflict: " + ", ".join(map(shown_name, self.remaining)) + "."
        if self.operation and not self.by_sync:
            return head + (f" Every conflict is resolved: run `{GO_ON}` to finish the {self.operation} and share it "
                           "as `regdraft sync` does.")
        if self.operation:
            return head + f" Every conflict is resolved: run `{GO_ON}` to finish the sync."
        return head


KEPT = {"ours": "kept your version", "theirs": "kept the other version", None: "kept the file as edited"}


def ensure_settled(ws: Workspace, *, first: bool = True) -> None:
    """Raise `UnresolvedConflict` with the whole report when the workspace holds a conflict; with `first`, also when a
    first sync was killed half way (`settled.first_unfinished`), which `sync` finishes."""
    conflict = find_conflict(ws)
    if conflict is not None:
        raise UnresolvedConflict(conflict.report())
    if first and first_unfinished(ws):
        raise UnresolvedConflict(
            "A first sync was interrupted while it took the shared remote's work into this workspace, which has no "
            "commit yet: some of the remote's files are written here, not all, and none is recorded. Nothing of "
            f"yours is lost. Run `{Command.of('sync')}` to finish it (it takes the remote's work again, whole), or "
            f"`{ABORT}` to remove what it wrote.")


@writes
def resolve(ws: Workspace, relative: str, side: str | None) -> Resolution:
    """Resolve one file: keep `ours` (yours), `theirs`, or (None) the file as edited by hand."""
    if side not in (None, "ours", "theirs"):
        raise UsageError("Keep your version or the other version, or neither after editing.", options=("side",))
    operation = ws.operation()
    unmerged = dict(ws.unmerged())
    is_marked = marked(ws, relative)
    if relative not in unmerged and not is_marked:
        listed = ", ".join(map(shown_name, sorted({*unmerged, *marked_files(ws)}))) or "none"
        raise StoreError(f"{relative} is not in conflict (files in conflict: {listed}); nothing was changed.")
    kept = KEPT[side]
    if side is None:
        if is_marked:
            raise StoreError(f"{relative} still holds conflict markers (<<<<<<< ======= >>>>>>>); edit it until "
                             "only the text you want is left, or keep one version whole.", options=("side",))
        _check_reads(ws, relative)
    dropped: tuple[str, ...] = ()
    adoption = ""
    if not operation:
        _resolve_committed(ws, relative, side, kept)
    elif side is None:
        ws.mark_resolved(relative)
    else:
        dropped = whole_file_drops(ws, relative, operation, side) if relative in unmerged else ()
        adoption = _adoption(ws, relative) if side == "ours" and relative in unmerged else ""
        # In a rebase git's "ours" is the remote's side (HEAD), and "theirs" the commit being replayed.
        flipped = {"ours": "theirs", "theirs": "ours"}[side] if operation == "rebase" else side
        ws.take(relative, flipped)
    remaining = tuple(sorted({p for p, _ in ws.unmerged()} | set(marked_files(ws))))
    operation = ws.operation()
    return Resolution(relative, kept, remaining, operation, not operation or SyncState.load(ws) is not None,
                      dropped, adoption)


def _resolve_committed(ws: Workspace, relative: str, side: str | None, kept: str) -> None:
    """Markers that were committed: write the chosen version and commit it."""
    if side is not None:
        again = Command.of("resolve", relative, side=side)
        parts = split(text_of(ws.read(relative), relative, f"correct it, then run `{again}` again; nothing was "
                              "changed"))  # a byte replaced would be written into the version kept
        # Committed in a rebase, the first side is the remote's and the second yours (`--ours` kept the
        # colleague's answer while saying it kept yours).
        yours, theirs = (parts.second, parts.first) if second_is_replayed(parts) else (parts.first, parts.second)
        ws.commit({relative: (yours if side == "ours" else theirs).encode("utf-8")},
                  f"Resolve the conflict in {relative} ({kept})", allow_dirty=True)
    else:
        ws.commit({relative: ws.read(relative)}, f"Resolve the conflict in {relative} by hand", allow_dirty=True)


def _check_reads(ws: Workspace, relative: str) -> None:
    """A hand-edited regulation or amendment must read before it is marked resolved."""
    if not ws.path(relative).is_file():
        return
    data = ws.read(relative)
    parts = Path(relative).parts
    try:
        if parts[0] == "regulations" and relative.endswith(".md"):
            from regdraft.core.markdown import parse

            parse(data, relative)
        elif len(parts) == 3 and parts[0] == "amendments" and parts[2] == "amendment.md":
            from regdraft.core.amend.document import front_matter_only
            from regdraft.workspace.amendments import amended_language, read_back

            front = front_matter_only(data, relative, parts[1])
            read_back(ws, data, relative, parts[1], amended_language(ws, front))
    except ParseError as exc:
        raise ParseError(f"{relative} does not read after the edit; fix it, then run `regdraft resolve "
                         f"{relative}` again:", exc.problems) from None


def settle_adoptions(ws: Workspace) -> list[str]:
    """Settle a rebase stopped where an adoption met another in a regulation file: rebuild each such
    file as its base text with every adopted amendment replayed (what `check` holds it to).

    Only when the commit being replayed is an adoption, every conflict is in a regulation file,
    and the remote's side of each equals the replay without that adoption (nobody edited it by
    hand). Returns the files rebuilt and marked resolved; [] when it does not apply (nothing done).
    """
    commit = ws.stopped_commit()
    unmerged = ws.unmerged()
    if ws.operation() != "rebase" or commit is None or not commit.subject.startswith(PREFIXES):
        return []
    paths = [p for p, code in unmerged if code == "UU" and p.startswith("regulations/") and p.count("/") == 1]
    slugs = [Path(p).parts[1] for _, p in commit.files if p.startswith("amendments/") and p.endswith("amendment.md")]
    if not unmerged or len(paths) != len(unmerged) or len(slugs) != 1:
        return []
    from regdraft.core.markdown_writer import render
    from regdraft.workspace.timeline import adopted_for, base_text, replay

    rebuilt: dict[str, bytes] = {}
    try:
        for path in paths:
            base = base_text(ws, path)
            adopted = adopted_for(ws, base.id)
            others = [a for a in adopted if a.slug != slugs[0]]
            remote_side = ws.stage(path, 2) or b""
            if render(replay(base, others, None).regulation).encode("utf-8") != remote_side:
                return []
            rebuilt[path] = render(replay(base, adopted, None).regulation).encode("utf-8")
    except (RegdraftError, ParseError):
        return []
    for path, data in rebuilt.items():
        ws.path(path).write_bytes(data)
        ws.mark_resolved(path)
    return sorted(rebuilt)

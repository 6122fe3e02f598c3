"""The git store, third part: what a git killed half way through a checkout leaves, put back. Owns git, with store.py.

Killed (a sync stopped with `kill -9`, a machine switched off) while it switches files, for a rebase or a merge, git
leaves its index lock (`.git/index.lock`: every later git command that writes refuses to start) and the files half
switched: some as the commit it was bringing in has them, one perhaps cut short, the rest as before; its index still
describes the files as they were. `KilledGit`, mixed into `Workspace` (through `SharedHistory`), takes that back:

1. The lock is removed only when no process holds it open (git keeps it open from taking it until it writes the
   index), and regdraft removes it only under its own workspace lock, so no git that regdraft started runs.
2. A file git was switching holds what one of the commits of the stopped operation has there (the commit being
   applied, HEAD, the commit before either, the branch's commit, the one rebased onto), nothing where one of them
   has nothing, or the start of what one has (the file git was writing when it died); a tracked file may be
   missing (git removes a file before it writes it anew). Only such files are put back as git's index holds them
   (new ones removed): each can be made again from a commit or the index, so nothing is lost.
3. Any other change is the drafter's and is left alone, for the sync to refuse as before.
4. An index lock no process holds, left by a git killed outside regdraft (an editor's `git commit`), makes every
   write fail: `index_lock` says so in a sentence (`check` names it, a write that fails on it says it in place of
   git's words), and `check --repair` removes it (`remove_abandoned_lock`), by the test of 1.
5. A ref lock (`refs/heads/main.lock`, `refs/tags/adopted/X.lock`, `HEAD.lock`, `packed-refs.lock`, `ORIG_HEAD.lock`,
   `MERGE_HEAD.lock`, and `REBASE_HEAD.lock` and `AUTO_MERGE.lock`, which git writes in a rebase or a merge) left by
   a git killed in `git commit`, `git tag`, `git update-ref`, `git rebase` or `git merge` makes that ref's every
   update fail, a repair's too. git closes a ref lock once it has written it, before it renames it into place, so an
   unopened ref lock is judged abandoned only when, besides, no git process runs in this repository: none has any
   of its worktrees (the main one, each linked one) or its git folders as its current folder (`ref_locks`,
   `remove_abandoned_ref_locks`); named by `check`, removed by the repair, and otherwise named in a sentence as safe
   to delete once no other regdraft or git command runs (`held_lock_said`). Only the locks of refs this workspace
   writes are ever removed (`_not_written`: its HEAD and the refs of a rebase or merge in its own git folder, its
   branch, the adoption tags, `packed-refs`, what `sync` fetches); another's (a branch another checkout is on, its
   HEAD) is named as such.
   The repository's shared folder is the one `git_policy.refuse_elsewhere` vouched for (`_common_dir`).
6. A write interrupted and not finished (`regdraft.workspace.journal`) is finished only over files the drafter has
   not changed since: `edited_since` names those that are neither as HEAD nor as the write has them.

A regdraft killed while it writes an output (an export) leaves the file it puts bytes in before giving it its
name, `NAME.regdraft-tmp`, in NAME's folder (`.NAME.regdraft-tmp` for a new file a commit links into place).
`leftover_files` lists those anywhere in the workspace (`out/`, where outputs go unless told otherwise, and any folder
`-o` named) that no process holds open (regdraft holds each open while it writes it); never a link, nothing inside a
`.git` folder (git's and regdraft's own files there are the repository's), nothing outside the workspace (links to
folders are not followed), nothing in folders nested more than `settled.MAX_FOLDER_DEPTH` deep (`os.walk` recursed
once a level: 1,100 nested folders stopped `check` on Python's recursion limit), which it names instead. It reads
the folders, not git (`check` runs without GitPython).

Whether a process holds a file open, or a git runs in a folder, is read from /proc by `regdraft.workspace.held_files`.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.layout import TEMPORARY
from regdraft.workspace import git_policy
from regdraft.workspace.held_files import Held, git_running, left_behind, not_held, open_files, unheld
from regdraft.workspace.settled import files_below
from regdraft.workspace.store_line_ends import blob_id as _blob_id

if TYPE_CHECKING:
    import git

WAIT_FOR_GIT = 5.0  # seconds a git still running (its regdraft killed) is given to finish or die
# Beside refs/**/*.lock: HEAD, the refs a sync's rebase or merge makes git write in the worktree's own git folder
# (ORIG_HEAD, MERGE_HEAD, REBASE_HEAD, AUTO_MERGE), and the shared packed-refs.
REF_LOCKS = ("HEAD.lock", "ORIG_HEAD.lock", "MERGE_HEAD.lock", "REBASE_HEAD.lock", "AUTO_MERGE.lock",
             "packed-refs.lock")
# The shared refs a workspace writes whatever its branch: the adoption tags (`amend adopt`, `sync`), and what `sync`
# fetches (`refs/remotes/<remote>/*`, the remote's adoption tags in `refs/regdraft/<remote>/adopted/*`).
WRITTEN_REFS = ("refs/tags/adopted/", "refs/remotes/", "refs/regdraft/")
_OWN_REFS = ("refs/bisect/", "refs/worktree/", "refs/rewritten/")  # each worktree's own, as HEAD is (git-worktree(1))
# The locks of refs git writes only when a rebase or merge stops on a conflict block only that (a git from 2024 on
# writes AUTO_MERGE through its lock and fails the merge without it); what each blocks, and what its removal frees.
_ONLY_BLOCKS = {
    "REBASE_HEAD.lock": (f"writes go on, but a `{Command.of('sync')}` whose rebase stops on a conflict cannot "
                         "record the commit it stopped at (git's REBASE_HEAD), and git reports an error at the end of "
                         "every rebase",
                         "a sync's rebase can record the commit it stops at again"),
    "AUTO_MERGE.lock": (f"writes go on, but a `{Command.of('sync')}` whose merge or rebase meets a conflict fails "
                        "with a recent git, which cannot record its merge of the conflicting files (git's AUTO_MERGE)",
                        "a sync's merge or rebase can record a conflict again"),
}
_LOCK_IN_GIT_WORDS = re.compile(r"Unable to create '([^']+\.lock)': File exists")


class KilledGit:
    """Recovery from a git killed half way; mixed into `Workspace`, which provides the repository."""

    root: Path
    _common: Path | None  # the repository's shared folder, once `git_policy` vouched for it (`_common_dir`)

    if TYPE_CHECKING:
        @property
        def repo(self) -> git.Repo: ...

        def _git(self, command: str, *args: str, ok: tuple[int, ...] = (), code: bool = False) -> str: ...

        def git_dir(self) -> Path: ...

        def _rev(self, ref: str) -> str | None: ...

        def _rebase_file(self, name: str) -> str: ...

        def identity_env(self) -> dict[str, str]: ...

        def recorded_id(self, relative: str, data: bytes) -> str: ...

    def repair_killed_checkout(self) -> list[str]:
        """Remove the index lock a killed git left, and put back the files it was switching (the module's 1-3).

        Call it holding the workspace lock. Returns the files put back ([] when git left no lock, or one that a
        running process still holds).
        """
        if not self.remove_abandoned_lock():
            return []
        versions = self._switch_candidates()
        status = self._git("status", "--porcelain", "-z", "--no-renames", "--untracked-files=all").split("\0")
        tracked, new = [], []
        for entry in (e for e in status if len(e) > 3):
            code, path = entry[:2], entry[3:]
            if code == "??" and self._from_git(path, versions, tracked=False):
                new.append(path)
            elif code[1] in "MD" and "U" not in code and code not in ("AA", "DD") and \
                    self._from_git(path, versions, tracked=True):
                tracked.append(path)
        if tracked:
            self._git("checkout-index", "-f", "--", *tracked)
        for path in new:
            (self.root / path).unlink(missing_ok=True)
        return sorted(tracked + new)

    def remove_abandoned_lock(self) -> bool:
        """Remove git's index lock when a killed git left it (the module's 1): True when it was removed.

        Call it holding the workspace lock; a lock a running process holds stays (after a short wait for it).
        """
        lock = self.git_dir() / "index.lock"
        if lock.is_symlink() or not lock.is_file() or not _abandoned(lock):  # a folder or link: not ours to remove
            return False
        lock.unlink(missing_ok=True)
        self._remove_next_indexes()
        return True

    def _remove_next_indexes(self) -> None:
        """git's temporary index of a `git commit <paths>` (`next-index-<pid>.lock`) that a killed git left beside its
        index lock, by the index lock's rules, its git's process gone too (r43 sweep CX F5: the repair left it)."""
        from regdraft.workspace import git_leftovers  # `check --repair`'s, not every run's
        from regdraft.workspace.git_leftovers import alive

        held: Held = None
        for lock in self.git_dir().glob("next-index-*.lock"):
            pid = git_leftovers.pid_of(lock)
            if lock.is_symlink() or not lock.is_file() or pid is None or alive(pid):
                continue
            held = open_files() if held is None else held  # /proc read once for them all (r44 sweep CI F2)
            if _abandoned(lock, 0, held=held):
                lock.unlink(missing_ok=True)

    def leftover_git_locks(self) -> list[Path]:
        """git's maintenance lock and lone temporary indexes a git that was stopped left (`git_leftovers`); one a git
        running now holds is not listed."""
        from regdraft.workspace import git_leftovers  # `check`'s, not every run's

        found = git_leftovers.leftover_locks(self.git_dir(), self._common_dir())
        places = self._git_places() if found else ()  # the worktrees are read only when there is a lock to judge
        held = open_files() if found else None  # /proc read once for them all (once a lock: 1,200 took 22.8 s)
        return [lock for lock in found if git_leftovers.abandoned(
            lock, lambda lock, where: _abandoned(lock, 0, git_in=where, held=held), places)]

    def ref_locks(self) -> list[Path]:
        """git's ref locks that are there (the module's 5): `REF_LOCKS` in the git directory (and in the common one
        of a linked worktree), and every `*.lock` under `refs/`; links and folders too, and those of refs this
        workspace never writes (`_not_written`): named, never removed."""
        folders = list(dict.fromkeys([self.git_dir(), self._common_dir()]))
        found = [folder / name for folder in folders for name in REF_LOCKS
                 if (folder / name).exists() or (folder / name).is_symlink()]
        for folder in folders:
            for top, dirs, files in os.walk(folder / "refs"):
                found += [Path(top) / name for name in sorted(files + dirs) if name.endswith(".lock")]
        return found

    def remove_abandoned_ref_locks(self) -> list[Path]:
        """Remove the ref locks a killed git left (the module's 5): those of refs this workspace writes that no
        process holds open, while no git process runs in this repository (in any of its worktrees). Call it holding
        the workspace lock. Returns those removed."""
        removed = []
        for lock in self.ref_locks():
            if not lock.is_symlink() and lock.is_file() and self._not_written(lock) is None and \
                    _abandoned(lock, git_in=self._git_places()):
                lock.unlink(missing_ok=True)
                removed.append(lock)
        return removed

    def lock_state(self, lock: Path, wait: float | None = None) -> tuple[bool, str] | None:
        """git's lock `lock` (index or ref), when it is there: whether it is abandoned (the module's 1 and 5, a git
        still running waited for up to `wait` seconds, `WAIT_FOR_GIT` unless given), and that and what to do in
        words; None when there is none."""
        if lock.name == "index.lock" and lock.resolve().parent == self.git_dir().resolve():
            return self.index_lock(wait)
        if not (lock.exists() or lock.is_symlink()):
            return None
        shown = self._shown(lock)
        if lock.is_symlink() or not lock.is_file():
            return False, (f"git's lock {shown} is not a file (a folder or a link), so every write to that ref fails "
                           f"until it is gone: {_safe_once_alone()}")
        whose = self._not_written(lock)
        if whose is not None:
            return False, (f"git's lock {shown} is on {whose}, which this workspace never writes: its writes go on, "
                           f"and `{Command.of('check', repair=True)}` leaves the lock; git's own updates of that ref "
                           "fail until it is gone, and deleting it is safe once no git command is running in any "
                           "checkout of this repository")
        if _abandoned(lock, wait, git_in=self._git_places()):
            blocks = self._only_blocks(lock)[0]
            said = f": {blocks}," if blocks else ", so every write to this workspace fails"
            return True, (f"git's lock {shown} is there and no git process holds it (a git that was stopped left "
                          f"it){said} until `{Command.of('check', repair=True)}` removes it")
        if not lock.exists():
            return None
        return False, f"git's lock {shown} is held by a process running now; {_safe_once_alone()}"

    def freed(self, lock: Path) -> str:
        """What the repair gives back in removing `lock`, an abandoned ref lock: writes, or only what it blocked."""
        return self._only_blocks(lock)[1]

    def _only_blocks(self, lock: Path) -> tuple[str, str]:
        """`_ONLY_BLOCKS`'s words for `lock` in this workspace's git folder; none for a lock that stops every write."""
        own = lock.name in _ONLY_BLOCKS and lock.parent.resolve() == self.git_dir().resolve()
        return _ONLY_BLOCKS[lock.name] if own else ("", "writes work again")

    def held_lock_said(self, detail: str) -> str | None:
        """The sentence for git's words `detail` when they are about a lock file that is there ("Unable to create
        '….lock': File exists"): which file, and whether the repair removes it or when deleting it is safe."""
        found = _LOCK_IN_GIT_WORDS.search(detail)
        if not found:
            return None
        state = self.lock_state(Path(found.group(1)), wait=0)
        if state is None:  # gone since: the git that held it has finished
            return None
        return state[1]

    def index_lock(self, wait: float | None = None) -> tuple[bool, str] | None:
        """git's index lock, when it is there (the module's 4): whether it is abandoned, no git process holding it
        (a git still running waited for up to `wait` seconds, `WAIT_FOR_GIT` as `remove_abandoned_lock` waits
        unless given), and that and what to do in words; None when there is none."""
        lock = self.git_dir() / "index.lock"
        if not lock.exists():
            return None
        shown = self._shown(lock)
        if lock.is_symlink() or not lock.is_file():  # a folder or a link: not git's, nor regdraft's to remove
            return False, (f"git's index lock {shown} is not a file (a folder or a link), so every write to this "
                           "workspace fails until it is gone: if no git is running, remove it yourself")
        if _abandoned(lock, wait):
            return True, (f"git's index lock {shown} is there and no git process holds it (a git that was stopped "
                          f"left it), so every write to this workspace fails until "
                          f"`{Command.of('check', repair=True)}` removes it")
        if not lock.exists():
            return None  # the git that held it has just finished
        return False, (f"git's index lock {shown} is held by a git process running now (an editor opened by "
                       "`git commit` waiting for its message, perhaps), so every write to this workspace fails until "
                       "that git ends: finish or close it")

    def _shown(self, lock: Path) -> str:
        """A lock's path as the drafter reads it: relative to the workspace where it is inside it."""
        for root in (self.root, self.root.resolve()):
            try:
                return lock.relative_to(root).as_posix()
            except ValueError:
                continue
        return str(lock)

    def _common_dir(self) -> Path:
        """The folder holding the refs the repository's worktrees share: the git directory, or for a linked worktree
        the repository's. Only ever the folder `git_policy.refuse_elsewhere` vouched for, never `commondir` read
        here: it follows a `.git` file or `commondir` only to this workspace's own repository (one `git worktree
        add` made, naming the workspace back), and raises `StoreError` for one naming elsewhere. The workspace's
        policy check (before its first git call) keeps that folder; before any, it is vouched for here, so no lock
        is read, judged or removed in another repository whichever order the calls come in (r31 sweep AS)."""
        if self._common is None:
            self._common = (git_policy.refuse_elsewhere(self.root) or self.git_dir()).resolve()
        return self._common

    def _git_places(self) -> tuple[Path, ...]:
        """The folders a git working on this repository has as its current one (or one inside them): every worktree
        of the repository, the main one and each linked one (a git in another checkout updates the refs they
        share), and the git folders."""
        common = self._common_dir()
        trees = [tree for tree, _ in git_policy.worktrees(common)]
        return tuple(dict.fromkeys(p.resolve() for p in (self.root, self.git_dir(), common, *trees)))

    def left_out_worktrees(self) -> list[tuple[Path, str]]:
        """The `gitdir` files naming no checkout, and why (`git_policy.left_out_worktrees`): `_git_places` misses."""
        return git_policy.left_out_worktrees(self._common_dir())

    def _not_written(self, lock: Path) -> str | None:
        """None when `lock` (a ref lock: `ref_locks`, or one git named) is that of a ref this workspace writes: its
        HEAD, ORIG_HEAD, MERGE_HEAD, REBASE_HEAD and AUTO_MERGE (in its own git folder), its branch
        (`git_policy.branches_of`), `packed-refs` and `WRITTEN_REFS`; otherwise that ref in words (the branch another
        checkout is on, that checkout's HEAD)."""
        own, common = self.git_dir().resolve(), self._common_dir()
        trees = [(tree, git_dir.resolve()) for tree, git_dir in git_policy.worktrees(common)]
        folder = (self.root / lock).parent.resolve()
        # The git folder the ref is in: the nearest holding the lock (a linked worktree's is inside the shared one).
        top = max((place for place in {own, common, *(git_dir for _, git_dir in trees)}
                   if place == folder or place in folder.parents), key=lambda place: len(place.parts), default=None)
        if top is None:
            return str(lock)
        ref = (folder / lock.name.removesuffix(".lock")).relative_to(top).as_posix()
        if top == own and f"{ref}.lock" in REF_LOCKS and ref != "packed-refs" or top == common and (
                ref == "packed-refs" or ref.startswith(WRITTEN_REFS) or ref in git_policy.branches_of(own)):
            return None
        if ref.startswith("refs/heads/"):
            tree = next((tree for tree, git_dir in trees if ref in git_policy.branches_of(git_dir)), None)
            return f"the branch {ref.removeprefix('refs/heads/')}" + (f", checked out in {tree}" if tree else "")
        tree = next((tree for tree, git_dir in trees if git_dir == top), None)
        if tree is None or ref.startswith("refs/") and not ref.startswith(_OWN_REFS):  # shared by every checkout
            return ref
        return f"{ref} of the checkout in {tree}"

    def edited_since(self, changes: Mapping[str, bytes | None]) -> list[str]:
        """Those of an interrupted write's files (`changes`, its journal's) that hold, in the work tree or in git's
        index, neither what HEAD has nor what the write writes (absent where either has no file): the drafter's
        edits since, which finishing the write would overwrite (the module's 5)."""
        if not changes:
            return []
        head = {} if self._rev("HEAD") is None else _listed(self._git("ls-tree", "-r", "-z", "--full-tree", "HEAD"))
        index = _listed(self._git("ls-files", "-s", "-z"))
        edited = []
        for relative, data in sorted(changes.items()):
            allowed = {head.get(relative), None if data is None else _blob_id(data)}
            disk = _on_disk(self.root / relative)
            if disk not in allowed and disk not in (None, "other"):  # a checkout's CRLF (`core.autocrlf`): as HEAD
                disk = self.recorded_id(relative, (self.root / relative).read_bytes())
            if index.get(relative) not in allowed or disk not in allowed:
                edited.append(relative)
        return edited

    def leftover_files(self, too_deep: list[str] | None = None) -> list[str]:
        """The outputs (workspace-relative) a regdraft that was stopped left half written (see the module); the
        folders nested past `settled.MAX_FOLDER_DEPTH`, not looked into, are added to `too_deep`."""
        deeper: list[Path] = []
        found = [path for path in files_below(self.root, skip=(".git",), too_deep=deeper)
                 if path.name.endswith(TEMPORARY) and path.name != TEMPORARY]
        if too_deep is not None:
            too_deep += [path.relative_to(self.root).as_posix() for path in deeper]
        held = open_files() if found else set()  # /proc read once, whatever the number of files
        return sorted(path.relative_to(self.root).as_posix() for path in found if left_behind(path, held))

    def rebase_not_begun(self) -> bool:
        """Whether a rebase was killed before it had left the branch: HEAD is still the branch, on the commit the
        rebase started from, and nothing is listed done. Undone (`git rebase --abort`), it can start again."""
        branch, original = self._rebase_file("head-name").strip(), self._rebase_file("orig-head").strip()
        if not (self.git_dir() / "rebase-merge").is_dir() or not branch.startswith("refs/heads/"):
            return False
        if self._rebase_file("done").strip():
            return False
        on = self._git("symbolic-ref", "-q", "HEAD", ok=(1,)).strip()
        return on == branch and self._rev(branch) == original

    def commit_staged_pick(self) -> str | None:
        """Commit the replay git had staged and not committed when it stopped, as git would have: a rebase's git
        that cannot take the index lock as it commits a replayed commit (another git held it a moment) or that is
        killed then, dies with the replay staged, the commit listed done, and no message kept for it; `git rebase
        --continue` then fails every time ("could not commit staged changes"). Only when every staged file is one
        the commit changes; recorded with its author, date and message (`git commit -C`). Returns its id, or None.
        """
        done = [line.split() for line in self._rebase_file("done").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
        if not done or done[-1][0] not in ("pick", "p") or len(done[-1]) < 2:
            return None
        if (self.git_dir() / "rebase-merge" / "message").is_file():
            return None  # git stopped there itself (a conflict): `git rebase --continue` commits it
        sha = done[-1][1]
        staged = {p for p in self._git("diff", "--cached", "--name-only", "--no-renames", "-z", "HEAD").split("\0")
                  if p}
        changed = {p for p in self._git("diff-tree", "-r", "--no-commit-id", "--name-only", "--no-renames", "-z",
                                        "--root", sha).split("\0") if p}
        if not staged or not staged <= changed:
            return None
        with self.repo.git.custom_environment(**self.identity_env()):
            self.repo.git.commit("-q", "--no-verify", "-C", sha)
        return sha

    def _switch_candidates(self) -> dict[str, dict[str, str]]:
        """Each commit a killed checkout may have been switching files from or to: {commit: {path: blob}}."""
        refs = ["HEAD", "HEAD^", "REBASE_HEAD", "MERGE_HEAD", "ORIG_HEAD"]
        refs += [self._rebase_file(name).strip() for name in ("onto", "orig-head")]
        for listing in ("done", "git-rebase-todo"):
            picks = [line.split() for line in self._rebase_file(listing).splitlines()
                     if line.strip() and not line.lstrip().startswith("#")]
            picks = [words for words in picks if len(words) > 1 and words[0] in ("pick", "p")]
            for words in picks[-1:] if listing == "done" else picks[:1]:
                refs += [words[1], words[1] + "^"]
        found: dict[str, dict[str, str]] = {}
        for ref in filter(None, refs):
            sha = self._rev(ref)
            if sha and sha not in found:
                entries = self._git("ls-tree", "-r", "-z", "--full-tree", sha).split("\0")
                found[sha] = {e.split("\t", 1)[1]: e.split()[2] for e in entries if "\t" in e}
        return found

    def _from_git(self, path: str, versions: dict[str, dict[str, str]], tracked: bool) -> bool:
        """Whether the file holds what a commit has there, or the start of it, or is a tracked file gone."""
        try:
            data = (self.root / path).read_bytes()
        except FileNotFoundError:
            return tracked  # git removes a file before it writes it anew; its index still has it
        except OSError:
            return False
        blobs = {files[path] for files in versions.values() if path in files}
        if _blob_id(data) in blobs:
            return True
        for blob in blobs:
            whole: bytes = self.repo.git.cat_file("blob", blob, stdout_as_string=False, strip_newline_in_stdout=False)
            if len(data) < len(whole) and whole.startswith(data):
                return True
        return False


def _listed(out: str) -> dict[str, str]:
    """{path: blob} from `git ls-tree -r -z` or `git ls-files -s -z` (stage 0 only: a conflicted file is no blob)."""
    found = {}
    for entry in out.split("\0"):
        info, _, path = entry.partition("\t")
        words = info.split()
        if path and len(words) == 3 and words[1] == "blob":  # ls-tree: mode, type, blob
            found[path] = words[2]
        elif path and len(words) == 3 and words[2] == "0":  # ls-files: mode, blob, stage
            found[path] = words[1]
    return found


def _on_disk(path: Path) -> str | None:
    """git's id of a work-tree file's bytes; None when there is no file; "other" for a link or a folder there."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return "other"
        return _blob_id(path.read_bytes())
    except FileNotFoundError:
        return None
    except OSError:
        return "other"


def _abandoned(lock: Path, wait: float | None = None, git_in: tuple[Path, ...] = (), held: Held = None) -> bool:
    """Whether git's lock file is there and no process holds it open (git dies with it open), waiting up to `wait`
    seconds (`WAIT_FOR_GIT` unless given) for a git still running. With `git_in` (a ref lock, which git closes before
    it renames it into place), also no git process may have one of those folders, or one inside them, as its own.
    `held`: the open files `open_files` read once for many locks, judged without waiting (`wait` 0); /proc is read
    again for each look otherwise."""
    deadline = time.monotonic() + (WAIT_FOR_GIT if wait is None else wait)
    while True:
        try:
            info = lock.stat()
        except OSError:
            return False
        if (unheld(info) if held is None else not_held(info, held)) and not (git_in and git_running(git_in, info)):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


def _safe_once_alone() -> str:
    """The advice for a lock regdraft cannot judge safe to remove: when deleting it is safe."""
    return ("it is safe to delete it once no other regdraft or git command is running in this workspace or in "
            "another checkout of its repository, and every write fails until it is gone")

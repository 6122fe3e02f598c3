"""The git store, second half: sharing a workspace through a remote. Owns git, with store.py.

`SharedHistory` is mixed into `Workspace`: the state of a stopped rebase or merge, fetch,
rebase or merge, tags, push. Every method runs git in the workspace's repository; a failure
becomes a `StoreError` naming git's own words. Nothing here reads documents. A remote reached before there is a
workspace (its branches, a clone) is `regdraft.workspace.store_remote`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.core.errors import StoreError
from regdraft.workspace.git_log import LogFormat
from regdraft.workspace.store_killed import KilledGit
from regdraft.workspace.store_remote import unreachable
from regdraft.workspace.store_writes import failure

if TYPE_CHECKING:
    import git

    from regdraft.workspace.pushed import Pushed

# Files in the git directory that say an operation stopped half way (a conflict, usually).
OPERATIONS = (("rebase-merge", "rebase"), ("rebase-apply", "rebase"), ("MERGE_HEAD", "merge"),
              ("CHERRY_PICK_HEAD", "cherry-pick"), ("REVERT_HEAD", "revert"))
ADOPTION_TAGS = "refs/tags/adopted/"


@dataclass(frozen=True, slots=True)
class CommitInfo:
    """One commit of a range: who made it, its subject, and the files it added, changed or deleted."""

    sha: str
    author: str
    subject: str
    files: tuple[tuple[str, str], ...] = ()  # (A|M|D, path)
    parents: int = 1


@dataclass(frozen=True, slots=True)
class Tag:
    """An annotated (or lightweight) tag: the commit it names and its message."""

    name: str
    commit: str
    ref: str  # the tag object (the commit itself for a lightweight tag)
    kind: str = "commit"  # what `commit` is: a tag a remote sent can name a blob or a tree


class SharedHistory(KilledGit):
    """Git operations for working together; mixed into `Workspace`, which provides the repository."""

    root: Path

    if TYPE_CHECKING:
        @property
        def repo(self) -> git.Repo: ...

        def _git(self, command: str, *args: str, ok: tuple[int, ...] = (), code: bool = False) -> str: ...

        def _head(self) -> str | None: ...

        def _query(self, command: str, *args: str, unborn: str | None = None, given: bytes | None = None) -> str: ...

        def identity_env(self) -> dict[str, str]: ...

        def path(self, relative: str) -> Path: ...

        def relative(self, path: Path) -> str: ...

        def dirty(self, paths: list[str]) -> list[str]: ...

    def git_dir(self) -> Path:
        """The repository's git directory, found without starting git (in a worktree `.git` is a file)."""
        dot = self.root / ".git"
        if dot.is_file():
            text = dot.read_text(encoding="utf-8", errors="replace").strip()
            if text.startswith("gitdir:"):
                return (self.root / text[len("gitdir:"):].strip()).resolve()
        return dot

    def operation(self) -> str:
        """The git operation stopped half way (`rebase`, `merge` ...), or "" when there is none."""
        folder = self.git_dir()
        return next((name for marker, name in OPERATIONS if (folder / marker).exists()), "")

    def unmerged(self) -> list[tuple[str, str]]:
        """Files git holds as conflicted: (path, git's two-letter code: UU, AA, UD, DU ...)."""
        return [(path, code) for path, code in self._stopped_status() if _conflicted(code)]

    def edited_while_stopped(self) -> list[str]:
        """Tracked files changed in the working tree beyond what git's stopped rebase or merge holds (its
        conflicts, and the resolutions staged for it): a drafter's edits made while a sync was stopped."""
        return [path for path, code in self._stopped_status() if code[1] in "MDT" and not _conflicted(code)]

    def _stopped_status(self) -> list[tuple[str, str]]:
        """(path, two-letter code) of every tracked file git's status lists while a rebase or merge is stopped."""
        if not self.operation():
            return []
        entries = self._git("status", "--porcelain", "-z", "--untracked-files=no").split("\0")
        return [(e[3:], e[:2]) for e in entries if len(e) > 3]

    def uncommitted(self) -> list[str]:
        """Every file with uncommitted changes (modified, staged or untracked; ignored files aside)."""
        return self.dirty(["."])

    def changed(self) -> list[str]:
        """Every tracked file with uncommitted changes (modified, staged, deleted); untracked files aside."""
        entries = self._git("status", "--porcelain", "-z", "--untracked-files=no").split("\0")
        found: list[str] = []
        i = 0
        while i < len(entries):
            if len(entries[i]) > 3:
                found.append(entries[i][3:])
                if entries[i][0] in "RC":
                    i += 1  # a rename or copy is followed by its original path
            i += 1
        return found

    def untracked(self) -> list[str]:
        """Every file git does not track, ignored ones included (a checkout overwrites either without a word)."""
        return [p for p in self._git("ls-files", "--others", "-z").split("\0") if p]

    def files_at(self, rev: str) -> set[str]:
        """Every file of the commit `rev`, workspace-relative."""
        return {p for p in self._git("ls-tree", "-r", "-z", "--name-only", rev).split("\0") if p}

    def stage(self, relative: str, number: int) -> bytes | None:
        """One side of a conflicted file from git's index (1 base, 2 HEAD, 3 the other side), or None."""
        import git

        try:
            data: bytes = self.repo.git.show(f":{number}:{relative}", stdout_as_string=False,
                                             strip_newline_in_stdout=False)
        except git.GitCommandError:
            return None
        return data

    def stopped_commit(self) -> CommitInfo | None:
        """The commit a stopped rebase was replaying, or the other side of a stopped merge."""
        for ref in ("REBASE_HEAD", "MERGE_HEAD"):
            if (self.git_dir() / ref).is_file():
                return self.commits(None, ref, limit=1)[0]
        return None

    def remotes(self) -> list[str]:
        """The names of the git remotes."""
        return self._git("remote").split()

    def upstream(self, branch: str) -> str:
        """The remote the branch is set to track, or ""."""
        reader = self.repo.config_reader()
        return str(reader.get_value(f'branch "{branch}"', "remote", "")) if reader.has_section(
            f'branch "{branch}"') else ""

    def shares_branch(self, branch: str) -> bool:
        """Whether git is set to share `branch` under its own name (it tracks the remote's branch of that name)."""
        reader = self.repo.config_reader()
        section = f'branch "{branch}"'
        return reader.has_section(section) and bool(reader.get_value(section, "remote", "")) and \
            str(reader.get_value(section, "merge", "")) == f"refs/heads/{branch}"

    def fetch(self, remote: str, branch: str) -> str | None:
        """Fetch the remote's branches and adoption tags; the remote branch's commit (None: no branch yet)."""
        self._network("fetch", ("--no-tags", "--prune"), remote, [f"+refs/heads/*:refs/remotes/{remote}/*",
                      f"+{ADOPTION_TAGS}*:refs/regdraft/{remote}/adopted/*"])
        return self.remote_head(remote, branch)

    def remote_head(self, remote: str, branch: str) -> str | None:
        """The remote's branch as git last saw it (fetched, or pushed to); None when it has none."""
        return self._rev(f"refs/remotes/{remote}/{branch}")

    def _rev(self, ref: str) -> str | None:
        out = self._git("rev-parse", "-q", "--verify", "--end-of-options", f"{ref}^{{commit}}", ok=(1, 128))
        return out.strip() or None

    def head(self) -> str | None:
        """The commit HEAD names, or None in an empty repository."""
        return self._head()

    def is_ancestor(self, older: str, newer: str) -> bool:
        """True when `older` is in the history of `newer` (or is it)."""
        return self._git("merge-base", "--is-ancestor", older, newer, ok=(1,), code=True) == "0"

    def related(self, one: str, other: str) -> bool:
        """True when two commits share some history."""
        return self._git("merge-base", one, other, ok=(1,), code=True) == "0"

    def commits(self, start: str | None, end: str, limit: int | None = None) -> list[CommitInfo]:
        """The commits in `start..end`, oldest first, each with the files it touched (merges: none)."""
        span = f"{start}..{end}" if start else end
        options = [f"--max-count={limit}"] if limit else ["--reverse"]
        log = LogFormat("%H", "%P", "%an", "%s")
        out = self._git("log", *options, "-z", "--no-renames", "--name-status", log.argument(), "--end-of-options",
                        span, "--")
        found = []
        for (sha, parents, author, subject), rest in log.records(out):
            words = [w.strip("\n") for w in rest.split("\x00") if w.strip("\n")]
            files = tuple((words[i][0], words[i + 1]) for i in range(0, len(words) - 1, 2))
            found.append(CommitInfo(sha, author, subject, files, len(parents.split())))
        return found

    def merge_base(self, one: str, other: str) -> str | None:
        """The newest commit in the history of both, or None when they share none."""
        return self._git("merge-base", one, other, ok=(1,)).strip() or None

    def changed_files(self, start: str, end: str) -> set[str]:
        """The files that differ between two commits (added, changed or deleted), workspace-relative."""
        out = self._git("diff", "--no-ext-diff", "--no-renames", "--name-only", "-z", start, end, "--")
        return {path for path in out.split("\0") if path}

    def reset_branch(self, rev: str) -> None:
        """Put the branch, the index and the tracked files back at `rev` (untracked files are left alone)."""
        self._git("reset", "-q", "--hard", rev)

    def published(self, shas: list[str], remote: str) -> bool:
        """True when any of the commits is already on a branch of a remote other than `remote`."""
        for sha in shas:
            refs = self._git("for-each-ref", "--format=%(refname)", "--contains", sha, "refs/remotes/")
            if any(not r.startswith(f"refs/remotes/{remote}/") for r in refs.split()):
                return True
        return False

    def integrate(self, upstream: str, how: str, message: str = "") -> bool:
        """Bring `upstream` into the branch: "ff", "rebase" or "merge"; False when a conflict stopped it."""
        args = {"ff": ("merge", "--ff-only", upstream),
                "rebase": ("rebase", "--no-autostash", "--no-autosquash", "--no-update-refs", upstream),
                "merge": ("merge", "--no-ff", "--no-edit", "-m", message, upstream)}[how]
        self._run_integration(*args)
        return not self.operation()

    def continue_integration(self) -> bool:
        """Go on with a stopped rebase or merge whose conflicts are resolved; False if it stops again.

        A rebase interrupted (killed) rather than stopped on a conflict is repaired first: one git finished
        is cleared (`finish_interrupted_rebase`), a replay git had staged and not committed is committed
        (`commit_staged_pick`), else a commit git had begun to replay is put back (`restore_lost_pick`).
        """
        operation = self.operation()
        if operation == "merge":
            self._run_integration("commit", "--no-edit", "--no-verify")
        elif operation == "rebase" and not self.finish_interrupted_rebase():
            committed = self.commit_staged_pick()
            restored = None if committed else self.restore_lost_pick()
            # A commit that resolving left with nothing of its own is skipped, not recorded empty.
            nothing = self._git("diff", "--cached", "--quiet", "HEAD", ok=(1,), code=True) == "0"
            self._run_integration("rebase", "--skip" if nothing and not (restored or committed) else "--continue")
        return not self.operation()

    def skip_replay(self) -> bool:
        """Leave out the commit a stopped rebase was replaying (`git rebase --skip`); False if it stops again."""
        self._run_integration("rebase", "--skip")
        return not self.operation()

    def _rebase_file(self, name: str) -> str:
        try:
            return (self.git_dir() / "rebase-merge" / name).read_text(encoding="utf-8")
        except OSError:
            return ""

    def finish_interrupted_rebase(self) -> bool:
        """Clear a rebase git had finished when it was stopped (killed): the branch already names the result
        and nothing is left to replay, but the rebase's folder is still there (git then refuses to go on:
        "cannot lock ref"). True when it was such a rebase; it is then over, HEAD on the branch."""
        branch, original = self._rebase_file("head-name").strip(), self._rebase_file("orig-head").strip()
        if not branch.startswith("refs/heads/") or _commands(self._rebase_file("git-rebase-todo")):
            return False  # no rebase of a branch, or one with commits left to replay
        result = self._rev(branch)
        if result is None or result == original or result != self._head():
            return False
        self._git("rebase", "--quit")  # removes git's folder, touching neither the branch nor the files
        if self._git("symbolic-ref", "-q", "HEAD", ok=(1,)).strip() != branch:
            self._git("symbolic-ref", "HEAD", branch)  # killed before git put HEAD back on the branch
        return True

    def restore_lost_pick(self) -> str | None:
        """Put back in a rebase's to-do list the commit git was starting to replay when it was killed.

        git lists a commit as done before it replays it (and dies at once when the process that started it is
        gone); `git rebase --continue` then goes on without it. The last commit listed done is lost when it is
        not the one git stopped at on a conflict (REBASE_HEAD) and HEAD is not its replay (which keeps its author,
        date and message). Put back when git had dropped it as already there, it is dropped again. Returns its id,
        or None.
        """
        done = _commands(self._rebase_file("done"))
        if not done or done[-1].split()[0] not in ("pick", "p"):
            return None
        sha = done[-1].split()[1]
        stopped = self.git_dir() / "REBASE_HEAD"
        if stopped.is_file() and stopped.read_text(encoding="utf-8").strip() == sha:
            return None
        key = "%an%x00%ae%x00%at%x00%B"
        if self._git("log", "-1", f"--format={key}", sha) == self._git("log", "-1", f"--format={key}", "HEAD"):
            return None
        todo = self.git_dir() / "rebase-merge" / "git-rebase-todo"
        todo.write_text(done[-1] + "\n" + self._rebase_file("git-rebase-todo"), encoding="utf-8")
        return sha

    def abort_integration(self) -> None:
        """Undo a stopped rebase or merge: the branch and files are as they were before it started."""
        operation = self.operation()
        if operation in ("rebase", "merge"):
            self._run_integration(operation, "--abort")

    def _run_integration(self, command: str, *args: str) -> None:
        import git

        # Through the repository's git, so its options hold (no hooks, no fsmonitor); conflict
        # markers in the plain style, and no editor to wait for.
        settings = {"merge.conflictStyle": "merge", "core.editor": "true", "rebase.autoSquash": "false"}
        env = {**self.identity_env(), "GIT_EDITOR": "true", "GIT_CONFIG_COUNT": str(len(settings))}
        for n, (key, value) in enumerate(settings.items()):
            env[f"GIT_CONFIG_KEY_{n}"], env[f"GIT_CONFIG_VALUE_{n}"] = key, value
        try:
            with self.repo.git.custom_environment(**env):
                getattr(self.repo.git, command)(*args)
        except git.GitCommandError as exc:
            if not self.operation():  # a stop on a conflict leaves the operation in progress; else it failed
                raise StoreError(f"git {command} failed in {self.root}: {failure(exc)}") from None

    def take(self, relative: str, side: str) -> None:
        """Resolve a conflicted file with one side, in git's terms (`ours` = HEAD), and mark it resolved."""
        number = 2 if side == "ours" else 3
        if self.stage(relative, number) is None:
            self.repo.git.rm("-q", "--", relative)  # that side deleted it
        else:
            self.repo.git.checkout(f"--{side}", "--", relative)
            self.repo.git.add("--", relative)

    def mark_resolved(self, relative: str) -> None:
        """Record a conflicted file, edited by hand, as resolved."""
        if self.path(relative).exists():
            self.repo.git.add("--", relative)
        else:
            self.repo.git.rm("-q", "--cached", "--", relative)

    def tags(self, namespace: str = ADOPTION_TAGS) -> dict[str, Tag]:
        """The tags under a ref namespace, by name below it (`adopted/05-QC-TU` for the default)."""
        out = self._git("for-each-ref", "--format=%(refname)%00%(objectname)%00%(*objectname)%00%(objecttype)%00"
                        "%(*objecttype)", namespace)
        found = {}
        for line in out.splitlines():
            ref, obj, peeled, kind, peeled_kind = line.split("\x00")
            name = "adopted/" + ref[len(namespace):]
            found[name] = Tag(name, peeled or obj, obj, peeled_kind or kind)
        return found

    def tag_subjects(self, namespace: str = ADOPTION_TAGS) -> dict[str, str]:
        """The subject of the commit each tag under `namespace` names (through an annotated tag), by name as `tags`
        gives it: one git for them all ("" for a tag on a blob or a tree)."""
        out = self._git("for-each-ref", "--format=%(refname)%00%(objecttype)%00%(subject)%00%(*subject)", namespace)
        found = {}
        for line in out.splitlines():
            ref, kind, subject, peeled = (line.split("\x00") + ["", "", ""])[:4]
            found["adopted/" + ref[len(namespace):]] = peeled if kind == "tag" else subject if kind == "commit" else ""
        return found

    def remote_tags(self, remote: str) -> dict[str, Tag]:
        """The adoption tags the remote had at the last fetch."""
        return self.tags(f"refs/regdraft/{remote}/adopted/")

    def any_ref(self, *namespaces: str) -> bool:
        """Whether any ref is under the namespaces (`refs/tags/adopted/`), asked without GitPython (`check` warm)."""
        return bool(self._query("for-each-ref", "--count=1", "--format=%(refname)", *namespaces).strip())

    def tags_merged(self, namespace: str, head: str) -> set[str]:
        """The names (as `tags` gives them) of the tags under `namespace` whose commit is in the history of `head`: one
        git for any number of tags."""
        out = self._git("for-each-ref", f"--merged={head}", "--format=%(refname)", namespace)
        return {"adopted/" + ref[len(namespace):] for ref in out.splitlines() if ref.startswith(namespace)}

    def undone(self, head: str) -> dict[str, str]:
        """The commits in the history of `head` that a later commit there undid with `git revert` ("This reverts
        commit …"), each with the commit that undid it; a revert itself reverted puts its commit back."""
        log = LogFormat("%H", "%B")
        out = self._git("log", "--reverse", "--fixed-strings", "--grep=This reverts commit ", log.argument(), head,
                        "--")
        undone: dict[str, str] = {}
        reverts: dict[str, str] = {}
        for (sha, body), _ in log.records(out):
            found = re.search(r"This reverts commit ([0-9a-f]{40,64})", body)
            if found is None:
                continue
            target = found.group(1)
            reverts[sha] = target
            if target in reverts and undone.get(reverts[target]) == target:
                del undone[reverts[target]]  # the revert was reverted: its commit stands again
            else:
                undone[target] = sha
        return undone

    def retag(self, tag: Tag, commit: str) -> None:
        """Move a tag to another commit, keeping its message (the tag object is made anew)."""
        message = self._git("for-each-ref", "--format=%(contents)", f"refs/tags/{tag.name}").strip()
        with self.repo.git.custom_environment(**self.identity_env()):
            if message and tag.ref != tag.commit:
                self.repo.git.tag("-f", "-a", tag.name, "-m", message, commit)
            else:
                self.repo.git.tag("-f", tag.name, commit)

    def rewritten(self, sha: str, start: str | None) -> str | None:
        """The commit in `start..HEAD` that a rebase made from `sha` (same author, time and message)."""
        log = LogFormat("%H", "%an", "%ae", "%at", "%B")

        def key(fields: list[str]) -> tuple[str, ...]:
            return (*fields[1:4], fields[4].strip())

        original = next((key(fields) for fields, _ in log.records(self._git("log", "-1", log.argument(), sha))), None)
        out = self._git("log", log.argument(), f"{start}..HEAD" if start else "HEAD")
        return next((fields[0] for fields, _ in log.records(out) if key(fields) == original), None)

    def replays(self, start: str, theirs: str) -> bool:
        """Whether every commit of `theirs..HEAD` but a merge is one of `theirs..start` as a rebase replays it (the
        same author, time and message): HEAD holds nothing made since a sync began at `start`."""
        log = LogFormat("%P", "%an", "%ae", "%at", "%B")

        def made(span: str) -> set[tuple[str, ...]]:
            out = self._git("log", log.argument(), "--end-of-options", span, "--")
            return {(*fields[1:4], fields[4].strip()) for fields, _ in log.records(out) if len(fields[0].split()) < 2}

        return made(f"{theirs}..HEAD") <= made(f"{theirs}..{start}")

    def push(self, remote: str, branch: str, tags: list[str]) -> Pushed | None:
        """Push the branch and tags in one atomic step: what the remote held of them before, or None when it moved
        on meanwhile."""
        import git

        from regdraft.workspace.pushed import Pushed

        refs = [f"HEAD:refs/heads/{branch}", *(f"refs/tags/{t}:refs/tags/{t}" for t in tags)]
        try:
            said = self._network("push", ("--atomic", "--porcelain"), remote, refs, raw=True)
        except git.GitCommandError as exc:
            detail = f"{exc.stdout or ''}\n{exc.stderr or ''}"
            if any(word in detail for word in ("non-fast-forward", "fetch first", "stale info", "failed to lock",
                                                "atomic push failed", "cannot lock ref")):
                return None
            why = unreachable(detail)
            if why:
                raise StoreError(f"Cannot reach the remote {remote} ({self._url(remote)}): {why}; your work is "
                                 "safe here, not sent yet.") from None
            raise StoreError(f"git push to {remote} failed: {failure(exc)}") from None
        return Pushed.read(said, branch, self.head() or "")

    def _url(self, remote: str) -> str:
        return self._git("config", "--get", f"remote.{remote}.url", ok=(1,)).strip() or remote

    def add_remote(self, name: str, url: str, branch: str) -> None:
        """Add a remote and make the branch track it."""
        self._git("remote", "add", name, url)
        self._git("config", f"branch.{branch}.remote", name)
        self._git("config", f"branch.{branch}.merge", f"refs/heads/{branch}")

    def _network(self, command: str, options: tuple[str, ...], remote: str, refs: list[str], raw: bool = False) -> str:
        """Run git fetch or push; a remote that cannot be reached is said so in words, other failures in git's."""
        import git

        try:
            out: str = getattr(self.repo.git, command)(*options, remote, *refs)
        except git.GitCommandError as exc:
            if raw:
                raise
            why = unreachable(str(exc.stderr or ""))
            if why:
                raise StoreError(f"Cannot reach the remote {remote} ({self._url(remote)}): {why}; nothing was "
                                 "changed.") from None
            raise StoreError(f"git {command} failed: {failure(exc)}") from None
        return out


def _commands(todo: str) -> list[str]:
    """The commands of a rebase's to-do (or done) list, comments and blank lines aside."""
    return [line.strip() for line in todo.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _conflicted(code: str) -> bool:
    """Whether git's two-letter status code is a conflict (both sides changed the file)."""
    return code in ("DD", "AA") or "U" in code

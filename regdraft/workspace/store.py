"""The git-backed workspace: read at a revision, write and commit, tag, log. Owns git.

The workspace layer reads and writes through the `Store` protocol below; `Workspace` keeps the
files in a git repository, and `regdraft.workspace.memory.MemoryWorkspace` keeps them in memory for
tests. A workspace holds `regdraft.yaml`, `regulations/`, `amendments/` and `templates/`. Every
write is one commit under the user's git identity (or the workspace's fallback identity), and
refuses to run over uncommitted changes to the files it touches.

Post-conditions of `Workspace.commit`:
1. Either every file is written and one commit records exactly those files, or the files,
   the index and HEAD are as they were before the call.
2. Files outside the workspace are never written.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from regdraft.core.errors import NoWorkspace, StoreError, UnknownName
from regdraft.core.layout import AMENDMENTS, CONFIG, FOLDERS, OUTPUT, REGULATIONS, regulation_path
from regdraft.workspace.journal import Entry, Journal, WorkspaceLock, stop_point
from regdraft.workspace.store_sync import CommitInfo as CommitInfo
from regdraft.workspace.store_sync import SharedHistory
from regdraft.workspace.store_sync import Tag as Tag

if TYPE_CHECKING:
    import git

CONFIG_NAME = CONFIG
OUTPUT_DIR = f"{OUTPUT}/"
DEFAULT_CONFIG: dict[str, Any] = {
    "identity": {"name": "regdraft", "email": "regdraft@localhost"},
    "profile": "party-36",
    "require_vote_majority": False,
}


HOOK_POLICIES = ("none", "run")
MANY_PATHS = 200  # more paths than this go to git in a file, not on the command line


def run_hooks(config: Mapping[str, Any]) -> bool:
    """True when the workspace asks for the repository's git hooks to run (`git_hooks: run`)."""
    return bool(config.get("git_hooks", "none") == "run")


_Call = TypeVar("_Call", bound=Callable[..., Any])


def write_lock(ws: Workspace) -> AbstractContextManager[None]:
    """The workspace lock, for a face that runs several library writes as one (the review server)."""
    return ws.writing("review server")


def writes(func: _Call) -> _Call:
    """Run a library function that reads, decides and commits under the workspace lock.

    Its first argument is the `Workspace`. What it read cannot change before it commits, so
    parallel writers (two command lines, the review server) never lose each other's work.
    """

    @functools.wraps(func)
    def locked(ws: Workspace, *args: Any, **kwargs: Any) -> Any:
        with ws.writing(func.__name__.replace("_", " ")):
            return func(ws, *args, **kwargs)

    return cast(_Call, locked)


@dataclass(frozen=True, slots=True)
class Revision:
    """One recorded version of the workspace (a commit), as the rest of regdraft sees it."""

    sha: str
    author: str
    date: str  # YYYY-MM-DD
    subject: str = ""
    when: str = ""  # the author date to the second, ISO 8601 with its offset

    @property
    def short(self) -> str:
        """The abbreviated sha printed on documents (7 characters)."""
        return self.sha[:7]


class Store(Protocol):
    """What the workspace layer reads and writes through: `Workspace` (git) or `MemoryWorkspace`.

    Paths are workspace-relative with forward slashes; `rev` names a recorded version (a sha,
    `HEAD`, `HEAD~1`, a tag) and None the working files.
    """

    def read(self, relative: str, rev: str | None = None) -> bytes: ...

    def exists(self, relative: str) -> bool: ...

    def files(self, folder: str, pattern: str = "*") -> list[str]: ...

    def dirty(self, paths: list[str]) -> list[str]: ...

    def commit(self, changes: Mapping[str, bytes | None], message: str, tag: str | None = None,
               allow_dirty: bool = False, author: str | None = None, *, initial: bool = False) -> str: ...

    def log(self, relative: str, rev: str | None = None, limit: int | None = None) -> list[Revision]: ...

    def resolve(self, rev: str) -> Revision: ...


def check_relative(relative: str) -> str:
    """A workspace-relative path that stays inside the workspace; `StoreError` otherwise."""
    parts = PurePosixPath(relative.replace("\\", "/")).parts
    if relative.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        raise StoreError(f"'{relative}' is outside the workspace; regdraft writes only inside it.")
    return "/".join(p for p in parts if p != ".")


class Workspace(SharedHistory):
    """A regdraft workspace on disk; git is imported only when history is needed."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._repo: git.Repo | None = None
        self._config: dict[str, Any] | None = None
        self._lock: WorkspaceLock | None = None
        self.commits_made: list[str] = []  # by `commit`, in order: what a command reports it committed

    @classmethod
    def find(cls, start: Path | None = None) -> Workspace:
        """The workspace containing `start` (default: the current directory)."""
        here = (start or Path.cwd()).resolve()
        for candidate in (here, *here.parents):
            if (candidate / CONFIG_NAME).is_file():
                return cls(candidate)
        raise NoWorkspace(
            f"{here} is not inside a regdraft workspace (no {CONFIG_NAME} found in it or above it); "
            "run `regdraft init` to create one, or pass --workspace DIR."
        )

    @property
    def config(self) -> dict[str, Any]:
        """The workspace settings from regdraft.yaml over the defaults."""
        if self._config is None:
            import yaml  # imported here so that `regdraft --help` stays fast

            from regdraft.core.frontmatter import load_yaml

            path = self.root / CONFIG_NAME
            try:
                # Missing only while `init` is writing it: the defaults apply.
                text = self.read(CONFIG_NAME).decode("utf-8") if self.exists(CONFIG_NAME) else ""
                data = load_yaml(text) or {}
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
                raise StoreError(f"{path}: cannot read the workspace settings: {exc}") from None
            if not isinstance(data, dict):
                raise StoreError(f"{path}: the workspace settings must be YAML keys and values.")
            self._config = {**DEFAULT_CONFIG, **data}
        return self._config

    @property
    def repo(self) -> git.Repo:
        """The git repository (GitPython is imported on first use)."""
        if self._repo is None:
            import git

            try:
                repo = git.Repo(self.root)
            except (git.InvalidGitRepositoryError, git.NoSuchPathError):
                raise StoreError(f"{self.root} is not a git repository; run `regdraft init` there.") from None
            self._repo = self._with_policy(repo)
        return self._repo

    def _with_policy(self, repo: git.Repo) -> git.Repo:
        """Every git call regdraft makes runs under its git policy (docs/security.md).

        `core.fsmonitor` is off: it names a program git would run on every status. Hooks run only
        when regdraft.yaml says `git_hooks: run`; by default none runs (`core.hooksPath` points
        nowhere, and commits pass `--no-verify`), so every write behaves the same in every clone.
        """
        options = ["core.fsmonitor=false"]
        if not run_hooks(self.config):
            options.append(f"core.hooksPath={os.devnull}")
        repo.git.set_persistent_git_options(c=options)
        return repo

    def path(self, relative: str) -> Path:
        """An absolute path inside the workspace; refuses paths that leave it."""
        target = (self.root / relative).resolve()
        if target != self.root and self.root not in target.parents:
            raise StoreError(f"'{relative}' is outside the workspace {self.root}; regdraft writes only inside it.")
        return target

    def relative(self, path: Path) -> str:
        """A path relative to the workspace root, with forward slashes."""
        return path.resolve().relative_to(self.root).as_posix()

    def read(self, relative: str, rev: str | None = None) -> bytes:
        """A file's bytes in the working tree, or at a git revision (read from git objects)."""
        if rev is None:
            try:
                return self.path(relative).read_bytes()
            except FileNotFoundError:
                raise StoreError(f"{relative} does not exist in the workspace.") from None
        commit = self._commit(rev)
        try:
            blob = commit.tree / relative
        except KeyError:
            raise StoreError(f"{relative} does not exist at revision {rev} ({commit.hexsha[:8]}).") from None
        data: bytes = blob.data_stream.read()
        return data

    def exists(self, relative: str) -> bool:
        """True when the working tree holds this file."""
        try:
            return self.path(relative).is_file()
        except StoreError:
            return False

    def files(self, folder: str, pattern: str = "*") -> list[str]:
        """The working files in `folder` whose path below it matches `pattern` (`*/amendment.md`), sorted."""
        base = self.path(folder)
        if not base.is_dir():
            return []
        return sorted(p.relative_to(self.root).as_posix() for p in base.glob(pattern) if p.is_file())

    def _commit(self, rev: str) -> git.Commit:
        import git

        try:
            return self.repo.commit(rev)
        except (git.BadName, ValueError, git.BadObject):
            raise UnknownName(f"There is no revision '{rev}' in {self.root}.") from None

    def resolve(self, rev: str) -> Revision:
        """The recorded version a revision names (branch, tag, sha, HEAD~2 ...)."""
        commit = self._commit(rev)
        return Revision(commit.hexsha, str(commit.author.name), commit.committed_datetime.date().isoformat(),
                        str(commit.summary))

    def regulation_files(self) -> list[str]:
        """Every regulation file in the workspace (relative paths), sorted."""
        return self.files(REGULATIONS, "*.md")

    def locate_regulation(self, name: str) -> str:
        """The workspace-relative path of a regulation named by id, file stem or path."""
        for candidate in (regulation_path(name), f"{REGULATIONS}/{name}", name):
            try:
                relative = check_relative(candidate)
            except StoreError:
                continue
            if relative and self.exists(relative):
                return relative
        known = ", ".join(PurePosixPath(p).stem for p in self.regulation_files()) or "none"
        raise UnknownName(f"There is no regulation '{name}' in {self.root / REGULATIONS} (known: {known}).")

    def tracked(self, relative: str) -> bool:
        """True when git tracks the file at `relative` in the index."""
        return bool(self._git("ls-files", "--", relative).strip())

    def dirty(self, paths: list[str]) -> list[str]:
        """Those of `paths` with uncommitted changes (modified, staged or untracked)."""
        if not paths:
            return []
        # -z: paths come unquoted, whatever characters they hold (`Tờ trình.md`). Many paths are
        # filtered here rather than passed to git, whose argument list is bounded.
        many = len(paths) > MANY_PATHS
        out = self._query("status", "--porcelain", "-z", "--untracked-files=all", *([] if many else ["--", *paths]))
        entries = out.split("\0")
        found: list[str] = []
        i = 0
        while i < len(entries):
            entry = entries[i]
            if len(entry) > 3:
                found.append(entry[3:])
                if entry[0] in "RC":
                    i += 1  # a rename or copy is followed by its original path
            i += 1
        if many:
            wanted = set(paths)
            found = [f for f in found if f in wanted or any(f.startswith(w.rstrip("/") + "/") for w in wanted)]
        return found

    @contextmanager
    def _pathspec(self, paths: list[str]) -> Iterator[list[str]]:
        """Git arguments naming `paths`: on the command line, or in a file when there are many.

        A 100,000-row comment import names 100,000 files; the command line cannot hold them.
        """
        if len(paths) <= MANY_PATHS:
            yield ["--", *paths]
            return
        spec = self._regdraft_dir / "pathspec"
        spec.parent.mkdir(parents=True, exist_ok=True)
        spec.write_bytes(b"\0".join(p.encode("utf-8") for p in paths))
        try:
            yield [f"--pathspec-from-file={spec}", "--pathspec-file-nul"]
        finally:
            spec.unlink(missing_ok=True)

    def identity_env(self) -> dict[str, str]:
        """Author and committer for commits: the user's git identity, else the fallback."""
        reader = self.repo.config_reader()
        name = reader.get_value("user", "name", "") if reader.has_section("user") else ""
        email = reader.get_value("user", "email", "") if reader.has_section("user") else ""
        fallback = self.config.get("identity") or DEFAULT_CONFIG["identity"]
        env = {}
        if not (name or os.environ.get("GIT_AUTHOR_NAME")):
            env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = str(fallback.get("name", "regdraft"))
        if not (email or os.environ.get("GIT_AUTHOR_EMAIL")):
            env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = str(fallback.get("email", "regdraft@localhost"))
        return env

    def person(self, name: str) -> str:
        """`Name <email>` for a commit authored by someone without a git identity here (a reviewer).

        Angle brackets and line breaks are dropped from the name, as git would refuse them; the
        email is the workspace's fallback identity's.
        """
        clean = " ".join("".join(ch for ch in name if ch not in "<>").split())
        fallback = self.config.get("identity") or DEFAULT_CONFIG["identity"]
        return f"{clean or 'regdraft'} <{fallback.get('email', 'regdraft@localhost')}>"

    @property
    def _regdraft_dir(self) -> Path:
        """`.git/regdraft/`: the lock and the journal of interrupted writes (never versioned)."""
        return Path(self.repo.git_dir) / "regdraft"

    @property
    def journal(self) -> Journal:
        """The record of a write in progress (present only when one was interrupted)."""
        return Journal(self._regdraft_dir)

    @contextmanager
    def writing(self, what: str, *, repairing: bool = False) -> Iterator[None]:
        """Hold the workspace lock: one writer at a time, the others wait (see `regdraft.journal`).

        Library functions that read, decide and then commit hold it around all three, so a
        parallel writer cannot change what they read; `commit` takes it in any case. While an
        interrupted write waits for its repair, every other write is refused.
        """
        if self._lock is None:
            self._lock = WorkspaceLock(self._regdraft_dir)
        with self._lock.held(what):
            if not repairing:
                self._refuse_interrupted()
            yield

    def commit(self, changes: Mapping[str, bytes | None], message: str, tag: str | None = None,
               allow_dirty: bool = False, author: str | None = None, *, initial: bool = False) -> str:
        """Write (or delete, for None) the files and record them in one commit; return its sha.

        Refuses when any of the files has uncommitted changes, naming them, when HEAD is not a
        branch with commits (`initial` allows the unborn branch of a new repository), and while
        an interrupted write waits for `regdraft check --repair`. On any failure the files, the
        index, HEAD and the tags are restored exactly. `author` (`Name <email>`) records the
        person the change comes from; the committer stays the workspace's identity.
        """
        with self.writing(message):
            operation = self.operation()
            if operation:
                # A commit now would land in the middle of someone else's history (or a half-made merge);
                # said before the detached-HEAD refusal, whose advice (`git switch`) would not fit a rebase.
                raise StoreError(f"A git {operation} is unfinished in {self.root}; nothing was changed. Finish it "
                                 "first: `regdraft sync --continue` once conflicts are resolved, or `regdraft sync "
                                 "--abort`.")
            branch = self.writable_branch(initial=initial)
            paths = sorted(changes)
            for relative in paths:
                self.write_path(relative)
            if not allow_dirty:
                dirty = self.dirty(paths)
                if dirty:
                    raise StoreError(
                        "Refusing to write over uncommitted changes to " + ", ".join(dirty)
                        + "; commit or stash them first (nothing was changed)."
                    )
            if tag and self._tag_exists(tag):
                raise StoreError(f"The tag '{tag}' already exists; nothing was changed.")
            saved = {p: (self.path(p).read_bytes() if self.path(p).is_file() else None) for p in paths}
            head = self._head()
            index = self._index_file()
            index_before = index.read_bytes() if index.is_file() else None
            journal = self.journal
            try:
                journal.begin(head, branch, message, tag, changes, author)
            except OSError as exc:
                journal.end()
                raise StoreError(f"cannot record the write ({exc.strerror or exc}); nothing was changed.") from None
            stop_point("journal-written")
            import git

            try:
                sha = self._write_and_commit(changes, paths, message, tag, author)
            except (git.GitCommandError, OSError) as exc:  # a program error is not "the write failed"
                self._restore(saved, head, index_before, tag)
                journal.end()
                detail = getattr(exc, "stderr", "") or (exc.strerror if isinstance(exc, OSError) else "") or str(exc)
                raise StoreError(
                    f"The write failed ({str(detail).strip()}); the workspace is as it was.") from None
            journal.end()
            self.commits_made.append(sha)
            return sha

    def _write_and_commit(self, changes: Mapping[str, bytes | None], paths: list[str], message: str,
                          tag: str | None, author: str | None) -> str:
        """Write the files, commit them and tag: the steps a journal can finish after a kill."""
        # In the caller's order: adoption writes its status line last, so a kill part-way
        # never leaves an amendment marked adopted over an unchanged regulation.
        for relative in changes:
            data = changes[relative]
            target = self.write_path(relative)
            if data is None:
                target.unlink(missing_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(target.name + ".regdraft-tmp")
                try:
                    tmp.write_bytes(data)
                    os.replace(tmp, target)
                finally:
                    tmp.unlink(missing_ok=True)
            stop_point("file-written")
        with self._pathspec(paths) as named:
            self.repo.git.add("-A", *named)
        commit_options = [] if run_hooks(self.config) else ["--no-verify"]
        with self.repo.git.custom_environment(**self.identity_env()):
            by = ["--author", author] if author else []
            with self._pathspec(paths) as named:
                self.repo.git.commit("-q", *commit_options, *by, "-m", message, *named)
            stop_point("committed")
            if tag:
                self.repo.git.tag("-a", tag, "-m", message)
        stop_point("tagged")
        return self.repo.head.commit.hexsha

    def writable_branch(self, *, initial: bool = False) -> str:
        """The branch HEAD names, refusing a detached HEAD (and an unborn branch unless `initial`)."""
        try:
            branch = str(self.repo.git.symbolic_ref("-q", "HEAD")).strip()
        except Exception:
            branch = ""
        if not branch.startswith("refs/heads/"):
            raise StoreError(
                f"HEAD in {self.root} is detached (not on a branch), so a commit made now would be lost "
                "at the next checkout; switch to a branch first (`git switch main`, or `git switch -c NEW` "
                "to keep the current commit), then run the command again (nothing was changed)."
            )
        if not initial and self._head() is None:
            raise StoreError(
                f"The branch {branch.removeprefix('refs/heads/')} in {self.root} has no commits yet; "
                "commit the workspace first (`regdraft init` does) (nothing was changed)."
            )
        return branch

    def _refuse_interrupted(self) -> None:
        journal = self.journal
        if journal.exists():
            entry = journal.read()
            raise StoreError(
                f"An earlier write to this workspace was interrupted: {entry.describe()}; finish it with "
                "`regdraft check --repair` (or `regdraft amend adopt --resume`) before writing again "
                "(nothing was changed)."
            )

    def resume(self) -> str | None:
        """Finish an interrupted write (files, commit and tag) and return what it was; None if none."""
        with self.writing("repair", repairing=True):
            journal = self.journal
            if not journal.exists():
                return None
            entry = journal.read()
            head = self._head()
            done = head is not None and head != entry.head and self._is_journal_commit(head, entry)
            if not done and head != entry.head:
                raise StoreError(
                    f"An interrupted write {entry.describe()} cannot be finished: HEAD has moved since "
                    f"(it was {(entry.head or 'unborn')[:8]}, it is {(head or 'unborn')[:8]}). Check the "
                    f"files it names ({', '.join(sorted(entry.changes))}) with `git status`, then delete "
                    f"{journal.path}."
                )
            try:
                if done:
                    if entry.tag and not self._tag_exists(entry.tag):
                        with self.repo.git.custom_environment(**self.identity_env()):
                            self.repo.git.tag("-a", entry.tag, "-m", entry.message)
                else:
                    self._write_and_commit(entry.changes, sorted(entry.changes), entry.message, entry.tag,
                                           entry.author)
                    stop_point("resumed")
            except Exception as exc:
                detail = getattr(exc, "stderr", "") or str(exc)
                raise StoreError(f"The interrupted write {entry.describe()} could not be finished "
                                 f"({str(detail).strip()}); run the repair again once that is fixed.") from None
            journal.end()
            return entry.describe()

    def interrupted(self) -> Entry | None:
        """The interrupted write waiting for a repair; None when there is none."""
        journal = self.journal
        return journal.read() if journal.exists() else None

    def _is_journal_commit(self, sha: str, entry: Entry) -> bool:
        commit = self.repo.commit(sha)
        parent = commit.parents[0].hexsha if commit.parents else None
        return parent == entry.head and str(commit.message).strip() == entry.message.strip()

    def write_path(self, relative: str) -> Path:
        """Where to write a workspace file: inside the workspace, through no symbolic link."""
        self.path(relative)
        target = self.root / relative
        current = self.root
        for part in Path(relative).parts:
            current = current / part
            if current.is_symlink():
                raise StoreError(
                    f"{self.relative_link(current)} is a symbolic link; regdraft writes only regular files "
                    "inside the workspace (nothing was changed)."
                )
        return target

    def relative_link(self, path: Path) -> str:
        """A path inside the workspace as written, without following links."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def _git(self, command: str, *args: str, ok: tuple[int, ...] = (), code: bool = False) -> str:
        """Run a git command; a failure becomes a StoreError (exit codes in `ok` are answers, not failures).

        With `code`, the exit status is returned instead of the output.
        """
        import git

        try:
            out: str = getattr(self.repo.git, command.replace("-", "_"))(*args, strip_newline_in_stdout=False)
        except git.GitCommandError as exc:
            if exc.status in ok:
                return str(exc.status) if code else ""
            detail = str(exc.stderr or exc).strip()
            raise StoreError(f"git {command} failed in {self.root}: {detail}") from None
        return "0" if code else out

    def _query(self, command: str, *args: str, unborn: str | None = None) -> str:
        """The output of a git command that only reads, run without GitPython (whose import costs
        more than the command), under the same policy (`_with_policy`); `unborn` is the answer on a
        branch with no commit yet."""
        import subprocess

        # As GitPython runs git; the ceiling keeps git from taking a repository above the workspace.
        environment = {**os.environ, "LC_ALL": "C", "LANGUAGE": "C", "GIT_CEILING_DIRECTORIES": str(self.root.parent)}
        done = subprocess.run(["git", "-c", "core.fsmonitor=false", command, *args], cwd=self.root,
                              capture_output=True, env=environment, check=False)
        if done.returncode != 0:
            head = self._head()  # through GitPython, which says when there is no repository at all
            if unborn is not None and head is None:
                return unborn
            detail = done.stderr.decode("utf-8", "replace").strip()
            raise StoreError(f"git {command} failed in {self.root}: {detail}")
        return done.stdout.decode("utf-8", "surrogateescape")

    def _head(self) -> str | None:
        try:
            return self.repo.head.commit.hexsha
        except ValueError:
            return None

    def _index_file(self) -> Path:
        return Path(self.repo.git_dir) / "index"

    def _tag_exists(self, tag: str) -> bool:
        return bool(self.repo.git.tag("--list", tag))

    def _restore(self, saved: Mapping[str, bytes | None], head: str | None, index: bytes | None,
                 tag: str | None) -> None:
        """Put the files, HEAD, the index and the tags back as they were before a failed write."""
        if tag and self._tag_exists(tag):
            self.repo.git.tag("-d", tag)
        if head is not None and self._head() != head:
            self.repo.git.reset("-q", "--soft", head)
        elif head is None and self._head() is not None:
            self.repo.git.update_ref("-d", "HEAD")
        for relative, data in saved.items():
            target = self.root / relative
            target.with_name(target.name + ".regdraft-tmp").unlink(missing_ok=True)
            if data is None:
                target.unlink(missing_ok=True)
            elif not target.is_file() or target.read_bytes() != data:
                target.write_bytes(data)
        index_file = self._index_file()
        current = index_file.read_bytes() if index_file.is_file() else None
        if current == index:
            return
        if index is None:
            index_file.unlink(missing_ok=True)
            return
        tmp = index_file.with_name("index.regdraft-tmp")
        try:
            tmp.write_bytes(index)
            os.replace(tmp, index_file)
        except OSError:
            # The disk may still be full: put the entries back from HEAD instead of the bytes.
            tmp.unlink(missing_ok=True)
            with self._pathspec(list(saved)) as named:
                self.repo.git.reset("-q", head or "HEAD", *named)

    def log(self, relative: str, rev: str | None = None, limit: int | None = None) -> list[Revision]:
        """The commits that touched a file, newest first, following renames (up to `rev`, at most `limit`)."""
        options = [f"--max-count={limit}"] if limit is not None else []
        if rev is not None:
            options.append(self._commit(rev).hexsha)
        out = self._query("log", "--follow", "--format=%H%x00%an%x00%ad%x00%aI%x00%s", "--date=short", *options,
                          "--", relative, unborn="")
        entries = []
        for line in out.splitlines():
            sha, author, date, when, subject = line.split("\x00", 4)
            entries.append(Revision(sha, author, date, subject, when))
        return entries


def init_workspace(directory: Path, example_from: Path | None = None) -> Workspace:
    """Create a workspace in `directory` (a new or existing git repository) and commit it."""
    import git

    from regdraft.core.frontmatter import dump_yaml

    directory.mkdir(parents=True, exist_ok=True)
    try:
        repo = git.Repo(directory)
    except git.InvalidGitRepositoryError:
        repo = git.Repo.init(directory, initial_branch="main")
    if (directory / CONFIG_NAME).exists():
        raise StoreError(f"{directory} is already a regdraft workspace ({CONFIG_NAME} exists).")
    workspace = Workspace(directory)
    workspace._repo = workspace._with_policy(repo)
    changes: dict[str, bytes | None] = {
        CONFIG_NAME: dump_yaml(DEFAULT_CONFIG, sort_keys=False, allow_unicode=True).encode(),
    }
    for folder in FOLDERS:
        if not (directory / folder).exists():
            changes[f"{folder}/.gitkeep"] = b""
    ignore = directory / ".gitignore"
    ignored = ignore.read_bytes() if ignore.is_file() else b""
    if OUTPUT_DIR.encode() not in ignored.splitlines():
        # Redlines and exports default to out/; they are handed out, not versioned.
        separator = b"" if not ignored or ignored.endswith(b"\n") else b"\n"
        changes[".gitignore"] = ignored + separator + OUTPUT_DIR.encode() + b"\n"
    if example_from is not None:
        for folder in (REGULATIONS, AMENDMENTS):
            for path in sorted((example_from / folder).rglob("*")):
                if path.is_file():
                    changes[f"{folder}/{path.relative_to(example_from / folder).as_posix()}"] = path.read_bytes()
    workspace.commit(changes, "Set up regdraft workspace" + (" with the example data" if example_from else ""),
                     initial=True)
    return workspace

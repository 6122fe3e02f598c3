"""The git-backed workspace: read at a revision, write and commit, tag, log. Owns git.

The workspace layer reads and writes through the `Store` protocol below; `Workspace` keeps the
files in a git repository, and `regdraft.workspace.memory.MemoryWorkspace` keeps them in memory for
tests. A workspace holds `regdraft.yaml`, `regulations/`, `amendments/` and `templates/`. Every
write is one commit under the user's git identity (or the workspace's fallback identity), and
refuses to run over uncommitted changes to the files it touches.

The working files read without git (paths, links, regulations by name) are `regdraft.workspace.store_files`;
writing (the lock, the journal and the all-or-nothing commit) `regdraft.workspace.store_writes`, an interrupted
write refused and finished `regdraft.workspace.store_interrupted`, new files committed from a stream
`regdraft.workspace.store_new_files`, sharing through a remote `regdraft.workspace.store_sync`, the history
(`Revision`, the logs of a file and of the workspace) `regdraft.workspace.store_history`, a file's history followed
through its renames `regdraft.workspace.store_renames`, a working file compared with a text as git records both
`regdraft.workspace.store_line_ends`; all are mixed into `Workspace`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from regdraft.core.commands import Command
from regdraft.core.encodings import Unreadable, strict_text
from regdraft.core.errors import GitFailed, NoWorkspace, ParseError, StoreError, UnknownName
from regdraft.core.layout import AMENDMENTS, CONFIG, FOLDERS, OUTPUT, REGULATIONS
from regdraft.workspace import git_head, git_nested, git_policy
from regdraft.workspace.journal import WorkspaceLock
from regdraft.workspace.roots import workspace_root
from regdraft.workspace.store_files import MAX_FILE_BYTES, WorkingFiles, read_inside, too_large
from regdraft.workspace.store_first import FirstSync
from regdraft.workspace.store_history import History, history_bound
from regdraft.workspace.store_history import Revision as Revision  # its callers import it from here
from regdraft.workspace.store_line_ends import LineEnds
from regdraft.workspace.store_line_ends import blob_id as blob_id
from regdraft.workspace.store_new_files import NewFiles
from regdraft.workspace.store_sync import CommitInfo as CommitInfo
from regdraft.workspace.store_sync import SharedHistory
from regdraft.workspace.store_sync import Tag as Tag
from regdraft.workspace.store_undo import UndoneWrites
from regdraft.workspace.store_writes import HOOK_POLICIES as HOOK_POLICIES
from regdraft.workspace.store_writes import MANY_PATHS, failure, run_hooks

if TYPE_CHECKING:
    import subprocess

    import git

CONFIG_NAME = CONFIG
OUTPUT_DIR = f"{OUTPUT}/"
DEFAULT_CONFIG: dict[str, Any] = {"identity": {"name": "regdraft", "email": "regdraft@localhost"},
                                  "profile": "party-36", "require_vote_majority": False}


_Call = TypeVar("_Call", bound=Callable[..., Any])


def write_lock(ws: Workspace, wait: float | None = None) -> AbstractContextManager[None]:
    """The workspace lock, for a face that runs several library writes as one (the review server); another writer
    is waited for up to `wait` seconds (`journal.lock_timeout()` unless given), then `journal.WriterBusy`."""
    return ws.writing("review server", wait=wait)


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


class Workspace(WorkingFiles, SharedHistory, FirstSync, NewFiles, UndoneWrites, History, LineEnds):
    """A regdraft workspace on disk; git is imported only when history is needed."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._repo: git.Repo | None = None
        self._config: dict[str, Any] | None = None
        self._git_checked = False
        self._common: Path | None = None  # the repository's shared folder, once `git_policy` vouched for it
        self._settings_read: git_policy.Settings = None  # the files its settings came from, as last checked
        self._lock: WorkspaceLock | None = None
        # What this object committed, in order: what a command reports under --json.
        self.commits_made: list[str] = []
        self.files_committed: list[str] = []
        self.refused_interrupted = False  # a write was refused while an interrupted one waits for its repair
        # Comment files that do not read, set aside by the readers of comments instead of failing: the review
        # server's workspaces only (`unreadable_comments.keep_aside`); None: they fail, as every command wants.
        self.comments_aside: list[tuple[str, ParseError]] | None = None
        self._renames: dict[str, list[str]] = {}  # commit -> its renames (`_renamed_from`), one per commit asked
        self._walks: dict[str, Any] = {}  # a rename's commit -> the history before it (`store_renames`)

    @classmethod
    def find(cls, start: Path | None = None) -> Workspace:
        """The workspace containing `start` (default: the current directory)."""
        here = (start or Path.cwd()).resolve()
        root = workspace_root(here)
        if root is not None:
            return cls(root)
        raise NoWorkspace(
            f"{here} is not inside a regdraft workspace (no {CONFIG_NAME} found in it or above it); "
            "run `regdraft init` to create one, or name the workspace folder.", options=("workspace",)
        )

    @property
    def config(self) -> dict[str, Any]:
        """The workspace settings from regdraft.yaml over the defaults."""
        if self._config is None:
            from regdraft.workspace.parse_cache import read_yaml

            path = self.root / CONFIG_NAME
            try:
                # Missing only while `init` is writing it: the defaults apply. UTF-16 (Notepad's "Unicode") too.
                text = strict_text(self.read(CONFIG_NAME)) if self.exists(CONFIG_NAME) else ""
                data = read_yaml(self, text) or {}  # kept in the cache: PyYAML is not imported when warm
            except OSError as exc:
                raise StoreError(f"{path}: cannot read the workspace settings: {exc}") from None
            except Unreadable as exc:
                raise StoreError(f"{CONFIG_NAME}:{exc.line}: cannot read the workspace settings: {exc.why}; save the "
                                 "file as UTF-8. Nothing was done.") from None
            except Exception as exc:
                import yaml

                if not isinstance(exc, yaml.YAMLError):
                    raise
                # At its line, as a comment file's (`regdraft.yaml:3: … not valid YAML (…)`), not the parser's dump.
                mark = getattr(exc, "problem_mark", None)
                line = f":{mark.line + 1}" if mark is not None else ""
                raise StoreError(f"{CONFIG_NAME}{line}: the workspace settings are not valid YAML "
                                 f"({getattr(exc, 'problem', None) or exc}); nothing was done.") from None
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
        """Every git call regdraft makes runs under its git policy (`git_policy`, docs/security.md).

        No program the repository's own settings name runs: fsmonitor and signing are off, a repository
        whose settings hold any but harmless ones (a filter, an editor, a cookie file …) is refused. Hooks run only
        when regdraft.yaml says `git_hooks: run` and the user's own git settings allow it
        (`regdraft.runHooks`); by default none runs (`core.hooksPath` points
        nowhere, and commits pass `--no-verify`), so every write behaves the same in every clone.
        """
        repo.git.set_persistent_git_options(c=self.git_options(run_hooks(self.config, self.root)))
        repo.git.update_environment(**git_policy.QUIET)  # no lazy fetch, no optional lock
        return repo

    def git_options(self, hooks: bool = False) -> list[str]:
        """The `-c` settings of a git call here (`git_policy`); the repository is checked before the first."""
        if not self._git_checked:
            self._common, self._settings_read = git_policy.refuse_programs(self.root)
            git_nested.refuse_nested(self.root)  # a submodule's own settings are not read: refused outright
            self._git_checked = True
        return git_policy.options(hooks)

    def read(self, relative: str, rev: str | None = None) -> bytes:
        """A file's bytes in the working tree, or at a git revision (read from git objects)."""
        if rev is None:
            return read_inside(self.root, relative)
        commit = self._commit(rev)
        try:
            blob = commit.tree / relative
            if blob.size > MAX_FILE_BYTES:  # asked of git first: a 380 KB clone held a 68 MB version (4 GB to compare)
                raise too_large(relative, blob.size, f" at revision {rev} ({commit.hexsha[:8]})")
            data: bytes = blob.data_stream.read()
        except KeyError:
            raise StoreError(f"{relative} does not exist at revision {rev} ({commit.hexsha[:8]}).") from None
        except ValueError:  # GitPython's word for an object git does not have (a partial or damaged copy)
            raise StoreError(
                f"{relative} cannot be read at revision {rev} ({commit.hexsha[:8]}): this workspace's repository "
                "lacks a part of it (a copy made without all of git's objects, or a damaged one); `git fsck` lists "
                f"what is missing, and `{Command.of('clone', 'URL')}` makes a whole copy again.") from None
        return data

    def size(self, relative: str, rev: str) -> int:
        """A file's size in bytes at a git revision, as git records it: the file is not read."""
        commit = self._commit(rev)
        try:
            return int((commit.tree / relative).size)
        except (KeyError, ValueError):
            return len(self.read(relative, rev))  # says why it cannot be read

    def read_beside(self, relative: str, rev: str, now: int) -> bytes | None:
        """A file's bytes at a git revision, to compare with its text now (`now` bytes long); None, unread, when
        they are more than `HISTORY_TIMES` as many and over `HISTORY_BYTES`. A clone packs repeated text some 300
        times over: a 400 KB clone held a 68 MB first version of a regulation, which `check` read and parsed with 6
        GB of memory for over 5 minutes."""
        return None if self.size(relative, rev) > history_bound(now) else self.read(relative, rev)

    def _commit(self, rev: str) -> git.Commit:
        import git

        try:
            return self.repo.commit(rev)
        # GitPython's rev_parse reads reflog syntax itself: `HEAD@{5}` and `@{-1}` past the log are an IndexError,
        # `HEAD@{yesterday}` a NotImplementedError (a vote.yaml `revision` or `--from` ended in a traceback).
        except (git.BadName, ValueError, git.BadObject, IndexError, NotImplementedError):
            raise UnknownName(f"There is no revision '{rev}' in the workspace.") from None

    def resolve(self, rev: str) -> Revision:
        """The recorded version a revision names (branch, tag, sha, HEAD~2 ...)."""
        commit = self._commit(rev)
        return Revision(commit.hexsha, str(commit.author.name), commit.committed_datetime.date().isoformat(),
                        str(commit.summary))

    def tracked(self, relative: str) -> bool:
        """True when git tracks the file at `relative` in the index."""
        return bool(self._query("ls-files", "--", relative).strip())

    def tracked_among(self, paths: list[str]) -> set[str]:
        """Those of `paths` git tracks: one `git ls-files`, whatever their number."""
        return set(paths) & set(self._query("ls-files", "-z").split("\0")) if paths else set()

    def vouched(self, paths: list[str]) -> set[str]:
        """The files under `paths` whose edits `dirty` reports: tracked, and not marked assume-unchanged or
        skip-worktree (`git ls-files -v`: `H`; such a mark in a received index hides an edit from git's status)."""
        listed = self._query("ls-files", "-v", "-z", "--", *paths).split("\0") if paths else []
        return {entry[2:] for entry in listed if entry.startswith("H ")}

    def dirty(self, paths: list[str]) -> list[str]:
        """Those of `paths` with uncommitted changes (modified, staged or untracked)."""
        if not paths or self._nothing_tracked(paths):
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

    def deleted(self, folder: str) -> list[str]:
        """The files under `folder` the last commit holds and the working tree lacks, sorted: deleted, the deletion
        not committed (staged or not). One `git diff` of HEAD against the working files; no history is read."""
        out = self._query("diff", "--no-renames", "--no-ext-diff", "--name-only", "-z", "--diff-filter=D", "HEAD",
                          "--", folder, unborn="")
        return sorted(p for p in out.split("\0") if p and not self.exists(p))

    def unrecorded(self, folder: str) -> dict[str, bool]:
        """The files under `folder` the working tree holds and the last commit lacks, each with whether the index has
        it (added, as `git mv` adds its new name) or not (untracked, ignored too): one `git status`."""
        out = self._query("status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--ignored",
                          "--", folder, unborn="")
        found = {}
        for entry in out.split("\0"):
            if len(entry) > 3 and (entry[:2] in ("??", "!!") or entry[0] == "A") and self.exists(entry[3:]):
                found[entry[3:]] = entry[0] == "A"
        return found

    def branches(self) -> tuple[str, dict[str, str]]:
        """The branch checked out ("" when none: detached, or no commit yet) and every local branch's commit, by its
        short name: one `git for-each-ref`."""
        out = self._query("for-each-ref", "--format=%(HEAD)%00%(refname:short)%00%(objectname)", "refs/heads/")
        current, found = "", {}
        for line in out.splitlines():
            mark, _, rest = line.partition("\0")
            name, _, sha = rest.partition("\0")
            if name and sha:
                found[name] = sha
                current = name if mark == "*" else current
        return current, found

    def _nothing_tracked(self, paths: list[str]) -> bool:
        """No index, no commit and none of `paths`: a status lists nothing (`init` in a new folder asks no git)."""
        return not git_nested.has_index(self.root) and not any(os.path.lexists(self.root / p) for p in paths) \
            and self._head() is None

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

    def _git(self, command: str, *args: str, ok: tuple[int, ...] = (), code: bool = False) -> str:
        """Run a git command; a failure becomes a StoreError (exit codes in `ok` are answers, not failures).

        With `code`, the exit status is returned instead of the output.
        """
        import git

        try:
            out: str = getattr(self.repo.git, command.replace("-", "_"))(*git_policy.arguments(command, args),
                                                                         strip_newline_in_stdout=False)
        except git.GitCommandError as exc:
            if exc.status in ok:
                return str(exc.status) if code else ""
            detail = failure(exc)  # git's words, not GitPython's report opening with the command line
            raise GitFailed(f"git {command} failed in {self.root}: {detail}", detail) from None
        return "0" if code else out

    def _query(self, command: str, *args: str, unborn: str | None = None, given: bytes | None = None) -> str:
        """The output of a git command that only reads, run without GitPython (whose import costs
        more than the command), under the same policy (`_with_policy`); `unborn` is the answer on a
        branch with no commit yet, `given` its input."""
        import subprocess

        done = subprocess.run(self._reading(command, args), cwd=self.root, capture_output=True,
                              env=git_policy.environment(self.root), check=False, input=given)
        if done.returncode != 0:
            head = self._head()  # through GitPython, which says when there is no repository at all
            if unborn is not None and head is None:
                self._refuse_headless()  # a loop of symbolic refs is no unborn branch (r39 sweep BX F4)
                return unborn
            detail = done.stderr.decode("utf-8", "replace").strip()
            raise StoreError(f"git {command} failed in {self.root}: {detail}")
        return done.stdout.decode("utf-8", "surrogateescape")

    def _reading(self, command: str, args: tuple[str, ...]) -> list[str]:
        """The command line of a git command that only reads (`_query`, `_started`)."""
        # --no-optional-locks: a status only reads (it would refresh the index, and fail on a full disk).
        settings = [part for option in self.git_options() for part in ("-c", option)]
        return ["git", "--no-optional-locks", *settings, command, *git_policy.arguments(command, args)]

    def _started(self, command: str, *args: str) -> subprocess.Popen[bytes]:
        """A git command that only reads, started under `_query`'s policy with its input and output as pipes, for
        a caller that reads its output as it comes (`History.objects`); its errors are not read."""
        import subprocess

        pipe = subprocess.PIPE
        return subprocess.Popen(self._reading(command, args), cwd=self.root, stdin=pipe, stdout=pipe,
                                stderr=subprocess.DEVNULL, env=git_policy.environment(self.root))

    def restart_git(self) -> None:
        """Forget the git processes GitPython keeps running for this repository (a Ctrl-C stopped them with the
        command): the next read starts them afresh."""
        if self._repo is not None:
            self._repo.git.clear_cache()

    def _refuse_headless(self) -> None:
        """`StoreError` when HEAD's branch leads git to no commit because its symbolic refs loop (`git_head`,
        post-condition 4): a read that would answer "no commits yet" says so instead of printing nothing."""
        git_dir = Path(self.repo.git_dir)
        branch = git_head.branch_named(git_dir)
        if branch:
            git_head.refuse_symbolic_loop(self.root, git_dir, Path(self.repo.common_dir), branch)

    def _head(self) -> str | None:
        from git.refs.symbolic import SymbolicReference

        try:  # read from git's files, as GitPython reads every ref (`git_head`): no `git cat-file` for its type
            return SymbolicReference.dereference_recursive(self.repo, "HEAD")
        except ValueError:
            return None


@functools.cache  # asked once a run: every `init` of a run (of the test suite) names the same build
def _marker() -> bytes:
    """The format marker a new workspace is given, naming the build that made it."""
    from regdraft.workspace.format_marker import marker_text
    from regdraft.workspace.installed import checkout_build, install_tree

    build = checkout_build(install_tree(), changes=False) if (install_tree() / ".git").exists() else None
    return marker_text(f"commit {build.sha[:12]} of {build.date}" if build else "")


def init_workspace(directory: Path, example_from: Path | None = None, profile: str = "party-36") -> Workspace:
    """Create a workspace in `directory` (a new or existing git repository), its documents printed with
    `profile`, and commit it."""
    import git

    from regdraft.core.frontmatter import dump_yaml
    from regdraft.workspace.format_marker import MARKER

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
        CONFIG_NAME: dump_yaml({**DEFAULT_CONFIG, "profile": profile}, sort_keys=False, allow_unicode=True).encode(),
    }
    for folder in FOLDERS:
        if not (directory / folder).exists():
            changes[f"{folder}/.gitkeep"] = b""
    changes[MARKER] = _marker()  # an older regdraft finding a newer format writes nothing here (`format_marker`)
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

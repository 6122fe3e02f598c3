"""The git-backed workspace: read at a revision, write and commit, tag, log. Owns git.

The workspace layer reads and writes through the `Store` protocol below; `Workspace` keeps the
files in a git repository, and `regdraft.workspace.memory.MemoryWorkspace` keeps them in memory for
tests. A workspace holds `regdraft.yaml`, `regulations/`, `amendments/` and `templates/`. Every
write is one commit under the user's git identity (or the workspace's fallback identity), and
refuses to run over uncommitted changes to the files it touches.

Writing (the lock, the journal and the all-or-nothing commit) is `regdraft.workspace.store_writes`,
sharing through a remote `regdraft.workspace.store_sync`; both are mixed into `Workspace`.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from regdraft.core.errors import NoWorkspace, StoreError, UnknownName
from regdraft.core.layout import AMENDMENTS, CONFIG, FOLDERS, OUTPUT, REGULATIONS, SLUG, regulation_path
from regdraft.core.patterns import lazy
from regdraft.workspace import git_policy
from regdraft.workspace.journal import WorkspaceLock
from regdraft.workspace.roots import workspace_root
from regdraft.workspace.store_sync import CommitInfo as CommitInfo
from regdraft.workspace.store_sync import SharedHistory
from regdraft.workspace.store_sync import Tag as Tag
from regdraft.workspace.store_writes import HOOK_POLICIES as HOOK_POLICIES
from regdraft.workspace.store_writes import MANY_PATHS, Transactions, run_hooks

if TYPE_CHECKING:
    import git

_FRONT_MATTER_ID = lazy(r"^id:\s*[\"']?([^\"'\n#]+?)[\"']?\s*$", re.M)
_FRONT_MATTER_REGULATION = lazy(r"^regulation:\s*[\"']?([^\"'\n#]+?)[\"']?\s*$", re.M)

CONFIG_NAME = CONFIG
OUTPUT_DIR = f"{OUTPUT}/"
DEFAULT_CONFIG: dict[str, Any] = {
    "identity": {"name": "regdraft", "email": "regdraft@localhost"},
    "profile": "party-36",
    "require_vote_majority": False,
}


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


def read_inside(root: Path, relative: str) -> bytes:
    """The bytes of a regular file inside `root`, reached through no symbolic link; `StoreError` otherwise.

    Every file regdraft reads from a workspace comes through here (regulations, amendments,
    comments, rounds, votes, profiles, `regdraft.yaml`): a shared workspace is untrusted, and a
    link in it may point anywhere (`/etc/passwd`, `/dev/zero`), a pipe would block the reader.
    """
    relative = check_relative(relative)
    current = root
    parts = relative.split("/")
    for depth, part in enumerate(parts, start=1):
        current = current / part
        try:
            info = current.lstat()
        except FileNotFoundError:
            raise StoreError(f"{relative} does not exist in the workspace.") from None
        except OSError as exc:
            raise StoreError(f"{relative} cannot be read ({exc.strerror or exc}).") from None
        shown = "/".join(parts[:depth])
        if stat.S_ISLNK(info.st_mode):
            raise StoreError(f"{shown} is a symbolic link; regdraft reads only regular files inside the workspace, "
                             "never through a link (replace the link with the file or folder itself).")
        if depth < len(parts) and not stat.S_ISDIR(info.st_mode):
            raise StoreError(f"{relative} does not exist in the workspace ({shown} is not a folder).")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{relative} is not a regular file (a folder, a device or a pipe); regdraft reads "
                         "only regular files inside the workspace.")
    try:
        fd = os.open(current, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        raise StoreError(f"{relative} cannot be read ({exc.strerror or exc}).") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # replaced since it was looked at
            raise StoreError(f"{relative} is not a regular file; regdraft reads only regular files.")
        return handle.read()


class Workspace(SharedHistory, Transactions):
    """A regdraft workspace on disk; git is imported only when history is needed."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._repo: git.Repo | None = None
        self._config: dict[str, Any] | None = None
        self._git_checked = False
        self._lock: WorkspaceLock | None = None
        # What this object committed, in order: what a command reports under --json.
        self.commits_made: list[str] = []
        self.files_committed: list[str] = []
        self.refused_interrupted = False  # a write was refused while an interrupted one waits for its repair

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
                # Missing only while `init` is writing it: the defaults apply.
                text = self.read(CONFIG_NAME).decode("utf-8") if self.exists(CONFIG_NAME) else ""
                data = read_yaml(self, text) or {}  # kept in the cache: PyYAML is not imported when warm
            except (OSError, UnicodeDecodeError) as exc:
                raise StoreError(f"{path}: cannot read the workspace settings: {exc}") from None
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
        return repo

    def git_options(self, hooks: bool = False) -> list[str]:
        """The `-c` settings of a git call here (`git_policy`); the repository is checked before the first."""
        if not self._git_checked:
            git_policy.refuse_programs(self.root)
            self._git_checked = True
        return git_policy.options(hooks)

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
            return read_inside(self.root, relative)
        commit = self._commit(rev)
        try:
            blob = commit.tree / relative
        except KeyError:
            raise StoreError(f"{relative} does not exist at revision {rev} ({commit.hexsha[:8]}).") from None
        data: bytes = blob.data_stream.read()
        return data

    def exists(self, relative: str) -> bool:
        """True when the working tree holds this file (or a link in its place, which `read` refuses)."""
        try:
            info = (self.root / check_relative(relative)).lstat()
        except (StoreError, OSError):
            return False
        return stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)

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
            raise UnknownName(f"There is no revision '{rev}' in the workspace.") from None

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
        from regdraft.core.nearest import unknown_name

        named = self._named_regulations()
        misnamed = next((relative for relative, found in named if found == name), None)
        if misnamed is not None:
            # Its id is right but its file is named otherwise (`63-2010-ND-CP.md`): "did you mean" the very id typed
            # would leave the drafter nowhere.
            import shlex

            expected = regulation_path(name)
            raise UnknownName(f"The regulation {name} is in {misnamed}, but commands find a regulation by the file "
                              f"name its id gives, {expected}: rename the file "
                              f"(`git mv {shlex.quote(misnamed)} {shlex.quote(expected)}`) and commit it.")
        amends = self._amendment_of(name)
        if amends is not None:  # `redline qc-sua-doi-2026`: the drafter named the amendment
            raise UnknownName(f"'{name}' is an amendment, not a regulation: name the regulation it amends"
                              f"{f', {amends}' if amends else ''}.")
        raise UnknownName(unknown_name("regulation", name, sorted(found for _, found in named),
                                       f"in {self.root / REGULATIONS}"))

    def amended_by(self, name: str) -> str | None:
        """The regulation the amendment `name` amends, when `name` is an amendment's slug and no regulation's name
        (`redline qc-sua-doi-2026`); None otherwise, or when the amendment does not say which."""
        amends = self._amendment_of(name)
        if not amends:
            return None
        try:
            self.locate_regulation(name)
        except UnknownName:
            return amends
        return None

    def _amendment_of(self, name: str) -> str | None:
        """The regulation an amendment named `name` amends ('' when its file does not say), None when there is no
        such amendment."""
        if not SLUG.fullmatch(name) or not self.exists(f"{AMENDMENTS}/{name}/amendment.md"):
            return None
        try:
            head = self.read(f"{AMENDMENTS}/{name}/amendment.md")[:4096].decode("utf-8", errors="replace")
        except (OSError, StoreError):
            return ""
        match = _FRONT_MATTER_REGULATION.search(head)
        return match.group(1).strip() if match else ""

    def regulation_ids(self) -> list[str]:
        """The regulations' ids as their front matter gives them (`01-QC/TU`), else their file names; sorted."""
        return sorted(found for _, found in self._named_regulations())

    def _named_regulations(self) -> list[tuple[str, str]]:
        """Each regulation file and the id its front matter gives (else its file name)."""
        found = []
        for relative in self.regulation_files():
            try:
                head = self.read(relative)[:4096].decode("utf-8", errors="replace")
            except (OSError, StoreError):
                head = ""
            match = _FRONT_MATTER_ID.search(head)
            found.append((relative, match.group(1).strip() if match else PurePosixPath(relative).stem))
        return found

    def tracked(self, relative: str) -> bool:
        """True when git tracks the file at `relative` in the index."""
        return bool(self._query("ls-files", "--", relative).strip())

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
        # --no-optional-locks: a status only reads (it would refresh the index, and fail on a full disk).
        settings = [part for option in self.git_options() for part in ("-c", option)]
        done = subprocess.run(["git", "--no-optional-locks", *settings, command, *args],
                              cwd=self.root, capture_output=True, env=environment, check=False)
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

    def log(self, relative: str, rev: str | None = None, limit: int | None = None) -> list[Revision]:
        """The commits that touched a file, newest first, following its renames (up to `rev`, at most `limit`).

        A rename (`git mv`, the same file at a new path in one commit) is followed; a copy is not, nor a
        file added beside a similar one: `git log --follow` takes those for the file's past (with
        copies found harder), and named a colleague's commit as the one that added a comment.
        """
        entries: list[Revision] = []
        start, path = (self._commit(rev).hexsha if rev is not None else "HEAD"), relative
        while limit is None or len(entries) < limit:
            options = [f"--max-count={limit - len(entries)}"] if limit is not None else []
            found = self._revisions("--no-renames", *options, start, "--", path)
            entries.extend(found)
            source = self._renamed_from(found[-1].sha, path) if found else None
            if source is None:
                break
            start, path = f"{found[-1].sha}^", source
        return entries

    def added(self, relative: str) -> Revision | None:
        """The commit that added the file now at `relative` (the latest addition, no rename or copy followed)."""
        found = self._revisions("--no-renames", "--diff-filter=A", "--max-count=1", "HEAD", "--", relative)
        return found[0] if found else None

    def _revisions(self, *args: str) -> list[Revision]:
        out = self._query("log", "--format=%H%x00%an%x00%ad%x00%aI%x00%s", "--date=short", *args, unborn="")
        entries = []
        for line in out.splitlines():
            sha, author, date, when, subject = line.split("\x00", 4)
            entries.append(Revision(sha, author, date, subject, when))
        return entries

    def _renamed_from(self, sha: str, relative: str) -> str | None:
        """The path `relative` had before the commit `sha` renamed it there; None when it did not."""
        out = self._query("diff-tree", "-r", "-M", "--no-commit-id", "--name-status", "-z", "--diff-filter=R", sha)
        fields = out.split("\0")
        for i in range(0, len(fields) - 2, 3):
            if fields[i].startswith("R") and fields[i + 2] == relative:
                return fields[i + 1]
        return None


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

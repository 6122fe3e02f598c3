"""The git-backed workspace: read at a revision, write and commit, tag, log. Owns git.

A workspace is a git repository holding `regdraft.yaml`, `regulations/`, `amendments/` and
`templates/`. Every write is one commit under the user's git identity (or the workspace's
fallback identity), and refuses to run over uncommitted changes to the files it touches.

Post-conditions of `Workspace.commit`:
1. Either every file is written and one commit records exactly those files, or the files,
   the index and HEAD are as they were before the call.
2. Files outside the workspace are never written.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regdraft.core.errors import StoreError
from regdraft.core.layout import regulation_filename

if TYPE_CHECKING:
    import git

CONFIG_NAME = "regdraft.yaml"
LAYOUT = ("regulations", "amendments", "templates")
OUTPUT_DIR = "out/"
DEFAULT_CONFIG: dict[str, Any] = {
    "identity": {"name": "regdraft", "email": "regdraft@localhost"},
    "profile": "party-36",
    "require_vote_majority": False,
}


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


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One commit that touched a file."""

    sha: str
    author: str
    date: str
    subject: str


class Workspace:
    """A regdraft workspace on disk; git is imported only when history is needed."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._repo: git.Repo | None = None
        self._config: dict[str, Any] | None = None

    @classmethod
    def find(cls, start: Path | None = None) -> Workspace:
        """The workspace containing `start` (default: the current directory)."""
        here = (start or Path.cwd()).resolve()
        for candidate in (here, *here.parents):
            if (candidate / CONFIG_NAME).is_file():
                return cls(candidate)
        raise StoreError(
            f"{here} is not inside a regdraft workspace (no {CONFIG_NAME} found in it or above it); "
            "run `regdraft init` to create one, or pass --workspace DIR."
        )

    @property
    def config(self) -> dict[str, Any]:
        """The workspace settings from regdraft.yaml over the defaults."""
        if self._config is None:
            import yaml  # imported here so that `regdraft --help` stays fast

            path = self.root / CONFIG_NAME
            try:
                # Missing only while `init` is writing it: the defaults apply.
                text = path.read_text(encoding="utf-8") if path.is_file() else ""
                data = yaml.safe_load(text) or {}
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
                self._repo = git.Repo(self.root)
            except (git.InvalidGitRepositoryError, git.NoSuchPathError):
                raise StoreError(f"{self.root} is not a git repository; run `regdraft init` there.") from None
        return self._repo

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
        commit = self.resolve(rev)
        try:
            blob = commit.tree / relative
        except KeyError:
            raise StoreError(f"{relative} does not exist at revision {rev} ({commit.hexsha[:8]}).") from None
        data: bytes = blob.data_stream.read()
        return data

    def resolve(self, rev: str) -> git.Commit:
        """The commit a revision names (branch, tag, sha, HEAD~2 ...)."""
        import git

        try:
            return self.repo.commit(rev)
        except (git.BadName, ValueError, git.BadObject):
            raise StoreError(f"There is no revision '{rev}' in {self.root}.") from None

    def revision_info(self, rev: str) -> tuple[str, str]:
        """A revision's short sha and commit date (YYYY-MM-DD)."""
        commit = self.resolve(rev)
        return commit.hexsha[:8], commit.committed_datetime.date().isoformat()

    def regulation_files(self) -> Iterator[Path]:
        """Every regulation file in the workspace, sorted."""
        folder = self.root / "regulations"
        if folder.is_dir():
            yield from sorted(folder.glob("*.md"))

    def locate_regulation(self, name: str) -> str:
        """The workspace-relative path of a regulation named by id, file stem or path."""
        candidates = [
            f"regulations/{regulation_filename(name)}",
            f"regulations/{name}",
            name,
        ]
        for candidate in candidates:
            try:
                path = self.path(candidate)
            except StoreError:
                continue
            if path.is_file():
                return self.relative(path)
        known = ", ".join(p.stem for p in self.regulation_files()) or "none"
        raise StoreError(f"There is no regulation '{name}' in {self.root / 'regulations'} (known: {known}).")

    def dirty(self, paths: list[str]) -> list[str]:
        """Those of `paths` with uncommitted changes (modified, staged or untracked)."""
        if not paths:
            return []
        # -z: paths come unquoted, whatever characters they hold (`Tờ trình.md`).
        out = self._git("status", "--porcelain", "-z", "--untracked-files=all", "--", *paths)
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

    def commit(self, changes: Mapping[str, bytes | None], message: str, tag: str | None = None,
               allow_dirty: bool = False, author: str | None = None) -> str:
        """Write (or delete, for None) the files and record them in one commit; return its sha.

        Refuses when any of the files has uncommitted changes, naming them. On any failure
        the files, the index and HEAD are restored. `author` (`Name <email>`) records the
        person the change comes from; the committer stays the workspace's identity.
        """
        paths = sorted(changes)
        for relative in paths:
            self.path(relative)
        operation = self.operation()
        if operation:
            # A commit now would land in the middle of someone else's history (or a half-made merge).
            raise StoreError(f"A git {operation} is unfinished in {self.root}; nothing was changed. Finish it "
                             "first: `regdraft sync --continue` once conflicts are resolved, or `regdraft sync --abort`.")
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
        env = self.identity_env()
        try:
            for relative, data in changes.items():
                target = self.path(relative)
                if data is None:
                    target.unlink(missing_ok=True)
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    tmp = target.with_name(target.name + ".regdraft-tmp")
                    tmp.write_bytes(data)
                    os.replace(tmp, target)
            self.repo.git.add("-A", "--", *paths)
            with self.repo.git.custom_environment(**env):
                by = ["--author", author] if author else []
                self.repo.git.commit("-q", "--no-verify", *by, "-m", message, "--", *paths)
                if tag:
                    self.repo.git.tag("-a", tag, "-m", message)
        except Exception as exc:
            self._restore(saved, head)
            detail = getattr(exc, "stderr", "") or str(exc)
            raise StoreError(f"git refused the commit ({str(detail).strip()}); the workspace is as it was.") from None
        return self.repo.head.commit.hexsha

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

    def _head(self) -> str | None:
        try:
            return self.repo.head.commit.hexsha
        except ValueError:
            return None

    def _tag_exists(self, tag: str) -> bool:
        return bool(self.repo.git.tag("--list", tag))

    def _restore(self, saved: Mapping[str, bytes | None], head: str | None) -> None:
        if head is not None and self._head() != head:
            self.repo.git.reset("-q", "--soft", head)
        for relative, data in saved.items():
            target = self.path(relative)
            if data is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(data)
        if head is not None:
            self.repo.git.reset("-q", head, "--", *saved)
        else:
            self.repo.git.rm("-q", "--cached", "--ignore-unmatch", "--", *saved)

    def log(self, relative: str, rev: str | None = None, limit: int | None = None) -> list[LogEntry]:
        """The commits that touched a file, newest first, following renames (up to `rev`, at most `limit`)."""
        if self._head() is None:
            return []
        options = [f"--max-count={limit}"] if limit is not None else []
        if rev is not None:
            options.append(self.resolve(rev).hexsha)
        out = self._git("log", "--follow", "--format=%H%x00%an%x00%ad%x00%s", "--date=short", *options,
                        "--", relative)
        entries = []
        for line in out.splitlines():
            sha, author, date, subject = line.split("\x00", 3)
            entries.append(LogEntry(sha, author, date, subject))
        return entries

    # -- sharing through a remote: state, integration, tags, push ---------------------------------

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
        if not self.operation():
            return []
        entries = self._git("status", "--porcelain", "-z", "--untracked-files=no").split("\0")
        return [(e[3:], e[:2]) for e in entries if len(e) > 3 and (e[:2] in ("DD", "AA") or "U" in e[:2])]

    def uncommitted(self) -> list[str]:
        """Every file with uncommitted changes (modified, staged or untracked; ignored files aside)."""
        return self.dirty(["."])

    def stage(self, relative: str, number: int) -> bytes | None:
        """One side of a conflicted file from git's index (1 base, 2 HEAD, 3 the other side), or None."""
        import git

        try:
            data: bytes = self.repo.git.show(f":{number}:{relative}", stdout_as_string=False)
        except git.GitCommandError:
            return None
        return data

    def stopped_commit(self) -> CommitInfo | None:
        """The commit a stopped rebase was replaying, or the other side of a stopped merge."""
        for ref in ("REBASE_HEAD", "MERGE_HEAD"):
            if (self.git_dir() / ref).is_file():
                return self.commits(None, ref, limit=1)[0]
        return None

    def branch(self) -> str:
        """The current branch; refuses a detached HEAD (a workspace is worked on one branch)."""
        out = self._git("symbolic-ref", "-q", "--short", "HEAD", ok=(1,)).strip()
        if not out:
            raise StoreError(f"{self.root} is not on a branch (detached HEAD); run `git switch main` first.")
        return out

    def remotes(self) -> list[str]:
        """The names of the git remotes."""
        return self._git("remote").split()

    def upstream(self, branch: str) -> str:
        """The remote the branch is set to track, or ""."""
        reader = self.repo.config_reader()
        return str(reader.get_value(f'branch "{branch}"', "remote", "")) if reader.has_section(
            f'branch "{branch}"') else ""

    def fetch(self, remote: str, branch: str) -> str | None:
        """Fetch the remote's branches and adoption tags; the remote branch's commit (None: no branch yet)."""
        self._network("fetch", "--no-tags", "--prune", remote, f"+refs/heads/*:refs/remotes/{remote}/*",
                      f"+{ADOPTION_TAGS}*:refs/regdraft/{remote}/adopted/*")
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
        out = self._git("log", *options, "-z", "--no-renames", "--name-status",
                        "--format=%x01%H%x00%P%x00%an%x00%s", span, "--")
        found = []
        for chunk in out.split("\x01")[1:]:
            fields = chunk.split("\x00")
            sha, parents, author, subject = fields[:4]
            words = [w.strip("\n") for w in fields[4:] if w.strip("\n")]
            files = tuple((words[i][0], words[i + 1]) for i in range(0, len(words) - 1, 2))
            found.append(CommitInfo(sha, author, subject, files, len(parents.split())))
        return found

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
        """Go on with a stopped rebase or merge whose conflicts are resolved; False if it stops again."""
        operation = self.operation()
        if operation == "merge":
            self._run_integration("commit", "--no-edit", "--no-verify")
        elif operation == "rebase":
            # A commit that resolving left with nothing of its own is skipped, not recorded empty.
            nothing = self._git("diff", "--cached", "--quiet", "HEAD", ok=(1,), code=True) == "0"
            self._run_integration("rebase", "--skip" if nothing else "--continue")
        return not self.operation()

    def abort_integration(self) -> None:
        """Undo a stopped rebase or merge: the branch and files are as they were before it started."""
        operation = self.operation()
        if operation in ("rebase", "merge"):
            self._run_integration(operation, "--abort")

    def _run_integration(self, command: str, *args: str) -> None:
        import git

        env = {**self.identity_env(), "GIT_EDITOR": "true"}
        try:
            with self.repo.git.custom_environment(**env):
                self.repo.git.execute(["git", "-c", "merge.conflictStyle=merge", "-c", "core.editor=true",
                                       "-c", "rebase.autoSquash=false", command, *args])
        except git.GitCommandError as exc:
            if not self.operation():  # a stop on a conflict leaves the operation in progress; else it failed
                raise StoreError(f"git {command} failed in {self.root}: {str(exc.stderr or exc).strip()}") from None

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
        out = self._git("for-each-ref", "--format=%(refname)%00%(objectname)%00%(*objectname)", namespace)
        found = {}
        for line in out.splitlines():
            ref, obj, peeled = line.split("\x00")
            name = "adopted/" + ref[len(namespace):]
            found[name] = Tag(name, peeled or obj, obj)
        return found

    def remote_tags(self, remote: str) -> dict[str, Tag]:
        """The adoption tags the remote had at the last fetch."""
        return self.tags(f"refs/regdraft/{remote}/adopted/")

    def set_tag(self, name: str, ref: str) -> None:
        """Point a tag at a tag object (copied from a remote) or a commit."""
        self._git("update-ref", f"refs/tags/{name}", ref)

    def retag(self, tag: Tag, commit: str) -> None:
        """Move a tag to another commit, keeping its message (the tag object is made anew)."""
        message = self._git("for-each-ref", "--format=%(contents)", f"refs/tags/{tag.name}").strip()
        with self.repo.git.custom_environment(**self.identity_env()):
            if message and tag.ref != tag.commit:
                self.repo.git.tag("-f", "-a", tag.name, "-m", message, commit)
            else:
                self.repo.git.tag("-f", tag.name, commit)

    def rewritten(self, sha: str, start: str) -> str | None:
        """The commit in `start..HEAD` that a rebase made from `sha` (same author, time and message)."""
        key = "%an%x00%ae%x00%at%x00%B"
        original = self._git("log", "-1", f"--format={key}", sha)
        out = self._git("log", f"--format=%H%x00{key}%x01", f"{start}..HEAD")
        for entry in out.split("\x01"):
            head, _, rest = entry.strip("\n").partition("\x00")
            if head and rest.strip() == original.strip():
                return head
        return None

    def push(self, remote: str, branch: str, tags: list[str]) -> bool:
        """Push the branch and tags in one atomic step; False when the remote moved on meanwhile."""
        import git

        refs = [f"HEAD:refs/heads/{branch}", *(f"refs/tags/{t}:refs/tags/{t}" for t in tags)]
        try:
            self._network("push", "--atomic", "--porcelain", remote, *refs, raw=True)
        except git.GitCommandError as exc:
            detail = f"{exc.stdout or ''}\n{exc.stderr or ''}"
            if any(word in detail for word in ("non-fast-forward", "fetch first", "stale info", "failed to lock",
                                                "atomic push failed", "cannot lock ref")):
                return False
            raise StoreError(f"git push to {remote} failed: {str(exc.stderr or exc).strip()}") from None
        return True

    def add_remote(self, name: str, url: str, branch: str) -> None:
        """Add a remote and make the branch track it."""
        self._git("remote", "add", name, url)
        self._git("config", f"branch.{branch}.remote", name)
        self._git("config", f"branch.{branch}.merge", f"refs/heads/{branch}")

    def _network(self, command: str, *args: str, raw: bool = False) -> str:
        """Run git fetch/push/ls-remote; failures name the remote's own words."""
        import git

        try:
            out: str = getattr(self.repo.git, command.replace("-", "_"))(*args)
        except git.GitCommandError as exc:
            if raw:
                raise
            raise StoreError(f"git {command} failed: {str(exc.stderr or exc).strip()}") from None
        return out


def init_workspace(directory: Path, example_from: Path | None = None) -> Workspace:
    """Create a workspace in `directory` (a new or existing git repository) and commit it."""
    import git
    import yaml

    directory.mkdir(parents=True, exist_ok=True)
    try:
        repo = git.Repo(directory)
    except git.InvalidGitRepositoryError:
        repo = git.Repo.init(directory, initial_branch="main")
    if (directory / CONFIG_NAME).exists():
        raise StoreError(f"{directory} is already a regdraft workspace ({CONFIG_NAME} exists).")
    workspace = Workspace(directory)
    workspace._repo = repo
    changes: dict[str, bytes | None] = {
        CONFIG_NAME: yaml.safe_dump(DEFAULT_CONFIG, sort_keys=False, allow_unicode=True).encode(),
    }
    for folder in LAYOUT:
        if not (directory / folder).exists():
            changes[f"{folder}/.gitkeep"] = b""
    ignore = directory / ".gitignore"
    ignored = ignore.read_bytes() if ignore.is_file() else b""
    if OUTPUT_DIR.encode() not in ignored.splitlines():
        # Redlines and exports default to out/; they are handed out, not versioned.
        separator = b"" if not ignored or ignored.endswith(b"\n") else b"\n"
        changes[".gitignore"] = ignored + separator + OUTPUT_DIR.encode() + b"\n"
    if example_from is not None:
        for folder in ("regulations", "amendments"):
            for path in sorted((example_from / folder).rglob("*")):
                if path.is_file():
                    changes[f"{folder}/{path.relative_to(example_from / folder).as_posix()}"] = path.read_bytes()
    workspace.commit(changes, "Set up regdraft workspace" + (" with the example data" if example_from else ""))
    return workspace


def remote_branches(url: str) -> list[str]:
    """The branches a remote holds (empty for a new, empty remote); StoreError when it cannot be reached."""
    import git

    try:
        out: str = git.Git().ls_remote("--heads", "--", url)
    except git.GitCommandError as exc:
        raise StoreError(f"Cannot reach the shared remote {url}: {str(exc.stderr or exc).strip()}") from None
    return [line.split("refs/heads/", 1)[1] for line in out.splitlines() if "refs/heads/" in line]


def point_head_at(url: str, branch: str) -> None:
    """Make a bare repository on a local path or file share default to `branch` (`git init --bare`
    defaults to master). Remotes behind a server are set up on the server (Gitea, GitLab)."""
    import git

    path = Path(url[len("file://"):] if url.startswith("file://") else url)
    if path.is_dir() and (path / "HEAD").is_file():
        git.Git().execute(["git", f"--git-dir={path}", "symbolic-ref", "HEAD", f"refs/heads/{branch}"])


def clone_workspace(url: str, directory: Path, branch: str = "main") -> Workspace:
    """Join a shared workspace: clone the remote's `branch` (whatever its default) into `directory`."""
    import shutil

    import git

    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise StoreError(f"{directory} already exists and is not an empty folder; name a new folder to join in.")
    created = not directory.exists()
    try:
        git.Repo.clone_from(url, directory, branch=branch, origin="origin")
    except git.GitCommandError as exc:
        detail = str(exc.stderr or exc).strip()
        if "not found in upstream" in detail:
            raise StoreError(f"The shared remote {url} holds no regdraft workspace yet (it has no {branch} "
                             f"branch); create it with `regdraft init --remote {url}`.") from None
        raise StoreError(f"Cannot clone {url}: {detail}") from None
    if not (directory / CONFIG_NAME).is_file():
        for path in [directory] if created else list(directory.iterdir()):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        raise StoreError(f"{url} is a git repository but not a regdraft workspace (its {branch} branch has no "
                         f"{CONFIG_NAME}); nothing was cloned.")
    return Workspace(directory)

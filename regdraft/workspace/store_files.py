"""The working files of a workspace as they lie in its folder, without git: paths kept inside it, files
read through no link, and regulations found by the names drafters give them. Mixed into `Workspace`
(`regdraft.workspace.store`), which adds reading at a revision and writing.

Post-conditions:
1. `check_relative` and every path this returns or accepts stay inside the workspace; a path that
   leaves it (`..`, an absolute path, a drive) is a `StoreError`, never a file outside. `write_path` refuses a path
   in git's own folder (`git_folder_part`: `.git`, `.GIT`, `.git.`, `git~1`, ...) too.
2. `read_inside` returns the bytes of a regular file reached through no symbolic link, else raises
   `StoreError` naming the workspace-relative path (a link, a folder, a device, a pipe).
3. `locate_regulation` returns the path of an existing regulation file, or raises `UnknownName` saying
   what the name was (a misnamed file, an amendment) and the names there are.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from regdraft.core.encodings import readable_head
from regdraft.core.errors import StoreError, UnknownName
from regdraft.core.layout import AMENDMENTS, REGULATIONS, SLUG, regulation_path
from regdraft.core.patterns import lazy

_FRONT_MATTER_ID = lazy(r"^id:\s*[\"']?([^\"'\n#]+?)[\"']?\s*$", re.M)
_FRONT_MATTER_REGULATION = lazy(r"^regulation:\s*[\"']?([^\"'\n#]+?)[\"']?\s*$", re.M)
# A new regulation's draft names the first it replaces (`replaces: 01-QC/TU`, `[01-QC/TU, …]` or a `- ` list)
_FRONT_MATTER_REPLACES = lazy(r"^replaces:\s*(?:\[\s*|\n-\s*)?[\"']?([^\"'\n#,\]]+?)[\"']?\s*(?:[,\]].*)?$", re.M)


def check_relative(relative: str) -> str:
    """A workspace-relative path that stays inside the workspace; `StoreError` otherwise."""
    parts = PurePosixPath(relative.replace("\\", "/")).parts
    if relative.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        raise StoreError(f"'{relative}' is outside the workspace; regdraft writes only inside it.")
    return "/".join(p for p in parts if p != ".")


def git_folder_part(relative: str) -> str | None:
    """The part of `relative` that some file system would take for git's own folder `.git`, else None.

    Compared as git compares (`is_ntfs_dotgit`, `is_hfs_dotgit`): letters of any case, trailing dots and spaces
    dropped (`.git.`, `.GIT `), an NTFS stream (`.git::$INDEX_ALLOCATION`) or short name (`git~1`), and the
    invisible characters HFS+ ignores (`.g` U+200C `it`); its letters in another Unicode form (full width) too.
    """
    for part in re.split(r"[\\/]", relative):
        visible = "".join(ch for ch in part if unicodedata.category(ch) != "Cf")
        name = unicodedata.normalize("NFKC", visible).split(":", 1)[0].rstrip(". ").casefold()
        if name in (".git", "git~1"):
            return part
    return None


def refuse_git_folder(relative: str) -> None:
    """`StoreError` when `relative` lies in git's own folder (`git_folder_part`): regdraft never writes there."""
    part = git_folder_part(relative)
    if part is not None:
        raise StoreError(f"'{relative}' is inside git's own folder ({part!r}); regdraft writes only the "
                         "workspace's files, never git's (nothing was changed).")


MAX_FILE_BYTES = 16 * 1024 * 1024  # a workspace's file, now or at a revision: the longest law in the corpus is < 1 MB


def too_large(relative: str, size: int, at: str = "") -> StoreError:
    """The refusal of a file of `size` bytes over `MAX_FILE_BYTES` (`at`: ` at revision d7da19e`), naming it."""
    from regdraft.importer.archive import size as shown

    return StoreError(f"{relative}{at} is {shown(size)}; regdraft reads a file of at most "
                      f"{shown(MAX_FILE_BYTES)} (the longest law is under 1 MB), so it was not read.")


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
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):  # replaced since it was looked at
            raise StoreError(f"{relative} is not a regular file; regdraft reads only regular files.")
        if info.st_size > MAX_FILE_BYTES:
            raise too_large(relative, info.st_size)
        data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:  # grown since it was looked at
            raise too_large(relative, len(data))
        return data


class WorkingFiles:
    """The workspace folder's files, read without git; mixed into `Workspace`, which provides `read`."""

    root: Path

    if TYPE_CHECKING:
        def read(self, relative: str, rev: str | None = None) -> bytes: ...

    def path(self, relative: str) -> Path:
        """An absolute path inside the workspace; refuses paths that leave it."""
        target = (self.root / relative).resolve()
        if target != self.root and self.root not in target.parents:
            raise StoreError(f"'{relative}' is outside the workspace {self.root}; regdraft writes only inside it.")
        return target

    def relative(self, path: Path) -> str:
        """A path relative to the workspace root, with forward slashes."""
        return path.resolve().relative_to(self.root).as_posix()

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

    def listed(self, folder: str, suffix: str) -> list[tuple[str, os.stat_result]] | None:
        """The entries of `folder` whose names end with `suffix`, sorted, each with its `lstat` (one call each, where
        `files` makes pathlib's several): what a reader keeping files by their status needs. None when the folder is
        missing, is no folder or is reached through a link (the caller then lists with `files` and reads with
        `read`, which say what is wrong); an entry that is a link or no regular file is listed as it is."""
        relative = check_relative(folder)
        current = self.root
        try:
            for part in relative.split("/"):
                current = current / part
                if not stat.S_ISDIR(current.lstat().st_mode):
                    return None
            with os.scandir(current) as entries:
                found = [(f"{relative}/{entry.name}", entry.stat(follow_symlinks=False))
                         for entry in entries if entry.name.endswith(suffix)]
        except OSError:
            return None
        return sorted(found, key=lambda item: item[0])

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
            head = readable_head(self.read(f"{AMENDMENTS}/{name}/amendment.md"), 4096)  # UTF-16 too
        except (OSError, StoreError):
            return ""
        match = _FRONT_MATTER_REGULATION.search(head) or _FRONT_MATTER_REPLACES.search(head)
        return match.group(1).strip() if match else ""

    def regulation_ids(self) -> list[str]:
        """The regulations' ids as their front matter gives them (`01-QC/TU`), else their file names; sorted."""
        return sorted(found for _, found in self._named_regulations())

    def _named_regulations(self) -> list[tuple[str, str]]:
        """Each regulation file and the id its front matter gives (else its file name)."""
        return [(relative, self.regulation_id_in(relative)) for relative in self.regulation_files()]

    def regulation_id_in(self, relative: str) -> str:
        """The id the front matter of the regulation file `relative` gives (else its file name)."""
        try:
            head = readable_head(self.read(relative), 4096)  # UTF-16 too; never an id with U+FFFD in it
        except (OSError, StoreError):
            head = ""
        match = _FRONT_MATTER_ID.search(head)
        return match.group(1).strip() if match else PurePosixPath(relative).stem

    def write_path(self, relative: str) -> Path:
        """Where to write a workspace file: inside the workspace, outside git's own folder (`.git`, in any spelling a
        file system takes for it: a file written there can make git run a program), through no symbolic link."""
        self.path(relative)
        refuse_git_folder(relative)
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

"""Where templates come from: the workspace's `templates/` folder when it holds a template of that name,
else regdraft's own folders; files only, read through no symbolic link.

`WorkspaceLoader` is the Jinja2 loader `regdraft.render.templates.TemplateEnvironment` is given; it also
tells the environment which file names are regdraft's own templates (compiled without budgets).

Post-conditions:
1. A workspace template is read only when `templates/` and the file are not symbolic links
   and the file is a regular file directly inside `templates/` or its sub-folders, of UTF-8 text and at
   most `MAX_TEMPLATE_BYTES`; any other name is refused with a `RegdraftError`, never looked up elsewhere.
2. A workspace template's file name is `templates/<name>` (relative); a shipped one's is its absolute path.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import jinja2

from regdraft.core.encodings import Unreadable, strict_text
from regdraft.core.errors import RegdraftError

TEMPLATE_FOLDER = "templates"
MAX_TEMPLATE_BYTES = 1_000_000


class WorkspaceLoader(jinja2.BaseLoader):
    """Templates from the workspace's `templates/` (regular files only), then regdraft's own folders."""

    def __init__(self, workspace_root: Path | None, *folders: Path) -> None:
        self.workspace_root = workspace_root
        self.folders = folders

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        """The source of `template`, its file name and an up-to-date check."""
        parts = _parts(template)
        if self.workspace_root is not None:
            found = _workspace_file(self.workspace_root, parts, template)
            if found is not None:
                return found
        for folder in self.folders:
            path = folder.joinpath(*parts)
            if path.is_file():
                return path.read_text(encoding="utf-8"), str(path), lambda: True
        raise jinja2.TemplateNotFound(template)

    def shipped(self, filename: str | None) -> bool:
        """Whether `filename`, a file name this loader gave, is one of regdraft's own templates (a workspace
        template's is `templates/...`, relative; regdraft's are absolute paths inside its folders)."""
        if filename is None or not Path(filename).is_absolute():
            return False
        path = Path(filename)
        return any(folder.is_absolute() and path.is_relative_to(folder) for folder in self.folders)


def _parts(template: str) -> tuple[str, ...]:
    pure = PurePosixPath(template)
    if pure.is_absolute() or "\\" in template or any(p in ("", ".", "..") for p in template.split("/")):
        raise RegdraftError(f"The template name '{template}' is not a file name inside templates/; "
                            "templates may include only other templates by plain name.")
    return pure.parts


def _workspace_file(root: Path, parts: tuple[str, ...], template: str) -> tuple[str, str, Callable[[], bool]] | None:
    """A workspace template's source, or None when the workspace has none of that name."""
    current = root / TEMPLATE_FOLDER
    shown = f"{TEMPLATE_FOLDER}/{template}"
    for depth, part in enumerate((None, *parts)):
        if part is not None:
            current = current / part
        try:
            info = current.lstat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise RegdraftError(f"{shown}: cannot read the template ({exc.strerror}).") from None
        if stat.S_ISLNK(info.st_mode):
            where = TEMPLATE_FOLDER if depth == 0 else shown
            raise RegdraftError(f"{where} is a symbolic link; regdraft reads workspace templates only from "
                                "regular files inside the workspace. Replace it with the file itself.")
        last = depth == len(parts)
        if last and not stat.S_ISREG(info.st_mode):
            raise RegdraftError(f"{shown} is not a regular file; a template must be a plain text file.")
        if not last and not stat.S_ISDIR(info.st_mode):
            return None
    if info.st_size > MAX_TEMPLATE_BYTES:
        raise RegdraftError(f"{shown} is {info.st_size} bytes; a template may hold at most {MAX_TEMPLATE_BYTES}.")
    try:
        source = strict_text(current.read_bytes())  # UTF-16 ("Unicode") too
    except Unreadable as exc:
        raise RegdraftError(f"{shown}:{exc.line}: {exc.why}; save the template as UTF-8.") from None
    mtime = info.st_mtime
    return source, shown, lambda: _unchanged(current, mtime)


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return path.lstat().st_mtime == mtime
    except OSError:
        return False

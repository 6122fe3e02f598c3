"""Where templates come from and how they run: a sandbox, files only from known folders.

`WorkspaceLoader` reads a template from the workspace's `templates/` folder when one of that
name is there, else from the package. `TemplateEnvironment` is Jinja2's immutable sandbox whose
templates turn every Jinja2 error into a `RegdraftError` naming the template file and line.

Post-conditions:
1. A workspace template is read only when `templates/` and the file are not symbolic links
   and the file is a regular file directly inside `templates/` or its sub-folders; any other
   name is refused with a `RegdraftError`, never looked up elsewhere.
2. No template can reach attributes starting with `_`, call a method that changes a value,
   or run anything the sandbox marks unsafe (`jinja2.sandbox`); an attempt is reported as
   "not allowed" with the template's file and line.
3. Syntax and runtime errors of templates never escape as tracebacks: they are `RegdraftError`s.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, MutableMapping
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any, ClassVar

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

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
        source = current.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise RegdraftError(f"{shown} is not UTF-8 text; save the template as UTF-8.") from None
    mtime = info.st_mtime
    return source, shown, lambda: _unchanged(current, mtime)


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return path.lstat().st_mtime == mtime
    except OSError:
        return False


class _Template(jinja2.Template):
    """A template whose errors come out as `RegdraftError`s with its file and line."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        """Render; a Jinja2 error becomes a `RegdraftError` naming the template file and line."""
        try:
            return super().render(*args, **kwargs)
        except RegdraftError:
            raise
        except jinja2.TemplateSyntaxError as exc:
            raise _syntax(exc) from None
        except Exception as exc:
            raise _runtime(exc, self.name or "") from None


class TemplateEnvironment(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, whose templates report errors as `RegdraftError`s."""

    template_class = _Template
    # (type, attribute name) -> the sandbox's verdict. Jinja2's checks look at the object's type and
    # the name only (internal attributes of functions, frames, generators; methods that modify lists,
    # dicts, sets), never at the value; a 5,000-article redline asked them 26,000 times (a fifth of
    # its rendering).
    _verdicts: ClassVar[dict[tuple[type, str], bool]] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """The immutable sandbox's answer, kept per type and attribute name."""
        kind = type(obj)
        if obj.__class__ is not kind:  # an object that claims another class: asked every time
            return bool(super().is_safe_attribute(obj, attr, value))
        verdict = self._verdicts.get((kind, attr))
        if verdict is None:
            verdict = self._verdicts[(kind, attr)] = bool(super().is_safe_attribute(obj, attr, value))
        return verdict

    def get_template(self, name: str | jinja2.Template, parent: str | None = None,
                     globals: MutableMapping[str, Any] | None = None) -> jinja2.Template:
        """Load a template; a syntax error becomes a `RegdraftError` with its file and line."""
        try:
            return super().get_template(name, parent, globals)
        except jinja2.TemplateSyntaxError as exc:
            raise _syntax(exc) from None
        except jinja2.TemplateNotFound as exc:
            raise RegdraftError(f"There is no template '{exc.name}' in the workspace's templates/ "
                                "or among regdraft's own.") from None


def _syntax(exc: jinja2.TemplateSyntaxError) -> RegdraftError:
    where = exc.filename or exc.name or "a template"
    return RegdraftError(f"{where}:{exc.lineno}: the template is not valid Jinja2: {exc.message}.")


def _runtime(exc: Exception, name: str) -> RegdraftError:
    where = _template_frame(exc.__traceback__) or name or "a template"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        reason = f"it does something templates are not allowed to do ({exc})"
    elif isinstance(exc, jinja2.UndefinedError):
        reason = f"it uses a value that does not exist ({exc.message})"
    elif isinstance(exc, jinja2.TemplateNotFound):
        reason = f"it includes a template that does not exist ({exc.name})"
    else:
        reason = f"{type(exc).__name__}: {exc}"
    return RegdraftError(f"{where}: the template cannot be rendered: {reason}.")


def _template_frame(tb: TracebackType | None) -> str:
    """`file:line` of the innermost template frame in a traceback (Jinja2 maps lines to the source)."""
    found = ""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename.startswith(f"{TEMPLATE_FOLDER}/"):
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found

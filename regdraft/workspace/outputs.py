"""Where `-o` may write: never into a git folder, over a tracked workspace file or the workspace settings.

A mistyped `-o` must not destroy the repository (`-o .git/HEAD`) or silently replace the text
under version control (`-o regulations/01-QC-TU.md`, `-o regdraft.yaml`): those need `--force`.

Post-conditions of `check_output(path, force)`:
1. A path inside a `.git` folder (of any repository), a path whose last component is a symbolic
   link, the settings file of a workspace (`regdraft.yaml`) and any file git tracks in the
   work tree around the path are refused with a `RegdraftError` naming the path and `--force`,
   unless `force`; a path inside `.git` is refused even then, and so is a tracked file with uncommitted changes
   (`--force` replaces text git's history keeps, never a drafter's edits it does not).
2. Nothing is read or written besides git's index of the enclosing repository.

`clear_stopped(path)`, once a command wrote `path`, removes the half-written outputs a stopped regdraft left beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.core.errors import RegdraftError
from regdraft.core.layout import CONFIG as CONFIG_NAME
from regdraft.core.layout import TEMPORARY

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace


def check_output(path: Path, force: bool = False, opening: Callable[[Path], Workspace] | None = None) -> None:
    """Refuse an output path that would overwrite what a workspace or git depends on (see module). `opening`: how
    the workspace around it is opened (a command's face passes the one it opens anyway, checked by git once)."""
    absolute = Path.cwd() / path if not path.is_absolute() else path
    resolved = absolute.resolve()
    if ".git" in absolute.parts or ".git" in resolved.parts:
        raise RegdraftError(f"{path} is inside a .git folder, where git keeps the repository itself; "
                            "writing there could destroy the history. Choose another file (nothing was written).")
    from regdraft.render.files import through_descriptor

    if through_descriptor(absolute):  # `-o /dev/stdout`: the command's own output, written into (render.files)
        return
    if absolute.is_symlink() and not force:
        raise RegdraftError(f"{path} is a symbolic link (to {resolved}); regdraft does not write through links "
                            "unless asked to. Remove the link, or ask (nothing was written).", options=("force",))
    root = _work_tree(resolved.parent)
    if root is None:
        return
    relative = resolved.relative_to(root).as_posix()
    if force:
        _refuse_uncommitted(path, root, relative, opening)
        return
    if relative == CONFIG_NAME:
        raise RegdraftError(f"{path} is the workspace settings file; writing a result over it would break the "
                            "workspace. Choose another file, or overwrite it knowingly (nothing was written).",
                            options=("force",))
    if _opened(root, opening).tracked(relative):
        raise RegdraftError(f"{path} is a file under version control ({relative} in {root}); writing a result "
                            "over it would replace its text. Choose another file (out/ is the usual place), or "
                            "overwrite it knowingly (nothing was written).", options=("force",))


def _opened(root: Path, opening: Callable[[Path], Workspace] | None) -> Workspace:
    """The workspace around an output (only for a path in a work tree: asking git needs it)."""
    from regdraft.workspace.store import Workspace

    return (opening or Workspace)(root)


def _refuse_uncommitted(path: Path, root: Path, relative: str,
                        opening: Callable[[Path], Workspace] | None = None) -> None:
    """Refuse, even when asked to overwrite, a tracked file with changes not committed: git's history keeps the
    committed text `--force` replaces, but nothing keeps the drafter's edits (`import --force -o regulations/…`)."""
    if not (root / relative).is_file():
        return
    ws = _opened(root, opening)
    if ws.tracked(relative) and ws.dirty([relative]):
        raise RegdraftError(f"{relative} (in the workspace {root}) has changes that are not committed; writing a "
                            "result over it would lose them, and no history keeps them. Commit them (or copy the file "
                            "elsewhere) first, then run the command again (nothing was written).")


def _work_tree(folder: Path) -> Path | None:
    """The top of the git work tree holding `folder` (which need not exist yet), or None."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def clear_stopped(path: Path, opening: Callable[[Path], Workspace] | None = None) -> list[Path]:
    """Remove the half-written outputs beside `path` that a regdraft stopped while writing left (`NAME.regdraft-tmp`,
    no process holding it open, not tracked by git), once a command wrote there: a `kill -9` during an export left
    `out/hop-nhat.pdf.regdraft-tmp`, which only the next export of that same file, or `check --repair`, took away
    (r37 sweep BQ 5). The files removed."""
    folder = (Path.cwd() / path).parent if not path.is_absolute() else path.parent
    try:
        found = sorted(p for p in folder.iterdir() if p.name.endswith(TEMPORARY) and p.name != TEMPORARY
                       and not p.name.startswith("."))
    except OSError:
        return []
    if not found:
        return []
    from regdraft.workspace.held_files import left_behind, open_files

    held = open_files()
    stopped = [p for p in found if left_behind(p, held)]
    root = _work_tree(folder.resolve()) if stopped else None
    if root is not None:
        ws = _opened(root, opening)
        stopped = [p for p in stopped if not ws.tracked(p.resolve().relative_to(root).as_posix())]
    for p in stopped:
        p.unlink(missing_ok=True)
    return stopped

"""The workspace around a path, found without opening it: a walk up to its settings file.

`compare` works on files anywhere and only needs to know whether a file lies in a workspace
(whose parse cache and template overrides it then uses); `-o` only needs it for a path inside
one. Answering that here costs a few `stat` calls, without importing the store and its git
machinery (about 5 ms of a command that otherwise has no use for them).
"""

from __future__ import annotations

from pathlib import Path

from regdraft.core.layout import CONFIG


def workspace_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` (resolved) that holds the workspace settings, or None."""
    here = start.resolve()
    for candidate in (here, *here.parents):
        if (candidate / CONFIG).is_file():
            return candidate
    return None


def workspace_of(path: Path) -> Path | None:
    """The root of the workspace holding the file `path` (which need not exist), or None outside any."""
    return workspace_root(path.resolve().parent)

"""The parse cache's entries on disk (`regdraft.workspace.parse_cache`): what a reading depends on besides its text
(`code_fingerprint`, in every key), and values kept as signed pickles and read back safely.

Post-conditions:
1. Entries are pickles, unpickled only after their signature matches (`regdraft.render.signed`) and then by an
   unpickler that builds nothing but regdraft's data classes and enums, dates and plain containers
   (docs/security.md says why); an entry cut short, altered, not ours or of another version of the classes loads
   as None, and the caller reads the text again.
2. Keeping is never an error: a value that does not pickle is not kept.
3. The fingerprint changes when a file of `regdraft/core` changes (its size or time), when PyYAML or markdown-it is
   upgraded, and with Python's version.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from regdraft.core.collector import paused
from regdraft.render import signed

T = TypeVar("T")

_fingerprint: str | None = None

_LIBRARIES = ("yaml", "markdown_it")  # what reads the front matter and the blocks that are not simple


def code_fingerprint() -> str:
    """What a reading depends on besides the text: regdraft's parsing code, the libraries it reads
    with (PyYAML, markdown-it) and Python's version."""
    global _fingerprint
    if _fingerprint is None:
        import regdraft

        core = Path(regdraft.__file__).resolve().parent / "core"
        digest = hashlib.blake2b(digest_size=16)
        digest.update(f"{sys.version_info[:3]}:{pickle.HIGHEST_PROTOCOL}".encode())
        for library in _LIBRARIES:  # their versions, without importing them: an upgrade reads again
            try:
                spec = importlib.util.find_spec(library)
                info = os.stat(spec.origin) if spec is not None and spec.origin else None
            except (ImportError, ValueError, OSError):
                info = None
            if info is not None:
                digest.update(f"{library}:{info.st_size}:{info.st_mtime_ns}\0".encode())
        for directory, folders, files in sorted(os.walk(core)):
            folders.sort()
            for name in sorted(files):
                if name.endswith(".py"):
                    info = os.stat(os.path.join(directory, name))
                    digest.update(f"{directory}/{name}:{info.st_size}:{info.st_mtime_ns}\0".encode())
        _fingerprint = digest.hexdigest()
    return _fingerprint


def kept_value(folder: Path, name: str, compute: Callable[[], T]) -> T:
    """The value kept under `name` in `folder`, else `compute()`, kept there (as a one-tuple, so that
    any value, None included, reads back); a value whose computing raises is not kept."""
    kept = load(folder, name)
    if isinstance(kept, tuple) and len(kept) == 1:
        return kept[0]  # type: ignore[no-any-return]
    value = compute()
    store(folder, name, (value,))
    return value


def load(folder: Path, key: str) -> Any:
    """The cached value, or None when there is none we can trust and read."""
    entry = signed.open_entry(folder, key)
    if entry is None:
        return None
    try:
        with paused():  # a reading is a large acyclic tree (`regdraft.core.collector`)
            return _Unpickler(entry).load()
    except Exception:  # an entry of another version of the classes: read the text again
        return None


def store(folder: Path, key: str, value: Any, pack: Callable[[Path, str, Any], Any] | None = None) -> None:
    """Keep `value` (as `pack` gives it) under `key`; keeping is never an error."""
    try:
        kept = value if pack is None else pack(folder, key, value)
        payload = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a value that does not pickle is read again next time
        return
    signed.store(folder, key, payload)


_ALLOWED_MODULES = ("regdraft.core.",)
_ALLOWED_GLOBALS = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"),
                    ("datetime", "timedelta"), ("datetime", "timezone"), ("builtins", "frozenset"),
                    ("builtins", "set"), ("collections", "OrderedDict"),
                    # A unit is pickled as this call (`Unit.__reduce__`): it only sets a new unit's fields.
                    ("regdraft.core.model", "_unpickled_unit")}


class _Unpickler(pickle.Unpickler):
    """Builds only regdraft's data classes and enums, dates and plain containers: no function (but the one that
    builds a unit), no other class."""

    def find_class(self, module: str, name: str) -> Any:
        import dataclasses
        import enum

        if (module, name) in _ALLOWED_GLOBALS:
            return super().find_class(module, name)
        if module.startswith(_ALLOWED_MODULES) and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the parse cache")

"""The methods `@dataclass` writes for each class, compiled once and kept between runs of the command line.

Python's `dataclasses` writes the source of each class's `__init__`, `__repr__`, `__eq__`, `__hash__` (and a
frozen class's `__setattr__` and `__delattr__`) as it creates the class, and compiles each with `exec`: about 470
compilations for the 82 classes a warm `redline` creates, 45-50 ms of its CPU on a 2.1 GHz core, three quarters of
what creating the classes costs (docs/performance.md, twenty-eighth round). The same sources come back on every run.

`install` gives `dataclasses` an `exec` of its own: a source already compiled is run from its kept code object,
anything else is compiled as `exec` compiles it (mode `exec`, file name `<string>`, no future flags inherited from
this module) and noted. `keep` writes the code objects back at the end of a run that compiled any.

Post-conditions:
1. The classes are the same: each method is the very code `exec` would have compiled from the same source (the
   source itself is the key, compared whole), run with the same globals and locals.
2. The code objects are kept with `marshal` (each apart, read only when its class is created) as one signed entry
   of the user's cache (`render.signed`: trusted only if this user's key signed it, in a folder and key of this
   user's that no one else may open, read or write), named by Python's version, build and optimisation level; an
   entry that is missing, not ours or not readable is ignored and the sources compiled again.
3. Each command keeps its own entry (`compare` creates 32 classes, `redline` 82: a run reads only what its command
   makes); nothing is kept when nothing new was compiled; the entry keeps at most `MAX_SOURCES` sources (those of this
   run first), so sources of classes that changed do not pile up. Failing to read or write is never an error.
4. Only the command line's process installs it (`regdraft.cli.main`); a library user's or a test's process
   creates its classes with Python's own `exec`.
"""

from __future__ import annotations

import builtins
import dataclasses
import hashlib
import marshal
import sys
from importlib.util import MAGIC_NUMBER
from types import CodeType
from typing import Any

from regdraft.render import signed

MAX_SOURCES = 3000

_kept: dict[str, bytes] = {}  # every source read from the entry or compiled in this run: its code, marshalled
_used: dict[str, bytes] = {}  # those run in this process
_compiled = 0  # sources compiled in this process (not in the entry)
_entry = ""  # the entry `install` read


def entry_name(command: str) -> str:
    """The entry of a command's runs: code objects load only into the Python that wrote them."""
    build = f"{sys.version}\0{sys.flags.optimize}\0{MAGIC_NUMBER.hex()}".encode()
    return f"dataclass-code-{command or '-'}-{sys.implementation.cache_tag}-{hashlib.sha256(build).hexdigest()[:16]}"


def cached_exec(source: Any, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> None:
    """`exec(source, globals, locals)`, with the code of a source met before taken from the kept entry."""
    global _compiled
    if not isinstance(source, str):
        builtins.exec(source, globals, locals)
        return
    kept = _kept.get(source, b"")
    code: object = None
    if kept:
        try:
            code = marshal.loads(kept)
        except (ValueError, EOFError, TypeError):
            code = None
    if not isinstance(code, CodeType):
        # What `exec` does with a string: compiled in mode "exec" as "<string>", with the flags of its caller
        # (dataclasses' `_create_fn`, which imports no future feature), so none inherited from this module.
        code = compile(source, "<string>", "exec", dont_inherit=True)
        kept = _kept[source] = marshal.dumps(code)
        _compiled += 1
    _used[source] = kept
    builtins.exec(code, globals, locals)


def install(command: str) -> None:
    """Read the code objects kept for `command` (a name of the top-level group, or "") and give `dataclasses` the
    `exec` that uses them (once per process)."""
    global _entry
    if getattr(dataclasses, "exec", None) is cached_exec:
        return
    _entry = entry_name(command)
    folder = signed.user_cache_folder()
    if folder is not None:
        payload = signed.load(folder, _entry)
        if payload is not None:
            try:
                found = marshal.loads(payload)
            except (ValueError, EOFError, TypeError):
                found = None
            if isinstance(found, dict):
                _kept.update((k, v) for k, v in found.items() if isinstance(k, str) and isinstance(v, bytes))
    dataclasses.exec = cached_exec  # type: ignore[attr-defined]  # a module global is found before the builtin


def keep() -> None:
    """Write the kept code objects back when this run compiled a source the entry did not hold."""
    if not _compiled:
        return
    folder = signed.user_cache_folder()
    if folder is None:
        return
    kept = dict(_used)
    for source, code in _kept.items():
        if len(kept) >= MAX_SOURCES:
            break
        kept.setdefault(source, code)
    try:
        signed.store(folder, _entry, marshal.dumps(kept))
    except (ValueError, OSError):
        pass

"""A regulation file's reading found by the file's status, its bytes neither read nor hashed again.

`compare` reads two files anywhere on disk (1.9 MB each at 1,000 articles); finding their readings in the parse
cache meant reading and hashing both each time: 4.5 ms of a warm run's CPU and 3.8 MB of new memory. As git's index
does for the files of a working tree, the key a file's bytes were kept under is noted with the file's status (device,
inode, size, modification and change times in nanoseconds), and a file whose status is the same holds the same bytes.

Post-conditions:
1. `read_regulation_file(root, path)` is `read_regulation(root, path.read_bytes(), str(path))`
   (`read_regulation_outside` when `root` is None), the reading kept in the same place.
2. A key is noted only when the file's status was the same before and after its bytes were read and its change
   time is at least `SETTLED` before the note. Writing a file sets its change time to the clock's time, and no
   process can set it back: a file written after its note has another status, even within one tick of a file
   system's coarse clock (an edit in the tick its bytes were read in is never noted).
3. A note is used only when the file's status now is the one noted and the reading it names is still kept; else the
   bytes are read and hashed as before; on a system whose change time is not the inode's (Windows: its creation
   time) no note is made or used. Notes are signed entries of that cache (`render.signed`: the user's own,
   checked before use), named by the file's path as given, its real path and the reading code.
"""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.render import signed
from regdraft.workspace import parse_cache

if TYPE_CHECKING:
    from regdraft.core.markdown import Reading

SETTLED = 2_000_000_000  # nanoseconds a file's change time must lie before its note
# Where `st_ctime` is the time the inode last changed. On Windows it is the file's creation time, which an edit
# does not move: a file edited and its modification time set back would keep its status, so no note is used there.
STATUS_CHANGES = os.name == "posix"


def read_regulation_file(root: Path | None, path: Path) -> Reading:
    """The reading of the regulation file at `path` (in the workspace at `root`, or in none), as post-condition 1."""
    folder = signed.user_cache_folder() if root is None else signed.cache_folder(root)
    source = str(path)
    before = _status(path)
    if folder is None or not STATUS_CHANGES:
        return _read(root, path.read_bytes(), source)
    name = parse_cache.text_key("file", f"{source}\0{os.path.realpath(path)}")
    noted = _noted(folder, name)
    if noted is not None and noted[0] == before:
        found = parse_cache.kept_regulation(folder, noted[1])
        if found is not None:
            return found
    data = path.read_bytes()
    reading = _read(root, data, source)
    kept = parse_cache.origin(reading.regulation)  # the key it was kept under: the bytes are not hashed twice
    if (kept is not None and kept[0] == folder and _status(path) == before and time.time_ns() - before[4] >= SETTLED
            and (noted is None or noted[0] != before)):
        signed.store(folder, name, marshal.dumps((before, kept[1])))
    return reading


def _read(root: Path | None, data: bytes, source: str) -> Reading:
    if root is None:
        return parse_cache.read_regulation_outside(data, source)
    return parse_cache.read_regulation(root, data, source)


def _status(path: Path) -> tuple[int, int, int, int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def _noted(folder: Path, name: str) -> tuple[tuple[int, ...], str] | None:
    """The status and key noted under `name`, or None."""
    payload = signed.load(folder, name)
    try:
        value = marshal.loads(payload) if payload is not None else None
    except (ValueError, EOFError, TypeError):
        return None
    if (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], str) and isinstance(value[0], tuple)
            and len(value[0]) == 5 and all(type(n) is int for n in value[0])):
        return value[0], value[1]
    return None

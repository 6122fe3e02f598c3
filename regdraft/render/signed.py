"""Signed cache entries in `.git/regdraft-cache/`: bytes kept between runs, trusted only if we wrote them.

The parse cache (`regdraft.workspace.parse_cache`) and the compiled templates
(`regdraft.render.html`) keep their entries here, and `kept_value` keeps plain values (the
workspace settings, the shipped profiles) as `marshal` payloads. An entry is a file `MAGIC + signature + payload`;
the signature is HMAC-SHA256 over the entry's name and payload, under a key made of the random
bytes in `key` and the identity (device and inode) of that file on this machine.

Post-conditions:
1. `load` returns a payload only when its signature matches: a file cut short, altered, written
   by anyone without the key, or copied with its key from another folder or machine (a zipped
   workspace: the copy's inode differs) gives None, and the caller computes the value again.
2. The folder is `.git/regdraft-cache` of a workspace whose `.git` is a real folder (no symbolic
   link, not a worktree's `.git` file pointing elsewhere); entries and the key are opened without
   following symbolic links, so nothing is read or written outside the workspace. Files in no
   workspace (`compare a.md b.md` anywhere) are kept in the user's own cache folder instead,
   `$XDG_CACHE_HOME/regdraft` (`~/.cache/regdraft`), made readable by its owner only.
3. `store` writes atomically (a temporary file renamed into place); parallel runs see a whole
   entry or none. Failing to write is never an error: the next run computes the value again.
4. The folder holds at most `MAX_BYTES` and `MAX_ENTRIES`; writing past them drops the entries
   used longest ago.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import marshal
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

CACHE_FOLDER = "regdraft-cache"
KEY_FILE = "key"
MAGIC = b"RDC1"
MAX_BYTES = 256 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_PAYLOAD = MAX_BYTES // 4  # the largest payload `store` keeps
_SIGNATURE = hashlib.sha256().digest_size
_LARGEST = len(MAGIC) + _SIGNATURE + MAX_PAYLOAD  # the largest entry `store` writes
# Never followed through a link, and never waiting: a FIFO placed as an entry or the key (a tar can hold one) blocked
# the open until a writer came; opened without blocking, it is then refused as no regular file.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
T = TypeVar("T")


def cache_folder(root: Path | None) -> Path | None:
    """`ROOT/.git/regdraft-cache`, or None when `.git` is not a real folder inside the workspace."""
    if root is None:
        return None
    git_dir = root / ".git"
    try:
        if not stat.S_ISDIR(git_dir.lstat().st_mode):
            return None
    except OSError:
        return None
    return git_dir / CACHE_FOLDER


def user_cache_folder() -> Path | None:
    """`$XDG_CACHE_HOME/regdraft` (else `~/.cache/regdraft`): the cache of files in no workspace (None: no home)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, empty or relative: the XDG default
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):
            return None
    return Path(base) / "regdraft"


def load(folder: Path, name: str) -> bytes | None:
    """The payload of entry `name`, or None when it is missing, cut short, altered or not ours."""
    entry = open_entry(folder, name)
    return None if entry is None else entry.read()


def open_entry(folder: Path, name: str) -> io.BytesIO | None:
    """The payload of entry `name` as a file to read (no copy of it is made), or None as for `load`."""
    secret = _key(folder, create=False)
    if secret is None:
        return None
    path = folder / name
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
        with os.fdopen(fd, "rb") as handle:
            # No file larger than `store` writes is read: a received workspace's entries swollen to 300 MB were each
            # read whole before their signature failed (r27 sweep W, defect 8).
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > _LARGEST:
                return None
            blob = handle.read(_LARGEST + 1)
    except OSError:
        return None
    head = len(MAGIC) + _SIGNATURE
    if len(blob) <= head or len(blob) > _LARGEST or not blob.startswith(MAGIC):
        return None
    if not hmac.compare_digest(blob[len(MAGIC):head], _sign(secret, name, memoryview(blob)[head:])):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: among the last to be dropped
    entry = io.BytesIO(blob)  # shares the bytes read
    entry.seek(head)
    return entry


def kept_value(folder: Path | None, name: str, compute: Callable[[], T]) -> T:
    """`compute()`, kept as entry `name` as plain values (`marshal`: strings, numbers, lists, mappings).

    Read back when the entry is there and ours; a value marshal cannot write (a date, an object)
    is computed each time. Without a folder, nothing is kept.
    """
    if folder is not None:
        payload = load(folder, name)
        if payload is not None:
            try:
                found: T = marshal.loads(payload)
                return found
            except (ValueError, EOFError, TypeError):
                pass
    value = compute()
    plain: Any = value
    if folder is not None:
        try:
            store(folder, name, marshal.dumps(plain))
        except ValueError:
            pass
    return value


def store(folder: Path, name: str, payload: bytes) -> None:
    """Write entry `name` atomically; a cache that cannot be written only makes the next run slower."""
    if len(payload) > MAX_PAYLOAD:
        return
    try:
        if not _ready(folder):
            return
        secret = _key(folder, create=True)
        if secret is None:
            return
        fd, temporary = _created(folder, ".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + _sign(secret, name, payload) + payload)
            os.replace(temporary, folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _bound(folder)
    except OSError:
        return


def _created(folder: Path, prefix: str) -> tuple[int, str]:
    """A new file of `folder` under a random name, opened for writing by its owner alone, as `tempfile.mkstemp`
    makes it (never an existing file or a link followed) without importing `tempfile` (with `random` and `shutil`,
    a few milliseconds of every run that keeps something)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        path = os.path.join(folder, prefix + os.urandom(8).hex())
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def _ready(folder: Path) -> bool:
    """Create the folder when missing; False when it is anything but a real folder."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)  # the user's ~/.cache may not exist yet
        folder.mkdir(mode=0o700, exist_ok=True)
        return stat.S_ISDIR(folder.lstat().st_mode)
    except OSError:
        return False


def _sign(secret: bytes, name: str, payload: bytes | memoryview) -> bytes:
    mac = hmac.new(secret, name.encode("utf-8") + b"\0", hashlib.sha256)
    mac.update(payload)
    return mac.digest()


def _key(folder: Path, *, create: bool) -> bytes | None:
    """The folder's signing key: the random bytes of `key` bound to that file's identity here.

    Made atomically (readable only by its owner) when missing; two runs making it at once
    agree on the first one linked into place.
    """
    path = folder / KEY_FILE
    for _ in range(2):
        try:
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode):
                    return None
                random_part = handle.read(64)
            if len(random_part) != 32:
                return None
            return hashlib.sha256(random_part + f":{info.st_dev}:{info.st_ino}:{info.st_uid}".encode()).digest()
        except FileNotFoundError:
            if not create:
                return None
        except OSError:
            return None
        import secrets

        fd, temporary = _created(folder, ".key-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(32))
            os.link(temporary, path)  # fails if another run made the key first: that one is used
        except FileExistsError:
            pass
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return None


def _bound(folder: Path) -> None:
    """Drop the entries used longest ago while the folder is above its bounds."""
    entries = []
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.name == KEY_FILE or not entry.is_file(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
            entries.append((info.st_mtime_ns, info.st_size, entry.path))
    total = sum(size for _, size, _ in entries)
    if total <= MAX_BYTES and len(entries) <= MAX_ENTRIES:
        return
    entries.sort()
    while entries and (total > MAX_BYTES * 3 // 4 or len(entries) > MAX_ENTRIES * 3 // 4):
        _, size, path = entries.pop(0)
        with contextlib.suppress(OSError):
            os.unlink(path)
        total -= size

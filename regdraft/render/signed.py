"""Signed cache entries in `.git/regdraft-cache/`: bytes kept between runs, trusted only if this user wrote them.

The parse cache (`regdraft.workspace.parse_cache`) and the compiled templates
(`regdraft.render.html`) keep their entries here, and `kept_value` keeps plain values (the
workspace settings, the shipped profiles) as `marshal` payloads. An entry is a file `MAGIC + signature + payload`;
the signature is HMAC-SHA256 over the entry's name and payload, under a key made of the random
bytes in `key` and the identity (device and inode) of that file on this machine.

Post-conditions:
1. `load` returns a payload only when its signature matches: a file cut short, altered, written
   by anyone without the key, or copied with its key from another folder or machine (a zipped
   workspace: the copy's inode differs) gives None, and the caller computes the value again.
2. A folder, key or entry that is not this user's (`os.geteuid()`) counts as a bad signature: the folder must be a
   real folder (no symbolic link, even as it is read) owned by this user with no permission for group or others,
   the key a regular file of this user that no one else may read or write, each entry a file of this user. The
   folder is opened once and checked on its descriptor, and the key and entries are opened through that descriptor
   (`dir_fd`), never following a link, so nothing can be swapped in between the check and the use. The key's
   random bytes are then a secret only this user (and root) can read: nobody else can sign an entry, whoever can
   write the folders above (`_opened` says why those need no check). Nothing is written into a folder refused.
3. The folder is `.git/regdraft-cache` of a workspace whose `.git` is a real folder (no symbolic
   link, not a worktree's `.git` file pointing elsewhere). Files in no
   workspace (`compare a.md b.md` anywhere) are kept in the user's own cache folder instead,
   `$XDG_CACHE_HOME/regdraft` (`~/.cache/regdraft`), made readable by its owner only.
4. `store` writes atomically (a temporary file renamed into place); parallel runs see a whole
   entry or none. Failing to write is never an error: the next run computes the value again.
5. The folder holds at most `MAX_BYTES` and `MAX_ENTRIES`; writing past them drops the entries
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
_FOLDER = getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW
_SEP = os.sep
# Where a folder cannot be opened and checked as `_opened` does (no owner to compare, no `dir_fd`; `os.replace` is
# `os.rename`'s call, which Python lists alone), nothing is kept.
_CAN_CHECK = (hasattr(os, "geteuid") and hasattr(os, "O_DIRECTORY") and hasattr(os, "O_NOFOLLOW")
              and {os.open, os.link, os.rename, os.unlink} <= os.supports_dir_fd and os.scandir in os.supports_fd)
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
    if _SEP in name:
        return None
    where = _opened(folder)
    if where is None:
        return None
    try:
        secret = _key(where, create=False)
        if secret is None:
            return None
        fd = os.open(name, os.O_RDONLY | _NOFOLLOW, dir_fd=where)
        with os.fdopen(fd, "rb") as handle:
            # No file larger than `store` writes is read: a received workspace's entries swollen to 300 MB were each
            # read whole before their signature failed (r27 sweep W, defect 8).
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_size > _LARGEST:
                return None
            blob = handle.read(_LARGEST + 1)
            head = len(MAGIC) + _SIGNATURE
            if len(blob) <= head or len(blob) > _LARGEST or not blob.startswith(MAGIC):
                return None
            if not hmac.compare_digest(blob[len(MAGIC):head], _sign(secret, name, memoryview(blob)[head:])):
                return None
            with contextlib.suppress(OSError):
                os.utime(handle.fileno())  # used now: among the last to be dropped
    except OSError:
        return None
    finally:
        os.close(where)
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
    if len(payload) > MAX_PAYLOAD or _SEP in name:
        return
    where = _ready(folder)
    if where is None:
        return
    try:
        secret = _key(where, create=True)
        if secret is None:
            return
        fd, temporary = _created(where, ".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + _sign(secret, name, payload) + payload)
            os.replace(temporary, name, src_dir_fd=where, dst_dir_fd=where)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=where)
            raise
        _bound(where)
    except OSError:
        return
    finally:
        os.close(where)


def _opened(folder: Path) -> int | None:
    """The folder, opened, when it is a real folder of this user closed to everyone else; else None.

    Opened without following a symbolic link in its last part and checked on the descriptor itself
    (`fstat`), which every later access goes through (`dir_fd`): no path can be swapped between the
    check and the use. A folder another user owns, or one group or others may open (any of the bits
    0o077, an ACL's mask included), is no cache of ours, whatever it holds.

    The folders above it are not checked, on purpose. Whoever can write one of them (an `XDG_CACHE_HOME` on a
    shared path, a group-writable `~/.cache`, a shared workspace's `.git`) can rename this folder away, put a
    folder or a link of theirs in its place, or point a part of the path elsewhere; what is opened here is still
    refused unless it is a folder of this user's that no one else may open, and from then on only this descriptor
    is used. Only this user can have put a key and entries in such a folder, so the worst they can do is leave the
    cache unused, or send it to another folder of this user's that passes the same checks (its entries signed by
    this user). Checking the path above would add nothing to that, and would refuse a `~/.cache` made with umask
    002 under a group of the user alone, or a workspace shared with `core.sharedRepository=group`.
    """
    if not _CAN_CHECK:
        return None
    try:
        fd = os.open(folder, os.O_RDONLY | _FOLDER)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode) and _private(info):
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


def _private(info: os.stat_result) -> bool:
    """The file is this user's and no one else may read, write or enter it."""
    return info.st_uid == os.geteuid() and not info.st_mode & 0o077


def _created(folder: int, prefix: str) -> tuple[int, str]:
    """A new file of the opened `folder` under a random name, opened for writing by its owner alone, as
    `tempfile.mkstemp` makes it (never an existing file or a link followed) without importing `tempfile` (with
    `random` and `shutil`, a few milliseconds of every run that keeps something)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        name = prefix + os.urandom(8).hex()
        try:
            return os.open(name, flags, 0o600, dir_fd=folder), name
        except FileExistsError:
            continue
    raise FileExistsError("no free temporary name in the cache folder")


def _ready(folder: Path) -> int | None:
    """The folder, created when missing (mode 0700) and opened as `_opened` opens it; None when it is not ours."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)  # the user's ~/.cache may not exist yet
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass  # whatever is there is checked on the descriptor
    except OSError:
        return None
    return _opened(folder)


def _sign(secret: bytes, name: str, payload: bytes | memoryview) -> bytes:
    mac = hmac.new(secret, name.encode("utf-8") + b"\0", hashlib.sha256)
    mac.update(payload)
    return mac.digest()


def _key(folder: int, *, create: bool) -> bytes | None:
    """The signing key of the opened folder: the random bytes of `key` bound to that file's identity here.

    Only a regular file of this user that no one else may read or write is a key: its random bytes are the
    secret (the device, inode and owner it is bound to are anyone's to see). When `create`, a missing key is made
    atomically (readable only by its owner; two runs making it at once agree on the first one linked into place),
    and one that is no key is replaced (the entries it signed then fail).
    """
    for _ in range(2):
        try:
            fd = os.open(KEY_FILE, os.O_RDONLY | _NOFOLLOW, dir_fd=folder)
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(handle.fileno())
                random_part = handle.read(64) if stat.S_ISREG(info.st_mode) and _private(info) else b""
            if len(random_part) == 32:
                return hashlib.sha256(random_part + f":{info.st_dev}:{info.st_ino}:{info.st_uid}".encode()).digest()
            if not create:
                return None
            replace = True
        except FileNotFoundError:
            if not create:
                return None
            replace = False
        except OSError:
            return None
        import secrets

        fd, temporary = _created(folder, ".key-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(32))
            if replace:
                os.replace(temporary, KEY_FILE, src_dir_fd=folder, dst_dir_fd=folder)
            else:
                os.link(temporary, KEY_FILE, src_dir_fd=folder, dst_dir_fd=folder)  # fails if another run made it
        except FileExistsError:
            pass  # first: that one is used
        except OSError:
            return None
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=folder)
    return None


def _bound(folder: int) -> None:
    """Drop the entries used longest ago while the opened folder is above its bounds."""
    entries = []
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.name == KEY_FILE or not entry.is_file(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
            entries.append((info.st_mtime_ns, info.st_size, entry.name))
    total = sum(size for _, size, _ in entries)
    if total <= MAX_BYTES and len(entries) <= MAX_ENTRIES:
        return
    entries.sort()
    while entries and (total > MAX_BYTES * 3 // 4 or len(entries) > MAX_ENTRIES * 3 // 4):
        _, size, name = entries.pop(0)
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=folder)
        total -= size

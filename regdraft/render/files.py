"""Output files are written whole or not at all: a failed render never leaves half a file behind.

The temporary file beside an output is created new (`new_file`), never opened through a link: a workspace
received from a colleague may hold a committed symbolic link under that name (`amendment.md.regdraft-tmp ->
~/.bashrc`), and writing through it wrote the workspace's text into a file outside it.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from regdraft.core.errors import RegdraftError

# `-o -`: the output written to standard output, as `cat`'s and most tools' `-` means (r44 sweep CH F7: it wrote a
# file named `-` in the workspace).
STDOUT = Path("-")

# A file's bytes in pieces, written one after the other (`write_page`: a page's head and its own encoding after it).
Pieces = tuple[bytes | memoryview, ...]


def prepare_folder(output: Path) -> list[Path]:
    """Create the folders `output` goes in, and return those it made, outermost first; a `RegdraftError` when a
    file stands where one must be."""
    if output.is_dir():
        raise RegdraftError(f"cannot write {output}: it is a folder; give a file name.")
    missing: list[Path] = []
    for folder in (output.parent, *output.parent.parents):
        if folder.exists() or folder.is_symlink():
            if not folder.is_dir():
                raise RegdraftError(f"cannot write {output}: {folder} is a file, not a folder.")
            break
        missing.insert(0, folder)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        return missing
    except OSError as exc:  # a read-only disk said only "cannot access out: Read-only file system."
        if exc.errno not in _WRITING:
            raise
        made = shown_path(Path(os.fsdecode(exc.filename))) if exc.filename is not None else "its folder"
        raise RegdraftError(f"cannot write {shown_path(output)}: regdraft could not make its folder {made}, as "
                            f"{reason(exc)}; nothing was written.{_elsewhere(output, exc)}") from None


def _elsewhere(output: Path, exc: OSError) -> str:
    """Where to write instead, when the place cannot be written to at all (not for regdraft's own files in `.git`)."""
    if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM) or ".git" in output.parts:
        return ""
    return " Give `-o` a file in a folder you can write to."


def new_file(path: Path, data: bytes | Pieces = b"", durable: bool = False) -> Path:
    """Create `path` as a new file holding `data` (bytes, or pieces written one after the other), never through a link;
    a leftover regular file is replaced.

    A `RegdraftError` when a link (or anything but a file) stands there: it is not regdraft's to follow or remove.
    `durable`: the bytes are flushed to the disk before it returns.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags, 0o666)
    except FileExistsError:
        if path.is_symlink() or not path.is_file():
            raise RegdraftError(f"cannot write beside {path.name.removesuffix('.regdraft-tmp')}: {path} is a "
                                "link or not a file, where regdraft puts the file it is writing before giving it "
                                "its name; nothing was written. Remove it and run the command again.") from None
        path.unlink()  # the temporary file of a write that was interrupted
        handle = os.open(path, flags, 0o666)
    try:
        try:
            out = os.fdopen(handle, "wb")
        except BaseException:
            os.close(handle)
            raise
        with out:
            for piece in (data,) if isinstance(data, bytes) else data:
                out.write(piece)
            if durable:  # on the disk before the caller renames it into place
                out.flush()
                os.fsync(out.fileno())
    except OSError as exc:
        path.unlink(missing_ok=True)  # a full disk leaves no half file behind
        if exc.filename is None:  # a write to an open file names none: the message names the file (`reason`)
            raise OSError(exc.errno, exc.strerror, os.fspath(path)) from None
        raise
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


_WRITING = (errno.ENOSPC, errno.EDQUOT, errno.EPERM, errno.EACCES, errno.EROFS, errno.EFBIG, errno.EIO)


def about(exc: OSError, path: Path) -> OSError:
    """`exc` about `path`: a failure on the temporary file beside it, or on its rename, is said of the file itself."""
    return OSError(exc.errno, exc.strerror, os.fspath(path))


def reason(exc: OSError) -> str:
    """Why a file could not be written, in a drafter's words with the system's after them: `the disk is full (No
    space left on device)`, `it or its folder is protected against changes (Operation not permitted)`."""
    said = str(exc.strerror or exc).strip()
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full ({said})"
    if exc.errno in (errno.EPERM, errno.EACCES):
        return f"it or its folder is protected against changes ({said})"
    if exc.errno == errno.EROFS:
        return f"the disk is read-only ({said})"
    return said


def shown_path(path: Path, root: Path | None = None) -> str:
    """`path` as the user knows it: relative to `root` (the workspace; else the current folder) when inside it."""
    base = root if root is not None else Path.cwd()
    try:
        return path.absolute().relative_to(base.absolute()).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:
        return str(path)


class _Terminated(BaseException):
    """SIGTERM arrived while an output was written (see `_removing_on_sigterm`)."""


@contextmanager
def _removing_on_sigterm() -> Iterator[None]:
    """While an output is written, SIGTERM (`kill`, `timeout`) raises, so that the temporary file is removed as on
    Ctrl-C, then ends the process by SIGTERM as before: an export to a folder outside the workspace
    (`-o ../desk/x.pdf`) left `x.pdf.regdraft-tmp` there, which no `check` looks for. Only in the main thread, and
    only where SIGTERM would have ended the process: a handler of the program's own is kept. `kill -9` cannot be
    caught: its file stays until the next write to the same name replaces it (`new_file`)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return

    def terminated(signum: int, frame: object) -> None:
        raise _Terminated

    signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)  # ends the process, as the signal would have
        raise
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def write_atomic(output: Path, content: bytes | Pieces | Callable[[Path], object]) -> None:
    """Write `output` whole or not at all: `content` is the bytes (or pieces of them, written in turn), or a function
    writing to the path it is given.

    Missing folders are created (see `prepare_folder`); when the write fails (a full disk, a render error, Ctrl-C),
    those it made are removed again while they are empty: `-o out/x.pdf` failing left `out/` behind, empty. A folder
    that was there before, or that holds a file, is never removed. Stopped by Ctrl-C or SIGTERM, it removes its
    temporary file first (`_removing_on_sigterm`).
    """
    if output == STDOUT:  # `-o -`: standard output, as the shell gave it (a pipe, a file, a terminal)
        _write_into(output, content)
        return
    if _special(output):  # `-o /dev/null`, a named pipe: written into, never replaced (see `_write_into`)
        _write_into(output, content)
        return
    made = prepare_folder(output)
    try:
        with _removing_on_sigterm():
            try:
                _write_atomic(output, content)
            except OSError as exc:  # a full disk said only "cannot access: No space left on device"
                if exc.errno not in _WRITING and exc.filename is not None:
                    raise  # perhaps not the writing's (a font a PDF could not read): the error names its own file
                raise RegdraftError(f"cannot write {shown_path(output)}: {reason(exc)}; nothing was written."
                                    f"{_elsewhere(output, exc)}") from None
    except BaseException:
        _remove_empty(made)
        raise


def _special(output: Path) -> bool:
    """Whether `output` is there and neither a file nor a folder: a device such as /dev/null or /dev/stdout, a named
    pipe. Renaming a file over it replaced the device itself: `amend preview -o /dev/null`, run as root, left
    /dev/null a plain file holding the preview, and every program writing to it after wrote into that file."""
    import stat

    if through_descriptor(output):
        return True
    try:
        mode = output.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


_wrote_stdout = False  # a write went to this process's standard output (`stdout_written`)


def stdout_written() -> bool:
    """Whether an output was written into this process's standard output (`-o /dev/stdout`): the command's own
    sentences ("Wrote …") then go to stderr, not into the document's stream."""
    return _wrote_stdout


def _is_stdout(fd: int) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.fstat(1))
    except OSError:  # no standard output at all
        return False


_DESCRIPTOR = re.compile(r"/(?:proc/(?:self|thread-self|\d+)|dev)/fd/\d+")


def through_descriptor(output: Path) -> bool:
    """Whether `output` names a process's open file (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`) or is a link that
    leads to one: `-o /dev/stdout` with the output redirected to a file resolved to that file, a plain file, and
    renaming over it replaced the link /dev/stdout itself (r44 sweep CK F4). Written into, as a shell's `>` does."""
    hop = os.path.abspath(output)
    for _ in range(40):  # the kernel's own limit on links followed
        if _DESCRIPTOR.fullmatch(hop):
            return True
        try:
            target = os.readlink(hop)
        except OSError:  # not a link (or not there): its own file
            return False
        hop = os.path.normpath(os.path.join(os.path.dirname(hop), target))
    return False


def _write_into(output: Path, content: bytes | Pieces | Callable[[Path], object]) -> None:
    """Write `content` into the device or pipe `output` (`_special`), or standard output (`STDOUT`, `-o -`), as a
    shell's `>` does: there is no half-written
    file to fear, and nothing to rename. A function writing to a path writes to a temporary file first (in the
    system's temporary folder, not beside the device), whose bytes are then copied."""
    import shutil
    import sys
    import tempfile
    from contextlib import nullcontext
    from typing import IO

    global _wrote_stdout
    try:
        if output == STDOUT:
            sys.stdout.flush()  # what was printed before stays before
        opened: AbstractContextManager[IO[bytes]] = nullcontext(sys.stdout.buffer) if output == STDOUT \
            else output.open("wb")
        with opened as sink:  # the device itself: no temporary file beside it
            _wrote_stdout = _wrote_stdout or (output != STDOUT and through_descriptor(output)
                                              and _is_stdout(sink.fileno()))
            if not callable(content):
                for piece in (content,) if isinstance(content, bytes) else content:
                    sink.write(piece)
            else:
                with tempfile.TemporaryDirectory(prefix="regdraft-") as folder:
                    written = Path(folder) / ("output" if output == STDOUT else output.name)
                    content(written)
                    with written.open("rb") as source:
                        shutil.copyfileobj(source, sink)
            sink.flush()
    except BrokenPipeError:
        if output == STDOUT:  # its reader gone (`-o - | head`): the command line ends quietly, as `cat` does
            raise
        raise RegdraftError(f"cannot write {shown_path(output)}: its reader is gone.") from None
    except OSError as exc:
        if exc.errno not in _WRITING and exc.filename not in (None, str(output)):
            raise
        raise RegdraftError(f"cannot write {shown_path(output)}: {reason(exc)}.") from None


def _remove_empty(made: list[Path]) -> None:
    """Remove the folders a failed write made (`prepare_folder`), innermost first, while each is empty: `rmdir`
    removes none that holds anything (another command's file written there meanwhile)."""
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:
            return  # not empty, or not ours to remove: the folders around it are not empty either


def _write_atomic(output: Path, content: bytes | Pieces | Callable[[Path], object]) -> None:
    # A sibling file, so that the final rename stays on one file system and is atomic.
    tmp = new_file(output.with_name(output.name + ".regdraft-tmp"), b"" if callable(content) else content)
    # Held open while it is written (a PDF takes seconds): one that no process holds was left by a regdraft that
    # was stopped, and `check --repair` removes it.
    held: int | None = None
    try:
        held = os.open(tmp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        if callable(content):
            content(tmp)
        os.close(held)  # before the rename, which a file held open would stop on some systems
        held = None
        os.replace(tmp, output)
    finally:
        if held is not None:
            os.close(held)
        tmp.unlink(missing_ok=True)


def dated_package(data: bytes, day: dt.date) -> bytes:
    """A Word or Excel file (a zip) as made on `day`: each part dated `day`, and the document's own created and
    modified properties (`docProps/core.xml`) `day` at 00:00. python-docx and openpyxl date them to the second they
    write (openpyxl whatever it is told), so the same document made twice differed in bytes; made the same day it is
    now the same file, as its PDF is."""
    import io
    import re
    import zipfile

    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    midnight = f"{day.isoformat()}T00:00:00Z".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "docProps/core.xml":
                part = re.sub(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)",
                              lambda m: m.group(1) + midnight + m.group(3), part)
            dated = zipfile.ZipInfo(info.filename, stamp)
            dated.compress_type, dated.external_attr = info.compress_type, info.external_attr
            package.writestr(dated, part)
    return out.getvalue()

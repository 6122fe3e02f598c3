"""A cache entry larger than any `signed.store` writes is refused before it is read (r27 sweep W, defect 8): a
received workspace's entries swollen to 300 MB sparse files were each read whole (up to 256 MB) before their
signature failed (`redline` 3.85 s and 287 MB instead of 0.58 s and 31 MB)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from regdraft.render import signed


class _Reading:
    """A file opened by `signed`, counting the bytes each read returns."""

    def __init__(self, handle: Any, read: list[int]) -> None:
        self.handle, self.reads = handle, read

    def __enter__(self) -> _Reading:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.handle.close()

    def fileno(self) -> int:
        return int(self.handle.fileno())

    def read(self, size: int = -1) -> bytes:
        data: bytes = self.handle.read(size)
        self.reads.append(len(data))
        return data


def test_an_entry_larger_than_any_written_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / ".git" / signed.CACHE_FOLDER
    signed.store(folder, "entry", b"payload")
    reads: list[int] = []
    fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode: _Reading(fdopen(fd, mode), reads))
    assert signed.load(folder, "entry") == b"payload"
    assert reads == [32, len(signed.MAGIC) + 32 + len(b"payload")]  # the key, then the entry
    reads.clear()
    entry = folder / "entry"
    with entry.open("r+b") as handle:  # swollen past the largest entry `store` writes: a sparse file
        handle.truncate(len(signed.MAGIC) + 32 + signed.MAX_BYTES // 4 + 1)
    assert signed.load(folder, "entry") is None
    assert reads == [32], reads  # the key alone; the entry was read whole before (64 MB here, up to 256 MB)


@pytest.mark.parametrize("fifo", ["entry", signed.KEY_FILE])
def test_a_fifo_in_place_of_an_entry_or_the_key_is_refused_without_waiting(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           fifo: str) -> None:
    # A received workspace (a tar can hold a FIFO) with a FIFO as a cache entry or the key blocked the open until a
    # writer came: every command waited for ever. It is opened without waiting and refused as no regular file. The
    # open of a FIFO that would wait is failed here instead of made, so the test cannot hang.
    folder = tmp_path / ".git" / signed.CACHE_FOLDER
    signed.store(folder, "entry", b"payload")
    (folder / fifo).unlink()
    os.mkfifo(folder / fifo)
    real_open = os.open

    def opening(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path).name == fifo:
            assert flags & os.O_NONBLOCK, f"{fifo} opened to wait for a writer"
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", opening)
    assert signed.load(folder, "entry") is None

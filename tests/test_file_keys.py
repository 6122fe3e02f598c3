"""A regulation file read again is found by its status, its bytes neither read nor hashed (`workspace.file_keys`);
any change to the file, or a note that cannot be trusted, reads it as before. Counted as the files' bytes read."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from regdraft.core.markdown_writer import render
from regdraft.render import signed
from regdraft.workspace import file_keys, parse_cache
from regdraft.workspace.compared_files import build_files
from tests.conftest import SHIPPED_REGULATION


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The names of the files whose bytes were read; a fresh process's memory, a user cache of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    read: list[str] = []
    real = Path.read_bytes

    def reading(path: Path) -> bytes:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", reading)
    return read


def _fresh() -> None:
    parse_cache._memory.clear()
    parse_cache._origins.clear()
    parse_cache._articles.clear()


def _later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notes made as if `SETTLED` had passed since the files were written (a test does not wait two seconds)."""
    now = time.time_ns() + 2 * file_keys.SETTLED
    monkeypatch.setattr(time, "time_ns", lambda: now)


def _files(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "files"
    folder.mkdir()
    text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    old, new = folder / "old.md", folder / "new.md"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("Điều lệ Đảng", "Điều lệ của Đảng", 1), encoding="utf-8")
    return old, new


def test_a_file_read_before_is_found_by_its_status(counted: list[str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _files(tmp_path)
    _later(monkeypatch)
    keys: list[str] = []
    real_key = parse_cache._key

    def key(kind: str, data: bytes | str, names: tuple[str, ...]) -> str:
        keys.append(kind)
        return real_key(kind, data, names)

    monkeypatch.setattr(parse_cache, "_key", key)
    first = build_files(old, new)
    assert counted == ["old.md", "new.md"]
    assert keys == ["regulation", "regulation"]  # each text hashed once, its note made from the key it was kept under
    for _ in range(2):  # another process, then the same one
        _fresh()
        counted.clear()
        again = build_files(old, new)
        assert counted == []
        assert render(again.comparison.old) == render(first.comparison.old)
        assert render(again.comparison.new) == render(first.comparison.new)
        assert again.comparison.changes == first.comparison.changes


def test_a_file_written_again_is_read_again(counted: list[str], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The same size, its modification time set back: its change time moved, so its bytes are read."""
    old, new = _files(tmp_path)
    _later(monkeypatch)
    build_files(old, new)
    before = os.stat(new)
    time.sleep(0.05)  # past the tick of a coarse file-system clock: the change time an edit a moment later has
    text = new.read_text(encoding="utf-8")
    edited = text.replace("Điều lệ của Đảng", "Điều lệ cửa Đảng", 1)
    assert len(edited.encode()) == len(text.encode()) and edited != text
    new.write_text(edited, encoding="utf-8")
    os.utime(new, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(new).st_size == before.st_size and os.stat(new).st_mtime_ns == before.st_mtime_ns
    _fresh()
    counted.clear()
    again = build_files(old, new)
    assert counted == ["new.md"]
    assert "Điều lệ cửa Đảng" in render(again.comparison.new)


def test_a_file_just_written_is_not_noted(counted: list[str], tmp_path: Path) -> None:
    """Within `SETTLED` of its change time, a file may yet change within the same clock tick: it is not noted."""
    old, new = _files(tmp_path)
    build_files(old, new)
    _fresh()
    counted.clear()
    build_files(old, new)
    assert counted == ["old.md", "new.md"]


def test_a_note_is_used_only_while_its_reading_is_kept_and_it_is_ours(counted: list[str], tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _files(tmp_path)
    _later(monkeypatch)
    first = build_files(old, new)
    folder = signed.user_cache_folder()
    assert folder is not None
    for entry in folder.iterdir():
        if entry.name.startswith("regulation-"):
            entry.unlink()  # the readings dropped (the cache was cleaned), the notes left
    _fresh()
    counted.clear()
    again = build_files(old, new)
    assert counted == ["old.md", "new.md"]
    assert render(again.comparison.new) == render(first.comparison.new)
    for entry in folder.iterdir():
        if entry.name.startswith("file-"):
            entry.write_bytes(entry.read_bytes()[:-1] + b"x")  # altered: its signature fails
    _fresh()
    counted.clear()
    build_files(old, new)
    assert counted == ["old.md", "new.md"]


def test_no_note_where_the_change_time_is_not_the_inodes(counted: list[str], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows' `st_ctime` is the file's creation time, which an edit does not move: its files are read every time."""
    old, new = _files(tmp_path)
    _later(monkeypatch)
    monkeypatch.setattr(file_keys, "STATUS_CHANGES", False)
    build_files(old, new)
    _fresh()
    counted.clear()
    build_files(old, new)
    assert counted == ["old.md", "new.md"]
    assert not any(entry.name.startswith("file-") for entry in (tmp_path / "xdg" / "regdraft").iterdir())

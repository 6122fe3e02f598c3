"""Comment files are parsed once per content (`workspace.comment_cache`): what is kept equals a fresh reading, and a
file edited in place, replaced with the same number of bytes, or changed by `git checkout` is read again (sweep r22
s7lan defect 2: every page of the review server re-parsed every comment file). Comment files are read by libyaml,
refused as the pure loader refuses them."""

from __future__ import annotations

import dataclasses
import os
import unicodedata
from pathlib import Path

import pytest

from regdraft.core import comment_yaml, frontmatter
from regdraft.core.comments import Comment
from regdraft.core.errors import ParseError
from regdraft.workspace import comment_cache
from regdraft.workspace.amendments import load_comments
from regdraft.workspace.rounds import add_comment, open_round
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import REPO_ROOT

SLUG = "qc-sua-doi-2025"
BODY = "Ban Tổ chức Tỉnh ủy"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    open_round(ws, SLUG, "Vòng 1", "2025-03-15", (BODY,))
    return ws


def _fresh(ws: Workspace) -> list[object]:
    comment_cache.forget()
    return list(load_comments(ws, SLUG))


def test_kept_readings_equal_a_fresh_reading(ws: Workspace) -> None:
    for n in range(1, 4):
        add_comment(ws, SLUG, BODY, f"d{n}", f"Góp ý {n}: " + "ô" * 500)
    fresh = _fresh(ws)
    assert len(fresh) == 3
    assert load_comments(ws, SLUG) == fresh == load_comments(ws, SLUG)


def _swap(text: bytes, old: str, new: str) -> bytes:
    assert len(old.encode()) == len(new.encode()) and old.encode() in text
    return text.replace(old.encode(), new.encode())


def test_a_file_rewritten_with_as_many_bytes_is_read_again(ws: Workspace) -> None:
    comment = add_comment(ws, SLUG, BODY, "d1", "Đề nghị sửa chữ AAAA.")
    path = ws.path(f"amendments/{SLUG}/comments/{comment.id}.yaml")
    assert [c.text for c in load_comments(ws, SLUG)] == ["Đề nghị sửa chữ AAAA."]
    before = path.stat()
    with path.open("r+b") as file:  # in place: same file, same size, perhaps the same time to the clock's tick
        data = file.read()
        file.seek(0)
        file.write(_swap(data, "AAAA", "BBBB"))
    assert path.stat().st_size == before.st_size and path.stat().st_ino == before.st_ino
    assert [c.text for c in load_comments(ws, SLUG)] == ["Đề nghị sửa chữ BBBB."]
    # Replaced by another file of the same size (as an editor saves), then back as it was.
    replaced = path.with_suffix(".new")
    replaced.write_bytes(_swap(path.read_bytes(), "BBBB", "CCCC"))
    replaced.replace(path)
    assert [c.text for c in load_comments(ws, SLUG)] == ["Đề nghị sửa chữ CCCC."]
    path.write_bytes(data)
    assert [c.text for c in load_comments(ws, SLUG)] == ["Đề nghị sửa chữ AAAA."]


def test_a_file_changed_by_git_checkout_is_read_again(ws: Workspace) -> None:
    comment = add_comment(ws, SLUG, BODY, "d1", "Lần đầu XXXX.")
    relative = f"amendments/{SLUG}/comments/{comment.id}.yaml"
    first = ws.resolve("HEAD").sha
    ws.commit({relative: _swap(ws.read(relative), "XXXX", "YYYY")}, "Edit the comment")
    assert [c.text for c in load_comments(ws, SLUG)] == ["Lần đầu YYYY."]
    ws.repo.git.checkout(first, "--", relative)
    assert [c.text for c in load_comments(ws, SLUG)] == ["Lần đầu XXXX."]
    assert load_comments(ws, SLUG) == _fresh(ws)


def test_a_file_broken_after_reading_is_refused(ws: Workspace) -> None:
    comment = add_comment(ws, SLUG, BODY, "d1", "Góp ý.")
    path = ws.path(f"amendments/{SLUG}/comments/{comment.id}.yaml")
    load_comments(ws, SLUG)
    path.write_bytes(path.read_bytes().replace(b"provision: d1", b"provision: [d1"))
    with pytest.raises(ParseError, match=f"{comment.id}.yaml:"):
        load_comments(ws, SLUG)
    unreadable: list[tuple[str, ParseError]] = []
    assert load_comments(ws, SLUG, unreadable) == [] and len(unreadable) == 1


def test_comment_files_are_read_with_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    quick: list[bool] = []
    loader = frontmatter._loader

    def spy(text: str | bytes, fast: bool, exact: bool = False) -> object:
        quick.append(fast)
        return loader(text, fast, exact)

    monkeypatch.setattr(frontmatter, "_loader", spy)
    comment_yaml.comment_from_yaml("id: ab12\nround: 1\nby: Ban A\nprovision: d1\ntext: x\n", "ab12.yaml")
    assert quick == [frontmatter._quick_loader() is not None]


BASE = "id: ab12\nround: 1\nby: Ban A\nprovision: d1\ntext: {}\n"


@pytest.mark.parametrize(("text", "says"), [
    (BASE.format("!!python/object/apply:os.system ['echo x']"), "could not determine a constructor"),
    (BASE.format("!!python/name:os.system"), "could not determine a constructor"),
    ("a: &x [1, 2]\n" + BASE.format("*x"), "alias"),
    ("a: &x {k: 1}\nb:\n  <<: *x\n" + BASE.format("y"), "alias"),
    (BASE.format("[" * 60 + "]" * 60), "nested deeper than 50"),
    (BASE.format("[" * 5000 + "]" * 5000), "nested deeper than 50"),
    (BASE.format("x") + "sequence: " + "9" * 5000 + "\n", "longer than any regdraft reads"),
], ids=["python-object", "python-name", "alias", "merge", "deep", "very-deep", "long-number"])
@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure"])
def test_comment_files_stay_safe_with_either_loader(text: str, says: str, libyaml: bool,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    if not libyaml:
        monkeypatch.setattr(frontmatter, "_quick_loader", lambda: None)
    with pytest.raises(ParseError, match=says):
        comment_yaml.comment_from_yaml(text, "ab12.yaml")


def _parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources of the comment files parsed from now on, in order."""
    parsed: list[str] = []
    read = comment_yaml.read_comment

    def spy(text: str | bytes, source: str = "") -> object:
        parsed.append(source)
        return read(text, source)

    monkeypatch.setattr(comment_yaml, "read_comment", spy)
    return parsed


def test_an_unchanged_file_is_not_parsed_again(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [add_comment(ws, SLUG, BODY, f"d{n}", f"Góp ý {n}.").id for n in (1, 2, 3)]
    comment_cache.forget()
    parsed = _parsed(monkeypatch)
    load_comments(ws, SLUG)
    assert len(parsed) == 3
    load_comments(ws, SLUG)
    assert len(parsed) == 3  # the review server read every file again for every page
    path = ws.path(f"amendments/{SLUG}/comments/{ids[1]}.yaml")
    path.write_bytes(path.read_bytes().replace("Góp ý 2.".encode(), "Góp ý 9.".encode()))
    assert "Góp ý 9." in [c.text for c in load_comments(ws, SLUG)]
    assert parsed[3:] == [f"amendments/{SLUG}/comments/{ids[1]}.yaml"]


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The comment files read from now on (through `Workspace.read`)."""
    seen: list[str] = []
    read = Workspace.read

    def spy(self: Workspace, relative: str, rev: str | None = None) -> bytes:
        if "/comments/" in relative and rev is None:
            seen.append(relative)
        return read(self, relative, rev)

    monkeypatch.setattr(Workspace, "read", spy)
    return seen


def _later(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock ten seconds on: the files written now are as a round's comments are, long unchanged."""
    import time

    monkeypatch.setattr(comment_cache, "now", lambda: time.time_ns() + 10_000_000_000, raising=False)


def test_an_old_unchanged_file_is_not_read_again(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    ids = [add_comment(ws, SLUG, BODY, f"d{n}", f"Góp ý {n} AAAA.").id for n in (1, 2, 3)]
    _later(monkeypatch)
    reads = _reads(monkeypatch)
    first = load_comments(ws, SLUG)
    assert len(first) == 3 and len(reads) == 3
    reads.clear()
    # A submission read all 500 files of a round under the write lock.
    assert load_comments(ws, SLUG) == first and reads == []
    # Edited in place, as many bytes, its modification time set back: its change time tells.
    time.sleep(0.05)
    relative = f"amendments/{SLUG}/comments/{ids[1]}.yaml"
    path = ws.path(relative)
    before = path.stat()
    path.write_bytes(_swap(path.read_bytes(), "AAAA", "BBBB"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert "Góp ý 2 BBBB." in [c.text for c in load_comments(ws, SLUG)] and reads == [relative]
    time.sleep(0.05)
    ws.repo.git.checkout("HEAD", "--", relative)
    assert "Góp ý 2 AAAA." in [c.text for c in load_comments(ws, SLUG)]


def test_a_file_changed_just_before_it_is_looked_at_is_read_each_time(ws: Workspace,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    for n in (1, 2):
        add_comment(ws, SLUG, BODY, f"d{n}", f"Góp ý {n}.")
    reads = _reads(monkeypatch)
    load_comments(ws, SLUG)
    load_comments(ws, SLUG)
    assert len(reads) == 4  # within 2 s of its change, a file's times and size may not show a change: read again


def _new_process(ws: Workspace) -> list[Comment]:
    """The comments as a new command reads them: nothing kept in this process's memory."""
    comment_cache.forget()
    return load_comments(ws, SLUG)


ODD = ("Đề nghị “sửa” 'chữ' \"này\": # không phải chú thích 😀🇻🇳",
       unicodedata.normalize("NFD", "Điều chỉnh cụm từ “Ban Thường vụ” thành “Thường trực”."),
       "Dòng một.\nDòng hai: - gạch\n\n  thụt vào ạ " + "dài " * 4900 + "hết.",
       "NFC và NFD: " + unicodedata.normalize("NFC", "ệ") + unicodedata.normalize("NFD", "ệ"))


def test_a_later_command_takes_the_readings_the_last_one_kept(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    # r29 sweep AM D3: `check` read and parsed every comment file of the workspace on every run (12,612 files, 3 ms
    # each). The readings are kept in the workspace's cache with the digest of each file's bytes.
    ids = [add_comment(ws, SLUG, BODY, f"d{n}", text).id for n, text in enumerate(ODD, 1)]
    # `comment add` writes NFC; a file edited by hand may hold NFD.
    nfd = ws.path(f"amendments/{SLUG}/comments/{ids[1]}.yaml")
    nfc = unicodedata.normalize("NFC", ODD[1])
    nfd.write_bytes(nfd.read_bytes().replace(nfc.encode(), ODD[1].encode()))
    fresh = _new_process(ws)
    assert {c.text for c in fresh} >= {ODD[0], ODD[2]} and len(fresh) == 4
    parsed = _parsed(monkeypatch)
    again = _new_process(ws)  # as a new process: nothing in memory
    assert parsed == []
    assert again == fresh and [c.text for c in again] == [c.text for c in fresh]
    # A file changed in place, with as many bytes and its old times: that file alone is parsed again.
    path = ws.path(f"amendments/{SLUG}/comments/{ids[0]}.yaml")
    before = path.stat()
    path.write_bytes(_swap(path.read_bytes(), "không phải", "KHÔNG phải"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    changed = _new_process(ws)
    assert parsed == [f"amendments/{SLUG}/comments/{ids[0]}.yaml"]
    assert [c.text for c in changed if c.id == ids[0]] == [ODD[0].replace("không phải", "KHÔNG phải")]
    # A file removed (the removal committed: one only deleted is named, `deleted_comments`) is not listed again, and
    # nothing else is parsed.
    ws.commit({f"amendments/{SLUG}/comments/{ids[1]}.yaml": None}, "Withdraw a comment", allow_dirty=True)
    assert sorted(c.id for c in _new_process(ws)) == sorted(ids[:1] + ids[2:])
    assert len(parsed) == 1
    assert _new_process(ws) == [c for c in changed if c.id != ids[1]] and len(parsed) == 1


def test_a_shelf_holding_another_reading_for_the_bytes_is_not_believed(ws: Workspace,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # What the shelf holds is used only under the digest of the bytes read now: an entry for other bytes is read anew.
    from regdraft.workspace.amendments import _read_comment
    from regdraft.workspace.parse_cache import keep_under, kept_under

    comment = add_comment(ws, SLUG, BODY, "d1", "Đúng như tệp.")
    _new_process(ws)
    shelf = comment_cache.Shelf(ws, SLUG, _read_comment)
    names = shelf._names
    kept = kept_under(ws, "comments", names)
    assert isinstance(kept, dict) and len(kept) == 1
    path, (digest, (found, problems)) = next(iter(kept.items()))
    forged = dataclasses.replace(found, text="Không như tệp.")
    keep_under(ws, "comments", names, {path: (bytes(32), (forged, problems))})
    assert [c.text for c in _new_process(ws)] == ["Đúng như tệp."]
    assert comment.id == found.id


def test_a_process_knowing_nearly_every_file_parses_the_new_one_without_the_shelf() -> None:
    # The review server after a member's comment: one file of 2,600 is new; reading and writing the shelf of 2,600
    # readings (0.08 s) would cost more than parsing it.
    assert not comment_cache.Shelf.worth(1, 2600) and not comment_cache.Shelf.worth(0, 4)
    assert comment_cache.Shelf.worth(2600, 2600) and comment_cache.Shelf.worth(1, 4)

"""A git repository nested in a received workspace runs nothing (docs/security.md, "Nothing in a workspace runs
code"): a submodule's own `.git/config` (or `.git/modules/NAME/config`, absorbed) named a filter, and `git status`
over the folder holding it ran it on `sync` and on every redline page of the review server.

Each workspace is built by a sender, then copied as a receiver gets it (a copy of the folder, `.git` included: the
stat data in the index no longer matches, so git hashes the files again, through the filter).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from regdraft.core.errors import StoreError
from regdraft.workspace import git_nested
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

NESTED = "amendments/notes"


def git(where: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=U", "-c", "user.email=u@x", *args], cwd=where, check=True,
                          capture_output=True, text=True).stdout


def received(tmp_path: Path, invoke: Invoke, absorbed: bool = False) -> tuple[Path, Path]:
    """A shared workspace whose sender committed a repository nested at amendments/notes (a submodule) whose own
    settings name a filter, as copied to a receiver; and the file that filter would make."""
    marker = tmp_path / "PWNED"
    remote = tmp_path / "office.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    sender = tmp_path / "sender"
    assert invoke(None, "init", "--example", str(sender), "--remote", str(remote)).exit_code == 0
    nested = sender / NESTED
    nested.mkdir()
    git(nested, "init", "-q")
    (nested / ".gitattributes").write_text("* filter=x\n", encoding="utf-8")
    (nested / "a.txt").write_text("hi\n", encoding="utf-8")
    git(nested, "add", ".")
    git(nested, "commit", "-q", "-m", "notes")
    git(nested, "config", "filter.x.clean", f"sh -c 'touch {marker}; cat'")
    git(sender, "add", NESTED)
    if absorbed:  # its settings move to .git/modules/notes/config, `ignore = none` undoes diff.ignoreSubmodules
        (sender / ".gitmodules").write_text(f'[submodule "notes"]\n\tpath = {NESTED}\n\turl = ./notes\n'
                                            "\tignore = none\n", encoding="utf-8")
        git(sender, "add", ".gitmodules")
        git(sender, "submodule", "absorbgitdirs")
        assert (sender / ".git/modules/notes/config").is_file()
    git(sender, "commit", "-q", "-m", "Notes")
    git(sender, "push", "-q", "origin", "HEAD:main")
    receiver = tmp_path / "receiver"
    shutil.copytree(sender, receiver, symlinks=True)
    marker.unlink(missing_ok=True)  # the sender's own git ran it
    return receiver, marker


def test_sync_refuses_a_nested_repository_and_runs_nothing(tmp_path: Path, invoke: Invoke) -> None:
    ws, marker = received(tmp_path, invoke)
    result = invoke(ws, "sync")
    assert result.exit_code == 1, result.output
    assert f"{NESTED} is another git repository nested in this workspace" in result.output
    assert f"`rm -rf {NESTED}/.git`" in result.output and f"`git rm -q --cached -f {NESTED}`" in result.output
    assert not marker.exists()
    # What the message says to do, done: the workspace works again, and still nothing ran.
    shutil.rmtree(ws / NESTED / ".git")
    git(ws, "rm", "-q", "--cached", "-f", NESTED)
    git(ws, "commit", "-q", "-m", "No submodule")
    assert invoke(ws, "sync").exit_code == 0
    assert not marker.exists()


def test_an_absorbed_submodule_in_the_git_folder_is_refused(tmp_path: Path, invoke: Invoke) -> None:
    ws, marker = received(tmp_path, invoke, absorbed=True)
    for args in (("sync",), ("check",), ("list",)):
        result = invoke(ws, *args)
        assert result.exit_code == 1, result.output
        assert f"{ws / '.git/modules/notes'} is another git repository kept inside this workspace's" in result.output
    assert not marker.exists()
    shutil.rmtree(ws / ".git/modules")
    result = invoke(ws, "sync")  # its gitlink is refused next, by its path
    assert result.exit_code == 1 and f"{NESTED} is another git repository nested" in result.output
    assert not marker.exists()


@pytest.mark.parametrize("absorbed", [False, True])
def test_git_stays_out_of_a_nested_repository_even_unrefused(tmp_path: Path, invoke: Invoke,
                                                            monkeypatch: pytest.MonkeyPatch, absorbed: bool) -> None:
    """The second defence on its own: every status regdraft runs keeps out of a submodule, whatever `.gitmodules`
    says (`ignore = none`)."""
    root, marker = received(tmp_path, invoke, absorbed=absorbed)
    monkeypatch.setattr(git_nested, "refuse_nested", lambda root: None)
    ws = Workspace(root)
    assert ws.changed() == []
    assert ws.uncommitted() == []
    assert ws.dirty(["regulations", "amendments"]) == []  # the review server's, on every page
    assert ws.dirty([f"amendments/x{n}.md" for n in range(201)]) == []  # many paths: the whole tree's status
    assert not marker.exists()
    result = invoke(root, "sync")
    assert result.exit_code == 0, result.output
    assert not marker.exists()


def _gitlink_index(root: Path, mode: int, version: int) -> None:
    """Record a submodule at amendments/notes in the index of the repository at `root`, with `mode` (git writes
    160000; an index written by another program may hold 160644, which git reads as a submodule too)."""
    import hashlib

    nested = root / NESTED
    nested.mkdir()
    git(nested, "init", "-q")
    git(nested, "commit", "-q", "--allow-empty", "-m", "notes")
    git(root, "update-index", "--add", "--cacheinfo", f"160000,{git(nested, 'rev-parse', 'HEAD').strip()},{NESTED}")
    git(root, "update-index", "--index-version", str(version))
    index = root / ".git" / "index"
    data = index.read_bytes()[:-20]
    assert data.count(b"\0\0\xe0\0") == 1
    data = data.replace(b"\0\0\xe0\0", mode.to_bytes(4, "big"))
    index.write_bytes(data + hashlib.sha1(data).digest())
    assert git(root, "ls-files", "--stage", NESTED).startswith(f"{mode:o} ")  # git reads it as written


@pytest.mark.parametrize("version", [2, 4])
@pytest.mark.parametrize("mode", [0o160000, 0o160644, 0o160755])
def test_a_gitlink_of_any_mode_git_takes_for_one_is_refused(mini_workspace: Workspace, invoke: Invoke, mode: int,
                                                           version: int) -> None:
    # r37 sweep BP F5: git takes every mode whose kind bits read 160000 for a submodule (`git submodule status`
    # names it); the index was searched for the bytes of 160000 alone, and the listing for lines starting so.
    _gitlink_index(mini_workspace.root, mode, version)
    assert not git_nested._records_no_gitlink(mini_workspace.root)
    with pytest.raises(StoreError, match=f"{NESTED} is another git repository nested in this workspace"):
        git_nested.refuse_nested(mini_workspace.root)
    result = invoke(mini_workspace, "amend", "new", "x", "--regulation", "MINI-QC")
    assert result.exit_code == 1 and f"{NESTED} is another git repository nested" in result.output, result.output
    assert not (mini_workspace.root / "amendments" / "x").exists()


@pytest.mark.parametrize("object_format", ["sha1", "sha256"])
@pytest.mark.parametrize("version", [2, 3, 4])
def test_an_index_without_a_gitlink_is_read_without_asking_git(tmp_path: Path, object_format: str,
                                                               version: int) -> None:
    # Each entry's mode is read from the index (every version, either hash; version 3 for an entry added with
    # intent to add), so git is not started to list it; a split index is listed by git.
    root = tmp_path / "repo"
    git(tmp_path, "init", "-q", f"--object-format={object_format}", str(root))
    for n in range(40):
        (root / f"d{n % 3}").mkdir(exist_ok=True)
        (root / f"d{n % 3}" / f"a-longer-file-name-{n}.md").write_text(f"{n}\n", encoding="utf-8")
    (root / "run.sh").write_text("#!/bin/sh\n", encoding="utf-8")
    (root / "run.sh").chmod(0o755)
    (root / "shortcut").symlink_to("run.sh")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "files")
    (root / "new.md").write_text("new\n", encoding="utf-8")
    git(root, "add", "-N", "new.md")
    git(root, "update-index", "--index-version", str(version))
    assert git_nested._records_no_gitlink(root)
    git(root, "update-index", "--split-index")
    assert not git_nested._records_no_gitlink(root)


def _crafted(root: Path) -> None:
    """Rewrite the index of the repository at `root` (version 2, SHA-1) as r38 sweep BS F1 did: git's own reading
    holds the gitlink, with 4 bytes left over before the checksum (which git ignores) and an extension `ZZZZ` (which
    it skips); read with object ids of 32 bytes instead, its first entry's name length (from name bytes 10 and 11)
    swallows every real entry and lands on fake entries of mode 100644 inside `ZZZZ`, filling the index exactly."""
    import hashlib
    import struct

    data = (root / ".git" / "index").read_bytes()
    count = int.from_bytes(data[8:12], "big")
    entries, at = [], 12
    for _ in range(count):
        size = (62 + (int.from_bytes(data[at + 60:at + 62], "big") & 0xFFF) + 8) & ~7
        entries.append(data[at:at + size])
        at += size
    assert int.from_bytes(data[84:86], "big") & 0xFFF == sum(map(len, entries)) - 74  # the first name's bytes 10-11
    fake = bytearray(88)
    struct.pack_into(">I", fake, 24, 0o100644)
    struct.pack_into(">H", fake, 72, 6)
    fake[74:80] = b"x.md\0\0"
    payload = bytes(fake) * (count - 1) + b"\0" * 8
    body = data[:12] + b"".join(entries) + b"ZZZZ" + struct.pack(">I", len(payload)) + payload + b"\0" * 4
    (root / ".git" / "index").write_bytes(body + hashlib.sha1(body).digest())


def test_an_index_read_as_git_reads_it_hides_no_gitlink(tmp_path: Path) -> None:
    # r38 sweep BS F1: the index was read with object ids of both sizes and a reading trusted when it filled the
    # file exactly; the SHA-256 reading of this one does, with no gitlink, while git's own (SHA-1, 4 bytes left
    # over) lists the submodule: `refuse_nested` passed and `check` said "No problems found".
    root = tmp_path / "repo"
    git(tmp_path, "init", "-q", str(root))
    (root / "notes").mkdir()
    (root / "notes" / "file0P.txt").write_text("hi\n", encoding="utf-8")
    nested = root / "sub"
    nested.mkdir()
    git(nested, "init", "-q")
    git(nested, "commit", "-q", "--allow-empty", "-m", "s")
    git(root, "add", "notes", "sub")
    # The first entry's name (12 bytes, an entry of 80) holds at its bytes 10 and 11 the length the SHA-256 reading
    # needs: the entries' size less 74. Files of 72 bytes' entries are added until those bytes make a plain name.
    fillers = 0
    while not (chr((158 + 72 * fillers) & 0xFF).isascii() and chr((158 + 72 * fillers) & 0xFF).isalnum()):
        fillers += 1
    length = 158 + 72 * fillers
    for name in [f"f{n}" for n in range(fillers)] + ["!aaaaaaaaa" + chr(0x30 | length >> 8) + chr(length & 0xFF)]:
        (root / name).write_text("x\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "files")
    _crafted(root)
    assert git(root, "ls-files", "--stage", "sub").startswith("160000 ")  # git still sees the submodule
    assert not git_nested._records_no_gitlink(root)
    with pytest.raises(StoreError, match="sub is another git repository nested in this workspace"):
        git_nested.refuse_nested(root)


def test_an_index_git_would_read_otherwise_is_listed_by_git(tmp_path: Path) -> None:
    # Read here only as git writes it: anything git could read in another way than this reading is left to git.
    import hashlib

    root = tmp_path / "repo"
    git(tmp_path, "init", "-q", str(root))
    for name in ("a.md", "b.md"):
        (root / name).write_text(f"{name}\n", encoding="utf-8")
    git(root, "add", "-A")
    index = root / ".git" / "index"
    plain = index.read_bytes()
    assert git_nested._records_no_gitlink(root)

    def written(body: bytes) -> None:
        index.write_bytes(body + hashlib.sha1(body).digest())

    written(plain[:-20] + b"\0" * 4)  # bytes left over before the checksum, which git ignores
    assert git(root, "ls-files") == "a.md\nb.md\n" and not git_nested._records_no_gitlink(root)
    flagged = bytearray(plain[:-20])  # the extended flag in version 2: git reads two bytes more before the name
    flagged[12 + 60] |= 0x40
    written(bytes(flagged))
    assert not git_nested._records_no_gitlink(root)
    named = plain[:-20].replace(b"b.md", b"../b")  # a name no tree holds
    written(named)
    assert not git_nested._records_no_gitlink(root)
    written(plain[:-20])
    assert git_nested._records_no_gitlink(root)
    # Read with threads, git finds the extensions and blocks of entries where the last extension says.
    git(root, "-c", "index.threads=true", "update-index", "--force-write-index")
    assert index.read_bytes()[-52:-48] == b"EOIE" and not git_nested._records_no_gitlink(root)


@pytest.mark.parametrize(("config", "size"), [
    (b"[core]\n\trepositoryformatversion = 0\n\tbare = false\n", 20),
    (b"[core]\n\trepositoryformatversion = 1\n[extensions]\n\tobjectformat = sha256\n", 32),
    (b"[Extensions]\r\n\tobjectFormat=sha256\r\n", 32),
    (b"[extensions]\n\tobjectformat = sha1\n[user]\n\tname = A\n", 20),
    # Not as git writes it: git is asked.
    (b"[core]\n\tobjectformat = sha256\n", None),
    (b"[core]\n\tnote = a\\\n[extensions]\n\tobjectformat = sha256\n", None),  # a value continued over the header
    (b"[extensions] objectformat = sha256\n", None),
    (b"[extensions]\n\tobjectformat = sha256 ; the new one\n", None),
    (b"[extensions]\n\tobjectformat = sha1\n\tobjectFormat = sha256\n", None),
    (b"[extensions]\n\tobjectformat = SHA256\n", None),
])
def test_the_object_id_size_is_read_from_the_setting_as_git_writes_it(config: bytes, size: int | None) -> None:
    from regdraft.workspace.git_settings import configured_size

    assert configured_size(config) == size

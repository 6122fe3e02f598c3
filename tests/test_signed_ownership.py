"""A cache folder, key or entry that is not this user's is treated as a bad signature (r29 sweep AJ, D1).

The signing key's secret was its random bytes bound to the key file's device, inode and owner, and the key was taken
from whoever's file it was: another local user who could write the cache folder (an `XDG_CACHE_HOME` on a shared
path, a group-writable `~/.cache`, a workspace shared with `core.sharedRepository=group`) put in a key of their own,
signed compiled code with it, and it ran as the victim on every command (the data classes' methods kept by
`regdraft.cli.kept_code`, even for `--help`; the compiled templates of `.git/regdraft-cache`). Now the folder must be
this user's, closed to everyone else and no symbolic link; the key this user's and closed to everyone else; each
entry this user's; all checked on the opened descriptors at every load.

Another user is simulated: by a process whose `os.geteuid()` says another uid (everything then belongs to someone
else), by `os.fstat` saying another owner for one file, or by a folder and key opened to others, as the attacker
leaves them.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import marshal
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from regdraft.cli import kept_code
from regdraft.render import signed
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT

# The command line in its own process, as another user when its first argument is a uid (-1: this user).
RUN = ("import os, sys\n"
       "uid = int(sys.argv.pop(1))\n"
       "if uid >= 0:\n"
       "    os.geteuid = lambda: uid\n"
       "from regdraft.cli import main\n"
       "sys.argv[0] = 'regdraft'\n"
       "main()\n")

CASES = ["ours", "folder-open", "folder-group", "folder-link", "key-open", "another-user"]


def _sign_as_attacker(folder: Path, name: str, payload: bytes) -> None:
    """Write entry `name` signed as the sweep's proof of concept signs it: with the key read from the folder and the
    public identity of the key file."""
    key = folder / signed.KEY_FILE
    info = key.stat()
    secret = hashlib.sha256(key.read_bytes() + f":{info.st_dev}:{info.st_ino}:{info.st_uid}".encode()).digest()
    mac = hmac.new(secret, name.encode() + b"\0", hashlib.sha256)
    mac.update(payload)
    (folder / name).write_bytes(signed.MAGIC + mac.digest() + payload)


def _payload(marker: Path) -> str:
    return f"open({str(marker)!r}, 'a').write('ran\\n')\n"


def _as_case(folder: Path, case: str) -> int:
    """Leave the folder as an attacker would (`case`); the uid the victim's process runs as (-1: its own)."""
    if case == "folder-open":
        folder.chmod(0o777)
    elif case == "folder-group":
        folder.chmod(0o770)
    elif case == "folder-link":
        real = folder.with_name(folder.name + "-real")
        folder.rename(real)
        folder.symlink_to(real.name)
    elif case == "key-open":
        (folder / signed.KEY_FILE).chmod(0o644)
    elif case == "another-user":
        return os.geteuid() + 1
    return -1


def _run(args: list[str], uid: int, cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run([sys.executable, "-P", "-c", RUN, str(uid), *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=300)


@pytest.mark.parametrize("case", CASES)
def test_kept_data_class_code_runs_only_from_the_users_own_cache(tmp_path: Path, case: str) -> None:
    cache = tmp_path / "xdg"
    first = _run(["--help"], -1, tmp_path, cache)
    assert first.returncode == 0, first.stderr
    folder = cache / "regdraft"
    name = kept_code.entry_name("")
    genuine = signed.load(folder, name)
    assert genuine is not None
    sources = marshal.loads(genuine)
    assert len(sources) > 50
    marker = tmp_path / "PWNED"
    forged = {source: marshal.dumps(compile(_payload(marker) + source, "<string>", "exec", dont_inherit=True))
              for source in sources}
    _sign_as_attacker(folder, name, marshal.dumps(forged))
    uid = _as_case(folder, case)
    again = _run(["--help"], uid, tmp_path, cache)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")
    if case == "ours":  # the entry is well forged: signed with this user's own key, it is taken
        assert marker.read_text().count("ran") == len(sources)
    else:
        assert not marker.exists(), "code from a cache not this user's ran"


def _forge_templates(folder: Path, marker: Path) -> int:
    """Put the payload in front of every compiled template of the folder, signed with its key; the entries of
    anything else are removed, so the next run compiles its templates (or loads them)."""
    import jinja2.bccache as bc

    forged = 0
    for entry in sorted(folder.iterdir()):
        if entry.name == signed.KEY_FILE:
            continue
        if not entry.name.startswith("template-"):
            entry.unlink()
            continue
        payload = signed.load(folder, entry.name)
        assert payload is not None
        stream = io.BytesIO(payload)
        assert stream.read(len(bc.bc_magic)) == bc.bc_magic
        checksum = pickle.load(stream)
        original = stream.read()
        code = compile(f"{_payload(marker)}import marshal as _m\nexec(_m.loads({original!r}), globals())\n",
                       "<template>", "exec")
        _sign_as_attacker(folder, entry.name, bc.bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(code))
        forged += 1
    return forged


# A link in place of `.git/regdraft-cache` is refused before any cache is read, by the check of links in the git
# folder (`Delete the link ...`); the unit test below covers it for the cache alone.
@pytest.mark.slow  # two cold redlines a case: about 5 s
@pytest.mark.parametrize("case", [case for case in CASES if case != "folder-link"])
def test_compiled_templates_run_only_from_the_workspaces_cache_of_this_user(tmp_workspace: Workspace,
                                                                           tmp_path: Path, case: str) -> None:
    root, cache = tmp_workspace.root, tmp_path / "xdg"
    args = ["redline", "01-QC/TU", "--format", "html", "-o", str(tmp_path / "first.html")]
    first = _run(args, -1, root, cache)
    assert first.returncode == 0, first.stderr
    folder = root / ".git" / signed.CACHE_FOLDER
    marker = tmp_path / "PWNED"
    assert _forge_templates(folder, marker) > 0
    uid = _as_case(folder, case)
    again = _run([*args[:-1], str(tmp_path / "again.html")], uid, root, cache)
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert (tmp_path / "again.html").read_bytes() == (tmp_path / "first.html").read_bytes()
    if case == "ours":
        assert marker.exists()
    else:
        assert not marker.exists(), "template code from a cache not this user's ran"


def _another_owner(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """`os.fstat` says `path` is another user's (as a file an attacker planted would be)."""
    inode, real = path.stat().st_ino, os.fstat

    def fstat(fd: int) -> os.stat_result:
        info = real(fd)
        if info.st_ino != inode:
            return info
        fields = list(info[:10])
        fields[4] = info.st_uid + 1
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", fstat)


FOLDERS: dict[str, Callable[[Path], Path]] = {
    "workspace": lambda tmp: tmp / "ws" / ".git" / signed.CACHE_FOLDER,
    "user": lambda tmp: tmp / "xdg" / "regdraft",
}
REFUSED = ["folder-open", "folder-group", "folder-others-read", "folder-link", "key-open", "key-group-read",
           "key-another-user", "entry-another-user", "another-user"]


@pytest.mark.parametrize("where", sorted(FOLDERS))
@pytest.mark.parametrize("case", REFUSED)
def test_a_folder_key_or_entry_not_the_users_is_ignored_and_nothing_is_written_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, case: str) -> None:
    folder = FOLDERS[where](tmp_path)
    signed.store(folder, "entry", b"payload")
    assert signed.load(folder, "entry") == b"payload"
    assert (folder.stat().st_mode & 0o777, (folder / signed.KEY_FILE).stat().st_mode & 0o777) == (0o700, 0o600)
    key = folder / signed.KEY_FILE
    if case == "folder-others-read":
        folder.chmod(0o705)
    elif case == "key-group-read":
        key.chmod(0o640)
    elif case == "key-another-user":
        _another_owner(monkeypatch, key)
    elif case == "entry-another-user":
        _another_owner(monkeypatch, folder / "entry")
    elif case == "another-user":
        uid = os.geteuid() + 1
        monkeypatch.setattr(os, "geteuid", lambda: uid)
    else:
        _as_case(folder, case)
    real = folder.resolve()
    before = {p.name: (p.read_bytes(), p.stat().st_mode) for p in real.iterdir()}
    assert signed.load(folder, "entry") is None
    assert signed.open_entry(folder, "entry") is None
    assert signed.kept_value(folder, "value", lambda: [1, 2]) == [1, 2]
    signed.store(folder, "entry", b"other")
    signed.store(folder, "new", b"new")
    after = {p.name: (p.read_bytes(), p.stat().st_mode) for p in real.iterdir()}
    if case.startswith("key"):  # the folder is ours: a key that is no key is replaced, and what it signed fails
        assert after[signed.KEY_FILE] != before[signed.KEY_FILE] and after[signed.KEY_FILE][1] & 0o777 == 0o600
    if case.startswith(("key", "entry")):  # written again, as over a bad signature
        monkeypatch.undo()
        assert (signed.load(folder, "entry"), signed.load(folder, "new")) == (b"other", b"new")
    else:
        assert after == before  # nothing written into a folder refused

def test_a_cache_folder_left_open_by_another_user_before_ours_was_made_is_never_used(tmp_path: Path) -> None:
    """`store` does not take over a folder it finds in place: an existing folder open to others stays unused."""
    folder = tmp_path / "shared" / "regdraft"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    signed.store(folder, "entry", b"payload")
    assert list(folder.iterdir()) == [] and signed.load(folder, "entry") is None
    shutil.rmtree(folder)
    signed.store(folder, "entry", b"payload")  # made by us: 0700, used
    assert signed.load(folder, "entry") == b"payload" and folder.stat().st_mode & 0o777 == 0o700

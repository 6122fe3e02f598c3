"""A workspace received with its .git: its repository's own settings and files cannot make git run a program,
write a file outside, or work in another repository (`workspace.git_policy`, docs/security.md).

Found by a security sweep: `core.alternateRefsCommand` (with an `objects/info/alternates`) ran a command on `sync`,
`http.cookieFile` with `http.saveCookies` overwrote a file outside the workspace on `sync`, and a `commondir` file in
a real `.git` folder made `amend new` commit into another repository of the user's. Then by a security tester: a link
at `.git/logs/HEAD` made `amend new` append a reflog line (with the user name, `x; touch /tmp/PWNED #`) to a file
outside, one at `.git/COMMIT_EDITMSG` had it overwritten; and a partial clone's settings made `show --at HEAD` fetch
from a URL.
"""

from __future__ import annotations

import http.server
import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def git(where: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=where, check=True, capture_output=True, text=True).stdout


def _other_repository(tmp_path: Path) -> Path:
    """A repository of the user's, outside the workspace, with one commit."""
    other = tmp_path / "other"
    other.mkdir()
    git(other, "init", "-q", "-b", "main")
    (other / "mine.txt").write_text("mine\n", encoding="utf-8")
    git(other, "add", "mine.txt")
    git(other, "-c", "user.name=U", "-c", "user.email=u@x", "commit", "-q", "-m", "Mine")
    return other


def _shared(tmp_path: Path, invoke: Invoke) -> Path:
    """A workspace with a shared remote, as an office has: `sync` fetches from it."""
    remote = tmp_path / "office.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    assert invoke(None, "init", "--example", str(tmp_path / "ws"), "--remote", str(remote)).exit_code == 0
    return tmp_path / "ws"


def test_alternate_refs_command_does_not_run_on_sync(tmp_path: Path, invoke: Invoke) -> None:
    ws = _shared(tmp_path, invoke)
    marker = tmp_path / "PWNED"
    (ws / ".git" / "alt" / "objects").mkdir(parents=True)
    (ws / ".git" / "objects" / "info" / "alternates").write_text("../alt/objects\n", encoding="utf-8")
    git(ws, "config", "core.alternateRefsCommand", f"touch {marker}; true")
    result = invoke(ws, "sync")
    assert result.exit_code == 1 and "core.alternaterefscommand" in result.output, result.output
    assert "`git config --file .git/config --unset-all core.alternaterefscommand`" in result.output
    assert not marker.exists()
    git(ws, "config", "--file", ".git/config", "--unset-all", "core.alternateRefsCommand")
    assert invoke(ws, "sync").exit_code == 0


def test_a_cookie_file_outside_is_not_written_on_sync(tmp_path: Path, invoke: Invoke) -> None:
    ws = _shared(tmp_path, invoke)
    victim = tmp_path / "home" / ".bashrc"
    victim.parent.mkdir()
    victim.write_text("the user's own\n", encoding="utf-8")
    git(ws, "config", "http.cookieFile", str(victim))
    git(ws, "config", "http.saveCookies", "true")
    result = invoke(ws, "sync")
    assert result.exit_code == 1 and "http.cookiefile, http.savecookies" in result.output, result.output
    assert victim.read_text(encoding="utf-8") == "the user's own\n"


@pytest.mark.parametrize(("key", "value"), [
    ("core.alternateRefsPrefixes", "refs/heads/"), ("core.hooksPath", "hooks-elsewhere"),
    ("core.excludesFile", "/etc/passwd"), ("core.attributesFile", "/tmp/attributes"),
    ("http.sslKey", "/tmp/key.pem"), ("http.sslCAInfo", "/tmp/ca.pem"), ("ssh.variant", "simple"),
    ("uploadpack.packObjectsHook", "touch ran"), ("credential.username", "x"), ("commit.template", "/tmp/t"),
    ("gc.recentObjectsHook", "touch ran"), ("submodule.x.update", "!touch ran"), ("core.fsmonitor", "touch ran"),
    # The drivers a committed `.gitattributes` may name are defined only in settings (r28 sweep AD): refused here,
    # as are the other programs git runs on a setting's word.
    ("filter.x.clean", "touch ran"), ("filter.x.process", "touch ran"), ("diff.x.textconv", "touch ran"),
    ("diff.x.command", "touch ran"), ("merge.x.driver", "touch ran"), ("core.sshCommand", "touch ran"),
    ("core.editor", "touch ran"), ("sequence.editor", "touch ran"), ("core.pager", "touch ran"),
    ("core.gitProxy", "touch ran"), ("credential.helper", "!touch ran"), ("include.path", "/tmp/other.config"),
    ("diff.external", "touch ran"), ("core.askPass", "touch ran"),
])
def test_a_setting_that_is_not_known_to_be_harmless_is_refused(mini_workspace: Workspace, invoke: Invoke, key: str,
                                                              value: str) -> None:
    git(mini_workspace.root, "config", key, value)
    result = invoke(mini_workspace, "list")
    assert result.exit_code == 1 and key.lower() in result.output, result.output
    assert f"git config --file .git/config --unset-all {key.lower()}" in result.output


def test_settings_git_and_users_write_there_are_kept(tmp_path: Path, invoke: Invoke) -> None:
    ws = _shared(tmp_path, invoke)
    clone = tmp_path / "clone"
    assert invoke(None, "clone", str(tmp_path / "office.git"), str(clone)).exit_code == 0  # remote.*, branch.*
    assert invoke(ws, "sync").exit_code == 0 and invoke(clone, "sync").exit_code == 0
    for key, value in (("user.name", "Lan"), ("user.email", "lan@vptu.example"), ("pull.rebase", "true"),
                       ("core.autocrlf", "input"), ("color.ui", "auto"), ("merge.conflictStyle", "diff3"),
                       ("branch.main.description", "Nhánh chính"), ("gc.auto", "0"), ("regdraft.runHooks", "true")):
        git(clone, "config", key, value)
    git(clone, "sparse-checkout", "set", "--no-cone", "/*")  # core.sparseCheckout, extensions.worktreeConfig
    git(clone, "worktree", "add", "-q", "-b", "lan", str(tmp_path / "lan"))
    for where in (clone, tmp_path / "lan"):
        result = invoke(where, "list")
        assert result.exit_code == 0, result.output
    assert invoke(clone, "sync").exit_code == 0


def test_a_commondir_in_a_git_folder_naming_another_repository_is_refused(tmp_workspace: Workspace,
                                                                          invoke: Invoke, tmp_path: Path) -> None:
    other = _other_repository(tmp_path)
    head = git(other, "rev-parse", "HEAD")
    (tmp_workspace.root / ".git" / "commondir").write_text(f"{other / '.git'}\n", encoding="utf-8")
    result = invoke(tmp_workspace, "amend", "new", "qc-x", "--regulation", "01-QC/TU")
    assert result.exit_code == 1 and "commondir" in result.output and str(other / ".git") in result.output, \
        result.output
    assert git(other, "rev-parse", "HEAD") == head and git(other, "log", "--all", "--format=%s") == "Mine\n"
    assert not (other / ".git" / "regdraft").exists()


def test_a_worktree_folder_shipped_in_the_workspace_cannot_name_another_repository(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # The `.git` file names a folder that names the workspace back, as `git worktree add` writes, but whose
    # common folder is another repository: every branch and object would be that repository's.
    other = _other_repository(tmp_path)
    head = git(other, "rev-parse", "HEAD")
    ws = tmp_workspace.root
    admin = ws / "admin"
    admin.mkdir()
    (admin / "gitdir").write_text(f"{ws / '.git'}\n", encoding="utf-8")
    (admin / "commondir").write_text(f"{other / '.git'}\n", encoding="utf-8")
    (admin / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    subprocess.run(["rm", "-rf", str(ws / ".git")], check=True)
    (ws / ".git").write_text(f"gitdir: {admin}\n", encoding="utf-8")
    result = invoke(ws, "amend", "new", "qc-x", "--regulation", "01-QC/TU")
    assert result.exit_code == 1 and "is not this workspace's own git folder" in result.output, result.output
    assert git(other, "rev-parse", "HEAD") == head


def test_objects_borrowed_from_another_repository_are_refused(tmp_workspace: Workspace, invoke: Invoke,
                                                              tmp_path: Path) -> None:
    other = _other_repository(tmp_path)
    alternates = tmp_workspace.root / ".git" / "objects" / "info" / "alternates"
    alternates.write_text(f"{other / '.git' / 'objects'}\n", encoding="utf-8")
    result = invoke(tmp_workspace, "list")
    assert result.exit_code == 1 and str(alternates) in result.output and "git repack -a -d" in result.output, \
        result.output
    alternates.write_text("# nothing borrowed\n", encoding="utf-8")
    assert invoke(tmp_workspace, "list").exit_code == 0


@pytest.mark.parametrize("entry", ["logs/HEAD", "COMMIT_EDITMSG", "logs/refs/heads/main", "regdraft"])
def test_a_link_in_the_git_folder_is_refused_before_git_writes_through_it(tmp_workspace: Workspace, invoke: Invoke,
                                                                          tmp_path: Path, entry: str) -> None:
    ws = tmp_workspace.root
    git(ws, "config", "user.name", "x; touch /tmp/PWNED #")
    victim = tmp_path / "home" / ".bashrc"
    victim.parent.mkdir()
    victim.write_text("the user's own\n", encoding="utf-8")
    link = ws / ".git" / entry
    subprocess.run(["rm", "-rf", str(link)], check=True)
    link.symlink_to(victim.parent if entry == "regdraft" else victim)
    result = invoke(ws, "amend", "new", "evil2", "--regulation", "01-QC/TU")
    assert result.exit_code == 1, result.output
    assert f"{link} sends git to {victim.parent if entry == 'regdraft' else victim}, which is not this workspace's " \
           "own git folder" in result.output and f"`rm {link}`" in result.output, result.output
    assert victim.read_text(encoding="utf-8") == "the user's own\n" and os.listdir(victim.parent) == [".bashrc"]
    link.unlink()
    assert invoke(ws, "amend", "new", "evil2", "--regulation", "01-QC/TU").exit_code == 0


def test_a_link_to_another_file_of_the_git_folder_is_refused(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # git would write the commit message over the repository's own settings
    config = tmp_workspace.root / ".git" / "config"
    before = config.read_bytes()
    message = tmp_workspace.root / ".git" / "COMMIT_EDITMSG"
    message.unlink()
    message.symlink_to("config")
    result = invoke(tmp_workspace, "amend", "new", "qc-x", "--regulation", "01-QC/TU")
    assert result.exit_code == 1 and f"sends git to {config}, another file of this git folder" in result.output, \
        result.output
    assert config.read_bytes() == before


def test_a_reflog_that_is_also_a_file_elsewhere_is_refused(tmp_workspace: Workspace, invoke: Invoke,
                                                           tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("the user's own\n", encoding="utf-8")
    reflog = tmp_workspace.root / ".git" / "logs" / "HEAD"
    reflog.unlink()
    os.link(victim, reflog)
    result = invoke(tmp_workspace, "amend", "new", "qc-x", "--regulation", "01-QC/TU")
    assert result.exit_code == 1 and f"{reflog} is also a file elsewhere (a hard link)" in result.output, \
        result.output
    assert victim.read_text(encoding="utf-8") == "the user's own\n"
    subprocess.run(f"cp -p {reflog} {reflog}.copy && mv {reflog}.copy {reflog}", shell=True, check=True)
    assert invoke(tmp_workspace, "amend", "new", "qc-x", "--regulation", "01-QC/TU").exit_code == 0


def _run_within(ws: Path, seconds: float, *args: str) -> subprocess.CompletedProcess[str]:
    """regdraft run in its own process (and process group); fails the test when it has not ended within `seconds`
    (git, or regdraft, waiting forever on a named pipe), leaving no process behind."""
    import signal
    import sys

    command = [sys.executable, "-c", "from regdraft.cli import main; main()", *args]
    with subprocess.Popen(command, cwd=ws, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True) as running:
        try:
            out, err = running.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(running.pid, signal.SIGKILL)
            running.communicate()
            pytest.fail(f"regdraft {' '.join(args)} was still waiting after {seconds} s")
    return subprocess.CompletedProcess(command, running.returncode, out, err)


@pytest.mark.parametrize("entry", ["COMMIT_EDITMSG", "logs/HEAD", "FETCH_HEAD", "objects/info/alternates"])
def test_a_named_pipe_in_the_git_folder_is_refused_before_anything_waits_on_it(tmp_workspace: Workspace,
                                                                              entry: str) -> None:
    """A named pipe where git writes in place (or where regdraft reads) made `amend new` wait forever."""
    fifo = tmp_workspace.root / ".git" / entry
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    try:
        result = _run_within(tmp_workspace.root, 30, "amend", "new", "qc-x", "--regulation", "01-QC/TU")
    finally:
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # lets go of a git left waiting to write there
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{fifo} is a named pipe (FIFO), not a file" in result.stderr and f"(`rm {fifo}`)" in result.stderr, \
        result.stderr
    assert "Traceback" not in result.stderr
    fifo.unlink()
    assert _run_within(tmp_workspace.root, 60, "amend", "new", "qc-x", "--regulation", "01-QC/TU").returncode == 0


def test_a_socket_in_the_git_folder_is_refused_but_git_s_own_monitor(tmp_workspace: Workspace, invoke: Invoke,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    git_dir = tmp_workspace.root / ".git"
    monkeypatch.chdir(git_dir)  # a socket's path is bound to 107 bytes: named from its folder
    with socket.socket(socket.AF_UNIX) as monitor, socket.socket(socket.AF_UNIX) as other:
        monitor.bind("fsmonitor--daemon.ipc")  # `git fsmonitor--daemon`'s, under a user's core.fsmonitor
        assert invoke(tmp_workspace, "list").exit_code == 0
        other.bind("MERGE_MSG")
        result = invoke(tmp_workspace, "list")
    assert result.exit_code == 1 and f"{git_dir / 'MERGE_MSG'} is a socket, not a file" in result.output, \
        result.output


@pytest.fixture
def remote_server() -> Iterator[tuple[str, list[str]]]:
    """A listener on 127.0.0.1 that records every request and has no repository (404, as the tester's): git gives up
    at once instead of waiting on a server that answers anything."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            requests.append(self.path)
            self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def _drop_blob(ws: Path, relative: str) -> None:
    """Delete the object of `relative` at HEAD, as a partial clone lacks it."""
    blob = git(ws, "rev-parse", f"HEAD:{relative}").strip()
    (ws / ".git" / "objects" / blob[:2] / blob[2:]).unlink()


def test_a_partial_clone_is_refused_and_fetches_nothing(tmp_workspace: Workspace, invoke: Invoke,
                                                        remote_server: tuple[str, list[str]]) -> None:
    url, requests = remote_server
    ws = tmp_workspace.root
    git(ws, "config", "extensions.partialClone", "origin")
    git(ws, "config", "remote.origin.url", f"{url}/repo.git")
    git(ws, "config", "remote.origin.promisor", "true")
    _drop_blob(ws, "regulations/01-QC-TU.md")
    result = invoke(ws, "show", "01-QC/TU", "d5.k2", "--at", "HEAD")
    assert result.exit_code == 1 and "is set up as a partial clone (extensions.partialclone, remote.origin.promisor" \
        in result.output and "regdraft clone URL" in result.output, result.output
    assert requests == []


def test_a_missing_object_is_told_in_a_sentence_and_not_fetched(tmp_workspace: Workspace, invoke: Invoke,
                                                               remote_server: tuple[str, list[str]],
                                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The user's own settings are trusted, but even they make regdraft fetch nothing outside `sync`.
    url, requests = remote_server
    ws = tmp_workspace.root
    own = tmp_path / "gitconfig"
    own.write_text('[remote "origin"]\n\tpromisor = true\n', encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(own))
    git(ws, "config", "remote.origin.url", f"{url}/repo.git")
    _drop_blob(ws, "regulations/01-QC-TU.md")
    result = invoke(ws, "show", "01-QC/TU", "d5.k2", "--at", "HEAD")
    assert result.exit_code == 1 and "regulations/01-QC-TU.md cannot be read at revision HEAD" in result.output, \
        result.output
    assert "git fsck" in result.output and "Traceback" not in result.output
    assert requests == []


def test_a_lock_let_go_while_the_git_folder_is_read_is_no_error(tmp_workspace: Workspace,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty comments written at once: a `HEAD.lock` another writer took was in the folder's listing and gone when
    the hard-link check looked at it, and one writer failed with "cannot access …/HEAD.lock: No such file or
    directory" (the newcomer run, once)."""
    from regdraft.workspace import git_policy

    common = tmp_workspace.root / ".git"
    lock = common / "HEAD.lock"
    real = os.scandir

    class Listing:
        def __init__(self, folder: str) -> None:
            self.folder = folder

        def __enter__(self) -> list[os.DirEntry[str]]:
            with real(self.folder) as listing:
                entries = list(listing)
            if self.folder.rstrip(os.sep) == str(common):
                lock.unlink()  # let go right after the listing
            return entries

        def __exit__(self, *exc: object) -> None:
            return None

    lock.write_text("", encoding="utf-8")
    with monkeypatch.context() as patched:  # undone before teardown, whose folder removal lists by descriptor
        patched.setattr(os, "scandir", Listing)
        git_policy.refuse_links(common)
    assert not lock.exists()

"""The workspace format marker (r39 sweep CA F1): `init` records the format its files are written in, and a regdraft
finding a newer format refuses to write (reading stays allowed) instead of dropping what it does not know."""

from __future__ import annotations

import subprocess

from regdraft import WORKSPACE_FORMAT
from regdraft.workspace.format_marker import MARKER, recorded_format
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def _git(ws: Workspace, *args: str) -> str:
    identity = ("-c", "user.name=Test", "-c", "user.email=test@example.org")
    return subprocess.run(["git", *identity, *args], cwd=ws.root, check=True, capture_output=True, text=True).stdout


def test_init_records_the_format_it_writes(mini_workspace: Workspace) -> None:
    recorded = mini_workspace.read(MARKER, "HEAD").decode()
    assert recorded_format(recorded) == WORKSPACE_FORMAT
    assert "written_by: regdraft " in recorded
    # not in regdraft.yaml: the regdraft of early December 2026 reads an unknown key there as a problem
    assert "format" not in mini_workspace.read("regdraft.yaml").decode()


def test_a_newer_format_refuses_writes_and_allows_reads(circulating: Workspace, invoke: Invoke) -> None:
    (circulating.root / MARKER).write_text(f"format: {WORKSPACE_FORMAT + 1}\n"
                                           "written_by: regdraft 9.0.0 (commit 0123456789ab of 2027-03-01)\n")
    _git(circulating, "commit", "-qam", "A newer regdraft's files")
    before = _git(circulating, "rev-parse", "HEAD"), _git(circulating, "status", "--porcelain", "-uall")
    refused = invoke(circulating, "comment", "add", "qc-sua-doi-2025", "--by", "Ban Tổ chức Tỉnh ủy", "--text", "Ý")
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert f"format {WORKSPACE_FORMAT + 1}" in refused.output
    assert "“regdraft 9.0.0 (commit 0123456789ab of 2027-03-01)” or later" in refused.output
    assert (_git(circulating, "rev-parse", "HEAD"), _git(circulating, "status", "--porcelain", "-uall")) == before
    assert invoke(circulating, "amend", "list").exit_code == 0
    assert invoke(circulating, "comment", "list", "qc-sua-doi-2025").exit_code == 0


def test_the_same_or_an_older_format_writes(circulating: Workspace, invoke: Invoke) -> None:
    (circulating.root / MARKER).write_text("format: 1\n")
    _git(circulating, "commit", "-qam", "An older marker")
    added = invoke(circulating, "comment", "add", "qc-sua-doi-2025", "--by", "Ban Tổ chức Tỉnh ủy", "--text", "Ý")
    assert added.exit_code == 0, added.output


def test_a_marker_that_is_a_link_or_huge_is_refused_unread_and_check_names_it(circulating: Workspace,
                                                                              invoke: Invoke) -> None:
    # r40 sweep CE F1: a colleague's commit made the marker a link to /dev/zero; every write read it whole (2.7 GB,
    # then MemoryError), `check` said nothing and `sync`, a write, could not bring the fix.
    marker = circulating.root / MARKER
    for make, what in ((lambda: marker.symlink_to("/dev/zero"), "is a symbolic link"),
                       (lambda: marker.write_bytes(b"format: 1\n" + b"#" * 100_000), "holds 100,010 bytes")):
        marker.unlink()
        make()
        _git(circulating, "add", "-A", ".regdraft")
        _git(circulating, "commit", "-qm", "A colleague's marker")
        before = _git(circulating, "rev-parse", "HEAD"), _git(circulating, "status", "--porcelain", "-uall")
        refused = invoke(circulating, "comment", "add", "qc-sua-doi-2025", "--by", "Ban Tổ chức Tỉnh ủy", "--text",
                         "Ý")
        said = " ".join(refused.output.split())
        assert refused.exit_code == 1 and "Traceback" not in said, said
        assert f"{MARKER}, the workspace's format marker, {what}" in said and "git checkout REVISION" in said, said
        assert (_git(circulating, "rev-parse", "HEAD"), _git(circulating, "status", "--porcelain", "-uall")) == before
        checked = " ".join(invoke(circulating, "check").output.split())
        assert f"{MARKER}:1: {MARKER}, the workspace's format marker, {what}" in checked, checked
    assert invoke(circulating, "comment", "list", "qc-sua-doi-2025").exit_code == 0  # reading still works


def test_who_wrote_a_newer_marker_is_quoted_as_words_never_as_a_command(circulating: Workspace, invoke: Invoke) -> None:
    # r40 sweep CE F7: `written_by: `rm -rf ~` $(id)` gave "which needs `rm -rf ~` $(id) or later", a command to type.
    (circulating.root / MARKER).write_text(f"format: {WORKSPACE_FORMAT + 1}\nwritten_by: `rm -rf ~` $(id)\n")
    _git(circulating, "commit", "-qam", "A crafted marker")
    refused = invoke(circulating, "comment", "add", "qc-sua-doi-2025", "--by", "Ban Tổ chức Tỉnh ủy", "--text", "Ý")
    assert refused.exit_code == 1 and "which needs “'rm -rf ~' $(id)” or later" in refused.output, refused.output
    assert "`" not in refused.output.split("which needs")[1].split("or later")[0]

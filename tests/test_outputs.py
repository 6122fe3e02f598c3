"""`-o` never destroys the repository or silently replaces versioned text."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def _git_state(ws: Workspace) -> tuple[str, str, bytes, bytes]:
    return (ws.repo.git.status("--porcelain", "-uall"), ws.repo.git.rev_parse("HEAD"),
            (ws.root / ".git" / "HEAD").read_bytes(), (ws.root / ".git" / "config").read_bytes())


@pytest.mark.parametrize("target", [".git/HEAD", ".git/config", "regdraft.yaml", "regulations/01-QC-TU.md",
                                    "amendments/qc-sua-doi-2025/amendment.md"])
def test_redline_refuses_to_overwrite_the_repository_or_versioned_files(tmp_workspace: Workspace, invoke: Invoke,
                                                                       target: str) -> None:
    before = _git_state(tmp_workspace)
    path = tmp_workspace.root / target
    content = path.read_bytes()
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "md", "-o", str(path))
    assert result.exit_code == 1, result.output
    assert "nothing was written" in result.output and "Traceback" not in result.output
    assert path.read_bytes() == content and _git_state(tmp_workspace) == before


def test_force_writes_over_a_tracked_file_but_never_into_git(tmp_workspace: Workspace, invoke: Invoke) -> None:
    tmp_workspace.commit({"templates/notes.md": b"notes\n"}, "notes")
    target = tmp_workspace.root / "templates" / "notes.md"
    refused = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "md", "-o", str(target))
    assert refused.exit_code == 1 and "--force" in refused.output
    forced = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "md", "-o", str(target), "--force")
    assert forced.exit_code == 0, forced.output
    assert "Điều 1" in target.read_text()
    into_git = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "md", "-o",
                      str(tmp_workspace.root / ".git" / "x.md"), "--force")
    assert into_git.exit_code == 1 and not (tmp_workspace.root / ".git" / "x.md").exists()


def test_force_never_writes_over_uncommitted_edits(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # `import --force -o regulations/01-QC-TU.md` replaced a drafter's uncommitted edit, where the same import without
    # `-o` refuses (r24 sweep h-office defect 3): git's history keeps the committed text, nothing keeps the edit.
    path = tmp_workspace.root / "regulations" / "01-QC-TU.md"
    committed = path.read_bytes()
    (tmp_path / "copy.md").write_bytes(committed)
    path.write_bytes(committed + "\nSửa tay chưa ghi.\n".encode())
    edited = path.read_bytes()
    commands = (("import", str(tmp_path / "copy.md"), "--id", "01-QC/TU"), ("export", "01-QC/TU", "--format", "md"))
    for command in commands:
        result = invoke(tmp_workspace, *command, "-o", str(path), "--force")
        assert result.exit_code != 0, result.output
        assert "not committed" in result.output and "nothing was written" in result.output
        assert path.read_bytes() == edited
    path.write_bytes(committed)  # committed again: `--force` writes over it, as before
    assert invoke(tmp_workspace, "import", str(tmp_path / "copy.md"), "--id", "01-QC/TU", "-o", str(path),
                  "--force").exit_code == 0


def test_an_output_that_is_a_link_is_not_followed(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    link = tmp_path / "out.md"
    os.symlink(victim, link)
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "md", "-o", str(link))
    assert result.exit_code == 1 and "symbolic link" in result.output
    assert victim.read_text() == "keep me\n"


def test_a_default_output_folder_linked_elsewhere_is_refused(tmp_workspace: Workspace, invoke: Invoke,
                                                             tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, tmp_workspace.root / "out")
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "md")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert list(elsewhere.iterdir()) == []


def test_a_new_file_outside_any_repository_is_fine(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "md", "-o", str(tmp_path / "x" / "hop-nhat.md"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x" / "hop-nhat.md").is_file()


def test_no_command_declares_an_option_twice() -> None:
    # `-o` brings its own --force; a command declaring another one had two (click warns, one is lost).
    import click

    from regdraft.cli import cli

    def commands(group: click.Group, path: str) -> Iterator[tuple[str, click.Command]]:
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                yield from commands(command, f"{path} {name}")
            else:
                yield f"{path} {name}", command

    for name, command in commands(cli, "regdraft"):
        options = [o for p in command.params for o in getattr(p, "opts", [])]
        assert len(options) == len(set(options)), f"{name}: {sorted(o for o in options if options.count(o) > 1)}"


def test_an_export_to_a_read_only_place_says_nothing_was_written_and_where_to_write(
        tmp_workspace: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a read-only workspace `export … -o out/x.docx` said only "cannot access out: Read-only file system."
    (r30 sweep AQ 4): the folder it could not make, that nothing was written, and to give `-o` a writable place."""
    import errno

    real = Path.mkdir

    def read_only(self: Path, *args: object, **kwargs: object) -> None:
        if self.name == "out":
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", read_only)
    monkeypatch.chdir(tmp_workspace.root)
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "md", "-o", "out/x.md")
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and "Traceback" not in said, said
    assert ("cannot write out/x.md: regdraft could not make its folder out, as the disk is read-only (Read-only file "
            "system); nothing was written. Give `-o` a file in a folder you can write to." in said), said
    assert not (tmp_workspace.root / "out").exists()

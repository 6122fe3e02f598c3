"""A file regdraft reads, now or at a revision, is at most `store_files.MAX_FILE_BYTES` (16 MB, far above any real
regulation: the longest law in the corpus is under 1 MB): a larger one is refused with a sentence naming the file,
the revision and the size, before it is read (r23 s10security defect 4: `redline --from` a 68 MB version of a 380 KB
clone ended in a MemoryError traceback after 90 s at 4 GB). The cap is lowered here so that the test stays small."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.workspace import store, store_files
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

CAP = 200_000


@pytest.fixture
def capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "MAX_FILE_BYTES", CAP, raising=False)
    monkeypatch.setattr(store_files, "MAX_FILE_BYTES", CAP, raising=False)


def test_a_version_over_the_cap_is_refused_naming_it(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path,
                                                     capped: None, monkeypatch: pytest.MonkeyPatch) -> None:
    relative = "regulations/01-QC-TU.md"
    text = tmp_workspace.read(relative)
    big = text.replace(b"\n## ", b"\n" + b"Ghi ch\xc3\xba.\n\n" * 30_000 + b"\n## ", 1)
    tmp_workspace.commit({relative: big}, "Big")
    sha = tmp_workspace.resolve("HEAD").sha
    tmp_workspace.commit({relative: text}, "Small again")
    read: list[int] = []
    stream = store.Workspace.read

    def reading(self: Workspace, path: str, rev: str | None = None) -> bytes:
        data = stream(self, path, rev)
        read.append(len(data))
        return data

    monkeypatch.setattr(store.Workspace, "read", reading)
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--from", sha[:7], "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (f"{relative} at revision {sha[:7]} ({sha[:8]}) is {len(big) // 1024} KB; regdraft reads a file of at "
            "most 195 KB (the longest law is under 1 MB), so it was not read.") in result.output, result.output
    assert max(read) <= CAP  # refused before it was read
    shown = invoke(tmp_workspace, "show", "01-QC/TU", "--as-of", "2099-01-01")
    assert shown.exit_code == 0, shown.output


def test_a_working_file_over_the_cap_is_refused_naming_it(tmp_workspace: Workspace, invoke: Invoke,
                                                          capped: None) -> None:
    path = tmp_workspace.root / "regulations" / "01-QC-TU.md"
    path.write_bytes(path.read_bytes() + b"Ghi ch\xc3\xba.\n\n" * 30_000)
    result = invoke(tmp_workspace, "show", "01-QC/TU")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "regulations/01-QC-TU.md is " in result.output and "so it was not read." in result.output, result.output

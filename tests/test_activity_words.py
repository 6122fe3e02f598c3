"""What `sync` says a range of commits did: a regulation named by its number and title, not its file name."""

from __future__ import annotations

from regdraft.workspace.activity import describe
from regdraft.workspace.store import Workspace

NEW = """---
id: 01-QC/TU-XV
type: Quy chế
title: Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, nhiệm kỳ 2025 - 2030
---

## Điều 1. Phạm vi

Quy chế này quy định …
"""


def test_a_regulation_added_or_deleted_is_named_by_its_number_and_title(tmp_workspace: Workspace) -> None:
    # sync said "To origin: 01-QC-TU-XV added by Minh (VP B)." where every other line names documents by number.
    before = tmp_workspace.resolve("HEAD").sha
    tmp_workspace.commit({"regulations/01-QC-TU-XV.md": NEW.encode()}, "Import", author="Minh <minh@x>")
    tmp_workspace.commit({"regulations/01-QC-TU-XV.md": None}, "Remove", author="Minh <minh@x>")
    said = describe(tmp_workspace, tmp_workspace.commits(before, "HEAD"))
    title = "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, nhiệm kỳ 2025 - 2030"
    assert said == [f"01-QC/TU-XV ({title}) added by Minh", f"01-QC/TU-XV ({title}) deleted by Minh"]
    # A file that is no regulation keeps its file name.
    tmp_workspace.commit({"regulations/notes.md": b"no front matter\n"}, "Notes", author="Minh <minh@x>")
    assert describe(tmp_workspace, tmp_workspace.commits("HEAD~1", "HEAD")) == ["notes added by Minh"]

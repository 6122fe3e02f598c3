"""What `sync` says a range of commits did: a regulation named by its number and title, not its file name."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

import pytest

from regdraft.workspace.activity import describe
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

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


def test_a_few_other_files_are_named_and_more_counted(tmp_workspace: Workspace) -> None:
    # r34 sweep BD: a colleague's committed ghi-chu.txt was reported as "1 other file change".
    before = tmp_workspace.resolve("HEAD").sha
    tmp_workspace.commit({"ghi-chu.txt": b"Ghi chu.\n"}, "Notes", author="Minh <minh@x>")
    tmp_workspace.commit({"ghi-chu.txt": b"Ghi chu 2.\n", "lich-hop.txt": b"x\n"}, "More", author="Lan <lan@x>")
    said = describe(tmp_workspace, tmp_workspace.commits(before, "HEAD"))
    assert said == ["ghi-chu.txt added by Minh, then edited by Lan; lich-hop.txt added by Lan"]
    tmp_workspace.commit({f"ban-{n}.txt": b"x\n" for n in range(5)}, "Many", author="Lan <lan@x>")
    assert describe(tmp_workspace, tmp_workspace.commits(before, "HEAD")) == ["8 other file changes"]


def test_each_person_who_changed_one_other_file_is_named(tmp_workspace: Workspace) -> None:
    # r35: "ghi-chu.txt edited by Hoa" for a note Minh, Lan and Hoa had each edited: only the last was named.
    before = tmp_workspace.resolve("HEAD").sha
    for n, who in enumerate(("Minh", "Lan", "Minh", "Hoa")):
        tmp_workspace.commit({"ghi-chu.txt": f"Ghi chú {n}.\n".encode()}, "Notes", author=f"{who} <{who}@x>")
    said = describe(tmp_workspace, tmp_workspace.commits(before, "HEAD"))
    assert said == ["ghi-chu.txt added by Minh, then edited by Lan, Minh and Hoa"]
    for who in ("An", "Bình"):
        tmp_workspace.commit({"ghi-chu.txt": f"Ghi chú của {who}.\n".encode()}, "Notes", author=f"{who} <x@x>")
    said = describe(tmp_workspace, tmp_workspace.commits(before, "HEAD"))
    assert said == ["ghi-chu.txt added by Minh, then edited by Lan, Minh, Hoa and 2 others"]
    tmp_workspace.commit({"ghi-chu.txt": None}, "Gone", author="Lan <lan@x>")
    tmp_workspace.commit({"ghi-chu.txt": b"Again.\n"}, "Back", author="Hoa <hoa@x>")
    said = describe(tmp_workspace, tmp_workspace.commits(before, "HEAD"))
    assert said == ["ghi-chu.txt changed by Minh, Lan, Hoa and 2 others (last added by Hoa)"]


def test_a_version_too_large_is_not_read_to_name_it(tmp_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    # r23 s10security defect 3: a 468 KB remote held a version whose front matter had 2 million comment lines; sync
    # read and parsed all of it (57 s, 480 MB) to name the regulation. A version over 2 MB is not read; of a smaller
    # one only the front matter within its first 64 KB is parsed; a comment file over 1 MB is not read either.
    from regdraft.core import frontmatter
    from regdraft.workspace import activity

    head = "---\nid: 03-QC/TU\ntype: Quy chế\ntitle: Quy chế ba\n"
    body = "---\n\n## Điều 1. Phạm vi\n\n1. Nội dung.\n"
    before = tmp_workspace.resolve("HEAD").sha
    tmp_workspace.commit({"regulations/03-QC-TU.md": (head + "# ghi chú\n" * 300_000 + body).encode(),
                          "regulations/04-QC-TU.md": (head.replace("03", "04") + "# ghi chú\n" * 10_000
                                                      + body).encode(),
                          "regulations/05-QC-TU.md": (head.replace("03", "05") + body).encode(),
                          "amendments/qc-sua-doi-2025/comments/big.yaml": b"by: Ban A\n" + b"# x\n" * 300_000},
                         "Add", author="Minh <minh@x>")
    read: list[int] = []
    parsed: list[int] = []
    reading, loading = tmp_workspace.read, frontmatter.load_yaml

    def counted_read(path: str, rev: str | None = None) -> bytes:
        data = reading(path, rev)
        read.append(len(data))
        return data

    def counted_load(raw: str | bytes, *args: Any, **kwargs: Any) -> Any:
        parsed.append(len(raw))
        return loading(raw, *args, **kwargs)

    monkeypatch.setattr(tmp_workspace, "read", counted_read)
    monkeypatch.setattr(frontmatter, "load_yaml", counted_load)
    said = describe(tmp_workspace, tmp_workspace.commits(before, "HEAD"))
    assert said == ["1 comment from an unnamed body on qc-sua-doi-2025", "03-QC-TU added by Minh",
                    "04-QC-TU added by Minh", "05-QC/TU (Quy chế ba) added by Minh"]
    assert max(read) <= activity.DOCUMENT_BYTES and max(parsed) <= activity.NAME_HEAD


def test_invitations_and_revocations_are_named_not_counted_as_other_changes(tmp_workspace: Workspace) -> None:
    # After five `review invite`s, sync said "To origin: 5 other file changes."
    from regdraft.workspace.access import Role, invite, revoke

    before = tmp_workspace.resolve("HEAD").sha
    for n in (1, 2, 3):
        invite(tmp_workspace, f"Member {n}", "Ban Tổ chức Tỉnh ủy", Role.REVIEWER)
    revoke(tmp_workspace, "Member 2")
    said = describe(tmp_workspace, tmp_workspace.commits(before, "HEAD"))
    assert said == ["3 review invitations (review server access links)", "1 review link revoked"]


def test_an_adoption_commit_that_changes_only_the_regulation_is_said(tmp_workspace: Workspace) -> None:
    # r37 sweep BP F1: an adoption replayed on the same amendment adopted on the remote with the same dates keeps its
    # title and changes the regulation alone; sync pushed it and said "To origin: nothing to send."
    before = tmp_workspace.resolve("HEAD").sha
    path = "regulations/01-QC-TU.md"
    text = tmp_workspace.read(path).decode("utf-8")
    tmp_workspace.commit({path: text.replace("khóa XII", "khóa XIII", 1).encode()},
                         "Adopt amendment 05-QC/TU (qc-sua-doi-2025) to 01-QC/TU: signed 2025-10-20, effective "
                         "2025-10-20", author="Lan <lan@x>")
    [said] = describe(tmp_workspace, tmp_workspace.commits(before, "HEAD"))
    assert said.startswith("01-QC/TU (Quy chế làm việc") and said.endswith(") edited by Lan"), said


def test_a_number_given_and_late_comments_are_said_as_such(circulating: Workspace, invoke: Invoke) -> None:
    # r37 sweep BQ 5: `amend number` was said as "qc-sua-doi-2026 edited by Lan", and two comments sent after the
    # close as "2 comments from … (a late comment: …)".
    from regdraft.core.commands import words
    from tests.conftest import SHIPPED_AMENDMENT as SLUG

    ws = circulating
    before = ws.resolve("HEAD").sha
    assert invoke(ws, "amend", "number", SLUG, "09-QC/TU").exit_code == 0
    (numbered,) = describe(ws, ws.commits(before, "HEAD"))
    assert numbered.startswith(f"{SLUG} numbered 09-QC/TU by ") and numbered.endswith(" (it was 05-QC/TU)"), numbered
    added = invoke(ws, "comment", "add", SLUG, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "d5.k2", "--text", "A.")
    assert added.exit_code == 0, added.output
    (path,) = (p for p in ws.files(f"amendments/{SLUG}/comments", "*.yaml"))
    recorded = (ws.root / path).read_text(encoding="utf-8")
    assert invoke(ws, "round", "close", SLUG).exit_code == 0
    closed = ws.resolve("HEAD").sha
    ids = [PurePosixPath(path).stem, *(f"{n}ab{n}" for n in range(2))]
    ws.commit({f"amendments/{SLUG}/comments/{new}.yaml": recorded.replace(ids[0], new).replace("A.", f"Ý {new}.")
               .encode("utf-8") for new in ids[1:]}, "Two late comments", author="Minh <minh@x>")
    (said,) = describe(ws, ws.commits(closed, "HEAD"))
    assert words(said) == (f"2 comments from Ban Tổ chức Tỉnh ủy on {SLUG}, after round 1 closed (late comments: "
                           "“check” names them; answer each as a late comment)"), said

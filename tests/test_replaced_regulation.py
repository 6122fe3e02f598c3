"""A regulation replaced by a new one (the next term's Working Regulation, `replaces:` in its front matter).

The shipped workspace with 05-QC/TU adopted (2025-03-28), and the term XV regulation imported under its own id
`01-QC/TU-XV` (number 01-QC/TU), in force from 2025-10-28, replacing 01-QC/TU.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from regdraft.workspace.adoption import adopt
from regdraft.workspace.store import Workspace, init_workspace

from .conftest import REPO_ROOT, SHIPPED_AMENDMENT, Invoke, built_once, copied, unwrapped, word_text

OLD = "regulations/01-QC-TU.md"
NEW = "regulations/01-QC-TU-XV.md"
ENTRY_OLD = "thay thế Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIII, nhiệm kỳ 2015 - 2020."


def _term_xv(ws: Workspace, replaces: str = "replaces: 01-QC/TU\n") -> str:
    """The term XV text: the current one renamed khóa XV, signed and in force on 2025-10-28."""
    text = (ws.root / OLD).read_text(encoding="utf-8")
    text = text.replace("khóa XIV", "khóa XV").replace("2020 - 2025", "2025 - 2030")
    text = text.replace("signed: 2021-01-09", "signed: 2025-10-28").replace("effective: 2021-01-09",
                                                                            "effective: 2025-10-28")
    text = text.replace(ENTRY_OLD, "thay thế Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ "
                        "2020 - 2025 (Quy chế số 01-QC/TU ngày 09/01/2021).")
    return text.replace("id: 01-QC/TU\n", f"id: 01-QC/TU-XV\nnumber: 01-QC/TU\n{replaces}", 1)


def _adopted(root: Path) -> None:
    adopt(init_workspace(root, example_from=REPO_ROOT), SHIPPED_AMENDMENT, dt.date(2025, 3, 28), force="kept on paper")


@pytest.fixture(scope="session")
def adopted_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(tmp_path_factory, "adopted-2025-03-28", _adopted)


@pytest.fixture
def adopted(adopted_built: Path, tmp_path: Path) -> Workspace:
    """The shipped workspace with 05-QC/TU adopted (2025-03-28): a copy of one built once a process."""
    return copied(adopted_built, tmp_path / "ws")


@pytest.fixture
def replaced(adopted: Workspace, invoke: Invoke, tmp_path: Path) -> Workspace:
    source = tmp_path / "quy-che-khoa-xv.md"
    source.write_text(_term_xv(adopted), encoding="utf-8")
    result = invoke(adopted, "import", str(source))
    assert result.exit_code == 0, result.output
    return adopted


# The new regulation by its title, then number, date and issuer: glued after the issuer, it read "… của Tỉnh ủy Điện
# Biên làm việc của Ban Chấp hành …".
NOTE_VI = ("Văn bản này đã hết hiệu lực, được thay thế bởi Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, "
           "nhiệm kỳ 2025 - 2030 (Quy chế số 01-QC/TU ngày 28 tháng 10 năm 2025 của Tỉnh ủy Điện Biên), có hiệu lực kể "
           "từ ngày 28 tháng 10 năm 2025. Nội dung dưới đây là văn bản có hiệu lực đến hết ngày 27 tháng 10 năm 2025; "
           "chỉ dùng để tham khảo.")
MESSAGE = ("01-QC/TU was replaced on 2025-10-28 by Quy chế 01-QC/TU (01-QC/TU-XV): it is no longer in force, and its "
           "text is as it last stood, in force until 2025-10-27.")


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_export_of_a_replaced_regulation_says_so_at_its_head(replaced: Workspace, invoke: Invoke, tmp_path: Path,
                                                             fmt: str) -> None:
    out = tmp_path / f"old.{fmt}"
    result = invoke(replaced, "export", "01-QC/TU", "--as-of", "2026-01-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    # The text as it last stood, dated its last day in force, not "in force on 2026-01-01".
    assert f"Wrote {out} ({fmt}): the text in force on 2025-10-27 (05-QC/TU; 21 footnotes)." in result.output
    assert MESSAGE in result.output
    if fmt == "docx":
        import docx

        paragraphs = [word_text(p.text) for p in docx.Document(str(out)).paragraphs]
        head = paragraphs.index(NOTE_VI)
        assert paragraphs[head + 1].startswith("Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV")
        assert "Văn bản hợp nhất này thể hiện các quy định có hiệu lực tính đến ngày 27 tháng 10 năm 2025" in (
            "\n".join(paragraphs))
        return
    text = unwrapped(out.read_text(encoding="utf-8"))
    if fmt == "md":
        assert f"**{NOTE_VI}**\n\nQuy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV" in text
    else:
        assert f'<p class="replaced"><strong>{NOTE_VI}</strong></p>' in text
    assert text.index(NOTE_VI) < text.index("Điều 1")


def test_an_earlier_date_and_the_new_regulation_are_unchanged(replaced: Workspace, invoke: Invoke,
                                                             tmp_path: Path) -> None:
    before = invoke(replaced, "export", "01-QC/TU", "--as-of", "2025-06-01", "-o", str(tmp_path / "a.md"))
    assert before.exit_code == 0 and "the text in force on 2025-06-01" in before.output
    assert "replaced" not in before.output and "hết hiệu lực" not in (tmp_path / "a.md").read_text(encoding="utf-8")
    new = invoke(replaced, "export", "01-QC/TU-XV", "--as-of", "2026-01-01", "-o", str(tmp_path / "n.md"))
    assert new.exit_code == 0 and "hết hiệu lực" not in (tmp_path / "n.md").read_text(encoding="utf-8")


def test_show_after_the_replacement_says_so(replaced: Workspace, invoke: Invoke) -> None:
    for args in (("--as-of", "2026-01-01"), ()):
        shown = invoke(replaced, "show", "01-QC/TU", "d31", *args)
        assert shown.exit_code == 0, shown.output
        assert MESSAGE in shown.output
        assert ENTRY_OLD in shown.output  # the old text, as it last stood
    assert MESSAGE not in invoke(replaced, "show", "01-QC/TU", "d31", "--as-of", "2025-06-01").output
    assert "replaced" not in invoke(replaced, "show", "01-QC/TU-XV", "d31").output


def test_list_gives_each_regulation_its_status(replaced: Workspace, invoke: Invoke) -> None:
    result = invoke(replaced, "list", "--json")
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["01-QC/TU"] | {"path": "", "title": ""} == {
        "id": "01-QC/TU", "path": "", "title": "", "language": "vi", "articles": 32, "problems": 0, "error": "",
        "effective": "2021-01-09", "status": "replaced", "replaced_by": "01-QC/TU-XV", "replaced_on": "2025-10-28",
        "behind": ""}
    assert (rows["01-QC/TU-XV"]["status"], rows["01-QC/TU-XV"]["replaced_by"]) == ("in force", "")
    assert rows["01-QC/TU-EN"]["status"] == "replaced"  # a translation goes with its original
    # It lacks 05-QC/TU, but neither it nor its original is in force any more: no warning to translate an amendment
    # of a text replaced (r41 sweep CJ 7).
    assert rows["01-QC/TU-EN"]["behind"] == ""
    assert "does not contain" not in invoke(replaced, "check").output
    lines = invoke(replaced, "list").output.splitlines()
    assert any(line.startswith("01-QC/TU ") and "replaced by 01-QC/TU-XV on 2025-10-28" in line for line in lines)
    assert any(line.startswith("01-QC/TU-XV ") and " in force " in line for line in lines)
    # The titles start in one column (the status column is as wide as its longest entry).
    assert len({line.index("Quy chế") if "Quy chế" in line else line.index("Working") for line in lines
                if not line.startswith(" ")}) == 1


def test_amend_new_refuses_a_replaced_regulation_unless_forced(replaced: Workspace, invoke: Invoke) -> None:
    refused = invoke(replaced, "amend", "new", "qc-old", "--regulation", "01-QC/TU")
    assert refused.exit_code == 1
    assert ("01-QC/TU is no longer in force: Quy chế 01-QC/TU (01-QC/TU-XV) replaced it on 2025-10-28, so an "
            "amendment to it could never take effect. Amend 01-QC/TU-XV, the regulation in force") in refused.output
    assert "--force" in refused.output
    assert not (replaced.root / "amendments" / "qc-old").exists()
    assert invoke(replaced, "amend", "new", "qc-old", "--regulation", "01-QC/TU", "--force").exit_code == 0
    assert invoke(replaced, "amend", "new", "qc-xv", "--regulation", "01-QC/TU-XV").exit_code == 0


def test_check_accepts_the_replacement_and_names_a_wrong_one(replaced: Workspace, invoke: Invoke) -> None:
    assert invoke(replaced, "check").exit_code == 0
    text = (replaced.root / NEW).read_text(encoding="utf-8")
    line = text.split("\n").index("replaces: 01-QC/TU") + 1
    replaced.commit({NEW: text.replace("replaces: 01-QC/TU", "replaces: 01-QC/TX").encode()}, "typo")
    unknown = invoke(replaced, "check")
    assert unknown.exit_code == 1
    assert (f"{NEW}:{line}: The front matter's 'replaces' names 01-QC/TX, which is no regulation of this workspace "
            "(known: 01-QC/TU, 01-QC/TU-EN)") in unknown.output
    early = text.replace("effective: 2025-10-28", "effective: 2020-10-28")
    replaced.commit({NEW: early.encode()}, "early")
    assert (f"{NEW}:{line}: 01-QC/TU-XV replaces 01-QC/TU from 2020-10-28, but 01-QC/TU itself took effect on "
            "2021-01-09") in invoke(replaced, "check").output
    late = text.replace("effective: 2025-10-28", "effective: 2025-03-01")  # before 05-QC/TU took effect
    replaced.commit({NEW: late.encode()}, "before the amendment")
    assert (f"{NEW}:{line}: 01-QC/TU-XV replaces 01-QC/TU from 2025-03-01, but 01-QC/TU's adopted amendment 05-QC/TU "
            "takes effect on 2025-03-28") in invoke(replaced, "check").output


def test_import_force_over_adopted_amendments_is_refused(adopted: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "new-XV.md"
    source.write_text(_term_xv(adopted, "").replace("id: 01-QC/TU-XV\nnumber: 01-QC/TU\n", "id: 01-QC/TU\n"),
                      encoding="utf-8")
    before = (adopted.root / OLD).read_bytes()
    result = invoke(adopted, "import", str(source), "--id", "01-QC/TU", "--force")
    assert result.exit_code == 1
    assert ("regulations/01-QC-TU.md has adopted amendments (05-QC/TU), replayed on its base text "
            "regulations/history/01-QC-TU/base.md; a new text in its place would contradict them, so nothing was "
            "written.") in result.output
    assert "`regdraft import new-XV.md --id 01-QC/TU-XV`" in result.output and "'replaces: 01-QC/TU'" in result.output
    assert (adopted.root / OLD).read_bytes() == before
    assert invoke(adopted, "check").exit_code == 0
    # Re-importing the very text in place still records nothing, as before.
    same = tmp_path / "same.md"
    same.write_bytes(before)
    assert invoke(adopted, "import", str(same), "--force").exit_code == 0


def test_the_front_matters_are_read_without_keeping_the_texts(tmp_workspace: Workspace) -> None:
    # `show` of one provision kept every regulation's whole text to read `replaces:` (104 MB where it took 26 MB).
    from regdraft.workspace.replacements import fronts

    found = {path: (lines, meta) for path, lines, meta in fronts(tmp_workspace)}
    lines, meta = found["regulations/01-QC-TU.md"]
    assert meta["id"] == "01-QC/TU" and lines[0] == "---" and lines[-2:] == ["---", ""]
    assert not any(line.startswith("## Điều") for line in lines)


def test_a_front_matter_is_read_once_while_its_file_is_unchanged(tmp_workspace: Workspace, invoke: Invoke,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # `check` asked for every regulation's front matter four times (numbers, terms, replacements), reading each
    # file whole each time (9 reads of 01-QC-TU.md in one `check`, 6 now); a file unchanged since this process
    # read it, and older than the racy window, is read once.
    import time

    from regdraft.workspace import comment_cache
    from regdraft.workspace.replacements import fronts

    reads: list[str] = []
    real = Workspace.read

    def counted(self: Workspace, relative: str, rev: str | None = None) -> bytes:
        if rev is None and relative == "regulations/01-QC-TU.md":
            reads.append(relative)
        return real(self, relative, rev)

    monkeypatch.setattr(Workspace, "read", counted)
    first = fronts(tmp_workspace)
    assert reads == ["regulations/01-QC-TU.md"]
    assert fronts(tmp_workspace) == first and len(reads) == 2  # just written: changed within the racy window
    monkeypatch.setattr(comment_cache, "now", lambda: time.time_ns() + 10 * comment_cache.RACY_NS)
    assert fronts(tmp_workspace) == first and len(reads) == 3
    assert fronts(tmp_workspace) == first and len(reads) == 3
    assert invoke(tmp_workspace, "check").exit_code == 0 and len(reads) == 3 + 5


def test_a_front_matter_changed_since_it_was_read_is_read_again(tmp_workspace: Workspace,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from regdraft.workspace import comment_cache
    from regdraft.workspace.replacements import fronts

    monkeypatch.setattr(comment_cache, "now", lambda: time.time_ns() + 10 * comment_cache.RACY_NS)
    path = tmp_workspace.root / "regulations/01-QC-TU.md"
    meta = dict((p, m) for p, _, m in fronts(tmp_workspace))["regulations/01-QC-TU.md"]
    meta["id"] = "changed by a caller"  # each caller has its own copy
    text = path.read_text(encoding="utf-8")
    assert "\nsigner:" in text or "\nid:" in text
    path.write_text(text.replace("id: 01-QC/TU", "id: 07-QC/TU", 1), encoding="utf-8")  # the same size
    again = dict((p, m) for p, _, m in fronts(tmp_workspace))["regulations/01-QC-TU.md"]
    assert again["id"] == "07-QC/TU"
    path.write_text(text, encoding="utf-8")
    assert dict((p, m) for p, _, m in fronts(tmp_workspace))["regulations/01-QC-TU.md"]["id"] == "01-QC/TU"


def test_log_ends_a_replaced_regulation_with_its_replacement(replaced: Workspace, invoke: Invoke) -> None:
    """No commit of the old file records that it stopped being in force: `log` said nothing of it, for the text or a
    provision, its translation included (r41 sweep CJ 7)."""
    line = "01-QC/TU was replaced on 2025-10-28 by Quy chế 01-QC/TU (01-QC/TU-XV): in force until 2025-10-27."
    whole = invoke(replaced, "log", "01-QC/TU")
    assert whole.exit_code == 0 and whole.output.splitlines()[-1] == line, whole.output
    provision = invoke(replaced, "log", "01-QC/TU", "d20")
    assert provision.exit_code == 0 and provision.output.splitlines()[-1] == line, provision.output
    english = invoke(replaced, "log", "01-QC/TU-EN").output.splitlines()[-1]
    assert english == line.replace("01-QC/TU was", "01-QC/TU-EN was"), english
    assert "replaced" not in invoke(replaced, "log", "01-QC/TU-XV").output
    assert json.loads(invoke(replaced, "log", "01-QC/TU", "--json").stdout)  # the line is no part of the JSON

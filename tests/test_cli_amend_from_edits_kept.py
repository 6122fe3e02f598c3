"""`regdraft amend from-edits` on an amendment that exists: its instructions are kept as written and in place.

Comments, the comparison table's notes and footnotes cite instructions by number: regenerating from the
amendment's own preview changes nothing, and an edit changes, inserts or drops only the instructions on what it
changed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from regdraft.core.amend import load_amendment
from regdraft.core.errors import Worded
from regdraft.workspace.store import Workspace

from .conftest import SHARED, SHIPPED_AMENDMENT, Invoke, needs_corpus

AMENDMENT = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
BODY = "Ban Tổ chức Tỉnh ủy"


def _preview(invoke: Invoke, ws: Workspace | Path, slug: str, out: Path, *changes: tuple[str, str]) -> Path:
    """The amendment's preview (the text in force with it applied) written to `out`, with `changes` made."""
    result = invoke(ws, "amend", "preview", slug, "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    out.write_text(text, encoding="utf-8")
    return out


def _numbered(text: str) -> list[str]:
    """The numbered instructions of Điều 1, as their sentences, numbered as they stand."""
    return [f"{ins.location}\\. {ins.text}" for ins in load_amendment(text, AMENDMENT, SHIPPED_AMENDMENT).instructions]


@pytest.mark.parametrize("allow", [False, True], ids=["plain", "allow-renumber"])
def test_the_unedited_preview_of_the_shipped_amendment_changes_nothing(tmp_workspace: Workspace, tmp_path: Path,
                                                                        invoke: Invoke, allow: bool) -> None:
    # It renumbered instructions 1-13, put `12. Bỏ cụm từ “khóa XII” …` first, split `11. Bãi bỏ khoản 3 Điều 10
    # và điểm c khoản 2 Điều 16.` in two and swapped the two `Thay thế cụm từ`.
    preview = _preview(invoke, tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "p.md")
    before = tmp_workspace.path(AMENDMENT).read_bytes()
    head = tmp_workspace.head()
    result = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(preview),
                    *(["--allow-renumber"] if allow else []))
    assert result.exit_code == 0, result.output
    assert "Instructions: no change." in result.output
    assert f"{AMENDMENT} is unchanged (14 instructions)." in result.output
    assert tmp_workspace.path(AMENDMENT).read_bytes() == before and tmp_workspace.head() == head


@needs_corpus
@pytest.mark.parametrize(("base", "amending", "slug"), [
    ("nd-63-2010/base-63-2010-ND-CP.txt", "nd-63-2010/amending-48-2013-ND-CP.txt", "nd48"),
    ("luat-dau-thau-2023/base-22-2023-QH15.txt", "luat-dau-thau-2023/amending-57-2024-QH15.txt", "l57"),
], ids=["nd48-2013", "luat57-2024"])
def test_the_unedited_preview_of_an_enacted_amendment_changes_nothing(invoke: Invoke, tmp_path: Path, base: str,
                                                                      amending: str, slug: str) -> None:
    # Nghị định 48/2013's `7. Bãi bỏ Khoản 5 Điều 29.` became a group on Điều 29 amending khoản 3 too, and every
    # later instruction was renumbered.
    root, source = tmp_path / "ws", SHARED / "corpus" / "amendments"
    for args in (("init", str(root)), ("import", str(source / base)),
                 ("amend", "import", str(source / amending), "--slug", slug)):
        result = invoke(root if args[0] != "init" else None, *args)
        assert result.exit_code == 0, result.output
    before = (root / "amendments" / slug / "amendment.md").read_bytes()
    preview = _preview(invoke, root, slug, tmp_path / "p.md")
    result = invoke(root, "amend", "from-edits", slug, "--edited", str(preview))
    assert result.exit_code == 0, result.output
    assert "Instructions: no change." in result.output
    assert (root / "amendments" / slug / "amendment.md").read_bytes() == before


def test_editing_again_is_not_refused_for_the_renumbering_the_amendment_makes(tmp_workspace: Workspace,
                                                                               tmp_path: Path, invoke: Invoke) -> None:
    # The drafter edited only Điều 12; instruction 6 re-enacts Điều 9 with khoản 4 numbered 5, which the edited
    # text (the preview) holds, and the command refused it as the drafter's renumbering.
    edited = _preview(invoke, tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "e.md",
                      ("a) Thường lệ ba tháng", "a) Thường lệ hai tháng"))
    before = tmp_workspace.path(AMENDMENT).read_text(encoding="utf-8")
    result = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited))
    assert result.exit_code == 0, result.output
    assert "renumbers" not in result.output
    after = tmp_workspace.path(AMENDMENT).read_text(encoding="utf-8")
    assert "a) Thường lệ hai tháng một lần;" in after
    # Instruction 7 amends điểm b beside it: điểm a joins it, as amending laws name two points (`Sửa đổi, bổ sung
    # điểm b và điểm c khoản 1 Điều 6 như sau:`, Luật 57/2024), its line for điểm b as written; every other one
    # stands as written, under its number (it was a new instruction 7, the later ones renumbered).
    was, now = _numbered(before), _numbered(after)
    assert len(now) == len(was) == 14
    assert now[6] == "7\\. Sửa đổi, bổ sung điểm a và điểm b khoản 1 Điều 12 như sau:"
    assert now[:6] == was[:6] and now[7:] == was[7:]
    lines, old_lines = after.split("\n"), before.split("\n")
    at = lines.index(now[6])
    assert lines[at + 2].startswith("“a) Thường lệ hai tháng một lần;") and lines[at + 4] == old_lines[
        old_lines.index(was[6]) + 2][1:]
    assert lines[:at] == old_lines[:at] and lines[at + 5:] == old_lines[at + 3:]
    assert invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT).exit_code == 0


def test_a_renumbering_of_the_drafter_is_still_refused_naming_only_it(tmp_workspace: Workspace, tmp_path: Path,
                                                                      invoke: Invoke) -> None:
    edited = _preview(invoke, tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "e.md",
                      ("a) Thường lệ ba tháng", "a) Thường lệ hai tháng"),
                      ("\n\nb) Bất thường", "\n\nb) Trực tuyến khi Thường trực Tỉnh ủy quyết định;\n\nc) Bất thường"),
                      ("\n\nc) Chuyên đề", "\n\nd) Chuyên đề"))
    head = tmp_workspace.head()
    refused = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited))
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    output = " ".join(refused.output.split())
    assert ("renumbers existing provisions: điểm c khoản 1 Điều 12 is now numbered điểm d khoản 1 Điều 12. Existing "
            "units are never renumbered") in output
    assert "Điều 9" not in output and tmp_workspace.head() == head
    allowed = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited),
                     "--allow-renumber")
    assert allowed.exit_code == 0, allowed.output


def test_new_instructions_stand_in_the_order_of_the_provisions_they_amend(tmp_workspace: Workspace, tmp_path: Path,
                                                                         invoke: Invoke) -> None:
    # Each new one goes before the first instruction the house style puts after it: Điều 2 first, Điều 11 between
    # Điều 9 and Điều 12, Điều 28 after the structural instructions and before the word replacements, which stay
    # last in the order the document has them.
    edited = _preview(invoke, tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "e.md",
                      ("Tỉnh ủy viên khóa XIV.", "Tỉnh ủy viên khóa XIV và các cơ quan tham mưu."),
                      ("Hội đồng nhân dân tỉnh; chịu", "Hội đồng nhân dân tỉnh, thường xuyên; chịu"),
                      ("toàn diện các huyện ủy", "toàn diện, thống nhất các huyện ủy"))
    before = _numbered(tmp_workspace.path(AMENDMENT).read_text(encoding="utf-8"))
    result = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited))
    assert result.exit_code == 0, result.output
    after = _numbered(tmp_workspace.path(AMENDMENT).read_text(encoding="utf-8"))
    unnumbered = [line.split(" ", 1)[1] for line in after]
    assert [n for n, line in enumerate(after, 1) if line.split(" ", 1)[1] not in
            {was.split(" ", 1)[1] for was in before}] == [1, 8, 14]
    assert unnumbered[0] == "Sửa đổi, bổ sung khoản 1 Điều 2 như sau:"
    assert unnumbered[7] == "Sửa đổi, bổ sung khoản 1 Điều 11 như sau:"
    assert unnumbered[13] == "Sửa đổi, bổ sung khoản 1 Điều 28 như sau:"
    kept = [line.split(" ", 1)[1] for line in before]
    assert [u for n, u in enumerate(unnumbered, 1) if n not in (1, 8, 14)] == kept  # in the document's order
    assert invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT).exit_code == 0


def test_an_edit_where_a_phrase_instruction_changes_words_adds_one_phrase_instruction(tmp_workspace: Workspace,
                                                                                      tmp_path: Path,
                                                                                      invoke: Invoke) -> None:
    # khoản 1 Điều 3, whose `khóa XII` instruction 12 leaves out, edited again: it was amended whole as a new
    # instruction 1, instruction 12 dropped and 1-11 renumbered. A provision may not be amended beside a change of
    # its words, but its words may change twice: one phrase instruction after 12, the others as written.
    edited = _preview(invoke, tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "e.md",
                      ("theo nguyên tắc tập trung dân chủ,", "theo nguyên tắc tập trung dân chủ, đoàn kết,"))
    before = _numbered(tmp_workspace.path(AMENDMENT).read_text(encoding="utf-8"))
    result = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited))
    assert result.exit_code == 0, result.output
    after = _numbered(tmp_workspace.path(AMENDMENT).read_text(encoding="utf-8"))
    assert after[:12] == before[:12]
    assert after[12] == ("13\\. Thay thế cụm từ “nguyên tắc tập trung dân chủ, tập thể lãnh đạo” bằng cụm từ "
                         "“nguyên tắc tập trung dân chủ, đoàn kết, tập thể lãnh đạo” tại khoản 1 Điều 3.")
    assert after[13:] == [line.replace(f"{n}\\.", f"{n + 1}\\.", 1) for n, line in enumerate(before[12:], 13)]
    assert _preview(invoke, tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "again.md").read_text(
        encoding="utf-8") == edited.read_text(encoding="utf-8")
    assert invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT).exit_code == 0


# -- the review server's "Tiếp thu đề xuất" (accept a proposal) -------------------------------------------------


def _proposed(invoke: Invoke, ws: Workspace, on: str, proposal: str) -> str:
    added = invoke(ws, "comment", "add", SHIPPED_AMENDMENT, "--by", BODY, "--on", on, "--text", "Đề nghị sửa.",
                   "--proposal", proposal, "--json")
    assert added.exit_code == 0, added.output
    return str(json.loads(added.output)["comment"]["id"])


def test_accepting_a_proposal_changes_the_lines_of_its_instruction_alone(circulating: Workspace,
                                                                         invoke: Invoke) -> None:
    # It rewrote 37 lines of the amendment: every instruction renumbered, two moved, one split.
    from regdraft.workspace.proposals import accept_proposal

    ws = circulating
    cid = _proposed(invoke, ws, "d12.k1.b", "b) Bất thường khi cần thiết theo quyết định của Ban Thường vụ Tỉnh ủy "
                                            "hoặc khi có ít nhất một phần ba tổng số Tỉnh ủy viên đề nghị;")
    before = ws.path(AMENDMENT).read_text(encoding="utf-8").splitlines()
    assert accept_proposal(ws, SHIPPED_AMENDMENT, cid).commit
    after = ws.path(AMENDMENT).read_text(encoding="utf-8").splitlines()
    removed = [line for line in before if line not in after]
    added = [line for line in after if line not in before]
    assert len(removed) == 1 and removed[0].startswith("“b) Bất thường khi cần thiết")
    assert [line for line in added if not line.startswith("reasons:") and not line.startswith("  ")] == [
        "“b) Bất thường khi cần thiết theo quyết định của Ban Thường vụ Tỉnh ủy hoặc khi có ít nhất một phần ba tổng "
        "số Tỉnh ủy viên đề nghị;”."]


def test_a_proposal_in_an_article_the_amendment_renumbers_is_accepted(circulating: Workspace,
                                                                      invoke: Invoke) -> None:
    # The draft's Điều 9 has khoản 4 numbered 5 (the amendment's instruction 6): that is not the proposal's doing.
    from regdraft.workspace.proposals import accept_proposal

    ws = circulating
    cid = _proposed(invoke, ws, "d9.k5", "5. Thay mặt Ban Chấp hành Đảng bộ tỉnh, Ban Thường vụ Tỉnh ủy ký ban hành "
                                         "các văn bản theo thẩm quyền.")
    assert accept_proposal(ws, SHIPPED_AMENDMENT, cid).commit
    after = _numbered(ws.path(AMENDMENT).read_text(encoding="utf-8"))
    assert after[5] == "6\\. Sửa đổi, bổ sung Điều 9 như sau:" and len(after) == 14


def test_a_proposal_that_renumbers_provisions_is_refused_as_the_command_refuses_it(circulating: Workspace,
                                                                                   invoke: Invoke) -> None:
    # The server accepted any renumbering (it opted in for the draft's own); now it refuses the proposal's own, as
    # `from-edits` does without the drafter's say, and writes nothing.
    from regdraft.workspace.proposals import accept_proposal

    ws = circulating
    cid = _proposed(invoke, ws, "d12.k1", "\n".join((
        "1. Ban Chấp hành Đảng bộ tỉnh họp:",
        "a) Trực tuyến khi Thường trực Tỉnh ủy quyết định;",
        "b) Thường lệ ba tháng một lần; hội nghị cuối năm kiểm điểm sự lãnh đạo, chỉ đạo của Ban Chấp hành, Ban "
        "Thường vụ Tỉnh ủy và quyết định chương trình công tác năm sau;",
        "c) Bất thường khi cần thiết theo quyết định của Ban Thường vụ Tỉnh ủy hoặc khi có ít nhất một phần ba tổng "
        "số Tỉnh ủy viên đề nghị; hội nghị bất thường có thể được tổ chức theo hình thức trực tuyến theo quyết định "
        "của Thường trực Tỉnh ủy;",
        "d) Chuyên đề để thảo luận, quyết định những vấn đề quan trọng, cấp bách theo chương trình công tác hoặc "
        "theo yêu cầu của cấp trên.")))
    head = ws.head()
    with pytest.raises(Worded, match=f"The proposal of comment {cid} renumbers existing provisions of khoản 1 "
                                     "Điều 12") as refused:
        accept_proposal(ws, SHIPPED_AMENDMENT, cid)
    assert refused.value.case == "renumbers" and ws.head() == head


@needs_corpus
def test_instructions_renumbered_keep_their_lines_as_the_decree_spaced_them(invoke: Invoke, tmp_path: Path) -> None:
    # A new instruction 1 renumbered the others, which were rendered anew: instruction 9's dash items lost the blank
    # lines Nghị định 48/2013 leaves between them.
    root, source = tmp_path / "ws", SHARED / "corpus" / "amendments" / "nd-63-2010"
    for args in (("init", str(root)), ("import", str(source / "base-63-2010-ND-CP.txt")),
                 ("amend", "import", str(source / "amending-48-2013-ND-CP.txt"), "--slug", "nd48")):
        result = invoke(root if args[0] != "init" else None, *args)
        assert result.exit_code == 0, result.output
    path = root / "amendments" / "nd48" / "amendment.md"
    # A draft modelled on the decree (not signed): an issued one keeps its numbers, the new instruction after them
    # (tests/test_cli_amend_from_edits_issued.py).
    Workspace(root).commit({"amendments/nd48/amendment.md": re.sub(r"\nsigned: [^\n]*", "", path.read_text(
        encoding="utf-8"), count=1).encode("utf-8")}, "A draft modelled on 48/2013")
    before = path.read_text(encoding="utf-8").split("\n")
    clause = "6\\. “Cơ sở dữ liệu quốc gia về thủ tục hành chính”"
    preview = _preview(invoke, root, "nd48", tmp_path / "p.md")
    text = preview.read_text(encoding="utf-8")
    end = text.index("\n", text.index(clause))
    new = "7\\. “Cổng dịch vụ công” là cổng thông tin điện tử cung cấp dịch vụ công trực tuyến."
    preview.write_text(f"{text[:end]}\n\n{new}{text[end:]}", encoding="utf-8")
    result = invoke(root, "amend", "from-edits", "nd48", "--edited", str(preview))
    assert result.exit_code == 0, result.output
    # The new instruction first, and every other line as it was but for the numbers.
    expected = list(before)
    standing = load_amendment("\n".join(before), str(path), "nd48").instructions
    for ins in standing:
        expected[ins.line - 1] = expected[ins.line - 1].replace(f"{ins.location}\\.", f"{int(ins.location) + 1}\\.", 1)
    expected[standing[0].line - 1:standing[0].line - 1] = ["1\\. Bổ sung khoản 7 vào sau khoản 6 Điều 3 như sau:", "",
                                                           f"“{new}”.", ""]
    assert path.read_text(encoding="utf-8").split("\n") == expected

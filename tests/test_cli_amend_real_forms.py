"""Amending instructions in the forms of real amending laws, on real laws through the CLI (../shared/corpus/vi):
a compound instruction naming its article once, at its end (Luật 57/2024: `9. Sửa đổi, bổ sung khoản 2 và khoản 3;
bổ sung khoản 4 vào sau khoản 3 Điều 21 như sau:`), words added to a list (`Bổ sung cụm từ “, minh bạch” vào sau
cụm từ “công bằng”`), and a group of instructions one of which repeals (`Sửa đổi, bổ sung, bãi bỏ một số điểm, khoản
của Điều 13 như sau:`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace

from .conftest import CORPUS, Invoke, needs_corpus

pytestmark = needs_corpus

YOUTH, YOUTH_FILE = "57/2020/QH14", "regulations/57-2020-QH14.md"
EMULATION, EMULATION_FILE = "15/2003/QH11", "regulations/15-2003-QH11.md"
TOURISM, TOURISM_FILE = "09/2017/QH14", "regulations/09-2017-QH14.md"
POINT_A = "a) Chính xác, công khai, công bằng, kịp thời;"  # điểm a khoản 2 Điều 6, Luật Thi đua, khen thưởng
POINT_A_36 = "a) Chấm dứt hoạt động kinh doanh dịch vụ lữ hành, giải thể hoặc phá sản;\n\n"  # Luật Du lịch, Điều 36
CLAUSE_3 = ("3\\. Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch quy định trình tự, thủ tục thu hồi giấy phép kinh doanh "
            "dịch vụ lữ hành.")  # khoản 3 Điều 36, the last of Luật Du lịch's Điều 36


def started(ws: Workspace, invoke: Invoke, law: str, law_id: str, slug: str) -> Workspace:
    for step in (("import", str(CORPUS / law)), ("amend", "new", slug, "-r", law_id)):
        result = invoke(ws, *step)
        assert result.exit_code == 0, result.output
    return ws


def with_instructions(ws: Workspace, slug: str, instructions: str) -> None:
    """The amendment `slug` with `instructions` as its Điều 1, committed."""
    relative = f"amendments/{slug}/amendment.md"
    text = ws.path(relative).read_text(encoding="utf-8")
    at = text.index("## Điều 2.")
    ws.commit({relative: (text[:at] + instructions.strip() + "\n\n" + text[at:]).encode("utf-8")}, "Instructions")


def from_edits(ws: Workspace, invoke: Invoke, tmp_path: Path, law_file: str, slug: str,
               *changes: tuple[str, str]) -> str:
    """The instructions `amend from-edits` writes for the law with `changes` made, after `amend check` passes
    and its preview is the edited text."""
    text = ws.path(law_file).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    edited = tmp_path / "edited.md"
    edited.write_text(text, encoding="utf-8")
    result = invoke(ws, "amend", "from-edits", slug, "--edited", str(edited))
    assert result.exit_code == 0, result.output
    check = invoke(ws, "amend", "check", slug)
    assert check.exit_code == 0, check.output
    preview = invoke(ws, "amend", "preview", slug)
    assert preview.exit_code == 0, preview.output
    for _, new in changes:
        assert new in preview.output, new  # as the drafter wrote it
    amendment = ws.path(f"amendments/{slug}/amendment.md").read_text(encoding="utf-8")
    return amendment[amendment.index("\n\n", amendment.index("## Điều 1.")) + 2:amendment.index("## Điều 2.")]


def test_an_article_named_at_the_end_of_a_compound_instruction_is_the_article_of_each_change(
        empty_workspace: Workspace, invoke: Invoke) -> None:
    # Refused with `khoản 3 does not name its article`, and the suggestion 'Bổ sung khoản 3 và khoản 4 vào sau
    # khoản 4a như sau:', which inserts what the sentence amends.
    ws = started(empty_workspace, invoke, "luat-thanh-nien.txt", YOUTH, "tn")
    with_instructions(ws, "tn", "1\\. Sửa đổi, bổ sung khoản 3 và khoản 4; bổ sung khoản 4a vào sau khoản 4 Điều 20 "
                      "như sau:\n\n“3\\. Khoản 3 mới.\n\n4\\. Khoản 4 mới.\n\n4a\\. Khoản 4a mới.”.")
    check = invoke(ws, "amend", "check", "tn")
    assert check.exit_code == 0, check.output
    preview = invoke(ws, "amend", "preview", "tn")
    assert preview.exit_code == 0, preview.output
    article = preview.output[preview.output.index("## Điều 20."):preview.output.index("## Điều 21.")]
    clauses = [line for line in article.split("\n\n")[1:] if line.strip()]
    assert clauses[2:] == ["3\\. Khoản 3 mới.", "4\\. Khoản 4 mới.", "4a\\. Khoản 4a mới."], article
    assert clauses[0].startswith("1\\. Khuyến khích, hỗ trợ thanh niên") and len(clauses) == 5


@pytest.mark.parametrize("added", ["Bổ sung cụm từ “, minh bạch” vào sau cụm từ “công bằng” tại điểm a;",
                                   "Bổ sung cụm từ “minh bạch,” vào trước cụm từ “kịp thời” tại điểm a;"])
def test_words_added_to_a_list_keep_its_punctuation(empty_workspace: Workspace, invoke: Invoke, added: str) -> None:
    # It gave `công bằng , minh bạch`.
    ws = started(empty_workspace, invoke, "luat-thi-dua-khen-thuong.txt", EMULATION, "td")
    with_instructions(ws, "td", f"1\\. Sửa đổi, bổ sung một số điểm của khoản 2 Điều 6 như sau:\n\na) {added}\n\n"
                      "b) Sửa đổi, bổ sung điểm d như sau:\n\n“d) Kết hợp động viên tinh thần với lợi ích vật chất.”.")
    check = invoke(ws, "amend", "check", "td")
    assert check.exit_code == 0, check.output
    preview = invoke(ws, "amend", "preview", "td").output
    assert "\na) Chính xác, công khai, công bằng, minh bạch, kịp thời;\n" in preview


def test_words_added_to_a_list_are_written_as_added_words(empty_workspace: Workspace, invoke: Invoke,
                                                          tmp_path: Path) -> None:
    ws = started(empty_workspace, invoke, "luat-thi-dua-khen-thuong.txt", EMULATION, "td")
    written = from_edits(ws, invoke, tmp_path, EMULATION_FILE, "td",
                         (POINT_A, "a) Chính xác, công khai, công bằng, minh bạch, kịp thời;"),
                         ("xã hội công bằng, dân chủ", "xã hội công bằng, minh bạch, dân chủ"))
    assert written.strip() == "1\\. Bổ sung cụm từ “, minh bạch” vào sau cụm từ “công bằng” trong toàn bộ Luật."


@pytest.mark.parametrize(
    ("changes", "heading"),
    [
        # A point repealed and a clause amended: Luật 57/2024 heads such a group `Sửa đổi, bổ sung, bãi bỏ`; the repeal,
        # in the middle of its group, ends with `;`.
        (((POINT_A_36, ""), (CLAUSE_3, "3\\. Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch quy định chi tiết Điều này.")),
         "1\\. Sửa đổi, bổ sung, bãi bỏ một số điểm, khoản của Điều 36 như sau:\n\na) Bãi bỏ điểm a khoản 1;\n\n"
         "b) Sửa đổi, bổ sung khoản 3 như sau:"),
        # A point repealed and a clause added: nothing amended.
        (((POINT_A_36, ""), (CLAUSE_3, CLAUSE_3 + "\n\n4\\. Chính phủ quy định chi tiết Điều này.")),
         "1\\. Bổ sung, bãi bỏ một số điểm, khoản của Điều 36 như sau:\n\na) Bãi bỏ điểm a khoản 1;\n\n"
         "b) Bổ sung khoản 4 vào sau khoản 3 như sau:"),
    ],
)
def test_a_group_that_repeals_says_so_in_its_heading(empty_workspace: Workspace, invoke: Invoke, tmp_path: Path,
                                                      changes: tuple[tuple[str, str], ...], heading: str) -> None:
    # It wrote `Sửa đổi, bổ sung một số điểm, khoản của Điều 36 như sau:` over `a) Bãi bỏ điểm a khoản 1.`
    ws = started(empty_workspace, invoke, "luat-du-lich.txt", TOURISM, "dl")
    written = from_edits(ws, invoke, tmp_path, TOURISM_FILE, "dl", *changes)
    assert written.startswith(heading), written

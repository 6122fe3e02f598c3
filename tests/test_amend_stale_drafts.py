"""A draft of Luật Đấu thầu 22/2023 begun before Luật 57/2024 was adopted (sweep r42 CM, findings 1-5).

Draft `bs-cum-tu` is begun while 57/2024 (`luat-57-2024`) is pending, written on the text 57/2024 then changes:
instruction 1 replaces words of khoản 1 Điều 19 that 57/2024 rewrites, 2 adds words after “hồ sơ yêu cầu” there
(57/2024 adds a point c holding it too), 3 replaces words of khoản 2 Điều 55, 4 quotes điểm a khoản 3 Điều 58 as it
read before 57/2024 with “, chuyển đổi số” of its own in the middle of the words 57/2024 replaced, 5 replaces a phrase
throughout that 57/2024 takes out. 57/2024 is then adopted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.workspace import adoption, lifecycle, rounds
from regdraft.workspace.store import Workspace

from .conftest import luat_57_2024_copy, luat_57_2024_once, module_git, run_cli

SLUG = "bs-cum-tu"
PATH = f"amendments/{SLUG}/amendment.md"
WORDS_1 = ("1\\. Thay thế cụm từ “đơn vị tư vấn đấu thầu” bằng cụm từ “đơn vị tư vấn đấu thầu chuyên nghiệp” tại "
           "khoản 1 Điều 19.")
WORDS_2 = "2\\. Bổ sung cụm từ “, hồ sơ mời thầu qua mạng” vào sau cụm từ “hồ sơ yêu cầu” tại khoản 1 Điều 19."
WORDS_3 = ("3\\. Thay thế cụm từ “trách nhiệm giải trình” bằng cụm từ “trách nhiệm giải trình theo quy định của pháp "
           "luật” tại khoản 2 Điều 55.")
QUOTE_4 = ("4\\. Sửa đổi, bổ sung điểm a khoản 3 Điều 58 như sau:\n\n“a) Phương pháp kết hợp giữa kỹ thuật và giá có "
           "thể được áp dụng đối với gói thầu công nghệ thông tin, viễn thông, bảo hiểm, chuyển đổi số; gói thầu hàng "
           "hóa, xây lắp có đặc thù, yêu cầu kỹ thuật cao mà không áp dụng được phương pháp giá đánh giá và gói thầu "
           "cần xem xét trên cơ sở chú trọng tới các yếu tố kỹ thuật và giá;”.")
WORDS_5 = ("5\\. Thay thế cụm từ “vốn vay ưu đãi của nhà tài trợ nước ngoài” bằng cụm từ “vốn vay ưu đãi của nhà tài "
           "trợ” trong toàn bộ Luật.")
PUT_BY_57 = "quy định tại điểm b khoản 1 Điều 31 của Luật này"
HEADING = "## Điều 1. Sửa đổi, bổ sung một số điều của Luật Đấu thầu số 22/2023/QH15\n"


def _instructions(ws: Workspace, *instructions: str) -> None:
    text = (ws.root / PATH).read_text(encoding="utf-8")
    head, _, rest = text.partition(HEADING)
    tail = rest[rest.index("## Điều 2."):]
    numbered = [f"{n}{i[i.index(chr(92)):]}" for n, i in enumerate(instructions, 1)]  # `1\.`, `2\.` as they stand
    ws.commit({PATH: f"{head}{HEADING}\n{chr(10).join(i + chr(10) for i in numbered)}\n{tail}".encode()},
              f"Instructions of {SLUG}")


@pytest.fixture(scope="module")
def adopted_since(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The workspace: `bs-cum-tu` begun with its five instructions, then 57/2024 adopted."""
    with module_git(tmp_path_factory):
        root = luat_57_2024_once(tmp_path_factory, "Bộ Tài chính")
        result = run_cli(root, "amend", "new", SLUG, "--regulation", "22/2023/QH15")
        assert result.exit_code == 0, result.output
        ws = Workspace(root)
        _instructions(ws, WORDS_1, WORDS_2, WORDS_3, QUOTE_4, WORDS_5)
        assert lifecycle.check(ws, SLUG) == []  # it applies to the text it was written on
        rounds.open_round(ws, SLUG, "Lấy ý kiến", "2099-07-15", ["Bộ Tài chính"])
        added = run_cli(root, "comment", "add", SLUG, "--on", "d55.k2", "--by", "Bộ Tài chính",
                        "--text", "Đề nghị giữ nguyên.")
        assert added.exit_code == 0, added.output
        adoption.adopt(ws, "luat-57-2024", "2024-11-29", "2025-01-15", force="test")
        yield root


@pytest.fixture
def ws(adopted_since: Path, tmp_path: Path) -> Workspace:
    return luat_57_2024_copy(adopted_since, tmp_path)


def test_a_quote_with_its_own_words_inside_those_an_adoption_replaced_is_said_to_undo_it(ws: Workspace) -> None:
    _instructions(ws, QUOTE_4)
    problems = lifecycle.review(ws, SLUG).problems
    assert len(problems) == 1, [p.message for p in problems]
    [problem] = problems
    assert ("instruction 1 quotes điểm a khoản 3 Điều 58 as it read before 57/2024/QH15 (luat-57-2024) was adopted"
            in problem.message and f"where 57/2024/QH15 put “{PUT_BY_57}”" in problem.message), problem.message
    checked = run_cli(ws, "check")
    assert checked.exit_code == 1 and "would undo that change" in checked.output, checked.output
    lifecycle.set_number(ws, SLUG, "60/2024/QH15")
    with pytest.raises(RegdraftError, match="would undo that change"):
        adoption.adopt(ws, SLUG, "2025-02-10", "2025-03-01")
    assert PUT_BY_57 in (ws.root / "regulations" / "22-2023-QH15.md").read_text(encoding="utf-8")


# Khoản 1 Điều 19 as it read before 57/2024 (which rewrote it into a lead-in and points a-c), with “có liên quan”
# of the draft's own: the words 57/2024 took out stand again, and those it put in, counted, mostly do not.
QUOTE_19 = ("1\\. Sửa đổi, bổ sung khoản 1 Điều 19 như sau:\n\n“1\\. Tổ chuyên gia gồm các cá nhân có năng lực, kinh "
            "nghiệm được chủ đầu tư hoặc đơn vị tư vấn đấu thầu đối với lựa chọn nhà thầu, bên mời thầu đối với lựa "
            "chọn nhà đầu tư thành lập hoặc giao nhiệm vụ để thực hiện một hoặc các công việc: lập hồ sơ mời quan "
            "tâm, hồ sơ mời sơ tuyển, hồ sơ mời thầu, hồ sơ yêu cầu; đánh giá hồ sơ quan tâm, hồ sơ dự sơ tuyển, hồ "
            "sơ dự thầu, hồ sơ đề xuất, hồ sơ đăng ký thực hiện dự án đầu tư kinh doanh; thực hiện các nhiệm vụ khác "
            "có liên quan trong quá trình lựa chọn nhà thầu, nhà đầu tư.”.")

REDRAFTED_19 = ("1\\. Sửa đổi, bổ sung khoản 1 Điều 19 như sau:\n\n“1\\. Tổ chuyên gia gồm các cá nhân có năng lực, "
                "kinh nghiệm, có trách nhiệm thực hiện một hoặc các công việc: lập hồ sơ mời quan tâm, hồ sơ mời sơ "
                "tuyển, hồ sơ mời thầu, hồ sơ yêu cầu; đánh giá hồ sơ quan tâm, hồ sơ dự sơ tuyển, hồ sơ dự thầu, hồ "
                "sơ đề xuất, hồ sơ đăng ký thực hiện dự án đầu tư kinh doanh; thực hiện các nhiệm vụ khác có liên "
                "quan trong quá trình lựa chọn nhà thầu, nhà đầu tư. Việc thành lập tổ chuyên gia được thực hiện theo "
                "quy định sau:\n\na) Chủ đầu tư thành lập hoặc giao nhiệm vụ đối với lựa chọn nhà thầu;\n\nb) Bên "
                "mời quan tâm, bên mời thầu thành lập hoặc giao nhiệm vụ đối với lựa chọn nhà đầu tư;\n\nc) Đơn vị "
                "tư vấn thành lập đối với trường hợp thuê tư vấn để lập hồ sơ mời quan tâm, hồ sơ mời sơ tuyển, hồ sơ "
                "mời thầu, hồ sơ yêu cầu; đánh giá hồ sơ quan tâm, hồ sơ dự sơ tuyển, hồ sơ dự thầu, hồ sơ đề xuất, "
                "hồ sơ đăng ký thực hiện dự án đầu tư kinh doanh.”.")


def test_a_whole_clause_quoted_in_the_wording_an_adoption_rewrote_into_points_is_said_to_undo_it(
        ws: Workspace) -> None:
    # Sweep r44 CH F2: the quote of the old clause struck 57/2024's lead-in and points a-c with nothing said.
    _instructions(ws, QUOTE_19)
    [problem] = lifecycle.review(ws, SLUG).problems
    assert ("instruction 1 quotes khoản 1 Điều 19 as it read before 57/2024/QH15 (luat-57-2024) was adopted"
            in problem.message and "where 57/2024/QH15 put “, có trách nhiệm thực hiện" in problem.message
            and "would undo that change" in problem.message and "\n" not in problem.message), problem.message
    checked = run_cli(ws, "amend", "check", SLUG)
    assert checked.exit_code == 1 and "amend from-edits bs-cum-tu --edited FILE" in checked.output, checked.output
    # Redrafted on the text in force (57/2024's lead-in and points a-c kept), the same “có liên quan” is no problem.
    _instructions(ws, REDRAFTED_19)
    assert lifecycle.review(ws, SLUG).problems == ()


def test_words_reaching_a_point_an_adoption_added_since_are_a_warning(ws: Workspace) -> None:
    _instructions(ws, WORDS_2)
    reviewed = lifecycle.review(ws, SLUG)
    assert reviewed.problems == ()
    [warning] = [w for w in reviewed.warnings if "places now" in w.message]
    assert ("instruction 1 changes words in 2 places now, 1 when this draft was begun: 57/2024/QH15 (luat-57-2024), "
            "adopted since (effective 2025-01-15)" in warning.message
            and "it now also reaches điểm c khoản 1 Điều 19" in warning.message), warning.message
    for command in (("check",), ("redline", SLUG, "--changes")):
        result = run_cli(ws, *command)
        assert result.exit_code == 0 and "2 places now, 1 when this draft was begun" in result.output, result.output


def test_instructions_an_adoption_left_without_their_words_name_it_and_the_reverts_are_said_in_the_same_run(
        ws: Workspace) -> None:
    problems = {p.line: p.message for p in lifecycle.review(ws, SLUG).problems}
    first, quote, throughout = (problems[line] for line in sorted(problems))
    assert "“đơn vị tư vấn đấu thầu” is found 0 times in khoản 1 Điều 19" in first
    assert ("the instruction applied to the text this draft was begun on: 57/2024/QH15 (luat-57-2024, instruction 6), "
            "adopted since (effective 2025-01-15), changed it" in first), first
    assert "does not occur anywhere" in throughout and "57/2024/QH15 (luat-57-2024" in throughout, throughout
    # No one instruction took the phrase out: 1.a rewrote khoản 5 Điều 3, 14 Điều 42, 21 replaced it in the other
    # places; the three are named, where the adoption alone was (r43).
    assert "57/2024/QH15 (luat-57-2024, instructions 1.a, 14 and 21 together), adopted since" in throughout, throughout
    # Nothing to quote as it stands now: 57/2024 replaced the words everywhere (sweep r42 CK 5).
    assert ("took these words out; drop the instruction, or write it on the words that stand in their place"
            in throughout and "as they stand now" not in throughout), throughout
    # The quote of instruction 4, which applies, is checked in the same run (sweep CM 4).
    assert "instruction 4 quotes điểm a khoản 3 Điều 58" in quote and "would undo that change" in quote, quote


def test_the_comments_of_a_draft_that_no_longer_applies_are_listed_with_a_warning(ws: Workspace) -> None:
    listed = run_cli(ws, "comment", "list", SLUG)
    assert listed.exit_code == 0, listed.output
    assert "Đề nghị giữ nguyên" in listed.output, listed.output
    assert "is found 0 times in khoản 1 Điều 19" in listed.output, listed.output
    # Which instructions no longer apply, and the quote of instruction 4, which applies, said apart (sweep r42 CK 5).
    warning, _, reverts = listed.output.partition("Its other instructions apply, but their quotes would undo")
    assert ("warning: instructions 1 and 5 of bs-cum-tu no longer apply to the text in force since 57/2024/QH15 was "
            "adopted" in warning and "instruction 4 quotes" not in warning), listed.output
    assert "instruction 4 quotes điểm a khoản 3 Điều 58" in reverts, listed.output
    # --json says it too, on each comment placed nowhere, and claims no place for it.
    [item] = json.loads(run_cli(ws, "comment", "list", SLUG, "--json").stdout)
    assert item["state"] == "unknown" and item["now_at"] is None, item
    said = [w["message"] for w in item["warnings"]]
    assert said[0].startswith("instructions 1 and 5 of bs-cum-tu no longer apply") and any(
        "is found 0 times in khoản 1 Điều 19" in m for m in said) and any("would undo" in m for m in said), said


def test_a_redline_and_a_round_say_which_adoption_took_an_inserted_label(ws: Workspace, tmp_path: Path) -> None:
    """A redline (also `--changes`) and `amend preview` of a draft whose `Bổ sung khoản 4a` meets the khoản 4a 57/2024
    inserted name 57/2024 and the next free label, as `amend check` does; they said only "choose the next free
    label" (r43 sweep CH F2)."""
    _instructions(ws, "1\\. Bổ sung khoản 4a vào sau khoản 4 Điều 6 như sau:\n\n“4a. Nhà thầu nước ngoài được "
                      "tham dự thầu theo quy định của Luật này.”.")
    label = "label this one khoản 4b Điều 6 (the next free label)"
    assert any(label in p.message for p in lifecycle.review(ws, SLUG).problems)
    for command in (("redline", SLUG, "--format", "html", "-o", str(tmp_path / "r.html")),
                    ("redline", "22/2023/QH15", "--amendment", SLUG, "--changes"), ("amend", "preview", SLUG)):
        said = run_cli(ws, *command)
        assert said.exit_code == 1, (command, said.output)
        assert label in said.output and "57/2024/QH15 (luat-57-2024" in said.output, (command, said.output)
        assert "choose the next free label" not in said.output, (command, said.output)

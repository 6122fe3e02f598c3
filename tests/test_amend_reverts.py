"""A pending draft begun before another amendment was adopted, whose quote would silently undo that amendment.

Draft `tron-ven` quotes khoản 1 Điều 2 as it read when it was begun; meanwhile `cum-tu` replaces “Ban Chấp hành
Đảng bộ tỉnh” with “Ban Chấp hành Tỉnh ủy” throughout and is adopted. `amend conflicts` names the phrase while both
are pending; once `cum-tu` is adopted, `amend check tron-ven` (and `amend adopt`) says the quote puts the old words
back, naming `cum-tu`, the provision and the words.
"""

from __future__ import annotations

import datetime as dt

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.workspace import adoption, amendments, gates, lifecycle
from regdraft.workspace.store import Workspace

HEAD = """---
number: {number}
type: Quy chế
title: Quy chế sửa đổi, bổ sung một số điều của Quy chế thử nghiệm
regulation: MINI-QC
language: vi
status: draft
draft: 1
issuer: TỈNH ỦY ĐIỆN BIÊN
national: ĐẢNG CỘNG SẢN VIỆT NAM
place: Điện Biên
---

## Điều 1. Sửa đổi, bổ sung một số điều của Quy chế thử nghiệm

{instructions}

## Điều 2. Hiệu lực thi hành

Quy chế này có hiệu lực kể từ ngày ký.
"""
OLD_K1 = "Bảo đảm sự lãnh đạo tập trung, thống nhất, toàn diện của Ban Chấp hành Đảng bộ tỉnh."
QUOTE = f"1\\. Sửa đổi, bổ sung khoản 1 Điều 2 như sau:\n\n“1\\. {OLD_K1}”."
WORDS = ("1\\. Thay thế cụm từ “Ban Chấp hành Đảng bộ tỉnh” bằng cụm từ “Ban Chấp hành Tỉnh ủy” "
         "trong toàn bộ Quy chế.")


def _draft(ws: Workspace, slug: str, instructions: str, number: str = "null") -> None:
    text = HEAD.format(number=number, instructions=instructions)
    ws.commit({f"amendments/{slug}/amendment.md": text.encode("utf-8")}, f"Draft {slug}")


def _adopt_words(ws: Workspace) -> None:
    adoption.adopt(ws, "cum-tu", "2025-03-01", force="test")


def test_conflicts_name_a_phrase_replaced_throughout_inside_a_provision_the_other_quotes(
        mini_workspace: Workspace) -> None:
    _draft(mini_workspace, "tron-ven", QUOTE)
    _draft(mini_workspace, "cum-tu", WORDS, "05-QC/TU")
    described = [c.describe() for c in lifecycle.pending_conflicts(mini_workspace)]
    assert any("cum-tu (instruction 1, line 16) changes words throughout the text, so also in khoản 1 Điều 2"
               in d and "tron-ven (instruction 1, line 16) amends khoản 1 Điều 2" in d for d in described), described


def test_a_draft_begun_before_an_adoption_whose_quote_undoes_it_is_a_problem(mini_workspace: Workspace) -> None:
    _draft(mini_workspace, "tron-ven", QUOTE)
    _draft(mini_workspace, "cum-tu", WORDS, "05-QC/TU")
    assert lifecycle.check(mini_workspace, "tron-ven") == []
    _adopt_words(mini_workspace)
    assert "Ban Chấp hành Tỉnh ủy" in mini_workspace.read("regulations/MINI-QC.md").decode()
    [problem] = lifecycle.check(mini_workspace, "tron-ven")
    assert problem.line == 16
    assert ("instruction 1 quotes khoản 1 Điều 2 as it read before 05-QC/TU (cum-tu) was adopted" in problem.message
            and "“Đảng bộ tỉnh” where 05-QC/TU put “Tỉnh ủy”" in problem.message), problem.message
    # Adopting it refuses on the same finding (past it only with a reason).
    lifecycle.set_number(mini_workspace, "tron-ven", "06-QC/TU")
    with pytest.raises(RegdraftError, match="would undo that change") as refused:
        adoption.adopt(mini_workspace, "tron-ven", "2025-03-02")
    # Said once, by its own gate (not again as `amend check`'s problem, a gate no reason passes), and passed with one.
    assert str(refused.value).count("would undo") == 1 and "amend check" not in str(refused.value)
    adoption.adopt(mini_workspace, "tron-ven", "2025-03-02", force="the committee restores the older words")
    assert "Đảng bộ tỉnh" in mini_workspace.read("regulations/MINI-QC.md").decode()


def test_a_draft_begun_after_the_adoption_quoting_the_text_in_force_is_no_problem(mini_workspace: Workspace) -> None:
    _draft(mini_workspace, "cum-tu", WORDS, "05-QC/TU")
    _adopt_words(mini_workspace)
    _draft(mini_workspace, "sau", QUOTE.replace("Ban Chấp hành Đảng bộ tỉnh", "Ban Chấp hành Tỉnh ủy"))
    assert lifecycle.check(mini_workspace, "sau") == []


QC_K1 = ("Ban Chấp hành Đảng bộ tỉnh làm việc theo nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách; "
         "chấp hành nghiêm Điều lệ Đảng, các nghị quyết, chỉ thị, quy định, quyết định, kết luận của Ban Chấp hành "
         "Trung ương Đảng khóa XII, Bộ Chính trị, Ban Bí thư và pháp luật của Nhà nước.")
QC_WORDS = ("1\\. Thay thế cụm từ “nghị quyết, chỉ thị, quy định, quyết định, kết luận” bằng cụm từ “văn bản” tại "
            "khoản 1 Điều 3.")


def _qc_draft(ws: Workspace, slug: str, instructions: str, number: str = "null") -> None:
    text = HEAD.format(number=number, instructions=instructions).replace("regulation: MINI-QC", "regulation: 01-QC/TU")
    ws.commit({f"amendments/{slug}/amendment.md": text.encode("utf-8")}, f"Draft {slug}")


def test_a_quote_with_a_word_of_its_own_among_those_an_adoption_replaced_still_undoes_it(
        tmp_workspace: Workspace) -> None:
    # Its own “hướng dẫn” stands in the middle of the words `van-ban` replaced: no run of its edit holds them whole.
    spliced = QC_K1.replace("quy định, quyết định", "quy định, hướng dẫn, quyết định")
    _qc_draft(tmp_workspace, "tron-ven", f"1\\. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:\n\n“1\\. {spliced}”.")
    _qc_draft(tmp_workspace, "van-ban", QC_WORDS, "07-QC/TU")
    adoption.adopt(tmp_workspace, "van-ban", "2025-03-01", force="test")
    [problem] = lifecycle.check(tmp_workspace, "tron-ven")
    assert ("quotes khoản 1 Điều 3 as it read before 07-QC/TU (van-ban) was adopted" in problem.message
            and "where 07-QC/TU put “văn bản”, so adopting it would undo" in problem.message), problem.message


def test_a_quote_that_changes_words_the_adoption_did_not_touch_is_no_problem(tmp_workspace: Workspace) -> None:
    in_force = QC_K1.replace("nghị quyết, chỉ thị, quy định, quyết định, kết luận", "văn bản")
    _qc_draft(tmp_workspace, "tron-ven", f"1\\. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:\n\n“1\\. {QC_K1}”.")
    _qc_draft(tmp_workspace, "van-ban", QC_WORDS, "07-QC/TU")
    adoption.adopt(tmp_workspace, "van-ban", "2025-03-01", force="test")
    # Redrafted on the text in force, with a change of its own elsewhere: its base is still the first version.
    _qc_draft(tmp_workspace, "tron-ven", "1\\. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:\n\n“1\\. "
              f"{in_force.replace('khóa XII', 'khóa XIII')}”.")
    assert lifecycle.check(tmp_workspace, "tron-ven") == []


def test_a_label_an_adoption_took_since_the_draft_was_begun_names_it_and_the_next_free_label(
        tmp_workspace: Workspace) -> None:
    insert = "1\\. Bổ sung khoản 5a vào sau khoản 5 Điều 3 như sau:\n\n“5a. {}”."
    _qc_draft(tmp_workspace, "muon", insert.format("Bảo đảm đúng tiến độ."))
    _qc_draft(tmp_workspace, "som", insert.format("Bảo đảm công khai."), "07-QC/TU")
    adoption.adopt(tmp_workspace, "som", "2025-03-01", force="test")
    [problem] = lifecycle.check(tmp_workspace, "muon")
    assert "khoản 5a Điều 3 already exists" in problem.message and "choose the next" not in problem.message
    assert ("07-QC/TU (som, instruction 1), adopted since this draft was begun (effective 2025-03-01), inserted "
            "khoản 5a Điều 3: label this one khoản 5b Điều 3" in problem.message), problem.message


def test_words_a_later_adoption_already_took_out_are_not_blamed_on_a_quote_of_the_text_in_force(
        mini_workspace: Workspace) -> None:
    # `cum-tu` puts “Tỉnh ủy” into khoản 1 Điều 2; `viet-lai`, adopted after it, rewrites the clause without those
    # words. `tron-ven`, begun before both, quotes the text in force with words of its own (sweep r42 CK 1).
    rewritten = "Bảo đảm sự lãnh đạo tập trung, thống nhất của cấp ủy."
    _draft(mini_workspace, "tron-ven", QUOTE)
    _draft(mini_workspace, "cum-tu", WORDS.replace("trong toàn bộ Quy chế", "tại khoản 1 Điều 2"), "05-QC/TU")
    _draft(mini_workspace, "viet-lai", f"1\\. Sửa đổi, bổ sung khoản 1 Điều 2 như sau:\n\n“1\\. {rewritten}”.",
           "06-QC/TU")
    _adopt_words(mini_workspace)
    adoption.adopt(mini_workspace, "viet-lai", "2025-04-01", force="test")
    # Quoting the text as `cum-tu` left it undoes `viet-lai` only.
    between = QUOTE.replace("Ban Chấp hành Đảng bộ tỉnh", "Ban Chấp hành Tỉnh ủy")
    _draft(mini_workspace, "tron-ven", between)
    problems = lifecycle.check(mini_workspace, "tron-ven")
    assert problems and all("06-QC/TU (viet-lai)" in p.message and "cum-tu" not in p.message
                            for p in problems), [p.message for p in problems]
    own = rewritten.replace("cấp ủy.", "cấp ủy theo Điều lệ Đảng.")
    _draft(mini_workspace, "tron-ven", f"1\\. Sửa đổi, bổ sung khoản 1 Điều 2 như sau:\n\n“1\\. {own}”.", "07-QC/TU")
    assert lifecycle.check(mini_workspace, "tron-ven") == []
    tron_ven = amendments.load(mini_workspace, "tron-ven")
    day = dt.date(2025, 5, 1)
    assert [r.gate for r in gates.refusals(mini_workspace, tron_ven, day, day) if r.gate == "reverts"] == []


def test_words_found_more_times_in_the_same_clause_since_the_draft_was_begun_are_a_warning(
        mini_workspace: Workspace) -> None:
    # `viet-lai`, adopted since `cum-tu-2` was begun, rewrites khoản 1 Điều 2 so that it holds the phrase twice: the
    # places are the same, the words are replaced twice (sweep r42 CK 2).
    words = "1\\. Thay thế cụm từ “Đảng bộ tỉnh” bằng cụm từ “Tỉnh ủy” tại khoản 1 Điều 2."
    twice = ("Bảo đảm sự lãnh đạo của Ban Chấp hành Đảng bộ tỉnh; Ban Chấp hành Đảng bộ tỉnh làm việc theo "
             "nguyên tắc tập trung dân chủ.")
    _draft(mini_workspace, "cum-tu-2", words)
    assert lifecycle.review(mini_workspace, "cum-tu-2").warnings == ()
    _draft(mini_workspace, "viet-lai", f"1\\. Sửa đổi, bổ sung khoản 1 Điều 2 như sau:\n\n“1\\. {twice}”.",
           "06-QC/TU")
    adoption.adopt(mini_workspace, "viet-lai", "2025-04-01", force="test")
    reviewed = lifecycle.review(mini_workspace, "cum-tu-2")
    assert reviewed.problems == ()
    [warning] = [w.message for w in reviewed.warnings if "when this draft was begun" in w.message]
    assert ("instruction 1 changes words at 2 occurrences now, 1 when this draft was begun, in the same provision: "
            "06-QC/TU (viet-lai), adopted since (effective 2025-04-01)" in warning
            and "khoản 1 Điều 2 holds “Đảng bộ tỉnh” 2 times now, once before" in warning), warning


def test_words_an_adoption_since_replaced_the_same_way_say_the_change_is_made_already(
        mini_workspace: Workspace) -> None:
    # `cum-tu`, adopted since `tinh-uy` was begun, replaced “Ban Chấp hành Đảng bộ tỉnh” throughout: khoản 1 Điều 2
    # reads “Tỉnh ủy” already, there is nothing to quote as it stands now (sweep r42 CK 5).
    _draft(mini_workspace, "tinh-uy", "1\\. Thay thế cụm từ “Đảng bộ tỉnh” bằng cụm từ “Tỉnh ủy” tại khoản 1 Điều 2.")
    _draft(mini_workspace, "cum-tu", WORDS, "05-QC/TU")
    _adopt_words(mini_workspace)
    [problem] = lifecycle.check(mini_workspace, "tinh-uy")
    assert "“Đảng bộ tỉnh” is found 0 times in khoản 1 Điều 2" in problem.message, problem.message
    assert ("05-QC/TU (cum-tu, instruction 1), adopted since (effective 2025-03-01), made the same change already; "
            "drop the instruction" in problem.message and "as they stand now" not in problem.message), problem.message


def test_a_quote_too_long_to_compare_word_by_word_is_a_warning_not_silence(mini_workspace: Workspace) -> None:
    # r43 sweep CI F4: khoản 1 Điều 2 one sentence of 1,100 words; an adoption since the draft was begun changes every
    # fourth word, so no stretch of the sentence is left alike and the word comparison (its work bounded) reads it
    # all taken out and all put in: the quote undoing every edit went unsaid ("no problems found").
    words = [f"mục{k}" for k in range(1100)]
    long = " ".join(words) + "."
    edited = " ".join(f"điểm{k}" if k % 4 == 0 else w for k, w in enumerate(words)) + "."
    _draft(mini_workspace, "dai", f"1\\. Sửa đổi, bổ sung khoản 1 Điều 2 như sau:\n\n“1\\. {long}”.", "05-QC/TU")
    adoption.adopt(mini_workspace, "dai", "2025-03-01", force="test")
    _draft(mini_workspace, "tron-ven", f"1\\. Sửa đổi, bổ sung khoản 1 Điều 2 như sau:\n\n“1\\. {long} Thêm.”.")
    _draft(mini_workspace, "moi", f"1\\. Sửa đổi, bổ sung khoản 1 Điều 2 như sau:\n\n“1\\. {edited}”.", "06-QC/TU")
    adoption.adopt(mini_workspace, "moi", "2025-04-01", force="test")
    reviewed = lifecycle.review(mini_workspace, "tron-ven")
    [warning] = [w for w in reviewed.warnings if "word by word" in w.message]
    assert warning.line == 16 and warning.warning
    assert ("instruction 1 quotes khoản 1 Điều 2, which 06-QC/TU (moi) changed when it was adopted" in warning.message
            and "of 1100 words changed there" in warning.message and "was not checked" in warning.message), warning

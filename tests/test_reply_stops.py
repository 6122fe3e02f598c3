"""`reply_stops`: a line before the draft read without the final punctuation that Reject left elsewhere."""

from __future__ import annotations

from regdraft.core.reply_stops import stopped, unended, unplaced


def test_a_line_is_keyed_without_its_stop_only_where_no_other_line_reads_so() -> None:
    table = {"miễnnhiệm.": {"a"}, "bổnhiệm;": {"b"}, "bổnhiệm.": {"c"}, "quyđịnh": {"d"}, "quyđịnh.": {"e"}}
    # `bổ nhiệm` may be either line, `quy định` is a line itself: neither is read by its words without a stop.
    assert unended(table) == {"miễnnhiệm": (".", {"a"})}


def test_the_stop_is_given_back_to_the_member_s_text_that_lacks_one() -> None:
    assert stopped("Thủ trưởng … miễn nhiệm ", ".") == "Thủ trưởng … miễn nhiệm."
    assert stopped("bổ nhiệm;", ".") == "bổ nhiệm;" and stopped("", ".") == "" and stopped("a", "") == "a"


def test_the_placeholder_after_words_back_is_left_out_but_after_a_label_alone_kept() -> None:
    # Reject on a repeal's deletion alone: the words back, the inserted placeholder left after them.
    assert unplaced("5. Cơ quan kiểm soát làm.(được bãi bỏ)", "(được bãi bỏ)") == "5. Cơ quan kiểm soát làm."
    assert unplaced("b) The Office shall keep them; (repealed) ", "(repealed)") == "b) The Office shall keep them;"
    # Nothing back (the placeholder alone, or the words still struck out): as it is.
    assert unplaced("5. (được bãi bỏ)", "(được bãi bỏ)") == "5. (được bãi bỏ)"
    assert unplaced("5. Cơ quan kiểm soát thực hiện.", "(được bãi bỏ)") == "5. Cơ quan kiểm soát thực hiện."

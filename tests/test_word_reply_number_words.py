"""A Word reply's tracked replacement inside a number written in words is quoted as the whole number
(r33 word33 item 2): `20 (hai` by `30 (ba` in `20 (hai mươi) ngày` split the word group `hai mươi`."""

from __future__ import annotations

import re

import pytest

from regdraft.core.amend.phrases import count
from regdraft.core.reply_phrases import whole_number
from regdraft.core.reply_wording import describe_change

LINE = "Quyết định phải được ban hành chậm nhất trước {} ngày làm việc, kể từ ngày {} nhận đủ hồ sơ."


def _quoted(said: str) -> list[tuple[str, str]]:
    return re.findall(r"thay “([^”]*)” bằng “([^”]*)”", said)


@pytest.mark.parametrize(("before", "after", "old", "new"), [
    ("20 (hai mươi)", "30 (ba mươi)", "20 (hai mươi)", "30 (ba mươi)"),
    ("25 (hai mươi lăm)", "35 (ba mươi lăm)", "25 (hai mươi lăm)", "35 (ba mươi lăm)"),
    ("15 (mười lăm)", "10 (mười)", "15 (mười lăm)", "10 (mười)"),
    ("03 (ba)", "05 (năm)", "03 (ba)", "05 (năm)"),
])
def test_a_number_in_words_is_quoted_whole(before: str, after: str, old: str, new: str) -> None:
    provision = LINE.format(before, "cơ quan")
    changed = LINE.format(after, "cơ quan")
    [(a, b)] = _quoted(describe_change(provision, changed))
    assert (a, b) == (old, new)
    # Still one place in the provision, and still turning it into the text proposed.
    assert count(provision, a) == 1
    assert provision.replace(a, b) == changed


def test_the_words_a_member_replaced_inside_the_number_are_widened_as_word_tracked_them() -> None:
    # The member selected `20 (hai` and typed `30 (ba`, as the sweep's Word reply tracked it.
    line = "Trong thời hạn 20 (hai mươi) ngày làm việc."
    assert whole_number("20 (hai", "30 (ba", "Trong thời hạn ", " mươi) ngày làm việc.", line) == (
        "20 (hai mươi)", "30 (ba mươi)")


def test_words_that_are_no_number_stay_as_they_were() -> None:
    line = "Họp ba tháng một lần."
    assert _quoted(describe_change(line, "Họp hai tháng một lần.")) == [("ba", "hai")]
    assert whole_number("ba", "hai", "Họp ", " tháng một lần.", line) == ("ba", "hai")


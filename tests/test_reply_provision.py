"""What a proposal undoing a draft's change says and is typed (r42 word42): past a few changes named one by one, the
provision's wording whole; substantive, but for punctuation alone. Pure core: `reply_provision`."""

from __future__ import annotations

import pytest

from regdraft.core.comments import CommentType
from regdraft.core.markdown import parse
from regdraft.core.reply_provision import rejected_kind, said_instead, said_left_out, said_whole
from regdraft.core.reply_wording import Edit, Said, describe_change

# khoản 5 Điều 29 of Nghị định 63/2010, which 48/2013 repeals.
K5 = ("5. Cơ quan kiểm soát thủ tục hành chính thực hiện việc rà soát, đánh giá độc lập thủ tục hành chính thông qua "
      "việc chủ trì tổ chức rà soát, đánh giá thủ tục hành chính hoặc xem xét kết quả rà soát, đánh giá thủ tục hành "
      "chính của Bộ, cơ quan ngang Bộ, Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương.")


def test_the_wording_whole_past_a_few_changes_in_english() -> None:
    old = "1. The Office shall publish the forms on its website, with their fees and the dates, within ten days."
    new = "1. The Ministry may publish the forms on its portal, with their charges and the times, in five days."
    said = describe_change(old, new, "en")
    assert isinstance(said, Said) and said.phrases > 3, said
    assert said_whole(said, "d5.k1", new, "en") == f"Proposed: clause 1, Article 5 to read as follows: “{new}”."
    few = describe_change(old, old.replace("Office", "Ministry"), "en")
    assert said_whole(few, "d5.k1", old, "en") == few == "Proposed wording: replace “Office” with “Ministry”."


_BASE = """---
id: T-QC-EN
type: Regulations
title: Test Regulations
language: en
issuer: DIEN BIEN PROVINCIAL PARTY COMMITTEE
signed: 2021-01-09
---

## Article 1. The Office

1\\. The Office shall keep the records.

2\\. The Office shall publish the forms within ten days.

3\\. The Office shall report each year.
"""


@pytest.mark.parametrize(("at", "written", "said"), [
    ("d1.k4", "4. The Office shall publish the forms within ten days.",
     "Proposed: keep clause 2, Article 1 as in force, instead of the draft's clause 4, Article 1: "
     "“4. The Office shall publish the forms within ten days.”."),
    ("d1.k2", "2. The Office shall publish the forms within ten days.", "summary"),
    ("d1.k4", "4. The Office shall publish the forms within five days.", "summary"),
], ids=["another-clause-back", "the-same-clause-back", "no-clause-word-for-word"])
def test_an_old_clause_back_in_another_s_place_is_named_kept_as_in_force(at: str, written: str, said: str) -> None:
    # Reject in a Word redline brought the old clause 2 back word for word where the draft puts a clause 4.
    bases = (("", parse(_BASE)),)
    assert said_instead("summary", ("", at), written, bases, "en") == said


@pytest.mark.parametrize(("old", "new", "kind"), [
    ("2. Văn phòng có trách nhiệm đăng tải dữ liệu;", "2. Văn phòng có trách nhiệm đăng tải dữ liệu.",
     CommentType.EDITORIAL),
    ("2. Văn phòng, Bộ có trách nhiệm", "2. Văn phòng Bộ có trách nhiệm", CommentType.EDITORIAL),
    ("2. Cục Kiểm soát có trách nhiệm", "2. Cơ quan kiểm soát có trách nhiệm", CommentType.SUBSTANTIVE),
    ("5. (được bãi bỏ)", K5, CommentType.SUBSTANTIVE),
    ("3. Bộ Tư pháp chịu trách nhiệm theo dõi.", "", CommentType.SUBSTANTIVE),
    ("trong 10 ngày", "trong 15 ngày", CommentType.SUBSTANTIVE),
    ("cơ quan nhà nước", "cơ quan Nhà nước", CommentType.SUBSTANTIVE),
], ids=["full-stop", "comma", "words", "repeal", "insertion", "number", "capital"])
def test_a_rejection_is_substantive_but_for_punctuation_alone(old: str, new: str, kind: CommentType) -> None:
    assert rejected_kind([Edit(old, new)]) is kind


@pytest.mark.parametrize(("summary", "language", "said"), [
    ("Proposed: repeal Article 35a.", "en", "Proposed: do not insert Article 35a."),
    ("Đề nghị bãi bỏ Điều 35a.", "vi", "Đề nghị không bổ sung Điều 35a."),
    ("Proposed wording: delete “Kiểm tra”.", "en", "Proposed wording: delete “Kiểm tra”."),
], ids=["en", "vi", "not-whole"])
def test_an_inserted_provision_rejected_whole_is_proposed_not_inserted(summary: str, language: str, said: str) -> None:
    assert said_left_out(summary, "d35a", language) == said

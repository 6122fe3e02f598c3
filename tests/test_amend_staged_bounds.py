"""An entry-into-force sentence listing many provisions the document lacks gives one warning a sentence, not one a
provision each quoting it whole, and a number of days past any calendar is a date regdraft cannot read, not an
OverflowError (sweep r25 I, defect 5). The sizes are those that flooded `amend check` (41 s, 44 MB of output)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from regdraft.core.amend.document import Amendment, load_amendment
from regdraft.core.amend.entry import EntryIntoForce
from regdraft.core.amend.staged import dated_parts, unresolved, unresolved_sentences
from tests.conftest import SHIPPED_AMENDMENT
from tests.test_amend_staged import OWN, SHIPPED

SIGNED = dt.date(2025, 3, 15)


def _with(sentence: str) -> Amendment:
    text = (Path(__file__).parents[1] / SHIPPED).read_text(encoding="utf-8")
    return load_amendment(text.replace(OWN, sentence), SHIPPED.as_posix(), SHIPPED_AMENDMENT)


def test_a_sentence_citing_many_provisions_the_document_lacks_gives_one_warning_of_each_kind() -> None:
    absent = ", ".join(f"khoản {i} Điều 30" for i in range(1, 1501))
    not_instructions = ", ".join(f"khoản {i} Điều 1" for i in range(50, 55))
    sentence = (f"Quy chế này có hiệu lực kể từ ngày ký; quy định tại {not_instructions}, {absent} có hiệu lực thi "
                "hành từ ngày 01 tháng 7 năm 2025.")
    problems = unresolved(_with(sentence))
    messages = [p.message for p in problems]
    assert len(messages) == 2, [m[:300] for m in messages]
    assert ("but regdraft cannot apply it: khoản 50 Điều 1, khoản 51 Điều 1, khoản 52 Điều 1 and 2 more (5 "
            "provisions) are no instructions of the document; every instruction would take effect on the "
            "document's own date") in messages[0]
    assert ("but regdraft cannot apply it: the document has no khoản 1 Điều 30, khoản 2 Điều 30, khoản 3 Điều 30 or "
            "1,497 more (1,500 provisions); every instruction") in messages[1]
    for message in messages:  # the sentence (27 KB) quoted by its start
        assert message.startswith("Điều 3 says “Quy chế này có hiệu lực kể từ ngày ký; quy định tại khoản 50 Điều 1")
        assert "…”, but regdraft cannot apply it" in message and len(message) < 700


def test_a_few_provisions_the_document_lacks_are_all_named_and_the_sentence_quoted_whole() -> None:
    sentence = ("Quy định tại khoản 5 Điều 30 và khoản 6 Điều 30 của Quy chế này có hiệu lực từ ngày 01 tháng 7 "
                "năm 2025.")
    (said,) = unresolved_sentences(_with(f"{OWN} {sentence}"))
    assert said == (f"Điều 3 says “{sentence}”, but regdraft cannot apply it: the document has no khoản 5 Điều 30 or "
                    "khoản 6 Điều 30")


@pytest.mark.parametrize("days", ["2026202645", "9" * 5000])
def test_a_number_of_days_past_any_calendar_is_a_date_regdraft_cannot_read(days: str) -> None:
    # `sau 2026202645 ngày kể từ ngày ký` (a year typed into the days) raised OverflowError.
    entry = EntryIntoForce("Điều 3", f"Quy chế này có hiệu lực sau {days} ngày kể từ ngày ký.")
    assert entry.dates(SIGNED) == [None] and entry.date(SIGNED) is None
    assert EntryIntoForce("Điều 3", "Quy chế này có hiệu lực sau 45 ngày kể từ ngày ký.").date(SIGNED) == \
        dt.date(2025, 4, 29)
    dated = _with(f"Quy chế này có hiệu lực kể từ ngày ký; quy định tại khoản 9 Điều 1 có hiệu lực sau {days} ngày "
                  "kể từ ngày ký.")
    assert dated_parts(dated) == []
    assert any("it names no date regdraft can read" in p.message for p in unresolved(dated))

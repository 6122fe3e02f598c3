"""A title printed in capitals gets its names' capitals back from the sentence that issues it (`cased_like`)."""

from __future__ import annotations

from regdraft.importer.names import cased_like

ISSUING = ("Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch số 21/2017/QH14 đã được sửa đổi, bổ sung một số "
           "điều theo Luật số 15/2023/QH15 và Luật số 43/2024/QH15; Luật Đầu tư số 61/2020/QH14; Luật Đấu thầu số "
           "22/2023/QH15.")


def test_names_take_the_capitals_of_the_issuing_sentence() -> None:
    lowered = "Luật Sửa đổi, bổ sung một số điều của luật quy hoạch, luật đầu tư và luật đấu thầu"
    assert cased_like(lowered, ISSUING) == ("Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư và "
                                            "Luật Đấu thầu")


def test_a_capital_at_the_start_of_a_phrase_alone_is_not_taken() -> None:
    # `Nghị định số …` in the sentence does not make the common noun in `các nghị định liên quan` a name.
    issuing = "Nghị định sửa đổi một số điều của Nghị định số 63/2010/NĐ-CP của Chính phủ."
    assert cased_like("Nghị định sửa đổi một số điều của các nghị định liên quan", issuing) == \
        "Nghị định sửa đổi một số điều của các nghị định liên quan"


def test_words_the_sentence_writes_two_ways_or_not_at_all_stay_as_they_are() -> None:
    issuing = "Quy chế về Văn phòng Tỉnh ủy; quy định của văn phòng tỉnh ủy."
    assert cased_like("Quy chế về văn phòng tỉnh ủy", issuing) == "Quy chế về văn phòng tỉnh ủy"
    assert cased_like("Quy chế làm việc", "Luật Đấu thầu") == "Quy chế làm việc"
    assert cased_like("quy chế", "Quy Chế") == "quy Chế"  # the first word, the document type, is never changed

"""`amend conflicts` on a phrase one pending draft replaces throughout and words another changes in a provision
where that phrase stands (office sweep r22: a1 replaces “Company Secretary” throughout, a2 replaces it in clause 1
of Article 7; conflicts said "No conflicts", and once a1 was adopted a2 found the words 0 times).

A change of words throughout touches every provision the phrase stands in, so it overlaps a change of words
there, in the text in force or among the words the other puts there; not a provision the phrase is not in.
"""

from __future__ import annotations

from regdraft.core.amend import Amendment, load_amendment
from regdraft.core.amend.conflicts import between
from tests.test_amend_apply import regulation


def _draft(slug: str, body: str, language: str) -> Amendment:
    reg = "02-QC/TU" if language == "vi" else "02-QC/TU-EN"
    head = "Điều 1. Sửa đổi, bổ sung một số điều" if language == "vi" else "Article 1. Amendments"
    text = (f"---\nnumber: null\ntitle: Test\nregulation: {reg}\nlanguage: {language}\nstatus: draft\n"
            f"draft: 1\n---\n\n## {head}\n\n{body.strip()}\n")
    return load_amendment(text, f"amendments/{slug}/amendment.md", slug)


def _conflicts(first: str, second: str, language: str) -> list[str]:
    text = regulation(language)
    found = between([_draft("a1", first, language), _draft("a2", second, language)], {text.id: text})
    return [c.describe(language) for c in found]


EN_THROUGHOUT = "1\\. The words “Executive Committee” are replaced with the words “Board” throughout these Regulations."
VI_THROUGHOUT = ("1\\. Thay thế cụm từ “Ban Chấp hành Đảng bộ tỉnh” bằng cụm từ “Ban Chấp hành Tỉnh ủy” "
                 "trong toàn bộ Quy chế.")


def test_english_words_changed_throughout_and_in_a_clause_holding_them_conflict() -> None:
    second = "1\\. The words “Executive Committee” are replaced with the words “Committee” in clause 1 of Article 1."
    assert _conflicts(EN_THROUGHOUT, second, "en") == [
        "a1 (instruction 1, line 12) changes words throughout the text, so also in clause 1 of Article 1; "
        "a2 (instruction 1, line 12) changes words in clause 1 of Article 1."]
    # the same when the draft changing words throughout comes second
    assert _conflicts(second, EN_THROUGHOUT, "en") == [
        "a1 (instruction 1, line 12) changes words in clause 1 of Article 1; "
        "a2 (instruction 1, line 12) changes words throughout the text, so also in clause 1 of Article 1."]


def test_vietnamese_words_changed_throughout_and_in_a_clause_holding_them_conflict() -> None:
    second = "1\\. Thay thế cụm từ “Ban Chấp hành Đảng bộ tỉnh” bằng cụm từ “Tỉnh ủy” tại khoản 1 Điều 1."
    assert _conflicts(VI_THROUGHOUT, second, "vi") == [
        "a1 (instruction 1, line 12) changes words throughout the text, so also in khoản 1 Điều 1; "
        "a2 (instruction 1, line 12) changes words in khoản 1 Điều 1."]


def test_words_changed_in_a_title_or_put_back_by_the_other_conflict_too() -> None:
    title = ("1\\. The words “Executive Committee” are replaced with the words “Council” in the title of "
             "Article 3.")
    assert _conflicts(EN_THROUGHOUT, title, "en") == [
        "a1 (instruction 1, line 12) changes words throughout the text, so also in Article 3; "
        "a2 (instruction 1, line 12) changes words in the title of Article 3."]
    # the other's new words put the phrase back where it did not stand
    back = ("1\\. The words “Standing Committee” are replaced with the words “Executive Committee” in clause 2 of "
            "Article 1.")
    assert len(_conflicts(EN_THROUGHOUT, back, "en")) == 1


def test_words_changed_where_the_phrase_does_not_stand_are_no_conflict() -> None:
    elsewhere = ("1\\. The words “Standing Committee” are replaced with the words “Standing Board” in clause 2 of "
                 "Article 1.")
    assert _conflicts(EN_THROUGHOUT, elsewhere, "en") == []
    vi = "1\\. Thay thế cụm từ “Ban Thường vụ Tỉnh ủy” bằng cụm từ “Ban Thường vụ” tại khoản 2 Điều 1."
    assert _conflicts(VI_THROUGHOUT, vi, "vi") == []


def test_two_phrases_replaced_throughout_that_meet_conflict() -> None:
    # Two drafts each changing words throughout were never compared: one phrase holding the other (whichever is
    # adopted second finds fewer places, or none), or one's new words holding the other's phrase.
    inner = "1\\. Thay thế cụm từ “Ban Chấp hành” bằng cụm từ “Ban Chấp hành Đảng bộ” trong toàn bộ Quy chế."
    assert _conflicts(VI_THROUGHOUT, inner, "vi") == [
        "a1 (instruction 1, line 12) changes words throughout the text, so also in khoản 1 Điều 1; "
        "a2 (instruction 1, line 12) changes words throughout the text, so also in khoản 1 Điều 1."]
    assert len(_conflicts(inner, VI_THROUGHOUT, "vi")) == 1  # the same, the other way round
    made = "1\\. Thay thế cụm từ “Ban Chấp hành Tỉnh ủy” bằng cụm từ “Tỉnh ủy” trong toàn bộ Quy chế."
    assert len(_conflicts(VI_THROUGHOUT, made, "vi")) == 1  # the first's new words are the second's phrase
    apart = "1\\. Thay thế cụm từ “Ban Thường vụ Tỉnh ủy” bằng cụm từ “Ban Thường vụ” trong toàn bộ Quy chế."
    assert _conflicts(VI_THROUGHOUT, apart, "vi") == []

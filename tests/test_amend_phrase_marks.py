"""‘ ’ or « » around the phrases of a words instruction (sweep r22 s12drafter defect 4): the advice nested them in “ ”
(`“‘12 tháng’”`), a phrase then found nowhere; they are read as “ ” and named as those around new text are. And a
conflict between two instructions cites an English provision as English lists do (defect 5)."""

from __future__ import annotations

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.conflicts import instruction_conflicts
from regdraft.core.amend.document import read_amendment
from regdraft.core.errors import ParseError
from regdraft.core.markdown_writer import render
from regdraft.importer import import_file

from .conftest import CORPUS, in_corpus, needs_corpus

SOURCE = "amendments/q1/amendment.md"
HEAD = "---\nregulation: 09/2017/QH14\nstatus: draft\ndraft: 1\n---\n\n## Điều 1. Sửa đổi\n\n"  # body on line 9
SIGNED = HEAD.replace("draft: 1", "draft: 1\nsigned: 2025-03-28\neffective: 2025-04-01")  # body on line 11
EN_HEAD = HEAD.replace("regulation: 09/2017/QH14", "regulation: 01-QC/TU-EN\nlanguage: en")  # body on line 10


def problems(body: str, head: str = HEAD) -> list[str]:
    with pytest.raises(ParseError) as info:
        load_amendment(head + body, SOURCE, "q1")
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(("opening", "closing"), [("‘", "’"), ("«", "»")])
def test_phrases_in_single_marks_are_named_and_the_advice_quotes_them_once(opening: str, closing: str) -> None:
    sentence = f"Thay thế cụm từ {opening}12 tháng{closing} bằng cụm từ {opening}06 tháng{closing} tại khoản 3 Điều 64."
    # Was: "the phrases '‘12 tháng’' and '‘06 tháng’' need to be in quotation marks “…”: '… cụm từ “‘12 tháng’” …".
    assert problems(f"1\\. {sentence}\n") == [
        f"{SOURCE}:9: instruction 1 ({sentence}): the phrases {opening}12 tháng{closing} and "
        f"{opening}06 tháng{closing} are in the quotation marks {opening} {closing} (as Word may paste them), not "
        f"“ ”; write “ instead of {opening} and ” instead of {closing}: 'Thay thế cụm từ “12 tháng” bằng cụm từ "
        "“06 tháng” tại khoản 3 Điều 64.'."]
    repeal = f"Bãi bỏ cụm từ {opening}và cơ quan thu hồi thẻ{closing} tại khoản 2 Điều 64."
    assert problems(f"1\\. {repeal}\n") == [
        f"{SOURCE}:9: instruction 1 ({repeal}): the phrase {opening}và cơ quan thu hồi thẻ{closing} is in the "
        f"quotation marks {opening} {closing} (as Word may paste them), not “ ”; write “ instead of {opening} and ” "
        f"instead of {closing}: 'Bãi bỏ cụm từ “và cơ quan thu hồi thẻ” tại khoản 2 Điều 64.'."]


def test_english_phrases_in_single_marks_are_named() -> None:
    sentence = "The words ‘Standing Office’ are replaced with the words ‘Permanent Office’ in clause 2 of Article 3."
    assert problems(f"1\\. {sentence}\n", EN_HEAD) == [
        f"{SOURCE}:10: instruction 1 ({sentence}): the phrases ‘Standing Office’ and ‘Permanent Office’ are in the "
        "quotation marks ‘ ’ (as Word may paste them), not “ ”; write “ instead of ‘ and ” instead of ’: 'The words "
        "“Standing Office” are replaced with the words “Permanent Office” in clause 2 of Article 3.'."]


@needs_corpus
def test_a_signed_documents_phrases_in_single_marks_are_read_as_quoted_and_applied_to_the_law() -> None:
    law = import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation
    body = "1\\. Thay thế cụm từ ‘12 tháng’ bằng cụm từ ‘06 tháng’ tại khoản 3 Điều 64.\n"
    amendment, found = read_amendment(SIGNED + body, SOURCE, "q1")
    assert found == () and amendment is not None
    assert [str(w) for w in amendment.warnings] == [
        f"{SOURCE}:11: instruction 1 (Thay thế cụm từ ‘12 tháng’ bằng cụm từ ‘06 tháng’ tại khoản 3 Điều 64.): the "
        "phrases ‘12 tháng’ and ‘06 tháng’ are in the quotation marks ‘ ’; they are read as quoted with “ ”."]
    before, after = render(law), render(apply(law, amendment).regulation)
    assert before.count("12 tháng") == after.count("12 tháng") + 1 and "06 tháng" in after


def test_an_english_conflict_cites_clause_1_of_article_14() -> None:
    body = ("1\\. Replace the words “Party cell” with the words “Party branch” in clause 1 of Article 14.\n\n"
            "2\\. Clause 1 of Article 14 is amended to read:\n\n“1. New text.”\n")
    amendment = load_amendment(EN_HEAD + body, SOURCE, "e5")
    found = [p.message for p in instruction_conflicts(amendment, "en")]
    # Was: "amends clause 1, Article 14, but instruction 3 (line 9) already changes words in clause 1, Article 14".
    assert found == [
        "instruction 2 (Clause 1 of Article 14 is amended to read:) amends clause 1 of Article 14, but instruction 1 "
        "(line 10) already changes words in clause 1 of Article 14; one provision may be changed by one instruction "
        "only: merge them."]


STRAIGHT = "typed straight, as a plain-text editor writes them"


def test_phrases_and_new_text_in_straight_single_marks_are_named_as_the_curly_ones() -> None:
    """`cụm từ '12 tháng'` and new text in ' ': the advice said “ ” was missing (`“'12 tháng'”`, nested), or that the
    quoted text was no instruction."""
    sentence = "Thay thế cụm từ '12 tháng' bằng cụm từ '06 tháng' tại khoản 3 Điều 64."
    assert problems(f"1\\. {sentence}\n") == [
        f"{SOURCE}:9: instruction 1 ({sentence}): the phrases '12 tháng' and '06 tháng' are in the quotation marks "
        f"' ' ({STRAIGHT}), not “ ”; write “ instead of ' and ” instead of ': 'Thay thế cụm từ “12 tháng” bằng cụm từ "
        "“06 tháng” tại khoản 3 Điều 64.'."]
    assert problems("1\\. Sửa đổi, bổ sung khoản 2 Điều 64 như sau:\n\n'2\\. Mọi chủ trương.'\n") == [
        f"{SOURCE}:11: instruction 1 (Sửa đổi, bổ sung khoản 2 Điều 64 như sau:): the new text on line 11 is in the "
        f"quotation marks ' ' ({STRAIGHT}), not “ ”; write “ instead of ' and ” instead of '."]


def test_english_phrases_in_straight_marks_keep_their_apostrophes() -> None:
    """`the words 'Committee's meeting'`: the apostrophe of a word is no closing mark."""
    sentence = ("The words 'Committee's meeting' are replaced with the words 'Standing Committee's meeting' in "
                "clause 2 of Article 3.")
    assert problems(f"1\\. {sentence}\n", EN_HEAD) == [
        f"{SOURCE}:10: instruction 1 ({sentence[:sentence.index('Article')]}Art…): the phrases 'Committee's meeting' "
        f"and 'Standing Committee's meeting' are in the quotation marks ' ' ({STRAIGHT}), not “ ”; write “ instead "
        "of ' and ” instead of ': "
        "'The words “Committee's meeting” are replaced with the words “Standing Committee's meeting” in clause 2 of "
        "Article 3.'."]
    body = ("1\\. Clause 2 of Article 3 is amended to read:\n\n'2. The Standing Committee's members meet.\n\n"
            "a) in the members' room;\n\nb) on the Secretary's call.'\n\n2\\. Repeal clause 3 of Article 3.\n")
    amendment, found = read_amendment(SIGNED.replace("regulation: 09/2017/QH14", "regulation: 01-QC/TU-EN\nlanguage: "
                                                     "en") + body, SOURCE, "q1")
    assert found == () and amendment is not None
    assert [i.location for i in amendment.instructions] == ["1", "2"]
    assert amendment.instructions[0].quote == ("“2. The Standing Committee's members meet.", "a) in the members' room;",
                                               "b) on the Secretary's call.”")
    assert [str(w) for w in amendment.warnings] == [
        f"{SOURCE}:14: instruction 1 (Clause 2 of Article 3 is amended to read:): the new text on line 14 is in the "
        "quotation marks ' '; it is read as quoted with “ ”."]


@needs_corpus
def test_a_signed_documents_phrases_in_straight_marks_are_applied_to_the_law() -> None:
    law = import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation
    body = "1\\. Thay thế cụm từ '12 tháng' bằng cụm từ '06 tháng' tại khoản 3 Điều 64.\n"
    amendment, found = read_amendment(SIGNED + body, SOURCE, "q1")
    assert found == () and amendment is not None
    before, after = render(law), render(apply(law, amendment).regulation)
    assert before.count("12 tháng") == after.count("12 tháng") + 1 and "06 tháng" in after


@pytest.mark.parametrize(("opening", "closing"), [("'", "'"), ("‘", "’")])
def test_the_new_phrase_after_with_or_bang_alone_is_named_and_converted(opening: str, closing: str) -> None:
    """`Replace the words 'course' with 'process'` (the tool's own English form): only 'course' was converted, the
    advice left 'process' in ' ', and a second, false problem said the line must end with '.' or ';' (r23 s7regress
    defect 2). The same for `… bằng ‘06 tháng’` without `cụm từ`."""
    kinds = f"{opening} {closing} ({STRAIGHT if opening == chr(39) else 'as Word may paste them'})"
    sentence = f"Replace the words {opening}course{closing} with {opening}process{closing} in Article 30."
    assert problems(f"1\\. {sentence}\n", EN_HEAD) == [
        f"{SOURCE}:10: instruction 1 ({sentence}): the phrases {opening}course{closing} and {opening}process{closing} "
        f"are in the quotation marks {kinds}, not “ ”; write “ instead of {opening} and ” instead of {closing}: "
        "'Replace the words “course” with “process” in Article 30.'."]
    vi = f"Thay thế cụm từ {opening}12 tháng{closing} bằng {opening}06 tháng{closing} tại khoản 3 Điều 64."
    assert problems(f"1\\. {vi}\n") == [
        f"{SOURCE}:9: instruction 1 ({vi}): the phrases {opening}12 tháng{closing} and {opening}06 tháng{closing} are "
        f"in the quotation marks {kinds}, not “ ”; write “ instead of {opening} and ” instead of {closing}: 'Thay thế "
        "cụm từ “12 tháng” bằng “06 tháng” tại khoản 3 Điều 64.'."]
    # An apostrophe of an English word in the new phrase stays in it.
    apostrophe = f"Replace the words {opening}course{closing} with {opening}Board's process{closing} in Article 30."
    (said,) = problems(f"1\\. {apostrophe}\n", EN_HEAD)
    assert "'Replace the words “course” with “Board's process” in Article 30.'" in said

"""Common-law and UN amending wordings in English (r26 sweep O defect 2): `Article 3 is replaced by the following:`,
`For Article 3 substitute:`, `The following clause is added to Article 3:` (its number from its quoted text), `In clause
2 of Article 5, the following point is inserted after point b:`, `Article 5(2)(c) is deleted.` (the reader `show`
uses), `Article 6 is revoked.`, `In Article 3, “40 hours” is replaced by “37.5 hours”.` were refused with the generic
message, which never named the accepted wording for the kind of change. Each now reads as its documented twin; what is
still refused names the wordings of its kind."""

from __future__ import annotations

import pytest

from regdraft.core.amend.grammar import GrammarError, read_instruction
from tests.test_amend_apply import applied, text_of


@pytest.mark.parametrize(("written", "twin"), [
    ("Article 3 is replaced by the following:", "Article 3 is amended to read:"),
    ("Clause 1 of Article 3 is replaced by the following:", "Clause 1 of Article 3 is amended to read:"),
    ("Clause 1 of Article 3 shall be replaced by the following:", "Clause 1 of Article 3 is amended to read:"),
    ("Article 3 is deleted and replaced by the following:", "Article 3 is amended to read:"),
    ("The title of Article 6 is replaced by the following:", "The title of Article 6 is amended to read:"),
    ("For Article 3 substitute:", "Article 3 is amended to read:"),
    ("For clause 2 of Article 3 substitute the following:", "Clause 2 of Article 3 is amended to read:"),
    ("After Article 5, insert Article 5a:", "Insert Article 5a after Article 5:"),
    ("Paragraph 1 of Article 3 is amended to read:", "Clause 1 of Article 3 is amended to read:"),
    ("Article 5(2)(c) is deleted.", "Point c, clause 2, Article 5 is repealed."),
    ("Article 5a(2)(b) is repealed.", "Point b, clause 2, Article 5a is repealed."),
    ("Points (b) and (c) of Article 5(2) are repealed.", "Points b and c of clause 2 of Article 5 are repealed."),
    ("Article 5(2) is amended to read:", "Clause 2 of Article 5 is amended to read:"),
    ("Article 6 is revoked.", "Article 6 is repealed."),
    ("Articles 6 and 7 are rescinded.", "Articles 6 and 7 are repealed."),
    ("Revoke Article 6.", "Repeal Article 6."),
    ("In clause 2 of Article 5, the following point b1 is inserted after point b:",
     "Insert point b1 after point b of clause 2 of Article 5:"),
    ("In clause 2 of Article 5, point d is added:", "Add point d to clause 2 of Article 5:"),
    ("In Article 3(1), the words “40 hours” are replaced by “37.5 hours”.",
     "Replace the words “40 hours” with “37.5 hours” in clause 1 of Article 3."),
    ("In Article 3, “40 hours” is replaced by “37.5 hours”.",
     "Replace the words “40 hours” with “37.5 hours” in Article 3."),
    ("In Article 3, “40 hours” is deleted.", "Delete the words “40 hours” in Article 3."),
    ("In clause 1 of Article 5, after the word “promptly” insert “in writing”.",
     "Insert the words “in writing” after the words “promptly” in clause 1 of Article 5."),
])
def test_a_common_law_wording_reads_as_its_documented_twin(written: str, twin: str) -> None:
    assert read_instruction(written, "en") == read_instruction(twin, "en")


@pytest.mark.parametrize(("body", "address", "text"), [
    ("The following clause is added to Article 3:\n\n“3\\. Overtime is compensated.”", "d3.k3",
     "Overtime is compensated."),
    ("The following paragraph is added to Article 1:\n\n“3\\. Interns are covered.”", "d1.k3", "Interns are covered."),
    ("The following Article is inserted after Article 3:\n\n“Article 3a. Leave\n\nStaff take leave.”", "d3a",
     "Leave\nStaff take leave."),
    ("After Article 3, insert:\n\n“Article 3a. Leave\n\nStaff take leave.”", "d3a", "Leave\nStaff take leave."),
    ("In clause 2 of Article 2, the following point is inserted after point b:\n\n“b1) Budgets;”", "d2.k2.b1",
     "Budgets;"),
])
def test_a_new_unit_announced_without_its_number_takes_the_number_its_quote_opens_with(body: str, address: str,
                                                                                       text: str) -> None:
    reg = applied(f"1\\. {body}", "en")
    assert text_of(reg, address) == text


def test_the_replaced_unit_and_the_repealed_point_apply() -> None:
    reg = applied("1\\. Clause 1 of Article 3 is replaced by the following:\n\n“1\\. The Executive Committee meets "
                  "monthly.”\n\n2\\. Article 2(2)(c) is deleted.\n\n3\\. Article 4 is revoked.", "en")
    assert text_of(reg, "d3.k1") == "The Executive Committee meets monthly."
    assert reg.find("d2.k2.c").unit.repealed and reg.find("d4").unit.repealed


def _refusal(sentence: str) -> str:
    with pytest.raises(GrammarError) as info:
        read_instruction(sentence, "en")
    return str(info.value)


@pytest.mark.parametrize(("sentence", "said"), [
    ("The following clause is added to Article 3:",
     "it does not say the number of the new clause, and the quoted text below it does not open with one; begin the "
     "quoted text with it (“3. …”) or name it: 'The following clause 3 is added to Article 3:'"),
    ("After Article 5, insert:", "name it: 'After Article 5, insert Article 5a:'"),
    ("The title of Article 6 is replaced by “Home leave travel”.",
     "the new title goes in quotes on its own line: write 'The title of Article 6 is amended to read:' followed by the "
     "line “Home leave travel”"),
    ("Clause 2 of Article 4 is annulled and voided.",
     "to repeal a provision, write it like 'Article 6 is repealed.' or 'Point c of clause 2 of Article 5 is deleted.'"),
    ("In Article 5, “a” is swapped for “b”.", "to replace words, write it like 'In clause 1 of Article 5, the words"),
])
def test_what_is_still_refused_names_the_wordings_of_its_kind(sentence: str, said: str) -> None:
    message = _refusal(sentence)
    assert said in message
    assert "documented forms, e.g." not in message


def test_the_wordings_a_refusal_names_are_read() -> None:
    from regdraft.core.amend.advice import _KIND_EN, _NEW_UNIT_EN
    from regdraft.core.amend.self_name import whole

    forms = [form.replace("{whole}", whole("en")) for *_, pair in _KIND_EN for form in pair]
    forms += [form for _, form in _NEW_UNIT_EN.values()]
    forms += ["The following clause 3 is added to Article 3:"]
    for form in forms:
        read_instruction(form, "en")


@pytest.mark.parametrize("sentence", [
    "For Article 3" + " x" * 50_000 + " substitut:",
    "After Article 5" + " x" * 50_000 + ", inser:",
    "Article 3" + " is" * 34_000 + " replaced by the followin:",
    "In clause 2" + " x" * 50_000 + ", point b1 is inserted after",
    "In clause 1" + " x" * 50_000 + ", after the word “a” insert “b”",
    "In Article 3" + ", “a”" * 20_000 + " is replaced by “b”.",
    "The title of Article 6" + " is" * 34_000 + " replaced by “x”.",
    "The following clause" + " is" * 34_000 + " added to Article 3:",
    "Article 5" + "(2)" * 34_000 + " is deleted.",
    "Points" + " (b) and" * 14_000 + " (c) of Article 5(2) are repealed.",
    "In clause 2, " * 8_000 + "point b1 is inserted after point b:",
    "In clause 1, after the words “a”" * 3_200 + " insert “b”.",
], ids=["substitute", "after-insert", "replaced", "in-inserted", "words-insert", "bare-words", "title", "unnumbered",
        "compact", "bracketed", "places", "words-places"])
def test_a_long_line_in_a_new_wording_returns(sentence: str) -> None:
    assert len(sentence) >= 100_000
    try:
        read_instruction(sentence, "en")
    except GrammarError:
        pass

"""English word changes throughout the amended text, in the forms English instructions write their scope (r35 open
item 2, the English side of tests/test_amend_words_whole_text.py): `in this Regulation`, `wherever they appear in
these Regulations`, `In these Regulations, the words …`, `throughout the Law on …` (the text by its name) and `in
Regulations No. …` (by its number). Only `throughout these Regulations` was read; the others were refused as "not a
provision such as 'clause 2 of Article 5'", and `The words “A” are deleted throughout …` was not read at all. A text
named that is not the amended one is refused at its line, naming the text amended and the wording to use.

Applied to the English regulation `regdraft init --example office` ships (regulations/01-QC-TU-EN.md), word for word.
"""

from __future__ import annotations

import functools

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.type_words import wrong_type_words
from regdraft.core.errors import AmendmentConflict
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Regulation
from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_ENGLISH, Invoke

OLD, NEW = "Inspection Commission", "Inspection and Supervision Commission"  # fourteen places in the provisions
TITLE = "Working Regulations of the Provincial Party Executive Committee, term XIV, 2020 - 2025"


@functools.cache
def _regulations() -> Regulation:
    return parse(SHIPPED_ENGLISH.read_bytes(), "regulations/01-QC-TU-EN.md")


def _body(text: str) -> str:
    """The text below its front matter (whose recipients an instruction does not change)."""
    return text.split("\n---\n", 1)[1]


def _text(instructions: str) -> str:
    return (f"---\nnumber: 02-QC/TU-EN\ntitle: Amending\nregulation: 01-QC/TU-EN\nlanguage: en\nstatus: draft\n"
            f"draft: 1\n---\n\n## Article 1. Amendments\n\n{instructions.strip()}\n")


def _applied(instructions: str) -> Regulation:
    return apply(_regulations(), load_amendment(_text(instructions), "amendments/x/amendment.md", "x")).regulation


@pytest.mark.parametrize("sentence", [
    f"Replace the words “{OLD}” with “{NEW}” in these Regulations.",
    f"Replace the words “{OLD}” with “{NEW}” wherever they appear in these Regulations.",
    f"The words “{OLD}” are replaced with the words “{NEW}” wherever they appear.",
    f"In these Regulations, the words “{OLD}” are replaced with the words “{NEW}”.",
    f"The words “{OLD}” are replaced with “{NEW}” throughout the {TITLE}.",
    f"Replace the words “{OLD}” with “{NEW}” in Regulations No. 01-QC/TU-EN.",
])
def test_the_regulations_named_whole_as_english_instructions_name_them_change_every_occurrence(sentence: str) -> None:
    before = _body(render(_regulations()))
    assert before.count(OLD) == 14
    assert _body(render(_applied(f"1\\. {sentence}"))) == before.replace(OLD, NEW)


@pytest.mark.parametrize("sentence", [
    "The words “ of the Provincial Party Committee” are deleted throughout these Regulations.",
    "The words “ of the Provincial Party Committee” are deleted wherever they appear in these Regulations.",
    "Delete the words “ of the Provincial Party Committee” from these Regulations.",
])
def test_words_deleted_throughout_are_read(sentence: str) -> None:
    before = _body(render(_regulations()))
    words = " of the Provincial Party Committee"
    assert before.count(words) == 69
    assert _body(render(_applied(f"1\\. {sentence}"))) == before.replace(words, "")


@pytest.mark.parametrize(("where", "said"), [
    ("throughout the Law on Land", "“Law on Land” is not the text this amendment amends, 01-QC/TU-EN (Working "
     f"Regulations of the Provincial Party Executive Committee, term XIV, 2020 - 2025): to change the words "
     f"throughout 01-QC/TU-EN, write ‘throughout these Regulations’ (or ‘throughout the {TITLE}’)."),
    ("in Decree No. 63/2010/ND-CP", "“Decree No. 63/2010/ND-CP” is not the text this amendment amends, 01-QC/TU-EN"),
    ("in Regulations No. 05-QC/TU", "“Regulations No. 05-QC/TU” is not the text this amendment amends"),
    ("throughout the Working Regulations of the Provincial Party Committee",
     "“Working Regulations of the Provincial Party Committee” is not the text this amendment amends"),
])
def test_another_text_named_whole_is_refused_at_its_line_naming_the_text_amended(where: str, said: str) -> None:
    with pytest.raises(AmendmentConflict) as caught:
        _applied(f"1\\. Delete the words “the members” in clause 1 of Article 2.\n\n2\\. Replace the words “{OLD}” "
                 f"with “{NEW}” {where}.")
    problems = caught.value.problems
    assert [p.line for p in problems] == [14], problems
    assert problems[0].message.startswith(f"instruction 2 (Replace the words “{OLD}”"), problems[0].message
    assert said in problems[0].message, problems[0].message


def test_this_decree_for_regulations_is_warned_of_and_a_provision_of_this_law_is_no_scope() -> None:
    def warned(sentence: str) -> list[str]:
        amendment = load_amendment(_text(f"1\\. {sentence}"), "amendments/x/amendment.md", "x")
        return [p.message.split(" names ")[1] for p in wrong_type_words(amendment, _regulations())]

    assert warned(f"Replace the words “{OLD}” with “{NEW}” wherever they appear in this Decree.") == [
        "the amended text “wherever they appear in this Decree”, but 01-QC/TU-EN calls itself “these Regulations”: "
        "write “wherever they appear in these Regulations” (the name it gives itself)"]
    assert warned(f"In this Law, the words “{OLD}” are replaced with the words “{NEW}”.") == [
        "the amended text “In this Law”, but 01-QC/TU-EN calls itself “these Regulations”: write “In these "
        "Regulations” (the name it gives itself)"]
    assert warned(f"Replace the words “{OLD}” with “{NEW}” in these Regulations.") == []
    # A provision of the text is the place, not the whole text.
    result = _body(render(_applied(f"1\\. Replace the words “{OLD}” with “{NEW}” in Article 26 of these Regulations.")))
    assert result.count(NEW) == 6 and result.count(OLD) == 8


def test_an_english_wrong_name_is_a_clear_error_of_amend_check(tmp_workspace: Workspace, invoke: Invoke) -> None:
    ws = tmp_workspace
    assert invoke(ws, "amend", "new", "en-words", "-r", "01-QC/TU-EN").exit_code == 0
    relative = "amendments/en-words/amendment.md"
    text = ws.path(relative).read_text(encoding="utf-8")
    at = text.index("## Article 2.")
    ws.commit({relative: (text[:at] + f"1\\. Replace the words “{OLD}” with “{NEW}” throughout the Law on Land.\n\n"
                          + text[at:]).encode("utf-8")}, "Instructions")
    result = invoke(ws, "amend", "check", "en-words")
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and "Traceback" not in said, said
    line = text[:at].count("\n") + 1
    assert f"amendments/en-words/amendment.md:{line}: instruction 1 (Replace the words “{OLD}” with" in said
    assert ("): “Law on Land” is not the text this amendment amends, 01-QC/TU-EN (Working "
            "Regulations of the Provincial Party Executive Committee, term XIV, 2020 - 2025): to change the words "
            "throughout 01-QC/TU-EN, write ‘throughout these Regulations’") in said

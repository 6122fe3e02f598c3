"""An appendix's title changed by an amending document (r35 open item 1): `Sửa đổi tên Phụ lục I như sau:`, `The
title of Schedule 1 is amended to read:`, `Schedule 1 is renamed as follows:`, words changed `tại tên Phụ lục I`.

Each was refused ("Phụ lục I has no title to rename; only parts, chapters, sections, sub-sections and articles have
titles"), `amend from-edits` re-enacted a whole appendix (its forms and tables) for a new title, and a quoted title
in an English text's own word (`“Schedule 1. BASIC SALARY SCALE”`) kept the word in the title. Messages, instructions
and notes named a `Schedule 1` `Appendix 1`. An appendix replaced by one the amending document issues with it and does
not quote (`Thay thế Phụ lục II … bằng Phụ lục II ban hành kèm theo Nghị định này.`) is refused naming the wording.

The Vietnamese cases apply to Nghị định 63/2010/NĐ-CP (../shared/corpus), whose three appendices are forms; the English
ones to the staff rules of tests/test_appendix_designation.py, ending with two schedules.
"""

from __future__ import annotations

import functools
from pathlib import Path

import docx
import pytest

from regdraft.core.address.designated import designations
from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.document import read_amendment, render_amendment
from regdraft.core.amend.edits import document, instructions_from_edits
from regdraft.core.errors import AmendmentConflict, ParseError
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind, Regulation
from regdraft.importer import import_file
from regdraft.workspace.store import Workspace

from .conftest import SHARED, Invoke, in_corpus, needs_corpus
from .test_appendix_designation import import_file_text

ND_63 = SHARED / "corpus" / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt"
FORM_I = "BIỂU MẪU ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH"  # Phụ lục I of Nghị định 63/2010
FORM_II = "BIỂU MẪU ĐÁNH GIÁ MẪU ĐƠN, MẪU TỜ KHAI HÀNH CHÍNH"
NEW_I = "BIỂU MẪU ĐÁNH GIÁ TÁC ĐỘNG CỦA THỦ TỤC HÀNH CHÍNH"


@functools.cache
def _decree() -> Regulation:
    return import_file(in_corpus(ND_63)).regulation


def _staff_rules() -> Regulation:
    return parse(import_file_text(), "rules.md")


def _amendment(reg: Regulation, instructions: str, language: str = "vi") -> str:
    article = "## Điều 1. Sửa đổi, bổ sung một số điều" if language == "vi" else "## Article 1. Amendments"
    return (f"---\nnumber: 99/2025\ntitle: Sửa đổi\nregulation: {reg.id}\nlanguage: {language}\nstatus: draft\n"
            f"draft: 1\n---\n\n{article}\n\n{instructions.strip()}\n")


def _applied(reg: Regulation, instructions: str, language: str = "vi") -> Regulation:
    text = _amendment(reg, instructions, language)
    return apply(reg, load_amendment(text, "amendments/x/amendment.md", "x")).regulation


def _titles(reg: Regulation) -> list[str | None]:
    return [u.title for u in reg.units if u.kind is Kind.APPENDIX]


@needs_corpus
@pytest.mark.parametrize("quoted", [f"“{NEW_I}”", f"“Phụ lục I. {NEW_I}”", f"“PHỤ LỤC I\n\n{NEW_I}”"])
@pytest.mark.parametrize("verb", ["Sửa đổi tên", "Sửa đổi, bổ sung tên"])
def test_an_appendix_of_a_real_decree_is_renamed_and_nothing_else_changes(verb: str, quoted: str) -> None:
    decree = _decree()
    before = render(decree)
    result = _applied(decree, f"1\\. {verb} Phụ lục I như sau:\n\n{quoted}.")
    assert _titles(result) == [NEW_I, FORM_II, "BIỂU MẪU ĐÁNH GIÁ YÊU CẦU, ĐIỀU KIỆN"]
    # Word for word: its heading, and nothing else (its forms, the `(Ban hành kèm theo …)` line under it).
    assert render(result) == before.replace(f"# Phụ lục I. {FORM_I}", f"# Phụ lục I. {NEW_I}")


@needs_corpus
def test_words_in_an_appendix_title_change_and_a_wrong_heading_is_refused_at_its_line() -> None:
    decree = _decree()
    result = _applied(decree, "1\\. Thay thế cụm từ “BIỂU MẪU ĐÁNH GIÁ” bằng cụm từ “MẪU ĐÁNH GIÁ” tại tên Phụ lục II.")
    assert _titles(result)[1] == "MẪU ĐÁNH GIÁ MẪU ĐƠN, MẪU TỜ KHAI HÀNH CHÍNH"
    assert _titles(result)[0] == FORM_I  # not the other titles holding the words
    with pytest.raises(ParseError) as caught:
        _applied(decree, f"1\\. Sửa đổi tên Phụ lục I như sau:\n\n“Phụ lục II. {NEW_I}”.")
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (14, "instruction 1 (Sửa đổi tên Phụ lục I như sau:): the quoted title names Phụ lục II, but the instruction "
             "renames Phụ lục I.")]


@needs_corpus
def test_an_appendix_replaced_by_one_issued_with_the_amending_document_is_refused_naming_the_wording() -> None:
    decree = _decree()
    with pytest.raises(ParseError) as caught:
        _applied(decree, "1\\. Thay thế Phụ lục II ban hành kèm theo Nghị định số 63/2010/NĐ-CP bằng Phụ lục II ban "
                         "hành kèm theo Nghị định này.")
    (problem,) = caught.value.problems
    assert problem.line == 12
    assert problem.message.endswith(
        "it replaces Phụ lục II with an appendix it does not quote (one issued with the amending document is not "
        "part of its instructions); write 'Sửa đổi, bổ sung Phụ lục II như sau:' and quote the new appendix below "
        "it, from its heading (“Phụ lục II. …”) to the end of its text."), problem.message


@needs_corpus
def test_from_edits_renames_an_appendix_whose_title_alone_changed() -> None:
    old = _decree()
    edited = parse(render(old).replace(f"# Phụ lục II. {FORM_II}", "# Phụ lục II. MẪU ĐÁNH GIÁ MẪU ĐƠN"), "e.md")
    amendment = document(old, instructions_from_edits(old, edited).instructions)
    written = render_amendment(amendment)
    body = written[written.index("## Điều 1"):]
    # The title alone: not the whole appendix with its seven-row table of questions.
    assert body == "## Điều 1\n\n1\\. Sửa đổi tên Phụ lục II như sau:\n\n“MẪU ĐÁNH GIÁ MẪU ĐƠN”.\n"
    assert apply(old, amendment).regulation.units == edited.units
    # Its text changed too: the appendix is amended whole, as before.
    both = parse(render(edited).replace("Mẫu đơn, mẫu tờ khai này có cần thiết", "Mẫu đơn này có cần thiết"), "f.md")
    whole = render_amendment(document(old, instructions_from_edits(old, both).instructions))
    assert "1\\. Sửa đổi, bổ sung Phụ lục II như sau:\n\n“Phụ lục II. MẪU ĐÁNH GIÁ MẪU ĐƠN\n\n" in whole


@pytest.mark.parametrize("sentence", [
    "The title of Schedule 1 is amended to read:", "The title of Appendix 1 is replaced by the following:",
    "Schedule 1 is renamed as follows:", "Schedule 1 is renamed:",
])
@pytest.mark.parametrize("quoted", ["“BASIC SALARY SCALE”", "“Schedule 1. BASIC SALARY SCALE”",
                                    "“SCHEDULE 1\n\nBASIC SALARY SCALE”"])
def test_an_english_schedule_is_renamed_in_the_texts_wordings(sentence: str, quoted: str) -> None:
    rules = _staff_rules()
    result = _applied(rules, f"1\\. {sentence}\n\n{quoted}.", "en")
    assert [(u.designation, u.title) for u in result.units if u.kind is Kind.APPENDIX] == [
        ("Schedule 1", "BASIC SALARY SCALE"), ("Schedule 2", "DEPENDENCY ALLOWANCE")]
    assert render(result) == render(rules).replace("# Schedule 1. SALARY SCALE", "# Schedule 1. BASIC SALARY SCALE")


def test_messages_and_written_instructions_name_a_schedule_by_its_word() -> None:
    rules = _staff_rules()
    with pytest.raises(AmendmentConflict) as missing:
        _applied(rules, "1\\. The title of Schedule 4 is amended to read:\n\n“X”.", "en")
    assert [p.message for p in missing.value.problems] == [
        "instruction 1 (The title of Schedule 4 is amended to read:): Schedule 4 does not exist."]
    edited = parse(render(rules).replace("# Schedule 2. DEPENDENCY ALLOWANCE", "# Schedule 2. DEPENDANT ALLOWANCE")
                   .replace("Grade 2: 1,500", "Grade 2: 1,600"), "e.md")
    amendment = document(rules, instructions_from_edits(rules, edited).instructions)
    written = render_amendment(amendment)
    assert ("1\\. Schedule 1 is amended to read:\n\n“Schedule 1. SALARY SCALE\n\nGrade 1: 1,200 pounds a month.\n\n"
            "Grade 2: 1,600 pounds a month.”\n\n2\\. The title of Schedule 2 is amended to read:\n\n"
            "“DEPENDANT ALLOWANCE”.\n") in written
    assert apply(rules, amendment).regulation.units == edited.units


def test_the_one_unnumbered_schedule_is_renamed_and_amended_from_edits() -> None:
    # `# Schedule. SALARY SCALE`: quoted as written, it did not read back (`must begin with 'Appendix 1.'`), so
    # `amend from-edits` could write no instruction for it, whatever changed.
    text = ("---\nid: 1/2025\ntype: Rules\ntitle: Rules\nissuer: Board\nsigned: 2025-01-10\nlanguage: en\n---\n\n"
            "# Article 1. Salaries\n\nSalaries are paid as the Schedule sets out.\n\n# Schedule. SALARY SCALE\n\n"
            "Grade 1: 1,200 pounds a month.\n")
    old = parse(text, "rules.md")
    renamed = "1\\. The title of Schedule 1 is amended to read:\n\n“BASIC SALARY SCALE”.\n"
    amended = "1\\. Schedule 1 is amended to read:\n\n“Schedule. SALARY SCALE\n\nGrade 1: 1,300 pounds a month.”\n"
    for change, instruction in ((("SALARY SCALE", "BASIC SALARY SCALE"), renamed), (("1,200", "1,300"), amended)):
        edited = parse(text.replace(*change), "e.md")
        amendment = document(old, instructions_from_edits(old, edited).instructions)
        written = render_amendment(amendment)
        assert written[written.index("## Article 1"):] == f"## Article 1\n\n{instruction}"
        assert apply(old, amendment).regulation.units == edited.units
    # A quote without its heading is refused naming it as the text does, when the reader knows the text's words (the
    # workspace reads an amendment with problems again so: `workspace.amendments.named_reading`).
    slip = _amendment(old, "1\\. Schedule 1 is amended to read:\n\n“Grade 1: 1,300 pounds a month.”.", "en")
    _, problems = read_amendment(slip, "amendments/x/amendment.md", "x", appendices=designations(old.units))
    assert [p.message for p in problems] == [
        "instruction 1 (Schedule 1 is amended to read:): the quoted text must begin with 'Schedule 1.', the appendix "
        "the instruction names, not 'Grade 1: 1,300 pounds a month.'."]


@pytest.fixture
def staff_workspace(empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Workspace:
    rules = tmp_path / "rules.md"
    rules.write_text(import_file_text(), encoding="utf-8")
    for step in (("import", str(rules)), ("amend", "new", "sched", "-r", "03/2025/SR-NTC")):
        result = invoke(empty_workspace, *step)
        assert result.exit_code == 0, result.output
    return empty_workspace


def test_check_redline_adoption_and_the_consolidated_copies_show_the_renamed_schedule(
        staff_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws = staff_workspace
    relative = "amendments/sched/amendment.md"
    text = ws.path(relative).read_text(encoding="utf-8")
    at = text.index("## Article 2.")
    ws.commit({relative: (text[:at] + "1\\. Schedule 1 is renamed as follows:\n\n“Schedule 2. BASIC SALARY SCALE”."
                          "\n\n" + text[at:]).encode("utf-8")}, "A slip")
    slip = invoke(ws, "amend", "check", "sched")  # refused as the instruction is read: named as the text names it
    assert slip.exit_code == 1 and ("amendments/sched/amendment.md:26: instruction 1 (Schedule 1 is renamed as "
                                    "follows:): the quoted title names Schedule 2, but the instruction renames "
                                    "Schedule 1.") in slip.output, slip.output
    ws.commit({relative: (text[:at] + "1\\. Schedule 1 is renamed as follows:\n\n“BASIC SALARY SCALE”.\n\n"
                          + text[at:]).encode("utf-8")}, "Instructions")
    check = invoke(ws, "amend", "check", "sched")
    assert check.exit_code == 0, check.output
    assert ("clause 1, Article 4 refers to Schedule 1; the amendment changes the title of Schedule 1: check that the "
            "reference still holds.") in " ".join(check.output.split())
    redline = invoke(ws, "redline", "sched", "-o", str(tmp_path / "r.html"), "--changes")
    assert redline.exit_code == 0, redline.output
    assert "Schedule 1 (title changed): {+BASIC +}SALARY SCALE" in redline.output
    for step in (("amend", "number", "sched", "4/2025"),
                 ("amend", "adopt", "sched", "--signed", "2025-10-20", "--effective", "2025-11-01", "--force",
                  "--reason", "a test")):
        result = invoke(ws, *step)
        assert result.exit_code == 0, result.output
    assert "4/2025 renames Schedule 1." in ws.repo.git.log("-1", "--format=%B")
    for fmt in ("md", "docx"):
        out = tmp_path / f"c.{fmt}"
        result = invoke(ws, "export", "03/2025/SR-NTC", "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output
    consolidated = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert "# Schedule 1.[^3] BASIC SALARY SCALE" in consolidated
    assert "[^3]: The title of this Schedule was amended by clause 1 of Article 1 of Staff Rules No. 4/2025" \
        in consolidated
    words = [p.text for p in docx.Document(str(tmp_path / "c.docx")).paragraphs]
    assert "BASIC SALARY SCALE" in words and "DEPENDENCY ALLOWANCE" in words and "SALARY SCALE" not in words

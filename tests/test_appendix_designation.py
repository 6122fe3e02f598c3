"""An English text's own word for its appendices: `Schedule 1`, `SCHEDULE`, `Annex I`, `ANNEX A` (r34 sweep BE,
point 2).

They were read into the last article (an instruction amending it carried them, the consolidated text printed them
inside it), and `Annex I` was printed `Appendix I`. Now they are appendices that keep the document's word in the
Markdown, `show`, the redlines and every export; a Vietnamese text reads `Phụ lục` exactly as before.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from regdraft.core.markdown import parse, read
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind, Regulation
from regdraft.importer import import_file
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import Invoke

# Staff rules in the wording of real English staff rules (the UN Staff Regulations and Rules: "Upon appointment,
# each staff member … shall receive a letter of appointment"; "The Secretary-General may make exceptions to the
# Staff Rules, provided that such exception is not inconsistent with …"), ending with their schedules.
STAFF_RULES = """NORTHERN TRAINING COUNCIL

No. 03/2025/SR-NTC

Hai Phong, 10 January 2025

STAFF RULES

of the Northern Training Council

The Board of the Northern Training Council issues these Staff Rules.

Chapter I

GENERAL PROVISIONS

Article 1. Scope and application

1. These Staff Rules apply to all staff members of the Council, except where otherwise provided.

2. The Secretary-General may make exceptions to these Staff Rules, provided that such an exception is not \
inconsistent with any decision of the Board and is agreed to by the staff member directly affected.

Article 2. Definitions

In these Staff Rules:

(a) "staff member" means a person appointed under Article 3;

(b) "dependant" means a spouse or a child under 18 years of age in the full-time care of the staff member;

(c) "salary" means the gross salary set out in Schedule 1.

Chapter II

APPOINTMENT AND SALARIES

Article 3. Letter of appointment

1. Upon appointment, each staff member shall receive a letter of appointment signed by the Secretary-General.

2. The letter of appointment shall state the nature of the appointment, the date on which the staff member is \
required to report for duty and the salary.

Article 4. Salaries and allowances

1. Salaries shall be paid monthly at the rates set out in Schedule 1.

2. A staff member with a dependant shall receive the allowance set out in Schedule 2.

Article 5. Entry into force

These Staff Rules take effect on 1 February 2025.

Schedule 1

SALARY SCALE

Grade 1: 1,200 pounds a month.

Grade 2: 1,500 pounds a month.

Schedule 2

DEPENDENCY ALLOWANCE

100 pounds a month for each dependant.
"""
FIRST, SECOND = "Schedule 1", "Schedule 2"
FRONT = "id: 1/2025\ntype: Rules\ntitle: Rules\nissuer: Board\nsigned: 2025-01-10\n"
ENTRY = "These Staff Rules take effect on 1 February 2025."


def _written(tmp_path: Path, first: str = FIRST, second: str | None = SECOND, name: str = "rules.txt") -> Path:
    """The staff rules with their schedules headed `first` and `second` (None: one schedule), cited so."""
    text = STAFF_RULES.replace("\nSchedule 1\n", f"\n{first}\n")
    text = text.replace("\nSchedule 2\n", f"\n{second}\n") if second else text.split("\nSchedule 2\n")[0] + "\n"
    for cited, heading in (("Schedule 1", first), ("Schedule 2", second)):
        text = text.replace(f"in {cited}.", f"in {heading.title() if second and heading else 'the Schedule'}.")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _appendices(reg: Regulation) -> list[tuple[str, str, str | None]]:
    return [(u.label, u.designation, u.title) for u in reg.units if u.kind is Kind.APPENDIX]


@pytest.mark.parametrize(("first", "second", "read", "headings"), [
    ("Schedule 1", "Schedule 2", [("1", "Schedule 1"), ("2", "Schedule 2")], ["# Schedule 1.", "# Schedule 2."]),
    ("SCHEDULE 1", "SCHEDULE 2", [("1", "Schedule 1"), ("2", "Schedule 2")], ["# Schedule 1.", "# Schedule 2."]),
    ("Annex I", "Annex II", [("I", "Annex I"), ("II", "Annex II")], ["# Annex I.", "# Annex II."]),
    ("ANNEX A", "ANNEX B", [("A", "Annex A"), ("B", "Annex B")], ["# Annex A.", "# Annex B."]),
    ("SCHEDULE", None, [("1", "Schedule")], ["# Schedule."]),
    ("Appendix 1", "Appendix 2", [("1", ""), ("2", "")], ["# Appendix 1.", "# Appendix 2."]),
])
def test_an_english_texts_schedules_and_annexes_are_appendices_that_keep_their_word(
        tmp_path: Path, first: str, second: str | None, read: list[tuple[str, str]], headings: list[str]) -> None:
    result = import_file(_written(tmp_path, first, second))
    reg = result.regulation
    titles = ["SALARY SCALE", "DEPENDENCY ALLOWANCE"][:len(read)]
    assert _appendices(reg) == [(label, word, title) for (label, word), title in zip(read, titles, strict=True)]
    # The last article is its own text alone: the schedules are not in it.
    assert reg.find("d5").unit.text == (ENTRY,)
    assert result.report.passes_check, result.report.text()
    lines = result.text.split("\n")
    assert [line.split(". ")[0] + "." for line in lines if line.startswith("# ") and
            not line.startswith("# Chapter")] == headings
    note = next(n.message for n in result.report.notes if "read as" in n.message and "appendi" in n.message)
    shown = ", ".join(h[2:-1] for h in headings)
    assert f"({shown})" in note
    # Round trip: the Markdown reads back as the same tree and writes back byte for byte.
    again = parse(result.text, "rules.md")
    assert again == reg and render(again) == result.text


def test_a_word_document_with_schedules_imports_as_the_text_does(tmp_path: Path) -> None:
    text = _written(tmp_path, "ANNEX A", "ANNEX B")
    document = docx.Document()
    for paragraph in text.read_text(encoding="utf-8").split("\n\n"):
        document.add_paragraph(paragraph.strip())
    document.save(str(tmp_path / "rules.docx"))
    from_word = import_file(tmp_path / "rules.docx").regulation
    from_text = import_file(text).regulation
    assert _appendices(from_word) == [("A", "Annex A", "SALARY SCALE"), ("B", "Annex B", "DEPENDENCY ALLOWANCE")]
    assert from_word.units == from_text.units


def test_a_vietnamese_text_reads_its_appendix_headings_as_before() -> None:
    from regdraft.core.labels import appendix_heading

    assert appendix_heading("PHỤ LỤC I", "vi") == ("I", "", "")
    assert appendix_heading("ANNEX II", "vi") == ("II", "", "")  # printed `Phụ lục II`, as it always was
    # Neither a `Schedule` nor a lettered annex is a heading there, nor a word alone.
    assert appendix_heading("SCHEDULE 1", "vi") is None
    assert appendix_heading("ANNEX A", "vi") is None
    assert appendix_heading("PHỤ LỤC", "vi", unnumbered=True) is None
    assert appendix_heading("PHỤ LỤC IIII", "vi") == (None, "", "")  # a number that is none, as before
    text = f"---\n{FRONT}language: vi\n---\n\n# Điều 1. A\n\nB.\n\n# Phụ lục I. C\n\nD.\n"
    reg = parse(text, "x.md")
    assert _appendices(reg) == [("I", "", "C")] and render(reg) == text
    schedule = read(text.replace("Phụ lục I", "Schedule I"), "x.md")
    assert any("not a unit heading" in p.message for p in schedule.problems)


def test_lettered_annexes_run_a_b_c_and_a_gap_is_named() -> None:
    head = f"---\n{FRONT}language: en\n---\n\n# Article 1. A\n\nB.\n\n"
    three = head + "# Annex A. One\n\nx\n\n# Annex B. Two\n\ny\n\n# Annex C. Three\n\nz\n"
    reading = read(three, "x.md")
    assert not reading.problems and [u.designation for u in reading.regulation.units[1:]] == [
        "Annex A", "Annex B", "Annex C"]
    gap = read(three.replace("# Annex B. Two\n\ny\n\n", ""), "x.md")
    # Named as the text names it, `Annex C`, not `Appendix C` (r37).
    assert [p.message for p in gap.problems] == [
        "Annex C is out of sequence: it is the second annex, after Annex A, so it should be Annex B (they are "
        "numbered A, B, C … in the order they stand); renumber it, or add the missing Annex B before it."]


def test_a_schedule_cited_that_does_not_exist_is_a_problem(tmp_path: Path) -> None:
    from regdraft.core.refs import missing_problems

    reg = import_file(_written(tmp_path)).regulation
    assert not missing_problems(reg)
    cites = parse(render(reg).replace("set out in Schedule 2.", "set out in Schedule 3."), "rules.md")
    assert [p.message for p in missing_problems(cites)] == [
        'clause 2, Article 4 refers to Appendix 3 ("Schedule 3"), which does not exist.']


def test_an_amendment_addresses_a_schedule_as_before_and_by_its_word() -> None:
    from regdraft.core.amend.apply import apply
    from regdraft.core.amend.document import render_amendment
    from regdraft.core.amend.edits import document, instructions_from_edits

    old = parse(import_file_text(), "rules.md")
    new = parse(render(old).replace("1,200 pounds", "1,300 pounds") +
                "\n# Schedule 3. TRAVEL ALLOWANCE\n\n50 pounds a day.\n", "edited.md")
    amendment = document(old, instructions_from_edits(old, new).instructions)
    written = render_amendment(amendment)
    # Named as the text names it (`Schedule 1`, r36; `Appendix 1` before), the quote in the text's own words too.
    assert "1\\. Schedule 1 is amended to read:\n\n“Schedule 1. SALARY SCALE\n\nGrade 1: 1,300 pounds" in written
    assert "2\\. Schedule 3 is inserted after Schedule 2:\n\n“Schedule 3. TRAVEL ALLOWANCE" in written
    assert apply(old, amendment).regulation.units == new.units
    # A drafter may name it as `Appendix` too.
    by_word = written.replace("Schedule 1 is amended", "Appendix 1 is amended").replace(
        "Schedule 3 is inserted after Schedule 2", "Appendix 3 is inserted after Appendix 2")
    from regdraft.core.amend.document import load_amendment

    applied = apply(old, load_amendment(by_word, "a.md", "a")).regulation
    assert applied.units == new.units
    assert _appendices(applied)[-1] == ("3", "Schedule 3", "TRAVEL ALLOWANCE")


_TEXT: dict[str, str] = {}


def import_file_text() -> str:
    """The staff rules' Markdown, as `import` writes it (built once)."""
    if "text" not in _TEXT:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            _TEXT["text"] = import_file(_written(Path(folder))).text
    return _TEXT["text"]


@pytest.fixture
def staff_workspace(tmp_path: Path, invoke: Invoke) -> Workspace:
    ws = init_workspace(tmp_path / "ws")
    ws.commit({"regulations/03-2025-SR-NTC.md": import_file_text().encode("utf-8")}, "Add the staff rules")
    return ws


def test_show_the_redline_and_the_exports_print_the_schedules_word(
        staff_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    from tests.test_render_pdf import pdf_text

    ws = staff_workspace
    result = invoke(ws, "show", "03/2025/SR-NTC", "Schedule 2", "--no-pager")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Schedule 2\n\nSchedule 2. DEPENDENCY ALLOWANCE\n")
    outs = {fmt: tmp_path / f"sr.{fmt}" for fmt in ("html", "md", "docx", "pdf")}
    for fmt, out in outs.items():
        result = invoke(ws, "export", "03/2025/SR-NTC", "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output
    page = outs["html"].read_text(encoding="utf-8")
    assert '<span class="appendix">SCHEDULE 1</span>' in page and '<span class="appendix">SCHEDULE 2</span>' in page
    assert "Appendix" not in page and "APPENDIX " not in page
    assert "# Schedule 1. SALARY SCALE" in outs["md"].read_text(encoding="utf-8")
    words = [p.text for p in docx.Document(str(outs["docx"])).paragraphs]
    assert "SCHEDULE 1" in words and "SCHEDULE 2" in words
    assert "SCHEDULE 2 DEPENDENCY ALLOWANCE" in " ".join(pdf_text(outs["pdf"]).split())
    for fmt in ("md", "docx"):  # and each copy imports back as the text
        assert import_file(outs[fmt]).regulation.units == parse(import_file_text()).units, fmt
    # A redline names the changed schedule as the text does, in its summary and its heading.
    edited = tmp_path / "edited.md"
    edited.write_text(import_file_text().replace("1,200 pounds", "1,300 pounds"), encoding="utf-8")
    result = invoke(None, "compare", str(ws.root / "regulations" / "03-2025-SR-NTC.md"), str(edited),
                    "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 0, result.output
    redline = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<a href="#chg-1">Schedule 1</a>' in redline
    assert '<h2 class="article-heading" id="chg-1">Schedule 1. SALARY SCALE</h2>' in redline
    assert "Appendix 1" not in redline


def test_an_appendix_numbered_in_digits_is_followed_by_the_next_digits() -> None:
    from regdraft.core.amend.apply import apply
    from regdraft.core.amend.edits import document, instructions_from_edits

    text = f"---\n{FRONT}language: vi\n---\n\n# Điều 1. A\n\nB.\n\n# Phụ lục 1. C\n\nD.\n\n# Phụ lục 2. E\n\nF.\n"
    old = parse(text, "x.md")
    new = parse(text + "\n# Phụ lục 3. G\n\nH.\n", "y.md")
    # `Bổ sung Phụ lục 3 vào sau Phụ lục 2`: refused as out of place (the last one's next label was taken as III).
    assert apply(old, document(old, instructions_from_edits(old, new).instructions)).regulation.units == new.units

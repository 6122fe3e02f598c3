"""Reading and writing the amending document: front matter, quotes, errors with lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from regdraft.core.amend import ReplaceUnit, load_amendment, render_amendment
from regdraft.core.amend.document import read_amendment, with_front_matter
from regdraft.core.amend.grammar import RepealUnits
from regdraft.core.errors import ParseError
from regdraft.core.model import Address

SHIPPED = Path(__file__).resolve().parents[1] / "amendments" / "qc-sua-doi-2025" / "amendment.md"
SOURCE = "amendments/x/amendment.md"
HEAD = "---\nregulation: 02-QC/TU\nstatus: draft\ndraft: 2\n---\n\n## Điều 1. Sửa đổi\n\n"


def problems(body: str, head: str = HEAD) -> list[str]:
    with pytest.raises(ParseError) as info:
        load_amendment(head + body, SOURCE, "x")
    return [str(p) for p in info.value.problems]


def test_shipped_amendment_reads_and_renders_canonically() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    amendment = load_amendment(text, "amendments/qc-sua-doi-2025/amendment.md", "qc-sua-doi-2025")
    assert amendment.number == "05-QC/TU"
    assert amendment.regulation == "01-QC/TU"
    assert amendment.draft == 2
    assert len(amendment.instructions) >= 8
    assert [a.label for a in amendment.closing] == ["2", "3"]
    rendered = render_amendment(amendment)
    again = load_amendment(rendered, amendment.source, amendment.slug)
    assert again.instructions == amendment.instructions
    assert render_amendment(again) == rendered
    assert rendered == text


def test_properties_and_cite() -> None:
    amendment = load_amendment(
        HEAD.replace("draft: 2", "draft: 2\nsigned: 2025-10-01\neffective: '2025-11-01'") + "1\\. Bãi bỏ Điều 4.\n",
        SOURCE,
        "x",
    )
    assert amendment.signed == dt.date(2025, 10, 1)
    assert amendment.effective == dt.date(2025, 11, 1)
    assert amendment.status == "draft"
    ins = amendment.instructions[0]
    assert (ins.location, ins.line, ins.text) == ("1", 11, "Bãi bỏ Điều 4.")
    assert ins.cite("vi") == "khoản 1 Điều 1"
    assert ins.cite("en") == "clause 1 of Article 1"


def test_quote_spanning_paragraphs_and_lists() -> None:
    body = (
        "1\\. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:\n\n“2\\. Chuẩn bị:\n\n- Dự thảo;\n- Tài liệu “mật”.\n\n"
        "a) Điểm một;\n\nb) Điểm hai.”.\n"
    )
    amendment = load_amendment(HEAD + body, SOURCE, "x")
    ins = amendment.instructions[0]
    assert isinstance(ins.op, ReplaceUnit)
    assert ins.unit is not None
    assert ins.unit.text == ("Chuẩn bị:", "- Dự thảo;", "- Tài liệu “mật”.")
    assert [p.label for p in ins.unit.children] == ["a", "b"]
    assert ins.unit.children[1].text == ("Điểm hai.",)


def test_unclosed_quote() -> None:
    # Nothing shows where the quote ends: the text runs on without a closing sentence.
    found = problems("1\\. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:\n\n“2\\. Chuẩn bị các\n")
    assert found == [
        f"{SOURCE}:11: instruction 1 (Sửa đổi, bổ sung khoản 2 Điều 3 như sau:): the quoted text "
        'opened on line 11 is never closed with ” (or ").'
    ]


LEFT_OPEN = "1\\. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:\n\n“2\\. Chuẩn bị.\n\n2\\. Bãi bỏ Điều 4.\n"


def test_quote_left_open_before_the_next_instruction_is_a_problem_in_a_draft() -> None:
    # It was a warning that guessed the quote ends where the next instruction seems to begin; a drafter closes it.
    assert problems(LEFT_OPEN) == [
        f"{SOURCE}:11: instruction 1 (Sửa đổi, bổ sung khoản 2 Điều 3 như sau:): the quoted text opened on line 11 "
        'is not closed with ” (or "); close it where it ends (line 11 is the last paragraph before the next '
        "instruction or article)."]


def test_quote_left_open_in_a_signed_document_is_read_with_a_warning() -> None:
    # A signed text's wording is kept as issued: it is read up to the next instruction, with a warning.
    text = HEAD.replace("draft: 2\n", "signed: 2026-03-10\n") + LEFT_OPEN
    amendment = load_amendment(text, SOURCE, "x")
    assert [i.text for i in amendment.instructions] == ["Sửa đổi, bổ sung khoản 2 Điều 3 như sau:", "Bãi bỏ Điều 4."]
    assert amendment.instructions[0].unit is not None
    assert amendment.instructions[0].unit.text == ("Chuẩn bị.",)
    assert [str(w) for w in amendment.warnings] == [
        f"{SOURCE}:11: instruction 1 (Sửa đổi, bổ sung khoản 2 Điều 3 như sau:): the quoted text opened on line 11 "
        "is not closed with ”; it is read as ending on line 11, where the next instruction or article begins. "
        "Close it there."
    ]


CAPITALS = "1\\. Bãi bỏ Khoản 2 Điều 3.\n\n2\\. Bãi bỏ Điểm a khoản 1 Điều 4.\n\n3\\. Bãi bỏ Khoản 3 Điều 5.\n"


def test_a_draft_is_warned_of_each_citation_written_with_a_capital() -> None:
    amendment = load_amendment(HEAD + CAPITALS, SOURCE, "x")
    assert [i.op for i in amendment.instructions] == [
        RepealUnits((Address.parse("Điều 3 khoản 2"),)), RepealUnits((Address.parse("Điều 4 khoản 1 điểm a"),)),
        RepealUnits((Address.parse("Điều 5 khoản 3"),))]
    assert [(w.line, w.message) for w in amendment.warnings] == [
        (9, "instruction 1 (Bãi bỏ Khoản 2 Điều 3.): 'Khoản' is written with a capital; it is read as 'khoản' "
            "(khoản and điểm are lower case in citations)."),
        (11, "instruction 2 (Bãi bỏ Điểm a khoản 1 Điều 4.): 'Điểm' is written with a capital; it is read as 'điểm' "
             "(khoản and điểm are lower case in citations)."),
        (13, "instruction 3 (Bãi bỏ Khoản 3 Điều 5.): 'Khoản' is written with a capital; it is read as 'khoản' "
             "(khoản and điểm are lower case in citations)."),
    ]


def test_a_signed_document_is_warned_once_per_word_written_with_a_capital() -> None:
    # Its wording is kept as issued (Nghị định 48/2013 writes `Khoản` eight times): one warning per word, not one
    # per instruction on every check.
    signed = HEAD.replace("draft: 2\n", "signed: 2026-03-10\n")
    amendment = load_amendment(signed + CAPITALS, SOURCE, "x")
    assert len(amendment.instructions) == 3
    assert [(w.line, w.message) for w in amendment.warnings] == [
        (9, "the signed text writes 'Khoản' with a capital in 2 instructions (lines 9, 13); each is read as 'khoản' "
            "(khoản and điểm are lower case in citations) and the wording is kept as issued."),
        (11, "the signed text writes 'Điểm' with a capital in 1 instruction (line 11); each is read as 'điểm' "
             "(khoản and điểm are lower case in citations) and the wording is kept as issued."),
    ]


def test_quote_closed_with_doubled_apostrophes_is_read_with_a_warning() -> None:
    text = (HEAD + "1\\. Bổ sung khoản 3 vào sau khoản 2 Điều 34 như sau:\n\n“3. Lựa chọn nhà đầu tư.’’.\n\n"
            "2\\. Bãi bỏ Điều 4.\n")
    amendment = load_amendment(text, SOURCE, "x")
    assert len(amendment.instructions) == 2
    unit = amendment.instructions[0].unit
    assert unit is not None and unit.text == ("Lựa chọn nhà đầu tư.",)
    assert [(w.line, w.message) for w in amendment.warnings] == [
        (11, "The quoted text is closed with ’’ instead of ”; it is read as closed here (line 11).")
    ]


def test_missing_quote_and_stray_text() -> None:
    found = problems(
        "1\\. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:\n\n2\\. Bãi bỏ Điều 4.\n\n"
        "b) Công tác cán bộ.\n\n“3\\. Lạc chỗ.”\n"
    )
    assert found[0].startswith(f"{SOURCE}:9: instruction 1") and "the new text in quotes" in found[0]
    assert found[1].startswith(f"{SOURCE}:13:") and "If it is new text, put it in quotes" in found[1]
    assert found[2].startswith(f"{SOURCE}:15:") and "does not follow an instruction" in found[2]


def test_quoted_label_must_match() -> None:
    found = problems(
        "1\\. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:\n\n“3\\. Khác.”\n\n"
        "2\\. Bổ sung Điều 20a vào sau Điều 20:\n\n“Điều 20b. Sai”\n\n"
        "3\\. Sửa đổi, bổ sung điểm a khoản 1 Điều 2 như sau:\n\n“a) Một;\n\nb) Hai.”\n"
    )
    # Another unit than the instruction names: said at the instruction, the quote as it reads (no `3\\.`).
    assert found[0] == (f"{SOURCE}:9: instruction 1 (Sửa đổi, bổ sung khoản 2 Điều 3 như sau:): the instruction "
                        "names khoản 2 Điều 3 but the quoted text is khoản 3 (`3. Khác.`).")
    assert found[1].endswith("the instruction names Điều 20a but the quoted text is Điều 20b (`Điều 20b. Sai`).")
    assert "quote one unit per instruction" in found[2]


def test_group_without_children_and_relative_outside() -> None:
    found = problems(
        "1\\. Sửa đổi, bổ sung một số điểm của khoản 1 Điều 4 như sau:\n\n"
        "2\\. Sửa đổi, bổ sung một số khoản của Điều 5 như sau:\n\n"
        "a) Sửa đổi, bổ sung khoản 2 Điều 6 như sau:\n\n“2\\. X.”\n"
    )
    assert any("no lettered instructions" in p and ":9:" in p for p in found), found
    assert any("lies outside Điều 5" in p and ":13:" in p for p in found), found


def test_front_matter_problems() -> None:
    found = problems(
        "1\\. Bãi bỏ Điều 4.\n", head="---\nstatus: pending\ndraft: zero\nsigned: tomorrow\n---\n\n## Điều 1. X\n\n"
    )
    joined = "\n".join(found)
    assert "lacks 'regulation'" in joined
    assert f"{SOURCE}:2: The status 'pending'" in joined
    assert f"{SOURCE}:3: The draft number" in joined
    assert f"{SOURCE}:4: The signed date" in joined
    assert problems("1\\. Bãi bỏ Điều 4.\n", head="no front matter\n\n## Điều 1. X\n\n")


def test_no_article_heading() -> None:
    assert "has no 'Điều 1' heading" in problems("", head="---\nregulation: X\n---\n\nChỉ có lời văn.\n")[-1]


def test_with_front_matter_keeps_other_lines() -> None:
    text = "---\n# a comment\nnumber: 05-QC/TU\nstatus: draft\n---\n\nbody\n"
    out = with_front_matter(text, {"status": "adopted", "signed": dt.date(2025, 10, 1)})
    assert out == "---\n# a comment\nnumber: 05-QC/TU\nstatus: adopted\nsigned: 2025-10-01\n---\n\nbody\n"


def test_an_unreadable_instruction_keeps_its_quote_without_a_second_error() -> None:
    found = problems(
        "1\\. Sửa đổi, bổ sung một số khoản của Điều 5 như sau:\n\n"
        "a) Sửa đổi, bổ sung khoản 2 Điều 6 như sau:\n\n“2\\. X.”\n\n"
        "2\\. Sửa đổi, bổ sung khoản 3 Điều 5 như sau\n\n“3\\. Y:\n\na) Z.”\n"
    )
    assert found == [
        f"{SOURCE}:11: instruction 1.a (Sửa đổi, bổ sung khoản 2 Điều 6 như sau:): khoản 2 Điều 6 lies outside "
        "Điều 5, the provision this group of instructions amends.",
        f"{SOURCE}:15: instruction 2 (Sửa đổi, bổ sung khoản 3 Điều 5 như sau): cannot read this instruction: it "
        "announces new text but has no closing punctuation; end it with “như sau:” and put the new text in quotes "
        "below it; the standard wording is 'Sửa đổi, bổ sung khoản 3 Điều 5 như sau:'.",
    ]


def test_read_amendment_keeps_the_instructions_that_can_be_applied() -> None:
    amendment, found = read_amendment(
        HEAD + "1\\. Sửa đổi, bổ sung một số khoản của Điều 5 như sau:\n\n"
        "a) Sửa đổi, bổ sung khoản 2 Điều 6 như sau:\n\n“2\\. X.”\n\n"
        "b) Bãi bỏ khoản 3.\n\n"
        "2\\. Sửa đổi, bổ sung khoản 1 Điều 7 như sau:\n\n“2\\. Y.”\n\n"
        "3\\. Bãi bỏ Điều 4 như sau\n\n"
        "4\\. Bãi bỏ Điều 8.\n", SOURCE, "x")
    # outside the group, wrong quoted label (said at its instruction), unreadable
    assert [p.line for p in found] == [11, 17, 21]
    assert amendment is not None
    assert [(i.location, [c.location for c in i.children]) for i in amendment.instructions] == [
        ("1", ["1.b"]), ("4", [])]
    assert [i.text for i in amendment.leaves()] == ["Bãi bỏ khoản 3.", "Bãi bỏ Điều 8."]
    with pytest.raises(ParseError):
        load_amendment(HEAD + "1\\. Bãi bỏ Điều 4 như sau\n", SOURCE, "x")
    assert read_amendment("no front matter\n", SOURCE, "x")[0] is None

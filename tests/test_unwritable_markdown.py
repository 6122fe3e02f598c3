"""U+FFFE, U+FFFF (and the other non-characters) in a regulation's or amendment's Markdown are named by `check` at
their line and provision: the DOCX writers leave out what no XML document holds (`core.text.as_text`), so such a
character vanished from every Word document without a word."""

from __future__ import annotations

import pytest

from regdraft.core.amend.document import read_amendment
from regdraft.core.markdown import read
from regdraft.core.markdown_writer import render
from regdraft.workspace.store import Workspace

from .conftest import FIXTURES, Invoke

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")
AMENDMENT = (FIXTURES / "comments" / "amendment-1.md").read_text(encoding="utf-8")


def test_a_non_character_in_a_regulation_is_named_at_its_line_and_point_and_kept_as_written() -> None:
    text = MINI.replace("Tập thể thảo luận", "Tập thể\ufffe thảo luận")
    reading = read(text, "regulations/mini.md")
    assert reading.problems == ()
    [warning] = reading.warnings
    assert (warning.line, warning.unit, warning.warning) == (27, "điểm a khoản 2 Điều 2", True)
    assert "non-character U+FFFE, which no document format can hold" in warning.message
    assert "the Word documents regdraft writes leave it out" in warning.message
    assert render(reading.regulation) == text  # read as written


def test_a_non_character_a_document_can_hold_is_named_too() -> None:
    text = MINI.replace("Phạm vi điều chỉnh\n\nQuy chế này", "Phạm vi điều chỉnh\n\nQuy chế\ufdd0 này")
    [warning] = read(text, "regulations/mini.md").warnings
    assert warning.unit == "Điều 1" and "non-character U+FDD0, which is no letter or sign" in warning.message


def test_a_non_character_in_an_amendment_is_named_at_its_instruction() -> None:
    text = AMENDMENT.replace("Thiểu số phục tùng", "Thiểu số\uffff phục tùng")
    amendment, problems = read_amendment(text, "amendments/mini-sua/amendment.md", "mini-sua")
    assert problems == () and amendment is not None
    [warning] = [w for w in amendment.warnings if "U+FFFF" in w.message]
    assert (warning.line, warning.unit) == (18, "instruction 1")


def test_check_names_them_in_the_regulation_and_the_amendment(consulting_workspace: Workspace,
                                                              invoke: Invoke) -> None:
    ws = consulting_workspace
    regulation = MINI.replace("Tập thể thảo luận", "Tập thể\ufffe thảo luận")
    amendment = AMENDMENT.replace("trên môi trường", "trên\uffff môi trường")
    ws.commit({"regulations/MINI-QC.md": regulation.encode(), "amendments/mini-sua/amendment.md": amendment.encode()},
              "typed")
    result = invoke(ws, "check")
    assert "regulations/MINI-QC.md:27: điểm a khoản 2 Điều 2: warning: This line holds the non-character U+FFFE" \
        in result.output
    assert "amendments/mini-sua/amendment.md:22: instruction 2: warning: This line holds the non-character U+FFFF" \
        in result.output


def test_a_text_with_nothing_of_the_kind_is_never_searched_with_the_costly_class(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The exact class (32 characters beyond the BMP among its ranges) costs 35 ms a megabyte: parsing the new text in
    # a drafter's edit-and-compare loop was 28 % slower (benchmarks/bench_alternate.py --edited). A text holding no
    # character that could be one (nothing beyond the BMP, none of its ranges) is let through by one cheap search.
    from regdraft.core import unwritable

    class Refused:
        def search(self, text: str) -> None:
            raise AssertionError("searched with the exact class")

    plain = "Điều 1. Phạm vi điều chỉnh\n\n1\\. Quy chế này quy định …\n" * 500
    monkeypatch.setattr(unwritable, "_UNWRITABLE", Refused())
    assert unwritable.unwritable_lines(plain, "x.md", lambda: []) == []
    with pytest.raises(AssertionError):  # a character beyond the BMP (an emoji) asks the exact class
        unwritable.unwritable_lines(plain + "😀", "x.md", lambda: [])

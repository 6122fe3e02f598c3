"""A dash item whose words begin with a list mark (`- - 0 gạch đầu dòng kép`) keeps every character (sweep r32 AV, F2).

CommonMark reads `- - 0 …` as a list inside a list item, and the block reader, which flattens lists into `- ` / `+ `
paragraphs, kept the inner item alone: `show` printed `- 0 …` and `amend from-edits` wrote the shortened line into
the amending document. `- 1. lồng` was even read as khoản 1. The marks after the item's own mark are now the item's
first words, escaped as the importer writes them (`- \\- 0 …`, `- 1\\. lồng`); the import of a .txt writes a dash item
so, and a quoted dash item typed `“- - 0 …”` in an amending document is read the same way (docs/format.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from regdraft.core.amend.quote import strip_quotes
from regdraft.core.blocks import body_blocks, item_as_read, markdown_it_blocks
from regdraft.core.inline import without_escapes
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.importer.classify import literal
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

FRONT = "---\nid: X\ntype: T\ntitle: T\nlanguage: vi\nissuer: I\nsigned: 2020-01-01\n---\n\n## Điều 1\n\nNhư sau:\n\n"


@pytest.mark.parametrize(("typed", "read"), [
    ("- - 0 gạch đầu dòng kép", "- \\- 0 gạch đầu dòng kép"),
    ("- + a", "- \\+ a"), ("+ - a", "+ \\- a"), ("- * a", "- \\* a"), ("* - a", "- \\- a"),
    ("- 1. lồng", "- 1\\. lồng"), ("- 2021. Năm đó", "- 2021\\. Năm đó"), ("- 1) lồng", "- 1\\) lồng"),
    ("- + - x", "- \\+ \\- x"), ("- -", "- \\-"),
])
def test_a_dash_item_whose_words_begin_with_a_mark_keeps_it(typed: str, read: str) -> None:
    text = f"Như sau:\n\n{typed}\n\nSau."
    lines = text.split("\n")
    expected = [("para", "Như sau:", 1), ("para", read, 3), ("para", "Sau.", 5)]
    assert list(body_blocks(text, lines, 0)) == list(markdown_it_blocks(text, lines, 0)) == expected
    reg = parse(FRONT + typed + "\n", "x.md")
    assert reg.find("d1").unit.text == ("Như sau:", read)
    assert render(parse(render(reg))) == render(reg)  # written escaped, read back the same
    assert item_as_read(typed) == (read if typed[0] in "-+" else typed)  # the quote reader's `- ` and `+ ` items


def test_the_lines_of_a_nested_list_keep_their_own_items() -> None:
    text = "- - a\n  - b\n- c\n  + d"
    lines = text.split("\n")
    assert [c for _, c, _ in body_blocks(text, lines, 0)] == ["- \\- a", "- b", "- c", "+ d"]


_WORDS = st.text(alphabet=st.sampled_from(list("ab01.)-+* ")), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["- ", "+ "]), _WORDS.map(lambda s: " ".join(s.split())).filter(bool))
@example("- ", "- 0 gạch đầu dòng kép")
@example("+ ", "- a")
def test_an_imported_dash_item_reads_back_as_its_words(mark: str, words: str) -> None:
    """The importer's dash item (`importer.classify`: its mark, then `literal(words, item=True)`) is read back as
    itself, and prints its words."""
    written = mark + literal(words, item=True)
    reg = parse(FRONT + ("- Đầu;\n" if mark == "+ " else "") + written + "\n", "x.md")
    assert reg.find("d1").unit.text[-1] == written
    assert without_escapes(written[2:]) == words


def test_a_quoted_dash_item_typed_with_a_mark_reads_as_the_regulation_reads_it() -> None:
    assert strip_quotes(["“- - 0 gạch đầu dòng kép mới”."]) == ["- \\- 0 gạch đầu dòng kép mới"]
    assert strip_quotes(["“- Nội dung;", "- - 0 hai”."]) == ["- Nội dung;", "- - 0 hai"]  # the rest: `blocks` read it


def test_import_show_and_from_edits_keep_the_second_dash(empty_workspace: Workspace, invoke: Invoke,
                                                         tmp_path: Path) -> None:
    ws = empty_workspace
    source = tmp_path / "quyche.txt"
    source.write_text("TỈNH ỦY ĐIỆN BIÊN\n*\nSố 09-QC/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
                      "Điện Biên, ngày 09 tháng 01 năm 2021\n\nQUY CHẾ\nlàm việc thử\n\n"
                      "Điều 1. Phạm vi\n1. Khoản có:\n- - 0 gạch đầu dòng kép\n- mục thường\n"
                      "Điều 2. Hiệu lực\nQuy chế này có hiệu lực kể từ ngày ký.\n", encoding="utf-8")
    assert invoke(ws, "import", str(source)).exit_code == 0
    stored = (ws.root / "regulations" / "09-QC-TU.md").read_text(encoding="utf-8")
    assert "\n- \\- 0 gạch đầu dòng kép\n" in stored
    assert "- - 0 gạch đầu dòng kép" in invoke(ws, "show", "09-QC/TU", "d1").output

    edited = tmp_path / "edited.md"
    edited.write_text(stored.replace("- \\- 0 gạch đầu dòng kép", "- - 0 gạch đầu dòng kép mới"), encoding="utf-8")
    assert invoke(ws, "amend", "new", "sua", "--regulation", "09-QC/TU").exit_code == 0
    done = invoke(ws, "amend", "from-edits", "sua", "--edited", str(edited))
    assert done.exit_code == 0, done.output
    amendment = (ws.root / "amendments" / "sua" / "amendment.md").read_text(encoding="utf-8")
    assert "“- \\- 0 gạch đầu dòng kép mới”" in amendment, amendment
    checked = invoke(ws, "amend", "check", "sua")
    assert checked.exit_code == 0, checked.output
    preview = invoke(ws, "amend", "preview", "sua").output
    assert "\n- \\- 0 gạch đầu dòng kép mới\n" in preview

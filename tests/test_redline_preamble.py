"""The preamble (the bases, `Căn cứ …`) in a redline: printed above the first provision, marked where the two
texts differ. A comparison of the provisions alone printed no preamble and showed an edited basis nowhere."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import FIXTURES, Invoke, unsaid

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def _files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(MINI, encoding="utf-8")
    new.write_text(MINI.replace("Căn cứ Điều lệ Đảng;", "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"), encoding="utf-8")
    return old, new


def test_an_edited_basis_is_marked_above_the_first_provision_and_noted(tmp_path: Path, invoke: Invoke) -> None:
    old, new = _files(tmp_path)
    out = tmp_path / "so-sanh.html"
    result = invoke(None, "compare", str(old), str(new), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "The preamble (its bases) differs" in result.output
    page = unsaid(out.read_text(encoding="utf-8"))
    body = page.split('<div class="body-text">', 1)[1]
    assert body.index("Căn cứ Điều lệ Đảng") < body.index("Điều 1")
    assert re.search(r'<p class="preamble para chg">Căn cứ Điều lệ Đảng<ins class="ins"> Cộng sản Việt Nam</ins>;</p>',
                     body)


def test_the_comparison_table_gives_the_edited_preamble_a_row_of_its_own(tmp_path: Path, invoke: Invoke) -> None:
    old, new = _files(tmp_path)
    out = tmp_path / "bang.html"
    assert invoke(None, "compare", str(old), str(new), "--layout", "table", "-o", str(out)).exit_code == 0
    row = next(r for r in unsaid(out.read_text(encoding="utf-8")).split("<tr") if "Phần căn cứ ban hành" in r)
    old_cell, new_cell = row.split("<td>")[1:3]
    assert "Căn cứ Điều lệ Đảng;" in old_cell and "<ins" not in old_cell
    assert '<ins class="ins"> Cộng sản Việt Nam</ins>' in new_cell


def test_an_unchanged_preamble_is_printed_plain_and_left_out_of_the_changes_alone(tmp_path: Path,
                                                                                   invoke: Invoke) -> None:
    old, _ = _files(tmp_path)
    new = tmp_path / "same-basis.md"
    new.write_text(MINI.replace("Bảo đảm sự lãnh đạo", "Bảo đảm sự lãnh đạo thống nhất"), encoding="utf-8")
    whole, only = tmp_path / "whole.html", tmp_path / "only.html"
    result = invoke(None, "compare", str(old), str(new), "-o", str(whole))
    assert result.exit_code == 0 and "preamble (its bases)" not in result.output
    assert '<p class="preamble">Căn cứ Điều lệ Đảng;</p>' in whole.read_text(encoding="utf-8")
    assert invoke(None, "compare", str(old), str(new), "--changed-only", "-o", str(only)).exit_code == 0
    assert "Căn cứ Điều lệ Đảng" not in only.read_text(encoding="utf-8").split('<div class="body-text">', 1)[1]


def test_the_word_redline_tracks_an_edited_basis_before_the_first_provision(tmp_path: Path, invoke: Invoke) -> None:
    from regdraft.core.replies import versions
    from regdraft.importer.word_reply import read_reply

    old, new = _files(tmp_path)
    out = tmp_path / "so-sanh.docx"
    assert invoke(None, "compare", str(old), str(new), "-o", str(out)).exit_code == 0
    rejected, accepted = versions(read_reply(out.read_bytes(), out.name, redline_changes=True).paragraphs)
    assert "Căn cứ Điều lệ Đảng;" in rejected and "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;" in accepted
    basis = accepted.index("Căn cứ Điều lệ Đảng Cộng sản Việt Nam;")
    assert basis < next(k for k, text in enumerate(accepted) if text.startswith("Điều 1"))


def test_a_line_in_capitals_in_the_preamble_stands_as_the_export_prints_it(tmp_path: Path, invoke: Invoke) -> None:
    """A decree's `CHÍNH PHỦ` over its bases and its `NGHỊ ĐỊNH:` print upright, bold and centred (`standing`), as the
    consolidated export prints them, not in italics as a basis (sweep r26/K defect 4); unchanged or marked."""
    laid_out = MINI.replace("Căn cứ Điều lệ Đảng;", "TỈNH ỦY\n\nCăn cứ Điều lệ Đảng;\n\nQUY ĐỊNH:")
    old, new, edited = tmp_path / "old.md", tmp_path / "new.md", tmp_path / "edited.md"
    old.write_text(laid_out, encoding="utf-8")
    new.write_text(laid_out.replace("Bảo đảm sự lãnh đạo", "Bảo đảm sự lãnh đạo thống nhất"), encoding="utf-8")
    edited.write_text(laid_out.replace("Căn cứ Điều lệ Đảng;", "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"),
                      encoding="utf-8")
    for changed, out in ((new, tmp_path / "same.html"), (edited, tmp_path / "edited.html")):
        assert invoke(None, "compare", str(old), str(changed), "-o", str(out)).exit_code == 0
        body = out.read_text(encoding="utf-8").split('<div class="body-text">', 1)[1]
        assert re.search(r'<p class="preamble standing[^"]*">TỈNH ỦY</p>', body), out.name
        assert re.search(r'<p class="preamble standing[^"]*">QUY ĐỊNH:</p>', body), out.name
        assert re.search(r'<p class="preamble( para chg)?">Căn cứ Điều lệ Đảng', body), out.name
    css = (tmp_path / "same.html").read_text(encoding="utf-8")
    assert ".preamble.standing { font-style: normal; font-weight: bold; text-align: center; text-indent: 0; }" in css

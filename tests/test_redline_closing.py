"""The redline ends as the compared text does: the adoption sentence, the recipients and the signature block after
the last article (before the appendices), plain where the versions agree, marked where they differ; the comparison
table gives them a row when they changed; the Word redline tracks them, so each side reads as its version."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from regdraft.core.diff import compare
from regdraft.core.markdown import parse
from regdraft.core.model import Regulation
from regdraft.core.replies import versions
from regdraft.importer.word_reply import read_reply
from regdraft.render.pdf import write_pdf
from regdraft.render.profile import load_profile
from regdraft.render.redline import Redline, Version, render_html
from regdraft.render.redline_docx import write_redline_docx

TODAY = dt.date(2025, 3, 1)
OLD_ADOPTION = "Luật này được Quốc hội khóa XV, kỳ họp thứ 5 thông qua ngày 23 tháng 6 năm 2023."
NEW_ADOPTION = "Luật này được Quốc hội khóa XV, kỳ họp thứ 6 thông qua ngày 29 tháng 11 năm 2023."


def _law(adoption: str, name: str, recipients: list[str], appendix: bool = False) -> Regulation:
    listed = "".join(f"\n- \"{r}\"" for r in recipients)
    return parse(f"---\nid: 22/2023/QH15\ntype: Luật\ntitle: Luật Đấu thầu\nlanguage: vi\nissuer: QUỐC HỘI\n"
                 f"place: Hà Nội\nsigned: 2023-06-23\nadoption: {adoption}\n"
                 f"signer:\n  title: CHỦ TỊCH QUỐC HỘI\n  name: {name}\nrecipients:{listed}\n---\n\n"
                 "## Điều 1. Phạm vi điều chỉnh\n\nLuật này quy định về đấu thầu.\n\n"
                 "## Điều 2. Hiệu lực thi hành\n\nLuật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2024.\n"
                 + ("\n# Phụ lục I. BIỂU MẪU\n\nNội dung biểu mẫu.\n" if appendix else ""))


OLD = _law(OLD_ADOPTION, "Vương Đình Huệ", ["Văn phòng Quốc hội;", "Lưu: VT."], appendix=True)
NEW = _law(NEW_ADOPTION, "Trần Thanh Mẫn", ["Văn phòng Chính phủ;", "Lưu: VT."], appendix=True)


def _redline(old: Regulation, new: Regulation) -> Redline:
    return Redline(compare(old, new), Version("A", old.id), Version("B", new.id))


def _text(html: str) -> str:
    """The words of some HTML: a paragraph or a cell ends a word, a mark inside one does not."""
    spaced = re.sub(r"</?(p|td|tr|table|div)\b[^>]*>|&nbsp;", " ", html)
    return " ".join(re.sub(r"<[^>]+>", "", spaced).split())


def _reading(html: str, side: str) -> str:
    """One side of the inline redline: the other side's words left out (and the space that parts a deletion from
    the insertion after it)."""
    html = html.replace('</del> <ins class="ins">', '</del><ins class="ins">')
    drop = "ins" if side == "old" else "del"
    return _text(re.sub(rf"<{drop}\b[^>]*>.*?</{drop}>", "", html, flags=re.S))


def test_the_inline_redline_marks_the_closing_parts_that_changed_before_the_appendices() -> None:
    html = render_html(_redline(OLD, NEW), profile=load_profile({}), today=TODAY)
    body = html[html.index('<div class="body-text">'):]
    ends = body[body.index("Luật này có hiệu lực thi hành"):body.index("Phụ lục I. BIỂU MẪU")]
    assert _reading(ends, "old").endswith(f"{OLD_ADOPTION} Nơi nhận: - Văn phòng Quốc hội; - Lưu: VT. "
                                          "CHỦ TỊCH QUỐC HỘI Vương Đình Huệ")
    assert _reading(ends, "new").endswith(f"{NEW_ADOPTION} Nơi nhận: - Văn phòng Chính phủ; - Lưu: VT. "
                                          "CHỦ TỊCH QUỐC HỘI Trần Thanh Mẫn")
    assert '<del class="del">Vương Đình Huệ</del> <ins class="ins">Trần Thanh Mẫn</ins>' in ends
    assert 'class="para adoption chg"' in ends  # its change bar


def test_unchanged_closing_parts_print_plain_in_the_redline_and_have_no_row_in_the_table() -> None:
    html = render_html(_redline(OLD, OLD), profile=load_profile({}), today=TODAY)
    ends = html[html.index('<p class="para adoption">'):html.index("Phụ lục I. BIỂU MẪU")]
    assert _text(ends).startswith(f"{OLD_ADOPTION} Nơi nhận: - Văn phòng Quốc hội; - Lưu: VT. CHỦ TỊCH QUỐC HỘI "
                                  "Vương Đình Huệ")
    assert "<del" not in ends and "<ins" not in ends
    table = render_html(_redline(OLD, OLD), layout="table", profile=load_profile({}), today=TODAY)
    assert "Phần cuối văn bản" not in table and "Vương Đình Huệ" not in table


def test_the_comparison_table_has_a_row_for_closing_parts_that_changed() -> None:
    table = render_html(_redline(OLD, NEW), layout="table", profile=load_profile({}), today=TODAY)
    assert table.count("Phần cuối văn bản") == 1
    start = table.index("Phần cuối văn bản")
    _label, old, new = table[start:table.index('</td><td class="col-note">', start)].split("</td><td>")
    old, new = _text(old), _text(new)  # the nested signature tables' own cells have classes
    assert old.startswith(OLD_ADOPTION) and old.endswith("Vương Đình Huệ") and "Trần Thanh Mẫn" not in old
    assert new.startswith(NEW_ADOPTION) and new.endswith("Trần Thanh Mẫn") and "Vương Đình Huệ" not in new


def test_the_word_redline_tracks_the_closing_parts(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    write_redline_docx(_redline(OLD, NEW), out, load_profile({}), TODAY)
    rejected, accepted = versions(read_reply(out.read_bytes(), out.name, redline_changes=True).paragraphs)
    assert OLD_ADOPTION in rejected and NEW_ADOPTION in accepted
    assert NEW_ADOPTION not in rejected and OLD_ADOPTION not in accepted
    import docx

    left, right = docx.Document(str(out)).tables[-1].rows[0].cells
    assert [p.text for p in left.paragraphs][:1] == ["Nơi nhận:"]
    assert [p.text for p in right.paragraphs if p.text][:1] == ["CHỦ TỊCH QUỐC HỘI"]
    xml = right._tc.xml
    assert "Vương Đình Huệ" in re.sub(r"<[^>]+>", "", xml.split("<w:del ")[1]) and "Trần Thanh Mẫn" in xml


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_the_printed_redline_ends_with_the_signature(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    write_pdf(render_html(_redline(OLD, OLD), profile=load_profile({}), today=TODAY), out)
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert f"{OLD_ADOPTION} Nơi nhận: - Văn phòng Quốc hội; - Lưu: VT. CHỦ TỊCH QUỐC HỘI Vương Đình Huệ" in text

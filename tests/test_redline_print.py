"""What a redline prints on paper: a deletion never runs into the insertion that replaces it, and
a translation prints its document number, not its workspace id."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.core.word_diff import DiffSegment, Op
from regdraft.render.marked import marked
from regdraft.render.profile import load_profile
from regdraft.workspace import redline as rl
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def test_a_replacement_inside_a_word_is_printed_apart() -> None:
    (para,) = marked([DiffSegment(Op.DELETE, "30"), DiffSegment(Op.INSERT, "22"), DiffSegment(Op.EQUAL, "-QĐ/TW")])
    text = re.sub(r"<[^>]+>", "", str(para.html))
    assert text == "30 22-QĐ/TW"
    (para,) = marked([DiffSegment(Op.DELETE, "ba "), DiffSegment(Op.INSERT, "hai "), DiffSegment(Op.EQUAL, "tháng")])
    assert re.sub(r"<[^>]+>", "", str(para.html)) == "ba hai tháng"  # already apart: nothing added
    (para,) = marked([DiffSegment(Op.EQUAL, "tỉnh"), DiffSegment(Op.DELETE, "."), DiffSegment(Op.INSERT, ";")])
    assert re.sub(r"<[^>]+>", "", str(para.html)) == "tỉnh.;"  # one mark replacing another
    # A word replaced by a mark: no space before the comma (Luật Công đoàn, Điều 13: `kỳ họp và` → `kỳ họp,`).
    (para,) = marked([DiffSegment(Op.EQUAL, "kỳ họp"), DiffSegment(Op.DELETE, " và"), DiffSegment(Op.INSERT, ","),
                      DiffSegment(Op.EQUAL, " hội nghị")])
    assert re.sub(r"<[^>]+>", "", str(para.html)) == "kỳ họp và, hội nghị"
    (para,) = marked([DiffSegment(Op.EQUAL, "kỳ họp"), DiffSegment(Op.DELETE, " và"), DiffSegment(Op.INSERT, ","),
                      DiffSegment(Op.EQUAL, " hội nghị")], side="new")
    assert re.sub(r"<[^>]+>", "", str(para.html)) == "kỳ họp, hội nghị"


def _reading(html: str, side: str) -> str:
    """One side of an inline redline's text: the other side's words left out, and the space that keeps a deletion
    apart from the insertion after it (`</del> <ins`) with them."""
    html = html.replace('</del> <ins class="ins">', '</del><ins class="ins">')
    drop = "ins" if side == "old" else "del"
    return re.sub(r"<[^>]+>", "", re.sub(rf"<{drop}\b[^>]*>.*?</{drop}>", "", html))


@pytest.mark.parametrize(("old", "new"), [
    # Nghị định 48/2013 on 63/2010, khoản 2 Điều 9: printed `ý kiến bao gồm:về quy định thủ tục hành chính`.
    ("2. Hồ sơ gửi lấy ý kiến bao gồm:", "2. Nội dung cho ý kiến về quy định thủ tục hành chính chủ yếu xem xét các "
     "vấn đề được quy định tại Điều 7 và Điều 8 của Nghị định này."),
    ("Luật này có hiệu lực như sau:", "Luật này có hiệu lực chi tiết Điều này."),
    ("được ghi như sau:", "được ghi (theo mẫu) tại Phụ lục."),
    ("số 30-QĐ/TW ngày 26/7/2016", "số 22-QĐ/TW ngày 28/7/2021"),
    ("tại kỳ họp và hội nghị", "tại kỳ họp, hội nghị"),
    ("thuộc địa bàn tỉnh.", "thuộc địa bàn tỉnh;"),
])
def test_a_deletion_and_the_insertion_after_it_print_apart_and_each_side_reads_as_its_text(old: str,
                                                                                           new: str) -> None:
    from regdraft.core.word_diff import diff_words

    segments = diff_words(old, new)
    (para,) = marked(segments)
    html = str(para.html)
    for deleted, inserted in re.findall(r"<del[^>]*>([^<]*)</del><ins[^>]*>([^<]*)</ins>", html):
        # Touching only where the insertion starts with a mark that follows a word (`.;`, ` và,`).
        assert deleted[-1:].isspace() or not (inserted[:1].isalnum() or inserted[:1] in "(“"), html
    assert _reading(html, "old") == old and _reading(html, "new") == new


def test_no_deleted_word_touches_an_inserted_one_in_the_shipped_redline(tmp_workspace: Workspace) -> None:
    from regdraft.render.redline import render_html

    page = render_html(rl.build(tmp_workspace, "01-QC/TU"), profile=load_profile({}))
    for deleted, inserted in re.findall(r"<del[^>]*>([^<]*)</del><ins[^>]*>([^<]*)</ins>", page):
        assert not (deleted[-1:].isalnum() and inserted[:1].isalnum()), (deleted, inserted)
    text = re.sub(r"<[^>]+>", "", page)
    assert "3022" not in text and "26/7/201628/7/2021" not in text


def test_the_english_text_prints_its_document_number(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    import yaml

    from regdraft.render.html import document_header

    meta = yaml.safe_load((tmp_workspace.root / "regulations" / "01-QC-TU-EN.md").read_text(
        encoding="utf-8").split("---")[1])
    header = document_header(meta, load_profile({}))
    assert "01-QC/TU" in header.number and "-EN" not in header.number

"""The document type and the summary under it, as the header prints them from the title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.render.html import document_header
from regdraft.render.profile import load_profile
from regdraft.workspace.store import init_workspace
from tests import pdf_text
from tests.conftest import Invoke


def test_an_english_plural_title_keeps_its_plural_and_no_letter_is_cut_off() -> None:
    # `amend new` on the English regulation titled the draft `Regulations amending …` (type `Regulation`): the
    # header printed REGULATION, then `s amending the Working Regulations …`.
    meta = {"language": "en", "type": "Regulation", "title": "Regulations amending the Working Regulations"}
    header = document_header(meta, load_profile({}))
    assert (header.type, header.summary) == ("Regulations", "amending the Working Regulations")


def test_a_title_starting_with_its_type_is_split_at_the_word_and_only_there() -> None:
    profile = load_profile({})
    vi = document_header({"type": "Quy chế", "title": "Quy chế làm việc của Ban Chấp hành"}, profile)
    assert (vi.type, vi.summary) == ("Quy chế", "làm việc của Ban Chấp hành")
    other = document_header({"language": "en", "type": "Rule", "title": "Rulebook of the Office"}, profile)
    assert (other.type, other.summary) == ("Rule", "Rulebook of the Office")


@pytest.mark.parametrize(("doc_type", "title", "shown", "summary"), [
    ("Thông tư", "Thông tư liên tịch hướng dẫn chế độ phụ cấp", "Thông tư liên tịch", "hướng dẫn chế độ phụ cấp"),
    ("Nghị quyết", "Nghị quyết liên tịch quy định chi tiết", "Nghị quyết liên tịch", "quy định chi tiết"),
    ("Quy chế", "Quy chế phối hợp giữa Ban Tuyên giáo và Sở Nội vụ", "Quy chế phối hợp", "giữa Ban Tuyên giáo và Sở "
     "Nội vụ"),
    ("Thông tư liên tịch", "Thông tư liên tịch hướng dẫn", "Thông tư liên tịch", "hướng dẫn"),
    # Not a compound: a Hướng dẫn about working together, and words that only begin like one.
    ("Hướng dẫn", "Hướng dẫn phối hợp kiểm tra", "Hướng dẫn", "phối hợp kiểm tra"),
    ("Thông tư", "Thông tư liên tịchx", "Thông tư", "liên tịchx"),
])
def test_a_compound_type_is_the_type_whole(doc_type: str, title: str, shown: str, summary: str) -> None:
    # The importer reads `THÔNG TƯ LIÊN TỊCH` as a `Thông tư` titled `Thông tư liên tịch …`: the header printed THÔNG TƯ
    # over `liên tịch hướng dẫn …`.
    header = document_header({"type": doc_type, "title": title}, load_profile({}))
    assert (header.type, header.summary) == (shown, summary)


# A joint circular as a ministry publishes it (the corpus holds none): the header's type line is `THÔNG TƯ LIÊN TỊCH`.
JOINT_CIRCULAR = """BỘ NỘI VỤ - BỘ TÀI CHÍNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 01/2024/TTLT-BNV-BTC
Hà Nội, ngày 15 tháng 3 năm 2024

THÔNG TƯ LIÊN TỊCH
HƯỚNG DẪN CHẾ ĐỘ PHỤ CẤP TRÁCH NHIỆM CÔNG VIỆC

Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;

Bộ trưởng Bộ Nội vụ và Bộ trưởng Bộ Tài chính ban hành Thông tư liên tịch hướng dẫn chế độ phụ cấp trách nhiệm \
công việc.

Điều 1. Phạm vi điều chỉnh

Thông tư liên tịch này hướng dẫn chế độ phụ cấp trách nhiệm công việc.

Điều 2. Hiệu lực thi hành

Thông tư liên tịch này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2024.
"""


def test_a_joint_circular_is_named_by_its_whole_type_in_every_export(invoke: Invoke, tmp_path: Path) -> None:
    # The consolidated opening read `Thông tư số 01/2024/TTLT-BNV-BTC … của Bộ nội vụ - bộ tài chính liên tịch hướng
    # dẫn …`, the running header `Thông tư số 01/2024/TTLT-BNV-BTC liên tịch hướng dẫn …`.
    from docx import Document

    root = init_workspace(tmp_path / "ws").root
    source = tmp_path / "ttlt.txt"
    source.write_text(JOINT_CIRCULAR, encoding="utf-8")
    assert invoke(root, "import", str(source)).exit_code == 0
    texts: dict[str, str] = {}
    for fmt in ("md", "html", "docx", "pdf"):
        out = tmp_path / f"hop-nhat.{fmt}"
        result = invoke(root, "export", "01/2024/TTLT-BNV-BTC", "-o", str(out))
        assert result.exit_code == 0, result.output
        if fmt == "docx":
            texts[fmt] = "\n".join(p.text for p in Document(str(out)).paragraphs)
        elif fmt == "pdf":
            texts[fmt] = "\n".join(pdf_text.pages(out)[0].splitlines())
        else:
            texts[fmt] = out.read_text(encoding="utf-8")
    running = re.search(r'@(?:top|bottom)-center \{ content: "(VĂN BẢN HỢP NHẤT[^"]*)"', texts["html"])
    texts["html"] = re.sub(r"<[^>]+>", "", texts["html"])
    for fmt, text in texts.items():
        flat = " ".join(text.split())
        assert "Thông tư liên tịch số 01/2024/TTLT-BNV-BTC ngày 15 tháng 3 năm 2024" in flat, fmt
        assert "liên tịch hướng dẫn chế độ" not in flat.replace("Thông tư liên tịch hướng dẫn", ""), fmt
        assert "Thông tư số" not in flat, fmt
    for fmt in ("html", "docx", "pdf"):  # the title block: the type line, the summary under it (with its capital)
        assert "THÔNG TƯ LIÊN TỊCH\nHướng dẫn chế độ phụ cấp" in texts[fmt], fmt
    assert running is not None
    assert running.group(1).startswith("VĂN BẢN HỢP NHẤT (bản để tham khảo) - Thông tư liên tịch số "
                                       "01/2024/TTLT-BNV-BTC hướng dẫn")
    # The comparison of two of its texts cites each side so too (`Văn bản … (Thông tư liên tịch số …)`).
    old = root / "regulations" / "01-2024-TTLT-BNV-BTC.md"
    new = tmp_path / "moi.md"
    new.write_text(old.read_text(encoding="utf-8").replace("trách nhiệm công việc.", "trách nhiệm công việc đối với "
                                                           "công chức.", 1), encoding="utf-8")
    result = invoke(None, "compare", str(old), str(new), "-o", str(tmp_path / "so-sanh.html"))
    assert result.exit_code == 0, result.output
    compared = re.sub(r"<[^>]+>", "", (tmp_path / "so-sanh.html").read_text(encoding="utf-8"))
    assert "Thông tư liên tịch số 01/2024/TTLT-BNV-BTC" in compared
    assert "Thông tư số" not in compared


def test_a_joint_circular_names_both_issuers_and_takes_effect_on_its_own_date(invoke: Invoke, tmp_path: Path) -> None:
    # The consolidated opening read `… của Bộ nội vụ - bộ tài chính …, có hiệu lực kể từ ngày 15 tháng 3 năm 2024`:
    # the issuers lower-cased, and the signing date, as `Thông tư liên tịch này có hiệu lực …` was not read.
    root = init_workspace(tmp_path / "ws").root
    source = tmp_path / "ttlt.txt"
    source.write_text(JOINT_CIRCULAR, encoding="utf-8")
    assert invoke(root, "import", str(source)).exit_code == 0
    imported = (root / "regulations" / "01-2024-TTLT-BNV-BTC.md").read_text(encoding="utf-8")
    assert "\neffective: 2024-05-01\n" in imported
    out = tmp_path / "hop-nhat.md"
    result = invoke(root, "export", "01/2024/TTLT-BNV-BTC", "--as-of", "2024-06-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    flat = " ".join(out.read_text(encoding="utf-8").split())
    assert ("Thông tư liên tịch số 01/2024/TTLT-BNV-BTC ngày 15 tháng 3 năm 2024 của Bộ Nội vụ - Bộ Tài chính hướng "
            "dẫn chế độ phụ cấp trách nhiệm công việc, có hiệu lực kể từ ngày 01 tháng 5 năm 2024,") in flat


@pytest.mark.parametrize(("profile", "meta", "summary"), [
    # Nghị định 30/2020/NĐ-CP, Phụ lục I: the summary under the type opens with a capital (the header printed
    # `NGHỊ ĐỊNH` / `về kiểm soát thủ tục hành chính`, a line opening in lower case).
    ("state-30", {"type": "Nghị định", "title": "Nghị định về kiểm soát thủ tục hành chính"},
     "Về kiểm soát thủ tục hành chính"),
    # A law's name in capitals, as the law prints it (`LUẬT` / `ĐẤU THẦU`; it printed `Đấu thầu`).
    ("state-30", {"type": "Luật", "title": "Luật Đấu thầu"}, "ĐẤU THẦU"),
    ("state-30", {"type": "Luật", "title": "Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu"},
     "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤU THẦU"),
    # A Party document's summary runs on from its type, as Party documents print it.
    ("party-36", {"type": "Quy chế", "title": "Quy chế làm việc của Ban Chấp hành"}, "làm việc của Ban Chấp hành"),
])
def test_the_summary_under_the_type_is_printed_as_the_document_form_prints_it(profile: str, meta: dict[str, str],
                                                                              summary: str) -> None:
    assert document_header(meta, load_profile({}, {"profile": profile})).summary == summary


def test_a_consolidated_law_prints_its_name_in_capitals_and_word_names_it_by_its_running_header(
        invoke: Invoke, tmp_path: Path) -> None:
    from docx import Document

    from tests.test_cli_core import LAW

    root = init_workspace(tmp_path / "ws").root
    (root / "regulations" / "57-2020-QH14.md").write_text(
        LAW.replace("issuer: QUỐC HỘI\n", "issuer: QUỐC HỘI\nprofile: state-30\n"), encoding="utf-8")
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"hop-nhat.{fmt}"
        result = invoke(root, "export", "57/2020/QH14", "-o", str(out))
        assert result.exit_code == 0, result.output
        if fmt == "docx":
            document = Document(str(out))
            text = "\n".join(p.text for p in document.paragraphs)
            # Word's File > Info names it by its running header (docs/export.md), not `Luật Thanh niên`
            title = document.core_properties.title
            assert title == "VĂN BẢN HỢP NHẤT (bản để tham khảo) - Luật Thanh niên số 57/2020/QH14"
        else:
            text = "\n".join(pdf_text.pages(out)[0].splitlines())
        assert "LUẬT\nTHANH NIÊN\n" in text, fmt

"""A text issued with a decision (`issued_with: Quyết định`: a UBND's Quy chế làm việc, ban hành kèm theo Quyết định
số 15/2021/QĐ-UBND) is amended by a decision and cited by its title and that decision (docs/format.md); the closing
footnote lands on a closing article's whole title; a draft's signer carries no `(Đã ký)`; a decision's authority
line and `QUYẾT ĐỊNH:` print upright, bold and centred (the r23 s6state sweep)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pytest

from regdraft.core.closing_notes import closing_article
from regdraft.core.markdown import parse
from regdraft.core.model import Regulation
from regdraft.importer import import_file
from regdraft.render.profile import load_profile
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_render_pdf import pdf_text

QUY_CHE = """---
id: 15/2021/QĐ-UBND
type: Quy chế
title: Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026
issued_with: Quyết định
language: vi
profile: state-30
issuer: ỦY BAN NHÂN DÂN TỈNH LÀO CAI
place: Lào Cai
signed: 2021-08-20
signer:
  on_behalf: TM. ỦY BAN NHÂN DÂN
  title: CHỦ TỊCH
  note: (Đã ký)
  name: Trịnh Xuân Trường
---

# Chương I. NHỮNG QUY ĐỊNH CHUNG

## Điều 1. Phạm vi điều chỉnh

Quy chế này quy định nguyên tắc, chế độ làm việc của Ủy ban nhân dân tỉnh.

# Chương II. CHẾ ĐỘ LÀM VIỆC

## Điều 2. Phiên họp Ủy ban nhân dân tỉnh

1\\. Ủy ban nhân dân tỉnh họp thường kỳ mỗi tháng một lần.

2\\. Tài liệu phiên họp được gửi chậm nhất 05 ngày làm việc trước ngày họp.

## Điều 3. Kiểm tra việc thi hành văn bản

Văn phòng Ủy ban nhân dân tỉnh theo dõi, kiểm tra việc thi hành văn bản.

# Chương III. ĐIỀU KHOẢN THI HÀNH

## Điều 4. Tổ chức thực hiện

Các thành viên Ủy ban nhân dân tỉnh chịu trách nhiệm thực hiện Quy chế này.

## Điều 5. Sửa đổi, bổ sung Quy chế

Việc sửa đổi, bổ sung Quy chế do Ủy ban nhân dân tỉnh quyết định.
"""

REG = "15/2021/QĐ-UBND"
DECISION = "Quyết định số 15/2021/QĐ-UBND ngày 20 tháng 8 năm 2021 của Ủy ban nhân dân tỉnh Lào Cai"
CITED = f"Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026 ban hành kèm theo {DECISION}"
INSTRUCTION = """1\\. Sửa đổi, bổ sung khoản 1 Điều 2 như sau:

“1\\. Ủy ban nhân dân tỉnh họp thường kỳ mỗi tháng một lần, vào tuần cuối tháng.”

"""


def _ok(invoke: Invoke, ws: Workspace, *args: str) -> str:
    done = invoke(ws, *args)
    assert done.exit_code == 0, done.output
    return str(done.output)


def _scaffold(ws: Workspace, invoke: Invoke) -> Path:
    ws.commit({"regulations/15-2021-QĐ-UBND.md": QUY_CHE.encode()}, "Quy chế")
    _ok(invoke, ws, "amend", "new", "qd", "--regulation", REG)
    return ws.root / "amendments/qd/amendment.md"


def test_a_text_issued_with_a_decision_is_amended_by_a_decision(tmp_workspace: Workspace, invoke: Invoke) -> None:
    text = _scaffold(tmp_workspace, invoke).read_text(encoding="utf-8")
    title = re.search(r"^title: (.*(?:\n  .*)*)", text, re.M)
    assert title is not None and " ".join(title.group(1).split()) == \
        f"Quyết định sửa đổi, bổ sung một số điều của {CITED}"
    assert "\ntype: Quyết định\n" in text
    body = text.split("\n---\n", 1)[1]
    assert body.split("\n\n")[:3] == ["\nỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Căn cứ Luật Tổ chức chính quyền địa phương …;",
                                      "Căn cứ …;"]
    assert "\n\nQUYẾT ĐỊNH:\n\n## Điều 1. Sửa đổi, bổ sung một số điều của " + CITED + "\n" in body
    assert "## Điều 2. Hiệu lực thi hành\n\nQuyết định này có hiệu lực thi hành từ ngày … tháng … năm …." in body
    assert "## Điều 3. Trách nhiệm thi hành\n\nChánh Văn phòng Ủy ban nhân dân tỉnh Lào Cai, Giám đốc các sở" in body
    assert body.rstrip().endswith("chịu trách nhiệm thi hành Quyết định này.")
    assert "Quy chế số" not in text and "ban hành Quy chế sửa đổi" not in text


def test_a_drafts_signer_carries_no_signed_note(tmp_workspace: Workspace, invoke: Invoke) -> None:
    text = _scaffold(tmp_workspace, invoke).read_text(encoding="utf-8")
    assert "(Đã ký)" not in text and "on_behalf: TM. ỦY BAN NHÂN DÂN\n  title: CHỦ TỊCH\n  name: ''\n" in text
    out = tmp_workspace.root / "qd.pdf"
    _ok(invoke, tmp_workspace, "amend", "export", "qd", "-o", str(out))
    assert "CHỦ TỊCH" in pdf_text(out) and "Đã ký" not in pdf_text(out)


def _adopted(ws: Workspace, invoke: Invoke) -> None:
    path = _scaffold(ws, invoke)
    text = path.read_text(encoding="utf-8")
    text = text.replace("\n## Điều 2. Hiệu lực", "\n" + INSTRUCTION + "## Điều 2. Hiệu lực")
    text = text.replace("từ ngày … tháng … năm ….", "kể từ ngày 01 tháng 01 năm 2026.").replace(
        "  name: ''", "  name: Nguyễn Văn A")
    ws.commit({"amendments/qd/amendment.md": text.encode()}, "Dự thảo")
    assert "no problems found" in _ok(invoke, ws, "amend", "check", "qd")  # its Điều 1 is read as the instructions
    assert "vào tuần cuối tháng" in _ok(invoke, ws, "amend", "preview", "qd")
    for status in ("circulating", "submitted"):
        _ok(invoke, ws, "amend", "status", "qd", status)
    _ok(invoke, ws, "amend", "number", "qd", "45/2025/QĐ-UBND")
    _ok(invoke, ws, "amend", "adopt", "qd", "--signed", "2025-12-20")


def test_the_decisions_text_is_applied_and_the_base_is_cited_with_its_decision(tmp_workspace: Workspace,
                                                                               invoke: Invoke) -> None:
    _adopted(tmp_workspace, invoke)
    md = tmp_workspace.root / "hn.md"
    _ok(invoke, tmp_workspace, "export", REG, "-o", str(md))
    text = md.read_text(encoding="utf-8")
    assert f"\n{CITED}, có hiệu lực kể từ ngày 20 tháng 8 năm 2021, được sửa đổi, bổ sung bởi:" in text
    assert "Quy chế số 15/2021" not in text and "Lào Cai làm việc của" not in text
    # The decision's own Điều 2 and 3 are quoted at Điều 4 Tổ chức thực hiện, not at Điều 3 Kiểm tra việc thi hành.
    assert "## Điều 3. Kiểm tra việc thi hành văn bản" in text
    marker = re.search(r"^## Điều 4\.(\[\^\d+\])+ Tổ chức thực hiện", text, re.M)
    assert marker is not None
    note = re.search(rf"^{re.escape(marker.group(1))}: (.*)", text, re.M)
    assert note is not None and note.group(1).startswith("Điều 2 và Điều 3 của Quyết định số 45/2025/QĐ-UBND")
    pdf = tmp_workspace.root / "hn.pdf"
    _ok(invoke, tmp_workspace, "export", REG, "-o", str(pdf))
    printed = pdf_text(pdf)
    assert CITED in printed and "Quy chế số 15/2021" not in printed
    html = tmp_workspace.root / "hn.html"
    _ok(invoke, tmp_workspace, "export", REG, "-o", str(html))
    running = re.findall(r'content: *"([^"]*)"', html.read_text(encoding="utf-8"))
    assert "VĂN BẢN HỢP NHẤT (bản để tham khảo) - Quy chế ban hành kèm theo Quyết định số 15/2021/QĐ-UBND" \
        in running
    redline = tmp_workspace.root / "redline.pdf"
    _ok(invoke, tmp_workspace, "redline", REG, "--from", "HEAD~1", "--to", "HEAD", "-o", str(redline))
    compared = pdf_text(redline)
    assert "Quy chế ban hành kèm theo Quyết định số 15/2021/QĐ-UBND ngày 20 tháng 8 năm 2021" in compared
    assert "Quy chế số 15/2021" not in compared


def _report_named(reg: Regulation, words: Mapping[str, str]) -> str:
    from regdraft.core.comment_report import _named

    return _named(reg, words)


def test_the_comment_report_names_the_text_by_its_decision() -> None:
    words = load_profile({"profile": "state-30"}).words("vi")
    named = _report_named(parse(QUY_CHE), words)
    assert named == "Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 - 2026 ban hành kèm theo " \
                    "Quyết định số 15/2021/QĐ-UBND"


def test_issued_with_as_import_writes_it_cites_that_decision(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # `import` reads `(Ban hành kèm theo Quyết định số 15/2021/QĐ-UBND ngày … )` into the decision as cited.
    text = QUY_CHE.replace("issued_with: Quyết định",
                           "issued_with: Quyết định số 15/2021/QĐ-UBND ngày 20 tháng 8 năm 2021")
    tmp_workspace.commit({"regulations/15-2021-QĐ-UBND.md": text.encode()}, "Quy chế")
    _ok(invoke, tmp_workspace, "amend", "new", "qd", "--regulation", REG)
    scaffold = (tmp_workspace.root / "amendments/qd/amendment.md").read_text(encoding="utf-8")
    assert "\ntype: Quyết định\n" in scaffold and f"## Điều 1. Sửa đổi, bổ sung một số điều của {CITED}\n" in scaffold
    words = load_profile({"profile": "state-30"}).words("vi")
    assert _report_named(parse(text), words) == "Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai nhiệm kỳ 2021 " \
        "- 2026 ban hành kèm theo Quyết định số 15/2021/QĐ-UBND"


def test_a_decisions_authority_line_and_verb_print_upright_bold_and_centred(tmp_workspace: Workspace,
                                                                            invoke: Invoke) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    _scaffold(tmp_workspace, invoke)
    out = tmp_workspace.root / "qd.docx"
    _ok(invoke, tmp_workspace, "amend", "export", "qd", "-o", str(out))
    paragraphs = {p.text: p for p in docx.Document(str(out)).paragraphs}
    for line in ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "QUYẾT ĐỊNH:"):
        style = paragraphs[line].style
        assert style is not None
        assert style.font.bold and not style.font.italic and style.paragraph_format.alignment == \
            WD_ALIGN_PARAGRAPH.CENTER, line
    basis = paragraphs["Căn cứ …;"].style
    assert basis is not None and basis.font.italic and not basis.font.bold
    html = tmp_workspace.root / "qd.html"
    _ok(invoke, tmp_workspace, "amend", "export", "qd", "-o", str(html))
    page = html.read_text(encoding="utf-8")
    assert '<p class="preamble standing">QUYẾT ĐỊNH:</p>' in page
    assert '<p class="preamble">Căn cứ …;</p>' in page


CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/vi"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/vi")


@pytest.mark.parametrize(("law", "article"), [("luat-cong-doan.txt", "d32"), ("luat-du-lich.txt", "d77"),
                                              ("luat-giao-duc.txt", "d114"), ("luat-thanh-nien.txt", "d41"),
                                              ("luat-thi-dua-khen-thuong.txt", "d103")])
def test_the_closing_note_stays_on_the_corpus_laws_closing_article(law: str, article: str) -> None:
    reg = import_file(CORPUS / law, "x").regulation
    assert str(closing_article(reg, load_profile({"profile": "state-30"}).words("vi"))) == article


def test_the_closing_note_stays_on_the_shipped_regulations_last_article() -> None:
    shipped = Path(__file__).resolve().parents[1] / "regulations/01-QC-TU.md"
    reg = parse(shipped.read_text(encoding="utf-8"))
    assert str(closing_article(reg, load_profile({"profile": "party-36"}).words("vi"))) == "d31"


def test_a_closing_title_is_matched_whole() -> None:
    reg = parse(QUY_CHE)
    assert str(closing_article(reg, load_profile({"profile": "state-30"}).words("vi"))) == "d4"

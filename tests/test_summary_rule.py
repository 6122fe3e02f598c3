"""The short rule under the summary (trích yếu) of a state document (Nghị định 30/2020/NĐ-CP, Phụ lục I: a solid
line 1/3 to 1/2 of the summary's length, centred), in HTML/PDF and Word; none under a Party document's (the profile's
`summary_rule`) nor under a law's name."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml.ns import qn

from regdraft.core.markdown import parse
from regdraft.render.html import document_header
from regdraft.render.pdf import text_width_pt
from regdraft.render.profile import load_profile
from regdraft.workspace.export import export_regulation
from regdraft.workspace.store import Workspace

DECISION = Path(__file__).resolve().parent / "fixtures" / "profiles" / "decision.md"
SUMMARY = "Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh"


def _decision(ws: Workspace, out: Path) -> Path:
    ws.commit({"regulations/15-2024-QĐ-UBND.md": DECISION.read_bytes()}, "Add a decision")
    return export_regulation(ws, "15/2024/QĐ-UBND", out, as_of="2024-06-01").path


def test_a_state_decisions_summary_has_the_rule_in_html(tmp_workspace: Workspace, tmp_path: Path) -> None:
    # r23 sweep s9word: the amending Quyết định's "Sửa đổi, bổ sung một số điều của Quy chế …" had no rule under it.
    html = _decision(tmp_workspace, tmp_path / "qd.html").read_text(encoding="utf-8")
    assert f'<span class="doc-summary ruled">{SUMMARY}</span>' in html
    rule = re.search(r"\.doc-summary\.ruled::after \{([^}]*)\}", html)
    assert rule and "border-top: 1pt solid black" in rule.group(1) and "width: 40%" in rule.group(1)
    assert re.search(r"\.doc-summary\.ruled \{[^}]*display: table", html)  # 40% of the summary's own width


def test_a_party_documents_summary_and_a_laws_name_have_none(tmp_workspace: Workspace, tmp_path: Path) -> None:
    html = export_regulation(tmp_workspace, "01-QC/TU", tmp_path / "qc.html", as_of="2026-02-01").path.read_text()
    assert '<span class="doc-summary">' in html and "ruled" not in html
    state = load_profile({"profile": "state-30"})
    meta = {**parse(DECISION.read_bytes()).meta, "type": "Luật", "title": "Luật Đấu thầu"}
    assert not document_header(meta, state).summary_rule
    assert document_header(parse(DECISION.read_bytes()).meta, state).summary_rule


def test_a_state_decisions_summary_has_the_rule_in_word(tmp_workspace: Workspace, tmp_path: Path) -> None:
    document = docx.Document(str(_decision(tmp_workspace, tmp_path / "qd.docx")))
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == SUMMARY)
    rule = paragraphs[at + 1]
    assert rule.text == ""
    bottom = rule._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    assert bottom is not None and bottom.get(qn("w:val")) == "single"
    section = document.sections[0]
    width = (int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)) / 36000
    indents = int(rule.paragraph_format.left_indent or 0) + int(rule.paragraph_format.right_indent or 0)
    length = width - indents / 36000
    assert length > 0  # mm
    line = text_width_pt(SUMMARY, 14, bold=True) * 25.4 / 72
    assert line / 3 <= length <= line / 2
    assert rule.paragraph_format.left_indent == rule.paragraph_format.right_indent  # centred


def test_a_party_documents_summary_has_no_rule_in_word(tmp_workspace: Workspace, tmp_path: Path) -> None:
    path = export_regulation(tmp_workspace, "01-QC/TU", tmp_path / "qc.docx", as_of="2026-02-01").path
    body = docx.Document(str(path)).element.body
    ruled = [p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None]
    assert all("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in ruled)  # only lines with text (the header's)

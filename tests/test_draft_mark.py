"""The draft mark (`DỰ THẢO lần 1`) of a state document prints at 14 pt, bold, in a box (r37 legal item 1).

Nghị định 30/2020/NĐ-CP, Phụ lục I, lists no draft mark among the parts of a document; the rule it replaced (Thông tư
01/2011/TT-BNV) set the mark in capitals, 13 to 14 pt, upright, bold, in a single-line box, as Phụ lục I still sets the
marks it keeps (HOẢ TỐC, LƯU HÀNH NỘI BỘ). `state-30` printed it at 15 pt (the body size plus one) and Word without its
box. Checked in the PDF (its text runs' fonts, pypdf), in Word (the run's size, python-docx) and in the HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.render.profile import load_profile
from regdraft.workspace.export import export_amendment
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, SHIPPED_AMENDMENT, Invoke

DECISION = (FIXTURES / "profiles" / "decision.md").read_text(encoding="utf-8")  # a short state-30 text


def _draft(ws: Workspace, invoke: Invoke, state: bool = True) -> str:
    """A new amending document of the fixtures' decision, draft 1, under `state-30` or else `party-36`; its slug."""
    text = DECISION if state else DECISION.replace("profile: state-30", "profile: party-36")
    ws.commit({"regulations/15-2024-QĐ-UBND.md": text.encode()}, "A decision")
    done = invoke(ws, "amend", "new", "qd-sua-doi", "--regulation", "15/2024/QĐ-UBND")
    assert done.exit_code == 0, done.output
    return "qd-sua-doi"


def test_the_profiles_give_the_sizes() -> None:
    state, party = load_profile({"profile": "state-30"}), load_profile({"profile": "party-36"})
    assert 13 <= state.draft_pt <= 14 and state.draft_pt == 14
    assert party.draft_pt == 15  # as Party documents printed it


@pytest.mark.parametrize(("state", "size"), [(True, 14), (False, 15)])
def test_the_html_the_pdf_is_made_from(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path, state: bool,
                                       size: int) -> None:
    slug = _draft(tmp_workspace, invoke, state)
    html = export_amendment(tmp_workspace, slug, tmp_path / "x.html", "html").path.read_text(encoding="utf-8")
    assert '<p class="draft-banner">DỰ THẢO lần 1</p>' in html
    assert re.search(rf"\.draft-banner \{{[^}}]*font-weight: bold; font-size: {size}pt; border: 1.5pt solid", html)


def test_word_prints_the_mark_at_14_pt_bold_in_a_box(tmp_workspace: Workspace, invoke: Invoke,
                                                    tmp_path: Path) -> None:
    import docx

    slug = _draft(tmp_workspace, invoke)
    document = docx.Document(str(export_amendment(tmp_workspace, slug, tmp_path / "x.docx", "docx").path))
    mark = next(p for p in document.paragraphs if p.text == "DỰ THẢO lần 1")
    assert {(run.font.size.pt if run.font.size else None, run.bold) for run in mark.runs} == {(14, True)}
    borders = mark._p.get_or_add_pPr().find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr")
    assert borders is not None
    assert [child.tag.rsplit("}", 1)[1] for child in borders] == ["top", "left", "bottom", "right"]


def test_the_pdf_prints_the_mark_at_14_pt(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    import pypdf

    slug = _draft(tmp_workspace, invoke)
    pdf = export_amendment(tmp_workspace, slug, tmp_path / "x.pdf", "pdf").path
    found: list[tuple[float, str]] = []

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.append((round(size * (cm[0] or 1) * (tm[0] or 1), 1), text.strip()))

    pypdf.PdfReader(str(pdf)).pages[0].extract_text(visitor_text=seen)
    assert {size for size, text in found if text.startswith("DỰ THẢO")} == {14.0}, found[:12]


def test_the_review_copy_keeps_its_own_banner_in_place_of_the_mark(tmp_workspace: Workspace, invoke: Invoke,
                                                                   tmp_path: Path) -> None:
    """The Word review copy says `BẢN LẤY Ý KIẾN` where the document says `DỰ THẢO lần 2`; its page header names
    the draft. Printing the mark in Word's front page did not add it there."""
    import docx

    opened = invoke(tmp_workspace, "round", "open", SHIPPED_AMENDMENT, "--due", "2099-01-01", "--consult", "Ban A")
    assert opened.exit_code == 0, opened.output
    out = tmp_path / "copy.docx"
    assert invoke(tmp_workspace, "round", "copy", SHIPPED_AMENDMENT, "-o", str(out)).exit_code == 0
    front = [p.text for p in docx.Document(str(out)).paragraphs[:4]]
    assert "BẢN LẤY Ý KIẾN" in front and not any(text.startswith("DỰ THẢO") for text in front), front

"""The type line and the page number print at the profile's sizes (r36 sweep BL finding 3): Nghị định 30/2020/NĐ-CP,
Phụ lục I, sets the type (`NGHỊ ĐỊNH`, capitals, upright, bold) at 13 to 14 pt and the page number at 13 to 14 pt, and
`state-30` printed them at 15 and 12, fixed in the stylesheet and the Word writer; Party documents keep their 15 pt type
line and 11 pt `Trang 2/6`. Checked in the PDF (its text runs' fonts), in Word (the runs' sizes) and in the HTML the
PDF is made from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.render.profile import load_profile
from regdraft.workspace.export import export_regulation
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, SHIPPED_REGULATION

STATE = "01-QC/TU"
DECISION = (FIXTURES / "profiles" / "decision.md").read_text(encoding="utf-8")  # a short state-30 text


def _as_state_text(ws: Workspace) -> None:
    """The shipped regulation, long enough for a second page, printed under `state-30`."""
    text = SHIPPED_REGULATION.read_text(encoding="utf-8").replace("\nlanguage: vi\n",
                                                                   "\nlanguage: vi\nprofile: state-30\n", 1)
    assert "profile: state-30" in text
    ws.commit({"regulations/01-QC-TU.md": text.encode()}, "Print it as a state text")


def _decision(ws: Workspace, state: bool) -> str:
    """The short decision of the fixtures, under `state-30` or else `party-36`; its id."""
    text = DECISION if state else DECISION.replace("profile: state-30", "profile: party-36")
    ws.commit({"regulations/15-2024-QĐ-UBND.md": text.encode()}, "A decision")
    return "15/2024/QĐ-UBND"


def test_the_profiles_give_the_sizes() -> None:
    state, party = load_profile({"profile": "state-30"}), load_profile({"profile": "party-36"})
    assert (state.type_pt, state.page_number_pt) == (14, 13)
    assert 13 <= state.type_pt <= 14 and 13 <= state.page_number_pt <= 14  # Phụ lục I
    assert (party.type_pt, party.page_number_pt) == (15, 11)


@pytest.mark.parametrize(("state", "type_pt", "number_pt"), [(True, 14, 13), (False, 15, 11)])
def test_the_html_the_pdf_is_made_from(tmp_workspace: Workspace, tmp_path: Path, state: bool, type_pt: int,
                                       number_pt: int) -> None:
    found = _decision(tmp_workspace, state)
    html = export_regulation(tmp_workspace, found, tmp_path / "x.html", "html", "2024-06-01").path.read_text(
        encoding="utf-8")
    assert re.search(rf"\.doc-type \{{[^}}]*font-size: {type_pt}pt", html)
    place = "top-center" if state else "bottom-right"
    assert re.search(rf"@{place} \{{ content: [^;]*counter\(page\)[^;]*; font-size: {number_pt}pt", html)


@pytest.mark.parametrize(("state", "type_pt", "number_pt"), [(True, 14, 13), (False, 15, 11)])
def test_word_prints_the_type_and_the_page_number_at_the_profiles_sizes(tmp_workspace: Workspace, tmp_path: Path,
                                                                        state: bool, type_pt: int,
                                                                        number_pt: int) -> None:
    import docx

    found = _decision(tmp_workspace, state)
    document = docx.Document(str(export_regulation(tmp_workspace, found, tmp_path / "x.docx", "docx",
                                                   "2024-06-01").path))
    kind = next(p for p in document.paragraphs if p.text.strip() == "QUYẾT ĐỊNH")
    assert {run.font.size.pt if run.font.size else None for run in kind.runs if run.text.strip()} == {type_pt}
    section = document.sections[0]
    numbers = section.header if state else section.footer
    runs = [run for paragraph in numbers.paragraphs for run in paragraph.runs]
    assert any('w:instrText' in run._r.xml and "PAGE" in run._r.xml for run in runs)  # the page number's field
    assert {run.font.size.pt if run.font.size else None for run in runs} == {number_pt}


def _sized_runs(pdf: Path, page: int) -> list[tuple[float, str, float]]:
    """The text runs of a page of `pdf`: (size in pt, text, height from the page's foot)."""
    import pypdf

    found: list[tuple[float, str, float]] = []

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.append((round(size * (cm[0] or 1) * (tm[0] or 1), 1), text.strip(), tm[5] * cm[3] + cm[5]))

    pypdf.PdfReader(str(pdf)).pages[page].extract_text(visitor_text=seen)
    return found


def test_the_pdf_prints_the_type_and_the_page_number_at_the_profiles_sizes(tmp_workspace: Workspace,
                                                                           tmp_path: Path) -> None:
    party = export_regulation(tmp_workspace, STATE, tmp_path / "party.pdf", "pdf").path
    _as_state_text(tmp_workspace)
    state = export_regulation(tmp_workspace, STATE, tmp_path / "state.pdf", "pdf").path
    for pdf, type_pt in ((state, 14.0), (party, 15.0)):
        assert {size for size, text, _ in _sized_runs(pdf, 0) if text == "QUY CHẾ"} == {type_pt}, pdf.name
    # Page 2's number: `2` alone at the top centre (state), `Trang 2/…` at the foot (Party).
    top = [(size, text) for size, text, height in _sized_runs(state, 1) if height > 790]
    assert top == [(13.0, "2")]
    foot = [size for size, text, height in _sized_runs(party, 1) if height < 60 and text.startswith("Trang")]
    assert foot == [11.0]

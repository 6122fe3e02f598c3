"""English page numbers as English readers expect them, `Page 2 of 6`, when the profile asks (r38 sweep BV 8, r39
en39 4): `page.number_format_en`, an English document's page number; empty as shipped (`Page 2/6`), and a Vietnamese
document keeps `Trang 2/6` whatever it says."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.render.profile import load_profile
from regdraft.workspace.export import export_regulation
from regdraft.workspace.store import Workspace
from tests import pdf_text

OF = {"profile": {"name": "party-36", "page_number_format_en": "{word} {page} of {pages}"}}


def test_the_english_format_is_used_for_english_documents_only() -> None:
    shipped, of = load_profile({}), load_profile(OF)
    assert shipped.page_number_parts("Page", "en") == ["Page ", "{page}", "/", "{pages}"]
    assert of.page_number_parts("Page", "en") == ["Page ", "{page}", " of ", "{pages}"]
    assert of.page_number_parts("Trang", "vi") == ["Trang ", "{page}", "/", "{pages}"]
    assert load_profile({"profile": "state-30"}).page_number_parts("Page", "en") == ["{page}"]
    with pytest.raises(RegdraftError, match="profile.page.number_format_en is '{word} of'"):
        load_profile({"profile": {"name": "party-36", "page_number_format_en": "{word} of"}})


def _pages(ws: Workspace, regulation: str, path: Path) -> list[str]:
    path = export_regulation(ws, regulation, path).path
    return [" ".join(page.split()[-4:]) for page in pdf_text.pages(path)]


def test_an_english_pdf_and_docx_say_page_x_of_y_and_a_vietnamese_text_trang_x_y(tmp_workspace: Workspace,
                                                                                 tmp_path: Path) -> None:
    import docx
    import yaml

    config = yaml.safe_load((tmp_workspace.root / "regdraft.yaml").read_text(encoding="utf-8"))
    config["profile"] = OF["profile"]
    tmp_workspace.commit({"regdraft.yaml": yaml.safe_dump(config).encode()}, "Page x of y")
    ws = Workspace(tmp_workspace.root)  # its settings read again
    english = _pages(ws, "01-QC/TU-EN", tmp_path / "en.pdf")
    assert english and all(line.endswith(f"Page {n} of {len(english)}") for n, line in enumerate(english, 1)), english
    css = export_regulation(ws, "01-QC/TU", tmp_path / "vi.html").path.read_text(encoding="utf-8")
    assert 'content: "Trang " counter(page) "/" counter(pages)' in css  # the PDF's page box, Vietnamese as before
    path = export_regulation(ws, "01-QC/TU-EN", tmp_path / "en.docx").path
    footer = docx.Document(str(path)).sections[0].footer.paragraphs[0]
    assert footer.text == "Page 1 of 1" and " of " in [run.text for run in footer.runs], footer.text  # PAGE, NUMPAGES

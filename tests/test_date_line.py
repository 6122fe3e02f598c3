"""A reprint keeps a document's own date line; a document regdraft writes dates by the rule (r37 legal item 3).

Nghị định 30/2020/NĐ-CP, Phụ lục I, 4b: days below 10 and months 1 and 2 take a leading zero (`ngày 05 tháng 01`),
months 3 to 12 none (`tháng 6`). Real documents do not always: Nghị định 63/2010/NĐ-CP is dated `ngày 08 tháng 06 năm
2010`, Nghị định 48/2013/NĐ-CP `ngày 14 tháng 05 năm 2013` (../shared/corpus/amendments/nd-63-2010). Imported, the
date was kept only as `signed: 2010-06-08`, and every reprint of the decree (its export, its header in a redline) said
`ngày 08 tháng 6 năm 2010`, a wording it never had. `import` and `amend import` now keep the header's words
(`date_line`) where the rule writes them otherwise, and the document's own header prints them; what regdraft writes
(a citation of the decree, a new document's date) follows the rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from regdraft.core.dates import date_line, kept_date_line
from regdraft.core.markdown import parse
from regdraft.render.html import document_header
from regdraft.render.profile import load_profile, place_date
from regdraft.workspace.export import export_regulation
from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, Invoke, needs_corpus, unwrapped

DECREES = SHARED / "corpus" / "amendments" / "nd-63-2010"


@pytest.mark.parametrize("month", range(1, 13))
def test_a_date_regdraft_writes_follows_the_rule_for_every_day_and_month(month: int) -> None:
    for day in range(1, 29):
        dd = f"{day:02d}"
        mm = f"{month:02d}" if month < 3 else str(month)
        assert place_date("Hà Nội", dt.date(2023, month, day)) == f"Hà Nội, ngày {dd} tháng {mm} năm 2023"


def test_the_words_kept_are_those_the_rule_writes_otherwise() -> None:
    june = dt.date(2010, 6, 8)
    assert date_line("Hà Nội, ngày 08 tháng 06 năm 2010", june) == "ngày 08 tháng 06 năm 2010"
    assert date_line("Hà Nội, ngày 8 tháng 6 năm 2010", june) == "ngày 8 tháng 6 năm 2010"
    assert date_line("Hà Nội, ngày 08 tháng 6 năm 2010", june) == ""  # as the rule writes it: nothing to keep
    assert date_line("Hà Nội, ngày 5 tháng 5 năm 2023", dt.date(2023, 5, 5)) == "ngày 5 tháng 5 năm 2023"
    assert date_line("Hà Nội, ngày 05 tháng 1 năm 2023", dt.date(2023, 1, 5)) == "ngày 05 tháng 1 năm 2023"
    assert date_line("Hà Nội, ngày 09 tháng 6 năm 2010", june) == ""  # another day
    # Printed only for the date it is of: a `signed` corrected since is written by the rule.
    assert kept_date_line({"date_line": "ngày 08 tháng 06 năm 2010"}, june) == "ngày 08 tháng 06 năm 2010"
    assert kept_date_line({"date_line": "ngày 08 tháng 06 năm 2010"}, dt.date(2010, 6, 9)) == ""


def test_the_documents_own_header_prints_its_words() -> None:
    text = ("---\nid: 63/2010/NĐ-CP\ntype: Nghị định\ntitle: Nghị định về kiểm soát thủ tục hành chính\nlanguage: vi\n"
            "issuer: CHÍNH PHỦ\nplace: Hà Nội\nsigned: 2010-06-08\ndate_line: ngày 08 tháng 06 năm 2010\n---\n\n"
            "## Điều 1. Phạm vi\n\nX.\n")
    meta = parse(text).meta
    profile = load_profile({"profile": "state-30"})
    assert document_header(meta, profile).place_date == "Hà Nội, ngày 08 tháng 06 năm 2010"
    # A date given for another document (an amending one's signing) is written by the rule.
    assert document_header(meta, profile, date=dt.date(2013, 5, 14)).place_date == "Hà Nội, ngày 14 tháng 5 năm 2013"
    assert document_header({**meta, "date_line": None}, profile).place_date == "Hà Nội, ngày 08 tháng 6 năm 2010"


@needs_corpus
def test_an_imported_decree_is_reprinted_with_its_date_and_cited_by_the_rule(tmp_workspace: Workspace,
                                                                           invoke: Invoke, tmp_path: Path) -> None:
    imported = invoke(tmp_workspace, "import", str(DECREES / "base-63-2010-ND-CP.txt"))
    assert imported.exit_code == 0, imported.output
    assert "Read as the front-matter keys 'place', 'signed' and 'date_line'." in imported.output
    stored = (tmp_workspace.root / "regulations" / "63-2010-NĐ-CP.md").read_text(encoding="utf-8")
    assert "signed: 2010-06-08\ndate_line: ngày 08 tháng 06 năm 2010\n" in stored
    page = unwrapped(export_regulation(tmp_workspace, "63/2010/NĐ-CP", tmp_path / "n.html", "html").path.read_text(
        encoding="utf-8"))
    assert '<div class="place-date">Hà Nội, ngày 08 tháng 06 năm 2010</div>' in page
    assert "Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ" in page  # regdraft's citation of it
    # The amending decree keeps its own (`ngày 14 tháng 05 năm 2013`); a new draft takes none of them.
    done = invoke(tmp_workspace, "amend", "import", str(DECREES / "amending-48-2013-ND-CP.txt"), "--slug", "nd-48")
    assert done.exit_code == 0, done.output
    amendment = (tmp_workspace.root / "amendments" / "nd-48" / "amendment.md").read_text(encoding="utf-8")
    assert "date_line: ngày 14 tháng 05 năm 2013\n" in amendment
    out = tmp_path / "a.html"
    assert invoke(tmp_workspace, "amend", "export", "nd-48", "-o", str(out)).exit_code == 0
    assert '<div class="place-date">Hà Nội, ngày 14 tháng 05 năm 2013</div>' in unwrapped(out.read_text("utf-8"))
    assert invoke(tmp_workspace, "amend", "new", "nd-moi", "--regulation", "63/2010/NĐ-CP").exit_code == 0
    assert "date_line" not in (tmp_workspace.root / "amendments" / "nd-moi" / "amendment.md").read_text("utf-8")

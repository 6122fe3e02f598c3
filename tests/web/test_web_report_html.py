"""`/a/SLUG/report.html` leads to the report page, as `/a/SLUG/report.csv` downloads the CSV (r31 sweep AR, flaw 3:
it answered 400, "the report is downloaded as PDF, DOCX, CSV or XLSX")."""

from __future__ import annotations

from regdraft.workspace.store import Workspace
from tests.web.conftest import SLUG, client


def test_the_report_as_html_is_the_report_page(review_ws: Workspace) -> None:
    c = client(review_ws)
    sent = c.get(f"/a/{SLUG}/report.html?round=1")
    assert sent.status_code == 303 and sent.headers["location"] == f"/a/{SLUG}/report?round=1"  # it was a 400
    page = c.get(sent.headers["location"])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert c.get(f"/a/{SLUG}/report.html").headers["location"] == f"/a/{SLUG}/report"

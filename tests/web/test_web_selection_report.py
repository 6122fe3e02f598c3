"""The words a member selected in the browser are the comment's selection, as a Word comment's range is: every
format of the comment report shows them, the CSV and XLSX in their column (`Đoạn được chọn`), which was empty for
every comment made in the browser (r36 committee sweep: the page kept them in the comment's text, `Về đoạn “…”:`)."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests import pdf_text
from tests.conftest import Invoke
from tests.web.conftest import SLUG, client, comment_form, token

PHRASE = "Báo cáo Ban Chấp hành Đảng bộ tỉnh tại các kỳ hội nghị thường lệ"
SAID = "Đề nghị nêu rõ thời hạn báo cáo."


def test_a_selection_made_in_the_browser_is_shown_by_every_report(review_ws: Workspace, invoke: Invoke,
                                                                   tmp_path: Path) -> None:
    c = client(review_ws)
    # What the page's script sends: the words selected quoted before what the member wrote (review.js, `said.words`).
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d5.k2", text=f"Về đoạn “{PHRASE}”: {SAID}"))
    assert sent.status_code == 303, sent.text
    (comment,) = load_comments(review_ws, SLUG)
    assert (comment.selection, comment.text, comment.author) == (PHRASE, SAID, "Nguyễn Văn An")
    # The comments page quotes them once, as it quotes a Word comment's range.
    page = c.get(f"/a/{SLUG}/comments").text
    assert page.count(f"Về đoạn “{PHRASE}”:") == 1
    made = {}
    for kind in ("csv", "xlsx", "docx", "html", "pdf"):
        out = tmp_path / f"bao-cao.{kind}"
        done = invoke(review_ws, "round", "report", SLUG, "-o", str(out))
        assert done.exit_code == 0, done.output
        made[kind] = out
    (row,) = csv.DictReader(made["csv"].read_text(encoding="utf-8-sig").splitlines())
    assert (row["Người góp ý"], row["Đoạn được chọn"], row["Nội dung góp ý"]) == ("Nguyễn Văn An", PHRASE, SAID)
    import openpyxl

    sheet = openpyxl.load_workbook(made["xlsx"]).active
    rows = [[str(cell.value or "") for cell in line] for line in sheet.iter_rows()]
    heads = next(line for line in rows if "Đoạn được chọn" in line)
    (values,) = [line for line in rows if "Nguyễn Văn An" in line]
    assert values[heads.index("Đoạn được chọn")] == PHRASE and values[heads.index("Nội dung góp ý")] == SAID
    with zipfile.ZipFile(made["docx"]) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert xml.count(f"Về đoạn “{PHRASE}”:") == 1 and SAID in xml
    html = made["html"].read_text(encoding="utf-8")
    assert html.count(f"Về đoạn “{PHRASE}”:") == 1 and SAID in html
    text = " ".join(pdf_text.text(made["pdf"], " ").split())
    assert f"Về đoạn “{PHRASE}”:" in text and SAID in text


def test_the_same_words_on_two_passages_of_a_provision_are_two_comments(review_ws: Workspace) -> None:
    # With the passage out of the text, `Nhất trí.` on two passages of one clause read as one comment sent twice.
    c = client(review_ws)
    for passage in ("Báo cáo Ban Chấp hành", "Ban Bí thư"):
        sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), on="d5.k2",
                                                               text=f"Về đoạn “{passage}”: Nhất trí."))
        assert sent.status_code == 303 and "again" not in sent.headers["location"], sent.headers["location"]
    assert sorted(c.selection for c in load_comments(review_ws, SLUG)) == ["Ban Bí thư", "Báo cáo Ban Chấp hành"]

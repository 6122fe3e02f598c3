"""A comment made on the review page before round 37 kept the words selected quoted in its text (`Về đoạn “…”:`), its
selection empty: it is read with them apart, as the page records them now, and every page and report shows them once,
in their place (r38); its file is left as it was."""

from __future__ import annotations

import csv
from pathlib import Path

from regdraft.core.layout import comments_folder
from regdraft.workspace.rounds import add_comment, load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.web.conftest import SLUG, client

PHRASE = "Báo cáo Ban Chấp hành Đảng bộ tỉnh tại các kỳ hội nghị thường lệ"
SAID = "Đề nghị nêu rõ thời hạn báo cáo."


def test_an_older_browser_comment_shows_its_selection_apart(review_ws: Workspace, invoke: Invoke,
                                                            tmp_path: Path) -> None:
    # As the server recorded it before round 37: the quotation in the text, the person who wrote it, no selection.
    older = add_comment(review_ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d5.k2", f"Về đoạn “{PHRASE}”: {SAID}",
                        person="Nguyễn Văn An")
    path = review_ws.root / comments_folder(SLUG) / f"{older.id}.yaml"
    written = path.read_bytes()
    assert "selection" not in written.decode() and f"Về đoạn “{PHRASE}”:" in written.decode()
    (comment,) = load_comments(review_ws, SLUG)
    assert (comment.selection, comment.text) == (PHRASE, SAID)
    page = client(review_ws).get(f"/a/{SLUG}/comments").text
    assert page.count(f"Về đoạn “{PHRASE}”:") == 1
    out = tmp_path / "bao-cao.csv"
    done = invoke(review_ws, "round", "report", SLUG, "-o", str(out))
    assert done.exit_code == 0, done.output
    (row,) = csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines())
    assert (row["Đoạn được chọn"], row["Nội dung góp ý"]) == (PHRASE, SAID)
    html = tmp_path / "bao-cao.html"
    assert invoke(review_ws, "round", "report", SLUG, "-o", str(html)).exit_code == 0
    assert html.read_text(encoding="utf-8").count(f"Về đoạn “{PHRASE}”:") == 1
    assert path.read_bytes() == written  # read, never rewritten
    # The CSV report an earlier version made of it (the quotation in the comment, no selection) imports nothing.
    older_csv = tmp_path / "cu.csv"
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    head = next(i for i, line in enumerate(rows) if "Đoạn được chọn" in line)
    at, said = rows[head].index("Đoạn được chọn"), rows[head].index("Nội dung góp ý")
    rows[head + 1][said] = f"Về đoạn “{PHRASE}”: {SAID}"
    rows[head + 1][at] = ""
    with older_csv.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    again = invoke(review_ws, "comment", "import", SLUG, str(older_csv))
    assert again.exit_code == 0, again.output
    assert len(load_comments(review_ws, SLUG)) == 1, again.output

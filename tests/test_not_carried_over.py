"""A provision a new regulation's text does not carry over from the one it replaces reads as not carried over in
the comparison table (`(không còn quy định)` | `không còn quy định`), not as repealed: the new text says no
`được bãi bỏ`, the wording of an amending document's repeal (r42 newreg42, 1). A text that really repeals keeps it.
"""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, SHIPPED_REGULATION, Invoke, in_corpus, needs_corpus, unsaid
from tests.test_compare_renumbered_references import without_article

DRAFT = "amendments/quy-che-xv/amendment.md"


def words(path: Path) -> str:
    """The page's words as it draws them (without the marks' meaning said for a copy or a screen reader)."""
    return " ".join(re.sub(r"<[^>]+>", " ", unsaid(path.read_text(encoding="utf-8"))).split())


def row(page: str, start: str) -> str:
    """The table's row whose provision column starts with `start`, up to the next row's number."""
    at = page.index(start, page.index("Ghi chú, lý do"))
    end = re.search(r" \d+ Điều \d+", page[at + len(start):])
    return page[at:at + len(start) + (end.start() if end else len(page))]


def test_an_article_the_new_text_lacks_is_not_carried_over(tmp_workspace: Workspace, invoke: Invoke,
                                                          tmp_path: Path) -> None:
    assert invoke(tmp_workspace, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id",
                  "01-QC/TU-XV").exit_code == 0
    text = (tmp_workspace.root / DRAFT).read_text(encoding="utf-8")
    tmp_workspace.commit({DRAFT: without_article(text, 26).encode("utf-8")}, "Điều 26 left out")
    out = tmp_path / "bang.html"
    assert invoke(tmp_workspace, "redline", "quy-che-xv", "--layout", "table", "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    # A note of the table's, not text the new version inserts: neither marked nor said inserted (r42 sweep CK 3).
    assert '<span class="table-note">(không còn quy định)</span>' in html
    assert "[bổ sung: (không còn quy định)" not in " ".join(re.sub(r"<[^>]+>", "", html).split())
    page = words(out)
    gone = row(page, "Điều 26 Điều 26 . Quan hệ với Ủy ban Kiểm tra Tỉnh ủy")
    assert "(không còn quy định) không còn quy định" in gone, gone
    assert "bãi bỏ" not in gone
    listed = invoke(tmp_workspace, "redline", "quy-che-xv", "--changes").output
    assert "Điều 26 (not carried over)" in listed and "(repealed)" not in listed


def test_an_amendments_repeal_still_says_repealed(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "bang.html"
    assert invoke(tmp_workspace, "redline", "qc-sua-doi-2025", "--layout", "table", "-o", str(out)).exit_code == 0
    page = words(out)
    assert "(được bãi bỏ) bãi bỏ" in page and "không còn quy định" not in page


@needs_corpus
def test_compare_of_a_real_law_and_a_text_replacing_it(tmp_path: Path, invoke: Invoke) -> None:
    from regdraft.core.markdown_writer import render
    from regdraft.importer import import_file

    law = render(import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation)
    new = without_article(law, 12).replace("id: 09/2017/QH14\n", "id: 99/2026/QH15\nreplaces: 09/2017/QH14\n", 1)
    (tmp_path / "old.md").write_text(law, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    out = tmp_path / "table.html"
    args = (str(tmp_path / "old.md"), str(tmp_path / "new.md"))
    invoke(None, "compare", *args, "--layout", "table", "-o", str(out), catch=False)
    gone = row(words(out), "Điều 12 Điều 12 .")
    assert "(không còn quy định) không còn quy định" in gone and "bãi bỏ" not in gone, gone
    # The same text not replacing the law (an amended version of it): a repeal, as before.
    (tmp_path / "new.md").write_text(without_article(law, 12), encoding="utf-8")
    invoke(None, "compare", *args, "--layout", "table", "-o", str(out), catch=False)
    assert "(được bãi bỏ) bãi bỏ" in row(words(out), "Điều 12 Điều 12 .")


def test_the_english_interface_says_not_carried_over(tmp_path: Path, invoke: Invoke) -> None:
    old = (SHIPPED_REGULATION.parent / "01-QC-TU-EN.md").read_text(encoding="utf-8")
    start = old.index("## Article 26.")
    new = old[:start] + old[old.index("\n## ", start + 1) + 1:]
    new = re.sub(r"^## Article (\d+)", lambda m: f"## Article {int(m[1]) - 1 if int(m[1]) > 26 else m[1]}", new,
                 flags=re.M).replace("id: 01-QC/TU-EN\n", "id: 01-QC/TU-XV-EN\nreplaces: 01-QC/TU-EN\n", 1)
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    out = tmp_path / "table.html"
    invoke(None, "compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--layout", "table", "-o", str(out),
           catch=False)
    page = words(out)
    at = page.index("Article 26 Article 26 . Relations with the Inspection Commission")
    gone = page[at:page.index(" 2 Article 27", at)]
    assert "(not carried over) Not carried over" in gone and "repealed" not in gone, gone

"""An article the new text lacks whose clauses mostly moved to another article: its comparison table row says that
its clauses moved and where (`chuyển vị trí`, `Khoản 1 chuyển đến khoản 5 Điều 22; …`), and the draft column where
they stand now, not `(được bãi bỏ) | bãi bỏ` as if the article were repealed (r42 newreg42, 2)."""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, Invoke, in_corpus, needs_corpus
from tests.test_compare_renumbered_references import without_article
from tests.test_not_carried_over import words

DRAFT = "amendments/quy-che-xv/amendment.md"


def _clauses(md: str, n: int) -> list[str]:
    """The clauses of Điều `n`, each with its points, as written (`1\\. …`)."""
    start = re.search(rf"^#+ Điều {n}\.", md, re.M)
    assert start is not None
    end = re.compile(r"^#", re.M).search(md, start.end())
    body = md[start.end():end.start() if end else len(md)]
    return [c.strip("\n") for c in re.split(r"^(?=\d+\\\. )", body, flags=re.M)[1:]]


def moved_into(md: str, n: int, taken: int, m: int) -> str:
    """The first `taken` clauses of Điều `n` moved to the end of Điều `m` (numbered on after its own), Điều `n` then
    left out and the articles after it numbered on."""
    own = len(_clauses(md, m))
    moved = [re.sub(r"^\d+", str(own + k + 1), c, count=1) for k, c in enumerate(_clauses(md, n)[:taken])]
    nxt = re.search(rf"^#+ Điều {m + 1}\.", md, re.M)
    assert nxt is not None
    md = md[:nxt.start()] + "".join(f"{c}\n\n" for c in moved) + md[nxt.start():]
    return without_article(md, n)


def row(page: str, start: str, following: str) -> str:
    """The table's row from `start` to the next row's, which starts with `following`, its number left out."""
    at = page.index(start, page.index("Ghi chú"))
    return page[at:page.index(following, at)].rstrip().rsplit(" ", 1)[0]


def test_a_draft_whose_article_moved_into_another(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    assert invoke(tmp_workspace, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id",
                  "01-QC/TU-XV").exit_code == 0
    text = (tmp_workspace.root / DRAFT).read_text(encoding="utf-8")
    tmp_workspace.commit({DRAFT: moved_into(text, 26, 2, 22).encode("utf-8")}, "Điều 26 into Điều 22")
    assert "no problems found" in invoke(tmp_workspace, "amend", "check", "quy-che-xv").output
    out = tmp_path / "bang.html"
    assert invoke(tmp_workspace, "redline", "quy-che-xv", "--layout", "table", "-o", str(out)).exit_code == 0
    gone = row(words(out), "Điều 26 Điều 26 . Quan hệ với Ủy ban Kiểm tra Tỉnh ủy", "Điều 27 → Điều 26")
    assert gone.endswith("(chuyển đến khoản 5 Điều 22, khoản 6 Điều 22) chuyển vị trí Khoản 1 chuyển đến khoản 5 "
                         "Điều 22; khoản 2 chuyển đến khoản 6 Điều 22; khoản 3 không còn quy định"), gone
    assert "bãi bỏ" not in gone
    listed = invoke(tmp_workspace, "redline", "quy-che-xv", "--changes").output
    assert "Điều 26 (clauses moved to khoản 5 Điều 22, khoản 6 Điều 22)" in listed, listed


@needs_corpus
def test_compare_of_a_real_law_whose_article_was_split(tmp_path: Path, invoke: Invoke) -> None:
    from regdraft.core.markdown_writer import render
    from regdraft.importer import import_file

    law = render(import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation)
    (tmp_path / "old.md").write_text(law, encoding="utf-8")
    (tmp_path / "new.md").write_text(moved_into(law, 8, 3, 5), encoding="utf-8")
    out = tmp_path / "table.html"
    invoke(None, "compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--layout", "table", "-o", str(out),
           catch=False)
    gone = row(words(out), "Điều 8 Điều 8 . Bảo vệ môi trường du lịch", "Điều 9 → Điều 8")
    # No text replacing the law: the two clauses not moved are repealed, as an amendment would.
    assert gone.endswith("(chuyển đến khoản 6 Điều 5, khoản 7 Điều 5, khoản 8 Điều 5) chuyển vị trí Khoản 1 chuyển "
                         "đến khoản 6 Điều 5; khoản 2 chuyển đến khoản 7 Điều 5; khoản 3 chuyển đến khoản 8 Điều 5; "
                         "khoản 4 bãi bỏ; khoản 5 bãi bỏ"), gone
    assert "(được bãi bỏ)" not in gone

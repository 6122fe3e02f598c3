"""The redline's marks on paper, read from pages printed in grayscale at 150 dpi (issue 15 §1).

Insertions are underlined, deletions struck through, moved text double underlined where it stands
and double struck where it stood, with a note naming the other place; renumbering alone is a note,
not a mark. Each test renders a real PDF, prints its pages with poppler and measures the lines
drawn across the words the comparison says were changed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.core.word_diff import Op
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke, unsaid
from tests.print_marks import POPPLER, PrintedPage, Word, pages_text

pytestmark = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftoppm, pdftotext) is not installed")

REPO = Path(__file__).resolve().parents[1]
SHIPPED = (REPO / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8")
INSERTED = "trên cơ sở quy định của Trung ương"
DELETED = "Phó Bí thư Tỉnh ủy; chế độ hội nghị,"


def _draft() -> str:
    """The shipped regulation with clause 3 of Điều 10 moved to the end (4 and 5 renumbered 3 and 4),
    words inserted in clause 1 of Điều 2 and words deleted from clause 1 of Điều 1."""
    start, end = SHIPPED.index("## Điều 10."), SHIPPED.index("## Điều 11.")
    head, *clauses = [c for c in SHIPPED[start:end].split("\n\n") if c.strip()]
    clauses.append(clauses.pop(2))
    clauses = [re.sub(r"^\d+", str(k), c) for k, c in enumerate(clauses, 1)]
    text = SHIPPED[:start] + "\n\n".join([head, *clauses]) + "\n\n" + SHIPPED[end:]
    text = text.replace("các đồng chí Tỉnh ủy viên khóa XIV.", f"các đồng chí Tỉnh ủy viên khóa XIV {INSERTED}.")
    return text.replace("Bí thư, " + DELETED, "Bí thư, ")


Printed = tuple[Path, list[str]]  # the redline PDF and the text of each of its pages


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    from click.testing import CliRunner

    from regdraft.cli import cli

    folder = tmp_path_factory.mktemp("marks")
    (folder / "old.md").write_text(SHIPPED, encoding="utf-8")
    (folder / "new.md").write_text(_draft(), encoding="utf-8")
    pdf = folder / "redline.pdf"
    result = CliRunner().invoke(cli, ["compare", str(folder / "old.md"), str(folder / "new.md"), "-o", str(pdf)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return pdf, pages_text(pdf)


def _page_of(pages: list[str], text: str) -> int:
    found = [k for k, page in enumerate(pages, 1) if text in re.sub(r"\s+", " ", page)]
    assert found, text
    return found[0]


def _kinds(page: PrintedPage, words: list[Word]) -> set[str]:
    """The marks measured across the words of a run that have three letters or more."""
    measured = {page.marks(w).kind for w in words if sum(ch.isalnum() for ch in w.text) >= 3}
    assert measured, [w.text for w in words]
    return measured


# The legend's samples on page 1, each with the mark its words carry and how many words carry it (`gạch chân: nội`).
LEGEND_SAMPLES = {"gạch chân: nội": ("inserted", 1), "gạch ngang: nội": ("deleted", 1),
                  "gạch chân kép: nội": ("moved here", 2), "gạch ngang kép: nội": ("moved away", 2)}
MOVED = "Trực tiếp làm Trưởng Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh;"
RENUMBERED = "Ký các văn bản của Ban Chấp hành, Ban Thường vụ,"


def test_a_move_is_double_struck_where_it_stood_and_double_underlined_where_it_stands(printed: Printed) -> None:
    pdf, pages = printed
    number = _page_of(pages, "(chuyển đến khoản 5 Điều 10)")
    assert number == _page_of(pages, "(chuyển từ khoản 3 Điều 10)")  # both on one page here
    page = PrintedPage.load(pdf, number)
    away, here = page.find(MOVED)  # read in order: where it stood, then where it stands
    assert away[0].y0 < here[0].y0
    assert _kinds(page, away) == {"moved away"}
    assert _kinds(page, here) == {"moved here"}


def test_renumbering_alone_is_a_note_not_a_mark(printed: Printed) -> None:
    pdf, pages = printed
    number = _page_of(pages, "(đánh số lại từ khoản 4)")
    text = re.sub(r"\s+", " ", pages[number - 1])
    assert "3. (đánh số lại từ khoản 4) Ký các văn bản" in text
    assert "4. (đánh số lại từ khoản 5) Thực hiện các nhiệm vụ khác" in text
    page = PrintedPage.load(pdf, number)
    [run] = page.find(RENUMBERED)
    assert _kinds(page, run) == {"plain"}


def test_insertions_and_deletions_keep_single_lines_unlike_a_move(printed: Printed) -> None:
    pdf, pages = printed
    number = _page_of(pages, INSERTED)
    page = PrintedPage.load(pdf, number)
    [inserted] = page.find(INSERTED)
    assert _kinds(page, inserted[:-1]) == {"inserted"}  # one line under: not the two of a move
    number = _page_of(pages, DELETED)
    page = PrintedPage.load(pdf, number)
    [deleted] = page.find(DELETED)
    assert _kinds(page, deleted) == {"deleted"}  # one line through: not the two of a move
    [unchanged] = page.find("Thường trực Tỉnh ủy, Tỉnh ủy viên,")
    assert _kinds(page, unchanged) == {"plain"}


def test_the_legend_on_page_one_shows_each_mark_as_printed(printed: Printed) -> None:
    pdf, pages = printed
    first = re.sub(r"\s+", " ", pages[0])
    assert "Ký hiệu: gạch chân: nội dung bổ sung; gạch ngang: nội dung bỏ; gạch chân kép:" in first
    assert "(đánh số lại từ …): chỉ đánh số lại" in first
    page = PrintedPage.load(pdf, 1)
    # Each sample, then the first word of its explanation; the word before the colon carries the
    # colon unmarked, so the words before it are measured.
    for sample, (kind, marked) in LEGEND_SAMPLES.items():
        [run] = page.find(sample)
        assert _kinds(page, run[:marked]) == {kind}, sample
        assert _kinds(page, run[-1:]) == {"plain"}, sample


def test_the_english_legend_and_notes(tmp_path: Path, invoke: Invoke) -> None:
    english = (REPO / "regulations" / "01-QC-TU-EN.md").read_text(encoding="utf-8")
    start, end = english.index("## Article 10."), english.index("## Article 11.")
    head, *clauses = [c for c in english[start:end].split("\n\n") if c.strip()]
    clauses.append(clauses.pop(2))
    clauses = [re.sub(r"^\d+", str(k), c) for k, c in enumerate(clauses, 1)]
    (tmp_path / "old.md").write_text(english, encoding="utf-8")
    (tmp_path / "new.md").write_text(english[:start] + "\n\n".join([head, *clauses]) + "\n\n" + english[end:],
                                     encoding="utf-8")
    out = tmp_path / "r.html"
    result = invoke(None, "compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    text = re.sub(r"<[^>]+>", "", unsaid(out.read_text(encoding="utf-8")))
    assert "Key: underlined: inserted text; struck through: deleted text;" in text
    assert "(moved to clause 5, Article 10)" in text and "(moved from clause 3, Article 10)" in text
    assert "(renumbered from clause 4)" in text


@pytest.mark.slow
def test_the_shipped_redline_marks_every_phrase_where_the_comparison_says(tmp_workspace: Workspace,
                                                                          invoke: Invoke) -> None:
    from regdraft.workspace import redline as rl

    pdf = tmp_workspace.root / "out" / "shipped.pdf"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "-o", str(pdf), catch=False)
    assert result.exit_code == 0, result.output
    comparison = rl.build(tmp_workspace, "01-QC/TU").comparison
    pages = pages_text(pdf)
    flat = [re.sub(r"\s+", " ", p) for p in pages]
    printed: dict[int, PrintedPage] = {}
    checked = 0
    for change in comparison.changes:
        lines = [(seg.op, line) for seg in change.segments if seg.op is not Op.EQUAL for line in seg.text.split("\n")]
        for op, line in lines:
            phrase = " ".join(line.split())
            if len(phrase.split()) < 4:
                continue
            where = [k for k, p in enumerate(flat, 1) if phrase in p]
            if len(where) != 1 or flat[where[0] - 1].count(phrase) != 1:
                continue  # printed twice or across a page: not one place to measure
            if where[0] not in printed:
                printed[where[0]] = PrintedPage.load(pdf, where[0])
            page = printed[where[0]]
            runs = page.find(phrase)
            if len(runs) != 1:
                continue  # the phrase starts or ends inside a printed word
            # The first and last words may carry a mark or a label that is not the phrase's.
            assert _kinds(page, runs[0][1:-1]) == {"inserted" if op is Op.INSERT else "deleted"}, phrase
            checked += 1
    assert checked >= 6  # the long phrases printed once on one page (8 in the shipped redline)


def test_a_clause_moved_to_another_article_is_marked_and_noted_at_both_places(tmp_path: Path,
                                                                             invoke: Invoke) -> None:
    start, end = SHIPPED.index("## Điều 10."), SHIPPED.index("## Điều 11.")
    head, *clauses = [c for c in SHIPPED[start:end].split("\n\n") if c.strip()]
    moved = clauses.pop(2)
    clauses = [re.sub(r"^\d+", str(k), c) for k, c in enumerate(clauses, 1)]
    text = SHIPPED[:start] + "\n\n".join([head, *clauses]) + "\n\n" + SHIPPED[end:]
    at = text.index("# Chương IV")
    text = text[:at] + re.sub(r"^3", "5", moved) + "\n\n" + text[at:]  # the last clause of Điều 11
    (tmp_path / "old.md").write_text(SHIPPED, encoding="utf-8")
    (tmp_path / "new.md").write_text(text, encoding="utf-8")
    out = tmp_path / "r.html"
    result = invoke(None, "compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    page = unsaid(out.read_text(encoding="utf-8"))
    plain = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "khoản 3 Điều 10 → khoản 5 Điều 11 chuyển vị trí" in plain
    assert f"{MOVED}" in plain and "(chuyển đến khoản 5 Điều 11)" in plain
    assert "5. (chuyển từ khoản 3 Điều 10) Trực tiếp làm Trưởng Ban" in plain
    assert re.search(r'<del class="mv">3\. Trực tiếp làm Trưởng Ban[^<]*</del> <span class="mv-note">'
                     r"\(chuyển đến khoản 5 Điều 11\)", page)
    assert '<ins class="ins">' not in page.split('class="legend"')[1].split("</p>", 1)[1]  # no insertion drawn

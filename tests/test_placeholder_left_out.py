"""A clause repealed before, its `(được bãi bỏ)` placeholder kept by the old (consolidated) text, that a new text leaves
out, numbering on without it, is no repeal of the new text's.

The term XV regulation renumbered Điều 10 without khoản 3, repealed by 05-QC/TU: the comparison table read
`Khoản 3 Điều 10 | 3. | (được bãi bỏ) | bãi bỏ` (the old column empty, the repeal put on the draft), `--changes` printed
`khoản 3 Điều 10 (repealed):` with no text and then `khoản 3 Điều 10 (renumbered)`, the redline a bare `3. ` (r41
sweep CJ 3).
"""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.core.diff import ChangeKind, compare
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.render import redline as rr
from regdraft.render.redline import Redline, Version
from tests.conftest import CORPUS, SHIPPED_REGULATION, Invoke, in_corpus, needs_corpus

SHIPPED = SHIPPED_REGULATION.read_text(encoding="utf-8")
_CLAUSE = re.compile(r"^(\d+)\\\. .*$", re.M)


def _placeholder(md: str, article: str, clause: int) -> tuple[str, str]:
    """`md` with khoản `clause` of Điều `article` a placeholder (`3\\. (được bãi bỏ)`), and that text with the
    placeholder left out and the article's later clauses numbered on."""
    start = re.search(rf"^#+ Điều {article}\.", md, re.M)
    assert start is not None
    end_at = re.compile(r"^#", re.M).search(md, start.end())
    end = end_at.start() if end_at else len(md)
    body = md[start.start():end]
    lines = _CLAUSE.findall(body)
    assert len(lines) > clause
    old_body = re.sub(rf"^{clause}\\\. .*$", f"{clause}\\\\. (được bãi bỏ)", body, count=1, flags=re.M)
    new_body = re.sub(rf"\n\n{clause}\\\. \(được bãi bỏ\)", "", old_body, count=1)
    new_body = re.sub(r"^(\d+)\\\. ", lambda m: f"{int(m[1]) - 1}\\. " if int(m[1]) > clause else m[0], new_body,
                      flags=re.M)
    old = md[:start.start()] + old_body + md[end:]
    return old, md[:start.start()] + new_body + md[end:]


def _listed(old: str, new: str) -> list[tuple[str, str, str]]:
    return [(c.kind.value, str(c.old_address), str(c.new_address)) for c in compare(parse(old), parse(new)).changes]


def test_a_placeholder_the_new_text_leaves_out_is_said_once_and_not_as_a_repeal() -> None:
    old, new = _placeholder(SHIPPED, "10", 3)
    listed = _listed(old, new)
    assert listed == [("repealed earlier, its place left out", "d10.k3", "None"),
                      ("renumbered", "d10.k4", "d10.k3"), ("renumbered", "d10.k5", "d10.k4")]
    gone = compare(parse(old), parse(new)).changes[0]
    assert gone.kind is ChangeKind.PLACE_LEFT_OUT
    assert [(s.op.value, s.text) for s in gone.segments] == [("delete", "(được bãi bỏ)")]  # what the old text reads


def test_a_placeholder_on_both_sides_is_no_change() -> None:
    old, _ = _placeholder(SHIPPED, "10", 3)
    new = old.replace("chủ trì hội nghị Ban Thường vụ Tỉnh ủy khi được Bí thư ủy quyền.",
                      "chủ trì hội nghị Ban Thường vụ Tỉnh ủy khi được Bí thư ủy quyền bằng văn bản.")
    assert [row[1] for row in _listed(old, new)] == ["d10.k4"]


def test_the_table_and_the_redline_print_the_placeholder_where_it_stood_and_no_repeal_in_the_draft() -> None:
    old, new = _placeholder(SHIPPED, "10", 3)
    redline = Redline(compare(parse(old), parse(new)), Version("old.md", "x"), Version("new.md", "y"))
    page = rr.render_html(redline, layout="table")
    rows = [[" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S)]
    row = next(cells for cells in rows if len(cells) > 3 and cells[1] == "Khoản 3 Điều 10")
    assert row[2:] == ["3. (được bãi bỏ)", "", "đã được bãi bỏ trước đây; không giữ lại số thứ tự"]
    inline = " ".join(re.sub(r"<[^>]+>", " ", rr.render_html(redline).split('class="legend"', 1)[1]).split())
    assert "3. (được bãi bỏ) 3. (đánh số lại từ khoản 4)" in inline


def test_changes_name_the_left_out_place_and_where_the_next_clause_came_from(tmp_path: Path, invoke: Invoke) -> None:
    old, new = _placeholder(SHIPPED, "10", 3)
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    out = invoke(None, "compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--changes", catch=False).output
    assert "khoản 3 Điều 10 (repealed earlier, its place left out): [-(được bãi bỏ)-]" in out, out
    assert "khoản 3 Điều 10 (renumbered from khoản 4 Điều 10)" in out
    assert "(repealed)" not in out


@needs_corpus
def test_a_real_laws_placeholder_left_out_is_no_repeal() -> None:
    from regdraft.importer import import_file

    law = render(import_file(in_corpus(CORPUS / "luat-thanh-nien.txt")).regulation)
    old, new = _placeholder(law, "13", 2)
    assert _listed(old, new)[0] == ("repealed earlier, its place left out", "d13.k2", "None")
    assert not [row for row in _listed(old, new) if row[0] == "repealed"]


def test_the_word_redline_rejected_reads_the_old_text_and_accepted_the_new(tmp_path: Path) -> None:
    """Its placeholder printed once (it printed `3. (được bãi bỏ)(được bãi bỏ)` with the words in the segments)."""
    from tests.test_redline_docx import _sides

    old, new = _placeholder(SHIPPED, "10", 3)
    rejected, accepted, plain_old, plain_new = _sides(parse(old), parse(new), tmp_path, "left-out")
    assert rejected == plain_old and accepted == plain_new
    assert "3. (được bãi bỏ)" in rejected


def test_an_articles_placeholder_left_out_reads_as_its_heading() -> None:
    """`Điều 11. (được bãi bỏ)`: the placeholder stands in an article's heading, as the Word redline prints it."""
    start = SHIPPED.index("## Điều 11.")
    end = SHIPPED.index("\n#", start + 1) + 1
    old = SHIPPED[:start] + "## Điều 11. (được bãi bỏ)\n\n" + SHIPPED[end:]
    result = compare(parse(old), parse(SHIPPED[:start] + SHIPPED[end:], numbering=False))
    [change] = result.changes
    assert (change.kind, [(s.op.value, s.text) for s in change.title], change.segments) == (
        ChangeKind.PLACE_LEFT_OUT, [("delete", "(được bãi bỏ)")], ())
    table = rr.render_html(Redline(result, Version("old.md", "x"), Version("new.md", "y")), layout="table")
    assert "Điều 11 . (được bãi bỏ) đã được bãi bỏ trước đây" in " ".join(re.sub(r"<[^>]+>", " ", table).split())

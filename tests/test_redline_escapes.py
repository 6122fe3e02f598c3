"""A changed word next to an escaped character (`\\*`, `\\_`, `&#46;`, `&amp;`) is marked whole in the redline, its
escape never printed (sweep r32 AV, R2).

Since the import stores a .txt or .docx text's own characters escaped (`Phạm vi \\*điều chỉnh\\*`), the word
comparison split `\\*` into two marks and could part them: an amended title printed `Phạm vi <del>*điều
chỉnh\\</del><ins>*áp dụng</ins>*` in the HTML and `Phạm vi *điều chỉnh\\*áp dụng*` in the PDF, the stored backslash
shown to the members. An escape and a character reference are now one token of the comparison
(`core.word_diff.tokens`), as the text reads them.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from regdraft.core.inline import ESCAPE_OR_REFERENCE
from regdraft.core.word_diff import Op, diff_words, new_side, old_side, tokens
from tests.conftest import unsaid
from tests.print_marks import POPPLER

REPO = Path(__file__).resolve().parents[1]
HEAD = (REPO / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8").split("\n---\n")[0] + "\n---\n\n"
# Old and new: an imported title and clause (escaped), the new side's words as a drafter typed them.
OLD_TITLE, NEW_TITLE = r"Phạm vi \*điều chỉnh\*", r"Phạm vi *áp dụng*"
OLD_CLAUSE = r"1\. Tỷ lệ \*cũ\* và \_đặc biệt\_ và 1&#46; năm và &amp; và x \* y."
NEW_CLAUSE = r"1\. Tỷ lệ *mới* và \_riêng\_ và 2&#46; năm và &lt; và x \ y."


def _regulation(title: str, clause: str) -> str:
    return HEAD + f"# Chương I. NHỮNG QUY ĐỊNH CHUNG\n\n## Điều 1. {title}\n\n{clause}\n\n2\\. Khoản không đổi.\n"


@pytest.mark.parametrize(("old", "new"), [
    (OLD_TITLE, NEW_TITLE), (OLD_TITLE, r"Phạm vi \*áp dụng\*"), (OLD_CLAUSE, NEW_CLAUSE),
    (r"a \* b", r"a \* \* b"), (r"R\&amp;D và \\\*", r"R\&amp;E và \\"),
])
def test_no_segment_parts_an_escape_from_its_character(old: str, new: str) -> None:
    segments = diff_words(old, new)
    assert old_side(segments) == old and new_side(segments) == new
    for text, gone in ((old, Op.INSERT), (new, Op.DELETE)):  # each side's text, cut where its segments end
        inside = {k for m in re.finditer(ESCAPE_OR_REFERENCE + "|.", text, re.DOTALL) for k in range(*m.span())[1:]}
        at = 0
        for seg in segments:
            if seg.op is not gone:
                at += len(seg.old_text if gone is Op.INSERT else seg.text)
                assert at not in inside, (text, segments)


def test_an_escape_or_a_reference_is_one_token() -> None:
    assert tokens(r"\*điều\_ 1&#46; \\ \ ") == ["\\*", "điều", "\\_", " ", "1", "&#46;", " ", "\\\\", " ", "\\", " "]


def test_both_titles_read_whole_in_the_html_pdf_and_word_redline(tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    from regdraft.cli import cli

    (tmp_path / "old.md").write_text(_regulation(OLD_TITLE, OLD_CLAUSE), encoding="utf-8")
    (tmp_path / "new.md").write_text(_regulation(NEW_TITLE, NEW_CLAUSE), encoding="utf-8")
    for kind in ("html", "docx", "pdf"):
        done = CliRunner().invoke(cli, ["compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"),
                                        "-o", str(tmp_path / f"r.{kind}")], catch_exceptions=False)
        assert done.exit_code == 0, done.output

    html = unsaid((tmp_path / "r.html").read_text(encoding="utf-8"))
    title = re.search(r"Điều 1\. (.*?)</h3>", html)
    assert title is not None
    assert title.group(1) == ('Phạm vi <del class="del">*điều chỉnh*</del><ins class="ins"><em>áp dụng</em></ins>')
    clause = re.search(r"Tỷ lệ .*?</p>", html)
    assert clause is not None
    assert clause.group(0) == (
        'Tỷ lệ <del class="del">*cũ*</del><ins class="ins"><em>mới</em></ins> và _<del class="del">đặc biệt</del> '
        '<ins class="ins">riêng</ins>_ và <del class="del">1</del> <ins class="ins">2</ins>. năm và '
        '<del class="del">&amp;</del><ins class="ins">&lt;</ins> và x <del class="del">*</del>'
        '<ins class="ins">\\</ins> y.</p>')

    if POPPLER:  # the PDF's text layer: both readings, no escape
        pdf = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True,
                             check=True).stdout
        assert "Phạm vi *điều chỉnh*áp dụng" in pdf
        assert "Tỷ lệ *cũ*mới và _đặc biệt riêng_ và 1 2. năm và &< và x *\\ y." in " ".join(pdf.split())

    body = docx.Document(str(tmp_path / "r.docx")).element.body
    deleted = [t.text for t in body.iter(qn("w:delText"))]
    inserted = [t.text for r in body.iter(qn("w:ins")) for t in r.iter(qn("w:t"))]
    assert "*điều chỉnh*" in deleted and "áp dụng" in inserted
    assert {"*cũ*", "đặc biệt", "1", "&", "*"} <= set(deleted), deleted
    assert {"mới", "riêng", "2", "<", "\\"} <= set(inserted), inserted
    assert not any(t.endswith("\\") for t in deleted), deleted

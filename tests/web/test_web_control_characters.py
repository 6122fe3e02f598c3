"""A control character in a comment's text (a NUL, an escape, Word's cell mark U+0007 pasted in, U+FFFE) went through
the comments form and the edit route into the comment file, and from then on the round's DOCX report failed with
python-docx's "All strings must be XML compatible" (the server's report.docx a 500) until someone edited the YAML by
hand (r33 sweep AZ F1). Every comment coming in is read without them (`text.as_text`), its visible words kept."""

from __future__ import annotations

import io

import docx
import openpyxl
import yaml

from regdraft.workspace.access import invite
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, entered, sent, token

TYPED = "NUL\x00 VT\x0b ESC\x1b FF\x0c BEL\x07 \ufffe \uffff end, sửa\x00thời hạn\x07."
READ = "NUL VT\n ESC FF\n BEL   end, sửa thời hạn."


def _text(ws: Workspace, cid: str) -> str:
    data = yaml.safe_load(ws.path(f"amendments/{SLUG}/comments/{cid}.yaml").read_text("utf-8"))
    return str(data["text"])


def test_control_characters_typed_into_the_form_or_an_edit_never_reach_the_file_nor_stop_a_report(
        review_ws: Workspace) -> None:
    _, secret = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    an = entered(review_ws, secret)
    added = sent(an, text=TYPED)
    assert _text(review_ws, added) == READ
    edited = sent(an, text="Trước khi sửa.")
    answer = an.post(f"/a/{SLUG}/comments/{edited}/edit", data={"csrf": token(an), "text": TYPED})
    assert answer.status_code == 303, answer.text
    assert _text(review_ws, edited) == READ

    word = an.get(f"/a/{SLUG}/report.docx?round=1")
    assert word.status_code == 200, word.text[:300]
    cells = "\n".join(cell.text for table in docx.Document(io.BytesIO(word.content)).tables
                      for row in table.rows for cell in row.cells)
    assert "sửa thời hạn." in cells and "\x07" not in cells
    book = an.get(f"/a/{SLUG}/report.xlsx?round=1")
    assert book.status_code == 200, book.text[:300]
    values = [str(v) for row in openpyxl.load_workbook(io.BytesIO(book.content)).active.iter_rows(values_only=True)
              for v in row if v is not None]
    assert any("sửa thời hạn." in v for v in values)

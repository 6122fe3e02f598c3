"""A Word reply whose comments' Word author is the body given with `--by` (a ministry's copy signed in Word as
"Bộ Nội vụ") printed the name twice, "Ban Tổ chức Tỉnh ủy (Ban Tổ chức Tỉnh ủy)", in `comment list` and in the
report's commenter column (r34 sweep BD 4): the name is printed once when the two are the same but for Unicode
form, case and spacing; a person's name still follows the body's."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "qc-sua-doi-2025"
BODY = "Ban Tổ chức Tỉnh ủy"
MEETINGS = "Thường lệ ba tháng một lần"  # điểm a khoản 1 Điều 12 of the draft


def test_a_word_author_that_is_the_body_is_not_printed_twice(tmp_workspace: Workspace, invoke: Invoke,
                                                             tmp_path: Path) -> None:
    ws = kit.round_consulting(tmp_workspace, invoke, SLUG, BODY)
    copy = tmp_path / "copy.docx"
    assert invoke(ws, "round", "copy", SLUG, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    run = kit.isolate(kit.paragraph_with(document, MEETINGS), MEETINGS)
    # The body as Word recorded it: decomposed, another case, doubled spaces.
    kit.comment(document, run, "Đề nghị họp hằng tháng.", unicodedata.normalize("NFD", "ban tổ chức  Tỉnh ủy"))
    kit.comment(document, run, "Giữ nguyên.", "Nguyễn Văn An")
    reply = kit.save(document, tmp_path / "reply.docx")
    assert invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY).exit_code == 0

    listed = invoke(ws, "comment", "list", SLUG)
    assert listed.exit_code == 0, listed.output
    assert f"{BODY} (" not in listed.output.replace(f"{BODY} (Nguyễn Văn An)", ""), listed.output
    assert f"{BODY} (Nguyễn Văn An)" in listed.output
    out = tmp_path / "report.html"
    assert invoke(ws, "round", "report", SLUG, "-o", str(out)).exit_code == 0, out
    html = out.read_text(encoding="utf-8")
    assert html.count('<div class="person">') == 1 and "Nguyễn Văn An" in html

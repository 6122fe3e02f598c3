"""A comment's texts lose the invisible characters as they come in, as an import's text does (r37).

`comment add`, a comment sheet (XLSX) and a Word reply stored soft hyphens (U+00AD), zero-width spaces and joiners as
typed: a proposed wording holding one never read as the provision's text, a selection never matched the words it
quotes, and every report printed them. Now the words selected and the wording proposed are kept as a regulation's
text (`core.comments.provision_words`: NFC, every invisible character out, odd spaces plain), a person's own words
and names lose them too (the joiners an emoji or a script needs aside), and the command says what it left out in
the import's words. Luật Thanh niên 57/2020/QH14 (../shared/corpus) is the regulation the draft amends.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regdraft.core.comment_yaml import comment_to_yaml
from regdraft.core.layout import comments_folder
from regdraft.workspace.rounds import add_comment, draft_text, load_comments
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "tn-sua"
BODY = "Bộ Nội vụ"
SHY, ZWSP, ZWJ = "\u00ad", "\u200b", "\u200d"
FAMILY = f"\U0001f468{ZWJ}\U0001f469{ZWJ}\U0001f467"  # three people joined: the joiners an emoji needs
# khoản 2 Điều 6 of Luật Thanh niên, which the draft leaves as it is.
K2 = ("Nguồn tài chính bảo đảm thực hiện chính sách đối với thanh niên gồm ngân sách nhà nước; các khoản ủng hộ, "
      "viện trợ, tài trợ và đóng góp hợp pháp khác của tổ chức, doanh nghiệp, cá nhân trong nước và nước ngoài.")
K2_HYPHENATED = K2.replace("ngân sách", f"ng{SHY}ân sách").replace("nhà nước;", "nhà\u00a0nước;")
SHY_NOTE = ("1 soft hyphen (Word's optional hyphens, U+00AD) left out, the first in the proposed wording: a soft "
            "hyphen only marks where a word may break at a line's end and is no part of the wording.")


@pytest.fixture
def ws(thanh_nien_ws: Workspace) -> Workspace:
    """A copy of Luật Thanh niên's workspace with its round open (`conftest.thanh_nien_ws`), the test's own."""
    return thanh_nien_ws


def said(output: str) -> str:
    return " ".join(output.split())


def test_comment_add_keeps_a_proposal_as_the_regulations_text_and_says_what_it_left_out(ws: Workspace,
                                                                                         invoke: Invoke) -> None:
    assert draft_text(ws, SLUG).find("d6.k2").unit.text == (K2,)
    text = f"Đề nghị giữ nguyên{ZWSP} khoản này {FAMILY}; thủ{ZWJ}tục không đổi."
    added = invoke(ws, "comment", "add", SLUG, "--by", f"Bộ{ZWSP} Nội vụ", "--on", "d6.k2", "--text", text,
                   "--proposal", f"2. {K2_HYPHENATED}", "--json")
    assert added.exit_code == 0, added.output
    (comment,) = load_comments(ws, SLUG)
    # The proposal reads as the provision does: it changes nothing, which the member is asked about.
    assert comment.proposal == f"2. {K2}"
    assert "changes nothing" in said(added.output), added.output
    # A person's words: the zero-width space and the joiner inside a Vietnamese word out, the emoji's joiners kept.
    assert comment.text == f"Đề nghị giữ nguyên khoản này {FAMILY}; thủtục không đổi."
    assert comment.by == BODY and "not a body consulted" not in added.output
    warnings = [w["message"] for w in json.loads(added.stdout)["warnings"]]
    assert f"{SHY_NOTE}  «gồm ngân sách»" in warnings, warnings  # its words as read
    # One note a kind, counting those of every text (the body's name too), naming where the first stood.
    assert ("3 invisible characters (U+200B (zero width space), U+200D (zero width joiner)) left out, the first in "
            "the comment's text: no legal text holds them.  «giữ nguyên khoản»") in warnings, warnings
    checked = invoke(ws, "check")
    assert checked.exit_code == 0 and "holds the invisible character" not in checked.output, checked.output


def test_a_sheets_selection_matches_the_provision_and_rows_imported_before_stay_alone(ws: Workspace,
                                                                                    invoke: Invoke,
                                                                                    tmp_path: Path) -> None:
    import openpyxl

    # A comment an earlier version recorded with a soft hyphen in its text, as the sheet still has it.
    older = add_comment(ws, SLUG, BODY, "d7.k1", "Đề nghị làm rõ.")
    path = f"{comments_folder(SLUG)}/{older.id}.yaml"
    from dataclasses import replace
    ws.commit({path: comment_to_yaml(replace(older, text=f"Đề nghị làm{SHY} rõ.")).encode()}, "An earlier version")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Chủ thể góp ý", "Điều, khoản", "Nội dung góp ý", "Đề xuất", "Đoạn được chọn"])
    sheet.append([1, BODY, "khoản 1 Điều 7", f"Đề nghị làm{SHY} rõ.", "", ""])
    sheet.append([2, BODY, "khoản 2 Điều 7", "Đề nghị sửa.", f"2. Nhiệm vụ, quyền hạn của Ủy ban do Chính{ZWSP} "
                  "phủ quy định.", f"Ủy ban quốc gia về Than{SHY}h niên Việt Nam"])
    book.save(tmp_path / "gop-y.xlsx")
    imported = invoke(ws, "comment", "import", SLUG, str(tmp_path / "gop-y.xlsx"))
    assert imported.exit_code == 0, imported.output
    assert "1 imported before was left alone" in imported.output  # the earlier comment, its soft hyphen aside
    new = [c for c in load_comments(ws, SLUG) if c.on == "d7.k2"]
    assert len(new) == 1 and len(load_comments(ws, SLUG)) == 2
    (comment,) = new
    assert comment.selection == "Ủy ban quốc gia về Thanh niên Việt Nam" and comment.selection in comment.anchor
    assert comment.proposal == "2. Nhiệm vụ, quyền hạn của Ủy ban do Chính phủ quy định."
    assert ("gop-y.xlsx: warning: 1 soft hyphen (Word's optional hyphens, U+00AD) left out, the first in the words "
            "selected in row 3:") in said(imported.output)
    assert ("1 invisible character (U+200B (zero width space)) left out, the first in the proposed wording in row "
            "3: no legal text holds them. «do Chính phủ»") in said(imported.output)
    again = invoke(ws, "comment", "import", SLUG, str(tmp_path / "gop-y.xlsx"))
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output
    assert "left out" not in again.output  # no comment was made of them


@pytest.mark.slow  # a review copy written and read back: about a second of CPU
def test_a_word_reply_reads_its_comments_and_changes_without_them(ws: Workspace, invoke: Invoke,
                                                                  tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    assert invoke(ws, "round", "copy", SLUG, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    run = kit.isolate(kit.paragraph_with(document, "hợp pháp khác của tổ chức"), "hợp pháp")
    kit.comment(document, run, f"Đề nghị bỏ từ “hợp pháp”{SHY}.", f"Nguyễn{ZWSP} Văn An")
    changed = kit.isolate(kit.paragraph_with(document, "do Thủ tướng Chính phủ quy định"), "Thủ tướng Chính phủ")
    kit.track_replace(changed, f"Chính{ZWSP} phủ", "Nguyễn Văn An")
    reply = kit.save(document, tmp_path / "reply.docx")
    imported = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert imported.exit_code == 0, imported.output
    comments = {c.on: c for c in load_comments(ws, SLUG)}
    assert comments["d6.k2"].text == "Đề nghị bỏ từ “hợp pháp”." and comments["d6.k2"].author == "Nguyễn Văn An"
    assert comments["d6.k2"].selection == "hợp pháp"
    assert comments["d7.k2"].proposal == ("2. Nhiệm vụ, quyền hạn của Ủy ban quốc gia về Thanh niên Việt Nam do "
                                         "Chính phủ quy định.")  # after its label, as the wording editor writes it
    assert ("1 soft hyphen (Word's optional hyphens, U+00AD) left out, the first in the comment's text of the Word "
            "comment by Nguyễn\\u200b Văn An") in said(imported.output), imported.output
    assert "2 invisible characters (U+200B (zero width space)) left out" in said(imported.output)
    # As an earlier version recorded it: the soft hyphen kept, and the fingerprint of that text. The reply imported
    # again is the comment imported before, not a second one (`core.repeats`: its words compared without them).
    from dataclasses import replace

    older = replace(comments["d6.k2"], text=f"Đề nghị bỏ từ “hợp pháp”{SHY}.", source="docx:0123456789abcdef")
    ws.commit({f"{comments_folder(SLUG)}/{older.id}.yaml": comment_to_yaml(older).encode()}, "An earlier version")
    again = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output

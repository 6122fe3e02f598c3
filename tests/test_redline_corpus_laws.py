"""Redlines and comparison tables of real laws (../shared/corpus/vi) against drafts written as a drafter writes
them: each side quotes its text as written where a tone mark moved (`thoả` made `thỏa`), a consequential
punctuation edit is credited to the instruction that made it, a row of the changes alone marks the points it
leaves out, and the last line names the revisions compared in the document's language."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from regdraft.cli import cli
from regdraft.core.replies import versions
from regdraft.importer.word_reply import read_reply
from regdraft.render import redline as rr
from regdraft.render.profile import load_profile
from regdraft.render.redline_docx import write_redline_docx
from regdraft.workspace import redline as rl
from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, module_workspace, needs_corpus, unwrapped

pytestmark = needs_corpus

TODAY = dt.date(2026, 7, 1)

# The instructions of each draft (Điều 1), as `amend from-edits` writes them for the tester's edits.
DRAFTS = {
    "cd": ("luat-cong-doan.txt", "12/2012/QH13",
           "1\\. Thay thế cụm từ “thực hiện thoả ước lao động tập thể” bằng cụm từ “thực hiện thỏa ước lao động "
           "tập thể chung” trong toàn bộ Luật.\n"),
    "td": ("luat-thi-dua-khen-thuong.txt", "15/2003/QH11",
           "1\\. Sửa đổi, bổ sung đoạn mở đầu Điều 7 như sau:\n\n“Danh hiệu thi đua bao gồm:”.\n\n"
           "2\\. Bãi bỏ khoản 3 Điều 7.\n\n"
           "3\\. Thay thế cụm từ “Gia đình văn hoá” bằng cụm từ “Gia đình văn hóa tiêu biểu” trong toàn bộ Luật.\n"),
    "dl": ("luat-du-lich.txt", "09/2017/QH14",
           "1\\. Thay thế cụm từ “Tổng cục Du lịch” bằng cụm từ “Cục Du lịch Quốc gia Việt Nam” trong toàn bộ Luật.\n"),
}


@pytest.fixture(scope="module")
def laws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A workspace holding the three laws, each with its draft."""
    with module_workspace(tmp_path_factory, "laws") as ws:
        runner = CliRunner()
        for slug, (law, regulation, instructions) in DRAFTS.items():
            for args in (("import", str(CORPUS / law)), ("amend", "new", slug, "-r", regulation)):
                result = runner.invoke(cli, [*args, "-C", str(ws.root)], catch_exceptions=False)
                assert result.exit_code == 0, result.output
            relative = f"amendments/{slug}/amendment.md"
            text = ws.read(relative).decode("utf-8")
            head, _, rest = text.partition("\n## Điều 2.")
            head = head[:head.index("\n", head.index("## Điều 1.")) + 1]
            ws.commit({relative: f"{head}\n{instructions}\n## Điều 2.{rest}".encode()}, f"Draft {slug}")
        yield ws


def _html(ws: Workspace, regulation: str, slug: str, layout: str = "inline", changed_only: bool = False) -> str:
    redline = rl.build(ws, regulation, amendment=slug)
    return unwrapped(rr.render_html(redline, layout=layout, changed_only=changed_only, today=TODAY))


def _rows(table: str) -> dict[str, tuple[str, str, str]]:
    """Each row of the table by the provision it names: the words of its columns (text in force, draft, note)."""
    rows = {}
    for row in re.findall(r'<tr id="chg-\d+".*?</tr>', table, flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        rows[_words(cells[1])] = (_words(cells[2]), _words(cells[3]), _words(cells[4]))
    return rows


def _words(html: str) -> str:
    """The words of some HTML: a paragraph ends a word, a mark inside a word does not."""
    spaced = re.sub(r"</?p\b[^>]*>", " ", html)
    return " ".join(re.sub(r"<[^>]+>", "", spaced).split())


def _readings(html: str) -> tuple[str, str]:
    """The inline redline read as the text in force (insertions left out) and as the draft (deletions left out)."""
    # A deleted word and the word inserted in its place print a space apart ("hoá hóa"): neither reading has it.
    body = html[html.index('<div class="body-text">'):].replace('</del> <ins class="ins">', '</del><ins class="ins">')
    old = re.sub(r'<ins class="ins">.*?</ins>', "", body, flags=re.S)
    new = re.sub(r'<del class="del">.*?</del>', "", body, flags=re.S)
    return _words(old), _words(new)


def test_the_table_quotes_each_text_as_written_where_only_a_tone_mark_moved(laws: Workspace) -> None:
    # Luật Công đoàn writes "thoả ước"; the draft writes "thỏa ước … chung". The column of the text in force quoted
    # the draft's spelling ("thỏa ước"), though the instruction quotes the law's.
    rows = _rows(_html(laws, "12/2012/QH13", "cd", layout="table"))
    old, new, _ = rows["Khoản 2 Điều 10"]
    assert old == ("2. Đại diện cho tập thể người lao động thương lượng, ký kết và giám sát việc thực hiện thoả "
                   "ước lao động tập thể.")
    assert new == ("2. Đại diện cho tập thể người lao động thương lượng, ký kết và giám sát việc thực hiện thỏa "
                   "ước lao động tập thể chung.")
    # Luật Thi đua, khen thưởng's "Gia đình văn hoá", made "Gia đình văn hóa tiêu biểu" throughout.
    rows = _rows(_html(laws, "15/2003/QH11", "td", layout="table"))
    for where in ("Khoản 3 Điều 20", "Đoạn mở đầu Điều 29", "Khoản 3 Điều 80"):  # Điều 29's lead-in alone
        old, new, _ = rows[where]
        assert '"Gia đình văn hoá"' in old and "hóa" not in old, where
        assert '"Gia đình văn hóa tiêu biểu"' in new and "hoá" not in new, where


def test_the_inline_and_word_redlines_read_as_each_text_where_a_tone_mark_moved(laws: Workspace,
                                                                                tmp_path: Path) -> None:
    old, new = _readings(_html(laws, "12/2012/QH13", "cd"))
    assert "giám sát việc thực hiện thoả ước lao động tập thể." in old and "thỏa ước" not in old
    assert "giám sát việc thực hiện thỏa ước lao động tập thể chung." in new and "thoả ước" not in new
    old, new = _readings(_html(laws, "15/2003/QH11", "td"))
    assert old.count('"Gia đình văn hoá"') == 3 and "Gia đình văn hóa" not in old
    assert new.count('"Gia đình văn hóa tiêu biểu"') == 3 and "Gia đình văn hoá" not in new
    # Word: Reject all gives the law as written, Accept all the draft.
    out = tmp_path / "td.docx"
    write_redline_docx(rl.build(laws, "15/2003/QH11", amendment="td"), out, load_profile({}), TODAY)
    rejected, accepted = versions(read_reply(out.read_bytes(), out.name, redline_changes=True).paragraphs)
    assert '3. Danh hiệu thi đua đối với hộ gia đình là "Gia đình văn hoá".' in rejected
    assert '3. Danh hiệu thi đua đối với hộ gia đình là "Gia đình văn hóa tiêu biểu".' in accepted
    assert not any('"Gia đình văn hóa"' in p for p in rejected + accepted)


def test_the_redlines_end_as_the_law_does(laws: Workspace, tmp_path: Path) -> None:
    """After the last article, the adoption sentence and the signature block, as the consolidated text prints them:
    the redline is the whole text (the inline one, the Word one; both versions have them unchanged)."""
    adoption = ("Luật này đã được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khoá XI, kỳ họp thứ 4 thông qua "
                "ngày 26 tháng 11 năm 2003.")
    html = _html(laws, "15/2003/QH11", "td")
    for reading in _readings(html):
        text = reading.replace("&nbsp; ", "")
        assert text[:text.index(" Các phiên bản được so sánh:")].endswith(f"{adoption} Nguyễn Văn An (Đã ký)")
    closing = html[html.index('<p class="para adoption">'):]
    assert "<del" not in closing and "<ins" not in closing
    out = tmp_path / "td.docx"
    write_redline_docx(rl.build(laws, "15/2003/QH11", amendment="td"), out, load_profile({}), TODAY)
    import docx

    document = docx.Document(str(out))
    assert adoption in [p.text for p in document.paragraphs]
    signer = [p.text for p in document.tables[-1].rows[0].cells[1].paragraphs if p.text]
    assert signer == ["Nguyễn Văn An", "(Đã ký)"]


def test_a_consequential_end_is_credited_to_the_instruction_that_made_it(laws: Workspace) -> None:
    # Khoản 2 Điều 7 ends in "." because khoản 2 Điều 1 repeals khoản 3; the row named khoản 1 Điều 1, the instruction
    # that amends the lead-in of Điều 7, as `amend preview` does not.
    rows = _rows(_html(laws, "15/2003/QH11", "td", layout="table"))
    assert rows["Khoản 2 Điều 7"][2] == "sửa dấu câu cuối khoản 2 Điều 1 Dự thảo lần 1"
    assert rows["Điều 7"][2] == "sửa đổi, bổ sung đoạn mở đầu khoản 1 Điều 1 Dự thảo lần 1"


def test_a_row_of_the_changes_alone_marks_the_points_it_leaves_out(laws: Workspace) -> None:
    # Khoản 2 Điều 34 of Luật Du lịch: its closing sentence changed; its points a and b are left out between.
    rows = _rows(_html(laws, "09/2017/QH14", "dl", layout="table", changed_only=True))
    old, new, _ = rows["Đoạn cuối khoản 2 Điều 34"]  # the words replaced stand in it alone
    lead_in = "2. Trình tự, thủ tục cấp lại giấy phép kinh doanh dịch vụ lữ hành được quy định như sau:"
    assert old.startswith(f"{lead_in} […] Tổng cục Du lịch thông báo cho cơ quan chuyên môn")
    assert new.startswith(f"{lead_in} […] Cục Du lịch Quốc gia Việt Nam thông báo")
    assert "a) " not in old + new  # still left out
    full = _rows(_html(laws, "09/2017/QH14", "dl", layout="table"))["Đoạn cuối khoản 2 Điều 34"][0]
    assert "[…]" not in full and "a) " in full


def test_the_last_line_names_the_revisions_in_the_documents_language(laws: Workspace) -> None:
    html = _html(laws, "12/2012/QH13", "cd")
    line = re.search(r'<p class="metadata-line">(.*?)</p>', html).group(1)  # type: ignore[union-attr]
    # the commits' dates as Vietnamese text writes a date (05/12/2026), not ISO's
    assert re.fullmatch(r"Các phiên bản được so sánh: 12/2012/QH13: mã phiên bản [0-9a-f]{7}, \d{2}/\d{2}/\d{4}; "
                        r"Dự thảo lần 1: mã phiên bản [0-9a-f]{7}, \d{2}/\d{2}/\d{4}\.", line), line
    assert "commit" not in line


def test_a_phrase_replaced_by_an_instruction_is_struck_and_inserted_whole(laws: Workspace, tmp_path: Path) -> None:
    # `Thay thế cụm từ “Tổng cục Du lịch” bằng cụm từ “Cục Du lịch Quốc gia Việt Nam”`: the amendment's redline
    # marked it word by word, `[-Tổng cục-] {+Cục+} Du lịch {+Quốc gia Việt Nam +}`.
    html = _html(laws, "09/2017/QH14", "dl")
    whole = '<del class="del">Tổng cục Du lịch</del> <ins class="ins">Cục Du lịch Quốc gia Việt Nam</ins>'
    assert html.count(whole) == 9, html.count(whole)  # every provision it stands in (Điều 28 to Điều 64)
    assert '<del class="del">Tổng cục</del>' not in html
    table = _rows(_html(laws, "09/2017/QH14", "dl", layout="table"))
    assert table["Khoản 1 Điều 51"][1].startswith("1. Cục Du lịch Quốc gia Việt Nam công bố danh sách")
    # A comparison of the two texts, which knows no instruction, keeps its word diff.
    new = tmp_path / "du-lich-moi.md"
    law = (laws.root / "regulations" / "09-2017-QH14.md").read_text(encoding="utf-8")
    new.write_text(law.replace("Tổng cục Du lịch", "Cục Du lịch Quốc gia Việt Nam"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(laws.root / "regulations" / "09-2017-QH14.md"), str(new),
                                      "--changes", "-o", str(tmp_path / "compare.html")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "[-Tổng cục-]{+Cục+} Du lịch {+Quốc gia Việt Nam +}thẩm định" in unwrapped(result.output)

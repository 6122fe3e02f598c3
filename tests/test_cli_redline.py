"""`regdraft redline` and `regdraft compare`: versions chosen, files written, summary complete."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.render.output import Settings, write
from regdraft.render.profile import load_profile
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, REPO_ROOT, SHARED, SHIPPED_AMENDMENT, Invoke, needs_corpus, unsaid, unwrapped
from tests.test_english_documents import in_words
from tests.test_render_pdf import pdf_fonts, pdf_text

GOLDEN = Path(__file__).resolve().parent / "golden"
MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def _edit_mini(ws: Workspace) -> None:
    text = MINI.replace("Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Tỉnh ủy").replace(
        "## Điều 4\n", "## Điều 4. Hiệu lực thi hành\n")
    ws.commit({"regulations/MINI-QC.md": text.encode()}, "Edit mini")


def test_compare_two_files_writes_html(tmp_path: Path, invoke: Invoke) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(MINI, encoding="utf-8")
    new.write_text(MINI.replace("Thiểu số phục tùng đa số.", "Thiểu số phục tùng đa số;"), encoding="utf-8")
    out = tmp_path / "r.html"
    result = invoke(None, "compare", str(old), str(new), "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    assert str(out) in result.output and "(1 change)" in result.output
    html = unsaid(out.read_text(encoding="utf-8"))
    assert 'href="#chg-1"' in html and 'id="chg-1"' in html
    assert '<del class="del">.</del><ins class="ins">;</ins>' in html


def test_compare_names_its_default_file_after_both_texts(tmp_path: Path, invoke: Invoke,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Two comparisons against the same new text (v1 to v3, then v2 to v3) write two files: the second
    overwrote the first when the file was named after the new text alone."""
    monkeypatch.chdir(tmp_path)
    texts = {"v1": MINI, "v2": MINI.replace("Thiểu số phục tùng đa số.", "Thiểu số phục tùng đa số;"),
             "v3": MINI.replace("Thiểu số phục tùng đa số.", "Thiểu số phục tùng tuyệt đối đa số.")}
    for name, text in texts.items():
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    for old in ("v1", "v2"):
        result = invoke(None, "compare", f"{old}.md", "v3.md", "--format", "html", catch=False)
        assert result.exit_code == 0, result.output
    first = unsaid((tmp_path / "redline-v1-to-v3.html").read_text(encoding="utf-8"))
    second = unsaid((tmp_path / "redline-v2-to-v3.html").read_text(encoding="utf-8"))
    assert '<ins class="ins">tuyệt đối </ins>' in first and '<ins class="ins">tuyệt đối </ins>' in second
    assert '<del class="del">;</del>' not in first  # v1 ends the sentence as v3 does
    assert '<del class="del">;</del><ins class="ins">.</ins>' in second


def test_compare_reports_a_broken_file_without_traceback(tmp_path: Path, invoke: Invoke) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(MINI, encoding="utf-8")
    new.write_text("no front matter\n", encoding="utf-8")
    result = invoke(None, "compare", str(old), str(new), "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 1
    assert "front matter" in result.output and "Traceback" not in result.output


def test_redline_between_revisions_defaults_into_out(mini_workspace: Workspace, invoke: Invoke) -> None:
    _edit_mini(mini_workspace)
    result = invoke(mini_workspace, "redline", "MINI-QC", "--from", "HEAD~1", "--to", "HEAD",
                    "--format", "html", catch=False)
    assert result.exit_code == 0, result.output
    revision = mini_workspace.resolve("HEAD~1")
    newer = mini_workspace.resolve("HEAD")
    target = mini_workspace.root / "out" / f"redline-MINI-QC-{revision.short}-to-{newer.short}.html"
    assert str(target) in result.output and target.is_file()
    html = unwrapped(target.read_text(encoding="utf-8"))
    # named by git, undated: the commit's date is no date of the document (it is the metadata line's)
    assert "so với phiên bản HEAD~1 (Quy chế số MINI-QC)" in html
    assert f"MINI-QC, ngày {_cited(revision.date)}" not in html
    # the metadata line at the end, the commit's date as Vietnamese text writes a date (not ISO's 2026-12-05)
    assert f"MINI-QC: mã phiên bản {revision.short}, {_cited(revision.date)}" in html
    assert "điểm b khoản 2 Điều 2" in html and "Điều 4" in html


def test_changed_only_collapses_unchanged_articles(mini_workspace: Workspace, invoke: Invoke) -> None:
    _edit_mini(mini_workspace)
    out = mini_workspace.root / "c.html"
    invoke(mini_workspace, "redline", "MINI-QC", "--from", "HEAD~1", "--to", "HEAD", "--changed-only",
           "-o", str(out), catch=False)
    html = out.read_text(encoding="utf-8")
    assert '<p class="collapsed">Điều 1. Phạm vi điều chỉnh — không thay đổi</p>' in html
    assert "Quy chế này quy định nguyên tắc" not in html


@pytest.mark.parametrize("command", ["redline", "compare"])
def test_changed_only_help_says_what_it_does_in_each_layout(invoke: Invoke, command: str) -> None:
    # inline: an unchanged article is one line (above); in a table, runs of unchanged text are `[…]` (README)
    shown = " ".join(invoke(None, command, "--help").output.split())
    assert "inline, an unchanged article is one line" in shown
    assert "in a table, each run of unchanged text in a row is shown as […]" in shown
    assert "[…]" in (REPO_ROOT / "README.md").read_text(encoding="utf-8").split("--changed-only`:", 1)[1][:200]


def test_table_layout_is_landscape_with_one_row_per_change(mini_workspace: Workspace, invoke: Invoke) -> None:
    _edit_mini(mini_workspace)
    out = mini_workspace.root / "t.html"
    invoke(mini_workspace, "redline", "MINI-QC", "--from", "HEAD~1", "--to", "HEAD", "--layout", "table",
           "-o", str(out), catch=False)
    html = out.read_text(encoding="utf-8")
    assert '<body class="landscape">' in html and "BẢNG SO SÁNH" in html
    assert len(re.findall(r'<tr id="chg-\d+"', html)) == 2
    assert '<th class="col-where">Điều, khoản</th>' in html
    assert re.findall(r'<td class="col-where[^"]*">([^<]*)</td>', html) == ["Điểm b khoản 2 Điều 2", "Điều 4"]


def test_redline_without_a_pending_amendment_says_what_to_do(mini_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(mini_workspace, "redline", "MINI-QC")
    assert result.exit_code == 2  # bad usage: nothing to compare until a revision or amendment is named
    assert "no pending amendment" in result.output and "--to REV" in result.output


def test_to_and_amendment_together_is_a_usage_error(mini_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(mini_workspace, "redline", "MINI-QC", "--to", "HEAD", "--amendment", "x")
    assert result.exit_code == 2


def _cited(iso: object) -> str:
    """`2026-12-02` as a document cites its date: `02/12/2026`."""
    year, month, day = str(iso)[:10].split("-")
    return f"{day}/{month}/{year}"


def _normalised(html: str) -> str:
    html = re.sub(r"(commit|mã phiên bản) [0-9a-f]{7}", r"\1 SHA", html)
    # the commit's date, as Vietnamese text writes it (kept on one line)
    html = re.sub(r"(SHA, (?:<span class=\"nobr\">)?)\d{2}/\d{2}/\d{4}", r"\1DATE", html)
    html = re.sub(r"(tháng\s+năm) \d{4}", r"\1 YEAR", html)  # an unsigned draft's date line: this year
    # the draft: the day it was committed
    html = re.sub(r"(05-QC/TU(?:</span>)?, ngày (?:<span class=\"nobr\">)?)\d{2}/\d{2}/\d{4}", r"\1DATE", html)
    return re.sub(r"\d{4}-\d{2}-\d{2}", "DATE", html)


def test_golden_html_of_the_shipped_amendment(tmp_workspace: Workspace, invoke: Invoke,
                                              request: pytest.FixtureRequest) -> None:
    out = tmp_workspace.root / "out" / "golden.html"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    html = _normalised(out.read_text(encoding="utf-8"))
    golden = GOLDEN / "redline-shipped.html"
    if request.config.getoption("--update-golden") or not golden.exists():
        if not request.config.getoption("--update-golden"):
            pytest.fail(f"{golden} is missing; run pytest --update-golden to create it.")
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_shipped_amendment_pdf_lists_every_change(tmp_workspace: Workspace, invoke: Invoke) -> None:
    from regdraft.render.redline_helpers import Helpers
    from regdraft.workspace import redline as rl

    result = invoke(tmp_workspace, "redline", "01-QC/TU", catch=False)
    assert result.exit_code == 0, result.output
    pdf = tmp_workspace.root / "out" / "redline-01-QC-TU-qc-sua-doi-2025.pdf"
    assert str(pdf) in result.output
    text = pdf_text(pdf)
    assert unicodedata.is_normalized("NFC", text)
    assert "DỰ THẢO lần" in text and "văn bản hiện hành (Quy chế số 01-QC/TU, có hiệu lực từ ngày 09/01/2021)" in text
    assert f"Điện Biên, ngày tháng năm {dt.date.today().year}" in text  # blank days: not signed yet
    assert pdf.stat().st_size < 1_500_000  # fonts embedded as subsets
    assert re.search(r"Trang 1/\d+", text)
    redline = rl.build(tmp_workspace, "01-QC/TU")
    assert redline.comparison.changes
    helpers = Helpers(redline, load_profile({}))
    for change in redline.comparison.changes:
        assert " ".join(helpers.describe(change).split()) in text
    assert all("Tinos" in f or "LiberationSerif" in f.replace("-", "") for f in pdf_fonts(pdf))


def test_summary_lists_references_that_need_checking(tmp_workspace: Workspace) -> None:
    from regdraft.render import redline as rr
    from regdraft.workspace import redline as rl

    redline = rl.build(tmp_workspace, "01-QC/TU")
    # khoản 3 Điều 6 cites khoản 2 Điều 5, which the shipped amendment rewrites.
    assert "Khoản 3 Điều 6 dẫn chiếu khoản 2 Điều 5, quy định được sửa đổi: cần rà soát." in redline.references
    html = rr.render_html(redline)
    assert "Các quy định có tham chiếu cần rà soát" in html
    assert "Khoản 3 Điều 6 dẫn chiếu khoản 2 Điều 5" in html


NBSP6 = "\u00a0" * 6


def _summary(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="#chg-\d+">([^<]*)</a></td><td class="summary-kind">([^<]*)</td>', html)


def test_shipped_summary_lists_what_each_instruction_names_with_its_kind(tmp_workspace: Workspace) -> None:
    from regdraft.render import redline as rr
    from regdraft.workspace import redline as rl

    redline = rl.build(tmp_workspace, "01-QC/TU")
    html = rr.render_html(redline)
    summary = _summary(html)
    # One line per provision an instruction names, in document order (as the text runs), and điểm đ
    # khoản 1 Điều 4, whose final "." becomes ";" when điểm e is added after it (a consequential edit).
    assert [where for where, _ in summary] == [
        "khoản 1 Điều 3", "điểm c khoản 1 Điều 4", "điểm đ khoản 1 Điều 4", "điểm e khoản 1 Điều 4",
        "khoản 2 Điều 5", "khoản 4a Điều 6",
        "Điều 7", "điểm d1 khoản 2 Điều 8", "Điều 9", "khoản 3 Điều 10", "điểm b khoản 1 Điều 12",
        "khoản 5 Điều 14", "điểm c khoản 2 Điều 16", "Điều 20a", "khoản 1 Điều 21", "khoản 3 Điều 21",
        "Chương V", "khoản 2 Điều 23", "khoản 1 Điều 24", "khoản 1 Điều 26",
    ]
    kinds = dict(summary)
    assert kinds["khoản 1 Điều 3"] == "bỏ cụm từ"  # `Bỏ cụm từ “khóa XII”`
    assert kinds["khoản 2 Điều 5"] == "sửa đổi, bổ sung"  # `Sửa đổi, bổ sung khoản 2 Điều 5`
    assert kinds["Điều 9"] == "sửa đổi, bổ sung"
    assert kinds["khoản 2 Điều 23"] == "thay thế cụm từ" and kinds["Điều 7"] == "sửa đổi tên"
    # No instruction amends điểm đ: its end changed because điểm e follows it, and the summary says only that.
    assert kinds["điểm đ khoản 1 Điều 4"] == "sửa dấu câu cuối"
    # The points changed inside khoản 2 Điều 5 are still marked in the text, under the clause's anchor.
    clause = html[html.index('id="chg-5"'):html.index('id="chg-6"')]
    assert "<del class=\"del\">.</del><ins class=\"ins\">;</ins>" in clause
    assert "<ins class=\"ins\">c)</ins>" in clause


def test_summary_kinds_are_read_in_english_too(tmp_workspace: Workspace) -> None:
    from regdraft.render.redline_helpers import Helpers, words_for
    from regdraft.workspace import redline as rl

    redline = rl.build(tmp_workspace, "01-QC/TU")
    helpers = Helpers(redline, load_profile({}))
    kinds = {str(c.address): c.kind.value for c in redline.comparison.changes}
    assert kinds["d3.k1"] == "words deleted" and kinds["d5.k2"] == "amended" and kinds["ch5"] == "heading changed"
    assert helpers.kind_label(redline.comparison.changes[0].kind) == "bỏ cụm từ"
    english = Helpers(redline, load_profile({}))
    english.words = words_for("en", load_profile({}))  # an English text's words
    end = next(c for c in redline.comparison.changes if str(c.address) == "d4.k1.dd")
    assert (end.kind.value, english.kind_label(end.kind, end), helpers.kind_label(end.kind, end)) == (
        "amended", "end punctuation changed", "sửa dấu câu cuối")
    # A point amended in its words keeps its kind, though its end is the same.
    amended = next(c for c in redline.comparison.changes if str(c.address) == "d4.k1.c")
    assert helpers.kind_label(amended.kind, amended) == "sửa đổi, bổ sung"


def test_changes_listed_on_the_terminal_say_an_end_changed_as_the_documents_do(tmp_workspace: Workspace,
                                                                             invoke: Invoke) -> None:
    # The documents list điểm đ khoản 1 Điều 4, whose "." becomes ";" as điểm e is added after it, as `sửa dấu câu
    # cuối` (`end punctuation changed`); `--changes` called it `(amended)`, as if an instruction amended it.
    out = tmp_workspace.root / "out" / "r.html"
    listed = invoke(tmp_workspace, "redline", "01-QC/TU", "-o", str(out), "--changes", catch=False).output
    assert "điểm đ khoản 1 Điều 4 (end punctuation changed): " in listed, listed
    assert "khoản 2 Điều 5 (amended): " in listed  # amended by its instruction: so it still says
    old = tmp_workspace.root / "old.md"
    old.write_bytes(tmp_workspace.read("regulations/01-QC-TU.md"))
    new = tmp_workspace.root / "new.md"
    new.write_text(old.read_text(encoding="utf-8").replace("hằng năm và giữa nhiệm kỳ.",
                                                           "hằng năm và giữa nhiệm kỳ;\n\ne) Mới."),
                   encoding="utf-8")
    compared = invoke(None, "compare", str(old), str(new), "-o", str(out), "--changes", catch=False).output
    assert " (end punctuation changed): " in compared and " (amended): " not in compared, compared


def test_cover_line_names_the_commit_of_both_files(tmp_workspace: Workspace) -> None:
    from regdraft.workspace import redline as rl

    regulation = tmp_workspace.log("regulations/01-QC-TU.md")[0]
    amendment = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
    draft = (tmp_workspace.root / amendment).read_text(encoding="utf-8")
    tmp_workspace.commit({amendment: draft.replace("draft: 2", "draft: 3").encode()}, "Draft 3")
    draft3 = tmp_workspace.log(amendment)[0]
    assert draft3.sha != regulation.sha
    redline = rl.build(tmp_workspace, "01-QC/TU")
    # The new text first, as the title line above it names them (`Dự thảo lần 3 … với Quy chế số 01-QC/TU …`).
    assert redline.cover_line() == (f"Dự thảo lần 3 (Quy chế số 05-QC/TU, ngày {_cited(draft3.date)}) so với văn "
                                    "bản hiện hành (Quy chế số 01-QC/TU, có hiệu lực từ ngày 09/01/2021)")
    assert redline.metadata_line() == (f"Các phiên bản được so sánh: 01-QC/TU: mã phiên bản {regulation.sha[:7]}, "
                                       f"{_cited(regulation.date)}; 05-QC/TU: mã phiên bản {draft3.sha[:7]}, "
                                       f"{_cited(draft3.date)}.")
    (tmp_workspace.root / amendment).write_text(draft.replace("draft: 2", "draft: 4"), encoding="utf-8")
    redline = rl.build(tmp_workspace, "01-QC/TU")
    assert redline.cover_line().startswith("Dự thảo lần 4 (Quy chế số 05-QC/TU) so với")
    assert redline.metadata_line().endswith("; 05-QC/TU: chưa lưu vào lịch sử.")


def test_one_git_status_tells_which_of_the_two_files_is_uncommitted(tmp_workspace: Workspace,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.workspace import redline as rl

    amendment = tmp_workspace.log(f"amendments/{SHIPPED_AMENDMENT}/amendment.md")[0]
    path = tmp_workspace.root / "regulations" / "01-QC-TU.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Ban Thường vụ", "Thường trực", 1), encoding="utf-8")
    asked: list[tuple[str, ...]] = []
    real = type(tmp_workspace)._query

    def counted(self: Workspace, command: str, *args: str, **options: Any) -> str:
        asked.append((command, *args))
        return real(self, command, *args, **options)

    monkeypatch.setattr(type(tmp_workspace), "_query", counted)
    redline = rl.build(tmp_workspace, "01-QC/TU")
    assert redline.metadata_line() == ("Các phiên bản được so sánh: 01-QC/TU: chưa lưu vào lịch sử; "
                                       f"05-QC/TU: mã phiên bản {amendment.sha[:7]}, {_cited(amendment.date)}.")
    assert [a[0] for a in asked].count("status") == 1


def test_cover_line_and_header_of_an_english_amendment_without_a_number(tmp_workspace: Workspace) -> None:
    from regdraft.render import redline as rr
    from regdraft.workspace import redline as rl

    tmp_workspace.commit({"amendments/en1/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()},
                         "Add an English amendment")
    regulation = tmp_workspace.log("regulations/01-QC-TU-EN.md")[0]
    amendment = tmp_workspace.log("amendments/en1/amendment.md")[0]
    redline = rl.build(tmp_workspace, "01-QC/TU-EN", amendment="en1")
    assert redline.cover_line() == (f"Draft 1 (dated {in_words(amendment.date)}) compared with the text in force "
                                    "(Regulations No. 01-QC/TU, effective from 9 January 2021)")  # in words, in English
    # the commits' dates as the document's other dates (effective from 9 January 2021), not ISO's
    assert redline.metadata_line() == (f"Versions compared: 01-QC/TU-EN: commit {regulation.sha[:7]}, "
                                       f"{in_words(regulation.date)}; Draft 1: commit {amendment.sha[:7]}, "
                                       f"{in_words(amendment.date)}.")
    html = rr.render_html(redline, today=dt.date(2026, 3, 5))
    assert f'<div class="place-date">Dien Bien, {NBSP6}{NBSP6}2026</div>' in html
    assert '<p class="draft-banner">DRAFT No. 1</p>' in html


def test_page_one_has_the_draft_place_and_date_line(tmp_workspace: Workspace) -> None:
    from regdraft.render import redline as rr
    from regdraft.workspace import redline as rl

    html = rr.render_html(rl.build(tmp_workspace, "01-QC/TU"), today=dt.date(2026, 3, 5))
    assert f'<div class="place-date">Điện Biên, ngày{NBSP6}tháng{NBSP6}năm 2026</div>' in html
    # A comparison has no number of its own: its title names both documents.
    assert '<div class="number">' not in html and '<p class="draft-banner">DỰ THẢO lần 2</p>' in html


def test_two_revisions_carry_the_regulation_own_date(mini_workspace: Workspace, invoke: Invoke) -> None:
    _edit_mini(mini_workspace)
    out = mini_workspace.root / "r.html"
    invoke(mini_workspace, "redline", "MINI-QC", "--from", "HEAD~1", "--to", "HEAD", "-o", str(out), catch=False)
    html = unwrapped(out.read_text(encoding="utf-8"))
    assert '<div class="place-date">Điện Biên, ngày 09 tháng 01 năm 2021</div>' in html
    assert '<div class="number">' not in html and '<p class="draft-banner">' not in html
    assert "Quy chế số MINI-QC ngày 09/01/2021 (Phiên bản HEAD) với Quy chế số MINI-QC ngày 09/01/2021 " \
        "(Phiên bản HEAD~1)" in html


def test_table_rows_name_each_provision_in_summary_order(tmp_workspace: Workspace) -> None:
    from regdraft.render import redline as rr
    from regdraft.workspace import redline as rl

    redline = rl.build(tmp_workspace, "01-QC/TU")
    table = rr.render_html(redline, layout="table")
    inline = rr.render_html(redline)
    names = re.findall(r'<td class="col-where[^"]*">([^<]*)</td>', table)
    assert names == [where[:1].upper() + where[1:] for where, _ in _summary(inline)]
    assert "Khoản 2 Điều 5" in names and "Điểm b khoản 2 Điều 5" not in names
    assert re.findall(r'<tr id="(chg-\d+)"', table) == [f"chg-{n}" for n in range(1, len(names) + 1)]


def test_output_under_a_file_is_a_clear_error(mini_workspace: Workspace, invoke: Invoke) -> None:
    _edit_mini(mini_workspace)
    blocker = mini_workspace.root / "out"
    blocker.mkdir(exist_ok=True)
    (blocker / "file").write_text("x", encoding="utf-8")
    target = blocker / "file" / "r.html"
    result = invoke(mini_workspace, "redline", "MINI-QC", "--from", "HEAD~1", "--to", "HEAD", "-o", str(target))
    assert result.exit_code == 1 and "is a file, not a folder" in result.output
    assert "Traceback" not in result.output


def test_html_is_written_whole_or_not_at_all(mini_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.workspace import redline as rl

    _edit_mini(mini_workspace)
    target = mini_workspace.root / "r.html"
    target.write_text("previous", encoding="utf-8")
    redline = rl.build(mini_workspace, "MINI-QC", rev_from="HEAD~1", rev_to="HEAD")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fdopen", fail)  # the temporary file beside it cannot be written
    with pytest.raises(OSError):
        write("redline", "html", redline, target, Settings(load_profile({})))
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "previous"
    assert list(mini_workspace.root.glob("r.html*")) == [target]


def test_pending_means_what_the_amendment_module_says(tmp_workspace: Workspace,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.core.amend import document
    from regdraft.workspace import redline as rl

    assert rl.pending_amendment(tmp_workspace, rl.build(tmp_workspace, "01-QC/TU").comparison.old) == SHIPPED_AMENDMENT
    monkeypatch.setattr(document, "PENDING", ("draft",))  # the shipped amendment is `circulating`
    with pytest.raises(RegdraftError, match="no pending amendment"):
        rl.build(tmp_workspace, "01-QC/TU")


def test_reference_notes_say_whether_the_draft_inserts_repeals_or_amends(tmp_workspace: Workspace) -> None:
    from regdraft.workspace import redline as rl

    notes = rl.build(tmp_workspace, "01-QC/TU").references
    # The shipped draft inserts điểm d1 khoản 2 Điều 8 and repeals điểm c khoản 2 Điều 16.
    assert "Khoản 3 Điều 11 dẫn chiếu Điều 8; dự thảo bổ sung điểm d1 khoản 2 Điều 8: cần rà soát." in notes
    assert "Khoản 3 Điều 12 dẫn chiếu Điều 16; dự thảo bãi bỏ điểm c khoản 2 Điều 16: cần rà soát." in notes
    assert "Điều 5 dẫn chiếu Điều 4; dự thảo sửa đổi điểm c khoản 1 Điều 4: cần rà soát." in notes


def test_a_signed_amending_document_is_not_called_a_draft(tmp_workspace: Workspace, invoke: Invoke,
                                                          tmp_path: Path) -> None:
    # Nghị định 48/2013 imported to be consolidated: its comparison table headed the column "Dự thảo sửa đổi, bổ
    # sung", its notes named "khoản 1 Điều 1 Dự thảo 48/2013/NĐ-CP" and the references "dự thảo sửa đổi Điều 9".
    from regdraft.workspace import redline as rl

    path = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
    text = tmp_workspace.path(path).read_text(encoding="utf-8")
    tmp_workspace.commit({path: text.replace("signed: null", "signed: 2025-03-15").encode()}, "Signed")
    built = rl.build(tmp_workspace, "01-QC/TU")
    named = "Điều 5 dẫn chiếu Điều 4; Quy chế số 05-QC/TU sửa đổi điểm c khoản 1 Điều 4: cần rà soát."
    assert named in built.references
    assert not any("dự thảo" in note for note in built.references)
    assert any("Quy chế số 05-QC/TU" in n for notes in built.reasons.values() for n in notes)
    out = tmp_path / "bang.html"
    assert invoke(tmp_workspace, "redline", "01-QC/TU", "--layout", "table", "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<th>Quy định sửa đổi, bổ sung</th>" in page and "Dự thảo sửa đổi, bổ sung" not in page
    # The draft itself is still a draft.
    tmp_workspace.commit({path: text.encode()}, "Unsigned again")
    draft = tmp_path / "draft.html"
    assert invoke(tmp_workspace, "redline", "01-QC/TU", "--layout", "table", "-o", str(draft)).exit_code == 0
    assert "<th>Dự thảo sửa đổi, bổ sung</th>" in draft.read_text(encoding="utf-8")


def test_a_table_in_an_unchanged_provision_is_printed_as_a_table(invoke: Invoke, tmp_path: Path) -> None:
    # Nghị định 63/2010's forms printed as `| Nơi nhận: … | --- | --- |` in every redline (HTML, PDF).
    mini = (FIXTURES / "mini.md").read_text(encoding="utf-8")
    table = "| Việc | Người |\n| --- | --- |\n| Họp | Bí thư |"
    old = mini.replace("quy định tại khoản 1 Điều này.", f"quy định tại khoản 1 Điều này.\n\n{table}")
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(old.replace("Hội nghị thường lệ;", "Hội nghị thường lệ mỗi quý;"),
                                     encoding="utf-8")
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    for out in (html, pdf):
        result = invoke(None, "compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "-o", str(out))
        assert result.exit_code == 0, result.output
    page = html.read_text(encoding="utf-8")
    assert ('<table class="provision-table">\n<tr><td>Việc</td><td>Người</td></tr>\n'
            "<tr><td>Họp</td><td>Bí thư</td></tr>\n</table>") in page
    assert "| --- |" not in page
    text = pdf_text(pdf)
    assert "Bí thư" in text and "|" not in text


def _tables(old_table: str, new_table: str, tmp_path: Path) -> tuple[Path, Path]:
    mini = (FIXTURES / "mini.md").read_text(encoding="utf-8")
    old = mini.replace("quy định tại khoản 1 Điều này.", f"quy định tại khoản 1 Điều này.\n\n{old_table}")
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(old.replace(old_table, new_table), encoding="utf-8")
    return tmp_path / "old.md", tmp_path / "new.md"


def test_a_changed_table_is_printed_as_a_table_marked_row_by_row_and_cell_by_cell(invoke: Invoke,
                                                                                  tmp_path: Path) -> None:
    # Printed as its `| a | b |` lines, a word diff across the cell borders read "Báo cáo | Văn phòng Tổng kết |".
    old, new = _tables("| Việc | Người |\n| --- | --- |\n| Họp | Bí thư |\n| Báo cáo | Văn phòng |",
                       "| Việc | Người |\n| --- | --- |\n| Họp | Thường trực |\n"
                       "| Báo cáo | Văn phòng | Quý I |\n| Kiểm tra | Ủy ban Kiểm tra |", tmp_path)
    html, pdf, table, word = (tmp_path / f"r.{x}" for x in ("html", "pdf", "table.html", "docx"))
    for out, layout in ((html, "inline"), (pdf, "inline"), (table, "table"), (word, "inline")):
        result = invoke(None, "compare", str(old), str(new), "--layout", layout, "-o", str(out))
        assert result.exit_code == 0, result.output
    page = unsaid(html.read_text(encoding="utf-8"))
    # Its first row names the columns: printed again at the top of a page it runs onto.
    assert ('<table class="provision-table chg">\n<thead><tr><td>Việc</td><td>Người</td><td></td></tr>\n</thead>\n'
            '<tbody>\n<tr><td>Họp</td><td><del class="del">Bí thư</del> <ins class="ins">Thường trực</ins></td>'
            '<td></td></tr>\n'
            '<tr><td>Báo cáo</td><td>Văn phòng</td><td><ins class="ins">Quý I</ins></td></tr>\n'
            '<tr><td><ins class="ins">Kiểm tra</ins></td><td><ins class="ins">Ủy ban Kiểm tra</ins></td>'
            "<td></td></tr>\n"
            "</tbody>\n</table>") in page
    assert "| ---" not in page and "| Quý I" not in page
    # In print the cell one row alone has is not cut off by the columns of the first row.
    text = pdf_text(pdf)
    assert "Quý I" in text and "Ủy ban Kiểm tra" in text and "|" not in text
    # The comparison table: the old column holds the old rows, the new column the new ones.
    old_column, new_column = re.findall(r'<table class="provision-table chg">(.*?)</table>',
                                        unsaid(table.read_text(encoding="utf-8")), re.S)
    assert "Kiểm tra" not in old_column and '<del class="del">Bí thư</del>' in old_column
    assert "<del" not in new_column and '<ins class="ins">Kiểm tra</ins>' in new_column
    # Word: a table whose new row is a tracked row insertion, its cells' words tracked.
    import docx

    document = docx.Document(str(word))
    assert not [p.text for p in document.paragraphs if "|" in p.text]
    rows = document.tables[-1].rows
    assert len(rows) == 4 and [len(r.cells) for r in rows] == [3] * 4
    added = rows[3]._tr.xml
    assert "<w:trPr><w:ins " in added.replace("\n", "").replace("  ", "") and "Ủy ban Kiểm tra" in added
    assert "<w:delText>Bí thư</w:delText>" in rows[1]._tr.xml and "Thường trực" in rows[1]._tr.xml


@needs_corpus
def test_a_form_of_nghi_dinh_63_2010_changed_in_its_appendix(invoke: Invoke, tmp_path: Path) -> None:
    # Nghị định 63/2010's appendices hold its forms as tables (kept in khoản 3 Điều 37 by the importer).
    imported = tmp_path / "63.md"
    result = invoke(None, "import", str(SHARED / "corpus" / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt"),
                    "-o", str(imported))
    assert result.exit_code == 0, result.output
    old = imported.read_text(encoding="utf-8")
    row = "| II. Về tính hợp lý của thủ tục hành chính | |"
    assert row in old
    edited = tmp_path / "63-edited.md"
    edited.write_text(old.replace(row, "| II. Về tính hợp lý, khả thi của thủ tục hành chính | |"), encoding="utf-8")
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    for out in (html, pdf):
        result = invoke(None, "compare", str(imported), str(edited), "-o", str(out))
        assert result.exit_code == 0, result.output
    page = unsaid(html.read_text(encoding="utf-8"))
    assert ('<tr><td>II. Về tính hợp lý<ins class="ins">, khả thi</ins> của thủ tục hành chính</td><td></td></tr>'
            in page)
    assert not re.search(r"<p[^>]*>\|", page)
    text = pdf_text(pdf)
    assert "khả thi của thủ tục" in " ".join(text.split()) and "|" not in text


def test_two_amendments_redlines_do_not_overwrite_each_other(tmp_workspace: Workspace, invoke: Invoke,
                                                             tmp_path: Path) -> None:
    slug = "qc-sua-doi-2026"
    invoke(tmp_workspace, "amend", "new", slug, "--regulation", "01-QC/TU", catch=False)
    text = (tmp_workspace.root / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8")
    edited = tmp_path / "edited.md"
    edited.write_text(text.replace("Thường lệ ba tháng một lần", "Thường lệ hai tháng một lần"), encoding="utf-8")
    invoke(tmp_workspace, "amend", "from-edits", slug, "--edited", str(edited), catch=False)
    first = invoke(tmp_workspace, "redline", "01-QC/TU", "--amendment", SHIPPED_AMENDMENT, "--format", "html",
                   catch=False)
    second = invoke(tmp_workspace, "redline", slug, "--format", "html", catch=False)
    out = tmp_workspace.root / "out"
    older, newer = out / f"redline-01-QC-TU-{SHIPPED_AMENDMENT}.html", out / f"redline-01-QC-TU-{slug}.html"
    assert str(older) in first.output and str(newer) in second.output
    assert "Dự thảo lần 1: mã phiên bản" in unwrapped(newer.read_text(encoding="utf-8"))  # qc-sua-doi-2026's
    assert "05-QC/TU: mã phiên bản" in unwrapped(older.read_text(encoding="utf-8"))  # still the shipped one's


def test_redlines_of_two_revision_pairs_do_not_overwrite_each_other(mini_workspace: Workspace,
                                                                    invoke: Invoke) -> None:
    ws = mini_workspace
    _edit_mini(ws)
    ws.commit({"regulations/MINI-QC.md": (ws.root / "regulations" / "MINI-QC.md").read_bytes().replace(
        "Tập thể thảo luận dân chủ;".encode(), "Tập thể thảo luận dân chủ, công khai;".encode())}, "Edit again")
    first, second, third = (ws.resolve(rev).short for rev in ("HEAD~2", "HEAD~1", "HEAD"))
    out = ws.root / "out"
    runs = {f"redline-MINI-QC-{first}-to-{second}.html": ("--from", "HEAD~2", "--to", "HEAD~1", "--changed-only"),
            f"redline-MINI-QC-{second}-to-{third}.html": ("--from", "HEAD~1", "--to", "HEAD", "--changed-only"),
            f"redline-MINI-QC-{first}-to-{third}.html": ("--from", "HEAD~2", "--to", "HEAD"),
            f"redline-MINI-QC-working-tree-to-{first}.html": ("--to", "HEAD~2")}
    for name, options in runs.items():
        result = invoke(ws, "redline", "MINI-QC", *options, "--format", "html", catch=False)
        assert str(out / name) in result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(runs)
    pages = {name: unwrapped(unsaid((out / name).read_text(encoding="utf-8"))) for name in runs}
    marked = {name: re.findall(r'<ins class="ins">([^<]*)</ins>', page) for name, page in pages.items()}
    assert marked[f"redline-MINI-QC-{first}-to-{second}.html"][1:] == ["Chấp hành", "Hiệu lực thi hành"]
    assert marked[f"redline-MINI-QC-{second}-to-{third}.html"][1:] == [", công khai"]  # [0]: the legend's


def test_an_amendments_redline_at_a_revision_keeps_the_current_one(tmp_workspace: Workspace, invoke: Invoke) -> None:
    ws = tmp_workspace
    now = invoke(ws, "redline", "01-QC/TU", "--amendment", SHIPPED_AMENDMENT, "--format", "html", catch=False)
    then = invoke(ws, "redline", "01-QC/TU", "--amendment", SHIPPED_AMENDMENT, "--from", "HEAD", "--format",
                  "html", catch=False)
    current = ws.root / "out" / f"redline-01-QC-TU-{SHIPPED_AMENDMENT}.html"
    at_head = ws.root / "out" / f"redline-01-QC-TU-{SHIPPED_AMENDMENT}-at-{ws.resolve('HEAD').short}.html"
    assert str(current) in now.output and str(at_head) in then.output
    assert current.is_file() and at_head.is_file()


def test_an_amendments_name_with_a_pair_of_revisions_says_what_to_write(tmp_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    # `redline qc-sua-doi-2025 --to HEAD` said "'qc-sua-doi-2025' is an amendment, not a regulation", though the help
    # shows the amendment's name as the way to its redline.
    result = invoke(tmp_workspace, "redline", SHIPPED_AMENDMENT, "--to", "HEAD")
    assert result.exit_code == 2
    said = unwrapped(result.output)
    assert f"`regdraft redline {SHIPPED_AMENDMENT}` writes its redline" in said
    assert "`regdraft redline 01-QC/TU --from REV --to HEAD`" in said and "not a regulation" not in said


def test_changes_alone_list_them_and_write_no_file(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # `redline --changes` wrote the default PDF and printed its path above the list (r38 sweep BV 8): a list was asked
    # for. A renamed unit is listed as `title changed`, as the summary, footnotes and instructions say, not `heading`.
    listed = invoke(tmp_workspace, "redline", "01-QC/TU", "--changes", catch=False)
    lines = listed.output.splitlines()
    assert lines[0].endswith(" changes; 01-QC/TU against amendment qc-sua-doi-2025, draft 2:"), lines[0]
    assert "Chương V (title changed): " in listed.output and "heading changed" not in listed.output
    assert not (tmp_workspace.root / "out").exists() or not list((tmp_workspace.root / "out").iterdir())
    assert "written" not in json.loads(invoke(tmp_workspace, "redline", "01-QC/TU", "--changes", "--json").output)
    # With -o (or --format) the redline is written too, and its path said first, as before.
    out = tmp_path / "r.html"
    both = invoke(tmp_workspace, "redline", "01-QC/TU", "--changes", "-o", str(out), catch=False)
    assert both.output.startswith(f"{out} (") and out.exists() and "Chương V (title changed): " in both.output

"""Several drafts of Luật Đấu thầu 22/2023 in flight (r43): Luật 57/2024 pending as `luat-57-2024` and two drafts
from `amend new`, `du-thao-a` and `du-thao-b`, alike in title and unnumbered, each changing provisions 57/2024
changes (`du-thao-a` điểm d khoản 7 Điều 3 and điểm a khoản 1 Điều 5, `du-thao-b` khoản 5 Điều 3); `du-thao-c` changes
none of them.

1. An amendment's own commands (its redline in each format, `amend preview`, `amend check`) say on stderr which other
   pending drafts change the same provisions, as `check` and the review server's pages do (r42): they said nothing.
2. The redlines of `du-thao-a` and `du-thao-b` (HTML, PDF, the review server's page) opened with the same heading:
   the line under the title names each one's folder, draft number and state; 57/2024's, alone of its name, is as it
   was (`tests/golden/redline-shipped.html`: a single draft's page, byte for byte).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.render.profile import default_profile
from regdraft.render.told_apart import told_apart
from regdraft.web.pages import redline_page
from regdraft.web.words import Words
from regdraft.workspace.amendments import load
from regdraft.workspace.store import Workspace

from .conftest import luat_57_2024_copy, luat_57_2024_once, module_git, run_cli

HEADING = "## Điều 1. Sửa đổi, bổ sung một số điều của Luật Đấu thầu số 22/2023/QH15\n"
INSTRUCTIONS = {
    "du-thao-a": ("1\\. Sửa đổi, bổ sung điểm d khoản 7 Điều 3 như sau:\n\n“d) Lựa chọn nhà thầu để bảo đảm tính liên "
                  "tục cho hoạt động sản xuất, kinh doanh;”\n\n2\\. Sửa đổi, bổ sung điểm a khoản 1 Điều 5 như sau:\n\n"
                  "“a) Đối với nhà thầu, nhà đầu tư trong nước: là doanh nghiệp, hợp tác xã, tổ chức khác đăng ký "
                  "thành lập, hoạt động theo pháp luật Việt Nam;”\n\n3\\. Sửa đổi, bổ sung khoản 4 Điều 9 như sau:\n\n"
                  "“4. Trường hợp hủy thầu, hồ sơ liên quan được lưu trữ trong thời hạn 10 năm kể từ ngày quyết định "
                  "hủy thầu được ban hành.”\n"),
    "du-thao-b": ("1\\. Sửa đổi, bổ sung khoản 5 Điều 3 như sau:\n\n“5. Việc lựa chọn nhà thầu thuộc dự án có sử dụng "
                  "vốn ODA thực hiện theo điều ước quốc tế.”\n\n2\\. Sửa đổi, bổ sung điểm d khoản 1 Điều 5 như "
                  "sau:\n\n“d) Có tên trên Hệ thống mạng đấu thầu quốc gia;”\n"),
    "du-thao-c": ("1\\. Sửa đổi, bổ sung khoản 4 Điều 9 như sau:\n\n“4. Trường hợp hủy thầu, hồ sơ liên quan được lưu "
                  "trữ trong thời hạn 07 năm kể từ ngày quyết định hủy thầu được ban hành.”\n"),
}


def write_draft(ws: Workspace, slug: str) -> None:
    """Draft `slug` begun with `amend new` and its instructions (`INSTRUCTIONS`) written and committed."""
    started = run_cli(ws, "amend", "new", slug, "--regulation", "22/2023/QH15")
    assert started.exit_code == 0, started.output
    path = f"amendments/{slug}/amendment.md"
    text = (ws.root / path).read_text(encoding="utf-8")
    assert HEADING in text, text
    ws.commit({path: text.replace(HEADING, f"{HEADING}\n{INSTRUCTIONS[slug]}", 1).encode("utf-8")}, f"{slug}'s text")


@pytest.fixture(scope="module")
def in_flight(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The workspace: 57/2024 pending, `du-thao-a` and `du-thao-b` begun and written."""
    with module_git(tmp_path_factory):
        root = luat_57_2024_once(tmp_path_factory, "Bộ Tài chính")
        for slug in ("du-thao-a", "du-thao-b"):
            write_draft(Workspace(root), slug)
        yield root


@pytest.fixture
def ws(in_flight: Path, tmp_path: Path) -> Workspace:
    return luat_57_2024_copy(in_flight, tmp_path)


NOTE_A = ("Note: 1 other pending amendment changes provisions du-thao-a changes: luat-57-2024 (57/2024/QH15), "
          "2 provisions. `regdraft amend conflicts` lists them.")


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_a_draft_s_redline_names_the_other_pending_drafts_changing_its_provisions(ws: Workspace, tmp_path: Path,
                                                                                   fmt: str) -> None:
    out = tmp_path / f"a.{fmt}"
    # The PDF is not read (the note is said on stderr): its unchanged articles left out, it is 3 pages, not the whole
    # law's (8 s of CPU against 2 s: docs/performance.md, r44 suite44).
    shorter = ("--changed-only",) if fmt == "pdf" else ()
    done = run_cli(ws, "redline", "22/2023/QH15", "--amendment", "du-thao-a", *shorter, "-o", str(out))
    assert done.exit_code == 0, done.output
    assert NOTE_A in done.stderr.splitlines(), done.stderr  # one line, on stderr
    assert "amend conflicts" not in done.stdout
    if fmt == "html":  # a note to the drafter, not a line of the document
        assert "amend conflicts" not in out.read_text(encoding="utf-8")


def test_the_note_names_each_other_draft_with_its_count_of_provisions(ws: Workspace, tmp_path: Path) -> None:
    done = run_cli(ws, "redline", "luat-57-2024", "--format", "html", "-o", str(tmp_path / "57.html"))
    assert ("Note: 2 other pending amendments change provisions luat-57-2024 changes: du-thao-a, 2 provisions; "
            "du-thao-b, 1 provision. `regdraft amend conflicts` lists them.") in done.stderr.splitlines(), done.stderr


def test_amend_preview_and_amend_check_say_it_too(ws: Workspace, tmp_path: Path) -> None:
    checked = run_cli(ws, "amend", "check", "du-thao-a")
    assert checked.exit_code == 0, checked.output  # a note, not a problem
    assert NOTE_A in checked.stderr.splitlines(), checked.stderr
    previewed = run_cli(ws, "amend", "preview", "du-thao-a", "-o", str(tmp_path / "a.md"))
    assert NOTE_A in previewed.stderr.splitlines(), previewed.stderr
    as_json = run_cli(ws, "amend", "check", "du-thao-a", "--json")
    assert NOTE_A in as_json.stderr.splitlines() and "Note:" not in as_json.stdout


def test_a_draft_changing_no_provision_another_changes_says_nothing(ws: Workspace, tmp_path: Path) -> None:
    write_draft(ws, "du-thao-c")  # khoản 4 Điều 9, as du-thao-a: the two overlap, 57/2024 does not
    alone = run_cli(ws, "amend", "new", "du-thao-d", "--regulation", "22/2023/QH15")
    assert alone.exit_code == 0, alone.output
    for args in (("redline", "22/2023/QH15", "--amendment", "du-thao-d", "--format", "html", "-o",
                  str(tmp_path / "d.html")), ("amend", "check", "du-thao-d"), ("amend", "preview", "du-thao-d")):
        done = run_cli(ws, *args)
        assert "pending amendment" not in done.stderr and "amend conflicts" not in done.stderr, (args, done.stderr)
    said = run_cli(ws, "amend", "check", "du-thao-c").stderr
    assert ("Note: 1 other pending amendment changes provisions du-thao-c changes: du-thao-a, 1 provision. "
            "`regdraft amend conflicts` lists them.") in said.splitlines(), said


def _told(page: str) -> list[str]:
    return re.findall(r'<p class="told-apart">([^<]*)</p>', page)


@pytest.mark.parametrize("layout", ["inline", "table"])
def test_two_drafts_alike_name_their_folders_under_the_title(ws: Workspace, tmp_path: Path, layout: str) -> None:
    pages = {}
    for slug in ("du-thao-a", "du-thao-b", "luat-57-2024"):
        out = tmp_path / f"{slug}.html"
        done = run_cli(ws, "redline", "22/2023/QH15", "--amendment", slug, "--layout", layout, "-o", str(out))
        assert done.exit_code == 0, done.output
        pages[slug] = out.read_text(encoding="utf-8")
    assert _told(pages["du-thao-a"]) == ["(Thư mục du-thao-a: dự thảo lần 1, đang soạn thảo)"]
    assert _told(pages["du-thao-b"]) == ["(Thư mục du-thao-b: dự thảo lần 1, đang soạn thảo)"]
    assert "told-apart" not in pages["luat-57-2024"]  # its title and number are its own
    # Otherwise their headings are the same: the line is what tells them apart.
    heading = [re.search(r'<h1 class="doc-title">.*?</h1>', pages[s], re.S) for s in ("du-thao-a", "du-thao-b")]
    assert heading[0] and heading[1] and heading[0].group(0) == heading[1].group(0)


def test_the_pdf_says_it_under_the_title(ws: Workspace, tmp_path: Path) -> None:
    from tests.test_render_pdf import pdf_text

    done = run_cli(ws, "amend", "status", "du-thao-b", "circulating")
    assert done.exit_code == 0, done.output
    out = tmp_path / "b.pdf"
    # Its first page is what is read: the unchanged articles left out (the whole law printed cost 11 s of CPU).
    assert run_cli(ws, "redline", "du-thao-b", "--changed-only", "-o", str(out)).exit_code == 0
    said = pdf_text(out)
    assert "(Thư mục du-thao-b: dự thảo lần 1, đang lấy ý kiến)" in said, said[:800]
    assert said.index("du-thao-b") < said.index("so với văn bản hiện hành")  # under the title, above the cover line


def test_the_word_redline_says_it_under_the_title(ws: Workspace, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "a.docx"
    assert run_cli(ws, "redline", "du-thao-a", "-o", str(out)).exit_code == 0
    said = [p.text for p in Document(str(out)).paragraphs]
    assert "(Thư mục du-thao-a: dự thảo lần 1, đang soạn thảo)" in said, said[:12]


def test_the_review_server_s_page_names_the_folder_in_the_page_s_language(ws: Workspace) -> None:
    for language, folder in (("vi", "thư mục du-thao-a"), ("en", "folder du-thao-a")):
        redline, page = redline_page(ws, "du-thao-a", ui=Words.of(language))
        assert page.heading.endswith(f" · {folder}"), page.heading
        assert redline.alike
    redline, page = redline_page(ws, "luat-57-2024", ui=Words.of("en"))
    assert not redline.alike and "folder" not in page.heading


def test_an_english_document_says_it_in_english(ws: Workspace) -> None:
    draft = load(ws, "du-thao-a")
    assert told_apart(draft, True, default_profile().words("en")) == "(Folder du-thao-a: draft 1, being drafted)"
    assert told_apart(draft, False, default_profile().words("en")) == ""

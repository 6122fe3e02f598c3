"""Every problem at once from preview, adopt and redline, named after its instruction (issue 12 §4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace

from .conftest import SHARED, Invoke, needs_corpus
from .test_cli_amend import amendment_text, snapshot
from .test_cli_amend import ws as ws  # noqa: F401  (the fixture)

# A line that does not read (instruction 1), one that reads but cannot apply (instruction 2, no khoản 9),
# and one that applies: every command that applies it must name both problems, with their lines.
UNREADABLE = "1\\. Sửa đổi khoản 2 Điều 1 theo hướng khác."
MISSING = "2\\. Bãi bỏ khoản 9 Điều 1."
MIXED = amendment_text(f"{UNREADABLE}\n\n{MISSING}\n\n3\\. Bãi bỏ Điều 4.")


@pytest.fixture
def mixed(ws: Workspace) -> Workspace:  # noqa: F811
    ws.commit({"amendments/mixed/amendment.md": MIXED.encode(), "amendments/bad/amendment.md": None,
               "amendments/good/amendment.md": None}, "Add an amendment with two problems")
    return ws


def line_of(text: str) -> int:
    return MIXED.split("\n").index(text) + 1


@pytest.mark.parametrize(
    "command",
    [
        ("amend", "check", "mixed"),
        ("amend", "preview", "mixed"),
        # past the adoption gates (a draft, "kể từ ngày ký"), to reach the reading and applying problems
        ("amend", "adopt", "mixed", "--signed", "2025-10-20", "--effective", "2025-11-01", "--force", "--reason", "t"),
        ("redline", "02-QC/TU", "--amendment", "mixed", "-o", "out/r.html"),
    ],
)
def test_reading_and_applying_problems_are_reported_together(mixed: Workspace, invoke: Invoke,
                                                              command: tuple[str, ...]) -> None:
    before = snapshot(mixed)
    result = invoke(mixed, *command)
    assert result.exit_code == 1, result.output
    output = result.output
    unreadable, missing = line_of(UNREADABLE), line_of(MISSING)
    assert f"amendments/mixed/amendment.md:{unreadable}" in output
    assert f"amendments/mixed/amendment.md:{missing}" in output
    assert "khoản 9" in output
    assert "Traceback" not in output
    assert snapshot(mixed) == before


def test_an_amendment_without_instructions_is_a_problem(ws: Workspace, invoke: Invoke) -> None:  # noqa: F811
    ws.commit({"amendments/empty/amendment.md": amendment_text("").encode()}, "Add an empty amendment")
    for command in (("amend", "check", "empty"), ("amend", "preview", "empty"), ("check",)):
        result = invoke(ws, *command)
        assert result.exit_code == 1, (command, result.output)
        assert "has no instruction" in result.output


def test_a_problem_in_the_result_names_the_instruction_and_its_line(ws: Workspace, invoke: Invoke) -> None:  # noqa: F811
    body = "1\\. Bổ sung khoản 5 vào sau khoản 2 Điều 1 như sau:\n\n“5\\. Khoản mới.”"
    text = amendment_text(body)
    ws.commit({"amendments/late/amendment.md": text.encode()}, "Add an amendment")
    result = invoke(ws, "amend", "check", "late")
    assert result.exit_code == 1
    line = text.split("\n").index("1\\. Bổ sung khoản 5 vào sau khoản 2 Điều 1 như sau:") + 1
    assert f"amendments/late/amendment.md:{line}: instruction 1 (" in result.output


def test_a_quote_left_open_in_a_draft_fails_check_and_adopt(ws: Workspace, invoke: Invoke) -> None:  # noqa: F811
    # `amend check` printed a warning, guessed the quote ends before the next instruction, and passed.
    body = ("1\\. Sửa đổi, bổ sung khoản 2 Điều 1 như sau:\n\n“2\\. Ban Thường vụ Tỉnh ủy bảo đảm thực hiện.\n\n"
            "2\\. Bãi bỏ Điều 4.")
    text = amendment_text(body, status="submitted")
    ws.commit({"amendments/open/amendment.md": text.encode()}, "Add an amendment with a quote left open")
    line = text.split("\n").index("“2\\. Ban Thường vụ Tỉnh ủy bảo đảm thực hiện.") + 1
    said = (f"amendments/open/amendment.md:{line}: instruction 1 (Sửa đổi, bổ sung khoản 2 Điều 1 như sau:): the "
            f"quoted text opened on line {line} is not closed with ”")
    check = invoke(ws, "amend", "check", "open")
    assert check.exit_code == 1 and said in check.output and "warning" not in check.output
    before = snapshot(ws)
    adopted = invoke(ws, "amend", "adopt", "open", "--signed", "2025-10-20", "--effective", "2025-10-20")
    assert adopted.exit_code == 1 and said in adopted.output
    assert snapshot(ws) == before


def test_preview_lists_the_consequential_punctuation(ws: Workspace, invoke: Invoke) -> None:  # noqa: F811
    body = "1\\. Bổ sung điểm đ vào khoản 2 Điều 2 như sau:\n\n“đ) Việc thi đua, khen thưởng.”"
    ws.commit({"amendments/more/amendment.md": amendment_text(body).encode()}, "Add an amendment")
    result = invoke(ws, "amend", "preview", "more")
    assert result.exit_code == 0, result.output
    assert "d) Tổng kết, sơ kết;\n\nđ) Việc thi đua, khen thưởng.\n" in result.stdout
    note = next(line for line in result.stderr.splitlines() if "consequential" in line)
    assert note.startswith("note: amendments/more/amendment.md:") and "instruction 1 (" in note
    assert "điểm d khoản 2 Điều 2" in note and "'.' to ';'" in note


DECREE = SHARED / "corpus" / "amendments" / "nd-63-2010"


@pytest.fixture
def decree(invoke: Invoke, tmp_path: Path) -> Path:
    """Nghị định 63/2010 with Nghị định 48/2013 imported as the amendment `nd-48`, as a ministry office has them."""
    root = tmp_path / "ws"
    assert invoke(None, "init", str(root)).exit_code == 0
    assert invoke(root, "import", str(DECREE / "base-63-2010-ND-CP.txt")).exit_code == 0
    assert invoke(root, "amend", "import", str(DECREE / "amending-48-2013-ND-CP.txt"), "--slug", "nd-48").exit_code == 0
    return root


def _checked(invoke: Invoke, root: Path, old: str, new: str) -> list[str]:
    """The problems `amend check` finds once `old` in Nghị định 48/2013 is typed `new`, each as its line says it."""
    path = root / "amendments" / "nd-48" / "amendment.md"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    result = invoke(root, "amend", "check", "nd-48")
    path.write_text(text, encoding="utf-8")
    return [line for line in result.output.splitlines() if line.startswith("amendments/")]


INSTRUCTION = "3\\. Sửa đổi Khoản 2 Điều 10:"
QUOTE = "“Điều 10. Đánh giá tác động của thủ tục hành chính"


def _lines(root: Path) -> dict[str, int]:
    """The lines of instruction 3 (`i`) and of its quote's opening (`q`) in the imported amendment, as stored."""
    lines = (root / "amendments" / "nd-48" / "amendment.md").read_text(encoding="utf-8").split("\n")
    return {"i": lines.index(INSTRUCTION) + 1, "q": lines.index(QUOTE) + 1}


@needs_corpus
@pytest.mark.parametrize(("old", "new", "said"), [
    # The article number mistyped: it said the quote "must begin with '2.' … not 'Điều 10. Đánh giá …'".
    (INSTRUCTION, "3\\. Sửa đổi Khoản 2 Điều 100:",
     ":{i}: instruction 3 (Sửa đổi Khoản 2 Điều 100:): Điều 100 does not exist in Nghị định 63/2010/NĐ-CP (it has "
     "Điều 1–37)."),
    # The clause number mistyped: it said "must begin with '7.' … not '2\\. Việc …'", at the quote's line.
    (INSTRUCTION, "3\\. Sửa đổi Khoản 7 Điều 10:",
     ":{i}: instruction 3 (Sửa đổi Khoản 7 Điều 10:): the instruction names khoản 7 Điều 10 but the quoted text is "
     "khoản 2 (`2. Việc đánh giá tác động của thủ tục h…`)."),
    # An article that exists, but not the one the quote is under.
    (INSTRUCTION, "3\\. Sửa đổi Khoản 2 Điều 11:",
     ":{i}: instruction 3 (Sửa đổi Khoản 2 Điều 11:): the instruction names khoản 2 Điều 11 but the quoted text is "
     "khoản 2 Điều 10 (`Điều 10. Đánh giá tác động của thủ tục …`)."),
    # The opening “ left out: three problems, one calling the quoted clause "instruction 2".
    (QUOTE, QUOTE[1:],
     ":{q}: instruction 3 (Sửa đổi Khoản 2 Điều 10:): the opening “ is missing before 'Điều 10. Đánh giá tác động "
     "của thủ tục …'."),
])
def test_a_wrong_number_or_a_missing_mark_is_named_at_its_line(decree: Path, invoke: Invoke, old: str, new: str,
                                                               said: str) -> None:
    at = _lines(decree)
    assert _checked(invoke, decree, old, new) == [f"amendments/nd-48/amendment.md{said.format(**at)}"]


@needs_corpus
def test_a_clause_the_article_lacks_is_named_as_before(decree: Path, invoke: Invoke) -> None:
    # The instruction and its quote agree on khoản 7: the article has none.
    found = _checked(invoke, decree, f"{INSTRUCTION}\n\n{QUOTE}\n\n2\\. Việc",
                     f"3\\. Sửa đổi Khoản 7 Điều 10:\n\n{QUOTE}\n\n7\\. Việc")
    i = _lines(decree)["i"]
    assert len(found) == 1 and f":{i}: instruction 3 (Sửa đổi Khoản 7 Điều 10:): Điều 10 has no khoản 7" in found[0]

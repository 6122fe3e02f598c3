"""An invisible character in a regulation or amending document's Markdown, or in an edited copy: named with its
provision, and a phrase it hides said so (r35 sweep BI, finding 1).

U+200B was refused by name; Word's soft hyphen (U+00AD) passed: `amend from-edits` of a copy with one added inside
khoản 1 Điều 5 re-enacted the clause word for word (an instruction for a change no one can see), and `amend check`
said nothing. A line holding one is now a problem naming the file, line, provision and character, as U+200B is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from regdraft.core.errors import ParseError
from regdraft.core.markdown import parse
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import CORPUS, Invoke, needs_corpus

LAW = CORPUS / "luat-cong-doan.txt"
REGULATION = "regulations/12-2012-QH13.md"
SHY = "\u00ad"


def test_a_regulation_file_holding_a_soft_hyphen_is_a_problem_naming_its_provision() -> None:
    text = ("---\nid: X/1\ntype: Quy chế\ntitle: Quy chế làm việc\nlanguage: vi\nissuer: Tỉnh ủy\n"
            "signed: 2021-01-09\n---\n\n## Điều 1. Phạm vi\n\n1\\. Quy chế này quy định.\n\n"
            f"2\\. Văn phòng Chính{SHY}phủ trình.\n")
    with pytest.raises(ParseError) as caught:
        parse(text, "regulations/X-1.md")
    [problem] = caught.value.problems
    assert (problem.line, problem.unit) == (14, "khoản 2 Điều 1")
    assert "U+00AD (soft hyphen: Word's optional hyphen)" in problem.message


@pytest.fixture(scope="module")
def law_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Luật Công đoàn imported into a workspace of its own, with an amendment `sd` started (its tests are
    `needs_corpus`, which skips them before this fixture is made when the corpus is absent)."""
    from click.testing import CliRunner

    from regdraft.cli import cli

    root = tmp_path_factory.mktemp("cong-doan") / "ws"
    init_workspace(root)
    for args in (["import", str(LAW)], ["amend", "new", "sd", "-r", "12/2012/QH13"]):
        result = CliRunner().invoke(cli, [*args, "-C", str(root)])
        assert result.exit_code == 0, result.output
    return root


def _copy(built: Path, tmp_path: Path) -> Workspace:
    return Workspace(Path(shutil.copytree(built, tmp_path / "ws", symlinks=True)))


@needs_corpus
def test_from_edits_refuses_a_soft_hyphen_naming_its_provision(law_workspace: Path, tmp_path: Path,
                                                              invoke: Invoke) -> None:
    ws = _copy(law_workspace, tmp_path)
    text = (ws.root / REGULATION).read_text(encoding="utf-8")
    clause = "1\\. Người lao động là người Việt Nam làm việc trong cơ quan, tổ chức, doanh nghiệp"
    line = text[:text.index(clause)].count("\n") + 1
    edited = text.replace(clause, clause.replace("nghiệp", f"ngh{SHY}iệp"), 1)  # nothing seen changes
    edited = edited.replace("2\\. Trình tự, thủ tục thành lập", "2\\. Trình tự, thủ tục đăng ký thành lập", 1)
    (tmp_path / "edited.md").write_text(edited, encoding="utf-8")
    before = (ws.root / "amendments" / "sd" / "amendment.md").read_bytes()
    result = invoke(ws, "amend", "from-edits", "sd", "--edited", str(tmp_path / "edited.md"))
    assert result.exit_code == 1, result.output
    assert f"edited.md:{line}: khoản 1 Điều 5: This line holds the invisible character U+00AD (soft hyphen" \
        in " ".join(result.output.split())
    assert (ws.root / "amendments" / "sd" / "amendment.md").read_bytes() == before


def _with_instruction(ws: Workspace, instruction: str) -> None:
    path = ws.root / "amendments" / "sd" / "amendment.md"
    text = path.read_text(encoding="utf-8")
    heading = "## Điều 1. Sửa đổi, bổ sung một số điều của Luật Công đoàn số 12/2012/QH13\n"
    path.write_text(text.replace(heading, f"{heading}\n{instruction}\n"), encoding="utf-8")


@needs_corpus
def test_an_amending_document_s_line_names_its_instruction_or_article(law_workspace: Path, tmp_path: Path,
                                                                      invoke: Invoke) -> None:
    ws = _copy(law_workspace, tmp_path)
    _with_instruction(ws, f"1\\. Bỏ cụm từ “tổ chức, doanh ngh{SHY}iệp” tại khoản 1 Điều 5.")
    path = ws.root / "amendments" / "sd" / "amendment.md"
    text = path.read_text(encoding="utf-8").replace("có hiệu lực thi hành từ", f"có hiệu lực thi{SHY} hành từ")
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    assert sum(SHY in line for line in lines) == 2
    result = invoke(ws, "amend", "check", "sd")
    said = " ".join(result.output.split())
    assert result.exit_code == 1
    for n, line in enumerate(lines, start=1):
        if SHY in line:
            where = "instruction 1" if line.startswith("1\\.") else "Điều 2"
            assert f"amendments/sd/amendment.md:{n}: {where}: This line holds the invisible character U+00AD" in said


@needs_corpus
def test_amend_check_says_a_soft_hyphen_in_the_regulation_hides_the_phrase(law_workspace: Path, tmp_path: Path,
                                                                          invoke: Invoke) -> None:
    ws = _copy(law_workspace, tmp_path)
    _with_instruction(ws, "1\\. Bỏ cụm từ “tổ chức, doanh nghiệp” tại khoản 1 Điều 5.")
    assert invoke(ws, "amend", "check", "sd").exit_code == 0
    path = ws.root / REGULATION
    text = path.read_text(encoding="utf-8")
    clause = "1\\. Người lao động là người Việt Nam làm việc trong cơ quan, tổ chức, doanh nghiệp"
    line = text[:text.index(clause)].count("\n") + 1
    # A file an earlier import kept soft hyphens in, as the sweep's copy had them: between the two words.
    path.write_text(text.replace(clause, clause.replace("doanh nghiệp", f"doanh{SHY}nghiệp"), 1), encoding="utf-8")
    result = invoke(ws, "amend", "check", "sd")
    said = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "“tổ chức, doanh nghiệp” is found 0 times in khoản 1 Điều 5" in said
    hint = (f"The words are there, but khoản 1 Điều 5 holds the invisible character U+00AD (soft hyphen: Word's "
            f"optional hyphen) between them, at line {line} of {REGULATION} («")
    assert hint in said
    # The workspace's check names the line of the regulation (and checks no amendment of a text with a problem).
    assert f"{REGULATION}:{line}: khoản 1 Điều 5: This line holds the invisible" in " ".join(
        invoke(ws, "check").output.split())


@needs_corpus
def test_amend_check_says_a_soft_hyphen_in_the_quoted_phrase_hides_it(law_workspace: Path, tmp_path: Path,
                                                                     invoke: Invoke) -> None:
    ws = _copy(law_workspace, tmp_path)
    _with_instruction(ws, f"1\\. Bỏ cụm từ “tổ chức, doanh{SHY}nghiệp” tại khoản 1 Điều 5.")
    result = invoke(ws, "amend", "check", "sd")
    said = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "is found 0 times in khoản 1 Điều 5" in said
    hint = "The phrase as quoted holds the invisible character U+00AD (soft hyphen: Word's optional hyphen)"
    assert hint in said
    assert hint in " ".join(invoke(ws, "check").output.split())  # the workspace's check says it too
    assert ": instruction 1: This line holds the invisible character U+00AD" in said

"""An article's closing sentence that the text in force reads as part of its last clause, edited, on a real law.

Luật Công đoàn (../shared/corpus/vi/luat-cong-doan.txt) ends Điều 10 with "Chính phủ quy định chi tiết Điều này sau
khi thống nhất với Tổng Liên đoàn Lao động Việt Nam."; the import keeps it in khoản 10 (with a warning). Edited,
`amend from-edits` quotes it into `Sửa đổi, bổ sung khoản 10 Điều 10 như sau:`, wrong in law if the sentence is the
article's: `from-edits` and `amend check` write the instruction and warn there, naming the clause, the sentence and
the marker that makes it the article's closing text; done as it says, the warning goes.

The other way round (r25 sweep A defect 1): `Sửa đổi, bổ sung khoản 10 Điều 10 như sau: “10. …”.` without the sentence
replaced the clause and the sentence with it, silently. `amend check` and `amend preview` warn at the instruction,
naming the sentence and the two ways to keep it. (`regdraft import` now reads the sentence as the article's closing
text, `<!-- phần cuối Điều 10 -->`, so the fixture writes the file as an earlier import did.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from regdraft.cli import cli
from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, copied, module_workspace, needs_corpus

pytestmark = needs_corpus

LAW = "12/2012/QH13"
FILE = "regulations/12-2012-QH13.md"
CLAUSE_10 = "10\\. Tổ chức và lãnh đạo đình công theo quy định của pháp luật."
SENTENCE = "Chính phủ quy định chi tiết Điều này sau khi thống nhất với Tổng Liên đoàn Lao động Việt Nam."
EDITED = SENTENCE.replace("Việt Nam.", "Việt Nam và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam.")
KEPT = f"{CLAUSE_10}\n\n<!-- tiếp -->\n\n{SENTENCE}\n\n### Điều 11."
Run = Callable[..., str]


@pytest.fixture(scope="module")
def law(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Run]]:
    """A workspace holding Luật Công đoàn, and a runner of the CLI in it."""
    with module_workspace(tmp_path_factory, "closing") as ws:
        runner = CliRunner()

        def run(*args: str) -> str:
            result = runner.invoke(cli, [*args, "-C", str(ws.root)], catch_exceptions=False)
            assert result.exit_code == 0, result.output  # a warning, never a refusal
            return result.stdout if "--json" in args else result.output  # JSON on stdout, notes on stderr

        written = tmp_path_factory.mktemp("imported") / "cd.md"
        run("import", str(CORPUS / "luat-cong-doan.txt"), "-o", str(written))
        # As `regdraft import` wrote it before it read the sentence as the article's closing text: kept in the last
        # clause, `<!-- tiếp -->` before it. A workspace keeps such a file, committed so.
        imported = written.read_text(encoding="utf-8")
        assert imported.count("<!-- phần cuối Điều 1") == 2
        old = re.sub(r"<!-- phần cuối Điều 1[01] -->", "<!-- tiếp -->", imported)
        ws.commit({FILE: old.encode("utf-8")}, "Import 12/2012/QH13 from luat-cong-doan.txt")
        yield ws, run


def _edited(ws: Workspace, tmp_path: Path, old: str, new: str, name: str = "edited.md") -> Path:
    text = ws.read(FILE).decode("utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_from_edits_and_check_warn_where_the_articles_closing_sentence_is_quoted_into_its_last_clause(
        law: tuple[Workspace, Run], tmp_path: Path) -> None:
    ws, run = law
    edited = _edited(ws, tmp_path, SENTENCE, EDITED)
    said = _one_line(run("amend", "from-edits", "cd", "-r", LAW, "--edited", str(edited)))
    # The instruction is written as before: the warning does not refuse it.
    assert f"Sửa đổi, bổ sung khoản 10 Điều 10 như sau: “{CLAUSE_10} {EDITED}”." in _one_line(
        ws.read("amendments/cd/amendment.md").decode("utf-8"))
    warning = (f"instruction 1 (Sửa đổi, bổ sung khoản 10 Điều 10 như sau:) quotes «{EDITED}» as a paragraph of "
               "khoản 10 Điều 10, but it reads like the closing text of Điều 10. If it closes Điều 10, put the line "
               f"'<!-- phần cuối Điều 10 -->' before it in place of '<!-- tiếp -->', both in {FILE} (then commit "
               "it) and in the edited text, then write the instructions again (`regdraft amend from-edits cd "
               "--edited FILE`); if "
               "it belongs to khoản 10 Điều 10, leave it as it is.")
    assert "warning: amendments/cd/amendment.md:" in said and warning in said
    checked = _one_line(run("amend", "check", "cd"))
    assert warning in checked and "cd: no problems found (1 warning)." in checked
    found = json.loads(run("amend", "check", "cd", "--json"))
    assert found["problems"] == [] and [w["message"] for w in found["warnings"]] == [warning]


def test_marked_as_the_warning_says_the_sentence_is_amended_as_the_articles_and_nothing_is_warned(
        law: tuple[Workspace, Run], tmp_path: Path) -> None:
    # Marked in the regulation and committed, as the warning says (from-edits refuses an uncommitted edit of it), in
    # a copy of the workspace: the module's keeps its history.
    ws = copied(law[0].root, tmp_path / "copy")

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, [*args, "-C", str(ws.root)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    marked = KEPT.replace("<!-- tiếp -->", "<!-- phần cuối Điều 10 -->")
    ws.commit({FILE: ws.read(FILE).decode("utf-8").replace(KEPT, marked, 1).encode("utf-8")}, "Mark the closing text")
    edited = _edited(ws, tmp_path, SENTENCE, EDITED)
    said = run("amend", "from-edits", "cd2", "--new", "-r", LAW, "--edited", str(edited))
    assert "warning" not in said
    text = ws.read("amendments/cd2/amendment.md").decode("utf-8")
    assert "khoản 10 Điều 10" not in text and "tại Điều 10." in text  # the article's words, not the clause's
    assert "warning" not in run("amend", "check", "cd2")


def test_an_edit_of_another_clause_is_not_warned_about(law: tuple[Workspace, Run], tmp_path: Path) -> None:
    ws, run = law
    nine = "9\\. Đại diện cho tập thể người lao động tham gia tố tụng"
    edited = _edited(ws, tmp_path, nine, nine.replace("tham gia", "tham gia đầy đủ"))
    said = run("amend", "from-edits", "cd3", "--new", "-r", LAW, "--edited", str(edited))
    assert "khoản 9 Điều 10" in ws.read("amendments/cd3/amendment.md").decode("utf-8")
    assert "warning" not in said and "warning" not in run("amend", "check", "cd3")


def test_an_article_re_enacted_whole_with_the_sentence_in_its_last_clause_is_warned_about(
        law: tuple[Workspace, Run]) -> None:
    ws, run = law
    run("amend", "new", "cd4", "-r", LAW)
    text = ws.read(FILE).decode("utf-8")
    article = text[text.index("### Điều 10.") + len("### "):text.index("\n\n### Điều 11.")]
    relative = "amendments/cd4/amendment.md"
    document = ws.read(relative).decode("utf-8")
    head, _, rest = document.partition("\n## Điều 2.")
    head = head[:head.index("\n", head.index("## Điều 1.")) + 1]
    # As a drafter writes it by hand: no marker in the quote (one there fails to read back, a separate matter).
    quoted = article.replace("Tổ chức và lãnh đạo đình công", "Tổ chức, lãnh đạo đình công").replace(
        "<!-- tiếp -->\n\n", "")
    ws.commit({relative: f"{head}\n1\\. Sửa đổi, bổ sung Điều 10 như sau:\n\n“{quoted}”.\n\n## Điều 2.{rest}".encode()},
              "Draft cd4")
    said = _one_line(run("amend", "check", "cd4"))
    assert (f"instruction 1 (Sửa đổi, bổ sung Điều 10 như sau:) quotes «{SENTENCE}» as a paragraph of khoản 10 "
            "Điều 10, but it reads like the closing text of Điều 10.") in said


def test_marking_the_sentence_as_the_articles_closing_text_in_the_edited_text_alone_is_a_change(
        law: tuple[Workspace, Run], tmp_path: Path) -> None:
    # Run again after the drafter marks the edited sentence as the article's closing text (same words): the
    # instruction that quoted it in khoản 10 made a different Điều 10, so it is not "no change".
    ws, run = law
    edited = _edited(ws, tmp_path, SENTENCE, EDITED)
    run("amend", "from-edits", "cd5", "--new", "-r", LAW, "--edited", str(edited))
    assert "khoản 10 Điều 10 như sau" in ws.read("amendments/cd5/amendment.md").decode("utf-8")
    kept = KEPT.replace(SENTENCE, EDITED)
    marked = tmp_path / "marked.md"
    marked.write_text(edited.read_text(encoding="utf-8").replace(
        kept, kept.replace("<!-- tiếp -->", "<!-- phần cuối Điều 10 -->"), 1), encoding="utf-8")
    said = run("amend", "from-edits", "cd5", "--edited", str(marked))
    assert "no change" not in said and "is unchanged" not in said
    text = ws.read("amendments/cd5/amendment.md").decode("utf-8")
    assert "Sửa đổi, bổ sung Điều 10 như sau:" in text and "khoản 10 Điều 10" not in text
    assert f"{CLAUSE_10}\n\n<!-- phần cuối Điều 10 -->\n\n{EDITED}”." in text
    # The mark alone, the words as in force: the instruction is written, and a note says it changes no word.
    only = _edited(ws, tmp_path, KEPT, KEPT.replace("<!-- tiếp -->", "<!-- phần cuối Điều 10 -->"), "only.md")
    said = _one_line(run("amend", "from-edits", "cd5", "--edited", str(only)))
    assert "no change" not in said
    assert (f"note: Điều 10 keeps its words in {only}, which only marks where its closing text starts (đoạn cuối): a "
            "change of structure, not of words, so the instructions quote it as the edited text arranges it.") in said
    assert f"<!-- phần cuối Điều 10 -->\n\n{SENTENCE}”." in ws.read("amendments/cd5/amendment.md").decode("utf-8")


NEW_10 = "10\\. Tổ chức và lãnh đạo đình công theo quy định của Bộ luật Lao động."
DROPPED = ("instruction 1 (Sửa đổi, bổ sung khoản 10 Điều 10 như sau:) replaces khoản 10 Điều 10 with a text that "
           f"leaves out its paragraph «{SENTENCE}»: {FILE} keeps that paragraph in khoản 10 Điều 10 ('<!-- tiếp -->' "
           "before it), though it reads like the closing text of Điều 10, so as written it is deleted with khoản 10 "
           "Điều 10. If it closes Điều 10, put the line '<!-- phần cuối Điều 10 -->' before it in place of "
           f"'<!-- tiếp -->' in {FILE}, and the instruction leaves it standing; if it belongs to khoản 10 Điều 10, "
           "quote it at the end of the new text to keep it, or leave it out.")


def _written(ws: Workspace, run: Run, slug: str, instructions: str) -> int:
    """Amendment `slug` of the law holding `instructions` in its Điều 1, committed; the line of the first."""
    run("amend", "new", slug, "-r", LAW)
    relative = f"amendments/{slug}/amendment.md"
    text = ws.read(relative).decode("utf-8").replace("\n## Điều 2.", f"\n{instructions}\n\n## Điều 2.", 1)
    ws.commit({relative: text.encode("utf-8")}, f"Draft {slug}")
    return text.split("\n").index(instructions.split("\n")[0]) + 1


def test_a_clause_replaced_without_the_closing_like_sentence_it_holds_is_warned_about_by_check_and_preview(
        law: tuple[Workspace, Run]) -> None:
    ws, run = law
    line = _written(ws, run, "drop", f"1\\. Sửa đổi, bổ sung khoản 10 Điều 10 như sau:\n\n“{NEW_10}”.")
    checked = _one_line(run("amend", "check", "drop"))
    assert f"warning: amendments/drop/amendment.md:{line}: {DROPPED}" in checked, checked
    assert "drop: no problems found (1 warning)." in checked  # a warning, never a refusal
    found = json.loads(run("amend", "check", "drop", "--json"))
    assert [(w["line"], w["message"]) for w in found["warnings"]] == [(line, DROPPED)]
    previewed = _one_line(run("amend", "preview", "drop"))
    assert f"note: amendments/drop/amendment.md:{line}: {DROPPED}" in previewed
    # Applied as written: the sentence goes with the clause (the warning says so).
    assert SENTENCE not in previewed[previewed.index("Điều 10."):previewed.index("Điều 11.")]


def test_a_last_clause_repealed_with_the_closing_like_sentence_it_holds_is_warned_about(
        law: tuple[Workspace, Run]) -> None:
    ws, run = law
    line = _written(ws, run, "repeal", "1\\. Bãi bỏ khoản 6 Điều 11.")
    checked = _one_line(run("amend", "check", "repeal"))
    assert (f"warning: amendments/repeal/amendment.md:{line}: instruction 1 (Bãi bỏ khoản 6 Điều 11.) repeals "
            f"khoản 6 Điều 11 and with it its paragraph «{SENTENCE}»: {FILE} keeps that paragraph in khoản 6 Điều "
            "11") in checked
    assert "'<!-- phần cuối Điều 11 -->' before it in place of '<!-- tiếp -->'" in checked
    assert "quote it" not in checked


def test_no_warning_where_the_sentence_is_quoted_or_another_clause_is_replaced(law: tuple[Workspace, Run]) -> None:
    ws, run = law
    _written(ws, run, "quoted", f"1\\. Sửa đổi, bổ sung khoản 10 Điều 10 như sau:\n\n“{NEW_10}\n\n{SENTENCE}”.")
    checked = _one_line(run("amend", "check", "quoted"))
    assert "leaves out" not in checked and "quotes «" in checked  # the other warning: quoted into the clause
    _written(ws, run, "nine", "1\\. Sửa đổi, bổ sung khoản 9 Điều 10 như sau:\n\n“9\\. Đại diện cho tập thể.”.")
    assert "warning" not in run("amend", "check", "nine") and "note:" not in run("amend", "preview", "nine")


def test_marked_as_the_warning_says_the_clause_is_replaced_and_the_sentence_stays(
        law: tuple[Workspace, Run]) -> None:
    ws, run = law
    _written(ws, run, "kept", f"1\\. Sửa đổi, bổ sung khoản 10 Điều 10 như sau:\n\n“{NEW_10}”.")
    before = ws.read(FILE)
    try:
        (ws.root / FILE).write_text(before.decode("utf-8").replace(KEPT, KEPT.replace(
            "<!-- tiếp -->", "<!-- phần cuối Điều 10 -->"), 1), encoding="utf-8")
        assert "warning" not in run("amend", "check", "kept")
        previewed = run("amend", "preview", "kept")
        assert "note:" not in previewed
        assert f"{NEW_10}\n\n<!-- phần cuối Điều 10 -->\n\n{SENTENCE}\n\n### Điều 11." in previewed
    finally:
        (ws.root / FILE).write_bytes(before)


def test_a_clause_inserted_after_a_last_clause_holding_the_closing_like_sentence_is_warned_about(
        law: tuple[Workspace, Run]) -> None:
    # In a text stored by an earlier import (the sentence in khoản 6 Điều 11, `<!-- tiếp -->`), `Bổ sung khoản 7 vào
    # sau khoản 6 Điều 11` put the new clause after the sentence, silently (sweep r25 J).
    ws, run = law
    line = _written(ws, run, "after", "1\\. Bổ sung khoản 7 vào sau khoản 6 Điều 11 như sau:\n\n"
                                      "“7\\. Tham gia xây dựng chính sách về lao động.”.")
    checked = _one_line(run("amend", "check", "after"))
    assert (f"warning: amendments/after/amendment.md:{line}: instruction 1 (Bổ sung khoản 7 vào sau khoản 6 Điều 11 "
            f"như sau:) inserts khoản 7 Điều 11 after khoản 6 Điều 11, whose paragraph «{SENTENCE}» {FILE} keeps in "
            "khoản 6 Điều 11 ('<!-- tiếp -->' before it), though it reads like the closing text of Điều 11: as "
            "written it stays in khoản 6 Điều 11, before the new provision.") in checked, checked
    assert "after: no problems found (1 warning)." in checked
    assert "note:" in run("amend", "preview", "after")
    _written(ws, run, "inner", "1\\. Bổ sung khoản 9a vào sau khoản 9 Điều 10 như sau:\n\n“9a\\. Đại diện.”.")
    assert "warning" not in run("amend", "check", "inner")

"""`amend from-edits` on a ministry drafter's edits of Luật Công đoàn, Luật Giáo dục and Luật Thanh niên (sweep r24):
units inserted one after another are one instruction, one edit is one phrase instruction that cuts no word, the
tone-only note names the clause and the words retyped, and no placeholder is ever quoted as enacted text."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.amend import ReplaceWords, load_amendment, render_amendment
from regdraft.core.amend.apply import apply
from regdraft.core.amend.edits import document, instructions_from_edits
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address
from regdraft.importer import import_file
from regdraft.workspace.store import Workspace

from .conftest import CORPUS, Invoke, needs_corpus
from .test_amend_edits import body, generated, reproduces


def law(name: str) -> str:
    return render(import_file(CORPUS / name).regulation)


def edit(text: str, *changes: tuple[str, str]) -> str:
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def applied(old_text: str, new_text: str) -> str:
    """The text in force with the generated instructions (written out and read back) applied."""
    old = parse(old_text, "old.md")
    made = generated(old, parse(new_text, "edited.md"))  # what `body` and `reproduces` ask of the same texts
    amendment = load_amendment(render_amendment(document(old, made.instructions)), "generated.md", "generated")
    return render(apply(old, amendment).regulation)


# Luật Công đoàn: Điều 7a and 7b after Điều 7; điểm n and o after the last point m of khoản 2 Điều 27.
ARTICLES = ("## Điều 8.", "## Điều 7a. Một\n\nNội dung một.\n\n## Điều 7b. Hai\n\nNội dung hai.\n\n## Điều 8.")
POINT_M = "m) Các nhiệm vụ chi khác."
POINTS = ("m) Các nhiệm vụ chi khác;\n\nn) Hỗ trợ xây dựng nhà ở xã hội cho người lao động;\n\n"
          "o) Hỗ trợ người lao động bị mất việc làm.")


@needs_corpus
def test_units_inserted_one_after_another_are_one_instruction_as_luat_57_2024_writes_them() -> None:
    # Written `Bổ sung Điều 7b vào sau Điều 7a` (a unit not in the law in force), and điểm m re-enacted for the ';'
    # that appending after it makes by itself.
    old = law("luat-cong-doan.txt")
    new = edit(old, ARTICLES, (POINT_M, POINTS))
    assert body(old, new) == (
        "1\\. Bổ sung Điều 7a và Điều 7b vào sau Điều 7 như sau:\n\n“Điều 7a. Một\n\nNội dung một.\n\n"
        "Điều 7b. Hai\n\nNội dung hai.”.\n\n"
        "2\\. Bổ sung điểm n và điểm o vào sau điểm m khoản 2 Điều 27 như sau:\n\n"
        "“n) Hỗ trợ xây dựng nhà ở xã hội cho người lao động;\n\no) Hỗ trợ người lao động bị mất việc làm.”.")
    assert applied(old, new) == render(parse(new, "edited.md"))  # m ends with ';' without an instruction
    reproduces(parse(old, "old.md"), parse(new, "edited.md"))
    # Three points, and the same inside a group of the clause: the run is named once, the other change beside it.
    three = edit(old, (POINT_M, POINTS[:-1] + ";\n\np) Hỗ trợ khác."),
                 ("l) Chi cho hoạt động của bộ máy công đoàn các cấp;",
                  "l) Chi cho hoạt động của bộ máy công đoàn các cấp và của tổ chức công đoàn;"))
    written = body(old, three)
    assert "b) Bổ sung các điểm n, o và p vào sau điểm m như sau:" in written, written
    assert "vào sau điểm n" not in written and "điểm m như sau:\n\n“m)" not in written
    assert applied(old, three) == render(parse(three, "edited.md"))
    reproduces(parse(old, "old.md"), parse(three, "edited.md"))


@needs_corpus
def test_words_added_in_a_title_and_its_clauses_are_one_phrase_instruction_that_cuts_no_word() -> None:
    # `, trường hữu nghị` after `trường dự bị đại học` in the title and the three clauses of Điều 61 of Luật Giáo
    # dục was two instructions, one on “học”, which cuts `đại học`.
    old = law("luat-giao-duc.txt")
    new = old
    for before, after in (("bán trú, trường dự bị đại học\n", "bán trú, trường dự bị đại học, trường hữu nghị\n"),
                          ("trường dự bị đại học cho người học", "trường dự bị đại học, trường hữu nghị cho người học"),
                          ("trường dự bị đại học được ưu tiên", "trường dự bị đại học, trường hữu nghị được ưu tiên"),
                          ("trường dự bị đại học.\n", "trường dự bị đại học, trường hữu nghị.\n")):
        new = edit(new, (before, after))
    written = body(old, new)
    assert written.startswith("1\\. Bổ sung cụm từ “, trường hữu nghị” vào sau cụm từ “đại học” tại tên Điều 61")
    assert "2\\." not in written and "“học”" not in written
    made = generated(parse(old, "old.md"), parse(new, "edited.md")).instructions
    op = made[0].op
    assert isinstance(op, ReplaceWords)
    assert [str(a) for a in op.targets] == ["d61.k1", "d61.k2", "d61.k3"] and op.titles == (Address.parse("d61"),)
    assert applied(old, new) == render(parse(new, "edited.md"))
    reproduces(parse(old, "old.md"), parse(new, "edited.md"))


@needs_corpus
def test_the_tone_only_note_names_the_clause_and_the_words_retyped() -> None:
    # `Toà án` retyped `Tòa án` in khoản 3 Điều 30 of Luật Công đoàn: the note named Chương V, with `hoà` for `hòa`.
    old = law("luat-cong-doan.txt")
    new = edit(old, ("khởi kiện tại Toà án theo", "khởi kiện tại Tòa án theo"))
    generated = instructions_from_edits(parse(old, "old.md"), parse(new, "edited.md"))
    assert generated.instructions == ()
    assert generated.notes == ("The edited text changes only where tone marks sit in khoản 3 Điều 30 (`Toà` retyped "
                               "`Tòa`); an amending document does not amend spelling, so the text in force keeps its "
                               "own.",)


# Luật Thanh niên's Điều 10 (a Quy chế copied from it had the same): khoản 2 and 3 edited, khoản 4 repealed.
K4 = "4\\. Chính phủ quy định chi tiết Điều này.\n\n## Điều 11."
DIALOGUE = (("chậm nhất là 30 ngày trước ngày tổ chức đối thoại", "chậm nhất là 25 ngày trước ngày tổ chức đối thoại"),
            ("thì thời hạn này là 15 ngày.", "thì thời hạn này là 12 ngày."))


@needs_corpus
@pytest.mark.parametrize(("repealed", "said"), [("4\\. (được bãi bỏ)\n\n## Điều 11.", "repeals"),
                                                ("## Điều 11.", "no longer has")])
def test_a_clause_repealed_at_the_end_of_an_article_amended_whole_is_never_quoted_as_a_placeholder(
        repealed: str, said: str) -> None:
    # The placeholder `4. (được bãi bỏ)` was quoted as enacted text of the new Điều 10; no amending law enacts one.
    old = law("luat-thanh-nien.txt")
    new = edit(old, *DIALOGUE, (K4, repealed))
    written = body(old, new)
    assert written.startswith("1\\. Sửa đổi, bổ sung Điều 10 như sau:\n\n“Điều 10. Đối thoại với thanh niên")
    assert written.endswith("thì thời hạn này là 12 ngày.”."), written[-200:]
    assert "được bãi bỏ" not in written
    made = generated(parse(old, "old.md"), parse(new, "edited.md"))
    assert made.notes == (f"Điều 10 is amended as a whole, and its new text leaves out what edited.md {said}: "
                          "khoản 4 Điều 10.",)
    reproduces(parse(old, "old.md"), parse(new, "edited.md"))


def _thanh_nien(invoke: Invoke, tmp_path: Path) -> tuple[Path, Workspace, Path]:
    """A workspace holding Luật Thanh niên as imported: its folder, the workspace and the regulation's file."""
    root = tmp_path / "ws"
    for args in (("init", str(root)), ("import", str(CORPUS / "luat-thanh-nien.txt"))):
        assert invoke(root if args[0] != "init" else None, *args).exit_code == 0
    return root, Workspace(root), next(p for p in (root / "regulations").iterdir() if p.suffix == ".md")


@needs_corpus
def test_a_document_quoting_a_placeholder_is_rewritten_when_the_clause_is_deleted(invoke: Invoke,
                                                                                  tmp_path: Path) -> None:
    # The document quoted `4\. (được bãi bỏ)”.` at the end of the new Điều 10; deleting khoản 4 from its preview said
    # "khoản 4 was left out", then "Instructions: no change", the placeholder still quoted.
    root, ws, reg = _thanh_nien(invoke, tmp_path)
    old = reg.read_text(encoding="utf-8")
    edited = tmp_path / "edited.md"
    edited.write_text(edit(old, *DIALOGUE, (K4, "## Điều 11.")), encoding="utf-8")
    result = invoke(root, "amend", "from-edits", "tn", "--new", "-r", reg.name, "--edited", str(edited))
    assert result.exit_code == 0, result.output
    path = root / "amendments" / "tn" / "amendment.md"
    generated = path.read_text(encoding="utf-8")
    assert "được bãi bỏ" not in generated
    end = "thì thời hạn này là 12 ngày."
    placeholder = generated.replace(end + "”.", end + "\n\n4\\. (được bãi bỏ)”.")
    ws.commit({"amendments/tn/amendment.md": placeholder.encode("utf-8")}, "The placeholder quoted")
    result = invoke(root, "amend", "from-edits", "tn", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    assert "no change" not in result.output
    assert path.read_text(encoding="utf-8") == generated


@needs_corpus
def test_a_clause_repealed_already_at_the_end_of_an_article_amended_whole_is_never_quoted(invoke: Invoke,
                                                                                       tmp_path: Path) -> None:
    # khoản 4 Điều 10 repealed by one adopted amendment; a second from-edits rewriting Điều 10 quoted its placeholder
    # `4\. (được bãi bỏ)”.` at the end of the new text, kept or deleted by the drafter (r24 left 3).
    root, ws, reg = _thanh_nien(invoke, tmp_path)
    edited = tmp_path / "edited.md"
    edited.write_text(edit(reg.read_text(encoding="utf-8"), (K4, "4\\. (được bãi bỏ)\n\n## Điều 11.")),
                      encoding="utf-8")
    result = invoke(root, "amend", "from-edits", "bb", "--new", "-r", reg.name, "--edited", str(edited))
    assert result.exit_code == 0, result.output
    assert "Bãi bỏ khoản 4 Điều 10." in (root / "amendments" / "bb" / "amendment.md").read_text(encoding="utf-8")
    assert invoke(root, "amend", "number", "bb", "01/2025/QH15").exit_code == 0
    adopted = invoke(root, "amend", "adopt", "bb", "--signed", "2025-03-28", "--effective", "2025-04-01", "--force",
                     "--reason", "t")
    assert adopted.exit_code == 0, adopted.output
    in_force = reg.read_text(encoding="utf-8")
    assert "4\\. (được bãi bỏ)" in in_force
    for k4 in ("4\\. (được bãi bỏ)\n\n## Điều 11.", "## Điều 11."):  # the placeholder kept, and deleted
        new = edit(in_force, *DIALOGUE, ("4\\. (được bãi bỏ)\n\n## Điều 11.", k4))
        written = body(in_force, new)
        assert written.startswith("1\\. Sửa đổi, bổ sung Điều 10 như sau:\n\n“Điều 10. Đối thoại với thanh niên")
        assert written.endswith("thì thời hạn này là 12 ngày.”."), written[-200:]
        assert "được bãi bỏ" not in written
        made = generated(parse(in_force, "old.md"), parse(new, "edited.md"))
        assert made.notes == ("Điều 10 is amended as a whole, and its new text leaves out khoản 4 Điều 10, "
                              "repealed already in the text in force (no amending document quotes a placeholder).",)
        reproduces(parse(in_force, "old.md"), parse(new, "edited.md"))
    edited.write_text(new, encoding="utf-8")
    result = invoke(root, "amend", "from-edits", "tn", "--new", "-r", reg.name, "--edited", str(edited))
    assert result.exit_code == 0, result.output
    path = root / "amendments" / "tn" / "amendment.md"
    generated_text = path.read_text(encoding="utf-8")
    assert "được bãi bỏ" not in generated_text
    # A document already quoting the placeholder is rewritten, not kept as it stands.
    end = "thì thời hạn này là 12 ngày."
    ws.commit({"amendments/tn/amendment.md": generated_text.replace(end + "”.", end + "\n\n4\\. (được bãi bỏ)”.")
               .encode("utf-8")}, "The placeholder quoted")
    result = invoke(root, "amend", "from-edits", "tn", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == generated_text

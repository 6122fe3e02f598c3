"""`regdraft export` and `regdraft amend export` from the command line."""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.core.markdown import parse
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT, SHIPPED_AMENDMENT, Invoke


def _adopt_shipped(ws: Workspace, invoke: Invoke, reason: str) -> None:
    """The shipped draft is circulating and its Điều 3 says "kể từ ngày ký": a test of legal time adopts it past
    those gates (signed 2025-03-15, in force 2025-04-01), with the reason recorded."""
    adopted = invoke(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective", "2025-04-01",
                     "--force", "--reason", reason)
    assert adopted.exit_code == 0, adopted.output


def test_export_markdown_as_of_a_date_after_adoption_via_the_cli(tmp_workspace: Workspace, invoke: Invoke,
                                                                 tmp_path: Path) -> None:
    _adopt_shipped(tmp_workspace, invoke, "test: effective after signing")
    out = tmp_path / "hop-nhat.md"
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2025-04-01", "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    assert re.search(r"the text in force on 2025-04-01 \(05-QC/TU; \d+ footnotes\)", result.output)
    reg = parse(out.read_bytes())
    assert "Làm việc trên môi trường điện tử" in (reg.find("d20a").unit.title or "")
    before = invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2025-03-31", "--format", "md",
                    "-o", str(tmp_path / "before.md"))
    assert "(no amendments; 0 footnotes)" in before.output
    assert "Điều 20a" not in (tmp_path / "before.md").read_text(encoding="utf-8")


def test_the_guide_example_prints_what_the_guide_shows(tmp_workspace: Workspace, invoke: Invoke,
                                                      tmp_path: Path) -> None:
    """docs/export.md's opening example, run as written: the count it shows, and the opening's effective date
    (the amendment's Điều 3 says "kể từ ngày ký": in force from the signing date, 15 March 2025)."""
    guide = " ".join((REPO_ROOT / "docs" / "export.md").read_text(encoding="utf-8").split())
    assert invoke(tmp_workspace, "amend", "status", SHIPPED_AMENDMENT, "submitted").exit_code == 0
    adopted = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15")
    assert adopted.exit_code == 0, adopted.output
    out = tmp_path / "hop-nhat.md"
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2025-06-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    shown = re.search(r"Wrote hop-nhat\.pdf \(pdf\): (the text in force on 2025-06-01 \([^)]*\)\.)", guide)
    assert shown is not None and shown.group(1) in result.output
    opening = re.search(r"1\. (Quy chế số 05-QC/TU .*?)\*", guide)
    assert opening is not None
    text = " ".join(out.read_text(encoding="utf-8").split())
    for piece in opening.group(1).split(" ..., "):
        assert piece.strip(", ") in text, piece


def test_export_format_option_wins_over_the_suffix(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "hop-nhat.out"
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "html", "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_export_docx(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "hop-nhat.docx"
    result = invoke(tmp_workspace, "export", "01-QC/TU", "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    assert "VĂN BẢN HỢP NHẤT (bản để tham khảo)" in [p.text for p in docx.Document(str(out)).paragraphs]


def test_a_date_before_the_regulation_is_a_clean_error(tmp_workspace: Workspace, invoke: Invoke,
                                                       tmp_path: Path) -> None:
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2020-01-01", "-o", str(tmp_path / "x.md"))
    assert result.exit_code == 1
    assert "01-QC/TU took effect on 2021-01-09" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.md").exists()


def test_bad_date_and_unknown_format_are_usage_errors(tmp_workspace: Workspace, invoke: Invoke,
                                                      tmp_path: Path) -> None:
    bad_date = invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "31/02/2025", "-o", str(tmp_path / "x.md"))
    assert bad_date.exit_code == 2 and "Invalid value for '--as-of': '31/02/2025' is not a date" in bad_date.output
    assert "15/01/2025, 15-01-2025, 15.01.2025, ngày 15 tháng 01 năm 2025" in bad_date.output
    vietnamese = invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "1/4/2025", "-o", str(tmp_path / "d.md"))
    assert vietnamese.exit_code == 0 and "in force on 2025-04-01" in vietnamese.output
    bad_suffix = invoke(tmp_workspace, "export", "01-QC/TU", "-o", str(tmp_path / "x.txt"))
    assert bad_suffix.exit_code == 2 and "pdf|docx|html|md" in bad_suffix.output
    unknown = invoke(tmp_workspace, "export", "99-QC/TU", "-o", str(tmp_path / "x.md"))
    assert unknown.exit_code == 2 and "Traceback" not in unknown.output


def test_amend_export_renders_the_draft(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "du-thao.html"
    result = invoke(tmp_workspace, "amend", "export", SHIPPED_AMENDMENT, "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "DỰ THẢO lần 2" in page and "BÍ THƯ" in page and "Lưu Văn phòng Tỉnh ủy." in page
    docx_out = tmp_path / "du-thao.bin"
    result = invoke(tmp_workspace, "amend", "export", SHIPPED_AMENDMENT, "--format", "docx", "-o", str(docx_out))
    assert result.exit_code == 0 and docx_out.read_bytes()[:2] == b"PK"


def test_amend_export_of_an_unknown_slug(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(tmp_workspace, "amend", "export", "no-such", "-o", str(tmp_path / "a.html"))
    assert result.exit_code == 2 and "no-such" in result.output and "Traceback" not in result.output


def test_help_texts_carry_examples(invoke: Invoke) -> None:
    for args in (("export", "--help"), ("amend", "export", "--help")):
        result = invoke(None, *args)
        assert result.exit_code == 0 and "Example:" in result.output


def test_a_format_that_contradicts_the_file_ending_is_refused(tmp_workspace: Workspace, invoke: Invoke) -> None:
    out = tmp_workspace.root / "out" / "x.docx"
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "pdf", "-o", str(out))
    assert result.exit_code == 2
    assert "--format pdf does not match the output file" in result.output
    assert not out.exists()


def test_an_unnumbered_draft_runs_its_title_alone(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    """A draft with no number yet keeps a blank `Số:` line, but its running header or footer is its
    title alone, with no dash left in front of it for the missing number."""
    assert invoke(tmp_workspace, "amend", "new", "qc-sua-doi-2026", "--regulation", "01-QC/TU").exit_code == 0
    out = tmp_path / "du-thao.html"
    result = invoke(tmp_workspace, "amend", "export", "qc-sua-doi-2026", "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    title = re.search(r"<title>([^<]*)</title>", out.read_text(encoding="utf-8"))
    assert title is not None and title.group(1).startswith("Quy chế sửa đổi, bổ sung"), title


def test_a_laws_adoption_sentence_is_printed_after_its_last_article(tmp_workspace: Workspace, invoke: Invoke,
                                                                     tmp_path: Path) -> None:
    import docx

    from tests.test_scaffold_words import LAW

    sentence = "Luật này được Quốc hội khóa XIV, kỳ họp thứ 9 thông qua ngày 16 tháng 6 năm 2020."
    law = LAW.replace("signed: 2020-06-16\n", f"signed: 2020-06-16\nadoption: {sentence}\nsigner:\n"
                      "  title: CHỦ TỊCH QUỐC HỘI\n  name: Nguyễn Thị Kim Ngân\n")
    tmp_workspace.commit({"regulations/57-2020-QH14.md": law.encode()}, "A law")
    html = tmp_path / "hn.html"
    assert invoke(tmp_workspace, "export", "57/2020/QH14", "-o", str(html)).exit_code == 0
    page = html.read_text(encoding="utf-8")
    last, adoption, signer = (page.index("có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021"),
                              page.index(f'<p class="para adoption">{sentence}</p>'), page.index("Nguyễn Thị Kim Ngân"))
    assert last < adoption < signer
    assert '>Luật số: <span class="nobr">57/2020/QH14</span>' in page  # its type, as Luật 57/2024 prints it
    out = tmp_path / "hn.docx"
    assert invoke(tmp_workspace, "export", "57/2020/QH14", "-o", str(out)).exit_code == 0
    paragraphs = [p for p in docx.Document(str(out)).paragraphs if p.text == sentence]
    assert len(paragraphs) == 1 and all(run.italic for run in paragraphs[0].runs)
    # A new amending law keeps the office and title of the signer, not the name of who signed in 2020.
    assert invoke(tmp_workspace, "amend", "new", "tn", "--regulation", "57/2020/QH14").exit_code == 0
    draft = (tmp_workspace.root / "amendments/tn/amendment.md").read_text(encoding="utf-8")
    assert "title: CHỦ TỊCH QUỐC HỘI" in draft and "Nguyễn Thị Kim Ngân" not in draft
    # Its closing sentence is its own, with the term, session and date left open, not the 2020 law's.
    assert "khóa XIV" not in draft and "adoption: Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa" in draft


def test_a_consolidated_markdown_copy_imports_back_as_the_text_in_force(tmp_workspace: Workspace, invoke: Invoke,
                                                                         tmp_path: Path) -> None:
    # docs/import.md promises it; the copy's front matter was read as header lines, its notes became preamble
    # text and the `[^n]` marks stayed in the provisions (Luật Đấu thầu, Nghị định 63/2010).
    _adopt_shipped(tmp_workspace, invoke, "test: a consolidated copy")
    copy = tmp_path / "hop-nhat.md"
    assert invoke(tmp_workspace, "export", "01-QC/TU", "-o", str(copy)).exit_code == 0
    assert "[^1]" in copy.read_text(encoding="utf-8")
    back = tmp_path / "back.md"
    result = invoke(tmp_workspace, "import", str(copy), "-o", str(back))
    assert result.exit_code == 0, result.output
    assert "The file passes `regdraft check`." in result.output
    assert "notes ([^1] …) were left out" in " ".join(result.output.split())
    in_force = parse(tmp_workspace.path("regulations/01-QC-TU.md").read_bytes())
    imported = parse(back.read_bytes())
    assert imported.units == in_force.units and imported.preamble == in_force.preamble
    assert {k: v for k, v in imported.meta.items() if k != "signer"} == {
        k: v for k, v in in_force.meta.items() if k != "signer"}


def test_a_provision_inserted_later_is_not_yet_in_force(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # Nghị định 63/2010 as of 2013-06-30 said "Điều 35a does not exist … did you mean Điều 35": it was inserted
    # by Nghị định 48/2013, in force from 2013-07-01.
    _adopt_shipped(tmp_workspace, invoke, "test: an article inserted later")
    before = invoke(tmp_workspace, "show", "01-QC/TU", "d20a", "--as-of", "2025-03-31")
    assert before.exit_code == 2 and "Traceback" not in before.output
    assert ("Điều 20a is not yet in force on 2025-03-31: Quy chế số 05-QC/TU inserted it, in force from 2025-04-01."
            in " ".join(before.output.split()))
    assert invoke(tmp_workspace, "show", "01-QC/TU", "d20a", "--as-of", "2025-04-01").exit_code == 0
    never = invoke(tmp_workspace, "show", "01-QC/TU", "d99", "--as-of", "2025-03-31")
    assert never.exit_code == 2 and "Điều 99 does not exist" in never.output


def test_a_text_signed_and_not_yet_in_force_exports_as_it_will_take_effect(tmp_workspace: Workspace, invoke: Invoke,
                                                                            tmp_path: Path) -> None:
    """A law is printed between its signing and its effect: without --as-of the text as it takes effect, not a
    refusal asking for a made-up date; a date before it says "takes effect", not "took" (r41 sweep CJ 6)."""
    relative = "regulations/01-QC-TU.md"
    text = tmp_workspace.read(relative).decode("utf-8")
    assert "\neffective: 2021-01-09\n" in text
    tmp_workspace.commit({relative: text.replace("\neffective: 2021-01-09\n", "\neffective: 2099-07-01\n")
                          .encode("utf-8")}, "In force later")
    out = tmp_path / "sap-co-hieu-luc.md"
    result = invoke(tmp_workspace, "export", "01-QC/TU", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "in force on 2099-07-01" in result.output
    assert "Điều 1. Phạm vi điều chỉnh" in out.read_text(encoding="utf-8")
    before = invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2026-01-01", "-o", str(tmp_path / "x.md"))
    assert before.exit_code == 1 and "01-QC/TU takes effect on 2099-07-01" in before.output, before.output
    assert not (tmp_path / "x.md").exists()

"""An English translation (`translation_of:`) beside its amended and replaced original, and the office's own signed
amending document imported back (sweep r23 s11terms, defects 2, 4 and 6).

- The English consolidated text said "… have not been amended as of …" although 05-QC/TU amended the original: a
  translation holds its original's unamended articles, and its text must say which amendments it lacks.
- `show`/`export`/`list` named the replaced English text's successor by its Vietnamese id although its English
  translation was there, and `amend number` said a number was held by that translation, not by its original.
- `amend import` of an `amend export` docx left `signed` and `effective` null: the header's place-and-date line was
  not read as `signed`, and "có hiệu lực kể từ ngày ký" gave no date.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke, unwrapped
from .test_replaced_regulation import adopted, adopted_built, replaced  # noqa: F401  (fixtures)

EN = "regulations/01-QC-TU-EN.md"
NOTE_EN = ("**This translation does not contain the amendments to its original in force on 1 June 2025: "
           "Regulations No. 05-QC/TU of 28 March 2025, effective from 28 March 2025. Its text below is without them; "
           "for the text in force, see the original.**")
LEAD_EN = (": the text of this translation as of 1 June 2025, without the amendments to its original named above.")
WARNING = ("01-QC/TU-EN is a translation of 01-QC/TU and does not contain its amendments in force on 2025-06-01: "
           "05-QC/TU (in force from 2025-03-28); a note at the head of the text says so. The original's text on that "
           "day: `regdraft export 01-QC/TU --as-of 2025-06-01`")


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_the_english_text_names_the_amendments_of_its_original_it_lacks(adopted: Workspace,  # noqa: F811
                                                                        invoke: Invoke, tmp_path: Path,
                                                                        fmt: str) -> None:
    out = tmp_path / f"en.{fmt}"
    result = invoke(adopted, "export", "01-QC/TU-EN", "--as-of", "2025-06-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert WARNING in unwrapped(result.output)
    if fmt == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    else:
        text = unwrapped(out.read_text(encoding="utf-8"))
    note = NOTE_EN.strip("*")
    assert note in text
    assert "not been amended" not in text  # it read "… have not been amended as of 1 June 2025."
    assert LEAD_EN in text
    assert text.index(note) < text.index(LEAD_EN)


def test_before_the_amendment_takes_effect_the_english_text_is_unamended(adopted: Workspace,  # noqa: F811
                                                                         invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "en.md"
    result = invoke(adopted, "export", "01-QC/TU-EN", "--as-of", "2025-03-27", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = unwrapped(out.read_text(encoding="utf-8"))
    assert "have not been amended as of 27 March 2025." in text
    assert "This translation does not contain" not in text
    assert "is a translation of" not in result.output
    # The original's own text is unchanged by it.
    vi = invoke(adopted, "export", "01-QC/TU", "--as-of", "2025-06-01", "-o", str(tmp_path / "vi.md"))
    assert "is a translation" not in vi.output and "Bản dịch" not in (tmp_path / "vi.md").read_text(encoding="utf-8")


@pytest.fixture
def with_english(replaced: Workspace) -> Workspace:  # noqa: F811
    """The term XV regulation's English translation beside it, numbered as the sweep's was (`number: 01-QC/TU`)."""
    english = (replaced.root / EN).read_text(encoding="utf-8")
    for old, new in (("id: 01-QC/TU-EN\n", "id: 01-QC/TU-XV-EN\nnumber: 01-QC/TU\n"),
                     ("translation_of: 01-QC/TU\n", "translation_of: 01-QC/TU-XV\n"),
                     ("term XIV, 2020 - 2025", "term XV, 2025 - 2030"), ("2021-01-09", "2025-10-28")):
        english = english.replace(old, new)
    replaced.commit({"regulations/01-QC-TU-XV-EN.md": english.encode()}, "The term XV regulation in English")
    return replaced


def test_the_replaced_english_text_is_said_replaced_by_the_english_one(with_english: Workspace, invoke: Invoke,
                                                                       tmp_path: Path) -> None:
    message = ("01-QC/TU-EN was replaced on 2025-10-28 by Regulations 01-QC/TU (01-QC/TU-XV-EN): it is no longer in "
               "force")
    shown = invoke(with_english, "show", "01-QC/TU-EN", "d31")
    assert shown.exit_code == 0, shown.output
    assert message in shown.output  # it read "01-QC/TU was replaced … by Quy chế 01-QC/TU (01-QC/TU-XV)"
    exported = invoke(with_english, "export", "01-QC/TU-EN", "-o", str(tmp_path / "en.md"))
    assert exported.exit_code == 0, exported.output
    assert message in exported.output
    # The Vietnamese text is still told of the Vietnamese one.
    assert "01-QC/TU was replaced on 2025-10-28 by Quy chế 01-QC/TU (01-QC/TU-XV)" in (
        invoke(with_english, "show", "01-QC/TU", "d31").output)
    rows = {row["id"]: row for row in json.loads(invoke(with_english, "list", "--json").stdout)}
    assert rows["01-QC/TU-EN"]["replaced_by"] == "01-QC/TU-XV-EN"
    assert rows["01-QC/TU"]["replaced_by"] == "01-QC/TU-XV"
    lines = invoke(with_english, "list").output.splitlines()
    assert any(line.startswith("01-QC/TU-EN ") and "replaced by 01-QC/TU-XV-EN on 2025-10-28" in line
               for line in lines)
    refused = invoke(with_english, "amend", "new", "qc-en", "--regulation", "01-QC/TU-EN")
    assert refused.exit_code == 1
    assert ("01-QC/TU-EN is no longer in force: Regulations 01-QC/TU (01-QC/TU-XV-EN) replaced it on 2025-10-28, so an "
            "amendment to it could never take effect. Amend 01-QC/TU-XV-EN, the regulation in force") in refused.output


def test_a_number_is_held_by_the_original_not_its_translation(with_english: Workspace, invoke: Invoke) -> None:
    assert invoke(with_english, "amend", "new", "x", "--regulation", "01-QC/TU-XV").exit_code == 0
    refused = invoke(with_english, "amend", "number", "x", "01-QC/TU")
    assert refused.exit_code == 1
    # It said "already that of the regulation 01-QC/TU-XV-EN", the translation's file coming first.
    assert "The number 01-QC/TU is already that of the regulation 01-QC/TU-XV;" in refused.output


def test_an_exported_signed_document_is_imported_with_its_dates(adopted: Workspace, invoke: Invoke,  # noqa: F811
                                                                tmp_path: Path) -> None:
    docx_file = tmp_path / "05.docx"
    assert invoke(adopted, "amend", "export", SHIPPED_AMENDMENT, "-o", str(docx_file)).exit_code == 0
    out = tmp_path / "imp.md"
    result = invoke(adopted, "amend", "import", str(docx_file), "--slug", "imp", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "No article says when the document takes effect" not in result.output
    assert "Read as the front-matter key 'signed'.  «Điện Biên, ngày 28 tháng 3 năm 2025»" in result.output
    assert "says when the document takes effect from its signing (2025-03-28, the header's date): read as " \
           "'effective' 2025-03-28." in unwrapped(result.output)
    front = out.read_text(encoding="utf-8").split("---")[1]
    assert "signed: '2025-03-28'" in front and "effective: '2025-03-28'" in front


def test_a_text_copy_reads_the_place_and_date_line_and_a_later_entry_into_force(tmp_workspace: Workspace,
                                                                                invoke: Invoke,
                                                                                tmp_path: Path) -> None:
    source = tmp_path / "qc.txt"
    source.write_text("\n".join([
        "TỈNH ỦY ĐIỆN BIÊN", "Số 07-QC/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Điện Biên, ngày 02 tháng 3 năm 2026", "",
        "QUY CHẾ", "sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV", "",
        "Điều 1. Sửa đổi, bổ sung một số điều của Quy chế làm việc (Quy chế số 01-QC/TU ngày 09/01/2021)",
        "1. Sửa đổi khoản 1 Điều 13 như sau:",
        "“1. Ban Thường vụ Tỉnh ủy họp thường kỳ mỗi tháng một lần.”.", "",
        "Điều 2. Hiệu lực thi hành", "Quy chế này có hiệu lực sau 10 ngày kể từ ngày ký.", ""]), encoding="utf-8")
    out = tmp_path / "imp.md"
    result = invoke(tmp_workspace, "amend", "import", str(source), "--slug", "imp", "-o", str(out))
    assert result.exit_code == 0, result.output
    front = out.read_text(encoding="utf-8").split("---")[1]
    assert "signed: '2026-03-02'" in front and "effective: '2026-03-12'" in front


def test_an_imported_amendment_names_no_translation_as_a_holder_of_its_number(with_english: Workspace,
                                                                              invoke: Invoke, tmp_path: Path) -> None:
    """A translation bears its original's number (`number: 01-QC/TU`) but never holds it: the import report listed
    `01-QC/TU-XV-EN` among the regulations bearing the number the heading cites."""
    source = tmp_path / "qc.txt"
    source.write_text("\n".join([
        "TỈNH ỦY ĐIỆN BIÊN", "Số 02-QC/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Điện Biên, ngày 02 tháng 3 năm 2026", "",
        "QUY CHẾ", "sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV", "",
        "Điều 1. Sửa đổi, bổ sung một số điều của Quy chế làm việc (Quy chế số 01-QC/TU ngày 28/10/2025)",
        "1. Sửa đổi khoản 1 Điều 13 như sau:",
        "“1. Ban Thường vụ Tỉnh ủy họp thường kỳ mỗi tháng một lần.”.", "",
        "Điều 2. Hiệu lực thi hành", "Quy chế này có hiệu lực kể từ ngày ký.", ""]), encoding="utf-8")
    result = invoke(with_english, "amend", "import", str(source), "--slug", "imp", "-o", str(tmp_path / "imp.md"))
    assert result.exit_code == 0, result.output
    said = unwrapped(result.output)
    assert "Điều 1 amends 01-QC/TU-XV of the workspace (01-QC/TU bears the number it cites too; the heading cites " \
           "its signing date)." in said, said
    assert "01-QC/TU-XV-EN" not in said


def test_show_of_one_provision_of_the_english_text_names_the_amendments_it_lacks(adopted: Workspace,  # noqa: F811
                                                                                 invoke: Invoke) -> None:
    """`export` of the English text said it lacked 05-QC/TU; `show` of one of its provisions said nothing (carried)."""
    lacks = ("01-QC/TU-EN is a translation of 01-QC/TU and does not contain its amendments in force on 2025-06-01: "
             "05-QC/TU (in force from 2025-03-28). The original's text on that day: "
             "`regdraft show 01-QC/TU d5.k2 --as-of 2025-06-01`; or translate the amendments and adopt them to "
             "01-QC/TU-EN.")
    shown = invoke(adopted, "show", "01-QC/TU-EN", "d5.k2", "--as-of", "2025-06-01")
    assert shown.exit_code == 0, shown.output
    assert unwrapped(shown.stderr).count("01-QC/TU-EN is a translation of") == 1
    assert lacks in unwrapped(shown.stderr)
    assert "is a translation" not in shown.stdout
    assert "To report to the Provincial Party Executive Committee" in shown.stdout
    as_json = invoke(adopted, "show", "01-QC/TU-EN", "d5.k2", "--as-of", "2025-06-01", "--json")
    assert lacks in unwrapped(as_json.stderr)
    json.loads(as_json.stdout)
    working = invoke(adopted, "show", "01-QC/TU-EN")  # the working text, today: 05-QC/TU is in force
    assert unwrapped(working.stderr).count("does not contain its amendments in force on") == 1
    # Before 05-QC/TU took effect, and for the original itself, nothing is said.
    assert "is a translation" not in invoke(adopted, "show", "01-QC/TU-EN", "d5.k2", "--as-of", "2025-03-27").output
    assert "is a translation" not in invoke(adopted, "show", "01-QC/TU", "d5.k2").output


def test_check_warns_once_of_a_translation_lacking_amendments_of_its_original(adopted: Workspace,  # noqa: F811
                                                                              invoke: Invoke) -> None:
    """Sweep r26/O 8: after 05-QC/TU was adopted to 01-QC/TU only, `check` said "No problems found." of the English
    text, which only `show` and `export` said was behind."""
    from regdraft.workspace.checks import check_workspace

    for name in (None, "01-QC/TU-EN", "01-QC/TU"):
        found = [p for p in check_workspace(adopted, name) if "is a translation of" in p.message]
        assert len(found) == 1 and found[0].warning and found[0].source == EN
        assert found[0].message.startswith("01-QC/TU-EN is a translation of 01-QC/TU and does not contain its "
                                           "amendments in force on ")
        assert ": 05-QC/TU (in force from 2025-03-28)" in found[0].message
        lines = adopted.read(EN).decode("utf-8").split("\n")
        assert lines[found[0].line - 1] == "translation_of: 01-QC/TU"
    result = invoke(adopted, "check")
    assert result.exit_code == 0, result.output
    assert f"{EN}:6: warning: 01-QC/TU-EN is a translation of 01-QC/TU" in unwrapped(result.output)
    assert "No problems found (1 warning)." in result.output


def test_check_says_nothing_of_a_translation_that_holds_its_original_s_amendments(tmp_workspace: Workspace) -> None:
    from regdraft.workspace.checks import check_workspace

    assert not [p for p in check_workspace(tmp_workspace) if "is a translation of" in p.message]


def test_list_says_under_a_translation_that_it_lacks_amendments_of_its_original(adopted: Workspace,  # noqa: F811
                                                                                 invoke: Invoke) -> None:
    """`list` gave no hint that the English text lacked 05-QC/TU, adopted to 01-QC/TU only: it says so under the
    translation's line in `check`'s words, and `--json` holds the same words (`behind`)."""
    from regdraft.workspace.checks import check_workspace

    warned = next(p.message for p in check_workspace(adopted) if "is a translation of" in p.message)
    result = invoke(adopted, "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    said = [i for i, line in enumerate(lines) if "is a translation of" in line]
    assert len(said) == 1 and lines[said[0] - 1].startswith("01-QC/TU-EN ")
    clause = lines[said[0]].strip()
    assert clause.startswith("01-QC/TU-EN is a translation of 01-QC/TU and does not contain its amendments in force "
                             "on ")
    assert clause.endswith(": 05-QC/TU (in force from 2025-03-28).") and warned.startswith(clause[:-1] + ".")
    rows = {row["id"]: row for row in json.loads(invoke(adopted, "list", "--json").output)}
    assert rows["01-QC/TU-EN"]["behind"] == clause[:-1] and rows["01-QC/TU"]["behind"] == ""


def test_list_says_nothing_of_a_translation_holding_its_original_s_amendments(tmp_workspace: Workspace,
                                                                             invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "list")
    assert result.exit_code == 0 and "is a translation of" not in result.output

"""An amending document is a document of its own: its own number (never the number of the text it amends, of
another regulation or of another amendment), its issuer the body that issued the text, and the text it amends
cited alike in its basis and its Điều 1 heading; an English text's point đ is `dd` in every message."""

from __future__ import annotations

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_scaffold_words import LAW

OFFICE = """---
id: 07-QC/VPTU
type: Regulations
title: Regulations on the management of records and archives of the Office of the Provincial Party Committee
language: en
national: COMMUNIST PARTY OF VIETNAM
superior: DIEN BIEN PROVINCIAL PARTY COMMITTEE
issuer: THE OFFICE
place: Dien Bien
signed: 2022-03-15
signer:
  on_behalf: ON BEHALF OF THE OFFICE
  title: CHIEF OF THE OFFICE
  name: Nguyen Van An
---

Pursuant to the Charter of the Communist Party of Vietnam;

The Office of the Provincial Party Committee issues the Regulations on the management of records and archives, as \
follows:

## Article 5. Records

1\\. Records are opened for each matter.

2\\. A record holds:

a) the documents received;

b) the documents issued;

c) the notes of meetings;

d) the working papers.

## Article 7. Keeping periods

1\\. Records are kept:

a) permanently;

b) for 20 years;

c) for 10 years.
"""


def _office(ws: Workspace, invoke: Invoke) -> str:
    ws.commit({"regulations/07-QC-VPTU.md": OFFICE.encode()}, "An office's regulation")
    done = invoke(ws, "amend", "new", "records-2026", "--regulation", "07-QC/VPTU")
    assert done.exit_code == 0, done.output
    return (ws.root / "amendments/records-2026/amendment.md").read_text(encoding="utf-8")


def _adopt(invoke: Invoke, ws: Workspace, slug: str) -> str:
    return " ".join(invoke(ws, "amend", "adopt", slug, "--signed", "2026-03-20", "--effective", "2026-07-01")
                    .output.split())


def test_an_amendment_is_issued_by_the_body_that_issued_the_text(tmp_workspace: Workspace, invoke: Invoke) -> None:
    text = _office(tmp_workspace, invoke)
    assert ("The Office of the Provincial Party Committee issues the Regulations amending the Regulations on the "
            "management of records and archives of the Office of the Provincial Party Committee, as follows:") in text
    assert "Executive Committee" not in text


def test_an_amendment_never_takes_another_documents_number(tmp_workspace: Workspace, invoke: Invoke) -> None:
    _office(tmp_workspace, invoke)
    taken = invoke(tmp_workspace, "amend", "number", "records-2026", "07-QC/VPTU")
    assert taken.exit_code == 1 and "already that of the regulation 07-QC/VPTU" in taken.output, taken.output
    # The number suggested is free, in the series of the text amended: not the text's own number.
    assert "e.g. `regdraft amend number records-2026 08-QC/VPTU`" in _adopt(invoke, tmp_workspace, "records-2026")
    # A number written by hand in the front matter is reported by `check` and `amend check`.
    path = tmp_workspace.root / "amendments/records-2026/amendment.md"
    numbered = path.read_text(encoding="utf-8").replace("number: null", "number: 07-QC/VPTU")
    tmp_workspace.commit({"amendments/records-2026/amendment.md": numbered.encode()}, "Numbered by hand")
    for command in (("check",), ("amend", "check", "records-2026")):
        checked = " ".join(invoke(tmp_workspace, *command).output.split())
        assert ("amendments/records-2026/amendment.md:2: its number 07-QC/VPTU is that of the regulation 07-QC/VPTU"
                in checked), checked


def test_a_law_amended_before_is_cited_alike_and_numbered_after(tmp_workspace: Workspace, invoke: Invoke) -> None:
    adopted = ("---\nnumber: 45/2026/QH15\ntype: Luật\ntitle: Luật sửa đổi, bổ sung một số điều của Luật Thanh niên\n"
               "regulation: 57/2020/QH14\nlanguage: vi\nstatus: adopted\nsigned: 2026-01-10\neffective: 2026-01-10\n"
               "---\n\nCăn cứ …;\n\n## Điều 1. Sửa đổi, bổ sung một số điều của Luật Thanh niên\n\n"
               "1\\. Bãi bỏ Điều 2.\n\n## Điều 2. Hiệu lực thi hành\n\nLuật này có hiệu lực thi hành từ ngày ký.\n")
    tmp_workspace.commit({"regulations/57-2020-QH14.md": LAW.encode(),
                          "amendments/tn-2026/amendment.md": adopted.encode()}, "A law amended once")
    done = invoke(tmp_workspace, "amend", "new", "tn", "--regulation", "57/2020/QH14")
    assert done.exit_code == 0, done.output
    text = (tmp_workspace.root / "amendments/tn/amendment.md").read_text(encoding="utf-8")
    amended = "đã được sửa đổi, bổ sung một số điều theo Luật số 45/2026/QH15"
    # As Luật Giáo dục 2019 heads its Điều 113: the basis and the article heading cite the text alike.
    assert f"Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Thanh niên {amended}." in text
    assert f"## Điều 1. Sửa đổi, bổ sung một số điều của Luật Thanh niên số 57/2020/QH14 {amended}\n" in text
    # The next number of the year, in the term of the law adopted that year; never 57/2020/QH14's term.
    assert "e.g. `regdraft amend number tn 46/2026/QH15`" in _adopt(invoke, tmp_workspace, "tn")
    example = invoke(tmp_workspace, "amend", "number", "tn", "01/2026/QH…")
    assert example.exit_code == 2 and "is an example, not a number" in example.output, example.output


def test_an_english_text_letters_point_dd_in_its_messages(tmp_workspace: Workspace, invoke: Invoke) -> None:
    text = _office(tmp_workspace, invoke)
    shown = " ".join(invoke(tmp_workspace, "show", "07-QC/VPTU", "d5.k2.dd").output.split())
    assert "clause 2, Article 5 has no point dd (point dd, clause 2, Article 5 does not exist)" in shown, shown
    text = text.replace("## Article 2.", "1\\. Insert point dd after point c of clause 1 of Article 7:\n\n"
                        "“dd) for 5 years.”.\n\n## Article 2.")
    (tmp_workspace.root / "amendments/records-2026/amendment.md").write_text(text, encoding="utf-8")
    checked = " ".join(invoke(tmp_workspace, "amend", "check", "records-2026").output.split())
    assert "point dd is out of place: a point inserted after point c is labelled c1" in checked, checked
    assert "đ" not in shown + checked


def test_a_number_of_neither_form_is_followed_in_its_own_series(tmp_workspace: Workspace, invoke: Invoke) -> None:
    """A board's `01/WR-BD` (neither a state nor a Party number) is suggested `02/WR-BD`; it was suggested
    `01-QC/TU`, another series'. A number with no leading number gets no example number at all."""
    for number, file, expected in (("01/WR-BD", "01-WR-BD", "e.g. `regdraft amend number wr 02/WR-BD` (the next"),
                                   ("WR-BD", "WR-BD", "give it the number it is signed with: "
                                                      "`regdraft amend number wr NUMBER`")):
        tmp_workspace.commit({f"regulations/{file}.md": OFFICE.replace("07-QC/VPTU", number).encode()}, number)
        done = invoke(tmp_workspace, "amend", "new", "wr", "--regulation", number)
        assert done.exit_code == 0, done.output
        refused = _adopt(invoke, tmp_workspace, "wr")
        assert expected in refused and "QC/TU" not in refused, refused
        tmp_workspace.commit({"amendments/wr/amendment.md": None, f"regulations/{file}.md": None}, "Start again")


def test_a_number_git_cannot_tag_is_refused_naming_its_characters(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # r23 s10security defect 6: `amend number` and `check` took `05..QC/TU`, `@{-1}`, `05~1`…; `amend adopt` then
    # failed at its end with git's "'adopted/05..QC-TU' is not a valid tag name".
    slug = "qc-sua-doi-2025"
    for number, what in (("05..QC/TU", "'..'"), ("@{-1}", "'@{'"), ("05~1", "'~'"), ("05-QC/TU.lock", "'.lock' at"),
                         ("05:QC", "':'"), ("05*QC", "'*'"), ("05\\QC", "'\\'"), ("05-QC/TU.", "'.' at its end"),
                         ("05~QC:1", "'~' and ':'")):
        refused = " ".join(invoke(tmp_workspace, "amend", "number", slug, number).output.split())
        assert f"The number {number} holds {what}" in refused and "git cannot put in the name of the adoption's " \
               "tag" in refused, refused
    path = tmp_workspace.root / "amendments" / slug / "amendment.md"
    tmp_workspace.commit({f"amendments/{slug}/amendment.md": path.read_text(encoding="utf-8").replace(
        "number: 05-QC/TU", "number: 05..QC/TU", 1).encode()}, "Numbered by hand")
    for command in (("check",), ("amend", "check", slug)):
        checked = " ".join(invoke(tmp_workspace, *command).output.split())
        assert f"amendments/{slug}/amendment.md:2: The number 05..QC/TU holds '..', which git cannot put" in checked, \
            checked
    # A tag's name is looked up as it is, never as a pattern: `adopted/*` is no tag even where adopted/x is one.
    tmp_workspace.repo.git.tag("adopted/x")
    assert tmp_workspace._tag_exists("adopted/x") and not tmp_workspace._tag_exists("adopted/*")

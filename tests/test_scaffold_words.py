"""A new amending document is written in its text's document profile (`amending_*` words): a law's reads
as a law, a Party regulation's as the office writes one, and an office may reword it."""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.render.profile import load_profile
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import FIXTURES, SHARED, Invoke, in_corpus, needs_corpus

DECREES = SHARED / "corpus" / "amendments" / "nd-63-2010"

LAW = """---
id: 57/2020/QH14
type: Luật
title: Luật Thanh niên
language: vi
profile: state-30
national: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
motto: Độc lập - Tự do - Hạnh phúc
issuer: QUỐC HỘI
place: Hà Nội
signed: 2020-06-16
---

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;

## Điều 1. Phạm vi điều chỉnh

Luật này quy định về quyền, nghĩa vụ của thanh niên.

## Điều 2. Hiệu lực thi hành

Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.
"""


def _new(ws: Workspace, invoke: Invoke, slug: str, regulation: str) -> str:
    done = invoke(ws, "amend", "new", slug, "--regulation", regulation)
    assert done.exit_code == 0, done.output
    return (ws.root / f"amendments/{slug}/amendment.md").read_text(encoding="utf-8")


def test_an_amending_law_reads_as_a_law(tmp_workspace: Workspace, invoke: Invoke) -> None:
    tmp_workspace.commit({"regulations/57-2020-QH14.md": LAW.encode()}, "A law")
    text = _new(tmp_workspace, invoke, "tn", "57/2020/QH14")
    assert "type: Luật\n" in text and "title: Luật sửa đổi, bổ sung một số điều của Luật Thanh niên\n" in text
    assert "profile: state-30\n" in text  # it prints as a state document, as its text does
    assert "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Thanh niên." in text
    assert "## Điều 1. Sửa đổi, bổ sung một số điều của Luật Thanh niên số 57/2020/QH14" in text
    assert "Luật này có hiệu lực thi hành từ ngày … tháng … năm …." in text
    assert "Điều lệ Đảng" not in text and "Tỉnh ủy" not in text and "Quy chế" not in text
    checked = invoke(tmp_workspace, "amend", "check", "tn")  # it reads back; only its instructions are missing
    assert checked.exit_code == 1 and "the amendment has no instruction" in checked.output
    # Adopting it unnumbered asks for a number in the law's series, not a Party one (`07-QC/TU`).
    refused = " ".join(invoke(tmp_workspace, "amend", "adopt", "tn", "--signed", "2026-11-20", "--effective",
                              "2027-01-01").output.split())
    # The term of the text amended (QH14, 2016-2021) is not guessed for a 2026 law: it is left to fill in.
    assert "e.g. `regdraft amend number tn '01/2026/QH…'`" in refused, refused


DECREE = LAW.replace("id: 57/2020/QH14", "id: 63/2010/NĐ-CP").replace("type: Luật", "type: Nghị định").replace(
    "title: Luật Thanh niên", "title: Nghị định về kiểm soát thủ tục hành chính").replace(
    "QUỐC HỘI", "CHÍNH PHỦ").replace("2020-06-16", "2010-06-08").replace("Luật này", "Nghị định này")


def test_an_amending_decree_cites_the_decree_as_decrees_do(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # As Nghị định 48/2013/NĐ-CP cites the decree it amends, in its title and its Điều 1 (../shared/corpus): a decree
    # is no law, cited by its name alone, but by its number, date, issuer and subject (Nghị định 30/2020/NĐ-CP).
    tmp_workspace.commit({"regulations/63-2010-NĐ-CP.md": DECREE.encode()}, "A decree")
    text = _new(tmp_workspace, invoke, "nd", "63/2010/NĐ-CP")
    cited = "Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính"
    title = re.search(r"^title: (.*(?:\n  .*)*)", text, re.M)
    assert title is not None
    assert " ".join(title.group(1).split()) == f"Nghị định sửa đổi, bổ sung một số điều của {cited}"
    assert f"Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của {cited}." in text
    assert f"## Điều 1. Sửa đổi, bổ sung một số điều của {cited}\n" in text
    assert "Nghị định về kiểm soát thủ tục hành chính số" not in text  # a law's form, which it had
    assert "Nghị định này có hiệu lực thi hành từ ngày … tháng … năm …." in text


ENGLISH_DECREE = (FIXTURES / "amend" / "en-decree.md").read_text(encoding="utf-8")
ENGLISH_LAW = (ENGLISH_DECREE.replace("id: 63/2010/ND-CP", "id: 09/2017/QH14").replace("type: Decree", "type: Law")
               .replace("title: Decree on the control of administrative procedures", "title: Law on Tourism")
               .replace("THE GOVERNMENT", "THE NATIONAL ASSEMBLY").replace("This Decree", "This Law"))


def test_an_english_state_text_is_amended_in_its_own_words(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # It got the Party regulation's English: "Regulations amending the Decree …", "Pursuant to the Charter of the
    # Communist Party of Vietnam;", "The Executive Committee issues …", and the message said "under Điều 1".
    tmp_workspace.commit({"regulations/63-2010-ND-CP.md": ENGLISH_DECREE.encode(),
                          "regulations/09-2017-QH14.md": ENGLISH_LAW.encode()}, "Two English texts")
    done = invoke(tmp_workspace, "amend", "new", "nd", "--regulation", "63/2010/ND-CP")
    assert "write the instructions under Article 1," in done.output
    text = (tmp_workspace.root / "amendments/nd/amendment.md").read_text(encoding="utf-8")
    cited = "Decree No. 63/2010/ND-CP of 8 June 2010 of the Government on the control of administrative procedures"
    title = re.search(r"^title: (.*(?:\n  .*)*)", text, re.M)
    assert title is not None
    assert " ".join(title.group(1).split()) == f"Decree amending and supplementing a number of articles of {cited}"
    assert "type: Decree\n" in text
    assert f"The Government promulgates the Decree amending and supplementing a number of articles of {cited}." in text
    assert f"## Article 1. Amendments to a number of articles of {cited}\n" in text
    assert "This Decree takes effect on …." in text
    assert "motto: Independence - Freedom - Happiness\n" in text  # its header printed "Độc lập - Tự do - Hạnh phúc"
    assert "Party" not in text and "Executive Committee" not in text and "Regulations" not in text
    law = _new(tmp_workspace, invoke, "du-lich", "09/2017/QH14")
    assert "title: Law amending and supplementing a number of articles of the Law on Tourism\n" in law
    assert "The National Assembly promulgates the Law amending" in law
    assert "## Article 1. Amendments to a number of articles of the Law on Tourism No. 09/2017/QH14\n" in law


ENGLISH_RULES = (ENGLISH_DECREE.replace("id: 63/2010/ND-CP", "id: 01/WR-BD").replace("type: Decree", "type: Rules")
                 .replace("title: Decree on the control of administrative procedures",
                          "title: Working Rules of the Board of Directors")
                 .replace("THE GOVERNMENT", "THE BOARD OF DIRECTORS").replace("2010-06-08", "2024-03-01"))


def test_a_title_naming_its_type_after_its_head_is_cited_by_that_name(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # An English board's rules under the state form: the title does not open with its type, and the citation glued it
    # after the issuer: "… of Rules No. 01/WR-BD of 1 March 2024 of the Board of Directors Working Rules of the Board
    # of Directors".
    tmp_workspace.commit({"regulations/01-WR-BD.md": ENGLISH_RULES.encode()}, "English rules")
    text = _new(tmp_workspace, invoke, "wr", "01/WR-BD")
    cited = "the Working Rules of the Board of Directors No. 01/WR-BD of 1 March 2024"
    title = re.search(r"^title: (.*(?:\n  .*)*)", text, re.M)
    assert title is not None
    assert " ".join(title.group(1).split()) == f"Rules amending and supplementing a number of articles of {cited}"
    assert "Directors Working Rules" not in text and "Rules No. 01/WR-BD" not in text


def test_an_unnumbered_draft_leaves_its_number_blank_in_its_series(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # Drafts print `Số:      /2026/NĐ-CP`: the blank for the number, in the series the decree will take.
    import datetime as dt

    from regdraft.render.draft_numbers import draft_number

    tmp_workspace.commit({"regulations/63-2010-NĐ-CP.md": DECREE.encode()}, "A decree")
    _new(tmp_workspace, invoke, "nd", "63/2010/NĐ-CP")
    html = tmp_workspace.root / "nd.html"
    before = dt.date.today().year
    assert invoke(tmp_workspace, "amend", "export", "nd", "--format", "html", "-o", str(html)).exit_code == 0
    page = html.read_text(encoding="utf-8")
    blank = "\u00a0" * 6
    assert any(f'<div class="number">Số: {blank}/<span class="nobr">{year}/NĐ-CP</span></div>' in page
               for year in {before, dt.date.today().year})  # the year it was written in
    title = re.search(r"<title>([^<]*)</title>", page)
    assert title is not None and title.group(1).startswith("Nghị định sửa đổi")  # no blank number in it
    today = dt.date(2026, 12, 3)
    assert draft_number({"type": "Quy chế", "regulation": "01-QC/TU"}, today) == "\u00a0" * 6 + "-QC/TU"
    assert draft_number({"type": "Quyết định", "regulation": "01-QC/TU"}, today) == ""  # another series
    # A law's in the National Assembly's series, its term left open: that of a 2020 law is no 2026 law's.
    assert draft_number({"type": "Luật", "regulation": "57/2020/QH14"}, today) == "\u00a0" * 6 + "/2026/QH…"


def test_an_unnumbered_english_draft_leaves_its_number_blank_in_its_series(tmp_workspace: Workspace,
                                                                           invoke: Invoke) -> None:
    # A company's English Staff Rules amending 01/2024/SR-SH printed a bare `No.`, while a Vietnamese draft's line
    # reads `Số:      /2026/QĐ-UBND` (r27 sweep X defect 6): an English type is known by its initials.
    import datetime as dt

    from regdraft.render.draft_numbers import draft_number

    rules = (ENGLISH_RULES.replace("id: 01/WR-BD", "id: 01/2024/SR-SH").replace("type: Rules", "type: Staff Rules")
             .replace("title: Working Rules of the Board of Directors", "title: Staff Rules of the Company"))
    tmp_workspace.commit({"regulations/01-2024-SR-SH.md": rules.encode()}, "Staff Rules")
    assert "type: Staff Rules\n" in _new(tmp_workspace, invoke, "sr", "01/2024/SR-SH")
    html = tmp_workspace.root / "sr.html"
    before = dt.date.today().year
    assert invoke(tmp_workspace, "amend", "export", "sr", "--format", "html", "-o", str(html)).exit_code == 0
    page = html.read_text(encoding="utf-8")
    blank = "\u00a0" * 6
    assert any(f'<div class="number">No.: {blank}/<span class="nobr">{year}/SR-SH</span></div>' in page  # state-30
               for year in {before, dt.date.today().year}), re.findall(r'<div class="number">.*?</div>', page)
    today = dt.date(2026, 12, 3)
    english = {"language": "en", "regulation": "01/2024/SR-SH"}
    assert draft_number({**english, "type": "Staff Rules"}, today) == blank + "/2026/SR-SH"
    assert draft_number({**english, "type": "Code of Conduct"}, today) == ""  # another series
    assert draft_number({"language": "en", "type": "Rules", "regulation": "01/WR-BD"}, today) == ""
    # An English translation's workspace id is not its series: its original's is (the last test).
    assert draft_number({"language": "en", "type": "Regulations", "regulation": "01-QC/TU-EN"}, today) != ""


def test_the_english_scaffold_cites_the_document_number_not_the_workspace_id(tmp_workspace: Workspace,
                                                                             invoke: Invoke) -> None:
    text = _new(tmp_workspace, invoke, "en2", "01-QC/TU-EN")
    assert "No. 01-QC/TU of 9 January 2021;" in text and "01-QC/TU-EN of" not in text
    assert "## Article 2. Entry into force" in text


def test_an_office_rewords_the_scaffold_in_its_profile(tmp_workspace: Workspace, invoke: Invoke) -> None:
    own = ('base: party-36\ndescription: Văn phòng\nwords:\n  vi:\n'
           '    amending_entry: "{type} này có hiệu lực từ ngày ký."\n')
    config = (tmp_workspace.root / "regdraft.yaml").read_text(encoding="utf-8").replace("profile: party-36",
                                                                                       "profile: office")
    tmp_workspace.commit({"profiles/office.yaml": own.encode(), "regdraft.yaml": config.encode()}, "Own words")
    text = _new(tmp_workspace, invoke, "own", "01-QC/TU")
    assert text.rstrip().endswith("## Điều 2. Hiệu lực thi hành\n\nQuy chế này có hiệu lực từ ngày ký.")
    assert "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;" in text  # the rest from party-36


def test_the_unsigned_date_line_is_the_profiles(tmp_workspace: Workspace, invoke: Invoke) -> None:
    """Before signing, the amending document's date is left blank in the profile's `date_unsigned` words."""
    own = ('base: party-36\ndescription: Văn phòng\nwords:\n  en:\n    date_unsigned: "…… {year}"\n')
    config = (tmp_workspace.root / "regdraft.yaml").read_text(encoding="utf-8").replace("profile: party-36",
                                                                                       "profile: office")
    tmp_workspace.commit({"profiles/office.yaml": own.encode(), "regdraft.yaml": config.encode()}, "Own words")
    out = tmp_workspace.root / "out" / "vi.html"
    done = invoke(tmp_workspace, "amend", "export", "qc-sua-doi-2025", "-o", str(out))
    assert done.exit_code == 0, done.output
    nbsp = "\u00a0" * 6
    assert f"Điện Biên, ngày{nbsp}tháng{nbsp}năm " in out.read_text(encoding="utf-8")  # Vietnamese: party-36's
    tmp_workspace.commit({"amendments/en1/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()},
                         "An English amendment")
    out = tmp_workspace.root / "out" / "en.html"
    done = invoke(tmp_workspace, "amend", "export", "en1", "-o", str(out))
    assert done.exit_code == 0, done.output
    assert re.search(r'<div class="place-date">Dien Bien, …… \d{4}</div>', out.read_text(encoding="utf-8"))


def test_a_text_amended_before_is_cited_with_its_amendments(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # Luật 57/2024 cites `Luật Quy hoạch số 21/2017/QH14 đã được sửa đổi, bổ sung một số điều theo Luật số
    # 15/2023/QH15, …`; a new draft for 01-QC/TU once 05-QC/TU is adopted cited the text as if never amended.
    from tests.conftest import SHIPPED_AMENDMENT

    adopted = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective",
                     "2025-04-01", "--force", "--reason", "test: a text amended before")
    assert adopted.exit_code == 0, adopted.output
    text = " ".join(_new(tmp_workspace, invoke, "lan-hai", "01-QC/TU").split())
    # With its date, as the text it amends is cited (a new draft cited `theo Quy chế số 05-QC/TU,` alone).
    assert "nhiệm kỳ 2020 - 2025 (Quy chế số 01-QC/TU ngày 09/01/2021) đã được sửa đổi, bổ sung một số điều theo " \
           "Quy chế số 05-QC/TU ngày 15/3/2025; Ban Chấp hành Đảng bộ tỉnh ban hành" in text, text
    # A text never amended is cited as it was.
    tmp_workspace.commit({"regulations/57-2020-QH14.md": LAW.encode()}, "A law")
    never = " ".join(_new(tmp_workspace, invoke, "luat", "57/2020/QH14").split())
    assert "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Thanh niên." in never


def test_an_amending_law_is_cited_by_its_number_and_any_other_document_with_its_date() -> None:
    from types import SimpleNamespace

    from regdraft.workspace.scaffold import _dated

    law = SimpleNamespace(signed="2024-11-29", meta={"type": "Luật"})
    rules = SimpleNamespace(signed="2025-03-15", meta={"type": "Quy chế"})
    profile = load_profile({})
    assert _dated("Luật số 57/2024/QH15", law, "vi", profile) == "Luật số 57/2024/QH15"
    assert _dated("Quy chế số 05-QC/TU", rules, "vi", profile) == "Quy chế số 05-QC/TU ngày 15/3/2025"
    assert _dated("Regulation No. 05-QC/TU", rules, "en", profile) == "Regulation No. 05-QC/TU of 15 March 2025"


def test_texts_amended_before_are_cited_in_the_order_they_were_signed(tmp_workspace: Workspace,
                                                                     invoke: Invoke) -> None:
    # An office's term: 08-QC/TU, signed after 07-QC/TU, took effect before it; a new draft's basis listed them as
    # they take effect, `… 05-QC/TU ngày …, … 08-QC/TU ngày 10/5/2026 và … 07-QC/TU ngày 02/3/2026`.
    from tests.conftest import SHIPPED_AMENDMENT

    adopted = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective",
                     "2025-09-01", "--force", "--reason", "test: signed before, in force after")
    assert adopted.exit_code == 0, adopted.output
    text = _new(tmp_workspace, invoke, "sau", "01-QC/TU")
    heading = text[text.index("## Điều 1."):text.index("\n", text.index("## Điều 1.")) + 1]
    tmp_workspace.commit({"amendments/sau/amendment.md": text.replace(
        heading, heading + "\n1\\. Thay thế cụm từ “Phạm vi điều chỉnh” bằng cụm từ “Phạm vi áp dụng” "
                           "tại tên Điều 1.\n").encode()}, "Draft")
    for args in (("number", "sau", "06-QC/TU"),
                 ("adopt", "sau", "--signed", "2025-05-10", "--effective", "2025-06-01", "--force", "--reason", "t")):
        done = invoke(tmp_workspace, "amend", *args)
        assert done.exit_code == 0, done.output
    cited = " ".join(_new(tmp_workspace, invoke, "ba", "01-QC/TU").split())
    assert "theo Quy chế số 05-QC/TU ngày 15/3/2025 và Quy chế số 06-QC/TU ngày 10/5/2025;" in cited, cited


def test_a_new_draft_rests_on_the_texts_own_first_basis(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # An English board's rules (`Pursuant to the Articles of Association of …;`) got a draft citing the Charter of
    # the Communist Party of Vietnam, which an office would print unless it noticed.
    path = tmp_workspace.root / "regulations/01-QC-TU-EN.md"
    own = path.read_text(encoding="utf-8").replace(
        "Pursuant to the Charter of the Communist Party of Vietnam;",
        "Pursuant to the Articles of Association of Northwind Holdings Limited;", 1)
    tmp_workspace.commit({"regulations/01-QC-TU-EN.md": own.encode()}, "A board's rules")
    text = _new(tmp_workspace, invoke, "board", "01-QC/TU-EN")
    assert "Pursuant to the Articles of Association of Northwind Holdings Limited;\n\nPursuant to the " in text
    assert "Communist Party" not in text.split("---")[2]
    # The shipped text opens with the Charter: its draft reads as it did.
    assert "\nCăn cứ Điều lệ Đảng Cộng sản Việt Nam;\n\nCăn cứ Quy chế làm việc" in _new(tmp_workspace, invoke, "vi",
                                                                                        "01-QC/TU")


def test_a_translation_draft_and_its_report_are_numbered_in_the_original_series() -> None:
    """An English translation's workspace id (`01-QC/TU-EN`) is its original's number (01-QC/TU): the draft
    amending it printed a bare `No.` and its comment report `No.       -BC/TU-EN` (r28 sweep AF)."""
    import datetime as dt

    from regdraft.render.draft_numbers import draft_number
    from regdraft.render.report import blank_number

    blank = "\u00a0" * 6
    english = {"language": "en", "regulation": "01-QC/TU-EN", "type": "Regulations"}
    assert draft_number(english, dt.date(2026, 12, 6)) == blank + "-QC/TU"
    assert draft_number({**english, "type": "Decision"}, dt.date(2026, 12, 6)) == ""  # another type, another series
    assert blank_number(english, {"report_code": "BC"}) == blank + "-BC/TU"
    assert blank_number({**english, "language": "vi"}, {"report_code": "BC"}) == blank + "-BC/TU-EN"  # no translation


QUY_DINH = """---
id: 09-QĐi/TU
type: Quy định
title: Quy định về chế độ làm việc của các ban đảng Tỉnh ủy
language: vi
profile: party-36
national: ĐẢNG CỘNG SẢN VIỆT NAM
issuer: TỈNH ỦY ĐIỆN BIÊN
place: Điện Biên
signed: 2022-04-12
---

## Điều 1. Phạm vi điều chỉnh

Quy định này quy định chế độ làm việc của các ban đảng Tỉnh ủy.

## Điều 2. Hiệu lực thi hành

Quy định này có hiệu lực kể từ ngày ký.
"""


def test_a_party_text_is_cited_by_its_own_type_and_number_not_as_issued_with_itself(tmp_workspace: Workspace,
                                                                                     invoke: Invoke) -> None:
    """r36 BL 2: the basis and Điều 1 of a new Party draft cited 01-QC/TU as `Quy chế làm việc … ban hành kèm theo Quy
    chế số 01-QC/TU`, issued with itself, and a Quy định as a `Quy chế số …`. `ban hành kèm theo` is a text's attached
    to a decision (`issued_with`): that one still cites its decision so."""
    text = " ".join(_new(tmp_workspace, invoke, "qc", "01-QC/TU").split())
    cited = ("Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020 - 2025 (Quy chế số 01-QC/TU "
             "ngày 09/01/2021)")
    assert f"Căn cứ {cited};" in text and f"## Điều 1. Sửa đổi, bổ sung một số điều của {cited} ##" in text, text
    assert "ban hành kèm theo" not in text
    # The shipped draft (`init --example office`), which the tool wrote, cites it so too.
    from tests.conftest import SHIPPED_AMENDMENT

    shipped = " ".join((tmp_workspace.root / f"amendments/{SHIPPED_AMENDMENT}/amendment.md").read_text(
        encoding="utf-8").split())
    assert f"Căn cứ {cited};" in shipped and f"## Điều 1. Sửa đổi, bổ sung một số điều của {cited} 1\\." in shipped
    assert "ban hành kèm theo" not in shipped
    tmp_workspace.commit({"regulations/09-QĐi-TU.md": QUY_DINH.encode()}, "A Quy định")
    text = " ".join(_new(tmp_workspace, invoke, "qd", "09-QĐi/TU").split())
    cited = "Quy định về chế độ làm việc của các ban đảng Tỉnh ủy (Quy định số 09-QĐi/TU ngày 12/4/2022)"
    assert f"Căn cứ {cited};" in text and f"## Điều 1. Sửa đổi, bổ sung một số điều của {cited} ##" in text, text
    assert "Quy chế số" not in text and "ban hành kèm theo" not in text
    attached = QUY_DINH.replace("type: Quy định\n", "type: Quy định\nissued_with: Quyết định\n")
    tmp_workspace.commit({"regulations/09-QĐi-TU.md": attached.encode()}, "Issued with a decision")
    text = " ".join(_new(tmp_workspace, invoke, "qd2", "09-QĐi/TU").split())
    assert ("## Điều 1. Sửa đổi, bổ sung một số điều của Quy định về chế độ làm việc của các ban đảng Tỉnh ủy ban hành "
            "kèm theo Quyết định số 09-QĐi/TU ngày 12 tháng 4 năm 2022") in text, text


@needs_corpus
def test_a_new_draft_prints_the_profile_s_motto_not_the_en_dashes_of_a_2010_decree(tmp_path: Path,
                                                                                  invoke: Invoke) -> None:
    """r36 BL 4: Nghị định 63/2010/NĐ-CP, as issued, joins its motto with en dashes (`Độc lập – Tự do – Hạnh phúc`)
    and keeps them; a new draft amending it copied them, where Nghị định 30/2020/NĐ-CP (and the state-30 profile)
    join the tiêu ngữ with hyphens."""
    in_corpus(DECREES)
    root = init_workspace(tmp_path / "ws").root
    assert invoke(root, "import", str(DECREES / "base-63-2010-ND-CP.txt")).exit_code == 0
    base = next((root / "regulations").glob("*.md")).read_text(encoding="utf-8")
    assert "\nmotto: Độc lập – Tự do – Hạnh phúc\n" in base  # as issued
    ws = Workspace(root)
    draft = _new(ws, invoke, "nd-sua-doi", "63/2010/NĐ-CP")
    front = draft.split("\n---\n", 1)[0]
    assert "\nmotto: Độc lập - Tự do - Hạnh phúc\n" in front and "–" not in front, front
    assert "\nnational: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n" in front
    # A text's own lines that are not the profile's stay its own, the motto's phrases joined by hyphens; a line given
    # empty stays empty.
    own = base.replace("motto: Độc lập – Tự do – Hạnh phúc", "motto: Đoàn kết – Kỷ cương").replace(
        "national: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 'national: ""')
    path = next((root / "regulations").glob("*.md"))
    ws.commit({path.relative_to(root).as_posix(): own.encode()}, "Own lines")
    front = _new(ws, invoke, "nd-sua-doi-2", "63/2010/NĐ-CP").split("\n---\n", 1)[0]
    assert "\nmotto: Đoàn kết - Kỷ cương\n" in front and "\nnational: ''\n" in front, front


def test_an_amendment_not_yet_in_force_is_not_cited_as_amending_the_text(tmp_workspace: Workspace,
                                                                           invoke: Invoke) -> None:
    # r38 sweep BT 5: a draft begun after 150/2026/NĐ-CP was adopted (in force from 2027-03-01) cited the base text
    # as "đã được sửa đổi, bổ sung một số điều theo … Nghị định số 150/2026/NĐ-CP", which does not amend it yet.
    from tests.conftest import SHIPPED_AMENDMENT

    adopted = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective",
                     "2099-01-01", "--force", "--reason", "test: in force later")
    assert adopted.exit_code == 0, adopted.output
    text = " ".join(_new(tmp_workspace, invoke, "lan-hai", "01-QC/TU").split())
    assert "05-QC/TU" not in text and "đã được sửa đổi" not in text, text
    assert "nhiệm kỳ 2020 - 2025 (Quy chế số 01-QC/TU ngày 09/01/2021); Ban Chấp hành Đảng bộ tỉnh ban hành" in text


def test_a_draft_to_be_signed_later_cites_the_amendment_in_force_by_then(tmp_workspace: Workspace,
                                                                           invoke: Invoke) -> None:
    # r38 sweep BT 5 (left open): the scaffold cited the amendments in force today only, so a document to be signed
    # once 05-QC/TU is in force (2099) got the wrong basis; `--signed` gives the day, and the later ones are named.
    import json

    from tests.conftest import SHIPPED_AMENDMENT

    adopted = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective",
                     "2099-01-01", "--force", "--reason", "test: in force later")
    assert adopted.exit_code == 0, adopted.output
    today = invoke(tmp_workspace, "amend", "new", "lan-hai", "-r", "01-QC/TU")
    assert today.exit_code == 0, today.output
    assert ("Adopted, not yet in force today: 05-QC/TU (in force from 2099-01-01), not cited."
            in today.output), today.output
    assert "`--signed 2099-01-01` or later" in today.output
    done = invoke(tmp_workspace, "amend", "new", "lan-ba", "-r", "01-QC/TU", "--signed", "15/01/2099", "--json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert data["signed"] == "2099-01-15"
    assert data["not_yet_in_force"] == [{"slug": SHIPPED_AMENDMENT, "number": "05-QC/TU", "effective": "2099-01-01",
                                         "cited": True}]
    text = " ".join((tmp_workspace.root / "amendments/lan-ba/amendment.md").read_text(encoding="utf-8").split())
    assert "đã được sửa đổi, bổ sung một số điều theo Quy chế số 05-QC/TU" in text, text
    before = invoke(tmp_workspace, "amend", "new", "lan-bon", "-r", "01-QC/TU", "--signed", "2098-12-31")
    assert "05-QC/TU (in force from 2099-01-01), not cited: not yet in force on 2098-12-31" in before.output
    text = " ".join((tmp_workspace.root / "amendments/lan-bon/amendment.md").read_text(encoding="utf-8").split())
    assert "05-QC/TU" not in text and "đã được sửa đổi" not in text, text


def test_a_day_to_be_signed_before_the_regulation_is_refused_and_the_day_is_said_not_kept(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    # r39 sweep CC F5: `--signed 1925-01-01` (a year mistyped) started a draft of 01-QC/TU (signed 2021-01-09)
    # without a word, as `amend adopt` now refuses; and the day given was dropped silently (`signed: null`).
    head = tmp_workspace.repo.head.commit.hexsha
    early = invoke(tmp_workspace, "amend", "new", "lan-nam", "-r", "01-QC/TU", "--signed", "1925-01-01")
    assert early.exit_code == 2
    assert ("The day the amending document is to be signed, 1925-01-01, is before 01-QC/TU itself was signed "
            "(2021-01-09): give a day on or after 2021-01-09. Nothing was changed.") in early.output
    assert "--signed" in early.output
    assert tmp_workspace.repo.head.commit.hexsha == head
    assert not (tmp_workspace.root / "amendments/lan-nam").exists()
    same_day = invoke(tmp_workspace, "amend", "new", "lan-sau", "-r", "01-QC/TU", "--signed", "2021-01-09")
    assert same_day.exit_code == 0, same_day.output
    assert ("The day it is to be signed, 2021-01-09, chose what its preamble cites; it is not written into the "
            "document (its `signed:` stays empty): `regdraft amend adopt lan-sau --signed DATE` records the day it is "
            "signed.") in same_day.output
    assert "\nsigned: null\n" in (tmp_workspace.root / "amendments/lan-sau/amendment.md").read_text(encoding="utf-8")
    assert "not written into the document" not in invoke(tmp_workspace, "amend", "new", "lan-bay", "-r",
                                                        "01-QC/TU").output

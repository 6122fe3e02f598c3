"""Acceptance on real amending documents (issue 12 §5): ../shared/corpus/amendments, read and applied as they are.

Each base is imported with the importer, the amending document with `amend import`'s reader; every
instruction of the article that amends the base is read and applied; each quoted new text is in
the amended text where the instruction puts it, and nothing outside the targeted provisions changes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from regdraft.core.amend import Applied, apply, load_amendment, render_amendment
from regdraft.core.amend.document import Amendment, Instruction
from regdraft.core.amend.grammar import InsertUnit, RepealUnits, ReplaceHeading, ReplaceUnit, ReplaceWords
from regdraft.core.amend.quote import strip_quotes
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Kind, Regulation, Unit
from regdraft.core.parts import closing_mark
from regdraft.importer import import_file
from regdraft.importer.amendment import AmendmentImport, import_amendment
from tests.conftest import SHARED

CORPUS = SHARED / "corpus" / "amendments"
SETS = {
    # base file, regulation id, amending file, amending article, its numbered instructions
    "luat-dau-thau": ("luat-dau-thau-2023/base-22-2023-QH15.txt", "22/2023/QH15",
                      "luat-dau-thau-2023/amending-57-2024-QH15.txt", "4", 21),
    "nd-63-2010": ("nd-63-2010/base-63-2010-ND-CP.txt", "63/2010/NĐ-CP",
                   "nd-63-2010/amending-48-2013-ND-CP.txt", "1", 12),
}
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus of amending documents is absent")


@dataclass(frozen=True)
class Case:
    base: Regulation
    imported: AmendmentImport
    amendment: Amendment
    applied: Applied
    source: str
    article: str
    numbered: int
    name: str = ""


@pytest.fixture(scope="module", params=sorted(SETS))
def case(request: pytest.FixtureRequest) -> Case:
    base_file, reg_id, amending_file, article, numbered = SETS[request.param]
    imported_base = import_file(CORPUS / base_file, reg_id=reg_id)
    assert not imported_base.report.by_category("unclassified")
    # The issuer and the signing date come from the document's own header: nothing is left to fill in.
    assert "FIXME" not in imported_base.text
    base = parse(imported_base.text, imported_base.regulation.source)
    imported = import_amendment(CORPUS / amending_file, request.param, {reg_id: base.meta})
    assert imported.amendment is not None
    return Case(base, imported, imported.amendment, apply(base, imported.amendment),
                (CORPUS / amending_file).read_text(encoding="utf-8"), article, numbered, request.param)


HEADERS = {"22/2023/QH15": ("QUỐC HỘI", dt.date(2023, 6, 23)), "63/2010/NĐ-CP": ("CHÍNH PHỦ", dt.date(2010, 6, 8))}


def test_each_base_has_the_issuer_and_signing_date_its_header_states(case: Case) -> None:
    issuer, signed = HEADERS[case.base.id]
    assert (case.base.meta.get("issuer"), case.base.meta.get("signed")) == (issuer, signed)


def test_every_instruction_of_the_amending_article_is_read(case: Case) -> None:
    assert case.imported.report.passes_check, case.imported.report.text()
    assert case.amendment.article.label == case.article
    assert [ins.location for ins in case.amendment.instructions] == [str(n) for n in range(1, case.numbered + 1)]
    assert not case.imported.report.by_category("unclassified")


def _shape(ins: Instruction) -> tuple[object, ...]:
    return (ins.location, ins.text, ins.op, ins.quote, ins.unit, tuple(_shape(c) for c in ins.children))


def test_the_imported_file_reads_back_the_same(case: Case) -> None:
    again = load_amendment(case.imported.text, "amendments/x/amendment.md", "x")
    assert again.instructions == case.amendment.instructions
    rendered = load_amendment(render_amendment(again), "amendments/x/amendment.md", "x")
    assert [_shape(i) for i in rendered.instructions] == [_shape(i) for i in again.instructions]


def _normal(text: str) -> str:
    return " ".join(text.replace("\\.", ".").split())


def _without_label(paragraph: str) -> str:
    paragraph = _normal(paragraph)
    return re.sub(r"^(?:Điều \d+[a-z]?\.\s*|\d+[a-z]?\.\s+|[a-zđ]\d*\)\s+)", "", paragraph)


def _paragraphs(unit: Unit) -> list[str]:
    return [_normal(p) for p in unit.all_text().split("\n")]


def test_each_quoted_new_text_is_where_the_instruction_puts_it(case: Case) -> None:
    result = case.applied.regulation
    checked = 0
    for ins in case.amendment.leaves():
        op = ins.op
        if isinstance(op, (ReplaceUnit, InsertUnit)):
            unit = result.find(str(op.target)).unit
            raw = strip_quotes(list(ins.quote)) if not ins.implied else list(ins.quote)
            if op.target.kind is not Kind.ARTICLE:
                # Decrees quote the heading of the article a clause stands in, to show where it goes.
                raw = [p for p in raw if not re.match(rf"^Điều {op.target.segments[0].label}\.", p)]
            # A closing-text marker the import put in (`<!-- đoạn cuối khoản 3 -->`) is structure, not words.
            quoted = [_without_label(p) for p in raw if closing_mark(p) is None]
            held = _paragraphs(unit)
            # Every quoted paragraph, word for word, in order, inside the unit the instruction names.
            position = 0
            for paragraph in quoted:
                assert paragraph in held[position:], f"{ins.location}: «{paragraph[:80]}» is not in {op.target}"
                position = held.index(paragraph, position) + 1
            checked += 1
        elif isinstance(op, ReplaceHeading):
            assert result.find(str(op.target)).unit.title == ins.title
            checked += 1
        elif isinstance(op, RepealUnits):
            assert all(result.find(str(t)).unit.repealed for t in op.targets)
            checked += 1
        elif isinstance(op, ReplaceWords):
            for target in op.targets:
                assert op.new is None or op.new in result.find(str(target)).unit.all_text()
                assert op.old not in result.find(str(target)).unit.all_text()
            for target in op.titles:
                title = result.find(str(target)).unit.title or ""
                assert op.new is not None and op.new in title and op.old not in title
            checked += 1
    assert checked == sum(1 for _ in case.amendment.leaves())


def _touched(amendment: Amendment) -> tuple[list[Address], list[Address]]:
    """The provisions the instructions change as a whole, and those whose title alone they change."""
    whole: list[Address] = []
    titles: list[Address] = []
    for ins in amendment.leaves():
        op = ins.op
        if isinstance(op, InsertUnit):
            whole.append(op.parent or op.after.parent() or op.target if op.after else op.parent or op.target)
            whole.append(op.target)
        elif isinstance(op, (ReplaceUnit, RepealUnits)):
            whole.extend(op.targets if isinstance(op, RepealUnits) else (op.target,))
        elif isinstance(op, ReplaceHeading):
            titles.append(op.target)
        elif isinstance(op, ReplaceWords):
            whole.extend(op.targets)
            titles.extend(op.titles)
    return [a for a in whole if a is not None], titles


def test_nothing_outside_the_targeted_provisions_changes(case: Case) -> None:
    whole, titles = _touched(case.amendment)
    result = case.applied.regulation
    assert result.preamble == case.base.preamble and result.meta == case.base.meta
    compared = 0
    for located in case.base.walk():
        address = located.address
        if located.unit.kind in (Kind.PART, Kind.CHAPTER, Kind.SECTION):
            assert result.find(str(address)).unit.title == located.unit.title
            continue
        if any(address.contains(t) or t.contains(address) for t in whole):
            continue
        after = result.find(str(address)).unit
        if address in titles:
            assert after.text == located.unit.text and after.children == located.unit.children
        else:
            assert after == located.unit, f"{address} changed though no instruction names it"
        compared += 1
    assert compared > 0.5 * sum(1 for _ in case.base.walk())


def test_the_amended_text_is_a_valid_regulation(case: Case) -> None:
    result = case.applied.regulation
    assert parse(render(result), result.source) == result


def test_the_defects_the_corpus_names_are_reported_not_fixed(case: Case) -> None:
    warnings = [n for n in case.imported.report.by_category("warning")]
    if case.article == "4":
        # Luật 57/2024, instruction 11: “3. Lựa chọn nhà đầu tư trong trường hợp đặc biệt.’’.
        line = next(i for i, text in enumerate(case.source.split("\n"), start=1) if text.endswith("đặc biệt.’’."))
        assert [n.where for n in warnings if "’’" in n.message] == [line]
    else:
        # Nghị định 48/2013 cites "Khoản" with a capital: read, and said once for the signed text, with the
        # lines of the document read (not of the Markdown written).
        [capitals] = [n for n in warnings if "writes 'Khoản' with a capital" in n.message]
        listed = re.search(r"in 8 instructions \(lines ([\d, ]+)\)", capitals.message)
        assert listed is not None, capitals.message
        where = [int(n) for n in listed.group(1).split(", ")]
        assert capitals.where == where[0] == 56 and 86 in where
        assert all("Khoản" in case.source.split("\n")[n - 1] for n in where)
        assert "Khoản 5 Điều 29" in case.source.split("\n")[85]


TITLES = {
    # The header prints them in capitals; the preamble sentence that issues them gives the names' capitals.
    "luat-dau-thau": "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương "
                     "thức đối tác công tư và Luật Đấu thầu",
    "nd-63-2010": "Nghị định sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính",
}


def test_a_title_in_capitals_takes_its_names_capitals_from_the_preamble(case: Case) -> None:
    assert case.amendment.meta["title"] == TITLES[case.name]


def test_the_preamble_keeps_the_sentence_that_issues_the_document(case: Case) -> None:
    """`Quốc hội ban hành Luật … số 21/2017/QH14 …` cites numbers and dates, and is still preamble, kept whole."""
    issuing = next(line.strip() for line in case.source.splitlines() if "ban hành" in line[:40])
    assert re.search(r"số \d+/\d{4}/", issuing)  # it cites other documents by number
    assert issuing in case.imported.text
    body_start = case.imported.text.index("\n## ")
    assert case.imported.text.index(issuing) < body_start  # before the articles: preamble


def test_state_documents_ask_for_the_state_profile(case: Case) -> None:
    """Both the law or decree and its amending document head with the Quốc hiệu: they print as state documents."""
    assert case.base.meta.get("profile") == "state-30"
    assert "\nprofile: state-30\n" in case.imported.text and case.amendment.meta.get("profile") == "state-30"
    assert any("profile: state-30" in note.message for note in case.imported.report.notes)


def test_a_party_document_or_a_chosen_profile_is_left_alone() -> None:
    from regdraft.importer.names import state_profile

    party: dict[str, object] = {"national": "ĐẢNG CỘNG SẢN VIỆT NAM"}
    assert state_profile(party, ["TỈNH ỦY ĐIỆN BIÊN | ĐẢNG CỘNG SẢN VIỆT NAM", "Số 01-QC/TU"]) is None
    assert "profile" not in party
    chosen: dict[str, object] = {"profile": "my-state"}
    assert state_profile(chosen, ["-------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]) is None
    assert chosen == {"profile": "my-state"}
    in_a_cell: dict[str, object] = {}
    assert state_profile(in_a_cell, ["QUỐC HỘI", "-------- | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]) is not None
    assert in_a_cell == {"profile": "state-30"}


@pytest.mark.parametrize("case", ["nd-63-2010"], indirect=True)
def test_a_subject_amendment_keeps_the_clauses_its_quote_leaves_out(case: Case) -> None:
    """48/2013 khoản 5 Điều 1, `Sửa đổi về thời hạn ban hành quyết định công bố tại Điều 15:`, quotes the title and
    two new paragraphs on the time limit: they replace the old one, and the rest of Điều 15 stays, khoản 1-3 that
    Điều 14 cites included, as the consolidated text of 63/2010 reads."""
    before, after = case.base.find("d15").unit, case.applied.regulation.find("d15").unit
    assert after.children == before.children and [c.label for c in after.children] == ["1", "2", "3"]
    assert len(after.text) == 3 and "10 (mười) ngày" in before.text[0]
    assert after.text[0].startswith("Quyết định công bố thủ tục hành chính của các cơ quan quy định tại Khoản 1")
    assert "20 (hai mươi) ngày" in after.text[0] and "05 (năm) ngày" in after.text[1]
    assert after.text[2] == before.text[1] == "Nội dung quyết định công bố thủ tục hành chính theo quy định sau đây:"


def test_a_consolidated_state_text_cites_the_amending_provision_of_its_document(case: Case) -> None:
    """Footnotes in the state profile: `theo quy định tại khoản 5 Điều 4 của Luật số 57/2024/QH15 …` (issue 12 §3)."""
    from regdraft.core.consolidate import consolidate
    from regdraft.render.profile import load_profile

    words = load_profile({}, {"profile": "state-30"}).words("vi")
    notes = [f.text for f in consolidate(case.base, [(case.amendment.meta, case.applied)], words=words).footnotes]
    number = case.amendment.meta["number"]
    assert notes and all(f"Điều {case.article} của {case.amendment.meta['type']} số {number}" in n for n in notes)
    party = load_profile({}).words("vi")  # the Party profile keeps its own wording
    kept = [f.text for f in consolidate(case.base, [(case.amendment.meta, case.applied)], words=party).footnotes]
    assert len(kept) == len(notes) and not any(f"Điều {case.article} của " in n for n in kept)


def _notes(case: Case) -> dict[str, str]:
    """The consolidated text's footnotes in the state profile, by the address of the unit they stand at."""
    from regdraft.core.consolidate import consolidate
    from regdraft.render.profile import load_profile

    words = load_profile({}, {"profile": "state-30"}).words("vi")
    ct = consolidate(case.base, [(case.amendment.meta, case.applied)], words=words)
    return {str(f.address): f.text for f in ct.footnotes}


@pytest.mark.parametrize("case", ["nd-63-2010"], indirect=True)
def test_a_subject_amendment_is_noted_as_amending_the_lead_in_it_rewrites(case: Case) -> None:
    """`5. Sửa đổi về thời hạn ban hành quyết định công bố tại Điều 15:` rewrites Điều 15's lead-in; its khoản 1-3
    stay. The note says so (`Đoạn mở đầu Điều này …`, docs/export.md), not that the whole article was amended."""
    assert _notes(case)["d15"].startswith("Đoạn mở đầu Điều này được sửa đổi theo quy định tại khoản 5 Điều 1 của "
                                          "Nghị định số 48/2013/NĐ-CP")
    assert [str(c.address) for c in case.applied.changes if str(c.address).startswith("d15")] == ["d15.intro"]


@pytest.mark.parametrize("case", ["luat-dau-thau"], indirect=True)
def test_the_end_of_a_point_changed_by_a_point_added_after_it_is_not_a_note_of_the_consolidated_text(
        case: Case) -> None:
    """`Bổ sung điểm e vào sau điểm đ khoản 1 Điều 17` turns the end of điểm đ from `.` into `;`. No instruction of
    Luật 57/2024 says it, and a consolidated text notes only what the amending document states (Pháp lệnh
    01/2012/UBTVQH13; an official consolidated Luật Đấu thầu has no such note): the text has the `;` without a note
    (r31 sweep AT 3). It is not made silently: applying the law lists it, for `amend preview` and the redline
    (`sửa dấu câu cuối`, tests/test_redline_kinds.py)."""
    before, after = case.base.find("d17.k1.đ").unit, case.applied.regulation.find("d17.k1.đ").unit
    assert before.text[-1].endswith("kết quả lựa chọn nhà thầu.") and after.text[-1].endswith("nhà thầu;")
    notes = _notes(case)
    assert "d17.k1.dd" not in notes and not [t for t in notes.values() if "Dấu câu" in t]
    assert notes["d17.k1.e"].startswith("Điểm này được bổ sung theo quy định tại khoản 5 Điều 4 của Luật số 57/2024")
    [mark] = [m for m in case.applied.punctuation if str(m.address) == "d17.k1.dd"]
    assert (mark.old, mark.new, mark.instruction.location) == (".", ";", "5")
    assert mark.describe("vi") == ("the end of điểm đ khoản 1 Điều 17 changes from '.' to ';' without an instruction, "
                                   "since điểm e khoản 1 Điều 17 is appended at the end of the list (a consequential "
                                   "edit).")


def test_every_unit_whose_words_changed_carries_a_note_or_stands_in_one_that_does(case: Case) -> None:
    """Nothing the amendment changed reads in the consolidated text as the base text did: each unit whose title, text
    or closing text differs from the base's (or that is new) has a footnote, or an enclosing unit has one; but for a
    unit whose only change is the end a consequential edit gave it (`applied.punctuation`: no instruction states it,
    the redline and `amend preview` name it)."""
    from regdraft.core.errors import UnknownUnit

    noted = set(_notes(case))
    ends = {str(m.address): m for m in case.applied.punctuation}
    unnoted = []
    for loc in case.applied.regulation.walk():
        try:
            was: Unit | None = case.base.find(loc.address).unit
        except UnknownUnit:  # a unit the amendment inserted
            was = None
        unit = loc.unit
        if was is not None and (was.title, was.text, was.closing) == (unit.title, unit.text, unit.closing):
            continue
        end = ends.get(str(loc.address))
        if was is not None and end is not None and (was.title, was.text[:-1], was.closing) == (
                unit.title, unit.text[:-1], unit.closing) and was.text[-1].removesuffix(end.old) == \
                unit.text[-1].removesuffix(end.new):
            continue
        address: Address | None = loc.address
        while address is not None and str(address) not in noted:
            address = address.parent()
        if address is None:
            unnoted.append(str(loc.address))
    assert not unnoted


# The amending document's own provisions a consolidated text quotes (Pháp lệnh 01/2012/UBTVQH13): Luật 57/2024/QH15's
# Điều 5 (Điều khoản thi hành) and Điều 6 (Quy định chuyển tiếp), at Luật Đấu thầu's Điều 95 (Hiệu lực thi hành);
# Nghị định 48/2013/NĐ-CP's Điều 5 (Điều khoản thi hành; its Điều 2 to 4 amend other decrees), at Điều 37.
OWN = {"luat-dau-thau": ("d95", "Điều 5 và Điều 6 của Luật số 57/2024/QH15 sửa đổi, bổ sung một số điều của Luật Quy "
                                "hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức đối tác công tư và Luật Đấu thầu, có "
                                "hiệu lực kể từ ngày 15 tháng 01 năm 2025, quy định như sau: “Điều 5. Điều khoản thi "
                                "hành 1. Bãi bỏ Điều 39 và Điều 40 của Luật Thủ đô số 39/2024/QH15.",
                         "Điều 5. Điều khoản thi hành", "Điều 6. Quy định chuyển tiếp"),
       "nd-63-2010": ("d37", "Điều 5 của Nghị định số 48/2013/NĐ-CP sửa đổi, bổ sung một số điều của các nghị "
                             "định liên quan đến kiểm soát thủ tục hành chính, có hiệu lực kể từ ngày 01 tháng 7 năm "
                             "2013, quy định như sau: “Điều 5. Điều khoản thi hành 1. Nghị định này có hiệu lực thi "
                             "hành kể từ ngày 01 tháng 7 năm 2013.",
                      "Điều 5. Điều khoản thi hành", "Điều 5. Điều khoản thi hành")}


def test_the_consolidated_text_quotes_the_amending_documents_own_provisions_word_for_word(
        case: Case, tmp_path: Path) -> None:
    """Every paragraph of the amending document's entry-into-force and transitional articles is in the consolidated
    text, in one footnote at the base's entry-into-force article, in the Markdown and in the PDF's text; an article
    that amends another document is not (Điều 1 to 3 of Luật 57/2024, Điều 2 to 4 of Nghị định 48/2013)."""
    from regdraft.core.closing_notes import own_provisions
    from regdraft.core.consolidate import consolidate
    from regdraft.render.consolidated import consolidated_markdown
    from regdraft.render.output import Settings, write
    from regdraft.render.profile import load_profile
    from tests.test_render_pdf import pdf_text

    profile = load_profile({}, {"profile": "state-30"})
    ct = consolidate(case.base, [(case.amendment.meta, case.applied)], words=profile.words("vi"),
                     provisions=[own_provisions(case.amendment)])
    at, opening, first, last = OWN[case.name]
    quoted = [f for f in ct.footnotes if " ".join(f.paragraphs).startswith(opening)]
    assert len(quoted) == 1 and str(quoted[0].address) == at and ct.markers(quoted[0].address)[-1] == quoted[0].number
    articles = re.split(r"\n(?=Điều \d+\. )", case.source)
    own = [a for a in articles if a.startswith(first)] + [a for a in articles if a.startswith(last)][first == last:]
    paragraphs = [" ".join(line.split()) for a in own for line in a.split("\n")[1:]
                  if line.strip() and not line.startswith(("|", "Luật này được Quốc hội", "/ ", "Trần Thanh"))]
    assert len(paragraphs) == {"luat-dau-thau": 32, "nd-63-2010": 2}[case.name]
    markdown = consolidated_markdown(ct, profile)
    pdf = write("consolidated", "pdf", ct, tmp_path / "hn.pdf", Settings(profile))
    # The pages' text without their running header and page number, which a long note runs across.
    # A state text's page number is the bare number (Nghị định 30/2020), a Party text's "Trang x/y".
    furniture = re.compile(r"(?:Trang \d+/\d+|\d+) VĂN BẢN HỢP NHẤT \(bản để tham khảo\) - "
                           r"[^ ]+ [^ ]+ (?:[^ ]+ )?số \S+ ")
    printed = furniture.sub("", pdf_text(pdf) + " ")
    # Each heading and paragraph quoted is a line of the note (a paragraph of the Markdown footnote, indented, a
    # clause's number escaped as the file format writes it), the quote's opening mark before the first heading.
    lines = [re.sub(r"^(\d+[a-z]?)\\\.", r"\1.", line.removeprefix("    ")) for line in markdown.split("\n")]
    written = markdown.split("\n")
    assert f"[^{quoted[0].number}]: {opening[:opening.index('“')].rstrip()}" in written
    assert f"    “{first}" in written and (first == last or f"    {last}" in written)
    for paragraph in paragraphs:
        assert paragraph in quoted[0].paragraphs or f"{paragraph}”" in quoted[0].paragraphs, paragraph
        assert paragraph in lines or f"{paragraph}”" in lines, paragraph
        assert paragraph in printed, paragraph
    # The HTML and Word notes hold a paragraph a line; a copy read back leaves the whole note out.
    from regdraft.importer.copies import consolidated_copy
    from regdraft.render.docx_notes import read_footnotes

    html = write("consolidated", "html", ct, tmp_path / "hn.html", Settings(profile)).read_text(encoding="utf-8")
    assert f"<p>“{first}</p>" in html and (first == last or f"<p>{last}</p>" in html)
    docx = write("consolidated", "docx", ct, tmp_path / "hn.docx", Settings(profile))
    assert read_footnotes(docx)[quoted[0].number].split("\n") == list(quoted[0].paragraphs)
    copy = consolidated_copy(markdown.encode("utf-8"), "hn.md", None, None)
    assert copy is not None and not any(paragraph in p for p in copy.regulation.preamble for paragraph in paragraphs)
    assert "Sửa đổi, bổ sung một số điều của Luật Quy hoạch" not in quoted[0].text
    assert "Sửa đổi một số điều của Nghị định số 20/2008/NĐ-CP" not in quoted[0].text
    heading = next(line for line in markdown.split("\n") if line.startswith(f"## Điều {at[1:]}."))
    assert heading.startswith(f"## Điều {at[1:]}.[^{quoted[0].number}]")

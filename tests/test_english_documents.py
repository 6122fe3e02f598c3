"""An English amendment of the shipped English text (01-QC/TU-EN) through its life, as an English reader sees it:
dates in words (`9 January 2021`: `09/01/2021` reads as 1 September to many), the text named by its own number
(`01-QC/TU`, not the workspace id `01-QC/TU-EN`), one document type on every document, verbs that agree with a
plural title (`Working Regulations … are amended by`)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from regdraft.core.comments import Comment, CommentType, Round, RoundStatus
from regdraft.core.consolidate import consolidate
from regdraft.core.markdown import parse
from regdraft.render.profile import load_profile
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, SHIPPED_ENGLISH, Invoke
from tests.test_consolidate import FakeApplied

NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
ENGLISH = SHIPPED_ENGLISH.read_text(encoding="utf-8")


def in_words(iso: object) -> str:
    """`2026-12-05` as an English document cites it: `5 December 2026`."""
    day = dt.date.fromisoformat(str(iso)[:10])
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _amendment(ws: Workspace) -> str:
    return (ws.root / "amendments" / "en1" / "amendment.md").read_text(encoding="utf-8")


def _edited(tmp_path: Path) -> Path:
    edited = tmp_path / "edited.md"
    edited.write_text(ENGLISH.replace("5\\. To prepare the documents and personnel for",
                                      "5\\. To prepare the papers and personnel for"), encoding="utf-8")
    return edited


@pytest.mark.parametrize("how", ["new", "from-edits"])
def test_a_new_english_amendment_cites_the_text_by_its_date_in_words(tmp_workspace: Workspace, invoke: Invoke,
                                                                     tmp_path: Path, how: str) -> None:
    # The preamble read "Pursuant to the Working Regulations …, No. 01-QC/TU of 09/01/2021,".
    args = ("--regulation", "01-QC/TU-EN") if how == "new" else ("-r", "01-QC/TU-EN", "--edited",
                                                                 str(_edited(tmp_path)))
    done = invoke(tmp_workspace, "amend", how, "en1", *args)
    assert done.exit_code == 0, done.output
    text = " ".join(_amendment(tmp_workspace).split())
    assert "2020 - 2025, No. 01-QC/TU of 9 January 2021;" in text
    assert not NUMERIC_DATE.search(text), NUMERIC_DATE.findall(text)
    # The rest of the preamble in English as the text's own: the issuing body named whole, a comma before "as follows".
    assert ("The Provincial Party Executive Committee issues the Regulations amending the Working Regulations of the "
            "Provincial Party Executive Committee, term XIV, 2020 - 2025, as follows:") in text


def test_a_profile_may_cite_english_dates_in_figures(tmp_workspace: Workspace, invoke: Invoke) -> None:
    own = "base: party-36\ndescription: Office\ndates:\n  cited_en: numeric\n"
    config = (tmp_workspace.root / "regdraft.yaml").read_text(encoding="utf-8").replace("profile: party-36",
                                                                                       "profile: office")
    tmp_workspace.commit({"profiles/office.yaml": own.encode(), "regdraft.yaml": config.encode()}, "Own dates")
    assert invoke(tmp_workspace, "amend", "new", "en1", "--regulation", "01-QC/TU-EN").exit_code == 0
    assert "No. 01-QC/TU of 09/01/2021;" in _amendment(tmp_workspace)
    assert load_profile({"profile": {"name": "party-36", "cited_dates_en": "numeric"}}).cited_style("en") == "numeric"
    with pytest.raises(Exception, match="profile.cited_dates_en is 'roman'; use numeric"):
        load_profile({"profile": {"name": "party-36", "cited_dates_en": "roman"}})


def test_the_english_redline_and_comparison_table_date_their_versions_in_words(tmp_workspace: Workspace) -> None:
    # "Draft 1 (dated 05/12/2026) compared with the text in force (Regulation No. 01-QC/TU, in force from 09/01/2021)",
    # under a title "… with Regulation No. 01-QC/TU of 09/01/2021", on the redline and the comparison table alike.
    from regdraft.workspace import redline as rl

    tmp_workspace.commit({"amendments/en1/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()},
                         "Add an English amendment")
    saved = tmp_workspace.log("amendments/en1/amendment.md")[0].date
    redline = rl.build(tmp_workspace, "01-QC/TU-EN", amendment="en1")
    assert redline.cover_line() == (f"Draft 1 (dated {in_words(saved)}) compared with the text in force "
                                    "(Regulations No. 01-QC/TU, effective from 9 January 2021)")
    assert redline.title_line().endswith("with Regulations No. 01-QC/TU of 9 January 2021")
    # A Vietnamese redline keeps its figures (the profile's `dates: cited: numeric`).
    vi = rl.build(tmp_workspace, "01-QC/TU")
    assert "có hiệu lực từ ngày 09/01/2021" in vi.cover_line()


def test_the_english_review_copy_gives_its_due_date_in_words(tmp_workspace: Workspace, invoke: Invoke,
                                                             tmp_path: Path) -> None:
    import docx

    tmp_workspace.commit({"amendments/en1/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()},
                         "Add an English amendment")
    opened = invoke(tmp_workspace, "round", "open", "en1", "--due", "2099-12-25", "--consult", "Organisation Board")
    assert opened.exit_code == 0, opened.output
    out = tmp_path / "copy.docx"
    written = invoke(tmp_workspace, "round", "copy", "en1", "-o", str(out))
    assert written.exit_code == 0, written.output
    document = docx.Document(str(out))
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert header.endswith("– Draft 1 (due 25 December 2099)"), header
    text = " ".join([header, *(p.text for p in document.paragraphs)])
    assert not NUMERIC_DATE.search(text), NUMERIC_DATE.findall(text)


def test_the_english_comment_report_names_the_text_by_its_own_number() -> None:
    # "… term XIV, 2020 - 2025 No. 01-QC/TU-EN as amended by Draft 1": the workspace id, and no commas.
    from regdraft.core.comment_report import report_of
    from regdraft.render.report import html_text

    profile = load_profile({})
    draft = parse(SHIPPED_ENGLISH.read_bytes())
    r = Round(1, "", "2099-07-15", ("Organisation Board",), "f" * 40, 1, RoundStatus.CLOSED)
    comments = [Comment("c1", 1, "Organisation Board", "d4.k5", CommentType.EDITORIAL, "Say documents."),
                Comment("c2", 1, "Youth Union", "general", CommentType.EDITORIAL, "Agreed.")]
    meta = {"title": "Regulations amending the Working Regulations", "language": "en",
            "issuer": "DIEN BIEN PROVINCIAL PARTY COMMITTEE", "place": "Dien Bien"}
    report = report_of("en1", meta, r, comments, draft, profile.words("en"))
    page = " ".join(html_text(report, None, profile, dt.date(2099, 7, 20)).split())
    assert ("The provisions named in the table are those of the Working Regulations of the Provincial Party Executive "
            "Committee, term XIV, 2020 - 2025, No. 01-QC/TU, as amended by Draft 1.") in page
    assert "01-QC/TU-EN" not in page
    # It read "Bodies not consulted that commented too (1)", and "… Working Regulations and how …" with no comma after
    # a title that may end in its own apposition ("…, term XIV, 2020 - 2025").
    assert "Bodies that commented without being consulted (1): Youth Union." in page
    assert "Comments on Draft 1 of the Regulations amending the Working Regulations, and how they were" in page


def _doc_type(html: str) -> str:
    found = re.search(r'class="doc-type">([^<]*)</', html)
    assert found is not None
    return found.group(1)


def test_the_amending_document_and_the_consolidated_text_print_one_type(tmp_workspace: Workspace, invoke: Invoke,
                                                                         tmp_path: Path) -> None:
    # The consolidated text printed REGULATION, the amending document `amend new` wrote REGULATIONS: the text is
    # "Working Regulations" ("these Regulations"), and its amending document is titled after its type.
    assert invoke(tmp_workspace, "amend", "new", "en1", "--regulation", "01-QC/TU-EN").exit_code == 0
    amending, consolidated = tmp_path / "amending.html", tmp_path / "consolidated.html"
    assert invoke(tmp_workspace, "amend", "export", "en1", "-o", str(amending)).exit_code == 0
    done = invoke(tmp_workspace, "export", "01-QC/TU-EN", "-o", str(consolidated))
    assert done.exit_code == 0, done.output
    page = consolidated.read_text(encoding="utf-8")
    assert _doc_type(page) == _doc_type(amending.read_text(encoding="utf-8")) == "REGULATIONS"
    # Not amended yet, and a plural title: "have not been amended", as "are amended by" once it is.
    assert "effective from 9 January 2021, have not been amended as of" in " ".join(page.split())


def test_the_amending_document_of_a_singular_type_is_titled_in_the_singular(tmp_workspace: Workspace,
                                                                           invoke: Invoke) -> None:
    tmp_workspace.commit({"regulations/98-QC-TU-EN.md": (FIXTURES / "refs" / "forms-en.md").read_bytes()},
                         "A Regulation")
    done = invoke(tmp_workspace, "amend", "new", "en2", "--regulation", "98-QC/TU-EN")
    assert done.exit_code == 0, done.output
    text = (tmp_workspace.root / "amendments" / "en2" / "amendment.md").read_text(encoding="utf-8")
    assert "type: Regulation\ntitle: Regulation amending the Regulation with every form of reference\n" in text


def _opening_lead(title: str) -> str:
    reg = parse(ENGLISH.replace("title: Working Regulations of the Provincial Party Executive Committee",
                                f"title: {title}").encode(), "01-QC-TU-EN.md")
    meta = {"number": "07-QC/TU", "type": "Regulations", "title": "Regulations amending the Working Regulations",
            "issuer": "DIEN BIEN PROVINCIAL PARTY COMMITTEE", "language": "en", "signed": "2026-11-20",
            "effective": "2026-11-20"}
    ct = consolidate(reg, [(meta, FakeApplied(reg, []))], dt.date(2026, 12, 1), words=load_profile({}).words("en"))
    return ct.opening.lead


@pytest.mark.parametrize(("title", "verb"), [
    ("Working Regulations of the Provincial Party Executive Committee", "are amended by:"),
    ("Regulation on the Provincial Party Executive Committee", "is amended by:"),
])
def test_the_consolidated_opening_agrees_with_the_title(title: str, verb: str) -> None:
    # "Working Regulations … is amended by:", a sentence with no article to open it.
    assert _opening_lead(title).endswith(f"effective from 9 January 2021, {verb}")
    assert _opening_lead(title).startswith(f"The {title}, term XIV, 2020 - 2025, No. 01-QC/TU of 9 January 2021,")


BASIS = ("Pursuant to the Charter of the Communist Party of Vietnam;",
         "Pursuant to the Working Regulations of the Provincial Party Executive Committee, No. 01-QC/TU of 9 January "
         "2021,", "The Provincial Party Executive Committee issues the Regulations amending the Working Regulations.")


@pytest.mark.parametrize(("kind", "verb"), [("Regulations", "were"), ("Decision", "was")])
def test_the_basis_note_agrees_with_the_amending_document_and_keeps_its_lines(kind: str, verb: str) -> None:
    """Sweep r26/O 9b: `Regulations No. 05-QC/TU … was issued` (the opening says `are amended by`), and the basis
    run together: `… of 9 January 2021, The Provincial Party Executive Committee issues …`."""
    reg = parse(ENGLISH.encode(), "01-QC-TU-EN.md")
    assert reg.preamble
    meta = {"number": "07-QC/TU", "type": kind, "title": f"{kind} amending the Working Regulations",
            "issuer": "DIEN BIEN PROVINCIAL PARTY COMMITTEE", "language": "en", "signed": "2026-11-20",
            "effective": "2026-11-20"}
    ct = consolidate(reg, [(meta, FakeApplied(reg, []))], dt.date(2026, 12, 1), words=load_profile({}).words("en"),
                     bases=[BASIS])
    [note] = [f for f in ct.footnotes if f.number in ct.basis]
    lines = note.text.split("\n")
    assert lines[0].startswith(f"{kind} No. 07-QC/TU of 20 November 2026")
    assert lines[0].endswith(f"amending the Working Regulations {verb} issued on the following basis:")
    assert lines[1:] == [f"“{BASIS[0]}", BASIS[1], f"{BASIS[2]}”"]
    assert ", The" not in note.text


def _edited_throughout(tmp_path: Path) -> Path:
    """The shipped English text with a change of every common kind: amended, words replaced, inserted, repealed,
    an article's title."""
    text = (ENGLISH.replace("a) In regular session once every three months;", "a) In regular session once every "
                                                                                 "two months;")
            .replace("4\\. The conclusions of the Standing Office are notified in writing to the agencies and units "
                     "concerned for implementation.\n\n", "")
            .replace("g) Other matters proposed by the Standing Office.",
                     "g) Other matters proposed by the Standing Office;\n\nh) Digital transformation in the work "
                     "of the Party.")
            .replace("## Article 30. Amendment of the Regulations", "## Article 30. Amendment of these Regulations")
            .replace("working days", "business days"))
    edited = tmp_path / "edited.md"
    edited.write_text(text, encoding="utf-8")
    return edited


def _running(page: str) -> str:
    found = re.search(r'@top-center \{ content: "([^"]*)"', page)
    assert found is not None
    return found.group(1)


def test_the_english_redline_reads_as_english(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # The running header read "Comparison of Draft 1 with Working Regulations …", the summary's lines and the table's
    # notes started in lower case ("point a, clause 1, Article 12", "amended", "clause 1 of Article 1, Draft 1"), the
    # words a reference cites stood in straight quotes, and the text in force was "in force from" its date.
    import docx

    done = invoke(tmp_workspace, "amend", "from-edits", "en1", "-r", "01-QC/TU-EN", "--edited",
                  str(_edited_throughout(tmp_path)))
    assert done.exit_code == 0, done.output
    inline, table, word = tmp_path / "r.html", tmp_path / "t.html", tmp_path / "r.docx"
    for out, options in ((inline, ()), (table, ("--layout", "table", "--changed-only")), (word, ())):
        done = invoke(tmp_workspace, "redline", "01-QC/TU-EN", "--amendment", "en1", *options, "-o", str(out))
        assert done.exit_code == 0, done.output
    page, rows = inline.read_text(encoding="utf-8"), table.read_text(encoding="utf-8")

    # The page's line names the text in force as the title does (r43 cmp43 2; its title cut short kept the term, r23
    # s11terms defect 3).
    assert _running(page) == "Comparison of Draft 1 with Regulations No. 01-QC/TU of 9 January 2021"
    # The table's line names the text in force as the table's heading does (r42 sweep CH F3).
    assert _running(rows) == "Comparison table of Draft 1 with Regulations No. 01-QC/TU of 9 January 2021"
    assert "with Regulations No. 01-QC/TU of 9 January 2021" in " ".join(re.sub(r"<[^>]+>", " ", rows).split())
    listed = ["Point a, clause 1, Article 12", "Clause 3, Article 12", "Clause 6, Article 12",
              "Point g, clause 5, Article 13", "Point h, clause 5, Article 13", "Clause 4, Article 14",
              "Clause 5, Article 16", "Article 30"]
    assert re.findall(r'<td><a href="#chg-\d+">([^<]*)</a></td>', page) == listed
    summary = [p.text for p in docx.Document(str(word)).paragraphs if re.match(r"\d+\. ", p.text)]
    assert summary[:2] == ["1. Point a, clause 1, Article 12: amended", "2. Clause 3, Article 12: words replaced"]
    notes = [re.findall(r"<p>([^<]*)</p>", cell) for cell in re.findall(r'<td class="col-note">(.*?)</td>', rows)]
    assert notes[:2] == [["Amended", "Clause 1 of Article 1, Draft 1"],
                         ["Words replaced", "Clause 5 of Article 1, Draft 1"]]
    text = re.sub(r"<[^>]+>", "", page)
    assert "compared with the text in force (Regulations No. 01-QC/TU, effective from 9 January 2021)" in text
    assert ("Clause 3, Article 13 refers to point a, clause 1, Article 12 (“point a of clause 1 of Article 12”), whose "
            "text the amendment changes") in text

    # The Vietnamese redline's summary and notes run on in lower case, as they did.
    vi = tmp_path / "vi.html"
    done = invoke(tmp_workspace, "redline", "01-QC/TU", "--layout", "table", "--changed-only", "-o", str(vi))
    assert done.exit_code == 0, done.output
    assert '<td class="col-note"><p>bỏ cụm từ</p><p>khoản 12 Điều 1 Dự thảo' in vi.read_text(encoding="utf-8")


@pytest.mark.parametrize(("kind", "entry"), [
    ("Regulations", "These Regulations take effect on the date of signing."),
    ("Regulation", "This Regulation takes effect on the date of signing."),
    ("Decision", "This Decision takes effect on the date of signing."),
    ("Rules", "These Rules take effect on the date of signing."),
])
def test_a_new_amending_document_takes_effect_in_the_words_of_its_type(tmp_workspace: Workspace, invoke: Invoke,
                                                                       kind: str, entry: str) -> None:
    # Every English amending document said "These Regulations take effect …", a Decision's too.
    text = ENGLISH.replace("type: Regulations", f"type: {kind}")
    if text != ENGLISH:
        tmp_workspace.commit({"regulations/01-QC-TU-EN.md": text.encode()}, f"Of type {kind}")
    done = invoke(tmp_workspace, "amend", "new", "en1", "--regulation", "01-QC/TU-EN")
    assert done.exit_code == 0, done.output
    assert _amendment(tmp_workspace).endswith(f"## Article 2. Entry into force\n\n{entry}\n")
    # A state text's leaves the date open, in the same agreement.
    state = text.replace("language: en\n", "language: en\nprofile: state-30\n")
    tmp_workspace.commit({"regulations/01-QC-TU-EN.md": state.encode()}, "A state text")
    done = invoke(tmp_workspace, "amend", "new", "en2", "--regulation", "01-QC/TU-EN")
    assert done.exit_code == 0, done.output
    written = (tmp_workspace.root / "amendments" / "en2" / "amendment.md").read_text(encoding="utf-8")
    assert f"\n\n{entry.removesuffix('the date of signing.')}….\n\n## Article 3. " in written
    # … then who implements it, in the same agreement (`these Rules`, `this Decision`).
    this = entry.split(" ")[0].lower()
    assert written.endswith(f" are responsible for implementing {this} {kind}.\n")


def test_an_english_amendment_with_no_instruction_is_shown_one_in_english(tmp_workspace: Workspace,
                                                                          invoke: Invoke) -> None:
    # `amend check` of a new English amendment asked for instructions "('1\. Sửa đổi, bổ sung khoản 2 Điều 5 như
    # sau:' ...)", a form an English text is not written in; the example is in the document's language.
    assert invoke(tmp_workspace, "amend", "new", "en1", "--regulation", "01-QC/TU-EN").exit_code == 0
    for command in (("amend", "check", "en1"), ("check",)):
        said = " ".join(invoke(tmp_workspace, *command).output.split())
        assert ("the amendment has no instruction: write them under Article 1 as numbered paragraphs "
                "('1\\. Clause 2 of Article 5 is amended to read:' ...), or edit a copy of regulations/01-QC-TU-EN.md "
                "(the text it amends) and let `regdraft amend from-edits en1 --edited FILE` write them.") in said, said
        assert "Sửa đổi" not in said
    # The example is one the English grammar reads, as the Vietnamese one is in a Vietnamese text.
    from regdraft.core.amend.grammar import example_instruction, read_instruction

    for language in ("en", "vi"):
        assert read_instruction(example_instruction(language), language)

"""`amend check` warns of an instruction naming the amended text by another type's word (`vào cuối Luật` in an
amendment of a Quy chế): docs/amendments.md keeps the word as the text's type is (r24 sweep k-docs defect 7)."""

from __future__ import annotations

from pathlib import Path

from regdraft.core.amend import load_amendment
from regdraft.core.amend.type_words import wrong_type_words
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Regulation
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import FIXTURES, Invoke
from tests.test_amend_check_placeholders import HEAD, TAIL

APPENDIX = """1\\. Bổ sung Phụ lục I vào cuối Luật như sau:

“Phụ lục I. DANH MỤC VĂN BẢN

1\\. Nghị quyết của Ban Chấp hành.”."""
MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def _warned(instructions: str) -> list[str]:
    amendment = load_amendment(HEAD + instructions + TAIL, "amendments/x/amendment.md", "x")
    return [f"{p.line}: {p.message}" for p in wrong_type_words(amendment, parse(MINI, "MINI-QC.md"))]


def test_an_appendix_added_at_the_end_of_a_luat_in_a_quy_che_is_warned_of_at_its_line(
        mini_workspace: Workspace, invoke: Invoke) -> None:
    mini_workspace.commit({"amendments/x/amendment.md": (HEAD + APPENDIX + TAIL).encode("utf-8")}, "Hand-written")
    checked = invoke(mini_workspace, "amend", "check", "x")
    assert checked.exit_code == 0, checked.output  # a warning, never a refusal
    said = " ".join(checked.output.split())
    assert ("warning: amendments/x/amendment.md:11: The instruction “Bổ sung Phụ lục I vào cuối Luật như sau:” names "
            "the amended text “vào cuối Luật”, but MINI-QC is a Quy chế: write “vào cuối Quy chế” (the word as the "
            "amended text's type is)") in said, said


def test_only_the_phrases_naming_the_amended_text_whole_count() -> None:
    words = "1\\. Thay thế cụm từ “tập trung dân chủ” bằng cụm từ “dân chủ” {where}."
    assert _warned(words.format(where="trong toàn bộ Luật")) == [
        "11: The instruction “Thay thế cụm từ “tập trung dân chủ” bằng cụm từ “dân chủ” trong toàn bộ Luật.” names "
        "the amended text “trong toàn bộ Luật”, but MINI-QC is a Quy chế: write “trong toàn bộ Quy chế” (the word "
        "as the amended text's type is)"]
    assert _warned(words.format(where="trong toàn bộ Quy chế")) == []
    assert _warned(words.format(where="trong toàn bộ văn bản")) == []
    assert _warned(APPENDIX.replace("vào cuối Luật", "vào cuối Quy chế")) == []
    # words quoted are no name of the amended text
    assert _warned(words.replace("dân chủ”", "trong toàn bộ Luật”", 1).format(where="tại khoản 2 Điều 2")) == []


def _warned_en(kind: str, where: str) -> list[str]:
    from tests.test_amend_apply import FIXTURES as AMEND
    from tests.test_amend_apply import amendment

    text = (AMEND / "en.md").read_text(encoding="utf-8").replace("\ntype: Regulation\n", f"\ntype: {kind}\n", 1)
    regulation = parse(text, "regulations/en.md")
    words = f"1\\. The words “work” are replaced with the words “duties” {where}."
    return [p.message for p in wrong_type_words(amendment(words, "en"), regulation)]


def test_an_english_type_of_several_words_is_named_whole_or_by_its_last() -> None:
    # `3/2024/IWA is a Staff Rules: write “throughout this document”` for `throughout these Rules` (r26 sweep O 9a);
    # `throughout these Staff Rules` was read as naming no place, and the type whole was never suggested (r34 BE 3).
    assert _warned_en("Staff Rules", "throughout these Rules") == []
    assert _warned_en("Staff Rules", "throughout these Staff Rules") == []
    [said] = _warned_en("Staff Rules", "throughout these Regulations")
    assert said.endswith("but 02-QC/TU-EN calls itself “these Staff Rules”: write “throughout these Staff Rules” (the "
                         "name it gives itself)")
    assert _warned_en("Financial Regulation", "throughout this Regulation") == []
    assert _warned_en("Financial Regulation", "throughout this Financial Regulation") == []


def _staff_rules(preamble: str, body: str) -> Regulation:
    return parse(f"---\nid: 3/2025/SR\ntype: Staff Rules\ntitle: Staff Rules of Northwind\nlanguage: en\n"
                 f"issuer: NORTHWIND\nsigned: 2025-01-14\n---\n\n{preamble}\n\n"
                 f"## Article 1. Scope\n\n1\\. {body}\n\n2\\. Matters not provided for in {body[:-1]}.\n",
                 "regulations/sr.md")


def test_the_name_suggested_is_the_one_the_text_gives_itself() -> None:
    from regdraft.core.amend.self_name import own_names

    # its enacting words first, then the name its provisions use most, then its type's
    enacting = _staff_rules("The Board of Members issues these Staff Rules.", "These Rules apply to all staff.")
    assert own_names(enacting)[:2] == ("these Staff Rules", "these Rules")
    used = _staff_rules("Pursuant to the Labour Code;", "These Rules apply to all staff.")
    assert own_names(used)[:2] == ("these Rules", "these Staff Rules")
    assert own_names(_staff_rules("Pursuant to the Labour Code;", "Everyone is bound."))[0] == "these Staff Rules"
    assert own_names(parse(MINI, "MINI-QC.md"))[0] == "Quy chế"


def test_a_refusal_names_the_whole_text_as_it_names_itself_and_following_it_reads(tmp_path: Path,
                                                                                 invoke: Invoke) -> None:
    """For Staff Rules, `say where the words change (… or 'throughout these Regulations')`, and that wording then
    warned to write `throughout these Rules` (r34 sweep BE defect 3)."""
    ws = init_workspace(tmp_path / "ws")
    rules = _staff_rules("The Board of Members issues these Staff Rules.", "These Rules apply to all staff.")
    amending = ("---\ntitle: Staff Rules amending the Staff Rules\nregulation: 3/2025/SR\nlanguage: en\n"
                "status: draft\n---\n\n## Article 1. Amendments\n\n1\\. Replace the words “all staff” with "
                "“every employee”{where}.\n")
    ws.commit({"regulations/3-2025-SR.md": render(rules).encode("utf-8"),
               "amendments/x/amendment.md": amending.format(where="").encode("utf-8")}, "Hand-written")
    refused = invoke(ws, "amend", "check", "x")
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert "say where the words change ('in clause 2 of Article 15', or 'throughout these Staff Rules')" in said, said
    ws.commit({"amendments/x/amendment.md": amending.format(where=" throughout these Staff Rules").encode("utf-8")},
              "As advised")
    checked = invoke(ws, "amend", "check", "x")
    assert checked.exit_code == 0, checked.output
    assert "warning" not in checked.output, checked.output


def test_a_type_longer_than_any_real_one_names_nothing_and_costs_a_bounded_search() -> None:
    """Each ending of a type was a name, all of them one regex over every paragraph: a 12 KB `type:` of an English
    text took 13 s and 1.3 GB to check an amendment with a "throughout" instruction (r35 sweep BH F1)."""
    from regdraft.core.amend.self_name import LONGEST_TYPE, own_names

    long = _staff_rules("The Board of Members issues these Staff Rules.", "These Rules apply to all staff.")
    long = parse(render(long).replace("type: Staff Rules", "type: " + "Staff " * 300 + "Rules", 1), "regulations/sr.md")
    assert len(str(long.meta["type"])) > LONGEST_TYPE
    names = own_names(long)
    assert names == ("this document",)
    assert sum(len(name) for name in names) < 100  # the 301 endings of 1,800 characters held 272,000
    # a real type of several words keeps every ending as a name
    fine = " ".join(["International", "Staff", "Association", "Staff", "Rules"])
    text = render(long).replace("type: " + "Staff " * 300 + "Rules", f"type: {fine}", 1)
    assert own_names(parse(text, "regulations/sr.md")) == (
        "these Staff Rules", "these Rules", "these International Staff Association Staff Rules",
        "these Staff Association Staff Rules", "these Association Staff Rules", "this document")

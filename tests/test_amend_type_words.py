"""`amend check` warns of an instruction naming the amended text by another type's word (`vào cuối Luật` in an
amendment of a Quy chế): docs/amendments.md keeps the word as the text's type is (r24 sweep k-docs defect 7)."""

from __future__ import annotations

from regdraft.core.amend import load_amendment
from regdraft.core.amend.type_words import wrong_type_words
from regdraft.core.markdown import parse
from regdraft.workspace.store import Workspace
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


def test_an_english_type_of_several_words_is_named_by_its_last() -> None:
    # `3/2024/IWA is a Staff Rules: write “throughout this document”` for `throughout these Rules` (r26 sweep O 9a).
    assert _warned_en("Staff Rules", "throughout these Rules") == []
    [said] = _warned_en("Staff Rules", "throughout these Regulations")
    assert said.endswith("but the type of 02-QC/TU-EN is Staff Rules: write “throughout these Rules” (the word as "
                         "the amended text's type is)")
    assert _warned_en("Financial Regulation", "throughout this Regulation") == []

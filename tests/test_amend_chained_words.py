"""One change of words is one instruction, never two chained ones (r26 sweep M, defect 2).

`amend from-edits` of `hệ thống thông tin điện tử của Tỉnh ủy` made `Hệ thống thông tin điện tử của Đảng bộ tỉnh` (a
capital changed with the words) wrote `a) Thay thế cụm từ “hệ” bằng cụm từ “Hệ” …` and `b) Thay thế cụm từ “Hệ thống
thông tin điện tử của Tỉnh ủy” …`, a phrase the text in force holds only once a) is applied. Instructions apply one
after the other (docs/amendments.md), so `amend check` warns of such a pair instead of passing it silently.
"""

from __future__ import annotations

from regdraft.core.amend import load_amendment
from regdraft.core.amend.apply import apply
from regdraft.core.amend.chained import chained_words
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, FIXTURES, REPO_ROOT, SHIPPED_AMENDMENT, SHIPPED_REGULATION, Invoke, needs_corpus
from tests.test_amend_check_placeholders import HEAD, TAIL
from tests.test_amend_edits import body, reproduces
from tests.test_amend_edits_sweep_g import _law

SYSTEM = ("hệ thống thông tin điện tử của Tỉnh ủy", "Hệ thống thông tin điện tử của Đảng bộ tỉnh")


def _shipped_amended() -> str:
    """The shipped 01-QC/TU as the shipped amendment (05-QC/TU) leaves it: Điều 20a inserted."""
    source = REPO_ROOT / "amendments" / SHIPPED_AMENDMENT / "amendment.md"
    amendment = load_amendment(source.read_text(encoding="utf-8"), str(source), SHIPPED_AMENDMENT)
    return render(apply(parse(SHIPPED_REGULATION.read_text(encoding="utf-8"), "01-QC-TU.md"), amendment).regulation)


def test_a_phrase_changed_with_its_first_capital_is_one_instruction_on_the_shipped_text() -> None:
    old = _shipped_amended()
    # In Điều 20a (khoản 1 and khoản 3); khoản 5 Điều 14 holds the words too, left as they are.
    start, end = old.index("## Điều 20a."), old.index("## Điều 21.")
    assert old.count(SYSTEM[0]) == 3 and old[start:end].count(SYSTEM[0]) == 2
    new = old[:start] + old[start:end].replace(*SYSTEM) + old[end:]
    written = body(old, new)
    # Was: 1. Sửa đổi, bổ sung một số khoản của Điều 20a như sau: a) Thay thế cụm từ “hệ” bằng cụm từ “Hệ” tại khoản 1
    # và khoản 3; b) Thay thế cụm từ “Hệ thống thông tin điện tử của Tỉnh ủy” bằng cụm từ “…” tại khoản 1 và khoản 3.
    assert written.strip().endswith(
        "1\\. Thay thế cụm từ “hệ thống thông tin điện tử của Tỉnh ủy” bằng cụm từ “Hệ thống thông tin điện tử của "
        "Đảng bộ tỉnh” tại khoản 1 và khoản 3 Điều 20a."), written
    assert "“hệ”" not in written and "2\\." not in written
    reproduces(parse(old, "old.md"), parse(new, "edited.md"))


@needs_corpus
def test_a_phrase_changed_with_its_first_capital_is_one_instruction_in_luat_thanh_nien() -> None:
    old = _law(CORPUS / "luat-thanh-nien.txt")
    edit = ("vào hệ thống chỉ tiêu của Bộ, ngành", "vào Hệ thống chỉ tiêu của Bộ, cơ quan ngang Bộ")
    assert old.count(edit[0]) == 2
    new = old.replace(*edit)
    written = body(old, new)
    # Was: 1. Thay thế cụm từ “hệ thống chỉ tiêu của Bộ” bằng cụm từ “Hệ thống chỉ tiêu của Bộ” trong toàn bộ Luật.
    # 2. Thay thế cụm từ “Hệ thống chỉ tiêu của Bộ, ngành” bằng cụm từ “…” trong toàn bộ Luật.
    assert written.strip().endswith(
        "1\\. Thay thế cụm từ “hệ thống chỉ tiêu của Bộ, ngành” bằng cụm từ “Hệ thống chỉ tiêu của Bộ, cơ quan ngang "
        "Bộ” trong toàn bộ Luật."), written
    assert "2\\." not in written
    reproduces(parse(old, "old.md"), parse(new, "edited.md"))


MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")
CHAINED = """1\\. Thay thế cụm từ “Đảng bộ tỉnh” bằng cụm từ “Đảng bộ Tỉnh” tại Điều 1 và khoản 1 Điều 2.

2\\. Thay thế cụm từ “Ban Chấp hành Đảng bộ Tỉnh” bằng cụm từ “Ban Chấp hành khóa XV” tại Điều 1 và khoản 1 Điều 2."""


def _warned(instructions: str) -> list[str]:
    amendment = load_amendment(HEAD + instructions + TAIL, "amendments/x/amendment.md", "x")
    before = parse(MINI, "MINI-QC.md")
    return [f"{p.line}: {p.message}" for p in chained_words(before, apply(before, amendment), amendment)]


def test_amend_check_warns_of_a_phrase_that_stands_only_after_an_earlier_instruction(
        mini_workspace: Workspace, invoke: Invoke) -> None:
    mini_workspace.commit({"amendments/x/amendment.md": (HEAD + CHAINED + TAIL).encode("utf-8")}, "Hand-written")
    checked = invoke(mini_workspace, "amend", "check", "x")
    assert checked.exit_code == 0, checked.output  # applied in order, it does reach the text meant: a warning
    said = " ".join(checked.output.split())
    assert ("warning: amendments/x/amendment.md:13: instruction 2 (Thay thế cụm từ “Ban Chấp hành Đảng bộ Tỉnh” bằng "
            "cụm từ “Ban Chấp hành khóa XV” tại Điều 1 và khoản 1 Điều 2.) quotes “Ban Chấp hành Đảng bộ "
            "Tỉnh”, which Điều 1 and khoản 1 Điều 2 hold only once instruction 1 (line 11) has changed their words: "
            "instructions apply one after the other, but each should quote the text in force, as its readers have it. "
            "Make the two one instruction that quotes the words as they stand in the text in force.") in said, said


def test_only_a_phrase_an_earlier_instruction_put_in_is_warned_of() -> None:
    assert [w.split(" quotes ")[0] for w in _warned(CHAINED)] == [
        "13: instruction 2 (Thay thế cụm từ “Ban Chấp hành Đảng bộ Tỉnh” bằng cụm từ “Ban Chấp hành khóa XV” tại "
        "Điều 1 và khoản 1 Điều 2.)"]
    # Two changes of different words in one provision, neither quoting the other's: no warning.
    apart = ("1\\. Thay thế cụm từ “tập trung, thống nhất” bằng cụm từ “tập trung thống nhất” tại khoản 1 Điều 2.\n\n"
             "2\\. Thay thế cụm từ “Ban Chấp hành” bằng cụm từ “Ban Chấp hành khóa XV” tại khoản 1 Điều 2.")
    assert _warned(apart) == []
    # A phrase the text in force holds already where it is changed, not added to by the earlier one: no warning.
    again = ("1\\. Thay thế cụm từ “Đảng bộ tỉnh” bằng cụm từ “Đảng bộ tỉnh Điện Biên” tại Điều 1.\n\n"
             "2\\. Thay thế cụm từ “Ban Chấp hành” bằng cụm từ “Ban Chấp hành khóa XV” tại Điều 1.")
    assert _warned(again) == []


def _whole_text(articles: int, words: int) -> tuple[str, str]:
    """A regulation of `articles` articles each holding `words` words, and an amendment changing each word in the
    whole text, then one word the first instruction put in (`từb0`): one change per article and instruction."""
    front = MINI[:MINI.index("\n---\n", 4) + 5]
    text = front + "\nCăn cứ Điều lệ Đảng;\n\n" + "".join(
        f"## Điều {a}. Điều thứ {a}\n\nNội dung " + " ".join(f"từa{i}" for i in range(words)) + ".\n\n"
        for a in range(1, articles + 1))
    instructions = "\n\n".join(
        [f"{i + 1}\\. Thay thế cụm từ “từa{i}” bằng cụm từ “từb{i}” trong toàn bộ Quy chế." for i in range(words)]
        + [f"{words + 1}\\. Thay thế cụm từ “từb0” bằng cụm từ “từc0” trong toàn bộ Quy chế."])
    return text, HEAD + instructions + TAIL


def test_chained_words_are_found_in_work_in_proportion_to_the_changes() -> None:
    """An instruction on the whole text makes one change per provision; each change was compared with every earlier
    one (60 instructions over 200 articles: 4.35 million comparisons, `amend check` 79 s; r27 sweep W, defect 5)."""
    from functools import partial

    from tests import counting

    steps = {}
    for articles in (20, 40):
        text, document = _whole_text(articles, 8)
        amendment = load_amendment(document, "amendments/x/amendment.md", "x")
        before = parse(text, "MINI-QC.md")
        applied = apply(before, amendment)
        steps[articles], warned = counting.events(partial(chained_words, before, applied, amendment),
                                                  counting.in_module("core/amend/chained.py"))
        assert [(p.line, p.message.split(" quotes ")[1].split(" hold ")[0]) for p in warned] == [
            (27, "“từb0”, which " + " and ".join(f"Điều {a}" for a in range(1, articles + 1)))], warned
        replaced, _ = counting.events(partial(chained_words, before, applied, amendment), lambda frame, event: (
            event == "call" and frame.f_code.co_name == "replace" and frame.f_code.co_filename.endswith("phrases.py")))
        # Each change an article's later ones look past applied once to its two texts (title and text), for all of
        # them: instructions 1-7, as the eighth looks past them and the ninth stops at the first (was 58 an article).
        assert replaced == articles * 7 * 2, replaced
    # Twice the articles, twice the changes: about twice the work (four times before).
    assert steps[40] < 2.3 * steps[20], steps

"""Structural checks on a regulation tree (regdraft.core.validate): a unit left half-written is a problem."""

from __future__ import annotations

import pytest

from regdraft.core.errors import ParseError
from regdraft.core.markdown import parse
from regdraft.importer import import_file

from .conftest import CORPUS, FIXTURES, SHIPPED_ENGLISH, SHIPPED_REGULATION, needs_corpus

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def problems(text: str) -> list[str]:
    with pytest.raises(ParseError) as caught:
        parse(text, "edited.md")
    return [str(p) for p in caught.value.problems]


def line_of(text: str, line: str) -> int:
    return text.split("\n").index(line) + 1


def test_a_point_or_article_with_nothing_but_its_label_is_named_with_its_line() -> None:
    # `from-edits` wrote `Bổ sung điểm d … như sau: “d)”.` and `Bổ sung Điều 3a … như sau: “Điều 3a”.` for these.
    text = MINI.replace("c) Thiểu số phục tùng đa số.\n", "c) Thiểu số phục tùng đa số.\n\nd)\n").replace(
        "## Điều 4\n", "## Điều 3a.\n\n## Điều 4\n")
    assert problems(text) == [
        f"edited.md:{line_of(text, 'd)')}: Điểm d khoản 2 Điều 2 has no text; finish it or delete its label.",
        f"edited.md:{line_of(text, '## Điều 3a.')}: Điều 3a has no title, text or clauses; finish it or delete its "
        "label."]


def test_a_point_lettered_f_says_why_its_label_is_not_valid() -> None:
    # Word's list numbering letters points a, b, c, d, e, f; Vietnamese points run a, b, c, d, đ, e, g: `show`
    # says "'f' is not a point label" of the address, and `check` gives the same reason for the file.
    text = MINI.replace("c) Thiểu số phục tùng đa số.\n", "c) Thiểu số phục tùng đa số.\n\nf) Một điểm.\n")
    found = [p for p in problems(text) if "Điểm f" in p]
    assert found == [f"edited.md:{line_of(text, 'f) Một điểm.')}: Điểm f khoản 2 Điều 2 does not have a valid label: "
                     "'f' is not a point label (points are lettered as the Vietnamese alphabet runs: a, b, c, d, đ, "
                     "e, g, h ..., with no f, j, w or z)."]


def test_an_empty_clause_and_an_empty_point_of_an_article_are_named() -> None:
    text = MINI.replace("3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này.", "3\\.").replace(
        "Quy chế này có hiệu lực kể từ ngày ký.", "a) Quy chế này có hiệu lực kể từ ngày ký.\n\nb)")
    assert [p.split(": ", 1)[1] for p in problems(text)] == [
        "Khoản 3 Điều 2 has no text or points; finish it or delete its label.",
        "Điểm b Điều 4 has no text; finish it or delete its label."]


def test_units_whose_text_is_their_children_a_title_or_a_placeholder_are_complete() -> None:
    # An article with clauses and no text of its own, a clause with only points, an untitled article with text,
    # an article with only a title, and repealed placeholders.
    text = MINI.replace("2\\. Thực hiện nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách:\n", "2\\.\n")
    text = text.replace("3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này.", "3\\. (được bãi bỏ)")
    text = text.replace("## Điều 4\n", "## Điều 3a. (được bãi bỏ)\n\n## Điều 3b. Điều khoản chuyển tiếp\n\n## Điều 4\n")
    reg = parse(text, "edited.md")  # raises on any problem
    assert reg.find("d2.k2").unit.children and not reg.find("d2.k2").unit.text
    assert reg.find("d3a").unit.repealed and reg.find("d3b").unit.title == "Điều khoản chuyển tiếp"


@needs_corpus
@pytest.mark.parametrize("law", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_the_corpus_laws_have_no_half_written_unit(law: str) -> None:
    imported = import_file(CORPUS / law)
    parse(imported.text, law)  # raises on any problem, a half-written unit among them


def test_the_shipped_regulations_have_no_half_written_unit() -> None:
    for path in (SHIPPED_REGULATION, SHIPPED_ENGLISH):
        parse(path.read_bytes(), path.name)


def test_english_names_the_unit_in_english() -> None:
    english = SHIPPED_ENGLISH.read_text(encoding="utf-8")
    first = next(line for line in english.split("\n") if line.startswith("a) "))
    found = problems(english.replace(first, first + "\n\na1)", 1))
    assert [p.split(": ", 1)[1] for p in found] == [
        "Point a1 of clause 1 of Article 4 has no text; finish it or delete its label."]


@pytest.mark.parametrize(("old", "new", "line", "message"), [
    ("c) Thiểu số phục tùng đa số.\n", "c) Thiểu số phục tùng đa số.\n\nd) ;\n", "d) ;",
     "Điểm d khoản 2 Điều 2 has no text; finish it or delete its label."),
    ("3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này.", "3\\. .", "3\\. .",
     "Khoản 3 Điều 2 has no text or points; finish it or delete its label."),
    ("3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này.", "3\\. …", "3\\. …",
     "Khoản 3 Điều 2 has no text or points; finish it or delete its label."),
])
def test_a_point_or_clause_holding_only_punctuation_is_as_empty(old: str, new: str, line: str, message: str) -> None:
    # `b1) ;` kept the end of the item and nothing else: it was accepted, and `from-edits` quoted it.
    text = MINI.replace(old, new)
    assert problems(text) == [f"edited.md:{line_of(text, line)}: {message}"]


@needs_corpus
@pytest.mark.parametrize(("instruction", "quote", "message"), [
    ("Bổ sung điểm b1 vào sau điểm b khoản 1 Điều 28", "b1) ;", "Điểm b1 khoản 1 Điều 28 has no text"),
    ("Bổ sung khoản 5 vào sau khoản 4 Điều 28", "5\\. .", "Khoản 5 Điều 28 has no text or points"),
])
def test_an_amendment_inserting_punctuation_alone_is_refused_at_its_instruction(
        instruction: str, quote: str, message: str) -> None:
    from regdraft.core.amend import apply, load_amendment
    from regdraft.core.errors import AmendmentConflict
    from regdraft.core.markdown import read
    from regdraft.core.markdown_writer import render
    from tests.test_amend_headings import text

    law = read(render(import_file(CORPUS / "luat-giao-duc.txt").regulation), "luat-giao-duc.md").regulation
    source = text(f"1\\. {instruction} như sau:\n\n“{quote}”.").replace("regulation: 01-QC/TU", f"regulation: {law.id}")
    with pytest.raises(AmendmentConflict) as caught:
        apply(law, load_amendment(source, "amendments/t/amendment.md", "t"))
    assert [(p.line, message in p.message) for p in caught.value.problems] == [(11, True)]


def test_an_inserted_label_skipping_one_is_named_with_the_one_expected() -> None:
    """`Điều 3b` right after `Điều 3` passed the check, and an amendment inserting after Điều 3 then failed with
    "regdraft could not write instructions … please report this" (apply labels it 3a)."""
    text = MINI.replace("## Điều 4\n", "## Điều 3b. Điều chèn\n\nNội dung.\n\n## Điều 4\n").replace(
        "c) Thiểu số phục tùng đa số.\n", "c) Thiểu số phục tùng đa số.\n\nc2) Chèn.\n")
    assert [p.split(": ", 1)[1] for p in problems(text)] == [
        "Điểm c2 khoản 2 Điều 2 is out of sequence: expected điểm c1 after điểm c.",
        "Điều 3b is out of sequence: expected Điều 3a after Điều 3."]
    fine = MINI.replace("## Điều 4\n", "## Điều 3a. Một\n\nMột.\n\n## Điều 3b. Hai\n\nHai.\n\n## Điều 4\n").replace(
        "c) Thiểu số phục tùng đa số.\n", "c) Thiểu số phục tùng đa số.\n\nc1) Chèn.\n\nc2) Chèn nữa.\n")
    parse(fine, "edited.md")  # no problem


TRANSLATION = (FIXTURES / "export" / "63-2010-ND-CP-EN.md").read_text(encoding="utf-8")


def _articles_left_out(text: str, *labels: str) -> str:
    """`text` without the articles `labels` (each ends where the next heading starts)."""
    for label in labels:
        start = text.index(f"## Article {label}. ")
        end = text.index("\n#", start + 1) + 1
        text = text[:start] + text[end:]
    return text


def test_a_translation_may_hold_selected_articles_in_order() -> None:
    """Sweep r26/O 8: a translation of Chapter I and Articles 9 and 10 failed `check` with `Article 9 is out of
    sequence: expected Article 7 after Article 6`, and the translator wrote dummy `[Not yet translated.]` articles."""
    selected = _articles_left_out(TRANSLATION, "7", "8")
    parse(selected, "edited.md")  # no problem
    # Order and duplicates are still checked, and the clauses of an article it holds still run 1, 2, 3.
    swapped = selected.replace("## Article 9. ", "## Article 5x. ").replace("## Article 5. ", "## Article 9. ")
    swapped = swapped.replace("## Article 5x. ", "## Article 5. ")  # 1, 2, 3, 4, 9, 6, 5, 10
    keeps = "A translation may leave some out, but keeps its original's order."
    assert [p.split(": ", 1)[1] for p in problems(swapped)] == [
        f"Article 6 is out of order: it comes after Article 9. {keeps}",
        f"Article 5 is out of order: it comes after Article 6. {keeps}"]
    twice = selected.replace("## Article 10. ", "## Article 9. ")
    assert [p.split(": ", 1)[1] for p in problems(twice)] == [
        "Article 9 appears twice; each number may be used only once."]
    skipped = selected.replace("\n2\\. ", "\n3\\. ", 1)
    assert [p.split(": ", 1)[1] for p in problems(skipped)] == [
        "Clause 3 of Article 1 is out of sequence: expected clause 2 after clause 1."]


def test_a_text_that_is_no_translation_still_runs_without_gaps() -> None:
    original = _articles_left_out(TRANSLATION.replace("translation_of: 63/2010/NĐ-CP\n", ""), "7", "8")
    assert [p.split(": ", 1)[1] for p in problems(original)] == [
        "Article 9 is out of sequence: expected Article 7 after Article 6."]

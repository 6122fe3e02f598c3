"""A group of two or three units of one kind amended whole names them in its heading (sweep r25 G, no. 16 and 19).

Luật 57/2024, amending Luật Đấu thầu (its Điều 4), heads `16. Sửa đổi, bổ sung điểm b và điểm đ khoản 1 Điều 45 như
sau:` and `19. Sửa đổi, bổ sung khoản 4 và khoản 10 Điều 78 như sau:`, then `a) Sửa đổi, bổ sung điểm b như sau:` …;
`amend from-edits` wrote `Sửa đổi, bổ sung một số điểm của khoản 1 Điều 45 như sau:`. More than three, or a group that
also inserts or repeals, keeps `một số …`.
"""

from __future__ import annotations

from regdraft.core.amend import apply
from regdraft.core.amend.edits import instructions_from_edits
from regdraft.core.markdown import parse
from regdraft.importer import import_file
from regdraft.importer.amendment import import_amendment

from .conftest import SHARED, SHIPPED_ENGLISH, in_corpus, needs_corpus
from .test_amend_edits import ENGLISH, SHIPPED, SHIPPED_TEXT, body, reproduces

DAU_THAU = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023"
ENGLISH_TEXT = SHIPPED_ENGLISH.read_text(encoding="utf-8")


def _points_added(text: str, article: str, letters: str, added: str) -> str:
    """`text` with words added at the end of the points `letters` of khoản 1 of `article` (`## Điều 5.`)."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(article))
    for letter in letters:
        at = next(j for j in range(start, len(lines)) if lines[j].startswith(f"{letter}) "))
        lines[at] = lines[at][:-1] + added + lines[at][-1]
    return "\n".join(lines)


def _headings(written: str) -> list[str]:
    """The sentences of the instructions written, without their quotes."""
    return [line for line in written.split("\n") if line and not line.startswith("“")]


@needs_corpus
def test_luat_57_2024_instructions_16_and_19_are_generated_as_the_law_writes_them() -> None:
    imported = import_file(in_corpus(DAU_THAU / "base-22-2023-QH15.txt"), reg_id="22/2023/QH15")
    base = parse(imported.text, imported.regulation.source)
    real = import_amendment(DAU_THAU / "amending-57-2024-QH15.txt", "4", {"22/2023/QH15": base.meta}).amendment
    assert real is not None
    amended = apply(base, real).regulation
    generated = {ins.location: ins for ins in instructions_from_edits(base, amended).instructions}
    enacted = {ins.location: ins for ins in real.instructions}
    for n, heading in (("16", "Sửa đổi, bổ sung điểm b và điểm đ khoản 1 Điều 45 như sau:"),
                       ("19", "Sửa đổi, bổ sung khoản 4 và khoản 10 Điều 78 như sau:")):
        assert enacted[n].text == heading  # as the real law writes it
        assert generated[n].text == heading  # was `Sửa đổi, bổ sung một số điểm của khoản 1 Điều 45 như sau:`
        assert [(c.location, c.text) for c in generated[n].children] == [
            (c.location, c.text) for c in enacted[n].children]


def test_two_or_three_points_amended_are_named_and_four_are_some() -> None:
    added = "; báo cáo kết quả với Ban Chấp hành"
    two, three, four = (_points_added(SHIPPED_TEXT, "## Điều 5.", letters, added) for letters in ("ad", "adg", "adgk"))
    assert _headings(body(SHIPPED_TEXT, two)) == [
        "1\\. Sửa đổi, bổ sung điểm a và điểm d khoản 1 Điều 5 như sau:",
        "a) Sửa đổi, bổ sung điểm a như sau:", "b) Sửa đổi, bổ sung điểm d như sau:"]
    # Three as Luật 57/2024 names three (`Sửa đổi, bổ sung các điểm b, c và d khoản 1 như sau:`).
    assert _headings(body(SHIPPED_TEXT, three))[0] == "1\\. Sửa đổi, bổ sung các điểm a, d và g khoản 1 Điều 5 như sau:"
    assert _headings(body(SHIPPED_TEXT, four))[0] == "1\\. Sửa đổi, bổ sung một số điểm của khoản 1 Điều 5 như sau:"
    for edited in (two, three, four):
        reproduces(SHIPPED, parse(edited))


def test_english_names_them_as_its_grammar_reads_a_group() -> None:
    added = "; reports the results to the Executive Committee"
    two, three, four = (_points_added(ENGLISH_TEXT, "## Article 5.", letters, added)
                        for letters in ("ad", "adg", "adgk"))
    assert _headings(body(ENGLISH_TEXT, two)) == [
        "1\\. Points a and d of clause 1 of Article 5 are amended as follows:",
        "a) Point a is amended to read:", "b) Point d is amended to read:"]
    assert _headings(body(ENGLISH_TEXT, three))[0] == (
        "1\\. Points a, d and g of clause 1 of Article 5 are amended as follows:")
    assert _headings(body(ENGLISH_TEXT, four))[0] == "1\\. Some points of clause 1 of Article 5 are amended as follows:"
    for edited in (two, three, four):
        reproduces(ENGLISH, parse(edited))


def test_a_group_that_also_inserts_keeps_some() -> None:
    edited = _points_added(SHIPPED_TEXT, "## Điều 5.", "a", "; báo cáo kết quả với Ban Chấp hành").replace(
        "\n\n2\\. Thực hiện chế độ báo cáo", "\n\nl) Quyết định các việc khác.\n\n2\\. Thực hiện chế độ báo cáo", 1)
    assert _headings(body(SHIPPED_TEXT, edited))[:3] == [
        "1\\. Sửa đổi, bổ sung một số điểm của khoản 1 Điều 5 như sau:",
        "a) Sửa đổi, bổ sung điểm a như sau:", "b) Bổ sung điểm l vào sau điểm k như sau:"]
    reproduces(SHIPPED, parse(edited))

"""The regulation Markdown format: round trips, non-canonical input and structural errors."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from regdraft.core.blocks import body_blocks, heading_cuts, markdown_it_blocks
from regdraft.core.errors import ParseError
from regdraft.core.markdown import canonical, decode, parse, read, with_meta
from regdraft.core.markdown_writer import render, render_unit
from regdraft.core.model import Kind
from tests.conftest import FIXTURES, REPO_ROOT
from tests.strategies import regulations

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

SHIPPED = sorted((REPO_ROOT / "regulations").glob("*.md"))
FIXTURE_FILES = sorted(FIXTURES.glob("*.md")) + sorted((FIXTURES / "markdown").glob("*.md"))
CANONICAL_FILES = SHIPPED + FIXTURE_FILES


def _id(path: Path) -> str:
    return path.relative_to(REPO_ROOT).as_posix()


@pytest.mark.parametrize("path", CANONICAL_FILES, ids=_id)
def test_canonical_files_round_trip_byte_for_byte(path: Path) -> None:
    data = path.read_bytes()
    assert render(parse(data, path.name)).encode("utf-8") == data


def test_shipped_regulations_are_there() -> None:
    names = {p.name for p in SHIPPED}
    assert {"01-QC-TU.md", "01-QC-TU-EN.md"} <= names


def test_shipped_translation_has_the_same_structure() -> None:
    vi = parse((REPO_ROOT / "regulations" / "01-QC-TU.md").read_bytes())
    en = parse((REPO_ROOT / "regulations" / "01-QC-TU-EN.md").read_bytes())
    assert [str(loc.address) for loc in vi.walk()] == [str(loc.address) for loc in en.walk()]
    assert (vi.language, en.language) == ("vi", "en")


@PROPERTY
@given(regulations())
def test_parse_of_render_is_identity(reg: object) -> None:
    text = render(reg)  # type: ignore[arg-type]
    back = parse(text)
    assert back == reg
    assert render(back) == text


def _in_pieces(text: str) -> list[tuple[str, str, int]] | None:
    """The blocks of `text` read piece by piece between its `heading_cuts`, as the parse cache reads an edited
    text (None: a fence, read whole)."""
    lines = text.split("\n")
    cuts = heading_cuts(text, lines, 0)
    if cuts is None:
        return None
    starts = [0, *(at for at, _ in cuts)]
    ends = [*(at for at, _ in cuts), len(lines)]
    found: list[tuple[str, str, int]] = []
    for n, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if n:
            found.append(("heading", cuts[n - 1][1], start + 1))
            start += 1
        found.extend(body_blocks("\n".join(lines[start:end]), lines, start))
    return found


@PROPERTY
@given(regulations())
def test_fast_block_reader_equals_markdown_it(reg: object) -> None:
    text = render(reg)  # type: ignore[arg-type]
    lines = text.split("\n")
    assert list(body_blocks(text, lines, 0)) == list(markdown_it_blocks(text, lines, 0)) == _in_pieces(text)


TRICKY_BLOCKS = """Text

- a
- b

  continued

Next
1. one
2. two

Para
===

## Heading with closing #

> quote

    code

    more code

Wrapped\x20\x20
paragraph
| a | b |
|---|---|
| 1 | 2 |

[x]: http://example.org

2021.
\u00a0
Tab\tinside

1\\. ok

“2\\. Khoản trích dẫn.”

"Huân chương Sao vàng"

'Ngoặc đơn'

«Ngoặc kép»

<!-- đoạn cuối khoản 2 -->

<!-- chưa đóng

<div>khối HTML</div>

“

```
fenced

# not a heading
```
"""


def test_fast_block_reader_equals_markdown_it_on_tricky_blocks() -> None:
    lines = TRICKY_BLOCKS.split("\n")
    fast = list(body_blocks(TRICKY_BLOCKS, lines, 0))
    assert fast == list(markdown_it_blocks(TRICKY_BLOCKS, lines, 0))
    assert _in_pieces(TRICKY_BLOCKS) is None  # the fence: read whole
    without_fence = TRICKY_BLOCKS.split("```")[0]
    lines = without_fence.split("\n")
    assert list(body_blocks(without_fence, lines, 0)) == list(markdown_it_blocks(without_fence, lines, 0))
    assert _in_pieces(without_fence) == list(body_blocks(without_fence, lines, 0))


# Lines around dash lists that CommonMark reads differently inside and outside a list item.
LIST_LINES = ["- Đây là một ý;", "+ Ý cộng;", "* Ý sao;", "- 1. lồng", "- 2021.", "- (a) mở ngoặc", "- 3\\. khoản",
              "- “trích dẫn”;", "- \"ngoặc\"", "<!-- đoạn cuối khoản 1 -->", "“a) Điểm trích dẫn;", "- <!-- x -->",
              "-  hai dấu cách", "-\ttab", "- - -", "---", "-", "- ", "    mã hay đoạn", "  tiếp theo", "\tthụt tab",
              "Đoạn văn", "1\\. Khoản", "1. Danh sách số", "## Tiêu đề", "> trích", "", "", ""]


@PROPERTY
@given(st.lists(st.sampled_from(LIST_LINES), max_size=14))
@example(["- Đây là một ý;", "", "    mã hay đoạn"])  # the code line is the item's second paragraph
@example(["- 1. lồng"])
@example(["Đoạn văn", "- Đây là một ý;", "  + Ý cộng;", "    mã hay đoạn"])  # lists right under a paragraph
def test_fast_dash_items_equal_markdown_it(chosen: list[str]) -> None:
    """One-line dash items are read without markdown-it; whatever surrounds them, the blocks are the same (the
    `joined` and `interrupts` blocks too)."""
    text = "\n".join(chosen)
    lines = text.split("\n")
    assert list(body_blocks(text, lines, 0)) == list(markdown_it_blocks(text, lines, 0)) == _in_pieces(text)
    assert list(body_blocks(text, lines, 0, joins=True)) == list(markdown_it_blocks(text, lines, 0, joins=True))


def test_dash_items_are_read_with_their_lines() -> None:
    text = "Đoạn:\n\n- Ý một;\n- Ý hai;\n+ Ý cộng.\n\nSau."
    lines = text.split("\n")
    assert list(body_blocks(text, lines, 0)) == [("para", "Đoạn:", 1), ("para", "- Ý một;", 3),
                                                 ("para", "- Ý hai;", 4), ("para", "+ Ý cộng.", 5), ("para", "Sau.", 7)]


def test_link_reference_lines_are_kept_as_text() -> None:
    mini = (FIXTURES / "mini.md").read_text(encoding="utf-8")
    text = mini + "\n[1]: Ghi chú\n"
    reg = parse(text)
    assert reg.find("d4").unit.text[-1] == "[1]: Ghi chú"


MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _wrap(text: str) -> str:
    """Break every long paragraph line after its fifth word, as an editor might."""
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        if len(words) > 8 and not line.startswith(("#", "-", "---")) and ":" not in words[0]:
            out.append(" ".join(words[:5]) + "\n" + " ".join(words[5:]))
        else:
            out.append(line)
    return "\n".join(out)


NON_CANONICAL: dict[str, Callable[[str], str]] = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr": lambda t: t.replace("\n", "\r"),
    "nfd": _nfd,
    "bom": lambda t: "\ufeff" + t,
    "blank lines": lambda t: t.replace("\n\n", "\n\n\n\n"),
    "trailing spaces": lambda t: t.replace("\n", "   \n"),
    "no final newline": lambda t: t.rstrip("\n"),
    "extra final newlines": lambda t: t + "\n\n\n",
    "wrapped paragraphs": _wrap,
    "unescaped clauses": lambda t: t.replace("\\. ", ". "),
    "deeper headings": lambda t: t.replace("\n## ", "\n#### "),
    "all at once": lambda t: "\ufeff" + _nfd(_wrap(t.replace("\\. ", ". "))).replace("\n", "  \r\n"),
}


@pytest.mark.parametrize("change", list(NON_CANONICAL), ids=list(NON_CANONICAL))
@pytest.mark.parametrize("path", [FIXTURES / "mini.md", *[p for p in SHIPPED if p.name == "01-QC-TU.md"]],
                         ids=_id)
def test_non_canonical_input_parses_to_the_canonical_tree(path: Path, change: str) -> None:
    text = path.read_text(encoding="utf-8")
    variant = NON_CANONICAL[change](text)
    assert variant != text
    assert parse(variant) == parse(text)
    assert canonical(variant) == text
    assert canonical(variant.encode("utf-8")) == text


def test_ordered_list_clauses_keep_their_numbers() -> None:
    text = MINI.replace("1\\. Bảo đảm", "7. Bảo đảm").replace("2\\. Thực hiện", "9. Thực hiện")
    with pytest.raises(ParseError) as info:
        parse(text, "x.md")
    # the labels the drafter wrote are kept (and so reported), never renumbered 1, 2
    assert "Khoản 7" in info.value.report()


def test_dash_and_plus_items_stay_text_of_their_unit() -> None:
    reg = parse(MINI)
    clause = reg.find("d3.k1").unit
    assert clause.text == ("Ban Chấp hành họp thường lệ 3 tháng một lần:", "- Hội nghị thường lệ;",
                           "- Hội nghị bất thường.")
    nested = MINI.replace("- Hội nghị bất thường.", "- Hội nghị bất thường:\n  + Do Ban Thường vụ triệu tập.")
    reg = parse(nested)
    assert reg.find("d3.k1").unit.text[-1] == "+ Do Ban Thường vụ triệu tập."
    assert render(reg) == nested


def test_tree_shape_of_the_mini_fixture() -> None:
    reg = parse(MINI, "mini.md")
    assert reg.id == "MINI-QC" and reg.language == "vi"
    assert reg.preamble == ("Căn cứ Điều lệ Đảng;",)
    assert [str(loc.address) for loc in reg.articles()] == ["d1", "d2", "d3", "d4"]
    assert reg.find("d4").unit.title is None
    assert reg.find("d2.k2.b").unit.text == ("Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy;",)
    assert reg.find("d2.k2.c").unit.line == 31


def test_point_dd_and_suffixed_labels_in_both_languages() -> None:
    vi = MINI.replace("c) Thiểu số phục tùng đa số.",
                      "c) Thiểu số phục tùng đa số;\n\nd) Điểm d;\n\nd1) Điểm chèn;\n\nđ) Điểm đ.")
    vi = vi.replace("## Điều 4\n", "## Điều 3a. Điều chèn\n\n## Điều 4\n")
    reg = parse(vi)
    assert [c.label for c in reg.find("d2.k2").unit.children] == ["a", "b", "c", "d", "d1", "đ"]
    assert reg.find("d2.k2.dd").unit.text == ("Điểm đ.",)
    assert reg.find("d3a").unit.title == "Điều chèn"
    assert render(reg) == vi
    en = vi.replace("language: vi", "language: en").replace("Chương", "Chapter").replace("Điều ", "Article ")
    en = en.replace("đ) Điểm đ.", "dd) Điểm đ.")
    reg_en = parse(en)
    assert reg_en.find("d2.k2.dd").unit.label == "đ"
    assert render(reg_en) == en


def test_repealed_placeholders() -> None:
    text = MINI.replace("## Điều 4\n\nQuy chế này có hiệu lực kể từ ngày ký.", "## Điều 4. (được bãi bỏ)")
    text = text.replace("b) Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy;", "b) (được bãi bỏ)")
    reg = parse(text)
    assert reg.find("d4").unit.repealed and reg.find("d4").unit.title is None
    assert reg.find("d2.k2.b").unit.repealed
    assert render(reg) == text


def test_render_unit_and_with_meta() -> None:
    reg = parse(MINI)
    assert render_unit(reg.find("d2.k2").unit, "vi").startswith("2\\. Thực hiện")
    changed = with_meta(reg, title="Tên mới")
    assert changed.title == "Tên mới" and parse(render(changed)).title == "Tên mới"


def test_decode_normalises() -> None:
    assert decode("\ufeffa\r\nb\rc") == "a\nb\nc"
    assert decode(_nfd("Điều").encode("utf-8")) == "Điều"


FM = "---\nid: X\ntype: Quy chế\ntitle: T\nlanguage: vi\nissuer: I\nsigned: 2021-01-09\n---\n\n"


def _problems(text: str | bytes) -> list[tuple[int, str]]:
    with pytest.raises(ParseError) as info:
        parse(text, "f.md")
    assert info.value.problems, "a ParseError must carry its problems"
    assert all(p.source == "f.md" for p in info.value.problems)
    return [(p.line, p.message) for p in info.value.problems]


STRUCTURAL_ERRORS = {
    "clause outside an article": (
        FM + "1\\. Văn bản.\n\n# Chương I. A\n\n## Điều 1. A\n", 10, "Khoản 1 is outside any article"),
    "duplicate article number": (
        FM + "# Chương I. A\n\n## Điều 1. A\n\n## Điều 1. B\n\n## Điều 2\n", 14, "Điều 1 appears twice"),
    "point out of sequence": (
        FM + "# Chương I. A\n\n## Điều 1. A\n\n1\\. X:\n\na) Y;\n\nc) Z.\n", 18,
        "Điểm c khoản 1 Điều 1 is out of sequence: expected điểm b"),
    "inserted point not after its base": (
        FM + "# Chương I. A\n\n## Điều 1. A\n\n1\\. X:\n\na) Y;\n\nb) Y;\n\nd1) Z.\n", 20,
        "Điểm d1 khoản 1 Điều 1 is out of place"),
    "article under no chapter": (
        FM + "## Điều 1. A\n\n# Chương I. A\n\n## Điều 2. B\n", 10, "Điều 1 is not inside any chapter"),
    "sections out of sequence with no chapter": (
        FM + "# Mục 1. X\n\n## Điều 1\n\n# Mục 3. Y\n\n## Điều 2\n", 14, "Mục 3 is out of sequence"),
    "unclosed front matter": ("---\nid: X\ntitle: T\n\n## Điều 1\n", 1, "never closed"),
    "invalid YAML": ("---\nid: X\ntitle: [unclosed\nlanguage: vi\n---\n\n## Điều 1\n", 4, "not valid YAML"),
    "front matter not a mapping": ("---\n- a\n- b\n---\n\n## Điều 1\n", 2, "must be YAML keys"),
    "missing key": (FM.replace("issuer: I\n", ""), 1, "lacks the required key 'issuer'"),
    "bad language": (FM.replace("language: vi", "language: fr"), 1, "use vi or en"),
    "heading with no number": (FM + "# Chương I. A\n\n## Điều 1. A\n\n## Điều\n", 14, "has no number"),
    "heading with a bad number": (FM + "# Chương I. A\n\n## Điều x. A\n", 12, "no valid Điều number ('x')"),
    "heading that is not a unit": (FM + "# Chương I. A\n\n## Ghi chú\n", 12, "is not a unit heading"),
    "article heading without a period": (
        FM + "# Chương I. A\n\n## Điều 1 Phạm vi\n", 12,
        "The heading 'Điều 1 Phạm vi' needs a period after its number: write 'Điều 1. Phạm vi'."),
    "article numbers skip": (FM + "# Chương I. A\n\n## Điều 1\n\n## Điều 3\n", 14, "expected Điều 2 after Điều 1"),
    "chapter numbers skip": (FM + "# Chương II. A\n\n## Điều 1\n", 10, "expected Chương I first"),
}


@pytest.mark.parametrize("case", list(STRUCTURAL_ERRORS), ids=list(STRUCTURAL_ERRORS))
def test_structural_error_is_reported_with_its_line(case: str) -> None:
    text, line, fragment = STRUCTURAL_ERRORS[case]
    problems = _problems(text)
    assert any(at == line and fragment in message for at, message in problems), problems


def test_a_heading_without_a_period_is_one_problem_not_one_per_clause() -> None:
    """`Điều 2 Nguyên tắc` (no period after the number) is named as such, and the clauses under it do
    not each say they stand outside any article; nor does the chapter heading's own slip spill."""
    text = (FM + "# Chương I. A\n\n## Điều 1. A\n\nVăn bản.\n\n## Điều 2 Nguyên tắc\n\n1\\. X.\n\n2\\. Y.\n\n"
            "# Chương II NHỮNG QUY ĐỊNH KHÁC\n\n## Điều 3. C\n\nZ.\n")
    assert _problems(text) == [
        (16, "The heading 'Điều 2 Nguyên tắc' needs a period after its number: write 'Điều 2. Nguyên tắc'."),
        (22, "The heading 'Chương II NHỮNG QUY ĐỊNH KHÁC' needs a period after its number: write "
             "'Chương II. NHỮNG QUY ĐỊNH KHÁC'.")]
    english = FM.replace("language: vi", "language: en") + "# Chapter I. A\n\n## Article 1 Scope\n\n1\\. X.\n"
    assert _problems(english) == [(12, "The heading 'Article 1 Scope' needs a period after its number: write "
                                       "'Article 1. Scope'.")]


def test_all_errors_are_reported_in_one_run_sorted_by_line() -> None:
    text = (FM + "1\\. Văn bản.\n\n## Điều 1. A\n\n# Chương I. A\n\n## Điều 2. A\n\n## Điều 2. B\n\n"
            "1\\. X:\n\na) Y;\n\nc) Z.\n\n## Điều\n")
    problems = _problems(text)
    assert [line for line, _ in problems] == [10, 12, 18, 24, 26]
    with pytest.raises(ParseError) as info:
        parse(text, "f.md")
    report = info.value.report()
    assert report.splitlines()[0] == "f.md has 5 problems:"
    assert "f.md:24: Điểm c khoản 1 Điều 2 is out of sequence" in report


def test_a_broken_heading_does_not_cascade_into_the_previous_article() -> None:
    text = FM + "# Chương I. A\n\n## Điều 1. A\n\n1\\. X.\n\n## Điều\n\n1\\. Y.\n\n## Điều 2. B\n"
    assert len(_problems(text)) == 1


@pytest.mark.parametrize(("data", "fragment"), [
    (b"", "does not start with front matter"),
    (b"# README\n\nSome text\n\n1. step\n", "does not start with front matter"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"---\nid: X\n---\n\xff\xfe bad", "not UTF-8"),
])
def test_bad_input_is_one_clear_problem(data: bytes, fragment: str) -> None:
    problems = _problems(data)
    assert len(problems) == 1 and fragment in problems[0][1]


def test_non_utf8_names_the_line() -> None:
    assert _problems(b"---\nid: X\n---\n\xff\xfe bad")[0][0] == 4


def test_english_error_messages() -> None:
    text = (FM.replace("language: vi", "language: en")
            + "# Chapter I. A\n\n## Article 1. A\n\n1\\. X:\n\na) Y;\n\nc) Z.\n")
    (line, message), = _problems(text)
    assert line == 18 and message.startswith("Point c of clause 1 of Article 1 is out of sequence")


def test_kinds_are_decided_by_keyword_not_heading_level() -> None:
    text = MINI.replace("## Điều 3.", "# Điều 3.")
    reg = parse(text)
    assert reg.find("d3").ancestors[0].kind is Kind.CHAPTER
    assert render(reg) == MINI


def test_shipped_texts_are_read_without_markdown_it() -> None:
    """Their closing-text markers (`<!-- đoạn cuối … -->`) and quoted provisions (`“2\\. …`) are
    one-line paragraphs the fast path reads: no markdown-it import (about 25 ms of a run)."""
    regulation = REPO_ROOT / "regulations" / "01-QC-TU.md"
    amendment = REPO_ROOT / "amendments" / "qc-sua-doi-2025" / "amendment.md"
    assert "<!-- đoạn cuối" in regulation.read_text(encoding="utf-8")
    assert "\n“" in amendment.read_text(encoding="utf-8")
    script = ("import sys\nfrom regdraft.core.markdown import read\n"
              "from regdraft.core.amend.document import read_amendment\n"
              f"reading = read(open({str(regulation)!r}, 'rb').read(), 'r.md')\n"
              f"doc, problems = read_amendment(open({str(amendment)!r}, 'rb').read(), 'a.md', 'qc-sua-doi-2025')\n"
              "assert not reading.problems and doc is not None and not problems, (reading.problems, problems)\n"
              "print('markdown_it' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    for path in (regulation, amendment):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        assert list(body_blocks(text, lines, 0)) == list(markdown_it_blocks(text, lines, 0)) == _in_pieces(text)


def test_paragraphs_typed_as_a_point_or_a_heading_are_read_as_text_with_a_warning() -> None:
    """`a. …` for `a) …`, and a heading pasted without its `##` (`**Điều 2. B**`, `CHƯƠNG II. B`): the
    text is kept where it stands, and a warning says how it was read and how to write it."""
    text = (FM + "# Chương I. A\n\n## Điều 1. A\n\n1\\. X:\n\na. Y;\n\n**Điều 2. B**\n\nCHƯƠNG II. C\n\n"
            "Điều 5 quy định như sau. Điều kiện: đủ.\n")
    reading = read(text, "f.md")
    assert reading.problems == ()
    assert [(w.line, w.message) for w in reading.warnings] == [
        (16, "The paragraph 'a. Y;' looks like a point typed with 'a.'; it is read as text of khoản 1 Điều 1. "
             "If it is a point, write 'a) …'."),
        (18, "The paragraph '**Điều 2. B**' looks like a heading; it is read as text of khoản 1 Điều 1. If it "
             "starts a unit, write it as a heading: '## Điều 2. …'."),
        (20, "The paragraph 'CHƯƠNG II. C' looks like a heading; it is read as text of khoản 1 Điều 1. If it "
             "starts a unit, write it as a heading: '# Chương II. …'.")]
    assert all(w.warning for w in reading.warnings)
    clause = reading.regulation.units[0].children[0].children[0]
    assert clause.text == ("X:", "a. Y;", "**Điều 2. B**", "CHƯƠNG II. C", "Điều 5 quy định như sau. Điều kiện: đủ.")


@pytest.mark.parametrize("item", ["- > #", "- > Nội dung trích dẫn", "+ > #"])
def test_a_dash_item_holding_a_quote_is_one_line_of_the_text(item: str) -> None:
    """`- > text`: the item is kept as typed, and the quote inside it is not read a second time."""
    text = (FIXTURES / "mini.md").read_text(encoding="utf-8").rstrip("\n") + f"\n\n{item}\n"
    reg = parse(text, "regulations/MINI-QC.md")
    last = [u for u in reg.walk() if u.unit.kind is Kind.ARTICLE][-1].unit
    assert [line for line in last.text if ">" in line] == [item]
    assert parse(render(reg), "regulations/MINI-QC.md") == reg

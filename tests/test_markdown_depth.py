"""Never lose content: deep or odd nesting is read in full or refused with its line, and fmt checks itself."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from regdraft.core.blocks import MAX_NESTING
from regdraft.core.errors import ParseError
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Regulation
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

HEAD = ("---\nid: X/1\ntype: Quy chế\ntitle: Quy chế X\nlanguage: vi\nissuer: Tỉnh ủy\nsigned: 2021-01-09\n---\n\n"
        "## Điều 1. Phạm vi\n\n")
WORD = re.compile(r"w\d+x")


def nested_list(depth: int, marker: str = "-") -> str:
    # Each item ends with `;`: a list right under a line that ends mid-sentence is a problem (a wrapped sentence).
    return "".join("  " * i + f"{marker} mục w{i}x;\n" for i in range(depth))


def test_a_list_as_deep_as_the_limit_is_read_in_full() -> None:
    reg = parse(HEAD + nested_list(MAX_NESTING) + "\nĐoạn cuối w9999x.\n")
    out = render(reg)
    assert sorted(WORD.findall(out)) == sorted([f"w{i}x" for i in range(MAX_NESTING)] + ["w9999x"])


def test_a_deeper_list_is_refused_with_its_line_not_cut() -> None:
    text = HEAD + nested_list(2000) + "\nĐoạn cuối.\n"
    try:
        parse(text, "regulations/X-1.md")
    except ParseError as exc:
        [problem] = [p for p in exc.problems if "nest more than" in p.message]
        assert problem.source == "regulations/X-1.md"
        assert 11 <= problem.line <= 11 + MAX_NESTING + 1
    else:
        raise AssertionError("a 2,000-deep list was read although markdown-it cannot read it")


def test_deep_block_quotes_are_refused_too() -> None:
    text = HEAD + "\n".join(">" * d + f" trích w{d}x" for d in range(1, 200)) + "\n"
    try:
        reg = parse(text)
    except ParseError as exc:
        assert any("nest more than" in p.message for p in exc.problems)
    else:
        assert len(WORD.findall(render(reg))) == 199


# -- the property: whatever the nesting, every word is kept or the file is refused ---------------

ITEM = st.tuples(st.integers(0, 60), st.sampled_from(["-", "+", "*", "1.", "2)", ">"]))


@st.composite
def odd_bodies(draw: st.DrawFn) -> str:
    items = draw(st.lists(ITEM, min_size=1, max_size=70))
    lines: list[str] = []
    for n, (depth, marker) in enumerate(items):
        indent = " " * draw(st.sampled_from([2, 3, 4])) * depth if marker != ">" else ""
        prefix = ">" * (depth + 1) + " " if marker == ">" else f"{marker} "
        lines.append(f"{indent}{prefix}mục w{n}x")
        if draw(st.booleans()) and draw(st.booleans()):
            lines.append("")
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(odd_bodies())
# Drawn once (newcomer run): an indented code block under a list lost its indent, so `* …` was written back
# as a dash item and `1. …` as a clause; the clause's first paragraph as a code block likewise.
@example("- mục w0x\n- mục w1x\n- mục w2x\n- mục w3x\n\n      * mục w4x\n")
@example("- mục w0x\n\n      1. mục w1x\n")
@example("- mục w0x\n\n      2) mục w1x\n")
@example("- mục w0x\n\n      # mục w1x\n")
@example("1. mục w0x\n2.\n\n       * mục w1x\n")
# Drawn twice (a fixer's run, r24): after a plus item, written indented (`  + …`), an indented code block read as a
# nested list item, or as a problem.
@example("- mục w0x\n- mục w1x\n- mục w2x\n- mục w3x\n- mục w4x\n> mục w5x\n+ mục w6x\n\n      - mục w7x\n")
@example("- mục w0x\n- mục w1x\n- mục w2x\n- mục w3x\n- mục w4x\n> mục w5x\n+ mục w6x\n\n      - mục w7x\n"
         "        - mục w8x\n")
def test_parsing_keeps_every_word_or_refuses(body: str) -> None:
    text = HEAD + body
    try:
        reg = parse(text)
    except ParseError:
        return  # refused with problems: nothing is written, nothing is lost
    out = render(reg)
    assert sorted(WORD.findall(out)) == sorted(WORD.findall(body))
    assert parse(out) == reg


# -- the commands ---------------------------------------------------------------------------------


def test_check_names_the_line_and_fmt_leaves_the_file(mini_workspace: Workspace, invoke: Invoke) -> None:
    path = mini_workspace.root / "regulations" / "MINI-QC.md"
    original = path.read_text(encoding="utf-8")
    deep = original.rstrip("\n") + "\n\n" + nested_list(2000) + "\nĐoạn cuối.\n"
    path.write_text(deep, encoding="utf-8")
    checked = invoke(mini_workspace, "check")
    assert checked.exit_code == 1 and "nest more than" in checked.output
    assert re.search(r"regulations/MINI-QC\.md:\d+: .*nest more than", checked.output)
    formatted = invoke(mini_workspace, "fmt")
    assert formatted.exit_code == 1 and "Traceback" not in formatted.output
    assert path.read_text(encoding="utf-8") == deep


def test_fmt_refuses_a_canonical_form_that_reads_back_differently(mini_workspace: Workspace,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.workspace import api

    path = mini_workspace.root / "regulations" / "MINI-QC.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")  # not canonical
    untouched = path.read_bytes()
    head = mini_workspace.repo.head.commit.hexsha

    def lossy(reg: Regulation) -> str:
        return render(reg).replace("\n\n", "\n\nw0x\n\n", 1)  # a renderer that gets something wrong

    monkeypatch.setattr(api, "render", lossy)
    result = api.format_files(mini_workspace, [], check_only=False)
    assert result.changed == [] and "would not read back as the same provisions" in str(result.problems[0])
    assert path.read_bytes() == untouched and mini_workspace.repo.head.commit.hexsha == head
    # The provision that reads otherwise is named, at its line (r40 misc40 2: the file's line 1, and no provision).
    def into_article_2(reg: Regulation) -> str:
        return render(reg).replace("## Điều 2. Nguyên tắc làm việc\n\n", "## Điều 2. Nguyên tắc làm việc\n\nw0x\n\n", 1)

    monkeypatch.setattr(api, "render", into_article_2)
    problem = api.format_files(mini_workspace, [], check_only=False).problems[0]
    line = next(n for n, text in enumerate(untouched.decode("utf-8").split("\n"), 1) if text.startswith("## Điều 2."))
    assert (problem.line, problem.message.split(", so fmt")[0]) == (
        line, "the canonical form of this file would not read back as the same provisions (a paragraph “w0x” is read "
              "back into Điều 2)"), problem

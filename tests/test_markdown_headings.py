"""Headings ending in `#`: read as CommonMark reads them, written back so nothing is lost.

CommonMark drops a heading's closing sequence (`## Title ##`: `#`s after a space or tab at the
end of the line), and only that. A title that ends in such `#`s must be written with a closing
sequence of its own, or the next reading loses them; `fmt` must never change a title.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regdraft.core.amend import load_amendment, render_amendment
from regdraft.core.blocks import block_parser, body_blocks, markdown_it_blocks
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind, Regulation, map_units
from tests.conftest import FIXTURES
from tests.strategies import titles

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")
AMENDMENT = (FIXTURES / "comments" / "amendment-1.md").read_text(encoding="utf-8")
SOURCE = "regulations/MINI-QC.md"

# The endings that reach CommonMark's corners: `#`, spaces and tabs, an escaped `\#`, a lone `\`.
TAILS = st.lists(st.sampled_from(["#", " ", "\t", "\\#", "\\", "##", " #"]), min_size=1, max_size=6).map("".join)


def _with_heading(line: str) -> str:
    """The mini regulation with Điều 1's heading line replaced by `line`."""
    old = "## Điều 1. Phạm vi điều chỉnh\n"
    assert old in MINI
    return MINI.replace(old, line + "\n", 1)


def _commonmark_title(line: str) -> str:
    """Điều 1's title as markdown-it itself reads the heading line (the reference reading)."""
    tokens = block_parser().parse(line)
    assert tokens[0].type == "heading_open"
    content = " ".join(part.strip() for part in tokens[1].content.split("\n"))
    return content.removeprefix("Điều 1.").strip()


def _title(reg: Regulation) -> str | None:
    return reg.find("d1").unit.title


def test_a_heading_ending_in_hash_space_hash_round_trips() -> None:
    # Found by Hypothesis: the fast block reader kept ` #` that markdown-it drops as a closing
    # sequence, so the title changed on the second reading ("…chỉnh# #", then "…chỉnh#").
    text = _with_heading("### Điều 1. Phạm vi điều chỉnh# # ")
    reg = parse(text, SOURCE)
    assert _title(reg) == "Phạm vi điều chỉnh#"
    written = render(reg)
    assert "## Điều 1. Phạm vi điều chỉnh#\n" in written
    assert parse(written, SOURCE) == reg
    assert render(parse(written, SOURCE)) == written


def test_a_title_ending_in_a_spaced_hash_is_written_with_a_closing_sequence() -> None:
    reg = parse(_with_heading("## Điều 1. Lớp C # #"), SOURCE)
    assert _title(reg) == "Lớp C #"
    written = render(reg)
    assert "## Điều 1. Lớp C # #\n" in written
    assert _title(parse(written, SOURCE)) == "Lớp C #"


def test_a_closing_sequence_is_markdown_not_title() -> None:
    for tail in (" ##", "\t#  ", " #"):
        line = "## Điều 1. Phạm vi điều chỉnh" + tail
        reg = parse(_with_heading(line), SOURCE)
        assert _title(reg) == "Phạm vi điều chỉnh", line
        assert render(reg) == MINI


def test_an_escaped_hash_stays_as_written() -> None:
    reg = parse(_with_heading("## Điều 1. Phạm vi \\#"), SOURCE)
    assert _title(reg) == "Phạm vi \\#"
    assert "## Điều 1. Phạm vi \\#\n" in render(reg)


@PROPERTY
@given(titles(), TAILS, st.sampled_from(["#", "##", "###"]))
def test_any_heading_line_reads_as_commonmark_and_fmt_keeps_it(words: str, tail: str, level: str) -> None:
    line = f"{level} Điều 1. {words}{tail}"
    text = _with_heading(line)
    lines = text.split("\n")
    assert list(body_blocks(text, lines, 0)) == list(markdown_it_blocks(text, lines, 0))
    reg = parse(text, SOURCE)
    assert (_title(reg) or "") == _commonmark_title(line)
    written = render(reg)
    again = parse(written, SOURCE)
    assert again == reg
    assert render(again) == written


@PROPERTY
@given(titles(), TAILS)
def test_any_title_survives_writing_and_reading(words: str, tail: str) -> None:
    title = (words + tail).strip()
    reg = parse(MINI, SOURCE)
    found = reg.find("d1")
    units, _ = map_units(reg.units, found.address, lambda unit: (replace(unit, title=title),))
    changed = reg.with_units(units)
    assert _title(parse(render(changed), SOURCE)) == title


@PROPERTY
@given(titles(), TAILS)
def test_an_amending_documents_article_title_survives_writing_and_reading(words: str, tail: str) -> None:
    title = (words + tail).strip()
    amendment = load_amendment(AMENDMENT, "amendments/x/amendment.md", "x")
    closing = replace(amendment.closing[0], title=title)
    changed = replace(amendment, closing=(closing, *amendment.closing[1:]))
    back = load_amendment(render_amendment(changed), "amendments/x/amendment.md", "x")
    assert back.closing[0].title == title


def test_a_title_of_hashes_alone_is_kept() -> None:
    reg = parse(_with_heading("## Điều 1. # #"), SOURCE)
    assert _title(reg) == "#"
    assert reg.find("d1").unit.kind is Kind.ARTICLE
    assert _title(parse(render(reg), SOURCE)) == "#"

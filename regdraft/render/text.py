"""Plain-text rendering of units for the terminal."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from regdraft.core.inline import without_escapes
from regdraft.core.markdown_writer import heading_text, unit_label_text
from regdraft.core.model import HEADING_KINDS, REPEALED_TEXT, Kind, Located, Unit


def heading_path(located: Located, language: str) -> str:
    """The headings above a unit, outermost first: `Chương II › Mục 1 › Điều 5`."""
    names = [heading_text(u, language).split(". ")[0] for u in located.ancestors]
    return " › ".join(names)


def plain(unit: Unit, language: str, indent: str = "") -> str:
    """A unit and its children as indented plain text."""
    return "\n".join(_lines(unit, language, indent))


def _lines(unit: Unit, language: str, indent: str) -> Iterator[str]:
    # A Markdown backslash escape (`b\)` quoted in a clause, so that it is not read as a point) or character reference
    # (`1&#46;`, a number that is no clause): the reader sees `b)`, `1.`.
    return (without_escapes(line) for line in _marked_lines(unit, language, indent))


def _marked_lines(unit: Unit, language: str, indent: str) -> Iterator[str]:
    if unit.kind in HEADING_KINDS:
        yield heading_text(unit, language)
        yield from (_indented(indent + "  ", t) for t in unit.text)
        child_indent = indent + "  " if unit.kind is Kind.ARTICLE else indent
        for child in unit.children:
            yield from _marked_lines(child, language, child_indent)
        yield from (_indented(indent + "  ", t) for t in unit.closing)
        return
    label = unit_label_text(unit, language)
    if unit.repealed:
        yield f"{indent}{label} {REPEALED_TEXT[language]}"
        return
    text: Sequence[str] = unit.text or ("",)
    yield f"{indent}{label} {text[0]}".rstrip()
    yield from (_indented(f"{indent}   ", t) for t in text[1:])
    for child in unit.children:
        yield from _marked_lines(child, language, indent + "   ")
    yield from (_indented(f"{indent}   ", t) for t in unit.closing)


def _indented(prefix: str, paragraph: str) -> str:
    """A paragraph with every line indented: each row of a table, not its first alone."""
    return "\n".join(prefix + line for line in paragraph.split("\n"))

"""Write the regulation Markdown format (docs/format.md) in its canonical form.

`render(Regulation) -> str` and `render_unit(unit, language)`, and the printed labels other
stages share (`heading_text`: `Điều 5. Title`; `unit_label_text`: `2.`, `b)`). Reading the
format is `regdraft.core.markdown`.

Post-conditions of `render`:
1. The output is canonical: `render(parse(render(tree))) == render(tree)`.
2. For a canonical file, `render(parse(text)) == text` byte for byte.
3. `parse(render(tree)) == tree` for every tree `parse` can produce.
"""

from __future__ import annotations

from collections.abc import Sequence

from regdraft.core.blocks import atx_heading
from regdraft.core.model import HEADING_KINDS, REPEALED_TEXT, Kind, Regulation, Unit, noun, part_label_text
from regdraft.core.parts import CONTINUED_MARKER, closing_marker, looks_closing
from regdraft.core.patterns import lazy

_NUMBERED = lazy(r"^(\d+[a-z]?)\.(?=[ \t]|$)")
_ESCAPED_NUMBER = lazy(r"^(\d+[a-z]?)\\\.")


def numbered_escaped(paragraph: str) -> str:
    """A paragraph of free text (an appendix's) as the format writes it: `1. …` as `1\\. …`, not a list."""
    return _NUMBERED.sub(r"\1\\.", paragraph, count=1)


def numbered_read(paragraph: str) -> str:
    """`numbered_escaped` undone: `1\\. …` (and a list item read as one) is the line `1. …` of a form."""
    return _ESCAPED_NUMBER.sub(r"\1.", paragraph, count=1)


def _dash_content(content: str) -> bool:
    return content.startswith("- ") or content.startswith("+ ")


def list_line(item: str) -> str:
    """A dash item as the format writes it (docs/format.md): `- …` at the margin, a plus item always `  + …`,
    the first of a list as well as the others."""
    return "  " + item if item.startswith("+ ") else item


def render(reg: Regulation) -> str:
    """Write a regulation in the canonical file format."""
    out: list[str] = ["---", reg.front_matter, "---"] if reg.front_matter else ["---", "---"]
    blocks: list[str] = []
    blocks.extend(_text_blocks(reg.preamble))
    for unit in reg.units:
        _render_unit(unit, 1, reg.language, blocks)
    body = "\n\n".join(blocks)
    return "\n".join(out) + ("\n\n" + body if body else "") + "\n"


def render_unit(unit: Unit, language: str, depth: int = 1) -> str:
    """Write one unit (with its children) in the canonical format."""
    blocks: list[str] = []
    _render_unit(unit, depth, language, blocks)
    return "\n\n".join(blocks) + "\n"


def heading_text(unit: Unit, language: str) -> str:
    """A heading's text without the `#`s: `Điều 5. Title`, `Chương II. TITLE`, an appendix as its text designates it
    (`Schedule 1. TITLE`)."""
    label = part_label_text(unit.label, language) if unit.kind is Kind.PART else unit.label
    head = unit.designation or f"{noun(unit.kind, language)} {label}"
    if unit.repealed:
        return f"{head}. {REPEALED_TEXT[language]}"
    return f"{head}. {unit.title}" if unit.title else head


def unit_label_text(unit: Unit, language: str) -> str:
    """A clause or point label as printed: `2.`, `5a.`, `b)`, `đ)` (`dd)` in English)."""
    if unit.kind is Kind.CLAUSE:
        return f"{unit.label}."
    if unit.kind is Kind.POINT:
        label = unit.label.replace("đ", "dd") if language == "en" else unit.label
        return f"{label})"
    return heading_text(unit, language)


def _render_unit(unit: Unit, depth: int, language: str, blocks: list[str], lead_in: Sequence[str] = (),
                 holder: Kind | None = None) -> None:
    """Append `unit`'s blocks; `lead_in` and `holder`: the holder's lead-in and kind when `unit` is its last child."""
    if unit.kind in HEADING_KINDS:
        blocks.append(atx_heading(min(depth, 6), heading_text(unit, language)))
        if unit.kind is Kind.APPENDIX:  # free text: a numbered paragraph is escaped, so it is not read as a list
            blocks.extend(_text_blocks([numbered_escaped(p) for p in unit.text]))
            return
        blocks.extend(_text_blocks(unit.text))
        _render_children(unit, depth + 1, language, blocks)
        return
    marker = f"{unit.label}\\." if unit.kind is Kind.CLAUSE else unit_label_text(unit, language)
    if unit.repealed:
        blocks.append(f"{marker} {REPEALED_TEXT[language]}")
        return
    first, rest = (unit.text[0], unit.text[1:]) if unit.text else ("", ())
    if first and not _dash_content(first) and not first[0].isspace():  # an indented code block keeps its own line
        blocks.append(f"{marker} {first}")
        paragraphs: Sequence[str] = rest
    else:
        blocks.append(marker)
        paragraphs = unit.text
    if (lead_in or holder is Kind.ARTICLE) and not unit.children:
        # A paragraph that reads like the holder's closing text is marked as a continuation, so
        # the canonical file is never ambiguous (docs/format.md).
        blocks.extend(_continued_blocks(unit.text, len(unit.text) - len(paragraphs), lead_in, language, holder))
    else:
        blocks.extend(_text_blocks(paragraphs))
    _render_children(unit, depth, language, blocks)


def _render_children(unit: Unit, depth: int, language: str, blocks: list[str]) -> None:
    last = len(unit.children) - 1
    for i, child in enumerate(unit.children):
        closes = i == last and not unit.closing
        _render_unit(child, depth, language, blocks, unit.text if closes else (), unit.kind if closes else None)
    if unit.closing:
        blocks.append(closing_marker(unit.kind, unit.label, language))
        blocks.extend(_text_blocks(unit.closing))


def _continued_blocks(text: Sequence[str], start: int, lead_in: Sequence[str], language: str,
                      holder: Kind | None = None) -> list[str]:
    """`text[start:]` as blocks, with the continuation marker before a paragraph that reads like a closing."""
    out: list[str] = []
    run: list[str] = []
    for i in range(start, len(text)):
        para = text[i]
        if i and not _dash_content(para) and looks_closing(lead_in, text[i - 1], para, holder):
            out.extend(_text_blocks(run))
            run = []
            out.append(CONTINUED_MARKER[language])
        run.append(para)
    out.extend(_text_blocks(run))
    return out


def _text_blocks(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs as blocks; consecutive dash items form one tight list. An indented code block (a paragraph kept
    with its indent) after a list is parted from it by the continuation marker, which ends the list: written
    right after a plus item (`  + …`, indented as the format writes it) its indent would make it a list item."""
    blocks: list[str] = []
    in_list = False
    for para in paragraphs:
        if _dash_content(para):
            item = list_line(para)
            if in_list:
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
            in_list = True
        else:
            if in_list and para[:1].isspace():
                blocks.append(CONTINUED_MARKER["vi"])
            blocks.append(para)
            in_list = False
    return blocks

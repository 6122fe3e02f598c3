"""Where a conflict falls, in a drafter's words: the provisions of a regulation, the instruction of an amending
document, or the comment answered differently, that a block of conflict markers touches, with each version's
text.

`workspace.resolve` finds the conflicts and shows them side by side with these.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.core.errors import ParseError, RegdraftError
from regdraft.core.markers import Block

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment, Instruction
    from regdraft.core.comments import Disposition
    from regdraft.core.model import Address, Located, Regulation
    from regdraft.workspace.store import Workspace


@dataclass(frozen=True, slots=True)
class _Answered:
    id: str
    where: str


def comment_answers(ws: Workspace, path: str, first: str, second: str) -> tuple[_Answered, Side, Side] | None:
    """A comment file whose versions differ only in the office's answer: the comment, named by its body and
    provision, and each version's answer as the comment report words it (`Tiếp thu một phần`, `Giải trình: …`);
    None for any other file, or a comment changed in more than its answer."""
    from dataclasses import replace

    from regdraft.core.comment_yaml import comment_from_yaml
    from regdraft.core.comments import describe_on
    from regdraft.workspace.profiles import amendment_language, amendment_words

    parts = Path(path).parts
    if not (len(parts) == 4 and parts[0] == "amendments" and parts[2] == "comments" and parts[3].endswith(".yaml")):
        return None
    try:
        one, two = comment_from_yaml(first, path), comment_from_yaml(second, path)
        # What answering writes (`comment respond`, accepting a proposal) aside, the comment must be the same.
        if replace(one, disposition=None, reply="", responded="", accepted_in="") != \
                replace(two, disposition=None, reply="", responded="", accepted_in=""):
            return None
        words, language = amendment_words(ws, parts[1]), amendment_language(ws, parts[1])
        on = describe_on(one.on, language, words)
    except (ParseError, RegdraftError, ValueError):
        return None

    def said(disposition: Disposition | None, reply: str) -> Side:
        label = disposition.label(words) if disposition else words["disposition_none"]
        return (label, f"{words['report_reply']}: {reply}") if reply else (label,)

    where = f"the answer to comment {one.id} (by {one.by}, on {on})"
    return _Answered(one.id, where), said(one.disposition, one.reply), said(two.disposition, two.reply)

def _paragraphs(lines: tuple[str, ...]) -> tuple[str, ...]:
    text = "\n".join(lines)
    return tuple(" ".join(p.split("\n")).strip() for p in text.split("\n\n") if p.strip())


Side = tuple[str, ...]


def provisions_in(path: str, block: Block, first: str, second: str) -> list[tuple[str, Side, Side]]:
    """The provisions a block falls in, each with its text in the first and second versions."""
    lines = f"lines {block.line}-{block.line + len(block.first) + len(block.second) + 2}"
    raw = (_paragraphs(block.first), _paragraphs(block.second))
    try:
        if path.startswith("regulations/") and path.endswith(".md"):
            return _regulation_provisions(path, block, first, second) or [(lines, *raw)]
        parts = Path(path).parts
        if len(parts) == 3 and parts[0] == "amendments" and parts[2] == "amendment.md":
            found = _instruction(parts[1], path, block, first, second)
            return [found] if found else [(f"the front matter or preamble ({lines})", *raw)]
    except (ParseError, RegdraftError, ValueError):
        pass
    return [(_yaml_where(path, lines), *raw)]


def _yaml_where(path: str, lines: str) -> str:
    parts = Path(path).parts
    if len(parts) == 4 and parts[2] == "comments":
        return f"comment {Path(parts[3]).stem} on {parts[1]} ({lines})"
    if len(parts) == 4 and parts[2] == "rounds":
        return f"round {Path(parts[3]).stem} of {parts[1]} ({lines})"
    if len(parts) == 3 and parts[2] == "vote.yaml":
        return f"the conference vote on {parts[1]} ({lines})"
    return lines


@lru_cache(maxsize=4)
def _parsed(text: str, path: str) -> Regulation:
    from regdraft.core.markdown import parse

    return parse(text, path)


def _regulation_provisions(path: str, block: Block, first: str, second: str) -> list[tuple[str, Side, Side]]:
    """Every provision the block starts in or holds, in either version."""
    from regdraft.core.markdown_writer import heading_text
    from regdraft.core.model import HEADING_KINDS
    from regdraft.render.text import plain

    one, two = _parsed(first, path), _parsed(second, path)
    addresses: list[Address] = []
    for version, start, count in ((one, block.first_line, len(block.first)), (two, block.second_line,
                                                                               len(block.second))):
        units = [loc for loc in version.walk() if loc.unit.line]
        before = [loc for loc in units if loc.unit.line <= start]
        inside = [loc for loc in units if start <= loc.unit.line < start + count]
        for loc in before[-1:] + inside:
            if loc.address not in addresses:
                addresses.append(loc.address)
    index_one, index_two = one.index(), two.index()
    language = one.language

    def text(located: Located | None) -> Side:
        if located is None:
            return ()
        unit = located.unit
        if unit.kind in HEADING_KINDS:
            return (heading_text(unit, language), *unit.text)
        return tuple(line.strip() for line in plain(unit, language).split("\n") if line.strip())

    return [(address.describe(language), text(index_one.get(address)), text(index_two.get(address)))
            for address in addresses]


def _instruction(slug: str, path: str, block: Block, first: str, second: str) -> tuple[str, tuple[str, ...],
                                                                                     tuple[str, ...]] | None:
    """Where a block of an amending document falls: the innermost instruction it is in (a lettered one of a
    group: its own words and quote, not the group's heading alone), of whichever amending article; else the
    article of the document it is in (`Điều 1. Sửa đổi … Luật Quy hoạch`, an article kept as text); None
    before the first article (the front matter or preamble)."""
    from regdraft.core.amend.document import read_amendment

    one, _ = read_amendment(first, path, slug)
    two, _ = read_amendment(second, path, slug)
    if one is None:
        return None
    heading = next(((n, line[3:].strip()) for n, line in reversed(list(enumerate(first.split("\n")[:block.first_line],
                                                                                  start=1)))
                    if line.startswith("## ")), None)
    found = [i for i in _every_instruction(one) if i.line <= block.first_line
             and (heading is None or i.line > heading[0])]
    if not found:
        return (f"{heading[1]} (lines {block.line}-{block.line + len(block.first) + len(block.second) + 2})",
                _paragraphs(block.first), _paragraphs(block.second)) if heading is not None else None
    here = max(found, key=lambda i: i.line)
    there = next((i for i in (_every_instruction(two) if two else ()) if (i.article, i.location) ==
                  (here.article, here.location)), None)
    where = f"{here.cite(one.language)} ({here.text})"

    def text(instruction: Instruction | None) -> tuple[str, ...]:
        return () if instruction is None else (instruction.text, *instruction.quote)

    return where, text(here), text(there)


def _every_instruction(amendment: Amendment) -> list[Instruction]:
    """Every instruction of every amending article, the lettered ones of groups included."""
    def flat(instructions: tuple[Instruction, ...]) -> list[Instruction]:
        return [x for i in instructions if not i.implied for x in (i, *flat(i.children))]

    return flat(amendment.instructions) + [i for part in amendment.others for i in flat(part.instructions)]

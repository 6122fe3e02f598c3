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


def provisions_in(path: str, block: Block, first: str, second: str,
                  names: tuple[str, str] = ("the first version", "the second version"),
                  second_first: bool = False) -> list[tuple[str, Side, Side]]:
    """The provisions a block falls in, each with its text in the first and second versions (`names`: what the
    two versions are called where they name different instructions, the second named first if `second_first`)."""
    lines = f"lines {block.line}-{block.line + len(block.first) + len(block.second) + 2}"
    raw = (_paragraphs(block.first), _paragraphs(block.second))
    try:
        if path.startswith("regulations/") and path.endswith(".md"):
            return _regulation_provisions(path, block, first, second) or [(lines, *raw)]
        parts = Path(path).parts
        if len(parts) == 3 and parts[0] == "amendments" and parts[2] == "amendment.md":
            found = _instructions(parts[1], path, block, (first, second), names, second_first)
            return found or [(f"the front matter or preamble ({lines})", *raw)]
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


def _instructions(slug: str, path: str, block: Block, versions: tuple[str, str], names: tuple[str, str],
                  second_first: bool) -> list[tuple[str, Side, Side]]:
    """Where a block of an amending document falls, each side read in its own version: the instructions its lines
    are in (the innermost one it starts in, a lettered one of a group with its own words and quote, not the group's
    heading alone; and each it holds), of whichever amending article, paired across the sides by what they say
    they amend, not by their number (an instruction inserted above renumbers the rest on one side only); else the
    article of the document it is in (`Điều 1. Sửa đổi … Luật Quy hoạch`, an article kept as text); [] before
    the first article (the front matter or preamble)."""
    from regdraft.core.amend.document import read_amendment

    lines = f"lines {block.line}-{block.line + len(block.first) + len(block.second) + 2}"
    read = [read_amendment(text, path, slug)[0] for text in versions]
    one = read[0]
    if one is None:
        return []
    touched = [_touched(amendment, text, start, len(run)) if amendment else []
               for amendment, text, start, run in zip(read, versions, (block.first_line, block.second_line),
                                                      (block.first, block.second), strict=True)]
    if not touched[0]:
        heading = _heading(versions[0], block.first_line)
        return [(f"{heading} ({lines})", _paragraphs(block.first), _paragraphs(block.second))] if heading else []
    language = one.language
    pairs: list[tuple[Instruction | None, Instruction | None]] = []
    left = list(touched[1])
    unpaired = list(touched[0])
    for same in (_same_words, _same_place):
        for ins in list(unpaired):
            other = next((o for o in left if same(ins, o)), None)
            if other is not None:
                pairs.append((ins, other))
                unpaired.remove(ins)
                left.remove(other)
    # One touched on one side only may stand unchanged elsewhere in the other version.
    used = {id(i) for pair in pairs for i in pair}
    everywhere = [[i for i in _every_instruction(a) if id(i) not in used] if a else [] for a in read]
    pairs += [(ins, next((o for o in everywhere[1] if _same_words(ins, o)), None)) for ins in unpaired]
    pairs += [(next((o for o in everywhere[0] if _same_words(o, ins)), None), ins) for ins in left]
    order = {id(ins): n for n, ins in enumerate((*touched[0], *touched[1]))}
    pairs.sort(key=lambda p: min(order.get(id(i), len(order)) for i in p if i is not None))

    def text(instruction: Instruction | None) -> Side:
        return () if instruction is None else (instruction.text, *instruction.quote)

    def absent(name: str) -> Side:
        return (f"(not in {name})",)

    return [(_where(a, b, names, language, second_first), text(a) or absent(names[0]), text(b) or absent(names[1]))
            for a, b in pairs]


def _same_words(one: Instruction, other: Instruction) -> bool:
    return " ".join(one.text.split()) == " ".join(other.text.split())


def _same_place(one: Instruction, other: Instruction) -> bool:
    return (one.article, one.location) == (other.article, other.location)


def _where(first: Instruction | None, second: Instruction | None, names: tuple[str, str], language: str,
           second_first: bool) -> str:
    """`khoản 1 Điều 1 (Sửa đổi … như sau:)` when both versions name one instruction alike; else what each calls it."""
    if first is None or second is None:
        ins, name = (second, names[1]) if first is None else (first, names[0])
        assert ins is not None
        return f"{ins.cite(language)} ({ins.text}), only in {name}"
    if first.cite(language) == second.cite(language) and first.text == second.text:
        return f"{first.cite(language)} ({first.text})"
    # Named in the order the report's columns show them (yours first).
    sides = [(second, names[1]), (first, names[0])] if second_first else [(first, names[0]), (second, names[1])]
    if first.text == second.text:
        return f"{sides[0][0].cite(language)} in {sides[0][1]}, {sides[1][0].cite(language)} in {sides[1][1]} " \
            f"({first.text})"
    return "; ".join(f"{ins.cite(language)} in {name} ({ins.text})" for ins, name in sides)


def _heading(text: str, line: int) -> str | None:
    """The `## ` heading of the article of the document that `line` of `text` is in, or None."""
    return next((above[3:].strip() for above in reversed(text.split("\n")[:line]) if above.startswith("## ")), None)


def _touched(amendment: Amendment, text: str, start: int, count: int) -> list[Instruction]:
    """The instructions lines `start` to `start + count - 1` of `text` are in: the innermost one holding the first
    line (within its article of the document), and each one starting further in that no other listed one holds."""
    heading = next((n for n, line in reversed(list(enumerate(text.split("\n")[:start], start=1)))
                    if line.startswith("## ")), 0)
    every = _every_instruction(amendment)
    holding = [i for i in every if heading < i.line <= start]
    found = [max(holding, key=lambda i: i.line)] if holding else []
    for ins in every:
        if start < ins.line < start + count and not any(
                (ins.article == f.article and ins.location.startswith(f.location + ".")) for f in found):
            found.append(ins)
    return found


def _every_instruction(amendment: Amendment) -> list[Instruction]:
    """Every instruction of every amending article, the lettered ones of groups included."""
    def flat(instructions: tuple[Instruction, ...]) -> list[Instruction]:
        return [x for i in instructions if not i.implied for x in (i, *flat(i.children))]

    return flat(amendment.instructions) + [i for part in amendment.others for i in flat(part.instructions)]


def dropped_whole(path: str, base: str | None, other: str, kept: str) -> tuple[str, ...]:
    """What keeping the version `kept` of a conflicted file whole drops of the changes made in `other` (against
    `base`) outside the lines in conflict, called in the sentence "… changes to it are dropped: …": for an amending
    document the instructions added, changed, removed or renumbered (`khoản 1 Điều 1 (on khoản 1 Điều 9) added`);
    else, or when those do not say it, "changes to other lines of it". The caller knows there are such changes."""
    from regdraft.core.amend.document import read_amendment
    from regdraft.core.amend.instruction_changes import RENUMBERED, lacking, worded

    parts = Path(path).parts
    if base is not None and len(parts) == 3 and parts[0] == "amendments" and parts[2] == "amendment.md":
        try:
            read = [read_amendment(text, path, parts[1])[0] for text in (base, other, kept)]
        except (ParseError, RegdraftError, ValueError):
            read = []
        if read and all(read):
            before, after, mine = read
            assert before is not None and after is not None and mine is not None
            changes = lacking(before, after, mine)
            # Instructions renumbered by one added or removed above them are counted, not listed one by one.
            moved = [c for c in changes if c.kind == RENUMBERED]
            said = worded([c for c in changes if c.kind != RENUMBERED or len(moved) == 1], before, after)
            said += [f"{len(moved)} instructions renumbered"] if len(moved) > 1 else []
            if said:
                return tuple(said)
    return ("changes to other lines of it",)


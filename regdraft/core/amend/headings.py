"""A new part, chapter or section quoted whole, with its chapters, sections and articles
(`Bổ sung Chương IIa sau Chương II như sau:`, `Bổ sung Phần thứ tư vào sau Phần thứ ba như sau:`).

Real documents quote the heading and its title on one line (`Chương IIa. QUY ĐỊNH RIÊNG`) or
on two (`Chương IIa` then `QUY ĐỊNH RIÊNG`), then the articles as a regulation writes them.

Post-conditions of `build_heading`:
1. The unit returned has the kind and label the instruction names, its title, and as children
   the quoted chapters (inside a new part), sections (inside a new part or chapter) and articles,
   each article built exactly as a quoted article is (`regdraft.core.amend.quote.build_unit`).
2. Any paragraph that is neither a heading, a title right after one, nor inside an article is a
   `GrammarError` naming it; so is a new part, chapter or section without an article, and
   articles standing before the first chapter or section of the unit holding them.
"""

from __future__ import annotations

from collections.abc import Callable

from regdraft.core.amend.provisions import GrammarError
from regdraft.core.labels import canonical_label, part_label_from_text, part_label_text
from regdraft.core.model import Address, Kind, Segment, Unit, label_order, noun
from regdraft.core.patterns import lazy

_HEADINGS = {
    Kind.PART: lazy(r"^(?i:Phần|Part)\s+(thứ\s+[^\s.:]+|\d+|[IVXLCDM]+|[A-Za-z]+)\s*(?:[.:]\s*(.*))?$"),
    Kind.CHAPTER: lazy(r"^(?i:Chương|Chapter)\s+([IVXLCDM]+[a-z]?|\d+[a-z]?)\s*(?:[.:]\s*(.*))?$"),
    Kind.SECTION: lazy(r"^(?i:Mục|Section)\s+(\d+[a-z]?)\s*(?:[.:]\s*(.*))?$"),
    Kind.SUBSECTION: lazy(r"^(?i:Tiểu\s+mục|Sub-?section)\s+(\d+[a-z]?)\s*(?:[.:]\s*(.*))?$"),
    Kind.ARTICLE: lazy(r"^(?i:Điều|Article)\s+(\d+[a-z]?)\s*(?:[.:]\s*(.*))?$"),
}

ArticleBuilder = Callable[[Address, list[str], list[int]], Unit]


def heading_start(paragraph: str) -> tuple[Kind, str, str] | None:
    """The heading a paragraph opens (part, chapter, section or article), its canonical label and its title."""
    for kind, pattern in _HEADINGS.items():
        match = pattern.match(paragraph)
        if match is not None:
            if kind is Kind.PART and part_label_from_text(match.group(1)) is None:
                continue  # `Phần này …`: a sentence, not a heading
            return kind, canonical_label(kind, match.group(1)), (match.group(2) or "").strip()
    return None


# What a new heading unit may hold, largest first: a part its chapters (or sections, or articles),
# a chapter its sections or articles, a section its articles.
_INSIDE = {
    Kind.PART: (Kind.CHAPTER, Kind.SECTION, Kind.ARTICLE),
    Kind.CHAPTER: (Kind.SECTION, Kind.ARTICLE),
    Kind.SECTION: (Kind.SUBSECTION, Kind.ARTICLE),
    Kind.SUBSECTION: (Kind.ARTICLE,),
}


def build_heading(target: Address, paragraphs: list[str], lines: list[int], language: str,
                  article: ArticleBuilder) -> Unit:
    """The new part, chapter or section `target` names, from its quoted paragraphs (see the module)."""
    start = heading_start(paragraphs[0])
    if start is None or start[:2] != (target.kind, target.label):
        raise GrammarError(f"the quoted text must begin with '{noun(target.kind, language)} "
                           f"{_shown(target.kind, target.label, language)}', the unit the instruction names, "
                           f"not '{paragraphs[0][:40]}'.")
    root, position = _open(target.kind, target.label, start[2], paragraphs, lines, 0)
    # The headings open so far, outermost first, each with the children read into it.
    stack: list[tuple[Unit, list[Unit]]] = [(root, [])]
    while position < len(paragraphs):
        found = heading_start(paragraphs[position])
        kind = found[0] if found is not None else None
        while (kind is not None and kind is not Kind.ARTICLE and len(stack) > 1
               and kind not in _INSIDE[stack[-1][0].kind]):
            _close(stack, language)
        if found is None or kind not in _INSIDE[stack[-1][0].kind]:
            inside = noun(target.kind, language)
            holds = {Kind.PART: "chapters, sections and articles", Kind.CHAPTER: "sections and articles",
                     Kind.SECTION: "sub-sections and articles", Kind.SUBSECTION: "articles"}[target.kind]
            raise GrammarError(f"the quoted {inside} holds '{paragraphs[position][:40]}' outside any article; a new "
                               f"{inside} holds {holds}.")
        assert found is not None
        if kind is not Kind.ARTICLE:
            if stack[-1][1] and stack[-1][1][-1].kind is Kind.ARTICLE:
                raise GrammarError(f"the quoted {noun(stack[-1][0].kind, language)} has articles before its first "
                                   f"{noun(found[0], language)}; put them in a {noun(found[0], language)}.")
            heading, position = _open(found[0], found[1], found[2], paragraphs, lines, position)
            stack.append((heading, []))
            continue
        end = next((i for i in range(position + 1, len(paragraphs)) if heading_start(paragraphs[i]) is not None),
                   len(paragraphs))
        if stack[-1][1] and stack[-1][1][-1].kind is not Kind.ARTICLE:
            raise GrammarError(f"'{paragraphs[position][:40]}' follows a {noun(stack[-1][1][-1].kind, language)} "
                               f"of the quoted {noun(stack[-1][0].kind, language)}; put it in one.")
        stack[-1][1].append(article(Address((Segment(Kind.ARTICLE, found[1]),)), paragraphs[position:end],
                                    lines[position:end]))
        position = end
    while len(stack) > 1:
        _close(stack, language)
    built, children = stack[0]
    if not children:
        raise GrammarError(f"the quoted {noun(target.kind, language)} has no article; quote its articles too.")
    return Unit(built.kind, built.label, built.title, (), tuple(children), False, built.line)


def _close(stack: list[tuple[Unit, list[Unit]]], language: str) -> None:
    """Close the innermost open heading, refusing one without an article."""
    heading, children = stack.pop()
    if not children:
        raise GrammarError(f"the quoted {noun(heading.kind, language)} {heading.label} has no article; quote its "
                           "articles too.")
    stack[-1][1].append(Unit(heading.kind, heading.label, heading.title, (), tuple(children), False, heading.line))


def _open(kind: Kind, label: str, title: str, paragraphs: list[str], lines: list[int],
          position: int) -> tuple[Unit, int]:
    """A heading and its title (on its line, or the next paragraph when that is no heading)."""
    position += 1
    if not title and position < len(paragraphs) and heading_start(paragraphs[position]) is None:
        title = paragraphs[position]
        position += 1
    return Unit(kind, label, title or None, (), (), False, lines[position - 1]), position


def _shown(kind: Kind, label: str, language: str) -> str:
    return part_label_text(label, language) if kind is Kind.PART else label


def article_order(labels: list[str], new: list[str], target: Address, language: str) -> str:
    """Why the articles of a new chapter or section do not fit where it stands ("" when they do).

    `labels` are every article of the amended text in document order, `new` those of the new unit.
    Articles are numbered through the whole document: the new ones must run on from the article
    before them and stay below the article after them (`Điều 20a`, `Điều 20b` between 20 and 21),
    or take the next numbers at the end of the document.
    """
    keys = [label_order(Kind.ARTICLE, label) for label in labels]
    first = labels.index(new[0]) if new and new[0] in labels else -1
    if first < 0:
        return ""
    last = first + len(new) - 1
    before = labels[first - 1] if first > 0 else None
    after = labels[last + 1] if last + 1 < len(labels) else None
    run = keys[max(first - 1, 0):last + 2]
    if all(labels.count(label) == 1 for label in new) and all(a < b for a, b in zip(run, run[1:], strict=False)):
        return ""
    word = noun(Kind.ARTICLE, language)
    taken = sorted({label for label in new if labels.count(label) > 1})
    if taken:
        return (f"the new {target.describe(language)} holds {word} {', '.join(taken)}, which the regulation already "
                "has; articles are numbered through the whole document.")
    place = (f"after {word} {before}" if before else "at the start") + (f" and before {word} {after}" if after else "")
    example = f"{before}a, {before}b" if before else "1a"
    return (f"the articles of the new {target.describe(language)} ({word} {', '.join(new)}) are out of place: "
            f"articles are numbered through the whole document, so the ones standing {place} are numbered "
            f"{example} ... .")


def chapter_order(labels: list[str], new: list[str], target: Address, language: str) -> str:
    """Why the chapters of a new part do not fit where it stands ("" when they do): chapters are numbered
    through the whole document, as articles are."""
    word = noun(Kind.CHAPTER, language)
    taken = sorted({label for label in new if labels.count(label) > 1}, key=lambda c: label_order(Kind.CHAPTER, c))
    if taken:
        return (f"the new {target.describe(language)} holds {word} {', '.join(taken)}, which the regulation already "
                "has; chapters are numbered through the whole document.")
    keys = [label_order(Kind.CHAPTER, label) for label in labels]
    first = labels.index(new[0]) if new and new[0] in labels else -1
    if first < 0:
        return ""
    run = keys[max(first - 1, 0):first + len(new) + 1]
    if all(a < b for a, b in zip(run, run[1:], strict=False)):
        return ""
    before = labels[first - 1] if first > 0 else None
    return (f"the chapters of the new {target.describe(language)} ({word} {', '.join(new)}) are out of place: "
            f"chapters are numbered through the whole document, so the ones standing "
            f"{f'after {word} {before}' if before else 'at the start'} are numbered "
            f"{f'{before}a, {before}b' if before else 'Ia'} ... or take the next numbers at the end.")

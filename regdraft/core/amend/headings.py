"""A new chapter or section quoted whole, with its sections and articles (`Bổ sung Chương IIa sau Chương II như sau:`).

Real documents quote the heading and its title on one line (`Chương IIa. QUY ĐỊNH RIÊNG`) or
on two (`Chương IIa` then `QUY ĐỊNH RIÊNG`), then the articles as a regulation writes them.

Post-conditions of `build_heading`:
1. The unit returned has the kind and label the instruction names, its title, and as children
   the quoted sections (inside a new chapter) and articles, each article built exactly as a
   quoted article is (`regdraft.core.amend.quote.build_unit`).
2. Any paragraph that is neither a heading, a title right after one, nor inside an article is a
   `GrammarError` naming it; so is a new chapter or section without an article.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from regdraft.core.amend.provisions import GrammarError
from regdraft.core.labels import canonical_label
from regdraft.core.model import Address, Kind, Segment, Unit, label_order, noun

_HEADINGS = {
    Kind.CHAPTER: re.compile(r"^(?i:Chương|Chapter)\s+([IVXLCDM]+[a-z]?|\d+[a-z]?)\s*(?:[.:]\s*(.*))?$"),
    Kind.SECTION: re.compile(r"^(?i:Mục|Section)\s+(\d+[a-z]?)\s*(?:[.:]\s*(.*))?$"),
    Kind.ARTICLE: re.compile(r"^(?i:Điều|Article)\s+(\d+[a-z]?)\s*(?:[.:]\s*(.*))?$"),
}

ArticleBuilder = Callable[[Address, list[str], list[int]], Unit]


def heading_start(paragraph: str) -> tuple[Kind, str, str] | None:
    """The heading a paragraph opens (chapter, section or article), its canonical label and its title."""
    for kind, pattern in _HEADINGS.items():
        match = pattern.match(paragraph)
        if match is not None:
            return kind, canonical_label(kind, match.group(1)), (match.group(2) or "").strip()
    return None


def build_heading(target: Address, paragraphs: list[str], lines: list[int], language: str,
                  article: ArticleBuilder) -> Unit:
    """The new chapter or section `target` names, from its quoted paragraphs (see the module)."""
    start = heading_start(paragraphs[0])
    if start is None or start[:2] != (target.kind, target.label):
        raise GrammarError(f"the quoted text must begin with '{noun(target.kind, language)} {target.label}', the "
                           f"unit the instruction names, not '{paragraphs[0][:40]}'.")
    root, position = _open(target.kind, target.label, start[2], paragraphs, lines, 0)
    sections: list[tuple[Unit, list[Unit]]] = []
    articles: list[Unit] = []
    while position < len(paragraphs):
        found = heading_start(paragraphs[position])
        if found is not None and found[0] is Kind.SECTION and target.kind is Kind.CHAPTER:
            section, position = _open(Kind.SECTION, found[1], found[2], paragraphs, lines, position)
            sections.append((section, []))
            continue
        if found is None or found[0] is not Kind.ARTICLE:
            inside = noun(target.kind, language)
            raise GrammarError(f"the quoted {inside} holds '{paragraphs[position][:40]}' outside any article; a new "
                               f"{inside} holds {'sections and ' if target.kind is Kind.CHAPTER else ''}articles.")
        end = next((i for i in range(position + 1, len(paragraphs)) if heading_start(paragraphs[i]) is not None),
                   len(paragraphs))
        built = article(Address((Segment(Kind.ARTICLE, found[1]),)), paragraphs[position:end], lines[position:end])
        (sections[-1][1] if sections else articles).append(built)
        position = end
    if sections and articles:
        raise GrammarError("the quoted chapter has articles before its first section; put them in a section.")
    children = (tuple(Unit(s.kind, s.label, s.title, (), tuple(a), False, s.line) for s, a in sections)
                or tuple(articles))
    if not children or any(not c.children for c in children if c.kind is Kind.SECTION):
        raise GrammarError(f"the quoted {noun(target.kind, language)} has no article; quote its articles too.")
    return Unit(root.kind, root.label, root.title, (), children, False, root.line)


def _open(kind: Kind, label: str, title: str, paragraphs: list[str], lines: list[int],
          position: int) -> tuple[Unit, int]:
    """A heading and its title (on its line, or the next paragraph when that is no heading)."""
    position += 1
    if not title and position < len(paragraphs) and heading_start(paragraphs[position]) is None:
        title = paragraphs[position]
        position += 1
    return Unit(kind, label, title or None, (), (), False, lines[position - 1]), position


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

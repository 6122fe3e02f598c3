"""Common-law numbering typed into an English text (r38 sweep BV F3), told in regdraft's own terms.

A UK or Australian drafter writes subsections `(1)`, paragraphs `(a)` and subparagraphs `(i)`, and heads sections
`1. Short title` under Divisions. regdraft reads clauses as `1\\.`, points as `a)`, and sections as articles; such
paragraphs are read as plain text, and such headings name no unit, so each is said with the form that reads.

Post-conditions:
1. `bracketed(content)` is '' unless `content` starts with a bracketed number or letter and a space.
2. `heading_hint(content)` is '' unless the heading is a common-law one regdraft has another word for.
"""

from __future__ import annotations

import re

from regdraft.core.patterns import lazy

_BRACKETED = lazy(r"^\((\d{1,3}[a-z]?|[a-z]{1,2}\d*|[ivx]{2,5})\)\s+\S")
_ROMAN = lazy(r"^(?:i{2,3}|iv|vi{0,3}|ix|xi{0,3})$")
_DIVISION = lazy(r"^(?:sub-?)?division\s+(\S+?)\.?(?:\s+(.*))?$", re.I)
_SECTION = lazy(r"^(?:section\s+|s\.\s*|regulation\s+|rule\s+)?(\d{1,4}[a-z]?)\s*[.:]\s*(.*)$", re.I)


def bracketed(content: str) -> str:
    """How to write a paragraph numbered the common-law way (`(1) …`, `(a) …`, `(ii) …`) so that it reads as a clause
    or point; '' for any other paragraph."""
    found = _BRACKETED.match(content)
    if found is None:
        return ""
    label = found.group(1)
    if label[0].isdigit():
        return f"it looks like a subsection numbered '({label})'. If it is a clause, write '{label}\\. …'."
    if len(label) > 1 and _ROMAN.match(label):
        return (f"it looks like a subparagraph numbered '({label})'; regdraft has no level below a point: write it "
                "as a dash item '- …' of its point.")
    return f"it looks like a paragraph lettered '({label})'. If it is a point, write '{label}) …'."


def heading_hint(content: str) -> str:
    """What a common-law heading that names no unit is written as (`## Article 1. Short title` for `1. Short title`),
    as a sentence to follow the refusal; ''."""
    text = " ".join(content.split())
    division = _DIVISION.match(text)
    if division is not None:
        title = f" {division.group(2)}" if division.group(2) else ""
        return (f" A Division is written as a Section of its chapter ('## Section {division.group(1)}.{title}'), "
                "and a numbered section under it as an Article.")
    section = _SECTION.match(text)
    if section is not None:
        title = f" {section.group(2)}" if section.group(2) else ""
        return (f" A numbered section (rule) is written as an Article: '## Article {section.group(1)}.{title}'; "
                "its subsections as clauses '1\\. …' and its paragraphs as points 'a) …'.")
    return ""

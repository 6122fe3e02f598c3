"""Common-law numbering in an English text (r38 sweep BV F3): subsections `(1)`, paragraphs `(a)` and subparagraphs
`(ii)` were read silently as the article's text, and `## Division 1.` / `### 1. Short title` were refused without
saying what a Division or a numbered section is written as. Each is now told with the form that reads; a Vietnamese
text, which never numbers so, is left as it was."""

from __future__ import annotations

from regdraft.core.markdown import read

FM = "---\nid: PA\ntype: Rules\ntitle: Test Rules\nlanguage: {language}\nissuer: I\nsigned: 2026-01-15\n---\n\n"
BODY = ("# Chapter I. GENERAL\n\n## Article 1. Definitions\n\n(1) In these Rules:\n\n(a) day means a working day;\n\n"
        "(ii) a holiday;\n\n(2) Other words.\n")


def test_bracketed_numbers_in_an_english_article_are_warned_with_the_form_that_reads() -> None:
    reading = read(FM.format(language="en") + BODY, "r.md")
    assert reading.problems == ()
    assert [(w.line, w.message) for w in reading.warnings] == [
        (14, "The paragraph '(1) In these Rules:' is read as text of Article 1: it looks like a subsection numbered "
             "'(1)'. If it is a clause, write '1\\. …'."),
        (16, "The paragraph '(a) day means a working day;' is read as text of Article 1: it looks like a paragraph "
             "lettered '(a)'. If it is a point, write 'a) …'."),
        (18, "The paragraph '(ii) a holiday;' is read as text of Article 1: it looks like a subparagraph numbered "
             "'(ii)'; regdraft has no level below a point: write it as a dash item '- …' of its point."),
        (20, "The paragraph '(2) Other words.' is read as text of Article 1: it looks like a subsection numbered "
             "'(2)'. If it is a clause, write '2\\. …'."),
    ]
    assert all(w.warning for w in reading.warnings)


def test_a_vietnamese_text_numbering_in_brackets_is_not_warned() -> None:
    body = BODY.replace("Chapter I", "Chương I").replace("Article 1. Definitions", "Điều 1. Giải thích từ ngữ")
    assert read(FM.format(language="vi") + body, "r.md").warnings == ()


def test_an_english_bracket_inside_a_sentence_is_not_warned() -> None:
    text = FM.format(language="en") + "# Chapter I. GENERAL\n\n## Article 1. Scope\n\n1\\. As in (a) above.\n"
    assert read(text, "r.md").warnings == ()


def test_a_division_and_a_numbered_section_are_told_what_they_are_written_as() -> None:
    text = FM.format(language="en") + ("# Chapter I. GENERAL\n\n## Division 1. Introduction\n\n"
                                       "### 1. Short title\n\nThese are the Rules.\n")
    messages = [p.message for p in read(text, "r.md").problems]
    assert any(m.endswith("A Division is written as a Section of its chapter ('## Section 1. Introduction'), and a "
                          "numbered section under it as an Article.") for m in messages), messages
    assert any(m.startswith("The heading '1. Short title' is not a unit heading") and
               "A numbered section (rule) is written as an Article: '## Article 1. Short title'" in m
               for m in messages), messages

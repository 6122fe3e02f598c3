"""What a profile may hold: each setting's values (`invalid`) and the fields each phrase with fields may use
(`bad_fields`); `render.profile` refuses a profile or an override that breaks them, naming the file and key.

Post-conditions:
1. `invalid` and `bad_fields` return a sentence saying what is wrong and what to write instead, or "".
   A phrase's field is its name alone: a format or conversion (`{draft:>300000000}`, `{draft!r}`, `{draft:{title}}`)
   is refused, so that a phrase prints its values and its words, never more. A phrase or a text setting holds at
   most `MAX_PHRASE` characters and uses a field at most `MAX_REPEATS` times: a phrase's output grows with its
   length and its values' only (`{word}` 10,000 times in `page.number_format` with a 100 KB `words.vi.page` made
   gigabytes before a MemoryError).
2. Strings that reach CSS and Word documents hold only the characters such values need (no quote, brace,
   semicolon, backslash or control character).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from regdraft.core.counts import is_are, several
from regdraft.core.dates import DATE_FIELDS

# The phrases that are sentences with fields filled in, and the fields each may use.
FIELDS = {
    "reference_broken": {"source", "target", "quoted"},
    "reference_changed_by": {"source", "target", "quoted", "verb", "changed"},
    "reference_changed_by_signed": {"source", "target", "quoted", "verb", "changed", "document"},
    "reference_changed": {"source", "target", "quoted"},
    "reference_renumbered": {"source", "target", "quoted", "was", "now"},
    "reference_twice": {"source", "target", "quoted"},
    "comparison_summary": {"new", "old"},
    "told_apart": {"folder", "draft"},
    "told_apart_draft": {"draft", "state"},
    "comparison_before_after": {"document", "documents"},
    "comparison_running": {"new", "old"},
    "table_running": {"new", "old"},
    "draft_of": {"draft", "title"},
    "report_title": {"draft", "title"},
    "report_running": {"draft"},
    "report_consulted": {"draft", "title", "round", "consulted"},
    "report_replied": {"replied", "agreeing"},
    "report_agreeing": {"bodies"},
    "report_others": {"count", "bodies"},
    "report_total": {"total"},
    "report_vote_whole": {"draft", "date"},
    "report_vote_whole_undrafted": {"date"},
    "report_vote_part": {"part", "amends", "date"},
    "report_vote_amends": {"amends"},
    "report_vote_present": {"present"},
    "report_vote_counts": {"for_count", "for_share", "against_count", "against_share", "abstain_count",
                           "abstain_share"},
    "report_vote_carried": {"base"},
    "report_vote_not_carried": {"base"},
    "report_vote_of_members": {"members"},
    "report_vote_of_cast": {"cast"},
    "report_withdrawn": {"withdrawn"},
    "report_late_total": {"late"},
    "report_edited": {"hh", "mi", "dd", "mm", "year"},
    "report_cell_cut": {"count"},
    "report_provisions_of": {"regulation", "draft"},
    "report_now": {"provision"},
    "report_now_several": {"provision", "count"},
    "report_removed": {"draft"},
    "report_removed_since": {"draft"},
    "review_round": {"round", "title", "draft", "due"},
    "review_due": {"date"},
    "date_in_words": set(DATE_FIELDS),
    "date_cited_in_words": set(DATE_FIELDS),
    "cited_document": {"type", "number", "title"},  # {title}: the title after its type (sửa đổi, bổ sung …)
    "cited_in_notes": {"type", "number", "title", "signed", "issuer"},
    "note_basis": {"document", "effective", "text", "was"},
    "note_at_title": {"this"},
    "cited_signed": {"date"},
    "cited_issuer": {"issuer"},
    "cited_effective": {"date"},
    "opening_document": {"title", "number", "name"},
    "running_document": {"title", "number", "name", "about"},
    "running_compared": {"title", "number", "name", "about"},
    "running_shortened": {"title", "number", "name", "about"},
    "opening_issuer": {"issuer", "about"},
    "opening_unamended": {"document", "date", "is", "has"},
    "opening_amended": {"document", "is", "has"},
    "opening_close": {"date"},
    "opening_pending": {"provisions", "effective", "date"},
    "opening_close_issued": {"date"},
    "consolidation_blank": {"gap", "code"},
    "footnote_call": {"n"}, "footnote_back": {"where"}, "footnote_back_document": {"n"},
    "untranslated_note": {"documents", "date"},
    "opening_untranslated": {"document", "date", "is", "has"},
    "note_unit": {"noun"},
    **{f"note_{kind}": {"this", "This", "old", "new", "at"}
       for kind in ("amended", "amended_only", "inserted", "repealed", "words_replaced", "words_deleted",
                    "words_added_after", "words_added_before", "heading")},
    "note_cited": {"instruction", "document"},
    **{f"kind_part_{kind}": {"part"} for kind in ("amended", "inserted", "repealed", "amended_only")},
    "date_unsigned": {"gap", "year"},
    **{part: {"type", "base", "base_type", "cited", "named", "number", "signed", "title", "issuer", "amended",
                            "This", "this", "takes", "authority", "ISSUER"}
       for part in ("amending_title", "amending_preamble", "amending_article", "amending_entry", "decision_preamble",
                    "decision_article", "decision_entry", "decision_implementation", "amending_law_preamble",
                    "amending_law_adoption", "amending_implementation", "amending_decree_implementation",
                    *(f"amending_{form}_{part}" for form in ("ordinance", "resolution")
                      for part in ("preamble", "adoption")))},
    "amending_amended": {"documents"},
    "note_sentence": {"change", "where", "effective"},
    "note_provisions": {"articles", "document", "effective", "text"},
    "not_yet_in_force": {"documents", "today", "command"},
    "effective_except": {"provisions", "date"},
    "replaced_note": {"document", "effective", "last"},
    "replaced_document": {"title", "cited"},
    "replaced_issued": {"cited"},
    "cited_named": {"title", "number"},
    "report_person": {"person"},
    "comment_answers": {"id", "body", "person"},
    "report_selection": {"selection"},
    "revision": {"commit"},
}
# Every phrase filled in with `.format` must be here: tests/test_profile_fields.py reads the code for them.

MAX_PHRASE = 1000  # characters in a phrase or a text setting; the longest shipped phrase has 241
MAX_REPEATS = 3  # uses of one field in a phrase; shipped phrases use one at most twice


def _too_long(name: str, value: str) -> str:
    """Why `value` is too long for a profile's phrase or setting `name`, or ""."""
    if len(value) <= MAX_PHRASE:
        return ""
    return (f"{name} is {len(value):,} characters long; a profile's phrase or setting holds at most {MAX_PHRASE:,} "
            "(the longest regdraft ships has 241).")


def _repeated(counts: Counter[str]) -> str:
    """Why a phrase using its fields `counts` times each cannot be filled in, or ""."""
    name, times = max(counts.items(), key=lambda item: item[1], default=("", 0))
    if times <= MAX_REPEATS:
        return ""
    return (f"the field {{{name}}} is used {times:,} times; a phrase uses each field at most {MAX_REPEATS} times "
            "(its text grows with each use).")


def bad_fields(key: str, phrase: str) -> str:
    """Why a phrase with fields cannot be filled in ('' when it can); other phrases hold no fields."""
    import string

    if too_long := _too_long("the phrase", phrase):
        return too_long
    allowed = FIELDS.get(key)
    if allowed is None:
        return ""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(phrase)
                  if name is not None]
    except ValueError as exc:
        return f"the braces do not pair ({exc}); write a field as {{target}}."
    for name, spec, conversion in fields:
        if spec or conversion:
            # `{draft:>300000000}` padded a label to 300 MB; a phrase's field is its value as it stands.
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            shown = written if len(written) <= 40 else written[:39] + "…"
            return (f"the field {shown} has a format or conversion after its name, which a phrase may not have; "
                    f"write the field as {{{name}}}.")
    if repeated := _repeated(Counter(name for name, _, _ in fields)):
        return repeated
    used = {name for name, _, _ in fields}
    unknown = sorted(used - allowed)
    if unknown:
        return (f"the {several(len(unknown), 'field')} {', '.join('{' + u + '}' for u in unknown)} "
                f"{is_are(len(unknown))} unknown; use {', '.join('{' + a + '}' for a in sorted(allowed))}.")
    return ""


# What each setting may hold. Values reach CSS and Word documents, so strings that do are
# limited to the characters such values need (no quote, brace, semicolon or backslash).
PAGE_SIZES = ("A3", "A4", "A5", "B5", "Letter", "Legal")
PAGE_NUMBERS = ("top", "bottom")
CITED_DATES = ("numeric", "words")
_CSS_SAFE = re.compile(r"[\w \-.,]{1,60}")
_SIZES = {"body_pt": (6, 30), "national_pt": (6, 40), "issuer_pt": (6, 40), "type_pt": (6, 40),
          "draft_pt": (6, 40), "page_number_pt": (6, 30), "margin_top": (0, 80), "margin_bottom": (0, 80),
          "margin_left": (0, 80), "margin_right": (0, 80), "recipients_pt": (6, 30)}


def invalid(key: str, value: Any) -> str:
    """Why `value` cannot be the profile setting `key` (a sentence), or "" when it can."""
    if key in _SIZES:
        low, high = _SIZES[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            return f"profile.{key} is {value!r}; it must be a number from {low} to {high}."
        return ""
    if key == "rule_under" and value not in ("national", "motto"):
        return f"profile.rule_under is {value!r}; use national or motto."
    if key in ("number_colon", "number_first_page", "issuer_rule", "recipients_title_underline", "summary_capital",
               "summary_rule"):
        return "" if isinstance(value, bool) else f"profile.{key} is {value!r}; it must be true or false."
    if not isinstance(value, str):
        return f"profile.{key} is {value!r}; it must be text."
    formats = {"page_number_format": "profile.page.number_format",
               "page_number_format_en": "profile.page.number_format_en"}
    shown = formats.get(key, f"profile.{key}")
    if too_long := _too_long(shown, value):
        return too_long
    if key == "page_number_format_en" and not value:
        return ""  # an English document's page number as `number_format` says
    if key in formats and (repeated := _repeated(Counter(re.findall(r"\{(\w+)\}", value)))):
        return f"{shown}: {repeated}"
    if key == "page_size" and value not in PAGE_SIZES:
        return f"profile.page_size is '{value}'; use one of {', '.join(PAGE_SIZES)}."
    if key in ("cited_dates", "cited_dates_en") and value not in CITED_DATES:
        return f"profile.{key} is '{value}'; use numeric (09/01/2021) or words (09 tháng 01 năm 2021)."
    if key == "page_numbers" and value not in PAGE_NUMBERS:
        return f"profile.page_numbers is '{value}'; use top or bottom."
    if key in formats and ("{page}" not in value or re.search(r"\{(?!(?:word|page|pages)\})", value)):
        return (f"{shown} is '{value}'; write {{page}} for the page's number, and if you like "
                "{pages} for the number of pages and {word} for the word (Trang), e.g. '{page}' or "
                "'{word} {page}/{pages}'" + (" or '{word} {page} of {pages}'." if key.endswith("_en") else "."))
    if key == "font_family" and not _CSS_SAFE.fullmatch(value):
        return f"profile.font_family is '{value}'; a font name has letters, digits, spaces and hyphens only."
    if any(ord(ch) < 32 or ch in "\x7f\u2028\u2029" for ch in value):
        return f"profile.{key} holds a control character; write it as plain text."
    return ""

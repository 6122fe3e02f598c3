"""The document type and the summary under it, as the header prints them from the title."""

from __future__ import annotations

from regdraft.render.html import document_header
from regdraft.render.profile import load_profile


def test_an_english_plural_title_keeps_its_plural_and_no_letter_is_cut_off() -> None:
    # `amend new` on the English regulation titled the draft `Regulations amending …` (type `Regulation`): the
    # header printed REGULATION, then `s amending the Working Regulations …`.
    meta = {"language": "en", "type": "Regulation", "title": "Regulations amending the Working Regulations"}
    header = document_header(meta, load_profile({}))
    assert (header.type, header.summary) == ("Regulations", "amending the Working Regulations")


def test_a_title_starting_with_its_type_is_split_at_the_word_and_only_there() -> None:
    profile = load_profile({})
    vi = document_header({"type": "Quy chế", "title": "Quy chế làm việc của Ban Chấp hành"}, profile)
    assert (vi.type, vi.summary) == ("Quy chế", "làm việc của Ban Chấp hành")
    other = document_header({"language": "en", "type": "Rule", "title": "Rulebook of the Office"}, profile)
    assert (other.type, other.summary) == ("Rule", "Rulebook of the Office")

"""English wording in outputs (r29 sweep AL, defect 6): "the" before an organisation's name ending in a body noun
before its `of` (`the International Association of Hydrographic Surveyors`), and English quotations in generated
instructions closed on the quoted text's own stop (`…(b).”`, not `…(b).”.`)."""

from __future__ import annotations

import pytest

from regdraft.core.amend.edits import instructions_from_edits
from regdraft.core.issuers import issuer_name
from regdraft.core.markdown import parse
from tests.test_amend_apply import FIXTURES


@pytest.mark.parametrize(("issuer", "running"), [
    ("INTERNATIONAL ASSOCIATION OF HYDROGRAPHIC SURVEYORS", "the International Association of Hydrographic Surveyors"),
    ("World Health Organization", "the World Health Organization"),
    ("Royal Society of Chemistry", "the Royal Society of Chemistry"),
    ("DIEN BIEN PROVINCIAL PARTY COMMITTEE", "the Dien Bien Provincial Party Committee"),
    ("Song Hong Manufacturing Company Limited", "Song Hong Manufacturing Company Limited"),
    ("Bank of America", "Bank of America"),
])
def test_the_before_a_body_named_by_a_common_noun(issuer: str, running: str) -> None:
    assert issuer_name({"issuer": issuer, "language": "en"}) == running


def test_an_english_quotation_ends_on_its_own_stop() -> None:
    text = (FIXTURES / "en.md").read_text(encoding="utf-8")
    old = parse(text, "regulations/en.md")
    edited = parse(text.replace("b) Personnel matters;", "b) Personnel matters and appointments;").replace(
        "1\\. These Regulations govern the work", "1\\. These Regulations govern all the work"), "edited.md")
    generated = instructions_from_edits(old, edited).instructions
    quotes = [q for top in generated for ins in (top, *top.children) for q in ins.quote]
    assert quotes, "no quoted text"
    assert all(not q.endswith(("”.", "”;")) for q in quotes), quotes
    assert any(q.endswith(".”") for q in quotes) and any(q.endswith(";”") for q in quotes), quotes

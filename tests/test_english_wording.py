"""English wording in outputs (r29 sweep AL, defect 6): "the" before an organisation's name ending in a body noun
before its `of` (`the International Association of Hydrographic Surveyors`), and English quotations in generated
instructions closed on the quoted text's own stop (`…(b).”`, not `…(b).”.`)."""

from __future__ import annotations

import pytest

from regdraft.core.issuers import issuer_name


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

"""The document types of English organisations' rules are read in the header: `BYLAWS` was taken for the issuer
(the organisation's name for its superior), leaving type and title FIXME, the `Of the …` line as preamble and the
effective date unread (r29 sweep AL, defect 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.importer import import_file

TEXT = ("INTERNATIONAL ASSOCIATION OF HYDROGRAPHIC SURVEYORS\n\nNo. 01/2024/BL-IAHS\nGeneva, 15 March 2024\n\n"
        "{type}\nOf the International Association of Hydrographic Surveyors\n\n"
        "Article 1. Scope\n{word} govern the Association.\n\n"
        "Article 2. Entry into force\n{word} take effect on 1 April 2024.\n")


@pytest.mark.parametrize(("written", "kind", "word"), [
    ("BYLAWS", "Bylaws", "These Bylaws"),
    ("BY-LAWS", "By-laws", "These By-laws"),
    ("CONSTITUTION", "Constitution", "This Constitution"),
    ("STATUTES", "Statutes", "These Statutes"),
    ("ARTICLES OF ASSOCIATION", "Articles of Association", "These Articles of Association"),
    ("CHARTER", "Charter", "This Charter"),
    ("STANDING ORDERS", "Standing Orders", "These Standing Orders"),
    ("RULES OF PROCEDURE", "Rules of Procedure", "These Rules of Procedure"),
])
def test_an_organisations_type_is_read(tmp_path: Path, written: str, kind: str, word: str) -> None:
    source = tmp_path / "rules.txt"
    text = TEXT.format(type=written, word=word)
    if word.startswith("This "):
        text = text.replace(f"{word} take ", f"{word} takes ").replace(f"{word} govern ", f"{word} governs ")
    source.write_text(text, encoding="utf-8")
    meta = import_file(source, language="en").regulation.meta
    assert meta["issuer"] == "INTERNATIONAL ASSOCIATION OF HYDROGRAPHIC SURVEYORS"
    assert "superior" not in meta
    assert meta["type"] == kind
    assert meta["title"] == f"{kind} of the International Association of Hydrographic Surveyors"
    assert str(meta["effective"]) == "2024-04-01"

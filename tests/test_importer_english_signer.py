"""An English signature block whose signer's name has an apostrophe (`Dr. Jane O’Neill`, straight or curly) is read
as the signature, not left as paragraphs of the last article (r29 sweep AL, defect 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.importer import import_file

TEXT = ("RULES\n\nArticle 1. Scope\nThese Rules govern the Association.\n\n"
        "Article 2. Entry into force\nThese Rules take effect on 1 April 2024.\n\n"
        "ON BEHALF OF THE GENERAL ASSEMBLY\nPRESIDENT\n{name}\n\nDistribution:\n- All Members;\n- Archive.\n")


@pytest.mark.parametrize("name", ["Dr. Jane O’Neill", "Jane O'Neill", "Paul D’Arcy", "Awa N'Diaye", "Jane Smith"])
def test_a_name_with_an_apostrophe_is_the_signer(tmp_path: Path, name: str) -> None:
    source = tmp_path / "rules.txt"
    source.write_text(TEXT.format(name=name), encoding="utf-8")
    result = import_file(source, "R-2024", language="en")
    assert result.regulation.meta["signer"] == {
        "on_behalf": "ON BEHALF OF THE GENERAL ASSEMBLY", "title": "PRESIDENT", "name": name}
    last = list(result.regulation.articles())[-1].unit
    assert last.text == ("These Rules take effect on 1 April 2024.",)

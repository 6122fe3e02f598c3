"""`amend import` keeps an amending document's enacting sentence, in English as in Vietnamese, and names what it
made of every other line above the first article (r34 sweep BE, point 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.importer.amendment import import_amendment

REGULATIONS = {"01/2024/RP-GYA": {"id": "01/2024/RP-GYA", "type": "Rules of Procedure", "language": "en",
                                  "title": "Rules of Procedure of the Greenfield Youth Association"}}

HEADER = """GREENFIELD YOUTH ASSOCIATION

No. 03/2025/RP-GYA

Hanoi, 20 October 2025

RULES OF PROCEDURE

{title}
{grounds}
{enacting}

Article 1. Amendments to the Rules of Procedure of the Greenfield Youth Association

1. Article 2 is repealed.

Article 2. Entry into force

These Rules take effect on 1 November 2025.
"""

ENACTING = [
    "The Executive Board issues the Rules of Procedure amending the Rules of Procedure of the Greenfield Youth "
    "Association.",
    "The Executive Board issues the Rules of Procedure amending the Rules of Procedure of the Greenfield Youth "
    "Association, as follows:",
    "The Executive Board hereby resolves as follows:",
    "The Executive Board issues these Rules.",
    "The Executive Board adopts the following amendments.",
    "Ban Chấp hành ban hành Quy chế sửa đổi, bổ sung Quy chế làm việc.",
]


@pytest.mark.parametrize("grounds", ["\nPursuant to the Articles of Association of the Association;\n", ""])
@pytest.mark.parametrize("enacting", ENACTING)
def test_the_enacting_sentence_is_kept_as_preamble(tmp_path: Path, enacting: str, grounds: str) -> None:
    # It was "Part of the header (the type, title or heading block)" and missing from amendment.md, `amend export`
    # and the consolidated text's basis footnote; with no "Pursuant to" line it was read as part of the title.
    source = tmp_path / "amending.txt"
    source.write_text(HEADER.format(title="amending the Rules of Procedure of the Greenfield Youth Association",
                                    grounds=grounds, enacting=enacting), encoding="utf-8")
    imported = import_amendment(source, "gya", REGULATIONS)
    assert imported.amendment is not None and imported.report.passes_check
    assert imported.amendment.preamble[-1] == enacting
    assert imported.amendment.meta["title"] == ("Rules of Procedure amending the Rules of Procedure of the Greenfield "
                                                "Youth Association")
    notes = {note.text: note.message for note in imported.report.notes}
    assert enacting not in notes
    assert notes["GREENFIELD YOUTH ASSOCIATION"] == "Read as the front-matter key 'issuer'."
    assert notes["RULES OF PROCEDURE"] == "Read as the front-matter key 'type'."
    assert notes["amending the Rules of Procedure of the Greenfield Youth Association"] == "Read as part of the title."
    assert not any("Part of the header" in message for message in notes.values())


def test_a_title_line_naming_the_verb_stays_the_title(tmp_path: Path) -> None:
    title = "amending the Rules of Procedure of the Greenfield Youth Association on issues raised by members"
    source = tmp_path / "amending.txt"
    source.write_text(HEADER.format(title=title, grounds="", enacting="The Executive Board issues these Rules."),
                      encoding="utf-8")
    imported = import_amendment(source, "gya", REGULATIONS)
    assert imported.amendment is not None
    assert imported.amendment.preamble == ("The Executive Board issues these Rules.",)
    assert imported.amendment.meta["title"] == f"Rules of Procedure {title}"


def test_a_line_left_out_is_named_as_left_out(tmp_path: Path) -> None:
    source = tmp_path / "amending.txt"
    source.write_text(HEADER.format(title="amending the Rules of Procedure of the Greenfield Youth Association",
                                    grounds="\nPursuant to the Articles of Association;\n\nFOR CONSULTATION\n",
                                    enacting="The Executive Board issues these Rules."), encoding="utf-8")
    imported = import_amendment(source, "gya", REGULATIONS)
    left = [note for note in imported.report.notes if note.text == "FOR CONSULTATION"]
    assert [note.message.split(":")[0] for note in left] == ["Left out"]

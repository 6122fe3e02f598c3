"""An English amending document letters its instructions in the alphabet of the text it amends (r32).

r30 let the document alone decide (`layout.instruction_alphabet`): a to z, unless it letters an instruction `dd)`.
The English translation of a Vietnamese amending document whose groups went `a) … d) e)`, where its original has
`đ)` and so the translation should have `dd)`, was read as English lettering and passed: its instructions no longer
matched the numbers the original's footnotes cite. Read in the workspace, the text amended decides: a translation
(`translation_of`) letters in the Vietnamese alphabet, an English text of its own a to z.
"""

from __future__ import annotations

import pytest

from regdraft.core.errors import ParseError
from regdraft.workspace.amendments import load
from regdraft.workspace.store import Workspace

_CHANGES = [
    "In clause 1, the words “democratic centralism” are replaced by “centralism”.",
    "In point a of clause 2, the words “whole term” are replaced by “term”.",
    "In point b of clause 2, the words “personnel” are replaced by “staff”.",
    "In point c of clause 2, the words “inspection” are replaced by “checks”.",
    "In point d of clause 2, the words “reviews” are replaced by “audits”.",
    "Clause 3 is repealed.",
]

_BYLAWS = ("---\nid: BL-2024\ntype: Bylaws\ntitle: Bylaws\nlanguage: en\nissuer: International Association\n"
           "signed: 2024-03-15\n---\n\n## Article 1. Definitions\n\n1\\. In these Bylaws:\n\n{points}"
           "## Article 2. Effect\n\nThese Bylaws take effect on adoption.\n")


def _amendment(regulation: str, letters: str) -> str:
    items = "".join(f"{label}) {change}\n\n" for label, change in zip(letters.split(), _CHANGES, strict=False))
    return (f"---\nnumber: 07/RES\ntitle: Test\nregulation: {regulation}\nlanguage: en\nstatus: draft\ndraft: 1\n"
            f"---\n\n## Article 1. Amendments\n\n1\\. Article 2 is amended as follows:\n\n{items}")


def _told(ws: Workspace, regulation: str, letters: str) -> list[str]:
    """The letters `load` tells an English amendment of `regulation` lettering its group `letters` to use."""
    ws.commit({"amendments/en-test/amendment.md": _amendment(regulation, letters).encode()}, "English amendment")
    try:
        load(ws, "en-test")
    except ParseError as exc:
        return [p.message.split(": letter it ")[1].split(",")[0] for p in exc.problems if "letter it" in p.message]
    return []


@pytest.fixture
def with_bylaws(tmp_workspace: Workspace) -> Workspace:
    """The shipped workspace (its English translation 01-QC/TU-EN) and an English text of its own, points a to j."""
    points = "".join(f"{x}) Item {x} of the list;\n\n" for x in "abcdefghij")
    tmp_workspace.commit({"regulations/BL-2024.md": _BYLAWS.format(points=points).encode()}, "Bylaws")
    return tmp_workspace


def test_a_translations_amendment_lettering_e_where_its_original_has_dd_is_told_dd(with_bylaws: Workspace) -> None:
    assert _told(with_bylaws, "01-QC/TU-EN", "a b c d e f") == ["dd)", "e)"]
    assert _told(with_bylaws, "01-QC/TU-EN", "a b c d dd e") == []


def test_an_english_texts_own_amendment_still_letters_a_to_z(with_bylaws: Workspace) -> None:
    assert _told(with_bylaws, "BL-2024", "a b c d e f") == []
    assert _told(with_bylaws, "BL-2024", "a b c d dd e") == ["e)", "f)"]


def test_an_amendment_of_a_text_the_workspace_does_not_hold_is_read_as_before(with_bylaws: Workspace) -> None:
    assert _told(with_bylaws, "99-QC/TU-EN", "a b c d e f") == []
    assert _told(with_bylaws, "99-QC/TU-EN", "a b c d dd e") == []

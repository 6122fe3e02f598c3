"""`affected_references` checks each reference only against the changes near it (`refs._Near`).

The answer must be the one the plain search over every change gives, in the same order and with
the same cause (the first change, in the changes' order, that encloses or lies in the target).
Compared here on the shipped amendment and on the two real amending documents of the corpus, with
the changes as `amend check` lists them (per instruction) and as the redline lists them (per
provision compared), and on hand-made addresses: headings around articles, parts, the whole text.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.diff import compare
from regdraft.core.markdown import parse
from regdraft.core.model import Address, Regulation
from regdraft.core.refs import ReferenceIssue, _affected, _ancestry, _encloses, _Near, affected_references
from tests.conftest import REPO_ROOT, SHARED, needs_corpus


def _plain(before: Regulation, after: Regulation, changed: Iterable[Address]) -> list[ReferenceIssue]:
    """`affected_references` as it was before `_Near`: every reference tested against every change."""
    changes = list(dict.fromkeys(changed))
    return _affected(before, after, {**_ancestry(before), **_ancestry(after)}, lambda _target: changes)


def _both_ways(before: Regulation, after: Regulation) -> None:
    applied_changes = [c.address for c in compare(before, after).changes]
    for changed in (applied_changes, list(reversed(applied_changes))):
        found = affected_references(before, after, changed)
        assert found == _plain(before, after, changed)


def test_the_shipped_amendment_finds_what_every_change_finds() -> None:
    before = parse((REPO_ROOT / "regulations" / "01-QC-TU.md").read_bytes(), "regulations/01-QC-TU.md")
    amendment = load_amendment((REPO_ROOT / "amendments" / "qc-sua-doi-2025" / "amendment.md").read_bytes(),
                               "amendments/qc-sua-doi-2025/amendment.md", "qc-sua-doi-2025")
    applied = apply(before, amendment)
    changed = [c.address for c in applied.changes]
    assert affected_references(before, applied.regulation, changed) == _plain(before, applied.regulation, changed)
    _both_ways(before, applied.regulation)


@needs_corpus
@pytest.mark.parametrize(("base_file", "reg_id", "amending_file"), [
    ("luat-dau-thau-2023/base-22-2023-QH15.txt", "22/2023/QH15", "luat-dau-thau-2023/amending-57-2024-QH15.txt"),
    ("nd-63-2010/base-63-2010-ND-CP.txt", "63/2010/NĐ-CP", "nd-63-2010/amending-48-2013-ND-CP.txt"),
])
def test_real_amending_documents_find_what_every_change_finds(base_file: str, reg_id: str,
                                                               amending_file: str) -> None:
    from regdraft.importer import import_file
    from regdraft.importer.amendment import import_amendment

    corpus = SHARED / "corpus" / "amendments"
    imported = import_file(corpus / base_file, reg_id=reg_id)
    before = parse(imported.text, imported.regulation.source)
    amendment = import_amendment(corpus / amending_file, "real", {reg_id: before.meta}).amendment
    assert amendment is not None
    applied = apply(before, amendment)
    changed = [c.address for c in applied.changes]
    found = affected_references(before, applied.regulation, changed)
    assert found == _plain(before, applied.regulation, changed)
    assert len(changed) > 10 and found  # a real amendment: many changes, and references they touch
    _both_ways(before, applied.regulation)


def test_near_changes_include_every_change_that_encloses_or_lies_inside() -> None:
    """Headings around an article, an article's parts, dash items and the whole text (no segment)."""
    reg = parse((REPO_ROOT / "regulations" / "01-QC-TU.md").read_bytes(), "r.md")
    ancestry = _ancestry(reg)
    addresses = list(ancestry)
    parts = [Address(a.segments, part) for a in addresses[::7] for part in ("intro", "end", "dash1", "dash1.plus1")]
    everything = [*addresses, *parts, Address(())]
    near = _Near(everything, ancestry)
    for x in everything:
        around = near.around(x)
        wanted = [c for c in everything if _encloses(c, x, ancestry) or _encloses(x, c, ancestry)]
        assert [c for c in around if c in wanted] == wanted  # none missing, in the changes' order
        assert around == [c for c in everything if c in around]

"""`amend from-edits` looks for phrase instructions without walking what the edits left alone.

`edit_sites.sites` skips the units inside a unit the new text has as it stands, and `choose` counts a
phrase only in the articles whose folded text (`phrases.loose_unit`) may hold it. Both must find
exactly what walking and counting everything finds: on the shipped regulation and a real law, with
paragraphs edited at random, and where two units share an address (then nothing is skipped).
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from regdraft.core.amend.apply import occurrences
from regdraft.core.amend.edit_sites import sites
from regdraft.core.amend.phrases import loose_phrase, loose_unit
from regdraft.core.amend.reading import Reading as _Folded
from regdraft.core.amend.replacements import choose
from regdraft.core.markdown import parse
from regdraft.core.model import Regulation, Unit
from tests.conftest import REPO_ROOT, SHARED, needs_corpus


def _edited(reg: Regulation, seed: int, edits: int = 12) -> Regulation:
    """`reg` with a word replaced in `edits` paragraphs picked at random."""
    rnd = random.Random(seed)
    units = list(reg.units)

    def edit(unit: Unit) -> Unit:
        if unit.text and rnd.random() < 0.5:
            i = rnd.randrange(len(unit.text))
            words = unit.text[i].split()
            words[rnd.randrange(len(words))] = "chỉnh"
            return replace(unit, text=(*unit.text[:i], " ".join(words), *unit.text[i + 1:]))
        if unit.children:
            j = rnd.randrange(len(unit.children))
            return replace(unit, children=(*unit.children[:j], edit(unit.children[j]), *unit.children[j + 1:]))
        return unit

    for _ in range(edits):
        k = rnd.randrange(len(units))
        units[k] = edit(units[k])
    return reg.with_units(tuple(units))


def _texts() -> list[Regulation]:
    regs = [parse((REPO_ROOT / "regulations" / "01-QC-TU.md").read_bytes(), "01-QC-TU.md")]
    if (SHARED / "corpus").is_dir():
        from regdraft.importer import import_file

        law = import_file(SHARED / "corpus" / "vi" / "luat-thanh-nien.txt", reg_id="57/2020/QH14")
        regs.append(parse(law.text.encode("utf-8"), "luat-thanh-nien.md"))
    return regs


@pytest.mark.parametrize("seed", range(4))
def test_pruned_sites_are_every_site(seed: int) -> None:
    for old in _texts():
        new = _edited(old, seed)
        after = {loc.address: loc.unit for loc in new.walk()}
        everything = sites(old, after)
        assert everything  # the edits are found at all
        assert sites(old, after, pruned=True) == everything


def _walking_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """`choose` as it was: every unit walked and every article counted, in every round."""
    from regdraft.core.amend import replacements

    monkeypatch.setattr(replacements, "sites", lambda old, after, pruned=False: sites(old, after))
    monkeypatch.setattr(_Folded, "sites", lambda self, unit, after: sites(Regulation("", units=(unit,)), after))
    monkeypatch.setattr(_Folded, "holding", lambda self, units, phrase, capitals=False: list(units))


def _phrases(old: Regulation, seed: int) -> Regulation:
    """`old` with one phrase of its own changed wherever it stands in the first articles that hold it."""
    phrase = "Ban Thường vụ" if old.language == "vi" and "Ban Thường vụ" in old.units[0].all_text() else ""
    words = phrase or next(p for loc in old.walk() for p in loc.unit.text if len(p.split()) > 6).split()[2]
    from regdraft.core.amend.apply import replace_words

    units = list(old.units)
    for k in random.Random(seed).sample(range(len(units)), min(3, len(units))):
        units[k] = replace_words(units[k], words, "Cơ quan thường trực")
    return old.with_units(tuple(units))


@pytest.mark.parametrize("shared", [False, True], ids=["addresses distinct", "an address twice"])
def test_choose_finds_what_walking_everything_finds(shared: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    for old in _texts():
        if shared:  # the last chapter twice: its articles share addresses, so nothing may be skipped
            old = old.with_units((*old.units, old.units[-1]))
            assert len(list(old.walk())) > len(old.index())
        for seed in range(2):
            new = _phrases(_edited(old, seed), seed)
            fast = choose(old, new)
            with monkeypatch.context() as patched:
                _walking_everything(patched)
                slow = choose(old, new)
            assert fast[0]  # a phrase instruction is chosen at all
            assert fast == slow


@needs_corpus
def test_folded_texts_hold_every_phrase_found() -> None:
    old = _texts()[1]
    rnd = random.Random(5)
    paragraphs = [p.split() for loc in old.walk() for p in loc.unit.text if len(p.split()) > 3]
    folded = _Folded()
    for _ in range(300):
        words = rnd.choice(paragraphs)
        at = rnd.randrange(len(words) - 3)
        phrase = " ".join(words[at:at + rnd.randint(1, 3)])
        holding = folded.holding(old.units, phrase)
        assert holding  # the phrase was taken from the text
        assert {id(u) for u in old.units if occurrences(u, phrase)} <= {id(u) for u in holding}
        assert all(loose_phrase(phrase) in loose_unit(u) for u in holding)

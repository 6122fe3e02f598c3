"""`amend from-edits` reads each unit once for all the rounds of `replacements.choose` (brief f23, fix 2).

Each round chose one phrase instruction after looking at the whole regulation again: every unit's edits and their
candidate phrases with their costs, every address, each candidate's count in the whole text, its other capitals
everywhere, and for each provision it names, the provision with it replaced and that one's distance from its new
text. `reading.Reading` keeps these by unit for the rounds (a round's instruction shares the units it leaves), counts
a phrase only until the count is decided, and looks for other capitals only where the phrase stands in any capitals.
The amendment written must be the same, byte for byte, as when every round read everything.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from benchmarks.generate import generate
from benchmarks.scattered_edits import scattered
from regdraft.core.amend import render_amendment
from regdraft.core.amend.apply import occurrences, replace_words
from regdraft.core.amend.edit_sites import Site, sites, widenings
from regdraft.core.amend.edits import document, instructions_from_edits
from regdraft.core.amend.readable import Cohesion
from regdraft.core.amend.reading import Reading
from regdraft.core.markdown import parse
from regdraft.core.model import Address, Regulation, Unit


def _reading_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """`choose` reading everything in every round, as it did: nothing kept, every count and search complete."""
    def alone(units: tuple[Unit, ...]) -> Regulation:
        return Regulation("", units=units)

    def distance(self: Reading, a: Unit, b: Unit, apart: str, compute: Callable[[Unit, Unit, str], int | None]
                 ) -> int | None:
        return compute(a, b, apart)

    def index(self: Reading, units: tuple[Unit, ...]) -> dict[Address, Unit]:
        return {address: loc.unit for address, loc in alone(tuple(units)).index().items()}

    def every_site(self: Reading, unit: Unit, after: dict[Address, Unit]) -> list[Site]:
        return sites(alone((unit,)), after)

    monkeypatch.setattr(Reading, "sites", every_site)
    monkeypatch.setattr(Reading, "widenings", lambda self, site, cohesion: list(widenings(site, cohesion)))
    monkeypatch.setattr(Reading, "index", index)
    monkeypatch.setattr(Reading, "count",
                        lambda self, units, phrase, beyond=None: sum(occurrences(u, phrase) for u in units))
    monkeypatch.setattr(Reading, "holding", lambda self, units, phrase, capitals=False: list(units))
    monkeypatch.setattr(Reading, "replaced", lambda self, unit, old, new: replace_words(unit, old, new))
    monkeypatch.setattr(Reading, "distance", distance)


def _written(old: Regulation, edited: Regulation) -> str:
    return render_amendment(document(old, instructions_from_edits(old, edited).instructions))


@pytest.mark.parametrize(("articles", "edits"), [(60, 16), (120, 40)])
def test_the_amendment_is_the_one_written_when_every_round_read_everything(
        articles: int, edits: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = generate(articles, seed=1)
    old, edited = parse(text, "gen.md"), parse(scattered(text, edits), "edited.md")
    fast = _written(old, edited)
    with monkeypatch.context() as patched:
        _reading_everything(patched)
        slow = _written(old, edited)
    assert fast.count("Thay thế cụm từ") + fast.count("Bổ sung cụm từ") >= 3  # several rounds of `choose`
    assert fast == slow


def test_a_count_past_its_bound_stops_and_a_full_one_is_exact() -> None:
    reg = parse(generate(30, seed=2), "gen.md")
    reading = Reading()
    for phrase in ("và", "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "không có ở đâu"):
        full = sum(occurrences(u, phrase) for u in reg.units)
        assert reading.count(reg.units, phrase) == full
        assert reading.count(reg.units, phrase, full) == full
        if full:
            assert full >= reading.count(reg.units, phrase, full - 1) > full - 1
        # In any capitals: every unit holding the phrase, in capitals or not, is looked at.
        capitals = {id(u) for u in reading.holding(reg.units, phrase.upper(), capitals=True)}
        assert {id(u) for u in reg.units if phrase.lower() in u.all_text().lower()} <= capitals
        assert bool(capitals) == bool(full)


def test_the_phrases_kept_for_an_edit_are_its_widenings() -> None:
    text = generate(20, seed=3)
    old, edited = parse(text, "gen.md"), parse(scattered(text, 8), "edited.md")
    after = {loc.address: loc.unit for loc in edited.walk()}
    cohesion = Cohesion([p for loc in old.walk() for p in ((loc.unit.title or ""), *loc.unit.text)], old.language)
    reading = Reading()
    found = [s for unit in old.units for s in reading.sites(unit, after)]
    assert found == sites(old, after)
    for site in found:
        assert reading.widenings(site, cohesion) == list(widenings(site, cohesion))
        assert reading.widenings(site, cohesion) is reading.widenings(site, cohesion)  # kept for the next round

"""What `replacements.choose` reads of a regulation, kept across its rounds.

`choose` writes one phrase instruction a round, and each round looks at the whole regulation again: its edits
(`edit_sites.sites`), the phrases that may express each (`edit_sites.widenings`), every address (`Regulation.index`),
how often each candidate phrase occurs, and for each provision a candidate names, the provision with the phrase
replaced and how far that is from its new text (`replacements._distance`). A round's instruction makes new units only
where it changes them and shares the others, and the new text is the same in every round; so each of these is read
once per unit (by identity: a unit is held here, so its id is not reused) and reused while the unit is shared.

Post-conditions (`tests/test_replacements_reading.py` checks `choose` against reading everything in every round):
1. `sites(unit, after)` is `edit_sites.pruned_sites((unit,), after)`.
2. `widenings(site, cohesion)` is `list(edit_sites.widenings(site, cohesion))` (one cohesion a `Reading`).
3. `index(units)` maps each address to its unit as `Regulation.index` does (the last unit with it).
4. `count(units, phrase)` is `sum(apply.occurrences(u, phrase) for u in units)`, and so is `count(units, phrase, n)`
   where that is at most `n` (more than `n` where it is more); `holding(units, phrase)` keeps every unit in which the
   phrase occurs, `holding(units, phrase, capitals=True)` every one in which it occurs in any capitals.
5. `replaced(unit, old, new)` is `apply.replace_words(unit, old, new)`; `distance(a, b, apart)` is
   `replacements._distance(a, b, apart)` as `compute` gives it.
6. `cohesion(old)` is `Cohesion` of `old`'s titles and paragraphs in its language, whose widenings (`Cohesion.widened`)
   are those found so far in a text of the same words, while it is among the last `TEXTS_KEPT` asked for; the same
   `Cohesion` for a text of the same words while it is among the last `COHESIONS_KEPT`. Accepting
   a proposal on the review server writes the amendment's instructions anew from the text in force (`amend
   from-edits`): each accept widened every edit of the amendment again (Luật 57/2024's 21 instructions on Luật Đấu
   thầu: 4,055 phrases at 127 edits, two thirds of the search), though only the proposal's were new.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import threading
from collections.abc import Callable, Iterable, Sequence

from regdraft.core.amend import phrases
from regdraft.core.amend.apply import replace_words
from regdraft.core.amend.edit_sites import Hit, Site, pruned_sites, widenings
from regdraft.core.amend.readable import Cohesion
from regdraft.core.model import Address, Regulation, Unit, unit_address

__all__ = ["Reading", "cohesion"]

Widening = tuple[str, str | None, Hit]

# Texts whose widenings are kept: the text in force, the preview, the preview with a proposal, and one more. Those of
# Luật Đấu thầu's text in force for 57/2024 hold 2.6 MB.
TEXTS_KEPT = 4
# Texts whose whole `Cohesion` (11 MB for Luật Đấu thầu) is kept: the last two searched. One `amend from-edits` searches
# the same text in force three or four times (`plan`, then the instructions checked), and each accept of a proposal
# on the review server searches it again; each search built it anew (0.04-0.2 s, 23 builds in two test modules).
COHESIONS_KEPT = 2
# Edits whose widenings are kept for one text (about 20 kB each, with their paragraphs): past them, they are widened
# afresh. 57/2024's instructions make 127 edits of Luật Đấu thầu.
SITES_KEPT = 1_000


def cohesion(old: Regulation) -> Cohesion:
    """The cohesion of `old`'s words, with the widenings found in the same words kept (post-condition 6)."""
    paragraphs = [p for loc in old.walk() for p in ((loc.unit.title or ""), *loc.unit.text)]
    digest = hashlib.blake2b(digest_size=20)
    for paragraph in paragraphs:
        data = paragraph.encode("utf-8")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    key = (digest.digest(), old.language)
    with _KEEPING:
        found = _COHESIONS.pop(key, None)
    if found is None:
        found = Cohesion(paragraphs, old.language)
        found.widened = _widened(*key)
    with _KEEPING:  # the review server's threads search at once
        _COHESIONS[key] = found  # the last one asked for last
        while len(_COHESIONS) > COHESIONS_KEPT:
            del _COHESIONS[next(iter(_COHESIONS))]
    return found


# The cohesions kept, by digest of the text and language, the one asked for last at the end. A `Cohesion` answers from
# the text alone (what it has counted so far kept in it), so one built for a text answers any search of the same words.
_COHESIONS: dict[tuple[bytes, str], Cohesion] = {}
_KEEPING = threading.Lock()


@functools.lru_cache(maxsize=TEXTS_KEPT)
def _widened(_text: bytes, _language: str) -> dict[Site, list[Widening]]:
    """The widenings found in the text of digest `_text`, in `_language`: one dictionary for each."""
    return {}


class Reading:
    """Each top unit's texts, loose lines (`phrases.loose_unit`), addresses, edits and phrase counts, and the work
    done on provisions, kept for one `choose`: a phrase is counted only in the units that may hold it, and counted
    again only in the units the instructions chosen so far changed."""

    def __init__(self) -> None:
        self._units: dict[int, _Read] = {}  # by id; the unit is held, so its id is not reused
        self._replaced: dict[tuple[int, str, str | None], tuple[Unit, Unit]] = {}
        self._distances: dict[tuple[int, int, str], tuple[Unit, Unit, int | None]] = {}
        # Each edit's place (its provision and paragraph) and provision, numbered: by the edit's id, the edit held.
        self._sites: dict[int, tuple[Site, int, int]] = {}
        self._places: dict[tuple[Address, int], int] = {}
        self._holders: dict[Address, int] = {}
        self._held: list[Address] = []

    def holding(self, units: Sequence[Unit], phrase: str, capitals: bool = False) -> list[Unit]:
        """The units of `units` in which `phrase` may occur (with `capitals`, in any capitals: `phrases.other_capitals`
        looks for it in their lower-case texts)."""
        if not capitals:
            wanted = phrases.loose_phrase(phrase)
            return [unit for unit in units if wanted and wanted in self._read(unit).loose]
        wanted = phrases.loose_phrase(phrase.lower())
        return [unit for unit in units if wanted and wanted in self._read(unit).lowered()]

    def count(self, units: Sequence[Unit], phrase: str, beyond: int | None = None) -> int:
        """How often `phrase` occurs in `units`, as `apply.occurrences` counts it: `count` in each text whose loose
        line holds the phrase (in any other, `count` finds nothing). With `beyond`, counted in the units in order
        only until past it: a count over `beyond` is how many there are in the units counted so far."""
        wanted = phrases.loose_phrase(phrase)
        if not wanted:
            return 0
        total = 0
        for unit in units:
            if beyond is not None and total > beyond:
                break
            read = self._read(unit)
            found = read.counts.get(phrase)
            if found is None:
                found = read.counts[phrase] = sum(phrases.count(read.texts[i], phrase) for i in read.lines(wanted))
            total += found
        return total

    def index(self, units: Sequence[Unit]) -> dict[Address, Unit]:
        """Each address of the units (and those inside them) to its unit, the last one where two share it."""
        out: dict[Address, Unit] = {}
        for unit in units:
            read = self._read(unit)
            if read.index is None:
                read.index = {}
                _addresses(unit, None, read.index)
            out.update(read.index)
        return out

    def sites(self, unit: Unit, after: dict[Address, Unit]) -> list[Site]:
        """The edits of the top unit `unit` towards the new text `after` (the same in every round)."""
        read = self._read(unit)
        if read.sites is None:
            read.sites = pruned_sites((unit,), after)
        return read.sites

    def widenings(self, site: Site, cohesion: Cohesion) -> list[Widening]:
        """The phrases that may express the edit at `site` (`edit_sites.widenings`), kept with `cohesion`."""
        kept = cohesion.widened
        found = kept.get(site)
        if found is None:
            if len(kept) >= SITES_KEPT:
                kept.clear()
            found = kept[site] = list(widenings(site, cohesion))
        return found

    def place(self, site: Site) -> int:
        """A number for the place of `site` (its provision and paragraph, `Hit.occurrence` but the start), the same
        for every edit at that place."""
        return self._numbered(site)[1]

    def holders(self, sites: Iterable[Site]) -> list[Address]:
        """The provisions of `sites`, each once, in the order they first come (`dict.fromkeys` of their holders)."""
        held = self._held
        return [held[n] for n in dict.fromkeys(self._numbered(site)[2] for site in sites)]

    def _numbered(self, site: Site) -> tuple[Site, int, int]:
        found = self._sites.get(id(site))
        if found is None or found[0] is not site:
            holder = self._holders.get(site.holder)
            if holder is None:
                holder = self._holders[site.holder] = len(self._held)
                self._held.append(site.holder)
            place = self._places.setdefault((site.holder, site.index), len(self._places))
            found = self._sites[id(site)] = (site, place, holder)
        return found

    def replaced(self, unit: Unit, old: str, new: str | None) -> Unit:
        """`unit` with `old` replaced by `new` (`apply.replace_words`), the same object each time it is asked."""
        key = (id(unit), old, new)
        found = self._replaced.get(key)
        if found is None or found[0] is not unit:
            found = self._replaced[key] = (unit, replace_words(unit, old, new))
        return found[1]

    def distance(self, a: Unit, b: Unit, apart: str,
                 compute: Callable[[Unit, Unit, str], int | None]) -> int | None:
        """`compute(a, b, apart)`, once for each pair of units."""
        key = (id(a), id(b), apart)
        found = self._distances.get(key)
        if found is None or found[0] is not a or found[1] is not b:
            found = self._distances[key] = (a, b, compute(a, b, apart))
        return found[2]

    def _read(self, unit: Unit) -> _Read:
        found = self._units.get(id(unit))
        if found is None or found.unit is not unit:
            found = self._units[id(unit)] = _Read(unit)
        return found


def _addresses(unit: Unit, parent: Address | None, out: dict[Address, Unit]) -> None:
    address = unit_address(unit, parent)
    out[address] = unit
    for child in unit.children:
        _addresses(child, address, out)


class _Read:
    """A top unit's texts (`unit_texts`), their loose lines (`loose_unit`), the phrases counted in it, its addresses
    and its edits."""

    def __init__(self, unit: Unit) -> None:
        self.unit = unit
        self.texts = phrases.unit_texts(unit)
        self.loose = phrases.loose_unit(unit)
        self.starts = [0]
        for line in self.loose.split("\n")[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.counts: dict[str, int] = {}
        self.index: dict[Address, Unit] | None = None
        self.sites: list[Site] | None = None
        self._lowered: str | None = None

    def lowered(self) -> str:
        """The loose lines of the texts in lower case, as `phrases.other_capitals` compares them first."""
        if self._lowered is None:
            self._lowered = "\n".join(phrases.loose_phrase(text.lower()) for text in self.texts)
        return self._lowered

    def lines(self, wanted: str) -> list[int]:
        """The indexes of the lines holding `wanted` (a loose phrase: one line, not empty)."""
        found: list[int] = []
        at = self.loose.find(wanted)
        while at >= 0:
            line = bisect.bisect_right(self.starts, at) - 1
            found.append(line)
            if line + 1 == len(self.starts):
                break
            at = self.loose.find(wanted, self.starts[line + 1])
        return found

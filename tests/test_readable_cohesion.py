"""`readable.Cohesion` counts its word runs in bulk; it must answer as the plain counting did.

`amend from-edits` builds one over the whole regulation to decide where a quoted phrase may end
(`ủy|quyền` cuts a compound). The plain version kept a Counter of following and preceding words per
run and took 0.44 s on Luật Đấu thầu 22/2023; the bulk one counts flat tuples. Both are asked the
same questions, about words as they stand in the text (the usual case) and about random neighbours.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from regdraft.core.amend.readable import _BREAK, DOMINANT, MANY, Cohesion, _bare, _runs
from regdraft.core.markdown import parse
from tests.conftest import REPO_ROOT, SHARED, needs_corpus


class _Plain:
    """Cohesion as first written: a Counter of neighbours for every run of one to three words (a whole
    longer phrase is counted when asked about)."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.runs = [run for paragraph in paragraphs for run in _runs(paragraph)]
        self.starts: dict[str, list[tuple[list[str], int]]] = {}
        for run in self.runs:
            for i, word in enumerate(run):
                self.starts.setdefault(word, []).append((run, i))
        self.count: Counter[tuple[str, ...]] = Counter()
        self.after: dict[tuple[str, ...], Counter[str]] = {}
        self.before: dict[tuple[str, ...], Counter[str]] = {}
        for paragraph in paragraphs:
            for run in _runs(paragraph):
                for i in range(len(run)):
                    for k in (1, 2, 3):
                        if i + k > len(run):
                            break
                        gram = tuple(run[i:i + k])
                        self.count[gram] += 1
                        self.after.setdefault(gram, Counter())[run[i + k] if i + k < len(run) else _BREAK] += 1
                        self.before.setdefault(gram, Counter())[run[i - 1] if i else _BREAK] += 1

    def _long(self, gram: tuple[str, ...]) -> None:
        if len(gram) <= 3 or gram in self.count:
            return
        self.count[gram] += 0
        for run, i in self.starts.get(gram[0], []):
            if tuple(run[i:i + len(gram)]) == gram:
                end = i + len(gram)
                self.count[gram] += 1
                self.after.setdefault(gram, Counter())[run[end] if end < len(run) else _BREAK] += 1
                self.before.setdefault(gram, Counter())[run[i - 1] if i else _BREAK] += 1

    def _joined(self, grams: list[tuple[str, ...]], side: dict[tuple[str, ...], Counter[str]], word: str) -> bool:
        for gram in grams:
            self._long(gram)
            total = self.count.get(gram, 0)
            if total >= 2 and set(side[gram]) == {word}:
                return True
            if len(gram) == 1 and total >= MANY and side[gram][word] >= DOMINANT * total:
                return True
        return False

    def runs_on(self, words: list[str], following: str) -> bool:
        grams = [tuple(w.lower() for w in words[-k:]) for k in (len(words), 3, 2, 1) if k <= len(words)]
        return self._joined(grams, self.after, following.lower())

    def runs_back(self, words: list[str], previous: str) -> bool:
        grams = [tuple(w.lower() for w in words[:k]) for k in (len(words), 3, 2, 1) if k <= len(words)]
        return self._joined(grams, self.before, previous.lower())


TEXTS = [REPO_ROOT / "regulations" / "01-QC-TU.md", REPO_ROOT / "regulations" / "01-QC-TU-EN.md"]


def _paragraphs(text: bytes, source: str) -> list[str]:
    reg = parse(text, source)
    return [p for loc in reg.walk() for p in ((loc.unit.title or ""), *loc.unit.text)]


def _same_answers(paragraphs: list[str], probes: int = 4000) -> int:
    plain, bulk = _Plain(paragraphs), Cohesion(paragraphs)
    words = [w for p in paragraphs for w in p.split()]
    rnd = random.Random(7)
    asked = joined = 0
    for _ in range(probes):
        at, size = rnd.randrange(1, len(words) - 8), rnd.randint(1, 6)
        phrase = [_bare(w) or "x" for w in words[at:at + size]]
        for neighbour in (_bare(words[at + size]) or "y", _bare(words[at - 1]) or "y", rnd.choice(words)):
            answers = (bulk.runs_on(phrase, neighbour), bulk.runs_back(phrase, neighbour))
            assert answers == (plain.runs_on(phrase, neighbour), plain.runs_back(phrase, neighbour)), (phrase,
                                                                                                      neighbour)
            asked += 1
            joined += any(answers)
    assert joined  # some phrases do run on: the comparison is not between two "never"s
    return asked


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_bulk_counting_answers_as_the_plain_counting(path: Path) -> None:
    assert _same_answers(_paragraphs(path.read_bytes(), path.name)) == 12000


@needs_corpus
def test_bulk_counting_answers_as_the_plain_counting_on_a_real_law() -> None:
    from regdraft.importer import import_file

    imported = import_file(SHARED / "corpus" / "amendments" / "luat-dau-thau-2023" / "base-22-2023-QH15.txt",
                           reg_id="22/2023/QH15")
    assert _same_answers(_paragraphs(imported.text.encode("utf-8"), "22-2023-QH15.md")) == 12000


def test_short_runs_and_breaks() -> None:
    paragraphs = ["Ủy ban nhân dân tỉnh; Ủy ban nhân dân huyện.", "(a) báo cáo, báo cáo và tố cáo", "", "một"]
    plain, bulk = _Plain(paragraphs), Cohesion(paragraphs)
    for phrase in (["ủy", "ban"], ["nhân", "dân"], ["báo"], ["một"], ["tỉnh"], ["a"]):
        for neighbour in ("nhân", "ủy", "tỉnh", "cáo", "báo", _BREAK, "và"):
            assert bulk.runs_on(phrase, neighbour) == plain.runs_on(phrase, neighbour)
            assert bulk.runs_back(phrase, neighbour) == plain.runs_back(phrase, neighbour)
    assert bulk.runs_on(["ủy", "ban"], "nhân") and bulk.runs_on(["báo"], "cáo")


@needs_corpus
def test_a_whole_phrase_followed_by_the_same_words_everywhere_runs_on() -> None:
    """`cơ quan chuyên môn về du lịch` is followed by `cấp tỉnh` at each of its places in Luật Du lịch (lower-case
    and capitalised), though `về du lịch` alone is followed by many words: ending a phrase there cuts the name."""
    from regdraft.importer import import_file

    imported = import_file(SHARED / "corpus" / "vi" / "luat-du-lich.txt", reg_id="09/2017/QH14")
    cohesion = Cohesion(_paragraphs(imported.text.encode("utf-8"), "09-2017-QH14.md"))
    assert cohesion.runs_on("cơ quan chuyên môn về du lịch".split(), "cấp")
    assert not cohesion.runs_on("về du lịch".split(), "cấp")
    assert not cohesion.runs_on("cơ quan chuyên môn về du lịch cấp tỉnh".split(), "nơi")

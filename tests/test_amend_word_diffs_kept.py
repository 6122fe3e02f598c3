"""`amend from-edits` diffs the words of two texts once, however often its rounds ask (suite30).

`replacements.choose` asked `one_provision.few_words` of the same candidate phrases in every round, and `_distance`
of new units holding the same paragraphs: Nghị định 48/2013's unedited preview made 48,812 and 3,387 word diffs of
3,521 and 112 different pairs of texts (13.8 s of CPU, 6.6 s now). Each answer is kept by its two texts.
"""

from __future__ import annotations

import difflib

import pytest

from regdraft.core import longest_match
from regdraft.core.amend import one_provision, replacements
from regdraft.core.amend.apply import replace_words
from regdraft.core.markdown import parse
from tests.conftest import FIXTURES


def _counted(monkeypatch: pytest.MonkeyPatch, module: object) -> list[object]:
    """The word diffs `module` makes from now on."""
    made: list[object] = []

    class Counted(difflib.SequenceMatcher[str]):
        def __init__(self, isjunk: None, a: list[str], b: list[str], autojunk: bool = True) -> None:
            made.append((a, b))
            super().__init__(isjunk, a, b, autojunk)

    monkeypatch.setattr(module, "difflib", type("difflib", (), {"SequenceMatcher": Counted}))
    return made


def _forget(module: object, name: str) -> None:
    """Empty what `module.name` keeps, so that the test sees every diff it makes."""
    getattr(getattr(module, name, None), "cache_clear", lambda: None)()


def test_few_words_diffs_a_pair_of_texts_once(monkeypatch: pytest.MonkeyPatch) -> None:
    _forget(one_provision, "few_words")
    made = _counted(monkeypatch, one_provision)
    old, new = "Cơ quan kiểm soát thủ tục hành chính", "Cục Kiểm soát thủ tục hành chính"
    answers = [one_provision.few_words(old, new) for _ in range(3)]
    assert answers == [True] * 3 and len(made) == 1
    assert one_provision.few_words(old, f"{old} và các cơ quan khác của Chính phủ") is False
    assert len(made) == 2


def test_distance_diffs_the_same_paragraphs_once_for_new_units(monkeypatch: pytest.MonkeyPatch) -> None:
    _forget(replacements, "_word_changes")
    made: list[object] = []
    compare = longest_match.opcodes  # difflib's opcodes, as `replacements` finds them, counted

    def counted(a: list[str], b: list[str]) -> object:
        made.append((a, b))
        return compare(a, b)

    monkeypatch.setattr(replacements, "opcodes", counted)
    article = parse((FIXTURES / "mini.md").read_text(encoding="utf-8"), "mini.md").units[0]
    while not any(article.text) and article.children:
        article = article.children[0]
    word = next(w for w in " ".join(article.text).split() if len(w) > 3 and w.isalpha())
    # Each round replaces the words anew: other objects, the same texts.
    first = replacements._distance(article, replace_words(article, word, "XYZ"))
    diffed = len(made)
    assert first is not None and first > 0 and diffed > 0
    again = [replacements._distance(article, replace_words(article, word, "XYZ")) for _ in range(3)]
    assert again == [first] * 3 and len(made) == diffed

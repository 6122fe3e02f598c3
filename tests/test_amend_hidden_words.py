"""The sentence on an invisible character hiding a phrase's words costs work in proportion to the instruction's lines
(r36 sweep BK F1): the word around each invisible character of the line was walked afresh, one character at a time,
for every one of them, and a run of 20,000 zero-width spaces after a `Bỏ cụm từ` instruction took 117 s of CPU of
`amend check` (and of `check`, for an amendment a colleague pushed)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from regdraft.core.amend import hidden_words as module
from regdraft.core.amend.document import read_amendment
from regdraft.core.errors import Problem
from regdraft.core.markdown import parse
from tests.conftest import REPO_ROOT, SHIPPED_AMENDMENT, SHIPPED_REGULATION

SOURCE = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
INSTRUCTION = "12\\. Bỏ cụm từ “khóa XII” tại khoản 1 Điều 3."
ZWSP = "\u200b"
PATTERNS = {name: value for name, value in vars(module).items() if hasattr(value, "compiled")}  # `patterns.lazy`


class _Counted:
    """A pattern that adds to `work` one for each call and the characters it is given to look at."""

    def __init__(self, pattern: re.Pattern[str], work: list[int]) -> None:
        self.pattern, self.work = pattern, work

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.pattern, name)

        def counted(*args: Any) -> Any:
            string, bounds = (args[1], ()) if name in ("sub", "subn") else (args[0], args[1:3])
            start = bounds[0] if bounds else 0
            end = min(bounds[1], len(string)) if len(bounds) > 1 else len(string)
            self.work[0] += 1 + max(0, end - start)
            return method(*args)

        return counted


def _said(instruction: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    """The sentence `hidden_words` adds to a problem of the shipped amendment's instruction 12 written as
    `instruction`, and the work its patterns did (calls and characters looked at)."""
    text = (REPO_ROOT / SOURCE).read_text(encoding="utf-8")
    assert INSTRUCTION in text
    text = text.replace(INSTRUCTION, instruction, 1)
    amendment, problems = read_amendment(text, SOURCE, SHIPPED_AMENDMENT)  # the line's own problem (`check`'s)
    assert amendment is not None and all("invisible" in p.message for p in problems), problems
    regulation = parse(SHIPPED_REGULATION.read_bytes(), "regulations/01-QC-TU.md")
    line = next(n for n, each in enumerate(text.split("\n"), 1) if each.startswith("12\\."))
    problem = Problem("“khóa XIIz” is found 0 times in khoản 1 Điều 3.", SOURCE, line)
    work = [0]
    for name, pattern in PATTERNS.items():  # every pattern of the module
        monkeypatch.setattr(module, name, _Counted(pattern.compiled(), work))
    # The regulation's file holds no invisible character: only the amending document's lines are looked at.
    [said] = module.hidden_words([problem], amendment, regulation, SHIPPED_REGULATION.read_text(encoding="utf-8"),
                                 text)
    return said.message.removeprefix(problem.message).strip(), work[0]


@pytest.mark.parametrize("run", [1_000, 10_000])
def test_a_run_of_invisible_characters_on_the_instruction_line_costs_in_proportion(
        run: int, monkeypatch: pytest.MonkeyPatch) -> None:
    said, once = _said(f"{INSTRUCTION[:-1]}z. {ZWSP * run}", monkeypatch)
    assert said == ""  # the run hides no word of the phrase
    _, twice = _said(f"{INSTRUCTION[:-1]}z. {ZWSP * 2 * run}", monkeypatch)
    # A few looks at each character the run adds; each character's word walked afresh: 9,000,000 for 1,000 more.
    assert twice - once < 10 * run, (once, twice)


def test_an_invisible_character_inside_the_quoted_phrase_is_still_named(monkeypatch: pytest.MonkeyPatch) -> None:
    said, _ = _said(f"12\\. Bỏ cụm từ “khóa{ZWSP}XII” tại khoản 1 Điều 3. {ZWSP * 5_000}", monkeypatch)
    assert said == ("The phrase as quoted holds the invisible character U+200B (zero width space) («12\\. Bỏ cụm từ "
                    "“khóa<U+200B>XII” tại khoản 1 Điều 3.»), which reads as nothing: retype the phrase."), said

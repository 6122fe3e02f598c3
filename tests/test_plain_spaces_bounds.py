"""`plain_spaces` looks for runs of spaces from a run's start only (r27, after fixer costs27's note).

`[ ]*[ODD][ ODD]*` searched unanchored was tried again from every plain space of a long run, each try taking the rest
of the run and giving it back: `'a' + ' ' * 20000 + 'b'` took 4.5 s (quadratic), in `amend from-edits`. Python's `re`
counts no steps, so the pattern is checked to begin where no plain space stands before it, and to read as before."""

from __future__ import annotations

import random
import re
import re._constants as sre
import re._parser as sre_parse

from regdraft.core import text
from regdraft.core.text import ODD_SPACES, plain_spaces

OLD = re.compile(f"[ ]*[{ODD_SPACES}][ {ODD_SPACES}]*")


def test_a_run_is_looked_for_only_from_its_start() -> None:
    first = sre_parse.parse(text._ODD_RUN.pattern)[0]
    assert first[0] is sre.ASSERT_NOT and first[1][0] == -1, first  # a look-behind: no plain space before the run
    assert text._ODD_RUN.match("  \u00a0", 1) is None  # never from inside a run of plain spaces


def test_plain_spaces_reads_as_before() -> None:
    rng = random.Random(27)
    alphabet = "ab  \u00a0\u2003\t\u1680\u3000"
    for _ in range(3000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert text._ODD_RUN.sub(" ", sample) == OLD.sub(" ", sample), repr(sample)
    assert plain_spaces("Danh\u00a0hiệu  \u2003 thi đua   khen") == "Danh hiệu thi đua   khen"

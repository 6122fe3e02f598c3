"""The texts the wording editor of the review page opens with, each line sent once (`packed`).

An article's text holds its clauses' lines, a clause's its points', a lead-in or a dash item is a line of its unit: sent
as a map from each provision to its text, a law's text went to the browser once for every level it stands in (the
review page of Luật Đấu thầu 22/2023 amended by Luật 57/2024 carried 610 KB of texts for 252 KB of distinct lines).
`packed` sends every distinct line once and each provision's text as runs of those lines; `review.js` joins them back.

Post-conditions:
1. `unpacked(packed(texts)) == texts` for any texts (a text is its lines joined by `\\n`, split on `\\n` alone).
2. `packed(texts)["lines"]` holds each distinct line of the texts once, in the order first met.
3. Each text is `[start, count, start, count, …]`: the runs of `lines` that, joined by `\\n`, give it; a line
   following the one before in `lines` extends that run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def packed(texts: Mapping[str, str]) -> dict[str, Any]:
    """The texts as `{"lines": [...], "texts": {address: [start, count, ...]}}` (the module's post-conditions)."""
    lines: list[str] = []
    at: dict[str, int] = {}
    runs: dict[str, list[int]] = {}
    for address, text in texts.items():
        out: list[int] = []
        for line in text.split("\n"):
            after = out[-2] + out[-1] if out else -1
            if 0 <= after < len(lines) and lines[after] == line:  # the text goes on as it stood where it was met
                out[-1] += 1
                continue
            place = at.get(line)
            if place is None:
                place = at[line] = len(lines)
                lines.append(line)
            if place == after:  # met for the first time right after the run: its next line
                out[-1] += 1
            else:
                out += [place, 1]
        runs[address] = out
    return {"lines": lines, "texts": runs}


def unpacked(data: Mapping[str, Any]) -> dict[str, str]:
    """The texts `packed` gave `data` for (as `review.js` reads them)."""
    lines: list[str] = data["lines"]
    return {address: "\n".join(line for k in range(0, len(out), 2) for line in lines[out[k]:out[k] + out[k + 1]])
            for address, out in data["texts"].items()}

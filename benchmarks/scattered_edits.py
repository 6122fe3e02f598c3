"""Scattered one-phrase edits of a regulation's clauses and points, for `amend from-edits` (docs/performance.md).

`python benchmarks/scattered_edits.py REGULATION.md EDITED.md N` edits N clauses and points picked with seed N, in
turn: `và` → `và kịp thời` (or `về` → `đối với`), `chặt chẽ` inserted mid-sentence, `, trừ trường hợp pháp luật có
quy định khác` appended, `Tỉnh ủy` → `Thành ủy` (the r22 scaling sweep's edits). Then, in a workspace holding the
regulation: `regdraft amend from-edits x --new -r ID --edited EDITED.md`.
"""

from __future__ import annotations

import random
import re
import sys


def scattered(text: str, n: int) -> str:
    """`text` (a canonical regulation) with `n` clauses and points edited, picked with seed `n`."""
    lines = text.split("\n")
    rng = random.Random(n)
    candidates = [i for i, line in enumerate(lines) if re.match(r"^\d+\\\. ", line) or re.match(r"^[a-hđ]\) ", line)]
    for j, i in enumerate(sorted(rng.sample(candidates, n))):
        line, kind = lines[i], j % 4
        if kind == 0:
            added = line.replace(" và ", " và kịp thời ", 1)
            lines[i] = added if " và " in line else line.replace(" về", " đối với", 1)
        elif kind == 1:
            words = line.split(" ")
            words[len(words) // 2] = "chặt chẽ " + words[len(words) // 2]
            lines[i] = " ".join(words)
        elif kind == 2:
            lines[i] = line.rstrip(".;:") + ", trừ trường hợp pháp luật có quy định khác" + line[-1]
        else:
            lines[i] = line.replace("Tỉnh ủy", "Thành ủy")
    return "\n".join(lines)


if __name__ == "__main__":
    source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(source, encoding="utf-8") as f:
        edited = scattered(f.read(), count)
    with open(target, "w", encoding="utf-8") as f:
        f.write(edited)

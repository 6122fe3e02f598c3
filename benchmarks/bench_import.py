"""Benchmark: import a ~1 MB legal text (the corpus laws, concatenated and renumbered).

Run: .venv/bin/python benchmarks/bench_import.py   (the target is under 2 s)
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "vi"
TARGET_BYTES = 1_000_000


def build_text() -> str:
    """Corpus bodies (headers and signatures dropped) repeated, chapters and articles renumbered."""
    bodies = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        start = re.search(r"^Chương ", text, re.M)
        # The body ends before the adoption sentence and the signature.
        ends = list(re.finditer(r"^Luật này (?:đã )?được Quốc hội", text, re.M))
        end = ends[-1].start() if ends else len(text)
        bodies.append(text[start.start() if start else 0: end].rstrip() + "\n\n")
    header = "QUỐC HỘI\nLuật số: 99/2024/QH15\nHà Nội, ngày 01 tháng 01 năm 2024\nLUẬT\nTHỬ NGHIỆM\n\n"
    out = [header]
    size = len(header.encode())
    chapter = article = 0
    while size < TARGET_BYTES:
        for body in bodies:
            def chapter_no(_: re.Match[str]) -> str:
                nonlocal chapter
                chapter += 1
                return f"Chương {chapter}"

            def article_no(match: re.Match[str]) -> str:
                nonlocal article
                article += 1
                return f"Điều {article}"

            piece = re.sub(r"^Chương [IVXLC\d]+:?", chapter_no, body, flags=re.M)
            piece = re.sub(r"^Điều \d+", article_no, piece, flags=re.M)
            out.append(piece)
            size += len(piece.encode())
            if size >= TARGET_BYTES:
                break
    return "".join(out)


def main() -> int:
    from regdraft.importer import import_file

    text = build_text()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        path.write_text(text, encoding="utf-8")
        import_file(path)  # warm up imports and regex compilation
        start = time.perf_counter()
        result = import_file(path)
        elapsed = time.perf_counter() - start
    articles = sum(1 for _ in result.regulation.articles())
    print(f"imported {len(text.encode()) / 1e6:.2f} MB, {articles} articles, "
          f"check {'passes' if result.report.passes_check else 'fails'}: {elapsed:.2f} s (target < 2 s)")
    return 0 if elapsed < 2 else 1


if __name__ == "__main__":
    sys.exit(main())

"""Small inputs that cost time out of proportion to their size (performance.md, eighteenth round).

CPU seconds, in this process, of the library call behind each command:

1. `show`/`list`/`check` read a regulation's citations: `khoản 1 đến 200` with `, 1 đến 200` repeated (81 ranges,
   935 bytes) and `khoản 1, 1, 1, … Điều 1` with N items.
2. `comment import` of a Word reply with N comments in one paragraph of the shipped amendment's review copy.
3. `export -o x.html` and the consolidated DOCX: the inline Markdown of a clause of N `![`.
4. `compare`: N articles of 150 random syllables against the same in reverse order, one word of each edited; and N
   articles written as real ones are (half common words, half 25 words of their subject), the same (nineteenth round).

Run from the repository root: `.venv/bin/python benchmarks/bench_worst_inputs.py [--quick]`; to measure another tree
(the one before a change), copy this file into its `benchmarks/` and run it there.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from regdraft.core.markdown import parse  # noqa: E402

HEAD = "---\nid: X/1\ntype: Quy chế\ntitle: T\nlanguage: vi\nissuer: A\nsigned: 2021-01-09\n---\n\n"


def cpu(action: Callable[[], Any]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def citations(sizes: list[int]) -> None:
    from regdraft.core.refs import find_references

    provision = "2\\. theo quy định tại khoản 1 đến 200" + ", 1 đến 200" * 80 + " Điều 1."
    ranges = HEAD + "## Điều 1. A\n\n1\\. Một.\n\n" + provision + "\n"
    print(f"| citations: 81 ranges of 200 clauses (a clause of {len(provision.encode())} bytes) | "
          f"{cpu(lambda: find_references(parse(ranges))):.2f} |")
    for n in sizes:
        listed = HEAD + "## Điều 1. A\n\n1\\. Một.\n\n2\\. theo khoản " + ", ".join(["1"] * n) + " Điều 1.\n"
        print(f"| citations: `khoản 1, 1, …` of {n:,} items | {cpu(lambda t=listed: find_references(parse(t))):.2f} |")


def word_reply(sizes: list[int]) -> None:
    from click.testing import CliRunner
    from docx.text.run import Run

    from regdraft.cli import cli
    from regdraft.workspace.replies import import_word_reply
    from regdraft.workspace.store import init_workspace
    from tests import word_reply_kit as kit

    slug, body = "qc-sua-doi-2025", "Ban Tổ chức Tỉnh ủy"
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        ws = init_workspace(tmp / "ws", example_from=ROOT)
        runner = CliRunner()
        for args in (["round", "open", slug, "-C", str(ws.root), "--title", "Lấy ý kiến", "--due", "2099-03-15",
                      "--consult", body], ["round", "copy", slug, "-C", str(ws.root), "-o", str(tmp / "copy.docx")]):
            assert runner.invoke(cli, args).exit_code == 0
        for n in sizes:
            document = kit.open_docx(tmp / "copy.docx")
            paragraph = kit.paragraph_with(document, "Thường lệ ba tháng một lần")
            runs = []
            for k in range(n):
                element = copy.deepcopy(paragraph.runs[-1]._r)
                paragraph._p.append(element)
                run = Run(element, paragraph)
                run.text = f" n{n}w{k}"
                runs.append(run)
            for k, run in enumerate(runs):
                kit.comment(document, run, f"Góp ý {k}.", "A")
            reply = kit.save(document, tmp / f"reply-{n}.docx")
            seconds = cpu(lambda r=reply: import_word_reply(ws, slug, r, body))
            print(f"| `comment import`: {n:,} comments in one paragraph ({reply.stat().st_size // 1024} KB) | "
                  f"{seconds:.2f} |")


def inline(sizes: list[int]) -> None:
    from regdraft.core.inline import spans
    from regdraft.render.html import inline_markdown

    for n in sizes:
        text = "![" * n
        print(f"| inline Markdown of {n:,} `![` ({2 * n // 1000} KB), HTML and DOCX spans | "
              f"{cpu(lambda t=text: inline_markdown(t)):.2f}, {cpu(lambda t=text: spans(t)):.2f} |")


def reordered(sizes: list[int]) -> None:
    from regdraft.core.align import align, flatten
    from regdraft.core.text import tone_key

    rng = random.Random(1)
    syllables = [a + b for a in "bcdghklmnpqrstvx" for b in ("a", "á", "ơ", "ư", "ỗ", "iê", "uy", "an", "ông", "ênh")]
    for n in sizes:
        texts = [" ".join(rng.choice(syllables) for _ in range(150)) for _ in range(n)]

        def doc(order: list[int], edit: bool, texts: list[str] = texts) -> str:
            return HEAD + "\n\n".join(
                f"## Điều {m}. Điều\n\n{texts[k].replace(texts[k].split()[3], 'thay', 1) if edit else texts[k]}."
                for m, k in enumerate(order, 1)) + "\n"

        old = flatten(parse(doc(list(range(n)), False)))
        new = flatten(parse(doc(list(reversed(range(n))), True)))
        print(f"| align: {n} articles of 150 words against them reversed | "
              f"{cpu(lambda o=old, w=new: align(o, w, fold=tone_key)):.2f} |")


def topical(sizes: list[int]) -> None:
    from regdraft.core.align import align, flatten
    from regdraft.core.text import tone_key
    from tests.test_align_bounds import _regulation, _topical

    for n in sizes:
        texts = _topical(n)
        old = flatten(parse(_regulation(texts, list(range(n)), False)))
        new = flatten(parse(_regulation(texts, list(reversed(range(n))), True)))
        seconds = cpu(lambda o=old, w=new: align(o, w, fold=tone_key))
        moved = sum(i == n - 1 - j for i, j in align(old, new, fold=tone_key))
        print(f"| align: {n} articles of 150 words on their subjects against them reversed | {seconds:.2f} "
              f"({moved} found moved) |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="only the sizes the trees before the fixes finish")
    parser.add_argument("--align", action="store_true", help="only the reordered articles")
    args = parser.parse_args(argv)
    print("| input | CPU s |\n| --- | --- |")
    if args.align:
        reordered([250, 500])
        topical([500, 1000, 2000])
        return
    citations([4000] if args.quick else [4000, 30000])
    word_reply([1000] if args.quick else [1000, 5000])
    inline([12500, 50000])
    reordered([250, 500])
    topical([500, 1000, 2000])


if __name__ == "__main__":
    main()

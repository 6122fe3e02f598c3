"""Can a large PDF be rendered in parallel? The experiment behind docs/performance.md's answer.

The 1,000-article consolidated document of `bench_export.py` is rendered
1. whole, in this process (what `regdraft export` does);
2. in two halves split at a chapter, each in its own process at the same time, without page
   numbers (the running header and "Trang x/y" boxes have fixed widths, so the body's layout
   does not depend on them); then
3. the page numbers, which only the whole document knows ("Trang 17/656"): WeasyPrint lays out
   a document of as many empty pages carrying nothing but the numbers, and pypdf stamps each
   onto its page and joins the halves.

It prints the wall and CPU time of each step and the page counts (a half ends its last page
early, so the split can add a page). Usage: python benchmarks/bench_pdf_parallel.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def document(articles: int) -> str:
    from bench_amend import hundred_instructions
    from generate import generate

    from regdraft.core.amend.apply import apply
    from regdraft.core.amend.document import load_amendment
    from regdraft.core.consolidate import consolidate
    from regdraft.core.markdown import parse
    from regdraft.render.consolidated import consolidated_html
    from regdraft.render.html import environment
    from regdraft.render.profile import load_profile

    reg = parse(generate(articles, seed=1))
    amendment = load_amendment(hundred_instructions(reg), "bench.md", "bench")
    meta = {"number": "99-QC/TU", "type": "Quy chế", "issuer": "TỈNH ỦY ĐIỆN BIÊN",
            "signed": "2025-03-15", "effective": "2025-04-01", "title": "Quy chế sửa đổi, bổ sung"}
    ct = consolidate(reg, [(meta, apply(reg, amendment))], dt.date(2025, 4, 1), words=load_profile({}).words("vi"))
    return consolidated_html(ct, environment(None), load_profile({}), paged=True)


_NO_NUMBERS = ("@page { @top-center { content: none; } @bottom-right { content: none; } "
               "@bottom-center { content: none; } }")


def halves(html: str) -> tuple[str, str]:
    """The document split at the chapter nearest its middle; the second half without the header block."""
    starts = [m.start() for m in re.finditer(r'<p class="chapter"', html)]
    cut = min(starts, key=lambda s: abs(s - len(html) // 2))
    body = html.index('<div class="body-text">')
    head = html[:html.index("<body")]
    head = head.replace("</style>", _NO_NUMBERS + "\n</style>", 1)
    first = head + html[html.index("<body"):cut] + "</div></body></html>"
    second = head + '<body class="portrait"><div class="body-text">' + html[cut:]
    assert body < cut
    return first, second


def _render(job: tuple[str, str]) -> tuple[str, float, float]:
    from regdraft.render.pdf import ENGINE, write_pdf

    html, out = job
    ENGINE.setup()
    cpu, start = time.process_time(), time.perf_counter()
    write_pdf(html, Path(out))
    return out, time.perf_counter() - start, time.process_time() - cpu


def numbers_only(html: str, total: int) -> str:
    """A document of `total` empty pages carrying only the running header and page numbers."""
    head = html[:html.index("<body")]
    pages = '<p style="page-break-after: always">\u00a0</p>' * (total - 1) + "<p>\u00a0</p>"
    return head + f'<body class="portrait">{pages}</body></html>'


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    from pypdf import PdfReader, PdfWriter

    html = document(args.articles)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        _, wall, cpu = _render((html, str(tmp / "whole.pdf")))
        whole = len(PdfReader(tmp / "whole.pdf").pages)
        print(f"whole, one process: {wall:.2f} s wall, {cpu:.2f} s CPU, {whole} pages ({whole / wall:.1f} pages/s)")

        one, two = halves(html)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with multiprocessing.get_context("fork").Pool(2) as pool:
            results = pool.map(_render, [(one, str(tmp / "one.pdf")), (two, str(tmp / "two.pdf"))])
        parallel = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        child_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
        counts = [len(PdfReader(out).pages) for out, _, _ in results]
        print(f"two halves in two processes at once: {parallel:.2f} s wall "
              f"(halves {results[0][1]:.2f} s and {results[1][1]:.2f} s), {child_cpu:.2f} s CPU, pages {counts}")

        total = sum(counts)
        start = time.perf_counter()
        _, numbers_wall, numbers_cpu = _render((numbers_only(html, total), str(tmp / "numbers.pdf")))
        stamps = PdfReader(tmp / "numbers.pdf")
        writer = PdfWriter()
        for out, _, _ in results:
            for page in PdfReader(out).pages:
                number = len(writer.pages)
                writer.add_page(page).merge_page(stamps.pages[number])
        writer.write(tmp / "joined.pdf")
        stamping = time.perf_counter() - start
        print(f"page numbers for {total} pages: WeasyPrint {numbers_wall:.2f} s wall ({numbers_cpu:.2f} s CPU), "
              f"stamped and joined with pypdf in {stamping - numbers_wall:.2f} s; "
              f"parallel total {parallel + stamping:.2f} s against {wall:.2f} s whole")
        last = PdfReader(tmp / "joined.pdf").pages[-1].extract_text()
        print("last page's number:", re.findall(r"Trang \d+/\d+", last))


if __name__ == "__main__":
    main()

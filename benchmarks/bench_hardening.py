"""Benchmark the bounds of issue 13: inputs a few bytes long must not cost minutes or gigabytes.

1. DOCX export of generated regulations with 1,000, 3,000 and 10,000 articles (linear?).
2. A YAML alias bomb in the front matter, a `Chương 1000000000000` heading and a 2,000-deep list:
   time to the refusal.
3. Comment sheets: a 5 KB XLSX declaring `A1:XFD1048576`; a CSV of 5,000 comment rows read.

Run from the repository root: `.venv/bin/python benchmarks/bench_hardening.py [--sizes 1000,3000]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from regdraft.core.consolidate import consolidate  # noqa: E402
from regdraft.core.errors import RegdraftError  # noqa: E402
from regdraft.core.markdown import parse  # noqa: E402
from regdraft.importer.comment_sheet import read_sheet  # noqa: E402
from regdraft.render.consolidated_docx import write_consolidated_docx  # noqa: E402
from regdraft.render.profile import load_profile  # noqa: E402

HEAD = "---\nid: X/1\ntype: Quy chế\ntitle: T\nlanguage: vi\nissuer: A\nsigned: 2021-01-09\n---\n\n"


def timed(action: object) -> float:
    start = time.perf_counter()
    try:
        action()  # type: ignore[operator]
    except RegdraftError:
        pass
    return time.perf_counter() - start


def docx(sizes: list[int], folder: Path) -> None:
    print("DOCX export of a generated regulation")
    for n in sizes:
        reg = parse(generate(n), "generated.md")
        ct = consolidate(reg, [], dt.date(2030, 1, 1), words=load_profile({}).words("vi"))
        seconds = timed(lambda ct=ct, n=n: write_consolidated_docx(ct, load_profile({}), folder / f"g{n}.docx"))
        print(f"  {n:>6} articles: {seconds:6.2f} s  ({seconds / n * 1000:.2f} ms per article)")


def small_inputs() -> None:
    print("Small inputs, huge claims: time to the refusal")
    bomb = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"] + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, "
                                                            f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
                                                            for i in range(20)])
    cases = {
        "YAML alias bomb (1 KB)": HEAD.replace("title: T", "title: T\n" + bomb) + "## Điều 1. A\n\nx.\n",
        "Chương 1000000000000": HEAD + "# Chương 1000000000000. X\n\n## Điều 1. A\n\nx.\n",
        "2,000-deep list": HEAD + "## Điều 1. A\n\n" + "".join("  " * i + "- x\n" for i in range(2000)),
    }
    for name, text in cases.items():
        print(f"  {name:<24} {timed(lambda text=text: parse(text)) * 1000:8.1f} ms")


def sheets(folder: Path) -> None:
    import openpyxl

    print("Comment sheets")
    book = openpyxl.Workbook()
    book.active.append(["by", "on", "text"])
    for n in range(5):
        book.active.append([f"Ban {n}", "general", f"Ý kiến {n}"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    path = folder / "huge.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:C6"', b'<dimension ref="A1:XFD1048576"')
            target.writestr(item, data)
    print(f"  XLSX declaring A1:XFD1048576 ({path.stat().st_size:,} bytes): "
          f"{timed(lambda: read_sheet(path)) * 1000:.1f} ms, {len(read_sheet(path))} rows")
    csv_path = folder / "rows.csv"
    csv_path.write_text("by,on,text\n" + "".join(f"Ban {n},general,Ý kiến {n}\n" for n in range(5000)),
                        encoding="utf-8")
    print(f"  CSV of 5,000 rows: {timed(lambda: read_sheet(csv_path)) * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,3000,10000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small_inputs()
        sheets(folder)
        docx([int(s) for s in args.sizes.split(",")], folder)


if __name__ == "__main__":
    main()

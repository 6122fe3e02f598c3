"""Benchmark the amendments engine.

1. `regdraft amend check` + `regdraft amend preview` of the shipped amendment, as commands
   (wall time, including Python start-up), in a throw-away copy of the example workspace.
2. Applying 100 instructions (every kind) to a generated 1,000-article regulation, in-process.

3. Applying 100 instructions in the wording of real amending documents (issue 12): groups
   decided by what follows, several provisions in one instruction with their quoted units,
   inserts of two units, repeal of several points, words in a title and in named clauses.

Targets: check + preview under 0.3 s wall (issue 3); 100 instructions under 0.1 s (issue 12),
among them lead-ins replaced and closing texts added, and points appended after the last one
(each checked for its consequential punctuation edit).

Run from the repository root: `.venv/bin/python benchmarks/bench_amend.py [--runs 5]`.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from regdraft.core.amend import apply, load_amendment  # noqa: E402
from regdraft.core.amend.apply import next_insert_label  # noqa: E402
from regdraft.core.amend.conflicts import footprints  # noqa: E402
from regdraft.core.amend.document import Amendment, Instruction  # noqa: E402
from regdraft.core.amend.grammar import InsertUnit, RepealUnits, ReplaceUnit  # noqa: E402
from regdraft.core.amend.quote import quoted_unit  # noqa: E402
from regdraft.core.markdown import parse  # noqa: E402
from regdraft.core.model import Kind, Regulation, base_label, label_order  # noqa: E402
from regdraft.workspace import lifecycle  # noqa: E402
from regdraft.workspace.store import Workspace  # noqa: E402

BIN = Path(sys.executable).parent / "regdraft"


CPU: list[float] = []  # the CPU time of the last `median_time` call: unaffected by other processes


def median_time(action: Callable[[], object], runs: int) -> float:
    """The median wall time of `action` over `runs` runs, in seconds (its median CPU time in `CPU`)."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU[:] = [statistics.median(cpu)]
    return statistics.median(times)


def hundred_instructions(reg: Regulation) -> str:
    """An amending document with 100 instructions of every kind, one article each."""
    parts = []
    articles = [loc.unit for loc in reg.articles() if any(c.kind is Kind.CLAUSE for c in loc.unit.children)]
    # Articles whose first clause has points come first, so the lead-in, closing and point forms occur.
    step = max(1, len(articles) // 100)
    for n, article in enumerate(articles[::step][:100], start=1):
        d = article.label
        clause = next(c for c in article.children if c.kind is Kind.CLAUSE)
        k = clause.label
        kind = n % 8
        points = [c for c in clause.children if c.kind is Kind.POINT]
        if kind == 7 and points:
            new = base_label(Kind.POINT, label_order(Kind.POINT, points[-1].label)[0] + 1)
            parts.append(f"{n}\\. Bổ sung điểm {new} vào khoản {k} Điều {d} như sau:\n\n“{new}) Điểm cuối mới.”")
            continue
        kind %= 6
        if kind == 0:
            parts.append(f"{n}\\. Sửa đổi, bổ sung khoản {k} Điều {d} như sau:\n\n“{k}\\. Nội dung mới của khoản {k}.”")
        elif kind == 1:
            new = next_insert_label(Kind.CLAUSE, k)
            parts.append(f"{n}\\. Bổ sung khoản {new} vào sau khoản {k} Điều {d} như sau:\n\n“{new}\\. Khoản bổ sung.”")
        elif kind == 2:
            parts.append(f"{n}\\. Bãi bỏ khoản {k} Điều {d}.")
        elif kind == 3:
            parts.append(f"{n}\\. Sửa đổi tên Điều {d} như sau:\n\n“Điều {d}. Tên mới”")
        elif kind == 4:
            word = clause.text[0].split()[0] if clause.text else "Ban"
            parts.append(f"{n}\\. Thay thế cụm từ “{word}” bằng cụm từ “Cụm từ mới” tại khoản {k} Điều {d}.")
        else:
            parts.append(f"{n}\\. Sửa đổi, bổ sung Điều {d} như sau:\n\n“Điều {d}. Điều mới\n\n1\\. Một.\n\na) Hai.”")
    return (
        f"---\nregulation: {reg.id}\nstatus: draft\n---\n\n## Điều 1. Sửa đổi, bổ sung\n\n" + "\n\n".join(parts) + "\n"
    )


def with_parts(reg: Regulation, amendment: Amendment) -> Amendment:
    """`amendment` with some instructions replaced by ones on lead-ins and closing texts.

    Built as operations (the grammar reads these forms once issue 12 §2 lands), so that the
    100 instructions include lead-ins replaced and closing texts added.
    """
    instructions = list(amendment.instructions)
    slots = [i for i, ins in enumerate(instructions) if isinstance(ins.op, RepealUnits)]
    clauses = [loc for loc in reg.walk() if loc.unit.kind is Kind.CLAUSE and loc.unit.children
               and not any(loc.address.contains(t) or t.contains(loc.address)
                           for ins in instructions for f in footprints(ins) for t in (f.address,))]
    for n, (slot, loc) in enumerate(zip(slots, clauses[::7], strict=False)):
        if n % 2:
            op: ReplaceUnit | InsertUnit = ReplaceUnit(loc.address.with_part("intro"))
            quote = (f"“{loc.unit.label}. Mở đầu mới:”",)
        elif not loc.unit.closing:
            op = InsertUnit(loc.address.with_part("end"), parent=loc.address)
            quote = ("“Kết quả được báo cáo.”",)
        else:
            continue
        old = instructions[slot]
        unit = quoted_unit(op, [(quote[0], old.line + 2)], "vi")
        instructions[slot] = Instruction(old.location, old.line, old.text, op, quote, unit)
    return dataclasses.replace(amendment, instructions=tuple(instructions))


def hundred_real_instructions(reg: Regulation) -> str:
    """100 numbered instructions as national amending laws word them (Luật 57/2024/QH15, Nghị định 48/2013)."""
    parts = []
    articles = [loc.unit for loc in reg.articles()
                if sum(1 for c in loc.unit.children if c.kind is Kind.CLAUSE) >= 2 and loc.unit.title]
    step = max(1, len(articles) // 100)
    for n, article in enumerate(articles[::step][:100], start=1):
        d = article.label
        first, second = [c for c in article.children if c.kind is Kind.CLAUSE][:2]
        k, k2 = first.label, second.label
        kind = n % 5
        if kind == 0:
            parts.append(f"{n}\\. Sửa đổi, bổ sung một số khoản của Điều {d} như sau:\n\n"
                         f"a) Sửa đổi, bổ sung khoản {k} như sau:\n\n“{k}\\. Nội dung mới.”;\n\n"
                         f"b) Bãi bỏ khoản {k2}.")
        elif kind == 1:
            parts.append(f"{n}\\. Sửa đổi, bổ sung khoản {k} và khoản {k2} Điều {d} như sau:\n\n"
                         f"“{k}\\. Một.\n\n{k2}\\. Hai.”.")
        elif kind == 2:
            a, b = next_insert_label(Kind.CLAUSE, k), next_insert_label(Kind.CLAUSE, next_insert_label(Kind.CLAUSE, k))
            parts.append(f"{n}\\. Bổ sung khoản {a}, khoản {b} vào sau khoản {k} Điều {d} như sau:\n\n"
                         f"“{a}\\. Ba.\n\n{b}\\. Bốn.”.")
        elif kind == 3:
            parts.append(f"{n}\\. Sửa đổi, bổ sung tên Điều và khoản {k} Điều {d} như sau:\n\n"
                         f"“Điều {d}. Tên mới\n\n{k}\\. Năm.”.")
        else:
            word = article.title.split()[0] if article.title else "Ban"
            parts.append(f"{n}\\. Thay thế cụm từ “{word}” bằng cụm từ “Cụm từ mới” tại tên Điều {d}.")
    return (f"---\nregulation: {reg.id}\narticle: 4\nstatus: draft\n---\n\n## Điều 1. Sửa đổi Luật khác\n\n"
            "1\\. Bãi bỏ Điều 9.\n\n## Điều 4. Sửa đổi, bổ sung một số điều\n\n" + "\n\n".join(parts) + "\n")


def main(argv: list[str] | None = None) -> None:
    """Run both benchmarks and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    rows: list[tuple[Any, ...]] = []
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp) / "ws"
        subprocess.run([str(BIN), "init", "--example", str(workspace)], check=True, capture_output=True)

        def check_and_preview() -> None:
            for command in ("check", "preview"):
                subprocess.run(
                    [str(BIN), "amend", command, "qc-sua-doi-2025", "-C", str(workspace)],
                    check=True,
                    capture_output=True,
                )

        rows.append(
            (
                "`amend check` + `amend preview` of the shipped amendment (two processes)",
                median_time(check_and_preview, args.runs),
                0.3,
            )
        )
        ws = Workspace(workspace)

        def in_process() -> None:
            lifecycle.check(ws, "qc-sua-doi-2025")
            lifecycle.preview(ws, "qc-sua-doi-2025")

        in_process()  # imports and first-use caches are not what this row measures
        rows.append(("check + preview of the shipped amendment (in-process)", median_time(in_process, args.runs), None))
    reg = parse(generate(1000, seed=1))
    text = hundred_instructions(reg)
    amendment = with_parts(reg, load_amendment(text, "bench.md", "bench"))
    assert len(amendment.instructions) == 100
    assert any(ins.op.target.part for ins in amendment.instructions if isinstance(ins.op, (ReplaceUnit, InsertUnit)))
    rows.append(
        (
            "apply 100 instructions to a 1,000-article regulation (in-process)",
            median_time(lambda: apply(reg, amendment), args.runs),
            0.1,
            CPU[0],
        )
    )
    real = load_amendment(hundred_real_instructions(reg), "bench-real.md", "bench-real")
    assert len(real.instructions) == 100 and real.article.label == "4"
    apply(reg, real)  # every instruction applies
    rows.append(
        (
            "apply 100 instructions in the wording of real amending laws, 1,000 articles (in-process)",
            median_time(lambda: apply(reg, real), args.runs),
            0.1,
            CPU[0],
        )
    )
    rows.append(
        (
            "read the 100-instruction amending document (in-process)",
            median_time(lambda: load_amendment(text, "bench.md", "bench"), args.runs),
            None,
        )
    )
    print("| benchmark | median wall (s) | median CPU (s) | target (s) |")
    print("|---|---|---|---|")
    for name, seconds, target, *cpu in rows:  # cpu: the CPU time, for the in-process rows
        shown_cpu = f"{cpu[0]:.3f}" if cpu else "-"
        print(f"| {name} | {seconds:.3f} | {shown_cpu} | {target if target is not None else '-'} |")


if __name__ == "__main__":
    main()

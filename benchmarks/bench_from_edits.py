"""`amend from-edits` on a long text: the instructions written from 100 edits of 1,000 articles.

1. In-process, `instructions_from_edits(old, edited)` for the two mixes of `bench_amend.py`
   (100 instructions of every kind; 100 in the wording of real amending laws), the edited text
   being the generated regulation with those instructions applied: median CPU of `--runs`.
2. The command as a drafter runs it, `regdraft amend from-edits SLUG -r BENCH-QC/TU --edited FILE`,
   in a throw-away workspace holding the 1,000-article regulation (the commit it makes is undone
   before each run, untimed): median wall and CPU of the process.

Run from the repository root: `.venv/bin/python benchmarks/bench_from_edits.py [--runs 3]`.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_amend import hundred_instructions, hundred_real_instructions, with_parts  # noqa: E402
from benchmarks.generate import generate  # noqa: E402
from regdraft.core.amend import apply, load_amendment  # noqa: E402
from regdraft.core.amend.edits import instructions_from_edits  # noqa: E402
from regdraft.core.markdown import parse  # noqa: E402
from regdraft.core.markdown_writer import render  # noqa: E402
from regdraft.core.model import Regulation  # noqa: E402

BIN = Path(sys.executable).with_name("regdraft")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def edited_texts() -> list[tuple[str, Regulation, Regulation]]:
    """(name, the text in force, the edited text) for both mixes of instructions."""
    out = []
    reg = parse(generate(1000, seed=1))
    mixed = with_parts(reg, load_amendment(hundred_instructions(reg), "bench.md", "bench"))
    out.append(("100 instructions of every kind", reg, apply(reg, mixed).regulation))
    real = load_amendment(hundred_real_instructions(reg), "bench-real.md", "bench-real")
    out.append(("100 instructions in the wording of real amending laws", reg, apply(reg, real).regulation))
    return out


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


GIT_USER = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]


def big_workspace(old: Regulation, edited: Regulation, tmp: Path) -> tuple[Path, Path]:
    """A throw-away workspace with `old` committed as BENCH-QC/TU, and `edited` in a file beside it."""
    from regdraft.workspace.store import init_workspace

    workspace = init_workspace(tmp / "ws", example_from=ROOT).root
    (workspace / "regulations" / "BENCH-QC-TU.md").write_text(render(old), encoding="utf-8")
    git = ["git", "-C", str(workspace), *GIT_USER]
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    subprocess.run([*git, "commit", "-qm", "bench: 1,000 articles"], check=True, capture_output=True)
    edited_file = tmp / "edited.md"
    edited_file.write_text(render(edited), encoding="utf-8")
    return workspace, edited_file


def circulating_workspace(old: Regulation, edited: Regulation, tmp: Path, body: str) -> Path:
    """`big_workspace` with the amendment `amend from-edits` writes for the edits, circulated to `body` in round 1."""
    workspace, edited_file = big_workspace(old, edited, tmp)
    subprocess.run(from_edits_command(workspace, edited_file), check=True, capture_output=True, env=ENV)
    subprocess.run([str(BIN), "round", "open", "bench-edits", "--title", "Lấy ý kiến", "--due", "2027-01-15",
                    "--consult", body, "-C", str(workspace)], check=True, capture_output=True, env=ENV)
    return workspace


def from_edits_command(workspace: Path, edited_file: Path) -> list[str]:
    return [str(BIN), "amend", "from-edits", "bench-edits", "-r", "BENCH-QC/TU", "--edited", str(edited_file),
            "-C", str(workspace)]


def run_undone(command: list[str], git: list[str]) -> tuple[float, float, str]:
    """Run a command that makes one commit: its wall and CPU seconds and output, the commit then undone."""
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if done.returncode:
        raise SystemExit(f"{' '.join(command[1:3])} failed:\n{done.stdout}{done.stderr}")
    subprocess.run([*git, "reset", "-q", "--hard", "HEAD~1"], check=True, capture_output=True)
    return wall, cpu, done.stdout


def command_row(old: Regulation, edited: Regulation, runs: int, tmp: Path) -> tuple[float, float, int]:
    """Median wall and CPU seconds of the command, and the instructions it wrote."""
    workspace, edited_file = big_workspace(old, edited, tmp)
    git = ["git", "-C", str(workspace), *GIT_USER]
    command = from_edits_command(workspace, edited_file)
    walls, cpus = [], []
    for _ in range(runs):
        subprocess.run([*git, "reset", "-q", "--hard", "HEAD"], check=True, capture_output=True)
        subprocess.run([*git, "clean", "-qfd", "amendments"], check=True, capture_output=True)
        wall, cpu, _ = run_undone(command, git)
        walls.append(wall)
        cpus.append(cpu)
    written = (workspace / "amendments" / "bench-edits" / "amendment.md")
    subprocess.run(command, capture_output=True, env=ENV, check=True)
    document = load_amendment(written.read_text(encoding="utf-8"), str(written), "bench-edits")
    return statistics.median(walls), statistics.median(cpus), len(document.instructions)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f}\n")
    print("| measurement | median CPU s | instructions written |")
    print("| --- | --- | --- |")
    texts = edited_texts()
    for name, old, edited in texts:
        times, written = [], 0
        for _ in range(args.runs):
            start = time.process_time()
            written = len(instructions_from_edits(old, edited, allow_renumber=True).instructions)
            times.append(time.process_time() - start)
        print(f"| `instructions_from_edits`, 1,000 articles, {name} (in-process) | {statistics.median(times):.2f} "
              f"| {written} |")
    with tempfile.TemporaryDirectory() as tmp:
        wall, cpu, written = command_row(texts[0][1], texts[0][2], args.runs, Path(tmp))
        print(f"| `amend from-edits`, 1,000 articles, {texts[0][0]} (the command; wall {wall:.2f} s) | {cpu:.2f} "
              f"| {written} |")
    print(f"\nload average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

"""The commands a drafter runs, on a workspace of real texts: warm CPU medians, optionally against another revision.

The workspace is built from `../shared/corpus/amendments`: Luật Đấu thầu 22/2023/QH15 and Nghị
định 63/2010/NĐ-CP imported as regulations, Luật 57/2024/QH15 and Nghị định 48/2013/NĐ-CP brought
in with `amend import` as the amendments `l57` and `n48`. Each command runs as its own process, as
a user runs it, after one untimed run that fills the parse cache; the CPU time of the child
(user + system, `resource.getrusage(RUSAGE_CHILDREN)`) is what is compared, since wall time on a
shared machine moves with everything else.

With `--against REV`, the same commands of the revision REV (`git archive`, imported through
PYTHONPATH) run alternately with the working tree's, pair by pair, so that a change in the machine's
speed falls on both: this is how the sixth round of issue 22 was measured (docs/performance.md).

Usage: python benchmarks/bench_real_workspace.py [--runs 7] [--against REV] [--only check,show]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "amendments"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: bytecode kept

COMMANDS = {
    "check": ["check"],
    "list": ["list"],
    "show": ["show", "22/2023/QH15", "d5"],
    "refs": ["refs", "22/2023/QH15"],
    "amend list": ["amend", "list"],
    "amend check": ["amend", "check", "l57"],
    "amend preview": ["amend", "preview", "l57"],
    "redline": ["redline", "22/2023/QH15", "--amendment", "l57", "--format", "html", "-o", "{tmp}/redline.html"],
    "export md": ["export", "22/2023/QH15", "--format", "md", "-o", "{tmp}/export.md"],
}


def _regdraft(source: Path, args: list[str], workspace: Path) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    """One run of `regdraft ARGS -C WORKSPACE` from the code in `source`: its CPU seconds and result."""
    env = dict(ENV, PYTHONPATH=str(source))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-c", "from regdraft.cli import main; main()", *args, "-C", str(workspace)],
                          capture_output=True, env=env, cwd=workspace.parent, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, done


def build_workspace(folder: Path) -> Path:
    """The workspace of real texts, committed (see the module notes)."""
    root = folder / "real"
    steps = [["init", str(root)],
             ["import", str(CORPUS / "luat-dau-thau-2023" / "base-22-2023-QH15.txt")],
             ["import", str(CORPUS / "nd-63-2010" / "base-63-2010-ND-CP.txt")],
             ["amend", "import", str(CORPUS / "luat-dau-thau-2023" / "amending-57-2024-QH15.txt"), "--slug", "l57"],
             ["amend", "import", str(CORPUS / "nd-63-2010" / "amending-48-2013-ND-CP.txt"), "--slug", "n48"]]
    for step in steps:
        where = [] if step[0] == "init" else ["-C", str(root)]
        subprocess.run([sys.executable, "-c", "from regdraft.cli import main; main()", *step, *where],
                       check=True, capture_output=True, env=dict(ENV, PYTHONPATH=str(REPO)))
    return root


def _archive(rev: str, folder: Path) -> Path:
    """The package as it stood at `rev`, unpacked into `folder`."""
    target = folder / "against"
    target.mkdir()
    archive = folder / "against.tar"
    subprocess.run(["git", "archive", "-o", str(archive), rev, "regdraft"], cwd=REPO, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", metavar="REV", help="alternate with the commands of this git revision")
    parser.add_argument("--only", default="", help="comma-separated command names (default: all)")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} is not there: this benchmark needs the shared corpus beside the repository.")
    chosen = [name for name in COMMANDS if not args.only or name in args.only.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        workspace = build_workspace(tmp)
        sources = {"this tree": REPO}
        if args.against:
            sources = {args.against: _archive(args.against, tmp), "this tree": REPO}
        print(f"{args.runs} runs each, CPU medians (s); load average {os.getloadavg()[0]:.1f}")
        print("| command | " + " | ".join(sources) + (" | change |" if len(sources) == 2 else " |"))
        print("| --- |" + " --- |" * (len(sources) + (len(sources) == 2)))
        for name in chosen:
            command = [part.format(tmp=tmp) for part in COMMANDS[name]]
            times: dict[str, list[float]] = {label: [] for label in sources}
            for source in sources.values():
                _, done = _regdraft(source, command, workspace)  # fills the parse cache for that code
                if done.returncode not in (0, 1):
                    sys.exit(f"{name}: {done.stderr.decode('utf-8', 'replace')}")
            for run in range(args.runs):
                order = list(sources.items()) if run % 2 else list(reversed(sources.items()))
                for label, source in order:
                    times[label].append(_regdraft(source, command, workspace)[0])
            medians = [statistics.median(values) for values in times.values()]
            change = f" {100 * (medians[1] - medians[0]) / medians[0]:+.0f} % |" if len(medians) == 2 else ""
            print(f"| `{' '.join(COMMANDS[name][:3])}` | " + " | ".join(f"{m:.3f}" for m in medians) + " |" + change)


if __name__ == "__main__":
    main()

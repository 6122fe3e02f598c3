"""Count the git processes each common command starts (issue 22, speed; docs/performance.md, round 36).

Run from the repository root: `.venv/bin/python benchmarks/bench_git_calls.py [--only NAME ...] [--code DIR]`
(`--code`: the regdraft of another checkout, `git archive` of an earlier commit, to count before a change).
Each command runs as a drafter runs it (the `regdraft` console script in a fresh process) with a `git` first on
PATH that writes down its arguments and hands them to the real git, on the shipped workspace (`init --example
office`) and on one with a law of the corpus imported (../shared/corpus/vi/). Reading commands run once to warm the
parse cache and are counted on the second run (the first run's count is given beside it); writing ones run once, in
a copy. Prints a Markdown table: the command, its git processes (cold / warm) and their kinds (the git command of
each, with how many times). Processes started by git itself (a push's pack-objects) are not counted: only those
regdraft starts.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = ROOT  # the regdraft tree that runs (`--code`: another checkout, to count before a change)
EXE = str(Path(sys.executable).with_name("regdraft"))
CORPUS = ROOT.parent / "shared" / "corpus" / "vi" / "luat-thanh-nien.txt"
LAW = "52/2005/QH11"
SEPARATOR, END = "\x1f", "\x1e"
# The options git takes before its command, each with the value it takes after it (`-c X`), or none.
_GLOBAL = {"-c": 1, "-C": 1, "--git-dir": 0, "--work-tree": 0, "--no-optional-locks": 0, "--no-pager": 0,
           "--literal-pathspecs": 0, "--no-replace-objects": 0}


def wrapper(folder: Path, log: Path) -> Path:
    """A `git` in `folder` that appends its arguments (and whether git itself started it) to `log`, then runs git."""
    real = shutil.which("git")
    assert real is not None, "git is not on PATH"
    script = folder / "git"
    script.write_text(
        "#!/bin/sh\n"
        f"parent=$(cat /proc/$PPID/comm 2>/dev/null)\n"
        f"printf '%s{SEPARATOR}' \"$parent\" \"$@\" >> '{log}'\n"
        f"printf '{END}' >> '{log}'\n"
        f"exec '{real}' \"$@\"\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return script


def kind(argv: list[str]) -> str:
    """The git command of an argument list, with `--batch` kept (`cat-file --batch`)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL:
            i += 1 + _GLOBAL[arg]
            continue
        if arg.startswith("-"):
            i += 1
            continue
        rest = [a for a in argv[i + 1:] if a.startswith("--batch") or a in ("--list", "--stage", "-v")]
        return " ".join([arg, *rest[:1]])
    return "?"


class Counter:
    """Runs regdraft commands with the counting `git` first on PATH."""

    def __init__(self, base: Path) -> None:
        self.log = base / "git.log"
        bin_dir = base / "bin"
        bin_dir.mkdir()
        wrapper(bin_dir, self.log)
        settings = base / "gitconfig"  # the user's own settings: a name and nothing else
        settings.write_text("[user]\n\tname = Lan\n\temail = lan@example.org\n", encoding="utf-8")
        self.env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
                    "PYTHONPATH": str(CODE), "GIT_CONFIG_GLOBAL": str(settings),
                    "REGDRAFT_PAGER": "", "PAGER": "cat", "NO_COLOR": "1"}

    def run(self, args: list[str], cwd: Path) -> list[str]:
        """The kinds of git processes `regdraft ARGS` started in `cwd`, in order."""
        self.log.write_text("")
        done = subprocess.run([EXE, *args], cwd=cwd, env=self.env, capture_output=True, check=False,
                              stdin=subprocess.DEVNULL)
        if done.returncode not in (0, 1):
            raise SystemExit(f"regdraft {' '.join(args)} failed ({done.returncode}):\n{done.stderr.decode()}")
        records = [r.split(SEPARATOR)[:-1] for r in self.log.read_text(errors="replace").split(END) if r]
        return [kind(argv[1:]) for argv in records if argv and argv[0] != "git"]

    def plain(self, args: list[str], cwd: Path) -> None:
        """Run a command to set something up, not counted."""
        subprocess.run([EXE, *args], cwd=cwd, env=self.env, check=True, capture_output=True, stdin=subprocess.DEVNULL)


def summary(kinds: list[str]) -> str:
    """`status ×2, log` and so on, in the order first started."""
    counts = collections.Counter(kinds)
    return ", ".join(f"{name} ×{n}" if n > 1 else name for name, n in dict.fromkeys(
        (k, counts[k]) for k in kinds))


def commands(base: Path, counter: Counter) -> list[tuple[str, Callable[[], tuple[list[str] | None, list[str]]]]]:
    """The commands measured, each a function giving (cold kinds or None, warm kinds)."""
    office = base / "office"
    counter.plain(["init", "--example", "office"], base)
    law = base / "law"
    counter.plain(["init", "--example", "law"], base)
    counter.plain(["import", str(CORPUS), "--id", LAW], law)
    share = base / "share.git"
    subprocess.run(["git", "init", "-q", "--bare", str(share)], check=True)
    counter.plain(["init", "--remote", str(share)], office)

    def reading(args: list[str], where: Path) -> Callable[[], tuple[list[str] | None, list[str]]]:
        def measure() -> tuple[list[str] | None, list[str]]:
            cold = counter.run(args, where)
            return cold, counter.run(args, where)
        return measure

    def new_folder() -> tuple[None, list[str]]:
        return None, counter.run(["init", "--example", "fresh"], base)

    def writing(args: list[str], setup: list[list[str]] | None = None) -> Callable[[], tuple[None, list[str]]]:
        def measure() -> tuple[None, list[str]]:
            copy = base / f"copy-{len(list(base.glob('copy-*')))}"
            shutil.copytree(office, copy, symlinks=True)
            for step in setup or []:
                counter.plain(step, copy)
            return None, counter.run(args, copy)
        return measure

    old, new = base / "old.md", base / "new.md"
    shutil.copy(office / "regulations" / "01-QC-TU.md", old)
    new.write_text(old.read_text(encoding="utf-8").replace("06 tháng", "03 tháng", 1), encoding="utf-8")
    slug = "qc-sua-doi-2025"
    out = base / "out"
    return [
        ("check", reading(["check"], office)),
        ("show 01-QC/TU", reading(["show", "01-QC/TU"], office)),
        ("list", reading(["list"], office)),
        ("amend check", reading(["amend", "check", slug], office)),
        ("amend preview", reading(["amend", "preview", slug], office)),
        ("redline --format html", reading(["redline", slug, "--format", "html", "-o", str(out / "r.html")], office)),
        ("redline --format html -o out/r.html", reading(["redline", slug, "--format", "html", "-o",
                                                         str(office / "out" / "r.html")], office)),
        ("compare --format html", reading(["compare", str(old), str(new), "--format", "html", "-o",
                                           str(out / "c.html")], office)),
        ("export --format md", reading(["export", "01-QC/TU", "--format", "md", "-o", str(out / "e.md")], office)),
        ("log 01-QC/TU", reading(["log", "01-QC/TU", "--no-pager"], office)),
        ("comment list", reading(["comment", "list", slug], office)),
        ("round list", reading(["round", "list", slug], office)),
        ("fmt --check", reading(["fmt", "--check"], office)),
        ("init --example (a new folder)", new_folder),
        ("round open (a copy)", writing(["round", "open", slug, "--title", "Lấy ý kiến", "--due", "2099-12-31",
                                         "--yes", "--consult", "Ban Tổ chức Tỉnh ủy"])),
        ("amend status submitted (a copy)", writing(["amend", "status", slug, "submitted"])),
        ("amend adopt --force (a copy)", writing(["amend", "adopt", slug, "--signed", "2025-10-20", "--force",
                                                  "--reason", "counted"])),
        ("comment add (a copy)", writing(
            ["comment", "add", slug, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "d5.k2", "--text", "Đề nghị giữ."],
            [["round", "open", slug, "--title", "Lấy ý kiến", "--due", "2099-12-31", "--yes", "--consult",
              "Ban Tổ chức Tỉnh ủy"]])),
        ("sync, nothing new", reading(["sync"], office)),
        ("law: check", reading(["check"], law)),
        ("law: show", reading(["show", LAW], law)),
        ("law: export --format md", reading(["export", LAW, "--format", "md", "-o", str(out / "law.md")], law)),
        ("law: log", reading(["log", LAW, "--no-pager"], law)),
    ]


def main() -> None:
    """Count and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", help="only the commands whose name holds one of these words")
    parser.add_argument("--code", type=Path, default=ROOT, help="the regdraft tree to run (default: this one)")
    args = parser.parse_args()
    global CODE
    CODE = args.code.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        counter = Counter(base)
        rows = []
        for name, measure in commands(base, counter):
            if args.only and not any(word in name for word in args.only):
                continue
            cold, warm = measure()
            rows.append((name, "" if cold is None else str(len(cold)), len(warm), summary(warm)))
        print("| command | cold | warm (or once) | kinds (warm) |")
        print("|---|---:|---:|---|")
        for name, cold_count, warm_count, kinds in rows:
            print(f"| {name} | {cold_count} | {warm_count} | {kinds} |")
        print(f"\nIn all: {sum(r[2] for r in rows)} git processes (warm, or once for writes).")


if __name__ == "__main__":
    main()

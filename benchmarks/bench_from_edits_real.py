"""`amend from-edits` on real laws, this tree against another: CPU of the command and the amendment written.

Two workspaces from ../shared/corpus/amendments: Luật Đấu thầu 22/2023 with the real Luật 57/2024, and Nghị định
63/2010 with Nghị định 48/2013, each amending document made a draft (its signing date taken out, `amend status
--draft 1`). Their previews are edited seven ways (words replaced throughout and at some places, a clause rewritten,
a point inserted, an article deleted), and `amend from-edits` is run on a fresh copy for each case, alternating the
two trees `--runs` times: median CPU (user + system of the process) of each, and whether the two amendment.md
written are byte for byte the same.

Run from the repository root, against a `git archive` of another revision unpacked in BEFORE:
`.venv/bin/python benchmarks/bench_from_edits_real.py BEFORE [--runs 3]` (docs/performance.md, forty-second round).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "amendments"
PAIRS = {"dt": ("luat-dau-thau-2023", "base-22-2023-QH15.txt", "amending-57-2024-QH15.txt"),
         "nd": ("nd-63-2010", "base-63-2010-ND-CP.txt", "amending-48-2013-ND-CP.txt")}
GIT = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "bench",
       "GIT_COMMITTER_EMAIL": "bench@example.org"}


def regdraft(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command from `tree`, with this interpreter: run in `tree`, since `-c` puts the current directory first on
    the path (from this repository's root, both trees would run this one's code)."""
    code = "import sys; sys.argv[0] = 'regdraft'; from regdraft.console import main; main()"
    env = {**os.environ, **GIT, "PYTHONPATH": str(tree)}
    return subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=tree, capture_output=True, text=True,
                          check=False)


def workspace(tree: Path, name: str, folder: Path) -> tuple[Path, str]:
    """A workspace holding the pair `name`, its amendment `am` a draft; and the amendment's preview."""
    sub, base, amending = PAIRS[name]
    ws = folder / f"ws-{name}"
    for args in (("init", str(ws)), ("import", "-C", str(ws), str(CORPUS / sub / base)),
                 ("amend", "import", "-C", str(ws), str(CORPUS / sub / amending), "--slug", "am")):
        done = regdraft(tree, *args)
        assert done.returncode == 0, done.stdout + done.stderr
    path = ws / "amendments" / "am" / "amendment.md"
    path.write_text(re.sub(r"\nsigned: [^\n]*", "", path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    subprocess.run(["git", "commit", "-qam", "A draft"], cwd=ws, env={**os.environ, **GIT}, check=True)
    assert regdraft(tree, "amend", "status", "-C", str(ws), "am", "--draft", "1").returncode == 0
    preview = folder / f"preview-{name}.md"
    assert regdraft(tree, "amend", "preview", "-C", str(ws), "am", "-o", str(preview)).returncode == 0
    return ws, preview.read_text(encoding="utf-8")


def _sub(old: str, new: str, count: int = -1) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)
    return edit


def _cut(number: int) -> Callable[[str], str]:
    def edit(text: str) -> str:
        return re.sub(rf"## Điều {number}\..*?(?=## Điều {number + 1}\.)", "", text, count=1, flags=re.S)
    return edit


CASES: dict[str, tuple[str, list[Callable[[str], str]]]] = {
    "words replaced throughout": ("dt", [_sub("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính")]),
    "words replaced at ten places": ("dt", [_sub("Hệ thống mạng đấu thầu quốc gia",
                                                 "Hệ thống mạng đấu thầu điện tử quốc gia", 10)]),
    "a clause rewritten": ("dt", [_sub("1\\. Ngôn ngữ sử dụng đối với đấu thầu trong nước là tiếng Việt.",
                                       "1\\. Ngôn ngữ sử dụng đối với đấu thầu trong nước là tiếng Việt; hồ sơ có thể "
                                       "kèm bản dịch tiếng Anh.")]),
    "a point inserted": ("dt", [_sub("nhưng không có nhà đầu tư nước ngoài tham gia.\n",
                                     "nhưng không có nhà đầu tư nước ngoài tham gia;\n\ne) Dự án khác theo quy định "
                                     "của Chính phủ.\n")]),
    "an article deleted": ("dt", [_cut(80)]),
    "words replaced at six places (decree)": ("nd", [_sub("quy định thủ tục hành chính",
                                                          "quy định về thủ tục hành chính")]),
    "clause, point and article (decree)": ("nd", [
        _sub("d) Các chi phí tuân thủ thủ tục hành chính.\n",
             "d) Các chi phí tuân thủ thủ tục hành chính;\n\nđ) Tính khả thi của thủ tục hành chính.\n"),
        _sub("ngoài đánh giá các nội dung quy định khoản 2 Điều này, cơ quan chủ trì soạn thảo phải thuyết minh rõ",
             "ngoài đánh giá các nội dung quy định tại khoản 1 Điều này, cơ quan chủ trì soạn thảo phải giải trình rõ"),
        _cut(17)]),
}


def run(tree: Path, ws: Path, edited: Path, folder: Path) -> tuple[float, bytes]:
    """CPU of `amend from-edits` from `tree` on a copy of `ws`, and the amendment it wrote."""
    copy = folder / "run"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(ws, copy, symlinks=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = regdraft(tree, "amend", "from-edits", "-C", str(copy), "am", "--edited", str(edited))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode == 0, done.stdout + done.stderr
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return cpu, (copy / "amendments" / "am" / "amendment.md").read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the other tree (a git archive of a revision, unpacked)")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    trees = {"before": options.before.resolve(), "after": ROOT}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        made = {name: workspace(ROOT, name, folder) for name in PAIRS}
        print("| case | before (s of CPU) | after | amendment.md |\n|---|---:|---:|---|")
        for case, (name, edits) in CASES.items():
            ws, text = made[name]
            for edit in edits:
                text = edit(text)
            edited = folder / "edited.md"
            edited.write_text(text, encoding="utf-8")
            cpu: dict[str, list[float]] = {"before": [], "after": []}
            written: dict[str, set[bytes]] = {"before": set(), "after": set()}
            for _ in range(options.runs):
                for label, tree in trees.items():
                    seconds, data = run(tree, ws, edited, folder)
                    cpu[label].append(seconds)
                    written[label].add(data)
            same = len(written["before"] | written["after"]) == 1
            print(f"| {case} | {statistics.median(cpu['before']):.2f} | {statistics.median(cpu['after']):.2f} | "
                  f"{'identical' if same else 'DIFFERENT'} |")


if __name__ == "__main__":
    main()

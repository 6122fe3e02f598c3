"""The README's workflow runs as written, in order: the documentation cannot go stale."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests import pdf_text
from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


# Waits (at most 30 s) for the review server's start page and checks it lists the amendment.
_POLL = ("import sys, time, urllib.request; url = f'http://127.0.0.1:{sys.argv[1]}/'; end = time.time() + 30\n"
         "while True:\n"
         "    try:\n"
         "        page = urllib.request.urlopen(url, timeout=5).read().decode(); break\n"
         "    except OSError:\n"
         "        assert time.time() < end, 'the review server did not answer'; time.sleep(0.2)\n"
         "assert 'qc-sua-doi-2025' in page, page")


def workflow_script() -> str:
    """The shell blocks of the README's Workflow section, joined, placeholders filled in."""
    section = README[README.index("## Workflow"):README.index("## The round-trip invariant")]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.S)
    lines = [line for block in blocks for line in block.splitlines() if line.strip()]
    # The comment id is random; the README tells the reader to take it from `comment add`.
    filled = []
    for line in lines:
        if "<ID>" in line:
            filled.append('ID=$(regdraft comment list qc-sua-doi-2025 --json | '
                          f'{sys.executable} -c "import json,sys; print(json.load(sys.stdin)[0][\'id\'])")')
            line = line.replace("<ID>", '"$ID"')
        if line.startswith("regdraft review") and " invite" not in line:
            # The server runs until stopped: start it on a free port, read its start page, stop it.
            filled.append(f"PORT=$({sys.executable} -c 'import socket; s=socket.socket(); s.bind((\"127.0.0.1\", 0)); "
                          "print(s.getsockname()[1])')")
            filled.append(line.split("#")[0].strip() + ' --port "$PORT" > ../review.log 2>&1 & REVIEW=$!')
            filled.append(f"{sys.executable} -c \"{_POLL}\" \"$PORT\"")
            filled.append('kill -INT "$REVIEW"; wait "$REVIEW" || true; grep -q "Serving the review" ../review.log')
            continue
        if "<FILE.docx>" in line:
            filled.append("regdraft export 01-QC/TU --as-of 2025-04-01 -o out/quy-che.docx")
            line = line.replace("<FILE.docx>", "out/quy-che.docx")
        filled.append(line)
    return "set -euo pipefail\n" + "\n".join(filled) + "\n"


def test_every_workflow_command_runs(tmp_path: Path) -> None:
    script = workflow_script()
    assert "regdraft redline" in script and "regdraft amend from-edits" in script and "regdraft review" in script
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=600, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"stdout:\n{done.stdout[-3000:]}\nstderr:\n{done.stderr[-3000:]}"
    office = tmp_path / "office"
    for made in ("out/redline-01-QC-TU-qc-sua-doi-2025.pdf", "out/bang-so-sanh.pdf", "out/redline-2026.html",
                 "out/bao-cao-tiep-thu.pdf", "out/hop-nhat.pdf", "out/05-QC-TU.docx", "regulations/02-QC-TU.md"):
        assert (office / made).stat().st_size > 0, made
    # from-edits turned the one-word edit into one formal instruction.
    amendment = (office / "amendments" / "qc-sua-doi-2026" / "amendment.md").read_text(encoding="utf-8")
    assert "Sửa đổi, bổ sung điểm a khoản 1 Điều 12 như sau:" in amendment
    assert "“a) Thường lệ hai tháng một lần" in amendment
    assert "Traceback" not in done.stderr
    # The outputs are the documents the README promises, not just files.
    def text(name: str) -> str:
        return " ".join(pdf_text.text(office / name, " ").split())

    assert "DỰ THẢO lần 2" in text("out/redline-01-QC-TU-qc-sua-doi-2025.pdf")
    assert "BẢNG SO SÁNH" in text("out/bang-so-sanh.pdf")
    assert "VĂN BẢN HỢP NHẤT" in text("out/hop-nhat.pdf")
    assert "Ban Tổ chức Tỉnh ủy" in text("out/bao-cao-tiep-thu.pdf")

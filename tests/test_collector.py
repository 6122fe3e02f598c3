"""The cyclic collector paused around large acyclic trees: restored after, freezing only in a one-command process."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from regdraft.core import collector
from tests.conftest import REPO_ROOT


def test_the_collector_is_off_inside_and_as_it_was_after() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("a failure inside")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()


def test_a_long_running_process_freezes_nothing() -> None:
    before = gc.get_freeze_count()
    with collector.paused():
        kept = [[n] for n in range(1000)]
    assert gc.get_freeze_count() == before and len(kept) == 1000


_ONE_COMMAND = """
import gc
from regdraft.core import collector
collector.run_once()
with collector.paused():
    kept = [[n] for n in range(1000)]
print(gc.get_freeze_count() >= 1000, gc.isenabled())
"""


def test_a_one_command_process_freezes_what_a_block_built() -> None:
    done = subprocess.run([sys.executable, "-c", _ONE_COMMAND], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]


def test_the_command_line_runs_as_one_command() -> None:
    code = "import sys; sys.argv = ['regdraft', '--version']\nfrom regdraft.cli import main\ntry:\n    main()\n" \
           "except SystemExit:\n    pass\nfrom regdraft.core import collector\nprint(collector._freeze_after)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().endswith("True")


_SERVER = """
import gc
from regdraft.core import collector
collector.run_once()
with collector.paused():
    kept = [[n] for n in range(1000)]
collector.run_long()
after = gc.get_freeze_count()
with collector.paused():
    more = [[n] for n in range(1000)]
print(after, gc.get_freeze_count())
"""


def test_a_server_started_from_the_command_line_freezes_nothing() -> None:
    done = subprocess.run([sys.executable, "-c", _SERVER], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "0"]


def test_the_review_server_runs_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from regdraft.web import serve
    from regdraft.workspace.store import init_workspace

    root = init_workspace(tmp_path / "ws", example_from=REPO_ROOT).root
    seen: list[bool] = []
    monkeypatch.setattr(collector, "_freeze_after", True)
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: seen.append(collector._freeze_after))
    serve(root, None, 8765, lambda _line: None)
    assert seen == [False]

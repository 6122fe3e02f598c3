"""`check` and `amend check` run again on unchanged files: nothing is parsed anew, nothing heavy imported.

Guards the sixth round of issue 22 (docs/performance.md): `check` parsed every regulation a
second time (the replay check) and read every pending amendment's result back twice without the
parse cache, imported GitPython only to learn where `.git/regdraft/` is, and PyYAML to find that
an amendment had no comments.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from regdraft.core import markdown
from regdraft.workspace import checks, lifecycle, parse_cache
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES

SLUG = "qc-sua-doi-2025"


def _loaded(args: list[str], cwd: Path) -> set[str]:
    script = ("import sys, json\nfrom regdraft.cli import cli\n"
              f"try:\n    cli({args!r}, prog_name='regdraft')\n"
              "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
              "print(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=cwd, check=True,
                          env=dict(os.environ))
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_a_second_check_loads_neither_git_nor_yaml_nor_markdown_it(tmp_workspace: Workspace, tmp_path: Path) -> None:
    args = ["check", "-C", str(tmp_workspace.root)]
    assert "yaml" in _loaded(args, tmp_path)  # the first run reads the texts' front matter
    warm = _loaded(args, tmp_path)
    assert sorted(m for m in ("git", "yaml", "markdown_it") if m in warm) == []


def _not_again(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("read or computed again, not taken from the cache")


def test_checks_run_again_read_every_text_from_the_cache(tmp_workspace: Workspace,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # A reading this process already holds (another test's, of the same text) is not stored again.
    monkeypatch.setattr(parse_cache, "_memory", type(parse_cache._memory)())
    first = (checks.check_workspace(tmp_workspace), lifecycle.check(tmp_workspace, SLUG))
    parse_cache._memory.clear()  # what this process read: the next run reads from the workspace's cache
    monkeypatch.setattr(markdown, "read", _not_again)
    opened_again = Workspace(tmp_workspace.root)
    again = (checks.check_workspace(opened_again), lifecycle.check(opened_again, SLUG))
    assert again == first


def test_a_text_that_does_not_read_back_is_still_reported_when_cached(mini_workspace: Workspace,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The amended text read back comes from the cache with what it read as the first time: a clause
    given a paragraph that reads as a point is refused on every run."""
    from regdraft.core.amend.apply import Applied
    from regdraft.core.model import Kind

    before = markdown.parse((FIXTURES / "mini.md").read_bytes(), "regulations/MINI-QC.md")
    article = next(u for u in before.units[0].children if u.kind is Kind.ARTICLE and u.label == "1")
    odd = dataclasses.replace(article, text=(*article.text, "d) Đoạn đọc lại thành điểm."))
    chapter = dataclasses.replace(before.units[0], children=(odd, *before.units[0].children[1:]))
    applied = Applied(dataclasses.replace(before, units=(chapter, *before.units[1:])), ())
    # No instruction made the odd text: none is named, the whole text is.
    amendment = SimpleNamespace(source="amendments/mini-sua/amendment.md", regulations=(), instructions=())
    monkeypatch.setattr(parse_cache, "_memory", type(parse_cache._memory)())
    first = lifecycle._read_back(mini_workspace, applied, amendment, before)  # type: ignore[arg-type]
    assert first and "does not read back" in str(first[0])
    parse_cache._memory.clear()
    monkeypatch.setattr(markdown, "read", _not_again)
    assert lifecycle._read_back(Workspace(mini_workspace.root), applied, amendment, before) == first  # type: ignore[arg-type]


def test_the_journal_lives_where_git_keeps_the_repository(tmp_workspace: Workspace, tmp_path: Path) -> None:
    """`.git` a folder: its `regdraft/` found without GitPython; a linked worktree (`.git` a file): through it."""
    assert tmp_workspace._regdraft_dir == Path(tmp_workspace.repo.git_dir) / "regdraft"
    linked = tmp_path / "linked"
    subprocess.run(["git", "worktree", "add", "-q", str(linked)], cwd=tmp_workspace.root, check=True,
                   capture_output=True)
    other = Workspace(linked)
    assert (linked / ".git").is_file()
    assert other._regdraft_dir == Path(other.repo.git_dir) / "regdraft" != tmp_workspace._regdraft_dir


def test_missing_references_are_found_once_per_text(mini_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """What `check` reports of a text's references is kept beside its reading: a second `show` or
    `check` of the same text finds the same problems without looking for references again."""
    from regdraft.core import refs
    from regdraft.workspace import api

    path = mini_workspace.root / "regulations" / "MINI-QC.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("theo quy định tại khoản 1 Điều này", "theo quy định tại khoản 9 Điều 2", 1),
                    encoding="utf-8")
    monkeypatch.setattr(parse_cache, "_memory", type(parse_cache._memory)())
    _, first = api.read_regulation(mini_workspace, "MINI-QC")
    assert [p.message for p in first if "khoản 9 Điều 2" in p.message]  # the broken reference is reported
    parse_cache._memory.clear()
    monkeypatch.setattr(refs, "missing_problems", _not_again)
    _, again = api.read_regulation(Workspace(mini_workspace.root), "MINI-QC")
    assert again == first
    assert api.check_file(Workspace(mini_workspace.root), "regulations/MINI-QC.md") == first
    path.write_text(text, encoding="utf-8")  # another text: its references are looked for (and are fine)
    with pytest.raises(AssertionError, match="computed again"):
        api.read_regulation(Workspace(mini_workspace.root), "MINI-QC")


def test_fmt_of_clean_files_imports_no_importer(tmp_workspace: Workspace, tmp_path: Path) -> None:
    # A file with no invisible character needs nothing of the importer: it cost `fmt --check` 70 modules and
    # 0.15-0.2 s of CPU a run (r37 sweep BO F1).
    loaded = _loaded(["fmt", "--check", "-C", str(tmp_workspace.root)], tmp_path)
    assert "regdraft.workspace.left_out" in loaded
    assert sorted(m for m in loaded if m.startswith("regdraft.importer")) == []

"""A sync bringing in a colleague's adoption that leaves a pending amendment of this clone unable to apply (r35 note,
item 1): Lan adopts 07-QC/TU repealing Điều 5 while the shipped draft 05-QC/TU amends khoản 2 Điều 5. Minh's sync said
only what came in; `check` alone said the draft no longer applied. The sync now ends saying so, with the first failing
instruction as `amend check` gives it, and changes nothing. Lan's and Minh's clones sharing a bare remote, real git."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.core.amend.document import Amendment
from regdraft.core.errors import Problem
from regdraft.workspace import lifecycle
from regdraft.workspace.awaited import Shared
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke, two_clones

AMENDMENT = f"amendments/{SLUG}/amendment.md"


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, capture_output=True, text=True, check=True).stdout


def _draft(invoke: Invoke, ws: Workspace, slug: str, regulation: str, instruction: str) -> None:
    """A new amendment of `regulation` with one instruction, committed."""
    made = invoke(ws, "amend", "new", slug, "--regulation", regulation)
    assert made.exit_code == 0, made.output
    path = ws.root / "amendments" / slug / "amendment.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    second = [n for n, line in enumerate(lines) if line.startswith("## ")][1]  # the article after the amending one
    lines[second:second] = [f"1\\. {instruction}", ""]
    ws.commit({f"amendments/{slug}/amendment.md": "\n".join(lines).encode("utf-8")}, f"Write {slug}")


def _repeal_article_5(invoke: Invoke, lan: Workspace) -> None:
    """Lan drafts, numbers and adopts 07-QC/TU repealing Điều 5, and shares it."""
    _draft(invoke, lan, "bai-bo-dieu-5", "01-QC/TU", "Bãi bỏ Điều 5.")
    for args in (("amend", "number", "bai-bo-dieu-5", "07-QC/TU"),
                 ("amend", "adopt", "bai-bo-dieu-5", "--signed", "2026-01-10", "--force", "--reason", "thử"),
                 ("sync",)):
        done = invoke(lan, *args)
        assert done.exit_code == 0, done.output


@pytest.fixture
def clones(tmp_workspace: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:
    return two_clones(tmp_workspace, tmp_path)


@pytest.mark.parametrize("mine", [False, True])
def test_a_sync_says_which_pending_amendment_the_adoption_it_brought_in_breaks(clones: tuple[Workspace, Workspace],
                                                                              invoke: Invoke, mine: bool) -> None:
    lan, minh = clones
    _repeal_article_5(invoke, lan)
    if mine:  # a commit of Minh's own: the sync replays it on top of Lan's work (a rebase), not a fast-forward
        minh.commit({"ghi-chu.txt": "Ghi chú của Minh.\n".encode()}, "Ghi chú")
    before = (minh.root / AMENDMENT).read_bytes()
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output  # the sync itself succeeded
    said = done.output.strip().split("\n")
    # The first failing instruction, word for word as `amend check` says it.
    checked = invoke(minh, "amend", "check", SLUG)
    first = checked.output.split("\n")[0].rstrip(".")
    assert first.startswith(f"{AMENDMENT}:54: instruction 2 (Sửa đổi, bổ sung khoản 2 Điều 5 như sau:): "), first
    assert said[-1] == (
        f"Your pending amendment {SLUG} (05-QC/TU) no longer applies to 01-QC/TU as it now stands, after Lan adopted "
        f"07-QC/TU (bai-bo-dieu-5). The first instruction that fails: {first}. Nothing was changed; "
        f"see every problem with `regdraft amend check {SLUG}`, and rewrite what fails against the text in force."), \
        done.output
    assert "bai-bo-dieu-5 adopted as 07-QC/TU by Lan" in said[0]
    # Nothing changed for it: the draft as it was, nothing uncommitted, the work shared as any sync shares it.
    assert (minh.root / AMENDMENT).read_bytes() == before
    assert _git(minh, "status", "--porcelain") == ""
    assert _git(minh, "rev-parse", "HEAD") == _git(minh, "rev-parse", "origin/main")
    # Said once, by the sync that brought the adoption in.
    again = invoke(minh, "sync")
    assert again.exit_code == 0 and "no longer applies" not in again.output, again.output


def test_only_amendments_of_a_regulation_the_work_changed_are_applied_and_only_news_is_said(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    # A draft of the English text, and one failing already (khoản 9 Điều 5 never existed): neither is the sync's news.
    _draft(invoke, tmp_workspace, "ban-dich", "01-QC/TU-EN", "Clause 2 of Article 5 is repealed.")
    _draft(invoke, tmp_workspace, "hong-san", "01-QC/TU", "Bãi bỏ khoản 9 Điều 5.")
    lan, minh = two_clones(tmp_workspace, tmp_path)
    applied: list[str] = []
    checking = lifecycle.check_amendment

    def counted(ws: Workspace, amendment: Amendment, shared: Shared | None = None) -> list[Problem]:
        applied.append(amendment.slug)
        return checking(ws, amendment, shared)

    monkeypatch.setattr(lifecycle, "check_amendment", counted)
    lan.commit({"ghi-chu.txt": "Ghi chú.\n".encode()}, "Ghi chú", author="Lan <lan@tinhuy.example>")
    assert invoke(lan, "sync").exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0 and "ghi-chu.txt added by Lan" in done.output, done.output
    assert applied == []  # no regulation changed: no amendment read or applied
    _repeal_article_5(invoke, lan)
    applied.clear()
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    assert sorted(applied) == ["hong-san", SLUG], applied
    assert done.output.count("no longer applies") == 1 and f"pending amendment {SLUG} " in done.output

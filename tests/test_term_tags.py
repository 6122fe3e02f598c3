"""An adoption's tag is a function of the document alone (r23 sweep s11terms, defect 1).

Term XIV's and term XV's documents may bear one number. The tag was `adopted/XV/<number>` only when an earlier
term's bearer was adopted *in this clone already*: term XV's 20-QC/TU adopted first (or on another machine) took
`adopted/20-QC-TU`, the sync then gave term XIV's adoption term XV's tag (`redline` of term XIV's amendment said
"Không có thay đổi"), and on one machine recording term XIV's 02-QC/TU after term XV's was refused ("tag already
exists"). Now the earliest term keeps `adopted/<number>`, every later term has `adopted/<term>/<number>`; readers
check the tagged commit adopts the document, else find its adoption commit; a sync never hands one document's tag
name to another's adoption, and `check` names an adoption whose tag is missing or another's.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.workspace.activity import describe
from regdraft.workspace.store import Workspace

from .conftest import Invoke, two_clones
from .test_term_numbers import INSTRUCTION, two_terms  # noqa: F401 (a fixture)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _adopt(ws: Workspace, invoke: Invoke, slug: str, regulation: str, number: str, signed: str) -> None:
    """A new amendment of `regulation` (Điều 30's words), numbered and adopted (past the gates: a test)."""
    made = invoke(ws, "amend", "new", slug, "--regulation", regulation, "--force")
    assert made.exit_code == 0, made.output
    path = f"amendments/{slug}/amendment.md"
    text = (ws.root / path).read_text(encoding="utf-8")
    assert "\n\n## Điều 2" in text
    ws.commit({path: text.replace("\n\n## Điều 2", f"\n\n{INSTRUCTION}\n\n## Điều 2", 1).encode()}, f"Điều 1 of {slug}")
    assert invoke(ws, "amend", "number", slug, number).exit_code == 0
    adopted = invoke(ws, "amend", "adopt", slug, "--signed", signed, "--force", "--reason", "test")
    assert adopted.exit_code == 0, adopted.output


def _redline(ws: Workspace, invoke: Invoke, slug: str) -> str:
    out = invoke(ws, "redline", slug, "--format", "html", "-o", str(ws.root.parent / f"{slug}.html"))
    assert out.exit_code == 0, out.output
    return out.output


def test_the_tag_does_not_depend_on_which_term_was_adopted_first(two_terms: Workspace, invoke: Invoke) -> None:  # noqa: F811
    # Term XV's 02-QC/TU first, then term XIV's 02-QC/TU recorded for its history: refused before ("The tag
    # 'adopted/02-QC-TU' already exists"), as term XV's had taken the plain tag.
    _adopt(two_terms, invoke, "qc-xv-a", "01-QC/TU-XV", "02-QC/TU", "2026-03-10")
    assert two_terms.resolve("adopted/XV/02-QC-TU").subject.startswith("Adopt amendment 02-QC/TU (qc-xv-a)")
    _adopt(two_terms, invoke, "qc-hist", "01-QC/TU", "02-QC/TU", "2025-07-01")
    assert "(qc-hist)" in two_terms.resolve("adopted/02-QC-TU").subject
    assert "(adopted/02-QC-TU~1) against the text it left (adopted/02-QC-TU)" in _redline(two_terms, invoke, "qc-hist")
    assert "(1 change" in _redline(two_terms, invoke, "qc-hist")
    assert "adoption tag" not in invoke(two_terms, "check").output  # (the fixture's draft qc-xv now fails: its own)


@pytest.fixture
def clones(two_terms: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:  # noqa: F811
    """Lan's and Minh's clones of the two-term workspace, sharing a bare remote."""
    return two_clones(two_terms, tmp_path)


def test_two_machines_adopting_two_documents_of_one_number_keep_two_tags(
        clones: tuple[Workspace, Workspace], invoke: Invoke) -> None:
    lan, minh = clones
    _adopt(lan, invoke, "qc-hist", "01-QC/TU", "20-QC/TU", "2025-09-01")  # term XIV, recorded for history
    _adopt(minh, invoke, "qc-xv-c", "01-QC/TU-XV", "20-QC/TU", "2026-08-01")  # term XV's own, not yet synced
    sent = invoke(minh, "sync")
    assert "qc-xv-c adopted as 20-QC/TU of term XV (to 01-QC/TU-XV) by Minh" in sent.output, sent.output
    synced = invoke(lan, "sync")
    assert synced.exit_code == 0, synced.output
    assert "was replaced by it" not in synced.output
    # r23 s11terms defect 5: each line names its term, where `adopted as 20-QC/TU` read as term XIV's for both.
    assert "qc-xv-c adopted as 20-QC/TU of term XV (to 01-QC/TU-XV) by Minh" in synced.output
    assert "qc-hist adopted as 20-QC/TU of term XIV (to 01-QC/TU) by Lan" in synced.output
    for ws in (lan, minh):
        assert invoke(ws, "sync").exit_code == 0
        assert "(qc-hist)" in ws.resolve("adopted/20-QC-TU").subject
        assert "(qc-xv-c)" in ws.resolve("adopted/XV/20-QC-TU").subject
        assert "(1 change" in _redline(ws, invoke, "qc-hist")
        assert "(adopted/XV/20-QC-TU)" in _redline(ws, invoke, "qc-xv-c")


def test_a_sync_never_gives_one_documents_tag_name_to_another(
        clones: tuple[Workspace, Workspace], invoke: Invoke) -> None:
    """Minh's clone tagged term XV's 20-QC/TU `adopted/20-QC-TU` (as regdraft did before) and pushed it; Lan's
    term XIV 20-QC/TU has that name too. Both adoptions are kept, each found by its own commit; `check` says so."""
    lan, minh = clones
    _adopt(minh, invoke, "qc-xv-c", "01-QC/TU-XV", "20-QC/TU", "2026-08-01")
    git(minh.root, "tag", "-d", "adopted/XV/20-QC-TU")
    git(minh.root, "tag", "-a", "adopted/20-QC-TU", "-m", "old regdraft", "HEAD")
    assert invoke(minh, "sync").exit_code == 0
    _adopt(lan, invoke, "qc-hist", "01-QC/TU", "20-QC/TU", "2025-09-01")
    synced = invoke(lan, "sync")
    assert synced.exit_code == 0, synced.output
    assert ("Tag adopted/20-QC-TU: origin has it on the adoption of qc-xv-c" in synced.output
            and "yours names the adoption of qc-hist, another document bearing the number. Both adoptions are kept"
            in synced.output), synced.output
    assert "(qc-hist)" in lan.resolve("adopted/20-QC-TU").subject  # still its own, on the replayed commit
    assert lan.is_ancestor(lan.resolve("adopted/20-QC-TU").sha, lan.head() or "")
    assert invoke(minh, "sync").exit_code == 0
    assert "(qc-xv-c)" in minh.resolve("adopted/20-QC-TU").subject
    # Minh's clone: term XIV's adoption is found by its commit (no "Không có thay đổi"), and `check` names the tag.
    shown = _redline(minh, invoke, "qc-hist")
    assert "(1 change" in shown and "adopted/20-QC-TU" not in shown
    checked = invoke(minh, "check")
    assert ("20-QC/TU (qc-hist, term XIV) is adopted, but its adoption tag adopted/20-QC-TU names the adoption of "
            "qc-xv-c, another document") in checked.output, checked.output
    assert "20-QC/TU (qc-xv-c) is adopted, but its adoption tag adopted/XV/20-QC-TU is missing" in checked.output


def test_a_new_regulation_replacing_another_is_said_to_replace_it(two_terms: Workspace) -> None:  # noqa: F811
    """r23 s11terms defect 5: the sync line said only `01-QC/TU-XV (…) added by …`; a colleague with an amendment of
    01-QC/TU open learnt of the replacement from `amend check`."""
    lines = describe(two_terms, two_terms.commits(None, "HEAD"))
    added = [line for line in lines if line.startswith("01-QC/TU-XV (")]
    assert len(added) == 1 and added[0].endswith(", replacing 01-QC/TU from 2025-10-28"), lines


def test_a_translations_amendment_bearing_its_originals_number_has_its_own_tag(tmp_workspace: Workspace,
                                                                                invoke: Invoke) -> None:
    # The English amendment carries the original's number (docs/export.md); adopted first, it took adopted/05-QC-TU
    # and the Vietnamese 05-QC/TU was refused: "The tag 'adopted/05-QC-TU' already exists".
    made = invoke(tmp_workspace, "amend", "new", "qc-en", "--regulation", "01-QC/TU-EN")
    assert made.exit_code == 0, made.output
    path = "amendments/qc-en/amendment.md"
    text = (tmp_workspace.root / path).read_text(encoding="utf-8")
    heading = next(line for line in text.split("\n") if line.startswith("## Article 2"))
    instruction = '1\\. The words "on the proposal of" are replaced with the words "at the proposal of" in Article 30.'
    tmp_workspace.commit({path: text.replace(f"\n\n{heading}", f"\n\n{instruction}\n\n{heading}", 1).encode()},
                         "Article 1 of qc-en")
    assert invoke(tmp_workspace, "amend", "number", "qc-en", "05-QC/TU").exit_code == 0
    for slug in ("qc-en", "qc-sua-doi-2025"):
        adopted = invoke(tmp_workspace, "amend", "adopt", slug, "--signed", "2025-03-28", "--force", "--reason", "t")
        assert adopted.exit_code == 0, adopted.output
    tags = git(tmp_workspace.root, "tag", "--list", "adopted/*").split()
    assert sorted(tags) == ["adopted/05-QC-TU", "adopted/05-QC-TU.en"]
    assert invoke(tmp_workspace, "check").exit_code == 0


def test_a_tag_moved_to_another_commit_is_named_once_with_the_command_that_moves_it_back(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    # "…names commit 0bfe528, no adoption of it (0bfe528)", with "term XIV" in a workspace of one term and no fix.
    adopted = invoke(tmp_workspace, "amend", "adopt", "qc-sua-doi-2025", "--signed", "2025-03-28", "--force",
                     "--reason", "t")
    assert adopted.exit_code == 0, adopted.output
    adoption = git(tmp_workspace.root, "rev-parse", "--short=7", "HEAD").strip()
    before = git(tmp_workspace.root, "rev-parse", "--short=7", "HEAD~1").strip()
    git(tmp_workspace.root, "tag", "-f", "adopted/05-QC-TU", before)
    said = " ".join(invoke(tmp_workspace, "check").output.split())
    assert (f"05-QC/TU (qc-sua-doi-2025) is adopted, but its adoption tag adopted/05-QC-TU names commit {before}, "
            f"which adopts nothing") in said, said
    assert said.count(before) == 1 and "term" not in said
    assert f"`git tag -f adopted/05-QC-TU {adoption}`" in said

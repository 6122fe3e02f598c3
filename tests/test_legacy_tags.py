"""An adoption tag made by a regdraft before tags named their term (r24 fixer defect 1).

Term XV's 02-QC/TU, adopted and tagged `adopted/02-QC-TU` before per-term tags existed, holds the name term XIV's
02-QC/TU is now tagged with. `amend adopt` of term XIV's document stopped at its end on "The tag 'adopted/02-QC-TU'
already exists". Tags on the shared remote never move, so the office could not free the name: the adoption is made
without a tag, says so, and leaves the old tag where it is; `check` warns, and readers find the adoption by its commit.
A name held by anything but another document's adoption is refused before anything is written, with its fix.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke
from .test_term_numbers import two_terms  # noqa: F401 (a fixture)
from .test_term_tags import _adopt


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Old", "-c", "user.email=old@example.org", *args], cwd=cwd,
                          check=True, capture_output=True, text=True).stdout


def _prepared(ws: Workspace, invoke: Invoke, slug: str, number: str) -> None:
    """`_adopt` without the adoption: the new amendment of term XIV's 01-QC/TU, numbered."""
    from .test_term_numbers import INSTRUCTION

    assert invoke(ws, "amend", "new", slug, "--regulation", "01-QC/TU", "--force").exit_code == 0
    path = f"amendments/{slug}/amendment.md"
    text = (ws.root / path).read_text(encoding="utf-8")
    ws.commit({path: text.replace("\n\n## Điều 2", f"\n\n{INSTRUCTION}\n\n## Điều 2", 1).encode()}, f"Điều 1 of {slug}")
    assert invoke(ws, "amend", "number", slug, number).exit_code == 0


def test_adopting_under_a_name_an_older_regdraft_gave_another_terms_adoption(two_terms: Workspace,  # noqa: F811
                                                                             invoke: Invoke) -> None:
    _adopt(two_terms, invoke, "qc-xv-a", "01-QC/TU-XV", "02-QC/TU", "2026-03-10")
    git(two_terms.root, "tag", "-d", "adopted/XV/02-QC-TU")
    git(two_terms.root, "tag", "-a", "adopted/02-QC-TU", "-m", "an older regdraft", "HEAD")
    legacy = git(two_terms.root, "rev-parse", "adopted/02-QC-TU").strip()
    xv = git(two_terms.root, "rev-parse", "--short=7", "HEAD").strip()
    _prepared(two_terms, invoke, "qc-hist", "02-QC/TU")
    adopted = invoke(two_terms, "amend", "adopt", "qc-hist", "--signed", "2025-07-01", "--force", "--reason", "test",
                     "--json")
    assert adopted.exit_code == 0, adopted.output
    data = json.loads(adopted.stdout)
    assert data["tag"] is None and data["commit"] == two_terms.resolve("HEAD").sha
    said = " ".join(adopted.stderr.split())
    assert (f"02-QC/TU (qc-hist) has no adoption tag: its name, adopted/02-QC-TU, is the tag of the adoption of "
            f"qc-xv-a, another document bearing the number ({xv}), as a regdraft before tags named their term made "
            f"it, and a tag is never moved. regdraft finds this adoption by its commit, {data['commit'][:7]}; "
            "`regdraft check` warns of the tag.") in said, said
    # All of it adopted, the old tag untouched.
    assert git(two_terms.root, "rev-parse", "adopted/02-QC-TU").strip() == legacy
    assert two_terms.resolve("HEAD").subject.startswith("Adopt amendment 02-QC/TU (qc-hist)")
    assert "status: adopted" in (two_terms.root / "amendments/qc-hist/amendment.md").read_text(encoding="utf-8")
    assert not git(two_terms.root, "status", "--porcelain").strip()
    checked = " ".join(invoke(two_terms, "check").output.split())
    assert ("02-QC/TU (qc-hist, term XIV) is adopted, but its adoption tag adopted/02-QC-TU names the adoption of "
            f"qc-xv-a, another document ({xv}); the commit that adopted it is {data['commit'][:7]}") in checked, checked
    shown = invoke(two_terms, "redline", "qc-hist", "--format", "html", "-o", str(two_terms.root.parent / "h.html"))
    assert shown.exit_code == 0 and "(1 change" in shown.output, shown.output


def test_a_tag_name_held_by_a_commit_adopting_nothing_is_refused_before_anything_is_written(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    head = tmp_workspace.resolve("HEAD")
    git(tmp_workspace.root, "tag", "adopted/05-QC-TU", "HEAD")
    refused = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-28", "--force",
                     "--reason", "t")
    assert refused.exit_code == 1
    said = " ".join(refused.output.split())
    assert (f"05-QC/TU ({SHIPPED_AMENDMENT}) is not adopted: its adoption tag adopted/05-QC-TU already names a commit "
            f"that adopts nothing ({head.short}, “{head.subject}”), and regdraft never moves a tag. If that tag is "
            "stale, delete it with `git tag -d adopted/05-QC-TU` and adopt again. Nothing was changed.") in said, said
    assert tmp_workspace.resolve("HEAD") == head
    assert not git(tmp_workspace.root, "status", "--porcelain").strip()

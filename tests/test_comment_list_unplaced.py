"""`comment list` of a draft that does not apply: its warning's problems as `amend check` prints them (r43 sweep CH R1).

A comment moved (`git mv`) into the folder of a draft begun by `amend new`, which has no instruction yet: the list
warns, then lists it with its place unknown. The warning's problem names `amend from-edits` as a command to type,
not in the review server's neutral words, and says the draft does not apply (no adoption left it behind), to be
corrected, not "no longer applies … redraft it".
"""

from __future__ import annotations

from regdraft.workspace.store import Workspace

from .conftest import run_cli


def test_a_fresh_drafts_listed_comments_warn_with_a_command_to_type(tmp_workspace: Workspace) -> None:
    ws = tmp_workspace
    assert run_cli(ws, "amend", "new", "other-2026", "-r", "01-QC/TU").exit_code == 0
    opened = run_cli(ws, "round", "open", "qc-sua-doi-2025", "--due", "2099-12-31", "--consult", "Ban A")
    assert opened.exit_code == 0, opened.output
    added = run_cli(ws, "comment", "add", "qc-sua-doi-2025", "--by", "Ban A", "--on", "d5.k2", "--text", "Ý 1.")
    assert added.exit_code == 0, added.output
    [name] = [p.name for p in (ws.root / "amendments/qc-sua-doi-2025/comments").iterdir()]
    old = f"amendments/qc-sua-doi-2025/comments/{name}"
    ws.commit({old: None, f"amendments/other-2026/comments/{name}": (ws.root / old).read_bytes()}, "moved")

    listed = run_cli(ws, "comment", "list", "other-2026")
    assert listed.exit_code == 0, listed.output
    assert "Ban A: Ý 1." in listed.output and "unknown" in listed.output, listed.output
    assert "`regdraft amend from-edits other-2026 --edited FILE`" in listed.output, listed.output
    assert "“amend from-edits" not in listed.output, listed.output
    assert "warning: other-2026 does not apply to the text in force" in listed.output, listed.output
    assert "no longer applies" not in listed.output and "; correct it" in listed.output, listed.output

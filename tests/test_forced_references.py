"""`check` after an adoption forced past `amend check`'s broken references (r24 fixer defect 2).

`amend adopt --force --reason` passes the gate of the references an amendment breaks ("the text referring to them
amended next", docs/amendments.md); `check` then failed on the regulation until another amendment changed the text
referring to them, though the office had adopted it knowingly and the reason was in the adoption commit. It warns,
naming the amendment, the commit and the reason, as it does of an adoption forced past the replaced-regulation gate.
No other gate `--force` passes (status, rounds, comments, vote, effective and signing dates, signer, hand edits,
quotes undoing an adoption) leaves `check` failing: the checks read none of them for an adopted amendment.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from regdraft.workspace.store import Workspace

from .conftest import Invoke

REPEAL = "1\\. Bãi bỏ điểm a khoản 1 Điều 12."
REGULATION = "regulations/01-QC-TU.md"
BROKEN = "khoản 3 Điều 13 refers to điểm a khoản 1 Điều 12, which has been repealed"


def _new(ws: Workspace, invoke: Invoke, slug: str, instruction: str, number: str) -> None:
    """A new amendment of 01-QC/TU holding one instruction, numbered."""
    made = invoke(ws, "amend", "new", slug, "--regulation", "01-QC/TU")
    assert made.exit_code == 0, made.output
    path = f"amendments/{slug}/amendment.md"
    text = (ws.root / path).read_text(encoding="utf-8")
    ws.commit({path: text.replace("\n\n## Điều 2", f"\n\n{instruction}\n\n## Điều 2", 1).encode()}, f"Điều 1 of {slug}")
    assert invoke(ws, "amend", "number", slug, number).exit_code == 0


@pytest.fixture
def forced(tmp_workspace: Workspace, invoke: Invoke) -> Workspace:
    """07-QC/TU repealing điểm a khoản 1 Điều 12, which khoản 3 Điều 13 cites, adopted past `amend check`."""
    _new(tmp_workspace, invoke, "qc-b", REPEAL, "07-QC/TU")
    refused = invoke(tmp_workspace, "amend", "adopt", "qc-b", "--signed", "2025-06-01")
    assert "`regdraft amend check qc-b` finds 1 problem in it (listed below)" in refused.output, refused.output
    adopted = invoke(tmp_workspace, "amend", "adopt", "qc-b", "--signed", "2025-06-01", "--force", "--reason",
                     "khoản 3 Điều 13 sửa ở lần sau")
    assert adopted.exit_code == 0, adopted.output
    return tmp_workspace


def test_check_warns_of_a_reference_an_adoption_forced_past_amend_check_broke(forced: Workspace,
                                                                             invoke: Invoke) -> None:
    lines = (forced.root / REGULATION).read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("3\\. Trước mỗi kỳ hội nghị thường lệ"))
    commit = forced.resolve("HEAD").short
    checked = invoke(forced, "check")
    said = " ".join(checked.output.split())
    assert checked.exit_code == 0, checked.output  # it failed: "khoản 3 Điều 13 refers to …, which has been repealed."
    assert (f"{REGULATION}:{line}: warning: {BROKEN}; 07-QC/TU (qc-b) broke the reference and was adopted past it "
            f"on purpose (commit {commit}), for the reason recorded: khoản 3 Điều 13 sửa ở lần sau. Amend khoản 3 "
            "Điều 13 to cite a provision in force.") in said, said
    # The second warning: the shipped English translation lacks 07-QC/TU, adopted to the original only (r26/O 8).
    assert "01-QC/TU-EN is a translation of 01-QC/TU and does not contain its amendments in force" in said
    assert "No problems found (2 warnings)." in said


def test_a_reference_broken_otherwise_still_fails(forced: Workspace, invoke: Invoke) -> None:
    # A hand edit citing a provision that does not exist is no adoption made on purpose.
    text = (forced.root / REGULATION).read_text(encoding="utf-8")
    edited = text.replace("theo quy định tại Điều 16 Quy chế này", "theo quy định tại Điều 99 Quy chế này", 1)
    assert edited != text
    forced.commit({REGULATION: edited.encode()}, "sửa trực tiếp")
    checked = invoke(forced, "check")
    said = " ".join(checked.output.split())
    assert checked.exit_code == 1
    assert f"{REGULATION}:250: khoản 3 Điều 12 refers to Điều 99, which does not exist." in said, said
    assert f"warning: {BROKEN}; 07-QC/TU (qc-b) broke the reference" in said


def test_an_adoption_recording_no_reason_for_that_gate_still_fails(forced: Workspace, invoke: Invoke) -> None:
    # Its commit written without the gates it passed (by hand, or by a regdraft before the gate): not on purpose.
    message = forced.message("HEAD").split("\nAdopted past its gates")[0]
    for args in (("commit", "-q", "--amend", "-m", message), ("tag", "-f", "adopted/07-QC-TU", "HEAD")):
        subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=forced.root,
                       check=True, capture_output=True)
    checked = invoke(forced, "check")
    assert checked.exit_code == 1
    assert f"{BROKEN}." in " ".join(checked.output.split()) and "broke the reference" not in checked.output


def test_a_second_check_searches_no_text_for_references(forced: Workspace, invoke: Invoke,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # r29 sweep AM D3: every `check` read the regulation at the adoption commit and its parent and searched both
    # (and the text as it is) for references, 2 s of CPU per forced adoption of a 5,000-article text. What an
    # adoption broke depends on those two commits alone: it is kept in the workspace's cache under their id.
    from regdraft.core import refs
    from regdraft.workspace import parse_cache

    def new_process() -> None:
        """Nothing kept in this process's memory (a reading kept there by an earlier test is not in this cache)."""
        monkeypatch.setattr(parse_cache, "_memory", type(parse_cache._memory)())
        monkeypatch.setattr(parse_cache, "_origins", type(parse_cache._origins)())

    new_process()
    first = invoke(forced, "check")
    searched: list[str] = []
    find = refs.find_references

    def counted(reg: object, *args: object, **kwargs: object) -> object:
        searched.append(getattr(reg, "source", ""))
        return find(reg, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(refs, "find_references", counted)
    new_process()
    second = invoke(forced, "check")
    assert second.output == first.output and second.exit_code == first.exit_code == 0
    assert "broke the reference and was adopted past it on purpose" in second.output
    assert searched == [], searched


def test_a_rewritten_adoption_is_searched_again(forced: Workspace, invoke: Invoke) -> None:
    # The kept references follow the commit's id: the adoption amended (the same reason, another commit) is read anew.
    invoke(forced, "check")
    message = forced.message("HEAD")
    for args in (("commit", "-q", "--amend", "-m", message + "\n"), ("tag", "-f", "adopted/07-QC-TU", "HEAD")):
        subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=forced.root,
                       check=True, capture_output=True)
    checked = invoke(forced, "check")
    assert checked.exit_code == 0, checked.output
    assert f"(commit {forced.resolve('HEAD').short})" in " ".join(checked.output.split())


def test_show_export_and_list_count_the_reference_broken_on_purpose_as_check_does(forced: Workspace,
                                                                                   invoke: Invoke) -> None:
    # r38 sweep BT 1: `show` and `export` said "`regdraft check` reports 1 problem" (and `list` "1 problem") for the
    # reference 07-QC/TU broke on purpose, while `check` said "No problems found": a warning is no problem.
    note = f"Note: `regdraft check` reports 1 warning in {REGULATION}."
    shown = invoke(forced, "show", "01-QC/TU", "d1")
    assert shown.exit_code == 0 and " ".join(shown.stderr.split()) == note, shown.stderr
    exported = invoke(forced, "export", "01-QC/TU", "-o", str(forced.root / "out" / "x.md"))
    assert exported.exit_code == 0 and note in " ".join(exported.stderr.split()), exported.stderr
    assert "problem" not in exported.stderr
    listed = {row["id"]: row["problems"] for row in json.loads(invoke(forced, "list", "--json").stdout)}
    assert listed["01-QC/TU"] == 0


def test_a_problem_beside_the_warning_is_counted_apart(forced: Workspace, invoke: Invoke) -> None:
    text = (forced.root / REGULATION).read_text(encoding="utf-8")
    forced.commit({REGULATION: text.replace("theo quy định tại Điều 16 Quy chế này",
                                            "theo quy định tại Điều 99 Quy chế này", 1).encode()}, "sửa trực tiếp")
    shown = invoke(forced, "show", "01-QC/TU", "d1")
    assert (f"`regdraft check` reports 1 problem and 1 warning in {REGULATION}; the text is used as it reads."
            in " ".join(shown.stderr.split())), shown.stderr
    assert shown.stdout.startswith("Điều 1")

"""The new regulation's id is a document number, checked as `import --id` checks one (r42 sweep CI F2): `amend new
--replacing … --id ..` was accepted and `amend adopt` issued `regulations/...md`; a 5,000-character id failed only at
adoption's last step; an id holding ESC was committed raw. A colleague's draft whose `id:` is no document number is a
problem of `amend check` and `check` at its line (and so a gate of adoption)."""

from __future__ import annotations

import pytest

from regdraft.workspace.store import Workspace

from .conftest import Invoke
from .test_cli_amend_replacing import DRAFT, ok


@pytest.mark.parametrize("bad", ["..", "../../x", ".git/hooks/post-commit", "A\x1b[2Jx", "01\nQC", "A" * 300])
def test_amend_new_refuses_an_id_that_is_no_document_number(tmp_workspace: Workspace, invoke: Invoke,
                                                           bad: str) -> None:
    head = tmp_workspace.repo.head.commit.hexsha
    result = invoke(tmp_workspace, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", bad)
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "The new regulation's id" in said and "Traceback" not in said
    assert "\x1b" not in result.output  # quoted escaped, not sent to the terminal
    assert "is 300 bytes long" in said if len(bad) == 300 else "is not a document number" in said
    assert tmp_workspace.repo.head.commit.hexsha == head and not (tmp_workspace.root / "amendments/quy-che-xv").exists()


def _colleagues_id(ws: Workspace, invoke: Invoke, given: str) -> int:
    """Draft `quy-che-xv` of a new regulation made with a good id, then committed with `given` as its `id:`, as a
    colleague might write it: the line of that `id:`."""
    ok(invoke(ws, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", "01-QC/TU-XV"))
    text = (ws.root / DRAFT).read_text(encoding="utf-8")
    ws.commit({DRAFT: text.replace("id: 01-QC/TU-XV", f"id: {given}").encode()}, "A colleague's id")
    return text.split("\n").index("id: 01-QC/TU-XV") + 1


def test_a_draft_whose_id_is_no_document_number_is_a_problem_at_its_line(tmp_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    line = _colleagues_id(tmp_workspace, invoke, "../../x")
    for command in (("amend", "check", "quy-che-xv"), ("check",)):
        result = invoke(tmp_workspace, *command)
        assert result.exit_code == 1, result.output
        assert f"{DRAFT}:{line}: The new regulation's id '../../x' is not a document number" in result.output


def test_an_id_whose_file_is_another_regulations_is_refused_naming_both(tmp_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    # r43 sweep CI F5: `id: 01-QC-TU-EN` is written to regulations/01-QC-TU-EN.md, the file of 01-QC/TU-EN.
    # `amend check` and `check` passed the draft; `amend adopt` refused naming "a regulation 01-QC-TU-EN".
    head = tmp_workspace.repo.head.commit.hexsha
    new = invoke(tmp_workspace, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", "01-QC-TU-EN")
    assert new.exit_code == 2, new.output
    said = " ".join(new.output.split())
    assert ("The new regulation's id 01-QC-TU-EN would be issued as regulations/01-QC-TU-EN.md, the file of the "
            "regulation 01-QC/TU-EN") in said, said
    assert tmp_workspace.repo.head.commit.hexsha == head
    line = _colleagues_id(tmp_workspace, invoke, "01-QC-TU-EN")
    for command in (("amend", "check", "quy-che-xv"), ("check",)):
        result = invoke(tmp_workspace, *command)
        assert result.exit_code == 1, result.output
        said = " ".join(result.output.split())
        assert (f"{DRAFT}:{line}: The new regulation's id 01-QC-TU-EN would be issued as "
                "regulations/01-QC-TU-EN.md, the file of the regulation 01-QC/TU-EN") in said, said
    adopt = invoke(tmp_workspace, "amend", "adopt", "quy-che-xv", "--signed", "2026-12-01", "--force", "--reason",
                   "test")
    assert adopt.exit_code == 1, adopt.output
    assert "a regulation 01-QC-TU-EN" not in adopt.output and "01-QC/TU-EN" in adopt.output, adopt.output
    # Past the gates, the issuing itself names the regulation whose file it is.
    import datetime as dt

    from regdraft.core.errors import RegdraftError
    from regdraft.workspace.amendments import list_amendments
    from regdraft.workspace.replacing import issue

    [draft] = [a for a in list_amendments(tmp_workspace) if a.slug == "quy-che-xv"]
    with pytest.raises(RegdraftError) as refused:
        issue(tmp_workspace, draft, dt.date(2026, 12, 1), dt.date(2026, 12, 1), (), "test", None)
    assert ("regulations/01-QC-TU-EN.md exists already: the workspace holds the regulation 01-QC/TU-EN there (the "
            "file the id 01-QC-TU-EN is written to)") in str(refused.value), str(refused.value)


def test_two_pending_drafts_whose_ids_share_a_file_are_told_apart(tmp_workspace: Workspace, invoke: Invoke) -> None:
    ok(invoke(tmp_workspace, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", "01-QC/TU-XV"))
    second = invoke(tmp_workspace, "amend", "new", "quy-che-khac", "--replacing", "01-QC/TU", "--id", "01-QC-TU-XV")
    assert second.exit_code == 2, second.output
    said = " ".join(second.output.split())
    assert ("The new regulation's id 01-QC-TU-XV would be issued as regulations/01-QC-TU-XV.md, the file the "
            "pending draft quy-che-xv is to issue 01-QC/TU-XV as") in said, said


@pytest.mark.parametrize("twin", ["01-qc/tu-en", "01-QC/TU-en"])
def test_an_id_whose_file_differs_from_anothers_only_in_capitals_is_refused(tmp_workspace: Workspace,
                                                                             invoke: Invoke, twin: str) -> None:
    # r43 sweep CK F2: regulations/01-qc-tu-en.md beside regulations/01-QC-TU-EN.md are two files on Linux and one
    # on Windows or macOS, where a colleague's clone would hold one of the two texts.
    head = tmp_workspace.repo.head.commit.hexsha
    new = invoke(tmp_workspace, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", twin)
    assert new.exit_code == 2, new.output
    said = " ".join(new.output.split())
    assert ("differs only in capitals from regulations/01-QC-TU-EN.md, the file of the regulation 01-QC/TU-EN"
            in said), said
    assert tmp_workspace.repo.head.commit.hexsha == head and not (tmp_workspace.root / DRAFT).exists()


def test_import_refuses_an_id_whose_file_differs_from_anothers_only_in_capitals(tmp_workspace: Workspace,
                                                                                 invoke: Invoke) -> None:
    source = tmp_workspace.root / "regulations/01-QC-TU.md"
    head = tmp_workspace.repo.head.commit.hexsha
    result = invoke(tmp_workspace, "import", str(source), "--id", "01-qc/tu")
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert ("regulations/01-qc-tu.md differs only in capitals from regulations/01-QC-TU.md, the file of the "
            "regulation 01-QC/TU") in said and "nothing was imported" in said, said
    assert tmp_workspace.repo.head.commit.hexsha == head
    assert not (tmp_workspace.root / "regulations/01-qc-tu.md").exists()


def test_capitals_are_compared_as_file_systems_compare_them(tmp_workspace: Workspace) -> None:
    """r44 sweep CI F6: casefold made `02-straße` one file with `02-STRASSE.md` (it is two on Windows and macOS, whose
    file systems take each character's simple uppercase: ß has none of one character) and `03-ı` none with `03-I.md`
    (ı's uppercase is I)."""
    from regdraft.core.layout import name_case
    from regdraft.workspace.replacing import regulation_case_twin

    for name in ("02-STRASSE", "03-I"):
        (tmp_workspace.root / "regulations" / f"{name}.md").write_text("# x\n", encoding="utf-8")
    assert regulation_case_twin(tmp_workspace, "regulations/02-straße.md") is None
    assert regulation_case_twin(tmp_workspace, "regulations/03-ı.md") == "regulations/03-I.md"
    assert regulation_case_twin(tmp_workspace, "regulations/02-strasse.md") == "regulations/02-STRASSE.md"
    assert name_case("Điều 5 ǆ ß ﬁ") == "ĐIỀU 5 Ǆ ß ﬁ"

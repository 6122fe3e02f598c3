"""`regdraft refs` and the reference check behind `regdraft check`."""

from __future__ import annotations

import json

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, SHIPPED_AMENDMENT, Invoke

REFS = FIXTURES / "refs"


@pytest.fixture
def refs_workspace(empty_workspace: Workspace) -> Workspace:
    """A workspace holding the reference fixtures: every form, and one with broken references."""
    empty_workspace.commit(
        {
            "regulations/98-QC-TU.md": (REFS / "forms-vi.md").read_bytes(),
            "regulations/97-QC-TU.md": (REFS / "broken-vi.md").read_bytes(),
        },
        "Add reference fixtures",
    )
    return empty_workspace


def test_refs_lists_who_refers_to_a_provision(refs_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(refs_workspace, "refs", "98-QC/TU", "d4", catch=False)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        'regulations/98-QC-TU.md:44: điểm a khoản 2 Điều 3: "khoản 1 và khoản 3 Điều 4" '
        "-> khoản 1 Điều 4 (inside); khoản 3 Điều 4 (inside)" in lines
    )
    assert any(line.startswith("regulations/98-QC-TU.md:64: Điều 6:") for line in lines)
    # The external "Điều 10 Luật ..." in Điều 4 refers to another law, not to Điều 4.
    assert not any("Luật Tổ chức" in line for line in lines)
    # Cited beside the provision asked about, not inside it: `các Điều 5, 6 và 7` asked for Điều 5 marked Điều 6
    # and Điều 7 "(inside)" (Luật Du lịch's `điều 31, 33, 34, 35 và 36`).
    beside = invoke(refs_workspace, "refs", "98-QC/TU", "d5", catch=False).output
    assert '"Điều 5, 6 và 7" -> Điều 5; Điều 6; Điều 7' in beside and "(inside)" not in beside


def test_refs_of_a_chapter_or_section_marks_the_targets_inside_it(refs_workspace: Workspace, invoke: Invoke) -> None:
    # An article's address does not name its chapter or section: `refs ch2` marked Mục 1 Chương II "(inside)" but
    # not khoản 1 Điều 4, which stands in it too, as `refs d4` marks it.
    chapter = invoke(refs_workspace, "refs", "98-QC/TU", "ch2", catch=False).output.splitlines()
    assert ('regulations/98-QC-TU.md:44: điểm a khoản 2 Điều 3: "khoản 1 và khoản 3 Điều 4" '
            "-> khoản 1 Điều 4 (inside); khoản 3 Điều 4 (inside)") in chapter
    assert 'regulations/98-QC-TU.md:40: điểm c khoản 1 Điều 3: "Điều này" -> Điều 3 (inside)' in chapter
    assert ('regulations/98-QC-TU.md:54: khoản 2 Điều 4: "Chương I và Mục 1 Chương II" '
            "-> Chương I; Mục 1 Chương II (inside)") in chapter
    section = json.loads(invoke(refs_workspace, "refs", "98-QC/TU", "ch2.m2", "--json", catch=False).output)
    assert [(r["source"], r["inside"]) for r in section] == [
        ("d3.k2.a", ["d4.k1", "d4.k3"]), ("d3.k2.b", ["d4.k1", "d4.k2"]), ("d4.k3", ["d4.k3"]), ("d6", ["d4.k1"])]


def test_refs_from_a_provision_includes_external(refs_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(refs_workspace, "refs", "98-QC/TU", "--from", "Điều 4", "--json", catch=False)
    rows = json.loads(result.output)
    assert [(r["source"], r["targets"], r["external"]) for r in rows] == [
        ("d4.k1", ["d5", "d6", "d7"], None),
        ("d4.k2", ["d5", "d6", "d7"], None),
        ("d4.k2", ["ch1", "ch2.m1"], None),
        ("d4.k3", ["d4.k3"], None),
        ("d4.k3", [], "Luật Tổ chức chính quyền địa phương"),
    ]


def test_refs_external(refs_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(refs_workspace, "refs", "98-QC/TU", "--external", "--json", catch=False)
    assert [r["external"] for r in json.loads(result.output)] == [
        "Điều lệ Đảng",
        "Quy định số 24-QĐ/TW",
        "Luật Tổ chức chính quyền địa phương",
        "Nghị quyết số 15-NQ/TW",
        "Hướng dẫn số 01-HD/TW",
        "Bộ luật Lao động",
    ]


def test_refs_marks_missing_targets(refs_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(refs_workspace, "refs", "97-QC/TU", "--from", "d2", catch=False)
    assert 'khoản 1 Điều 2: "khoản 7 Điều 3" -> khoản 7 Điều 3 (does not exist)' in result.output


def test_refs_usage_errors_without_traceback(refs_workspace: Workspace, invoke: Invoke) -> None:
    both = invoke(refs_workspace, "refs", "98-QC/TU", "d4", "--from", "d3")
    assert both.exit_code == 2 and "not both" in both.output
    unknown = invoke(refs_workspace, "refs", "98-QC/TU", "--from", "d40")
    assert unknown.exit_code == 2 and "Điều 40 does not exist" in unknown.output
    bad = invoke(refs_workspace, "refs", "98-QC/TU", "khoản")
    assert bad.exit_code == 2 and "is not an address" in bad.output
    assert unknown.exception is None or isinstance(unknown.exception, SystemExit)


def test_refs_to_a_provision_that_does_not_exist_fails(refs_workspace: Workspace, invoke: Invoke) -> None:
    for args in (("d99",), ("--from", "d99"), ("d4.k9",)):
        result = invoke(refs_workspace, "refs", "98-QC/TU", *args)
        assert result.exit_code == 2, (args, result.output)  # a provision that does not exist: bad usage
        assert "does not exist" in result.output and "No references found" not in result.output
    assert "Điều 99 does not exist" in invoke(refs_workspace, "refs", "98-QC/TU", "d99").output
    # A provision that is gone but still cited is listed, so the citations can be found and fixed.
    broken = invoke(refs_workspace, "refs", "97-QC/TU", "d3.k7")
    assert broken.exit_code == 0 and '"khoản 7 Điều 3" -> khoản 7 Điều 3 (does not exist)' in broken.output


def test_check_reports_references_to_missing_provisions(
    refs_workspace: Workspace, invoke: Invoke
) -> None:
    result = invoke(refs_workspace, "check")
    assert result.exit_code == 1
    assert (
        "regulations/97-QC-TU.md:20: khoản 1 Điều 2 refers to khoản 7 Điều 3, which does not exist."
        in result.output
    )
    assert (
        "regulations/97-QC-TU.md:26: khoản 2 Điều 3 refers to điểm c khoản 1 Điều 1 "
        '("điểm c khoản 1 Điều 1 và khoản 1 Điều này"), which does not exist.'
    ) in result.output
    assert "98-QC-TU.md" not in result.output
    clean = invoke(refs_workspace, "check", "98-QC/TU")
    assert clean.exit_code == 0, clean.output


def test_refs_help_has_an_example(invoke: Invoke) -> None:
    result = invoke(None, "refs", "--help")
    assert result.exit_code == 0 and "Example:" in result.output and "--from" in result.output


def test_shipped_regulation_refs(tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "refs", "01-QC/TU", "d15", "--json", catch=False)
    rows = json.loads(result.output)
    assert rows and all(any(t.startswith("d15") for t in r["targets"]) for r in rows)
    assert not [
        p
        for p in json.loads(invoke(tmp_workspace, "check", "--json").output)
        if "refers to" in p["message"]
    ]


def test_amend_check_names_references_to_check(tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT)
    assert result.exit_code == 0, result.output
    assert (
        "requires checking: regulations/01-QC-TU.md:142: khoản 3 Điều 6 refers to khoản 2 Điều 5, "
        "whose text the amendment changes: check that the reference still holds."
    ) in result.output


def test_a_reference_in_the_text_an_amendment_quotes_is_located_in_the_amendment(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    """A provision the amendment writes whole (an inserted clause, an inserted article's clause) that
    cites one it also changes is reported at the amendment's line, not at that line of the regulation."""
    path = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
    text = tmp_workspace.read(path).decode("utf-8")
    lines = text.split("\n")
    inserted_clause = "“5\\. Trường hợp cần thiết, Thường trực Tỉnh ủy họp theo hình thức trực tuyến"
    article_clause = "1\\. Văn bản, tài liệu phục vụ hội nghị Ban Chấp hành, Ban Thường vụ"
    at = {}
    for name, start in (("clause", inserted_clause), ("article", article_clause)):
        [number] = [i for i, line in enumerate(lines) if line.startswith(start)]
        lines[number] = lines[number].replace("Thường trực Tỉnh ủy", "Thường trực Tỉnh ủy (theo khoản 2 Điều 5)", 1)
        at[name] = number + 1
    tmp_workspace.commit({path: "\n".join(lines).encode("utf-8")}, "Cite a changed clause in quoted text")
    result = invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT)
    assert result.exit_code == 0, result.output
    assert (f"requires checking: {path}:{at['clause']}: khoản 5 Điều 14 refers to khoản 2 Điều 5, "
            "whose text the amendment changes") in result.output
    assert (f"requires checking: {path}:{at['article']}: khoản 1 Điều 20a refers to khoản 2 Điều 5, "
            "whose text the amendment changes") in result.output
    # A provision of the regulation itself is still located there.
    assert "requires checking: regulations/01-QC-TU.md:142: khoản 3 Điều 6 refers to khoản 2 Điều 5" in result.output
    assert f"regulations/01-QC-TU.md:{at['clause']}:" not in result.output
    preview = invoke(tmp_workspace, "amend", "preview", SHIPPED_AMENDMENT, "-o", str(tmp_workspace.root / "out.md"))
    assert preview.exit_code == 0, preview.output
    assert f"note: {path}:{at['article']}: khoản 1 Điều 20a refers to khoản 2 Điều 5" in preview.output


def test_amend_check_fails_on_a_broken_reference(tmp_workspace: Workspace, invoke: Invoke) -> None:
    path = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
    text = tmp_workspace.read(path).decode("utf-8")
    assert "Bãi bỏ khoản 3 Điều 10 và điểm c khoản 2 Điều 16." in text
    text = text.replace(
        "Bãi bỏ khoản 3 Điều 10 và điểm c khoản 2 Điều 16.",
        "Bãi bỏ khoản 3 Điều 10 và khoản 4 Điều 15.",
    )
    tmp_workspace.commit({path: text.encode("utf-8")}, "Repeal a provision others refer to")
    result = invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT)
    assert result.exit_code == 1
    assert (
        "regulations/01-QC-TU.md:342: khoản 3 Điều 17 refers to khoản 4 Điều 15, "
        "which the amendment repeals or removes: the reference is broken."
    ) in result.output
    preview = invoke(
        tmp_workspace,
        "amend",
        "preview",
        SHIPPED_AMENDMENT,
        "-o",
        str(tmp_workspace.root / "out.md"),
    )
    assert preview.exit_code == 0
    assert (
        "note: regulations/01-QC-TU.md:342: khoản 3 Điều 17 refers to khoản 4 Điều 15"
        in preview.output
    )

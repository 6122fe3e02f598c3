"""Two drafters each adding an instruction at the end of an amending article, by hand (r39 sweep BW F2).

The sync placed yours among the instructions by the provision it amends, but left the colleague's where they typed it,
at the end, so the file's order was not the one its note claimed ('numbered in the order of the provisions they
amend'); and it renumbered an issued law's instructions (Luật 57/2024/QH15's Điều 4: 2 to 3, ..., 21 to 22), which
the consolidated text's footnotes cite. Now both sides' additions are placed alike: in a draft among the instructions
by provision, as `amend from-edits` places them; in an issued or adopted text after its own, which keep their numbers.
Lan's and Minh's clones sharing a bare remote, with real git; Minh syncs second (yours: Minh's, from origin: Lan's)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from regdraft.workspace.regenerate import split_instructions
from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, Invoke, in_corpus, two_clones, unwrapped
from tests.test_replaced_regulation import adopted, adopted_built  # noqa: F401  (fixtures)


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, capture_output=True, text=True, check=True).stdout


def _append(ws: Workspace, path: str, article: str, sentence: str, number: int | None = None) -> None:
    """`sentence` typed as instruction `number` (default: the next) at the end of `article` (before the next
    heading), committed."""
    file = ws.root / path
    text = file.read_text(encoding="utf-8")
    found = re.search(rf"^## (Điều|Article) {article}\.", text, re.M)
    assert found is not None, article
    start = found.start()
    end = text.find("\n## ", start + 3)
    end = len(text) if end < 0 else end
    numbers = [int(n) for n in re.findall(r"^(\d+)\\\. ", text[start:end], re.M)]
    body = text[start:end].rstrip("\n") + f"\n\n{number or max(numbers, default=0) + 1}\\. {sentence}\n"
    file.write_text(text[:start] + body + text[end:], encoding="utf-8")
    _git(ws, "commit", "-qam", f"{ws.root.name}: {sentence[:30]}")


def _heads(ws: Workspace, path: str, article: str) -> list[str]:
    """Each instruction's first line, in the file's order."""
    region = split_instructions((ws.root / path).read_text(encoding="utf-8"), article)[1]
    return [line for line in region.split("\n") if re.match(r"^\d+\\\. ", line)]


def _synced(lan: Workspace, minh: Workspace, invoke: Invoke) -> str:
    assert invoke(lan, "sync").exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    assert _git(minh, "status", "--porcelain") == "" and _git(minh, "rev-parse", "HEAD") == \
        _git(minh, "rev-parse", "origin/main")
    return " ".join(done.output.split())


DRAFT = "qc-y-2026"
DRAFT_PATH = f"amendments/{DRAFT}/amendment.md"


def _draft(ws: Workspace) -> None:
    """A draft amending the shipped 01-QC/TU: 1. khoản 3 Điều 10, 2. điểm c khoản 2 Điều 16."""
    ws.commit({DRAFT_PATH: (
        "---\nnumber: 09-QC/TU\ntype: Quy chế\ntitle: Quy chế sửa đổi, bổ sung Quy chế làm việc\nregulation: 01-QC/TU\n"
        "language: vi\nstatus: draft\ndraft: 2\nsigned: null\neffective: null\n---\n\nCăn cứ Điều lệ Đảng;\n\n"
        "## Điều 1. Sửa đổi\n\n1\\. Bãi bỏ khoản 3 Điều 10.\n\n2\\. Bãi bỏ điểm c khoản 2 Điều 16.\n\n"
        "## Điều 2. Hiệu lực thi hành\n\nQuy chế này có hiệu lực kể từ ngày ký.\n").encode()}, "Draft qc-y-2026")


def test_a_drafts_additions_from_both_sides_are_placed_alike_by_provision(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    _draft(tmp_workspace)
    lan, minh = two_clones(tmp_workspace, tmp_path)
    _append(lan, DRAFT_PATH, "1", "Bãi bỏ khoản 3 Điều 12.")
    _append(minh, DRAFT_PATH, "1", "Bãi bỏ khoản 2 Điều 15.")
    said = _synced(lan, minh, invoke)
    # Before: 1. Điều 10, 2. khoản 2 Điều 15 (yours, placed), 3. Điều 16, 4. khoản 3 Điều 12 (Lan's, left at the end).
    assert _heads(minh, DRAFT_PATH, "1") == [
        "1\\. Bãi bỏ khoản 3 Điều 10.", "2\\. Bãi bỏ khoản 3 Điều 12.", "3\\. Bãi bỏ khoản 2 Điều 15.",
        "4\\. Bãi bỏ điểm c khoản 2 Điều 16."]
    assert (f"{DRAFT_PATH}: you and a colleague (origin) each added instructions to Điều 1; both were kept, placed "
            "among the instructions in the order of the provisions they amend, as amend from-edits places them: "
            "khoản 2 Điều 1 (Bãi bỏ khoản 3 Điều 12., from origin); khoản 3 Điều 1 (Bãi bỏ khoản 2 Điều 15., yours); "
            "the instruction you both had as 2 is now 4.") in said, said
    assert invoke(lan, "sync").exit_code == 0
    assert (lan.root / DRAFT_PATH).read_bytes() == (minh.root / DRAFT_PATH).read_bytes()
    checked = invoke(minh, "amend", "check", DRAFT)
    assert checked.exit_code == 0, checked.output


LAW = "l57"
LAW_PATH = f"amendments/{LAW}/amendment.md"
# Clauses of Luật Đấu thầu 22/2023/QH15 Luật 57/2024's Điều 4 leaves alone, rewritten keeping what cites them whole.
ON_2 = ("Sửa đổi, bổ sung khoản 4 Điều 2 như sau:\n\n“4. Tổ chức, cá nhân có hoạt động đấu thầu không thuộc trường "
        "hợp quy định tại các khoản 1, 2 và 3 Điều này được tự quyết định áp dụng Luật này.”.")
ON_3 = ("Sửa đổi, bổ sung khoản 4 Điều 3 như sau:\n\n“4. Việc lựa chọn nhà thầu ở nước ngoài của cơ quan đại diện "
        "Việt Nam ở nước ngoài thực hiện theo quy định của pháp luật về cơ quan đại diện.”.")


@pytest.fixture
def law(tmp_path: Path, invoke: Invoke) -> Workspace:
    """Luật Đấu thầu 22/2023/QH15 and Luật 57/2024/QH15 imported (its Điều 4 amends it: 21 instructions)."""
    source = in_corpus(SHARED / "corpus" / "amendments" / "luat-dau-thau-2023")
    root = tmp_path / "office"
    for args in (("init", str(root)), ("import", str(source / "base-22-2023-QH15.txt")),
                 ("amend", "import", str(source / "amending-57-2024-QH15.txt"), "--slug", LAW)):
        result = invoke(root if args[0] != "init" else None, *args)
        assert result.exit_code == 0, result.output
    return Workspace(root)


def test_an_issued_laws_instructions_keep_their_numbers_and_both_additions_follow_them(
        law: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    before = split_instructions((law.root / LAW_PATH).read_text(encoding="utf-8"), "4")[1]
    lan, minh = two_clones(law, tmp_path)
    _append(lan, LAW_PATH, "4", ON_3)
    _append(minh, LAW_PATH, "4", ON_2)
    said = _synced(lan, minh, invoke)
    merged = split_instructions((minh.root / LAW_PATH).read_text(encoding="utf-8"), "4")[1]
    assert merged.startswith(before + "\n\n")  # 1 to 21 as the law has them, byte for byte
    assert [line[:45] for line in _heads(minh, LAW_PATH, "4")[-3:]] == [line[:45] for line in (
        "21\\. Thay thế cụm từ “vốn vay ưu đãi của nhà tài trợ nước ngoài”",
        "22\\. Sửa đổi, bổ sung khoản 4 Điều 2 như sau:", "23\\. Sửa đổi, bổ sung khoản 4 Điều 3 như sau:")]
    assert (f"{LAW_PATH}: you and a colleague (origin) each added instructions to Điều 4; 57/2024/QH15 is an issued "
            "text, so the instructions you both had keep their numbers and both additions follow them, in the order "
            "of the provisions they amend: khoản 22 Điều 4 (Sửa đổi, bổ sung khoản 4 Điều 2, yours); khoản 23 Điều 4 "
            "(Sửa đổi, bổ sung khoản 4 Điều 3, from origin).") in said, said
    checked = invoke(minh, "amend", "check", LAW)
    assert checked.exit_code == 0, checked.output


def _first(ws: Workspace, sentence: str) -> None:
    """`sentence` put first in Luật 57/2024's Điều 4, the law's instructions numbered after it, committed."""
    from regdraft.core.amend.document import load_amendment

    file = ws.root / LAW_PATH
    text = file.read_text(encoding="utf-8")
    lines = text.split("\n")
    for ins in load_amendment(text, LAW_PATH, LAW).for_regulation("22/2023/QH15").instructions:
        lines[ins.line - 1] = re.sub(r"^\d+", str(int(ins.location) + 1), lines[ins.line - 1])
    before, region, after = split_instructions("\n".join(lines), "4")
    file.write_text(before + f"1\\. {sentence}\n\n" + region + "\n\n" + after, encoding="utf-8")
    _git(ws, "commit", "-qam", f"{ws.root.name}: {sentence[:30]}")


def test_an_issued_law_whose_numbers_cannot_all_be_kept_still_stops(law: Workspace, tmp_path: Path,
                                                                     invoke: Invoke) -> None:
    # Lan and Minh each put an instruction first, numbering the law's 1 to 21 as 2 to 22: the law's numbers cannot all
    # be kept, so git's conflict stands for a person to settle (a draft's would be merged, numbered anew). Lan's
    # renumbering is not sent unless the office means it (r41: an issued text's instructions keep their words).
    lan, minh = two_clones(law, tmp_path)
    _first(lan, ON_3)
    _first(minh, ON_2)
    mine = (minh.root / LAW_PATH).read_text(encoding="utf-8")
    refused = invoke(lan, "sync")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1 and "instruction 1 of Điều 4 (" in said, said
    assert "of 57/2024/QH15, an issued text, reads otherwise than as issued" in said, said
    assert invoke(lan, "sync", "--send-hand-edits").exit_code == 0
    stopped = invoke(minh, "sync")
    assert stopped.exit_code == 1 and "you and a colleague changed the same provisions" in stopped.output
    assert invoke(minh, "sync", "--abort").exit_code == 0
    assert (minh.root / LAW_PATH).read_text(encoding="utf-8") == mine


@pytest.mark.parametrize("issued", [False, True])
def test_a_document_amending_two_regulations_places_both_sides_alike(
        empty_workspace: Workspace, tmp_path: Path, invoke: Invoke, issued: bool) -> None:
    # Điều 2 amends 01-QC/TU: 1. điểm a khoản 1 Điều 5. Lan adds khoản 2 Điều 3 (before it), Minh khoản 2 Điều 15
    # (after it); Lan alone adds to Điều 1 (amending 02-QC/TU). Lan's stayed last, after Minh's, before the fix.
    from tests.test_review_several import MAIN, SECOND, several_workspace
    from tests.test_review_several import SLUG as BOTH

    office = several_workspace(empty_workspace)
    path = f"amendments/{BOTH}/amendment.md"
    if issued:  # numbered and signed, as an issued text imported to be consolidated
        text = (office.root / path).read_text(encoding="utf-8")
        office.commit({path: text.replace("status: draft\ndraft: 1\nsigned: null\neffective: null",
                                          "status: submitted\nsigned: '2026-01-05'\neffective: '2026-01-05'").encode()},
                      "Issued")
    lan, minh = two_clones(office, tmp_path)
    _append(lan, path, "2", "Bãi bỏ khoản 2 Điều 3.")
    _append(lan, path, "1", "Bãi bỏ Điều 3.")
    _append(minh, path, "2", "Bãi bỏ khoản 2 Điều 15.")
    said = _synced(lan, minh, invoke)
    point = "Sửa đổi, bổ sung điểm a khoản 1 Điều 5 như sau:"
    if issued:
        assert _heads(minh, path, "2") == [
            f"1\\. {point}", "2\\. Bãi bỏ khoản 2 Điều 3.", "3\\. Bãi bỏ khoản 2 Điều 15."]
        how = ("07-QC/TU is an issued text, so the instructions you both had keep their numbers and both additions "
               "follow them, in the order of the provisions they amend: khoản 2 Điều 2 (Bãi bỏ khoản 2 Điều 3., "
               "from origin); khoản 3 Điều 2 (Bãi bỏ khoản 2 Điều 15., yours); ")
    else:
        assert _heads(minh, path, "2") == [
            "1\\. Bãi bỏ khoản 2 Điều 3.", f"2\\. {point}", "3\\. Bãi bỏ khoản 2 Điều 15."]
        how = ("both were kept, placed among the instructions in the order of the provisions they amend, as amend "
               "from-edits places them: khoản 1 Điều 2 (Bãi bỏ khoản 2 Điều 3., from origin); khoản 3 Điều 2 (Bãi "
               "bỏ khoản 2 Điều 15., yours); the instruction you both had as 1 is now 2; ")
    assert (f"{path}: you and a colleague (origin) each added instructions to Điều 2 (amending {SECOND}); {how}"
            f"Điều 1 (amending {MAIN}), which only the colleague changed, is kept as they wrote it.") in said, said
    assert _heads(minh, path, "1")[-1] == "3\\. Bãi bỏ Điều 3."
    checked = invoke(minh, "amend", "check", BOTH)
    assert checked.exit_code == 0, checked.output


def test_a_translations_instructions_keep_their_original_s_numbers(adopted: Workspace, tmp_path: Path,  # noqa: F811
                                                                    invoke: Invoke) -> None:
    # An English draft of 05-QC/TU translating its instructions 1 and 4, numbered as the original: renumbered 1, 2, …
    # (as a draft's are), its footnotes would cite clause 2 of Article 1 where the original's change is clause 4. Lan
    # translates instruction 8 (Article 14), Minh 11 (Articles 10 and 16): each keeps the original's number.
    from tests.test_translation_partial import GROUP, TITLE, _translated

    path = _translated(adopted, invoke, GROUP + "\n\n" + TITLE.format(n=4), adopt=False)
    lan, minh = two_clones(adopted, tmp_path)
    _append(lan, path, "1", "Insert clause 5 after clause 4 of Article 14:\n\n“5. Where necessary, the Standing "
            "Office meets online or consults its members in writing; the result is reported to the Standing Committee "
            "at its next meeting.”.", number=8)
    _append(minh, path, "1", "Clause 3 of Article 10 and point c of clause 2 of Article 16 are repealed.", number=11)
    said = _synced(lan, minh, invoke)
    assert [line[:45] for line in _heads(minh, path, "1")] == [line[:45] for line in (
        "1\\. Some points of clause 1 of Article 4 are amended", "4\\. The title of Article 7 is amended to read:",
        "8\\. Insert clause 5 after clause 4 of Article 14:", "11\\. Clause 3 of Article 10 and point c of clause")]
    assert ("a translation is numbered as its original, so the instructions you both had keep their numbers and both "
            "additions follow them, under the numbers you each gave them: clause 8 of Article 1 (Insert clause 5 "
            "after clause 4 of Article 14, from origin); clause 11 of Article 1 (Clause 3 of Article 10 and point c "
            "of clause 2 of Article 16 are repealed., yours).") in said, said
    checked = invoke(minh, "amend", "check", "qc-en")
    assert checked.exit_code == 0, checked.output
    assert "number this instruction as" not in unwrapped(checked.output)

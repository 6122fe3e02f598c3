"""Two drafters adding instructions to a real amending document (r39): Luật 57/2024/QH15 amends four laws, Luật Quy
hoạch (21/2017/QH14, Điều 1), Luật Đầu tư (61/2020/QH14, Điều 2), Luật Đầu tư theo phương thức đối tác công tư
(64/2020/QH14, Điều 3) and Luật Đấu thầu (22/2023/QH15, Điều 4). The corpus holds the text of the last only: imported
with it, the document amends it in its Điều 4 (21 numbered instructions, lettered sub-instructions, a repeal, a change
of words), the other articles kept as text. Lan and Minh each add an instruction on an article of the Luật Đấu thầu
that Điều 4 leaves alone, in their clones sharing a bare remote (real git). Their `amend from-edits` numbers the
law's instructions anew, which the sync does not merge (an issued text keeps its numbers: r39 sweep BW F2, and
tests/test_sync_added_numbers.py for additions typed after them, which it merges); nor does it send what git merged
without a conflict into two instructions of one number."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.workspace.regenerate import split_instructions
from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, Invoke, two_clones
from tests.test_sync_added_instructions import _from_edits as from_edits

CORPUS = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023"
SLUG = "luat-57-2024"
PATH = f"amendments/{SLUG}/amendment.md"
# Lan's edit: điểm a khoản 1 Điều 10 (between instruction 3, on Điều 6, and 4, on Điều 16); Minh's: điểm d khoản 1
# Điều 60 (between 18, on Điều 58, and 19, on Điều 78).
ON_10 = ("a) Hàng hóa có xuất xứ Việt Nam;", "a) Hàng hóa, dịch vụ có xuất xứ Việt Nam;")
ON_60 = ("d) Có giá đề nghị trúng thầu không vượt giá gói thầu được phê duyệt.",
         "d) Có giá đề nghị trúng thầu không vượt giá gói thầu đã được phê duyệt.")

ON_3 = ("hợp đồng dầu khí thực hiện theo quy định của pháp luật về dầu khí.",  # khoản 2 Điều 3
        "hợp đồng dầu khí thực hiện theo quy định của pháp luật về dầu khí và pháp luật có liên quan.")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus of amending documents is absent")


def _git(where: Workspace | Path, *args: str) -> str:
    root = where.root if isinstance(where, Workspace) else where
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def _from_edits(ws: Workspace, invoke: Invoke, tmp_path: Path, *edits: tuple[str, str]) -> None:
    from_edits(ws, invoke, tmp_path, *edits, slug=SLUG)


def _added(ws: Workspace, before: str) -> list[str]:
    """The paragraphs of Điều 4 of the amending document that `before` (its text) lacked, an instruction's without its
    number: each added instruction and the text it quotes."""
    had = {paragraph.split("\\. ", 1)[-1] for paragraph in split_instructions(before, "4")[1].split("\n\n")}
    now = split_instructions((ws.root / PATH).read_text(encoding="utf-8"), "4")[1].split("\n\n")
    return [paragraph.split("\\. ", 1)[-1] for paragraph in now if paragraph.split("\\. ", 1)[-1] not in had]


def _typed_in_order(ws: Workspace, at: int) -> None:
    """The last instruction of Điều 4 moved by hand before instruction `at`, those from it numbered on by one, in the
    commit that added it."""
    before, region, after = split_instructions((ws.root / PATH).read_text(encoding="utf-8"), "4")
    paragraphs = region.split("\n\n")
    last = max(n for n, paragraph in enumerate(paragraphs) if paragraph.startswith("22\\. "))
    moved, paragraphs = paragraphs[last:], paragraphs[:last]
    start = next(n for n, paragraph in enumerate(paragraphs) if paragraph.startswith(f"{at}\\. "))
    for n in range(start, len(paragraphs)):
        number, dot, rest = paragraphs[n].partition("\\. ")
        if dot and number.isdigit():
            paragraphs[n] = f"{int(number) + 1}\\. {rest}"
    moved[0] = f"{at}\\. {moved[0].partition(chr(92) + '. ')[2]}"
    region = "\n\n".join([*paragraphs[:start], *moved, *paragraphs[start:]])
    (ws.root / PATH).write_text(before + region + "\n\n" + after, encoding="utf-8")
    _git(ws, "commit", "-qa", "--amend", "--no-edit")


def _office(office: Workspace, invoke: Invoke) -> str:
    """The Luật Đấu thầu and Luật 57/2024 imported into `office`; the amending document's text."""
    imported = invoke(office, "import", str(CORPUS / "base-22-2023-QH15.txt"), "--id", "22/2023/QH15")
    assert imported.exit_code == 0, imported.output
    imported = invoke(office, "amend", "import", str(CORPUS / "amending-57-2024-QH15.txt"), "--slug", SLUG)
    assert imported.exit_code == 0, imported.output
    said = " ".join(imported.output.split())
    assert "Điều 4 amends 22/2023/QH15 of the workspace" in said and "Điều 2 amends a document that is not in the " \
        "workspace; it is kept as text" in said, said
    return (office.root / PATH).read_text(encoding="utf-8")


def test_two_drafters_adding_to_luat_57_2024_by_from_edits_are_merged_after_its_own(empty_workspace: Workspace,
                                                                                   invoke: Invoke,
                                                                                   tmp_path: Path) -> None:
    # Each `amend from-edits` put its instruction in the order of the provisions and numbered the law's after it anew
    # (Lan's 4-21 as 5-22, Minh's 19-21 as 20-22), and the sync stopped on git's conflict (r39 sweep BW F2: an issued
    # text's numbers are not the sync's to change). From-edits now keeps the law's numbers, each addition after its
    # 21 (r40): the sync merges the two as 22 and 23 without a stop, Điều 4's own instructions as issued.
    office = empty_workspace
    original = _office(office, invoke)
    lan, minh = two_clones(office, tmp_path)
    _from_edits(lan, invoke, tmp_path, ON_10)
    _from_edits(minh, invoke, tmp_path, ON_60)
    for ws, edit in ((lan, ON_10), (minh, ON_60)):
        region = split_instructions((ws.root / PATH).read_text(encoding="utf-8"), "4")[1]
        assert region.startswith(split_instructions(original, "4")[1] + "\n\n22\\. Sửa đổi, bổ sung "), region[-400:]
        assert region.endswith(f"“{edit[1]}”."), region[-400:]
    assert invoke(lan, "sync").exit_code == 0
    synced = invoke(minh, "sync")
    said = " ".join(synced.output.split())
    assert synced.exit_code == 0, said
    assert ("57/2024/QH15 is an issued text, so the instructions you both had keep their numbers and both additions "
            "follow them") in said, said
    region = split_instructions((minh.root / PATH).read_text(encoding="utf-8"), "4")[1]
    assert region == (split_instructions(original, "4")[1]
                      + f"\n\n22\\. Sửa đổi, bổ sung điểm a khoản 1 Điều 10 như sau:\n\n“{ON_10[1]}”."
                      + f"\n\n23\\. Sửa đổi, bổ sung điểm d khoản 1 Điều 60 như sau:\n\n“{ON_60[1]}”.")
    assert _git(minh, "status", "--porcelain") == ""


def test_two_additions_git_numbers_alike_in_a_signed_document_are_not_sent(empty_workspace: Workspace,
                                                                         invoke: Invoke, tmp_path: Path) -> None:
    # Lan's instruction on khoản 2 Điều 3 goes after the last one (22, after the change of words); Minh types his on
    # khoản 5 Điều 23 in order (8) by hand, renumbering those after it, the change of words to 22 (as `amend
    # from-edits` did before r40). git merged the two without a conflict into two instructions 22; in a signed
    # document that is `amend check`'s warning only (its numbers are kept as issued), and the sync sent it.
    original = _office(empty_workspace, invoke)
    lan, minh = two_clones(empty_workspace, tmp_path)
    _from_edits(lan, invoke, tmp_path, ON_3)
    _from_edits(minh, invoke, tmp_path, ("không quá 45 ngày kể từ ngày phê duyệt hồ sơ yêu cầu",
                                         "không quá 40 ngày kể từ ngày phê duyệt hồ sơ yêu cầu"))
    _typed_in_order(minh, at=8)
    lans, minhs = (lan.root / PATH).read_text(encoding="utf-8"), (minh.root / PATH).read_text(encoding="utf-8")
    assert "\n22\\. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:" in lans and "\n22\\. Thay thế cụm từ" in minhs
    assert original != lans != minhs
    assert invoke(lan, "sync").exit_code == 0
    remote, head = _git(tmp_path / "office.git", "rev-parse", "main"), _git(minh, "rev-parse", "HEAD")
    refused = invoke(minh, "sync")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1, refused.output
    assert (f"Refusing to sync: {PATH}: git brought your changes and those from origin together without a conflict, "
            "but the result has a problem neither version had:") in said, said
    assert (f"{PATH}:960: instruction 22 (Sửa đổi, bổ sung khoản 2 Điều 3 như sau:) has the same number as "
            "instruction 22 on line 958: the merge numbered them so, not the issued text") in said, said
    assert _git(tmp_path / "office.git", "rev-parse", "main") == remote and _git(minh, "rev-parse", "HEAD") == head
    assert (minh.root / PATH).read_text(encoding="utf-8") == minhs


# Instruction 17 of Điều 4 (khoản 2 Điều 55) as Lan changes it by hand: `amend from-edits` refuses that edit (r41), a
# text editor does not.
ISSUED_17 = ("thì cơ sở y tế được tự quyết định mua sắm", "thì cơ sở y tế công lập được tự quyết định mua sắm")


@pytest.mark.parametrize("apart", [False, True], ids=["one-commit", "two-commits"])
def test_an_issued_instruction_changed_beside_two_additions_is_merged_and_not_sent(empty_workspace: Workspace,
                                                                                  invoke: Invoke, tmp_path: Path,
                                                                                  apart: bool) -> None:
    # Lan changed instruction 17's quote in her copy and added 22; Minh added 22. In one commit the sync stopped on
    # git's conflict (r40 sweep CG F4: the merge took a side changing an issued instruction for more than additions);
    # in two, the change of 17 was replayed after the merge and sent. Now both additions are merged (22, 23) and the
    # change of 17, an issued text's words, is not sent: refused by name, Lan's commits kept here.
    original = _office(empty_workspace, invoke)
    lan, minh = two_clones(empty_workspace, tmp_path)
    _from_edits(minh, invoke, tmp_path, ON_60)
    _from_edits(lan, invoke, tmp_path, ON_10)
    path = lan.root / PATH
    path.write_text(path.read_text(encoding="utf-8").replace(*ISSUED_17), encoding="utf-8")
    _git(lan, "commit", "-qam", "Khoản 2 Điều 55 sửa tay") if apart else _git(lan, "commit", "-qa", "--amend",
                                                                               "--no-edit")
    assert invoke(minh, "sync").exit_code == 0
    remote = _git(tmp_path / "office.git", "rev-parse", "main")
    refused = invoke(lan, "sync")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1 and "Traceback" not in said, said
    assert "conflict" not in said.lower(), said
    assert (f"Nothing was sent to origin: {PATH}:") in said, said
    assert ("instruction 17 of Điều 4 (Sửa đổi, bổ sung khoản 2 Điều 55 như sau:) of 57/2024/QH15, an issued text, "
            "reads otherwise than as issued (`git show ") in said, said
    assert (f":{PATH}` shows it as issued). An issued text's instructions keep their words: put its lines back as "
            "issued and commit; a change of what it says is a new amending document (`regdraft amend from-edits "
            "NEW-SLUG --edited FILE`).") in said, said
    assert "The work from origin was brought in" in said and "`regdraft sync --send-hand-edits`" in said, said
    assert _git(tmp_path / "office.git", "rev-parse", "main") == remote
    region = split_instructions(path.read_text(encoding="utf-8"), "4")[1]
    issued = split_instructions(original, "4")[1]
    assert region.replace(*ISSUED_17).startswith(issued.replace(*ISSUED_17)), region[-300:]
    assert region.endswith(f"\n\n22\\. Sửa đổi, bổ sung điểm a khoản 1 Điều 10 như sau:\n\n“{ON_10[1]}”."
                           f"\n\n23\\. Sửa đổi, bổ sung điểm d khoản 1 Điều 60 như sau:\n\n“{ON_60[1]}”.") or \
        region.endswith(f"\n\n22\\. Sửa đổi, bổ sung điểm d khoản 1 Điều 60 như sau:\n\n“{ON_60[1]}”."
                        f"\n\n23\\. Sửa đổi, bổ sung điểm a khoản 1 Điều 10 như sau:\n\n“{ON_10[1]}”."), region[-600:]
    assert ISSUED_17[1] in region and _git(lan, "status", "--porcelain") == "", said
    # Put back as issued, the sync sends both additions, 17 as the law has it.
    path.write_text(path.read_text(encoding="utf-8").replace(ISSUED_17[1], ISSUED_17[0]), encoding="utf-8")
    _git(lan, "commit", "-qam", "Khoản 17 như đã ban hành")
    sent = invoke(lan, "sync")
    assert sent.exit_code == 0, sent.output
    assert _git(tmp_path / "office.git", "show", f"main:{PATH}") == path.read_text(encoding="utf-8")
    assert split_instructions(path.read_text(encoding="utf-8"), "4")[1].startswith(issued + "\n\n22\\. ")

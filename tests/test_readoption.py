"""A signed document refused because adopted documents take effect after it (r39 rec39 2, 3; r38 sweep BT 4): the
refusal's way out (`workspace.readoption`), followed on Nghị định 63/2010/NĐ-CP with its real 48/2013/NĐ-CP and
documents of our own, alone and through a shared remote, until `check` is clean."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from regdraft.workspace.timeline import regulation_as_of

from .conftest import SHARED, module_workspace, needs_corpus, run_cli, two_clones

pytestmark = needs_corpus

ND = "63/2010/NĐ-CP"
CORPUS = SHARED / "corpus" / "amendments" / "nd-63-2010"
DOCUMENT = """---
number: {number}
type: Nghị định
title: Nghị định sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP
regulation: 63/2010/NĐ-CP
language: vi
status: submitted
profile: state-30
issuer: CHÍNH PHỦ
signer:
  on_behalf: TM. CHÍNH PHỦ
  title: THỦ TƯỚNG
  name: Nguyễn Văn An
---

Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP.

## Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP

{body}

## Điều 2. Hiệu lực thi hành

Nghị định này có hiệu lực thi hành từ ngày {day}.
"""
PORTAL = "Cổng Dịch vụ công quốc gia"
# 61/2020 of our own: khoản 2 Điều 22 from 2020-04-15, khoản 1 Điều 35a from a date of its own, 2021-01-01.
D2020 = ("1\\. Sửa đổi, bổ sung khoản 2 Điều 22 như sau:\n\n“2\\. Văn phòng Chính phủ chịu trách nhiệm vận hành "
         f"{PORTAL} để tiếp nhận phản ánh, kiến nghị của cá nhân, tổ chức về thủ tục hành chính.”\n\n"
         "2\\. Sửa đổi, bổ sung khoản 1 Điều 35a như sau:\n\n“1\\. Kiểm tra việc thực hiện hoạt động kiểm soát thủ tục "
         "hành chính được thực hiện theo kế hoạch hằng năm hoặc đột xuất.”")
D2020_DAY = ("15 tháng 4 năm 2020, riêng quy định tại khoản 2 Điều 1 của Nghị định này có hiệu lực thi hành từ ngày "
             "01 tháng 01 năm 2021")
# Entered from today's text: 01/2019 as issued replaces 48/2013's words “cổng thông tin phản ánh, kiến nghị” in
# khoản 2 Điều 22; the records officer typed the words that clause holds today, 61/2020's.
TYPED = "“Cổng Dịch vụ công quốc gia”"
ISSUED = "“cổng thông tin phản ánh, kiến nghị”"
WORDS = f"1\\. Thay thế cụm từ {TYPED} bằng cụm từ “Cổng thông tin điện tử Chính phủ” tại khoản 2 Điều 22."
JUNE = ("1\\. Sửa đổi, bổ sung khoản 2 Điều 22 như sau:\n\n“2\\. Bộ Tư pháp chịu trách nhiệm vận hành cổng thông "
           "tin phản ánh, kiến nghị về thủ tục hành chính.”")
# Words of khoản 1 Điều 35a as 48/2013 and 61/2020 both write them: in force between 61/2020's two dates.
BETWEEN = ("1\\. Thay thế cụm từ “kiểm soát thủ tục hành chính” bằng cụm từ “kiểm soát thủ tục hành chính, dịch vụ "
           "công” tại khoản 1 Điều 35a.")
ACROSS = ("1\\. Thay thế cụm từ “thủ tục hành chính” bằng cụm từ “thủ tục hành chính, dịch vụ công” tại khoản 2 "
          "Điều 22 và khoản 1 Điều 35a.")
PLAN = ("1\\. Thay thế cụm từ “kế hoạch hằng năm” bằng cụm từ “kế hoạch hằng năm được phê duyệt” tại khoản 1 "
        "Điều 35a.")


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Văn thư", "-c", "user.email=vt@example.org", *args], cwd=root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _ok(ws: Workspace, *args: str) -> str:
    done = run_cli(ws, *args)
    assert done.exit_code == 0, done.output
    return done.output


DOCUMENTS = {"nd-2020": ("61/2020/NĐ-CP", D2020, D2020_DAY),
             "nd-2019": ("01/2019/NĐ-CP", WORDS, "01 tháng 01 năm 2020"),
             "nd-2019-june": ("05/2019/NĐ-CP", JUNE, "15 tháng 6 năm 2019"),
             "nd-between": ("08/2020/NĐ-CP", BETWEEN, "01 tháng 6 năm 2020"),
             "nd-across": ("09/2020/NĐ-CP", ACROSS, "01 tháng 6 năm 2020"),
             "nd-2022": ("12/2022/NĐ-CP", PLAN, "01 tháng 3 năm 2022")}


def _enter(ws: Workspace, slug: str) -> None:
    """Commit one of the `DOCUMENTS`, submitted."""
    number, body, day = DOCUMENTS[slug]
    ws.commit({f"amendments/{slug}/amendment.md": DOCUMENT.format(number=number, body=body, day=day).encode()},
              f"Enter {number}")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """63/2010 with its real 48/2013 adopted, and 61/2020 of our own adopted (a date of its own for khoản 2 Điều 1);
    the tests enter the others (`_enter`)."""
    with module_workspace(tmp_path_factory, "readoption") as ws:
        _ok(ws, "import", str(CORPUS / "base-63-2010-ND-CP.txt"))
        _ok(ws, "amend", "import", str(CORPUS / "amending-48-2013-ND-CP.txt"), "--slug", "nd-48-2013")
        _ok(ws, "amend", "adopt", "nd-48-2013")
        _enter(ws, "nd-2020")
        _ok(ws, "amend", "adopt", "nd-2020", "--signed", "2020-03-01")
        yield ws.root


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Workspace:
    return Workspace(Path(shutil.copytree(built, tmp_path / "ws", symlinks=True)))


def _refused(ws: Workspace, slug: str, signed: str) -> str:
    done = run_cli(ws, "amend", "adopt", slug, "--signed", signed)
    said = " ".join(done.output.split())
    assert done.exit_code == 1 and "Give it an effective date" not in said, said
    return said


def _follow(ws: Workspace, said: str, before: tuple[Callable[[], object], ...] = ()) -> None:
    """Do what the refusal says, in order: git's commands, then `before` (the drafter's own step), then regdraft's."""
    advice = said.split("Nothing was changed.")[0]
    for command in re.findall(r"`(git [^`]+)`", advice):
        if not command.startswith("git push"):
            _git(ws.root, *shlex.split(command)[1:])  # quoted as a shell reads it (r40 sweep CE F2)
    for step in before:
        step()
    for command in re.findall(r"`regdraft ([^`]+)`", advice):
        if not command.startswith(("show", "sync")):
            _ok(ws, *shlex.split(command))


def _clause(ws: Workspace, address: str, day: str) -> str:
    return " ".join(regulation_as_of(ws, ND, day).find(address).unit.text)


def test_a_document_that_fails_on_its_own_date_is_told_to_undo_the_later_ones_and_mend_it(ws: Workspace) -> None:
    # It applies to today's text (the portal's name is in 61/2020's khoản 2 Điều 22) but not to the text of its day:
    # the refusal advised "an effective date on or after 2020-04-15", which a decree signed in 2019 cannot have.
    _enter(ws, "nd-2019")
    said = _refused(ws, "nd-2019", "2019-11-01")
    assert f"It does not apply to {ND} as it stood on 2020-01-01 (`regdraft show '{ND}' --as-of 2020-01-01`)" in said
    assert "one in force before it that changed these provisions is missing from the workspace" in said
    assert re.search(r"undo the adoption of 61/2020/NĐ-CP \(`git revert --no-edit [0-9a-f]{8}` and `git tag -d "
                     r"'adopted/61-2020-NĐ-CP'`\); adopt the missing document, or correct its instructions, until "
                     r"`regdraft amend check nd-2019` passes; adopt 01/2019/NĐ-CP \(`regdraft amend adopt nd-2019 "
                     r"--signed 2019-11-01 --effective 2020-01-01`\); then adopt it again \(`regdraft amend adopt "
                     r"nd-2020 --signed 2020-03-01 --effective 2020-04-15`\)\.", said), said
    # The records officer finds the words typed otherwise than issued and corrects them, as the advice says.
    path = ws.path("amendments/nd-2019/amendment.md")
    _follow(ws, said, before=(lambda: ws.commit({"amendments/nd-2019/amendment.md": path.read_text(
        encoding="utf-8").replace(TYPED, ISSUED).encode()}, "01/2019 as issued"),))
    assert _ok(ws, "check").startswith("No problems found")
    assert "Bộ Tư pháp chịu trách nhiệm thiết lập, duy trì hoạt động của Cổng thông tin điện tử Chính phủ" in _clause(
        ws, "d22.k2", "2020-01-01")
    assert _clause(ws, "d22.k2", "2020-04-15").startswith(f"Văn phòng Chính phủ chịu trách nhiệm vận hành {PORTAL}")


def test_a_document_between_two_dates_of_another_is_told_to_undo_it_and_adopt_it_again(ws: Workspace) -> None:
    # 08/2020 changes words of khoản 1 Điều 35a on 2020-06-01, between 61/2020's date (2020-04-15) and the date of
    # its own khoản 2 Điều 1 (2021-01-01), which replaces that clause: adopted after 61/2020 as a whole, the text
    # differs. Adopted before it, the text is right, and so the refusal says.
    _enter(ws, "nd-between")
    said = _refused(ws, "nd-between", "2020-05-01")
    assert "before khoản 2 Điều 1 of 61/2020/NĐ-CP (in force from 2021-01-01" in said, said
    assert re.search(r"so it must be adopted before that one: undo the adoption of 61/2020/NĐ-CP \(`git revert "
                     r"--no-edit [0-9a-f]{8}` and `git tag -d 'adopted/61-2020-NĐ-CP'`\), adopt 08/2020/NĐ-CP",
                     said), said
    _follow(ws, said)
    assert _ok(ws, "check").startswith("No problems found")
    assert "kiểm soát thủ tục hành chính, dịch vụ công" in _clause(ws, "d35a.k1", "2020-06-01")
    assert _clause(ws, "d35a.k1", "2021-01-01") == ("Kiểm tra việc thực hiện hoạt động kiểm soát thủ tục hành "
                                                    "chính được thực hiện theo kế hoạch hằng năm hoặc đột xuất.")


def test_a_document_no_order_of_adoption_records_is_told_why(ws: Workspace) -> None:
    # 09/2020 changes words both of 61/2020's parts change, one in force before it and one after: adopted before or
    # after 61/2020 as a whole, the text differs; the refusal says so rather than name a date it cannot have.
    _enter(ws, "nd-across")
    said = _refused(ws, "nd-across", "2020-05-01")
    assert ("61/2020/NĐ-CP takes effect in parts, some before it and some after it (khoản 2 Điều 1 from 2021-01-01), "
            "and regdraft adopts a document whole") in said, said
    assert "git revert" not in said


def test_the_way_out_through_a_shared_remote(built: Path, tmp_path: Path) -> None:
    # With a remote the refusal says to sync before and after, and to delete the remote's tags of the undone
    # adoptions; followed, the colleague's clone gets the same history and `check` is clean on both.
    origin = Workspace(Path(shutil.copytree(built, tmp_path / "origin", symlinks=True)))
    _enter(origin, "nd-2019-june")
    _enter(origin, "nd-2022")
    lan, minh = two_clones(origin, tmp_path)
    said = _refused(lan, "nd-2019-june", "2019-05-01")
    assert "The workspace shares its history through origin: run `regdraft sync` first" in said, said
    assert "`git push --delete origin 'adopted/61-2020-NĐ-CP'` deletes origin's tags of the undone adoptions" in said
    # Minh adopts another document meanwhile (words of khoản 1 Điều 35a as 61/2020 wrote it, in force in 2022): an
    # adoption since 61/2020's, undone and made again with it, so that no revert meets a later change.
    _ok(minh, "amend", "adopt", "nd-2022", "--signed", "2022-02-01")
    _ok(minh, "sync")
    _ok(lan, "sync")
    said = _refused(lan, "nd-2019-june", "2019-05-01")  # the advice as of the remote's latest
    assert ("undo the adoptions of 12/2022/NĐ-CP, 61/2020/NĐ-CP, the latest first (12/2022/NĐ-CP too, adopted "
            "since") in said, said
    assert "`git push --delete origin 'adopted/12-2022-NĐ-CP' 'adopted/61-2020-NĐ-CP'`" in said, said
    _follow(lan, said)
    for command in re.findall(r"`(git push [^`]+)`", said):
        _git(lan.root, *shlex.split(command)[1:])
    sent = _ok(lan, "sync")
    assert "stale" not in sent and "not sent" not in sent, sent
    _ok(minh, "sync")
    for clone in (lan, minh):
        assert _ok(clone, "check").startswith("No problems found"), clone.root
        assert "vận hành cổng thông tin phản ánh" in _clause(clone, "d22.k2", "2019-06-15")
    assert _git(lan.root, "rev-parse", "HEAD") == _git(minh.root, "rev-parse", "HEAD")
    shared = _git(lan.root, "ls-remote", "--tags", "origin")
    for tag in ("adopted/05-2019-NĐ-CP", "adopted/61-2020-NĐ-CP", "adopted/12-2022-NĐ-CP"):
        assert f"{_git(minh.root, 'rev-parse', f'{tag}^{{commit}}').strip()}\trefs/tags/{tag}^{{}}" in shared, tag

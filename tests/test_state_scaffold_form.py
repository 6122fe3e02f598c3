"""The scaffold `amend new` writes for a state text carries the fixed parts of its form (r36 sweep BL finding 6): a
law's basis is the Constitution, its closing sentence that the National Assembly passed it and its number the blank of
a law's (`Luật số:       /2026/QH…`), as Luật 57/2024/QH15 (../shared/corpus/amendments); a decree names who
implements it, as Nghị định 48/2013/NĐ-CP's Điều 5 does, and its recipients are the new document's, not the 2010
text's."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from regdraft.core.amend.document import load_amendment
from regdraft.core.markdown import parse
from regdraft.render.draft_numbers import draft_number
from regdraft.render.profile import load_profile
from regdraft.workspace.scaffold import default_title, document_text
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, REPO_ROOT, Invoke

# A law whose own basis is of its day (the 1992 Constitution as amended in 2001): a new law does not cite it.
LAW = """---
id: 61/2005/QH11
type: Luật
title: Luật Đấu thầu
language: vi
profile: state-30
national: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
motto: Độc lập - Tự do - Hạnh phúc
issuer: QUỐC HỘI
place: Hà Nội
signed: 2005-11-29
adoption: Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XI, kỳ họp thứ 8 thông qua \
ngày 29 tháng 11 năm 2005.
signer:
  title: CHỦ TỊCH QUỐC HỘI
  name: Nguyễn Văn An
---

Căn cứ vào Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992 đã được sửa đổi, bổ sung theo \
Nghị quyết số 51/2001/QH10;

## Điều 1. Phạm vi điều chỉnh

Luật này quy định về các hoạt động đấu thầu.

## Điều 2. Hiệu lực thi hành

Luật này có hiệu lực thi hành từ ngày 01 tháng 4 năm 2006.
"""

DECREE = """---
id: 63/2010/NĐ-CP
type: Nghị định
title: Nghị định về kiểm soát thủ tục hành chính
language: vi
profile: state-30
national: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
motto: Độc lập - Tự do - Hạnh phúc
issuer: CHÍNH PHỦ
place: Hà Nội
signed: 2010-06-08
signer:
  on_behalf: TM. CHÍNH PHỦ
  title: THỦ TƯỚNG
  name: Nguyễn Tấn Dũng
recipients:
- Ban Bí thư Trung ương Đảng;
- VP BCĐ TW về phòng, chống tham nhũng;
- 'Lưu: Văn thư, TCCV (5b).'
---

Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;

Chính phủ ban hành Nghị định về kiểm soát thủ tục hành chính.

## Điều 1. Phạm vi điều chỉnh

Nghị định này quy định về kiểm soát thủ tục hành chính.

## Điều 2. Hiệu lực thi hành

Nghị định này có hiệu lực thi hành kể từ ngày 14 tháng 10 năm 2010.
"""


def _new(ws: Workspace, invoke: Invoke, files: dict[str, str], slug: str, regulation: str) -> tuple[str, Any]:
    ws.commit({path: text.encode() for path, text in files.items()}, "A state text")
    done = invoke(ws, "amend", "new", slug, "--regulation", regulation)
    assert done.exit_code == 0, done.output
    text = (ws.root / f"amendments/{slug}/amendment.md").read_text(encoding="utf-8")
    return text, load_amendment(text, f"amendments/{slug}/amendment.md", slug).meta


def _scaffold(regulation: str) -> tuple[str, Any]:
    """The scaffold `amend new` writes for a text (`scaffold.document_text`), and its front matter as read back."""
    reg = parse(regulation)
    profile = load_profile({}, reg.meta)
    text = document_text(reg, default_title(reg, profile), profile)
    return text, load_amendment(text, "amendments/x/amendment.md", "x").meta


def _body(text: str) -> list[str]:
    return [block for block in text.split("\n---\n", 1)[1].strip().split("\n\n")]


def test_a_new_law_rests_on_the_constitution_and_closes_as_a_law() -> None:
    text, meta = _scaffold(LAW)
    body = _body(text)
    # Luật 22/2023/QH15 and Luật 57/2024/QH15 both open so; never the text's 1992 basis, nor a blank to fill.
    assert body[:2] == ["Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
                        "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu."]
    assert "Căn cứ …;" not in text and "năm 1992" not in text
    # Its closing sentence, as 57/2024's ("… khóa XV, Kỳ họp thứ 8 thông qua ngày 29 tháng 11 năm 2024."), with the
    # term, session and date left open; printed after the last article from the front matter's `adoption`.
    assert meta["adoption"] == ("Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa …, kỳ họp thứ … "
                                "thông qua ngày … tháng … năm ….")
    # A law names nobody to implement it and has no recipients.
    assert "recipients" not in meta and "Trách nhiệm thi hành" not in text
    assert [block for block in body if block.startswith("## ")] == [
        "## Điều 1. Sửa đổi, bổ sung một số điều của Luật Đấu thầu số 61/2005/QH11", "## Điều 2. Hiệu lực thi hành"]


def test_a_new_law_prints_its_closing_sentence_and_its_blank_number(tmp_workspace: Workspace, invoke: Invoke) -> None:
    _new(tmp_workspace, invoke, {"regulations/61-2005-QH11.md": LAW}, "ldt", "61/2005/QH11")
    page = tmp_workspace.root / "ldt.html"
    assert invoke(tmp_workspace, "amend", "export", "ldt", "--format", "html", "-o", str(page)).exit_code == 0
    raw = page.read_text(encoding="utf-8")
    html = " ".join(raw.split())
    assert ('<p class="para adoption">Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa …, kỳ họp '
            "thứ … thông qua ngày … tháng … năm ….</p>") in html
    # The number line a law draft carries, the blank kept open (`Luật số: ` with nothing after it printed before).
    number = re.search(r'<div class="number">(.*?)</div>', raw)
    assert number is not None
    assert re.sub(r"<[^>]+>", "", number.group(1)) in {f"Luật số: {chr(0xa0) * 6}/{year}/QH…"
                                                       for year in (dt.date.today().year - 1, dt.date.today().year)}
    checked = invoke(tmp_workspace, "amend", "check", "ldt")  # it reads back; only its instructions are missing
    assert checked.exit_code == 1 and "the amendment has no instruction" in checked.output, checked.output


def test_a_law_drafts_number_is_blank_in_the_series_of_the_national_assembly() -> None:
    blank = "\u00a0" * 6
    today = dt.date(2026, 12, 7)
    # The term of a 2023 law is no guide to a 2026 one (a National Assembly sits five years): left to fill in, as
    # `amend adopt` suggests `01/2026/QH…`; a text of the same year tells it.
    assert draft_number({"type": "Luật", "regulation": "22/2023/QH15"}, today) == f"{blank}/2026/QH…"
    assert draft_number({"type": "Luật", "regulation": "05/2026/QH16"}, today) == f"{blank}/2026/QH16"
    assert draft_number({"type": "Pháp lệnh", "regulation": "02/2026/UBTVQH16"}, today) == f"{blank}/2026/UBTVQH16"
    assert draft_number({"type": "Luật", "regulation": "02/2022/UBTVQH15"}, today) == ""  # an ordinance's series
    assert draft_number({"type": "Nghị định", "regulation": "22/2023/QH15"}, today) == ""  # another type's


def test_a_code_is_amended_by_a_law() -> None:
    code = LAW.replace("id: 61/2005/QH11", "id: 100/2015/QH13").replace("type: Luật", "type: Bộ luật").replace(
        "title: Luật Đấu thầu", "title: Bộ luật Hình sự")
    text, meta = _scaffold(code)
    assert (meta["type"], meta["title"]) == ("Luật", "Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự")
    assert _body(text)[0] == "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;"
    assert str(meta["adoption"]).startswith("Luật này được Quốc hội")


def test_a_new_decree_names_who_implements_it_and_its_own_recipients() -> None:
    text, meta = _scaffold(DECREE)
    body = _body(text)
    # Its bases and the proposing minister are the drafter's (48/2013's: `Căn cứ …;` / `Theo đề nghị của Bộ trưởng
    # Bộ Tư pháp;`): the 2001 law the 2010 decree rested on has been replaced.
    assert body[:2] == ["Căn cứ …;", "Theo đề nghị của …;"]
    headings = [block for block in body if block.startswith("## ")]
    assert headings[1:] == ["## Điều 2. Hiệu lực thi hành", "## Điều 3. Trách nhiệm thi hành"]
    assert body[-1] == ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban "
                        "nhân dân tỉnh, thành phố trực thuộc trung ương, các tổ chức và cá nhân có liên quan chịu "
                        "trách nhiệm thi hành Nghị định này.")
    # The recipients of the new decree (the profile's, Nghị định 30/2020's form), not those of 2010: the Steering
    # Committee against corruption's office it named has gone.
    assert meta["recipients"] == ["Như Điều 3;", "…;", "Lưu: VT, …."]
    assert "adoption" not in meta and "Hiến pháp" not in text


def test_another_state_text_names_its_implementers_for_the_drafter() -> None:
    circular = DECREE.replace("id: 63/2010/NĐ-CP", "id: 05/2019/TT-BTP").replace("type: Nghị định", "type: Thông tư")
    text, meta = _scaffold(circular)
    assert _body(text)[-2:] == [
        "## Điều 3. Trách nhiệm thi hành",
        "…, các cơ quan, tổ chức và cá nhân có liên quan chịu trách nhiệm thi hành Thông tư này."]
    assert meta["recipients"] == ["Như Điều 3;", "…;", "Lưu: VT, …."]


def test_an_english_decree_and_a_party_regulation() -> None:
    text, meta = _scaffold((FIXTURES / "amend" / "en-decree.md").read_text(encoding="utf-8"))
    assert _body(text)[-2:] == [
        "## Article 3. Responsibility for implementation",
        "Ministers, heads of ministerial-level agencies, heads of Government-attached agencies, chairpersons of the "
        "People's Committees of provinces and centrally-run cities, and the organisations and individuals concerned "
        "are responsible for implementing this Decree."]
    assert meta["recipients"] == ["As Article 3;", "…;", "Filed: Archives, …."]
    # A Party regulation keeps its own recipients (party-36 gives no amending_recipients) and names its
    # implementers in its entry into force, as the office writes it.
    shipped = (REPO_ROOT / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8")
    text, meta = _scaffold(shipped)
    assert meta["recipients"] == parse(shipped).meta["recipients"] and "adoption" not in meta
    assert not re.search(r"^## Điều 3", text, re.M)


def test_a_decision_amending_a_text_issued_with_one_takes_the_new_documents_recipients() -> None:
    # A UBND's Quy chế issued with its 2021 decision is amended by a decision: its `Như Điều 3` names its own Điều 3,
    # who implements it; the 2021 decision's recipients (district bodies since abolished) are not copied.
    quy_che = DECREE.replace("id: 63/2010/NĐ-CP", "id: 15/2021/QĐ-UBND").replace(
        "type: Nghị định", "type: Quy chế\nissued_with: Quyết định").replace(
        "title: Nghị định về kiểm soát thủ tục hành chính", "title: Quy chế làm việc của Ủy ban nhân dân tỉnh").replace(
        "issuer: CHÍNH PHỦ", "issuer: ỦY BAN NHÂN DÂN TỈNH LÀO CAI")
    text, meta = _scaffold(quy_che)
    assert meta["type"] == "Quyết định" and "## Điều 3. Trách nhiệm thi hành" in text
    assert meta["recipients"] == ["Như Điều 3;", "…;", "Lưu: VT, …."]

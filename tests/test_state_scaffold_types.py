"""The scaffold `amend new` writes for an ordinance, a resolution and a circular (r37 legal item 2), as r36 wrote a
law's and a decree's (tests/test_state_scaffold_form.py).

An ordinance (Pháp lệnh) is passed by the Standing Committee of the National Assembly: it rests on the Constitution,
`Ủy ban Thường vụ Quốc hội ban hành Pháp lệnh …`, closes with the sentence that it was passed, and names no
implementers and no recipients; the scaffold wrote it as a decree (`Theo đề nghị của …;`, `Điều 3. Trách nhiệm thi
hành`, `Như Điều 3; …`), without its closing sentence. A resolution of the National Assembly (`QUỐC HỘI` / `Căn cứ
Hiến pháp …;` / `QUYẾT NGHỊ:`) closes as a law does; the Government's resolutions are issued as decrees are. A
circular is the minister's (`Bộ trưởng Bộ Nội vụ ban hành Thông tư …`), not the ministry's."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from regdraft.core.amend.document import load_amendment
from regdraft.core.markdown import parse
from regdraft.render.profile import load_profile
from regdraft.workspace.scaffold import default_title, document_text
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

TEXT = """---
id: {id}
type: {type}
title: {title}
language: {language}
profile: state-30
national: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
motto: Độc lập - Tự do - Hạnh phúc
issuer: {issuer}
place: Hà Nội
signed: {signed}
signer:
  on_behalf: {on_behalf}
  title: CHỦ TỊCH
  name: Nguyễn Văn A
---

{preamble}

## {article} 1. {scope}

{body}
"""

# Pháp lệnh 02/2020/UBTVQH14's form (its bases shortened): the Constitution, and the Standing Committee issues it.
ORDINANCE = dict(id="02/2020/UBTVQH14", type="Pháp lệnh", title="Pháp lệnh Ưu đãi người có công với cách mạng",
                 language="vi", issuer="ỦY BAN THƯỜNG VỤ QUỐC HỘI", signed="2020-12-09",
                 on_behalf="TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI", article="Điều", scope="Phạm vi điều chỉnh",
                 preamble="Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\n"
                          "Ủy ban Thường vụ Quốc hội ban hành Pháp lệnh Ưu đãi người có công với cách mạng.",
                 body="Pháp lệnh này quy định chế độ ưu đãi người có công với cách mạng.")
RESOLUTION = dict(ORDINANCE, id="98/2023/QH15", type="Nghị quyết", issuer="QUỐC HỘI", signed="2023-06-24",
                  title="Nghị quyết về thí điểm một số cơ chế, chính sách đặc thù phát triển Thành phố Hồ Chí Minh",
                  on_behalf="", preamble="Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\nQUYẾT NGHỊ:",
                  body="Nghị quyết này quy định thí điểm một số cơ chế.")
CIRCULAR = dict(ORDINANCE, id="01/2011/TT-BNV", type="Thông tư", issuer="BỘ NỘI VỤ", signed="2011-01-19",
                title="Thông tư hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính", on_behalf="",
                preamble="Căn cứ Nghị định số 48/2008/NĐ-CP;\n\nBộ Nội vụ hướng dẫn thể thức và kỹ thuật trình bày "
                         "văn bản hành chính như sau:",
                body="Thông tư này hướng dẫn thể thức.")


def _scaffold(fields: dict[str, str]) -> tuple[list[str], Any]:
    """The body's blocks and the front matter (read back) of the scaffold for the text `fields` make."""
    reg = parse(TEXT.format(**fields))
    profile = load_profile({}, reg.meta)
    text = document_text(reg, default_title(reg, profile), profile)
    meta = load_amendment(text, "amendments/x/amendment.md", "x").meta
    return [block for block in text.split("\n---\n", 1)[1].strip().split("\n\n")], meta


def test_a_new_ordinance_rests_on_the_constitution_and_closes_as_the_standing_committee_passed_it() -> None:
    body, meta = _scaffold(ORDINANCE)
    assert body[:3] == ["Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "Căn cứ …;",
                        "Ủy ban Thường vụ Quốc hội ban hành Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Ưu "
                        "đãi người có công với cách mạng."]
    assert meta["adoption"] == ("Pháp lệnh này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam "
                                "khóa … thông qua ngày … tháng … năm ….")
    # No minister proposes it, nobody is named to implement it, and it has no recipients (as a law).
    assert "recipients" not in meta and "Theo đề nghị của …;" not in body
    assert [block for block in body if block.startswith("## ")] == [
        "## Điều 1. Sửa đổi, bổ sung một số điều của Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14",
        "## Điều 2. Hiệu lực thi hành"]


def test_a_new_resolution_of_the_national_assembly_resolves_and_closes_as_a_law() -> None:
    body, meta = _scaffold(RESOLUTION)
    assert body[:4] == ["QUỐC HỘI", "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "Căn cứ …;",
                        "QUYẾT NGHỊ:"]
    assert meta["adoption"] == ("Nghị quyết này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa …, kỳ họp "
                                "thứ … thông qua ngày … tháng … năm ….")
    assert "recipients" not in meta and not any(block.endswith("Trách nhiệm thi hành") for block in body)


def test_the_governments_resolution_is_issued_as_a_decree_is() -> None:
    body, meta = _scaffold(dict(RESOLUTION, id="01/2024/NQ-CP", issuer="CHÍNH PHỦ", on_behalf="TM. CHÍNH PHỦ",
                                preamble="Căn cứ Luật Tổ chức Chính phủ;\n\nChính phủ ban hành Nghị quyết về X."))
    assert body[:2] == ["Căn cứ …;", "Theo đề nghị của …;"] and "adoption" not in meta
    assert meta["recipients"] == ["Như Điều 3;", "…;", "Lưu: VT, …."]


def test_a_new_circular_is_issued_by_the_minister() -> None:
    body, meta = _scaffold(CIRCULAR)
    assert body[2].startswith("Bộ trưởng Bộ Nội vụ ban hành Thông tư sửa đổi, bổ sung một số điều của Thông tư số "
                              "01/2011/TT-BNV")
    assert body[-2:] == ["## Điều 3. Trách nhiệm thi hành",
                         "…, các cơ quan, tổ chức và cá nhân có liên quan chịu trách nhiệm thi hành Thông tư này."]
    assert "adoption" not in meta


def test_an_english_ordinance() -> None:
    body, meta = _scaffold(dict(ORDINANCE, language="en", type="Ordinance", article="Article", scope="Scope",
                                title="Ordinance on Preferential Treatment for People with Meritorious Services",
                                preamble="Pursuant to the Constitution of the Socialist Republic of Vietnam;",
                                body="This Ordinance provides for preferential treatment."))
    assert body[:2] == ["Pursuant to the Constitution of the Socialist Republic of Vietnam;", "Pursuant to …;"]
    assert meta["adoption"] == ("This Ordinance was passed by the Standing Committee of the … National Assembly of the "
                                "Socialist Republic of Vietnam on ….")
    assert "recipients" not in meta


def test_a_new_ordinance_prints_its_closing_sentence_and_its_blank_number(tmp_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    text = TEXT.format(**ORDINANCE)
    tmp_workspace.commit({"regulations/02-2020-UBTVQH14.md": text.encode()}, "An ordinance")
    assert invoke(tmp_workspace, "amend", "new", "pl", "--regulation", "02/2020/UBTVQH14").exit_code == 0
    page = tmp_workspace.root / "pl.html"
    assert invoke(tmp_workspace, "amend", "export", "pl", "--format", "html", "-o", str(page)).exit_code == 0
    raw = page.read_text(encoding="utf-8")
    assert ('<p class="para adoption">Pháp lệnh này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa '
            "Việt Nam khóa … thông qua ngày … tháng … năm ….</p>") in " ".join(raw.split())
    number = re.search(r'<div class="number">(.*?)</div>', raw)
    assert number is not None
    assert re.sub(r"<[^>]+>", "", number.group(1)) in {f"Pháp lệnh số: {chr(0xa0) * 6}/{year}/UBTVQH…"
                                                       for year in (dt.date.today().year - 1, dt.date.today().year)}

"""A consequential punctuation edit leaves alone the end of a unit the same document re-enacts word for word
(r24 sweep c-drafter defect 5, on Điều 50 of Luật Giáo dục 43/2019/QH14 as the corpus has it)."""

from __future__ import annotations

import pytest

from regdraft.core.amend import Amendment, apply, load_amendment
from regdraft.core.markdown import parse, validate
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Regulation

from .conftest import CORPUS, in_corpus

POINT_DD = ("“đ) Vi phạm quy định của pháp luật về giáo dục bị xử phạt vi phạm hành chính ở mức độ phải đình chỉ; "
            "hoặc”;")
POINT_G = "“g) Không bảo đảm an toàn cho người học theo kết luận của cơ quan có thẩm quyền.”."


@pytest.fixture(scope="module")
def law() -> Regulation:
    from regdraft.importer import import_file

    return import_file(in_corpus(CORPUS / "luat-giao-duc.txt")).regulation


def amendment(body: str) -> Amendment:
    text = ("---\ntitle: Luật sửa đổi, bổ sung một số điều của Luật Giáo dục\nregulation: 43/2019/QH14\n"
            "language: vi\nstatus: draft\ndraft: 1\n---\n\n"
            "## Điều 1. Sửa đổi, bổ sung một số điều của Luật Giáo dục số 43/2019/QH14\n\n"
            f"{body}\n")
    return load_amendment(text, "amendments/luat-gd-2026/amendment.md", "luat-gd-2026")


def end(reg: Regulation, address: str) -> str:
    return reg.find(address).unit.text[-1]


def test_a_point_appended_after_the_last_leaves_the_hoac_the_document_quotes_on_the_point_it_re_enacts(
        law: Regulation) -> None:
    assert end(law, "d50.k1.dd").endswith("phải đình chỉ;") and end(law, "d50.k1.e").endswith("pháp luật.")
    document = amendment("1\\. Sửa đổi, bổ sung một số điểm, khoản của Điều 50 như sau:\n\n"
                         f"a) Sửa đổi, bổ sung điểm đ khoản 1 như sau:\n\n{POINT_DD}\n\n"
                         f"b) Bổ sung điểm g vào sau điểm e khoản 1 như sau:\n\n{POINT_G}\n")
    applied = apply(law, document)
    reg = applied.regulation
    # As quoted by 1.a; e, which nothing quotes, only turns '.' into ';' before the new last point.
    assert end(reg, "d50.k1.dd").endswith("ở mức độ phải đình chỉ; hoặc")
    assert end(reg, "d50.k1.e") == "Trường hợp khác theo quy định của pháp luật;"
    assert end(reg, "d50.k1.g").endswith("cơ quan có thẩm quyền.")
    assert [(str(p.address), p.old, p.new) for p in applied.punctuation] == [("d50.k1.e", ".", ";")]
    [kept] = applied.kept
    assert (kept.address, kept.end, kept.quoted_by.location, kept.instruction.location) == (
        Address.parse("d50.k1.dd"), "; hoặc", "1.a", "1.b")
    assert kept.describe("vi") == (
        "the end of điểm đ khoản 1 Điều 50 stays '; hoặc' as instruction 1.a quotes it, though điểm g khoản 1 Điều 50 "
        "is appended at the end of the list: text the document enacts word for word is not changed without an "
        "instruction; if the end should change, say so in the quote or an instruction.")
    assert validate(reg) == [] and parse(render(reg)) == reg


def test_amend_check_warns_of_the_end_kept(law: Regulation) -> None:
    from regdraft.workspace.lifecycle import kept_ends

    document = amendment("1\\. Sửa đổi, bổ sung một số điểm, khoản của Điều 50 như sau:\n\n"
                         f"a) Sửa đổi, bổ sung điểm đ khoản 1 như sau:\n\n{POINT_DD}\n\n"
                         f"b) Bổ sung điểm g vào sau điểm e khoản 1 như sau:\n\n{POINT_G}\n")
    [warning] = kept_ends(apply(law, document), document)
    assert warning.message.startswith("instruction 1.b (Bổ sung điểm g vào sau điểm e khoản 1 như sau:): the end of "
                                      "điểm đ khoản 1 Điều 50 stays '; hoặc' as instruction 1.a quotes it")
    assert warning.source == "amendments/luat-gd-2026/amendment.md"


def test_repealing_the_last_point_leaves_the_end_of_a_point_the_document_re_enacts(law: Regulation) -> None:
    document = amendment("1\\. Sửa đổi, bổ sung một số điểm của khoản 1 Điều 50 như sau:\n\n"
                         f"a) Sửa đổi, bổ sung điểm đ như sau:\n\n{POINT_DD.replace(' hoặc”', '”')}\n\n"
                         "b) Bãi bỏ điểm e.\n")
    applied = apply(law, document)
    assert end(applied.regulation, "d50.k1.dd").endswith("ở mức độ phải đình chỉ;")
    assert applied.punctuation == ()
    [kept] = applied.kept
    assert (str(kept.address), kept.end, kept.reason) == ("d50.k1.dd", ";", "repeal")


def test_without_a_quote_the_hoac_moves_to_the_point_before_the_new_last(law: Regulation) -> None:
    """The edit the document makes without saying is unchanged where it quotes nothing there."""
    document = amendment("1\\. Sửa đổi, bổ sung khoản 1 Điều 50 như sau:\n\n"
                         "a) Thay thế cụm từ “phải đình chỉ;” bằng cụm từ “phải đình chỉ; hoặc” tại điểm đ khoản 1 "
                         f"Điều 50;\n\nb) Bổ sung điểm g vào sau điểm e khoản 1 như sau:\n\n{POINT_G}\n")
    applied = apply(law, document)
    assert end(applied.regulation, "d50.k1.dd").endswith("phải đình chỉ;")
    assert end(applied.regulation, "d50.k1.e").endswith("pháp luật; hoặc")
    assert applied.kept == ()

"""The first appendix of a law that has none (Luật Công đoàn 12/2012/QH13 ends with Điều 33 and no appendix): it goes
after everything else, as `Bổ sung Phụ lục I vào cuối Luật như sau:` says, and `amend from-edits` writes that."""

from __future__ import annotations

import pytest

from regdraft.core.amend import Amendment, apply, load_amendment
from regdraft.core.errors import AmendmentConflict, ParseError
from regdraft.core.markdown import parse, validate
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind, Regulation

from .conftest import CORPUS, in_corpus

APPENDIX = "“Phụ lục I. DANH MỤC NGÀNH NGHỀ\n\n| STT | Ngành nghề |\n|---|---|\n| 1 | Dệt may |”."


@pytest.fixture(scope="module")
def law() -> Regulation:
    from regdraft.importer import import_file

    return import_file(in_corpus(CORPUS / "luat-cong-doan.txt")).regulation


def amendment(sentence: str) -> Amendment:
    text = ("---\ntitle: Luật sửa đổi, bổ sung một số điều của Luật Công đoàn\nregulation: 12/2012/QH13\n"
            "language: vi\nstatus: draft\ndraft: 1\n---\n\n"
            "## Điều 1. Sửa đổi, bổ sung một số điều của Luật Công đoàn số 12/2012/QH13\n\n"
            f"1\\. {sentence}\n\n{APPENDIX}\n")
    return load_amendment(text, "amendments/t6/amendment.md", "t6")


def failure(law: Regulation, sentence: str) -> str:
    with pytest.raises(AmendmentConflict) as info:
        apply(law, amendment(sentence))
    return info.value.report()


@pytest.mark.parametrize("sentence", ["Bổ sung Phụ lục I vào cuối Luật như sau:", "Bổ sung Phụ lục I như sau:",
                                      "Bổ sung Phụ lục I vào cuối Luật này như sau:",
                                      "Bổ sung Phụ lục I vào sau Điều 33 như sau:"])
def test_the_first_appendix_goes_after_the_last_article(law: Regulation, sentence: str) -> None:
    amended = apply(law, amendment(sentence)).regulation
    last = amended.units[-1]
    assert (last.kind, last.label, last.title) == (Kind.APPENDIX, "I", "DANH MỤC NGÀNH NGHỀ")
    assert last.text == ("| STT | Ngành nghề |\n|---|---|\n| 1 | Dệt may |",)
    assert amended.units[:-1] == law.units
    assert [loc.address for loc in amended.articles()][-1].segments[-1].label == "33"
    assert validate(amended) == []
    assert parse(render(amended)) == amended


def test_the_first_appendix_after_another_article_than_the_last_is_refused(law: Regulation) -> None:
    report = failure(law, "Bổ sung Phụ lục I vào sau Điều 5 như sau:")
    assert "Phụ lục I cannot be added after Điều 5: the first Phụ lục follows the last article, Điều 33." in report


def test_an_appendix_after_a_clause_is_refused_with_an_appendix_example() -> None:
    with pytest.raises(ParseError) as info:
        amendment("Bổ sung Phụ lục I vào sau khoản 2 Điều 5 như sau:")
    assert ("a Phụ lục can only be inserted after another Phụ lục or, the first, after the last article "
            "('Bổ sung Phụ lục I vào cuối Luật'), not after khoản 2 Điều 5.") in info.value.report()


def test_from_edits_writes_the_first_appendix_at_the_end_of_the_law(law: Regulation) -> None:
    from regdraft.core.amend.document import render_amendment
    from regdraft.core.amend.edits import document, instructions_from_edits

    edited = parse(render(law) + "\n# Phụ lục I. DANH MỤC NGÀNH NGHỀ\n\n| STT | Ngành nghề |\n|---|---|\n"
                   "| 1 | Dệt may |\n", "edited.md")
    written = document(law, instructions_from_edits(law, edited).instructions)
    body = render_amendment(written).split("\n\n1\\. ", 1)[1]
    assert body.startswith(f"Bổ sung Phụ lục I vào cuối Luật như sau:\n\n{APPENDIX}")
    assert apply(law, written).regulation.units == edited.units

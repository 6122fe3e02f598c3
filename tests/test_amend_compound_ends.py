"""A quoted phrase does not end inside a word (sweep r22 s12drafter defect 3): on Luật Du lịch, from-edits wrote
`Thay thế cụm từ “chối, phải” bằng cụm từ “chối thì phải”` (the law always writes `từ chối`) and `“lịch tại điểm”`
→ `“lịch tại chỗ”` (`lịch` stands after `du` in 816 of its 822 places). `readable.Cohesion.splits_word`: an end
between two syllables that stand together in most of the places of one of them cuts a word, which costs more than
cutting a term (`du lịch tại điểm` leaves out `hướng dẫn viên`), after a function word too (`từ`)."""

from __future__ import annotations

from regdraft.core.amend.readable import Cohesion, cost
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.importer import import_file

from .conftest import CORPUS, in_corpus, needs_corpus
from .test_amend_edits import body

DU_LICH = CORPUS / "luat-du-lich.txt"


def _edited(text: str) -> str:
    """Luật Du lịch with the sweep's two edits: `từ chối, phải` → `từ chối thì phải` in điểm c khoản 2 Điều 27 and
    Điều 28, `hướng dẫn viên du lịch tại điểm` → `… tại chỗ` in khoản 1 and điểm c khoản 2 Điều 58."""
    lines = text.split("\n")
    for start in ("c) Trong thời hạn 15 ngày kể từ ngày nhận được kết quả thẩm định, Ủy ban nhân dân cấp tỉnh",
                  "c) Trong thời hạn 15 ngày kể từ ngày nhận được kết quả thẩm định, Bộ trưởng"):
        at = next(i for i, line in enumerate(lines) if line.startswith(start))
        assert lines[at].count("từ chối, phải") == 1
        lines[at] = lines[at].replace("từ chối, phải", "từ chối thì phải")
    for start in ("1\\. Hướng dẫn viên du lịch bao gồm", "c) Hướng dẫn viên du lịch tại điểm được hướng dẫn"):
        at = next(i for i, line in enumerate(lines) if line.startswith(start))
        assert lines[at].count("du lịch tại điểm") == 1
        lines[at] = lines[at].replace("du lịch tại điểm", "du lịch tại chỗ")
    return "\n".join(lines)


@needs_corpus
def test_from_edits_quotes_tu_choi_and_du_lich_whole() -> None:
    old = render(import_file(in_corpus(DU_LICH)).regulation)
    written = body(old, _edited(old))
    # Was: “chối, phải” → “chối thì phải” and “lịch tại điểm” → “lịch tại chỗ”.
    assert ("Thay thế cụm từ “trường hợp từ chối, phải” bằng cụm từ “trường hợp từ chối thì phải” tại điểm c khoản 2 "
            "Điều 27 và điểm c khoản 2 Điều 28.") in written, written
    assert ("Thay thế cụm từ “du lịch tại điểm” bằng cụm từ “du lịch tại chỗ” tại khoản 1 và điểm c khoản 2 "
            "Điều 58.") in written, written
    assert "“chối" not in written and "“lịch" not in written


@needs_corpus
def test_an_end_between_the_syllables_of_a_word_costs_more_than_one_between_words() -> None:
    law = parse(render(import_file(in_corpus(DU_LICH)).regulation), "luat-du-lich.md")
    cohesion = Cohesion([p for loc in law.walk() for p in (loc.unit.title or "", *loc.unit.text)], "vi")
    assert cohesion.splits_word("chối", "từ", last=False) and cohesion.splits_word("lịch", "du", last=False)
    assert cohesion.splits_word("kể", "từ", last=True)  # `kể từ`
    assert not cohesion.splits_word("du", "viên", last=False)  # `viên|du lịch`: two words, one term
    assert not cohesion.splits_word("lịch", "và", last=False)  # a conjunction stands before words
    paragraph = "c) Hướng dẫn viên du lịch tại điểm được hướng dẫn cho khách du lịch trong phạm vi khu du lịch."

    def costs(phrase: str) -> int:
        start = paragraph.index(phrase)
        return cost(paragraph, start, start + len(phrase), cohesion)

    assert costs("lịch tại điểm") > costs("du lịch tại điểm")

"""A closing article giving two groups of instructions two dates without `riêng`, `trừ` or `; quy định tại` between
them (`core.amend.entry.clauses`, `core.amend.staged`): two sentences, or one sentence cut by `;` or by `,` before a
provision, each group read with its date; a clause naming two dates regdraft cannot share out is a warning quoting
the sentence and a refusal, never a silent wrong date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.core.amend.document import load_amendment
from regdraft.core.amend.entry import clauses
from regdraft.core.amend.staged import dated_parts, unresolved
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke
from tests.test_amend_staged import OWN, SHIPPED, _adopt

TWO_SENTENCES = ("Quy chế này có hiệu lực thi hành từ ngày 15 tháng 3 năm 2025. Các quy định tại khoản 8 và khoản 9 "
                 "Điều 1 của Quy chế này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.")
SEMICOLON = ("Khoản 1 Điều 1 của Quy chế này có hiệu lực thi hành từ ngày 15 tháng 3 năm 2025; khoản 8 và khoản 9 "
             "Điều 1 có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.")
COMMA = ("Quy chế này có hiệu lực thi hành từ ngày 15 tháng 3 năm 2025, khoản 8 và khoản 9 Điều 1 có hiệu lực thi hành "
         "từ ngày 01 tháng 7 năm 2025.")


def _closing(ws: Workspace, sentence: str) -> None:
    path = ws.root / SHIPPED
    text = path.read_text(encoding="utf-8").replace(OWN, sentence)
    ws.commit({SHIPPED.as_posix(): text.encode("utf-8")}, "Điều 3 gives two groups two dates")


@pytest.mark.parametrize(("sentence", "said"), [
    (TWO_SENTENCES, TWO_SENTENCES.split(". ", 1)[1]), (SEMICOLON, SEMICOLON), (COMMA, COMMA)],
    ids=["two-sentences", "semicolon", "comma"])
def test_two_groups_given_two_dates_take_each_its_own(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path,
                                                      sentence: str, said: str) -> None:
    """The document (khoản 6 Điều 1 with it) takes effect on 15 March 2025; khoản 8 and 9 of Điều 1 (khoản 5 of Điều
    14, Điều 20a inserted) on 1 July 2025. They all went to 15 March, or the comma's second date was never read."""
    _closing(tmp_workspace, sentence)
    checked = invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT)
    assert "cannot apply it" not in checked.output and "contradicting itself" not in checked.output, checked.output
    adopted = " ".join(_adopt(tmp_workspace, invoke).split())
    assert f"Khoản 8 Điều 1, khoản 9 Điều 1 take effect on 2025-07-01 (Điều 3: “{said}”)." in adopted, adopted
    assert "signed 2025-03-15, effective 2025-03-15" in tmp_workspace.repo.head.commit.message
    before = invoke(tmp_workspace, "show", "01-QC/TU", "d20a", "--as-of", "2025-06-30")
    assert before.exit_code != 0 and "in force from 2025-07-01" in before.output, before.output
    assert invoke(tmp_workspace, "show", "01-QC/TU", "d20a", "--as-of", "2025-07-01").exit_code == 0
    shown = invoke(tmp_workspace, "show", "01-QC/TU", "d9", "--as-of", "2025-03-15")
    assert shown.exit_code == 0 and "gương mẫu thực hiện trách nhiệm nêu gương" in shown.output
    out = tmp_path / "july.md"
    assert invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2025-07-01", "-o", str(out)).exit_code == 0
    text = " ".join(out.read_text(encoding="utf-8").split())
    notes = re.findall(r"\[\^\d+\]: ([^\[]*?theo quy định tại khoản (?:9|8|6) Điều 1 [^\[]*?\d{4}\.)", text)
    assert any("khoản 9 Điều 1" in n and "01 tháng 7 năm 2025" in n for n in notes), notes
    assert any("khoản 8 Điều 1" in n and "01 tháng 7 năm 2025" in n for n in notes), notes
    assert any("khoản 6 Điều 1" in n and "15 tháng 3 năm 2025" in n for n in notes), notes


def test_two_dates_in_one_clause_are_warned_of_and_refused(tmp_workspace: Workspace, invoke: Invoke) -> None:
    """`… từ ngày 15 tháng 3 năm 2025 còn khoản 9 Điều 1 …` (no `;` or `,` to cut at): regdraft cannot tell which
    date is whose, says so quoting the sentence, and adoption is refused; the first date was taken silently."""
    sentence = ("Khoản 1 Điều 1 của Quy chế này có hiệu lực thi hành từ ngày 15 tháng 3 năm 2025 còn khoản 9 Điều 1 có "
                "hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.")
    _closing(tmp_workspace, sentence)
    checked = " ".join(invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT).output.split())
    said = (f"Điều 3 says “{sentence}”, but regdraft cannot apply it: it names 2 dates (2025-03-15, 2025-07-01) in one "
            f"clause, and regdraft cannot tell which provisions take which date")
    assert f"warning: amendments/{SHIPPED_AMENDMENT}/amendment.md:" in checked and said in checked, checked
    refused = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15")
    assert refused.exit_code != 0 and said in " ".join(refused.output.split()), refused.output


def test_clauses_cut_between_two_dates_without_riêng_or_trừ() -> None:
    assert clauses(SEMICOLON) == [SEMICOLON.split("; ")[0], SEMICOLON.split("; ")[1]]
    assert clauses(COMMA) == ["Quy chế này có hiệu lực thi hành từ ngày 15 tháng 3 năm 2025",
                              "khoản 8 và khoản 9 Điều 1 có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025."]
    # The verb left out of the second group, and a third group after `và`.
    elided = ("Quy chế này có hiệu lực thi hành kể từ ngày ký; khoản 8 Điều 1 từ ngày 01 tháng 7 năm 2025 và khoản 9 "
              "Điều 1 từ ngày 01 tháng 9 năm 2025.")
    assert clauses(elided) == ["Quy chế này có hiệu lực thi hành kể từ ngày ký",
                               "khoản 8 Điều 1 từ ngày 01 tháng 7 năm 2025",
                               "khoản 9 Điều 1 từ ngày 01 tháng 9 năm 2025."]
    # One date for a list of provisions, as Luật 57/2024/QH15 Điều 5 khoản 4 writes it: not cut.
    listed = ("Quy định tại điểm a khoản 19 và khoản 20 Điều 1; khoản 2 Điều 2; các điểm b, c và d khoản 11 Điều 2 của "
              "Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.")
    assert clauses(listed) == [listed]
    english = ("This Regulation takes effect on 1 July 2025; clause 9 of Article 1 takes effect on 1 January 2026.")
    assert clauses(english) == ["This Regulation takes effect on 1 July 2025",
                                "clause 9 of Article 1 takes effect on 1 January 2026."]


def test_a_paragraph_of_two_sentences_reads_the_second_group_with_its_date() -> None:
    """Without a front matter date or a workspace: the parts as `show --as-of` replays them."""
    text = (Path(__file__).parents[1] / SHIPPED).read_text(encoding="utf-8")
    amendment = load_amendment(text.replace(OWN, TWO_SENTENCES), SHIPPED.as_posix(), SHIPPED_AMENDMENT)
    assert [(str(p.day), p.places) for p in dated_parts(amendment)] == [("2025-07-01", (("1", "8"), ("1", "9")))]
    assert unresolved(amendment) == []

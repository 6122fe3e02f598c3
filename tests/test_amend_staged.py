"""Instructions an entry-into-force article gives a date of their own (`core.amend.staged`): read, warned about
when they cannot be resolved, and applied from their own date in `show --as-of`, `export` and its footnotes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from regdraft.core.amend.document import Amendment, load_amendment
from regdraft.core.amend.entry import clauses, entry_into_force
from regdraft.core.amend.staged import cite_places, dated_parts, stages, unresolved
from regdraft.core.markdown import parse
from regdraft.importer import import_file
from regdraft.importer.amendment import import_amendment
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke, needs_corpus
from tests.test_amend_corpus import CORPUS, SETS

SHIPPED = Path("amendments") / SHIPPED_AMENDMENT / "amendment.md"
OWN = "Quy chế này có hiệu lực kể từ ngày ký."
LATER = "Quy định tại khoản 9 Điều 1 của Quy chế này có hiệu lực kể từ ngày 01 tháng 7 năm 2025."


def _dated(ws: Workspace, sentence: str) -> None:
    """The shipped amendment with a second paragraph in its Điều 3 (`Hiệu lực thi hành`) giving a date."""
    path = ws.root / SHIPPED
    text = path.read_text(encoding="utf-8")
    at = text.index(OWN) + len(OWN)
    end = text.index("\n", at)
    text = text[:end] + f"\n\n{sentence}" + text[end:]
    ws.commit({SHIPPED.as_posix(): text.encode("utf-8")}, "Điều 3 gives khoản 9 Điều 1 a date of its own")


def _adopt(ws: Workspace, invoke: Invoke) -> str:
    adopted = invoke(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--force", "--reason",
                     "test: circulating")
    assert adopted.exit_code == 0, adopted.output
    return adopted.output


def test_an_instruction_dated_later_applies_from_its_own_date(tmp_workspace: Workspace, invoke: Invoke,
                                                             tmp_path: Path) -> None:
    _dated(tmp_workspace, LATER)
    said = _adopt(tmp_workspace, invoke)
    # The document's own date stands for everything else; khoản 9 (Điều 20a inserted) waits for 1 July.
    before = invoke(tmp_workspace, "show", "01-QC/TU", "d20a", "--as-of", "2025-06-30")
    assert before.exit_code != 0 and "is not yet in force on 2025-06-30" in before.output
    assert "in force from 2025-07-01" in before.output
    after = invoke(tmp_workspace, "show", "01-QC/TU", "d20a", "--as-of", "2025-07-01")
    assert after.exit_code == 0 and "Làm việc trên môi trường điện tử" in after.output
    out = tmp_path / "june.md"
    june = invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2025-06-30", "-o", str(out))
    assert june.exit_code == 0, june.output
    assert "Not in it: khoản 9 Điều 1 of 05-QC/TU, adopted, took effect on 2025-07-01" in june.output
    reg = parse(out.read_bytes())
    assert "Điều 20a" not in out.read_text(encoding="utf-8")
    # The opening names 05-QC/TU in force, and says its khoản 9 Điều 1 is not yet (r38 sweep BT 6).
    opening = " ".join(out.read_text(encoding="utf-8").split())
    assert ("có hiệu lực kể từ ngày 15 tháng 3 năm 2025; riêng khoản 9 Điều 1 có hiệu lực kể từ ngày 01 tháng 7 năm "
            "2025, chưa có hiệu lực tính đến ngày 30 tháng 6 năm 2025.") in opening
    assert reg.find("d9").unit is not None  # khoản 6 (Điều 9 re-enacted) is in force from the signing date
    out = tmp_path / "july.md"
    assert invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2025-07-01", "-o", str(out)).exit_code == 0
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert "riêng khoản 9" not in text  # in force on 1 July: the opening names the document with its own date
    notes = re.findall(r"\[\^\d+\]: ([^\[]*?theo quy định tại khoản (?:9|6) Điều 1 [^\[]*?\d{4}\.)", text)
    assert any("khoản 9 Điều 1" in n and "01 tháng 7 năm 2025" in n for n in notes), notes
    assert any("khoản 6 Điều 1" in n and "15 tháng 3 năm 2025" in n for n in notes), notes
    # The front matter and the opening name the document once.
    assert re.findall(r"number: (05-QC/TU)", text) == ["05-QC/TU"]
    assert "Khoản 9 Điều 1 takes effect on 2025-07-01 (Điều 3: “Quy định tại khoản 9 Điều 1" in said


def test_an_old_export_says_what_took_effect_since_and_names_the_later_changes_together(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # A records officer's copy of a past date (r38 sweep BT 6): the next change "took effect" (its date is past
    # today too), with the command for its text; the changes after it are one line, not one line and command each.
    _dated(tmp_workspace, LATER)
    _adopt(tmp_workspace, invoke)
    march = invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2025-03-14", "-o", str(tmp_path / "march.md"))
    assert march.exit_code == 0, march.output
    lines = [line for line in march.output.splitlines() if line.startswith("Not in it")]
    assert lines == ["Not in it: 05-QC/TU, adopted, took effect on 2025-03-15 (its text then: "
                     "`regdraft export 01-QC/TU --as-of 2025-03-15`).",
                     "Not in it either: 1 later change, adopted: khoản 9 Điều 1 of 05-QC/TU "
                     "(in force from 2025-07-01)."]


def test_a_date_for_an_instruction_the_document_lacks_is_a_warning_and_a_refusal(tmp_workspace: Workspace,
                                                                                  invoke: Invoke) -> None:
    _dated(tmp_workspace, LATER.replace("khoản 9", "khoản 19"))
    checked = invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT)
    assert ("warning: " in checked.output and "Điều 3 says “Quy định tại khoản 19 Điều 1 của Quy chế này có hiệu lực "
            "kể từ ngày 01 tháng 7 năm 2025.”, but regdraft cannot apply it: khoản 19 Điều 1 is no instruction of "
            "the document" in " ".join(checked.output.split())), checked.output
    refused = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15")
    assert refused.exit_code != 0
    assert "khoản 19 Điều 1 is no instruction of the document, and every instruction would take effect on " \
           "2025-03-15" in " ".join(refused.output.split())


def _amendment(text: str) -> Amendment:
    return load_amendment(text, "amendments/x/amendment.md", "x")


@pytest.fixture(scope="module")
def luat_57() -> str:
    base_file, reg_id, amending_file, _, _ = SETS["luat-dau-thau"]
    imported = import_file(CORPUS / base_file, reg_id=reg_id)
    base = parse(imported.text, imported.regulation.source)
    amendment = import_amendment(CORPUS / amending_file, "luat-57", {reg_id: base.meta})
    return amendment.text


@needs_corpus
def test_luat_57_dates_provisions_of_other_laws_only(luat_57: str) -> None:
    """Điều 5 khoản 3-4 of Luật 57/2024 date provisions of its Điều 1-3 (other laws): Luật Đấu thầu's Điều 4 takes
    effect whole on 15 January 2025, with no warning; the main sentence is the document's own date."""
    amendment = _amendment(luat_57)
    entry = entry_into_force(amendment)
    assert entry is not None and entry.date(dt.date(2024, 11, 29)) == dt.date(2025, 1, 15)
    assert dated_parts(amendment) == [] and unresolved(amendment) == []
    assert len(stages(amendment)) == 1


@needs_corpus
def test_a_lettered_instruction_of_a_group_takes_its_own_date(luat_57: str) -> None:
    """As Luật 57/2024 Điều 5 khoản 4 writes it, citing Điều 4: point a of instruction 19 and instruction 20 of
    Luật Đấu thầu's article go to 1 July 2025; point b of instruction 19 stays with the rest."""
    text = luat_57.replace("Quy định tại điểm a khoản 19 và khoản 20 Điều 1;",
                           "Quy định tại điểm a khoản 19 và khoản 20 Điều 4;")
    assert text != luat_57
    amendment = _amendment(text)
    assert [(p.day, p.places) for p in dated_parts(amendment)] == [
        (dt.date(2025, 7, 1), (("4", "19.a"), ("4", "20")))]
    first, later = stages(replace(amendment, meta={**amendment.meta, "effective": dt.date(2025, 1, 15)}))
    assert first.effective == dt.date(2025, 1, 15) and later.effective == dt.date(2025, 7, 1)
    assert [i.location for i in later.leaves()] == ["19.a", "20"]
    assert "19.a" not in [i.location for i in first.leaves()] and "19.b" in [i.location for i in first.leaves()]
    assert len(list(first.leaves())) + 2 == len(list(amendment.leaves()))


def test_an_instruction_dated_before_the_signing_is_warned_of_and_refused_as_the_whole_document_is(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    early = LATER.replace("năm 2025", "năm 2024")
    _dated(tmp_workspace, early)
    checked = " ".join(invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT).output.split())
    assert (f"Điều 3 says “{early}”: khoản 9 Điều 1 would take effect on 2024-07-01, before the document is signed "
            f"(today, {dt.date.today()}, at the earliest); adopting it is refused unless the retroactive effect is "
            "meant") in checked, checked
    refused = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15")
    assert refused.exit_code != 0
    assert (f"khoản 9 Điều 1 (Điều 3: “{early}”) would take effect on 2024-07-01, before the document is signed on "
            f"2025-03-15; correct the date in Điều 3 of {SHIPPED.as_posix()} or the signing date"
            in " ".join(refused.output.split())), refused.output
    forced = _adopt(tmp_workspace, invoke)  # a retroactive effect meant: adopted with the reason recorded
    assert "Khoản 9 Điều 1 takes effect on 2024-07-01" in forced
    assert "- khoản 9 Điều 1 (Điều 3: " in tmp_workspace.repo.head.commit.message


@pytest.mark.parametrize("besides", ["riêng quy định tại", "trừ quy định tại", "quy định tại"],
                         ids=["rieng", "tru", "semicolon"])
def test_one_sentence_giving_the_document_its_date_and_an_instruction_another(tmp_workspace: Workspace, invoke: Invoke,
                                                                            besides: str) -> None:
    """`…có hiệu lực kể từ ngày ký, riêng quy định tại khoản 9 Điều 1 có hiệu lực …` (one sentence, a common wording):
    the document takes effect on the day it is signed, khoản 9 Điều 1 on its own date; the whole document waited for
    the later date."""
    path = tmp_workspace.root / SHIPPED
    sep = ";" if besides == "quy định tại" else ","
    sentence = (f"Quy chế này có hiệu lực kể từ ngày ký{sep} {besides} khoản 9 Điều 1 có hiệu lực kể từ ngày 01 tháng "
                "7 năm 2025.")
    text = path.read_text(encoding="utf-8").replace(OWN, sentence)
    tmp_workspace.commit({SHIPPED.as_posix(): text.encode("utf-8")}, "one sentence, two dates")
    said = _adopt(tmp_workspace, invoke)
    assert f"Khoản 9 Điều 1 takes effect on 2025-07-01 (Điều 3: “{sentence}”)" in " ".join(said.split())
    assert "signed 2025-03-15, effective 2025-03-15" in tmp_workspace.repo.head.commit.message
    assert invoke(tmp_workspace, "show", "01-QC/TU", "d20a", "--as-of", "2025-06-30").exit_code != 0
    assert invoke(tmp_workspace, "show", "01-QC/TU", "d20a", "--as-of", "2025-07-01").exit_code == 0
    shown = invoke(tmp_workspace, "show", "01-QC/TU", "d9", "--as-of", "2025-03-15")
    assert shown.exit_code == 0 and "gương mẫu thực hiện trách nhiệm nêu gương" in shown.output


def test_clauses_split_a_sentence_only_between_two_dates() -> None:
    assert clauses("Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025, trừ trường hợp quy định tại khoản 2 "
                   "Điều này.") == ["Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025, trừ trường hợp quy "
                                    "định tại khoản 2 Điều này."]
    listed = ("Quy định tại điểm a khoản 19 và khoản 20 Điều 1; khoản 3 Điều 2 của Luật này có hiệu lực thi hành từ "
              "ngày 01 tháng 7 năm 2025.")
    assert clauses(listed) == [listed]
    assert clauses("This Regulation takes effect on the date of signing, except clause 6 of Article 1, which takes "
                   "effect on 1 January 2027.") == ["This Regulation takes effect on the date of signing",
                                                    "except clause 6 of Article 1, which takes effect on 1 January "
                                                    "2027."]


def test_the_redline_calls_a_text_holding_a_dated_instruction_not_yet_in_force_the_adopted_text(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    from regdraft.workspace import redline as rl

    _dated(tmp_workspace, LATER)
    _adopt(tmp_workspace, invoke)
    before = rl.build(tmp_workspace, "01-QC/TU", rev_to="HEAD", today=dt.date(2025, 6, 30)).cover_line()
    assert before.endswith(" so với văn bản đã được thông qua (Quy chế số 01-QC/TU, được sửa đổi, bổ sung bởi Quy "
                           "chế số 05-QC/TU, gồm các sửa đổi có hiệu lực từ ngày 01/7/2025)"), before
    since = rl.build(tmp_workspace, "01-QC/TU", rev_to="HEAD", today=dt.date(2025, 7, 1)).cover_line()
    assert since.endswith(" so với văn bản hiện hành (Quy chế số 01-QC/TU, được sửa đổi, bổ sung bởi Quy chế số "
                          "05-QC/TU, có hiệu lực từ ngày 01/7/2025)"), since


def test_the_notes_of_changes_not_yet_in_force_name_the_dated_instruction(tmp_workspace: Workspace,
                                                                          invoke: Invoke) -> None:
    """Only khoản 9 Điều 1 of 05-QC/TU waits for 1 July: `show`, its missing provision and the sync report name it,
    not the whole document (which is in force from 15 March)."""
    from regdraft.workspace.activity import describe
    from regdraft.workspace.timeline import later_changes_note, not_yet_in_force

    _dated(tmp_workspace, LATER)
    _adopt(tmp_workspace, invoke)
    note = later_changes_note(tmp_workspace, "01-QC/TU", today=dt.date(2025, 6, 30))
    assert ("chưa có hiệu lực: khoản 9 Điều 1 Quy chế số 05-QC/TU (có hiệu lực từ ngày 01/7/2025). Văn bản đang "
            "có hiệu lực hôm nay (30/6/2025)") in note, note
    missing = not_yet_in_force(tmp_workspace, "01-QC/TU", "d20a", "2025-06-30")
    assert missing == ("Điều 20a is not yet in force on 2025-06-30: khoản 9 Điều 1 of Quy chế số 05-QC/TU inserted it, "
                       "in force from 2025-07-01.")
    lines = describe(tmp_workspace, tmp_workspace.commits(None, "HEAD"))
    assert any(line.endswith("in force from 2025-03-15 (khoản 9 Điều 1 from 2025-07-01)") for line in lines), lines


def test_one_instruction_given_two_dates_is_warned_of_and_refused(tmp_workspace: Workspace, invoke: Invoke) -> None:
    second = LATER.replace("01 tháng 7 năm 2025", "01 tháng 9 năm 2025")
    _dated(tmp_workspace, f"{LATER}\n\n{second}")
    checked = " ".join(invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT).output.split())
    said = (f"Điều 3 says “{second}”: khoản 9 Điều 1 is given 2025-09-01, but Điều 3 already gives it 2025-07-01 "
            f"(“{LATER}”)")
    assert f"{said}; the first date stands, the document contradicting itself" in checked, checked
    refused = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15")
    assert refused.exit_code != 0
    assert f"{said}; only the first date would apply; give each instruction one date in" in " ".join(
        refused.output.split()), refused.output
    forced = _adopt(tmp_workspace, invoke)
    assert "takes effect on 2025-07-01" in forced and "2025-09-01 (" not in forced


def test_the_dated_instructions_are_cited_as_the_footnotes_cite_them(tmp_workspace: Workspace,
                                                                     invoke: Invoke) -> None:
    """English `clause 2 of Article 1` (was `clause 2 Article 1`); several instructions `take effect`; the refusal of
    a sentence it cannot resolve cites an instruction with the document's own type (`của Quy chế này`, not Luật)."""
    assert cite_places((("1", "2"), ("1", "19.a")), "en") == "clause 2 of Article 1, point a of clause 19 of Article 1"
    assert cite_places((("1", "2"),), "vi") == "khoản 2 Điều 1"
    _dated(tmp_workspace, LATER.replace("khoản 9 Điều 1", "khoản 6 và khoản 9 Điều 1"))
    said = " ".join(_adopt(tmp_workspace, invoke).split())
    assert "Khoản 6 Điều 1, khoản 9 Điều 1 take effect on 2025-07-01 (Điều 3:" in said, said


def test_the_refusal_of_an_unresolved_date_cites_as_the_document_does(tmp_workspace: Workspace,
                                                                      invoke: Invoke) -> None:
    _dated(tmp_workspace, LATER.replace("khoản 9", "khoản 19"))
    refused = " ".join(invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15").output
                       .split())
    # The example is the document's own first instruction (a fixed `khoản 6` named one a document may lack; r24
    # sweep k-docs defect 3).
    assert "as the document numbers them (“khoản 1 Điều 1 của Quy chế này”)" in refused, refused


def test_a_dated_part_is_not_validated_again_in_a_replay(tmp_workspace: Workspace, invoke: Invoke,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Each dated part walked the whole text again (`validate`), one more time per part: `show --as-of` and `export`
    # 24-46 % slower with a dated part in every second document (r24 sweep i-costs defect 1). The document was
    # validated whole when it was checked and adopted; its part still applies, and the text is the same.
    import sys

    from regdraft.workspace.timeline import adopted_for, base_text, replay

    applying = sys.modules["regdraft.core.amend.apply"]  # the module: the package's `apply` is its function

    _dated(tmp_workspace, LATER)
    _adopt(tmp_workspace, invoke)
    walks: list[int] = []
    real = applying.validate

    def counted(reg: object) -> object:
        walks.append(1)
        return real(reg)

    monkeypatch.setattr(applying, "validate", counted)
    base = base_text(tmp_workspace, "regulations/01-QC-TU.md")
    timeline = replay(base, adopted_for(tmp_workspace, "01-QC/TU"), dt.date(2025, 7, 1))
    assert len(timeline.steps) == 2 and len(walks) == 1  # the document's own part alone
    assert timeline.regulation.find("d20a").unit is not None
    assert timeline.regulation == parse((tmp_workspace.root / "regulations/01-QC-TU.md").read_bytes(),
                                        "regulations/01-QC-TU.md")


def test_the_adoption_commit_lists_a_dated_instruction_as_adopt_prints_it(tmp_workspace: Workspace,
                                                                          invoke: Invoke) -> None:
    # The commit said `khoản 9 Điều 1 takes effect on … (…)`, lower case with no full stop, where `amend adopt` and
    # docs/amendments.md say `Khoản 9 Điều 1 takes effect on … (…).` (r24 sweep k-docs defect 4).
    _dated(tmp_workspace, LATER)
    said = _adopt(tmp_workspace, invoke)
    line = f"Khoản 9 Điều 1 takes effect on 2025-07-01 (Điều 3: “{LATER}”)."
    assert line in " ".join(said.split())
    message = tmp_workspace.repo.git.log("-1", "--format=%B")
    assert line in message.splitlines()


def test_the_redline_of_an_adopted_amendment_says_which_instructions_take_effect_later(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    # The issued document's redline dated the whole text by the document's own date (15/3/2025), though its Điều 3
    # gives khoản 9 Điều 1 (Điều 20a inserted) 1 July 2025.
    from regdraft.workspace import redline as rl

    _dated(tmp_workspace, LATER)
    _adopt(tmp_workspace, invoke)
    cover = rl.build(tmp_workspace, "01-QC/TU", amendment=SHIPPED_AMENDMENT).cover_line()
    assert cover.startswith("Văn bản sau khi được sửa đổi, bổ sung bởi Quy chế số 05-QC/TU (Quy chế số 01-QC/TU, có "
                            "hiệu lực từ ngày 15/3/2025, riêng khoản 9 Điều 1 Quy chế số 05-QC/TU có hiệu lực từ ngày "
                            "01/7/2025) so với văn bản trước khi"), cover
    tagged = rl.build(tmp_workspace, "01-QC/TU", rev_from="adopted/05-QC-TU~1", rev_to="adopted/05-QC-TU")
    assert tagged.cover_line() == cover


def test_a_warning_about_a_dated_sentence_names_its_own_line_and_clause() -> None:
    # The warnings gave the article heading's line (`:6: Điều 2 says`) for sentences standing in khoản 2 and 3 of it
    # (r24 sweep k-docs defect 2); a paragraph not numbered is cited by its article, at its own line.
    text = ("---\nregulation: 01-QC/TU\nstatus: draft\n---\n\n## Điều 1. Sửa đổi\n\n"
            "1\\. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:\n\n“2\\. Mọi chủ trương đều được thảo luận.”.\n\n"
            "## Điều 2. Hiệu lực thi hành\n\n1\\. Quy chế này có hiệu lực kể từ ngày ký.\n\n"
            "2\\. Quy định tại khoản 7 Điều 1 có hiệu lực thi hành từ ngày 01 tháng 01 năm 2028.\n\n"
            "3\\. Quy định tại khoản 1 Điều 1 có hiệu lực thi hành từ ngày 01 tháng 01 năm 2025.\n\n"
            "## Điều 3. Trách nhiệm thi hành\n\n"
            "Quy định tại khoản 5 Điều 1 có hiệu lực thi hành từ ngày 01 tháng 01 năm 2029.\n")
    amendment = load_amendment(text, "a.md", "a")
    lines = text.split("\n")
    found = [(p.line, p.message.split(" says ")[0]) for p in unresolved(amendment)]
    assert found == [(lines.index(next(x for x in lines if x.startswith("2\\. Quy định"))) + 1, "khoản 2 Điều 2"),
                     (len(lines) - 1, "Điều 3")], found
    from regdraft.core.amend.staged import early

    (warned,) = early(replace(amendment, meta={**amendment.meta, "signed": "2026-12-01"}))
    assert (warned.line, warned.message.split(" says ")[0]) == (lines.index(next(
        x for x in lines if x.startswith("3\\. Quy định"))) + 1, "khoản 3 Điều 2"), warned
    assert entry_into_force(amendment).place == "khoản 1 Điều 2"  # type: ignore[union-attr]


def test_adopt_and_its_commit_cite_a_numbered_dated_sentence_as_check_does(tmp_workspace: Workspace,
                                                                           invoke: Invoke) -> None:
    # `amend check` cited the sentence in a numbered paragraph as `khoản 2 Điều 3`, `amend adopt` and its commit as
    # `Điều 3` (r25 sweep A defect 2).
    path = tmp_workspace.root / SHIPPED
    text = path.read_text(encoding="utf-8")
    at = text.index(OWN)
    end = text.index("\n", at)
    text = f"{text[:at]}1\\. {text[at:end]}\n\n2\\. {LATER}{text[end:]}"
    tmp_workspace.commit({SHIPPED.as_posix(): text.encode("utf-8")}, "Điều 3 in two clauses, the second dated")
    said = " ".join(_adopt(tmp_workspace, invoke).split())
    line = f"Khoản 9 Điều 1 takes effect on 2025-07-01 (khoản 2 Điều 3: “{LATER}”)."
    assert line in said, said
    assert line in tmp_workspace.repo.git.log("-1", "--format=%B").splitlines()

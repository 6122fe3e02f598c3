"""A translation's amending document of its original's number, translating only some of its instructions (r38 sweep
BV findings 1 and 2).

1. Two of 05-QC/TU's 14 instructions translated and adopted to 01-QC/TU-EN as 05-QC/TU: `list` and `check` said
   nothing, since the only test was the number, while Article 20a and the changes to Articles 5, 6, 8, 9 and 12 were
   missing from the English text.
2. Numbered as in the original (1 and 4), `amend check` refused "instruction 4 follows instruction 1: number it 2",
   so the English footnotes cited clause 2 of Article 1 where the issued 05-QC/TU's change is clause 4.
3. Numbered 1-5 for the original's 2, 4, 9, 11 and 12, `amend check` warned but `amend adopt` went ahead, and the
   English notes cited "clause 1 of Article 1 of Regulations No. 05-QC/TU" for its clause 2 (r44 sweep CR F3): an
   instruction numbered otherwise than the one instruction of the original it translates is refused while pending.
"""

from __future__ import annotations

from pathlib import Path

from regdraft.workspace.store import Workspace

from .conftest import Invoke, unwrapped
from .test_cli_amend import snapshot
from .test_replaced_regulation import adopted, adopted_built  # noqa: F401  (fixtures)

EN = "regulations/01-QC-TU-EN.md"
SLUG = "qc-en"
GROUP = """1\\. Some points of clause 1 of Article 4 are amended as follows:

a) Point c is amended to read:

“c) To discuss and give opinions on the province's plans before they are submitted to the People's Council;”.

b) The following point e is inserted after point dd:

“e) To lead digital transformation in the work of the provincial Party agencies.”."""
TITLE = """{n}\\. The title of Article 7 is amended to read:

“Article 7. Duties, powers and exemplary responsibility of Provincial Party Committee members”"""


def _translated(ws: Workspace, invoke: Invoke, instructions: str, *, adopt: bool = True, number: bool = True) -> str:
    """An English amendment of 01-QC/TU-EN holding `instructions`, numbered 05-QC/TU (adopted, past the gates)."""
    made = invoke(ws, "amend", "new", SLUG, "--regulation", "01-QC/TU-EN", "--force")
    assert made.exit_code == 0, made.output
    path = f"amendments/{SLUG}/amendment.md"
    text = (ws.root / path).read_text(encoding="utf-8")
    assert "\n\n## Article 2" in text
    ws.commit({path: text.replace("\n\n## Article 2", f"\n\n{instructions}\n\n## Article 2", 1).encode()}, "English")
    if not number:
        return path
    numbered = invoke(ws, "amend", "number", SLUG, "05-QC/TU")
    assert numbered.exit_code == 0, numbered.output
    if adopt:
        done = invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-03-28", "--force", "--reason", "test")
        assert done.exit_code == 0, done.output
    return path


def test_a_partial_translation_of_an_amendment_is_warned_of_by_check_list_and_show(
        adopted: Workspace, invoke: Invoke) -> None:  # noqa: F811
    from regdraft.workspace.checks import check_workspace

    _translated(adopted, invoke, GROUP + "\n\n" + TITLE.format(n=4))
    found = [p for p in check_workspace(adopted) if "is a translation of" in p.message]
    assert len(found) == 1 and found[0].warning and found[0].source == EN, found
    said = found[0].message
    assert said.startswith("01-QC/TU-EN is a translation of 01-QC/TU and does not contain all of its amendments in "
                           "force on "), said
    # Instructions 1 and 4 are translated (what they change is compared, whatever their numbers).
    assert "05-QC/TU's instructions 2, 3, 5–14 (clause 2, Article 5 amended; clause 4a, Article 6 inserted;" in said
    assert "Article 20a inserted" in said and "Article 9 amended" in said
    assert f"have no translation in {SLUG}, adopted to 01-QC/TU-EN as 05-QC/TU" in said
    assert "unless the translation leaves it out on purpose" in said
    listed = invoke(adopted, "list")
    assert "05-QC/TU's instructions 2, 3, 5–14" in unwrapped(listed.output)
    shown = invoke(adopted, "show", "01-QC/TU-EN", "a9")
    assert shown.exit_code == 0, shown.output
    assert "05-QC/TU's instructions 2, 3, 5–14" in unwrapped(shown.stderr)
    result = invoke(adopted, "check")
    assert result.exit_code == 0 and "No problems found (1 warning)." in result.output, result.output


def test_a_translation_lacking_an_article_its_amendment_inserted_is_warned_of(adopted: Workspace,  # noqa: F811
                                                                             invoke: Invoke) -> None:
    """Every instruction translated, but Article 20a then taken out of the English text by hand."""
    from regdraft.workspace.checks import check_workspace

    _translated(adopted, invoke, "9\\. The following Article 20a is inserted after Article 20:\n\n"
                "“Article 20a. Working in the electronic environment\n\n1\\. Documents are sent electronically.”")
    text = (adopted.root / EN).read_text(encoding="utf-8")
    start = text.index("## Article 20a")
    adopted.commit({EN: (text[:start] + text[text.index("\n## ", start + 1) + 1:]).encode()}, "Lost 20a")
    said = next(p.message for p in check_workspace(adopted, "01-QC/TU-EN") if "is a translation of" in p.message)
    assert "Article 20a, which 05-QC/TU inserted in 01-QC/TU, is not in 01-QC/TU-EN's text" in said, said


def test_a_translation_of_every_instruction_is_not_warned_of(adopted: Workspace,  # noqa: F811
                                                             invoke: Invoke) -> None:
    """The Vietnamese amending document itself, its instructions read in English terms, is a whole translation:
    what each changes is the same, so nothing is said."""
    from regdraft.core.amend.translated_changes import untranslated
    from regdraft.workspace.amendments import load

    original = load(adopted, "qc-sua-doi-2025")
    assert untranslated(original, original) == []


def test_a_translation_keeps_its_original_s_instruction_numbers_and_its_footnotes_cite_them(
        adopted: Workspace, invoke: Invoke, tmp_path: Path) -> None:  # noqa: F811
    """Instructions 1 and 4 of 05-QC/TU translated, numbered as in the original: read, adopted, and the English
    footnote on Article 7's title cites clause 4 of Article 1, as the issued 05-QC/TU does."""
    path = _translated(adopted, invoke, GROUP + "\n\n" + TITLE.format(n=4), adopt=False)
    checked = invoke(adopted, "amend", "check", SLUG)
    assert checked.exit_code == 0, checked.output
    said = unwrapped(checked.output)
    assert "number it" not in said and "follows instruction" not in said
    assert f"{path}:" in said and "05-QC/TU's instructions 2, 3, 5–14 (" in said  # before adoption too
    done = invoke(adopted, "amend", "adopt", SLUG, "--signed", "2025-03-28", "--force", "--reason", "test")
    assert done.exit_code == 0, done.output
    out = tmp_path / "en.md"
    assert invoke(adopted, "export", "01-QC/TU-EN", "--as-of", "2025-06-01", "-o", str(out)).exit_code == 0
    text = unwrapped(out.read_text(encoding="utf-8"))
    assert "The title of this Article was amended by clause 4 of Article 1 of" in text, text
    assert "clause 2 of Article 1 of" not in text


def test_a_kept_number_that_changes_another_provision_is_warned_of(adopted: Workspace,  # noqa: F811
                                                                   invoke: Invoke) -> None:
    _translated(adopted, invoke, GROUP + "\n\n3\\. Repeal clause 2, Article 2.", adopt=False)
    checked = invoke(adopted, "amend", "check", SLUG)
    assert checked.exit_code == 0, checked.output
    assert ("instruction 3 (Repeal clause 2, Article 2.): 05-QC/TU's instruction 3 (qc-sua-doi-2025) changes clause "
            "4a, Article 6 inserted, this one clause 2, Article 2 repealed. A translation of 05-QC/TU keeps its "
            "instruction numbers") in unwrapped(checked.output)


def test_an_instruction_numbered_otherwise_than_the_one_it_translates_is_refused(
        adopted: Workspace, invoke: Invoke) -> None:  # noqa: F811
    """Finding 3: the title of Article 7 (05-QC/TU's instruction 4) numbered 3, then beyond the original's own."""
    path = _translated(adopted, invoke, GROUP + "\n\n" + TITLE.format(n=3), adopt=False)
    for number, why in ((3, ", not its instruction 3"), (15, "; 05-QC/TU has no instruction 15")):
        if number != 3:
            text = (adopted.root / path).read_text(encoding="utf-8")
            adopted.commit({path: text.replace("\n3\\. The title", f"\n{number}\\. The title").encode()}, "No.")
        checked = invoke(adopted, "amend", "check", SLUG)
        said = unwrapped(checked.output)
        assert checked.exit_code == 1, said
        assert (f"instruction {number} (The title of Article 7 is amended to read:): it translates 05-QC/TU's "
                f"instruction 4 (the title of Article 7 amended){why}. The notes of the consolidated text cite a "
                "translation's instructions by their numbers, which are its original's: number it 4, as in 05-QC/TU "
                "(qc-sua-doi-2025).") in said, said
    before = snapshot(adopted)
    refused = invoke(adopted, "amend", "adopt", SLUG, "--signed", "2025-03-28", "--force", "--reason", "test")
    assert refused.exit_code == 1 and "number it 4, as in 05-QC/TU" in unwrapped(refused.output), refused.output
    assert snapshot(adopted) == before


def test_kept_numbers_must_still_increase_and_a_vietnamese_amendment_has_none(adopted: Workspace,  # noqa: F811
                                                                              invoke: Invoke) -> None:
    _translated(adopted, invoke, TITLE.format(n=4) + "\n\n" + GROUP, adopt=False, number=False)
    checked = invoke(adopted, "amend", "check", SLUG)  # not numbered yet: gaps allowed, order not
    assert checked.exit_code == 1
    assert "instruction 1 (Some points of clause 1 of Article 4 are amended as follows:) follows instruction 4: " \
           "number it 5" in unwrapped(checked.output)
    # An amendment of the original itself is numbered without gaps, as before.
    made = invoke(adopted, "amend", "new", "vi-gap", "--regulation", "01-QC/TU", "--force")
    assert made.exit_code == 0, made.output
    path = "amendments/vi-gap/amendment.md"
    text = (adopted.root / path).read_text(encoding="utf-8")
    gapped = ("1\\. Bãi bỏ khoản 3 Điều 10.\n\n4\\. Bãi bỏ điểm c khoản 2 Điều 16.")
    adopted.commit({path: text.replace("\n\n## Điều 2", f"\n\n{gapped}\n\n## Điều 2", 1).encode()}, "gap")
    refused = invoke(adopted, "amend", "check", "vi-gap")
    assert refused.exit_code == 1 and "follows instruction 1: number it 2" in unwrapped(refused.output)


def test_a_translation_numbered_with_gaps_moves_on_from_draft(adopted: Workspace,  # noqa: F811
                                                               invoke: Invoke) -> None:
    # r39 sweep BW F1: `amend check` and `round open` took it, but `amend status … circulating` and `--draft 2`
    # refused with the old numbering rule ("instruction 4 … number it 2"), so it could not go on without --force.
    _translated(adopted, invoke, GROUP + "\n\n" + TITLE.format(n=4), adopt=False)
    for args in (("--draft", "2"), ("circulating",)):
        moved = invoke(adopted, "amend", "status", SLUG, *args)
        assert moved.exit_code == 0, moved.output
        assert "number it" not in unwrapped(moved.output)
    text = (adopted.root / f"amendments/{SLUG}/amendment.md").read_text(encoding="utf-8")
    assert "status: circulating" in text and "draft: 2" in text


def test_an_instruction_translated_in_part_is_said_lacking_only_what_it_leaves_out(
        adopted: Workspace, invoke: Invoke, tmp_path: Path) -> None:  # noqa: F811
    """r44 sweep CR F1: 05-QC/TU's instruction 11 repeals clause 3 of Article 10 and point c of clause 2 of Article 16;
    its translation repealing only the clause was said to lack the clause's repeal too, and `amend check` advised
    renumbering the instruction although it has the original's number."""
    _translated(adopted, invoke, TITLE.format(n=4) + "\n\n11\\. Repeal clause 3, Article 10.", adopt=False)
    checked = invoke(adopted, "amend", "check", SLUG)
    said = unwrapped(checked.output)
    assert checked.exit_code == 0 and "instruction 11 (" not in said, said
    lacking = "05-QC/TU's instructions 1–3, 5–14 ("
    assert lacking in said and "point c, clause 2, Article 16 repealed" in said, said
    assert "clause 3, Article 10 repealed" not in said, said
    done = invoke(adopted, "amend", "adopt", SLUG, "--signed", "2025-03-28", "--force", "--reason", "test")
    assert done.exit_code == 0, done.output
    out = tmp_path / "en.md"
    exported = invoke(adopted, "export", "01-QC/TU-EN", "--as-of", "2025-04-01", "-o", str(out))
    assert exported.exit_code == 0, exported.output
    for text in (out.read_text(encoding="utf-8").split("**")[3], exported.output, invoke(adopted, "check").output):
        flat = " ".join(unwrapped(text).split())
        assert "point c, clause 2, Article 16 repealed" in flat and "clause 3, Article 10 repealed" not in flat, flat
    assert "clauses 1–3, 5–14 of Article 1 of Regulations No. 05-QC/TU" in out.read_text(encoding="utf-8")

"""Exports over a workspace: the consolidated text as of a date, and the amending document itself.

Post-conditions:
1. The format is the one asked for, else the output file's suffix, else PDF (`render.output.choose`);
   anything else is a `UsageError` and nothing is written.
2. The output file is written whole or not at all.
3. The consolidated text replays the base text with the adopted amendments in force on the
   date (today by default); a date before the base document took effect is a `RegdraftError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.core.consolidate import ConsolidatedText, Source
    from regdraft.core.model import Regulation
    from regdraft.workspace.api import RegulationSummary
    from regdraft.workspace.store import Workspace

@dataclass(frozen=True, slots=True)
class Exported:
    """What an export wrote."""

    path: Path
    format: str
    as_of: dt.date | None = None
    amendments: tuple[str, ...] = ()
    footnotes: int = 0
    replaced: str = ""  # the line saying a new regulation replaced this one (`replacements.replacement_message`)
    ended: dt.date | None = None  # the day a new regulation replaced this one (none of its amendments apply from then)
    ended_by: str = ""  # the id of that regulation
    untranslated: str = ""  # the line saying which of a translation's original's amendments it lacks
    unframed: str = ""  # the line saying why the body's consolidated copy frame was left out (nothing to consolidate)
    blanks: tuple[str, ...] = ()  # a warning for each amendment in it whose entry into force still has blanks
    ahead: str = ""  # a warning for a day of authentication far after today (`consolidation_frame.far_ahead`)


def consolidated_text(ws: Workspace, name: str, as_of: str | dt.date | None = None) -> ConsolidatedText:
    """The consolidated text of a regulation in force on `as_of` (default: today), worded by its profile."""
    from regdraft.core.amend.staged import STAGED
    from regdraft.core.closing_notes import concerning, own_provisions
    from regdraft.core.consolidate import consolidate
    from regdraft.core.dates import parse_date, read_date
    from regdraft.core.untranslated import untranslated_opening
    from regdraft.workspace.profiles import profile_for
    from regdraft.workspace.replacements import original, replaced_on, replaced_sentence, translated
    from regdraft.workspace.timeline import adopted_for, base_text, dated_steps, replay
    from regdraft.workspace.translated_amendments import untranslated_parts

    day = dt.date.today() if as_of is None else parse_date(as_of, "the date the text is in force on")
    base = base_text(ws, ws.locate_regulation(name))
    start = read_date(base.meta.get("effective")) or read_date(base.meta.get("signed"))
    if as_of is None and start is not None and day < start:
        # A text signed and not yet in force is published as it will take effect, not refused for lack of a date
        # (a law is printed between its signing and its effect: r41 sweep CJ 6).
        day = start
    # A regulation replaced by a new one on or before `day` is given as it last stood, with a note saying so.
    replaced = replaced_on(ws, original(base.meta), day)
    if replaced is not None and replaced.last_day is not None and (start is None or day >= start):
        day = max(replaced.last_day, start or replaced.last_day)
    from regdraft.workspace.unread_adopted import refuse_unread

    refuse_unread(ws, base.id)  # an adopted amendment that cannot be read: not the text without it (r44 sweep CI F4)
    history = adopted_for(ws, base.id)
    timeline = replay(base, history, day)
    words = profile_for(ws, base.meta).words(base.language)
    # The instructions of a document in force that take effect later, named in the opening (r38 sweep BT 6); none
    # once a new regulation replaced this one (`day` is then its last day in force).
    later = [(part.meta, str(part.meta[STAGED])) for part in dated_steps(history) if part.meta.get(STAGED)
             and part.effective is not None and part.effective > day and (replaced is None or replaced.on is None)]
    # A document in several steps (instructions with dates of their own) quotes its own provisions once, at its first.
    firsts = {id(next(a for a, _ in timeline.steps if a.slug == amendment.slug)) for amendment, _ in timeline.steps}
    ct = consolidate(base, [(amendment.meta, applied) for amendment, applied in timeline.steps], day,
                     words=words, provisions=[concerning(own_provisions(amendment), str(base.meta.get("title") or ""),
                                                         str(amendment.meta.get("title") or ""), number=base.id,
                                                         amending=amendment.article.label)
                                              if id(amendment) in firsts else () for amendment, _ in timeline.steps],
                     bases=[amendment.preamble if id(amendment) in firsts else () for amendment, _ in timeline.steps],
                     later=later)
    missing = [source for _, source in untranslated(ws, base.meta, ct.as_of, {a.number for a in ct.amendments})]
    # An amending document held by number but translated in part is named too, in the text itself (r39 en39 1).
    held = [a for a in history if a.effective is not None and a.effective <= ct.as_of]
    partial = untranslated_parts(ws, base.meta, ct.as_of, held, words) if base.meta.get("translation_of") else []
    ct = dataclasses.replace(ct, opening=untranslated_opening(ct.opening, ct.base, missing, ct.as_of, words,
                                                              partial))
    if replaced is None or replaced.on is None:
        return ct
    note = replaced_sentence(replaced, day, words, base.language, *translated(ws, replaced, base.meta))
    return dataclasses.replace(ct, opening=dataclasses.replace(ct.opening, replaced=note))


def export_regulation(ws: Workspace, name: str, output: Path | None, fmt: str | None = None,
                      as_of: str | dt.date | None = None, *, progress: bool = False, number: str | None = None,
                      signed: dt.date | None = None) -> Exported:
    """Write the consolidated text of a regulation as PDF, DOCX, HTML or Markdown; issued by the consolidating body
    of the workspace's `consolidation:` setting when it names one, with the copy's `number` and `signed` date
    (`core.consolidation_frame`), the text then in force on `as_of`, by default the day it is authenticated
    (`signed`), else today."""
    from regdraft.core.consolidation_frame import Frame, far_ahead, frame_of, framed, refusal
    from regdraft.core.errors import RegdraftError, UsageError
    from regdraft.render.output import Settings, choose, write
    from regdraft.workspace.profiles import profile_for
    from regdraft.workspace.settings_checks import refuse_unprintable

    chosen = choose("consolidated", output, fmt)
    refuse_unprintable(ws, "consolidation")  # a control character in a line it prints: no DOCX can hold it
    settings_given = ws.config.get("consolidation")
    frame = frame_of(settings_given, number, signed)
    if as_of is None and frame.issued and frame.signed is not None:
        as_of = frame.signed  # an authenticated copy shows the text in force on the day it is authenticated (r36 BL 1)
    ct = consolidated_text(ws, name, as_of)
    profile = profile_for(ws, ct.regulation.meta)
    lacking = [f"{a.name}, in force from {a.effective}" for a, _ in
               untranslated(ws, ct.regulation.meta, ct.as_of, {a.number for a in ct.amendments})]
    # A translation holding an amending document of its original in part: an official copy would leave those
    # instructions out without a word, the note at its head notwithstanding (r40 misc40 3).
    in_part = _partly_translated(ws, ct, profile.words(ct.language)) if frame.issued else []
    unframed = ""
    if frame.issued and not frame.number.strip() and frame.signed is None and (lacking or in_part or
                                                                               not ct.amendments):
        # Nothing the body consolidates: the text as it stands, not its copy with blanks to fill (r27 known27).
        unframed = _unframed(ct, frame, bool(lacking), in_part)
        frame = Frame()
    refused, options = refusal(frame, ct, settings_given, lacking, in_part)
    if refused:  # an official copy refused before anything is written; an unreadable setting is not the command's
        raise UsageError(refused, options=options) if options else RegdraftError(refused)
    ct = framed(ct, frame, profile.words(ct.language))
    default = f"out/{ct.regulation.id.replace('/', '-')}-hop-nhat-{ct.as_of.isoformat()}.{chosen}"
    target = output or ws.write_path(default)
    framing = {"frame": frame}  # the writers' own setting, not a command's option
    settings = Settings(profile, ws.root, progress=progress, options=framing)
    write("consolidated", chosen, ct, target, settings)
    from regdraft.workspace.replacements import in_language, original, replacement, replacement_message

    found = replacement(ws, original(ct.regulation.meta))
    if found is not None:  # named as the text's language names it: a translation by the new one's translation
        found = in_language(ws, found, ct.regulation.meta)
    replaced = replacement_message(found) if found is not None and ct.opening.replaced else ""
    return Exported(target, chosen, ct.as_of, tuple(a.number for a in ct.amendments), len(ct.footnotes), replaced,
                    found.on if found is not None else None, found.new if found is not None else "",
                    untranslated_message(ws, ct), unframed, blank_entries(ws, ct), far_ahead(frame, dt.date.today()))


def blank_entries(ws: Workspace, ct: ConsolidatedText) -> tuple[str, ...]:
    """A warning for each amendment in the consolidated text whose entry-into-force article still has its date's
    blanks (`có hiệu lực thi hành từ ngày … tháng … năm …`), adopted past the gate with `--force`: the text's notes
    quote the blank while its opening gives the adopted date (r28 AE L1)."""
    from regdraft.core.amend.entry import entry_into_force
    from regdraft.workspace.timeline import adopted_for

    effective = {a.number: a for a in ct.amendments}
    out = []
    for amendment in adopted_for(ws, ct.regulation.id):
        source = effective.get(amendment.number)
        entry = entry_into_force(amendment) if source is not None else None
        if source is None or entry is None or not any(blank in entry.sentence for blank in ("…", "...")):
            continue
        if source.signed is not None and entry.date(source.signed) is not None:
            continue
        out.append(f"{amendment.source}:{entry.line}: warning: {amendment.number} ({amendment.slug}) is in the "
                   f"text as taking effect on {source.effective}, but {entry.place} of it still leaves its date "
                   f"blank (“{entry.sentence}”), and the notes of the consolidated text that quote it show the "
                   "blank: write the date there, as it was signed.")
    return tuple(out)


def _partly_translated(ws: Workspace, ct: ConsolidatedText, words: Mapping[str, str]) -> list[str]:
    """Each amending document a translation's consolidated text holds by number but translates in part, named with
    the instructions it leaves out (`translated_amendments.untranslated_parts`); [] for a text that translates none."""
    from regdraft.workspace.timeline import adopted_for
    from regdraft.workspace.translated_amendments import untranslated_parts

    if not ct.regulation.meta.get("translation_of"):
        return []
    held = [a for a in adopted_for(ws, ct.regulation.id) if a.effective is not None and a.effective <= ct.as_of]
    return untranslated_parts(ws, ct.regulation.meta, ct.as_of, held, words)


def _unframed(ct: ConsolidatedText, frame: Any, lacking: bool, in_part: Sequence[str] = ()) -> str:
    """Why an export without a number or day of authentication leaves out the body's consolidated copy frame."""
    name, day = ct.regulation.id, ct.as_of.isoformat()
    why = (f"{name} does not contain every amendment of its original in force on {day}" if lacking else
           # The instructions it leaves out are named by the line before (`untranslated_message`): not twice, some
           # 1,800 characters together (r41 sweep CH F3).
           f"{name} does not translate every instruction of its original's amendments in force on {day}" if in_part
           else
           f"{name} has no amendment in force on {day}: there is nothing to consolidate")
    return (f"{why}, so this is a copy for reference, without {frame.body}'s header and authentication of a "
            "consolidated text.")


def untranslated(ws: Workspace, meta: Mapping[str, Any], as_of: dt.date,
                 held: Collection[str]) -> list[tuple[Amendment, Source]]:
    """The adopted amendments of a translation's original (`meta`'s `translation_of`) in force on `as_of` that its
    text does not hold (none of its own amending documents, numbered `held`, bears their number, as a reader compares
    numbers: `48/2013/ND-CP` is `48/2013/NĐ-CP`), each as the translation's language cites it: a Vietnamese amendment
    in an English text by its number and date (with D for Đ when the translation so writes its original's), typed
    as the translation types itself when it has its original's type, as the translation types the decision it was
    issued with when it is a decision of that decision's type (`issued_with`: a Quy chế issued with a Quyết định
    is amended by a Quyết định, a `Decision` in an English text that cites `Decision No. …`), else untyped; never
    with Vietnamese words."""
    from regdraft.core.consolidate import source_of
    from regdraft.core.document_names import number_key, numbered_as
    from regdraft.core.frontmatter import document_number, issued_with
    from regdraft.workspace.replacements import fronts
    from regdraft.workspace.timeline import adopted_for

    original = str(meta.get("translation_of") or "").strip()
    if not original:
        return []
    language = str(meta.get("language") or "vi")
    old = next((m for _, _, m in fronts(ws) if str(m.get("id") or "") == original), {})
    kinds = {str(old.get("type") or "").strip(): str(meta.get("type") or "").strip(),
             issued_with(old): issued_with(meta)}
    keys = {number_key(number) for number in held}
    out = []
    for amendment in adopted_for(ws, original):
        if amendment.effective is None or amendment.effective > as_of or number_key(amendment.number) in keys:
            continue
        source = source_of(amendment.meta)
        if str(amendment.meta.get("language") or "vi") != language:
            number = numbered_as(source.number, document_number(old) or original, document_number(meta))
            source = dataclasses.replace(source, number=number,
                                         type=kinds.get(source.type.strip(), "") if source.type.strip() else "",
                                         title="", issuer="", issued_with="", issued_cited="")
        out.append((amendment, source))
    return out


def untranslated_message(ws: Workspace, ct: ConsolidatedText) -> str:
    """The line `export` prints when a translation's text lacks amendments of its original in force on its date."""
    from regdraft.core.commands import Command
    from regdraft.workspace.timeline import adopted_for

    original = str(ct.regulation.meta.get("translation_of") or "")
    if not original:
        return ""
    held = [a for a in adopted_for(ws, ct.regulation.id) if a.effective is not None and a.effective <= ct.as_of]
    return _lacking(ws, ct.regulation.id, ct.regulation.meta, ct.as_of, held,
                    "; a note at the head of the text says so", Command.of("export", original, as_of=ct.as_of),
                    lambda: ct.regulation)


def untranslated_shown(ws: Workspace, reg_id: str, meta: Mapping[str, Any], address: str | None,
                       as_of: dt.date | None) -> str:
    """The line `show` prints when a translation (its working text, or as of `as_of`) lacks amendments of its
    original in force on that day (today for the working text), as `export` does (`untranslated_message`)."""
    from regdraft.core.commands import Command
    from regdraft.workspace.timeline import adopted_for

    original = str(meta.get("translation_of") or "").strip()
    if not original:
        return ""
    day = as_of or dt.date.today()
    # The working text holds every amendment adopted to the translation; a text as of a date those in force then.
    held = [a for a in adopted_for(ws, reg_id) if as_of is None or (a.effective is not None and a.effective <= as_of)]
    again = Command.of("show", original, *([address] if address else []), as_of=day)
    return _lacking(ws, reg_id, meta, day, held, "", again, lambda: _text(ws, reg_id, as_of))


def _text(ws: Workspace, reg_id: str, as_of: dt.date | None) -> Regulation:
    """The translation's working text, or its text in force on `as_of`."""
    from regdraft.workspace.api import load_regulation
    from regdraft.workspace.timeline import regulation_as_of

    return load_regulation(ws, reg_id) if as_of is None else regulation_as_of(ws, reg_id, as_of)


def listed(ws: Workspace, today: dt.date | None = None) -> list[RegulationSummary]:
    """`regdraft list`'s rows (`api.list_regulations`), each translation whose working text lacks amendments of its
    original in force on `today` (default: today) with the clause `list` prints under it, in `check`'s words
    (`behind`: `01-QC/TU-EN is a translation of 01-QC/TU and does not contain its amendments in force on …:
    05-QC/TU (in force from …)`)."""
    from regdraft.workspace.api import list_regulations
    from regdraft.workspace.forced_references import excused
    from regdraft.workspace.replacements import fronts
    from regdraft.workspace.timeline import adopted_for

    day = today or dt.date.today()
    rows = list_regulations(ws, day, partial(excused, ws))
    metas = {path: meta for path, _, meta in fronts(ws) if str(meta.get("translation_of") or "").strip()}
    return [dataclasses.replace(r, behind=_behind(ws, r.id, metas[r.path], day, adopted_for(ws, r.id),
                                                  functools.partial(_text, ws, r.id, None)))
            if r.path in metas and not r.error else r for r in rows]


def _behind(ws: Workspace, reg_id: str, meta: Mapping[str, Any], day: dt.date, held: Sequence[Amendment],
            text: Callable[[], Regulation]) -> str:
    """What the translation lacks of its original's amendments in force on `day`: those none of its own adopted
    amending documents (`held`) bears the number of, then what those that bear one leave untranslated
    (`translated_amendments.partly_translated`); '' when nothing."""
    from regdraft.workspace.replacements import replaced_on
    from regdraft.workspace.translated_amendments import partly_translated

    original = meta.get("translation_of")
    if replaced_on(ws, str(original or "").strip(), day) is not None:
        return ""  # no longer in force: a new regulation replaced its original by then (r41 sweep CJ 7)
    missing = untranslated(ws, meta, day, {a.number for a in held})
    clauses = partly_translated(ws, reg_id, meta, day, held, text)
    if missing:
        listed = ", ".join(f"{a.name} (in force from {a.effective})" for a, _ in missing)
        return "; ".join([f"{reg_id} is a translation of {original} and does not contain its amendments in force "
                          f"on {day}: {listed}", *clauses])
    if clauses:
        return (f"{reg_id} is a translation of {original} and does not contain all of its amendments in force on "
                f"{day}: " + "; ".join(clauses))
    return ""


def _lacking(ws: Workspace, reg_id: str, meta: Mapping[str, Any], day: dt.date, held: Sequence[Amendment],
             said: str, again: object, text: Callable[[], Regulation]) -> str:
    """The line naming the original's amendments in force on `day` a translation lacks, '' when it lacks none."""
    clause = _behind(ws, reg_id, meta, day, held, text)
    if not clause:
        return ""
    if untranslated(ws, meta, day, {a.number for a in held}):
        return (f"{clause}{said}. The original's text on that day: `{again}`; or translate the amendments and adopt "
                f"them to {reg_id}.")
    from regdraft.workspace.translated_amendments import partly_held

    said = said if partly_held(ws, meta, day, held) else ""  # the note names untranslated instructions, not articles
    return (f"{clause}{said}. The original's text on that day: `{again}`; or translate what is missing and adopt it "
            f"to {reg_id}, unless the translation leaves it out on purpose.")


def export_amendment(ws: Workspace, slug: str, output: Path | None, fmt: str | None = None,
                     today: dt.date | None = None, *, progress: bool = False) -> Exported:
    """Write an amending document itself as PDF, DOCX or HTML, ready for signature."""
    from regdraft.render.output import Settings, choose, write
    from regdraft.workspace.amendments import load
    from regdraft.workspace.profiles import profile_for

    chosen = choose("amendment", output, fmt)
    amendment = load(ws, slug)
    target = output or ws.write_path(f"out/{slug}.{chosen}")
    # The number of the text amended, for an unnumbered draft's series when its id is a name (`SR-2026`, r39 en39 3).
    from regdraft.workspace.replacements import fronts

    amended = next((str(meta.get("number") or "") for _, _, meta in fronts(ws)
                    if amendment.regulations and str(meta.get("id") or "") == amendment.regulations[0]), "")
    settings = Settings(profile_for(ws, amendment.meta), ws.root, today or dt.date.today(), progress,
                        {"amended_number": amended})
    write("amendment", chosen, amendment, target, settings)
    return Exported(target, chosen)

"""Import an existing regulation from Word (.docx), plain text (.txt) or Markdown (.md).

`import_file(path, reg_id=...)` returns an `ImportResult`: the `Regulation`, its canonical file
text (written with `regdraft.core.markdown_writer.render`) and an `ImportReport`.

Post-conditions of `import_file`:
1. Every non-empty input paragraph is in the file text (as front matter, heading, label,
   text or table) or quoted in the report; decorative rules are listed as `skipped`.
2. The front matter has every required key; a key the header did not give holds the value
   `FIXME` with a YAML comment, and a `missing` note names it.
3. A text without any article heading raises `RegdraftError`: there is nothing to import.
4. `report.passes_check` is True exactly when `regdraft check` finds no problem in the
   written file (its structure, front matter and references); the `check` notes quote every
   problem and every warning it gives (a date in force the front matter lacks).
6. A text with no signature block or recipients after its last article gets a `warning`
   note: it may be cut off.
5. When the text is parsed back, it gives the same tree (`parse(text) == regulation`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from regdraft.core.dates import effective_unsaid
from regdraft.core.errors import RegdraftError, UsageError
from regdraft.core.frontmatter import PLACEHOLDER, dump_yaml, load_yaml
from regdraft.core.inline import as_text, without_escapes
from regdraft.core.layout import regulation_path
from regdraft.core.markdown import REQUIRED_KEYS, read, validate
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind, Regulation, Unit
from regdraft.core.parts import CONTINUED_MARKER, closing_marker, looks_closing, separate_closings
from regdraft.core.refs import missing_problems
from regdraft.core.refs.twice import twice_problems
from regdraft.core.text import fold_letters, folded_letters
from regdraft.importer.appendices import read_appendices
from regdraft.importer.archive import not_importable
from regdraft.importer.attached import attached_start, cased_by_decision, from_decision
from regdraft.importer.classify import classify, decorative
from regdraft.importer.closing import flatten_closing_tables, flatten_tables, read_closing
from regdraft.importer.document_end import (
    adoption_sentence,
    appendix_start,
    article_of,
    effective_in_final_provisions,
    signed_in_closing_sentence,
)
from regdraft.importer.gaps import gap_note, missing_units
from regdraft.importer.header import compose_title, header_end, read_as_message, read_header, text_rows
from regdraft.importer.names import state_profile
from regdraft.importer.report import ImportReport, ImportResult, Note, Paragraph

# The mark a consolidated copy `regdraft export` wrote prints in the base's signature's place (the profiles'
# `consolidated_signed`).
COPY_SIGNED = ("(Đã ký)", "(Signed)")

__all__ = ["ImportReport", "ImportResult", "Note", "Paragraph", "import_file", "import_paragraphs",
           "save_to_file", "save_to_workspace", "PLACEHOLDER"]

FORMATS = (".txt", ".md", ".markdown", ".docx")
_KEY_ORDER = ("id", "type", "title", "language", "profile", "national", "motto", "superior", "issuer", "number",
              "place", "signed", "date_line", "issued_with", "draft", "adoption", "signer", "recipients")


def import_file(path: Path, reg_id: str | None = None, language: str | None = None,
                encoding: str | None = None, target: str | None = None,
                normalise_letters: bool = False) -> ImportResult:
    """Read a .docx, .txt or .md file and build the regulation with its report.

    The words of a .docx or .txt are text, never Markdown: written so that they print as they stand (`as_text`);
    a .md file's inline Markdown (`*nghiêng*`) is kept as such.

    `target` is the file the text will be written to, named by the report's notes (default
    `regulations/<id>.md`, where `save_to_workspace` commits it).
    """
    if reg_id is not None:
        check_id(reg_id, "The number given", options=("reg_id",))
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(not_importable(path, suffix))
    data = path.read_bytes()
    if suffix != ".docx":
        from regdraft.importer.copies import consolidated_copy

        if (copy := consolidated_copy(data, path.name, reg_id, target)) is not None:
            return copy
    if suffix == ".docx":
        from regdraft.importer.docx import embedded_front_matter, read_docx

        paragraphs, used, notes = read_docx(data, path.name, encoding)
        embedded = embedded_front_matter(data, path.name, notes)
        unit = "paragraph"
    else:
        from regdraft.importer.plaintext import read_text

        paragraphs, used, notes = read_text(data, path.name, encoding, markdown=suffix != ".txt")
        embedded, unit = None, "line"
    return import_paragraphs(paragraphs, path.name, unit, used, notes, reg_id=reg_id, language=language,
                             target=target, normalise_letters=normalise_letters, embedded=embedded,
                             markdown=suffix in (".md", ".markdown"))


def _checked(reg: Regulation, target: str) -> tuple[str, list[Note], bool, bool]:
    """The file text of `reg` and a `check` note for every problem in it, and every warning `check` gives (a date
    in force the front matter lacks): the verdict is the real check's, the written text read back as `target`,
    its structure and references; True when it passes (warnings alone, as `check` exits 0); and True when what
    fails is only units missing from the numbering (a unit deleted: `gaps`)."""
    text = render(reg)
    reading = read(text, target)
    problems = [*reading.problems, *missing_problems(reading.regulation), *twice_problems(reading.regulation),
                *reading.warnings]
    if "effective" not in reading.regulation.meta:
        problems.extend(effective_unsaid(reading.regulation))
    after_gaps = {line for _, line in missing_units(reading.regulation)}
    failing = [p for p in problems if not p.warning]
    return (text, [Note(0, "check", f"{target}:{p.line}: {'warning: ' if p.warning else ''}{p.message}")
                   for p in sorted(problems, key=lambda p: p.line)], not failing,
            bool(failing) and all(p.line in after_gaps for p in failing))


# A document number: letters and digits, with `-`, `/` and `.` between them (`01-QC/TU`,
# `24-QĐ/TW`, `12/2012/QH13`, `1.2-HD`); it names a file under regulations/, so nothing that
# could climb out of that folder (`..`, a leading dot or slash) is accepted.
_DOCUMENT_NUMBER = re.compile(r"[^\W_](?:[-/.]?[^\W_])*")
ID_BYTES = 200  # a document number's longest, in UTF-8: its file name, with `.md`, well within 255 bytes


def check_id(reg_id: str, given_as: str, hint: str = "", options: tuple[str, ...] = ()) -> str:
    """`reg_id` when it is a document number; otherwise a `UsageError` saying what one looks like (the id quoted with
    its control characters escaped). A number whose file name (`/` written `-`, then `.md`) would pass the 255 bytes
    a file system allows is refused here, not at the end of an adoption (r42 sweep CI F2)."""
    from regdraft.core.text import shown_text

    if len(reg_id.encode("utf-8")) > ID_BYTES and _DOCUMENT_NUMBER.fullmatch(reg_id):
        raise UsageError(f"{given_as} is {len(reg_id.encode('utf-8'))} bytes long: a document number of at most "
                         f"{ID_BYTES} bytes names a file a file system can hold.", options=options)
    if _DOCUMENT_NUMBER.fullmatch(reg_id):
        return reg_id
    raise UsageError(
        f"{given_as} '{shown_text(reg_id)}' is not a document number: use letters and digits with '-', '/' or '.' "
        f"between them, e.g. 01-QC/TU (no spaces, no '..', no leading or trailing '.', '/' or '-').{hint}",
        options=options,
    )


def detect_language(paragraphs: Sequence[Paragraph]) -> str:
    """`en` when English article headings outnumber Vietnamese ones, else `vi`."""
    vi = sum(1 for p in paragraphs if fold_letters(p.text[:5]) == "Điều ")
    en = sum(1 for p in paragraphs if re.match(r"^Article \d", p.text))
    return "en" if en > vi else "vi"


def import_paragraphs(paragraphs: Sequence[Paragraph], source: str, unit: str, encoding: str,
                      notes: Sequence[Note] = (), reg_id: str | None = None,
                      language: str | None = None, target: str | None = None,
                      normalise_letters: bool = False, embedded: Mapping[str, Any] | None = None,
                      markdown: bool = False) -> ImportResult:
    """Build a regulation from input paragraphs (the format-independent part of the import).

    `embedded` is the front matter a Word file exported by regdraft carries in its properties. Without `markdown`,
    the paragraphs are text: a `*`, `_`, `[`, `<`, `&` or backslash that Markdown would read as something else
    (`2*3*4`, `__x__`, `&amp;`) is escaped in the file, so every output prints the source's characters (`as_text`).
    """
    all_notes = list(notes)
    if normalise_letters:
        paragraphs = _normalised(paragraphs, all_notes)
    language = language or detect_language(paragraphs)
    if language not in ("vi", "en"):
        raise UsageError(f"Unknown language '{language}'; use vi or en.")
    # A decision followed by the regulation it issues: the regulation is imported (importer.attached).
    decision: Sequence[Paragraph] = ()
    read = paragraphs
    if (attached := attached_start(paragraphs)) is not None:
        decision, read = paragraphs[:attached], paragraphs[attached:]
    # Layout tables in the header and the signature block are read as their lines.
    end = header_end(read)
    items = flatten_tables(text_rows(read[:end])) + list(read[end:])
    header = read_header(items)
    from regdraft.importer.copies import AUTHENTICATION, issued_copy, issued_notes

    # A consolidated copy a consolidating body issued: its header, opening and authentication are the copy's.
    opening = issued_copy(header, items)
    left_out = items[header.body_start:header.body_start + (opening or 0)]
    items = [*items[:header.body_start], *items[header.body_start + (opening or 0):]]
    all_notes.extend(header.notes)
    tail = flatten_closing_tables(items[header.body_start:])
    closing = read_closing(tail, 0)
    if decision:
        closing, issuing = from_decision(decision, header.meta, closing, read[0].where)
        all_notes.extend(issuing)
    appendices: list[Paragraph] = []
    if not closing.signer and not closing.recipients:
        # Appendices (`PHỤ LỤC I`, forms and tables) after the signature block (Nghị định 63/2010): it is read
        # before them.
        cut = appendix_start(items[header.body_start:], language)
        appendices = list(items[header.body_start:][cut:])
        if appendices:
            tail = flatten_closing_tables(items[header.body_start:][:cut])
            closing = read_closing(tail, 0)
    authenticated = opening is not None and any(AUTHENTICATION.search(str(v)) for v in closing.signer.values())
    if authenticated:  # signed by the copy's signer: the text is whole, its signature the copy's
        closing.notes = [n for n in closing.notes if not re.search(r"'(signer|recipients)\b", n.message)]
        all_notes.append(Note(0, "skipped", "The consolidated copy's authentication (XÁC THỰC VĂN BẢN HỢP NHẤT, its "
                              "signer and recipients) was left out: it is the copy's, not the regulation's.",
                              " ".join(v for v in closing.signer.values() if v)))
        closing.signer.clear()
        closing.recipients.clear()
    all_notes.extend(closing.notes)
    if header.consolidated and closing.signer.get("note") in COPY_SIGNED:
        # A consolidated copy marks the base's signature as a copy's (docs/export.md): the mark is the copy's.
        all_notes.append(Note(0, "skipped", "The consolidated copy's mark in the signature's place was left out: it "
                              "is not part of the regulation.", closing.signer.pop("note")))
    body_end = closing.body_end
    appended = read_appendices(_text(_markdown_rows(appendices), markdown), language, all_notes) if appendices else None
    if not appendices:
        # Appendices before the signature (a copy regdraft exported prints them after it); taken only when they
        # read as appendices: a paragraph of the last article may start with `Phụ lục I …` too.
        cut = appendix_start(tail[:closing.body_end], language)
        appended = read_appendices(_text(_markdown_rows(tail[cut:closing.body_end]), markdown), language, all_notes)
        if appended is not None:
            body_end = cut
    if appended is not None:
        appendices = []
    elif appendices:
        all_notes.append(Note(appendices[0].where, "warning", "The appendices from here on are not numbered as "
                              "regdraft reads them (`PHỤ LỤC I`, `PHỤ LỤC 2`), so they were kept as text of the "
                              "last provision, and an instruction amending that provision would carry them. Number "
                              "them, or keep them in a document of their own if they are not amended with it.",
                              appendices[0].text))
    body = []
    for para in _markdown_rows([*tail[:body_end], *appendices]):
        if para.rows is None and decorative(para.text) and not para.text.startswith(("- ", "+ ")):
            all_notes.append(Note(para.where, "skipped", "A decorative line was left out.", para.text))
        else:
            body.append(para)
    # A law's adoption sentence closes the document: it is kept in the front matter and printed after the last
    # article, so that no instruction on the last clause quotes it and no article appended after it ends up after it.
    adoption = body.pop() if body and adoption_sentence(body[-1]) else None
    if adoption is not None:
        header.meta["adoption"] = adoption.text
        all_notes.append(Note(adoption.where, "closing", "The adoption sentence was kept as the front-matter key "
                              "'adoption'; exports print it after the last article.", adoption.text))
    preamble, units = classify(_text([*header.preamble, *body], markdown), language, all_notes)
    if not any(_has_article(unit) for unit in units):
        raise RegdraftError(
            f"{source}: no article headings (`Điều 1`, `Điều 2` ... or `Article 1` ...) were found, so there is "
            "no regulation to import; nothing was written."
        )
    if "signed" not in header.meta:
        adopted = signed_in_closing_sentence([*body, *([adoption] if adoption is not None else [])])
        if adopted is not None:
            header.meta["signed"] = adopted[1]
            all_notes.append(Note(adopted[0].where, "header", "The header gives no date; the date the text was "
                                  "adopted was read as the front-matter key 'signed'.", adopted[0].text))
    if "effective" not in header.meta:
        takes_effect = effective_in_final_provisions(body, language)
        if takes_effect is not None:
            header.meta["effective"] = takes_effect[1]
            article = article_of(body, takes_effect[0])  # the article on entry into force, not the header
            all_notes.append(Note(takes_effect[0].where, "article", f"Read from {article or 'the text'} as the "
                                  "front-matter key 'effective' (the date the text takes effect).",
                                  takes_effect[0].text))
    title, title_notes = compose_title(header, [without_escapes(p) for p in preamble])  # the front matter is text
    if decision and title:
        title, cased = cased_by_decision(title, decision)
        title_notes = [*title_notes, *cased]
    all_notes.extend(title_notes)
    if title:
        header.meta["title"] = title
    profile_note = state_profile(header.meta, [p.text for p in items[:header.body_start]])
    all_notes.extend([profile_note] if profile_note else [])
    found = _with_embedded(header.meta, closing.signer, closing.recipients, embedded, all_notes)
    if opening is not None:
        all_notes.extend(issued_notes(left_out, found, bool(embedded)))
    meta = _front_matter(found, found.pop("signer", {}), found.pop("recipients", []), reg_id, language,
                         tuple(embedded or ()))
    if meta.get("number") == meta.get("id"):
        meta.pop("number", None)
    all_notes = _number_written(all_notes, header.meta.get("number"), meta)
    front, missing = dump_front_matter(meta)
    all_notes.extend(Note(0, "missing", f"The header gives no '{key}'; the file says {PLACEHOLDER} there: fill it in.")
                     for key in missing)
    relative = regulation_path(str(meta['id']))
    split = [separate_closings(unit) for unit in units]
    units = tuple(unit for unit, _ in split) + (appended or ())
    reg = Regulation(front, preamble, units, _loaded(front), relative)
    all_notes.extend(_closing_notes(reg, [id(holder) for _, found in split for holder in found]))
    all_notes.extend(_article_closing_notes(reg))
    target = target or relative
    all_notes.extend(Note(p.line, "numbering", p.message) for p in validate(reg))
    if not closing.signer and not closing.recipients and body and not authenticated:
        last = body[-1]
        ends = ("The last article is followed by the appendices, with no signature block or list of recipients "
                "before or after them" if appended else "The file ends inside the text of an article, with no "
                "signature block or list of recipients after it")
        all_notes.append(Note(last.where, "warning", f"{ends}: it may be cut off. Compare the end with the source "
                              "document.", last.text))
    all_notes.extend([note] if (note := gap_note(missing_units(reg), reg.language, unit)) else [])
    text, checked, passes, gapped = _checked(reg, target)
    all_notes.extend(checked)
    report = ImportReport(source, unit, encoding, tuple(all_notes), passes, gapped)
    return ImportResult(reg, text, report, tuple(paragraphs))


def _closing_notes(reg: Regulation, holders: list[int]) -> list[Note]:
    """Say where paragraphs after a last point were read as the closing text of the unit above."""
    notes = []
    for loc in reg.walk():
        if id(loc.unit) in holders:
            where = loc.address.describe(reg.language)
            last = loc.address.child(loc.unit.children[-1].kind, loc.unit.children[-1].label).describe(reg.language)
            lead = [t for t in loc.unit.text if not t.startswith(("- ", "+ "))]
            listed = bool(lead) and lead[-1].rstrip().endswith(":")
            part, why = (("the point", "it starts a new sentence after a list") if listed
                         else ("the clause", "it starts a new sentence that names the article itself"))
            notes.append(Note(loc.unit.children[-1].line, "info", (
                f"The paragraph after {last} is read as the closing text (đoạn cuối) of {where}, not as part of "
                f"{part}: {why}. If it belongs to {part}, put '{CONTINUED_MARKER[reg.language]}' before it in the "
                "written file."), loc.unit.closing[0]))
    return notes


def _article_closing_notes(reg: Regulation) -> list[Note]:
    """Warn where a paragraph kept in an article's last clause reads like the article's closing text.

    Only a list announced by ':', or a sentence naming the article itself ("Chính phủ quy định chi tiết Điều
    này."), is split off by itself (`separate_closings`); a paragraph that only cites the article's clauses
    ("… quy định tại khoản 1 Điều này.") after the last clause stays in the clause, marked as its continuation
    in the written file, and the drafter is told how to say otherwise.
    """
    notes = []
    for loc in reg.articles():
        article = loc.unit
        last = article.children[-1] if article.children else None
        if last is None or last.children or article.closing or last.kind is not Kind.CLAUSE:
            continue
        for i in range(1, len(last.text)):
            paragraph = last.text[i]
            if (not paragraph.startswith(("- ", "+ ")) and not looks_closing(article.text, last.text[i - 1], paragraph)
                    and looks_closing(article.text, last.text[i - 1], paragraph, Kind.ARTICLE)):
                clause = loc.address.child(Kind.CLAUSE, last.label).describe(reg.language)
                marker = closing_marker(Kind.ARTICLE, article.label, reg.language)
                notes.append(Note(last.line, "warning", (
                    f"This paragraph is kept in {clause} (the written file puts "
                    f"'{CONTINUED_MARKER[reg.language]}' before it), but it reads like the closing text of "
                    f"{loc.address.describe(reg.language)}; if it closes the article, write '{marker}' there "
                    "instead."), paragraph))
                break
    return notes


def _same(a: Any, b: Any) -> bool:
    """Two front-matter values that differ at most in capitals and spacing (a printed header
    shows titles in capitals; the export's own value keeps their real case)."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        # The printed signature shows some keys (not `note`): those it shows must agree.
        return all(k in b and _same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def _with_embedded(found: dict[str, Any], signer: dict[str, str], recipients: list[str],
                   embedded: Mapping[str, Any] | None, notes: list[Note]) -> dict[str, Any]:
    """The header's keys, completed and made exact by the front matter a regdraft export stored.

    A key the printed header does not give is taken from the stored front matter; one it gives
    takes the stored value when the two differ only in capitals or spacing; where they differ
    in substance (the Word file was edited), the printed header stands and a note says so.
    """
    meta: dict[str, Any] = {**found, "signer": signer, "recipients": recipients}
    if not embedded:
        return meta
    taken, kept = [], []
    printed = meta.get("number")
    if printed is not None and any(_same(printed, embedded.get(k)) for k in ("id", "number", "translation_of")):
        # The printed number is the stored document's (a translation prints its original's).
        meta.pop("number")
    for key, value in embedded.items():
        if key == "language" or value in (None, ""):
            continue
        if meta.get(key) in (None, "", {}, []) or _same(meta[key], value) or (
                key == "title" and " ".join(str(meta[key]).split()).casefold().endswith(
                    " ".join(str(value).split()).casefold())):
            # A title composed from the printed type and summary (`Regulation Working Regulations
            # ...`) may carry the type twice; the stored title is the exact one.
            meta[key] = value
            taken.append(key)
        else:
            kept.append(key)
    notes.append(Note(0, "header", "The front matter regdraft export stored in the file's properties gave "
                      f"{', '.join(taken) or 'nothing'}." + (f" The printed header differs from it in "
                                                             f"{', '.join(kept)}; the printed values were kept."
                                                             if kept else "")))
    return meta


def _normalised(paragraphs: Sequence[Paragraph], notes: list[Note]) -> list[Paragraph]:
    """`--normalise-letters`: every lookalike letter replaced and stray mark dropped, each line noted."""
    out = []
    for para in paragraphs:
        rows = None if para.rows is None else tuple(tuple(fold_letters(c) for c in row) for row in para.rows)
        text = fold_letters(para.text)
        changed = [*folded_letters(para.text), *(c for row in para.rows or () for cell in row
                                                 for c in folded_letters(cell))]
        if changed:
            notes.append(Note(para.where, "letters", f"Letters normalised: {'; '.join(dict.fromkeys(changed))}.",
                              para.text))
        out.append(Paragraph(text, para.where, rows, para.heading))
    return out


def _has_article(unit: Unit) -> bool:
    return unit.kind is Kind.ARTICLE or any(_has_article(child) for child in unit.children)


def _number_written(notes: list[Note], printed: Any, meta: Mapping[str, Any]) -> list[Note]:
    """The header note on the printed number naming the key it was written as: `id` when it names the file
    (`Luật số: 12/2012/QH13` gives `id: 12/2012/QH13`), `number` only when the file keeps that key."""
    if printed is None or _same(printed, meta.get("number")):
        return notes
    key = next((k for k in ("id", "translation_of") if _same(printed, meta.get(k))), "id")
    said = read_as_message("number")
    return [dataclasses.replace(note, message=read_as_message(key))
            if note.category == "header" and note.message == said else note for note in notes]


def _text(paragraphs: Sequence[Paragraph], markdown: bool) -> list[Paragraph]:
    """The paragraphs of a text (not `markdown`) with their words, and their table cells', as Markdown that reads
    as they stand (`core.inline.as_text`): what Markdown would read as emphasis, a link or a character reference
    escaped; a Markdown file's paragraphs as they are."""
    if markdown:
        return list(paragraphs)
    return [dataclasses.replace(p, text=as_text(p.text), rows=None if p.rows is None else
                                tuple(tuple(as_text(cell) for cell in row) for row in p.rows)) for p in paragraphs]


def _markdown_rows(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Body lines written as Markdown table rows (`| a | b |`, `|---|---|`) as the tables they are."""
    out: list[Paragraph] = []
    run: list[Paragraph] = []
    for para in [*paragraphs, None]:
        if para is not None and para.rows is None and para.text.startswith("|") and para.text.endswith("|"):
            run.append(para)
            continue
        if run:
            out.extend(text_rows(run))
            run = []
        if para is not None:
            out.append(para)
    return out


def _front_matter(found: dict[str, Any], signer: dict[str, str], recipients: list[str],
                  reg_id: str | None, language: str, order: Sequence[str] = ()) -> dict[str, Any]:
    meta: dict[str, Any] = dict(found)
    meta["id"] = reg_id or found.get("id") or found.get("number")
    if not meta["id"]:
        raise UsageError("The header gives no document number; name the regulation (e.g. 01-QC/TU).",
                         options=("reg_id",))
    if not reg_id:
        check_id(str(meta["id"]), "The header's number", " Name the regulation.", ("reg_id",))
    meta["language"] = language
    if signer:
        meta["signer"] = signer
    if recipients:
        meta["recipients"] = recipients
    for key in REQUIRED_KEYS:
        meta.setdefault(key, None)
    # Keys in the order of the front matter a regdraft export stored, else in the usual order.
    ordered = {key: meta[key] for key in (*order, *_KEY_ORDER) if key in meta}
    ordered.update({k: v for k, v in meta.items() if k not in ordered})
    return ordered


def dump_front_matter(meta: dict[str, Any]) -> tuple[str, list[str]]:
    """YAML for the front matter, one line per value; missing required keys become FIXME."""
    missing = [key for key in REQUIRED_KEYS if meta.get(key) in (None, "")]
    lines = []
    for key, value in meta.items():
        if key in missing:
            lines.append(f"{key}: {PLACEHOLDER}  # regdraft import: not found in the header; fill in")
            continue
        lines.append(dump_yaml({key: value}, allow_unicode=True, sort_keys=False,
                                    default_flow_style=False, width=1_000_000).rstrip("\n"))
    return "\n".join(lines), missing


def _loaded(front: str) -> dict[str, Any]:
    data = load_yaml(front)
    return data if isinstance(data, dict) else {}

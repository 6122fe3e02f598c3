"""Import an existing amending document (.docx, .txt, .md) as `amendments/<slug>/amendment.md`.

`import_amendment(path, slug, regulations)` reads the header (number, type, title, signing
date), the preamble, every article, and the effective date the entry-into-force article
states; it finds the articles that amend a regulation of the workspace by what their
headings name (`Điều 4. Sửa đổi, bổ sung một số điều của Luật Đấu thầu`, `... Nghị định số
63/2010/NĐ-CP ...`: `regdraft.importer.amending_articles`) and writes the document in the amendment
format, every word as the source has it.

Post-conditions of `import_amendment`:
1. Every non-empty input paragraph is in the file text or quoted in the report.
2. The file is read back with `read_amendment`: each paragraph it cannot place, each
   instruction it cannot read and each typing slip it reads with a warning is a note naming
   the input line; `report.passes_check` is True exactly when it reads without a problem.
3. Articles amending documents that are not in the workspace are kept as text and named in
   an `info` note; if no article amends a regulation of the workspace, `RegdraftError`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from regdraft.core.amend.document import Amendment, read_amendment
from regdraft.core.commands import Command
from regdraft.core.dates import DATE_LINE, date_line
from regdraft.core.errors import RegdraftError, UsageError
from regdraft.core.inline import as_text, as_words
from regdraft.core.model import Kind, noun
from regdraft.importer.amending_articles import DocumentArticle, amended_regulations, articles_of, first_article
from regdraft.importer.archive import not_importable
from regdraft.importer.classify import table_markdown
from regdraft.importer.closing import flatten_closing_tables, flatten_tables, read_closing
from regdraft.importer.document_end import adoption_sentence
from regdraft.importer.header import (
    ISSUING,
    Header,
    compose_title,
    converted_title,
    header_end,
    read_as_message,
    read_header,
    read_place_date,
    text_rows,
)
from regdraft.importer.names import state_profile
from regdraft.importer.report import ImportReport, Note, Paragraph

_NUMBER = re.compile(r"(?:^|[|\s])(?:(?:Luật\s+|Nghị định\s+|Quyết định\s+|Thông tư\s+)?[Ss]ố|No\.?)\s*:?\s*"
                     r"(?P<number>[\w.]+(?:[/-][\w.Đđ-]+)+)")
_OWN_NUMBER = re.compile(r"(?:^|\|)\s*(?:Số|No\.?)\s*:?\s*[\w.]+(?:[/-][\w.Đđ-]+)+")  # the header's own line
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_EFFECTIVE = re.compile(r"có hiệu lực(?: thi hành)?(?: kể)? từ ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
                        re.I)
# The preamble's grounds (`Căn cứ …;`, `Pursuant to …;`); its issuing sentence (`Quốc hội ban hành Luật …`, `The
# Executive Board issues the Rules …`) is the one `regdraft import` reads (`header.ISSUING`).
_GROUNDS = re.compile(r"^(?:Căn cứ|Theo đề nghị|Xét đề nghị|Thực hiện|Để\s|Pursuant to|At the (?:proposal|request) "
                      r"of|In order to)", re.I)
_CLAUSE = re.compile(r"^(\d+[a-z]?)\.(\s)")


@dataclass(frozen=True, slots=True)
class AmendmentImport:
    """An imported amending document: its file text, what it reads as, and the report."""

    slug: str
    text: str
    report: ImportReport
    amendment: Amendment | None
    targets: Mapping[str, str]  # amending article label -> regulation id


def import_amendment(path: Path, slug: str, regulations: Mapping[str, Mapping[str, Any]],
                     encoding: str | None = None, chosen: Sequence[str] = ()) -> AmendmentImport:
    """Read an amending document; `regulations` maps each workspace regulation id to its front matter."""
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".md", ".markdown", ".docx"):
        raise UsageError(not_importable(path, suffix))
    data = path.read_bytes()
    if suffix == ".docx":
        from regdraft.importer.docx import read_docx

        paragraphs, used, notes = read_docx(data, path.name, encoding)
        unit = "paragraph"
    else:
        from regdraft.importer.plaintext import read_text

        paragraphs, used, notes = read_text(data, path.name, encoding, markdown=suffix != ".txt")
        unit = "line"
    return read_paragraphs(paragraphs, path.name, unit, used, notes, slug, regulations, chosen,
                           markdown=suffix in (".md", ".markdown"))


def read_paragraphs(paragraphs: Sequence[Paragraph], source: str, unit: str, encoding: str, notes: Sequence[Note],
                    slug: str, regulations: Mapping[str, Mapping[str, Any]], chosen: Sequence[str] = (),
                    markdown: bool = False) -> AmendmentImport:
    """The format-independent part of `import_amendment`. Without `markdown` (a .txt or .docx) the words are text,
    written as `regdraft import` writes a regulation's (`core.inline.as_text`), so that quoted new text reads as
    typed and quoted words read as the words of the text they change (`_as_words`)."""
    all_notes = list(notes)
    # A header laid out as text rows (`QUỐC HỘI | CỘNG HÒA …`, `Luật số: 57/2024/QH15 | Hà Nội, ngày …`) is read
    # as the table it is, left column first, as `regdraft import` reads a regulation's.
    end = header_end(paragraphs)
    items = flatten_tables(text_rows(paragraphs[:end])) + list(paragraphs[end:])
    # The signature block and recipients laid out as a table (`| Nơi nhận: - …; - … | TM. CHÍNH PHỦ THỦ TƯỚNG … |`,
    # `/ E-pas: 113577 | CHỦ TỊCH QUỐC HỘI`) are read as their lines, as `regdraft import` reads them.
    closing_lines = _without_stamps(flatten_closing_tables(items[-4:]), all_notes) if len(items) > end + 4 else []
    # A Word table in the body (an appendix's rows, a table in quoted new text) is kept where it stands as the
    # Markdown table `regdraft import` writes for a regulation's.
    items = [_as_text(p, markdown) for p in _rows(items[:-4] if closing_lines else items)]
    items += [_as_text(p, markdown) for p in _rows(closing_lines)]
    first = first_article(items)
    if first is None:
        raise RegdraftError(f"{source}: no article headings (`Điều 1`, `Điều 2` ... or `Article 1` ...) were found, so "
                            "there is no amending document to import; nothing was written.")
    from regdraft.importer import detect_language

    language = detect_language(items)
    word = noun(Kind.ARTICLE, language)
    header = read_header(items[:first])
    meta: dict[str, Any] = {k: v for k, v in header.meta.items() if k in ("type", "title", "issuer", "national",
                                                                           "motto", "place", "superior")}
    preamble: list[str] = []
    # The converter's title above the header is left out as the header left it when the header gives the number
    # itself (`Số: …`); with no such line, the title's number is the document's, not one its grounds cite.
    own_number = any(_OWN_NUMBER.search(p.text) for p in items[1:first])
    for index, para in enumerate(items[:first]):
        if own_number and converted_title(index, para.text):
            all_notes.extend(n for n in header.notes if n.where == para.where and n.category == "skipped")
            continue
        # A preamble sentence may cite numbers and dates (`ban hành Luật sửa đổi … Luật Quy hoạch số
        # 21/2017/QH14`): it is preamble unless it is the line the number was read from.
        number = _NUMBER.search(para.text)
        numbered = number is not None and "number" not in meta
        if number and numbered:
            meta["number"] = number.group("number")
            all_notes.append(Note(para.where, "header", "Read as the front-matter key 'number'.", para.text))
        date = _DATE.search(para.text)
        dated = False
        if date and "signed" not in meta and (numbered or "|" in para.text or para.text.startswith(("Hà Nội", "TP"))):
            meta["signed"] = _date(date)
            dated = True
            all_notes.append(Note(para.where, "header", _signed_as(meta, para.text), para.text))
        elif "signed" not in meta and (placed := read_place_date(para.text)) is not None:
            # `Hanoi, May 14, 2013`; `Điện Biên, ngày 15 tháng 6 năm 2026` (any place: a Party header's line, as
            # `amend export` writes it, beside the motto)
            meta["signed"], dated = placed[1].isoformat(), True
            all_notes.append(Note(para.where, "header", _signed_as(meta, para.text), para.text))
        read = _header_notes(header, meta).get((para.where, para.text))
        # A line the header read as its title stays the title though it names the verb (`Về việc ban hành Quy chế …`)
        if (_GROUNDS.match(para.text) or (ISSUING.search(para.text) and read is None)) and not numbered:
            preamble.append(para.text)
        elif not numbered and not dated:
            all_notes.append(read or Note(para.where, "skipped", "Left out: this line before the first article was "
                                          "read neither as a front-matter key, nor as the title, nor as preamble; "
                                          "copy it into the file if it belongs there.", para.text))
    title, title_notes = compose_title(header, preamble)
    all_notes.extend(title_notes)
    if title:
        meta["title"] = title
    profile_note = state_profile(meta, [p.text for p in items[:first]])
    all_notes.extend([profile_note] if profile_note else [])
    issuer = str(meta.get("issuer") or "")
    if "|" in issuer or "--" in issuer:  # a header laid out as a table row: the issuer is its first cell
        issuer = re.split(r"\s*(?:\||-{2,})\s*", issuer)[0] or str(meta.get("superior") or "")
        meta["issuer"] = issuer or str(meta.get("superior") or "")
    closing = read_closing(items, first)
    body = items[first:closing.body_end]
    all_notes.extend(closing.notes)
    if closing.signer:
        meta["signer"] = closing.signer
    if closing.recipients:
        meta["recipients"] = closing.recipients
    if body and adoption_sentence(body[-1]):  # `Luật này được Quốc hội … thông qua ngày …`: the document's own
        meta["adoption"] = body[-1].text
        all_notes.append(Note(body[-1].where, "closing", "The adoption sentence was kept as the front-matter key "
                              "'adoption'; `amend export` prints it after the last article.", body[-1].text))
        body = body[:-1]
    articles = articles_of(body)
    targets, target_notes = amended_regulations(articles, regulations, chosen, word)
    all_notes.extend(target_notes)
    if not targets:
        names = ", ".join(sorted(regulations)) or "none"
        raise RegdraftError(
            f"{source}: no article amends a regulation of this workspace (its regulations: {names}); import the "
            "regulation it amends first, or name it. Nothing was written.", options=("regulations",))
    effective = next((day for a in articles for p in a.paragraphs
                      if a.label not in targets and (day := _effective(p.text, language))), None)
    if not markdown:
        preamble, articles = [as_text(p) for p in preamble], [_as_words(a) for a in articles]
    text, lines = _render(meta, targets, preamble, articles, effective, language)
    relative = f"amendments/{slug}/amendment.md"
    amendment, problems = read_amendment(text, relative, slug)
    signing = _from_signing(amendment, meta) if effective is None else None
    if signing is not None:  # `có hiệu lực kể từ ngày ký`, `sau 45 ngày kể từ ngày ký`: from the header's date
        effective, (article, sentence, line) = signing
        text, lines = _render(meta, targets, preamble, articles, effective, language)
        amendment, problems = read_amendment(text, relative, slug)
        all_notes.append(Note(lines.get(line, 0), "info", f"{article} says when the document takes effect from its "
                              f"signing ({meta['signed']}, the header's date): read as 'effective' {effective}.",
                              sentence))
    if amendment is not None and not problems:
        marked, lines = _closing_marks(text, lines, amendment, language, all_notes)
        if marked != text:
            text = marked
            amendment, problems = read_amendment(text, relative, slug)
    def source_lines(message: str) -> str:  # `line 5`, `lines 5, 9, 12` of the Markdown -> of the document read
        return re.sub(r"\b(lines?) (\d+(?:, \d+)*)", lambda m: m.group(1) + " " + ", ".join(
            str(lines.get(int(n), n)) for n in m.group(2).split(", ")), message)

    for problem in problems:
        category = "unclassified" if "neither an instruction nor quoted" in problem.message else "check"
        all_notes.append(Note(lines.get(problem.line, 0), category, source_lines(problem.message)))
    for warning in amendment.warnings if amendment is not None else ():
        all_notes.append(Note(lines.get(warning.line, 0), "warning", source_lines(warning.message)))
    if effective is None:
        all_notes.append(Note(0, "missing", "No article says when the document takes effect; give the date when "
                                            f"adopting it: `{Command.of('amend adopt', slug, effective=None)}`."))
    report = ImportReport(source, unit, encoding, tuple(all_notes), not problems)
    return AmendmentImport(slug, text, report, amendment, targets)


def _header_notes(header: Header, meta: Mapping[str, Any]) -> dict[tuple[int, str], Note]:
    """What the header block made of each of its lines, by line and text: the front-matter keys the amendment keeps
    with the value the line gave, the title, the decorative lines left out."""
    notes: dict[tuple[int, str], Note] = {}
    for note in header.notes:
        keys = re.findall(r"'(\w+)'", note.message) if note.message.startswith("Read as the front-matter key") else []
        if (keys and all(key in meta and str(meta[key]) == str(header.meta.get(key)) for key in keys)) \
                or note.message == "Read as part of the title." or note.category == "skipped":
            notes.setdefault((note.where, note.text), note)
    return notes


def _as_text(para: Paragraph, markdown: bool) -> Paragraph:
    """A paragraph as a line of the file: a table (a Word table left in the body) as its Markdown table, its cells
    text (`as_text`) unless the document is `markdown`, as `regdraft import` writes a regulation's."""
    if para.rows is None:
        return Paragraph(para.text, para.where)
    rows = para.rows if markdown else tuple(tuple(as_text(cell) for cell in row) for row in para.rows)
    return Paragraph(table_markdown(rows), para.where)


_QUOTED = re.compile(r"“([^“”\n]*)”|\"([^\"\n]*)\"")


def _as_words(article: DocumentArticle) -> DocumentArticle:
    """An article's paragraphs as text (`as_text`, as `regdraft import` writes a regulation's paragraphs), the words
    an instruction quotes on its own line (`Thay thế cụm từ “2*3*4” bằng cụm từ “5*6*7”`) escaped wherever Markdown
    could read them (`as_words`): the new words go into another paragraph, where a `*` read as typed on this line
    may meet another. A quotation's own paragraphs (quoted new text) are escaped as a regulation's are."""
    out, depth = [], 0
    for para in article.paragraphs:
        if para.text.startswith("|"):  # a table, its cells written as text already (`_as_text`)
            out.append(para)
            continue
        text = as_text(para.text)
        if depth == 0 and not para.text.startswith(("“", '"')):
            text = _QUOTED.sub(lambda m: m.group(0)[0] + as_words(m.group(1) if m.group(1) is not None
                                                                 else m.group(2)) + m.group(0)[-1], text)
        out.append(Paragraph(text, para.where))
        depth = max(0, depth + para.text.count("“") - para.text.count("”"))
        if re.search(r"(?:”|’’)[.;,]?$", para.text):
            depth = 0  # a quotation ends with its paragraph, whatever quotes it held (`articles_of`)
    return DocumentArticle(article.label, article.title, article.where, out)


def _rows(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Header lines written as Markdown table rows (`| Số: 48/2013/NĐ-CP | Hà Nội, ngày ... |`) as their cells."""
    out: list[Paragraph] = []
    for para in paragraphs:
        text = para.text.strip()
        if text.startswith("|") and text.endswith("|"):
            cells = [c.strip() for c in text.strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue  # the separator row
            out.extend(Paragraph(c, para.where) for c in cells if c)
        else:
            out.append(para)
    return out


_STAMP = re.compile(r"[/\s]*E-?pas\s*:\s*\d+", re.I)  # the National Assembly's e-filing number, printed by a signature


def _without_stamps(paragraphs: Sequence[Paragraph], notes: list[Note]) -> list[Paragraph]:
    """The lines of the closing without an electronic filing stamp beside the signature (`/ E-pas: 113577` in
    Luật 57/2024's row `/ E-pas: 113577 | CHỦ TỊCH QUỐC HỘI`), noted as left out."""
    out = []
    for para in paragraphs:
        if para.rows is None and _STAMP.fullmatch(para.text):
            notes.append(Note(para.where, "skipped", "An electronic filing stamp beside the signature was left out.",
                              para.text))
        else:
            out.append(para)
    return out


_QUOTE_ENDS = re.compile(r"^[“\"]|[”\"][.;]?$")  # a quote's marks around its first and last paragraphs


def _closing_marks(text: str, lines: dict[int, int], amendment: Amendment, language: str,
                   notes: list[Note]) -> tuple[str, dict[int, int]]:
    """The file with the closing texts of its quoted units marked, as `regdraft import` reads a regulation's.

    A quote has no markers: a paragraph after the last point of a quoted clause was read as part of that point
    (Luật 57/2024's new Điều 42: `Việc ký kết hợp đồng chỉ được thực hiện sau khi …` after điểm đ closes khoản 3).
    Where `parts.separate_closings` finds such a paragraph, `<!-- đoạn cuối khoản 3 -->` goes before it, and a
    note says so. Also the line map, moved past the lines put in.
    """
    from regdraft.core.amend.grammar import InsertUnit, ReplaceUnit
    from regdraft.core.parts import closing_marker, separate_closings

    rows = text.split("\n")
    inserts: list[tuple[int, str]] = []
    for ins in amendment.leaves():
        if ins.unit is None or not ins.unit.children or not isinstance(ins.op, (ReplaceUnit, InsertUnit)):
            continue
        for holder in separate_closings(ins.unit)[1]:
            start = holder.closing[0]
            at = next((k for k in range(ins.line, len(rows)) if _QUOTE_ENDS.sub("", rows[k]) == start), None)
            if at is None or any(k == at for k, _ in inserts):
                continue
            inserts.append((at, closing_marker(holder.kind, holder.label, language)))
            where = f"{noun(holder.kind, language)} {holder.label}"
            notes.append(Note(lines.get(at + 1, 0), "info", f"In the text quoted by {ins.location}, this paragraph "
                              f"after the last point is read as the closing text (đoạn cuối) of {where}, as "
                              f"`regdraft import` reads a regulation; the file marks it `{inserts[-1][1]}`. If it "
                              "belongs to the point, take that line out.", start))
    if not inserts:
        return text, lines
    for at, marker in sorted(inserts, reverse=True):
        rows[at:at] = [marker, ""]
    moved = {}
    for line, source in lines.items():
        moved[line + 2 * sum(1 for at, _ in inserts if at + 1 <= line)] = source
    return "\n".join(rows), moved


def _effective(text: str, language: str) -> str | None:
    """The date a paragraph of the entry-into-force article says the document takes effect on, if any."""
    if language == "en":
        from regdraft.core.dates import takes_effect

        day = takes_effect(text, "en")
        return day.isoformat() if day is not None else None
    found = _EFFECTIVE.search(text)
    return _date(found) if found else None


def _from_signing(amendment: Amendment | None, meta: Mapping[str, Any]) -> tuple[str, tuple[str, str, int]] | None:
    """The effective date the entry-into-force article gives from the signing date read from the header (`Quy chế
    này có hiệu lực kể từ ngày ký`: that date), with the article, its sentence and its line; None without either."""
    from regdraft.core.amend.entry import entry_into_force
    from regdraft.core.dates import read_date

    signed = read_date(meta.get("signed"))
    entry = entry_into_force(amendment) if amendment is not None and signed is not None else None
    day = entry.date(signed) if entry is not None and signed is not None else None
    return (day.isoformat(), (entry.article, entry.sentence, entry.line)) if entry and day else None


def _signed_as(meta: dict[str, Any], text: str) -> str:
    """Keep the header's date as the document prints it where the rule prints it otherwise (`ngày 14 tháng 05 năm
    2013`, Nghị định 48/2013/NĐ-CP's, `DATE_LINE`); the note saying what the line was read as."""
    own = date_line(text, dt.date.fromisoformat(str(meta["signed"])))
    if own:
        meta[DATE_LINE] = own
    return read_as_message("signed", *([DATE_LINE] if own else []))


def _date(match: re.Match[str]) -> str:
    day, month, year = (int(g) for g in match.groups())
    return dt.date(year, month, day).isoformat()


def _render(meta: Mapping[str, Any], targets: Mapping[str, str], preamble: Sequence[str],
            articles: Sequence[DocumentArticle], effective: str | None,
            language: str = "vi") -> tuple[str, dict[int, int]]:
    """The amendment file, and for each of its lines the input line it came from."""
    ids = list(dict.fromkeys(targets.values()))
    front: dict[str, Any] = {"number": meta.get("number"), "type": meta.get("type"), "title": meta.get("title"),
                             "regulation": ids[0]}
    if len(targets) > 1:
        front["amends"] = {label: reg for label, reg in targets.items()}
    elif next(iter(targets)) != articles[0].label:
        front["article"] = next(iter(targets))
    front.update({"language": language, **({"profile": meta["profile"]} if meta.get("profile") else {}),
                  "status": "submitted", "signed": meta.get("signed"),
                  **({DATE_LINE: meta[DATE_LINE]} if meta.get(DATE_LINE) else {}), "effective": effective})
    for key in ("issuer", "national", "motto", "place", "adoption", "signer", "recipients"):
        if meta.get(key):
            front[key] = meta[key]
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1_000_000).strip()
    blocks: list[tuple[str, int]] = [(p, 0) for p in preamble]
    word = noun(Kind.ARTICLE, language)
    for article in articles:
        blocks.append((f"## {word} {article.label}. {article.title}".rstrip(". ") if article.title
                       else f"## {word} {article.label}", article.where))
        blocks.extend((_escape(p.text), p.where) for p in article.paragraphs)
    text = f"---\n{head}\n---\n"
    lines: dict[int, int] = {}
    line = text.count("\n") + 1
    for block, where in blocks:
        line += 1  # the blank line before it
        lines[line] = where
        text += f"\n{block}\n"
        line += block.count("\n") + 1
    return text, lines


def _escape(text: str) -> str:
    """A paragraph as the amendment format writes it: `1\\.` for a clause or instruction number."""
    return _CLAUSE.sub(r"\1\\.\2", text)

"""The header block (issuer, number, place and date, type and title) of a document, read into front-matter keys.

Post-conditions of `read_header`:
1. Only leading paragraphs are read, up to the preamble (`Căn cứ ...`), the first heading, or the last title line;
   each one read becomes a front-matter value and a `header` note that quotes it, so its text stays in the report.
2. Leading lines it cannot place are returned as preamble paragraphs, with a note.
3. A rule printed on a header line's start or end (`-------CỘNG HÒA …`, plain pdftotext's way) is left out, with
   a note.

The closing block (signature, recipients) and the layout tables both are printed in: `regdraft.importer.closing`;
what the body's end says (appendices, the adoption sentence, the date in force): `regdraft.importer.document_end`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from regdraft.core.dates import DATE_LINE, date_line
from regdraft.core.issuers import COUNCIL, LOCALITY
from regdraft.core.text import fold_letters
from regdraft.importer.classify import decorative
from regdraft.importer.names import cased_like
from regdraft.importer.report import Note, Paragraph

_NATIONAL = re.compile(
    r"^(cộng hòa xã hội chủ nghĩa việt nam|cộng hoà xã hội chủ nghĩa việt nam|đảng cộng sản việt nam"
    r"|socialist republic of vi[eệ]t ?nam|communist party of vi[eệ]t ?nam)$", re.I)
_NATIONAL_START = re.compile(
    r"^(cộng (?:hòa|hoà) xã hội chủ nghĩa việt nam|đảng cộng sản việt nam|socialist republic of vi[eệ]t ?nam"
    r"|communist party of vi[eệ]t ?nam)(?=\s|$)", re.I)
_MOTTO = re.compile(
    r"^(độc lập\s*[-–]\s*tự do\s*[-–]\s*hạnh phúc|independence\s*[-–]\s*freedom\s*[-–]\s*happiness)$", re.I)
_NUMBER = re.compile(
    r"^(?:(?P<prefix>[^\d:]{1,40}?)\s+)?(?:số|no\.?|number)\s*:?\s*(?P<number>[\w./\-]*\d[\w./\-]*)\s*$", re.I)
_DATE_VI = re.compile(
    r"^(?:(?P<place>[^,\d]{2,40}),\s*)?ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})\.?$", re.I)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_DATE_EN = re.compile(
    r"^(?:(?P<place>[^,\d]{2,40}),\s*)?(?:(?P<d1>\d{1,2})\s+(?P<m1>[a-z]+)|(?P<m2>[a-z]+)\s+(?P<d2>\d{1,2}),?)\s+(?P<y>\d{4})\.?$",
    re.I)
_DRAFT = re.compile(r"^(dự thảo|draft)\b", re.I)
# The mark regdraft's consolidated export prints under the header (docs/export.md).
_CONSOLIDATED = re.compile(r"^(văn bản hợp nhất|consolidated text)\s*(\(.*\))?$", re.I)
_TYPES = ("hiến pháp", "bộ luật", "luật", "pháp lệnh", "nghị quyết", "nghị định", "quyết định", "quy chế", "quy định",
          "thông tư", "chỉ thị", "kết luận", "hướng dẫn", "điều lệ", "thông báo",
          "staff rules", "staff regulations", "financial rules", "financial regulations", "rules of procedure",
          "regulations", "regulation", "rules", "decision", "resolution", "decree", "law", "circular", "directive",
          "charter", "statutes", "statute", "constitution",  # an English one's title line (`STAFF RULES`), r26 sweep O
          "bylaws", "by-laws", "articles of association", "standing orders")  # and an organisation's own, r29 AL
_TYPE_LINE = re.compile(rf"^(?P<type>{'|'.join(_TYPES)})\b\s*(?P<rest>.*)$", re.I)
_PREAMBLE = re.compile(
    r"^(căn cứ|theo đề nghị|xét đề nghị|xét tờ trình|thực hiện|quốc hội ban hành|chính phủ ban hành|lời nói đầu"
    r"|pursuant|having regard|in accordance|on the proposal|at the proposal|preamble$)\b", re.I)
_HEADING_START = re.compile(
    r"^(phần|chương|mục|điều|part|chapter|section|article)\s+(thứ\s+\w+|\d+|[IVXLCDM]+\b)", re.I)
_NAMED_LAWS = ("Luật", "Bộ luật", "Pháp lệnh", "Law")
# Words a summary line opens with that run on in lower case after the type (`NGHỊ ĐỊNH / Về kiểm soát thủ tục
# hành chính` is `Nghị định về kiểm soát thủ tục hành chính`; `LAW / On Tourism` is `Law on Tourism`): the line
# is printed with a capital because it starts a line. Only these: a summary may open with a name (`Đại hội`).
_OPENERS = ("Về", "Quy định", "Hướng dẫn", "Sửa đổi", "Bổ sung", "Ban hành", "Phê duyệt", "Bãi bỏ", "Thành lập",
            "Thay thế", "Công bố", "Kiện toàn", "Triển khai", "On", "Of", "Regarding", "Concerning",
            "Providing", "Prescribing", "Amending", "Guiding", "Detailing", "Elaborating", "Promulgating", "Approving",
            "Establishing", "Repealing", "Stipulating", "Implementing")
_OPENER = re.compile("(?:" + "|".join(_OPENERS) + r")(?!\w)")
# The summary lines of working regulations and rules (`QUY CHẾ / Làm việc của Ủy ban nhân dân tỉnh …`, `Tổ chức
# và hoạt động của …`, `Công tác văn thư, lưu trữ`, `QUY ĐỊNH / Chức năng, nhiệm vụ …`): the subjects Quy chế and
# Quy định open with, lowered after any type but a law's, whose name they may start (`Luật Quản lý thuế`). A Quy
# chế imported with the decision that issues it takes its capitals from that decision's text whatever its subject
# (`importer.attached.cased_by_decision`).
_SUMMARY_OPENER = re.compile(r"(?:Làm việc|Tổ chức và hoạt động|Hoạt động|Phối hợp|Quản lý|Chức năng|Chi tiêu nội bộ"
                             r"|Dân chủ|Thi đua|Công tác|Tiếp công dân|Văn hóa công sở|Văn hoá công sở"
                             r"|Bảo vệ|Đánh giá|Tuyển dụng|Tuyển sinh|Đào tạo|Khen thưởng|Tiêu chuẩn|Phân cấp"
                             r"|Chế độ|Thực hiện)(?!\w)")
# The line under a regulation's title naming the decision it was issued with (Nghị định 30/2020, Phụ lục III).
_ISSUED_WITH = re.compile(r"^\(\s*(?:Ban hành\s+)?kèm theo\s+(.+?)\s*\)\.?$"
                          r"|^\(\s*(?:Issued|Promulgated)(?:\s+together)?\s+with\s+(?:the\s+)?(.+?)\s*\)\.?$", re.I)
# Names whose capitals a title printed in capitals loses when it is lower-cased.
_PROPER_NAMES = ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam", "Việt Nam",
                 "Quốc hội", "Chính phủ", "Đảng Cộng sản Việt Nam", "Mặt trận Tổ quốc Việt Nam")
# A text row of a layout table, as converted documents write it (`Luật số: 22/2023/QH15 | Hà Nội, ...`).
_TEXT_ROW = re.compile(r"^\|?[^|]*(?:\s\|\s|\|)[^|]*")
# A run of rule characters inside a cell (`CHÍNH PHỦ -------`), which separates its lines.
_CELL_RULE = re.compile(r"(?:^|\s)[-–—_=*~]{3,}(?=\s|$)")
# A rule at a header line's start or end: plain pdftotext writes the rule under `QUỐC HỘI` before the next line
# (`-------CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `--------------Luật số: 09/2017/QH14`).
_EDGE_RULE = re.compile(r"^[-–—_=*~]{3,}\s*|\s*[-–—_=*~]{3,}$")
_APOSTROPHE_IN_WORD = re.compile(r"(?<=[^\W\d_])['’ʼ](?=[^\W\d_])")


def _name_like(text: str) -> bool:
    """A person's name: two to six capitalised words of letters, nothing else; an apostrophe between letters is
    part of a word (`Dr. Jane O’Neill`, `D'Arcy`)."""
    words = _APOSTROPHE_IN_WORD.sub("", text).split()
    return 2 <= len(words) <= 6 and all(w[0].isupper() and w.rstrip(".").isalpha() for w in words)


def _caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def sentence_case(text: str) -> str:
    """Lower-case a title written in capitals, keeping codes such as `QH11` and Roman numerals."""
    words = []
    for word in text.split():
        keep = any(ch.isdigit() for ch in word) or re.fullmatch(r"[IVXLC]+[.,;:]?", word)
        words.append(word if keep else word.lower())
    out = " ".join(words)
    for name in _PROPER_NAMES:
        out = re.sub(rf"(?<!\w){re.escape(name.lower())}(?!\w)", name, out)
    return out


@dataclass
class Header:
    """What the header block gave: front-matter values, notes, and where the body starts."""

    meta: dict[str, Any] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    preamble: list[Paragraph] = field(default_factory=list)
    body_start: int = 0
    title_lines: list[Paragraph] = field(default_factory=list)
    consolidated: bool = False  # the document is a consolidated copy (its opening is not the regulation's)

    def read_as(self, para: Paragraph, *keys: str) -> None:
        """Note that `para` was read as the front-matter keys `keys`, quoting it for the report."""
        self.notes.append(Note(para.where, "header", read_as_message(*keys), para.text))


def read_as_message(*keys: str) -> str:
    """`Read as the front-matter key 'issuer'.`, `… keys 'place' and 'signed'.`"""
    named = [f"'{key}'" for key in keys]
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    return f"Read as the front-matter key{'s' if len(named) > 1 else ''} {listed}."


def text_rows(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Header lines written as table rows (`QUỐC HỘI | CỘNG HÒA ...`, `| Số: ... | ... |`) as tables.

    Consecutive rows form one table, so `flatten_tables` reads its left column first; a
    Markdown separator row (`|---|---|`) joins the table and carries no cell.
    """
    out: list[Paragraph] = []
    last_row = -3  # the line of the last row read into `out[-1]`, a table this made: a row within two lines joins it
    for para in paragraphs:
        if para.rows is not None or "|" not in para.text or not _TEXT_ROW.match(para.text):
            out.append(para)
            last_row = -3
            continue
        text = para.text.strip()
        cells = tuple(c.strip() for c in text.strip("|").split("|"))
        if all(re.fullmatch(r"[-:\s]*", c) for c in cells):
            if out and out[-1].rows is not None:
                last_row = para.where
                continue  # a Markdown table's separator row
            cells = ()
        previous = out[-1] if out else None
        if previous is not None and previous.rows is not None and last_row >= para.where - 2:
            out[-1] = Paragraph(previous.text, previous.where, (*previous.rows, cells) if cells else previous.rows,
                                row_lines=(*previous.row_lines, para.where) if cells else previous.row_lines)
        else:
            out.append(Paragraph(text, para.where, (cells,) if cells else (), row_lines=(para.where,) if cells else ()))
        last_row = para.where
    return out


def header_end(paragraphs: Sequence[Paragraph]) -> int:
    """The index of the first paragraph that is preamble or structure (the header's upper bound)."""
    for i, para in enumerate(paragraphs):
        if para.rows is None and (_PREAMBLE.match(para.text) or _HEADING_START.match(fold_letters(para.text))):
            above = next((p for p in reversed(paragraphs[:i]) if p.rows is not None or not decorative(p.text)), None)
            if not (above is not None and above.rows is None and _summary_doing(para.text, above.text)):
                return i
    return len(paragraphs)


# `Thực hiện` opens a basis line (`Thực hiện Quy định số 11-QĐ/TW …;`) and a summary too (`QUY CHẾ` / `Thực hiện
# dân chủ ở cơ sở`): the line right under a bare type word is the summary unless it cites a numbered document with
# a capital `Thực hiện` or ends as a basis line does (`;`, `:`).
_DOING = re.compile(r"thực hiện(?!\w)", re.I)
_CITED = re.compile(r"\bsố\s*:?\s*\d|\d+[a-z]?-[A-ZĐ]+/[A-ZĐ]|\d+/\d{4}/[A-ZĐ]")


def _summary_doing(text: str, above: str | None) -> bool:
    """Whether `text`, a line opening with `Thực hiện` printed under the line `above` (None: under a bare type word
    the header has read), is the document's summary."""
    kind = _TYPE_LINE.match(above.strip()) if above is not None else None
    if not _DOING.match(text) or (above is not None and not (kind and _caps(kind.group(1)) and not kind.group(2))):
        return False
    return not text.rstrip().endswith((";", ":")) and (_caps(text) or text[0].islower() or not _CITED.search(text))


def converted_title(index: int, text: str) -> bool:
    """Whether the header's paragraph `index` is the Markdown title a converter put above it (`# Nghị định số …`)."""
    return index == 0 and text.startswith("# ")


def read_header(paragraphs: Sequence[Paragraph]) -> Header:
    """Read the header block at the start of `paragraphs` (tables already flattened)."""
    header = Header()
    meta = header.meta
    issuers: list[Paragraph] = []
    limit = header_end(paragraphs)
    i = 0
    while i < limit:
        para = paragraphs[i]
        text = para.text
        i += 1
        if decorative(text):
            header.notes.append(Note(para.where, "skipped", "A decorative line in the header was left out.", text))
            continue
        if para.rows is None and (bare := _EDGE_RULE.sub("", text)) != text:
            header.notes.append(Note(para.where, "skipped", "A rule printed on the same line as header text was "
                                     "left out.", text))
            para, text = Paragraph(bare, para.where), bare
        if converted_title(i - 1, text):
            header.notes.append(Note(para.where, "skipped", "The title line above the header (a Markdown heading "
                                     "added when the text was converted) was left out.", text))
            continue
        if "type" in meta and any(text == p.text for p in issuers):
            # Decrees name the issuer again above the preamble (`CHÍNH PHỦ` / `Căn cứ ...`): after the title, the
            # preamble's first line (a line of the layout, as a decision's authority); before it, a repeat.
            if header.title_lines or "summary" in meta:
                header.notes.append(Note(para.where, "header", "The issuer, named again above the preamble: kept as "
                                         "the preamble's first line.", text))
                i -= 1
                break
            header.notes.append(Note(para.where, "header", "The issuer, named again above the preamble.", text))
            continue
        if _CONSOLIDATED.match(text):
            header.consolidated = True
            header.notes.append(Note(para.where, "skipped", "The consolidated-text mark was left out: it is not "
                                     "part of the regulation.", text))
            continue
        if "type" in meta and header.consolidated and (header.title_lines or "summary" in meta):
            # A consolidated copy prints one title line, then its opening (the base document, the
            # amending documents and the date in force), which belongs to the copy, not the text.
            header.notes.append(Note(para.where, "skipped", "The opening of the consolidated copy was left out: "
                                     "it is not part of the regulation.", text))
            continue
        issued_with = _ISSUED_WITH.match(text) if "type" in meta else None
        if issued_with:
            # `(Ban hành kèm theo Quyết định số … của …)`: the decision the text was issued with, not its title.
            meta["issued_with"] = issued_with.group(1) or issued_with.group(2)
            header.notes.append(Note(para.where, "header", "Read as the front-matter key 'issued_with' (the "
                                     "decision this text was issued with), not as part of the title.", text))
            continue
        if "type" in meta:
            # After the type line come the title lines; anything else ends the header, and so does the issuer's
            # name printed on one line (a decision's authority line, `ỦY BAN NHÂN DÂN TỈNH LÀO CAI`, its preamble).
            if (_title_line(text, header) and len(header.title_lines) < 3
                    and not (header.title_lines and len(issuers) > 1 and text == " ".join(p.text for p in issuers))):
                header.title_lines.append(para)
                header.notes.append(Note(para.where, "header", "Read as part of the title.", text))
                continue
            i -= 1
            break
        keys = _header_keys(text, meta)
        if keys == ("issuer",):
            issuers.append(para)
        elif keys:
            header.read_as(para, *keys)
        else:
            header.preamble.append(para)
            header.notes.append(Note(para.where, "info",
                                     "A line in the header block was not recognised; kept as preamble text.", text))
    header.body_start = i
    names = _names(issuers)
    if names:
        meta["issuer"] = " ".join(p.text for p in names[-1])
        for p in names[-1]:
            header.read_as(p, "issuer")
        if len(names) > 1:
            meta["superior"] = " ".join(p.text for name in names[:-1] for p in name)
            for p in (p for name in names[:-1] for p in name):
                header.read_as(p, "superior")
    return header


# A local authority's name printed over two lines (`ỦY BAN NHÂN DÂN` / `TỈNH LÀO CAI`, Nghị định 30/2020): the
# second line goes on with the first, it names no body of its own.
_COUNCIL = re.compile(rf"^(?:{COUNCIL})$")
_LOCALITY = re.compile(rf"^{LOCALITY}\s")


def _names(lines: Sequence[Paragraph]) -> list[list[Paragraph]]:
    """The header's issuing lines grouped by the body each names: a line that goes on with the one above
    (`TỈNH LÀO CAI` under `ỦY BAN NHÂN DÂN`) joins it; any other names a body of its own (`BỘ TÀI CHÍNH` /
    `CỤC THUẾ`: the superior body, then the issuer)."""
    names: list[list[Paragraph]] = []
    for para in lines:
        if names and len(names[-1]) == 1 and _COUNCIL.match(names[-1][0].text) and _LOCALITY.match(para.text):
            names[-1].append(para)
        else:
            names.append([para])
    return names


def _title_line(text: str, header: Header) -> bool:
    summary = not header.title_lines and "summary" not in header.meta and _summary_doing(text, None)
    if (_PREAMBLE.match(text) and not summary) or _HEADING_START.match(text) or _DATE_VI.match(text) \
            or _NUMBER.match(text) or enacting(text):
        return False
    return _caps(text) or (len(text) < 300 and not text.endswith((";", ":")))


def _header_keys(text: str, meta: dict[str, Any]) -> tuple[str, ...]:
    """Store what one header line says in `meta`; return the keys written, `issuer` for a candidate, or none."""
    if _NATIONAL.match(text) and "national" not in meta:
        meta["national"] = text
        return ("national",)
    if _MOTTO.match(text):
        meta["motto"] = text
        return ("motto",)
    number = _NUMBER.match(text)
    if number and "number" not in meta:
        meta["number"] = number.group("number").rstrip("./-")  # `Số: 15/2003/QH11.` ends a sentence
        return ("number",)
    when = read_place_date(text)
    if when is not None and "signed" not in meta:
        place, signed = when
        if place:
            meta["place"] = place
        meta["signed"] = signed
        own = date_line(text, signed)  # `ngày 08 tháng 06 năm 2010`: kept as the document prints it, for a reprint
        if own:
            meta[DATE_LINE] = own
        return (*(("place",) if place else ()), "signed", *((DATE_LINE,) if own else ()))
    if _DRAFT.match(text):
        meta["draft"] = text
        return ("draft",)
    kind = _TYPE_LINE.match(text)
    if kind and _caps(kind.group("type")):
        meta["type"] = re.sub(r" (?!of )(\w)", lambda m: m.group(0).upper(), kind.group("type").capitalize()) \
            if kind.group("type").isascii() else kind.group("type").capitalize()  # `Staff Rules`, `Rules of procedure`
        if kind.group("rest"):
            meta["summary"] = kind.group("rest")
        return ("type",)
    if _caps(text) and len(text.split()) <= 12:
        return ("issuer",)
    return ()


def read_place_date(text: str) -> tuple[str, date] | None:
    """The place and date of a header line (`Hà Nội, ngày 08 tháng 6 năm 2010`, `Hanoi, May 14, 2013`), if it is one."""
    found = _DATE_VI.match(text)
    try:
        if found:
            signed = date(int(found.group("y")), int(found.group("m")), int(found.group("d")))
            return (found.group("place") or "").strip(), signed
        found = _DATE_EN.match(text)
        if found:
            month = (found.group("m1") or found.group("m2")).lower()
            if month in _MONTHS:
                day = int(found.group("d1") or found.group("d2"))
                return (found.group("place") or "").strip(), date(int(found.group("y")), _MONTHS.index(month) + 1, day)
    except ValueError:
        return None
    return None


def compose_title(header: Header, preamble: Sequence[str]) -> tuple[str | None, list[Note]]:
    """The title from the type and title lines; from `... ban hành Luật X.` in the preamble only
    when the header has no title lines, or to restore the capitals of a title printed in capitals."""
    kind = header.meta.get("type")
    if not kind:
        return None, []
    lines = ([header.meta.pop("summary")] if "summary" in header.meta else []) + [p.text for p in header.title_lines]
    named, sentence = _named_in_preamble(str(kind), preamble)
    if not lines:
        if named is None:
            return None, []
        return named, [Note(0, "info", f"The title was taken from the preamble sentence «{sentence}».")]
    summary = " ".join(lines)
    notes = []
    # Older laws print `LUẬT / CỦA QUỐC HỘI ... SỐ 15/2003/QH11 ... VỀ THI ĐUA, KHEN THƯỞNG`.
    subject = re.match(r"^(?:CỦA|OF) .+? (?:VỀ|ON) (.+)$", summary)
    if subject and _caps(summary):
        summary = subject.group(1)
        notes.append(Note(header.title_lines[0].where if header.title_lines else 0, "info",
                          "The title line names the issuer, number and date; only its subject was kept in the title."))
    in_capitals = _caps(summary)
    if in_capitals:
        summary = sentence_case(summary)
    if kind in _NAMED_LAWS and summary:
        summary = summary[0].upper() + summary[1:]
    if _OPENER.match(summary) or (kind not in _NAMED_LAWS and _SUMMARY_OPENER.match(summary)):
        summary = summary[0].lower() + summary[1:]  # `NGHỊ ĐỊNH / Về kiểm soát …`: `Nghị định về kiểm soát …`
    title = f"{kind} {summary}".strip()
    if in_capitals and named is not None and named.lower() == title.lower():
        return named, [*notes, Note(0, "info", f"The title's capitals were taken from the preamble sentence "
                                               f"«{sentence}».")]
    issuing = _issuing_sentence(str(kind), preamble) if in_capitals else None
    if issuing is not None:
        cased = cased_like(title, issuing[0])
        if cased != title:
            return cased, [*notes, Note(0, "info", f"The title was written in capitals; the capitals of its words "
                                                   f"were taken from the preamble sentence «{issuing[1]}» where it "
                                                   "has them. Check the capitals of the other names.")]
    if in_capitals:
        notes.append(Note(header.title_lines[0].where if header.title_lines else 0, "info",
                          "The title was written in capitals and has been lower-cased; check the capitals of names."))
    return title, notes


# The verb of the preamble sentence that issues the document: `Quốc hội ban hành Luật Công đoàn.`, `The National
# Assembly promulgates the Law on Trade Union.`, `The Executive Board issues these Rules.`, `The Executive Board
# hereby resolves as follows:`. The one definition: `amend import` keeps a line with it as preamble (`ISSUING`).
_ISSUES = r"(?:ban hành|(?:hereby\s+)?(?:promulgates?|issues?|enacts?|adopts?|resolves?|decides?)(?:\s+(?:the|this))?)"
ISSUING = re.compile(rf"\b{_ISSUES}\b", re.I)


def enacting(text: str) -> bool:
    """Whether `text` is the sentence that issues the document, a body named before the verb (`The Executive Board
    issues these Rules.`, `Ban Chấp hành ban hành Quy chế …,`): preamble, not a title line under the type, where no
    "Pursuant to" line ends the header. A title line names no body (`Về việc ban hành …`, `VỀ VIỆC BAN HÀNH …`)
    and ends without a stop."""
    text = text.strip()
    named = re.match(rf"([^,;:]+?)\s+{_ISSUES}\b", text, re.I)
    return (named is not None and text[0].isupper() and not _caps(text) and text.endswith((".", ":", ","))
            and not _GROUNDS.match(text) and not _OPENER.match(text) and len(named.group(1).split()) <= 12)


# A preamble paragraph that gives the document's grounds, not its issuing sentence.
_GROUNDS = re.compile(r"(?:Căn cứ|Theo|Xét|Thực hiện|Để|Pursuant|At the|Upon|In order|On the)\b", re.I)


def issuing_body(preamble: Sequence[str]) -> str:
    """Who issues the document, as its preamble's issuing sentence names them (`Ban Chấp hành Đảng bộ tỉnh` of
    `Ban Chấp hành Đảng bộ tỉnh ban hành Quy chế làm việc …`, `The Office of the Provincial Party Committee` of
    `The Office of the Provincial Party Committee issues the Regulations on …`); '' when no sentence says it."""
    for text in reversed(preamble):
        named = re.match(rf"([^,;:]+?)\s+{_ISSUES}\s+(?!kèm)", text.strip(), re.I)
        if named and not _GROUNDS.match(text.strip()) and len(named.group(1).split()) <= 12:
            return named.group(1)
    return ""


def _issuing_sentence(kind: str, preamble: Sequence[str]) -> tuple[str, str] | None:
    """What a preamble sentence issues, however long (`ban hành Luật sửa đổi, … của Luật Quy hoạch số …;
    Luật Đầu tư …`), and the sentence: the words whose capitals a title in capitals lost."""
    for text in preamble:
        issued = re.search(rf"{_ISSUES} ({re.escape(kind)} .+)$", text, re.I)
        if issued:
            return issued.group(1), text
    return None


def _named_in_preamble(kind: str, preamble: Sequence[str]) -> tuple[str | None, str]:
    """The document a preamble sentence issues (`Quốc hội ban hành Luật Công đoàn.`, `The National Assembly
    promulgates the Law on Trade Union.`), and the sentence."""
    for text in preamble:
        named = re.search(rf"{_ISSUES} ({re.escape(kind)} [^.;:]+?)(?:\s+như sau)?\s*[.:]?$", text, re.I)
        if named:
            return named.group(1)[0].upper() + named.group(1)[1:], text
    return None, ""

"""The running header (the line in the page margin from page 2 on): documents named as a reader knows them, on one line.

A document is named by its type, number and short title, as the title block and the consolidated opening name it
(the profile's `running_document`): `Luật Đấu thầu số 22/2023/QH15`, `Nghị định số 63/2010/NĐ-CP về kiểm soát thủ
tục hành chính`, `Quy chế làm việc của … số 01-QC/TU`; a draft by its draft line: `Dự thảo lần 1`.

Post-conditions of `one_line`:
1. The line fits the page's width at the margin box's 10 pt (`budget`, `width`): the first candidate that
   fits, the fullest first.
2. A name is shortened by whole words: its title loses words from its end (`… về kiểm soát thủ tục …`), then
   it is cited by type and number (`Luật số 57/2024/QH15`); a number is never cut, nor any word. A title cut short
   is named as the profile's `running_shortened` says (party-36: type and number first, `Quy chế số 01-QC/TU làm
   việc của Ban Chấp hành … khóa XIV`), never with its number after the cut words; a law keeps its name first.
   A title that names several documents is never shortened (its list cut short misleads): named in full, or by
   type and number. A title naming a term (`khóa XV`) keeps it when shortened: term XIV's and term XV's 01-QC/TU
   differ by it alone.
   Inside the comparison's line a document is named as its sentence reads (the profile's `running_compared`, whole
   or cut short, else `running_document` and `running_shortened`): `Comparison of Draft 1 with the Working
   Regulations …, No. 01-QC/TU`.
3. A landscape page (the comparison table's) has the wider line: `budget(profile, landscape=True)`. A redline's
   line (`redline_line`), the table's and the inline redline's, names the text compared against as the page's heading
   does: type, number and date (`Quy chế số 01-QC/TU ngày 09/01/2021`), else type and number, else number; two
   revisions of one document by their labels.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from regdraft.core.frontmatter import NAMED_ALONE, compound_type, issued_with_name, type_and_summary

if TYPE_CHECKING:
    from regdraft.render.profile import Profile
    from regdraft.render.redline import Redline, Version

ELLIPSIS = "…"
RUNNING_PT = 10  # the margin box's type size (templates/base.css.j2)
# A page's short and long sides (portrait width, landscape width).
_PAGE_SIDES_MM = {"A3": (297.0, 420.0), "A4": (210.0, 297.0), "A5": (148.0, 210.0), "B5": (176.0, 250.0),
                  "Letter": (215.9, 279.4), "Legal": (215.9, 355.6)}


def budget(profile: Profile, landscape: bool = False) -> int:
    """How wide a running header fits one line of the profile's page, in `width` units: a lowercase letter in Times
    at 10 pt runs about 0.44 em (107 of them fit 165 mm), counted here as 0.45 em. A landscape page (the comparison
    table) turns its margins with it (`@page landscape`): its line runs between the top and bottom margins."""
    short, long = _PAGE_SIDES_MM.get(profile.page_size, _PAGE_SIDES_MM["A4"])
    if landscape:
        width_mm = long - profile.margin_top - profile.margin_bottom
    else:
        width_mm = short - profile.margin_left - profile.margin_right
    return int(width_mm * 72 / 25.4 / (RUNNING_PT * 0.45))


def width(text: str) -> float:
    """A line's width in `budget` units: a capital (`VĂN BẢN HỢP NHẤT`) is wider than a lowercase letter."""
    return _tenths(text) / 10


def _tenths(text: str) -> int:
    """`width` in tenths, counted exactly (a sum of 1.3s in floating point drifts)."""
    return sum(13 if c.isupper() else 10 for c in text)


def document_names(words: Mapping[str, str], doc_type: str, number: str, title: str,
                   shorten: bool = True, issued_with: str = "") -> list[str]:
    """A document's names for the running header, fullest first: with its title, the title shortened word by
    word (unless not `shorten`, or it names several documents: `_names_several`), by type and number
    (`cited_document`; a compound type whole, `Thông tư liên tịch số …`), by number alone. A text `issued_with` a
    decision (`Quyết định`) is named by its title and the decision, whose number it has: `Quy chế làm việc của …
    ban hành kèm theo Quyết định số 15/2021/QĐ-UBND`, never `Quy chế số 15/2021/QĐ-UBND`."""
    if issued_with and number:
        decision = " ".join(words["cited_document"].format(type=issued_with, number=number, title="").split())
        keep = len(doc_type.split()) if doc_type else 1
        titles = (_shortened(title, keep) if shorten else [title]) if title else []
        issued = [issued_with_name(t, decision, words) for t in [*titles, *([doc_type] if doc_type else [])]]
        return list(dict.fromkeys([*issued, decision, number]))
    doc_type = compound_type(title, doc_type)
    summary = type_and_summary(title, doc_type)[1]
    alone = not doc_type or doc_type.lower() in NAMED_ALONE or summary == title

    def named(short: str) -> str:
        rest = type_and_summary(short, doc_type)[1]
        about = "" if alone or rest == short else f" {rest}" if rest else ""
        # A title cut short is named type and number first (`running_shortened`: `Quy chế số 05-QC/TU sửa đổi, bổ
        # sung … khóa XIV`): its number after the cut read as the last words' (`… khóa XIV số 05-QC/TU`, r36 BL 3).
        form = words["running_document"] if short == title or alone else \
            words.get("running_shortened") or words["running_document"]
        return form.format(title=short, number=number, name=short if alone else doc_type, about=about)

    out: list[str] = []
    if title and number:
        keep = len(doc_type.split()) if doc_type else 1
        titles = _shortened(title, keep) if shorten and not _names_several(title, keep) else [title]
        out.extend(named(t) for t in titles)
    if number:
        out.append(" ".join(words["cited_document"].format(type=doc_type or words["cited_untyped"], number=number,
                                                           title="" if alone else summary).split()))
        out.append(number)
    elif title:
        out.extend(_shortened(title, 1) if shorten else [title])
    return list(dict.fromkeys(out))


# A document a title names: its type with a capital inside the title (`… của Luật Quy hoạch, Luật Đầu tư …`,
# `… của Quy chế làm việc …`, `… the Law on Planning …`); `các nghị định liên quan …` names none.
_NAMED_TYPE = re.compile(
    r"(?<!\w)(?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Thông tư|Chỉ thị|Quy chế|Quy định"
    r"|Hướng dẫn|Kết luận|Điều lệ|Constitution|Code|Law|Ordinance|Resolution|Decree|Decision|Circular|Directive"
    r"|Regulations?|Rules|Charter)(?!\w)")


def _names_several(title: str, keep: int) -> bool:
    """Whether the title after its first `keep` words (its type) names two documents or more: `Luật sửa đổi, bổ sung
    một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức đối tác công tư và Luật Đấu thầu`.
    Such a title is never cut short: the cut leaves its number after part of the list (`… Luật Đầu tư, Luật Đầu tư
    … số 57/2024/QH15`), where a reader takes the names kept for all of them, or one law for named twice; or
    after none of it (`… của … số 57/2024/QH15`), which says no more than the type. The document is named by
    type and number instead, as a text cites a document after its first mention: `Luật số 57/2024/QH15`."""
    return len(_NAMED_TYPE.findall(" ".join(title.split()[keep:]))) > 1


# A name whose title, after its type, is longer than this never fits a running line: the widest line (A3 landscape,
# no margins: `budget`) holds 264 lowercase letters, and a title's letters are each at least one unit of `width`.
_NEVER_FITS = 300
# A Party committee's term in a title: `khóa XIV`, `term XV` (numbers restart each term: post-condition 2).
_TERM = re.compile(r"^(?:khóa|khoá|term)$", re.IGNORECASE)
_NUMERAL = re.compile(r"^[IVXLC]+[,;.]?$")


def _shortened(title: str, keep: int) -> list[str]:
    """The title, then with one word less at a time and `…` for them, down to its first `keep` words plus one.
    Only the shortenings whose words after the first `keep` could fit a line (`_NEVER_FITS` characters) are made:
    an 80 KB title made every one of its 10,000 prefixes, and `redline` took 150 s and 3.2 GB. A title naming its
    term (`… của Ban Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020 - 2025`) keeps it, as term XIV's and term XV's
    documents may bear one number: the words before it go (`Quy chế làm việc của … khóa XIV`), never the term (the
    cut left two documents named alike)."""
    words = title.split()
    longest, length = keep, -1  # the most words whose words after the first `keep` stay within `_NEVER_FITS`
    for word in words[keep:len(words) - 1]:
        length += len(word) + 1
        if length > _NEVER_FITS:
            break
        longest += 1
    at = next((i for i in range(keep, len(words) - 1) if _TERM.match(words[i]) and _NUMERAL.match(words[i + 1])), -1)
    out = [title]
    if at < 0:
        out.extend(f"{' '.join(words[:n]).rstrip(',;:-–')} {ELLIPSIS}"
                   for n in range(min(len(words) - 1, longest), keep, -1))
        return out
    term = f"{words[at]} {words[at + 1].rstrip(',;.')}"
    if at + 2 < len(words):
        out.append(f"{' '.join(words[:at])} {term} {ELLIPSIS}")
    out.extend(f"{' '.join(words[:n]).rstrip(',;:-–')} {ELLIPSIS} {term}"
               for n in range(min(at - 1, longest), keep, -1))
    return out


def one_line(line: Callable[[str, str], str], new: Sequence[str], old: Sequence[str], limit: int) -> str:
    """The line `line(new_name, old_name)` that fits `limit` (`width`), names taken fullest first: the new
    document shortened before the old one (the text compared against, named in full where it fits); either
    named by its last name (a number alone) only when nothing else fits. A side with no name at all (a text
    whose front matter has neither title nor number) is named by the empty string."""
    new, old = list(new) or [""], list(old) or [""]
    tried = [(n, o) for o in old[:-1] or old for n in new[:-1] or new]
    tried += [(n, o) for o in old for n in new]
    for n, o in tried:
        text = line(n, o)
        if len(text) <= limit and width(text) <= limit:  # a letter is one unit at least: a long line is not measured
            return text
    return cut(line(new[-1], old[-1]), limit)


def document_line(words: Mapping[str, str], profile: Profile, doc_type: str, number: str, title: str,
                  prefix: str = "", issued_with: str = "") -> str:
    """A document's own running header, on one line: `prefix` (`VĂN BẢN HỢP NHẤT … - `) and the document named by
    type, number and short title (`document_names`): `Quy chế sửa đổi, bổ sung … số 05-QC/TU`; a title naming
    several laws whole or not at all, `Luật số 57/2024/QH15`; a draft with no number yet by its title, shortened."""
    names = document_names(words, doc_type, number.strip(), title, issued_with=issued_with)
    if not names:
        return prefix.rstrip(" -–")
    return one_line(lambda _n, o: f"{prefix}{o}", [""], names, budget(profile))


def cut(text: str, limit: int) -> str:
    """`text`, or as many of its whole words as fit `limit` with `…` after them (it stopped when the words fitted
    without the `…`, a line then wider than `limit`). Measured word by word, each once: joining the words kept again
    for each word dropped made a long line's cut quadratic."""
    words = text.split(" ")
    if len(words) == 1 or width(text) <= limit:
        return text
    sizes = [round(10 * width(word)) for word in words]  # in tenths: exact (`_tenths`)
    joined = sum(sizes) + 10 * (len(words) - 1)  # the width of the words kept, joined by spaces, in tenths
    for k in range(len(words) - 1, 0, -1):
        joined -= sizes[k] + 10
        shortened = joined - sizes[k - 1] + round(10 * width(words[k - 1].rstrip(",;:-–"))) + 10 + 10
        if shortened <= 10 * limit or k == 1:
            return f"{' '.join(words[:k]).rstrip(',;:-–')} {ELLIPSIS}"
    return text


def redline_line(redline: Redline, profile: Profile, landscape: bool = False) -> str:
    """The redline's running header naming both documents by type, number and short title, on one line of its
    page (`landscape`: the comparison table's, wider): `Bản so sánh Luật số 57/2024/QH15 với Luật Đấu thầu số
    22/2023/QH15`, `Bản so sánh Dự thảo lần 1 với …`."""
    words, style = redline._words(profile)
    # Named inside the line's sentence: `… with the Working Regulations …, No. 01-QC/TU` (`running_compared`).
    compared = words.get("running_compared")
    words = {**words, "running_document": compared, "running_shortened": compared} if compared else words
    # The new side is most often an amending document: cited by type and number rather than by half its long title.
    sides = ((redline.new_version, redline.comparison.new.meta, False),
             (redline.old_version, redline.comparison.old.meta, True))
    new, old = (_running_names(v, str(v.title or meta.get("title") or ""), words, shorten, str(meta.get("type") or ""))
                for v, meta, shorten in sides)
    titled = bool(redline.old_version.title)  # a side named by its title: the portrait line keeps its names
    if redline.adopted and redline.new_version.adopted:  # the text a run of adoptions made: named by their documents
        new = _adopted_names(redline, words)
    elif new[-1] == old[-1] and redline.new_version.draft is None and new[0] != old[0]:
        titled = True
        # Two documents of one number (term XV's 01-QC/TU beside term XIV's): each named by its title, shortened as
        # the line needs, never by the number alone, so that the two are told apart as the page's heading does.
        new, old = (_titled(_running_names(v, str(v.title or meta.get("title") or ""), words, True,
                                           str(meta.get("type") or ""))) for v, meta, _ in sides)
    # The landscape page is the comparison table's, titled BẢNG SO SÁNH: its header says so (it read "Bản so sánh").
    running = words["table_running" if landscape else "comparison_running"]
    if new[0] == old[0]:  # two revisions of one document: say which is which, as the title line does
        # Both sides named alike, shortened together: the new side cut first read `63/2010/NĐ-CP (Phiên bản HEAD~2)
        # với Nghị định số 63/2010/NĐ-CP (Phiên bản HEAD~4)`, as if two documents.
        new_label, old_label = redline.new_version.label, redline.old_version.label
        lines = [running.format(new=f"{o} ({new_label})", old=f"{o} ({old_label})") for o in old]
        return one_line(lambda n, _o: n, lines, [""], budget(profile, landscape))
    # The line names the text compared against as the page's heading does, by type, number and date (`… với Quy chế
    # số 01-QC/TU ngày 09/01/2021`): its title cut short put the number inside the title (`với Quy chế số 01-QC/TU làm
    # việc của … khóa XIV`: the table's, r42 sweep CH F3; the inline redline's, r43 cmp43 2). By type and number, or
    # number, where it does not fit. On the portrait page a text named by its title, or told apart from another of
    # its number by it (`compare` of two files), keeps its names.
    if landscape or not titled:
        old = list(dict.fromkeys([redline.old_version.document(words, style), *old[-2:]]))
    return one_line(lambda n, o: running.format(new=n, old=o), new, old, budget(profile, landscape))


def _titled(names: list[str]) -> list[str]:
    """A side's names (`document_names`) that hold its title: all but the last two (by type and number, by number
    alone), when it has any."""
    return names[:-2] if len(names) > 2 else names


def _running_names(version: Version, title: str, words: Mapping[str, str], shorten: bool,
                   doc_type: str = "") -> list[str]:
    """A side's names for the running header, fullest first; a draft by its draft line (`Dự thảo lần 1 Luật …`,
    `Dự thảo lần 1`) and its number when it has one; not `shorten`: no title cut short (`running.document_names`).
    A law cited by its name (`Luật Đấu thầu số …`: its `kind` is its title) is of its text's type, `doc_type`."""
    if version.draft is None:
        kind = (doc_type or version.kind) if version.kind == title else version.kind
        return document_names(words, kind, version.number or version.doc_id, title, shorten,
                              version.issued_with) or [version.label]
    number = f" ({version.number})" if version.number else ""
    names = [words["draft_of"].format(draft=version.label, title=title) + number] if title else []
    return list(dict.fromkeys([*names, version.label + number, version.label]))


def _adopted_names(redline: Redline, words: Mapping[str, str]) -> list[str]:
    """The new side of a comparison of adopted texts named, as its amendment's redline names it, by the amending
    documents of the run that made it: `Luật số 57/2024/QH15`, not `22/2023/QH15 (Văn bản sau khi …)` cut short."""
    named = []
    for doc in redline.adopted:
        meta = doc.meta or {}
        title, doc_type = str(meta.get("title") or ""), str(meta.get("type") or "")
        named.append(document_names(words, compound_type(title, doc_type), str(doc.number or ""), title, False))
    if len(named) == 1:
        return named[0]
    return [", ".join(names[-2] if len(names) > 1 else names[-1] for names in named)]  # each by type and number

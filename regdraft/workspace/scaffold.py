"""A new amending document, laid out the way the office writes one (`regdraft amend new`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from regdraft.core.amend.document import Amendment, load_amendment
from regdraft.core.counts import names_several
from regdraft.core.errors import RegdraftError, UsageError
from regdraft.core.frontmatter import document_number, issued_with
from regdraft.core.layout import amendment_path
from regdraft.core.markdown import dump_front_matter
from regdraft.core.model import Kind, Regulation, noun
from regdraft.importer.header import issuing_body
from regdraft.render.profile import Profile, cited_date
from regdraft.workspace.amendments import document_name, refuse_case_twin, slugs
from regdraft.workspace.store import Workspace, writes

# A document's type is a name and keeps its capital inside a sentence ("... của Quy chế làm việc ...").
_DOCUMENT_TYPES = frozenset({"Quy", "Nghị", "Chỉ", "Kết", "Hướng", "Quyết", "Luật", "Điều", "Thông", "Pháp"})
_KEPT = ("issuer", "national", "motto", "issuer_mark", "superior", "place", "signer", "recipients")
_HEADER_LINES = ("national", "motto", "issuer_mark")  # kept given empty too: the text prints none
# The type of the document that amends a text of another: a code is amended by a law (`Luật sửa đổi, bổ sung một số
# điều của Bộ luật Hình sự`, Luật 12/2017/QH14).
_AMENDED_BY = {"bộ luật": "Luật", "code": "Law"}
# The texts a legislature passes, by the profile words their new document's form takes (`amending_law_preamble`,
# `amending_law_adoption`): the Constitution their first basis, a closing sentence that they were passed, no article on
# who implements them and no recipients. A law (Luật 22/2023/QH15, 57/2024/QH15) and an ordinance of the Standing
# Committee (Pháp lệnh: `Ủy ban Thường vụ Quốc hội ban hành Pháp lệnh …`, `Pháp lệnh số: …/UBTVQH…`); a resolution
# only when the National Assembly passes it (`QUYẾT NGHỊ:`); the other resolutions (a People's Council's, the
# Government's) are issued as other state texts are.
_LEGISLATED = {"luật": "law", "law": "law", "pháp lệnh": "ordinance", "ordinance": "ordinance"}
_ASSEMBLY = frozenset({"quốc hội", "national assembly", "the national assembly"})


def _legislated(kind: str, issuer: str) -> str | None:
    """The form of a new document of `kind` by `issuer` a legislature passes (`law`, `ordinance`, `resolution`),
    None for any other."""
    kind = kind.strip().lower()
    if kind in ("nghị quyết", "resolution"):
        return "resolution" if " ".join(issuer.lower().split()) in _ASSEMBLY else None
    return _LEGISLATED.get(kind)


def _fields(reg: Regulation, profile: Profile, title: str = "",
            amended_by: Sequence[str] = ()) -> dict[str, str]:
    """What the profile's `amending_*` phrases are filled with for a text `reg` (docs/architecture.md);
    `amended_by` names the amending documents adopted since (`Luật số 57/2024/QH15`)."""
    vi = reg.language != "en"
    words = profile.words(reg.language)
    kind = str(reg.meta.get("type") or "")
    base = cited(reg.title) if vi else reg.title
    # Who issues it: the body the text's own issuing sentence names (`The Office of the Provincial Party Committee
    # issues …`), as its amending document is issued by the body that issued it; else its issuer in the front
    # matter, as a sentence opens with it (`TỈNH ỦY ĐIỆN BIÊN`: `Tỉnh ủy Điện Biên`; `THE GOVERNMENT`: `The
    # Government`).
    issuer = issuing_body(reg.preamble)
    if not issuer:
        from regdraft.core.issuers import issuer_name

        meta = dict(reg.meta)
        committee = re.match(r"(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ) ỦY (.+)$", str(meta.get("issuer") or ""))
        if committee and not meta.get("place"):  # `TỈNH ỦY ĐIỆN BIÊN` names its place: `Tỉnh ủy Điện Biên`
            meta["place"] = committee.group(1).title()
        issuer = issuer_name(meta)
        issuer = issuer[:1].upper() + issuer[1:]
        if vi and kind.strip().lower() == "thông tư" and re.match(r"Bộ (?!trưởng)", issuer):
            # A circular is the minister's (Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 24): `Bộ trưởng Bộ Nội
            # vụ ban hành Thông tư …`, not the ministry's
            issuer = f"Bộ trưởng {issuer}"
    kind = kind or ("Quy chế" if vi else "Regulation")
    own = kind  # the text's own type, as its number is cited (`Quy chế số 01-QC/TU`), whatever amends it
    kind = _AMENDED_BY.get(kind.strip().lower(), kind)  # a code is amended by a law
    # A text issued with a decision is amended by a decision of its type (docs/format.md, `issued_with`): a UBND's
    # Quy chế làm việc by a `Quyết định sửa đổi, bổ sung một số điều của Quy chế … ban hành kèm theo Quyết định …`.
    kind = issued_with(reg.meta) or kind
    # The new document is of the text's type: an English sentence about it agrees with it ("These Regulations take
    # effect", "This Decision takes effect").
    several = not vi and names_several(kind)
    return {
        "type": kind,
        "base": base,
        "base_type": own,
        "cited": _first_citation(reg, base, words),
        "named": _first_citation(reg, base, words, numbered=True),
        "number": document_number(reg.meta),
        "signed": cited_date(reg.meta.get("signed"), profile.cited_style(reg.language), words),
        "title": cited(title) if vi else title,
        "issuer": issuer,
        "amended": words.get("amending_amended", "").format(documents=_listed(amended_by, vi)) if amended_by else "",
        "This": "These" if several else "This",
        "this": "these" if several else "this",
        "takes": "take" if several else "takes",
        "authority": _authority(reg, words),
        "ISSUER": issuer.upper(),  # the authority line of a decision: `ỦY BAN NHÂN DÂN TỈNH LÀO CAI`
    }


# The dashes joining the phrases of a motto: a hyphen, an en or an em dash, with or without spaces around it.
_MOTTO_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")


def _new_header_lines(meta: Mapping[str, Any], profile: Profile, vi: bool) -> dict[str, str]:
    """The national line and motto a new document prints, from its text's (`meta`): the profile's where the text's
    are the profile's as an older text wrote them (`Độc lập – Tự do – Hạnh phúc`, `CỘNG HOÀ …`: Nghị định 63/2010
    has en dashes), a text's own otherwise, its motto's phrases joined by hyphens, as Nghị định 30/2020/NĐ-CP writes
    the tiêu ngữ. The text itself keeps its lines as issued; a new document is written today (r36 BL 4)."""
    from regdraft.core.text import tone_key

    own = {"national": profile.national_default if vi else profile.national_en,
           "motto": profile.motto if vi else profile.motto_en}
    out = {}
    for key, default in own.items():
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            continue  # none, or given empty: the text prints none, and so does its new document
        if key == "motto":
            value = _MOTTO_DASH.sub(" - ", value.strip())
        if default and tone_key(" ".join(_MOTTO_DASH.sub(" - ", value).split())) == \
                tone_key(" ".join(_MOTTO_DASH.sub(" - ", default).split())):
            value = default
        out[key] = value
    return out


def _authority(reg: Regulation, words: Mapping[str, str]) -> str:
    """The basis an amending document cites first: the text's own first basis (`Căn cứ Điều lệ Đảng Cộng sản Việt
    Nam;`, an English board's `Pursuant to the Articles of Association of …;`), as the amending document rests on
    the same authority; else the profile's `amending_authority`, but a blank basis (`amending_basis_blank`) for a
    text whose front matter shows it is no Party document. A board's draft cited the Party's Charter, and so did a
    company's Staff Rules with no basis of their own."""
    first = reg.preamble[0].strip() if reg.preamble else ""
    if re.match(r"(Căn cứ|Pursuant to) \S", first) and "\n" not in first:
        return first.rstrip(";,.") + ";"
    named = [str(reg.meta.get(key) or "") for key in ("national", "issuer")]
    if any(named) and not any(_PARTY.search(text) for text in named) and words.get("amending_basis_blank"):
        return words["amending_basis_blank"]
    return words.get("amending_authority", "")


# A Party body or the Party's national line: `TỈNH ỦY ĐIỆN BIÊN`, `ĐẢNG ỦY KHỐI …`, `ĐẢNG CỘNG SẢN VIỆT NAM`, `the
# Provincial Party Committee`; not a People's Committee (`ỦY BAN NHÂN DÂN`).
_PARTY = re.compile(r"đảng|\bparty\b|(?<!\w)(?:ủy|uỷ)(?!\s*ban)(?!\w)", re.I)


def _listed(names: Sequence[str], vi: bool) -> str:
    """`A`, `A và B`, `A, B và C` (`and` in English)."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {'và' if vi else 'and'} {names[-1]}"


def amended_by(ws: Workspace, reg: Regulation, profile: Profile, on: dt.date | None = None) -> tuple[str, ...]:
    """The amending documents adopted for `reg` and in force on `on` (default: today), as an amending document cites
    them (`Luật số 57/2024/QH15`), in the words of `reg`'s document profile: a new draft's preamble cited a decree
    adopted but in force only next year as amending the text it amends now."""
    try:
        adopted = _adopted(ws, reg)
    except RegdraftError:
        return ()  # an unreadable amendment: `check` names it
    words = profile.words(reg.language)
    # In the order they were signed, as they are cited by their dates: replayed in the order they take effect, a
    # document in force before an earlier one read `… 05-QC/TU ngày 28/3/2025, … 08-QC/TU ngày 10/5/2026 và …
    # 07-QC/TU ngày 02/3/2026`.
    day = on or dt.date.today()
    adopted = [a for a in adopted if a.effective is not None and a.effective <= day]
    signed = sorted(adopted, key=lambda a: a.signed or dt.date.max)
    return tuple(_dated(document_name(a, words), a, reg.language, profile) for a in signed if a.number)


def _adopted(ws: Workspace, reg: Regulation) -> list[Amendment]:
    from regdraft.workspace.timeline import adopted_for

    return adopted_for(ws, reg.id)


@dataclass(frozen=True, slots=True)
class Later:
    """An amendment adopted for the regulation but not in force today (`new`): cited by the new document's preamble
    when it is in force on the day the document is to be signed (`cited`)."""

    slug: str
    number: str
    effective: dt.date
    cited: bool

    def said(self, signed: dt.date | None) -> str:
        """`150/2026/NĐ-CP (in force from 2027-03-01), cited: in force on 2027-04-01, the day it is to be signed`."""
        if self.cited:
            why = f"cited: in force on {signed}, the day it is to be signed"
        elif signed is None:
            why = "not cited"
        else:
            why = f"not cited: not yet in force on {signed}, the day it is to be signed"
        return f"{self.number} (in force from {self.effective}), {why}"


def later_adopted(ws: Workspace, reg: Regulation, signed: dt.date | None, today: dt.date) -> tuple[Later, ...]:
    """The numbered amendments adopted for `reg` that are not yet in force `today`, in the order they take effect,
    each with whether a document signed on `signed` (default: today) cites them."""
    try:
        adopted = _adopted(ws, reg)
    except RegdraftError:
        return ()
    day = signed or today
    return tuple(Later(a.slug, a.number, a.effective, a.effective <= day) for a in adopted
                 if a.number and a.effective is not None and a.effective > today)


def _dated(name: str, doc: Any, language: str, profile: Profile) -> str:
    """An amending document as a basis cites it: with its date (`Quy chế số 05-QC/TU ngày 15/3/2025`, as the
    text it amends is cited; `Regulations No. 05-QC/TU of 15 March 2025` in English), but a law by its number
    alone (`Luật số 57/2024/QH15`, as Luật 57/2024 cites the laws it amends)."""
    from regdraft.core.frontmatter import NAMED_ALONE

    date = cited_date(doc.signed, profile.cited_style(language), profile.words(language))
    if not date or str(doc.meta.get("type") or "").strip().lower() in NAMED_ALONE:
        return name
    return f"{name} of {date}" if language == "en" else f"{name} ngày {date}"


def _first_citation(reg: Regulation, base: str, words: Mapping[str, str], numbered: bool = False) -> str:
    """The text as a state document first cites it: a law or an ordinance by its name (`Luật Đấu thầu`; with
    `numbered`, and its number: `Luật Đấu thầu số 22/2023/QH15`, as an amending law's article heading names
    it), any other document by its type, number, date, issuer and subject (`Nghị định số 63/2010/NĐ-CP ngày 08
    tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính`, as Nghị định 48/2013/NĐ-CP cites it). A
    text with no number is cited by its name."""
    from regdraft.core.consolidate import reference, source_of
    from regdraft.core.frontmatter import NAMED_ALONE

    kind = str(reg.meta.get("type") or "").strip().lower()
    number = document_number(reg.meta)
    if not number or not kind:
        return base
    if kind in NAMED_ALONE:
        if reg.language == "en":  # "… of the Law on Tourism"
            return f"the {base} No. {number}" if numbered else f"the {base}"
        return f"{base} số {number}" if numbered else base
    return reference(source_of(reg.meta), words, with_summary=True)


def default_title(reg: Regulation, profile: Profile) -> str:
    """The usual title of an amending document: `Quy chế sửa đổi, bổ sung một số điều của Quy chế ...`
    (the profile's `amending_title`; a law's is `Luật sửa đổi, bổ sung một số điều của Luật ...`)."""
    return profile.words(reg.language)["amending_title"].format(**_fields(reg, profile))


def cited(title: str) -> str:
    """A title as the running text cites it: the document type keeps its capital (`Quy chế làm việc ...`)."""
    if title.split(" ")[0] in _DOCUMENT_TYPES or title.startswith("Bộ luật") or title[:2].isupper():
        return title
    return title[:1].lower() + title[1:]


def document_text(reg: Regulation, title: str, profile: Profile, amended: Sequence[str] = ()) -> str:
    """The Markdown of an empty amending document for `reg`, ready for instructions, in the words of its
    document profile (`amending_preamble`, `amending_article`, `amending_entry_title`, `amending_entry`)."""
    vi = reg.language != "en"
    words = profile.words(reg.language)
    fields = _fields(reg, profile, title, amended)
    meta: dict[str, Any] = {
        "number": None,
        "type": fields["type"],
        "title": title,
        "regulation": reg.id,
        "language": reg.language,
        "status": "draft",
        "draft": 1,
        "signed": None,
        "effective": None,
    }
    if reg.meta.get("profile"):
        meta["profile"] = reg.meta["profile"]
    meta.update({k: reg.meta[k] for k in _KEPT if reg.meta.get(k) is not None})
    meta.update({k: "" for k in _HEADER_LINES if k in reg.meta and reg.meta[k] is None})
    meta.update(_new_header_lines(meta, profile, vi))
    signer = meta.get("signer")
    if isinstance(signer, Mapping) and (signer.get("name") or "note" in signer):
        # Who signs is known when it is signed: the text's signer may have left office (a 2023 law's Chủ tịch
        # Quốc hội under a 2026 draft). The office and title stay; the name is left for the drafter. The text's
        # `(Đã ký)` is a copy's mark of a signed text: an unsigned draft carries none.
        meta["signer"] = {**{k: v for k, v in signer.items() if k != "note"}, "name": ""}
    form = _legislated(fields["type"], str(reg.meta.get("issuer") or ""))
    adoption = words.get(f"amending_{form}_adoption") if form else None
    law = bool(form and adoption)  # passed by a legislature, as the profile writes it (state-30)
    if words.get("amending_recipients"):
        # The profile's recipients for a new document, for the drafter to complete: the text's own were those of the
        # day it was issued (a 2010 decree's named bodies since dissolved). A law has none.
        meta.pop("recipients", None)
        if not law:
            meta["recipients"] = [line.strip() for line in words["amending_recipients"].split("\n") if line.strip()]
    if adoption:
        meta["adoption"] = adoption.format(**fields)
    article = "Điều" if vi else "Article"
    if issued_with(reg.meta) and "decision_preamble" in words:
        # A decision (Nghị định 30/2020/NĐ-CP, Phụ lục III): the authority line, the bases, `QUYẾT ĐỊNH:`, the
        # instructions in Điều 1, then its entry into force and who implements it.
        # A Party decision (Hướng dẫn 36-HD/VPTW): its bases, `BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH`, and Điều 2 and 3
        # with no title (its profile has no `decision_entry_title` / `decision_implementation_title`).
        entry, implementation = words.get("decision_entry_title", ""), words.get("decision_implementation_title", "")
        body = [
            *words["decision_preamble"].format(**fields).split("\n\n"),
            f"## {article} 1. {words['decision_article'].format(**fields)}",
            f"## {article} 2. {entry}" if entry else f"## {article} 2",
            words["decision_entry"].format(**fields),
            f"## {article} 3. {implementation}" if implementation else f"## {article} 3",
            words["decision_implementation"].format(**fields),
        ]
        return "---\n" + dump_front_matter(meta) + "\n---\n\n" + "\n\n".join(body) + "\n"
    preamble = (words.get(f"amending_{form}_preamble") if law else None) or words["amending_preamble"]
    body = [
        *preamble.format(**fields).split("\n\n"),
        f"## {article} 1. {words['amending_article'].format(**fields)}",
        f"## {article} 2. {words['amending_entry_title']}",
        words["amending_entry"].format(**fields),
    ]
    implementation = _implementation(fields["type"], words)
    if not law and implementation:  # who implements it (Nghị định 48/2013/NĐ-CP, Điều 5 khoản 2)
        body += [f"## {article} 3. {words['amending_implementation_title']}", implementation.format(**fields)]
    return "---\n" + dump_front_matter(meta) + "\n---\n\n" + "\n\n".join(body) + "\n"


def _implementation(kind: str, words: Mapping[str, str]) -> str:
    """The sentence naming who implements a new amending document, unformatted: a decree's its own
    (`amending_decree_implementation`), another's `amending_implementation`; "" where the profile has no article on
    it (a Party document says it in its entry into force) or no title for it."""
    if not words.get("amending_implementation_title"):
        return ""
    if kind.strip().lower() in ("nghị định", "decree") and words.get("amending_decree_implementation"):
        return words["amending_decree_implementation"]
    return words.get("amending_implementation", "")


@dataclass(frozen=True, slots=True)
class Started:
    """What `new` wrote: the file, the word its articles are headed with (`Điều`, `Article`), and the amendments
    adopted but not yet in force today, each cited by its preamble or not (`Later`)."""

    path: str
    article: str
    later: tuple[Later, ...]


@writes
def new(ws: Workspace, slug: str, regulation: str, title: str | None, *, force: bool = False,
        signed: dt.date | None = None) -> Started:
    """Create `amendments/<slug>/amendment.md` for a regulation in one commit. Its preamble cites the amendments in
    force on `signed`, the day it is to be signed (default: today): one adopted but in force later is cited only by
    a document signed once it is. A regulation a new one replaced is refused unless `force`: an amendment to it could
    never take effect, and numbers restart each term, so its id is easily the wrong one."""
    from regdraft.workspace.api import load_regulation
    from regdraft.workspace.profiles import profile_for

    relative = amendment_path(slug)
    if slug in slugs(ws) or ws.exists(relative):
        raise RegdraftError(f"The amendment '{slug}' already exists ({relative}).")
    refuse_case_twin(ws, slug)
    reg = load_regulation(ws, regulation)
    if signed is not None:
        _refuse_before(reg, signed)
    if not force:
        _refuse_replaced(ws, reg)
    profile = profile_for(ws, reg.meta)
    text = document_text(reg, title or default_title(reg, profile), profile, amended_by(ws, reg, profile, signed))
    load_amendment(text, relative, slug)  # the scaffold itself must read back
    ws.commit({relative: text.encode("utf-8")}, f"Start amendment {slug} of {reg.id}")
    return Started(relative, noun(Kind.ARTICLE, reg.language), later_adopted(ws, reg, signed, dt.date.today()))


def _refuse_before(reg: Regulation, signed: dt.date) -> None:
    """Refuse a day to be signed before the regulation was itself signed, as `amend adopt` refuses that signing date
    (`gates._before_regulation`, by the same rule): a year mistyped (1925 for 2025) was taken without a word (r39
    sweep CC F5)."""
    from regdraft.core.dates import signed_after

    if own := signed_after(reg.meta, signed):
        raise UsageError(f"The day the amending document is to be signed, {signed}, is before {reg.id} itself was "
                         f"signed ({own}): give a day on or after {own}. Nothing was changed.", options=("signed",))


def _refuse_replaced(ws: Workspace, reg: Regulation) -> None:
    """Refuse to start an amendment to a regulation a new one replaced (docs/format.md, `replaces`)."""
    from regdraft.workspace.replacements import in_language, original, replaced_on

    found = replaced_on(ws, original(reg.meta), dt.date.today())
    if found is not None:  # a translation is told of the new one's translation, when there is one
        found = in_language(ws, found, reg.meta)
        raise RegdraftError(f"{reg.id} is no longer in force: {found.named()} replaced it on {found.on}, so an "
                            f"amendment to it could never take effect. Amend {found.new}, the regulation in force; "
                            f"start one for {reg.id} only to record its history.", options=("force",))

"""Terms of the Party committee (khóa XIV, khóa XV): document numbers restart each term (Hướng dẫn 36-HD/VPTW).

A regulation's term is its front matter's `term` (`khóa XV, nhiệm kỳ 2025 - 2030`; a translation's `term XV, …`, else
its original's), read by its numeral: `khóa XIV` and `term XIV` are one term. An amendment is of the term of the
regulation it amends. Two documents bearing one number clash unless both terms are known and differ: a workspace
with no `term` anywhere numbers as it always did.

Post-conditions:
1. `Terms.apart(a, b)` is true only when both terms are known and differ.
2. `adoption_tag(ws, a)` is `adopted/<number>` (`adopted/05-QC-TU`, as every tag before terms), unless an adopted
   amendment of an earlier term bears the number: then `adopted/<term>/<number>` (`adopted/XV/05-QC-TU`). The
   earliest term's bearer keeps the plain tag, so a tag already made never changes its meaning.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from regdraft.core.amend.document import Amendment
from regdraft.core.dates import read_date
from regdraft.core.frontmatter import document_number
from regdraft.workspace.store import Workspace

TAGS = "adopted/"
_NUMERAL = re.compile(r"\b(?:khóa|khoá|term)\s+([IVXLC]+)\b", re.IGNORECASE)


def term_key(value: object) -> str:
    """`XIV` for `khóa XIV, nhiệm kỳ 2020 - 2025` and `term XIV, 2020 - 2025`; any other term folded; '' for none."""
    text = unicodedata.normalize("NFC", " ".join(str(value or "").split()))
    found = _NUMERAL.search(text)
    return found.group(1).upper() if found else text.casefold()


@dataclass(frozen=True, slots=True)
class Terms:
    """The term of each regulation of a workspace (by id), its number, and when each term's first text took effect."""

    of_regulation: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)
    starts: dict[str, dt.date] = field(default_factory=dict)

    def of(self, amendment: Amendment) -> str:
        """The term of an amendment: its regulation's ('' when unknown)."""
        return self.of_regulation.get(amendment.regulation, "")

    @staticmethod
    def apart(one: str, other: str) -> bool:
        """Whether two documents of these terms may bear one number: both terms known, and different."""
        return bool(one and other and one != other)

    def rank(self, term: str) -> tuple[dt.date, str]:
        """Earlier terms first: by the day the term's first regulation took effect, then by name."""
        return self.starts.get(term, dt.date.max), term


def terms(ws: Workspace) -> Terms:
    """The terms of the workspace's regulations, read from their front matter."""
    from regdraft.workspace.replacements import fronts

    metas = {str(meta.get("id") or ""): meta for _, _, meta in fronts(ws)}
    own = {reg_id: term_key(meta.get("term")) for reg_id, meta in metas.items()}
    of_regulation = {}
    for reg_id, meta in metas.items():  # a translation without a term is of its original's
        of_regulation[reg_id] = own[reg_id] or own.get(str(meta.get("translation_of") or ""), "")
    starts: dict[str, dt.date] = {}
    for reg_id, meta in metas.items():
        began = read_date(meta.get("effective")) or read_date(meta.get("signed"))
        term = of_regulation[reg_id]
        if term and began is not None and (term not in starts or began < starts[term]):
            starts[term] = began
    return Terms(of_regulation, {reg_id: document_number(meta) for reg_id, meta in metas.items()}, starts)


def term_name(term: str, regulation: str) -> str:
    """The term as a tag's folder: its numeral (`XV`), else its words in ASCII, else the regulation's id."""
    folded = unicodedata.normalize("NFKD", term.replace("đ", "d").replace("Đ", "D"))
    words = re.findall(r"[A-Za-z0-9]+", folded.encode("ascii", "ignore").decode())
    return "-".join(words) or regulation.replace("/", "-").replace(" ", "-")


def adoption_tag(ws: Workspace, amendment: Amendment, known: Terms | None = None) -> str:
    """The git tag of an amendment's adoption (post-condition 2): `adopted/05-QC-TU`, or `adopted/XV/05-QC-TU` for
    term XV's 05-QC/TU when term XIV's 05-QC/TU was adopted."""
    from regdraft.workspace.amendments import list_amendments

    plain = amendment.number.replace("/", "-").replace(" ", "-")
    known = known if known is not None else terms(ws)
    own = known.of(amendment)
    if not own or not amendment.number:
        return TAGS + plain
    earlier = [o for o in list_amendments(ws) if o.slug != amendment.slug and o.number == amendment.number
               and o.status == "adopted" and known.apart(known.of(o), own)
               and known.rank(known.of(o)) < known.rank(own)]
    return f"{TAGS}{term_name(own, amendment.regulation)}/{plain}" if earlier else TAGS + plain

"""Document numbers in a workspace: each document has its own, and the number suggested when one is missing.

An amending document is a document of its own: it never bears the number of the text it amends (`07-QC/VPTU`
amended by `08-QC/VPTU`), of another regulation, or of another amendment. `taken` says which document holds a
number (`amend number` refuses it), `number_problems` reports a number given by hand in the front matter
(`regdraft check`), and `example_number` is the number the adoption gate suggests: free in the workspace and in the
series of the text amended, so that a clerk who copies the command does not number two documents alike.

A number names its adoption's git tag (`adopted/05-QC-TU`): `untaggable` says what in a number git cannot put in a
tag (`05..QC/TU`, `@{-1}`, `05~1`, a `.lock` or `.` ending, `:`, `*`, `\\`), which `amend number`, `check` and `amend
check` refuse; `amend adopt` failed only at its end, with git's message.

Numbers restart each term (`workspace.terms`): term XV's 05-QC/TU is no clash with term XIV's, and a number is
suggested in the series of its own term (term XV's second Quy chế is 02-QC/TU, whatever term XIV reached).
"""

from __future__ import annotations

import datetime as dt

from regdraft.core.amend.document import Amendment
from regdraft.core.commands import Command
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.frontmatter import document_number
from regdraft.core.patterns import lazy
from regdraft.workspace.amendments import list_amendments
from regdraft.workspace.run_memo import kept
from regdraft.workspace.store import Workspace
from regdraft.workspace.terms import Terms, terms

# `07-QC/VPTU`, `05a-QC/TU`: a Party text's number and its series; `12/2012/QH13`: a state text's, its year and
# series, the series of a law or a resolution of the National Assembly ending in the term that passed it (QH13 is
# 2011-2016), which a number in another year cannot be guessed from.
_PARTY = lazy(r"(\d+)[a-z]?-(\S+)")
_STATE = lazy(r"(\d+)/(\d{4})/(\S+?)(\d*)")
_LEADING = lazy(r"(\d+)([^\d\s]\S*)")  # `01/WR-BD`: a number, then its series
PLACEHOLDER = "…"  # the part of a suggested number regdraft cannot know (the term of `01/2026/QH…`)


_UNTAGGABLE = "~^:?*[\\"  # characters git never allows in a tag's name (`git check-ref-format`)
# Characters a shell reads as code, which git allows in a tag's name: `61/2020/NĐ-CP;touch${IFS}x;` made the tag
# `adopted/61-2020-NĐ-CP;touch${IFS}x;`, and advice naming it ran code when pasted (r40 sweep CE F2). No document's
# number holds one (`05-QC/TU`, `48/2013/NĐ-CP`, `57/2024/QH15`).
_SHELL = ";&|<>()$`'\"!{}#"


def untaggable(number: str) -> str:
    """What in `number` git cannot put in an adoption tag's name (`'..' and ':'`), '' when nothing."""
    found = [f"'{ch}'" for ch in dict.fromkeys(number) if ch in _UNTAGGABLE]
    found += ["a control character"] if any(ord(ch) < 32 or ord(ch) == 127 for ch in number) else []
    found += [f"'{pair}'" for pair in ("..", "@{") if pair in number]
    found += ["'.' at its start"] if number.startswith(".") else []
    found += ["'.lock' at its end"] if number.endswith(".lock") else ["'.' at its end"] if number.endswith(".") else []
    return " and ".join([", ".join(found[:-1]), found[-1]] if len(found) > 1 else found)


def unsafe(number: str) -> str:
    """What in `number` a shell reads as code (`';' and '$'`), '' when nothing."""
    found = [f"'{ch}'" for ch in dict.fromkeys(number) if ch in _SHELL]
    found += ["a tab or a line break"] if any(ch.isspace() and ch != " " for ch in number) else []
    return " and ".join([", ".join(found[:-1]), found[-1]] if len(found) > 1 else found)


def untaggable_sentence(number: str) -> str:
    """Why `number` cannot be an amending document's number (`untaggable`, `unsafe`), '' when it can."""
    what = untaggable(number)
    if what:
        return (f"the number {number} holds {what}, which git cannot put in the name of the adoption's tag "
                "(adopted/…); write the number as the document is signed, e.g. 05-QC/TU")
    what = unsafe(number)
    return (f"the number {number} holds {what}, which no document's number holds and which a shell reads as a "
            "command in the adoption's tag (adopted/…) that advice names; write the number as the document is "
            "signed, e.g. 05-QC/TU") if what else ""


def refuse_untaggable(amendment: Amendment) -> None:
    """Refuse (`UsageError`) an amendment whose number git cannot tag or a shell reads as code (`untaggable_sentence`),
    naming its file: `amend adopt`, `amend status` and `amend import`."""
    from regdraft.core.errors import UsageError

    if refused := untaggable_sentence(amendment.number or ""):
        raise UsageError(f"{amendment.source}: {refused[0].upper() + refused[1:]}; give it its number with "
                         f"`{Command.of('amend number', amendment.slug, 'NUMBER')}`. Nothing was changed.")


def taken(ws: Workspace, number: str, slug: str = "", language: str = "", term: str = "") -> str:
    """What in the workspace already bears `number` (`the regulation 07-QC/VPTU`, `the amendment 'records-2025'`),
    other than the amendment `slug`; '' when nothing does. An amendment in another `language` bearing it is its
    translation, not another document; a document of another `term` (both terms known) numbers in its own series."""
    known = terms(ws)
    holder = _regulation_holding(known, number, term, _originals(ws))
    if holder:
        return f"the regulation {holder}"
    for other in list_amendments(ws):
        if other.slug != slug and other.number == number and not (language and other.language != language) \
                and not known.apart(known.of(other), term):
            return f"the amendment '{other.slug}'"
    return ""


def refuse_taken(ws: Workspace, amendment: Amendment, number: str | None = None) -> None:
    """Refuse (`RegdraftError`) `number` (default: the amendment's own) for `amendment` when another document of the
    workspace bears it (`taken`): `amend number`, and `amend import` of a document already there under another
    slug."""
    wanted = amendment.number if number is None else number
    holder = taken(ws, wanted, amendment.slug, amendment.language, term_of(ws, amendment))
    if holder:
        raise RegdraftError(f"The number {wanted} is already that of {holder}; each document has its own number, "
                            "an amending document too.")


def term_of(ws: Workspace, amendment: Amendment) -> str:
    """The term of an amendment (its regulation's), '' when unknown."""
    return terms(ws).of(amendment)


def _regulation_holding(known: Terms, number: str, term: str, originals: dict[str, str]) -> str:
    """The id of the regulation bearing `number` in `term` (its number, or its workspace id when that is another:
    `01-QC/TU-XV` is no term's number), '' for none. A translation never holds a number: its original does
    (`originals`, each translation's original by the translation's id), whichever file comes first."""
    for reg_id, own in known.numbers.items():
        if (reg_id == number and own != number) or (own == number and not known.apart(known.of_regulation[reg_id],
                                                                                       term)):
            return originals.get(reg_id, reg_id)
    return ""


def _originals(ws: Workspace) -> dict[str, str]:
    """Each translation's original (`translation_of`) by the translation's id, when the workspace holds it; read once
    in a run (`run_memo`: `check` read every regulation's front matter again for each amendment)."""
    return kept(ws, "originals", lambda: _read_originals(ws))


def _read_originals(ws: Workspace) -> dict[str, str]:
    from regdraft.workspace.replacements import fronts

    metas = {str(meta.get("id") or ""): meta for _, _, meta in fronts(ws)}
    return {reg_id: str(meta["translation_of"]) for reg_id, meta in metas.items()
            if str(meta.get("translation_of") or "") in metas}


def number_problems(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: each amendment (of the regulation `name`) whose number is a regulation's or another
    amendment's of its term (`numbered_as_another`)."""
    amendments = list_amendments(ws)
    known = terms(ws)
    return [problem for amendment in amendments if name is None or name in amendment.regulations
            for problem in numbered_as_another(ws, amendment, amendments, known)]


def numbered_as_another(ws: Workspace, amendment: Amendment, amendments: list[Amendment] | None = None,
                        known: Terms | None = None) -> list[Problem]:
    """The problem of an amendment whose number is a regulation's or another amendment's of its term (of an adopted
    document and another, the other is reported: the adopted one's number stands); none when its number is its
    own in its term."""
    if not amendment.number:
        return []
    if refused := untaggable_sentence(amendment.number):
        from regdraft.core.comment_yaml import key_line  # YAML: loaded only to place a problem found

        # Adopted under it (before round 40 refused such a number), the number is final and its tag made: a warning,
        # the advice naming the tag quoted for a shell all the same.
        return [Problem(refused[0].upper() + refused[1:] + ".", amendment.source,
                        key_line(ws.read(amendment.source), "number"),
                        warning=amendment.status == "adopted" and not untaggable(amendment.number))]
    known = known if known is not None else terms(ws)
    term = known.of(amendment)
    holder = _regulation_holding(known, amendment.number, term, _originals(ws))
    if holder and holder == amendment.meta.get("id") and amendment.replacing:
        holder = ""  # a new regulation's draft, issued: the regulation bearing its number is the one it became
    holder = f"the regulation {holder}" if holder else ""
    others = [o for o in (list_amendments(ws) if amendments is None else amendments)
              if o.slug != amendment.slug and o.number == amendment.number and o.language == amendment.language
              and (o.status == "adopted" or amendment.status != "adopted") and not known.apart(known.of(o), term)]
    holder = holder or (f"the amendment '{others[0].slug}'" if others else "")
    if not holder:
        return []
    from regdraft.core.comment_yaml import key_line  # YAML: loaded only to place a problem found

    return [Problem(f"its number {amendment.number} is that of {holder}: an amending document has a number of its "
                    f"own; give it its own with `{Command.of('amend number', amendment.slug, 'NUMBER')}`",
                    amendment.source, key_line(ws.read(amendment.source), "number"))]


def example_number(ws: Workspace, amendment: Amendment, signed: dt.date) -> str:
    """A number for `amendment` to be signed with on `signed`, free in the workspace, in the series of the text it
    amends: after `07-QC/VPTU` and `08-QC/VPTU`, `09-QC/VPTU`; a law's in the year signed, `46/2026/QH15` after
    `45/2026/QH15`, and `01/2026/QH…` when no text of that year tells the term (the term of the text amended,
    QH13 for a 2012 law, is no longer the National Assembly's); another number's after its leading number
    (`02/WR-BD` after `01/WR-BD`); "" for a number with no leading number."""
    from regdraft.workspace.api import load_regulation

    known = terms(ws)
    ours = known.of(amendment)  # numbers restart each term: term XV's are counted from its own
    used = {reg_id for reg_id, own in known.numbers.items() if reg_id != own}
    used |= {own for reg_id, own in known.numbers.items() if not known.apart(known.of_regulation[reg_id], ours)}
    used |= {a.number for a in list_amendments(ws) if a.number and not known.apart(known.of(a), ours)}
    try:  # a translation's number is its original's (`01-QC/TU-EN` is numbered 01-QC/TU)
        number = document_number(load_regulation(ws, amendment.regulation).meta)
    except RegdraftError:
        number = amendment.regulation
    state = _STATE.fullmatch(number)
    if state:
        letters, term = state.group(3), state.group(4)
        year = str(signed.year)
        same = [m for m in map(_STATE.fullmatch, used) if m and m.group(2) == year and m.group(3) == letters
                and bool(m.group(4)) == bool(term)]
        if term:
            sittings = sorted({m.group(4) for m in same}, key=int)
            if not sittings:
                return f"01/{year}/{letters}{PLACEHOLDER}"
            same = [m for m in same if m.group(4) == sittings[-1]]
            letters += sittings[-1]
        return f"{max((int(m.group(1)) for m in same), default=0) + 1:02d}/{year}/{letters}"
    party = _PARTY.fullmatch(number)
    if party:
        series = party.group(2)
        numbered = [int(m.group(1)) for m in map(_PARTY.fullmatch, used) if m and m.group(2) == series]
        return f"{max(numbered, default=0) + 1:02d}-{series}"
    # Any other number with a leading number keeps what follows it (`01/WR-BD`, then `02/WR-BD`); one without has
    # no series regdraft can read, and gets no example: never another series' number.
    own = _LEADING.fullmatch(number)
    if not own:
        return ""
    numbered = [int(m.group(1)) for m in map(_LEADING.fullmatch, used) if m and m.group(2) == own.group(2)]
    return f"{max(numbered, default=0) + 1:02d}{own.group(2)}"

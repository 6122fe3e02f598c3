"""Whether a comment's proposed wording can be the provision it is made on: refused when it is made, in a sentence
saying why, rather than recorded and then never accepted (`regdraft.core.comments.prepare` calls these).

Post-conditions:
1. A wording that opens as its provision and goes on with a line labelling another unit (`d) Cơ sở.` on điểm c, `a) …`
   after a lead-in, `Điều 7a. …` after a title) raises `WrongWording` with `extra` that line, and its sentence names
   it and the unit to comment on instead.
2. A title on several lines, none labelling a unit, raises `WrongWording` with `lines` their number.
"""

from __future__ import annotations

from regdraft.core.errors import UsageError
from regdraft.core.model import Address, Kind, Regulation
from regdraft.core.text import excerpt

GENERAL = "general"  # a comment on the draft as a whole (`regdraft.core.comments.GENERAL`)


class WrongWording(UsageError):
    """A proposed wording labelled as another provision than the one commented on; `first` is its first line."""

    def __init__(self, message: str, first: str, extra: str = "", lines: int = 0) -> None:
        super().__init__(message)
        self.first = first
        self.extra = extra  # a line of another unit in a wording that opens as the provision (`d) Cơ sở.`)
        self.lines = lines  # a title proposed on this many lines, none labelling another unit


def _holding(address: Address, extra: str, language: str) -> WrongWording:
    """The refusal of a wording for `address` that goes on with `extra`, a line labelling another unit: a proposal
    rewrites its provision alone, and accepting one that adds a unit failed (`Điểm a … appears twice`)."""
    at = address.describe(language)
    parent = (address.parent() or address).describe(language)
    return WrongWording(f"The proposed wording for {at} goes on with {excerpt(extra)}, another unit than {at}: a "
                        f"proposal rewrites {at} alone. To add or merge units, comment on {parent} and write the "
                        f"wording for the whole of {parent}.", extra, extra)


def _labels_a_unit(line: str) -> bool:
    """True for a line labelled as an article, clause, point or appendix (`Điều 7a. …`, `2. …`, `a) …`)."""
    from regdraft.core.amend.quote import CLAUSE, HEADING, POINT
    from regdraft.core.labels import APPENDIX_HEADING

    return bool(CLAUSE.match(line) or POINT.match(line) or HEADING.match(line) or APPENDIX_HEADING.match(line))


def _reads_as_the_provision(proposal: str, on: str, language: str) -> None:
    """Refuse a wording written with a provision's label that is not the provision commented on: the browser
    kept the wording of khoản 9 when the member clicked khoản 8, and the comment was filed on khoản 8.
    A proposal without a label of its own (free text) is the body's words and is kept as it is."""
    from regdraft.core.amend.proposal import PROPOSABLE, Unreadable, proposed_unit
    from regdraft.core.amend.quote import CLAUSE, HEADING, POINT

    first = proposal.split("\n", 1)[0].strip()
    if on == GENERAL or not first or not (CLAUSE.match(first) or POINT.match(first) or HEADING.match(first)):
        return
    address = Address.parse(on)
    if address.segments[-1].kind not in PROPOSABLE:
        return
    try:
        proposed_unit(proposal, address, language)
    except UsageError as exc:
        reason = exc.reason if isinstance(exc, Unreadable) else exc.args[0]  # said once, not inside a second sentence
        extra = _another_unit(proposal, address)
        if extra:  # it does open as the provision: the added line is what is wrong, not its opening
            raise _holding(address, extra, language) from None
        raise WrongWording(f"The proposed wording begins “{first[:60]}”, which is not "
                           f"{address.describe(language)}, the provision commented on: {reason} Choose the "
                           "provision the wording is for, or write the wording for this one.", first[:60]) from None


def _reads_as_the_part(proposal: str, on: str, language: str) -> None:
    """Refuse a wording for a lead-in, closing text, dash or plus item holding a line labelled as a unit: such a part
    has no label of its own, so a labelled first line is another provision, and a labelled line after it adds a unit
    (`a) Một điểm mới;` after the lead-in of khoản 1 Điều 4), which accepting it could never write."""
    lines = [" ".join(line.split()) for line in proposal.split("\n") if line.strip()]
    labelled = [line for line in lines if _labels_a_unit(line)]
    if not labelled:
        return
    address = Address.parse(on)
    if labelled[0] is not lines[0]:
        raise _holding(address, labelled[0][:60], language)
    at = address.describe(language)
    raise WrongWording(f"The proposed wording begins “{lines[0][:60]}”, which is not {at}, the provision commented "
                       f"on: {at} has no label of its own. Choose the provision the wording is for, or write the "
                       "wording for this one without a label.", lines[0][:60])


def _another_unit(proposal: str, address: Address) -> str:
    """The first line after the first of a wording that opens with the provision's own label and then labels
    another unit of its kind or above (`c) …;` then `d) Cơ sở.` on điểm c): the reason a page can name, where it
    said the wording did not begin with điểm c."""
    from regdraft.core.amend.quote import CLAUSE, HEADING, POINT

    lines = [line.strip() for line in proposal.split("\n") if line.strip()]
    own = {Kind.POINT: POINT, Kind.CLAUSE: CLAUSE}.get(address.kind)
    opening = own.match(lines[0]) if own is not None and lines else None
    if opening is None:
        return ""
    label = opening.group(1) + (opening.group(2) if own is POINT else "")
    if label.replace("đ", "dd") != address.label.replace("đ", "dd"):
        return ""
    above = {Kind.POINT: (POINT, CLAUSE, HEADING), Kind.CLAUSE: (CLAUSE, HEADING)}
    return next((line[:60] for line in lines[1:] if any(p.match(line) for p in above[address.kind])), "")


def _reads_as_the_title(proposal: str, on: str, draft: Regulation) -> None:
    """Refuse a proposed title that is no title of the unit commented on: several lines, another unit's label."""
    from regdraft.core.amend.proposal import proposed_title

    address = Address.parse(on)
    lines = [" ".join(line.split()) for line in proposal.split("\n") if line.strip()]
    added = next((line[:60] for line in lines[1:] if _labels_a_unit(line)), "")
    if added:  # `Điều 7a. …` after the new title: that line is what is wrong, not the title (which it is)
        raise _holding(address, added, draft.language)
    try:
        proposed_title(draft.find(address).unit, lines)
    except UsageError as exc:
        raise WrongWording(f"{exc.args[0]} Write the title of {address.unit.describe(draft.language)} on one line, "
                           "with or without its label.", proposal.split("\n", 1)[0][:60],
                           lines=len(lines) if len(lines) > 1 else 0) from None

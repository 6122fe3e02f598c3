"""The amending documents a draft cites: one adopted since it was begun and not cited is a warning of `amend check`.

`amend new` writes the bases (`Căn cứ …`) and Điều 1's heading citing the text "as amended by" every amending
document adopted for it then (`scaffold.amended_by`). An amendment adopted after the draft was begun (another
machine's, synced) is cited nowhere: the document would be issued on an out-of-date legal basis, and nothing
said so (Quy chế 07-QC/TU citing 01-QC/TU as amended by 05-QC/TU, not by 08-QC/TU signed before it).
"""

from __future__ import annotations

from regdraft.core.amend.document import Amendment
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.markdown import decode
from regdraft.core.model import Kind, noun
from regdraft.workspace.store import Workspace


def uncited_adoptions(ws: Workspace, amendment: Amendment) -> tuple[Problem, ...]:
    """A warning naming each numbered amending document adopted for the regulation `amendment` amends that its
    text cites nowhere (by number), at the line of its Điều 1 heading; none for a document amending nothing
    adopted, or one that cannot be read (`check` names that)."""
    from regdraft.workspace.timeline import adopted_for

    try:
        adopted = [a for a in adopted_for(ws, amendment.regulation) if a.number and a.slug != amendment.slug]
        text = decode(ws.read(amendment.source), amendment.source)
    except RegdraftError:
        return ()
    missing = [a for a in adopted if a.number not in text]
    if not missing:
        return ()
    article = noun(Kind.ARTICLE, amendment.language)
    lines = text.split("\n")
    heading = next((n for n, line in enumerate(lines, start=1)
                    if line.lstrip("#").strip().startswith(f"{article} {amendment.article.label}.")), 1)
    names = ", ".join(f"{a.number} (signed {a.signed})" if a.signed else a.number for a in missing)
    from regdraft.workspace.profiles import profile_for

    opening = profile_for(ws, amendment.meta).words(amendment.language)["bases_opening"]  # `Căn cứ`, `“Pursuant to …”`
    return (Problem(f"The document cites {amendment.regulation} without {names}, adopted for it since this draft "
                    f"was begun: cite the text as amended by it in the bases ({opening}) and in {article} "
                    f"{amendment.article.label}'s heading, as a new draft would, or the document is issued on "
                    "an out-of-date legal basis.", amendment.source, heading, warning=True),)

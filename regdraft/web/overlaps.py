"""What an amendment's review page says of the other pending amendments that change the same provisions
(`workspace.overlaps`): one sentence for each, naming both drafts by folder (and number), and the provisions.

Two drafts of one law from `amend new` read alike (same title, no number) and nothing on either page said that the
other changes the same words (r42 sweep CM 6); `amend conflicts` lists the instructions, for the office.
"""

from __future__ import annotations

from regdraft.web.words import Words
from regdraft.workspace.store import Workspace

SHOWN = 6  # provisions named in a sentence; past it (7 or more: a plural), all counted and the first six named


def notices(ws: Workspace, slug: str, ui: Words) -> tuple[str, ...]:
    """One sentence for each other pending amendment changing provisions `slug` changes (none when it is not
    pending), in the page's words."""
    from regdraft.core.amend.citing import cite_list
    from regdraft.workspace.overlaps import overlaps_of

    out = []
    for overlap in overlaps_of(ws, slug):
        other = overlap.other
        named = ui("overlap_numbered", number=other.number, slug=other.slug) if other.number else other.slug
        cited = cite_list(overlap.provisions[:SHOWN], ui.language, of=True)
        if len(overlap.provisions) > SHOWN:  # the first of them named: `9 quy định, trong đó có …`
            cited = ui("overlap_more", provisions=cited, count=ui.figure(len(overlap.provisions)))
        out.append(ui("overlap", slug=slug, other=named, provisions=cited))
    return tuple(out)

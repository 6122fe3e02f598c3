"""Provisions named in a message, a list a drafter reads: `check` naming the provisions a hand edit changed, an
edited text's odd spaces, a reply's provisions that read differently.

`named_provisions(addresses, language, shown)`: the first `shown` by name, then how many more. A Vietnamese address
holds no comma (`điểm a khoản 2 Điều 1`), so the list is joined by commas as before: `khoản 1 Điều 1, khoản 2 Điều 1
and 3 more`. An English address spoken on its own holds commas (`point a, clause 2, Article 1`), so a list joined by
commas could not be read (`Article 1, clause 1, Article 1, clause 2, Article 1, …`: sweep r26/O 9c): it is cited as
an English instruction cites several provisions (`wording.cite_list`, every provision with `of`, siblings and
articles next to each other together), so that its commas part only provisions: `Article 1, clauses 1 and 2 of
Article 1 and point a of clause 2 of Article 1 (and 3 more)`.
"""

from __future__ import annotations

from collections.abc import Sequence

from regdraft.core.amend.wording import cite_list
from regdraft.core.model import Address


def named_provisions(addresses: Sequence[Address], language: str, shown: int = 3) -> str:
    """The first `shown` of `addresses`, in the order given, then how many more (module docstring)."""
    more = len(addresses) - shown
    if language == "en":
        named = cite_list(addresses[:shown], language, of=True) if addresses else ""
        return named + (f" (and {more} more)" if more > 0 else "")
    return ", ".join(a.describe(language) for a in addresses[:shown]) + (f" and {more} more" if more > 0 else "")

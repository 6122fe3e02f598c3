"""The word an English text names its appendices by (`Schedule 1`, `Annex A`; `Unit.designation`), for messages and
instructions about them: `Address.describe` and the instructions regdraft writes say `Schedule 1` inside
`designating(...)`, as the text says it, rather than `Appendix 1`.

Post-conditions:
1. Outside `designating`, and for a Vietnamese text (whose designations are all empty: `Phụ lục I`), `designated`
   gives `noun(APPENDIX, language)` and the label (`Appendix 1`, `Phụ lục I`), as before.
2. Inside `designating(units)`, `designated(label, "en")` is the designation of the appendix labelled `label` among
   `units` when it has one (`Schedule 1`; `Schedule` for a text's one unnumbered schedule), and the nested call's
   units win over an outer call's; one the text lacks is named by the word of all of them (`Schedule 4`). Every
   form it gives reads back as the same appendix (docs/format.md): the one unnumbered `Schedule` is `Schedule 1`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol

from regdraft.core.labels import Kind, noun


class _Designated(Protocol):
    @property
    def kind(self) -> Kind: ...

    @property
    def label(self) -> str: ...

    @property
    def designation(self) -> str: ...


_WORDS: ContextVar[Mapping[str, str] | None] = ContextVar("designations", default=None)


# The key of the word every appendix of the text is designated by, which names one it lacks (`Schedule 4`).
_EVERY = ""


def designations(units: Iterable[_Designated]) -> dict[str, str]:
    """Each appendix among `units` (a regulation's top-level units) that the text designates its own way: label ->
    `Schedule 1` (its one unnumbered `Schedule` too, which only reads back numbered); and when every appendix is
    designated by one word, that word, for an appendix it does not have."""
    appendices = [u for u in units if u.kind is Kind.APPENDIX]
    found = {u.label: u.designation if " " in u.designation else f"{u.designation} {u.label}"
             for u in appendices if u.designation}
    words = {d.split()[0] for d in found.values()}
    if len(found) == len(appendices) and len(words) == 1:
        found[_EVERY] = words.pop()
    return found


@contextmanager
def designating(words: Mapping[str, str]) -> Iterator[None]:
    """Inside, an English appendix labelled as a key of `words` (`designations`) is named by its value."""
    token = _WORDS.set({**(_WORDS.get() or {}), **words})
    try:
        yield
    finally:
        _WORDS.reset(token)


def designated(label: str, language: str) -> str:
    """`Schedule 1` (inside `designating`, English), else `Appendix 1` / `Phụ lục I` (post-condition 1)."""
    words = _WORDS.get()
    if language == "en" and words:
        if word := words.get(label) or (f"{words[_EVERY]} {label}" if _EVERY in words else ""):
            return word
    return f"{noun(Kind.APPENDIX, language)} {label}"

"""The words a drafter may answer a comment with (`comment respond --disposition`): each disposition's own value
(`partly`), and the words the comment reports print for it, in English and Vietnamese (`Partly accepted`,
`not-accepted`, `Tiếp thu một phần`; r34 sweep BE point 6).

Post-conditions of `read_disposition`:
1. Case, hyphens, underscores and runs of spaces do not count (`Not_Accepted`, `not  accepted`), nor Unicode
   normalisation or tone placement (`Ghi nhận` typed decomposed).
2. Every label the shipped profile prints for a disposition (`disposition_*` in party-36.yaml) reads as it.
3. Anything else is None.
"""

from __future__ import annotations

import re
import unicodedata

from regdraft.core.comments import Disposition
from regdraft.core.text import tone_key

_WORDS = {
    Disposition.ACCEPTED: ("accepted", "accept", "tiếp thu"),
    Disposition.PARTLY: ("partly", "partly accepted", "partially accepted", "tiếp thu một phần"),
    Disposition.REJECTED: ("rejected", "not accepted", "không tiếp thu"),
    Disposition.NOTED: ("noted", "ghi nhận"),
    Disposition.WITHDRAWN: ("withdrawn", "đã rút ý kiến", "đã rút", "rút ý kiến"),
}


def _key(text: str) -> str:
    return tone_key(" ".join(re.sub(r"[-_]+", " ", unicodedata.normalize("NFC", text)).casefold().split()))


_READ = {_key(word): disposition for disposition, words in _WORDS.items() for word in words}

ACCEPTED_WORDS = ("accepted, partly (or partly-accepted), rejected (or not-accepted), noted, withdrawn; "
                  "or as the Vietnamese report words them: tiếp thu, tiếp thu một phần, không tiếp thu, ghi nhận, "
                  "đã rút ý kiến")


def read_disposition(text: str) -> Disposition | None:
    """The disposition `text` names (`not-accepted`: rejected), or None."""
    return _READ.get(_key(text))

"""The kind of a listed change in the document's words: the redline summary's label and the comparison table's note.

Post-conditions of `kind_words`:
1. A change stated for parts of a provision names each part with what happened to it, as the amending
   instruction says it: `sửa đổi, bổ sung đoạn mở đầu` (`Sửa đổi, bổ sung đoạn mở đầu khoản 2 ...`),
   `bãi bỏ đoạn cuối`, `lead-in amended`; words replaced or deleted in a part are `thay thế cụm từ` or
   `bỏ cụm từ`, wherever they stand. Several parts are joined by `; `.
2. Any other change is the profile's word for its kind (`kind_amended` ...).
3. A profile of an office's own that lacks the words for a part says `kind_amended` instead: the
   provision was amended, never inserted or repealed as a whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from regdraft.core.diff import ChangeKind
from regdraft.core.model import Kind, part_name

_WORDS_KINDS = (ChangeKind.WORDS_REPLACED, ChangeKind.WORDS_DELETED)


def kind_words(words: Mapping[str, str], kind: ChangeKind, parts: Sequence[tuple[str, ChangeKind]] = (),
               unit_kind: Kind = Kind.CLAUSE, language: str = "vi") -> str:
    """The label of a change of `kind`, or of the changes `parts` made to the parts of a `unit_kind` provision."""
    if not parts:
        return words.get(f"kind_{kind.name.lower()}", "")
    labels: list[str] = []
    for part, part_kind in parts:
        if part_kind in _WORDS_KINDS:
            label = words.get(f"kind_{part_kind.name.lower()}", "")
        else:
            phrase = words.get(f"kind_part_{part_kind.name.lower()}")
            label = phrase.replace("{part}", _noun(part, unit_kind, language)) if phrase else words["kind_amended"]
        if label not in labels:
            labels.append(label)
    return "; ".join(labels)


def _noun(part: str, unit_kind: Kind, language: str) -> str:
    """A part as a noun on its own: `đoạn mở đầu`, `phần cuối` (of an article), `lead-in`, `second dash item`."""
    name = part_name(part, unit_kind, language)
    if language != "en":
        return name
    return name.removeprefix("the ").removeprefix("a ").removesuffix(" of")

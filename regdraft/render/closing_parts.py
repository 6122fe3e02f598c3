"""The closing parts of the compared texts: a law's adoption sentence, the signature block and the recipients.

A redline prints the whole text, so it ends as the consolidated text does: `Luật này được Quốc hội … thông qua
ngày …`, `Nơi nhận:` with its list, `CHỦ TỊCH QUỐC HỘI` / `Vương Đình Huệ` (front-matter keys `adoption`,
`recipients` and `signer`, `core.frontmatter.signature_block`). Each part is compared word by word, so one that
changed between the versions is marked like the text, and one that did not prints plain.

Post-conditions:
1. `compare_closing(old, new)` holds, for each part, segments whose old side reads the old version's part and
   whose new side the new one's; a part both versions leave out holds none.
2. `ClosingParts.printed(side)` gives the parts as the signature template prints them (`signature.html.j2`):
   `both` marks insertions and deletions, `old` and `new` print one version's text.
   A signer's line of several lines (`on_behalf`) keeps one line each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from regdraft.core.frontmatter import signature_block
from regdraft.core.word_diff import DiffSegment, Op, diff_words

SIGNER_LINES = ("on_behalf", "title", "note", "name", "note_after")  # top to bottom, as printed


@dataclass(frozen=True, slots=True)
class ClosingParts:
    """The closing parts compared: each a run of word-diff segments (the recipients one line each)."""

    adoption: tuple[DiffSegment, ...]
    signer: Mapping[str, tuple[DiffSegment, ...]]
    recipients: tuple[DiffSegment, ...]

    @property
    def changed(self) -> bool:
        """True when the versions' closing parts differ."""
        return any(s.op is not Op.EQUAL for part in (self.adoption, self.recipients, *self.signer.values())
                   for s in part)

    @property
    def empty(self) -> bool:
        """True when neither version has any closing part."""
        return not (self.adoption or self.recipients or any(self.signer.values()))

    def printed(self, side: str = "both") -> dict[str, Any]:
        """`adoption`, `signer` (its lines by key) and `recipients` (a list) as marked HTML for `side`."""
        from regdraft.render.marked import marked

        def line(segments: Sequence[DiffSegment], joiner: str = " ") -> Markup:
            return Markup(joiner).join(p.html for p in marked(segments, side)) if segments else Markup("")

        # A signer's line keeps its line breaks (`TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH`): the template prints each
        # line its own paragraph, as the consolidated text does.
        return {"adoption": line(self.adoption), "signer": {k: line(v, "\n") for k, v in self.signer.items()},
                "recipients": [p.html for p in marked(self.recipients, side)] if self.recipients else [],
                "adoption_changed": any(s.op is not Op.EQUAL for s in self.adoption)}


def compare_closing(old: Mapping[str, Any], new: Mapping[str, Any]) -> ClosingParts:
    """The closing parts of two front matters, compared."""
    old_signer, old_recipients = signature_block(old)
    new_signer, new_recipients = signature_block(new)
    return ClosingParts(_compared(_adoption(old), _adoption(new)),
                        {k: _compared(old_signer[k], new_signer[k]) for k in SIGNER_LINES},
                        _compared("\n".join(old_recipients), "\n".join(new_recipients)))


def _adoption(meta: Mapping[str, Any]) -> str:
    adoption = meta.get("adoption")
    return adoption if isinstance(adoption, str) else ""


def _compared(old: str, new: str) -> tuple[DiffSegment, ...]:
    if old == new:
        return (DiffSegment(Op.EQUAL, new),) if new else ()
    if not old or not new:
        return (DiffSegment(Op.INSERT, new) if new else DiffSegment(Op.DELETE, old),)
    return tuple(diff_words(old, new))

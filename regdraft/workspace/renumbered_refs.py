"""The references to check of two texts compared (`compare`): those the new text kept whose target now stands under
another number (`core.refs.renumbered`), as sentences in the default profile's words."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from regdraft.core.diff import ChangeKind, Comparison
from regdraft.render.redline_helpers import sentence, words_for

if TYPE_CHECKING:
    from regdraft.core.model import Address, Regulation
    from regdraft.core.refs.finding import Reference


def renumbered_sentences(comparison: Comparison) -> tuple[str, ...]:
    """Sentences naming the references the new text kept whose target now stands under another number
    (`core.refs.renumbered`), in the default profile's words: the references to check of two texts compared."""
    if not any(c.kind is ChangeKind.MOVED or c.old_address is not None and c.new_address is not None
               and c.old_address != c.new_address for c in comparison.changes):
        return ()  # nothing stands elsewhere: the references are not read (nor their machinery imported)
    from regdraft.core.address.designated import designating, designations
    from regdraft.core.refs.cited import quoted
    from regdraft.core.refs.renumbered import renumbered_references

    old, new = comparison.old, comparison.new
    words, language = words_for(new.language), new.language
    with designating({**designations(new.units), **designations(old.units)}):
        return tuple(dict.fromkeys(
            sentence(words["reference_renumbered"].format(
                source=found.reference.source.describe(language), target=(target := found.target.describe(language)),
                quoted=quoted(found.reference, target), was=found.was.describe(language),
                now=found.now.describe(language)))
            for found in renumbered_references(old, new, comparison.provisions)))


def twice_sentences(comparison: Comparison) -> tuple[str, ...]:
    """Sentences naming the citations of the new text that name one provision twice (`core.refs.twice`: `Điều 20 và
    Điều 20`, a number a renumbering left), in the default profile's words: references to check of two texts
    compared, as `check` warns of them. They are found once per text (`parse_cache.kept_beside`: a warm compare
    reads no citation, nor imports their grammar)."""
    from regdraft.workspace.parse_cache import kept_beside

    new = comparison.new
    found = kept_beside(new, "cited-twice-found", partial(_cited_twice, new))
    if not found:
        return ()
    from regdraft.core.refs.cited import quoted
    from regdraft.core.refs.twice import said_twice

    words, language, index = words_for(new.language), new.language, new.index()
    return tuple(dict.fromkeys(
        sentence(words["reference_twice"].format(
            source=ref.source.describe(language), target=(target := said_twice(ref, twice, language, index)),
            quoted=quoted(ref, target, "“", "”")))
        for ref, twice in found))


def _cited_twice(new: Regulation) -> list[tuple[Reference, tuple[Address, ...]]]:
    from regdraft.core.refs.twice import cited_twice  # the citation grammar: only for a text not compared before

    return cited_twice(new)

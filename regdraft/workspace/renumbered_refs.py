"""The references to check of two texts compared (`compare`): those the new text kept whose target now stands under
another number (`core.refs.renumbered`), as sentences in the default profile's words."""

from __future__ import annotations

from regdraft.core.diff import ChangeKind, Comparison
from regdraft.render.redline_helpers import sentence, words_for


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
    compared, as `check` warns of them."""
    from regdraft.core.refs.cited import quoted
    from regdraft.core.refs.twice import cited_twice, said_twice

    new = comparison.new
    words, language = words_for(new.language), new.language
    found = cited_twice(new)
    index = new.index() if found else None
    return tuple(dict.fromkeys(
        sentence(words["reference_twice"].format(
            source=ref.source.describe(language), target=(target := said_twice(ref, twice, language, index)),
            quoted=quoted(ref, target, "“", "”")))
        for ref, twice in found))

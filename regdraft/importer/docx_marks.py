"""What a received Word file holds besides its printed body text, and the notes that say it was left out or read
in a certain way: hidden text, open tracked changes, footnotes, endnotes and comments (`docx.read_docx`).

A regulation file has no place for notes or review comments, so they are left out; the report names how many and
quotes the first, so nothing goes silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from regdraft.core.counts import count as counted
from regdraft.importer.report import Note

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A run reference to another part's text: (the reference element, the part's relationship, its item, the noun).
REFERENCES = (("footnoteReference", "footnotes", "footnote", "footnote"),
              ("endnoteReference", "endnotes", "endnote", "endnote"),
              ("commentReference", "comments", "comment", "comment"))
# A text box's own paragraphs (`w:txbxContent`, in a drawing's `mc:Choice` and again in its VML `mc:Fallback`): no
# text of the paragraph it is anchored in, so left out of it (`docx.read_docx` and `word_reply.read_reply`).
TEXT_BOX = "txbxContent"
_OFF = ("0", "false", "off")
_SHOWN_PLACES = 5


def _w(name: str) -> str:
    return _W + name


def switched_on(rpr: Any, names: Sequence[str]) -> bool | None:
    """Whether a run-properties element turns one of the named toggles on (`<w:vanish/>`), off, or says nothing."""
    if rpr is None:
        return None
    for name in names:
        found = rpr.find(_w(name))
        if found is not None:
            return found.get(_w("val")) not in _OFF
    return None


def revision_kinds(p: Any) -> set[str]:
    """The kinds of tracked change in a paragraph: `inserted`, `deleted`, `moved` (its runs or its mark)."""
    kinds = set()
    for tag, kind in (("ins", "inserted"), ("del", "deleted"), ("moveFrom", "moved"), ("moveTo", "moved")):
        if next(p.iter(_w(tag)), None) is not None:
            kinds.add(kind)
    return kinds


def mark_deleted(p: Any) -> bool:
    """Whether the paragraph mark itself is a tracked deletion (or moved away): accepted, the paragraph's text runs
    on into the next paragraph (ECMA-376 Part 1, 17.13.5.15 `del` (Deleted Paragraph))."""
    rpr = p.find(f"{_w('pPr')}/{_w('rPr')}")
    return rpr is not None and (rpr.find(_w("del")) is not None or rpr.find(_w("moveFrom")) is not None)


def style_separator(p: Any) -> bool:
    """Whether the paragraph's mark is a style separator (`w:specVanish` on it, ECMA-376 Part 1, 17.3.2.36): Word
    shows the paragraph and the next one as one, the mark never shown nor printed."""
    return bool(switched_on(p.find(f"{_w('pPr')}/{_w('rPr')}"), ("specVanish",)))


def mark_removed(p: Any) -> bool:
    """Whether the paragraph mark itself is a tracked deletion (or moved away) or hidden: with no text left, Word
    shows no paragraph there, and no number."""
    return mark_deleted(p) or bool(switched_on(p.find(f"{_w('pPr')}/{_w('rPr')}"), ("vanish", "specVanish")))


def hidden_notes(hidden: Sequence[tuple[int, str]]) -> list[Note]:
    return [Note(where, "skipped", "Hidden text (Word's Hidden font) was left out: it is not part of the document as "
                                   "printed.", text) for where, text in hidden]


def revision_note(revised: Sequence[tuple[int, str]], joined: Sequence[int] = ()) -> list[Note]:
    """One note on the tracked changes still open in the file, naming the paragraphs of the first ones; `joined`
    are the paragraphs whose deleted mark joined their text to the next paragraph's."""
    if not revised:
        return []
    places = sorted({where for where, _ in revised})
    number = len(places)
    # Counted by paragraph, each kind once (Word splits one typed change into many marks): what a reader can find.
    kinds = {kind: sum(1 for _, k in revised if k == kind) for kind in ("inserted", "deleted", "moved")}
    said = [f"{kind} text in {n}" if number > 1 else f"{kind} text" for kind, n in kinds.items() if n]
    changes = f"Tracked changes in {counted(number, 'paragraph')} ({', '.join(said)})"
    merged = ""
    if joined := sorted(set(joined)):
        one = len(joined) == 1
        merged = (f", and {'paragraph' if one else 'paragraphs'} {_shown(joined)} joined to the next one, "
                  f"{'its' if one else 'their'} paragraph mark deleted")
    return [Note(places[0], "warning", (
        f"{changes} were not accepted or rejected in Word: "
        f"read as accepted (inserted text kept, deleted text and paragraphs left out{merged}), in "
        f"{'paragraph' if len(places) == 1 else 'paragraphs'} {_shown(places)}. If the text as signed is not that, "
        "accept or reject them in Word and import the file again."))]


def _shown(places: Sequence[int]) -> str:
    return ", ".join(str(w) for w in places[:_SHOWN_PLACES]) + (", …" if len(places) > _SHOWN_PLACES else "")


def left_out_notes(document: Any, references: Mapping[str, Sequence[tuple[int, str]]]) -> list[Note]:
    """A note for each kind of footnote, endnote or comment the body refers to: how many were left out, quoting the
    first. `references` maps each reference element's name to (paragraph, id) in document order."""
    notes = []
    for element, relationship, item, noun in REFERENCES:
        found = references.get(element) or ()
        ids = list(dict.fromkeys(ident for _, ident in found))
        if not ids:
            continue
        first = _item_text(document, relationship, item, ids[0])
        number = len(ids)
        was = "was" if number == 1 else "were"
        if noun == "comment":
            message = (f"{counted(number, 'comment')} (Word's review comments) {was} left out, the first on this "
                       "paragraph: comments are not part of the text.")
        else:
            message = (f"{counted(number, noun)} {was} left out, the first on this paragraph: a regulation file has no "
                       f"{noun}s; add what they say to the text, or keep it elsewhere.")
        notes.append(Note(found[0][0], "warning" if noun != "comment" else "info", message, first))
    return notes


def _item_text(document: Any, relationship: str, item: str, ident: str) -> str:
    """The text of footnote (endnote, comment) `ident`, or `` when the part cannot be read."""
    root = _part_element(document, relationship)
    if root is None:
        return ""
    for found in root.iter(_w(item)):
        if found.get(_w("id")) == ident:
            paragraphs = ["".join(t.text or "" for t in p.iter(_w("t"))).strip() for p in found.iter(_w("p"))]
            return " ".join(p for p in paragraphs if p)
    return ""


def _part_element(document: Any, relationship: str) -> Any:
    from docx.oxml import parse_xml

    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/" + relationship):
            continue
        part = rel.target_part
        element = getattr(part, "element", None)
        if element is not None:
            return element
        try:
            return parse_xml(part.blob)
        except Exception:  # a damaged part: the count is still given, without the quote
            return None
    return None

"""Structure-aware comparison of two versions of a regulation; owns diff_match_patch.

`compare(old, new) -> Comparison`: provisions are aligned by address, confirmed by content;
provisions whose content reappears under another address are reported as moved; words are
compared only inside provisions that changed.

Post-conditions of `compare`:
1. `Comparison.changes` lists every changed provision once, in document order (new order, with
   removed provisions where they stood), each with its old and new address and its kind.
2. For every word-level result, the old text is exactly the concatenation of the equal and
   deleted segments and the new text that of the equal and inserted segments, in order.
3. Differences of tone-mark placement only (`ủy`/`uỷ`) are not changes unless `strict_tones`.
4. A provision whose old and new text share words is never shown as "all deleted, all
   inserted": the word diff is exact (no timeout) and such a result is detected and redone.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from regdraft.errors import RegdraftError
from regdraft.markdown import heading_text, unit_label_text
from regdraft.model import (
    HEADING_KINDS,
    REPEALED_TEXT,
    Address,
    Kind,
    Regulation,
    Unit,
    unit_address,
)
from regdraft.text import tone_key


class ChangeKind(StrEnum):
    """What happened to a provision."""

    AMENDED = "amended"
    INSERTED = "inserted"
    REPEALED = "repealed"
    MOVED = "moved"
    WORDS_REPLACED = "words replaced"
    HEADING_CHANGED = "heading changed"


class Op(StrEnum):
    """One word-level operation."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True, slots=True)
class DiffSegment:
    """A run of text that is unchanged, deleted or inserted.

    `text` is the new-side text (the old text for a deletion); `old` holds the old-side text of
    an equal run when it differs from the new one only in tone-mark placement.
    """

    op: Op
    text: str
    old: str | None = None

    @property
    def old_text(self) -> str:
        """The text of this run in the old version."""
        return self.old if self.old is not None else self.text


def old_side(segments: Sequence[DiffSegment]) -> str:
    """The old text: equal and deleted runs, in order."""
    return "".join(s.old_text for s in segments if s.op is not Op.INSERT)


def new_side(segments: Sequence[DiffSegment]) -> str:
    """The new text: equal and inserted runs, in order."""
    return "".join(s.text for s in segments if s.op is not Op.DELETE)


# Words (Vietnamese syllables included), runs of spaces and single other characters.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_WORDISH = re.compile(r"\w")


def tokens(text: str) -> list[str]:
    """Split text into words, runs of whitespace and single punctuation marks."""
    return _TOKEN.findall(text)


def _code(i: int) -> str:
    # Private-use code points: never surrogates, never whitespace the semantic cleanup special-cases.
    return chr(0xE000 + i) if i < 0x1900 else chr(0xF0000 + i - 0x1900)


def diff_words(old: str, new: str, *, strict_tones: bool = False) -> tuple[DiffSegment, ...]:
    """A word-level diff readable as phrases (see the module's post-conditions 2-4)."""
    if old == new:
        return (DiffSegment(Op.EQUAL, new),) if new else ()
    a, b = tokens(old), tokens(new)
    fold = (lambda t: t) if strict_tones else _token_key
    codes: dict[str, str] = {}
    a_chars = "".join(codes.setdefault(fold(t), _code(len(codes))) for t in a)
    b_chars = "".join(codes.setdefault(fold(t), _code(len(codes))) for t in b)
    runs = _dmp_runs(a_chars, b_chars)
    if _degenerate(runs) and set(a_chars) & set(b_chars):
        runs = _difflib_runs(a_chars, b_chars)
        if _degenerate(runs):
            raise RegdraftError(
                "The word comparison degenerated into 'everything deleted, everything inserted' "
                "for texts that share words; please report this with the two texts."
            )
    return _merge(_to_segments(runs, a, b))


@functools.lru_cache(maxsize=1 << 16)
def _token_key(token: str) -> str:
    # Tokens repeat heavily across a document; folding each distinct one once keeps this cheap.
    return tone_key(token)


def _dmp_runs(a: str, b: str) -> list[tuple[int, str]]:
    import diff_match_patch

    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = 0  # exact: a timeout silently returns "all deleted, all inserted"
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(int(op), text) for op, text in diffs]


def _difflib_runs(a: str, b: str) -> list[tuple[int, str]]:
    runs: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append((0, a[i1:i2]))
        else:
            if i2 > i1:
                runs.append((-1, a[i1:i2]))
            if j2 > j1:
                runs.append((1, b[j1:j2]))
    return runs


def _degenerate(runs: list[tuple[int, str]]) -> bool:
    return bool(runs) and not any(op == 0 for op, _ in runs)


def _to_segments(runs: list[tuple[int, str]], a: list[str], b: list[str]) -> list[DiffSegment]:
    out: list[DiffSegment] = []
    i = j = 0
    for op, chars in runs:
        n = len(chars)
        if op == 0:
            old, new = "".join(a[i:i + n]), "".join(b[j:j + n])
            out.append(DiffSegment(Op.EQUAL, new, old if old != new else None))
            i, j = i + n, j + n
        elif op < 0:
            out.append(DiffSegment(Op.DELETE, "".join(a[i:i + n])))
            i += n
        else:
            out.append(DiffSegment(Op.INSERT, "".join(b[j:j + n])))
            j += n
    return out


def _absorbable(segment: DiffSegment) -> bool:
    """An unchanged run too short to stand between two edits: spaces, punctuation, one syllable."""
    if "\n" in segment.text:
        return False
    return len(_WORDISH.findall(segment.text)) == 0 or len(re.findall(r"\w+", segment.text)) <= 1


def _merge(segments: list[DiffSegment]) -> tuple[DiffSegment, ...]:
    """Join edits separated only by a space or a single syllable, so names are not fragmented."""
    changed = True
    while changed:
        changed = False
        for k in range(1, len(segments) - 1):
            seg = segments[k]
            if (seg.op is Op.EQUAL and segments[k - 1].op is not Op.EQUAL
                    and segments[k + 1].op is not Op.EQUAL and _absorbable(seg)):
                segments[k:k + 1] = [DiffSegment(Op.DELETE, seg.old_text), DiffSegment(Op.INSERT, seg.text)]
                changed = True
                break
        if changed:
            segments = _coalesce(segments)
    return tuple(_coalesce(segments))


def _coalesce(segments: list[DiffSegment]) -> list[DiffSegment]:
    """Within each run of edits, all deletions first, then all insertions."""
    out: list[DiffSegment] = []
    pending_del: list[str] = []
    pending_ins: list[str] = []

    def flush() -> None:
        if pending_del:
            out.append(DiffSegment(Op.DELETE, "".join(pending_del)))
        if pending_ins:
            out.append(DiffSegment(Op.INSERT, "".join(pending_ins)))
        pending_del.clear()
        pending_ins.clear()

    for seg in segments:
        if seg.op is Op.DELETE:
            pending_del.append(seg.text)
        elif seg.op is Op.INSERT:
            pending_ins.append(seg.text)
        else:
            flush()
            if out and out[-1].op is Op.EQUAL:
                prev = out[-1]
                old = (prev.old_text + seg.old_text) if (prev.old or seg.old) else None
                out[-1] = DiffSegment(Op.EQUAL, prev.text + seg.text, old)
            elif seg.text:
                out.append(seg)
    flush()
    return out


def similarity(old: str, new: str) -> float:
    """How much two texts share their words (Dice coefficient over tone-folded words, 0..1)."""
    a, b = _bag(old), _bag(new)
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def _bag(text: str) -> Counter[str]:
    return Counter(_token_key(w) for w in _WORD.findall(text.lower()))


_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Provision:
    """One provision aligned across the two versions.

    `identical` provisions carry no segments or children: render `new` as it is. Provisions
    inside an inserted or repealed one repeat its `change` and are not listed separately.
    """

    kind: Kind
    old: Unit | None
    new: Unit | None
    old_address: Address | None
    new_address: Address | None
    change: ChangeKind | None = None
    title: tuple[DiffSegment, ...] = ()
    text: tuple[DiffSegment, ...] = ()
    children: tuple[Provision, ...] = ()
    identical: bool = False
    depth: int = 0
    anchor: str = ""

    @property
    def address(self) -> Address:
        """The new address, or the old one for a provision that no longer exists."""
        found = self.new_address or self.old_address
        assert found is not None
        return found


@dataclass(frozen=True, slots=True)
class Change:
    """One changed provision: where it was and is, what happened, and the words changed."""

    kind: ChangeKind
    unit_kind: Kind
    old_address: Address | None
    new_address: Address | None
    segments: tuple[DiffSegment, ...]
    title: tuple[DiffSegment, ...] = ()
    anchor: str = ""

    @property
    def address(self) -> Address:
        """The new address, or the old one for a provision that no longer exists."""
        found = self.new_address or self.old_address
        assert found is not None
        return found


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of `compare`: the aligned document and the list of its changes."""

    old: Regulation
    new: Regulation
    provisions: tuple[Provision, ...]
    changes: tuple[Change, ...]
    strict_tones: bool = False


CONFIRM = 0.5   # same address, at least this similar: the same provision, amended
MOVE = 0.6      # different address, at least this similar: the same provision, moved
_FUZZY_LIMIT = 250_000  # beyond this many candidate pairs, moves are found by exact content only


@dataclass(slots=True)
class _Item:
    key: str
    unit: Unit
    address: Address
    depth: int = 0
    _content: str | None = field(default=None)

    @property
    def heading_only(self) -> bool:
        return self.unit.kind in HEADING_KINDS and self.unit.kind is not Kind.ARTICLE

    def content(self) -> str:
        if self._content is None:
            u = self.unit
            self._content = "\n".join([u.title or "", *u.text]) if self.heading_only else u.all_text()
        return self._content

    def same(self, other: _Item) -> bool:
        a, b = self.unit, other.unit
        if self.heading_only:
            return (a.title, a.text, a.repealed) == (b.title, b.text, b.repealed)
        return a == b


class _Comparer:
    def __init__(self, language: str, strict_tones: bool, detect_moves: bool) -> None:
        self.language = language
        self.strict = strict_tones
        self.detect_moves = detect_moves
        self.count = 0

    def fold(self, text: str) -> str:
        return text if self.strict else tone_key(text)

    def anchor(self) -> str:
        self.count += 1
        return f"chg-{self.count}"

    def align(self, old: Sequence[_Item], new: Sequence[_Item]) -> list[tuple[int | None, int | None]]:
        """Pairs of (old index, new index) in document order; None on the missing side."""
        old_by_key = {item.key: i for i, item in enumerate(old)}
        match_old: dict[int, int] = {}
        match_new: dict[int, int] = {}
        weak: list[tuple[int, int]] = []
        for j, item in enumerate(new):
            i = old_by_key.get(item.key)
            if i is None:
                continue
            if old[i].same(item) or similarity(old[i].content(), item.content()) >= CONFIRM:
                match_old[i], match_new[j] = j, i
            else:
                weak.append((i, j))
        if self.detect_moves and len(match_old) < len(old) and len(match_new) < len(new):
            self._match_moves(old, new, match_old, match_new)
        for i, j in weak:
            if i not in match_old and j not in match_new:
                match_old[i], match_new[j] = j, i
        return _document_order(len(old), len(new), match_old, match_new)

    def _match_moves(self, old: Sequence[_Item], new: Sequence[_Item],
                     match_old: dict[int, int], match_new: dict[int, int]) -> None:
        free_old = [i for i in range(len(old)) if i not in match_old and not old[i].unit.repealed]
        free_new = [j for j in range(len(new)) if j not in match_new and not new[j].unit.repealed]
        by_content: dict[tuple[Kind, str], list[int]] = {}
        for i in free_old:
            text = self.fold(old[i].content())
            if text.strip():
                by_content.setdefault((old[i].unit.kind, text), []).append(i)
        rest_new = []
        for j in free_new:
            same = by_content.get((new[j].unit.kind, self.fold(new[j].content())))
            if same:
                i = same.pop(0)
                match_old[i], match_new[j] = j, i
            else:
                rest_new.append(j)
        rest_old = [i for i in free_old if i not in match_old]
        if not rest_old or not rest_new or len(rest_old) * len(rest_new) > _FUZZY_LIMIT:
            return
        scored = []
        for i in rest_old:
            if len(_bag(old[i].content())) < 3:
                continue
            for j in rest_new:
                if old[i].unit.kind is new[j].unit.kind:
                    score = similarity(old[i].content(), new[j].content())
                    if score >= MOVE:
                        scored.append((score, i, j))
        for _, i, j in sorted(scored, key=lambda s: -s[0]):
            if i not in match_old and j not in match_new:
                match_old[i], match_new[j] = j, i

    def level(self, old: Sequence[_Item], new: Sequence[_Item]) -> Iterator[Provision]:
        for i, j in self.align(old, new):
            if i is None:
                assert j is not None
                yield self.one_sided(new[j], Op.INSERT, ChangeKind.INSERTED, top=True)
            elif j is None:
                yield self.one_sided(old[i], Op.DELETE, ChangeKind.REPEALED, top=True)
            else:
                yield self.pair(old[i], new[j])

    def one_sided(self, item: _Item, op: Op, kind: ChangeKind, top: bool) -> Provision:
        unit = item.unit
        children = () if item.heading_only else tuple(
            self.one_sided(_Item(c.label, c, unit_address(c, item.address)), op, kind, top=False)
            for c in unit.children)
        title = (DiffSegment(op, unit.title),) if unit.title else ()
        text = (DiffSegment(op, "\n".join(unit.text)),) if unit.text else ()
        if unit.repealed:
            title, text = (), ()
        gone = op is Op.DELETE
        return Provision(unit.kind, unit if gone else None, None if gone else unit,
                         item.address if gone else None, None if gone else item.address,
                         kind, title, text, children, depth=item.depth, anchor=self.anchor() if top else "")

    def pair(self, old: _Item, new: _Item) -> Provision:
        o, n = old.unit, new.unit
        moved = old.address != new.address
        if old.same(new) and not moved:
            return Provision(n.kind, o, n, old.address, new.address, identical=True, depth=new.depth)
        if n.repealed and not o.repealed:
            gone = self.one_sided(old, Op.DELETE, ChangeKind.REPEALED, top=True)
            return Provision(n.kind, o, n, old.address, new.address, ChangeKind.REPEALED, gone.title,
                             gone.text, gone.children, depth=new.depth, anchor=gone.anchor)
        if o.repealed and not n.repealed:
            added = self.one_sided(new, Op.INSERT, ChangeKind.INSERTED, top=True)
            return Provision(n.kind, o, n, old.address, new.address, ChangeKind.INSERTED, added.title,
                             added.text, added.children, depth=new.depth, anchor=added.anchor)
        anchor = self.anchor() if moved else ""
        title = self.words(o.title or "", n.title or "")
        text = self.words("\n".join(o.text), "\n".join(n.text))
        children: tuple[Provision, ...] = ()
        if not old.heading_only:
            children = tuple(self.level(_children(o, old.address), _children(n, new.address)))
        title_changed = any(s.op is not Op.EQUAL for s in title)
        text_changed = any(s.op is not Op.EQUAL for s in text)
        change: ChangeKind | None = None
        if moved:
            change = ChangeKind.MOVED
        elif text_changed:
            change = ChangeKind.WORDS_REPLACED if _words_replaced(text) and not title_changed else ChangeKind.AMENDED
        elif title_changed:
            change = ChangeKind.HEADING_CHANGED
        if change is not None and not anchor:
            anchor = self.anchor()
        return Provision(n.kind, o, n, old.address, new.address, change, title, text, children,
                         depth=new.depth, anchor=anchor)

    def words(self, old: str, new: str) -> tuple[DiffSegment, ...]:
        # NFC texts differing only in tone placement have the same length: skip folding otherwise.
        if old == new or (not self.strict and len(old) == len(new) and tone_key(old) == tone_key(new)):
            return (DiffSegment(Op.EQUAL, new, old if old != new else None),) if new or old else ()
        return diff_words(old, new, strict_tones=self.strict)


def _children(unit: Unit, address: Address) -> list[_Item]:
    return [_Item(f"{c.kind}:{c.label}", c, unit_address(c, address)) for c in unit.children]


def _words_replaced(segments: Sequence[DiffSegment]) -> bool:
    """True when every edit swaps or drops a short phrase (`Thay thế cụm từ`, `Bỏ cụm từ`)."""
    edits = 0
    i = 0
    while i < len(segments):
        seg = segments[i]
        if seg.op is Op.EQUAL:
            i += 1
            continue
        if seg.op is Op.INSERT or "\n" in seg.text:
            return False
        edits += 1
        if len(re.findall(r"\w+", seg.text)) > 8:
            return False
        if i + 1 < len(segments) and segments[i + 1].op is Op.INSERT:
            if len(re.findall(r"\w+", segments[i + 1].text)) > 8 or "\n" in segments[i + 1].text:
                return False
            i += 1
        i += 1
    return 0 < edits <= 5


def _document_order(n_old: int, n_new: int, match_old: dict[int, int],
                    match_new: dict[int, int]) -> list[tuple[int | None, int | None]]:
    """New order, with each removed item placed after the item that preceded it in the old text."""
    anchored: dict[int, list[int]] = {}
    last = -1
    for i in range(n_old):
        if i in match_old:
            last = match_old[i]
        else:
            anchored.setdefault(last, []).append(i)
    out: list[tuple[int | None, int | None]] = [(i, None) for i in anchored.get(-1, [])]
    for j in range(n_new):
        out.append((match_new.get(j), j))
        out.extend((i, None) for i in anchored.get(j, []))
    return out


def _flat(reg: Regulation) -> list[_Item]:
    """Headings and articles in document order (articles keep their clauses and points)."""
    items: list[_Item] = []
    depth_of = {Kind.PART: 1, Kind.CHAPTER: 1, Kind.SECTION: 2}
    has_parts = any(u.kind is Kind.PART for u in reg.units)

    def visit(units: Sequence[Unit], base: Address | None) -> None:
        for unit in units:
            if unit.kind in (Kind.CLAUSE, Kind.POINT):
                continue
            address = unit_address(unit, base)
            depth = depth_of.get(unit.kind, 0)
            if has_parts and unit.kind not in (Kind.PART, Kind.ARTICLE):
                depth += 1
            # Parts, chapters and articles are numbered through the document; sections per chapter.
            key = f"{base}.m{unit.label}" if unit.kind is Kind.SECTION else f"{unit.kind}:{unit.label}"
            items.append(_Item(key, unit, address, depth))
            if unit.kind is not Kind.ARTICLE:  # an article keeps its clauses and points
                visit(unit.children, address)

    visit(reg.units, None)
    return items


def compare(old: Regulation, new: Regulation, *, strict_tones: bool = False,
            detect_moves: bool = True) -> Comparison:
    """Compare two versions of a regulation provision by provision (see the module docstring)."""
    comparer = _Comparer(new.language, strict_tones, detect_moves)
    provisions = tuple(comparer.level(_flat(old), _flat(new)))
    return Comparison(old, new, provisions, tuple(_changes(provisions)), strict_tones)


def _changes(provisions: Sequence[Provision]) -> Iterator[Change]:
    for p in provisions:
        if p.change is not None and p.anchor:
            yield Change(p.change, p.kind, p.old_address, p.new_address, p.text, p.title, p.anchor)
        if p.change not in (ChangeKind.INSERTED, ChangeKind.REPEALED):
            yield from _changes(p.children)


def unit_lines(unit: Unit, language: str) -> list[str]:
    """A unit and its children as printed lines: `Điều 5. Title`, `1. text`, `a) text`."""
    if unit.kind in HEADING_KINDS:
        lines = [heading_text(unit, language), *unit.text]
    elif unit.repealed:
        return [f"{unit_label_text(unit, language)} {REPEALED_TEXT.get(language, REPEALED_TEXT['vi'])}"]
    else:
        first = unit.text[0] if unit.text else ""
        lines = [f"{unit_label_text(unit, language)} {first}".rstrip(), *unit.text[1:]]
    for child in unit.children:
        lines.extend(unit_lines(child, language))
    return lines

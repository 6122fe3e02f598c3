"""Parse once per blob: readings of regulations and amendments kept under `.git/regdraft-cache/`.

A regulation file is read by nearly every command, and a large one takes longer to parse than
to compare or print. Its reading depends only on its bytes, its name and the parser's code, so
it is kept on disk under a key made of those (a hash of the content, as git's blob id is) and
read back in a fraction of the time. `compare`, `redline`, `show`, `export` and the review
server read through here.

Post-conditions:
1. A cached reading is used only when its key matches: the same bytes, file name (it appears in
   problems) and slug for an amendment, the same parser code (a fingerprint of `regdraft/core`),
   the same PyYAML and markdown-it, and Python; anything else is read again. A text read again
   whose front matter was read before takes its values from the cache (`_front_matter`).
2. Readings are kept in `.git/regdraft-cache/` as signed entries (`regdraft.render.signed`:
   never committed, never outside the workspace, atomic, bounded); a file in no workspace is kept
   in the user's cache folder (`read_regulation_outside`); a workspace whose `.git` is no real
   folder keeps them in memory for the process only. An entry cut short, altered or not ours is read again.
3. `kept_beside` keeps a value computed from a cached reading alone (the references `check`
   reports missing) under that reading's key, so it follows the same text, code and libraries;
   `kept_for_commits` one computed from texts at fixed commits, under their ids and the code's fingerprint;
   `keep_under` any such data under names the caller gives (the comment files' readings, `comment_cache.Shelf`).
4. Entries are pickles, unpickled only after their signature matches and then by an unpickler
   that builds nothing but regdraft's data classes and enums, dates and plain containers
   (`regdraft.workspace.cache_entries`, which keeps and loads them and computes the code's fingerprint).
5. A regulation's entry keeps its articles with it (`markdown.read(chunks=)`). A text not in the
   cache is read with the articles of the regulations this process has read (`_articles`): the old
   text of a `compare` or a redline, read first, gives the edited one every article it did not
   change. The reading is the same as from scratch (tests/test_markdown_reuse.py).
6. Such a text is kept as a `Delta` (`_packed`): its own articles and, for those it shares with a reading
   kept whole in the same folder, a reference (`ArticleRef`: which reading, the article's digest, its line
   here). Loading it takes those articles from that reading (moved to their lines here); when the reading
   is no longer kept, or lacks one, the text is read again. A delta is never the base of another, so a
   load reads at most the delta and its bases. The reading is the same, lines included.
"""

from __future__ import annotations

import dataclasses
import hashlib
import operator
import threading
from collections import ChainMap, OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard, TypeVar

from regdraft.core.patterns import lazy
from regdraft.render import signed
from regdraft.workspace import cache_entries as entries

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.core.errors import Problem
    from regdraft.core.markdown import Chunks, Reading
    from regdraft.core.model import Regulation, Unit
    from regdraft.workspace.store import Workspace

MEMORY_ENTRIES = 16
# Regulations whose articles a text read anew may take (the latest read): a few, since each keeps its
# units alive after `_memory` lets its reading go.
ARTICLE_SOURCES = 4

T = TypeVar("T")

_memory: OrderedDict[str, Any] = OrderedDict()
# id of a regulation read through the cache -> (it, its cache folder, its key): what else is kept with it
_origins: OrderedDict[int, tuple[Regulation, Path, str]] = OrderedDict()
# key of a regulation this process read -> its articles, for the next text read (`_regulation`)
_articles: OrderedDict[str, Chunks] = OrderedDict()
# key of a reading kept whole (not as a `Delta`) -> the folder it is kept in: what a delta may refer to (the
# latest few: a delta refers only to readings in `_articles`)
_whole: OrderedDict[str, Path] = OrderedDict()
WHOLE_ENTRIES = 64
_REGULATION_KEY = lazy(r"regulation-[0-9a-f]{40}")
_lock = threading.Lock()


def read_regulation(ws: Workspace | Path | None, data: bytes | str, source: str) -> Reading:
    """`markdown.read(data, source)`, from the workspace's cache when it was read before."""
    return _regulation(_folder(ws), data, source)


def read_regulation_outside(data: bytes | str, source: str) -> Reading:
    """`markdown.read(data, source)` for a file in no workspace, kept in the user's cache folder
    (`signed.user_cache_folder`): `compare` of two files anywhere reads each once."""
    return _regulation(signed.user_cache_folder(), data, source)


def _regulation(folder: Path | None, data: bytes | str, source: str) -> Reading:
    """A regulation's reading, kept with its articles (`markdown.read(chunks=)`); a text read anew
    takes the articles it shares with the texts this process has read (`_articles`): the old text
    of a `compare` or a redline, read first, gives the edited one all it did not change."""
    from regdraft.core.markdown import read

    def compute() -> tuple[Reading, Chunks]:
        with _lock:
            recent = list(_articles.values())
        reuse = ChainMap(*reversed(recent)) if recent else None
        chunks: Chunks = {}
        return read(data, source, load=_front_matter(folder), reuse=reuse, chunks=chunks), chunks

    key = _key("regulation", data, (source,))
    return _known(folder, key, _cached(folder, key, compute, pack=_packed, unpack=_unpacked))


def kept_regulation(folder: Path, key: str) -> Reading | None:
    """The reading kept under `key` (`origin` names it) in this process or `folder`, as `_regulation` gives it; None
    when there is none: nothing is read."""
    value: Any = _cached(folder, key, None, unpack=_unpacked)
    return None if value is None else _known(folder, key, value)


def _known(folder: Path | None, key: str, value: Any) -> Reading:
    """A regulation's reading as found or read: its articles and origin noted for what this process reads next."""
    reading: Reading
    reading, chunks = value if isinstance(value, tuple) else (value, None)
    with _lock:
        if chunks:
            _articles[key] = chunks
            _articles.move_to_end(key)
            while len(_articles) > ARTICLE_SOURCES:
                _articles.popitem(last=False)
        if folder is not None:
            _origins[id(reading.regulation)] = (reading.regulation, folder, key)
            while len(_origins) > MEMORY_ENTRIES:
                _origins.popitem(last=False)
    return reading


def read_amendment(ws: Workspace | Path | None, data: bytes | str, source: str, slug: str,
                   alphabets: Mapping[str, str] | None = None,
                   names: Mapping[str, str] | None = None,
                   language: str = "vi",
                   appendices: Mapping[str, str] | None = None,
                   kept_numbers: bool = False) -> tuple[Amendment | None, tuple[Problem, ...]]:
    """`document.read_amendment(data, source, slug, alphabets=alphabets, names=names, language=language,
    appendices=appendices, kept_numbers=kept_numbers)`, from the workspace's cache when it was read before (with the
    same alphabets of the regulations amended, the same names of the text and of its appendices, the same language
    for a front matter giving none, and the same `kept_numbers`)."""
    from regdraft.core.amend.document import read_amendment as read

    folder = _folder(ws)
    known = tuple(f"{reg}={alphabet}" for reg, alphabet in sorted((alphabets or {}).items()))
    known += tuple(f"name:{lang}={name}" for lang, name in sorted((names or {}).items()))
    known += (f"language={language}",) if language != "vi" else ()
    known += tuple(f"appendix:{label}={word}" for label, word in sorted((appendices or {}).items()))
    known += ("numbers=kept",) if kept_numbers else ()
    return _cached(folder, _key("amendment", data, (source, slug, *known)),
                   lambda: read(data, source, slug, load=_front_matter(folder), alphabets=alphabets, names=names,
                                language=language, appendices=appendices, kept_numbers=kept_numbers))


def front_matter_reader(ws: Workspace | Path | None) -> Callable[[str], Any] | None:
    """The reader `_front_matter` gives for the workspace's cache: a command that reads only front matter (`check`'s
    replacements and terms) imports no PyYAML when it ran before."""
    return _front_matter(_folder(ws))


def _front_matter(folder: Path | None) -> Callable[[str], Any] | None:
    """A reader of front-matter YAML that keeps each front matter's values in `folder`.

    A drafter edits the body and compares again: the file is read anew but its front matter is
    the one read last time, so its values come from the cache and the run imports no PyYAML
    (a tenth of such a run). Kept as signed pickles read by `cache_entries`' unpickler (dates included);
    YAML that does not read is not kept, so its error is reported every time.
    """
    if folder is None:
        return None
    cache = folder

    def load(raw: str) -> Any:
        from regdraft.core.frontmatter import load_yaml

        return entries.kept_value(cache, text_key("front", raw), lambda: load_yaml(raw))

    return load


def read_yaml(ws: Workspace | Path | None, text: str) -> Any:
    """`frontmatter.load_yaml(text)` for a workspace file read on every command (the settings), its
    values kept in the workspace's cache as plain values (`marshal`): a warm command imports no YAML.

    Values marshal cannot write (a date) are read from the YAML each time; errors are `load_yaml`'s.
    """
    from regdraft.core.frontmatter import load_yaml

    return signed.kept_value(_folder(ws), text_key("yaml", text), lambda: load_yaml(text))


def text_key(kind: str, text: str) -> str:
    """The cache entry name of what is read from `text` (YAML): its kind, the text and the reading code."""
    digest = hashlib.blake2b(f"{kind}:{entries.code_fingerprint()}".encode() + b"\0", digest_size=20)
    digest.update(text.encode("utf-8", "surrogatepass"))
    return f"{kind}-{digest.hexdigest()}"


def _folder(ws: Workspace | Path | None) -> Path | None:
    root = ws if isinstance(ws, Path) or ws is None else getattr(ws, "root", None)
    return signed.cache_folder(root) if isinstance(root, Path) else None


def _key(kind: str, data: bytes | str, names: tuple[str, ...]) -> str:
    """The cache entry name of a text's reading: its kind, the reading code, its names and bytes."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    # SHA-256, cut to 160 bits: twice as fast as BLAKE2b over a text here (the processor computes it), 1.3 ms
    # less for each 1.9 MB text a command reads. The entry is signed apart (`render.signed`).
    digest = hashlib.sha256()
    for part in (kind, entries.code_fingerprint(), *names, type(data).__name__):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(raw)
    return f"{kind}-{digest.hexdigest()[:40]}"


def _cached(folder: Path | None, key: str, read: Callable[[], T] | None,
            pack: Callable[[Path, str, Any], Any] | None = None,
            unpack: Callable[[Path, str, Any], Any] | None = None) -> T:
    """The value kept under `key`: from this process's memory, else the folder, else `read()` (then kept; no `read`:
    None, nothing kept).

    `pack` turns the value into what is kept, `unpack` what is loaded back into the value (None: read again).
    """
    with _lock:  # the review server reads from several threads
        if key in _memory:
            _memory.move_to_end(key)
            return _memory[key]  # type: ignore[no-any-return]
    value: Any = entries.load(folder, key) if folder is not None else None
    if value is not None and unpack is not None:
        assert folder is not None
        value = unpack(folder, key, value)
    if value is None:
        if read is None:
            return None  # type: ignore[return-value]
        value = read()
        if folder is not None:
            entries.store(folder, key, value, pack)
    _remember(key, value)
    return value  # type: ignore[no-any-return]


def _remember(key: str, value: Any) -> None:
    """Keep `value` in this process's memory, the latest `MEMORY_ENTRIES` only."""
    with _lock:
        _memory[key] = value
        while len(_memory) > MEMORY_ENTRIES:
            _memory.popitem(last=False)


def _is_whole(value: Any) -> TypeGuard[tuple[Reading, Chunks]]:
    """A regulation's entry kept whole: its reading and its articles (not a `Delta`)."""
    from regdraft.core.markdown import Reading

    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Reading)


def _packed(folder: Path, key: str, value: tuple[Reading, Chunks]) -> Any:
    """What is kept of a regulation's reading: the reading and its articles, or, when it shares articles with
    readings this process read that are kept whole in `folder` (the old text of a comparison, for the edited
    one), a `Delta`: its own articles, and references to theirs."""
    from regdraft.core.markdown import ArticleRef, Delta
    from regdraft.core.model import Kind

    holders = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)
    reading, chunks = value
    with _lock:
        bases = [base for base in reversed(_articles) if _whole.get(base) == folder and base != key]
        shared: dict[bytes, int] = {}
        for k, base in enumerate(bases):
            for digest in _articles[base]:
                shared.setdefault(digest, k)
    digests = {id(unit): digest for digest, (unit, _) in chunks.items() if digest in shared}
    if not digests:
        _kept_whole_in(folder, key)
        return value
    used: dict[int, int] = {}  # a base's place in `bases` -> its place in the delta's

    def swap(units: tuple[Unit, ...]) -> tuple[Any, ...]:
        """`units` with the articles of a base as references (the same tuple when there are none)."""
        out: list[Any] = []
        for unit in units:
            digest = digests.get(id(unit)) if unit.kind is Kind.ARTICLE else None
            if digest is not None:
                base = used.setdefault(shared[digest], len(used))
                out.append(ArticleRef(base, digest, chunks[digest][1]))
            elif unit.kind in holders and unit.children:
                children = swap(unit.children)
                out.append(unit if children is unit.children else dataclasses.replace(unit, children=children))
            else:
                out.append(unit)
        return units if all(map(operator.is_, out, units)) else tuple(out)

    regulation = reading.regulation
    skeleton = dataclasses.replace(reading, regulation=dataclasses.replace(regulation, units=swap(regulation.units)))
    own = {digest: chunk for digest, chunk in chunks.items() if id(chunk[0]) not in digests}
    return Delta(tuple(bases[k] for k in sorted(used, key=used.__getitem__)), skeleton, own)


def _unpacked(folder: Path, key: str, value: Any) -> tuple[Reading, Chunks] | None:
    """A regulation's reading as loaded: kept whole, or put together from a `Delta` and its bases (None, to read
    the text again, when a base is no longer kept or does not hold an article it should)."""
    from regdraft.core.markdown import ArticleRef, Delta, moved
    from regdraft.core.model import Kind, Unit

    holders = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)
    if _is_whole(value):
        _kept_whole_in(folder, key)
        return value
    if not isinstance(value, Delta):
        return None
    bases: list[Chunks] = []
    for base in value.bases:
        if not isinstance(base, str) or not _REGULATION_KEY.fullmatch(base):  # a name of this folder's, nothing else
            return None
        found = _kept_whole(folder, base)
        if found is None:
            return None
        bases.append(found[1])
    chunks: Chunks = dict(value.chunks)

    def put(units: tuple[Any, ...]) -> tuple[Unit, ...] | None:
        out: list[Unit] = []
        for unit in units:
            if isinstance(unit, ArticleRef):
                if not 0 <= unit.base < len(bases) or unit.digest not in bases[unit.base]:
                    return None
                article, was = bases[unit.base][unit.digest]
                article = moved(article, unit.line - was)
                chunks[unit.digest] = (article, unit.line)
                out.append(article)
            elif isinstance(unit, Unit):
                if unit.kind in holders and unit.children:
                    children = put(unit.children)
                    if children is None:
                        return None
                    if not all(map(operator.is_, children, unit.children)):
                        unit = dataclasses.replace(unit, children=children)
                out.append(unit)
            else:
                return None
        return tuple(out)

    reading = value.reading
    units = put(reading.regulation.units)
    if units is None:
        return None
    return dataclasses.replace(reading, regulation=dataclasses.replace(reading.regulation, units=units)), chunks


def _kept_whole(folder: Path, key: str) -> tuple[Reading, Chunks] | None:
    """A base of a delta: a reading kept whole (a delta is never the base of another), from memory or `folder`."""
    with _lock:
        value = _memory.get(key)
        if value is not None:
            _memory.move_to_end(key)
    if value is None:
        value = entries.load(folder, key)
        if not _is_whole(value):
            return None
        _remember(key, value)
    elif _whole.get(key) != folder:
        return None
    _kept_whole_in(folder, key)
    return value


def _kept_whole_in(folder: Path, key: str) -> None:
    with _lock:
        _whole[key] = folder
        _whole.move_to_end(key)
        while len(_whole) > WHOLE_ENTRIES:
            _whole.popitem(last=False)


def origin(regulation: Regulation) -> tuple[Path, str] | None:
    """The cache folder and key of the reading `regulation` came from in this process, if it was cached."""
    with _lock:
        found = _origins.get(id(regulation))
    return (found[1], found[2]) if found is not None and found[0] is regulation else None


def kept_beside(regulation: Regulation, kind: str, compute: Callable[[], T]) -> T:
    """`compute()`, a value that depends only on `regulation` (and regdraft's code), kept beside
    the reading it came from: the references a text's check reports missing are found once per
    text, not on every `show`, `redline` or `check`. A regulation not read through the cache, or
    an entry that does not load, is computed again."""
    found = origin(regulation)
    if found is None:
        return compute()
    folder, key = found
    name = f"{kind}-{key}"
    with _lock:
        if name in _memory:
            _memory.move_to_end(name)
            return _memory[name]  # type: ignore[no-any-return]
    value = entries.kept_value(folder, name, compute)
    _remember(name, value)
    return value


def kept_for_commits(ws: Workspace | Path | None, kind: str, names: tuple[str, ...],
                     compute: Callable[[], T | None]) -> T | None:
    """`compute()`, a value that depends only on what `names` fix for good (a file's path and the full ids of the
    commits it is read at, which no later commit changes) and regdraft's code, kept in the workspace's cache under
    them and the code's fingerprint: `check` finds the references an adoption forced past `amend check` broke once,
    not on every run. None (a text that did not read) is not kept; nor is anything where there is no cache folder."""
    found: T | None = kept_under(ws, kind, names)
    if found is None:
        found = compute()
        keep_under(ws, kind, names, found)
    return found


def kept_under(ws: Workspace | Path | None, kind: str, names: tuple[str, ...]) -> Any:
    """The value `keep_under` kept under `kind`, `names` and regdraft's code in the workspace's cache, else None.
    The caller checks it still stands for what it reads (a digest of the bytes kept with it)."""
    folder = _folder(ws)
    kept = entries.load(folder, text_key(kind, "\0".join(names))) if folder is not None else None
    return kept[0] if isinstance(kept, tuple) and len(kept) == 1 else None


def keep_under(ws: Workspace | Path | None, kind: str, names: tuple[str, ...], value: Any) -> None:
    """Keep `value` (regdraft's data classes, enums, dates and plain containers: data, read back by the unpickler of
    `cache_entries`) for `kept_under`; None is not kept, and keeping is never an error."""
    folder = _folder(ws)
    if folder is not None and value is not None:
        entries.store(folder, text_key(kind, "\0".join(names)), (value,))

"""Read the regulation Markdown format (docs/format.md); writing it is `regdraft.core.markdown_writer`.

`parse(text) -> Regulation`; `canonical(text)` is the file written back in canonical form. This module
splits a file into front matter and body blocks; `regdraft.core.markdown_tree` builds the tree from them.

`read(text) -> Reading` is the same reading without the verdict: the tree as far as it can be
built, and the problems found; commands that only read (show, refs, export, redline) use it, so a
regulation with problems stays usable.

Post-conditions of `parse`:
1. The input may be bytes or text, with a BOM, CRLF or CR line ends, NFD text, trailing
   spaces, extra blank lines or wrapped paragraphs; the tree is the same as for the canonical
   file.
2. Every problem found is reported in one `ParseError`, each with its file and line.
3. The tree satisfies the invariants listed in `regdraft.core.model`, and label sequences are
   complete: no duplicates, no gaps, inserted labels right after their base.
"""

from __future__ import annotations

from codecs import BOM_UTF8
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import replace as dc_replace
from typing import TYPE_CHECKING, Any

from regdraft.core.blocks import blocks as blocks
from regdraft.core.blocks import body_blocks, heading_cuts
from regdraft.core.collector import paused
from regdraft.core.dates import issue_dates
from regdraft.core.encodings import binary, decoded, saved_as, undecodable_line, utf16
from regdraft.core.errors import ParseError, Problem
from regdraft.core.frontmatter import (
    PLACEHOLDER,
    YamlReader,
    check_values,
    read_front_matter,
    without_control_characters,
)
from regdraft.core.frontmatter import dump_front_matter as dump_front_matter
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind, Regulation, Unit, _unpickled_unit
from regdraft.core.text import nfc, plain_lines
from regdraft.core.unwritable import placed, unwritable_lines

if TYPE_CHECKING:
    from regdraft.core.markdown_tree import Builder
    from regdraft.core.validate import validate as validate

# The tree builder (`markdown_tree`) and `validate` are imported when a text is read: a reading loaded from the
# parse cache (a warm `compare` or `redline`) needs neither, and they were the largest import of its path (about
# 4 ms of CPU at rest; docs/performance.md, thirtieth round).

REQUIRED_KEYS = ("id", "type", "title", "language", "issuer", "signed")


def decode(data: bytes | str, source: str = "") -> str:
    """Turn file bytes into normalised text: UTF-8 checked (or UTF-16, `core.encodings`), BOM dropped, LF line ends,
    NFC."""
    return _decoded(data, source)[0]


def _decoded(data: bytes | str, source: str) -> tuple[str, bytes | None]:
    """`decode(data)`, and `data` itself when it is that text's UTF-8 exactly (UTF-8 with no BOM, no carriage
    return, already NFC: a file regdraft or a drafter's editor wrote), else None."""
    exact: bytes | None = None
    if isinstance(data, bytes):
        encoding = utf16(data)
        if binary(data):
            raise ParseError.collect([Problem(
                "This looks like a binary file, not a Markdown regulation.", source, 1)])
        try:
            text, encoding = decoded(data)
        except UnicodeDecodeError as exc:
            raise ParseError.collect([_undecodable(data, exc, encoding, source)]) from None
        if encoding == "utf-8" and not data.startswith(BOM_UTF8):
            exact = data
    else:
        text = data
    text = text.removeprefix("\ufeff")
    if "\r" in text:  # one search of the text where two replacements searched it twice
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        exact = None
    normal = nfc(text)
    return normal, exact if normal is text or normal == text else None


def _undecodable(data: bytes, exc: UnicodeDecodeError, encoding: str | None, source: str) -> Problem:
    """The problem of a byte that does not read in the encoding the file is saved in."""
    line = undecodable_line(data, exc, encoding)
    if encoding is not None:
        return Problem(f"The file is saved as {saved_as(encoding)}, but its bytes at offset {exc.start} are not "
                       "UTF-16 text (the file may be cut off or damaged); save it as UTF-8.", source, line)
    return Problem(f"The file is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                   "save it as UTF-8, or convert a legacy TCVN3/VNI file with `regdraft import`.", source, line)


def _front_matter(lines: list[str], source: str, problems: list[Problem],
                  load: YamlReader | None = None) -> tuple[str, dict[str, Any], int]:
    """Split off the YAML front matter; return its text, its data and the body's first line index."""
    raw, data, body_start = read_front_matter(lines, source, problems, load=load, absent=(
        "The file does not start with front matter (a '---' line, YAML keys such as id, title and "
        "language, and a closing '---'), so it is not a regulation file."))
    if data is None:
        return raw, {}, body_start
    data = check_values(data, lines[:body_start], source, problems)
    for key in REQUIRED_KEYS:
        if data.get(key) in (None, ""):
            problems.append(Problem(f"The front matter lacks the required key '{key}'.", source, 1))
        elif data.get(key) == PLACEHOLDER:
            problems.append(Problem(
                f"The front matter's '{key}' is still the placeholder {PLACEHOLDER} (left by `regdraft import` "
                "where the header did not say); fill it in.", source, 1))
    if data.get("language", "vi") not in ("vi", "en"):
        problems.append(Problem(f"The front matter's language is '{data.get('language')}'; use vi or en.", source, 1))
    return raw, data, body_start


@dataclass(frozen=True, slots=True)
class Reading:
    """A regulation as far as it could be read, with every problem found (none: it passes)."""

    regulation: Regulation
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()  # paragraphs whose reading is doubtful (docs/format.md)


def parse(data: bytes | str, source: str = "", *, numbering: bool = True) -> Regulation:
    """Parse a regulation file; raise `ParseError` listing every problem found.

    `numbering=False` leaves out the checks of `validate` (label sequences, articles outside
    chapters), for an edited text whose deleted units are restored before it is checked.
    """
    return checked(read(data, source), numbering=numbering)


def checked(reading: Reading, *, numbering: bool = True) -> Regulation:
    """The regulation of `reading` (of `read`, or a cached one: `workspace.parse_cache`) as `parse` gives it: its
    problems raised as `ParseError`, those of `validate` left out with `numbering=False`."""
    problems = reading.problems
    if not numbering and problems:
        from regdraft.core.validate import validate

        structural = set(validate(reading.regulation))
        problems = tuple(p for p in problems if p not in structural)
    if problems:
        raise ParseError.collect(problems, "regulation")
    return reading.regulation


# Articles read before (`read(chunks=)`): the digest of the language and an article's lines (from its heading to
# the next heading standing alone) -> the unit built from them and its heading's line then.
Chunks = dict[bytes, tuple[Unit, int]]


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """In a reading kept as a delta (`regdraft.workspace.parse_cache`): the article of another kept reading with
    this digest (`Chunks`), its heading at `line` of this text. Never part of a reading in use."""

    base: int  # which of the delta's bases
    digest: bytes
    line: int

    def __reduce__(self) -> tuple[type[ArticleRef], tuple[int, bytes, int]]:
        return (ArticleRef, (self.base, self.digest, self.line))


@dataclass(frozen=True, slots=True)
class Delta:
    """A reading kept as the articles it shares with `bases` (cache keys of readings kept whole) and its own:
    an edited text stores and loads what the edit changed, not every article again."""

    bases: tuple[str, ...]
    reading: Reading  # its articles from the bases as `ArticleRef`s
    chunks: Chunks  # its own articles that read cleanly


def read(data: bytes | str, source: str = "", *, load: YamlReader | None = None,
         reuse: Mapping[bytes, tuple[Unit, int]] | None = None, chunks: Chunks | None = None) -> Reading:
    """Read a regulation file as far as it goes; only text that is no regulation raises `ParseError`.

    `load` reads the front matter's YAML (`frontmatter.load_yaml` when not given).

    `chunks`, when given, receives the articles that read cleanly (no problem, no doubtful
    paragraph, no marker left open after them, none of `validate`'s inside them), keyed by what
    they were read from; `reuse` is such a map from an earlier reading, whose articles are checked
    only where they stand (`validate(clean=)`). An article whose lines are the same as one in `reuse` takes that
    unit, its lines moved to where it now stands, instead of being read again (its lines are not
    even split into blocks): a drafter who edits one article of a long text and compares again has
    the others for free. The reading is the same as without them (tests/test_markdown_reuse.py). A
    text with a fenced code block is read whole, without either.
    """
    with paused():  # hundreds of thousands of objects, no cycles (about 15% faster on large files)
        return _read(data, source, load, reuse, chunks)


def _read(data: bytes | str, source: str, load: YamlReader | None,
          reuse: Mapping[bytes, tuple[Unit, int]] | None = None, chunks: Chunks | None = None) -> Reading:
    from regdraft.core.markdown_tree import Builder, feed
    from regdraft.core.validate import validate

    problems: list[Problem] = []
    text, utf8 = _decoded(data, source)
    lines = text.split("\n")
    # One search: neither a control or invisible character nor one `unwritable_lines` names (`plain`, sped up by the
    # file's bytes when they are the text's UTF-8).
    clear = plain_lines(text, lines, utf8)
    if not clear:
        text = without_control_characters(text, source, problems)
        lines = text.split("\n")
    hidden = len(problems)  # the lines holding a control or invisible character: named by provision below
    front, meta, body_start = _front_matter(lines, source, problems, load)
    if body_start == 0 and problems:
        # Not a regulation at all (a README, a letter): reporting every heading as a
        # problem would bury the one that matters.
        raise ParseError.collect(problems, "regulation")
    language = meta.get("language", "vi") if meta.get("language") in ("vi", "en") else "vi"
    builder = Builder(source, language, body_start, lines)
    body = "\n".join(lines[body_start:])
    cuts = heading_cuts(body, lines, body_start) if reuse is not None or chunks is not None else None
    reused: set[int] = set()  # the articles taken from `reuse`: their insides passed `validate` when first read
    if cuts is None:
        for kind, content, line in body_blocks(body, lines, body_start, joins=True):
            feed(builder, kind, content, line)
    else:
        _feed_articles(builder, lines, body_start, cuts, reuse or {}, chunks, reused)
    builder._end_marks(len(lines))
    problems.extend(builder.problems)
    units = tuple(node.freeze(language) for node in builder.top)
    regulation = Regulation(front, tuple(builder.preamble), units, meta, source)
    problems[:hidden] = placed(problems[:hidden], lambda: provisions(regulation, language))
    dirty: set[int] = set()
    problems.extend(validate(regulation, reused, dirty))
    if chunks and dirty:  # an article with a numbering problem inside is read again, and checked, every time
        for digest in [digest for digest, (unit, _) in chunks.items() if id(unit) in dirty]:
            del chunks[digest]
    problems.sort(key=lambda p: p.line)
    unwritable = [] if clear else unwritable_lines(text, source, lambda: provisions(regulation, language))
    dated = issue_dates(meta, lines[:body_start], source)  # an effective date before signing, a number's year
    warnings = sorted([*builder.ambiguities(), *builder.warnings, *unwritable, *dated], key=lambda p: p.line)
    return Reading(regulation, tuple(problems), tuple(warnings))


def provisions(regulation: Regulation, language: str) -> list[tuple[int, str]]:
    """Each provision's first line and name (`khoản 2 Điều 5`), in order: where a line's problem is named."""
    return [(loc.unit.line, loc.address.describe(language)) for loc in regulation.walk() if loc.unit.line]


def _feed_articles(builder: Builder, lines: list[str], start: int, cuts: Sequence[tuple[int, str]],
                   reuse: Mapping[bytes, tuple[Unit, int]], chunks: Chunks | None, reused: set[int]) -> None:
    """The body from `lines[start]` to the builder, an article at a time: each article either found in `reuse`
    (its lines are not even split into blocks) or read, and kept in `chunks` when it read cleanly.

    The body is cut at its headings standing alone (`blocks.heading_cuts`). An article is the piece from its
    heading to the next one when that heading ends it (the heading of a part, chapter, section or article).
    Read from its heading on, it depends only on the lines of its piece: the builder has just opened it, with no
    marker pending, everything it reads goes into it, and the piece's blocks are those of the whole body.
    """
    from regdraft.core.markdown_tree import feed

    language = builder.language
    ends = [*(at for at, _ in cuts[1:]), len(lines)]
    _feed_lines(builder, lines, start, cuts[0][0] if cuts else len(lines))
    for n, (at, content) in enumerate(cuts):
        end, line = ends[n], at + 1
        feed(builder, "heading", content, line)
        article = builder.stack.get(Kind.ARTICLE)
        if (article is None or article.line != line or article.label == "?"
                or (n + 1 < len(cuts) and not builder.ends_article(cuts[n + 1][1]))):
            _feed_lines(builder, lines, line, end)  # no article opened here, or one running on past its piece
            continue
        digest = _chunk_digest(language, lines, at, end)
        found = reuse.get(digest)
        if found is not None:
            unit, was = found
            article.frozen = moved(unit, line - was)
            reused.add(id(article.frozen))
        else:
            problems, continuations, warnings = len(builder.problems), len(builder.continuations), len(builder.warnings)
            headed = _feed_lines(builder, lines, line, end)
            if headed or len(builder.problems) != problems or len(builder.warnings) != warnings or builder.ambiguities(
                    continuations) or builder.closing_of is not None or builder.continued:
                continue  # read again next time: what it says depends on more than its own lines
            article.frozen = article.freeze(language)
        if chunks is not None:
            chunks[digest] = (article.frozen, line)


def _feed_lines(builder: Builder, lines: list[str], start: int, end: int) -> bool:
    """The blocks of `lines[start:end]` to the builder; True when one of them was a heading."""
    from regdraft.core.markdown_tree import feed

    headed = False
    if start < end:
        for kind, content, line in body_blocks("\n".join(lines[start:end]), lines, start, joins=True):
            headed = headed or kind == "heading"
            feed(builder, kind, content, line)
    return headed


def _chunk_digest(language: str, lines: Sequence[str], start: int, end: int) -> bytes:
    import hashlib  # here: a plain reading (`parse`) has no use for it, and it loads OpenSSL

    text = "\n".join([language, *lines[start:end]])
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def moved(unit: Unit, delta: int) -> Unit:
    """`unit` with every line moved by `delta`.

    Built as a cached reading is loaded (`model._unpickled_unit`, the fields set as `Unit(...)` sets them): a line
    added in an early article moves every unit after it, in the edited text's reading and on each load of it
    (9,600 units of a 1,000-article text: 15 ms through the data class's `__init__`, 10 ms so)."""
    if not delta:
        return unit
    children = unit.children
    return _unpickled_unit(unit.kind, unit.label, unit.title, unit.text,
                           tuple([moved(c, delta) for c in children]) if children else children,
                           unit.repealed, unit.line + delta, unit.closing, unit.designation)


def __getattr__(name: str) -> Any:
    """`validate`, re-exported (`from regdraft.core.markdown import validate`) and imported on first use."""
    if name == "validate":
        from regdraft.core.validate import validate

        return validate
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def canonical(data: bytes | str, source: str = "") -> str:
    """The canonical form of a regulation file (what `regdraft fmt` writes)."""
    return render(parse(data, source))


def with_meta(reg: Regulation, **changes: Any) -> Regulation:
    """A copy of `reg` with front-matter keys changed (the YAML is rewritten)."""
    meta = {**reg.meta, **changes}
    return dc_replace(reg, front_matter=dump_front_matter(meta), meta=meta)

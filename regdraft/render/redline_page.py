"""The printed redline page without Jinja2, when every template it uses is regdraft's own.

A warm `compare` or `redline` spent a fifth of its time importing Jinja2 and running templates whose work is
small: the provisions are printed in Python (`render.fragments`, `render.changed`), the templates add the page's
structure. When none of the page's templates is overridden by the workspace (`PAGE_TEMPLATES`), the page is put
together here: the part the content block prints (`redline-inline.html.j2`'s `content`, the closing parts and the
signature) by `content`, which prints what those templates print, and the rest (head, style sheets, header block,
title) as Jinja2 printed it for the same templates and the same values, kept in the cache (`Outer`).

Post-conditions:
1. `content` runs only while the shipped content templates are those it was written for (`PORTED`, their digest):
   an edited template falls back to Jinja2 (and `tests/test_redline_page.py` says to update both).
2. A kept outer part is used only under a key made of the sources of every page template, regdraft's rendering
   code, Jinja2's, markupsafe's and markdown-it's files, Python's version and every value the part may read (the
   language, the orientation, the header block, the profile and its words); it is kept only when reading the
   templates shows that it reads nothing else (`outer_reads`) and the page Jinja2 printed is that part around
   `content`'s output.
3. A workspace holding a template of any of those names (or a `templates` that is no folder) prints through Jinja2,
   in its sandbox, as before.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from regdraft.core.diff import Provision
from regdraft.render.fragments import text_of
from regdraft.render.html import within as html_within
from regdraft.render.html import within_bytes

if TYPE_CHECKING:
    import jinja2

    from regdraft.render.closing_parts import ClosingParts
    from regdraft.render.marked import Paragraph

# The templates the printed redline (inline) uses, every one: the layout, what it extends, imports and includes.
PAGE_TEMPLATES = ("redline-inline.html.j2", "redline-macros.html.j2", "redline-closing.html.j2", "signature.html.j2",
                  "base.html.j2", "base.css.j2", "redline.css.j2", "redline-screen.css.j2", "signature.css.j2")
# Those `content` prints as, and the SHA-256 of their sources joined by NUL in that order.
CONTENT_TEMPLATES = PAGE_TEMPLATES[:4]
PORTED = "2b5a0bbcb368c1b436cd4dba6df031b560302654abb40dcf87c86801641fbe5e"
# The SHA-256 of every page template's source (`PAGE_TEMPLATES`, in that order, joined by NUL) whose outer part
# `outer_reads` found to read only `OUTER_VALUES` and the globals (`tests/test_redline_page.py` checks it): those
# templates are not parsed again on a first run to tell.
READS_CHECKED = "112a63f55c39a827691890a119a6163ef99684242131a25d257c5ab08ca2763e"
# What the outer part may read besides the globals every environment has (`render.html.print_globals`, Jinja2's).
OUTER_VALUES = ("lang", "orientation", "header", "profile", "words")
_JINJA_GLOBALS = ("range", "dict", "lipsum", "cycler", "joiner", "namespace")
_WORDS = ("summary", "page_short", "no_changes", "references", "unchanged", "legend", "recipients")
_VERSION = "1"
_HEADINGS = ("part", "chapter", "section", "subsection")
# What the content block prints when only the outer part is asked of Jinja2 (`page`): no text holds it.
MARK = "\x00regdraft-content\x00"
_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def shipped_sources(names: Sequence[str] = PAGE_TEMPLATES) -> list[bytes]:
    """The shipped templates' sources, in the order of `names`."""
    return [(_TEMPLATES / name).read_bytes() for name in names]


def digest(sources: Sequence[bytes]) -> str:
    return hashlib.sha256(b"\0".join(sources)).hexdigest()


def applies(workspace_root: Path | None, words: Mapping[str, str]) -> list[bytes] | None:
    """The page templates' sources when the page may be printed here: no workspace template of their names, the
    content templates as `content` prints them, every word it prints in the profile; None otherwise."""
    if workspace_root is not None:
        folder = workspace_root / "templates"
        if os.path.lexists(folder) and (os.path.islink(folder) or not os.path.isdir(folder)
                                        or any(os.path.lexists(folder / name) for name in PAGE_TEMPLATES)):
            return None
    if any(word not in words for word in _WORDS):
        return None  # Jinja2 says which word is missing
    sources = shipped_sources()
    return sources if digest(sources[:len(CONTENT_TEMPLATES)]) == PORTED else None


def _e(value: Any) -> str:
    """`str(escape(value))`, as Jinja2 prints a value: most of a page's 1,600 values are markup already, which
    `escape` gives back as it is (`Markup.__html__`), or plain strings, which it replaces markupsafe's five
    characters in (`&` first); neither needs the `Markup` `escape` makes and `str` copies back."""
    kind = type(value)
    if kind is Markup:
        return str(value)
    if kind is str:
        text: str = value
        return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;") \
            .replace('"', "&#34;")
    return str(escape(value))


class Page:
    """What the content block prints from: the values and helpers `render_html` hands the template."""

    def __init__(self, values: Mapping[str, Any], globals_: Mapping[str, Any],
                 passed: list[str | list[str | bytes]] | None = None) -> None:
        # `passed`: runs of kept articles are printed passed already (`KeptRun`), each as a mark
        # (`PASSED`) in the page and its text into this list, in order.
        self.v, self.g, self.passed = values, globals_, passed

    def content(self) -> str:
        """`redline-inline.html.j2`'s block `content`, as Jinja2 prints it (trimmed blocks, escaped values)."""
        v, g = self.v, self.g
        words = v["words"]
        out = [f'<p class="cover-line">{_e(v["cover_line"])}</p>\n',
               f'<p class="legend"><span class="legend-title">{_e(words["legend"])}</span> ']
        items = list(g["legend"]())
        out.extend(f"{_e(item)}{'; ' if k < len(items) - 1 else '.'}" for k, item in enumerate(items))
        out.append(f'</p>\n<div class="summary">\n<h2 class="summary-title">{_e(words["summary"])}</h2>\n')
        changes = v["changes"]
        if changes:
            out.append('<table class="summary-table">\n')
            line, describe, kind_label, page = g["line"], g["describe"], g["kind_label"], _e(words["page_short"])
            for n, c in enumerate(changes, 1):
                anchor = _e(c.anchor)
                out.append(f'<tr><td class="summary-n">{n}.</td><td><a href="#{anchor}">{_e(line(describe(c)))}</a>'
                           f'</td><td class="summary-kind">{_e(kind_label(c.kind, c))}</td><td class="summary-page">'
                           f'{page} <a class="page-ref" href="#{anchor}"></a></td></tr>\n')
            out.append("</table>\n")
        else:
            out.append(f"<p>{_e(words['no_changes'])}</p>\n")
        if v["references"]:
            out.append(f'<h2 class="summary-title references-title">{_e(words["references"])}</h2>\n'
                       '<ul class="references">\n')
            out.extend(f"<li>{_e(sentence)}</li>\n" for sentence in v["references"])
            out.append("</ul>\n")
        out.append('</div>\n<div class="body-text">\n')
        changed, changed_only = v["preamble_changed"], v["changed_only"]
        if changed or not changed_only:
            para: Paragraph
            for para in v["preamble"]:
                tag = _e(para.tag)
                out.append(f'<{tag} class="{_e(para.css)}{_e(g["change_bar"](changed, para.html))}">{_e(para.html)}'
                           f"</{tag}>\n")
        provisions, first = v["provisions"], v["first_appendix"]
        out.append(self._emit(provisions[:first]) + "\n")
        closing: ClosingParts = v["closing"]
        if not closing.empty and (closing.changed or not changed_only):
            out.append(self._closing(closing))
        out.append(self._emit(provisions[first:]) + "\n</div>\n")
        if v["metadata_line"]:
            out.append(f'<p class="metadata-line">{_e(v["metadata_line"])}</p>')
        return "".join(out)

    def _emit(self, items: Sequence[Provision]) -> str:
        """The template's macro `emit`: the provisions in reading order."""
        g, changed_only = self.g, self.v["changed_only"]
        out: list[str] = []
        level = 2  # of the heading the provisions stand under (`html.within`): a Mục's articles are one below it
        runs = g["in_runs"](items) if self.passed is None else g["in_runs"].passed(items)
        for p, at in runs:
            if at == "kept" and self.passed is not None:
                out.append(self._kept_run(p, level))
                out.append("\n")
            elif at == "kept":  # a run of kept fragments, already markup: not copied again
                out.append(g["within"](p if type(p) is Markup else _e(p), level))
                out.append("\n")
            elif at == "moved away":
                out.append(f"{g['within'](_e(g['provision_html'](p, 'both', False, at)), level)}\n")
            elif p.kind in _HEADINGS:
                level = g["heading_level"](p.kind)
                title, heading = g["title_marks"](p), g["heading_marked"](p, "both", at)
                h = g["heading_tag"](p.kind)
                anchor = f' id="{_e(p.anchor)}"' if p.anchor else ""
                badge = g["badge"](p.new_address) if g["annotate"] and p.new_address else ""
                out.append(f'{_e(title[1])}<{_e(h)} class="{_e(p.kind)}{_e(g["change_bar"](p.change, heading))}"'
                           f"{anchor}{_e(g['bookmark'](p))}{_e(title[0])}>{_e(heading)}{_e(badge)}</{_e(h)}>\n")
            elif changed_only and not g["touched"](p):
                out.append(f'<p class="collapsed">{_e(g["heading"](p.new))} — {_e(self.v["words"]["unchanged"])}</p>\n')
            elif p.identical:
                html = _e(g["unchanged"](p.new, False, p.new_address if g["annotate"] else None))
                out.append(f"{g['within'](html, level)}\n")
            else:
                out.append(f"{g['within'](_e(g['provision_html'](p, 'both', False, at)), level)}\n")
        return "".join(out)

    def _kept_run(self, run: KeptRun, level: int) -> str:
        """A run of kept articles under a heading of `level`: its parts passed already as marks (`self.passed`), each
        as the list of its fragments and the line breaks between them, joined only with the page (`passed_page`)."""
        assert self.passed is not None
        out: list[str] = []
        within = self.g["within"]
        for group, passed in zip(run.groups, run.kinds, strict=True):
            if passed and within is html_within:
                # `within_text` of the joined part, fragment by fragment: what it replaces holds no line break. A
                # fragment kept as bytes stays bytes where it is printed as it is (`within_bytes`).
                pieces = [within_bytes(group[0], level)]
                for fragment in group[1:]:
                    pieces += ["\n", within_bytes(fragment, level)]
                self.passed.append(pieces)
                out.append(PASSED)
                continue
            html = str(within("\n".join(map(text_of, group)), level))
            if passed:
                self.passed.append(html)
            out.append(PASSED if passed else html)
        return "\n".join(out)

    def _closing(self, closing: ClosingParts) -> str:
        """`redline-closing.html.j2` with `side="both"`, and the `signature.html.j2` it includes."""
        shown = closing.printed("both")
        out = ['<div class="keep-with-signature">\n']
        if shown["adoption"]:
            bar = self.g["change_bar"](shown["adoption_changed"], shown["adoption"])
            out.append(f'<p class="para adoption{_e(bar)}">{_e(shown["adoption"])}</p>\n')
        signer, recipients = shown["signer"], shown["recipients"]
        if signer or recipients:
            out.append('<table class="signature-block">\n<tr>\n<td class="recipients">\n')
            if recipients:
                out.append(f'<p class="recipients-title">{_e(self.v["words"]["recipients"])}</p>\n')
                out.extend(f'<p class="recipient">- {_e(r)}</p>\n' for r in recipients)
            out.append('</td>\n<td class="signer">\n')
            out.extend(_lines(signer, "on_behalf", "on-behalf") + _lines(signer, "title", "signer-title"))
            if signer.get("note"):
                out.append(f'<p class="signer-note">{_e(signer["note"])}</p>')
            noted = signer.get("name") and signer.get("note")
            if signer.get("name") and not noted:
                out.append('<p class="signer-space">&nbsp;</p>')
            if signer.get("name"):
                out.append(f'<p class="signer-name">{_e(signer["name"])}</p>')
            if signer.get("note_after"):
                out.append(f'<p class="signer-note">{_e(signer["note_after"])}</p>')
            out.append("</td>\n</tr>\n</table>\n")
        out.append("</div>")
        return "".join(out)


def _lines(signer: Mapping[str, Any], key: str, css: str) -> list[str]:
    value = signer.get(key)
    return [f'<p class="{css}">{_e(line)}</p>' for line in value.split("\n")] if value else []


@dataclass(frozen=True, slots=True)
class KeptRun:
    """A run of unchanged provisions as `render.redline._Runs.passed` gives it: its parts in order, to be joined by
    line breaks, each (its text, whether the page's pass was made on it already); `groups`, each part's fragments
    (the part is them joined by line breaks), so that a page can put them in without joining them first. A kept
    fragment may be its UTF-8 bytes (`render.fragments.Kept`); `parts` are text."""

    groups: tuple[tuple[str | bytes, ...], ...]
    kinds: tuple[bool, ...]

    @property
    def parts(self) -> tuple[tuple[str, bool], ...]:
        return tuple(("\n".join(map(text_of, group)), passed)
                     for group, passed in zip(self.groups, self.kinds, strict=True))

    @staticmethod
    def of(run: Sequence[tuple[str | bytes, bool]]) -> KeptRun:
        """Neighbouring fragments of the same kind make one part (a fragment ends with a line break and starts with a
        tag: two passed ones joined stand apart as each does)."""
        groups: list[tuple[str | bytes, ...]] = []
        kinds: list[bool] = []
        group: list[str | bytes] = []
        for k, (text, passed) in enumerate(run):
            group.append(text)
            if k + 1 == len(run) or run[k + 1][1] != passed:
                groups.append(tuple(group))
                kinds.append(passed)
                group = []
        return KeptRun(tuple(groups), tuple(kinds))


# Where a printed page holds a part already passed (`KeptRun`) until the rest is passed: a tag of no element (no word
# is looked for through it) ending as a fragment does; no text holds it (text is escaped, and holds no NUL).
PASSED = "<\x00regdraft-passed\x00>\n"


def passed_page(page: str, parts: Sequence[str | list[str | bytes]]) -> str | None:
    """`kept_whole` of the page `page` with each `PASSED` mark in turn the part of `parts` it stands for (a text, or
    the pieces it is made of), those passed already: the page's pass made on the rest only. None when the page does
    not hold each mark once or holds a script (whose text the pass leaves as it is, passed or not)."""
    pieces = passed_pieces(page, parts)
    return None if pieces is None else "".join(map(text_of, pieces))


def passed_pieces(page: str, parts: Sequence[str | list[str | bytes]]) -> list[str | bytes] | None:
    """`passed_page(page, parts)` as the pieces it joins, a kept fragment as its UTF-8 bytes: the UTF-8 of the
    passed page is theirs joined (UTF-8 encodes a text piece by piece as it encodes it whole)."""
    from regdraft.render.dashes import holds_script
    from regdraft.render.html import kept_whole

    if page.count(PASSED) != len(parts) or holds_script(page):
        return None
    passed = kept_whole(page).split(PASSED)
    if len(passed) != len(parts) + 1:
        return None
    out: list[str | bytes] = [passed[0]]
    for part, piece in zip(parts, passed[1:], strict=True):
        if isinstance(part, list):  # a part's pieces (`Page._kept_run`)
            out += part
        else:
            out.append(part)
        out.append(piece)
    return out


# --- the outer part, kept -------------------------------------------------------------------------------------


class Outer:
    """The page around the content block (head, style sheets, header, title; the end), kept per key."""

    def __init__(self, folder: Path | None, sources: Sequence[bytes], values: Mapping[str, Any]) -> None:
        self.folder = folder
        key = hashlib.sha256(f"{_VERSION}:{sys.version_info[:3]}:{_code()}".encode())
        for source in sources:
            key.update(hashlib.sha256(source).digest())
        for name in OUTER_VALUES:
            key.update(f"\0{name}={values[name]!r}".encode("utf-8", "surrogatepass"))
        self.name = f"page-outer-{key.hexdigest()[:40]}"

    def load(self) -> tuple[str, str] | None:
        if self.folder is None:
            return None
        from regdraft.render import signed

        payload = signed.load(self.folder, self.name)
        try:
            head, tail = marshal.loads(payload) if payload is not None else (None, None)
        except (ValueError, EOFError, TypeError):
            return None
        return (head, tail) if isinstance(head, str) and isinstance(tail, str) else None

    def keep(self, page: str, content: str, reads: set[str] | None) -> None:
        """Keep the part of `page` (Jinja2's) around `content` (this module's), when the page is that and the
        templates read nothing but the key's values."""
        at = page.find(content)
        if at >= 0 and page.find(content, at + 1) < 0 and self.reads_only_the_key(reads):
            self.store(page[:at], page[at + len(content):])

    @staticmethod
    def reads_only_the_key(reads: set[str] | None) -> bool:
        """Whether the outer part reads nothing but the key's values and the environment's constant globals."""
        return reads is not None and reads <= {*OUTER_VALUES, *_JINJA_GLOBALS, *_print_globals()}

    def store(self, head: str, tail: str) -> None:
        if self.folder is None:
            return
        from regdraft.render import signed

        signed.store(self.folder, self.name, marshal.dumps((head, tail)))


def _print_globals() -> Mapping[str, Any]:
    from regdraft.render.html import print_globals

    return print_globals()


def checked_reads(sources: Sequence[bytes] | None) -> set[str] | None:
    """What the outer part of the page templates of these sources reads when they are those `READS_CHECKED` names
    (None: not known without `outer_reads`)."""
    return set(OUTER_VALUES) if sources is not None and digest(sources) == READS_CHECKED else None


def outer_reads(env: jinja2.Environment, name: str) -> set[str] | None:
    """The names the page of template `name` reads outside its block `content` (in it, the templates it extends
    and includes, the top level of those it imports); None when that cannot be told (a template named only as the
    page renders, a macro imported and called there)."""
    from jinja2 import nodes
    from jinja2.meta import find_undeclared_variables

    reads: set[str] = set()
    pending, seen = [(name, False)], set()
    while pending:
        current, imported = pending.pop()
        if (current, imported) in seen:
            continue
        seen.add((current, imported))
        assert env.loader is not None
        tree = env.parse(env.loader.get_source(env, current)[0])
        _prune(tree, nodes.Macro if imported else nodes.Block, nodes)
        node: Any
        for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
            if not isinstance(node.template, nodes.Const) or not isinstance(node.template.value, str):
                return None
            importing = isinstance(node, (nodes.Import, nodes.FromImport))
            if importing:
                names = [node.target] if isinstance(node, nodes.Import) else \
                    [n if isinstance(n, str) else n[1] for n in node.names]
                if any(found.name in names for found in tree.find_all(nodes.Name) if found.ctx == "load"):
                    return None
            pending.append((node.template.value, importing))
        reads |= find_undeclared_variables(tree)
    return reads


def _prune(node: Any, kind: type, nodes: Any) -> None:
    """Drop from `node`'s tree the block `content` (or, `kind` being a macro, every macro definition)."""
    for field in node.fields:
        value = getattr(node, field)
        if isinstance(value, list):
            kept = [child for child in value if not (isinstance(child, kind) and (
                kind is not nodes.Block or getattr(child, "name", None) == "content"))]
            setattr(node, field, kept)
            value = kept
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, nodes.Node):
                _prune(child, kind, nodes)


def _code() -> str:
    """What an outer part depends on besides the templates and values: regdraft's rendering code, Jinja2, markupsafe
    and markdown-it (their package files, found without importing them, as `workspace.parse_cache` does)."""
    import importlib.util

    parts = []
    render = Path(__file__).resolve().parent
    for name in sorted(os.listdir(render)):
        if name.endswith(".py"):
            info = os.stat(render / name)
            parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    for library in ("jinja2", "markupsafe", "markdown_it"):  # (the `inline` filter's) an upgrade writes its files anew
        spec = importlib.util.find_spec(library)
        if spec is not None and spec.origin:
            info = os.stat(spec.origin)
            parts.append(f"{library}:{spec.origin}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def page(values: Mapping[str, Any], globals_: Mapping[str, Any], outer: Outer,
         jinja: Callable[[], tuple[str, set[str] | None]],
         jinja_outer: Callable[[], tuple[str, str, set[str] | None] | None] | None = None,
         passed: list[str | list[str | bytes]] | None = None) -> str:
    """The page: the kept outer part around `content`; else the outer part Jinja2 prints around a mark in place of
    the content block (`jinja_outer()`: head, tail and what they read), kept for the next run when it reads only the
    key's values; else Jinja2's whole page (`jinja()`: it, and what the outer part reads), its outer part kept.
    `passed` (a list): `content` prints the runs of kept articles passed already, as `Page` says (not Jinja2)."""
    printed = Page(values, globals_, passed)
    kept = outer.load()
    if kept is not None:
        return kept[0] + printed.content() + kept[1]
    parts = jinja_outer() if jinja_outer is not None else None
    if parts is not None and Outer.reads_only_the_key(parts[2]):
        head, tail, _ = parts
        outer.store(head, tail)
        return head + printed.content() + tail
    rendered, reads = jinja()
    outer.keep(rendered, Page(values, globals_).content(), reads)
    return rendered

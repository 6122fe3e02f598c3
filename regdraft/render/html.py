"""HTML rendering with Jinja2: the shared environment, safe inline Markdown and the header block.

Templates ship in `regdraft/templates`; a workspace's `templates/` folder overrides them by name.

Post-conditions:
1. Every template is rendered with autoescaping on; text from documents reaches the HTML only
   through escaping or `inline_markdown`.
2. `inline_markdown` never emits a URL in an attribute (no `href`, no `src`): links become their
   text and images the text they were written in (`![chữ thay thế](http://…)`), so nothing a regulation or a
   comment writes can make the PDF fetch anything, and no word of it is lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from regdraft.core.dates import kept_date_line, read_date
from regdraft.core.frontmatter import NAMED_ALONE, document_number, issued_with, type_and_summary
from regdraft.core.inline import literal_images, may_link, standing_line
from regdraft.core.text import escape_html
from regdraft.render.draft_numbers import draft_number, unissued
from regdraft.render.profile import Profile, place_date
from regdraft.render.running import document_line

if TYPE_CHECKING:
    import datetime as dt

    import jinja2
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from regdraft.core.amend.document import Amendment

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_inline_md: dict[bool, MarkdownIt] = {}


@dataclass(frozen=True, slots=True)
class PageTemplate:
    """A face's page around a document: its template (which extends the document's), folder and globals, and the
    types of the values its globals hold that templates may use (`regdraft.render.reach`)."""

    name: str
    folder: Path
    globals: Mapping[str, Any] = field(default_factory=dict)
    values: frozenset[type] = frozenset()


def environment(workspace_root: Path | None, page: PageTemplate | None = None) -> jinja2.Environment:
    """A sandboxed Jinja2 environment: the workspace's `templates/` first, then the package's.

    `page` adds a face's template folder after those, and its globals (the review server's pages).
    Workspace templates are untrusted input (a shared workspace comes from a colleague or a
    remote): they render in Jinja2's immutable sandbox, so they can reach no Python internals,
    call no unsafe method and change no value, use only values of the types `regdraft.render.reach`
    allows (and `page.values`) and call only the helpers they are handed, and they are read only as
    regular files inside the workspace's `templates/` folder (no symbolic link, no path outside it).
    """
    import jinja2

    from regdraft.render.template_cache import CompiledTemplates
    from regdraft.render.template_files import WorkspaceLoader
    from regdraft.render.templates import TemplateEnvironment

    folders = [PACKAGE_TEMPLATES] + ([page.folder] if page is not None else [])
    env = TemplateEnvironment(
        loader=WorkspaceLoader(workspace_root, *folders),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=CompiledTemplates(cache_folder_of(workspace_root)),
        values=page.values if page is not None else (),
    )
    env.filters["inline"] = inline_markdown
    env.filters["heading_title"] = inline_title  # a heading's title: `heading_title(true)` in capitals
    env.filters["standing"] = standing_line  # a preamble line in capitals: `QUYẾT ĐỊNH:`, centred in bold
    env.filters["lines"] = inline_lines
    env.filters["typed_lines"] = typed_lines  # a comment's words as typed: `(*)` is no emphasis
    env.filters["css_string"] = css_string
    env.filters["count"] = _count  # `{{ n | count("comment") }}`: `1 comment`, `2 comments`
    env.filters["address_id"] = address_id
    env.globals.update(print_globals())
    if page is not None:
        env.globals.update(page.globals)
    return env


def print_globals() -> dict[str, Any]:
    """The globals every environment starts with, besides Jinja2's: the annotation hooks of the provision macros,
    off for print (the review server turns them on: a provision's address, its badge, the marks of the parts of a
    unit, `render.fragments.MarkParts`; None: not marked), and the heading helpers."""
    return {"annotate": False, "mark": _no_mark, "badge": _no_mark, "mark_parts": None, "child_address": _child_address,
            "heading_tag": heading_tag, "heading_level": heading_level, "within": within}


def cache_folder_of(workspace_root: Path | None) -> Path | None:
    """The workspace's cache folder; without a workspace (`compare` of files anywhere), the user's."""
    from regdraft.render.signed import cache_folder, user_cache_folder

    return cache_folder(workspace_root) if workspace_root is not None else user_cache_folder()


# A heading's level by its provision's kind: the document's title is the one h1 (`base.html.j2`), chapters and parts
# h2, sections and articles h3, so a screen reader goes from Điều to Điều by heading (WCAG 1.3.1). Fixed by kind, not
# by the kinds a document holds: a printed article is kept by itself (`render.fragments`); the redline's body puts
# the articles under a Mục one level below it (`within`). Styled as the paragraphs they were (base.css: `main h1` …),
# so the printed pages do not change.
_HEADING_LEVEL = {"part": 2, "chapter": 2, "appendix": 2, "section": 3, "article": 3, "subsection": 4}


def heading_tag(kind: str) -> str:
    """The element a provision of this kind is headed by (`h2` for a chapter, `h3` for an article)."""
    return f"h{_HEADING_LEVEL[str(kind)]}"


def heading_level(kind: str) -> int:
    """The level of the heading a provision of this kind has (2 for a chapter, 3 for a section)."""
    return _HEADING_LEVEL[str(kind)]


def within(html: str, level: int) -> Markup:
    """Provisions' HTML printed under a heading of `level` (that of the part, chapter, section or subsection before
    them): their articles' headings one level below it. A screen reader's outline put Điều 12 level with the Mục 1
    holding it (both h3); under a chapter (h2) they are as printed (h3)."""
    below = max(level, 2) + 1
    if below == _HEADING_LEVEL["article"]:
        return Markup(html)
    return Markup(within_text(html, level))


def within_text(html: str, level: int) -> str:
    """`str(within(html, level))`, the text itself when it stays as it is: a run of kept articles is up to the whole
    page, and `Markup` and `str` would each copy it."""
    below = max(level, 2) + 1
    if below == _HEADING_LEVEL["article"]:
        return html if type(html) is str else str(html)
    return str(html).replace('<h3 class="article-heading', f'<h{below} class="article-heading').replace(
        "</h3>", f"</h{below}>")


def within_bytes(html: str | bytes, level: int) -> str | bytes:
    """`within_text(html, level)` of a fragment that may be its UTF-8 bytes (a kept one), in bytes for bytes: the
    very bytes where it stays as it is, else the same replacements made on them (what they replace is ASCII, whose
    bytes stand in UTF-8 for those characters only, so they are found where the text has them)."""
    if not isinstance(html, bytes):
        return within_text(html, level)
    below = max(level, 2) + 1
    if below == _HEADING_LEVEL["article"]:
        return html
    return html.replace(b'<h3 class="article-heading', f'<h{below} class="article-heading'.encode()).replace(
        b"</h3>", f"</h{below}>".encode())


def address_id(address: str, language: object = "vi") -> str:
    """A provision's id in a published page, as its readers write the address: `d12.k2.b`, English `a12.c2.b`
    (r30 sweep AN 3: an English text's ids were Vietnamese codes)."""
    if language != "en":
        return address
    from regdraft.core.address import parse_address
    from regdraft.core.errors import AddressError

    try:
        return parse_address(str(address)).short("en")
    except AddressError:  # not an address (a template override's own id): as written
        return str(address)


def _no_mark(address: object) -> Markup:
    return Markup("")


def _count(number: int, noun: str, language: str = "en") -> str:
    from regdraft.core.counts import count

    return count(number, noun, language)


def _child_address(unit: Any, parent: Any) -> Any:
    from regdraft.core.model import unit_address

    return unit_address(unit, parent)


# A document number or a date: parts joined by slashes, each starting with a capital or a digit
# (22-QĐ/TW, 05-QC/TU, 30/2020/NĐ-CP, 26/7/2016), in text: what follows it up to the next tag holds no
# `>`, so a number inside a tag's attribute is left alone.
_WHOLE_NUMBER = re.compile(r"[\dA-ZĐ][\w.-]*(?:/[\dA-ZĐ][\w.-]*)+(?=[^<>]*<)")


def kept_whole(page: str) -> str:
    """Where a printed line of the page's body may not break: inside a document number or date
    (`numbers_kept_whole`), and before the dash of ` - ` or ` – ` between two words (`dashes.dashes_kept`)."""
    from regdraft.render.dashes import dashes_kept

    return dashes_kept(numbers_kept_whole(page))


def kept_whole_in(text: str) -> str:
    """`kept_whole` of text of a page's body that holds no script, read from its start (what the page's pass makes of
    a fragment that `render.dashes.stands_apart`, without the page around it)."""
    from regdraft.render.dashes import dashes_kept_in, spans_over

    return dashes_kept_in(spans_over(text, _spans))


def numbers_kept_whole(page: str) -> str:
    """An HTML page with every document number and date of its body in a `nobr` span (`white-space: nowrap`).

    A line would otherwise break "22-QĐ/TW" after its slash ("22-QĐ/" at a line's end, "TW" on the
    next), in a narrow table column and in running text alike; the span changes only where lines
    may break, not the text. Scripts (a page's JSON data) are left as they are.
    """
    from regdraft.render.dashes import outside_scripts

    begin = page.find("<body")
    if begin < 0:
        return page
    # The page is read in place, between its body's scripts, and copied once: a 1,000-article redline is 1.6 M
    # characters, and splitting it into a head, a body and the parts between scripts copied it three times more.
    return outside_scripts(page, begin, _spans)


# Every number holds a slash followed by a digit or a capital; a page holds few.
_SLASHED = re.compile(r"/[\dA-ZĐ]")
# `_WHOLE_NUMBER` without its lookahead, tried only where a run of word characters, `.` and `-` starts (its first
# capital or digit is where a number of the run starts, group 1): tried at every capital of a run with no slash
# after it, each try read to the run's end, and a 20,000-letter word cost 19 s (r28 sweep AD).
_NUMBER = re.compile(r"(?<![\w.-])(?:[^\W\dA-ZĐ]|[.-])*(" + _WHOLE_NUMBER.pattern.removesuffix("(?=[^<>]*<)") + ")")


def _kept_whole(text: str) -> str:
    """`_WHOLE_NUMBER.sub(r'<span class="nobr">\\g<0></span>', text)` (see `_spans`)."""
    out: list[str] = []
    last = _spans(text, 0, len(text), 0, out)
    out.append(text[last:])
    return "".join(out)


def _spans(text: str, begin: int, end: int, last: int, out: list[str]) -> int:
    """`_WHOLE_NUMBER.sub(r'<span class="nobr">\\g<0></span>', …)` of `text[begin:end]`, into `out`: the text
    from `last` to each number and the number's span; the new `last`. Only the lines that hold a slash before a
    digit or capital are tried: the regular expression alone tried every position of a 10 MB redline (0.08 s).

    A number is made of word characters, `.`, `-` and `/`, never a line break, so it lies within one
    line; the lookahead (text, not a tag, follows) is the same for any end inside that run of
    characters, so it is checked after each match, up to `end`. Neither pattern looks behind or
    anchors, so searching from `begin` to `end` finds what searching the slice would.
    """
    from regdraft.render.dashes import Next, in_text

    done = begin
    openings, closings = Next(text, "<", end), Next(text, ">", end)  # each part of the text searched once
    for slashed in _SLASHED.finditer(text, begin, end):
        if slashed.start() < done:
            continue
        start = max(text.rfind("\n", begin, slashed.start()) + 1, begin)
        done = text.find("\n", slashed.start(), end)
        done = end if done < 0 else done
        for number in _NUMBER.finditer(text, start, done):
            after = number.end()
            if in_text(openings, closings, after):
                out.append(text[last:number.start(1)])
                out.append(f'<span class="nobr">{number.group(1)}</span>')
                last = after
    return last


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string, safe inside a <style> element (for running headers)."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,;:/()-_" or ord(ch) > 127 else f"\\{ord(ch):x} " for ch in str(text)
    )
    return Markup(f'"{escaped}"')


def _markdown(links: bool) -> MarkdownIt:
    """The inline parser, reading links and images or not (`may_link`)."""
    if links not in _inline_md:
        from markdown_it import MarkdownIt

        # linkify stays off: a bare URL is kept as plain text, never turned into a link.
        parser = literal_images(MarkdownIt("commonmark", {"html": False}))
        _inline_md[links] = parser if links else parser.disable(["link", "image"])
    return _inline_md[links]


# The characters that can start an inline Markdown construct in markdown-it's CommonMark preset
# (emphasis, code, links, images, autolinks, entities, escapes, line breaks), and those its
# normaliser rewrites. Text without any of them is printed as it is, escaped.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]!<&\n\r\x00]")


def inline_markdown(text: str, upper: bool = False) -> Markup:
    """A paragraph's inline Markdown (bold, italic, code) as safe HTML, without links or images (an image is
    printed as written); with `upper`, its words in capitals (a chapter's title: `\\*` and `&amp;` read first)."""
    if not text:
        return Markup("")
    if _INLINE_SYNTAX.search(text) is None:
        return Markup(escape_html(text.upper() if upper else text, quote=False))  # markdown-it's, without parsing
    tokens = _markdown(may_link(text)).parseInline(text)
    out: list[str] = []
    for token in tokens:
        _inline_tokens(token.children or [], out, upper)
    return Markup("".join(out))


def inline_title(text: str, upper: bool = False) -> Markup:
    """A heading's title (`Điều 5. Phạm vi \\*điều chỉnh\\*`, a chapter's, with `upper` in capitals) as safe HTML:
    Markdown inline as a paragraph's (`inline_markdown`), escaped as a template escapes it where it holds none."""
    if _INLINE_SYNTAX.search(text) is None:
        return escape(text.upper() if upper else text)
    return inline_markdown(text, upper)


def inline_lines(text: str) -> Markup:
    """A comment's, proposal's or reply's inline Markdown line by line (`inline_markdown`), each line break kept as
    `<br>` (a blank line between paragraphs, a list's items): a member's lines were run into one."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Markup("<br>\n").join(inline_markdown(line) for line in lines)


def typed_lines(text: str) -> Markup:
    """A comment's text as its member typed it, escaped, each line break kept as `<br>`: no Markdown is read in it.
    Comments are typed in plain boxes (the review form, a sheet's cell, a Word comment), and `Số liệu (*) … (*)`
    printed as `Số liệu () … ()` with the words between in italics; `2*3*4` as `2`, `3` in italics, `4`."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Markup("<br>\n").join(Markup(escape_html(line, quote=False)) for line in lines)


_TAGS = {"strong_open": "<strong>", "strong_close": "</strong>", "em_open": "<em>", "em_close": "</em>",
         "s_open": "<s>", "s_close": "</s>"}


def _inline_tokens(tokens: list[Token], out: list[str], upper: bool = False) -> None:
    for token in tokens:
        if upper and token.content:
            token.content = token.content.upper()
        if token.type in ("link_open", "link_close"):
            continue  # links keep their text only; the target never reaches the output
        if token.type in _TAGS:
            out.append(_TAGS[token.type])
        elif token.type == "code_inline":
            out.append(f"<code>{escape_html(token.content)}</code>")
        elif token.type == "softbreak":
            out.append(" ")
        elif token.type == "hardbreak":
            out.append("<br>")
        elif token.type in ("text", "html_inline"):
            out.append(escape_html(token.content, quote=False))


@dataclass(frozen=True, slots=True)
class DocumentHeader:
    """The header block of a Party or state document, ready for `base.html.j2`."""

    national: str
    motto: str
    superior: str
    issuer: str
    issuer_mark: str
    number: str
    place_date: str
    type: str
    summary: str
    draft: str
    running: str
    page: str = "Trang"
    language: str = "vi"  # the document's: its page number's format (the profile's `page_number_format_en`)
    summary_rule: bool = False  # a short rule under the summary (the profile's `summary_rule`; never a law's name)
    told_apart: str = ""  # a draft's comparison: the line naming its folder where another draft has its name

    @property
    def issuer_lines(self) -> tuple[str, ...]:
        """The issuer's name as the header prints it: `ỦY BAN NHÂN DÂN` / `TỈNH LÀO CAI`, never broken mid-name."""
        from regdraft.core.issuers import name_lines

        return name_lines(self.issuer)


def document_header(
    meta: Mapping[str, Any],
    profile: Profile,
    *,
    number: str | None = None,
    draft: int | str | None = None,
    type_: str | None = None,
    summary: str | None = None,
    date: Any = None,
    running: str | None = None,
) -> DocumentHeader:
    """The header block for a document from its front matter (keys of docs/format.md)."""
    language = str(meta.get("language", "vi"))
    doc_type = str(type_ if type_ is not None else meta.get("type", ""))
    title = str(meta.get("title", ""))
    shown_type = doc_type
    if summary is None:
        shown_type, summary = type_and_summary(title, doc_type)
        summary = printed_summary(summary, shown_type, profile)
    doc_number = str(number if number is not None else document_number(meta))
    when = date if date is not None else meta.get("signed")
    draft_text = profile.draft_line(draft, language) if draft is not None and draft != "" else ""
    return DocumentHeader(
        # The front matter's lines, else the profile's in the document's language (an English state text:
        # SOCIALIST REPUBLIC OF VIETNAM / Independence - Freedom - Happiness). A state document keeps its own
        # motto (Độc lập - Tự do - Hạnh phúc) under any profile. A key given empty (`national: ""`, a company's rules)
        # prints none, and so does `issuer_mark: ""` (no star under the issuer).
        national=_own(meta, "national", profile.national_en if language == "en" else profile.national_default),
        motto=_own(meta, "motto", profile.motto_en if language == "en" else profile.motto),
        superior=str(meta.get("superior") or ""),
        issuer=str(meta.get("issuer") or ""),
        issuer_mark=_own(meta, "issuer_mark", profile.issuer_mark),
        number=profile.number_line(doc_number, language, doc_type) if doc_number else "",
        # A document's own date line as it prints it (`date_line`: `ngày 08 tháng 06 năm 2010`), else the rule's.
        place_date=place_date(str(meta.get("place") or ""), when, profile.words(language),
                              kept_date_line(meta, read_date(when))) if when else "",
        type=shown_type,
        summary=summary,
        draft=draft_text,
        # Named by type, number and short title on one line (`render.running`): the summary alone ("làm việc của
        # ...") does not read as a title, and the full title of an amending document wraps.
        running=running if running is not None else document_line(profile.words(language), profile, doc_type,
                                                                  doc_number, title,
                                                                  issued_with=issued_with(meta)),
        page=profile.words(language)["page"],
        language=language,
        summary_rule=bool(profile.summary_rule and summary and shown_type.strip().lower() not in NAMED_ALONE),
    )


def _own(meta: Mapping[str, Any], key: str, default: str) -> str:
    """A header line the front matter gives (`national: ""`, empty or blank: none printed), else the profile's."""
    return str(meta.get(key) or "") if key in meta else default


def printed_summary(summary: str, doc_type: str, profile: Profile) -> str:
    """The summary line under the type as the title block prints it: a law's (an ordinance's, a code's) name in
    capitals, as laws print it (`LUẬT` / `ĐẤU THẦU`); else with a capital first letter under a profile whose
    summary opens with one (`summary_capital`: `NGHỊ ĐỊNH` / `Về kiểm soát thủ tục hành chính`, Nghị định
    30/2020/NĐ-CP, Phụ lục I), as written otherwise (`QUY CHẾ` / `làm việc của …`)."""
    if doc_type.strip().lower() in NAMED_ALONE:
        return summary.upper()
    return summary[:1].upper() + summary[1:] if profile.summary_capital else summary


def amendment_header(amendment: Amendment, profile: Profile, today: dt.date,
                     amended_number: str = "") -> DocumentHeader:
    """The header block of an amending document: `DỰ THẢO lần N`, a blank date and a blank number until adopted.

    A number is given when the document is issued (Nghị định 30/2020/NĐ-CP, Phụ lục I: registered by the clerk),
    so a draft numbered ahead of its signing (`amend number`, which adoption asks for) prints the blank of its
    series, `Số:       /2025/NĐ-CP`; a document already signed (an issued one imported) prints its number.
    `amended_number`: the number of the text amended, for a draft's series when its workspace id is a name."""
    pending = amendment.status != "adopted"
    draft = (amendment.draft if amendment.draft is not None else "") if pending else None
    number = amendment.number if not pending or amendment.signed is not None else ""
    header = document_header(amendment.meta, profile, number=number or "     ",
                             draft=draft, date=amendment.signed)
    series = "" if number else unissued(amendment.number) if amendment.number else draft_number(amendment.meta, today,
                                                                                                  amended_number)
    if series:  # `Số:      /2026/NĐ-CP`: the blank for the number, in the series the document will take
        header = replace(header, number=profile.number_line(series, amendment.language,
                                                           str(amendment.meta.get("type") or "")))
    if amendment.signed is None:
        place = str(amendment.meta.get("place") or "")
        # Kept open for the date of signing (the profile's `date_unsigned`); {gap} is six no-break
        # spaces, as plain spaces would collapse.
        blank = profile.words(amendment.language)["date_unsigned"].format(gap="\u00a0" * 6, year=today.year)
        header = replace(header, place_date=f"{place}, {blank}" if place else blank)
    return header

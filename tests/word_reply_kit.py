"""Edit a Word file the way a reviewer does in Word: comments on a selection (real comment range
marks and comments part, written by python-docx), and Track Changes (w:del / w:ins by a named
author with a date). Used to build review replies for the tests."""

from __future__ import annotations

import copy
import io
import re
import subprocess
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace
    from tests.conftest import Invoke


def open_docx(path: Path) -> Any:
    return docx.Document(str(path))


def save(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


def saved_by_libreoffice(document: Any, folder: Path) -> Path:
    """`document` saved, opened and saved again as .docx by LibreOffice (`soffice --headless`, a profile of its own
    in `folder`): the file a member who replies with LibreOffice sends back."""
    (folder / "in").mkdir()
    source = save(document, folder / "in" / "reply.docx")
    out = folder / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo-profile",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    return out / "reply.docx"


def paragraph_with(document: Any, text: str, last: bool = True) -> Paragraph:
    """The paragraph containing `text` (the last one: the text as amended comes after the amending document)."""
    found = [p for p in document.paragraphs if text in p.text]
    assert found, f"no paragraph contains {text!r}"
    chosen: Paragraph = found[-1] if last else found[0]
    return chosen


def isolate(paragraph: Paragraph, needle: str) -> Run:
    """Split the paragraph's runs so that `needle` is a run of its own, and return that run."""
    offset = 0
    for run in paragraph.runs:
        text = run.text
        at = text.find(needle)
        if at < 0:
            offset += len(text)
            continue
        before, after = text[:at], text[at + len(needle):]
        element = run._r
        if after:
            tail = copy.deepcopy(element)
            element.addnext(tail)
            Run(tail, paragraph).text = after
        if before:
            head = copy.deepcopy(element)
            element.addprevious(head)
            Run(head, paragraph).text = before
        run.text = needle
        return run
    raise AssertionError(f"{needle!r} is not inside one run of {paragraph.text!r}")


def comment(document: Any, first: Run, text: str, author: str, last: Run | None = None) -> None:
    """A Word comment by `author` on the runs from `first` to `last`."""
    document.add_comment([first, last or first], text=text, author=author,
                         initials="".join(w[0] for w in author.split()))


def _change(tag: str, author: str, date: str, number: int) -> Any:
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(number))
    element.set(qn("w:author"), author)
    element.set(qn("w:date"), date)
    return element


def track_replace(run: Run, new: str, author: str, date: str = "2025-03-10T09:00:00Z") -> None:
    """Replace a run's text with Track Changes on: the old text deleted, `new` inserted (if any)."""
    r = run._r
    deleted = _change("w:del", author, date, 9001)
    inserted = _change("w:ins", author, date, 9002)
    old = copy.deepcopy(r)
    for t in old.findall(qn("w:t")):
        t.tag = qn("w:delText")
    deleted.append(old)
    r.addprevious(deleted)
    if new:
        r.addprevious(inserted)
        inserted.append(r)
        Run(r, run._parent).text = new
    else:
        r.getparent().remove(r)


def track_insert_after(run: Run, new: str, author: str, date: str = "2025-03-10T09:00:00Z") -> None:
    """Insert text after a run with Track Changes on."""
    inserted = _change("w:ins", author, date, 9003)
    r = copy.deepcopy(run._r)
    inserted.append(r)
    run._r.addnext(inserted)
    Run(r, run._parent).text = new


def strip_bookmarks(document: Any) -> None:
    """Remove every bookmark, as a reply written on another copy of the draft would have none."""
    body = document.element.body
    for tag in ("w:bookmarkStart", "w:bookmarkEnd"):
        for element in body.findall(".//" + qn(tag)):
            element.getparent().remove(element)


def decompose(document: Any) -> None:
    """Rewrite every text as NFD with the lookalike Ð (U+00D0) for Đ, as some old systems type it."""
    for t in document.element.body.iter(qn("w:t")):
        if t.text:
            t.text = unicodedata.normalize("NFD", t.text.replace("Đ", "\u00d0"))


def docx_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def round_copy(invoke: Any, ws: Any, slug: str, out: Path, body: str) -> Path:
    """A round opened on `slug` consulting `body`, and its Word review copy written to `out`."""
    opened = invoke(ws, "round", "open", slug, "--title", "Lấy ý kiến", "--due", "2099-07-15", "--consult", body)
    assert opened.exit_code == 0, opened.output
    result = invoke(ws, "round", "copy", slug, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def imported_by_provision(invoke: Any, ws: Any, slug: str, reply: Path, body: str, *extra: str) -> dict[str, Any]:
    """`comment import` of a reply by `body`; the comments written, by provision (one each)."""
    import yaml

    result = invoke(ws, "comment", "import", slug, str(reply), "--by", body, *extra)
    assert result.exit_code == 0, result.output
    folder = ws.root / "amendments" / slug / "comments"
    files = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yaml")]
    by_provision = {c["provision"]: c for c in files}
    assert len(by_provision) == len(files), files
    return by_provision


_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def numbered_comments(path: Path, first: int = 0x10000000) -> tuple[dict[str, bytes], list[str]]:
    """The files of the package at `path`, by name, with a paragraph id (`w14:paraId`: `first`, `first` + 1 …, in
    hex) on every paragraph of its comments part, as Word writes them, and those ids in order."""
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist()}
    part = files["word/comments.xml"].decode("utf-8")
    if "xmlns:w14" not in part:
        part = part.replace("<w:comments ", f'<w:comments xmlns:w14="{_W14}" ', 1)
    ids: list[str] = []

    def number(_found: re.Match[str]) -> str:
        ids.append(f"{first + len(ids):08X}")
        return f'<w:p w14:paraId="{ids[-1]}"'

    files["word/comments.xml"] = re.sub(r"<w:p(?=[ >])", number, part).encode("utf-8")
    return files, ids


def add_part(files: dict[str, bytes], name: str, xml: str, kind: str, relation: str) -> None:
    """Add `word/{name}.xml`, holding `xml`, to `files`, its content type `…wordprocessingml.{kind}+xml`, related to
    the document by `relation` (python-docx reads only the parts the document relates to)."""
    files[f"word/{name}.xml"] = xml.encode("utf-8")
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/word/{name}.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/></Types>'.encode())
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rId{name}" Type="{relation}" '
        f'Target="{name}.xml"/></Relationships>'.encode())


def write_package(files: dict[str, bytes], out: Path) -> Path:
    """Write the package's `files` to `out`."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out


def round_consulting(ws: Workspace, invoke: Invoke, slug: str, *bodies: str) -> Workspace:
    """`ws` with round 1 of `slug` open, consulting `bodies`: the workspace a reviewer's Word reply comes back to."""
    consulted = [word for body in bodies for word in ("--consult", body)]
    result = invoke(ws, "round", "open", slug, "--title", "Lấy ý kiến các ban", "--due", "2099-03-15", *consulted)
    assert result.exit_code == 0, result.output
    return ws


def consulted(title: str, due: str, *bodies: str) -> Callable[[Path], None]:
    """What builds, at a folder `root`, the shipped workspace in round 1 of the shipped amendment (`title`, due `due`,
    consulting `bodies`) and beside it (`copy.docx`) the review copy the bodies reply on, as `round_copy` and
    `round_consulting` leave them: for `tests.conftest.built_once`, which builds it once a process and gives each
    test a copy."""

    def build(root: Path) -> None:
        from regdraft.workspace.store import init_workspace
        from tests.conftest import REPO_ROOT, SHIPPED_AMENDMENT, run_cli

        init_workspace(root, example_from=REPO_ROOT)
        for args in (("round", "open", SHIPPED_AMENDMENT, "--title", title, "--due", due,
                      *(word for body in bodies for word in ("--consult", body))),
                     ("round", "copy", SHIPPED_AMENDMENT, "-o", str(root.parent / "copy.docx"))):
            result = run_cli(root, *args)
            assert result.exit_code == 0, result.output

    return build


def copy_beside(built: Path, out: Path) -> Path:
    """The review copy `consulted` wrote beside workspace `built`, copied to `out`."""
    import shutil

    return Path(shutil.copy(built.parent / "copy.docx", out))


def typed_into(paragraph: Paragraph, text: str, author: str, date: str = "2025-03-10T09:00:00Z") -> None:
    """`text` typed at the end of a paragraph with Track Changes on: into an empty table cell, one with no run."""
    inserted = _change("w:ins", author, date, 9004)
    run, words = OxmlElement("w:r"), OxmlElement("w:t")
    words.text = text
    words.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(words)
    inserted.append(run)
    paragraph._p.append(inserted)


def rejected(paragraph: Paragraph, *tags: str) -> None:
    """Word's Reject pressed on the tracked changes (`w:ins`, `w:del`) in a paragraph, as a member rejects a Word
    redline's own changes: an insertion is gone, a deletion plain text again; nothing records it."""
    for tag in tags:
        for element in list(paragraph._p.iter(qn(tag))):
            if element.getparent().tag != qn("w:rPr"):  # a change of the paragraph mark: left as it is
                reject_change(element)


def word_changes(p: Any) -> list[tuple[Any, str]]:
    """The tracked changes of words in the `w:p` `p` (insertions and deletions, its paragraph mark's aside), each with
    the words it inserts or strikes out."""
    return [(c, "".join(t.text or "" for t in c.iter(qn("w:t"), qn("w:delText"))))
            for c in p.iter(qn("w:ins"), qn("w:del")) if c.getparent().tag != qn("w:rPr")]


def reject_change(element: Any) -> None:
    """Word's Reject pressed on one tracked change of words (`w:ins` or `w:del`): an insertion gone, a deletion's
    words plain again."""
    if element.tag == qn("w:del"):
        for text in element.iter(qn("w:delText")):
            text.tag = qn("w:t")
        for child in list(element):
            element.addprevious(child)
    element.getparent().remove(element)


def decree_63_consulting(root: Path, old: str, new: str, slug: str, body: str, *copy: str,
                         also: tuple[tuple[str, str], ...] = ()) -> Path:
    """Nghị định 63/2010 (the corpus's) imported into a new workspace at `root`, draft 1 of `slug` rewording `old`
    (once in it) as `new` (and each other `also` so), round 1 consulting `body`, and the command `copy` run (the copy
    a body replies on, written beside the workspace): the workspace, for a module's fixture."""
    from tests.conftest import SHARED, in_corpus, run_cli

    in_corpus(SHARED / "corpus")
    assert run_cli(None, "init", str(root)).exit_code == 0
    assert run_cli(root, "import", str(SHARED / "corpus" / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt")
                   ).exit_code == 0
    edited = root.parent / "edited.md"
    text = next((root / "regulations").glob("*.md")).read_text(encoding="utf-8")
    for was, made in ((old, new), *also):
        assert text.count(was) == 1, was
        text = text.replace(was, made)
    edited.write_text(text, encoding="utf-8")
    for step in (("amend", "from-edits", slug, "--edited", str(edited), "-r", "63/2010/NĐ-CP"),
                 ("round", "open", slug, "--title", "Lấy ý kiến", "--due", "2099-07-15", "--consult", body), copy):
        result = run_cli(root, *step)
        assert result.exit_code == 0, result.output
    return root


def paragraph_holding(document: Any, text: str) -> Any:
    """The `w:p` element whose words, a tracked insertion's or deletion's included, hold `text` (the last one)."""
    found = [p for p in document.element.body.iter(qn("w:p"))
             if text in "".join(t.text or "" for t in p.iter(qn("w:t"), qn("w:delText")))]
    assert found, f"no paragraph holds {text!r}"
    return found[-1]


def rejected_paragraphs(first: Any, last: Any, keep_mark: bool = False) -> None:
    """Word's Reject pressed on paragraphs a Word redline inserts whole, from the `w:p` `first` to `last`: they are
    gone, their tracked paragraph marks with them, and the mark of the paragraph before (the redline inserts it, as
    Word does when Enter is typed at a paragraph's end) is plain again. `keep_mark`: the member selected the words
    alone, not the last paragraph's mark, which is left, an empty paragraph (and the mark before stays tracked)."""
    paragraphs = [first, *first.itersiblings(qn("w:p"))]
    run = paragraphs[:paragraphs.index(last) + 1]
    if keep_mark:
        for p in run[:-1]:
            p.getparent().remove(p)
        for child in list(last):
            if child.tag != qn("w:pPr"):
                last.remove(child)
        return
    before = first.getprevious()
    mark = before.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}") if before is not None else None
    if mark is not None:
        mark.getparent().remove(mark)
    for p in run:
        p.getparent().remove(p)


def split_paragraph(p: Any, before: str) -> Any:
    """The `w:p` `p` split in two before the words `before` (counting the words a redline strikes out), as Enter
    typed there with Track Changes off leaves it: in a table cell, a cell of two paragraphs. Returns the second."""
    order = "{urn:regdraft-test}order"

    def words(run: Any) -> str:
        return "".join(t.text or "" for t in run.iter(qn("w:t"), qn("w:delText")))

    at = "".join(words(r) for r in p.iter(qn("w:r"))).index(before)
    seen = 0
    for run in list(p.iter(qn("w:r"))):
        if seen < at < seen + len(words(run)):  # the words split inside a run: two runs of it
            text = next(run.iter(qn("w:t"), qn("w:delText")))
            piece = copy.deepcopy(run)
            rest = next(piece.iter(qn("w:t"), qn("w:delText")))
            rest.text, text.text = (text.text or "")[at - seen:], (text.text or "")[:at - seen]
            for t in (text, rest):
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.addnext(piece)
            break
        seen += len(words(run))
    seen, cut = 0, 0
    for k, run in enumerate(p.iter(qn("w:r"))):
        run.set(order, str(k))
        cut = k if seen <= at else cut
        seen += len(words(run))
    second = copy.deepcopy(p)
    for element, kept in ((p, range(cut)), (second, range(cut, 10**6))):
        for run in list(element.iter(qn("w:r"))):
            if int(run.attrib.pop(order)) not in kept:
                run.getparent().remove(run)
        for wrapper in list(element.iter(qn("w:ins"), qn("w:del"))):
            if wrapper.getparent().tag != qn("w:rPr") and not len(wrapper):
                wrapper.getparent().remove(wrapper)
    for mark in list(second.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
        mark.getparent().remove(mark)
    p.addnext(second)
    return second


def decree_48_redline(root: Path, body: str) -> Path:
    """Nghị định 63/2010 with its real amendment, Nghị định 48/2013, as draft 1 of `real` in a new workspace at
    `root`, round 1 consulting `body`, and the Word redline of the draft beside the workspace (`redline.docx`): the
    workspace, for a module's fixture."""
    return amended_redline(root, body, "nd-63-2010", "base-63-2010-ND-CP.txt", "amending-48-2013-ND-CP.txt",
                           "63/2010/NĐ-CP")


def amended_redline(root: Path, body: str, folder: str, base: str, amending: str, regulation: str) -> Path:
    """A real text and its real amending document (`base`, `amending` in the corpus's `amendments/folder`), the
    amending document as draft 1 of `real` in a new workspace at `root`, round 1 consulting `body`, and the Word
    redline of the draft of `regulation` beside the workspace (`redline.docx`): the workspace."""
    from tests.conftest import SHARED, in_corpus, run_cli

    where = in_corpus(SHARED / "corpus") / "amendments" / folder
    assert run_cli(None, "init", str(root)).exit_code == 0
    for step in (("import", str(where / base)),
                 ("amend", "import", str(where / amending), "--slug", "real"),
                 ("amend", "status", "real", "--draft", "1"),
                 ("round", "open", "real", "--title", "Lấy ý kiến", "--due", "2099-07-15", "--consult", body),
                 ("redline", regulation, "--amendment", "real", "-o", str(root.parent / "redline.docx"))):
        result = run_cli(root, *step)
        assert result.exit_code == 0, result.output
    return root

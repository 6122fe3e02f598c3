"""What the importer reads (paragraphs) and what it tells the user (the import report)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from regdraft.core.counts import count as counted
from regdraft.core.model import Regulation

# Report categories, in the order they are printed.
CATEGORIES = (
    "unclassified",  # kept as plain text where it stood; the structure could not place it
    "numbering",     # a label out of sequence, repeated or not a valid label
    "missing",       # a required front-matter key the header did not give (placeholder written)
    "header",        # a header line and the front-matter key it became
    "article",       # a sentence of an article read as a front-matter key (the date of effect, from its article)
    "closing",       # a signature or recipients line and the front-matter key it became
    "skipped",       # a decorative line (rules, asterisks) left out of the output
    "encoding",      # legacy text converted to Unicode
    "letters",       # a heading or label read after folding lookalike letters, or letters normalised
    "check",         # why the written file does not pass `regdraft check`, or what check warns about
    "warning",       # the text may be incomplete, or a typing slip was read as plainly meant (amending document)
    "info",          # anything else worth knowing
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One input paragraph: its text, where it was (line or paragraph number), and hints.

    `rows` holds a table's cells when the paragraph is a table; `heading` is True when the
    source styled it as a heading (Word's Heading/Title styles).
    """

    text: str
    where: int
    rows: tuple[tuple[str, ...], ...] | None = None
    heading: bool = False
    closing: str = ""  # `article` or `clause`: the source marks it as the closing text of one
    row_lines: tuple[int, ...] = field(default=(), compare=False)  # a text table's rows' lines (`header.text_rows`)


@dataclass(frozen=True, slots=True)
class Note:
    """One report entry: where, what kind, a full-sentence message and the paragraph's text."""

    where: int
    category: str
    message: str
    text: str = ""

    def line(self, unit: str) -> str:
        """The note as one printable line: `line 12: [numbering] ... | text`."""
        place = f"{unit} {self.where}" if self.where else "document"
        shown = f"  «{self.text}»" if self.text else ""
        return f"{place}: [{self.category}] {self.message}{shown}"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {"where": self.where, "category": self.category, "message": self.message, "text": self.text}


@dataclass(frozen=True, slots=True)
class ImportReport:
    """Everything the importer wants the user to know, in document order within category."""

    source: str
    unit: str  # "line" for text files, "paragraph" for Word files
    encoding: str
    notes: tuple[Note, ...] = ()
    passes_check: bool = True
    gaps_only: bool = False  # it fails `check` only for units missing from its numbering (deleted: repealed)

    def by_category(self, category: str) -> list[Note]:
        """The notes of one category."""
        return sorted((n for n in self.notes if n.category == category), key=lambda n: n.where)

    def text(self) -> str:
        """The printable report, grouped by category."""
        lines = [f"{self.source}: read as {self._read_as()}; {counted(len(self.notes), 'note')}."]
        for category in CATEGORIES:
            for note in self.by_category(category):
                lines.append("  " + note.line(self.unit))
        if not self.passes_check and self.gaps_only:
            lines.append("The file does not pass `regdraft check` as a regulation of its own only because units are "
                         "missing from its numbering (the [info] note names them): as an edited text for `regdraft "
                         "amend from-edits` that is how a unit is repealed.")
        elif not self.passes_check:
            lines.append("The file does not pass `regdraft check`; the [check] notes say why.")
        elif self.by_category("check"):
            lines.append("`regdraft check` accepts the file but warns about it; the [check] notes say what to look at.")
        else:
            lines.append("The file passes `regdraft check`.")
        return "\n".join(lines)

    def _read_as(self) -> str:
        """What the file was read as: a text file's encoding; a Word file holds Unicode, so only the runs
        in legacy fonts converted are worth naming (`utf-8 with tcvn3 runs`)."""
        if self.unit != "paragraph":
            return self.encoding
        legacy = self.encoding.removeprefix("utf-8").removeprefix(" with ").removesuffix(" runs")
        return f"a Word document, runs in {legacy.upper()} converted to Unicode" if legacy else "a Word document"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {"source": self.source, "unit": self.unit, "encoding": self.encoding,
                "passes_check": self.passes_check, "notes": [n.as_dict() for n in self.notes]}


@dataclass(frozen=True, slots=True)
class ImportResult:
    """An imported regulation, its canonical file text and the report."""

    regulation: Regulation
    text: str
    report: ImportReport
    paragraphs: tuple[Paragraph, ...] = field(default=(), compare=False)

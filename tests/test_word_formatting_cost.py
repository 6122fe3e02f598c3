"""A Word reply's formatting-only tracked changes are read in time in proportion to their number, and named in plain
words (r28 sweep AD defect 5): each `w:rPrChange` of a run read all the run's properties again, so a 3 KB .docx of
8,000 changes in one run took 128 s; the note said "… on outside any provision"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from regdraft.core.reply_outside import formatting_note
from regdraft.importer.word_formatting import formatting_changes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Element:
    """Enough of an lxml element for `formatting_changes`, tallying the children read by iterating one."""

    read = 0

    def __init__(self, tag: str, children: list[Element] | None = None, **attrib: str) -> None:
        self.tag, self.children, self.attrib = f"{W}{tag}", children or [], {f"{W}{k}": v for k, v in attrib.items()}

    def __iter__(self) -> Iterator[Element]:
        for child in self.children:
            Element.read += 1
            yield child

    def __len__(self) -> int:
        return len(self.children)

    def __getitem__(self, i: int) -> Element:
        return self.children[i]

    def find(self, tag: str) -> Element | None:
        return next((c for c in self.children if c.tag == tag), None)

    def iterchildren(self, *tags: str) -> Iterator[Element]:
        return (c for c in self.children if c.tag in tags)


def test_the_changes_of_one_run_are_read_once_each() -> None:
    for k in (1_000, 4_000):
        changes = [Element("rPrChange", [Element("rPr")], id=str(i), author="x") for i in range(k)]
        run = Element("r", [Element("rPr", [Element("b"), *changes]), Element("t")])
        Element.read = 0
        found = formatting_changes(run, lambda change: False)
        assert found == [("bold",)] * k
        assert Element.read <= 3 * k, (k, Element.read)


@dataclass(frozen=True)
class Paragraph:
    address: str | None = None
    cell: tuple[int, int, str] = (0, 0, "")
    formatting: tuple[tuple[str, ...], ...] = ()


def test_changes_outside_any_provision_are_said_so() -> None:
    many = Paragraph(formatting=(("formatting",),) * 2_000)
    alone = formatting_note([many], [None], "fmt2000.docx", "en")
    assert alone == ("2,000 formatting-only changes (formatting) were not imported: regdraft takes wording, not "
                     "formatting; they are in fmt2000.docx outside any provision.")
    both: Any = formatting_note([Paragraph(formatting=(("bold",),)), many], [("", "d9.k3.a"), None], "r.docx", "vi")
    assert both.endswith("they are in r.docx on điểm a khoản 3 Điều 9 and outside any provision."), both

"""Addresses as people type them (issue 21 §3), and the nearest provision for one that does not exist."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regdraft.core.errors import AddressError, UnknownUnit
from regdraft.core.labels import POINT_LETTERS
from regdraft.core.markdown import parse
from regdraft.core.model import END, INTRO, TITLE, Address, Kind, Segment
from regdraft.core.nearest import nearest_names, unknown_name
from regdraft.core.text import unaccented
from tests.conftest import FIXTURES

MINI = parse((FIXTURES / "mini.md").read_bytes(), "mini.md")


@pytest.mark.parametrize(("typed", "code"), [
    ("dieu 5 khoan 2", "d5.k2"),
    ("d5 k2", "d5.k2"),
    ("Điều 5, khoản 2", "d5.k2"),
    ("k2 d5", "d5.k2"),
    ("K2 Đ5", "d5.k2"),
    ("Điều 12 khoản 2 điểm b", "d12.k2.b"),
    ("d12.k2.b", "d12.k2.b"),
    ("d12 k2 b", "d12.k2.b"),
    ("b k2 d12", "d12.k2.b"),
    ("DIEU 12 KHOAN 2 DIEM B", "d12.k2.b"),
    ("diem dd khoan 2 dieu 12", "d12.k2.dd"),
    ("d12 k2 d1", "d12.k2.d1"),
    ("khoản 2 của Điều 5", "d5.k2"),
    ("d 5 k 2", "d5.k2"),
    ("Đ5", "d5"),
    ("article 5 clause 2", "d5.k2"),
    ("a5 c2", "d5.k2"),
    ("art. 5, cl. 2", "d5.k2"),
    ("clause 2 article 5", "d5.k2"),
    ("chuong ii muc 1", "ch2.m1"),
    ("ch2 m1", "ch2.m1"),
    ("phan thu nhat", "p1"),
    ("doan mo dau khoan 2 dieu 5", "d5.k2.intro"),
    ("d5 k2 intro", "d5.k2.intro"),
    ("phan cuoi dieu 7", "d7.end"),
])
def test_typed_forms_read_as_the_address_meant(typed: str, code: str) -> None:
    assert str(Address.parse(typed)) == code


@pytest.mark.parametrize(("typed", "fragment"), [
    ("k2", "is not an address"),
    ("dieu 5 dieu 6", "twice"),
    ("dieu 5 khoan", "cannot read"),
    ("hello 5", "cannot read 'hello'"),
    ("d5 k2 zz", "cannot read 'zz'"),
    ("dieu 5 chuong 2", "mixes an article with a chapter"),
])
def test_typed_forms_that_name_nothing_are_explained(typed: str, fragment: str) -> None:
    with pytest.raises(AddressError, match=fragment):
        Address.parse(typed)


@st.composite
def addresses(draw: st.DrawFn) -> Address:
    """Any canonical address: an article with its clause and point (or a point alone), a chapter
    with its section, a part; articles, clauses and points sometimes with a lead-in or closing text, articles,
    chapters, sections and parts sometimes with their title."""
    number = st.integers(1, 120).map(str)
    suffixed = st.tuples(number, st.sampled_from(["", "", "a", "b"])).map("".join)
    point = st.tuples(st.sampled_from(POINT_LETTERS), st.sampled_from(["", "", "1", "2"])).map("".join)
    shape = draw(st.sampled_from(["d", "dk", "dkp", "dp", "ch", "chm", "p"]))
    segments: list[Segment] = []
    if shape.startswith("d"):
        segments.append(Segment(Kind.ARTICLE, draw(suffixed)))
        if "k" in shape:
            segments.append(Segment(Kind.CLAUSE, draw(suffixed)))
        if shape.endswith("p"):
            # Point k1 right under an article has no short form of its own: `d5.k1` is khoản 1.
            label = draw(point.filter(lambda p: "k" in shape or not (p.startswith("k") and p[1:])))
            segments.append(Segment(Kind.POINT, label))
        part = draw(st.sampled_from(["", "", INTRO, END, *([TITLE] if shape == "d" else [])]))
        return Address(tuple(segments), part)
    if shape.startswith("ch"):
        segments.append(Segment(Kind.CHAPTER, Address.parse(f"ch{draw(number)}").label))
        if shape == "chm":
            segments.append(Segment(Kind.SECTION, draw(number)))
        return Address(tuple(segments), draw(st.sampled_from(["", "", TITLE])))
    return Address((Segment(Kind.PART, draw(st.integers(1, 10).map(str))),), draw(st.sampled_from(["", "", TITLE])))


_SHORT = {Kind.ARTICLE: "d", Kind.CLAUSE: "k", Kind.SECTION: "m", Kind.PART: "p"}
_VI = {Kind.PART: "Phần", Kind.CHAPTER: "Chương", Kind.SECTION: "Mục", Kind.ARTICLE: "Điều", Kind.CLAUSE: "khoản",
       Kind.POINT: "điểm"}
_EN = {Kind.PART: "part", Kind.CHAPTER: "chapter", Kind.SECTION: "section", Kind.ARTICLE: "article",
       Kind.CLAUSE: "clause", Kind.POINT: "point"}


def typed_forms(address: Address) -> list[str]:
    """Every way a drafter types `address`: citations, their unaccented and abbreviated forms,
    largest or smallest first, with spaces, commas, dots, slashes, in any case."""
    segments = address.segments
    suffix = f" {address.part}" if address.part else ""

    def short(seg: Segment) -> str:
        if seg.kind is Kind.POINT:
            return seg.label.replace("đ", "dd")
        if seg.kind is Kind.CHAPTER:
            return seg.code()
        return _SHORT[seg.kind] + seg.label

    def worded(seg: Segment, nouns: dict[Kind, str]) -> str:
        return f"{nouns[seg.kind]} {seg.label}"

    forms = [str(address), address.describe("vi"), address.describe("en")]
    vi = [worded(s, _VI) for s in segments]
    en = [worded(s, _EN) for s in segments]
    codes = [short(s) for s in segments]
    # Largest first and smallest first; a point spelled as a word when smallest first, since a
    # bare `d1` before `k2 d12` could be Điều 1 as well as the inserted point d1.
    first_small = [f"điểm {s.label}" if s.kind is Kind.POINT else short(s) for s in reversed(segments)]
    for words in (vi, en):
        forms += [" ".join(words) + suffix, ", ".join(words) + suffix, " ".join(reversed(words)) + suffix]
    forms += [" ".join(codes) + suffix, ".".join(codes) + suffix, "/".join(codes) + suffix,
              " ".join(first_small) + suffix]
    # Without diacritics point đ is typed `dd`, as in the short form.
    typed = [unaccented(re.sub(r"(?<=điểm )đ|(?<=point )đ", "dd", f)) for f in forms]
    typed += [f.upper() for f in forms if "đ" not in f]
    if not address.part:  # `K2 Đ5`: capitals and the Vietnamese letter, smallest first
        typed.append(" ".join(first_small).upper().replace("D", "Đ", 1) if segments[-1].kind is Kind.CLAUSE
                     and len(segments) == 2 else " ".join(first_small))
    return forms + typed


@given(addresses())
def test_every_typed_form_of_an_address_reads_back(address: Address) -> None:
    for form in typed_forms(address):
        assert Address.parse(form) == address, form


@pytest.mark.parametrize(("address", "message"), [
    ("d2.k9", "mini.md: Điều 2 has no khoản 9 (khoản 9 Điều 2 does not exist): it has clauses 1–3; "
               "did you mean khoản 3 Điều 2 (d2.k3)?"),
    ("d2.k2.x", "mini.md: khoản 2 Điều 2 has no điểm x (điểm x khoản 2 Điều 2 does not exist): it has points "
                "a–c; did you mean điểm c khoản 2 Điều 2 (d2.k2.c)?"),
    ("d2.k1.a", "mini.md: khoản 1 Điều 2 has no điểm a (điểm a khoản 1 Điều 2 does not exist): it has no points."),
    ("d99", "mini.md: Điều 99 does not exist: the regulation has articles 1–4; did you mean Điều 4 (d4)?"),
    ("d99.k1", "mini.md: Điều 99 does not exist: the regulation has articles 1–4; did you mean Điều 4 (d4)?"),
    ("ch9", "mini.md: Chương IX does not exist: the regulation has chapters I and II; did you mean Chương II (ch2)?"),
])
def test_a_missing_provision_names_the_nearest_one(address: str, message: str) -> None:
    with pytest.raises(UnknownUnit) as info:
        MINI.find(address)
    assert str(info.value) == message


@pytest.mark.parametrize(("name", "known", "suggested"), [
    ("01QC", ["01-QC/TU", "02-QC/TU"], ["01-QC/TU"]),
    ("01-qc-tu", ["01-QC/TU", "01-QC/TU-EN"], ["01-QC/TU"]),
    ("qc-sua-doi", ["qc-sua-doi-2025", "other"], ["qc-sua-doi-2025"]),
    ("qc-sua-doi-2052", ["qc-sua-doi-2025", "zzz"], ["qc-sua-doi-2025"]),
    ("99-XX", ["01-QC/TU"], []),
])
def test_an_unknown_name_suggests_the_nearest_known_ids(name: str, known: list[str], suggested: list[str]) -> None:
    assert nearest_names(name, known) == suggested
    message = unknown_name("regulation", name, known)
    assert message.startswith(f"There is no regulation '{name}'")
    assert (f": did you mean {' or '.join(suggested)}?" in message) if suggested else "did you mean" not in message
    # One known name is "the only" one ("The regulations are 01-QC/TU." read as if a list was cut short).
    listed = f"The only regulation is {known[0]}." if len(known) == 1 else f"The regulations are {', '.join(known)}."
    assert message.endswith(listed)

"""Addresses (both forms, both languages), lookups and map_units."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regdraft.core.errors import AddressError, UnknownUnit
from regdraft.core.markdown import parse
from regdraft.core.model import (
    Address,
    Kind,
    Regulation,
    Unit,
    chapter_label,
    from_roman,
    label_order,
    map_units,
    repealed_unit,
    to_roman,
)
from tests.conftest import FIXTURES
from tests.strategies import regulations

MINI = parse((FIXTURES / "mini.md").read_bytes(), "mini.md")


@pytest.mark.parametrize(("text", "code"), [
    ("d12", "d12"),
    ("D12.K2.B", "d12.k2.b"),
    ("d12/k2/b", "d12.k2.b"),
    ("d12.k2.dd", "d12.k2.dd"),
    ("d12.k2.d1", "d12.k2.d1"),
    ("d12.d1", "d12.d1"),
    ("d12.k2.p1", "d12.k2.p1"),
    ("d12.k2.m1", "d12.k2.m1"),
    ("d12.k2.k1", "d12.k2.k1"),
    ("d20a", "d20a"),
    ("d5.k3a", "d5.k3a"),
    ("ch2", "ch2"),
    ("ch2.m1", "ch2.m1"),
    ("p1", "p1"),
    ("Điều 12", "d12"),
    ("điều 12 khoản 2 điểm b", "d12.k2.b"),
    ("điểm b khoản 2 Điều 12", "d12.k2.b"),
    ("Điều 12, khoản 2", "d12.k2"),
    ("điểm đ khoản 2 Điều 12", "d12.k2.dd"),
    ("điểm d1 khoản 2 Điều 7", "d7.k2.d1"),
    ("Điều 20a", "d20a"),
    ("khoản 5a Điều 4", "d4.k5a"),
    ("Chương II", "ch2"),
    ("Chương 2", "ch2"),
    ("Mục 1 Chương II", "ch2.m1"),
    ("Phần thứ nhất", "p1"),
    ("Article 12", "d12"),
    ("clause 2 of Article 12", "d12.k2"),
    ("point b, clause 2, Article 12", "d12.k2.b"),
    ("point dd, clause 2, Article 12", "d12.k2.dd"),
    ("Chapter IV", "ch4"),
    ("Section 1 of Chapter II", "ch2.m1"),
    ("Part Two", "p2"),
])
def test_parse_short_and_human_forms(text: str, code: str) -> None:
    assert str(Address.parse(text)) == code


@pytest.mark.parametrize(("code", "vi", "en"), [
    ("d12", "Điều 12", "Article 12"),
    ("d12.k2", "khoản 2 Điều 12", "clause 2, Article 12"),
    ("d12.k2.b", "điểm b khoản 2 Điều 12", "point b, clause 2, Article 12"),
    ("d12.k2.dd", "điểm đ khoản 2 Điều 12", "point dd, clause 2, Article 12"),
    ("ch2.m1", "Mục 1 Chương II", "Section 1, Chapter II"),
    ("p1", "Phần thứ nhất", "Part One"),
])
def test_describe_and_read_back(code: str, vi: str, en: str) -> None:
    address = Address.parse(code)
    assert address.describe("vi") == vi
    assert address.describe("en") == en
    assert Address.parse(vi) == address
    assert Address.parse(en) == address


@pytest.mark.parametrize(("text", "fragment"), [
    ("", "empty address"),
    ("   ", "empty address"),
    ("zz", "cannot read 'zz'"),
    ("d12.k2.b.c", "is not an address"),
    ("k2", "is not an address"),
    ("Điều abc", "not an article number"),
    ("điểm f khoản 1 Điều 2", "the Vietnamese series of points has no f"),
    ("Chương XYZ", "not a chapter number"),
    ("Điều 5 Chương II", "mixes an article with a chapter"),
    ("Điều 5 Điều 6", "twice"),
    ("Điều", "cannot read 'Điều' without its number"),
    ("Điều 5 khoản", "cannot read"),
    ("Bogus 5", "cannot read 'Bogus'"),
    ("Mục x Chương II", "not a section number"),
])
def test_bad_addresses_are_explained(text: str, fragment: str) -> None:
    with pytest.raises(AddressError) as info:
        Address.parse(text)
    assert fragment in str(info.value)


def test_address_relations() -> None:
    clause = Address.parse("d2.k2")
    point = clause.child(Kind.POINT, "b")
    assert str(point) == "d2.k2.b" and point.parent() == clause
    assert clause.contains(point) and not point.contains(clause)
    assert Address.parse("d2").parent() is None
    assert (point.kind, point.label) == (Kind.POINT, "b")


def test_find_and_unknown_units() -> None:
    located = MINI.find("d2.k2.b")
    assert located.unit.text[0].startswith("Cá nhân")
    assert [u.kind for u in located.ancestors] == [Kind.CHAPTER, Kind.ARTICLE, Kind.CLAUSE]
    assert MINI.find("ch2").unit.label == "II"
    with pytest.raises(UnknownUnit, match=r"mini.md: Điều 99 does not exist"):
        MINI.find("d99")
    with pytest.raises(UnknownUnit, match=r"khoản 2 Điều 2 has no điểm x"):
        MINI.find("d2.k2.x")
    with pytest.raises(UnknownUnit, match=r"Điều 99 does not exist"):
        MINI.find("d99.k1.a")


def test_every_address_in_a_document_finds_its_unit() -> None:
    index = MINI.index()
    assert len(index) == sum(1 for _ in MINI.walk())
    for address, located in index.items():
        assert MINI.find(Address.parse(str(address))).unit is located.unit
        assert MINI.find(address.describe("vi")).unit is located.unit


def test_map_units_replaces_removes_and_inserts() -> None:
    new_point = Unit(Kind.POINT, "b", None, ("Mới.",))
    units, found = map_units(MINI.units, Address.parse("d2.k2.b"), lambda u: [new_point])
    assert found
    changed = MINI.with_units(units)
    assert changed.find("d2.k2.b").unit.text == ("Mới.",)
    # untouched subtrees are shared, not copied
    assert changed.units[1] is MINI.units[1]
    assert changed.find("d1").unit is MINI.find("d1").unit

    units, found = map_units(MINI.units, Address.parse("d2.k3"), lambda u: [])
    assert found and [c.label for c in MINI.with_units(units).find("d2").unit.children] == ["1", "2"]

    inserted = Unit(Kind.ARTICLE, "3a", "Chèn")
    units, found = map_units(MINI.units, Address.parse("d3"), lambda u: [u, inserted])
    assert found and [str(a.address) for a in MINI.with_units(units).articles()] == ["d1", "d2", "d3", "d3a", "d4"]

    units, found = map_units(MINI.units, Address.parse("d9"), lambda u: [])
    assert not found and units == MINI.units


def test_map_units_reaches_sections_and_chapters() -> None:
    reg = parse((FIXTURES / "mini.md").read_text(encoding="utf-8"))
    units, found = map_units(reg.units, Address.parse("ch2"), lambda u: [repealed_unit(u)])
    assert found and MINI.with_units(units).find("ch2").unit.repealed


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(regulations(), st.data())
def test_map_units_identity_on_any_address(reg: Regulation, data: st.DataObject) -> None:
    addresses = [loc.address for loc in reg.walk()]
    target = data.draw(st.sampled_from(addresses))
    units, found = map_units(reg.units, target, lambda u: [u])
    assert found and units == reg.units
    units, found = map_units(reg.units, target, lambda u: [repealed_unit(u)])
    assert reg.with_units(units).find(target).unit.repealed


def test_labels_and_numerals() -> None:
    assert [to_roman(n) for n in (1, 4, 9, 14, 40, 1994)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]
    assert from_roman("XIV") == 14 and from_roman("IIII") is None and from_roman("ABC") is None
    assert label_order(Kind.POINT, "đ") == (5, "") and label_order(Kind.POINT, "d1") == (4, "1")
    assert label_order(Kind.ARTICLE, "20a") == (20, "a")
    assert label_order(Kind.CHAPTER, "IV") == (4, "")


@pytest.mark.parametrize(("raw", "label"), [
    ("2", "II"), ("II", "II"), ("ii", "II"), ("14", "XIV"), ("2a", "IIa"), ("IIa", "IIa"), ("XIVb", "XIVb"),
    ("IIII", None), ("ABC", None), ("", None), ("a", None),
])
def test_one_reading_of_a_chapter_number(raw: str, label: str | None) -> None:
    assert chapter_label(raw) == label
    if label is None:
        return
    # Every reader of a chapter number agrees with it: a Markdown heading, an address.
    text = (FIXTURES / "mini.md").read_text(encoding="utf-8").replace("# Chương I.", f"# Chương {raw}.")
    assert parse(text, "mini.md", numbering=False).units[0].label == label
    assert Address.parse(f"Chương {raw}").label == label


def test_unit_text_and_equality_ignore_line() -> None:
    a = Unit(Kind.CLAUSE, "1", None, ("x",), line=3)
    b = Unit(Kind.CLAUSE, "1", None, ("x",), line=9)
    assert a == b
    assert MINI.find("d2").unit.all_text().splitlines()[0] == "Nguyên tắc làm việc"
    assert repealed_unit(MINI.find("d2").unit) == Unit(Kind.ARTICLE, "2", repealed=True)


def test_index_is_kept_per_tree_but_each_caller_gets_its_own_copy() -> None:
    # `index` and `find` are answered from the tree's units walked once; a caller changing its map must not
    # change what the next caller gets, and a changed tree is indexed afresh.
    expected = {loc.address: loc for loc in MINI.walk()}
    first = MINI.index()
    assert first == expected
    first.clear()
    assert MINI.index() == expected
    changed = MINI.with_units(MINI.units[:1])
    assert changed.index() == {loc.address: loc for loc in changed.walk()} != expected
    assert MINI.find("d2.k2.b").unit is expected[Address.parse("d2.k2.b")].unit


def test_a_units_address_is_the_one_its_data_classes_make() -> None:
    """`unit_address` sets the slots of the segment and the address it makes directly (a comparison asks for one
    a provision): the same address, field for field, hash and code, as `Address((Segment(...),))` and
    `parent.child(...)` make, for every kind under a parent and alone."""
    from dataclasses import fields

    from regdraft.core.model import Address, Segment, unit_address

    parent = Address.parse("ch2.m1")
    for kind in Kind:
        unit = Unit(kind, "3")
        for base in (None, parent):
            made = unit_address(unit, base)
            alone = kind in (Kind.ARTICLE, Kind.PART, Kind.CHAPTER, Kind.APPENDIX) or base is None
            expected = Address((Segment(kind, "3"),)) if alone else parent.child(kind, "3")
            assert made == expected and hash(made) == hash(expected) and str(made) == str(expected)
            assert [getattr(made, f.name) for f in fields(Address)] == [getattr(expected, f.name)
                                                                         for f in fields(Address)]
            assert all(type(s) is Segment for s in made.segments)

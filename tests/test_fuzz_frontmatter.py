"""Whatever types and dates the front matter holds, check reports them and no exporter crashes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regdraft.core.amend.document import read_amendment
from regdraft.core.consolidate import consolidate
from regdraft.core.errors import RegdraftError
from regdraft.core.markdown import read
from regdraft.render.consolidated import amendment_html, consolidated_html, consolidated_markdown
from regdraft.render.consolidated_docx import write_amendment_docx, write_consolidated_docx
from regdraft.render.html import environment
from regdraft.render.profile import load_profile
from tests.conftest import FIXTURES
from tests.test_consolidate import words_of

BODY = (FIXTURES / "mini.md").read_text(encoding="utf-8").split("---\n", 2)[2]
AMENDMENT_BODY = (FIXTURES / "comments" / "amendment-1.md").read_text(encoding="utf-8").split("---\n", 2)[2]
PROFILE = load_profile({})
ENV = environment(None)

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False), st.text(max_size=12),
    st.sampled_from(["2021-02-30", "2021-13-01", "2021-1-9", "x\x0by", "\x07", "FIXME", "2021-01-09", "vi", "en"]),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(st.text(max_size=6), inner, max_size=3)),
                      max_leaves=6)
KEYS = ["id", "type", "title", "language", "national", "superior", "issuer", "place", "signed", "effective", "term",
        "signer", "recipients", "translation_of", "draft", "number", "regulation", "status"]
META = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=8)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])


def _with(base: Mapping[str, object], meta: Mapping[str, object]) -> str:
    return "---\n" + yaml.safe_dump({**base, **meta}, allow_unicode=True, sort_keys=False) + "---\n"


@SETTINGS
@given(META)
def test_check_and_every_regulation_exporter_survive_any_front_matter(tmp_path: Path, meta: dict[str, object]) -> None:
    base = {"id": "MINI-QC", "type": "Quy chế", "title": "Quy chế thử nghiệm", "language": "vi",
            "issuer": "TỈNH ỦY ĐIỆN BIÊN", "signed": "2021-01-09"}
    try:
        reading = read(_with(base, meta) + BODY, "regulations/MINI-QC.md")
    except RegdraftError:
        return
    for problem in reading.problems:
        assert problem.source == "regulations/MINI-QC.md" and problem.line >= 1
    try:
        ct = consolidate(reading.regulation, [], dt.date(2030, 1, 1), words=words_of(reading.regulation))
    except RegdraftError:
        return
    for paged in (False, True):
        consolidated_html(ct, ENV, PROFILE, paged=paged)
    consolidated_markdown(ct)
    write_consolidated_docx(ct, PROFILE, tmp_path / "x.docx")


@SETTINGS
@given(META)
def test_every_amendment_exporter_survives_any_front_matter(tmp_path: Path, meta: dict[str, object]) -> None:
    base = {"number": "02-QC/TU", "regulation": "MINI-QC", "title": "Quy chế sửa đổi", "language": "vi",
            "status": "draft", "draft": 1}
    amendment, problems = read_amendment(_with(base, meta) + AMENDMENT_BODY, "amendments/x/amendment.md", "x")
    for problem in problems:
        assert problem.line >= 1
    if amendment is None:
        return
    amendment_html(amendment, ENV, PROFILE, dt.date(2025, 1, 1))
    write_amendment_docx(amendment, PROFILE, tmp_path / "x.docx", dt.date(2025, 1, 1))

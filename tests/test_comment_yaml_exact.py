"""A comment file's values are read as the words written, and written so that any reader reads those words back.

PyYAML (YAML 1.1) wrote `09`, `0089` and `05959718` without quotes, and the reader of r32 (integers from any decimal
digits) read them as 9, 89 and 5959718: a member whose access-link id is `05959718` lost their comments on the review
pages, and a body's `text: 09` was printed `9` in `comment list` and the round report (r33 sweep AY F1, F2). Old files
keep their words (`text: yes`, `text: 1.0` were True and 1.0 under YAML 1.1 too); new files quote such text.
"""

from __future__ import annotations

import csv
import io

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from regdraft.core.comment_yaml import (
    comment_from_yaml,
    comment_to_yaml,
    read_comment,
)
from regdraft.core.comments import Comment, CommentType, one_newline
from regdraft.core.errors import ParseError
from regdraft.core.frontmatter import load_yaml
from regdraft.core.round_yaml import round_from_yaml, round_to_yaml
from regdraft.core.text import as_text
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

BODY = "Ban Tổ chức Tỉnh ủy"
# Words YAML resolves to something else than text under one schema or another.
LOOKALIKES = ["09", "08", "0089", "05959718", "010", "-0", "+5", "12", "1e3", "1E+3", "0o7", "0x1F", "1.0", ".5",
              "-.5e-3", "1_000", "1:30", ".inf", ".NaN", "yes", "No", "on", "OFF", "true", "null", "Null", "~",
              "2024-01-01", "2024-1-1", "2024-01-01 10:00:00", "=", "<<"]
TEXTS = st.one_of(st.sampled_from(LOOKALIKES), st.from_regex(r"[-+]?[0-9._eEoxX:+-]{1,12}", fullmatch=True),
                  st.text(st.characters(exclude_categories=["Cs"]), max_size=40))


def _comment(**fields: object) -> Comment:
    made: dict[str, object] = {"id": "ab12", "round": 1, "by": BODY, "on": "d5.k2", "type": CommentType.GENERAL,
                               "text": "Ý kiến.",
                               "created": "2026-12-06T09:00:00+07:00", **fields}
    return Comment(**made)  # type: ignore[arg-type]


@given(TEXTS)
def test_any_text_the_comment_writer_writes_reads_back_as_written(words: str) -> None:
    comment = _comment(text="Ý kiến.", proposal=words, reply=words, author=words, selection=words, link=words,
                       source=words, responded=words)
    written = comment_to_yaml(comment)
    read = read_comment(written)[0]
    # Read as regdraft records text (`as_text`, and `one_newline`'s one kind of line break): without the characters
    # no document can hold (`tests/test_comment_control_characters.py`), every other one as written.
    assert read is not None and (read.source, read.responded, read.proposal) == (
        as_text(words), as_text(words), one_newline(words))
    keys = ("proposal", "reply", "author", "selection", "link", "source")
    held = [getattr(comment, key) or None for key in keys]  # a Comment keeps one kind of line break in some
    for quick in (True, False):
        data = load_yaml(written, quick=quick, exact=True)
        assert [data.get(k) for k in keys] == held
    # PyYAML's own reading (YAML 1.1), as older regdraft and other tools read the file, finds the same words (the file
    # read once, not once a key: PyYAML's pure-Python reader was most of this property's CPU).
    read_by_pyyaml = yaml.safe_load(written)
    assert [read_by_pyyaml.get(k) for k in keys] == held


@pytest.mark.parametrize("words", LOOKALIKES)
def test_a_comment_whose_words_look_like_numbers_reads_back_whole(words: str) -> None:
    comment = _comment(text=words, proposal=words, reply=words, by=words, author=words, selection=words)
    written = comment_to_yaml(comment)
    if words not in ("2024-1-1", "=", "<<"):  # text for YAML 1.1 and 1.2 alike; the others are quoted
        assert f"text: '{words}'" in written or f'text: "{words}"' in written
    assert comment_from_yaml(written) == comment
    linked = _comment(link="05959718")
    assert "link: '05959718'" in comment_to_yaml(linked) and comment_from_yaml(comment_to_yaml(linked)) == linked


OLD = ("id: 0a89\nround: 01\nby: 09\nprovision: d5.k2\ntype: general\ntext: {text}\nproposal: 08\nreply: 0089\n"
       "created: 2021-02-30\nauthor: 08\nselection: 09\norder: 010\nsequence: 02\nlink: 05959718\n")


@pytest.mark.parametrize("text", ["09", "yes", "1.0", "1e3", "1.0e3", "2024-1-1", "1_000", "1:30", ".inf", "12",
                                  "9" * 5000])
def test_a_hand_written_or_old_comment_file_keeps_its_words(text: str) -> None:
    comment = comment_from_yaml(OLD.format(text=text), "x.yaml")
    assert comment.text == text
    assert (comment.by, comment.proposal, comment.reply, comment.author, comment.selection, comment.link) == \
        ("09", "08", "0089", "08", "09", "05959718")
    assert (comment.id, comment.created) == ("0a89", "2021-02-30")
    assert (comment.round, comment.order, comment.sequence) == (1, 10, 2)  # numbers: `010` is ten (CHANGES.md)


def test_an_old_round_file_keeps_its_words_and_numbers() -> None:
    old = ("number: 01\ntitle: 09\ndue: 2025-3-1\nconsulted:\n- 09\n- yes\nrevision: 0123456\ndraft: 02\n"
           "status: open\nopened: 2025-01-01\nclosed: null\n")
    read = round_from_yaml(old, "1.yaml")
    assert (read.number, read.draft, read.title, read.due, read.consulted, read.revision, read.closed) == \
        (1, 2, "09", "2025-3-1", ("09", "yes"), "0123456", "")
    assert round_from_yaml(round_to_yaml(read)) == read and "revision: '0123456'" in round_to_yaml(read)


def test_comment_text_09_is_listed_and_reported_as_written(circulating: Workspace, invoke: Invoke) -> None:
    ws = circulating
    added = invoke(ws, "comment", "add", SHIPPED_AMENDMENT, "--by", BODY, "--on", "khoản 2 Điều 5", "--text", "09")
    assert added.exit_code == 0, added.output
    again = invoke(ws, "comment", "add", SHIPPED_AMENDMENT, "--by", BODY, "--on", "khoản 2 Điều 5", "--text",
                   "Sửa số ngày", "--proposal", "08")
    assert again.exit_code == 0, again.output
    listed = invoke(ws, "comment", "list", SHIPPED_AMENDMENT)
    assert listed.exit_code == 0 and f"{BODY}: 09" in listed.output, listed.output
    out = ws.root / "out" / "bao-cao.csv"
    reported = invoke(ws, "round", "report", SHIPPED_AMENDMENT, "-o", str(out))
    assert reported.exit_code == 0, reported.output
    cells = {cell for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))) for cell in row}
    assert {"09", "08"} <= cells and not {"9", "8"} & cells
    checked = invoke(ws, "check")
    assert checked.exit_code == 0, checked.output


@pytest.mark.parametrize(("tagged", "made"), [
    ("!!binary PWNtZHwnIC9DIGNhbGMnIUEw", "bytes decoded from base64"),  # b"=cmd|' /C calc'!A0"
    ("!!set {a, b}", "a set of keys"), ("!!omap [a: 1]", "a list of pairs"), ("!!pairs [a: 1]", "a list of pairs"),
])
def test_a_value_tagged_as_no_text_is_refused_at_its_line(tagged: str, made: str) -> None:
    # r34 sweep BC F4: `text: !!binary …` was read as bytes and listed as Python writes them (`b"=cmd|…"`).
    written = OLD.format(text=tagged)
    line = next(n for n, entry in enumerate(written.splitlines(), 1) if entry.startswith("text:"))
    tag = tagged.split()[0]
    for quick in (True, False):
        with pytest.raises(yaml.YAMLError) as caught:
            load_yaml(written, quick=quick, exact=True)
        assert caught.value.problem_mark.line + 1 == line  # type: ignore[attr-defined]
    with pytest.raises(ParseError) as refused:
        read_comment(written, "zz01.yaml")
    assert str(refused.value) == (f"zz01.yaml:{line}: is not valid YAML (the tag '{tag}' makes {made}, not the words "
                                  "written; regdraft reads every value as the words written: write them without the "
                                  "tag).")


@pytest.mark.parametrize("written", ["~", "null"])
def test_a_key_read_as_no_value_is_named_as_written_at_its_line(written: str) -> None:
    # r34 sweep BC F4: `~: x` was "the key 'None'", at line 1.
    comment, problems = read_comment(OLD.format(text="Ý kiến.") + f"{written}: x\n", "zz01.yaml")
    assert comment is not None
    # OLD's `created: 2021-02-30` is named too (a day that does not exist), at line 9.
    assert [(p.message.split(";")[0], p.line) for p in problems if not p.message.startswith("'created:")] == \
        [(f"the key '{written}' is unknown and has no effect", 15)]


@pytest.mark.parametrize(("written", "words", "shape"), [
    ("[a, b]", "- a\n- b", "a list"),
    ("\n  - Sửa khoản 2\n  - 'Thêm: điểm c'", "- Sửa khoản 2\n- Thêm: điểm c", "a list"),
    ("{Ý kiến: sửa, Lý do: [trùng, thừa]}", "Ý kiến: sửa\nLý do:\n  - trùng\n  - thừa", "a mapping"),
])
def test_a_list_or_mapping_where_text_belongs_is_read_as_its_words_and_named(written: str, words: str,
                                                                             shape: str) -> None:
    # r34 sweep BB 3: `text: [a, b]` was read as the text "['a', 'b']", and `check` said nothing.
    comment, problems = read_comment(OLD.format(text=written), "zz01.yaml")
    assert comment is not None and comment.text == words
    # OLD's `created: 2021-02-30` is named too (a day that does not exist).
    assert [(p.message.split(";")[0], p.line) for p in problems if not p.message.startswith("'created:")] == \
        [(f"'text:' holds {shape}, not text", 6)]

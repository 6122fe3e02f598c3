"""A regulation's file an earlier version stored with C1 controls (U+0080-U+009F) from a text read in the wrong
encoding: `check` failed on each line ("retype the text around it"), `fmt` refused to rewrite anything, and the
drafter had no way out but finding invisible characters by hand (r37).

A Windows-1252 text read as Latin-1 holds U+0093 for `“`, U+0096 for `–`, U+0085 for `…`; a text from another system
ends a line inside a paragraph with U+0085 (next line). `fmt` now writes those as meant, in its one commit, and says
so at the line and provision (`core.misread`), and `check` names `regdraft fmt` as the fix. One whose meaning is not
clear (a byte no Windows-1252 character has, `€` where a law may not mean it, UTF-8 text read as Latin-1) is named
with what to do instead, and `fmt` still writes nothing. The regulations are Luật Du lịch and Luật Thanh niên
(../shared/corpus), whose own texts are what `fmt` must give back.
"""

from __future__ import annotations

import subprocess

import pytest

from regdraft.core.misread import meant, unread
from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, Invoke, in_corpus

DU_LICH = "regulations/09-2017-QH14.md"
THANH_NIEN = "regulations/57-2020-QH14.md"
STARS = "đ) Chỉ được sử dụng từ “sao” hoặc hình ảnh ngôi sao"  # điểm đ khoản 2 Điều 53 of Luật Du lịch


def said(output: str) -> str:
    return " ".join(output.split())


def imported(ws: Workspace, invoke: Invoke, name: str, path: str) -> str:
    in_corpus(CORPUS)
    result = invoke(ws, "import", str(CORPUS / name))
    assert result.exit_code == 0, result.output
    return ws.read(path).decode()


def head(ws: Workspace) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ws.root, check=True, capture_output=True,
                          text=True).stdout


def test_fmt_writes_windows_1252_quotes_as_meant_and_check_names_it(empty_workspace: Workspace,
                                                                    invoke: Invoke) -> None:
    ws = empty_workspace
    clean = imported(ws, invoke, "luat-du-lich.txt", DU_LICH)
    assert clean.count(STARS) == 1
    line = clean[:clean.index(STARS)].count("\n") + 1
    ws.commit({DU_LICH: clean.replace("từ “sao” hoặc", "từ \x93sao\x94 hoặc").encode()}, "As an earlier import")
    checked = invoke(ws, "check")
    assert checked.exit_code == 1
    where = f"{DU_LICH}:{line}: điểm đ khoản 2 Điều 53:"
    assert (f"{where} This line holds the control character U+0093, which no legal text holds; `regdraft fmt` writes "
            "it as the character it stands for and says which") in said(checked.output), checked.output
    assert "retype" not in checked.output
    before = head(ws)
    done = invoke(ws, "fmt")
    assert done.exit_code == 0, done.output
    assert (f"{where} 2 control characters of a Windows-1252 text read as Latin-1 when it was imported written as "
            "the characters meant (U+0093 as “, U+0094 as ”), the first in this line. «dụng từ “sao” hoặc»"
            ) in said(done.output), done.output
    assert ws.read(DU_LICH).decode() == clean  # the corpus text as an import writes it today, in one commit
    assert subprocess.run(["git", "rev-list", "--count", f"{before.strip()}..HEAD"], cwd=ws.root, check=True,
                          capture_output=True, text=True).stdout.strip() == "1"
    assert invoke(ws, "check").exit_code == 0


def test_a_next_line_control_alone_is_a_line_break_inside_the_paragraph(empty_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    ws = empty_workspace
    clean = imported(ws, invoke, "luat-thanh-nien.txt", THANH_NIEN)
    words = "Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi."
    line = clean[:clean.index(words)].count("\n") + 1
    ws.commit({THANH_NIEN: clean.replace(words, words.replace("tuổi đến", "tuổi \x85đến") + "\x85").encode()},
              "As an earlier import")
    checked = invoke(ws, "fmt", "--check")
    assert checked.exit_code == 1 and f"would reformat {THANH_NIEN}" in checked.output, checked.output
    assert (f"{THANH_NIEN}:{line}: Điều 1: 2 next-line controls (U+0085) would be written as a line break inside the "
            "paragraph, a space, as an import reads it, the first in this line. «16 tuổi đến 30»") in said(
        checked.output), checked.output
    assert invoke(ws, "fmt").exit_code == 0
    assert ws.read(THANH_NIEN).decode() == clean


@pytest.mark.parametrize(("stored", "what"), [
    ("\x81", "no Windows-1252 character has the byte 0x81, so what it stood for cannot be known: delete it, or type "
             "in its place the character the source document has there."),
    ("\x80", "it is the byte 0x80 of a Windows-1252 text (“€”) read as Latin-1, which no legal text is sure to mean: "
             "if the source document has “€” there, type it in its place, else delete it."),
])
def test_a_control_whose_meaning_is_not_clear_is_named_with_what_to_do(empty_workspace: Workspace, invoke: Invoke,
                                                                        stored: str, what: str) -> None:
    ws = empty_workspace
    clean = imported(ws, invoke, "luat-thanh-nien.txt", THANH_NIEN)
    words = "Luật này áp dụng đối với thanh niên;"
    line = clean[:clean.index(words)].count("\n") + 1
    # With a quote fmt would write on another line: all or nothing, it writes neither.
    text = clean.replace(words, words.replace("thanh niên", f"thanh niên{stored}")).replace(
        "Thanh niên là công dân", "\x93Thanh niên\x94 là công dân")
    ws.commit({THANH_NIEN: text.encode()}, "As an earlier import")
    expected = (f"{THANH_NIEN}:{line}: Điều 3: This line holds the control character U+{ord(stored):04X}, which no "
                f"legal text holds; {what}")
    checked = invoke(ws, "check")
    assert checked.exit_code == 1 and expected in said(checked.output), checked.output
    before = head(ws)
    refused = invoke(ws, "fmt")
    assert refused.exit_code == 1 and expected in said(refused.output), refused.output
    assert "Nothing was rewritten" in refused.output and head(ws) == before
    assert ws.read(THANH_NIEN).decode() == text


def test_utf8_read_as_latin1_is_never_taken_for_windows_1252() -> None:
    # `đ` is C4 91 in UTF-8: read as Latin-1, `Ä\x91`; `ệ` (E1 BB 87) is `á»\x87`. Writing U+0091 as ‘ would hide
    # the letter for good: the line is left as it is, and the drafter told to import it again.
    for line, letter in (("quy Ä\x91ịnh", "đ"), ("Viá»\x87t Nam", "ệ")):
        assert meant(line) == (line, [])
        assert f"stands for «{letter}»), so import the source document again" in (unread(line) or "")
    # A Vietnamese letter of Latin-1 beside a Windows-1252 quote is no UTF-8: the quote is written.
    assert meant("à\x93b")[0] == "à“b" and unread("à\x93b") is None


def test_fmt_names_every_line_holding_them_after_the_first(empty_workspace: Workspace, invoke: Invoke) -> None:
    """A sweep (r38 BR F2): `fmt` said only "the first in this line" of quotes on line 42 and a dash on line 134."""
    ws = empty_workspace
    clean = imported(ws, invoke, "luat-du-lich.txt", DU_LICH)
    lines = clean.split("\n")
    first = lines.index(next(x for x in lines if STARS in x))
    dashed = [n for n, x in enumerate(lines) if n > first and " - " in x][:2]
    assert len(dashed) == 2, "Luật Du lịch has lines with a spaced hyphen after điểm đ khoản 2 Điều 53"
    for n in dashed:
        lines[n] = lines[n].replace(" - ", " \x96 ", 1)
    lines[first] = lines[first].replace("từ “sao” hoặc", "từ \x93sao\x94 hoặc")
    ws.commit({DU_LICH: "\n".join(lines).encode()}, "As an earlier import")
    done = invoke(ws, "fmt", "--check")
    assert (f"the first in this line, the others in lines {dashed[0] + 1} and {dashed[1] + 1}."
            ) in said(done.output), done.output

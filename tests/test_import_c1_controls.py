"""An import writes the C1 controls of a Windows-1252 text read as Latin-1 as the characters meant, as `fmt` does, and
refuses one whose meaning is not clear, writing nothing (r38).

A UTF-8 file holding U+0093 and U+0094 where the source had “ ” (a text saved from Windows-1252 read as Latin-1) was
imported with them; `check` then named each line and `fmt` wrote them (r37). Luật Du lịch (../shared/corpus) holds
none: a copy with `“sao”` written so at line 512 is the source.
"""

from __future__ import annotations

import json
from pathlib import Path

from regdraft.importer.plaintext import read_text
from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, Invoke, in_corpus

LINE = 512  # `b) Bản sao có chứng thực Giấy chứng nhận …` in Luật Du lịch


def crafted(tmp_path: Path, old: str, new: str) -> Path:
    text = in_corpus(CORPUS / "luat-du-lich.txt").read_text(encoding="utf-8")
    assert text.split("\n")[LINE - 1].startswith(old)
    lines = text.split("\n")
    lines[LINE - 1] = lines[LINE - 1].replace(old, new, 1)
    path = tmp_path / "luat-du-lich.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_an_import_writes_windows_1252_quotes_as_meant(empty_workspace: Workspace, invoke: Invoke,
                                                       tmp_path: Path) -> None:
    source = crafted(tmp_path, "b) Bản sao", "b) Bản \x93sao\x94\x85")
    done = invoke(empty_workspace, "import", str(source), "--json")
    assert done.exit_code == 0, done.output
    (stored,) = (empty_workspace.root / "regulations").glob("*.md")
    text = stored.read_text(encoding="utf-8")
    assert "b) Bản “sao”… có chứng thực" in text and not any("\x80" <= char <= "\x9f" for char in text)
    notes = [note for note in json.loads(done.stdout)["notes"] if "Windows-1252" in note["message"]]
    assert [(note["where"], note["message"]) for note in notes] == [
        (LINE, "2 control characters of a Windows-1252 text read as Latin-1 before it was saved written as the "
               "characters meant (U+0093 as “, U+0094 as ”), the first in this line."),
        (LINE, "1 next-line control (U+0085) written as the ellipsis …, the byte 0x85 of the Windows-1252 text it was "
               "read from, the first in this line.")], notes
    checked = invoke(empty_workspace, "check")
    assert checked.exit_code == 0, checked.output


def test_a_next_line_control_alone_is_a_line_break_inside_the_paragraph() -> None:
    paragraphs, _, notes = read_text("Điều 1. Phạm vi\n\nQuy chế này\x85 quy định.\n".encode(), "a.txt")
    assert paragraphs[-1].text == "Quy chế này quy định."
    assert [n.where for n in notes if "U+0085" in n.message] == [3]


def test_an_import_refuses_a_control_fmt_cannot_write_and_writes_nothing(empty_workspace: Workspace,
                                                                        invoke: Invoke, tmp_path: Path) -> None:
    before = empty_workspace.resolve("HEAD").sha
    for new, said in (("b) Bản \x81sao", "no Windows-1252 character has the byte 0x81"),
                      ("b) Bản \xc4\x91sao", "UTF-8 text read as Latin-1 before it was saved («Ä\\x91» stands for "
                                             "«đ»)")):
        done = invoke(empty_workspace, "import", str(crafted(tmp_path, "b) Bản sao", new)))
        assert done.exit_code == 1, done.output
        message = " ".join(done.output.split())
        assert f"luat-du-lich.txt, line {LINE}: the control character U+00" in message and said in message, message
        assert "Nothing was imported." in message
        assert empty_workspace.resolve("HEAD").sha == before
        assert list((empty_workspace.root / "regulations").glob("*.md")) == []

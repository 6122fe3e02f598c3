"""Files saved as UTF-16 (Notepad's and Word's "Unicode"), with or without a byte-order mark, read wherever text is
read: an edited copy (`amend from-edits`, `compare`), a regulation file (`check`), an import (its front matter, the
report naming the encoding), a list of consulted bodies (r31 sweep AU, finding 1)."""

from __future__ import annotations

import codecs
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from regdraft.core.encodings import UTF16_BE, UTF16_LE, decoded, utf16
from regdraft.core.errors import ParseError
from regdraft.core.markdown import decode, parse
from regdraft.workspace.store import Workspace

from .conftest import FIXTURES, SHIPPED_AMENDMENT, Invoke

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")
REG = "regulations/01-QC-TU.md"
# Notepad's "Unicode" save: UTF-16 little-endian with its byte-order mark and CRLF line ends.
SAVES: dict[str, Callable[[str], bytes]] = {
    "utf-16-le with BOM": lambda text: codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le"),
    "utf-16-be with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-16-le without BOM": lambda text: text.encode("utf-16-le"),
    "utf-16-be without BOM": lambda text: text.encode("utf-16-be"),
    "utf-16-le without BOM, letters and marks apart": lambda text: unicodedata.normalize("NFD", text).encode(
        "utf-16-le"),
}


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_a_utf16_regulation_reads_as_its_utf8_text(save: Callable[[str], bytes]) -> None:
    data = save(MINI)
    assert utf16(data) in (UTF16_LE, UTF16_BE)
    assert decode(data, "mini.md") == decode(MINI.encode("utf-8"), "mini.md")
    assert parse(data, "mini.md") == parse(MINI, "mini.md")


@pytest.mark.parametrize("data", [
    MINI.encode("utf-8"), codecs.BOM_UTF8 + MINI.encode("utf-8"), MINI.encode("cp1258", errors="replace"),
    bytes(range(256)) * 40, b"\x00\x01\x02binary", b"", b"ab",
])
def test_other_bytes_are_not_utf16(data: bytes) -> None:
    assert utf16(data) is None


def test_decoded_names_the_encoding_read() -> None:
    assert decoded(codecs.BOM_UTF16_LE + "Điều 1".encode("utf-16-le")) == ("Điều 1", UTF16_LE)
    assert decoded(codecs.BOM_UTF8 + "Điều 1".encode()) == ("Điều 1", "utf-8")


def test_binary_and_broken_utf16_are_still_refused_in_a_sentence() -> None:
    with pytest.raises(ParseError) as binary:
        decode(bytes(range(256)) * 40, "x.md")
    assert "binary file" in binary.value.problems[0].message
    cut = SAVES["utf-16-le with BOM"](MINI)[:1001]
    with pytest.raises(ParseError) as broken:
        decode(cut, "x.md")
    problem = broken.value.problems[0]
    assert problem.message.startswith("The file is saved as UTF-16 ('Unicode'), but its bytes at offset 1000 are not "
                                      "UTF-16 text")
    assert problem.line == MINI.encode("utf-16-le")[:1000].decode("utf-16-le").count("\n") + 1


def test_from_edits_reads_an_edited_copy_saved_as_unicode(tmp_workspace: Workspace, tmp_path: Path,
                                                           invoke: Invoke) -> None:
    """It said "This looks like a binary file, not a Markdown regulation." and wrote nothing."""
    text = tmp_workspace.path(REG).read_text(encoding="utf-8")
    old, new = "a) Thường lệ ba tháng một lần", "a) Thường lệ hai tháng một lần"
    assert old in text
    edited = tmp_path / "edited.md"
    edited.write_bytes(SAVES["utf-16-le with BOM"](text.replace(old, new)))
    result = invoke(tmp_workspace, "amend", "from-edits", "x", "-r", "01-QC/TU", "--new", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    written = tmp_workspace.path("amendments/x/amendment.md").read_text(encoding="utf-8")
    assert "Sửa đổi, bổ sung điểm a khoản 1 Điều 12 như sau:" in written and new in written


def test_compare_and_check_read_a_unicode_save(mini_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(MINI, encoding="utf-8")
    new.write_bytes(SAVES["utf-16-le without BOM"](
        MINI.replace("Thiểu số phục tùng đa số.", "Thiểu số phục tùng đa số;")))
    result = invoke(None, "compare", str(old), str(new), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 0, result.output
    assert "(1 change)" in result.output
    mini_workspace.path("regulations/MINI-QC.md").write_bytes(SAVES["utf-16-le with BOM"](MINI))
    result = invoke(mini_workspace, "check", "MINI-QC")
    assert result.exit_code == 0 and "binary" not in result.output, result.output


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_import_reads_a_regulation_file_saved_as_unicode(tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke,
                                                          suffix: str) -> None:
    """Its front matter was kept as preamble text and FIXME placeholders written (35 notes); as .txt no article
    heading was found; and the report said "read as utf-8"."""
    text = tmp_workspace.path(REG).read_text(encoding="utf-8")
    source = tmp_path / f"copy{suffix}"
    source.write_bytes(SAVES["utf-16-le with BOM"](text))
    out = tmp_path / "out.md"
    result = invoke(None, "--json", "import", str(source), "--id", "01-QC/TU", "-o", str(out))
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["encoding"] == "utf-16-le" and report["passes_check"]
    assert not any("FIXME" in note["message"] for note in report["notes"])
    assert out.read_text(encoding="utf-8") == text


def test_an_import_report_names_utf16(tmp_path: Path, invoke: Invoke, tmp_workspace: Workspace) -> None:
    body = tmp_workspace.path(REG).read_text(encoding="utf-8").split("\n---\n", 1)[1]  # printed text, no front matter
    utf8, wide = tmp_path / "a.md", tmp_path / "b.md"
    utf8.write_text(body, encoding="utf-8")
    wide.write_bytes(SAVES["utf-16-be with BOM"](body))
    reports = []
    for source in (utf8, wide):
        result = invoke(None, "--json", "import", str(source), "--id", "01-QC/TU",
                        "-o", str(source.with_suffix(".out.md")))
        assert result.exit_code == 0, result.output
        reports.append(json.loads(result.output))
    assert [r["encoding"] for r in reports] == ["utf-8", "utf-16-be"]
    assert utf8.with_suffix(".out.md").read_bytes() == wide.with_suffix(".out.md").read_bytes()


def test_a_list_of_consulted_bodies_saved_as_unicode(tmp_workspace: Workspace, tmp_path: Path,
                                                     invoke: Invoke) -> None:
    listed = tmp_path / "bodies.txt"
    listed.write_bytes(SAVES["utf-16-le with BOM"]("Ban Tổ chức Tỉnh ủy\nVăn phòng Tỉnh ủy\n"))
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Ban Tổ chức\n".encode() + b"V\xe3n ph\xf2ng\n")
    head = tmp_workspace.repo.head.commit.hexsha
    refused = invoke(tmp_workspace, "round", "open", SHIPPED_AMENDMENT, "--due", "2099-01-01", "--consult-file",
                     str(bad), "--yes")
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert f"{bad}:2: the line is not UTF-8 text; save the file as UTF-8" in " ".join(refused.output.split())
    assert tmp_workspace.repo.head.commit.hexsha == head
    result = invoke(tmp_workspace, "round", "open", SHIPPED_AMENDMENT, "--due", "2099-01-01", "--consult-file",
                    str(listed), "--yes")
    assert result.exit_code == 0, result.output
    shown = json.loads(invoke(tmp_workspace, "round", "show", SHIPPED_AMENDMENT, "--json").output)
    assert "Văn phòng Tỉnh ủy" in json.dumps(shown, ensure_ascii=False)


def test_a_stale_copy_saved_as_unicode_is_named_as_stale(tmp_workspace: Workspace) -> None:
    """Read byte for byte as UTF-8, a Unicode save differed from every version alike, so a copy made before the
    text in force changed was taken as the drafter's edit of it (undoing the change)."""
    from regdraft.core.errors import RegdraftError
    from regdraft.workspace.stale_copy import refuse_stale_copy

    before = tmp_workspace.read(REG).decode("utf-8")
    changed = before.replace("a) Thường lệ ba tháng một lần", "a) Thường lệ hai tháng một lần")
    assert changed != before
    tmp_workspace.commit({REG: changed.encode()}, "v2")
    copy = SAVES["utf-16-le with BOM"](before)
    with pytest.raises(RegdraftError, match=r"copy\.md was copied from the text of 01-QC/TU before commit \w+ \(v2\)"):
        refuse_stale_copy(tmp_workspace, REG, "01-QC/TU", copy, "copy.md")

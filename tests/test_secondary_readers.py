"""The readers beside the parsers (a regulation's id, a page's language, an amendment's profile, the line of a
problem, a conflict's two sides, the text an edited copy is compared with) read a file as the parsers do: UTF-16
(Notepad's "Unicode") too, and never a byte replaced by U+FFFD. They decoded UTF-8 with replacement, so a regulation
saved as UTF-16 was known by its file name, and `resolve --ours` wrote U+FFFD into the version kept."""

from __future__ import annotations

import codecs
import subprocess
from pathlib import Path

from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke

REG = "regulations/01-QC-TU.md"
AMENDMENT = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"


def _unicode(text: str) -> bytes:
    """Notepad's "Unicode" save: UTF-16 little-endian with its byte-order mark, CRLF line ends."""
    return codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le")


def _resave(ws: Workspace, *paths: str, change: tuple[str, str] = ("", "")) -> None:
    ws.commit({p: _unicode(ws.read(p).decode("utf-8").replace(*change) if change[0] else ws.read(p).decode("utf-8"))
               for p in paths}, "Saved as Unicode")


def _head(ws: Workspace) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ws.root, capture_output=True, text=True).stdout


def test_a_regulation_saved_as_unicode_is_known_by_its_id(tmp_workspace: Workspace) -> None:
    """`store_files`: its id was not found in its front matter, so it was known as `01-QC-TU`; the activity words of
    `sync` named it by its file name too."""
    from regdraft.workspace.activity import describe

    before = tmp_workspace.resolve("HEAD").sha
    _resave(tmp_workspace, REG, AMENDMENT)
    assert "01-QC/TU" in tmp_workspace.regulation_ids()
    assert tmp_workspace.amended_by(SHIPPED_AMENDMENT) == "01-QC/TU"
    said = describe(tmp_workspace, tmp_workspace.commits(before, "HEAD"))
    assert any(line.startswith("01-QC/TU (Quy chế làm việc") for line in said), said


def test_a_bad_byte_in_a_front_matter_names_no_regulation_with_a_replacement_character(
        tmp_workspace: Workspace) -> None:
    data = tmp_workspace.read(REG).replace(b"id: 01-QC/TU", b"id: 01-QC/T\xffU", 1)
    tmp_workspace.commit({REG: data}, "A bad byte")
    assert not any("\ufffd" in name for name in tmp_workspace.regulation_ids())


def test_an_amendment_saved_as_unicode_keeps_its_language_and_profile(tmp_workspace: Workspace) -> None:
    """The review pages spoke Vietnamese for an English amendment saved as UTF-16, and its `profile:` was not read."""
    from regdraft.web.pages import language
    from regdraft.workspace.profiles import amendment_profile

    _resave(tmp_workspace, AMENDMENT, change=("language: vi\n", "language: en\nprofile: state-30\n"))
    assert language(tmp_workspace, SHIPPED_AMENDMENT) == "en"
    assert amendment_profile(tmp_workspace, SHIPPED_AMENDMENT).name == "state-30"


def test_the_front_matter_of_a_regulation_saved_as_unicode_is_read_for_replaces() -> None:
    from regdraft.workspace.replacements import _front_lines

    text = "---\nid: 01-QC/TU-XV\nreplaces: 01-QC/TU\n---\n\n## Điều 1. A\n"
    assert _front_lines(_unicode(text)) == _front_lines(text.replace("\n", "\r\n").encode("utf-8"))
    assert _front_lines(_unicode(text))[2] == "replaces: 01-QC/TU\r"


def test_from_edits_compares_an_edit_with_a_regulation_saved_as_unicode(tmp_workspace: Workspace, tmp_path: Path,
                                                                        invoke: Invoke) -> None:
    """`stale_copy` read the text in force as UTF-8 with replacement: every line differed from the copy, which was
    nearer the version saved as UTF-8 before, so the edit was refused as a copy of an older text."""
    _resave(tmp_workspace, REG)
    text = tmp_workspace.read(REG).decode("utf-16")
    old, new = "a) Thường lệ ba tháng một lần", "a) Thường lệ hai tháng một lần"
    edited = tmp_path / "edited.md"
    edited.write_text(text.replace(old, new), encoding="utf-8")
    result = invoke(tmp_workspace, "amend", "from-edits", "x", "-r", "01-QC/TU", "--new", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    assert new in tmp_workspace.path("amendments/x/amendment.md").read_text(encoding="utf-8")


def test_amend_import_finds_a_regulation_saved_as_unicode(tmp_workspace: Workspace, tmp_path: Path,
                                                          invoke: Invoke) -> None:
    """`imports`: its front matter was not read, so "01-QC/TU is not a regulation of this workspace (known: none)"."""
    source = tmp_path / "sua-doi.md"
    source.write_bytes(tmp_workspace.read(AMENDMENT))
    _resave(tmp_workspace, REG)
    result = invoke(tmp_workspace, "amend", "import", str(source), "--slug", "sua-doi", "-r", "01-QC/TU")
    assert result.exit_code == 0, result.output


def test_resolve_never_writes_a_replacement_character_into_the_version_kept(tmp_workspace: Workspace,
                                                                             invoke: Invoke) -> None:
    """Conflict markers committed in a file holding a byte that is not UTF-8: `resolve --ours` kept "yours" with
    U+FFFD in place of the byte, and the conflict report showed it."""
    text = tmp_workspace.read(REG)
    old = "a) Thường lệ ba tháng một lần".encode()
    assert old in text
    marked = text.replace(old, b"<<<<<<< HEAD\n" + old + b" (b\xe1n A)\n=======\n" + old + b" (B)\n>>>>>>> other\n",
                          1)
    tmp_workspace.commit({REG: marked}, "Committed markers")
    head = _head(tmp_workspace)
    line = marked[:marked.index(b"\xe1n A")].count(b"\n") + 1
    shown = invoke(tmp_workspace, "show", "01-QC/TU", "d1")
    assert f"its line {line} is not UTF-8 text, so its two versions are not shown side by side" in shown.output
    assert "\ufffd" not in shown.output
    result = invoke(tmp_workspace, "resolve", REG, "--ours")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{REG}:{line}: the line is not UTF-8 text; correct it, then run" in " ".join(result.output.split())
    assert _head(tmp_workspace) == head and tmp_workspace.read(REG) == marked


def test_the_line_of_a_front_matter_date_in_an_amendment_saved_as_unicode(tmp_workspace: Workspace) -> None:
    """`order`: the amendment read as UTF-8 had no front matter, so a warning dated by `effective:` stood at line 0."""
    from regdraft.core.amend.document import load_amendment
    from regdraft.workspace.order import _entry_line

    text = tmp_workspace.read(AMENDMENT).decode("utf-8").replace("effective: null", "effective: 2025-09-01")
    text = text.replace("Hiệu lực thi hành", "Tổ chức thực hiện").replace("có hiệu lực", "được ban hành")
    tmp_workspace.commit({AMENDMENT: _unicode(text)}, "Saved as Unicode")
    amendment = load_amendment(tmp_workspace.read(AMENDMENT), AMENDMENT, SHIPPED_AMENDMENT)
    line = text.split("\n").index("effective: 2025-09-01") + 1
    assert _entry_line(tmp_workspace, amendment) == line


def test_an_adoption_recorded_in_an_amendment_saved_as_unicode_is_found(tmp_workspace: Workspace) -> None:
    """`terms.adopting_commit` read the front matter of each version as UTF-8 and found no `status: adopted`."""
    from regdraft.workspace.terms import adopting_commit

    _resave(tmp_workspace, AMENDMENT, change=("status: circulating", "status: adopted"))
    found = adopting_commit(tmp_workspace, SHIPPED_AMENDMENT)
    assert found is not None and found.sha == tmp_workspace.resolve("HEAD").sha


def test_english_texts_saved_as_unicode_start_an_organisations_workspace(tmp_path: Path) -> None:
    """`remote_setup.english_texts` read them as UTF-8: no front matter, so no English text of its own."""
    from regdraft.workspace.remote_setup import english_texts

    (tmp_path / "regulations").mkdir()
    (tmp_path / "regulations" / "staff-rules.md").write_bytes(_unicode(
        "---\nid: SR-1\ntype: Rules\ntitle: Staff Rules\nlanguage: en\n---\n\n## Article 1. Scope\n\nThese Rules.\n"))
    assert english_texts(tmp_path) == ("regulations/staff-rules.md",)


def test_a_comment_file_saved_as_unicode_is_named_at_its_line(consulting_workspace: Workspace,
                                                               invoke: Invoke) -> None:
    """`late_comments`: a comment in a round never opened was named at line 1, its `round:` line not found."""
    added = invoke(consulting_workspace, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "d1",
                   "--text", "Đề nghị làm rõ phạm vi.")
    assert added.exit_code == 0, added.output
    (file,) = (consulting_workspace.root / "amendments" / "mini-sua" / "comments").glob("*.yaml")
    path = str(file.relative_to(consulting_workspace.root))
    text = file.read_text(encoding="utf-8").replace("round: 1", "round: 2")
    consulting_workspace.commit({path: _unicode(text)}, "A colleague's hand edit, saved as Unicode")
    line = next(k for k, words in enumerate(text.splitlines(), 1) if words.startswith("round:"))
    assert line > 1
    result = invoke(consulting_workspace, "check")
    assert f"{path}:{line}:" in result.output and "is in round 2, which mini-sua does not have" in " ".join(
        result.output.split())

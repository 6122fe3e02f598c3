"""YAML in a received file is read only up to a bound far above what regdraft writes (`core.yaml_bounds`): a front
matter, a comment, round or vote file, the front matter `export` stores in a Word file. PyYAML reads some 130 KB a
second and git packs repeated YAML almost to nothing, so past the bound it is refused (or, in a Word file to import,
left out) with a sentence naming the file and line, never handed to PyYAML (r24 b-security defects 1 and 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

from regdraft.core import frontmatter
from regdraft.core.comment_yaml import comment_from_yaml
from regdraft.core.errors import ParseError, RegdraftError
from regdraft.core.round_yaml import round_from_yaml
from regdraft.core.yaml_bounds import MAX_FRONT_MATTER_BYTES, MAX_YAML_BYTES
from regdraft.importer import import_file
from regdraft.workspace.store import Workspace
from regdraft.workspace.votes import load_vote
from tests.conftest import SHIPPED_AMENDMENT, SHIPPED_REGULATION, Invoke

MARK = "regdraft front matter (YAML):"  # render.consolidated_docx.FRONT_MATTER_MARK


def _yaml_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of each text `load_yaml` is asked to read from now on."""
    sizes: list[int] = []
    real = frontmatter.load_yaml

    def counted(text: str | bytes, **options: Any) -> Any:
        sizes.append(len(text))
        return real(text, **options)

    monkeypatch.setattr(frontmatter, "load_yaml", counted)
    return sizes


def _word_file(path: Path, description: str) -> Path:
    document = docx.Document()
    for line in ("QUY CHẾ", "Làm việc của Ban Chấp hành", "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi",
                 "Quy chế này quy định nguyên tắc làm việc."):
        document.add_paragraph(line)
    # python-docx caps a property at 255 characters, which the format does not (as render.consolidated_docx writes it)
    document.core_properties._element._get_or_add("description").text = description
    document.save(str(path))
    return path


def test_a_word_files_front_matter_past_the_bound_is_left_out_with_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 37 KB Word file whose properties held 900 KB of YAML took `import` 8 s and 240 MB; its body still imports."""
    listed = "1, " * (MAX_FRONT_MATTER_BYTES // 3)
    path = _word_file(tmp_path / "big.docx", f"{MARK}\nissuer: TỈNH ỦY ĐIỆN BIÊN\nnotes: [{listed}1]")
    sizes = _yaml_sizes(monkeypatch)
    result = import_file(path, reg_id="01-QC/TU")
    warnings = [note.message for note in result.report.notes if note.category == "warning"]
    assert any(message.startswith("big.docx: the front matter in its properties is ") and "bytes long, more than "
               f"the {MAX_FRONT_MATTER_BYTES:,} regdraft reads" in message and "imported without it" in message
               for message in warnings), warnings
    assert "notes" not in result.regulation.meta and result.regulation.meta.get("issuer") != "TỈNH ỦY ĐIỆN BIÊN"
    assert "Điều 1" in result.text and max(sizes, default=0) <= MAX_FRONT_MATTER_BYTES


def test_a_word_files_front_matter_within_the_bound_is_still_read(tmp_path: Path) -> None:
    path = _word_file(tmp_path / "small.docx", f"{MARK}\nissuer: TỈNH ỦY ĐIỆN BIÊN\nsigned: 2021-01-09")
    result = import_file(path, reg_id="01-QC/TU")
    assert result.regulation.meta.get("issuer") == "TỈNH ỦY ĐIỆN BIÊN"
    assert not any("properties is" in note.message for note in result.report.notes)


def test_check_names_a_front_matter_past_the_bound_and_does_not_read_it(
        tmp_workspace: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 3 MB front matter (40 KB packed) held the first `check` of a clone 46 s at 700 MB, and passed it."""
    path = tmp_workspace.root / "regulations" / "01-QC-TU.md"
    text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    notes = "notes: [" + "1, " * (MAX_FRONT_MATTER_BYTES // 3) + "1]"
    path.write_text(f"---\nid: 01-QC/TU\n{notes}\n{text[4:]}", encoding="utf-8")
    sizes = _yaml_sizes(monkeypatch)
    for command in (("check",), ("list",)):
        result = invoke(tmp_workspace, *command)
        if command == ("check",):
            assert result.exit_code == 1, result.output
            assert "regulations/01-QC-TU.md:3: The front matter is " in result.output
            assert f"more than the {MAX_FRONT_MATTER_BYTES:,} regdraft reads" in result.output
            assert "bytes are under the key on this line" in result.output
    assert max(sizes, default=0) <= MAX_FRONT_MATTER_BYTES


def test_a_comment_or_round_file_past_the_bound_is_refused_in_a_sentence() -> None:
    text = "id: 1bfc\nround: 1\nby: Ban A\nprovision: d5\ntype: general\ntext: [" + "1, " * (MAX_YAML_BYTES // 3) + "1]"
    for read in (comment_from_yaml, round_from_yaml):
        with pytest.raises(ParseError) as refused:
            read(text, "amendments/x/comments/1bfc.yaml")
        assert str(refused.value).startswith("amendments/x/comments/1bfc.yaml: this file is ")
        assert f"more than the {MAX_YAML_BYTES:,} regdraft reads" in str(refused.value)


def test_a_vote_file_past_the_bound_is_refused_in_a_sentence(tmp_workspace: Workspace) -> None:
    big = "for: 30\nagainst: 0\nabstain: 0\ndate: 2025-01-01\nnote: [" + "1, " * (MAX_YAML_BYTES // 3) + "1]\n"
    tmp_workspace.commit({f"amendments/{SHIPPED_AMENDMENT}/vote.yaml": big.encode()}, "vote")
    with pytest.raises(RegdraftError, match=f"vote.yaml: this vote is .* more than the {MAX_YAML_BYTES:,}"):
        load_vote(tmp_workspace, SHIPPED_AMENDMENT)


def test_any_yaml_past_the_bound_is_a_yaml_error_before_it_is_read() -> None:
    import yaml

    with pytest.raises(yaml.YAMLError, match="This YAML is .* bytes long"):
        frontmatter.load_yaml("k: [" + "1, " * (MAX_YAML_BYTES // 3) + "1]")
    assert frontmatter.load_yaml("k: [1, 2]", limit=10) == {"k": [1, 2]}

"""Two tracked changes of one clause in a Word reply on Luật 57/2024's review copy: khoản 9 Điều 16 of Luật Đấu thầu
changed in the text as amended and again in instruction 4's quoted new text. The import kept the first one read (the
instruction's) and dropped the other unsaid, its paragraph read as no line of the clause once the first was in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke, luat_57_2024_copy, luat_57_2024_once, module_git, needs_corpus, run_cli

SLUG = "luat-57-2024"
BODY = "Bộ Tư pháp"
CLAUSE = "9. Tổ chức lựa chọn nhà thầu khi chưa xác định được nguồn vốn"
AS_CIRCULATED = ("9. Tổ chức lựa chọn nhà thầu khi chưa xác định được nguồn vốn theo quy định tại khoản 3 Điều 39, "
                 "trừ trường hợp đấu thầu trước quy định tại Điều 42 của Luật này.")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return luat_57_2024_once(tmp_path_factory, BODY)


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Iterator[Workspace]:
    yield luat_57_2024_copy(built, tmp_path)


@pytest.fixture(scope="module")
def copy(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The review copy of round 1, written once a module beside the module's workspace (a whole law: 0.4-0.8 s of CPU
    a copy, eight asked): the tests' workspaces are copies of that one, and a comment imported does not change what the
    round's copy holds. Each test only reads it and saves its reply in its own folder."""
    out = built.parent / "copy.docx"
    with module_git(tmp_path_factory):
        result = run_cli(built, "round", "copy", SLUG, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def _reply(copy: Path, tmp_path: Path, amended: str | None, quoted: str | None,
           quoted_chua: str | None = None) -> Path:
    """The review copy with `chưa` in khoản 9 Điều 16 made `amended` in the text as amended, and `xác định` made
    `quoted` (`chưa` made `quoted_chua`) in instruction 4's quoted new text (None: left alone)."""
    document = kit.open_docx(copy)
    if amended is not None:
        kit.track_replace(kit.isolate(kit.paragraph_with(document, CLAUSE), "chưa"), amended, "An")
    if quoted is not None:
        kit.track_replace(kit.isolate(kit.paragraph_with(document, CLAUSE, last=False), "xác định"), quoted, "An")
    if quoted_chua is not None:
        kit.track_replace(kit.isolate(kit.paragraph_with(document, CLAUSE, last=False), "chưa"), quoted_chua, "An")
    return kit.save(document, tmp_path / "reply.docx")


def _comments(ws: Workspace) -> list[dict[str, Any]]:
    found = [yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in (ws.root / "amendments" / SLUG / "comments").glob("*.yaml")]
    return sorted(found, key=lambda c: c["order"])


@needs_corpus
def test_two_changes_of_one_clause_are_one_proposal_holding_both(ws: Workspace, copy: Path, invoke: Invoke,
                                                                  tmp_path: Path) -> None:
    reply = _reply(copy, tmp_path, "chưa thể", "xác định rõ")
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    (c,) = _comments(ws)
    assert c["provision"] == "d16.k9"
    assert c["proposal"] == AS_CIRCULATED.replace("chưa xác định", "chưa thể xác định rõ")
    assert "“thể”" in c["text"] and "“rõ”" in c["text"]
    # Imported again, nothing is added.
    again = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output
    assert [d["id"] for d in _comments(ws)] == [c["id"]]


@needs_corpus
def test_two_changes_of_the_same_words_are_two_proposals_and_named(ws: Workspace, copy: Path, invoke: Invoke,
                                                                    tmp_path: Path) -> None:
    reply = _reply(copy, tmp_path, "chưa thể", None)
    document = kit.open_docx(reply)
    kit.track_replace(kit.isolate(kit.paragraph_with(document, CLAUSE, last=False), "chưa"), "không", "An")
    result = invoke(ws, "comment", "import", SLUG, str(kit.save(document, tmp_path / "both.docx")), "--by", BODY)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("Two tracked changes by An in both.docx on khoản 9 Điều 16 change the same words in two ways that cannot "
            "both stand (thay “chưa” bằng “không”; and bổ sung “thể” vào trước “xác định”): both are imported") in said
    proposals = [(c["provision"], c["proposal"]) for c in _comments(ws)]
    assert proposals == [("d16.k9", AS_CIRCULATED.replace("chưa", "không")),
                         ("d16.k9", AS_CIRCULATED.replace("chưa", "chưa thể"))]
    again = invoke(ws, "comment", "import", SLUG, str(tmp_path / "both.docx"), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output
    assert len(_comments(ws)) == 2


@needs_corpus
@pytest.mark.parametrize("amended, quoted", [("chưa thể", None), (None, "xác định rõ")])
def test_one_change_of_the_clause_is_proposed_as_before(ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path,
                                                        amended: str | None, quoted: str | None) -> None:
    reply = _reply(copy, tmp_path, amended, quoted)
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    (c,) = _comments(ws)
    new = AS_CIRCULATED.replace("chưa", amended) if amended else AS_CIRCULATED.replace("xác định", quoted or "")
    assert (c["provision"], c["proposal"]) == ("d16.k9", new)
    # The fingerprint the import wrote before two changes of one line were merged: a reply imported then is known.
    assert c["source"] == {"chưa thể": "docx:d6ab27649bc939bf", None: "docx:d2c089fcaa5eac68"}[amended]


@needs_corpus
@pytest.mark.parametrize("quoted, quoted_chua, stored", [
    # regdraft before r37 kept the instruction's change only (checked by running it on these replies: these sources).
    ("xác định rõ", None, "docx:d2c089fcaa5eac68"),
    (None, "không", "docx:df192eeedc7691bb"),
])
def test_a_reply_imported_before_r37_is_known_again(ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path,
                                                     quoted: str | None, quoted_chua: str | None,
                                                     stored: str) -> None:
    """The comment the import before r37 wrote for a reply with two changes of khoản 9 Điều 16 is the one it writes
    for the instruction's change alone: imported again, the reply adds nothing, and a warning says what it left out."""
    result = invoke(ws, "comment", "import", SLUG, str(_reply(copy, tmp_path, None, quoted, quoted_chua)),
                    "--by", BODY)
    assert result.exit_code == 0, result.output
    (old,) = _comments(ws)
    assert old["source"] == stored
    again = invoke(ws, "comment", "import", SLUG, str(_reply(copy, tmp_path, "chưa thể", quoted, quoted_chua)),
                   "--by", BODY)
    said = " ".join(again.output.split())
    assert again.exit_code == 0 and f"Nothing imported: the comment in reply.docx was imported before ({old['id']})" \
        in said, again.output
    assert f"Comment {old['id']} on khoản 9 Điều 16 was imported from this reply by an earlier version" in said
    assert [c["id"] for c in _comments(ws)] == [old["id"]]


@needs_corpus
def test_three_changes_of_one_clause_one_only_deleting_are_all_kept(ws: Workspace, copy: Path, invoke: Invoke,
                                                                    tmp_path: Path) -> None:
    """Two changes in the instruction's quoted text (one deleting `trước` alone) and one in the text as amended."""
    document = kit.open_docx(copy)
    quoted, amended = kit.paragraph_with(document, CLAUSE, last=False), kit.paragraph_with(document, CLAUSE)
    kit.track_replace(kit.isolate(quoted, "chưa"), "chưa thể", "An")
    kit.track_replace(kit.isolate(quoted, "trước "), "", "An")
    kit.track_replace(kit.isolate(amended, "nguồn vốn"), "nguồn vốn đầu tư", "An")
    reply = kit.save(document, tmp_path / "reply.docx")
    assert invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY).exit_code == 0
    (c,) = _comments(ws)
    assert c["proposal"] == AS_CIRCULATED.replace("chưa", "chưa thể").replace("trước ", "").replace(
        "nguồn vốn", "nguồn vốn đầu tư")

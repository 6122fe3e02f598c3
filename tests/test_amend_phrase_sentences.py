"""Quoted phrases on the laws as enacted (round 22 sweeps): a phrase never crosses a sentence's end, a capital that only
starts a sentence is not a name (Luật Công đoàn, `Sau 30 ngày`); a phrase cut inside a compound to be written
"trong toàn bộ Luật" loses to the natural one named at its places (Luật Giáo dục, `cấp huyện cấp|bằng`); and words
that already read as a replacement are not "left in other capitals" (Luật Công đoàn, `Ban Chấp hành`)."""

from __future__ import annotations

from pathlib import Path

from regdraft.core.amend.readable import cost, crosses_sentence, is_whole
from regdraft.core.markdown_writer import render
from regdraft.importer import import_file

from .conftest import CORPUS, Invoke, in_corpus, needs_corpus
from .test_amend_edits import body

CONG_DOAN = CORPUS / "luat-cong-doan.txt"
GIAO_DUC = CORPUS / "luat-giao-duc.txt"
BAN = "1\\. Thay thế cụm từ “Ban chấp hành” bằng cụm từ “Ban Chấp hành” trong toàn bộ Luật."
HEADING = "## Điều 1. Sửa đổi, bổ sung một số điều của Luật Công đoàn số 12/2012/QH13\n"


def _law(path: Path) -> str:
    return render(import_file(in_corpus(path)).regulation)


def _cong_doan_amendment(invoke: Invoke, tmp_path: Path, instruction: str) -> Path:
    """A workspace with Luật Công đoàn and amendment sd1 holding `instruction` alone, committed."""
    root = tmp_path / "ws"
    assert invoke(None, "init", str(root)).exit_code == 0
    for args in (("import", str(in_corpus(CONG_DOAN))), ("amend", "new", "sd1", "--regulation", "12/2012/QH13")):
        result = invoke(root, *args)
        assert result.exit_code == 0, result.output
    path = root / "amendments" / "sd1" / "amendment.md"
    text = path.read_text(encoding="utf-8")
    assert HEADING in text
    path.write_text(text.replace(HEADING, HEADING + "\n" + instruction + "\n"), encoding="utf-8")
    from regdraft.workspace.store import Workspace

    ws = Workspace(root)
    ws.repo.git.execute(["git", "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qam", "dự thảo"])
    return root


@needs_corpus
def test_a_phrase_never_crosses_a_full_stop_and_a_sentence_start_is_no_name() -> None:
    paragraph = next(p for p in _law(CONG_DOAN).split("\n") if "Sau 30 ngày" in p)
    start = paragraph.index("thẩm quyền. Sau 30 ngày")
    end = start + len("thẩm quyền. Sau 30 ngày")
    assert crosses_sentence("thẩm quyền. Sau 30 ngày") and not is_whole(paragraph, start, end)
    assert not crosses_sentence("Sau 30 ngày, kể từ ngày báo cáo")
    thirty = paragraph.index("30 ngày")
    assert cost(paragraph, thirty, thirty + len("30 ngày")) == 0  # `Sau` is capitalised as a sentence's first word


@needs_corpus
def test_from_edits_quotes_30_ngay_not_a_phrase_across_the_full_stop(invoke: Invoke, tmp_path: Path) -> None:
    """The sweep's commands: `Sau 30 ngày` → `Sau 15 ngày` in khoản 2 Điều 25, whose words instruction 1 changes."""
    root = _cong_doan_amendment(invoke, tmp_path, BAN)
    preview = tmp_path / "edited.md"
    assert invoke(root, "amend", "preview", "sd1", "-o", str(preview)).exit_code == 0
    text = preview.read_text(encoding="utf-8")
    assert text.count("Sau 30 ngày, kể từ ngày báo cáo") == 1
    preview.write_text(text.replace("Sau 30 ngày, kể từ ngày báo cáo", "Sau 15 ngày, kể từ ngày báo cáo"),
                       encoding="utf-8")
    result = invoke(root, "amend", "from-edits", "sd1", "--edited", str(preview))
    assert result.exit_code == 0, result.output
    written = (root / "amendments" / "sd1" / "amendment.md").read_text(encoding="utf-8")
    assert BAN in written
    assert "2\\. Thay thế cụm từ “30 ngày” bằng cụm từ “15 ngày” tại khoản 2 Điều 25." in written
    assert "thẩm quyền. Sau" not in written


@needs_corpus
def test_a_replacement_that_reads_as_its_new_words_leaves_nothing_in_other_capitals(invoke: Invoke,
                                                                                    tmp_path: Path) -> None:
    root = _cong_doan_amendment(invoke, tmp_path, BAN)
    result = invoke(root, "amend", "check", "sd1")
    assert result.exit_code == 0, result.output
    assert "capitals alone" not in result.output


@needs_corpus
def test_a_place_left_in_other_capitals_is_named_once(invoke: Invoke, tmp_path: Path) -> None:
    """Điều 2 holds `Công đoàn` three times: it was named three times."""
    root = _cong_doan_amendment(
        invoke, tmp_path, "1\\. Thay thế cụm từ “công đoàn” bằng cụm từ “tổ chức công đoàn” tại Điều 2.")
    result = invoke(root, "amend", "check", "sd1")
    assert "leaves «Công đoàn» in Điều 2 unchanged: it differs" in " ".join(result.output.split())


@needs_corpus
def test_from_edits_writes_a_capitals_fix_throughout_luat_cong_doan() -> None:
    """`Ban chấp hành` made `Ban Chấp hành` wherever it stands; khoản 2 Điều 24 already had one `Ban Chấp hành`."""
    law = _law(CONG_DOAN)
    assert law.count("Ban Chấp hành") == 1
    assert body(law, law.replace("Ban chấp hành", "Ban Chấp hành")) == BAN


@needs_corpus
def test_a_phrase_cut_inside_cap_bang_loses_to_the_name_at_its_places() -> None:
    """khoản 2 Điều 34 and khoản 2 Điều 45: `… thuộc Ủy ban nhân dân cấp huyện cấp bằng …` → `cấp tỉnh`; điểm a khoản 1
    Điều 52 keeps `Ủy ban nhân dân cấp huyện`, so the name is listed at its places, not written throughout."""
    law = _law(GIAO_DUC)
    old = "về giáo dục thuộc Ủy ban nhân dân cấp huyện cấp bằng"
    assert law.count(old) == 2
    edited = law.replace(old, old.replace("huyện", "tỉnh"))
    assert body(law, edited) == ("1\\. Thay thế cụm từ “Ủy ban nhân dân cấp huyện” bằng cụm từ “Ủy ban nhân dân cấp "
                                 "tỉnh” tại khoản 2 Điều 34 và khoản 2 Điều 45.")

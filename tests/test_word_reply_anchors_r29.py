"""Where words a reviewer added in Word go, and the words a tracked change replaced, quoted as whole words on every
path (r29 sweep AI 2, 3): the anchor of words added never starts or ends inside a word (`bổ sung “thật” vào sau
“thường khi”` cut `Bất thường`), and a change in a passage no provision holds is quoted as a change on a provision is
(`thay “biệt” bằng “thù”` in the refusal of Luật 57/2024's part amending Luật Quy hoạch)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.core.markdown import parse
from regdraft.core.reply_phrases import Syllables, addition
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke, luat_57_2024_copy, luat_57_2024_once, needs_corpus

# Điểm b khoản 1 Điều 12 of the shipped regulation 01-QC/TU, as qc-sua-doi-2025 rewrites it.
POINT_B = ("Bất thường khi cần thiết theo quyết định của Ban Thường vụ Tỉnh ủy hoặc khi có ít nhất một phần ba tổng số "
           "Tỉnh ủy viên đề nghị; hội nghị bất thường có thể được tổ chức theo hình thức trực tuyến theo quyết định "
           "của Thường trực Tỉnh ủy;")
SHIPPED = Path(__file__).resolve().parent.parent / "regulations" / "01-QC-TU.md"


def _around(line: str, at: str) -> tuple[str, str]:
    """`line` cut where `at` (a mark `|` in it) stands."""
    before, after = at.split("|")
    assert before + after in line
    start = line.index(before + after) + len(before)
    return line[:start], line[start:]


def test_words_added_are_anchored_on_words_that_are_whole() -> None:
    # `khi` is a function word, and twice in the point; `thường khi` starts inside `Bất thường`.
    assert addition("thật ", *_around(POINT_B, "Bất thường khi |cần thiết"), POINT_B) == ("before", "cần thiết")
    # The regulation's text read, the anchor is whole words however it is widened.
    syllables = Syllables.of([parse(SHIPPED.read_text(encoding="utf-8"))])
    assert addition("thật ", *_around(POINT_B, "Bất thường khi |cần thiết"), POINT_B, syllables) in (
        ("before", "cần thiết"), ("after", "Bất thường khi"))
    # `các` before the words it goes with, though `trừ trường hợp` is a term.
    passage = ("Nhà đầu tư không thực hiện đúng nội dung chấp thuận chủ trương đầu tư, Giấy chứng nhận đăng ký đầu tư "
               "và đã bị xử phạt vi phạm hành chính nhưng tiếp tục vi phạm, trừ trường hợp không thực hiện theo đúng "
               "tiến độ tại văn bản chấp thuận chủ trương đầu tư.")
    assert addition("các ", *_around(passage, "trừ |trường hợp")) == ("before", "trường hợp")
    # A syllable alone is no anchor where the text cannot tell it is a word (`bộ` of `cán bộ`).
    line = "a) Công tác tổ chức, cán bộ;"
    assert addition(", xuyên", *_around(line, "cán bộ|;")) == ("after", "cán bộ")
    # An anchor that stands twice in the provision is widened until it stands once, and not into a name.
    clause = "Ban Thường vụ họp thường lệ mỗi tháng một lần; Thường trực họp thường lệ mỗi tuần một lần."
    assert addition(" định kỳ", *_around(clause, "vụ họp thường lệ| mỗi tháng")) == (
        "after", "Ban Thường vụ họp thường lệ")


@pytest.fixture
def shipped(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> tuple[Workspace, Path]:
    """The shipped workspace in round 1, and its review copy."""
    return tmp_workspace, kit.round_copy(invoke, tmp_workspace, "qc-sua-doi-2025", tmp_path / "copy.docx",
                                         "Văn phòng Tỉnh ủy")


def test_a_word_added_in_the_shipped_draft_is_anchored_on_whole_words(
        shipped: tuple[Workspace, Path], invoke: Invoke, tmp_path: Path) -> None:
    ws, copy = shipped
    document = kit.open_docx(copy)
    kit.track_insert_after(kit.isolate(kit.paragraph_with(document, "b) Bất thường khi cần thiết"), "Bất thường khi"),
                           " thật", "Nguyễn Văn An")
    reply = kit.save(document, tmp_path / "reply.docx")
    said = "Đề nghị sửa như sau: bổ sung “thật” vào trước “cần thiết”."
    (c,) = kit.imported_by_provision(invoke, ws, "qc-sua-doi-2025", reply, "Văn phòng Tỉnh ủy").values()
    assert (c["provision"], c["text"]) == ("d12.k1.b", said)
    assert said in " ".join(invoke(ws, "comment", "list", "qc-sua-doi-2025").output.split())
    result = invoke(ws, "round", "report", "qc-sua-doi-2025", "-o", str(tmp_path / "bao-cao.csv"))
    assert result.exit_code == 0, result.output
    assert said in (tmp_path / "bao-cao.csv").read_text(encoding="utf-8-sig")


SLUG = "luat-57-2024"
BODY = "Bộ Tư pháp"
# A paragraph of Điều 1, which amends Luật Quy hoạch: no provision of 22/2023/QH15 holds it.
QUY_HOACH = "“d) Phương án phát triển hệ thống đô thị và nông thôn"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return luat_57_2024_once(tmp_path_factory, BODY)


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Iterator[Workspace]:
    yield luat_57_2024_copy(built, tmp_path)


@needs_corpus
def test_a_change_no_provision_holds_is_quoted_as_whole_words(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    assert invoke(ws, "round", "copy", SLUG, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    kit.track_replace(kit.isolate(kit.paragraph_with(document, QUY_HOACH, last=False), "đặc biệt"), "đặc thù",
                      "Nguyễn Văn An")
    reply = kit.save(document, tmp_path / "reply.docx")
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "Nguyễn Văn An: “Đề nghị sửa như sau: thay “đặc biệt” bằng “đặc thù”.” on ““d) Phương án" in said
    assert "“biệt”" not in said
    (c,) = kit.imported_by_provision(invoke, ws, SLUG, reply, BODY, "--place-unplaced", "general").values()
    assert c["text"] == "Đề nghị sửa như sau: thay “đặc biệt” bằng “đặc thù”."

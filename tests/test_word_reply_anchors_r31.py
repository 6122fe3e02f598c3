"""Words a reviewer added in Word are anchored on words that end where a compound the text writes often ends (r30
sweep AN 1): `các` typed before `trường hợp` in điểm d khoản 1 Điều 6 of Luật Đấu thầu, as Luật 57/2024 rewrites it,
was said `bổ sung “các” vào trước “trường hợp nhà”`, half of `nhà thầu` (`trường hợp` stands twice in the point)."""

from __future__ import annotations

from pathlib import Path

from regdraft.core.reply_phrases import Syllables, addition
from regdraft.importer import import_file
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import SHARED, Invoke, in_corpus, needs_corpus
from tests.test_word_reply_anchors_r29 import BODY, SLUG
from tests.test_word_reply_anchors_r29 import built as built  # noqa: F401  (the fixtures: Luật 57/2024 in round 1)
from tests.test_word_reply_anchors_r29 import ws as ws  # noqa: F401

DAU_THAU = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023" / "base-22-2023-QH15.txt"
# Điểm d khoản 1 Điều 6 as Luật 57/2024 rewrites it: `trường hợp` twice.
POINT_D = ("Chủ đầu tư, bên mời thầu, trừ trường hợp nhà thầu là đơn vị sự nghiệp công lập thuộc cơ quan quản lý nhà "
           "nước có chức năng, nhiệm vụ được giao phù hợp với tính chất gói thầu của cơ quan quản lý nhà nước đó và "
           "trừ trường hợp quy định tại khoản 4a Điều này.")


@needs_corpus
def test_an_anchor_does_not_end_inside_a_compound_the_law_writes_often() -> None:
    syllables = Syllables.of([import_file(in_corpus(DAU_THAU)).regulation])
    # `nhà thầu`: not most of the places of `nhà` (`nhà đầu tư`, `nhà nước`), but a quarter and more of them.
    assert syllables.joined("nhà", "thầu") and not syllables.binds("nhà", "thầu")
    assert not syllables.joined("hợp", "nhà") and not syllables.joined("hợp", "đặc")  # `trường hợp đặc biệt`
    at = POINT_D.index("trường hợp")
    assert addition("các ", POINT_D[:at], POINT_D[at:], POINT_D, syllables) == ("before", "trường hợp nhà thầu")


@needs_corpus
def test_a_word_added_in_a_reply_on_luat_57_is_anchored_on_the_whole_compound(
        ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:  # noqa: F811
    copy = tmp_path / "copy.docx"
    assert invoke(ws, "round", "copy", SLUG, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    paragraph = kit.paragraph_with(document, "d) Chủ đầu tư, bên mời thầu, trừ trường hợp nhà thầu là")
    kit.track_insert_after(kit.isolate(paragraph, "bên mời thầu, trừ "), "các ", "Nguyễn Văn An")
    reply = kit.save(document, tmp_path / "reply.docx")
    (c,) = kit.imported_by_provision(invoke, ws, SLUG, reply, BODY).values()
    assert (c["provision"], c["text"]) == (
        "d6.k1.d", "Đề nghị sửa như sau: bổ sung “các” vào trước “trường hợp nhà thầu”.")

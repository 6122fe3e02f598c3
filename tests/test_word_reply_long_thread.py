"""A Word thread (a comment and its replies, read as one comment) longer than a comment holds is left out and named
(its number, authors, provision and length), and the reply's other comments are imported: the whole reply was
refused for it, the other bodies' comments with it."""

from __future__ import annotations

from pathlib import Path

from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke
from tests.test_word_reply_threads import _EXTENDED, BODY, MEETINGS, QUORUM, SLUG, _comment, _threaded
from tests.test_word_reply_threads import consulting as consulting  # noqa: F401  (the fixtures)
from tests.test_word_reply_threads import copy as copy  # noqa: F401
from tests.test_word_reply_threads import ws as ws  # noqa: F401


def test_a_thread_too_long_is_named_and_the_others_are_imported(ws: Workspace, copy: Path,  # noqa: F811
                                                                 invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    words = kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng")
    _comment(document, words, "B1 " + "Đề nghị làm rõ. " * 750, "Bình")  # about 12,000 characters
    _comment(document, words, "B2 " + "Nhất trí. " * 1200, "Cường")  # about 12,000: the thread is over 20,000
    _comment(document, kit.isolate(kit.paragraph_with(document, QUORUM), "Hội nghị"), "B3 Rõ hơn.", "Bình")
    extended = _EXTENDED.format(body='<w15:commentEx w15:paraId="{0}" w15:done="0"/>'
                                     '<w15:commentEx w15:paraId="{1}" w15:paraIdParent="{0}" w15:done="0"/>'
                                     '<w15:commentEx w15:paraId="{2}" w15:done="0"/>')
    reply = _threaded(kit.save(document, tmp_path / "plain.docx"), tmp_path / "reply.docx", extended)
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    assert [(c.on, c.author, c.text) for c in rounds.load_comments(ws, SLUG)] == [("d12.k3", "Bình", "B3 Rõ hơn.")]
    said = " ".join(result.output.split())
    assert ("reply.docx: warning: Word comment 1 by Bình, Cường on điểm a khoản 1 Điều 12 is 24,012 characters long, "
            "over the 20,000 a comment holds, so it was left out and the others imported") in said

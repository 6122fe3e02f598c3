"""A Word thread is matched against the comments imported before in work in proportion to it (r27 sweep T2,
defect 2): every run of its first comments was joined and looked up, a thread of 20,000 comments in O(n²) (62 s)
before the thread was refused for its length. The matching gives what it gave before (checked here against that
matching, kept as the reference)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace

import pytest

from regdraft.core.comments import Comment, CommentType
from regdraft.core.replies import Reply, ReplyComment, joined_thread
from regdraft.workspace import replies

WORDS = {"comment_answers": "Trả lời ý kiến {id} của {body}{person}:", "report_person": "({person})"}
DATE = "2025-07-10T09:00:00Z"


def _word(i: int, author: str, text: str, date: str = DATE) -> ReplyComment:
    return ReplyComment(str(i), author, date, text, 0, 0, "Thường lệ")


def _thread(comments: Sequence[ReplyComment]) -> Reply:
    return Reply("reply.docx", (), (replace(joined_thread(comments), thread=tuple(comments)),))


def _recorded(i: int, form: ReplyComment, by: str = "Ban Tổ chức") -> Comment:
    return Comment(f"c{i:03x}", 1, by, "d12.k1", CommentType.SUBSTANTIVE, form.text, created=form.date,
                   author=form.author)


def _reference(reply: Reply, recorded: Sequence[Comment], name: str, words: Mapping[str, str]) -> Reply:
    """`_answers` as it was before it was made linear."""
    said = {(c.created, c.text): c for c in recorded}
    comments: list[ReplyComment] = []
    for wc in reply.comments:
        rest, answered, cut = list(wc.thread), None, []
        while rest:
            heading = replies._heading(answered, words)
            found = next(((k, was, form) for k in range(len(rest), 0, -1) for line in dict.fromkeys((heading, ""))
                          if (was := said.get(((form := joined_thread(rest[:k], line)).date, form.text)))
                          and was.author in (form.author, name)), None)
            if found is None:
                break
            k, answered, form = found
            cut.append(form)
            rest = rest[k:]
        if not cut or (len(cut) == 1 and not rest):
            comments.append(wc)
            continue
        added = [joined_thread(rest, replies._heading(answered, words))] if rest else []
        for part in (*cut, *added):
            comments.append(replace(wc, id=part.id, author=part.author, date=part.date, text=part.text,
                                    thread=part.thread))
    return replace(reply, comments=tuple(comments))


def test_a_long_thread_is_matched_without_joining_every_run_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    thread = [_word(0, "An", "Đề nghị bỏ điểm a."),
              *(_word(i, f"Người {i % 7}", f"Ý kiến {i}.") for i in range(1, 3000))]
    built = []

    def counted(run: Sequence[ReplyComment], heading: str = "") -> ReplyComment:
        built.append(len(run))
        return joined_thread(run, heading)

    monkeypatch.setattr(replies, "joined_thread", counted)
    # Nothing of it imported before: the thread is left as it came, nothing joined.
    assert replies._answers(_thread(thread), [], "", WORDS).comments[0].thread == tuple(thread)
    assert built == []
    # Its first comment and the next two replies imported before as one comment: that run is joined once, the rest
    # once, as the reply to it.
    before = _recorded(1, joined_thread(thread[:3]))
    answered = replies._answers(_thread(thread), [before], "", WORDS).comments
    assert [len(c.thread) for c in answered] == [3, 2997]
    assert answered[1].text.startswith("Trả lời ý kiến c001 của Ban Tổ chức (An, Người 1, Người 2):\nÝ kiến 3.\n"
                                       "Người 4: Ý kiến 4.")
    assert sum(built) == 3000


@pytest.mark.parametrize("seed", range(80))
def test_the_thread_matching_gives_what_it_gave_before(seed: int) -> None:
    rng = random.Random(seed)
    authors = ["An", "Bình", "", "Chi"]
    texts = ["Đồng ý.", "", "Đề nghị sửa.", "Bỏ điểm a."]
    thread = [_word(i, rng.choice(authors), rng.choice(texts)) for i in range(rng.randint(1, 9))]
    recorded: list[Comment] = []
    rest, answered, i = list(thread), None, 0
    while rest:  # imported before in runs, some as answers to the run before, some not; some by another author
        k = rng.randint(1, len(rest))
        heading = replies._heading(answered, WORDS) if rng.random() < 0.7 else ""
        form = joined_thread(rest[:k], heading)
        if rng.random() < 0.2:
            form = replace(form, author="Người khác")
        if rng.random() < 0.8:
            answered = _recorded(i, form)
            recorded.append(answered)
        rest, i = rest[k:], i + 1
    name = rng.choice(["", "Người khác"])
    reply = _thread(thread)
    assert replies._answers(reply, recorded, name, WORDS) == _reference(reply, recorded, name, WORDS)

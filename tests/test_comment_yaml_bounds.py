"""A comment file holding many keys regdraft does not know is read in one pass, its unknown keys named up to
`SHOWN_KEYS` and the rest counted in one problem (r27 sweep W, defect 6): each unknown key's line was looked for by
reading the whole file again (20,000 keys, 189 KB: `check` 54 s, `comment add` 48 s), and each was a problem of its
own (20,000 problems for one file)."""

from __future__ import annotations

from functools import partial

from regdraft.core.comment_yaml import key_line, read_comment
from tests import counting

HEAD = ("id: zz01\nround: 1\nby: Bộ Tư pháp\nprovision: general\ntype: general\n"
        "text: Đề nghị xem lại toàn bộ dự thảo.\n")
SOURCE = "amendments/qc/comments/zz01.yaml"


def _keys(count: int) -> str:
    return HEAD + "".join(f"k{i}: 1\n" for i in range(count))


def test_the_unknown_keys_past_the_first_ones_are_counted_in_one_problem_at_the_first_of_them() -> None:
    from regdraft.core.comment_yaml import SHOWN_KEYS

    comment, problems = read_comment(_keys(SHOWN_KEYS + 10), SOURCE)
    assert comment is not None and comment.text == "Đề nghị xem lại toàn bộ dự thảo."
    said = [(p.line, p.message) for p in problems]
    assert said[0] == (7, "the key 'k0' is unknown and has no effect; a comment's keys are id, round, by, "
                          "provision, regulation, type, text, proposal, anchor, disposition, reply, created, "
                          "responded, accepted_in, author, selection, source, order, sequence, link, edited.")
    assert [line for line, _ in said] == [*range(7, 7 + SHOWN_KEYS), 7 + SHOWN_KEYS]
    assert said[-1] == (7 + SHOWN_KEYS, "10 more keys ('k20', 'k21', 'k22', …) are unknown and have no effect; a "
                                        "comment's keys are id, round, by, provision, regulation, type, text, "
                                        "proposal, anchor, disposition, reply, created, responded, accepted_in, "
                                        "author, selection, source, order, sequence, link, edited.")
    _, one = read_comment(_keys(SHOWN_KEYS + 1), SOURCE)
    assert one[-1].message.startswith("1 more key ('k20') is unknown and has no effect;"), one[-1]
    _, named = read_comment(_keys(SHOWN_KEYS), SOURCE)
    assert len(named) == SHOWN_KEYS and "more key" not in str(named)


def test_the_lines_of_all_keys_are_found_in_one_reading() -> None:
    from regdraft.core.comment_yaml import key_lines

    text = _keys(3) + "k1: 2\n  nested: x\n"
    assert key_lines(text) == {"id": 1, "round": 2, "by": 3, "provision": 4, "type": 5, "text": 6, "k0": 7, "k1": 10,
                               "k2": 9, "  nested": 11}
    assert [key_line(text, k) for k in ("k1", "nested", "absent")] == [10, 1, 1]  # the last, as YAML reads it


def test_a_file_of_many_unknown_keys_is_read_in_work_in_proportion_to_its_size() -> None:
    steps = {}
    for count in (1_000, 2_000):
        steps[count], (comment, problems) = counting.events(partial(read_comment, _keys(count), SOURCE),
                                                            counting.in_module("core/comment_yaml.py"))
        assert comment is not None and problems[0].line == 7
    # Twice the keys, about twice the work (four times before: 4.0 then 16.1 million events, the file read again
    # for each unknown key).
    assert steps[2_000] < 2.3 * steps[1_000], steps

"""One comment recorded twice (r26 sweep P defect 2): `comment add` refuses it naming the comment recorded before,
`check` warns of each pair in a round, and `sync` says when the work it brings in repeats a comment recorded here. Two
clones (Lan's and Minh's) sharing a bare remote, with real git."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.core.comments import Comment, CommentType, Disposition
from regdraft.core.repeats import comment_key, recorded_as, repeats
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke, two_clones

BODY = "Ban Tổ chức Tỉnh ủy"
TEXT = "Đề nghị giữ 6 tháng (công văn 123)."


def _ids(ws: Workspace) -> list[str]:
    return [c.id for c in rounds.load_comments(ws, SLUG)]


def _head(ws: Workspace) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ws.root, capture_output=True, text=True).stdout


def test_the_rule_is_one_key_for_body_provision_text_and_proposal() -> None:
    one = Comment("a1", 3, "Ban Tổ chức Tỉnh ủy", "d5.k2", CommentType.SUBSTANTIVE, "Đề nghị giữ  6 tháng.")
    # The body's name as typed elsewhere (case, spacing, tone placement), the text's spacing and bold aside.
    same = Comment("b2", 3, "ban tổ chức  Tỉnh uỷ", "d5.k2", CommentType.GENERAL, "Đề nghị **giữ** 6 tháng.\n")
    assert comment_key(one) == comment_key(same) and recorded_as(same, [one]) == one
    for other in (Comment("c3", 2, one.by, one.on, one.type, one.text), Comment("c4", 3, one.by, "d5.k1", one.type,
                  one.text), Comment("c5", 3, one.by, one.on, one.type, one.text, proposal="6 tháng."),
                  Comment("c6", 3, "Văn phòng Tỉnh ủy", one.on, one.type, one.text)):
        assert recorded_as(other, [one]) is None, other
    # Each repeat is paired with the first recorded; a withdrawn one has settled its pair.
    third = Comment("c7", 3, one.by, one.on, one.type, one.text)
    assert repeats([one, same, third]) == [(same, one), (third, one)]
    assert repeats([one, Comment("d8", 3, one.by, one.on, one.type, one.text, disposition=Disposition.WITHDRAWN)]) == []


def test_comment_add_refuses_a_comment_the_round_holds_naming_it_and_records_it_when_forced(
        circulating: Workspace, invoke: Invoke) -> None:
    # `comment add` of the same comment recorded it a second and a third time without a word.
    ws = circulating
    first = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", TEXT)
    assert first.exit_code == 0, first.output
    (earlier,) = _ids(ws)
    head = _head(ws)
    again = invoke(ws, "comment", "add", SLUG, "--by", "Ban Tổ chức Tỉnh uỷ", "--on", "khoản 2 Điều 5",
                   "--text", " Đề nghị giữ 6 tháng  (công văn 123).")
    assert again.exit_code == 1, again.output
    assert again.output == (
        f"Error: Comment {earlier} by {BODY} on khoản 2 Điều 5 in round 1 already says this, with the same text and "
        "proposal, so nothing was recorded (the report would count it twice); record it again only if the body did "
        "send it twice. (Option: --force.)\n")
    assert _ids(ws) == [earlier] and _head(ws) == head
    # Another provision, or a proposal, is another comment.
    assert invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k1", "--text", TEXT).exit_code == 0
    assert invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", TEXT,
                  "--proposal", "Định kỳ 6 tháng.").exit_code == 0
    forced = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", TEXT, "--force")
    assert forced.exit_code == 0, forced.output
    assert len(_ids(ws)) == 4


def _synced(ws: Workspace, invoke: Invoke) -> str:
    done = invoke(ws, "sync")
    assert done.exit_code == 0, done.output
    return str(done.output)


@pytest.fixture
def clones(circulating: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:
    """Lan's and Minh's clones of the shipped workspace, round 1 open."""
    return two_clones(circulating, tmp_path)


def test_the_same_comment_recorded_in_two_clones_is_said_by_sync_and_warned_of_by_check(
        clones: tuple[Workspace, Workspace], invoke: Invoke, tmp_path: Path) -> None:
    # Recorded on two machines (or one sheet imported on both), it was counted twice after the sync, without a word.
    lan, minh = clones
    assert invoke(lan, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", TEXT).exit_code == 0
    assert invoke(minh, "comment", "add", SLUG, "--by", BODY, "--on", "khoản 2 Điều 5", "--text", TEXT).exit_code == 0
    assert invoke(lan, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k1", "--text", TEXT).exit_code == 0
    sheet = tmp_path / "gop-y3.csv"
    sheet.write_text(f"Cơ quan,Điều khoản,Nội dung góp ý\n{BODY},chung,Nhất trí.\n", encoding="utf-8")
    for ws in (lan, minh):
        assert invoke(ws, "comment", "import", SLUG, str(sheet)).exit_code == 0
    (lans_k2,), (lans_k1,), (lans_general,) = ([c.id for c in rounds.load_comments(lan, SLUG) if c.on == on]
                                                for on in ("d5.k2", "d5.k1", "general"))
    _synced(lan, invoke)
    said = _synced(minh, invoke)
    minhs = {c.on: c.id for c in rounds.load_comments(minh, SLUG) if c.id not in (lans_k2, lans_k1, lans_general)}
    # Minh's sync brought in Lan's two comments, each repeating one Minh recorded: the copy to withdraw is the one
    # listed later, whichever clone it came from.
    first, second = (c.id for c in rounds.load_comments(minh, SLUG) if c.on == "d5.k2")
    assert (f"Comment {lans_k2} from origin ({BODY}, khoản 2 Điều 5, round 1) repeats comment {minhs['d5.k2']} "
            f"recorded here, so the report would count it twice: answer {first} and record {second} as withdrawn, "
            "the copy listed later, which every clone names "
            f"(`regdraft comment respond {second} --disposition withdrawn --reply TEXT`).") in said, said
    assert f"Comment {lans_general} from origin ({BODY}, the draft as a whole, round 1) repeats comment " \
           f"{minhs['general']} recorded here" in said, said
    assert said.count("repeats comment") == 2, said  # Lan's comment on khoản 1 is new here

    checked = invoke(minh, "check")
    assert checked.exit_code == 0, checked.output
    warnings = [line for line in checked.output.splitlines() if "repeats comment" in line]
    assert len(warnings) == 2, checked.output
    # Named on the file of the one listed later (by when each was recorded).
    (k2,) = (w for w in warnings if "khoản 2 Điều 5" in w)
    earlier, later = (c.id for c in rounds.load_comments(minh, SLUG) if c.on == "d5.k2")
    assert k2 == (f"amendments/{SLUG}/comments/{later}.yaml:1: warning: comment {later} by {BODY} on khoản 2 Điều 5 "
                  f"in round 1 repeats comment {earlier} (the same body, provision, text and proposal; recorded "
                  "twice, perhaps in two clones), so the report counts it twice: answer one and record the other as "
                  f"withdrawn (`regdraft comment respond {later} --disposition withdrawn --reply TEXT`).")
    withdrawn = invoke(minh, "comment", "respond", later, "--disposition", "withdrawn",
                       "--reply", f"Trùng với ý kiến {earlier}.")
    assert withdrawn.exit_code == 0, withdrawn.output
    assert [w for w in invoke(minh, "check").output.splitlines() if "repeats comment" in w] == \
        [w for w in warnings if "the draft as a whole" in w]
    # Lan's sync brings in Minh's comments and the answer: the pair withdrawn counts once already, the other is named.
    _synced(minh, invoke)
    lans_sync = _synced(lan, invoke)
    assert f"Comment {minhs['general']} from origin ({BODY}, the draft as a whole, round 1) repeats comment " \
           f"{lans_general} recorded here" in lans_sync, lans_sync
    assert lans_sync.count("repeats comment") == 1 and "khoản 2 Điều 5" not in lans_sync, lans_sync


def test_a_sheet_imported_again_follows_the_same_rule(circulating: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # The import compared body, provision and text only: a row sending the same text with a proposal was left alone
    # as imported before, its proposal lost, where `comment add` and the review server record it.
    ws = circulating
    assert invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", TEXT).exit_code == 0
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text(f"Cơ quan,Điều khoản,Nội dung góp ý,Đề xuất\n{BODY},khoản 2 Điều 5,{TEXT},Định kỳ 6 tháng.\n",
                     encoding="utf-8")
    imported = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert imported.exit_code == 0, imported.output
    assert imported.output.startswith(f"Imported 1 comment on {SLUG}: "), imported.output
    assert sorted(c.proposal for c in rounds.load_comments(ws, SLUG)) == ["", "Định kỳ 6 tháng."]


def test_comment_add_reads_only_the_comments_that_could_repeat_it(circulating: Workspace, invoke: Invoke,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # Sweep r26/U: the repeat check read and parsed every comment of the round: `comment add` in a round of 2,000
    # comments took 2.3 times as long. Only the files holding the new text's longest word are read now. The comments
    # recorded in its second (`core.comment_order`) are found in the same bytes: reading each file again made it about
    # half as slow again (0.10 s more than its 0.17 s), with `--force` too.
    from regdraft.core import comment_yaml
    from regdraft.workspace import comment_cache
    from regdraft.workspace.store import Workspace

    ws = circulating
    for n in range(12):
        added = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", f"Ý kiến số {n}.")
        assert added.exit_code == 0, added.output
    comment_cache.forget()  # as a new process has it
    parsed: list[str] = []
    read = comment_yaml.read_comment

    def counted(data: bytes, path: str) -> object:
        parsed.append(path)
        return read(data, path)

    monkeypatch.setattr(comment_yaml, "read_comment", counted)
    reads: list[str] = []
    read_file = Workspace.read

    def counted_read(self: Workspace, relative: str, rev: str | None = None) -> bytes:
        reads.extend([relative] if "/comments/" in relative and rev is None else [])
        return read_file(self, relative, rev)

    monkeypatch.setattr(Workspace, "read", counted_read)
    added = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", "Đề nghị bổ sung điều khoản.")
    assert added.exit_code == 0, added.output
    assert len(reads) == len(set(reads)) == 12, reads
    during = list(parsed)  # the comment add's parses, before the test reads the comments itself
    # Besides a file holding its longest words, only those recorded in its own second are parsed (their `sequence`
    # orders it after them, r32 sweep AW F1): how many were is the clock's doing.
    recorded = {c.text: c for c in rounds.load_comments(ws, SLUG)}
    second = recorded["Đề nghị bổ sung điều khoản."].created
    same = {f"amendments/{SLUG}/comments/{c.id}.yaml" for c in recorded.values() if c.created == second}
    assert len([p for p in during if p not in same]) <= 1, during
    comment_cache.forget()
    reads.clear()
    forced = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", "Ý kiến số 3.", "--force")
    assert forced.exit_code == 0 and len(reads) == len(set(reads)) == 13, reads
    again = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", "Ý kiến số 7.")
    assert again.exit_code == 1 and "already says this" in again.output  # still found


def test_the_same_words_from_two_people_of_one_body_are_no_repeat() -> None:
    # Two members' links sending `Nhất trí.` on one clause (sweep r28/AF defect 1); a comment naming nobody may be
    # either's (a sheet without a person column, `comment add`).
    an = Comment("a1", 1, BODY, "d12.k4", CommentType.GENERAL, "Nhất trí.", author="Nguyễn Văn An")
    chinh = Comment("b2", 1, BODY, "d12.k4", CommentType.GENERAL, "Nhất trí.", author="Đỗ Minh Chính")
    again = Comment("c3", 1, BODY, "d12.k4", CommentType.GENERAL, "Nhất trí.", author="nguyễn văn  An")
    nobody = Comment("d4", 1, BODY, "d12.k4", CommentType.GENERAL, "Nhất trí.")
    assert recorded_as(chinh, [an]) is None and recorded_as(again, [an]) == an and recorded_as(nobody, [an]) == an
    assert repeats([an, chinh, again]) == [(again, an)]
    assert repeats([an, chinh, nobody]) == [(nobody, an)]


def _naive_repeats(comments: list[Comment]) -> list[tuple[Comment, Comment]]:
    """The rule as written (r28 web28's first version): each comment against every one kept before it."""
    from regdraft.core.repeats import same_person

    kept: list[Comment] = []
    found = []
    for c in comments:
        if c.disposition is Disposition.WITHDRAWN:
            continue
        earlier = next((e for e in kept if comment_key(e) == comment_key(c) and same_person(c, e)), None)
        if earlier is None:
            kept.append(c)
        else:
            found.append((c, earlier))
    return found


def test_repeats_by_person_pair_as_the_rule_says_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Repeats are one person's (or a comment naming nobody); found by lookups, not a scan of the comments kept:
    20,000 members each sending the same words were 200 million comparisons."""
    import random

    import regdraft.core.repeats as module

    rng = random.Random(28)
    texts, people = ["Nhất trí.", "Đề nghị sửa."], ["", "An", "an ", "Bình", "Chính"]
    for _ in range(200):
        comments = [Comment(f"c{i}", 1, rng.choice(["Ban Tổ chức", "Văn phòng"]), rng.choice(["d5.k2", "d12"]),
                            CommentType.SUBSTANTIVE, rng.choice(texts), author=rng.choice(people),
                            disposition=rng.choice([None, None, None, Disposition.WITHDRAWN]))
                    for i in range(rng.randrange(1, 12))]
        assert repeats(comments) == _naive_repeats(comments)
    calls = 0
    real = module.person_key

    def counted(name: str) -> str:
        nonlocal calls
        calls += 1
        return real(name)

    monkeypatch.setattr(module, "person_key", counted)
    many = [Comment(f"m{i}", 1, "Ban Tổ chức", "d5.k2", CommentType.SUBSTANTIVE, "Nhất trí.", author=f"Người {i}")
            for i in range(5000)]
    assert repeats(many) == [] and calls <= 2 * len(many)


def test_a_thread_imported_as_one_holds_each_of_its_comments_once() -> None:
    # A Word thread imported as one comment, brought again as its comments apart (LibreOffice keeps no thread):
    # each is known by its person and words on the same provision (sweep r36/BM, 2).
    from regdraft.core.repeats import Threads

    heading = "Trả lời ý kiến a1 của Ban Tổ chức Tỉnh ủy (đồng chí An):"
    thread = Comment("b2", 1, BODY, "d5.k2", CommentType.SUBSTANTIVE,
                     f"{heading}\nĐề nghị bỏ.\nLý do: trùng.\nCúc: Nhất trí.\nAn: Cảm ơn.",
                     proposal="6 tháng.", author="An, Cúc")
    threads = Threads([thread], {heading})

    def brought(author: str, text: str, on: str = "d5.k2", proposal: str = "", by: str = BODY) -> Comment | None:
        return threads.holding(Comment("", 1, by, on, CommentType.SUBSTANTIVE, text, proposal, author=author))

    assert brought("Cúc", "Nhất  trí.") is thread  # spacing aside
    assert brought("Cúc", "Nhất trí.") is None  # once
    assert brought("An", "Đề nghị bỏ.\nLý do: trùng.", proposal="6  tháng.") is thread
    assert brought("an", "Cảm ơn.") is thread
    for author, text, on, proposal, by in (("Cúc", "Cảm ơn.", "d5.k2", "", BODY),  # another person's words
                                           ("An", "Đề nghị bỏ.", "d5.k2", "", BODY),  # a part of a comment
                                           ("An", "Đề nghị bỏ.\nLý do: trùng.", "d5.k3", "", BODY),
                                           ("An", "Đề nghị bỏ.\nLý do: trùng.", "d5.k2", "7 tháng.", BODY),
                                           ("An", "Đề nghị bỏ.\nLý do: trùng.", "d5.k2", "", "Văn phòng Tỉnh ủy")):
        assert Threads([thread], {heading}).holding(
            Comment("", 1, by, on, CommentType.SUBSTANTIVE, text, proposal, author=author)) is None, (author, text)


def test_both_clones_name_the_same_copy_to_withdraw_and_check_warns_when_every_copy_is_withdrawn(
        clones: tuple[Workspace, Workspace], invoke: Invoke) -> None:
    # r37 sweep BQ 1: one Word reply imported on two machines; each sync named the copy from origin as the one to
    # withdraw, so Lan was told to withdraw Minh's copy and Minh Lan's; both did, and the body's comment left the
    # report as withdrawn by the body, twice, without a word from `check`.
    lan, minh = clones
    for ws in (lan, minh):
        assert invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", TEXT).exit_code == 0
    (lans,), (minhs,) = (_ids(ws) for ws in (lan, minh))
    _synced(lan, invoke)
    minh_said = _synced(minh, invoke)
    lan_said = _synced(lan, invoke)
    earlier, later = _ids(lan)
    assert _ids(minh) == [earlier, later]  # one order on both clones: what the two files hold
    for said, came, here in ((minh_said, lans, minhs), (lan_said, minhs, lans)):
        assert f"Comment {came} from origin ({BODY}, khoản 2 Điều 5, round 1) repeats comment {here} recorded here" \
            in said, said
        assert f"answer {earlier} and record {later} as withdrawn" in said, said
        assert f"`regdraft comment respond {later} --disposition withdrawn --reply TEXT`" in said, said
    # Each drafter does what their machine says: one copy is withdrawn, once.
    for ws in (lan, minh):
        done = invoke(ws, "comment", "respond", later, "--disposition", "withdrawn", "--reply", f"Trùng với {earlier}.")
        assert done.exit_code == 0, done.output
    assert "repeats comment" not in invoke(lan, "check").output
    # Both copies withdrawn (as the sweep's two drafters did): `check` warns that the body's comment is gone.
    done = invoke(lan, "comment", "respond", earlier, "--disposition", "withdrawn", "--reply", f"Trùng với {later}.")
    assert done.exit_code == 0, done.output
    checked = invoke(lan, "check")
    assert checked.exit_code == 0, checked.output
    assert (f"amendments/{SLUG}/comments/{earlier}.yaml:1: warning: comment {earlier} by {BODY} on khoản 2 Điều 5 in "
            f"round 1 and {later}, the same comment recorded 2 times, are all answered as withdrawn: the report lists "
            "the body's comment as withdrawn by the body (Đã rút ý kiến) and counts the body as agreeing. Unless the "
            f"body took it back, answer {earlier} as the office decided (`regdraft comment respond {earlier} "
            "--disposition accepted|partly|rejected|noted|withdrawn --reply TEXT`).") in checked.output, checked.output


def test_withdrawn_copies_are_the_sets_of_one_comment_all_withdrawn() -> None:
    from regdraft.core.repeats import withdrawn_copies

    gone = Disposition.WITHDRAWN
    one = Comment("a1", 1, BODY, "d5.k2", CommentType.SUBSTANTIVE, TEXT, disposition=gone)
    two = Comment("b2", 1, BODY, "d5.k2", CommentType.SUBSTANTIVE, TEXT, disposition=gone, author="An")
    other = Comment("c3", 1, BODY, "d5.k2", CommentType.SUBSTANTIVE, TEXT, disposition=gone, author="Bình")
    kept = Comment("d4", 1, BODY, "d5.k2", CommentType.SUBSTANTIVE, TEXT, author="An")
    assert withdrawn_copies([one, two]) == [(one, two)]
    assert withdrawn_copies([two, other]) == []  # two people's comments, each withdrawn once
    assert withdrawn_copies([one, two, other]) == [(one, two), (one, other)]
    assert withdrawn_copies([one, two, kept]) == []  # An's comment is still answered
    assert withdrawn_copies([one]) == [] and withdrawn_copies([one, Comment("e5", 1, BODY, "d5.k1",
                                                                             CommentType.SUBSTANTIVE, TEXT,
                                                                             disposition=gone)]) == []

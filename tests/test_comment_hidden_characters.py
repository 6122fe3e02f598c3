"""A comment file holding a direction override (U+202E) or a C1 control (U+009B, a terminal's command) in its text,
its body or its author (r36 sweep BK F5): `check` said nothing, and `comment list` printed them raw (the words after
U+202E reversed, `\\x9b2J` clearing the screen). `check` now warns at the file's line, and the comment commands print
them escaped, as a sync prints what another clone sent; --json keeps the text exact."""

from __future__ import annotations

import json

from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SLUG = "mini-sua"


def _received(ws: Workspace) -> tuple[str, str]:
    """A comment whose file a colleague edited by hand (YAML escapes in quoted values); its path and text."""
    made = rounds.add_comment(ws, SLUG, "Ban A", "d1", "Đề nghị làm rõ.", person="Lê Văn Ba")
    path = f"amendments/{SLUG}/comments/{made.id}.yaml"
    text = (ws.root / path).read_text(encoding="utf-8")
    crafted = (text.replace("text: Đề nghị làm rõ.", 'text: "Ý kiến \\u202egnol\\u202c \\u009b2J hết"')
               .replace("author: Lê Văn Ba", 'author: "Lê\\u202eXYZ"').replace("by: Ban A", 'by: "Ban\\u009b A"'))
    assert crafted.count("\\u") == 5, crafted
    ws.commit({path: crafted.encode("utf-8")}, "Received from a colleague")
    return path, crafted


def test_check_warns_at_each_line_and_comment_list_prints_them_escaped(consulting_workspace: Workspace,
                                                                       invoke: Invoke) -> None:
    ws = consulting_workspace
    path, crafted = _received(ws)
    lines = {key: 1 + [row.startswith(f"{key}:") for row in crafted.splitlines()].index(True)
             for key in ("text", "author", "by")}
    checked = invoke(ws, "check")
    said = " ".join(checked.output.split())
    assert checked.exit_code == 0, said  # a warning: the comment reads, its words as written
    assert (f"{path}:{lines['text']}: warning: 'text:' holds the invisible character U+202E (right-to-left "
            "override), which no legal text holds: it shows letters in another order than they are stored; retype "
            "the text around it.") in said, said
    assert f"{path}:{lines['author']}: warning: 'author:' holds the invisible character U+202E" in said
    assert (f"{path}:{lines['by']}: warning: 'by:' holds the control character U+009B, which no legal text holds; "
            "retype the text around it.") in said
    assert "\x9b" not in checked.output and "'Ban\\x9b A' is not a body consulted" in said, said  # another warning
    listed = invoke(ws, "comment", "list", SLUG)
    assert listed.exit_code == 0, listed.output
    assert "\u202e" not in listed.output and "\x9b" not in listed.output, repr(listed.output)
    assert "Ban\\x9b A (Lê\\u202eXYZ): Ý kiến \\u202egnol\\u202c \\x9b2J hết" in listed.output, listed.output
    shown = invoke(ws, "round", "show", SLUG)
    assert "\u202e" not in shown.output and "\x9b" not in shown.output, repr(shown.output)
    exact = json.loads(invoke(ws, "comment", "list", SLUG, "--json").output)
    assert [(c["by"], c["author"], c["text"]) for c in exact] == [
        ("Ban\x9b A", "Lê\u202eXYZ", "Ý kiến \u202egnol\u202c \x9b2J hết")]


def test_a_persons_words_keep_their_joiners_without_a_warning(consulting_workspace: Workspace,
                                                              invoke: Invoke) -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # three people joined (`web.actions.WORDS`)
    rounds.add_comment(consulting_workspace, SLUG, "Ban A", "d1", f"Gia đình {family} đồng ý.")
    checked = invoke(consulting_workspace, "check")
    assert "comments/" not in checked.output, checked.output


def test_a_joiner_inside_a_vietnamese_word_is_named(consulting_workspace: Workspace, invoke: Invoke) -> None:
    # It joins nothing a reader sees (no Vietnamese word is spelt with one) and hides `thủ tục` from a search (r37).
    made = rounds.add_comment(consulting_workspace, SLUG, "Ban A", "d1", "Đề nghị rút gọn thủ tục.")
    path = f"amendments/{SLUG}/comments/{made.id}.yaml"
    text = (consulting_workspace.root / path).read_text(encoding="utf-8")
    consulting_workspace.commit({path: text.replace("thủ tục", 'thủ\u200dtục').encode()}, "From a colleague")
    checked = invoke(consulting_workspace, "check")
    assert checked.exit_code == 0, checked.output
    assert "'text:' holds the invisible character U+200D (zero width joiner)" in " ".join(checked.output.split())


def test_one_warning_alone_fails_no_check(consulting_workspace: Workspace, invoke: Invoke) -> None:
    # A comment file whose one problem was this warning was listed as unreadable, and `check` failed on it (r37).
    made = rounds.add_comment(consulting_workspace, SLUG, "Ban A", "d1", "Đề nghị làm rõ.")
    path = f"amendments/{SLUG}/comments/{made.id}.yaml"
    text = (consulting_workspace.root / path).read_text(encoding="utf-8")
    crafted = text.replace("text: Đề nghị làm rõ.", 'text: "Đề nghị \\u202elàm rõ."')
    consulting_workspace.commit({path: crafted.encode()}, "From a colleague")
    checked = invoke(consulting_workspace, "check")
    assert checked.exit_code == 0, checked.output
    assert "No problems found (1 warning)." in checked.output

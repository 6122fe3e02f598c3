"""Every character Unicode marks Default_Ignorable_Code_Point is an invisible one regdraft leaves out (r37 sweep BP F4).

A tag character (U+E0041), a variation selector (U+FE0F, U+E0100), a Hangul filler (U+3164, U+115F), the combining
grapheme joiner (U+034F) or a Khmer inherent vowel (U+17B4) inside `Ban Thường vụ` passed `check` ("No problems
found"), `show` printed it, and a .txt holding 300,000 U+E0041 imported with "The file passes `regdraft check`": each
hides the words around it from a search as a soft hyphen does. `core.text.INVISIBLE` now holds the whole property,
as DerivedCoreProperties.txt of Unicode 14.0 (Python 3.11's unicodedata, which has no such property) lists it, below:
import and `fmt` leave them out and say how many, `check` names the line, `show` and `list` never print one. A
person's words in a comment keep the joiners a script or an emoji needs, as before, and now the presentation
selector an emoji needs (❤️, 1️⃣); a regulation's text keeps none. Luật Thanh niên 57/2020/QH14 (../shared/corpus)
is the text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regdraft.core.text import CONTROL, control_character, plain, shown_text, visible
from regdraft.importer import plaintext
from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, Invoke, in_corpus

# `grep '; Default_Ignorable_Code_Point ' DerivedCoreProperties.txt` of Unicode 14.0.0, as published (one name
# shortened to fit a line).
DERIVED = """\
00AD          ; Default_Ignorable_Code_Point # Cf       SOFT HYPHEN
034F          ; Default_Ignorable_Code_Point # Mn       COMBINING GRAPHEME JOINER
061C          ; Default_Ignorable_Code_Point # Cf       ARABIC LETTER MARK
115F..1160    ; Default_Ignorable_Code_Point # Lo   [2] HANGUL CHOSEONG FILLER..HANGUL JUNGSEONG FILLER
17B4..17B5    ; Default_Ignorable_Code_Point # Mn   [2] KHMER VOWEL INHERENT AQ..KHMER VOWEL INHERENT AA
180B..180D    ; Default_Ignorable_Code_Point # Mn   [3] MONGOLIAN FREE VARIATION SELECTOR ONE..THREE
180E          ; Default_Ignorable_Code_Point # Cf       MONGOLIAN VOWEL SEPARATOR
180F          ; Default_Ignorable_Code_Point # Mn       MONGOLIAN FREE VARIATION SELECTOR FOUR
200B..200F    ; Default_Ignorable_Code_Point # Cf   [5] ZERO WIDTH SPACE..RIGHT-TO-LEFT MARK
202A..202E    ; Default_Ignorable_Code_Point # Cf   [5] LEFT-TO-RIGHT EMBEDDING..RIGHT-TO-LEFT OVERRIDE
2060..2064    ; Default_Ignorable_Code_Point # Cf   [5] WORD JOINER..INVISIBLE PLUS
2065          ; Default_Ignorable_Code_Point # Cn       <reserved-2065>
2066..206F    ; Default_Ignorable_Code_Point # Cf  [10] LEFT-TO-RIGHT ISOLATE..NOMINAL DIGIT SHAPES
3164          ; Default_Ignorable_Code_Point # Lo       HANGUL FILLER
FE00..FE0F    ; Default_Ignorable_Code_Point # Mn  [16] VARIATION SELECTOR-1..VARIATION SELECTOR-16
FEFF          ; Default_Ignorable_Code_Point # Cf       ZERO WIDTH NO-BREAK SPACE
FFA0          ; Default_Ignorable_Code_Point # Lo       HALFWIDTH HANGUL FILLER
FFF0..FFF8    ; Default_Ignorable_Code_Point # Cn   [9] <reserved-FFF0>..<reserved-FFF8>
1BCA0..1BCA3  ; Default_Ignorable_Code_Point # Cf   [4] SHORTHAND FORMAT LETTER OVERLAP..SHORTHAND FORMAT UP STEP
1D173..1D17A  ; Default_Ignorable_Code_Point # Cf   [8] MUSICAL SYMBOL BEGIN BEAM..MUSICAL SYMBOL END PHRASE
E0000         ; Default_Ignorable_Code_Point # Cn       <reserved-E0000>
E0001         ; Default_Ignorable_Code_Point # Cf       LANGUAGE TAG
E0002..E001F  ; Default_Ignorable_Code_Point # Cn  [30] <reserved-E0002>..<reserved-E001F>
E0020..E007F  ; Default_Ignorable_Code_Point # Cf  [96] TAG SPACE..CANCEL TAG
E0080..E00FF  ; Default_Ignorable_Code_Point # Cn [128] <reserved-E0080>..<reserved-E00FF>
E0100..E01EF  ; Default_Ignorable_Code_Point # Mn [240] VARIATION SELECTOR-17..VARIATION SELECTOR-256
E01F0..E0FFF  ; Default_Ignorable_Code_Point # Cn [3600] <reserved-E01F0>..<reserved-E0FFF>
"""
RANGES = [(int(first, 16), int((last or first), 16)) for first, _, last in
          (line.split(";")[0].strip().partition("..") for line in DERIVED.splitlines())]
LISTED = frozenset(code for first, last in RANGES for code in range(first, last + 1))
EVERY = "".join(map(chr, sorted(LISTED)))
# The code points on either side of each range, but U+FFF9, the interlinear annotation anchor, which regdraft holds
# invisible too (`HIDDEN`).
NEIGHBOURS = "".join(chr(code) for first, last in RANGES for code in (first - 1, last + 1)
                     if code not in LISTED and code != 0xFFF9)
PARAGRAPH_SEPARATOR = "\u2029"  # a neighbour (of U+202A) that is a control character

TAG_A, ZWJ = "\U000e0041", "\u200d"
# One of each kind the sweep found, each inside a word of Luật Thanh niên's text.
KINDS = {"\U000e0041": "tag latin capital letter a", "\U000e0100": "variation selector-17",
         "\ufe0f": "variation selector-16", "\u3164": "hangul filler", "\u115f": "hangul choseong filler",
         "\u034f": "combining grapheme joiner", "\u17b4": "khmer vowel inherent aq",
         "\U0001d173": "musical symbol begin beam", "\ufff0": "unassigned: reserved for an invisible character"}
THANH_NIEN = "regulations/57-2020-QH14.md"
WORDS = "thanh niên"


def said(output: str) -> str:
    return " ".join(output.split())


def test_every_default_ignorable_character_is_invisible_and_none_beside_them() -> None:
    assert len(EVERY) == 4174
    assert visible(EVERY) == "" and visible(EVERY, joiners=True) == ""  # a joiner among them joins nothing
    assert [found.start() for found in CONTROL.finditer(EVERY)] == list(range(len(EVERY)))
    assert not any(plain(char) for char in EVERY)
    assert all((control_character(f"Ban Th{char}ường vụ") or "").startswith("the invisible character U+")
               for char in EVERY)
    assert all(char not in shown_text(f"a{char}b") for char in EVERY)  # escaped: `\U000e0041`
    assert len(NEIGHBOURS) == 33
    assert visible(NEIGHBOURS) == NEIGHBOURS == visible(NEIGHBOURS, joiners=True)
    assert [found.group() for found in CONTROL.finditer(NEIGHBOURS)] == [PARAGRAPH_SEPARATOR]
    assert all(plain(char) == (char < "\ud800") for char in NEIGHBOURS if char != PARAGRAPH_SEPARATOR)


def test_a_persons_words_keep_the_presentation_selector_an_emoji_needs_and_no_other() -> None:
    typed = "Nhất trí ❤\ufe0f, 🏳\ufe0f\u200d🌈, 1\ufe0f\u20e3 và ☎\ufe0e."
    assert visible(typed, joiners=True) == typed
    assert visible(typed) == "Nhất trí ❤, 🏳🌈, 1\u20e3 và ☎."  # a regulation's text: none
    # After a letter or a space, doubled, before a joiner after a letter, and every other variation selector, the
    # tags but an emoji flag's sequence, and the fillers: out. An ideographic variation selector after a Han
    # ideograph, and a flag's tag sequence (Scotland's), are kept (r38: tests/test_flag_tags_kept.py).
    scotland = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert visible(f"Ban\ufe0f Thường\ufe0e vụ ❤\ufe0f\ufe0f \ufe0f😀 a\ufe0f{ZWJ}😀 葛\U000e0100 ≩\ufe00 "
                   f"{scotland} \u3164 a\U000e0100 🏴\U000e0067\U000e0062", joiners=True) \
        == f"Ban Thường vụ ❤\ufe0f 😀 a😀 葛\U000e0100 ≩ {scotland}  a 🏴"
    assert shown_text(typed, joiners=True) == typed  # `comment list`: the emoji as typed
    assert shown_text(f"❤\ufe0f Ban Th{TAG_A}ường", joiners=True) == "❤\ufe0f Ban Th\\U000e0041ường"


def test_an_import_reads_a_run_of_tag_characters_in_proportion(monkeypatch: pytest.MonkeyPatch) -> None:
    # As the sweep's 300,000 in a line, which imported in a second (`test_invisible_cost` for soft hyphens).
    def read(run: int) -> tuple[list[str], int]:
        counted = [0]
        clean = plaintext.clean

        def counting(text: str) -> str:
            counted[0] += len(text)
            return clean(text)

        monkeypatch.setattr(plaintext, "clean", counting)
        text = f"QUY CHẾ\n\nĐiều 1. Phạm vi\n\nQuy chế này quy định chế {TAG_A * run}độ làm việc.\n"
        paragraphs, _, notes = plaintext.read_text(text.encode("utf-8"), "quy-che.txt")
        assert TAG_A not in "".join(p.text for p in paragraphs)
        return [f"{note.message} «{note.text}»" for note in notes], counted[0]

    run = 20_000
    notes, once = read(run)
    assert [note for note in notes if "invisible" in note] == [
        f"{run} invisible characters (U+E0041 (tag latin capital letter a)) left out, the first in this line: no "
        "legal text holds them. «chế độ làm»"], notes
    _, twice = read(2 * run)
    assert twice - once < 10 * run, (once, twice)


def test_import_leaves_them_out_of_a_laws_text_and_says_so(empty_workspace: Workspace, invoke: Invoke,
                                                            tmp_path: Path) -> None:
    source = in_corpus(CORPUS / "luat-thanh-nien.txt").read_text(encoding="utf-8")
    assert source.count(WORDS) > len(KINDS)
    hidden, at = source, -1
    for char in KINDS:  # each inside the next `thanh niên`
        at = hidden.index(WORDS, at + 1)
        hidden = f"{hidden[:at]}than{char}h niên{hidden[at + len(WORDS):]}"
    (tmp_path / "clean.txt").write_text(source, encoding="utf-8")
    (tmp_path / "hidden.txt").write_text(hidden, encoding="utf-8")
    clean = invoke(None, "import", str(tmp_path / "clean.txt"), "-o", str(tmp_path / "clean.md"))
    assert clean.exit_code == 0, clean.output
    result = invoke(None, "import", str(tmp_path / "hidden.txt"), "-o", str(tmp_path / "hidden.md"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "hidden.md").read_text(encoding="utf-8") == (tmp_path / "clean.md").read_text(encoding="utf-8")
    names = ", ".join(f"U+{ord(char):04X} ({name})" for char, name in KINDS.items())
    assert f"{len(KINDS)} invisible characters ({names}) left out, the first in this line" in said(result.output)


def test_check_names_them_in_a_stored_regulation_show_never_prints_one_and_fmt_leaves_them_out(
        empty_workspace: Workspace, invoke: Invoke) -> None:
    ws = empty_workspace
    in_corpus(CORPUS)
    assert invoke(ws, "import", str(CORPUS / "luat-thanh-nien.txt")).exit_code == 0
    clean = ws.read(THANH_NIEN).decode()
    lines = clean.split("\n")
    held = [n for n, line in enumerate(lines) if WORDS in line][:len(KINDS)]
    for n, char in zip(held, KINDS, strict=True):
        lines[n] = lines[n].replace(WORDS, f"than{char}h niên", 1)
    ws.commit({THANH_NIEN: "\n".join(lines).encode()}, "As a colleague's editor saved it")
    checked = invoke(ws, "check")
    assert checked.exit_code == 1, checked.output
    for n, (char, name) in zip(held, KINDS.items(), strict=True):
        [line] = [line for line in checked.output.splitlines() if line.startswith(f"{THANH_NIEN}:{n + 1}: ")]
        assert (f"This line holds the invisible character U+{ord(char):04X} ({name}), which no legal text holds: it "
                "cannot be seen, yet a search for the words around it does not find them; `regdraft fmt` leaves it "
                "out of the file") in line, line
    shown = invoke(ws, "show", "57/2020/QH14")
    assert shown.exit_code == 0 and shown.output.count(WORDS) >= len(KINDS), shown.output
    assert visible(shown.output) == shown.output
    done = invoke(ws, "fmt")
    assert done.exit_code == 0 and f"{len(KINDS)} invisible characters" in done.output, done.output
    assert ws.read(THANH_NIEN).decode() == clean
    assert invoke(ws, "check").exit_code == 0


SLUG, BODY = "tn-sua", "Bộ Nội vụ"


@pytest.fixture
def ws(thanh_nien_ws: Workspace) -> Workspace:
    """A copy of Luật Thanh niên's workspace with its round open (`conftest.thanh_nien_ws`), the test's own."""
    return thanh_nien_ws


def test_a_comment_keeps_an_emojis_selector_and_loses_the_tags(ws: Workspace, invoke: Invoke) -> None:
    text = f"Nhất trí ❤\ufe0f; đề nghị Ban Th{TAG_A * 3}ường vụ\ufe0f xem lại."
    added = invoke(ws, "comment", "add", SLUG, "--by", f"Bộ Nội{TAG_A} vụ", "--on", "d6.k2", "--text", text)
    assert added.exit_code == 0, added.output
    (comment,) = load_comments(ws, SLUG)
    assert comment.text == "Nhất trí ❤\ufe0f; đề nghị Ban Thường vụ xem lại." and comment.by == BODY
    assert ("5 invisible characters (U+E0041 (tag latin capital letter a), U+FE0F (variation selector-16)) left out, "
            "the first in the comment's text: no legal text holds them. «Ban Thường vụ»") in said(added.output)
    listed = invoke(ws, "comment", "list", SLUG)
    assert "Nhất trí ❤\ufe0f; đề nghị Ban Thường vụ xem lại." in listed.output, listed.output
    checked = invoke(ws, "check")  # the emoji's selector is no invisible character a person's words hide
    assert checked.exit_code == 0 and "invisible" not in checked.output, checked.output


def test_a_colleagues_comment_holding_a_tag_is_named_and_never_printed(ws: Workspace, invoke: Invoke) -> None:
    invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d6.k2", "--text", "Đề nghị Ban Thường vụ xem lại.")
    (comment,) = load_comments(ws, SLUG)
    path = f"amendments/{SLUG}/comments/{comment.id}.yaml"
    text = ws.read(path).decode()
    ws.commit({path: text.replace("text: Đề nghị Ban Thường vụ xem lại.",
                                  'text: "Đề nghị Ban Th\\U000E0041ường vụ xem lại."').encode()}, "From a colleague")
    checked = invoke(ws, "check")
    assert checked.exit_code == 0, checked.output
    assert "'text:' holds the invisible character U+E0041 (tag latin capital letter a)" in said(checked.output)
    listed = invoke(ws, "comment", "list", SLUG)
    assert TAG_A not in listed.output and "Ban Th\\U000e0041ường vụ" in listed.output, listed.output
    exact = invoke(ws, "comment", "list", SLUG, "--json")
    assert TAG_A not in exact.output and "\\udb40\\udc41" in exact.output  # JSON's escape: the two surrogates
    assert json.loads(exact.output)[0]["text"] == f"Đề nghị Ban Th{TAG_A}ường vụ xem lại."

"""Every profile phrase the code fills in is checked when the profile is read (sweep r23 s2security defects 4 and
5): seven phrases with fields were missing from `profile_checks.FIELDS`, so `note_provisions: "{x}"` passed
`regdraft check` and `export` ended in a KeyError traceback; and a field's format (`{draft:>300000000}`) passed
too, so `redline` wrote a 300 MB file.

The code is read for every `words["key"].format(...)` and `words.get("key", …).format(...)` of a profile phrase, so
that the next phrase given fields cannot slip by."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from regdraft.core.errors import ProfileError
from regdraft.render.profile import SHIPPED, _yaml, load_profile, shipped_texts, shipped_words
from regdraft.render.profile_checks import FIELDS, bad_fields
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

CODE = Path(__file__).resolve().parents[1] / "regdraft"


def formatted_phrases() -> dict[str, list[tuple[str, set[str] | None]]]:
    """Each profile phrase the code formats with a key written out: where, and the fields it passes (None when
    it passes `**` fields too)."""
    phrases = set(shipped_words())
    found: dict[str, list[tuple[str, set[str] | None]]] = {}
    for path in sorted(CODE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"):
                continue
            phrase = node.func.value
            key = None
            if isinstance(phrase, ast.Subscript) and isinstance(phrase.slice, ast.Constant):
                key = phrase.slice.value
            elif (isinstance(phrase, ast.Call) and isinstance(phrase.func, ast.Attribute) and phrase.func.attr == "get"
                  and phrase.args and isinstance(phrase.args[0], ast.Constant)):
                key = phrase.args[0].value
            if isinstance(key, str) and key in phrases:
                passed = {k.arg for k in node.keywords if k.arg is not None}
                unpacked = any(k.arg is None for k in node.keywords)
                where = f"{path.relative_to(CODE.parent)}:{node.lineno}"
                found.setdefault(key, []).append((where, None if unpacked else passed))
    return found


def test_the_code_is_read_for_the_phrases_it_fills_in() -> None:
    found = formatted_phrases()
    for key in ("draft_of", "note_provisions", "not_yet_in_force", "replaced_note", "cited_named", "report_person",
                "report_selection", "revision", "amending_title"):
        assert key in found, key


def test_every_phrase_the_code_fills_in_has_its_fields_checked() -> None:
    missing = {key: [where for where, _ in uses] for key, uses in formatted_phrases().items() if key not in FIELDS}
    assert not missing, f"add these phrases and their fields to profile_checks.FIELDS: {missing}"


def test_every_field_a_phrase_may_use_is_given_where_it_is_filled_in() -> None:
    short = {f"{key} at {where}": sorted(FIELDS[key] - passed)
             for key, uses in formatted_phrases().items() if key in FIELDS
             for where, passed in uses if passed is not None and FIELDS[key] - passed}
    assert not short, f"FIELDS allows a field the code does not give: {short}"


def test_every_shipped_phrase_with_fields_has_its_fields_checked() -> None:
    """Phrases filled in under a key the code computes (`note_amended`, `comparison_running`) are found here."""
    unchecked = []
    for name in shipped_texts():
        for language, phrases in _yaml(shipped_texts()[name])["words"].items():
            for key, phrase in phrases.items():
                fields = [f for _, f, _, _ in string.Formatter().parse(str(phrase)) if f is not None]
                if fields and key not in FIELDS:
                    unchecked.append(f"{name}.{language}.{key}")
                assert not bad_fields(key, str(phrase)), (name, key)
    assert not unchecked


def _use(ws: Workspace, text: str) -> None:
    config = (ws.root / "regdraft.yaml").read_text(encoding="utf-8").replace("profile: party-36", "profile: office")
    ws.commit({"profiles/office.yaml": text.encode(), "regdraft.yaml": config.encode()}, "The office's profile")


@pytest.mark.parametrize(("key", "phrase", "field"), [
    ("note_provisions", "{x}", "{x}"), ("not_yet_in_force", "{documents} {when}", "{when}"),
    ("replaced_note", "{0}", "{0}"), ("cited_named", "{title.upper}", "{title.upper}"),
    ("report_person", "({name})", "{name}"), ("report_selection", "{text}", "{text}"), ("revision", "{sha}", "{sha}"),
])
def test_check_names_an_unknown_field_in_the_seven_phrases(tmp_workspace: Workspace, invoke: Invoke, key: str,
                                                           phrase: str, field: str) -> None:
    _use(tmp_workspace, f'base: party-36\nwords:\n  vi:\n    notes: Ghi chú\n    {key}: "{phrase}"\n')
    checked = invoke(tmp_workspace, "check")
    assert checked.exit_code == 1, checked.output
    assert f"profiles/office.yaml:5: words.vi.{key}: the field {field} is unknown; use {{" in checked.output
    assert "Traceback" not in checked.output


@pytest.mark.parametrize(("phrase", "shown"), [
    ("{draft:>300000000} {title}", "{draft:>300000000}"),
    ("{title} {draft!r}", "{draft!r}"),
    ("{draft:{title}}", "{draft:{title}}"),
    ("{draft:.2} {title}", "{draft:.2}"),
    ("{draft!s:" + "9" * 60 + "}", "{draft!s:" + "9" * 30 + "…"),
])
def test_a_phrase_whose_field_has_a_format_is_refused(phrase: str, shown: str) -> None:
    office = f'base: party-36\nwords:\n  en:\n    draft_of: "{phrase}"\n'
    with pytest.raises(ProfileError) as caught:
        load_profile({"profile": "office"}, workspace={"office": office})
    assert caught.value.found == ((f"words.en.draft_of: the field {shown} has a format or conversion after its "
                                   "name, which a phrase may not have; write the field as {draft}.",
                                   ("words", "en", "draft_of")),)


def test_check_names_the_padded_phrase_of_the_sweep(tmp_workspace: Workspace, invoke: Invoke) -> None:
    _use(tmp_workspace, 'base: party-36\nwords:\n  vi:\n    draft_of: "{draft:>300000000} {title}"\n')
    checked = invoke(tmp_workspace, "check")
    assert checked.exit_code == 1, checked.output
    assert ("profiles/office.yaml:4: words.vi.draft_of: the field {draft:>300000000} has a format or conversion"
            in checked.output)


def test_the_shipped_profiles_are_where_the_walk_reads_them() -> None:
    assert (SHIPPED / "party-36.yaml").is_file()


def test_a_phrase_repeating_a_field_or_too_long_is_refused_at_its_line(tmp_workspace: Workspace,
                                                                       invoke: Invoke) -> None:
    # r23 s10security defect 2: `page.number_format` with `{word}` 10,000 times and a 100 KB `words.vi.page` ended
    # `export --format docx` in a MemoryError at 3.7 GB; `draft_of` with `{title}` 500 times made a 9 MB label.
    fmt = "{page}" + "{word}" * 10000
    _use(tmp_workspace, f'base: party-36\npage:\n  number_format: "{fmt}"\nwords:\n  vi:\n    page: "Trang"\n')
    checked = invoke(tmp_workspace, "check")
    assert checked.exit_code == 1, checked.output
    assert ("profiles/office.yaml:3: profile.page.number_format is 60,006 characters long; a profile's phrase or "
            "setting holds at most 1,000" in checked.output), checked.output
    assert "Traceback" not in checked.output
    _use(tmp_workspace, 'base: party-36\npage:\n  number_format: "{page}{word}{word}{word}{word}"\n')
    checked = invoke(tmp_workspace, "check")
    assert "profiles/office.yaml:3: profile.page.number_format: the field {word} is used 4 times; a phrase uses " \
           "each field at most 3 times" in checked.output, checked.output
    _use(tmp_workspace, f'base: party-36\nwords:\n  vi:\n    page: "{"Trang" * 20000}"\n')
    checked = invoke(tmp_workspace, "check")
    assert "profiles/office.yaml:4: words.vi.page: the phrase is 100,000 characters long" in checked.output
    _use(tmp_workspace, f'base: party-36\nwords:\n  vi:\n    draft_of: "{"{title}" * 100}"\n')
    checked = invoke(tmp_workspace, "check")
    assert "profiles/office.yaml:4: words.vi.draft_of: the field {title} is used 100 times" in checked.output
    # The shipped phrases use a field twice at most: `{word} {page}/{pages}` and three uses stay allowed.
    assert not bad_fields("draft_of", "{draft} {draft} {draft} {title}")


def test_the_shipped_words_pass_the_checks_a_loaded_profile_is_spared(monkeypatch: pytest.MonkeyPatch) -> None:
    """A shipped profile's words are the package's own: `load_profile` checks only a workspace's (thirty-eighth
    round: 1 ms of every command), so every shipped profile must pass the checks it skips; a workspace's profile is
    still checked, a shipped one's base and all."""
    from regdraft.render import profile as profiles

    for name, text in shipped_texts().items():
        profiles._check_words(_yaml(text).get("words"), f"the shipped profile {name}", "")  # raises on a problem
    asked: list[str] = []

    def counted(key: str, phrase: str) -> str:
        asked.append(key)
        return bad_fields(key, phrase)

    monkeypatch.setattr(profiles, "bad_fields", counted)
    for name in shipped_texts():
        load_profile({"profile": name})
    assert asked == []
    own = "base: party-36\nwords:\n  vi:\n    revision: 'bản {commit}'\n"
    load_profile({"profile": "office"}, workspace={"office": own})
    assert asked == ["revision"]

"""Document profiles: page, fonts, header block, signature and every fixed word a document prints.

A profile is data: a YAML file shipped in `regdraft/profiles/` (`party-36`, the Party format of
Hướng dẫn 36-HD/VPTW, the default; `state-30`, state administrative documents of Nghị định
30/2020/NĐ-CP). A workspace may override a shipped profile or add its own in `profiles/<name>.yaml`
(`base: party-36` inherits every key it does not give). A document's front matter chooses one
with `profile: NAME`; otherwise regdraft.yaml does, by name or as a mapping that names a profile
and overrides flat settings:

    profile:
      name: party-36
      body_pt: 13

Post-conditions of `load_profile`:
1. The result is a known profile (shipped or the workspace's), possibly with settings overridden.
2. An unknown name, key or setting raises `RegdraftError` naming the file and the known ones.
3. `words(language)` gives every fixed phrase in that language, Vietnamese where it has none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from regdraft.core.counts import is_are, several
from regdraft.core.dates import written_date
from regdraft.core.errors import ProfileError, RegdraftError
from regdraft.core.frontmatter import compose_yaml, load_yaml
from regdraft.render.profile_checks import bad_fields, invalid

SHIPPED = Path(__file__).resolve().parent.parent / "profiles"
DEFAULT = "party-36"
MAX_BASES = 8  # a profile's chain of `base:` profiles, itself left out (the shipped ones build on one)


class ChainTooLong(ProfileError):
    """A profile whose `base:` chain passes `MAX_BASES`; `chain` holds the profiles read, the refused one first."""

    def __init__(self, where: str, found: Sequence[tuple[str, Sequence[str]]], *, source: str,
                 chain: tuple[str, ...]) -> None:
        super().__init__(where, found, source=source)
        self.chain = chain


@dataclass(frozen=True, slots=True)
class Profile:
    """How documents of one office look on paper (sizes in mm and points) and the words they print."""

    name: str
    description: str = ""
    page_size: str = "A4"
    margin_top: float = 20
    margin_bottom: float = 20
    margin_left: float = 30
    margin_right: float = 15
    page_numbers: str = "bottom"
    number_first_page: bool = True
    # How a page number prints: `{word}` the profile's word for a page (`Trang`), `{page}` its number, `{pages}`
    # the count (Party documents: `Trang 2/6`; Nghị định 30/2020, Phụ lục I: the bare Arabic number, `{page}`).
    page_number_format: str = "{word} {page}/{pages}"
    # An English document's, when it differs (`{word} {page} of {pages}`: Page 2 of 6); empty: `page_number_format`.
    page_number_format_en: str = ""
    font_family: str = "Times New Roman"
    body_pt: float = 14
    national_pt: float = 15
    issuer_pt: float = 14
    # The type line (`QUY CHẾ`, `NGHỊ ĐỊNH`) and the page number, in points: Party documents print the type at 15,
    # Nghị định 30/2020/NĐ-CP (Phụ lục I) both at 13 to 14.
    type_pt: float = 15
    page_number_pt: float = 11
    # The draft mark (`DỰ THẢO lần 2`), bold in a box: Nghị định 30/2020/NĐ-CP gives no draft mark; Thông tư
    # 01/2011/TT-BNV, which it replaced, set it in capitals, 13 to 14 pt, upright, bold, in a single-line box.
    draft_pt: float = 15
    national_default: str = "ĐẢNG CỘNG SẢN VIỆT NAM"
    national_en: str = "COMMUNIST PARTY OF VIETNAM"  # an English document's national line and motto
    motto: str = ""
    motto_en: str = ""
    rule_under: str = "national"
    issuer_mark: str = "*"
    issuer_rule: bool = False
    number_colon: bool = False
    summary_capital: bool = False  # the summary under the type opens with a capital (`Về …`, Nghị định 30/2020)
    summary_rule: bool = False  # a short solid rule under the summary (trích yếu), 1/3 to 1/2 its length (Phụ lục I)
    recipients_pt: float = 12
    recipients_title_underline: bool = True
    cited_dates: str = "numeric"
    cited_dates_en: str = "words"  # an English document's: 9 January 2021, never 09/01/2021 (read as 1 September)
    vocabulary: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def draft_label(self) -> str:
        """The Vietnamese draft banner's word (`DỰ THẢO`)."""
        return self.words("vi")["draft"]

    def words(self, language: str) -> dict[str, str]:
        """Every fixed phrase in `language`; Vietnamese for a language or phrase the profile lacks."""
        return {**self.vocabulary.get("vi", {}), **self.vocabulary.get(language, {})}

    def cited_style(self, language: str) -> str:
        """How a document in `language` cites a date: `numeric` (09/01/2021) or `words` (`dates: cited`; an
        English one's `dates: cited_en`, words unless the profile says otherwise)."""
        return self.cited_dates_en if language == "en" else self.cited_dates

    def number_line(self, number: str, language: str = "vi", kind: str = "") -> str:
        """The document number as printed: `Số 01-QC/TU` (Party), `Số: 30/2020/NĐ-CP` (state), `No. ...` (English);
        a law's and an ordinance's with their type, as they print it (`Luật số: 57/2024/QH15`, `Pháp lệnh số: …`)."""
        word = self.words(language)["number"]
        typed = _TYPED_NUMBERS.get(kind.strip().lower()) if self.number_colon and language != "en" else None
        if typed:
            word = f"{typed} {word.lower()}"
        return f"{word}{':' if self.number_colon else ''} {number}"

    def page_number_parts(self, word: str, language: str = "vi") -> list[str]:
        """The page number's pieces in order: text, and the fields `{page}` and `{pages}` (Word's PAGE and NUMPAGES,
        the PDF's counters), from `page_number_format` (an English document's `page_number_format_en` when the
        profile gives one) with `{word}` filled in."""
        form = self.page_number_format_en if language == "en" and self.page_number_format_en else \
            self.page_number_format
        return [part for part in re.split(r"(\{page\}|\{pages\})", form.replace("{word}", word)) if part]

    def draft_line(self, draft: int | str, language: str = "vi") -> str:
        """The draft banner: `DỰ THẢO lần 2` (Vietnamese) or `DRAFT No. 2` (English)."""
        words = self.words(language)
        return f"{words['draft']} {words['draft_no']} {draft}" if str(draft).isdigit() else f"{words['draft']} {draft}"


# The state documents whose number line names their type (Luật 57/2024/QH15: `Luật số: 57/2024/QH15`; a code is a
# law: `Luật số: 91/2015/QH13`).
_TYPED_NUMBERS = {"luật": "Luật", "bộ luật": "Luật", "pháp lệnh": "Pháp lệnh"}


# Where each key of a profile file lands: (section, key) -> Profile field.
_KEYS: dict[tuple[str, str], str] = {
    ("page", "size"): "page_size", ("page", "margin_top"): "margin_top", ("page", "margin_bottom"): "margin_bottom",
    ("page", "margin_left"): "margin_left", ("page", "margin_right"): "margin_right",
    ("page", "numbers"): "page_numbers", ("page", "number_first_page"): "number_first_page",
    ("page", "number_format"): "page_number_format", ("page", "number_format_en"): "page_number_format_en",
    ("fonts", "family"): "font_family", ("fonts", "body_pt"): "body_pt", ("fonts", "national_pt"): "national_pt",
    ("fonts", "issuer_pt"): "issuer_pt", ("fonts", "type_pt"): "type_pt", ("fonts", "page_number_pt"): "page_number_pt",
    ("fonts", "draft_pt"): "draft_pt",
    ("header", "national"): "national_default", ("header", "motto"): "motto", ("header", "rule_under"): "rule_under",
    ("header", "national_en"): "national_en", ("header", "motto_en"): "motto_en",
    ("header", "issuer_mark"): "issuer_mark", ("header", "issuer_rule"): "issuer_rule",
    ("header", "number_colon"): "number_colon", ("header", "summary_capital"): "summary_capital",
    ("header", "summary_rule"): "summary_rule",
    ("signature", "recipients_pt"): "recipients_pt",
    ("signature", "recipients_title_underline"): "recipients_title_underline",
    ("dates", "cited"): "cited_dates", ("dates", "cited_en"): "cited_dates_en",
}
_SECTIONS = {"page", "fonts", "header", "signature", "dates"}
_FLAT = {f.name for f in fields(Profile)} - {"name", "vocabulary"}


@cache
def shipped_texts() -> dict[str, str]:
    """The profiles shipped in the package, by name, as YAML text."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(SHIPPED.glob("*.yaml"))}


def load_profile(config: Mapping[str, Any], meta: Mapping[str, Any] | None = None,
                 workspace: Mapping[str, str] | None = None) -> Profile:
    """The profile a document's front matter (`meta`) or else the workspace settings choose.

    `workspace` holds the workspace's own profile files (name -> YAML text), which override or
    add to the shipped ones.
    """
    setting = config.get("profile", DEFAULT)
    overrides: dict[str, Any] = {}
    if isinstance(setting, Mapping):
        overrides = {k: v for k, v in setting.items() if k != "name"}
        setting = setting.get("name", DEFAULT)
    chosen = str((meta or {}).get("profile") or setting)
    texts = {**shipped_texts(), **(workspace or {})}
    data = _resolved(chosen, texts, workspace or {}, ())
    profile = _profile(chosen, data, _file(chosen, workspace or {}))
    unknown = sorted(set(overrides) - _FLAT)
    if unknown:
        raise RegdraftError(
            f"regdraft.yaml: the {several(len(unknown), 'profile setting')} {', '.join(unknown)} "
            f"{is_are(len(unknown))} unknown; "
            f"known settings: {', '.join(sorted(_FLAT))}."
        )
    problems = [message for key, value in overrides.items() if (message := invalid(key, value))]
    if problems:
        raise RegdraftError("regdraft.yaml: " + " ".join(problems))
    return replace(profile, **overrides) if overrides else profile


def _source(name: str, workspace: Mapping[str, str]) -> str:
    return f"profiles/{name}.yaml" if name in workspace else f"the shipped profile {name}"


def _file(name: str, workspace: Mapping[str, str]) -> str:
    """The workspace file a profile comes from ("" for a shipped one), for `ProfileError`."""
    return f"profiles/{name}.yaml" if name in workspace else ""


def _resolved(name: str, texts: Mapping[str, str], workspace: Mapping[str, str],
              seen: tuple[str, ...]) -> dict[str, Any]:
    """A profile's keys with those of its base (and, for an override of a shipped profile, the shipped keys): the
    chain of bases read one after another, at most `MAX_BASES` deep (a chain of 1,100 profiles ended `check` in a
    RecursionError, r27 sweep T2 defect 5)."""
    levels: list[dict[str, Any]] = []
    own = workspace
    while True:
        data = _level(name, texts, workspace, seen)
        levels.append(data)
        base = data.get("base")
        if base is None and name in workspace and name in shipped_texts():
            texts, workspace = shipped_texts(), {}  # an override of the shipped profile: the shipped keys below
        elif base is not None:
            seen, name = (*seen, name), str(base)
            if len(seen) > MAX_BASES:
                raise ChainTooLong(_source(seen[0], own), [(
                    f"its `base` leads through more than {MAX_BASES} profiles ({' -> '.join(seen[:MAX_BASES + 1])} "
                    f"…); a profile builds on at most {MAX_BASES}: base it on one nearer a shipped profile.",
                    ("base",))], source=_file(seen[0], own), chain=seen)
        else:
            break
    merged: dict[str, Any] = {}
    for data in reversed(levels):
        merged = _merged(merged, data)
        # A header line given without its English (`national`, no `national_en`) is the office's line in both
        # languages: an English document under a board's profile printed the base's SOCIALIST REPUBLIC OF VIETNAM.
        header = data.get("header")
        if isinstance(header, Mapping):
            for key in ("national", "motto"):
                if key in header and f"{key}_en" not in header:
                    merged["header"][f"{key}_en"] = header[key]
    return merged


def _level(name: str, texts: Mapping[str, str], workspace: Mapping[str, str], seen: tuple[str, ...]) -> dict[str, Any]:
    """One profile's own keys, read from `texts` (`seen`: the profiles whose bases led to it)."""
    if name not in texts:
        message = (f"The profile '{name}' is unknown; use one of {', '.join(sorted(texts))} "
                   "(or add profiles/<name>.yaml to the workspace).")
        if seen:  # named as the base of a profile
            raise ProfileError(_source(seen[-1], workspace), [(f"its base '{name}' is unknown; use one of "
                               f"{', '.join(sorted(texts))} (or add profiles/{name}.yaml to the workspace).",
                               ("base",))], source=_file(seen[-1], workspace))
        raise RegdraftError(message)
    where = _source(name, workspace)
    file = _file(name, workspace)
    if name in seen:
        raise ProfileError(where, [(f"its `base` leads back to itself ({' -> '.join(seen)}).", ("base",))],
                           source=file)
    try:
        data = _yaml(texts[name]) or {}
    except Exception as exc:
        import yaml

        if not isinstance(exc, yaml.YAMLError):
            raise
        mark = getattr(exc, "problem_mark", None)
        at = f"at line {mark.line + 1}: " if mark is not None else ""
        raise ProfileError(where, [(f"is not valid YAML ({at}{getattr(exc, 'problem', None) or exc}).", ())],
                           source=file) from None
    if not isinstance(data, dict):
        raise ProfileError(where, [("a profile is YAML keys and values.", ())], source=file)
    if name in workspace:  # a shipped profile's words are the package's: checked by its tests, not on every load
        _check_words(data.get("words"), where, file)
    return data


def _check_words(words: Any, where: str, file: str) -> None:
    """The `words` of one profile file: text phrases per language, their fields known to regdraft."""
    if words is None:
        return
    if not isinstance(words, Mapping) or not all(isinstance(v, Mapping) for v in words.values()):
        raise ProfileError(where, [("`words` holds one list of phrases per language (vi:, en:).", ("words",))],
                           source=file)
    found: list[tuple[str, tuple[str, ...]]] = []
    for language, phrases in words.items():
        for key, phrase in phrases.items():
            keys, name = ("words", str(language), str(key)), f"words.{language}.{key}"
            if not isinstance(phrase, str):
                found.append((f"{name} is {_yaml_value(phrase)}; a phrase is text (put it in quotes when YAML "
                              "would read it otherwise).", keys))
            elif key == "month_names" and len(names := phrase.split(",")) != 12:
                found.append((f"{name} holds {len(names)} names; give the twelve months' names, January first, "
                              "separated by commas.", keys))
            elif message := bad_fields(str(key), phrase):
                found.append((f"{name}: {message}", keys))
    if found:
        raise ProfileError(where, found, source=file)


def _yaml_value(value: Any) -> str:
    """A YAML value as a drafter would recognise it: `empty`, `true`, `12`, `a list`."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return "a list of keys"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _yaml(text: str) -> Any:
    """The YAML of a profile, read once per process (a command chooses its profile several times)."""
    import copy

    return copy.deepcopy(_read_yaml(text))


@lru_cache(maxsize=32)
def _read_yaml(text: str) -> Any:
    """The values of a profile's YAML; a shipped profile's are kept in the user's cache, as plain values.

    Every command chooses a profile, and reading the shipped one's YAML meant importing PyYAML (about
    7 ms) and parsing it; kept, a warm command imports no YAML at all. A workspace's own profile is
    read each time: nothing of a workspace is kept outside it.
    """
    from regdraft.render import signed

    def parsed() -> Any:
        # libyaml's safe loader when PyYAML has it: the same values, read 8 times faster (6 ms a profile); checked
        # as every regdraft file is (a profile of 358 bytes with aliases made gigabytes of values).
        return load_yaml(text, quick=True)

    digest = hashlib.blake2b(f"{sys.version_info[:3]}".encode() + text.encode(), digest_size=16).hexdigest()
    shipped = text in shipped_texts().values()
    return signed.kept_value(signed.user_cache_folder() if shipped else None, f"profile-{digest}", parsed)


def _merged(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merged(out[key], value) if isinstance(value, Mapping) and isinstance(out.get(key), Mapping) \
            else value
    return out


def _profile(name: str, data: Mapping[str, Any], file: str = "") -> Profile:
    where = f"profiles/{name}.yaml" if file else f"the profile {name}"
    values: dict[str, Any] = {"name": name, "description": str(data.get("description") or "")}
    unknown = sorted(set(data) - _SECTIONS - {"name", "base", "description", "words"})
    for section in sorted(_SECTIONS & set(data)):
        entries = data[section]
        if not isinstance(entries, Mapping):
            raise ProfileError(where, [(f"`{section}` holds keys and values.", (section,))], source=file)
        for key, value in entries.items():
            target = _KEYS.get((section, str(key)))
            if target is None:
                unknown.append(f"{section}.{key}")
            else:
                values[target] = value
    if unknown:
        known = ", ".join(f"{s}.{k}" for s, k in _KEYS)
        raise ProfileError(where, [(f"the {several(len(unknown), 'key')} {', '.join(unknown)} "
                                    f"{is_are(len(unknown))} unknown; known keys: {known}, words.",
                                    tuple(unknown[0].split(".")))], source=file)
    words = data.get("words") or {}
    values["vocabulary"] = {str(lang): {str(k): str(v) for k, v in phrases.items()} for lang, phrases in words.items()}
    problems = [(key, message) for key, value in values.items() if key not in ("name", "description", "vocabulary")
                and (message := invalid(key, value))]
    if problems:
        keys = {field: section_key for section_key, field in _KEYS.items()}
        raise ProfileError(where, [(message, keys.get(key, ())) for key, message in problems], source=file)
    profile = Profile(**values)
    missing = sorted(set(shipped_words()) - set(profile.words("vi")))
    if missing:
        named = ", ".join(missing[:12]) + (f" and {len(missing) - 12} more" if len(missing) > 12 else "")
        raise ProfileError(where, [(f"the Vietnamese {several(len(missing), 'word')} {named} "
                                    f"{is_are(len(missing))} missing; give {'it' if len(missing) == 1 else 'them'}, "
                                    f"or inherit every word with `base: {DEFAULT}`.", ("words", "vi"))],
                           source=file)
    return profile


def profile_line(text: str, keys: Sequence[str]) -> int:
    """The line (from 1) of a key in a profile's YAML (`words`, `vi`, `number`): the deepest of them
    the text holds, else 1."""
    import yaml

    try:
        node = compose_yaml(text, quick=True)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return mark.line + 1 if mark is not None else 1
    line = 1
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if found is None:
            break
        line = found[0].start_mark.line + 1
        node = found[1]
    return line


@cache
def shipped_words() -> tuple[str, ...]:
    """The phrase keys every profile provides (those of the default profile)."""

    return tuple(_yaml(shipped_texts()[DEFAULT])["words"]["vi"])


def default_profile() -> Profile:
    """The default profile (`party-36`), for a document rendered outside any workspace."""
    return load_profile({})


def _day(date: dt.date | str) -> dt.date | None:
    try:
        return date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
    except ValueError:
        return None


def place_date(place: str, date: dt.date | str | None, words: Mapping[str, str] | None = None,
               written: str = "") -> str:
    """`Điện Biên, ngày 09 tháng 01 năm 2021`: the profile's `date_in_words` (the default profile's
    Vietnamese when no `words` are given); days below 10 and months 1-2 take a leading zero. `written`: the date
    as the document itself prints it (`core.dates.kept_date_line`), printed as it is."""
    if date is None or date == "":
        return place
    day = _day(date)
    if day is None:
        # A placeholder (`FIXME`) or a typed date that is not ISO: `regdraft check` names it;
        # the document still prints, with the value as written.
        return f"{place}, {date}" if place else str(date)
    words = words if words is not None else default_profile().words("vi")
    text = written or written_date(day, words["date_in_words"], words["month_names"])
    return f"{place}, {text}" if place else text[:1].upper() + text[1:]


def cited_date(date: dt.date | str | None, style: str = "numeric", words: Mapping[str, str] | None = None) -> str:
    """A date as a document is cited by it: `09/01/2021`, `26/7/2016`, or in words (`dates: cited: words`) the
    profile's `date_cited_in_words`, `09 tháng 01 năm 2021` (`9 January 2021` in English); "" for no
    date, a value that is no date as written."""
    if date is None or date == "":
        return ""
    day = _day(date)
    if day is None:
        return str(date)
    if style == "numeric":  # a leading zero for days below 10 and months 1-2 only, as the date line has (26/7/2016)
        return f"{day.day:02d}/{day.month:02d}/{day.year}" if day.month < 3 else f"{day.day:02d}/{day.month}/{day.year}"
    words = words if words is not None else default_profile().words("vi")
    return written_date(day, words["date_cited_in_words"], words["month_names"])


# The labels of a compared version that are common nouns (`Văn bản sửa đổi`, `Dự thảo lần 2`, `Phiên bản 4934479`).
_VERSION_LABELS = ("in_force", "adopted_text", "as_amended_by", "before_amended_by", "amended", "redline_draft",
                   "version")
_TEXTS_EN = ("in_force", "adopted_text", "as_amended_by", "before_amended_by")  # `Text in force`: no name


def mid_sentence(text: str, words: Mapping[str, str], language: str = "vi") -> str:
    """A version as named inside a sentence (`… so với văn bản sửa đổi (Luật số 57/2024/QH15, …)`): a Vietnamese
    label that is a common noun loses the capital it has at a line's start; a name (a file's) stays as it is, and so
    do English labels that read as names (`Draft 2`, `Version HEAD~1`); an English text named by what it is takes
    `the` (`… compared with the text in force (…)`)."""
    if language == "en":
        texts = [words[key] for key in _TEXTS_EN if words.get(key)]
        return f"the {text[:1].lower()}{text[1:]}" if any(text.startswith(label) for label in texts) else text
    labels = [words[key] for key in _VERSION_LABELS if words.get(key)]
    if not any(text.startswith(label) for label in labels):
        return text
    return text[:1].lower() + text[1:]

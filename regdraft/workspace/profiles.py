"""The document profile a workspace uses: the shipped profiles with the workspace's `profiles/*.yaml`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from regdraft.core.encodings import Unreadable, readable_head, strict_text
from regdraft.core.errors import Problem, ProfileError, RegdraftError
from regdraft.core.frontmatter import read_front_matter
from regdraft.core.layout import PROFILES, amendment_path
from regdraft.render.profile import ChainTooLong, Profile, load_profile, profile_line
from regdraft.workspace.store import Workspace


def workspace_profiles(ws: Workspace) -> dict[str, str]:
    """The workspace's own profile files (name -> YAML text), which override or add to the shipped ones."""
    texts, unreadable = _read(ws)
    if unreadable:
        raise RegdraftError(str(unreadable[0]))
    return texts


def _read(ws: Workspace) -> tuple[dict[str, str], list[Problem]]:
    """The workspace's profile files that are text (UTF-8, or UTF-16 as Notepad saves "Unicode"), and a problem for
    each that is not, at the line at fault."""
    texts, unreadable = {}, []
    for relative in ws.files(PROFILES, "*.yaml"):
        try:
            texts[PurePosixPath(relative).stem] = strict_text(ws.read(relative))
        except Unreadable as exc:
            unreadable.append(Problem(f"{exc.why[0].upper()}{exc.why[1:]}; save the file as UTF-8.", relative,
                                      exc.line))
    return texts, unreadable


def profile_for(ws: Workspace, meta: Mapping[str, Any] | None = None) -> Profile:
    """The profile for a document: its front matter's `profile`, else regdraft.yaml's."""
    return load_profile(ws.config, meta, workspace_profiles(ws))


def amendment_words(ws: Workspace, slug: str) -> Mapping[str, str]:
    """The profile's words in an amendment's language, as its comment report is worded (`Partly accepted` for
    an English regulation's amendment, `Tiếp thu một phần` for a Vietnamese one).

    Only the front matter is read: a body with problems still has its language.
    """
    meta = _amendment_meta(ws, slug)
    return profile_for(ws, meta).words(_language(meta))


def amendment_language(ws: Workspace, slug: str) -> str:
    """`vi` or `en`: the language of an amendment's front matter (`vi` when it names none or another)."""
    return _language(_amendment_meta(ws, slug))


def _language(meta: Mapping[str, Any]) -> str:
    language = str(meta.get("language") or "vi")
    return language if language in ("vi", "en") else "vi"


def amendment_profile(ws: Workspace, slug: str) -> Profile:
    """The profile an amendment's front matter chooses (`profile:`), else regdraft.yaml's; only the front matter
    is read."""
    return profile_for(ws, _amendment_meta(ws, slug))


def _amendment_meta(ws: Workspace, slug: str) -> dict[str, Any]:
    relative = amendment_path(slug)
    meta: dict[str, Any] | None = None
    if ws.exists(relative):
        lines = readable_head(ws.read(relative)).splitlines()
        meta = read_front_matter(lines, relative, [], absent="")[1]
    return meta or {}


def profile_problems(ws: Workspace) -> list[Problem]:
    """What `regdraft check` finds wrong with the profiles, each at its file and line: the profile
    regdraft.yaml chooses with its settings there, and every profile of the workspace's own."""
    texts, problems = _read(ws)
    too_long: dict[str, ChainTooLong] = {}  # each profile whose chain of bases is too long: told once per chain

    def attempt(config: Mapping[str, Any], meta: Mapping[str, Any] | None) -> None:
        try:
            load_profile(config, meta, texts)
        except ChainTooLong as exc:
            if exc.source:
                too_long[exc.chain[0]] = exc
                return
            raise
        except ProfileError as exc:
            if not exc.source:
                raise  # a shipped profile that does not load: regdraft's own fault, not the workspace's
            text = texts[PurePosixPath(exc.source).stem]
            found = [Problem(sentence, exc.source, profile_line(text, keys)) for sentence, keys in exc.found]
        except RegdraftError as exc:
            found = [Problem(str(exc).removeprefix("regdraft.yaml: "), "regdraft.yaml", 1)]
        else:
            return
        problems.extend(problem for problem in found if problem not in problems)

    attempt(ws.config, None)
    for name in sorted(texts):
        attempt({}, {"profile": name})
    for exc in _lowest(too_long):
        sentence, keys = exc.found[0]
        problems.append(Problem(sentence, exc.source, profile_line(texts[exc.chain[0]], keys)))
    return problems


def _lowest(too_long: Mapping[str, ChainTooLong]) -> list[ChainTooLong]:
    """The refusal of each chain's profile where it passes the bound: the one whose base loads (or, on a cycle of
    bases, the first reached); the profiles built on it fail through it and are not told again."""
    found: dict[str, str] = {}  # a profile of `too_long`: the one its chain is told at
    for name in too_long:
        path: list[str] = []
        while name not in found and name not in path:
            path.append(name)
            base = too_long[name].chain[1]
            if base not in too_long:
                break
            name = base
        lowest = found.get(name, name)
        found.update(dict.fromkeys(path, lowest))
    return [too_long[name] for name in dict.fromkeys(found.values())]

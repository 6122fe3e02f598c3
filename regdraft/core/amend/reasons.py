"""The reason recorded for an instruction: the front matter's `reasons:` map, read and checked.

The amending document itself gives no reasons; the comparison table (Bảng so sánh) does, in its
note column. So the reasons stand in the front matter, keyed by the instruction as the document
cites it, and never reach the printed amending document:

    reasons:
      khoản 12 Điều 1: Thống nhất với Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương.
      điểm a khoản 1 Điều 1: Tiếp thu ý kiến của Ban Tổ chức Tỉnh ủy.
      "3": ...                      # khoản 3 of the instructions' article, written as its number

Post-conditions of `check_reasons`:
1. Every key names an instruction of the document (its citation, any case, or its number in the
   amending article: `12`, `1.a`); every value is text. Anything else is a `Problem` with the line
   of the key, in a sentence naming the instruction and what to write instead.
2. `reason_for` gives an instruction its own reason, else the reason of the numbered instruction
   it stands in (a reason for `khoản 1 Điều 1` covers its points `a)`, `b)` ...), else "".
3. `carried_reasons` keys each reason to the new instruction that changes the same provision, so
   reasons follow their change when `amend from-edits` writes the instructions anew; accepting a
   comment's proposal adds the comment as a reason of the instructions that write it, after the reasons they
   had (every part of one instruction written as several, `khoản 1 và khoản 2`, counts).
A document with no instructions yet (the shell `amend from-edits` fills) is not checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.operations import targets
from regdraft.core.errors import Problem
from regdraft.core.model import Address

KEY = "reasons"


def _key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _all(instructions: Sequence[Instruction]) -> Iterator[Instruction]:
    for ins in instructions:
        yield ins
        yield from _all(ins.children)


def _names(ins: Instruction, language: str, main_article: str) -> set[str]:
    """The keys that name `ins`: its citation, and its number when it stands in the main amending article."""
    names = {_key(ins.cite(language))}
    if ins.article == main_article:
        names.add(_key(ins.location))
    return names


def check_reasons(meta: Mapping[str, Any], instructions: Sequence[Instruction], main_article: str,
                  language: str, source: str, head: Sequence[str], problems: list[Problem]) -> None:
    """Report every key of `reasons:` that names no instruction and every reason that is not text."""
    reasons = meta.get(KEY)
    if reasons is None:
        return
    if not isinstance(reasons, Mapping):
        problems.append(Problem(
            f"The front matter's '{KEY}' must map each instruction to its reason, one a line "
            "(khoản 12 Điều 1: Thống nhất với Quy định số 24-QĐ/TW ...).", source, _line(head, None)))
        return
    if not instructions:
        return
    known = set().union(*(_names(ins, language, main_article) for ins in _all(instructions)))
    for key, value in reasons.items():
        if _key(str(key)) not in known:
            problems.append(Problem(
                f"The front matter gives a reason for '{key}', but no instruction of this document stands "
                f"there; name the instruction as the document cites it (khoản 2 Điều {main_article}, "
                f"điểm a khoản 1 Điều {main_article}) or by its number (2, 1.a).", source, _line(head, str(key))))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(
                f"The reason given for '{key}' is {value!r}; it must be text (put it in quotes).",
                source, _line(head, str(key))))


def reason_for(meta: Mapping[str, Any], ins: Instruction, language: str, main_article: str) -> str:
    """The reason recorded for `ins` (or for the numbered instruction it stands in); "" when none."""
    reasons = meta.get(KEY)
    if not isinstance(reasons, Mapping):
        return ""
    by_key = {_key(str(k)): str(v).strip() for k, v in reasons.items() if isinstance(v, str)}
    top = ins.location.partition(".")[0]
    candidates = [ins.cite(language), ins.location]
    if top != ins.location:
        candidates += [Instruction(top, ins.line, "", ins.op, article=ins.article).cite(language), top]
    for candidate in candidates:
        if candidate in (ins.location, top) and ins.article != main_article:
            continue
        found = by_key.get(_key(candidate))
        if found:
            return found
    return ""


def reasons_naming(meta: Mapping[str, Any], instructions: Sequence[Instruction], language: str,
                   main_article: str) -> dict[str, str]:
    """The entries of the front matter's reasons that name one of `instructions` (or one inside them), as written."""
    reasons = meta.get(KEY)
    if not isinstance(reasons, Mapping) or not instructions:
        return {}
    names = set().union(*(_names(ins, language, main_article) for ins in _all(instructions)))
    return {str(key): str(value) for key, value in reasons.items() if _key(str(key)) in names}


def from_comment(by: str, comment_id: str, language: str) -> str:
    """The reason of a change written from a comment's proposed wording."""
    if language == "en":
        return f"Proposed by {by} (comment {comment_id})."
    return f"Tiếp thu ý kiến của {by} (ý kiến {comment_id})."


def accepted_reply(provision: str, language: str) -> str:
    """The office's answer to a comment whose proposal was written into the draft, when it gave none: where.
    `provision` is named as the report names it (`Khoản 2 Điều 20a`, `Clause 2 of Article 20a`)."""
    if language == "en":
        return f"{provision} of the draft was changed as proposed."
    return f"Đã chỉnh sửa {provision[:1].lower()}{provision[1:]} của dự thảo theo đề xuất."


def already_reply(provision: str, language: str) -> str:
    """The office's answer, when it gave none, to a comment accepted whose proposed wording the draft already had
    (another accepted comment, or the drafter, had written the same words), the commit that wrote it unknown."""
    if language == "en":
        return f"{provision} of the draft already reads as proposed."
    return f"{provision} của dự thảo đã có nội dung như đề xuất."


def carried_reasons(meta: Mapping[str, Any], old: Sequence[Instruction], new: Sequence[Instruction],
                    language: str, main_article: str, added: Mapping[Address, str] | None = None) -> dict[str, str]:
    """The reasons of `old` instructions keyed to the `new` ones that change the same provisions.

    `added` gives further reasons by provision (a comment's, for its provision): each goes to the new
    instructions that change that provision, or the provision holding it, or a provision inside it.
    """
    by_provision: dict[str, list[str]] = {}
    for ins in _all(old):
        reason = reason_for(meta, ins, language, main_article)
        for address in targets(ins.op) if reason else ():
            kept = by_provision.setdefault(str(address), [])
            kept.extend([reason] if reason not in kept else [])
    # One instruction written as several (`khoản 1 và khoản 2 Điều 15`, a change per clause) cites as one: the
    # reasons of all its parts are kept, those carried first, then those added, as they were recorded.
    carried: dict[str, list[str]] = {}
    new_ones: dict[str, list[str]] = {}
    for ins in _all(new):
        if ins.children:
            continue
        cite = ins.cite(language)
        carried.setdefault(cite, []).extend(
            r for address in targets(ins.op) for r in by_provision.get(str(address), ()))
        new_ones.setdefault(cite, []).extend(
            r for where, r in (added or {}).items()
            if any(t == where or t.contains(where) or where.contains(t) for t in targets(ins.op)))
    out: dict[str, str] = {}
    for cite, found in carried.items():
        kept = list(dict.fromkeys(found))
        # A reason added again (the same comment accepted once more) is not written twice.
        kept += [r for r in dict.fromkeys(new_ones[cite]) if not any(r in k for k in kept)]
        if kept:
            out[cite] = joined(kept)
    return out


def joined(reasons: Iterable[str]) -> str:
    """Several reasons of one instruction as one text: each a sentence of its own where it ends as one (`… (ý kiến
    be81). Tiếp thu …`), else after `; ` (it read `… (ý kiến be81).; Tiếp thu …`)."""
    out = ""
    for reason in reasons:
        out = reason if not out else f"{out} {reason}" if out.endswith((".", "!", "?", "…")) else f"{out}; {reason}"
    return out


def _line(head: Sequence[str], key: str | None) -> int:
    """The front-matter line of `reasons:`, or of the entry `key` under it."""
    start = next((i for i, line in enumerate(head) if line.startswith(f"{KEY}:")), None)
    if start is None:
        return 1
    if key is not None:
        for i in range(start + 1, len(head)):
            line = head[i]
            if line and not line[0].isspace():
                break
            if line.strip().strip("'\"").startswith(key) or f"{key}:" in line or f'"{key}"' in line:
                return i + 1
    return start + 1

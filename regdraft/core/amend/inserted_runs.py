"""Units inserted one after another, named in one instruction with one quote, as amending laws write them: `Bổ sung
Điều 7a và Điều 7b vào sau Điều 7 như sau:`, `Bổ sung điểm n và điểm o vào sau điểm m khoản 2 Điều 27 như sau:`
(Luật 57/2024: `Bổ sung điểm i và điểm k vào sau điểm h …`), never `Bổ sung Điều 7b vào sau Điều 7a`, which cites a
unit the text in force does not have.

Post-conditions of `inserted_together(instructions, language)`:
1. Each run of two or more consecutive instructions (top-level, or lettered in one group) inserting whole units of one
   kind, each right after the one before it, is one instruction naming them in order, their quotes one quote that ends
   as the run's last ended.
2. That instruction reads back, with `read_instructions`, as the very changes of the run, in order; a run whose
   sentence would not read so is left as it was.
3. A group left with one instruction is that instruction, its sentence citing in full; the others are relettered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from regdraft.core.amend.grammar import AmendGroup, InsertUnit, Several
from regdraft.core.amend.instructions import Instruction, read_instructions
from regdraft.core.amend.quote import strip_quotes
from regdraft.core.amend.wording import cite, sentence
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.labels import instruction_letters
from regdraft.core.model import Address, Kind, noun

_PLURAL_EN = {Kind.ARTICLE: "Articles", Kind.CLAUSE: "Clauses", Kind.POINT: "Points"}


def inserted_together(instructions: Sequence[Instruction], language: str,
                      alphabet: str = "vi") -> tuple[Instruction, ...]:
    """`instructions` with each run of units inserted one after another written as one instruction; a group's
    instructions lettered again in `alphabet` (the text amended's, `Regulation.alphabet`)."""
    out: list[Instruction] = []
    for ins in _runs(list(instructions), None, language):
        if not isinstance(ins.op, AmendGroup) or not ins.children:
            out.append(ins)
            continue
        # The whole group one run: one instruction with its full address (post-condition 3).
        alone = _join(list(ins.children), ins.location, None, language) if len(ins.children) >= 2 else None
        children = [] if alone is not None else _runs(list(ins.children), ins, language)
        if alone is not None:
            out.append(alone)
        elif len(children) == len(ins.children):
            out.append(ins)
        else:
            letters = instruction_letters(language, alphabet)
            out.append(replace(ins, children=tuple(_located(c, f"{ins.location}.{letters[i]}")
                                                   for i, c in enumerate(children))))
    return tuple(_numbered(ins, str(n)) for n, ins in enumerate(out, start=1))


def _numbered(ins: Instruction, top: str) -> Instruction:
    """`ins` numbered `top`, with the instructions it holds (`3.a` -> `2.a`)."""
    if ins.location.partition(".")[0] == top:
        return ins
    location = top + ins.location[len(ins.location.partition(".")[0]):]
    return replace(ins, location=location, children=tuple(_numbered(c, top) for c in ins.children))


def _located(ins: Instruction, location: str) -> Instruction:
    return replace(ins, location=location, children=tuple(replace(c, location=location) for c in ins.children))


def _runs(instructions: list[Instruction], group: Instruction | None, language: str) -> list[Instruction]:
    out: list[Instruction] = []
    run: list[Instruction] = []

    def flush() -> None:
        together = _join(run, run[0].location, group, language) if len(run) >= 2 else None
        out.extend([together] if together is not None else run)
        run.clear()

    for ins in instructions:
        if run and not _follows(run[-1], ins):
            flush()
        if _inserted(ins) is None:
            if run:
                flush()
            out.append(ins)
        else:
            run.append(ins)
    if run:
        flush()
    return out


def _inserted(ins: Instruction) -> InsertUnit | None:
    op = ins.op
    if (isinstance(op, InsertUnit) and not op.target.part and not ins.children and ins.quote
            and op.target.kind in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)):
        return op
    return None


def _follows(previous: Instruction, ins: Instruction) -> bool:
    a, b = _inserted(previous), _inserted(ins)
    return (a is not None and b is not None and b.after == a.target and not b.first and b.parent is None
            and b.target.kind is a.target.kind and b.target.parent() == a.target.parent())


def _join(run: list[Instruction], location: str, group: Instruction | None, language: str) -> Instruction | None:
    """The one instruction inserting the units of `run` (post-conditions 1 and 2), or None when it would not read."""
    ops = [op for op in (_inserted(ins) for ins in run) if op is not None]
    if len(ops) != len(run) or len(run) < 2:
        return None
    context = group.op.target if group is not None and isinstance(group.op, AmendGroup) else None
    text = _sentence(ops, language, context)
    if text is None:
        return None
    lines = [line for ins in run for line in strip_quotes(list(ins.quote))]
    end = run[-1].quote[-1][run[-1].quote[-1].rfind("”") + 1:] or "."
    quoted = ["“" + lines[0], *lines[1:]]
    quoted[-1] = quoted[-1] + "”" + end
    top = location.partition(".")[0]
    head = [(f"{top}. {group.text}", 0), (f"a) {text}", 0)] if group is not None else [(f"{top}. {text}", 0)]
    problems: list[Problem] = []
    try:
        _, read = read_instructions([*head, *((q, 0) for q in quoted)], run[0].article, "<joined>", language,
                                    problems, [], numbered=False)
    except RegdraftError:
        return None
    if problems or len(read) != 1:
        return None
    together = read[0] if group is None else (read[0].children[0] if len(read[0].children) == 1 else None)
    if together is None or not isinstance(together.op, Several) or list(together.op.parts) != ops:
        return None
    return _located(together, location)


def _sentence(ops: Sequence[InsertUnit], language: str, context: Address | None) -> str | None:
    """The first insertion's sentence naming every unit inserted: `Bổ sung điểm n và điểm o vào sau điểm m …`, `Bổ
    sung các khoản 5a, 5b và 5c …`; `Points n and o are inserted after point m …`."""
    first = ops[0].target
    kind, parent = first.kind, first.parent()
    words = [cite(op.target, language, parent) for op in ops]
    single = sentence(ops[0], language, context)
    labels = [w.rpartition(" ")[2] for w in words]
    if language == "en":
        named = f"{_PLURAL_EN[kind]} {', '.join(labels[:-1])} and {labels[-1]}"
        was = words[0][:1].upper() + words[0][1:] + " is "
        return single.replace(was, named + " are ", 1) if single.startswith(was) else None
    word = noun(kind, "vi")
    named = " và ".join(words) if len(words) == 2 else f"các {word} {', '.join(labels[:-1])} và {labels[-1]}"
    was = f"Bổ sung {words[0]} "
    return single.replace(was, f"Bổ sung {named} ", 1) if single.startswith(was) else None

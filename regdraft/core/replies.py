"""Review replies that come back in Word, and how they become comments.

Pure core: the DOCX reader (`regdraft.importer.word_reply`) turns a file into a `Reply` (the values of a reply
are `regdraft.core.reply_model`, importable from here too);
`comments_from_reply` places its Word comments and tracked changes on the provisions of the
draft circulated in the round (where each paragraph lands is `regdraft.core.reply_places`). No file, git or
clock here.

Post-conditions of `comments_from_reply`:
1. Every Word comment and every changed provision of the reply is either in `placed` (one
   comment each, on a provision of `draft` or `general`) or in `unplaced` with its text.
2. A comment's `on` is the smallest provision holding its whole range: a range spanning two
   clauses of an article lands on the article; spanning two chapters, on the draft as a whole; one
   within a dash or plus item (`d6.k2.a.dash1`) lands on that item; one within an article's or a
   chapter's heading line, as written or as an instruction's quoted new text, on its title
   (`d7.title`); one within the lead-in or the closing text of a provision holding points, clauses
   or dash items, on that part (`d42.k3.intro`, `d42.k3.end`); one within a paragraph of an instruction's
   quoted new text, on the provision that paragraph is (`“b) …` quoted by `Sửa đổi khoản 2 Điều 5` is on
   `d5.k2.b`), as in the text as amended; one selecting exactly one of the provisions an instruction naming
   several names, on that provision (`điểm c khoản 2 Điều 16`, or its label `điểm c` alone, in `Bãi bỏ khoản 3
   Điều 10 và điểm c khoản 2 Điều 16.`, whose paragraph is marked with the first). Its selection is the words
   selected, a label included, leaving out only the quote marks of an instruction's quoted new text (`“a) …`,
   `…;”;`). One on words a Word redline itself strikes out lands on the smallest provision holding the paragraphs
   placed around them, those words its selection.
3. A proposal is the provision's exact text in `draft` with the reviewer's changes accepted
   (an article or an appendix with its heading line, a provision holding points or clauses with a label on every
   line, a clause or point without them with its label, as the wording editor writes them), and its comment text says in
   plain words what changed; a change in an instruction's quoted new text is a change of the
   provision it is a paragraph of, and a change to an instruction's own words is a comment
   without a proposal saying what changed.
   Changes inside one dash or plus item of a unit, inside its title, its lead-in or its closing
   text, are a proposal on that part (the title without its label `Điều 7.`); a Word comment and changes on the same
   provision, item or title are one comment, naming the authors of both. Two changes of one paragraph (a clause
   changed in the text as amended and in the instruction's quoted new text) are both in its proposal when they change
   different words; when they cannot both stand, each is a proposal and a note names them (`reply_proposed`).
   Tracked changes that change nothing once
   all accepted (a word deleted and typed again) propose nothing, and a note says so (`unchanging_note`).
4. A Word comment (a thread read as one) longer than `comments.MAX_TEXT` characters is left out, named in a note
   (its number, authors, provision and length), and the others placed; a proposal or a comment text made of tracked
   changes longer than that raises one `ParseError` naming it.
5. Text from the reply is NFC with lookalike letters (Ð, ð, Cyrillic) read as Vietnamese ones
   when matching, so a reply typed with decomposed or lookalike letters still lands.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from regdraft.core.comments import (
    GENERAL,
    Comment,
    CommentType,
    anchor_text,
    shortened_note,
    shortened_selection,
    too_long,
)
from regdraft.core.errors import ParseError
from regdraft.core.model import Address, Regulation
from regdraft.core.reply_blocks import absorbed, block_edits, joined
from regdraft.core.reply_blocks import versions as versions  # read here by the redline tests
from regdraft.core.reply_cells import cell_edit, unsure, unsure_note, whole_cells
from regdraft.core.reply_label_rejected import label_notes
from regdraft.core.reply_model import UNANCHORED as UNANCHORED  # the values, imported from here by their callers
from regdraft.core.reply_model import Place as Place
from regdraft.core.reply_model import Placed as Placed
from regdraft.core.reply_model import Reply as Reply
from regdraft.core.reply_model import ReplyComment as ReplyComment
from regdraft.core.reply_model import ReplyParagraph as ReplyParagraph
from regdraft.core.reply_model import Texts as Texts
from regdraft.core.reply_model import Unplaced as Unplaced
from regdraft.core.reply_model import joined_thread as joined_thread
from regdraft.core.reply_outside import (
    formatting_note,
    in_table,
    label_alone_note,
    overlong_note,
    struck_notes,
    table_row,
    unchanging_note,
)
from regdraft.core.reply_phrases import Syllables
from regdraft.core.reply_places import (
    Readings,
    _around,
    _bookmarked,
    _common,
    _containing,
    _existing,
    _Folded,
    _folded_lines,
    _item,
    _lifted,
    _narrowed,
    _places_by_text,
    _quoted,
    _with_inserted,
    instruction_readings,
    named_in_instruction,
    renumbering,
)
from regdraft.core.reply_proposed import clash_note
from regdraft.core.reply_provision import (
    _earlier,
    _former,
    _proposal,
    rejected_kind,
    said_instead,
    said_left_out,
    said_whole,
)
from regdraft.core.reply_rejected import rejected
from regdraft.core.reply_rejected_notes import undone_note
from regdraft.core.reply_wording import (
    Edit,
    Said,
    describe_change,
    describe_instruction_change,
    line_key,
    match_line,
    plain_said,
    without_quotes,
)

# -- placing a reply --------------------------------------------------------------------------


def fingerprint(*parts: str) -> str:
    """A short stable key of what an imported comment came from, so a second import adds nothing."""
    return "docx:" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def comments_from_reply(reply: Reply, draft: Regulation, round_number: int, by: str,
                        name: str = "", place_unplaced: bool = False, texts: Texts = (), bases: Texts = ()) -> Placed:
    """The comments a reply holds, placed on the draft circulated in the round (ids and times left to the caller).

    `texts` are the amended texts of a copy holding several regulations, in its order (`draft`,
    the main one, among them under the key ""); a comment names its regulation when it is not the main one.
    `bases`, for a reply on a Word redline, are the same texts before the draft: a change of the draft's the member
    rejected in Word is read against them (`reply_rejected`).
    """
    language = draft.language
    texts = tuple(texts) or (("", draft),)
    reply = whole_cells(reply, texts, bases)  # a cell of several paragraphs is one cell of its row
    reply, undone = rejected(reply, texts, bases)
    drafts = dict(texts)
    where = ([_bookmarked(p, texts) for p in reply.paragraphs] if reply.bookmarked
             else _places_by_text(reply, texts))
    where = [undone.get(i, at) for i, at in enumerate(where)]  # a change rejected is of the provision it was found in
    where = _with_inserted(reply, [_existing(drafts, place) for place in where])
    placed: list[Comment] = []
    spots_in_reply: list[tuple[int, int, int]] = []  # each placed comment's place in the reply (paragraph, …)
    unplaced: list[Unplaced] = []
    notes: list[str] = list(reply.notes)
    notes += label_notes(reply.paragraphs, texts, bases, undone, reply.source)  # a label alone rejected
    taken: dict[Place, int] = {}
    people: dict[Place, tuple[str, ...]] = {}  # the persons of the comment (its thread's) each place's changes join
    void: list[tuple[Place | None, Sequence[str]]] = []  # tracked changes that change nothing, where and by whom
    earlier: dict[str, str] = {}  # a proposal's source → the one imports before r37/r38 wrote (`Placed.earlier`)
    together: dict[str, str] = {}  # … before r38's space at a join (`Placed.run_together`)

    def add(made: Comment, paragraph: int, number: int = 0) -> None:
        """Place a comment; a Word comment (`number`, from 1) before the tracked changes of its paragraph."""
        placed.append(made)
        at = paragraph if paragraph != UNANCHORED else len(reply.paragraphs)
        spots_in_reply.append((at, int(not number), number))

    def comment(at: Place, text: str, author: str, date: str, selection: str = "", proposal: str = "",
                kind: CommentType | None = None, key: str = "", moment: str = "") -> Comment:
        reg, on = at
        ctype = kind or (CommentType.GENERAL if on == GENERAL else CommentType.SUBSTANTIVE)
        if shortened_selection(selection) != selection:  # the fingerprint keeps it whole: known again if imported
            where = "the draft as a whole" if on == GENERAL else Address.parse(on).describe(language)
            notes.append(shortened_note(selection, f"the comment by {author or 'an unnamed reviewer'} on {where}"))
        # Known by the sentence as imports before r39 wrote it, rows of a table unnamed (`Said`).
        return Comment("", round_number, by, on, ctype, str(text), proposal, anchor_text(drafts[reg], on),
                       created=moment or date, author=name or author, selection=shortened_selection(selection),
                       source=fingerprint(by, key or on, author, date, plain_said(text), selection, proposal),
                       regulation=reg)

    # Counted as Word's review pane lists them: from 1, in the document's order (their ids start at 0).
    numbers = {wc.id: n for n, wc in enumerate(sorted(reply.comments, key=lambda c: c.start), start=1)}
    # A Word comment (a thread read as one) longer than a comment holds is left out, named where it stands in a note,
    # and the others are imported: the whole reply was refused for it.
    over = {wc.id for wc in reply.comments if too_long(wc.text, "")}
    folded: _Folded | None = None
    bookmarked = reply.bookmarked
    # A paragraph's part and whether it is quoted text, by paragraph and place: read once however many of
    # the reply's comments start, end or lie in it (5,000 comments in one paragraph each folded it again).
    parts: dict[tuple[int, Place], Place] = {}
    quoted: dict[tuple[int, Place | None], bool] = {}

    def part(i: int, at: Place) -> Place:
        # A paragraph of an instruction's quoted new text is marked with the instruction's provision (`d5.k2`)
        # but is the quoted provision's own paragraph (`“b) …` is d5.k2.b's), as a tracked change in it is.
        if (i, at) not in parts:
            parts[i, at] = _item(reply.paragraphs[i], _narrowed(reply.paragraphs[i], at, drafts), drafts)
        return parts[i, at]

    instructions: dict[tuple[int, Place], Readings] = {}

    def readings(i: int, at: Place) -> Readings:
        if (i, at) not in instructions:
            instructions[i, at] = instruction_readings(reply.paragraphs[i], at, drafts)
        return instructions[i, at]

    def is_quoted(i: int, at: Place | None) -> bool:
        if (i, at) not in quoted:
            quoted[i, at] = _quoted(reply.paragraphs[i], at, drafts)
        return quoted[i, at]

    for wc in reply.comments:
        if wc.start == UNANCHORED:
            if place_unplaced:
                add(comment(("", GENERAL), wc.text, wc.author, wc.date, key=wc.id, moment=wc.moment), wc.start,
                    numbers[wc.id])
            else:
                unplaced.append(Unplaced(f"Word comment {numbers[wc.id]} by {wc.author or 'an unnamed reviewer'} "
                                         "(the words it was on were deleted)", wc.text, ""))
            continue
        first, last = where[wc.start], where[wc.end]
        found: list[Place] = []
        if not bookmarked and wc.selection:
            folded = folded if folded is not None else _folded_lines(texts)
            found = _containing(folded, wc.selection)
        if wc.struck and (first is None or last is None):
            # On words the Word redline itself strikes out (no provision of the draft holds them): the smallest
            # provision holding the paragraphs around them, where the old text stood.
            around = _around(where, wc.start, wc.end)
            at = around[0] if len(set(around)) == 1 else _common(around) if around else None
            found = [at] if at is not None else found
            first = last = None
        if first is not None and last is not None:
            spots = [part(i, a) for i, a in enumerate(where[wc.start:wc.end + 1], wc.start) if a is not None]
            # Words in one dash or plus item are on that item: a unit's items are commented on apart.
            at = spots[0] if len(set(spots)) == 1 else _common(spots)
            # One of the provisions an instruction names, selected exactly, is the one the comment is on.
            named = (named_in_instruction(readings(wc.start, first), first, wc.selection, drafts,
                                          reply.paragraphs[wc.start].original)
                     if bookmarked and wc.start == wc.end and wc.selection else None)
            at = named or at
        elif len(found) == 1:
            at = found[0]
        elif place_unplaced:
            at = ("", GENERAL)
        else:
            passage = wc.selection or wc.struck or reply.paragraphs[wc.start].original
            unplaced.append(Unplaced(f"Word comment {numbers[wc.id]} by {wc.author or 'an unnamed reviewer'}",
                                     wc.text, passage, reply.bookmarked))
            continue
        opens, closes = reply.paragraphs[wc.start], reply.paragraphs[wc.end]
        selection = without_quotes(wc.selection, opens.original if is_quoted(wc.start, first) else "",
                                   closes.original if is_quoted(wc.end, last) else "") or wc.struck
        if wc.id in over:
            notes.append(overlong_note(wc.text, numbers[wc.id], wc.author, at[1], at[0], language))
            continue
        if at not in taken:
            taken[at], people[at] = len(placed), tuple(t.author for t in wc.thread) or (wc.author,)
        add(comment(at, wc.text, wc.author, wc.date, selection, key=wc.id, moment=wc.moment), wc.start,
            numbers[wc.id])
        if wc.resolved:
            notes.append(f"Word comment {numbers[wc.id]} by {wc.author or 'an unnamed reviewer'} was marked resolved "
                         "in Word; it is imported as an open comment like the others: settle it, or ask the body "
                         "whether it still stands.")
        if wc.boxed:
            on = "the draft as a whole" if at[1] == GENERAL else Address.parse(at[1]).describe(language)
            notes.append(f"Word comment {numbers[wc.id]} by {wc.author or 'an unnamed reviewer'} is on the words of "
                         f"a text box, which are left out of the text (as in an imported regulation): it is placed "
                         f"on {on}, where the box stands.")

    # Each regulation's (None: all of them together), read once when a change is described.
    syllables: dict[str | None, Syllables] = {}
    changed: dict[Place, list[tuple[int, ReplyParagraph, Edit]]] = {}  # by provision: paragraph, it, its edit
    reshaped: set[Place] = set()  # the units whose paragraphs the reviewer added, removed, joined or split
    runs = dict(joined(reply.paragraphs))  # paragraphs a tracked paragraph mark joins or splits: first -> final
    previous = ""  # the text as the reviewer left it of the final paragraph holding any
    plain: dict[Edit, Edit] = {}  # an edit → as imports before r38's space at a join read it (`_earlier`)
    plain_previous = ""  # `previous` as they read it
    i = 0
    while i < len(reply.paragraphs):
        p, final = reply.paragraphs[i], runs.get(i, i)
        after, previous = previous, p.accepted if p.accepted.strip() else previous
        plain_after, plain_previous = plain_previous, p.accepted if p.accepted.strip() else plain_previous
        if final > i:
            # Two paragraphs merged or one split: their changes are one change of the unit holding them, the
            # paragraphs as Word's "Accept all" leaves them (the merged paragraph, or the two halves).
            run = reply.paragraphs[i:final + 1]
            authors = tuple(dict.fromkeys(a for q in run for a in q.authors))
            date = max(q.date for q in run)
            edits = block_edits(run, after)
            entries = [(ReplyParagraph(None, e.old, e.new, authors, date, "joined"), e) for e in edits]
            spots = [_narrowed(q, s, drafts) for q, s in zip(run, where[i:final + 1], strict=True) if s is not None]
            previous = next((text for text in reversed(versions(run, spaced=True)[1]) if text.strip()), previous)
            if len(unspaced := block_edits(run, plain_after, spaced=False)) == len(edits):
                plain.update((e, u) for e, u in zip(edits, unspaced, strict=True) if e != u)
            plain_previous = next((text for text in reversed(versions(run)[1]) if text.strip()), plain_previous)
        elif p.changed:
            entries = [(p, cell_edit(reply.paragraphs, i, Edit(p.original, p.accepted, after)))]
            plain.update({entries[0][1]: replace(entries[0][1], after=plain_after)} if plain_after != after else {})
            spots = [_narrowed(p, s, drafts) for s in where[i:i + 1] if s is not None]
        else:
            if p.authors:  # tracked changes that cancel out (a word deleted and typed again): said, not dropped
                void.append((part(i, at) if (at := where[i]) is not None else None, p.authors))
            i += 1
            continue
        old = "\n".join(e.old for _, e in entries if e.old.strip())
        new = "\n".join(e.new for _, e in entries if e.new.strip())
        authors = tuple(dict.fromkeys(a for q, _ in entries for a in q.authors))
        date = max(q.date for q, _ in entries)
        if not spots and (row := table_row(reply.paragraphs, where, max(i, final))) > i:
            # A table row's cells outside every provision (a row added to the header table): one passage, its words
            # said once, where it stands named.
            cells = [q for q in reply.paragraphs[i:row + 1] if q.changed]
            old, new = ("\n".join(dict.fromkeys(t for t in texts if t.strip())) for texts in
                        ([q.original for q in cells], [q.accepted for q in cells]))
            authors = tuple(dict.fromkeys(a for q in cells for a in q.authors))
            final = row
            if not place_unplaced:
                added = {"ins": "a table row added", "del": "a table row removed"}.get(p.cell[2])
                who = ', '.join(authors) or 'an unnamed reviewer'
                unplaced.append(Unplaced(f"{added} by {who} with Track Changes" if added else
                                         f"a tracked change by {who} in a table row", new or old, "",
                                         reply.bookmarked, in_table(reply.paragraphs, i)))
                i = final + 1
                continue
        if not spots:
            # No provision holds the passage: its words are read as those of all the texts of the copy (`đặc biệt`).
            if None not in syllables:
                syllables[None] = Syllables.of(drafts.values())
            described = describe_change(old, new, language, syllables=syllables[None])
            if place_unplaced:
                add(comment(("", GENERAL), described, ", ".join(authors), date, old.strip(), new.strip(),
                            CommentType.EDITORIAL), i)
            else:
                unplaced.append(Unplaced(f"a tracked change by {', '.join(authors) or 'an unnamed reviewer'}",
                                         described, old, reply.bookmarked))
            i = final + 1
            continue
        spot = _common(spots)
        for q, edit in entries:
            if not edit.old.strip() and not edit.column:
                spot = _common([spot, _lifted(q, spot)])
        reg, address = spot
        anchor_lines = anchor_text(drafts[reg], address).split("\n") if address != GENERAL else []
        keys = [line_key(line) for line in anchor_lines]
        if any(unsure(anchor_lines, e) for _, e in entries):
            # A table cell whose row is not found for sure (an empty cell, or words two cells hold): named, not guessed.
            notes += [unsure_note(q, e, address, reply.source, language) for q, e in entries if unsure(anchor_lines, e)]
            entries = [(q, e) for q, e in entries if not unsure(anchor_lines, e)]
            if not entries:
                i = final + 1
                continue
        olds = [e.old for _, e in entries if e.old.strip()]
        if olds and all(match_line(keys, text, anchor_lines) is None for text in olds) and final > i and all(
                (line_at := match_line(keys, q.original, anchor_lines)) is not None and not line_at[1]
                for q in reply.paragraphs[i:final + 1] if q.original.strip()):
            # Each paragraph stands as a line of the provision as circulated, not as an instruction's words: the one
            # paragraph Word's "Reject all" makes of them is no text anyone circulated (a tracked mark on a paragraph
            # the reviewer did not add, as LibreOffice leaves a moved one). Read one by one, each as "Accept all"
            # leaves it.
            del runs[i]
            previous, plain_previous = after, plain_after
            continue
        if olds and all(match_line(keys, text, anchor_lines) is None for text in olds):
            # The words of an instruction (`1. Sửa đổi Điều 5:`), not of the provision: what the reviewer
            # changed is said in a comment on the provision; putting the sentence into its text is no proposal.
            add(comment(spot, describe_instruction_change(" ".join(olds), new.replace("\n", " "), language),
                        ", ".join(authors), date, " ".join(olds).strip(), kind=CommentType.EDITORIAL,
                        key=f"instruction:{' '.join(olds)}"), i)
            i = final + 1
            continue
        # A clause or point renumbered (its label changed, as after a split) is a change of the unit holding it.
        renumbered = renumbering(spot, [e for _, e in entries])
        spot = renumbered or spot
        if final > i or renumbered or any(not e.old.strip() or not e.new.strip() for _, e in entries):
            reshaped.add(spot)
        changed.setdefault(spot, []).extend((i, q, e) for q, e in entries)
        i = final + 1
    # Changes inside a unit whose paragraphs were added, removed, joined or split are one proposal on that unit:
    # its text with every change accepted (a point's own proposal beside it would be refused once one is accepted).
    owners = absorbed(list(changed), reshaped)
    groups: dict[Place, list[tuple[int, ReplyParagraph, Edit]]] = {}
    for place, entries_at in changed.items():
        groups.setdefault(owners[place], []).extend(entries_at)
    first_changed = {place: min(k for k, _, _ in group) for place, group in groups.items()}
    changed_by_unit = {place: [(q, e) for _, q, e in sorted(group, key=lambda x: x[0])]
                       for place, group in groups.items()}
    undoing = {place for place, group in groups.items() if any(k in undone for k, _, _ in group)}
    # … the draft's insertion of it rejected whole or in part (paragraphs given as struck out: `reply_rejected`)
    # (not a provision rewritten whole whose paragraph the member brought back as it was: its change undone)
    not_inserted = {place for place, group in groups.items()
                    if any(k in undone and not p.accepted for k, p, _ in group)
                    and not any(k in undone and p.accepted.strip() for k, p, _ in group)}
    for unit_at, group in changed_by_unit.items():
        undoes = unit_at in undoing
        proposed = _proposal(unit_at, group, drafts, language, syllables, undoing=undoes)
        authors = tuple(dict.fromkeys(a for p, _ in group for a in p.authors))
        if proposed is None:
            # Enter typed right after `1.` is named (r28 AH 1); any other change leaving the wording as it was, too.
            said = label_alone_note(unit_at, authors, [e.old for _, e in group if e.old.strip()],
                                    [e.new for _, e in group if e.new.strip()], language, reply.source)
            notes += [said] if said else []
            void += [] if said else [(unit_at, authors)]
            continue
        at, proposal, summary, label, clashes = proposed
        joined_then, then = _earlier(unit_at, group, plain, drafts, language, syllables, proposed, undoes)
        # Known again by the words proposed as the import wrote them before they had their label (`fingerprint`).
        written = f"{label} {proposal.lstrip()}" if label else proposal
        reg, address = at
        date = max((p.date for p, _ in group), default="")
        if at in taken:
            # The reviewer commented on the provision (or dash item) they rewrote: one comment carries both, and
            # names whoever made the changes besides the comment's author.
            i = taken[at]
            names = dict.fromkeys(a for a in (*people[at], *authors) if a)
            author = placed[i].author if name else ", ".join(names)
            was = placed[i].source
            placed[i] = replace(placed[i], proposal=written, author=author, source=fingerprint(was, proposal))
            main = placed[i].source
            earlier.update({main: fingerprint(was, then[1])} if then else {})
            together.update({main: fingerprint(was, joined_then[1])} if joined_then else {})
        else:
            kind, former = CommentType.EDITORIAL, None
            if undoes:
                # Undoing the draft's change keeps a provision or its words: substance, unless only punctuation.
                kind = rejected_kind(e for k, _, e in groups[unit_at] if k in undone)
                struck = undone_note(at[1], language, unit_at in not_inserted)
                former = _former(unit_at, group, drafts, language, syllables, proposed, struck)
                summary = said_whole(summary, at[1], written, language)
                if (instead := said_instead(summary, at, written, bases, language)) != summary:
                    # An old provision back in another's place, named: as r42 said it, known again (nothing earlier).
                    former, summary = (proposal, struck + plain_said(summary)), instead
                elif unit_at in not_inserted and (left_out := said_left_out(summary, at[1], language)) != summary:
                    # Inserted by the draft, left out whole: not repealed. As imports up to r43 said it, known again.
                    former, summary = (proposal, struck + plain_said(summary)), left_out
                summary = Said(struck + summary, struck + plain_said(summary))
            made = comment(at, summary, ", ".join(authors), date, proposal=proposal, kind=kind,
                           key=f"changes:{reg}:{address}" if reg else f"changes:{address}")
            add(replace(made, proposal=written), first_changed[unit_at])
            main = made.source
            if former is not None and not then:  # as r39 to r41 wrote it: known again, not imported twice
                earlier[main] = comment(at, former[1], ", ".join(authors), date, proposal=former[0],
                                        key=f"changes:{reg}:{address}" if reg else f"changes:{address}").source
            for wrote, sources in ((then, earlier), (joined_then, together)):
                if wrote:  # the comment as imports before r37/r38 wrote it, keyed by its place then
                    (was_reg, was_on), was_said = wrote[0], wrote[2]
                    key = f"changes:{was_reg}:{was_on}" if was_reg else f"changes:{was_on}"
                    sources[main] = comment(wrote[0], was_said, ", ".join(authors), date, proposal=wrote[1],
                                            key=key).source
        for clash, other, said in clashes:
            # Two changes of the same words that cannot both stand: each is a proposal, and the office is told.
            notes.append(clash_note(clash, at[1], authors, reply.source, language))
            made = comment(at, said, ", ".join(authors), date, proposal=other, kind=CommentType.EDITORIAL,
                           key=f"changes:{reg}:{address}" if reg else f"changes:{address}")
            add(replace(made, proposal=f"{label} {other.lstrip()}" if label else other), first_changed[unit_at])
            earlier[made.source] = earlier.get(main, main)  # no import before r37 made it: known by the other
            together.update({made.source: together[main]} if main in together else {})
    for c in placed:
        on = "the draft as a whole" if c.on == GENERAL else Address.parse(c.on).describe(language)
        if said := too_long(c.proposal, f"the wording proposed for {on}") or too_long(c.text, f"the comment on {on}"):
            raise ParseError(f"{reply.source}: {said}")
    # Numbered in the reply's order, so that comments made in the same second are listed as the reader met them.
    ranks = sorted(range(len(placed)), key=spots_in_reply.__getitem__)
    numbered = {k: n for n, k in enumerate(ranks, start=1)}
    # Formatting in an instruction's quoted text is named as its tracked changes of words are: by the quoted provision.
    formatted = [_narrowed(p, at, drafts) if at is not None and p.formatting else at
                 for p, at in zip(reply.paragraphs, where, strict=True)]
    notes += [note] if (note := formatting_note(reply.paragraphs, formatted, reply.source, language)) else []
    notes += [note] if (note := unchanging_note(void, taken, language)) else []
    notes += struck_notes(reply.paragraphs, where, reply.source, language)
    return Placed(tuple(replace(c, order=numbered[k]) for k, c in enumerate(placed)), tuple(unplaced), tuple(notes),
                  earlier, together)

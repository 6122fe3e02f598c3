"""The frame of a consolidated copy (văn bản hợp nhất): who issues it, its number and who authenticates it.

A consolidated text is not the base document: Pháp lệnh 01/2012/UBTVQH13 has the consolidating body (`VĂN PHÒNG QUỐC
HỘI`, `BỘ TƯ PHÁP`) head it with its own number (`Số: 15/VBHN-VPQH`), place and date, and close it with
`XÁC THỰC VĂN BẢN HỢP NHẤT`, the authenticating title and name; the base's signer is not printed as a signature.

`frame_of(settings, number, signed)` reads the workspace's `consolidation:` setting (`body`, `superior`, `code`,
`place`, `signer: {title, name}`, `recipients`) with the export's own number and date. Without a `body` the copy is
for reference: the base's header, the banner, and the base's signature marked as a copy's (`(Đã ký)`).

`closing(frame, meta, words)`: the signature block and recipients the copy prints, as `signature_block` gives them;
`framed(ct, frame, words)` the text's opening as that body words it (no "for reference only"); `refusal(...)` why
the body cannot number or authenticate a text (none when it can); `far_ahead(frame, today)` a warning for a day of
authentication more than `DAYS_AHEAD` days after today.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from regdraft.core.consolidate import ConsolidatedText, date_text
from regdraft.core.frontmatter import signature_block
from regdraft.core.text import setting_text

KEYS = ("body", "superior", "code", "place", "signer", "recipients")  # the keys of `consolidation:`
SIGNER_KEYS = ("title", "name")
GAP = "\u00a0" * 6  # a blank to write the number or the day in: no-break spaces, which do not collapse


@dataclass(frozen=True, slots=True)
class Frame:
    """The consolidating body's header and authentication; `issued` when a body is set."""

    body: str = ""  # VĂN PHÒNG QUỐC HỘI
    superior: str = ""  # the body above it, printed over its name (a Party office's `ĐẢNG BỘ TỈNH …`)
    code: str = ""  # VBHN-VPQH: the number's series, a blank before it when no number is given
    number: str = ""  # 15/VBHN-VPQH
    place: str = ""  # Hà Nội; the base's place when unset
    signed: dt.date | None = None  # the day of authentication; a blank to fill when unset
    title: str = ""  # the authenticating signer's title (CHỦ NHIỆM)
    name: str = ""
    recipients: tuple[str, ...] = ()

    @property
    def issued(self) -> bool:
        return bool(self.body.strip())

    def number_text(self, words: Mapping[str, str]) -> str:
        """The number printed: as given, else a blank in the series (`      /VBHN-VPQH`, `consolidation_blank`)."""
        if self.number.strip():
            return self.number.strip()
        return words["consolidation_blank"].format(gap=GAP, code=self.code.strip()) if self.code.strip() else GAP


def frame_of(settings: Any, number: str | None = None, signed: dt.date | None = None) -> Frame:
    """The frame from the workspace's `consolidation:` setting (anything but a mapping is none: `check` names it)
    and the export's `number` and `signed` date."""
    given = settings if isinstance(settings, Mapping) else {}
    signer = given.get("signer")
    signer = signer if isinstance(signer, Mapping) else {}
    recipients = given.get("recipients")
    listed = tuple(text for item in recipients if (text := setting_text(item)) is not None and text.strip()) \
        if isinstance(recipients, list) else ()
    return Frame(body=_text(given.get("body")), superior=_text(given.get("superior")), code=_text(given.get("code")),
                 number=str(number or ""), place=_text(given.get("place")), signed=signed,
                 title=_text(signer.get("title")), name=_text(signer.get("name")), recipients=listed)


def signer_read(settings: Any) -> bool:
    """Whether `consolidation:`'s signer is one the copy can print ({title, name}, or none given); `check` names
    any other."""
    signer = settings.get("signer", {}) if isinstance(settings, Mapping) else {}
    return isinstance(signer, Mapping) and all(key in SIGNER_KEYS for key in signer)


def refusal(frame: Frame, ct: ConsolidatedText, settings: Any, lacking: Sequence[str] = (),
            partial: Sequence[str] = ()) -> tuple[str, tuple[str, ...]]:
    """Why `frame`'s body cannot issue `ct` as a consolidated text ('' when it can) and the choices of the export
    it comes from (its `number`, its `signed` day): a signer it cannot read (its
    authentication would print no one), and, for a numbered or dated copy, a text with no amendment in force on its
    date (nothing to consolidate), a translation lacking its original's amendments (`lacking`, each named) or
    leaving some of their instructions untranslated (`partial`, each document with those instructions), a day
    of authentication before the latest amending document included was signed, or before the text's own date (a copy
    cannot show provisions in force after it was authenticated). One sentence, naming the text and the day."""
    if not frame.issued:
        return "", ()
    name, day = ct.regulation.id, ct.as_of.isoformat()
    if not signer_read(settings):
        return (f"The consolidated copy of {name} cannot be authenticated: regdraft.yaml's consolidation: names its "
                "signer in a way the copy cannot read (write signer: {title: …, name: …}), so it would print no one "
                "under XÁC THỰC VĂN BẢN HỢP NHẤT; nothing was written.", ())
    if not frame.number.strip() and frame.signed is None:
        return "", ()
    given = ("number", "signed")
    if lacking:
        original = ct.regulation.meta.get("translation_of") or "its original"
        return (f"{name} is a translation of {original} that does not contain its amendments in force on {day} "
                f"({', '.join(lacking)}), so {frame.body} cannot number or authenticate it as the consolidated text; "
                "nothing was written.", given)
    if partial:
        original = ct.regulation.meta.get("translation_of") or "its original"
        return (f"{name} is a translation of {original} that does not translate every instruction of its amendments "
                f"in force on {day}: it leaves out {'; '.join(partial)}. {frame.body} cannot number or authenticate "
                "it as the consolidated text: an authenticated copy is taken as the text in force, and it would leave "
                "those changes out; translate them first, or export it without a number and day as a copy for "
                "reference; nothing was written.", given)
    if not ct.amendments:
        return (f"{name} has no amendment in force on {day}: there is nothing to consolidate, so {frame.body} issues "
                "no numbered or authenticated consolidated copy of it; nothing was written.", given)
    latest = max((a for a in ct.amendments if a.signed is not None), key=lambda a: a.signed or dt.date.min,
                 default=None)
    if frame.signed is not None and latest is not None and latest.signed is not None and frame.signed < latest.signed:
        return (f"The consolidated copy of {name} cannot be authenticated on {frame.signed.isoformat()}: it includes "
                f"{latest.number}, signed on {latest.signed.isoformat()}, after that day; nothing was written.",
                ("signed",))
    if frame.signed is not None and ct.as_of > frame.signed:
        return (f"The consolidated copy of {name} authenticated on {frame.signed.isoformat()} cannot show the text in "
                f"force on {day}: a consolidated text shows the provisions in force up to the day it is "
                "authenticated, not after it; give a date of the text on or before that day, or a later day of "
                "authentication; nothing was written.", ("as_of", "signed"))
    return "", ()


# A copy is authenticated on the day it is signed; one prepared for a signing within this many days is no mistake,
# one dated further ahead is usually a mistyped date (r37 sweep BP F6: 9999-12-31 was accepted without a word).
DAYS_AHEAD = 7


def far_ahead(frame: Frame, today: dt.date) -> str:
    """A warning when the copy's day of authentication is more than `DAYS_AHEAD` days after `today`: the copy is
    written as given (it may be prepared for a signing ahead), and shows the text in force on that day as the
    workspace holds it now; "" otherwise."""
    if not frame.issued or frame.signed is None or (frame.signed - today).days <= DAYS_AHEAD:
        return ""
    days = (frame.signed - today).days
    return (f"Warning: the copy is authenticated on {frame.signed.isoformat()}, {days:,} days after today "
            f"({today.isoformat()}): a consolidated copy is authenticated on the day it is signed, and a day so far "
            "ahead is usually a mistyped date. It was written with that day, showing the text in force then as the "
            "workspace holds it now; check the date.")


def _text(value: Any) -> str:
    """A line of the setting as printed: a text or a whole number; anything else (`[a, b]`, `null`) none, as the
    comment report reads its own (`core.text.setting_text`; `check` names it)."""
    return (setting_text(value) or "").strip()


def closing(frame: Frame | None, meta: Mapping[str, Any], words: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The signature block and recipients a consolidated copy prints.

    Issued (`frame.issued`): `XÁC THỰC VĂN BẢN HỢP NHẤT` (`authentication`), the signer's title and name, and the
    frame's recipients; the base's signer and its recipients are not reprinted. Otherwise the base's, its signature
    marked as a copy's (`(Đã ký)`, `consolidated_signed`, in the signature's place, above the name), never as if this
    copy were signed; a signer already marked so (`note`) is kept as it is."""
    signer, recipients = signature_block(meta)
    if frame is not None and frame.issued:
        return ({"on_behalf": words["authentication"], "title": frame.title, "note": "", "name": frame.name,
                 "note_after": ""}, list(frame.recipients))
    if any(signer.values()) and not signer["note"] and not signer["note_after"]:
        signer = {**signer, "note": words["consolidated_signed"]}
    return signer, recipients


def framed(ct: ConsolidatedText, frame: Frame | None, words: Mapping[str, str]) -> ConsolidatedText:
    """`ct` as a consolidating body issues it: its opening's closing line without "for reference only"
    (`opening_close_issued`); as it is otherwise."""
    if frame is None or not frame.issued or not ct.opening.close:
        return ct
    close = words["opening_close_issued"].format(date=date_text(ct.as_of, words))
    return dataclasses.replace(ct, opening=dataclasses.replace(ct.opening, close=close))

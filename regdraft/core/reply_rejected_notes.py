"""What comment import says of a Word redline's own tracked changes a member rejected (`reply_rejected`): the sentence
opening the comment whose proposal undoes the draft's change, and the notes where a rejection cannot be read whole.
Pure core.
"""

from __future__ import annotations

UNDONE = {
    "vi": "Từ chối sửa đổi của dự thảo tại {what} trong bản so sánh (muốn giữ từ ngữ như trước khi sửa ở đó). ",
    "en": "Rejects the draft's change of {what} in the redline (wants the wording as it was before the draft there). ",
}
NOT_INSERTED = {
    "vi": "Từ chối nội dung bổ sung của dự thảo tại {what} trong bản so sánh (muốn bỏ nội dung bổ sung đó). ",
    "en": "Rejects what the draft inserts at {what} in the redline (wants it left out). ",
}


def unsure_note(address: str, language: str, source: str, how: str = "") -> str:
    """A note that a provision the draft inserts (`how`: "inserts", a paragraph the draft inserts in a provision it
    rewrites; "rewrites", one it rewrites there) is not in a redline's reply where it was printed, beside paragraphs
    moved or retyped without Track Changes (or, rewritten, reading as no line before the draft either), so whether
    the member rejected it cannot be told."""
    from regdraft.core.model import Address

    what = Address.parse(address).describe(language)
    what = (f"A paragraph the draft {how} in {what}" if how else
            f"{what[:1].upper()}{what[1:]}, which the draft inserts,")
    change = "change" if how == "rewrites" else "insertion"
    return (f"{what} is not in {source} where the redline printed it, but paragraphs there or like it were moved or "
            f"retyped without Track Changes, so whether its {change} was rejected cannot be told: it is not imported "
            "as a rejection; read the reply there and add a comment by hand if it was.")


def unread_note(address: str, language: str, source: str) -> str:
    """A note that a repealed provision's rejection was read up to a paragraph that reads as none of its lines: what
    follows is not proposed kept, and the office should read the reply there."""
    from regdraft.core.model import Address

    return (f"The draft's repeal of {Address.parse(address).describe(language)} was rejected in {source}, "
            "but a paragraph after its first line reads as none of its lines as they stood (retyped, or "
            "moved): only the lines read are proposed kept; read the reply there and add the rest by hand if meant.")


def undone_note(address: str, language: str, inserted: bool = False) -> str:
    """The sentence opening a comment whose proposal undoes the draft's change of a provision (`inserted`: leaves out
    a provision the draft inserts)."""
    from regdraft.core.model import Address

    said = NOT_INSERTED if inserted else UNDONE
    return said.get(language, said["vi"]).format(what=Address.parse(address).describe(language))

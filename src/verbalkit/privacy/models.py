"""Results of personal-data detection: :class:`PersonalData` and :class:`Redacted`."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: The kinds of personal data verbalkit finds, in the order reports list them.
Kind = Literal[
    "personnummer",
    "phone",
    "email",
    "card",
    "iban",
    "bank_account",
    "address",
    "name",
    "customer_id",
]

KINDS: tuple[Kind, ...] = get_args(Kind)


def mask_for(kind: str) -> str:
    """The replacement text for one kind: ``[PERSONNUMMER]``, ``[NAME]``, ...

    >>> mask_for("bank_account")
    '[BANK_ACCOUNT]'
    """
    return f"[{kind.upper()}]"


class PersonalData(BaseModel):
    """One personal datum found in a text, with offsets into that text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(..., ge=0, description="offset of the first character")
    end: int = Field(..., ge=0, description="offset after the last character")
    kind: Kind
    rule: str = Field(..., description="id of the rule that found it, e.g. sv.phone.mobile")
    confidence: float = Field(default=0.9, ge=0.0, le=1.0)
    text: str = Field(default="", description="the characters text[start:end]")

    @model_validator(mode="after")
    def _ordered(self) -> PersonalData:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    @property
    def mask(self) -> str:
        """The text that replaces this datum in a redacted text."""
        return mask_for(self.kind)


class Redacted(BaseModel):
    """A text with its personal data replaced by ``[KIND]`` masks.

    ``spans`` are sorted, non-overlapping and in the *original* text's offsets;
    :meth:`map_span` turns an original span into one in :attr:`text`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    spans: tuple[PersonalData, ...] = ()

    def _masks(self) -> list[tuple[int, int, int, int]]:
        """(orig_start, orig_end, new_start, new_end) for every mask."""
        out: list[tuple[int, int, int, int]] = []
        shift = 0
        for span in self.spans:
            new_start = span.start + shift
            new_end = new_start + len(span.mask)
            out.append((span.start, span.end, new_start, new_end))
            shift += len(span.mask) - (span.end - span.start)
        return out

    def map_offset(self, offset: int) -> int:
        """Map an offset in the original text to the redacted text.

        An offset inside a masked datum maps to the start of its mask.
        """
        shift = 0
        for start, end, new_start, new_end in self._masks():
            if offset < start:
                break
            if offset < end:
                return new_start
            shift = new_end - end
        return offset + shift

    def map_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the original text to the redacted text.

        A span that overlaps a mask grows to cover that whole mask, so evidence that
        quoted part of a phone number now points at ``[PHONE]``.

        >>> from verbalkit.privacy import redact
        >>> r = redact("ring 070-123 45 67 nu", "sv")
        >>> r.text
        'ring [PHONE] nu'
        >>> r.map_span(5, 8), r.map_span(19, 21)
        ((5, 12), (13, 15))
        """
        if end < start:
            raise ValueError(f"end {end} is before start {start}")
        new_start = start
        new_end = end
        shift = 0
        start_done = end_done = False
        for m_start, m_end, n_start, n_end in self._masks():
            if not start_done and start < m_start:
                new_start, start_done = start + shift, True
            elif not start_done and start < m_end:
                new_start, start_done = n_start, True
            if not end_done and end <= m_start:
                new_end, end_done = end + shift, True
            elif not end_done and end <= m_end:
                new_end, end_done = (n_end if end > m_start else n_start), True
            if start_done and end_done:
                break
            shift = n_end - m_end
        if not start_done:
            new_start = start + shift
        if not end_done:
            new_end = end + shift
        return new_start, max(new_start, new_end)

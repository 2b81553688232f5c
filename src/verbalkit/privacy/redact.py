"""Replace personal data with ``[KIND]`` masks."""

from __future__ import annotations

from collections.abc import Iterable

from verbalkit.privacy.models import PersonalData, Redacted
from verbalkit.privacy.recognisers import find


def find_personal_data(text: str, lang: str) -> list[PersonalData]:
    """Find personal data in one utterance.

    Args:
        text: the utterance.
        lang: "sv" or "en".

    Returns:
        Sorted, non-overlapping spans with offsets into ``text``.

    Raises:
        UnsupportedLanguageError: no rules for ``lang``.

    >>> [(p.kind, p.text) for p in find_personal_data("Jag heter Anna Svensson", "sv")]
    [('name', 'Anna Svensson')]
    """
    return find(text, lang)


def redact_spans(text: str, spans: Iterable[PersonalData]) -> Redacted:
    """Mask the given spans of ``text`` with ``[KIND]``.

    Overlapping or touching spans of the input are merged first (the first one's kind wins),
    so the result's spans are sorted and non-overlapping.

    Raises:
        ValueError: a span lies outside the text.

    >>> from verbalkit.privacy.models import PersonalData
    >>> p = PersonalData(start=4, end=8, kind="name", rule="x", text="Anna")
    >>> redact_spans("Hej Anna!", [p]).text
    'Hej [NAME]!'
    """
    ordered = sorted(spans, key=lambda p: (p.start, -p.end))
    merged: list[PersonalData] = []
    for p in ordered:
        if p.end > len(text):
            raise ValueError(
                f"span {p.start}-{p.end} lies outside a text of {len(text)} characters"
            )
        if merged and p.start < merged[-1].end:
            last = merged[-1]
            if p.end > last.end:
                merged[-1] = last.model_copy(
                    update={"end": p.end, "text": text[last.start : p.end]}
                )
            continue
        if p.end > p.start:
            merged.append(
                p
                if p.text == text[p.start : p.end]
                else p.model_copy(update={"text": text[p.start : p.end]})
            )
    parts: list[str] = []
    pos = 0
    for p in merged:
        parts.append(text[pos : p.start])
        parts.append(p.mask)
        pos = p.end
    parts.append(text[pos:])
    return Redacted(text="".join(parts), spans=tuple(merged))


def redact(text: str, lang: str) -> Redacted:
    """Mask the personal data of one utterance.

    >>> r = redact("Ring mig på 070-123 45 67, jag heter Anna.", "sv")
    >>> r.text
    'Ring mig på [PHONE], jag heter [NAME].'
    >>> [(p.kind, p.start, p.end) for p in r.spans]
    [('phone', 12, 25), ('name', 37, 41)]
    """
    return redact_spans(text, find(text, lang))

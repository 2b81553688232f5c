"""Redact a whole analysed call: every utterance, every tag's evidence, every event.

:func:`redact_call` masks the personal data of each utterance (:func:`find_personal_data`)
and then, across the call, every other mention of a datum it found: a name introduced once
("jag heter Anna Lindqvist") is masked where it comes back without a cue ("tack Anna"), a
number read out twice is masked both times. Tags keep pointing at the right words (their
spans are mapped onto the redacted text, and a tag that quoted part of a datum now quotes
its mask); event messages and details lose the same values. Scores computed from a
redacted call quote only redacted text, so redact before scoring.

Left alone, by design: the call's own metadata (``call_id``, ``agent_id``, ``team``,
``source`` file name, speaker labels). They come from the user's systems, not from what
was said, and the user decides what goes into them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import JsonValue

from verbalkit.privacy.lexicon import load_lexicon
from verbalkit.privacy.models import PersonalData, mask_for
from verbalkit.privacy.redact import find_personal_data, redact_spans
from verbalkit.schema import AnalysedCall, AnalysedUtterance

__all__ = ["redact_call", "redact_text_values"]

#: Parts of a found name shorter than this are not searched for elsewhere in the call.
MIN_NAME_PART = 3
#: Data values shorter than this (digits and letters) are not searched for elsewhere.
MIN_VALUE_CHARS = 5

_WORD = re.compile(r"\w+", re.UNICODE)


def _lang(call: AnalysedCall) -> str:
    return call.language if call.language in ("sv", "en") else "en"


def _repeat_patterns(
    found: Iterable[PersonalData], known_names: frozenset[str], common: set[str]
) -> list[tuple[re.Pattern[str], str]]:
    """Regexes for the values found anywhere in the call, with their kinds.

    Names also match by their parts (first or last name alone, any case) — a part that is
    a known first name or surname, or one the call never writes in lower case (so a
    "name" that took in "Restaurant" does not mask every restaurant of the call); other
    values match as written, ignoring spaces and dashes between their characters.
    """
    out: dict[str, tuple[re.Pattern[str], str]] = {}
    for p in found:
        if p.kind == "name":
            parts = [
                w
                for w in _WORD.findall(p.text)
                if len(w) >= MIN_NAME_PART
                and (w.lower() in known_names or (not w.islower() and w.lower() not in common))
            ]
            for part in parts:
                key = f"name:{part.lower()}"
                if key not in out:
                    out[key] = (
                        re.compile(rf"(?<!\w){re.escape(part)}(?!\w)", re.IGNORECASE),
                        "name",
                    )
            continue
        chars = [c for c in p.text if c.isalnum()]
        if len(chars) < MIN_VALUE_CHARS:
            continue
        key = f"{p.kind}:{''.join(chars).lower()}"
        if key not in out:
            body = r"[\s\-.]?".join(re.escape(c) for c in chars)
            out[key] = (re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE), p.kind)
    return list(out.values())


def _repeats(
    text: str, patterns: list[tuple[re.Pattern[str], str]], known: list[PersonalData]
) -> list[PersonalData]:
    extra: list[PersonalData] = []
    for pattern, kind in patterns:
        for m in pattern.finditer(text):
            if any(k.start < m.end() and m.start() < k.end for k in known):
                continue
            extra.append(
                PersonalData(
                    start=m.start(),
                    end=m.end(),
                    kind=kind,
                    rule=f"call.repeated.{kind}",
                    confidence=0.8,
                    text=m.group(0),
                )
            )
    return extra


def redact_text_values(text: str, values: Iterable[tuple[str, str]]) -> str:
    """Replace every occurrence of the given ``(value, kind)`` pairs in a free text."""
    for value, kind in sorted(values, key=lambda v: -len(v[0])):
        if value:
            text = text.replace(value, mask_for(kind))
    return text


def _redact_json(value: JsonValue, values: list[tuple[str, str]]) -> JsonValue:
    if isinstance(value, str):
        return redact_text_values(value, values)
    if isinstance(value, list):
        return [_redact_json(v, values) for v in value]
    if isinstance(value, dict):
        return {k: _redact_json(v, values) for k, v in value.items()}
    return value


def redact_call(call: AnalysedCall) -> AnalysedCall:
    """The same call with personal data masked as ``[KIND]`` in every text it carries.

    >>> from verbalkit.schema import AnalysedCall, AnalysedUtterance
    >>> from verbalkit.vocab import Role
    >>> call = AnalysedCall(call_id="c1", language="sv", has_timestamps=False, utterances=[
    ...     AnalysedUtterance(index=0, speaker=Role.CUSTOMER, text="Hej, jag heter Anna Lindqvist."),
    ...     AnalysedUtterance(index=1, speaker=Role.AGENT, text="Tack Anna, vad gäller det?")])
    >>> [u.text for u in redact_call(call).utterances]
    ['Hej, jag heter [NAME].', 'Tack [NAME], vad gäller det?']
    """
    lang = _lang(call)
    found = [find_personal_data(u.text, lang) for u in call.utterances]
    if not any(found):
        return call
    names = load_lexicon(lang).names
    known = frozenset(w.lower() for w in (*names.first_names, *names.surnames))
    common = {w for u in call.utterances for w in _WORD.findall(u.text) if w.islower()}
    patterns = _repeat_patterns((p for per_utt in found for p in per_utt), known, common)
    if not patterns and not any(found):
        return call
    values: dict[str, str] = {}
    utterances: list[AnalysedUtterance] = []
    for u, own in zip(call.utterances, found, strict=True):
        spans = own + _repeats(u.text, patterns, own)
        if not spans:
            utterances.append(u)
            continue
        red = redact_spans(u.text, spans)
        for p in red.spans:
            values[p.text] = p.kind
        tags = []
        for t in u.tags:
            start, end = red.map_span(t.start, t.end)
            tags.append(
                t.model_copy(update={"start": start, "end": end, "text": red.text[start:end]})
            )
        utterances.append(u.model_copy(update={"text": red.text, "tags": tags}))
    pairs = list(values.items())
    events = [
        e.model_copy(
            update={
                "message": redact_text_values(e.message, pairs),
                "details": _redact_json(e.details, pairs),
            }
        )
        for e in call.events
    ]
    warnings = [redact_text_values(w, pairs) for w in call.warnings]
    return call.model_copy(
        update={"utterances": utterances, "events": events, "warnings": warnings}
    )

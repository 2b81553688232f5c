"""Redaction: masks, offsets, mapping spans, and properties that hold for any text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verbalkit.privacy import PersonalData, Redacted, find_personal_data, redact, redact_spans


def _p(start: int, end: int, kind: str = "name") -> PersonalData:
    return PersonalData(start=start, end=end, kind=kind, rule="test", confidence=1.0)  # type: ignore[arg-type]


def test_redact_replaces_with_kind() -> None:
    r = redact("Ring mig på 070-123 45 67, jag heter Anna.", "sv")
    assert r.text == "Ring mig på [PHONE], jag heter [NAME]."
    assert [(p.kind, p.start, p.end) for p in r.spans] == [("phone", 12, 25), ("name", 37, 41)]


def test_every_kind_has_its_mask() -> None:
    text = (
        "Jag heter Anna Svensson, personnummer 850312-3310, ring 070-123 45 67, "
        "mejl anna@x.se, kort 4111 1111 1111 1111, iban SE45 5000 0000 0583 9825 7466, "
        "clearingnummer 8327-9, jag bor på Storgatan 12, medlemsnummer 448812."
    )
    r = redact(text, "sv")
    for mask in ("[NAME]", "[PERSONNUMMER]", "[PHONE]", "[EMAIL]", "[CARD]", "[IBAN]"):
        assert mask in r.text
    for mask in ("[BANK_ACCOUNT]", "[ADDRESS]", "[CUSTOMER_ID]"):
        assert mask in r.text
    assert not any(ch.isdigit() for ch in r.text)


def test_map_span() -> None:
    r = redact_spans("hej Anna och Per!", [_p(4, 8), _p(13, 16)])
    assert r.text == "hej [NAME] och [NAME]!"
    assert r.map_span(0, 3) == (0, 3)  # before any mask
    assert r.map_span(4, 8) == (4, 10)  # exactly a mask
    assert r.map_span(5, 6) == (4, 10)  # inside a mask: grows to the whole mask
    assert r.map_span(0, 6) == (0, 10)  # overlaps the start of a mask
    assert r.map_span(9, 12) == (11, 14)  # between masks
    assert r.map_span(9, 17) == (11, 22)  # over the second mask to the end
    assert r.map_span(16, 17) == (21, 22)  # after everything
    assert r.map_offset(6) == 4
    with pytest.raises(ValueError):
        r.map_span(5, 2)


def test_redact_spans_merges_overlaps_and_checks_bounds() -> None:
    r = redact_spans("0123456789", [_p(2, 5, "phone"), _p(4, 7, "card"), _p(9, 9)])
    assert r.text == "01[PHONE]789"
    assert [(p.start, p.end, p.text) for p in r.spans] == [(2, 7, "23456")]
    with pytest.raises(ValueError):
        redact_spans("abc", [_p(1, 5)])


def test_redacted_is_frozen_and_serialisable() -> None:
    r = redact("my name is john smith", "en")
    assert Redacted.model_validate(r.model_dump()) == r


_CHARS = list("abcdefghijklmnopqrstuvwxyzåäöABCÅÖ0123456789 .,-+@:()")
_WORDS = ["noll ", "sju ", "double ", "oh ", "punkt ", "snabel-a ", " at ", " dot com", "heter "]
_WORDS += ["my name is ", "Anna ", "Storgatan ", " Street", "kr", "personnummer ", "sort code "]
ALPHABET = st.sampled_from([*_CHARS, *_WORDS])
texts = st.lists(ALPHABET, max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, lang=st.sampled_from(["sv", "en"]))
def test_properties(text: str, lang: str) -> None:
    found = find_personal_data(text, lang)
    # spans sorted, non-overlapping, inside the text
    assert all(0 <= p.start < p.end <= len(text) for p in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    r = redact(text, lang)
    # text outside the spans is unchanged, in order
    pos = 0
    out = 0
    for p in r.spans:
        gap = text[pos : p.start]
        assert r.text[out : out + len(gap)] == gap
        out += len(gap)
        assert r.text[out : out + len(p.mask)] == p.mask
        out += len(p.mask)
        pos = p.end
    assert r.text[out:] == text[pos:]
    # idempotent: the redacted text has nothing more to redact
    assert redact(r.text, lang).text == r.text
    # every original span maps into the redacted text
    for p in r.spans:
        s, e = r.map_span(p.start, p.end)
        assert r.text[s:e] == p.mask

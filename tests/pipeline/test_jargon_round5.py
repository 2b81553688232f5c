"""Jargon round 5: English shapes the term lists cannot hold.

Plural acronyms ("TDRs"), a capital letter joined to a word or number ("C-wire", "E-6"),
forms, sections and codes with their number ("Form 8867"), systems and registers named in
title case ("the Residence Portal"), acronyms written in lower case in ASR-style rows
("pcn"), and short codes the customer did not say even when a longer word of theirs holds
the same letters ("IC" in "technician"). Each row is (agent text, previous customer turn,
expected span or None); negatives are everyday words of the same shape.
"""

from __future__ import annotations

import pytest

from verbalkit.analysis import tag
from verbalkit.schema import Tag


def jargon(text: str, prev: str | None = None) -> list[Tag]:
    return [t for t in tag(text, "en", prev=prev) if t.label == "jargon"]


POSITIVE: list[tuple[str, str | None, str]] = [
    ("The regional office is slow with NOCs at the moment.", None, "NOCs"),
    ("Check whether there's an R-wire going into the boiler.", None, "R-wire"),
    ("Your prints went for C-41 processing at the lab.", None, "C-41"),
    ("You'll need to send us a Form 2290 before we can release it.", None, "Form 2290"),
    ("The landlord served a section 8 notice in March.", None, "section 8"),
    ("You can update that yourself in the Tenant Portal tonight.", None, "Tenant Portal"),
    ("Next you'd receive a Notice of Intended Prosecution.", None, "Notice of Intended"),
    ("so the dvsa record still shows the old date", "I booked the test in May.", "dvsa"),
    ("it sounds like the ecu needs a reset", "The car keeps cutting out.", "ecu"),
    ("The PCB may have cracked when it fell.", "Could the technician have broken it?", "PCB"),
]

NEGATIVE: list[tuple[str, str | None]] = [
    ("Any X-rays are quoted before we start.", None),
    ("Please wear a T-shirt you don't mind getting wet.", None),
    ("Our ATMs and PCs in branch take the same card.", None),
    ("The train leaves from Platform 4, then Gate 12 for the coach.", None),
    ("It's on King Street, next to the Market Hall.", None),
    ("nae bother at all enjoy the rest of your arvo", None),
    ("yeah i'll pop it in the post to you today", None),
    # The customer said it first.
    ("Right, the TDRs usually take sixty days.", "I filed two TDRs last month."),
    ("yeah the pcn reference is on the letter", "I've got a pcn on my car."),
]


@pytest.mark.parametrize(("text", "prev", "span"), POSITIVE)
def test_shape_found(text: str, prev: str | None, span: str) -> None:
    found = jargon(text, prev)
    assert any(span in t.text or t.text in span for t in found), [t.text for t in found]


@pytest.mark.parametrize(("text", "prev"), NEGATIVE)
def test_everyday_shape_not_jargon(text: str, prev: str | None) -> None:
    assert jargon(text, prev) == []


SV_POSITIVE: list[tuple[str, str | None, str]] = [
    ("Ligger du i tabell 33 blir det ungefär 2 100 kronor.", None, "tabell 33"),
    ("Larmet kom från sektion 4, alltså källardörren.", None, "sektion 4"),
    ("Jag ser i Bostra att inflyttningen är registrerad.", None, "Bostra"),
]

SV_NEGATIVE: list[tuple[str, str | None]] = [
    ("Vi har lediga tider i Göteborg och på Arlanda på fredag.", None),
    ("Tanden sitter kvar, och det står i journalen att den lagades i maj.", None),
]


@pytest.mark.parametrize(("text", "prev", "span"), SV_POSITIVE)
def test_sv_shape_found(text: str, prev: str | None, span: str) -> None:
    found = [t for t in tag(text, "sv", prev=prev) if t.label == "jargon"]
    assert any(span in t.text or t.text in span for t in found), [t.text for t in found]


@pytest.mark.parametrize(("text", "prev"), SV_NEGATIVE)
def test_sv_everyday_shape_not_jargon(text: str, prev: str | None) -> None:
    assert [t for t in tag(text, "sv", prev=prev) if t.label == "jargon"] == []

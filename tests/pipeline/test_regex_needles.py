"""Needles: the strings one of which every match of a rule regex holds (a fast pre-test)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import verbalkit
from verbalkit.pipeline.components import common
from verbalkit.pipeline.lang import en
from verbalkit.pipeline.regexcache import needles


def test_needles_of_simple_shapes() -> None:
    assert needles(r"\b(?:jag|vi) kan (?:\w+ )?hjälpa") == ("hjälpa",)
    assert needles(r"\b(?:sorry|apologi[sz]e)\b") == ("apologi", "sorry")
    assert needles(r"(?:re)+fund") == ("fund",)
    # nothing every match must hold: an optional part, a class, a lookahead, any case
    assert needles(r"(?:so )?\w+") == ()
    assert needles(r"[a-z]+ing") == ("ing",)
    assert needles(r"(?=refund)\w+") == ()
    assert needles(r"(?i)refund") == ()
    assert needles(r"(?i:refund)|credit") == ()
    # too many alternatives, or too short, is not worth a pre-test
    assert needles("|".join(f"w{i}x" for i in range(40))) == ()
    assert needles(r"a\b") == ()


WORDS = ["jag", "vi", "kan", "hjälpa", "sorry", "refund", "re", "fund", "so", "the", "ing"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8))
def test_a_text_without_needles_never_matches(words: list[str]) -> None:
    text = " ".join(words)
    for pattern in (
        r"\b(?:jag|vi) kan (?:\w+ )?hjälpa",
        r"\b(?:sorry|apologi[sz]e)\b",
        r"(?:re)+fund",
        r"so (?:the )?\w+ing",
    ):
        found = needles(pattern)
        if re.search(pattern, text):
            assert not found or any(n in text for n in found)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_rules_own_patterns_hold_their_needles(lang: str) -> None:
    # Tag enough text that the hooks compile their patterns, then check every pattern with
    # needles against the texts: whenever it matches, one of its needles is in the text.
    texts = {
        "sv": [
            "Jag förstår att det är frustrerande, vi skickar en ny del i morgon.",
            "så du har väntat i tre veckor och ingen har hört av sig",
            "Det är leverantörens fel, inte vårt. Kan du skicka kvittot?",
            "då gör jag det åt dig och så ringer jag dig på fredag",
        ],
        "en": [
            "I'm so sorry, that must be really frustrating. We'll send a new one today.",
            "so you've been waiting three weeks and nobody called you back",
            "That's the courier's fault, not ours. Could you send me the receipt?",
            "what would work best for you, a refund or a replacement?",
        ],
    }[lang]
    for t in texts:
        verbalkit.tag(t, lang=lang)
    lowered = [t.lower() for t in texts] + [re.sub(r"[^\w\s']", "", t.lower()) for t in texts]
    checked = 0
    for pattern, (rx, found) in list(common._GATED.items()) + list(en._WORD_RES.items()):
        if not found:
            continue
        checked += 1
        for text in lowered:
            if rx.search(text):
                assert any(n in text for n in found), (pattern[:80], text)
    assert checked > 20

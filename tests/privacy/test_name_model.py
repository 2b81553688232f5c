"""The trained name model beside the rules (:mod:`verbalkit.privacy.name_model`).

Every sentence here is new (written for this file, not taken from any benchmark CSV).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from verbalkit.privacy import name_model, train_names
from verbalkit.privacy.recognisers import find, find_rules


def _names(text: str, lang: str) -> list[str]:
    return [p.text for p in find(text, lang) if p.kind == "name"]


def test_features_are_deterministic() -> None:
    text = "Can you pass this on to Mirela Dragomir in accounts?"
    lists = name_model.word_lists("en")
    words = name_model.tokens(text)
    first = name_model.token_features(text, words, lists)
    assert first == name_model.token_features(text, words, lists)
    assert [text[s:e] for s, e in words][-3:] == ["Dragomir", "in", "accounts"]
    assert "w=dragomir" in first[-3] and "p1=mirela" in first[-3]


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        (
            "en",
            "I went over the figures with Tendai Mutasa yesterday and he agreed.",
            "Tendai Mutasa",
        ),
        ("en", "Can you pass this on to Mirela Dragomir in accounts?", "Mirela Dragomir"),
        # round 15: the sv threshold went 0.675 -> 0.875 (fewer false masks), and the model's
        # 0.82 for "Tendai" in "Bokningen gäller Tendai Mutasa" is no longer enough; round 17:
        # the by-origin lists let the rules find "Amani Wanjiru" themselves
        ("sv", "Jag har gått hos Wikström på massagen i flera år.", "Wikström"),
        ("sv", "jag ringer för aino mäkinen hon hör dåligt", "aino mäkinen"),
    ],
)
def test_model_adds_a_name_the_rules_miss(lang: str, text: str, name: str) -> None:
    assert name not in [p.text for p in find_rules(text, lang)]
    found = [p for p in find(text, lang) if p.text == name]
    assert found and found[0].rule == name_model.RULE
    assert 0.0 < found[0].confidence <= 1.0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Galaxy Note and the Pixel both need the update."),
        ("en", "We drove through Harrogate and Ripon on the way up."),
        ("en", "The Sorrento pasta bake comes with garlic bread."),
        ("en", "Open Settings, then tap Accessibility and Display."),
        ("sv", "Vi åkte via Sundsvall och Härnösand på vägen upp."),
        ("sv", "Soffan Ektorp finns i grått och beige."),
        ("sv", "Ring mig när paketet har kommit fram."),
        ("sv", "Appen heter Kivra och fakturan ligger där."),
    ],
)
def test_model_leaves_ordinary_words_places_and_products(lang: str, text: str) -> None:
    assert _names(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Send it to tendai.mutasa@example.org or call 07700 900123, Tendai Mutasa."),
        ("sv", "Mejla mirela.dragomir@exempel.se, Mirela Dragomir på ekonomi, Storgatan 12."),
    ],
)
def test_model_spans_never_overlap_other_kinds(lang: str, text: str) -> None:
    found = find(text, lang)
    for p in found:
        for q in found:
            if p is not q:
                assert p.end <= q.start or q.end <= p.start
    others = [(p.start, p.end) for p in find_rules(text, lang) if p.kind != "name"]
    for p in found:
        if p.rule == name_model.RULE:
            assert not any(p.start < e and s < p.end for s, e in others)


def test_without_the_model_file_the_rules_alone_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text = "I went over the figures with Tendai Mutasa yesterday and he agreed."
    monkeypatch.setattr(name_model, "MODELS", tmp_path)
    name_model.load_model.cache_clear()
    try:
        assert name_model.load_model("en") is None
        assert find(text, "en") == find_rules(text, "en")
    finally:
        name_model.load_model.cache_clear()


def test_shipped_models_are_valid_and_small() -> None:
    for lang in ("sv", "en"):
        path = name_model.model_path(lang)
        assert path.stat().st_size < 1_000_000
        model = name_model.load_model(lang)
        assert model is not None and model.lang == lang
        assert not any(part in f for f in model.trained_on for part in train_names.SEALED)
        assert set(train_names.SEALED) >= {"blind24"}

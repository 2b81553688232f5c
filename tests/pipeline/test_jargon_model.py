"""The trained jargon recogniser beside the rules: new sentences (written for these tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from verbalkit.analysis import tag
from verbalkit.pipeline import jargon_model
from verbalkit.pipeline.components.jargon import customer_test, model_lists
from verbalkit.pipeline.jargon_model import (
    JargonModel,
    disabled,
    features,
    join_words,
    load_jargon_model,
    words,
)


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A jargon model per language trained here on the project's labelled data (the shipped
    folder holds one only when `make train` keeps it), used in place of the shipped ones."""
    from verbalkit.pipeline.train import shared_root
    from verbalkit.pipeline.train_jargon import train

    if not (shared_root() / "dev" / "utterances_sv.csv").is_file():
        pytest.skip("shared/data is not beside the project: cannot train a jargon model")
    folder = tmp_path_factory.mktemp("jargon")
    paths = {}
    for lang in ("sv", "en"):
        paths[lang] = folder / f"{lang}.json"
        train(lang, out=paths[lang], force=True)
    before = jargon_model._path_of
    jargon_model._path_of = lambda lang: str(paths[lang])  # type: ignore[assignment]
    try:
        yield
    finally:
        jargon_model._path_of = before  # type: ignore[assignment]


needs_models = pytest.mark.usefixtures("trained")


@pytest.fixture
def known_terms(tmp_path: Path) -> Iterator[None]:
    """Models that know two unlisted terms (their word weights only): the component's own
    work — spans, evidence, the customer-used-first rule — whatever training learns."""
    import json

    paths = {}
    for lang, word in (("sv", "omfördelningsbegäran"), ("en", "consolidation")):
        paths[lang] = tmp_path / f"{lang}.json"
        paths[lang].write_text(
            json.dumps(
                {"language": lang, "bias": -6.0, "threshold": 0.5, "weights": {f"w:{word}": 12.0}}
            ),
            encoding="utf-8",
        )
    before = jargon_model._path_of
    jargon_model._path_of = lambda lang: str(paths[lang])  # type: ignore[assignment]
    try:
        yield
    finally:
        jargon_model._path_of = before  # type: ignore[assignment]


def jargon(text: str, lang: str, prev: str | None = None) -> list[tuple[str, str, float]]:
    return [
        (t.text, t.rule, t.confidence)
        for t in tag(text, lang=lang, prev=prev)
        if t.label == "jargon"
    ]


SV_SYSTEM = "Jag har lagt in en omfördelningsbegäran i Kassiopeja så att handläggaren ser den."
EN_PROCESS = "Your parcel was sent to the consolidation depot."


@pytest.mark.usefixtures("known_terms")
def test_the_model_finds_unlisted_terms_the_rules_miss() -> None:
    with disabled():
        assert jargon(SV_SYSTEM, "sv") == []
        assert jargon(EN_PROCESS, "en") == []
    sv = jargon(SV_SYSTEM, "sv")
    assert "omfördelningsbegäran" in [t for t, _, _ in sv]  # an unlisted process term
    assert all(rule == "sv.jargon.model" for _, rule, _ in sv)
    model = load_jargon_model("sv")
    assert model is not None
    assert all(model.threshold <= c <= 1.0 for _, _, c in sv)
    en = jargon(EN_PROCESS, "en")
    assert [t for t, _, _ in en] == ["consolidation"]
    assert en[0][1] == "en.jargon.model"


@pytest.mark.usefixtures("known_terms")
def test_never_a_term_the_customer_used_first() -> None:
    prev = "Har du lagt in min omfördelningsbegäran i Kassiopeja än?"
    assert jargon(SV_SYSTEM, "sv", prev=prev) == []
    prev_en = "Why was my parcel sent to the consolidation depot?"
    assert jargon(EN_PROCESS, "en", prev=prev_en) == []


@needs_models
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "Jag ringer dig i morgon och berättar hur det gick med leveransen."),
        ("sv", "Tack, jag ser att fakturan har skickats till din adress."),
        ("sv", "Det var tråkigt att höra, vi skickar en ny tröja redan i dag."),
        ("en", "I will call you tomorrow and tell you how the delivery went."),
        ("en", "Thanks, I can see the invoice was sent to your address last week."),
        ("en", "I'm so sorry about that, we'll send a new jumper today."),
    ],
)
def test_ordinary_words_are_no_jargon(lang: str, text: str) -> None:
    assert jargon(text, lang) == []


@pytest.mark.usefixtures("known_terms")
def test_the_model_never_removes_a_rules_span() -> None:
    text = "Ärendet ligger i WMS:et och väntar på en omfördelningsbegäran."
    with disabled():
        rules = jargon(text, "sv")
    both = jargon(text, "sv")
    assert rules and set(rules) <= set(both)


def test_features_are_deterministic() -> None:
    lists = model_lists("en", [], {"parcel": "12", "depot": "13"})
    ws = words(EN_PROCESS)
    tagged = [False] * len(ws)
    a = [features(ws, i, lists, tagged) for i in range(len(ws))]
    assert a == [features(words(EN_PROCESS), i, lists, tagged) for i in range(len(ws))]
    parcel = a[1]
    assert "w:parcel" in parcel and "fq:12" in parcel and "p:det" in parcel
    assert "sh:xx" in parcel


def test_words_keep_clitics_and_inner_marks() -> None:
    text = "Det ligger i WMS:et, L2-gruppen tar 36:an och e.max."
    assert [w.text for w in words(text)] == [
        "Det",
        "ligger",
        "i",
        "WMS:et",
        "L2-gruppen",
        "tar",
        "36:an",
        "och",
        "e.max",
    ]


def test_adjacent_words_make_one_span() -> None:
    text = "the door operator board is late"
    scored = [(4, 8, 0.8), (9, 17, 0.9), (18, 23, 0.75), (27, 31, 0.1)]
    assert join_words(text, scored, 0.7) == [(4, 23, 0.9)]


def test_customer_words_are_found_as_the_rules_find_them() -> None:
    used = customer_test("Min VPN och fiberkonvertern krånglar")
    assert used("VPN") and used("fiberkonverterns") and not used("APN")
    assert not customer_test(None)("VPN")


@needs_models
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_capitalised_words_are_left_to_the_rules(lang: str) -> None:
    text = "Vi har lediga tider i Göteborg." if lang == "sv" else "We have slots in Swindon."
    assert jargon(text, lang) == []


def test_rules_alone_without_the_model_file(tmp_path: Path) -> None:
    assert jargon_model._load(str(tmp_path / "jargon_model.json")) is None
    with disabled():
        assert load_jargon_model("sv") is None
        tags = jargon(SV_SYSTEM + " Det ligger i WMS:et.", "sv")
    assert tags and all(not rule.endswith(".model") for _, rule, _ in tags)


def test_a_model_file_round_trips() -> None:
    data = {
        "language": "en",
        "bias": -1.0,
        "threshold": 0.6,
        "weights": {"w:frobnicator": 3.0},
        "freq": {"10": "the parcel"},
    }
    model = JargonModel.from_json(data)
    assert model.freq == {"the": "10", "parcel": "10"}
    assert model.probability(["w:frobnicator"]) > 0.8 > model.probability(["w:parcel"])

"""Coaching texts in Swedish and English: written for the situation, never an unfilled slot."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pytest
import yaml

from verbalkit.scoring.coaching import (
    Situation,
    coach_text,
    emotion_kind,
    reflect,
    strength_text,
)

# -- realistic situations for every key the default scorecard uses -----------------

SV_FAKTURA = "Hej, jag har fått fel belopp på min faktura igen, det är tredje gången nu."
EN_CHARGED = "Hi, I was charged twice for my order and nobody has sorted it out."

SITUATIONS: dict[str, dict[str, dict[str, Any]]] = {
    # direction "for": the behaviour was missing
    "behaviour:open_question": {
        "sv": {"customer_text": SV_FAKTURA, "problem_span": "fel belopp"},
        "en": {"customer_text": EN_CHARGED, "problem_span": "charged twice"},
    },
    "behaviour:restating": {
        "sv": {"customer_text": SV_FAKTURA, "problem_span": "fel belopp"},
        "en": {"customer_text": EN_CHARGED, "problem_span": "charged twice"},
    },
    "behaviour:sympathy": {
        "sv": {
            "customer_text": "Jag har väntat på min föräldrapenning i sex veckor och jag är så orolig.",
            "problem_span": "väntat",
            "emotion_span": "orolig",
        },
        "en": {
            "customer_text": "I've been waiting six weeks for my refund and I'm really worried.",
            "problem_span": "waiting six weeks",
            "emotion_span": "worried",
        },
    },
    "behaviour:apology": {
        "sv": {
            "customer_text": "Min matkasse kom i går och äggen var krossade.",
            "problem_span": "krossade",
        },
        "en": {
            "customer_text": "My shopping came yesterday and the eggs were smashed.",
            "problem_span": "smashed",
        },
    },
    "behaviour:thanking": {
        "sv": {"customer_text": "Jag ville bara säga att fakturan hade fel datum."},
        "en": {"customer_text": "I just wanted to let you know the invoice had the wrong date."},
    },
    "behaviour:solution": {
        "sv": {
            "customer_text": "Routern startar om sig själv hela tiden.",
            "problem_span": "startar om",
        },
        "en": {
            "customer_text": "The router keeps restarting itself.",
            "problem_span": "restarting",
        },
    },
    "behaviour:expectation": {
        "sv": {"agent_text": "Jag skickar ärendet vidare."},
        "en": {"agent_text": "I'll pass this on to the team."},
    },
    "behaviour:collaboration": {
        "sv": {"agent_text": "Jag krediterar 200 kronor på nästa faktura."},
        "en": {"agent_text": "I'll credit £20 to your next bill."},
    },
    "behaviour:follow_up": {
        "sv": {"agent_text": "Teknikern kommer på tisdag."},
        "en": {"agent_text": "The engineer will come on Tuesday."},
    },
    # direction "against": present but should not be
    "behaviour:jargon": {
        "sv": {
            "agent_text": "Ditt ärende ligger i kö för andra linjen i CRM:et.",
            "agent_span": "CRM:et",
            "details": {"suggestion": "vårt kundsystem"},
        },
        "en": {
            "agent_text": "That's a chargeback on your MID, so it goes to second line.",
            "agent_span": "MID",
            "details": {"suggestion": "merchant account"},
        },
    },
    "behaviour:demanding": {
        "sv": {
            "agent_text": "Du måste skicka in kvittot.",
            "agent_span": "Du måste skicka in kvittot.",
        },
        "en": {
            "agent_text": "You have to call the other number.",
            "agent_span": "You have to call the other number.",
        },
    },
    "behaviour:blaming": {
        "sv": {
            "agent_text": "Det är lagret som har slarvat.",
            "agent_span": "Det är lagret som har slarvat.",
            "customer_text": "Mobilskalet jag beställde saknas i paketet.",
            "problem_span": "saknas",
        },
        "en": {
            "agent_text": "That's the courier's fault, not ours.",
            "agent_span": "That's the courier's fault, not ours.",
            "customer_text": "The olive oil I ordered wasn't in my delivery.",
            "problem_span": "wasn't in",
        },
    },
    "behaviour:closed_question": {
        "sv": {
            "agent_text": "Har du provat att starta om routern?",
            "agent_span": "Har du provat att starta om routern?",
        },
        "en": {
            "agent_text": "Have you tried restarting the router?",
            "agent_span": "Have you tried restarting the router?",
        },
    },
    "pattern:premature_solution": {
        "sv": {
            "customer_text": "Hej, jag har fått mitt paket men mobilskalet jag beställde saknas.",
            "problem_span": "saknas",
            "agent_text": "Då skickar jag ett nytt direkt.",
        },
        "en": {
            "customer_text": "Hi, my delivery came and the olive oil I ordered wasn't in it.",
            "problem_span": "wasn't in",
            "agent_text": "I'll put a voucher on your account.",
        },
    },
    "pattern:give_away": {
        "sv": {"details": {"offer": 700.0, "loss": 149.0, "currency": "SEK", "ratio": 4.7}},
        "en": {"details": {"offer": 30.0, "loss": 3.2, "currency": "GBP", "ratio": 9.38}},
    },
    "pattern:interruption": {
        "sv": {
            "customer_text": "Ni har dragit 140 kronor för mycket på min faktura och –",
            "problem_span": "för mycket",
        },
        "en": {
            "customer_text": "You've taken forty pounds too much from my account and —",
            "problem_span": "too much",
        },
    },
    "pattern:long_monologue": {
        "sv": {"details": {"seconds": 95.0, "words": 240}},
        "en": {"details": {"seconds": 95.0, "words": 240}},
    },
    "metric:longest_monologue_s": {"sv": {"value": 95.0}, "en": {"value": 95.0}},
    "metric:longest_monologue_words": {"sv": {"value": 240.0}, "en": {"value": 240.0}},
    "metric:n_interruptions": {"sv": {"value": 3.0}, "en": {"value": 3.0}},
    # direction "band": a metric outside its band
    "metric:agent_talk_share": {"sv": {"value": 0.78}, "en": {"value": 0.78}},
    "metric:agent_wpm": {"sv": {"value": 190.0}, "en": {"value": 190.0}},
    "metric:response_gap_mean_s": {"sv": {"value": 2.4}, "en": {"value": 2.4}},
}

FOR_KEYS = [
    "behaviour:open_question",
    "behaviour:restating",
    "behaviour:sympathy",
    "behaviour:apology",
    "behaviour:thanking",
    "behaviour:solution",
    "behaviour:expectation",
    "behaviour:collaboration",
    "behaviour:follow_up",
]
AGAINST_KEYS = [
    "behaviour:jargon",
    "behaviour:demanding",
    "behaviour:blaming",
    "behaviour:closed_question",
    "pattern:premature_solution",
    "pattern:give_away",
    "pattern:interruption",
    "pattern:long_monologue",
    "metric:longest_monologue_s",
    "metric:longest_monologue_words",
    "metric:n_interruptions",
]
BAND_KEYS = ["metric:agent_talk_share", "metric:agent_wpm", "metric:response_gap_mean_s"]
ALL_KEYS = [(k, "for") for k in FOR_KEYS] + [(k, "against") for k in AGAINST_KEYS]
ALL_KEYS += [(k, "band") for k in BAND_KEYS]

SV_WORDS = {"du", "att", "det", "och", "jag", "kunden", "är", "vi", "för", "som", "inte", "av"}
EN_WORDS = {"you", "the", "to", "and", "it", "your", "that", "we", "of", "is", "a"}
SLOT = re.compile(r"[{}]")


def situation(lang: str, key: str, direction: str, **fields: Any) -> Situation:
    return Situation(lang=lang, key=key, direction=direction, **fields)  # type: ignore[arg-type]


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_the_situations_cover_every_key_of_the_default_scorecard() -> None:
    assert set(SITUATIONS) == {k for k, _ in ALL_KEYS}


@pytest.mark.parametrize(("key", "direction"), ALL_KEYS)
def test_every_key_has_a_problem_and_a_suggestion_in_both_languages(
    key: str, direction: str
) -> None:
    out = {}
    for lang in ("sv", "en"):
        problem, suggestion = coach_text(situation(lang, key, direction, **SITUATIONS[key][lang]))
        assert problem and suggestion, (lang, key)
        for text in (problem, suggestion):
            assert not SLOT.search(text), f"unfilled slot in {text!r}"
            assert text[0].isupper(), text
            assert "  " not in text and text == text.strip()
        assert problem.endswith((".", "?", "!", ")")), problem
        out[lang] = (problem, suggestion)
    sv_problem, sv_suggestion = out["sv"]
    en_problem, en_suggestion = out["en"]
    assert sv_problem != en_problem and sv_suggestion != en_suggestion
    # Each text is in its own language: a Swedish line uses Swedish function words, an
    # English one English words, and not the other way round.
    for text in out["sv"]:
        assert len(words(text) & SV_WORDS) > len(words(text) & EN_WORDS), text
    for text in out["en"]:
        assert len(words(text) & EN_WORDS) > len(words(text) & SV_WORDS), text


@pytest.mark.parametrize(("key", "direction"), ALL_KEYS)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_field_set_never_crashes_and_still_reads_well(
    lang: str, key: str, direction: str
) -> None:
    problem, suggestion = coach_text(situation(lang, key, direction))
    assert problem and problem[0].isupper() and not SLOT.search(problem)
    assert suggestion is None or (suggestion and not SLOT.search(suggestion))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_empty_and_odd_fields_do_not_crash(lang: str) -> None:
    odd = {
        "agent_text": "",
        "agent_span": "   ",
        "customer_text": "…",
        "problem_span": "not in the text",
        "emotion_span": "",
        "value": -1.0,
        "details": {"offer": "lots", "loss": None, "seconds": "long", "suggestion": 3},
    }
    for key, direction in ALL_KEYS:
        problem, suggestion = coach_text(situation(lang, key, direction, **odd))
        assert problem and not SLOT.search(problem)
        assert suggestion is None or not SLOT.search(suggestion)
    braces = situation(lang, "behaviour:restating", "for", customer_text="Jag fick {fel} belopp.")
    assert not SLOT.search(coach_text(braces)[1] or "")


def test_same_situation_same_text() -> None:
    s = situation("sv", "behaviour:sympathy", "for", **SITUATIONS["behaviour:sympathy"]["sv"])
    assert coach_text(s) == coach_text(s)


# -- restating: the customer's own words -----------------------------------------------


def test_restating_takes_up_the_customers_words_in_swedish_with_v2_order() -> None:
    s = situation(
        "sv",
        "behaviour:restating",
        "for",
        customer_text="Jag har fått fel belopp på min faktura igen",
    )
    problem, suggestion = coach_text(s)
    assert (
        suggestion
        == "Om jag förstår dig rätt har du fått fel belopp på din faktura igen – stämmer det?"
    )
    assert '"Jag har fått fel belopp på min faktura igen"' in problem


def test_restating_in_english() -> None:
    s = situation(
        "en", "behaviour:restating", "for", customer_text="I was charged twice for my order"
    )
    _, suggestion = coach_text(s)
    assert (
        suggestion
        == "So if I've got this right, you were charged twice for your order – is that right?"
    )


def test_restating_keeps_the_clause_with_the_problem() -> None:
    s = situation(
        "sv",
        "behaviour:restating",
        "for",
        customer_text="Hej! Jag har fått mitt paket men mobilskalet jag beställde saknas, det kostade 149 kronor.",
        problem_span="saknas",
    )
    _, suggestion = coach_text(s)
    assert suggestion == (
        "Om jag förstår dig rätt har du fått ditt paket men mobilskalet du beställde saknas – stämmer det?"
    )


def test_restating_falls_back_when_the_clause_does_not_start_with_pronoun_and_verb() -> None:
    s = situation(
        "sv",
        "behaviour:restating",
        "for",
        customer_text="Hej, jag ringer för att mitt bredband har varit jättelångsamt i över en vecka nu.",
        problem_span="jättelångsamt",
    )
    _, suggestion = coach_text(s)
    assert (
        suggestion
        == "Om jag förstår dig rätt: ditt bredband har varit jättelångsamt i över en vecka nu. Stämmer det?"
    )


def test_restating_a_question_does_not_turn_it_into_a_statement() -> None:
    s = situation(
        "sv",
        "behaviour:restating",
        "for",
        customer_text="Varför har ni inte betalat ut ersättningen för min cykel?",
    )
    _, suggestion = coach_text(s)
    assert suggestion is not None
    assert "varför har vi inte betalat ut ersättningen för din cykel?" in suggestion
    assert not suggestion.startswith("Om jag förstår dig rätt")


def test_restating_without_customer_words_asks_to_summarise() -> None:
    _, sv = coach_text(situation("sv", "behaviour:restating", "for"))
    _, en = coach_text(situation("en", "behaviour:restating", "for"))
    assert sv is not None and "förstått dig rätt" in sv
    assert en is not None and "understood" in en


# -- reflect ---------------------------------------------------------------------------

REFLECT_SV = [
    (
        "Hej, jag har fått fel belopp på min faktura igen.",
        None,
        "du har fått fel belopp på din faktura igen",
    ),
    (
        "Hej, jag har fått mitt paket men mobilskalet jag beställde saknas, det kostade 149 kronor.",
        "saknas",
        "du har fått ditt paket men mobilskalet du beställde saknas",
    ),
    (
        "Hej, jag ringer för att mitt bredband har varit jättelångsamt i över en vecka nu, och jag jobbar hemifrån.",
        "jättelångsamt",
        "ditt bredband har varit jättelångsamt i över en vecka nu",
    ),
    (
        "Hej, jag har fått en faktura där ni har dragit 140 kronor för mycket, ni har räknat med en gammal mätarställning och –",
        "för mycket",
        "du har fått en faktura där vi har dragit 140 kronor för mycket",
    ),
    (
        "Ni lovade att ringa mig i går men ingen hörde av sig.",
        None,
        "vi lovade att ringa dig i går men ingen hörde av sig",
    ),
    (
        "Jag har ringt er tre gånger och ni har fortfarande inte skickat er blankett.",
        None,
        "du har ringt oss tre gånger och vi har fortfarande inte skickat vår blankett",
    ),
    ("Ja, vi har väntat i åtta veckor.", None, "ni har väntat i åtta veckor"),
    (
        "Tåget var två timmar sent och jag missade mitt flyg, det är helt oacceptabelt.",
        "sent",
        "tåget var två timmar sent och du missade ditt flyg",
    ),
    (
        "Okej. Men jag har redan skickat in kvittot, två gånger faktiskt!",
        None,
        "du har redan skickat in kvittot, två gånger faktiskt",
    ),
    (
        "Jag har väntat på min föräldrapenning i sex veckor och nu har jag inga pengar till hyran.",
        "väntat",
        "du har väntat på din föräldrapenning i sex veckor och nu har du inga pengar till hyran",
    ),
    (
        "Hej, under stormen i natt föll en björk över vårt garage och taket är helt krossat. Jag är helt skakad.",
        "krossat",
        "under stormen i natt föll en björk över ert garage och taket är helt krossat",
    ),
    (
        "Min plånbok blev stulen på tåget i morse, med kortet och allt.",
        "stulen",
        "din plånbok blev stulen på tåget i morse",
    ),
    (
        "Det känns ju som att ni inte vill hjälpa mig.",
        None,
        "det känns ju som att vi inte vill hjälpa dig",
    ),
    (
        "nej det är babymat och blöjor, vi har inga barn",
        "inga barn",
        "ni har inga barn",
    ),
]

REFLECT_EN = [
    ("I was charged twice for my order", None, "you were charged twice for your order"),
    (
        "Hi, I'm in Lisbon and my card keeps getting declined. I couldn't pay for the hotel last night.",
        "keeps getting",
        "you're in Lisbon and your card keeps getting declined",
    ),
    (
        "I've been on hold for forty minutes before I got to you.",
        None,
        "you've been on hold for forty minutes before you got to us",
    ),
    (
        "You charged me twice and I told you about it last week!",
        None,
        "we charged you twice and you told us about it last week",
    ),
    (
        "Well, I was told you would call me back yesterday.",
        None,
        "you were told we would call you back yesterday",
    ),
    (
        "So I'm calling because my mum's in hospital and I need to pause her deliveries.",
        None,
        "your mum's in hospital and you need to pause her deliveries",
    ),
    (
        "Hi, my delivery came this morning and the olive oil I ordered wasn't in it. It was £3.20.",
        "n't in",
        "your delivery came this morning and the olive oil you ordered wasn't in it",
    ),
    (
        "Hi, I've had a letter saying my direct debit is going up to £190 a month, which is more than double, and I really can't afford that.",
        "double",
        "you've had a letter saying your direct debit is going up to £190 a month, which is more than double",
    ),
    (
        "We've been without hot water since Monday and we've got two kids.",
        None,
        "you've been without hot water since Monday and you've got two kids",
    ),
    (
        "Yeah, I am really not happy with your service.",
        None,
        "you are really not happy with our service",
    ),
    (
        "My flight to Malaga got cancelled and I’ve been stuck at the airport for five hours.",
        "cancelled",
        "your flight to Malaga got cancelled and you've been stuck at the airport for five hours",
    ),
    (
        "I sent you the form myself, so why is it still not processed?",
        None,
        "you sent us the form yourself, so why is it still not processed",
    ),
    (
        "OK. I want to cancel my contract, the signal at my house is terrible.",
        "terrible",
        "the signal at your house is terrible",
    ),
]


@pytest.mark.parametrize(("text", "span", "expected"), REFLECT_SV)
def test_reflect_swedish(text: str, span: str | None, expected: str) -> None:
    assert reflect(text, "sv", span) == expected


@pytest.mark.parametrize(("text", "span", "expected"), REFLECT_EN)
def test_reflect_english(text: str, span: str | None, expected: str) -> None:
    assert reflect(text, "en", span) == expected


def test_reflect_with_two_arguments_and_edge_cases() -> None:
    assert reflect("Jag är besviken.", "sv") == "du är besviken"
    assert reflect("I am disappointed.", "en") == "you are disappointed"
    assert reflect("", "sv") == ""
    assert reflect("Hej!", "sv") == "hej"  # nothing but a greeting: kept, never emptied
    assert (
        reflect("Mitt namn är Anna.", "fr") == "mitt namn är Anna"
    )  # unknown language: English tables


# -- emotions and sympathy -------------------------------------------------------------

EMOTIONS = [
    ("sv", "Jag är så orolig att jag inte hinner betala hyran", "worry"),
    ("sv", "barnen blev jätterädda när det smällde", "worry"),
    ("sv", "Jag vet inte hur jag ska klara mig", "worry"),
    ("sv", "Det är tredje gången jag ringer om det här", "frustration"),
    ("sv", "Jag är så trött på det här", "frustration"),
    ("sv", "jag har startat om routern flera gånger", "frustration"),
    ("sv", "Jag är så besviken, det var ju till min dotters kalas", "disappointment"),
    ("sv", "Det är helt oacceptabelt", "anger"),
    ("sv", "Jag är förbannad på er", "anger"),
    ("sv", "Det här är inte roligt", "general"),
    ("en", "I'm really worried I won't be able to pay the rent", "worry"),
    ("en", "I don't know what to do", "worry"),
    ("en", "This is the third time I've called", "frustration"),
    ("en", "I'm so fed up with this", "frustration"),
    ("en", "it was declined again", "frustration"),
    ("en", "I feel really let down", "disappointment"),
    ("en", "I'm so disappointed", "disappointment"),
    ("en", "This is absolutely unacceptable", "anger"),
    ("en", "I'm furious", "anger"),
    ("en", "It's humiliating", "general"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), EMOTIONS)
def test_emotion_kind(lang: str, text: str, kind: str) -> None:
    assert emotion_kind(text, lang) == kind


def _sympathy(lang: str, customer: str, emotion: str | None, problem: str | None = None) -> str:
    s = situation(
        lang,
        "behaviour:sympathy",
        "for",
        customer_text=customer,
        emotion_span=emotion,
        problem_span=problem,
    )
    suggestion = coach_text(s)[1]
    assert suggestion is not None
    return suggestion


def test_swedish_sympathy_fits_the_emotion() -> None:
    worry = _sympathy(
        "sv", "Jag har väntat i sex veckor på pengarna och jag är så orolig.", "orolig", "väntat"
    )
    frustration = _sympathy(
        "sv", "Det är tredje gången jag ringer om min faktura.", "tredje gången"
    )
    disappointment = _sympathy(
        "sv", "Äggen var krossade och jag är så besviken.", "besviken", "krossade"
    )
    anger = _sympathy(
        "sv", "Tåget var två timmar sent, det är helt oacceptabelt.", "helt oacceptabelt", "sent"
    )
    plain = _sympathy("sv", "Jag fick min matkasse i går men äggen var krossade.", None, "krossade")
    assert "oro" in worry and "väntat i sex veckor" in worry
    assert "frustrer" in frustration and "flera gånger gör det ännu värre" in frustration
    assert "besvik" in disappointment and "äggen var krossade" in disappointment
    assert "upprörd" in anger and "tåget var två timmar sent" in anger
    assert plain.startswith(
        ("Det var tråkigt att höra att", "Åh nej, det var tråkigt att höra att")
    )
    assert "du fick din matkasse i går men äggen var krossade" in plain
    assert len({worry, frustration, disappointment, anger, plain}) == 5


def test_english_sympathy_fits_the_emotion() -> None:
    worry = _sympathy(
        "en", "I've been waiting six weeks for the money and I'm so worried.", "worried", "waiting"
    )
    frustration = _sympathy("en", "This is the third time I've called about my bill.", "third time")
    disappointment = _sympathy(
        "en", "The eggs were smashed and I'm really disappointed.", "disappointed", "smashed"
    )
    anger = _sympathy(
        "en", "The train was two hours late, it's unacceptable.", "unacceptable", "late"
    )
    plain = _sympathy("en", "I was charged twice for my order.", None, "charged twice")
    assert "worr" in worry and "waiting six weeks" in worry
    assert "frustrat" in frustration and ("more than once" in frustration or "again" in frustration)
    assert "disappoint" in disappointment
    assert "upset" in anger and "the train was two hours late" in anger
    assert plain.endswith("to hear that you were charged twice for your order.")
    assert len({worry, frustration, disappointment, anger, plain}) == 5


def test_sympathy_problem_sentence_quotes_the_emotion() -> None:
    problem, _ = coach_text(
        situation(
            "sv",
            "behaviour:sympathy",
            "for",
            customer_text="Jag är helt skakad, taket är krossat.",
            emotion_span="skakad",
        )
    )
    assert '"Jag är helt skakad"' in problem


def test_the_emotion_clause_is_not_repeated_as_the_problem() -> None:
    text = _sympathy(
        "sv", "Jag har väntat på min föräldrapenning i sex veckor, jag är så orolig.", "orolig"
    )
    assert "du har väntat på din föräldrapenning i sex veckor" in text
    assert "du är så orolig" not in text


# -- the agent's words -----------------------------------------------------------------

DEMANDS_SV = [
    ("Du måste skicka in kvittot.", "Vi skulle vilja att du skickar in kvittot – går det bra?"),
    (
        "Du behöver fylla i blanketten på webben.",
        "Vi skulle vilja att du fyller i blanketten på webben – går det bra?",
    ),
    (
        "Då måste du ringa försäkringsbolaget först.",
        "Vi skulle vilja att du ringer försäkringsbolaget först – går det bra?",
    ),
    (
        "Du måste vara hemma när teknikern kommer, annars debiteras en avgift.",
        "Vi skulle vilja att du är hemma när teknikern kommer – går det bra?",
    ),
    (
        "Du får ta med legitimation till ombudet.",
        "Vi skulle vilja att du tar med legitimation till ombudet – går det bra?",
    ),
    (
        "Ni måste först logga in på Mina sidor.",
        "Vi skulle vilja att ni först loggar in på Mina sidor – går det bra?",
    ),
]
DEMANDS_EN = [
    (
        "You have to call the other number.",
        "Would you be able to call the other number? I can give it to you now.",
    ),
    (
        "You'll need to send us a copy of the receipt, otherwise we can't refund it.",
        "Would you be able to send us a copy of the receipt? I'll tell you exactly where to send it.",
    ),
    (
        "You must fill in the form first.",
        "Would you be able to fill in the form first? I can send it to you straight away.",
    ),
    (
        "Then you need to restart the router.",
        "Would you be able to restart the router? I'll help you with it if you like.",
    ),
]


@pytest.mark.parametrize(("said", "better"), DEMANDS_SV)
def test_demanding_is_rewritten_politely_in_swedish(said: str, better: str) -> None:
    problem, suggestion = coach_text(
        situation("sv", "behaviour:demanding", "against", agent_text=said, agent_span=said)
    )
    assert suggestion == better
    assert said[:20] in problem


@pytest.mark.parametrize(("said", "better"), DEMANDS_EN)
def test_demanding_is_rewritten_politely_in_english(said: str, better: str) -> None:
    _, suggestion = coach_text(
        situation("en", "behaviour:demanding", "against", agent_text=said, agent_span=said)
    )
    assert suggestion == better


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "Du måste inte ringa oss igen."),  # not an obligation: no rewrite
        ("sv", "Det här måste göras i dag."),  # no "du": cannot be parsed
        ("en", "You must not share the code."),
        ("en", "This has to be done today."),
    ],
)
def test_demanding_falls_back_to_a_template_when_it_cannot_be_parsed(lang: str, said: str) -> None:
    _, suggestion = coach_text(
        situation(lang, "behaviour:demanding", "against", agent_text=said, agent_span=said)
    )
    assert suggestion is not None
    assert (
        ("skulle du kunna hjälpa oss" in suggestion)
        if lang == "sv"
        else ("would you be able to help" in suggestion)
    )


def test_jargon_names_the_term_and_the_plain_words() -> None:
    sv = situation(
        "sv",
        "behaviour:jargon",
        "against",
        agent_text="Då har din nya dator inte fått rätt behörighet i AD:t, så jag lägger till dig.",
        agent_span="AD:t",
        details={"suggestion": "användarkatalogen"},
    )
    problem, suggestion = coach_text(sv)
    assert '"AD:t"' in problem and '"användarkatalogen"' in problem
    assert suggestion == "Då har din nya dator inte fått rätt behörighet i användarkatalogen."
    en = situation(
        "en",
        "behaviour:jargon",
        "against",
        agent_text="OK, then your Kerberos ticket is stale.",
        agent_span="Kerberos",
        details={"suggestion": "your work login"},
    )
    problem, suggestion = coach_text(en)
    assert '"Kerberos"' in problem and '"your work login"' in problem
    assert suggestion == "Then your work login ticket is stale."


def test_jargon_without_plain_words_offers_to_explain_the_term() -> None:
    problem, suggestion = coach_text(
        situation(
            "en",
            "behaviour:jargon",
            "against",
            agent_text="Quote this INC number.",
            agent_span="INC",
        )
    )
    assert '"INC"' in problem and "say" not in problem
    assert suggestion is not None and '"INC"' in suggestion and "explain" in suggestion
    _, sv = coach_text(situation("sv", "behaviour:jargon", "against", agent_span="P2"))
    assert sv is not None and '"P2"' in sv and "förklarar" in sv


def test_blaming_suggests_owning_it() -> None:
    sv_problem, sv = coach_text(
        situation("sv", "behaviour:blaming", "against", **SITUATIONS["behaviour:blaming"]["sv"])
    )
    en_problem, en = coach_text(
        situation("en", "behaviour:blaming", "against", **SITUATIONS["behaviour:blaming"]["en"])
    )
    assert "lagret som har slarvat" in sv_problem and "courier's fault" in en_problem
    assert sv is not None and ("Det är vi som har missat" in sv or "vårt ansvar" in sv)
    assert "mobilskalet du beställde saknas" in sv
    assert en is not None and ("That's on us" in en or "our responsibility" in en)
    assert "the olive oil you ordered wasn't in your delivery" in en


def test_closed_question_gets_an_open_alternative() -> None:
    _, sv = coach_text(
        situation(
            "sv",
            "behaviour:closed_question",
            "against",
            **SITUATIONS["behaviour:closed_question"]["sv"],
        )
    )
    _, en = coach_text(
        situation(
            "en",
            "behaviour:closed_question",
            "against",
            **SITUATIONS["behaviour:closed_question"]["en"],
        )
    )
    assert sv == "Vad har du hunnit prova hittills?"
    assert en == "What have you tried so far?"


# -- patterns and metrics --------------------------------------------------------------


def test_premature_solution_listens_first_with_the_customers_problem_and_feeling() -> None:
    _, sv = coach_text(
        situation(
            "sv",
            "pattern:premature_solution",
            "against",
            **SITUATIONS["pattern:premature_solution"]["sv"],
        )
    )
    assert sv == (
        "Det var tråkigt att höra. Har jag förstått dig rätt att du har fått ditt paket men mobilskalet du "
        "beställde saknas?"
    )
    worried = situation(
        "sv",
        "pattern:premature_solution",
        "against",
        customer_text="Jag har väntat på min föräldrapenning i sex veckor och jag är jätteorolig.",
        problem_span="väntat",
        emotion_span="jätteorolig",
    )
    _, sv_worry = coach_text(worried)
    assert sv_worry is not None and sv_worry.startswith("Jag förstår att du är orolig.")
    assert "att du har väntat på din föräldrapenning i sex veckor" in sv_worry
    _, en = coach_text(
        situation(
            "en",
            "pattern:premature_solution",
            "against",
            **SITUATIONS["pattern:premature_solution"]["en"],
        )
    )
    assert (
        en is not None
        and "the olive oil you ordered wasn't in it" in en
        and en.endswith("is that right?")
    )


def test_premature_solution_after_a_short_answer_asks_for_more() -> None:
    _, en = coach_text(
        situation("en", "pattern:premature_solution", "against", customer_text="It's a Mac.")
    )
    assert en is not None and "it's a Mac" not in en and "tell me a bit more" in en


def test_give_away_names_the_amounts() -> None:
    sv_problem, sv = coach_text(
        situation("sv", "pattern:give_away", "against", **SITUATIONS["pattern:give_away"]["sv"])
    )
    en_problem, en = coach_text(
        situation("en", "pattern:give_away", "against", **SITUATIONS["pattern:give_away"]["en"])
    )
    assert (
        sv_problem
        == "Du erbjöd 700 kr mot en förlust på 149 kr – 4,7 gånger så mycket som kunden hade förlorat."
    )
    assert sv is not None and "149 kr" in sv
    assert (
        en_problem
        == "You offered £30 against a loss of £3.20 – 9.4 times what the customer had lost."
    )
    assert en is not None and "£3.20" in en
    first_move, ask = coach_text(
        situation("sv", "pattern:give_away", "against", details={"reasons": ["first_move"]})
    )
    assert "första drag" in first_move and ask is not None and "kostat dig" in ask
    big, _ = coach_text(
        situation(
            "sv",
            "pattern:give_away",
            "against",
            details={"offer": 1200.0, "loss": 80.0, "currency": "SEK"},
        )
    )
    assert "1 200 kr" in big and "80 kr" in big and "15,0 gånger" in big


def test_monologue_and_interruptions_name_the_measure() -> None:
    sv, _ = coach_text(
        situation(
            "sv", "pattern:long_monologue", "against", details={"seconds": 95.0, "words": 240}
        )
    )
    assert sv == "Du pratade i 95 sekunder (240 ord) utan att kunden kom till tals."
    en, _ = coach_text(situation("en", "metric:longest_monologue_s", "against", value=95.4))
    assert en == "You talked for 95 seconds without the customer getting a word in."
    words_only, _ = coach_text(
        situation("sv", "metric:longest_monologue_words", "against", value=240.0)
    )
    assert "240 ord" in words_only
    once, _ = coach_text(situation("sv", "metric:n_interruptions", "against", value=1.0))
    thrice, _ = coach_text(situation("en", "metric:n_interruptions", "against", value=3.0))
    assert "en gång" in once and "3 times" in thrice
    _, sorry = coach_text(
        situation(
            "sv", "pattern:interruption", "against", **SITUATIONS["pattern:interruption"]["sv"]
        )
    )
    assert (
        sorry
        == "Förlåt, jag avbröt dig – du sa att vi har dragit 140 kronor för mycket på din faktura. Fortsätt gärna."
    )


def test_talk_share_text_depends_on_the_side_of_the_band() -> None:
    high, high_s = coach_text(situation("sv", "metric:agent_talk_share", "band", value=0.78))
    low, low_s = coach_text(situation("sv", "metric:agent_talk_share", "band", value=0.22))
    assert "78 %" in high and "knappt till tals" in high
    assert "22 %" in low and "bara" in low
    assert high_s != low_s
    en_high, _ = coach_text(situation("en", "metric:agent_talk_share", "band", value=0.78))
    assert "78%" in en_high
    fast, _ = coach_text(situation("en", "metric:agent_wpm", "band", value=190.0))
    slow, _ = coach_text(situation("en", "metric:agent_wpm", "band", value=95.0))
    assert "fast" in fast and "190" in fast and "slowly" in slow
    gap, _ = coach_text(situation("sv", "metric:response_gap_mean_s", "band", value=2.4))
    quick, _ = coach_text(situation("sv", "metric:response_gap_mean_s", "band", value=0.1))
    assert "2,4 sekunder" in gap and "0,1 sekunder" in quick


# -- fallbacks and strengths -----------------------------------------------------------


def test_unknown_key_gets_a_generic_grammatical_sentence() -> None:
    sv, sv_s = coach_text(situation("sv", "behaviour:small_talk", "for"))
    en, en_s = coach_text(situation("en", "pattern:hold_music", "against", value=3.0))
    other, _ = coach_text(situation("de", "metric:silence_share", "band"))
    assert sv == "Något som hör till ett bra samtal saknades här: small talk."
    assert en == "Something here pulled the call down: hold music."
    assert other == "The call was outside its target here: silence share."
    assert sv_s is None and en_s is None
    # A known key in a direction its texts were not written for is generic too.
    wrong, _ = coach_text(situation("sv", "behaviour:sympathy", "against"))
    assert wrong == "Här hände något som drog ned samtalet: sympatisera."


def test_strength_text() -> None:
    assert (
        strength_text("sv", "behaviour:open_question", "Vad hände när du öppnade kassen?")
        == 'Öppen fråga som lät kunden berätta: "Vad hände när du öppnade kassen?"'
    )
    assert strength_text("en", "behaviour:restating", "So you were charged twice?") == (
        'Played the customer\'s words back to check: "So you were charged twice?"'
    )
    assert strength_text("en", "behaviour:thanking", None) == "Thanked the customer"
    assert (
        strength_text("sv", "behaviour:small_talk", '"Hur är vädret?"')
        == 'Bra: small talk: "Hur är vädret?"'
    )
    for key in FOR_KEYS:
        assert strength_text("sv", key, "x") != strength_text("en", key, "x")


def test_both_packs_have_the_same_texts_and_cases() -> None:
    def shape(lang: str) -> dict[str, Any]:
        text = (
            resources.files(f"verbalkit.models.{lang}").joinpath("coaching.yaml").read_text("utf-8")
        )
        data = yaml.safe_load(text)
        out: dict[str, Any] = {}
        for key, spec in data["texts"].items():
            out[key] = {
                part: sorted(spec[part]) if isinstance(spec[part], dict) else "list"
                for part in ("problem", "suggestion")
            }
        return out

    sv, en = shape("sv"), shape("en")
    assert set(sv) == set(en) >= set(SITUATIONS)
    for key in sv:
        # Swedish has one extra case: V2 word order ("Om jag förstår dig rätt har du …").
        extra = {"inverted"} if key == "behaviour:restating" else set()
        assert {k: v for k, v in sv[key].items()} == en[key] or (
            set(sv[key]["suggestion"]) - extra == set(en[key]["suggestion"])
        ), key


def test_a_cut_off_turn_loses_its_unfinished_words_but_keeps_the_trouble() -> None:
    cut = "Jag har redan startat om routern flera gånger, och datorn sitter med sladd, det är –"
    problem, suggestion = coach_text(
        situation(
            "sv", "pattern:interruption", "against", customer_text=cut, emotion_span="flera gånger"
        )
    )
    assert suggestion == (
        "Förlåt, jag avbröt dig – du sa att du redan har startat om routern flera gånger, "
        "och datorn sitter med sladd. Fortsätt gärna."
    )
    assert "det är" not in problem
    en = reflect("You've taken forty pounds too much from my account and I was going to —", "en")
    assert en == "we've taken forty pounds too much from your account"
    sv = reflect(
        "Ni har räknat med fel mätarställning, ni har dragit 140 kronor för mycket och –", "sv"
    )
    assert sv == "vi har räknat med fel mätarställning, vi har dragit 140 kronor för mycket"

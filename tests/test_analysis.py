"""The public analysis API: analyze(), tag(), tag_many() and their result contract."""

from __future__ import annotations

import json

import pytest

import verbalkit
from verbalkit.analysis import analyze, tag, tag_many
from verbalkit.errors import UnsupportedLanguageError
from verbalkit.pipeline.packs import load_pack
from verbalkit.schema import AnalysedCall, Transcript, Utterance
from verbalkit.vocab import BEHAVIOURS, Role, Signal

KNOWN_LABELS = {b.value for b in BEHAVIOURS} | {"jargon"} | {s.value for s in Signal}


def call(lang: str, turns: list[tuple[str, str]], timed: bool = True) -> Transcript:
    utterances = []
    t = 0.0
    for speaker, text in turns:
        length = len(text.split()) / 2.5
        utterances.append(
            Utterance(
                speaker=Role(speaker),
                text=text,
                start=round(t, 2) if timed else None,
                end=round(t + length, 2) if timed else None,
            )
        )
        t += length + 0.7
    return Transcript(call_id=f"{lang}-test", agent_id="a1", language=lang, utterances=utterances)


SV_CALL = call(
    "sv",
    [
        ("agent", "Hej, du har kommit till Elbolaget, jag heter Maja. Vad kan jag hjälpa dig med?"),
        (
            "customer",
            "Jag har fått en faktura på 2 400 kronor fast jag flyttade i mars, jag är ärligt talat "
            "ganska irriterad.",
        ),
        ("agent", "Usch, det förstår jag. Berätta gärna hur det gick till när du sa upp avtalet."),
        ("customer", "Jag ringde er i februari och fick ett mejl som bekräftelse."),
        ("agent", "Så du sa upp avtalet i februari och fick en bekräftelse på mejlen?"),
        ("customer", "Ja, precis."),
        ("agent", "Tack. Jag makulerar fakturan nu och du får en ny slutfaktura inom fem dagar."),
    ],
)
EN_CALL = call(
    "en",
    [
        ("agent", "Thanks for calling Brightline, this is Sam. How can I help today?"),
        ("customer", "My train was cancelled and I was charged twice for the ticket, I'm fed up."),
        ("agent", "I'm sorry to hear that. Can you walk me through what happened at the station?"),
        ("customer", "The app showed an error so I bought another ticket at the machine."),
        (
            "agent",
            "I'll refund the duplicate charge today and you'll get an email within 24 hours.",
        ),
    ],
)


@pytest.mark.parametrize("transcript", [SV_CALL, EN_CALL], ids=["sv", "en"])
def test_analyze_contract(transcript: Transcript) -> None:
    result = analyze(transcript)
    assert isinstance(result, AnalysedCall)
    assert result.call_id == transcript.call_id
    assert len(result.utterances) == len(transcript.utterances)
    assert result.packs == [load_pack(result.language).ident]
    n_tags = 0
    for utt, source in zip(result.utterances, transcript.utterances, strict=True):
        assert utt.text == source.text
        for t in utt.tags:
            n_tags += 1
            assert 0 <= t.start < t.end <= len(utt.text)
            assert utt.text[t.start : t.end] == t.text
            assert 0.0 <= t.confidence <= 1.0
            assert t.label in KNOWN_LABELS
            assert t.rule.startswith(f"{transcript.language}.")
            if utt.speaker is Role.CUSTOMER:
                assert t.label in {"emotion", "problem"}
            else:
                assert t.label not in {"emotion", "problem"}
    assert n_tags > 0
    # JSON and the model agree, and the JSON round-trips.
    data = json.loads(json.dumps(result.to_dict()))
    assert AnalysedCall.model_validate(data) == result


def test_context_flows_from_previous_customer_turn() -> None:
    result = analyze(SV_CALL)
    labels = [u.labels for u in result.utterances]
    assert "open_question" in labels[2]
    assert "sympathy" in labels[2]
    assert "restating" in labels[4]
    assert "closed_question" in labels[4]
    assert {"thanking", "solution", "expectation"} <= labels[6]
    assert "problem" in labels[1] or "emotion" in labels[1]


def test_frames_agree_with_model() -> None:
    result = analyze(EN_CALL)
    tags = result.to_frame("tags")
    assert len(tags) == sum(len(u.tags) for u in result.utterances)
    assert list(tags.columns[:4]) == ["call_id", "agent_id", "language", "utt_index"]
    assert str(tags["label"].dtype) == "category"
    utts = result.to_frame("utterances")
    assert len(utts) == len(EN_CALL.utterances)
    assert utts.loc[4, "solution"] == 1
    metrics = result.to_frame("metrics")
    assert set(metrics["basis"]) <= {"timestamps", "words"}


def test_tag_one_utterance_with_context() -> None:
    labels = {t.label for t in tag("Har du kvittot kvar?", lang="sv")}
    assert labels == {"closed_question"}
    customer = tag("Det här är tredje gången och jag är så trött på det.", "sv", role="customer")
    assert "emotion" in {t.label for t in customer}


def test_tag_many_keeps_order() -> None:
    items = [("Vad hände sen?", None), ("Tack för att du väntade.", None), ("", None)]
    out = list(tag_many(items, "sv"))
    assert len(out) == 3
    assert "open_question" in {t.label for t in out[0]}
    assert "thanking" in {t.label for t in out[1]}
    assert out[2] == []


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00\x01", "🙂🙂🙂", "1234 5678 9012", "?!?!", "...", "\n\n"],
    ids=["empty", "blank", "control", "emoji", "digits", "punct", "dots", "newlines"],
)
def test_junk_does_not_crash(lang: str, text: str) -> None:
    for t in tag(text, lang):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_very_long_utterance(lang: str) -> None:
    base = {
        "sv": "jag förstår att det är jobbigt och vi skickar en ny router i morgon ",
        "en": "i understand that is frustrating and we will send a new router tomorrow ",
    }[lang]
    text = (base * (10_000 // len(base.split()) + 1)).strip()
    assert len(text.split()) >= 10_000
    tags = tag(text, lang)
    assert tags
    assert all(text[t.start : t.end] == t.text for t in tags)


def test_unsupported_language_is_a_clear_error() -> None:
    with pytest.raises(UnsupportedLanguageError, match="'de' is not supported"):
        tag("Haben Sie die Quittung noch?", "de")


def test_top_level_api_is_lazy_and_complete() -> None:
    for name in verbalkit.__all__:
        assert getattr(verbalkit, name) is not None


def test_language_is_detected_when_the_transcript_does_not_say() -> None:
    undeclared = SV_CALL.model_copy(update={"language": None})
    assert analyze(undeclared).language == "sv"
    german = call(
        "de",
        [
            ("agent", "Guten Tag, Sie sprechen mit Anna. Wie kann ich Ihnen helfen?"),
            ("customer", "Ich habe eine Rechnung bekommen, die nicht stimmt, und ich bin sauer."),
        ],
    ).model_copy(update={"language": None})
    with pytest.raises(UnsupportedLanguageError):
        analyze(german)


def test_nested_evidence_of_one_label_is_reported_once() -> None:
    tags = tag("Åh, det var verkligen tråkigt att höra.", "sv")
    sympathy = [t for t in tags if t.label == "sympathy"]
    assert len(sympathy) == 1
    for a in tags:
        for b in tags:
            if a is not b and a.label == b.label:
                assert not (a.start <= b.start and b.end <= a.end)

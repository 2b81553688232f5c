"""The public analysis API: analyze(), tag(), tag_many() and their result contract."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

import verbalkit
from verbalkit.analysis import CHUNK_CHARS, CONTEXT_CHARS, analyze, chunk_bounds, tag, tag_many
from verbalkit.errors import UnsupportedLanguageError
from verbalkit.limits import Limits
from verbalkit.pipeline.packs import load_pack
from verbalkit.schema import AnalysedCall, Failure, Transcript, Utterance
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


# --- one bad call never stops a batch (issue 8) --------------------------------------------


def numbered(transcript: Transcript, n: int) -> Transcript:
    """The call under another id and file, its agent lines made unique to it."""
    utterances = [
        u.model_copy(update={"text": f"{u.text} Ärende {n}."}) if u.speaker is Role.AGENT else u
        for u in transcript.utterances
    ]
    return transcript.model_copy(
        update={
            "call_id": f"{transcript.call_id}-{n}",
            "source": f"calls/{transcript.call_id}-{n}.json",
            "utterances": utterances,
        }
    )


def faulty_for(real: Callable[..., object], marker: str) -> Callable[..., object]:
    """``real``, except that it raises for a Doc whose text contains ``marker``."""

    def faulty(*args: object) -> object:
        doc = next(a for a in args if isinstance(a, Doc))
        if marker in doc.text:
            raise IndexError("list index out of range")
        return real(*args)

    return faulty


@pytest.mark.parametrize("where", ["language_hook", "component"])
def test_fault_in_one_call_fails_that_call_only(
    where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug that fires on one call's text (in the English hook or in a component) costs
    that call, named with its file and id; the calls before and after it are analysed."""
    from verbalkit.pipeline.components.jargon import JargonTagger
    from verbalkit.pipeline.lang import en

    calls = [numbered(EN_CALL, n) for n in (1, 2, 3)] + [numbered(SV_CALL, 4)]
    if where == "language_hook":
        monkeypatch.setattr(en, "refine", faulty_for(en.refine, "Ärende 2."))
    else:
        monkeypatch.setattr(
            JargonTagger, "__call__", faulty_for(JargonTagger.__call__, "Ärende 2.")
        )
    results = list(verbalkit.analyze_many(calls))
    assert [type(r).__name__ for r in results] == [
        "AnalysedCall",
        "Failure",
        "AnalysedCall",
        "AnalysedCall",
    ]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.path == "calls/en-test-2.json"
    assert failure.call_id == "en-test-2"
    assert "\n" not in failure.message
    assert failure.message.startswith("call en-test-2: unexpected error (IndexError: list index")
    assert failure.traceback is not None
    assert "in faulty" in failure.traceback
    assert "traceback" not in failure.to_dict()
    for result in (results[0], results[2], results[3]):
        assert isinstance(result, AnalysedCall)
        assert any(u.tags for u in result.utterances)


def test_issue_8_corpus_line_in_a_call() -> None:
    """SGD call 4,872 stopped the whole corpus run at this agent line."""
    transcript = call(
        "en",
        [
            ("customer", "Please move $500 from checking to savings."),
            ("agent", "After the transfer your balance is $1,003.30."),
        ],
    )
    result = analyze(transcript)
    assert result.utterances[1].text == "After the transfer your balance is $1,003.30."


# --- long, cut and invalid text -----------------------------------------------------------

LONG_LINES = {
    "sv": "Åh nej, vad tråkigt. Hur såg det ut när du packade upp kassen? Jag skickar en ny "
    "kasse i morgon och ringer dig på fredag.\n",
    "en": "I'm sorry to hear that. Can you walk me through what happened? I'll send a new "
    "router tomorrow and call you on Friday.\n",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_long_utterance_is_tagged_in_chunks_like_one_doc(lang: str) -> None:
    from verbalkit.pipeline.build import get_nlp
    from verbalkit.pipeline.convert import tags_from_doc

    line = LONG_LINES[lang]
    text = line * (3 * CHUNK_CHARS // len(line) + 1)
    assert len(chunk_bounds(text)) > 3
    tags = tag(text, lang)
    assert all(0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.text for t in tags)
    assert max(t.start for t in tags) > 3 * CHUNK_CHARS - 2 * len(line)  # the last piece too
    # Cut after whole sentences, the pieces give the tags the whole text gives as one Doc.
    nlp = get_nlp(lang)
    assert tags == tags_from_doc(nlp(nlp.make_doc(text)))
    n_lines = text.count("\n")
    assert sum(t.label == "open_question" for t in tags) == n_lines


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_long_unpunctuated_utterance_gets_offsets_into_the_text(lang: str) -> None:
    words = LONG_LINES[lang].replace(".", "").replace("?", "").replace(",", "").lower().split()
    text = " ".join(words * (2 * CHUNK_CHARS // len(" ".join(words)) + 1))
    result = analyze(
        call(
            lang,
            [
                ("customer", "Det gick sönder i går." if lang == "sv" else "It broke."),
                ("agent", text),
            ],
        )
    )
    utt = result.utterances[1]
    assert utt.text == text
    assert utt.tags
    assert all(text[t.start : t.end] == t.text for t in utt.tags)
    assert max(t.end for t in utt.tags) > CHUNK_CHARS


def test_text_beyond_the_limit_is_cut_with_a_warning() -> None:
    limits = Limits(max_utterance_chars=120)
    line = "Jag skickar en ny kasse i morgon. Har du kvittot kvar? "
    transcript = call("sv", [("customer", "Kassen var trasig."), ("agent", line * 5)])
    result = analyze(transcript, limits=limits)
    agent = result.utterances[1]
    assert agent.text == (line * 5)[:120]
    assert agent.tags and all(t.end <= 120 for t in agent.tags)
    cut = [w for w in result.warnings if "cut" in w]
    assert cut == [
        "utterances[1].text: 275 characters; only the first 120 were tagged, 155 cut "
        "(limit max_utterance_chars)"
    ]
    # The default limit leaves normal calls alone, and analyze_many passes limits on.
    assert not [w for w in analyze(transcript).warnings if "cut" in w]
    (batched,) = verbalkit.analyze_many([transcript], limits=limits)
    assert isinstance(batched, AnalysedCall)
    assert batched.warnings == result.warnings


def test_tag_warns_when_text_is_cut() -> None:
    text = "Har du kvittot kvar? " * 13  # 273 characters
    limits = Limits(max_utterance_chars=120)
    with pytest.warns(UserWarning, match=r"^text: 273 characters; .* 153 cut"):
        tags = tag(text, "sv", limits=limits)
    assert tags and all(t.end <= 120 for t in tags)
    with pytest.warns(UserWarning, match=r"^items\[1\]: 150 characters; .* 130 cut"):
        list(
            tag_many(
                [("Hej", None), ("Hej! " * 30, None)], "sv", limits=Limits(max_utterance_chars=20)
            )
        )


@pytest.mark.filterwarnings("ignore:.*lone UTF-16 surrogate:UserWarning")
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_lone_surrogates_do_not_crash_the_pipeline(lang: str) -> None:
    agent = {"sv": "Har du \ud800 kvittot kvar?", "en": "Do you \udfff have the receipt?"}[lang]
    customer = {"sv": "Kassen \ud83d var trasig.", "en": "The bag \ud83d was broken."}[lang]
    transcript = call(lang, [("customer", customer), ("agent", agent)])
    result = analyze(transcript)
    assert result.utterances[1].text == agent.replace(agent[7], "\ufffd")
    assert "closed_question" in result.utterances[1].labels
    assert [w for w in result.warnings if "U+FFFD" in w] == [
        "utterances[0].text: 1 invalid character (lone UTF-16 surrogate) replaced with U+FFFD",
        "utterances[1].text: 1 invalid character (lone UTF-16 surrogate) replaced with U+FFFD",
    ]
    json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
    # tag() keeps offsets and texts in the caller's string.
    tags = tag(agent, lang, prev=customer)
    assert "closed_question" in {t.label for t in tags}
    assert all(agent[t.start : t.end] == t.text for t in tags)


def test_many_changed_utterances_are_counted_not_listed() -> None:
    turns = [("customer" if i % 2 else "agent", f"Hej \ud800 nummer {i}.") for i in range(15)]
    transcript = call("sv", turns).model_copy(update={"language": None})
    result = analyze(transcript)
    assert result.language == "sv"
    notes = [w for w in result.warnings if "U+FFFD" in w or "more like these" in w]
    assert len(notes) == 11
    assert notes[0].startswith("utterances[0].text: 1 invalid character")
    assert notes[-1] == "... and 5 more like these"


def test_context_is_the_end_of_a_long_customer_turn() -> None:
    prev = "blah " * (CONTEXT_CHARS // 5) + "My router keeps restarting every evening around seven."
    tags = tag("So the router restarts on its own every evening?", "en", prev=prev)
    assert "restating" in {t.label for t in tags}

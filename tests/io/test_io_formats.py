"""Every reader on realistic transcripts we wrote (tests/fixtures/ and examples/)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from verbalkit.errors import TranscriptError, VerbalkitError
from verbalkit.io import read, read_many
from verbalkit.schema import Failure, Transcript
from verbalkit.vocab import Role

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLES = REPO / "examples"

# file, call_id, language, utterances, speaker rule, timed
FIXTURE_CASES = [
    ("text_sv.txt", "sv-mobil-118", "sv", 8, "alias", True),
    ("text_names_en.txt", "text_names_en", "en", 8, "greeting-heuristic", True),
    ("srt_en.srt", "srt_en", "en", 6, "alias", True),
    ("vtt_sv.vtt", "vtt_sv", "sv", 6, "alias", True),
    ("calls.tsv", "en-tsv-1", "en", 3, "alias", True),
    ("transcribe_standard_sv.json", "sv-elavtal-7731", "sv", 8, "greeting-heuristic", True),
    ("transcribe_standard_en.json", "en-parcel-2207", "en", 6, "greeting-heuristic", True),
    ("transcribe_analytics_sv.json", "sv-buss-0415", "sv", 6, "roles-in-source", True),
    ("whisperx_sv.json", "whisperx_sv", "sv", 6, "greeting-heuristic", True),
    ("whisper_en.json", "whisper_en", "en", 6, "greeting-heuristic", True),
]

EXAMPLE_CASES = [
    ("sv-matkasse.json", "sv", 16, "roles-in-source", True),
    ("en-broadband.txt", "en", 16, "alias", True),
    ("sv-faktura.csv", "sv", 16, "alias", False),
    ("en-refund.vtt", "en", 14, "alias", True),
    ("sv-forsakring.srt", "sv", 14, "greeting-heuristic", True),
    ("en-transcribe.json", "en", 14, "roles-in-source", True),
]


def _check_contract(call: Transcript) -> None:
    assert call.utterances
    assert any(u.speaker is Role.AGENT for u in call.utterances)
    assert all(u.speaker_label for u in call.utterances)
    assert call.language in ("sv", "en")
    assert call.language_info is not None and call.language_info.code == call.language
    assert call.source is not None


@pytest.mark.parametrize(("name", "call_id", "lang", "n", "rule", "timed"), FIXTURE_CASES)
def test_fixture_reads(name: str, call_id: str, lang: str, n: int, rule: str, timed: bool) -> None:
    call = read(FIXTURES / name)
    _check_contract(call)
    assert (call.call_id, call.language, len(call.utterances), call.speaker_rule) == (
        call_id,
        lang,
        n,
        rule,
    )
    assert call.has_timestamps is timed
    assert call.warnings == []
    assert call.utterances[0].speaker is Role.AGENT or name == "transcribe_standard_en.json"


@pytest.mark.parametrize(("name", "lang", "n", "rule", "timed"), EXAMPLE_CASES)
def test_examples_read(name: str, lang: str, n: int, rule: str, timed: bool) -> None:
    call = read(EXAMPLES / name)
    _check_contract(call)
    assert call.call_id == Path(name).stem
    assert (call.language, len(call.utterances), call.speaker_rule) == (lang, n, rule)
    assert call.has_timestamps is timed
    assert call.warnings == []
    assert 10 <= len(call.utterances) <= 16


def test_examples_folder_reads_every_file() -> None:
    items = list(read_many(EXAMPLES))
    transcripts = {".json", ".jsonl", ".csv", ".txt", ".vtt", ".srt"}
    files = [p for p in EXAMPLES.iterdir() if p.suffix in transcripts]
    assert [type(i) for i in items] == [Transcript] * len(files)
    ids = {i.call_id for i in items if isinstance(i, Transcript)}
    assert {Path(n).stem for n, *_ in EXAMPLE_CASES} <= ids
    assert len(ids) == len(items), "two example calls share a call_id"


def test_verbalkit_json_keeps_call_fields() -> None:
    call = read(EXAMPLES / "sv-matkasse.json")
    assert call.agent_id == "a-sara" and call.team == "team-nord"
    assert call.started_at == datetime.fromisoformat("2024-05-14T09:12:03+02:00")
    assert call.metadata["topic"] == "saknade varor"
    assert call.language_info is not None and call.language_info.source == "declared"
    assert call.utterances[0].start == pytest.approx(0.6)


def test_json_list_is_many_calls() -> None:
    with pytest.raises(TranscriptError, match=r"calls\.json: holds 2 calls.*read_many"):
        read(FIXTURES / "calls.json")
    items = list(read_many(FIXTURES / "calls.json"))
    assert [i.call_id for i in items if isinstance(i, Transcript)] == ["en-list-1", "sv-list-2"]


def test_jsonl_reads_each_line_and_warns_on_empty_text() -> None:
    items = list(read_many(FIXTURES / "calls.jsonl"))
    calls = [i for i in items if isinstance(i, Transcript)]
    assert [c.call_id for c in calls] == ["jl-1", "jl-2", "jl-3"]
    assert calls[2].warnings == ["line 4: utterances[1].text: empty text"]
    assert calls[1].language == "sv"


def test_jsonl_bad_line_is_one_failure(tmp_path: Path) -> None:
    good = FIXTURES.joinpath("calls.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([good[0], '{"call_id": "broken", "utterances": [', good[1]]) + "\n")
    items = list(read_many(path))
    assert [type(i).__name__ for i in items] == ["Transcript", "Failure", "Transcript"]
    failure = items[1]
    assert isinstance(failure, Failure)
    assert failure.path == str(path)
    assert failure.message.startswith("line 2: invalid JSON")


def test_plain_text_continuation_and_header() -> None:
    call = read(FIXTURES / "text_sv.txt")
    assert call.agent_id == "a-nora"
    second = call.utterances[1]
    assert second.speaker is Role.CUSTOMER and second.speaker_label == "Kund"
    assert second.text.endswith("Jag kan inte ringa ut, och ingen kan ringa mig heller.")
    assert [u.start for u in call.utterances[:3]] == [0.0, 5.0, 14.0]
    assert all(u.end is None for u in call.utterances)


def test_plain_text_colon_in_running_text_is_not_a_speaker(tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_text(
        "Agent: Välkommen till Elbolaget, vad kan jag hjälpa dig med?\n"
        "Kund: Det är så här: min räkning är dubbelt så hög som vanligt.\n"
        "Agent: Det förstår jag att du blev orolig över. Vad står det på räkningen?\n"
        "Kund: Ungefär fyra tusen kronor, och det brukar vara två tusen.\n",
        encoding="utf-8",
    )
    call = read(path)
    assert len(call.utterances) == 4
    assert call.utterances[1].text.startswith("Det är så här: min räkning")


def test_webvtt_voices_entities_and_separate_cues() -> None:
    call = read(FIXTURES / "vtt_sv.vtt")
    assert call.utterances[0].speaker_label == "Handläggare Eva"
    assert "&" in call.utterances[4].text and "&amp;" not in call.utterances[4].text
    assert (call.utterances[0].start, call.utterances[0].end) == (0.4, 4.9)
    refund = read(EXAMPLES / "en-refund.vtt")
    # Two consecutive agent cues stay two utterances.
    assert [u.speaker for u in refund.utterances[2:4]] == [Role.AGENT, Role.AGENT]
    assert refund.language_info is not None and refund.language_info.source == "declared"


def test_srt_joins_cue_lines_and_drops_tags() -> None:
    call = read(FIXTURES / "srt_en.srt")
    assert call.utterances[1].text == (
        "Hi, there's been no water pressure in my flat since this morning "
        "and I've got two small kids at home."
    )
    assert "<i>" not in call.utterances[4].text
    assert call.utterances[1].speaker is Role.CUSTOMER  # "Caller"


def test_srt_overlapping_cues_of_two_speakers_are_fine() -> None:
    call = read(EXAMPLES / "sv-forsakring.srt")
    first, second = call.utterances[1], call.utterances[2]
    assert second.start is not None and first.end is not None and second.start < first.end
    assert call.warnings == []


def test_csv_aliases_semicolons_and_clock_times() -> None:
    items = list(read_many(FIXTURES / "table_aliases.csv"))
    calls = [i for i in items if isinstance(i, Transcript)]
    assert [c.call_id for c in calls] == ["sv-gym-01", "en-gym-02"]
    sv = calls[0]
    assert (sv.utterances[0].start, sv.utterances[0].end) == (0.0, 4.5)
    assert sv.utterances[1].speaker is Role.CUSTOMER and sv.utterances[1].speaker_label == "Kunden"
    assert calls[1].language == "en"


def test_csv_rows_of_a_call_need_not_be_together(tmp_path: Path) -> None:
    path = tmp_path / "interleaved.csv"
    path.write_text(
        "call_id,speaker,text\n"
        "a,agent,Hello and welcome to Brightbank. How can I help you today?\n"
        "b,agent,Hej och välkommen till Banken. Vad kan jag hjälpa dig med?\n"
        "a,customer,I was charged twice for the same thing and I want it fixed.\n"
        "b,customer,Jag har blivit dragen två gånger och det vill jag att ni rättar.\n",
        encoding="utf-8",
    )
    calls = [i for i in read_many(path) if isinstance(i, Transcript)]
    assert [(c.call_id, len(c.utterances)) for c in calls] == [("a", 2), ("b", 2)]


def test_csv_user_columns(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Samtal,Vem,Sagt\n"
        "x1,Agent,Välkommen till Elbolaget, vad kan jag hjälpa dig med i dag?\n"
        "x1,Kund,Min räkning är fel och jag är ganska arg på er nu.\n",
        encoding="utf-8",
    )
    with pytest.raises(TranscriptError) as info:
        read(path)
    assert "no speaker column" in str(info.value) and "'Vem'" in str(info.value)
    call = read(path, columns={"call_id": "Samtal", "speaker": "Vem", "text": "Sagt"})
    assert call.call_id == "x1" and len(call.utterances) == 2


def test_transcribe_standard_builds_turns_from_words() -> None:
    call = read(FIXTURES / "transcribe_standard_sv.json")
    first = call.utterances[0]
    assert first.speaker_label == "spk_0"
    assert first.text == (
        "Hej, du har kommit till Norrsken Energi, jag heter Karin. Vad kan jag hjälpa dig med?"
    )
    assert first.start == pytest.approx(0.6)
    assert call.language_info is not None and call.language_info.source == "declared"
    assert call.metadata["job_name"] == "sv-elavtal-7731"


def test_transcribe_standard_caller_first_greeting_decides() -> None:
    call = read(FIXTURES / "transcribe_standard_en.json")
    # The caller speaks first; the agent is the one who says "Thanks for calling".
    assert [u.speaker for u in call.utterances[:2]] == [Role.CUSTOMER, Role.AGENT]


def test_transcribe_call_analytics_keeps_sentiment() -> None:
    call = read(FIXTURES / "transcribe_analytics_sv.json")
    assert call.metadata["sentiment"] == [
        "NEUTRAL",
        "NEGATIVE",
        "NEUTRAL",
        "NEUTRAL",
        "POSITIVE",
        "POSITIVE",
    ]
    assert call.language == "sv"
    assert call.utterances[1].speaker_label == "CUSTOMER"


def test_whisper_speaker_from_words_and_merged_segments() -> None:
    call = read(FIXTURES / "whisper_en.json")
    assert [u.speaker_label for u in call.utterances[:2]] == ["SPEAKER_00", "SPEAKER_01"]
    # Whisper cuts sentences into segments; one speaker's segments make one turn.
    assert call.utterances[2].text.startswith("I'm so sorry, that's really not okay. Let me look")
    assert call.language_info is not None and call.language_info.source == "declared"


def test_format_can_be_forced_and_content_beats_extension(tmp_path: Path) -> None:
    vtt_as_txt = tmp_path / "call.txt"
    vtt_as_txt.write_bytes((FIXTURES / "vtt_sv.vtt").read_bytes())
    assert len(read(vtt_as_txt).utterances) == 6
    no_ext = tmp_path / "call"
    no_ext.write_bytes((FIXTURES / "text_sv.txt").read_bytes())
    assert read(no_ext).call_id == "sv-mobil-118"
    assert read(no_ext, format="text").call_id == "sv-mobil-118"
    with pytest.raises(VerbalkitError, match="unknown format 'docx'"):
        read(no_ext, format="docx")


def test_read_accepts_an_open_file() -> None:
    with (FIXTURES / "text_sv.txt").open("rb") as handle:
        call = read(handle)
    assert call.call_id == "sv-mobil-118"

"""from_pandas: one row per utterance, many calls, order kept."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from verbalkit.errors import TranscriptError
from verbalkit.io import from_pandas
from verbalkit.vocab import Role


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "call_id": ["sv-1", "sv-1", "en-2", "sv-1", "en-2"],
            "speaker": ["Handläggare", "Kund", "Agent", "Handläggare", "Customer"],
            "text": [
                "Välkommen till Matkassen, du pratar med Sara. Vad kan jag hjälpa dig med?",
                "Hej, det saknades en burk räkor i min kasse och jag är besviken.",
                "Thanks for calling Northwire, how can I help you today?",
                "Det var tråkigt att höra. Jag skickar en ny burk i morgon.",
                "My internet has been down since Monday and I work from home.",
            ],
            "start": [0.5, 4.0, 0.2, 9.0, 3.5],
            "end": [3.8, 8.5, 3.0, 12.0, 8.0],
            "agent_id": ["a-sara", "a-sara", "a-tom", "a-sara", "a-tom"],
        }
    )


def test_calls_in_order_of_first_row() -> None:
    calls = from_pandas(_frame(), start="start", end="end")
    assert [c.call_id for c in calls] == ["sv-1", "en-2"]
    sv, en = calls
    assert [u.text[:6] for u in sv.utterances] == ["Välkom", "Hej, d", "Det va"]
    assert (sv.language, en.language) == ("sv", "en")
    assert sv.agent_id == "a-sara" and sv.has_timestamps
    assert [u.speaker for u in sv.utterances] == [Role.AGENT, Role.CUSTOMER, Role.AGENT]
    assert sv.source == "DataFrame"


def test_times_default_to_start_end_columns_and_accept_timedeltas() -> None:
    df = _frame()
    df["start"] = pd.to_timedelta(df["start"], unit="s")
    df["end"] = [None, "00:08.5", "0:03", 12, float("nan")]
    calls = from_pandas(df)
    assert calls[0].utterances[1].end == 8.5
    assert calls[1].utterances[1].end is None
    assert not math.isnan(calls[0].utterances[0].start or 0.0)


def test_aliases_and_explicit_names() -> None:
    df = _frame().rename(
        columns={"call_id": "conversation_id", "speaker": "role", "text": "transcript"}
    )
    assert [c.call_id for c in from_pandas(df)] == ["sv-1", "en-2"]
    df = _frame().rename(columns={"speaker": "Talare"})
    assert len(from_pandas(df, speaker="Talare")) == 2


def test_missing_column_names_the_columns_found() -> None:
    df = _frame().drop(columns=["text"])
    with pytest.raises(TranscriptError, match=r"DataFrame: no text column .*'call_id', 'speaker'"):
        from_pandas(df)
    with pytest.raises(TranscriptError, match=r"no column 'Sagt' \(given for text\)"):
        from_pandas(_frame(), text="Sagt")


def test_speaker_mapping_and_language() -> None:
    df = _frame()
    df["speaker"] = ["spk_0", "spk_1", "spk_0", "spk_0", "spk_1"]
    calls = from_pandas(df, agent_speaker="spk_1", language="sv")
    assert all(c.speaker_rule == "user-mapping" for c in calls)
    assert calls[0].utterances[1].speaker is Role.AGENT
    assert calls[1].language == "sv"

"""CSV/TSV column names in Swedish and English, agent-name vs speaker columns, and the warning
naming the columns that were not read."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from verbalkit.errors import TranscriptError
from verbalkit.io import from_pandas, read, read_many
from verbalkit.io.table import resolve_columns
from verbalkit.schema import Transcript
from verbalkit.vocab import Role


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_swedish_csv_keeps_its_end_times(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "samtal.csv",
        "samtal,roll,start,slut,text\n"
        'k1,Handläggare,0,4.5,"Välkommen till Elbolaget, du pratar med Eva."\n'
        'k1,Kund,5,12.25,"Hej, min faktura är mycket högre än vanligt."\n'
        'k1,Handläggare,12.5,16,"Det ska jag titta på, vad är ditt kundnummer?"\n',
    )
    call = read(path)
    assert call.call_id == "k1"
    assert [(u.start, u.end) for u in call.utterances] == [(0, 4.5), (5, 12.25), (12.5, 16)]
    assert [u.speaker for u in call.utterances] == [Role.AGENT, Role.CUSTOMER, Role.AGENT]
    assert call.warnings == []  # every column read


def test_handlaggare_with_a_name_is_the_agent_id(tmp_path: Path) -> None:
    # Handläggare holds the agent's name (the same on every row of a call); Talare the speaker.
    path = _write(
        tmp_path / "export.csv",
        "Samtals-ID;Datum;Tid;Handläggare;Grupp;Talare;Starttid;Sluttid;Yttrande\n"
        "a1;2024-04-09;10:03;Eva Berg;Team Syd;Eva;00:01;00:05;Välkommen till Elbolaget, "
        "du pratar med Eva.\n"
        "a1;2024-04-09;10:03;Eva Berg;Team Syd;Kund;00:06;00:14;Hej, min faktura är fel "
        "och jag förstår inte varför.\n"
        "a2;2024-04-10;14:30;Omar Said;Team Norr;Omar;00:00;00:03;Välkommen till Elbolaget, "
        "du pratar med Omar.\n"
        "a2;2024-04-10;14:30;Omar Said;Team Norr;Kund;00:04;00:09;Hej, jag vill säga upp "
        "mitt avtal.\n",
    )
    a1, a2 = read_many(path)
    assert isinstance(a1, Transcript) and isinstance(a2, Transcript)
    assert (a1.agent_id, a1.team, a2.agent_id, a2.team) == (
        "Eva Berg",
        "Team Syd",
        "Omar Said",
        "Team Norr",
    )
    assert a1.started_at is not None and a1.started_at.isoformat() == "2024-04-09T10:03:00"
    assert [u.speaker_label for u in a1.utterances] == ["Eva", "Kund"]
    assert a1.utterances[1].speaker is Role.CUSTOMER and a1.utterances[0].speaker is Role.AGENT
    assert [(u.start, u.end) for u in a2.utterances] == [(0, 3), (4, 9)]
    assert a1.warnings == []


def test_an_agent_column_that_changes_row_by_row_is_the_speaker(tmp_path: Path) -> None:
    # No other speaker column: "Handläggare" alternates, so it says who speaks.
    path = _write(
        tmp_path / "chatt.csv",
        "samtal,handläggare,text\n"
        'c1,Handläggare,"Välkommen till Elbolaget, vad kan jag hjälpa dig med?"\n'
        'c1,Kund,"Hej, min räkning är fel."\n'
        'c1,Handläggare,"Jag tittar på det."\n',
    )
    call = read(path)
    assert [u.speaker for u in call.utterances] == [Role.AGENT, Role.CUSTOMER, Role.AGENT]
    assert call.agent_id is None


def test_an_agent_name_without_a_speaker_column_says_why(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "namn.csv",
        "samtal,handläggare,text\nc1,Eva Berg,Hej och välkommen.\nc1,Eva Berg,Hej.\n",
    )
    with pytest.raises(TranscriptError, match=r"no speaker column .*'handläggare' has one value"):
        read(path)


def test_a_time_column_changing_row_by_row_is_the_start(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "tid.csv",
        "call,talare,tid,text\n"
        "t1,Agent,00:00,Välkommen till Elbolaget.\n"
        "t1,Kund,00:04,Hej jag har en fråga om min faktura.\n",
    )
    call = read(path)
    assert [u.start for u in call.utterances] == [0, 4]
    assert call.started_at is None


def test_english_aliases(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "export.tsv",
        "Interaction ID\tDate\tAgent\tTeam\tRole\tBegin\tEnd\tText\tSentiment\tChannel\n"
        "e1\t2024-05-02\ta-tom\tblue\tAgent\t0.5\t3.0\tThanks for calling, how can I help?\t0.2\tvoice\n"
        "e1\t2024-05-02\ta-tom\tblue\tCustomer\t3.5\t9.0\tHi, my router keeps dropping.\t-0.4\tvoice\n",
    )
    call = read(path)
    assert (call.call_id, call.agent_id, call.team) == ("e1", "a-tom", "blue")
    assert call.started_at is not None and call.started_at.date().isoformat() == "2024-05-02"
    assert [(u.start, u.end) for u in call.utterances] == [(0.5, 3.0), (3.5, 9.0)]
    assert call.warnings == [
        "ignored columns: Sentiment, Channel "
        "(no field reads them; name one with columns={...} if it should)"
    ]


def test_ignored_columns_are_named(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "extra.csv",
        "samtal,talare,text,kommentar,kanal\n"
        "x,Agent,Välkommen till Elbolaget.,,telefon\n"
        "x,Kund,Hej jag har en fråga om min faktura.,ring tillbaka,telefon\n",
    )
    call = read(path)
    assert call.warnings[0].startswith("ignored columns: kommentar, kanal ")
    with pytest.raises(TranscriptError, match="ignored columns: kommentar, kanal"):
        read(path, strict=True)
    named = read(path, columns={"team": "kanal"})
    assert named.team == "telefon"
    assert named.warnings[0].startswith("ignored columns: kommentar ")


def test_dataframe_aliases_and_ignored_columns() -> None:
    df = pd.DataFrame(
        {
            "Samtal": ["d1", "d1"],
            "Handläggare": ["Eva Berg", "Eva Berg"],
            "Roll": ["Handläggare", "Kund"],
            "Start": [0.0, 4.0],
            "Slut": [3.5, 9.0],
            "Text": ["Välkommen till Elbolaget.", "Hej, min faktura är fel."],
            "Betyg": [4, 4],
        }
    )
    (call,) = from_pandas(df)
    assert call.agent_id == "Eva Berg"
    assert [(u.start, u.end) for u in call.utterances] == [(0.0, 3.5), (4.0, 9.0)]
    assert call.warnings[0].startswith("ignored columns: Betyg ")


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("slut", "end"),
        ("Sluttid", "end"),
        ("start", "start"),
        ("Starttid", "start"),
        ("samtal", "call_id"),
        ("Samtals-ID", "call_id"),
        ("roll", "speaker"),
        ("Talare", "speaker"),
        ("text", "text"),
        ("Yttrande", "text"),
        ("agent_id", "agent_id"),
        ("Handläggare", "agent_id"),
        ("Agent", "agent_id"),
        ("team", "team"),
        ("Grupp", "team"),
        ("datum", "started_at"),
        ("Date", "started_at"),
    ],
)
def test_alias_names_a_field(name: str, field: str) -> None:
    # The required columns under names that come last among their aliases.
    fillers = {"speaker": "who", "text": "meddelande"}
    header = [name, *(n for f, n in fillers.items() if f != field)]
    cols = resolve_columns(header, {}, path="x.csv")
    assert cols.index[field] == 0, cols.index

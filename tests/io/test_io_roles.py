"""Speaker labels to roles: aliases, user mapping, greeting heuristic, first speaker."""

from __future__ import annotations

from pathlib import Path

import pytest

from verbalkit.io import read
from verbalkit.io.roles import RoleError, alias_role, assign_roles, greeting_score
from verbalkit.vocab import Role

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Agent", Role.AGENT),
        ("AGENT", Role.AGENT),
        ("Handläggare", Role.AGENT),
        ("handläggaren", Role.AGENT),
        ("Kundtjänst", Role.AGENT),
        ("Rådgivare 2", Role.AGENT),
        ("Handläggare (Eva)", Role.AGENT),
        ("Agent Lisa", Role.AGENT),
        ("Customer service", Role.AGENT),
        ("Kund", Role.CUSTOMER),
        ("Kunden", Role.CUSTOMER),
        ("CUSTOMER", Role.CUSTOMER),
        ("Caller", Role.CUSTOMER),
        ("Uppringare", Role.CUSTOMER),
        ("customer_1", Role.CUSTOMER),
        ("spk_0", None),
        ("SPEAKER_01", None),
        ("Maria", None),
    ],
)
def test_alias_role(label: str, role: Role | None) -> None:
    assert alias_role(label) is role


@pytest.mark.parametrize(
    ("lang", "agent_first", "customer_first"),
    [
        ("sv", "Välkommen till Matkassen, du pratar med Sara.", "Hej, jag ringer om min kasse."),
        ("sv", "Elbolaget, Karin. Vad kan jag hjälpa dig med?", "Hej, min räkning är för hög."),
        ("en", "Thank you for calling Northwire, how can I help?", "Hi, my internet is down."),
        ("en", "You're through to Harbour Bank, this is Ellie.", "Hi, my name is Tom, my card..."),
    ],
)
def test_greeting_beats_customer_first_turn(
    lang: str, agent_first: str, customer_first: str
) -> None:
    assert greeting_score(agent_first) > greeting_score(customer_first)
    # The customer speaks first: the greeting still finds the agent.
    mapping = assign_roles(
        ["spk_0", "spk_1"],
        {"spk_0": customer_first, "spk_1": agent_first},
        roles_in_source=False,
    )
    assert mapping.rule == "greeting-heuristic"
    assert mapping.roles == {"spk_0": Role.CUSTOMER, "spk_1": Role.AGENT}


def test_first_speaker_when_nobody_greets() -> None:
    mapping = assign_roles(
        ["A", "B"], {"A": "Hallå?", "B": "Hej, det gäller min order."}, roles_in_source=False
    )
    assert (mapping.rule, mapping.roles["A"]) == ("first-speaker", Role.AGENT)


def test_one_known_label_decides_the_other() -> None:
    mapping = assign_roles(["Kund", "Eva"], {}, roles_in_source=False)
    assert (mapping.rule, mapping.roles["Eva"]) == ("alias", Role.AGENT)


def test_user_mapping_wins_and_the_other_is_customer() -> None:
    mapping = assign_roles(
        ["spk_0", "spk_1"],
        {"spk_0": "Thank you for calling, how can I help?", "spk_1": "Hi."},
        roles_in_source=False,
        agent_speaker=["SPK_1"],
    )
    assert mapping.rule == "user-mapping"
    assert mapping.roles == {"spk_0": Role.CUSTOMER, "spk_1": Role.AGENT}
    by_customer = assign_roles(
        ["spk_0", "spk_1"], {}, roles_in_source=False, customer_speaker=["spk_0"]
    )
    assert by_customer.roles == {"spk_0": Role.CUSTOMER, "spk_1": Role.AGENT}


def test_user_mapping_that_matches_nobody_warns() -> None:
    mapping = assign_roles(["Agent", "Kund"], {}, roles_in_source=False, agent_speaker=["spk_9"])
    assert mapping.rule == "alias"
    assert "'spk_9' matches no speaker here" in mapping.warnings[0]


def test_unmappable_speakers_raise() -> None:
    with pytest.raises(RoleError, match="none is a known role"):
        assign_roles(["A", "B", "C"], {}, roles_in_source=False)


def test_agent_speaker_on_a_file(tmp_path: Path) -> None:
    call = read(FIXTURES / "whisperx_sv.json", agent_speaker="SPEAKER_00")
    assert call.speaker_rule == "user-mapping"
    assert call.utterances[0].speaker is Role.CUSTOMER  # SPEAKER_01 greets, but the user decides
    assert call.utterances[1].speaker_label == "SPEAKER_00"
    assert call.utterances[1].speaker is Role.AGENT

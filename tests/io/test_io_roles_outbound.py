"""Outbound calls (the customer answers, the agent spoke second), how sure the roles are, and
the warnings when only the order of speaking decided or the rules disagree."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verbalkit.cli import app
from verbalkit.errors import TranscriptError
from verbalkit.io import read
from verbalkit.io.roles import answers_phone, assign_roles, outbound_score
from verbalkit.vocab import Role

# Invented calls: (customer, agent) turns; the customer picks up and speaks first.
OUTBOUND_EN = [
    ("spk_0", "Hello?"),
    ("spk_1", "Hi, is that Peter Lind?"),
    ("spk_0", "Yes, speaking."),
    (
        "spk_1",
        "Hi Peter, this is Maria calling from Northwind Energy. I'm calling about your "
        "electricity contract, it runs out at the end of next month.",
    ),
    ("spk_0", "Oh right. Okay, what do you need from me?"),
    (
        "spk_1",
        "I'd like to go through two options with you so you don't end up on the variable "
        "price. Do you have a few minutes now?",
    ),
    ("spk_0", "Sure, go ahead, but I'm driving so keep it short."),
]
OUTBOUND_SV = [
    ("A", "Ja, det är Lena."),
    (
        "B",
        "Hej Lena, det är Johan från Elbolaget. Jag ringer angående din senaste elräkning, "
        "har du tid en stund?",
    ),
    ("A", "Ja, det har jag väl. Vad gäller det?"),
    (
        "B",
        "Vi har sett att du betalar för ett dyrare avtal än du behöver, så jag tänkte gå "
        "igenom ett billigare alternativ med dig.",
    ),
    ("A", "Okej, det låter ju bra. Vad kostar det då?"),
]
OUTBOUND_SV_HALLA = [
    ("Talare 1", "Hallå?"),
    (
        "Talare 2",
        "Hej, jag heter Sofia och ringer från Bredbandsbolaget Norr. Pratar jag med Anders?",
    ),
    ("Talare 1", "Ja, det gör du."),
    ("Talare 2", "Vad bra. Jag ringer dig om installationen av fibern som är bokad på fredag."),
    ("Talare 1", "Jaha, är det något problem med den?"),
]


def _csv(path: Path, turns: list[tuple[str, str]], call_id: str = "c1") -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["call_id", "speaker", "text"])
        for label, text in turns:
            writer.writerow([call_id, label, text])
    return path


@pytest.mark.parametrize(
    ("turns", "customer", "agent"),
    [(OUTBOUND_EN, "spk_0", "spk_1"), (OUTBOUND_SV, "A", "B")],
    ids=["en", "sv"],
)
def test_outbound_call_on_a_file(
    tmp_path: Path, turns: list[tuple[str, str]], customer: str, agent: str
) -> None:
    call = read(_csv(tmp_path / "out.csv", turns))
    assert call.speaker_rule == "outbound-heuristic"
    assert call.speaker_confidence is not None and 0.6 <= call.speaker_confidence < 1.0
    roles = {u.speaker_label: u.speaker for u in call.utterances}
    assert roles == {customer: Role.CUSTOMER, agent: Role.AGENT}
    assert call.utterances[0].speaker is Role.CUSTOMER  # "Hello?" is not the agent's question
    assert call.warnings == []


def test_outbound_cue_in_the_agents_second_turn() -> None:
    # The agent's first turn only asks for the customer ("Hi, is that Peter Lind?"): the
    # introduction comes in the next one and still counts.
    first = {label: text for label, text in reversed(OUTBOUND_EN)}
    only_first = assign_roles(["spk_0", "spk_1"], first, roles_in_source=False)
    openings = {"spk_0": [OUTBOUND_EN[0][1], OUTBOUND_EN[2][1]]}
    openings["spk_1"] = [OUTBOUND_EN[1][1], OUTBOUND_EN[3][1]]
    with_openings = assign_roles(
        ["spk_0", "spk_1"], first, roles_in_source=False, openings=openings
    )
    assert with_openings.roles["spk_1"] is Role.AGENT
    assert with_openings.confidence > only_first.confidence


def test_outbound_swedish_hallå_and_talare_labels(tmp_path: Path) -> None:
    call = read(_csv(tmp_path / "halla.csv", OUTBOUND_SV_HALLA))
    assert call.speaker_rule == "outbound-heuristic"
    assert [u.speaker for u in call.utterances[:2]] == [Role.CUSTOMER, Role.AGENT]


@pytest.mark.parametrize(
    "text",
    [
        "Hej, jag ringer om min faktura.",
        "Hej, jag ringer angående er annons på bredband.",
        "Det är fel på min router sedan i går.",
        "Hej, det är ett brev från er som jag inte förstår.",
        "Hi, I'm calling about my bill, it's far too high.",
        "I'm calling to check my balance.",
        "Hi, my name is Tom and my card was blocked.",
        "Is this the right number for billing?",
    ],
)
def test_a_customer_calling_in_is_not_an_outbound_caller(text: str) -> None:
    assert outbound_score([text]) == 0


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        ("Hallå?", True),
        ("Ja, hallå.", True),
        ("Hello?", True),
        ("Ja, det är Lena.", True),
        ("Peter speaking.", True),
        ("Lena Berg.", True),
        ("Hej, jag ringer om min faktura som är fel.", False),
        ("Välkommen till Elbolaget, du pratar med Karin.", False),
    ],
)
def test_answers_phone(text: str, answers: bool) -> None:
    assert answers_phone(text) is answers


@pytest.mark.parametrize(
    ("customer_first", "agent_first"),
    [
        ("Hej, jag ringer om min räkning.", "Välkommen till Elbolaget, du pratar med Karin."),
        ("Hi, my internet is down again.", "Thank you for calling Northwire, how can I help?"),
    ],
)
def test_inbound_greeting_is_unchanged(customer_first: str, agent_first: str) -> None:
    mapping = assign_roles(
        ["spk_0", "spk_1"], {"spk_0": customer_first, "spk_1": agent_first}, roles_in_source=False
    )
    assert mapping.rule == "greeting-heuristic"
    assert mapping.roles == {"spk_0": Role.CUSTOMER, "spk_1": Role.AGENT}
    assert 0.5 < mapping.confidence < 1.0
    assert mapping.warnings == []


def test_first_speaker_alone_warns(tmp_path: Path) -> None:
    turns = [("A", "Hallå?"), ("B", "Hej, det gäller min order som inte har kommit.")]
    call = read(_csv(tmp_path / "first.csv", turns))
    assert (call.speaker_rule, call.speaker_confidence) == ("first-speaker", 0.5)
    assert call.utterances[0].speaker is Role.AGENT
    assert call.warnings == [
        "speakers: roles guessed from who spoke first ('A' taken as the agent); "
        "name the agent with --agent-speaker"
    ]
    with pytest.raises(TranscriptError, match="roles guessed from who spoke first"):
        read(tmp_path / "first.csv", strict=True)
    named = read(tmp_path / "first.csv", agent_speaker="B")
    assert (named.speaker_rule, named.speaker_confidence, named.warnings) == (
        "user-mapping",
        1.0,
        [],
    )


def test_disagreement_outbound_wins_and_says_so() -> None:
    # A business picks up with a company greeting; the caller is the agent of another one.
    mapping = assign_roles(
        ["A", "B"],
        {
            "A": "God morgon, Tandläkarhuset, vad kan jag hjälpa dig med?",
            "B": "Hej, jag heter Karin och ringer från Elbolaget. Har du tid en stund?",
        },
        roles_in_source=False,
    )
    assert mapping.rule == "outbound-heuristic"
    assert mapping.roles == {"A": Role.CUSTOMER, "B": Role.AGENT}
    assert 0.5 <= mapping.confidence <= 0.8
    (warning,) = mapping.warnings
    assert warning.startswith("speakers: the role rules disagree: the greeting says 'A'")
    assert "outbound-call cues say 'B'" in warning
    assert "took 'B' (outbound-heuristic, the stronger)" in warning


def test_disagreement_greeting_wins_and_says_so() -> None:
    # An inbound customer abroad: "calling from Lisbon" is an outbound cue, the greeting is
    # stronger.
    mapping = assign_roles(
        ["A", "B"],
        {
            "A": "Thank you for calling Harbour Bank, you're through to Ellie, how can I help?",
            "B": "Hi, I'm calling from Lisbon, my card keeps getting declined at the hotel.",
        },
        roles_in_source=False,
    )
    assert (mapping.rule, mapping.roles["A"]) == ("greeting-heuristic", Role.AGENT)
    assert mapping.confidence < 0.8
    (warning,) = mapping.warnings
    assert "took 'A' (greeting-heuristic, the stronger)" in warning


def test_certain_rules_are_certain(tmp_path: Path) -> None:
    both = read(_csv(tmp_path / "alias.csv", [("Agent", "Hej och välkommen."), ("Kund", "Hej.")]))
    assert (both.speaker_rule, both.speaker_confidence) == ("alias", 1.0)
    one = assign_roles(["Kund", "Eva"], {}, roles_in_source=False)
    assert (one.rule, one.confidence) == ("alias", 0.9)
    source = assign_roles(["agent", "customer"], {}, roles_in_source=True)
    assert (source.rule, source.confidence) == ("roles-in-source", 1.0)


def test_validate_shows_the_rule_and_its_confidence(tmp_path: Path) -> None:
    _csv(tmp_path / "out.csv", OUTBOUND_SV)
    _csv(tmp_path / "alias.csv", [("Agent", "Hej och välkommen."), ("Kund", "Hej.")], "c2")
    result = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:-1]}
    confidence = read(tmp_path / "out.csv").speaker_confidence
    assert rows["c1"][-3:] == ["outbound-heuristic", f"{confidence:.2f}", "0"]
    assert rows["c2"][-2] == "alias"  # certain: no number, as for a declared language

"""Round 5, both languages: the two tagging kinds that issue 13 names as breaking call-level
patterns on unseen calls.

- A self-help remedy buried in a long monologue ("what usually helps with that is, and…,
  unplugging it…") is a solution, so premature solution can see it.
- "So X is common at the moment" normalises from the agent's own knowledge; it gives back
  nothing the customer said, so it is not restating.

Every line is written for this file.
"""

from __future__ import annotations

import pytest

from verbalkit.analysis import tag_many

PREV = {
    "en": "My router keeps dropping the connection every evening, it's driving me mad.",
    "sv": "Min router tappar anslutningen varje kväll, jag blir tokig.",
}


def labels(text: str, lang: str) -> set[str]:
    return {t.label for t in next(tag_many([(text, PREV[lang])], lang, role="agent"))}


SELF_HELP = [
    (
        "en",
        "Right, so what usually helps with that is, and honestly you'd be amazed how often this "
        "sorts it, switching the router off at the wall for a full minute, then back on, and "
        "leaving it ten minutes before you connect the laptop again.",
        True,
    ),
    ("en", "The trick is to restart it from the app rather than the button on the back.", True),
    ("en", "What works for most people is moving it off the floor and away from the TV.", True),
    ("en", "What helps us is knowing the exact times it drops.", False),
    (
        "sv",
        "Ja, det som brukar hjälpa, och man blir förvånad hur ofta det fungerar, är att stänga av "
        "routern i väggen en hel minut och sen vänta tio minuter innan du kopplar in datorn igen.",
        True,
    ),
    ("sv", "Knepet är att starta om den från appen i stället för knappen.", True),
    ("sv", "Det som hjälper oss är att veta exakt när det händer.", False),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SELF_HELP)
def test_self_help_in_a_long_turn_is_a_solution(lang: str, text: str, expected: bool) -> None:
    assert ("solution" in labels(text, lang)) is expected


NORMALISING = [
    ("en", "So evening dropouts are really common at the moment, with the storms.", False),
    ("en", "So lots of customers have had that this week.", False),
    ("en", "So it drops every evening and it's driving you mad.", True),
    ("sv", "Så det är väldigt vanligt just nu med de här avbrotten.", False),
    ("sv", "Så många kunder har haft samma sak i veckan.", False),
    ("sv", "Så routern tappar anslutningen varje kväll.", True),
]


@pytest.mark.parametrize(("lang", "text", "expected"), NORMALISING)
def test_normalising_is_not_restating(lang: str, text: str, expected: bool) -> None:
    assert ("restating" in labels(text, lang)) is expected

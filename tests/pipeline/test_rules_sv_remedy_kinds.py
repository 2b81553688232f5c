"""Swedish rules: self-help put as what the customer can do, and know-how after "så".

The Swedish side of ``test_rules_en_remedy_kinds.py``: "det du kan göra är att…", "det kan
vara värt att…" propose a step (not "värt att veta", which informs); "så med de här
motorerna finns det några saker som kan…" is the agent's know-how, not a reflection. Every
line is written for this file.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from verbalkit.analysis import tag_many
from verbalkit.schema import Tag

Tagger = Callable[[str, str | None], set[str]]


@pytest.fixture(scope="module")
def labels() -> Tagger:
    def run(text: str, prev: str | None = None) -> set[str]:
        tags: list[Tag] = next(tag_many([(text, prev)], "sv", role="agent"))
        return {t.label for t in tags}

    return run


SELF_HELP = [
    ("Det du kan göra är att hålla inne återställningsknappen i tio sekunder.", True),
    ("Det ni kan göra först är att stänga av vattnet vid huvudkranen.", True),
    ("Det kan vara värt att starta om routern innan du ringer igen.", True),
    ("Det är nog värt att kolla skräpposten efter länken.", True),
    ("Det kan vara värt att veta att taket nollställs i april.", False),
    ("Det är värt att spara kvittot någonstans.", False),
]


@pytest.mark.parametrize(("text", "solution"), SELF_HELP)
def test_self_help_as_what_you_can_do(labels: Tagger, text: str, solution: bool) -> None:
    assert ("solution" in labels(text, None)) is solution


KNOW_HOW = [
    (
        "Pannan slår av hela tiden när värmen går igång.",
        "Okej, så med de här kombipannorna finns det några saker som kan göra att den slår av.",
        False,
    ),
    (
        "Appen loggar ut mig när jag byter till kameran.",
        "Okej, så det brukar vara något i batteriinställningarna när appen loggar ut.",
        False,
    ),
    (
        "Appen loggar ut mig när jag byter till kameran.",
        "Så appen loggar ut dig varje gång du byter till kameran.",
        True,
    ),
]


@pytest.mark.parametrize(("prev", "text", "restating"), KNOW_HOW)
def test_know_how_after_sa_is_not_restating(
    labels: Tagger, prev: str, text: str, restating: bool
) -> None:
    assert ("restating" in labels(text, prev)) is restating


AUTOMATIC = [
    # The system gives the customer's money back: a remedy, even if it runs by itself.
    ("Den dubbla dragningen återförs automatiskt till kontot inom tre bankdagar.", True),
    ("Det andra beloppet återbetalas automatiskt, du behöver inte göra något.", True),
    # The system's own routine is not.
    ("Adressen hämtas automatiskt från folkbokföringen.", False),
    ("Numret flyttas över automatiskt inom ett dygn när de har kvitterat.", False),
]


@pytest.mark.parametrize(("text", "solution"), AUTOMATIC)
def test_an_automatic_refund_is_a_remedy(labels: Tagger, text: str, solution: bool) -> None:
    assert ("solution" in labels(text, None)) is solution


def test_a_generic_step_with_its_outcome_is_self_help(labels: Tagger) -> None:
    text = (
        "Man kan ju dra ur routern en stund så startar den om, och då brukar nätet komma tillbaka."
    )
    assert "solution" in labels(text, None)


def test_how_our_system_works_is_not_restating(labels: Tagger) -> None:
    prev = "Larmet går i gång mitt i natten fast ingen är hemma."
    text = "Alltså vårt system bygger på att varje detektor skickar en signal till centralen."
    assert "restating" not in labels(text, prev)

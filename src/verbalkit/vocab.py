"""The spec's public vocabulary (``shared/DOMAIN.md``): behaviour, signal and pattern ids."""

from __future__ import annotations

from enum import StrEnum


class Behaviour(StrEnum):
    """Behaviours tagged on agent utterances, in the spec's order."""

    OPEN_QUESTION = "open_question"
    CLOSED_QUESTION = "closed_question"
    RESTATING = "restating"
    SYMPATHY = "sympathy"
    APOLOGY = "apology"
    THANKING = "thanking"
    SOLUTION = "solution"
    COLLABORATION = "collaboration"
    EXPECTATION = "expectation"
    FOLLOW_UP = "follow_up"
    DEMANDING = "demanding"
    BLAMING = "blaming"
    JARGON = "jargon"


#: The twelve utterance-level behaviours (jargon is span-level and scored apart).
BEHAVIOURS: tuple[Behaviour, ...] = tuple(b for b in Behaviour if b is not Behaviour.JARGON)

#: Behaviours that count as listening before a solution (LUSTFULL's "känslorna först").
LISTENING: frozenset[Behaviour] = frozenset(
    {Behaviour.OPEN_QUESTION, Behaviour.RESTATING, Behaviour.SYMPATHY}
)


class Signal(StrEnum):
    """Signals tagged on customer utterances."""

    EMOTION = "emotion"
    PROBLEM = "problem"


class Pattern(StrEnum):
    """Call-level patterns."""

    INTERRUPTION = "interruption"
    LONG_MONOLOGUE = "long_monologue"
    PREMATURE_SOLUTION = "premature_solution"
    GIVE_AWAY = "give_away"


class Role(StrEnum):
    """Who speaks an utterance."""

    AGENT = "agent"
    CUSTOMER = "customer"
    OTHER = "other"


#: Languages with a rule pack.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("sv", "en")

"""Map speaker labels (``Kund``, ``spk_0``, ``AGENT``) to roles: agent, customer or other.

Rules, in order; the one that decided is recorded in ``Transcript.speaker_rule``:

1. ``user-mapping``: labels named by ``agent_speaker``/``customer_speaker``. With
   ``agent_speaker`` given, every other speaker is a customer; with only
   ``customer_speaker`` and two speakers, the other one is the agent.
2. ``roles-in-source``: the source names roles (``"agent"``/``"customer"`` in verbalkit JSON,
   ``ParticipantRole`` in Amazon Transcribe Call Analytics).
3. ``alias``: built-in Swedish and English names for the roles (``Handläggare``, ``Kund``,
   ``Caller``...). With two speakers, one known label decides the other.
4. ``greeting-heuristic``: with two unknown labels, the speaker whose first turn greets like a
   company ("välkommen till", "du pratar med", "thank you for calling", "how can I help") is
   the agent.
5. ``first-speaker``: otherwise the first speaker is the agent.

Three or more speakers that no rule names are an error: say who the agent is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from verbalkit.vocab import Role

AGENT_ALIASES = frozenset(
    {
        "agent",
        "agenten",
        "handläggare",
        "handläggaren",
        "handlaggare",
        "kundtjänst",
        "kundtjänsten",
        "kundservice",
        "support",
        "supporten",
        "operator",
        "operatör",
        "operatören",
        "representative",
        "rep",
        "advisor",
        "adviser",
        "rådgivare",
        "rådgivaren",
        "säljare",
        "säljaren",
        "customer service",
        "customer support",
        "customer care",
        "service agent",
        "support agent",
        "call taker",
        "personal",
        "staff",
        "system",
        "assistant",
        # The company's side when a call is handed over: "Supervisor: I'm taking over now."
        "supervisor",
        "team leader",
        "teamledare",
        "arbetsledare",
    }
)
CUSTOMER_ALIASES = frozenset(
    {
        "customer",
        "kund",
        "kunden",
        "caller",
        "client",
        "klient",
        "klienten",
        "uppringare",
        "uppringaren",
        "user",
        "användare",
        "användaren",
        "consumer",
        "konsument",
        "konsumenten",
        "member",
        "medlem",
        "medlemmen",
        "patient",
        "patienten",
        "guest",
        "gäst",
        "gästen",
    }
)
OTHER_ALIASES = frozenset({"other", "annan", "ivr", "bot", "voicemail", "röstbrevlåda"})

_ALIASES: dict[str, Role] = {
    **dict.fromkeys(AGENT_ALIASES, Role.AGENT),
    **dict.fromkeys(CUSTOMER_ALIASES, Role.CUSTOMER),
    **dict.fromkeys(OTHER_ALIASES, Role.OTHER),
}

# (phrase, weight): company greetings weigh more than a bare "my name is", which callers say too.
GREETINGS: tuple[tuple[str, int], ...] = (
    ("välkommen till", 3),
    ("du pratar med", 3),
    ("du talar med", 3),
    ("du har kommit till", 3),
    ("du har ringt", 3),
    ("vad kan jag hjälpa", 2),
    ("hur kan jag hjälpa", 2),
    ("vad kan jag göra för dig", 2),
    ("kundtjänst", 1),
    ("kundservice", 1),
    ("mitt namn är", 1),
    ("jag heter", 1),
    ("thank you for calling", 3),
    ("thanks for calling", 3),
    ("you're through to", 3),
    ("you are through to", 3),
    ("you've reached", 3),
    ("you have reached", 3),
    ("welcome to", 3),
    ("how can i help", 2),
    ("how may i help", 2),
    ("what can i do for you", 2),
    ("speaking, how", 2),
    ("customer service", 1),
    ("my name is", 1),
)

_ROLE_VALUES = frozenset(r.value for r in Role)
# No opener inside the brackets: "((((..." without a closer would otherwise rescan the
# rest of the label from every "(" (quadratic on a hostile label).
_PARENS = re.compile(r"[(\[]([^()\[\]]*+)[)\]]")
_NUMBER_SEPARATORS = " \t\n\r\f\v_#-"
_SPACES = re.compile(r"[\s_]+")


class RoleError(ValueError):
    """Speaker labels that no rule can map; the message says what to pass."""


@dataclass(slots=True)
class RoleMapping:
    """Roles by label, the rule that decided, and notes for the transcript's warnings."""

    roles: dict[str, Role]
    rule: str
    warnings: list[str] = field(default_factory=list)


def alias_role(label: str) -> Role | None:
    """The role a label names, by the built-in aliases (``"Kund 2"`` -> customer).

    >>> alias_role("Handläggare (Eva)"), alias_role("spk_0")
    (<Role.AGENT: 'agent'>, None)
    """
    key = _SPACES.sub(" ", label.strip().lower()).strip(" :.-")
    candidates = [key, _without_number(key)]
    candidates += [m.strip() for m in _PARENS.findall(key)]
    without_parens = _PARENS.sub("", key).strip()
    candidates.append(_without_number(without_parens))
    for candidate in candidates:
        role = _ALIASES.get(candidate)
        if role is not None:
            return role
    # "Kund Anna", "Agent Lisa": one word names the role, the rest is a name.
    found = {_ALIASES[w] for w in _SPACES.split(without_parens) if w in _ALIASES}
    return found.pop() if len(found) == 1 else None


def _without_number(key: str) -> str:
    """``"kund 2"`` -> ``"kund"``: a trailing number and its separators removed.

    String methods, not a regex: searching for a suffix tries every start, which is
    quadratic on a long label of separators or digits.
    """
    stripped = key.rstrip("0123456789")
    if stripped == key:
        return key.strip()
    return stripped.rstrip(_NUMBER_SEPARATORS).strip()


def greeting_score(text: str) -> int:
    """How much a first turn sounds like a company answering the phone."""
    lowered = " ".join(text.lower().split())
    return sum(weight for phrase, weight in GREETINGS if phrase in lowered)


def assign_roles(
    labels: Sequence[str],
    first_texts: dict[str, str],
    *,
    roles_in_source: bool,
    agent_speaker: Sequence[str] = (),
    customer_speaker: Sequence[str] = (),
) -> RoleMapping:
    """Map each label to a role.

    Args:
        labels: Distinct labels in order of first appearance.
        first_texts: Each label's first utterance text (for the greeting heuristic).
        roles_in_source: The labels come from a field that names roles.
        agent_speaker: Labels the user says are the agent (case-insensitive).
        customer_speaker: Labels the user says are the customer.

    Raises:
        RoleError: When some labels cannot be mapped.
    """
    warnings: list[str] = []
    if agent_speaker or customer_speaker:
        mapping = _user_mapping(labels, agent_speaker, customer_speaker)
        if mapping is not None:
            return mapping
        if not roles_in_source:
            given = ", ".join(repr(s) for s in (*agent_speaker, *customer_speaker))
            warnings.append(
                f"speakers: {given} matches no speaker here ({_show(labels)}); used the other rules"
            )
    if roles_in_source and all(label.strip().lower() in _ROLE_VALUES for label in labels):
        roles = {label: Role(label.strip().lower()) for label in labels}
        return RoleMapping(roles, "roles-in-source", warnings)
    known = {label: alias_role(label) for label in labels}
    unknown = [label for label, role in known.items() if role is None]
    if not unknown:
        return RoleMapping({k: v for k, v in known.items() if v is not None}, "alias", warnings)
    mapped = {label: role for label, role in known.items() if role is not None}
    if mapped:
        if len(labels) == 2 and len(mapped) == 1:
            (role,) = mapped.values()
            if role is not Role.OTHER:
                other = Role.CUSTOMER if role is Role.AGENT else Role.AGENT
                return RoleMapping({**mapped, unknown[0]: other}, "alias", warnings)
        raise RoleError(
            f"cannot tell the role of speaker {_show(unknown)} (known: "
            f"{', '.join(f'{k!r} is {v.value}' for k, v in mapped.items())}): "
            "name it with --agent-speaker or --customer-speaker"
        )
    if len(labels) > 2:
        raise RoleError(
            f"{len(labels)} speakers ({_show(labels)}) and none is a known role: "
            "name the agent with --agent-speaker"
        )
    scores = {label: greeting_score(first_texts.get(label, "")) for label in labels}
    best = max(scores.values())
    greeters = [label for label, score in scores.items() if score == best]
    if best > 0 and len(greeters) == 1:
        agent, rule = greeters[0], "greeting-heuristic"
    else:
        agent, rule = labels[0], "first-speaker"
    roles = {label: Role.AGENT if label == agent else Role.CUSTOMER for label in labels}
    return RoleMapping(roles, rule, warnings)


def _user_mapping(
    labels: Sequence[str], agent_speaker: Sequence[str], customer_speaker: Sequence[str]
) -> RoleMapping | None:
    agents = {s.strip().lower() for s in agent_speaker}
    customers = {s.strip().lower() for s in customer_speaker}
    roles: dict[str, Role] = {}
    for label in labels:
        key = label.strip().lower()
        if key in agents:
            roles[label] = Role.AGENT
        elif key in customers:
            roles[label] = Role.CUSTOMER
    if not roles:
        return None
    rest = [label for label in labels if label not in roles]
    warnings: list[str] = []
    if rest and agents & {label.strip().lower() for label in roles}:
        for label in rest:
            roles[label] = Role.CUSTOMER
        if len(rest) > 1:
            warnings.append(
                f"speakers: {_show(rest)} all taken as customers (--agent-speaker given)"
            )
    elif rest and len(labels) == 2:
        roles[rest[0]] = Role.AGENT
    elif rest:
        unmapped = []
        for label in rest:
            role = alias_role(label)
            if role is None:
                unmapped.append(label)
            else:
                roles[label] = role
        if unmapped:
            raise RoleError(
                f"cannot tell the role of speaker {_show(unmapped)}: "
                "name it with --agent-speaker or --customer-speaker"
            )
    return RoleMapping(roles, "user-mapping", warnings)


def _show(labels: Sequence[str]) -> str:
    return ", ".join(repr(label) for label in labels)

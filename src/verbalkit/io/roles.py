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
5. ``outbound-heuristic``: the speaker whose opening turns sound like a company ringing
   someone ("det är Maria från Elbolaget", "I'm calling from...", "ringer angående din...",
   "calling about your...") is the agent, even when the customer spoke first ("Hallå?",
   "Ja, det är Lena"). Rules 4 and 5 are weighed together: when they name different
   speakers the stronger wins and a warning says so.
6. ``first-speaker``: otherwise the first speaker is the agent, with a warning.

``RoleMapping.confidence`` (``Transcript.speaker_confidence``) says how sure the decision is:
1.0 for the user's mapping, roles in the source and labels that all name a role; 0.9 when
one known label decides the other; for the heuristics it grows with the margin between the
two speakers' cue weights (``min(0.95, 0.55 + 0.1 * margin)``), stays in 0.5-0.8 when the
rules disagree, and is 0.5 for ``first-speaker``.

Three or more speakers that no rule names are an error: say who the agent is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
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

# A name as written: a capital letter, then letters (no re.IGNORECASE around it, so "det är
# fel på" is not "det är <name> på"). Transcripts in lower case get no outbound cue.
_NAME = r"[A-ZÅÄÖÆØÉÜ][\w'’-]*"
_HELLO = r"(?i:hallå|hallo|hello|hi|hey|hej|ja|jo|yes|yeah|yep|mm|god morgon|good morning)"

# (pattern, weight): what the one who places a call says, in the opening turns. Patterns are
# case-sensitive only for {name}; a name-free "calling from" weighs more than a bare "is this
# Peter?", which customers can say too. General phrasings, sv and en.
OUTBOUND_CUES: tuple[tuple[str, int], ...] = (
    # "Det är Maria från Elbolaget", "jag heter Maria och ringer från Elbolaget"
    (
        r"(?i:det är|detta är|här är|jag heter|mitt namn är) {name}(?: {name})?,? "
        r"(?i:(?:och )?(?:jag )?(?:ringer |här )?(?:från|ifrån|på)) {name}",
        2,
    ),
    # "This is Maria calling from Northwind", "my name is Maria with Northwind"
    (
        r"(?i:this is|it's|it is|my name is|i'm|i am) {name}(?: {name})?,? "
        r"(?i:(?:and )?(?:i'm |i am )?(?:calling |ringing |phoning )?(?:here )?"
        r"(?:from|with|at|on behalf of)) (?:(?i:the) )?{name}",
        2,
    ),
    # "jag ringer från Elbolaget", "I'm calling from Northwind", "on behalf of"
    (r"(?i:ringer|ringde) (?i:från|ifrån|på uppdrag av|å vägnar av) {name}", 3),
    (r"(?i:calling|ringing|phoning) (?i:from|on behalf of) (?:(?i:the) )?{name}", 3),
    # "ringer angående din faktura": singular "din" addresses a person, not a company ("er")
    (
        r"(?i:ringer|ringde) (?i:dig |upp dig )?(?i:angående|gällande|om|kring|beträffande|"
        r"med anledning av) (?i:din|ditt|dina)\b",
        3,
    ),
    (r"(?i:ringer (?:upp )?dig|ringde dig|ringer tillbaka till dig)\b", 2),
    (
        r"(?i:calling|ringing|phoning)(?i: you)? (?i:about|regarding|concerning|re|"
        r"in regards? to|with regards? to) (?i:your)\b",
        2,
    ),
    (
        r"(?i:calling|ringing|phoning)(?i: you)? (?i:to (?:follow up|let you know|remind you|"
        r"offer you|tell you about|inform you|confirm your|check in))",
        2,
    ),
    (
        r"(?i:har du (?:tid|en stund|ett par minuter|några minuter|en minut)|passar det "
        r"(?:bra )?(?:att prata|nu|just nu)|stör jag|kommer jag olämpligt)",
        2,
    ),
    (
        r"(?i:is (?:this|now|it) a (?:good|bad|convenient) time|do you have (?:a|a few|two|"
        r"five|a couple of) (?:minute|minutes|moment|moments|second|seconds)|have i caught "
        r"you|did i catch you|hope i'm not (?:disturbing|interrupting))",
        2,
    ),
    # "Pratar jag med Peter?", "Is that Peter?": customers ask "Is this Northwind?" too.
    (
        r"(?i:pratar jag med|talar jag med|är det|kan jag få prata med|söker) {name}"
        r"|(?i:am i (?:speaking|talking) (?:to|with)|is (?:this|that)|can i speak (?:to|with)|"
        r"could i speak (?:to|with)|may i speak (?:to|with)) (?:(?i:mr|mrs|ms|miss|dr)\.? )?"
        r"{name}",
        1,
    ),
)
# The first turn of someone answering their phone: "Hallå?", "Ja, det är Lena", "Peter
# speaking". Alone it decides nothing (an agent may answer "Hallå?" too); it adds weight to
# the other speaker's outbound cues.
ANSWER_CUES: tuple[str, ...] = (
    r"^\W*(?:{hello}\W*)+$",
    r"^\W*(?:{hello}\W+)*(?:(?i:det är|this is|it's|you're speaking to|du pratar med) )?"
    r"{name}(?: {name})?(?: (?i:här|speaking|talar|pratar|hos mig))?\W*$",
)
#: Weight an answer cue in the first speaker's first turn adds to the second speaker's
#: outbound cues (only when there are some).
ANSWER_WEIGHT = 1
#: Utterances from the start of a call read for outbound cues, and turns per speaker.
OPENING_UTTERANCES = 8
OPENING_TURNS = 2
_ANSWER_MAX_WORDS = 6


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.format(name=_NAME, hello=_HELLO))


_OUTBOUND = tuple((_compile(p), w) for p, w in OUTBOUND_CUES)
_ANSWERS = tuple(_compile(p) for p in ANSWER_CUES)

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
    confidence: float = 1.0
    """How sure the decision is, 0-1 (1.0 for the user's mapping and roles in the source)."""


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


def outbound_score(texts: Sequence[str]) -> int:
    """How much a speaker's opening turns sound like a company ringing someone.

    >>> outbound_score(["Hej Peter, det är Maria från Elbolaget."])
    2
    >>> outbound_score(["Hi, I'm calling about my bill."])
    0
    """
    total = 0
    for text in texts:
        flat = " ".join(text.split())
        total += sum(weight for pattern, weight in _OUTBOUND if pattern.search(flat))
    return total


def answers_phone(text: str) -> bool:
    """True for a first turn like someone picking up their phone ("Hallå?", "Ja, det är Lena").

    >>> answers_phone("Hallå?"), answers_phone("Ja, det är Lena.")
    (True, True)
    >>> answers_phone("Hej, det gäller min order.")
    False
    """
    flat = " ".join(text.split())
    if not flat or len(flat.split()) > _ANSWER_MAX_WORDS:
        return False
    return any(pattern.search(flat) for pattern in _ANSWERS)


def assign_roles(
    labels: Sequence[str],
    first_texts: dict[str, str],
    *,
    roles_in_source: bool,
    agent_speaker: Sequence[str] = (),
    customer_speaker: Sequence[str] = (),
    openings: Mapping[str, Sequence[str]] | None = None,
) -> RoleMapping:
    """Map each label to a role.

    Args:
        labels: Distinct labels in order of first appearance.
        first_texts: Each label's first utterance text (for the greeting heuristic).
        roles_in_source: The labels come from a field that names roles.
        agent_speaker: Labels the user says are the agent (case-insensitive).
        customer_speaker: Labels the user says are the customer.
        openings: Each label's first few turns near the start of the call (for the outbound
            heuristic); each label's first text when not given.

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
                return RoleMapping({**mapped, unknown[0]: other}, "alias", warnings, 0.9)
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
    if openings is None:
        openings = {label: [first_texts.get(label, "")] for label in labels}
    agent, rule, confidence, notes = _heuristic(labels, first_texts, openings)
    roles = {label: Role.AGENT if label == agent else Role.CUSTOMER for label in labels}
    return RoleMapping(roles, rule, [*warnings, *notes], confidence)


def _confidence(margin: int) -> float:
    """Confidence of a heuristic decision by the margin of cue weights (1 -> 0.65, 4+ -> 0.95)."""
    return round(min(0.95, 0.55 + 0.1 * margin), 2)


def _leader(scores: Mapping[str, int]) -> tuple[str | None, int]:
    """The label with the highest score and its lead over the rest (None on a tie or all 0)."""
    ranked = sorted(scores.values(), reverse=True)
    lead = ranked[0] - (ranked[1] if len(ranked) > 1 else 0)
    if lead <= 0:
        return None, 0
    return next(label for label, score in scores.items() if score == ranked[0]), lead


def _heuristic(
    labels: Sequence[str], first_texts: Mapping[str, str], openings: Mapping[str, Sequence[str]]
) -> tuple[str, str, float, list[str]]:
    """The agent among one or two unknown labels: (label, rule, confidence, warnings)."""
    greeting = {label: greeting_score(first_texts.get(label, "")) for label in labels}
    outbound = {label: outbound_score(openings.get(label, ())) for label in labels}
    if len(labels) == 2 and outbound[labels[1]] and answers_phone(first_texts.get(labels[0], "")):
        # The first speaker picked up the phone ("Hallå?"): the other one rang.
        outbound[labels[1]] += ANSWER_WEIGHT
    g_agent, g_lead = _leader(greeting)
    o_agent, o_lead = _leader(outbound)
    if g_agent is not None and o_agent is not None and g_agent != o_agent:
        return _disagreement(g_agent, g_lead, o_agent, o_lead)
    # Agreeing cues add up; the rule named is the one with the larger lead.
    if g_agent is not None and g_lead >= o_lead:
        return g_agent, "greeting-heuristic", _confidence(g_lead + o_lead), []
    if o_agent is not None:
        return o_agent, "outbound-heuristic", _confidence(g_lead + o_lead), []
    return (
        labels[0],
        "first-speaker",
        0.5,
        [
            f"speakers: roles guessed from who spoke first ({labels[0]!r} taken as the "
            "agent); name the agent with --agent-speaker"
        ],
    )


def _disagreement(
    g_agent: str, g_lead: int, o_agent: str, o_lead: int
) -> tuple[str, str, float, list[str]]:
    """The greeting names one speaker and the outbound cues the other: the stronger wins (a
    tie goes to the greeting, inbound calls being the more common), with a warning."""
    if o_lead > g_lead:
        agent, rule, other, weak, strong = o_agent, "outbound-heuristic", g_agent, g_lead, o_lead
    else:
        agent, rule, other, weak, strong = g_agent, "greeting-heuristic", o_agent, o_lead, g_lead
    confidence = round(0.5 + 0.3 * (strong - weak) / (strong + weak), 2)
    says = {
        "greeting-heuristic": "the greeting says {} is the agent (weight {})",
        "outbound-heuristic": "outbound-call cues say {} (weight {})",
    }
    other_rule = "outbound-heuristic" if rule == "greeting-heuristic" else "greeting-heuristic"
    why = "the stronger" if strong > weak else "a tie goes to the greeting"
    first, second = (rule, other_rule) if rule == "greeting-heuristic" else (other_rule, rule)
    who = {rule: (repr(agent), strong), other_rule: (repr(other), weak)}
    warning = (
        f"speakers: the role rules disagree: {says[first].format(*who[first])}, "
        f"{says[second].format(*who[second])}; took {agent!r} ({rule}, {why}); "
        "name the agent with --agent-speaker if that is wrong"
    )
    return agent, rule, confidence, [warning]


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

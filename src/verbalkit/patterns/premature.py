"""Premature solution (*svaret kommer för snabbt*): fixing before listening.

After the customer states a problem (a customer utterance tagged ``problem`` or
``emotion``), the agent should listen (``open_question``, ``restating`` or
``sympathy``) before the first ``solution``. Closed questions and apologies are not
listening.

The check walks the call in spoken order (time order when timed, else input order)
and keeps one *open problem* at a time:

* a customer ``problem``/``emotion`` utterance opens a problem when none is open, or
  when the previous one is settled (the agent already listened or offered a
  solution); while a problem is still open, more problem talk belongs to it;
* except: once a problem has been raised, a customer statement that answers an agent
  utterance with an ``open_question``, ``restating`` or ``collaboration`` tag is the
  customer elaborating what the agent asked about ("Hur skulle du vilja att vi gör?"
  - "Jag vill ha tillbaka pengarna, 312 kronor"), not a new problem;
* in each agent utterance the tags are read in the order of their start offsets:
  a listening tag settles the problem well, a ``solution`` tag settles it as
  *premature*. When a listening and a solution tag start at the same offset, the
  listening one is taken first (the benefit of the doubt goes to the agent), unless the
  listening tag is the trained component's: its evidence is a whole sentence, and when
  that sentence is the remedy itself ("Sorry about that. What I'll do is put three
  months' credit on your account…" read as sympathy), no listening came before the fix.

Fallback: when no customer utterance carries ``problem`` or ``emotion`` (e.g. the
signals were not tagged), the first customer utterance with at least
:data:`FALLBACK_MIN_WORDS` words is taken as the problem statement, and the event
details say ``"problem_basis": "fallback"``. The same stand-in is used when the
signal tagger marked only later turns: if no customer utterance from that first
substantive turn up to the agent's first solution after it is tagged, the solution
answers an untagged opening statement, and that statement is the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verbalkit.patterns.common import PatternResult, in_time_order, n_words
from verbalkit.schema import AnalysedCall, AnalysedUtterance, PatternEvent, Tag
from verbalkit.vocab import LISTENING, Behaviour, Pattern, Role, Signal

#: The first customer utterance with at least this many words stands in for the problem
#: statement when no customer utterance is tagged ``problem`` or ``emotion``.
FALLBACK_MIN_WORDS = 6

_PROBLEM_LABELS = frozenset({Signal.PROBLEM.value, Signal.EMOTION.value})
#: A customer's what-if about the remedy: "And if he doesn't come?", "Men om det inte
#: funkar då?".
_WHAT_IF = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|right|yes|yeah|and|but|so|oh|ja|okej|men|och|så)\W+)*(?:what\s+)?"
    r"(?:if|om|tänk om|och om|what happens if|vad händer om)\b",
    re.IGNORECASE,
)
#: A customer turning to another matter: "en sak till", "en annan grej", "one more thing",
#: "something else", "while I have you", "medan jag har dig".
_NEW_TOPIC = re.compile(
    r"\b(?:(?:en|ett) (?:sak|grej|fråga|problem|ärende) (?:till|också|dessutom)|en annan (?:sak|grej)"
    r"|något annat|nåt annat|medan jag har dig|(?:one|another) (?:more |other )?(?:thing|issue|"
    r"problem|question)|something else|while i(?:'ve| have) (?:got )?you)\b",
    re.IGNORECASE,
)
#: The narrower markers that raise another matter by themselves ("something else" is as
#: often another option: "Find me something else for the 9th").
_ANOTHER_MATTER = re.compile(
    r"\b(?:(?:en|ett) (?:sak|grej|fråga|problem|ärende) (?:till|också|dessutom)|en annan (?:sak|grej)"
    r"|medan jag har dig|(?:one|another) (?:more |other )?(?:thing|issue|problem)"
    r"|while i(?:'ve| have) (?:got )?you)\b",
    re.IGNORECASE,
)
_LISTENING_LABELS = frozenset(b.value for b in LISTENING)
#: Agent moves that answer what the customer said (see :func:`_fallback_problem`).
_ANSWERS = frozenset(
    {Behaviour.SOLUTION.value, Behaviour.RESTATING.value, Behaviour.SYMPATHY.value}
)
#: A request rather than a problem after "one more thing": "can I…", "I'd like to…".
_REQUEST = re.compile(
    r"\b(?:can i|could i|could you|can you|i'?d like|i would like|i want to|kan jag|kan du|"
    r"kan ni|skulle jag|skulle du|jag vill|jag skulle vilja)\b",
    re.IGNORECASE,
)
_SOLUTION = Behaviour.SOLUTION.value
# Agent moves whose answer elaborates the problem already raised, not a new one.
_INVITING = frozenset(
    {Behaviour.OPEN_QUESTION.value, Behaviour.RESTATING.value, Behaviour.COLLABORATION.value}
)


@dataclass(frozen=True)
class Episode:
    """One problem statement and how the agent answered it.

    Attributes:
        problem: The customer utterance that opened the problem.
        problem_basis: ``"tags"`` (tagged problem/emotion) or ``"fallback"``.
        solution: The agent utterance with the first solution after it, if any.
        listened_first: True when a listening tag came before that solution (or, with
            no solution, when the agent listened at all).
        listening: The agent utterance with the first listening tag, if any came first.
        before: Agent labels seen between the problem and the settling tag, in order
            (e.g. ``["closed_question", "apology"]``): what the agent did instead.
    """

    problem: AnalysedUtterance
    problem_basis: str
    solution: AnalysedUtterance | None
    listened_first: bool
    listening: AnalysedUtterance | None
    before: tuple[str, ...]

    @property
    def premature(self) -> bool:
        """True when a solution came before any listening."""
        return self.solution is not None and not self.listened_first


def _same_matter(u: AnalysedUtterance, invited: bool, answered_before: bool) -> bool:
    """Whether customer turn ``u`` goes on about a problem already answered rather than
    raising a new one: it answers the agent's invitation to say more, or it is a reaction
    to the remedy, a feeling alone ("Honestly, I wouldn't know where to start") or a what-if
    ("And if he doesn't come?"). "Och så var det en sak till…", "One more thing…" always
    start a new problem."""
    if not answered_before or _NEW_TOPIC.search(u.text) is not None:
        return False
    return invited or Signal.PROBLEM.value not in u.labels or _WHAT_IF.match(u.text) is not None


def _turns_to_new(u: AnalysedUtterance, episodes: list[Episode]) -> bool:
    """Whether customer turn ``u`` raises another matter with no tag on it: after a problem
    was answered, "en sak till", "one more thing" and a statement of some length ("Och en sak
    till. Fakturan som kom är på 359 i månaden, men jag har alltid betalat 299."), not a
    question or a request ("One more thing, can I change my address?")."""
    return (
        bool(episodes)
        and _ANOTHER_MATTER.search(u.text) is not None
        and "?" not in u.text
        and _REQUEST.search(u.text) is None
        and n_words(u.text) >= FALLBACK_MIN_WORDS
    )


def problem_episodes(call: AnalysedCall) -> list[Episode]:
    """Split a call into problem episodes and say how each was answered.

    Args:
        call: A call whose customer utterances may carry ``problem``/``emotion`` tags and
            whose agent utterances carry behaviour tags.

    Returns:
        One :class:`Episode` per problem statement, in spoken order.
    """
    ordered, _ = in_time_order(call)
    fallback = _fallback_problem(ordered)

    episodes: list[Episode] = []
    problem: AnalysedUtterance | None = None
    before: list[str] = []
    invited = False  # the agent's last utterance asked the customer to say more
    for u in ordered:
        if u.speaker is Role.CUSTOMER:
            states = u is fallback or bool(u.labels & _PROBLEM_LABELS) or _turns_to_new(u, episodes)
            if states and problem is None and not _same_matter(u, invited, bool(episodes)):
                problem, before = u, []
            continue
        if u.speaker is not Role.AGENT:
            continue
        invited = bool(u.labels & _INVITING)
        if problem is None:
            continue
        basis = "fallback" if problem is fallback else "tags"
        for tag in _in_span_order(u):
            if tag in _LISTENING_LABELS:
                episodes.append(Episode(problem, basis, None, True, u, tuple(before)))
            elif tag == _SOLUTION:
                episodes.append(Episode(problem, basis, u, False, None, tuple(before)))
            else:
                before.append(tag)
                continue
            problem = None
            break
    if problem is not None:
        basis = "fallback" if problem is fallback else "tags"
        episodes.append(Episode(problem, basis, None, False, None, tuple(before)))
    if not any(e.solution is None and e.listening is not None for e in episodes):
        return episodes
    stops = _Stops(ordered)
    return [_with_solution(e, stops) for e in episodes]


def _fallback_problem(ordered: list[AnalysedUtterance]) -> AnalysedUtterance | None:
    """The first substantive customer turn, when no tag marks the problem it opens.

    It stands in for the problem statement when no customer utterance from it up to the
    agent's first solution after it is tagged ``problem``/``emotion`` (with no tags at all,
    that is always the case).
    """
    pos = next(
        (
            i
            for i, u in enumerate(ordered)
            if u.speaker is Role.CUSTOMER and n_words(u.text) >= FALLBACK_MIN_WORDS
        ),
        None,
    )
    if pos is None:
        return None
    for u in ordered[pos:]:
        if u.speaker is Role.CUSTOMER and u.labels & _PROBLEM_LABELS:
            return None
        # The agent answered it: with a remedy, or by giving back its content or feeling
        # (restating, sympathy). A later tagged turn ("Nothing, the staff just handed me the
        # bag") then answers the agent; the problem was the opening statement. (An open
        # question alone may be the greeting's "how can I help?".)
        if u.speaker is Role.AGENT and u.labels & _ANSWERS:
            break
    return ordered[pos]


def detect_premature(call: AnalysedCall) -> PatternResult:
    """Find premature solutions in one call.

    Args:
        call: A tagged call (agent behaviours; customer problem/emotion signals).

    Returns:
        One ``premature_solution`` event per problem answered with a solution before any
        listening; ``utterances`` are ``[customer index, agent index]``.

    >>> from verbalkit.schema import AnalysedCall, AnalysedUtterance, Tag
    >>> fix = Tag(label="solution", start=0, end=29, text="Jag skickar en ny i morgon.",
    ...           rule="demo", confidence=1.0)
    >>> call = AnalysedCall(call_id="x", language="sv", has_timestamps=False, utterances=[
    ...     AnalysedUtterance(index=0, speaker="customer",
    ...                       text="Burken med räkor saknades i min leverans i går."),
    ...     AnalysedUtterance(index=1, speaker="agent", text="Jag skickar en ny i morgon.",
    ...                       tags=[fix])])
    >>> [e.utterances for e in detect_premature(call).events]
    [[0, 1]]
    """
    events = []
    for ep in problem_episodes(call):
        if not ep.premature or ep.solution is None:
            continue
        instead = ", ".join(dict.fromkeys(b for b in ep.before if b != Behaviour.JARGON.value))
        tail = f" (before it only: {instead})" if instead else ""
        events.append(
            PatternEvent(
                pattern=Pattern.PREMATURE_SOLUTION.value,
                utterances=[ep.problem.index, ep.solution.index],
                start=ep.solution.start,
                end=ep.solution.end,
                basis=None,
                message=f"solution (#{ep.solution.index}) comes before any open question, "
                f"restating or sympathy after the customer's problem (#{ep.problem.index})" + tail,
                details={
                    "problem_utterance": ep.problem.index,
                    "solution_utterance": ep.solution.index,
                    "problem_basis": ep.problem_basis,
                    "before_listening": list(ep.before),
                },
            )
        )
    return PatternResult(events=events)


def _in_span_order(u: AnalysedUtterance) -> list[str]:
    """The utterance's labels in reading order; on a tie a rule's listening tag first, a
    model's (rule id ``….model``) after the solution whose sentence it shares."""
    tags = sorted(u.tags, key=lambda t: (t.start, _tie_rank(t.label, t.rule)))
    return [t.label for t in tags if not _owned_apology(t, u.tags)]


def _owned_apology(tag: Tag, tags: list[Tag]) -> bool:
    """Whether ``tag`` is the trained component's sympathy on a sentence the rules read as
    an apology that owns the fault, with no rule's sympathy on it ("Ach, sorry about that,
    that's a mistake on our end."): an apology, which is not listening (LABELLING, en-d02's
    "Sorry about that!")."""
    if tag.label != Behaviour.SYMPATHY.value or not tag.rule.endswith(".model"):
        return False
    inside = [t for t in tags if t.start < tag.end and t.end > tag.start and t is not tag]
    return any(t.label == Behaviour.APOLOGY.value for t in inside) and not any(
        t.label in _LISTENING_LABELS for t in inside
    )


def _tie_rank(label: str, rule: str) -> int:
    if label not in _LISTENING_LABELS:
        return 1
    return 2 if rule.endswith(".model") else 0


class _Stops:
    """For each position in spoken order, the first utterance from there that ends the
    search for a solution: an agent solution, or a new problem or emotion from the customer.

    Built once per call, in one pass backwards; scanning forward from every episode's
    listening made calls with many episodes quadratic.
    """

    def __init__(self, ordered: list[AnalysedUtterance]) -> None:
        self.position: dict[int, int] = {}
        for i, u in enumerate(ordered):
            self.position.setdefault(id(u), i)
        self.first: list[AnalysedUtterance | None] = [None] * (len(ordered) + 1)
        for i in range(len(ordered) - 1, -1, -1):
            u = ordered[i]
            solution = u.speaker is Role.AGENT and _SOLUTION in u.labels
            problem = u.speaker is Role.CUSTOMER and bool(u.labels & _PROBLEM_LABELS)
            self.first[i] = u if solution or problem else self.first[i + 1]


def _with_solution(ep: Episode, stops: _Stops) -> Episode:
    """After good listening, also record the first solution that followed (for give-away)."""
    if ep.solution is not None or ep.listening is None:
        return ep
    # The listening utterance is an agent's, after the problem, so the episode's own problem
    # never stops the search.
    stop = stops.first[stops.position[id(ep.listening)]]
    if stop is not None and stop.speaker is Role.AGENT:
        return Episode(ep.problem, ep.problem_basis, stop, True, ep.listening, ep.before)
    return ep

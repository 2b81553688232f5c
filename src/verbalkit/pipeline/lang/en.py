"""English context rules: what a sentence *does*, beyond single patterns.

Run after the pack's pattern rules and question typing of an agent utterance, before
vetoes. Each rule works on one sentence, written as its lower-cased tokens joined by
spaces ("i 'll call you back by 5 pm today ."), so that the regular expressions below read
like the phrases they catch. Verb and word classes come from the pack's lexicons, so the
rules stay general: "I/we + will/can + remedy verb" is a solution whatever the remedy.

The conventions followed are those of ``shared/data/dev/LABELLING.md`` (rule numbers in
the comments refer to it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from verbalkit.pipeline import regexcache
from verbalkit.pipeline.components.common import (
    add_tag,
    doc_prev,
    doc_text,
    english_dictionary,
    has_tag,
    is_punctuated,
    remove_tags,
    sent_bounds,
    tags,
    tags_inside,
    token_lists,
)
from verbalkit.pipeline.components.common import (  # the shared compiled-regex cache
    cached_match as _match,
)
from verbalkit.pipeline.components.common import (
    cached_search as _search,
)
from verbalkit.pipeline.components.questions import Lexicons, classify
from verbalkit.pipeline.components.sentences import set_sent_starts
from verbalkit.pipeline.packs import RulePack
from verbalkit.vocab import Behaviour

#: Rule ids this module writes, besides the pack's own (tests check tags against both).
GENERATED_RULE_IDS = frozenset(
    {
        "en.open_question.wh_open",
        "en.open_question.request_to_explain",
        "en.open_question.statement_request",
        "en.closed_question.wh_one_fact",
        "en.closed_question.v1_verb_first",
        "en.closed_question.question_mark",
        "en.closed_question.tag_question",
        "en.closed_question.request_one_fact",
        "en.closed_question.statement_one_fact",
        "en.closed_question.asr_tail_question",
        "en.closed_question.choice",
        "en.closed_question.wondering_if",
        "en.closed_question.yes_no_form",
        "en.restating.so_marker",
        "en.restating.reflection_phrase",
        "en.restating.echo_acknowledgement",
        "en.restating.you_paraphrase",
        "en.sympathy.situation_judgement",
        "en.sympathy.named_feeling",
        "en.sympathy.reassurance",
        "en.sympathy.sorry_for_situation",
        "en.apology.sorry_owned",
        "en.apology.owned_fault",
        "en.solution.agent_remedy",
        "en.solution.remedy_done",
        "en.solution.staff_remedy",
        "en.solution.offer",
        "en.solution.self_help_step",
        "en.solution.point_to_place",
        "en.solution.blunt_redirect",
        "en.solution.choice",
        "en.solution.process",
        "en.collaboration.design_outcome",
        "en.collaboration.check_proposal",
        "en.collaboration.choice",
        "en.expectation.next_step_time",
        "en.follow_up.contact_again",
        "en.demanding.obligation",
        "en.blaming.shift_fault",
        "en.blaming.blame_customer",
        "en.jargon.clause_reference",
    }
)

#: _retype_questions removes every question tag and types the sentences again: the question
#: component leaves English agent turns to it (verbalkit.pipeline.lang.retypes_questions).
RETYPES_QUESTIONS = True

OPEN, CLOSED = "open_question", "closed_question"
TERMINALS = frozenset({".", "!", "?", "…", "...", ";"})


def alt(items: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, as whole words.

    Written as a trie ("send|sent|sending" as "sen(?:ding|d|t)"): the engine then reads
    each character once instead of trying hundreds of words at every position. Only
    phrases with the same next character are grouped, in their order, so the phrases
    that can match at a position are tried in the same order as in the flat list: the
    regex matches exactly what the flat alternation matches.
    """
    parts = sorted({re.escape(i.lower()) for i in items if i.strip()}, key=lambda s: (-len(s), s))
    return "(?:" + _trie(parts) + ")" if parts else "(?!x)x"


def _trie(parts: list[str]) -> str:
    """Escaped phrases (in order of preference) as a factored alternation."""
    groups: dict[str, list[str]] = {}
    for part in parts:
        # One character, or one escape sequence (re.escape writes a backslash and a char).
        head = part[:2] if part.startswith("\\") else part[:1]
        groups.setdefault(head, []).append(part[len(head) :])
    out = []
    for head, rests in groups.items():
        if len(rests) == 1:
            out.append(head + rests[0])
        else:
            out.append(head + "(?:" + _trie(rests) + ")")
    return "|".join(out)


def inflect(verb: str) -> set[str]:
    """Regular English forms of a base verb (send -> sends, sending, sended is harmless)."""
    irregular = {
        "send": {"sent"},
        "give": {"gave", "given"},
        "take": {"took", "taken"},
        "get": {"got", "gotten", "getting"},
        "put": {"putting"},
        "set": {"setting"},
        "pay": {"paid"},
        "top": {"topped"},
        "stop": {"stopped", "stopping"},
        "drop": {"dropped", "dropping"},
        "log": {"logged", "logging"},
        "swap": {"swapped", "swapping"},
        "ship": {"shipped", "shipping"},
        "fit": {"fitted", "fitting"},
        "go": {"went", "gone", "goes"},
        "knock": {"knocked"},
        "run": {"ran", "running"},
        "shut": {"shutting"},
    }
    forms = {verb} | irregular.get(verb, set())
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith("l") and verb[-2:-1] in "aeiou" and verb[-3:-2] not in "aeiou":
        # British doubling: cancel -> cancelled, cancelling (and the American forms).
        forms |= {verb + "s", verb + "ed", verb + "ing", verb + "led", verb + "ling"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
    # Consonant-vowel-consonant endings double the last letter: flag -> flagged, submit ->
    # submitted. The undoubled forms stay too ("opened"); an unused form matches nothing.
    if (
        len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
        and verb.isalpha()
    ):
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


@dataclass(frozen=True)
class Res:
    """The compiled regexes of one pack (built once per pack)."""

    remedy: str
    remedy_ing: str
    remedy_past: str
    remedy_done: str
    instruction: str
    symp: str
    feeling: str
    problem: str
    target: str
    fault: str
    questions: Lexicons
    stop: frozenset[str]
    jargon_terms: frozenset[str]
    #: Patterns built from the fields above, by name, built on first use (:func:`_once`).
    memo: dict[str, str] = field(default_factory=dict, compare=False, repr=False)


def _once(res: Res, name: str, build: Callable[[], str]) -> str:
    """The pattern ``name`` of this pack, built by ``build`` the first time it is asked for.

    The same string object is returned every time, so the compiled regex is found by a
    dictionary look-up (:func:`word_re`) instead of formatting and hashing the pattern again.
    """
    found = res.memo.get(name)
    if found is None:
        found = build()
        res.memo[name] = found
    return found


#: Compiled regexes per pack object (packs are cached and never mutated, so id() is stable).
_COMPILED: dict[int, tuple[RulePack, Res]] = {}


def _res(pack: RulePack) -> Res:
    hit = _COMPILED.get(id(pack))
    if hit is None or hit[0] is not pack:
        hit = (pack, _compile(pack))
        _COMPILED[id(pack)] = hit
    return hit[1]


def _compile(pack: RulePack) -> Res:
    remedy = pack.lexicon("remedy_verbs")
    forms = set().union(*(inflect(v) for v in remedy)) if remedy else set()
    # The tokenizer splits "re-issue" into "re - issue"; match the forms the same way.
    forms = {f.replace("-", " - ") for f in forms}
    base = {v.lower().replace("-", " - ") for v in remedy}
    done = {f for f in forms if f.endswith(("ed", "en", "t")) and f not in base}
    done |= {"put", "set", "sent", "reset"}
    return Res(
        remedy=alt(forms),
        remedy_ing=alt({f for f in forms if f.endswith("ing")}),
        remedy_past=alt(done),
        remedy_done=alt(done | {"sorted", "booked in", "confirmed", "done", "sorted out"}),
        instruction=alt(pack.lexicon("instruction_verbs")),
        symp=alt(pack.lexicon("sympathy_words")),
        feeling=alt(pack.lexicon("feeling_words")),
        problem=alt(pack.lexicon("problem_words")),
        target=alt(pack.lexicon("blame_targets")),
        fault=alt(pack.lexicon("fault_phrases")),
        questions=Lexicons.from_pack(pack),
        stop=pack.lexicon_set("stopwords"),
        jargon_terms=frozenset(t.lower() for t in pack.jargon),
    )


#: Whole-word sentence regexes, by pattern text (each compiled once per process).
_WORD_RES: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {}


def _word_entry(pattern: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The compiled whole-word regex of ``pattern`` and its needles (strings one of which
    every match holds: :func:`~verbalkit.pipeline.regexcache.needles`)."""
    found = _WORD_RES.get(pattern)
    if found is None:
        rx = regexcache.compile(r"(?<![\w'])(?:" + pattern + r")(?:(?<= )|(?![\w]))")
        found = _WORD_RES[pattern] = (rx, regexcache.needles(pattern))
    return found


def word_re(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled to match whole words of a normalised sentence."""
    return (_WORD_RES.get(pattern) or _word_entry(pattern))[0]


class Sent:
    """One sentence as normalised text, with a way back from characters to tokens."""

    __slots__ = ("is_question", "span", "starts", "text")

    def __init__(self, span: Span) -> None:
        self.span = span
        t = token_lists(span.doc)
        lowers = t.lowers[span.start : span.end]
        starts = []
        pos = 0
        for low in lowers:
            starts.append(pos)
            pos += len(low) + 1
        self.starts: list[int] = starts
        self.text = " ".join(lowers)
        self.is_question = "?" in t.texts[span.start : span.end] or bool(
            tags_within(span, OPEN, CLOSED)
        )

    def find(self, pattern: str) -> re.Match[str] | None:
        """First match of ``pattern`` on whole words of the sentence."""
        rx, needles = _WORD_RES.get(pattern) or _word_entry(pattern)
        text = self.text
        if needles:
            for needle in needles:
                if needle in text:
                    break
            else:  # none of the strings every match holds is here
                return None
        return rx.search(text)

    def has(self, pattern: str) -> bool:
        return self.find(pattern) is not None

    def span_of(self, match: re.Match[str]) -> Span:
        """The tokens a regex match covers."""
        # The token starting at or before the match start, through the last token starting
        # before its end; an empty sentence has no tokens to give.
        first = bisect.bisect_right(self.starts, match.start()) - 1
        last = bisect.bisect_left(self.starts, max(match.end(), match.start() + 1)) - 1
        return self.span[max(first, 0) : max(last, first, 0) + 1]


def tags_within(span: Span, *labels: str) -> list[Span]:
    """Tags of any of ``labels`` inside ``span``."""
    return [t for lab in labels for t in tags_inside(span.doc, lab, span)]


# --- shared vocabulary -------------------------------------------------------------------

NUM = (
    r"(?:\d+(?:[.,]\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|eighteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:(?: - | )(?:one|two|three|four|five|six|seven|eight|nine))?|a hundred|half an?|a few|"
    r"a couple of|couple of|24|48|72)"
)
UNIT = r"(?:minutes?|mins?|hours?|days?|weeks?|months?|(?:working|business|school|calendar|banking|clear) days?)"
DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)"
PART = r"(?:morning|afternoon|evening|lunchtime|night)"
ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|tenth|twentieth)"
_CLOCK_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half (?:past )?\w+)"
)
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
TIME_ANCHOR = "|".join(
    [
        rf"within (?:the next )?(?:{NUM} )?(?:(?:to|or|-) {NUM} )?{UNIT}",
        r"within the hour",
        rf"in (?:the next )?(?:about |around )?{NUM} (?:(?:to|or|-) {NUM} )?{UNIT}",
        rf"(?:up to|about|around|roughly|another) {NUM} (?:(?:to|or|-) {NUM} )?{UNIT}",
        rf"{NUM} (?:to|or|-) {NUM} {UNIT}",
        rf"{NUM} (?:working|business|school|calendar|banking|clear) days?",
        rf"give it (?:about |around )?{NUM} {UNIT}",
        rf"by (?:the )?(?:end of (?:the |this |that |next )?(?:day|week|month)|{DAY}|tomorrow|"
        rf"tonight|noon|midday|lunchtime|\d|{ORD}|close of)",
        r"(?:the )?end of (?:the |this |that |next )?(?:day|week|month)",
        rf"tomorrow(?: {PART})?|tonight|later today|today|this {PART}|this week|this month",
        rf"next (?:week|month|{DAY}|bill|statement|invoice|payment)",
        rf"(?:on |this |next |by )?{DAY}(?: {PART})?",
        r"at \d+(?:[.:]\d+)?(?: ?(?:am|pm|o'clock))?",
        r"\d+(?:[.:]\d+)? ?(?:am|pm)",
        r"between \d+(?:[.:]\d+)? and \d+",
        r"after lunch|first thing|first job|straight after|as soon as it opens",
        rf"takes? (?:about |around |roughly |up to |usually )?{NUM} (?:(?:to|or|-) {NUM} )?"
        rf"{UNIT}|"
        r"(?:in |over |within )?the next (?:few|couple of|several) (?:days|weeks|hours|minutes)|"
        r"later (?:today|on today|this (?:week|month|morning|afternoon|evening))|"
        r"(?:over|this|next) weekend|close of business|overnight|by cob",
        rf"(?:on |from |by )?the {ORD}(?: of \w+)?",
        # Round 4: a span counted from an event (AMB:event-anchored-span), a clock time in
        # words, a repeat interval, the bill or pay packet it shows on.
        rf"{NUM} {UNIT}(?: or so)? (?:before|after|from) (?:he|she|they|it|we|the \w+|your \w+) "
        rf"(?:gets?|arrives?|leaves?|comes?|lands?|goes|is|are|'s|'re)\b",
        rf"(?:when|once) (?:he|she|they|it|the \w+) (?:'s|is|are|'re) {NUM} {UNIT} (?:out|away)",
        rf"(?:by|at|before|around|about) {_CLOCK_WORD} (?:o'clock|o ' clock|thirty|fifteen|forty - five|"
        rf"am|pm)\b",
        rf"every {NUM} {UNIT}",
        rf"(?:on|in) (?:your|the) (?:next |{_MONTH} )(?:\w+ )?(?:bill|statement|invoice|payslip|wages|"
        rf"pay|salary|pay packet)\b",
    ]
)
#: A next step: future, scheduled present, or an expected result.
FUTURE = (
    r"(?:'re|are|am|'m) (?:hoping|aiming|expecting|planning) to|(?:we|i) (?:hope|aim|plan) to|"
    r"(?:etr|eta|estimate|estimated (?:\w+ )?time(?: \w+)?) (?:is|'s|of|for)\b|gon na|"
    r"(?:speak|talk) (?:to|with) you\b|see you\b|"
    r"(?:'ve|have) (?:moved|transferred|switched) (?:you|your)\b|"
    r"'ll|will|wo n't|shall|going to|(?:is|are|'s|'re) (?:coming|arriving|due|booked|scheduled)|"
    r"should (?:be|arrive|get|have|see|come|reach|hear|show|clear|go|land)|can take|may take|"
    r"takes? up to|takes? (?:\S+ ){1,6}to (?:arrive|come through|clear|process|show|reach|update|"
    r"go through|appear|land|be (?:processed|credited|refunded|delivered|fixed))|expect|give it|you 'll (?:get|have|receive|see|hear)|"
    r"(?:i|we) (?:'m|am|'re|are|'d be) (?:happy|able|going) to|"
    r"(?:'ve|have) (?:booked|arranged|scheduled|organised|organized|rebooked|reserved)"
)


def is_wh_question(sent: Sent) -> bool:
    return sent.is_question and sent.has(r"^(?:\W+ )?(?:what|how|why|which|when|where|who)")


# --- sentence boundaries and question typing ------------------------------------------


def _fix_sentences(doc: Doc) -> bool:
    """Join embedded wh-clauses in unpunctuated text; return True if the doc is punctuated.

    The splitter cuts unpunctuated ASR text before "how", "what", "can"…; after "I don't
    know", "I wonder", "that's", "from"… that word opens an embedded clause, not a new
    question, and after "he", "they"… it is the subject's verb. Punctuated text is already
    split on punctuation only.
    """
    words = token_lists(doc)
    punctuated = any(text in TERMINALS or text.endswith(("?", "!")) for text in words.texts)
    if not punctuated:
        starts = [False] * len(doc)
        for start, _ in sent_bounds(doc):
            starts[start] = True
        lowers = words.lowers
        joins = [
            i
            for i in range(1, len(starts))
            if starts[i]
            and (
                lowers[i - 1] in EMBEDDERS
                or (lowers[i - 1] in _PREP_BEFORE_WH and lowers[i] in _WH_WORDS)
                or lowers[i - 1] in _NO_BREAK_AFTER
                # "they'll tell you what happened", "show me how": an object, then the clause.
                or (i > 1 and lowers[i - 1] in _OBJECTS and lowers[i - 2] in EMBEDDERS)
                # "that's exactly what happened": an embedding word, an adverb, the clause.
                or (
                    i > 1
                    and lowers[i - 1] in _HEDGES
                    and lowers[i - 2] in EMBEDDERS
                    and lowers[i] in _WH_WORDS
                )
                # "they can just tell me…": a modal, an adverb, then the verb.
                or (i > 1 and lowers[i - 1] in _MID_ADVERBS and lowers[i - 2] in _NO_BREAK_AFTER)
                # "someone who's poor", "the form which is online": a relative clause.
                or (
                    lowers[i] in _RELATIVES
                    and lowers[i - 1] not in _CLAUSE_OPENERS
                    and i + 1 < len(lowers)
                    and lowers[i + 1] in _FINITE
                )
                # "can you talk me through…": an inverted subject, then its verb.
                or (i > 1 and lowers[i - 1] in PRONOUNS and lowers[i - 2] in _AUX_FIRST)
            )
        ]
        if joins:
            for i in joins:
                starts[i] = False
            # One array write: setting token.is_sent_start one by one is quadratic.
            set_sent_starts(doc, starts)
    return punctuated


#: Words after which a wh-word opens an embedded clause ("I don't know how young…").
EMBEDDERS = frozenset(
    [
        "know",
        "knew",
        "wonder",
        "wondering",
        "wondered",
        "understand",
        "see",
        "tell",
        "ask",
        "asked",
        "idea",
        "sure",
        "about",
        "is",
        "was",
        "of",
        "on",
        "to",
        "matter",
        "decide",
        "figure",
        "explain",
        "show",
        "remember",
        "forget",
        "learn",
        "find",
        "out",
        "that's",
        "guess",
        "think",
        "imagine",
        "believe",
        "told",
        "tells",
        "telling",
        "knows",
        "hearing",
        "curious",
        "unsure",
        # "that's what…", "they're what…": a copula, then a free relative.
        "'s",
        "'re",
    ]
)
#: "partly from what's blooming", "we're in what's called…": a preposition, then a wh-clause
#: as its object (only before a wh-word: "we'll get you back in, can you…" starts anew).
_PREP_BEFORE_WH = frozenset(["from", "with", "by", "at", "in", "into"])
#: Subject-only pronouns: the next word is their verb ("because he can just…"), never the
#: start of a new sentence in unpunctuated speech.
NOMINATIVE = frozenset(["i", "he", "she", "we", "they"])
#: Nor after these: a modal's verb or subject follows ("she'll tell me", "could you…").
_NO_BREAK_AFTER = NOMINATIVE | frozenset(
    ["'ll", "'d", "will", "would", "can", "could", "should", "might", "must", "shall"]
)
_HEDGES = frozenset(["exactly", "precisely", "basically", "just", "really", "probably", "not"])
_RELATIVES = frozenset(["which", "who", "whose"])
_RELATIVE_START = re.compile(
    r"^(?:\W+ )?(?:(?:and|but|or|so|um|uh) (?:, )?)*(?:which|who|whose) (?:is|'s|was|are|'re|were|"
    r"has|have|had|'ve)\b(?! (?:it|that|this|there|the|your|best|better|easier|quicker|"
    r"cheaper|more|most|you|he|she|they)\b)"
)
_FINITE = frozenset(["is", "'s", "was", "are", "'re", "were", "has", "have", "had", "'ve"])
#: Words after which a wh-word may well open a question ("okay which is best for you").
_CLAUSE_OPENERS = frozenset(
    ["and", "but", "so", "okay", "ok", "right", "yeah", "yes", "no", "well", "now", "then",
     "um", "uh", "er", "erm", "oh", "alright", "great", "perfect", "sure", "lovely", "fine"]
)  # fmt: skip
_MID_ADVERBS = frozenset(
    ["just", "also", "really", "only", "always", "never", "still", "probably", "definitely"]
)
_AUX_FIRST = frozenset(
    ["can", "could", "would", "will", "do", "did", "does", "should", "shall", "may", "might"]
)
_OBJECTS = frozenset(["you", "me", "us", "him", "her", "them"])
#: "could you", "I'd like you to", "would you mind": the listener asked to do something.
#: Words just before "explain", "describe", "walk … through" that make it an offer or a
#: statement: "let me explain", "it helps explain", "which describes".
_OFFERS_OR_STATES = frozenset(["let", "me", "us", "it", "that", "this", "which", "helps", "help"])
_ASKS_YOU = frozenset(
    ["can", "could", "would", "will", "do", "'d", "like", "want", "need", "mind", "if", "please"]
)
#: After a wh-word, these make a direct question ("what did…", "who's…"); "what they do is…"
#: and "who cooks" are not questions.
INVERSION = frozenset(["'s", "'re", "'d", "'ll", "'ve", "happened", "happens", "happen", "else"])

PRONOUNS = frozenset(["i", "we", "you", "they", "he", "she", "it", "there"])

SUBORDINATE = re.compile(
    r"^(?:\W+ )?(?:(?:well|so|and|okay|ok|um|uh|now|right|alright) (?:, )?)*"
    r"(?:when|if|once|while|whenever|as soon as|before|after)\b"
)


def _retype_questions(doc: Doc, res: Res, punctuated: bool) -> None:
    """Question typing again on corrected sentences, with English-specific cases."""
    remove_tags(doc, OPEN)
    remove_tags(doc, CLOSED)
    lex = res.questions
    words = token_lists(doc)
    texts, puncts = words.texts, words.puncts
    for start, end in sent_bounds(doc):
        span = doc[start:end]
        sent = Sent(span)
        target = span
        # "When you're ready, could you…": the question is the main clause.
        if SUBORDINATE.match(sent.text):
            # A comma token, not a comma anywhere in the text: "After the transfer your
            # balance is $1,003.30." has its only comma inside the number. The main clause
            # is after the first comma that opens a question ("when you think about it
            # and, sort of, looking ahead, how do you…"), else after the first comma.
            commas = [i for i in range(start, end) if texts[i] == "," and i + 1 < end]
            if commas:
                target = doc[commas[0] + 1 : end]
                for comma in commas:
                    clause = doc[comma + 1 : end]
                    if SUBORDINATE.match(Sent(clause).text):
                        continue  # still inside the lead: "well, when you…"
                    typed = classify(clause, lex, "en")
                    if (
                        typed is not None
                        and not typed[1].endswith("question_mark")
                        and _is_real_question(clause, typed[1], lex)
                    ):
                        target = clause
                        break
        # "What a mess!", "How awful": exclamatives ask nothing.
        exclamative = sent.has(
            r"^(?:\W+ )?(?:oh )?(?:what an?|how (?:awful|horrible|terrible|lovely|kind))"
        )
        if exclamative and "?" not in texts[start:end]:
            continue
        asked = "?" in texts[start:end]
        # "And I asked him, what are you doing?", "she was like, how…": a question quoted in
        # a story is not asked of the listener.
        if _REPORTED_Q.search(sent.text):
            continue
        # "What's it called, the portal?", "what do you call them,": looking for a word, in
        # text that punctuates (unpunctuated, "what is his name" may ask; so may a "?" alone).
        if (
            _WORD_SEARCH.match(sent.text)
            and (punctuated or "," in texts)
            and (not asked or _SELF_ANSWER.search(sent.text))
        ):
            continue
        # "…, which is good for them,": a relative clause going on, in text that punctuates
        # (an ASR row's "which is easier for you" may ask).
        if not asked and (punctuated or "," in texts) and _RELATIVE_START.match(sent.text):
            continue
        # "How did you, -": cut off before it was asked (a longer turn trailing off may
        # already ask: "so I'm wondering where you're at with —").
        if not asked and texts[end - 1] in _CUT_OFF and len(sent.text.split()) <= 6:
            continue
        found = classify(target, lex, "en")
        restart = _restart(doc, target, texts, lex)
        if restart is not None:
            # "What, into the service?", "what is, uh, is it a sweeter wine?": a false start
            # or an echo; the question is what follows the comma.
            better = classify(restart, lex, "en")
            if better is not None and _is_real_question(restart, better[1], lex):
                found = better
            elif asked:
                found = (Behaviour.CLOSED_QUESTION, "en.closed_question.question_mark", 0.7)
            else:
                found = None
        if found is not None and not _is_real_question(target, found[1], lex):
            found = None
            if "?" in texts[target.start : target.end]:
                # "How would you like us to put this right?": "right" ends the clause here, it
                # is not a tag; type the sentence without it.
                words_end = [i for i in range(target.start, target.end) if not puncts[i]]
                if len(words_end) > 2:
                    body = doc[target.start : words_end[-1]]
                    found = classify(body, lex, "en")
                    if found is not None and not _is_real_question(body, found[1], lex):
                        found = None
        # "So on that day, what were…", "I'm curious, what do you…": the question follows a
        # lead-in clause; type it by the clause after the comma.
        if found is not None and found[1].endswith("question_mark"):
            for i in range(target.start, target.end):
                if texts[i] == "," and i + 1 < target.end:
                    clause = doc[i + 1 : target.end]
                    better = classify(clause, lex, "en")
                    if (
                        better
                        and not better[1].endswith("question_mark")
                        and _is_real_question(clause, better[1], lex)
                    ):
                        found = better
                        break
        if found is not None and (
            _BACKCHANNEL_Q.match(sent.text)
            or _REPAIR_Q.match(sent.text)
            or (_SELF_Q.match(sent.text) and "?" not in texts[start:end])
            or (_OWN_DOUBT.search(sent.text) and not asked)
        ):
            # "Yeah?", "Okay?", "Really?": a backchannel with rising pitch asks nothing.
            continue
        if found is not None and found[1].endswith("question_mark"):
            tag = _YOU_KNOW_TAG.search(sent.text)
            if tag is not None:
                # "They make them hard, you know?": type what comes before the filler.
                body = sent.span_of(tag)
                found = None
                if body.start > span.start:
                    before = doc[span.start : body.start]
                    found = classify(before, lex, "en")
                    if found is not None and (
                        found[1].endswith("question_mark")
                        or not _is_real_question(before, found[1], lex)
                    ):
                        found = None
                if found is None:
                    continue
        invitation = _OPEN_INVITATION.search(sent.text)
        if invitation is not None and (found is None or found[0] is Behaviour.CLOSED_QUESTION):
            # "I wonder what your thoughts are?", "do you have a sense of how…": an embedded
            # wh-clause after a verb of wondering asks for an explanation.
            found = (Behaviour.OPEN_QUESTION, "en.open_question.statement_request", 0.7)
        elif (
            found is not None
            and found[1].endswith(("question_mark", "v1_verb_first"))
            and _MORE_ITEMS.match(sent.text)
            and not sent.has(_SERVICE_OFFER)
        ):
            # "Anything else?", "Any other worries about it?": asks the customer to go on.
            found = (Behaviour.OPEN_QUESTION, "en.open_question.more_items", 0.65)
        if (
            found is not None
            and found[1].endswith("request_to_explain")
            and _WONDER_IF.search(sent.text)
            and not _WONDER_IF_ASKS.search(sent.text)
        ):
            # "I'm wondering if the form came through": an indirect yes/no question.
            found = (Behaviour.CLOSED_QUESTION, "en.closed_question.wondering_if", 0.65)
        if found is None:
            found = _statement_question(sent)
        if found is None and _YESNO_FORMS.search(sent.text):
            # "…, was he.", "or are you in the work force", "I don't know if you're familiar
            # with that": yes/no questions with no "?" and no verb first.
            found = (Behaviour.CLOSED_QUESTION, "en.closed_question.yes_no_form", 0.6)
        if found is None and not punctuated:
            tail = _asr_tail_question(span, lex)
            if tail is not None:
                add_tag(doc, tail, CLOSED, "en.closed_question.asr_tail_question", 0.6)
                continue
        if (
            found is not None
            and found[1].endswith("wh_open")
            and (
                _FACT_WH.search(sent.text)
                or (target is not span and _FACT_WH.search(Sent(target).text))
            )
        ):
            # "What are the last four digits…", "what value did you put…", "what did the
            # hospital say…": one fact (a number, a thing, someone's reported answer).
            found = (Behaviour.CLOSED_QUESTION, "en.closed_question.wh_one_fact", 0.7)
        if found is not None:
            behaviour, rule, confidence = found
            add_tag(doc, span, behaviour.value, rule, confidence)
            # "How's she doing, is she still eating?": a yes/no clause after the wh-clause
            # asks a closed question too.
            if (
                behaviour is Behaviour.OPEN_QUESTION
                and target is span
                and _YESNO_TAIL.search(sent.text)
            ):
                add_tag(doc, span, CLOSED, "en.closed_question.v1_verb_first", 0.65)


_LEAD = r"^(?:\W+ )?(?:(?:and|so|ok|okay|right|um|uh|oh|well|mm|mhm|hmm|yeah|alright) (?:,? )?)*"
#: A one-word backchannel said as a question ("Yeah?", "Oh, really?", "All right?"). A lone
#: "Right?" asks for agreement: a tag question (SwDA's ^g), closed.
_BACKCHANNEL_Q = re.compile(
    r"^(?:\W+ )?(?:(?:oh|ooh|ah|wow|huh|so) (?:, |-- )*)*(?:yeah|yes|yep|okay|ok|really|all right|"
    r"alright|huh|hm+|mhm|is that right|is that so|are you serious|(?:you )?think so|"
    # An echo of what was just said: "Are you?", "Have you really?", "Oh, it does?", "They do?"
    r"(?:is|are|was|were|do|does|did|have|has|had|can|could|would|will)(?: n't)? "
    r"(?:i|you|he|she|it|we|they|there)|(?:i|you|he|she|it|we|they|there) "
    r"(?:is|are|was|were|do|does|did|have|has|had|can|could|would|will)(?: n't| not)?|"
    # "Isn't that amazing?": an exclamation, not a question.
    r"(?:is|was) n't (?:that|it) (?:just |so |really )?(?:funny|amazing|interesting|something|great|"
    r"wonderful|awful|terrible|neat|nice|sad|strange|weird|crazy|incredible|lovely|brilliant))"
    r"(?: (?:really|serious|so|not|now|then|huh))*(?: \W+)*$"
)
#: Asking to hear again ("What?", "Sorry, what did you say?"): a repair, not a question.
_REPAIR_Q = re.compile(
    r"^(?:\W+ )?(?:(?:sorry|pardon|excuse me|oh|uh|um|huh) (?:, )?)*(?:what|huh|pardon(?: me)?|"
    r"sorry|excuse me|i (?:'m|am) sorry|come again|say (?:that )?again)"
    r"(?: (?:did|was) (?:you say|that))?(?: \W+)*$"
)
#: "…, you know?", "You know?": a filler said with rising pitch, not a question; the
#: sentence before it is typed on its own.
_YOU_KNOW_TAG = re.compile(r"(?:^|(?:, |-- |- ))(?:you know|you see)(?: \W+)*$")
#: "I'm not sure if it's been sent or not": the speaker's own doubt, not a question (without
#: "?"; "I don't know if you…" asks, :data:`_YESNO_FORMS`).
_OWN_DOUBT = re.compile(
    r"\b(?:i|we) (?:'m|am|are|'re) not (?:sure|certain) (?:if|whether)\b|"
    r"\b(?:i|we) (?:do n't|did n't|do not) know (?:if|whether)\b(?! (?:you|your)\b)"
)
#: "What do I do", "what am I trying to say": a speaker thinking aloud, without "?".
_SELF_Q = re.compile(_LEAD + r"(?:what|how|why) (?:do|did|am|was|can|should|would) i\b")
#: A verb of wondering or a "sense of" before an embedded wh-clause.
_OPEN_INVITATION = re.compile(
    r"\bi (?:'m |am )?(?:just |also |really |kind of |kinda )?(?:wonder|wondering|curious)(?: ,)? "
    r"(?:about )?(?:what|how|why)\b(?! (?:time|date|day|number)\b)|"
    r"(?:^|\bdo )(?:you )?have (?:a|any) (?:sense|idea|ideas|thoughts)(?: about| of| on| as to)? "
    r"(?:what|how|why)\b(?! (?:time|date|day|number|much|many|long|old)\b)|"
    r"(?:^|\b)have you (?:given (?:it |any |some )?thought|thought) (?:about |to )?(?:what|how|why)\b|"
    # "Where do you want to go from here?", "where would you like to start?": the next step
    # of the talk, not a place.
    r"\bwhere (?:\w+ ){1,5}(?:go|head|move) (?:to )?from here\b|"
    r"\bwhere (?:would|do|should|could|shall) (?:you|we) (?:\w+ ){0,3}(?:start|begin)"
    r"(?: (?:with|on) (?:that|this|it|them))?(?: \W)*$"
)
#: "Anything else?", "any other things that worry you?": an invitation to add more.
_MORE_ITEMS = re.compile(
    _LEAD + r"(?:(?:is there|are there|was there|were there|can you "
    r"think of|could you think of) )?"
    r"(?:anything else|any other|any more|anything more|what else|and what about)\b"
)
_SERVICE_OFFER = (
    r"\b(?:i|we) (?:can|could|may|might)\b|\bhelp\b|do for you|\bneed\b|from (?:me|us)\b"
)
#: A wh-question after which a noun names the one fact asked for, or that asks what a third
#: party said or showed ("what did the tracking show?", "what reason did they give you?").
_FACT_WH = re.compile(
    r"(?:^|, )(?:\W+ )?(?:(?:and|so|ok|okay|right|then|um|uh) (?:,? )?)*(?:"
    r"what (?:are|were) (?:the|your)\b(?! (?:main|biggest|things|options|symptoms|effects|"
    r"thoughts|plans|concerns|feelings|hopes|goals|worries|fears|reasons|experiences|ideas|"
    r"priorities|benefits|values|worst|best|good|bad|pros|downsides|advantages))|"
    r"what (?:\w+ )?(?:number|date|dates|days|times|address|postcode|amount|value|price|figure|"
    r"balance|size|model|colour|color|flight|branch|email|phone|name|version|code|message|error|"
    r"reading|light|lights)\b"
    r"(?= (?:is|was|are|were|did|does|do|'s|should|would|have|has|had|can|will|comes up|came up|"
    r"shows|showed|appears|appeared|says|said|flashes|pops up|popped up)\b)|"
    r"what (?:reason|explanation|date|figure) did|"
    r"what did (?!you\b|i\b|we\b)(?:they|he|she|the \w+|your \w+|\w+)(?: \w+)? (?:show|"
    r"(?:say|tell you|write) (?:about )?(?:how long|how much|how many|when|whether|which)|"
    r"tell you (?:was|is|were) the|quote|put (?:on|in|as))\b)"
)
#: After a comma, a yes/no clause ("…, does it happen every time?", "…, is she still eating?").
_YESNO_TAIL = re.compile(
    r", (?:and |or |so )?(?:is|are|was|were|does|do|did|has|have|had) "
    r"(?:it|she|he|they|you|that|this|there|the \w+|your \w+)\b[^,]* \?"
)


_WH = r"(?:what|how|why|where|who|which|when)"
#: A story's reporting frame, then a comma, colon or quote, then a wh-question: "I said,",
#: "they just go, oh,", "she was like,", "I kept telling her," ("tell me what the engineer
#: said when…" asks). Present "ask"/"go"/"say" only of others: "can I ask you, what…" asks.
_REPORTED_Q = re.compile(
    r"(?<![\w'])(?:(?:i|we|he|she|they|it|someone|everyone|people|(?:my|his|her|their|our|the) \w+)"
    r"(?: (?:just|then|always|kind of|sort of))? "
    r"(?:said|asked \w+|went|was like|were like|'m like|'s like|thought|wondered|"
    r"(?:kept|keep) (?:telling|asking) \w+|told \w+)|"
    r"(?:he|she|they|it|someone|everyone|people|(?:my|his|her|their|our|the) \w+)"
    r"(?: (?:just|then|always|all|would|will|'d|'ll|might|could|used to)){0,2} "
    r"(?:say|says|asks? \w+|go|goes|'re like|think|thinks)|"
    # "I just think, how can you…", "I go, so what happened": the speaker's own thought.
    r"(?:i|we) (?:just |then |always |kind of |sort of )?(?:think|go|say))"
    rf"(?: [\w']+){{0,3}}(?: ,| :| \")+(?: (?:well|oh|now|uh|um|so|like|hey)(?: ,)?| \w+ ,)* {_WH}\b"
)
#: Looking for a word: "what's it called", "what do they call them", "what is his name".
#: Yes/no questions without "?" or a verb first: a tag after a comma ("…, was he", "…,
#: isn't it, in a case like that"), an alternative run on with "or" and a verb ("or are you
#: still working"), and an indirect one about the listener ("I don't know if you've seen it").
#: ("I wonder if you'd be open to…" invites rather than asks: left to the other rules.)
_YESNO_FORMS = re.compile(
    r", (?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|should|wo|ca)(?: n't)? "
    r"(?:i|you|he|she|it|we|they|there)(?: \W+)*(?:$| , )|"
    r"^(?:\W+ )?(?:or|or else) (?:(?:uh|um|,) )*(?:is|are|was|were|do|does|did|have|has|can|could|"
    r"will|would|should|shall)(?: n't)? (?:i|you|he|she|it|we|they|there|that|this)\b|"
    r"\bi (?:do n't know|'m not sure) (?:if|whether) (?:you|your)\b"
)
#: "I'm wondering if…", "I wonder whether…": asks yes or no, unless it asks the listener to
#: tell or describe ("wondering if you could talk me through…").
_WONDER_IF = re.compile(r"\bwonder(?:ing|ed)? (?:if|whether)\b")
_WONDER_IF_ASKS = re.compile(
    r"\b(?:if|whether) (?:you|we) (?:could|can|would|might) (?:just )?"
    r"(?:tell|describe|explain|talk|walk|say|share|give|help)\b"
)
_WORD_SEARCH = re.compile(
    r"^(?:\W+ )?(?:(?:oh|uh|um|well|and|so|see|now|hmm) (?:, )?)*"
    r"(?:what (?:'s|is|was) (?:that|it|this|the word|the name|his name|her name|their name)"
    r"(?: (?:called|again))?|what do (?:you|they|we|i|people) call (?:it|them|that|those|this)|"
    r"what am i (?:trying to say|thinking of))(?: \W+)*(?:$| , (?!(?:is|was|do|does|did|can)\b))"
)
#: The speaker's own answer after the search: "what do they call it, the nuclear family?".
_SELF_ANSWER = re.compile(r"(?:called|call (?:it|them|that|those|this)|name) , [\w'-]+")
_CLEFT_IS = re.compile(
    r"what (?:'s |has )?(?:happened|happens|been happening|been going on) (?:is|was)\b"
)
_COPULA_CLEFT = re.compile(
    r"(?:what|who) (?:'s|is|was) (?:[\w']+ ){1,6}(?:is|was)\b"
    # "…is it the router": a question's tail; "…is we changed the schedule" states the cause.
    r"(?! (?:it|that|this|there|he|she)\b)(?! (?:they|you|we|i)\b(?! (?:\w+ed|\w+t|had|have|'ve|"
    r"were|was|got|did|sent|put|made|moved|gave)\b))(?! ?$)"
)
#: A step in the imperative and what it brings, with a verb outside the instruction list:
#: "Retake the quiz and it'll come through", "Re-pair the remote and it should start
#: working". The first word is no subject, article, time word or conjunction.
_STEP_AND_OUTCOME = (
    r"^(?:\W+ )?(?:(?:ok|okay|right|so|then|just|now|yeah|alright) (?:, )?)*"
    r"(?!(?:i|we|you|it|that|this|they|he|she|there|the|a|an|my|your|our|his|her|their|if|when|"
    r"what|how|why|who|and|but|or|no|yes|thanks|thank|sorry|please|today|tomorrow|tonight|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|once|after|before|as)\b)"
    # (not a participle: "taking place at the stadium and the event will start…")
    r"(?!(?!bring\b|ring\b)[a-z]+ing\b)[a-z][a-z-]+ (?:\S+ ){1,8}?and (?:it|that|this|they|everything|the \w+|your \w+) "
    r"(?:'ll|will|should) (?:\w+ )?(?:work|come (?:through|back|up)|appear|show up|show|generate|"
    r"update|sync|reset|clear|start|load|be fine|be sorted|sort itself(?: out)?|fix itself|kick in|"
    r"pop up|turn up|go away|disappear|stop|go through|connect|pair|unlock|open|run)\b"
)
_MODAL_CLEFT = re.compile(
    r"(?:so |and |but )?what (?:'ll|will|would|'d|must|might|may|could|'s|has) (?:have |probably "
    r"|likely |then )*(?:happened|gone on|been going on|gone wrong|caused it|done it) (?:there |here "
    r"|with (?:it|that|this|yours|your \w+) |to (?:it|that|this|yours|your \w+) )?(?:is|was)\b"
    # "…is it the router": a question's tail; "…is we changed the schedule" states the cause.
    r"(?! (?:it|that|this|there|he|she)\b)(?! (?:they|you|we|i)\b(?! (?:\w+ed|\w+t|had|have|'ve|"
    r"were|was|got|did|sent|put|made|moved|gave)\b))(?! ?$)"
)
_CUT_OFF = frozenset(["-", "--", "—", "–"])
#: Verbs that open a pseudo-cleft after "what" ("what bothers me is…").
_CLEFT_VERBS = frozenset(
    [
        "bothers",
        "matters",
        "worries",
        "helps",
        "works",
        "counts",
        "makes",
        "gets",
        "annoys",
        "concerns",
        "needs",
        "happens",
        "surprises",
        "means",
    ]
)


def _restart(doc: Doc, target: Span, texts: list[str], lex: Lexicons) -> Span | None:
    """After a false start of at most three words opened by a wh-word ("What, into…",
    "what do you, what would you…"), the rest of the sentence; else None."""
    words = token_lists(doc)
    # The first comma after the first word that is not a filler ("Well, what, what's…").
    begin = next(
        (
            i
            for i in range(target.start, target.end)
            if not words.puncts[i] and words.lowers[i] not in lex.fillers
        ),
        target.end,
    )
    first = next((i for i in range(begin, target.end) if texts[i] == ","), None)
    if first is None or first + 1 >= target.end:
        return None
    lead = [
        words.lowers[i]
        for i in range(target.start, first)
        if not words.puncts[i] and words.lowers[i] not in lex.fillers
    ]
    rest = [
        words.lowers[i]
        for i in range(first + 1, target.end)
        if not words.puncts[i] and words.lowers[i] not in lex.fillers
    ]
    if not lead or len(lead) > 3 or lead[0] not in _WH_WORDS or not rest:
        return None
    # A restart begins again ("what is, uh, is it…", "what do you, what would…"); after a
    # wh-word and more, a comma may only hold a filler ("how has that, uh, changed…").
    if len(lead) > 1 and rest[0] not in _WH_WORDS and rest[0] not in lex.v1_verbs:
        return None
    # A false start breaks off on a function word; "what happened next, did…" is whole.
    if len(lead) > 1 and lead[-1] not in lex.v1_verbs and lead[-1] not in _UNFINISHED:
        return None
    if rest[0] in ("exactly", "then", "though", "actually", "though", "please"):
        return None  # "How, exactly, did it break?": one question with an aside
    return doc[first + 1 : target.end]


def _find(words: list[str], phrase: tuple[str, ...]) -> int:
    """Where ``phrase`` first occurs in ``words`` (``len(words)`` if it does not)."""
    n = len(phrase)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) == phrase:
            return i
    return len(words)


_UNFINISHED = PRONOUNS | frozenset(["the", "a", "an", "your", "that", "this", "to", "of"])
_WH_WORDS = frozenset(["what", "how", "why", "where", "who", "which", "when"])
#: Discourse markers that may open a sentence before its wh-word ("Right, so, what…").
_LEAD_MARKERS = frozenset(["right", "so", "okay", "ok", "well", "and", "but", "now", "alright"])


def _is_real_question(span: Span, rule: str, lex: Lexicons) -> bool:
    """Reject question readings that need a "?" or inversion and have neither."""
    words = token_lists(span.doc)
    texts = words.texts[span.start : span.end]
    has_qm = "?" in texts
    if has_qm and not rule.endswith("tag_question"):
        return True
    puncts = words.puncts
    toks = [words.lowers[i] for i in range(span.start, span.end) if not puncts[i]]
    while toks and toks[0] in lex.fillers:
        toks = toks[1:]
    if rule.endswith(("wh_open", "wh_one_fact")):
        # "Right, so, what's happened there is…": discourse markers before the wh-word.
        skip = 0
        while skip < len(toks) - 1 and toks[skip] in _LEAD_MARKERS:
            skip += 1
        if skip and toks[skip] in _WH_WORDS:
            toks = toks[skip:]
        # "What they do is…", "who cooks": a wh-word without inversion is a relative clause.
        nxt = toks[1:3]
        # "What happens is…", "What I can do is…": a pseudo-cleft explains, it asks nothing.
        cleft = nxt[:1] in (["happens"], ["happened"]) and nxt[1:] in (["is"], ["was"])
        # "What bothers me is…", "what changed was the price": a verb after "what", then
        # "is"/"was" further on.
        cleft = cleft or (
            bool(nxt)
            and (nxt[0] in _CLEFT_VERBS or (nxt[0].endswith("ed") and len(nxt[0]) > 4))
            and any(w in ("is", "was") for w in toks[2:8])
        )
        # "What's frightening is…", "what is a lot of fun to go to is…": a second copula
        # after the wh-clause, not followed by a subject (that would be a question's tail).
        cleft = cleft or bool(_COPULA_CLEFT.match(" ".join(toks)))
        # "So what'll have happened there is…", "what must have happened is…", "what 's
        # happened here is…": a guess at the cause, said as a statement.
        cleft = cleft or bool(_MODAL_CLEFT.match(" ".join(toks)))
        if nxt and (nxt[0] in PRONOUNS or cleft):
            return False
        if bool(nxt) and (
            nxt[0] in lex.v1_verbs
            or nxt[0] in INVERSION
            or (len(nxt) > 1 and (nxt[1] in lex.v1_verbs or nxt[1] in INVERSION))
        ):
            return True
        # "which year group is she going into": a longer noun phrase, then aux + subject.
        for k in range(2, min(4, len(toks) - 1)):
            if toks[k] in lex.v1_verbs and (toks[k + 1] in lex.subjects or toks[k + 1] in PRONOUNS):
                return not any(t in PRONOUNS or t in lex.v1_verbs for t in toks[1:k])
        return False
    if rule.endswith("tag_question"):
        # A one-word tail ("…, okay", "that's all right") is a question only with "?".
        tail = next((p for p in lex.tag_questions if tuple(toks[-len(p) :]) == p), ())
        if tail == ("or", "not") and not has_qm:
            # "…say whether you're guilty or not", "I don't know if it's the right place or
            # not": the choice sits in a clause inside a statement; asked only as a V1 question
            # ("you want the receipt or not") or with "I wonder".
            body = toks[: -len(tail)]
            embedded = any(w in ("whether", "if") for w in body)
            return not embedded or any(w in ("wonder", "wondering", "curious") for w in body)
        if len(tail) > 1:
            return True
        # One word: a tag only after a comma ("…, right?"), and only with "?".
        spaces = words.spaces[span.start : span.end]
        before = [
            text for text, space in zip(texts, spaces, strict=True) if not space and text != "?"
        ]
        return has_qm and len(before) >= 2 and before[-2] == ","
    if rule.endswith("request_to_explain"):
        # "Tell me…" opens the sentence or is asked of "you"; "he can tell me what…",
        # "they found out what happened" and "what you're describing is…" report or describe.
        joined = " ".join(toks)
        # Only the clause the request is in: "a good point to start is, tell me why…".
        clause = [
            w
            for w, p in zip(
                words.lowers[span.start : span.end], puncts[span.start : span.end], strict=True
            )
            if not p or w == ","
        ]
        for phrase in lex.open_requests:
            at = joined.find(" ".join(phrase))
            if at >= 0:
                lead = joined[:at].split()
                if "," in clause:
                    # the words after the last comma before the request
                    before = clause[: _find(clause, phrase)]
                    if "," in before:
                        lead = [w for w in before[len(before) - before[::-1].index(",") :]]
                        lead = [w for w in lead if w not in lex.fillers]
                if "do n't tell" in joined:
                    return False
                if phrase[0] in _WH_WORDS and (
                    [w for w in lead if w not in lex.fillers] or _CLEFT_IS.match(joined[at:])
                ):
                    # "that's what happened to my brother", "after what happened", "what
                    # happened is…": a wh-clause inside a statement asks nothing.
                    return False
                if "you" in lead:
                    # "could you", "I'd like you to": asked of the listener; "what you…",
                    # "they'll tell you…": the listener inside a clause that reports.
                    k = len(lead) - 1 - lead[::-1].index("you")  # the "you" nearest the request
                    return k == 0 or lead[k - 1] in _ASKS_YOU
                if _OFFERS_OR_STATES.intersection(lead[-2:]):
                    # "Let me explain how…", "allow me to walk you through…": the speaker
                    # offers to explain; "it helps explain why…", "that describes…": a
                    # statement about something.
                    return False
                return len(lead) <= 3 and not NOMINATIVE.intersection(lead)
        return True
    return True


def _statement_question(sent: Sent) -> tuple[Behaviour, str, float] | None:
    """Questions without question syntax (NOQM rows): one fact asked for, or an invitation."""
    if sent.has(
        r"^(?:\W+ )?(?:and |so |ok |okay |right )?(?:i 'd (?:like|love) to (?:hear|know|understand) (?:how|what|why|more|about)|"
        r"i 'm (?:wondering|curious) (?:how|what|why)|i wonder (?:how|what|why))"
    ):
        return Behaviour.OPEN_QUESTION, "en.open_question.statement_request", 0.7
    if sent.has(
        r"^(?:\W+ )?(?:and |so |ok |okay |right |now )?(?:i (?:just |'ll |will )?(?:just )?need (?:the|your)|"
        r"(?:can|could|may) i (?:just )?(?:take|get|have|grab) (?:the|your))"
    ) or sent.has(r"^(?:\W+ )?(?:and |then |ok |okay |right )?your [\w ]{2,30} please"):
        return Behaviour.CLOSED_QUESTION, "en.closed_question.statement_one_fact", 0.65
    return None


ADVERBS = frozenset(
    [
        "what",
        "which",
        "who",
        "where",
        "when",
        "how",
        "why",
        "not",
        "if",
        "whether",
        "just",
        "still",
        "also",
        "always",
        "never",
        "really",
        "all",
        "then",
        "so",
        "and",
        "but",
        "or",
        "usually",
        "even",
        "ever",
    ]
)


def _asr_tail_question(span: Span, lex: Lexicons) -> Span | None:
    """A yes/no question run on after a statement in unpunctuated text ("… is that your door")."""
    if is_punctuated(span.doc):
        return None
    t = token_lists(span.doc)
    lowers, puncts = t.lowers, t.puncts
    words = [i for i in range(span.start, span.end) if not puncts[i]]
    aux = lex.v1_verbs & {"is", "are", "was", "were", "do", "does", "did", "can", "could", "have"}
    for k in range(len(words) - 2, 1, -1):
        tok, subj, before = lowers[words[k]], lowers[words[k + 1]], lowers[words[k - 1]]
        # "… can i get the reg of the car": asking for one thing, in the first person.
        asks_for = (
            tok in {"can", "could"}
            and subj == "i"
            and k + 2 < len(words)
            and lowers[words[k + 2]] in {"get", "take", "have", "grab", "check", "confirm"}
        )
        if tok not in aux or (subj not in {"you", "that", "it", "this", "there"} and not asks_for):
            continue
        if (
            before in lex.subjects
            or before in lex.v1_verbs
            or before.endswith("ly")
            or before in ADVERBS
        ):
            return None
        tail = words[k:]
        # "did you / have you / can you …" reads as a question over a longer run.
        longest = 14 if subj in {"you", "i"} and tok in {"did", "do", "have", "can", "could"} else 8
        if len(tail) > longest or any(lowers[i] in aux for i in tail[2:]):
            return None
        return span.doc[words[k] : span.end]
    return None


# --- behaviours -----------------------------------------------------------------------

WE = r"(?:i|we)"
WILL = (
    r"(?:'ll|will|can|could|shall|'m going to|am going to|'re going to|are going to|'d|would|"
    r"'d be happy to|'m happy to|am happy to|'d like to|'m able to|'ll be able to|"
    r"'ll just|'ll also|'m just going to|'m gon na|am gon na|'re gon na|are gon na)"
)
ADV = r"(?:(?:just|also|then|now|definitely|certainly|gladly|happily|immediately|personally|"
ADV += r"straight away|quickly|first|instead|still|actually|already|usually|normally|easily) )*"
#: Owning a fault: the agent or the company did it (rule 5).
OWNED = (
    r"(?:our|my) (?:mistake|error|fault|bad|oversight)|(?:mistake|error|fault) (?:on|at) (?:our|my) "
    r"(?:side|part|end)|(?:our|my) (?:failing|failure|slip|slip - up|blunder|cock - up)\b|(?:a )?(?:slip|"
    r"failing|oversight|mix - up|slip - up|miss|lapse|failure|issue|problem|glitch|bug) (?:on|at) (?:our|my) (?:side|part|end)|(?:this|that|it|"
    r"the (?:problem|issue|fault|error|bug|outage)) (?:is|'s|was) (?:(?:very|most|more|than|almost|"
    r"certainly|probably|likely|definitely|clearly|all|squarely|firmly) ){0,3}(?:on|at) our (?:side|"
    r"end)\b|i (?:should (?:have|'ve)|should n't have|should not have) (?:\w+ed|put|said|started|begun|"
    r"led|been(?! (?:to|in|at)\b)|done|told|given|sent|made)\b|(?:it|that|this) (?:should n't|should not) have(?: happened)?"
    r"(?: ,| \.| and|$)|came out (?:really |very |so |a bit |all )?(?:badly|wrong|harsh|rude|wrongly)|"
    r"(?:that 's|it 's|that was|it was|that is|this is) (?:all |entirely )?"
    r"(?:down to|on) us|we (?:got (?:it|that|this) wrong|made (?:a|an) (?:mistake|error)|messed "
    r"(?:it |that |this )?up|dropped the ball|let you down|should (?:have|'ve|not have|n't have) "
    r"(?:\w+ed|sent|told|done|given|caught|known|made|put|rung|spotted|seen)\b)|(?:that|this|it|we|i) should never have|unfair of (?:me|us)|came out wrong|"
    r"(?:forgive|pardon|excuse) (?:the|my) (?:jargon|language|wording)|"
    r"we (?:sent|charged|gave|delivered|took|put|used|loaded|booked) (?:you )?(?:the )?wrong|"
    r"(?:that 's|that was|it was) (?:entirely |completely |totally )?(?:our|my) (?:mistake|error|fault)|"
    r"how we want (?:any of )?our|(?:that was|sorry for|apologies for|sorry about) (?:a lot of |all "
    r"(?:the|that) |too much |the |my )?(?:jargon|technical|acronyms)|not (?:the )?(?:service|standard) (?:we|you should)"
)
NOT_OWNED = (
    r"(?:not|n't|never) (?:really |entirely |even )?(?:our|my) (?:mistake|error|fault|problem|responsibility)|"
    r"(?:do n't|did n't|do not) think (?:it|that) (?:was|is) (?:our|my)|more (?:our|my) fault than|"
    r"do you think (?:that )?(?:we|i) should"
)
PARDON = (
    r"(?:sorry|pardon|excuse me|apologies)[ ,]*(?:\? |, )?(?:(?:did|could|can|would|do) you|"
    r"what (?:was|did|'s)|i did n't (?:catch|hear|get)|i (?:do n't|did n't) (?:quite )?"
    r"(?:understand|follow|catch)|say (?:that )?again|the line|you 're breaking|"
    r"it 's a bad line|i missed|who|which|where|when|how|(?:just )?to (?:confirm|check|clarify)|"
    r"can i (?:just )?(?:check|confirm|ask)|to interrupt|one more thing|quick question|"
    r"(?:what|huh|come again)(?: [?!.])*$)"
)
REPAIR = r"sorry[ ,]*(?:i mean|i meant|i said|i misspoke|my mistake (?:, )?i mean|that should be|let me rephrase|scratch that)"
_SORRY_WORD = re.compile(
    r"(?<![\w'])(?<!you )(?<!you can )(?<!you could )(?<!to )(?:sorry|apologi[sz]e|apologies)"
    r"(?![\w])"
)
_PARDON = re.compile(PARDON)
_REPAIR = re.compile(REPAIR)
_SORRY_TO_HEAR = re.compile(
    r"sorry to hear|sorry (?:about|for) (?:your|the loss|his|her|what happened)"
)
_SORRY_ABOUT_THEM = re.compile(
    r"sorry (?:that )?(?:this|that|it|you|he|she|they|your|all this) (?!was (?:our|my))"
)
_SORRY_FOR_COMPANY = re.compile(r"sorry (?:about|for) (?:that|the|this|keeping|any|all)")
#: Sorry for the feeling it caused: sympathy, besides any apology ("sorry for the worry").
_SORRY_FOR_FEELING = re.compile(
    r"sorry (?:for|about) (?:all )?(?:the|any|that) (?:\w+ )?(?:worry|stress|upset|distress|anxiety|"
    r"fright|shock|panic|heartache|heartbreak)\b"
)
#: "Sorry we've kept her waiting", "so sorry we sent you home with the wrong colour": the
#: company's own act, owned (rule 5, AMB:sorry-for-wait).
_SORRY_WE_DID = re.compile(
    r"sorry (?:that )?(?:we|i) (?:'ve |have |had |'d )?(?:\w+ )?(?:kept|made|left|sent|charged|"
    r"missed|forgot|lost|given|caused|overbooked|cancelled|double - booked|mixed)\b"
)


#: "Sorry" that neither apologises nor sympathises: pity for others ("I feel sorry for
#: them", "sorry feelings"), a thing judged poor ("the roof was so sorry"), "not sorry".
_PITY_BEFORE = re.compile(
    r"(?:\b(?:feel|feels|felt|feeling|get|got) (?:\w+ )?|\bnot (?:\w+ )?|\b(?:it|that|this|the(?: \w+){1,2}|"
    r"they) (?:was|is|'s|were|are|looks|looked) (?:(?:so|really|pretty|very|just|kind of|sort of) )*)$"
)
_PITY_AFTER = re.compile(
    r"sorry (?:feelings?|lot|state|excuse|sight|to see (?:it|them|him|her) go)\b"
)
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
    ]
) | frozenset(str(n) for n in range(100))
_SORRY_REPAIR = re.compile(r"^sorry (?:, )?(?P<after>(?:\S+ ){0,3})")
_SORRY_BEFORE = re.compile(r"(?P<before>(?:[\w'-]+ ){1,2})(?:(?:-+|,) )*(?:i 'm |i am )?$")


#: Function words: "…into the ground sorry for jumping the gun" says "the" again, but it
#: repairs nothing.
_REPAIR_NOT_CONTENT = frozenset(
    {
        "the",
        "and",
        "for",
        "you",
        "that",
        "this",
        "with",
        "but",
        "was",
        "are",
        "have",
        "has",
        "they",
        "she",
        "his",
        "her",
        "its",
        "our",
        "your",
        "not",
        "yes",
        "can",
        "will",
        "from",
        "what",
        "when",
        "then",
        "there",
        "their",
        "were",
        "him",
        "them",
        "who",
        "how",
    }
)


def _not_a_sorry(before: str, rest: str) -> bool:
    """Pity, a poor thing, "not sorry", someone's words reported, or a repair mid-sentence
    ("deep space, I'm sorry, deep space exploration"): no apology and no sympathy."""
    if reported(
        re.sub(r"(?:i 'm |i am |we 're |we are )?(?:(?:so|very|really|terribly) )?$", "", before)
    ):
        return True
    if _PITY_BEFORE.search(before) and not rest.startswith("sorry for you"):
        return True
    if _PITY_AFTER.match(rest):
        return True
    # A repair: the words just before "sorry" come again, whole or completed, right after it.
    b, a = _SORRY_BEFORE.search(before), _SORRY_REPAIR.match(rest)
    if b is not None and a is not None and before.strip():
        said = [
            w.strip("-")
            for w in b.group("before").split()
            if len(w.strip("-")) >= 3 and w.strip("-") not in _REPAIR_NOT_CONTENT
        ]
        again = a.group("after").split()
        # a number put right ("forty, sorry, fourteen") or words said again
        numbers = (
            bool(said) and said[-1] in _NUMBER_WORDS and bool(again) and again[0] in _NUMBER_WORDS
        )
        return numbers or any(w.startswith(x) for x in said for w in again)
    return False


def _sorry(doc: Doc, sents: list[Sent], whole: Sent, res: Res) -> None:
    """Sorry-words: apology only when a fault is owned; else sympathy, pardon or repair."""
    owned = whole.has(OWNED) and not whole.has(NOT_OWNED)

    # Whether the agent judges the situation anywhere in the utterance: read the whole text
    # once, not once per "sorry" (quadratic in an utterance full of them).
    judged_once: list[bool] = []

    def judged() -> bool:
        if not judged_once:
            judged_once.append(whole.has(situation(res)))
        return judged_once[0]

    for sent in sents:
        for m in _SORRY_WORD.finditer(sent.text):
            span = sent.span_of(m)
            rest = sent.text[m.start() :]
            pardon = _PARDON.match(rest) or _REPAIR.match(rest) or rest.startswith("sorry ?")
            if pardon and not owned:
                continue
            if _not_a_sorry(sent.text[: m.start()], rest):
                continue
            if _SORRY_TO_HEAR.match(rest):
                add_tag(doc, sent.span, "sympathy", "en.sympathy.sorry_for_situation", 0.85)
                continue
            about_them = _SORRY_ABOUT_THEM.match(rest)
            sympathetic = has_tag(doc, "sympathy") or judged()
            for_company = _SORRY_FOR_COMPANY.match(rest)
            we_did = _SORRY_WE_DID.match(rest)
            if _SORRY_FOR_FEELING.match(rest):
                add_tag(doc, sent.span, "sympathy", "en.sympathy.sorry_for_situation", 0.75)
            if not owned and not we_did and (about_them or (sympathetic and not for_company)):
                add_tag(doc, sent.span, "sympathy", "en.sympathy.sorry_for_situation", 0.75)
                continue
            add_tag(
                doc, span, "apology", "en.apology.sorry_owned", 0.85 if owned or we_did else 0.65
            )
    if owned and not has_tag(doc, "apology"):
        m2 = whole.find(OWNED)
        if m2 is not None:
            add_tag(doc, whole.span_of(m2), "apology", "en.apology.owned_fault", 0.75)


def situation(res: Res) -> str:
    """The agent judges the customer's situation as hard: "that's awful", "what a nightmare"."""
    return _once(res, "situation", lambda: _situation(res))


def _situation(res: Res) -> str:
    intens = (
        r"(?:(?:really|so|very|incredibly|quite|such|a bit|pretty|absolutely|truly|genuinely|real|"
        r"bit of a|proper|total|complete|right|properly|seriously|massively|hugely|super) )*"
    )
    return (
        rf"(?:(?:that|this|this stuff|which)(?: 's| is| must be| must have been| sounds| 's been|"
        rf" was| would be| can be| must feel)|it(?: must be| must have been| sounds| must feel))"
        rf"(?: like)? {intens}(?:an? )?{intens}{res.symp}(?! (?:to (?!(?:deal|live|sleep|wake|come "
        rf"home|find|lose|go through|sort)\b)|for me|lot|question|part|one))"
        rf"|a lot of (?:pressure|stress|worry|hassle|upheaval|disruption) (?:to|for|on)"
        # The weight of the situation without a feeling word: "that's a lot to juggle", "a
        # whole lot going on", "two years is a long wait", "a whole day gone".
        rf"|(?:a lot|a whole lot|so much|too much|an awful lot) (?:to (?:juggle|carry|manage|take "
        rf"on|put up with|cope with|deal with|sort out)|going on|on your plate)"
        rf"|(?:is|was|'s|been) (?:a |such a )?(?:really |very |so )?long (?:wait|haul|road)\b"
        rf"|(?:it|that) (?:was|'s been|has been) (?:a |such a )?(?:really |very |so )?long (?:day|"
        rf"night|week|journey|morning)\b(?! (?:ago|since|before))"
        rf"|(?:a whole|the whole|an entire|half the|half a) (?:day|morning|afternoon|evening|night|"
        rf"weekend|week|holiday) (?:gone|wasted|lost|ruined)"
        rf"|(?:a lot|a huge amount|a big amount|a lot of money|a big sum|a fair bit) to be (?:out of "
        rf"pocket|without|left without)"
        # "A big deal" weighs the customer's situation only when said of it ("for you", "to deal
        # with") or with a modal; "that was a big deal" is casual talk too.
        rf"|(?:that|this|it) (?:must be|'d be|would be|must have been|must feel like) (?:a )?(?:really )?"
        rf"(?:big|huge|massive) (?:thing|deal|change|worry|upheaval)\b"
        rf"|(?:that|this|it) (?:'s|is|was) (?:a )?(?:really )?(?:big|huge|massive) (?:thing|deal|change|"
        rf"worry|upheaval) (?:for (?:you|her|him|them|the (?:whole )?(?:family|kids|household)|your \w+)|to (?:deal with|take in|"
        rf"go through|cope with|carry)|at (?:her|his|your|their|that) age)\b"
        rf"|(?:that|this|it) (?:'s|is|was) (?:a )?(?:really )?(?:huge|massive) (?:worry|upheaval)\b"
        rf"|at (?:her|his|your|their|that) age (?:, )?(?:that|this|it) (?:'s|is|was) (?:a )?(?:really )?(?:big|"
        rf"huge|massive) (?:thing|deal|change)\b"
        rf"|takes? (?:it|a lot) out of (?:you|anyone|her|him|them)|(?:takes?|taken|taking) (?:its|a) "
        rf"toll|(?:wears?|grinds?) (?:you|anyone) down"
        rf"|(?:drive|drives|driving) (?:you|anyone|everyone|the whole \w+|them|her|him) (?:mad|"
        rf"crazy|up the wall|round the bend)"
        rf"|what an? {intens}{res.symp}|(?:what|that 's|that is|that was|it 's been|you 've had|"
        rf"you 've been having|sounds like|such) (?:an? )?{intens}{res.symp} (?:surprise|time|"
        rf"experience|shock|situation|start|thing|position|week|day|morning)"
        rf"|(?:that 's|that is|is) (?:a |such a )?(?:really |very )?long time to (?:be|wait|go|"
        rf"sit|put up)|a lot to (?:deal|be dealing|cope|handle|take in|go through)"
        rf"|what an? (?:{res.symp} )?(?:week|day|morning|time|year|month|mess|palaver|saga|start)"
        rf"(?: you 've had| that must)"
        rf"|^(?:\W+ )?oh no|poor you|poor thing|not what you need|no fun|"
        # Round 4, the weight of a situation without a feeling word: "the last thing you
        # need", "a lot to keep track of", "you're juggling plenty", "hard enough without
        # this", "for anyone, let alone at 87", "would knock anybody sideways", "a sore one to
        # find", "sat in limbo", "it's been an awful month for you".
        rf"(?:the )?last thing (?:you|anyone|anybody|she|he|they) (?:need|needs|needed|want|wants|"
        rf"wanted)\b|a lot to (?:be coping with|be dealing with|keep track of|keep on top of|"
        rf"get your head (?:round|around)|take on board|think about|juggle)|you (?:'re|are|'ve been|"
        rf"have been) (?:juggling|carrying|dealing with|coping with) (?:plenty|a lot|so much|enough|"
        rf"loads)|(?:is|'s|was|are|'re) (?:\w+ )?(?:hard|tough|difficult|stressful|bad) enough "
        rf"(?:without|as it is|already)|(?:for|to) (?:anyone|anybody) (?:, )?let alone\b|would (?:knock|"
        rf"throw|shake|rattle|floor|upset|worry|panic|stress) (?:anybody|anyone|most people)\b|"
        rf"(?:an? |that 's an? |that is an? )(?:\w+ )?(?:{res.symp}) one to (?:find|get|come home to|"
        rf"open|see|deal with|hear|swallow|wake up to)\b|(?:sat|sitting|left|stuck|hanging) in limbo|"
        rf"(?:it 's|it has|that 's|that has) been (?:an? |such an? )?(?:{intens})(?:{res.symp}) "
        rf"(?:\w+ ){{0,2}}for (?:you|your)\b|"
        rf"^(?:\W+ )?(?:(?:ah|oh|aw|och|gosh) (?:no )?,? )?{NUM} \w+ (?:of|at|with|without) [\w ]{{2,30}} (?:is|'s|that 's) {intens}(?:an? )?"
        rf"{intens}(?:{res.symp}|long|too long|exhausting)"
    )


#: A judgement that belongs to the speaker's own story, not to the listener's situation:
#: past-tense narration ("that was a rough year"), reported speech ("I said this is
#: terrible"), a tag question asking agreement ("a rough area, isn't it?").
_OWN_STORY = re.compile(
    r"\b(?:that|it|this) (?:was|were)\b(?! (?:(?:such|really|so) )?(?:a |an )?(?:\w+ )?"
    r"(?:shock|surprise)\b)|\bi (?:just |then )?(?:said|says|told \w+|thought)\b|"
    r"\b(?:is|was|are|were) n't (?:it|that|they|there)(?: \W)*$|\bi think\b"
)
#: A judgement of life in general, of the speaker's own side or of a hypothetical: "that's
#: hard on people", "that would be hard for us", "there's so much going on here", "to me
#: that's scary", "they put a lot of pressure on him", "I know it's hard to prove".
_GENERIC_JUDGEMENT = re.compile(
    r"\b(?:for|on) (?:us|me|people|everybody|everyone|anybody|young people)\b|\bto me\b|"
    r"\b(?:we|i) (?:have|had|'ve) (?:got )?so much\b|\bthere (?:'s|is|was) so much\b|"
    r"\bpressure on (?!you\b)\w+|"
    r"\bi (?:know|guess|think) (?:it 's|that 's|it is|that is) (?:\w+ )?(?:hard|tough|difficult) "
    r"(?:to|for|when|on)\b|"
    r"\b(?:that|this|it) would be (?:(?:really|so|very|just) )?(?:awful|terrible|horrible|hard|"
    r"scary|frightening|tough|rough)\b|"
    # A topic judged, not the listener's situation: "a tough subject", "a rough area", "a
    # hard question"; "awful" as an intensifier ("awful high").
    r"\b(?:tough|rough|hard|difficult|scary|awful|terrible) (?:,? uh (?:, )?)?(?:subject|field|game|area|"
    r"question|topic|market|industry|sport|course|exam|crowd|neighbou?rhood|part of town|city|"
    r"league|team|one to answer)\b|"
    r"\bawful (?:high|low|big|small|expensive|cheap|nice|good|long|far|close|quiet)\b|"
    # A judgement inside a relative clause describes a topic, not the listener's situation:
    # "one thing that's hard with teenagers is…", "anything that's a pain to fill in".
    r"\b(?:thing|things|one|anything|something|everything|stuff|part|habit|some) that (?:'s|is|"
    r"was|'s been|has been)\b|"
    r"\b(?:hard|tough|difficult|scary|awful|terrible) (?:thing|part) (?:about|with)\b|"
    # The speaker's own trouble: "my son had such a tough time", "a sore spot with me".
    r"\b(?:sore|touchy|sensitive) (?:spot|point|subject|topic)\b|\b(?:(?:my|our) (?:\w+ ){1,2}|(?:i|we) )(?:had|has had|'s had|'ve had|"
    r"have had|went through) (?:such|so|an? (?:really |very |pretty )?(?:tough|rough|hard|terrible|"
    r"awful|horrible|bad|difficult))\b"
)
#: Words of a turn that only acknowledges ("Yeah.", "Uh-huh.", "Oh, my gosh.", "That's
#: right."): the speaker who answers goes on with their own story, and a judgement there is
#: of that story, not sympathy for the other speaker.
_ACK_WORDS = frozenset(
    [
        "yeah",
        "yep",
        "yup",
        "uh",
        "huh",
        "um",
        "hum",
        "mhm",
        "mm",
        "hm",
        "hmm",
        "right",
        "okay",
        "ok",
        "oh",
        "ah",
        "sure",
        "well",
        "exactly",
        "true",
        "really",
        "wow",
        "gosh",
        "god",
        "my",
        "that's",
        "thats",
        "you're",
        "youre",
        "me",
        "either",
        "neither",
        "too",
        "and",
        "but",
        "so",
    ]
)
#: Speech reported by the speaker ("he said, don't worry", "they'd say, I'm sorry", "he
#: goes oh, I'm sorry"): the words belong to someone else, not to the speaker now. "Like I
#: said" and "as I said" repeat the speaker's own words and stay.
_REPORTED = re.compile(
    r"(?<![\w'])(?<!as i )(?<!like i )(?<!as we )(?<!like we )(?:said|says|say|saying|goes|"
    r"told (?:me|him|her|them|us)|(?:i 'm|i was|he 's|he was|she 's|she was|they 're|they were|"
    r"it 's|it was) like)(?: to (?:me|him|her|them|us))?(?: that)?"
    r"(?: (?:,|well|oh|now|like|you know|(?:he|she|they) (?:said|says)))* ?$"
)


def reported(before: str) -> bool:
    """Whether the text just before a cue introduces someone's words ("he said, …")."""
    return _REPORTED.search(before) is not None


#: An exclamation that reacts to any news ("Oh no.", "That's awful."): sympathy only when the
#: other speaker's turn named a problem or a feeling.
_BARE_REACTION = re.compile(
    r"^(?:\W+ )?(?:oh |ah |aw )?(?:no|(?:that|this|it) (?:'s|is|sounds) (?:so |really |just )?"
    r"(?:awful|terrible|horrible|scary|frightening|hard|rough|tough|bad|sad|inconvenient|"
    r"very inconvenient|a shame|a pity))(?: \W)*$"
)


#: Loss, harm or failure in the other speaker's turn, beyond the problem lexicon.
_HARM = (
    r"\b(?:no|never|nothing|nobody|broke\w*|lost|los(?:e|ing)|died|dead|death|passed away|sick|ill|"
    r"hurt|injur\w*|crash\w*|accident|stolen|cancel\w*|fail\w*|miss\w*|wrong|problems?|trouble|"
    r"damag\w*|leak\w*|flood\w*|fire|burn\w*|late|stuck|hospital|worse|pain)\b"
)


_THANKS_WORD = r"(?<![\w'])(?:thanks|thank|cheers|ta|appreciate)(?![\w])"
_WELCOME = r"^(?:\W+ )?(?:oh |ah |aw )?(?:no worries|no dramas)\b"
#: Playing a problem down as common ("it happens all the time", "not a big deal"): sympathy
#: only after a turn that named a problem; in casual talk it is just talk.
_PLAY_DOWN = r"(?:it |that )?happens all the time|(?:it 's |that 's |it is )?(?:not a|no) big deal"


def _sympathy(
    doc: Doc,
    sent: Sent,
    res: Res,
    prev_upset: bool = False,
    prev_calm: bool = False,
    prev_thanks: bool = False,
    prev_ack: bool = False,
) -> None:
    """Sympathy: judging the situation as hard, naming a feeling, reassurance, well-wishes.

    ``prev_calm``: the previous turn said something and named no problem or feeling; then a
    bare reaction or a judgement of the speaker's own story is not sympathy (casual talk).
    ``prev_ack``: the previous turn only acknowledged ("Yeah.", "Uh-huh."); a judgement that
    does not speak to the listener is then of the speaker's own story.
    """
    feeling_named = _once(
        res,
        "feeling_named",
        lambda: (
            rf"you must (?:be|have been|feel) (?:so |really |very |absolutely )?(?:{res.feeling}|{res.symp})"
            rf"|(?:that|this|it) must (?:be|have been) (?:so |really |very )?(?:{res.feeling}|wearing)"
            rf"|i (?:completely |totally |fully |really |do )?(?:understand|appreciate|know|get) "
            rf"(?:that |why |how )?(?:you 're|you are|you feel|you 've been|you were|how you(?! can| could| get| do)|how "
            rf"(?:frustrating|worrying|stressful|upsetting|hard|difficult)|your (?:frustration|concern|"
            rf"worry|worries|upset|anger|disappointment|feelings))"
            rf"|i (?:can )?(?:imagine|understand) (?:how|that must|that would|it must)"
            rf"|i can (?:hear|see|tell) (?:how|that you|you 're)"
            # "I can hear that's come as a shock": the feeling heard in the customer's words.
            rf"|i can (?:hear|tell) (?:that|this|it) (?:'s|has) (?:come as|been (?:a|really|so|very|"
            rf"such))\b"
            rf"|(?:it )?(?:sounds|seems) (?:like|as if|as though) (?:this|that|it|all this|everything) "
            rf"(?:has|'s) (?:\w+ )?(?:shaken|upset|worried|rattled|thrown|knocked|hit|affected|stressed|"
            rf"scared|frightened|got to|taken its toll|really)"
            rf"|(?:it )?(?:sounds|seems) (?:like|as if|as though) you 're (?:feeling |really |so )*"
            rf"(?:{res.feeling})|you sound (?:really |so |very )?(?:{res.feeling})"
            rf"|no wonder (?:you 're|you are|you were|you feel|you felt|she 's|he 's|they 're)"
            rf"|i (?:'d|would) (?:be|feel|have been) (?:\w+ )?(?:{res.feeling}|\w+ed) (?:too|as well)"
            rf"|anyone would (?:be|feel)|you must have been (?:counting|relying|looking forward)"
        ),
    )
    # "I get it", "I hear you" are sympathy only after a complaint or a feeling; in casual talk
    # they only acknowledge (SwDA).
    heard = (
        r"(?:^(?:\W+ )?|, )(?:i )?(?:totally |completely |fully |really )?get (?:it|that)"
        r"(?: \W)?$|(?:^(?:\W+ )?|, )(?:totally|completely) get (?:it|that)\b|i hear you\b"
        r"(?! (?:say|said|saying|mention|right|correctly|ok|okay|have|had|'re|are|were|got|guys))"
    )
    reassure = (
        r"(?:do n't|dont|please do n't|no need to|not to|try not to) (?:be )?(?:worry|worrying|stress|"
        r"stressing|fret|fretting|panic|panicking)\b|no worries|no dramas|rest assured|"
        r"(?:try to |do |go and )?get some (?:rest|sleep)\b|"
        r"you 're (?:far from|not) the (?:only|first)|it happens to (?:lots|a lot|many|plenty)|"
        r"you did (?:the right thing|nothing wrong)|^(?:\W+ )?(?:and |but |honestly (?:, )?)?(?:it|that) "
        r"(?:'s not|is not|is n't|was n't|was not) "
        r"(?:\w+ )?your fault|"
        # Not to blame, said another way: "it's nobody's fault", "it's not you at all", "you
        # weren't to know", "our fault, not yours".
        r"(?:it|that) (?:'s|is|was) (?:nobody|no one|no - one) 's fault|(?:it|that) (?:'s|is) not you "
        r"at all|you (?:were n't|was n't|were not|could n't have been|could not have been) to know|"
        r"(?:our|my) fault (?:, )?not yours|"
        r"i (?:really )?hope (?:he|she|you|they|your|the little|things|it|everything|that|this|all)"
        r"[\w ' ]{0,30}(?:better|well|soon|recover|okay|ok|alright|sorted|resolved|fixed|smoothly|"
        r"works out)|get well soon|take care of (?:yourself|yourselves)(?! (?:attitude|kind|type|sort|approach|"
        r"mentality|thing)\b)|"
        # A wish that ends the sentence, not a description: "take care of your mum" (not "we
        # take care of the kids", "you take care of them, they hold their value").
        r"(?:^(?:\W+ )?|, |\b(?:and|welcome|bye|okay|ok|right|now|thanks) )(?:(?:do|please|just) )?"
        r"take (?:good )?care of (?:your \w+|him|her|them|"
        r"the (?:little|kids|baby)(?: \w+)?)(?: (?:now|okay|ok))?(?: \W)?$|"
        r"(?:^(?:\W+ )?|\b)take care(?: of yourself)?(?: \W)?$|"
        r"give (?:\w+ ){1,2}(?:a )?(?:cuddle|hug|pat|fuss|our love|our best)|"
        r"(?:you|she|he|they) (?:wo n't|will not|will never) (?:go without|lose (?:a thing|anything|out)|"
        r"be out of pocket|be left without|miss out)|"
        r"(?:let 's|we 'll|we will|i 'll) get to the bottom of (?:it|this|that)|"
        r"(?:^(?:\W+ )?|, )(?:aw |oh |ah |aww )?poor (?!quality|signal|connection|line|reception|"
        r"coverage|service|weather|performance|credit)\w+(?: \W)?(?:$| \.| , (?!for example|for "
        r"instance|such as|who|that|which|in general|generally|usually|often|tend)| ,$)|"
        r"(?:which is|that 's|that is|it 's|it is) (?:completely |totally |perfectly |entirely |so |"
        r"very )?understandable|we 'll (?:get (?:this|it|that|you) sorted|"
        r"sort (?:this|it) out)|you 're in (?:good|safe) hands|one step at a time|thank goodness|glad (?:you|he|she|"
        r"they) (?:'re|are|is|'s) (?:(?:back )?home|back|ok|okay|safe|alright|better|on the mend)"
    )
    hard_news = _once(
        res,
        "hard_news",
        lambda: (
            r"not (?:what|the news|the answer) you (?:wanted|were hoping|'d hoped|hoped|needed|were "
            r"expecting|want|planned|had planned|'d planned|signed up for|paid for|deserve)"
            r"(?: to hear| for)?|not the (?:\w+ )?(?:feeling|experience|start|welcome|news|answer|"
            r"service|outcome|end) you (?:signed up for|paid for|wanted|expected|deserve|were hoping "
            r"for|needed)|"
            r"i can (?:see|understand) why (?:that|this|it) (?:'d|would|must|might) (?:sting|hurt|"
            r"rankle|grate|annoy|upset|worry|frustrate|feel)|(?:you|she|he|they|anyone|nobody|no one) "
            r"(?:should n't|should not|should never) (?:have|need) to\b|you (?:should n't|should not) (?:be|"
            r"have been) (?:stuck|left|kept|waiting|sitting|standing|out of pocket|without)\b|"
            r"\bof all (?:days|times|weeks|nights|mornings|weekends)\b|(?:past|beyond|longer than|"
            r"more than) (?:what )?(?:you|anyone|anybody) should (?:have|need) to|"
            rf"i know (?:it 's|it is|this is|that 's|that is|it can be|this can be)(?: such| all)? (?:an? )?"
            rf"(?:(?:real|bit of a|right|huge|massive|total) )?(?:{res.symp}|faff|nuisance|bother|drag|"
            rf"inconvenience|headache)|"
            rf"i can (?:completely |totally |really )?(?:see|understand) why (?:that|this|it|you)\b"
            rf"(?=.*\b(?:{res.feeling}|{res.symp}|unfair|upset|feel|feels|felt|concerned|annoyed))"
            # The weight said as what it asks of the customer: "that's a lot to sit with", "a
            # huge amount riding on it", "£180 is a lot to pay", "nine hours is a long time".
            r"|(?<!there )(?:is|'s|was|been|be) (?:a lot|an awful lot|a great deal|a huge amount|"
            r"so much|too much|quite a lot) "
            r"(?:riding on|to (?:sit with|carry|be carrying|take in|absorb|process|find|pay|swallow|"
            r"shoulder|stomach|be dealing with|have hanging over you|face|be facing|lose|be without))\b"
            # ("it's been a long time" since something is casual; "the queue is a long time at
            # the moment" informs)
            r"|(?<!\bit )(?:is|'s|was) (?:a |such a )?(?:really |very |so |awfully )?long delay\b"
            # The customer's reaction imagined: "must have made your stomach drop".
            r"|must (?:have )?(?:made|make) your (?:stomach|heart)|must have given you (?:a |quite a |"
            r"such a )?(?:fright|shock|scare|turn)"
            r"|i can (?:see|understand) why (?:[\w$£€.,']+ ){1,4}(?:felt|feels) like (?:a |an )?(?:\w+ )?"
            r"(?:slap|kick|blow|insult|punch|shock|betrayal)"
            r"|(?:that|which|it) (?:feels|felt|must feel|must have felt) (?:really |so |very |a bit |"
            r"pretty )?(?:unfair|wrong|unjust|rough|harsh) (?:to|for|on) you\b"
        ),
    )
    if sent.has(feeling_named) or (prev_upset and sent.has(heard)):
        add_tag(doc, sent.span, "sympathy", "en.sympathy.named_feeling", 0.8)
        # Hearing or sensing a feeling gives it back: restating too (rule 4).
        if sent.has(
            r"i can (?:hear|see|tell)|(?:it )?(?:sounds|seems) (?:like|as if|as though) (?:you|this|that|"
            r"it|all this|everything)|you sound"
        ):
            add_tag(doc, sent.span, "restating", "en.restating.reflection_phrase", 0.75)
    elif sent.has(situation(res)) and not is_wh_question(sent):
        if not (
            (prev_calm and _BARE_REACTION.search(sent.text))
            or _GENERIC_JUDGEMENT.search(sent.text)
            or (
                prev_ack
                and not sent.has(
                    r"\byou(?:r| 've| 're)?\b|\bi (?:get|see|understand|know|can see)\b"
                )
            )
            or (
                not prev_upset
                and _OWN_STORY.search(sent.text)
                # "I know it was a long day", "that was hard on you": about the listener.
                and not sent.has(r"\bi know\b|\byou(?:r| 've| 're)?\b")
            )
        ):
            add_tag(doc, sent.span, "sympathy", "en.sympathy.situation_judgement", 0.75)
    elif sent.has(hard_news) and not _GENERIC_JUDGEMENT.search(sent.text):
        add_tag(doc, sent.span, "sympathy", "en.sympathy.situation_judgement", 0.7)
    elif (
        (found := sent.find(reassure)) is not None
        and not sent.has(r"thank goodness")
        # "I really don't worry about it": the speaker's own calm, not reassurance.
        and not sent.has(
            # said of someone: "I don't worry about it", "the teachers don't stress that"
            r"\b(?:i|we|they|he|she|you|people|everyone|everybody|nobody|the(?: \w+){1,3}) (?:really |"
            r"just |usually |generally |often |even )?(?:do n't|dont|never) (?:worry|stress|fret|panic)"
        )
        # Reported words ("he said, don't worry") and a duty described ("somebody to come
        # round and take care of the little things") are not a wish to the listener.
        and not reported(sent.text[: found.start()])
        and not sent.has(
            r"\b(?:'ll|will|would|can|could|that|who|which|to(?: \w+){0,3} and) (?:, )?take (?:good )?"
            r"care of (?!yourself|yourselves)"
        )
        # A bare "Take care." closing casual talk is a goodbye, not a well-wish.
        and not (
            prev_calm and sent.has(r"^(?:\W+ )?(?:you |ok |okay |bye (?:, )?)?take care(?: \W)*$")
        )
        and not (prev_thanks and sent.has(_WELCOME))
    ):
        add_tag(doc, sent.span, "sympathy", "en.sympathy.reassurance", 0.7)
    elif prev_upset and sent.has(_PLAY_DOWN) and not _GENERIC_JUDGEMENT.search(sent.text):
        add_tag(doc, sent.span, "sympathy", "en.sympathy.reassurance", 0.65)


class _PrevTurn:
    """The customer's previous turn, enough of it for restating checks."""

    def __init__(self, norm: str) -> None:
        self.text = norm
        self.is_question = norm.rstrip().endswith("?") or bool(
            _match(
                r"(?:\W+ )?(?:what|how|why|when|where|which|who|can|could|do|does|did|is|are|"
                r"will|would|have|has)\b",
                norm,
            )
        )


#: A turn that only acknowledges ("Yeah.", "Mm-hmm, right.", "I guess so."): the customer hands
#: the turn back, so what the agent says about "you" next sums up what came before it.
_BACKCHANNEL = re.compile(
    r"(?:(?:yeah|yes|yep|yup|yah|okay|ok|right|alright|all right|sure|exactly|true|mm|mmm|mhm|"
    r"hmm|uh|um|huh|i guess|i suppose|so|that's right|that's true|i think so|definitely|"
    r"absolutely|totally)\.* ?)+"
)


#: "You" that means anyone, or a story told, not the customer's own situation given back.
_GENERIC_YOU = (
    r"\byou (?:(?:do n't|did n't|do not|would|'d|never|always|usually|just|really|still|even) )*"
    r"(?:have to|had to|has to|got to|gotta|need|needed|know|see|get|got|can|could|would|'d|"
    r"never|always|usually|think of|go|went)\b|\byou 're (?:going|gon na|supposed|required|"
    r"encouraged|expected|allowed)\b"
)


def _backchannel(prev: _PrevTurn | None) -> bool:
    """Whether the customer's previous turn only acknowledges (nothing of substance)."""
    return prev is not None and _BACKCHANNEL.fullmatch(prev.text.strip()) is not None


_ACK_ONLY = re.compile(
    r"(?:(?:ok|okay|yeah|yes|right|alright|mm|mhm|hmm|uh|um|oh|ah|great|good|sure|i see|"
    r"got it|gotcha|understood|fine|well)\W*)*"
)


def _opens_turn(sent: Sent) -> bool:
    """Whether only acknowledgements ("Okay.", "Yeah, right.") come before ``sent`` in the turn."""
    start = sent.span.start
    if start == 0:
        return True
    lowers = token_lists(sent.span.doc).lowers[:start]
    return _ACK_ONLY.fullmatch(" ".join(lowers)) is not None


# What matters most to the customer, said back: "what's worrying you most is…", "the main
# thing for you is…", "so the real problem is…", "it's the noise that bothers you".
_MATTERS = (
    r"(?:worr|bother|matter|concern|upset|annoy|frustrat|scar|get(?:s|ting)? to|troubl|eat)\w*"
)
MATTERS_MOST = (
    rf"what (?:'s |is )?(?:really |actually |most |mostly )?{_MATTERS} you(?: (?:most|the most|"
    rf"more|really))? (?:is|was|'s|here)\b|is what (?:'s |is )?(?:really )?{_MATTERS} you\b"
    r"|the (?:main|big|biggest|real|key|important) (?:thing|worry|concern|issue|problem|sticking "
    r"point|priority) for you(?: here)? (?:is|was|'s)\b"
    r"|^(?:\W+ )?(?:(?:ok|okay|right|alright|yeah|mm|and) (?:,? )?)*so (?:,? )?(?:really )?the "
    r"(?:real|main|biggest|big) (?:problem|issue|worry|concern|sticking point) (?:is|was|'s)\b"
    r"|your (?:main|biggest|real|big|first) (?:worry|concern|priority|fear) (?:is|was|'s|right now)\b"
    rf"|it 's (?:the|that|not|more|really|mainly|mostly) [\w ' ]{{1,40}}(?:that|which) (?:'s |is )?"
    rf"(?:really )?{_MATTERS} you\b"
)
#: Stems only a reflection has, after a customer statement: "it sounds like there's…",
#: "part of you…", "you're feeling…", "you're not sure…", "so for you…", "you said you…".
_REFLECTION_STEM = (
    r"(?:^(?:\W+ )?|, )(?:(?:ok|okay|right|mm|yeah|and|but|oh|so|um|uh|well|hmm) (?:,? )?)*"
    r"(?:(?:it |that |this )?(?:sounds|seems) (?:to me )?(?:too )?(?:like|as if|as though) (?:, )?"
    r"(?:(?:you know|um|uh|in general|maybe|perhaps|really|also) (?:, )?)*"
    r"(?:there (?:'s|is|are|'ve)|part of you|some of|for you|what you|things (?:are|have)|"
    r"it (?:'s|has) been|that (?:'s|was) (?:what|something|a big|really|quite))|"
    r"(?:a |some )?part of you\b|"
    r"you 're (?:(?:really|also|still|just|kind of|a (?:little|bit)|pretty|quite) )?"
    r"(?:feeling|not (?:sure|ready|convinced|too)|unsure|torn|struggling|"
    r"worried about|concerned about|frustrated with)\b|"
    r"you (?:really |also |still |kind of )?feel (?:like|that|as if|as though)\b|"
    r"you 've been (?:feeling|struggling|thinking|trying|dealing)\b|"
    r"for you (?:, )?(?:it 's|it is|this is|that 's|the (?:main|big|real|biggest))|"
    r"you (?:said|mentioned) (?:that |earlier |before )?(?:you|your)\b)"
)
#: The customer's wants, likes and inner state said back without their words: "you really
#: like to have a good time", "you'd rather keep it", "you're doing the best you can".
_YOU_INNER = (
    r"^(?:\W+ )?(?:(?:ok|okay|right|mm|mhm|yeah|and|but|so|oh|um|uh|well|hmm) (?:,? )?)*"
    r"you (?:(?:really|also|still|just|kind of|do|actually|certainly) )?(?:like|love|enjoy|hate|"
    r"want|wanna|'d (?:like|rather|prefer)|would (?:like|rather|prefer)|care about|value|"
    r"'re doing (?:the best|your best|what you can|a lot|well)|'re (?:really |also )?(?:proud|"
    r"committed|determined|hoping|trying)|have (?:a lot|so much|some) (?:of )?(?:things |stuff )?"
    r"(?:going on|on your plate|to think about))\b"
)
_NORMALISING = (
    # ("'s" follows a space in the tokenised text: "that 's a really common one".)
    r"(?:\b(?:is|are)|'s|'re) (?:an? )?(?:really |very |quite |pretty |super |fairly |so )?(?:common|"
    r"normal|usual|typical|widespread|frequent|happening (?:a lot|everywhere))\b|"
    r"\b(?:a lot of|lots of|many|loads of) (?:people|customers|callers|households)\b|"
    r"\b(?:happens|comes up|crops up) (?:a lot|all the time|quite a bit|often)\b|"
    r"\bwe (?:see|get|hear|have) (?:that|this|it|those|these|a lot of (?:those|these|that)) "
    r"(?:a lot|all the time|quite a bit|quite often|every day)\b"
)
#: The agent's own know-how about such cases, opening what follows "so": "so with these
#: motors there's a few things that can cause a cut-out", "so it's usually something minor".
#: (Later in a run-on ASR turn the same words can follow a real reflection.)
_KNOW_HOW = (
    r"^(?:\S+ ){0,6}?(?:"
    r"there (?:'s|is|are|'re) (?:a few|a couple of|several|some|two|three|a number of|lots of|a lot of)"
    r" (?:things|reasons|causes|ways|possibilities|options) (?:that |which )?(?:can|could|might|may)\b|"
    r"\b(?:it|that|this) (?:'s|is) (?:usually|normally|generally|typically|often|mostly) (?:just )?"
    r"(?:something|a|an|one|down to|caused by)\b|\b(?:tends|tend) to happen\b|"
    r"\bwith (?:these|those|this kind of|that kind of|this type of|that type of) \w+|"
    # How the company's own side works: "so basically the way our system works is…"
    r"\b(?:the way )?(?:our|the) (?:system|process|policy|app|platform|network|software|rules?|"
    r"terms) (?:works?|is|are|does|checks|sends|means|says)\b)"
)
_CONTINUES = re.compile(r"^(?:\W+ )?(?:and|but|then|or|plus|with)\b")


_THEIR_STATE = (
    r"(?:you|your|you 're|you 've|you were|she 's|he 's|they 're|she|he|they)\b"
    r"(?! (?:'ll|will|need|have to|must|should|can|could|'d|would|wo n't)\b)"
)
_SO_START = re.compile(
    r"^(?:\W+ )?(?:(?:ok|okay|right|alright|yeah|yes|mm|mhm|hmm|and|oh|ah|i see|got it)(?: ,)? )*so "
    r"(?:,? )?(?:basically |um |uh )*"
)


def _so_is_not_restating(doc: Doc, sent: Sent, punctuated: bool, res: Res) -> None:
    """Drop a "So…" restating tag where the "so" gives back nothing of the customer's.

    * What follows is the agent's own know-how ("so basically the way our system works
      is…", :data:`_KNOW_HOW`): it shares the customer's words, yet reflects nothing.
    * In unpunctuated (ASR) text, a "so" in the middle of a turn joins a consequence ("…the
      ride doesn't close so the timer keeps running"); only one that opens the turn, after
      nothing but fillers and acknowledgements, can restate (the Swedish hook reads "så" the
      same way).
    """
    if not has_tag(doc, "restating", within=sent.span):
        return
    m = _SO_START.match(sent.text)
    if m is None:
        return
    mid_turn = False
    rest = sent.text[m.end() :]
    # "…sorry to hear that so you got through the first part": the customer's own state,
    # given back, even mid-turn (not "so you have to pay by Friday": a consequence).
    theirs = _match(_THEIR_STATE, rest) is not None
    if not punctuated and sent.span.start > 0 and not theirs:
        t = token_lists(doc)
        fillers = res.questions.fillers
        mid_turn = any(
            not t.puncts[i] and t.lowers[i] not in fillers for i in range(sent.span.start)
        )
    # "So that's a really common one right now, …": the agent's own knowledge in the first
    # clause after "so" normalises; it reflects nothing.
    normalising = _search(_NORMALISING, rest.split(" , ", 1)[0])
    if not mid_turn and not normalising and not _search(_KNOW_HOW, rest):
        return
    for span in tags_within(sent.span, "restating"):
        if span.id_ in ("en.restating.marker_so", "en.restating.so_marker"):
            remove_tags(doc, "restating", within=span)


def _restating(
    doc: Doc,
    sent: Sent,
    prev: _PrevTurn | None,
    prev_words: set[str],
    res: Res,
    after: str = "",
) -> None:
    """Giving back the customer's content: "So…", "It sounds like…", echoes, paraphrases."""
    if sent.has(
        r"as i (?:said|mentioned|explained)|like i said|i said|i (?:just )?mentioned|"
        r"if i (?:'ve |have )?understo?o?d? (?:the|our|this|that|these|how the) (?!you)"
    ):
        return
    rule = None
    if (
        sent.has(
            r"if i (?:'ve|have) (?:understood|got) (?:you|that|this|it)|if i understand (?:you|"
            r"correctly|right)|(?:just )?to (?:check|confirm|make sure) (?:i 've|i have|that i|i)"
            r" (?:got|understood|understand)|let me (?:check|make sure) i 've|am i right (?:in thinking|"
            r"that)|(?:so )?what (?:you 're|you are) saying is|(?<!not )(?<!if )(?:so )?you 're (?:saying|telling me) (?:that |the |it |"
            r"you |he |she |they )|in other words|"
            r"what i 'm hearing|(?:it )?(?:sounds|seems) (?:like|as if|as though) (?:, )?"
            r"(?:(?:you know|um|uh|in general|overall|maybe|perhaps|really|also|then) (?:, )?)*"
            r"(?:you|your)\b|"
            # What the customer holds dear or finds hard, given back: "this is really
            # important to you", "it doesn't feel like a problem to you right now".
            r"(?:this|that|it) (?:is|'s|seems|feels|sounds) (?:really |very |so |quite )?"
            r"(?:important|a big deal|a priority|a real priority|hard|a struggle|a worry) (?:to|for) you\b|"
            r"(?:does n't|does not|do n't) (?:feel|seem|sound) like (?:a |much of a )?\w+ (?:to|for) you\b|"
            r"(?:just )?(?:so|to be) (?:i 'm )?clear (?:, )?you\b|(?:just )?so i 'm clear (?:, )?(?:you|your)|"
            r"(?:to )?make sure i (?:'ve got|understand|have) (?:this|that|it|you)|"
            r"(?:, |\bit )sounds like(?: \W)*$|"
            # Other stems of a reflection: "what I hear you saying is", "what I'm picking up
            # is", "I get the impression that", "let me see if I've got this".
            r"what i (?:'m )?hear(?:ing)? (?:you (?:say(?:ing)? )?|from you )?is that\b|"
            r"what i (?:'m )?hear(?:ing)? you (?:say(?:ing)? )?is\b|"
            r"(?:what )?i 'm (?:picking up|gathering|getting) (?:is|that|on|from (?:you|what you))\b|"
            r"i (?:get|have|got) the (?:impression|sense|feeling) (?:that )?(?:you|your|there|it|this)\b|"
            r"let me (?:make sure|see if|check (?:that|if)) (?:that )?i (?:understand|understood|'ve got|"
            r"have|had|got)\b|if i heard (?:you|that) (?:right|correctly)|"
            r"i (?:also )?heard (?:you say )?that (?:you|your|it)\b|have i got (?:that|this|it)"
            r" right|did i (?:get|understand) (?:that|you) right"
        )
        or (prev is not None and not prev.is_question and sent.has(_REFLECTION_STEM))
        or (
            sent.has(MATTERS_MOST)
            and (not sent.is_question or sent.has(r"you(?: \w+)? (?:is|was) \w+"))
        )
    ):
        rule = "en.restating.reflection_phrase"
    else:
        m = sent.find(
            # An interjection of one or two words may come first: "Oh dear, so…", "Aiyo, so…".
            r"^(?:\W+ )?(?:[a-z]+ (?:[a-z]+ )?, )?"
            r"(?:(?:ok|okay|right|alright|yeah|yes|mm|mhm|hmm|and|oh|ah|ahh|i see|got it|"
            r"gotcha|understood|sure)(?: ,)? )*so (?:,? )?"
        )
        if m is not None:
            # An ASR row runs on: "so a fever since Saturday and tugging at his ear".
            rest = sent.text[m.end() :]
            if re.search(r"\w", rest):
                rest += after
            consequence = _match(
                r"(?:i|we|let|if|what|how|why|when|where|who|which|please|is|are|do|does|did|was|"
                r"were|have|has|will|can|could|would|just|that 's why|the next|in that case|yes|no|"
                r"basically|now|at this|you know|,|uh|um|anyway|then|far|much|many|long|"
                r"you (?:'ll|will|need|have to|must|should|can|could|wo n't))\b",
                rest,
            )
            own = content_words(rest, res.stop)
            # A next step ("so it'll be with you Friday") is a consequence, not a reflection.
            future = _match(r"(?:\S+ ){0,3}(?:'ll|will|can|could|should|need|have to|must)\b", rest)
            statement = prev is not None and not prev.is_question
            # "So you…" with no shared word is still a paraphrase when the customer said
            # something of substance.
            said_something = statement and len(prev_words) >= 3
            pronoun_start = _match(
                r"(?:(?:from|on|for|in) (?:your (?:side|end|point of view)|you|your case) (?:, )?)?"
                r"(?:you|your)\b",
                rest,
            )
            # "So that's really common at the moment": the agent's own knowledge, no reflection.
            normalising = _search(_NORMALISING, rest) or _search(_KNOW_HOW, rest)
            if (
                not consequence
                and not future
                and not normalising
                and statement
                and (
                    own & prev_words
                    or (said_something and pronoun_start)
                    # After "Yeah." or "Mm-hmm." the customer has handed the turn back: "So
                    # you…" sums up what they said before it.
                    or (
                        pronoun_start
                        and _backchannel(prev)
                        and _opens_turn(sent)
                        and not _match(r"you 're (?:right|welcome)\b", rest)
                        and not _search(_GENERIC_YOU, rest)
                    )
                )
            ):
                rule = "en.restating.so_marker"
        elif (
            prev is not None
            and not prev.is_question
            and (len(prev_words) >= 2 or _backchannel(prev))
        ):
            # Not the speaker's own story going on ("and you had to…") or "you" meaning anyone
            # ("you don't have to…", "you never know").
            backchannel = (
                len(prev_words) < 2
                and _opens_turn(sent)
                and not sent.has(r"^(?:\W+ )?(?:and|but|or|because|cause)\b")
                and not _search(_GENERIC_YOU, sent.text)
            )
            own = content_words(sent.text, res.stop)
            shared = own & prev_words
            echo_ack = sent.has(r"(?:,|-) (?:got it|okay|ok|right|noted|understood|i see)(?: \W)?$")
            generic = r"you know|you see|you can|you could|you get|you 've got|you have to|you mean"
            you_paraphrase = (
                not sent.is_question
                and not has_tag(doc, "sympathy", within=sent.span)
                and _search(
                    r"\byou(?:r| 've| 're| were| had| have)?\b", re.sub(generic, "", sent.text)
                )
                and not sent.has(
                    r"\b(?:i|we|me|my|us|our)\b|'ll|will|can|could|should|need|have to|must|would|"
                    r"please|thank|sorry|\bif\b|\bwhen\b|\bonce\b|because|the system|nice|"
                    r"lovely|good talking|^(?:\W+ )?it was\b|"
                    r"^(?:\W+ )?(?:and|but|or|so|because|when|on top)\b"
                )
                and len(shared) >= 2
            )
            you_state = sent.has(
                r"^(?:\W+ )?(?:(?:ok|okay|right|mm|yeah|and|oh) (?:,? )?)*(?:you 're|you are|you were|"
                r"you 've been|you feel|you felt|you want|you wanted|you do n't|you did n't|you sound|"
                r"you seem|you think|you thought|you had|you 've had|you got)\b"
                r"(?! (?:booked|entitled|welcome|all set|covered|eligible|right|correct|through|"
                r"on hold|going to|able|allowed|due))"
            )
            seen = sent.has(r"i can see (?:that )?(?:you|your)\b")
            if (echo_ack or seen) and len(shared) >= 1:
                rule = "en.restating.echo_acknowledgement"
            elif (
                (you_state and (shared or backchannel or sent.has(res.feeling)))
                or you_paraphrase
                or (len(prev_words) >= 3 and sent.has(_YOU_INNER))
            ):
                rule = "en.restating.you_paraphrase"
    if rule is not None:
        add_tag(doc, sent.span, "restating", rule, 0.7)


def stem(word: str) -> str:
    """A crude stem, so "charged" meets "charge" and "readings" meets "reading"."""
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)][:6]
    return word[:6]


def content_words(text: str, stop: frozenset[str]) -> set[str]:
    """Stems of the content words of normalised text (no function words, no short words)."""
    words = (w.strip(".").lstrip("£$€") for w in re.findall(r"[a-z0-9£$€.]+", text))
    return {stem(w) for w in words if w not in stop and len(w) > 2}


COMP_NOUNS = (
    r"(?:full |partial )?(?:refund|replacement|exchange|voucher|credit|compensation|discount|"
    r"goodwill (?:gesture|payment)|gesture of goodwill|reimbursement|rebate|allowance|taxi|"
    r"courtesy car|hire car|loan (?:phone|device)|free (?:month|delivery|upgrade)|payment plan|"
    r"repair|refit|new one|slot|appointment|engineer visit|home visit|callback)"
)
INFO_VERBS = (
    r"(?:send|provide|give|fill|sign|upload|show|prove|bring|email|tell|confirm|pay|get (?:a|an|"
    r"the) (?:crime|police|reference|report|receipt|letter|note|certificate)|"
    r"(?:get|ask|have) (?:\w+ ){1,3}to (?:write|send|sign|provide|confirm|fill|complete|certify|"
    r"email|post|give|stamp)|(?:get|obtain|request) (?:an? |the |your )?(?:\w+ ){0,2}(?:letter|"
    r"certificate|report|receipt|note|reference|statement|form|proof|copy|number)|complete|submit "
    r"(?:the|a|your) (?:form|documents|proof|evidence|receipt)|attach|post|scan|print|wait|read|"
    r"accept|agree|keep|answer|verify|report|register|declare|notify|inform|let us know|"
    r"take (?:a|the|some) (?:\w+ )?(?:reading|photo|picture|screenshot|note))"
)
STAFF = (
    r"(?:(?:an?|the|our|your)(?: own)?(?: in - house)?(?: \w+)? (?:engineer|technician|team|driver|"
    r"plumber|electrician|colleague|specialist|manager|nurse|doctor|handler|adviser|advisor|"
    r"surveyor|fitter|department|courier|contractor|locksmith|glazier|installer|inspector|assessor|"
    r"officer|caseworker|carpenter|roofer|repairer|mechanic|pharmacist|gp|crew|rep|representative)|"
    r"someone|somebody|he|she|they)"
)


def _in_subordinate(sent: Sent, pattern: str) -> bool:
    """Whether every match of ``pattern`` sits in a "once/when/until…" clause (an event, not
    something done: "payments start once the form has been processed")."""
    hits = list(_plain_re(pattern).finditer(sent.text))
    if not hits:
        return False
    for hit in hits:
        clause = _CLAUSE_CUT.split(sent.text[: hit.start()])[-1]
        if not _SUBORDINATOR.search(clause):
            return False
    return True


_CLAUSE_CUT = re.compile(r"[,;.!?]")
_SUBORDINATOR = re.compile(
    r"\b(?:once|when|after|until|till|if|unless|before|as soon as|whether)\b"
)
#: Regexes used as they are (not as whole words), by pattern text.
_PLAIN_RES: dict[str, re.Pattern[str]] = {}


def _plain_re(pattern: str) -> re.Pattern[str]:
    found = _PLAIN_RES.get(pattern)
    if found is None:
        found = regexcache.compile(r"(?:" + pattern + ")")
        _PLAIN_RES[pattern] = found
    return found


def _solution(doc: Doc, sent: Sent, res: Res) -> None:
    """Proposing or carrying out a remedy (rule 6)."""
    r = res.remedy
    found = None
    done = _once(
        res,
        "done",
        lambda: (
            # Flagging or reporting something *to a team* informs them; it is no remedy yet.
            # (ASR text drops the apostrophe: "ive", "weve" are tokenised "i ve", "we ve".)
            rf"\b{WE} (?:'ve|have|ve) {ADV}(?:{res.remedy_past})\b"
            rf"(?!(?:(?<=flagged)|(?<=reported)) (?:\S+ ){{0,4}}?to (?:the|our) )"
            # "we've sent you home with the wrong colour" owns a fault; it is no remedy.
            rf"(?! (?:\S+ ){{0,5}}?wrong\b)|\b{WE} (?:'m|am|'re|are) {ADV}"
            rf"(?:{res.remedy_ing})\b|"
            rf"(?:(?:^|[,.;!] |and |so |now |right |ok |okay |great )(?:it|that|this|they|those|you(?! (?:'ve|have) (?:\w+ )?done)(?! (?:'re|are) (?:all )?"
            rf"(?:set|covered)))|"
            # The remedy as the subject of a passive: "the £10.99 has been refunded", "a
            # replacement's been booked", "it's being sent today" (rule 6).
            rf"\b(?:your|the|a|an|another|both|two|three|\w+ 's) (?:[£$€] )?[\w.,]+"
            rf"(?: (?!(?:it|they|you|we|i|he|she|that|who|which)\b)[\w.,£$€-]+){{0,2}}) "
            rf"(?:'s|is|'re|are|has|have|'ve) (?:now |all |just |been |being |already |also )*"
            rf"(?:{res.remedy_done})\b(?! (?:by|because|when|as|in error|wrong|twice|incorrectly))"
            # "has stopped working", "has dropped into…": a fault, not a fix.
            rf"(?! (?:into|in to|out of|\w+ing)\b)|"
            # Sent out in the future: "that'll go out today", "the card ships tonight".
            rf"(?:\bit|\bthat|\bthey|\bthe \w+|\byour \w+|\bthe new one)"
            rf"(?: 'll| will)? (?:ships|goes out|go out|ship|be (?:sent|dispatched|posted|couriered|"
            rf"refunded|credited|reissued|re - issued|replaced|waived|reversed|refunded)) "
            rf"(?:out |back |over )?(?:today|tonight|tomorrow|first thing|this|in the|by|within|straight)"
        ),
    )
    if sent.has(
        _once(
            res,
            "solution_agent",
            lambda: (
                rf"(?<!before )(?<!once )(?<!until )(?<!after )(?<!so )(?<!if )(?<!then )"
                rf"\b{WE} {WILL} {ADV}(?:{r}|(?:take|write) (?:\S+ ){{1,5}}off|take care of)\b"
                rf"(?! (?:you )?(?:back|on hold|through to))(?! you an? (?:\w+ )?(?:call|ring|bell|shout|update|"
                rf"email|e - mail|text|message|line|note))|"
                rf"\b{WE} {WILL} {ADV}(?:look (?:that|it|this|into)|check with|get (?:it|that|this|them|"
                rf"you|someone|an? \w+) (?:\w+ )?(?:{res.remedy_done}|out|sorted|booked|fixed|over))|"
                rf"\b{WE} {WILL} {ADV}have (?:it|that|this|them|everything) (?:all )?(?:{res.remedy_done}|"
                rf"sorted|fixed|back|made up|ready|dropped off)\b|"
                # The company's own work as a process: "we'll have to order the part before we
                # can fix it", "I'll need to raise a ticket" (rule 6: not demanding, a remedy).
                rf"\b{WE} (?:'ll |will |would |'d )?(?:have to|need to|'ve got to|have got to|must) {ADV}"
                rf"(?:{r}|re - \w+|get (?:\S+ ){{1,3}}(?:out|round|over))\b|"
                # A step that opens the sentence after "then": "Then I'll book an engineer".
                rf"^(?:\W+ )?(?:(?:ok|okay|right|great|so|and|perfect|lovely) (?:, )?)?then (?:, )?{WE} {WILL} {ADV}"
                rf"(?:{r}|have)\b|"
                # A price or a fix offered with "do": "I can do £772", "I can do you a reset".
                rf"\b{WE} (?:can|could|'ll|will|'d) {ADV}do (?:you |it for |that for |them for )?(?:[£$€] |\d|"
                rf"an? (?:\w+ ){{0,3}}(?:{COMP_NOUNS}|reset|deal|price|rate|discount|swap|fix)\b|"
                rf"{DAY}|tomorrow|today|the {ORD})|"
                # Getting the customer seen: "I'd like to get you back in for a remeasure".
                rf"\b{WE} {WILL} {ADV}get you (?:back )?(?:in for|booked in|seen|an appointment)\b|"
                # Getting someone else to do the remedy: "I'll ask them to clear it", "I've asked
                # the depot to relabel it".
                rf"\b{WE} (?:{WILL} |'ve |have )?{ADV}(?:ask|asked|get|got|tell|told) (?:them|him|her|"
                rf"(?:the|our|your|a) \w+|\w+) to {ADV}(?:{r})\b|"
                # Holding something for the customer: "I'll keep your locker held".
                rf"\b{WE} {WILL} {ADV}keep (?:\S+ ){{1,4}}(?:held|open|reserved|on hold|live|active|"
                rf"running|aside)\b|"
                # Self-help with its outcome: "if you restart it, that usually sorts it".
                rf"\bif you (?:\S+ ){{1,14}}?(?:that|it|this|which) (?:'ll |will |should |usually |normally |"
                rf"often |generally |tends to |tend to |might |may |can )+(?:help|helps|sort|sorts|fix|fixes|"
                rf"clear|clears|solve|solves|do the trick|does the trick|work|works)\b|"
                # Causative: "I can have a new one sent out", "we'll have someone come round".
                rf"\b{WE} {WILL} {ADV}have (?:an?|the|your|some|another|our|two|three|both|one)(?: [\w-]+){{0,4}} "
                rf"(?:{res.remedy_past}|delivered|fitted|collected|couriered|posted|dropped off)\b|"
                rf"\b{WE} {WILL} {ADV}have (?:someone|somebody|an? \w+|one of our \w+) (?:come|pop|call round|"
                rf"visit|fix|repair|look at)\b|"
                rf"\b{WE} {WILL} {ADV}get (?:\S+ ){{1,4}}?(?:in the post|in the mail|out to you|off to you|over "
                rf"to you|across to you|couriered|posted)\b|"
                rf"\b(?:another|the other|one other|a second|an alternative|your other) (?:option|alternative|"
                rf"possibility) (?:is|would be|'s)\b|"
                rf"(?<!how )(?<!what )(?<!when )(?<!where )(?<!which )"
                rf"\b(?:would you like|do you want|would you prefer|shall|should|can|could|may) (?:me|us|i|"
                rf"we) (?:to )?{ADV}(?:{r})\b(?! (?:you )?(?:back|on hold|through))|"
                rf"\b(?:how (?:would you feel|do you feel)|what (?:would|do) you (?:think|say)) about (?:us|me|if "
                rf"(?:i|we)|(?:an? |the )?{COMP_NOUNS})\b|"
                rf"\bwe (?:do |also |can |could )?offer (?:you )?(?:an? |the |our )?(?:free |\w+ )?"
                rf"{COMP_NOUNS}|"
                rf"\b(?:{DAY}|tomorrow|today|the (?:\w+ )?(?:one|option|slot|{COMP_NOUNS}))(?: {PART})? it is\b|"
                rf"\blet me {ADV}(?:{r})\b(?! (?:you )?(?:back|on hold|through))|"
                rf"\bwhat (?:i|we) (?:can|'ll|will|'m going to|could) do is|\bhow about (?:if )?(?:i|we|a|an)|"
                rf"\b(?:would it help|what if|how about if|would it be (?:easier|better|simpler|quicker|more "
                rf"convenient|helpful) if) (?:if )?(?:i|we)\b|\b(?:i|we) could (?:also )?\w+|"
                rf"\bone option (?:is|would be)|\bthe (?:best|quickest|easiest) (?:thing|option|way|fix) "
                rf"(?:would be|is)|\bi 'd (?:suggest|recommend)|\byou could (?:try|also)"
            ),
        )
    ) and not sent.has(
        r"\b(?:i|we) could n't|\b(?:i|we) ca n't|\b(?:i|we) could (?:see|tell|hear)|"
        r"you (?:hoping|want|expect|think|like|prefer)\w* (?:\w+ )?(?:i|we) could"
    ):
        found = "en.solution.agent_remedy"
    elif (
        sent.has(
            r"^(?:\W+ )?(?:ok |okay |right |great |perfect )?,? ?(?:all )?(?:done|sorted)(?: now)? "
            r"(?:,|\.|!|that|and)|^(?:\W+ )?(?:that 's|that is|it 's) (?:all )?(?:done|sorted)\b"
        )
        and not sent.is_question
    ) or (
        sent.has(done)
        and not _in_subordinate(sent, done)
        and not sent.has(r"\bwas\b|\bwere\b")
        and not sent.is_question
    ):
        found = "en.solution.remedy_done"
    elif sent.has(
        _once(
            res,
            "solution_staff",
            lambda: (
                rf"\b{STAFF} (?:'ll|will|can|is going to|are going to) {ADV}(?:{r}|come|visit|call round|pop round)\b(?! you)|"
                # Someone gets in touch to set the remedy up: "a contractor will call you to arrange a visit".
                rf"(?:will|'ll|can|is going to|are going to) (?:call|ring|phone|contact|email|text) you (?:\S+ ){{0,6}}?"
                rf"to (?:arrange|book|schedule|organise|organize|fix|sort out|set up) (?:an? |the |your )?"
                rf"(?:visit|appointment|repair|replacement|collection|delivery|installation|inspection|time|date|"
                rf"refund|engineer|fitting|it|that|this|them)"
            ),
        )
    ):
        found = "en.solution.staff_remedy"
    elif sent.has(
        _once(
            res,
            "solution_offer",
            lambda: (
                rf"(?:would you (?:like|prefer|rather)|do you want|would .* (?:work|suit) for you|"
                rf"(?:i|we) (?:'ve|have) got|there 's|i can (?:give|offer))[\w ,'-]*{COMP_NOUNS}|"
                rf"(?:gets?|entitles?|entitled to|qualify for|qualifies for|eligible for) (?:you )?"
                rf"(?:to )?(?:an? )?{COMP_NOUNS}|"
                # Waiving the cost: "the scans are on us", "there'll be no charge for any of it".
                # "That's on us" owns a fault (rule 5); a cost named as on us waives it.
                rf"\b(?:the|your|any|all) (?:\w+ ){{1,2}}(?:is|are|'s|'re|'ll be|will be) (?:all )?on "
                rf"(?:us|the house)\b|\bon the house\b|"
                rf"\bthere (?:'ll|will) be no (?:charge|cost|fee)|\b(?:at|with) no (?:extra |additional )?"
                rf"(?:charge|cost)\b|\bfree of charge\b"
            ),
        )
    ):
        found = "en.solution.offer"
    elif (
        sent.has(
            _once(
                res,
                "solution_self_help",
                lambda: (
                    rf"^(?:\W+ )?(?:(?:ok|okay|right|so|now|first|then|and|just|please|if you|yes|yeah|"
                    rf"great|perfect|lovely|sure|go ahead and|next|for now|in the meantime|meanwhile|for the "
                    rf"moment|(?:in|on) the (?:app|portal|website|site|settings|menu)) (?:,? )?)*"
                    rf"(?:{res.instruction})\b(?! (?:me|us|on|ahead|with me|through|a moment|a sec|care))|"
                    rf"^(?:\W+ )?(?:please )?do n't (?:let|touch|use|go|turn|switch|open|plug|try|pay|sign|"
                    rf"drive|throw|bin|click|reply)|"
                    # "Once I've reset it, lock the screen…": the step follows a time clause.
                    rf"^(?:\W+ )?(?:(?:first thing|first of all|first|in the meantime|meanwhile) (?:, )?)?"
                    rf"(?:once|when|after|as soon as|if) [^.?!]{{3,160}}? , (?:then |just |please )*"
                    rf"(?:{res.instruction})\b(?! (?:me|us|on|ahead|with me|through|a moment|a sec|care))|"
                    # A step after "so just": "…, so just leave both bins out tonight".
                    rf"(?:, |\bso )(?:just |then |please )+(?:{res.instruction})\b"
                    rf"(?! (?:me|us|on|ahead|with me|through|a moment|a sec|care|hold|tight|the line))|"
                    # The step as what the customer can do, however the sentence opens: "what
                    # you can do is slide it back", "one thing you could try is holding…",
                    # "the best thing to do is unplug it", "it's worth taking the battery out".
                    rf"\bwhat you (?:can|could|might|may|should|'ll|will|need to|want to|might want to|"
                    rf"'d want to|'ll want to|have to) (?:\w+ )?do (?:here |now |first |then )?(?:is|,)\b|"
                    rf"\bone (?:thing|option) you (?:can|could|might|may) (?:\w+ )?(?:try|do) (?:is|would be)\b|"
                    rf"\bthe (?:best|quickest|easiest|first|simplest) (?:thing|step)(?: to do| you can do)? "
                    rf"(?:here |for now )?(?:is|would be) (?:to )?(?:just )?(?:{res.instruction})\b|"
                    rf"\b(?:it 's|it is|it might be|it may be|it would be|it 'd be|it could be|might be|"
                    rf"would be) (?:\w+ )?worth (?!(?:knowing|noting|mentioning|remembering|saying|"
                    rf"bearing|pointing|asking|having|keeping|a|the|it|every)\b)\w+ing\b"
                ),
            )
        )
        and not sent.is_question
        and not sent.has(r"^(?:\W+ )?(?:give me|bear|hang on|hold on)|get some (?:rest|sleep)")
    ):
        found = "en.solution.self_help_step"
    elif sent.has(
        r"you can (?:\w+ ){1,5}(?:online|on (?:our|the) (?:website|site|app|portal)|in the app|"
        r"through the app|via the app|at any \w+)|(?:it|that|the form|the details) (?:'s|is|are) "
        r"(?:on|in) (?:our|the) (?:website|app|portal)"
    ) and not sent.has(r"you can (?:always )?(?:call|ring|contact|phone)"):
        found = "en.solution.point_to_place"
    elif sent.has(_PROCESS_REMEDY) and not sent.is_question:
        found = "en.solution.process"
    elif (sent.has(_WHAT_HELPS) or sent.has(_STEP_AND_OUTCOME)) and not sent.is_question:
        found = "en.solution.self_help_step"
    if found is not None:
        add_tag(doc, sent.span, "solution", found, 0.7)


#: Self-help put as what works, however long the turn runs on: "what usually helps with that
#: is unplugging it for a minute", "the trick is to…", "the best thing to do is…".
_WHAT_HELPS = (
    r"what (?:usually |often |normally |generally |tends to |always |really |sometimes )?"
    r"(?:helps|help|works|work|fixes (?:it|that|this)|sorts (?:it|that|this) out|does the trick)"
    r"(?: (?:with|for) (?:that|this|it|most people|a lot of people|most customers))?(?: ,)? (?:is|,)\b|"
    r"the (?:trick|fix|cure|best thing(?: to do)?|quickest (?:fix|way)|easiest (?:fix|way)) "
    r"(?:here |for that |for this )?(?:is|would be) (?:usually |normally |just |often )?"
    r"(?:to|that you|if you|\w+ing)\b"
)


#: Remedies a passive or a process delivers (AMB:passive-solution, AMB:process-solution).
_PASSIVE_REMEDY = (
    r"(?:refunded|credited|backdated|back - dated|reimbursed|waived|reversed|written off|reinstated|"
    r"replaced|reissued|re - issued|resubmitted|re - submitted|dispatched|reconnected|restored|"
    r"repaired|released|settled|adjusted|corrected|remade|rebooked|refitted|recalculated|"
    r"reprocessed|topped up|paid back|paid out|refunded back)"
)
#: The remedy as a process or in the passive, with no agent "I/we": "the difference gets
#: refunded through your pay", "it's being dispatched from the depot", "it comes off your
#: statement as a credit", "you're entitled to a standards payment", "that's resubmitted now".
_PROCESS_REMEDY = (
    rf"(?:gets?|getting|will get|'ll get|should get) (?:\w+ )?{_PASSIVE_REMEDY}\b|"
    rf"(?:is|'s|are|'re) (?:now |already |currently )?being (?:{_PASSIVE_REMEDY}|sent|posted|"
    rf"couriered|processed|prepared|made|rebuilt)\b|"
    rf"(?:'ll|will) (?!not )(?:\w+ )?(?:then |automatically |also )?be (?:automatically )?"
    rf"{_PASSIVE_REMEDY}\b|"
    # A part or a visit on its way, in the passive: "a new tile will be ordered in and fitted",
    # "a fitter will be sent out on Monday".
    r"\b(?:a|an|the|your) (?:new|replacement|spare) \w+ (?:'ll|will) be (?:ordered in|sent out|"
    r"fitted|booked in)\b|\b(?:a|an|the|our) (?:\w+ )?(?:engineer|technician|fitter|plumber|"
    r"electrician|repairer) (?:'ll|will) be (?:sent out|sent round|booked in)\b|"
    r"comes? (?:straight |back )?off your (?:\w+ )?(?:bill|statement|invoice|balance|account)\b|"
    # "That fee will be taken off your account today", "it's been knocked off the bill".
    r"(?:be|been|being) (?:\w+ )?(?:taken|knocked|written|wiped) off (?:your|the) (?:\w+ )?"
    r"(?:bill|statement|invoice|balance|account)\b|"
    # A charge waived: "we waive the call-out fee for pensioners". (Money on its way back,
    # "it'll show on your card in three days", stays an expectation: tests/pipeline/
    # test_rules_en.py.)
    r"\b(?:we|i) (?:'ll |will |can |'re |are |do |always |also )*(?:waive|waiving) (?:the|your|that|this)\b|"
    r"(?:as|in) a (?:credit|refund)(?: note)? (?:on|to|against|off) your\b|"
    r"entitled to (?:an? |the |your )?(?:\w+ ){0,3}(?:payment|refund|compensation|credit|rebate|"
    r"reimbursement|replacement|repair|remake|goodwill)\b|"
    rf"(?:^(?:\W+ )?|, |\b(?:and|so|right|okay|ok) )(?:that 's|it 's|that has|it has|that is|this is) "
    rf"(?:now |all |just )?(?:gone through|been (?:{_PASSIVE_REMEDY}|processed|actioned)|"
    rf"(?!cancelled){_PASSIVE_REMEDY}(?= now| for you| ,| \.|$))(?! twice| again| already)"
)
# A troubleshooting question ("have you tried restarting it?") stays closed_question only:
# tests/pipeline/test_rules_en.py holds that convention, though the wild sets'
# AMB:troubleshoot-question-solution reads it as a solution too.

_OPTIONS = re.compile(r"(?:, |\w )or (?!so\b|not\b|anything\b|something\b|whatever\b|two\b)\w")


def _options_offered(doc: Doc, sent: Sent) -> bool:
    """Whether the question lists options after its head, or the utterance laid out
    alternatives before it ("I can do X, or Y. What suits you?")."""
    if _OPTIONS.search(sent.text, 8):
        return True
    before = doc_text(doc)[: sent.span.start_char].lower()
    return bool(before) and bool(_OPTIONS.search(before))


#: Collaboration questions that need no "?" to be questions (ASR rows).
_ASR_COLLABORATION = (
    r"how (?:would|do) you feel about (?:me|us|(?:\w+ )?\w+ing|(?:an?|the) \w+)|"
    r"how much (?:do you (?:think|reckon)|would you say)(?: you)? (?:could|can|'d be able to) "
    r"(?:manage|afford|pay|put)|(?:would|will) (?:that|this|it) (?:work|suit|help)(?: for you)? or "
    r"(?:would|will|do|shall)\b"
)
_ASR_COLLABORATION_RE = r"(?<![\w'])(?:" + _ASR_COLLABORATION.replace(" '", "'") + r")(?![\w])"


def _collaboration(doc: Doc, sent: Sent, res: Res) -> None:
    """Inviting the customer to shape the remedy (rules 1 and 7)."""
    design = (
        r"(?:what|how|when|which|where)(?: \w+){0,4} would (?:\w+ )?(?:suit|work|be (?:best|fair|"
        r"reasonable|easiest|ideal|good|right)|feel|you (?:like|prefer|want|need|rather|say|"
        r"suggest)|make (?:it|this|things)|look like|help)"
        r"|what (?:do|would) you (?:think|feel) (?:would|is) (?:fair|reasonable|best|right)"
        r"|(?:what|how) (?:do )?you (?:'d )?(?:like|want|prefer) (?:us|me) to"
        r"|what (?:would|does) (?:a good|the best|an ideal|a fair) (?:result|outcome|solution)"
        r"|(?:when|what time|which day) (?:suits|works) (?:you|best)"
        r"|(?:works?|suits?) (?:better |best )?for you|suits? you (?:better|best)"
        r"|what (?:were|are) you hoping (?:for|we|i|to)|what (?:do|did) you (?:want|expect) (?:us|me) to"
        r"|(?:what|how)(?: \w+){0,4} would (?:you )?(?:see|consider|class|count|regard|think of|find) "
        r"(?:as |to be )?(?:an? )?(?:fair|reasonable|acceptable|right|best|good|helpful)"
        r"|what(?: \w+){0,3} would be (?:the )?(?:most |more )?(?:helpful|useful)"
        # "What would make the next few days easier for you?", "what would make you feel…"
        r"|what would make (?:you feel|(?:\w+ ){0,4}(?:easier|better|manageable|work|right|okay|"
        r"ok|bearable|simpler))"
        # "What matters most to you?", "which sounds better to you?"
        r"|(?:what|which)(?: \w+){0,2} (?:matters|is important|'s important) (?:most |more )?to you"
        r"|(?:what|which)(?: \w+){0,3} (?:sounds|seems|feels|would be) (?:better|best|easier|"
        r"simpler|quicker|more convenient)"
        r"|what (?:did|do) you have in mind|(?:what|which)(?: \w+){0,2} (?:suits|works for) you\b"
        r"|what (?:do|would) you (?:think|feel|say) (?:about|to) (?:us|me|if (?:i|we)|"
        r"(?:an? |the )?\w+ing)\b"
        r"|what do you think (?:you 'd|you would|would) (?:need|want|like|prefer|be fair|work)"
        # Round 4: "which is handiest for you", "which of those feels more manageable",
        # "which would fit better around your job", "what else would make tonight easier",
        # "how would you feel about me pausing it", "how much could you manage to pay".
        r"|(?:what|which)(?: \w+){0,3} (?:is|'s|sounds|seems|feels|would (?:be|fit|suit|work)) "
        r"(?:\w+ )?(?:better|best|easier|easiest|handiest|handier|simpler|quicker|more \w+|most \w+)"
        r"(?: (?:for|to) you| around\b|(?<=manageable)|(?<=convenient))"
        r"|what (?:else |more )?(?:would|could) (?:make|help)\b|what else (?:can|could) (?:i|we) do"
        r"|how (?:would|do) you feel about (?:me|us|(?:\w+ )?\w+ing|(?:an?|the|a few) \w+)"
        r"|how much (?:do you (?:think|reckon)|would you say|could you|can you)(?: you)?(?: could| can|"
        r" 'd be able to)? (?:manage|afford|pay|put)"
    )
    unasked = (
        r"which (?:option|one|day|time|date) you 'd (?:prefer|like)|let me know (?:which|what|when) "
        r"(?:suits|works|you 'd prefer|you 'd like)|whichever (?:suits|works|you prefer)"
    )
    check = (
        r"(?:how (?:does|do|'s) (?:that|this) (?:sound|seem|feel)|what do you (?:think|reckon|say)"
        r"(?: (?:of|about|to) (?:that|this))?|how (?:'s|is) (?:that|this)|how about (?:that|this)|"
        r"how (?:does|do|would|will|'s) (?:that|this) work for you|how would (?:that|this) (?:be|work|suit|feel)|"
        r"how do you feel about (?:that|this)|how (?:does|do|would|will) (?:that|this) (?:sit|land|"
        r"go down) with you)(?: for you)?(?: ?\?|$)"
    )
    choice = (
        r"(?:would you (?:like|prefer|rather|want)|do you (?:want|prefer)|should (?:we|i)|shall (?:we|i)|"
        r"(?:would|will) (?:that|this|it) (?:work|suit|help)(?: for you)? or (?:would|will|do|shall)|"
        r"would (?:an?|the) .* (?:work|suit) for you|you 'd (?:like|prefer|rather))"
    )
    # A choice between remedies, or a preference that shapes one, is a solution too (rule 1).
    remedy_choice = sent.has(
        _once(res, "remedy_choice", lambda: rf"(?:{res.remedy}|delivered|collected|{COMP_NOUNS})\b")
    ) and not sent.has(r"\b(?:you|to) pay\b|pay (?:by|with|in)")
    if sent.has(check):
        # A wh-check on a proposal already made is collaboration only (rule 7).
        remove_tags(doc, OPEN, within=sent.span)
        remove_tags(doc, CLOSED, within=sent.span)
        add_tag(doc, sent.span, "collaboration", "en.collaboration.check_proposal", 0.8)
    elif (
        not is_punctuated(doc)
        and sent.span.start == 0
        and (m := _search(_ASR_COLLABORATION_RE, doc_text(doc).lower())) is not None
    ):
        # ASR rows carry no "?" and their sentence cuts are guesses: look at the whole row,
        # but only for heads that cannot open a statement.
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        add_tag(doc, span or sent.span, "collaboration", "en.collaboration.design_outcome", 0.7)
    elif sent.has(unasked) and not sent.is_question:
        add_tag(doc, sent.span, "collaboration", "en.collaboration.design_outcome", 0.7)
    elif (
        sent.has(design)
        and (sent.is_question or sent.has(r"wondering|curious"))
        # "would that work for you" checks a proposal: closed, not collaboration (rule 1).
        and not sent.has(
            r"(?:would|will|does|can) (?:that|this|it) (?:work|suit)(?: (?:for )?you)?(?: \W)*$"
        )
    ):
        add_tag(doc, sent.span, "collaboration", "en.collaboration.design_outcome", 0.8)
        # Options laid out ("…, or we could…", "a letter or a call?") make it a choice.
        if sent.has(r"^(?:\W+ )?(?:\w+ )?(?:when|which|where|what time|what day)") or (
            sent.has(r"(?:^|, )(?:\W+ )?(?:\w+ (?:, )?)?(?:what|how)\b(?!.* do you think)")
            and _options_offered(doc, sent)
        ):
            remove_tags(doc, OPEN, within=sent.span)
            add_tag(doc, sent.span, CLOSED, "en.closed_question.choice", 0.7)
            if remedy_choice:
                add_tag(doc, sent.span, "solution", "en.solution.choice", 0.65)
        else:
            # "What sort of outcome would…": a kind of outcome is not one fact.
            kind_of = sent.has(r"^(?:\W+ )?(?:\w+ )?what (?:sort|kind|type)s? of")
            for span in tags_within(sent.span, CLOSED):
                if kind_of and span.id_ == "en.closed_question.wh_one_fact":
                    remove_tags(doc, CLOSED, within=span)
            if not has_tag(doc, CLOSED, within=sent.span):
                add_tag(doc, sent.span, OPEN, "en.open_question.wh_open", 0.75)
    elif (
        sent.is_question
        and sent.has(choice)
        and (sent.has(r"\bor\b") or sent.has(r"prefer|rather|you 'd like (?:us|me) to"))
    ):
        add_tag(doc, sent.span, "collaboration", "en.collaboration.choice", 0.75)
        remove_tags(doc, OPEN, within=sent.span)
        add_tag(doc, sent.span, CLOSED, "en.closed_question.choice", 0.75)
        if remedy_choice:
            add_tag(doc, sent.span, "solution", "en.solution.choice", 0.65)


_IF_CLAUSE = re.compile(r"\bif\b[^,;]*")
_TIME_ANCHOR = re.compile(rf"(?<![\w'])(?:{TIME_ANCHOR})(?![\w])")
_FUTURE = re.compile(rf"(?<![\w'])(?:{FUTURE})(?![\w])")


def _expectation(doc: Doc, sent: Sent) -> None:
    """What happens next and when (rule 8): a next step and a time anchor in one sentence."""
    if sent.is_question:
        return
    # A time inside a condition ("if it hasn't helped in 30 days") is not when anything happens.
    text = _IF_CLAUSE.sub("", sent.text)
    anchor = _TIME_ANCHOR.search(text)
    if anchor is None:
        return
    # A span ("within two hours") is forward-looking by itself unless the sentence is past.
    span_only = _match(r"within|in |up to", anchor.group(0)) and not _search(
        r"\b(?:was|were|did|had|last|ago)\b", text
    )
    contact = has_tag(doc, "follow_up", within=sent.span)
    # An offer the customer has not accepted yet ("we can book…, about three weeks out") does
    # not say what will happen (AMB:offered-time-not-expectation).
    if (
        not contact
        and _search(r"\b(?:i|we) (?:can|could) ", text)
        and not _search(r"\b(?:i|we) (?:'ll|will|'m going to|'ve)\b", text)
    ):
        return
    if _FUTURE.search(text) is None and not span_only and not contact:
        return
    # A deadline on the customer, opening hours, or when terms change is not a next step.
    if sent.has(
        r"you (?:'ll|will)? ?(?:have to|need to|must|'ve got to)|deadline|last day|open(?:ing)? "
        r"(?:hours|from|until|till)|we 're (?:open|closed)|(?:price|tariff|terms|rate|fee|contract|"
        r"policy|offer|promotion)s? (?:\w+ )?(?:will )?(?:start|begin|change|go up|rise|increase|"
        r"expire|end|renew|take effect|apply)|if you (?:leave|cancel|switch)|before you"
    ):
        return
    add_tag(doc, sent.span, "expectation", "en.expectation.next_step_time", 0.7)


_CONTACT = (
    r"(?:call|ring|phone|email|e - mail|text|contact|write to|get back to|come back to|update|"
    r"follow up with|check in with|be in touch with|get in touch with|touch base with) you|"
    r"(?:be|get) (?:back )?in touch|let you know|keep you (?:updated|posted|informed)|"
    r"drop you (?:a|an) |give you (?:a|an) (?:\w+ )?(?:ring|call|bell|update|shout|buzz)|(?:call|ring|phone) you back"
)
_FOLLOW_UP_CONTACT = (
    rf"(?:^|\b)([\w' -]{{0,40}}?)(?: ,)? (?:'ll|will|can|'m going to|is going to|are going to|"
    rf"'re going to|shall|'d) (?:[\w '-]{{0,60}} and )?(?:\w+ ){{0,3}}?(?:{_CONTACT})"
)


def _follow_up(doc: Doc, sent: Sent) -> None:
    """We will contact the customer again (rule 9); customers calling back do not count."""
    hear = sent.find(
        r"you (?:'ll|will|should) (?:\w+ )?(?:hear|get a call|get a call back) (?:back )?from (?:us|me|"
        r"our \w+|my colleague|the team)\b"
    )
    if hear is None:
        # An in-house team's usual practice: "the review team normally comes back to you".
        hear = sent.find(
            r"\b(?:our|the|your) (?:\w+ )?(?:team|department|colleagues?|advisers?|advisors?|"
            r"officers?|handlers?|specialists?|nurses?|doctors?|managers?|case ?workers?) "
            r"(?:normally |usually |typically |generally |then |always )?(?:comes? back to|gets? back "
            r"to|calls?|rings?|phones?|emails?|contacts?|writes? to) you\b"
        )
    if hear is not None:
        add_tag(doc, sent.span, "follow_up", "en.follow_up.contact_again", 0.75)
        return
    m = sent.find(_FOLLOW_UP_CONTACT)
    if m is None:
        # A personal message to check on the outcome is ours, not an automatic one.
        m = sent.find(
            r"\b(?:i|we) (?:'ll|will) (?:\w+ ){0,2}(?:send|drop) you (?:a|an) (?:\w+ )?(?:text|"
            r"email|message|line)\b(?=.*\b(?:myself|personally|to (?:check|see|make sure|confirm)))"
        )
        if m is not None:
            add_tag(doc, sent.span, "follow_up", "en.follow_up.contact_again", 0.7)
        return
    subject = m.group(1).split(" , ")[-1].split(" and ")[-1]
    # An outside firm or an automatic message is not our follow-up (AMB:third-party-sms-not-fu).
    if _search(
        r"\b(?:you|firm|company|contractor|installer|courier|supplier|partner|third party|agency|"
        r"system|app|confirmation|text|email|sms|letter|it)\s*$",
        subject,
    ) or _search(r"\b(?:firm|company|contractor|agency|third party|that we use|we use)\b", subject):
        return
    add_tag(doc, sent.span, "follow_up", "en.follow_up.contact_again", 0.8)


_INFO_STEP = re.compile(rf"\s*(?:(?:just|first|also|then) )?{INFO_VERBS}\b")


def _demanding(doc: Doc, sent: Sent, res: Res) -> None:
    """An obligation put on the customer (rule 6); questions and conditionals are not."""
    m = sent.find(
        r"(?<!if )(?<!unless )(?<!when )(?<!whether )(?<!mean )(?<!means )you (?:'ll |will |would )?"
        r"(?:just |also |still |then |first )?(?:have to|need to|"
        r"'ve got to|have got to|got to|'ve got ta|got ta)(?! (?:be kidding|be joking|say|admit|laugh|love|wonder|"
        r"feel|hand it))|(?<!if )you must (?!be |have been |feel |'ve been |have had )|"
        r"you (?:'re|are) (?:required|obliged|expected) to|(?:it 's|that 's) (?:up to|for) you to"
    )
    if m is None or sent.is_question:
        return
    add_tag(doc, sent.span_of(m), "demanding", "en.demanding.obligation", 0.8)
    rest = sent.text[m.end() :]
    # A blunt redirect sends the customer off to get it fixed: demanding + solution.
    if not _INFO_STEP.match(rest):
        add_tag(doc, sent.span, "solution", "en.solution.blunt_redirect", 0.65)


def _blaming(doc: Doc, sent: Sent, res: Res) -> None:
    """Shifting fault onto another party or onto the customer (not the neutral naming of one)."""
    shift = _once(
        res,
        "shift",
        lambda: (
            rf"not (?:ours|us|our (?:fault|problem|mistake|responsibility|network|system|end|side|"
            rf"doing|issue))|(?:that 's|it 's|that is|it is) (?:on|down to) (?:them|you)|"
            rf"(?:their|your (?:own )?|the \w+ 's|\w+ 's) (?:fault|mistake|error|responsibility|"
            rf"problem|mess|lookout)(?! (?:, )?(?:not|and not) (?:yours|the customer))|(?:their|your own) doing|"
            # Fault put down to another party's act: "that's down to the surgery nominating the
            # wrong branch", "it's them trying it on", ", not from us".
            rf"(?:that 's|it 's|that is|it is|that was|it was) (?:all |partly |mostly )?down to (?:the|your|"
            rf"their) \w+(?: \w+)? (?:\w+ing|not)\b|(?:that 's|it 's) (?:them|the \w+) (?:trying it on|"
            rf"being (?:difficult|awkward|slow|lazy|careless))|, not (?:from|with|by|at) us\b|"
            # Another party's act that went wrong: "the depot loaded the van in the wrong order",
            # "they've been letting us down", "X have messed this up".
            rf"\b(?:they|the \w+|{res.target}) (?:\w+ed|put|sent|gave|took|made|set|wrote|picked|built|"
            rf"fitted) (?:\S+ ){{0,5}}?(?:the|in the|to the|at the|a) wrong\b|"
            rf"\b(?:they|the \w+|their \w+|{res.target})(?: \w+)? (?:keep |keeps |kept |are |is |'re |'s |"
            rf"have been |'ve been )?(?:always )?(?:letting|let) (?:us|you|everyone|customers) down|"
            rf"\b(?!(?:we|i)\b)\w+ (?:have|has|'ve|'s) (?:really |completely |totally |badly )?(?:messed|"
            rf"screwed|mucked|cocked) (?:\w+ )?up|"
            rf"\b(?:they|the \w+|{res.target}) (?:'ve not|have not|have n't|has n't|'s not) been "
            rf"(?:\w+ )?(?:sending|doing|turning up|showing up|paying|fixing|answering|keeping)\b|"
            rf"(?:we|i) (?:keep|kept) having to (?:chase|remind|push|nag)|"
            rf", which (?:is|was) (?:just )?(?:rubbish|nonsense|ridiculous|a joke|not on|unacceptable)|"
            rf"\b(?:they|the \w+|{res.target})(?: \w+)? (?:'ve been |have been |are |'re |were |was )?"
            rf"(?:always |never |obviously |clearly )?(?:{res.fault}|(?:keeps? |kept )?(?:get|gets|getting|"
            rf"got) (?:\w+ ){{0,3}}wrong|keeps? (?:losing|forgetting|breaking|missing|ignoring|messing))"
            rf"|(?:'s|is|are|'re|was) (?:on|at|down to) (?:their|the \w+ 's|\w+ 's) (?:side|end)"
            rf"|\b(?:they|the \w+|{res.target})(?: \w+)? (?:is|are|'s|'re|have been|has been|were|was) "
            rf"(?:\w+ )?(?:a nightmare|useless|hopeless|rubbish|unreliable|incompetent|a joke|to blame|"
            rf"always late|the problem|at fault|responsible for (?:the|this|that) (?:delay|mess|problem))"
            # Another party "should have…": "your vet should have flagged it", "the school should
            # never have accepted it".
            # "your installer from Tuesday should have tested it…, which he didn't".
            rf"|\b(?:your|the) \w+ (?:\S+ ){{1,5}}?should (?:have|'ve) \w+ed\b"
            rf"(?=.*\b(?:did n't|did not|was n't|were n't|never did)\b)"
            rf"|\b(?:they|the \w+|your \w+|{res.target}|whoever(?: \S+){{1,5}}?) (?:really |clearly )?"
            rf"should (?:never |n't |not )?"
            rf"(?:have|'ve) (?:\w+ed|known|told|done|sent|given|caught|spotted|said|made|taken)\b"
        ),
    )
    customer = (
        r"you (?:really |honestly |probably |just )?should (?:have|'ve) (?:(?:just|really|already|at least) )?"
        r"(?!received|been (?:sent|given|told|offered|contacted|emailed|notified|informed))"
        r"(?:\w+ed|known|told|read|rung|kept|paid|made|brought|left|put|done|gone|taken|set|sent|got|"
        r"chosen|bought|given|had (?!(?:\w+ )?(?:letter|email|text|call|message|notice|notification|refund|reply|"
        r"response|update|confirmation|card|bill|statement)s?\b)(?:it|"
        r"that|them|this|a|an|the) )|because you (?:\w+ )?(?:kept|typed|entered|did n't|forgot|gave|"
        r"used|ignored|missed|failed|put|chose|clicked)|you (?:kept|forgot to|failed to) |"
        r"your own fault|you (?:checked in|booked(?: it)?|called|rang|ordered|paid|applied|submitted"
        r"(?: it)?|arrived|registered|reported (?:it|this|that)|sent (?:it|this|that|them)|posted "
        r"(?:it|this|that|them)|renewed|cancelled|left it|got there|told us|let us know|contacted us)"
        r" (?:quite |very |too |rather |a bit |a little |really |so |much )?(?:late|after the deadline)|"
        # The customer's own slip: "you typed X instead of Y", "you could have booked earlier",
        # "you must have missed it".
        r"you (?:typed|entered|put|wrote|gave|selected|picked|chose|clicked|used|booked|ordered|sent) "
        r"(?:\S+ ){1,5}?(?:instead of|rather than)|you (?:typed|entered|put in|put down|gave us|wrote|"
        r"selected|picked|booked|ordered|spelt|spelled) (?:\S+ ){0,4}?(?:wrong|incorrectly)\b|you could (?:have|'ve) (?:\S+ ){1,6}?"
        r"(?:earlier|sooner|first|beforehand|in advance|in time|instead)\b|you (?:must|might|may) (?:have|"
        r"'ve) (?:missed|forgotten|deleted|thrown|typed|entered|misread|overlooked|ignored|skipped)|"
        r"(?:that 's|it 's) (?:down to|on) you|if you (?:had|'d) (?:\w+ )?(?:read|"
        r"checked|called|told|looked|cancelled|followed|paid|noticed|listened)"
    )
    if sent.has(
        r"not (?:your|their) fault|was n't your fault|(?:no one|nobody|(?:nae|not) anybody|not anyone) "
        r"'s fault"
    ):
        return
    # A soft blame is a statement; an ASR row's wh-clause ("which is why") may type it as a
    # question, so only a "?" rules it out.
    if (sent.has(customer) and not sent.is_question) or (
        "?" not in sent.text and sent.has(_SOFT_BLAME_CUSTOMER)
    ):
        add_tag(doc, sent.span, "blaming", "en.blaming.blame_customer", 0.75)
    elif (sent.has(shift) or sent.has(_once(res, "shift_more", lambda: _shift_more(res)))) and not (
        sent.has(OWNED) or sent.has(_NOT_A_PARTY)
    ):
        add_tag(doc, sent.span, "blaming", "en.blaming.shift_fault", 0.7)


#: The customer's fault by implication (AMB:soft-blame-customer): a past counterfactual
#: ("you'd have needed to get it stamped"), the customer's own paperwork left incomplete ("the
#: box was left blank", "the consent form wasn't notarised", "which you signed"), or someone
#: on the customer's side who did it. A form merely "not filled in properly" stays a
#: passive fault (AMB:passive-fault-not-blame); a formality the customer had to arrange
#: (notarised, witnessed, declared) does not.
_SOFT_BLAME_CUSTOMER = (
    r"you (?:would|'d) (?:have|'ve) (?:needed|had) to\b|"
    r"(?:,|which|that) you (?:signed|initialled|ticked|agreed to|accepted|signed off)(?: (?:for|off))?"
    r"(?: it| that| them)?(?: \W)*$|"
    r"(?:someone|somebody|one of your (?:\w+ )?(?:staff|team|colleagues|admins|people)|whoever) "
    r"(?:\S+ ){0,3}?(?:on|at) your (?:side|end)\b|"
    r"(?:was|were) left (?:blank|empty|unsigned|unticked|unchecked|incomplete)\b|"
    r"(?:was|were) (?:answered|ticked|filled in|filled out|completed) (?:as )?(?:no|wrong|wrongly|"
    r"incorrectly)\b|"
    r"\b(?:form|forms|consent|box|field|declaration|application|paperwork|document|documents|"
    r"screening|questionnaire|section|mandate|signature)(?: \S+){0,5}? (?:was|were|had|has|have|is|"
    r"are) ?(?:n't|not|never) (?:been )?(?:notari[sz]ed|witnessed|stamped|declared|countersigned)\b|"
    r"\bundeclared\b|(?:is|was|were|are) n't declared|"
    r"your (?:\w+ ){1,3}(?:has|have) (?:n't|not) been (?:updated|renewed|submitted|returned|signed)\b|"
    # The customer's own agreement invoked: "that's in the terms you agreed to", "you accepted
    # that when you used the drop box".
    r"(?:'s|is|was|are|'re) (?:all |clearly |right there )?(?:in|under|part of) (?:the|our) "
    r"(?:terms|conditions|t & cs|t&cs|agreement|contract|policy)"
    r"(?: and conditions)? (?:that )?you (?:agreed to|accepted|signed)\b|"
    r"you (?:accepted|agreed to) (?:that|this|it|those|these|the \w+) (?:\S+ ){0,3}?when you\b|"
    r"you (?:accepted|agreed to) (?:that|this|it|those|these)(?: \W)*$|"
    # Damage put down to the customer's own act or time: "weak from when you dropped it",
    # "that's damage during your rental".
    r"(?:from|since|after) (?:when )?you (?:dropped|knocked|spilled|bent|cracked|sat on|"
    r"overloaded|overfilled|stood on|banged)\b|"
    r"(?:that 's|it 's|this is|that is|it is|that was|it was) (?:\w+ )?"
    r"(?:damage|damaged|scratch|scratched|dent|dented|stain|stained)(?: \S+){0,3}? (?:during|in) "
    r"your (?:rental|hire|stay|tenancy|booking|loan|ownership|care)\b"
)

#: Words that make an apparent third-party fault a neutral remark: equipment waiting on a
#: supply ("the concentrator's useless until the power is back"), a conditional.
_NOT_A_PARTY = r"useless (?:until|without)|if (?:the )?(?:delay|problem|fault) (?:turns out|is)"


def _shift_more(res: Res) -> str:
    """Fault put on a third party or on "the system" without a fault word (round 4 kinds)."""
    party = rf"(?:they|them|their \w+|the \w+(?: 's \w+)?|your \w+ 's \w+|{res.target})"
    return (
        # "that's between you and the network", "they're the ones who" ("take it up with them"
        # alone only redirects: demanding, not blaming).
        rf"(?:that 's|it 's|that is|it is) (?:\w+ )?between you and\b"
        rf"|(?:they|{party}) (?:are|'re|were) the ones (?:who|that)\b"
        # "that's the contractor's matching, not you"
        rf"|\w+ 's (?:\w+ ){{0,2}}?\w+(?: ,)? (?:and )?not (?:you|yours|your fault|anything you did)\b"
        # "the problem is with your landlord's bank", "the hold-up is at their end"
        rf"|(?:problem|issue|fault|delay|hold - up|holdup|blockage) (?:is|was|'s|lies|sits) (?:with|at|on) "
        rf"(?:their|your \w+ 's|the \w+ 's|\w+ 's)\b"
        rf"|(?:that 's|it 's|that is|it is) (?:really |really for |for )?(?:theirs|them) to "
        rf"(?:sort|fix|resolve|chase|deal with|answer for|put right)\b"
        rf"|notoriously (?:slow|bad|difficult|unreliable|awkward)|(?:they 're|they are|{party} (?:is|are|'s|"
        rf"'re)) (?:terrible|awful|hopeless|useless|notorious|dreadful|shocking) (?:for|at|with)\b"
        rf"|(?:they|{party}) (?:'ve|have|has|'s|had|'d) (?:\w+ )?made (?:a|an) (?:mistake|error|mess|"
        rf"hash|blunder)|made (?:a|an) (?:mistake|error) there\b"
        rf"|(?:i 'd|i would|we 'd|we would) have expected (?:better|more) (?:from|of) (?:them|the|their)"
        rf"|(?:by|from) (?:your|their|the) (?:\w+ ){{1,2}}(?:which|who|and) (?:\S+ ){{0,3}}?should "
        rf"(?:n't|not|never) (?:have|'ve) been\b"
        rf"|(?:they|their \w+|{res.target}) (?:have|has|'ve|'s) (?:\w+ )?(?:cut|damaged|broken|dug up|"
        rf"lost|misplaced|mislaid|mixed up) (?:our|the|your)\b"
        rf"|(?:they|their \w+) (?:have not|have n't|has n't|has not|did n't|did not) (?:yet )?(?:put|"
        rf"credited|paid|passed|applied) (?:it|the money|the funds|the payment|them) (?:in|into|on|to)\b"
        rf"|(?:your|their|the) (?:\w+ ){{0,2}}(?:\w+ 's )?(?:office|surgery|doctor|gp|employer|"
        rf"provider|agent|bank|landlord|installer|broker|adviser|advisor|solicitor|school) "
        rf"(?:would|'d) (?:have|'ve) (?:needed|had) to\b"
        # Deflecting to the system (AMB:deflect-to-system).
        rf"|(?:that 's|it 's|that is|it is) (?:just |simply )?(?:how|what) the system (?:works|does|is "
        rf"set up)|the system (?:just )?(?:does|did) (?:that|it|this) (?:automatically|on its own)"
    )


#: Inflection left after a listed term in a longer token ("chargebacks", "porting's").
TERM_SUFFIX = re.compile(r"^(?:s|es|ed|d|ing|'s|s')?$")
#: A named outside company ("contracted out to NSL"), an SMS keyword ("text STOP to 2020").
NOT_A_CODE = re.compile(
    r"(?:(?:contracted|outsourced|subcontracted) (?:out )?to|(?:run|operated|owned|managed|provided|"
    r"supplied|handled) by|(?:text|reply|send|type) ?)$"
)
CLAUSE_REF = re.compile(
    r"\b(?:exclusion|clause|endorsement|condition|schedule|annex|article) \d+(?:\.\d+)*[a-z]?\b",
    re.IGNORECASE,
)


#: How far back NOT_A_CODE can reach; its longest phrase ("subcontracted out to") is 20.
LOOKBACK_CHARS = 64


def _text_before(text: str, end: int) -> str:
    """The lower-cased text just before ``end``, trailing space dropped, as far back as
    NOT_A_CODE can reach (the whole prefix, read once per code, made long text quadratic)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[max(0, end - LOOKBACK_CHARS) : end].lower()


def _jargon(doc: Doc, res: Res) -> None:
    """Refine the jargon component's spans for English.

    Prefix look-ups exist for Swedish compounds; in English a listed term must be the whole
    token or the token plus an inflection ("SWIFT" is not in "SwiftDrop"). A code-shaped
    word that is an ordinary English word in capitals ("TRAVEL", "STOP") is emphasis or an
    SMS keyword, and a company named as a party ("contracted out to NSL") is a name. Clause
    references in policies and terms ("exclusion 4.2") are jargon.
    """
    words = english_dictionary()
    text = doc_text(doc)
    named = {
        span.text
        for span in tags(doc, "jargon")
        if span.id_ == "en.jargon.code_shape"
        and NOT_A_CODE.search(_text_before(text, span.start_char))
    }
    for span in tags(doc, "jargon"):
        low = span.text.lower()
        rule = span.id_
        drop = False
        if rule == "en.jargon.term" and len(span) == 1 and low not in res.jargon_terms:
            stems = [t for t in res.jargon_terms if low.startswith(t)]
            stem = max(stems, key=len) if stems else None
            base = re.split(r"[:\-]", low)[0]
            drop = base not in res.jargon_terms and (
                stem is None or not TERM_SUFFIX.match(low[len(stem) :])
            )
        elif rule == "en.jargon.code_shape":
            before = _text_before(text, span.start_char)
            drop = (
                (span.text.isalpha() and len(low) >= 4 and low in words)
                or bool(NOT_A_CODE.search(before))
                or span.text in named
            )
        if drop:
            remove_tags(doc, "jargon", within=span)
    prev = (doc_prev(doc) or "").lower()
    for m in CLAUSE_REF.finditer(text):
        ref = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if ref is not None and m.group(0).lower() not in prev and not has_tag(doc, "jargon", ref):
            add_tag(doc, ref, "jargon", "en.jargon.clause_reference", 0.6)


#: Solution rules a call back alone can fire ("I'll call you back"); a remedy stated as done or
#: offered is kept when the same sentence also promises a call.
_CALL_BACK_RULES = frozenset(["en.solution.agent_remedy", "en.solution.staff_remedy"])
_PREV_WORD = re.compile(r"[\w'£$€.]+|[?]")


def refine(doc: Doc, pack: RulePack) -> None:
    """English context rules for one agent utterance (see the module docstring)."""
    if len(doc) == 0:
        return
    res = _res(pack)
    _jargon(doc, res)
    punctuated = _fix_sentences(doc)
    _retype_questions(doc, res, punctuated)
    sents = [Sent(doc[start:end]) for start, end in sent_bounds(doc)]
    whole = Sent(doc[:])
    prev_text = doc_prev(doc) or ""
    prev = None
    prev_words: set[str] = set()
    if prev_text.strip():
        norm = " ".join(_PREV_WORD.findall(prev_text.lower()))
        prev_words = content_words(norm, res.stop)
        prev = _PrevTurn(norm)
    prev_upset = bool(prev_words) and bool(
        _search(
            _once(
                res,
                "upset",
                lambda: (
                    rf"(?<![\w'])(?:{res.problem}|{res.feeling}|{res.symp}|\w+n't|not|a lot|too (?:much|"
                    rf"long|late|expensive)|whatever|again)(?![\w])"
                ),
            ),
            prev.text if prev else "",
        )
    )
    # Calm: the previous turn names no problem, feeling, loss or harm at all.
    prev_calm = (
        bool(prev_words) and not prev_upset and not _search(_HARM, prev.text if prev else "")
    )
    ack_words = re.findall(r"[a-z']+", prev_text.lower())
    prev_ack = bool(ack_words) and all(w in _ACK_WORDS for w in ack_words)
    # "No worries" answering thanks is "you're welcome", not reassurance.
    prev_thanks = prev is not None and _search(_THANKS_WORD, prev.text) is not None
    for sent in sents:
        _sympathy(doc, sent, res, prev_upset, prev_calm, prev_thanks, prev_ack)
    _sorry(doc, sents, whole, res)
    for i, sent in enumerate(sents):
        after = ""
        for nxt in sents[i + 1 :]:
            if not _CONTINUES.match(nxt.text):
                break
            after += " " + nxt.text
        _restating(doc, sent, prev, prev_words, res, after)
        _so_is_not_restating(doc, sent, punctuated, res)
        _solution(doc, sent, res)
        _collaboration(doc, sent, res)
        _follow_up(doc, sent)
        _expectation(doc, sent)
        _demanding(doc, sent, res)
        _blaming(doc, sent, res)
    # A follow-up call by itself is not a remedy (a call back is not a fix).
    for span in tags(doc, "solution"):
        if span.id_ not in _CALL_BACK_RULES:
            continue
        if has_tag(doc, "follow_up", within=span) and not Sent(span).has(
            _once(
                res,
                "remedy_not_call_back",
                lambda: (
                    rf"(?:{res.remedy})\b(?! (?:you )?back)(?! you)|check with|look into|"
                    r"look (?:that|it) up"
                ),
            )
        ):
            remove_tags(doc, "solution", within=span)

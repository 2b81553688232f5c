"""Question detection and typing: open vs closed, with or without "?".

A sentence is a question when it ends in "?", starts (after fillers) with a question word,
starts with a finite verb followed by a subject (V1 order: "Har du kvittot kvar",
"händer det även på kontoret", "do you still have the receipt"), or is a request for an
explanation ("Berätta gärna…", "Can you walk me through…"). Its type follows the answer it
asks for (LABELLING.md rule 1): a request to explain, or a wh-question that is not about one
fact, is open; yes/no, either/or and one-fact questions are closed.

Every word list is pack data (``lexicons/*.txt``), so this code has no language in it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from verbalkit.pipeline.components.common import add_tag, pack_for
from verbalkit.pipeline.packs import RulePack
from verbalkit.vocab import Behaviour


@dataclass(frozen=True)
class Lexicons:
    """The word lists question typing uses, as lower-cased token tuples."""

    fillers: frozenset[str]
    subjects: frozenset[str]
    v1_verbs: frozenset[str]
    wh_open: tuple[tuple[str, ...], ...]
    wh_fact: tuple[tuple[str, ...], ...]
    open_requests: tuple[tuple[str, ...], ...]
    closed_requests: tuple[tuple[str, ...], ...]
    tag_questions: tuple[tuple[str, ...], ...]

    @classmethod
    def from_pack(cls, pack: RulePack) -> Lexicons:
        def phrases(name: str) -> tuple[tuple[str, ...], ...]:
            items = {tuple(p.lower().split()) for p in pack.lexicon(name)}
            return tuple(sorted(items, key=len, reverse=True))

        return cls(
            fillers=pack.lexicon_set("fillers"),
            subjects=pack.lexicon_set("subjects"),
            v1_verbs=pack.lexicon_set("v1_verbs"),
            wh_open=phrases("wh_open"),
            wh_fact=phrases("wh_fact"),
            open_requests=phrases("open_requests"),
            closed_requests=phrases("closed_requests"),
            tag_questions=phrases("tag_questions"),
        )


def words(span: Span) -> list[str]:
    """Lower-cased word tokens of a span (punctuation dropped)."""
    return [t.lower_ for t in span if not t.is_punct and not t.is_space]


def strip_fillers(tokens: list[str], fillers: frozenset[str]) -> list[str]:
    """Drop leading fillers and conjunctions ("okej, och vad hände sen" -> "vad hände sen")."""
    i = 0
    while i < len(tokens) - 1 and tokens[i] in fillers:
        i += 1
    return tokens[i:]


def starts_with(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The longest phrase ``tokens`` starts with, if any."""
    for phrase in phrases:
        if tuple(tokens[: len(phrase)]) == phrase:
            return phrase
    return None


def contains(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The longest phrase occurring anywhere in ``tokens``, if any."""
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tuple(tokens[i : i + n]) == phrase:
                return phrase
    return None


def ends_with(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    for phrase in phrases:
        if len(tokens) > len(phrase) and tuple(tokens[-len(phrase) :]) == phrase:
            return phrase
    return None


def classify(sent: Span, lex: Lexicons, lang: str) -> tuple[Behaviour, str, float] | None:
    """Question type of one sentence: (behaviour, rule id, confidence), or None."""
    toks = strip_fillers(words(sent), lex.fillers)
    if not toks:
        return None
    has_qm = sent.text.rstrip().endswith("?") or any(t.text == "?" for t in sent)
    open_q, closed_q = Behaviour.OPEN_QUESTION, Behaviour.CLOSED_QUESTION

    # Either/or and tag questions ask for a choice or a confirmation: closed.
    tail = ends_with(toks, lex.tag_questions)
    if tail and (has_qm or len(toks) > len(tail) + 2):
        return closed_q, f"{lang}.closed_question.tag_question", 0.8

    wh_fact = starts_with(toks, lex.wh_fact)
    wh_open = starts_with(toks, lex.wh_open)
    if wh_fact and (not wh_open or len(wh_fact) >= len(wh_open)):
        return closed_q, f"{lang}.closed_question.wh_one_fact", 0.75
    if wh_open:
        return open_q, f"{lang}.open_question.wh_open", 0.8

    request = contains(toks, lex.open_requests)
    if request:
        if contains(toks, lex.closed_requests):
            return closed_q, f"{lang}.closed_question.request_one_fact", 0.7
        return open_q, f"{lang}.open_question.request_to_explain", 0.8

    v1 = len(toks) >= 2 and toks[0] in lex.v1_verbs and toks[1] in lex.subjects
    if v1:
        return closed_q, f"{lang}.closed_question.v1_verb_first", 0.85 if has_qm else 0.7
    if has_qm:
        return closed_q, f"{lang}.closed_question.question_mark", 0.7
    return None


class QuestionTagger:
    """Tag each question sentence of an agent utterance as open or closed."""

    def __init__(self, lang: str, packs: list[str]) -> None:
        self.lang = lang
        self.packs = packs

    def __call__(self, doc: Doc) -> Doc:
        if doc._.vk_role != "agent" or len(doc) == 0:
            return doc
        lex = _lexicons(self.lang, tuple(self.packs))
        for sent in doc.sents:
            found = classify(sent, lex, self.lang)
            if found:
                behaviour, rule, confidence = found
                add_tag(doc, sent, behaviour.value, rule, confidence)
        return doc


@functools.cache
def _lexicons(lang: str, packs: tuple[str, ...]) -> Lexicons:
    return Lexicons.from_pack(pack_for(lang, list(packs)))


@Language.factory(
    "verbalkit_questions",
    assigns=["doc.spans"],
    requires=["token.is_sent_start"],
    default_config={"packs": []},
)
def make_questions(nlp: Language, name: str, packs: list[str]) -> QuestionTagger:
    """Factory for :class:`QuestionTagger`."""
    return QuestionTagger(str(nlp.lang), packs)

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

from verbalkit.pipeline.components.common import (
    add_tag,
    doc_role,
    pack_for,
    sent_bounds,
    span_text,
    token_lists,
)
from verbalkit.pipeline.lang import retypes_questions
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
            return tuple(sorted(items, key=lambda s: (-len(s), s)))

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
    return span_words(span.doc, span.start, span.end)


def span_words(doc: Doc, start: int, end: int) -> list[str]:
    """Lower-cased word tokens of ``doc[start:end]`` (punctuation and space dropped)."""
    t = token_lists(doc)
    lowers, puncts, spaces = t.lowers, t.puncts, t.spaces
    return [lowers[i] for i in range(start, end) if not puncts[i] and not spaces[i]]


def strip_fillers(tokens: list[str], fillers: frozenset[str]) -> list[str]:
    """Drop leading fillers and conjunctions ("okej, och vad hände sen" -> "vad hände sen")."""
    i = 0
    while i < len(tokens) - 1 and tokens[i] in fillers:
        i += 1
    return tokens[i:] if i else tokens


class PhraseIndex:
    """Phrases (longest first) indexed by their first and last words, with their order."""

    __slots__ = ("by_first", "by_last", "order", "phrases")

    def __init__(self, phrases: tuple[tuple[str, ...], ...]) -> None:
        self.phrases = phrases
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        self.order: dict[tuple[str, ...], int] = {}
        for k, phrase in enumerate(phrases):
            self.order.setdefault(phrase, k)
            if phrase:
                self.by_first.setdefault(phrase[0], []).append(phrase)
                self.by_last.setdefault(phrase[-1], []).append(phrase)


#: Indexes of the phrase tuples seen, by identity (they are module constants or lexicons).
_INDEXES: dict[int, PhraseIndex] = {}


def _index_of(phrases: tuple[tuple[str, ...], ...]) -> PhraseIndex:
    found = _INDEXES.get(id(phrases))
    if found is None or found.phrases is not phrases:
        found = PhraseIndex(phrases)
        if len(_INDEXES) > 4096:  # phrase tuples built on the fly: do not grow for ever
            _INDEXES.clear()
        _INDEXES[id(phrases)] = found
    return found


def starts_with(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The longest phrase ``tokens`` starts with, if any."""
    if not tokens:
        return () if () in phrases else None
    index = _index_of(phrases)
    for phrase in index.by_first.get(tokens[0], ()):
        if tuple(tokens[: len(phrase)]) == phrase:
            return _first_empty(index, phrase)
    return () if () in index.order else None


def _first_empty(index: PhraseIndex, found: tuple[str, ...]) -> tuple[str, ...]:
    """``found``, unless the empty phrase comes before it in the list (it always matches)."""
    empty = index.order.get(())
    return () if empty is not None and empty < index.order[found] else found


def contains(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The longest phrase occurring anywhere in ``tokens``, if any.

    The first of ``phrases`` (in their order) that occurs, found by looking up each word
    among the phrases that start with it.
    """
    index = _index_of(phrases)
    by_first, order = index.by_first, index.order
    best: tuple[str, ...] | None = None
    best_k = order.get((), len(phrases))
    n_tokens = len(tokens)
    for i, word in enumerate(tokens):
        for phrase in by_first.get(word, ()):
            n = len(phrase)
            k = order[phrase]
            if k < best_k and i + n <= n_tokens and tuple(tokens[i : i + n]) == phrase:
                best, best_k = phrase, k
    if best is None and () in order:
        return ()
    return best


def ends_with(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    if not tokens:
        return None
    index = _index_of(phrases)
    if () in index.order:
        return _ends_with_scan(tokens, phrases)
    for phrase in index.by_last.get(tokens[-1], ()):
        if len(tokens) > len(phrase) and tuple(tokens[-len(phrase) :]) == phrase:
            return phrase
    return None


def _ends_with_scan(
    tokens: list[str], phrases: tuple[tuple[str, ...], ...]
) -> tuple[str, ...] | None:
    for phrase in phrases:
        if len(tokens) > len(phrase) and tuple(tokens[-len(phrase) :]) == phrase:
            return phrase
    return None


def classify(sent: Span, lex: Lexicons, lang: str) -> tuple[Behaviour, str, float] | None:
    """Question type of one sentence: (behaviour, rule id, confidence), or None."""
    return classify_range(sent.doc, sent.start, sent.end, lex, lang)


def classify_range(
    doc: Doc, start: int, end: int, lex: Lexicons, lang: str
) -> tuple[Behaviour, str, float] | None:
    """Question type of ``doc[start:end]``: (behaviour, rule id, confidence), or None."""
    toks = strip_fillers(span_words(doc, start, end), lex.fillers)
    if not toks:
        return None
    t = token_lists(doc)
    has_qm = "?" in t.texts[start:end] or span_text(doc, start, end).rstrip().endswith("?")
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
    """Tag each question sentence of an agent utterance as open or closed.

    In a pipeline where ``verbalkit_behaviours`` runs later and the language hook types
    every question again (:func:`~verbalkit.pipeline.lang.retypes_questions`), the tags
    would be removed before anything reads them, so none are made.
    """

    def __init__(
        self, lang: str, packs: list[str], nlp: Language | None = None, name: str = ""
    ) -> None:
        self.lang = lang
        self.packs = packs
        self._nlp = nlp
        self._name = name
        self._left_to_hook: bool | None = None

    def _retyped_later(self) -> bool:
        if self._left_to_hook is None:
            names = list(self._nlp.pipe_names) if self._nlp is not None else []
            self._left_to_hook = (
                retypes_questions(self.lang)
                and self._name in names
                and "verbalkit_behaviours" in names
                and names.index("verbalkit_behaviours") > names.index(self._name)
            )
        return self._left_to_hook

    def __call__(self, doc: Doc) -> Doc:
        if doc_role(doc) != "agent" or len(doc) == 0 or self._retyped_later():
            return doc
        lex = _lexicons(self.lang, tuple(self.packs))
        for start, end in sent_bounds(doc):
            found = classify_range(doc, start, end, lex, self.lang)
            if found:
                behaviour, rule, confidence = found
                add_tag(doc, doc[start:end], behaviour.value, rule, confidence)
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
    return QuestionTagger(str(nlp.lang), packs, nlp, name)

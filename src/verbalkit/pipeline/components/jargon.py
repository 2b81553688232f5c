"""Jargon: terms the customer is unlikely to know, with a plain-language suggestion.

Cues, all pack data: the pack's term list (``jargon.tsv``, matched on lower case and on
the stem of Swedish inflected or compound forms: "WMS:et", "APN-profilen"), compound parts
(``lexicons/jargon_parts.txt``: "avvikelse" in "leveransavvikelse"), and shapes, found by
regexes compiled once per pack and run over the text:

- internal codes and acronyms ("SGI", "P3", "LTL-kö"), except those customers know
  (``lexicons/jargon_common_acronyms.txt``: "PIN", "USB", "CPU");
- Swedish trade and office compounds, a long word ending in a head of
  ``lexicons/jargon_heads.txt`` ("självriskeliminering", "uppgiftsföreläggandet");
- English noun compounds after a determiner whose head is in ``lexicons/jargon_heads.txt``
  ("the grading queue", "our fraud engine"), unless a modifier is an everyday word
  (``lexicons/jargon_modifier_stop.txt``: "the phone queue", "a regular basis").

Shape finds carry the generic suggestion of ``lexicons/jargon_generic_suggestion.txt``. A
term is not jargon when the customer used it first, or when it is in
``lexicons/known_terms.txt`` (BankID, router…).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from verbalkit.pipeline.components.common import (
    add_tag,
    doc_prev,
    doc_role,
    doc_text,
    pack_for,
    token_lists,
)
from verbalkit.pipeline.packs import RulePack
from verbalkit.vocab import Behaviour

#: Acronyms and internal codes: two or more capitals (digits allowed), optional clitic or
#: compound tail ("AD:t", "DC:erna", "L2-gruppen", "P3").
CODE_SHAPE = re.compile(r"^(?=(?:.*[A-ZÅÄÖ]){2}|[A-Z]\d)[A-ZÅÄÖ0-9]{2,7}(?:[:\-][\wåäöÅÄÖ-]+)?$")
#: What a code starts with (CODE_SHAPE's first character), a cheap test before the regex.
CODE_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789")
SPLIT_TAIL = re.compile(r"[:\-]")
#: Inflected and compound forms are found by the first characters of listed terms.
PREFIX_LEN = 5
#: Swedish inflection after a compound head ("-avvikelsen", "-föreläggandet", "-cykeln").
SV_INFLECTION = r"(?:en|et|n|t|na|ar|arna|er|erna|or|orna|s|ens|ets|ns)?"
#: A Swedish compound: at least this many letters, the part before the head at least 4.
SV_COMPOUND_MIN = 11
#: English: what comes before the modifiers of a compound term.
EN_DETERMINER = (
    r"(?:the|our|your|a|an|their|its|this|that|these|those|same|his|her|"
    r"tonight's|today's|an?other)"
)
#: Words of an English modifier (letters, digits inside, hyphens: "pre-existing").
EN_WORD = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"


def sv_compound_regex(heads: tuple[str, ...]) -> re.Pattern[str] | None:
    """A word of 4+ letters, then a head, then inflection: one whole word."""
    if not heads:
        return None
    alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])[^\W\d_]{{4,}}?(?:{alt}){SV_INFLECTION}(?![\w-])", re.IGNORECASE)


def en_compound_regex(heads: tuple[str, ...]) -> re.Pattern[str] | None:
    """A determiner, one to three words, then a head (plural too): group 1 is the words."""
    if not heads:
        return None
    alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-]){EN_DETERMINER}\s+((?:{EN_WORD}\s+){{1,3}}?(?:{alt})(?:e?s)?)(?![\w-])",
        re.IGNORECASE,
    )


def root(term: str) -> str:
    """The term without clitic or compound tail, lower-cased ("WMS:et" -> "wms")."""
    return SPLIT_TAIL.split(term, maxsplit=1)[0].lower()


def is_shouting(doc: Doc) -> bool:
    """Whether most words are upper case (a caps-lock or upper-case ASR transcript)."""
    t = token_lists(doc)
    words = [
        text for text, alpha in zip(t.texts, t.alphas, strict=True) if alpha and len(text) >= 2
    ]
    return len(words) >= 3 and sum(w.isupper() for w in words) / len(words) >= 0.6


@functools.cache
def _stop_words(lang: str) -> frozenset[str]:
    """The language's common words: never codes, whatever their case ("VI", "IT", "OR")."""
    return frozenset(spacy.util.get_lang_class(lang).Defaults.stop_words)


@dataclass(frozen=True)
class JargonIndex:
    """A pack's jargon data, indexed once per pipeline for per-token look-ups."""

    terms: dict[str, str]
    by_first_word: dict[str, tuple[tuple[str, ...], ...]]
    by_prefix: dict[str, tuple[str, ...]]
    parts: tuple[str, ...]
    known: frozenset[str]
    common_acronyms: frozenset[str] = frozenset()
    modifier_stop: frozenset[str] = frozenset()
    compound: re.Pattern[str] | None = None
    generic_suggestion: str | None = None

    @classmethod
    def from_pack(cls, pack: RulePack) -> JargonIndex:
        terms = {t.lower(): t for t in pack.jargon}
        multi: dict[str, list[tuple[str, ...]]] = {}
        prefix: dict[str, list[str]] = {}
        for low in sorted(terms, key=len, reverse=True):
            words = tuple(low.split())
            if len(words) > 1:
                multi.setdefault(words[0], []).append(words)
            elif len(low) >= PREFIX_LEN:
                prefix.setdefault(low[:PREFIX_LEN], []).append(low)
        return cls(
            terms=terms,
            by_first_word={k: tuple(v) for k, v in multi.items()},
            by_prefix={k: tuple(v) for k, v in prefix.items()},
            parts=tuple(p.lower() for p in pack.lexicon("jargon_parts")),
            known=pack.lexicon_set("known_terms"),
            common_acronyms=pack.lexicon_set("jargon_common_acronyms"),
            modifier_stop=pack.lexicon_set("jargon_modifier_stop"),
            compound=(sv_compound_regex if pack.language == "sv" else en_compound_regex)(
                tuple(h.lower() for h in pack.lexicon("jargon_heads"))
            ),
            generic_suggestion=next(iter(pack.lexicon("jargon_generic_suggestion")), None),
        )

    def term_for(self, low: str, text: str) -> str | None:
        """The listed term a token is, or starts with (an inflected or compound form)."""
        term = self.terms.get(low)
        if not term and (":" in text or "-" in text):
            term = self.terms.get(root(text))  # without a tail, root(text) is low
        if term is not None:
            return term
        for candidate in self.by_prefix.get(low[:PREFIX_LEN], ()):
            if low.startswith(candidate):
                return self.terms[candidate]
        return None


class JargonTagger:
    """Tag jargon spans in agent utterances."""

    def __init__(self, lang: str, packs: list[str]) -> None:
        self.lang = lang
        self.packs = packs
        self._index: JargonIndex | None = None
        self._jargon: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if doc_role(doc) != "agent" or len(doc) == 0:
            return doc
        if self._index is None:
            pack = pack_for(self.lang, self.packs)
            self._index = JargonIndex.from_pack(pack)
            self._jargon = pack.jargon
        index = self._index
        prev = (doc_prev(doc) or "").lower()
        prev_words = set(re.findall(r"[\wåäö]+", prev))
        long_words = {w for w in prev_words if len(w) >= 4}
        covered: set[int] = set()

        def used_by_customer(text: str) -> bool:
            low = text.lower()
            if low in prev or root(text) in prev_words:
                return True
            return any(low.startswith(w) or w.startswith(low) for w in long_words)

        def tag(span: Span, rule: str, confidence: float, term: str | None) -> None:
            low = span.text.lower()
            if used_by_customer(span.text) or low in index.known or root(span.text) in index.known:
                return
            suggestion = self._suggestion(term) if term else index.generic_suggestion
            label = Behaviour.JARGON.value
            add_tag(doc, span, label, rule, confidence, suggestion=suggestion)
            covered.update(range(span.start, span.end))

        tl = token_lists(doc)
        lowers, texts, puncts, spaces = tl.lowers, tl.texts, tl.puncts, tl.spaces
        # In an all-caps transcript every word has the shape of a code: trust the list only.
        shouting = is_shouting(doc)
        for i, low in enumerate(lowers):
            for words in index.by_first_word.get(low, ()):
                n = len(words)
                if tuple(lowers[i : i + n]) == words and not covered.intersection(range(i, i + n)):
                    tag(
                        doc[i : i + n],
                        f"{self.lang}.jargon.term",
                        0.85,
                        index.terms[" ".join(words)],
                    )
                    break
        stop = self._stop_words()
        text_all = doc_text(doc)
        for start, end, rule, confidence in self._shape_spans(text_all, index, stop, shouting):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and not covered.intersection(range(span.start, span.end)):
                tag(span, f"{self.lang}.jargon.{rule}", confidence, None)
        for i, text in enumerate(texts):
            if i in covered or puncts[i] or spaces[i]:
                continue
            low = lowers[i]
            term = index.term_for(low, text)
            if term is not None:
                tag(doc[i : i + 1], f"{self.lang}.jargon.term", 0.85, term)
            elif len(low) >= 9 and any(low.endswith(p) or low.startswith(p) for p in index.parts):
                tag(doc[i : i + 1], f"{self.lang}.jargon.compound_part", 0.6, None)
            elif (
                not shouting
                and text[:1] in CODE_START
                and CODE_SHAPE.match(text)
                and not tl.like_nums[i]
                and low not in stop
                and root(text) not in index.common_acronyms
            ):
                tag(doc[i : i + 1], f"{self.lang}.jargon.code_shape", 0.65, None)
        return doc

    def _stop_words(self) -> frozenset[str]:
        return _stop_words(self.lang)

    def _shape_spans(
        self, text: str, index: JargonIndex, stop: frozenset[str], shouting: bool
    ) -> list[tuple[int, int, str, float]]:
        """Character spans of terms found by their shape: (start, end, rule slug, confidence)."""
        found: list[tuple[int, int, str, float]] = []
        if index.compound is None or shouting:
            return found
        if self.lang == "sv":
            for m in index.compound.finditer(text):
                if len(m.group(0)) >= SV_COMPOUND_MIN:
                    # The same kind of evidence as a listed compound part, at the end.
                    found.append((m.start(), m.end(), "compound_part", 0.6))
            return found
        skip = stop | index.modifier_stop
        for m in index.compound.finditer(text):
            words = list(re.finditer(r"\S+", m.group(1)))
            first = None
            for k, w in enumerate(words[:-1]):
                word = w.group(0)
                if (
                    word.lower() in skip
                    or word.lower().endswith("ly")
                    or (word[:1].isupper() and not word.isupper())
                ):
                    first = None
                elif first is None:
                    first = k
            if first is not None:
                found.append((m.start(1) + words[first].start(), m.end(1), "compound_head", 0.55))
        return found

    def _suggestion(self, term: str) -> str | None:
        return self._jargon.get(term) or None


@Language.factory("verbalkit_jargon", assigns=["doc.spans"], default_config={"packs": []})
def make_jargon(nlp: Language, name: str, packs: list[str]) -> JargonTagger:
    """Factory for :class:`JargonTagger`."""
    return JargonTagger(str(nlp.lang), packs)

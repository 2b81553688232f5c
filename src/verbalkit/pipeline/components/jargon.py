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

- context cues, where the agent presents an internal label (``lexicons/jargon_cues.txt``:
  "it's flagged as a short-ship", "den ligger som p4"): the one to three words after the cue
  (and an optional determiner), up to a function word, when a word of them is not an
  everyday word (English: ``lexicons/jargon_common_words.txt``; Swedish: absent from the
  lookup lemma table) or has the shape of a code; capitalised words are left to the other
  rules (place and person names);
- long ticket and case ids ("INC0048821") and CamelCase system names ("DespatchPro"),
  except names customers know (``lexicons/jargon_known_names.txt``: "PayPal", "YouTube").

Shape finds carry the generic suggestion of ``lexicons/jargon_generic_suggestion.txt``. A
term is not jargon when the customer used it first, or when it is in
``lexicons/known_terms.txt`` (BankID, router…).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from verbalkit.pipeline import regexcache
from verbalkit.pipeline.components.common import (
    add_tag,
    doc_prev,
    doc_role,
    doc_text,
    english_dictionary,
    pack_for,
    token_lists,
)
from verbalkit.pipeline.jargon_model import Lists, load_jargon_model
from verbalkit.pipeline.packs import RulePack
from verbalkit.vocab import Behaviour

#: Acronyms and internal codes: two or more capitals (digits allowed), optional clitic or
#: compound tail ("AD:t", "DC:erna", "L2-gruppen", "P3").
CODE_SHAPE = re.compile(r"^(?=(?:.*[A-ZÅÄÖ]){2}|[A-Z]\d)[A-ZÅÄÖ0-9]{2,7}(?:[:\-][\wåäöÅÄÖ-]+)?$")
#: A ticket or case id: letters, then a long run of digits ("INC0048821", "CS-00412877").
TICKET_SHAPE = re.compile(r"^[A-ZÅÄÖ]{2,5}-?\d{5,12}$")
#: A CamelCase name: two or more capitalised parts ("DespatchPro", "WorldTracer"), the first
#: of three letters or more (not "McDonald", "LeBaron").
CAMEL_SHAPE = re.compile(r"^[A-ZÅÄÖ][a-zåäö]{2,}(?:[A-ZÅÄÖ][a-zåäö0-9]+)+$")
#: A word after a context cue: letters or digits, with inner ".", ":", "/" or "-" ("e.max",
#: "36:an", "short-ship", "p4").
CUE_WORD = r"[^\W_](?:[\w:/-]|\.(?=\w))*"
#: English shapes found on the running text (spaCy splits "C-wire" and "Form 8867"):
#: a plural acronym ("TDRs"), a capital letter joined to a word or number ("C-wire", "E-6"),
#: a form, section or code with its number ("Form 8867", "Section 20", "code 01") and a
#: system or register named in title case ("the Residence Portal", "a Notice of Rejection").
EN_SHAPES = (
    (re.compile(r"(?<![\w-])([A-Z]{2,6})s(?![\w-])"), "plural_acronym", 0.6),
    (re.compile(r"(?<![\w.'-])[A-Z]-(?:[a-z]{2,}|\d{1,3})(?![\w-])"), "letter_hyphen", 0.55),
    (
        re.compile(
            r"(?<![\w-])(?:[Ff]orm|[Ss]ection|[Ss]chedule|[Rr]egulation|[Pp]aragraph|[Aa]ppendix"
            r"|[Cc]ode|[Rr]oute) \d{1,4}[A-Z]?(?:-[A-Z0-9]{1,3})?(?![\w-])"
        ),
        "document_number",
        0.6,
    ),
    (
        re.compile(
            r"(?<=[\w,;] )(?:[A-Z][a-z]+ ){1,3}(?:Portal|Register|Gateway|Hub|Console|Dashboard|"
            r"Tracker|Workbench)(?![\w-])|(?<![\w-])(?:Notice|Certificate|Statement|Declaration)"
            r" of (?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?(?![\w-])"
        ),
        "system_name",
        0.55,
    ),
)
#: Swedish: a table, section, tooth or tariff with its number ("tabell 32", "sektion 3", "tand 36",
#: "taxa två"), and a name the agent reads something *in* ("jag ser i Aqvis att…"): a system,
#: when the lower-cased name is no Swedish word (places are "ligger i", not "ser i"; a place
#: after "jag ser i" would still be taken: the lemma table knows no place names).
SV_DOCUMENT_NUMBER = re.compile(
    r"(?<![\w-])(?:[Ss]ektion|[Tt]abell|[Tt]and|[Tt]axa|[Pp]aragraf|[Bb]ilaga|[Kk]apitel|"
    r"[Bb]lankett)\s+(?:\d{1,4}|ett|två|tre|fyra|fem)(?![\w-]|[,.]\d)"
)
SV_SEEN_IN = re.compile(
    r"(?<![\w-])(?:[Jj]ag ser|ser jag|[Vv]i ser|[Ss]yns|[Ss]tår det|[Dd]et står) (?:\w+ ){0,2}?(?:i|på) "
    r"([A-ZÅÄÖ][a-zåäö]{3,})(?![\w-])"
)
#: A lower-case word of two to four letters in a row with no capitals (ASR-style), tested
#: against the everyday, dictionary and name lists: an acronym that lost its capitals ("pcn").
EN_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z]{2,4}(?![\w'-])")
#: Determiners skipped between a cue and its term.
CUE_DETERMINER = {
    "en": r"(?:an?|the|our|their|its|this|that)",
    "sv": r"(?:en|ett|den|det|de|vår|vårt|våra|sin|sitt|sina)",
}
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
    alt = "|".join(re.escape(h) for h in sorted(heads, key=lambda s: (-len(s), s)))
    return regexcache.compile(
        rf"(?<![\w-])[^\W\d_]{{4,}}?(?:{alt}){SV_INFLECTION}(?![\w-])", re.IGNORECASE
    )


def en_compound_regex(heads: tuple[str, ...]) -> re.Pattern[str] | None:
    """A determiner, one to three words, then a head (plural too): group 1 is the words."""
    if not heads:
        return None
    alt = "|".join(re.escape(h) for h in sorted(heads, key=lambda s: (-len(s), s)))
    return regexcache.compile(
        rf"(?<![\w-]){EN_DETERMINER}\s+((?:{EN_WORD}\s+){{1,3}}?(?:{alt})(?:e?s)?)(?![\w-])",
        re.IGNORECASE,
    )


def cue_regex(cues: tuple[str, ...], lang: str) -> re.Pattern[str] | None:
    """A cue phrase, an optional determiner, then one to three words: group 1 is the words."""
    if not cues:
        return None
    phrases = sorted(
        (r"\s+".join(map(re.escape, c.split())) for c in cues), key=lambda s: (-len(s), s)
    )
    det = CUE_DETERMINER.get(lang, CUE_DETERMINER["en"])
    return regexcache.compile(
        rf"(?<![\w-])(?:{'|'.join(phrases)})\s+(?:{det}\s+)?({CUE_WORD}(?:\s+{CUE_WORD}){{0,2}})",
        re.IGNORECASE,
    )


@functools.cache
def _sv_lemma_known() -> Callable[[str], bool]:
    """Whether a lower-case Swedish word is in the lookup lemma table, as a form or a lemma."""
    import numpy as np
    from spacy.strings import get_string_id

    from verbalkit.pipeline.lemmas import lemma_table

    table = lemma_table("sv")
    # The table's sorted lemma ids: base forms that are no other word's inflection ("ärende").
    lemma_ids = getattr(table, "_lemmas", None)

    def known(word: str) -> bool:
        if table.get(word) is not None:
            return True
        if lemma_ids is None:
            return False
        sid = np.uint64(get_string_id(word))
        i = int(np.searchsorted(lemma_ids, sid))
        return i < len(lemma_ids) and lemma_ids[i] == sid

    return known


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
    cue: re.Pattern[str] | None = None
    common_words: frozenset[str] = frozenset()
    known_names: frozenset[str] = frozenset()
    person_names: frozenset[str] = frozenset()

    @classmethod
    def from_pack(cls, pack: RulePack) -> JargonIndex:
        terms = {t.lower(): t for t in pack.jargon}
        multi: dict[str, list[tuple[str, ...]]] = {}
        prefix: dict[str, list[str]] = {}
        for low in sorted(terms, key=lambda s: (-len(s), s)):
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
            cue=cue_regex(pack.lexicon("jargon_cues"), pack.language),
            common_words=pack.lexicon_set("jargon_common_words"),
            known_names=pack.lexicon_set("jargon_known_names"),
            person_names=(
                pack.lexicon_set("census_first_names") | pack.lexicon_set("census_surnames")
                if pack.language == "en"
                else frozenset()
            ),
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


def customer_test(prev_text: str | None) -> Callable[[str], bool]:
    """Whether a term was said by the customer in ``prev_text`` (then it is not jargon): the
    word or its root, a long word sharing its start, a short code as a word of its own."""
    prev = (prev_text or "").lower()
    prev_words = set(re.findall(r"[\wåäö]+", prev))
    long_words = {w for w in prev_words if len(w) >= 4}

    def used_by_customer(text: str) -> bool:
        low = text.lower()
        if root(text) in prev_words:
            return True
        if len(low) < 4:
            # A short code inside a longer word is not the customer's ("IC" in "technician").
            return bool(re.search(rf"(?<![\w]){re.escape(low)}", prev))
        if low in prev:
            return True
        return any(low.startswith(w) or w.startswith(low) for w in long_words)

    return used_by_customer


def model_lists(lang: str, packs: list[str], freq: dict[str, str]) -> Lists:
    """What the trained recogniser's features look up (:class:`jargon_model.Lists`)."""
    pack = pack_for(lang, packs)
    index = JargonIndex.from_pack(pack)
    if lang == "sv":
        known = _sv_lemma_known()
    else:
        dictionary = english_dictionary()
        common = index.common_words

        def known(word: str) -> bool:
            return word in dictionary or word in common

    return Lists(
        lang=lang,
        stop=_stop_words(lang),
        known=known,
        is_term=lambda low, text: index.term_for(low, text) is not None,
        heads=tuple(sorted(h.lower() for h in pack.lexicon("jargon_heads"))),
        parts=index.parts,
        cues=tuple(sorted(tuple(c.lower().split()) for c in pack.lexicon("jargon_cues"))),
        common=index.common_words,
        known_terms=index.known,
        known_names=index.known_names,
        freq=freq,
    )


class JargonTagger:
    """Tag jargon spans in agent utterances."""

    def __init__(self, lang: str, packs: list[str]) -> None:
        self.lang = lang
        self.packs = packs
        self._index: JargonIndex | None = None
        self._jargon: dict[str, str] = {}
        self._lists: Lists | None = None

    def __call__(self, doc: Doc) -> Doc:
        if doc_role(doc) != "agent" or len(doc) == 0:
            return doc
        if self._index is None:
            pack = pack_for(self.lang, self.packs)
            self._index = JargonIndex.from_pack(pack)
            self._jargon = pack.jargon
        index = self._index
        used_by_customer = customer_test(doc_prev(doc))
        covered: set[int] = set()
        rule_spans: list[tuple[int, int]] = []

        def tag(span: Span, rule: str, confidence: float, term: str | None) -> None:
            low = span.text.lower()
            if used_by_customer(span.text) or low in index.known or root(span.text) in index.known:
                return
            suggestion = self._suggestion(term) if term else index.generic_suggestion
            label = Behaviour.JARGON.value
            add_tag(doc, span, label, rule, confidence, suggestion=suggestion)
            covered.update(range(span.start, span.end))
            rule_spans.append((span.start_char, span.end_char))

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
            elif shouting or text[:1] not in CODE_START:
                continue
            elif (
                CODE_SHAPE.match(text)
                and not tl.like_nums[i]
                and low not in stop
                and root(text) not in index.common_acronyms
            ) or TICKET_SHAPE.match(text):
                tag(doc[i : i + 1], f"{self.lang}.jargon.code_shape", 0.65, None)
            elif i > 0 and CAMEL_SHAPE.match(text) and low not in index.known_names:
                tag(doc[i : i + 1], f"{self.lang}.jargon.name_shape", 0.6, None)
        model = None if shouting else load_jargon_model(self.lang)
        if model is not None:
            # The trained recogniser adds what the rules missed (never a customer's word).
            lists = self._model_lists(model.freq)
            for start, end, p in model.spans(text_all, lists, rule_spans, used_by_customer):
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and not covered.intersection(range(span.start, span.end)):
                    tag(span, f"{self.lang}.jargon.model", round(p, 3), None)
        return doc

    def _model_lists(self, freq: dict[str, str]) -> Lists:
        if self._lists is None:
            self._lists = model_lists(self.lang, self.packs, freq)
        return self._lists

    def _stop_words(self) -> frozenset[str]:
        return _stop_words(self.lang)

    def _shape_spans(
        self, text: str, index: JargonIndex, stop: frozenset[str], shouting: bool
    ) -> list[tuple[int, int, str, float]]:
        """Character spans of terms found by their shape: (start, end, rule slug, confidence)."""
        found: list[tuple[int, int, str, float]] = []
        if shouting:
            return found
        if index.compound is not None:
            found.extend(self._compound_spans(text, index, stop))
        if self.lang == "en":
            found.extend(self._en_shape_spans(text, index, stop))
        elif self.lang == "sv":
            found.extend(
                (m.start(), m.end(), "document_number", 0.6)
                for m in SV_DOCUMENT_NUMBER.finditer(text)
            )
            known = _sv_lemma_known()
            found.extend(
                (m.start(1), m.end(1), "system_name", 0.55)
                for m in SV_SEEN_IN.finditer(text)
                if not known(m.group(1).lower())
            )
        if index.cue is not None:
            # After the compounds: "stuck in the subrogation workflow" is one term.
            found.extend(self._cue_spans(text, index, stop))
        return found

    def _en_shape_spans(
        self, text: str, index: JargonIndex, stop: frozenset[str]
    ) -> list[tuple[int, int, str, float]]:
        """English shapes on the running text (``EN_SHAPES``), and acronyms written in lower
        case in a row with no capitals: not an everyday, dictionary or name word."""
        found: list[tuple[int, int, str, float]] = []
        for rx, rule, confidence in EN_SHAPES:
            for m in rx.finditer(text):
                if rule == "plural_acronym" and m.group(1).lower() in index.common_acronyms:
                    continue
                found.append((m.start(), m.end(), rule, confidence))
        if any(c.isupper() for c in text):
            return found
        words = english_dictionary()
        for m in EN_LOWER_WORD.finditer(text):
            w = m.group(0)
            if (
                w in index.common_words
                or w in stop
                or w in words
                or (w.endswith("s") and w[:-1] in words)
                or w in index.person_names
                or w in index.common_acronyms
                or w in index.terms  # the list's own term, with its suggestion
            ):
                continue
            found.append((m.start(), m.end(), "lower_acronym", 0.5))
        return found

    def _compound_spans(
        self, text: str, index: JargonIndex, stop: frozenset[str]
    ) -> list[tuple[int, int, str, float]]:
        """Compounds with a trade head: Swedish long words, English determiner+modifiers+head."""
        assert index.compound is not None
        found: list[tuple[int, int, str, float]] = []
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

    def _cue_spans(
        self, text: str, index: JargonIndex, stop: frozenset[str]
    ) -> list[tuple[int, int, str, float]]:
        """Terms after a context cue ("flagged as a short-ship"): up to a function word, the
        first run of words that are not everyday words or are codes (numbers may follow)."""
        assert index.cue is not None
        known = _sv_lemma_known() if self.lang == "sv" else index.common_words.__contains__
        found: list[tuple[int, int, str, float]] = []
        for m in index.cue.finditer(text):
            first = end = None
            for w in re.finditer(r"\S+", m.group(1)):
                word = w.group(0)
                low = word.lower()
                if low in stop or low in index.modifier_stop:
                    break
                stem = root(word) if ":" in word else low  # "36:an", "WMS:et"
                if len(stem) > 2 and stem[1] == "-":
                    stem = stem[2:]  # "e-tjänsten" is as everyday as "tjänsten"
                if CODE_SHAPE.match(word) or TICKET_SHAPE.match(word):
                    if stem in index.common_acronyms:
                        break
                elif low.isdigit():
                    # A number ends a term ("prio 2") but never starts one.
                    if first is None:
                        break
                elif word[:1].isupper() or known(low) or known(stem):
                    # Names and places are no labels; everyday words end the term.
                    if first is not None:
                        break
                    continue
                if first is None:
                    first = m.start(1) + w.start()
                end = m.start(1) + w.end()
            if first is not None and end is not None:
                found.append((first, end, "context_cue", 0.6))
        return found

    def _suggestion(self, term: str) -> str | None:
        return self._jargon.get(term) or None


@Language.factory("verbalkit_jargon", assigns=["doc.spans"], default_config={"packs": []})
def make_jargon(nlp: Language, name: str, packs: list[str]) -> JargonTagger:
    """Factory for :class:`JargonTagger`."""
    return JargonTagger(str(nlp.lang), packs)

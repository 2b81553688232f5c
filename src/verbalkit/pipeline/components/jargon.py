"""Jargon: terms the customer is unlikely to know, with a plain-language suggestion.

Three cues, all pack data: the pack's term list (``jargon.tsv``, matched on lower case and
on the stem of Swedish inflected or compound forms: "WMS:et", "APN-profilen"), compound
parts (``lexicons/jargon_parts.txt``: "avvikelse" in "leveransavvikelse"), and the shape
of internal codes (acronyms such as "SGI", "P3", "LTL-kö"). A term is not jargon when the
customer used it first, or when it is in ``lexicons/known_terms.txt`` (BankID, router…).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from verbalkit.pipeline.components.common import add_tag, pack_for
from verbalkit.vocab import Behaviour

#: Acronyms and internal codes: two or more capitals (digits allowed), optional clitic or
#: compound tail ("AD:t", "DC:erna", "L2-gruppen", "P3").
CODE_SHAPE = re.compile(r"^(?=(?:.*[A-ZÅÄÖ]){2}|[A-Z]\d)[A-ZÅÄÖ0-9]{2,7}(?:[:\-][\wåäöÅÄÖ-]+)?$")
SPLIT_TAIL = re.compile(r"[:\-]")


def root(term: str) -> str:
    """The term without clitic or compound tail, lower-cased ("WMS:et" -> "wms")."""
    return SPLIT_TAIL.split(term, maxsplit=1)[0].lower()


class JargonTagger:
    """Tag jargon spans in agent utterances."""

    def __init__(self, lang: str, packs: list[str]) -> None:
        self.lang = lang
        self.packs = packs

    def __call__(self, doc: Doc) -> Doc:
        if doc._.vk_role != "agent" or len(doc) == 0:
            return doc
        pack = pack_for(self.lang, self.packs)
        prev = (doc._.vk_prev or "").lower()
        prev_words = set(re.findall(r"[\wåäö]+", prev))
        known = pack.lexicon_set("known_terms")
        terms = {t.lower(): t for t in pack.jargon}
        multi = [t.lower().split() for t in pack.jargon if " " in t]
        parts = [p.lower() for p in pack.lexicon("jargon_parts")]
        covered: set[int] = set()

        def used_by_customer(text: str) -> bool:
            low = text.lower()
            if low in prev or root(text) in prev_words:
                return True
            return any(len(w) >= 4 and (low.startswith(w) or w.startswith(low)) for w in prev_words)

        def tag(span: Span, rule: str, confidence: float, term: str | None) -> None:
            if (
                used_by_customer(span.text)
                or span.text.lower() in known
                or root(span.text) in known
            ):
                return
            suggestion = pack.jargon.get(term) if term else None
            add_tag(
                doc, span, Behaviour.JARGON.value, rule, confidence, suggestion=suggestion or None
            )
            covered.update(range(span.start, span.end))

        lowers = [t.lower_ for t in doc]
        for words in sorted(multi, key=len, reverse=True):
            n = len(words)
            for i in range(len(doc) - n + 1):
                if lowers[i : i + n] == words and not covered.intersection(range(i, i + n)):
                    tag(doc[i : i + n], f"{self.lang}.jargon.term", 0.85, terms[" ".join(words)])
        for i, token in enumerate(doc):
            if i in covered or token.is_punct or token.is_space:
                continue
            low = token.lower_
            term = terms.get(low) or terms.get(root(token.text))
            if term is None:
                term = next((terms[t] for t in terms if len(t) >= 5 and low.startswith(t)), None)
            if term is not None:
                tag(doc[i : i + 1], f"{self.lang}.jargon.term", 0.85, term)
            elif len(low) >= 9 and any(low.endswith(p) or low.startswith(p) for p in parts):
                tag(doc[i : i + 1], f"{self.lang}.jargon.compound_part", 0.6, None)
            elif CODE_SHAPE.match(token.text) and not token.like_num:
                tag(doc[i : i + 1], f"{self.lang}.jargon.code_shape", 0.65, None)
        return doc


@Language.factory("verbalkit_jargon", assigns=["doc.spans"], default_config={"packs": []})
def make_jargon(nlp: Language, name: str, packs: list[str]) -> JargonTagger:
    """Factory for :class:`JargonTagger`."""
    return JargonTagger(str(nlp.lang), packs)

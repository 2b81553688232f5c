"""Customer signals: ``emotion`` and ``problem`` on customer utterances.

Rules with ``"role": "customer"`` in the pack tag them. A customer turn that the rules
miss but that describes something going wrong at length is still a problem statement:
``problem`` is also given, with low confidence, to a customer turn of at least
``PROBLEM_MIN_WORDS`` words that contains a negation or a trouble word
(``lexicons/problem_words.txt``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from verbalkit.pipeline.components.common import (
    add_tag,
    doc_role,
    pack_for,
    remove_tags,
    sentence_at,
    tags,
    tags_overlapping,
    token_lists,
    write_spans,
)
from verbalkit.pipeline.components.matching import CompiledRules
from verbalkit.vocab import Signal

PROBLEM_MIN_WORDS = 8


class SignalTagger:
    """Tag customer utterances with emotion and problem signals."""

    def __init__(self, nlp: Language, packs: list[str]) -> None:
        self.nlp = nlp
        self.packs = packs
        self._rules: CompiledRules | None = None
        self._trouble: frozenset[str] = frozenset()

    def __call__(self, doc: Doc) -> Doc:
        if doc_role(doc) != "customer" or len(doc) == 0:
            return doc
        if self._rules is None:
            pack = pack_for(str(self.nlp.lang), self.packs)
            self._rules = CompiledRules(self.nlp, pack, "customer")
            self._trouble = pack.lexicon_set("problem_words")
        # Only the outermost evidence of a label is reported, and nothing else reads the
        # nested matches of a customer turn: leave them out (linear in unpunctuated text).
        matches = self._rules(doc, outermost=True)
        labels = {Signal.EMOTION.value, Signal.PROBLEM.value}
        for span, rule in matches:
            if rule.label in labels and not rule.veto:
                add_tag(doc, span, rule.label, rule.id, rule.confidence)
        for span, rule in matches:
            if rule.veto:
                for tagged in tags_overlapping(doc, rule.label, span):
                    remove_tags(doc, rule.label, within=tagged)
        if not tags(doc, Signal.PROBLEM.value):
            trouble = self._trouble
            words = token_lists(doc)
            n_words = words.puncts.count(False)
            hit = next((i for i, low in enumerate(words.lowers) if low in trouble), None)
            if n_words >= PROBLEM_MIN_WORDS and hit is not None:
                sent = sentence_at(doc, hit)
                add_tag(
                    doc, sent, Signal.PROBLEM.value, f"{self.nlp.lang}.problem.trouble_word", 0.5
                )
        write_spans(doc)
        return doc


@Language.factory("verbalkit_signals", assigns=["doc.spans"], default_config={"packs": []})
def make_signals(nlp: Language, name: str, packs: list[str]) -> SignalTagger:
    """Factory for :class:`SignalTagger`."""
    return SignalTagger(nlp, packs)

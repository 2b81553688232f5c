"""Compile a pack's pattern rules into spaCy matchers and run them."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from verbalkit.pipeline.components.common import CUES_KEY
from verbalkit.pipeline.packs import Rule, RulePack


class CompiledRules:
    """Token and phrase matchers for the rules of one role."""

    def __init__(self, nlp: Language, pack: RulePack, role: str) -> None:
        self.rules: dict[str, Rule] = {}
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for rule in pack.rules:
            if rule.role not in (role, "any"):
                continue
            self.rules[rule.id] = rule
            if isinstance(rule.pattern, str):
                self.phrases.add(rule.id, [nlp.make_doc(rule.pattern)])
            else:
                self.matcher.add(rule.id, [rule.pattern])

    def __call__(self, doc: Doc) -> list[tuple[Span, Rule]]:
        """All matches, as (span, rule), longest first within equal starts."""
        found: list[tuple[Span, Rule]] = []
        for match_id, start, end in [*self.matcher(doc), *self.phrases(doc)]:
            rule = self.rules[doc.vocab.strings[match_id]]
            found.append((Span(doc, start, end, label=rule.label, span_id=rule.id), rule))
        found.sort(key=lambda item: (item[0].start, -(item[0].end - item[0].start)))
        if CUES_KEY not in doc.spans:
            doc.spans[CUES_KEY] = []
        group = doc.spans[CUES_KEY]
        for span, _ in found:
            group.append(span)
        return found

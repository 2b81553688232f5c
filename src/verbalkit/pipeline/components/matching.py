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

    def __call__(self, doc: Doc, *, outermost: bool = False) -> list[tuple[Span, Rule]]:
        """All matches, as (span, rule), longest first within equal starts.

        With ``outermost``, a match inside a longer match of the same label is left out
        (equal spans are all kept, so the most confident rule still wins). A pattern with
        an unbounded wildcard ("charged … twice") matches every pair of its end words in
        unpunctuated text, which is quadratic in the text's length; when only the outermost
        evidence of a label is reported, the nested matches are dropped before any Span is
        made for them.
        """
        raw = sorted([*self.matcher(doc), *self.phrases(doc)], key=lambda m: (m[1], -m[2]))
        found: list[tuple[Span, Rule]] = []
        reach: dict[str, int] = {}  # per label, the furthest end of a kept match
        last: dict[str, tuple[int, int]] = {}  # per label, the last kept match
        for match_id, start, end in raw:
            rule = self.rules[doc.vocab.strings[match_id]]
            if outermost and not rule.veto:
                inside = end <= reach.get(rule.label, -1)
                if inside and last.get(rule.label) != (start, end):
                    continue
                reach[rule.label] = max(reach.get(rule.label, -1), end)
                last[rule.label] = (start, end)
            found.append((Span(doc, start, end, label=rule.label, span_id=rule.id), rule))
        if CUES_KEY not in doc.spans:
            doc.spans[CUES_KEY] = []
        group = doc.spans[CUES_KEY]
        for span, _ in found:
            group.append(span)
        return found

"""Compile a pack's pattern rules into spaCy matchers and run them."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from verbalkit.pipeline.components.common import CUES_KEY, token_lists
from verbalkit.pipeline.packs import Rule, RulePack

#: Matchers kept for subsets of the token rules (see :meth:`CompiledRules._matcher_for`).
MAX_SUBSET_MATCHERS = 2048


def required_words(pattern: list[dict[str, Any]]) -> list[frozenset[str]]:
    """Word sets a Doc must hit, one per token of ``pattern`` that must match exactly.

    A token without an ``OP`` (or with ``"+"``) must match at least one token of the Doc;
    when it constrains ``LOWER`` to a string or to an ``IN`` list, some token of the Doc
    has one of those lower-case forms, or the pattern cannot match. Other tokens and other
    constraints add nothing here (a necessary condition, never a sufficient one).
    """
    out = []
    for spec in pattern:
        if spec.get("OP", "+") != "+":
            continue
        lower = spec.get("LOWER")
        if isinstance(lower, str):
            out.append(frozenset([lower]))
        elif isinstance(lower, dict) and isinstance(lower.get("IN"), list):
            out.append(frozenset(x for x in lower["IN"] if isinstance(x, str)))
    return out


def required_regexes(pattern: list[dict[str, Any]]) -> list[re.Pattern[str]]:
    """Regexes some lower-cased token of a Doc must match, one per mandatory token of
    ``pattern`` that constrains ``LOWER`` with ``REGEX`` (searched, as spaCy does)."""
    out = []
    for spec in pattern:
        if spec.get("OP", "+") != "+":
            continue
        lower = spec.get("LOWER")
        if isinstance(lower, dict) and isinstance(lower.get("REGEX"), str):
            out.append(re.compile(lower["REGEX"]))
    return out


class CompiledRules:
    """Token and phrase matchers for the rules of one role.

    Most token rules name words that most utterances lack. Each Doc is matched only with
    the rules whose required words (:func:`required_words`) it has: a :class:`Matcher`
    holding just those rules, in the pack's order, built once per such set of rules and
    kept. spaCy's matcher runs each pattern's states independently and keeps their
    relative order, so a matcher of a subset finds exactly the matches the full matcher
    finds for those rules, in the same order; the rules left out cannot match the Doc.
    """

    def __init__(self, nlp: Language, pack: RulePack, role: str) -> None:
        self.vocab = nlp.vocab
        self.rules: dict[str, Rule] = {}
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.token_rules: list[Rule] = []
        for rule in pack.rules:
            if rule.role not in (role, "any"):
                continue
            self.rules[rule.id] = rule
            if isinstance(rule.pattern, str):
                self.phrases.add(rule.id, [nlp.make_doc(rule.pattern)])
            else:
                self.matcher.add(rule.id, [rule.pattern])
                self.token_rules.append(rule)
        self.has_phrases = len(self.phrases) > 0
        # Per token rule (by position): its word sets and regexes; rules with no word set
        # are checked on every Doc.
        self._needs: list[list[frozenset[str]]] = []
        self._regexes: list[list[re.Pattern[str]]] = []
        self._always: list[int] = []
        # The first word set of each rule, inverted: word -> rules that need one of its words.
        self._by_word: dict[str, list[int]] = {}
        for k, rule in enumerate(self.token_rules):
            assert isinstance(rule.pattern, list)
            needs = required_words(rule.pattern)
            self._needs.append(needs)
            self._regexes.append(required_regexes(rule.pattern))
            if not needs:
                self._always.append(k)
                continue
            anchor = min(needs, key=len)
            for word in anchor:
                self._by_word.setdefault(word, []).append(k)
        self._subsets: dict[tuple[int, ...], Matcher] = {}

    def _possible(self, doc: Doc) -> tuple[int, ...]:
        """Positions of the token rules whose required words all occur in ``doc``."""
        words = token_lists(doc).lowers_set
        by_word = self._by_word
        candidates = set(self._always)
        for word in words:
            hit = by_word.get(word)
            if hit is not None:
                candidates.update(hit)
        needs, regexes = self._needs, self._regexes
        return tuple(
            k
            for k in sorted(candidates)
            if all(not need.isdisjoint(words) for need in needs[k])
            and all(any(rx.search(w) for w in words) for rx in regexes[k])
        )

    def _matcher_for(self, subset: tuple[int, ...]) -> Matcher:
        if len(subset) == len(self.token_rules):
            return self.matcher
        found = self._subsets.get(subset)
        if found is None:
            found = Matcher(self.vocab)
            for k in subset:
                rule = self.token_rules[k]
                assert isinstance(rule.pattern, list)
                found.add(rule.id, [rule.pattern])
            if len(self._subsets) >= MAX_SUBSET_MATCHERS:
                self._subsets.pop(next(iter(self._subsets)))
            self._subsets[subset] = found
        return found

    def _raw(self, doc: Doc) -> list[tuple[int, int, int]]:
        subset = self._possible(doc)
        raw: list[tuple[int, int, int]] = list(self._matcher_for(subset)(doc)) if subset else []
        if self.has_phrases:
            raw.extend(self.phrases(doc))
        return raw

    def __call__(self, doc: Doc, *, outermost: bool = False) -> list[tuple[Span, Rule]]:
        """All matches, as (span, rule), longest first within equal starts.

        With ``outermost``, a match inside a longer match of the same label is left out
        (equal spans are all kept, so the most confident rule still wins). A pattern with
        an unbounded wildcard ("charged … twice") matches every pair of its end words in
        unpunctuated text, which is quadratic in the text's length; when only the outermost
        evidence of a label is reported, the nested matches are dropped before any Span is
        made for them.
        """
        raw = sorted(self._raw(doc), key=lambda m: (m[1], -m[2]))
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

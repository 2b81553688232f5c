"""The behaviour rules: pattern matches from the pack, call context, vetoes.

Order inside the component, per agent utterance:

1. every pattern rule of the pack runs (``doc.spans["vk_cues"]`` keeps all matches);
2. a rule whose label is a behaviour tags its match; ``cue_*`` labels are evidence for
   context rules, e.g. ``cue_restate_marker`` ("Så…", "So you…") becomes ``restating``
   only when the sentence gives back content of the previous customer turn;
3. the language hook (:mod:`verbalkit.pipeline.lang`) refines with context;
4. ``veto`` rules remove tags of their label that overlap them (hard negatives such as
   "tack vare", "som jag sa", "vi måste");
5. the trained component (:mod:`verbalkit.pipeline.model`), where the language has one,
   adds behaviours the rules missed, for the behaviours it was kept for.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from verbalkit.pipeline.components.common import (
    add_tag,
    doc_prev,
    doc_role,
    doc_text,
    pack_for,
    remove_tags,
    tags,
    tags_overlapping,
    write_spans,
)
from verbalkit.pipeline.components.matching import CompiledRules
from verbalkit.pipeline.lang import refiner
from verbalkit.pipeline.model import LONG_TURN_WORDS, Lexicons, features, load_model, sentences
from verbalkit.pipeline.packs import RulePack
from verbalkit.vocab import Behaviour

BEHAVIOUR_LABELS = frozenset(b.value for b in Behaviour)
#: Minimum shared content words between a "So…" sentence and the customer's turn.
RESTATE_MIN_OVERLAP = 1


def stem(word: str) -> str:
    """A crude stem that lets inflected and compound forms meet ("frysväskan" ~ "frysväska")."""
    return word[:5] if len(word) > 5 else word


def content_stems(tokens: Span | Doc, stop: frozenset[str]) -> set[str]:
    """Stems of the content words of a span (no stop words, punctuation or fillers)."""
    out = set()
    for t in tokens:
        if t.is_punct or t.is_space:
            continue
        lemma = (t.lemma_ or t.text).lower()
        if t.lower_ in stop or lemma in stop or (len(t.text) < 3 and not t.like_num):
            continue
        out.add(stem(lemma))
        out.add(stem(t.lower_))
    return out


def sentence_of(doc: Doc, span: Span) -> Span:
    """The sentence containing the start of ``span``."""
    return doc[span.start].sent


class BehaviourTagger:
    """Tag an agent utterance with the pack's behaviour rules and context rules."""

    def __init__(self, nlp: Language, packs: list[str]) -> None:
        self.nlp = nlp
        self.packs = packs
        self._rules: CompiledRules | None = None
        self._pack: RulePack | None = None
        self._stop_words: frozenset[str] | None = None
        self._lexicon_features: Lexicons | None = None

    def _ensure(self) -> tuple[CompiledRules, RulePack]:
        if self._rules is None or self._pack is None:
            self._pack = pack_for(str(self.nlp.lang), self.packs)
            self._rules = CompiledRules(self.nlp, self._pack, "agent")
        return self._rules, self._pack

    def __call__(self, doc: Doc) -> Doc:
        if doc_role(doc) != "agent" or len(doc) == 0:
            return doc
        rules, pack = self._ensure()
        matches = rules(doc)
        vetoes = [(span, rule) for span, rule in matches if rule.veto]
        for span, rule in matches:
            if not rule.veto and rule.label in BEHAVIOUR_LABELS:
                add_tag(doc, span, rule.label, rule.id, rule.confidence)
        self._restating(doc, pack, [(s, r.id, r.confidence) for s, r in matches if not r.veto])
        hook = refiner(str(self.nlp.lang))
        if hook is not None:
            hook(doc, pack)
        for veto, rule in vetoes:
            for span in tags_overlapping(doc, rule.label, veto):
                remove_tags(doc, rule.label, within=span)
        self._model(doc, {rule.label for _, rule in vetoes})
        write_spans(doc)
        return doc

    def _model(self, doc: Doc, vetoed: set[str]) -> None:
        """Add the behaviours the trained component finds and the rules did not (never one
        a veto rule has ruled out in this utterance: "som jag sa…" stays no solution)."""
        lang = str(self.nlp.lang)
        model = load_model(lang)
        if model is None:
            return
        text = doc_text(doc)
        prev = doc_prev(doc)
        have = {span.label_ for span in tags(doc)} & BEHAVIOUR_LABELS
        lexicons = self._lexicons() if model.lexicon_features else None
        probs = model.probabilities(features(text, prev, have, lexicons))
        n_words = len(text.split())
        for label, p in probs.items():
            threshold = model.behaviours[label].threshold
            if label in have or label in vetoed or p < threshold:
                continue
            parts = sentences(text)
            if len(parts) > 1:
                # The evidence is the sentence the model finds most of the behaviour in; in a
                # long turn it must carry the behaviour on its own (LONG_TURN_WORDS).
                def score(part: tuple[int, int], label: str = label) -> float:
                    feats = features(text[part[0] : part[1]], prev, have, lexicons)
                    return model.probabilities(feats)[label]

                scored = [(score(part), part) for part in parts]
                best, (start, end) = max(scored, key=lambda sp: sp[0])
                if n_words >= LONG_TURN_WORDS:
                    if best < threshold:
                        continue
                    p = min(p, best)
            else:
                start, end = parts[0]
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                add_tag(doc, span, label, f"{lang}.{label}.model", round(p, 3))

    def _lexicons(self) -> Lexicons:
        """The pack's word lists as model features, once per pipeline."""
        if self._lexicon_features is None:
            _, pack = self._ensure()
            self._lexicon_features = Lexicons(pack.lexicons)
        return self._lexicon_features

    def _stop(self, pack: RulePack) -> frozenset[str]:
        """The pack's stop words and the language's, once per pipeline."""
        if self._stop_words is None:
            self._stop_words = pack.lexicon_set("stopwords") | self.nlp.Defaults.stop_words
        return self._stop_words

    def _restating(self, doc: Doc, pack: RulePack, matches: list[tuple[Span, str, float]]) -> None:
        prev = doc_prev(doc)
        markers = [m for m in matches if m[0].label_ == "cue_restate_marker"]
        if not prev or not markers:
            return  # most utterances: no need to tokenise the customer's turn
        stop = self._stop(pack)
        prev_doc = self.nlp.make_doc(prev)
        lemmatizer = (
            self.nlp.get_pipe("lemmatizer") if "lemmatizer" in self.nlp.pipe_names else None
        )
        if lemmatizer is not None:
            prev_doc = lemmatizer(prev_doc)
        prev_stems = content_stems(prev_doc, stop)
        for span, rule_id, confidence in markers:
            sent = sentence_of(doc, span)
            shared = content_stems(doc[span.end : sent.end], stop) & prev_stems
            if len(shared) >= RESTATE_MIN_OVERLAP:
                add_tag(doc, sent, Behaviour.RESTATING.value, rule_id, confidence)


@Language.factory(
    "verbalkit_behaviours",
    assigns=["doc.spans"],
    requires=["token.is_sent_start"],
    default_config={"packs": []},
)
def make_behaviours(nlp: Language, name: str, packs: list[str]) -> BehaviourTagger:
    """Factory for :class:`BehaviourTagger`."""
    return BehaviourTagger(nlp, packs)

"""Sentence boundaries that cope with ASR text without punctuation."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from verbalkit.pipeline.components.common import pack_for

TERMINALS = frozenset({".", "!", "?", "…", "...", ";"})
#: An unpunctuated stretch shorter than this is never split.
MIN_RUN = 4


class SentenceSplitter:
    """Split on terminal punctuation; in unpunctuated stretches, before discourse starters.

    ASR rows ("okej så kassen har ett annat namn på sig vad hände sen") carry no full
    stops, so a lexicon of words that typically open a new clause in speech
    (``lexicons/sentence_starters.txt``: "vad", "hur", "så", "what", "so", ...) splits a
    run once it is at least ``MIN_RUN`` tokens long.
    """

    def __init__(self, lang: str, packs: list[str]) -> None:
        self.lang = lang
        self.packs = packs

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        starters = pack_for(self.lang, self.packs).lexicon_set("sentence_starters")
        # Any terminal punctuation (the final full stop included) means the writer or the
        # ASR punctuates; only wholly unpunctuated text is split at discourse starters.
        punctuated = any(t.text in TERMINALS for t in doc)
        run = 0
        for i, token in enumerate(doc):
            if i == 0:
                token.is_sent_start = True
                run = 1
                continue
            prev = doc[i - 1]
            if prev.text in TERMINALS or prev.text.endswith(("?", "!")):
                token.is_sent_start = not token.is_punct
            elif (
                not punctuated
                and run >= MIN_RUN
                and token.lower_ in starters
                and not prev.is_punct
                and prev.lower_ not in starters
            ):
                token.is_sent_start = True
            else:
                token.is_sent_start = False
            run = 1 if token.is_sent_start else run + 1
        return doc


@Language.factory(
    "verbalkit_sentences",
    assigns=["token.is_sent_start"],
    default_config={"packs": []},
)
def make_sentences(nlp: Language, name: str, packs: list[str]) -> SentenceSplitter:
    """Factory for :class:`SentenceSplitter`."""
    return SentenceSplitter(str(nlp.lang), packs)

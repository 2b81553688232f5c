"""Sentence boundaries that cope with ASR text without punctuation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from verbalkit.pipeline.components.common import pack_for

TERMINALS = frozenset({".", "!", "?", "…", "...", ";"})
#: An unpunctuated stretch shorter than this is never split.
MIN_RUN = 4


def set_sent_starts(doc: Doc, starts: Sequence[bool]) -> None:
    """Write sentence starts for every token of ``doc`` in one array operation.

    Setting ``token.is_sent_start`` checks the whole Doc for a parse each time, so a loop
    over the tokens is quadratic in the utterance's length; ``Doc.from_array`` is linear.
    ``SENT_START`` is 1 for a start and -1 for "not a start" (0 would mean unknown).
    """
    if len(starts) != len(doc):
        raise ValueError(f"{len(starts)} sentence starts for a Doc of {len(doc)} tokens")
    if not starts:
        return
    values = numpy.where(numpy.asarray(starts, dtype=bool), 1, -1)
    # from_array takes uint64; -1 wraps to the value spaCy itself stores for "not a start".
    doc.from_array([SENT_START], cast(Ints2d, values.astype(numpy.uint64).reshape(-1, 1)))


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
        texts = [t.text for t in doc]
        lowers = [t.lower_ for t in doc]
        puncts = [t.is_punct for t in doc]
        # Any terminal punctuation (the final full stop included) means the writer or the
        # ASR punctuates; only wholly unpunctuated text is split at discourse starters.
        punctuated = any(text in TERMINALS for text in texts)
        starts = [True]
        run = 1
        for i in range(1, len(texts)):
            prev = texts[i - 1]
            if prev in TERMINALS or prev.endswith(("?", "!")):
                start = not puncts[i]
            else:
                start = (
                    not punctuated
                    and run >= MIN_RUN
                    and lowers[i] in starters
                    and not puncts[i - 1]
                    and lowers[i - 1] not in starters
                )
            starts.append(start)
            run = 1 if start else run + 1
        set_sent_starts(doc, starts)
        return doc


@Language.factory(
    "verbalkit_sentences",
    assigns=["token.is_sent_start"],
    default_config={"packs": []},
)
def make_sentences(nlp: Language, name: str, packs: list[str]) -> SentenceSplitter:
    """Factory for :class:`SentenceSplitter`."""
    return SentenceSplitter(str(nlp.lang), packs)

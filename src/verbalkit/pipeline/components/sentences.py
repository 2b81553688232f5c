"""Sentence boundaries that cope with ASR text without punctuation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from verbalkit.pipeline.components.common import bounds_from_starts, pack_for, token_lists

TERMINALS = frozenset({".", "!", "?", "…", "...", ";"})
#: -1 as uint64: what ``Doc.from_array`` reads as "not a sentence start".
_NOT_A_START = 2**64 - 1
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
    # from_array takes uint64; -1 wraps to the value spaCy itself stores for "not a start".
    values = numpy.array([1 if x else _NOT_A_START for x in starts], dtype=numpy.uint64)
    doc.from_array([SENT_START], cast(Ints2d, values.reshape(-1, 1)))
    # The sentences as doc.sents now gives them, kept for the components (sent_bounds).
    doc.user_data["vk_sents"] = bounds_from_starts([bool(x) for x in starts])


class SentenceSplitter:
    """Split on terminal punctuation; in unpunctuated stretches, before discourse starters.

    ASR rows ("okej så kassen har ett annat namn på sig vad hände sen") carry no full
    stops, so a lexicon of words that typically open a new clause in speech
    (``lexicons/sentence_starters.txt``: "vad", "hur", "så", "what", "so", ...) splits a
    run once it is at least ``MIN_RUN`` tokens long. A wh-word right after a preposition
    or a word that takes a wh-clause (``lexicons/clause_embedders.txt``: "for", "know",
    "told", "om", "vet", "kolla", ...) opens an embedded clause, not a question: "i told
    everybody what happened", "jag ska kolla vad som har hänt" are not split there. Nor is
    a wh-word followed by a word that shows straight word order
    (``lexicons/clause_subjects.txt``; Swedish "som", "det", "jag"…: "hur det gick", where a
    question would say "hur gick det"). A verb that starts a question ("har", "kan",
    "could") does not start one as the last word ("…vilket avtal du har").
    """

    def __init__(self, lang: str, packs: list[str]) -> None:
        self.lang = lang
        self.packs = packs
        self._starters: frozenset[str] | None = None
        self._wh: frozenset[str] = frozenset()
        self._embedders: frozenset[str] = frozenset()
        self._subjects: frozenset[str] = frozenset()
        self._verbs: frozenset[str] = frozenset()

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        starters = self._starters
        if starters is None:
            pack = pack_for(self.lang, self.packs)
            starters = pack.lexicon_set("sentence_starters")
            self._wh = pack.lexicon_set("wh_words") & starters
            self._embedders = pack.lexicon_set("clause_embedders")
            self._subjects = pack.lexicon_set("clause_subjects")
            self._verbs = pack.lexicon_set("v1_verbs") & starters
            self._starters = starters
        wh, embedders, subjects = self._wh, self._embedders, self._subjects
        verbs = self._verbs
        words = token_lists(doc)
        texts, lowers, puncts = words.texts, words.lowers, words.puncts
        n = len(texts)
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
                    and not (
                        lowers[i] in wh
                        and (
                            lowers[i - 1] in embedders or (i + 1 < n and lowers[i + 1] in subjects)
                        )
                    )
                    and not (lowers[i] in verbs and i + 1 >= n)
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

"""Build the spaCy pipeline for a language, once per process."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from verbalkit.errors import UnsupportedLanguageError
from verbalkit.vocab import SUPPORTED_LANGUAGES

if TYPE_CHECKING:
    from spacy.language import Language


def get_nlp(lang: str, packs: tuple[str, ...] = ()) -> Language:
    """The verbalkit pipeline for ``lang``, extended by user ``packs`` (folders).

    Starts from ``spacy.blank(lang)`` with spaCy's lookup lemmas from ``spacy-lookups-data``,
    read from a compact table kept in the user's cache (:mod:`verbalkit.pipeline.lemmas`);
    no model is downloaded. Built once per process and never mutated afterwards.

    Raises:
        UnsupportedLanguageError: ``lang`` has no rule pack.
    """
    # One cache key per (lang, packs), however the caller spelled the arguments.
    return _build(lang, tuple(packs))


@functools.cache
def _build(lang: str, packs: tuple[str, ...]) -> Language:
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(
            f"language {lang!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})"
        )
    import spacy

    # Importing these registers the factories (verbalkit_lemmatizer is in lemmas).
    from verbalkit.pipeline import components, lemmas  # noqa: F401
    from verbalkit.pipeline.packs import load_pack

    load_pack(lang, packs)  # fail early, with file and line, on a broken pack
    nlp = spacy.blank(lang)
    # spaCy's lookup lemmatizer, same lemmas, without re-inserting the whole table each start.
    nlp.add_pipe("verbalkit_lemmatizer", name="lemmatizer")
    config = {"packs": list(packs)}
    nlp.add_pipe("verbalkit_sentences", config=config)
    nlp.add_pipe("verbalkit_questions", config=config)
    # Jargon before behaviours, so the language hooks see (and may refine) jargon spans.
    nlp.add_pipe("verbalkit_jargon", config=config)
    nlp.add_pipe("verbalkit_behaviours", config=config)
    nlp.add_pipe("verbalkit_signals", config=config)
    nlp.initialize()
    return nlp

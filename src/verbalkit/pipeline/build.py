"""Build the spaCy pipeline for a language, once per process."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from verbalkit.errors import UnsupportedLanguageError
from verbalkit.vocab import SUPPORTED_LANGUAGES


def get_nlp(lang: str, packs: tuple[str, ...] = ()) -> Language:
    """The verbalkit pipeline for ``lang``, extended by user ``packs`` (folders).

    Starts from ``spacy.blank(lang)`` with lookup lemmas from ``spacy-lookups-data``; no
    model is downloaded. Built once per process and never mutated afterwards.

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
    import verbalkit.pipeline.components  # noqa: F401  (registers the factories)
    from verbalkit.pipeline.packs import load_pack

    load_pack(lang, packs)  # fail early, with file and line, on a broken pack
    nlp = spacy.blank(lang)
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    config = {"packs": list(packs)}
    nlp.add_pipe("verbalkit_sentences", config=config)
    nlp.add_pipe("verbalkit_questions", config=config)
    # Jargon before behaviours, so the language hooks see (and may refine) jargon spans.
    nlp.add_pipe("verbalkit_jargon", config=config)
    nlp.add_pipe("verbalkit_behaviours", config=config)
    nlp.add_pipe("verbalkit_signals", config=config)
    nlp.initialize()
    return nlp

"""Analysis: tag every utterance of a call with the spaCy pipeline, then find call patterns."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from verbalkit.errors import UnsupportedLanguageError
from verbalkit.schema import AnalysedCall, AnalysedUtterance, Failure, Tag, Transcript
from verbalkit.vocab import SUPPORTED_LANGUAGES, Role

#: Longest utterance text handed to spaCy; longer text is tagged on its first part only.
MAX_CHARS = 200_000


def _docs(
    items: Iterable[tuple[str, str | None, str]], lang: str, packs: tuple[str, ...], batch_size: int
) -> Iterator[Doc]:
    from verbalkit.pipeline.build import get_nlp

    nlp = get_nlp(lang, packs)

    def make(text: str, prev: str | None, role: str) -> Doc:
        doc = nlp.make_doc(text[:MAX_CHARS])
        doc._.vk_role = role
        doc._.vk_prev = prev[-MAX_CHARS:] if prev else None
        return doc

    yield from nlp.pipe((make(*item) for item in items), batch_size=batch_size)


def _check_lang(lang: str) -> None:
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(
            f"language {lang!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})"
        )


def tag_many(
    items: Iterable[tuple[str, str | None]],
    lang: str,
    *,
    role: str = "agent",
    packs: tuple[str, ...] = (),
    batch_size: int = 256,
) -> Iterator[list[Tag]]:
    """Tag many utterances of one language; ``items`` are ``(text, previous_customer_text)``.

    Yields one list of tags per item, in order; batches through ``nlp.pipe``.
    """
    from verbalkit.pipeline.convert import tags_from_doc

    _check_lang(lang)
    stream = ((text, prev, role) for text, prev in items)
    for doc in _docs(stream, lang, packs, batch_size):
        yield tags_from_doc(doc)


def tag(
    text: str,
    lang: str,
    *,
    prev: str | None = None,
    role: str = "agent",
    packs: tuple[str, ...] = (),
) -> list[Tag]:
    """Tag one utterance.

    Args:
        text: what the speaker said.
        lang: "sv" or "en".
        prev: the customer's previous turn (context for restating, jargon, sympathy).
        role: "agent" (behaviours, jargon) or "customer" (emotion, problem signals).
        packs: folders of user rule packs that extend the built-in one.

    >>> [t.label for t in tag("Har du kvittot kvar?", lang="sv")]
    ['closed_question']
    """
    return next(tag_many([(text, prev)], lang, role=role, packs=packs))


def analyze(transcript: Transcript, *, packs: tuple[str, ...] = ()) -> AnalysedCall:
    """Tag every utterance of a call and detect its call-level patterns.

    Agent utterances get behaviours and jargon, with the customer's previous turn as
    context; customer utterances get emotion and problem signals.

    Raises:
        UnsupportedLanguageError: the call's language has no rule pack.
    """
    from verbalkit.patterns import detect
    from verbalkit.pipeline.convert import tags_from_doc
    from verbalkit.pipeline.packs import load_pack

    warnings = list(transcript.warnings)
    lang = transcript.language
    if lang is None:
        # A Transcript built in code may not say; detect as the readers do, never guess.
        from verbalkit.io.language import decide_language

        info, notes = decide_language(
            None,
            (u.text for u in transcript.utterances),
            path=transcript.source or transcript.call_id,
            declared_in="language",
        )
        lang = info.code
        warnings += notes
    _check_lang(lang)
    items: list[tuple[str, str | None, str]] = []
    prev: str | None = None
    for utt in transcript.utterances:
        role = "customer" if utt.speaker is Role.CUSTOMER else "agent"
        if utt.speaker is Role.OTHER:
            role = "other"
        items.append((utt.text, prev if role == "agent" else None, role))
        if utt.speaker is Role.CUSTOMER and utt.text.strip():
            prev = utt.text
    utterances = [
        AnalysedUtterance(
            index=i,
            speaker=utt.speaker,
            speaker_label=utt.speaker_label,
            start=utt.start,
            end=utt.end,
            text=utt.text,
            tags=tags_from_doc(doc),
        )
        for i, (utt, doc) in enumerate(
            zip(transcript.utterances, _docs(items, lang, packs, 64), strict=True)
        )
    ]
    call = AnalysedCall(
        call_id=transcript.call_id,
        agent_id=transcript.agent_id,
        team=transcript.team,
        language=lang,
        started_at=transcript.started_at,
        source=transcript.source,
        has_timestamps=transcript.has_timestamps,
        packs=[load_pack(lang, packs).ident],
        utterances=utterances,
        warnings=warnings,
    )
    return detect(call)


def analyze_many(
    transcripts: Iterable[Transcript | Failure],
    *,
    packs: tuple[str, ...] = (),
) -> Iterator[AnalysedCall | Failure]:
    """Analyse a stream of calls; failures pass through and one bad call never stops the rest.

    Any error while analysing one call, expected or not, becomes a
    :class:`~verbalkit.schema.Failure` naming the call's file and id; for an unexpected error
    (a bug, or input nothing foresaw) the Failure keeps the traceback for ``--debug``.
    Only ``KeyboardInterrupt`` and ``SystemExit`` stop the stream.
    """
    from verbalkit.errors import VerbalkitError

    for item in transcripts:
        if isinstance(item, Failure):
            yield item
            continue
        path = item.source or item.call_id
        try:
            result = analyze(item, packs=packs)
        except VerbalkitError as err:
            yield Failure(path=path, message=f"call {item.call_id}: {err}", call_id=item.call_id)
        except Exception as err:  # one call's failure, reported with its traceback
            yield Failure.unexpected(path, err, call_id=item.call_id)
        else:
            yield result

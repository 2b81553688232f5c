"""Analysis: tag every utterance of a call with the spaCy pipeline, then find call patterns."""

from __future__ import annotations

import re
import warnings as pywarnings
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from verbalkit.errors import UnsupportedLanguageError
from verbalkit.limits import DEFAULT_LIMITS, Limits
from verbalkit.schema import AnalysedCall, AnalysedUtterance, Failure, Tag, Transcript
from verbalkit.vocab import SUPPORTED_LANGUAGES, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: An utterance longer than this many characters is tagged in pieces of at most this size,
#: each its own Doc with the same context, so that the cost stays linear in its length. A
#: piece ends after a sentence (terminal punctuation, or before a line break), else at a
#: space, in its second half; tags are shifted back to index the whole text. Shorter
#: utterances (all normal ones) are tagged whole, exactly as before.
CHUNK_CHARS = 20_000

#: Characters of the previous customer turn that are context for an agent utterance (its
#: end). Every piece of a long utterance reads its context again, so it is bounded; no
#: spoken turn comes near it.
CONTEXT_CHARS = CHUNK_CHARS

#: Warnings about changed or cut utterance texts kept per call; the rest are counted.
MAX_NOTES = 10

# A sentence end a piece may stop after: terminal punctuation and closing quotes or brackets
# followed by white space, or just before a line break. The one space spaCy keeps on a token
# stays with it; more white space starts the next piece, as it starts the next sentence.
_SENTENCE_END = re.compile(r"[.!?…;]+[\"'”’»)\]]*(?: |(?=\s))|(?=\n)")
_SPACE = re.compile(r"\s+")
# A lone UTF-16 surrogate is a str but not text: spaCy fails hashing it as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One utterance made safe to tag, and what had to change to get there."""

    text: str
    """The whole text, lone surrogates replaced (one character each, so offsets hold)."""
    n_surrogates: int
    limit: int
    """Characters that are tagged (``Limits.max_utterance_chars``)."""

    @property
    def tagged(self) -> str:
        """The part of the text that is tagged."""
        return self.text[: self.limit] if len(self.text) > self.limit else self.text

    def notes(self, where: str) -> list[str]:
        """Warnings about what was changed or left untagged, naming the utterance."""
        out = []
        if self.n_surrogates:
            n = self.n_surrogates
            out.append(
                f"{where}: {n} invalid character{'s' if n > 1 else ''} (lone UTF-16 surrogate) "
                "replaced with U+FFFD"
            )
        if len(self.text) > self.limit:
            out.append(
                f"{where}: {len(self.text):,} characters; only the first {self.limit:,} were "
                f"tagged, {len(self.text) - self.limit:,} cut (limit max_utterance_chars)"
            )
        return out


def _prepare(text: str, limits: Limits) -> _Prepared:
    """``text`` with lone surrogates replaced, and the limit it is tagged up to."""
    n_surrogates = 0
    if not text.isascii():
        text, n_surrogates = _SURROGATE.subn("\ufffd", text)
    return _Prepared(text, n_surrogates, limits.max_utterance_chars)


def _context(prev: str | None, limits: Limits) -> str | None:
    """The previous customer turn as context: lone surrogates replaced, its end only."""
    if not prev:
        return None
    return _prepare(prev[-min(CONTEXT_CHARS, limits.max_utterance_chars) :], limits).text


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Where ``text`` is cut into pieces of at most ``size`` characters: ``(start, end)`` pairs.

    Text of at most ``size`` characters is one piece (the empty text too). A longer text is
    cut after the last sentence end in the second half of each window, else after the last
    run of white space there, else (one enormous token) at the window's end.

    >>> chunk_bounds("One. Two. Three.", size=10)
    [(0, 10), (10, 16)]
    """
    if size < 2:
        raise ValueError(f"chunk size must be at least 2, not {size}")
    bounds = []
    start = 0
    while len(text) - start > size:
        lo, hi = start + size // 2, start + size
        cut = _last_end(_SENTENCE_END, text, lo, hi) or _last_end(_SPACE, text, lo, hi) or hi
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _last_end(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    end = None
    for m in pattern.finditer(text, lo, hi):
        end = m.end()
    return end


def _tagged(
    items: Iterable[tuple[str, str | None, str]], lang: str, packs: tuple[str, ...], batch_size: int
) -> Iterator[list[Tag]]:
    """Tags of each ``(text, previous customer text, role)``, in order; texts are prepared.

    A long text becomes several Docs (:func:`chunk_bounds`) that share its context; their
    tags are shifted back so that they index the whole text.
    """
    from verbalkit.pipeline.build import get_nlp
    from verbalkit.pipeline.components.common import set_context
    from verbalkit.pipeline.convert import tags_from_doc

    nlp = get_nlp(lang, packs)
    # Per Doc in the stream: where its piece starts, and whether it is its text's last piece.
    # nlp.pipe keeps order, so the plan is read in the order the Docs come back.
    plan: deque[tuple[int, bool]] = deque()

    def docs() -> Iterator[Doc]:
        for text, prev, role in items:
            bounds = chunk_bounds(text)
            for k, (start, end) in enumerate(bounds):
                piece = text[start:end] if len(bounds) > 1 else text
                doc = nlp.make_doc(piece)
                set_context(doc, role, prev, piece)
                plan.append((start, k == len(bounds) - 1))
                yield doc

    current: list[Tag] = []
    for doc in nlp.pipe(docs(), batch_size=batch_size):
        offset, last = plan.popleft()
        found = tags_from_doc(doc)
        if offset:
            found = [
                t.model_copy(update={"start": t.start + offset, "end": t.end + offset})
                for t in found
            ]
        current.extend(found)
        if last:
            yield current
            current = []


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
    limits: Limits | None = None,
) -> Iterator[list[Tag]]:
    """Tag many utterances of one language; ``items`` are ``(text, previous_customer_text)``.

    Yields one list of tags per item, in order; batches through ``nlp.pipe``. Any str is
    accepted: lone surrogates are tagged as U+FFFD (offsets and tag texts still index the
    text given), and text beyond ``limits.max_utterance_chars`` is not tagged, with a
    ``UserWarning`` that says so.
    """
    _check_lang(lang)
    yield from _tag_items(items, lang, role, packs, batch_size, limits or DEFAULT_LIMITS)


def _tag_items(
    items: Iterable[tuple[str, str | None]],
    lang: str,
    role: str,
    packs: tuple[str, ...],
    batch_size: int,
    limits: Limits,
    *,
    one: bool = False,
) -> Iterator[list[Tag]]:
    """What :func:`tag_many` yields; warnings name ``text`` when ``one``, else ``items[i]``."""
    # Per item, in order: the caller's text when tag texts must be taken from it (surrogates
    # were replaced), and the warnings to give when its tags are handed out.
    pending: deque[tuple[str | None, list[str]]] = deque()

    def stream() -> Iterator[tuple[str, str | None, str]]:
        for i, (text, prev) in enumerate(items):
            prepared = _prepare(text, limits)
            notes = prepared.notes("text" if one else f"items[{i}]")
            pending.append((text if prepared.n_surrogates else None, notes))
            yield prepared.tagged, _context(prev, limits), role

    for found in _tagged(stream(), lang, packs, batch_size):
        original, notes = pending.popleft()
        for note in notes:
            # Given here, not while spaCy reads the stream, so that it points at the caller
            # (of tag(), or of next() on tag_many()).
            pywarnings.warn(note, UserWarning, stacklevel=3)
        if original is not None:
            found = [t.model_copy(update={"text": original[t.start : t.end]}) for t in found]
        yield found


def tag(
    text: str,
    lang: str,
    *,
    prev: str | None = None,
    role: str = "agent",
    packs: tuple[str, ...] = (),
    limits: Limits | None = None,
) -> list[Tag]:
    """Tag one utterance.

    Args:
        text: what the speaker said.
        lang: "sv" or "en".
        prev: the customer's previous turn (context for restating, jargon, sympathy).
        role: "agent" (behaviours, jargon) or "customer" (emotion, problem signals).
        packs: folders of user rule packs that extend the built-in one.
        limits: bounds on input size; text beyond ``max_utterance_chars`` is not tagged.

    Returns:
        The tags; ``text[tag.start:tag.end] == tag.text`` for each.

    Raises:
        UnsupportedLanguageError: ``lang`` has no rule pack.

    >>> [t.label for t in tag("Har du kvittot kvar?", lang="sv")]
    ['closed_question']
    """
    _check_lang(lang)
    items = [(text, prev)]
    return next(_tag_items(items, lang, role, packs, 1, limits or DEFAULT_LIMITS, one=True))


def analyze(
    transcript: Transcript,
    *,
    packs: tuple[str, ...] = (),
    limits: Limits | None = None,
    redact: bool = False,
) -> AnalysedCall:
    """Tag every utterance of a call and detect its call-level patterns.

    With ``redact=True`` the result carries no personal data: names, personnummer, phone,
    card and account numbers, e-mail and street addresses are masked as ``[KIND]`` in every
    text, after tagging (so the tags are those of the real words) and with every tag's span
    mapped onto the redacted text (:func:`verbalkit.privacy.calls.redact_call`).

    Agent utterances get behaviours and jargon, with the customer's previous turn as
    context; customer utterances get emotion and problem signals. Any text is accepted:
    lone surrogates are replaced with U+FFFD, and an utterance is cut at
    ``limits.max_utterance_chars`` (the result holds the text that was analysed, so tags
    and patterns index it); both are warnings in the result, naming the utterance.

    Raises:
        UnsupportedLanguageError: the call's language has no rule pack.
    """
    from verbalkit.patterns import detect
    from verbalkit.pipeline.packs import load_pack

    limits = limits or DEFAULT_LIMITS
    warnings = list(transcript.warnings)
    prepared = [_prepare(u.text, limits) for u in transcript.utterances]
    lang = transcript.language
    if lang is None:
        # A Transcript built in code may not say; detect as the readers do, never guess.
        from verbalkit.io.language import decide_language

        info, notes = decide_language(
            None,
            (safe.tagged for safe in prepared),
            path=transcript.source or transcript.call_id,
            declared_in="language",
        )
        lang = info.code
        warnings += notes
    _check_lang(lang)
    text_notes: list[str] = []
    items: list[tuple[str, str | None, str]] = []
    prev: str | None = None
    for i, (utt, safe) in enumerate(zip(transcript.utterances, prepared, strict=True)):
        text_notes += safe.notes(f"utterances[{i}].text")
        role = "customer" if utt.speaker is Role.CUSTOMER else "agent"
        if utt.speaker is Role.OTHER:
            role = "other"
        context = prev[-CONTEXT_CHARS:] if prev is not None and role == "agent" else None
        items.append((safe.tagged, context, role))
        if utt.speaker is Role.CUSTOMER and safe.tagged.strip():
            prev = safe.tagged
    if len(text_notes) > MAX_NOTES + 1:
        more = len(text_notes) - MAX_NOTES
        text_notes = [*text_notes[:MAX_NOTES], f"... and {more} more like these"]
    warnings += text_notes
    utterances = [
        AnalysedUtterance(
            index=i,
            speaker=utt.speaker,
            speaker_label=utt.speaker_label,
            start=utt.start,
            end=utt.end,
            text=safe.tagged,  # what was analysed: tags and call patterns index this text
            tags=found,
        )
        for i, (utt, safe, found) in enumerate(
            zip(transcript.utterances, prepared, _tagged(items, lang, packs, 64), strict=True)
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
    result = detect(call)
    if redact:
        from verbalkit.privacy.calls import redact_call

        result = redact_call(result)
    return result


def analyze_many(
    transcripts: Iterable[Transcript | Failure],
    *,
    packs: tuple[str, ...] = (),
    limits: Limits | None = None,
    redact: bool = False,
) -> Iterator[AnalysedCall | Failure]:
    """Analyse a stream of calls; failures pass through and one bad call never stops the rest.

    ``redact`` masks personal data in every result, as in :func:`analyze`.

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
            result = analyze(item, packs=packs, limits=limits, redact=redact)
        except VerbalkitError as err:
            yield Failure(path=path, message=f"call {item.call_id}: {err}", call_id=item.call_id)
        except Exception as err:  # one call's failure, reported with its traceback
            yield Failure.unexpected(path, err, call_id=item.call_id)
        else:
            yield result

"""Turn a :class:`RawCall` into a checked :class:`Transcript`: roles, language, validation.

Every format goes through :func:`build_transcript`, so the rules and messages are the same
whether a call came from JSON, CSV, WebVTT or Amazon Transcribe.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pydantic import ValidationError

from verbalkit.errors import TranscriptError
from verbalkit.io.language import decide_language
from verbalkit.io.raw import RawCall, RawUtterance, ReadOptions
from verbalkit.io.roles import OPENING_TURNS, OPENING_UTTERANCES, RoleError, assign_roles
from verbalkit.io.validate import Problem, check_times, check_turns, problems_from_validation_error
from verbalkit.schema import Transcript

_CALL_FIELDS = ("agent_id", "team", "started_at", "metadata")
# A lone UTF-16 surrogate ("\\ud800" in JSON, or from a text stream opened with
# errors="surrogateescape") is a str but not text: spaCy and UTF-8 output fail on it later.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Surrogate warnings listed per call before "and N more".
_MAX_SURROGATE_WARNINGS = 3


def build_transcript(raw: RawCall, opts: ReadOptions) -> Transcript:
    """Map roles, decide the language, check the call and build the Transcript.

    Raises:
        TranscriptError: For errors (and for warnings when ``opts.strict``); the message names
            the file, the place and the problem.
        UnsupportedLanguageError: When the language has no rule pack.
    """
    if not raw.utterances:
        raise TranscriptError(raw.path, "no utterances", where=raw.where)
    n_utterances, max_utterances = len(raw.utterances), opts.limits.max_utterances
    if n_utterances > max_utterances:
        raise TranscriptError(
            raw.path,
            f"{n_utterances:,} utterances, more than {max_utterances:,} "
            "(limits.max_utterances): a corrupt file, or several calls in one?",
            where=raw.where,
        )
    raw = replace_surrogates(raw)
    time_errors = check_times(raw)
    if time_errors:
        raise _error(raw, time_errors)
    first_texts: dict[str, str] = {}
    for u in raw.utterances:
        first_texts.setdefault(u.label, u.text)
    # Each speaker's first turns near the start, for the outbound cues ("Hallå?" - "Hej,
    # är det Peter?" - "Ja." - "Det är Maria från Elbolaget...").
    openings: dict[str, list[str]] = {}
    for u in raw.utterances[:OPENING_UTTERANCES]:
        turns = openings.setdefault(u.label, [])
        if len(turns) < OPENING_TURNS:
            turns.append(u.text)
    try:
        mapping = assign_roles(
            list(first_texts),
            first_texts,
            roles_in_source=raw.roles_in_source,
            agent_speaker=opts.agent_speaker,
            customer_speaker=opts.customer_speaker,
            openings=openings,
        )
    except RoleError as err:
        raise TranscriptError(raw.path, str(err), where=raw.where) from err
    roles = [mapping.roles[u.label] for u in raw.utterances]
    turn_errors, turn_warnings = check_turns(raw, roles)
    if turn_errors:
        raise _error(raw, turn_errors)
    declared: str | None
    if opts.language:
        declared, declared_in = opts.language, "language="
    else:
        declared = raw.language
        declared_in = f"{raw.where}: language" if raw.where else "language"
    info, language_warnings = decide_language(
        declared, (u.text for u in raw.utterances), path=raw.path, declared_in=declared_in
    )
    warnings = [
        *raw.warnings,
        *mapping.warnings,
        *(p.line() for p in turn_warnings),
        *language_warnings,
    ]
    if opts.strict and warnings:
        problems = [
            *turn_warnings,
            *(
                Problem(raw.where, w)
                for w in (*raw.warnings, *mapping.warnings, *language_warnings)
            ),
        ]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        first = problems[0]
        raise TranscriptError(
            raw.path, f"{first.message}{more} [--strict: warnings are errors]", where=first.where
        )
    data: dict[str, object] = {
        "call_id": raw.call_id,
        "language": info.code,
        "language_info": info,
        "source": raw.path,
        "speaker_rule": mapping.rule,
        "speaker_confidence": mapping.confidence,
        "warnings": warnings,
        "utterances": [
            {
                "speaker": role,
                "speaker_label": u.label,
                "start": u.start,
                "end": u.end,
                "text": u.text,
            }
            for u, role in zip(raw.utterances, roles, strict=True)
        ],
    }
    for name in _CALL_FIELDS:
        value = raw.fields.get(name)
        if value is not None:
            data[name] = value
    try:
        return Transcript.model_validate(data)
    except ValidationError as err:
        raise _error(raw, problems_from_validation_error(err)) from err


def replace_surrogates(raw: RawCall) -> RawCall:
    """The call with lone surrogates in its texts, labels and fields replaced by U+FFFD, and a
    warning for each utterance that had some; the call itself when there are none."""
    warnings: list[str] = []
    utterances: list[RawUtterance] | None = None
    for i, u in enumerate(raw.utterances):
        text, n_text = _scrub(u.text)
        label, n_label = _scrub(u.label)
        if not (n_text or n_label):
            continue
        if utterances is None:
            utterances = list(raw.utterances)
        utterances[i] = dataclasses.replace(u, text=text, label=label)
        for name, count in (("speaker", n_label), ("text", n_text)):
            if count:
                warnings.append(
                    f"{raw.utterance_where(i, name)}: {count} invalid character"
                    f"{'s' if count > 1 else ''} (lone UTF-16 surrogate) replaced with U+FFFD"
                )
    call_id, n_id = _scrub(raw.call_id)
    language, n_language = _scrub(raw.language) if raw.language is not None else (None, 0)
    dirty = [k for k, v in raw.fields.items() if _has_surrogate(v)]
    fields = {k: _scrub_value(v) if k in dirty else v for k, v in raw.fields.items()}
    if n_id or n_language or dirty:
        warnings.append(
            "call fields: invalid characters (lone UTF-16 surrogates) replaced with U+FFFD"
        )
    if not warnings:
        return raw
    if len(warnings) > _MAX_SURROGATE_WARNINGS + 1:
        more = len(warnings) - _MAX_SURROGATE_WARNINGS
        warnings = [*warnings[:_MAX_SURROGATE_WARNINGS], f"... and {more} more like these"]
    return dataclasses.replace(
        raw,
        call_id=call_id,
        language=language,
        fields=fields,
        utterances=utterances if utterances is not None else raw.utterances,
        warnings=[*raw.warnings, *warnings],
    )


def _scrub(text: str) -> tuple[str, int]:
    if text.isascii():
        return text, 0
    count = len(_SURROGATE.findall(text))
    return (_SURROGATE.sub("\ufffd", text), count) if count else (text, 0)


def _scrub_value(value: object) -> object:
    """Surrogates replaced in strings, dict keys and lists (metadata); the value itself when it
    has none, so the common case copies nothing."""
    if not _has_surrogate(value):
        return value
    if isinstance(value, str):
        return _scrub(value)[0]
    if isinstance(value, dict):
        # Recursion is bounded: nested values only come from JSON (limits.max_json_depth).
        return {_scrub_value(k): _scrub_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub_value(v) for v in value]
    return value


def _has_surrogate(value: object) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not item.isascii() and _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _error(raw: RawCall, problems: Sequence[Problem]) -> TranscriptError:
    first = problems[0]
    where = first.where
    if where and first.index is not None and where.startswith("utterances["):
        _, _, field = where.partition("].")
        where = raw.utterance_where(first.index, field) if field else where
    elif where and raw.where and where != raw.where:
        where = f"{raw.where}.{where}" if raw.where.startswith("[") else f"{raw.where}: {where}"
    more = len(problems) - 1
    message = first.message + (
        f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    )
    return TranscriptError(raw.path, message, where=where)

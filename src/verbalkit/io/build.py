"""Turn a :class:`RawCall` into a checked :class:`Transcript`: roles, language, validation.

Every format goes through :func:`build_transcript`, so the rules and messages are the same
whether a call came from JSON, CSV, WebVTT or Amazon Transcribe.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from verbalkit.errors import TranscriptError
from verbalkit.io.language import decide_language
from verbalkit.io.raw import RawCall, ReadOptions
from verbalkit.io.roles import RoleError, assign_roles
from verbalkit.io.validate import Problem, check_times, check_turns, problems_from_validation_error
from verbalkit.schema import Transcript

_CALL_FIELDS = ("agent_id", "team", "started_at", "metadata")


def build_transcript(raw: RawCall, opts: ReadOptions) -> Transcript:
    """Map roles, decide the language, check the call and build the Transcript.

    Raises:
        TranscriptError: For errors (and for warnings when ``opts.strict``); the message names
            the file, the place and the problem.
        UnsupportedLanguageError: When the language has no rule pack.
    """
    if not raw.utterances:
        raise TranscriptError(raw.path, "no utterances", where=raw.where)
    time_errors = check_times(raw)
    if time_errors:
        raise _error(raw, time_errors)
    first_texts: dict[str, str] = {}
    for u in raw.utterances:
        first_texts.setdefault(u.label, u.text)
    try:
        mapping = assign_roles(
            list(first_texts),
            first_texts,
            roles_in_source=raw.roles_in_source,
            agent_speaker=opts.agent_speaker,
            customer_speaker=opts.customer_speaker,
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

"""Whisper / WhisperX JSON: ``{"segments": [{"start", "end", "text", "speaker"?, "words"?}]}``.

Speakers come from each segment's ``speaker`` (WhisperX after diarisation), else from the
most common ``speaker`` of its words; a segment without one continues the previous speaker.
Consecutive segments of one speaker are joined into one turn: Whisper cuts segments by
pauses and length, not by turns. A bare list of segments is accepted too.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from verbalkit.io.jsonfmt import type_name
from verbalkit.io.raw import RawCall, RawUtterance, parse_time
from verbalkit.io.registry import JsonDoc, json_reader


def _looks_like_whisper(data: Any) -> float:
    if isinstance(data, dict):
        return 0.8 if isinstance(data.get("segments"), list) and "utterances" not in data else 0.0
    if isinstance(data, list) and data and isinstance(data[0], dict):
        first = data[0]
        if (
            "utterances" not in first
            and "text" in first
            and ("start" in first or "speaker" in first)
        ):
            return 0.8
    return 0.0


@json_reader(
    "whisper",
    title="Whisper / WhisperX",
    recognise=_looks_like_whisper,
    keys=("segments", "text", "language", "word_segments"),
    needs="segments[] with start, end, text, speaker",
    aliases=("whisperx",),
    whole_list=True,
    order=8,
)
def parse_whisper(data: Any, doc: JsonDoc) -> RawCall:
    """A parsed Whisper/WhisperX document -> RawCall.

    Raises:
        TranscriptError: When there are no segments or no speaker labels at all.
    """
    segments = data.get("segments") if isinstance(data, dict) else data
    if not isinstance(segments, list):
        raise doc.error(f"not Whisper output: 'segments' is {type_name(segments)}")
    if not segments:
        raise doc.error("no segments")
    parsed: list[tuple[str | None, str, float | None, float | None]] = []
    for i, seg in enumerate(segments):
        where = f"segments[{i}]"
        if not isinstance(seg, dict):
            raise doc.error(f"expected an object, found {type_name(seg)}", where)
        times = []
        for key in ("start", "end"):
            try:
                times.append(parse_time(seg.get(key), max_digits=doc.opts.limits.max_number_digits))
            except ValueError as err:
                raise doc.error(str(err), f"{where}.{key}") from err
        parsed.append((_speaker(seg), str(seg.get("text") or "").strip(), times[0], times[1]))
    if not any(label for label, *_ in parsed):
        raise doc.error(
            "no speaker labels in the segments: diarise first (e.g. WhisperX with diarization) "
            "or add 'speaker' to each segment",
        )
    first_label = next(label for label, *_ in parsed if label)
    utterances: list[RawUtterance] = []
    # Segments are collected per turn and joined once: a growing string is quadratic.
    texts: list[list[str]] = []
    for label, text, start, end in parsed:
        label = label or (utterances[-1].label if utterances else first_label)
        if utterances and utterances[-1].label == label:
            last = utterances[-1]
            texts[-1].append(text)
            last.end = end if end is not None else last.end
        else:
            utterances.append(RawUtterance(label, text, start, end))
            texts.append([text])
    for u, parts in zip(utterances, texts, strict=True):
        u.text = " ".join(t for t in parts if t)
    language = data.get("language") if isinstance(data, dict) else None
    return RawCall(
        path=doc.path,
        call_id=doc.default_id,
        utterances=utterances,
        where=doc.where,
        language=str(language) if language else None,
        fields={"metadata": {"format": "whisper"}},
    )


def _speaker(seg: dict[str, Any]) -> str | None:
    speaker = seg.get("speaker")
    if speaker not in (None, ""):
        return str(speaker)
    words = seg.get("words")
    if isinstance(words, list):
        counts = Counter(
            str(w["speaker"]) for w in words if isinstance(w, dict) and w.get("speaker")
        )
        if counts:
            return counts.most_common(1)[0][0]
    return None

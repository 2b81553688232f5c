"""Amazon Transcribe output: standard (speaker or channel labels) and Call Analytics.

Standard output (``results.items``, words with ``start_time``/``end_time``/``alternatives``
and ``type`` pronunciation or punctuation; speakers in ``speaker_label`` on the items, or in
``results.speaker_labels.segments``, or channels in ``results.channel_labels``): consecutive
words of one speaker make an utterance; labels (``spk_0``, ``ch_1``) go through the speaker
rules.

Call Analytics output (``Transcript: [{ParticipantRole, BeginOffsetMillis, EndOffsetMillis,
Content, Sentiment}]``): one utterance per segment, roles from ``ParticipantRole``; the
sentiments are kept in ``metadata["sentiment"]``.

With channel identification and ``--agent-channel N``, channel ``ch_N`` is the agent.
"""

from __future__ import annotations

from typing import Any

from verbalkit.io.jsonfmt import type_name
from verbalkit.io.raw import RawCall, RawUtterance, channel_label, parse_time
from verbalkit.io.registry import JsonDoc, json_reader


def _looks_like_transcribe(data: Any) -> float:
    if not isinstance(data, dict):
        return 0.0
    results = data.get("results")
    if isinstance(results, dict) and ("items" in results or "transcripts" in results):
        return 0.9
    transcript = data.get("Transcript")
    first = transcript[0] if isinstance(transcript, list) and transcript else None
    if isinstance(transcript, list) and (
        first is None or (isinstance(first, dict) and "ParticipantRole" in first)
    ):
        return 0.9
    return 0.0


@json_reader(
    "transcribe",
    title="Amazon Transcribe",
    recognise=_looks_like_transcribe,
    keys=("jobName", "accountId", "results", "status", "JobName", "Transcript", "Participants"),
    needs="results.items (standard) or Transcript[] with ParticipantRole (Call Analytics)",
    aliases=("aws", "amazon", "amazon-transcribe"),
    channels=True,
    order=7,
)
def parse_transcribe(data: Any, doc: JsonDoc) -> RawCall:
    """A parsed Amazon Transcribe JSON document -> RawCall.

    Raises:
        TranscriptError: When the document has neither shape, or no speaker information.
    """
    if isinstance(data, dict) and isinstance(data.get("Transcript"), list):
        return _analytics(data, doc)
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, dict):
        raise doc.error(
            "not Amazon Transcribe output: expected 'results' (standard) or 'Transcript' "
            f"(Call Analytics); found {type_name(data)}",
        )
    return _standard(data, results, doc)


def _analytics(data: dict[str, Any], doc: JsonDoc) -> RawCall:
    utterances = []
    sentiments: list[str | None] = []
    for i, seg in enumerate(data["Transcript"]):
        where = f"Transcript[{i}]"
        if not isinstance(seg, dict):
            raise doc.error(f"expected an object, found {type_name(seg)}", where)
        role = seg.get("ParticipantRole")
        if not isinstance(role, str) or not role:
            raise doc.error("missing ParticipantRole", where)
        times = []
        for key in ("BeginOffsetMillis", "EndOffsetMillis"):
            try:
                value = parse_time(seg.get(key), max_digits=doc.opts.limits.max_number_digits)
            except ValueError as err:
                raise doc.error(str(err), f"{where}.{key}") from err
            times.append(None if value is None else value / 1000)
        text = seg.get("Content") or ""
        utterances.append(RawUtterance(role, str(text), times[0], times[1]))
        sentiment = seg.get("Sentiment")
        sentiments.append(sentiment if isinstance(sentiment, str) else None)
    job = data.get("JobName")
    metadata: dict[str, Any] = {"format": "transcribe-call-analytics", "sentiment": sentiments}
    if job:
        metadata["job_name"] = str(job)
    return RawCall(
        path=doc.path,
        call_id=str(job) if job else doc.default_id,
        utterances=utterances,
        where=doc.where,
        language=_str(data.get("LanguageCode")),
        roles_in_source=True,
        fields={"metadata": metadata},
    )


def _standard(data: dict[str, Any], results: dict[str, Any], doc: JsonDoc) -> RawCall:
    items = results.get("items")
    if not isinstance(items, list) or not items:
        raise doc.error("no words: results.items is missing or empty")
    by_start = _speaker_by_start(results)
    words: list[tuple[str | None, str, float | None, float | None, bool]] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise doc.error(f"expected an object, found {type_name(item)}", f"results.items[{i}]")
        alternatives = item.get("alternatives") or [{}]
        content = (
            str(alternatives[0].get("content", "")) if isinstance(alternatives[0], dict) else ""
        )
        is_punct = item.get("type") == "punctuation"
        times = []
        for key in ("start_time", "end_time"):
            try:
                times.append(
                    parse_time(item.get(key), max_digits=doc.opts.limits.max_number_digits)
                )
            except ValueError as err:
                raise doc.error(str(err), f"results.items[{i}].{key}") from err
        start, end = times
        label = item.get("speaker_label") or item.get("channel_label")
        if label is None and item.get("start_time") is not None:
            label = by_start.get(str(item["start_time"]))
        words.append((_str(label), content, start, end, is_punct))
    if not any(label for label, *_ in words):
        raise doc.error(
            "no speaker labels: run the job with ShowSpeakerLabels (or ChannelIdentification)"
        )
    if doc.opts.agent_channel is not None:
        # --agent-channel N names channel ch_N: label channels the way other vendors' are.
        words = [
            (_by_channel(label), content, start, end, is_punct)
            for label, content, start, end, is_punct in words
        ]
    utterances: list[RawUtterance] = []
    # Words are collected per turn and joined once: a growing string is quadratic.
    pieces: list[list[str]] = []
    for label, content, start, end, is_punct in words:
        if is_punct or label is None:
            # Punctuation carries no speaker or time: it belongs to the word before it.
            if utterances:
                pieces[-1].append(content if is_punct else f" {content}")
            continue
        if utterances and utterances[-1].label == label:
            last = utterances[-1]
            pieces[-1].append(f" {content}")
            last.end = end if end is not None else last.end
        else:
            utterances.append(RawUtterance(label, content, start, end))
            pieces.append([content])
    for u, parts in zip(utterances, pieces, strict=True):
        u.text = "".join(parts)
    job = data.get("jobName")
    return RawCall(
        path=doc.path,
        call_id=str(job) if job else doc.default_id,
        utterances=utterances,
        where=doc.where,
        language=_str(results.get("language_code") or data.get("language_code")),
        fields={"metadata": {"format": "transcribe", **({"job_name": str(job)} if job else {})}},
    )


def _by_channel(label: str | None) -> str | None:
    return channel_label(label[3:]) if label and label.startswith("ch_") else label


def _speaker_by_start(results: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    speakers = results.get("speaker_labels")
    if isinstance(speakers, dict):
        for seg in speakers.get("segments") or []:
            for item in seg.get("items") or [] if isinstance(seg, dict) else []:
                if isinstance(item, dict) and item.get("start_time") is not None:
                    label = item.get("speaker_label") or seg.get("speaker_label")
                    if label:
                        found[str(item["start_time"])] = str(label)
    channels = results.get("channel_labels")
    if isinstance(channels, dict):
        for channel in channels.get("channels") or []:
            if not isinstance(channel, dict):
                continue
            for item in channel.get("items") or []:
                if isinstance(item, dict) and item.get("start_time") is not None:
                    label = channel.get("channel_label")
                    if label:
                        found.setdefault(str(item["start_time"]), str(label))
    return found


def _str(value: object) -> str | None:
    return None if value in (None, "") else str(value)

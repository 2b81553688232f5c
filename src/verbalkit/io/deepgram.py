"""Deepgram pre-recorded responses (``POST /v1/listen``): diarised utterances or multichannel.

The shape (https://developers.deepgram.com/docs/utterances,
https://developers.deepgram.com/docs/multichannel, https://developers.deepgram.com/docs/diarization,
https://developers.deepgram.com/docs/language-detection)::

    {"metadata": {"request_id": "...", "duration": 41.2, "channels": 1, ...},
     "results": {
       "channels": [{"alternatives": [{"transcript": "...", "words": [
                        {"word": "hej", "start": 0.4, "end": 0.7, "speaker": 0,
                         "punctuated_word": "Hej,"}]}],
                     "detected_language": "sv", "language_confidence": 0.98}],
       "utterances": [{"start": 0.4, "end": 5.1, "channel": 0, "speaker": 0,
                       "transcript": "...", "words": [...], "id": "..."}]}}

- Times are seconds.
- ``results.utterances`` (``utterances=true``) are read when present; Deepgram cuts them at
  pauses, so consecutive utterances of one speaker are joined into one turn. Without them the
  words of ``results.channels[].alternatives[0]`` are put in time order and cut into turns
  where the speaker changes.
- Who speaks: with several channels (``multichannel=true``) the channel, labelled
  ``channel 0``, ``channel 1``... (Deepgram counts from 0): ``--agent-channel 1`` says which is
  the agent, otherwise the speaker rules decide (the greeting heuristic: the side that says
  "thank you for calling..." first). With one channel, the diariser's ``speaker``
  (``diarize=true``), labelled ``speaker 0``, ``speaker 1``...
- ``detected_language`` (``detect_language=true``) is the call's language.
- The ``words`` arrays are not kept; ``metadata`` holds the request id.
"""

from __future__ import annotations

from typing import Any

from verbalkit.io import vendor
from verbalkit.io.raw import RawCall, RawUtterance, channel_label, join_turns
from verbalkit.io.registry import JsonDoc, json_reader


def _looks_like_deepgram(data: Any) -> float:
    results = data.get("results") if isinstance(data, dict) else None
    if isinstance(results, dict) and (
        isinstance(results.get("utterances"), list) or isinstance(results.get("channels"), list)
    ):
        return 0.9
    return 0.0


@json_reader(
    "deepgram",
    title="Deepgram",
    recognise=_looks_like_deepgram,
    keys=("metadata", "results", "results.channels", "results.utterances"),
    needs="results.utterances or results.channels",
    channels=True,
    order=11,
)
def parse_deepgram(data: Any, doc: JsonDoc) -> RawCall:
    """A parsed Deepgram response -> RawCall.

    Raises:
        TranscriptError: For a response without speakers (neither diarised nor multichannel),
            without utterances or words, or with a field of the wrong type.
    """
    needs = "results.utterances or results.channels"
    data = vendor.document(data, doc, "Deepgram", needs)
    results = vendor.section(data, "results", doc, "Deepgram", needs)
    channels = results.get("channels")
    channels = vendor.objects(channels, doc, "results.channels") if channels is not None else []
    meta = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    declared = meta.get("channels")
    n_channels = declared if isinstance(declared, int) and declared > 0 else len(channels)
    utterances = results.get("utterances")
    if utterances:
        parts = _from_utterances(utterances, n_channels > 1, doc)
    else:
        parts = _from_words(channels, doc)
    if not parts:
        raise doc.error(
            "no speech: the response has neither utterances nor words "
            "(request utterances=true, or word timings)",
            "results",
        )
    if all(p.label == "" for p in parts):
        raise doc.error(
            "no speakers: run Deepgram with diarize=true (one channel), or multichannel=true "
            "with the agent and the customer on their own channels",
            "results",
        )
    vendor.check_units(parts, "s", "Deepgram", doc)
    metadata: dict[str, Any] = {"format": "deepgram"}
    if vendor.opt_str(meta.get("request_id")):
        metadata["request_id"] = str(meta["request_id"])
    if n_channels > 1:
        metadata["channels"] = n_channels
    return RawCall(
        path=doc.path,
        call_id=doc.default_id,
        utterances=join_turns(_fill_labels(parts)),
        where=doc.where,
        language=_language(channels),
        fields={"metadata": metadata},
    )


def _from_utterances(value: Any, multichannel: bool, doc: JsonDoc) -> list[RawUtterance]:
    parts: list[RawUtterance] = []
    items = vendor.objects(value, doc, "results.utterances")
    for i, item in enumerate(items):
        place = f"results.utterances[{i}]"
        channel = vendor.label(item.get("channel"), doc, f"{place}.channel")
        speaker = vendor.label(item.get("speaker"), doc, f"{place}.speaker")
        if multichannel and channel is not None:
            name = channel_label(channel)
        elif speaker is not None:
            name = f"speaker {speaker}"
        else:
            name = ""
        start = vendor.seconds(item.get("start"), doc, f"{place}.start")
        end = vendor.seconds(item.get("end"), doc, f"{place}.end")
        parts.append(RawUtterance(name, vendor.text(item, ("transcript",), doc, place), start, end))
    if multichannel:
        # Utterances of different channels come channel by channel: put them in time order.
        parts.sort(key=lambda p: (p.start is None, p.start or 0.0))
    return parts


def _from_words(channels: list[dict[str, Any]], doc: JsonDoc) -> list[RawUtterance]:
    """Turns cut from word timings: all channels' words in time order, a new turn when the
    speaker (channel, or diarised speaker on one channel) changes."""
    words: list[tuple[float, int, RawUtterance]] = []
    multichannel = len(channels) > 1
    for c, channel in enumerate(channels):
        place = f"results.channels[{c}].alternatives"
        alternatives = vendor.objects(channel.get("alternatives"), doc, place)
        if not alternatives:
            continue
        place = f"{place}[0].words"
        for w, word in enumerate(vendor.objects(alternatives[0].get("words") or [], doc, place)):
            where = f"{place}[{w}]"
            speaker = vendor.label(word.get("speaker"), doc, f"{where}.speaker")
            if multichannel:
                name = channel_label(c)
            else:
                name = f"speaker {speaker}" if speaker is not None else ""
            token = vendor.text(word, ("punctuated_word", "word"), doc, where)
            start = vendor.seconds(word.get("start"), doc, f"{where}.start")
            end = vendor.seconds(word.get("end"), doc, f"{where}.end")
            words.append((start or 0.0, len(words), RawUtterance(name, token, start, end)))
    words.sort(key=lambda item: (item[0], item[1]))
    return [part for _, _, part in words]


def _fill_labels(parts: list[RawUtterance]) -> list[RawUtterance]:
    """A piece without a speaker (rare gaps in diarisation) continues the speaker before it."""
    current = next(p.label for p in parts if p.label)
    for part in parts:
        if part.label:
            current = part.label
        else:
            part.label = current
    return parts


def _language(channels: list[dict[str, Any]]) -> str | None:
    for channel in channels:
        found = vendor.opt_str(channel.get("detected_language"))
        if found:
            return found
    return None

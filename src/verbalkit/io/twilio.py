"""Twilio Voice Intelligence (Conversational Intelligence) transcripts: the sentences of a
transcript, with the transcript's channel-participant mapping when present.

The shapes (Transcript Sentence subresource:
https://www.twilio.com/docs/voice/intelligence/api/transcript-sentence-subresource, Transcript
resource: https://www.twilio.com/docs/voice/intelligence/api/transcript-resource)::

    {"sentences": [{"media_channel": 1, "sentence_index": 0, "start_time": "0.48",
                    "end_time": "4.2", "transcript": "...", "sid": "GX...",
                    "confidence": "0.93", "words": [...]}],
     "meta": {...}}

— the list of a transcript's sentences as ``GET /v2/Transcripts/{sid}/Sentences`` returns it —
alone, with the transcript resource's fields beside it (``sid``, ``language_code``,
``channel``...), or under ``"transcript"``. The transcript resource's
``channel.participants[]`` maps ``channel_participant`` (the media channel) to a ``role``
("Agent", "Customer").

- Times (``start_time``, ``end_time``) are seconds.
- Who speaks: a channel's participant ``role`` when the mapping is there (rule
  ``roles-in-source``), else the channel, labelled ``channel 1``, ``channel 2``: ``--agent-channel
  2`` says which is the agent, otherwise the speaker rules decide (greeting heuristic).
- Sentences are put in ``sentence_index`` order; consecutive sentences of one channel make one
  turn.
- ``language_code`` ("en-US") is the call's language. The ``words`` arrays are not kept.
"""

from __future__ import annotations

from typing import Any

from verbalkit.io import vendor
from verbalkit.io.raw import RawCall, RawUtterance, channel_label, join_turns
from verbalkit.io.registry import JsonDoc, json_reader
from verbalkit.io.roles import alias_role


def _looks_like_twilio(data: Any) -> float:
    if not isinstance(data, dict) or not isinstance(data.get("sentences"), list):
        return 0.0
    sentences = data["sentences"]
    first = sentences[0] if sentences else None
    if isinstance(first, dict) and ("media_channel" in first or "sentence_index" in first):
        return 0.9
    return 0.6


@json_reader(
    "twilio",
    title="Twilio Voice Intelligence",
    recognise=_looks_like_twilio,
    keys=("sentences", "meta", "sid", "service_sid", "language_code", "channel", "transcript"),
    needs="sentences[] with media_channel, start_time and transcript",
    aliases=("twilio-intelligence", "voice-intelligence"),
    channels=True,
    order=13,
)
def parse_twilio(data: Any, doc: JsonDoc) -> RawCall:
    """Parsed Twilio transcript sentences -> RawCall.

    Raises:
        TranscriptError: For sentences without text or channel, one channel only (no way to
            tell the speakers apart), or times in the wrong unit.
    """
    data = vendor.document(data, doc, "Twilio Voice Intelligence", "sentences")
    resource = data.get("transcript") if isinstance(data.get("transcript"), dict) else data
    roles = {} if doc.opts.agent_channel is not None else _channel_roles(resource)
    sentences = vendor.objects(data.get("sentences"), doc, "sentences")
    ordered = sorted(
        enumerate(sentences),
        key=lambda pair: (_index(pair[1].get("sentence_index"), pair[0]), pair[0]),
    )
    parts: list[RawUtterance] = []
    channels: set[str] = set()
    for i, sentence in ordered:
        place = f"sentences[{i}]"
        channel = vendor.label(sentence.get("media_channel"), doc, f"{place}.media_channel")
        if channel is None:
            raise doc.error("missing: which channel spoke", f"{place}.media_channel")
        channels.add(channel)
        name = roles.get(channel) or channel_label(channel)
        start = vendor.seconds(sentence.get("start_time"), doc, f"{place}.start_time")
        end = vendor.seconds(sentence.get("end_time"), doc, f"{place}.end_time")
        parts.append(
            RawUtterance(name, vendor.text(sentence, ("transcript",), doc, place), start, end)
        )
    if len(channels) == 1 and not roles:
        raise doc.error(
            f"every sentence is on media channel {channels.pop()}: Voice Intelligence tells the "
            "speakers apart by channel; transcribe a dual-channel recording",
            "sentences",
        )
    utterances = join_turns(parts)
    vendor.check_units(utterances, "s", "Twilio Voice Intelligence", doc)
    metadata: dict[str, Any] = {"format": "twilio"}
    sid = vendor.opt_str(resource.get("sid"))
    if sid:
        metadata["transcript_sid"] = sid
    if roles:
        metadata["channel_roles"] = dict(sorted(roles.items()))
    return RawCall(
        path=doc.path,
        call_id=doc.default_id,
        utterances=utterances,
        where=doc.where,
        language=vendor.opt_str(resource.get("language_code") or data.get("language_code")),
        roles_in_source=bool(roles),
        fields={"metadata": metadata},
    )


def _channel_roles(resource: dict[str, Any]) -> dict[str, str]:
    """Roles by media channel from ``channel.participants[]`` (``"2"`` -> ``"agent"``)."""
    channel = resource.get("channel")
    participants = channel.get("participants") if isinstance(channel, dict) else None
    if not isinstance(participants, list):
        return {}
    roles: dict[str, str] = {}
    for participant in participants:
        if not isinstance(participant, dict):
            continue
        number = participant.get("channel_participant")
        role = participant.get("role")
        if isinstance(number, int) and not isinstance(number, bool) and isinstance(role, str):
            found = alias_role(role)
            roles[str(number)] = found.value if found is not None else role.strip()
    return roles


def _index(value: Any, fallback: int) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return float(fallback)

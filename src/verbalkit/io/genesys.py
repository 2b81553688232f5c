"""Genesys Cloud Speech and Text Analytics transcripts (the document at the transcript URL).

The shape ("Transcript URL", transcript schema:
https://developer.genesys.cloud/analyticsdatamanagement/speechtextanalytics/transcript-url)::

    {"organizationId": "...", "conversationId": "...", "communicationId": "...",
     "mediaType": "call", "conversationStartTime": 1718001000000, "startTime": 1718001002000,
     "duration": {"milliseconds": 95000},
     "transcripts": [{"transcriptId": "...", "language": "sv-se", "startTime": 1718001002000,
                      "phrases": [{"text": "...", "decoratedText": "...",
                                   "participantPurpose": "internal",
                                   "offset": {"milliseconds": 1200}, "startTimeMs": 1718001003200,
                                   "duration": {"milliseconds": 3400}, "words": [...]}],
                      "analytics": {...}}],
     "participants": [{"participantPurpose": "agent", "userId": "..."}, ...]}

- Times are milliseconds: a phrase starts at its ``offset`` (``{"milliseconds": n}``, or a flat
  ``offsetMs``) and lasts its ``duration`` (``durationMs``); without an offset, ``startTimeMs``
  (epoch milliseconds) minus the communication's ``startTime``. They become seconds.
- Roles come from ``participantPurpose``: ``internal`` (the contact centre's side: agent, and
  IVR or ACD prompts before the agent answers) and ``agent`` are the agent, ``external`` and
  ``customer`` the customer, ``ivr``, ``acd``, ``voicemail`` are others. The rule is
  ``roles-in-source``.
- ``decoratedText`` (punctuated) is preferred to ``text``. Consecutive phrases of one side make
  one turn.
- ``transcripts[].language`` ("sv-se", "en-us") is the call's language; ``conversationId`` is the
  call id; the ``userId`` of the participant whose purpose is ``agent`` is the agent id. The
  ``words`` arrays and analytics are not kept.
"""

from __future__ import annotations

from typing import Any

from verbalkit.io import vendor
from verbalkit.io.raw import RawCall, RawUtterance, join_turns
from verbalkit.io.registry import JsonDoc, json_reader

_ROLES = {
    "internal": "agent",
    "agent": "agent",
    "user": "agent",
    "external": "customer",
    "customer": "customer",
    "ivr": "other",
    "acd": "other",
    "voicemail": "other",
    "workflow": "other",
    "fax": "other",
}
# Epoch milliseconds (after 1973) rather than an offset into the call.
_EPOCH_MS = 100_000_000_000


def _looks_like_genesys(data: Any) -> float:
    if not isinstance(data, dict):
        return 0.0
    transcripts = data.get("transcripts")
    first = transcripts[0] if isinstance(transcripts, list) and transcripts else None
    if isinstance(first, dict) and "phrases" in first:
        return 0.9
    if isinstance(transcripts, list) and ("conversationId" in data or "communicationId" in data):
        return 0.7
    return 0.0


@json_reader(
    "genesys",
    title="Genesys Cloud",
    recognise=_looks_like_genesys,
    keys=(
        "organizationId",
        "conversationId",
        "communicationId",
        "mediaType",
        "conversationStartTime",
        "transcripts",
        "participants",
    ),
    needs="transcripts[].phrases[] with participantPurpose and text",
    aliases=("genesys-cloud", "purecloud"),
    order=12,
)
def parse_genesys(data: Any, doc: JsonDoc) -> RawCall:
    """A parsed Genesys Cloud transcript -> RawCall.

    Raises:
        TranscriptError: For a document without phrases, a phrase without text or
            participantPurpose, or times in the wrong unit.
    """
    data = vendor.document(data, doc, "Genesys Cloud", "transcripts[].phrases")
    transcripts = vendor.objects(data.get("transcripts"), doc, "transcripts")
    base = _base_time(data, transcripts)
    language: str | None = None
    parts: list[RawUtterance] = []
    for t, transcript in enumerate(transcripts):
        language = language or vendor.opt_str(transcript.get("language"))
        place = f"transcripts[{t}].phrases"
        for p, phrase in enumerate(vendor.objects(transcript.get("phrases") or [], doc, place)):
            where = f"{place}[{p}]"
            purpose = vendor.label(
                phrase.get("participantPurpose"), doc, f"{where}.participantPurpose"
            )
            if purpose is None:
                raise doc.error(
                    "missing: who spoke (internal or external)", f"{where}.participantPurpose"
                )
            role = _ROLES.get(purpose.lower(), purpose)
            start, end = _times(phrase, base, doc, where)
            said = vendor.text(phrase, ("decoratedText", "text"), doc, where)
            parts.append(RawUtterance(role, said, start, end))
    if not parts:
        raise doc.error("no phrases: the transcript is empty", "transcripts")
    parts.sort(key=lambda u: (u.start is None, u.start or 0.0))
    utterances = join_turns(parts)
    vendor.check_units(utterances, "ms", "Genesys Cloud", doc)
    metadata: dict[str, Any] = {"format": "genesys"}
    for key, name in (
        ("conversationId", "conversation_id"),
        ("communicationId", "communication_id"),
        ("mediaType", "media_type"),
    ):
        if vendor.opt_str(data.get(key)):
            metadata[name] = str(data[key])
    conversation = vendor.opt_str(data.get("conversationId"))
    return RawCall(
        path=doc.path,
        call_id=conversation or doc.default_id,
        utterances=utterances,
        where=doc.where,
        language=language,
        roles_in_source=True,
        fields={"agent_id": _agent_id(data.get("participants")), "metadata": metadata},
    )


def _agent_id(participants: Any) -> str | None:
    """The ``userId`` of the one agent participant (None when there is none, or several)."""
    if not isinstance(participants, list):
        return None
    found = {
        str(p["userId"])
        for p in participants
        if isinstance(p, dict)
        and str(p.get("participantPurpose", "")).lower() == "agent"
        and vendor.opt_str(p.get("userId"))
    }
    return found.pop() if len(found) == 1 else None


def _base_time(data: dict[str, Any], transcripts: list[dict[str, Any]]) -> float | None:
    """The epoch milliseconds that ``startTimeMs`` counts from: the communication's start."""
    for value in (data.get("startTime"), data.get("conversationStartTime")):
        if isinstance(value, int | float) and not isinstance(value, bool) and value > _EPOCH_MS:
            return float(value)
    starts = [
        phrase.get("startTimeMs")
        for transcript in transcripts
        if isinstance(transcript.get("phrases"), list)
        for phrase in transcript["phrases"]
        if isinstance(phrase, dict)
    ]
    numbers = [float(s) for s in starts if isinstance(s, int | float) and not isinstance(s, bool)]
    epochs = [s for s in numbers if s > _EPOCH_MS]
    return min(epochs) if epochs else None


def _times(
    phrase: dict[str, Any], base: float | None, doc: JsonDoc, where: str
) -> tuple[float | None, float | None]:
    if "offset" in phrase:
        start = vendor.milliseconds(phrase["offset"], doc, f"{where}.offset")
    elif "offsetMs" in phrase:
        start = vendor.milliseconds(phrase["offsetMs"], doc, f"{where}.offsetMs")
    else:
        # Epoch milliseconds minus the communication's start, in milliseconds (exact), then s.
        absolute = vendor.seconds(phrase.get("startTimeMs"), doc, f"{where}.startTimeMs")
        if absolute is not None and base is not None and absolute > _EPOCH_MS:
            absolute -= base
        start = None if absolute is None else absolute / 1000
    if "duration" in phrase:
        length = vendor.milliseconds(phrase["duration"], doc, f"{where}.duration")
    else:
        length = vendor.milliseconds(phrase.get("durationMs"), doc, f"{where}.durationMs")
    end = start + length if start is not None and length is not None else None
    return start, end

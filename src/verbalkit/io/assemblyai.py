"""AssemblyAI transcripts (``GET /v2/transcript/{id}``) with speaker labels.

The shape (https://www.assemblyai.com/docs/api-reference/transcripts/get, and "Speaker
Diarization": https://www.assemblyai.com/docs/speech-to-text/speaker-diarization)::

    {"id": "...", "status": "completed", "language_code": "en_us", "audio_duration": 126,
     "speaker_labels": true, "text": "...", "words": [...],
     "utterances": [{"speaker": "A", "start": 240, "end": 5120, "confidence": 0.97,
                     "text": "...", "words": [...]}]}

- Times are milliseconds; they become seconds. Times that look like seconds already (a whole
  call spoken in a fraction of a second) are an error.
- ``utterances[].speaker`` ("A", "B"...) is the speaker label, mapped to roles by the usual
  rules (greeting heuristic, first speaker, or ``--agent-speaker A``). With
  ``multichannel: true`` each utterance has its ``channel`` ("1", "2"...), which becomes the
  label ``channel 1`` (``--agent-channel 1``).
- ``language_code`` ("en_us", "sv") is the call's language.
- The ``words`` arrays are not kept; ``metadata`` holds the transcript id.
"""

from __future__ import annotations

from typing import Any

from verbalkit.io import vendor
from verbalkit.io.raw import RawCall, RawUtterance, channel_label, join_turns
from verbalkit.io.registry import JsonDoc, json_reader

#: Top-level fields of an AssemblyAI transcript that verbalkit JSON does not have.
_MARKERS = frozenset(
    {
        "audio_url",
        "audio_duration",
        "status",
        "language_code",
        "speaker_labels",
        "speakers_expected",
        "acoustic_model",
        "language_model",
        "speech_model",
        "speech_models",
        "words",
        "audio_channels",
        "multichannel",
        "webhook_url",
        "punctuate",
        "format_text",
        "language_detection",
        "language_confidence",
    }
)


def _looks_like_assemblyai(data: Any) -> float:
    if not isinstance(data, dict) or "utterances" not in data:
        return 0.0
    markers = len(_MARKERS & data.keys())
    if markers >= 2:
        return 0.9
    utterances = data.get("utterances")
    first = utterances[0] if isinstance(utterances, list) and utterances else None
    if markers and isinstance(first, dict) and ("words" in first or "confidence" in first):
        return 0.8
    return 0.0


@json_reader(
    "assemblyai",
    title="AssemblyAI",
    recognise=_looks_like_assemblyai,
    keys=("id", "status", "language_code", "audio_url", "audio_duration", "words", "utterances"),
    needs="utterances[] with speaker, start, end (ms) and text: transcribe with speaker_labels",
    aliases=("assembly", "assembly-ai"),
    channels=True,
    order=10,
)
def parse_assemblyai(data: Any, doc: JsonDoc) -> RawCall:
    """A parsed AssemblyAI transcript -> RawCall.

    Raises:
        TranscriptError: For a transcript that failed or is not finished, one without speaker
            labels, an utterance without text or speaker, or times in the wrong unit.
    """
    data = vendor.document(data, doc, "AssemblyAI", "utterances")
    status = data.get("status")
    if status == "error":
        reason = vendor.opt_str(data.get("error")) or "no reason given"
        raise doc.error(f"AssemblyAI says the transcription failed: {reason}", "status")
    if status not in (None, "completed"):
        raise doc.error(f"the transcript is not finished (status {status!r}): fetch it again")
    if data.get("utterances") is None:
        raise doc.error(
            "no utterances: transcribe with speaker_labels=true (or multichannel=true) so "
            "AssemblyAI says who spoke",
            "utterances",
        )
    multichannel = bool(data.get("multichannel"))
    parts: list[RawUtterance] = []
    for i, item in enumerate(vendor.objects(data.get("utterances"), doc, "utterances")):
        place = f"utterances[{i}]"
        speaker = vendor.label(item.get("speaker"), doc, f"{place}.speaker")
        channel = vendor.label(item.get("channel"), doc, f"{place}.channel")
        name = channel_label(channel) if multichannel and channel is not None else speaker
        if name is None:
            raise doc.error("missing: transcribe with speaker_labels=true", f"{place}.speaker")
        start = vendor.seconds(item.get("start"), doc, f"{place}.start", per_second=1000)
        end = vendor.seconds(item.get("end"), doc, f"{place}.end", per_second=1000)
        parts.append(RawUtterance(name, vendor.text(item, ("text",), doc, place), start, end))
    utterances = join_turns(parts)
    vendor.check_units(utterances, "ms", "AssemblyAI", doc)
    metadata: dict[str, Any] = {"format": "assemblyai"}
    if vendor.opt_str(data.get("id")):
        metadata["transcript_id"] = str(data["id"])
    return RawCall(
        path=doc.path,
        call_id=doc.default_id,
        utterances=utterances,
        where=doc.where,
        language=vendor.opt_str(data.get("language_code")),
        fields={"metadata": metadata},
    )

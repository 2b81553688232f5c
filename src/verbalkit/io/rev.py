"""Rev transcripts in JSON (Rev.ai ``GET /jobs/{id}/transcript``, Rev.com JSON exports).

The shape (Rev.ai Asynchronous API, "Get Transcript By Id", transcript JSON
``application/vnd.rev.transcript.v1.0+json``:
https://docs.rev.ai/api/asynchronous/reference/#operation/GetTranscriptById)::

    {"monologues": [{"speaker": 0, "speaker_name": "Agent"?,
                     "elements": [{"type": "text", "value": "Hej", "ts": 0.5, "end_ts": 0.9,
                                   "confidence": 0.98},
                                  {"type": "punct", "value": ","},
                                  {"type": "punct", "value": " "}, ...]}]}

- ``ts`` and ``end_ts`` are seconds: a monologue starts at its first text element's ``ts`` and
  ends at its last one's ``end_ts``.
- The text is the elements' values joined as they are (punctuation elements carry the spaces);
  ``unknown`` elements (``<inaudible>``) are left out.
- The speaker label is ``speaker_name`` when the transcript has names, else ``speaker 0``,
  ``speaker 1``...; roles come from the speaker rules. Consecutive monologues of one speaker
  make one turn.
- Rev's JSON has no language: it is detected (or declared with ``--lang``).
"""

from __future__ import annotations

from typing import Any

from verbalkit.io import vendor
from verbalkit.io.raw import RawCall, RawUtterance, join_turns
from verbalkit.io.registry import JsonDoc, json_reader


def _looks_like_rev(data: Any) -> float:
    if not isinstance(data, dict) or not isinstance(data.get("monologues"), list):
        return 0.0
    first = data["monologues"][0] if data["monologues"] else None
    return 0.9 if first is None or (isinstance(first, dict) and "elements" in first) else 0.6


@json_reader(
    "rev",
    title="Rev",
    recognise=_looks_like_rev,
    keys=("monologues",),
    needs="monologues[] with speaker and elements[] (ts, end_ts, value)",
    aliases=("rev.ai", "revai", "rev-ai"),
    order=14,
)
def parse_rev(data: Any, doc: JsonDoc) -> RawCall:
    """A parsed Rev transcript -> RawCall.

    Raises:
        TranscriptError: For a monologue without elements or speaker, or times in the wrong
            unit.
    """
    data = vendor.document(data, doc, "Rev", "monologues")
    parts: list[RawUtterance] = []
    for m, monologue in enumerate(vendor.objects(data.get("monologues"), doc, "monologues")):
        place = f"monologues[{m}]"
        name = vendor.label(monologue.get("speaker_name"), doc, f"{place}.speaker_name")
        if name is None:
            speaker = vendor.label(monologue.get("speaker"), doc, f"{place}.speaker")
            if speaker is None:
                raise doc.error("missing: who spoke", f"{place}.speaker")
            name = f"speaker {speaker}"
        if "elements" not in monologue:
            raise doc.error(
                "missing: a monologue needs its elements (the words)", f"{place}.elements"
            )
        pieces: list[str] = []
        start = end = None
        for e, element in enumerate(
            vendor.objects(monologue["elements"], doc, f"{place}.elements")
        ):
            where = f"{place}.elements[{e}]"
            kind = element.get("type")
            if kind == "unknown":
                continue
            pieces.append(vendor.text(element, ("value",), doc, where))
            if kind == "text":
                ts = vendor.seconds(element.get("ts"), doc, f"{where}.ts")
                end_ts = vendor.seconds(element.get("end_ts"), doc, f"{where}.end_ts")
                start = ts if start is None else start
                end = end_ts if end_ts is not None else end
        parts.append(RawUtterance(name, " ".join("".join(pieces).split()), start, end))
    utterances = join_turns(parts)
    vendor.check_units(utterances, "s", "Rev", doc)
    return RawCall(
        path=doc.path,
        call_id=doc.default_id,
        utterances=utterances,
        where=doc.where,
        language=vendor.opt_str(data.get("language")),
        fields={"metadata": {"format": "rev"}},
    )

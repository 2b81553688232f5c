"""Turn an analysed Doc into :class:`~verbalkit.schema.Tag` models (the only place that does)."""

from __future__ import annotations

from spacy.tokens import Doc

from verbalkit.pipeline.components.common import SPANS_KEY, meta, write_spans
from verbalkit.schema import Tag


def tags_from_doc(doc: Doc) -> list[Tag]:
    """The tags on ``doc``, ordered by position then label."""
    write_spans(doc)
    evidence = meta(doc)
    out = []
    for span in doc.spans.get(SPANS_KEY, []):
        info = evidence.get((span.start_char, span.end_char, span.label_), {})
        suggestion = info.get("suggestion")
        out.append(
            Tag(
                label=span.label_,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                rule=str(info.get("rule", span.id_)),
                confidence=float(str(info.get("confidence", 0.5))),
                suggestion=str(suggestion) if suggestion else None,
            )
        )
    out.sort(key=lambda t: (t.start, -t.end, t.label))
    return _drop_nested(out)


def _drop_nested(tags: list[Tag]) -> list[Tag]:
    """Drop a tag inside a longer tag of the same label: one piece of evidence, not two.

    "tråkigt att höra" and "tråkigt" are the same sympathy; the longer span is kept.
    ``tags`` must be sorted by start, longest first.
    """
    kept: list[Tag] = []
    reach: dict[str, int] = {}  # per label, the furthest end of a kept tag so far
    for t in tags:
        if t.end <= reach.get(t.label, -1):
            continue  # an earlier (or equal) start with a later end covers it
        kept.append(t)
        reach[t.label] = max(reach.get(t.label, -1), t.end)
    kept.sort(key=lambda t: (t.start, t.label))
    return kept

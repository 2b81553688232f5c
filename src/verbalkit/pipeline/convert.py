"""Turn an analysed Doc into :class:`~verbalkit.schema.Tag` models (the only place that does)."""

from __future__ import annotations

from spacy.tokens import Doc

from verbalkit.pipeline.components.common import SPANS_KEY, meta
from verbalkit.schema import Tag


def tags_from_doc(doc: Doc) -> list[Tag]:
    """The tags on ``doc``, ordered by position then label."""
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
    out.sort(key=lambda t: (t.start, t.label))
    return out

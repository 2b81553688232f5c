"""Turn an analysed Doc into :class:`~verbalkit.schema.Tag` models (the only place that does)."""

from __future__ import annotations

from spacy.tokens import Doc

from verbalkit.pipeline.components.common import SPANS_KEY, doc_text, meta, tags, write_spans
from verbalkit.schema import Tag


def tags_from_doc(doc: Doc) -> list[Tag]:
    """The tags on ``doc``, ordered by position then label.

    The tags are read from the components' index of ``doc.spans["vk_behaviours"]`` (the
    same spans: every write goes through it). Their order does not matter: no two tags
    share label and characters, and they are sorted by position, length and label.
    Each Tag is built without validation: every value already has the field's type.
    """
    write_spans(doc)
    if SPANS_KEY not in doc.spans:
        return []
    evidence = meta(doc)
    text = doc_text(doc)
    out = []
    for span in tags(doc):
        start, end, label = span.start_char, span.end_char, span.label_
        info = evidence.get((start, end, label), {})
        suggestion = info.get("suggestion")
        out.append(
            Tag.model_construct(
                label=label,
                start=start,
                end=end,
                text=text[start:end],
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

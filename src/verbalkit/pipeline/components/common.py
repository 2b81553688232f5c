"""Shared helpers for the components: extensions, span writing, context."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from verbalkit.pipeline.packs import RulePack, load_pack

SPANS_KEY = "vk_behaviours"
CUES_KEY = "vk_cues"


def register_extensions() -> None:
    """Register verbalkit's Doc extensions once."""
    for name, default in (("vk_role", "agent"), ("vk_prev", None), ("vk_meta", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()


def pack_for(lang: str, packs: list[str]) -> RulePack:
    """The (cached) rule pack for a component's config."""
    return load_pack(lang, tuple(packs))


def meta(doc: Doc) -> dict[tuple[int, int, str], dict[str, object]]:
    """The Doc-level evidence dict, created on first use."""
    value = doc._.vk_meta
    if value is None:
        value = {}
        doc._.vk_meta = value
    return value  # type: ignore[no-any-return]


def _index(doc: Doc) -> dict[str, list[Span]]:
    """Tags by label, kept beside ``doc.spans`` so that reading them is cheap.

    Iterating a SpanGroup builds a new Span per item; the hooks read tags once per sentence,
    which made very long utterances quadratic. All writes go through add_tag/remove_tags.
    """
    index: dict[str, list[Span]] | None = doc.user_data.get("vk_index")
    if index is None:
        index = {}
        for span in doc.spans.get(SPANS_KEY, []):
            index.setdefault(span.label_, []).append(span)
        doc.user_data["vk_index"] = index
    return index


def add_tag(
    doc: Doc,
    span: Span,
    label: str,
    rule: str,
    confidence: float,
    *,
    suggestion: str | None = None,
) -> None:
    """Record a tag on ``span`` unless the same label already covers the same characters."""
    if SPANS_KEY not in doc.spans:
        doc.spans[SPANS_KEY] = []
    group = doc.spans[SPANS_KEY]
    key = (span.start_char, span.end_char, label)
    evidence = meta(doc)
    if key in evidence:
        if confidence > float(str(evidence[key]["confidence"])):
            evidence[key] = {"rule": rule, "confidence": confidence, "suggestion": suggestion}
        return
    index = _index(doc)
    new = Span(doc, span.start, span.end, label=label, span_id=rule)
    group.append(new)
    index.setdefault(label, []).append(new)
    evidence[key] = {"rule": rule, "confidence": confidence, "suggestion": suggestion}


def remove_tags(doc: Doc, label: str, within: Span | None = None) -> None:
    """Drop tags of ``label`` (inside ``within`` if given)."""
    index = _index(doc)
    current = index.get(label, [])
    gone = [
        span
        for span in current
        if within is None or (span.start >= within.start and span.end <= within.end)
    ]
    if not gone:
        return
    evidence = meta(doc)
    for span in gone:
        evidence.pop((span.start_char, span.end_char, label), None)
    dropped = {(s.start, s.end) for s in gone}
    index[label] = [s for s in current if (s.start, s.end) not in dropped]
    doc.spans[SPANS_KEY] = [
        s for s in doc.spans[SPANS_KEY] if not (s.label_ == label and (s.start, s.end) in dropped)
    ]


def is_punctuated(doc: Doc) -> bool:
    """Whether the utterance has any punctuation (computed once per Doc)."""
    cached = doc.user_data.get("vk_punctuated")
    if cached is None:
        cached = any(t.is_punct for t in doc)
        doc.user_data["vk_punctuated"] = cached
    return bool(cached)


def tags(doc: Doc, label: str | None = None) -> list[Span]:
    """Current behaviour/signal spans, optionally of one label."""
    index = _index(doc)
    if label is not None:
        return list(index.get(label, ()))
    return [span for spans in index.values() for span in spans]


def has_tag(doc: Doc, label: str, within: Span | None = None) -> bool:
    """Whether a tag of ``label`` exists (overlapping ``within`` if given)."""
    for span in tags(doc, label):
        if within is None or (span.start < within.end and span.end > within.start):
            return True
    return False


def cues(doc: Doc, label: str | None = None) -> list[Span]:
    """Raw rule matches (including vetoes and cue_* labels)."""
    group = doc.spans.get(CUES_KEY, [])
    return [s for s in group if label is None or s.label_ == label]

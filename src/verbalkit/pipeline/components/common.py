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


#: Tokens per bucket of the positional tag index.
BUCKET_TOKENS = 64


class LabelTags:
    """The tags of one label: in the order they were added, and by position.

    Hooks ask, once per sentence, which tags of a label overlap it; scanning every tag of
    the label for that made very long utterances quadratic. Each tag is also filed under
    the buckets of ``BUCKET_TOKENS`` tokens it touches, so a query reads only the tags near
    the span. Tags are keyed by their token range, which is unique per label (``add_tag``
    keeps one tag per label and characters).
    """

    __slots__ = ("buckets", "spans")

    def __init__(self) -> None:
        self.spans: dict[tuple[int, int], Span] = {}
        self.buckets: dict[int, dict[tuple[int, int], Span]] = {}

    @staticmethod
    def _bucket_range(start: int, end: int) -> range:
        # An empty range still has a position: the bucket of its start.
        return range(start // BUCKET_TOKENS, (max(end, start + 1) - 1) // BUCKET_TOKENS + 1)

    def add(self, span: Span) -> None:
        key = (span.start, span.end)
        self.spans[key] = span
        for b in self._bucket_range(span.start, span.end):
            self.buckets.setdefault(b, {})[key] = span

    def remove(self, key: tuple[int, int]) -> None:
        if self.spans.pop(key, None) is None:
            return
        for b in self._bucket_range(*key):
            self.buckets[b].pop(key, None)

    def near(self, start: int, end: int) -> list[Span]:
        """Tags filed in the buckets of tokens ``start:end`` (a superset of the overlaps)."""
        found: dict[tuple[int, int], Span] = {}
        for b in self._bucket_range(start, end):
            found.update(self.buckets.get(b, {}))
        return list(found.values())


def _index(doc: Doc) -> dict[str, LabelTags]:
    """Tags by label, kept beside ``doc.spans`` so that reading them is cheap.

    Iterating a SpanGroup builds a new Span per item, and rewriting it after each removal
    costs as much; the hooks read and remove tags once per sentence, which made very long
    utterances quadratic. All writes go through add_tag/remove_tags; ``doc.spans`` is
    rewritten from this index once per component (:func:`write_spans`).
    """
    index: dict[str, LabelTags] | None = doc.user_data.get("vk_index")
    if index is None:
        index = {}
        for span in doc.spans.get(SPANS_KEY, []):
            index.setdefault(span.label_, LabelTags()).add(span)
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
    """Record a tag on ``span`` unless the same label already covers the same characters.

    An empty span is no evidence and is not recorded.
    """
    if span.start >= span.end:
        return
    if SPANS_KEY not in doc.spans:
        doc.spans[SPANS_KEY] = []
    key = (span.start_char, span.end_char, label)
    evidence = meta(doc)
    if key in evidence:
        if confidence > float(str(evidence[key]["confidence"])):
            evidence[key] = {"rule": rule, "confidence": confidence, "suggestion": suggestion}
        return
    index = _index(doc)
    new = Span(doc, span.start, span.end, label=label, span_id=rule)
    if not doc.user_data.get("vk_spans_stale"):
        doc.spans[SPANS_KEY].append(new)
    index.setdefault(label, LabelTags()).add(new)
    evidence[key] = {"rule": rule, "confidence": confidence, "suggestion": suggestion}


def remove_tags(doc: Doc, label: str, within: Span | None = None) -> None:
    """Drop tags of ``label`` (inside ``within`` if given)."""
    found = _index(doc).get(label)
    if found is None:
        return
    if within is None:
        gone = list(found.spans.values())
    else:
        gone = [
            span
            for span in found.near(within.start, within.end)
            if span.start >= within.start and span.end <= within.end
        ]
    if not gone:
        return
    evidence = meta(doc)
    for span in gone:
        evidence.pop((span.start_char, span.end_char, label), None)
        found.remove((span.start, span.end))
    # doc.spans is rewritten once, when the component is done (write_spans).
    doc.user_data["vk_spans_stale"] = True


def write_spans(doc: Doc) -> None:
    """Bring ``doc.spans["vk_behaviours"]`` up to date after tags were removed.

    Every component that may remove tags calls this before it returns, so that the Doc it
    hands on shows its tags in ``doc.spans`` as a spaCy component's output should.
    """
    if not doc.user_data.pop("vk_spans_stale", False):
        return
    doc.spans[SPANS_KEY] = [
        span for label_tags in _index(doc).values() for span in label_tags.spans.values()
    ]


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once per Doc.

    ``Doc.text`` joins every token on each access; read once per sentence or per tag, that
    made very long utterances quadratic. The tokens never change, so neither does the text.
    """
    cached = doc.user_data.get("vk_text")
    if cached is None:
        cached = doc.text
        doc.user_data["vk_text"] = cached
    return str(cached)


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
        found = index.get(label)
        return list(found.spans.values()) if found is not None else []
    return [span for label_tags in index.values() for span in label_tags.spans.values()]


def tags_overlapping(doc: Doc, label: str, span: Span) -> list[Span]:
    """Tags of ``label`` that share a token with ``span`` (or contain its position)."""
    found = _index(doc).get(label)
    if found is None:
        return []
    return [
        t for t in found.near(span.start, span.end) if t.start < span.end and t.end > span.start
    ]


def tags_inside(doc: Doc, label: str, span: Span) -> list[Span]:
    """Tags of ``label`` that lie within ``span``."""
    found = _index(doc).get(label)
    if found is None:
        return []
    return [
        t for t in found.near(span.start, span.end) if t.start >= span.start and t.end <= span.end
    ]


def has_tag(doc: Doc, label: str, within: Span | None = None) -> bool:
    """Whether a tag of ``label`` exists (overlapping ``within`` if given)."""
    if within is None:
        found = _index(doc).get(label)
        return found is not None and bool(found.spans)
    return bool(tags_overlapping(doc, label, within))


def cues(doc: Doc, label: str | None = None) -> list[Span]:
    """Raw rule matches (including vetoes and cue_* labels)."""
    group = doc.spans.get(CUES_KEY, [])
    return [s for s in group if label is None or s.label_ == label]

"""Shared helpers for the components: extensions, span writing, context."""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any, cast

from spacy.attrs import IDX, LEMMA, ORTH
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from verbalkit.pipeline import regexcache
from verbalkit.pipeline.packs import RulePack, load_pack

SPANS_KEY = "vk_behaviours"
CUES_KEY = "vk_cues"


def register_extensions() -> None:
    """Register verbalkit's Doc extensions once."""
    for name, default in (("vk_role", "agent"), ("vk_prev", None), ("vk_meta", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()


class TokenLists:
    """A Doc's token attributes as plain lists, read once per Doc.

    Iterating a Doc or indexing it builds a new Token object each time, and the components
    and hooks read the same attributes of the same tokens many times over. The lexical
    attributes (text, lower case, punctuation…) are those of each token's lexeme, read once
    per lexeme of the vocab; the lemmas are read when first asked for (after the lemmatizer).
    """

    __slots__ = (
        "_idx",
        "_lemmas",
        "_lowers_set",
        "alphas",
        "doc",
        "like_nums",
        "lowers",
        "puncts",
        "spaces",
        "texts",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        lexemes = _lexeme_cache(doc.vocab)
        infos = [lexemes.get(orth) or _lexeme_info(doc.vocab, orth) for orth in _orths(doc)]
        self.texts: list[str] = [x[0] for x in infos]
        self.lowers: list[str] = [x[1] for x in infos]
        self.puncts: list[bool] = [x[2] for x in infos]
        self.spaces: list[bool] = [x[3] for x in infos]
        self.alphas: list[bool] = [x[4] for x in infos]
        self.like_nums: list[bool] = [x[5] for x in infos]
        self._lemmas: list[str] | None = None
        self._idx: list[int] | None = None
        self._lowers_set: frozenset[str] | None = None

    @property
    def lemmas(self) -> list[str]:
        """``token.lemma_`` of every token (as set when first read)."""
        if self._lemmas is None:
            strings = self.doc.vocab.strings
            ids = self.doc.to_array(LEMMA).tolist() if len(self.doc) else []
            self._lemmas = [strings[x] for x in ids]
        return self._lemmas

    @property
    def idx(self) -> list[int]:
        """``token.idx`` (character offset) of every token."""
        if self._idx is None:
            self._idx = self.doc.to_array(IDX).tolist() if len(self.doc) else []
        return self._idx

    @property
    def lowers_set(self) -> frozenset[str]:
        """The lower-cased texts of the Doc's tokens, as a set."""
        if self._lowers_set is None:
            self._lowers_set = frozenset(self.lowers)
        return self._lowers_set


#: A lexeme's text, lower case, is_punct, is_space, is_alpha, like_num.
_LexInfo = tuple[str, str, bool, bool, bool, bool]
#: Per vocab: orth id -> the lexeme's attributes.
_LEXEMES: dict[int, tuple[object, dict[int, _LexInfo]]] = {}


def _lexeme_cache(vocab: object) -> dict[int, _LexInfo]:
    hit = _LEXEMES.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        hit = (vocab, {})
        _LEXEMES[id(vocab)] = hit
    return hit[1]


def _lexeme_info(vocab: Vocab, orth: int) -> _LexInfo:
    lex = vocab[orth]
    info = (
        lex.orth_,
        lex.lower_,
        bool(lex.is_punct),
        bool(lex.is_space),
        bool(lex.is_alpha),
        bool(lex.like_num),
    )
    _lexeme_cache(vocab)[orth] = info
    return info


def _orths(doc: Doc) -> list[int]:
    return cast(list[int], doc.to_array(ORTH).tolist()) if len(doc) else []


def token_lists(doc: Doc) -> TokenLists:
    """The Doc's :class:`TokenLists`, built on first use."""
    found: TokenLists | None = doc.user_data.get("vk_tokens")
    if found is None:
        found = TokenLists(doc)
        doc.user_data["vk_tokens"] = found
    return found


def sent_bounds(doc: Doc) -> list[tuple[int, int]]:
    """The sentences of ``doc`` as ``(start, end)`` token ranges, as ``doc.sents`` gives them.

    Read from the Doc once; :func:`verbalkit.pipeline.components.sentences.set_sent_starts`
    keeps them up to date when it writes the sentence starts.
    """
    found: list[tuple[int, int]] | None = doc.user_data.get("vk_sents")
    if found is None:
        found = [(s.start, s.end) for s in doc.sents] if len(doc) else []
        doc.user_data["vk_sents"] = found
    return found


def sentence_at(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i`` (``doc[i].sent``)."""
    bounds = sent_bounds(doc)
    k = bisect.bisect_right(bounds, (i, len(doc) + 1)) - 1
    start, end = bounds[k]
    return doc[start:end]


def bounds_from_starts(starts: list[bool]) -> list[tuple[int, int]]:
    """Sentence ranges from sentence-start flags (the first token always starts one)."""
    cuts = [i for i in range(1, len(starts)) if starts[i]]
    edges = [0, *cuts, len(starts)]
    return [(edges[k], edges[k + 1]) for k in range(len(edges) - 1)] if starts else []


def _ext_key(name: str) -> tuple[str, str, None, None]:
    # Where spaCy keeps a Doc extension's value that was set (no getter or setter).
    return ("._.", name, None, None)


_ROLE_KEY, _PREV_KEY, _META_KEY = _ext_key("vk_role"), _ext_key("vk_prev"), _ext_key("vk_meta")


def _user_data(doc: Doc) -> dict[Any, Any]:
    return cast(dict[Any, Any], doc.user_data)


def doc_role(doc: Doc) -> str:
    """``doc._.vk_role``, read from where spaCy keeps it (``doc._`` builds an object per read)."""
    data = _user_data(doc)
    if _ROLE_KEY in data:
        return str(data[_ROLE_KEY])
    return str(doc._.vk_role)


def doc_prev(doc: Doc) -> str | None:
    """``doc._.vk_prev``, read from where spaCy keeps it."""
    data = _user_data(doc)
    value = data.get(_PREV_KEY)
    if _PREV_KEY not in data:
        value = doc._.vk_prev  # not set here: its default (or a getter's value)
    return None if value is None else str(value)


def set_context(doc: Doc, role: str, prev: str | None, text: str | None = None) -> None:
    """Set ``doc._.vk_role`` and ``doc._.vk_prev`` (as ``doc._`` would, without its objects).

    ``text``: the text ``doc`` was made from (``nlp.make_doc(text)``), which is ``doc.text``;
    given, it spares building ``doc.text`` from the tokens.
    """
    if text is not None:
        _user_data(doc)["vk_text"] = text
    if any(Doc.get_extension(name)[3] is not None for name in ("vk_role", "vk_prev")):
        doc._.vk_role = role  # pragma: no cover - someone registered a setter
        doc._.vk_prev = prev
        return
    data = _user_data(doc)
    data[_ROLE_KEY] = role
    data[_PREV_KEY] = prev


def pack_for(lang: str, packs: list[str]) -> RulePack:
    """The (cached) rule pack for a component's config."""
    return load_pack(lang, tuple(packs))


def meta(doc: Doc) -> dict[tuple[int, int, str], dict[str, object]]:
    """The Doc-level evidence dict, created on first use."""
    value = _user_data(doc).get(_META_KEY)
    if value is None:
        value = doc._.vk_meta
        if value is None:
            value = {}
            doc._.vk_meta = value
    return cast(dict[tuple[int, int, str], dict[str, object]], value)


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


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the Doc's cached text."""
    if start >= end:
        return ""
    t = token_lists(doc)
    return doc_text(doc)[t.idx[start] : t.idx[end - 1] + len(t.texts[end - 1])]


def is_punctuated(doc: Doc) -> bool:
    """Whether the utterance has any punctuation (computed once per Doc)."""
    cached = doc.user_data.get("vk_punctuated")
    if cached is None:
        cached = any(token_lists(doc).puncts)
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


#: Regexes of the language hooks by pattern text, compiled once (``re.search`` looks each pattern
#: up in re's own cache on every call, which costs about as much as a short search).
_REGEXES: dict[str, re.Pattern[str]] = {}


#: Compiled patterns with their needles (strings one of which every match holds:
#: :func:`~verbalkit.pipeline.regexcache.needles`), by pattern.
_GATED: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {}


def _rx(pattern: str) -> re.Pattern[str]:
    found = _REGEXES.get(pattern)
    if found is None:
        found = regexcache.compile(pattern)
        _REGEXES[pattern] = found
    return found


def _gated(pattern: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    found = _GATED.get(pattern)
    if found is None:
        found = _GATED[pattern] = (_rx(pattern), regexcache.needles(pattern))
    return found


def cached_search(pattern: str, text: str) -> re.Match[str] | None:
    """``re.search(pattern, text)`` with the compiled pattern kept. A text holding none of
    the pattern's needles cannot match and is not searched."""
    rx, needles = _GATED.get(pattern) or _gated(pattern)
    if needles:
        for needle in needles:
            if needle in text:
                break
        else:
            return None
    return rx.search(text)


def cached_match(pattern: str, text: str) -> re.Match[str] | None:
    """``re.match(pattern, text)`` with the compiled pattern kept."""
    found = _REGEXES.get(pattern) or _rx(pattern)
    return found.match(text)


@functools.cache
def english_dictionary() -> frozenset[str]:
    """Ordinary English words (WordNet's index in spacy-lookups-data), loaded once."""
    from spacy.lookups import load_lookups

    try:
        table = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
    except (ValueError, KeyError, OSError):  # pragma: no cover - lookups data missing
        return frozenset()
    words: set[str] = set()
    for key in table:
        words.update(w for w in table[key] if "_" not in w)
    return frozenset(words)

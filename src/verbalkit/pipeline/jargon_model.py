"""A small trained jargon recogniser beside the jargon rules: one logistic regression per word.

The rules (:mod:`verbalkit.pipeline.components.jargon`) tag first. Then the model reads every
word of the agent utterance that no rule tagged, is no stop word and that the customer did not
say in the previous turn, and scores it from what generalises to terms no list holds: its
shape (capitals, digits, hyphens, length), how common a word it is (English: a frequency
band; Swedish: whether the lemma table knows it), its last letters ("-avgift", "-nummer",
"-ation"), the pack's jargon lists, heads and cues, the words around it ("our X", "vår X", "in
X") and whether a rule tagged a neighbour. Adjacent words at or above the threshold make one
span ("door operator board"), tagged ``{lang}.jargon.model`` with the highest word
probability as the confidence. The model only adds spans: it never removes a rule's, and
never tags a word the customer used first.

The weights are data (``models/{lang}/jargon_model.json``): a feature → weight map, a bias, the
threshold, the English frequency bands (from spaCy's lookup data, so no table is read at run
time) and the held-back figures the threshold was chosen on. No file, no model: the rules
alone run. Training: :mod:`verbalkit.pipeline.train_jargon`. Words and features come from one
regex and plain look-ups, so training and tagging see exactly the same ones.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "JargonModel",
    "Word",
    "disabled",
    "jargon_model_path",
    "load_jargon_model",
    "words",
]

#: A word: letters or digits, with inner hyphens, colons, dots, slashes or apostrophes
#: ("WMS:et", "L2-gruppen", "e.max", "pre-authorisation", "36:an").
WORD = re.compile(r"[^\W_](?:\w|[-:./'’](?=[^\W_]))*")
#: Words before a term that present it as the company's own or as a thing ("our X", "vår X").
DETERMINERS = frozenset(
    {"the", "our", "a", "an", "your", "their", "this", "that", "its", "these", "those"}
    | {"en", "ett", "den", "det", "de", "vår", "vårt", "våra", "er", "ert", "era"}
    | {"din", "ditt", "dina", "sin", "sitt", "sina"}
)
#: Prepositions a system or register is read in or put on ("in Falcon", "i Vitec").
PLACES = frozenset({"in", "on", "into", "via", "through", "under", "i", "på", "genom", "från"})
_DISABLED = False


@dataclass(frozen=True)
class Word:
    """One word of an utterance: its characters, text and lower case."""

    start: int
    end: int
    text: str
    low: str


def words(text: str) -> list[Word]:
    """The words of ``text`` (:data:`WORD`)."""
    return [Word(m.start(), m.end(), m.group(0), m.group(0).lower()) for m in WORD.finditer(text)]


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f"{edges[-1]}+"


def shape(text: str) -> str:
    """Capitals X, small letters x, digits d, others kept; runs of one kind shortened to 2."""
    out: list[str] = []
    for ch in text:
        k = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if len(out) >= 2 and out[-1] == k and out[-2] == k:
            continue
        out.append(k)
    return "".join(out[:8])


@dataclass
class Lists:
    """What the features look up: the pack's jargon data and the language's word lists.

    ``known(word)``: the word is an ordinary word of the language (English: the dictionary or
    the everyday list; Swedish: the lemma table). ``freq``: English frequency band by word.
    """

    lang: str
    stop: frozenset[str]
    known: Callable[[str], bool]
    is_term: Callable[[str, str], bool]
    heads: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    cues: tuple[tuple[str, ...], ...] = ()
    common: frozenset[str] = frozenset()
    known_terms: frozenset[str] = frozenset()
    known_names: frozenset[str] = frozenset()
    freq: dict[str, str] = field(default_factory=dict)
    _memo: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        alt = "|".join(re.escape(h) for h in sorted(self.heads, key=lambda h: (-len(h), h)))
        self._head_end = re.compile(rf"(?:{alt})$") if alt else None
        alt = "|".join(re.escape(p) for p in sorted(self.parts, key=lambda p: (-len(p), p)))
        self._part = re.compile(alt) if alt else None
        self._cue_first: dict[str, list[tuple[str, ...]]] = {}
        for cue in self.cues:
            if cue:
                self._cue_first.setdefault(cue[0], []).append(cue)

    def ends_in_head(self, low: str) -> bool:
        return self._head_end is not None and self._head_end.search(low) is not None

    def has_part(self, low: str) -> bool:
        return self._part is not None and self._part.search(low) is not None

    def cue_matches(self, ws: list[Word]) -> list[tuple[int, int]]:
        """Where the pack's cues occur: ``(first word, length)``."""
        found = []
        lows = [w.low for w in ws]
        for k, low in enumerate(lows):
            for cue in self._cue_first.get(low, ()):
                if tuple(lows[k : k + len(cue)]) == cue:
                    found.append((k, len(cue)))
        return found

    def word_features(self, w: Word, prefix: str) -> tuple[str, ...]:
        """:func:`_word_features`, remembered by text (words recur across utterances)."""
        key = (prefix, w.text)
        found = self._memo.get(key)
        if found is None:
            out: list[str] = []
            _word_features(w, self, out, prefix)
            found = tuple(out)
            if len(self._memo) > 200_000:
                self._memo.clear()
            self._memo[key] = found
        return found


def _word_features(w: Word, lists: Lists, out: list[str], prefix: str) -> None:
    """Features of one word alone (``prefix`` "" for the word itself, "p"/"n" for neighbours):
    how common it is, its shape, length, letters and the pack's lists it is in."""
    low = w.low
    if prefix and low in lists.stop:
        out += [f"{prefix}w:{low}", f"{prefix}stop"]
        return
    stem = re.split(r"[:\-]", low, maxsplit=1)[0] if (":" in low or "-" in low) else low
    known = lists.known(low) or lists.known(stem)
    band = ""
    if lists.lang == "en":
        band = lists.freq.get(low) or lists.freq.get(stem) or ""
        if not band and low.endswith("s"):
            band = lists.freq.get(low[:-1], "")
        band = band or "rare"
        out.append(f"{prefix}fq:{band}")
    out.append(f"{prefix}kn:{int(known)}")
    if prefix:
        out.append(f"{prefix}w:{low}")
        if lists.ends_in_head(low):
            out.append(f"{prefix}head")
        return
    sh = shape(w.text)
    out.append(f"sh:{sh}")
    out.append(f"len:{_bucket(len(low), (2, 3, 5, 7, 9, 12, 16))}")
    out.append(f"knlen:{int(known)}_{_bucket(len(low), (4, 7, 10, 14))}")
    if band:
        out.append(f"fqsh:{band}_{sh[:3]}")
    out += [f"w:{low}", f"s3:{low[-3:]}", f"s4:{low[-4:]}", f"p3:{low[:3]}"]
    if lists.lang == "sv":
        out.append(f"s5:{low[-5:]}")
    if lists.is_term(low, w.text):
        out.append("lx:term")
    if low in lists.known_terms:
        out.append("lx:known")
    if low in lists.common:
        out.append("lx:common")
    if lists.ends_in_head(low):
        out.append("lx:head" if lists.lang == "en" or low in lists.heads else "lx:head_end")
    if len(low) >= 9 and lists.has_part(low):
        out.append("lx:part")


def features(
    ws: list[Word],
    i: int,
    lists: Lists,
    tagged: list[bool],
    cues: list[tuple[int, int]] | None = None,
) -> list[str]:
    """The features of word ``i`` of an utterance; ``tagged[k]``: a rule tagged word ``k``;
    ``cues``: :meth:`Lists.cue_matches` of the utterance (found when not given).

    >>> from verbalkit.pipeline.jargon_model import Lists, features, words
    >>> ws = words("Our WMS flags it")
    >>> lists = Lists("en", frozenset({"our", "it"}), lambda w: w != "wms", lambda a, b: False)
    >>> sorted(f for f in features(ws, 1, lists, [False] * 4) if f[:2] in ("w:", "p:", "sh"))
    ['p:det', 'sh:XX', 'w:wms']
    """
    w = ws[i]
    out = list(lists.word_features(w, ""))
    if i == 0:
        out.append("first")
    elif w.text[:1].isupper() and not w.text.isupper():
        out.append("cap_inner")
    if tagged[i]:
        out.append("r:self")
    for k, side in ((i - 1, "p"), (i + 1, "n")):
        if 0 <= k < len(ws):
            out += lists.word_features(ws[k], side)
            if tagged[k]:
                out.append(f"{side}rule")
        else:
            out.append(f"{side}edge")
    if i > 0 and ws[i - 1].low in DETERMINERS:
        out.append("p:det")
    if any(ws[k].low in PLACES for k in range(max(0, i - 2), i)):
        out.append("p:place")
    if cues is None:
        cues = lists.cue_matches(ws)
    if any(k >= i - 5 and k + n <= i for k, n in cues):
        out.append("p:cue")
    return out


@dataclass
class JargonModel:
    """The weights of one language's jargon recogniser."""

    language: str
    bias: float
    threshold: float
    weights: dict[str, float]
    freq: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> JargonModel:
        bands: dict[str, str] = {}
        for band, joined in sorted(data.get("freq", {}).items()):
            for w in str(joined).split():
                bands.setdefault(w, band)
        return cls(
            language=str(data["language"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            weights={str(k): float(v) for k, v in data["weights"].items()},
            freq=bands,
            meta={k: v for k, v in data.items() if k not in ("bias", "weights", "freq")},
        )

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(feats))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def spans(
        self,
        text: str,
        lists: Lists,
        rule_spans: list[tuple[int, int]],
        used_by_customer: Callable[[str], bool],
        threshold: float | None = None,
    ) -> list[tuple[int, int, float]]:
        """Spans the rules missed: ``(start, end, probability)``, adjacent words joined."""
        t = self.threshold if threshold is None else threshold
        scored = scored_words(text, lists, rule_spans, used_by_customer, self.probability)
        return join_words(text, scored, t)


def join_words(
    text: str, scored: Iterator[tuple[int, int, float]] | list[tuple[int, int, float]], t: float
) -> list[tuple[int, int, float]]:
    """The words scored at or above ``t``, adjacent ones joined into one span."""
    found: list[tuple[int, int, float]] = []
    for i, j, p in scored:
        if p < t:
            continue
        if found and _adjacent(text, found[-1][1], i):
            start, _, q = found[-1]
            found[-1] = (start, j, max(p, q))
        else:
            found.append((i, j, p))
    return found


def _adjacent(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return gap.strip(" -") == "" and len(gap) <= 2


def scored_words(
    text: str,
    lists: Lists,
    rule_spans: list[tuple[int, int]],
    used_by_customer: Callable[[str], bool],
    score: Callable[[list[str]], float],
) -> Iterator[tuple[int, int, float]]:
    """``(start, end, score(features))`` of every candidate word: no stop word, no number,
    untagged by the rules, not used by the customer first."""
    ws = words(text)
    tagged = [any(s < w.end and w.start < e for s, e in rule_spans) for w in ws]
    cues: list[tuple[int, int]] | None = None
    for i, w in enumerate(ws):
        if tagged[i] or not candidate(w, lists) or used_by_customer(w.text):
            continue
        if cues is None:
            cues = lists.cue_matches(ws)
        yield w.start, w.end, score(features(ws, i, lists, tagged, cues))


def candidate(w: Word, lists: Lists) -> bool:
    """Whether a word may be jargon at all: not a stop word, not a plain number, and not a
    capitalised word ("Göteborg", "Lind"): places and names, and system names are left to the
    rules (``jargon.tsv``, "jag ser i X", CamelCase); not a name customers know ("WhatsApp")."""
    if (w.text[:1].isupper() and w.text[1:].islower()) or w.low in lists.known_names:
        return False
    return w.low not in lists.stop and not w.low.replace(".", "").replace(",", "").isdigit()


def jargon_model_path(lang: str) -> Path:
    """Where the built-in jargon model of ``lang`` lives (it may not exist)."""
    from verbalkit.pipeline.packs import builtin_root

    return builtin_root() / lang / "jargon_model.json"


@cache
def _load(path: str) -> JargonModel | None:
    p = Path(path)
    if not p.is_file():
        return None
    from verbalkit.errors import RulePackError

    try:
        return JargonModel.from_json(json.loads(p.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise RulePackError(p, f"not a verbalkit jargon model: {err}") from err


@cache
def _path_of(lang: str) -> str:
    return str(jargon_model_path(lang))


def load_jargon_model(lang: str) -> JargonModel | None:
    """The jargon model of ``lang``, read once, or None (no file, or :func:`disabled`)."""
    if _DISABLED:
        return None
    return _load(_path_of(lang))


@contextmanager
def disabled() -> Iterator[None]:
    """Run the jargon rules alone (training reads the rules' spans this way)."""
    global _DISABLED
    before = _DISABLED
    _DISABLED = True
    try:
        yield
    finally:
        _DISABLED = before

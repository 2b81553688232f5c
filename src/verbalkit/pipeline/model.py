"""A small trained component beside the rules: one logistic regression per behaviour.

The rules tag first. Then, for the behaviours where it proved better on held-back data
(cross-validated when it was trained, :mod:`verbalkit.pipeline.train`), the model reads
the agent utterance, the customer's previous turn and the labels the rules gave, and adds a
behaviour the rules missed when its probability reaches the behaviour's threshold. It
never removes a rule's tag. Its tag carries evidence like a rule's: the sentence that
scores highest as the span, ``{lang}.{behaviour}.model`` as the rule id and the probability
as the confidence.

The weights are data (``models/{lang}/tagger.json``): plain feature → weight maps, a bias
and a threshold per behaviour, with the data and cross-validated figures they came from. No
file, no model: the rules alone run. Features are built from the text by one regex, so
training and tagging see exactly the same ones.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

__all__ = [
    "LONG_TURN_WORDS",
    "BehaviourModel",
    "Lexicons",
    "TaggerModel",
    "disabled",
    "features",
    "load_model",
    "model_path",
    "sentences",
]

_WORD = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*", re.UNICODE)
_DISABLED = False


class BehaviourModel(BaseModel):
    """Weights of one behaviour and the figures that justified keeping it."""

    model_config = ConfigDict(extra="forbid")

    bias: float
    threshold: float = Field(ge=0.0, le=1.0)
    weights: dict[str, float]
    cv: dict[str, float] = Field(
        default_factory=dict,
        description="Cross-validated precision/recall/F1 of the rules alone and with the model.",
    )


class TaggerModel(BaseModel):
    """The trained component of one language."""

    model_config = ConfigDict(extra="forbid")

    language: str
    version: str
    trained_on: list[str] = Field(description="Labelled files and their row counts.")
    behaviours: dict[str, BehaviourModel]
    lexicon_features: bool = Field(
        default=False, description="Features include the pack's word lists (Lexicons)."
    )
    _by_feature: tuple[list[str], list[float], dict[str, tuple[float, ...]]] | None = PrivateAttr(
        default=None
    )

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        """The probability of every modelled behaviour for one feature set."""
        labels, biases, table = self._by_feature or self._table()
        # Each feature once, in the order given: summing in set order would make the last
        # bits of a probability (and so, rarely, a tag) depend on Python's hash seed.
        rows = [row for f in dict.fromkeys(feats) if (row := table.get(f)) is not None]
        z = (
            [b + sum(col) for b, col in zip(biases, zip(*rows, strict=True), strict=True)]
            if rows
            else biases
        )
        return {
            label: 1.0 / (1.0 + math.exp(-max(min(zk, 40.0), -40.0)))
            for label, zk in zip(labels, z, strict=True)
        }

    def _table(self) -> tuple[list[str], list[float], dict[str, tuple[float, ...]]]:
        """The weights by feature, a weight per behaviour (0.0 where it has none), built once:
        each feature is looked up once for all behaviours."""
        labels = list(self.behaviours)
        table: dict[str, list[float]] = {}
        for k, label in enumerate(labels):
            for f, w in self.behaviours[label].weights.items():
                table.setdefault(f, [0.0] * len(labels))[k] = w
        found = (
            labels,
            [self.behaviours[x].bias for x in labels],
            {f: tuple(ws) for f, ws in table.items()},
        )
        self._by_feature = found
        return found


#: In a turn of this many words or more (and more than one sentence) a model's tag needs a
#: sentence that carries it on its own: its probability is the lower of the turn's and its
#: best sentence's. In a long monologue weak cues spread over many sentences ("what we see a
#: lot at this time of year…", "it can take a while…") add up to a behaviour no sentence
#: shows, and a listening tag found that way hides a premature solution
#: (tests/patterns/test_long_turns.py). Training scores held-back rows the same way; 40
#: words (the longest length bucket) costs nothing on the fresh rows, where three sentences
#: cost English sympathy 0.02 F1.
LONG_TURN_WORDS = 40


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f"{edges[-1]}+"


def _words(text: str) -> list[str]:
    return ["<num>" if w.isdigit() else w for w in _WORD.findall(text.lower())]


#: Word lists of a rule pack that are not features: names and places (the redaction's lists,
#: ``privacy.yaml``; editing them must not change how behaviours are tagged), jargon term
#: lists, stop words.
NOT_FEATURE_LEXICONS = frozenset(
    {
        "census_first_names",
        "census_surnames",
        "swedish_surnames",
        "origin_first_names",
        "origin_surnames",
        "word_first_names",
        "geo_places",
        "stopwords",
        "fillers",
        "known_terms",
        "jargon_common_words",
        "jargon_common_acronyms",
        "jargon_known_names",
        "jargon_modifier_stop",
        "jargon_generic_suggestion",
    }
)


class Lexicons:
    """A pack's word lists as features: ``x:<list>`` when the utterance holds an entry of
    that list (a word, or a phrase of several). The rules' lists name kinds ("feeling
    words", "blame targets", "remedy verbs"), so the model learns the kind, not each word."""

    def __init__(self, lists: Mapping[str, Iterable[str]]) -> None:
        self.words: dict[str, list[str]] = {}
        # phrases by their first word: (the words after it, list name)
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name, entries in sorted(lists.items()):
            if name in NOT_FEATURE_LEXICONS:
                continue
            for entry in entries:
                parts = entry.lower().split()
                if len(parts) == 1:
                    self.words.setdefault(parts[0], []).append(name)
                elif parts:
                    self.phrases.setdefault(parts[0], []).append((tuple(parts[1:]), name))

    def of(self, words: list[str]) -> list[str]:
        """The ``x:`` features of an utterance's words (as :func:`features` splits them)."""
        found: set[str] = set()
        for i, w in enumerate(words):
            found.update(self.words.get(w, ()))
            for rest, name in self.phrases.get(w, ()):
                if tuple(words[i + 1 : i + 1 + len(rest)]) == rest:
                    found.add(name)
        return [f"x:{name}" for name in sorted(found)]


def features(
    text: str, prev: str | None, rule_labels: Iterable[str], lexicons: Lexicons | None = None
) -> list[str]:
    """The features of an agent utterance: its words and word pairs, how it starts and
    ends, question marks, length, words shared with the customer's turn, the labels the
    rules gave it and, given the pack's :class:`Lexicons`, the kinds of word it holds.

    >>> features("So it broke?", "My phone broke yesterday", ["closed_question"])[:6]
    ['w:so', 'w:it', 'w:broke', 'b:so_it', 'b:it_broke', 'f:so']
    """
    words = _words(text)
    out = [f"w:{w}" for w in words]
    out += [f"b:{a}_{b}" for a, b in itertools.pairwise(words)]
    if words:
        out.append(f"f:{words[0]}")
        out.append(f"l:{words[-1]}")
        if len(words) > 1:
            out.append(f"f2:{words[0]}_{words[1]}")
    stripped = text.rstrip()
    if "?" in text:
        out.append("q")
    if stripped.endswith("?"):
        out.append("q_end")
    out.append(f"len:{_bucket(len(words), (3, 8, 20, 40))}")
    if prev:
        mine = {w for w in words if len(w) >= 4}
        theirs = {w for w in _words(prev) if len(w) >= 4}
        out.append(f"ov:{_bucket(len(mine & theirs), (0, 1, 2))}")
        if prev.rstrip().endswith("?"):
            out.append("prev_q")
    else:
        out.append("no_prev")
    labels = sorted(set(rule_labels))
    out += [f"r:{label}" for label in labels]
    if not labels:
        out.append("r:none")
    if lexicons is not None:
        out += lexicons.of(words)
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (a simple split on . ! ?)."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans or ([(0, len(text))] if text.strip() else [])


def model_path(lang: str) -> Path:
    """Where the built-in model of ``lang`` lives (it may not exist)."""
    from verbalkit.pipeline.packs import builtin_root

    return builtin_root() / lang / "tagger.json"


@cache
def _load(path: str) -> TaggerModel | None:
    p = Path(path)
    if not p.is_file():
        return None
    from verbalkit.errors import RulePackError

    try:
        return TaggerModel.model_validate(json.loads(p.read_text(encoding="utf-8")))
    except (OSError, ValueError) as err:
        raise RulePackError(p, f"not a verbalkit tagger model: {err}") from err


def load_model(lang: str) -> TaggerModel | None:
    """The trained component of ``lang``, or None (no file, or :func:`disabled`)."""
    if _DISABLED:
        return None
    return _load(_path_of(lang))


@cache
def _path_of(lang: str) -> str:
    # Looked up once per language: finding the package folder costs 0.1 ms, per utterance.
    return str(model_path(lang))


@contextmanager
def disabled() -> Iterator[None]:
    """Run the rules alone (training reads the rules' labels this way)."""
    global _DISABLED
    before = _DISABLED
    _DISABLED = True
    try:
        yield
    finally:
        _DISABLED = before

"""A small trained name recogniser beside the rules: per-word logistic regression.

The rules (:mod:`verbalkit.privacy.recognisers`) find names by their cues and lists; they
miss names in uncued positions, names from origins outside the lists and lower-case ASR
names. This model reads every word of an utterance with its neighbours and says how likely
it is part of a person's name. It only **adds**: a run of words at or above the model's
threshold becomes a ``name`` span (rule id ``name.model``, the highest word probability as
confidence) when no span the rules found touches it. It never removes a rule's span.

What a word's features are (:func:`token_features`): the word lower-cased, its shape
(``Xx``, ``x``, ``X``, hyphen, apostrophe), its last three and four letters, whether it
opens a sentence, whether the whole text is lower case (ASR), whether the word is on the
pack's first-name or surname lists (hand-made and census), its non-name, place or
homograph lists, whether it is an ordinary word of the language (English: WordNet's index;
Swedish: the forms and lemmas of spaCy's lookup lemma table), the two words before and
after it with their list signatures, the punctuation around it and digits nearby. The
rules' own finds are *not* features: on the texts the model learns from the rules find
nearly every name, so a model that read them would learn only to agree with them.

The weights live in ``models/{lang}/names_model.json`` (written by
``python -m verbalkit.privacy.train_names``), read once per process and validated. When
the file is missing the rules run alone.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from verbalkit.privacy.models import PersonalData

MODELS = Path(__file__).resolve().parents[3] / "models"
FILE_NAME = "names_model.json"
RULE = "name.model"

#: A word: letters, with internal hyphens or apostrophes ("Anne-Marie", "O'Brien").
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_MASK = re.compile(r"\[[A-Z_]+\]")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…]\s*$")
_DIGIT = re.compile(r"\d")
_EN_ENDINGS = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
)


class NameModel(BaseModel):
    """The weights of one language's name model, as ``names_model.json`` holds them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: str
    version: str
    threshold: float = Field(..., gt=0.0, lt=1.0)
    bias: float
    weights: dict[str, float]
    trained_on: list[str] = Field(default_factory=list, description="the data it learnt from")
    cv: dict[str, float] = Field(default_factory=dict, description="held-back figures")

    def probability(self, feats: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def model_path(lang: str) -> Path:
    return MODELS / lang / FILE_NAME


@functools.cache
def load_model(lang: str) -> NameModel | None:
    """``lang``'s name model, read once per process; None when there is no file."""
    path = model_path(lang)
    if not path.exists():
        return None
    return NameModel.model_validate(json.loads(path.read_text(encoding="utf-8")))


# -- word lists ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lists:
    """The word lists the features read, for one language."""

    first: frozenset[str]
    surnames: frozenset[str]
    hand_first: frozenset[str]
    hand_surnames: frozenset[str]
    not_names: frozenset[str]
    places: frozenset[str]
    homographs: frozenset[str]
    ordinary: Callable[[str], bool]


@functools.cache
def word_lists(lang: str) -> Lists:
    """The pack's name lists (as the rules read them) and an ordinary-word test."""
    from verbalkit.privacy.recognisers import compiled

    c = compiled(lang)
    return Lists(
        first=c.first_names,
        surnames=c.surnames,
        hand_first=c.hand_first_names,
        hand_surnames=c.hand_surnames,
        not_names=c.not_names,
        places=c.place_names,
        homographs=c.homograph_names,
        ordinary=_ordinary_test(lang),
    )


def _ordinary_test(lang: str) -> Callable[[str], bool]:
    if lang == "en":
        from verbalkit.pipeline.components.common import english_dictionary

        words = english_dictionary()

        def known(word: str) -> bool:
            # WordNet's index lists base forms: "settings", "accessories", "booked" too
            return word in words or any(
                word.endswith(end) and word[: len(word) - len(end)] + add in words
                for end, add in _EN_ENDINGS
            )

        return functools.lru_cache(maxsize=65536)(known)
    return _swedish_words()


def _swedish_words() -> Callable[[str], bool]:
    """A Swedish word form or lemma of spaCy's lookup lemma table (cached by
    :mod:`verbalkit.pipeline.lemmas`); no test (always False) when the table is missing."""
    try:
        from spacy.strings import get_string_id

        from verbalkit.pipeline.lemmas import lemma_table

        table = lemma_table("sv")
    except (ImportError, ValueError, OSError):  # pragma: no cover - lookups data missing
        return lambda word: False
    lemma_ids = frozenset(int(x) for x in table._lemmas)

    def known(word: str) -> bool:
        sid = get_string_id(word)
        return sid in lemma_ids or table.lemma_id(sid)[1] is not None

    return functools.lru_cache(maxsize=65536)(known)


# -- features --------------------------------------------------------------------------------


def tokens(text: str) -> list[tuple[int, int]]:
    """The words of ``text`` as (start, end): two letters or more (a spelled name's letters
    are the rules' work), none inside a ``[KIND]`` mask."""
    masks = [(m.start(), m.end()) for m in _MASK.finditer(text)]
    return [
        (m.start(), m.end())
        for m in WORD.finditer(text)
        if m.end() - m.start() > 1 and not any(s <= m.start() < e for s, e in masks)
    ]


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word:
        k = "X" if ch.isupper() else "x" if ch.isalpha() else ch
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)[:5]


def _sig(word: str, lists: Lists) -> str:
    """A word's list signature: capital, first name, surname, ordinary word."""
    low = _POSSESSIVE.sub("", word.lower())
    return "".join(
        (
            "C" if word[:1].isupper() else "c",
            "F" if low in lists.first else "",
            "S" if low in lists.surnames else "",
            "D" if lists.ordinary(low) else "",
            "N" if low in lists.not_names else "",
        )
    )


def token_features(text: str, spans: Sequence[tuple[int, int]], lists: Lists) -> list[list[str]]:
    """The features of every word in ``spans`` (from :func:`tokens`), in order."""
    lower_text = not any(ch.isupper() for ch in text)
    has_digit = [
        bool(_DIGIT.search(text, max(0, s - 20), min(len(text), e + 20))) for s, e in spans
    ]
    words = [text[s:e] for s, e in spans]
    lows = [_POSSESSIVE.sub("", w.lower()) for w in words]
    sigs = [_sig(w, lists) for w in words]
    out: list[list[str]] = []
    n = len(spans)
    for i, (s, e) in enumerate(spans):
        w, low, sig = words[i], lows[i], sigs[i]
        gap_l = text[spans[i - 1][1] : s].strip() if i else "^"
        gap_r = text[e : spans[i + 1][0]].strip() if i + 1 < n else "$"
        initial = i == 0 or bool(_SENTENCE_END.search(text[:s].rstrip()))
        case = "lc" if lower_text else "tc"
        p1 = lows[i - 1] if i >= 1 else "<s>"
        p2 = lows[i - 2] if i >= 2 else "<s>"
        n1 = lows[i + 1] if i + 1 < n else "</s>"
        n2 = lows[i + 2] if i + 2 < n else "</s>"
        ps = sigs[i - 1] if i >= 1 else "<s>"
        ns = sigs[i + 1] if i + 1 < n else "</s>"
        f = [
            "w=" + low,
            "shape=" + _shape(w),
            "sig=" + sig,
            f"sig={sig}|init={initial:d}|{case}",
            f"sig={sig}|ps={ps}",
            f"sig={sig}|ns={ns}",
            f"sig={sig}|p1={p1}",
            f"sig={sig}|n1={n1}",
            "suf3=" + low[-3:],
            "suf4=" + low[-4:],
            "pre3=" + low[:3],
            "p1=" + p1,
            "p2=" + p2,
            "n1=" + n1,
            "n2=" + n2,
            f"p2p1={p2}_{p1}",
            f"n1n2={n1}_{n2}",
            "ps=" + ps,
            "ns=" + ns,
            "gapL=" + gap_l[-2:],
            "gapR=" + gap_r[:2],
            f"len={min(len(low), 8)}",
            case,
        ]
        if initial:
            f.append("init")
        if has_digit[i]:
            f.append("digit")
        if low in lists.hand_first:
            f.append("hand_first")
        if low in lists.hand_surnames:
            f.append("hand_surname")
        if low in lists.places:
            f.append("place")
        if low in lists.homographs:
            f.append("homograph")
        if "-" in w or "'" in w or "’" in w:
            f.append("joined")
        out.append(f)
    return out


# -- finding ---------------------------------------------------------------------------------


def word_probabilities(
    text: str, lang: str, model: NameModel
) -> tuple[list[tuple[int, int]], list[float]]:
    spans = tokens(text)
    if not spans:
        return [], []
    feats = token_features(text, spans, word_lists(lang))
    return spans, [model.probability(f) for f in feats]


#: A word next to a run at or above the threshold joins it at this share of the threshold
#: ("Tendai [Mutasa]"): a name's second word is often less sure than its first.
EXTEND = 0.5


def spans_from(
    text: str,
    words: Sequence[tuple[int, int]],
    probs: Sequence[float],
    threshold: float,
    blocked: Sequence[tuple[int, int]],
) -> list[tuple[int, int, float]]:
    """Runs of words at or above ``threshold`` (joined across spaces and hyphens only, and
    grown over neighbours at or above ``EXTEND * threshold``), not touching a ``blocked``
    span: (start, end, highest probability)."""
    n = len(words)
    free = [not any(s < be and bs < e for bs, be in blocked) for s, e in words]

    def joined(k: int) -> bool:  # word k and word k + 1 are next to each other
        return not text[words[k][1] : words[k + 1][0]].strip(" -")

    on = [free[k] and probs[k] >= threshold for k in range(n)]
    low = threshold * EXTEND
    for k in range(n):  # grow right, then left, over less sure neighbours
        if on[k] and k + 1 < n and not on[k + 1] and free[k + 1] and probs[k + 1] >= low:
            on[k + 1] = joined(k)
    for k in range(n - 1, 0, -1):
        if on[k] and not on[k - 1] and free[k - 1] and probs[k - 1] >= low:
            on[k - 1] = joined(k - 1)
    out: list[tuple[int, int, float]] = []
    k = 0
    while k < n:
        if not on[k]:
            k += 1
            continue
        j = k
        while j + 1 < n and on[j + 1] and joined(j):
            j += 1
        start, end = words[k][0], words[j][1]
        poss = _POSSESSIVE.search(text[words[j][0] : end])
        if poss:
            end -= len(poss.group(0))
        out.append((start, end, max(probs[i] for i in range(k, j + 1))))
        k = j + 1
    return out


def model_spans(
    text: str,
    lang: str,
    words: Sequence[tuple[int, int]],
    probs: Sequence[float],
    threshold: float,
    blocked: Sequence[tuple[int, int]],
) -> list[PersonalData]:
    """The name spans the model adds (:func:`spans_from`), less those the rules' tests say
    are a pet, a thing, an organisation or a public figure."""
    from verbalkit.privacy.recognisers import not_a_person

    out = [
        PersonalData(
            start=s,
            end=e,
            kind="name",
            rule=RULE,
            confidence=round(min(1.0, max(0.0, prob)), 4),
            text=text[s:e],
        )
        for s, e, prob in spans_from(text, words, probs, threshold, blocked)
    ]
    return [p for p in out if not not_a_person(text, p, lang)]


def add_model_names(text: str, lang: str, found: list[PersonalData]) -> list[PersonalData]:
    """``found`` (the rules' spans) with the model's names added where nothing was found;
    ``found`` unchanged when ``lang`` has no model."""
    model = load_model(lang)
    if model is None or not text:
        return found
    words, probs = word_probabilities(text, lang, model)
    if not words or max(probs) < model.threshold:
        return found
    blocked = [(p.start, p.end) for p in found]
    extra = model_spans(text, lang, words, probs, model.threshold, blocked)
    if not extra:
        return found
    return sorted(found + extra, key=lambda p: (p.start, p.end))

"""Coaching texts: what went wrong in one sentence, and a better phrasing, per language.

The scoring engine picks a call's coaching priorities; this module turns each priority's
:class:`Situation` into text in the call's language, and each strength into a line.

The texts are pack data, ``models/<lang>/coaching.yaml`` (shipped as
``verbalkit.models.<lang>``): written in each language, never machine-translated. They
are *written for the situation*:

- a restating line takes up the customer's own words, turned to the agent's side by
  :func:`reflect` ("Jag har fått fel belopp på min faktura igen" → "Om jag förstår dig
  rätt har du fått fel belopp på din faktura igen – stämmer det?");
- a sympathy line fits the feeling the customer showed (:func:`emotion_kind`), and says
  so when the trouble has happened before;
- a blunt obligation is rewritten as a polite request ("du måste skicka in kvittot" →
  "Vi skulle vilja att du skickar in kvittot – går det bra?");
- jargon names the term and its plain words, a give-away the amounts.

Every template may use slots (``{reflected}``, ``{term}``, ``{offer}`` …); a template
whose slots cannot all be filled is skipped for the next one, so no output ever holds
an unfilled slot, and no missing field ever raises.
"""

from __future__ import annotations

import itertools
import re
import string
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from verbalkit import _yaml

__all__ = [
    "EMOTION_KINDS",
    "CoachingTextError",
    "Situation",
    "coach_text",
    "emotion_kind",
    "reflect",
    "strength_text",
]

LANGUAGES = ("sv", "en")
EMOTION_KINDS = ("anger", "worry", "frustration", "disappointment")
"""The feelings :func:`emotion_kind` tells apart, in the order they win a tie."""

QUOTE_CHARS = 90
"""A quoted customer or agent line is cut at a word boundary near this length."""
CLAUSE_WORDS = 25
"""A customer clause longer than this is cut at a conjunction around the problem."""
VP_WORDS = 16
"""An obligation whose verb phrase is longer than this is not rewritten (template)."""
REWRITE_WORDS = 30
"""A jargon clause longer than this is not rewritten with the plain words."""
FEELING_EXTRA_WORDS = 3
"""A clause with the emotion words and at most this many others only states the feeling."""
MIN_PROBLEM_WORDS = 4
"""Customer words without a problem tag are a problem statement from this many words."""


@dataclass(frozen=True)
class Situation:
    """What the coaching text for one priority is about, and what was said around it."""

    lang: str
    """"sv" or "en" (anything else: English texts)."""
    key: str
    """"behaviour:<id>", "pattern:<id>" or "metric:<name>"."""
    direction: Literal["for", "against", "band"]
    """"for": missing or too rare; "against": present but should not be; "band": a metric
    outside its band."""
    agent_text: str | None = None
    """The agent utterance at the moment (whole text)."""
    agent_span: str | None = None
    """The tagged span in it (the jargon term, the demanding phrase, the blaming clause)."""
    customer_text: str | None = None
    """The customer's utterance just before the moment (whole text)."""
    problem_span: str | None = None
    """The text of the customer's ``problem`` tag, if any."""
    emotion_span: str | None = None
    """The text of the customer's ``emotion`` tag, if any."""
    value: float | None = None
    """The measured value (talk share 0.78, monologue 95 s …)."""
    details: dict[str, Any] = field(default_factory=dict)
    """Pattern event details (give_away: offer, loss, currency, ratio; long_monologue:
    seconds, words; jargon: suggestion)."""


class CoachingTextError(ValueError):
    """A coaching text file is malformed; the message names the file and the key."""


# -- public API ---------------------------------------------------------------------


def coach_text(s: Situation) -> tuple[str, str | None]:
    """(what went wrong: one sentence, suggested phrasing or None), in ``s.lang``.

    An unknown key gets a generic, grammatical sentence and no suggestion.
    """
    pack = _pack(s.lang)
    spec = pack.texts.get(s.key)
    fallback = pack.fallback(s)
    if not isinstance(spec, Mapping) or not _directed(spec.get("direction"), s.direction):
        return fallback, None
    slots, cases = _Builder(pack, s).build()
    seed = zlib.crc32(f"{s.key}|{s.customer_text}|{s.agent_text}|{s.agent_span}".encode())
    problem = _render(spec.get("problem"), cases, slots, seed)
    suggestion = _render(spec.get("suggestion"), cases, slots, seed)
    return problem or fallback, suggestion


def strength_text(lang: str, key: str, quote: str | None) -> str:
    """One line saying what went well, with its quote.

    >>> strength_text("sv", "behaviour:open_question", "Vad hände när du öppnade kassen?")
    'Öppen fråga som lät kunden berätta: "Vad hände när du öppnade kassen?"'
    """
    pack = _pack(lang)
    label = pack.strengths.get(key)
    if not label:
        label = _capitalise(_fill(pack.strength_fallback, {"label": pack.label(key)}))
    text = _unquote(_norm(quote or ""))
    return f"{label}: {pack.quoted(text)}" if text else label


def emotion_kind(text: str, lang: str) -> str:
    """'worry' | 'frustration' | 'disappointment' | 'anger' | 'general' from emotion words.

    The word lists are pack data (``emotions`` in the coaching YAML); repeated trouble
    ("tredje gången", "again") with no other feeling named is frustration.
    """
    pack = _pack(lang)
    flat = _norm(text)
    for kind in EMOTION_KINDS:
        if pack.emotions[kind].search(flat):
            return kind
    if pack.repeat.search(flat):
        return "frustration"
    return "general"


def reflect(text: str, lang: str, problem_span: str | None = None) -> str:
    """The customer's own words turned to the agent's point of view, for a restating line.

    First person becomes second ("jag"→"du", "min"→"din", "vi"→"ni"; "I"→"you",
    "I was"→"you were", "my"→"your") and the customer's "you" (the company) becomes
    "we"/"us" ("ni har dragit" → "vi har dragit"; "you charged me" → "we charged you").
    Filler openings ("Hej,", "ja,", "well,", "so") and call-reason openings ("jag ringer
    för att", "I'm calling because") and trailing punctuation are stripped. With
    ``problem_span``, only the sentence and clause that hold it are kept. The first
    letter is lower case (the result goes inside a sentence) unless it starts a name.

    >>> reflect("Hej, jag har fått fel belopp på min faktura igen.", "sv")
    'du har fått fel belopp på din faktura igen'
    >>> reflect("I was charged twice for my order!", "en")
    'you were charged twice for your order'
    """
    pack = _pack(lang)
    clause, _ = pack.focus(text, problem_span)
    return pack.swap(clause)


def _directed(declared: Any, direction: str) -> bool:
    """Whether texts written for ``declared`` (a direction or a list) fit ``direction``."""
    if declared is None:
        return True
    if isinstance(declared, list):
        return direction in declared
    return bool(declared == direction)


# -- the pack -----------------------------------------------------------------------

_NEVER = re.compile(r"(?!x)x")
_WORD = re.compile(r"[\w']+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_CLAUSE_BREAK = re.compile(r"\s*[,;]\s+|\s+[–—-]\s+|\s*[–—]\s*$")
_TRAILING = re.compile(r"[\s.,;:!?…–—\-\"'”“(]+$")
_CUT_OFF = re.compile(r"(?:[–—…]|--|\.\.\.)\s*$")
_LEADING = re.compile(r"^[\s.,;:!?…–—\-\"'”“)]+")


def _lang(lang: str) -> str:
    code = re.split(r"[-_]", (lang or "").strip().lower())[0]
    return code if code in LANGUAGES else "en"


def _pack(lang: str) -> _Pack:
    return _load(_lang(lang))


@cache
def _load(code: str) -> _Pack:
    where = f"models/{code}/coaching.yaml"
    try:
        text = resources.files(f"verbalkit.models.{code}").joinpath("coaching.yaml")
        data = _yaml.safe_load(text.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise CoachingTextError(f"{where}: cannot read: {err}") from err
    if not isinstance(data, Mapping):
        raise CoachingTextError(f"{where}: expected a mapping at the top level")
    return _Pack(code, data, where)


def _norm(text: str) -> str:
    return " ".join(text.split()).replace("’", "'").replace("‘", "'")


def _alternation(entries: Iterable[str]) -> str:
    """Regex alternatives for words and phrases; a trailing ``*`` matches any ending."""
    parts = []
    for entry in sorted(set(entries), key=len, reverse=True):
        body = entry[:-1] if entry.endswith("*") else entry
        words = [re.escape(w) for w in body.split()]
        if not words:
            continue
        parts.append(r"\s+".join(words) + (r"\w*" if entry.endswith("*") else ""))
    return "|".join(parts)


def _words_regex(entries: Iterable[str], prefixes: Iterable[str] = ()) -> re.Pattern[str]:
    """Any of ``entries`` as whole words, optionally glued to one of ``prefixes``
    (Swedish "jätteorolig", "superbesviken")."""
    alt = _alternation(entries)
    if not alt:
        return _NEVER
    pre = _alternation(prefixes)
    glued = f"(?:{pre})?" if pre else ""
    return re.compile(rf"(?<![\w']){glued}(?:{alt})(?![\w'])", re.IGNORECASE)


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isdigit():
            return text
    return text


def _lower_first(text: str) -> str:
    """Lower-case the first word unless it is an acronym or a name written in mixed case."""
    m = re.search(r"\w+", text)
    if m is None:
        return text
    word = m.group()
    if len(word) > 1 and any(c.isupper() for c in word[1:]):
        return text
    return text[: m.start()] + word[0].lower() + text[m.start() + 1 :]


def _short(text: str, limit: int = QUOTE_CHARS) -> str:
    flat = _norm(text)
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " …"


def _unquote(text: str) -> str:
    t = text.strip()
    while len(t) >= 2 and t[0] in "\"'”“" and t[-1] in "\"'”“":
        t = t[1:-1].strip()
    return t


class _Pack:
    """One language's coaching texts and word lists, compiled."""

    def __init__(self, code: str, data: Mapping[str, Any], where: str) -> None:
        self.code = code
        self.where = where
        self.data = data
        self.quote_fmt = self._str("quote", '"{}"')
        self.decimal = self._str("decimal", ".")
        self.thousands = self._str("thousands", ",")
        self.percent = self._str("percent", "{}%")
        self.times = self._map("times")
        self.currencies = self._map("currencies")
        start = r"^(?:{})"
        self.fillers = self._start_regex("fillers", start + r"(?:\s*[,.!:;]+\s*|\s+)")
        self.fillers_comma = self._start_regex("fillers_comma", start + r"\s*,\s*")
        self.openers = self._start_regex("openers", start + r"\s*,?\s*")
        self.dangling = {w.lower() for w in self._strs("dangling")}
        swap = self._sub("swap")
        self.swap_words = {k.lower(): v for k, v in self._map("words", swap).items()}
        self.swap_phrases = [
            (k.lower().split(), v) for k, v in self._map("phrases", swap).items() if k.split()
        ]
        self.swap_phrases.sort(key=lambda kv: -len(kv[0]))
        # by first word, longest first: only phrases that start with a token can match there
        self.swap_by_first: dict[str, list[tuple[list[str], str]]] = {}
        for words, text in self.swap_phrases:
            self.swap_by_first.setdefault(words[0], []).append((words, text))
        self.by_next = self._sub("by_next", swap)
        self.by_previous = self._sub("by_previous", swap)
        self.subjects = self._set("subject_pronouns")
        self.finite = self._set("finite_verbs")
        self.finite_suffixes = tuple(self._strs("finite_suffixes"))
        self.not_verbs = self._set("not_verbs")
        self.adverbs = self._set("sentence_adverbs")
        self.question_words = self._set("question_words")
        self.determiners = self._set("determiners")
        self.dependent = self._set("dependent_starts")
        self.conjunction_words = self._set("conjunctions")
        conj = _alternation(self._strs("conjunctions"))
        self.conjunctions = re.compile(rf"\s+(?:{conj})\s+", re.I) if conj else _NEVER
        self.obligation = self._sub("obligation")
        emotions = self._sub("emotions")
        glued = self._strs("intensifiers")
        self.emotions = {k: _words_regex(self._strs(k, emotions), glued) for k in EMOTION_KINDS}
        self.repeat = _words_regex(self._strs("repeat"))
        self.kind_openers = self._map("openers_by_kind")
        self.splits = self._sub("splits")
        texts = self._sub("texts")
        self.texts: Mapping[str, Any] = texts
        self.labels = self._map("labels")
        self.strengths = self._map("strengths")
        self.strength_fallback = self._str("strength_fallback", "{label}")
        self.fallbacks = self._map("fallback")
        self._obligation_res = self._obligation_regexes()

    # -- reading the YAML --

    def _err(self, key: str, what: str) -> CoachingTextError:
        return CoachingTextError(f"{self.where}: {key}: {what}")

    def _sub(self, key: str, data: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
        value = (self.data if data is None else data).get(key) or {}
        if not isinstance(value, Mapping):
            raise self._err(key, "expected a mapping")
        return value

    def _str(self, key: str, default: str) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str):
            raise self._err(key, "expected a string")
        return value

    def _strs(self, key: str, data: Mapping[str, Any] | None = None) -> list[str]:
        value = (self.data if data is None else data).get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._err(key, "expected a list of strings (quote yes/no/on/off)")
        return value

    def _set(self, key: str) -> set[str]:
        return {w.lower() for w in self._strs(key)}

    def _map(self, key: str, data: Mapping[str, Any] | None = None) -> dict[str, str]:
        value = (self.data if data is None else data).get(key) or {}
        if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise self._err(key, "expected a mapping of strings")
        return dict(value)

    def _start_regex(self, key: str, pattern: str) -> re.Pattern[str]:
        alt = _alternation(self._strs(key))
        return re.compile(pattern.format(alt), re.IGNORECASE) if alt else _NEVER

    # -- formatting --

    def quoted(self, text: str, capitalise: bool = True) -> str:
        inner = _short(_unquote(text))
        return self.quote_fmt.replace("{}", _capitalise(inner) if capitalise else inner)

    def number(self, value: float, decimals: int = 0) -> str:
        text = f"{value:,.{decimals}f}"
        return text.replace(",", "\0").replace(".", self.decimal).replace("\0", self.thousands)

    def money(self, value: float, currency: str | None) -> str:
        whole = abs(value - round(value)) < 0.005
        num = self.number(value, 0 if whole else 2)
        fmt = self.currencies.get(currency or "")
        if fmt:
            return fmt.replace("{}", num)
        return f"{num} {currency}" if currency else num

    def count(self, n: int) -> str:
        key = "one" if n == 1 else "two" if n == 2 else "many"
        return self.times.get(key, "{}").replace("{}", str(n))

    def label(self, key: str) -> str:
        name = key.split(":", 1)[-1]
        return self.labels.get(name, name.replace("_", " "))

    def fallback(self, s: Situation) -> str:
        fmt = self.fallbacks.get(s.direction) or self.fallbacks.get("against") or "{label}"
        return _capitalise(_fill(fmt, {"label": self.label(s.key)}))

    # -- the customer's words --

    def strip_openings(self, text: str) -> str:
        t = _LEADING.sub("", text)
        while True:
            before = t
            for regex in (self.fillers, self.fillers_comma, self.openers):
                m = regex.match(t)
                if m and t[m.end() :].strip():
                    t = _LEADING.sub("", t[m.end() :])
            if t == before:
                return t

    def strip_end(self, text: str) -> str:
        t = _TRAILING.sub("", text)
        while True:
            words = t.rsplit(" ", 1)
            if len(words) == 2 and words[1].lower() in self.dangling:
                t = _TRAILING.sub("", words[0])
            else:
                return t

    def tidy(self, text: str) -> str:
        return self.strip_end(self.strip_openings(text))

    def focus(
        self, text: str | None, span: str | None, avoid: str | None = None
    ) -> tuple[str, bool]:
        """The clause of ``text`` holding ``span`` (or its first substantial sentence,
        leaving out a clause that only holds ``avoid``, the emotion words), tidied, and
        whether it was a question."""
        flat = _norm(text or "")
        if not flat:
            return "", False
        sentences = [s for s in _SENTENCE_END.split(flat) if s.strip()]
        if _CUT_OFF.search(flat):
            # "…, och datorn sitter med sladd, det är –": the unfinished words go.
            sentences[-1] = self._drop_fragment(sentences[-1])
        needle = _norm(span or "").lower()
        avoid_l = _norm(avoid or "").lower()
        for sentence in sentences if needle else []:
            at = sentence.lower().find(needle)
            if at >= 0:
                clause = self._clause_at(sentence, at)
                if avoid_l and avoid_l not in needle:
                    clause = self._without(clause, avoid_l, needle)
                return self.tidy(clause), _is_question(sentence, clause)
        first: tuple[str, bool] | None = None
        for sentence in sentences:
            clause = self.tidy(self._clauses_from_start(sentence, avoid_l))
            if not clause:
                continue
            found = clause, _is_question(sentence, clause)
            if len(clause.split()) >= 3:
                return found
            first = first or found
        return first or ("", False)

    def _drop_fragment(self, sentence: str) -> str:
        """A cut-off sentence without its unfinished last part: the part after the last
        comma or conjunction, when it is short or ends on a word that needs more ("to")."""
        body = _CUT_OFF.sub("", sentence).rstrip()
        while True:  # "… mätarställning och –": the next clause never started
            head_tail = body.rsplit(" ", 1)
            if len(head_tail) == 2 and head_tail[1].lower() in self.conjunction_words:
                body = head_tail[0].rstrip(" ,;")
            else:
                break
        bounds = [m for m in _CLAUSE_BREAK.finditer(body) if m.end() < len(body)]
        bounds += [m for m in self.conjunctions.finditer(body)]
        if not bounds:
            return sentence
        last = max(bounds, key=lambda m: m.start())
        head, tail = body[: last.start()], body[last.end() :]
        words = tail.split()
        unfinished = not words or words[-1].lower() in self.dangling
        if self.tidy(head) and (unfinished or len(words) < MIN_PROBLEM_WORDS):
            return head
        return sentence

    def _feeling_only(self, piece: str, feeling: str) -> bool:
        """Whether ``piece`` says little but the feeling ("jag är så orolig", "it's
        unacceptable"), not the trouble ("jag har startat om routern flera gånger")."""
        if feeling not in piece.lower():
            return False
        return len(self.tidy(piece).split()) <= len(feeling.split()) + FEELING_EXTRA_WORDS

    def _without(self, clause: str, avoid: str, keep: str) -> str:
        """``clause`` without the conjunct that holds ``avoid`` ("… och jag är så orolig"),
        as long as ``keep`` stays."""
        if avoid not in clause.lower():
            return clause
        parts: list[tuple[str, str]] = []  # (separator before, part)
        start, sep = 0, ""
        for m in self.conjunctions.finditer(clause):
            parts.append((sep, clause[start : m.start()]))
            sep, start = m.group(), m.end()
        parts.append((sep, clause[start:]))
        kept = [(sp, p) for sp, p in parts if not self._feeling_only(p, avoid)]
        if not kept or not any(keep in p.lower() for _, p in kept):
            return clause
        return kept[0][1] + "".join(sp + p for sp, p in kept[1:])

    def _pieces(self, sentence: str) -> list[tuple[int, str]]:
        pieces, start = [], 0
        for m in _CLAUSE_BREAK.finditer(sentence):
            pieces.append((start, sentence[start : m.start()]))
            start = m.end()
        pieces.append((start, sentence[start:]))
        return [(i, p) for i, p in pieces if p.strip()]

    def _clause_at(self, sentence: str, at: int) -> str:
        pieces = self._pieces(sentence)
        idx = 0
        for i, (start, _) in enumerate(pieces):
            if start <= at:
                idx = i
        start, clause = pieces[idx]
        words = self.tidy(clause).lower().split()
        dependent = len(words) < 4 or (bool(words) and words[0] in self.dependent)
        if dependent and idx > 0 and self.tidy(pieces[idx - 1][1]):
            # "…, which is more than double": the clause needs the one before it.
            prev_start, prev = pieces[idx - 1]
            clause = f"{prev}, {clause}"
            start = prev_start
        return self._cut_long(clause, at - start)

    def _clauses_from_start(self, sentence: str, avoid: str = "") -> str:
        pieces = [p for _, p in self._pieces(sentence) if self.tidy(p)]
        kept = [p for p in pieces if not (avoid and self._feeling_only(p, avoid))]
        if avoid and len(pieces) > 1 and len(kept) < len(pieces):
            # Leave out the emotion clause ("jag är så orolig") from the problem.
            pieces = kept
        elif avoid and len(pieces) == 1 and kept == []:
            pieces = []
        out: list[str] = []
        count = 0
        for piece in pieces:
            n = len(self.tidy(piece).split())
            if out and count + n > CLAUSE_WORDS:
                break
            out.append(piece)
            count += n
        return self._cut_long(", ".join(out), 0)

    def _cut_long(self, clause: str, at: int) -> str:
        if len(clause.split()) <= CLAUSE_WORDS:
            return clause
        start = 0
        parts: list[tuple[int, str]] = []
        for m in self.conjunctions.finditer(clause):
            parts.append((start, clause[start : m.start()]))
            start = m.end()
        parts.append((start, clause[start:]))
        chosen = parts[0][1]
        for s, p in parts:
            if s <= at:
                chosen = p
        words = chosen.split()
        return " ".join(words[:CLAUSE_WORDS])

    def swap(self, clause: str) -> str:
        """First and second person swapped, all at once, left to right."""
        if not clause:
            return ""
        tokens = list(_WORD.finditer(clause))
        out: list[str] = []
        pos = 0
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            replaced = self._swap_phrase(clause, tokens, i)
            if replaced is not None:
                n, phrase = replaced
                out.append(clause[pos : tok.start()])
                out.append(phrase)
                pos = tokens[i + n - 1].end()
                i += n
                continue
            word = tok.group().lower()
            swapped = self._swap_word(clause, tokens, i, word)
            if swapped is not None:
                out.append(clause[pos : tok.start()])
                out.append(swapped)
                pos = tok.end()
            i += 1
        out.append(clause[pos:])
        return _lower_first("".join(out))

    def _swap_phrase(
        self, clause: str, tokens: list[re.Match[str]], i: int
    ) -> tuple[int, str] | None:
        for words, text in self.swap_by_first.get(tokens[i].group().lower(), ()):
            n = len(words)
            if i + n > len(tokens):
                continue
            run = tokens[i : i + n]
            if [t.group().lower() for t in run] != words:
                continue
            if any(clause[a.end() : b.start()].strip() for a, b in itertools.pairwise(run)):
                continue
            return n, text
        return None

    def _swap_word(self, clause: str, tokens: list[re.Match[str]], i: int, word: str) -> str | None:
        rule = self.by_next.get(word)
        if isinstance(rule, Mapping):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            joined = nxt is not None and not clause[tokens[i].end() : nxt.start()].strip()
            not_words = {w.lower() for w in rule.get("not_words") or []}
            if nxt is not None and joined and nxt.group().lower() not in not_words:
                return str(rule.get("word", word))
            return str(rule.get("end", word))
        rule = self.by_previous.get(word)
        if isinstance(rule, Mapping):
            after = {w.lower() for w in rule.get("after") or []}
            before = {w.lower() for w in rule.get("before") or []}
            prev = tokens[i - 1] if i > 0 else None
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            gap = clause[prev.end() : tokens[i].start()] if prev is not None else ""
            subject = (
                prev is None
                or prev.group().lower() in after
                or any(c in gap for c in ",;:–—")
                or (nxt is not None and nxt.group().lower() in before)
                or (nxt is not None and nxt.group().lower().endswith("ed"))
            )
            return str(rule.get("subject" if subject else "object", word))
        return self.swap_words.get(word)

    # -- Swedish word order --

    def is_finite(self, word: str) -> bool:
        w = word.lower()
        if w in self.not_verbs or len(w) < 2:
            return False
        if w in self.finite:
            return True
        return len(w) >= 3 and any(w.endswith(sfx) for sfx in self.finite_suffixes)

    def invert(self, reflected: str) -> str | None:
        """'du har fått …' → 'har du fått …' (V2 after a fronted clause), or None."""
        m = re.match(r"(\w+) (\w+)\b(.*)$", reflected)
        if m is None or m.group(1).lower() not in self.subjects:
            return None
        if not self.is_finite(m.group(2)):
            return None
        return f"{m.group(2)} {m.group(1)}{m.group(3)}"

    def subordinate(self, reflected: str) -> str:
        """'du har inte fått …' → 'du inte har fått …' (adverb before the verb after 'att')."""
        words = reflected.split(" ")
        if len(words) < 3 or words[0].lower() not in self.subjects:
            return reflected
        if not self.is_finite(words[1]):
            return reflected
        j = 2
        while j < len(words) and words[j].lower() in self.adverbs:
            j += 1
        if j == 2:
            return reflected
        return " ".join([words[0], *words[2:j], words[1], *words[j:]])

    # -- obligations --

    def _obligation_regexes(self) -> list[re.Pattern[str]]:
        subj = _alternation(self._strs("subjects", self.obligation))
        modal = _alternation(self._strs("modals", self.obligation))
        if not subj or not modal:
            return []
        out = [
            re.compile(
                rf"(?<![\w'])(?P<subj>{subj})\s*(?P<modal>{modal})\s+(?P<rest>.+)$",
                re.IGNORECASE,
            )
        ]
        if self.obligation.get("inverted"):
            out.append(
                re.compile(
                    rf"(?<![\w'])(?P<modal>{modal})\s+(?P<subj>{subj})\s+(?P<rest>.+)$",
                    re.IGNORECASE,
                )
            )
        return out

    def polite(self, texts: Iterable[str | None]) -> tuple[str, str] | None:
        """The obligation's verb phrase, ready for the polite template, and a follow-up."""
        for text in texts:
            flat = _norm(text or "")
            for regex in self._obligation_res:
                m = regex.search(flat)
                if m is None:
                    continue
                vp = self._verb_phrase(m.group("subj"), m.group("rest"))
                if vp is not None:
                    return vp, self._followup(vp)
        return None

    def _verb_phrase(self, subj: str, rest: str) -> str | None:
        stops = _alternation(self._strs("stops", self.obligation))
        cut = re.split(r"[.,;:!?]|\s+[–—-]\s+", rest, maxsplit=1)[0]
        if stops:
            cut = re.split(rf"\s+(?:{stops})(?![\w'])", cut, maxsplit=1, flags=re.I)[0]
        words = self.strip_end(cut).split()
        negations = {w.lower() for w in self._strs("negations", self.obligation)}
        if not words or len(words) > VP_WORDS or words[0].lower() in negations:
            return None
        present = self._map("present", self.obligation)
        if not present and not self._strs("er_verbs", self.obligation):
            # No conjugation (English): the infinitive stays.
            return _lower_first(" ".join(words))
        lead: list[str] = []
        lead_words = self.adverbs | {w.lower() for w in self._strs("lead_words", self.obligation)}
        while words and words[0].lower() in lead_words:
            lead.append(words.pop(0).lower())
        if not words or words[0].lower() in negations:
            return None
        verb = self._present(words[0].lower(), present)
        if verb is None:
            return None
        return " ".join([subj.lower(), *lead, verb, *words[1:]])

    def _present(self, verb: str, present: Mapping[str, str]) -> str | None:
        if verb in present:
            return present[verb]
        for inf, form in present.items():
            if len(inf) >= 4 and verb.endswith(inf):
                return verb[: -len(inf)] + form
        er_verbs = {w.lower() for w in self._strs("er_verbs", self.obligation)}
        if not verb.endswith("a") or len(verb) < 3:
            return None
        if verb in er_verbs or any(len(e) >= 4 and verb.endswith(e) for e in er_verbs):
            stem = verb[:-1]
            return stem if stem.endswith("r") else stem + "er"
        return verb + "r"

    def _followup(self, vp: str) -> str:
        words = {w.lower() for w in _WORD.findall(vp)}
        for item in self.obligation.get("followups") or []:
            if isinstance(item, Mapping) and words & {str(w).lower() for w in item["words"]}:
                return str(item.get("say", ""))
        return str(self.obligation.get("followup_default") or "")


def _is_question(sentence: str, clause: str) -> bool:
    return sentence.rstrip().endswith("?") and clause.strip() != ""


# -- filling the templates ----------------------------------------------------------

_FORMATTER = string.Formatter()


def _fields(template: str) -> list[str]:
    try:
        return [name for _, name, _, _ in _FORMATTER.parse(template) if name is not None]
    except ValueError:
        return ["\0"]  # a broken template is never fillable


def _fill(template: str, slots: Mapping[str, str | None]) -> str:
    out = []
    for literal, name, _, _ in _FORMATTER.parse(template):
        out.append(literal)
        if name is not None:
            out.append(slots.get(name) or "")
    return "".join(out)


def _fillable(template: str, slots: Mapping[str, str | None]) -> bool:
    return all(slots.get(name) is not None for name in _fields(template))


def _finish(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.?!])", r"\1", text)
    return _capitalise(text)


def _render(entry: Any, cases: list[str], slots: Mapping[str, str | None], seed: int) -> str | None:
    """The first fillable template of the first case that has one ("default" last)."""
    if entry is None:
        return None
    if isinstance(entry, Mapping):
        groups = [entry[c] for c in [*cases, "default"] if c in entry]
    else:
        groups = [entry]
    for group in groups:
        items = group if isinstance(group, list) else [group]
        for item in items:
            variants = [item] if isinstance(item, str) else item
            if not isinstance(variants, list):
                continue
            fits = [v for v in variants if isinstance(v, str) and _fillable(v, slots)]
            if fits:
                return _finish(_fill(fits[seed % len(fits)], slots))
    return None


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


class _Builder:
    """The slots a situation fills, and which text cases apply to it."""

    def __init__(self, pack: _Pack, s: Situation) -> None:
        self.pack = pack
        self.s = s
        self.slots: dict[str, str | None] = {}

    def build(self) -> tuple[dict[str, str | None], list[str]]:
        pack, s = self.pack, self.s
        kind_name = s.key.split(":", 1)[-1]
        cases: list[str] = []

        # The customer's words.
        clause, question = pack.focus(s.customer_text, s.problem_span, s.emotion_span)
        reflected = pack.swap(clause) or None
        self.put("reflected", reflected)
        # A short answer ("It's a Mac") is not a problem statement to restate.
        stated = bool(s.problem_span) or len(clause.split()) >= MIN_PROBLEM_WORDS
        if reflected and not question and stated:
            self.put("problem", pack.subordinate(reflected))
            self.put("restated", pack.invert(reflected))
        self.put("customer_q", pack.quoted(clause) if clause and stated else None)
        if s.emotion_span:
            emo_clause, _ = pack.focus(s.customer_text, s.emotion_span)
            if s.emotion_span.lower() not in emo_clause.lower():
                emo_clause = s.emotion_span
            self.put("emotion_q", pack.quoted(emo_clause))

        # The feeling behind them.
        feeling = emotion_kind(s.emotion_span, s.lang) if s.emotion_span else "general"
        if feeling == "general" and s.customer_text:
            feeling = emotion_kind(s.customer_text, s.lang)
        emotional = bool(s.emotion_span) or feeling != "general"
        repeated = any(pack.repeat.search(_norm(t)) for t in (s.emotion_span, s.customer_text) if t)
        feeling_case = "frustration_repeat" if feeling == "frustration" and repeated else feeling
        opener_key = feeling_case if emotional else "none"
        self.put("opener", pack.kind_openers.get(opener_key) or pack.kind_openers.get("none"))

        # The agent's words.
        agent = s.agent_span or s.agent_text
        self.put("agent_q", pack.quoted(agent) if agent and agent.strip() else None)

        if kind_name == "sympathy":
            if emotional:
                cases.append(feeling_case)
                if feeling_case == "frustration_repeat":
                    cases.append("frustration")
            cases.append("problem_only")
        elif kind_name == "open_question" and emotional:
            cases.append("emotion")
        elif kind_name == "restating":
            cases += ["question"] if question else ["inverted", "plain"]
        elif kind_name in {"apology", "thanking"} and repeated:
            cases.append("repeat")
        elif kind_name == "jargon":
            self.jargon()
            cases += ["rewrite", "plain", "term"]
        elif kind_name == "demanding":
            polite = pack.polite([s.agent_span, s.agent_text])
            if polite is not None:
                self.put("vp", polite[0])
                self.slots["followup"] = polite[1]
            cases.append("rewrite")
        elif kind_name == "closed_question":
            self.put("rule", self.closed_rule())
            cases.append("rule")
        elif kind_name == "give_away":
            self.money()
        self.measures(kind_name)
        if kind_name in pack.splits:
            split = _num(pack.splits.get(kind_name))
            low = s.value is not None and split is not None and s.value < split
            cases.append("low" if low else "high")
        return self.slots, cases

    def put(self, name: str, value: str | None) -> None:
        if value is not None:
            value = value.replace("{", "(").replace("}", ")").strip()
        self.slots[name] = value or None

    def jargon(self) -> None:
        pack, s = self.pack, self.s
        term = _norm(s.agent_span or "").strip()
        plain = s.details.get("suggestion")
        plain = _norm(plain) if isinstance(plain, str) and plain.strip() else None
        self.put("term", term or None)
        self.put("term_q", pack.quoted(term, capitalise=False) if term else None)
        self.put("plain", plain)
        self.put("plain_q", pack.quoted(plain, capitalise=False) if plain else None)
        self.put("plain_cap", _capitalise(plain) if plain else None)
        if term and plain and s.agent_text:
            self.put("rewritten", self.rewrite(_norm(s.agent_text), term, plain))

    def rewrite(self, text: str, term: str, plain: str) -> str | None:
        """The agent's clause with the term replaced by the plain words."""
        at = text.find(term)
        if at < 0:
            at = text.lower().find(term.lower())
        if at < 0:
            return None
        sentences, start = [], 0
        for m in _SENTENCE_END.finditer(text):
            sentences.append((start, text[start : m.start()]))
            start = m.end()
        sentences.append((start, text[start:]))
        s_start, sentence = next((p for p in reversed(sentences) if p[0] <= at), sentences[0])
        local = at - s_start
        pieces = self.pack._pieces(sentence)
        c_start, clause = next((p for p in reversed(pieces) if p[0] <= local), pieces[0])
        local -= c_start
        before, after = clause[:local], clause[local + len(term) :]
        # "your Kerberos ticket" with "your work login" → "your work login ticket".
        determiners = self.pack.determiners
        first = plain.split(" ", 1)[0].lower()
        det = re.search(r"(\w+)\s+$", before)
        if det and first in determiners and det.group(1).lower() in determiners:
            before = before[: det.start()]
        out = self.pack.tidy(f"{before}{plain}{after}")
        if not out or len(out.split()) > REWRITE_WORDS:
            return None
        return _capitalise(out) + "."

    def closed_rule(self) -> str | None:
        spec = self.pack.texts.get(self.s.key)
        rules = spec.get("rules") if isinstance(spec, Mapping) else None
        text = " ".join(t for t in (self.s.agent_span, self.s.agent_text) if t)
        for rule in rules or []:
            if not isinstance(rule, Mapping):
                continue
            try:
                hit = re.search(str(rule.get("match", "")), text, re.IGNORECASE)
            except re.error:
                continue
            if hit and rule.get("say"):
                return str(rule["say"])
        return None

    def money(self) -> None:
        pack, d = self.pack, self.s.details
        offer, loss = _num(d.get("offer")), _num(d.get("loss"))
        currency = d.get("currency") if isinstance(d.get("currency"), str) else None
        self.put("offer", pack.money(offer, currency) if offer is not None else None)
        self.put("loss", pack.money(loss, currency) if loss is not None and loss > 0 else None)
        ratio = _num(d.get("ratio"))
        if ratio is None and offer is not None and loss:
            ratio = offer / loss
        if ratio is not None and ratio > 1.0 and offer is not None and loss:
            self.put("ratio", pack.number(ratio, 1))

    def measures(self, name: str) -> None:
        pack, s, d = self.pack, self.s, self.s.details
        value = s.value
        seconds = _num(d.get("seconds"))
        words = _num(d.get("words"))
        if name == "longest_monologue_s" and value is not None:
            seconds = value
        if name == "longest_monologue_words" and value is not None:
            words = value
        self.put("seconds", pack.number(seconds) if seconds is not None and seconds > 0 else None)
        self.put("words", pack.number(words) if words is not None and words > 0 else None)
        if value is None:
            return
        if name == "agent_talk_share":
            share = value * 100 if value <= 1.0 else value
            self.put("share", pack.percent.replace("{}", pack.number(share)))
        elif name == "agent_wpm":
            self.put("wpm", pack.number(value))
        elif name == "response_gap_mean_s":
            self.put("gap", pack.number(value, 1))
        elif name == "n_interruptions" and value >= 1:
            self.put("count", pack.count(round(value)))

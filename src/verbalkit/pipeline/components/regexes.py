"""Regexes with a cheap test in front: the literal text any match must contain.

The language hooks try dozens of large regexes on every sentence, and most of them cannot
match it: "we'll refund…" needs "refund" or one of the other remedy verbs in the text.
:func:`required_literals` reads a pattern's parse tree and finds a set of strings such
that every match contains one of them; :class:`Finder` runs the regex only when the text
contains one. The set is a necessary condition, never a sufficient one, so a search
returns exactly what ``regex.search`` returns.

The test is done on the text's character trigrams (:func:`trigrams`, built once per text
and shared by all its searches): a literal of three or more characters is looked up by
one trigram of it, a shorter one by a substring test. Patterns the reader does not
understand (case-insensitive ones, back-references) have no test and always run.
"""

from __future__ import annotations

import importlib
import itertools
import re
from collections.abc import Iterable
from typing import Any

_c: Any
_p: Any
try:  # the parser of the re module (private, stable since Python 3.11)
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: every regex simply runs
    _c = _p = None

#: Finite sets of strings a part of a pattern can match, up to this many.
MAX_EXACT = 64
#: Characters that are common in text; a trigram made of rarer ones says more.
_COMMON = frozenset(" etaoinsrhldäå'")

Literals = frozenset[str]


def _join(a: Literals, b: Literals) -> Literals | None:
    if len(a) * len(b) > MAX_EXACT:
        return None
    return frozenset(x + y for x, y in itertools.product(a, b))


def _exact(items: list[tuple[Any, Any]]) -> Literals | None:
    """All strings a sequence of parse items matches, if few; None otherwise."""
    out: Literals = frozenset([""])
    for item in items:
        one = _exact_item(item)
        if one is None:
            return None
        joined = _join(out, one)
        if joined is None:
            return None
        out = joined
    return out


def _exact_item(item: tuple[Any, Any]) -> Literals | None:
    op, av = item
    if op is _c.LITERAL:
        return frozenset([chr(av)])
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset([""])  # zero-width: consumes nothing
    if op is _c.IN:
        chars = []
        for sub_op, sub_av in av:
            if sub_op is not _c.LITERAL:
                return None
            chars.append(chr(sub_av))
        return frozenset(chars)
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _exact(list(branch))
            if found is None:
                return None
            out |= found
            if len(out) > MAX_EXACT:
                return None
        return frozenset(out)
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            return None
        return _exact(list(sub))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        if hi > 3:
            return None
        inner = _exact(list(sub))
        if inner is None:
            return None
        out2: set[str] = set()
        for n in range(lo, hi + 1):
            joined: Literals | None = frozenset([""])
            for _ in range(n):
                joined = _join(joined, inner) if joined is not None else None
            if joined is None:
                return None
            out2 |= joined
        return frozenset(out2) if len(out2) <= MAX_EXACT else None
    return None


def _score(lits: Literals) -> tuple[int, int, int]:
    """Higher is a better test: no empty or one-character literal, long ones, few."""
    shortest = min((len(x) for x in lits), default=0)
    n_short = sum(1 for x in lits if len(x) < 3)
    return (min(shortest, 4), -n_short, -len(lits))


def _best(candidates: Iterable[Literals | None]) -> Literals | None:
    best: Literals | None = None
    for lits in candidates:
        if lits is None or not lits or "" in lits:
            continue
        if best is None or _score(lits) > _score(best):
            best = lits
    return best


def _required_seq(items: list[tuple[Any, Any]]) -> Literals | None:
    """A set of strings one of which every match of the sequence contains, or None."""
    candidates: list[Literals | None] = []
    run: Literals | None = frozenset([""])
    for item in items:
        one = _exact_item(item)
        joined = _join(run, one) if run is not None and one is not None else None
        if joined is not None:
            run = joined
            continue
        candidates.append(run)  # the run of exact items so far is one test
        candidates.append(_required_item(item))
        run = one if one is not None else frozenset([""])
    candidates.append(run)
    return _best(candidates)


def _required_item(item: tuple[Any, Any]) -> Literals | None:
    op, av = item
    exact = _exact_item(item)
    if exact is not None:
        return exact
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _required_seq(list(branch))
            if found is None:
                return None
            out |= found
        return frozenset(out)
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            return None
        return _required_seq(list(sub))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, _hi, sub = av
        return _required_seq(list(sub)) if lo >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _required_seq(list(av))
    return None


def required_literals(pattern: str) -> Literals | None:
    """Strings one of which every match of ``pattern`` contains; None when unknown.

    >>> sorted(required_literals(r"\\b(?:i|we) (?:'ll|will) (?:refund|credit)\\b"))[:2]
    ["i 'll credit", "i 'll refund"]
    """
    if _p is None:
        return None  # pragma: no cover
    try:
        tree = _p.parse(pattern)
    except re.error:
        return None
    if tree.state.flags & (re.IGNORECASE | re.LOCALE | re.VERBOSE):
        return None
    if any(_uses_backrefs(item) for item in tree.data):
        return None
    return _required_seq(list(tree.data))


def _uses_backrefs(item: tuple[Any, Any]) -> bool:
    op, av = item
    if op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
        return True
    if op is _c.BRANCH:
        return any(_uses_backrefs(x) for branch in av[1] for x in branch)
    if op is _c.SUBPATTERN:
        return any(_uses_backrefs(x) for x in av[3])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        return any(_uses_backrefs(x) for x in av[2])
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return any(_uses_backrefs(x) for x in av[1])
    return False


def _key_trigram(literal: str) -> str:
    """The trigram of a literal (three or more characters) with the rarest characters."""
    grams = [literal[i : i + 3] for i in range(len(literal) - 2)]
    return min(grams, key=lambda g: sum(ch in _COMMON for ch in g))


def trigrams(text: str) -> frozenset[str]:
    """Every three-character substring of ``text``."""
    return frozenset([text[i : i + 3] for i in range(len(text) - 2)])


class Finder:
    """A compiled regex and the literal test that runs before it."""

    __slots__ = ("keys", "pattern", "regex", "short")

    def __init__(self, pattern: str, flags: int = 0, *, test: str | None = None) -> None:
        """``pattern`` compiled with ``flags``; the test is read from ``test`` (the part of
        the pattern that consumes text, when ``pattern`` only wraps it in assertions)."""
        self.pattern = pattern
        self.regex = re.compile(pattern, flags)
        lits = None if flags else required_literals(pattern if test is None else test)
        self.keys: frozenset[str] | None = None
        self.short: tuple[str, ...] = ()
        if lits is not None:
            self.keys = frozenset(_key_trigram(x) for x in lits if len(x) >= 3)
            self.short = tuple(sorted(x for x in lits if len(x) < 3))

    def may_match(self, text: str, grams: frozenset[str]) -> bool:
        """False when no match can exist in ``text`` (whose trigrams are ``grams``)."""
        keys = self.keys
        if keys is None:
            return True
        if not grams.isdisjoint(keys):
            return True
        return any(s in text for s in self.short)

    def search(self, text: str, grams: frozenset[str] | None = None) -> re.Match[str] | None:
        """``regex.search(text)``; ``grams`` (the text's :func:`trigrams`) saves work."""
        if self.keys is not None:
            if grams is None:
                grams = trigrams(text)
            if not self.may_match(text, grams):
                return None
        return self.regex.search(text)

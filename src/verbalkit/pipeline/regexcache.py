"""Compiled rule regexes kept between runs, so a new process does not parse them again.

The language hooks build their regexes from the packs' word lists: a few hundred patterns,
some of tens of thousands of characters (every remedy verb form, as a trie, inside a
sentence pattern). Python parses and compiles such a pattern in pure Python — about 0.4 s
of CPU for the English hook alone — on every start of every process, and again in every
``--jobs`` worker. :func:`compile` keeps what the compiler produced (the pattern's
instruction list, its groups) in verbalkit's cache folder, keyed by the exact pattern text,
its flags and the regex engine's version, and rebuilds the pattern from it: the same
``re.Pattern`` as ``re.compile`` gives, without the parse.

The rebuild uses the regex engine's own constructor (``_sre.compile``, what
``re._compiler.compile`` calls last). When anything about it does not fit (another Python,
a damaged or foreign cache file), :func:`compile` is plain ``re.compile``. Nothing here
changes what a pattern matches.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["cache_file", "compile", "needles", "save"]

try:  # the engine's internals: present on CPython 3.11+, checked before use
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE: str | None = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - another implementation
    _ENGINE = None

#: Entry: (flags after parsing, code, groups - 1, groupindex, indexgroup).
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_loaded: dict[tuple[str, int], _Entry] | None = None
_added: dict[tuple[str, int], _Entry] = {}
_used: set[tuple[str, int]] = set()
#: :func:`needles` of each pattern, kept in the same file (finding them parses the pattern).
_needles_loaded: dict[tuple[str, int], tuple[str, ...]] = {}
_needles_added: dict[tuple[str, int], tuple[str, ...]] = {}
#: A cache holding more patterns than this keeps only those this process used: rule packs
#: that changed leave their old patterns behind otherwise.
MAX_ENTRIES = 4000


def cache_file() -> Path:
    """Where the compiled patterns of this Python are kept."""
    from verbalkit.pipeline.lemmas import cache_dir

    return cache_dir() / f"regex-{_ENGINE}.marshal"


def _load() -> dict[tuple[str, int], _Entry]:
    global _loaded
    if _loaded is None:
        _loaded = {}
        if _ENGINE is not None and not os.environ.get("VERBALKIT_NO_REGEX_CACHE"):
            with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
                data = marshal.loads(cache_file().read_bytes())
                if isinstance(data, dict) and data.get("engine") == _ENGINE:
                    entries = data.get("entries")
                    if isinstance(entries, dict):
                        _loaded = entries
                    found = data.get("needles")
                    if isinstance(found, dict):
                        _needles_loaded.update(found)
    return _loaded


def _build(pattern: str, entry: _Entry) -> re.Pattern[str] | None:
    flags, code, groups, groupindex, indexgroup = entry
    try:
        compiled: re.Pattern[str] = _sre.compile(
            pattern, flags, code, groups, groupindex, indexgroup
        )
    except Exception:  # a stale or foreign entry: compile afresh
        return None
    if compiled.pattern != pattern or compiled.groups != groups:
        return None
    return compiled


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when this pattern was compiled before."""
    flags = int(flags)
    if _ENGINE is None:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _load().get(key) or _added.get(key)
    if entry is not None:
        built = _build(pattern, entry)
        if built is not None:
            _used.add(key)
            return built
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry = (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
                 groupindex, tuple(indexgroup))  # fmt: skip
        built = _build(pattern, entry)
    except re.error:
        raise
    except Exception:  # pragma: no cover - internals not as expected: the public way
        return re.compile(pattern, flags)
    if built is None:  # pragma: no cover
        return re.compile(pattern, flags)
    _added[key] = entry
    return built


def save() -> None:
    """Write the patterns compiled in this process to the cache (atomically, merged with
    what other processes wrote meanwhile). Failing to write only costs the next start."""
    if not (_added or _needles_added) or _ENGINE is None:
        return
    if os.environ.get("VERBALKIT_NO_REGEX_CACHE"):
        return
    path = cache_file()
    entries: dict[tuple[str, int], Any] = {}
    found: dict[tuple[str, int], Any] = {}
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        data = marshal.loads(path.read_bytes())
        if isinstance(data, dict) and data.get("engine") == _ENGINE:
            entries.update(data.get("entries") or {})
            found.update(data.get("needles") or {})
    entries.update(_load())
    entries.update(_added)
    found.update(_needles_loaded)
    found.update(_needles_added)
    if len(entries) > MAX_ENTRIES:
        entries = {k: v for k, v in entries.items() if k in _used or k in _added}
    if len(found) > MAX_ENTRIES:
        found = {k: v for k, v in found.items() if k in _needles_added or k in entries}
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(marshal.dumps({"engine": _ENGINE, "entries": entries, "needles": found}))
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _load().update(_added)
        _added.clear()
        _needles_loaded.update(_needles_added)
        _needles_added.clear()


atexit.register(save)


#: A pattern longer than this is not parsed for :func:`needles` (the big word-list tries:
#: parsing them is what the cache above saves at start-up).
NEEDLE_MAX_PATTERN = 3000
#: Needle sets are used only this small and their shortest needle only this long: more or
#: shorter needles cost about what the search they would save costs.
NEEDLE_MAX_COUNT = 16
NEEDLE_MIN_LENGTH = 2


def needles(pattern: str, flags: int = 0) -> tuple[str, ...]:
    r"""Strings one of which every match of ``pattern`` contains, or ``()`` when there are
    none worth testing.

    A text that holds none of them cannot match, so ``any(n in text for n in needles)``
    (substring tests in C) can stand before the search: most rule regexes look for a word
    the sentence does not have. The needles come from the parsed pattern: runs of literal
    characters, alternatives that each hold one, groups and repeats that must occur at
    least once. Lookarounds, classes and case-insensitive parts give none.

    >>> needles(r"\b(?:jag|vi) kan (?:\w+ )?hjälpa")
    ('hjälpa',)
    >>> needles(r"\b(?:sorry|apologi[sz]e)\b")
    ('apologi', 'sorry')
    """
    if _ENGINE is None or len(pattern) > NEEDLE_MAX_PATTERN:
        return ()
    key = (pattern, int(flags))
    _load()
    known = _needles_loaded.get(key)
    if known is None:
        known = _needles_added.get(key)
    if known is None:
        known = _needles_added[key] = _find_needles(pattern, int(flags))
    return known


def _find_needles(pattern: str, flags: int) -> tuple[str, ...]:
    try:
        parsed = _parser.parse(pattern, flags)
    except (re.error, RecursionError):
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()
    try:
        found = _required(list(parsed))
    except RecursionError:  # pragma: no cover - absurdly nested
        return ()
    if not found or len(found) > NEEDLE_MAX_COUNT or min(len(n) for n in found) < NEEDLE_MIN_LENGTH:
        return ()
    return tuple(sorted(found))


def _required(seq: list[Any]) -> frozenset[str] | None:
    """One of these strings is in every match of the parsed sequence ``seq`` (None: no
    such set is known). The most selective candidate: the longest shortest needle."""
    from re import _constants as c  # type: ignore[attr-defined]

    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in seq:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        close()
        sub: frozenset[str] | None = None
        if op is c.BRANCH:
            alternatives = [_required(list(b)) for b in av[1]]
            if alternatives and all(alternatives):
                sub = frozenset().union(*alternatives)  # type: ignore[arg-type]
        elif op is c.SUBPATTERN:
            _, add_flags, _, inner = av
            if not add_flags & re.IGNORECASE:
                sub = _required(list(inner))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _, inner = av
            if low >= 1:
                sub = _required(list(inner))
        elif op is c.ATOMIC_GROUP:
            sub = _required(list(av))
        if sub:
            candidates.append(sub)
    close()
    if not candidates:
        return None
    return max(candidates, key=lambda n: (min(len(x) for x in n), -len(n)))

"""The compiled-regex cache gives the same patterns as ``re.compile``, across processes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from verbalkit.pipeline import regexcache

PATTERNS = [
    (r"(?P<verb>\bsen(?:ding|d|t))\b(?! you)", 0),
    (r"(?<![\w'])(?:tack|tusen tack)(?:(?<= )|(?![\w]))", 0),
    (r"^[A-ZÅÄÖ]{2,5}-?\d{5,12}$", 0),
    (r"(?<![\w-])[^\W\d_]{4,}?(?:avvikelse|ärende)(?:n|t|na)?(?![\w-])", re.IGNORECASE),
    (r"(a)|(b)(?P<c>c)?", re.IGNORECASE | re.MULTILINE),
]
TEXTS = ["we sent it", "I'm sending you", "tusen tack!", "INC0048821", "LEVERANSAVVIKELSEN", "abc"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("VERBALKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("VERBALKIT_NO_REGEX_CACHE", raising=False)
    monkeypatch.setattr(regexcache, "_loaded", None)
    monkeypatch.setattr(regexcache, "_added", {})
    monkeypatch.setattr(regexcache, "_needles_loaded", {})
    monkeypatch.setattr(regexcache, "_needles_added", {})
    return tmp_path


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )
    for text in TEXTS:
        ma, mb = a.search(text), b.search(text)
        assert (ma and (ma.span(), ma.groups())) == (mb and (mb.span(), mb.groups()))


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_same_as_re_compile_fresh_and_from_the_cache(cache: Path, pattern: str, flags: int) -> None:
    _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))
    regexcache.save()
    assert regexcache.cache_file().is_file()
    regexcache._loaded = None  # as a new process would
    assert (pattern, flags) in regexcache._load()
    _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))


def test_a_new_process_reads_what_another_wrote(cache: Path) -> None:
    script = (
        "from verbalkit.pipeline import regexcache as r; import re;"
        "p = r.compile(r'(?P<w>\\bhej\\b)|x+'); r.save();"
        "print(sorted(k[0] for k in r._load()))"
    )
    env = {"VERBALKIT_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    check = (
        "from verbalkit.pipeline import regexcache as r; import re;"
        "assert (r'(?P<w>\\bhej\\b)|x+', 0) in r._load();"
        "p = r.compile(r'(?P<w>\\bhej\\b)|x+'); assert not r._added;"
        "print(p.search('ja hej').span())"
    )
    second = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == "(3, 6)"


@pytest.mark.parametrize("content", [b"", b"not marshal at all", b"\x00\x01garbage"])
def test_a_damaged_cache_is_ignored(cache: Path, content: bytes) -> None:
    regexcache.cache_file().parent.mkdir(parents=True, exist_ok=True)
    regexcache.cache_file().write_bytes(content)
    _same(regexcache.compile(r"\bok\b"), re.compile(r"\bok\b"))
    regexcache.save()  # replaces the damaged file
    regexcache._loaded = None
    assert (r"\bok\b", 0) in regexcache._load()


def test_entries_of_another_engine_are_not_used(cache: Path) -> None:
    import marshal

    regexcache.cache_file().parent.mkdir(parents=True, exist_ok=True)
    bogus = {(r"\bok\b", 0): (0, [0], 0, {}, ())}
    regexcache.cache_file().write_bytes(marshal.dumps({"engine": "other", "entries": bogus}))
    assert regexcache._load() == {}
    _same(regexcache.compile(r"\bok\b"), re.compile(r"\bok\b"))


def test_bad_patterns_raise_as_re_does(cache: Path) -> None:
    with pytest.raises(re.error):
        regexcache.compile(r"(unclosed")


def test_a_cache_that_outgrows_its_limit_keeps_what_this_process_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regexcache, "MAX_ENTRIES", 3)
    monkeypatch.setattr(regexcache, "_used", set())
    for i in range(5):
        regexcache.compile(rf"\bold{i}\b")
    regexcache.save()
    regexcache._loaded = None
    assert len(regexcache._load()) == 5  # nothing dropped: all were compiled here
    regexcache._loaded = None
    regexcache._used.clear()
    regexcache.compile(r"\bold0\b")  # from the cache: used
    regexcache.compile(r"\bnew\b")  # added
    regexcache.save()
    regexcache._loaded = None
    assert set(regexcache._load()) == {(r"\bold0\b", 0), (r"\bnew\b", 0)}


def test_needles_are_kept_for_the_next_process(cache: Path) -> None:
    # Finding a pattern's needles parses it: a new process reads them from the cache file.
    script = (
        "from verbalkit.pipeline import regexcache as r;"
        "print(r.needles(r'\\b(?:jag|vi) kan (?:\\w+ )?hjälpa')); r.save()"
    )
    env = {"VERBALKIT_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "('hjälpa',)"
    check = (
        "from verbalkit.pipeline import regexcache as r;"
        "r._find_needles = None;"  # would fail if called: the needles must come from the file
        "print(r.needles(r'\\b(?:jag|vi) kan (?:\\w+ )?hjälpa'))"
    )
    second = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == "('hjälpa',)"

"""The compact lemma table behind start-up (issue 11): built once, cached, checked, identical.

spaCy's lookup lemmatizer re-inserted the whole Swedish table (about 660,000 entries) on
every start; ``verbalkit.pipeline.lemmas`` builds it once into the user's cache. These tests
pin the cache's contract (built once and reused, rebuilt when its source changes or the file
is damaged, in memory when the folder cannot be written) and that its lemmas are spaCy's.
No timing assertions: ``benchmarks/startup.py`` measures the time.
"""

from __future__ import annotations

import functools
import gzip
import json
import multiprocessing
import os
import random
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.util import load_language_data

from verbalkit.pipeline import lemmas
from verbalkit.pipeline.build import get_nlp
from verbalkit.pipeline.lemmas import (
    CacheFileError,
    LemmaTable,
    LookupLemmatizer,
    Source,
    load_table,
)

#: Texts that are no key of either table, symbol ids, empty text and odd characters.
ODD_TEXTS = ["", " ", "xyzzyq", "XYZZYQ", "?", "123", "det", "NOUN", "number", "ÅÄÖ", "\u200b"]


def spacy_lookup_nlp(lang: str) -> Language:
    """spaCy's own lookup lemmatizer, as verbalkit's pipeline used it before issue 11."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@pytest.fixture(scope="module")
def reference() -> dict[str, Language]:
    return {lang: spacy_lookup_nlp(lang) for lang in ("sv", "en")}


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, LemmaTable]:
    folder = tmp_path_factory.mktemp("cache")
    return {lang: load_table(lang, folder) for lang in ("sv", "en")}


@functools.cache
def source_texts(lang: str) -> list[str]:
    return list(load_language_data(Source.find(lang).path))


def sample_words(lang: str, k: int = 300) -> list[str]:
    """``k`` texts of ``lang``'s table, each also lower-, upper- and title-cased."""
    words = random.Random(11).sample(source_texts(lang), k)
    return words + [f(w) for w in words for f in (str.lower, str.upper, str.title)]


def make_source(folder: Path, entries: dict[str, str], lang: str = "sv") -> Source:
    """A small lookup table written as spacy-lookups-data writes them (gzipped JSON)."""
    path = folder / f"{lang}_lemma_lookup.json"
    with gzip.open(path.with_suffix(".json.gz"), "wt", encoding="utf-8") as f:
        json.dump(entries, f, ensure_ascii=False)
    return Source.at(lang, path)


# -- identical lemmas -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_lemmas_equal_spacys_lookup_lemmatizer(
    lang: str, reference: dict[str, Language], tables: dict[str, LemmaTable]
) -> None:
    spacy_table = reference[lang].get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    table = tables[lang]
    assert len(table) == len(spacy_table)
    words = sample_words(lang) + ODD_TEXTS
    assert [table.lemma(w) for w in words] == [spacy_table.get(w, w) for w in words]
    known = [w for w in words if w in spacy_table]
    assert len(known) >= 300  # the sample really exercises the table, not only misses
    assert [table.get(w) for w in known] == [spacy_table[w] for w in known]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pipeline_lemmas_equal_spacys(lang: str, reference: dict[str, Language]) -> None:
    """Token by token through the pipeline's component, on text made of table entries."""
    text = " ".join(sample_words(lang) + ODD_TEXTS + ["Hej!", "I'm", "don't", "(så)", "e-post"])
    expected = reference[lang](text)
    lemmatizer = get_nlp(lang).get_pipe("lemmatizer")
    assert isinstance(lemmatizer, LookupLemmatizer)
    doc = lemmatizer(get_nlp(lang).make_doc(text))
    assert len(doc) == len(expected) > 1000
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in expected]
    assert [t.lemma for t in doc] == [t.lemma for t in expected]


def test_lemmatizer_replaces_spacys_in_place() -> None:
    nlp = get_nlp("sv")
    assert nlp.pipe_names[0] == "lemmatizer"
    doc = nlp("Jag förstår att det är jobbigt.")
    assert [t.lemma_ for t in doc][:3] == ["Jag", "förstå", "att"]
    assert [t.lemma_ for t in nlp.make_doc("")] == []


def test_a_set_lemma_is_kept_unless_overwrite(tables: dict[str, LemmaTable]) -> None:
    nlp = spacy.blank("sv")
    doc = nlp.make_doc("kvittot kvittot")
    doc[0].lemma_ = "given"
    LookupLemmatizer(nlp.vocab, table=tables.__getitem__)(doc)
    assert [t.lemma_ for t in doc] == ["given", "kvitto"]
    LookupLemmatizer(nlp.vocab, overwrite=True, table=tables.__getitem__)(doc)
    assert [t.lemma_ for t in doc] == ["kvitto", "kvitto"]


def test_lemmas_survive_a_memory_zone(tables: dict[str, LemmaTable]) -> None:
    """Strings added inside ``nlp.memory_zone()`` are dropped after it: added again."""
    nlp = spacy.blank("sv")
    if not hasattr(nlp, "memory_zone"):
        pytest.skip("spaCy without memory zones")
    lemmatizer = LookupLemmatizer(nlp.vocab, table=tables.__getitem__)
    with nlp.memory_zone():
        assert [t.lemma_ for t in lemmatizer(nlp.make_doc("fakturorna"))] == ["faktura"]
    assert [t.lemma_ for t in lemmatizer(nlp.make_doc("fakturorna"))] == ["faktura"]


# -- the cache ------------------------------------------------------------------------------


def test_cache_is_built_once_then_reused(tmp_path: Path) -> None:
    source = Source.find("en")
    path = source.cache_file(tmp_path)
    before = lemmas.builds["en"]
    first = load_table("en", tmp_path)
    assert lemmas.builds["en"] == before + 1
    stat = path.stat()
    second = load_table("en", tmp_path)
    assert lemmas.builds["en"] == before + 1  # read, not rebuilt
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == (stat.st_mtime_ns, stat.st_ino)
    assert len(first) == len(second) > 40_000
    assert second.lemma("children") == first.lemma("children") == "child"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERBALKIT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert lemmas.cache_dir() == tmp_path / "xdg" / "verbalkit"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as the XDG spec says
    assert lemmas.cache_dir() == Path.home() / ".cache" / "verbalkit"
    monkeypatch.setenv("VERBALKIT_CACHE_DIR", str(tmp_path / "vk"))
    assert lemmas.cache_dir() == tmp_path / "vk"


def test_a_changed_source_rebuilds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    source = make_source(data, {"kvittot": "kvitto", "Har": "ha"})
    before = lemmas.builds["sv"]
    assert load_table("sv", tmp_path, source=source).lemma("kvittot") == "kvitto"
    assert load_table("sv", tmp_path, source=source).lemma("Har") == "ha"
    assert lemmas.builds["sv"] == before + 1

    changed = make_source(data, {"kvittot": "kvittering", "Har": "ha", "du": "du"})
    os.utime(changed.file, ns=(1, source.key["mtime_ns"] + 1_000_000_000))
    changed = Source.at("sv", changed.path)
    assert changed.key != source.key
    table = load_table("sv", tmp_path, source=changed)
    assert lemmas.builds["sv"] == before + 2
    assert (table.lemma("kvittot"), len(table)) == ("kvittering", 3)
    assert load_table("sv", tmp_path, source=changed).lemma("kvittot") == "kvittering"
    assert lemmas.builds["sv"] == before + 2


def test_another_package_version_rebuilds(tmp_path: Path) -> None:
    source = Source.find("en")
    load_table("en", tmp_path, source=source)
    before = lemmas.builds["en"]
    upgraded = Source(
        "en", source.path, source.file, {**source.key, "spacy_lookups_data": "99.0.0"}
    )
    assert load_table("en", tmp_path, source=upgraded).lemma("mice") == "mouse"
    assert lemmas.builds["en"] == before + 1
    load_table("en", tmp_path, source=source)  # and back: rebuilt again, not trusted
    assert lemmas.builds["en"] == before + 2


def damaged(data: bytes) -> dict[str, bytes]:
    middle = len(data) // 2
    header_end = data.index(b"}") - 2
    return {
        "empty": b"",
        "truncated to the magic": data[:8],
        "truncated by half": data[:middle],
        "one byte short": data[:-1],
        "one byte too many": data + b"\0",
        "a payload byte flipped": data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1 :],
        "the last byte flipped": data[:-1] + bytes([data[-1] ^ 0x01]),
        "a header byte flipped": data[:header_end]
        + bytes([data[header_end] ^ 0x01])
        + data[header_end + 1 :],
        "another magic": b"XXXXXXXX" + data[8:],
        "header length huge": data[:8] + b"\xff\xff\xff\x7f" + data[12:],
        "garbage": os.urandom(4096),
    }


def test_damaged_cache_files_are_detected(tmp_path: Path) -> None:
    source = Source.find("en")
    good = load_table("en", tmp_path).to_bytes(source.key)
    assert len(LemmaTable.from_bytes(good, source.key)) > 40_000
    for name, data in damaged(good).items():
        with pytest.raises(CacheFileError):
            LemmaTable.from_bytes(data, source.key)
            pytest.fail(f"{name}: accepted")


@pytest.mark.parametrize("how", ["truncated by half", "a payload byte flipped", "garbage"])
def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, how: str) -> None:
    source = Source.find("en")
    path = source.cache_file(tmp_path)
    good = load_table("en", tmp_path).lemma("went")
    path.write_bytes(damaged(path.read_bytes())[how])
    before = lemmas.builds["en"]
    table = load_table("en", tmp_path)
    assert lemmas.builds["en"] == before + 1
    assert table.lemma("went") == good == "go"
    assert len(table) > 40_000
    load_table("en", tmp_path)  # repaired on disk: read, not rebuilt
    assert lemmas.builds["en"] == before + 1


def test_an_unwritable_cache_folder_builds_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be\n")
    folder = blocker / "verbalkit"  # mkdir fails, even for root
    before = lemmas.builds["en"]
    assert load_table("en", folder).lemma("children") == "child"
    assert load_table("en", folder).lemma("children") == "child"
    assert lemmas.builds["en"] == before + 2  # nothing cached, nothing crashed
    assert blocker.read_text().startswith("a file")


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root writes read-only folders"
)
def test_a_read_only_cache_folder_builds_in_memory(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert load_table("en", folder).lemma("children") == "child"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_read_only_valid_cache_is_used(tmp_path: Path) -> None:
    path = Source.find("en").cache_file(tmp_path)
    load_table("en", tmp_path)
    path.chmod(0o444)
    before = lemmas.builds["en"]
    assert load_table("en", tmp_path).lemma("children") == "child"
    assert lemmas.builds["en"] == before


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "table.bin"
    path.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lemmas.os, "fsync", broken_fsync)
    assert lemmas._write_atomically(path, b"new" * 1000) is False
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["table.bin"]


def _load_in_child(folder: str) -> tuple[int, str]:
    table = load_table("en", Path(folder))
    return len(table), table.lemma("children")


def test_processes_starting_together_all_get_the_table(tmp_path: Path) -> None:
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ctx.Pool(4) as pool:
        results = pool.map(_load_in_child, [str(tmp_path)] * 8)
    assert len(set(results)) == 1
    assert results[0][1] == "child"
    source = Source.find("en")
    assert (
        len(LemmaTable.from_bytes(source.cache_file(tmp_path).read_bytes(), source.key))
        == (results[0][0])
    )
    assert [p.name for p in tmp_path.iterdir()] == [source.cache_file(tmp_path).name]


def test_build_ahead_of_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VERBALKIT_CACHE_DIR", str(tmp_path))
    assert lemmas.main(["en"]) == 0
    assert Source.find("en").cache_file(tmp_path).is_file()
    assert "en: " in capsys.readouterr().out


def test_no_lookups_for_a_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="lemma_lookup"):
        Source.find("xx")
    with pytest.raises(ValueError, match="language code"):
        Source.at("../sv", Path("sv_lemma_lookup.json"))

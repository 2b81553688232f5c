"""spaCy's lookup lemmas from a compact table, built once and kept in the user's cache.

spaCy's ``lemmatizer`` in lookup mode reads ``<lang>_lemma_lookup.json.gz`` from
spacy-lookups-data into a :class:`spacy.lookups.Table` one entry at a time on every start
(about 660,000 inserts and 3 s of CPU for Swedish). The lemma it gives a token is a plain
function of the token's text: ``table.get(text, text)``, where the table is keyed by spaCy's
string id (the 64-bit hash of the text, or the symbol id of the few texts that are spaCy
symbols) and an unknown text is its own lemma, case and all.

:func:`lemma_table` builds the same mapping once as sorted arrays and keeps it in the user's
cache (``$VERBALKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/verbalkit``, else
``~/.cache/verbalkit``); later starts read one file of about 10 MB (Swedish) instead. The
file records the source it was built from (spaCy's and spacy-lookups-data's versions, the
source file's path, size and modification time) and a CRC-32 of its contents: a changed
source, a truncated or damaged file, or a file of another format is rebuilt, never used.
It is written to a temporary file and renamed, so a process starting at the same time reads
the old file or the new one, never half of one. When the cache cannot be written the table
is built in memory for this process. Nothing is downloaded.

:class:`LookupLemmatizer` is the pipeline component (factory ``verbalkit_lemmatizer``,
added under spaCy's name ``lemmatizer``): the lemmas are exactly those of spaCy's lookup
lemmatizer.

File layout (little-endian)::

    magic "VKLEMMA\\0" | header length (uint32) | header (JSON) | padding to 8 bytes
    keys   uint64[n]    string ids of the table's texts, sorted
    lemmas uint64[m]    string ids of the distinct lemmas, sorted
    offs   uint64[m+1]  where each lemma's UTF-8 text starts in ``text``
    index  uint32[n]    for each key, the position of its lemma in ``lemmas``
    text   bytes        the lemmas' texts, in ``lemmas`` order

Build it ahead of time (e.g. in an image) with ``python -m verbalkit.pipeline.lemmas sv en``.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import json
import logging
import os
import re
import struct
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import numpy.typing as npt
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

log = logging.getLogger(__name__)

#: Bump when the file layout or the way it is built changes: older files are rebuilt.
FORMAT = 1
MAGIC = b"VKLEMMA\x00"
TABLE = "lemma_lookup"
_LANG_CODE = re.compile(r"[a-z]{2,3}(?:_[a-z]+)?")

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]

#: How many times each language's table was built from its source in this process
#: (from spacy-lookups-data's JSON, rather than read from the cache).
builds: collections.Counter[str] = collections.Counter()


class CacheFileError(ValueError):
    """A cache file is not a valid lemma table for the current source."""


def cache_dir() -> Path:
    """verbalkit's cache folder: ``$VERBALKIT_CACHE_DIR``, else the XDG cache folder.

    ``$XDG_CACHE_HOME/verbalkit`` when that variable holds an absolute path (the XDG spec
    says to ignore a relative one), else ``~/.cache/verbalkit``.
    """
    override = os.environ.get("VERBALKIT_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "verbalkit"


@dataclass(frozen=True)
class Source:
    """Where spaCy would read ``lang``'s lookup lemmas from, and the key a cache must match."""

    lang: str
    path: Path  # as spacy-lookups-data names it (spaCy adds ".gz" when that is what exists)
    file: Path  # the file actually read
    key: dict[str, Any]

    @classmethod
    def find(cls, lang: str) -> Source:
        """The lookup table spaCy's lemmatizer would load for ``lang``.

        Raises:
            ValueError: spacy-lookups-data has no lookup lemmas for ``lang`` (spaCy's E955).
            OSError: the table's file is missing or unreadable.
        """
        from spacy.util import registry

        tables = registry.lookups.get(lang) if lang in registry.lookups else {}
        if TABLE not in tables:
            raise ValueError(
                f"no {TABLE!r} table for language {lang!r}: is spacy-lookups-data installed?"
            )
        return cls.at(lang, Path(str(tables[TABLE])))

    @classmethod
    def at(cls, lang: str, path: Path) -> Source:
        """The lookup table at ``path`` (JSON, or ``path`` + ".gz"), for ``lang``.

        Raises:
            OSError: neither file exists or it cannot be read.
        """
        import spacy

        if not _LANG_CODE.fullmatch(lang):
            raise ValueError(f"not a language code: {lang!r}")
        file = path if path.exists() else path.with_suffix(path.suffix + ".gz")
        stat = file.stat()
        key = {
            "format": FORMAT,
            "lang": lang,
            "table": TABLE,
            "spacy": spacy.about.__version__,
            "spacy_lookups_data": _lookups_data_version(),
            "file": str(file),
            "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns,
        }
        return cls(lang, path, file, key)

    def cache_file(self, folder: Path) -> Path:
        """This source's cache file inside ``folder``."""
        return folder / f"lemma_lookup-{self.lang}.v{FORMAT}.bin"

    def read(self) -> dict[int, str]:
        """The source table as spaCy's ``Table`` holds it: string id -> lemma.

        A later text with the same string id replaces an earlier one, as in ``Table``;
        a list of lemmas stands for its first (the lookup lemmatizer's choice).
        """
        from spacy.strings import get_string_id
        from spacy.util import load_language_data

        data = load_language_data(self.path)
        if not isinstance(data, dict):
            raise ValueError(f"{self.file}: not a lookup table (a JSON object)")
        table: dict[int, str] = {}
        for text, lemma in data.items():
            table[get_string_id(text)] = lemma if isinstance(lemma, str) else lemma[0]
        return table


def _lookups_data_version() -> str:
    try:
        import spacy_lookups_data  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - the lookups came from another package
        return "unknown"
    return str(getattr(spacy_lookups_data, "__version__", "unknown"))


class LemmaTable:
    """A read-only map from spaCy string ids to lemmas, held in a few flat arrays."""

    __slots__ = ("_index", "_keys", "_lemmas", "_offs", "_text")

    def __init__(self, keys: U64, lemmas: U64, offs: U64, index: U32, text: bytes) -> None:
        self._keys = keys
        self._lemmas = lemmas
        self._offs = offs
        self._index = index
        self._text = text

    @classmethod
    def from_mapping(cls, table: dict[int, str]) -> LemmaTable:
        """Build from ``{string id: lemma}`` (see :meth:`Source.read`)."""
        from spacy.strings import get_string_id

        n = len(table)
        keys = np.fromiter(table.keys(), dtype=np.uint64, count=n)
        order = np.argsort(keys, kind="stable")
        by_id = {get_string_id(lemma): lemma for lemma in set(table.values())}
        lemma_ids = sorted(by_id)
        position = {by_id[lemma_id]: i for i, lemma_id in enumerate(lemma_ids)}
        if len(position) != len(by_id):  # pragma: no cover - two lemmas with one string id
            raise ValueError("lemma table: two lemmas share a string id")
        encoded = [by_id[i].encode("utf-8", "surrogatepass") for i in lemma_ids]
        offs = np.zeros(len(encoded) + 1, dtype=np.uint64)
        np.cumsum([len(e) for e in encoded], dtype=np.uint64, out=offs[1:])
        index = np.fromiter(map(position.__getitem__, table.values()), dtype=np.uint32, count=n)
        return cls(
            keys[order],
            np.asarray(lemma_ids, dtype=np.uint64),
            offs,
            index[order],
            b"".join(encoded),
        )

    # -- serialisation ---------------------------------------------------------------------

    def to_bytes(self, key: dict[str, Any]) -> bytes:
        """The cache file's bytes, recording the source ``key``."""
        body = b"".join(
            [
                self._keys.astype("<u8").tobytes(),
                self._lemmas.astype("<u8").tobytes(),
                self._offs.astype("<u8").tobytes(),
                self._index.astype("<u4").tobytes(),
                self._text,
            ]
        )
        header = {
            "format": FORMAT,
            "key": key,
            "n": len(self._keys),
            "m": len(self._lemmas),
            "text": len(self._text),
            "crc32": zlib.crc32(body),
        }
        return _prefix(json.dumps(header, sort_keys=True).encode()) + body

    @classmethod
    def from_bytes(cls, data: bytes, key: dict[str, Any]) -> LemmaTable:
        """Read a cache file's bytes, checking them against the source ``key``.

        Raises:
            CacheFileError: another format, another source, truncated, or damaged.
        """
        if data[: len(MAGIC)] != MAGIC or len(data) < len(MAGIC) + 4:
            raise CacheFileError("not a verbalkit lemma table")
        (size,) = struct.unpack_from("<I", data, len(MAGIC))
        start = len(MAGIC) + 4
        try:
            header = json.loads(data[start : start + size])
            n, m, text_len, crc = (int(header[k]) for k in ("n", "m", "text", "crc32"))
            stored_format, stored_key = header["format"], header["key"]
        except (ValueError, KeyError, TypeError) as err:
            raise CacheFileError(f"unreadable header ({err})") from None
        if stored_format != FORMAT or stored_key != key:
            raise CacheFileError("built from another source")
        if min(n, m, text_len) < 0:
            raise CacheFileError("negative sizes in the header")
        body = _aligned(start + size)
        sizes = (8 * n, 8 * m, 8 * (m + 1), 4 * n, text_len)
        if len(data) != body + sum(sizes):
            raise CacheFileError(f"{len(data)} bytes, expected {body + sum(sizes)} (truncated?)")
        view = memoryview(data)[body:]
        if zlib.crc32(view) != crc:
            raise CacheFileError("checksum mismatch (damaged)")
        at = np.cumsum((0, *sizes))
        keys = np.frombuffer(data, dtype="<u8", count=n, offset=body + int(at[0]))
        lemmas = np.frombuffer(data, dtype="<u8", count=m, offset=body + int(at[1]))
        offs = np.frombuffer(data, dtype="<u8", count=m + 1, offset=body + int(at[2]))
        index = np.frombuffer(data, dtype="<u4", count=n, offset=body + int(at[3]))
        text = bytes(view[int(at[4]) :])
        if (n and int(index.max()) >= m) or int(offs[0]) != 0 or int(offs[-1]) != len(text):
            raise CacheFileError("inconsistent arrays")
        return cls(
            cast(U64, keys.astype(np.uint64, copy=False)),
            cast(U64, lemmas.astype(np.uint64, copy=False)),
            cast(U64, offs.astype(np.uint64, copy=False)),
            cast(U32, index.astype(np.uint32, copy=False)),
            text,
        )

    # -- look-ups ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._keys)

    def _position(self, string_id: int) -> int:
        """Where ``string_id``'s lemma is in ``_lemmas``, or -1 when it is not in the table."""
        keys = self._keys
        i = int(np.searchsorted(keys, np.uint64(string_id)))
        if i < len(keys) and int(keys[i]) == string_id:
            return int(self._index[i])
        return -1

    def _lemma_text(self, position: int) -> str:
        start, end = int(self._offs[position]), int(self._offs[position + 1])
        return self._text[start:end].decode("utf-8", "surrogatepass")

    def get(self, text: str, default: str | None = None) -> str | None:
        """The lemma listed for ``text``, else ``default`` (as ``Table.get``)."""
        from spacy.strings import get_string_id

        position = self._position(get_string_id(text))
        return default if position < 0 else self._lemma_text(position)

    def lemma(self, text: str) -> str:
        """The lookup lemmatizer's lemma of a token whose text is ``text``."""
        lemma = self.get(text)
        return text if lemma is None else lemma

    def lemma_id(self, orth: int) -> tuple[int, str | None]:
        """The string id of the lemma of the text whose id is ``orth``, with its text.

        The text is None when the lemma is the token's own text (not in the table).
        """
        position = self._position(orth)
        if position < 0:
            return orth, None
        return int(self._lemmas[position]), self._lemma_text(position)


def _aligned(offset: int) -> int:
    return (offset + 7) // 8 * 8


def _prefix(header: bytes) -> bytes:
    start = len(MAGIC) + 4 + len(header)
    return MAGIC + struct.pack("<I", len(header)) + header + b"\0" * (_aligned(start) - start)


# -- the cache -------------------------------------------------------------------------------


def load_table(
    lang: str, folder: Path | None = None, *, source: Source | None = None
) -> LemmaTable:
    """``lang``'s lookup lemmas: read from the cache, or built and cached when needed.

    ``folder`` defaults to :func:`cache_dir`. A missing, stale, truncated or damaged cache
    file is rebuilt; when it cannot be written the table is built in memory (a debug log
    line says why). ``source`` defaults to :meth:`Source.find`. Not memoised: see
    :func:`lemma_table`.

    Raises:
        ValueError: spacy-lookups-data has no lookup lemmas for ``lang``.
    """
    if source is None:
        source = Source.find(lang)
    try:
        path: Path | None = source.cache_file(folder if folder is not None else cache_dir())
    except (RuntimeError, KeyError) as err:  # no home folder to put a cache in
        log.debug("no cache folder for lemma tables (%s); building in memory", err)
        path = None
    if path is not None:
        try:
            return LemmaTable.from_bytes(path.read_bytes(), source.key)
        except FileNotFoundError:
            pass
        except (OSError, CacheFileError) as err:
            log.debug("rebuilding %s: %s", path, err)
    table = _build(source)
    if path is not None:
        _write_atomically(path, table.to_bytes(source.key))
    return table


@functools.cache
def lemma_table(lang: str) -> LemmaTable:
    """:func:`load_table` for the default cache folder, once per process and language."""
    return load_table(lang)


def _build(source: Source) -> LemmaTable:
    builds[source.lang] += 1
    return LemmaTable.from_mapping(source.read())


def _write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to a temporary file beside ``path`` and rename it over ``path``.

    Returns False (and logs why) when the folder cannot be written.
    """
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError as err:
        log.debug("cannot write %s (%s); using the lemma table in memory", path, err)
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


# -- the pipeline component ------------------------------------------------------------------


class LookupLemmatizer:
    """spaCy's lookup lemmatizer (``mode="lookup"``), reading a :class:`LemmaTable`.

    As spaCy's: a token whose lemma is already set keeps it unless ``overwrite``; any other
    token gets the table's lemma of its exact text, or its own text when the table has none.
    The table is loaded by :meth:`initialize` (``nlp.initialize()``) or on first use.
    """

    mode = "lookup"

    def __init__(
        self,
        vocab: Vocab,
        name: str = "lemmatizer",
        *,
        overwrite: bool = False,
        table: Callable[[str], LemmaTable] = lemma_table,
    ) -> None:
        self.vocab = vocab
        self.name = name
        self.overwrite = overwrite
        self._load = table
        self._table: LemmaTable | None = None
        # orth -> (lemma id, lemma text or None when it is the token's own text). Bounded by
        # the distinct token texts seen, as the vocab's own StringStore is.
        self._memo: dict[int, tuple[int, str | None]] = {}

    @property
    def table(self) -> LemmaTable:
        if self._table is None:
            self._table = self._load(self.vocab.lang)
        return self._table

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Any = None
    ) -> None:
        """Load the table now (``nlp.initialize()`` calls this)."""
        self._table = self._load(self.vocab.lang)

    def lemmatize(self, token: Token) -> list[str]:
        """The lemmas of ``token`` as spaCy's ``lookup_lemmatize`` returns them."""
        return [self.table.lemma(token.text)]

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        memo = self._memo
        strings: Any = self.vocab.strings  # its stubs say str keys; ids work as well
        overwrite = self.overwrite
        # A plain loop setting ids: about half the time of spaCy's own lemmatizer per token
        # (measured, 24-token utterances); to_array/from_array loses on short Docs.
        for token in doc:
            if overwrite or token.lemma == 0:
                orth = token.orth
                found = memo.get(orth)
                if found is None:
                    found = memo[orth] = table.lemma_id(orth)
                lemma_id, text = found
                # Checked each time, not once: strings added inside nlp.memory_zone() go
                # when it closes, and must be added again.
                if text is not None and lemma_id not in strings:
                    strings.add(text)
                token.lemma = lemma_id
        return doc


@Language.factory(
    "verbalkit_lemmatizer",
    assigns=["token.lemma"],
    default_config={"overwrite": False},
)
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> LookupLemmatizer:
    """Factory for :class:`LookupLemmatizer`."""
    return LookupLemmatizer(nlp.vocab, name, overwrite=overwrite)


def main(argv: list[str] | None = None) -> int:
    """``python -m verbalkit.pipeline.lemmas [LANG ...]``: build the cache now."""
    langs = (sys.argv[1:] if argv is None else argv) or ["sv", "en"]
    folder = cache_dir()
    for lang in langs:
        table = load_table(lang, folder)
        state = "built" if builds[lang] else "up to date"
        print(f"{lang}: {len(table)} entries, {state}: {Source.find(lang).cache_file(folder)}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""The reader registry: every format is one entry, declared by the module that reads it.

A format module says what the format is called, which file extensions it claims, how to
recognise its content and how to read it, with a decorator (the way spaCy registers
factories). Adding a vendor is one new module in :mod:`verbalkit.io` (and its tests)::

    from verbalkit.io.registry import JsonDoc, json_reader

    def _looks_like_acme(data: object) -> float:
        return 0.9 if isinstance(data, dict) and isinstance(data.get("turns"), list) else 0.0

    @json_reader("acme", title="Acme Speech", recognise=_looks_like_acme,
                 keys=("turns", "acme_id"), needs="turns[] with speaker and text")
    def parse_acme(data: Any, doc: JsonDoc) -> RawCall: ...

Three kinds of reader:

``json``
    A JSON shape: ``parse(data, doc)`` turns one parsed JSON value into a call. The container
    (one document, a top-level list streamed element by element, JSON Lines) and its limits
    (:class:`~verbalkit.limits.Limits`) belong to :mod:`verbalkit.io.jsonfmt`, which asks
    :func:`recognise_json` which shape each value has; ``recognise(value)`` answers with a
    confidence in [0, 1] (or a bool).
``text``
    A format read from decoded text: ``read(src, ctx)`` yields calls (or errors for single
    calls) from a :class:`~verbalkit.io.source.TextSource`; ``recognise(head)`` looks at the
    first decoded 64 KiB.
``file``
    A binary container read from the file itself (Excel workbooks): ``read(path, ctx)``.

The built-in readers are the modules of :mod:`verbalkit.io`; they are imported the first time
the registry is asked, not at ``import verbalkit``.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, TypeVar

from verbalkit.errors import TranscriptError, VerbalkitError
from verbalkit.io.raw import RawCall, ReadOptions
from verbalkit.limits import Limits

if TYPE_CHECKING:
    from verbalkit.io.source import TextSource

Kind = Literal["json", "text", "file"]
ReadItems = Iterator[RawCall | TranscriptError]
FileSource = str | os.PathLike[str] | IO[bytes]
F = TypeVar("F", bound=Callable[..., Any])

#: Confidence from which a JSON shape is taken as recognised.
RECOGNISED = 0.5


@dataclass(frozen=True, slots=True)
class ReadContext:
    """What a reader gets besides its input: the options, and a way to read the file again."""

    opts: ReadOptions = field(default_factory=ReadOptions)
    reopen: Callable[[], TextSource] | None = None
    """Opens the same file again (CSV checks its call ids first); None for streams."""

    @property
    def limits(self) -> Limits:
        return self.opts.limits


@dataclass(frozen=True, slots=True)
class JsonDoc:
    """Where a JSON value being parsed came from: file, default call id, place, options."""

    path: str
    default_id: str
    where: str | None = None
    """The value's place in a multi-call file (``"line 4"``, ``"[2]"``), None for a document."""
    opts: ReadOptions = field(default_factory=ReadOptions)

    def place(self, inner: str | None = None) -> str | None:
        """``inner`` inside this value's place: ``line 4: utterances[3].start``."""
        if not self.where or not inner:
            return inner or self.where
        if self.where.startswith("["):
            return self.where + (inner if inner.startswith("[") else f".{inner}")
        return f"{self.where}: {inner}"

    def error(self, problem: str, inner: str | None = None) -> TranscriptError:
        """A TranscriptError naming the file and the place of ``inner`` in this value."""
        return TranscriptError(self.path, problem, where=self.place(inner))


@dataclass(frozen=True, slots=True)
class ReaderSpec:
    """One registered format."""

    name: str
    """What ``format=`` and ``--format`` call it."""
    kind: Kind
    title: str
    """A name for people ("Deepgram"), for messages and the README."""
    func: Callable[..., Any]
    """``parse(data, doc)`` for json readers, ``read(src_or_path, ctx)`` otherwise."""
    extensions: tuple[str, ...] = ()
    """File extensions (lower case, with the dot) this reader claims."""
    aliases: tuple[str, ...] = ()
    """Other names accepted by ``format=`` ("aws", "whisperx")."""
    recognise: Callable[[Any], float | bool] | None = None
    """How sure the reader is that a parsed JSON value (json) or a head (text) is its own."""
    keys: frozenset[str] = frozenset()
    """Top-level JSON keys typical of the shape, to name the closest shape of unknown JSON."""
    needs: str = ""
    """What the shape needs, for messages ("results.utterances or results.channels")."""
    channels: bool = False
    """Speakers come from audio channels (``--agent-channel`` applies)."""
    whole_list: bool = False
    """A top-level JSON list of this shape is one document (a bare list of Whisper segments)."""
    order: int = 100
    """Position in listings (built-in formats first)."""

    def confidence(self, value: Any) -> float:
        """The reader's confidence that ``value`` is its format (0 without a recogniser)."""
        if self.recognise is None:
            return 0.0
        try:
            found = self.recognise(value)
        except Exception:  # a recogniser must never lose a file; a bug just recognises nothing
            return 0.0
        return float(found)


_READERS: dict[str, ReaderSpec] = {}
# Sorted listings by kind, and extensions: asked for every file and JSON line, built once.
_LISTS: dict[str | None, tuple[ReaderSpec, ...]] = {}
_EXTENSIONS: dict[str, str] = {}
_LOCK = threading.RLock()
_LOADED = False
_LOADING = False


def register(spec: ReaderSpec) -> ReaderSpec:
    """Add a reader; a second reader under a taken name or alias is an error.

    Raises:
        VerbalkitError: When the name or an alias is taken by another reader.
    """
    with _LOCK:
        names = (spec.name, *spec.aliases)
        for other in _READERS.values():
            if other.name == spec.name and other.func is spec.func:
                return spec  # the same module imported twice (reloads in tests)
            taken = {other.name, *other.aliases} & set(names)
            if taken and other.name != spec.name:
                raise VerbalkitError(
                    f"reader {spec.name!r}: {', '.join(sorted(taken))} is taken by {other.name!r}"
                )
        _READERS[spec.name] = spec
        _LISTS.clear()
        _EXTENSIONS.clear()
    return spec


def unregister(name: str) -> None:
    """Remove a reader (tests, plugins that replace a reader)."""
    with _LOCK:
        _READERS.pop(name, None)
        _LISTS.clear()
        _EXTENSIONS.clear()


def _decorator(kind: Kind, name: str, **options: Any) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        title = options.pop("title", None) or name
        keys = frozenset(options.pop("keys", ()))
        extensions = tuple(e.lower() for e in options.pop("extensions", ()))
        aliases = tuple(a.lower() for a in options.pop("aliases", ()))
        register(
            ReaderSpec(
                name=name,
                kind=kind,
                title=title,
                func=func,
                keys=keys,
                extensions=extensions,
                aliases=aliases,
                **options,
            )
        )
        return func

    return decorate


def json_reader(
    name: str,
    *,
    title: str,
    recognise: Callable[[Any], float | bool],
    keys: tuple[str, ...] = (),
    needs: str = "",
    aliases: tuple[str, ...] = (),
    extensions: tuple[str, ...] = (),
    channels: bool = False,
    whole_list: bool = False,
    order: int = 100,
) -> Callable[[F], F]:
    """Register ``parse(data: Any, doc: JsonDoc) -> RawCall`` as the reader of a JSON shape."""
    return _decorator(
        "json",
        name,
        title=title,
        recognise=recognise,
        keys=keys,
        needs=needs,
        aliases=aliases,
        extensions=extensions,
        channels=channels,
        whole_list=whole_list,
        order=order,
    )


def text_reader(
    name: str,
    *,
    title: str,
    recognise: Callable[[str], float | bool] | None = None,
    extensions: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
    channels: bool = False,
    order: int = 100,
) -> Callable[[F], F]:
    """Register ``read(src: TextSource, ctx: ReadContext) -> Iterator[RawCall |
    TranscriptError]`` as the reader of a text format."""
    return _decorator(
        "text",
        name,
        title=title,
        recognise=recognise,
        extensions=extensions,
        aliases=aliases,
        channels=channels,
        order=order,
    )


def file_reader(
    name: str,
    *,
    title: str,
    extensions: tuple[str, ...],
    aliases: tuple[str, ...] = (),
    order: int = 100,
) -> Callable[[F], F]:
    """Register ``read(source: path or binary stream, ctx: ReadContext) -> Iterator[RawCall |
    TranscriptError]`` as the reader of a binary file format (claimed by extension)."""
    return _decorator(
        "file", name, title=title, extensions=extensions, aliases=aliases, order=order
    )


def _load() -> None:
    """Import the modules of :mod:`verbalkit.io` once, so their readers register."""
    global _LOADED, _LOADING
    if _LOADED or _LOADING:
        return
    with _LOCK:
        if _LOADED or _LOADING:
            return
        _LOADING = True
        try:
            import verbalkit.io as package

            for info in pkgutil.iter_modules(package.__path__):
                if not info.name.startswith("_") and info.name != "registry":
                    importlib.import_module(f"verbalkit.io.{info.name}")
            _LOADED = True
        finally:
            _LOADING = False


def readers(kind: Kind | None = None) -> tuple[ReaderSpec, ...]:
    """Registered readers (of one kind), built-in formats first."""
    _load()
    listed = _LISTS.get(kind)
    if listed is None:
        found = [r for r in _READERS.values() if kind is None or r.kind == kind]
        listed = tuple(sorted(found, key=lambda r: (r.order, r.name)))
        if _LOADED:
            _LISTS[kind] = listed
    return listed


def names() -> tuple[str, ...]:
    """Format names accepted by ``format=``, built-in formats first."""
    return tuple(r.name for r in readers())


def get(name: str) -> ReaderSpec:
    """The reader registered under a name or alias.

    Raises:
        VerbalkitError: For an unknown format, listing the known ones.
    """
    return _READERS[normalise_format(name)]


def normalise_format(name: str) -> str:
    """``"WebVTT"`` -> ``"vtt"``, ``"AWS"`` -> ``"transcribe"``.

    Raises:
        VerbalkitError: For an unknown format, listing the known ones.
    """
    key = name.strip().lower().lstrip(".")
    for spec in readers():
        if key == spec.name or key in spec.aliases:
            return spec.name
    raise VerbalkitError(f"unknown format {name!r}: use one of {', '.join(names())}")


def extensions() -> dict[str, str]:
    """Format names by file extension (``".json"`` -> ``"json"``): what a folder walk reads."""
    if not _EXTENSIONS or not _LOADED:
        found: dict[str, str] = {}
        for spec in readers():
            for ext in spec.extensions:
                found.setdefault(ext, spec.name)
        _EXTENSIONS.clear()
        _EXTENSIONS.update(found)
    return dict(_EXTENSIONS)


def recognise_json(value: Any) -> ReaderSpec | None:
    """The JSON shape a parsed value has: the most confident reader, None when none is
    confident enough (:data:`RECOGNISED`)."""
    best: tuple[float, ReaderSpec] | None = None
    for spec in readers("json"):
        score = spec.confidence(value)
        if score >= RECOGNISED and (best is None or score > best[0]):
            best = (score, spec)
    return best[1] if best else None


def sniff_text(head: str) -> str | None:
    """The text format (plain text, Otter...) the head of a file reads as, or None."""
    best: tuple[float, str] | None = None
    for spec in readers("text"):
        score = spec.confidence(head)
        if score > 0 and (best is None or score > best[0]):
            best = (score, spec.name)
    return best[1] if best else None


def file_reader_for(source: object, declared: str | None) -> ReaderSpec | None:
    """The file reader for a path or stream: the declared format's, or by extension."""
    if declared:
        spec = get(declared)
        return spec if spec.kind == "file" else None
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
    else:
        name = str(getattr(source, "name", ""))
    suffix = Path(name).suffix.lower()
    if not suffix:
        return None
    for spec in readers("file"):
        if suffix in spec.extensions:
            return spec
    return None


def unknown_json(data: Any) -> str:
    """Why a parsed JSON value is no known shape: the keys found and the closest shapes."""
    if not isinstance(data, dict):
        from verbalkit.io.jsonfmt import type_name

        return f"not a transcript: expected a JSON object, found {type_name(data)}"
    found = set(data)
    nested = {
        f"{k}.{inner}" for k, v in data.items() if isinstance(v, dict) for inner in list(v)[:50]
    }
    scored = []
    for spec in readers("json"):
        if spec.keys:
            overlap = len(spec.keys & (found | nested))
            if overlap:
                scored.append((overlap, -spec.order, spec))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    closest = [f"{s.name} (needs {s.needs})" for _, _, s in scored[:2]]
    if not closest:
        closest = [", ".join(s.name for s in readers("json"))]
    from verbalkit.io.jsonfmt import show_keys

    keys = show_keys(data) or "none"
    return (
        f"not a transcript: no reader knows this JSON shape (keys: {keys}); "
        f"closest: {'; '.join(closest)}"
    )


# CSV and TSV are read by verbalkit.io.table; they are registered here, which keeps that
# module about columns and rows.


def _read_delimited(src: TextSource, ctx: ReadContext, delimiter: str | None) -> ReadItems:
    from verbalkit.io.table import read_table

    return read_table(src, delimiter, ctx.opts.column_map, ctx.reopen, ctx.limits)


@text_reader("csv", title="CSV", extensions=(".csv",), order=2)
def read_csv(src: TextSource, ctx: ReadContext) -> ReadItems:
    """Calls in a CSV file (the delimiter is sniffed: ``,``, ``;``, tab or ``|``)."""
    return _read_delimited(src, ctx, None)


@text_reader("tsv", title="TSV", extensions=(".tsv", ".tab"), order=3)
def read_tsv(src: TextSource, ctx: ReadContext) -> ReadItems:
    """Calls in a tab-separated file."""
    return _read_delimited(src, ctx, "\t")

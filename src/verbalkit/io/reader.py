"""The public readers: :func:`read` (one call), :func:`read_many` (a stream) and
:func:`from_pandas`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from verbalkit.errors import TranscriptError, UnsupportedLanguageError
from verbalkit.io import registry
from verbalkit.io.build import build_transcript
from verbalkit.io.detect import detect_format
from verbalkit.io.raw import RawCall, ReadOptions, make_options
from verbalkit.io.registry import ReadContext
from verbalkit.io.source import TextSource, open_source, open_stream
from verbalkit.limits import Limits
from verbalkit.schema import Failure, Transcript

if TYPE_CHECKING:
    import pandas as pd

PathLike = str | os.PathLike[str]
Source = PathLike | IO[str] | IO[bytes]


def read(
    path: Source,
    *,
    format: str | None = None,
    language: str | None = None,
    agent_speaker: str | Sequence[str] | None = None,
    customer_speaker: str | Sequence[str] | None = None,
    strict: bool = False,
    columns: Mapping[str, str] | None = None,
    limits: Limits | None = None,
    agent_channel: int | None = None,
    sheet: str | None = None,
) -> Transcript:
    """Read one call from a file.

    The format is told from the extension and the content, or given as ``format`` (one of
    :data:`verbalkit.io.FORMATS`: json, jsonl, csv, tsv, text, vtt, srt, transcribe, whisper,
    assemblyai, deepgram, genesys, twilio, rev, otter, excel). A JSON file is read by the
    reader of its shape (a Deepgram response is never taken for verbalkit JSON).

    Args:
        path: A transcript file (or an open file object).
        format: The format, when detection is not wanted.
        language: Declare the language ("sv", "en"); default: the file's, else detected.
        agent_speaker: Speaker label(s) that are the agent, e.g. ``"spk_0"``.
        customer_speaker: Speaker label(s) that are the customer.
        strict: Treat warnings (empty texts, unsorted times, overlaps) as errors.
        columns: CSV/TSV column names by field, e.g. ``{"speaker": "Talare"}``.
        limits: Bounds on file size, nesting, utterances per call (:class:`~verbalkit.limits.Limits`).
        agent_channel: The agent's audio channel in multichannel files (Deepgram, Twilio,
            AssemblyAI, Amazon Transcribe), numbered as the vendor numbers them; same as
            ``agent_speaker="channel N"``.
        sheet: The sheet of an Excel workbook to read (default: every sheet).

    Returns:
        The call, with roles mapped, language decided and warnings listed.

    Raises:
        TranscriptError: When the file cannot be read or is invalid, or holds several calls
            (use :func:`read_many`); the message names the file, the place and the problem.
        UnsupportedLanguageError: When the language has no rule pack.

    >>> call = read("examples/sv-matkasse.json")  # doctest: +SKIP
    >>> call.language, call.speaker_rule  # doctest: +SKIP
    ('sv', 'roles-in-source')
    """
    opts = make_options(
        format=format,
        language=language,
        agent_speaker=agent_speaker,
        customer_speaker=customer_speaker,
        strict=strict,
        columns=columns,
        limits=limits,
        agent_channel=agent_channel,
        sheet=sheet,
    )
    name = _name(path)
    items = _items(path, opts)
    first = next(items, None)
    if first is None:
        raise TranscriptError(name, "no calls found")
    more = sum(1 for _ in items)
    if more:
        raise TranscriptError(
            name, f"holds {more + 1} calls; read() reads one: use read_many() for this file"
        )
    if isinstance(first, TranscriptError):
        raise first
    return build_transcript(first, opts)


def read_many(
    paths_or_folder: Source | Iterable[Source],
    *,
    format: str | None = None,
    language: str | None = None,
    agent_speaker: str | Sequence[str] | None = None,
    customer_speaker: str | Sequence[str] | None = None,
    strict: bool = False,
    columns: Mapping[str, str] | None = None,
    limits: Limits | None = None,
    agent_channel: int | None = None,
    sheet: str | None = None,
) -> Iterator[Transcript | Failure]:
    """Stream calls from files and folders: one Transcript or Failure per call.

    Folders are walked recursively in sorted order (files with a transcript extension; hidden
    files skipped). JSON Lines and CSV are read incrementally, so memory does not grow with
    the number of calls. A bad file, or a bad line of a JSON Lines file, yields a
    :class:`~verbalkit.schema.Failure` and reading goes on.

    Args:
        paths_or_folder: A file, a folder, an open file object, or a list of them.
        format, language, agent_speaker, customer_speaker, strict, columns, limits,
            agent_channel, sheet: As in :func:`read`.

    Returns:
        A generator of Transcript and Failure items, in file order.

    Raises:
        VerbalkitError: At once, for an unknown ``format`` or ``columns`` field.
        UnsupportedLanguageError: At once, for a declared language without a rule pack.

    >>> for item in read_many("examples/"):  # doctest: +SKIP
    ...     print(item.call_id if isinstance(item, Transcript) else item.message)
    """
    opts = make_options(
        format=format,
        language=language,
        agent_speaker=agent_speaker,
        customer_speaker=customer_speaker,
        strict=strict,
        columns=columns,
        limits=limits,
        agent_channel=agent_channel,
        sheet=sheet,
    )
    # Built: no Unbuilt items.
    return cast(Iterator[Transcript | Failure], _stream(_inputs(paths_or_folder), opts))


def read_many_unbuilt(
    paths_or_folder: Source | Iterable[Source],
    *,
    format: str | None = None,
    language: str | None = None,
    agent_speaker: str | Sequence[str] | None = None,
    customer_speaker: str | Sequence[str] | None = None,
    strict: bool = False,
    columns: Mapping[str, str] | None = None,
    limits: Limits | None = None,
    agent_channel: int | None = None,
    sheet: str | None = None,
) -> Iterator[Unbuilt | Failure]:
    """:func:`read_many`, with each call parsed but not yet checked and built: an
    :class:`Unbuilt` whose :meth:`~Unbuilt.build` gives the Transcript (or Failure) that
    ``read_many`` yields in its place. ``--jobs`` workers build the calls, so the main
    process only parses the files."""
    opts = make_options(
        format=format,
        language=language,
        agent_speaker=agent_speaker,
        customer_speaker=customer_speaker,
        strict=strict,
        columns=columns,
        limits=limits,
        agent_channel=agent_channel,
        sheet=sheet,
    )
    return cast(Iterator[Unbuilt | Failure], _stream(_inputs(paths_or_folder), opts, build=False))


@dataclass(frozen=True, slots=True)
class Unbuilt:
    """A call as parsed from its file, with the options to check and build it."""

    raw: RawCall
    opts: ReadOptions

    @property
    def call_id(self) -> str:
        return self.raw.call_id

    @property
    def source(self) -> str:
        return self.raw.path

    @property
    def n_words(self) -> int:
        """Whitespace-separated words of its utterances (as the Transcript counts them)."""
        return sum(len(u.text.split()) for u in self.raw.utterances)

    def build(self) -> Transcript | Failure:
        """The Transcript, or the Failure :func:`read_many` yields for this call."""
        return _build(self.raw, self.opts)


def _build(raw: RawCall, opts: ReadOptions) -> Transcript | Failure:
    try:
        return build_transcript(raw, opts)
    except TranscriptError as err:
        return _failure(err)
    except UnsupportedLanguageError as err:
        return _language_failure(raw.path, err)
    except Exception as err:  # one call's failure, traceback kept
        return Failure.unexpected(raw.path, err, call_id=raw.call_id)


def from_pandas(
    df: pd.DataFrame,
    call_id: str = "call_id",
    speaker: str = "speaker",
    text: str = "text",
    start: str | None = None,
    end: str | None = None,
    *,
    language: str | None = None,
    agent_speaker: str | Sequence[str] | None = None,
    customer_speaker: str | Sequence[str] | None = None,
    strict: bool = False,
) -> list[Transcript]:
    """Calls from a DataFrame with one row per utterance (many calls, row order kept).

    Column names not found fall back to the same aliases as CSV (``conversation_id``,
    ``role``, ``transcript``, ``start_time``...). ``start``/``end`` default to such columns when
    present; times may be seconds, ``"mm:ss"`` strings or Timedeltas. Columns ``agent_id``,
    ``team`` and ``language`` are used when present.

    Raises:
        TranscriptError: For a missing column or an invalid call (path ``DataFrame``).
        UnsupportedLanguageError: When a language has no rule pack.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"call_id": ["c1", "c1"], "speaker": ["Agent", "Kund"],
    ...                    "text": ["Välkommen till Matkassen, vad kan jag hjälpa dig med?",
    ...                             "Hej, det saknades en burk i min kasse och jag är besviken."]})
    >>> [(t.call_id, t.speaker_rule) for t in from_pandas(df)]
    [('c1', 'alias')]
    """
    from verbalkit.io.table import frame_calls

    opts = make_options(
        format=None,
        language=language,
        agent_speaker=agent_speaker,
        customer_speaker=customer_speaker,
        strict=strict,
        columns=None,
    )
    names = {"call_id": call_id, "speaker": speaker, "text": text, "start": start, "end": end}
    return [build_transcript(raw, opts) for raw in frame_calls(df, names)]


def _inputs(value: Source | Iterable[Source]) -> list[Source]:
    if isinstance(value, str | os.PathLike) or hasattr(value, "read"):
        return [value]  # type: ignore[list-item]
    return list(value)


def _stream(
    inputs: list[Source], opts: ReadOptions, build: bool = True
) -> Iterator[Transcript | Unbuilt | Failure]:
    for item in inputs:
        if hasattr(item, "read"):
            yield from _read_one(item, opts, build)
            continue
        path = Path(item)
        if path.is_dir():
            found = _walk(path)
            if not found:
                known = ", ".join(sorted(registry.extensions()))
                yield Failure(
                    path=str(item), message=f"no transcript files ({known}) in this folder"
                )
            for entry in found:
                if isinstance(entry, Failure):
                    yield entry
                else:
                    yield from _read_one(entry, opts, build)
        else:
            yield from _read_one(item, opts, build)


def find_files(folder: Path) -> list[Path]:
    """Transcript files under a folder, recursively, sorted; hidden files and folders skipped.

    Folders that cannot be read are left out; :func:`read_many` reports them as Failures.
    """
    return [entry for entry in _walk(folder) if isinstance(entry, Path)]


def _walk(folder: Path) -> list[Path | Failure]:
    """Transcript files under a folder, and a Failure for each folder that cannot be read."""
    found: list[tuple[Path, Path | Failure]] = []

    def unreadable(err: OSError) -> None:
        # os.walk skips a folder it cannot list without a word; say which and why.
        where = Path(err.filename) if err.filename else folder
        reason = "permission denied" if isinstance(err, PermissionError) else err.strerror
        message = f"cannot read this folder ({reason or err}); its files are skipped"
        found.append((where, Failure(path=str(where), message=message)))

    extensions = registry.extensions()
    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in extensions:
                path = Path(root) / name
                found.append((path, path))
    return [entry for _, entry in sorted(found, key=lambda pair: pair[0])]


def _read_one(
    item: Source, opts: ReadOptions, build: bool = True
) -> Iterator[Transcript | Unbuilt | Failure]:
    name = _name(item)
    try:
        for raw in _items(item, opts):
            if isinstance(raw, TranscriptError):
                yield _failure(raw)
            elif build:
                yield _build(raw, opts)
            else:
                yield Unbuilt(raw, opts)
    except TranscriptError as err:
        yield _failure(err)
    except Exception as err:  # a reader bug loses this file, never the batch
        yield Failure.unexpected(name, err)


def _items(item: Source, opts: ReadOptions) -> Iterator[RawCall | TranscriptError]:
    """The calls of one input: a binary container (Excel) by its reader, anything else
    decoded as text and read by the format its name and content tell."""
    spec = registry.file_reader_for(item, opts.format)
    if spec is not None:
        ctx = ReadContext(opts)
        yield from _guarded(_name(item), spec.name, lambda: spec.func(item, ctx))
        return
    with _open(item) as src:
        yield from _raw_calls(src, opts, _reopener(item))


def _name(item: Source) -> str:
    if isinstance(item, str | os.PathLike):
        return os.fspath(item)
    return str(getattr(item, "name", "<stream>"))


def _open(item: Source) -> TextSource:
    if hasattr(item, "read"):
        return open_stream(item)  # type: ignore[arg-type]
    return open_source(os.fspath(item))


def _reopener(item: Source) -> Callable[[], TextSource] | None:
    """A way to read a file again (CSV checks call ids first); None for streams."""
    if isinstance(item, str | os.PathLike):
        path = os.fspath(item)
        return lambda: open_source(path)
    return None


def _raw_calls(
    src: TextSource, opts: ReadOptions, reopen: Callable[[], TextSource] | None
) -> Iterator[RawCall | TranscriptError]:
    fmt = detect_format(src.suffix, src.head, opts.format)
    if fmt is None:
        raise TranscriptError(
            src.name,
            "cannot tell the format from the name or the content: "
            f"pass --format (one of {', '.join(registry.names())})",
        )
    spec = registry.get(fmt)
    ctx = ReadContext(opts, reopen)
    if spec.kind == "file":
        raise TranscriptError(
            src.name, f"{spec.title}: a binary file, read from its path (not a text stream)"
        )
    if spec.kind == "json":
        from verbalkit.io.jsonfmt import read_json

        yield from _guarded(src.name, fmt, lambda: read_json(src, ctx, forced=spec.name))
    else:
        yield from _guarded(src.name, fmt, lambda: spec.func(src, ctx))


def _guarded(
    name: str, fmt: str, read: Callable[[], Iterator[RawCall | TranscriptError]]
) -> Iterator[RawCall | TranscriptError]:
    try:
        yield from read()
    except (KeyError, TypeError, IndexError, AttributeError, ValueError) as err:
        # Untrusted input in an unexpected shape: say so, naming the file, instead of a traceback.
        raise TranscriptError(name, f"unexpected content for format {fmt!r}: {err}") from err


def _failure(err: TranscriptError) -> Failure:
    message = f"{err.where}: {err.problem}" if err.where else err.problem
    return Failure(path=str(err.path), message=message)


def _language_failure(path: str, err: UnsupportedLanguageError) -> Failure:
    message = str(err).removeprefix(f"{path}:").strip()
    return Failure(path=path, message=message)

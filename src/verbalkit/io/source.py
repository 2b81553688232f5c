"""Open an input as decoded text, lazily: BOMs, UTF-16, binary files and bad bytes.

A :class:`TextSource` gives a head (the first chunk, for sniffing the format), then either the
whole text or numbered lines. Nothing past the current chunk is read, so JSON Lines and CSV
stream in constant memory. Only regular files are opened: a named pipe or a device with a
transcript's name would block or never end.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from verbalkit.errors import TranscriptError

CHUNK = 1 << 16

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


@dataclass
class TextSource:
    """Decoded text of one input; read it once: ``head``, then chunks, lines or all of it."""

    name: str
    """The path as given, for messages."""
    head: str
    rest: Iterator[str]
    encoding: str = "utf-8"
    handle: IO[Any] | None = None
    size: int | None = None
    """Size in bytes when known (files), for refusing a file before reading it."""
    _used: bool = field(default=False, repr=False)
    _max_chars: int | None = field(default=None, repr=False)
    _too_big: str = field(default="", repr=False)

    @property
    def stem(self) -> str:
        """File name without extension (the default call id)."""
        return Path(self.name).stem or "call"

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()

    def limit_size(self, max_bytes: int, what: str) -> None:
        """Refuse this input when it is larger than ``max_bytes``: at once when its size is
        known, else as soon as more text than that has been read.

        Args:
            max_bytes: The bound (:attr:`~verbalkit.limits.Limits.max_file_bytes`).
            what: Why the input must fit, for the message ("a Whisper document is read whole").

        Raises:
            TranscriptError: When the size is known and too large.
        """
        self._too_big = (
            f"larger than {max_bytes:,} bytes (limits.max_file_bytes): {what}; "
            "use JSON Lines (one call per line) or CSV, which are read call by call"
        )
        if self.size is not None and self.size > max_bytes:
            raise TranscriptError(self.name, f"{self.size:,} bytes, {self._too_big}")
        # Characters never outnumber the bytes that encode them (UTF-8, UTF-16, UTF-32).
        self._max_chars = max_bytes

    def chunks(self) -> Iterator[str]:
        """The text in chunks, head first.

        Raises:
            TranscriptError: While reading, when the text outgrows :meth:`limit_size`.
        """
        if self._used:
            raise RuntimeError("a TextSource can be read once")
        self._used = True
        seen = 0
        for chunk in self._all_chunks():
            seen += len(chunk)
            # Checked on every chunk: the limit may be set while the text is being read.
            if self._max_chars is not None and seen > self._max_chars:
                raise TranscriptError(self.name, self._too_big)
            yield chunk

    def _all_chunks(self) -> Iterator[str]:
        if self.head:
            yield self.head
        yield from self.rest

    def read_all(self) -> str:
        """The whole text (for formats that are parsed as one document)."""
        return "".join(self.chunks())

    def lines(self) -> Iterator[tuple[int, str]]:
        r"""Numbered lines (from 1) without line endings; ``\r\n`` and ``\r`` count as ``\n``."""
        buf: list[str] = []
        carry_cr = False
        number = 0
        for chunk in self.chunks():
            if carry_cr:
                chunk = "\r" + chunk
            carry_cr = chunk.endswith("\r")
            if carry_cr:
                chunk = chunk[:-1]
            parts = chunk.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            if len(parts) == 1:
                buf.append(parts[0])
                continue
            buf.append(parts[0])
            number += 1
            yield number, "".join(buf)
            for part in parts[1:-1]:
                number += 1
                yield number, part
            buf = [parts[-1]]
        if carry_cr:
            number += 1
            yield number, "".join(buf)
            buf = []
        last = "".join(buf)
        if last:
            yield number + 1, last

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()

    def __enter__(self) -> TextSource:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_source(path: Path | str) -> TextSource:
    """Open a file and decode it (UTF-8 with or without BOM, UTF-16/32 with a BOM).

    Raises:
        TranscriptError: For a missing, unreadable, empty, binary or undecodable file, a
            folder, and anything that is not a regular file (a named pipe, a device).
    """
    name = str(path)
    # O_NONBLOCK: opening a named pipe for reading would otherwise wait for a writer forever.
    # The kind of file is checked on the open descriptor, so nothing can be swapped in between.
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as err:
        raise TranscriptError(name, "no such file") from err
    except IsADirectoryError as err:
        raise TranscriptError(name, "is a folder, not a file") from err
    except PermissionError as err:
        raise TranscriptError(name, "permission denied: cannot read this file") from err
    except OSError as err:
        raise TranscriptError(name, f"cannot open: {err.strerror or err}") from err
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise TranscriptError(name, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise TranscriptError(name, f"not a regular file ({_kind(info.st_mode)})")
        if flags & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    try:
        source = _from_binary(name, handle)
    except BaseException:
        handle.close()
        raise
    source.size = info.st_size
    return source


def _kind(mode: int) -> str:
    """What a non-regular file is, for messages."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "a special file"


def open_stream(stream: IO[Any], name: str | None = None) -> TextSource:
    """Wrap an open file object (text or binary) as a TextSource; the caller closes it."""
    label = name or str(getattr(stream, "name", "<stream>"))
    first = stream.read(CHUNK)
    if isinstance(first, bytes):
        return _from_binary(label, stream, first=first, close=False)
    if not first.strip():
        raise TranscriptError(label, "empty file: no text")
    if "\x00" in first:
        raise TranscriptError(
            label, "looks like a binary file (it contains NUL bytes), not a transcript"
        )
    rest: Iterator[str] = iter(lambda: stream.read(CHUNK), "")
    return TextSource(label, first.lstrip("\ufeff"), rest, encoding="text")


def _from_binary(
    name: str, handle: IO[Any], first: bytes | None = None, close: bool = True
) -> TextSource:
    try:
        head = handle.read(CHUNK) if first is None else first
    except OSError as err:
        raise TranscriptError(name, f"cannot read: {err.strerror or err}") from err
    encoding, label = _guess_encoding(name, head)
    decoded = _decode(name, handle, head, encoding, label)
    text_head = next(decoded, "")
    if not text_head.strip():
        # The head is 64 KiB: a file whose first 64 KiB are blank is as good as empty.
        raise TranscriptError(name, "empty file: no text")
    return TextSource(name, text_head, decoded, encoding=label, handle=handle if close else None)


def _guess_encoding(name: str, head: bytes) -> tuple[str, str]:
    if not head:
        raise TranscriptError(name, "empty file (0 bytes)")
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            return codec, label
    if b"\x00" in head:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        even, odd = head[0::2], head[1::2]
        if odd and odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le", "UTF-16"
        if even and even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be", "UTF-16"
        offset = head.index(b"\x00")
        raise TranscriptError(
            name, f"looks like a binary file (NUL byte at offset {offset}), not a transcript"
        )
    return "utf-8", "UTF-8"


def _decode(name: str, handle: IO[Any], head: bytes, codec: str, label: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(codec)("strict")
    offset = 0
    lines_before = 0
    chunk = head
    while True:
        final = not chunk
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError as err:
            raise _decode_error(name, err, chunk, offset, lines_before, label) from err
        if "\x00" in text:
            line = lines_before + text[: text.index("\x00")].count("\n") + 1
            raise TranscriptError(
                name, f"looks like a binary file (NUL character on line {line}), not a transcript"
            )
        lines_before += text.count("\n")
        offset += len(chunk)
        if text:
            yield text
        if final:
            return
        try:
            chunk = handle.read(CHUNK)
        except OSError as err:
            raise TranscriptError(name, f"cannot read: {err.strerror or err}") from err


def _decode_error(
    name: str, err: UnicodeDecodeError, chunk: bytes, offset: int, lines_before: int, label: str
) -> TranscriptError:
    pos = max(0, min(err.start, len(chunk)))
    line = lines_before + chunk[:pos].count(b"\n") + 1
    bad = err.object[err.start : err.start + 1]
    byte = f"byte 0x{bad.hex()} " if bad else ""
    hint = "save it as UTF-8"
    if label == "UTF-8" and bad and bad[0] >= 0x80:
        try:
            chunk.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            hint = "it looks like Latin-1/Windows-1252: save it as UTF-8"
    return TranscriptError(
        name,
        f"not valid {label} text: {byte}at offset {offset + pos} cannot be decoded; {hint}",
        where=f"line {line}",
    )

"""Output files that are never half-written: a temp file beside the target, then a rename.

An operations team reruns a nightly batch into the same ``out.jsonl``. Writing in place would
truncate yesterday's results before any work and leave a torn file when the run dies, so
:class:`AtomicOutput` writes to a hidden temp file in the target's folder (same file system,
so the rename is atomic) and only replaces the target when the run finishes:

- finished with at least one line written: the temp file replaces the target;
- finished with nothing written: the temp file is removed and the target is left alone (no
  empty file when every input failed);
- interrupted (Ctrl-C): the target is left alone and what was written so far is kept as
  ``<target>.partial``;
- any other error: the temp file is removed and the target is left alone.

>>> from pathlib import Path
>>> import tempfile
>>> target = Path(tempfile.mkdtemp()) / "out.jsonl"
>>> with AtomicOutput(target) as out:
...     out.write('{"call_id": "c1"}\\n')
>>> target.read_text(), out.outcome
('{"call_id": "c1"}\\n', 'written')
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from verbalkit.schema import AnalysedCall
from types import TracebackType
from typing import IO, Literal

from verbalkit.errors import VerbalkitError

Outcome = Literal["pending", "written", "nothing", "partial", "failed"]


class OutputError(VerbalkitError):
    """An output file could not be written."""


class AtomicOutput:
    """A text file written under a temporary name and renamed into place when complete.

    Args:
        path: The target file.
        encoding: Text encoding; lone surrogates (from undecodable file names) are written
            as ``\\udcff`` escapes rather than failing the run.
    """

    def __init__(self, path: Path | str, encoding: str = "utf-8") -> None:
        self.path = Path(path)
        self.encoding = encoding
        self.lines = 0
        self.outcome: Outcome = "pending"
        self.partial_path: Path | None = None
        self._tmp: Path | None = None
        self._handle: IO[str] | None = None

    @property
    def partial(self) -> Path:
        """Where an interrupted run leaves what it wrote."""
        return self.path.with_name(self.path.name + ".partial")

    def __enter__(self) -> AtomicOutput:
        folder = self.path.parent
        if self.path.is_dir():
            raise OutputError(f"{self.path}: is a folder; give a file name for the output")
        if not folder.is_dir():
            raise OutputError(f"{self.path}: the folder {folder} does not exist")
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{self.path.name}.", suffix=".tmp")
        except OSError as err:
            raise OutputError(f"{self.path}: cannot write here: {err.strerror or err}") from err
        self._tmp = Path(tmp)
        self._handle = os.fdopen(
            fd, "w", encoding=self.encoding, errors="backslashreplace", newline="\n"
        )
        return self

    def write(self, text: str) -> None:
        """Write text (count one line per call of this method)."""
        if self._handle is None:
            raise RuntimeError("AtomicOutput is not open: use it in a with block")
        self._handle.write(text)
        self.lines += 1

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        handle, tmp = self._handle, self._tmp
        self._handle = self._tmp = None
        if handle is None or tmp is None:
            return
        try:
            handle.flush()
            if exc_type is None and self.lines:
                os.fsync(handle.fileno())
        finally:
            handle.close()
        if exc_type is None and self.lines:
            _copy_mode(self.path, tmp)
            os.replace(tmp, self.path)
            self.outcome = "written"
        elif exc_type is None:
            tmp.unlink(missing_ok=True)
            self.outcome = "nothing"
        elif issubclass(exc_type, KeyboardInterrupt) and self.lines:
            _copy_mode(self.path, tmp)
            os.replace(tmp, self.partial)
            self.partial_path = self.partial
            self.outcome = "partial"
        else:
            tmp.unlink(missing_ok=True)
            self.outcome = "failed"


def _copy_mode(target: Path, tmp: Path) -> None:
    """Give the new file the target's permissions, or the usual ones for a new file.

    ``mkstemp`` creates files readable by the owner only; a results file replaced every night
    must keep the permissions the team gave it.
    """
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """A temporary path beside ``path`` for a writer that wants a file name (Parquet, HTML);
    it replaces ``path`` when the block ends without error, and is removed otherwise.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "calls.csv"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("call_id\\n")
    >>> target.read_text()
    'call_id\\n'
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"{target}: the folder {folder} does not exist")
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"{target}: cannot write here: {err.strerror or err}") from err
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        _copy_mode(target, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def json_line(call: AnalysedCall) -> str:
    """One analysed call as ``verbalkit analyze --json`` writes it: a JSON line."""
    return json.dumps(call.to_dict(), ensure_ascii=False) + "\n"


def timeline_text(call: AnalysedCall, width: int = 100) -> str:
    """One analysed call as ``verbalkit analyze`` prints it: the timeline and a blank line."""
    from verbalkit.report.timeline import render_call

    return render_call(call, width=width) + "\n\n"

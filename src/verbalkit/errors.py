"""Exceptions verbalkit raises on purpose; all derive from :class:`VerbalkitError`."""

from __future__ import annotations

from pathlib import Path


class VerbalkitError(Exception):
    """Base of every error verbalkit raises on purpose."""


class InputError(VerbalkitError):
    """A file (or other input) could not be used; the message names it and the problem."""

    def __init__(self, path: Path | str, problem: str, where: str | None = None) -> None:
        self.path = Path(path) if not isinstance(path, Path) else path
        self.problem = problem
        self.where = where
        loc = f"{path}:{where}" if where else str(path)
        super().__init__(f"{loc}: {problem}")


class TranscriptError(InputError):
    """A transcript is unreadable or invalid."""


class RulePackError(InputError):
    """A rule pack file is invalid."""


class LabelFileError(InputError):
    """A labelled evaluation file is invalid."""


class UnsupportedLanguageError(VerbalkitError):
    """The text is in a language verbalkit has no rule pack for."""

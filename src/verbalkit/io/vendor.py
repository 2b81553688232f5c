"""Helpers shared by the readers of vendors' JSON (AssemblyAI, Deepgram, Genesys...).

Every helper raises a :class:`~verbalkit.errors.TranscriptError` naming the file and the field
(``results.utterances[3].start``), so a vendor reader stays a description of its shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from verbalkit.io.jsonfmt import type_name
from verbalkit.io.raw import RawUtterance, parse_time, units_problem
from verbalkit.io.registry import JsonDoc


def objects(value: Any, doc: JsonDoc, place: str) -> list[dict[str, Any]]:
    """A list of objects at ``place``.

    Raises:
        TranscriptError: When it is missing, not a list, or holds something else than objects.
    """
    if value is None:
        raise doc.error("missing", place)
    if not isinstance(value, list):
        raise doc.error(f"expected a list, found {type_name(value)}", place)
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise doc.error(f"expected an object, found {type_name(item)}", f"{place}[{i}]")
    return value


def document(data: Any, doc: JsonDoc, title: str, needs: str) -> dict[str, Any]:
    """The value as a vendor's JSON object (a format given with ``format=`` may not fit).

    Raises:
        TranscriptError: For a value that is not an object.
    """
    if not isinstance(data, dict):
        raise doc.error(
            f"not {title} output: expected an object with {needs}, found {type_name(data)}"
        )
    return data


def section(data: dict[str, Any], key: str, doc: JsonDoc, title: str, needs: str) -> dict[str, Any]:
    """An object inside the document (``results`` of Deepgram).

    Raises:
        TranscriptError: When it is missing or not an object.
    """
    value = data.get(key)
    if not isinstance(value, dict):
        found = "missing" if value is None else type_name(value)
        raise doc.error(f"not {title} output: expected {needs}; {key} is {found}", key)
    return value


def seconds(value: Any, doc: JsonDoc, place: str, *, per_second: int = 1) -> float | None:
    """A time in seconds from a number (or numeric string) in the vendor's unit.

    Args:
        value: The time as written.
        doc: The document, for messages and limits.
        place: The field, for messages.
        per_second: Units of the source in a second (1000 for milliseconds); dividing keeps
            ``5600`` ms exactly ``5.6`` s.

    Raises:
        TranscriptError: When the value is not a finite time.
    """
    try:
        found = parse_time(value, max_digits=doc.opts.limits.max_number_digits)
    except ValueError as err:
        raise doc.error(str(err), place) from err
    return None if found is None else found / per_second


def milliseconds(value: Any, doc: JsonDoc, place: str) -> float | None:
    """Seconds from milliseconds: a number, or an object ``{"milliseconds": n}`` (Genesys)."""
    if isinstance(value, dict):
        inner = value.get("milliseconds", value.get("ms"))
        return seconds(inner, doc, f"{place}.milliseconds", per_second=1000)
    return seconds(value, doc, place, per_second=1000)


def text(item: dict[str, Any], keys: Sequence[str], doc: JsonDoc, place: str) -> str:
    """The text of an utterance from the first of ``keys`` present; ``null`` is empty text.

    Raises:
        TranscriptError: When none of the keys is there (a broken export, not silence), or
            the value is not a string.
    """
    for key in keys:
        if key in item:
            value = item[key]
            if value is None:
                return ""
            if not isinstance(value, str):
                raise doc.error(f"expected a string, found {type_name(value)}", f"{place}.{key}")
            return value
    raise doc.error("missing: every utterance needs its text", f"{place}.{keys[0]}")


def label(value: Any, doc: JsonDoc, place: str) -> str | None:
    """A speaker label (a name or a number) as a string; None when there is none.

    Raises:
        TranscriptError: For a label that is neither a name nor a number.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise doc.error(f"expected a name or a number, found {type_name(value)}", place)
    return str(value).strip()


def check_units(utterances: Sequence[RawUtterance], unit: str, source: str, doc: JsonDoc) -> None:
    """Refuse a call whose times look like the wrong unit (milliseconds read as seconds, or
    the other way round).

    Raises:
        TranscriptError: Naming the file, the unit expected and what was found.
    """
    problem = units_problem(utterances, unit, source)
    if problem:
        raise doc.error(problem)


def opt_str(value: Any) -> str | None:
    """A string field, None when missing or empty."""
    return None if value in (None, "") else str(value)

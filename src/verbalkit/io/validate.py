"""Transcript-level checks, and pydantic errors turned into lines a person understands.

Every problem names a place (``utterances[3].end``) and says what is wrong in plain words:
``calls/0042.json:utterances[3].end: ends at 12 s, before it starts (14.5 s)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from verbalkit.io.raw import RawCall
from verbalkit.vocab import Role

#: Warnings of one kind shown per call before "... and N more".
MAX_PER_KIND = 3


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: where it is (None: the whole call), what it is, and which utterance."""

    where: str | None
    message: str
    index: int | None = None

    def line(self, path: str | None = None) -> str:
        """``path:where: message`` (parts that are None are left out)."""
        loc = ":".join(p for p in (path, self.where) if p)
        return f"{loc}: {self.message}" if loc else self.message


def problems_from_validation_error(err: ValidationError) -> list[Problem]:
    """Flatten a pydantic ValidationError into problems with readable locations.

    ``("utterances", 3, "start")`` becomes ``utterances[3].start``. Model-level errors of an
    utterance (its time checks) are placed on the field they are about.
    """
    problems = []
    for item in err.errors():
        loc = item["loc"]
        message = str(item["msg"]).removeprefix("Value error, ")
        where = ""
        index: int | None = None
        for part in loc:
            if isinstance(part, int):
                where += f"[{part}]"
                if where.startswith("utterances["):
                    index = part if index is None else index
            else:
                where += f".{part}" if where else str(part)
        if where.startswith("utterances[") and where.endswith("]"):
            field = _field_of(message)
            if field:
                where += f".{field}"
        if item["type"] == "extra_forbidden":
            message = "unknown field"
        elif item["type"] == "missing":
            message = "missing"
        elif item["type"] not in ("value_error", "assertion_error") and "input" in item:
            shown = repr(item["input"])
            message += f" (found {shown[:60]}{'…' if len(shown) > 60 else ''})"
        problems.append(Problem(where or None, message, index))
    return problems


def validation_error_lines(err: ValidationError, path: str | None = None) -> list[str]:
    """A ValidationError as ``path:where: message`` lines, one per problem.

    >>> from verbalkit.schema import Utterance
    >>> try:
    ...     Utterance(speaker="agent", start=14.5, end=12.0, text="Hej")
    ... except ValidationError as err:
    ...     print(validation_error_lines(err, "calls/0042.json")[0])
    calls/0042.json: ends at 12 s, before it starts (14.5 s)
    """
    return [problem.line(path) for problem in problems_from_validation_error(err)]


def _field_of(message: str) -> str | None:
    if message.startswith(("ends at", "end ")):
        return "end"
    if message.startswith("start "):
        return "start"
    return None


def check_times(raw: RawCall) -> list[Problem]:
    """Errors in the times: negative, end before start, or only some utterances timed."""
    errors: list[Problem] = []
    timed = [u.start is not None for u in raw.utterances]
    n_timed = sum(timed)
    if 0 < n_timed < len(timed):
        missing = timed.index(False) if n_timed > len(timed) / 2 else timed.index(True)
        if timed[missing]:
            message = (
                f"has a time but {len(timed) - n_timed} of {len(timed)} utterances have none: "
                "give every utterance a start time, or none"
            )
        else:
            message = (
                f"has no start time but {n_timed} of {len(timed)} utterances have one: "
                "give every utterance a start time, or none"
            )
        errors.append(Problem(raw.utterance_where(missing, "start"), message, missing))
    for i, u in enumerate(raw.utterances):
        if u.start is not None and u.start < 0:
            errors.append(
                Problem(
                    raw.utterance_where(i, "start"), f"starts at {u.start:g} s, a negative time", i
                )
            )
        if u.end is not None and u.end < 0:
            errors.append(
                Problem(raw.utterance_where(i, "end"), f"ends at {u.end:g} s, a negative time", i)
            )
        elif u.start is not None and u.end is not None and u.end < u.start:
            errors.append(
                Problem(
                    raw.utterance_where(i, "end"),
                    f"ends at {u.end:g} s, before it starts ({u.start:g} s)",
                    i,
                )
            )
    return errors


def check_turns(raw: RawCall, roles: Sequence[Role]) -> tuple[list[Problem], list[Problem]]:
    """Errors (no agent turns) and warnings (empty texts, unsorted or overlapping times)."""
    errors: list[Problem] = []
    if Role.AGENT not in roles:
        labels = ", ".join(dict.fromkeys(repr(u.label) for u in raw.utterances))
        errors.append(
            Problem(
                raw.where,
                f"no agent turns (speakers: {labels}): check the speaker mapping (--agent-speaker)",
            )
        )
    warnings: list[Problem] = []
    if Role.CUSTOMER not in roles and not errors:
        warnings.append(Problem(raw.where, "no customer turns: check the speaker mapping"))
    empty = [i for i, u in enumerate(raw.utterances) if not u.text.strip()]
    warnings += _capped(raw, empty, "text", lambda i: "empty text")
    unsorted: list[int] = []
    overlaps: list[tuple[int, int]] = []
    last_start: float | None = None
    last_by_label: dict[str, int] = {}
    for i, u in enumerate(raw.utterances):
        if u.start is None:
            continue
        if last_start is not None and u.start < last_start:
            unsorted.append(i)
        last_start = u.start if last_start is None else max(last_start, u.start)
        previous = last_by_label.get(u.label)
        if previous is not None:
            prev_end = raw.utterances[previous].end
            if prev_end is not None and u.start < prev_end - 0.01:
                overlaps.append((i, previous))
        last_by_label[u.label] = i
    warnings += _capped(
        raw,
        unsorted,
        "start",
        lambda i: (
            f"starts at {raw.utterances[i].start:g} s, before an earlier utterance "
            "(order kept as given)"
        ),
    )
    prev_of = dict(overlaps)
    warnings += _capped(
        raw,
        [i for i, _ in overlaps],
        "start",
        lambda i: (
            f"{raw.utterances[i].label!r} starts at {raw.utterances[i].start:g} s while "
            f"their previous turn (utterances[{prev_of[i]}]) runs until "
            f"{raw.utterances[prev_of[i]].end:g} s"
        ),
    )
    return errors, warnings


def _capped(
    raw: RawCall, indexes: list[int], field: str, describe: Callable[[int], str]
) -> list[Problem]:
    shown = [Problem(raw.utterance_where(i, field), describe(i), i) for i in indexes[:MAX_PER_KIND]]
    if len(indexes) > MAX_PER_KIND:
        more = len(indexes) - MAX_PER_KIND
        last = shown[-1]
        shown[-1] = Problem(last.where, f"{last.message} (and {more} more like it)", last.index)
    return shown

"""A call as readable text: who said what, with its tags, metrics and patterns.

Used by ``verbalkit analyze``. :func:`render_call` is pure: it returns a string and
prints nothing.
"""

from __future__ import annotations

import textwrap

from verbalkit.schema import AnalysedCall, AnalysedUtterance, Metric, PatternEvent, Tag
from verbalkit.vocab import Behaviour, Pattern

#: An utterance longer than this many wrapped lines is cut, ending in "…".
MAX_TEXT_LINES = 6
#: Below this the text column is not made narrower, even for a small ``width``.
MIN_TEXT_WIDTH = 24

_SPEAKER_WIDTH = len("customer")
_METRIC_NAME_WIDTH = 24
# Tags that start together are listed in the spec's order (DOMAIN.md).
_RANK = {b.value: i for i, b in enumerate(Behaviour)}
# textwrap only breaks at ASCII whitespace, so this keeps two words on one line.
_GLUE = "\u00a0"


def render_call(call: AnalysedCall, *, width: int = 100) -> str:
    """Render one analysed call as text: header, timeline, metrics, patterns.

    Each utterance is one entry: its time ("mm:ss", or "#index" without timestamps),
    the speaker, the text (wrapped to ``width``; very long turns are cut with "…") and
    its tags in brackets (jargon with its term). Interruptions, premature solutions
    and give-aways are marked under the agent turn they concern; a long monologue is
    marked where it starts.

    Args:
        call: An analysed call (see :func:`verbalkit.patterns.detect`).
        width: Maximum line width in characters (at least 44 is used).

    Returns:
        The text, ending with a newline.

    >>> from verbalkit.schema import AnalysedCall, AnalysedUtterance
    >>> call = AnalysedCall(call_id="demo", language="sv", has_timestamps=False,
    ...     utterances=[AnalysedUtterance(index=0, speaker="agent", text="Hej!")])
    >>> print(render_call(call).splitlines()[0])
    Call demo · language sv · timestamps: no · 1 utterance
    """
    width = max(width, MIN_TEXT_WIDTH + 20)
    timed = bool(call.utterances) and all(u.start is not None for u in call.utterances)
    ordered = (
        sorted(call.utterances, key=lambda u: u.start or 0.0) if timed else list(call.utterances)
    )
    stamps = {u.index: _stamp(u, timed) for u in ordered}
    stamp_width = max((len(s) for s in stamps.values()), default=5)
    indent = " " * (stamp_width + 2 + _SPEAKER_WIDTH + 2)
    text_width = max(width - len(indent), MIN_TEXT_WIDTH)

    marks_before, marks_after = _marks(call.events)
    out: list[str] = [_header(call, timed, width)]
    for w in call.warnings:
        out += textwrap.wrap(
            w, width, initial_indent="  ! ", subsequent_indent="    ", break_on_hyphens=False
        )
    out.append("")

    mark_indent = " " * (stamp_width + 2)
    for u in ordered:
        for mark in marks_before.get(u.index, []):
            out += _wrap(mark, width - len(mark_indent), mark_indent)
        head = f"{stamps[u.index]:<{stamp_width}}  {u.speaker.value:<{_SPEAKER_WIDTH}}  "
        lines = _text_lines(u.text, text_width)
        tags = _tag_text(u.tags)
        if tags and len(lines[-1]) + 1 + len(tags) <= text_width:
            lines[-1] = f"{lines[-1]} {tags}".strip()
        elif tags:
            lines += textwrap.wrap(tags, text_width, break_on_hyphens=False)
        out.append(head + lines[0])
        out += [indent + line for line in lines[1:]]
        for mark in marks_after.get(u.index, []):
            out += _wrap(mark, text_width, indent)

    out += ["", "Metrics"]
    if call.metrics:
        out += [_metric_line(m, width) for m in call.metrics]
    else:
        out.append("  (none)")
    out += ["", f"Patterns ({len(call.events)})"]
    if not call.events:
        out.append("  none found")
    for e in call.events:
        where = _event_where(e, stamps)
        lead = f"  {where:<{stamp_width}}  {e.pattern:<18}  "
        body = textwrap.wrap(e.message, max(width - len(lead), 12)) or [""]
        out.append(lead + body[0])
        out += [" " * len(lead) + line for line in body[1:]]
    return "\n".join(line.rstrip() for line in out) + "\n"


def _header(call: AnalysedCall, timed: bool, width: int) -> str:
    parts = [f"Call {call.call_id}"]
    if call.agent_id:
        parts.append(f"agent {call.agent_id}" + (f" ({call.team})" if call.team else ""))
    parts.append(f"language {call.language}")
    parts.append(f"timestamps: {'yes' if timed else 'no'}")
    n = len(call.utterances)
    parts.append(f"{n} utterance{'s' if n != 1 else ''}")
    if timed:
        ends = [u.end if u.end is not None else u.start for u in call.utterances]
        starts = [u.start for u in call.utterances if u.start is not None]
        length = max(e for e in ends if e is not None) - min(starts)
        parts.append(_clock(length))
    return textwrap.shorten(" · ".join(parts), width, placeholder=" …")


def _stamp(u: AnalysedUtterance, timed: bool) -> str:
    if timed and u.start is not None:
        return _clock(u.start)
    return f"#{u.index}"


def _clock(seconds: float) -> str:
    total = int(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def _text_lines(text: str, text_width: int) -> list[str]:
    # Keep a lone mark ("–", "…") on its word's line: glue it with a no-break space.
    words = text.split()
    glued: list[str] = []
    for w in words:
        if glued and not any(ch.isalnum() for ch in w):
            glued[-1] += _GLUE + w
        else:
            glued.append(w)
    lines = textwrap.wrap(" ".join(glued), text_width, break_on_hyphens=False) or [""]
    if len(lines) > MAX_TEXT_LINES:
        lines = lines[:MAX_TEXT_LINES]
        last = lines[-1].split(" ")
        while len(last) > 1 and len(" ".join(last)) + 2 > text_width:
            last.pop()
        lines[-1] = " ".join(last) + " …"
    return [line.replace(_GLUE, " ") for line in lines]


def _tag_text(tags: list[Tag]) -> str:
    if not tags:
        return ""
    names: list[str] = []
    for t in sorted(tags, key=lambda t: (t.start, _RANK.get(t.label, len(_RANK)))):
        if t.label == Behaviour.JARGON.value:
            names.append(f'jargon "{t.text}"')
        elif t.label not in names:
            names.append(t.label)
    return "[" + ", ".join(names) + "]"


def _wrap(text: str, text_width: int, indent: str) -> list[str]:
    return [
        indent + line
        for line in textwrap.wrap(text, text_width, subsequent_indent="  ", break_on_hyphens=False)
    ]


def _marks(events: list[PatternEvent]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Marks shown before (monologue starts) and after (the rest) an utterance."""
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    for e in events:
        d = e.details
        if e.pattern == Pattern.INTERRUPTION.value and len(e.utterances) >= 2:
            overlap = d.get("overlap_s")
            what = (
                f"overlap {overlap:.1f} s"
                if isinstance(overlap, (int, float)) and overlap > 0
                else "turn cut off"
            )
            after.setdefault(e.utterances[-1], []).append(
                f"⚡ interrupts customer #{e.utterances[0]} ({what})"
            )
        elif e.pattern == Pattern.LONG_MONOLOGUE.value and e.utterances:
            seconds, words = d.get("seconds"), d.get("words")
            size = f"{seconds:.1f} s, " if isinstance(seconds, (int, float)) else ""
            before.setdefault(e.utterances[0], []).append(
                f"▶ long monologue starts: {size}{words} words"
            )
        elif e.pattern == Pattern.PREMATURE_SOLUTION.value and len(e.utterances) >= 2:
            after.setdefault(e.utterances[-1], []).append(
                f"⏩ premature solution: no listening after the problem in #{e.utterances[0]}"
            )
        elif e.pattern == Pattern.GIVE_AWAY.value and e.utterances:
            at = d.get("first_move_utterance")
            target = at if isinstance(at, int) else e.utterances[-1]
            after.setdefault(target, []).append(f"🎁 give-away: {e.message}")
    return before, after


def _event_where(e: PatternEvent, stamps: dict[int, str]) -> str:
    if e.start is not None:
        return _clock(e.start)
    if e.utterances:
        idx = e.utterances[-1] if e.pattern != Pattern.LONG_MONOLOGUE.value else e.utterances[0]
        return stamps.get(idx, f"#{idx}")
    return ""


def _metric_line(m: Metric, width: int) -> str:
    if m.value is None:
        value, basis = "–", f"(not available: needs {m.basis})"
    elif float(m.value).is_integer() and (m.name.startswith("n_") or m.name.endswith("_words")):
        value, basis = f"{int(m.value)}", m.basis
    else:
        value, basis = f"{m.value:.2f}", m.basis
    line = f"  {m.name:<{_METRIC_NAME_WIDTH}}  {value:>8}  {basis}"
    return line if len(line) <= width else line[: width - 1] + "…"

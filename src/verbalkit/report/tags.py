"""Plain-text rendering of the tags on one utterance (``verbalkit tag``)."""

from __future__ import annotations

from verbalkit.schema import Tag


def render_tags(text: str, tags: list[Tag]) -> str:
    """One line per tag: label, the evidence in quotes, rule and confidence."""
    if not tags:
        return f"{text}\n  (no behaviour found)"
    width = max(len(t.label) for t in tags)
    lines = [text]
    for t in tags:
        line = f"  {t.label:<{width}}  {t.text!r:<40} {t.rule}  ({t.confidence:.2f})"
        if t.suggestion:
            line += f"  → say: {t.suggestion}"
        lines.append(line)
    return "\n".join(lines)

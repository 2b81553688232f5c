"""Helpers the privacy round tests share: what is masked, and whether a value is covered."""

from __future__ import annotations

from verbalkit import find_personal_data


def of_kind(text: str, lang: str, kind: str) -> list[str]:
    """The texts found as ``kind`` in ``text``."""
    return [p.text for p in find_personal_data(text, lang) if p.kind == kind]


def masked(text: str, lang: str) -> list[tuple[str, str]]:
    """``(kind, text)`` of every mask in ``text``."""
    return [(p.kind, text[p.start : p.end]) for p in find_personal_data(text, lang)]


def covered(text: str, lang: str, value: str, kind: str | None = None) -> bool:
    """Is every letter and digit of ``value`` (in ``text``) under some mask (of ``kind``,
    when given)?"""
    start = text.index(value)
    spans = [
        (p.start, p.end) for p in find_personal_data(text, lang) if kind is None or p.kind == kind
    ]
    return all(
        any(s <= i < e for s, e in spans)
        for i in range(start, start + len(value))
        if text[i].isalnum()
    )

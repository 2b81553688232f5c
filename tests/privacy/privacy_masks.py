"""Helpers the privacy round tests share: what is masked, and whether a value is covered."""

from __future__ import annotations

from verbalkit import find_personal_data


def of_kind(text: str, lang: str, kind: str) -> list[str]:
    """The texts found as ``kind`` in ``text``."""
    return [p.text for p in find_personal_data(text, lang) if p.kind == kind]


def covered(text: str, lang: str, value: str) -> bool:
    """Is every letter and digit of ``value`` (in ``text``) under some mask?"""
    start = text.index(value)
    spans = [(p.start, p.end) for p in find_personal_data(text, lang)]
    return all(
        any(s <= i < e for s, e in spans)
        for i in range(start, start + len(value))
        if text[i].isalnum()
    )

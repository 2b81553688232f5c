"""Whole calls written as (speaker, text) turns, analysed through the real tagger: the
helpers the call-level pattern tests share."""

from __future__ import annotations

import verbalkit
from verbalkit.schema import AnalysedCall

Turns = list[tuple[str, str]]


def analysed(lang: str, turns: Turns) -> AnalysedCall:
    """The analysed call of ``turns`` in ``lang``."""
    call = verbalkit.Transcript(
        call_id="turns",
        language=lang,
        utterances=[verbalkit.Utterance(speaker=s, text=t) for s, t in turns],
    )
    return verbalkit.analyze(call)


def patterns(lang: str, turns: Turns) -> set[str]:
    """The call-level patterns found in ``turns``."""
    return {e.pattern for e in analysed(lang, turns).events}

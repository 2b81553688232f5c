"""A scorecard as a readable table (``verbalkit scorecard show``)."""

from __future__ import annotations

import textwrap

from verbalkit.scoring.scorecard import Condition, Scorecard

_WORDS = {
    "sv": {
        "stage": "steg",
        "weight": "vikt",
        "share": "andel",
        "applies": "gäller när",
        "always": "alltid",
        "customer": "kunden visar",
        "agent": "agenten använder",
        "timed": "tidsstämplar",
        "untimed": "inga tidsstämplar",
        "or": "eller",
        "indicator": "indikator",
        "reads": "läser",
        "scorecard": "Bedömningsmall",
    },
    "en": {
        "stage": "stage",
        "weight": "weight",
        "share": "share",
        "applies": "applies when",
        "always": "always",
        "customer": "customer shows",
        "agent": "agent uses",
        "timed": "timestamps",
        "untimed": "no timestamps",
        "or": "or",
        "indicator": "indicator",
        "reads": "reads",
        "scorecard": "Scorecard",
    },
}


def _condition(cond: Condition | None, w: dict[str, str]) -> str:
    if cond is None:
        return w["always"]
    parts = []
    if cond.customer:
        parts.append(f"{w['customer']} " + f" {w['or']} ".join(s.value for s in cond.customer))
    if cond.agent:
        parts.append(f"{w['agent']} " + f" {w['or']} ".join(b.value for b in cond.agent))
    if cond.timestamps is not None:
        parts.append(w["timed"] if cond.timestamps else w["untimed"])
    return "; ".join(parts)


def render_scorecard(card: Scorecard, lang: str = "en", width: int = 100) -> str:
    """The stages in order, each with its weight, share of the overall score, when it
    applies and its indicators (what each reads, how it is judged, its weight)."""
    w = _WORDS.get(lang, _WORDS["en"])
    total = sum(s.weight for s in card.stages)
    lines = [f"{w['scorecard']} {card.label}" + (f" ({card.source})" if card.source else "")]
    lines += textwrap.wrap(card.description.get(lang), width)
    lines.append("")
    for n, stage in enumerate(card.stages, 1):
        share = 100.0 * stage.weight / total
        lines.append(
            f"{n}. {stage.name.get(lang)} [{stage.id}]  {w['weight']} {stage.weight:g} "
            f"({w['share']} {share:.0f} %)  {w['applies']}: {_condition(stage.applies, w)}"
        )
        lines += textwrap.wrap(
            stage.description.get(lang), width, initial_indent="   ", subsequent_indent="   "
        )
        ind_total = sum(i.weight for i in stage.indicators)
        for ind in stage.indicators:
            applies = (
                "" if ind.applies is None else f"; {w['applies']}: {_condition(ind.applies, w)}"
            )
            lines.append(
                f"   - {ind.name.get(lang)} [{ind.id}]: {ind.describe(lang)}; "
                f"{w['weight']} {ind.weight:g} ({100.0 * ind.weight / ind_total:.0f} %){applies}"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

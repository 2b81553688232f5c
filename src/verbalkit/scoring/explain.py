"""Why a call scored what it did, as text a coach reads ("why 42?")."""

from __future__ import annotations

from verbalkit.scoring.models import IndicatorResult, ScoredCall

_HEAD = {
    "sv": ("Totalt", "ej tillämplig", "kostade", "poäng", "värde", "inga avdrag"),
    "en": ("Overall", "not applicable", "cost", "points", "value", "nothing lost"),
}


def _value(r: IndicatorResult, lang: str) -> str:
    if r.value is None:
        return "–"
    if r.measure == "present":
        yes, no = ("ja", "nej") if lang == "sv" else ("yes", "no")
        return yes if r.value else no
    return f"{r.value:g}"


def explain(scored: ScoredCall) -> str:
    """Each stage's score and weight, and each indicator's value and the points it cost.

    Points are out of the stage's 100 (and, in brackets, of the overall 100), so a coach
    can follow how 100 became the score.
    """
    total, na, cost, points, value, clean = _HEAD.get(scored.language, _HEAD["en"])
    overall = "–" if scored.overall is None else f"{scored.overall:.1f}"
    lines = [f"{total}: {overall} / 100 ({scored.scorecard})"]
    for stage in scored.stages:
        if not stage.applicable:
            lines.append(f"  {stage.name}: {na} ({stage.reason})")
            continue
        lines.append(
            f"  {stage.name}: {stage.score:.1f} (×{stage.weight:g}; {cost} "
            f"{stage.overall_points:.1f} {points})"
        )
        lost = [r for r in stage.indicators if r.applicable and r.stage_points > 0]
        for r in stage.indicators:
            if not r.applicable:
                lines.append(f"    - {r.name}: {na} ({r.reason})")
            elif r.stage_points > 0:
                lines.append(
                    f"    - {r.name}: {value} {_value(r, scored.language)} → −{r.stage_points:.1f} "
                    f"(−{r.overall_points:.1f} {points})"
                )
        if not lost:
            lines.append(f"    ({clean})")
    return "\n".join(lines)

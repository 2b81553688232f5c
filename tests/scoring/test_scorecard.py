"""Scorecards are data: the schema, its error messages, and the default LUSTFULL card."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from verbalkit.scoring.scorecard import (
    Indicator,
    ScorecardError,
    load_scorecard,
    parse_scorecard,
)

MINIMAL = """
name: acme
version: 2
description: {sv: "Acmes kort", en: "Acme's card"}
stages:
  - id: listen
    name: {sv: Lyssna, en: Listen}
    description: {sv: "Lyssna först.", en: "Listen first."}
    weight: 2
    indicators:
      - id: open
        name: {sv: "Öppen fråga", en: "Open question"}
        behaviour: open_question
        direction: for
        target: 1
        weight: 1
  - id: fair
    name: {sv: Rättvist, en: Fair}
    description: {sv: "Inga krav.", en: "No demands."}
    weight: 1
    indicators:
      - id: no_demands
        name: {sv: "Inga krav", en: "No demands"}
        behaviour: demanding
        measure: count
        direction: against
        limit: 2
        weight: 0.5
"""


def _broken(path: Path, edit: str, value: object) -> str:
    """Write MINIMAL with one key changed (``stages.0.indicators.0.weight``) and load it."""
    data = yaml.safe_load(MINIMAL)
    node = data
    *parents, last = edit.split(".")
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    if value is _DELETE:
        del node[last]
    else:
        node[int(last) if last.isdigit() else last] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ScorecardError) as err:
        load_scorecard(path)
    return str(err.value)


_DELETE = object()


def test_minimal_scorecard_loads_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    card = load_scorecard(path)
    assert card.label == "acme@2"
    assert card.source == str(path)
    ind = card.stage("fair").indicators[0]
    assert ind.source == ("behaviour", "demanding")
    assert ind.how == "count"
    assert card.stage("listen").indicators[0].how == "present"


@pytest.mark.parametrize(
    ("edit", "value", "expected"),
    [
        ("stages.1.indicators.0.weight", 0, "stages[1].indicators[0].weight: must be > 0"),
        ("stages.0.weight", -1, "stages[0].weight: must be > 0"),
        ("stages.0.indicators.0.behaviour", "smiling", "stages[0].indicators[0].behaviour:"),
        ("stages.0.indicators.0.direction", "sideways", "stages[0].indicators[0].direction:"),
        ("stages.0.indicators.0.target", _DELETE, "direction for needs a target > 0"),
        ("stages.1.indicators.0.limit", _DELETE, "direction against needs a limit"),
        ("stages.0.indicators.0.wieght", 1, "stages[0].indicators[0].wieght: unknown key"),
        ("stages.0.name", _DELETE, "stages[0].name: missing"),
        ("stages.0.name.en", _DELETE, "stages[0].name.en: missing"),
        ("stages.1.id", "listen", "stage id 'listen' is used twice"),
        ("stages.0.indicators.0.measure", "value", "measure 'value' does not go with behaviour"),
        ("stages.0.applies", {"customer": ["joy"]}, "stages[0].applies.customer[0]:"),
        ("stages.0.applies", {}, "give at least one of customer, agent, timestamps"),
        ("stages", [], "stages: must not be empty"),
    ],
)
def test_schema_errors_name_file_key_and_reason(
    tmp_path: Path, edit: str, value: object, expected: str
) -> None:
    path = tmp_path / "acme.yaml"
    message = _broken(path, edit, value)
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert "Traceback" not in message and "pydantic" not in message


def test_indicator_needs_exactly_one_source(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    message = _broken(path, "stages.0.indicators.0.pattern", "give_away")
    assert "stages[0].indicators[0]: give exactly one of behaviour, pattern, metric" in message


def test_band_needs_tolerance_and_order(tmp_path: Path) -> None:
    data = yaml.safe_load(MINIMAL)
    ind = data["stages"][0]["indicators"][0]
    for key in ("behaviour", "direction", "target"):
        del ind[key]
    ind.update(metric="agent_talk_share", band=[0.7, 0.3], tolerance=0.2)
    path = tmp_path / "band.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ScorecardError, match=r"band: low 0.7 is above high 0.3"):
        load_scorecard(path)
    ind.update(band=[0.3, 0.6])
    del ind["tolerance"]
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ScorecardError, match=r"a band needs a tolerance"):
        load_scorecard(path)
    ind.update(metric="talk_ratio", tolerance=0.2)
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ScorecardError, match=r"unknown metric 'talk_ratio'"):
        load_scorecard(path)


def test_file_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(ScorecardError, match=r"missing\.yaml: no such file"):
        load_scorecard(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ScorecardError, match=r"bad\.yaml: line \d+: not valid YAML"):
        load_scorecard(bad)
    listy = tmp_path / "list.yaml"
    listy.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(ScorecardError, match="expected a mapping"):
        load_scorecard(listy)
    with pytest.raises(ScorecardError, match="is a folder"):
        load_scorecard(tmp_path)


@pytest.mark.parametrize(
    ("spec", "values"),
    [
        ({"direction": "for", "target": 2}, {0: 0.0, 1: 0.5, 2: 1.0, 5: 1.0}),
        ({"direction": "against", "limit": 3}, {0: 1.0, 1: 2 / 3, 3: 0.0, 9: 0.0}),
        ({"direction": "against", "target": 1, "limit": 3}, {1: 1.0, 2: 0.5, 3: 0.0}),
        ({"band": (0.3, 0.6), "tolerance": 0.2}, {0.45: 1.0, 0.7: 0.5, 0.1: 0.0, 0.9: 0.0}),
    ],
)
def test_judge(spec: dict[str, object], values: dict[float, float]) -> None:
    source = {"metric": "agent_talk_share"} if "band" in spec else {"behaviour": "jargon"}
    ind = Indicator.model_validate(
        {"id": "x", "name": {"sv": "x", "en": "x"}, "weight": 1, **source, **spec}
    )
    for value, expected in values.items():
        assert ind.judge(value) == pytest.approx(expected)


def test_default_scorecard_follows_lustfull() -> None:
    card = load_scorecard()
    assert [s.id for s in card.stages] == [
        "lyssna",
        "uttryck",
        "sympatisera",
        "tacka",
        "finn_losningar",
        "utveckla_losning",
        "vinna_vinna",
        "folj_upp",
    ]
    reads = {s.id: {i.source for i in s.indicators} for s in card.stages}
    # Over-talking against Lyssna; premature solution against every feelings-first stage;
    # give-away, demanding and blaming against win-win; jargon against Uttryck.
    assert {("pattern", "interruption"), ("pattern", "long_monologue")} <= reads["lyssna"]
    for stage in ("lyssna", "uttryck", "sympatisera"):
        assert ("pattern", "premature_solution") in reads[stage]
    assert {
        ("pattern", "give_away"),
        ("behaviour", "demanding"),
        ("behaviour", "blaming"),
    } <= reads["vinna_vinna"]
    assert ("behaviour", "jargon") in reads["uttryck"]
    against = {i.source for s in card.stages for i in s.indicators if i.direction == "against"}
    assert ("pattern", "premature_solution") in against
    # Sympathy is not applicable when the customer showed neither emotion nor a problem.
    assert card.stage("sympatisera").applies is not None
    # Both languages everywhere, and they differ (written, not copied).
    for stage in card.stages:
        assert stage.name.sv and stage.name.en
        assert stage.description.sv != stage.description.en
        for ind in stage.indicators:
            assert ind.name.sv != ind.name.en


def test_default_scorecard_comments_every_stage() -> None:
    from importlib import resources

    text = resources.files("verbalkit.scoring").joinpath("lustfull.yaml").read_text()
    blocks = text.split("\n  - id: ")[1:]
    assert len(blocks) == 8
    for block in blocks:
        assert "#" in block, f"stage {block.split()[0]} has no comment saying why"


def test_parse_scorecard_names_the_source() -> None:
    with pytest.raises(ScorecardError, match=r"^inline\.yaml: "):
        parse_scorecard("name: x\n", "inline.yaml")

"""The trained component: features, training by cross-validation, and tags with evidence."""

from __future__ import annotations

import json

import numpy as np
import pytest

import verbalkit
from verbalkit.pipeline import model as model_mod
from verbalkit.pipeline.components import behaviours  # before any test patches model_mod
from verbalkit.pipeline.model import TaggerModel, disabled, features, load_model, sentences
from verbalkit.pipeline.train import Row, fit, train_behaviour


def test_features_are_the_same_for_the_same_text() -> None:
    a = features("So the parcel never came?", "My parcel never came", ["closed_question"])
    assert a == features("So the parcel never came?", "My parcel never came", ["closed_question"])
    assert {"q", "q_end", "r:closed_question", "f:so", "b:parcel_never"} <= set(a)
    assert "ov:2+" in a  # "parcel", "never", "came" are shared with the customer's turn
    assert "no_prev" in features("Hello", None, []) and "r:none" in features("Hello", None, [])


def test_sentences_split_on_end_marks() -> None:
    text = "I can see that. We'll send a new one today! Okay?"
    assert [text[s:e] for s, e in sentences(text)] == [
        "I can see that.",
        "We'll send a new one today!",
        "Okay?",
    ]


def test_fit_learns_a_word_that_predicts_the_label() -> None:
    rows = [["w:refund", "r:none"]] * 20 + [["w:hello", "r:none"]] * 20
    y = np.array([1] * 20 + [0] * 20)
    weights, bias = fit(rows, y)
    assert weights["w:refund"] > 1.0 > -1.0 > weights["w:hello"]
    assert fit(rows, y) == (weights, bias)  # deterministic


def _rows(n: int, cue: str, positive: bool, rules: bool) -> list[Row]:
    return [
        Row(
            id=f"{cue}-{i}",
            source="synthetic.csv",
            text=f"{cue} number {i}",
            prev="",
            gold={"solution": int(positive)},
            rules={"solution"} if rules else set(),
            feats=features(f"{cue} {i}", None, {"solution"} if rules else set()),
        )
        for i in range(n)
    ]


def test_a_model_is_kept_only_when_it_beats_the_rules_on_held_back_rows() -> None:
    # The rules find "reset" but miss "reboot"; the model can learn "reboot" from the folds.
    rows = (
        _rows(30, "reset", True, True)
        + _rows(30, "reboot", True, False)
        + _rows(60, "weather", False, False)
    )
    log: list[str] = []
    kept = train_behaviour(rows, "solution", log)
    assert kept is not None, log
    assert kept.cv["combined_f1"] > kept.cv["rules_f1"] + 0.1
    # When the rules already find everything, the model adds nothing and is not kept.
    perfect = _rows(60, "reset", True, True) + _rows(60, "weather", False, False)
    assert train_behaviour(perfect, "solution", []) is None


def test_a_model_that_floods_unseen_text_is_not_kept() -> None:
    rows = (
        _rows(30, "reset", True, True)
        + _rows(30, "reboot", True, False)
        + _rows(60, "weather", False, False)
    )
    # On the guard rows "reboot" means nothing: every tag the model would add there is wrong.
    guard = _rows(40, "reboot", False, False) + _rows(3, "reset", True, True)
    log: list[str] = []
    assert train_behaviour(rows, "solution", log, guard) is None
    assert "not trained on" in log[-1]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_shipped_models_are_valid_and_beat_the_rules_in_cross_validation(lang: str) -> None:
    path = model_mod.model_path(lang)
    if not path.is_file():
        pytest.skip(f"no trained component for {lang}")
    tagger = TaggerModel.model_validate(json.loads(path.read_text("utf-8")))
    assert tagger.language == lang and tagger.behaviours
    for label, m in tagger.behaviours.items():
        assert label in {b.value for b in verbalkit.Behaviour}
        assert m.cv["combined_f1"] > m.cv["rules_f1"]
        assert 0.5 <= m.threshold <= 0.95


def test_model_tags_carry_evidence_and_never_replace_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    tagger = TaggerModel(
        language="en",
        version="test",
        trained_on=["synthetic"],
        behaviours={
            "solution": model_mod.BehaviourModel(
                bias=-4.0, threshold=0.5, weights={"w:courier": 6.0}
            )
        },
    )
    monkeypatch.setattr(model_mod, "load_model", lambda lang: tagger)
    monkeypatch.setattr(behaviours, "load_model", lambda lang: tagger)
    text = "Thanks for waiting. The courier comes back on Friday with the parcel."
    found = [t for t in verbalkit.tag(text, lang="en") if t.rule == "en.solution.model"]
    assert len(found) == 1
    tag = found[0]
    assert tag.text == "The courier comes back on Friday with the parcel."
    assert text[tag.start : tag.end] == tag.text and 0.5 <= tag.confidence <= 1.0
    with disabled():
        assert load_model("en") is None


def test_model_never_adds_what_a_veto_ruled_out(monkeypatch: pytest.MonkeyPatch) -> None:
    tagger = TaggerModel(
        language="en",
        version="test",
        trained_on=["synthetic"],
        behaviours={
            "thanking": model_mod.BehaviourModel(
                bias=-4.0, threshold=0.5, weights={"w:thanks": 9.0}
            )
        },
    )
    monkeypatch.setattr(behaviours, "load_model", lambda lang: tagger)
    # "thanks to" credits a cause: a veto rule removes thanking, and the model may not add it.
    assert not [
        t
        for t in verbalkit.tag("It arrived thanks to your photos.", lang="en")
        if t.label == "thanking"
    ]
    assert [
        t.rule for t in verbalkit.tag("Lovely, thanks a lot.", lang="en") if t.label == "thanking"
    ]


def test_lexicon_features_name_the_kind_of_word_not_the_word() -> None:
    lex = model_mod.Lexicons(
        {
            "feelings": ["frustrerande", "Jobbigt"],
            "weight_words": ["tungt"],
            "contact_verbs": ["höra av sig"],
            "stopwords": ["det"],  # not a kind: never a feature
        }
    )
    found = set(features("Det låter jobbigt och tungt.", None, [], lex))
    assert {"x:feelings", "x:weight_words"} <= found
    assert not {
        f for f in found if f.startswith("x:") and f not in ("x:feelings", "x:weight_words")
    }
    # a phrase counts whole, on word boundaries
    assert "x:contact_verbs" in features("Jag ber dem höra av sig i morgon", None, [], lex)
    assert "x:contact_verbs" not in features("Hon vill höra av sigurd", None, [], lex)
    # without lexicons the features are as before
    assert not [f for f in features("Det låter jobbigt.", None, []) if f.startswith("x:")]


def _fresh(rows: list[Row]) -> list[Row]:
    for r in rows:
        r.id = f"fresh-{r.id}"
        r.source = "fresh.csv"
        r.fresh = True
    return rows


def test_fresh_rows_judge_the_model_where_the_rules_fit_the_rest() -> None:
    # On the files the rules were developed on they find everything ("reset" and "reboot"):
    # cross-validation there can only show the model as useless. On fresh rows, written
    # blind to the rules, they miss "reboot", and the model learnt it from the others.
    developed = _rows(40, "reset", True, True) + _rows(60, "weather", False, False)
    for r in _rows(30, "reboot", True, True):
        developed.append(r)
    fresh = _fresh(_rows(20, "reboot", True, False) + _rows(30, "weather", False, False))
    log: list[str] = []
    kept = train_behaviour(developed + fresh, "solution", log)
    assert kept is not None, log
    assert "on the fresh rows" in log[-1]
    assert kept.cv["rules_recall"] == 0.0 and kept.cv["combined_recall"] > 0.9
    # Without the fresh rows the same rules look perfect and no model is kept.
    assert train_behaviour(developed, "solution", []) is None


def test_a_model_that_does_not_help_the_fresh_rows_is_not_kept() -> None:
    # The model would help the developed files (the rules miss "reboot" there), but on the
    # fresh rows the rules find everything: judged there, the model adds nothing.
    developed = (
        _rows(30, "reset", True, True)
        + _rows(30, "reboot", True, False)
        + _rows(60, "weather", False, False)
    )
    fresh = _fresh(_rows(20, "reset", True, True) + _rows(30, "weather", False, False))
    log: list[str] = []
    assert train_behaviour(developed + fresh, "solution", log) is None
    assert "adds less than" in log[-1]


def test_model_reads_the_packs_word_lists_when_trained_with_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def tagger(with_lexicons: bool) -> TaggerModel:
        return TaggerModel(
            language="en",
            version="test",
            trained_on=["synthetic"],
            lexicon_features=with_lexicons,
            behaviours={
                "blaming": model_mod.BehaviourModel(
                    bias=-4.0, threshold=0.5, weights={"x:blame_targets": 9.0}
                )
            },
        )

    text = "The courier left it at the wrong door, so the parcel went astray."
    monkeypatch.setattr(behaviours, "load_model", lambda lang: tagger(True))
    assert any(t.rule == "en.blaming.model" for t in verbalkit.tag(text, lang="en"))
    monkeypatch.setattr(behaviours, "load_model", lambda lang: tagger(False))
    assert not any(t.rule == "en.blaming.model" for t in verbalkit.tag(text, lang="en"))


_SEED_PROBE = """
import json, sys
from verbalkit.pipeline.model import BehaviourModel, TaggerModel
from verbalkit.pipeline.train import _predict
# Weights whose float sum depends on the order they are added in.
weights = {f"w:{i}": (0.1 * i + 1 / 3) * (-1) ** i for i in range(40)}
feats = list(weights) + ["w:1"]
m = TaggerModel(language="en", version="t", trained_on=[], behaviours={
    "sympathy": BehaviourModel(bias=0.25, threshold=0.5, weights=weights)})
print(json.dumps([m.probabilities(feats)["sympathy"], _predict(weights, 0.25, feats)]))
"""


def test_model_probabilities_do_not_depend_on_the_hash_seed() -> None:
    # Summing weights in set order made the last bits of a probability, and so rarely a tag,
    # differ from run to run (the stored reference then flickered on one or two calls).
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _SEED_PROBE], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(run.stdout.strip())
    assert len(outputs) == 1
    tagged, trained = json.loads(outputs.pop())
    # Training scores rows as tagging does (the same sum; numpy's exp may differ in the last bit).
    assert tagged == pytest.approx(trained, rel=1e-12)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_redactions_word_lists_are_no_features(lang: str) -> None:
    # Names and places belong to personal-data redaction: a new place list must not retrain
    # (or silently change) the behaviour model.
    from verbalkit.privacy.lexicon import load_lexicon

    names = load_lexicon(lang).names
    files = [
        *names.first_name_files,
        *names.surname_files,
        *names.word_name_files,
        *names.place_files,
    ]
    assert files
    for file in files:
        assert file.split("/")[-1].removesuffix(".txt") in model_mod.NOT_FEATURE_LEXICONS
    shipped = load_model(lang)
    assert shipped is not None
    used = {f for b in shipped.behaviours.values() for f in b.weights if f.startswith("x:")}
    assert not {f"x:{n}" for n in model_mod.NOT_FEATURE_LEXICONS} & used

"""Rule packs load, validate, and extend; broken packs fail with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verbalkit.analysis import tag
from verbalkit.errors import RulePackError
from verbalkit.pipeline.packs import builtin_root, load_pack, read_pack
from verbalkit.vocab import BEHAVIOURS, SUPPORTED_LANGUAGES


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_every_builtin_pack_loads(lang: str) -> None:
    pack = load_pack(lang)
    assert pack.language == lang
    assert pack.rules, "a built-in pack without rules"
    assert all(r.id.startswith(f"{lang}.") for r in pack.rules)
    assert len({r.id for r in pack.rules}) == len(pack.rules)
    for name in ("fillers", "v1_verbs", "wh_open", "wh_fact"):
        assert pack.lexicon(name), f"lexicon {name} missing in {lang}"


def test_builtin_root_is_models_folder() -> None:
    assert (builtin_root() / "sv" / "pack.yaml").is_file()


def write_pack(folder: Path, rules: list[str], jargon: str = "", lang: str = "sv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(f"name: acme\nlanguage: {lang}\nversion: 1.0.0\n")
    (folder / "behaviours.jsonl").write_text("\n".join(rules) + "\n", encoding="utf-8")
    if jargon:
        (folder / "jargon.tsv").write_text(jargon, encoding="utf-8")
    return folder


def test_unknown_behaviour_names_file_and_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "sv.sympathy.x", "label": "sympathy", "pattern": "så synd"})
    bad = json.dumps({"id": "sv.sympathy.y", "label": "sympaty", "pattern": "usch"})
    folder = write_pack(tmp_path / "acme", [good, bad])
    with pytest.raises(RulePackError) as info:
        read_pack(folder)
    message = str(info.value)
    assert "behaviours.jsonl:2" in message
    assert "unknown behaviour 'sympaty'" in message


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": "sv.a.b", "label": "sympathy"', "not valid JSON"),
        (
            '{"id": "sv.x.y", "label": "sympathy", "pattern": [{"NOPE": "x"}]}',
            "invalid pattern",
        ),
        ('{"id": "en.x.y", "label": "sympathy", "pattern": "hej"}', "must start with 'sv.'"),
    ],
)
def test_broken_rules_are_reported(tmp_path: Path, line: str, problem: str) -> None:
    folder = write_pack(tmp_path / "acme", [line])
    with pytest.raises(RulePackError, match=problem):
        read_pack(folder)


def test_duplicate_rule_id(tmp_path: Path) -> None:
    rule = json.dumps({"id": "sv.thanking.x", "label": "thanking", "pattern": "stort tack"})
    with pytest.raises(RulePackError, match="duplicate rule id"):
        read_pack(write_pack(tmp_path / "acme", [rule, rule]))


def test_missing_pack_yaml(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match=r"pack\.yaml is missing"):
        read_pack(tmp_path)


def test_user_pack_adds_own_product_codes_as_jargon(tmp_path: Path) -> None:
    folder = write_pack(
        tmp_path / "acme",
        [
            json.dumps(
                {"id": "sv.sympathy.acme_synd", "label": "sympathy", "pattern": "så himla synd"}
            )
        ],
        jargon="Flexpris Bas\tvårt enklaste elavtal\n",
    )
    text = "Jag föreslår att du byter till Flexpris Bas, det var så himla synd med fakturan."
    plain = tag(text, "sv")
    extended = tag(text, "sv", packs=(str(folder),))
    jargon = [t for t in extended if t.label == "jargon"]
    assert any(t.text == "Flexpris Bas" and t.suggestion == "vårt enklaste elavtal" for t in jargon)
    assert not any(t.text == "Flexpris Bas" for t in plain)
    assert any(t.rule == "sv.sympathy.acme_synd" for t in extended)


def test_user_pack_of_other_language_is_refused(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "acme", [], lang="en")
    with pytest.raises(RulePackError, match="expected 'sv'"):
        load_pack("sv", (str(folder),))


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("behaviour", [b.value for b in BEHAVIOURS])
def test_every_behaviour_has_rules_in_every_language(lang: str, behaviour: str) -> None:
    import importlib

    pack = load_pack(lang)
    hook = importlib.import_module(f"verbalkit.pipeline.lang.{lang}")
    generated = getattr(hook, "GENERATED_RULE_IDS", frozenset())
    # A behaviour is covered by a pattern rule of the pack or by a context rule of the
    # language hook (which reads its word classes from the pack's lexicons).
    in_pack = any(r.label == behaviour and not r.veto for r in pack.rules)
    in_hook = any(rule.startswith(f"{lang}.{behaviour}.") for rule in generated)
    assert in_pack or in_hook, f"no rule for {behaviour} in {lang}"


@pytest.mark.parametrize(
    ("lang", "text", "n_sentences"),
    [
        ("sv", "okej så kassen kom aldrig fram vad hände när du ringde budfirman", 2),
        ("sv", "Tack. Jag skickar en ny i dag! Passar det?", 3),
        ("en", "right so the parcel never arrived what happened when you called them", 2),
        ("en", "Thanks. I'll send a new one today! Does that work?", 3),
    ],
)
def test_sentences_cope_with_asr_text(lang: str, text: str, n_sentences: int) -> None:
    from verbalkit.pipeline.build import get_nlp

    doc = get_nlp(lang)(text)
    assert len(list(doc.sents)) == n_sentences


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I HAVE NOTED THAT ON THE ACCOUNT AND IT WILL BE FIXED"),
        ("sv", "JAG HAR NOTERAT DET OCH VI SKICKAR EN NY I MORGON"),
    ],
)
def test_all_caps_text_is_not_all_jargon(lang: str, text: str) -> None:
    assert not [t for t in tag(text, lang) if t.label == "jargon"]


def test_one_punctuated_sentence_is_not_split_at_starters() -> None:
    from verbalkit.pipeline.build import get_nlp

    doc = get_nlp("en")("I can hear how fed up you are with the whole thing.")
    assert len(list(doc.sents)) == 1


def test_wheel_ships_every_pack_file() -> None:
    """Every file of every built-in pack matches the package data the wheel includes."""
    import fnmatch
    import tomllib

    repo = Path(__file__).resolve().parents[2]
    config = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    models = repo / "models"
    for lang in SUPPORTED_LANGUAGES:
        for path in (models / lang).rglob("*"):
            if not path.is_file():
                continue
            rel = path.relative_to(models)
            package = ".".join(("verbalkit.models", *rel.parent.parts))
            assert package in setuptools["packages"], f"{package} is not packaged"
            patterns = setuptools["package-data"].get(package, [])
            assert any(fnmatch.fnmatch(path.name, p) for p in patterns), f"{rel} not shipped"

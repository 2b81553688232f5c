"""Round 9: broad name lists (US Census 1990 first names and surnames, Swedish surnames).

A name that only the broad lists know is found after a cue, in lower-case ASR text too, and
without a cue as a capitalised first name and known surname inside a sentence. The lists
must not turn common words, sentence starts, companies, brands or places into names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from verbalkit import find_personal_data
from verbalkit.errors import RulePackError
from verbalkit.privacy import load_lexicon, read_lexicon
from verbalkit.privacy.lexicon import broad_names, lexicon_path
from verbalkit.privacy.recognisers import compiled


def _names(text: str, lang: str) -> list[str]:
    return [p.text for p in find_personal_data(text, lang) if p.kind == "name"]


# ---------------------------------------------------------------- the lists


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_broad_lists_are_loaded_and_merged(lang: str) -> None:
    first, surnames = broad_names(lang)
    assert len(first) > 4000
    assert len(surnames) > 15000
    c = compiled(lang)
    assert first - c.first_names == set()
    assert {"latoya", "ezekiel", "delbert"} <= c.first_names
    assert {"brennan", "pruitt", "haskins", "thurston"} <= c.surnames
    # the hand-made lists stay the trusted ones
    assert set(load_lexicon(lang).names.first_names) == c.hand_first_names


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize(
    "word", ["will", "mark", "bill", "brown", "green", "the", "and", "alexa", "mercedes"]
)
def test_broad_lists_leave_out_common_words_and_brands(lang: str, word: str) -> None:
    first, surnames = broad_names(lang)
    assert word not in first
    assert word not in surnames


@pytest.mark.parametrize("word", ["dag", "mark", "hans", "karl", "kort", "ring"])
def test_swedish_broad_lists_leave_out_swedish_words(word: str) -> None:
    first, surnames = broad_names("sv")
    assert word not in first and word not in surnames


def test_swedish_surnames_written_by_hand() -> None:
    _, surnames = broad_names("sv")
    assert {"viklund", "björklund", "hermansson", "åkesson", "lindholm"} <= surnames


def test_a_missing_name_file_is_a_pack_error(tmp_path: Path) -> None:
    text = lexicon_path("en").read_text(encoding="utf-8")
    bad = tmp_path / "privacy.yaml"
    bad.write_text(
        text.replace("lexicons/census_surnames.txt", "lexicons/nowhere.txt"), encoding="utf-8"
    )
    with pytest.raises(RulePackError, match=r"names\.\w+_files: no file"):
        read_lexicon(bad)


# ---------------------------------------------------------------- names found

EN_FOUND = [
    ("I rang Latoya Brennan about the boiler yesterday.", "Latoya Brennan"),
    ("Can you send the forms to Ezekiel Thurston please?", "Ezekiel Thurston"),
    ("The engineer said Delbert Haskins had already signed for it.", "Delbert Haskins"),
    ("hi it's tamika pruitt from flat four", "tamika pruitt"),
    ("the account is under delbert stroud", "delbert stroud"),
    ("yeah the card holder is lorene whitfield", "lorene whitfield"),
    ("hello this is rashad mcelroy returning your call", "rashad mcelroy"),
    ("it's booked under Lorene Corwin", "Lorene Corwin"),
]

SV_FOUND = [
    ("Jag ringde Rashad Pruitt i förrgår om fakturan.", "Rashad Pruitt"),
    ("det är latoya brennan som ringer", "latoya brennan"),
    ("jag pratade med dwayne haskins igår", "dwayne haskins"),
    ("bokningen är på ezekiel thurston", "ezekiel thurston"),
    ("Kontot står på Tamika Ingram.", "Tamika Ingram"),
    ("hej det är lorene corwin", "lorene corwin"),
    ("det står på åsa viklund", "åsa viklund"),
]


@pytest.mark.parametrize(("text", "name"), EN_FOUND)
def test_en_broad_names_found(text: str, name: str) -> None:
    assert name in _names(text, "en")


@pytest.mark.parametrize(("text", "name"), SV_FOUND)
def test_sv_broad_names_found(text: str, name: str) -> None:
    assert name in _names(text, "sv")


# ---------------------------------------------------------------- hard negatives

EN_NOT_NAMES = [
    "I shop at Marks & Spencer and sometimes at Harrison & Sons.",
    "I bought it at Marks and Spencer.",
    "I asked Alexa to reorder the filters.",
    "They bought Mercedes after Mercedes for the fleet.",
    "its lowell who bought the debt from the phone company",
    "The clematis Nelly Moser is fine in partial shade.",
    "Chase Bank charged me twice this month.",
    "The Lincoln Memorial was closed when we went.",
    "My sister lives in Denver now.",
    "We drove through Savannah last spring.",
    "Will you check the Ford Fiesta before Friday?",
    "Grace period ends on Friday, so pay before then.",
    "and so dakota pipeline news was on again",
    "Florence Road is closed for resurfacing.",
    "Sterling went up against the dollar today.",
    "Hunter boots are on sale this week.",
    "so will the refund come through today",
]

SV_NOT_NAMES = [
    "Mark och sand levererades i går.",
    "Dag för dag blir det bättre med bredbandet.",
    "Klematisen Nelly Moser tål halvskugga bra.",
    "Vi handlade på Marks & Spencer i London.",
    "Jag frågade Alexa om vädret.",
    "Vi åkte till Savannah i somras.",
    "och sen berg och dalbana hela vägen",
    "Jag bor på Lincoln Road i London.",
    "Hunter stövlar är på rea nu.",
    "och kort kom aldrig fram med posten",
]


@pytest.mark.parametrize("text", EN_NOT_NAMES)
def test_en_not_names(text: str) -> None:
    assert _names(text, "en") == []


@pytest.mark.parametrize("text", SV_NOT_NAMES)
def test_sv_not_names(text: str) -> None:
    assert _names(text, "sv") == []

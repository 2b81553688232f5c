"""Language: declared, detected among sv/en, or refused as another language."""

from __future__ import annotations

from pathlib import Path

import pytest

from verbalkit.errors import UnsupportedLanguageError
from verbalkit.io import read, read_many
from verbalkit.io.language import detect_language, normalise_declared
from verbalkit.schema import Failure

# A customer's complaint, the same in eight languages (we wrote them).
COMPLAINTS = [
    (
        "sv",
        "Hej, jag ringer för att min faktura är fel. Jag har betalat men ni skickar ändå en "
        "påminnelse och det tycker jag inte är okej.",
    ),
    (
        "en",
        "Hi, I'm calling because my bill is wrong. I paid it but you still sent me a reminder "
        "and I don't think that is fair.",
    ),
    (
        "de",
        "Hallo, ich rufe an, weil meine Rechnung nicht stimmt. Ich habe bezahlt, aber Sie haben "
        "mir trotzdem eine Mahnung geschickt, und das ist nicht in Ordnung.",
    ),
    (
        "fr",
        "Bonjour, je vous appelle parce que ma facture est fausse. J'ai payé mais vous m'avez "
        "quand même envoyé un rappel et ce n'est pas normal.",
    ),
    (
        "es",
        "Hola, le llamo porque mi factura está mal. Ya pagué pero usted me envió un "
        "recordatorio y no es justo para mí.",
    ),
    (
        "no",
        "Hei, jeg ringer fordi regningen min er feil. Jeg har betalt, men dere har likevel "
        "sendt meg en purring, og det synes jeg ikke er greit.",
    ),
    (
        "da",
        "Hej, jeg ringer fordi min regning er forkert. Jeg har betalt, men I har alligevel "
        "sendt mig en rykker, og det synes jeg ikke er i orden.",
    ),
    (
        "fi",
        "Hei, soitan koska laskuni on väärin. Olen maksanut sen, mutta te lähetitte silti "
        "muistutuksen, ja se ei ole minusta reilua.",
    ),
]
AGENT_LINE = {"sv": "Agent: Jag förstår.", "en": "Agent: I understand."}


@pytest.mark.parametrize(("lang", "text"), COMPLAINTS, ids=[c[0] for c in COMPLAINTS])
def test_detector_names_the_language(lang: str, text: str) -> None:
    assert detect_language([text]).code == lang


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_detected_language_on_a_call(tmp_path: Path, lang: str) -> None:
    text = dict(COMPLAINTS)[lang]
    path = tmp_path / f"{lang}.txt"
    path.write_text(f"Kund: {text}\n{AGENT_LINE[lang]}\n", encoding="utf-8")
    call = read(path, agent_speaker="Agent")
    assert call.language == lang
    info = call.language_info
    assert info is not None and info.source == "detected" and info.confidence >= 0.8


@pytest.mark.parametrize("lang", ["de", "fr", "es", "no", "da", "fi"])
def test_other_languages_are_refused(tmp_path: Path, lang: str) -> None:
    path = tmp_path / f"{lang}.txt"
    path.write_text(f"Kund: {dict(COMPLAINTS)[lang]}\nAgent: Okay.\n", encoding="utf-8")
    with pytest.raises(UnsupportedLanguageError) as info:
        read(path)
    message = str(info.value)
    assert message.startswith(f"{path}: the text looks ") and "verbalkit reads sv, en" in message
    (failure,) = read_many(path)
    assert isinstance(failure, Failure) and failure.path == str(path)
    assert failure.message.startswith("the text looks")


def test_too_little_text_defaults_with_low_confidence(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Agent: Hej!\nKund: Hej.\n", encoding="utf-8")
    call = read(path)
    assert call.language == "sv"
    assert call.language_info is not None and call.language_info.source == "default"
    assert call.language_info.confidence < 0.5
    assert call.warnings and call.warnings[0].startswith("language: too little text")


@pytest.mark.parametrize(
    ("value", "code"), [("sv-SE", "sv"), ("en_GB", "en"), ("Swedish", "sv"), ("ENG", "en")]
)
def test_declared_language_is_normalised(value: str, code: str) -> None:
    assert normalise_declared(value, source="test") == code


def test_declared_language_argument_wins(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(f"Kund: {dict(COMPLAINTS)['en']}\nAgent: I see.\n", encoding="utf-8")
    call = read(path, language="sv")
    assert call.language == "sv"
    assert call.language_info is not None and call.language_info.source == "declared"


def test_unsupported_declared_language(tmp_path: Path) -> None:
    with pytest.raises(
        UnsupportedLanguageError, match=r"language 'de' \(German\) is not supported"
    ):
        read_many(tmp_path, language="de")  # refused at once, before any file is read
    path = tmp_path / "de.json"
    path.write_text(
        '{"call_id": "x", "language": "de-DE", "utterances": ['
        '{"speaker": "agent", "text": "Guten Tag"}, {"speaker": "customer", "text": "Hallo"}]}',
        encoding="utf-8",
    )
    (failure,) = read_many(path)
    assert isinstance(failure, Failure)
    assert (
        failure.message
        == "language: language 'de-DE' (German) is not supported; verbalkit reads sv, en"
    )

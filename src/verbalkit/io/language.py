"""Decide a transcript's language: declared, or detected among sv/en by function words.

The detector is a dependency-free profile: the share of each language's most common function
words among the tokens (a word shared by k languages counts 1/k for each), plus a little
weight for characters such as å, ä, ö, æ, ø, ß, é, ñ. A few German, French, Spanish,
Norwegian, Danish and Finnish words are listed only so that "this is not sv or en" can be said.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from verbalkit.errors import UnsupportedLanguageError
from verbalkit.schema import LanguageInfo
from verbalkit.vocab import SUPPORTED_LANGUAGES

#: Language assumed when there is too little text to tell.
DEFAULT_LANGUAGE = SUPPORTED_LANGUAGES[0]

#: Fewer function-word hits than this is "too little text".
MIN_HITS = 4
#: Below this confidence a detected language comes with a warning.
LOW_CONFIDENCE = 0.6
#: A text is "another language" when the best supported one scores under this share of
#: (best + it); above, the best supported language is assumed, with a warning.
UNSUPPORTED_SHARE = 0.35
#: Words read for detection (the start of a call is enough, and keeps long calls cheap).
MAX_WORDS = 600
#: A declared language is contradicted when another supported language has at least this
#: share of the two languages' scores, on at least MISMATCH_MIN_HITS function words.
MISMATCH_SHARE = 0.8
MISMATCH_MIN_HITS = 10
#: Words read to check a declared language (fewer than for detecting one: it is done on
#: every call that declares its language). 80 words give some 30 function words: no false
#: warning on the 17,193 corpus calls or the dev data, and every dev call declared with the
#: other language is caught.
MISMATCH_WORDS = 80

NAMES = {
    "sv": "Swedish",
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "no": "Norwegian",
    "da": "Danish",
    "fi": "Finnish",
}

_DECLARED_ALIASES = {
    "swedish": "sv",
    "svenska": "sv",
    "swe": "sv",
    "english": "en",
    "engelska": "en",
    "eng": "en",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "spanish": "es",
    "norwegian": "no",
    "norsk": "no",
    "nb": "no",
    "nn": "no",
    "danish": "da",
    "dansk": "da",
    "finnish": "fi",
    "suomi": "fi",
}

_FUNCTION_WORDS: dict[str, str] = {
    "sv": "och att det jag inte är en ett som på för med har vi du kan till så men om vad var "
    "den av hur ska mig dig här där nu när också bara eller från någon något skulle vill hej "
    "tack ja nej kanske vara sig han hon de dem mycket alltså efter ju väl då i ni era "
    "min mitt din ditt vår får fick blev blir kommer jättebra varför eftersom tycker hade",
    "en": "the and you is to i it that of a in for on have be this with we can are not your "
    "my was what will do me at so but if how there just yes no please thanks thank would "
    "could get they from about an our she he it's i'm don't that's you're",
    "de": "und ich nicht das ist die der ein eine sie wir es zu mit auf für den dem sind haben "
    "wie was auch aber oder nein danke bitte kann mein mich sehr noch",
    "fr": "le la les et je vous est pas une un des que qui pour dans avec ce il nous sur mais "
    "oui non merci bien mon suis avez c'est en de",
    "es": "el la los las y que de en es no un una por para con lo se su pero sí gracias muy "
    "está usted tengo mi",
    "no": "og ikke jeg er det på en et som har vi du kan til så men om hva hvordan hvor skal "
    "meg deg her der nå også bare eller fra noe noen kunne vil takk ja nei kanskje være i "
    "fordi synes dere hvorfor hvis mye likevel hadde",
    "da": "og ikke jeg er det at på en et som har vi du kan til så men om hvad hvordan hvor "
    "skal mig dig her der nu også bare eller fra noget nogen kunne vil tak ja nej måske være i "
    "fordi synes hvorfor hvis meget alligevel havde",
    "fi": "ja on ei se minä sinä me te he että mutta kun jos niin kuin tämä tuo mitä miten "
    "missä olen olet kiitos joo kyllä voi hyvä nyt vielä myös",
}

_CHARS: dict[str, tuple[str, ...]] = {
    "å": ("sv", "no", "da"),
    "ä": ("sv", "fi", "de"),
    "ö": ("sv", "fi", "de"),
    "æ": ("no", "da"),
    "ø": ("no", "da"),
    "ü": ("de",),
    "ß": ("de",),
    "é": ("fr", "es"),
    "è": ("fr",),
    "ê": ("fr",),
    "ç": ("fr",),
    "à": ("fr",),
    "ñ": ("es",),
    "¿": ("es",),
}
_CHAR_WEIGHT = 0.25


def _weights() -> dict[str, dict[str, float]]:
    owners: dict[str, list[str]] = {}
    for lang, words in _FUNCTION_WORDS.items():
        for word in set(words.split()):
            owners.setdefault(word, []).append(lang)
    return {word: {lang: 1.0 / len(langs) for lang in langs} for word, langs in owners.items()}


_WORD_WEIGHTS = _weights()
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """What the detector found in a text."""

    code: str | None
    """Best language, or None when there is too little evidence."""
    confidence: float
    """Best score against the runner-up's, in [0.5, 1] (0 with too little evidence)."""
    n_words: int
    hits: int
    scores: tuple[tuple[str, float], ...] = ()
    """Every language's score, best first."""

    def against_supported(self) -> tuple[str, float]:
        """The best supported language and the share of the best score it would leave.

        For a Norwegian text, ("sv", 0.3) means Swedish scores 30 % of the scores of Swedish and
        of the languages that beat it.
        """
        for code, score in self.scores:
            if code in SUPPORTED_LANGUAGES:
                # Norwegian and Danish split their shared words; count every language that
                # beats the supported one together.
                above = sum(s for c, s in self.scores if s > score and c not in SUPPORTED_LANGUAGES)
                return code, score / (above + score) if above + score else 0.0
        return DEFAULT_LANGUAGE, 0.0

    def contradicts(self, declared: str) -> tuple[str, float] | None:
        """The supported language the text reads as instead of ``declared``, and its share of
        the two languages' scores; None when the text agrees or is too short to say.

        >>> guess = detect_language(["Hi, I'm calling about my bill and it is not right, I paid "
        ...                          "it last week but you still sent me a reminder."])
        >>> guess.contradicts("sv"), guess.contradicts("en")
        (('en', 0.98), None)
        """
        if self.hits < MISMATCH_MIN_HITS:
            return None
        best = next(((c, s) for c, s in self.scores if c in SUPPORTED_LANGUAGES), None)
        if best is None or best[0] == declared:
            return None
        code, score = best
        share = score / (score + dict(self.scores).get(declared, 0.0))
        return (code, round(share, 2)) if share >= MISMATCH_SHARE else None


def detect_language(texts: Iterable[str], max_words: int = MAX_WORDS) -> LanguageGuess:
    """Guess the language of some texts among sv, en (and de, fr, es, no, da, fi).

    >>> detect_language(["Hej, jag ringer om min faktura och det är inte rätt."]).code
    'sv'
    >>> detect_language(["Hi, I'm calling about my bill and it is not right."]).code
    'en'
    """
    scores: dict[str, float] = {}
    n_words = 0
    hits = 0
    # Counted first, weighed once per distinct word: the language check runs on every call.
    counts: Counter[str] = Counter()
    for text in texts:
        lowered = text.lower()
        tokens = _TOKEN.findall(lowered)
        counts.update(tokens)
        n_words += len(tokens)
        if not lowered.isascii():
            for char, langs in _CHARS.items():
                count = lowered.count(char)
                if count:
                    for lang in langs:
                        scores[lang] = scores.get(lang, 0.0) + _CHAR_WEIGHT * count / len(langs)
        if n_words >= max_words:
            break
    for token, count in counts.items():
        weights = _WORD_WEIGHTS.get(token)
        if weights:
            hits += count
            for lang, weight in weights.items():
                scores[lang] = scores.get(lang, 0.0) + weight * count
    total = sum(scores.values())
    ranked = tuple(sorted(scores.items(), key=lambda kv: kv[1], reverse=True))
    if hits < MIN_HITS or total <= 0:
        return LanguageGuess(ranked[0][0] if ranked else None, 0.0, n_words, hits, ranked)
    best = ranked[0][1]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    # Against the runner-up, not the total: Swedish shares many words with Norwegian and
    # Danish, which would otherwise cap a clearly Swedish text near 0.6.
    confidence = round(best / (best + runner_up), 3)
    return LanguageGuess(ranked[0][0], confidence, n_words, hits, ranked)


def normalise_declared(value: str, source: str) -> str:
    """``"sv-SE"``, ``"Swedish"`` -> ``"sv"``.

    Raises:
        UnsupportedLanguageError: When the language has no rule pack (message names ``source``).
    """
    key = value.strip().lower().replace("_", "-")
    code = _DECLARED_ALIASES.get(key, key.split("-", 1)[0])
    code = _DECLARED_ALIASES.get(code, code)
    if code not in SUPPORTED_LANGUAGES:
        name = NAMES.get(code)
        shown = f"{value!r} ({name})" if name else repr(value)
        raise UnsupportedLanguageError(
            f"{source}: language {shown} is not supported; verbalkit reads "
            f"{', '.join(SUPPORTED_LANGUAGES)}"
        )
    return code


def decide_language(
    declared: str | None, texts: Iterable[str], *, path: str, declared_in: str
) -> tuple[LanguageInfo, list[str]]:
    """The call's language and any warning about how it was decided.

    Args:
        declared: A language from the user or the file (normalised if from the user).
        texts: The utterance texts (only the first words are read).
        path: The file, for messages.
        declared_in: Where ``declared`` came from, for messages (``"language"``).

    Raises:
        UnsupportedLanguageError: When the declared language has no rule pack, or the text is
            clearly in another language.
    """
    if declared:
        code = normalise_declared(declared, source=f"{path}:{declared_in}")
        info = LanguageInfo(code=code, source="declared", confidence=1.0)
        contradiction = detect_language(texts, MISMATCH_WORDS).contradicts(code)
        if contradiction is None:
            return info, []
        other, share = contradiction
        where = "--lang (language=)" if declared_in == "language=" else "the file's language field"
        return info, [
            f"language: declared {code} but the text reads as {other} ({share:.2f}); "
            f"analysed as {code}: check {where}"
        ]
    guess = detect_language(texts)
    if guess.code is None or guess.hits < MIN_HITS:
        fallback = guess.code if guess.code in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE
        warning = (
            f"language: too little text to detect it ({guess.n_words} words); "
            f"assumed {fallback!r}: declare it with --lang"
        )
        return LanguageInfo(code=fallback, source="default", confidence=0.2), [warning]
    if guess.code not in SUPPORTED_LANGUAGES:
        fallback, share = guess.against_supported()
        if share < UNSUPPORTED_SHARE:
            name = NAMES.get(guess.code, guess.code)
            raise UnsupportedLanguageError(
                f"{path}: the text looks {name} ({guess.code}), not "
                f"{' or '.join(NAMES[c] for c in SUPPORTED_LANGUAGES)}; verbalkit reads "
                f"{', '.join(SUPPORTED_LANGUAGES)} (declare one with --lang if this is wrong)"
            )
        warning = (
            f"language: unclear (closest: {guess.code}, then {fallback}); "
            f"assumed {fallback!r}: declare it with --lang"
        )
        return LanguageInfo(code=fallback, source="default", confidence=round(share, 3)), [warning]
    warnings = []
    if guess.confidence < LOW_CONFIDENCE:
        warnings.append(
            f"language: detected {guess.code!r} with low confidence ({guess.confidence:.2f}); "
            "declare it with --lang"
        )
    return LanguageInfo(code=guess.code, source="detected", confidence=guess.confidence), warnings

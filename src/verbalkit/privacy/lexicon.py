"""Load the word lists of ``models/{lang}/privacy.yaml``: cues, names, street suffixes."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from verbalkit.errors import RulePackError, UnsupportedLanguageError
from verbalkit.pipeline.packs import builtin_root

#: Languages with a privacy word list.
PRIVACY_LANGUAGES = ("sv", "en")


def _clean(values: list[str]) -> tuple[str, ...]:
    out = []
    for value in values:
        if not isinstance(value, str):
            # YAML reads a bare on/no/yes/true as a boolean: the word must be quoted
            raise ValueError(f"{value!r} is not a phrase; quote it in the YAML file")
        text = " ".join(value.split()).lower()
        if not text:
            raise ValueError("empty phrase")
        out.append(text)
    return tuple(dict.fromkeys(out))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _PhraseLists(_Strict):
    """Fields that are all lists of phrases, cleaned the same way."""

    @field_validator("*", mode="before")
    @classmethod
    def _phrases(cls, value: list[str]) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise ValueError("must be a list of phrases")
        return _clean(value)


class NameLists(_PhraseLists):
    """Cues and word lists for names."""

    strong_cues: tuple[str, ...] = Field(default=(), description="cue + any non-stopword")
    medium_cues: tuple[str, ...] = Field(default=(), description="cue + capitalised or known")
    weak_cues: tuple[str, ...] = Field(default=(), description="cue + known first name")
    holder_cues: tuple[str, ...] = Field(
        default=(),
        description="'står på', 'under': a known first name, or two capitalised words",
    )
    copula_cues: tuple[str, ...] = Field(
        default=(), description="'det är' + known first name, or + a name and a person cue"
    )
    right_cues: tuple[str, ...] = Field(default=(), description="person cues after a name")
    from_words: tuple[str, ...] = Field(default=(), description="'på'/'from' + organisation")
    spelled_cues: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    first_names: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    first_name_files: tuple[str, ...] = Field(
        default=(),
        description="word lists of more first names, one a line, relative to the pack folder",
    )
    surname_files: tuple[str, ...] = Field(
        default=(), description="word lists of more surnames, one a line, relative to the pack"
    )
    word_name_files: tuple[str, ...] = Field(
        default=(),
        description="first names that are also common words, one a line: names by context only",
    )
    place_files: tuple[str, ...] = Field(
        default=(),
        description="place names (a gazetteer), one a line: a veto for name candidates",
    )
    surname_suffixes: tuple[str, ...] = ()
    surname_prefixes: tuple[str, ...] = ()
    not_names: tuple[str, ...] = ()
    org_words: tuple[str, ...] = Field(
        default=(), description="'Restaurant', 'Hotel', 'AB': a 'name' next to one is a business"
    )
    place_prefixes: tuple[str, ...] = Field(
        default=(), description="'San', 'Sankt': a first name after one is a place (San Jose)"
    )
    not_name_phrases: tuple[str, ...] = ()
    homograph_names: tuple[str, ...] = Field(
        default=(), description="common words that are names after a strong cue ('will')"
    )
    name_questions: tuple[str, ...] = Field(
        default=(), description="'vem pratar jag med': the copula's answer is a name"
    )
    public_context: tuple[str, ...] = Field(
        default=(), description="a name without a cue after these is a public figure"
    )
    place_names: tuple[str, ...] = Field(default=(), description="first names that are places")
    locatives: tuple[str, ...] = Field(default=(), description="'i', 'at': a place follows")
    place_nouns: tuple[str, ...] = Field(default=(), description="'station': a place precedes")
    spelling_links: tuple[str, ...] = Field(default=(), description="'a som i adam'")
    assign_cues: tuple[str, ...] = Field(
        default=(),
        description="'skriv det på', 'put it under': capitalised words, or a full name in ASR",
    )
    about_cues: tuple[str, ...] = Field(
        default=(), description="'det gäller', 'regarding': a full name a person cue follows"
    )
    role_nouns: tuple[str, ...] = Field(
        default=(), description="'the patient, Daniel Whitaker': a role, a comma and a name"
    )
    thing_nouns: tuple[str, ...] = Field(
        default=(), description="'båten heter Linnea', 'the boat is called X': not a person"
    )
    namesake_cues: tuple[str, ...] = Field(
        default=(), description="'uppkallad efter', 'named after': a namesake, not a caller"
    )
    person_nouns: tuple[str, ...] = Field(
        default=(),
        description="'resenären heter X', 'the passenger is X', 'uppfödare, X': a person's role",
    )
    apposition_nouns: tuple[str, ...] = Field(
        default=(),
        description="'tränaren', 'pupil', 'fiancé': with role_nouns and person_nouns, a name "
        "said right after one ('elev Noah Berisha', 'pupil Aarav Shah') is a person",
    )
    animal_nouns: tuple[str, ...] = Field(
        default=(), description="'tiken heter X', 'the sire is X': an animal's name, not a person's"
    )
    public_figures: tuple[str, ...] = Field(
        default=(), description="very famous people: without an intro cue, not personal data"
    )


class AddressLists(_PhraseLists):
    """Street suffixes and cues for addresses."""

    street_suffixes: tuple[str, ...] = ()
    street_prefixes: tuple[str, ...] = ()
    not_streets: tuple[str, ...] = ()
    unit_cues: tuple[str, ...] = ()
    house_names: tuple[str, ...] = Field(default=(), description="'Rose Cottage', 'Old Rectory'")
    postcode_cues: tuple[str, ...] = ()
    area_words: tuple[str, ...] = ()
    street_owner_titles: tuple[str, ...] = Field(
        default=(),
        description="'drottning', 'kung': a capitalised title before a street named after "
        "someone is part of the address",
    )


class CueLists(_PhraseLists):
    """Words before (or after) a number that say what it is."""

    personnummer: tuple[str, ...] = ()
    phone: tuple[str, ...] = ()
    email: tuple[str, ...] = ()
    card: tuple[str, ...] = ()
    iban: tuple[str, ...] = ()
    bank_account: tuple[str, ...] = ()
    customer_id: tuple[str, ...] = ()
    negative: tuple[str, ...] = Field(default=(), description="order, case, invoice ...")
    negative_owners: tuple[str, ...] = Field(
        default=(), description="'fakturan har nummer ...': the number is the invoice's"
    )
    units: tuple[str, ...] = Field(default=(), description="kr, %, minutes ... after a number")
    customer_stems: tuple[str, ...] = Field(
        default=(),
        description="'hyresgäst' in 'hyresgästnummer', 'tenant' in 'tenant number': person-bound",
    )
    phone_stems: tuple[str, ...] = Field(
        default=(), description="'mobil' in 'mobilnummer': a compound number cue for a phone"
    )
    bank_names: tuple[str, ...] = Field(
        default=(), description="banks: a clearing number and account after one is an account"
    )
    email_roles: tuple[str, ...] = Field(
        default=(),
        description="'info', 'kundservice': an e-mail local part naming a function, not a person",
    )
    business_contact: tuple[str, ...] = Field(
        default=(),
        description="'the restaurant is located at', 'butiken ligger på': the address or phone "
        "number after it is a business's, not a person's",
    )
    business_nouns: tuple[str, ...] = Field(
        default=(),
        description="organisations, their premises and desks ('bolaget', 'the depot', "
        "'customer services'; '-huset': only inside a compound): an address or number said "
        "as theirs ('Bussbolaget har sitt kontor på', 'the concert hall is at') is not personal",
    )
    business_desks: tuple[str, ...] = Field(
        default=(),
        description="desks that answer a business's phone ('växeln', 'customer services'): a "
        "number said as theirs is not personal; an office's number may be a person's work line",
    )
    business_after: tuple[str, ...] = Field(
        default=(),
        description="'vårt huvudkontor', 'letterhead': said after an address or number, it is "
        "the business's own",
    )
    personal_mail_domains: tuple[str, ...] = Field(
        default=(),
        description="'gmail', 'telia': mail providers of private people; a plain word before "
        "their '@' ('sunshine@hotmail.com') is still someone's own mailbox",
    )


class ContextLists(_PhraseLists):
    """Words around a find that say it is no person's: the utterance is about media or a
    venue, or the name is a relation's, a facility's or a car's.

    Lists spliced into a regex (``media_words``, ``kin_words``, ``appointment_words``,
    ``travel_words``) take whole words; a phrase's words may be apart by any spaces, and a
    trailing ``*`` stands for one or more letters more ("step*": "stepson", "stepmum"). The
    other lists are plain words. Lists marked "both languages" hold English and Swedish words
    in either pack, since a call may mix them ("min coach", "my sambo").
    """

    media_words: tuple[str, ...] = Field(
        default=(),
        description="'songs', 'konserten': the utterance is about media or an event, so a "
        "name without a person cue is a performer or a work",
    )
    kin_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'my sister', 'min kusin', 'my coach': a name after one is a "
        "person the caller knows, never a performer or a place",
    )
    kin_names: tuple[str, ...] = Field(
        default=(),
        description="both languages; kin words that are also listed first names ('nan', "
        "'moster'): said before a name they are the relation, not part of the name",
    )
    appointment_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'dentist', 'mottagning*': a name at a venue is a person one "
        "meets there, not a performer",
    )
    travel_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'flying', 'åker': '<travel> to/from <place>' names a place",
    )
    facility_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'airport', 'arenan': a name right before one is a facility's "
        "('John Wayne Airport')",
    )
    surname_facilities: tuple[str, ...] = Field(
        default=(),
        description="both languages; facility words that are also surnames ('park', 'hall'): a "
        "facility only after 'at'/'in' and another capitalised word",
    )
    car_makes: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'volvo', 'chevy': a capitalised make before a word is a car "
        "model ('a Chevy Cruze'), not a name",
    )
    venue_words: tuple[str, ...] = Field(
        default=(),
        description="'the salon', 'restaurangens': a venue, business or event said before an "
        "address or number makes it theirs (en: after 'the', 'this', 'that')",
    )
    venue_name_words: tuple[str, ...] = Field(
        default=(),
        description="'apartments', 'theatre': the last word of a venue's name, matched "
        "capitalised ('Alameda Gardens Apartments'): the contact details are the venue's",
    )
    booking_words: tuple[str, ...] = Field(
        default=(),
        description="'booked', 'live music', 'hyran': a booking or a place's features; a bare "
        "'the number is' in such an utterance is the place's",
    )
    listing_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'apartment', 'for rent': with rooms and rent, an address "
        "or number is the listing's",
    )
    work_nouns: tuple[str, ...] = Field(
        default=(),
        description="'film', 'låten', 'bok som heter': a name right after one is a work's",
    )
    maker_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'directed', 'regisserad': '<word> by X' names a work's "
        "maker, no one in the call",
    )
    named_thing_nouns: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'event', 'restaurangens': '<noun> name is X' names a thing",
    )
    called_thing_nouns: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'concert', 'festivalen': '<noun> is called X' names a thing",
    )
    business_tails: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'energy', 'media': the last word of a company's name "
        "('Octopus Energy', 'Virgin Media')",
    )
    product_lines: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'classic', 'mellanrost': the last word of a product line's "
        "name ('Arvid Nordquist Classic')",
    )
    eponym_products: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'fabric', 'stol': right after a name, a thing named after "
        "someone ('William Morris fabric', 'en Carl Malmsten-stol')",
    )
    month_names: tuple[str, ...] = Field(
        default=(), description="both languages; 'may', 'juni': months that are also names"
    )
    office_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'office', 'kontoret': 'it's hope from the swedish office' "
        "names the speaker",
    )
    department_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'accounts', 'ekonomi': teams a speaker is from "
        "('Nnamdi from accounts')",
    )
    plain_titles: tuple[str, ...] = Field(
        default=(), description="both languages; 'mr', 'fröken': titles that are no kin word"
    )
    firm_endings: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'byrå', 'lettings': a word ending in one is a firm's",
    )
    compound_premises_tails: tuple[str, ...] = Field(
        default=(),
        description="'centret', 'boden': a one-word name ending in one is a place or thing",
    )
    compound_dish_tails: tuple[str, ...] = Field(
        default=(), description="'bakelse', 'tårta': a name ending in one is a dish"
    )
    made_things: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'tyget', 'wallpaper': '<thing> is X' names a design",
    )
    broadcast_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'episode', 'programmet': a name near one is a public figure's",
    )
    work_after_nouns: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'novel', 'boken': after a name ('Läckbergs nya bok'), "
        "the name is a work's maker",
    )
    trade_verbs: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'sell', 'monterar': 'we <verb> X and Y' names brands",
    )
    workplace_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'the warehouse', 'kontoret': '<name> in <word> says' "
        "names a person",
    )
    trade_roles: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'plumber', 'estate agent': '<name>, the <role>, says' "
        "names a person",
    )
    own_home_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'house', 'dotter': 'our <word> is at' is no business's "
        "premises",
    )
    container_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'ask', 'tin': 'a tin of X' names a brand",
    )
    venue_called_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'restaurant', 'fiket': '<venue> ... called X' names the venue",
    )
    consume_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'handlade', 'lunch': a name after 'hos'/'at' in such a "
        "sentence is a shop or eatery",
    )
    ferry_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'viking line', 'cabin': a one-word name after 'sailing "
        "with' is a ship",
    )
    household_things: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'robot', 'gräsklippare*': '<thing> we call X' names a thing",
    )
    child_topic_words: tuple[str, ...] = Field(
        default=(),
        description="both languages; 'favourite', 'kalas': a children's topic, the name is a "
        "character's",
    )


class PrivacyLexicon(_Strict):
    """The contents of one ``privacy.yaml``."""

    language: str
    version: str
    names: NameLists
    addresses: AddressLists
    cues: CueLists
    contexts: ContextLists = ContextLists()


#: An environment variable naming a folder of privacy packs (``{lang}/privacy.yaml`` with
#: the name files it names) that replaces the built-in ones, e.g. to extend a word list.
#: Read when a language's lists are first loaded in a process.
PACKS_ENV = "VERBALKIT_PRIVACY_PACKS"


def lexicon_path(lang: str) -> Path:
    """Where the word list of a language lives: under ``$VERBALKIT_PRIVACY_PACKS`` when it
    is set, else the built-in packs."""
    root = os.environ.get(PACKS_ENV)
    return (Path(root) if root else builtin_root()) / lang / "privacy.yaml"


def read_lexicon(path: Path) -> PrivacyLexicon:
    """Read and validate one privacy word list.

    Raises:
        RulePackError: the file is unreadable or invalid; the message names file and key.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise RulePackError(path, f"cannot read: {err}") from err
    if not isinstance(raw, dict):
        raise RulePackError(path, "expected a mapping at the top level")
    try:
        lex = PrivacyLexicon.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        msg = first["msg"].removeprefix("Value error, ")
        raise RulePackError(path, f"{loc}: {msg}" if loc else msg) from err
    for key in ("first_name_files", "surname_files", "word_name_files", "place_files"):
        for name in getattr(lex.names, key):
            if not (path.parent / name).is_file():
                raise RulePackError(path, f"names.{key}: no file {name!r} beside it")
    return lex


def read_name_files(path: Path, files: tuple[str, ...]) -> frozenset[str]:
    """The names in word lists named by a privacy word list at ``path`` (one name a line,
    ``#`` comments), lower case.

    Raises:
        RulePackError: a file is unreadable.
    """
    names: set[str] = set()
    for name in files:
        file = path.parent / name
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise RulePackError(file, f"cannot read: {err}") from err
        names.update(
            " ".join(line.split()).lower()
            for line in lines
            if line.strip() and not line.lstrip().startswith("#")
        )
    return frozenset(names)


@functools.cache
def broad_names(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The built-in first names and surnames of ``lang``'s name files (read once per process):
    ``names.first_name_files`` and ``names.surname_files``."""
    names = load_lexicon(lang).names
    path = lexicon_path(lang)
    return read_name_files(path, names.first_name_files), read_name_files(path, names.surname_files)


@functools.cache
def word_names(lang: str) -> frozenset[str]:
    """The first names of ``lang``'s ``names.word_name_files``: names that are also common
    words ("page", "dot"; "bror", "sten"), read once per process."""
    return read_name_files(lexicon_path(lang), load_lexicon(lang).names.word_name_files)


@functools.cache
def geo_places(lang: str) -> frozenset[str]:
    """The place names of ``lang``'s ``names.place_files`` (towns, countries, US states;
    lower case, hyphens as spaces), read once per process."""
    return read_name_files(lexicon_path(lang), load_lexicon(lang).names.place_files)


@functools.cache
def load_lexicon(lang: str) -> PrivacyLexicon:
    """The built-in privacy word list for ``lang`` (read once per process).

    Raises:
        UnsupportedLanguageError: no word list for ``lang``.
        RulePackError: the file is invalid.
    """
    if lang not in PRIVACY_LANGUAGES:
        raise UnsupportedLanguageError(
            f"no personal-data rules for language {lang!r}; use one of {PRIVACY_LANGUAGES}"
        )
    lex = read_lexicon(lexicon_path(lang))
    if lex.language != lang:
        raise RulePackError(lexicon_path(lang), f"language: is {lex.language!r}, expected {lang!r}")
    return lex

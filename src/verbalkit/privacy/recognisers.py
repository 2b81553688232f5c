"""Recognisers: regexes and word lists that find personal data in one utterance.

Numbers (personnummer, phone, card, bank account, customer id) are found as runs of
written or spoken digits (:mod:`verbalkit.privacy.spoken`) and classified by the nearest
cue before them ("kundnummer", "sort code", "ordernummer"), the word after them ("kr",
"%", "minutes") and their check digits. E-mails, IBANs, addresses and names have their own
recognisers. The word lists are ``models/{lang}/privacy.yaml``; checksums are code.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from verbalkit.privacy.checksums import (
    IBAN_LENGTHS,
    clearing_account_lengths,
    giro_ok,
    iban_ok,
    iban_shaped,
    luhn_ok,
    personnummer_ok,
)
from verbalkit.privacy.lexicon import PrivacyLexicon, broad_names, load_lexicon, word_names
from verbalkit.privacy.models import Kind, PersonalData
from verbalkit.privacy.spoken import NumberRun, _fold, number_runs, vocabulary

#: How far before a number (in characters) a cue still speaks for it.
CUE_WINDOW = 48

_TLDS = frozenset(
    [
        "com",
        "se",
        "net",
        "org",
        "nu",
        "uk",
        "co",
        "io",
        "eu",
        "de",
        "no",
        "dk",
        "fi",
        "info",
        "biz",
        "me",
        "edu",
        "gov",
        "ac",
        "fr",
        "es",
        "it",
        "nl",
        "ie",
        "us",
        "ca",
        "au",
        "ch",
        "at",
        "be",
        "pl",
    ]
)
_AT_WORDS = {
    "sv": ("snabel-a", "snabel a", "snabela", "at", "at-tecken", "at-tecknet"),
    "en": ("at", "at sign", "at symbol", "at-sign"),
}
_DOT_WORDS = {"punkt", "dot", "period"}
_JOIN_WORDS = {"underscore", "understreck", "bindestreck", "streck", "hyphen", "dash", "minus"}
#: Words that end a spoken domain ("at the office dot com" is not an address).
_DOMAIN_STOPS = frozenset({
    "the", "a", "an", "my", "your", "our", "his", "her", "their", "this", "that", "i", "you",
    "we", "he", "she", "it", "they", "is", "was", "are", "and", "or", "to", "in", "on", "of",
    "for", "with", "by", "from", "as", "den", "det", "de", "en", "ett", "min", "mitt", "din",
    "ditt", "vår", "vårt", "och", "eller", "jag", "du", "vi", "han", "hon", "ni", "på", "till",
    "med", "för", "av", "om", "från", "är", "var", "som", "att",
})  # fmt: skip
_EMAIL = re.compile(r"(?<![\w.+'’-])[\w.+'’-]+@[\w-]+(?:\.[\w-]+)+")
#: A customer id with letters: "K20045", "C-20045", "AB 123456" (after a customer cue only).
_ALNUM_ID = re.compile(
    r"(?<![\w-])[A-Za-z]{1,3}(?:-| (?=\d{5}))?(?:\d{4,}|\d{1,4}(?:[-/]\d{2,}){1,3})(?![\w-])"
)
#: Words that may stand between a customer cue and its id ("kundnummer är ju K20045").
_ID_GAP = re.compile(
    r"(?:[\s,:.–-]|\b(?:är|var|e|ju|nog|alltså|då|det|mitt|min|ditt|eh|öh|ehm|hm|ja|"
    r"is|was|it's|its|it|my|your|the|um|uh|er|erm|so|yes|yeah|that's|ok|okay)\b)*"
)
#: A bankgiro or plusgiro said by its owner ("mitt bankgiro", "my giro") or a company's.
_FIRST_PERSON = {
    "sv": re.compile(r"\b(?:mitt|min|mina|jag|mig|mej)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:my|mine|i|i'm|me)\b", re.IGNORECASE),
}
_COMPANY_GIRO = re.compile(
    r"\b(?:vårt|ert|era|deras|företagets|fakturans|fakturan|betala(?:s)? till|betalar till|"
    r"sätt in på|our|their|the company's|pay (?:it )?(?:in)?to|invoice)\b",
    re.IGNORECASE,
)
#: A possessive right before the giro cue: "mitt bankgiro", "min firmas bankgiro", "my giro".
_OWN_GIRO = {
    "sv": re.compile(
        r"\b(?:mitt|min|hennes|hans|hens)\s+(?:[^\W\d_][\w-]*\s+){0,2}$",
        re.IGNORECASE,
    ),
    # "my bankgiro", "my own bankgiro", "my Swedish bankgiro", "her old giro"
    "en": re.compile(r"\b(?:my|her|his)\s+(?:[^\W\d_][\w-]*\s+){0,2}$", re.IGNORECASE),
}
#: "... båda är mina privata", "... that's my personal one": said to be personal after it.
_PRIVATE_AFTER = re.compile(
    r"\b(?:(?:mina?|mitt)\s+(?:privata?|egna?|personliga?)|privat(?:a|t)?\b(?!\s+(?:företag|bolag))|"
    r"my\s+(?:own|personal|private)|(?:personal|private)\s+(?:one|account|giro))",
    re.IGNORECASE,
)
#: Said after a giro: it is a business's ("det är vårt företagskonto", "that's the
#: company's account", "firmans konto", "our business account").
_COMPANY_AFTER = re.compile(
    r"\b(?:vår|vårt|våra|ert|deras|our|their|företagets|bolagets|firmans|föreningens|"
    r"klubbens|the\s+(?:company|firm|business|club|charity|shop)['’]s)\b"
    r"|\b(?:företags|firma|bolags|förenings|klubb)konto\w*"
    r"|\b(?:business|company|corporate|firm|club|charity)\s+account\b",
    re.IGNORECASE,
)
#: A sole trader's business is the person: "jag har enskild firma som snickare, bankgiro ...",
#: "I'm a sole trader, my bankgiro ...". Said in the sentence before the giro cue.
_SOLE_TRADER = re.compile(
    r"\b(?:enskild\s+(?:firma|näringsidkare)|enskilda\s+firma|egenföretagare|"
    r"sole\s+trader|self[-\s]employed|sole\s+proprietor(?:ship)?)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:inte|inget|ingen|ej|not|no|isn't|isn’t|never|aldrig)\b", re.IGNORECASE)
#: "Klubbens plusgiro", "föreningens bankgiro", "the club's bankgiro": an organisation's.
_ORG_GIRO = re.compile(
    r"\b(?:(?:klubb|förening|firm|bolag|företag|kennel|brf|stiftelse|kyrk|skol|lag|"
    r"församling|organisation|kommun|region)\w*s|"
    r"(?:the\s+)?(?:club|society|association|company|firm|charity|church|school|co-op|"
    r"cooperative|kennel|council|business|team)['’]s)\s+$",
    re.IGNORECASE,
)
#: An organisation owning the number after it: "Föreningens kundnummer", "bolagets
#: kontonummer", "the residents' association account number", "our company's member number".
_ORG_OWNER = re.compile(
    r"(?<![\w-])(?:\w*(?:förening|klubb|bolag|företag|firm|brf|stiftelse|organisation|"
    r"samfällighet|kyrk|församling|kommun|region|myndighet|koncern|byrå)\w*s"
    r"|(?:club|society|association|company|firm|charity|church|co-op|cooperative|council|"
    r"business|partnership|organisation|organization|trust|practice|committee|federation|"
    r"union)['’]s"
    # attributive after "the"/"our": "the residents' association account number" (not
    # "my tennis club membership number": a club's member is a person)
    r"|\b(?:the|our|their)\s+(?:[\w'’-]+\s+)?(?:society|association|company|firm|charity|"
    r"council|business|partnership|committee|federation|union|co-op|cooperative))\s+"
    r"(?:(?:own|main|shared|gemensamma|egna)\s+)?$",
    re.IGNORECASE,
)
_NINO = re.compile(r"\b[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d]\b")
_UK_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}"
_ZIP_AFTER_CUE = re.compile(
    r"\bzip(?:\s?code)?(?:'s|\s+is|\s*:)?\s+(?P<zip>\d{5}(?:-\d{4})?)(?![\w-])", re.IGNORECASE
)
_MASK_TOKEN = re.compile(r"\[[A-Z_]+\]")
_DIGIT = re.compile(r"\d")
_CUE_GAP = re.compile(r"[\s,]+")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_DATE_SHAPE = re.compile(
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}|\d{1,2}[.:]\d{2}"
)
_HYPHEN_SPELLED = re.compile(r"(?<![\w-])[^\W\d_](?:-[^\W\d_]){2,}(?![\w-])")
_SPELL_GAP = re.compile(
    r"[\s,;.–-]*(?:(?:och|sen|och sen|sedan|and|then|and then)\b[\s,]*)?", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?:^|[.!?–—:;\"]\s*)$")
_COMMON_NUMBER_WORDS = frozenset(["en", "ett", "one", "o", "oh", "and", "och", "sex"])
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "den",
        "det",
        "en",
        "ett",
        "denna",
        "detta",
        "de",
        "some",
        "any",
        "our",
        "your",
        "my",
        "min",
        "mitt",
        "vår",
    ]
)


def _phrase_regex(
    phrases: Iterable[str], flags: int = re.IGNORECASE, after: str = r"(?![\w-])"
) -> re.Pattern[str]:
    """One regex for many phrases, longest first, whole words, spaces or commas between."""
    parts = sorted(set(phrases), key=len, reverse=True)
    alts = [r"[\s,]+".join(re.escape(w) for w in p.split()) for p in parts]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")" + after, flags)


def _word_alternation(phrases: Iterable[str]) -> str:
    """A non-capturing group of a pack's words for a regex, in the pack's order: a phrase's
    words apart by any spaces, a trailing ``*`` one or more letters more ("step*")."""
    alts = [
        r"\s+".join(
            re.escape(w[:-1]) + r"\w+" if w.endswith("*") else re.escape(w) for w in p.split()
        )
        for p in phrases
    ]
    return "(?:" + ("|".join(alts) or re.escape("\x00")) + ")"


#: Words that may stand where a team's name does ("from the accounts team", "from your
#: billing", "från vår kundtjänst"): closed-class words, so they stay here, not in a pack.
_DEPARTMENT_FUNCTION_WORDS = frozenset(["the", "head", "your", "our", "er", "ert", "vår", "vårt"])


@dataclass(frozen=True)
class _Compiled:
    """Everything one language needs, built once per process."""

    lex: PrivacyLexicon
    number_cues: re.Pattern[str]
    compound_cues: re.Pattern[str]
    customer_stems: frozenset[str]
    phone_stems: frozenset[str]
    bank_names: re.Pattern[str]
    number_cue_kind: dict[str, str]
    units: frozenset[str]
    name_cues: dict[tuple[str, ...], str]
    name_cue_words: int
    name_cue_heads: frozenset[str]
    name_cue_kind: dict[str, str]
    right_cues: frozenset[tuple[str, ...]]
    right_cue_words: int
    from_words: frozenset[str]
    titles: re.Pattern[str]
    first_names: frozenset[str]
    surnames: frozenset[str]
    hand_first_names: frozenset[str]
    hand_surnames: frozenset[str]
    surname_suffixes: tuple[str, ...]
    surname_prefixes: tuple[str, ...]
    not_names: frozenset[str]
    org_words: frozenset[str]
    place_prefixes: frozenset[str]
    not_name_phrases: re.Pattern[str]
    number_words: frozenset[str]
    street: re.Pattern[str]
    not_streets: frozenset[str]
    postcode_cues: re.Pattern[str]
    area_words: re.Pattern[str]
    at_words: re.Pattern[str]
    triggers: frozenset[str]
    rare_number_words: frozenset[str]
    email_stops: frozenset[str]
    homograph_names: frozenset[str]
    name_questions: re.Pattern[str]
    public_context: re.Pattern[str]
    place_names: frozenset[str]
    locatives: re.Pattern[str]
    place_nouns: frozenset[str]
    spelling: re.Pattern[str]
    spelling_strict: frozenset[str]
    spelling_words: frozenset[str]
    house: re.Pattern[str] | None
    unit_before: re.Pattern[str]
    house_words: frozenset[str]
    negative_owners: re.Pattern[str]
    spelled_cue_before: re.Pattern[str]
    role_comma: re.Pattern[str] | None
    role_apposition: frozenset[tuple[str, ...]]
    role_apposition_lasts: frozenset[str]
    relation_kin: frozenset[str]
    street_endings: tuple[str, ...]
    thing_naming: re.Pattern[str] | None
    thing_noun_words: frozenset[str]
    namesake_before: re.Pattern[str] | None
    public_figures: re.Pattern[str] | None
    email_roles: frozenset[str]
    pet_naming: re.Pattern[str]
    name_cue_before: re.Pattern[str]
    person_nouns: frozenset[str]
    person_street: re.Pattern[str]
    business_contact: re.Pattern[str] | None
    business_before: re.Pattern[str] | None
    pet_after: re.Pattern[str]
    pet_right_before: re.Pattern[str]
    animal_words: frozenset[str]
    animal_nouns: frozenset[str]
    business_phone_before: re.Pattern[str] | None
    business_after: re.Pattern[str] | None
    word_names: frozenset[str] = frozenset()
    #: kin words that are also listed first names ("my nan Dorothy", "min moster Rut"): said
    #: before a name they are the relation, not part of the name
    kin_names: frozenset[str] = frozenset()
    #: last words of company names ("Svea Solar", "Virgin Media", "Octopus Energy")
    business_tails: frozenset[str] = frozenset()
    #: the last word of a product line's name: "Arvid Nordquist Classic", "Gevalia Mellanrost"
    product_lines: frozenset[str] = frozenset()
    #: mail providers and ISPs whose addresses belong to private people
    personal_mail_domains: frozenset[str] = frozenset()
    #: nouns right after a name that make it a thing named after someone: "William Morris
    #: fabric", "Victoria sponge", "en Carl Malmsten-stol" (a make, a style, a dish, a breed)
    eponym_after: re.Pattern[str] = re.compile("\x00")
    #: months that are also names: "it's may again" is the month
    month_names: frozenset[str] = frozenset()
    #: workplaces after "from the": "it's hope from the swedish office"
    office_words: frozenset[str] = frozenset()
    #: teams a caller or an agent says they are from: "Nnamdi from accounts", "Lejla på ekonomi"
    departments: frozenset[str] = frozenset()
    #: titles that are no kin word ("Farmor Annas kakor" may be grandma's own)
    plain_titles: frozenset[str] = frozenset()
    #: titles before a street named after someone: "Drottning Kristinasvägen 3"
    street_owner_titles: frozenset[str] = frozenset()
    #: endings of a firm's word: "Fastighetsförmedling", "Mäklarbyrå", "Bygg", "Lettings"
    firm_endings: tuple[str, ...] = ()
    #: a compound in the definite form whose last part is premises: "Skärmflygcentret",
    #: "Bilverkstaden", "friggeboden" are places and things, not people (sv)
    premises_tails: tuple[str, ...] = ()
    #: a compound whose last part is a dish: "Gustav Adolfsbakelse" (sv)
    dish_tails: tuple[str, ...] = ()
    #: made things that are often named after a designer: "tyget är William Morris"
    made_things: tuple[str, ...] = ()
    #: words of TV, film and shows: a name beside one is a public figure's ("an episode with
    #: Kirstie Allsopp", "programmet med Martin Timell"); not "spelar" (a player in a club)
    broadcast_words: re.Pattern[str] = re.compile("\x00")
    #: a work after its maker's name: "Sally Rooney's latest", "Läckbergs nya bok"
    work_after: re.Pattern[str] = re.compile("\x00")
    #: trading in something: "we sell", "they stock", "vi säljer", "vi har bara": brands follow
    trade_before: re.Pattern[str] = re.compile("\x00")
    #: a person at their post said of as the one who says or did something: "Mattsson på
    #: kontoret säger", "Prendeville in accounts says", "Grady the plumber said"
    post_then_says: re.Pattern[str] = re.compile("\x00")
    #: a business's premises with "our"/"vår" and a verb of place: "Vårt krematorium ligger
    #: på", "Vår plantskola finns på", "Our yard is at", "our showroom's on"; not a home or a
    #: person said with "our" ("our house is at": contexts.own_home_words)
    our_premises: re.Pattern[str] = re.compile("\x00")
    #: a children's or fan topic in the sentence: the name is a character's
    child_topic: re.Pattern[str] = re.compile("\x00")
    #: eating, drinking or shopping said in the same sentence: the place is a shop or eatery
    consume_verb: re.Pattern[str] = re.compile("\x00")
    #: ferries and cruises: "Vi seglar med Gabriella i år, och Viking Grace går till Åbo"
    ferry_words: re.Pattern[str] = re.compile("\x00")
    #: a brand after a pack or a container: "en ask Anthon Berg", "a tin of Quality Street"
    container_before: re.Pattern[str] = re.compile("\x00")
    #: a venue and its name: "a restaurant in Rohnert Park called", "ett café som heter"
    venue_called_before: re.Pattern[str] = re.compile("\x00")
    #: a thing and what the family calls it: "the robot hoover the kids call", "gräsklipparen
    #: som vi kallar"
    thing_called_before: re.Pattern[str] = re.compile("\x00")


#: Business nouns that may be the caller's own workplace: its number may be a work line.
_WORK_PLACES = frozenset(
    ["office", "head office", "headquarters", "hq", "company", "firm", "business", "workshop",
     "studio", "kontoret", "bolaget", "företaget", "firman", "verkstaden", "studion", "byrån"]
)  # fmt: skip


def _business_before(
    lang: str, nouns: tuple[str, ...], our_nouns: tuple[str, ...] = ()
) -> re.Pattern[str] | None:
    """An organisation, its premises or a desk said to be at the address or number that
    follows: "Bussbolaget har sitt kontor på", "Konserthusets adress är", "Kundtjänst nås på",
    "ring vår växel på", "du hittar oss på"; "the concert hall is at", "Customer services
    are on", "call our switchboard on", "find us at". Ends where the find starts.

    ``our_nouns`` (default ``nouns``) are the premises whose number said with "our"/"vår"
    is a business's own: "Our office number is", "Vårt kontor har nummer" (an office said
    without "our" may be the caller's work line)."""
    if not nouns:
        return None
    ours = our_nouns or nouns
    if lang == "sv":
        # after "vår"/"vårt" a noun is said without its article: "vårt kontor", "vår butik"
        bare = {n[:-2] if n.endswith(("en", "et")) else n for n in ours if not n.startswith("-")}
        # bare forms the article rule above gets wrong or misses ("lagret", "depån")
        bare |= {"lager", "depå", "hall", "lokal", "showroom", "utlämningsställe"}
        our_free = "|".join(sorted(map(re.escape, bare | set(ours)), key=len, reverse=True))
        our_noun = rf"(?:{our_free})s?(?![\w-])"
        free = "|".join(re.escape(n) for n in nouns if not n.startswith("-")) or "\x00"
        inner = "|".join(re.escape(n[1:]) for n in nouns if n.startswith("-")) or "\x00"
        # the end of a word, alone or in a compound ("bussbolaget"): no leading \w* to try
        noun = rf"(?:(?:{free})|(?<=\w)(?:{inner}))s?(?![\w-])"
        body = (
            rf"{noun}\s+(?:(?:besöks|post)?adress|(?:telefon)?nummer|nummer)\s+är"
            # "Växeln på labbet är", "Receptionen på hotellet har nummer": a desk of premises
            rf"|(?<!\bmin\s)(?<!\bmitt\s){noun}\s+(?:på|i|vid)\s+(?!jobbet\b|arbetet\b)[\w-]+\s+"
            r"(?:är|har\s+(?:telefon)?(?:nummer|numret)"
            r"|nås\s+på|svarar\s+på)"
            rf"|{noun}\s+(?:har|hade)\s+(?:sitt|sin|sina|vårt|vår|ert|er)\s+\w+\s+(?:på|i|vid)"
            # "Stiftelsen har sitt kontor på": premises said with any subject
            r"|\b(?:har|hade)\s+(?:sitt|sin|sina|vårt|vår|ert|er|deras)\s+(?:huvudkontor|kontor"
            r"|lager|säte|butik|butiker|verkstad|lokal|lokaler|reception|expedition|filial|fabrik"
            r"|depå|showroom)\s+(?:på|i|vid)"
            # "Företaget finns på", "Klubbens kansli ligger på": a genitive and a noun between
            rf"|{noun}(?:\s+\w+)?\s+(?:ligger|låg|finns|fanns|sitter|satt|håller\s+till|har\s+flyttat\s+till"
            r"|flyttar\s+till|har\s+adressen|har\s+numret|har\s+telefonnumret|nås"
            r"|når\s+(?:du|ni|man))(?:\s+(?:på|i|vid|till|via))?"
            rf"|(?:vår|vårt|våra|deras|dess|er|ert)\s+(?:\w+\s+)?{noun}\s+(?:på|är|nås\s+på)"
            # "vårt lager på", "vår depå på", "vår verkstad i": the premises said bare
            rf"|\b(?:vår|vårt|våra)\s+(?:\w+\s+)?{our_noun}\s+(?:på|i|vid)"
            # "Vår växel har nummer", "Vårt kontor har telefonnumret": the business's line
            rf"|\b(?:vår|vårt|våra)\s+(?:\w+\s+)?{our_noun}\s+(?:har\s+)?"
            r"(?:(?:telefon)?(?:nummer|numret)|nås\s+på)(?:\s+är)?"
            # "Ring receptionen på", "ring verkstaden på": premises or a desk called (round 21)
            rf"|\b(?:ring|ringa|ringer|kontakta|kontaktar)\s+(?:vår\s+|vårt\s+)?{noun}\s+på"
            r"|(?:hittar|når|besöker|besök|kontaktar|kontakta|hitta)\s+(?:ni\s+|du\s+|man\s+)?oss"
            r"\s+(?:på|i|vid)"
            r"|\bvi\s+(?:ligger|finns|sitter|håller\s+till|har\s+(?:vårt\s+)?kontor)"
            r"\s+(?:(?:nu|numera|fortfarande|istället)\s+)?(?:på|i|vid)"
            # "Hörselkliniken har flyttat, vi är nu på": the organisation moved
            rf"|{noun}\s+har\s+flyttat[\s,]+(?:och\s+)?(?:vi\s+|den\s+|det\s+)?"
            r"(?:finns|ligger|sitter|håller\s+till|är)\s+(?:nu\s+|numera\s+)?(?:på|i|vid)"
        )
    else:
        alts = sorted(nouns, key=len, reverse=True)
        noun = r"(?<![\w-])(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in alts)
        noun += r")"
        our_alts = sorted(ours, key=len, reverse=True)
        our_noun = "(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in our_alts) + ")"
        address = r"(?:(?:main|postal|street|visiting|registered)\s+)?(?:address|(?:phone\s+|telephone\s+)?number|line)"
        body = (
            rf"{noun}(?:(?:['’]s)?\s+(?:{address}\s+)?(?:is|are|was|were)|['’]s)"
            r"\s+(?:(?:now\s+)?(?:located|based|situated)\s+)?(?:at|on|in)?"
            # "The box office at the theatre answers on", "the desk at the gym is": a desk of
            # premises
            rf"|(?<!\bmy\s){noun}\s+(?:at|in|of)\s+(?:the\s+)?(?!work\b)[\w'’-]+\s+"
            r"(?:is|are|answers|picks\s+up"
            r"|takes\s+calls|can\s+be\s+reached)"
            r"\s+(?:(?:now\s+)?(?:located|based|situated)\s+)?(?:at|on|in)?"
            rf"|(?:call|ring|phone|contact|text|reach|write\s+to)\s+(?:our|their|the)\s+"
            rf"(?:[\w'’-]+\s+)?{noun}\s+(?:on|at)"
            # "ring reception on", "phone the front desk on": a desk called (round 21)
            rf"|\b(?:call|ring|phone|contact)\s+{noun}\s+(?:on|at)"
            r"|(?:find|visit|reach|contact)\s+us\s+(?:at|on|in)"
            # "Our office number is", "our workshop's phone number is": the business's line
            rf"|\bour\s+(?:[\w'’-]+\s+)?{our_noun}(?:['’]s)?\s+(?:main\s+)?"
            r"(?:phone\s+|telephone\s+)?(?:number|line)\s+(?:is|was)"
            r"|\bwe(?:['’]re|\s+are)\s+(?:located|based|situated)\s+(?:at|on|in)"
            # "our warehouse at", "from our workshop at": the premises and where they are
            rf"|\bour\s+(?:[\w'’-]+\s+)?{our_noun}\s+(?:at|on|in)"
            # "Our clinic has moved, we're now at": the organisation moved, not the caller
            rf"|{noun}\s+(?:has|have|had)\s+(?:now\s+)?moved[\s,]+(?:and\s+|so\s+)?"
            r"(?:we(?:['’]re|\s+are)|it['’]s|it\s+is|they['’]re|they\s+are)\s+(?:now\s+)?(?:at|on|in)"
        )
    return re.compile(rf"(?:{body})[\s:,]*$", re.IGNORECASE)


def _norm(phrase: str) -> str:
    return " ".join(phrase.replace(",", " ").lower().split())


#: Accents a name list may leave out ("Tomás" → "tomas", "Ibáñez" → "ibanez"); never the
#: Swedish letters å, ä and ö, which make other words ("här" is not "har"), nor é ("Helén",
#: "café" are listed with it).
_LATIN_ACCENTS = str.maketrans(
    "áàâãāíìîïīóòôõōúùûūñçýÿćčśšźžżłńőűğşı",
    "aaaaaiiiiiooooouuuuncyyccsszzzlnougsi",
)


class _HyphenNames(frozenset[str]):
    """First names, and any double name whose two parts are first names ("mary-beth",
    "jean-paul", "karl-erik"): a double name need not be listed to be known."""

    def __contains__(self, word: object) -> bool:
        if frozenset.__contains__(self, word):
            return True
        if not isinstance(word, str) or word.count("-") != 1:
            return False
        a, b = word.split("-")
        return (
            len(a) > 1
            and len(b) > 1
            and frozenset.__contains__(self, a)
            and frozenset.__contains__(self, b)
        )


@functools.cache
def compiled(lang: str) -> _Compiled:
    """The compiled recognisers of a language (once per process)."""
    lex = load_lexicon(lang)
    ctx = lex.contexts
    cue_kind: dict[str, str] = {}
    for kind in ("personnummer", "phone", "email", "card", "iban", "bank_account", "customer_id"):
        for p in getattr(lex.cues, kind):
            cue_kind.setdefault(p, kind)
    for p in lex.cues.negative:
        cue_kind[p] = "negative"
    names = lex.names
    # the hand-made lists and the broad name files (census lists), less the pack's non-names
    more_first, more_surnames = broad_names(lang)
    first_names = (frozenset(names.first_names) | more_first) - frozenset(names.not_names)
    first_names |= frozenset(names.first_names)
    first_names = _HyphenNames(first_names)
    surnames = frozenset(names.surnames) | (more_surnames - frozenset(names.not_names))
    name_kind: dict[str, str] = {}
    person_cues: dict[str, list[str]] = {"strong": [], "medium": []}
    for noun in names.person_nouns:
        # "resenären heter X", "the passenger is X", "the breeder's name is X"
        if lang == "sv":
            person_cues["strong"] += [f"{noun} heter", f"{noun} hette"]
            person_cues["medium"] += [f"{noun} är"]
        else:
            person_cues["strong"] += [f"{noun} is called", f"{noun}'s name is", f"{noun} is named"]
            person_cues["medium"] += [f"{noun} is", f"{noun} was", f"{noun}'s"]
    for cue in names.medium_cues:
        # "min sambos namn, Jonatan Ek", "in my nan's name": a kin word's name; "min son
        # heter Alfons", "my son's called Alfie": a kin word named
        words = cue.split()
        if len(words) == 2 and words[0] in ("my", "min", "mitt"):
            if lang == "sv":
                person_cues["medium"] += [f"{cue}s namn", f"i {cue}s namn", f"på {cue}s namn"]
                person_cues["strong"] += [f"{cue} heter", f"{cue} hette"]
            else:
                person_cues["medium"] += [f"{cue}'s name", f"in {cue}'s name"]
                person_cues["strong"] += [
                    f"{cue}'s called",
                    f"{cue} is called",
                    f"{cue}'s name is",
                    f"{cue} was called",
                ]
    for kind, phrases in (
        ("medium", tuple(person_cues["medium"])),
        ("strong", tuple(person_cues["strong"])),
        ("weak", names.weak_cues),
        ("medium", names.medium_cues),
        ("strong", names.strong_cues),
        ("spelled", names.spelled_cues),
        ("copula", names.copula_cues),
        ("holder", names.holder_cues),
        ("assign", names.assign_cues),
        ("about", names.about_cues),
    ):
        for p in phrases:
            name_kind[p] = kind
    addr = lex.addresses
    suffixes = "|".join(sorted((re.escape(s) for s in addr.street_suffixes), key=len, reverse=True))
    prefixes = "|".join(re.escape(p) for p in addr.street_prefixes)
    vocab = vocabulary(lang)
    spoken_num = "|".join(
        sorted(
            (
                re.escape(w)
                for w, (k, _) in vocab.items()
                if k in "utxd" or w in ("hundra", "hundred")
            ),
            key=len,
            reverse=True,
        )
    )
    if lang == "sv":
        # "Storgatan 12", "Östra Hamngatan 18 B", "lilla nygatan fjorton"
        street = (
            rf"(?:\b(?:{prefixes})\s+)?\b(?P<street>(?:[^\W\d_][\w-]*?)?(?:{suffixes}))"
            rf"\s+(?P<num>\d{{1,4}}(?:[A-Ha-h]\b|\s[A-H]\b)?(?!\w)|(?:{spoken_num})\b"
            rf"(?:\s[a-hA-H]\b(?![-'’]))?)"
        )
    else:
        # "12 Baker Street", "221B Baker Street", "forty two wallaby way"
        number = (
            rf"(?:\d{{1,5}}[A-Za-z]?|(?:(?:{spoken_num})(?:\s+(?:hundred|and|{spoken_num}))*"
            rf"(?:\s[a-h](?=\s[^\W\d_]{{3,}}))?))"
        )
        street = (
            rf"\b(?P<num>{number})\s+(?P<street>(?:(?:[^\W\d_][\w'’]*|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,3}}?)"
            rf"(?P<suffix>{suffixes})\b\.?(?-i:\s(?:NW|NE|SW|SE|N|E|S|W|West|East|North|South)\b)?"
        )
    # Words that can start a name: a number needs a digit or number word to matter, and a
    # weak or medium cue ("hej", "det är") needs a known or capitalised name after it.
    triggers = set(first_names) | set(names.titles) | set(names.homograph_names) | word_names(lang)
    triggers |= {"box", "snabel", "snabela"}
    # round 19: a role before a name that says something ("ljudteknikern sebbe sa")
    triggers |= {_norm(q).split()[-1] for q in names.apposition_nouns}
    for p in list(names.strong_cues) + list(names.spelled_cues):
        triggers.add(max(p.split(), key=len))
    stops = set(names.not_names) | set(lex.cues.email) | {"it's", "that's", "email's", "mejl"}
    stops -= {"at"}
    return _Compiled(
        lex=lex,
        number_cues=_phrase_regex(cue_kind),
        compound_cues=_COMPOUND_CUES[lang],
        customer_stems=frozenset(lex.cues.customer_stems),
        phone_stems=frozenset(lex.cues.phone_stems),
        bank_names=_phrase_regex(lex.cues.bank_names or ("\x00",)),
        number_cue_kind={_norm(k): v for k, v in cue_kind.items()},
        units=frozenset(lex.cues.units),
        name_cues={tuple(_norm(k).split()): v for k, v in name_kind.items()},
        name_cue_words=max((len(k.split()) for k in name_kind), default=1),
        name_cue_heads=frozenset(_norm(k).split()[0] for k in name_kind),
        name_cue_kind={_norm(k): v for k, v in name_kind.items()},
        right_cues=frozenset(tuple(_norm(p).split()) for p in names.right_cues),
        right_cue_words=max((len(p.split()) for p in names.right_cues), default=1),
        from_words=frozenset(names.from_words),
        titles=_phrase_regex(names.titles),
        first_names=first_names,
        surnames=surnames,
        hand_first_names=frozenset(names.first_names),
        hand_surnames=frozenset(names.surnames),
        word_names=word_names(lang) - frozenset(names.not_names) - first_names,
        kin_names=frozenset(lex.contexts.kin_names),
        business_tails=frozenset(lex.contexts.business_tails),
        month_names=frozenset(lex.contexts.month_names),
        office_words=frozenset(lex.contexts.office_words),
        departments=frozenset(lex.contexts.department_words) | _DEPARTMENT_FUNCTION_WORDS,
        plain_titles=frozenset(lex.contexts.plain_titles),
        street_owner_titles=frozenset(addr.street_owner_titles),
        firm_endings=lex.contexts.firm_endings,
        premises_tails=lex.contexts.compound_premises_tails,
        dish_tails=lex.contexts.compound_dish_tails,
        made_things=lex.contexts.made_things,
        broadcast_words=re.compile(
            rf"\b(?:{_word_alternation(lex.contexts.broadcast_words)}|channel\s+\d)\b",
            re.IGNORECASE,
        ),
        work_after=re.compile(
            # the adjectives ("latest", "nya") stay here: a closed class of a few words
            r"(?:['’]s|s)?\s+(?:(?:latest|newest|new|last|first|debut|next|recent|early|best|"
            r"senaste|nya|första|sista|nästa|tidiga|bästa)(?=[\s.,!?]|$)\s*)?"
            rf"{_word_alternation(lex.contexts.work_after_nouns)}\b"
            r"|['’]s\s+(?:latest|newest|new\s+one|senaste)\b",
            re.IGNORECASE,
        ),
        child_topic=re.compile(
            # "lunch\s?box" (one space or none) stays here: a pack phrase takes any spaces
            rf"\b(?:{_word_alternation(ctx.child_topic_words)}|lunch\s?box)\b",
            re.IGNORECASE,
        ),
        consume_verb=re.compile(rf"\b{_word_alternation(ctx.consume_words)}\b", re.IGNORECASE),
        ferry_words=re.compile(rf"\b{_word_alternation(ctx.ferry_words)}\b", re.IGNORECASE),
        container_before=re.compile(
            # articles and numerals are closed-class: they stay here
            r"\b(?:en|ett|två|tre|a|an|one|two|three|some|\d+)\s+"
            rf"{_word_alternation(ctx.container_words)}\s+(?:of\s+)?$",
            re.IGNORECASE,
        ),
        venue_called_before=re.compile(
            rf"\b{_word_alternation(ctx.venue_called_words)}\b[^.!?]{{0,40}}"
            r"\b(?:called|named|som\s+heter|som\s+hette)\s+$",
            re.IGNORECASE,
        ),
        thing_called_before=re.compile(
            rf"\b{_word_alternation(ctx.household_things)}\s+(?:that\s+|which\s+|som\s+)?"
            # who names it and how: closed-class words, they stay here
            r"(?:the\s+kids|the\s+children|we|they|i|my\s+\w+|barnen|vi|de|jag|ungarna)\s+"
            r"(?:call|calls|called|have\s+named|named|kallar|kallade|döpte|har\s+döpt)"
            r"(?:\s+(?:it|den|det))?\s+$",
            re.IGNORECASE,
        ),
        post_then_says=re.compile(
            r"(?:\s+(?:på|i|in|at|from|från)\s+(?:the\s+)?"
            + _word_alternation(lex.contexts.workplace_words)
            + r"|,?\s+the\s+"
            + _word_alternation(lex.contexts.trade_roles)
            + r")"
            # the speech verbs and auxiliaries are closed-class words: they stay here
            r",?\s+(?:says|said|told|tells|thinks|reckons|confirmed|came|come|rang|called|"
            r"phoned|has|had|was|is|will|säger|sa|sade|tycker|menar|lovade|ringde|kom|har|hade|"
            r"var|är|ska)\b",
            re.IGNORECASE,
        ),
        our_premises=re.compile(
            rf"\b(?:vår|vårt|våra)\s+(?!{_word_alternation(lex.contexts.own_home_words)}\b)"
            r"[^\W\d_]+\s+"
            r"(?:ligger|låg|finns|håller\s+till|har\s+flyttat\s+till)\s+(?:nu\s+|numera\s+)?"
            r"(?:på|i|vid)[\s:,]*$"
            rf"|\bour\s+(?!{_word_alternation(lex.contexts.own_home_words)}\b)[^\W\d_]+"
            r"(?:\s+is|\s+are|['’]s|['’]re|\s+has\s+moved\s+to)"
            r"\s+(?:now\s+)?(?:located\s+|based\s+)?(?:at|on|in)?[\s:,]*$",
            re.IGNORECASE,
        ),
        trade_before=re.compile(
            # subjects and adverbs are closed-class words: they stay here
            r"\b(?:we|they|you|vi|de|dom|ni|the\s+shop|butiken)\s+(?:(?:also|only|just|mainly|"
            r"mostly|don['’]t|do|no\s+longer|still|också|även|bara|mest|inte|fortfarande)\s+)*"
            rf"{_word_alternation(lex.contexts.trade_verbs)}\s+"
            r"(?:(?:both|mostly|mainly|only|either|all|både|mest|bara|alla|antingen)\s+)?$",
            re.IGNORECASE,
        ),
        product_lines=frozenset(lex.contexts.product_lines),
        personal_mail_domains=frozenset(lex.cues.personal_mail_domains),
        eponym_after=re.compile(
            rf"[\s-]{_word_alternation(lex.contexts.eponym_products)}\b", re.IGNORECASE
        ),
        surname_suffixes=names.surname_suffixes,
        surname_prefixes=names.surname_prefixes,
        not_names=frozenset(names.not_names),
        org_words=frozenset(w.lower() for w in names.org_words),
        place_prefixes=frozenset(w.lower() for w in names.place_prefixes),
        not_name_phrases=_phrase_regex(names.not_name_phrases, after=r"(?!\w)"),
        number_words=frozenset(vocab),
        street=re.compile(street, re.IGNORECASE),
        not_streets=frozenset(addr.not_streets),
        postcode_cues=_phrase_regex(addr.postcode_cues),
        area_words=_phrase_regex(addr.area_words),
        at_words=_phrase_regex(_AT_WORDS[lang]),
        triggers=frozenset(triggers),
        rare_number_words=frozenset(
            w
            for w, (k, _) in vocab.items()
            if (k in "utxd" and w not in _COMMON_NUMBER_WORDS) or w in ("hundra", "hundred")
        ),
        email_stops=frozenset(stops),
        homograph_names=frozenset(names.homograph_names),
        name_questions=_phrase_regex(names.name_questions or ("\x00",)),
        public_context=_phrase_regex(names.public_context or ("\x00",)),
        place_names=frozenset(names.place_names),
        locatives=_phrase_regex(names.locatives or ("\x00",), after=r"[\s,]+$"),
        place_nouns=frozenset(names.place_nouns),
        spelling=_spelling_regex(names.spelling_links),
        spelling_strict=frozenset(p for p in names.spelling_links if " " in p),
        spelling_words=frozenset(p.split()[0] for p in names.spelling_links),
        house=_house_regex(addr.house_names, suffixes) if lang == "en" else None,
        negative_owners=_phrase_regex(lex.cues.negative_owners or ("\x00",), after=r"(?![\w-])"),
        house_words=frozenset(addr.house_names if lang == "en" else ()),
        unit_before=re.compile(
            r"\b(?:" + "|".join(re.escape(u) for u in addr.unit_cues) + r")"
            # "Flat 2/1, 48 Dumbarton Road": a Glasgow flat, floor and door
            r"\s+\d+[A-Za-z]?(?:/\d{1,2})?,?\s*$",
            re.IGNORECASE,
        ),
        spelled_cue_before=re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in names.spelled_cues) + r")\b[\s,:.]*$",
            re.IGNORECASE,
        ),
        street_endings=tuple(s for s in addr.street_suffixes if len(s) > 3),
        role_apposition=frozenset(
            tuple(_norm(q).split())
            for q in names.role_nouns + names.person_nouns + names.apposition_nouns
        ),
        role_apposition_lasts=frozenset(
            _norm(q).split()[-1]
            for q in names.role_nouns + names.person_nouns + names.apposition_nouns
        ),
        # "för gunnar min pappa", "calling for bill my dad": kin said right after a name
        relation_kin=frozenset(
            q.split(maxsplit=1)[1]
            for q in names.medium_cues
            if q.split()[0] in ("my", "min", "mitt") and len(q.split()) == 2
        ),
        role_comma=_phrase_regex(names.role_nouns + names.person_nouns, after=r"\s*,\s+")
        if names.role_nouns or names.person_nouns
        else None,
        thing_noun_words=frozenset(_norm(q) for q in names.thing_nouns if " " not in q.strip()),
        thing_naming=_phrase_regex(
            names.thing_nouns,
            after=r"(?:['’]s)?(?:\s+name)?\s+(?:heter|hette|kallas|kallades|är\s+döpt\s+till|"
            r"döptes\s+till|is\s+called|was\s+called|is\s+named|was\s+named|called|named)\s+$",
        )
        if names.thing_nouns
        else None,
        namesake_before=_phrase_regex(names.namesake_cues, after=r"\s+$")
        if names.namesake_cues
        else None,
        public_figures=_phrase_regex(names.public_figures, after=r"(?![\w-])")
        if names.public_figures
        else None,
        email_roles=frozenset(lex.cues.email_roles),
        # up to the find it names: "their phone number is ", "the restaurant is located at "
        business_contact=_phrase_regex(lex.cues.business_contact, after=r"[\s:,]*$")
        if lex.cues.business_contact
        else None,
        business_before=_business_before(lang, lex.cues.business_nouns + lex.cues.business_desks),
        # a phone: a desk or premises, not an office ("the office number is" may be one's
        # own work line)
        business_phone_before=_business_before(
            lang,
            lex.cues.business_desks
            + tuple(n for n in lex.cues.business_nouns if n not in _WORK_PLACES),
            lex.cues.business_desks + lex.cues.business_nouns,
        ),
        business_after=_phrase_regex(lex.cues.business_after) if lex.cues.business_after else None,
        person_nouns=frozenset(names.person_nouns),
        person_street=re.compile(
            # "Hjalmar Brantings plan 4", "Karl Johans gata 12", "karl johans gata tolv"
            rf"(?<![\w-])(?P<street>[^\W\d_][\w-]*s\s+(?:{suffixes}))"
            rf"\s+(?P<num>\d{{1,4}}(?:[A-Ha-h]\b|\s[A-H]\b)?(?!\w)|(?:{spoken_num})\b)",
            re.IGNORECASE,
        )
        if lang == "sv"
        else re.compile("\x00"),
        name_cue_before=_phrase_regex(
            list(names.strong_cues) or ["\x00"],
            after=r"(?:[\s,]+[^\W\d_]{2,}){0,2}[\s,:]*$",
        ),
        pet_naming=_phrase_regex(names.animal_nouns or ("\x00",), after=_PET_VERBS),
        animal_words=frozenset(w for n in names.animal_nouns for w in n.split()),
        animal_nouns=frozenset(n for n in names.animal_nouns if " " not in n),
        pet_right_before=_phrase_regex(names.animal_nouns or ("\x00",), after=r",?\s+$"),
        # "mr whiskers the cat", "Sixten, vår katt": an animal said right after the name
        pet_after=re.compile(
            r"[\s,]+(?:(?:the|our|my|his|her|their|vår|vårt|min|mitt|hans|hennes|deras)\s+"
            # "han heter sixten alltså hunden", "monty the horse i mean": a filler first
            r"|(?:alltså|asså|dvs|i\s+mean|that\s+is|that's)[\s,]+"
            r"(?:(?:the|our|my|his|her|their|vår|vårt|min|mitt|hans|hennes|deras)\s+)?)"
            + _phrase_regex(names.animal_nouns or ("\x00",)).pattern,
            re.IGNORECASE,
        ),
    )


def _spelling_regex(links: Iterable[str]) -> re.Pattern[str]:
    """ "a som i adam", "b as in bravo": a letter, a link and a word."""
    alts = "|".join(
        r"\s+".join(re.escape(w) for w in p.split())
        for p in sorted(set(links), key=len, reverse=True)
    ) or re.escape("\x00")
    return re.compile(
        rf"(?<![\w'’-])(?P<letter>[^\W\d_])\s+(?P<link>{alts})\s+(?P<word>[^\W\d_]+)",
        re.IGNORECASE,
    )


def _house_regex(house_names: Iterable[str], suffixes: str) -> re.Pattern[str]:
    """ "Rose Cottage, Mill Lane", "14 The Old Rectory, Church Lane": a house name and its street."""
    heads = "|".join(sorted((re.escape(h) for h in house_names), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?:\d{{1,4}}[A-Za-z]?\s+)?(?:the\s+)?(?:[^\W\d_][\w'’]*\s+){{1,2}}?"
        rf"(?:{heads})(?:,\s*|\s+)(?:[^\W\d_][\w'’]*\s+){{1,2}}?(?:{suffixes})\b\.?",
        re.IGNORECASE,
    )


def _hit(
    lang: str, kind: Kind, slug: str, start: int, end: int, text: str, conf: float
) -> PersonalData:
    # Trim spaces and trailing punctuation the patterns may have swallowed.
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:!?"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return PersonalData(
        start=start,
        end=end,
        kind=kind,
        rule=f"{lang}.{kind}.{slug}",
        confidence=conf,
        text=text[start:end],
    )


# ---------------------------------------------------------------- numbers


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    kind: str


#: Number cues that say only "number": whose number it is, the words before may tell.
_GENERIC_NUMBER_CUES = frozenset(["nummer", "numret", "nr", "number", "no"])
#: "fakturan har nummer", "ärendet med numret", "the invoice has the number".
_OWNER_LINK = re.compile(
    r"[\s,]*(?:(?:som\s+)?(?:har|hade|med|fick|fått|får|is|was|has|had|with|that\s+has|"
    r"which\s+has|got|gets|är|var)[\s,]+)?(?:(?:det|den|ett|en|the|a|an)\s+)?",
    re.IGNORECASE,
)


#: Number cues made by compounding: "hyresgästnumret", "biljettnummer", "SEB-konto",
#: "patient id" (sv); "tenant number", "policyholder number", "OCR number" (en).
_COMPOUND_CUES = {
    "sv": re.compile(
        r"(?<![\w-])(?P<stem>[^\W\d_][\w&]*?)(?:-|\s(?=id\b))?"
        r"(?P<head>nummer|numret|nummret|nr|id|konto|kontot)(?![\w-])",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"(?<![\w-])(?P<stem>[^\W\d_][\w'’&]*(?: [^\W\d_][\w'’&]*)?)\s"
        r"(?P<head>number|no|id|ref|reference|num)(?![\w-])",
        re.IGNORECASE,
    ),
}


#: The last part of a Swedish compound stem that binds a number to a person, whatever
#: comes before it ("servicekund", "föreningsmedlems", "vårdpatient").
_SV_PERSON_STEM_HEADS = ("kund", "kunds", "medlems", "patient", "patients", "hyresgäst", "elev")


def _compound_cue(m: re.Match[str], lang: str, c: _Compiled) -> str | None:
    """The kind a compound number cue speaks for; None: no say."""
    stem, head = m.group("stem").lower(), m.group("head").lower()
    words = stem.split()
    candidates = [stem, words[-1]] if len(words) > 1 else [stem]
    if head.startswith("konto") or stem.endswith("konto"):
        return "bank_account"  # "SEB-konto", "lönekontot", "bankkontonummer"
    for st in candidates:
        st = st.strip("-")
        if st in c.customer_stems:
            return "customer_id"
        if st in c.phone_stems:
            return "phone"
    if lang == "sv":
        if len(words) > 1 or head == "id":
            return None  # "patient id" is handled above; "en id" says nothing
        if any(stem.endswith(st) and len(stem) - len(st) >= 3 for st in _SV_PERSON_STEM_HEADS):
            return "customer_id"  # "servicekundnumret", "föreningsmedlemsnummer"
        for st in (stem, stem[:-1]) if stem.endswith("s") else (stem,):
            kind = c.number_cue_kind.get(st)
            if kind is not None and kind != "negative":
                return kind  # "Amexnumret", "Visanumret": a cue word compounded with "nummer"
        return "negative"  # biljettnumret, bokningsnummer, leverantörsnummer ...
    last = m.group("stem").split()[-1]
    if c.number_cue_kind.get(last.lower(), "negative") != "negative":
        return None  # "VISA number": the word is a cue of its own
    if last.isupper() and 2 <= len(last) <= 5:
        return "negative"  # "OCR number", "VAT number", "EAN number"
    return None


def _compound_cue_single(m: re.Match[str], lang: str, c: _Compiled) -> bool:
    """A two-word stem whose first word is not part of the cue ("my tenant number")."""
    stem = m.group("stem").lower()
    return stem not in c.customer_stems and stem not in c.phone_stems


#: Round 20: a person's number at a body named in capitals: "my England Athletics number".
_ORG_MEMBER_NUMBER = re.compile(
    r"(?<![\w-])(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir)\s+"
    r"(?P<org>[A-Z][\w'’&-]+(?:\s+[A-Z][\w'’&-]+){0,2})\s+(?:number|no\.?|id|ID)(?![\w-])"
)


def _number_cues(text: str, c: _Compiled) -> list[_Cue]:
    cues = [
        _Cue(m.start(), m.end(), c.number_cue_kind.get(_norm(m.group()), "negative"))
        for m in c.number_cues.finditer(text)
    ]
    lang = c.lex.language
    extra: list[_Cue] = []
    for m in c.compound_cues.finditer(text):
        kind = _compound_cue(m, lang, c)
        if kind is None:
            continue
        start = m.start("stem")
        if len(m.group("stem").split()) > 1 and _compound_cue_single(m, lang, c):
            start = m.start("stem") + m.group("stem").rfind(" ") + 1
        q = _Cue(start, m.end(), kind)
        same = [p for p in cues if p.start < q.end and q.start < p.end]
        if any(p.end - p.start >= q.end - q.start for p in same):
            continue
        cues = [p for p in cues if p not in same]
        extra.append(q)
    for m in c.bank_names.finditer(text):
        if not any(p.start < m.end() and m.start() < p.end for p in cues + extra):
            extra.append(_Cue(m.start(), m.end(), "bank_name"))
    for m in _ORG_MEMBER_NUMBER.finditer(text):
        # "my England Athletics number is", "Her Parkrun number": a person's number at a
        # named body (round 20); a word that is a cue of its own ("my Visa number") decides
        words = [w.lower() for w in m.group("org").split()]
        if any(w in c.number_cue_kind for w in words) or c.bank_names.search(m.group("org")):
            continue
        q = _Cue(m.start("org"), m.end(), "customer_id")
        if any(p.start < q.start and q.start < p.end for p in cues + extra):
            continue
        cues = [p for p in cues if not (q.start <= p.start and p.end <= q.end)]
        extra.append(q)
    if extra:
        cues = sorted(cues + extra, key=lambda q: q.start)
    for k, q in enumerate(cues):
        if (
            q.kind in ("customer_id", "bank_account")
            and "medlem" not in text[q.start : q.end].lower()
            and "member" not in text[q.start : q.end].lower()
            and _ORG_OWNER.search(text, max(0, q.start - 60), q.start)
        ):
            # "Föreningens kundnummer", "the residents' association account number": an
            # organisation's number, bound to no person ("klubbens medlemsnummer för mig"
            # is a member's)
            cues[k] = _Cue(q.start, q.end, "negative")
            continue
        if _norm(text[q.start : q.end]) not in _GENERIC_NUMBER_CUES:
            continue
        # "ditt ärende har nummer 1-2293847", "fakturan med nummer sju noll noll ...":
        # the number is the case's or the invoice's, not a phone number.
        prev = cues[k - 1] if k else None
        if prev and prev.kind == "negative" and _OWNER_LINK.fullmatch(text, prev.end, q.start):
            cues[k] = _Cue(q.start, q.end, "negative")
            continue
        owner = c.negative_owners.search(text, max(0, q.start - 40), q.start)
        if owner and _OWNER_LINK.fullmatch(text, owner.end(), q.start):
            cues[k] = _Cue(q.start, q.end, "negative")
    return cues


def _is_amount_or_size(text: str, run: NumberRun, c: _Compiled) -> bool:
    """A price, a percentage, a duration or a size: a unit after it or a currency before."""
    before = text[: run.start].rstrip()
    if before and before[-1] in "£$€":
        return True
    after = text[run.end :]
    m = re.match(r"\s*([^\s\d]+)", after)
    if not m:
        return False
    word = m.group(1).lower()
    if word.startswith((":-", "%", ":", "kr/")):
        return True
    if word.rstrip(".,!?;)") in c.units:
        return True
    # "sedan 2015", "since 2018", "i år 2024": a year, not an id after an earlier cue
    return _YEAR_AFTER_WORD.search(before) is not None and _YEAR.fullmatch(run.digits) is not None


_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_AFTER_WORD = re.compile(
    r"(?<![\w-])(?:since|sedan|sen|from|från|in|i|år|year|until|till|tills|before|före|efter|after)$",
    re.IGNORECASE,
)


_EN_BANK_CONTEXT = re.compile(
    r"sort|routing|bank|iban|refund|pay it|direct debit|standing order|current account|"
    r"checking|savings|building society|paid into|pay into|transfer|\b\d{2}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)


_YEAR_BEFORE = re.compile(
    r"\b(?:sedan|sen|från|år|året|i|innan|före|efter|till|since|from|in|until|before|after|"
    r"year)\s+$",
    re.IGNORECASE,
)


def _id_prefix_start(text: str, start: int) -> int:
    """Where a customer id starts when letters go before its digits: "K-558201", "k 20045"."""
    before = text[:start]
    m = re.search(r"(?<![\w-])[A-Za-z]{1,3}-?$", before)
    if m is None:
        # capital letters and a space: "HG 118 402", "AB 123456"
        m = re.search(r"(?<![\w-])[A-Z]{2,3} $", before)
    if m is None:
        # one letter and a space: "K 20045", ASR "k två noll noll fyra fem"
        m = re.search(r"(?<![\w-])[A-HJ-Za-hj-z] $", before)
        if m and m.group()[0].lower() in "aoe":
            m = None  # "a", "o", "e" are words (and "o"/"oh" a digit)
    if m is None:
        return start
    letters = m.group().rstrip("- ")
    if letters.islower() and len(letters) > 1 and not text.islower():
        return start  # "är 20045", "is 20045": a word, not a prefix
    if letters.lower() in _ID_PREFIX_WORDS:
        return start
    return m.start()


#: Opening hours: "07.00–18.00", "8:30-17:00".
_TIME_RANGE = re.compile(r"[0-2]?\d[.:][0-5]\d\s*[–-]\s*[0-2]?\d[.:][0-5]\d")
#: Short words that go before a number and are never an id's letters.
_ID_PREFIX_WORDS = frozenset(
    [
        "är",
        "is",
        "it",
        "nr",
        "no",
        "på",
        "om",
        "to",
        "at",
        "av",
        "of",
        "vid",
        "the",
        "and",
        "och",
        "my",
        "min",
        "nu",
        "ju",
        "så",
        "so",
        "was",
        "var",
        "har",
        "hos",
        "för",
        "for",
    ]
)


#: A spoken number whose last four digits come after a said dash: "... tolv streck nio noll
#: tre sex", "... twelve dash nine oh three six" — the personnummer's own shape.
_SPOKEN_PNR_TAIL = re.compile(
    r"\b(?:dash|hyphen|streck|bindestreck)\s+(?:[^\W\d_]+\s+){3}[^\W\d_]+$", re.IGNORECASE
)


def _classify_run(
    text: str, run: NumberRun, cue: str | None, lang: str, c: _Compiled
) -> PersonalData | None:
    """What a number run is, given the cue that speaks for it (None: no cue)."""
    d, n = run.digits, len(run.digits)
    groups = run.groups
    pnr_shaped = not run.spoken and (
        (len(groups) == 1 and n in (10, 12))
        or (len(groups) == 2 and len(groups[0]) in (6, 8) and len(groups[1]) == 4)
        # the date said in groups, then the last four: "1985 03 12-9036", "85 03 12-9036"
        or (
            [len(g) for g in groups] in ([4, 2, 2, 4], [2, 2, 2, 4])
            and bool(re.search(r"\d\s*[-+]\s*\d{4}$", run.raw))
        )
    )
    plus_form = not run.spoken and len(groups) == 2 and "+" in run.raw and not run.plus

    def hit(kind: Kind, slug: str, conf: float, start: int | None = None) -> PersonalData:
        return _hit(lang, kind, slug, run.start if start is None else start, run.end, text, conf)

    if cue == "personnummer":
        if n in (10, 12) and personnummer_ok(d, check_luhn=False):
            return hit("personnummer", "cue", 0.95 if personnummer_ok(d) else 0.7)
        if n in (10, 12) and pnr_shaped and luhn_ok(d[-10:]):
            # a date misheard or mistyped ("930441-2829") but the check digit holds
            return hit("personnummer", "cue_luhn", 0.7)
        if n == 6 and personnummer_ok(d + "0000", check_luhn=False):
            return hit("personnummer", "birth_date", 0.7)
        if n == 4 and not 1900 <= int(d) <= 2099:  # "född 2012" is a year
            return hit("personnummer", "last_four", 0.6)
    if cue == "card" and 13 <= n <= 19:
        return hit("card", "cue", 0.95 if luhn_ok(d) else 0.7)
    if cue == "bank_account" and n >= 4:
        if n == 4 and 1900 <= int(d) <= 2099 and _YEAR_BEFORE.search(text[: run.start]):
            return None  # "kontot sedan 1999", "the account since 2019": a year
        if lang == "en" and not _EN_BANK_CONTEXT.search(text):
            # "account number" with a telecom or utility is the customer's account with it
            return hit("customer_id", "account_number", 0.7)
        known = giro_ok(d) or n >= 6 or (n in (4, 5) and bool(clearing_account_lengths(d)))
        return hit("bank_account", "cue", 0.9 if known else 0.8)
    if cue == "bank_name":
        # "Danske Bank, 1202 001 2340", "Handelsbanken 6152 298 114 705": clearing + account
        return hit("bank_account", "bank_name", 0.85) if _clearing_shaped(d) else None
    if cue == "customer_id" and 13 <= n <= 19 and luhn_ok(d) and len(groups) == 4:
        return hit("card", "luhn", 0.9)  # "givarnummer 550 218, dra från 4532 6440 5733 4777"
    if cue == "customer_id" and n >= 3:
        return hit("customer_id", "cue", 0.9, _id_prefix_start(text, run.start))
    # No cue for these kinds (or a cue for another kind): the form and the check digits decide.
    if n in (10, 12) and personnummer_ok(d) and not run.plus:
        if plus_form or cue == "personnummer" or (run.spoken and _SPOKEN_PNR_TAIL.search(run.raw)):
            return hit("personnummer", "checksum", 0.95)
        if cue != "phone" and (pnr_shaped or (run.spoken and not d.startswith("0"))):
            return hit("personnummer", "checksum", 0.9)
    if 13 <= n <= 19 and luhn_ok(d) and not run.plus and not d.startswith("00"):
        return hit("card", "luhn", 0.9)
    if not run.spoken and _DATE_SHAPE.fullmatch(run.raw.strip("()")):
        return None
    if not run.spoken and _TIME_RANGE.fullmatch(run.raw.strip("()")):
        return None  # "07.00–18.00": opening hours
    if run.plus or d.startswith("00"):
        if 8 <= n <= 15:
            return hit("phone", "international", 0.9)
        return None
    if d.startswith("0") and 8 <= n <= 11:
        return hit("phone", "national", 0.9)
    nanp = n == 10 and d[0] in "23456789" and not run.spoken
    if (
        nanp
        and [len(g) for g in groups] in ([3, 3, 4], [10])
        and (cue == "phone" or len(groups) == 3)
    ):
        return hit("phone", "nanp", 0.85)
    if n == 11 and d.startswith("1") and not run.spoken and cue == "phone":
        return hit("phone", "nanp", 0.8)
    if run.spoken and 7 <= n <= 15:
        return hit("phone", "spoken", 0.8 if cue == "phone" else 0.7)
    if cue == "phone" and 7 <= n <= 15:
        return hit("phone", "cue", 0.8)
    return None


def _clearing_shaped(d: str) -> bool:
    """A Swedish clearing number and an account of that bank's length, as one digit string."""
    if len(d) > 4 and len(d) - 4 in clearing_account_lengths(d[:4]) and d[0] != "8":
        return True
    return d[0] == "8" and len(d) > 5 and len(d) - 5 in clearing_account_lengths(d[:5])


#: A business speaking of what it owns: "vårt", "our", "företagets", "the shop's".
_OUR_WORDS = re.compile(
    r"\b(?:vår|vårt|våra|ert|era|deras|our|ours|their|företagets|firmans|bolagets|"
    r"butikens|verkstadens|the\s+(?:company|firm|shop|business)['’]s)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|\s[–—-]\s")


def _ours_in_sentence(text: str, start: int, lang: str) -> bool:
    """Does the sentence before ``start`` speak of the business's own details ("Vårt
    organisationsnummer är ... och plusgirot ...", "Our VAT number is ... and the giro
    ..."), with no first person ("mitt", "my") after that?"""
    head = text[max(0, start - 160) : start]
    breaks = list(_SENTENCE_BREAK.finditer(head))
    if breaks:
        head = head[breaks[-1].end() :]
    ours = list(_OUR_WORDS.finditer(head))
    if not ours:
        return False
    return _FIRST_PERSON[lang].search(head, ours[-1].end()) is None


#: Paying into the business's own account: "Pay into our account", "betala in till vårt
#: konto", "transfer it to our business account".
_PAY_INTO_OURS = re.compile(
    r"\b(?:pay|paying|transfer|send|deposit|betala|betalar|sätt|för|överför)\s+"
    r"(?:[\w'’]+\s+){0,3}?(?:into|to|in\s+till|in\s+på|till|på)\s+(?:our|vårt|vår)\s+"
    r"(?:[\w'’-]+\s+)?(?:account|konto|kontot|bankkonto|företagskonto|sort\s+code"
    r"|clearingnummer|clearingnumret)\b",
    re.IGNORECASE,
)


def _pay_into_ours(text: str, start: int, lang: str) -> bool:
    """Is the account cue at ``start`` in a sentence asking to pay into "our" account, with
    no first person ("my", "mitt") after it?"""
    head = text[max(0, start - 120) : start]
    breaks = list(_SENTENCE_BREAK.finditer(head))
    if breaks:
        head = head[breaks[-1].end() :]
    last = list(_PAY_INTO_OURS.finditer(head)) or list(_ORG_ACCOUNT.finditer(head))
    return bool(last) and _FIRST_PERSON[lang].search(head, last[-1].end()) is None


#: An organisation's own account: "the company's account", "föreningens konto".
_ORG_ACCOUNT = re.compile(
    r"\b(?:company|firm|business|club|school|shop|council|charity|association|society|"
    r"practice|surgery|agency|trust)['’]s\s+(?:[\w-]+\s+)?account\b"
    r"|\b(?:bolagets|företagets|föreningens|klubbens|firmans|skolans|kommunens|butikens|"
    r"organisationens|församlingens|stiftelsens|byråns|mottagningens|bostadsrättsföreningens)"
    r"\s+(?:[\w-]+\s+)?(?:konto|kontot|bankkonto|bankkontot|bankgiro|plusgiro)\b"
    # "Our bank details are …", "Våra bankuppgifter är …"
    r"|\b(?:our|vårt|våra|vår)\s+(?:bank\s+details|account\s+details|payment\s+details|"
    r"bankuppgifter|kontouppgifter|betalningsuppgifter)\b",
    re.IGNORECASE,
)


#: A person, said with a personal pronoun, holding the giro: "han har bankgiro".
_PERSON_HAS_GIRO = re.compile(
    r"\b(?:han|hon|hen|he|she)\s+(?:har|hade|has|had|uses|använder)\s+(?:ett\s+|a\s+|sitt\s+"
    r"|sin\s+|his\s+|her\s+)?$",
    re.IGNORECASE,
)


def _giro_is_personal(text: str, cue: _Cue, run: NumberRun, lang: str) -> bool | None:
    """For a bankgiro/plusgiro cue: is the number the caller's own? None: not a giro cue.

    Companies publish their bankgiro ("betala till bankgiro ...", "vårt bankgiro"); a private
    person has one only now and then and says whose it is ("mitt bankgiro"). A plusgiro is
    often a private account, so it counts unless a company's context is around it.
    """
    said = text[cue.start : cue.end].lower()
    if "giro" not in said:
        return None
    around = text[max(0, cue.start - 40) : run.start]
    if _OWN_GIRO[lang].search(text, max(0, cue.start - 24), cue.start):
        return True  # "betala till mitt bankgiro", "pay it into my bankgiro": the caller's own
    if _PERSON_HAS_GIRO.search(text, max(0, cue.start - 24), cue.start):
        return True  # "han har bankgiro", "she has a bankgiro": a person's own (round 20)
    if _ORG_GIRO.search(text, max(0, cue.start - 40), cue.start):
        return False  # "Klubbens plusgiro", "the club's bankgiro": an organisation's
    if _COMPANY_GIRO.search(around):
        return False
    if _ours_in_sentence(text, cue.start, lang):
        return False  # "Vårt organisationsnummer är 556718-3040 och plusgirot 4417092-6"
    private = _PRIVATE_AFTER.search(text, run.end, run.end + 60)
    if private and not _NEGATED.search(text, max(run.end, private.start() - 14), private.start()):
        return True  # "... och bankgirot är 2051-9765, båda är mina privata"
    tail = text[run.end : run.end + 70]
    cut = _SENTENCE_BREAK.search(tail)
    tail = tail[: cut.start()] if cut else tail
    owner = _COMPANY_AFTER.search(tail)
    if owner and not _NEGATED.search(tail, 0, owner.start()):
        return False  # "plusgiro 304656-2, det är vårt företagskonto", "..., our business account"
    if "bankgiro" in said:
        if _FIRST_PERSON[lang].search(around) is not None:
            return True
        # "Jag har enskild firma som fönsterputsare, bankgiro 603-...": the trader's own
        head = text[max(0, cue.start - 120) : cue.start]
        sole = _SOLE_TRADER.search(head)
        return sole is not None and not _NEGATED.search(head, max(0, sole.start() - 12))
    return True
    return True


#: "6152 254 163 884 i Handelsbanken", "..., at Swedbank": the bank named right after.
#: Between an account and the bank said after it: "6152 254 163 884 i Handelsbanken",
#: "1281 22 519 40 det är danske bank", "..., that's with Nordea".
_BANK_AFTER_GAP = re.compile(
    r"\s*,?\s*(?:(?:det\s+är|det\s+e|det\s+var|that's|thats|that\s+is|it's|its|it\s+is)\s+)?"
    r"(?:i|hos|på|at|with|in|från|from)?\s*",
    re.IGNORECASE,
)


def _clearing_account(
    runs: list[NumberRun], k: int, text: str, c: _Compiled | None = None
) -> tuple[int, int] | None:
    """A Swedish clearing number and account with no cue: "5000-1234567", "8327-9, 123 456 789-0".

    Only the written form with a dash or comma after the clearing number counts, and only
    when the clearing number lies in a bank's range and the account has that bank's length.
    """
    run = runs[k]
    if run.spoken:
        return None
    groups = run.groups
    first = groups[0]
    if len(first) != 4:
        return None
    sep = run.raw[len(first) : len(first) + 1] if run.raw[:1].isdigit() else ""
    clearing, rest = first, run.digits[4:]
    if first[0] == "8" and len(groups) > 1 and len(groups[1]) == 1 and sep in "-–":
        clearing, rest = first + groups[1], run.digits[5:]
    lengths = clearing_account_lengths(clearing)
    if not lengths:
        return None
    if rest and sep in "-–" and len(rest) in lengths:
        return run.start, run.end
    if rest and len(rest) in lengths and c is not None:
        # grouped with spaces, the bank said right after: "6152 254 163 884 i Handelsbanken"
        gap = _BANK_AFTER_GAP.match(text, run.end)
        if gap and c.bank_names.match(text, gap.end()):
            return run.start, run.end
    if rest or k + 1 >= len(runs):
        return None
    nxt = runs[k + 1]
    if nxt.spoken or not re.fullmatch(
        r"\s*[,/]\s*|\s*,?\s*(?:och|konto(?:nummer)?)?\s*", text[run.end : nxt.start]
    ):
        return None
    if len(nxt.digits) in lengths and not _DATE_SHAPE.fullmatch(nxt.raw):
        return run.start, nxt.end
    return None


def _alnum_ids(text: str, lang: str, cues: list[_Cue]) -> list[PersonalData]:
    """Customer ids with letters ("kundnummer K20045", "customer reference C20045").

    Only after a customer cue with nothing but filler words between ("är", "ju", "is",
    "my"), and only when no other cue (an order or case number) stands nearer.
    """
    out = []
    for m in _ALNUM_ID.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) < 4:
            continue
        before = [q for q in cues if q.end <= m.start() and m.start() - q.end <= CUE_WINDOW]
        if not before:
            continue
        q = before[-1]
        customer = q.kind == "customer_id" or (
            q.kind == "bank_account" and lang == "en" and not _EN_BANK_CONTEXT.search(text)
        )
        if customer and _ID_GAP.fullmatch(text[q.end : m.start()]):
            out.append(_hit(lang, "customer_id", "letters_digits", m.start(), m.end(), text, 0.85))
    return out


#: Between a person-bound cue and its id: fillers, "på vårdcentralen", "hos er".
_ID_LEAD = re.compile(
    r"(?:[\s,:.–-]|\b(?:är|var|e|ju|nog|alltså|då|det|mitt|min|ditt|eh|öh|ehm|hm|ja|"
    r"is|was|it's|its|it|my|your|the|um|uh|er|erm|so|yes|yeah|that's|ok|okay|"
    r"(?:på|hos|vid|i|för|at|with|for|on)\s+(?!är\b|is\b)[^\W\d_]+(?:\s+[^\W\d_]+){0,2}"
    r"(?=\s+(?:är|is|was|var|e)\b)"
    # round 19: "medlemmar i golfklubben med nummer", "members of the club with number",
    # "säljarkontot har nummer"
    r"|(?:(?:i|in|of|på|at|hos)\s+(?:the\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?\s+)?"
    r"(?:med|with|under|har|has|having)\s+(?:the\s+)?(?:nummer|numret|number|id)"
    r")\b)*",
    re.IGNORECASE,
)
_NINO_SUFFIX = re.compile(r"\s+[a-dA-D](?=\s*$|\s*[.,;!?])")
_ID_SEPARATORS = frozenset(["dash", "hyphen", "bindestreck", "streck", "slash", "snedstreck"])
_ID_TOKEN = re.compile(r"[^\W_]+|[-/.]")


def _cued_ids(text: str, lang: str, cues: list[_Cue], c: _Compiled) -> list[PersonalData]:
    """Any id-shaped value right after a person-bound cue (member, tenant, patient, NI ...).

    Letters, digits, dashes and spaces in groups ("FT 7731 920", "PH-7730192", "W448 2910
    37"), or said ("p x tjugotvå åtta sjutton", "n p five eight two one nine four d"):
    5–20 characters with at least three digits.
    """
    out = []
    vocab = vocabulary(lang)
    lower = text.islower()
    for q in cues:
        if q.kind != "customer_id":
            continue
        lead = _ID_LEAD.match(text, q.end)
        pos = lead.end() if lead else q.end
        if pos - q.end > 40:
            continue
        start = end = -1
        digits = chars = 0
        written = spoken = False
        for m in _ID_TOKEN.finditer(text, pos):
            tok = m.group()
            low = tok.lower()
            gap = text[end : m.start()] if end >= 0 else ""
            if end >= 0 and (len(gap) > 1 or (gap and gap not in " ")):
                break
            if tok in "-/." or low in _ID_SEPARATORS:
                if end < 0:
                    break
                end = m.end() if tok in "-/" else end
                continue
            kind = vocab.get(low)
            if any(ch.isdigit() for ch in tok):
                if spoken and not written and digits >= 3:
                    break
                if len(tok) > 12:
                    break
                written = True
                digits += sum(ch.isdigit() for ch in tok)
                chars += len(tok)
            elif kind is not None and kind[0] in "utxdr" and low not in ("och", "and"):
                if written and digits >= 3:
                    break  # "12345 en gång till"
                spoken = True
                digits += len(kind[1]) if kind[0] in "utxd" else 0
                chars += max(1, len(kind[1]))
            elif tok.isalpha() and (
                (len(tok) == 1 and low not in ("a", "i", "å", "o", "e", "ö"))
                or (
                    len(tok) <= 3
                    and (
                        tok.isupper()
                        # "n e four four ...": the first one or two letters of a spoken id
                        or (lower and len(tok) == 1 and (end < 0 or (digits == 0 and chars == 1)))
                    )
                )
            ):
                chars += len(tok)
            else:
                break
            if start < 0:
                start = m.start()
            end = m.end()
        if start < 0 or digits < 3 or not 4 <= chars <= 20:
            continue
        # a trailing word of letters is not part of the id unless it is one letter ("... 94 d");
        # a spoken NI number ends in its suffix letter, even "a": "... five four a"
        suffix = _NINO_SUFFIX.match(text, end)
        if suffix and spoken and digits == 6:
            end = suffix.end()
        unit = re.match(r"\s*([^\s\d]+)", text[end:])
        if unit and unit.group(1).lower().rstrip(".,!?;)") in c.units:
            continue  # "Årsavgiften för medlemskapet är 3 600 kronor": an amount
        out.append(_hit(lang, "customer_id", "cued_id", start, end, text, 0.85))
    return out


#: A payment verb right before a number: "han betalade med", "he paid with", "pay by".
_PAID_WITH = re.compile(
    r"\b(?:betalade|betalar|betala|betalat|betalt|paid|pay|pays|paying|charged|charge)\s+"
    r"(?:med|with|by|using|to|on)\s+(?:(?:kortet|kort|card|the\s+card)\s+)?$",
    re.IGNORECASE,
)


def _numbers(text: str, lang: str, c: _Compiled) -> list[PersonalData]:
    runs = number_runs(text, lang)
    cues = _number_cues(text, c)
    out: list[PersonalData] = []
    if cues and _DIGIT.search(text):
        out += _alnum_ids(text, lang, cues)
    if any(q.kind == "customer_id" for q in cues):
        out += _cued_ids(text, lang, cues, c)
    swedish_bank = any(q.kind == "bank_name" for q in cues) or "clearing" in text.lower()
    skip = -1
    for k, run in enumerate(runs):
        if k <= skip or _is_amount_or_size(text, run, c):
            continue
        near = [
            q
            for q in cues
            if q.end <= run.start
            and run.start - q.end <= CUE_WINDOW
            # "Ärendenumret är 1002. Sätt in det på 5412 10 234 56": a negative cue speaks
            # for its own number, not for one after it
            and not (
                q.kind == "negative"
                and k
                and runs[k - 1].start >= q.end
                and _CLAUSE_END.search(text, runs[k - 1].end, run.start) is not None
            )
        ]
        pay = _PAID_WITH.search(text, max(0, run.start - 40), run.start)
        if pay:
            # "Beställningen gjordes av … och han betalade med 3056 …": the order's cue
            # does not speak for what was paid with
            near = [q for q in near if not (q.kind == "negative" and q.end <= pay.start())]
        near.reverse()
        if (lang == "sv" or swedish_bank) and not (near and near[0].kind == "negative"):
            pair = _clearing_account(runs, k, text, c)
            if pair is not None and _pay_into_ours(text, run.start, lang):
                skip = k + 1 if pair[1] > run.end else k
                continue  # "Betala in till vårt konto, clearing 8327-9, …": the business's
            if pair is not None:
                out.append(_hit(lang, "bank_account", "clearing", *pair, text, 0.85))
                skip = k + 1 if pair[1] > run.end else k
                continue
        found: PersonalData | None = None
        for q in near[:3]:
            if q.kind == "negative":
                break
            if q.kind == "bank_account":
                personal = _giro_is_personal(text, q, run, lang)
                if personal is False:
                    break
                if personal is None and _pay_into_ours(text, run.start, lang):
                    break  # "Pay into our account, sort code …": the business's own
            found = _classify_run(text, run, q.kind, lang, c)
            if found is not None:
                break
        else:
            found = _classify_run(text, run, None, lang, c)
        if found is not None:
            out.append(found)
    return [_with_bank_name(text, p, c) for p in out]


def _with_bank_name(text: str, p: PersonalData, c: _Compiled) -> PersonalData:
    """A bank named right before its account is part of it: "SEB 5357 10 224 86",
    "kontot är Länsförsäkringar 9025-118 443 7" (the bank narrows down whose account)."""
    if p.kind != "bank_account":
        return p
    for m in c.bank_names.finditer(text, max(0, p.start - 30), p.start):
        if re.fullmatch(r"[ \t]+", text[m.end() : p.start]):
            return p.model_copy(update={"start": m.start(), "text": text[m.start() : p.end]})
    return p


# ---------------------------------------------------------------- e-mail, IBAN, NINO


_LOCAL_WORD = re.compile(r"[^\W\d_]+")


def _role_address(local: str, c: _Compiled) -> bool:
    """A local part that names a function or team ("info", "kundservice.norr", "hello"):
    a company role address, not bound to one person. A first name inside keeps it personal
    ("info.anna", "sales.john.smith")."""
    words = [
        w
        for w in _LOCAL_WORD.findall(local.lower())
        if w not in _DOT_WORDS and w not in _JOIN_WORDS and w not in c.number_words
    ]
    if not words:
        return False
    if words[0] not in c.email_roles and not (len(words) == 1 and _role_compound(words[0], c)):
        return False
    return not any(w in c.first_names or w in c.surnames for w in words[1:])


def _word_mailbox(local: str, domain: str, c: _Compiled) -> bool:
    """A business mailbox named by a plain word at the business's own domain
    ("stay@highlandcottagelets.co.uk", "survey@loftwarm.co.uk", "quotes@acme-roofing.com"):
    the local part is an ordinary English word, no first name or surname, and the domain is
    no mail provider's (where "sunshine@hotmail.com" is someone's own)."""
    low = local.lower()
    if not re.fullmatch(r"[a-z]{3,}", low) or low in c.first_names or low in c.surnames:
        return False
    if low in c.homograph_names or not (
        _ordinary_word(low, "en") or (low.endswith("s") and _ordinary_word(low[:-1], "en"))
    ):
        return False
    labels = domain.lower().split(".")
    return not any(label in c.personal_mail_domains for label in labels[:-1])


_BUSINESS_WE = re.compile(
    r"\b(?:we|we['’](?:ll|re|ve|d)|us|our|vi|oss|vår|vårt|våra)\b", re.IGNORECASE
)
_YOUR_MAILBOX = re.compile(
    r"\b(?:your|yours|my|din|dina|ditt|er|min|mitt|mina)\s+(?:\w+\s+)?(?:e-?mail|mail|mejl|"
    r"e-post|address|adress|mejladress|e-postadress|inbox)\b|\b(?:mine|min|mitt|my)\b",
    re.IGNORECASE,
)


def _business_voice_mailbox(text: str, local: str, domain: str, c: _Compiled) -> bool:
    """A plain word that is no name before the "@" of a firm's own domain, said in the
    business's voice ("Anmälningar tar vi emot på dans@lindholmsdansskola.se", "Send your
    entries to prizes@northfieldshow.co.uk and we'll draw"): the firm's mailbox. A mailbox
    said to be the caller's ("din mejl", "your address") or at a mail provider stays."""
    low = local.lower()
    if not re.fullmatch(r"[^\W\d_]{3,}", low):
        return False
    if low in c.first_names or low in c.surnames or low in c.homograph_names:
        return False
    if _surname_like(low, c) or (low.endswith("s") and low[:-1] in c.surnames):
        return False
    labels = domain.lower().split(".")
    if any(label in c.personal_mail_domains for label in labels[:-1]):
        return False
    return _BUSINESS_WE.search(text) is not None and _YOUR_MAILBOX.search(text) is None


def _local_named(text: str, m: re.Match[str], c: _Compiled) -> bool:
    """The mailbox's word is the speaker's own name said in the same turn: "seb@…paving.co.uk?
    It's just me at the firm, Seb Halliday", "jonte@… det är jag jonte": a person's
    mailbox at their own firm, not a plain-word business one."""
    local = text[m.start() : text.index("@", m.start())]
    if not re.fullmatch(r"[^\W\d_]{2,}", local):
        return False
    rest = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    for w in re.finditer(rf"(?<![\w@.-]){re.escape(local)}(?![\w@-])", rest, re.IGNORECASE):
        if not text.islower():
            if _is_cap(w.group()):
                return True
        elif re.search(
            r"\b(?:me|mig|jag|it['’]s|det\s+är|i['’]m|name\s+is|heter)\s+$",
            rest[max(0, w.start() - 12) : w.start()],
            re.IGNORECASE,
        ):
            return True
    return False


#: Domains of public offices: "planning@leeds.gov.uk", "bygglov@uppsala.kommun.se".
_PUBLIC_DOMAIN = re.compile(
    r"(?:^|\.)(?:gov\.uk|gov|gov\.se|gov\.ie|nhs\.uk|police\.uk|[\w-]*kommun\.se|"
    r"[\w-]*region[\w-]*\.se|[\w-]*lansstyrelsen\.se|[\w-]*council\.gov\.uk)$",
    re.IGNORECASE,
)


def _public_office_mailbox(local: str, domain: str, c: _Compiled) -> bool:
    """One plain word that is no name before the "@" of a public office's domain
    ("licensing@bristol.gov.uk", "miljo@x.kommun.se"): a desk's mailbox, not a person's."""
    if not _PUBLIC_DOMAIN.search(domain):
        return False
    words = _LOCAL_WORD.findall(local.lower())
    return (
        len(words) == 1
        and words[0] not in c.first_names
        and words[0] not in c.surnames
        and not any(ch.isdigit() for ch in local)
    )


def _role_compound(word: str, c: _Compiled) -> bool:
    """ "lostproperty", "schoolmeals", "fakturakundtjanst": two role words run together;
    "pastorsexpeditionen", "gruppbokning": a compound whose head (its last part, six letters
    or more) is a role word."""
    return any(
        (word[:k] in c.email_roles and word[k:] in c.email_roles)
        or (k >= 3 and len(word) - k >= 6 and word[k:] in c.email_roles)
        for k in range(2, len(word) - 1)
    )


def _emails(text: str, lang: str, c: _Compiled) -> list[PersonalData]:
    out = [
        _hit(lang, "email", "written", m.start(), m.end(), text, 0.99)
        for m in _EMAIL.finditer(text)
        if not _role_address(text[m.start() : text.index("@", m.start())], c)
        and not _public_office_mailbox(
            text[m.start() : text.index("@", m.start())],
            text[text.index("@", m.start()) + 1 : m.end()],
            c,
        )
        and (
            not (
                _word_mailbox(
                    text[m.start() : text.index("@", m.start())],
                    text[text.index("@", m.start()) + 1 : m.end()],
                    c,
                )
                or _business_voice_mailbox(
                    text,
                    text[m.start() : text.index("@", m.start())],
                    text[text.index("@", m.start()) + 1 : m.end()],
                    c,
                )
            )
            or _local_named(text, m, c)
        )
    ]
    for m in c.at_words.finditer(text):
        # Forward: domain words joined by "punkt"/"dot", ending in a known top-level domain.
        # A label may be said as up to three words ("brightside energy dot com",
        # "el bindestreck bolaget punkt se").
        words = list(_TOKEN.finditer(text, m.end()))
        end = None
        i = 0
        while i < len(words):
            n = 0  # content words of this label; "dash", "underscore" join them
            while i < len(words) and n < 4 and words[i].group().lower() not in _DOT_WORDS:
                low = words[i].group().lower()
                if low in _DOMAIN_STOPS or (
                    n and text[words[i - 1].end() : words[i].start()].strip()
                ):
                    n = 0
                    break
                n += low not in _JOIN_WORDS
                i += 1
            if n == 0 or n == 4 or i + 1 >= len(words):
                break
            if text[words[i - 1].end() : words[i].start()].strip():
                break
            if words[i + 1].group().lower() in _TLDS:
                end = words[i + 1].end()
            elif len(words[i + 1].group()) == 1:
                # a top-level domain spelled letter by letter: "w p dot p l", "dot s e"
                k = i + 1
                while (
                    k + 1 < len(words)
                    and k - i < 3
                    and len(words[k + 1].group()) == 1
                    and text[words[k].end() : words[k + 1].start()] == " "
                ):
                    k += 1
                letters = "".join(w.group() for w in words[i + 1 : k + 1]).lower()
                if k > i + 1 and letters in _TLDS:
                    end = words[k].end()
            i += 1
        if end is None:
            continue
        # Backward: the local part, up to six words, stopping at a cue or a function word.
        before = list(_TOKEN.finditer(text, 0, m.start()))
        start = None
        words_back = 0
        nb = len(before)
        for k in range(nb - 1, max(-1, nb - 21), -1):
            low = before[k].group().lower()
            # letters spelled one by one ("d a v e", "s m i t h") are one word of the
            # local part, and a spelled "a" or "i" is no function word
            spelled = len(low) == 1 and (
                (k > 0 and len(before[k - 1].group()) == 1)
                or (k + 1 < nb and len(before[k + 1].group()) == 1)
            )
            nxt_single = k + 1 < nb and len(before[k + 1].group()) == 1
            words_back += not (spelled and nxt_single)
            if words_back > 6:
                break
            if not spelled and low in c.number_words:
                # "persson sextiotvå", "murphy twenty one": number words inside the local
                # part; a word must come before them ("on one at ..." is no address)
                continue
            if (
                not spelled
                and (low in c.email_stops or low.split("'")[0] in c.email_stops)
                and not (
                    low in c.first_names
                    and k + 1 < nb
                    and before[k + 1].group().lower() in _DOT_WORDS | _JOIN_WORDS
                )
            ):
                break  # a function word ends it; "hans punkt persson": a first name does not
            start = before[k].start()
        if start is not None and not _role_address(text[start : m.start()], c):
            out.append(_hit(lang, "email", "spoken", start, end, text, 0.85))
    return out


#: Where an IBAN may start: a country code (said as two letters or one word) and a digit.
_IBAN_START = re.compile(r"(?<![\w-])([A-Za-z])\s?([A-Za-z])(?=[\s-]?\d|\s+[^\W\d_]{2,})")
_IBAN_LIKE = re.compile(
    r"(?<![\w-])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![\w-])"
)
_IBAN_CUE = re.compile(
    r"\b(?:iban\w*|konto\w*|\w+konto\w*|bank\w*|account|refund|paid|pay|transfer|"
    r"överför\w*|betala\w*|sätt\w* in)\b",
    re.IGNORECASE,
)


def _iban_chars(
    text: str, pos: int, lang: str, vocab: dict[str, tuple[str, str]]
) -> list[tuple[str, int]]:
    """The characters of an IBAN said or written from ``pos``: (chars, end offset) pairs.

    Written groups of any size ("SE45 5000 0000 ...", "se4550000000..."), spoken digits
    ("fyra fem", "double oh"), and letters said one by one ("w e s t").
    """
    out: list[tuple[str, int]] = []
    spoken: list[tuple[str, str, int, int]] = []

    def flush() -> None:
        if spoken:
            digits = _fold_digits(spoken)
            # offsets: all digits of the spoken stretch end where it ends
            out.extend((ch, spoken[-1][3]) for ch in digits)
            spoken.clear()

    for m in re.finditer(r"[^\W_]+|[^\w\s]", text[pos:]):
        tok = m.group()
        s, e = pos + m.start(), pos + m.end()
        if tok in "-–":
            continue
        low = tok.lower()
        kind = vocab.get(low)
        if (
            kind is not None
            and kind[0] in "utxdr"
            and not (lang == "en" and low == "o" and not spoken)
        ):
            spoken.append((kind[0], kind[1], s, e))
            continue
        flush()
        if tok.isalnum() and (len(tok) <= 4 or any(ch.isdigit() for ch in tok)):
            for k, ch in enumerate(tok):
                out.append((ch.upper(), s + k + 1))
            continue
        break
    flush()
    return out


def _fold_digits(tokens: list[tuple[str, str, int, int]]) -> str:
    return _fold(tokens)


def _ibans(text: str, lang: str) -> list[PersonalData]:
    """IBANs of every registered country, written in any grouping or said digit by digit.

    The country code fixes the length (ISO 13616); mod 97 confirms it. A string with the
    right country code, length and shape but wrong check digits is still an IBAN when a
    bank or account word is in the utterance (a mis-said IBAN is still personal data).
    """
    out = []
    vocab = vocabulary(lang)
    cue = None
    for m in _IBAN_START.finditer(text):
        country = (m.group(1) + m.group(2)).upper()
        n = IBAN_LENGTHS.get(country)
        if n is None:
            continue
        chars = [(country[0], m.start(1) + 1), (country[1], m.end(2))]
        chars += _iban_chars(text, m.end(), lang, vocab)
        if len(chars) < n or not "".join(ch for ch, _ in chars[2:4]).isdigit():
            continue
        candidate = "".join(ch for ch, _ in chars[:n])
        end = chars[n - 1][1]
        if len(chars) > n and chars[n][1] == end:
            continue  # the n-th character is inside a spoken number that goes on
        if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            continue  # the length ends inside a written group
        if iban_ok(candidate):
            out.append(_hit(lang, "iban", "mod97", m.start(), end, text, 0.99))
            continue
        if cue is None:
            cue = _IBAN_CUE.search(text) is not None
        if cue and iban_shaped(candidate):
            out.append(_hit(lang, "iban", "country_length", m.start(), end, text, 0.8))
    if not out and _DIGIT.search(text):
        # Written in groups with a registered country code but the wrong length (a digit
        # dropped or added when said): still an IBAN when a bank or account word is near.
        for m in _IBAN_LIKE.finditer(text):
            s = "".join(m.group().split()).upper()
            if s[:2] in IBAN_LENGTHS and 15 <= len(s) <= 34 and _IBAN_CUE.search(text):
                out.append(_hit(lang, "iban", "iban_like", m.start(), m.end(), text, 0.7))
    return out


#: A UK National Insurance number said letter by letter: two prefix letters, six digits said,
#: a suffix letter A-D: "t w seven one four two eight five d".
_SPOKEN_NINO = re.compile(
    r"(?<![\w'’])[a-ceghj-pr-tw-z]\s[a-ceghj-npr-tw-z]\s(?P<digits>(?:[a-z]+\s){3,9}?)[a-d](?![\w'’])",
    re.IGNORECASE,
)
_NINO_CUE = re.compile(r"\bnational\s+insurance\b|\bn\.?\s?i\.?\s+number\b|\bnino\b", re.I)


def _spoken_ninos(text: str, lang: str) -> list[PersonalData]:
    """A spoken NI number with its cue anywhere in the utterance, also after it ("it's t w
    seven one four two eight five d, that's my national insurance")."""
    if lang != "en" or not _NINO_CUE.search(text):
        return []
    vocab = vocabulary(lang)
    out = []
    for m in _SPOKEN_NINO.finditer(text):
        words = m.group("digits").split()
        if not all(vocab.get(w.lower(), ("", ""))[0] in ("u", "t", "x", "d", "r") for w in words):
            continue
        digits = "".join(r.digits for r in number_runs(m.group("digits"), lang))
        if len(digits) == 6:
            out.append(_hit(lang, "customer_id", "nino_spoken", m.start(), m.end(), text, 0.8))
    return out


#: A reference's own cue right before an NI-shaped value: "Your reference is AB123456C",
#: "booking ref: TW 12 34 56 A", "ärendenummer AB123456C".
_REFERENCE_BEFORE = re.compile(
    r"\b(?:reference|ref|booking|order|case|claim|ticket|invoice|tracking|policy|quote|"
    r"referens|referensnummer|referensnumret|bokning|bokningsnummer|bokningsnumret|"
    r"ordernummer|ordernumret|ärende|ärendenummer|ärendenumret|fakturanummer|fakturanumret)(?:\s+(?:number|no|nr|code|id))?\s*(?:is|är|:)?\s*(?:is\s+)?$",
    re.IGNORECASE,
)


def _ninos(text: str, lang: str) -> list[PersonalData]:
    cued = _NINO_CUE.search(text) is not None
    return [
        _hit(lang, "customer_id", "national_insurance", m.start(), m.end(), text, 0.9)
        for m in _NINO.finditer(text)
        # "Your reference is AB123456C": a reference shaped like an NI number
        if cued or not _REFERENCE_BEFORE.search(text, max(0, m.start() - 30), m.start())
    ]


# ---------------------------------------------------------------- addresses


def _street_after(text: str, m: re.Match[str], word: str, c: _Compiled) -> re.Match[str] | None:
    """The street match starting right after ``word`` inside the street words of ``m``."""
    pos = text.lower().rfind(word, m.start("street"), m.start("suffix"))
    if pos < 0:
        return None
    gap = re.match(r"\s+", text[pos + len(word) :])
    if gap is None:
        return None
    return c.street.match(text, pos + len(word) + gap.end())


def _addresses(text: str, lang: str, c: _Compiled) -> list[PersonalData]:
    out: list[PersonalData] = []
    lower_ok = c.postcode_cues.search(text) is not None
    words = [w.lower() for w in _TOKEN.findall(text)]
    suffixes = c.lex.addresses.street_suffixes
    suffix_set = frozenset(suffixes)
    has_street = (
        any(w.endswith(suffixes) for w in words)
        if lang == "sv"
        else any(w in suffixes for w in words)
    )
    for m in c.street.finditer(text) if has_street else ():
        street = m.group("street").strip().lower()
        prefixed = lang == "sv" and m.start("street") > m.start()  # "Lilla Torget 2"
        if lang == "sv" and not prefixed and street in suffix_set:
            continue  # "torget 5 minuter": a bare street word needs "Lilla", "Stora"...
        the_street = (
            lang == "en"
            and street == "the"
            and _THE_STREETS.fullmatch(m.group("suffix")) is not None
        )  # "forty one the crescent", "2 The Green": a street named "The ..."
        if (
            not prefixed
            and not the_street
            and (street.split()[-1] in c.not_streets or street in c.not_streets)
        ):
            continue
        if _number_then_unit(text, m.end(), c):
            continue  # "parkeringen 25 kr", "leveransen 2 dagar": an amount, not a house
        if _PRICE_BEFORE.search(text, max(0, m.start("num") - 6), m.start("num")) or (
            _RATE_AFTER.match(text, m.end("num"))
        ):
            continue  # "£65 per square metre", "$12 a square foot": a price, not a house
        if _CLOCK_AFTER.match(text, m.start("num")):
            continue  # "Avgången 07.30": a departure time, not a house number
        if _article_not_number(text, m):
            continue  # "på Västerlånggatan en lördag": an article, not a house number
        if lang == "en":
            middle = street.split()
            bad = [k for k, w in enumerate(middle) if w in c.not_names or w in c.not_streets]
            if the_street:
                bad = []
            if bad:
                # "number is three six seven one two for twenty norton road": the street
                # and its number after the last word that cannot be part of a street name
                again = _street_after(text, m, middle[bad[-1]], c)
                if again is None:
                    continue
                m = again
                street = m.group("street").strip().lower()
                if any(w in c.not_names or w in c.not_streets for w in street.split()):
                    continue
            if _after_negative_cue(text, m.start(), c) or _BOARDING_GATE.match(text, m.end()):
                continue  # "seat twenty three c gate fourteen"
        start, end = _unit_before(text, m.start(), c), m.end()
        if lang == "sv" and not prefixed:
            start = _street_owner_before(text, start, street, c)
        flat = _FLAT_WORD_BEFORE.search(text, max(0, start - 16), start)
        if flat:
            start = flat.start()  # "flat two forty one dunmore street": the flat's number
        tail = _address_tail(text, end, lang)
        out.append(_hit(lang, "address", "street", start, tail, text, 0.9))
    if lang == "en" and any(w.endswith(_SV_STREET_ENDINGS) for w in words):
        # a Swedish address said in English: "I'm at Storgatan 4B, 3 tr, 411 38 Göteborg"
        sv = compiled("sv")
        for m in sv.street.finditer(text):
            if m.group("street").lower() in sv.not_streets or _number_then_unit(text, m.end(), sv):
                continue
            tail = _address_tail(text, m.end(), "sv")
            out.append(_hit(lang, "address", "street_sv", m.start(), tail, text, 0.85))
        for m in _SV_STREET_EN_NUMBER.finditer(text):
            # "i live on kungsgatan twelve in uppsala": the number said in English
            tail = _address_tail(text, m.end(), "en")
            out.append(_hit(lang, "address", "street_sv", m.start(), tail, text, 0.8))
    if lang == "sv" and has_street:
        # "Hjalmar Brantings plan 4", "karl johans gata tolv": a street named after a person
        for m in c.person_street.finditer(text):
            owner = m.group("street").split()[0]
            written = not text.islower()
            if owner.lower() in c.not_names or (written and not _is_cap(owner)):
                continue
            if _number_then_unit(text, m.end(), c) or _CLOCK_AFTER.match(text, m.start("num")):
                continue
            # the person's first name (or title) before the genitive: up to two words
            start = m.start()
            for tok in reversed(list(_TOKEN.finditer(text, max(0, start - 30), start))[-2:]):
                if (
                    text[tok.end() : start].strip()
                    or tok.group().lower() in c.not_names
                    or (written and not _is_cap(tok.group()))
                ):
                    break
                start = tok.start()
            if start == m.start() and not written:
                continue  # "karl johans gata": lower-case text needs the first name too
            tail = _address_tail(text, m.end(), lang)
            out.append(_hit(lang, "address", "person_street", start, tail, text, 0.85))
    if lang == "en":
        for m in _RURAL_ROUTE.finditer(text):
            # "rural route two box one eighteen millersburg ohio", "RR 3 Box 42, Elkins, WV"
            tail = _address_tail(text, m.end(), lang)
            if tail == m.end():
                st = _US_STATE_AFTER.match(text, m.end())
                tail = st.end() if st else m.end()
            out.append(_hit(lang, "address", "rural_route", m.start(), tail, text, 0.85))
        for m in _EIRCODE.finditer(text):
            start = _irish_address_start(text, m.start(), c)
            if start < m.start():
                # "Apartment 6, Marina Quay, Dublin D02 X285": a flat and a named place with
                # no house number before the town, as before a UK postcode (round 21)
                start = min(start, _uk_address_start(text, m.start(), c))
                out.append(_hit(lang, "address", "eircode", start, m.end(), text, 0.8))
        if text.islower() and ("county" in text or "co " in text):
            for m in _SPOKEN_EIRCODE.finditer(text):
                # "ballyvaloo blackwater county wexford y twenty five k x two six": the
                # townland and town before the county, back to a function word
                start = m.start()
                for tok in reversed(list(_TOKEN.finditer(text, max(0, start - 60), start))):
                    low = tok.group().lower()
                    if low in c.not_names or low == "at" or low in c.number_words:
                        break
                    start = tok.start()
                    if start < m.start("county") - 40:
                        break
                out.append(_hit(lang, "address", "eircode_spoken", start, m.end(), text, 0.75))
    # A street in southern or central Europe, its word first: "Calle Almendro 14, 29680
    # Estepona", "12 Rue de Rivoli, 75001 Paris", "Via Roma 22".
    if _FOREIGN_STREET_WORDS.search(text):
        for m in _FOREIGN_STREET.finditer(text):
            if _DIGIT.search(m.group()) is None:
                continue  # "the Rue de Rivoli": a street in general talk
            out.append(_hit(lang, "address", "foreign_street", m.start(), m.end(), text, 0.8))
    # Postcode and town on their own.
    if lang == "sv":
        flags = re.IGNORECASE if lower_ok else 0
        pattern = re.compile(
            r"\b[1-9]\d{2} ?\d{2}\s+[A-ZÅÄÖ][a-zåäöé]+(?:[\s-][A-ZÅÄÖ][a-zåäöé]+)?", flags
        )
        for m in pattern.finditer(text):
            town = m.group().split()[-1]
            # a lower-case word after the digits is a town only after an address cue
            # ("postnummer 411 38 göteborg"), not in "123 45 och ..."
            if town.lower() in c.units or (town.islower() and town in c.not_names and not lower_ok):
                continue
            start = m.start()
            # a village or farm and its number before the postcode: "Norrby 412, 776 92 ..."
            lead = _VILLAGE_BEFORE_POSTCODE.search(text, 0, start)
            if lead and lead.group("place").split()[-1].lower() not in c.not_names:
                start = lead.start()
            out.append(_hit(lang, "address", "postcode_town", start, m.end(), text, 0.85))
        if lower_ok or text.islower():
            # a village or farm and its number after an address cue, then a postcode said
            # or written: "adressen är norrby tolv sju sju sex nio två hedemora"; without a
            # cue, only with five postcode digits and a town ("norrby tolv sju fyra två nio
            # tre östhammar panelerna ska ...")
            for m in _SV_CUED_PLACE.finditer(text):
                if not (
                    lower_ok and c.postcode_cues.search(text, max(0, m.start() - 30), m.start() + 1)
                ) and not (
                    text.islower()
                    and m.group("place").lower() not in c.number_cue_kind
                    and _SV_POST_DIGITS_TOWN.match(text, m.end())
                    and not _after_negative_cue(text, m.start(), c)
                ):
                    continue
                if (
                    m.group("place").lower() in c.not_names
                    or m.group("place").lower() in c.number_words
                ):
                    continue
                tail = _address_tail(text, m.end(), lang)
                if tail > m.end():
                    out.append(_hit(lang, "address", "place_number", m.start(), tail, text, 0.8))
    else:
        flags = re.IGNORECASE if lower_ok else 0
        for m in re.finditer(rf"\b{_UK_POSTCODE}\b", text, flags):
            if _after_negative_cue(text, m.start(), c):
                continue  # "booking reference AB12CD" is a code, not a postcode
            start = _uk_address_start(text, m.start(), c)
            out.append(_hit(lang, "address", "uk_postcode", start, m.end(), text, 0.85))
        for m in _SPELLED_UK_POSTCODE.finditer(text):
            if not c.area_words.search(text, max(0, m.start() - 32), m.start()):
                out.append(
                    _hit(lang, "address", "uk_postcode_spoken", m.start("pc"), m.end(), text, 0.8)
                )
        for m in _ZIP_AFTER_CUE.finditer(text):
            # "my zip is 62704"; not "everyone in zip code 62704" (an area)
            if not c.area_words.search(text, max(0, m.start() - 32), m.start()):
                out.append(_hit(lang, "address", "zip", m.start("zip"), m.end(), text, 0.8))
        for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z]{2} \d{5}(?:-\d{4})?\b", text):
            out.append(_hit(lang, "address", "us_city_zip", m.start(), m.end(), text, 0.85))
    if c.house is not None:
        # "Rose Cottage, Mill Lane": a house name and its street, with or without a number
        for m in c.house.finditer(text):
            toks = list(_TOKEN.finditer(text, m.start(), m.end()))
            k = 0
            while k < len(toks) and not toks[k].group()[0].isdigit():
                w = toks[k].group()
                low = w.lower()
                if low == "the" or (
                    (_is_cap(w) or text.islower())
                    and low not in c.not_names
                    and low not in c.email_stops
                ):
                    break
                k += 1
            if k > len(toks) - 4:
                continue
            tail = _address_tail(text, m.end(), lang)
            numbered = toks[k].group()[0].isdigit()
            if "," not in m.group() and not (numbered or lower_ok):
                # "the old rectory church lane little snoring n r ...": with no comma between
                # the house and its street, only a postcode after them makes it an address
                post = _SPOKEN_POST[lang].match(text, m.end()) or _town_post(
                    lang, text.islower()
                ).match(text, m.end())
                if post is None:
                    continue
            if numbered or tail > m.end() or lower_ok:
                start = _unit_before(text, toks[k].start(), c)
                out.append(_hit(lang, "address", "house_name", start, tail, text, 0.8))
    for m in _BOX.finditer(text):
        # "PO Box 412, Inverness IV2 3XB", "Box 123, 123 45 Ort": the box takes its town along
        tail = _address_tail(text, m.end(), lang)
        out.append(_hit(lang, "address", "box", m.start(), tail, text, 0.8))
    return out


#: Words before a street named after someone: "Drottning Kristinas väg", "Kung Karls gata".
#: Merchandise a character with a title is printed on: "the mr tickle lunchbox",
#: "herr gurka-skivan".
_MERCH = (
    r"mugg|muggen|kopp|koppen|skiva|skivan|bok|boken|docka|dockan|figur|figuren|leksak"
    r"|leksaken|tröja|tröjan|mugs?|cups?|lunch\s?box(?:es)?|dvds?|box(?:\s+set)?|toys?|books?"
    r"|figures?|figurines?|costumes?|plates?|bowls?|t-shirts?|shirts?|posters?|games?|cakes?"
    r"|plush|teddy|sticker|stickers|pyjamas|backpack|bag|annual|episodes?|series|show|film"
    r"|movie|cartoon|characters?"
)
_TITLE_CHARACTER = re.compile(
    rf"(?:[\s-]+[^\W\d_]+){{0,2}}?(?:-|\s+)(?:{_MERCH})(?![\w-])", re.IGNORECASE
)
_CHARACTER_BEFORE = re.compile(r"\blittle\s+$", re.IGNORECASE)
_CHARACTER_AFTER = re.compile(r"\s+(?:men|potato\s+head|blobby)\b", re.IGNORECASE)


#: Round 20: a clause joined before "it's"/"det är": the "it" is the weather or a thing.
_CLAUSE_JOINERS = frozenset(
    ["and", "but", "because", "cause", "'cause", "cos", "as", "since", "if", "when", "though",
     "although", "och", "men", "eftersom", "för", "om", "när", "fast", "då"]
)  # fmt: skip
#: What follows a state said of the weather or a thing: "it's misty so", "stormy today".
_STATE_AFTER = frozenset(
    ["so", "today", "tonight", "now", "out", "outside", "again", "this", "at", "all", "in",
     "around", "here", "there", "too", "och", "så", "idag", "ikväll", "nu", "ute", "igen",
     "i", "här", "där", "också", "också"]
)  # fmt: skip


def _state_after_clause(
    text: str, tokens: list[re.Match[str]], lows: list[str], k: int, i: int, end: int
) -> bool:
    """Round 20: in ASR text, "it's" after a clause joiner with one word and then a weather
    or time word ("the hire is extra and it's misty so", "because it's stormy today") says
    how something is, not who is calling."""
    if not text.islower() or k == 0 or lows[k - 1] not in _CLAUSE_JOINERS:
        return False
    if end != tokens[i].end() or k < 2:
        return False
    nxt = i + 1
    return nxt < len(tokens) and lows[nxt] in _STATE_AFTER and lows[nxt] not in ("here", "här")


#: Round 20: a kin or partner word in the genitive and a comma right before a closing
#: name: "det är mitt och min mans, Rógvi Joensen", "mine and my husband's, Tórur Dahl".
_KIN_GENITIVE_BEFORE = re.compile(
    r"\b(?:min|mitt|mina|my|our|vår)\s+(?:mans|frus|sambos|makes|makas|partners|pojkväns|"
    r"flickväns|pappas|mammas|brors|systers|sons|dotters|husband['’]s|wife['’]s|partner['’]s|"
    r"fiancé['’]s|fiancée['’]s|boyfriend['’]s|girlfriend['’]s|mum['’]s|dad['’]s|son['’]s|"
    r"daughter['’]s|brother['’]s|sister['’]s),\s*$",
    re.IGNORECASE,
)


#: What a relative's closing name is said of: an account, a card, a booking, a policy.
_HELD_THING = re.compile(
    r"\b(?:konto\w*|kort\w*|bokning\w*|försäkring\w*|abonnemang\w*|avtal\w*|lån\w*|"
    r"account\w*|card\w*|booking\w*|policy|policies|subscription\w*|contract\w*|loan\w*|"
    r"tenancy|lease|membership\w*|medlemskap\w*)\b",
    re.IGNORECASE,
)


def _kin_genitive_closing(text: str, start: int, words: list[str], c: _Compiled) -> bool:
    """Round 20: two or three capitalised words closing the sentence after a kin genitive,
    no firm's, place's or thing's: the relative's name, however rare the first name."""
    return (
        2 <= len(words) <= 3
        and _KIN_GENITIVE_BEFORE.search(text, max(0, start - 40), start) is not None
        and _HELD_THING.search(text, 0, start) is not None
        and not any(
            w.lower() in c.org_words
            or w.lower() in c.place_names
            or w.lower() in c.business_tails
            or (w.lower() in c.not_names and w.lower() not in c.first_names)
            for w in words
        )
    )


def _low_name_word(low: str, lang: str, c: _Compiled, kin: bool = False) -> bool:
    """A lower-case word that can be a name after a title in ASR text: a known first name or
    surname, a surname's shape, or (English) no ordinary word ("mr okafor", "fru lundmark");
    after a kin word also a common-word name ("cousin ember", "mormor sol")."""
    if low in c.not_names or not low.isalpha():
        return False
    return (
        (kin and low in c.word_names)
        or low in c.first_names
        or low in c.surnames
        or low in c.homograph_names
        or _surname_like(low, c)
        or (
            lang == "en"
            and not _ordinary_word(low, "en")
            # "my cousin supports leeds", "my nan knits": a verb's -s form (round 21)
            and not (low.endswith("s") and _ordinary_word(low[:-1], "en"))
        )
    )


def _trim_lower_title(
    text: str,
    tokens: list[re.Match[str]],
    lows: list[str],
    i: int,
    found: tuple[int, int],
    lang: str,
    c: _Compiled,
) -> tuple[int, int] | None:
    """In lower-case text a title names a person only when a name-like word follows ("mr
    crane", "fru lundmark"), and the name ends at the first word that is none ("mr crane
    never answers" → "mr crane"). "min fru gå kursen", "my doctor says", "mr tickle and mr
    happy" have no name after the title."""
    end = None
    k = i
    while k < len(tokens) and tokens[k].start() < found[1]:
        if k > i and text[tokens[k - 1].end() : tokens[k].start()] not in (" ", "-"):
            break
        if not _low_name_word(lows[k], lang, c, kin=lows[i - 1] in c.kin_names if i else False):
            break
        end = tokens[k].end()
        k += 1
    return None if end is None else (found[0], end)


def _title_character(text: str, title_start: int, end: int) -> bool:
    """A title and a word that name a character or a product line, not a person: "the mr
    tickle lunchbox", "the mr bean dvd", "little miss sunshine", "mr men", "mr potato head",
    "herr gurka-skivan"."""
    if _CHARACTER_BEFORE.search(text, max(0, title_start - 8), title_start):
        return True
    title = re.match(r"[^\W\d_]+\.?", text[title_start:])
    after = title_start + (title.end() if title else 0)
    if _CHARACTER_AFTER.match(text, after):
        return True
    merch = _TITLE_CHARACTER.match(text, after)
    return merch is not None and merch.end() <= end + 30


_ARTICLE_NUMBERS = frozenset(["en", "ett", "one"])
_TIME_NOUN_AFTER = re.compile(
    r"\s+(?:lördag|söndag|måndag|tisdag|onsdag|torsdag|fredag|morgon|förmiddag|eftermiddag"
    r"|kväll|natt|dag|vecka|gång|par|stund|bit|halvtimme|timme|månad|sommar|vinter|vår|höst"
    r"|saturday|sunday|monday|tuesday|wednesday|thursday|friday|morning|afternoon|evening"
    r"|night|day|week|time|way|month|summer|winter|spring|autumn|weekend|helg)[\w-]*\b",
    re.IGNORECASE,
)


def _article_not_number(text: str, m: re.Match[str]) -> bool:
    """A street said without a number, then 'en'/'ett'/'one' as an article or a count:
    "på Drottninggatan en fredag", "längs Kungsgatan en morgon", "Church Road one
    afternoon". In written text a lower-case word after it says so; in lower-case text a
    word of time or quantity does."""
    if m.group("num").strip().lower() not in _ARTICLE_NUMBERS:
        return False
    if _TIME_NOUN_AFTER.match(text, m.end()):
        return True
    nxt = re.match(r"\s+([^\W\d_]{2,})", text[m.end() :])
    return (
        nxt is not None
        and not text.islower()
        and nxt.group(1).islower()
        and (nxt.group(1).lower() not in ("i", "in", "och", "and", "lgh", "trappor", "tr", "flat"))
    )


_PREVIOUS_WORD = re.compile(r"(?<![\w-])([^\W\d_]+)\s$")


def _street_owner_before(text: str, start: int, street: str, c: _Compiled) -> int:
    """ "Karl Johansgatan 1", "Gustav Adolfsvägen 3": a street named after a person (a genitive
    compound) takes the capitalised first name or title before it along."""
    if not re.match(r"[^\W\d_]{3,}s(?!s)", street):
        return start
    prev = _PREVIOUS_WORD.search(text, max(0, start - 24), start)
    if prev is None or not _is_cap(prev.group(1)):
        return start
    low = prev.group(1).lower()
    if low in c.hand_first_names or low in c.street_owner_titles:
        return prev.start(1)
    return start


#: A village or farm and its number before a postcode: "Norrby 412, 776 92 ...", with a
#: prefix word: "Västra Ånn 6, 830 15 Duved", "Stora Mellby 3, ...".
_VILLAGE_BEFORE_POSTCODE = re.compile(
    r"(?<![\w-])(?P<place>(?:(?:Östra|Västra|Norra|Södra|Stora|Lilla|Övre|Nedre|Gamla|Nya)\s)?"
    r"[A-ZÅÄÖ][\w-]+)\s\d{1,4}[A-Za-z]?,?\s*$"
)


#: Street words that name a whole street after "the": "The Crescent", "The Green".
_THE_STREETS = re.compile(
    r"crescent|green|avenue|close|drive|parade|grove|walk|row|square|mews|terrace|quay|"
    r"causeway|broadway|strand|circus|rise|gardens|paddocks|meadows|willows|maltings|chase",
    re.IGNORECASE,
)
#: Swedish street endings looked for in English text.
#: Norwegian "Storgata 12, 9008 Tromsø" too.
_SV_STREET_ENDINGS = (
    "gatan", "gata", "vägen", "väg", "gränd", "gränden", "torget", "torg", "allén", "stigen",
    "backen",
)  # fmt: skip
#: "gate fourteen", "Gate 14": a boarding gate, not a street called "... Gate".
_BOARDING_GATE = re.compile(
    r"(?<=gate)\s+(?:\d|[a-z]+teen\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)",
    re.IGNORECASE,
)


#: A currency right before a number: "£65", "$ 12", "€40", "USD 30".
_PRICE_BEFORE = re.compile(r"(?:[£$€¥]|\b(?:USD|EUR|GBP|SEK|NOK|DKK|AUD|CAD))\s?$", re.IGNORECASE)
#: A rate right after a number: "65 per square metre", "12 a square foot", "40 each".
_RATE_AFTER = re.compile(
    r"\s*(?:per|each|apiece|styck)\b|\s+(?:a|an)\s+(?:square|sq|metre|meter|foot|"
    r"yard|head|person|night|month|week|day|hour|year)\b",
    re.IGNORECASE,
)


def _number_then_unit(text: str, end: int, c: _Compiled) -> bool:
    """Is the number that ends at ``end`` followed by a unit ("25 kr", "30 minuter")?"""
    m = re.match(r"\s+([^\s.,;!?]+)", text[end : end + 24])
    return m is not None and m.group(1).lower() in c.units


#: A flat, floor or entrance after the street: "Storgatan 12 B, 2 tr", "lgh 1102", "Apt 12".
#: A number as said in an address: written, or Swedish number words run together
#: ("elvahundraett", "fyra", "tjugotvå").
_SV_NUM = (
    r"(?:\d{1,4}|(?:ettusen|noll|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|"
    r"fjorton|femton|sexton|sjutton|arton|nitton|tjugo|trettio|fyrtio|femtio|sextio|sjuttio|"
    r"åttio|nittio|hundra|tusen)+)"
)
_EN_NUM = (
    r"(?:\d{1,4}|(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred)(?:[\s-](?:zero|oh|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)){0,3})"
)
#: "07.30", "7:45" right at a street number: a time, not a house number.
_CLOCK_AFTER = re.compile(r"0\d|\d{1,2}[.:][0-5]\d\b")

_US_STATES = (
    r"alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|"
    r"hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|"
    r"massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|"
    r"new\s+hampshire|new\s+jersey|new\s+mexico|new\s+york|north\s+carolina|north\s+dakota|"
    r"ohio|oklahoma|oregon|pennsylvania|rhode\s+island|south\s+carolina|south\s+dakota|"
    r"tennessee|texas|utah|vermont|virginia|washington|west\s+virginia|wisconsin|wyoming|"
    r"[A-Z]{2}"
)
#: "rural route two box one eighteen", "RR 3 Box 42", "R.R. 1, Box 7": a US rural address.
_RURAL_ROUTE = re.compile(
    rf"\b(?:rural\s+route|r\.?\s?r\.?)\s+(?:number\s+)?{_EN_NUM},?\s+box\s+{_EN_NUM}(?!\w)",
    re.IGNORECASE,
)
#: the town and state after a rural route: "millersburg ohio", ", Elkins, WV 26241"
_US_STATE_AFTER = re.compile(
    rf",?\s+(?:[^\W\d_]{{3,}}\s+){{1,2}}?,?\s*(?:{_US_STATES})\b(?:\s+\d{{5}})?",
    re.IGNORECASE,
)
#: An Irish Eircode: "P72 YT86", "D04 X2Y6".
_EIRCODE = re.compile(r"(?<![\w-])[AC-FHKNPRTV-Y]\d[\dW]\s?[AC-FHKNPRTV-Y\d]{4}(?![\w-])")
#: An Eircode said aloud: its routing key ("t twelve", "r nine five", "d six w") and four
#: letters or digits ("x k seven nine").
_EIRCODE_SAID = (
    r"[ac-fhknprtv-y]\s"
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:\s(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
    r"\s(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|w)|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"(?:\s(?:[a-z]|zero|oh|one|two|three|four|five|six|seven|eight|nine)){4}(?![\w'’])"
)
#: An Eircode said aloud after its county: "county wexford y twenty five k x two six".
_SPOKEN_EIRCODE = re.compile(r"\b(?P<county>county|co)\s+[a-z]+\s+" + _EIRCODE_SAID)
#: After a street, the town (or county) and an Eircode said aloud: "... ashgrove road cork t
#: twelve x k seven nine".
_EIRCODE_SAID_TAIL = re.compile(r",?(?:\s+(?:county\s+|co\s+)?[a-z]{3,}){1,2},?\s+" + _EIRCODE_SAID)
_IE_PART = re.compile(r"(?:(?:Co\.?|County)\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*$")


def _irish_address_start(text: str, start: int, c: _Compiled) -> int:
    """ "Ardmore House, Kilbrittain, Co. Cork P72 YT86": back from the Eircode over the
    county, town and house parts; a part with a number or a house word opens the address."""
    parts: list[int] = []
    pos = start
    seg_end = start
    for _ in range(5):
        seg_from = text.rfind(",", 0, seg_end) + 1
        seg = text[seg_from:seg_end]
        m = _IE_PART.search(seg) or re.search(r"\d{1,4}[A-Za-z]?\s+[\w'’ .-]+$", seg)
        if m is None or seg[: m.start()].strip():
            if m is not None:
                parts.append(seg_from + m.start())
            break
        parts.append(seg_from + m.start())
        if seg_from == 0:
            break
        seg_end = seg_from - 1
    if not parts:
        return start
    opened = [
        p
        for p in parts
        if re.match(r"\d", text[p:])
        or not c.house_words.isdisjoint(
            w.lower() for w in _TOKEN.findall(text[p : p + 40].split(",")[0])
        )
    ]
    if opened:
        return opened[-1]
    if len(parts) >= 2:
        return parts[1] if re.match(r"(?:Co\.?|County)\s", text[parts[0] :]) else parts[0]
    return pos


_SV_CUED_PLACE = re.compile(
    rf"(?<=\s)(?P<place>[^\W\d_][\w-]{{2,}})\s+(?:\d{{1,4}}[A-Ha-h]?\b|{_SV_NUM}\b)", re.IGNORECASE
)
_SV_STREET_EN_NUMBER = re.compile(
    rf"(?<![\w-])[^\W\d_]+(?:gatan|vägen|gränd|gränden|torget|allén|stigen|backen)\s+{_EN_NUM}"
    r"(?:\s?[a-h]\b)?(?![\w-])",
    re.IGNORECASE,
)
#: "flat", "apartment" right before a street number said in words.
_FLAT_WORD_BEFORE = re.compile(r"\b(?:flat|apartment|apt\.?|unit|suite)\s+$", re.IGNORECASE)
#: A UK address written before its postcode, in comma-separated parts: "Rose Cottage, Mill
#: Lane, Little Haddon, Norfolk NR15 2QT", "c/o Mrs Agnes Doyle, 61 Kingsway, Cardiff CF10".
_STREET_LEAD = (
    r"Calle|Avenida|Avda\.?|Carrer|Camino|Paseo|Plaza|Rua|Travessa|Largo|Praça|Via|Viale|Corso"
    r"|Piazza|Vicolo|Rue|Boulevard|Chemin|Allée|Impasse|Quai|Ulica|Ul\.|Odos|Odós"
)
_FOREIGN_STREET_WORDS = re.compile(rf"\b(?:{_STREET_LEAD})\s")
_FOREIGN_STREET = re.compile(
    rf"(?:\b\d{{1,4}}[A-Za-z]?,?\s+)?\b(?:{_STREET_LEAD})\s+"
    r"(?:(?:de\s+la|de\s+los|de\s+las|de\s+l['’]|d['’]|de|del|dos|das|da|di|della|delle|dei|du"
    r"|des|la|le|les|el|los|las|do|dello)\s+)?"
    r"[A-ZÁÉÍÓÚÑÇÀÈÂÊÎÔÛÅÄÖ][\w'’-]*(?:\s+(?:de\s+|del\s+|da\s+|di\s+)?[A-ZÁÉÍÓÚ][\w'’-]*){0,2}"
    r"(?:\s+\d{1,4}[A-Za-z]?(?![\d:.,]\d))?"
    r"(?:,?\s*(?:\d{1,2}º?\s*[A-Za-z]?,\s*)?\d{4,5}(?:-\d{3})?\s+[A-ZÁÉÍÓÚÅÄÖ][\w'’-]+"
    r"(?:\s+(?:de\s+)?[A-Z][\w'’-]+)?)?"
)
#: Lower-case words inside a UK address part ("Bishop's Stortford on the Water", Welsh
#: "Clos y Wern", "Heol yr Ysgol"), and Welsh street and house words that make it an address.
_UK_PART = re.compile(
    r"(?:(?:c/o|care of)\s+)?(?:(?:\d{1,4}[A-Za-z]?|[A-Z][\w'’.-]*|of|upon|on|the|and|&|y|yr)\s+)*"
    r"(?:\d{1,4}[A-Za-z]?|[A-Z][\w'’.-]*)"
)


#: Words that open a sentence before an address part ("Yes, 4 Mill Lane, ...").
_ADDRESS_LEAD_WORDS = frozenset(["it", "this", "that", "yes", "yeah", "so", "ok", "okay", "and"])


def _uk_address_start(text: str, start: int, c: _Compiled) -> int:
    """Extend a written UK postcode back over its town, county, street and house parts."""
    pos = start
    # the town or county right before the postcode: "Norfolk NR15 2QT", "Cardiff CF10 3AS"
    m = re.search(r"(?:(?<=\s)|^)(?:[A-Z][\w'’-]+\s){1,3}$", text[max(0, pos - 48) : pos])
    if m:
        pos = pos - (len(text[max(0, pos - 48) : pos]) - m.start())
    parts = 0
    while parts < 5:
        comma = re.search(r",\s*$", text[max(0, pos - 3) : pos])
        if not comma:
            break
        cut = pos - (len(text[max(0, pos - 3) : pos]) - comma.start())
        seg_from = text.rfind(",", 0, cut) + 1
        seg = text[seg_from:cut]
        part = None
        for pm in _UK_PART.finditer(seg):
            if pm.end() == len(seg.rstrip()):
                part = pm
        if part is None:
            break
        whole = not seg[: part.start()].strip()
        pos = seg_from + part.start()
        lead = _TOKEN.match(text, pos)
        while lead and (
            _POSSESSIVE.search(lead.group()) or lead.group().lower() in _ADDRESS_LEAD_WORDS
        ):
            # "It's Ivy Cottage, ...": "It's" is no part of the address; "The Old Mill" is
            if lead.group().lower() == "the":
                break
            nxt = re.match(r"[\s,]+", text[lead.end() :])
            pos = lead.end() + (nxt.end() if nxt else 0)
            whole = False
            lead = _TOKEN.match(text, pos)
        parts += 1
        if not whole:
            break
    if parts == 0:
        return start
    # a part with a house number, a street word or a house name makes it an address
    span = text[pos:start].lower()
    words = set(_TOKEN.findall(span))
    if (
        re.search(r"\d|c/o|care of", span)
        or not words.isdisjoint(c.house_words)
        or not words.isdisjoint(_WELSH_STREET_WORDS)
        or any(w in c.lex.addresses.street_suffixes for w in words)
    ):
        return pos
    return start


_WELSH_STREET_WORDS = frozenset(
    [
        "heol",
        "ffordd",
        "stryd",
        "lôn",
        "lon",
        "clos",
        "cilgant",
        "rhodfa",
        "maes",
        "teras",
        "llwybr",
        "ty",
        "tŷ",
        "bwthyn",
        "fferm",
        "plas",
        "bryn",
        "pentre",
        "cae",
        "nant",
        "parc",
    ]
)


_UNIT_AFTER = {
    "sv": re.compile(
        rf"(?:,?\s*(?:(?:lgh|lägenhet|lägenhetsnummer|lgh\.?\s?nr)\.?\s*{_SV_NUM}"
        rf"(?:\s+(?!och\b|en\b){_SV_NUM}){{0,3}}\b"
        rf"|{_SV_NUM}\s*(?:tr|trappor|trappa|trappa upp|trappor upp|vån|våningen)\b\.?"
        rf"|(?:våning|vån\.?)\s*{_SV_NUM}\b|(?:nb|bv|ög|nedre botten|bottenvåningen)\b"
        r"|uppgång\s+[A-Za-z\d]\b|[A-Ha-h]\s\d{1,3}(?=\s*,)|[A-Ha-h]\b(?![-\w])))+",
        re.IGNORECASE,
    ),
    "en": re.compile(
        rf"(?:,?\s*(?:(?:flat|apartment|apt\.?|unit|suite|ste\.?|room)\s*#?\s*"
        rf"(?:\d{{1,4}}[A-Za-z]?|{_EN_NUM}(?:\s[a-h](?![\w'’]))?)\b"
        r"|#\s?\d{1,4}[A-Za-z]?\b|(?:\d{1,2}(?:st|nd|rd|th)\s+floor)\b))+",
        re.IGNORECASE,
    ),
}
#: A flat said before the street: "Flat 3, 18 Church Lane", "apartment four c two twenty ...".
_UNIT_BEFORE_SPOKEN = re.compile(
    rf"(?:\b(?:flat|apartment|apt\.?|unit|suite|lägenhet|lgh)\s*#?\s*(?:{_EN_NUM}|{_SV_NUM})"
    r"(?:\s?[A-Za-z]\b)?"
    r"|\b(?:\d{1,2}(?:st|nd|rd|th)|ground|first|second|third|fourth|fifth|top|basement)"
    r"\s+floor(?:\s+flat)?),?\s*$",
    re.IGNORECASE,
)
_TOWN_POST = {
    # a Norwegian, Danish or Finnish postcode after a comma too: ", 0555 Oslo", ", 20100 Åbo"
    "sv": r"(?:,?\s*[1-9]\d{2} ?\d{2}|,\s*\d{4,5})\s+[A-ZÅÄÖØÆ][a-zåäöéøæü]+"
    r"(?:[\s-][A-ZÅÄÖØÆ][a-zåäöéøæü]+)?",
    "en": rf"(?:,?\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?,?\s*(?:{_UK_POSTCODE}|[A-Z]{{2}}\s\d{{5}}(?:-\d{{4}})?)\b",
}


_SV_DIGIT_WORD = (
    r"(?:noll|nolla|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|"
    r"femton|sexton|sjutton|arton|nitton|(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|"
    r"nittio)(?:ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)?|\d)"
)
_EN_DIGIT_WORD = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double\s\w+|\d)"
#: the district of a spoken UK postcode: "h p sixteen", "s w one", "e c twenty two"
_EN_DISTRICT = (
    r"(?:(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:\s(?:one|two|three|four|five|six|seven|eight|nine))?"
    rf"|{_EN_DIGIT_WORD}(?:\s{_EN_DIGIT_WORD})?)"
)
#: "Box 123", "PO Box 412", "box sju åtta nio", "p o box four one two".
_BOX = re.compile(
    rf"(?<![\w-])(?:p\.?\s?o\.?\s)?box\s+(?:\d{{1,6}}\b|(?:{_SV_DIGIT_WORD}|{_EN_DIGIT_WORD})"
    rf"(?:\s+(?:{_SV_DIGIT_WORD}|{_EN_DIGIT_WORD})){{1,5}}(?!\w))",
    re.IGNORECASE,
)
#: "the postcode is s w one a one a a": a UK postcode spelled out after its cue.
_SPELLED_UK_POSTCODE = re.compile(
    rf"\b(?:postcode|post\s+code)(?:\s+is|['’]s)?\s+(?P<pc>[a-z](?:\s[a-z])?\s{_EN_DISTRICT}"
    rf"(?:\s[a-z])?\s{_EN_DIGIT_WORD}\s[a-z]\s[a-z])\b",
    re.IGNORECASE,
)
_SPOKEN_POST = {
    "sv": re.compile(
        rf",?\s+(?:{_SV_DIGIT_WORD}\s+){{2,5}}{_SV_DIGIT_WORD}\s+[^\W\d_]{{2,}}(?:\s+[^\W\d_]+)?"
        r"(?=\s*$|\s*[.,;!?])",
        re.IGNORECASE,
    ),
    "en": re.compile(
        rf",?(?:\s+[^\W\d_]{{2,}}){{0,3}},?\s+(?:"
        rf"[a-z](?:\s[a-z])?\s{_EN_DISTRICT}(?:\s[a-z])?\s"
        rf"{_EN_DIGIT_WORD}\s[a-z]\s[a-z]"  # UK: "l s six two a b", "h p sixteen nine a w"
        rf"|(?:{_EN_DIGIT_WORD}\s){{4}}{_EN_DIGIT_WORD}"  # US zip: "seven eight seven oh four"
        r")\b",
        re.IGNORECASE,
    ),
}
_SV_SPOKEN_POST_WORDS = re.compile(
    rf",?\s+(?P<num>{_SV_NUM}(?:\s+{_SV_NUM}){{1,4}})\s+[^\W\d_]{{2,}}(?:\s+[A-ZÅÄÖ][^\W\d_]+)?"
    r"(?=\s*$|\s*[.,;!?])",
    re.IGNORECASE,
)
_TOWN_AFTER = {
    "sv": re.compile(
        r",?\s+(?:i|in)\s+(?P<town>[^\W\d_][\w-]+)(?:\s[A-ZÅÄÖ][\w-]+)?"
        r"|,\s*(?P<ctown>[A-ZÅÄÖ][\w-]+)(?:\s[A-ZÅÄÖ][\w-]+)?(?=\s*$|\s*[.,;!?])"
    ),
    "en": re.compile(
        r"(?:,\s*|\s+in\s+)(?P<town>[A-Za-z][\w'-]+)(?:\s[A-Z][\w'-]+)?(?=\s*$|\s*[.,;!?])"
    ),
}
#: Words after "i"/"in" or a comma that are no town ("Storgatan 5 i morgon", ", please").
_TOWN_STOPS = frozenset(
    ["morgon", "dag", "går", "kväll", "helgen", "alla", "fall", "stället", "så", "the", "a",
     "an", "my", "your", "please", "thanks", "thank", "and", "but", "so", "ok", "okay", "yes",
     "no", "right", "correct", "och", "men", "tack", "ja", "nej", "jag", "du", "den", "det",
     "it", "is", "that", "which", "where", "från", "till", "mars", "maj", "juni", "juli"]
)  # fmt: skip


_TOWN_POST_RX = {
    (lang, lower): re.compile(rx, re.IGNORECASE if lower else 0)
    for lang, rx in _TOWN_POST.items()
    for lower in (False, True)
}


def _town_post(lang: str, lower: bool) -> re.Pattern[str]:
    """``_TOWN_POST`` compiled once, without case for lower-case (ASR) text."""
    return _TOWN_POST_RX[(lang, lower)]


def _after_negative_cue(text: str, start: int, c: _Compiled) -> bool:
    """Does an order, booking or case cue stand right before ``start`` (fillers between)?"""
    for q in c.number_cues.finditer(text, max(0, start - 40), start):
        if c.number_cue_kind.get(_norm(q.group()), "negative") == "negative" and _ID_GAP.fullmatch(
            text, q.end(), start
        ):
            return True
    return False


def _unit_before(text: str, start: int, c: _Compiled) -> int:
    """ "Flat 3, 18 Church Lane", "Flat 2, The Old Mill": the flat goes with the street."""
    unit = c.unit_before.search(text, max(0, start - 24), start)
    if unit:
        return unit.start()
    unit = _UNIT_BEFORE_SPOKEN.search(text, max(0, start - 48), start)
    return unit.start() if unit else start


def _address_tail(text: str, end: int, lang: str) -> int:
    """Extend a street address over a flat or floor, then a postcode and town.

    In lower-case (ASR) text the town and postcode are matched without case:
    "7 church lane harrogate hg1 4dz".
    """
    unit = _UNIT_AFTER[lang].match(text, end)
    if unit:
        end = unit.end()
    m = _town_post(lang, text.islower()).match(text, end)
    if m:
        return m.end()
    if lang == "en":
        # Irish and Canadian: "..., Dún Laoghaire, Co. Dublin A96 K2X7", "..., Toronto, ON
        # M5V 1J5"
        m = _IE_CA_TAIL.match(text, end)
        if m:
            return m.end()
        if text.islower():
            m = _EIRCODE_SAID_TAIL.match(text, end)
            if m:
                return m.end()
    if lang == "sv":
        # a postcode said digit by digit and the town, the utterance going on after it:
        # "norrby tolv sju tre tre nio ett sala så det är ..."
        m = _SV_POST_DIGITS_TOWN.match(text, end)
        if m and m.group("town").lower() not in _TOWN_STOPS:
            return m.end()
    if lang == "sv":
        # five postcode digits said as digits and pairs, then the town, the utterance going
        # on: "nio åtta ett trettiotvå kiruna och ...", "fyra ett ett sjutton göteborg det är"
        m = _SV_POST_MIXED_TOWN.match(text, end)
        if m and m.group("town").lower() not in _TOWN_STOPS | _NOT_TOWN_END:
            runs = number_runs(m.group("num"), "sv")
            if len(runs) == 1 and len(runs[0].digits) == 5 and runs[0].digits[0] != "0":
                return m.end()
    # a postcode said digit by digit, then the town: "fyra ett ett tio göteborg",
    # "leeds l s six two a b", "austin texas seven eight seven oh four"
    spoken = _SPOKEN_POST[lang].match(text, end)
    if spoken:
        # "... b s sixteen four j t bristol": the town said after the postcode
        rest = _TOWN_AT_END.match(text, spoken.end()) if text.islower() else None
        if rest and not any(w in _TOWN_STOPS or w in _NOT_TOWN_END for w in rest.group(1).split()):
            return rest.end(1)
        return spoken.end()
    if lang == "sv":
        # in pairs or hundreds: "fyrtioett trettioåtta göteborg", "fyrahundratolv trettioåtta"
        spoken = _SV_SPOKEN_POST_WORDS.match(text, end)
        if spoken:
            runs = number_runs(spoken.group("num"), "sv")
            if len(runs) == 1 and len(runs[0].digits) == 5 and runs[0].digits[0] != "0":
                return spoken.end()
    # "i örebro", "in Leeds", ", Swindon": the town after the street
    town = _TOWN_AFTER[lang].match(text, end) or _TOWN_BEFORE_CLAUSE.match(text, end)
    name = town and (town.groupdict().get("town") or town.groupdict().get("ctown"))
    if (
        town
        and name
        and name.lower() not in _TOWN_STOPS
        and name.lower() not in _NOT_TOWN_END
        and (text.islower() or name[0].isupper())
    ):
        return town.end()
    if text.islower():
        # ASR text: a town right after the street (after a postcode said short a digit),
        # the speaker going on in the first person: "... hawthorn road leicester i need
        # help", "... hantverkargatan tjugotre fyra tre tre sju partille jag vill"
        m = _TOWN_THEN_I[lang].match(text, end)
        if (
            m
            and m.group("town") not in _TOWN_STOPS | _NOT_TOWN_END | _CLAUSE_WORDS
            and not m.group("town").endswith("ly")
        ):
            return m.end("town")
        # ASR text: one or two words ending the utterance right after the street are its
        # town ("... west ninety eighth street new york", "... storgatan fem hedemora")
        rest = _TOWN_AT_END.match(text, end)
        if rest and not any(w in _TOWN_STOPS or w in _NOT_TOWN_END for w in rest.group(1).split()):
            return rest.end(1)
    return end


_PLACE_WORDS = r"[A-Z][^\W\d_'’]*(?:[\s-][A-Z][^\W\d_'’]*){0,2}"
_IE_CA_TAIL = re.compile(
    # "..., Artane, Dublin 5, D05 X2W8": a Dublin postal district has a number
    rf"(?:,\s*{_PLACE_WORDS}(?:\s\d{{1,2}}W?)?){{0,3}}(?:,\s*(?:Co\.?|County)\s+{_PLACE_WORDS})?,?\s+"
    r"[AC-FHKNPRTV-Y]\d[\dW]\s?[AC-FHKNPRTV-Y\d]{4}\b"  # Eircode
    rf"|(?:,\s*{_PLACE_WORDS}){{0,2}},?\s+(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\s+"
    r"[A-Z]\d[A-Z]\s?\d[A-Z]\d\b"  # Canadian province and postal code
    rf"|(?:,\s*{_PLACE_WORDS}){{0,2}},?\s+(?:NSW|VIC|Vic|QLD|Qld|SA|WA|TAS|Tas|ACT|NT)\s+"
    r"\d{4}\b"  # Australian suburb, state and postcode: ", Bondi NSW 2026"
)
#: Five postcode digits said one by one and a town, the sentence going on after it.
_SV_POST_DIGITS_TOWN = re.compile(
    r",?\s+(?:(?:noll|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)\s+){4}"
    r"(?:noll|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)\s+(?P<town>[^\W\d_]{3,})\b",
    re.IGNORECASE,
)
#: Postcode digits said one by one or in pairs ("nio åtta ett trettiotvå") and a town.
_SV_POST_MIXED_TOWN = re.compile(
    rf",?\s+(?P<num>(?:{_SV_DIGIT_WORD}\s+){{1,4}}{_SV_DIGIT_WORD}),?\s+(?P<town>[^\W\d_]{{3,}})\b",
    re.IGNORECASE,
)
#: Words that open or link a clause, never a town before "jag"/"I".
_CLAUSE_WORDS = frozenset(
    ["sedan", "eftersom", "därför", "alltså", "också", "bara", "liksom", "nämligen",
     "faktiskt", "numera", "fast", "innan", "medan", "where", "since", "because", "when",
     "though", "although", "until", "unless", "which", "basically", "still", "just", "also",
     "then", "anyway", "before", "after", "while", "where", "that", "what", "tell", "think"]
)  # fmt: skip
#: Lower-case ASR: a town (after spoken postcode digits in Swedish) and then the speaker
#: going on in the first person ("... road leicester i need", "... partille jag vill").
_TOWN_THEN_I = {
    "sv": re.compile(
        r",?\s+(?:(?:noll|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)\s+){0,5}"
        r"(?P<town>[^\W\d_]{4,})(?=\s+(?:och\s+)?(?:jag|vi)\s)"
    ),
    "en": re.compile(r",?\s+(?P<town>[^\W\d_]{4,})(?=\s+(?:and\s+)?(?:i|i'm|we|i've)\s)"),
}
#: "fifty three elm grove in ely so we need ...": "in" and a town before a new clause.
_TOWN_BEFORE_CLAUSE = re.compile(
    r"\s+(?:in|i)\s+(?P<town>[^\W\d_][\w'-]+)(?=\s+(?:so|and|but|because|as|which|where|"
    r"now|then|if|when|since|please|så|och|men|eftersom|där|nu|sen|om|när|tell|ask|let|"
    r"remind|säg|hälsa|fråga)\b)",
    re.IGNORECASE,
)
_TOWN_AT_END = re.compile(r"\s+([^\W\d_]{3,}(?:\s[^\W\d_]{2,})?)[\s.!?]*$")
#: Words that end an utterance after a street and are no town.
_NOT_TOWN_END = frozenset(
    ["please", "thanks", "yeah", "yes", "right", "there", "here", "now", "today", "tack",
     "där", "här", "nu", "idag", "också", "too", "also", "then", "sen", "ja", "nej",
     "street", "road", "please.", "okay", "okej", "och", "and", "is", "är", "correct",
     "stämmer", "precis", "exactly", "thank", "you", "dig", "er", "love", "mate"]
)  # fmt: skip


# ---------------------------------------------------------------- names


def _is_cap(word: str) -> bool:
    return (word[:1].isupper() and not word.isupper()) or (len(word) == 1 and word.isupper())


def _surname_like(word: str, c: _Compiled, broad: bool = True) -> bool:
    """A known surname ("Persson", "Kowalczyk") or a surname's shape ("-sson", "O'", "Mc").
    ``broad=False``: only the pack's own hand-made list, not the broad census lists."""
    low = word.lower()
    if low in c.not_names or any(ch.isdigit() for ch in low):
        return False
    return (
        low in (c.surnames if broad else c.hand_surnames)
        or any(_prefixed(word, p) for p in c.surname_prefixes)
        or (len(low) > 4 and low.endswith(c.surname_suffixes))
    )


def _prefixed(word: str, prefix: str) -> bool:
    """ "O'Brien", "al-Amin", "McDonald", "VanDyke"; not "Stone", "Macbook", "Dell"."""
    n = len(prefix)
    if word.lower() == prefix:
        return prefix.isalpha() and prefix not in ("mc", "mac", "st")  # "van", "von", "af"
    if len(word) < n or word[:n].lower() != prefix:
        return False
    return not prefix[-1].isalpha() or prefix == "mc" or word[n].isupper()


def _sentence_initial(text: str, pos: int) -> bool:
    return _SENTENCE_END.search(text[:pos].rstrip()) is not None or not text[:pos].strip()


_POSSESSIVE = re.compile(r"['’]s$")


def _name_at(
    text: str, tokens: list[re.Match[str]], i: int, strength: str, c: _Compiled
) -> tuple[int, int] | None:
    """The name starting at token ``i``, if the cue strength allows it: (start, end)."""
    first = tokens[i]
    word = first.group()
    low = word.lower()
    if low in c.not_names and not (
        strength == "strong" and low in c.homograph_names and _homograph_name(text, tokens, i, c)
    ):
        return None
    if low in c.number_words or len(word) < 2:
        return None
    if low in c.number_cue_kind and low not in c.first_names:
        return None  # "heter jag, medlems-id CW-00413": a number's cue, not a name
    if any(ch.isdigit() for ch in word):
        return None
    after = text[first.end() : first.end() + 2]
    if (
        "-" in word
        and not word.split("-")[1][:1].isupper()
        and _is_cap(word)
        and low not in c.first_names
    ):
        return None  # "Anna-paketet", "Max-paketet"; not "Hye-jin", "Ji-woo"
    if after[:1] == "-" and after[1:2].islower():
        return None
    if c.not_name_phrases.match(text, first.start()):
        return None
    if i > 0 and tokens[i - 1].group().lower().rstrip(".") in c.place_prefixes:
        before = tokens[i - 1]
        if _is_cap(before.group()) and not text[before.end() : first.start()].strip():
            return None  # "San Jose", "Sankt Eriksgatan": a place, not a person
    known = low in c.first_names or low.split("-")[0] in c.first_names
    if strength == "weak" and not known:
        return None
    if strength == "medium" and not (known or _is_cap(word)):
        return None
    end = first.end()
    # Surnames: capitalised words after a capitalised first name, surname-like words otherwise.
    limit = 3 if strength == "strong" or (_is_cap(word) and not text.islower()) else 2
    if strength == "strong":
        limit = 4  # "Anna Maria Sofia Engström", "håkan nils erik ljung": the 4th a name
    j = i + 1
    while j < len(tokens) and j - i < limit:
        nxt = tokens[j]
        gap = text[end : nxt.start()]
        if gap.strip() or "\n" in gap:
            break
        w = nxt.group()
        if w.lower() == tokens[j - 1].group().lower() and j == i + 1:
            limit += 1  # a stutter: "this is tom tom barker"
        if (
            w.lower() in c.not_names
            or w.lower() in c.number_words
            or w.lower() in _DOT_WORDS
            or w.lower() in _JOIN_WORDS  # "jonas bindestreck berg snabel a ...": an e-mail
        ):
            break
        if any(ch.isdigit() for ch in w):
            break
        if _CONTRACTION.search(w):
            break  # "a guy called tash didn't turn up": a verb, no surname
        if c.not_name_phrases.match(text, nxt.start()):
            break
        if (
            w.lower() in _NAME_PARTICLES
            and j + 1 < len(tokens)
            and text[nxt.end() : tokens[j + 1].start()] == " "
            and (_is_cap(tokens[j + 1].group()) or (text.islower() and strength == "strong"))
            and (_is_cap(word) or text.islower())
            and tokens[j + 1].group().lower() not in c.not_names
        ):
            # "Dafydd ap Rhys", "Ahmad bin Ismail", "Ludwig van der Berg": a particle inside
            end = tokens[j + 1].end()
            j += 2
            limit += 1
            continue
        if j - i == 3 and not (
            w.lower() in c.first_names
            or _surname_like(w, c)
            or all(t.group().lower() in c.first_names for t in tokens[i + 1 : j])
        ):
            break  # a 4th word: a name, or a surname after three first names
        if _is_cap(word) and _is_cap(w):
            pass
        elif not (
            _surname_like(w, c)
            or (strength == "strong" and not _is_cap(word))
            or (w.lower() in c.first_names and _is_cap(w) == _is_cap(word))
            or (
                strength == "medium"
                and text.islower()
                and known
                and len(w) > 2
                and "'" not in w
                and "’" not in w
                and w.lower() not in _PERSON_VERBS
                and w.lower() not in c.number_cue_kind
                and w.lower() not in c.name_cue_kind
            )
        ):
            break
        end = nxt.end()
        j += 1
    # A business: "The restaurant name is Anjappar Chettinad Restaurant", "Anna's Café".
    span_words = [_POSSESSIVE.sub("", t.group().lower()) for t in tokens[i:j]]
    if j < len(tokens) and not text[end : tokens[j].start()].strip():
        span_words.append(tokens[j].group().lower())
    if any(w in c.org_words for w in span_words):
        return None
    return first.start(), end


_CONTRACTION = re.compile(r"(?:n['’]t|['’](?:re|ve|ll|d|m))$", re.IGNORECASE)
#: Lower-case words inside a surname ("Dafydd ap Rhys", "Ahmad bin Ismail", "Ana de la Cruz").
_NAME_PARTICLES = frozenset(
    [
        "ap",
        "ab",
        "ferch",
        "verch",
        "bin",
        "binti",
        "bint",
        "ibn",
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "dela",
        "delos",
        "los",
        "las",
        "du",
        "af",
        "ter",
        "la",
        "le",
        "zu",
    ]
)


def _homograph_name(text: str, tokens: list[re.Match[str]], i: int, c: _Compiled) -> bool:
    """ "my name is will turner", "jag heter maj": a common word used as a name.

    Only right after a strong cue, and only when what follows is not a function word
    ("my name is will be on the bill" is not a name).
    """
    j = i + 1
    if j >= len(tokens) or text[tokens[i].end() : tokens[j].start()].strip():
        return True
    nxt = tokens[j].group().lower()
    if nxt in _CLAUSE_JOINS:
        return True  # "he's called robin and the number's ...": the clause goes on
    return nxt not in c.not_names and nxt not in c.number_words


#: Conjunctions that start a new clause after a name: "he's called robin and ...".
_CLAUSE_JOINS = frozenset(["and", "och", "but", "men", "so", "så"])


def _elsewhere(
    text: str, tokens: list[re.Match[str]], lows: list[str], i: int, c: _Compiled
) -> bool:
    """Is the first name at token ``i`` (no cue before it) a place or a public figure?

    "Victoria station", "i Sofia", "in Georgia", "flew back from Florence" are places;
    "en låt av Håkan Hellström", "reklam med Zlatan på tv", "a song by Harry Styles" are
    public figures. A person cue after the name ("Georgia called") keeps it a name.
    """
    whole = _name_at(text, tokens, i, "weak", c)
    end = whole[1] if whole else tokens[i].end()
    if _person_after(text, tokens, lows, end, c):
        return False
    j = _token_after(tokens, end)
    if j < len(tokens) and lows[j] in c.place_nouns:
        return True
    nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
    surname = (
        bool(nxt)
        and _is_cap(nxt)
        and _surname_like(nxt, c)
        and not text[tokens[i].end() : tokens[i + 1].start()].strip()
    )
    if lows[i] in c.place_names and not surname:
        return True
    start = tokens[i].start()
    if c.locatives.search(text, max(0, start - 24), start) and not surname:
        return True
    lo = tokens[max(0, i - 6)].start()
    hi = tokens[min(len(tokens), j + 6) - 1].end() if j < len(tokens) else end
    return bool(c.public_context.search(text, lo, start) or c.public_context.search(text, end, hi))


def _in_product_name(text: str, tokens: list[re.Match[str]], i: int, c: _Compiled) -> bool:
    """ "iPhone 15 Pro Max", "Galaxy Note Max": a first name right after a model number or a
    capitalised word inside a sentence (no first name, no title) is part of a product name."""
    prev = tokens[i - 1]
    if text[prev.end() : tokens[i].start()] != " ":
        return False
    w = prev.group()
    if any(ch.isdigit() for ch in w):
        return True
    low = w.lower()
    return (
        (_is_cap(w) or (w[:1].islower() and any(ch.isupper() for ch in w[1:])))
        and not _sentence_initial(text, prev.start())
        and low not in c.first_names
        and low not in c.name_cue_kind
        and not c.titles.fullmatch(w)
        and not _surname_like(w, c)
    )


#: Four or more single letters said one by one: "K O W A L C Z Y K", "o l u w a s e u n".
#: The word after spelled letters, a filler between: "s t r ö m alltså ström", "that's Whelan".
_NEXT_WORD = re.compile(
    r"[\s,.:;–—-]*(?:(?:alltså|dvs|that's|thats|that\s+is|so|i\.e\.?|like|med|with)[\s,]+)?"
    r"([^\W\d_]{2,})(?![\w'’-])",
    re.IGNORECASE,
)
#: The word before spelled letters, a spelling cue between: "niamh spelled n i a m h".
_WORD_BEFORE_SPELLING = re.compile(
    r"(?<![\w'’-])([^\W\d_]{2,})[\s,:.–—-]*(?:(?:spelled|spelt|spelling|stavas|stavat|"
    r"that's|thats|alltså|dvs)[\s,:.–—-]*)?$",
    re.IGNORECASE,
)


def _said_after(text: str, end: int, letters: str) -> bool:
    """Are the letters that end at ``end`` followed by the word they spell?"""
    after = _NEXT_WORD.match(text, end)
    return after is not None and _fold_accents(after.group(1).lower()) == _fold_accents(letters)


_LETTER_RUN = re.compile(r"(?<![\w'’-])[^\W\d_](?:[ ,]+[^\W\d_]){3,}(?![\w'’-])")


def _fold_accents(text: str) -> str:
    """ "håkansson" -> "hakansson": the letters a name is spelled with in English."""
    if text.isascii():
        return text
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def _spelled(text: str, lang: str, c: _Compiled) -> list[PersonalData]:
    """Names spelled out: "B-E-N", "a som i adam, n som i niklas", "s as in sugar"."""
    out = [
        _hit(lang, "name", "spelled_letters", m.start(), m.end(), text, 0.75)
        for m in _HYPHEN_SPELLED.finditer(text)
    ]
    for m in _LETTER_RUN.finditer(text):
        # "Kowalczyk, K O W A L C Z Y K", "oluwaseun o l u w a s e u n": the letters spell a
        # word said just before, or follow a spelling cue
        letters = "".join(m.group().split()).lower()
        before = text[max(0, m.start() - 80) : m.start()].lower()
        if (
            re.search(rf"\b{re.escape(letters)}\b", before)
            or c.spelled_cue_before.search(before)
            or re.search(rf"\b{re.escape(_fold_accents(letters))}\b", _fold_accents(before))
            or c.name_cue_before.search(before[-60:])
            or _said_after(text, m.end(), letters)
        ):
            # also "heter eva eh l ö f g r e n", "surname is c l a r k e": a name cue and at
            # most a first name and a filler before the letters
            out.append(_hit(lang, "name", "spelled_run", m.start(), m.end(), text, 0.8))
    for p in list(out):
        # "B-R-E-N-N-A-N, Brennan with two Ns": the word the letters spell, said again
        letters = _fold_accents("".join(ch for ch in p.text if ch.isalpha()).lower())
        after = _NEXT_WORD.match(text, p.end)
        if after and _fold_accents(after.group(1).lower()) == letters:
            out.append(_hit(lang, "name", "spelled_said", after.start(1), after.end(1), text, 0.8))
        # "niamh spelled n i a m h", "Lönnroth, L-Ö-N-N-R-O-T-H": the word said before
        said = _WORD_BEFORE_SPELLING.search(text, max(0, p.start - 60), p.start)
        if said and _fold_accents(said.group(1).lower()) == letters:
            out.append(_hit(lang, "name", "spelled_said", said.start(1), said.end(1), text, 0.8))
    chain: list[re.Match[str]] = []

    def close() -> None:
        link = " ".join(chain[0].group("link").lower().split()) if chain else ""
        if chain and (len(chain) > 1 or link in c.spelling_strict):
            out.append(
                _hit(lang, "name", "spelled_alphabet", chain[0].start(), chain[-1].end(), text, 0.8)
            )

    for m in c.spelling.finditer(text):
        word = m.group("word")
        if len(word) < 2 or word[0].lower() != m.group("letter").lower():
            continue
        if chain and not _SPELL_GAP.fullmatch(text, chain[-1].end(), m.start()):
            close()
            chain = []
        chain.append(m)
    close()
    return out


def _token_after(tokens: list[re.Match[str]], end: int) -> int:
    """The index of the first token starting at or after ``end``."""
    j = 0
    while j < len(tokens) and tokens[j].start() < end:
        j += 1
    return j


def _person_after(
    text: str, tokens: list[re.Match[str]], lows: list[str], end: int, c: _Compiled
) -> bool:
    """Does a person cue follow a name ending at ``end``?

    "Anna här", "Zlatko som ringer", "Kwame speaking", "Siobhan from Vodafone", and a
    vocative comma at the end of a clause ("Tack, Rolf." is handled elsewhere).
    """
    j = _token_after(tokens, end)
    if j >= len(tokens):
        return False
    gap = text[end : tokens[j].start()]
    if gap.strip(" ,"):
        return False
    if "," in gap and _ID_OF_PERSON.match(text, tokens[j].start()):
        return True  # "Kwame Asante, medlemsnummer 20931", "Ana Ruiz, patient number 4471"
    for size in range(min(c.right_cue_words, len(tokens) - j), 0, -1):
        if tuple(lows[j : j + size]) in c.right_cues:
            k = j + size
            # "a place called Ariake": naming, not phoning.
            return not (
                lows[k - 1] in _NAMING_VERBS and k < len(tokens) and _is_cap(tokens[k].group())
            )
    if lows[j] in c.from_words and j + 1 < len(tokens) and not gap.strip():
        nxt = tokens[j + 1].group()
        if text[tokens[j].end() : tokens[j + 1].start()] != " ":
            return False
        # "Zlatko på Telia", "Nnamdi from accounts", "Aoife from customer services"
        return _is_cap(nxt) or nxt.lower() in c.departments
    return False


#: A person-bound number's cue right after a name and a comma.
_ID_OF_PERSON = re.compile(
    r"(?:medlems|kund|patient|person|elev|student|hyresgäst|försäkrings|journal)"
    r"(?:nummer|numret|nr|id)\b"
    r"|(?:member(?:ship)?|customer|patient|student|pupil|tenant|policy|nhs|national\s+insurance"
    r"|ni|donor|supporter|account)\s+(?:number|no\.?|id|ref(?:erence)?)\b"
    r"|personal\s+number\b|date\s+of\s+birth\b|född\b|born\b",
    re.IGNORECASE,
)
#: Words before a capitalised run that make it a place ("in San Jose", "i Rohnert Park").
_LOCATIVES = frozenset(["in", "at", "near", "around", "outside", "i", "vid", "nära", "utanför"])
#: Right cues that also name things: "called" + a capitalised word is "named".
_NAMING_VERBS = frozenset(["called", "named", "kallad", "kallas"])
#: Greetings and thanks before a vocative: "hej Kofi,", "thanks, Ngozi."
_GREETINGS = frozenset(
    ["hej", "hallå", "tjena", "tack", "hi", "hello", "hey", "thanks", "cheers", "morning",
     "afternoon", "bye", "hejdå"]
)  # fmt: skip


def _full_name_ok(
    text: str,
    tokens: list[re.Match[str]],
    lows: list[str],
    i: int,
    found: tuple[int, int],
    c: _Compiled,
) -> bool:
    """A first name and a second word with no strong cue: a person in this call?

    "Sara Bareilles", "Per Gessle", "Sonos One": a capitalised word after a first name is a
    surname only when it looks like one (a known surname, "-sson", "-berg") or a person
    cue follows ("Anna Bareilles här", "Kwame Mensah called").
    """
    if found[1] <= tokens[i].end():
        return True
    second = i + 2 if lows[i + 1] in _NAME_PARTICLES and i + 2 < len(tokens) else i + 1
    if _surname_like(tokens[second].group(), c, broad=False):
        return True
    last = _token_after(tokens, found[1]) - 1
    if (
        last > second
        and lows[second] in c.hand_first_names
        and _surname_like(tokens[last].group(), c, broad=False)
    ):
        return True  # "Camila Andrea Rojas": a second first name, then the surname
    if (
        _surname_like(tokens[second].group(), c)
        and not _sentence_initial(text, tokens[i].start())
        and not _thing_before(text, tokens, lows, i, c)
        and "&" not in text[max(0, tokens[i].start() - 3) : found[1] + 3]
    ):
        return True  # "I rang Dwayne Kowalczyk": a broad-list surname inside a sentence
    if _PERSON_VERB_AFTER.match(text, found[1]):
        return True  # "Ellie Pritchard is starting in the Sunflower room"
    return _person_after(text, tokens, lows, found[1], c)


def _broad_full_name(
    text: str, tokens: list[re.Match[str]], lows: list[str], i: int, c: _Compiled
) -> bool:
    """A first name of the broad lists only, with no cue: a name only as "First Last" inside
    a sentence, the surname a known one ("I rang Latoya Brennan"), not a firm's or thing's."""
    if i + 1 >= len(tokens) or text[tokens[i].end() : tokens[i + 1].start()] != " ":
        return False
    nxt = tokens[i + 1].group()
    return (
        _is_cap(nxt)
        and not nxt.isupper()
        and lows[i + 1] in c.surnames
        and lows[i + 1] not in c.not_names
        and not _sentence_initial(text, tokens[i].start())
        and not _thing_before(text, tokens, lows, i, c)
    )


#: "the clematis Nelly Moser", "a rose called": an article and a noun name a thing.
_ARTICLES = frozenset(["the", "a", "an", "this", "that", "den", "det", "en", "ett"])


def _thing_before(
    text: str, tokens: list[re.Match[str]], lows: list[str], i: int, c: _Compiled
) -> bool:
    """A noun right before a name that is not a person's role: "the clematis Nelly Moser",
    "Klematisen Nelly Moser" (a variety, a boat, a product named after someone)."""
    if i == 0 or text[tokens[i - 1].end() : tokens[i].start()] != " ":
        return False
    prev = lows[i - 1]
    if prev in c.person_nouns or prev in _PERSON_WORDS or prev in c.name_cue_kind:
        return False
    if i >= 2 and lows[i - 2] in _ARTICLES and tokens[i - 1].group().islower():
        return True
    # a Swedish definite noun: "Klematisen", "båten", "sorten"
    return c.lex.language == "sv" and len(prev) > 4 and prev.endswith(("en", "et"))


#: Verbs said of a person after a full name: "Ellie Pritchard is starting", "Ali Lund föddes".
_PERSON_VERB_AFTER = re.compile(
    r",?\s+(?:(?:is|was|will\s+be|has\s+been|är|var|har|blir)\s+)?(?:starting|starts|started|"
    r"born|turning|turns|turned|joining|joins|joined|moving|moved|börjar|började|föddes|född|"
    r"fyller|fyllde|flyttar|flyttade|slutar|slutade)\b",
    re.IGNORECASE,
)


def _lower_full_name(
    text: str, tokens: list[re.Match[str]], lows: list[str], i: int, c: _Compiled
) -> tuple[int, int] | None:
    """A first name (or two) and a surname-shaped word: "hans persson", "per olof strand",
    "anna karin lund", "declan murphy". The first name may be a common word ("hans", "per")."""
    if (
        lows[i] not in c.first_names
        and lows[i].split("-")[0] not in c.first_names
        and lows[i] not in c.homograph_names
    ):
        return None

    def next_to(j: int) -> bool:
        return j < len(tokens) and text[tokens[j - 1].end() : tokens[j].start()] == " "

    j = i + 1
    if next_to(j) and lows[j] == lows[i]:
        # a stutter: "it's summer summer reyes", "will will foster"
        again = _lower_full_name(text, tokens, lows, j, c)
        return (tokens[i].start(), again[1]) if again else None
    if (
        next_to(j)
        and lows[j] in c.first_names
        and next_to(j + 1)
        and _surname_like(tokens[j + 1].group(), c)
        and lows[j + 1] not in c.number_words
    ):
        return tokens[i].start(), tokens[j + 1].end()
    if next_to(j) and _surname_like(tokens[j].group(), c) and lows[j] not in c.number_words:
        return tokens[i].start(), tokens[j].end()
    return None


#: "det var X som ...", "it was X who ...": a cleft, not an introduction.
_CLEFT_CUES = frozenset([("det", "var"), ("det", "var", "ju"), ("it", "was")])


def _about_name(
    text: str, tokens: list[re.Match[str]], lows: list[str], i: int, c: _Compiled
) -> tuple[int, int] | None:
    """ "Det gäller Ali Mansour, jag är hans gode man", "regarding Tom Reid, he's my son":
    a full name after an "about" cue, with a person word in the next few words."""
    if text.islower():
        found = _lower_full_name(text, tokens, lows, i, c)
    else:
        n = min(_cap_run(text, tokens, i, c), 3)
        found = (tokens[i].start(), tokens[i + n - 1].end()) if n >= 2 else None
    if found is None:
        return None
    j = _token_after(tokens, found[1])
    words = lows[i:j]
    if any(
        w in c.org_words or w in c.business_tails or w in c.place_names or w in c.not_names
        for w in words
    ):
        return None
    if _PERSON_WORDS.isdisjoint(lows[j : j + 6]):
        return None
    return found


#: Words after an "about" name that say it is a person: "det gäller Ali Mansour, jag är hans
#: gode man", "it's about Tom Reid, he's my son".
_PERSON_WORDS = frozenset(
    ["han", "hon", "hans", "hennes", "henne", "honom", "hen", "he", "she", "his", "her", "him",
     "he's", "she's", "son", "dotter", "daughter", "sonen", "dottern", "mamma", "pappa", "mum",
     "dad", "mother", "father", "husband", "wife", "guardian", "gode", "god", "förmyndare",
     "patient", "patienten", "pupil", "elev", "eleven", "barn", "child", "make", "maka", "fru"]
)  # fmt: skip


def _copula_name(
    text: str, tokens: list[re.Match[str]], lows: list[str], i: int, c: _Compiled
) -> tuple[int, int] | None:
    """The name after "det är" / "it's": a known first name, or any name a person cue follows.

    "det är Anna som ringer", "det är Zlatko här", "It's Kwame speaking" are names;
    "Det är Ica som skickar paketen", "It's Amazon that delivers", "Det är Sonos One" are not.
    """
    found = _name_at(text, tokens, i, "medium", c)
    # "this is joy from flat nine", "who's the contact? it should be will, he runs it"
    if (
        found is None
        and lows[i] in c.homograph_names
        and (
            _homograph_person_after(text, tokens, lows, i, c)
            or (
                c.name_questions.search(text, 0, tokens[i].start())
                and _clause_or_pronoun_after(text, tokens, lows, i)
            )
            or _homograph_turn_intro(tokens, lows, i, c)
        )
    ):
        return tokens[i].start(), tokens[i].end()
    if found is None:
        return None
    if text[tokens[i].end() : found[1]].split()[-1:] and (
        text[tokens[i].end() : found[1]].split()[-1].lower() in c.business_tails
    ):
        return None  # "det är Svea Solar", "it's Octopus Energy": a company
    if c.name_questions.search(text, 0, tokens[i].start()):
        return found  # "Who am I speaking to? – It's Marcus."
    low = lows[i]
    known = low in c.first_names or low.split("-")[0] in c.first_names
    if known:
        # "This is Emma Walsh", "det är Sven-Erik Olsson": a known first name after the
        # copula takes its surname along; not a public figure ("Det var Sara Bareilles som
        # sjöng") nor a genitive that names a place or a thing ("Astrid Lindgrens värld")
        if _full_name_ok(text, tokens, lows, i, found, c):
            return found
        last = text[tokens[i].end() : found[1]].split()[-1]
        if c.public_context.search(text) or (
            last.lower().endswith("s") and _surname_like(last[:-1], c)
        ):
            return None
        return found
    if _opening_full_name_then_i(text, tokens, lows, i, found, c):
        return found  # "Hi, it's Lukáš Horváth, I've moved here", "Det är Rahel Tesfamariam, jag"
    if not _person_after(text, tokens, lows, found[1], c):
        return None
    last = text[tokens[i].end() : found[1]].split()[-1] if found[1] > tokens[i].end() else ""
    if last and not (_surname_like(tokens[i + 1].group(), c) or _surname_like(last, c)):
        return None  # "Det är Sonos One här": an unknown word and a capitalised one
    return found


_FIRST_PERSON_CLAUSE = re.compile(r",\s+(?:I|I['’](?:ve|m|d|ll)|jag)(?![\w'’-])", re.IGNORECASE)


def _opening_full_name_then_i(
    text: str,
    tokens: list[re.Match[str]],
    lows: list[str],
    i: int,
    found: tuple[int, int],
    c: _Compiled,
) -> bool:
    """The speaker names themselves opening the turn, two or three capitalised words, and
    goes on in the first person after a comma: "Hi, it's Lukáš Horváth, I've moved here",
    "Det är Rahel Tesfamariam, jag vill betala" (not "It's British Gas, I'm afraid": an
    ordinary word, a company word or a place inside)."""
    if i > 5 or any(w not in _TURN_OPENERS and w not in _COPULA_WORDS for w in lows[:i]):
        return False
    j = _token_after(tokens, found[1])
    if j - i < 2 or j - i > 3 or not _FIRST_PERSON_CLAUSE.match(text, found[1]):
        return False
    for k in range(i, j):
        word = tokens[k].group()
        low = lows[k]
        if not _is_cap(word) or word.isupper():
            return False
        if low in c.not_names or low in c.org_words or low in c.business_tails:
            return False
        if low in c.place_names or low in c.number_words:
            return False
        if c.lex.language == "en" and low not in c.first_names and _ordinary_word(low, "en"):
            return False
    # Swedish has no dictionary here: a listed first name or a surname-shaped last word
    return c.lex.language == "en" or (
        lows[i] in c.first_names or _surname_like(tokens[j - 1].group(), c, broad=False)
    )


#: The words of a copula that opens a turn: "hej det är ...", "yeah hi it's ...".
_COPULA_WORDS = frozenset(["it's", "its", "it", "is", "this", "det", "är", "e", "här"])
#: The speaker's reason for calling right after a name: "it's will i'm ringing about ...".
_CALLING_CLAUSE = frozenset(
    ["ringing", "calling", "phoning", "just", "wondering", "ringer", "ringde", "undrar",
     "skulle", "ville"]
)  # fmt: skip


def _homograph_turn_intro(
    tokens: list[re.Match[str]], lows: list[str], i: int, c: _Compiled
) -> bool:
    """A common-word name said by the speaker opening the turn: "hej det är sten jag ringer
    om ...", "yeah hi it's will i'm ringing about ...", "um it's hope from the swedish
    office"; not "it's may from the third", "det är sten jag vill ha"."""
    if i > 6 or any(w not in _TURN_OPENERS and w not in _COPULA_WORDS for w in lows[:i]):
        return False
    nxt = lows[i + 1 : i + 3]
    if len(nxt) == 2 and nxt[0] in ("i'm", "im", "jag", "i") and nxt[1] in _CALLING_CLAUSE:
        return True
    if nxt[:1] and nxt[0] in _TURN_NAME_AFTER and lows[i] not in c.month_names:
        return True  # "yeah hi it's guy again", "hej det är dag igen", "it's sandy here"
    if nxt[:1] and nxt[0] in ("from", "från"):
        rest = lows[i + 2 : i + 6]
        return rest[:1] in (["the"], ["your"], ["er"], ["ert"]) and not c.office_words.isdisjoint(
            rest
        )
    return False


#: Possessives that open a kin or role cue: "my wife", "min fru", "hennes fästman".
_POSSESSIVES = frozenset(
    ["my", "our", "his", "her", "their", "min", "mitt", "mina", "vår", "vårt", "hans", "hennes"]
)
#: Homograph names that are also modal verbs: "it should be will" is fine, "my son will" not.
_MODALS = frozenset(["will", "may", "can", "must", "might"])
#: Subject pronouns right after a name: "it should be bo, han har hand om juniorerna".
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "han", "hon", "hen", "de", "dom"])
#: What "X from ..." names when X is a common word: "joy from flat nine".
_FROM_PLACES = frozenset(["flat", "apartment", "number", "unit", "lägenhet", "nummer", "nr"])
#: Past-tense verbs said of a person: "my wife dawn booked the coach".
_PERSON_VERBS = frozenset(
    ["booked", "called", "rang", "phoned", "said", "told", "paid", "sent", "signed", "emailed",
     "ordered", "wrote", "asked", "bought", "is", "was", "has", "had", "bokade", "ringde", "sa",
     "betalade", "skickade", "skrev", "mejlade", "frågade", "är", "var", "har", "hade", "who",
     "som", "and", "och"]
)  # fmt: skip


#: Auxiliaries and verbs said after "me and X" / "jag och X" ("me and holly want to").
_VERB_AFTER_PAIR = frozenset(
    ["want", "wanted", "would", "will", "are", "were", "have", "had", "can", "could", "need",
     "needed", "went", "go", "both", "vill", "ville", "ska", "skulle", "har", "hade", "kan",
     "kommer", "var", "är", "bor", "åkte", "båda"]
)  # fmt: skip


def _verb_like(low: str) -> bool:
    """A verb or an auxiliary (by a short list and past-tense endings), for the word after a
    pair of people."""
    return (
        low in _VERB_AFTER_PAIR
        or low in _PERSON_VERBS
        or (len(low) > 4 and low.endswith(("ed", "ade", "de", "te")))
        or low.startswith(("'", "’"))
    )


def _clause_or_pronoun_after(
    text: str, tokens: list[re.Match[str]], lows: list[str], i: int
) -> bool:
    """The word at ``i`` ends a clause or a subject pronoun follows it ("bo, han ...")."""
    j = i + 1
    if j >= len(tokens) or re.match(r"\s*[,.!?;]", text[tokens[i].end() :]):
        return True
    return lows[j] in _SUBJECT_PRONOUNS


def _homograph_person_after(
    text: str, tokens: list[re.Match[str]], lows: list[str], i: int, c: _Compiled
) -> bool:
    """A common-word name with a person cue after it: "joy here", "rose calling", "joy from
    flat nine" (not "from the": "it's may from the third")."""
    j = i + 1
    if j >= len(tokens) or text[tokens[i].end() : tokens[j].start()].strip(" ,"):
        return False
    if lows[j] in c.from_words:
        return j + 1 < len(tokens) and lows[j + 1] in _FROM_PLACES
    return any(
        tuple(lows[j : j + size]) in c.right_cues
        for size in range(min(c.right_cue_words, len(tokens) - j), 0, -1)
    )


def _vocative(
    text: str, tokens: list[re.Match[str]], lows: list[str], i: int, c: _Compiled
) -> tuple[int, int] | None:
    """ "hej Kofi, vad kan jag ...", "Thanks, Ngozi.": a capitalised word after a greeting,
    ending the clause, is the person greeted (not a known brand, place or common word)."""
    word = tokens[i].group()
    if not _is_cap(word) or word.isupper() or lows[i] in c.not_names or lows[i] in c.place_names:
        return None
    if lows[i] in c.number_words or lows[i] in c.name_cue_kind or lows[i] in c.number_cue_kind:
        return None
    end = tokens[i].end()
    if (
        i + 1 < len(tokens)
        and _is_cap(tokens[i + 1].group())
        and text[end : tokens[i + 1].start()] == " "
    ):
        end = tokens[i + 1].end()  # "hej Kofi Mensah,"
    return (tokens[i].start(), end) if re.match(r"\s*(?:[,.!?]|$)", text[end:]) else None


#: The person spoken to: "you", "your", "du", "dig", "din" ... in the clause before a vocative.
_SECOND_PERSON = re.compile(
    r"\b(?:you|your|yours|you['’]re|you['’]ll|du|dig|din|ditt|dina|ni|er|ert|era)\b", re.IGNORECASE
)
#: What may follow a vocative: the end, or a comma and a new clause.
_AFTER_VOCATIVE = re.compile(
    r"\s*(?:[.!?]|$|,\s*(?:and|but|so|och|men|så|then|sen|da|då|I|jag|it['’]s|det)\b)"
)


def _you_vocatives(
    text: str, lang: str, tokens: list[re.Match[str]], lows: list[str], c: _Compiled
) -> list[PersonalData]:
    """ "Your order is ready, Bex, and ...", "Jag ringer upp dig i eftermiddag, Adaeze.":
    a first name after a comma that closes a clause said to "you" is the person spoken to.
    Only a listed first name (not a common word or a place), or in English a word that is
    no ordinary word."""
    out: list[PersonalData] = []
    for i in range(1, len(tokens)):
        t = tokens[i]
        if not _is_cap(t.group()) or t.group().isupper():
            continue
        if not re.fullmatch(r",\s+", text[tokens[i - 1].end() : t.start()]):
            continue
        low = lows[i]
        known = low in c.first_names and low not in c.homograph_names
        if (
            low in c.not_names
            or low in c.place_names
            or low in c.org_words
            or low in c.name_cue_kind
            or low in c.number_words
            or not (known or (lang == "en" and not _ordinary_word(low, lang)))
        ):
            continue
        end = t.end()
        if (
            i + 1 < len(tokens)
            and text[end : tokens[i + 1].start()] == " "
            and _surname_like(tokens[i + 1].group(), c)
            and _is_cap(tokens[i + 1].group())
        ):
            end = tokens[i + 1].end()  # "..., Adaeze Okafor."
        if not _AFTER_VOCATIVE.match(text, end):
            continue
        clause = _SENTENCE_START.match(text[: t.start()])
        said = text[clause.end() if clause else 0 : t.start()]
        if _SECOND_PERSON.search(said):
            out.append(_hit(lang, "name", "vocative_you", t.start(), end, text, 0.6))
    return out


#: Between a name cue and the name: punctuation and fillers ("det är eh Mikael").
_NAME_GAP = re.compile(
    r"(?:[\s,:–-]|\b(?:eh|öh|ehm|äh|öhm|hm|hmm|um|uh|er|erm|umm|uhm|ju|alltså|liksom|typ|like)\b)*",
    re.IGNORECASE,
)


_PHRASE_HEADS: dict[str, frozenset[str]] = {}


def _phrase_heads(c: _Compiled) -> frozenset[str]:
    """The first words of the pack's ``not_name_phrases`` ("jack" of "Jack Russell")."""
    heads = _PHRASE_HEADS.get(c.lex.language)
    if heads is None:
        heads = frozenset(p.lower().split()[0] for p in c.lex.names.not_name_phrases if p.strip())
        _PHRASE_HEADS[c.lex.language] = heads
    return heads


def _names(text: str, lang: str, c: _Compiled) -> list[PersonalData]:
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return []
    starts = {t.start(): k for k, t in enumerate(tokens)}
    out: list[PersonalData] = []
    taken: set[int] = set()
    lows = [t.group().lower() for t in tokens]
    if not text.isascii():
        # "Tomás Ibáñez": looked up as the lists write it ("tomas", "ibanez")
        lows = [
            w
            if w.isascii() or w in c.first_names or w in c.surnames
            else w.translate(_LATIN_ACCENTS)
            for w in lows
        ]
    for k in range(len(tokens)):
        if lows[k] not in c.name_cue_heads:
            continue
        cue_end = -1
        kind = ""
        for size in range(min(c.name_cue_words, len(tokens) - k), 0, -1):
            found_kind = c.name_cues.get(tuple(lows[k : k + size]))
            if found_kind is not None and all(
                _CUE_GAP.fullmatch(text[tokens[j].end() : tokens[j + 1].start()])
                for j in range(k, k + size - 1)
            ):
                cue_end, kind = tokens[k + size - 1].end(), found_kind
                break
        if cue_end < 0:
            continue
        gap = _NAME_GAP.match(text[cue_end:])
        pos = cue_end + (gap.end() if gap else 0)
        i = starts.get(pos)
        if i is None:
            continue
        if kind == "spelled":
            sp = re.match(r"(?:[^\W\d_](?:[\s,.-]+|$)){2,}", text[pos:])
            if sp and all(len(x) == 1 for x in re.findall(r"[^\W\d_]+", sp.group())):
                out.append(_hit(lang, "name", "spelled", pos, pos + sp.end(), text, 0.8))
            continue
        if (
            kind == "weak"
            and not _is_cap(tokens[i].group())
            and not text.islower()
            and lows[i] in c.homograph_names
        ):
            continue  # "The spare wheel and jack are in the boot": a common word in written text
        if kind == "copula":
            found = _copula_name(text, tokens, lows, i, c)
            if found and _state_after_clause(text, tokens, lows, k, i, found[1]):
                found = None  # "the sign is extra and it's misty so": the weather
            if (
                found
                and (
                    tuple(lows[k : k + size]) in _CLEFT_CUES
                    # "its lowell who bought the debt": a broad-list name, a firm's in a cleft
                    or lows[i] not in c.hand_first_names
                )
                and found[1] == tokens[i].end()
                and i + 1 < len(tokens)
                and lows[i + 1] in ("som", "who", "that")
                and not _person_after(text, tokens, lows, found[1], c)
            ):
                found = None  # "Det var Zlatan som invigde gymmet": a cleft, no introduction
        elif kind == "assign":
            # "skriv det på Lisbeth Karlsson", "put it under Sunita Desai"; not "sätt det på
            # Kivra", "put it under the sink"
            found = _name_at(text, tokens, i, "strong" if text.islower() else "medium", c)
            if found:
                last = text[found[0] : found[1]].split()[-1]
                several = found[1] > tokens[i].end()
                known = lows[i] in c.first_names or lows[i].split("-")[0] in c.first_names
                if text.islower():
                    ok = known or (several and _surname_like(last, c))
                else:
                    j = _token_after(tokens, found[1])
                    ok = _is_cap(tokens[i].group()) and (
                        several
                        or known
                        or _surname_like(tokens[i].group(), c)
                        or not _PERSON_WORDS.isdisjoint(lows[j : j + 6])
                    )
                if not ok:
                    found = None
        elif kind == "about":
            found = _about_name(text, tokens, lows, i, c)
        elif kind == "holder":
            # "the account's under Mary-Kate Fitzgerald-Jones", "står på Aleksandra Nowak";
            # not "it's under Settings", "står på Kivra": a known first name or two names
            found = _name_at(text, tokens, i, "medium", c)
            if found and not (
                lows[i] in c.first_names
                or lows[i].split("-")[0] in c.first_names
                or (found[1] > tokens[i].end() and _is_cap(tokens[i].group()))
                or (
                    # "booked under Henderson", "står på Eriksson": a surname alone
                    _is_cap(tokens[i].group())
                    and not text.islower()
                    and _surname_like(tokens[i].group(), c)
                )
            ):
                found = None
        else:
            found = _name_at(text, tokens, i, kind, c)
            if (
                found
                and kind == "weak"
                and lows[k] not in _GREETINGS
                and lows[i] not in c.hand_first_names
                and lows[i].split("-")[0] not in c.hand_first_names
            ):
                found = None  # "Marks and Spencer", "so Will": a broad-list name after "and"
            if found is None and kind == "weak" and lows[k] in _GREETINGS:
                found = _vocative(text, tokens, lows, i, c)
            if (
                found is None
                and kind == "medium"
                and lows[k] in _POSSESSIVES
                and lows[i] in c.homograph_names
                and lows[i] not in _MODALS
                and (
                    _clause_or_pronoun_after(text, tokens, lows, i)
                    or (i + 1 < len(tokens) and lows[i + 1] in _PERSON_VERBS)
                    or (i + 1 < len(tokens) and lows[i + 1].endswith("ed"))
                    # "till min dotter Sol på förskolan": capitalised inside written text
                    or (_is_cap(tokens[i].group()) and not text.islower())
                )
            ):
                # "my wife dawn booked the coach", "min fru ros ringde": a kin word and a
                # common-word name that a verb or the clause's end follows
                found = tokens[i].start(), tokens[i].end()
        if (
            found is None
            and lows[i] in c.homograph_names
            and lows[i] not in _MODALS
            and (
                # "the account's under sandy.", "booked under holly": the holder, at the end
                (kind == "holder" and _clause_or_pronoun_after(text, tokens, lows, i))
                # "me and sunny want to come", "jag och ask hyrde": the speaker and another
                # person, a verb after them
                or (
                    kind == "weak"
                    and lows[k] in _AND_WORDS
                    and k > 0
                    and lows[k - 1] in _ME_WORDS
                    and i + 1 < len(tokens)
                    and _verb_like(lows[i + 1])
                )
            )
        ):
            found = tokens[i].start(), tokens[i].end()
        if (
            found is None
            and kind in ("medium", "holder", "copula", "strong")
            and (text.islower() or (_is_cap(tokens[i].group()) and kind != "holder"))
            and i + 1 < len(tokens)
            and lows[i] in c.surnames
            and lows[i] not in c.first_names
            and lows[i + 1] in c.first_names
            and lows[i + 1] not in c.not_names
            and text[tokens[i].end() : tokens[i + 1].start()] == " "
            and (text.islower() or _is_cap(tokens[i + 1].group()))
        ):
            # "my neighbour zhang wei", "min granne nguyen lan", "Det är Wang Jun som äger
            # hästen", "It's Pham Quang Huy": the surname said first
            found = tokens[i].start(), tokens[i + 1].end()
            k2 = i + 2
            if (
                k2 < len(tokens)
                and text[tokens[k2 - 1].end() : tokens[k2].start()] == " "
                and lows[k2] in c.first_names
                and lows[k2] not in c.not_names
                and (text.islower() or _is_cap(tokens[k2].group()))
            ):
                found = tokens[i].start(), tokens[k2].end()
        if kind in ("copula", "medium", "strong", "holder", "assign"):
            # "det är hans persson", "det är per olof strand": first names that are also
            # common words, or a second first name, before a surname-shaped word
            full = _lower_full_name(text, tokens, lows, i, c)
            if (
                full is None
                and lang == "en"
                and kind in ("holder", "strong", "medium")
                and text.islower()
                and (lows[i] in c.first_names or lows[i] in c.homograph_names)
                and lows[i] not in _MODALS
                and lows[i] not in c.month_names
                and i + 1 < len(tokens)
                and text[tokens[i].end() : tokens[i + 1].start()] == " "
                and len(lows[i + 1]) > 2
                and lows[i + 1].isalpha()
                and lows[i + 1] not in c.number_words
                and lows[i + 1] not in c.not_names
                and not _ordinary_word(lows[i + 1], "en")
            ):
                # "in the name of penny arkwright", "the lady called pearl okoro-smith": a
                # first name and a word that is no English word
                full = tokens[i].start(), tokens[i + 1].end()
            if full and (found is None or full[1] > found[1]):
                found = full
        if found:
            conf = {
                "strong": 0.9,
                "medium": 0.8,
                "weak": 0.75,
                "copula": 0.75,
                "holder": 0.75,
                "assign": 0.75,
                "about": 0.7,
            }[kind]
            out.append(_hit(lang, "name", f"cue_{kind}", found[0], found[1], text, conf))
            taken.add(i)
    for m in c.titles.finditer(text):
        gap = re.match(r"\.?\s+", text[m.end() :])
        if not gap:
            continue
        i = starts.get(m.end() + gap.end())
        if i is None:
            continue
        found = _name_at(text, tokens, i, "strong" if text[m.end() :].islower() else "medium", c)
        if found and _title_character(text, m.start(), found[1]):
            continue  # "the mr tickle lunchbox", "little miss sunshine": a character
        if found and text[m.end() :].islower():
            found = _trim_lower_title(text, tokens, lows, i, found, lang, c)
            if found is None:
                continue  # "min fru gå kursen", "mr tickle": no name after the title
        if found and (_is_cap(tokens[i].group()) or text.islower()):
            # a kin word is no part of the name: "My nan Joan", "mormor Gullan" (round 20)
            kin = lows[i - 1] in c.kin_names and (
                not _is_cap(tokens[i - 1].group()) or (i > 1 and lows[i - 2] in _POSSESSIVES)
            )
            start = found[0] if kin else m.start()
            out.append(_hit(lang, "name", "title", start, found[1], text, 0.85))
            taken.add(i)
    # "our Jack Russell", "a Harris Tweed jacket": no word of a fixed phrase is a name
    heads = _phrase_heads(c)
    for i, t in enumerate(tokens):
        if lows[i] in heads and i not in taken and _is_cap(t.group()):
            phrase = c.not_name_phrases.match(text, t.start())
            if phrase:
                taken.update(range(i, _token_after(tokens, phrase.end())))
    # No cue: a known first name, capitalised, inside a sentence ("Personnummer ..., Rolf.").
    for i, t in enumerate(tokens):
        word = t.group()
        if i in taken or not _is_cap(word) or lows[i] not in c.first_names:
            continue
        if lows[i] not in c.hand_first_names and not _broad_full_name(text, tokens, lows, i, c):
            continue
        if i and tokens[i - 1].group().lower() in _DETERMINERS:
            continue
        if i and _in_product_name(text, tokens, i, c):
            continue
        if _elsewhere(text, tokens, lows, i, c):
            continue
        if _sentence_initial(text, t.start()):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            vocative = text[t.end() : t.end() + 1] == ","
            whole = _name_at(text, tokens, i, "weak", c)
            if not (
                (nxt and _is_cap(nxt.group()) and _surname_like(nxt.group(), c, broad=False))
                or vocative
                or (whole and _person_after(text, tokens, lows, whole[1], c))
            ):
                continue
        found = _name_at(text, tokens, i, "weak", c)
        if found and not _full_name_ok(text, tokens, lows, i, found, c):
            # "Sara Bareilles": neither word is masked, the second not on its own either
            taken.update(range(i, _token_after(tokens, found[1])))
            continue
        if found:
            out.append(_hit(lang, "name", "known_first_name", found[0], found[1], text, 0.6))
            taken.update(range(i, _token_after(tokens, found[1])))
    # No cue before, a person cue after: two or three capitalised words, any first name
    # ("José Martínez García here", "Mary-Jane Whitfield speaking", "Bill Hargreaves is my
    # accountant"); one word is not enough ("Sky speaking", "Thanks here").
    for i, t in enumerate(tokens):
        if (
            i in taken
            or not _is_cap(t.group())
            or _POSSESSIVE.search(lows[i]) is not None
            or lows[i] in c.name_cue_kind
            or (lows[i] in c.not_names and lows[i] not in (c.homograph_names))
        ):
            continue
        if (
            i
            and _is_cap(tokens[i - 1].group())
            and not text[tokens[i - 1].end() : t.start()].strip(" ")
        ):
            continue  # inside a longer capitalised run
        j = i + 1
        while (
            j < len(tokens)
            and j - i < 3
            and text[tokens[j - 1].end() : tokens[j].start()] == " "
            and _is_cap(tokens[j].group())
            and lows[j] not in c.not_names
        ):
            j += 1
        if (
            j - i < 2
            or any(lows[k] in c.org_words or lows[k] in c.place_names for k in range(i, j))
            or lows[j - 1] in c.business_tails
            or c.not_name_phrases.match(text, t.start())
        ):
            continue
        end = tokens[j - 1].end()
        if i and lows[i - 1] in _LOCATIVES:
            continue  # "in San Jose called Ariake", "i Rohnert Park": a place
        if i and lows[i - 1] in _ARTICLES and lows[i] not in c.first_names:
            continue  # "It's the Royal Free, patient number ...": a named thing
        if (
            lang == "en"
            and lows[i] not in c.first_names
            and not _surname_like(lows[j - 1], c)
            and _ordinary_word(lows[j - 1], lang)
        ):
            continue  # "Kwik Fit said", "Dyno Rod told me": a trade name, not a person
        if _person_after(text, tokens, lows, end, c) or _RELATION_AFTER.match(text, end):
            first = i
            if (
                j - i == 3
                and lows[i] not in c.first_names
                and lows[i + 1] in c.first_names
                and _sentence_initial(text, t.start())
            ):
                first = i + 1  # "Add Tomasz Zielinski as a named driver": a verb opens it
            out.append(_hit(lang, "name", "person_after", tokens[first].start(), end, text, 0.7))
            taken.update(range(i, j))
    if "," in text:
        out.extend(_you_vocatives(text, lang, tokens, lows, c))
    out.extend(_more_names(text, lang, tokens, lows, c))
    out.extend(_framed_names(text, lang, tokens, lows, c))
    out.extend(_person_slots(text, lang, tokens, lows, starts, c))
    out.extend(_position_names(text, lang, tokens, lows, starts, c))
    out.extend(_family_names(text, lang, c))
    out.extend(_kin_pronoun_names(text, lang, tokens, lows, taken, c))
    if lang == "sv":
        out.extend(_genitive_first_names(text, lang, tokens, lows, taken, c))
    if out and c.pet_naming.search(text):
        # "Katten heter Sixten", "my dog's called Max": a pet, not a person in the call
        out = [p for p in out if not _pet_before(text, p.start, c)]
    out = [p for p in out if not _not_a_person(text, p, c)] if out else out
    return out + _surnames_again(text, lang, out, c) if out else out


_CAP = r"[A-ZÅÄÖÉÜØÆÁÍÓÚÑŁŚŻ][^\W\d_]*(?:[-'’][^\W\d_]+)*"
#: "in Gareth Pugh's name", "on Mia Lund's card", "i Jun Wangs namn", "på Annas kort":
#: the holder of an account or card, named in the genitive.
_GENITIVE_HOLDER = {
    "en": re.compile(
        rf"\b(?:in|on|under|into|to|from|for)\s+(?P<n>{_CAP}(?:\s+{_CAP}){{0,2}}?)(?:['’]s?|s)\s+"
        r"(?:name|names|card|account|bank\s+account|debit\s+card|credit\s+card|household|"
        r"estate|behalf|family)\b"
    ),
    "sv": re.compile(
        rf"\b(?:i|på|till|från|för)\s+(?P<n>{_CAP}(?:\s+{_CAP}){{0,2}}?):?s\s+"
        r"(?:namn|kort|konto|bankkonto|kreditkort|bankkort|hushåll|dödsbo|vägnar|familj)\b"
    ),
}
#: The same in lower-case (ASR) text, the apostrophe often lost: "its in gareth pughs name".
_GENITIVE_HOLDER_LOWER = {
    "en": re.compile(
        r"\b(?:in|on|under|into|to|from)\s+(?P<n>[^\W\d_]+(?:\s+[^\W\d_]+){0,2}?)['’]?s\s+"
        r"(?:name|names|card|account|bank\s+account|debit\s+card|credit\s+card)\b"
    ),
    "sv": re.compile(
        r"\b(?:i|på|till|från)\s+(?P<n>[^\W\d_]+(?:\s+[^\W\d_]+){0,2}?):?s\s+"
        r"(?:namn|kort|konto|bankkonto|kreditkort|bankkort)\b"
    ),
}
#: "Happy Birthday Ivy", "Grattis Klara 5 år": the name on a cake, a card or a banner.
_GREETING_NAME = {
    "en": re.compile(
        r"\b(?:happy\s+(?:\d+(?:st|nd|rd|th)\s+|[a-z]+(?:ieth|th)\s+)?(?:birthday|anniversary|"
        r"retirement|name\s+day|graduation)|congratulations|congrats|welcome\s+home|get\s+well"
        r"(?:\s+soon)?|good\s+luck|happy\s+wedding\s+day|love\s+you)[\s,!]+"
        rf"(?P<n>{_CAP})",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"\b(?:grattis(?:\s+på\s+(?:födelsedagen|namnsdagen|bröllopsdagen|\w+dagen))?|"
        r"stort\s+grattis|hipp\s+hipp\s+hurra|lycka\s+till|välkommen\s+hem|krya\s+på\s+dig|"
        r"har\s+den\s+äran)[\s,!]+"
        rf"(?P<n>{_CAP})",
        re.IGNORECASE,
    ),
}
#: "I spoke to a Siobhan on the switchboard", "jag pratade med en Parisa i växeln".
_MET_ONE = {
    "en": re.compile(
        r"\b(?:spoke|speak|speaking|spoken|talked|talking|talk|chatted|dealt|dealing)\s+"
        rf"(?:to|with)\s+(?:a|an|one|some)\s+(?P<n>{_CAP})"
    ),
    "sv": re.compile(
        r"\b(?:pratade|pratat|pratar|prata|talade|talat|talar|tala|snackade|snackat)\s+"
        rf"(?:jag\s+|vi\s+)?med\s+(?:en|ett|någon)\s+(?P<n>{_CAP})"
    ),
}
_MET_ONE_LOWER = {
    "en": re.compile(
        r"\b(?:spoke|speak|speaking|spoken|talked|talking|talk|chatted|dealt|dealing)\s+"
        r"(?:to|with)\s+(?:a|an|one|some)\s+(?P<n>[^\W\d_]+)"
    ),
    "sv": re.compile(
        r"\b(?:pratade|pratat|pratar|prata|talade|talat|talar|tala|snackade|snackat)\s+"
        r"(?:jag\s+|vi\s+)?med\s+(?:en|ett|någon)\s+(?P<n>[^\W\d_]+)"
    ),
}
#: "ring my daughter sky on oh seven…", "ring min dotter ylva på noll sju…": the kin to ring.
_KIN_AT_NUMBER = {
    "en": re.compile(
        r"\b(?:my|our)\s+(?P<kin>[a-z-]+)\s+(?P<n>[^\W\d_]{2,})\s+(?:on|at)\s+"
        r"(?=\+|\d|(?:oh|zero|double|triple|one|two|three|four|five|six|seven|eight|nine)\b)",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"\b(?:min|mitt|vår|vårt)\s+(?P<kin>[a-zåäö-]+)\s+(?P<n>[^\W\d_]{2,})\s+(?:på)\s+"
        r"(?=\+|\d|(?:noll|dubbel|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)\b)",
        re.IGNORECASE,
    ),
}


def _framed_names(
    text: str, lang: str, tokens: list[re.Match[str]], lows: list[str], c: _Compiled
) -> list[PersonalData]:
    """Names in fixed frames: a holder in the genitive, the name in a greeting, "a
    Siobhan on the switchboard", the kin to ring at a number."""
    out: list[PersonalData] = []
    gates = _frame_gates(text, lang)
    if not any(gates):
        return out
    starts = {t.start(): k for k, t in enumerate(tokens)}
    if gates[0]:
        lower = text.islower()
        holders = (_GENITIVE_HOLDER_LOWER if lower else _GENITIVE_HOLDER)[lang]
        for m in holders.finditer(text):
            found_words = m.group("n").split()
            first = found_words[0].lower()
            if lower and (
                (first not in c.first_names and first not in c.homograph_names)
                or first in c.month_names
                or first in _MODALS
            ):
                continue  # "its in gareth pughs name", "in penny's name"; not "the company's"
            if first in c.not_names or any(w.lower() in c.org_words for w in found_words):
                continue
            if not (
                first in c.first_names
                or (lower and first in c.homograph_names)
                or (len(found_words) > 1 and _surname_like(found_words[-1].rstrip(":"), c))
            ):
                continue
            out.append(_hit(lang, "name", "genitive_holder", m.start("n"), m.end("n"), text, 0.75))
    if gates[1]:
        for m in _GREETING_NAME[lang].finditer(text):
            i = starts.get(m.start("n"))
            if i is None or lows[i] in c.not_names:
                continue
            nxt = text[m.end("n") : m.end("n") + 4]
            if lows[i] in c.first_names or re.match(r"\s*\d", nxt):
                found = _name_at(text, tokens, i, "medium", c)
                if found:
                    out.append(_hit(lang, "name", "greeting", found[0], found[1], text, 0.7))
    if gates[2]:
        lower = text.islower()
        for m in (_MET_ONE_LOWER if lower else _MET_ONE)[lang].finditer(text):
            i = starts.get(m.start("n"))
            if i is None or lows[i] not in c.first_names or lows[i] in c.not_names:
                continue
            if lower and lows[i] in c.homograph_names:
                continue
            found = _name_at(text, tokens, i, "medium", c)
            if found:
                out.append(_hit(lang, "name", "met_one", found[0], found[1], text, 0.7))
    if gates[3]:
        for m in _KIN_AT_NUMBER[lang].finditer(text):
            if m.group("kin").lower() not in c.relation_kin:
                continue
            word = m.group("n").lower()
            if word in c.homograph_names:
                pass  # "ring my daughter sky on ...": a common word as a name
            elif word not in c.first_names or word in c.not_names:
                continue  # "call my son later on ...", "ring min pappa hemma på ..."
            if word in c.number_words or word in c.name_cue_kind:
                continue
            out.append(_hit(lang, "name", "kin_at_number", m.start("n"), m.end("n"), text, 0.7))
    return out


def _ordinary_word(word: str, lang: str) -> bool:
    """Is ``word`` an ordinary word of the language, not only a name? English asks WordNet's
    index (``english_dictionary``, loaded on first use); for Swedish there is no such list
    here, so every word counts as ordinary and the rules that need an unknown word stay off."""
    if lang != "en":
        return True
    from verbalkit.pipeline.components.common import english_dictionary

    low = _POSSESSIVE.sub("", word.lower())
    return low in english_dictionary() or len(low) < 3


def _name_run_ok(
    words: list[str], lang: str, c: _Compiled, *, single_homograph: bool = False
) -> bool:
    """Is a run of capitalised words in a person slot a person's name?

    One word: a known first name (or, when ``single_homograph``, a common-word name such as
    "Sol", "Joy"). Two to four: not a firm's, place's or thing's, and a known first name
    first, a surname-shaped word last, or (English) no ordinary word among them.
    """
    lows = [_POSSESSIVE.sub("", w.lower()) for w in words]
    lows = [w if w in c.first_names or w in c.surnames else _fold_accents(w) for w in lows]
    if any(
        w in c.org_words or w in c.business_tails or w in c.place_names or w in c.number_words
        for w in lows
    ):
        return False
    if len(lows) == 1:
        w = lows[0]
        if w in c.homograph_names:
            return single_homograph
        return w in c.first_names and w not in c.not_names
    if lows[0] in c.place_prefixes or any(
        w in c.not_names and w not in c.homograph_names for w in lows
    ):
        return False  # "New York", "San Diego"
    if lows[0] in c.hand_first_names:
        return True
    ordinary = [_ordinary_word(w, lang) for w in words]
    if not any(ordinary):
        return True
    # "Merry Christmas", "Best Wishes": a broad-list first name or a surname-shaped last word
    # only when the first word is no ordinary word
    return not ordinary[0] and (lows[0] in c.first_names or _surname_like(words[-1], c))


#: Between a frame and its name: "det står Juha Kettunen på kortet", "the card says
#: Priya Raman on it".
_SAYS_ON = {
    "sv": re.compile(rf"\b(?:står|stå|stod)\s+(?:det\s+)?(?P<n>{_CAP}(?:\s+{_CAP}){{0,3}})\s+på\b"),
    "en": re.compile(
        rf"\b(?:says|say|said|reads|read|with)\s+(?P<n>{_CAP}(?:\s+{_CAP}){{0,3}})\s+on\s+"
        r"(?:it|the|her|his|my|them|there)\b"
    ),
}
#: A person's appointment: "en tid hos Lo på fredag", "a session with April on Friday",
#: "booked in with dana for a trim".
_APPOINTMENT_WITH = {
    "sv": re.compile(
        r"\b(?:tid|tiden|bokning|behandling|konsultation)\s+hos\s+(?P<n>[^\W\d_]{2,})"
    ),
    "en": re.compile(
        r"\b(?:appointment|session|booking|consultation|sitting|lesson|fitting|"
        r"booked\s+in)\s+with\s+(?P<n>[^\W\d_]{2,})",
        re.IGNORECASE,
    ),
}
#: A date after a month's name: "april the 3rd", "may first".
_DATE_AFTER = re.compile(r"\s+(?:\d|the\s+\d|first|second|third|[a-z]+(?:th|st|nd|rd)\b)")
#: The agent of a purchase or booking: "Beställningen gjordes av Camila Rojas", "the order
#: was placed by Kwame Mensah".
_DONE_BY = {
    "sv": re.compile(
        r"\b(?:gjordes|gjord|gjort|bokades|bokad|bokat|beställdes|beställd|beställt|betalades|"
        r"betald|betalt|skickades|skickad|signerades|signerad|undertecknades|undertecknad|"
        r"lämnades|lämnad|hämtades|hämtad)\s+av\s+(?=[^\W\d_])",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:made|booked|placed|paid|ordered|signed|sent|arranged|reserved|collected|"
        r"picked\s+up|dropped\s+off|signed\s+for)\s+by\s+(?=[^\W\d_])",
        re.IGNORECASE,
    ),
}
#: A name given as the one to hand something to: "go to Eleni Papadaki at 27 Hawthorn
#: Road", "leave it with jelena marković at reception".
_HANDED_TO = {
    "sv": re.compile(r"\b(?:till|med|hos|åt)\s+(?=[^\W\d_])", re.IGNORECASE),
    "en": re.compile(r"\b(?:to|with|for)\s+(?=[^\W\d_])", re.IGNORECASE),
}
#: Something left with a person: "I dropped my boots off with Gianni", "left the keys with
#: Mrs Oduya", "lämnade nycklarna hos Ossian", "gav kvittot till Agnes".
_LEFT_WITH = {
    "sv": re.compile(
        r"\b(?:lämnade|lämnat|lämnar|gav|gett|givit|överlämnade|skickade|lånade\s+ut)\b"
        rf"[^.!?]{{0,30}}?\b(?:hos|till|åt|med)\s+(?P<n>{_CAP}(?:\s{_CAP})?)(?![\w'’-])"
    ),
    "en": re.compile(
        r"\b(?:left|dropped|handed|gave|given|passed|lent|loaned)\b"
        rf"[^.!?]{{0,30}}?\b(?:with|to)\s+(?P<n>{_CAP}(?:\s{_CAP})?)(?![\w'’-])"
    ),
}
_HANDED_AT = {
    "sv": re.compile(r"\s+(?:på|i)\s+(?:\d|receptionen|kontoret|jobbet|adressen)", re.IGNORECASE),
    "en": re.compile(
        r"\s+(?:at|on)\s+(?:\d|reception|the\s+front\s+desk|the\s+desk|home|work|number\b)",
        re.IGNORECASE,
    ),
}
#: "..., A-604118, Venkatesh Subramanian.": a full name closing the utterance after a comma.
_CLOSING_NAME = re.compile(rf",\s+(?P<n>{_CAP}(?:\s+{_CAP}){{1,2}})\s*[.!?]?\s*$")
#: Inverted "X heter jag": the name before it ("Máret Ánne Sara heter jag").
_NAME_HETER_JAG = re.compile(r"\b(?:heter|hette)\s+jag\b", re.IGNORECASE)
#: Words that end a name said before "heter jag", going back: fillers, greetings,
#: conjunctions and pronouns.
_BEFORE_HETER_STOPS = frozenset(
    ["ja", "jo", "nej", "hej", "hejsan", "hallå", "tjena", "öh", "eh", "äh", "ehm", "hm", "mm",
     "alltså", "och", "men", "så", "vad", "det", "den", "detta", "här", "där", "nu", "då", "ju",
     "typ", "liksom", "okej", "ok", "tja", "hon", "han", "hen", "jag", "du", "vi", "ni", "de",
     "dom", "som", "också", "nog", "väl", "inte", "hur", "vem", "vilket", "ju", "och", "eller",
     "förresten", "annars", "egentligen", "faktiskt", "bara", "ba", "va", "vad", "sen", "fan",
     "visst", "precis", "exakt", "redan", "gärna", "då", "dessutom", "ändå"]
)  # fmt: skip


def _person_slots(
    text: str,
    lang: str,
    tokens: list[re.Match[str]],
    lows: list[str],
    starts: dict[int, int],
    c: _Compiled,
) -> list[PersonalData]:
    """Names in person slots that need no list to vouch for the name: the words before
    "heter jag", the name a card or letter says, a person's appointment, the agent of a
    booking, the one to hand a thing to, a full name closing the utterance."""
    out: list[PersonalData] = []
    written = not text.islower()
    if lang == "sv" and ("heter jag" in text.lower() or "hette jag" in text.lower()):
        for m in _NAME_HETER_JAG.finditer(text):
            h = starts.get(m.start())
            if h is None or h == 0:
                continue
            j = h
            while j > 0 and h - j < 7:
                k = j - 1
                if text[tokens[k].end() : tokens[j].start()].strip():
                    break  # a comma or a full stop ends the clause
                low = lows[k]
                particle = (
                    low in _NAME_PARTICLES
                    and k > 0
                    and lows[k - 1] not in _BEFORE_HETER_STOPS
                    and not text[tokens[k - 1].end() : tokens[k].start()].strip()
                )  # "maria de los santos heter jag": "de" inside the name
                if (low in _BEFORE_HETER_STOPS and not particle) or low in c.number_words:
                    break  # any other word before "heter jag" is part of the name
                j = k
            if j == h or (j > 0 and h - j >= 7):
                continue
            if j > 0 and not (
                lows[j - 1] in _BEFORE_HETER_STOPS
                or text[tokens[j - 1].end() : tokens[j].start()].strip()
            ):
                continue
            words = lows[j:h]
            if sum(w not in _NAME_PARTICLES for w in words) > 4 or any(
                w in c.org_words or w in c.business_tails for w in words
            ):
                continue
            if words[0] in _NAME_PARTICLES:
                continue
            out.append(
                _hit(
                    lang,
                    "name",
                    "name_heter_jag",
                    tokens[j].start(),
                    tokens[h - 1].end(),
                    text,
                    0.8,
                )
            )
    low_text = text.lower()
    if written and (
        ("stå" in text or "stod" in text)
        if lang == "sv"
        else (" on " in text and ("say" in text or "read" in text or "with" in text))
    ):
        for m in _SAYS_ON[lang].finditer(text):
            words = m.group("n").split()
            if _name_run_ok(words, lang, c, single_homograph=True):
                out.append(_hit(lang, "name", "says_on", m.start("n"), m.end("n"), text, 0.75))
    appointment = " hos " in low_text if lang == "sv" else " with " in low_text
    for m in _APPOINTMENT_WITH[lang].finditer(text) if appointment else ():
        i = starts.get(m.start("n"))
        if i is None:
            continue
        low = lows[i]
        if low in c.homograph_names:
            # "a session with april on friday"; not "with april the 3rd", "med maj"
            if _DATE_AFTER.match(text, m.end("n")):
                continue
            found: tuple[int, int] | None = (tokens[i].start(), tokens[i].end())
        elif low in c.first_names and low not in c.not_names:
            found = _name_at(text, tokens, i, "medium", c)
        else:
            continue
        if found:
            out.append(_hit(lang, "name", "appointment_with", found[0], found[1], text, 0.7))
    agent = " av " in low_text if lang == "sv" else " by " in low_text
    for m in _DONE_BY[lang].finditer(text) if agent else ():
        i = starts.get(m.end())
        if i is None:
            continue
        if written:
            n = min(_cap_run(text, tokens, i, c), 4)
            if n and _name_run_ok([t.group() for t in tokens[i : i + n]], lang, c):
                out.append(
                    _hit(
                        lang,
                        "name",
                        "done_by",
                        tokens[i].start(),
                        tokens[i + n - 1].end(),
                        text,
                        0.7,
                    )
                )
        else:
            found = _lower_full_name(text, tokens, lows, i, c)
            if found:
                out.append(_hit(lang, "name", "done_by", found[0], found[1], text, 0.7))
    for m in _LEFT_WITH[lang].finditer(text):
        # "I dropped my boots off with Gianni", "lämnade nycklarna hos Ossian"
        words = m.group("n").split()
        lows_n = [w.lower() for w in words]
        if any(
            w in c.not_names or w in c.org_words or w in c.place_names or w in c.departments
            for w in lows_n
        ):
            continue
        if lows_n[0] in c.first_names or (
            lang == "en" and all(not _ordinary_word(w, lang) for w in lows_n)
        ):
            out.append(_hit(lang, "name", "left_with", m.start("n"), m.end("n"), text, 0.7))
    if _HANDED_AT[lang].search(text):
        for m in _HANDED_TO[lang].finditer(text):
            i = starts.get(m.end())
            if i is None:
                continue
            if written:
                n = min(_cap_run(text, tokens, i, c), 3)
                if n < 2 or _sentence_initial(text, tokens[i].start()):
                    continue
                end = tokens[i + n - 1].end()
                if _HANDED_AT[lang].match(text, end) and _name_run_ok(
                    [t.group() for t in tokens[i : i + n]], lang, c
                ):
                    out.append(_hit(lang, "name", "handed_to", tokens[i].start(), end, text, 0.7))
            else:
                found = _lower_full_name(text, tokens, lows, i, c)
                if found and _HANDED_AT[lang].match(text, found[1]):
                    out.append(_hit(lang, "name", "handed_to", found[0], found[1], text, 0.7))
    if written and "," in text:
        closing = _CLOSING_NAME.search(text)
        if closing and (
            _name_run_ok(closing.group("n").split(), lang, c)
            or _closing_name_ok(text, closing, lang, c)
            or _kin_genitive_closing(text, closing.start("n"), closing.group("n").split(), c)
        ):
            out.append(
                _hit(lang, "name", "closing_name", closing.start("n"), closing.end("n"), text, 0.7)
            )
    return out


#: Verbs whose object is a person: "could you ring Mairead", "text Jędrzej when you're
#: outside", "fråga Henrikson på lagret", "mejla Tuva offerten".
_PERSON_VERB_OBJECT = {
    "en": re.compile(
        r"\b(?:ring|rang|rung|call|called|phone|phoned|text|texted|email|emailed|e-mail|"
        r"e-mailed|message|messaged|ask|asked|tell|told|thank|thanked|remind|reminded|chase|"
        r"chased|contact|contacted|ping|pinged|cc|speak\s+to|spoke\s+to|talk\s+to|talked\s+to|"
        r"get\s+hold\s+of|got\s+hold\s+of|put\s+me\s+through\s+to|invoice|invoiced|bill|"
        r"billed|refund|refunded|reimburse|reimbursed|copy\s+in)\s+(?=[^\W\d_])",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"\b(?:ring|ringa|ringer|ringde|ringt|mejla|mejlar|mejlade|mejlat|maila|mailar|"
        r"mailade|messa|messar|messade|sms:a|smsa|sms:ade|smsade|fråga|frågar|frågade|frågat|"
        r"hälsa|hälsar|tacka|tackar|tackade|påminn|påminner|påminde|kontakta|kontaktar|"
        r"kontaktade|säg\s+till|sa\s+till|prata\s+med|pratade\s+med|tala\s+med|talade\s+med|"
        r"fakturera|fakturerar|fakturerade|debitera|debiterar|debiterade|ersätt|ersätta)"
        r"\s+(?=[^\W\d_])",
        re.IGNORECASE,
    ),
}
#: Form labels a name is read after: "namn Matej Kranjc", "Mottagare Inga-Lill Sjödin",
#: "in the name of cillian ó dubhghaill", "cardholder: Ruairi Mac Giolla".
_NAME_LABEL = {
    "en": re.compile(
        r"(?:^|[,.;:–-]\s*|\b(?:and|the)\s+)(?:name\s+on\s+the\s+card|"
        r"name\s+on\s+the\s+account|for\s+the\s+attention\s+of|full\s+name|recipient|"
        r"addressee|card\s?holder|account\s+holder|account\s+name|payee|attention|attn|fao|"
        r"name)"
        r"(?:\s+is|\s*:)?\s+(?=[^\W\d_])"
        r"|\bin\s+the\s+name\s+of\s+(?=[^\W\d_])",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"(?:^|[,.;:–-]\s*|\boch\s+)(?:namn\s+på\s+kortet|namnet\s+på\s+kortet|"
        r"namn\s+på\s+kontot|fullständigt\s+namn|mottagaren|mottagare|adressat|"
        r"kortinnehavaren|kortinnehavare|kontohavaren|kontohavare|kontoinnehavaren|"
        r"kontoinnehavare|betalaren|betalare|namnet|namn)(?:\s+är|\s*:)?\s+(?=[^\W\d_])"
        # "Att: Moa Lind" (attention) needs its colon: "och att per månad" is no label
        r"|(?:^|[,.;:–-]\s*|\boch\s+)att\s*:\s+(?=[^\W\d_])"
        r"|\bi\s+namnet\s+(?=[^\W\d_])",
        re.IGNORECASE,
    ),
}
#: An agent naming themselves at the start of a call: "You've reached Ottoline at ...",
#: "Ni har ringt till Marie-Louise på Lyftgruppen", "Du har kommit till Ann-Sofie på ...".
_AGENT_GREETING = {
    "en": re.compile(
        r"\b(?:you['’]ve\s+reached|you\s+have\s+reached|you['’]re\s+through\s+to|"
        r"you\s+are\s+through\s+to|you['’]re\s+speaking\s+(?:to|with)|you['’]ve\s+come\s+"
        r"through\s+to|you['’]ve\s+got)\s+(?=[^\W\d_])",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"\b(?:ni|du)\s+har\s+(?:ringt|kommit)\s+(?:till|fram\s+till)\s+(?=[^\W\d_])",
        re.IGNORECASE,
    ),
}
_AT_ORG = re.compile(r"\s*,?\s+(?:at|from|på|från|hos)\s+[^\W\d_]", re.IGNORECASE)
#: A list of two people after "gäller" / "for": "det gäller stina och ville båda två",
#: "it's for olive and ivo they both see the therapist".
_TWO_PEOPLE = re.compile(
    r"\b(?:gäller|för|om|åt|for|about|regarding|with|med)\s+(?P<a>[^\W\d_]{2,})\s+(?:och|and|&)\s+"
    r"(?P<b>[^\W\d_]{2,})(?=\s*,?\s+(?:båda|bägge|de|dom|som|both|they|who|are|är)\b)",
    re.IGNORECASE,
)
#: "my son's number, Finlay, 07401 ...", "min mammas konto, Anneli Hautala, clearing ...":
#: a name set off by commas after a kin word's thing.
_KIN_APPOSITION = re.compile(
    r"\b(?:my|our|min|mitt|mina|vår|vårt|hans|hennes|his|her)\s+(?P<kin>[^\W\d_]+?)"
    r"(?:['’]s|s)?(?:\s+[^\W\d_]+)?,\s+(?P<n>[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)?"
    r"(?:\s+[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)?){0,2})(?=\s*,)",
    re.IGNORECASE,
)
#: Positions a person's name stands in before it: a child's parent ("mamma till Tindra",
#: "the dad of rufus"), the one the caller stays with ("jag bor hos Ingela", "staying with
#: bronwen"), the name the caller is put down as ("skriv in mig som …", "book me in as …").
_PERSON_SLOT_BEFORE = {
    "en": re.compile(
        r"\b(?:(?:mum|mom|mother|dad|father|parent|grandma|grandmother|granny|nan|nana|"
        r"grandad|granddad|grandpa|grandfather|guardian|carer|stepmum|stepdad)\s+(?:of|to)"
        r"|(?:staying|living|lodging|stopping|stay|live|lives|stays)\s+with"
        r"|(?:put|book|sign|register|enter|write|have|add)\s+(?:me|us|him|her|them)\s+"
        r"(?:down|in|up)?\s*as)\s+(?=[^\W\d_])",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"\b(?:(?:mamma|mamman|pappa|pappan|förälder|föräldern|mormor|morfar|farmor|farfar|"
        r"vårdnadshavare|vårdnadshavaren|bonusmamma|bonuspappa|styvmor|styvfar)\s+till"
        r"|(?:bor|bo|bodde|bott|sover|stannar|mellanbor)\s+(?:just\s+nu\s+|nu\s+|tillfälligt\s+)?hos"
        r"|(?:skriv|boka|registrera|anmäl|sätt|lägg|för)\s+(?:in\s+|upp\s+)?(?:mig|oss|honom|henne|dem)"
        r"\s+(?:in\s+|upp\s+)?som)\s+(?=[^\W\d_])",
        re.IGNORECASE,
    ),
}
#: A name written on the post: "skriv Eskil Nordqvist på kuvertet", "put marlowe tennant on
#: the envelope".
_ON_THE_POST = {
    "en": re.compile(
        r"\b(?:put|write|mark\s+it\s+for|address\s+it\s+to)\s+(?P<n>[^\W\d_][\w'’-]*"
        r"(?:\s+[^\W\d_][\w'’-]*){0,2}?)\s+on\s+(?:the|it|its)\s*(?:envelope|parcel|package|"
        r"label|letter|box|front|door|post)?\b",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"\b(?:skriv|sätt|märk\s+det\s+med)\s+(?P<n>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)"
        r"{0,2}?)\s+på\s+(?:kuvertet|paketet|brevet|lappen|etiketten|lådan|försändelsen"
        r"|brevlådan|dörren|adresslappen)\b",
        re.IGNORECASE,
    ),
}
#: A possession after the slot: "living with Parkinson's", "staying with Hilton's": no person.
_SLOT_POSSESSIVE = re.compile(r"['’]s\b")
#: Voice assistants asked like people: "jag frågade siri", "ask Alexa".
_ASSISTANTS = frozenset(["siri", "alexa", "google", "cortana", "bixby"])
#: Before "called": a thing or firm named, not a person phoned ("is called", "was called").
_NAMING_BEFORE = frozenset(
    ["is", "was", "are", "were", "be", "been", "being", "it's", "that's", "also", "not",
     "company", "firm", "agency", "shop", "place", "business", "one"]
)  # fmt: skip
#: Who "called" someone: "I called Mairead", "she already called Bogdan".
_CALLER_BEFORE = frozenset(
    ["i", "we", "he", "she", "they", "you", "who", "just", "already", "also", "then", "have",
     "has", "had", "never", "and"]
)  # fmt: skip
_LABEL_STOPS = frozenset(
    ["and", "och", "the", "of", "on", "is", "är", "please", "tack", "thanks", "with", "med",
     "expiry", "clearing", "konto", "account", "sort", "number", "nummer", "born", "född"]
)  # fmt: skip


def _listed_name_word(low: str, c: _Compiled) -> bool:
    return (
        low in c.first_names
        or low in c.surnames
        or _fold_accents(low) in c.first_names
        or _fold_accents(low) in c.surnames
    )


def _slot_run(
    text: str,
    lang: str,
    tokens: list[re.Match[str]],
    lows: list[str],
    i: int,
    c: _Compiled,
    *,
    unknown_ok: bool,
) -> tuple[int, int] | None:
    """The name in a person slot starting at token ``i``: up to four capitalised words in
    written text (particles inside), a listed first name (with its surname) in ASR text.
    ``unknown_ok``: a single capitalised word nobody listed is a name too (English: when it
    is no dictionary word)."""
    if i >= len(tokens):
        return None
    low = lows[i]
    if low in c.not_names or low in c.number_words or low in c.departments:
        return None
    if c.not_name_phrases.match(text, tokens[i].start()):
        return None
    if text.islower() or not _is_cap(tokens[i].group()):
        if not text.islower():
            return None
        found = _lower_full_name(text, tokens, lows, i, c)
        if found:
            return found
        if low in c.first_names or _fold_accents(low) in c.first_names:
            return tokens[i].start(), tokens[i].end()
        return None
    j = i + 1
    while j < len(tokens) and j - i < 4:
        gap = text[tokens[j - 1].end() : tokens[j].start()]
        if gap != " ":
            break
        w = tokens[j].group()
        if _is_cap(w) and lows[j] not in c.not_names:
            j += 1
        elif (
            lows[j] in _NAME_PARTICLES | {"ó", "ní", "nic", "uí", "mac", "bin"}
            and j + 1 < len(tokens)
            and text[tokens[j].end() : tokens[j + 1].start()] == " "
            and _is_cap(tokens[j + 1].group())
        ):
            j += 2
        else:
            break
    words = lows[i:j]
    if any(
        w in c.org_words or w in c.business_tails or w in c.place_names or w in c.number_words
        for w in words
    ):
        return None
    if j < len(tokens) and not text[tokens[j - 1].end() : tokens[j].start()].strip():
        nxt = lows[j]
        if nxt in c.org_words or nxt in c.business_tails or _business_word(nxt, c):
            return None  # "Erik Olsson Fastighetsförmedling", "Grady Lifts"
    if any(_business_word(w, c) for w in words):
        return None
    raw = [tokens[k].group() for k in range(i, j)]
    if _name_run_ok(raw, lang, c) or any(_listed_name_word(w, c) for w in words):
        return tokens[i].start(), tokens[j - 1].end()
    if any(_surname_like(w, c) for w in raw):
        return tokens[i].start(), tokens[j - 1].end()
    if unknown_ok and lang == "en" and not any(_ordinary_word(w, lang) for w in words):
        return tokens[i].start(), tokens[j - 1].end()
    return None


def _next_surname(tokens: list[re.Match[str]], lows: list[str], i: int, c: _Compiled) -> bool:
    """Is the word after token ``i`` a listed surname (and no common word of the lists)?"""
    return (
        i + 1 < len(tokens)
        and lows[i + 1] in c.surnames
        and lows[i + 1] not in c.not_names
        and lows[i + 1] not in _LABEL_STOPS
    )


def _longer(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    """The longer of two spans (either may be missing)."""
    if a is None or b is None:
        return a or b
    return a if a[1] - a[0] >= b[1] - b[0] else b


def _lower_slot(
    text: str,
    tokens: list[re.Match[str]],
    lows: list[str],
    i: int,
    c: _Compiled,
    end: int | None = None,
) -> tuple[int, int] | None:
    """In ASR text, the words of a person slot after a listed first name up to the clause's
    end (at most three, before ``end``): "skriv gun-britt lantto på kuvertet", "book me in
    as lettice hargreaves"."""
    first = lows[i]
    if first in c.not_names or first in c.number_words or first in _LABEL_STOPS:
        return None
    if not (
        first in c.first_names
        or _fold_accents(first) in c.first_names
        or first.split("-")[0] in c.first_names
        or (
            # an unlisted first name: no dictionary word, or a listed surname after it
            (end is not None or _next_surname(tokens, lows, i, c))
            and (not _ordinary_word(first, "en") or _next_surname(tokens, lows, i, c))
        )
    ):
        return None
    j = i + 1
    while (
        j < len(tokens)
        and j - i < 3
        and (end is None or tokens[j].end() <= end)
        and text[tokens[j - 1].end() : tokens[j].start()] == " "
        and lows[j] not in _LABEL_STOPS
        and lows[j] not in c.not_names
        and lows[j] not in c.number_words
        and (end is not None or lows[j] in c.surnames or not _ordinary_word(lows[j], "en"))
    ):
        j += 1
    return tokens[i].start(), tokens[j - 1].end()


def _business_word(low: str, c: _Compiled) -> bool:
    """A word that names a firm's trade: "Fastighetsförmedling", "Stairlifts", "Bygg"."""
    if low in c.first_names or low in c.surnames:
        return False
    return (low.endswith(c.firm_endings) and len(low) > 3) or low in c.firm_endings


def _position_names(
    text: str,
    lang: str,
    tokens: list[re.Match[str]],
    lows: list[str],
    starts: dict[int, int],
    c: _Compiled,
) -> list[PersonalData]:
    """Names by the position a person stands in, whatever their origin: the object of a
    person-taking verb, after a form label, an agent's greeting, one at their post who says
    something, two people named together, a name set off by commas after a kin word's
    thing; and in ASR text a common-word first name ("page", "bror") before a listed
    surname, said again in the same turn, or after its own spelling."""
    out: list[PersonalData] = []

    def add(rule: str, span: tuple[int, int] | None, conf: float = 0.7) -> None:
        if span and span[1] > span[0]:
            out.append(_hit(lang, "name", rule, span[0], span[1], text, conf))

    for m in _PERSON_VERB_OBJECT[lang].finditer(text):
        i = starts.get(m.end())
        if i is None or _sentence_initial(text, m.end()) or lows[i] in _ASSISTANTS:
            continue
        prev = _PREVIOUS_WORD.search(text, max(0, m.start() - 24), m.start())
        if prev and prev.group(1).lower() in _NAMING_BEFORE:
            continue  # "the agency is called Hale & Jordan": naming, not phoning
        if m.group().lower().startswith(("called", "named")) and not (
            prev and prev.group(1).lower() in _CALLER_BEFORE
        ):
            continue  # "a restaurant in Rohnert Park called Hana": naming

        span = _slot_run(text, lang, tokens, lows, i, c, unknown_ok=False)
        if span and re.match(r"\s*(?:&|and\s+(?:sons|co|partners)\b)", text[span[1] :], re.I):
            span = None  # "call Harrison & Sons"
        if span and not text.islower():
            # "ring Telia", "email Amazon": a single word must be a listed name
            words = lows[i : _token_after(tokens, span[1])]
            if (
                len(words) == 1
                and not _listed_name_word(words[0], c)
                and not _surname_like(tokens[i].group(), c)
            ):
                span = None
        add("person_verb_object", span)
    for m in _NAME_LABEL[lang].finditer(text):
        i = starts.get(m.end())
        if i is None:
            continue
        span = _slot_run(text, lang, tokens, lows, i, c, unknown_ok=True)
        if span is None and text.islower() and lows[i] not in _LABEL_STOPS:
            # "in the name of cillian ó dubhghaill": the words up to the clause's end
            j = i
            while (
                j < len(tokens)
                and j - i < 4
                and lows[j] not in _LABEL_STOPS
                and lows[j] not in c.number_words
                and (j == i or text[tokens[j - 1].end() : tokens[j].start()] == " ")
            ):
                j += 1
            if j > i and (lows[i] in c.first_names or _fold_accents(lows[i]) in c.first_names):
                span = (tokens[i].start(), tokens[j - 1].end())
        add("name_label", span)
    for m in _PERSON_SLOT_BEFORE[lang].finditer(text):
        i = starts.get(m.end())
        if i is None or lows[i] in _ASSISTANTS or lows[i] in _LABEL_STOPS:
            continue
        span = _slot_run(text, lang, tokens, lows, i, c, unknown_ok=True)
        if span and _SLOT_POSSESSIVE.match(text, span[1]):
            span = None  # "living with Parkinson's"
        if text.islower():
            span = _longer(span, _lower_slot(text, tokens, lows, i, c))
        add("person_slot", span)
    for m in _ON_THE_POST[lang].finditer(text):
        i = starts.get(m.start("n"))
        if i is None or lows[i] in ("it", "det", "den", "them", "dem", "that", "this", "a", "en"):
            continue
        span = _slot_run(text, lang, tokens, lows, i, c, unknown_ok=True)
        if text.islower():
            span = _longer(span, _lower_slot(text, tokens, lows, i, c, end=m.end("n")))
        elif span is None and all(_is_cap(w) for w in m.group("n").split()):
            span = m.start("n"), m.end("n")  # "skriv Nils-Åke Sevä på kuvertet"
        if span and span[1] > m.end("n"):
            span = span[0], m.end("n")
        add("on_the_post", span)
    for m in _AGENT_GREETING[lang].finditer(text):
        # "Ni har ringt till Marie-Louise på Lyftgruppen", "You've reached Ottoline at ...":
        # a first name (and a surname) and the organisation after "på"/"at"; not a firm
        # ("Du har kommit till Lindbergs Lås & Larm", "You're through to Harrison & Sons")
        i = starts.get(m.end())
        if i is None or not _is_cap(tokens[i].group()) or text.islower():
            continue
        first = lows[i]
        # an unlisted first name only as one word no dictionary has, at an organisation
        if (
            first not in c.first_names
            and first.split("-")[0] not in c.first_names
            and not (
                lang == "en"
                and not _ordinary_word(first, lang)
                and _AT_ORG.match(text, tokens[i].end())
            )
        ):
            continue
        end = tokens[i].end()
        if (
            i + 1 < len(tokens)
            and text[end : tokens[i + 1].start()] == " "
            and _is_cap(tokens[i + 1].group())
        ):
            if not _surname_like(tokens[i + 1].group(), c):
                continue
            end = tokens[i + 1].end()
        if _AT_ORG.match(text, end):
            add("agent_greeting", (tokens[i].start(), end))
    for m in c.post_then_says.finditer(text):
        j = _token_after(tokens, m.start())
        i = j - 1
        if i < 0 or tokens[i].end() != m.start():
            continue
        while (
            i > 0
            and j - i < 3
            and _is_cap(tokens[i - 1].group())
            and (text[tokens[i - 1].end() : tokens[i].start()] == " ")
            and not _sentence_initial(text, tokens[i].start())
        ):
            i -= 1
        if not _is_cap(tokens[i].group()) and not text.islower():
            continue
        add("post_then_says", _slot_run(text, lang, tokens, lows, i, c, unknown_ok=True))
    for m in _TWO_PEOPLE.finditer(text):
        a, b = m.group("a").lower(), m.group("b").lower()
        names = c.first_names | c.word_names | c.homograph_names
        if a in names and b in names and a not in _LABEL_STOPS and b not in _LABEL_STOPS:
            for g in ("a", "b"):
                if text.islower() or _is_cap(m.group(g)):
                    add("two_people", (m.start(g), m.end(g)))
    if "," in text:
        for m in _KIN_APPOSITION.finditer(text):
            if m.group("kin").lower().rstrip("s") not in c.relation_kin and (
                m.group("kin").lower() not in c.relation_kin
            ):
                continue
            i = starts.get(m.start("n"))
            if i is not None:
                add("kin_apposition", _slot_run(text, lang, tokens, lows, i, c, unknown_ok=True))
    if text.islower():
        out.extend(_word_names_lower(text, lang, tokens, lows, c))
        add("opening_pair", _opening_lower_pair(text, lang, tokens, lows, c))
    return out


#: Words after the speaker's name that end it: "det är varg ekholm som ringde", "it's
#: kavitha raman i want", "sonny here i'm calling".
_OPENING_NAME_END = frozenset(
    ["och", "and", "som", "who", "i", "jag", "i'm", "im", "här", "here", "från", "from",
     "ringer", "calling", "again", "igen", "speaking", "mamma", "pappa", "mum", "mom", "dad",
     "mother", "father", "med", "with"]
)  # fmt: skip
_OPENING_COPULAS = frozenset(["är", "e", "it's", "its", "it’s", "is"])


def _opening_lower_pair(
    text: str, lang: str, tokens: list[re.Match[str]], lows: list[str], c: _Compiled
) -> tuple[int, int] | None:
    """In ASR text the speaker opening the turn with their name: "hej det är varg ekholm
    som ringde", "ja det är my sjöstedt och ...", "yeah it's kavitha raman i want ..." (any
    first word, then a listed surname and a word that ends the name), or "yeah hi sonny
    here i want ..." (a first name, also a common-word one, then "here" and the caller)."""
    i = 0
    while i < len(lows) and i < 6 and (lows[i] in _TURN_OPENERS or lows[i] in _COPULA_WORDS):
        i += 1
    if i == 0 or i + 1 >= len(lows):
        return None
    first, second = lows[i], lows[i + 1]
    if (
        first in c.not_names
        or first in c.number_words
        or first in _LABEL_STOPS
        or first in c.org_words
        or first in c.place_names
        or first in c.lex.addresses.street_prefixes  # "stora holm": a place
        or len(first) < 2
        or text[tokens[i].end() : tokens[i + 1].start()] != " "
    ):
        return None
    after = lows[i + 2] if i + 2 < len(lows) else None
    if second in ("here", "här") and after in _OPENING_NAME_END | {None}:
        names = c.first_names | c.word_names | c.homograph_names
        if first in names and after is not None:
            return tokens[i].start(), tokens[i].end()
        return None
    if not any(w in _OPENING_COPULAS for w in lows[:i]):
        return None
    if (
        second not in c.surnames
        or second in c.not_names
        or second in c.number_words
        or (after is not None and after not in _OPENING_NAME_END)
    ):
        return None
    if (
        lang == "en"
        and _ordinary_word(first, "en")
        and first not in (c.first_names | c.word_names | c.homograph_names)
    ):
        return None
    if lang == "sv" and second not in c.first_names and not _surname_like(second, c, broad=True):
        return None
    return tokens[i].start(), tokens[i + 1].end()


#: Words before a name said by way of introduction or restatement in ASR text.
_WORD_NAME_INTRO = frozenset(
    ["it's", "its", "it’s", "is", "this", "det", "är", "e", "heter", "named", "called", "she's",
     "he's", "i'm", "im", "here", "alltså", "hon", "han", "jag"]
)  # fmt: skip
_PRONOUN_AFTER_KIN = frozenset(["he's", "she's", "he", "she", "han", "hon", "who", "som"])


def _word_names_lower(
    text: str, lang: str, tokens: list[re.Match[str]], lows: list[str], c: _Compiled
) -> list[PersonalData]:
    """ASR text: a first name that is also a common word before a listed surname ("heath
    ridley", "bror lindqvist"; said twice, "dot dot fairclough") or before a word that is no
    word of the language after a copula ("it's rowan tavistock"); then the same first name
    said again on its own ("it's basil paying basil thornbury", "det är bror som betalar")."""
    out: list[PersonalData] = []
    firsts: set[str] = set()
    n = len(tokens)
    for i in range(n - 1):
        low = lows[i]
        if low not in c.word_names and low not in c.homograph_names:
            continue
        j = i + 1
        while j < n and lows[j] == low and text[tokens[j - 1].end() : tokens[j].start()] == " ":
            j += 1  # a stutter
        if j >= n or text[tokens[j - 1].end() : tokens[j].start()] != " ":
            continue
        nxt = lows[j]
        if (
            nxt in c.not_names
            or nxt in c.number_words
            or nxt in _DOT_WORDS
            or nxt in _JOIN_WORDS
            or len(nxt) < 3
            or (low in _DOT_WORDS and any(w in _AT_WORDS for w in lows[max(0, i - 6) : i + 6]))
        ):
            continue
        copula = i > 0 and lows[i - 1] in _WORD_NAME_INTRO
        listed = (
            nxt in c.surnames and nxt not in c.word_names and (copula or nxt not in c.first_names)
        ) or (_surname_like(tokens[j].group(), c) and len(nxt) > 5)
        unknown = (
            lang == "en" and copula and not _ordinary_word(nxt, lang) and nxt not in c.first_names
        )
        if not (listed or unknown):
            continue
        last = j
        if (
            j + 1 < n
            and lows[j + 1] in c.surnames
            and _surname_like(tokens[j + 1].group(), c)
            and text[tokens[j].end() : tokens[j + 1].start()] == " "
            and lows[j] in c.first_names
        ):
            last = j + 1
        start = tokens[i].start() if j == i + 1 else tokens[j - 1].start()
        if j > i + 1:
            out.append(
                _hit(lang, "name", "word_name", tokens[i].start(), tokens[i].end(), text, 0.7)
            )
        out.append(_hit(lang, "name", "word_name", start, tokens[last].end(), text, 0.75))
        firsts.add(low)
    for i in range(2, n - 1):
        # "my dad clay he's got the stairlift", "min farfar sten han har": kin, name, pronoun
        if (
            lows[i] in c.word_names
            and lows[i - 1] in c.relation_kin
            and lows[i - 2] in _KIN_POSSESSIVES | {"my", "mum's", "dad's"}
            and lows[i + 1] in _PRONOUN_AFTER_KIN
        ):
            out.append(
                _hit(lang, "name", "word_name", tokens[i].start(), tokens[i].end(), text, 0.7)
            )
    for low in firsts:
        for k in range(n):
            if lows[k] == low and not any(p.start <= tokens[k].start() < p.end for p in out):
                out.append(
                    _hit(
                        lang,
                        "name",
                        "word_name_again",
                        tokens[k].start(),
                        tokens[k].end(),
                        text,
                        0.65,
                    )
                )
    return out


def _closing_name_ok(text: str, m: re.Match[str], lang: str, c: _Compiled) -> bool:
    """A name said last, after a comma, whose first name is also a word ("..., Viking Holm.",
    "..., Sunny Malhotra."): the last word a listed surname, or (English) a first name or a
    common-word name and a last word that is no dictionary word."""
    words = m.group("n").split()
    lows = [_fold_accents(w.lower()) for w in words]
    if c.not_name_phrases.match(text, m.start("n")):
        return False
    if any(
        w in c.org_words
        or w in c.business_tails
        or w in c.place_names
        or w in c.number_words
        or (w in c.not_names and w not in c.homograph_names)
        for w in lows
    ):
        return False
    if lows[0] in c.place_prefixes:
        return False
    if lows[-1] in c.surnames:
        return True
    return (
        lang == "en"
        and (lows[0] in c.first_names or lows[0] in c.homograph_names)
        and not _ordinary_word(words[-1], lang)
    )


def _frame_gates(text: str, lang: str) -> tuple[bool, bool, bool, bool]:
    """Cheap substring tests before ``_framed_names`` tries its frames: the genitive
    holder, the greetings, "a Siobhan" and the kin to ring."""
    low = text.lower()
    if lang == "sv":
        holder = (
            " namn" in low
            or "kort" in low
            or "konto" in low
            or "hushåll" in low
            or "dödsbo" in low
            or "vägnar" in low
            or "familj" in low
        )
        greeting = (
            "grattis" in low
            or "hurra" in low
            or "lycka till" in low
            or "välkommen" in low
            or "krya" in low
            or "äran" in low
        )
        met = "prata" in low or "tala" in low or "snacka" in low
        kin = " på " in low and ("min " in low or "mitt " in low or "vår" in low)
    else:
        holder = (
            "'" in text
            or "’" in text
            or ("s name" in low or "s card" in low or "s account" in low)
            or ("s household" in low or "s estate" in low or "s behalf" in low)
        )
        greeting = (
            "birthday" in low
            or "congrat" in low
            or "anniversar" in low
            or "welcome" in low
            or "luck" in low
            or "get well" in low
            or "retire" in low
            or "love you" in low
            or "graduation" in low
            or "name day" in low
        )
        met = "spoke" in low or "speak" in low or "talk" in low or "chatted" in low or "deal" in low
        kin = ("my " in low or "our " in low) and (" on " in low or " at " in low)
    kin = kin and (text.islower() or _DIGIT.search(text) is not None)
    return holder, greeting, met, kin


#: "familjen Eriksson", "the Henderson family": a family name.
_FAMILY = re.compile(
    r"\bfamiljen\s+(?P<sv>[^\W\d_][\w'’-]+)|\bthe\s+(?P<en>[^\W\d_][\w'’-]+)\s+family\b",
    re.IGNORECASE,
)


def _family_names(text: str, lang: str, c: _Compiled) -> list[PersonalData]:
    out: list[PersonalData] = []
    for m in _FAMILY.finditer(text):
        group = "sv" if lang == "sv" else "en"
        word = m.group(group)
        if not word:
            continue
        low = word.lower()
        if (
            low in c.not_names
            or low in c.org_words
            or low in c.place_names
            or low in c.number_words
            or low in _FAMILY_NOT_NAMES
        ):
            continue
        if not (_surname_like(word, c) or (_is_cap(word) and not text.islower())):
            continue
        out.append(_hit(lang, "name", "family", m.start(group), m.end(group), text, 0.7))
    return out


#: "email niall he's my husband", "ring sten, han är min pappa": a pronoun and a kin word
#: said of the word before them.
_KIN_PRONOUN_AFTER = re.compile(
    r"\s*,?\s+(?:he['’]s|she['’]s|he\s+is|she\s+is|han\s+är|hon\s+är|hen\s+är)\s+"
    r"(?:my|our|min|mitt|vår)\s+(?P<kin>[^\W\d_]+)(?![\w'’-])",
    re.IGNORECASE,
)


def _kin_pronoun_names(
    text: str,
    lang: str,
    tokens: list[re.Match[str]],
    lows: list[str],
    taken: set[int],
    c: _Compiled,
) -> list[PersonalData]:
    """A first name (a common-word one too) that "he's my husband" / "hon är min mamma"
    follows: "can you email niall he's my husband", "i'm calling for will he's my dad"."""
    out: list[PersonalData] = []
    for m in _KIN_PRONOUN_AFTER.finditer(text):
        if m.group("kin").lower() not in c.relation_kin:
            continue
        i = _token_after(tokens, m.start()) - 1
        if i < 0 or i in taken or tokens[i].end() != m.start():
            continue
        word, low = tokens[i].group(), lows[i]
        if not (low in c.first_names or low in c.homograph_names):
            continue
        if low in c.not_names and low not in c.homograph_names:
            continue
        if not text.islower() and not _is_cap(word):
            continue  # written text: "tell him he's my son" is no name
        out.append(_hit(lang, "name", "kin_pronoun", tokens[i].start(), tokens[i].end(), text, 0.7))
        taken.add(i)
    return out


def _genitive_first_names(
    text: str,
    lang: str,
    tokens: list[re.Match[str]],
    lows: list[str],
    taken: set[int],
    c: _Compiled,
) -> list[PersonalData]:
    """A Swedish genitive of a known first name inside a sentence, a noun after it: "Jag har
    Solveigs nycklar", "vi hämtade Göstas cykel"; the name without its "s" is masked. Not a
    word that is itself a name or an ordinary word ("Hans", "Lars", "Jens"), not a place."""
    out: list[PersonalData] = []
    for i, t in enumerate(tokens):
        word = t.group()
        low = lows[i]
        if (
            i in taken
            or len(low) < 4
            or not low.endswith("s")
            or not _is_cap(word)
            or "-" in low
            or low in c.first_names
            or low in c.surnames
            or low in c.not_names
            or low[:-1] not in c.hand_first_names
            or low[:-1] in c.place_names
            or _sentence_initial(text, t.start())
            or i + 1 >= len(tokens)
            or text[t.end() : tokens[i + 1].start()] != " "
            or not tokens[i + 1].group()[:1].islower()
            or lows[i + 1] in c.not_names
        ):
            continue
        if i and (lows[i - 1] in _DETERMINERS or _is_cap(tokens[i - 1].group())):
            continue  # "en Lindas-tårta", "Astrid Lindgrens värld"
        if c.public_context.search(text):
            continue
        out.append(_hit(lang, "name", "genitive", t.start(), t.end() - 1, text, 0.65))
        taken.add(i)
    return out


_FAMILY_NOT_NAMES = frozenset(
    ["royal", "whole", "entire", "extended", "host", "immediate", "same", "new", "other", "nya"]
)


def _surnames_again(
    text: str, lang: str, found: list[PersonalData], c: _Compiled
) -> list[PersonalData]:
    """ "inlagda på Mehmet Yilmaz, det står kanske bara Yilmaz": a surname of a full name
    found in the call, said again on its own. Also a one-word name said again, capitalised
    in written text: "till min dotter Sol ..., det ska stå Sol på kortet"."""
    out: list[PersonalData] = []
    seen: set[str] = set()
    for p in found:
        words = p.text.split()
        if len(words) == 1 and not text.islower() and _is_cap(words[0]) and len(words[0]) > 1:
            word = _POSSESSIVE.sub("", words[0]).strip(",.")
            if word.lower() in seen or word.lower() in c.number_words:
                continue
            seen.add(word.lower())
            for pos, end in _word_positions(text, word):
                if not any(q.start <= pos < q.end for q in found) and not (
                    c.not_name_phrases.match(text, pos)
                ):
                    out.append(_hit(lang, "name", "name_again", pos, end, text, 0.65))
            continue
        if len(words) < 2:
            continue
        last = _POSSESSIVE.sub("", words[-1]).strip(",.")
        low = last.lower()
        if (
            len(last) < 3
            or low in seen
            or low in c.not_names
            or (not _is_cap(last) and not text.islower())
        ):
            continue
        seen.add(low)
        word = last.lower() if text.islower() else last
        for start, end in _word_positions(text, word):
            if any(q.start <= start < q.end for q in found):
                continue
            if low in c.first_names:
                # "Hussain" is a first name too: again only as a surname, after a first name
                prev = _PREVIOUS_WORD.search(text, max(0, start - 24), start)
                if prev is None or prev.group(1).lower() not in c.first_names:
                    continue
            nxt = _NEXT_WORD.match(text, end)
            if nxt and (
                nxt.group(1).lower() in c.org_words
                or nxt.group(1).lower() in c.business_tails
                or (_is_cap(nxt.group(1)) and not text[end : nxt.start(1)].strip())
            ):
                continue  # "Marcus Doyle from Doyle Joinery": a firm named after him
            out.append(_hit(lang, "name", "surname_again", start, end, text, 0.7))
    return out


def _word_positions(text: str, word: str) -> Iterator[tuple[int, int]]:
    r"""Where ``word`` stands in ``text`` as a whole word (not inside "Lindqvist-Berg" or
    "O'Lund"): what ``(?<![\w'’-])word(?![\w-])`` finds, without compiling a pattern per
    word."""
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        before = text[pos - 1] if pos else ""
        after = text[end : end + 1]
        if not (before.isalnum() or before in "_-'’") and not (
            after.isalnum() or after in ("_", "-")
        ):
            yield pos, end
        pos = text.find(word, end)


#: "I'm Bella's owner", "Rex's lead": a pet's name.
_PET_OWNED = re.compile(
    r"(?:['’]s)?\s+(?:owner|dog|cat|puppy|kitten|horse|pony|rabbit|vet|lead|collar|cage|"
    r"bowl|food|jabs|vaccinations|insurance\s+policy)\b",
    re.IGNORECASE,
)
#: "calling from Addison Lee", "ringer från Svea Ekonomi": an organisation after "from".
_CALLING_FROM = re.compile(
    r"\b(?:calling|ringing|phoning|ringer|ringde|ringer\s+ni|ringer\s+du)\s+(?:from|från)\s+"
    r"((?:[A-ZÅÄÖÉ][\w&'’.-]*\s?){1,4})"
)
_NAME_INTRO_RULES = ("cue_", "title", "role_comma", "turn_opening", "me_comma")


def _not_a_person(text: str, p: PersonalData, c: _Compiled) -> bool:
    """Name finds that are a pet, a thing, a namesake, an organisation or a public figure."""
    slug = p.rule.rsplit(".", 1)[-1]
    before = text[max(0, p.start - 60) : p.start]
    for m in c.not_name_phrases.finditer(text, max(0, p.start - 40), p.end + 40):
        if (
            m.start() <= p.start
            and p.end <= m.end()
            and (m.start() == 0 or not text[m.start() - 1].isalnum())
            and text[m.end() : m.end() + 1] not in ("'", "’")  # "it's may i'm ringing"
        ):
            return True  # "It's John Lewis who delivered it": a firm, a dish, a day
    if _THING_NAMED_TO.search(before):
        return True  # "Vi döpte båten till Elsa": a thing's name
    if p.text.endswith(("'s", "’s")) and _PET_OWNED.match(text, p.end - 2):
        return True  # "I'm Bella's owner"
    if _PET_OWNED.match(text, p.end) and text[p.end : p.end + 1] in ("'", "’"):
        return True
    after = text[p.end : p.end + 40].lower().split()
    if (
        len(after) > 1
        and any(w.strip(",.!?") in c.animal_words for w in after[1:4])
        and c.pet_after.match(text, p.end)
    ):
        return True  # "mr whiskers the cat", "Sixten, vår katt"
    last = before.rstrip(" ,").rsplit(None, 1)[-1:]
    if last and last[0].lower() in c.animal_words and c.pet_right_before.search(before):
        return True  # "min hund Sixten är sjuk", "our cat Bella"
    if (
        c.lex.language == "sv"
        and last
        and before.endswith(" ")
        and any(
            len(n) > 3 and last[0].lower().endswith(n) and len(last[0]) > len(n) + 2
            for n in c.animal_nouns
        )
    ):
        return True  # "lejonhonan Elsa", "avelstiken Sessan": a compound animal noun
    if c.titles.fullmatch(p.text.strip(" .,")):
        return True  # "I'm Dr — no, just put ...": a title on its own
    phrase = c.not_name_phrases.match(text, p.start) if " " in p.text.strip() else None
    if phrase and phrase.end() >= p.end:
        return True  # "Ingrid Marie" (an apple), "Rose Gold": a fixed phrase, also for the model
    word = p.text.strip(" .,")
    if (
        c.lex.language == "en"
        and " " not in word
        and word.lower() not in c.first_names
        and word.lower().endswith(_DEMONYM_ENDINGS)
        and _ordinary_word(word, "en")
    ):
        return True  # "I'm Serbian but I bank in Kraków", "she's Portuguese": a nationality
    if _REGNAL_AFTER.match(text, p.end) or _REGNAL_LAST.search(p.text):
        return True  # "Gustav III", "Karl XII:s tid", "Henry VIII", "Elizabeth the Second"
    named = _NAME_IS_NOUN.match(text, p.end)
    if named and (
        named.group("noun").lower() in c.animal_nouns
        or named.group("noun").lower() in c.thing_noun_words
    ):
        return True  # "Mr Darcy is the horse", "Rosa och Viola är sorterna vi säljer"
    # a weak cue ("and", "hi") is no introduction: "the Hook and Peter Pan costumes"
    intro = slug.startswith(_NAME_INTRO_RULES) and slug != "cue_weak"
    if not intro and c.eponym_after.match(text, p.end):
        return True  # "the same Laura Ashley fabric", "a Victoria sponge": a thing's name
    words = p.text.lower().split()
    if len(words) > 1 and any(
        w.strip(",.") in c.animal_nouns and w.strip(",.") not in c.first_names for w in words[1:]
    ):
        return True  # "hon heter bamse alltså ponnyn": the animal said inside the find
    if _PRONOUN_NAMED.search(before) and _animal_topic(text, p.start, c):
        return True  # "Hästens pass är klart, hon heter Stjärnfall": the animal named
    if (
        slug == "cue_weak"
        and _AND_BEFORE.search(before)
        and (
            c.public_context.search(text, max(0, p.start - 60), p.start)
            or c.public_context.search(text, p.end, p.end + 60)
        )
    ):
        return True  # "Seamus Heaney and Dylan Thomas in English this term": authors
    if c.thing_naming is not None and c.thing_naming.search(before):
        return True  # "Båten heter Linnea", "the boat is called Linnea"
    nxt = _NEXT_WORD.match(text, p.end)
    if (
        not intro
        and nxt
        and text[p.end : nxt.start(1)] == " "
        and _is_cap(nxt.group(1))
        and _business_word(nxt.group(1).lower(), c)
    ) or (" " in p.text.strip() and _business_word(words[-1].strip(",."), c)):
        return True  # "Erik Olsson Fastighetsförmedling", "Per Jansson Bygg": a firm
    if slug in ("known_first_name", "person_after", "model") and _near_public_context(text, p, c):
        return True  # "an episode with Kirstie Allsopp", "programmet med Martin Timell"
    if _STORM_BEFORE.search(text, max(0, p.start - 14), p.start):
        return True  # "Storm Ciara", "efter stormen Gudrun": a storm's name
    if not intro and (
        _ART_OR_FAN_BEFORE.search(text, max(0, p.start - 40), p.start)
        or _FAVOURITE_AFTER.match(text, p.end)
    ):
        return True  # "the portrait of Ada Lovelace", "a fan of Joni Mitchell": not the call's
    if c.namesake_before is not None and c.namesake_before.search(before):
        return True  # "en svit uppkallad efter Astrid Lindgren"
    for m in _CALLING_FROM.finditer(text, max(0, p.start - 80), p.end):
        if m.start(1) <= p.start < m.end(1):
            return True  # "I'm calling from Addison Lee"
    if c.public_figures is not None and not intro:
        for m in c.public_figures.finditer(text, max(0, p.start - 40), p.end + 40):
            if m.start() <= p.start and p.end <= m.end():
                return True  # "Det var Zlatan som invigde gymmet"
            if _COORDINATED.fullmatch(text, m.end(), p.start) or _COORDINATED.fullmatch(
                text, p.end, m.start()
            ):
                return True  # "pippi och emil på kalaset": beside a character, a character
    if _named_thing_not_person(text, p, c, intro):
        return True
    if _premises_or_show_not_person(text, p, c, slug, intro):
        return True
    return _thing_or_pet(text, p, c)


#: A place preposition right before a one-word name only the model found: "in Sherwood".
_PLACE_PREP_BEFORE = {
    "en": re.compile(r"\b(?:in|near|outside|around)\s+$", re.IGNORECASE),
    "sv": re.compile(r"\b(?:i|nära|utanför|kring|runt)\s+$", re.IGNORECASE),
}
_POSSESSIVE_AFTER = re.compile(r"(?:['’]s?|s)\b")
#: Round 21: a character said with the work it comes from: "Elsa från Frost".
_FROM_WORK_AFTER = re.compile(r"\s+(?:från|from|ur|i|in)\s+(?:the\s+)?[A-ZÅÄÖ]")
#: Someone who called, wrote or said something is no character.
_CONTACT_VERB = re.compile(
    r"\b(?:called|rang|phoned|emailed|texted|said|told|promised|ringde|mejlade|sms:ade|sa|sade|"
    r"lovade|skrev)\b",
    re.IGNORECASE,
)
#: Round 21: "hos", "på", "at" right before a name found without a cue.
_SHOP_PREP_BEFORE = re.compile(r"\b(?:hos|på|at)\s+$", re.IGNORECASE)
#: "at Sarah Jones's house", "hemma hos Eva": someone's home, a person.
_HOME_AFTER = re.compile(r"(?:['’]s)?\s+(?:house|home|place|flat|farm)\b", re.IGNORECASE)
#: A product or show said after a titled genitive: "Mr Kipling's cakes", "Mrs Brown's Boys".
_TITLED_BRAND_AFTER = re.compile(
    r"\s+(?:cakes?|pies?|pizzas?|sauces?|rice|biscuits?|beans|spray|sprays|range|products?|"
    r"crisps|jams?|soups?|gin|cereals?|chocolates?|tea|coffee|shampoo|fish\s+fingers|"
    r"kakor|kaka|sylt|saft|glass|godis|bullar|kaffe|korv|senap|pepparkakor|kex|pizzor|"
    r"pizza|sås|såser|produkter|sortiment)\b"
)
#: A food word right before the name makes a dish: "Peach Melba", "Biff Rydberg".
_DISH_HEAD_BEFORE = re.compile(
    r"\b(?:Beef|Eggs|Egg|Peach|Chicken|Pork|Lamb|Veal|Lobster|Sole|Biff|Kyckling|Fläsk|"
    r"Kalvschnitzel|Toast|Pytt|Sill|Lax)\s+$"
)
#: "…, how can I help", "vad kan jag hjälpa dig med": the agent's greeting.
_HOW_CAN_I_HELP = re.compile(
    r"\b(?:how\s+can\s+i\s+help|how\s+may\s+i\s+help|what\s+can\s+i\s+do\s+for\s+you|"
    r"vad\s+kan\s+jag\s+(?:hjälpa|göra)|hur\s+kan\s+jag\s+hjälpa)",
    re.IGNORECASE,
)
#: Words that are never a name on their own: "stava ditt efternamn åt mig".
_NEVER_NAME_WORDS = frozenset(
    ["åt", "mig", "dig", "oss", "er", "för", "till", "tack", "for", "me", "us", "please"]
)


def _premises_or_show_not_person(
    text: str, p: PersonalData, c: _Compiled, slug: str, intro: bool
) -> bool:
    """False names that are premises, shows or words: a shop or eatery named after someone where eating
    or shopping is said, a titled brand or show, a Swedish compound naming premises, a
    firm of one made-up word in the agent's greeting, function words after a spelling cue."""
    words = p.text.lower().split()
    if words and all(w.strip(",.!?") in _NEVER_NAME_WORDS for w in words):
        return True  # "Kan du stava ditt efternamn åt mig?"
    if len(words) == 1:
        low = words[0].strip(",.!?")
        if any(low.endswith(t) and len(low) >= len(t) + 3 for t in c.premises_tails):
            return True  # "Du pratar med Skärmflygcentret", "friggeboden ska levereras"
    if (
        slug == "model"
        and len(words) == 1
        and _PLACE_PREP_BEFORE[c.lex.language].search(text, max(0, p.start - 10), p.start)
        and not _POSSESSIVE_AFTER.match(text, p.end)
    ):
        return True  # "It's Major Oak we visited, in Sherwood.": a place after "in"
    if words:
        last = words[-1].strip(",.!?")
        if any(last.endswith(t) and len(last) >= len(t) + 3 for t in c.dish_tails):
            return True  # "Gustav Adolfsbakelse", "Prinsesstårta": a dish
    if not intro and _DISH_HEAD_BEFORE.search(text, max(0, p.start - 12), p.start):
        return True  # "Peach Melba", "Eggs Benedict", "Biff Rydberg": a dish
    if (
        len(words) == 1
        and words[0] not in c.first_names
        and re.match(r"\s+(?:in|i)\s+[A-ZÅÄÖ]", text[p.end :])
        and _HOW_CAN_I_HELP.search(text)
    ):
        return True  # "You're speaking to Kidzone in Leeds, how can I help?"
    if slug == "title" and words and words[0].strip(".") in c.plain_titles:
        if _near_public_context(text, p, c) and not _CONTACT_VERB.search(text):
            return True  # "Mr Bean was on the telly", "Fröken Ur i radion": a character
        if re.search(r"['’]s\s+[A-Z]", p.text):
            return True  # "Mrs Brown's Boys"
        if p.text.endswith(("'s", "’s", "s")) and _TITLED_BRAND_AFTER.match(text, p.end):
            return True  # "Mr Kipling's cakes", "Doktor Oetkers pizzor"
    if (
        not intro
        and slug in ("known_first_name", "model", "before_mask", "cue_weak", "first_before_and")
        and _FROM_WORK_AFTER.match(text, p.end)
        and c.child_topic.search(text)
        and not _CONTACT_VERB.search(text)
    ):
        return True  # "Elsa från Frost är dotterns favorit", "Woody from Toy Story"
    if (
        not intro
        and slug in ("known_first_name", "model", "before_mask", "person_after")
        and _SHOP_PREP_BEFORE.search(text, max(0, p.start - 8), p.start)
        and not re.search(r"\bhemma\s+hos\s+$", text[max(0, p.start - 12) : p.start], re.I)
        and not _HOME_AFTER.match(text, p.end)
    ):
        sent_start = max([m.end() for m in _SENTENCE_BREAK.finditer(text, 0, p.start)] or [0])
        tail = _SENTENCE_BREAK.search(text, p.end)
        sent_end = tail.start() if tail else len(text)
        if c.consume_verb.search(text, sent_start, sent_end):
            return True  # "Hos Lisa Elmqvist köpte jag räkor", "lunch at Giorgio Locatelli"
    return False


#: Round 20: two names side by side: "pippi och emil", "Peppa Pig or Mr Tumble".
_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:(?:och|and|eller|or|&)\s+(?:possibly\s+|kanske\s+)?)?")


#: Fetching an animal or leaving it: "hämtade Sixten (och Molly)", "dropped Biscuit and".
_FETCH_BEFORE = re.compile(
    r"\b(?:hämt\w*|lämn\w*|skjutsa\w*|picked\s+up|pick\s+up|picking\s+up|collect\w*|"
    r"drop\w*(?:\s+off)?|fetch\w*|took|take|taking|bring\w*|brought)\s+(?:(?:upp|in|av|off)\s+)?"
    r"(?:[^\W\d_][\w'’-]*\s*,?\s+(?:och|and|&)\s+)?$",
    re.IGNORECASE,
)
#: ... from or at the vet's, a cattery, kennels: "från djurkliniken", "at the cattery".
_VET_AFTER = re.compile(
    r"(?:\s*,?\s+(?:och|and|&)\s+[^\W\d_][\w'’-]*)?\s+(?:up\s+|off\s+|upp\s+)?"
    r"(?:från|på|hos|till|vid|from|at|to)\s+(?:the\s+|our\s+|vår\s+|den\s+)?"
    r"(?:djurklinik\w*|djursjukhus\w*|veterinär\w*|vets?(?:['’]s?)?|veterinary\s+\w+|"
    r"animal\s+hospital|catter(?:y|ies)|kennels?|kattpensionat\w*|hundpensionat\w*|"
    r"hunddagis\w*|djurpensionat\w*|groomers?(?:['’]s?)?|hundfrisör\w*)(?![\w])",
    re.IGNORECASE,
)
#: A ship or a ferry: "ombord på Birka", "aboard the Oriana", "sailed on the Queen Mary".
_SHIP_BEFORE = re.compile(
    r"(?:\bombord\s+på|\baboard(?:\s+the)?|\bon\s+board(?:\s+the)?|"
    r"\b(?:sail|sailed|sailing|sails|cruise|cruised|cruising)\s+on(?:\s+the)?|"
    r"\b(?:färjan|fartyget|kryssningsfartyget|skeppet|the\s+(?:ferry|ship|liner|cruise\s+ship)|"
    r"m/s|m/v|hms|rms))\s+$",
    re.IGNORECASE,
)
#: Travelling with a vessel, said where a ferry is the topic: "vi seglar med Gabriella".
_VESSEL_WITH_BEFORE = re.compile(
    r"\b(?:seglar|seglade|seglat|segla|åker|åkte|reser|reste|kryssar|kryssade|sail|sailed|"
    r"sailing|cruise|cruised|cruising|travel(?:l?ed)?)\s+(?:med|with)\s+$",
    re.IGNORECASE,
)
#: A name inside a product's compound: "Emil i Lönneberga-spelet", "Alfons Åberg-boxen",
#: "the Peter Rabbit-themed mugs".
_COMPOUND_TAIL = re.compile(
    r"[A-ZÅÄÖÉ][\w'’]*(?:\s+(?:(?:i|på|och|of|and|the|in|&)\s+)?[A-ZÅÄÖÉ][\w'’]*){0,3}"
    r"-(?P<tail>[a-zåäöé]{4,})(?![\w-])"
)
#: A colour said with another or with "colour": "rose and gold", "rosa och vit i färgen".
_COLOUR_AFTER = re.compile(
    r"(?:\s+(?:and|och|or|eller)\s+(?:gold|silver|white|black|grey|gray|pink|red|blue|green|"
    r"cream|brown|guld|silver|vit|svart|grå|rosa|röd|blå|grön|brun|beige)\b"
    r"|(?:\s+\w+){0,3}\s+(?:in\s+colou?r|colou?red|i\s+färgen|färgad|färgat)\b)",
    re.IGNORECASE,
)
#: A firm's founder: "the man who founded Dyson, James Dyson", "grundaren av Ikea".
_FOUNDER_BEFORE = re.compile(
    r"\b(?:founded|co-founded|founder|founders|grundade|grundaren|grundare|grundat)\b[^.!?]*$",
    re.IGNORECASE,
)


@functools.cache
def _thing_som_heter(lang: str) -> re.Pattern[str]:
    """A thing noun, a relative pronoun and a verb of naming: "en docka som heter"."""
    nouns = compiled(lang).lex.names.thing_nouns
    return _phrase_regex(
        nouns,
        after=r"\s+(?:som|who|that|which)(?:['’]s)?\s+(?:heter|hette|kallas|is\s+called|"
        r"was\s+called|called|is\s+named|named)\s+$",
    )


#: Going to see a show: "Vi ska se Hamlet på Dramaten", "seeing Macbeth at the Globe".
_SEE_BEFORE = re.compile(
    r"\b(?:se|såg|sett|ser|see|seeing|saw|seen|watch|watching|watched)\s+$", re.IGNORECASE
)
_SHOW_AFTER = re.compile(
    r"(?:\s+[A-ZÅÄÖ][\w'’-]*)*\s+(?:på|at|in)\s+(?:the\s+)?(?:\w*teater\w*|dramaten|operan|"
    r"globe|theatre|theater|opera|opera\s+house|cinema|bio\w*|west\s+end|palladium|"
    r"konserthuset|royal\s+\w+|old\s+vic|young\s+vic|national)\b",
    re.IGNORECASE,
)
#: Naming one's own vehicle or toy: "namngett vår husbil till", "named our campervan".
_NAMED_OWN_THING = re.compile(
    r"\b(?:döpte|döpt|döpa|döper|namngett|namngav|namnge|namngivit|kallar|kallade|named|"
    r"renamed|christened|call|called)\s+(?:(?:vår|vårt|våra|min|mitt|hans|hennes|deras|the|"
    r"our|my|his|her|their)\s+)?(?:husbil|husbilen|husvagn|husvagnen|bil|bilen|båt|båten|"
    r"cykel|cykeln|docka|dockan|nalle|nallen|gosedjur|gosedjuret|campervan|camper|caravan|"
    r"motorhome|van|car|boat|bike|doll|teddy|teddy\s+bear|soft\s+toy|tractor|traktor|"
    r"traktorn|robot|roboten)\s+(?:till\s+|to\s+)?$",
    re.IGNORECASE,
)
#: A short public service number after the one to call: "Ring Vårdguiden på 1177".
_SERVICE_NUMBER_AFTER = re.compile(r",?\s+(?:på|on|at)\s+\d{3,5}(?!\s*\d)(?![\d-])")
#: "it was", "det var" before a famous name: said of the public figure, not the caller.
_IT_WAS_BEFORE = re.compile(r"\b(?:it\s+was|that\s+was|det\s+var|de\s+var)\s+$", re.IGNORECASE)
#: A public office, an acronym: "IBAN", "BIC", "NHS" are no one's name.
_ACRONYM = re.compile(r"[A-ZÅÄÖ]{2,5}")


def _named_thing_not_person(text: str, p: PersonalData, c: _Compiled, intro: bool) -> bool:
    """False names that are named things: an animal fetched from the vet's, a ship, a brand
    in its pack, a name inside a product's compound, a street named after someone, an
    acronym, a number word in ASR text."""
    before = text[max(0, p.start - 60) : p.start]
    if _FETCH_BEFORE.search(before) and _VET_AFTER.match(text, p.end):
        return True  # "Vi hämtade Sixten och Molly från djurkliniken"
    if (
        _FETCH_BEFORE.search(before)
        and _AND_BEFORE.search(before)
        and _VET_AFTER.match(" x" + text[p.end :])
    ):
        return True  # the second of a pair: "picked up Barney and [Rosie] from the vet's"
    if not intro and _SHIP_BEFORE.search(before):
        return True  # "aboard the Oriana", "ombord på Birka"
    if (
        not intro
        and _VESSEL_WITH_BEFORE.search(before)
        and c.ferry_words.search(text)
        and " " not in p.text.strip()
    ):
        return True  # "Vi seglar med Gabriella i år, och Viking Grace går till Åbo"
    if not intro and c.container_before.search(before):
        return True  # "en burk Kalles kaviar", "a bar of Cadbury"
    m = _COMPOUND_TAIL.match(text, p.start)
    if m and m.group("tail") in c.first_names:
        m = None  # "Kim Ji-yeon": a hyphenated given name
    if m and m.end() >= p.end and not text.islower():
        return True  # "Nils Holgersson-pusslet", "Pippi Långstrump-lådan"
    if not text.islower():
        back = p.start
        while b := _CAP_WORD_BEFORE.search(text, max(0, back - 40), back):
            back = b.start(1)
        m = _COMPOUND_TAIL.match(text, back)
        if m and m.end() >= p.end and back < p.start and m.group("tail") not in c.first_names:
            return True  # "Alfons Åberg-boxen" found as "Åberg"
    # a street named after someone and said without a number: "Birger Jarlsgatan"
    end = p.end
    while a := _CAP_WORD_AFTER.match(text, end):
        end = a.end(1)
        break
    last = _WORD.findall(text[p.start : end])
    if last and len(last) > 1:
        low = last[-1].lower()
        if low in _STREET_WORDS_AFTER or any(
            low.endswith(suf) and len(low) > len(suf) + 2 for suf in _STREET_ENDINGS
        ):
            return True
    nxt = _NEXT_WORD.match(text, p.end)
    if nxt and text[p.end : nxt.start(1)] == " " and nxt.group(1).lower() in ("torg", "torget"):
        return True  # "Karl Johans torg"
    if text.islower() and " " not in p.text.strip() and _COLOUR_AFTER.match(text, p.end):
        return True  # "it was rose and gold in colour": a colour
    if not intro and _FOUNDER_BEFORE.search(text, max(0, p.start - 50), p.start):
        return True  # "The man who founded Dyson, James Dyson": a public figure
    if _thing_som_heter(c.lex.language).search(before):
        return True  # "en docka som heter Lisa", "a doll that's called Lucy"
    if (
        _SEE_BEFORE.search(before)
        and _SHOW_AFTER.match(text, p.end)
        and p.text.split()[0].lower() not in c.first_names
    ):
        return True  # "Vi ska se Hamlet på Dramaten": a play
    if _NAMED_OWN_THING.search(before):
        return True  # "Vi har namngett vår husbil till Bertil", "named our campervan Bertie"
    if p.rule.endswith("call_at_number") and _SERVICE_NUMBER_AFTER.match(text, p.end):
        return True  # "Ring Vårdguiden på 1177": a public service's short number
    if c.venue_called_before.search(before):
        return True  # "a lovely restaurant in Rohnert Park called Hana": a venue's name
    if c.thing_called_before.search(before):
        return True  # "a robot hoover the kids call robbie", "bilen som vi kallar Bettan"
    if c.public_figures is not None and _IT_WAS_BEFORE.search(before):
        for m in c.public_figures.finditer(text, max(0, p.start - 40), p.end + 40):
            if m.start() <= p.start and p.end <= m.end():
                return True  # "it was charles dickens who wrote it": the author, not the caller
    word = p.text.strip(" .,")
    if _ACRONYM.fullmatch(word) and not text.isupper():
        return True  # "The recipient's IBAN is"
    if text.islower():
        words = word.lower().split()
        if words and (words[0] in _AMOUNT_WORDS or all(w in c.number_words for w in words)):
            return True  # "om det är över tretusen": an amount
    return False


#: Street words after a name: "Lady Margaret Avenue", "King Edward Drive".
_STREET_WORDS_AFTER = frozenset(
    ["avenue", "drive", "crescent", "terrace", "gardens", "grove", "close", "way", "road",
     "street", "lane", "square", "place", "boulevard", "parade", "walk", "row", "hill",
     "torg", "torget", "gata", "gatan", "väg", "vägen", "gränd", "allé", "plan"]
)  # fmt: skip
#: Words of an amount: "det är över tretusen", "runt tvåtusen".
_AMOUNT_WORDS = frozenset(
    ["över", "under", "runt", "kring", "cirka", "ca", "ungefär", "omkring", "nästan", "drygt",
     "knappt", "minst", "högst", "max", "mer", "mindre", "about", "around", "over", "under",
     "roughly", "nearly", "almost", "approximately", "less", "more"]
)  # fmt: skip


#: Endings of a street's name that no surname has: "Birger Jarlsgatan", "Drottningvägen".
_STREET_ENDINGS = (
    "gatan", "vägen", "gränd", "gränden", "allén", "torget", "platsen", "esplanaden",
    "promenaden", "leden", "slingan", "stråket",
)  # fmt: skip


#: An artwork of or by someone, or being their fan, right before the name: "the portrait
#: of Ada Lovelace", "a print of Hopper's", "Målningen av Ernst Josephson", "Tavlan med
#: Carl Larssons Brita", "a huge fan of Joni Mitchell", "Mormor lyssnar på Lars Winnerbäck".
_ART_OR_FAN_BEFORE = re.compile(
    r"(?:\b(?:painting|paintings|portrait|portraits|print|prints|poster|posters|sculpture"
    r"|statue|bust|drawing|etching|lithograph|photograph|canvas|artwork|exhibition|retrospective"
    r"|biography|statue)\s+(?:of|by)\s+(?:the\s+)?"
    r"|\b(?:målningen|målningarna|målning|tavlan|tavlorna|tavla|porträttet|porträtt|trycket"
    r"|tryck|affischen|affisch|posten|skulpturen|statyn|byst|bysten|litografin|litografi"
    r"|teckningen|utställningen|biografin|boken)\s+(?:av|med|om|föreställande)\s+"
    r"|\bfans?\s+(?:of|av)\s+|\blistens\s+to\s+"
    r"|\blyssnar\s+på\s+)$",
    re.IGNORECASE,
)
#: Naming a thing: "vi döpte båten till", "döpt till", "we renamed the boat to".
_THING_NAMED_TO = re.compile(
    r"\b(?:döpte|döpt|döpta|döpa|döper|döpts|omdöpt|omdöpte)\s+(?:(?:om\s+)?(?:den|det|"
    r"båten|bilen|hästen|katten|hunden|huset|stugan|ponnyn|kon|grisen|roboten|gräsklipparen|"
    r"robotgräsklipparen|dammsugaren|appen|wifit|nätverket|routern)\s+)?till\s+$"
    r"|\b(?:renamed|named|called|christened)\s+(?:the|our|my|his|her)\s+(?:boat|car|horse|"
    r"cat|dog|house|cottage|pony|robot|mower|hoover|router|wifi|network)\s+(?:to\s+)?$",
    re.IGNORECASE,
)
#: A named storm: "Storm Ciara", "stormen Gudrun", "orkanen Katrina", "hurricane Ian".
_STORM_BEFORE = re.compile(
    r"\b(?:storm|stormen|stormens|orkanen|orkan|ovädret|hurricane|typhoon|cyclone|tropical"
    r"\s+storm)\s+$",
    re.IGNORECASE,
)
#: Said to be someone's favourite: "Evert Taube är pappas favorit", "Van Morrison is my
#: dad's favourite".
_FAVOURITE_AFTER = re.compile(
    r"\s+(?:är|var|is|was|has\s+always\s+been|har\s+alltid\s+varit)\s+"
    r"(?:[\w'’]+\s+){0,2}(?:favorit|favoriter|favourite|favorite|idol|hero|hjälte)\b",
    re.IGNORECASE,
)


def _near_public_context(text: str, p: PersonalData, c: _Compiled) -> bool:
    """A public-life word (TV, a show, an episode, a film) in the same sentence, within a
    few words of the name, and no person of the call's (kin, "my") right before it."""
    start = max(0, p.start - 50)
    for brk in _SENTENCE_BREAK.finditer(text, start, p.start):
        start = brk.end()
    end = p.end + 50
    stop = _SENTENCE_BREAK.search(text, p.end, end)
    if stop:
        end = stop.start()
    if not c.broadcast_words.search(text, start, end):
        return False
    before = text[start : p.start].lower().split()
    return not any(w in c.relation_kin or w in _KIN_POSSESSIVES for w in before[-3:])


#: Between brands in a list: "Dr. Scholl and Birkenstock", "Bosch, Makita eller Hilti".
_BRAND_LIST_GAP = re.compile(r"(?:(?:[A-ZÅÄÖÉ][\w'’.&-]*|and|or|och|eller|&)[\s,]+)*$")
#: Tickets for a show: "tickets for Sara Bareilles", "biljetter till Håkan Hellström".
_TICKETS_FOR = re.compile(
    r"\b(?:tickets?|seats?|biljett(?:er|erna|en)?|platser)\s+(?:for|to|till|på)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A design, pattern, colour or shade named: "mönstret Lilla Lovisa", "the pattern is Little
#: Lucy", "in the colour Amelia", "färgen heter Ingrid": a product's name, not a person's.
_DESIGN_NAMED = re.compile(
    r"\b(?:pattern|patterns|designs|colour|color|colourway|colorway|shade|"
    r"motif|fabric|wallpaper|mönster|mönstret|mönstren|designen|färgen|färg|nyansen|"
    r"trycket|tyget|tapeten|kulören|modellen)"
    r"(?:\s+(?:is|was|are|called|named|är|var|heter|hette|kallas|är\s+döpt\s+till|"
    r"is\s+called|is\s+named|'s|’s))?[\s:,]+(?:(?:the|a|den|det)\s+)?$",
    re.IGNORECASE,
)
#: A sale or discount before "from"/"by": brands follow ("20% off everything from Drops and
#: Rowan", "the sale on products by", "rea på allt från").
_SALE_FROM = re.compile(
    r"\b(?:sale|sales|off|discount|discounts|deal|deals|offer|offers|rea|rean|rabatt|"
    r"erbjudande|kampanj)\b[^.!?]{0,40}?\b(?:from|by|från|av)\s+$",
    re.IGNORECASE,
)
#: A plural verb after one capitalised word: a firm in British English ("Sanderson do it
#: too", "Dunelm have them", "Boots are open"); a person takes "does"/"has"/"is".
_FIRM_PLURAL_VERB = re.compile(
    r"\s+(?:do|don['’]t|have|haven['’]t|sell|stock|make|were|are|aren['’]t)\s+"
    r"(?:it|them|those|these|that|this|one|ones|a|an|the|some|too|also|both|not|no|open|"
    r"closed|cheaper|better|on)\b"
)
#: "a pair of", "two pairs of", "ett par", "två par": shoes, boots and clothes follow.
_PAIR_OF = re.compile(
    r"\b(?:pairs?\s+of|(?:ett|två|tre|några|flera|mina|mitt|nya)\s+par)\s+"
    r"(?:(?:new|old|black|brown|my|the|nya|gamla|svarta|bruna)\s+)?$",
    re.IGNORECASE,
)
#: "it's a", "det är en", "I bought a": a maker's or designer's piece follows ("it's a monica
#: vinader", "det är en Carl Malmsten", "we ordered an Orla Kiely").
_MADE_BY_COPULA = re.compile(
    r"\b(?:it['’]s|it\s+is|its|that['’]s|that\s+is|this\s+is|it\s+was|they['’]re|"
    r"det\s+är|det\s+var|den\s+är|det\s+e|bought|ordered|got|wearing|köpte|beställde|"
    r"köpt|beställt|har\s+en|har\s+ett)\s+(?:a|an|en|ett)\s+$",
    re.IGNORECASE,
)
_TITLE_WORD = re.compile(
    r"(?:mr|mrs|ms|miss|mx|dr|doctor|sir|dame|lady|lord|herr|fru|fröken|doktor)\.?\s",
    re.IGNORECASE,
)
_PET_ITEM = re.compile(
    r"[\s,]+(?:(?:mr|mrs|miss|sir|lady|lord|herr|fru|fröken|little|big|lilla|stora)\.?\s+)?"
    r"(?P<w>[^\W\d_]{2,})",
    re.IGNORECASE,
)
_PET_LIST_JOIN = re.compile(r"\s*(?:,|\s(?:and|och|&)\b)", re.IGNORECASE)


def _pet_names(text: str, c: _Compiled) -> frozenset[str]:
    """The names given to animals in ``text`` ("katterna heter måns och doris", "the cats
    are Mr Whiskers and Luna"): every mention of them is the pet's, not a person's."""
    names: set[str] = set()
    for m in c.pet_naming.finditer(text):
        pos = m.end()
        for k in range(4):
            item = _PET_ITEM.match(text, pos)
            if item is None:
                break
            join = _PET_LIST_JOIN.match(text, item.end())
            # "the dog is Rex and Anna is my daughter": a later item must end the list
            if k and join is None and not re.match(r"\s*(?:$|[.;!?])", text[item.end() :]):
                break
            names.add(item.group("w").lower())
            if join is None:
                break
            pos = join.end()
    return frozenset(names)


def _thing_or_pet(text: str, p: PersonalData, c: _Compiled) -> bool:
    """A brand or product sold or fitted, a work and its maker, a show, an animal named
    earlier: no person in the call."""
    before = text[max(0, p.start - 80) : p.start]
    gap = _BRAND_LIST_GAP.search(before)
    if gap is not None and c.trade_before.search(before, 0, gap.start()) is not None:
        return True  # "We sell Dr. Scholl and Birkenstock", "vi monterar bara Kährs"
    name_end = p.end - 2 if p.text.endswith(("'s", "’s")) else p.end
    if c.work_after.match(text, name_end):
        return True  # "It's Sally Rooney's latest", "Camilla Läckbergs nya bok"
    if _TICKETS_FOR.search(before):
        return True  # "the tickets for Sara Bareilles"
    if gap is not None and _SALE_FROM.search(before, 0, gap.start()) is not None:
        return True  # "20% off everything from Drops and Rowan", "rea på allt från Lindex"
    if (
        c.lex.language == "en"
        and " " not in p.text.strip()
        and p.text[:1].isupper()
        and _FIRM_PLURAL_VERB.match(text, p.end)
        and not p.rule.rsplit(".", 1)[-1].startswith((*_NAME_INTRO_RULES, "role", "apposition"))
        and (not _AND_BEFORE.search(before) or re.search(r",\s*(?:and|&)\s+$", before))
        and not re.search(r"\b(?:and|&)\s+(?:I|me|we)\b", text[p.end : p.end + 12])
    ):
        return True  # "Sanderson do it too", "Dunelm have them": a firm, in British English
    if _DESIGN_NAMED.search(before):
        return True  # "mönstret Lilla Lovisa", "the pattern is Little Lucy", "colour: Emma"
    if _PAIR_OF.search(before):
        return True  # "a pair of Dr. Martens", "ett par Hanna Andersson": shoes, clothes
    words_in = _WORD.findall(p.text)
    nxt = _WORD.match(text, p.end + 1) if text[p.end : p.end + 1] == " " else None
    if (len(words_in) > 1 and words_in[-1].lower() in c.product_lines) or (
        nxt is not None and nxt.group().lower() in c.product_lines and nxt.group()[:1].isupper()
    ):
        return True  # "Arvid Nordquist Classic", "Sebastian Kaffe Original": a product line
    if _MADE_BY_COPULA.search(before) and (len(words_in) > 1 or text.islower()):
        return True  # "it's a monica vinader", "det är en Carl Malmsten": a maker's piece
    prev = re.search(r"([^\W\d_]+)\s+$", before)
    if (
        prev is not None
        and len(words_in) == 1
        and prev.group(1).lower() in c.first_names
        and _MADE_BY_COPULA.search(before, 0, prev.start())
    ):
        return True  # the surname of "it's a karen millen", found on its own
    if c.lex.language == "en" and not _TITLE_WORD.match(p.text):
        # "a Gibson Les Paul", "a Fender Jazz Bass": an article, a make, then the model
        # ("a Siobhan on the switchboard" is a person: no make between)
        art = re.search(r"(?<![\w'’-])(?:a|an)\s+(?:[A-Z][\w'’-]*\s+)+$", before)
        if art and p.text[:1].isupper() and not _TITLE_WORD.search(before, art.start()):
            return True
    pets = _pet_names(text, c) if c.pet_naming.search(text) else frozenset()
    if pets:
        words = [w.lower() for w in _WORD.findall(p.text.replace("’s", "").replace("'s", ""))]
        titles = {t.rstrip(".") for t in c.lex.names.titles}
        words = [w for w in words if w not in titles]
        if words and all(w in pets for w in words):
            return True  # "katterna heter måns och doris och måns behöver medicin"
    return False


#: Endings of nationalities, peoples and faiths ("Serbian", "Portuguese", "Scottish",
#: "Dutch", "Catholic", "Pakistani"): tested with a dictionary, never on a listed first name.
_DEMONYM_ENDINGS = ("ian", "ean", "can", "ese", "ish", "tch", "lic", "ani", "ari", "ali", "wegian")
#: A regnal number after a first name: a monarch, not a person in the call.
_REGNAL_AFTER = re.compile(
    r"\s+(?:(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3})(?::s|['’]s)?(?![\w'’-])"
    r"|(?:den\s+store|the\s+(?:great|first|second|third|fourth|fifth|sixth|seventh|eighth))\b)"
)
_REGNAL_LAST = re.compile(r"\s(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3})$")
#: "Mr Darcy is the horse", "Rosa och Viola är sorterna": the find is said to be an animal or
#: a thing (its noun in the pack's ``animal_nouns`` or ``thing_nouns``).
_NAME_IS_NOUN = re.compile(
    r"(?:\s+(?:and|och|&)\s+[^\W\d_]+)?(?:['’]s|\s+(?:is|was|are|were|är|var))\s+"
    r"(?:(?:the|a|an|our|my|their|his|her|vår|vårt|våra|min|mitt|mina|en|ett|de)\s+)?"
    r"(?P<noun>[^\W\d_]+)(?![\w'’-])",
    re.IGNORECASE,
)


#: "hon heter", "he's called": a pronoun named (a person's or an animal's name)
_PRONOUN_NAMED = re.compile(
    r"\b(?:hon|han|hen|den|she|he|it)(?:\s+|['’])(?:heter|hette|kallas|is\s+called|s\s+called"
    r"|was\s+called|is\s+named|s\s+named)\s+$",
    re.IGNORECASE,
)
_AND_BEFORE = re.compile(r"\b(?:and|och|&)\s+$", re.IGNORECASE)
_SENTENCE_START = re.compile(r".*(?:[.!?]\s|^)", re.DOTALL)


def _animal_topic(text: str, start: int, c: _Compiled) -> bool:
    """Is an animal, and no person, the topic of the sentence before ``start``?"""
    head = text[:start]
    m = _SENTENCE_START.match(head)
    words = [w.lower() for w in _TOKEN.findall(head[m.end() if m else 0 :])]
    return any(w in c.animal_nouns for w in words) and not any(
        w in c.role_apposition_lasts or w in c.relation_kin for w in words
    )


#: "Katten heter Sixten", "the sire is Jack", "the gelding's called Mr Darcy": animal words
#: are pack data (``names.animal_nouns``), compiled into ``_Compiled.pet_naming``.
_PET_VERBS = (
    r"(?:['’]s)?(?:\s+name)?(?:\s+(?:som|who|that)(?:['’]s)?)?\s+(?:heter|hette|kallas|is\s+called|was\s+called|called|named|"
    r"is\s+named|are\s+called|are\s+named|is|was|are|were|'s|’s|är|var)\b"
)


def _pet_before(text: str, start: int, c: _Compiled) -> bool:
    before = text[max(0, start - 80) : start].rstrip(" ,:")
    return any(m.end() == len(before) for m in c.pet_naming.finditer(before))


#: "ring stefan på 070…", "call steve on oh seven…": the person to ring at a number.
_CALL_AT = re.compile(
    r"\b(?:call|ring|text|phone|ringa|ring|sms:a|messa)\s+(?:(?:me|mig|mej)\s*,?\s+)?"
    r"([^\W\d_]{2,}),?\s+(?:on|at|på)\s+"
    r"(?=[+\d]|(?:oh|zero|double|plus|noll|nolla|dubbel|plus|one|two|three|four|five|six|seven|"
    r"eight|nine|ett|två|tre|fyra|fem|sex|sju|åtta|nio|sjuttio|zero)\b)",
    re.IGNORECASE,
)
#: "ring moussa diallo på 031 …": a first name and a surname before the number to ring.
_CALL_AT_FULL = re.compile(
    r"\b(?:call|ring|text|phone|ringa|ring|sms:a|messa)\s+(?P<f>[^\W\d_]{2,})\s+"
    r"(?P<l>[^\W\d_]{2,}(?:-[^\W\d_]{2,})?)\s+(?:on|at|på)\s+"
    r"(?=[+\d]|(?:oh|zero|double|plus|noll|nolla|dubbel|one|two|three|four|five|six|seven|"
    r"eight|nine|ett|två|tre|fyra|fem|sex|sju|åtta|nio|sjuttio)\b)",
    re.IGNORECASE,
)
#: A person who will ring or write back: "att Bäckström skulle ringa mig", "Okafor will call
#: you back", "Dr Ncube is going to email me".
_WILL_CALL = {
    "sv": re.compile(
        rf"(?<![\w-])(?P<n>{_CAP}(?:\s{_CAP})?)\s+(?:skulle|ska|skall|kommer\s+att|lovade\s+att)"
        r"\s+(?:(?:ringa|mejla|maila|messa|sms:a|kontakta|höra\s+av\s+sig)(?:\s+upp)?\s+"
        r"(?:mig|mej|dig|oss|er|tillbaka|till\s+mig)|höra\s+av\s+sig|återkomma|komma\s+tillbaka"
        r"\s+till\s+(?:mig|mej|dig|oss|er))\b"
    ),
    "en": re.compile(
        rf"(?<![\w-])(?P<n>{_CAP}(?:\s{_CAP})?)\s+(?:will|would|should|is\s+going\s+to|"
        r"was\s+going\s+to|promised\s+to|['’]ll|['’]d)\s+(?:(?:call|ring|phone|email|e-mail|"
        r"text|contact|get\s+back\s+to)\s+(?:me|you|us|him|her|them|back)\b"
        r"|(?:be|get)\s+in\s+touch\b)"
    ),
}
_CALL_AT_ADVERBS = frozenset(
    ["direkt", "istället", "hellre", "gärna", "senare", "hemma", "tillbaka", "igen", "helst",
     "alltid", "också", "bara", "ikväll", "imorgon", "idag", "instead", "later", "back",
     "again", "directly", "tomorrow", "today", "tonight", "anytime", "first", "now"]
)  # fmt: skip
#: A person and their post: "next door", "on the till", "at the foot clinic", "på
#: nedervåningen", "i kassan", "i verkstaden"; after a word that takes a person.
_POST_EN = (
    r"next\s+door|upstairs|downstairs|across\s+the\s+(?:road|street|hall|landing)|"
    r"(?:on|at|behind|in|from)\s+the\s+(?:till|tills|desk|front\s+desk|counter|reception|"
    r"switchboard|checkout|workshop|[a-z]+\s+clinic|clinic|surgery|helpdesk|help\s+desk|"
    r"service\s+desk|[a-z]+\s+desk|front|door|gate|phones)"
)
_POST_SV = (
    r"(?:på|i)\s+(?:nedervåningen|övervåningen|bottenvåningen|våningen\s+(?:under|över)|"
    r"kassan|disken|receptionen|växeln|verkstaden|expeditionen|mottagningen|kliniken|"
    r"lägenheten\s+(?:bredvid|under|över|mittemot)|huset\s+bredvid|trappuppgången)|"
    r"bredvid|mittemot|intill|i\s+grannhuset"
)
_PERSON_AT_POST = {
    "en": re.compile(
        r"\b(?P<v>to|with|from|by|seeing|seen|saw|see|ask|asked|tell|told|thank|thanked|thanks|"
        r"lent|gave|give|showed|met|meet|called|rang|phoned|emailed|and)\s+"
        r"(?P<n>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s+"
        rf"(?={_POST_EN}\b)",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"\b(?P<v>till|med|hos|av|från|åt|träffade|träffat|frågade|fråga|tacka|tackade|såg|"
        r"ringde|mejlade|lånade|gav|och)\s+"
        r"(?P<n>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?)\s+"
        rf"(?=(?:{_POST_SV})\b)",
        re.IGNORECASE,
    ),
}


#: Round 21: one capitalised word at their post, then a speech verb: "Raili i disken sa",
#: "Dot on the counter said": the one who spoke is a person.
_POST_SAID = {
    "en": re.compile(
        rf"(?:^|[,;]\s*|\b(?:and|but|then|so)\s+)(?P<n>{_CAP})\s+(?:{_POST_EN})\s+"
        r"(?:said|says|told|tells|explained|promised|reckoned|thought|mentioned|suggested|"
        r"asked|advised)\b"
    ),
    "sv": re.compile(
        rf"(?:^|[,;]\s*|\b(?:och|men|sen|så)\s+)(?P<n>{_CAP})\s+(?:{_POST_SV})\s+"
        r"(?:sa|sade|säger|berättade|lovade|tyckte|trodde|nämnde|förklarade|föreslog|"
        r"frågade|rådde)\b"
    ),
}
#: Words before a firm as often as before a person: "to Boots", "hos Biltema", "from Argos".
_PLACE_TAKING = frozenset(["to", "from", "and", "till", "hos", "från", "och", "åt"])


def _person_at_post(text: str, m: re.Match[str], lang: str, c: _Compiled) -> tuple[int, int] | None:
    """The name in a person-at-their-post frame: a listed first name (a common-word one
    too: "robin on the till"), then maybe a surname; in written text also a capitalised
    word that is no firm, place or dictionary word ("Fitzgerald", "Zoltán")."""
    words = list(_TOKEN.finditer(m.group("n")))
    if not words:
        return None
    lows = [w.group().lower() for w in words]
    folded = [_fold_accents(w) for w in lows]
    if any(
        w in c.org_words or w in c.place_names or w in c.number_words or w in c.business_tails
        for w in folded
    ):
        return None
    if lows[0] in _ARTICLES or lows[0] in _POSSESSIVES or lows[0] in c.name_cue_kind:
        return None  # "to the guy next door", "to my neighbour next door"
    first = words[0].group()
    start = m.start("n")
    written = not text.islower()
    known = folded[0] in c.first_names or lows[0] in c.first_names
    cap_ok = (
        written
        and m.group("v").lower() not in _PLACE_TAKING
        and _is_cap(first)
        and not _sentence_initial(text, start)
        and (folded[0] in c.surnames or lang == "sv" or not _ordinary_word(first, lang))
    )
    if lows[0] in c.not_names and lows[0] not in c.homograph_names:
        return None
    if not (known or lows[0] in c.homograph_names or cap_ok):
        return None
    if written and not _is_cap(first):
        return None
    end = start + words[0].end()
    if len(words) > 1:
        second, low2 = words[1].group(), lows[1]
        if (
            low2 not in c.not_names
            and low2 not in c.number_words
            and (
                (written and _is_cap(second))
                or (not written and (low2 in c.surnames or _surname_like(second, c)))
            )
        ):
            end = start + words[1].end()
        else:
            return None  # "to kwame yesterday next door": not a name before the post
    return start, end


#: "björn från flyttfirman sa att", "Gareth from your install team said": a person's word.
_FROM_SAID = re.compile(
    r"\b([^\W\d_]{2,})\s+(?:from|at|with|från|på|hos)\s+(?:the\s+|your\s+|our\s+|er\s+)?"
    r"[^\W\d_]+(?:\s+team)?\s+(?:said|told|rang|called|promised|came|emailed|sa|sade|ringde|"
    r"lovade|kom|mejlade|skrev)\b",
    re.IGNORECASE,
)
#: "registered to me, Nguyen Thi Lan.", "det är jag, Li Wei Chen.": the speaker, by name.
_ME_COMMA = re.compile(r"\b(?:me|myself|mig|jag)\s*,\s+(?=[^\W\d_])", re.IGNORECASE)
#: "jag som äger henne heter Li Wei Chen": a person's name after a bare "heter".
_HETER_PERSON = frozenset(["jag", "hon", "han", "hen", "du", "ni", "vi", "de", "dom", "som"])
_HETER = re.compile(r"\b(?:heter|hette)\s+(?=[^\W\d_])", re.IGNORECASE)


def _cap_run(text: str, tokens: list[re.Match[str]], i: int, c: _Compiled) -> int:
    """The number of capitalised, space-separated words from token ``i`` (at most 4)."""
    j = i
    while (
        j < len(tokens)
        and j - i < 4
        and _is_cap(tokens[j].group())
        and tokens[j].group().lower() not in c.not_names
        and (j == i or text[tokens[j - 1].end() : tokens[j].start()] == " ")
    ):
        j += 1
    return j - i


def _more_names(
    text: str, lang: str, tokens: list[re.Match[str]], lows: list[str], c: _Compiled
) -> list[PersonalData]:
    out: list[PersonalData] = []
    starts = {t.start(): k for k, t in enumerate(tokens)}
    for m in _CALL_AT.finditer(text):
        low = m.group(1).lower()
        if low in c.not_names and low not in c.homograph_names:
            continue
        if low in _CALL_AT_ADVERBS or low in ("me", "mig", "mej", "us", "oss", "them", "dem"):
            continue  # "ring me back on", "call me anytime on": no name
        if low in c.number_words or low in c.org_words or low in c.place_names:
            continue
        if not (low in c.first_names or low in c.homograph_names or _is_cap(m.group(1))):
            continue  # "ring joy on oh seven ...": a common-word name before the number
        out.append(_hit(lang, "name", "call_at_number", m.start(1), m.end(1), text, 0.7))
    for m in _WILL_CALL[lang].finditer(text):
        # "hon lovade att Bäckström skulle ringa mig", "Okafor will call you back"
        words = m.group("n").split()
        lows_n = [w.lower() for w in words]
        if any(
            w in c.not_names or w in c.org_words or w in c.place_names or w in c.business_tails
            for w in lows_n
        ):
            continue
        if not all(
            w in c.first_names
            or _surname_like(orig, c)
            or (lang == "en" and not _ordinary_word(w, lang))
            for w, orig in zip(lows_n, words, strict=True)
        ):
            continue
        out.append(_hit(lang, "name", "will_call", m.start("n"), m.end("n"), text, 0.7))
    for m in _CALL_AT_FULL.finditer(text):
        # "ring moussa diallo på 031 …", "call adebayo ogunleye on 029 …": first name, surname
        first, last = m.group("f").lower(), m.group("l").lower()
        if first not in c.first_names or first in c.not_names or first in c.homograph_names:
            continue
        if (
            (last in c.not_names and last not in c.surnames)
            or last in c.number_words
            or last in _CALL_AT_ADVERBS
            or last in c.org_words
            or (lang == "en" and _ordinary_word(last, lang) and last not in c.surnames)
        ):
            continue
        out.append(_hit(lang, "name", "call_at_number", m.start("f"), m.end("l"), text, 0.7))
    for m in _PERSON_AT_POST[lang].finditer(text):
        # "lent it to kwame next door", "hos Zoltán i verkstaden", "robin on the till"
        found = _person_at_post(text, m, lang, c)
        if found:
            out.append(_hit(lang, "name", "person_at_post", found[0], found[1], text, 0.7))
    for m in _POST_SAID[lang].finditer(text):
        # "Raili i disken sa att", "and Dot on the counter said to ring" (round 21)
        low = m.group("n").lower()
        folded = _fold_accents(low)
        if (
            folded in c.org_words
            or folded in c.place_names
            or low in c.not_names
            or low in c.business_tails
            or _business_word(low, c)
            or low in c.lex.cues.business_desks
            or (_sentence_initial(text, m.start("n")) and low not in c.first_names)
        ):
            continue
        out.append(_hit(lang, "name", "person_at_post_said", m.start("n"), m.end("n"), text, 0.7))
    for m in _FROM_SAID.finditer(text):
        low = m.group(1).lower()
        if not (low in c.first_names or low in c.homograph_names or low == "björn"):
            continue
        i = starts.get(m.start(1))
        if i and lows[i - 1] in _DETERMINERS:
            continue
        out.append(_hit(lang, "name", "from_said", m.start(1), m.end(1), text, 0.7))
    for rx, rule in ((_ME_COMMA, "me_comma"), (_HETER, "heter")):
        for m in rx.finditer(text):
            i = starts.get(m.end())
            if i is None:
                continue
            if (
                rule == "heter"
                and _HETER_PERSON.isdisjoint(lows[max(0, i - 12) : i - 1])
                and lows[max(0, i - 2)] not in c.person_nouns
            ):
                continue  # "Routern heter Technicolor": a thing's name
            n = _cap_run(text, tokens, i, c)
            if n == 0:
                if rule == "heter" and text.islower() and lows[i] in c.first_names:
                    n = 1
                else:
                    continue
            words = lows[i : i + n]
            if any(w in c.org_words or w in c.business_tails or w in c.place_names for w in words):
                continue
            if n == 1 and words[0] not in c.first_names:
                continue
            end = tokens[i + n - 1].end()
            if rule == "me_comma" and not re.match(r"\s*(?:[,.!?]|$)", text[end:]):
                continue
            out.append(_hit(lang, "name", rule, tokens[i].start(), end, text, 0.7))
    if c.role_comma is not None:
        # "I'm the patient, Daniel Whitaker", "kontoinnehavaren, Mary Lund"
        for m in c.role_comma.finditer(text):
            i = starts.get(m.end())
            if i is None:
                continue
            found = _lower_full_name(text, tokens, lows, i, c) if text.islower() else None
            if found is None and not text.islower():
                n = min(_cap_run(text, tokens, i, c), 3)
                words = lows[i : i + n]
                if n >= 2 and not any(
                    w in c.org_words or w in c.business_tails or w in c.place_names for w in words
                ):
                    found = (tokens[i].start(), tokens[i + n - 1].end())
            if found:
                out.append(_hit(lang, "name", "role_comma", found[0], found[1], text, 0.7))
    out.extend(_apposition_names(text, lang, tokens, lows, starts, c))
    out.extend(_property_owners(text, lang, c))
    out.extend(_cleft_word_names(text, lang, c))
    # "Gareth Pritchard again, ...", "hiya dave here": a name opening the turn
    i = 0
    while i < min(3, len(tokens) - 1) and lows[i] in _TURN_OPENERS:
        i += 1  # "um maricel bautista here", "öh ja hej ..."
    if i < len(tokens):
        if text.islower():
            found = _lower_full_name(text, tokens, lows, i, c)
            if found is None and lows[i] in c.first_names and lows[i] not in c.not_names:
                found = (tokens[i].start(), tokens[i].end())
        else:
            n = min(_cap_run(text, tokens, i, c), 3)
            found = None
            if n >= 2 or (n == 1 and lows[i] in c.first_names):
                found = (tokens[i].start(), tokens[i + n - 1].end())
        if found:
            j = _token_after(tokens, found[1])
            words = lows[i:j]
            if (
                j < len(tokens)
                and lows[j] in _TURN_NAME_AFTER
                and not text[found[1] : tokens[j].start()].strip()
                and not any(
                    w in c.org_words
                    or w in c.business_tails
                    or w in c.place_names
                    or w in c.name_cue_kind
                    or w in c.number_cue_kind
                    or "'" in w
                    or "’" in w
                    for w in words
                )
            ):
                out.append(_hit(lang, "name", "turn_opening", found[0], found[1], text, 0.7))
    # "Harriet Bromley-Davies, that's Bromley hyphen Davies": the surname said again
    if "-" in text:
        for m in _SPOKEN_HYPHEN.finditer(text):
            joined = f"{m.group(1)}-{m.group(2)}".lower()
            if re.search(rf"(?<![\w-]){re.escape(joined)}(?![\w-])", text[: m.start()].lower()):
                out.append(_hit(lang, "name", "spoken_hyphen", m.start(), m.end(), text, 0.75))
    return out


#: "gunnar min pappa", "bill my dad": the possessive before kin after a name.
_KIN_POSSESSIVES = frozenset(["my", "our", "min", "mitt", "vår", "vårt"])
#: Words before a common-word name that kin follows: "calling for bill my dad".
_FOR_WORDS = frozenset(["for", "to", "with", "about", "för", "till", "med", "om", "åt"])
#: "Sven-Olof Ahlgren och jag", "me and Priya": the speaker and someone named.
_ME_WORDS = frozenset(["jag", "i", "me", "myself", "mig"])
_AND_WORDS = frozenset(["och", "and"])
_NAME_MASK = re.compile(r"\[NAME\]")
_AND_ME = re.compile(r"\s+(?:och|and|&)\s+(?:jag|i|me|myself|mig)(?![\w'’-])", re.IGNORECASE)


def _names_run(
    text: str, tokens: list[re.Match[str]], lows: list[str], i: int, c: _Compiled
) -> int:
    """The number of words of a name that starts at token ``i`` with no cue word to vouch for
    it: a known first name and capitalised words whose last is surname-like ("Noah
    Berisha", "Per Olov Sandqvist"), or in lower-case text a first name and a surname."""
    if c.not_name_phrases.match(text, tokens[i].start()):
        return 0  # "Jack Daniels", "Rose Gold"
    if text.islower():
        found = _lower_full_name(text, tokens, lows, i, c)
        return _token_after(tokens, found[1]) - i if found else 0
    n = min(_cap_run(text, tokens, i, c), 4)
    while n and lows[i + n - 1] in c.org_words | c.business_tails:
        n -= 1
    words = lows[i : i + n]
    if n < 2 or any(w in c.place_names or w in c.org_words for w in words):
        return 0
    if words[0] in c.first_names or _surname_like(tokens[i + n - 1].group(), c):
        return n
    return 0


def _apposition_names(
    text: str,
    lang: str,
    tokens: list[re.Match[str]],
    lows: list[str],
    starts: dict[int, int],
    c: _Compiled,
) -> list[PersonalData]:
    out: list[PersonalData] = []
    roles = not c.role_apposition_lasts.isdisjoint(lows)
    kin = not c.relation_kin.isdisjoint(lows)
    with_me = not _ME_WORDS.isdisjoint(lows) and (not _AND_WORDS.isdisjoint(lows) or "&" in text)
    if not (roles or kin or with_me or "[NAME]" in text):
        return out
    # "Kunden Per Olov Sandqvist vill ...", "elev Noah Berisha", "pupil Aarav Shah",
    # "tränaren emir hodžić", "hennes fästman johan": a role or kin word, then the name
    for k, low in enumerate(lows) if roles else ():
        if low not in c.role_apposition_lasts:
            continue
        size = 2 if k and (lows[k - 1], low) in c.role_apposition else 1
        if size == 1 and (low,) not in c.role_apposition:
            continue
        k -= size - 1
        i = k + size
        if i >= len(tokens) or text[tokens[i - 1].end() : tokens[i].start()] != " ":
            continue
        if size == 2 and text[tokens[k].end() : tokens[k + 1].start()] != " ":
            continue
        if tokens[k].group()[:1].isupper() and not _sentence_initial(text, tokens[k].start()):
            continue  # "Student Finance England": a capitalised role word names a body
        if not tokens[i].group()[:1].isalpha():
            continue
        n = _names_run(text, tokens, lows, i, c)
        if (
            n == 0
            and lows[i] in c.hand_first_names
            and lows[i] not in c.not_names
            and lows[i] not in c.homograph_names
            and (_is_cap(tokens[i].group()) or text.islower())
            and _clause_or_pronoun_after(text, tokens, lows, i)
        ):
            n = 1  # "jag är hennes fästman johan", "elev Noah."
        if (
            n == 0
            and i + 1 < len(tokens)
            and lows[i + 1] in _SAID_VERBS
            and text[tokens[i].end() : tokens[i + 1].start()] == " "
            and len(lows[i]) > 2
            and lows[i] not in c.not_names
            and lows[i] not in _CALL_AT_ADVERBS
            and lows[i] not in _NOT_SAID_NAMES
            and (
                lows[i] in c.first_names
                or lows[i] in c.word_names
                or not _ordinary_word(lows[i], lang)
                or (lang == "en" and len(lows[i]) <= 4)
                or lang == "sv"  # no Swedish dictionary here: the frame decides
            )
            and (_is_cap(tokens[i].group()) or text.islower())
        ):
            n = 1  # "ljudteknikern sebbe sa", "the engineer seb said": a role and a name
        if n:
            end = tokens[i + n - 1].end()
            out.append(_hit(lang, "name", "role_apposition", tokens[i].start(), end, text, 0.7))
    # "ringer för gunnar min pappa", "calling for bill my dad": kin right after the name
    kin_at = [k for k, w in enumerate(lows) if w in c.relation_kin] if kin else []
    for k in (k - 1 for k in kin_at if k >= 2):
        if lows[k] not in _KIN_POSSESSIVES:
            continue
        j = k - 1
        if not text[tokens[j].end() : tokens[k].start()].isspace():
            continue
        low = lows[j]
        if j and lows[j - 1] in _DETERMINERS:
            continue
        if low in c.homograph_names:
            if low in _MODALS or not (j and lows[j - 1] in _FOR_WORDS):
                continue
        elif low not in c.first_names or low in c.not_names:
            continue
        out.append(
            _hit(lang, "name", "relation_after", tokens[j].start(), tokens[j].end(), text, 0.7)
        )
    # "chioma [NAME]": a first name right before a name already masked is part of it
    if "[NAME]" in text:
        for m in _NAME_MASK.finditer(text):
            j = _token_after(tokens, m.start()) - 1
            if j < 0 or not text[tokens[j].end() : m.start()].isspace():
                continue
            if (
                lows[j] in c.first_names
                and lows[j] not in c.not_names
                and lows[j] not in c.kin_names
                and not (j and lows[j - 1] in _POSSESSIVES)
            ):
                out.append(
                    _hit(lang, "name", "before_mask", tokens[j].start(), tokens[j].end(), text, 0.7)
                )
    # "i'm bilal's mum", "jag är bilals mamma": a first name in the genitive before kin
    for k in (k - 1 for k in kin_at if k >= 1):
        if text[tokens[k].end() : tokens[k + 1].start()] != " ":
            continue
        low = lows[k]
        stem = _POSSESSIVE.sub("", low) if lang == "en" else (low[:-1] if low.endswith("s") else "")
        if (
            stem != low
            and len(stem) > 1
            and stem in c.first_names
            and stem not in c.not_names
            and low not in c.not_names
            and stem not in c.homograph_names
            and not (k and lows[k - 1] in _DETERMINERS)
        ):
            out.append(
                _hit(lang, "name", "genitive_kin", tokens[k].start(), tokens[k].end(), text, 0.7)
            )
    # "sven-olof ahlgren och jag var där", "Priya Nair and I booked": with the speaker
    for m in _AND_ME.finditer(text) if with_me else ():
        j = _token_after(tokens, m.start()) - 1
        if j < 0 or tokens[j].end() != m.start():
            continue
        found = None
        for i in (j - 2, j - 1):
            if i >= 0 and _names_run(text, tokens, lows, i, c) == j - i + 1:
                found = i
                break
        if found is None and (
            lows[j] in c.hand_first_names
            and lows[j] not in c.not_names
            and (_is_cap(tokens[j].group()) or text.islower())
        ):
            found = j
        if found is not None and not (found and lows[found - 1] in _DETERMINERS):
            out.append(
                _hit(lang, "name", "and_me", tokens[found].start(), tokens[j].end(), text, 0.7)
            )
    return out


#: A full name in the genitive before a piece of property: "Bengt Ivarssons tomt",
#: "Brian Ives's garden", "mot Sune Lövgrens staket".
_PROPERTY_OWNER = re.compile(
    r"(?<![\w'’-])(?P<f>[A-ZÅÄÖ][a-zåäöéü]+)\s+(?P<l>[A-ZÅÄÖ][\w-]+?)(?:s|['’]s|['’])\s+"
    r"(?:(?:gamla|nya|old|new|front|back)\s+)?"
    r"(?:tomt|tomten|trädgård|trädgården|hus|huset|garage|garaget|staket|staketet|mark|marken|"
    r"fastighet|fastigheten|häck|häcken|uppfart|uppfarten|träd|mur|muren|altan|altanen|"
    r"förråd|förrådet|ladugård|ladugården|bod|boden|villa|villan|lägenhet|lägenheten|gård|"
    r"gården|garden|fence|house|property|land|driveway|hedge|tree|trees|wall|shed|"
    r"extension|garage|flat|cottage|farm|field|yard|drive|roof|conservatory|patio|barn)"
    r"(?![\w'’-])"
)


def _property_owners(text: str, lang: str, c: _Compiled) -> list[PersonalData]:
    """Round 19: a neighbour named by their property ("Gränsen mot Bengt Ivarssons tomt",
    "The boundary with Brian Ives's garden"): a known first name and a capitalised surname."""
    if text.islower():
        return []
    out = []
    for m in _PROPERTY_OWNER.finditer(text):
        first, last = m.group("f").lower(), m.group("l").lower()
        if (
            first in c.first_names
            and first not in c.not_names
            and last not in c.not_names
            and not _business_word(last, c)
            and last not in c.place_names
        ):
            out.append(_hit(lang, "name", "property_owner", m.start("f"), m.end("l"), text, 0.7))
    return out


#: The speaker's name in a cleft in ASR text: "it's dale i booked the studio", "det är
#: storm jag bokade", "det är lärka förresten".
_CLEFT_NAME = re.compile(
    r"(?:^|[.,!?]\s*|\b(?:yeah|yes|hi|hello|hiya|alright|ja|hej|hallå|jo|okej|ok|so|så)\s+)"
    r"(?:it['’]s|it\s+is|this\s+is|det\s+är|det\s+e|här\s+är)\s+(?P<n>[a-zåäöé]+)\s+"
    r"(?:i|jag)\s+(?P<v>[a-zåäö]+)\b"
    r"|\b(?:it['’]s|this\s+is|det\s+är|det\s+e)\s+(?P<n2>[a-zåäöé]+)\s+"
    r"(?:förresten|by\s+the\s+way|btw)\s*(?:[.!?]|$)"
)
_CLEFT_VERBS = frozenset(
    ["booked", "hired", "rang", "called", "phoned", "paid", "bought", "ordered", "emailed",
     "spoke", "sent", "rented", "wrote", "left", "dropped", "brought", "signed", "applied",
     "bokade", "hyrde", "ringde", "betalade", "köpte", "beställde", "mejlade", "pratade",
     "skickade", "skrev", "lämnade", "anmälde", "sökte", "hämtade", "sålde", "sold"]
)  # fmt: skip


#: Verbs that take no object: "it's heath i rang yesterday" (round 20).
_CLEFT_INTRANSITIVE = frozenset(
    ["rang", "called", "phoned", "emailed", "spoke", "wrote", "ringde", "mejlade", "pratade",
     "skrev"]
)  # fmt: skip
#: Words after the verb that leave the cleft's word as its object: "det är sten jag köpte
#: till trädgården", "it's oak i ordered for the floor".
_CLEFT_OBJECT_GAP = frozenset(
    ["till", "för", "åt", "från", "i", "på", "igår", "förra", "sist", "to", "for", "from",
     "in", "on", "at", "yesterday", "last", "online", "and", "och", "but", "men", "it", "det",
     "den", "them", "dem", "twice", "två", "two"]
)  # fmt: skip


def _cleft_word_names(text: str, lang: str, c: _Compiled) -> list[PersonalData]:
    """Round 19: a name that is also a word ("dale", "storm") opening a cleft with the
    speaker as subject and a past verb of the call's business, or closed by "förresten"."""
    if not text.islower():
        return []
    out = []
    for m in _CLEFT_NAME.finditer(text):
        g = "n" if m.group("n") is not None else "n2"
        low = m.group(g)
        if g == "n" and m.group("v") not in _CLEFT_VERBS:
            continue
        nxt = re.compile(r"\s+([^\W\d_]+)").match(text, m.end("v")) if g == "n" else None
        if g == "n" and (
            nxt is None
            or (
                nxt.group(1).lower() in _CLEFT_OBJECT_GAP
                and m.group("v") not in _CLEFT_INTRANSITIVE
            )
        ):
            continue  # "det är sten jag köpte till trädgården": the word is the object
        if low in c.not_names or low in c.kin_names or low in _AMOUNT_WORDS:
            continue
        if not (low in c.first_names or low in c.word_names or low in c.homograph_names):
            continue
        out.append(_hit(lang, "name", "cleft_word_name", m.start(g), m.end(g), text, 0.7))
    return out


#: Verbs of saying and recommending after a role and a name: "the engineer seb said".
_SAID_VERBS = frozenset(
    ["sa", "sade", "säger", "lovade", "tyckte", "rekommenderade", "tipsade", "ringde",
     "mejlade", "said", "says", "told", "tells", "promised", "recommended", "suggested",
     "rang", "called", "emailed", "reckons", "reckoned", "thinks", "thought"]
)  # fmt: skip
#: Words between a role and "said" that are no name: "the engineer then said".
_NOT_SAID_NAMES = frozenset(
    ["själv", "själva", "också", "även", "sen", "sedan", "då", "redan", "igen", "bara",
     "faktiskt", "alltså", "dock", "ju", "nog", "däremot", "senare", "först", "direkt", "nyss",
     "precis", "ändå", "där", "här", "som", "han", "hon", "then", "also", "just", "too", "here",
     "there", "who", "that", "guy", "man", "lady", "bloke", "chap", "girl", "lad", "team",
     "today", "again", "once", "even", "only", "ever", "never", "has", "had", "was", "is",
     "will", "she", "he", "they", "we", "what", "said", "once", "both", "all", "last", "next",
     "new", "old", "one", "two", "who's", "i", "you", "it", "and", "but", "so", "lady's"]
)  # fmt: skip
#: Greetings and fillers before a name that opens a turn: "hiya dave here", "um maricel ...".
_TURN_OPENERS = _GREETINGS | frozenset(
    ["hiya", "yeah", "yes", "ja", "jo", "hi", "hello", "um", "uh", "er", "erm", "umm", "öh",
     "eh", "äh", "ehm", "oh", "so", "right", "okay", "ok", "well"]
)  # fmt: skip
#: Words after a name that opens a turn: "Gareth Pritchard again", "dave here".
_TURN_NAME_AFTER = frozenset(["again", "here", "speaking", "här", "igen"])
#: "Bromley hyphen Davies", "Lind bindestreck Ek": a hyphenated word said aloud.
_SPOKEN_HYPHEN = re.compile(
    r"(?<![\w-])([^\W\d_]{2,})\s+(?:hyphen|dash|bindestreck|streck)\s+([^\W\d_]{2,})(?![\w-])",
    re.IGNORECASE,
)


#: "Bill Hargreaves is my accountant", "Ayla Demir är min dotter": a person, said of a relation.
_RELATION_AFTER = re.compile(
    r",?\s+(?:is|was|'s|är|var)\s+(?:my|our|min|mitt|vår)\s+[^\W\d_]+(?![\w'’])", re.IGNORECASE
)


# ---------------------------------------------------------------- all together


def _spelling_hint(lows: list[str], links: frozenset[str]) -> bool:
    """A letter, a link word and a word with that letter: "b as in bravo", "a som i adam"."""
    return any(
        len(lows[k]) == 1
        and lows[k + 1] in links
        and any(len(w) > 1 and w[0] == lows[k] for w in lows[k + 2 : k + 4])
        for k in range(len(lows) - 2)
    )


def _triggered(text: str, c: _Compiled) -> tuple[bool, bool, bool, bool]:
    """Cheap pre-tests: can there be (numbers, a spoken e-mail, names, spelling) in this text?"""
    tokens = _TOKEN.findall(text)
    lows = [w.lower() for w in tokens]
    words = set(lows)
    spelled = (
        "-" in text
        or (not words.isdisjoint(c.spelling_words) and _spelling_hint(lows, c.spelling_words))
        or sum(len(w) == 1 for w in lows) >= 4
    )
    numbers = (
        _DIGIT.search(text) is not None
        or bool(words & c.rare_number_words)
        or bool(words & c.house_words)
        or (
            # "norra vägen sex": a common number word after a street word
            not words.isdisjoint(_COMMON_NUMBER_WORDS)
            and any(w.endswith(c.street_endings) for w in words)
        )
    )
    email = "@" in text or bool(words & _DOT_WORDS)
    names = (
        bool(words & c.triggers)
        or any(w[:1].isupper() and w.lower() not in c.not_names for w in tokens[1:])
        # "sven-olof ahlgren": a double first name starts with a known one
        or ("-" in text and any(w.split("-")[0] in c.triggers for w in words if "-" in w))
        # "bilals mamma", "bilal's mum": a first name in the genitive
        or any(w[:-1] in c.triggers or w[:-2] in c.triggers for w in words if w.endswith("s"))
    )
    return numbers, email, names, spelled


def _resolve(found: list[PersonalData], text: str) -> list[PersonalData]:
    """Sorted, non-overlapping spans: overlapping finds merge into one, of the best find's kind.

    Merging (rather than dropping the weaker find) keeps redaction idempotent: every
    character any recogniser wanted masked is masked.
    """
    masks = [(m.start(), m.end()) for m in _MASK_TOKEN.finditer(text)]
    spans = sorted(
        (
            p
            for p in found
            if p.end > p.start and not any(p.start < e and s < p.end for s, e in masks)
        ),
        key=lambda p: (p.start, -p.end),
    )
    out: list[PersonalData] = []
    cluster: list[PersonalData] = []

    def close() -> None:
        if not cluster:
            return
        best = max(cluster, key=lambda p: (p.confidence, p.end - p.start))
        start, end = cluster[0].start, max(p.end for p in cluster)
        if (start, end) != (best.start, best.end):
            best = best.model_copy(update={"start": start, "end": end, "text": text[start:end]})
        out.append(best)

    for p in spans:
        if cluster and p.start >= max(q.end for q in cluster):
            close()
            cluster = []
        cluster.append(p)
    close()
    return out


#: A UK sort code and account number written together: "40-11-62 31926819".
_SORT_CODE_ACCOUNT = re.compile(r"(?<![\d-])\d{2}-\d{2}-\d{2}[\s,/]+\d{8}(?![\d-])")


def find(text: str, lang: str) -> list[PersonalData]:
    """All personal data in ``text``: sorted, non-overlapping, offsets into ``text``.

    The rules' finds (:func:`find_rules`), with the names the trained name model
    (:mod:`verbalkit.privacy.name_model`, rule id ``name.model``) adds where the rules found
    nothing; the rules alone when ``models/{lang}/names_model.json`` is missing.
    """
    from verbalkit.privacy.name_model import add_model_names, load_model

    found = find_rules(text, lang)
    if load_model(lang) is None:
        return _drop_third_party_finds(text, found, lang)
    new = add_model_names(text, lang, found)
    # as in find_rules: what a look at the text with the finds masked would add is added now
    for _ in range(3):
        if new == found:
            break
        found = new
        masked, back = _with_masks(text, found)
        more = [
            p.model_copy(
                update={
                    "start": back[p.start],
                    "end": back[p.end],
                    "text": text[back[p.start] : back[p.end]],
                }
            )
            for p in add_model_names(masked, lang, find_rules(masked, lang))
        ]
        if not more:
            break
        new = _resolve(found + more, text)
    return _drop_third_party_finds(text, new, lang)


def not_a_person(text: str, p: PersonalData, lang: str) -> bool:
    """Is a name found by the name model a pet, a thing, a namesake, an organisation or a
    public figure? The rules' own tests of their name finds, and any public context (a
    film, a book, TV) near it."""
    c = compiled(lang)
    # the whole run of capitalised words the find is part of: "Emily [Rose]", "[Elsa] Energi"
    start, end = p.start, p.end
    while m := _CAP_WORD_BEFORE.search(text, max(0, start - 40), start):
        start = m.start(1)
    while m := _CAP_WORD_AFTER.match(text, end):
        end = m.end(1)
    run = p.model_copy(update={"start": start, "end": end, "text": text[start:end]})
    for q in (p, run) if run != p else (p,):
        if _pet_before(text, q.start, c) or _not_a_person(text, q, c):
            return True
    prev = _PREVIOUS_WORD.search(text, max(0, p.start - 24), p.start)
    if prev and prev.group(1).lower() in c.place_prefixes and _is_cap(prev.group(1)):
        return True  # "in San Jose", "Santa Monica": a place
    if (
        prev
        and prev.group(1) in ("i", "in", "utanför", "outside", "near", "nära")
        and " " not in p.text.strip()
        and _is_cap(p.text.strip())
        and p.text.strip().lower() not in c.first_names
    ):
        return True  # "min bror i Addis": a town
    if p.text.islower() and p.text in c.word_names:
        return True  # "det är sten jag vill ha": a common-word name alone needs a frame
    if _shop_possessive(text, p, c):
        return True  # "We ate at Dishoom and then Nando's": a shop or restaurant
    if p.text.islower() and p.text in c.homograph_names and _NOUN_PHRASE_AFTER.match(text, p.end):
        return True  # "it's hope from the bottom of my heart", "faith in the system"
    lows = [w.lower() for w in _WORD.findall(run.text)]
    if any(
        w in c.org_words or w in c.business_tails or w in c.place_names or w in _NAMED_AFTER
        for w in lows
    ):
        return True  # "Hej, det är Elsa Energi": a company
    nxt = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if nxt and (nxt.group(0).lower() in c.place_nouns or nxt.group(0).lower() in _NAMED_AFTER):
        return True  # "vid Anna Lindhs plats": a place named after someone
    if _MEDIA_BEFORE.search(text, max(0, start - 30), start):
        return True  # "I was listening to Sara Bareilles": an artist
    if _thing_is(lang).search(text, max(0, start - 40), start):
        return True  # "Tyget är William Morris", "the boat's Emily Rose"
    return bool(
        c.public_context.search(text, max(0, start - 60), start)
        or c.public_context.search(text, end, end + 60)
    )


_SHOP_BEFORE = re.compile(
    r"\b(?:at|to|from|into|in|then|and|on|till|från|på|hos|i)\s+$", re.IGNORECASE
)
_SHOP_AFTER = re.compile(
    r"['’]s(?:\s*$|\s*[.,!?;]|\s+(?:and|or|for|in|on|yesterday|today|"
    r"och|eller|i|på)\b)"
)


def _shop_possessive(text: str, p: PersonalData, c: _Compiled) -> bool:
    """Round 20: one capitalised word that is no hand-listed first name, with "'s" and
    nothing owned after it, where a place is said ("ate at Nando's", "from Sainsbury's"): a
    shop or a restaurant. A hand-listed first name stays ("at Maureen's" is her home), and
    a broad-list one unless eating or shopping is the topic."""
    word = p.text.strip()
    if " " in word or not _is_cap(word) or word.lower() in c.hand_first_names:
        return False
    if word.lower() in c.first_names and not _EATING_SHOPPING.search(text):
        return False  # "we're staying at Toby's": a broad-list name, at home
    return bool(
        _SHOP_AFTER.match(text, p.end) and _SHOP_BEFORE.search(text, max(0, p.start - 8), p.start)
    )


_EATING_SHOPPING = re.compile(
    r"\b(?:ate|eat|eating|lunch|dinner|breakfast|brunch|meal|takeaway|bought|buy|shop|shopping|"
    r"voucher|gift\s+card|order(?:ed)?|restaurant|åt|äta|middag|frukost|köpte|köpa|handla|"
    r"presentkort|restaurang)\b",
    re.IGNORECASE,
)


#: A preposition and an article after a common word: an idiom, not a name said.
_NOUN_PHRASE_AFTER = re.compile(
    r"\s+(?:from|of|in|on|for|to|från|av|i|på|för|till)\s+(?:the|a|an|my|our|den|det|ett|en|mitt|min)\b",
    re.IGNORECASE,
)
_CAP_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÅÄÖÉ][\w'’-]*)[ \t]+$")
_CAP_WORD_AFTER = re.compile(r"[ \t]+(?:&[ \t]+)?([A-ZÅÄÖÉ][\w'’-]*)")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


#: Words after a name that make it a place or a firm: "Anna Lindhs plats", "Kjell & Company".
_NAMED_AFTER = frozenset(
    ["plats", "platsen", "gata", "gatan", "väg", "vägen", "gränd", "allé", "company", "co",
     "ab", "ltd", "limited", "inc", "group", "gruppen", "square", "road", "street", "lane"]
)  # fmt: skip
#: Listening to, watching or reading someone: an artist or an author.
_MEDIA_BEFORE = re.compile(
    r"\b(?:listen(?:ing|ed)?\s+to|watch(?:ing|ed)?|read(?:ing)?|lyssna(?:r|de)?\s+på|"
    r"tittar\s+på|läser|läste)\s+(?:some\s+|a\s+bit\s+of\s+)?$",
    re.IGNORECASE,
)


@functools.cache
def _thing_is(lang: str) -> re.Pattern[str]:
    """A thing noun and a copula right before a name: "tyget är", "the boat's"."""
    c = compiled(lang)
    nouns = (*c.lex.names.thing_nouns, *c.made_things)
    return _phrase_regex(nouns, after=r"(?:['’]s|\s+(?:är|var|is|was))\s+$")


def find_rules(text: str, lang: str) -> list[PersonalData]:
    """The rules' personal data in ``text``: sorted, non-overlapping, offsets into ``text``.

    Redaction is idempotent: what a second look at the redacted text would still mask (a
    name right after a masked one, "my name is [NAME] Anna") is found here already, by
    looking again at the text with the finds masked, until nothing new turns up.
    """
    found = _find_once(text, lang)
    for _ in range(3):
        if not found:
            break
        masked, back = _with_masks(text, found)
        more = [
            p.model_copy(
                update={
                    "start": back[p.start],
                    "end": back[p.end],
                    "text": text[back[p.start] : back[p.end]],
                }
            )
            for p in _find_once(masked, lang)
        ]
        if not more:
            break
        found = _resolve(found + more, text)
    extra = _coordinated_first_names(text, found, lang)
    if extra:
        found = _resolve(found + extra, text)
    extra = _names_by_position(text, found, lang)
    if extra:
        found = _resolve(found + extra, text)
    extra = _ids_roles_and_payees(text, found, lang)
    if extra:
        found = _resolve(found + extra, text)
    return _village_before_street(text, found)


#: Round 21: a person's id cue, then "number"/"nummer" and letters before the digits a
#: phone cue took ("a Ring and Ride pass, number RR 412 0093").
_LETTERS_BEFORE = re.compile(r"(?<![\w-])([A-ZÅÄÖ]{1,4})[\s-]$")
#: "I work as a plumber, Dale Hughes, and", "Jag jobbar som målare, Petter Sand, och".
_ROLE_APPOSITION = {
    "en": re.compile(
        r"\bas\s+an?\s+(?:[\w-]+\s+)?(?P<role>[a-z-]{3,}),\s+"
        rf"(?P<n>{_CAP}(?:\s+{_CAP}){{1,2}}),"
    ),
    "sv": re.compile(
        r"\bsom\s+(?:[\w-]+\s+)?(?P<role>[a-zåäö-]{3,}),\s+"
        rf"(?P<n>{_CAP}(?:\s+{_CAP}){{1,2}}),"
    ),
}
_NOT_ROLES = frozenset(
    ["usual", "always", "said", "agreed", "promised", "vanligt", "sagt", "avtalat", "lovat"]
)
#: "Ashcombe, that's the surname, James Ashcombe": the surname said first.
_SURNAME_FIRST = {
    "en": re.compile(
        rf"(?:^|[.!?]\s+)(?P<n>{_CAP}),\s+(?:that['’]s|that\s+is|it['’]s)\s+(?:the|my)\s+"
        r"(?:surname|last\s+name|family\s+name)\b"
    ),
    "sv": re.compile(
        rf"(?:^|[.!?]\s+)(?P<n>{_CAP}),\s+(?:det\s+är|det\s+e)\s+(?:efternamnet|mitt\s+"
        r"efternamn)\b"
    ),
}
#: An IBAN or a long account number right before the comma of a closing name.
_ACCOUNT_BEFORE_COMMA = re.compile(r"(?:[A-Z]{2}\d{2}[A-Z0-9 ]{8,30}|\d[\d -]{7,30}\d)$")
_PAYEE_PARTICLES = frozenset(
    ["de", "van", "von", "der", "den", "af", "du", "da", "di", "le", "la", "el", "al", "bin"]
)
_CLOSING_AFTER_ACCOUNT = re.compile(
    r",\s+(?:(?:på|till|to|for|in\s+the\s+name\s+of|i\s+namnet)\s+)?"
    rf"(?P<n>{_CAP}(?:\s+(?:(?:{'|'.join(sorted(_PAYEE_PARTICLES))})\s+)*{_CAP}){{1,2}})"
    r"\s*[.!?]?\s*$"
)


def _ids_roles_and_payees(text: str, found: list[PersonalData], lang: str) -> list[PersonalData]:
    """Finds after the other rules: letters before a person's id that a phone cue took, a role in apposition
    before a full name, a surname said first before "that's the surname", and the payee
    named last after an IBAN or account number."""
    c = compiled(lang)
    out: list[PersonalData] = []
    taken = [(p.start, p.end) for p in found]

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    def plain(words: list[str]) -> bool:
        lows = [_fold_accents(w.lower()) for w in words]
        return not any(
            w in c.org_words
            or w in c.place_names
            or w in c.business_tails
            or w in c.number_words
            or (w in c.not_names and w not in c.homograph_names)
            for w in lows
        )

    for p in found:
        if p.kind != "phone" or not p.rule.endswith(".cue"):
            continue
        letters = _LETTERS_BEFORE.search(text, max(0, p.start - 6), p.start)
        if not letters:
            continue
        head = text[max(0, p.start - 60) : letters.start()]
        if _CUSTOMER_CUE[lang].search(head):
            out.append(
                PersonalData(
                    start=letters.start(1),
                    end=p.end,
                    kind="customer_id",
                    rule=f"{lang}.customer_id.letters_before",
                    confidence=0.85,
                    text=text[letters.start(1) : p.end],
                )
            )
    for p in found:
        # "Anna and Peter will both come": a known first name before "and" and a found one
        if p.kind != "name" or " " in p.text.strip():
            continue
        m = _FIRST_BEFORE_AND.search(text, max(0, p.start - 30), p.start)
        if m is None or not free(m.start(1), m.end(1)):
            continue
        low = m.group(1).lower()
        if (
            low in c.first_names
            and low not in c.not_names
            and low not in c.place_names
            and low not in c.org_words
            and (text.islower() or _is_cap(m.group(1)))
        ):
            q = _hit(lang, "name", "first_before_and", m.start(1), m.end(1), text, 0.65)
            if not _not_a_person(text, q, c):
                out.append(q)
    if not text.islower():
        for m in _ROLE_APPOSITION[lang].finditer(text):
            words = m.group("n").split()
            if m.group("role") in _NOT_ROLES or not plain(words):
                continue
            if _fold_accents(words[0].lower()) in c.first_names or _name_run_ok(words, lang, c):
                out.append(
                    _hit(lang, "name", "role_apposition", m.start("n"), m.end("n"), text, 0.75)
                )
        for m in _SURNAME_FIRST[lang].finditer(text):
            word = m.group("n")
            if plain([word]) and word.lower() in text[m.end() :].lower():
                out.append(
                    _hit(lang, "name", "surname_first", m.start("n"), m.end("n"), text, 0.75)
                )
        closing = _CLOSING_AFTER_ACCOUNT.search(text)
        if closing and _ACCOUNT_BEFORE_COMMA.search(text, 0, closing.start()):
            words = [w for w in closing.group("n").split() if w not in _PAYEE_PARTICLES]
            if (
                plain(words)
                and not any(w.isupper() and len(w) > 1 for w in words)
                and free(closing.start("n"), closing.end("n"))
            ):
                out.append(
                    _hit(
                        lang,
                        "name",
                        "payee_closing",
                        closing.start("n"),
                        closing.end("n"),
                        text,
                        0.7,
                    )
                )
    return out


#: "Anna and Peter", "Anna och Peter": one word before "and" at the start of a clause.
_FIRST_BEFORE_AND = re.compile(
    r"(?:^|(?<=[.!?,;]\s)|(?<=\bhi\s)|(?<=\bhej\s)|(?<=\bja\s)|(?<=\bso\s)|(?<=\bså\s))"
    r"([^\W\d_]{2,})\s+(?:and|och|&)\s+$",
    re.IGNORECASE,
)
#: A person's id cue said before "number"/"nummer": "pass", "kort", "tillstånd".
_CUSTOMER_CUE = {
    "en": re.compile(
        r"\b(?:pass|badge|permit|card|rider|membership|member)[\s,]+(?:number|no\.?)?\s*$",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"(?:kort|tillstånd|medlemskap|kortet|tillståndet)[\s,]+(?:nummer|nr\.?)?\s*$",
        re.IGNORECASE,
    ),
}


#: A capitalised word right before a street word in lower case: the village the street is
#: named by ("Storvreta byväg 28", "Björklinge kyrkväg 12").
_CAP_WORD_THEN_SPACE = re.compile(r"(?:^|(?<=[\s,(]))([A-ZÅÄÖ][a-zåäöéü]+) $")


def _village_before_street(text: str, found: list[PersonalData]) -> list[PersonalData]:
    """Round 20: an address found from a lower-case street word ("byväg 28, 743 40
    Storvreta") takes the capitalised word before it along, in written text."""
    if text.islower():
        return found
    out = []
    for p in found:
        if p.kind == "address" and p.text[:1].islower():
            m = _CAP_WORD_THEN_SPACE.search(text, max(0, p.start - 30), p.start)
            if (
                m
                and not _sentence_initial(text, m.start(1))
                and not any(q is not p and q.start < p.start and m.start(1) < q.end for q in found)
            ):
                p = p.model_copy(update={"start": m.start(1), "text": text[m.start(1) : p.end]})
        out.append(p)
    return out


#: Round 20: a word, a correction and a first name with the same word again: "det är skog
#: alltså alexander skog", "it's crane ivor crane", "it's marsh i mean kerry marsh".
_SURNAME_RESTATED = re.compile(
    r"(?<![\w'’-])(?P<w>[^\W\d_]{2,})[,]?\s+(?:(?:alltså|asså|eh|öh|äh|ehm|i\s+mean|sorry|"
    r"that['’]s|um|umm|er|erm|uh|förlåt|jag\s+menar|or\s+rather|rather|well)[,]?\s+)?"
    r"(?P<f>[^\W\d_]{2,})\s+(?P<l>(?P=w))(?![\w'’-])",
    re.IGNORECASE,
)
_RESTATED_INTRO = re.compile(
    r"\b(?:it['’]s|its|it\s+is|this\s+is|det\s+är|det\s+e|heter|name\s+is|name['’]s|i['’]m|"
    r"jag\s+är|här\s+är"
    # "ring hed alltså sven hed", "that's for swift jordan swift" (round 21)
    r"|ring|call|phone|ringa|ringer|kontakta|ask\s+for|fråga\s+efter|for|till|åt)\s+$",
    re.IGNORECASE,
)
#: Round 21: a first name said twice, a filler between, then the surname: "it's mason uh
#: mason reid", "my name's pierce pierce o neill", "det är vera eh vera lind".
_FIRST_RESTATED = re.compile(
    r"\b(?:it['’]s|it\s+is|this\s+is|name\s+is|name['’]s|i['’]m|i\s+am|det\s+är|heter|"
    r"jag\s+är|här\s+är)\s+"
    r"(?P<f>[^\W\d_]{2,})[,]?\s+(?:(?:alltså|asså|eh|öh|äh|ehm|um|umm|er|erm|uh|sorry|"
    r"förlåt)[,]?\s+)?(?P=f)\s+(?P<l>(?:(?:o|mc|mac|van|de|el|al|le|la|di|da)\s+)?"
    r"[^\W\d_]{2,})(?![\w'’-])",
    re.IGNORECASE,
)
#: Round 20: the one a message is for: "säg till lundmark att jag kommer", "tell lundy i'll
#: be in", "ask okonjo to ring me".
_MESSAGE_FOR = {
    "en": re.compile(
        r"\b(?:tell|ask|remind|let|warn)\s+(?P<n>[^\W\d_][\w'’-]+)\s+(?:that|to|i|i['’]ll|"
        r"i['’]m|i['’]ve|i['’]d|we|we['’]ll|we['’]re|know|about|he|she|he['’]s|she['’]s|"
        r"it['’]s|my|our|if)\b",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"\b(?:säg\s+till|hälsa(?:\s+till)?|be|fråga|påminn|meddela|varna)\s+"
        r"(?P<n>[^\W\d_][\w-]+)\s+(?:att|om|ringa|ring|komma|höra|kolla|skicka|hämta|jag|vi"
        r"|när|det)\b",
        re.IGNORECASE,
    ),
}
#: Round 20: the one a thing is sent to, right before their address: "skicka kursintyget
#: till mirja tuominen bäverstigen tre", "send it to bram okafor twelve mill lane".
_RECIPIENT_BEFORE = re.compile(
    r"\b(?:till|åt|to|for)\s+(?P<n>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2})[\s,]*$",
    re.IGNORECASE,
)
#: Round 20: a full name opening an ASR turn with "here"/"speaking" after it, the first
#: name a common word: "hi bay holloway here", "hej lärka sandström här".
_TURN_FULL_NAME = re.compile(
    r"(?:(?:hi|hello|hiya|hey|morning|afternoon|evening|yeah|yes|um|uh|er|erm|hej|hallå|tjena"
    r"|hejsan|god\s+morgon|ja|jo|öh|eh)\s+){0,3}(?P<f>[^\W\d_]{2,})\s+(?P<l>[^\W\d_]{2,})\s+"
    r"(?:here|speaking|again|calling|här|igen)\b"
)
#: Round 20: a kin word, a one-word name and the speaker: "my brother major and i", "min
#: bror sten och jag".
_KIN_NAME_AND_ME = re.compile(
    r"\b(?:my|min|mitt)\s+(?:brother|sister|husband|wife|partner|son|daughter|cousin|"
    r"friend|bror|syster|man|fru|sambo|son|dotter|kusin|vän|kompis)\s+(?P<n>[^\W\d_]{2,})\s+"
    r"(?:and\s+i|and\s+me|och\s+jag|och\s+mig)\b"
)
#: Round 20: a word that is no English word in a cleft about what someone did: "it was
#: golnaz who dropped the film off", "it's tamsin who took the parcel in".
_CLEFT_UNKNOWN = re.compile(
    r"\b(?:it\s+was|it['’]s|it\s+is|its)\s+(?P<n>[^\W\d_][\w'’-]+)\s+who\s+"
    r"(?:[a-z]+ed|took|went|came|paid|rang|said|made|sent|left|brought|bought|got|did|gave|"
    r"signed|has|had|will|is|was)\b",
    re.IGNORECASE,
)
#: Round 20: a word that is no English word said together with the speaker as subject: "me
#: and kezia are both coming", "kezia and i booked it".
_WITH_ME_UNKNOWN = re.compile(
    r"\bme\s+and\s+(?P<n>[^\W\d_][\w'’-]+)\s+(?:are|were|will|went|have|both|booked|"
    r"want|need|came|got)\b"
    r"|(?:^|[,.]\s*|\b(?:and|so|yeah|well)\s+)(?P<n2>[^\W\d_][\w'’-]+)\s+and\s+(?:i|me)\s+"
    r"(?:are|were|will|went|have|both|booked|want|need|came|got|share|live)\b",
    re.IGNORECASE,
)
#: Round 20: "för Sune Blomqvists räkning", "å Ines Karlssons vägnar": on someone's behalf.
_ON_BEHALF_SV = re.compile(
    r"\b(?:för|å|på)\s+(?P<n>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2}?)s\s+"
    r"(?:räkning|vägnar)\b",
    re.IGNORECASE,
)
#: Round 20: staying at someone's home: "I'm staying at Maureen's this week".
_AT_SOMEONES_HOME = re.compile(
    r"\b(?:staying|stopping|sleeping|living|stay|stop|sleep|live|i['’]m|we['’]re|i\s+am|"
    r"we\s+are|be|i['’]ll\s+be)\s+(?:at|round\s+at|over\s+at|round)\s+(?P<n>[^\W\d_]+)"
    r"['’]s\b(?!\s+(?:shop|store|restaurant|cafe|café|pub|bar|salon|garage))",
    re.IGNORECASE,
)
_NOT_MESSAGE_NAMES = frozenset(
    ["him", "her", "them", "us", "me", "you", "everyone", "everybody", "someone", "somebody",
     "anyone", "honom", "henne", "dem", "dom", "oss", "mig", "dig", "alla", "någon", "ingen",
     "reception", "the", "your", "my", "our", "his", "their", "din", "min", "er", "hans"]
)  # fmt: skip


def _names_by_position(text: str, found: list[PersonalData], lang: str) -> list[PersonalData]:
    """Names by position, found after the other rules: a surname said first and
    then again after a first name, the one a message is for, and the recipient right
    before a found address."""
    c = compiled(lang)
    taken = [(p.start, p.end) for p in found]
    out: list[PersonalData] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    def name_like(word: str) -> bool:
        low = _POSSESSIVE.sub("", word.lower())
        if low in _NOT_MESSAGE_NAMES or low in c.kin_names or low in c.number_words:
            return False
        if low in c.org_words or low in c.place_names or low in c.business_tails:
            return False
        if not text.islower():
            return _is_cap(word) and low not in c.not_names
        return _low_name_word(low, lang, c)

    for m in _FIRST_RESTATED.finditer(text):
        f, last = m.group("f").lower(), m.group("l").lower().split()[-1]
        if f not in c.first_names or f in c.not_names or last in c.not_names:
            continue
        if last in c.number_words or not (
            last in c.surnames or _surname_like(last, c) or not _ordinary_word(last, lang)
        ):
            continue
        if not text.islower() and not _is_cap(m.group("l").split()[-1]):
            continue
        out.append(_hit(lang, "name", "first_restated", m.start("f"), m.end("l"), text, 0.75))
    for m in _SURNAME_RESTATED.finditer(text):
        w, f = m.group("w"), m.group("f")
        if not _RESTATED_INTRO.search(text, max(0, m.start() - 24), m.start()):
            continue  # "The man who founded Dyson, James Dyson": no introduction
        if f.lower() not in c.first_names or f.lower() in c.not_names or w.lower() == f.lower():
            continue
        if w.lower() in _NOT_SAID_NAMES or w.lower() in c.number_words:
            continue
        if not text.islower() and not (_is_cap(w) and _is_cap(f)):
            continue
        names_only = [(p.start, p.end) for p in found if p.kind != "name"]
        for s, e in ((m.start("w"), m.end("w")), (m.start("f"), m.end("l"))):
            if not any(a < e and s < b for a, b in names_only):
                out.append(_hit(lang, "name", "surname_restated", s, e, text, 0.75))
    if text.islower():
        turn = _TURN_FULL_NAME.match(text)
        if turn and free(turn.start("f"), turn.end("l")):
            first, last = turn.group("f"), turn.group("l")
            if (
                (last in c.surnames or _surname_like(last, c))
                and (last not in c.first_names or first not in c.first_names)
                and first not in _NOT_SAID_NAMES
                and first not in _TURN_OPENERS
                and name_like(last)
                and first not in c.org_words
                and first not in c.number_words
                and first not in c.place_names
            ):
                out.append(
                    _hit(lang, "name", "turn_full_name", turn.start("f"), turn.end("l"), text, 0.7)
                )
        for m in _KIN_NAME_AND_ME.finditer(text):
            w = m.group("n")
            if not free(m.start("n"), m.end("n")) or w in _NOT_SAID_NAMES:
                continue
            if w in c.number_words or w in c.kin_names or w in c.org_words:
                continue
            listed = (
                w in c.first_names or w in c.word_names or w in c.homograph_names or w in c.surnames
            )
            if not (listed or (lang == "en" and len(w) > 2)):
                continue  # any English word but a small one ("my brother major and i")
            out.append(_hit(lang, "name", "kin_name_and_me", m.start("n"), m.end("n"), text, 0.7))
    if lang == "en" and text.islower():
        for rx2, rule in ((_CLEFT_UNKNOWN, "cleft_unknown"), (_WITH_ME_UNKNOWN, "with_me_unknown")):
            for m in rx2.finditer(text):
                g = "n" if m.groupdict().get("n") else "n2"
                w = m.group(g)
                low = w.lower()
                if not free(m.start(g), m.end(g)) or len(low) < 3:
                    continue
                if _ordinary_word(low, "en") and low not in c.first_names:
                    continue
                if (
                    rule == "cleft_unknown"
                    and low in c.first_names
                    and low not in c.hand_first_names
                ):
                    continue  # "its lowell who bought the debt": a broad-list name, a firm's
                if not name_like(w) or low in c.not_names or _sentence_initial(text, m.start(g)):
                    continue
                q = _hit(lang, "name", rule, m.start(g), m.end(g), text, 0.7)
                if not _not_a_person(text, q, c):
                    out.append(q)
    if lang == "sv":
        for m in _ON_BEHALF_SV.finditer(text):
            words = m.group("n").split()
            if not free(m.start("n"), m.end("n")) or not all(map(name_like, words)):
                continue
            if not text.islower() and words[0].lower() not in c.first_names:
                continue
            out.append(_hit(lang, "name", "on_behalf", m.start("n"), m.end("n"), text, 0.7))
    if lang == "en" and not _EATING_SHOPPING.search(text):
        for m in _AT_SOMEONES_HOME.finditer(text):
            w = m.group("n")
            if w.lower() in c.first_names and free(m.start("n"), m.end("n")) and name_like(w):
                out.append(_hit(lang, "name", "at_home_of", m.start("n"), m.end("n"), text, 0.7))
    rx = _MESSAGE_FOR.get(lang)
    for m in rx.finditer(text) if rx else ():
        s, e = m.start("n"), m.end("n")
        if not free(s, e) or not name_like(m.group("n")):
            continue
        if not text.islower() and _sentence_initial(text, s):
            continue
        q = _hit(lang, "name", "message_for", s, e, text, 0.7)
        if not _not_a_person(text, q, c):
            out.append(q)
    if text.islower():
        for p in found:
            if p.kind != "address":
                continue
            rec = _RECIPIENT_BEFORE.search(text, max(0, p.start - 60), p.start)
            if rec is None or not free(rec.start("n"), rec.end("n")):
                continue
            words = rec.group("n").split()
            if not any(w in c.first_names for w in words) or not all(map(name_like, words)):
                continue
            out.append(_hit(lang, "name", "recipient", rec.start("n"), rec.end("n"), text, 0.7))
    return out


#: A first name, "and"/"och" and then a full name found: "för ture och tyra almqvist".
_FIRST_AND_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*)\s+(?:och|and|&)\s+$", re.IGNORECASE)


def _coordinated_first_names(text: str, found: list[PersonalData], lang: str) -> list[PersonalData]:
    """Round 19: two people sharing a surname ("för ture och tyra almqvist", "for Heath and
    Poppy Dunmore"): the first name before "and" and a found full name is a name too."""
    c = compiled(lang)
    taken = [(p.start, p.end) for p in found]
    out = []
    for p in found:
        if p.kind != "name" or len(_WORD.findall(p.text)) < 2:
            continue
        m = _FIRST_AND_BEFORE.search(text, max(0, p.start - 40), p.start)
        if m is None or any(s <= m.start(1) < e for s, e in taken):
            continue
        word = m.group(1)
        low = word.lower()
        if low in c.not_names or low in c.kin_names or low in c.org_words:
            continue
        known = low in c.first_names or low in c.word_names or low in c.homograph_names
        cap = (
            not text.islower()
            and _is_cap(word)
            and not _sentence_initial(text, m.start(1))
            and low not in c.place_names
            and not _CAP_WORD_BEFORE.search(text, max(0, m.start(1) - 30), m.start(1))
        )
        if not (known if text.islower() else cap):
            continue
        q = _hit(lang, "name", "coordinated_first", m.start(1), m.end(1), text, 0.65)
        if not _not_a_person(text, q, c):
            out.append(q)
    # "it's under Freddie and Nour, court two": a capitalised word after a found name and
    # "and", ending the clause
    for p in found:
        if p.kind != "name" or text.islower():
            continue
        m = _AND_NAME_AFTER.match(text, p.end)
        if m is None or any(s <= m.start(1) < e for s, e in taken):
            continue
        low = m.group(1).lower()
        if (
            low in c.not_names
            or low in c.place_names
            or low in c.org_words
            or low in c.business_tails
            or (low not in c.first_names and _ordinary_word(low, lang) and lang == "en")
        ):
            continue
        q = _hit(lang, "name", "coordinated_after", m.start(1), m.end(1), text, 0.65)
        if not _not_a_person(text, q, c):
            out.append(q)
    return out


#: "… Freddie and Nour," / "… Agnes och Omid.": a capitalised word closing a pair.
_AND_NAME_AFTER = re.compile(r"\s+(?:and|och|&)\s+([A-ZÅÄÖÉ][\w'’-]+)(?=\s*(?:[,.;!?]|$))")


def _with_masks(text: str, found: list[PersonalData]) -> tuple[str, dict[int, int]]:
    """``text`` with each find replaced by its mask, and the offsets outside the masks
    mapped back to ``text`` (for the start and end of anything found in it)."""
    parts: list[str] = []
    back: dict[int, int] = {}
    pos = out = 0
    for p in found:
        for k in range(pos, p.start + 1):
            back[out + k - pos] = k
        parts.append(text[pos : p.start])
        out += p.start - pos
        parts.append(p.mask)
        out += len(p.mask)
        pos = p.end
        back[out] = pos
    for k in range(pos, len(text) + 1):
        back[out + k - pos] = k
    parts.append(text[pos:])
    return "".join(parts), back


@functools.cache
def _premises_subject(lang: str) -> re.Pattern[str]:
    """A business's premises, with the definite article, as the subject of a verb of
    sending or moving before the address: "Lagret i Jönköping skickar från", "Our depot in
    Crewe ships from", "The office has moved to"."""
    nouns = [n for n in compiled(lang).lex.cues.business_nouns if not n.startswith("-")]
    alts = "|".join(sorted((r"\s+".join(map(re.escape, n.split())) for n in nouns), key=len))
    if lang == "sv":
        return re.compile(
            rf"(?:^|[.!?]\s+|\b(?:vårt|vår|våra|deras)\s+)(?i:\w*(?:{alts}))"
            r"(?:\s+(?:i|på|vid)\s+[A-ZÅÄÖ][\w-]*)?\s+(?i:skickar|skickas|levererar|"
            r"har\s+flyttat|flyttar|flyttade|öppnar|har\s+öppnat|finns\s+nu)"
            r"(?:\s+\w+){0,2}?\s+(?i:från|till|på|i|vid)[\s:,]*$"
        )
    return re.compile(
        rf"(?i:\b(?:the|our|their)\s+(?:[\w'’-]+\s+)?(?:{alts}))"
        r"(?:\s+(?:in|at)\s+[A-Z][\w-]*)?\s+(?i:ships|dispatches|sends|delivers|"
        r"has\s+moved|have\s+moved|moved|is\s+moving|are\s+moving|opens|has\s+opened|"
        r"is\s+now)(?:\s+\w+){0,2}?\s+(?i:from|to|at|on|in)[\s:,]*$"
    )


#: A parcel collected at a shop or a pick-up point named before its address: "Hämta
#: paketet på Ica Maxi, Fältspatsgatan 2", "Collect it from Tesco Extra, 2 Dock Road".
_PICKUP_POINT = re.compile(
    r"\b(?i:hämta\w*|hämtas|utlämning\w*|ombud\w*|collect\w*|pick(?:ed|ing)?\s+(?:it\s+|them\s+)?up"
    r"|pickup|collection\s+point|parcel\s+shop|drop-off\s+point)\b[^.!?]{0,40}?"
    r"\b(?i:på|hos|från|vid|from|at)\s+[A-ZÅÄÖ][\w&'’-]*(?:\s+[A-ZÅÄÖ][\w&'’-]*){0,3}"
    r"\s*[,:–-]\s*$"
)


def _business_contact(text: str, p: PersonalData, c: _Compiled) -> bool:
    """An address or phone number said as a business's own ("the restaurant is located at
    …", "their phone number is …", "butiken ligger på …"): not personal data."""
    if c.business_contact is None or p.kind not in ("address", "phone"):
        return False
    # an address span may begin with its preposition: "is [on 17 Mill Lane …]"
    lead = _LEADING_PREPOSITION.match(text, p.start, p.end)
    end = lead.end() if lead else p.start
    if c.business_contact.search(text, max(0, p.start - 60), end):
        return True
    if p.kind == "address" and c.our_premises.search(text, max(0, p.start - 60), end):
        return True  # "Vårt krematorium ligger på …", "Our yard is at …"
    if p.kind == "address" and _premises_subject(c.lex.language).search(
        text, max(0, p.start - 90), end
    ):
        return True  # "Lagret i Jönköping skickar från Bäckgatan 14", "The office has moved to"
    if p.kind == "address" and _PICKUP_POINT.search(text, max(0, p.start - 90), end):
        return True  # "Hämta paketet på Ica Maxi, Fältspatsgatan 2": a shop's address
    if (
        p.kind == "phone"
        and ("öppet" in text or "open" in text or "Öppet" in text or "Open" in text)
        and _OPENING_HOURS.search(text)
        and not _FIRST_PERSON_BEFORE.search(text, max(0, p.start - 30), p.start)
    ):
        return True  # "Vi har öppet 8–17, ring 08-123 456 00": a business's line
    before = c.business_before if p.kind == "address" else c.business_phone_before
    last = _LAST_WORD.search(text, max(0, end - 24), end)
    if (
        before is not None
        and last is not None
        and last.group(1).lower() in _BUSINESS_LAST_WORDS
        and before.search(text, max(0, p.start - 64), end)
    ):
        return True  # a phone only at a desk: "the office number is" may be a work line
    if (
        p.kind == "address"
        and (
            _LANDMARK_AFTER.match(text, p.end)
            or _PREMISES_WORDS.search(p.text)
            or _OPENING_HOURS.search(text, p.end)
        )
        and _WE_ARE_AT.search(text, max(0, end - 24), end)
        and not _FIRST_PERSON_BEFORE.search(text, 0, p.start)
    ):
        # "We're at 9 Brunswick Street, opposite the old post office", "We're at Unit 4,
        # Mill Trading Estate ...", "vi finns på Storgatan 3, öppet till sex": premises
        return True
    # "Box 5000, 101 50 Stockholm, vårt huvudkontor", "..., it's on the letterhead"
    stop = _CLAUSE_END.search(text, p.end)
    after_end = min(p.end + 60, stop.start() if stop else len(text))
    if c.business_after is None:
        return False
    window = text[p.end : after_end].lower()
    if not any(k in window for k in _BUSINESS_AFTER_KEYS):
        return False
    m = c.business_after.search(text, p.end, after_end)
    # "..., not our office": a negation before the cue keeps the address personal
    return m is not None and not _NEGATED.search(text, p.end, m.start())


#: Directions from a landmark after an address: "..., opposite the old post office".
_LANDMARK_AFTER = re.compile(
    r",?\s+(?:just\s+)?(?:opposite|next\s+to|across\s+(?:the\s+road\s+)?from|round\s+the\s+"
    r"corner\s+from|behind|beside|facing|mittemot|mitt\s+emot|bredvid|intill|bakom|vid\s+sidan\s+av)"
    r"\s+(?:the|a|an|our|from|[^\W\d_]+(?:en|et|an)\b)",
    re.IGNORECASE,
)
#: Words of an address that only a business has: an estate, a business park.
_PREMISES_WORDS = re.compile(
    r"\b(?:trading|industrial|business|retail|enterprise|technology|science)\s+"
    r"(?:estate|park|centre|center|village)\b|\b(?:industriområde|industriområdet|"
    r"företagspark|företagsparken|handelsområde|handelsområdet|företagsby|företagsbyn)\b",
    re.IGNORECASE,
)
#: "We're at", "vi finns på", "vi håller till på": a place the speakers are based at.
_WE_ARE_AT = re.compile(
    r"\b(?:we['’]re|we\s+are|we['’]re\s+based|we\s+are\s+based|vi\s+finns|vi\s+håller\s+till|"
    r"vi\s+ligger|vi\s+sitter)\s+(?:at|on|in|på|i|vid)\s+$",
    re.IGNORECASE,
)
#: The word before a find, and the words a business's statement of its address or number
#: can end with ("... har sitt kontor på", "the depot is at", "Växeln nås", "find us at"):
#: the grammar in ``_business_before`` is only tried after one of them.
_LAST_WORD = re.compile(r"([^\W\d_]+(?:['’]s)?)[\s:,]*$")
_BUSINESS_LAST_WORDS = frozenset(
    ["är", "på", "i", "vid", "till", "via", "nås", "ligger", "låg", "finns", "fanns", "sitter",
     "satt", "adressen", "numret", "telefonnumret", "nummer", "telefonnummer", "du", "ni", "man", "is", "are", "was",
     "were", "at", "on", "in", "located", "based", "situated", "now"]
)  # fmt: skip
#: Opening hours: the number in the same utterance is a business's ("we're open 9 to 5").
_OPENING_HOURS = re.compile(
    r"\b(?:öppettider\w*|vi\s+har\s+öppet|har\s+öppet|öppet\s+(?:alla|vardagar|dygnet|mellan|\d)"
    r"|opening\s+(?:hours|times)|we(?:['’]re|\s+are)\s+open|open\s+(?:from|between|daily|"
    r"24|seven\s+days|monday|mon|weekdays|\d)"
    # "lines open at eight", "lines are open until six", "öppet till sex"
    r"|lines\s+(?:are\s+)?open|open\s+(?:at|till|until|til)\s|öppet\s+(?:till|från|klockan|kl)"
    # "open nine to five", "öppet nio till fem"
    r"|\b(?:open|öppet)\s+[\w.:]+\s+(?:to|till|until|til|-|–)\s+[\w.:]+)",
    re.IGNORECASE,
)
#: "call me on", "mitt nummer": the caller's own number, whatever else is said.
_FIRST_PERSON_BEFORE = re.compile(r"\b(?:me|my|mine|mig|min|mitt|mina|jag|i)\b", re.IGNORECASE)
#: Substrings one of which every ``business_after`` phrase holds (a cheap test first).
_BUSINESS_AFTER_KEYS = (
    "vår", "our", "letterhead", "brev", "hemsida", "webb", "website", "site", "registered"
)  # fmt: skip
#: The end of a sentence after a find: a business cue after it must come before.
_CLAUSE_END = re.compile(r"[.!?](?:\s|$)")


_LEADING_PREPOSITION = re.compile(r"(?:on|at|in|på|i)\s+", re.IGNORECASE)


#: Numbers that reach a business, never one person: Swedish freephone (020, 0200), national
#: (0771-0775) and premium (0900, 0939, 0944) numbers; UK freephone (0800, 0808, 0500),
#: non-geographic (03x, 084x, 087x) and premium (09x) numbers. Lengths keep London
#: (020 + 8 digits) and UK mobiles (077xx + 6 digits) out.
_SERVICE_NUMBER = re.compile(
    r"(?:020\d{6,7}|0200\d{5,7}|077[1-5]\d{6}|09(?:00|39|44)\d{5,7}"
    r"|0(?:800|808|500)\d{6,7}|03[0347]\d{8}|08[47]\d{8}|09\d{9})"
)
#: A hyphen right after letters or digits: the number is the tail of a code ("LF-2024-0931").
_CODE_BEFORE = re.compile(r"[^\W_]-$")


def _service_number(text: str, p: PersonalData, lang: str) -> bool:
    """A phone find that is a business's service number or the tail of a longer code."""
    if p.kind != "phone":
        return False
    if _CODE_BEFORE.search(text, max(0, p.start - 2), p.start):
        return True
    if _DIGIT.search(p.text):
        digits = "".join(ch for ch in p.text if ch.isdigit())
    else:
        digits = "".join(r.digits for r in number_runs(p.text, lang))
    if not digits.startswith("0"):
        return False
    # "oh two oh three oh one ...": a personnummer read out is no freephone number
    return _SERVICE_NUMBER.fullmatch(digits) is not None and not personnummer_ok(digits)


def _find_once(text: str, lang: str) -> list[PersonalData]:
    found = _find_raw(text, lang)
    if found:
        c = compiled(lang)
        found = [
            p
            for p in found
            if not _business_contact(text, p, c)
            and not _service_number(text, p, lang)
            and not _not_an_address(text, p)
        ]
    return found


#: A box that is no postbox: "safe deposit box 17", "förvaringsbox 4".
_NOT_POSTBOX_BEFORE = re.compile(
    r"\b(?:deposit|safe|safety|strong|lock|locker|tool|fuse|gift|lunch|shoe|juice|bankfack)\s+$",
    re.IGNORECASE,
)
#: An area, not a street: "twenty five square metres", "thirty square feet".
_SQUARE_MEASURE = re.compile(
    r"\bsquare\s+(?:metres?|meters?|feet|foot|yards?|miles?|kilomet(?:re|er)s?|km|m)\b",
    re.IGNORECASE,
)


def _not_an_address(text: str, p: PersonalData) -> bool:
    """Round 19: a deposit box and an area in square metres are no one's address."""
    if p.kind != "address":
        return False
    if p.text.lower().startswith("box") and _NOT_POSTBOX_BEFORE.search(
        text, max(0, p.start - 24), p.start
    ):
        return True
    return bool(_SQUARE_MEASURE.search(text, p.start, min(len(text), p.end + 12)))


def _find_raw(text: str, lang: str) -> list[PersonalData]:
    c = compiled(lang)
    if not text:
        return []
    numbers, email, names, spelled = _triggered(text, c)
    found: list[PersonalData] = []
    if numbers:
        found += _numbers(text, lang, c)
        found += _addresses(text, lang, c)
        found += _ibans(text, lang)
        found += _spoken_ninos(text, lang)
        if _DIGIT.search(text) and lang == "en":
            found += _ninos(text, lang)
            found += [
                _hit(lang, "bank_account", "sort_code_account", m.start(), m.end(), text, 0.85)
                for m in _SORT_CODE_ACCOUNT.finditer(text)
                # "The club's account is 40-11-22 61234567": an organisation's (round 20)
                if not _pay_into_ours(text, m.start(), lang)
            ]
    elif lang == "en" and "ost" in text:
        found += [
            _hit(lang, "address", "uk_postcode_spoken", m.start("pc"), m.end(), text, 0.8)
            for m in _SPELLED_UK_POSTCODE.finditer(text)
            if not c.area_words.search(text, max(0, m.start() - 32), m.start())
        ]
    if email:
        found += _emails(text, lang, c)
    if names or numbers:
        found += _names(text, lang, c)
    if spelled:
        found += _spelled(text, lang, c)
    return _resolve(found, text) if found else []


# --- Round 22: false masks on real third-party text (places, works, matches, venues) -------

#: Name finds a media frame vetoes: the ones no person cue supports.
_WEAK_NAME_RULES = frozenset(
    ["known_first_name", "model", "person_after", "title", "person_verb_object", "cue_weak",
     "cue_medium", "cue_copula", "before_mask", "vocative_you"]
)  # fmt: skip
#: A speaker naming themselves or someone who calls: such names stay in any frame.
_SELF_CUE_BEFORE = re.compile(
    r"\b(?:my\s+name\s+is|my\s+name['’]s|i\s+am|i['’]m|this\s+is|jag\s+heter|"
    r"jag\s+är|mitt\s+namn\s+är|här\s+är)\s+$",
    re.IGNORECASE,
)
#: A person spoken to, about or of: "tell Zhao Lei", "spoke to", "Hi, it's Alfie".
_PERSON_VERB_BEFORE = re.compile(
    r"(?:\b(?:tell|told|ask|asked|call|called|ring|rang|email|e-mail|text|texted|thank|thanks|"
    r"spoke\s+to|speak\s+to|speaking\s+to|talk\s+to|talking\s+to|talked\s+to|hi|hello|hey|"
    r"dear|fråga|frågade|säg\s+till|sa\s+till|ringa|ring|ringde|prata\s+med|pratade\s+med|"
    r"talade\s+med|hej|tack)|(?:^|\b(?:hi|hiya|hello|hey|hej|hallå|tjena|hejsan))[,\s]*"
    r"(?:it['’]s|it\s+is|det\s+är))"
    r"[,\s]+$",
    re.IGNORECASE,
)
_PERSON_AFTER_NAME = re.compile(
    r"^[,\s]+(?:who|said|says|told|tells|called|calls|rang|booked|will|would|is\s+calling|"
    r"ringing|calling|ringer|ringde\s+om|"
    r"in\s+your|from\s+(?:the|your|our)|here\b|som\s+(?:ringde|bokade|sa)|sa|ringde|"
    r"bokade|på\s+er|hos\s+er)",
    re.IGNORECASE,
)
#: A match between two sides: "Giants Vs Brewers", "AIK mot Hammarby".
_VERSUS = re.compile(r"(?<![\w-])(?:vs\.?|versus|v\.)(?![\w-])", re.IGNORECASE)
_VERSUS_AROUND = re.compile(r"^\s+(?:vs\.?|versus|v\.)(?!\w)", re.IGNORECASE)
_VERSUS_BEFORE = re.compile(r"(?<![\w-])(?:vs\.?|versus|v\.)\s+$", re.IGNORECASE)
_SV_MATCH = re.compile(r"\b(?:match|matchen|matcher|derby|derbyt|möts|möter)\b", re.IGNORECASE)
_SV_MOT_AFTER = re.compile(rf"\s+mot\s+{_CAP}")
_SV_MOT_BEFORE = re.compile(rf"(?<![\w-]){_CAP}\s+mot\s+$")
#: A place word before a name ("in", "near", "i", "nära"), always locative.
_IN_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|around|outside|inside|downtown|i|nära|kring|runt|utanför|centrala)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_WORD_SPLIT = re.compile(r"[\s-]+")
#: "Aftertaste by Shawn Mendes", "låten Vem vet med Lisa Ekdahl": a title, then its maker.
_WORK_BY_BEFORE = {
    "en": re.compile(r"[A-Z0-9][\w'’!?.]*[\s\"”]+(?:by|from)\s+$"),
    "sv": re.compile(r"[A-ZÅÄÖ0-9][\w'’!?.]*[\s\"”]+(?:med|av)\s+$"),
}
_ALBUM_AFTER = re.compile(
    r"\s+(?:from|off|on|in|från|på)\s+(?:(?:the|her|his|their|its)\s+)?"
    r"(?:album|albumet|skivan|ep)?\s*[A-ZÅÄÖ\"“]"
)
_SPOKEN_TO_BEFORE = re.compile(
    r"\b(?:speak|speaking|spoke|talk|talking|talked|pratar|pratade|talar)\s+(?:to|with|med)\s+$"
    r"|\bthis\s+is\s+$|\bdet\s+här\s+är\s+$",
    re.IGNORECASE,
)
_AT_VENUE_AFTER = re.compile(
    r"\s+(?:at|på)\s+(?:(?P<the>The\s+)|the\s+)?(?P<venue>[A-ZÅÄÖ][\w'’&-]*"
    r"(?:\s+[A-ZÅÄÖ][\w'’&-]*){0,5})"
)
_LIST_SPLIT = re.compile(
    r"\s*,\s*(?:(?:or|and|eller|och)\s+)?(?:maybe\s+|kanske\s+)?"
    r"|\s+(?:or|eller)\s+(?:maybe\s+|kanske\s+)?|\s+(?:and|och)\s+"
)
_ALTERNATIVES = re.compile(r"\b(?:or|Or|eller|Eller)\b")


@dataclass(frozen=True)
class _Contexts:
    """The regexes and sets built from a pack's ``contexts:`` lists."""

    #: an utterance about songs, films, shows, concerts, matches or tickets
    media_frame: re.Pattern[str]
    #: someone the caller knows, right before the name: "my friend", "min dotter", "Mum, ",
    #: "me and"
    known_person_before: re.Pattern[str]
    #: the same after the name: "…, my sister", "and I", "och jag"
    known_person_after: re.Pattern[str]
    #: a doctor's, a dentist's or a workplace: a name at a venue is one met there
    person_frame: re.Pattern[str]
    #: travel right before "to"/"from": "flying to Denver", "åker till Kiruna"
    travel_to_before: re.Pattern[str]
    #: places and premises named after a person: "John Wayne Airport", "Chase Field"
    facility_words: frozenset[str]
    #: facility words that are also surnames ("Hye-jin Park", "Anna Hall"): not a facility's
    #: last word, only one said after "at"/"in" and another capitalised word ("at Chase Field")
    surname_facilities: frozenset[str]
    car_makes: frozenset[str]
    #: a thing's name, not a person's: "The event name is", "the restaurant name is"
    thing_name_cue: re.Pattern[str]
    #: a work named by its noun: "the film Gloria Bell", "låten Jolene", "an event called Dodie"
    work_noun_before: re.Pattern[str]
    #: a work's maker: "directed by", "regisserad av"
    made_by_before: re.Pattern[str]
    #: a third party's contact: "they", "their", a venue, business or event as the subject
    third_party_contact: re.Pattern[str]
    #: ... in an utterance about a booking made or a place's features: the place's own
    booked_context: re.Pattern[str]
    #: what a listing is: "apartment", "for rent", "lägenheten"
    listing_what: re.Pattern[str]


@functools.cache
def _contexts(lang: str) -> _Contexts:
    """The ``contexts:`` lists of ``lang``'s pack, compiled once per process."""
    ctx = load_lexicon(lang).contexts
    kin = _word_alternation(ctx.kin_words)
    return _Contexts(
        media_frame=re.compile(rf"\b{_word_alternation(ctx.media_words)}\b", re.IGNORECASE),
        known_person_before=re.compile(
            # the possessives and "me and" are closed-class function words: they stay here
            r"\b(?:my|our|his|her|their|your|min|mitt|mina|vår|vårt|våra|hans|hennes|deras|din|ditt)"
            rf"\s+(?:[\w-]+\s+){{0,2}}?{kin}\b[\s,]*(?:\w+\s+)?$"
            rf"|\b{kin}\s*,\s*$|\b(?:me|i|jag|mig|mej)\s+(?:and|och)\s+$"
            # an account's holders, "in the names of Gerald and Patricia Hollis"
            r"|\b(?:in|under)\s+(?:the\s+)?names?\s+(?:of\s+)?(?:[\w-]+\s+(?:and|&)\s+)?$"
            r"|\b(?:i|på|under)\s+(?:namnet|namnen)\s+(?:[\w-]+\s+(?:och|&)\s+)?$",
            re.IGNORECASE,
        ),
        known_person_after=re.compile(
            r"^(?:[^.!?]{0,40},\s*(?:my|our|his|her|min|mitt|vår|vårt|hans|hennes)\s+"
            rf"(?:\w+\s+)?{kin}\b|\s+(?:and|och)\s+(?:me|i|jag|mig|mej)\b)",
            re.IGNORECASE,
        ),
        person_frame=re.compile(rf"\b{_word_alternation(ctx.appointment_words)}\b", re.IGNORECASE),
        travel_to_before=re.compile(
            rf"\b{_word_alternation(ctx.travel_words)}\s+(?:[\w-]+\s+){{0,3}}?"
            r"(?:to|from|till|från)\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        facility_words=frozenset(ctx.facility_words),
        surname_facilities=frozenset(ctx.surname_facilities),
        car_makes=frozenset(ctx.car_makes),
        thing_name_cue=re.compile(
            rf"\b{_word_alternation(ctx.named_thing_nouns)}(?:['’]s)?\s+(?:name|namn)\s+"
            r"(?:is|är)\s+$"
            rf"|\b{_word_alternation(ctx.called_thing_nouns)}\s+"
            r"(?:is\s+)?(?:called|named|titled|heter)\s+$",
            re.IGNORECASE,
        ),
        # "the film", "a song called", "låten", "boken som heter" ("an? ... film called X"
        # needs no alternative of its own: the noun and "called" match it)
        work_noun_before=re.compile(
            rf"\b{_word_alternation(ctx.work_nouns)}\s+"
            + (r"(?:(?:called|titled|named)\s+)?" if lang == "en" else "")
            + r"[\"“]?$",
            re.IGNORECASE,
        ),
        made_by_before=re.compile(
            rf"\b{_word_alternation(ctx.maker_words)}\s+(?:by\s+|av\s+)?$", re.IGNORECASE
        ),
        # the pronouns are closed-class words: they stay here
        third_party_contact=re.compile(
            r"(?i:\b(?:they|they['’]re|they['’]ve|them|their)\b"
            rf"|\b(?:the|this|that)\s+(?:[\w-]+\s+)?{_word_alternation(ctx.venue_words)}"
            r"(?:['’]s)?\b"
            r"|\b(?:located|situated)\b"
            r"|\bfor\s+rent\b|\bapartments?\s+(?:is|are)\s+available\b)"
            # a capitalised word, then a venue's word capitalised: "Fillmore Theatre"
            r"|\b[A-Z][\w&'’]*\s+"
            + _word_alternation(w[:1].upper() + w[1:] for w in ctx.venue_name_words)
            + r"\b"
            if lang == "en"
            else r"\b(?:de|dem|deras)\b"
            rf"|\b{_word_alternation(ctx.venue_words)}\b",
            0 if lang == "en" else re.IGNORECASE,
        ),
        booked_context=re.compile(rf"\b{_word_alternation(ctx.booking_words)}\b", re.IGNORECASE),
        listing_what=re.compile(rf"\b{_word_alternation(ctx.listing_words)}\b", re.IGNORECASE),
    )


@functools.cache
def _places(lang: str) -> frozenset[str]:
    from verbalkit.privacy.lexicon import geo_places

    return geo_places(lang)


def _place_key(text: str) -> str:
    words = _WORD_SPLIT.split(text.strip(" .,!?'’").lower())
    if words and words[0] == "the":
        words = words[1:]
    if words and words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
    return " ".join(words)


def _has_multiword_place(key: str, places: frozenset[str]) -> bool:
    words = key.split()
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            if " ".join(words[i:j]) in places:
                return True
    return False


def _title_list(text: str, p: PersonalData, c: _Compiled) -> bool:
    """The find is one of three or more titles offered as alternatives, one of them no
    person's name: "Citizen Kane, Dogman, or Dumbo?", "Hellboy, Long Shot eller Gloria Bell"."""
    starts = [m.end() for m in re.finditer(r"[.!?:]\s+", text[: p.start])]
    start = starts[-1] if starts else 0
    stop = re.search(r"[.!?](?:\s|$)", text[p.end :])
    end = p.end + stop.start() if stop else len(text)
    sentence = text[start:end]
    if not _ALTERNATIVES.search(sentence):
        return False
    parts = [x.strip(' ?!"“”') for x in _LIST_SPLIT.split(sentence)]
    # the list: the parts from the first one that begins with a capital
    items = [x for x in parts if x[:1].isupper()]
    mine = [x for x in items if p.text in x]
    if len(items) < 3 or not mine or len(mine[0].split()) > len(p.text.split()) + 2:
        return False
    for item in items:
        if p.text in item:
            continue
        words = [w.strip("'’!?").lower() for w in item.split()]
        if len(words) <= 5 and any(
            w.isalpha() and w not in c.first_names and w not in c.surnames for w in words
        ):
            return True
    return False


def _rule_tail(p: PersonalData) -> str:
    return p.rule.rsplit(".", 1)[-1]


#: Round 23: an act offered at a named venue: "How about Ben Harper at Pier 17?", "There's
#: Mandy Harvey at Blue Note Napa", "Emmylou Harris at the Atlanta Symphony Orchestra".
_AT_CAPITALISED_VENUE = re.compile(r"^\s+(?:at|på)\s+(?:the\s+|The\s+)?[A-ZÅÄÖ][\w'’&-]*")
_OFFER_BEFORE = re.compile(
    r"(?:\b(?:how|what)\s+about|\bthere['’]?s|\bthere\s+is(?:\s+an?)?|\bi\s+found|"
    r"\brecommended\s+is|\bcould\s+see|\bit['’]s|\bit\s+is|\bevent\s+call(?:ed)?|"
    r"\bvad\s+sägs\s+om|\bdet\s+finns|\bjag\s+hittade|^)\s*$",
    re.IGNORECASE,
)


def _r23_performer_at_venue(text: str, p: PersonalData, before: str, after: str, lang: str) -> bool:
    x = _contexts(lang)
    if not _AT_CAPITALISED_VENUE.match(after) or x.person_frame.search(text):
        return False
    if (
        x.known_person_before.search(before)
        or _SELF_CUE_BEFORE.search(before)
        or _PERSON_VERB_BEFORE.search(before)
        or _SPOKEN_TO_BEFORE.search(before)
    ):
        return False
    start = _TAIL_SENTENCE_START.search(before)
    head = before[start.end() :] if start else ""
    return bool(_OFFER_BEFORE.search(head) or x.media_frame.search(text))


def _public_or_place_not_person(text: str, p: PersonalData, lang: str) -> bool:
    """A name find that is a place, a work, a match, a premises or a performer."""
    c = compiled(lang)
    x = _contexts(lang)
    before = text[max(0, p.start - 60) : p.start]
    after = text[p.end : p.end + 60]
    # "Giants Vs Brewers", "Cruz Azul Vs Atlas", "AIK mot Hammarby"
    if _VERSUS.search(p.text) or _VERSUS_AROUND.match(after) or _VERSUS_BEFORE.search(before):
        return True
    if (
        lang == "sv"
        and _SV_MATCH.search(text)
        and (_SV_MOT_AFTER.match(after) or _SV_MOT_BEFORE.search(before))
    ):
        return True
    words = p.text.split()
    low_words = [w.strip(".,!?'’").lower() for w in words]
    nxt = re.match(r"\s([A-ZÅÄÖ][\w'’]*|[a-zåäö]+)", after)
    nxt_low = nxt.group(1).lower() if nxt else ""
    # "John Wayne Airport", "Willie Mays Plaza", "Chase Field", "Friends Arena"
    if (
        nxt is not None
        and nxt_low in x.facility_words
        and nxt_low not in x.surname_facilities
        and nxt.group(1)[:1].isupper()
    ):
        return True
    if (
        len(words) == 1
        and low_words[0] in x.facility_words
        and re.search(rf"\b(?:at|in|to|from|near|på|i|vid|till|från)\s+{_CAP}\s+$", before)
    ):
        return True  # "at Chase Field"
    if (
        len(words) > 1
        and low_words[-1] in x.facility_words
        and low_words[-1] not in x.surname_facilities
        and words[-1][:1].isupper()
    ):
        return True
    places = _places(lang)
    key = _place_key(p.text)
    if key and places:
        if " " in key and (key in places or _has_multiword_place(key, places)):
            return True  # "Santa Rosa", "Viva Las Vegas", "Amelie San Francisco"
        # "San Fran": a place's first words
        if " " in key and key.split()[0] in ("san", "santa", "los", "las"):
            return True
        if " " not in key and key in places and not x.known_person_before.search(before):
            if _IN_PLACE_BEFORE.search(before) and not after.startswith(("'s", "’s")):
                return True  # "in Austin", "i Lund"
            if x.travel_to_before.search(before) and not after.startswith(("'s", "’s")):
                return True  # "flying to Denver", "åker till Kiruna"
    # "Adorn by Miguel from the album …": a work's performer; "filmen Gloria Bell"
    if _WORK_BY_BEFORE[lang].search(before) and (
        _ALBUM_AFTER.match(after) or x.media_frame.search(text)
    ):
        return True
    if x.work_noun_before.search(before) and not _PERSON_AFTER_NAME.match(after):
        return True
    if x.made_by_before.search(before):
        return True  # "directed by Joel Coen", "regisserad av Ruben Östlund"
    # "Tash Sultana at The Van Buren", "Styx at the PNE Amphitheatre": a performer at a venue
    m_at = _AT_VENUE_AFTER.match(after)
    if m_at and (
        (m_at.group("the") and not _PERSON_VERB_BEFORE.search(before))
        or (
            m_at.group("venue").split()[-1].lower() in x.facility_words
            and not _SPOKEN_TO_BEFORE.search(before)
        )
    ):
        return True
    # "a Chevy Cruze", "en Volvo V70", round 23: "a Standard Chevrolet Cruze"
    if len(words) > 1 and any(
        w in x.car_makes and words[i][:1].isupper() for i, w in enumerate(low_words[:-1])
    ):
        return True
    if _r23_performer_at_venue(text, p, before, after, lang):
        return True
    # "Paris, France", "Lund, Sverige": a place, then the land it lies in
    if (
        " " not in key
        and key in places
        and key not in c.first_names
        and (m := re.search(rf"({_CAP})\s*,\s*$", before)) is not None
        and _place_key(m.group(1)) in places
    ):
        return True
    if _title_list(text, p, c):
        return True
    # a thing's name: "The event name is Bill Callahan", "restaurangens namn är"
    if x.thing_name_cue.search(before):
        return True
    # a performer, a work, a team: the utterance is about songs, films, concerts or matches
    return bool(
        x.media_frame.search(text)
        and _rule_tail(p) in _WEAK_NAME_RULES
        and not x.known_person_before.search(before)
        and not x.known_person_after.match(after)
        and not _SELF_CUE_BEFORE.search(before)
        and not _PERSON_VERB_BEFORE.search(before)
        and not _PERSON_AFTER_NAME.match(after)
        and not (before.rstrip().endswith(",") and re.match(r"\s*[.!?]?\s*$", after))
    )


#: Someone's own contact details: a first- or second-person word in the same sentence.
_PERSONAL_CONTACT = re.compile(
    r"\b(?:my|mine|me|your|yours|his|her|hers|i|i['’]m|i['’]ve|i['’]d|i['’]ll|home|we|our|us|"
    r"you\s+(?:at|on)|min|mitt|mina|mig|mej|jag|din|ditt|dina|dig|hans|hennes|hem|hemma|"
    r"hemadress\w*|vi|vår|vårt|oss|er|era|ert)\b",
    re.IGNORECASE,
)
#: "The spa's phone number", "Aslam's Rasoi's address", "The number for Hukilau is",
#: "Tandvårdens nummer": a named business's number (not a person's: no known name).
_NAMED_CONTACT = {
    "en": re.compile(
        r"(?:(?P<a>[A-Z][\w&]*)['’]s\s+(?:(?:phone|contact|telephone)\s+)?(?:number|address)"
        r"|\b(?:number|address|phone)\s+(?:for|of)\s+(?P<b>[A-Z][\w&'’]*))"
    ),
    "sv": re.compile(
        r"(?P<a>[A-ZÅÄÖ][\w&]*)s\s+(?:telefon)?(?:nummer|numret|adress|adressen)"
        r"|\b(?:numret|adressen|nummer)\s+(?:till|för)\s+(?P<b>[A-ZÅÄÖ][\w&'’]*)"
    ),
}
#: A bare "the number is", "it's at" in a sentence of its own ...
_BARE_CONTACT = {
    "en": re.compile(
        r"(?:^|\band\s+|,\s+)\W*(?:(?:sure|yes|yeah|ok|okay|of\s+course|done|great)\W+)?"
        r"(?:the\s+(?:[\w-]+\s+)?(?:address|number|phone|location|telephone)(?:\s+is|['’]s|:)"
        r"|(?:address|phone\s+number|number|contact\s+number)(?:\s+is|:)"
        r"|it['’]s|it\s+is|its)\s*(?:(?:at|on|located\s+at)\s+)?$",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"(?:^|\boch\s+|,\s+)\W*(?:(?:ja|javisst|absolut|okej|visst)\W+)?"
        r"(?:(?:telefon)?numret\s+är|adressen\s+är|det\s+är|den\s+ligger\s+på)\s*$",
        re.IGNORECASE,
    ),
}
#: The caller's booking, not the caller's own details: "your reservation", "din bokning".
_YOUR_BOOKING = re.compile(
    r"\b(?:your|din|ditt|dina|er|ert)\s+(?:reservation|booking|appointment|tickets?|visit|"
    r"ride|table|order|seats?|bokning|reservation|biljett|biljetter|besök|bord|tid)\b",
    re.IGNORECASE,
)
#: A read-back asking the caller to confirm: the caller's own data.
_READ_BACK_AFTER = re.compile(
    r"^[^.!]{0,40}(?:\?|\bis\s+that\s+(?:right|correct)|\bstämmer\s+det|\bcorrect\b)",
    re.IGNORECASE,
)
#: Round 23: an agent's own action, no one's contact ("I have confirmed your appointment",
#: "I've made your reservation"): left out before looking for a first-person word.
_AGENT_ACTION = re.compile(
    r"\bI(?:['’]ve|\s+have|\s+had)?\s+(?:(?:successfully|already|just|now)\s+)?"
    r"(?:confirmed|booked|made|scheduled|reserved|placed|set\s+up|arranged|found|located)\b"
    r"|\bI\s+(?:was|am)\s+(?:unable|not\s+able)\s+to\b|\bI\s+can\s+(?:grab|give)\s+you\b"
    r"|\bjag\s+har\s+(?:bekräftat|bokat|reserverat|hittat)\b",
    re.IGNORECASE,
)
#: Round 23: a venue's or listing's own address or number by its frame: "The location is",
#: "It's being held at", "the phone number listed", "their number", "here is the number".
_VENUE_BEFORE = {
    "en": re.compile(
        r"\b(?:the\s+location\s+is|location\s+is\s+at|(?:being|is|are|will\s+be)\s+held\s+at|"
        r"takes?\s+place\s+at|taking\s+place\s+at|(?:phone\s+)?number\s+listed|"
        r"listed\s+(?:as|for|at)|here\s+is\s+the\s+(?:phone\s+)?number|"
        r"note\s+the\s+(?:phone\s+)?number|their\s+(?:phone\s+|contact\s+)?number|"
        r"(?:phone\s+|contact\s+)?number\s+for\s+(?:reservations|bookings|tickets|the\s+"
        r"(?:venue|restaurant|apartments?|property|salon|hotel|box\s+office))|"
        r"(?:house|property|propery|apartment|venue|place|event)['’]s\s+(?:address|"
        r"(?:phone\s+|contact\s+)?number))\b",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"\b(?:äger\s+rum\s+på|hålls\s+på|platsen\s+är|lokalen\s+ligger\s+på|"
        r"deras\s+(?:telefon)?nummer)\b",
        re.IGNORECASE,
    ),
}
_VENUE_AFTER = re.compile(
    r"^\s*is\s+the\s+(?:phone\s+|contact\s+)?number\s+(?:listed|of\s+the|for\s+the)\b"
    r"|^\s*är\s+(?:restaurangens|hotellets|lokalens)\s+nummer\b",
    re.IGNORECASE,
)
#: A flat or house to let, with its rooms and rent: the listing's address and number.
_LISTING = re.compile(
    r"\b(?:bed\s?rooms?|\d\s+beds?|baths?|bath\s?rooms?|rents?\s+(?:for|is)|the\s+rent|"
    r"per\s+month|a\s+month|furnished|sovrum|rum\s+och\s+kök|i\s+månaden|per\s+månad|"
    r"hyran)\b",
    re.IGNORECASE,
)
#: Narrow first-person words for a listing: the caller's own home.
_OWN_HOME = re.compile(
    r"\b(?:my|mine|our|ours|we\s+live|i\s+live|min|mitt|mina|vår|vårt|bor|hem|hemma)\b",
    re.IGNORECASE,
)
#: An event's place with its time: "6:30 pm at 1030 Main Street", "… Avenue at 7 pm".
_TIME_BEFORE = re.compile(r"\d\s*(?:[ap]\.?m\.?|o['’]clock)\s+at\s+$", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"^[^.!?]{0,25}?\bat\s+\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\b|o['’]clock)"
    r"|^[^.!?]{0,10}\band\s+it\s+(?:starts|begins)\b",
    re.IGNORECASE,
)


#: The first-person words of :data:`_PERSONAL_CONTACT` in Swedish text, where "i" is "in".
_PERSONAL_CONTACT_SV = re.compile(
    r"\b(?:min|mitt|mina|mig|mej|jag|din|ditt|dina|dig|hans|hennes|hem|hemma|hemadress\w*|"
    r"vi|vår|vårt|oss|er|era|ert)\b",
    re.IGNORECASE,
)


def _agentless(x: str) -> str:
    return _AGENT_ACTION.sub(" ", _YOUR_BOOKING.sub(" ", x))


def _listing_or_event_contact(text: str, p: PersonalData, lang: str, pre: str, post: str) -> bool:
    """A listing's or an event's address and number, and a venue's number by its
    frame; never with the caller's own home, a first-person word or a read-back."""
    if p.kind not in ("address", "phone") or _READ_BACK_AFTER.match(text[p.end :]):
        return False
    rest = text[: p.start] + " " + text[p.end :]
    if (
        _LISTING.search(rest)
        and _contexts(lang).listing_what.search(rest)
        and not _OWN_HOME.search(rest)
    ):
        return True  # "Alameda Gardens Apartments at 73 North Keeble Avenue … 1 bedroom"
    personal = _PERSONAL_CONTACT_SV if lang == "sv" else _PERSONAL_CONTACT
    if personal.search(_agentless(pre)) or personal.search(_agentless(post)):
        return False
    if lang in _VENUE_BEFORE and _VENUE_BEFORE[lang].search(text, max(0, p.start - 60), p.start):
        return True
    if _VENUE_AFTER.match(post):
        return True
    return p.kind == "address" and bool(
        (_TIME_BEFORE.search(pre) or _TIME_AFTER.match(text[p.end :]))
        and not personal.search(_agentless(rest))
        and not re.search(
            r"\b(?:pick\w*|deliver\w*|collect\w*|hämta\w*|leverera\w*)\b", rest, re.IGNORECASE
        )
    )


_TAIL_SENTENCE_START = re.compile(r"(?:[.!?:;]\s+|^)(?=[^.!?:;]*$)")
#: Money: "$19,209.10", "1 200 kr": never an account number.
_MONEY_BEFORE = re.compile(r"[$£€]\s?[\d,.\s]*$")
_MONEY_AFTER = re.compile(
    r"^(?:[.,]\d{2})?\s*(?:kr\b|kronor|sek\b|dollars?|pounds?|euros?|:-)", re.IGNORECASE
)


def _venue_contact(text: str, p: PersonalData, lang: str) -> bool:
    """An address or phone number given of a venue, business or event: "The
    phone number for Aslam's Rasoi is …", "They can be reached at …", "The event is at …",
    "de nås på 08-…"; not "your address is", "I have your number as", nor a read-back."""
    if p.kind == "bank_account":
        return bool(
            _MONEY_BEFORE.search(text, max(0, p.start - 12), p.start)
            or _MONEY_AFTER.match(text[p.end : p.end + 10])
        )
    if p.kind not in ("address", "phone"):
        return False
    head = text[: p.start]
    m = _TAIL_SENTENCE_START.search(head)
    pre = head[m.end() :] if m else head
    stop = _CLAUSE_END.search(text, p.end)
    post = text[p.end : stop.start() if stop else len(text)]
    if _listing_or_event_contact(text, p, lang, pre, post):
        return True
    if _PERSONAL_CONTACT.search(_agentless(pre)) or _PERSONAL_CONTACT.search(_agentless(post)):
        return False
    if _READ_BACK_AFTER.match(text[p.end :]) or lang not in _NAMED_CONTACT:
        return False
    x = _contexts(lang)
    if x.third_party_contact.search(pre):
        return True
    rest = text[: p.start] + " " + text[p.end :]
    if (
        _BARE_CONTACT[lang].search(pre)
        and x.booked_context.search(rest)
        and not _PERSONAL_CONTACT.search(_agentless(rest))
    ):
        return True  # "Your table is booked. The number is 707-555-0123."
    c = compiled(lang)
    for m in _NAMED_CONTACT[lang].finditer(pre):
        who = (m.group("a") or m.group("b") or "").strip("'’").lower()
        if who.endswith(("'s", "’s")):
            who = who[:-2]
        if who and who not in c.first_names and who not in c.surnames:
            return True
    return False


def _drop_third_party_finds(text: str, found: list[PersonalData], lang: str) -> list[PersonalData]:
    """Drop finds that are no personal data of anyone in the call: places, works, matches and premises taken for people,
    venues' and businesses' contact details, money taken for an account number."""
    return [
        p
        for p in found
        if not (p.kind == "name" and _public_or_place_not_person(text, p, lang))
        and not _venue_contact(text, p, lang)
    ]

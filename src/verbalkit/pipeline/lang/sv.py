"""Swedish context rules: what the pattern rules of ``models/sv`` cannot express alone.

The hook works per *unit*: a sentence closed by terminal punctuation, or, in ASR rows
without any punctuation, the pipeline's own sentence guesses. Every word list it uses is
pack data (``models/sv/lexicons/*.txt``); the code holds only Swedish grammar:

- question typing by the answer asked for (LABELLING rule 1): V1 order, wh-words, requests,
  exclamations ("vad tråkigt!") that only look like questions, and "?" in punctuated text;
- ``solution``: jag/vi + (modal) + remedy verb, V2 inversion ("Då skickar jag…"), a remedy
  reported as done ("nu är det bokat"), self-help imperatives, pointing the customer to
  where the problem gets fixed ("du kan alltid ringa…");
- ``expectation``: a next step *and* a future time anchor, not in a question (an offered
  time), not a deadline or opening hours, not in the past;
- ``follow_up``: we or our own people contact the customer again; outside firms and
  automatic texts do not count;
- ``demanding``: du/ni + måste/får/behöver + an infinitive (not epistemic "måste ha…",
  not receiving "du får ett sms");
- ``collaboration``: the customer is asked to shape or choose the remedy;
- ``restating``: "så/alltså" + the customer's content, checks of understanding, a named
  feeling, an echo of the customer's key words;
- ``sympathy``, ``apology`` and ``blaming`` where the cue needs the rest of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from verbalkit.pipeline import regexcache
from verbalkit.pipeline.components.common import (
    add_tag,
    doc_prev,
    doc_text,
    has_tag,
    remove_tags,
    sent_bounds,
    sentence_at,
    span_text,
    tags_overlapping,
    token_lists,
)
from verbalkit.pipeline.components.common import (  # the shared compiled-regex cache
    cached_match as _match,
)
from verbalkit.pipeline.components.common import (
    cached_search as _search,
)
from verbalkit.pipeline.components.questions import contains
from verbalkit.pipeline.components.questions import starts_with as starts
from verbalkit.pipeline.packs import RulePack

_INTENSIFIER = re.compile(r"^(?:jätte|super|skit|väldigt|riktigt)(?=\w{4})")
_WORD = re.compile(r"[\wåäöÅÄÖ]+")


#: Rule ids this hook gives its tags (the pack's pattern rules have their own).
GENERATED_RULE_IDS = frozenset(
    {
        "sv.open_question.wh_open",
        "sv.open_question.request_to_explain",
        "sv.open_question.design_outcome",
        "sv.closed_question.wh_one_fact",
        "sv.closed_question.v1_verb_first",
        "sv.closed_question.question_mark",
        "sv.closed_question.tag_question",
        "sv.closed_question.choice",
        "sv.closed_question.request_one_fact",
        "sv.restating.so_marker",
        "sv.restating.check_understanding",
        "sv.restating.named_feeling",
        "sv.restating.echo",
        "sv.sympathy.feeling_word",
        "sv.sympathy.understands_feeling",
        "sv.sympathy.situation_weight",
        "sv.solution.agent_remedy",
        "sv.solution.remedy_done",
        "sv.solution.self_help",
        "sv.solution.where_to_fix",
        "sv.solution.choice_of_remedies",
        "sv.solution.blunt_redirect",
        "sv.collaboration.shape_outcome",
        "sv.expectation.next_step_time",
        "sv.follow_up.contact_again",
        "sv.demanding.obligation",
        "sv.blaming.shift_fault",
        "sv.blaming.customer_fault",
        "sv.apology.admission",
    }
)

#: retype_questions removes every question tag and types the units again: the question
#: component leaves Swedish agent turns to it (verbalkit.pipeline.lang.retypes_questions).
RETYPES_QUESTIONS = True

PUNCT_CHARS = ".,?!;"
TERMINALS = frozenset({".", "!", "?", "…", "...", ";"})
QUESTION_LABELS = ("open_question", "closed_question")

WH_WORDS = frozenset(
    {"vad", "vem", "vilken", "vilket", "vilka", "när", "var", "vart", "hur", "varför"}
)
SECOND_PERSON = frozenset({"du", "ni", "dig", "er", "din", "ditt", "dina", "era", "ert"})
FIRST_PERSON = frozenset({"jag", "vi", "mig", "oss", "vår", "vårt", "våra", "min", "mitt", "mina"})
AGENT_SUBJECTS = frozenset({"jag", "vi"})
#: Words that may stand between a subject and its main verb ("jag kan antingen skicka").
VERB_BRIDGE = frozenset(
    {
        "kan", "ska", "kommer", "att", "får", "måste", "vill", "tänker", "har", "gärna",
        "också", "även", "direkt", "nu", "då", "antingen", "själv", "tyvärr", "bara",
        "istället", "genast", "redan", "helt", "enkelt", "faktiskt", "nog", "först", "sen",
        "sedan", "hellre", "alltså", "börjar", "med", "gå", "in", "och", "personligen", "alltid",
        "skulle", "kunna", "absolut", "självklart", "gott",
    }
)  # fmt: skip
MODALS = frozenset({"måste", "får", "behöver"})
#: Words after "du måste/får" that show it is not an obligation (epistemic, receiving).
NOT_OBLIGATION = frozenset(
    {"ha", "vara", "inte", "gärna", "en", "ett", "den", "det", "de", "dem", "svar", "tillbaka"}
)
OBLIGATION_SKIP = frozenset(
    {"själv", "själva", "tyvärr", "nog", "då", "alltså", "också", "istället", "helt", "enkelt",
     "bara", "ju", "faktiskt"}
)  # fmt: skip
DOCUMENT_WORDS = (
    "polisanmälan", "kvitto", "intyg", "underlag", "bild", "foto", "kopia", "lönebesked",
    "läkarintyg", "kontoutdrag", "ställning", "läsa av", "avläsning", "uppgifter", "nummer",
)  # fmt: skip
#: A demand that sends the customer elsewhere is a (blunt) solution too (AMB:blunt-redirect).
REDIRECT = re.compile(
    r"\b(?:kontakta|vänd dig|vända dig|vända er|mina sidor|e-tjänst\w*|webbplats\w*|hemsida\w*|post"
    r"|via"
    r"|(?:ta|ordna|prata|lösa|reda ut|göra upp)(?: \w+){0,2} med|hos|till (?:dem|dom|deras))\b"
)

DAYS = "måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag"
MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
UNITS = (
    r"(?:minut|kvart|timm|timme|halvtimm|dag|dygn|vecka|veckor|månad|bankdag|arbetsdag|vardag)\w*"
)
NUMBER = r"(?:\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|tolv|fjorton|femton|tjugo|trettio|några|ett par)"
NEXT_THINGS = r"vecka|veckan|månad|år|helg|faktura\w*|leverans\w*|avläsning\w*|betalning\w*|lönedag|besök\w*|\w+dag"
#: Future time anchors (LABELLING rule 8): clock, calendar, span or relative time.
HOUR = (
    r"(?:\d+(?:[.:]\d+)?|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton"
    r"|femton|sexton|sjutton|arton|nitton|tjugo\w*)"
)
TIME_ANCHOR = re.compile(
    rf"\b(?:i ?(?:dag|kväll|morgon|eftermiddag|förmiddag|natt|övermorgon|helgen)"
    rf"|på (?:{DAYS})(?:en)?|(?:nästa|kommande|nästkommande) (?:{DAYS}|{NEXT_THINGS})|inom (?:{NUMBER} (?:till|à|eller) )?(?:{NUMBER} )?{UNITS}"
    rf"|senast\b|om (?:{NUMBER} ){UNITS}|klockan {HOUR}\b|kl\.? ?\d+|vid \d+-tiden"
    # a clock time written with a point ("då ses vi 13.20"), this week, N units before it
    rf"|\b(?:[01]?\d|2[0-3])[.:][0-5]\d\b(?!-)|(?:den här|denna) veckan?\b|i veckan\b"
    rf"|{NUMBER} {UNITS} (?:innan|före)\b"
    # a start day ("från måndag", "från och med i morgon") and a bare date ("den 25:e")
    rf"|från (?:och med )?(?:{DAYS}|i morgon|nästa vecka)\b"
    rf"|(?:på|till|senast|före|efter|vid|innan|nästa \w+) den \d+:e\b"
    rf"|före klockan|mellan (?:\d+|{NUMBER}) och|under (?:dagen|veckan|eftermiddagen|kvällen)"
    rf"|den \d+(?::e)? (?:{MONTHS})|efter helgen|(?:{DAYS}) (?:förmiddag|eftermiddag|kväll)"
    rf"|till veckan|dagen (?:innan|före|efter)|upp till (?:{NUMBER} )?{UNITS}"
    rf"|(?:tar|ta|dröjer|dröja) (?:det |den )?(?:normalt |oftast |vanligtvis |i regel |brukar )?(?:ungefär |cirka "
    rf"|runt |max |högst |bara |upp till )?(?:{NUMBER} (?:till|à|eller) )?(?:{NUMBER} )?{UNITS})"
)
#: A free slot offered for a booking: its time is not agreed yet.
SLOT_OFFER = re.compile(
    r"\b(?:har|finns) (?:det )?(?:en |ett |några )?(?:ledig |ledigt |lediga )?"
    r"(?:tid|tider|lucka|luckor|plats|platser)\b"
)
#: Times that are not what happens next: deadlines, opening hours, habits, validity.
NOT_NEXT_STEP = re.compile(
    r"\b(?:sista dag|deadline|öppet|öppettider|gäller från|började|tidigare desto|förfaller"
    r"|förfallodag\w*"
    r"|\w*frist(?:en|er|erna)?\b|svarstid\w*|besvaras|bekräftas av (?:dig|er)|välkommen tillbaka|välkomna tillbaka"
    # a time the rules set: "enligt hyresavtalet ska lokalen vara tömd klockan 01.00"
    r"|enligt (?:\w+ )?(?:\w*avtal\w*|villkor\w*|\w*regl\w*|\w*policy\w*|\w*bestämmelse\w*)"
    r"|(?:en gång|två gånger) (?:om|per|i) (?:året|månaden|veckan))"
)
#: A check that the time offered suits the customer.
OFFER_CHECK = re.compile(
    r"\b(?:skulle (?:det|den|detta) (?:\w+ )?(?:passa|funka|fungera|gå)|passar (?:det|den|detta)"
    r"|funkar (?:det|den)|går (?:det|den) bra)\b[^.!]*(?:\?|$)"
)
#: A negated duration or time is a norm, not a plan: "det ska inte ta tre dagar".
NEGATED_TIME = re.compile(r"\binte (?:\w+ )?(?:ta|tar|dröja|dröjer|hända|ske|behöva)\b")
FUTURE_CUE = re.compile(
    r"\b(?:ska|kommer|räknar med|blir|får du|syns|hör av|beräknad|beräknas|planerad|väntas"
    r"|förväntas|brukar|ses|hörs)\b"
)
PAST_ENDINGS = ("ade", "ades", "dde", "ddes", "tte", "de", "te", "des", "tes")
#: Strong and irregular preterites the ending test misses.
IRREGULAR_PAST = frozenset(
    {"kom", "fick", "gick", "tog", "blev", "sa", "gav", "låg", "satt", "stod", "slog", "drog",
     "såg", "hann", "kunde", "ville", "lyckades", "var", "hade", "gjorde", "fanns"}
)  # fmt: skip
#: Verbs that state a condition rather than an event ("systemet är segt i dag").
STATIVE = frozenset({"vara", "ha", "finnas", "heta", "gälla"})
#: Adverbs that may stand between a particle verb and its particle ("lägger jag också på").
PARTICLE_SKIP = frozenset({"jag", "vi", "också", "även", "gärna", "nu", "direkt", "då", "bara"})
PARTICLES = frozenset(
    {"in", "upp", "till", "på", "av", "om", "ut", "med", "tillbaka", "ner", "bort", "fram"}
)
#: Particles that can follow an inverted subject: "tas återkravet bort", "skjuts betalningen upp".
LATE_PARTICLES = frozenset({"bort", "om", "av", "upp", "ut", "in", "tillbaka", "ner"})
#: Openers of a condition: the clause after it puts its verb before the subject.
SUBORDINATORS = frozenset({"om", "ifall", "såvida"})
INVERTED_MODALS = frozenset({"kan", "ska", "får", "måste", "behöver", "bör", "blir", "kommer"})
TIME_NOUNS = ("dag", "minut", "timm", "vecka", "veckan", "kvart", "kväll", "morgon")
CLAUSE_JOINS = frozenset({"och", "men", "så", "eftersom", "innan", "fast"})
#: Nouns that make a preference question ask for one fact ("vilken summa", "vilken ort").
QUANTITY_NOUNS = frozenset(
    {
        "summa",
        "belopp",
        "tid",
        "dag",
        "datum",
        "ort",
        "nivå",
        "procent",
        "månad",
        "tidpunkt",
        "del",
        "andel",
        "mycket",
        "stor",
        "många",
        "länge",
        "ofta",
    }
)
#: Words that close an echo as an acknowledgement ("Ett köp på 1 850 …, okej.").
ACKNOWLEDGEMENTS = frozenset({"okej", "ok", "uppfattat", "noterat", "precis", "jaha", "mm"})
#: Words after which a wh-word opens an embedded clause ("beror på vilket", "vet vad").
EMBEDDING = frozenset(
    {"på", "om", "vet", "veta", "beror", "undrar", "se", "ser", "kolla", "kollar", "göra", "gör",
     "säga", "säger", "förstå", "förstår", "av", "för", "med", "till", "i", "berättar",
     "berätta", "hör", "höra", "förklarar", "förklara", "visar", "visa", "frågar", "fråga"}
)  # fmt: skip
EMBEDDED_SUBJECTS = frozenset({"jag", "du", "vi", "ni", "han", "hon", "hen", "de", "dom", "man"})
#: Function words the POS-less lemmatizer may read as verbs ("för" -> "föra").
NOT_VERBS = frozenset({"för", "under", "efter", "över", "där", "här", "när", "mer", "eller", "var"})
#: Wh-words that open an embedded question before an agent subject ("vilken adress jag ska…").
EMBEDDED_WH = frozenset({"vad", "vem", "vilken", "vilket", "vilka", "vart", "hur"})
#: Verbs for looking something up: done "åt dig" they find facts, they fix nothing.
LOOKUP_VERBS = frozenset(
    {"kolla", "kollar", "titta", "tittar", "se", "ser", "kika", "kikar", "söka", "söker", "ta",
     "tar", "undersöka", "undersöker", "kontrollera", "kontrollerar", "fråga", "frågar"}
)  # fmt: skip
#: Words before a self-help verb that make it an infinitive or a noun, not an imperative.
IMPERATIVE_BLOCKERS = frozenset(
    {"att", "och", "eller", "som", "inte", "en", "ett", "den", "det", "de", "dom", "man", "din",
     "ditt", "dina", "er", "ert", "min", "mitt", "vår", "vårt", "kan", "ska", "får", "måste",
     "behöver", "brukar", "vill", "skulle", "för", "om", "till", "på", "i"}
)  # fmt: skip
#: Words that make what the customer did faulty ("ofullständiga ritningar", "fel adress").
FAULTY = re.compile(r"^(?:ofullständig\w*|felaktig\w*|fel|för sent|inkorrekt\w*|ogiltig\w*)$")
#: First words of a short opening fragment that is a greeting or an answer, not an echo.
NOT_ECHO_OPENERS = frozenset(
    {"ja", "nej", "okej", "ok", "precis", "tack", "bra", "absolut", "hej", "hejsan", "hallå",
     "god", "välkommen", "tjena", "javisst", "visst", "jo", "mm", "usch", "oj", "åh"}
)  # fmt: skip
#: Words an ASR clause cannot end on: a subject waiting for its verb, a conjunction, or an
#: adverb that puts the next verb second ("annars kan vi", "då kan det").
NOT_CLAUSE_FINAL = frozenset(
    {"jag", "du", "vi", "ni", "han", "hon", "hen", "man", "och", "men", "eller", "att", "som",
     "annars", "då", "sen", "sedan", "därför", "dessutom", "också", "nu", "dess", "så", "om",
     "när", "eftersom", "fast", "tills", "medan", "innan", "ju", "nog"}
)  # fmt: skip
#: Endings of a definite noun naming one identifier ("ordernumret", "adressen").
IDENTIFIER_ENDINGS = (
    "numret", "numren", "nummer", "adressen", "namnet", "koden", "datumet", "beloppet",
    "summan", "id:t", "regnumret",
)  # fmt: skip
#: Wh-checks on a proposal the agent has made: collaboration only (rule 7, AMB:co-not-oq).
PROPOSAL_CHECKS = (
    ("vad", "tycker", "du", "om"), ("vad", "säger", "du", "om"), ("vad", "tycker", "ni", "om"),
    ("vad", "säger", "ni", "om"), ("vad", "skulle", "du", "tycka", "om"),
    ("vad", "skulle", "du", "säga", "om"), ("vad", "skulle", "ni", "tycka", "om"),
    ("vad", "skulle", "ni", "säga", "om"), ("hur", "låter", "det"), ("hur", "låter", "detta"),
    ("hur", "låter", "det", "här"), ("vad", "tror", "du", "om"),
)  # fmt: skip
PRONOUNS = FIRST_PERSON | SECOND_PERSON | {"det", "den", "han", "hon", "hen", "de", "dom"}
#: Contact verbs: a remedy when we contact someone else for the customer, follow-up when "dig".
CONTACT_FOR = frozenset({"ringa", "kontakta", "påminna", "mejla", "maila"})


@dataclass(frozen=True)
class Words:
    """The pack's word lists this hook uses, lower-cased."""

    fillers: frozenset[str]
    subjects: frozenset[str]
    v1_verbs: frozenset[str]
    wh_fact: tuple[tuple[str, ...], ...]
    wh_open: tuple[tuple[str, ...], ...]
    open_requests: tuple[tuple[str, ...], ...]
    closed_requests: tuple[tuple[str, ...], ...]
    tag_questions: tuple[tuple[str, ...], ...]
    exclamatives: frozenset[str]
    feelings: frozenset[str]
    remedy: frozenset[str]
    enabling: frozenset[str]
    self_help: frozenset[str]
    done: frozenset[str]
    obligation: frozenset[str]
    third_parties: frozenset[str]
    fault: frozenset[str]
    contact: frozenset[str]
    inhouse: frozenset[str]
    blame_targets: frozenset[str]
    compensation: frozenset[str]
    customer_choices: frozenset[str]
    customer_actions: frozenset[str]
    outside_suffixes: tuple[str, ...]
    inhouse_suffixes: tuple[str, ...]
    stop: frozenset[str]
    weight: frozenset[str]
    experience: frozenset[str]
    passive_remedy: frozenset[str]

    @classmethod
    def from_pack(cls, pack: RulePack) -> Words:
        def phrases(name: str) -> tuple[tuple[str, ...], ...]:
            items = {tuple(p.lower().split()) for p in pack.lexicon(name)}
            return tuple(sorted(items, key=lambda s: (-len(s), s)))

        s = pack.lexicon_set
        return cls(
            fillers=s("fillers"),
            subjects=s("subjects"),
            v1_verbs=s("v1_verbs"),
            wh_fact=phrases("wh_fact"),
            wh_open=phrases("wh_open"),
            open_requests=phrases("open_requests"),
            closed_requests=phrases("closed_requests"),
            tag_questions=phrases("tag_questions"),
            exclamatives=s("exclamatives"),
            feelings=s("feelings"),
            remedy=s("remedy_verbs"),
            enabling=s("enabling_verbs"),
            self_help=s("self_help"),
            done=s("done_words"),
            obligation=s("obligation_verbs"),
            third_parties=s("third_parties"),
            fault=s("fault_words"),
            contact=s("contact_verbs"),
            inhouse=s("inhouse"),
            blame_targets=s("blame_targets"),
            compensation=s("compensation"),
            customer_choices=s("customer_choices"),
            customer_actions=s("customer_actions"),
            # compounds end in the head word: "målerifirma", "skadehandläggare"
            outside_suffixes=tuple(x for x in s("third_parties") if len(x) >= 5 and x.isalpha()),
            inhouse_suffixes=tuple(x for x in s("inhouse") if len(x) >= 6),
            stop=s("stopwords"),
            weight=s("weight_words"),
            experience=s("experience_verbs"),
            passive_remedy=s("passive_remedies"),
        )


#: The word lists per pack object (packs are cached and never mutated, so id() is stable).
_WORDS: dict[int, tuple[RulePack, Words]] = {}


def words_of(pack: RulePack) -> Words:
    """:meth:`Words.from_pack`, once per pack."""
    hit = _WORDS.get(id(pack))
    if hit is None or hit[0] is not pack:
        hit = (pack, Words.from_pack(pack))
        _WORDS[id(pack)] = hit
    return hit[1]


class Tok:
    """The attributes of one token this hook reads, as plain values.

    A spaCy Token is a new object on every access, and its text attributes are looked up
    each time; the hook reads the same tokens' attributes over and over. These are read
    once per Doc (:func:`toks_of`).
    """

    __slots__ = ("_forms", "doc", "i", "is_punct", "is_space", "lemma_", "lower_", "text")

    def __init__(
        self, doc: Doc, i: int, text: str, lower: str, lemma: str, punct: bool, space: bool
    ) -> None:
        self.doc = doc
        self.i = i
        self.text = text
        self.lower_ = lower
        self.lemma_ = lemma
        self.is_punct = punct
        self.is_space = space
        self._forms: set[str] | None = None

    @property
    def sent(self) -> Span:
        """The sentence the token is in (as ``Token.sent``)."""
        return sentence_at(self.doc, self.i)


def toks_of(doc: Doc) -> list[Tok]:
    """Every token of ``doc`` as a :class:`Tok`, built once per Doc."""
    found: list[Tok] | None = doc.user_data.get("vk_sv_toks")
    if found is None:
        t = token_lists(doc)
        found = [
            Tok(doc, i, text, low, lemma, punct, space)
            for i, (text, low, lemma, punct, space) in enumerate(
                zip(t.texts, t.lowers, t.lemmas, t.puncts, t.spaces, strict=True)
            )
        ]
        doc.user_data["vk_sv_toks"] = found
    return found


# --------------------------------------------------------------------------- helpers


def is_asr(doc: Doc) -> bool:
    """ASR-style row: no punctuation at all, so sentence ends are guesses."""
    text = doc_text(doc)
    return not any(ch in text for ch in PUNCT_CHARS)


def conditional_before(
    lowers: list[str], piece: tuple[int, int], start: int, v1_verbs: frozenset[str]
) -> bool:
    """The piece before ends in a condition ("om dom inte svarar", "och har ni en kamin") and
    the next one starts with the main clause's inverted verb ("kan du skicka…")."""
    head = lowers[start : start + 3]
    if head[:1] in (["så"], ["då"]):  # "står du på fast pris | så påverkas du inte"
        head = head[1:]
        finite = bool(head) and (head[0] in INVERTED_MODALS or head[0].endswith(("r", "s")))
    else:
        finite = bool(head) and head[0] in INVERTED_MODALS
    if not (finite and len(head) > 1 and head[1] in EMBEDDED_SUBJECTS):
        return False
    tail = lowers[max(piece[0], piece[1] - 10) : piece[1]]
    if any(x in SUBORDINATORS for x in tail):
        return True
    # the piece before is itself a V1 clause: "har du kvar kartongen | kan du skicka…"
    if (
        lowers[piece[0]] in v1_verbs
        and piece[0] + 1 < piece[1]
        and lowers[piece[0] + 1] in EMBEDDED_SUBJECTS
    ):
        return True
    # a V1 condition after a conjunction: "och har ni en gasolkamin | kan ni…"
    return any(
        a in ("och", "men") and b in v1_verbs and c in EMBEDDED_SUBJECTS
        for a, b, c in zip(tail, tail[1:], tail[2:], strict=False)
    )


def units(doc: Doc, v1_verbs: frozenset[str] = frozenset()) -> list[Span]:
    """The pipeline's sentences; one unit for text with commas but no terminal punctuation.

    The splitter treats any terminal punctuation (a final full stop included) as the
    writer's own sentence ends and splits only wholly unpunctuated (ASR) text at discourse
    starters. A row punctuated with commas alone is written text too, so it stays whole.
    """
    t = token_lists(doc)
    asr = is_asr(doc)
    if not asr and not any(text in TERMINALS for text in t.texts):
        return [doc[:]]
    puncts, spaces, lowers = t.puncts, t.spaces, t.lowers
    bounds = [
        (start, end)
        for start, end in sent_bounds(doc)
        if any(not puncts[i] and not spaces[i] for i in range(start, end))
    ]
    if asr:
        # A guessed sentence end after a subject, a conjunction or a clause-opening adverb
        # ("…och du | har ju själv godkänt", "…annars | kan vi inte") cuts one clause in
        # two and makes a V2 verb look like a V1 question: join the pieces again.
        merged: list[tuple[int, int]] = []
        for start, end in bounds:
            # "om dom inte svarar inom en vecka | kan du skicka…": the verb after a subordinate
            # clause is the main clause's second position, not a V1 question
            after_sub = bool(merged) and conditional_before(lowers, merged[-1], start, v1_verbs)
            if merged and (lowers[merged[-1][1] - 1] in NOT_CLAUSE_FINAL or after_sub):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        bounds = merged
    return [doc[start:end] for start, end in bounds]


def word_tokens(span: Span) -> list[Tok]:
    return [
        t for t in toks_of(span.doc)[span.start : span.end] if not t.is_punct and not t.is_space
    ]


def core(span: Span, w: Words) -> list[Tok]:
    """Word tokens after leading fillers ("okej, ja, så vad hände" keeps "så vad hände")."""
    toks = word_tokens(span)
    i = 0
    while (
        i < len(toks) - 1 and toks[i].lower_ in w.fillers and toks[i].lower_ not in ("så", "alltså")
    ):
        i += 1
    return toks[i:]


def lows(toks: list[Tok]) -> list[str]:
    return [t.lower_ for t in toks]


def has_qm(span: Span) -> bool:
    return any("?" in text for text in token_lists(span.doc).texts[span.start : span.end])


#: ``\bphrase\b`` regexes by phrase.
_PHRASE_RES: dict[str, re.Pattern[str]] = {}


def _phrase_re(phrase: str) -> re.Pattern[str]:
    found = _PHRASE_RES.get(phrase)
    if found is None:
        found = regexcache.compile(rf"\b{re.escape(phrase)}\b")
        _PHRASE_RES[phrase] = found
    return found


def has_phrase(text: str, *phrases: str) -> bool:
    return any(p in text and _phrase_re(p).search(text) for p in phrases)


def base_forms(token: Tok) -> set[str]:
    """Candidate base forms of a verb token ("skickar", "ringer", "bokat" -> "skicka", …).

    The lookup lemmatizer has no POS, so it sometimes picks a noun ("mejlar" -> "mejlare");
    the inflection endings give the verb reading as well.
    """
    if token._forms is not None:
        return token._forms
    low = token.lower_
    out = {low, token.lemma_.lower()}
    if low.endswith("ar") or low.endswith("at"):
        out.add(low[:-1])
    if low.endswith("er"):
        out.add(low[:-2] + "a")
    if low.endswith("r"):
        out.add(low[:-1])
    if low.endswith("ats"):
        out.add(low[:-2])
    token._forms = out
    return out


def is_verb_in(token: Tok, verbs: frozenset[str]) -> bool:
    return not verbs.isdisjoint(base_forms(token))


#: Words that open a clause about the past or background: "innan vi bytte beläggen", "när
#: vi lagade den", "som vi skickade".
_BACKGROUND_OPENERS = frozenset(
    {"innan", "när", "efter", "sedan", "sen", "som", "eftersom", "tills", "fast", "medan"}
)


def _own_subject(low: list[str], toks: list[Tok], k: int) -> bool:
    """Whether ``low[k]`` is "jag"/"vi" as the subject of the agent's own step: not in a
    background clause ("innan vi bytte beläggen") and not before a past-tense verb."""
    if low[k] not in AGENT_SUBJECTS:
        return False
    if k > 0 and low[k - 1] in _BACKGROUND_OPENERS:
        return False
    return not (k + 1 < len(toks) and is_past(toks[k + 1]))


def is_past(token: Tok) -> bool:
    """Preterite or past passive ("justerades", "ringde"): the lemma differs, the ending fits."""
    low = token.lower_
    if low in IRREGULAR_PAST:
        return True
    return (
        len(low) > 4
        and low.endswith(PAST_ENDINGS)
        and token.lemma_.lower() != low
        and token.lemma_.lower().endswith(("a", "å"))
    )


def stems(text: str, stop: frozenset[str]) -> set[str]:
    """Crude content stems: inflected and compound forms meet on their first five letters."""
    out = set()
    for word in _WORD.findall(text.lower()):
        if word in stop or (len(word) < 3 and not word.isdigit()):
            continue
        out.add(word[:5] if len(word) > 5 else word)
    return out


def tag(doc: Doc, span: Span, label: str, slug: str, confidence: float) -> None:
    add_tag(doc, span, label, f"sv.{label}.{slug}", confidence)


def drop(doc: Doc, label: str, span: Span) -> None:
    """Remove tags of ``label`` that overlap ``span``."""
    for tagged in tags_overlapping(doc, label, span):
        remove_tags(doc, label, within=tagged)


# --------------------------------------------------------------------------- questions


#: Words before a request to hear again: "Förlåt?", "Ursäkta, vad?", "Öh, va?".
REPAIR_LEADS = frozenset({"förlåt", "ursäkta", "oj", "öh", "eh", "hm", "hmm", "va"})
#: What asks to hear again after them: nothing at all ("Förlåt?"), or a bare "vad?".
#: "Vad sa du?" asks for what was said, one fact: closed, as labelled.
REPAIR_BODIES = frozenset({(), ("vad",), ("hursa",), ("en", "gång", "till")})
#: "…, vet du?": a filler said with rising pitch; what comes before it is typed alone.
_VET_DU_TAG = re.compile(r",\s*vet du\s*\?+\s*$")


def question_type(unit: Span, w: Words, asr: bool) -> tuple[str, str] | None:
    """(label, slug) for a question unit, or None (LABELLING rules 1, 2 and 7)."""
    toks = lows(core(unit, w))
    qm = has_qm(unit)
    if qm:
        i = 0
        while i < len(toks) and toks[i] in REPAIR_LEADS:
            i += 1
        if tuple(toks[i:]) in REPAIR_BODIES and (i or toks):
            return None  # asks to hear again, not a question about the matter
        if len(toks) > 4 and toks[-2:] == ["vet", "du"] and _VET_DU_TAG.search(unit.text):
            found = classify_words(toks[:-2], True, w, asr)
            return None if found is None or found[1] == "question_mark" else found
    return classify_words(toks, qm, w, asr)


def classify_words(toks: list[str], qm: bool, w: Words, asr: bool) -> tuple[str, str] | None:
    """Question type of a word sequence (fillers already stripped)."""
    if toks and toks[0] in ("så", "alltså") and len(toks) > 1 and toks[1] in WH_WORDS:
        toks = toks[1:]
    if not toks:
        return None
    # "Vad tråkigt!", "åh vad synd": an exclamation, whatever its punctuation.
    if len(toks) > 1 and toks[0] == "vad" and toks[1] in w.exclamatives:
        if asr:  # an ASR row may go on into the real question: "vad trist var du i bilen"
            for i in range(2, len(toks) - 1):
                v1 = toks[i] in w.v1_verbs and toks[i + 1] in ("du", "ni", "det")
                if v1 or (toks[i] in WH_WORDS and toks[i + 1] in w.v1_verbs):
                    return classify_words(toks[i:], qm, w, asr)
        return None
    # A wh-check on a proposal already made is collaboration only (rule 7).
    if contains(toks, PROPOSAL_CHECKS):
        return None
    if toks[0] in ("säg", "välj") and len(toks) > 1 and toks[1] in WH_WORDS:
        return "closed_question", "request_one_fact"
    # Statement-form questions: "Jag undrar om…", "Jag skulle vilja veta vilket datum…"
    for i in range(len(toks) - 1):
        if toks[i] in ("undrar", "veta") and i > 0 and toks[i - 1] in ("jag", "vilja", "vill"):
            nxt = toks[i + 1 :]
            if nxt[0] in ("vad", "hur", "varför") and not starts(nxt, w.wh_fact):
                return "open_question", "request_to_explain"
            if nxt[0] == "om" or nxt[0] in WH_WORDS:
                return "closed_question", "request_one_fact"
    # "berätta att …" tells the customer what to tell someone else; it asks for nothing.
    if contains(toks, w.open_requests) and not told_to_tell(toks):
        if contains(toks, w.closed_requests):
            return "closed_question", "request_one_fact"
        return "open_question", "request_to_explain"
    if not (qm or asr):
        return None
    # An unpunctuated run that ends in an inverted wh-question ("…det e förfärligt hur mår du
    # nu"): embedded wh-clauses keep subject before verb, so wh + verb + subject asks.
    if asr and not qm and toks[0] not in WH_WORDS and toks[0] not in w.v1_verbs:
        for i in range(2, len(toks) - 2):
            verb = toks[i + 1] in w.v1_verbs or (len(toks[i + 1]) > 2 and toks[i + 1].endswith("r"))
            if toks[i] in WH_WORDS and verb and toks[i + 2] in w.subjects:
                return classify_words(toks[i:], qm, w, asr)
    if toks[0] in WH_WORDS:
        if "varför" in toks or contains(toks, (("hur", "kommer", "det", "sig"),)):
            return "open_question", "wh_open"
        # A wh-question that lists the options is either/or (AMB:wh-either-or-closed):
        # "vad behöver du komma åt, är det filer eller bara mejl?"
        if "eller" in toks[2:-1] and not contains(toks, (("eller", "hur"),)):
            return "closed_question", "choice"
        # "vad är ordernumret", "vad var adressen": one identifier
        if (
            toks[0] == "vad"
            and len(toks) > 2
            and toks[1] in ("är", "var", "blir")
            and toks[2].endswith(IDENTIFIER_ENDINGS)
        ):
            return "closed_question", "wh_one_fact"
        if contains(toks, (("skulle", "du"), ("skulle", "ni"))) and contains(
            toks, (("tycka",), ("vilja",), ("önska",), ("göra",))
        ):
            return "open_question", "design_outcome"
        fact = starts(toks, w.wh_fact)
        open_ = starts(toks, w.wh_open)
        if fact and (not open_ or len(fact) >= len(open_)):
            return "closed_question", "wh_one_fact"
        if open_:
            return "open_question", "wh_open"
        return "closed_question", "wh_one_fact"
    if len(toks) > 1 and toks[0] in w.v1_verbs and toks[1] in w.subjects:
        # Unpunctuated, a V1 clause followed by an inverted main clause is a condition:
        # "ligger du i tabell tre så handlar det om…", "har ni en kamin kan ni använda den"
        if asr and not qm and conditional_v1(toks, w):
            return None
        return "closed_question", "v1_verb_first"
    if qm:
        return "closed_question", "question_mark"
    tail = next((p for p in w.tag_questions if tuple(toks[-len(p) :]) == p), None)
    if tail and len(toks) > len(tail) + 2:
        return "closed_question", "tag_question"
    return None


def conditional_v1(toks: list[str], w: Words) -> bool:
    """A V1 clause answered by a main clause with its verb before the subject.

    A modal request keeps its reading: "kan jag få ditt namn så kollar jag" asks.
    """
    if toks[0] in ("kan", "kunde", "skulle", "får", "vill"):
        return False
    for i in range(3, len(toks) - 1):
        finite = toks[i] in INVERTED_MODALS or (
            (toks[i] in w.v1_verbs and toks[i].endswith("r"))
            or (toks[i - 1] in ("så", "då") and toks[i].endswith(("r", "s")))
        )
        subject = toks[i + 1] in EMBEDDED_SUBJECTS or toks[i + 1] == "det"
        if finite and subject and toks[i - 1] not in ("och", "eller", "men", "att", "som"):
            return True
    return False


def told_to_tell(toks: list[str]) -> bool:
    """ "ring och berätta att hon har missat två doser": a message to pass on."""
    return toks.count("berätta") == 1 and contains(toks, (("berätta", "att"),)) is not None


def retype_questions(doc: Doc, us: list[Span], w: Words, asr: bool) -> None:
    for label in QUESTION_LABELS:
        remove_tags(doc, label)
    for unit in us:
        found = question_type(unit, w, asr)
        if found and asr and embedded_wh(unit, w):
            found = None
        if found:
            label, slug = found
            tag(doc, unit, label, slug, 0.8 if has_qm(unit) else 0.7)
            if slug == "request_to_explain" and has_qm(unit) and tacked_on_closed(unit, w):
                # "Berätta hur det ser ut, är det blött även under skåpen?" asks both
                tag(doc, unit, "closed_question", "v1_verb_first", 0.7)


def tacked_on_closed(unit: Span, w: Words) -> bool:
    """A yes/no or one-fact question after a comma that follows a request to explain."""
    all_toks = toks_of(unit.doc)
    for clause in clauses(unit)[1:]:
        if all_toks[clause[0].i - 1].text != ",":
            continue
        low = lows(clause)
        if low and low[0] in ("och", "men", "så"):
            low = low[1:]
        found = classify_words(low, True, w, False)
        if found and found[1] in ("v1_verb_first", "wh_one_fact"):
            return True
        # V1 with a noun subject: "lyser lampan fortfarande?"
        if found and found[1] == "question_mark" and present_event(clause[0]):
            return True
    return False


GREETINGS = frozenset({"hej", "hejsan", "tjena", "tja", "hallå", "god", "goddag", "grattis"})
SYMPATHY_CRIES = frozenset({"usch", "oj", "åh", "aj", "attans", "nämen", "fy"})
#: Words after "hur" that end in -r but are not verbs: "hur stor del du vill betala".
NOT_HUR_VERBS = frozenset({"stor", "dyr", "svår", "klar", "säker", "mer", "hur", "nyår"})


def embedded_wh(unit: Span, w: Words) -> bool:
    """An ASR piece that is really an embedded wh-clause: "det beror på vilket avtal du har".

    A main-clause wh-question puts the finite verb right after the wh-phrase ("vilket avtal
    har du"); an embedded one puts the subject there ("vilket avtal du har", "vad jag kan").
    """
    toks = lows(core(unit, w))
    if not toks or toks[0] not in WH_WORDS:
        return False
    doc = unit.doc
    if unit.start > 0 and token_lists(doc).lowers[unit.start - 1] in EMBEDDING:
        return True
    rest = toks[1:3]
    if toks[0] in ("vilken", "vilket", "vilka", "hur") and len(toks) > 2:
        # "hur mår du", "hur känns det": a present-tense verb right after "hur" is inverted
        verb = toks[1] in w.v1_verbs or (
            toks[0] == "hur" and toks[1].endswith("r") and toks[1] not in NOT_HUR_VERBS
        )
        rest = toks[2:3] if not verb else toks[1:2]
    else:
        rest = toks[1:2]
    return bool(rest) and rest[0] in EMBEDDED_SUBJECTS


def is_question(doc: Doc, unit: Span) -> bool:
    return any(has_tag(doc, label, within=unit) for label in QUESTION_LABELS)


# --------------------------------------------------------------------------- behaviours


def agent_remedy(toks: list[Tok], w: Words) -> bool:
    """jag/vi (+ modal, adverbs) + remedy verb, or a remedy verb inverted before jag/vi."""
    low = lows(toks)
    for i, word in enumerate(low):
        if word not in AGENT_SUBJECTS:
            continue
        if low[0] in WH_WORDS and i <= 3:  # "Vad kan jag hjälpa dig med?" asks, it does not offer
            continue
        # an embedded wh-clause asks for a fact: "bekräfta vilken adress jag ska skicka den till"
        if any(x in EMBEDDED_WH for x in low[max(0, i - 3) : i]):
            continue
        if i > 0 and is_past(toks[i - 1]):  # "hann vi ändra det": a past event, not an offer
            continue
        if "hoppas" in low[max(0, i - 4) : i]:  # "jag hoppas att vi får tillbaka dem": a wish
            continue
        # "en summa som vi drar av": a relative clause describes how things work
        if i > 0 and low[i - 1] == "som" and low[i + 1 : i + 2] not in (["kan"], ["ska"]):
            continue
        # V2 inversion: "Då skickar jag…", "det rättar jag i dag"
        if i > 0 and remedy_verb(toks, i - 1, w) and not is_past(toks[i - 1]):
            return True
        j = i + 1
        while j < len(toks) and low[j] in VERB_BRIDGE:
            if low[j] in ("gå", "in") and j + 1 < len(low) and low[j + 1] == "på":
                break
            j += 1
        if j < len(toks) and remedy_verb(toks, j, w) and not is_past(toks[j]):
            window = low[i:j]
            # "vi ska alltid ge en ny uppskattning": a norm we broke, not an offer; but "det
            # första jag alltid rekommenderar är att du startar om…" is advice
            norm = "alltid" in window and bool({"ska", "skall", "måste", "borde"} & set(window))
            if (
                "inte" not in window
                and not norm
                and not (low[j - 1 : j] == ["har"] and is_past(toks[j]))
            ):
                return True
    return False


def remedy_verb(toks: list[Tok], i: int, w: Words) -> bool:
    """Remedy verb at ``i``; the general ones need their particle ("ta bort", "be X att")."""
    token = toks[i]
    forms = base_forms(token)
    if not forms & w.remedy:
        return False
    if forms & {"registrera", "lägga"} and any("avvikelse" in t.lower_ for t in toks):
        return False  # logging a deviation prevents the next one; it fixes nothing now
    # The particle may follow an inverted subject or an adverb ("lägger jag också på").
    after = [t.lower_ for t in toks[i + 1 : i + 5] if t.lower_ not in PARTICLE_SKIP]
    nxt = after[0] if after else ""
    if forms & {"ta"}:
        return nxt in ("bort", "tillbaka", "över")
    if forms & {"be"}:  # "be kortavdelningen (att) släppa…", not "ber om ursäkt"
        # "ber rektorn ringa dig" has someone contact the customer: follow-up, not a remedy
        later = [t.lower_ for t in toks[i + 1 : i + 7] if t.lower_ not in PARTICLE_SKIP]
        spoken = any(x.endswith(("a", "å")) and x not in PRONOUNS for x in later[1:5]) and not (
            {"dig", "er"} & set(later[1:4])
        )
        return nxt not in ("dig", "er", "om", "") and ("att" in after[1:] or spoken)
    if forms & {"lägga"}:  # "lägger in en efterlysning", "lägger en order"
        return nxt in PARTICLES or nxt in ("en", "ett")
    if forms & {"stå"}:  # "det står vi för", "vi står för kostnaden"; not "det står i…"
        return nxt == "för"
    if forms & {"slå", "dra", "räkna", "skriva", "köra", "börja", "ställa", "sätta"}:
        return nxt in PARTICLES
    if forms & {"hjälpa"}:  # a concrete offer, not "jag hjälper dig med allt"
        return nxt in ("dig", "er") and "att" in after[1:3]
    if forms & {"lösa", "fixa", "ordna", "reda"}:  # "vi löser det" reassures, names no remedy
        return nxt not in ("det", "detta", "allt", "ut", "")
    if forms & CONTACT_FOR:  # calling the shop for the customer; "ringer dig" is follow-up
        # but "mejlar dig ett utkast" sends the customer something
        sends = nxt in ("dig", "er") and after[1:2] in (["en"], ["ett"], ["det"], ["den"])
        return sends or nxt not in ("dig", "er", "upp", "tillbaka", "")
    return True


#: A remedy as a noun, carried out: "återbetalningen görs", "vi gör en reklamation", "bjuder vi på".
REMEDY_PROCESS = re.compile(
    r"\b(?:återbetalning|återföring|kreditering|rättelse|omräkning|utbetalning|ombokning"
    r"|ersättning|kompensation)(?:en|arna)? (?:\w+ )?(?:görs|sker|genomförs|skickas|kommer att göras)\b"
    r"|\b(?:gör|lägger|skickar|startar) (?:jag|vi) (?:\w+ )?(?:en|ett) (?:\w+ )?(?:ansökan|chargeback"
    r"|reklamation|återbetalning|kreditering|omprövning|ersättningsanspråk|återföring)\b"
    r"|\b(?:bjuder|står) (?:jag|vi) (?:för|på)\b"
)
#: Someone comes out to the customer: a visit is a remedy.
VISIT = re.compile(
    r"\b(?:vår|våra|en|ni får en|du får en) (?:\w+ )?(?:tekniker|montör|installatör"
    r"|fastighetsskötare|reparatör|elektriker|rörmokare|servicetekniker)\w* (?:\w+ ){0,2}"
    r"(?:kommer|kan komma|åker|far|är på plats)\b"
)


def passive_remedy(toks: list[Tok], i: int, w: Words) -> bool:
    """An s-passive of a remedy verb, present tense ("återbetalas", "ersätts", "körs ut")."""
    low = toks[i].lower_
    if not low.endswith("s") or len(low) < 3 or low.endswith(("ades", "des", "tes")):
        return False
    base = low[:-1] if low[:-1] in w.passive_remedy else low[:-1] + "a"
    if base not in w.passive_remedy:
        return False
    before = [t.lower_ for t in toks[max(0, i - 2) : i]]
    if before[-2:] == ["kommer", "att"]:  # "kommer att ställas till rätta": a plan
        before = before[:-1]
    # "kan ersättas", "måste bokas": a possibility or a duty; "paket som skickas", "när
    # flödet ändras": a subordinate clause describing how things work
    if set(before) & {"kan", "kunde", "måste", "skulle", "behöver", "som", "när", "om", "innan",
                      "eftersom", "tills", "att", "annars"}:  # fmt: skip
        return False
    if any(t.lower_ in ("inte", "inga", "ingen", "inget") for t in toks[max(0, i - 2) : i + 3]):
        return False
    # the general verbs need their particle, as in the active ("körs ut", "läggs in")
    if base in (
        "köra",
        "lägga",
        "ställa",
        "dra",
        "slå",
        "ta",
        "skriva",
        "räkna",
        "skjuta",
        "sätta",
    ):
        after = [t.lower_ for t in toks[i + 1 : i + 4]]
        # V1 after "så"/"då" puts the subject first: "så tas avgiften bort", "räknas skatten om"
        return bool(after) and (after[0] in PARTICLES or bool(set(after[1:3]) & LATE_PARTICLES))
    return True


def done_participle(token: Tok, w: Words) -> bool:
    """A participle of a remedy verb ("ombokad", "återbetalda", "krediterat")."""
    low = token.lower_
    if low in w.done:
        return True
    return any(
        low.endswith(ending)
        and len(low) - len(ending) >= 3
        and low[: -len(ending)] + "a" in w.remedy
        for ending in ("ade", "ad", "at", "da", "d", "t")
    )


def solution_slug(unit: Span, toks: list[Tok], w: Words, question: bool) -> str | None:
    if not toks:
        return None
    low = lows(toks)
    text = " ".join(low)
    if agent_remedy(toks, w):
        return "agent_remedy"
    # The agreed plan carried out: "Då gör jag det", "så fixar vi det"
    if _search(r"\b(?:då|så|okej) (?:gör|fixar|ordnar|kör) (?:jag|vi) (?:det|så)\b", text):
        return "agent_remedy"
    # Something done for the customer: "då gör jag den omfördelningen åt dig"
    done_for = _search(r"\b(?:jag|vi) (?:\w+ ){0,8}?åt (?:dig|er)\b", text)
    if (
        done_for
        and not question
        and not set(done_for.group(0).split()) & LOOKUP_VERBS
        and "hoppas" not in low  # "jag hoppas att vi hittar den åt dig": a wish
    ):
        return "agent_remedy"
    # What the agent can do, offered: "det jag kan göra är att be…", "vi kan ha honom i den
    # lugna gruppen ett tag om du vill", "det går också bra att boka en tid"
    if not question and _search(
        r"\bdet (?:jag|vi) kan (?:göra|erbjuda|ordna) (?:\w+ )?är (?:att|en|ett)\b"
        r"|\b(?:jag|vi) kan (?:(?!inte\b|int\b|inget\b)\w+ ){1,12}?om (?:du|ni) (?:vill|önskar|hellre vill)\b"
        r"|\bdet går (?:också |även |alltid |jättebra |fint )?bra att (?:boka|byta|omboka|flytta|hämta"
        r"|lämna|ändra|komma in|få)\b",
        text,
    ):
        return "agent_remedy"
    # A slot offered for a visit or a booking: "jag har en lucka mellan fem och sju"
    if _search(
        r"\b(?:(?:jag|vi) har|det finns|finns det) (?:en |ett |några )?(?:ledig |ledigt |lediga )?"
        r"(?:tid|tider|lucka|luckor|plats|platser|ledig tid)\b",
        text,
    ):
        return "agent_remedy"
    # The benefit of a step: "…så slipper du larmen", "då slipper ni vänta"
    if _search(r"\b(?:så|då) slipper (?:du|ni)\b", text) and not question:
        return "self_help"
    for i in range(len(low)):
        before = low[max(0, i - 3) : i]
        # "Då är det bokat", "nu är det aktiverat", "Då har jag gjort det" (not "det är klart att")
        if ("är" in before or "har" in before or "blir" in before) and done_participle(toks[i], w):
            by_us = any(x in ("nu", "då", "jag", "vi") for x in before)
            follows = low[i + 1] if i + 1 < len(low) else ""
            logged = any("avvikelse" in x for x in low)  # a logged deviation is not a remedy
            # "det är vi som har skickat", "du har gjort det du skulle": not done for you
            cleft = "som" in before or before[-2:] in (["du", "har"], ["ni", "har"])
            if (
                by_us
                and "inte" not in before
                and follows not in ("att", "fel")
                and not logged
                and not cleft
            ):
                return "remedy_done"
    # A troubleshooting or safety imperative, also after a comma ("…, håll dig ute").
    starts_clause = [c[0] for c in clauses(unit) if c]
    reassures = _search(r"\b(?:prova|försök|testa) att inte\b", text)
    if not question and not has_phrase(text, "ta hand") and not reassures:
        for first in starts_clause:
            after_comma = first.i > 0 and toks_of(first.doc)[first.i - 1].text == ","
            if first.lower_ in w.self_help and (first.i == toks[0].i or after_comma):
                return "self_help"
    # a step and its outcome: "om du vrider ratten till 22 … ska elementen börja bli varma",
    # "om du kan skölja filtret … brukar den gå igång igen" (AMB:self-help-solution)
    if not question and _search(
        r"\bom (?:du|ni) (?:\w+ ){1,25}?(?:så )?(?:ska|brukar|bör|borde|kommer) (?:\w+ ){1,3}?"
        r"(?:gå igång|starta|fungera|funka|börja|försvinna|lösa sig|sluta|släppa|bli varm\w*"
        r"|komma tillbaka|lägga sig|tystna)\b",
        text,
    ):
        return "self_help"
    # a step in the imperative and its outcome: "logga ut och in igen så ska intyget dyka upp",
    # "gör om provet så kommer det fram direkt" (the first word is no subject or conjunction)
    if not question and _search(
        r"^(?:\W+ )?(?:(?:okej|ok|ja|då|sen|bara|och) (?:, )?)*(?!(?:jag|vi|du|ni|det|den|de|dom|han|hon|"
        r"man|så|om|när|att|och|men|eller|nej|tack|i|på|din|ditt|dina|er|vår|vårt|våra|en|ett)\b)"
        r"[a-zåäö]+ (?:\S+ ){1,10}?(?:så|och) (?:ska|brukar|bör|borde|kommer) (?:\w+ ){1,3}?"
        r"(?:dyka upp|synas|visas|komma (?:upp|fram|tillbaka)|fram|upp direkt|gå igång|starta|fungera|"
        r"funka|försvinna|lösa sig|ordna sig|släppa|gå igenom|uppdateras)\b",
        text,
    ):
        return "self_help"
    # Self-help put as what works, however long the turn runs on: "det som brukar hjälpa är
    # att dra ur routern", "tricket är att…", "det bästa är att starta om den".
    if not question and _search(
        r"\bdet som (?:brukar |ofta |oftast |alltid |faktiskt |ibland )?(?:hjälpa|hjälper|fungera|"
        r"fungerar|funka|funkar|löser det)\b(?! oss\b| mig\b)(?: \S+){0,16}? är att\b|"
        r"\bman kan (?:ju |också |alltid |faktiskt )?(?:\w+ ){1,14}?(?:så|och då|då) (?:\w+ ){0,6}?"
        r"(?:brukar|ska|borde|bör|kommer)\b|"
        r"\b(?:tricket|knepet|lösningen|det enklaste|det bästa|det snabbaste) (?:här |då )?"
        r"(?:är|brukar vara) (?:oftast |ofta )?att (?!du\b|ni\b)\w+|"
        # What the customer can do: "det du kan göra är att hålla inne knappen", "det kan
        # vara värt att starta om routern" (not "värt att veta/nämna", which informs).
        r"\bdet (?:du|ni) (?:kan|skulle kunna|kan testa att|får|behöver|bör) (?:\w+ )?göra (?:nu |då |först )?"
        r"är att\b|\bdet (?:kan|kan ju|kan nog|skulle kunna) (?:\w+ )?vara (?:värt|en idé) att "
        r"(?!veta\b|nämna\b|säga\b|komma ihåg\b|känna till\b|ha\b|spara\b)\w+|\bdet är (?:\w+ )?värt att "
        r"(?!veta\b|nämna\b|säga\b|komma ihåg\b|känna till\b|ha\b|spara\b)\w+",
        text,
    ):
        return "self_help"
    # "försök att inte oroa dig" reassures; it proposes no step
    if has_phrase(text, "prova att", "försök att", "testa att") and not reassures:
        return "self_help"
    # A suggestion asked as a question: "har du funderat på att åka till ett annat kontor?"
    if question and _search(r"\bhar (?:du|ni) (?:funderat|tänkt) på att\b", text):
        return "self_help"
    # The remedy as a process, in the passive: "pengarna återbetalas inom fem bankdagar",
    # "väskan körs ut till hotellet", "en extra tunna ställs ut i morgon" (AMB:passive-solution)
    if (
        not question
        # The system's own routine is no remedy ("adressen hämtas automatiskt"), unless what
        # it does gives the customer's money back ("dubbeldragningen återförs automatiskt").
        and ("automatiskt" not in low or GIVES_BACK.search(text) is not None)
        and not has_phrase(text, "som jag sa", "som jag nämnde", "som sagt")  # said before
        and any(passive_remedy(toks, i, w) for i in range(len(toks)))
    ):
        return "remedy_done"
    # Our own people come to fix it: "vår tekniker kommer på fredag", "en montör åker dit nu"
    if not question and VISIT.search(text) and not any(x in w.third_parties for x in low):
        return "agent_remedy"
    if not question and is_asr(unit.doc):
        for k in range(1, len(toks) - 1):
            prev_low = low[k - 1]
            if (
                low[k] in w.self_help
                and prev_low not in IMPERATIVE_BLOCKERS
                and prev_low not in w.subjects
                and prev_low not in VERB_BRIDGE
                and not is_verb_in(toks[k - 1], w.v1_verbs)
            ):
                return "self_help"
    if _search(
        r"\b(?:ligger|finns) (?:\w+ ){0,3}på (?:vår|er|våra)? ?(?:webbplats|hemsida|mina sidor)",
        text,
    ):
        return "where_to_fix"
    if _search(r"\b(?:du|ni) har rätt till\b", text) or _search(
        r"\b(?:får|kommer|kan|ska) (?:du|ni) (?:att )?(?:få )?tillbaka|\b(?:du|ni) (?:\w+ )?(?:får|ska få|kommer att få)"
        r" tillbaka",
        text,
    ):
        return "where_to_fix"
    # a charge waived: "den avgiften behöver du inte betala", "ni slipper betala för besöket"
    if not question and _search(
        r"\b(?:behöver|ska) (?:du|ni) inte (?:betala|stå för)|\b(?:du|ni) (?:behöver|ska) inte "
        r"(?:betala|stå för)|\bslipper (?:du|ni) (?:att )?betala|\b(?:du|ni) slipper (?:att )?betala",
        text,
    ):
        return "agent_remedy"
    # the remedy named as a process under way: "återföringen görs samma dag", "då gör vi en
    # ansökan om ersättning", "krediteringen sker i morgon"
    if not question and "automatiskt" not in low and REMEDY_PROCESS.search(text):
        return "remedy_done"
    # step-by-step self-help in the second person: "i appen går du till Inställningar och
    # trycker på Pausa", "klickar du på Glömt lösenord"
    if not question and _search(
        r"\b(?:går|trycker|klickar|väljer|loggar|scrollar) (?:du|ni) (?:in |sen |sedan )?"
        r"(?:till|på|in|under|ner)\b",
        text,
    ):
        return "self_help"
    # "Ansökan gör du i appen", "Det hittar du på Mina sidor"
    if _search(
        r"\b(?:gör|hittar|fyller i|ansöker|anmäler|ändrar|bokar|beställer|söker) (?:du|ni) "
        r"(?:\w+ ){0,2}(?:i|på|via) (?:appen|webben|mina sidor|hemsidan|webbplatsen|e-tjänsten)",
        text,
    ):
        return "where_to_fix"
    if not question or not low or low[0] not in ("kan", "skulle"):
        for i, word in enumerate(low):
            if word == "du" and {"kan", "ska", "bör"} & set(low[max(0, i - 1) : i + 2]):
                rest = toks[i + 1 : i + 5]
                for k, token in enumerate(rest):
                    if (
                        is_verb_in(token, w.enabling) or token.lower_ in w.self_help
                    ) and token.lower_ not in ("kan",):
                        after = rest[k + 1].lower_ if k + 1 < len(rest) else ""
                        if after not in ("oss", "hit", "tillbaka", "igen"):
                            return "where_to_fix"
    # Compensation given to the customer: "och så får du fri frakt", "vi bjuder på frakten"
    giving = _search(r"\b(?:får du|du får|ger (?:dig|er)|bjuder (?:dig )?på|ska du få)\b", text)
    if giving and not question:
        given = text[giving.end() :].split()[:4]
        if any(x in w.compensation for x in given):
            return "agent_remedy"
    if has_phrase(text, "föreslår jag", "jag föreslår", "rekommenderar jag", "jag rekommenderar"):
        return "agent_remedy"
    return None


def collaboration(
    toks: list[Tok], question: bool, w: Words, alternatives: bool = False
) -> str | None:
    """Which kind of invitation to shape the remedy: "open", "closed", "check", or None.

    ``alternatives``: the utterance lays out options ("antingen … eller …").
    """
    low = lows(toks)
    text = " ".join(low)
    if _search(
        r"\bvad (?:tycker|säger|tror|tänker|skulle) (?:du|ni) (?:(?:tycka|säga|tänka) )?om\b"
        r"|\bhur låter (?:det|detta)\b"
        # "hur ser du på att vi…", "hur ser ni på det": the customer's view of the proposal
        r"|\bhur ser (?:du|ni) på (?:att|det|detta|det här|den|förslaget)\b",
        text,
    ):
        return "check"
    # How the proposal would feel: "hur känns det för dig att göra så", "hur skulle det
    # kännas att vänta" (AMB:feel-question-co-oq)
    if question and _search(
        r"\bhur (?:känns|skulle|kändes) (?:det|detta) (?:kännas )?(?:\w+ )?(?:för (?:dig|er) )?att\b",
        text,
    ):
        return "open"
    # A pick among the options just given, by pronoun: "vilken tar du?", "vilket föredrar ni?"
    if (question or is_asr(toks[0].doc)) and _search(
        r"\b(?:vilken|vilket|vilka) (?:av (?:dem|dom|de|dessa) )?(?:tar|väljer|föredrar|vill) "
        r"(?:du|ni)\b",
        text,
    ):
        return "closed"
    # A preference asked about the remedy: "vad skulle kännas bäst för dig", "vad låter
    # bäst", "vilken ort skulle fungera för er", "vad skulle funka för dig"
    pref = _search(
        r"\b(?:vad|vilket|vilken|vilka|hur) (?:\w+ ){0,4}(?:känns|kännas|funkar|funka|fungerar"
        r"|fungera|passar|passa|låter|vore|vara|är) (?:\w+ )?(?:bäst|bästa|smidigast|enklast)"
        r"(?: för (?:dig|er))?\b"
        r"|\b(?:vad|vilket|vilken|vilka|hur) (?:\w+ ){0,4}(?:känns|kännas|funkar|funka|fungerar"
        r"|fungera|passar|passa) (?:\w+ )?(?:bra )?för (?:dig|er)\b",
        text,
    )
    if (
        pref
        and (question or is_asr(toks[0].doc))
        and not (
            pref.group(0).startswith("hur")
            and pref.group(0).endswith(("dig", "er"))
            and "bäst" not in pref.group(0)
        )
    ):
        # with options laid out ("…, att vi X eller att jag Y?") it asks for a choice
        rest = text[pref.end() :].split()
        options = alternatives or (len(rest) >= 3 and rest[0] in ("att", "vi", "jag", "ska"))
        one_fact = any(x in QUANTITY_NOUNS for x in low)  # "vilken tid passar bäst"
        return "closed" if options or one_fact else "open"
    # the options put in a V1 question: "skulle förmiddag eller eftermiddag passa dig bäst"
    if (question or is_asr(toks[0].doc)) and _search(
        r"\b(?:passa|passar|funka|funkar|fungera|fungerar) (?:dig|er) (?:\w+ )?bäst\b", text
    ):
        return "closed" if alternatives or any(x in QUANTITY_NOUNS for x in low) else "open"
    # What matters most, with the options given: "vad är viktigast för dig, A eller B?"
    if question and alternatives and _search(r"\bvad är (?:\w+ )?viktigast\b", text):
        return "closed"
    if question and _search(
        r"\bvad (?:skulle|kan|kunde) (?:få (?:dig|er) att|(?:du|ni) behöva)\b"
        r"|\bvad (?:behöver|skulle) (?:du|ni) (?:\w+ )?(?:från|av) oss\b",
        text,
    ):
        return "open"
    if question and _search(
        r"\b(?:vad|hur) (?:skulle|kunde) (?:\w+ ){0,2}(?:underlätta|hjälpa (?:dig|er)|göra det "
        r"(?:\w+ )?(?:lättare|enklare|bättre|lättast|enklast|smidigast|bäst))|\b(?:underlätta|hjälpa (?:dig|er)) (?:\w+ )?mest\b",
        text,
    ):
        return "closed" if alternatives else "open"
    # "Vill du montera den själv eller ska vi skicka en tekniker?"
    if question and _search(
        r"\b(?:(?:vill|ska|kan) (?:du|ni)|föredrar (?:du|ni)) .*\beller (?:ska|kan|vill|skickar|gör) "
        r"(?:vi|jag)\b|\b(?:ska|kan) (?:vi|jag) .*\beller (?:vill|ska|kan) (?:du|ni)\b",
        text,
    ):
        return "closed"
    if _search(r"\bgöra (?:dig|er) (?:\w+ )?nöjd", text) and question:
        return "open"
    if question and _search(r"\b(?:du|ni) (?:något|några|nåt) förslag\b", text):
        return "closed"
    if _search(r"\b(?:hur|vad) skulle (?:du|ni)(?: själv)? (?:vilja|tycka|önska|vilja)\b", text):
        # with the options named after it ("…, ska X komma hem eller räcker bilder?") a choice
        return "closed" if question and " eller " in f" {text} " else "open"
    # a proposal tried against the customer's life: "hur skulle det funka med din pendling?",
    # "hur skulle det fungera för er om vi…" (AMB:co-not-oq)
    if (
        question
        and _search(
            r"\bhur skulle (?:det|detta|det här|den|en sån \w+|en sådan \w+) (?:\w+ )?"
            r"(?:funka|fungera|passa|gå ihop|gå) (?:med|för|ihop|dig|er)\b",
            text,
        )
        # a proposal to try: "om vi…" here, or the agent's own step earlier in the turn
        and _search(r"\b(?:jag|vi)\b", doc_text(toks[0].doc).lower())
    ):
        return "check"
    # the outcome in the customer's words: "vad skulle vara till störst hjälp", "vad skulle
    # göra att du känner dig trygg igen"
    if question and _search(
        r"\bvad (?:skulle|kan|kunde) (?:\w+ )?(?:vara|bli|göra) (?:till )?(?:störst|mest|bäst|mer)"
        r" (?:hjälp|stöd|nytta)\b"
        r"|\bvad (?:skulle|kan|kunde) (?:\w+ )?göra (?:så )?att (?:du|ni) (?:\w+ )?(?:känner|känna"
        r"|blir|kan känna|vågar|litar)\b",
        text,
    ):
        return "open"
    # "…eller vill du hellre komma in hit?", "vill du att den går in på lördag eller hellre
    # på söndag?": the customer picks the remedy's form
    if (question or is_asr(toks[0].doc)) and _search(
        r"\beller vill (?:du|ni) (?:hellre |helst |att )"
        r"|\bvill (?:du|ni) (?:hellre |helst )?att \w+ .*\beller\b",
        text,
    ):
        return "closed"
    if _search(r"\bvad (?:du|ni) (?:tycker|själv tycker) (?:att )?(?:vi|jag) ska\b", text):
        return "open"
    if (
        _search(
            r"\bvad (?:tycker|tror|skulle|vill|önskar) (?:du|ni)(?: själv)? (?:\w+ ){0,3}"
            r"(?:rimlig\w*|bäst\w*|lösning\w*|ersättning\w*|att (?:vi|jag))\b",
            text,
        )
        and " eller " not in f" {text} "
    ):
        return "open"
    if _search(
        r"\bhur (?:vill|önskar|tycker) (?:du|ni)(?: helst| hellre)?(?: att (?:vi|jag)"
        r"| (?:gå vidare|göra))",
        text,
    ) or (
        alternatives and _search(r"\bhur (?:vill|önskar) (?:du|ni) (?:helst |hellre )?\w+", text)
    ):
        return "closed" if " eller " in f" {text} " else "open"  # after alternatives: a choice
    if _search(
        r"\b(?:vad|vilken|vilket|vilka|när|hur) (?:\w+ ){0,3}(?:som )?(?:passar|skulle passa) "
        r"(?:dig|er)\b",
        text,
    ):
        return "closed"
    if _search(r"\bvad (?:föredrar|vill|önskar) (?:du|ni)\b", text):
        return "closed"
    if _search(
        r"\b(?:vad|vilken|vilket|vilka|hur) (?:\w+ ){0,4}(?:skulle|vore) (?:\w+ ){0,3}"
        r"(?:rimlig|rimligt|bäst|bästa|lagom|lämplig|lämpligt)\b",
        text,
    ):
        # one amount or one option is a closed answer; what would feel right is open
        return "closed" if any(x in QUANTITY_NOUNS for x in low) else "open"
    if (
        _search(r"\bvill (?:du|ni) (?:hellre |helst )?(?:att (?:vi|jag)|ha)\b", text)
        and " eller " in f" {text} "
    ):
        return "closed"
    return None


def expectation(doc: Doc, unit: Span, toks: list[Tok], w: Words) -> bool:
    text = " ".join(lows(toks))
    if not TIME_ANCHOR.search(text) or NOT_NEXT_STEP.search(text):
        return False
    if is_question(doc, unit):  # a time offered, not yet agreed (dev-set addition, rule 8)
        return False
    # A time inside a proposal put to the customer ("vad säger du om att vi kör hem det på
    # tisdag kväll", "de har en tid på torsdag klockan åtta, hur låter det?") is offered.
    if has_tag(doc, "collaboration", within=unit):
        return False
    if SLOT_OFFER.search(text) and has_tag(doc, "collaboration"):
        return False
    # a time put to the customer with a check after it: "jag kan boka dig i morgon klockan
    # 8.40 … Skulle det passa?" (AMB:offered-time-not-expectation)
    if OFFER_CHECK.search(doc_text(doc).lower()) and _search(
        r"\b(?:jag|vi) (?:kan|skulle kunna)\b|\b(?:kan|skulle) (?:jag|vi)\b", text
    ):
        return False
    # "Hör av dig om du inte har fått något inom en månad", "om dom inte svarar inom en
    # vecka": a condition, not a plan
    if _search(r"\bom (?:du|ni|de|dom|han|hon|det|den|banken) inte\b", text):
        return False
    # A time offered, not agreed (AMB:offered-time-not-expectation): "jag kan flytta dig i
    # eftermiddag om du vill", options put to the customer to choose from
    if _search(r"\bom (?:du|ni) (?:vill|önskar)\b|\bom det passar\b", text) or (
        " eller " in f" {doc_text(doc).lower()} "
        and (has_tag(doc, "collaboration") or "antingen" in doc_text(doc).lower())
    ):
        return False
    # A remedy with a time is also expectation (rule 8): "Då är det bokat, i morgon mellan…"
    if has_tag(doc, "solution", within=unit) and not any(is_past(t) for t in toks):
        return True
    # Judge the clause that holds the time: "Priset ändrades den 1 april, så det nya blir…"
    # is a past date; "Jag ringer dig på måndag och hör hur det gick" is a next step.
    for clause in clauses(unit):
        ctext = " ".join(lows(clause))
        anchor = TIME_ANCHOR.search(ctext)
        if not anchor:
            continue
        if ctext.startswith("om ") and " inte " in f" {ctext} ":
            continue  # "Om du inte har fått något inom tio dagar…": a condition, not a plan
        if NEGATED_TIME.search(ctext[: anchor.end()]):
            continue  # "det ska inte ta tre dagar": how it should be, not what happens next
        if _search(r"\bom (?:du|ni) (?:har|ska|behöver)\b", ctext[: anchor.start()]):
            continue  # "särskilt om du har saker som ska bli klara i dag": the customer's plans
        has_verb = any(verbish(t) for t in clause)
        verbs = clause if has_verb else toks
        scope = ctext if has_verb else text
        if any(is_past(t) for t in verbs) and not FUTURE_CUE.search(scope):
            continue
        if FUTURE_CUE.search(scope) or any(present_event(t) for t in verbs):
            return True
        # A span or a deadline-like anchor ("inom två bankdagar", "senast") is itself future.
        if _match(r"(?:inom|senast|om|upp till)\b", anchor.group(0)):
            return True
    return False


def clauses(unit: Span) -> list[list[Tok]]:
    """Split a unit at commas and clause-joining conjunctions."""
    out: list[list[Tok]] = [[]]
    for token in toks_of(unit.doc)[unit.start : unit.end]:
        low = token.lower_
        cur = out[-1]
        # a join inside a time phrase keeps it whole: "dagen innan", "mellan sex och sju"
        in_time = (low == "innan" and bool(cur) and cur[-1].lower_.startswith(TIME_NOUNS)) or (
            low == "och" and len(cur) >= 2 and cur[-2].lower_ == "mellan"
        )
        if token.text == "," or (low in CLAUSE_JOINS and cur and not in_time):
            out.append([])
        if not token.is_punct and not token.is_space:
            out[-1].append(token)
    return [c for c in out if c]


def verbish(token: Tok) -> bool:
    return is_past(token) or present_event(token) or token.lemma_.lower() in STATIVE


def present_event(token: Tok) -> bool:
    """A present-tense event verb ("skickar", "bokförs", "justeras"), not "är"/"har"."""
    lemma = token.lemma_.lower()
    low = token.lower_
    return (
        lemma != low
        and low not in NOT_VERBS
        and lemma.endswith(("a", "å"))
        and lemma not in STATIVE
        and low.endswith(("r", "s"))
        and not is_past(token)
    )


#: The customer will be contacted, in the passive: "du blir uppringd", "ni kommer att bli
#: kontaktade", "du får ett samtal från oss".
CONTACTED = re.compile(
    r"\b(?:du|ni) (?:blir|kommer att bli|kommer bli|ska bli) (?:\w+ )?(?:uppringd|uppringda|kontaktad"
    r"|kontaktade|uppringt|kontaktat)\b"
    r"|\b(?:du|ni) (?:får|kommer att få) ett (?:samtal|telefonsamtal) från (?:oss|mig)\b"
    # word from the agent personally: "du får besked från mig på mejlen senast den 20:e"
    r"|\b(?:du|ni) (?:får|kommer att få) (?:ett )?(?:besked|svar|återkoppling|mejl|samtal|sms)"
    r" (?:\w+ ){0,2}?från mig\b"
    # the agent mails something to the customer later: "jag mejlar korrekturet till dig i morgon"
    r"|\b(?:jag|vi) (?:\w+ )?(?:mejlar|mailar) (?:\w+ ){1,3}?till (?:dig|er) (?:\w+ ){0,2}?"
    r"(?:senast|i morgon|i eftermiddag|i kväll|på (?:måndag|tisdag|onsdag|torsdag|fredag)|nästa|inom)\b"
)
#: Taking contact in several words: "tar kontakt med dig", "hör av sig till dig".
TAKES_CONTACT = re.compile(r"^(?:tar|tas) kontakt med (?:dig|er)\b|^hör av sig till (?:dig|er)\b")


def outside_word(word: str, w: Words) -> bool:
    """An outside firm or an automatic message: "saneringsfirma", "målerifirman", "sms"."""
    return word in w.third_parties or word.endswith(w.outside_suffixes)


def inhouse_word(word: str, w: Words) -> bool:
    """One of our own people or teams: "personalen", "skadehandläggare", "läkaren"."""
    return word in w.inhouse or word.endswith(w.inhouse_suffixes)


def follow_up(toks: list[Tok], w: Words, outside: bool = False) -> bool:
    """Whether the unit commits us to contact the customer again (LABELLING rule 9).

    ``outside`` says the utterance names an outside firm: a pronoun subject then points to it
    ("Vi skickar en saneringsfirma. De ringer dig…").
    """
    low = lows(toks)
    if any(outside_word(x, w) for x in low):
        return False
    if outside and {"de", "dom"} & set(low[:4]):
        return False
    if CONTACTED.search(" ".join(low)):
        return True
    for i, word in enumerate(low):
        # "Sara hör av sig till dig", "larmcentralens läkare tar kontakt med dig"
        if i > 0 and TAKES_CONTACT.match(" ".join(low[i : i + 5])):
            subject = toks[i - 1]
            named = (
                subject.text[:1].isupper()
                and low[i - 1] not in PRONOUNS
                and low[i - 1] not in w.blame_targets  # "Banken hör av sig": not our people
            )
            if named or inhouse_word(low[i - 1], w) or low[i - 1] in AGENT_SUBJECTS:
                return True
        nxt = low[i + 1 : i + 4]
        if word in w.contact or is_verb_in(toks[i], w.contact):
            # subject before (jag ringer, Sara ringer) or inverted after (ringer jag dig)
            before = low[i - 1] if i > 0 else ""
            if before == "du":
                continue
            obj = [x for x in nxt if x not in ("upp", "jag", "vi", "tillbaka", "till")]
            if obj[:1] and obj[0] in ("dig", "er"):
                return True
            # our own people inverted: "ringer hon upp dig", "ringer han dig innan"
            if obj[:2] in (
                ["hon", "dig"],
                ["han", "dig"],
                ["hen", "dig"],
                ["hon", "er"],
                ["han", "er"],
            ):
                return True
            # one of ours calls ahead or when on the way: "han ringer när han är på väg"
            if (
                (inhouse_word(before, w) or before in ("han", "hon", "hen"))
                and before not in ("de", "dom")
                and nxt[:1] in (["när"], ["innan"], ["före"])
            ):
                return True
            # an inverted in-house subject: "ringer personalen dig", "ringer vår handläggare Eva dig"
            rest = low[i + 1 : i + 6]
            if "dig" in rest or "er" in rest:
                between = rest[: rest.index("dig" if "dig" in rest else "er")]
                names = {t.lower_ for t in toks[i + 1 : i + 6] if t.text[:1].isupper()}
                if (
                    between
                    and any(inhouse_word(x, w) for x in between)
                    and all(
                        inhouse_word(x, w) or x in ("vår", "våra", "vårt", "upp") or x in names
                        for x in between
                    )
                ):
                    return True
            # a named one of ours calls the person the call is about: "ringer teknikern Jonas
            # henne en halvtimme innan"
            if (
                i + 3 < len(low)
                and inhouse_word(low[i + 1], w)
                and toks[i + 2].text[:1].isupper()
                and low[i + 3] in ("henne", "honom")
            ):
                return True
            if word.startswith("återkom") and (
                before in AGENT_SUBJECTS or nxt[:1] in (["jag"], ["vi"])
            ):
                return True
        if word == "hör" and contains(
            nxt, (("av", "mig"), ("av", "oss"), ("jag", "av"), ("vi", "av"))
        ):
            return True
        # "Teknikern hör av sig till dig" (our own people); not "Tapetseraren hör av sig"
        if word != "hör":
            continue
        inhouse = i > 0 and (
            low[i - 1] in w.inhouse
            or any(low[i - 1].endswith(x) for x in w.inhouse if len(x) >= 6)
            or (i > 1 and low[i - 2] in ("vår", "våra", "vårt"))
        )
        if inhouse and nxt[:2] == ["av", "sig"] and "dig" in low[i:]:
            return True
    return False


def demanding(toks: list[Tok], w: Words) -> bool:
    low = lows(toks)
    if _search(r"\b(?:du|ni) (?:är|blir) (?:\w+ )?(?:tvungen|tvungna) att\b", " ".join(low)):
        return True
    for i, word in enumerate(low):
        if word not in MODALS:
            continue
        # "du måste", "måste du", and the cleft "det är du som måste"
        near = low[max(0, i - 1) : i] + low[i + 1 : i + 2]
        if low[i - 1 : i] == ["som"]:
            near += low[max(0, i - 2) : i - 1]
        if "du" not in near and "ni" not in near:
            continue
        j = i + 1
        while j < len(low) and (low[j] in OBLIGATION_SKIP or low[j] in ("du", "ni")):
            j += 1
        if j >= len(low) or (low[j] in NOT_OBLIGATION and low[j] not in ("ha", "vara")):
            continue
        # epistemic "du måste vara besviken" vs. obligation "du måste vara hemma"
        if low[j] == "vara" and any(x in w.feelings for x in low[j + 1 : j + 4]):
            continue
        # epistemic "du måste ha blivit…" (rule 4) vs. obligation "du måste ha kvittot"
        if low[j] == "ha" and (j + 1 >= len(low) or low[j + 1].endswith(("t", "it", "at"))):
            continue
        verb = toks[j]
        if verb.lemma_.lower() != verb.lower_ and not verb.lower_.endswith(("a", "å", "e")):
            continue
        if word == "får" and not ("själv" in low or is_verb_in(verb, w.obligation)):
            continue
        if word == "behöver" and "själv" not in low and not is_verb_in(verb, w.obligation):
            continue
        return True
    return False


#: A fault owned by a named party: "det är receptionens fel", "det var deras ansvar".
OWNED_FAULT = re.compile(
    r"\b(?:det|de|det här|det där|den|detta) (?:är|e|var) (?:ju |nog |helt |enkelt |väl |snarare |faktiskt )*"
    r"(?!inte\b|ditt\b|ert\b|vårt\b|mitt\b|vår\b|min\b)(?P<who>deras|hans|hennes|\w+s) "
    r"(?:eget |egna )?(?:fel|ansvar|misstag|miss|slarv|problem)\b"
)
#: Impersonal "something went wrong" names no party ("det har gått fel i sorteringen").
IMPERSONAL_FAULT = re.compile(r"\b(?:gått|gick|går|blivit|blev|blir) (?:lite |något |nåt )?fel\b")
#: A fault denied to a party: "det är inte chaufförens fel" exculpates, it does not blame.
DENIED_FAULT = re.compile(
    r"\binte (?:\w+s|deras|hans|hennes|ditt|ert|din|er) (?:eget |egna )?(?:fel|ansvar|misstag|skuld)\b"
)
#: The customer's omission given as the cause: "du har inte kontrollerat bilen", "det beror
#: på att ni inte har lagt in någon mejladress", "du har nog missat det".
CUSTOMER_OMISSION = re.compile(
    r"\b(?:(?:du|ni) (?:har|hade)|(?:då|så|men|och|ju) (?:har|hade) (?:du|ni)) "
    r"(?:ju |nog |tyvärr |väl |säkert |troligen |antagligen |förmodligen )*inte (?P<verbs>\w+(?: \w+)?)"
    r"|\b(?:att|eftersom|för att) (?:du|ni) (?:tyvärr |ju |nog )*inte (?:har |hade )?(?P<verbs2>\w+)"
    r"|\b(?:du|ni) borde (?:ju |nog |kanske )*ha (?P<verbs3>\w+)"
    r"|\bborde (?:du|ni) (?:ju |nog |kanske )*ha (?P<verbs4>\w+)"
)
CUSTOMER_SLIP = re.compile(
    r"\b(?:(?:du|ni) (?:har|hade)|(?:då|så|men|och|ju) (?:har|hade) (?:du|ni)) "
    r"(?:ju |nog |tyvärr |väl |säkert |troligen |antagligen |förmodligen |kanske )+"
    r"(?:råkat |helt )?(?:missat|glömt|slarvat|struntat|tappat|tryckt fel|skrivit fel|angett fel|fyllt i fel)\b"
)
#: The terms cited to put it on the customer: "det står i villkoren att kunden ska ha en
#: backup", "plagget tvättas på kundens risk", "så då får du stå för det".
TERMS_ON_CUSTOMER = re.compile(
    r"\bdet står (?:\w+ ){0,4}?att (?:kunden|köparen|hyresgästen|beställaren|kontohavaren|du|ni"
    r"|resenären|medlemmen) (?:själv |själva |alltid )?(?:ska|måste|ansvarar|har ansvar|bär)"
    r"(?! få\b)\b"
    r"|\bpå (?:kundens|köparens|beställarens|hyresgästens|din|er|eget|egen) (?:egen |eget )?(?:risk|bekostnad)\b"
    r"|\b(?:så|därför) (?:då |ju )?(?:får|måste) (?:du|ni) (?:själv |själva )?stå för (?:det|den|kostnaden"
    r"|skadan|reparationen|avgiften)\b"
)
#: A third party's own fault as the cause: "de har strulat med hela området", "det är
#: vanligt att köparen slarvar med det", "om elnätsbolaget hade godkänt den i tid".
THIRD_PARTY_SLIP = re.compile(
    r"\b(?P<who>de|dom|\w+(?:en|et|na|arna|erna|orna)) (?:ju |ofta |alltid |tyvärr |helt )?"
    r"(?:har |hade )?(?:ju |ofta |helt )?(?:strulat|slarvat|klantat|struntat|tabbat|slarvar|strular"
    r"|struntar|klantar|glömmer bort|legat efter|ligger efter|dragit ut på|drar ut på)\b"
    r"|\bom (?P<who2>\w+(?:en|et|na|arna|erna|orna)) (?:bara )?(?:hade|skulle ha) (?:\w+ ){1,4}?"
    r"(?:i tid|ordentligt|som de skulle|när de skulle)\b"
)
#: Heads of compounds that name a party ("elnätsbolaget", "bemanningsfirman").
PARTY_HEADS = (
    "bolaget", "bolagen", "firman", "företaget", "verket", "avdelningen", "leverantören",
    "entreprenören", "kommunen", "myndigheten", "köparen", "säljaren", "hyresvärden", "banken",
    "åkeriet", "byrån", "handläggaren", "teknikern", "montören",
)  # fmt: skip
#: A fault denied by the agent to put it elsewhere: "det är inget vi har gjort".
DENIED_OWN = re.compile(
    r"\b(?:det är|det var) (?:inget|ingenting|inte något|inte nåt) (?:som )?(?:vi|jag) (?:har )?"
    r"(?:gjort|orsakat|ställt till)\b"
)


#: A third party as the cause: a cleft with what they should have done or hold up, the fault
#: placed with them, or the customer sent to take it up with them.
THIRD_PARTY_BLAME = re.compile(
    r"\b(?:det|de) (?:är|e|var) (?!(?:ju |nog |faktiskt |tyvärr )?(?:vi|jag|du|ni|vår|vårt)\b)"
    r"(?:\w+ ){1,3}som (?:\w+ )?(?:skulle ha|borde ha|hade skulle|får ta (?:det|smällen|kostnaden"
    r"|ansvaret)|sinkar|drar ut på|har orsakat|orsakade|bär ansvaret|ska stå för)\b"
    r"|\b(?:felet|problemet|ansvaret|skulden) (?:ligger|låg|sitter|satt) (?:\w+ )?hos "
    r"(?!oss\b|mig\b|dig\b|er\b|vår\b)\w+"
    r"|\b(?:får|måste|fick|kan) (?:du|ni) (?:\w+ )?(?:ta|ta upp|reda ut|lösa|driva|diskutera) "
    r"(?:det |detta |saken |ärendet )?(?:\w+ )?med (?:dem|dom|de|honom|henne)\b"
    # sent back to them: "ni får ringa dem", "det får du höra av dig till dem om"
    r"|\b(?:(?:du|ni) (?:får|måste)|(?:får|måste) (?:du|ni)) (?:själv |själva |nog )?(?:ringa|kontakta"
    r"|mejla|vända (?:dig|er) till|höra av (?:dig|er) till|prata med) (?:dem|dom|honom|henne)\b"
)
#: The customer's own doing given as the cause (AMB:soft-blame-customer): a cleft on the
#: customer, a slip or lateness, a counterfactual, a duty that was theirs.
CUSTOMER_BLAME = re.compile(
    r"\b(?:det|de) (?:är|e|var) (?:ju )?(?:du|ni) som (?:har |hade )?(?:\w+ ){0,2}"
    r"(?:fel|för sent|missat|glömt|slarvat)\b"
    r"|\b(?:du|ni) (?:har |hade )?(?:tyvärr |nog |ju )*(?:valt|angett|skrivit|fyllt i|tryckt|knappat in"
    r"|betalat|angav|valde|skrev|tryckte|svarade|betalade|anmälde|ringde|skickade) (?:\w+ ){0,5}?"
    r"(?:fel|för sent)\b"
    r"|\bom (?:du|ni) (?:bara )?(?:hade|skulle ha) (?:\w+ ){1,8}?(?:hade|så hade) (?:\w+ ){1,3}?"
    r"(?:inte|aldrig|kunnat|sluppit|hunnit)\b"
    r"|\b(?:du|ni) hade behövt\b|\bhade (?:du|ni) behövt\b"
    r"|\b(?:(?:det|de) (?:är|e|var)|(?:är|var) det) (?:ju )?(?:kunden|köparen|kontohavaren|kontoinnehavaren|beställaren"
    r"|medlemmen|vårdnadshavaren) som (?:ska|måste|ansvarar|har ansvaret)\b"
    r"|\b(?:måste|får|ska) (?:du|ni) (?:som \w+ )?(?:hålla koll på|hålla reda på|ansvara för|bevaka)"
    r"(?: \w+)* själva?\b"
    r"|\b(?:du|ni) har \w+(?:at|it|t) (?:\w+ ){1,8}(?:och )?det (?:är|var) därför\b"
)


#: Words CUSTOMER_BLAME cannot match without (a cheap test before the regex).
CUSTOMER_BLAME_CUES = frozenset({"du", "ni", "kunden", "köparen", "kontohavaren",
                                 "kontoinnehavaren", "beställaren", "medlemmen", "vårdnadshavaren"})  # fmt: skip


#: The agent or the company owning a fault without a sorry-word (LABELLING rule 5,
#: AMB:admission-without-sorry): "det ligger hos oss", "det är vårt problem", "det missade
#: vi", "jag var för snabb" ("det är inte okej" is also said in sympathy: not here).
ADMISSION = re.compile(
    r"\b(?:det|de|felet|problemet|missen|strulet) (?:är|e|var|ligger|låg|sitter|satt) "
    r"(?:ju |nog |helt |faktiskt |tyvärr |klart |snarare )*"
    r"(?:hos oss|på oss|på vår sida|hos mig|på mig|vårt (?:fel|problem|misstag)"
    r"|vår (?:miss|tabbe|hantering|fadäs|brist|grej))\b"
    r"|\b(?:det|den|det där|det här) (?:missade|glömde|slarvade|klantade|tabbade|missa|glömt|missat) "
    r"(?:vi|jag)\b"
    # the omission owned in V2 order: "det har vi missat", "där har vi gjort fel", "så har vi
    # inte varit tydliga", "det borde vi ha frågat om", "det e vi som avdelning som har missat"
    r"|\b(?:det|den|där|då|så) (?:har|hade) (?:vi|jag) (?:ju |tyvärr |nog |helt )*(?:missat|glömt"
    r"|slarvat|gjort fel|brustit|klantat|inte varit (?:tydliga|tydlig|tillräckligt tydliga))\b"
    r"|\b(?:det|den) borde (?:vi|jag) (?:ju )?ha (?:frågat|sagt|berättat|informerat|kollat"
    r"|kontrollerat|meddelat|upplyst|ringt|skickat|gjort)\b"
    r"|\b(?:det|de) (?:är|e|var) (?:vi|jag)(?: (?:som|på|i|hos) \w+)? som (?:har |hade )?(?:missat|glömt|slarvat"
    r"|gjort fel|brustit|klantat)\b"
    # hedged: "felet troligen ligger hos oss", "är det troligen vi som har skrivit in den fel"
    r"|\bfelet (?:troligen|nog|antagligen|förmodligen|säkert) (?:ligger|låg) hos (?:oss|mig)\b"
    r"|\b(?:det|de) (?:är|var) (?:troligen|nog|antagligen|förmodligen|säkert) (?:vi|jag) som (?:har |hade )?"
    r"(?:\w+ ){1,4}?fel\b"
    r"|\b(?:är|var) det (?:troligen |nog |antagligen |förmodligen |säkert )?(?:vi|jag) som (?:har |hade )?"
    r"(?:\w+ ){1,4}?fel\b"
    # our omission as the cause: "eftersom vi inte visade henne hur man gör"
    r"|\b(?:eftersom|för att) (?:vi|jag) (?:tyvärr )?(?:inte|aldrig) (?:hade )?(?:visade|visat|sa|sagt"
    r"|berättade|berättat|informerade|informerat|förklarade|förklarat|meddelade|meddelat)\b"
    r"|\b(?:jag|vi) (?:var|har varit|blev) (?:alldeles |lite |väl |nog |ju )?för "
    r"(?:snabb|snabba|slarvig|slarviga|otydlig|otydliga|kort|korta|hård|hårda|stressad)\b"
)


def admission(toks: list[Tok]) -> bool:
    low = lows(toks)
    if not low or low[0] in ("så", "alltså", "om", "ifall") or has_qm(toks[0].sent):
        return False
    text = " ".join(low)
    found = ADMISSION.search(text)
    # "om det är hos oss det har blivit fel": a condition, not an admission
    return found is not None and not _search(r"\b(?:om|ifall|såvida) $", text[: found.start()])


def blaming(toks: list[Tok], w: Words) -> str | None:
    if admission(toks):
        return None  # "det är hos oss det har strulat, inte hos apoteket" owns the fault
    low = lows(toks)
    raw = " ".join(low)
    # "det är inte chaufförens fel" clears that party; judge the rest of the turn.
    text = DENIED_FAULT.sub(" ", raw)
    text = IMPERSONAL_FAULT.sub(" ", text)
    low = text.split()
    owned = OWNED_FAULT.search(text)
    if owned:
        return "shift_fault"  # "det är receptionens fel", "det är deras ansvar"
    fault = any(x in w.fault for x in low) or "inte skött" in text
    # a partner or department named as a party: "leverantören", "kommunens", "lagret"
    target = any(x in w.blame_targets or x.removesuffix("s") in w.blame_targets for x in low)
    if _search(
        r"\binte (?:vi|vårt|vår|våra|oss)\b|\binte (?:hos|på|från) (?:oss|vår sida)\b", text
    ) and (" som " in f" {text} " or fault or target or "deras" in low):
        return "shift_fault"
    we = any(x in ("jag", "vi") for x in low)
    if target and fault and not we:
        return "shift_fault"  # "Det beror på att leverantören har skickat fel modell"
    cleft = _search(
        r"\b(?:det är|det var|är det|var det) (?!(?:ju |nog |faktiskt |tyvärr )?(?:vi|jag|du|ni)\b)"
        r"(?:\w+ ){1,3}som\b",
        text,
    )
    if cleft and fault and (not any(x in FIRST_PERSON - {"vi"} for x in low) or "inte vi" in text):
        return "shift_fault"  # "det är lagret som har slarvat"
    # the fault right after the cleft names the party at fault, whoever else the turn mentions
    cleft_np = cleft.group(0).split()[2:-1] if cleft else []
    after_cleft = text[cleft.end() :].split()[:7] if cleft else []
    if (
        cleft
        and any(x in w.fault for x in after_cleft)
        and not any(x in FIRST_PERSON for x in cleft_np)
    ):
        return "shift_fault"  # "det är lagret som har slarvat"
    if fault and not we and _search(r"\b(?:de|dom)\b", text):
        return "shift_fault"  # "de har helt enkelt struntat i…"
    if not we and _search(
        r"\b(?:ligger efter|har slarvat|har struntat|har missat|har glömt)\b", text
    ):
        return "shift_fault"
    deflect = _search(
        r"\b(?:inget|ingenting|inte något) (?:som )?vi (?:kan göra|styr över|rår på|kan påverka)",
        text,
    )
    if deflect and (target or _search(r"\b(?:deras|dem|de|dom)\b", text)):
        return "shift_fault"  # "det är ju deras servrar och inget vi kan göra något åt"
    # A third party named as the cause or as the one to take it up with: "det är dom som
    # får ta det", "felet ligger hos kliniken", "det får du ta upp med dem" (wild2 conventions)
    words = set(low)
    if words & {"som", "hos", "med", "dem", "dom", "honom", "henne"} and THIRD_PARTY_BLAME.search(
        text
    ):
        return "shift_fault"
    if (
        cleft
        and not any(x in FIRST_PERSON | SECOND_PERSON for x in cleft_np)
        and _search(r"\b(?:styr|rår|bestämmer) vi (?:inte|int) (?:över|på)\b", text)
    ):
        return "shift_fault"  # "det är verket som ska skicka den, det styr vi inte över"
    if DENIED_OWN.search(text):
        return "shift_fault"  # "det är bokningssystemet som har krånglat, inget vi har gjort"
    slip = THIRD_PARTY_SLIP.search(text)
    who = (slip.group("who") or slip.group("who2")) if slip else ""
    if who and (
        who in ("de", "dom") or who in w.blame_targets or who.endswith(PARTY_HEADS)
    ):  # a party, not a thing: "hissen har strulat" names no one
        return "shift_fault"
    # Denying the fault puts it elsewhere: "inte vårt problem", "inget fel från vår sida"
    if _search(
        r"\binte (?:vårt|vår|mitt) (?:fel|problem|ansvar|bord|sak|huvudvärk)\b"
        r"|\b(?:inget|inte något|inte nåt|inga) (?:fel|misstag) (?:från|hos|på|i) (?:vår|oss|vårt)\b",
        text,
    ):
        return "shift_fault"
    if _search(r"\binte (?:är|var) (?:ditt|ert)\b", text):
        return None
    if customer_choice(toks, w):
        return "customer_fault"
    if set(low) & CUSTOMER_BLAME_CUES and CUSTOMER_BLAME.search(text):
        return "customer_fault"
    if TERMS_ON_CUSTOMER.search(text):
        return "customer_fault"
    if low and low[0] not in ("så", "alltså", "om") and not has_qm(toks[0].sent):
        omission = CUSTOMER_OMISSION.search(text)
        verbs = " ".join(v for v in omission.groups() if v).split() if omission else []
        if any(v in w.customer_actions for v in verbs):
            return "customer_fault"
        if CUSTOMER_SLIP.search(text):
            return "customer_fault"
    if _search(
        r"\bdu har ju\b|\bditt (?:eget )?(?:fel|ansvar|misstag)\b|\bdu har (?:ju )?själv (?:valt|angett|glömt|missat)",
        text,
    ):
        return "customer_fault"
    return None


def customer_choice(toks: list[Tok], w: Words) -> bool:
    """The customer's own doing given as the cause: "Den valde du själv", "eftersom du
    skickade in ofullständiga ritningar" (not a reflection: "Så du har själv betalat…")."""
    low = lows(toks)
    if not low or low[0] in ("så", "alltså", "om") or has_qm(toks[0].sent):
        return False
    for i, word in enumerate(low):
        if word not in ("du", "ni"):
            continue
        # the verb right after the subject ("du har skapat", "du valde") or right before ("valde du")
        after = [x for x in low[i + 1 : i + 4] if x not in ("har", "hade", "ju", "själv", "själva")]
        verb_after = after[:1] and after[0] in w.customer_choices
        verb_before = i > 0 and low[i - 1] in w.customer_choices
        if not (verb_after or verb_before):
            continue
        rest = low[i + 1 : i + 8]
        if "själv" in rest or "själva" in rest:
            return True
        if any(FAULTY.match(x) for x in rest):
            return True
    return False


#: What matters most to the customer, said back: "det som är mest akut för dig är…", "det
#: viktigaste för er är alltså…", "så tiderna är viktigast för dig" (not "det vi ser mycket nu").
MATTERS_MOST = re.compile(
    r"\b(?:det (?:som är |som känns )?(?:viktigaste|mest akut|mest akuta|mest angeläget|mest bråttom"
    r"|viktigast|mest brådskande)(?: för (?:dig|er))?|(?:är|känns) (?:\w+ )?(?:viktigast|mest akut"
    r"|mest bråttom|mest angeläget) för (?:dig|er)|det (?:du|ni) (?:helst |främst )?(?:behöver|vill ha"
    r"|vill) (?:mest|främst|allra mest)|(?:för|åt) (?:dig|er) är det (?:alltså )?(?:viktigast|mest akut))\b"
    # what the customer needs first, put first: "ja hotellet går först", "så det är det vi
    # löser först" (AMB:rs-what-matters)
    r"|\b(?!(?:vi|jag|du|ni|man|det|de|dom|den)\b)\w+ går (?:ju |alltså )?först\b"
    r"|\b(?:det|de) (?:är|e) (?:ju |alltså )?(?:det|den|de) (?:vi|jag) (?:löser|tar|fixar|ordnar"
    r"|börjar med|tittar på) först\b"
    # "det viktiga för dig är att…", "det som oroar dig mest är…"
    r"|\bdet (?:viktiga|som (?:är viktigt|betyder (?:mest|något|allra mest)|oroar|stör|brådskar"
    r"|är bråttom|spelar roll)) (?:\w+ ){0,2}?för (?:dig|er)\b|\bdet som (?:oroar|stör|bekymrar) "
    r"(?:dig|er) (?:mest |allra mest )?(?:är|e)\b"
)
#: Said back after "så", what matters or what the situation really is: "så det som brådskar
#: är att barnen får det varmt", "så det är inte bara väntan, det är att…" (AMB:rs-what-matters)
SO_WHAT_MATTERS = re.compile(
    r"^(?:så|alltså) (?:det (?:viktiga|som (?:brådskar|är bråttom|är viktigt|betyder (?:mest|något)"
    r"|spelar roll|är mest akut)) (?:\w+ ){0,3}?(?:är|e)|det (?:är|e|handlar) (?:\w+ )?(?:inte bara|inte "
    r"främst|egentligen|framför allt|först och främst))\b"
)


#: Passives that give the customer's money back.
GIVES_BACK = re.compile(
    r"\b(?:återbetalas|återförs|betalas tillbaka|betalas ut|krediteras|stryks|makuleras)\b"
)


def restating(doc: Doc, unit: Span, toks: list[Tok], w: Words, prev_stems: set[str]) -> str | None:
    if not toks:
        return None
    low = lows(toks)
    text = " ".join(low)
    if has_phrase(text, "som jag sa", "som jag nämnde", "som sagt"):
        return None
    if _search(
        r"\b(?:om|har) jag (?:förstått|fattat|uppfattat|förstår) (?:dig|er|det) rätt\b", text
    ):
        return "check_understanding"
    if _search(
        r"\b(?:har jag (?:förstått|fattat|uppfattat)|(?:förstår|fattar|uppfattar) jag (?:dig|er)) rätt\b",
        text,
    ):
        return "check_understanding"
    if _search(r"\b(?:jag hör|det hörs|det låter som) (?:på dig )?att (?:du|ni)\b", text):
        return "named_feeling"
    # what the customer goes through, heard: "jag hör att det känns orättvist", "jag hör att
    # det är bråttom", "jag hör att han tog det hårt" (not the line: "jag hör att det brusar")
    heard = _search(
        r"\b(?:jag|vi) hör (?:\w+ )?(?:på (?:dig|er) )?att (?:det (?:är|känns|har varit|blir|var|kändes)"
        r"|(?:han|hon|hen|de|dom|din|ditt|dina|er|ert|era) )(?!.*\b(?:ljud\w*|linje\w*|brus\w*"
        r"|hack\w*|eko\w*|dåligt)\b)",
        text,
    )
    if heard and not is_question(doc, unit):
        return "named_feeling"
    if _search(
        r"\b(?:om jag sammanfattar|sammanfattningsvis|med andra ord|(?:du|ni) menar (?:alltså )?att"
        r"|det (?:du|ni) säger är att|(?:du|ni) säger alltså att)\b",
        text,
    ):
        return "check_understanding"
    if not is_question(doc, unit) and low[0] not in WH_WORDS and MATTERS_MOST.search(text):
        return "check_understanding"  # "det viktigaste för dig är alltså att…"
    if not is_question(doc, unit) and SO_WHAT_MATTERS.search(text):
        return "check_understanding"
    own = stems(span_text(doc, unit.start, unit.end), w.stop)
    shared = own & prev_stems
    # In ASR rows a "så" inside a run is mostly "so that"; only a turn-initial one restates.
    at_turn_start = (
        unit.start == 0
        or token_lists(doc).puncts[unit.start - 1]
        or (token_lists(doc).lowers[unit.start - 1] in w.fillers)
    )
    conditional = low[1:2] in (["om"], ["att"], ["länge"], ["fort"]) if len(low) > 1 else False
    unit_clauses = clauses(unit)
    first_low = next((lows(c) for c in unit_clauses if any(t.i == toks[0].i for t in c)), low)
    first_text = " ".join(first_low)
    # "Så då skickar jag…", "Så nu ska det fungera": the agent's own next step, not a reflection
    own_step = (
        len(low) > 1
        and (
            low[1] in ("då", "nu", "sen", "sedan", "här")
            or any(_own_subject(low, toks, k) for k in range(len(low)))
            # a plan in the reflected clause itself ("så ska vi…"), not in a later comment
            or (low[1] not in ("du", "ni") and ("ska" in first_low or "kommer att" in first_text))
            or (
                bool(TIME_ANCHOR.search(text))
                and not any(is_past(t) for t in toks)
                and not {"har", "hade", "sedan", "sen"} & set(low)
                # "Så ni börjar jobba den 19 augusti": the customer's own date, reflected back
                and not (low[1] in ("du", "ni") and not {"får", "kommer"} & set(low[2:4]))
            )
        )
    )
    conditional = conditional or own_step
    filler_so = (
        len(toks) > 1 and toks[0].i + 1 < len(doc) and token_lists(doc).texts[toks[0].i + 1] == ","
    )
    # "Så det är vanligt just nu", "alltså det beror på vilket avtal du har": the agent's own
    # knowledge, no reflection.
    normalising = _search(
        r"\b(?:är|blir) (?:ett |en )?(?:väldigt |jätte|ganska |rätt |helt )?(?:vanligt|normalt|vanliga|"
        r"vanlig)\b|\b(?:händer|sker|inträffar) (?:väldigt |rätt |ganska )?(?:ofta|hela tiden|mycket)\b"
        r"|\b(?:ser|får|har) vi (?:det |det där |det här )?(?:väldigt |jätte|rätt |ganska )?(?:ofta|mycket)\b"
        r"|\b(?:många|flera) (?:kunder|andra|hushåll)\b|^\w+ (?:det )?beror (?:\w+ )?på\b"
        # The agent's know-how about such cases right after "så": "så med de här motorerna
        # finns det några saker som kan orsaka det", "så det brukar vara något litet".
        r"|^(?:\S+ ){0,6}?(?:med (?:de här|dom här|den här|det här|sådana|såna) \w+"
        r"|(?:det )?finns (?:det )?(?:några|flera|ett par|två|tre|många) (?:olika )?(?:saker|orsaker"
        r"|anledningar|sätt|fel)\b|det (?:brukar|är oftast|är ofta|är vanligtvis|är för det mesta)"
        r" (?:vara )?(?:något|en|ett|bara)\b"
        # how the company's own side works: "alltså vårt system bygger på att…"
        r"|(?:hur )?(?:vårt|vår|våra) (?:system\w*|process\w*|regler\w*|app\w*|nät\w*|rutin\w*|"
        r"villkor\w*|policy\w*) (?:bygger|fungerar|funkar|är|går|gör|skickar|kollar|innebär)\b)",
        text,
    )
    if (
        len(low) > 1
        and not filler_so
        and not normalising
        and low[0] in ("så", "alltså")
        and low[1] not in WH_WORDS
        and at_turn_start
        and not conditional
    ):
        nxt = low[1]
        inverted = nxt in w.v1_verbs or is_verb_in(toks[1], w.remedy)
        if not inverted and (shared or any(x in SECOND_PERSON for x in low)):
            return "so_marker"
    if (
        _search(r"\bförstår jag att\b", text)
        and any(x in SECOND_PERSON for x in low)
        and shared
        and not understands_experience(text, w)  # understanding the customer: sympathy
    ):
        return "check_understanding"
    # A greeting that takes up the customer's name or news ("Hej Pia.", "Tjena Lasse!",
    # "Hej, grattis till firman!") greets; a fact after "usch"/"åh nej" is a comment on how
    # bad it is (AMB:fact-in-comment-sy-not-rs). Neither echoes.
    raw = lows(word_tokens(unit))  # fillers and greetings kept
    if (raw[0] in GREETINGS and len(raw) <= 5) or any(x in SYMPATHY_CRIES for x in raw[:3]):
        return None
    # An echo of the customer's key facts as an acknowledgement ("En svart väska…, okej.").
    content = own - {s for s in own if s.isdigit()}
    # A fragment closed by "okej"/"uppfattat" that repeats the customer's figures and words
    # ("Tre köp … på sammanlagt runt 6 000 kronor, okej.")
    if (
        low[-1] in ACKNOWLEDGEMENTS
        and len(low) >= 4
        and len(shared) >= 2
        and shared - {s for s in shared if s.isdigit()}
        and not any(x in AGENT_SUBJECTS or x in SECOND_PERSON for x in low)
        and not is_question(doc, unit)
    ):
        return "echo"
    # The customer's answer taken up before acting on it: "Hälften i räntefonder, då gör jag…"
    # Greetings and acknowledgements before it do not count: "hej okej sex veckor minst och…",
    # "Hej! Okej, två paket och dubbel dragning, det kollar vi."
    opener = NOT_ECHO_OPENERS | w.fillers
    at_start = all(t.is_punct or t.lower_ in opener for t in toks_of(doc)[: unit.start])
    first = next((c for c in unit_clauses if not all(t.lower_ in opener for t in c)), [])
    # after "Ja okej," one word is a topic named before moving on ("Ja okej, bredband, då
    # ska vi se"), not the customer's answer taken up
    after_opener = bool(first) and bool(unit_clauses) and first is not unit_clauses[0]
    stripped = bool(first) and (first[0].lower_ in opener or unit.start > 0 or after_opener)
    while first and first[0].lower_ in opener:
        first = first[1:]
    if (
        at_start
        # after a greeting, one word is mostly a name or a "själv": two or more echo content
        and (2 if stripped else 1) <= len(first) <= 5
        and not any(t.lower_ in ("inte", "int", "aldrig") for t in first)
        and len(first) < len(toks)
        and not any(verbish(t) or t.lower_ in WH_WORDS for t in first)
        and lows(first)[0] not in NOT_ECHO_OPENERS
        and not any(x in PRONOUNS for x in lows(first))
    ):
        first_stems = stems(" ".join(t.text for t in first), w.stop)
        taken_up = {x for x in first_stems & prev_stems if len(x) >= 4 and not x.isdigit()}
        if taken_up and len(first_stems & prev_stems) / len(first_stems) >= 0.5:
            return "echo"
    if (
        len(shared - {s for s in shared if s.isdigit()}) >= 2
        and len(content) >= 2
        and len(shared) / max(1, len(own)) >= 0.5
        and not any(x in AGENT_SUBJECTS for x in low)
        and not is_question(doc, unit)
        and low[0] not in ("ja", "nej", "precis", "jo", "japp", "tack")
        # an acknowledgement: a verbless fragment or one closed by "okej", "uppfattat"…
        and (not any(verbish(t) for t in toks) or low[-1] in ACKNOWLEDGEMENTS)
    ):
        return "echo"
    return None


#: "det låter/är/blir …", "blir det ju …" (spoken "de e"): a comment on the situation.
SITUATION_FRAME = re.compile(
    r"\b(?:(?:det|de|detta|det här) (?:låter|verkar|är|e|blir|var|blev|känns)|(?:låter|är|blir|var)"
    r" det) (?:(?:ju|verkligen|väldigt|så|helt|riktigt|rätt|lite|snabbt|nog|också|inte) )*(\w+)"
)
#: The weight of the situation named without a feeling word (LABELLING rule 4).
SITUATION_WEIGHT = re.compile(
    r"\b(?:inte|ingen) (?:bra|rolig|roligt|kul|lätt|lustig|trevlig|rolig) "
    r"(?:sits|situation|läge|start|känsla|upplevelse)\b"
    r"|\b(?:inte det|det sista) (?:man|någon|du|ni) (?:vill|önskar|behöver)\b"
    r"|\bvill man (?:ju )?inte\b"
    r"|\b(?:det|de) (?:är|e|blir|var|låter) (?:(?:ju|verkligen|väldigt|så) )*inte (?:alls )?"
    r"(?:roligt|kul|lätt|skönt|lustigt|trevligt|rimligt|bra(?! att))\b"
    # how much it is, in time, money or at once: "sex veckor är lång tid att vänta", "det
    # blir mycket pengar", "det är en stor summa", "det var mycket på en gång"
    r"|\blång tid (?:att|för|utan)\b"
    r"|\b(?:är|e|blir|blev|var) (?:ju )?(?:en )?(?:väldigt |ganska |rätt |så |otroligt )?"
    r"(?:lång|mycket) tid\b(?! (?:kvar|sen|sedan))"
    r"|\b(?:ingen|inte någon|inte en) (?:liten|enkel|lätt) sak\b|\bingen småsak\b"
    r"|\bmycket (?:som )?(?:hänger|vilar) på\b"
    r"|\bmycket att (?:hantera|bära|hålla i|ta hand om|gå igenom|ta in|hålla reda på|stå i"
    r"|tänka på|hålla ordning på)\b"
    # a norm broken on the customer's side: "så ska det inte gå till", "är inte okej"
    r"|\bså ska (?:det|de) (?:ju )?(?:inte|int) (?:gå till|vara|fungera|funka)\b"
    r"|\b(?<!det )(?<!de )(?:är|e) (?:ju |verkligen |förstås )?(?:inte|int) (?:acceptabelt|schysst|rättvist)\b"
    r"(?! att (?!(?:du|ni|man|vi|det|de|dom|han|hon)\b))"
    # what the customer should not have to bear: "hon ska inte behöva stå och mecka själv"
    # (to "du" it is mostly said with an apology: "du ska inte behöva jaga det själv. Förlåt")
    r"|\b(?:han|hon|hen|man|ingen) ska (?:ju |väl |verkligen )?(?:inte|int|behöva) "
    r"(?:behöva )?(?:stå|sitta|ligga|gå|vara|oroa|ringa runt|jaga|mecka|lägga|hålla på)\b"
    r"|\bförstår jag (?:så |mycket )?väl\b"
    r"|\b(?:är|e|blir|blev|var) (?:ju |väldigt |rätt |så |ganska )*(?:mycket|mkt) (?:på en gång"
    r"|pengar|att ta in|att hålla reda på)\b"
    r"|\b(?:det|de) (?:är|e|blir|var) (?:ju )?(?:en )?(?:väldigt |ganska |rätt )?(?:stor|rejäl)"
    r" (?:summa|smäll|kostnad|peng)\b"
    r"|\bgör (?:en )?(?:stor|enorm|jättestor) skillnad (?:i vardagen|för (?:dig|er|en|familjen))"
    r"|\bsämsta (?:tänkbara|möjliga)\b|\bgår (?:ju )?inte att ersätta\b"
    r"|\b(?:det|de|detta) (?:svider|skaver|tär|gnager)\b|\bsliter på (?:en|dig|er)\b"
    # it is not the customer's fault (AMB:not-your-fault-sy)
    r"|\b(?:inte|int) (?:ditt|ert) fel\b|\bfel (?:\w+ )?(?:inte|int) (?:ditt|ert)\b"
    r"|\b(?:ligger|felet) (?:\w+ ){0,4}?(?:inte|int) (?:hos|på) (?:dig|er)\b"
    r"|\b(?:inte|int) (?:du|ni) som (?:har |hade )?(?:gjort|gjorde|gör) fel\b"
    r"|\b(?:du|ni) har gjort (?:helt |precis |alldeles )?(?:rätt|det (?:du|ni) skulle)\b"
    r"|\b(?:du|ni|han|hon) har (?:ju )?(?:inte|int) gjort (?:något|nåt|någonting|några) (?:\w+ )?fel\b"
    # reassurance: "du är i goda händer", "försök att inte oroa dig"
    r"|\bi (?:goda|trygga) händer\b|\binte (?:\w+ )?oroa (?:dig|er)\b"
    r"|\b(?:är|var|blir|blev|har varit) (?:ju )?(?:alldeles |på tok |alltför |väl |lite )?"
    r"för (?:länge|lång tid)\b"
    r"|\b(?:går|håller) (?:ju )?inte i längden\b"
    r"|\bhända vem som helst\b|\b(?:du|ni) är inte (?:ensam|ensamma|den enda)\b"
    r"|\bta\w* (?:\w+ )?på (?:största |stort )?allvar\b"
    r"|\bdet (?:oroar|stressar|bekymrar|irriterar|frustrerar|tynger) (?:dig|er)\b"
    r"|\bförstår (?:verkligen |absolut )?(?:oron|frustrationen|irritationen|besvikelsen"
    r"|stressen|ilskan|oro|frustration)\b"
    # a well-wish about the customer's situation (AMB:wellwish-sympathy)
    r"|\bhoppas (?:att )?(?:\w+ ){0,3}(?:blir|känns|mår|går|kommer) (?:\w+ )?"
    r"(?:bättre|frisk|friska|bra|över)\b"
    r"|\bhoppas (?:verkligen |innerligt |ju )?(?:att )?(?:\w+ ){0,4}?(?:löser sig|ordnar sig"
    r"|får tillbaka|hittas|hittar (?:den|dem|dom|det|hem)|kommer till rätta|går att rädda)\b"
)
#: A norm broken on the customer's side: "fjorton grader inne är inte okej" (not a rule put to
#: the customer: "det är inte okej att parkera där").
NOT_OKAY = re.compile(
    # "det är inte okej" is mostly our own failure owned (an admission): a named situation only
    r"\b(?<!det )(?<!de )(?<!detta )(?<!här )(?<!där )(?:är|e) (?:ju |verkligen |förstås |absolut |helt )?(?:inte|int) (?:okej|ok)\b"
    r"(?! att (?!(?:du|ni|man|vi|det|de|dom|han|hon)\b))(?! (?:att|om) (?:du|ni) (?:\w+ )?(?:parkerar|röker|tar|lämnar))"
)
#: "jag förstår att" / "det förstår jag att" + what the customer goes through.
UNDERSTANDS_THAT = re.compile(r"\bförstår (?:jag )?(?:verkligen |absolut |precis )?att\b")


def understands_experience(text: str, w: Words) -> bool:
    """ "det förstår jag att du undrar över", "förstår att man blir fundersam"; not facts
    ("då förstår jag att det är din pappas konto")."""
    found = UNDERSTANDS_THAT.search(text)
    if not found:
        return False
    nxt = text[found.end() :].split()[:5]
    return any(x in w.experience for x in nxt) or "inte kan" in " ".join(nxt)


def weight_sympathy(text: str, w: Words) -> bool:
    if SITUATION_WEIGHT.search(text) or understands_experience(text, w):
        return True
    for frame in SITUATION_FRAME.finditer(text):
        word = _INTENSIFIER.sub("", frame.group(1))
        said = text[frame.end() :].split()[:1]  # "det var krångligt sagt": our own wording
        if (word in w.weight or word in w.feelings) and said[:1] not in (
            ["sagt"],
            ["förklarat"],
            ["uttryckt"],
            ["formulerat"],
            ["beskrivet"],
        ):
            return True
    return False


def feeling_sympathy(toks: list[Tok], w: Words) -> str | None:
    low = lows(toks)
    text = " ".join(low)
    if _search(r"\bförstår (?:jag )?(?:varför|vad|hur det|om)\b", text):
        return None
    if _search(
        r"\b(?:jag|vi) (?:förstår|fattar|kan förstå|förstår verkligen) (?:\w+ )?(?:att|hur) (?:du|ni)\b",
        text,
    ):
        return "understands_feeling"
    # intensified compounds count too: "jättefrustrerande", "superjobbigt"
    bare = [_INTENSIFIER.sub("", x) for x in low]
    if any(x in w.feelings for x in bare):
        return "feeling_word"
    if _search(r"\b(?:länge|lång tid) att (?:vänta|vara utan)\b", text):
        return "feeling_word"
    if weight_sympathy(text, w):
        return "situation_weight"
    return None


# --------------------------------------------------------------------------- the hook


def refine(doc: Doc, pack: RulePack) -> None:
    """Swedish context rules for one agent utterance (see the module docstring)."""
    if len(doc) == 0:
        return
    w = words_of(pack)
    asr = is_asr(doc)
    us = units(doc, w.v1_verbs)
    retype_questions(doc, us, w, asr)
    # Alternatives anywhere in the utterance ("antingen … eller …") shape every unit's reading.
    alternatives = " eller " in f" {doc_text(doc).lower()} "
    outside = any(outside_word(t.lower_, w) for t in toks_of(doc))
    prev_stems = stems(doc_prev(doc) or "", w.stop)
    # The pattern rule for "Så…" is only a cue here; this hook decides restating itself.
    remove_tags(doc, "restating")
    for unit in us:
        toks = core(unit, w)
        if not toks:
            continue
        question = is_question(doc, unit)
        low = lows(toks)

        slug = restating(doc, unit, toks, w, prev_stems)
        if slug:
            tag(doc, unit, "restating", slug, 0.75)
            if slug == "named_feeling":
                tag(doc, unit, "sympathy", "feeling_word", 0.75)
        # a date in the customer's own plans reflected back is not our next step
        reflected_date = slug == "so_marker" and low[1:2] in (["du"], ["ni"])

        sym = feeling_sympathy(toks, w)
        # "okej" is a filler to core(): "…för en 87-åring är inte okej" is read on all words
        seen = lows(word_tokens(unit))
        if unit.end < len(doc):  # a closing "okej" is cut off into a unit of its own
            seen = [*seen, token_lists(doc).lowers[unit.end]]
        if not sym and NOT_OKAY.search(" ".join(seen)):
            sym = "situation_weight"
        # "Jag är ledsen för att vi missade…" owns a fault: an apology, not sympathy as well.
        if sym == "feeling_word" and has_tag(doc, "apology", within=unit):
            sym = None if {"ledsen", "ledsna"} & set(low) else sym
        if sym and not has_tag(doc, "sympathy", within=unit):
            tag(doc, unit, "sympathy", sym, 0.7)

        kind = collaboration(toks, question, w, alternatives)
        if kind:
            tag(doc, unit, "collaboration", "shape_outcome", 0.8)
            for label in QUESTION_LABELS:
                drop(doc, label, unit)
            if kind == "open":
                tag(doc, unit, "open_question", "design_outcome", 0.75)
            elif kind == "closed":
                tag(doc, unit, "closed_question", "choice", 0.75)
        elif has_tag(doc, "collaboration", within=unit) and not question:
            drop(doc, "collaboration", unit)

        so = solution_slug(unit, toks, w, question)
        # "så det viktiga för dig är att vi står för det": the customer's need said back
        need = " ".join(low)
        if (
            slug == "check_understanding"
            and _search(r"\b(?:är|e) att\b", need)
            and (MATTERS_MOST.search(need) or SO_WHAT_MATTERS.search(need))
        ):
            so = None
        if so:
            tag(doc, unit, "solution", so, 0.75)
        if kind in ("closed", "check") and alternatives:
            tag(doc, unit, "solution", "choice_of_remedies", 0.7)
        elif kind == "closed" and question:
            # one preference that shapes the remedy ("hur stor del … skulle kännas lagom")
            tag(doc, unit, "solution", "choice_of_remedies", 0.6)
        if kind == "check" and (
            any(has_tag(doc, "solution", within=u) for u in us if u.start <= unit.start)
            or _search(r"\bom (?:att )?(?:vi|jag)\b", " ".join(low))  # the proposal itself
        ):
            tag(doc, unit, "solution", "choice_of_remedies", 0.6)

        drop(doc, "demanding", unit)
        demand = not question and demanding(toks, w)
        if demand:
            tag(doc, unit, "demanding", "obligation", 0.8)
            text = " ".join(low)
            redirect = REDIRECT.search(text) and not _search(r"\b(?:in )?till oss\b", text)
            seeks = _search(r"\b(?:bestrida|överklaga|ansöka|söka|reklamera|begära) ", text)
            if redirect and (seeks or not any(d in text for d in DOCUMENT_WORDS)):
                tag(doc, unit, "solution", "blunt_redirect", 0.65)

        # A time the customer must meet ("skicka in den före den 15 maj") is a deadline.
        if not demand and not reflected_date and expectation(doc, unit, toks, w):
            tag(doc, unit, "expectation", "next_step_time", 0.75)
        if follow_up(toks, w, outside):
            tag(doc, unit, "follow_up", "contact_again", 0.8)

        blame = blaming(toks, w)
        if blame:
            tag(doc, unit, "blaming", blame, 0.7)
        if admission(toks) and not has_tag(doc, "apology", within=unit):
            tag(doc, unit, "apology", "admission", 0.7)
        # "Så du hörde av dig direkt och det var vi som inte hade tid": the customer's account
        # reflected back, not an apology (unless a sorry-word says so)
        sorry = {"förlåt", "ursäkt", "ursäkta", "ledsen", "ledsna"} & set(low)
        if low[:1] in (["så"], ["alltså"]) and low[1:2] in (["du"], ["ni"]) and not sorry:
            drop(doc, "apology", unit)
        _not_said_to_the_customer(doc, unit)


# --------------------------------------------------------------------------- said of others

_NUMBER_OR_DAY = (
    r"(?:\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\w+ton|\w*tio|\w*tjugo\w*|"
    r"hundra|tusen|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|januari|februari|mars|"
    r"april|maj|juni|juli|augusti|september|oktober|november|december)"
)
#: Someone else's words reported ("han sa bara, oroa dig inte", "tack, sa hon"): no sympathy,
#: apology or thanks of the agent's own.
_REPORTED_SV = re.compile(
    r"(?:^|[,.!?] )(?:och |men |så )?(?:han|hon|hen|de|dom|\w+(?:en|et|na|an)) "
    r"(?:sa|sade|säger|skrev|svarade|tyckte) (?:bara |då |till mig |åt mig |till dem )*"
    r"(?:att )?(?:, )?"
    r"|, (?:sa|sade|säger|skrev|svarade) (?:han|hon|hen|de|dom|\w+(?:en|et|na|an))\b"
)
#: Pity for someone else ("jag tycker så synd om personalen"); "synd om dig" stays sympathy.
_PITY_SV = re.compile(r"\b(?:tycker|tyckte) (?:\w+ )?synd om (?!dig\b|dej\b|er\b|eder\b)")
#: Someone's own hard time told as a story: "min son hade det så tufft i skolan", "vi hade
#: det jobbigt med systemet i morse".
_OWN_TROUBLE_SV = re.compile(
    r"\b(?:jag|vi|min|mitt|mina|vår|vårt|våra) (?:\w+ )?(?:hade|har haft) det "
    r"(?:så |väldigt |ganska |rätt |jätte)?(?:tufft|jobbigt|svårt|kämpigt|besvärligt|tungt)\b"
)
#: A number or day put right ("fyrtio, förlåt, fjorton"): a slip of the tongue, no apology.
_REPAIR_SV = re.compile(
    rf"\b{_NUMBER_OR_DAY} ,? (?:förlåt|ursäkta|jag menar|nej) ,? {_NUMBER_OR_DAY}\b"
)
_NOT_SORRY_SV = re.compile(r"\b(?:jag|vi) är inte (?:\w+ )?(?:ledsen|ledsna)\b")


def _not_said_to_the_customer(doc: Doc, unit: Span) -> None:
    """Sympathy, apology and thanks that are someone else's words, pity for a third party,
    someone's own hard time or a slip put right: none of them is said to the customer."""
    text = " ".join(token_lists(doc).lowers[unit.start : unit.end])
    if _REPORTED_SV.search(text):
        for label in ("sympathy", "apology", "thanking"):
            drop(doc, label, unit)
        return
    if _PITY_SV.search(text) or _OWN_TROUBLE_SV.search(text) or _NOT_SORRY_SV.search(text):
        drop(doc, "sympathy", unit)
    if _REPAIR_SV.search(text):
        drop(doc, "apology", unit)

"""Swedish rules by kind: phrasings of each weak kind that the rules were not built from.

Each row is (agent text, previous customer turn, labels that must be present, labels that
must be absent). Only the behaviour under test is pinned, so a row checks one kind.
"""

from __future__ import annotations

import pytest

from verbalkit import vocab
from verbalkit.analysis import tag

LANG = "sv"
BEHAVIOURS = frozenset(b.value for b in vocab.BEHAVIOURS)


def labels(text: str, prev: str | None = None) -> set[str]:
    return {t.label for t in tag(text, LANG, prev=prev, role="agent") if t.label in BEHAVIOURS}


KINDS: list[tuple[str, str | None, set[str], set[str]]] = [
    # --- collaboration: a preference question about the remedy (rule 7)
    ("Vad skulle kännas bäst för er?", None, {"collaboration", "open_question"}, set()),
    ("vad skulle funka bäst för dig", None, {"collaboration"}, set()),
    ("Vilket alternativ passar bäst för er?", None, {"collaboration"}, set()),
    ("Hur vill ni helst att vi går vidare med det här?", None, {"collaboration"}, set()),
    ("Vad skulle få er att känna er lugnare inför helgen?", None, {"collaboration"}, set()),
    ("Vad skulle ni behöva för att klara veckan?", None, {"collaboration"}, set()),
    # a check on a proposal already made: collaboration, not an open question
    (
        "Jag kan skicka ut en montör redan i övermorgon, hur låter det?",
        None,
        {"collaboration", "solution"},
        {"open_question", "closed_question", "expectation"},
    ),
    (
        "Vad skulle ni säga om att vi byter hela enheten?",
        None,
        {"collaboration", "solution"},
        {"open_question"},
    ),
    (
        "vad tycker du om att jag ringer butiken åt dig",
        None,
        {"collaboration", "solution"},
        {"open_question"},
    ),
    # options laid out after the wh-question: either/or (AMB:wh-either-or-closed)
    (
        "Vad känns smidigast för dig, att vi hämtar kylen eller att du lämnar den hos ombudet?",
        None,
        {"collaboration", "closed_question", "solution"},
        {"open_question"},
    ),
    (
        "vilken dag passar bäst för er vi kör både tisdagar och torsdagar",
        None,
        {"collaboration", "closed_question"},
        {"open_question"},
    ),
    # --- closed questions: one fact or an either/or choice
    ("Hur långt är det till närmaste ombud?", None, {"closed_question"}, {"open_question"}),
    ("hur varmt är det i lägenheten nu", None, {"closed_question"}, {"open_question"}),
    ("Vad är bokningsnumret?", None, {"closed_question"}, {"open_question"}),
    ("vad var fakturanumret", None, {"closed_question"}, {"open_question"}),
    (
        "Vad är det som krånglar, är det skärmen eller tangentbordet?",
        None,
        {"closed_question"},
        {"open_question"},
    ),
    (
        "Beskriv gärna vad du ser, lyser lampan fortfarande?",
        None,
        {"open_question", "closed_question"},
        set(),
    ),
    ("hej okej har du kvar kartongen", None, {"closed_question"}, set()),
    # ASR: a verb after "annars", "då", "och du" is second, not a V1 question
    (
        "du behöver logga in med bankid annars kan vi inte se ärendet",
        None,
        set(),
        {"closed_question"},
    ),
    ("och då kan det ta lite längre tid", None, set(), {"closed_question"}),
    # reporting, not asking
    (
        "ring och berätta att ni har fått fel sorts pellets",
        None,
        set(),
        {"open_question"},
    ),
    (
        "jag ringer dig på måndag och berättar hur det gick",
        None,
        {"follow_up"},
        {"open_question"},
    ),
]


@pytest.mark.parametrize(("text", "prev", "present", "absent"), KINDS)
def test_kind(text: str, prev: str | None, present: set[str], absent: set[str]) -> None:
    got = labels(text, prev)
    assert present <= got, f"missing {present - got} in {got}"
    assert not (absent & got), f"unexpected {absent & got}"


SYMPATHY: list[tuple[str, set[str], set[str]]] = [
    # the weight of the situation named without a feeling word
    ("Det låter knepigt, särskilt med två små barn hemma.", {"sympathy"}, set()),
    ("de e ju inte roligt att stå utan värme", {"sympathy"}, set()),
    ("Då blir det ju krångligt för dig att ta dig till jobbet.", {"sympathy"}, set()),
    ("Det är ingen bra start på semestern.", {"sympathy"}, set()),
    ("Det är ju det sista man vill ha mitt i en flytt.", {"sympathy"}, set()),
    ("Sex veckor är alldeles för lång tid att vänta på ett besked.", {"sympathy"}, set()),
    ("Så kan det ju inte hålla på, det går inte i längden.", {"sympathy"}, set()),
    ("Sånt kan hända vem som helst, du är inte ensam om det.", {"sympathy"}, set()),
    ("Det här tar vi på största allvar.", {"sympathy"}, set()),
    ("och det stressar dig förstås", {"sympathy"}, set()),
    ("Jag förstår verkligen oron.", {"sympathy"}, set()),
    ("hoppas att hon mår bättre snart", {"sympathy"}, set()),
    ("Du måste vara helt slutkörd nu.", {"sympathy"}, {"demanding"}),
    # understanding what the customer goes through, not a fact
    ("Det förstår jag att ni funderar på.", {"sympathy"}, {"restating"}),
    ("Jag förstår att det känns snopet.", {"sympathy"}, set()),
    ("jag förstår att man reagerar när räkningen dubblas", {"sympathy"}, set()),
    # hard negatives: the agent's own wording, agreement, facts
    ("Förlåt, det var krångligt förklarat av mig.", set(), {"sympathy"}),
    ("Det låter bra, då gör vi så.", set(), {"sympathy"}),
    ("Okej, då förstår jag att det är din mammas abonnemang.", set(), {"sympathy"}),
]


@pytest.mark.parametrize(("text", "present", "absent"), SYMPATHY)
def test_sympathy(text: str, present: set[str], absent: set[str]) -> None:
    got = labels(text)
    assert present <= got, f"missing {present - got} in {got}"
    assert not (absent & got), f"unexpected {absent & got}"


SOLUTION: list[tuple[str, set[str], set[str]]] = [
    # the remedy as a process or in the passive (AMB:passive-process-solution)
    ("Beloppet återbetalas till ditt konto inom tre bankdagar.", {"solution"}, set()),
    ("avgiften krediteras på nästa faktura", {"solution"}, set()),
    ("Paketet körs ut till dig i morgon förmiddag.", {"solution"}, set()),
    ("en ny router skickas hem till dig i dag", {"solution"}, set()),
    ("Spärren hävs så fort vi har fått intyget.", {"solution"}, set()),
    # our own people come out to fix it
    ("Vår tekniker Ali kommer på torsdag och byter mätaren.", {"solution"}, set()),
    ("en montör åker dit i eftermiddag", {"solution"}, set()),
    # we carry the cost; asking someone to act, with "att" dropped in speech
    ("Det står vi för, självklart.", {"solution"}, set()),
    ("jag kan be lagret skicka en ny direkt", {"solution"}, set()),
    # a suggestion put as a question
    ("Har du funderat på att byta till autogiro?", {"solution", "closed_question"}, set()),
    # hard negatives: routines, possibilities, subordinate clauses, negation
    ("Fakturan skickas automatiskt varje månad.", set(), {"solution"}),
    ("Det kan ersättas om du har kvar kvittot.", set(), {"solution"}),
    ("Brev som skickas i dag kommer fram på fredag.", set(), {"solution"}),
    ("Tyvärr ersätts inte sådana skador.", set(), {"solution"}),
    ("Det står i villkoren.", set(), {"solution"}),
    ("teknikern kommer när han kommer", set(), {"solution"}),
]


@pytest.mark.parametrize(("text", "present", "absent"), SOLUTION)
def test_solution(text: str, present: set[str], absent: set[str]) -> None:
    got = labels(text)
    assert present <= got, f"missing {present - got} in {got}"
    assert not (absent & got), f"unexpected {absent & got}"

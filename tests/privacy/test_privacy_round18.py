"""Round 18: false masks and names by class, not by row: new sentences per fixed class.

Every POSITIVES row and every NEGATIVES row fails on the code before round 18 (none is
copied from blind18): the negatives were masked, the positives missed. GUARDS are hard
negatives for the new rules (unmasked before and after), KEPT positives of the same classes
that were already found and must stay found. The classes: a business's premises said with
"our"/"vår" before their address ("vårt lager på …", "our depot at …"); a street without a
number before "en"/"ett"/"one" as an article ("på Drottninggatan en fredag"); a title and a
word naming a character or product line ("the mr tickle lunchbox", "little miss
sunshine"); an artwork of or by someone, a fan of someone, someone's favourite; the person
slots of a child's parent ("mamma till X", "dad of X"), the one the caller stays with ("bor
hos X", "living with X"), the name the caller is put down as ("skriv in mig som X", "book
me in as X") and the name written on the post ("skriv X på kuvertet"); "X skulle höra av
sig"; in ASR text the speaker opening the turn with any first word and a listed surname
("det är varg hedlund som …"); a card paid with after an order's cue; a mailbox at one's
own firm whose word is the speaker's name said in the turn.
"""

from __future__ import annotations

import pytest
from privacy_masks import covered as _covers

from verbalkit.privacy import find_personal_data

POSITIVES = [
    # on envelope
    (
        "sv",
        "adressen är box tolv vilhelmina skriv gun-britt lantto på kuvertet",
        ["gun-britt lantto"],
        "name",
    ),
    (
        "en",
        "the address is po box nine keswick put marlowe tennant on the envelope",
        ["marlowe tennant"],
        "name",
    ),
    # kin of
    ("sv", "hej det är pappa till elvira i klass tre", ["elvira"], "name"),
    ("en", "hi i'm the dad of rufus in year two", ["rufus"], "name"),
    # stay with
    ("sv", "jag bor hos majvor just nu så skicka det dit", ["majvor"], "name"),
    ("en", "I'm living with Fenella until the move is done.", ["Fenella"], "name"),
    # word first name
    ("sv", "ja det är varg hedlund mamma till ebbe", ["varg hedlund", "ebbe"], "name"),
    # register as
    ("sv", "boka in mig som gösta rudin", ["gösta rudin"], "name"),
    ("en", "Put me down as Crispin Attwater, please.", ["Crispin Attwater"], "name"),
    ("en", "book me in as lettice hargreaves", ["lettice hargreaves"], "name"),
    # surname will contact
    ("sv", "Hon sa att Lindgren skulle höra av sig i morgon.", ["Lindgren"], "name"),
    # paid with after order cue
    (
        "sv",
        "Ordern lades av Tove Ek och hon betalade med 3056 930902 5904.",
        ["3056 930902 5904"],
        "card",
    ),
    (
        "en",
        "The order was placed by Dan Ruiz and he paid with 3852 000002 3237.",
        ["3852 000002 3237"],
        "card",
    ),
    (
        "en",
        "Booking was made online and she paid with 4539 1488 0343 6467.",
        ["4539 1488 0343 6467"],
        "card",
    ),
]
KEPT = [
    # on envelope
    (
        "sv",
        "Skriv Eskil Nordqvist på paketet så hittar brevbäraren rätt.",
        ["Eskil Nordqvist"],
        "name",
    ),
    ("en", "Put Ophelia Carrow on the parcel so the porter knows.", ["Ophelia Carrow"], "name"),
    # x here
    ("sv", "ja hej linus här jag vill säga upp abonnemanget", ["linus"], "name"),
    ("sv", "hallå kerstin här jag ringer om fakturan", ["kerstin"], "name"),
    ("en", "hi there rowan here i'm calling about the boiler", ["rowan"], "name"),
    ("en", "yeah hello dexter here i want to change my tariff", ["dexter"], "name"),
    # kin of
    ("sv", "Jag är mamma till Tindra som går på förskolan.", ["Tindra"], "name"),
    ("en", "It's Priya, mum of Arjun in the under-nines.", ["Arjun"], "name"),
    # ask for
    (
        "sv",
        "ring noll sju noll ett två tre fyra fem sex sju och fråga efter gunnel",
        ["gunnel"],
        "name",
    ),
    ("sv", "Fråga efter Leif i receptionen när du kommer.", ["Leif"], "name"),
    (
        "en",
        "call oh seven seven double two three four five six seven and ask for morag",
        ["morag"],
        "name",
    ),
    ("en", "Ask for Dermot at the front desk when you arrive.", ["Dermot"], "name"),
    # stay with
    ("sv", "Jag bor hos Ingela tills flytten är klar.", ["Ingela"], "name"),
    ("en", "i'm staying with bronwen at the moment so send it there", ["bronwen"], "name"),
    # opening unknown
    ("sv", "ja hej det är oksana petrenko och jag vill byta adress", ["oksana petrenko"], "name"),
    (
        "sv",
        "hej det är darius ramazani och mitt kundnummer är fyrtio tolv",
        ["darius ramazani"],
        "name",
    ),
    ("en", "yeah it's anjali venkatesan i want to cancel my order", ["anjali venkatesan"], "name"),
    ("en", "hi it's tadeusz wozniak and i need a new card", ["tadeusz wozniak"], "name"),
    # word first name
    ("sv", "hej det är storm lindqvist som ringde i går", ["storm lindqvist"], "name"),
    ("sv", "det är sol bergström och jag ringer om räkningen", ["sol bergström"], "name"),
    ("sv", "hej det är frost eriksson och jag har en fråga", ["frost eriksson"], "name"),
    # register as
    ("sv", "Skriv in mig som Ann-Charlotte Wiberg, tack.", ["Ann-Charlotte Wiberg"], "name"),
    # surname will contact
    ("sv", "De lovade att Åkesson skulle ringa tillbaka.", ["Åkesson"], "name"),
    ("en", "She said Pemberton would get back to me tomorrow.", ["Pemberton"], "name"),
    ("en", "They promised Okafor would ring me back.", ["Okafor"], "name"),
    # possessive account
    ("en", "it's on linnea's account her full name is linnea sorlie", ["linnea"], "name"),
    ("en", "We booked it on Saoirse's card, she's my sister.", ["Saoirse"], "name"),
    ("sv", "det står på iduns konto hon heter idun rask", ["idun"], "name"),
    ("sv", "Vi beställde på Tyras konto, hon är min dotter.", ["Tyra"], "name"),
    # paid with after order cue
    (
        "sv",
        "Bokningen gjordes i går och han betalade med 4539 1488 0343 6467.",
        ["4539 1488 0343 6467"],
        "card",
    ),
    # diners
    ("sv", "Han betalade med 3056 930902 5904.", ["3056 930902 5904"], "card"),
    ("en", "She paid with 3852 000002 3237.", ["3852 000002 3237"], "card"),
    ("en", "my card is 3056 9309 0259 04", ["3056 9309 0259 04"], "card"),
    ("sv", "kortet är 3852 000002 3237", ["3852 000002 3237"], "card"),
    # own mailbox name
    (
        "en",
        "Please reply to ned@fosterglazing.co.uk, Ned Foster here.",
        ["ned@fosterglazing.co.uk"],
        "email",
    ),
    (
        "en",
        "send the quote to bram@vosscarpentry.com it's me bram",
        ["bram@vosscarpentry.com"],
        "email",
    ),
    (
        "en",
        "Send it to maeve@quinnjoinery.ie, it's only me at the business, Maeve Quinn.",
        ["maeve@quinnjoinery.ie"],
        "email",
    ),
    (
        "en",
        "the invoice can go to rhodri@daviesroofing.co.uk that's me rhodri",
        ["rhodri@daviesroofing.co.uk"],
        "email",
    ),
    (
        "sv",
        "Skicka kvittot till pernilla@lindbergsmaleri.se, det är bara jag i firman.",
        ["pernilla@lindbergsmaleri.se"],
        "email",
    ),
    ("sv", "mejla till jonte@hedinsror.se det är jag jonte", ["jonte@hedinsror.se"], "email"),
]
NEGATIVES = [
    # own premises
    ("sv", "Upphämtning sker vid vår depå på Industrigatan 14 i Borås."),
    ("sv", "Returer skickas till vårt lager på Lagervägen 3, 554 74 Jönköping."),
    ("sv", "Du kan hämta ut cykeln i vår verkstad på Sågverksvägen 22 i Umeå."),
    ("en", "Returns go to our depot at 14 Mill Lane, Swindon."),
    ("en", "You can pick the bike up from our workshop at 22 Station Road, Leeds."),
    ("en", "The collection point is our showroom at 8 Harbour Street, Whitby."),
    # public figure
    ("en", "I've been a huge fan of Joni Mitchell since school."),
    # artwork
    ("sv", "Målningen av Ernst Josephson skadades i flytten."),
    ("en", "The portrait of Ada Lovelace fell off the wall."),
    # characters
    ("en", "the mr tickle lunchbox came without a lid"),
    ("en", "my son's mr potato head is missing an arm"),
    ("en", "the little miss sunshine cup arrived cracked"),
    ("en", "we ordered the mr bean dvd box set"),
    ("sv", "herr gurka-skivan gick sönder i posten"),
    # street no number
    ("sv", "Det var mycket folk på Drottninggatan en fredag, så vi åkte hem."),
    ("sv", "Jag gick längs Kungsgatan en morgon och såg skylten."),
    ("sv", "Vi brukar handla på Storgatan en gång i veckan."),
    ("sv", "Hon parkerade på Järnvägsgatan ett par timmar."),
]
GUARDS = [
    # paid negatives
    ("sv", "Ordern betalades med faktura, ordernummer 4539 1488 0343 6467."),
    ("en", "The order was paid with invoice 100234."),
    ("sv", "Betalade med swish, ordernumret är 2024-5531."),
    ("sv", "ja det är stora holm och lilla holm vi åker till"),
    ("en", "yeah it's lower hill and upper hill i mean the fields"),
    # mailbox negatives
    ("en", "Send the booking to stay@lakesidelets.co.uk and enjoy your Stay."),
    ("en", "Quotes go to quotes@harbourroofing.co.uk, the Quotes team answers fast."),
    ("en", "email hello@brightpaws.co.uk and say hello from me"),
    # slot negatives
    ("en", "My dad has been living with Parkinson's for ten years."),
    ("en", "We're staying with friends in Leeds until the move."),
    ("en", "Can you book me in as a new patient please?"),
    ("en", "Put me down as interested in the evening class."),
    ("en", "Just put it on the envelope and post it."),
    ("en", "I'm a mum of three so mornings are busy."),
    ("en", "She said Vodafone would get back to me."),
    ("sv", "Jag bor hos mamma just nu."),
    ("sv", "Hon är mamma till tre barn."),
    ("sv", "Skriv in mig som ny kund, tack."),
    ("sv", "skriv det på kuvertet så kommer det fram"),
    ("sv", "Han sa att Telia skulle höra av sig."),
    ("sv", "Vi bor hos Scandic i Göteborg över helgen."),
    ("sv", "Skriv ordernumret på paketet."),
    # own premises
    ("sv", "vår butik ligger på storgatan tolv i växjö"),
    ("en", "our shop is at twelve high street in kendal"),
    # public figure
    ("sv", "Evert Taube är pappas favorit, han sjunger med i allt."),
    ("sv", "Mormor lyssnar på Lars Winnerbäck varje morgon."),
    ("sv", "Jag är ett stort fan av Sophie Zelmani sedan tonåren."),
    ("sv", "Vi såg Tomas Ledin på Liseberg i somras."),
    ("en", "Van Morrison is my dad's favourite, he plays him all day."),
    ("en", "My nan listens to Cliff Richard every single morning."),
    ("en", "We saw Tom Jones at the Albert Hall last summer."),
    # artwork
    ("sv", "Affischen med Anders Zorns Midsommardans hänger i hallen."),
    ("sv", "Vi köpte ett tryck av Bruno Liljefors Rävfamilj till vardagsrummet."),
    ("sv", "Porträttet av Karin Larsson fick en repa på ramen."),
    ("en", "The print of Hopper's Nighthawks arrived with a torn corner."),
    ("en", "The painting by Lowry got scratched in the move."),
    ("en", "We ordered a poster of Klimt's Kiss for the hallway."),
    # characters
    ("sv", "pippi långstrump-muggen kom trasig"),
    ("sv", "alfons åberg-boken saknade sidor"),
    ("sv", "Vi beställde en Emil i Lönneberga-docka till barnbarnet."),
    # street no number
    ("en", "I walked down Baker Street one evening and saw the sign."),
    ("en", "We shop on the High Street one day a week."),
    ("en", "Is Mill Lane one way or can I drive both ways?"),
    ("en", "I parked on Church Road one afternoon and got a ticket."),
]


@pytest.mark.parametrize(("lang", "text", "values", "kind"), POSITIVES + KEPT)
def test_found(lang: str, text: str, values: list[str], kind: str) -> None:
    for value in values:
        assert _covers(text, lang, value, kind), (value, find_personal_data(text, lang))


@pytest.mark.parametrize(("lang", "text"), NEGATIVES + GUARDS)
def test_not_masked(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []


# Second pass, from the kinds of negatives unseen sets are full of: a named storm, paying
# into the business's own account, "att" as a word and not the label "Att:". Each fails
# before round 18.
NEGATIVES_2 = [
    ("sv", "Efter stormen Gudrun hade vi ingen ström på en vecka."),
    ("sv", "Orkanen Ivar slet loss plåten på ladan."),
    ("en", "Storm Ciara took half our fence down."),
    ("en", "Pay into our account, sort code 20-00-00, account 55779911."),
    (
        "en",
        "Please transfer the deposit to our business account, sort code 30-94-57, "
        "account 00112233.",
    ),
    ("sv", "Betala in till vårt konto, clearing 8327-9, kontonummer 914 582 331-4."),
    ("sv", "Sätt in hyran på vårt företagskonto 5021 10 123 45."),
    ("sv", "jag vill bara säga att rosen var fin och att per månad blir det dyrt"),
]
GUARDS_2 = [
    ("sv", "när stormen alfrida kom blev hela byn mörk"),
    ("en", "The shed blew over during Storm Arwen."),
    ("en", "after storm agnes the whole street flooded"),
    ("sv", "Hon sa att Malin Hörnans kurs var bra, och att Björkliden var vackert."),
    ("sv", "Det betyder, att maj blir dyrare."),
]
KEPT_2 = [
    ("en", "Pay it into my account, sort code 20-45-77, account 41736590.", "41736590"),
    (
        "sv",
        "Betala in till mitt konto, clearing 8327-9, kontonummer 914 582 331-4.",
        "914 582 331-4",
    ),
    ("sv", "Skicka pengarna till mitt konto 5021 10 123 45.", "5021 10 123 45"),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES_2 + GUARDS_2)
def test_not_masked_2(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "value"), KEPT_2)
def test_own_account_kept(lang: str, text: str, value: str) -> None:
    assert _covers(text, lang, value, "bank_account"), find_personal_data(text, lang)


# Third pass: a firm or day of the pack's phrase list where a name could stand, naming a
# thing ("vi döpte båten till"), a reference shaped like an NI number. NEGATIVES_3 fail
# before round 18; GUARDS_3 and KEPT_3 hold either way.
NEGATIVES_3 = [
    ("en", "It's John Lewis who delivered it."),
    ("sv", "Vi döpte båten till Elsa efter mormor."),
    ("sv", "Vi har döpt robotgräsklipparen till Gunnar."),
    ("en", "My son christened the mower Gordon."),
    ("en", "Your reference is AB123456C for the claim."),
    ("en", "The booking ref is JK 12 34 56 D."),
]
GUARDS_3 = [
    ("en", "It was Ted Baker that sent the wrong size."),
    ("en", "it's martin luther king day so you're closed right"),
    ("sv", "det är per capita räknat ganska billigt"),
    ("sv", "Det är Hugo Boss som har rean, inte vi."),
    ("en", "We renamed the boat to Matilda last year."),
    ("sv", "Ärendenumret är AB123456C."),
    ("sv", "Bokningsnumret är TW123456A."),
]
KEPT_3 = [
    ("en", "My national insurance number is AB123456C.", "AB123456C", "customer_id"),
    (
        "en",
        "my ni number is JT 45 23 81 B and the claim reference is 5521",
        "JT 45 23 81 B",
        "customer_id",
    ),
    ("sv", "Det är Per Capitano som ringer.", "Per Capitano", "name"),
    ("sv", "Vi döpte sonen till Elis, han fyller två nu.", "Elis", "name"),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES_3 + GUARDS_3)
def test_not_masked_3(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "value", "kind"), KEPT_3)
def test_kept_3(lang: str, text: str, value: str, kind: str) -> None:
    assert _covers(text, lang, value, kind), find_personal_data(text, lang)

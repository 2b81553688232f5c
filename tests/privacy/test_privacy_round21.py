"""Round 21: false masks and names by class, from new sentences written for the round.

None of these rows is copied from blind21 or any other part. NEGATIVES were masked by the
code before round 21 (commit 953aac5) and are not now; POSITIVES were missed before and are
found now. GUARDS (hard negatives, unmasked before and after) and KEPT (positives of the
same classes, found before and after) hold the new rules in check. The classes: a shop or
eatery named after a person where eating or shopping is said ("Hos Ingrid Svensson
handlade vi fisk", "lunch at Giorgio Locatelli"); a dish named after a person ("kaffe och
Karl Johansbakelse"); a titled brand or show ("Dr Oetker's pizzas", "Mrs Brown's Boys",
"Herr Nilssons senap"); a Swedish compound naming premises or a thing, and a one-word firm
in the agent's greeting ("Du pratar med Djurkliniken i Ystad", "växthuset ska levereras",
"You're speaking to Kidzone in Leeds, how can I help?"); function words after a spelling
cue ("stava ditt förnamn åt mig"); a desk or premises called at its number ("Ring
receptionen på", "ring reception on", "phone the front desk on"); paying to "our" sort code
or clearing number; a lower-case kin title before a verb ("my cousin supports leeds");
names: one word at their post before a speech verb ("Ilse i kassan berättade", "Tamsin
behind the counter promised"); a surname said, then again after a first name, after a call
verb or "for"/"till" ("ring dahl alltså jonas dahl", "the cheque is for bloom ada bloom");
a first name said twice with a filler before the surname ("it's tara um tara blackwood");
ids with a letter prefix after pass, permit and rider cues ("blue badge number is BB 771
2048", "färdtjänsttillstånd FT 331 5082", "pass, number RR 412 0093"); the surname said
first ("Ashcombe, that's the surname"); a role in apposition before a full name ("som
elektriker, Tobias Wern,"); the payee named last after an IBAN ("…, Femke de Vries."); a
character said with its work on a child's topic ("Anna from Frozen is on her lunchbox"); a
known first name opening a clause before "and" and a found name ("Anna and Peter will"); a
titled character or presenter on TV, radio or a tablet ("Mr Bean was on the telly").
"""

from __future__ import annotations

import pytest
from privacy_masks import covered as _covers

from verbalkit.privacy import find_personal_data

NEGATIVES = [
    # a shop or eatery named after a person, eating or shopping said
    ("sv", "Hos Ingrid Svensson handlade vi fisk till midsommar."),
    ("sv", "Hos Eva Nordin beställde jag smörgåstårtan."),
    ("sv", "Vi fikade hos Greta Olsson vid torget."),
    ("sv", "Vi åt lunch hos Kurt Lindgren i hamnen."),
    ("sv", "Jag köpte ost hos Britta Holm i saluhallen."),
    ("en", "We had lunch at Giorgio Locatelli on Friday."),
    ("en", "I bought the sourdough at Gail Hansen in the market."),
    ("en", "We ate at Rosa Mendes in Camden last night."),
    ("en", "We had dinner at Marco Rossi on the high street."),
    # a dish named after a person
    ("sv", "Vi tog kaffe och Karl Johansbakelse efter maten."),
    ("sv", "Barnen ville ha saft och Kalle Ankatårta."),
    ("sv", "Vi åt Biff Lindström och Sigrid Hallbergstårta."),
    # a titled brand or show
    ("en", "Dr Oetker's pizzas are in the freezer."),
    ("en", "Mr Muscle's spray didn't shift the stain."),
    ("en", "Mrs Brown's Boys is on again tonight."),
    ("en", "Mrs Crimble's biscuits were broken in the box."),
    ("sv", "Doktor Oetkers pizzor är slut."),
    ("sv", "Fru Sylvias kakor var slut i butiken."),
    ("sv", "Herr Nilssons senap är den bästa."),
    ("sv", "Fröken Sallys glass smälte i bilen."),
    # premises named in a compound, a one-word firm in the agent's greeting
    ("sv", "Du pratar med Djurkliniken i Ystad."),
    ("sv", "Du pratar med Trädgårdsboden i Täby, vad kan jag hjälpa till med?"),
    ("sv", "Du pratar med Cykelcentret i Lund, hur kan jag hjälpa dig?"),
    ("en", "You're speaking to Kidzone in Leeds, how can I help?"),
    ("en", "You're speaking with Tilebox in Derby, how may I help?"),
    ("en", "You're speaking to Bathstore in York, how can I help you today?"),
    # function words after a spelling cue
    ("sv", "Kan du stava ditt förnamn åt mig?"),
    ("sv", "Kan du bokstavera efternamnet åt mig, tack?"),
    # a desk or premises called at its number
    ("sv", "Ring receptionen på 08-555 200 00 om du har frågor."),
    ("sv", "Ring expeditionen på 018-12 34 56 för att boka."),
    ("sv", "Ring växeln på 031-10 20 30 så kopplar de dig."),
    ("en", "Ring reception on 0161 496 0000 if you have questions."),
    ("en", "Phone the front desk on 0113 496 0123 to rebook."),
    ("en", "Call switchboard on 020 7946 0111 and ask for billing."),
    # paying to "our" sort code or clearing number
    ("en", "Please pay to our sort code 30-94-57, account 11223344, quoting your reference."),
    ("en", "Transfer it to our sort code 20-45-77, account 55667788, by Friday."),
    ("en", "Pay to our sort code 09-01-28, account number 71234567, please."),
    ("en", "Send the deposit to our sort code 40-22-18, account 10293847."),
    ("sv", "Betala till vårt clearingnummer 8327-9, konto 123 456 789-0."),
    # a lower-case kin title before a verb
    ("en", "my cousin supports leeds"),
    ("en", "my nan knits jumpers for everyone"),
    ("en", "my uncle runs the pub on the corner"),
    ("en", "my auntie loves the garden centre"),
    # a titled character or presenter on TV, radio or a tablet
    ("en", "Mr Bean was on the telly all afternoon."),
    ("en", "Mrs Hinch was on TV again last night."),
    ("en", "The kids watched Mr Tumble on the iPad."),
    ("en", "Mr Motivator was on the radio this morning."),
    ("sv", "Fröken Ur hördes i radion hela dagen."),
    ("sv", "Doktor Snuggles gick på tv när jag var liten."),
    ("sv", "Herr Gårman var med i tv-programmet."),
    ("sv", "Fru Pigalopp var med på Barnkanalen i går."),
    # a character said with the work it comes from, on a child's or fan's topic
    ("sv", "Vi vill ha Anna från Frost på tårtan."),
    ("sv", "Han vill ha Emil från Lönneberga på kalaset."),
    ("en", "Anna from Frozen is on her lunchbox."),
    ("en", "We'd like Ariel from The Little Mermaid on the cake."),
]

POSITIVES: list[tuple[str, str, list[str], str | None]] = [
    # one word at their post before a speech verb
    ("sv", "Jag var inne i går, Ilse i kassan berättade att varan är slut.", ["Ilse"], "name"),
    (
        "en",
        "I came in last week, Tamsin behind the counter promised a callback.",
        ["Tamsin"],
        "name",
    ),
    # a surname, then again after a first name, after a call verb or "for"
    ("en", "call dale i mean rory dale on oh seven seven", ["dale", "rory dale"], "name"),
    ("en", "the cheque is for bloom ada bloom", ["bloom", "ada bloom"], "name"),
    ("sv", "ja ring ek alltså maja ek på noll sju noll", ["ek", "maja ek"], "name"),
    ("sv", "det är till falk alltså nora falk", ["falk", "nora falk"], "name"),
    ("sv", "ring dahl alltså jonas dahl på noll åtta", ["dahl", "jonas dahl"], "name"),
    (
        "en",
        "ring hunter well callum hunter on oh one three nine",
        ["hunter", "callum hunter"],
        "name",
    ),
    # a first name twice with a filler, then the surname
    ("en", "hi it's tara um tara blackwood about the gutters", ["tara um tara blackwood"], "name"),
    ("sv", "hej det är vera eh vera lind om fakturan", ["vera eh vera lind"], "name"),
    # ids with a letter prefix after pass, permit and rider cues
    ("en", "My dad's blue badge number is BB 771 2048.", ["BB 771 2048"], "customer_id"),
    ("en", "My bus pass number is TP 551 2093.", ["TP 551 2093"], "customer_id"),
    ("en", "Her rider number is HR 5120 88.", ["HR 5120 88"], "customer_id"),
    ("en", "My son's travel pass number is TX 340 1127.", ["TX 340 1127"], "customer_id"),
    ("sv", "Min mamma har färdtjänsttillstånd FT 331 5082.", ["FT 331 5082"], "customer_id"),
    ("sv", "Mitt parkeringstillstånd är PT 330 1287.", ["PT 330 1287"], "customer_id"),
    ("sv", "Hennes ryttarnummer är RN 4107 36.", ["RN 4107 36"], "customer_id"),
    ("sv", "Mitt busskort har nummer BK 5512 093.", ["BK 5512 093"], "customer_id"),
    # letters before the digits after "pass, number" / "kort nummer"
    ("en", "My gran has a Ring and Ride pass, number RR 412 0093.", ["RR 412 0093"], "customer_id"),
    ("en", "His bus pass, number BP 440 9281, has expired.", ["BP 440 9281"], "customer_id"),
    (
        "en",
        "Her parking permit, number PK 210 3377, is for zone C.",
        ["PK 210 3377"],
        "customer_id",
    ),
    ("sv", "Min pappa har färdtjänstkort nummer FK 881 2043.", ["FK 881 2043"], "customer_id"),
    (
        "sv",
        "Hennes parkeringstillstånd, nummer PT 551 2070, har gått ut.",
        ["PT 551 2070"],
        "customer_id",
    ),
    ("sv", "Mitt medlemskort, nummer MK 332 1098, är borttappat.", ["MK 332 1098"], "customer_id"),
    ("sv", "Hans busskort nummer BK 771 4402 är spärrat.", ["BK 771 4402"], "customer_id"),
    # the surname said first, before "that's the surname" / "det är efternamnet"
    ("sv", "Lundh, det är efternamnet, Per Lundh, om fakturan.", ["Lundh"], "name"),
    ("sv", "Wennerbom, det är mitt efternamn, Stina Wennerbom.", ["Wennerbom"], "name"),
    ("sv", "Rask, det är efternamnet, Olle Rask, jag ringer om leveransen.", ["Rask"], "name"),
    ("sv", "Tallqvist, det är efternamnet, Mia Tallqvist, kundnummer 4411.", ["Tallqvist"], "name"),
    ("en", "Ashcombe, that's the surname, James Ashcombe, about the bill.", ["Ashcombe"], "name"),
    ("en", "Treharne, that's my surname, Gwen Treharne, about the delivery.", ["Treharne"], "name"),
    ("en", "Featherstone, that's the last name, Ian Featherstone.", ["Featherstone"], "name"),
    (
        "en",
        "Okonkwo, that's the surname, Ada Okonkwo, calling about the refund.",
        ["Okonkwo"],
        "name",
    ),
    # a role in apposition before a full name
    (
        "sv",
        "Jag arbetar som elektriker, Tobias Wern, och behöver en faktura.",
        ["Tobias Wern"],
        "name",
    ),
    (
        "en",
        "I'm on the books as a gardener, Orla Finch, and my card was charged twice.",
        ["Orla Finch"],
        "name",
    ),
    # a known first name opening a clause before "and" and a found name
    ("en", "Anna and Peter will both come.", ["Anna", "Peter"], "name"),
    ("en", "Sophie and Liam are both on the booking.", ["Sophie", "Liam"], "name"),
    ("en", "Chloe and Freya will share the room.", ["Chloe", "Freya"], "name"),
    ("sv", "Anna och Peter kommer båda två.", ["Anna", "Peter"], "name"),
    ("sv", "Lisa och Johan ska båda vara med på resan.", ["Lisa", "Johan"], "name"),
    ("sv", "Tilda och Ebba delar rum.", ["Tilda", "Ebba"], "name"),
    # a flat and a named place with no house number before an Irish town and Eircode
    (
        "en",
        "My address is Apartment 12, Harbour View, Cork T12 R2NC.",
        ["Apartment 12, Harbour View, Cork T12 R2NC"],
        "address",
    ),
    (
        "en",
        "Send it to Apartment 4, The Maltings, Galway H91 E2K3.",
        ["Apartment 4, The Maltings, Galway H91 E2K3"],
        "address",
    ),
    (
        "en",
        "I'm in Unit 7, Riverside Mews, Dublin D08 VF8H.",
        ["Unit 7, Riverside Mews, Dublin D08 VF8H"],
        "address",
    ),
    (
        "en",
        "Deliver it to Flat 2, Castle Yard, Kilkenny R95 A2P6.",
        ["Flat 2, Castle Yard, Kilkenny R95 A2P6"],
        "address",
    ),
    # the payee named last after an IBAN
    (
        "sv",
        "Återbetalningen ska till DE89370400440532013000, Hildur Magnúsdóttir.",
        ["Hildur Magnúsdóttir"],
        "name",
    ),
    (
        "sv",
        "Utbetalningen ska till NL91ABNA0417164300, Femke de Vries.",
        ["Femke de Vries"],
        "name",
    ),
]

GUARDS = [
    ("sv", "Stava ditt mellannamn åt mig."),
    ("sv", "Kan ni stava det åt mig?"),
    ("en", "Can you spell your surname for me?"),
    ("en", "Could you spell the first name for me please?"),
    ("sv", "Vi beställde en Karl Johansbakelse till kaffet."),
    ("sv", "Jag beställde Pytt i panna och Oscarsbakelse."),
    ("en", "I had the soup and Peach Melba for afters."),
    ("en", "We ordered the Eggs Benedict and Beef Wellington."),
    ("en", "You're through to Floorzilla in Hull, how can I help?"),
    ("sv", "Kontakta kundtjänsten på 0771-99 88 77 om leveransen."),
    ("en", "Ring customer services on 0345 600 1234 about the refund."),
    ("sv", "Jag ringde i morse, Kundtjänst i växeln sa att du skulle ringa upp."),
    ("en", "I came in last week, Reception at the front desk said it was fine."),
    ("en", "The bus pass costs 40 pounds a month."),
    ("sv", "Busskortet kostar 790 kr i månaden."),
    ("en", "it's very very good"),
    ("sv", "det är bra bra bra"),
    ("sv", "min moster bakar bröd varje helg"),
    ("sv", "min farbror kör buss i stan"),
    ("en", "Route number BP 440 leaves at nine."),
    ("en", "Salt and Pepper are our cats."),
    ("sv", "Salt och Peppar är våra katter."),
    ("sv", "Olaf från Frost var på tårtan."),
    ("en", "Woody from Toy Story is his favourite."),
    ("en", "The office is at 4 Main Street, Cork T12 R2NC."),
    ("en", "Our depot is in Dublin D02 X285."),
    # a one-word place after "in"/"i" that only the name recogniser might take
    ("en", "We had a walk in Thornbury on Sunday."),
    ("en", "The parcel is somewhere near Wetherby."),
    ("sv", "Vi bodde i Tallbacka hela sommaren."),
    ("sv", "Stugan ligger utanför Hjortkvarn."),
]

KEPT: list[tuple[str, str, list[str], str | None]] = [
    ("sv", "Jag köpte bilen av Anna Berg.", ["Anna Berg"], "name"),
    ("en", "I bought the car from Peter Hollis.", ["Peter Hollis"], "name"),
    ("sv", "Vi åt middag hemma hos Eva Nordin.", ["Eva Nordin"], "name"),
    ("en", "Mr Smith's account is overdue.", ["Smith"], "name"),
    ("sv", "Hej, Maja Lind heter jag, växthuset ska levereras på fredag.", ["Maja Lind"], "name"),
    ("sv", "Du pratar med Lisa, vad kan jag hjälpa dig med?", ["Lisa"], "name"),
    ("en", "You're speaking to Kelly in Leeds, how can I help?", ["Kelly"], "name"),
    ("sv", "Ring min dotter på 070-123 45 67.", ["070-123 45 67"], "phone"),
    ("en", "Call my office on 0161 496 0000.", ["0161 496 0000"], "phone"),
    (
        "en",
        "Please pay into my sort code 30-94-57, account 11223344.",
        ["30-94-57", "11223344"],
        None,
    ),
    ("sv", "Jag var där i fredags och Märta i kassan sa att kvittot räcker.", ["Märta"], "name"),
    ("sv", "Jag ringde i morse, Hassan i växeln sa att du skulle ringa upp.", ["Hassan"], "name"),
    (
        "sv",
        "Vi köpte soffan, men Tuva i receptionen lovade att den skulle levereras.",
        ["Tuva"],
        "name",
    ),
    ("en", "I rang this morning, Ngozi on the switchboard told me to email.", ["Ngozi"], "name"),
    (
        "en",
        "We were in on Monday and Oona at the desk said the refund was sorted.",
        ["Oona"],
        "name",
    ),
    ("en", "I came in on Tuesday, Ffion at the desk mentioned a discount.", ["Ffion"], "name"),
    ("en", "my cousin jakub is coming", ["jakub"], "name"),
    ("sv", "Anna från Ikea ringde mig i går om leveransen.", ["Anna"], "name"),
    ("en", "Mr Jones from the TV licensing office called me.", ["Mr Jones"], "name"),
    ("en", "Mrs Patel from the telly repair shop said it was fixed.", ["Mrs Patel"], "name"),
    ("sv", "Fru Lindqvist från tv-butiken ringde mig.", ["Fru Lindqvist"], "name"),
    (
        "sv",
        "Lönen ska in på clearing 8327-9, konto 994 118 337-2, på Elof Brandt.",
        ["Elof Brandt"],
        "name",
    ),
    (
        "sv",
        "Sätt in det på kontonummer 5512 33 44556, till Vendela Roos.",
        ["Vendela Roos"],
        "name",
    ),
    (
        "en",
        "Pay it into account 55667788, sort code 40-11-62, to Ciarán Dunne.",
        ["Ciarán Dunne"],
        "name",
    ),
    (
        "en",
        "The refund goes to account 31926819, in the name of Orla Tierney.",
        ["Orla Tierney"],
        "name",
    ),
    ("sv", "Min dotter Elsa från första äktenskapet bor hos mig.", ["Elsa"], "name"),
    ("en", "Lisa from Hartley Homes called me about the kids' rooms.", ["Lisa"], "name"),
    ("sv", "Jag har eget som frisör, Hanna Kvist, och ringer om kassan.", ["Hanna Kvist"], "name"),
    (
        "en",
        "I'm self-employed as a joiner, Rhys Pugh, and I need an invoice.",
        ["Rhys Pugh"],
        "name",
    ),
    ("en", "I work as a carpenter, Tobin Wray, and need a copy invoice.", ["Tobin Wray"], "name"),
    ("sv", "Skicka pengarna till NO9386011117947, Ingrid Bakke.", ["Ingrid Bakke"], "name"),
    ("en", "The refund goes to NO9386011117947, Sigrid Haugen.", ["Sigrid Haugen"], "name"),
    ("en", "Pay it back to NL91ABNA0417164300, Sanne de Graaf.", ["Sanne de Graaf"], "name"),
    (
        "en",
        "The payment went to GB29NWBK60161331926819, Barclays Bank.",
        ["GB29NWBK60161331926819"],
        "iban",
    ),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES + GUARDS)
def test_not_masked(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "values", "kind"), POSITIVES + KEPT)
def test_found(lang: str, text: str, values: list[str], kind: str | None) -> None:
    for value in values:
        assert _covers(text, lang, value, kind), value

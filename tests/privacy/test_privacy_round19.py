"""Round 19: false masks by class, then names by position: new sentences per class.

None of these rows is copied from blind19. NEGATIVES were masked by the code before round 19
(commit e1896a5) and are not now; POSITIVES were missed before and are found now. GUARDS
(hard negatives, unmasked before and after) and KEPT (positives of the same classes, found
before and after) hold the new rules in check. The classes: animals
collected from or left at the vet's or a cattery ("hämtade Sixten och Molly från
djurkliniken", "dropped Biscuit at the cattery"); ships and ferries ("seglar med Birka",
"aboard the Queen Mary"); a brand said after a pack or a container ("en ask Anthon Berg",
"a tin of Quality Street") and firms named after people; dishes and drinks named after
someone ("flygande Jacob", "eggs Benedict"); characters and artworks ("Pippi
Långstrump-lådan", "the Mona Lisa"); streets named after people and said without a
number ("på Birger Jarlsgatan", "on Lady Margaret Avenue"); a public office's mailbox
("bygglov@…", "planning@…"); a business's premises with "our"/"vår" and a verb of place
("vårt krematorium ligger på …", "our yard is at …"); measures that look like streets
("twenty square metres"); a deposit box; amounts after "det är" in ASR text; acronyms and
towns after "i"/"in" taken for names; and the names of a role said right before them
("ljudteknikern Sebbe sa", "my therapist Odile Marchetti told me") and a neighbour's
property ("gränsen mot Sune Lövgrens tomt", "Nigel Pembury's fence"); two people sharing a
surname or closing a pair ("för vide och saga lindholm", "under Freddie and Nour"); kin
titles ("Uncle Hans-Peter", "Morbror Lars-Åke"); a name that is also a word opening a
cleft ("it's dale i booked the studio"); member ids after "med nummer"/"with number";
toys and vehicles named ("en docka som heter Lisa", "named our campervan Bertie"); a public
service's short number ("Ring Vårdguiden på 1177"); "our bank details"; plays seen at a
theatre ("se Hamlet på Dramaten").
"""

from __future__ import annotations

import pytest
from privacy_masks import covered as _covers

from verbalkit.privacy import find_personal_data

NEGATIVES = [
    ("sv", "Vi hämtade Sixten och Molly från djurkliniken i går."),
    ("sv", "Jag lämnade Bosse och Tessan på veterinären i morse."),
    ("sv", "Kan ni hämta Ludde hos veterinären innan sex?"),
    ("en", "We picked up Barney and Rosie from the vet's this morning."),
    ("en", "I dropped Biscuit and Oscar at the cattery on Friday."),
    ("sv", "Vi seglade med Isabella förra året och färjan var full."),
    ("en", "I placed the bet with William Hill, not with Ladbrokes."),
    ("sv", "Till lunch blir det flygande Jacob och sedan Janssons frestelse."),
    ("sv", "Pippi Långstrump-lådan och Nils Holgersson-pusslet är slutsålda."),
    ("sv", "Barnen älskar Pippi och Emil, så vi köpte båda filmerna."),
    ("en", "The jigsaw of the Mona Lisa is missing three pieces."),
    ("en", "The kids love Peppa and George, so we bought both DVDs."),
    ("sv", "Vi ses på Karl Johans torg, nära Birger Jarlsgatan."),
    ("sv", "Skicka ansökan till bygglov@uppsala.se så diarieförs den."),
    ("sv", "Mejla registrator@kalmar.se om du vill ha beslutet."),
    ("en", "Email licensing@bristol.gov.uk about the street party."),
    ("sv", "Vårt bageri ligger på Storgatan 12 i Mora, välkommen in."),
    ("en", "Our nursery is at 5 Mill Lane, Ely, if you want to collect the plants."),
    ("sv", "Lagret i Jönköping skickar från Bäckgatan 14 i morgon."),
    ("en", "Our depot in Crewe ships from 14 Brook Street tomorrow."),
    ("en", "The office has moved to 8 King Street, Oxford."),
    ("sv", "Hämta paketet på Ica Maxi, Fältspatsgatan 2."),
    ("sv", "Paketet kan hämtas hos Pressbyrån, Stationsgatan 3."),
    ("en", "Collect the parcel from Tesco Extra, 2 Dock Road."),
    ("en", "You can pick it up at Post Office Ltd, 7 Bridge Street."),
    ("en", "I'd like to open a safe deposit box 17 at your branch."),
    ("en", "My lock box 12 at the gym was broken into."),
    ("en", "it was rose and gold in colour"),
    ("en", "The man who founded Dyson, James Dyson, is from Norfolk."),
    ("en", "yeah it was charles dickens who wrote it"),
    ("en", "we've got a robot hoover the kids call robbie"),
    ("sv", "Bokningsreferensen är 1985-04-12-334."),
    ("sv", "Betalningsreferensen är 8504-1233 4455."),
    (
        "en",
        "We sent a reminder to the company's account, sort code 40-11-62, account 71234567, on the letter.",
    ),
    ("sv", "Påminnelsen gick till föreningens konto, clearing 8327-9, 914 552 310-4."),
    ("sv", "Min dotter har en docka som heter Lisa."),
    ("sv", "Sonen har en nalle som heter Bosse."),
    ("en", "My daughter has a doll called Lucy."),
    ("en", "He sleeps with a teddy that's called Oscar."),
    ("sv", "Vi har namngett vår husbil till Bertil."),
    ("sv", "Vi döpte vår båt till Greta i fjol."),
    ("en", "We've named our campervan Bertie."),
    ("en", "They christened their caravan Doris."),
    ("sv", "Ring Vårdguiden på 1177 om du blir sämre."),
    ("sv", "Hans Christian Andersen skrev sagan om den fula ankungen."),
    ("en", "Hans Christian Andersen wrote the ugly duckling."),
    ("en", "Our bank details are sort code 30-90-89, account 12345678, on the invoice."),
    ("sv", "Våra bankuppgifter är clearing 8327-9, konto 914 552 310-4, se fakturan."),
]

GUARDS = [
    ("en", "Can you collect Teddy from the kennels before five?"),
    ("sv", "Vi bokade en hytt ombord på Amorella till Åbo."),
    ("en", "We sailed on the Queen Mary last spring and loved it."),
    ("en", "They're cruising aboard the Oriana next month."),
    ("sv", "Jag köpte en burk Kalles och en påse Ahlgrens bilar till resan."),
    ("sv", "I korgen ligger en ask Aladdin och en flaska Carl Jularbo-glögg."),
    ("en", "There's a tin of Quality Street and a bottle of Jack Daniel's in the hamper."),
    ("en", "Grab a jar of Colman's and a bar of Cadbury for the picnic."),
    ("sv", "Vi serverar biff Rydberg och pannkakor till barnen."),
    ("en", "We'll have the eggs Benedict and a beef Wellington for two."),
    ("en", "She ordered a peach Melba and a Tom Collins at the bar."),
    ("sv", "Affischen med Mona Lisa kostar tvåhundra kronor."),
    ("en", "The Peter Rabbit-themed mugs and the Paddington-plush are back in stock."),
    ("sv", "Kontoret ligger vid Drottning Kristinas väg i Stockholm."),
    ("en", "The café is on Lady Margaret Avenue near the station."),
    ("en", "Turn left at King Edward Drive and keep going."),
    ("en", "Send the drawings to planning@leeds.gov.uk for a decision."),
    ("sv", "Vår plantskola finns på Lövsta 4 i Tierp."),
    ("en", "Our showroom's on 22 Canal Street, Leeds, open until six."),
    ("sv", "Butiken har flyttat till Kungsgatan 8 i Uppsala."),
    ("en", "the extension will be about thirty square metres in total"),
    ("en", "we need roughly twelve square feet of tiles for the hallway"),
    ("sv", "ja avgiften gäller om det är under femhundra"),
    ("sv", "nej det är runt tvåtusen i månaden"),
    ("en", "The beneficiary's BIC is in the letter, please check it."),
    ("en", "Your IBAN is wrong, said the clerk."),
    ("sv", "Mannen som grundade Ikea, Ingvar Kamprad, kom från Småland."),
    ("sv", "vi har en robotdammsugare som barnen kallar sigge"),
    ("sv", "det är sten jag köpte till trädgården"),
    ("en", "Our house is in a quiet street, we love it."),
    ("en", "the living room is twenty square metres"),
    ("sv", "teknikern också sa att det var fel"),
    ("en", "the engineer then said it was fine"),
    ("en", "Members can call 0800 123 456 for help."),
    ("en", "it's fine i booked it already"),
    ("sv", "ja det är bra jag bokade det"),
    ("en", "Uncle Ben's rice and Auntie Anne's pretzels are on offer."),
    ("en", "I spoke to my uncle and he said no."),
    ("sv", "Min morbror och moster kommer på lördag."),
    ("sv", "Vi ska se Hamlet på Dramaten i helgen."),
    ("en", "We're seeing Macbeth at the Globe on Friday."),
]

POSITIVES = [
    ("sv", "ja ljudteknikern sebbe sa att jag skulle ringa er", ["sebbe"], "name"),
    ("sv", "rörmokaren jonte sa att röret var trasigt", ["jonte"], "name"),
    ("en", "My therapist Odile Marchetti told me to book with you.", ["Odile Marchetti"], "name"),
    ("en", "yeah the engineer seb said to give you my number", ["seb"], "name"),
    ("sv", "Staketet mot Sune Lövgrens tomt är trasigt.", ["Sune Lövgren"], "name"),
    ("sv", "Häcken vid Greta Åmans uppfart måste klippas.", ["Greta Åman"], "name"),
    ("en", "The fence along Nigel Pembury's garden has fallen down.", ["Nigel Pembury"], "name"),
    ("en", "The hedge by Doris Kettley's driveway is too high.", ["Doris Kettley"], "name"),
    (
        "sv",
        "det gäller eftersändning för vide och saga lindholm",
        ["vide", "saga lindholm"],
        "name",
    ),
    (
        "en",
        "it's a redirection for rowan and ivy marsh this summer",
        ["rowan", "ivy marsh"],
        "name",
    ),
    ("en", "The parcel is for Heath and Poppy Dunmore.", ["Heath", "Poppy Dunmore"], "name"),
    ("en", "Auntie Mary-Beth left me her old Barclays account.", ["Mary-Beth"], "name"),
    ("sv", "ja det är storm jag bokade studion i fredags", ["storm"], "name"),
    ("en", "yeah it's dale i booked the studio last week", ["dale"], "name"),
    ("en", "alright it's wade i hired a skip from you", ["wade"], "name"),
    (
        "sv",
        "Vi är medlemmar i golfklubben med nummer GK-4410 2291.",
        ["GK-4410 2291"],
        "customer_id",
    ),
    ("sv", "Jag är medlem i båtklubben med nummer BK-3391 20.", ["BK-3391 20"], "customer_id"),
    (
        "en",
        "We're members of the golf club with number GK-4410 2291.",
        ["GK-4410 2291"],
        "customer_id",
    ),
    ("sv", "Mitt säljarkonto har nummer MK-8841 203.", ["MK-8841 203"], "customer_id"),
    ("sv", "Avgiften dras från 3300 12 345 67 varje månad.", ["3300 12 345 67"], "bank_account"),
    (
        "en",
        "We're members of the gym with number 4410 2291 and want to cancel.",
        ["4410 2291"],
        "customer_id",
    ),
    ("en", "Uncle Hans-Peter had a Danske account.", ["Hans-Peter"], "name"),
    ("en", "Uncle Bertie had a Nordea account from his Swedish years.", ["Bertie"], "name"),
    ("en", "It's under Freddie and Nour, court two.", ["Freddie", "Nour"], "name"),
]

KEPT = [
    ("sv", "Ljudteknikern Sebbe sa att jag skulle ringa er.", ["Sebbe"], "name"),
    (
        "sv",
        "Min terapeut Odile Marchetti sa att jag skulle boka hos er.",
        ["Odile Marchetti"],
        "name",
    ),
    ("en", "Our drummer Fergus Quaile has the spare key.", ["Fergus Quaile"], "name"),
    ("en", "the plumber Darragh said to ring you back", ["Darragh"], "name"),
    ("sv", "Posten ska till Ture och Majken Sandahl i sommar.", ["Ture", "Majken Sandahl"], "name"),
    ("sv", "Farbror Karl-Erik hade ett konto hos Nordea.", ["Karl-Erik"], "name"),
    ("sv", "hej det är sten jag ringde om fakturan", ["sten"], "name"),
    ("en", "hi it's brook i rang yesterday about the bill", ["brook"], "name"),
    ("sv", "men inget har kommit det är tuva förresten", ["tuva"], "name"),
    (
        "en",
        "My seller account number is MK-8841 203, can you check it?",
        ["MK-8841 203"],
        "customer_id",
    ),
    (
        "en",
        "The fee comes out of 40-11-62 71234567 every month.",
        ["40-11-62 71234567"],
        "bank_account",
    ),
    ("sv", "Jag heter Anna Lind och hämtade Sixten från djurkliniken.", ["Anna Lind"], "name"),
    ("en", "I'm Rhona Keddie and my cat is at the vet's.", ["Rhona Keddie"], "name"),
    (
        "en",
        "Our house is at 14 Beech Road, Ely CB7 4AA.",
        ["14 Beech Road, Ely CB7 4AA"],
        "address",
    ),
    ("sv", "Vårt hus ligger på Björkvägen 3 i Mora.", ["Björkvägen 3"], "address"),
    ("sv", "Jag seglar med Anna Lindqvist från Nacka i sommar.", ["Anna Lindqvist"], "name"),
    (
        "en",
        "My email is rhona.keddie@leeds.gov.uk if that helps.",
        ["rhona.keddie@leeds.gov.uk"],
        "email",
    ),
    ("en", "You can pick it up from Dave, 12 Elm Road.", ["12 Elm Road"], "address"),
    ("sv", "Morbror Lars-Åke hade ett sparkonto.", ["Lars-Åke"], "name"),
    ("sv", "Moster Ulla-Karin betalade med sitt kort.", ["Ulla-Karin"], "name"),
    ("en", "The table is booked under Tilly and Ravi.", ["Tilly", "Ravi"], "name"),
    ("sv", "Den står på Hugo och Rania, bana två.", ["Hugo", "Rania"], "name"),
    ("sv", "Bokningen står på Agnes och Omid.", ["Agnes", "Omid"], "name"),
    ("en", "I'm going to see Anna at the theatre tonight, my sister.", ["Anna"], "name"),
    ("en", "Call Bernadette on 07700 900 461 if I'm out.", ["Bernadette"], "name"),
    (
        "sv",
        "Mitt konto är clearing 8327-9, konto 914 552 310-4.",
        ["8327-9", "914 552 310-4"],
        "bank_account",
    ),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES + GUARDS)
def test_not_masked(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "values", "kind"), POSITIVES + KEPT)
def test_found(lang: str, text: str, values: list[str], kind: str) -> None:
    for value in values:
        assert _covers(text, lang, value, kind), value

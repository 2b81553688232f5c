"""Round 22: false masks on real third-party text, by class, from new sentences.

None of these rows is copied from the SGD corpus or from any redaction part. The classes
come from the masks on SGD dialogues 0-4000 (the development slice; 6000-8000 is held out):
places taken for people ("in Santa Rosa", "flying to Austin", "Paris, France"; a GeoNames
gazetteer, `models/{lang}/lexicons/geo_places.txt`); performers, works and matches in an
utterance about songs, films, concerts, events or tickets ("Adorn by Miguel from the album
…", "directed by Greta Gerwig", "Dumbo, Red Joan or Missing Link", "Rangers Vs Astros",
"Matchen AIK mot Hammarby", "filmen Gloria Bell"); premises and cars named after people
("John Wayne Airport", "at Chase Field", "a Chevrolet Malibu"); a venue's or business's own
address or phone number given about a third party ("They can be reached at …", "The event
is at …", "De nås på …", "Your table is booked. The number is …"); money read as an account
number ("balance is $19,209.10", "12 409,55 kr").

NEGATIVES were masked by the code before round 22 (commit f8baf22) and are not now. GUARDS
are hard negatives of the same classes, unmasked before and after. KEPT are positives of the
same frames that must stay masked: payees ("send $50 to Diego"), people the caller knows in
a media frame ("My friend Anna is coming to the concert"), people spoken to at a venue, the
caller's own address and number read back ("Your address is …, is that right?").
"""

from __future__ import annotations

import pytest
from privacy_masks import covered as _covers

from verbalkit.privacy import find_personal_data

NEGATIVES = [
    ("en", "How about Golden Hour by Kacey Musgraves from the album of the same name?"),
    ("en", "What about Cher? I love her music."),
    ("en", "It was directed by Greta Gerwig and runs two hours."),
    ("en", "Do you want Dumbo, Red Joan or Missing Link tonight?"),
    ("en", "We'll pick you up at John Wayne Airport."),
    ("en", "The match is at Chase Field tonight."),
    ("sv", "Den är regisserad av Ruben Östlund och är ganska lång."),
    ("en", "They can be reached at 415-555-0139 until nine."),
    ("en", "The event is at 1600 Exposition Boulevard, doors open at six."),
    ("en", "Your table is booked. The number is 707-555-0123 if you're running late."),
    ("en", "You can call them at 925-555-0150 to ask about parking."),
    ("en", "Your savings account balance is $12,409.55."),
    ("sv", "De nås på 08-555 123 45 mellan nio och fem."),
    ("sv", "Konserten är på Kungsgatan 7, insläpp klockan sex."),
    ("sv", "Saldot på ditt sparkonto är 12 409,55 kr."),
    ("en", "We're staying near Santa Barbara for three nights."),
    ("en", "Any sushi places around San Diego?"),
    ("sv", "Vi åker till Santa Monica i sommar."),
    ("sv", "Vi bor i Santa Cruz över påsk."),
    ("en", "I found Sunday Best by Grace Potter from the album Medicine."),
    ("en", "I want to hear more music from Billy Joel."),
    ("en", "The event is called Maren Morris and it starts at eight."),
    ("en", "There is a concert by Sarah Jarosz at the Fillmore."),
    ("en", "It's directed by Kathryn Bigelow, would you like to watch it?"),
    ("en", "We have Tommy Boy, Annie Hall or Jerry Maguire tonight."),
    ("en", "There's a standard Chevrolet Malibu at the station."),
    ("en", "Tickets are for Jack Johnson at The Fillmore."),
    ("en", "It's Rhiannon Giddens at the Paramount Theatre."),
    ("en", "There is Jason Mraz at Shoreline Amphitheatre next week."),
    ("sv", "Den är regisserad av Ruben Östlund."),
    ("sv", "Matchen Anna mot Maria spelas i hallen klockan sju."),
    ("sv", "Vi har Annie Hall eller Jerry Maguire eller Sophie Scholl på bion."),
    ("en", "The number for Hannah's Kitchen is 650-555-0101."),
    ("en", "The phone number for Marco's Pizzeria is 408-555-0172."),
    ("en", "They're at 301 Old Mill Road, with a 4.5 rating."),
    ("en", "The event is at 1600 Exposition Boulevard."),
    ("en", "The show will start at 6 pm at 401 West Lake Street."),
    ("en", "Reservation made. The number is 650-555-0178 and they serve alcohol."),
    ("en", "Your appointment is confirmed. The phone number is 925-555-0190."),
    ("en", "Your checking account balance is $4,043.31."),
    ("en", "The balance in your savings account is $19,209.10."),
    ("sv", "De nås på 070-555 12 34 mellan nio och fem."),
    ("sv", "Konserten är på Kungsgatan 7, insläpp klockan sex."),
    ("sv", "Bokningen är klar. Numret är 08-555 123 45 om ni blir sena."),
    ("sv", "Saldot på ditt sparkonto är 12 409,55 kr."),
    ("sv", "Hotellet ligger i Santa Barbara nära stranden."),
    ("sv", "De har nummer 031-555 12 34 och öppnar klockan elva."),
    ("sv", "Föreställningen är på Götgatan 40, dörrarna öppnar halv sju."),
    ("en", "The event is called Maren Morris and it starts at eight."),
    ("en", "It's Rhiannon Giddens at the Paramount Theatre."),
    ("en", "There's Nathaniel Rateliff at the Greek Theatre on Friday."),
]

GUARDS = [
    ("en", "We'd like a table somewhere in San Mateo on Friday."),
    ("en", "The flight leaves from Las Vegas at nine."),
    ("en", "I'm flying to Austin next week for a wedding."),
    ("en", "Is there a hotel near Florence with parking?"),
    ("en", "Find me a dentist in Santa Clara, please."),
    ("en", "I'll be driving from San Bernardino on Tuesday."),
    ("en", "Let's try Los Gatos instead."),
    ("en", "Any Italian places in Walnut Creek?"),
    ("en", "Book me a return trip to Sydney, Australia."),
    ("sv", "Vi ska åka till Sundsvall på fredag."),
    ("sv", "Finns det något hotell i Kristianstad med frukost?"),
    ("sv", "Tåget från Eskilstuna var försenat igen."),
    ("sv", "Jag reser till Ängelholm i morgon bitti."),
    ("sv", "Vi bor på ett hotell i Florence nästa vecka."),
    ("en", "Play something by Leon Bridges on the kitchen speaker."),
    ("en", "I really like Hozier, can you find more songs like his?"),
    ("en", "The film Gloria Bell starts at seven in theater four."),
    ("en", "The concert is called Maggie Rogers Live and tickets are forty dollars."),
    ("en", "There's Lizzo at The Greek Theatre on Saturday."),
    ("en", "I want two tickets for Brandi Carlile this weekend."),
    ("en", "Rangers Vs Astros starts at 7 pm."),
    ("en", "Celtics vs Lakers is sold out, sorry."),
    ("en", "You'll get a Hyundai Elantra from the downtown desk."),
    ("sv", "Jag vill höra låten Jolene med Dolly Parton."),
    ("sv", "Filmen Gloria Bell går klockan sju på Skandia."),
    ("sv", "Konserten med Veronica Maggio på Gröna Lund är slutsåld."),
    ("sv", "Matchen AIK mot Hammarby börjar klockan tre."),
    ("sv", "Vill du se Djurgården mot Malmö på söndag i matchen?"),
    ("sv", "Jag har två biljetter till Laleh i Globen."),
    ("en", "The theater is located at 2290 Mission Street."),
    ("en", "The restaurant's number is 650-555-0188 and they take walk-ins."),
    ("en", "Their address is 44 Harbour Road and they open at noon."),
    ("sv", "Restaurangen ligger på Storgatan 14 i Umeå."),
    ("sv", "Restaurangens nummer är 031-555 12 34."),
    ("sv", "Teatern ligger på Drottninggatan 55, mitt i stan."),
    ("en", "Is there anything playing in San Rafael tonight?"),
    ("en", "I'd like a cab from Santa Monica to the pier."),
    ("en", "The bus to Los Angeles leaves at noon."),
    ("en", "Check flights from Fort Lauderdale to Saint Louis."),
    ("en", "I'm travelling to Charlotte on Friday."),
    ("en", "We're moving to Florence in the spring."),
    ("en", "Let's go with San Leandro then."),
    ("en", "Is the hotel in Santa Ana or in Irvine?"),
    ("sv", "Finns det hotell i San Diego nära stranden?"),
    ("sv", "Jag flyger från Los Angeles på måndag."),
    ("sv", "Vi reser till Florence i maj."),
    ("sv", "Tåget till Charlotte går klockan åtta."),
    ("en", "How about Dreams by Stevie Nicks off the Bella Donna album?"),
    ("en", "Do you like Ruth Moody? I can play her new songs."),
    ("en", "What about Natalie Merchant? Her album is great."),
    ("en", "Any songs by Jason Isbell on that playlist?"),
    ("en", "I love Dolly Parton, play some of her songs."),
    ("en", "Two tickets for Kelly Clarkson then, for the event on Friday."),
    ("en", "The movie Harriet Craig is showing at five."),
    ("en", "Would you like Sophie Scholl, Mary Poppins or Hidden Figures?"),
    ("en", "Mariners Vs Angels is at 6 pm at the stadium."),
    ("en", "There's Warriors Vs Jazz next Friday."),
    ("en", "Pick it up at Bob Hope Airport on Monday."),
    ("en", "The game is at Lambeau Field on Sunday."),
    ("sv", "Jag vill höra låten Jolene med Dolly Parton på köksradion."),
    ("sv", "Filmen Harriet Craig visas klockan fem."),
    ("sv", "Konserten med Lisa Nilsson är på lördag."),
    ("sv", "Jag vill ha biljetter till Lisa Ekdahl på Cirkus."),
    ("sv", "Spela något med Ted Gärdestad, tack."),
    ("sv", "Bilen är en Volvo V70 från stationen."),
    ("en", "The salon's phone number is 707-555-0147."),
    ("sv", "Restaurangens telefonnummer är 08-555 123 45."),
    ("sv", "Du har 19 209,10 kronor på ditt sparkonto."),
    ("sv", "Låten Jolene med Dolly Parton är min favorit."),
    ("sv", "Jag gillar Veronica Maggio, spela hennes senaste låtar."),
    ("sv", "Restaurangen heter Anna Lena och ligger vid torget."),
    ("sv", "Konserten med Lars Winnerbäck på Ullevi börjar sju."),
    ("sv", "Vi har biljetter till Tomas Ledin på Dalhalla."),
    ("sv", "Filmen är regisserad av Lisa Langseth."),
    ("sv", "Matchen Brynäs mot Frölunda är slutsåld."),
    ("sv", "Vi flyger till San Francisco på tisdag."),
    ("sv", "Hämta bilen på Anna Lindhs torg."),
    ("sv", "Evenemanget heter Peter Jöback Live och börjar åtta."),
    ("sv", "Restaurangen nås på 08-555 123 45 efter tolv."),
    ("sv", "Teatern ligger på Sveavägen 12, mitt emot parken."),
    ("sv", "Ditt saldo är 4 043,31 kr på lönekontot."),
]

KEPT: list[tuple[str, str, list[str], str | None]] = [
    ("en", "Hello! Jack here, I need a taxi.", ["Jack"], "name"),
    ("en", "Please send $50 to Diego from my checking account.", ["Diego"], "name"),
    ("en", "Transfer two hundred dollars to Maria Lopez.", ["Maria Lopez"], "name"),
    ("en", "My friend Anna is coming to the concert with me.", ["Anna"], "name"),
    ("en", "Can you book two tickets for me and my sister Chloe Hart?", ["Chloe Hart"], "name"),
    ("en", "My name is Austin Reed and I booked the movie tickets.", ["Austin Reed"], "name"),
    (
        "en",
        "Your address is 12 Oak Road, Leeds LS6 2AB, is that right?",
        ["12 Oak Road"],
        "address",
    ),
    ("en", "I have your number as 07700 900461.", ["07700 900461"], "phone"),
    ("en", "The address is 14 Elm Street, is that correct?", ["14 Elm Street"], "address"),
    (
        "en",
        "My number is 415-555-0199, call me when the tickets arrive.",
        ["415-555-0199"],
        "phone",
    ),
    ("en", "Tell Sophie Turner that the concert tickets are ready.", ["Sophie Turner"], "name"),
    ("en", "Hi, it's Leon Bridges calling about my album order.", ["Leon Bridges"], "name"),
    ("sv", "Skicka 500 kronor till Diego, tack.", ["Diego"], "name"),
    ("sv", "Min kompis Sara Ek ska med på konserten.", ["Sara Ek"], "name"),
    ("sv", "Jag heter Dolly Lind och har köpt biljetter till filmen.", ["Dolly Lind"], "name"),
    ("sv", "Min adress är Storgatan 14, 903 26 Umeå.", ["Storgatan 14"], "address"),
    ("sv", "Mitt nummer är 070-555 12 34.", ["070-555 12 34"], "phone"),
    ("sv", "Hej, det är Lina Berg som ringer om biljetterna.", ["Lina Berg"], "name"),
    ("sv", "Jag pratade med Anna Berg på teatern i går.", ["Anna Berg"], "name"),
    ("sv", "Det här är Oskar Lind på biljettkontoret.", ["Oskar Lind"], "name"),
    (
        "en",
        "You're speaking to Megan Hale at the Regent Theatre box office.",
        ["Megan Hale"],
        "name",
    ),
    ("en", "My daughter Lily Moss plays for the team on Saturdays.", ["Lily Moss"], "name"),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVES + GUARDS)
def test_no_false_mask(lang: str, text: str) -> None:
    assert find_personal_data(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "values", "kind"), KEPT)
def test_kept(lang: str, text: str, values: list[str], kind: str | None) -> None:
    for value in values:
        assert _covers(text, lang, value, kind), value


def test_gazetteer_is_pack_data() -> None:
    from verbalkit.privacy.lexicon import geo_places

    for lang in ("en", "sv"):
        places = geo_places(lang)
        assert {"santa rosa", "san mateo", "las vegas", "stockholm", "göteborg"} <= places

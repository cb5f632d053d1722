"""Content of the demo workspace: an original, fictional raadsakkoord for Assen.

Pure data plus two small helpers (`apply_edits`, `round_texts`). Everything
here is written for the demo: the people, e-mail addresses and telephone
number are fictional, the party names and seats are illustrative. The code
that turns this content into a workspace lives elsewhere; this module only
guarantees that the content is internally consistent (see
tests/demo/test_demo_content.py).

Texts are canonical Markdown: paragraphs on one line, separated by exactly
one blank line; lists are blocks of their own.

How the two published rounds follow from the data:

- round 1 (concept 1) is `DemoSection.text`;
- round 2 (concept 2) is the round-1 text with, in this order, the edits of
  the accepted round-1 amendments (in tuple order), the compromise edits of
  the partly accepted round-1 amendments, and the griffie's
  `EDITORIAL_REVISIONS` for that section.

Amendments with ``round=2`` are written against the round-2 text.
"""

from dataclasses import dataclass

# --------------------------------------------------------------------------
# Data types
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoParty:
    name: str
    short_name: str
    seats: int
    colour: str  # "#RRGGBB"
    leader: str
    contact: str  # e-mail address


@dataclass(frozen=True)
class DemoSection:
    key: str
    title: str
    text: str
    proposed_by: str | None = None  # party short_name, or None for the griffie


@dataclass(frozen=True)
class DemoChapter:
    title: str
    intro: str
    sections: tuple[DemoSection, ...]


@dataclass(frozen=True)
class Edit:
    """Replace the first occurrence of `old` by `new` ("" deletes)."""

    old: str
    new: str


@dataclass(frozen=True)
class DemoRevision:
    """An editorial revision by the griffie between round 1 and round 2."""

    section_key: str
    edits: tuple[Edit, ...]
    reason: str


@dataclass(frozen=True)
class DemoAmendment:
    key: str
    section_key: str | None  # None only for kind "new_section"
    party: str  # short_name of the submitting party
    co_parties: tuple[str, ...]
    kind: str  # "modify" | "new_section" | "delete"
    headline: str
    explanation: str
    edits: tuple[Edit, ...] = ()
    new_title: str = ""
    new_text: str = ""
    chapter_title: str = ""
    round: int = 1
    outcome: str = "submitted"
    decision_note: str = ""
    compromise_edits: tuple[Edit, ...] = ()


@dataclass(frozen=True)
class DemoPosition:
    section_key: str
    party: str
    position: str  # "support" | "oppose" | "abstain"
    minority_position: str = ""


@dataclass(frozen=True)
class DemoTask:
    title: str
    description: str
    section_keys: tuple[str, ...]
    portfolio_holder: str
    participation_level: str
    stakeholders: tuple[str, ...]
    due: str  # ISO date
    budget_eur: int | None
    status: str = "planned"


# --------------------------------------------------------------------------
# The agreement
# --------------------------------------------------------------------------

MUNICIPALITY = "Assen"
TERM = "2026–2030"
TITLE = "Raadsakkoord Assen 2026–2030"
SEATS = 33

CONTACT_NAME = "Marleen Hoekstra"
CONTACT_PHONE = "0592-123456"
CONTACT_EMAIL = "griffie@example.nl"

ROUND_DATES = ("2026-09-18", "2026-10-30")

PREAMBLE = (
    "Voor u ligt het raadsakkoord van de gemeenteraad van Assen voor de jaren 2026 tot en met 2030. "
    "Alle tien fracties in de raad hebben eraan meegeschreven. Het is geen coalitieakkoord van een "
    "paar partijen, maar een akkoord op hoofdlijnen van de hele raad."
    "\n\n"
    "In dit akkoord staat wat we samen belangrijk vinden en welke richting we kiezen. Het college van "
    "burgemeester en wethouders werkt de hoofdlijnen uit, waar het kan samen met inwoners, ondernemers "
    "en organisaties. Is een fractie het met een hoofdlijn niet eens, dan staat dat er eerlijk bij, "
    "als minderheidsstandpunt."
    "\n\n"
    "Heeft u een vraag over dit akkoord? Neem dan contact op met de griffie van de gemeenteraad."
)

# --------------------------------------------------------------------------
# Parties (illustrative seats; leaders and addresses are fictional)
# --------------------------------------------------------------------------

PARTIES: tuple[DemoParty, ...] = (
    DemoParty("Stadspartij PLOP", "PLOP", 5, "#1F3A93", "Harm Jan Wolters", "fractie.plop@example.nl"),
    DemoParty("ChristenUnie", "CU", 5, "#0086C9", "Ineke Bosscher", "fractie.christenunie@example.nl"),
    DemoParty("Assen Centraal", "AC", 5, "#546E7A", "Roel Kamminga", "fractie.assencentraal@example.nl"),
    DemoParty("VVD", "VVD", 3, "#D96800", "Sandra Meijering", "fractie.vvd@example.nl"),
    DemoParty("PvdA", "PvdA", 3, "#8B1E3F", "Yusuf Demir", "fractie.pvda@example.nl"),
    DemoParty("GroenLinks", "GL", 3, "#2E8B2A", "Femke Oosting", "fractie.groenlinks@example.nl"),
    DemoParty("D66", "D66", 3, "#00897B", "Thijs van Dalen", "fractie.d66@example.nl"),
    DemoParty("SP", "SP", 2, "#E30613", "Jannie Hadders", "fractie.sp@example.nl"),
    DemoParty("50PLUS", "50PLUS", 2, "#92278F", "Wim Teunissen", "fractie.50plus@example.nl"),
    DemoParty("CDA", "CDA", 2, "#00573A", "Albert Brink", "fractie.cda@example.nl"),
)

# The council members by name (fictional), each party's leader first.
MEMBERS: dict[str, tuple[str, ...]] = {
    "PLOP": ("Harm Jan Wolters", "Gerda Hoving", "Klaas Mulder", "Esther de Haan", "Bert Lanting"),
    "CU": ("Ineke Bosscher", "Pieter Zwiers", "Marieke Kuipers", "Johan Bakker", "Anneke Westerhof"),
    "AC": ("Roel Kamminga", "Linda Pruim", "Hans Boelens", "Sietske Dijkstra", "Martin Veenstra"),
    "VVD": ("Sandra Meijering", "Frank Hofstede", "Lotte Smit"),
    "PvdA": ("Yusuf Demir", "Karin Haveman", "Erik Nijboer"),
    "GL": ("Femke Oosting", "Daan Brouwer", "Noor El Amrani"),
    "D66": ("Thijs van Dalen", "Merel Jansen", "Ruben Koster"),
    "SP": ("Jannie Hadders", "Henk Wubs"),
    "50PLUS": ("Wim Teunissen", "Riet Stoker"),
    "CDA": ("Albert Brink", "Margriet Lubbers"),
}

# --------------------------------------------------------------------------
# Chapters and sections (round 1 texts)
# --------------------------------------------------------------------------

_CH_RAAD = DemoChapter(
    title="De raad en dit akkoord",
    intro=(
        "Dit akkoord is een nieuwe manier van werken voor Assen. In dit hoofdstuk staat hoe de raad "
        "samenwerkt, hoe we het akkoord bijhouden en wat we van het college verwachten."
    ),
    sections=(
        DemoSection(
            key="akkoord-van-de-raad",
            title="Een akkoord van de hele raad",
            proposed_by=None,
            text=(
                "Na de verkiezingen van maart 2026 hebben alle fracties samen dit raadsakkoord geschreven. "
                "We kiezen daarvoor omdat inwoners willen dat de politiek samenwerkt aan oplossingen. Ze "
                "willen minder strijd over de vraag wie er in de coalitie zit."
                "\n\n"
                "Het akkoord gaat over hoofdlijnen. Het zegt wat we willen bereiken, niet precies hoe. Zo "
                "blijft er ruimte voor het debat in de raad en voor de inbreng van inwoners."
                "\n\n"
                "Een fractie die een hoofdlijn niet steunt, mag dat laten zien. Dat doet zij met een "
                "minderheidsstandpunt bij die hoofdlijn. Een minderheidsstandpunt is geen probleem, maar "
                "een eerlijk onderdeel van het akkoord."
                "\n\n"
                "Het akkoord is niet in steen gebeiteld. Als de omstandigheden veranderen, kan de raad een "
                "hoofdlijn aanpassen. Dat gebeurt op dezelfde manier als nu: fracties dienen amendementen "
                "in en de griffie verwerkt die in een nieuwe conceptronde."
            ),
        ),
        DemoSection(
            key="opdrachten-college",
            title="Wat we van het college vragen",
            proposed_by=None,
            text=(
                "Het college krijgt bij elke hoofdlijn een of meer uitwerkingsopdrachten. Bij elke opdracht "
                "staat welke wethouder verantwoordelijk is, wanneer het klaar moet zijn en hoeveel geld er "
                "ongeveer voor nodig is. Ook staat erbij hoe inwoners meedoen, volgens de participatieladder "
                "uit hoofdstuk 2."
                "\n\n"
                "Het college maakt binnen honderd dagen na de vaststelling van dit akkoord een "
                "uitvoeringsagenda. Daarin staan de volgorde van de opdrachten en de planning per jaar."
                "\n\n"
                "Eén keer per jaar, bij de voorjaarsnota, laat het college zien hoe het ervoor staat. Dat "
                "doet het in een kort overzicht met per opdracht:"
                "\n\n"
                "- wat er is gedaan;\n"
                "- wat er nog moet gebeuren;\n"
                "- of de planning en het geld nog kloppen."
                "\n\n"
                "Loopt een opdracht vertraging op, dan meldt het college dat direct aan de raad. Het wacht "
                "daarmee niet tot het jaaroverzicht."
            ),
        ),
        DemoSection(
            key="debatcultuur",
            title="Open debat en respect voor elkaar",
            proposed_by="CU",
            text=(
                "Een akkoord van de hele raad vraagt om een andere manier van debatteren. We zoeken eerst "
                "naar wat ons bindt en pas daarna naar wat ons scheidt. Verschillen benoemen we open, maar "
                "we spelen de bal en niet de persoon."
                "\n\n"
                "De raad maakt aan het begin van de periode afspraken over de omgangsvormen. We bespreken "
                "die afspraken elk jaar met elkaar, onder leiding van de burgemeester als voorzitter van "
                "de raad."
                "\n\n"
                "Raadsleden krijgen veel kritiek, ook online. Kritiek hoort bij de politiek, maar "
                "bedreiging en intimidatie accepteren we niet. De griffie helpt raadsleden die hiermee te "
                "maken krijgen. Waar nodig doet de gemeente aangifte."
                "\n\n"
                "Ook kleine fracties moeten goed mee kunnen doen. Daarom krijgen alle fracties dezelfde "
                "hulp van de griffie bij het schrijven van moties en amendementen, los van hun aantal "
                "zetels."
            ),
        ),
        DemoSection(
            key="raad-in-de-wijk",
            title="De raad komt naar u toe",
            proposed_by="PLOP",
            text=(
                "Raadsleden willen weten wat er speelt in de wijken en dorpen. Daarom vergadert de raad ten "
                "minste vier keer per jaar op een andere plek dan het gemeentehuis, bijvoorbeeld in een "
                "wijkcentrum, een dorpshuis of een school."
                "\n\n"
                "Bij deze bijeenkomsten kunnen inwoners zelf onderwerpen aandragen. Dat kan vooraf via de "
                "griffie, maar ook ter plekke. Binnen zes weken laat de raad weten wat er met de inbreng "
                "is gedaan."
                "\n\n"
                "We maken de vergaderingen van de raad beter te volgen. Alle openbare vergaderingen zijn "
                "live te zien en achteraf terug te kijken, met ondertiteling. Op de website van de gemeente "
                "staat bij elk onderwerp een korte uitleg in gewone taal."
                "\n\n"
                "Raadsleden zijn aanspreekbaar. Elke fractie houdt ten minste twee keer per jaar een "
                "open spreekuur in een wijk of dorp."
            ),
        ),
    ),
)

_CH_INWONERS = DemoChapter(
    title="Inwoners aan zet",
    intro=(
        "Assen is van iedereen die er woont en werkt. Inwoners weten vaak het beste wat hun straat, wijk "
        "of dorp nodig heeft. In dit hoofdstuk staat hoe we inwoners eerder en beter laten meedoen, en hoe "
        "we ruimte geven aan hun eigen ideeën."
    ),
    sections=(
        DemoSection(
            key="participatieladder",
            title="Meedoen volgens de participatieladder",
            proposed_by="D66",
            text=(
                "Bij elk nieuw plan maakt het college vooraf duidelijk hoeveel invloed inwoners hebben. We "
                "gebruiken daarvoor de participatieladder met vijf treden:"
                "\n\n"
                "1. **Informeren**: de gemeente vertelt wat er gaat gebeuren.\n"
                "2. **Raadplegen**: de gemeente vraagt inwoners om hun mening.\n"
                "3. **Adviseren**: inwoners geven advies en de gemeente legt uit wat zij ermee doet.\n"
                "4. **Coproduceren**: inwoners en gemeente maken het plan samen.\n"
                "5. **Meebeslissen**: inwoners nemen zelf een besluit, binnen afspraken die vooraf bekend zijn."
                "\n\n"
                "Het college kiest per plan de trede die past. Bij plannen die grote gevolgen hebben voor "
                "een straat of buurt, is raadplegen het minimum."
                "\n\n"
                "Na afloop krijgen alle deelnemers een terugkoppeling. Daarin staat wat de gemeente met hun "
                "inbreng heeft gedaan, en waarom sommige ideeën niet zijn overgenomen."
            ),
        ),
        DemoSection(
            key="inwonersinitiatieven",
            title="Ruimte voor inwonersinitiatieven",
            proposed_by="AC",
            text=(
                "In Assen gebeurt veel dankzij inwoners zelf. Denk aan een buurtmoestuin, een "
                "ontmoetingsplek in een dorpshuis of een groep vrijwilligers die ouderen helpt met "
                "boodschappen. Die initiatieven maken wijken en dorpen sterker."
                "\n\n"
                "De gemeente gaat uit van vertrouwen. Wie een goed idee heeft, krijgt binnen twee weken een "
                "vaste contactpersoon bij de gemeente. Die helpt met vergunningen, geld en contacten, zodat "
                "inwoners niet van loket naar loket hoeven."
                "\n\n"
                "Er komt een wijk- en dorpsbudget. Inwoners beslissen zelf mee over de besteding daarvan. "
                "Voor kleine aanvragen tot € 2.500 is er een eenvoudig formulier en een besluit binnen vier "
                "weken."
                "\n\n"
                "Niet elk initiatief lukt. Dat is geen reden om het niet te proberen. Het college vertelt "
                "elk jaar wat we leren van initiatieven die goed gingen, en van initiatieven die stopten."
            ),
        ),
        DemoSection(
            key="uitdaagrecht",
            title="Het uitdaagrecht (right to challenge)",
            proposed_by="D66",
            text=(
                "Inwoners en maatschappelijke organisaties krijgen het recht om de gemeente uit te dagen. "
                "Denken zij dat zij een taak van de gemeente beter, slimmer of goedkoper kunnen doen? Dan "
                "mogen zij voorstellen om die taak over te nemen. Dit heet ook wel het right to challenge."
                "\n\n"
                "Voorbeelden zijn het onderhoud van een park, het beheer van een sportveld of vervoer voor "
                "ouderen in een dorp. De gemeente beoordeelt een voorstel op vier punten:"
                "\n\n"
                "- de kwaliteit blijft minstens even goed;\n"
                "- het voorstel is niet duurder voor de gemeente;\n"
                "- de taak blijft toegankelijk voor alle inwoners;\n"
                "- er is genoeg draagvlak in de buurt."
                "\n\n"
                "Het college maakt in 2027 een eenvoudige regeling voor het uitdaagrecht. Een voorstel "
                "krijgt binnen drie maanden een antwoord. Wijst het college een voorstel af, dan legt het "
                "uit waarom."
            ),
        ),
        DemoSection(
            key="jongeren",
            title="Jongeren praten en beslissen mee",
            proposed_by="GL",
            text=(
                "Jongeren zijn de inwoners van de toekomst, maar ze zijn nu al inwoners. Toch zien we hen "
                "weinig bij inspraakavonden en in de raadszaal. We willen daarom dat jongeren op hun eigen "
                "manier kunnen meedoen."
                "\n\n"
                "Er komt een jongerenraad voor jongeren van 14 tot en met 23 jaar. De jongerenraad mag de "
                "gemeenteraad gevraagd en ongevraagd advies geven. Het college reageert binnen acht weken "
                "op elk advies."
                "\n\n"
                "De jongerenraad krijgt een eigen budget van € 25.000 per jaar. Over de besteding beslist de "
                "jongerenraad zelf, bijvoorbeeld voor een plek om elkaar te ontmoeten of een activiteit in "
                "de wijk."
                "\n\n"
                "We nodigen scholen in Assen uit om samen met raadsleden lessen over de lokale democratie "
                "te geven. Elk jaar houden we een jongerendebat in de raadszaal."
            ),
        ),
    ),
)

_CH_CONTACT = DemoChapter(
    title="Duidelijk contact met de gemeente",
    intro=(
        "Veel inwoners hebben weinig met de gemeente te maken, tot ze een vraag of een probleem hebben. "
        "Dan willen ze snel weten waar ze aan toe zijn. In dit hoofdstuk staat hoe we het contact tussen "
        "inwoners en gemeente duidelijker en persoonlijker maken."
    ),
    sections=(
        DemoSection(
            key="contactpersoon",
            title="Een naam en een telefoonnummer bij elke brief",
            proposed_by="PLOP",
            text=(
                "Iedereen die een brief of e-mail van de gemeente krijgt, moet weten wie hij kan bellen. "
                "Daarom staat in elke brief de naam van een contactpersoon, met een direct telefoonnummer en "
                "een e-mailadres. Dat geldt ook voor besluiten, aanmaningen en brieven die automatisch "
                "worden verstuurd."
                "\n\n"
                "De contactpersoon kent de zaak of zoekt het antwoord uit. Inwoners hoeven hun verhaal dus "
                "niet steeds opnieuw te vertellen. Is de contactpersoon afwezig, dan regelt de gemeente een "
                "vervanger die ook van de zaak weet."
                "\n\n"
                "Heeft iemand met meerdere afdelingen te maken, bijvoorbeeld bij schulden en zorg tegelijk? "
                "Dan krijgt hij één vaste contactpersoon. Die houdt het overzicht en zorgt dat de "
                "afdelingen samenwerken."
                "\n\n"
                "Het college meet elk jaar of deze afspraak wordt nagekomen. Het laat de raad zien hoeveel "
                "brieven een contactpersoon hadden en wat inwoners van het contact vinden."
            ),
        ),
        DemoSection(
            key="gewone-taal",
            title="Brieven in gewone taal",
            proposed_by="50PLUS",
            text=(
                "Brieven van de gemeente moeten voor iedereen te begrijpen zijn. We schrijven op taalniveau "
                "B1: korte zinnen, gewone woorden en het belangrijkste eerst. Moeilijke woorden die nodig "
                "zijn, leggen we uit."
                "\n\n"
                "Het college laat de standaardbrieven en de teksten op de website de komende twee jaar "
                "herschrijven. Inwoners lezen mee. Wie moeite heeft met lezen, kan een brief ook laten "
                "uitleggen aan de telefoon of aan de balie."
                "\n\n"
                "Ook de raad doet mee. Raadsvoorstellen beginnen met een samenvatting van een halve pagina "
                "in gewone taal. Daarin staat wat het voorstel is, wat het kost en wat inwoners ervan merken."
                "\n\n"
                "Ook inwoners die de Nederlandse taal nog leren, moeten de gemeente kunnen bereiken. Waar "
                "dat nodig is, gebruiken we pictogrammen, een tolk of een vertaling van de belangrijkste "
                "brieven."
            ),
        ),
        DemoSection(
            key="bereikbaarheid",
            title="Bereikbaar op de manier die bij u past",
            proposed_by=None,
            text=(
                "Niet iedereen regelt zaken graag via internet. De gemeente blijft daarom op verschillende "
                "manieren bereikbaar: aan de telefoon, aan de balie, per brief, per e-mail en via de website."
                "\n\n"
                "De gemeente is op werkdagen van 8.00 tot 17.00 uur telefonisch bereikbaar. Wie belt, krijgt "
                "binnen vijf minuten een medewerker aan de lijn en niet alleen een keuzemenu."
                "\n\n"
                "In het gemeentehuis kunnen inwoners op afspraak terecht. Daarnaast komen er spreekuren in "
                "de wijken en dorpen, bijvoorbeeld in een bibliotheek, wijkcentrum of dorpshuis. Daar helpen "
                "medewerkers ook met formulieren en digitale zaken."
                "\n\n"
                "Vragen die per e-mail of via de website binnenkomen, beantwoordt de gemeente binnen vijf "
                "werkdagen. Lukt dat niet, dan krijgt de inwoner bericht wanneer het antwoord wel komt."
            ),
        ),
        DemoSection(
            key="klachten-bezwaar",
            title="Klachten en bezwaren: eerst het gesprek",
            proposed_by="CU",
            text=(
                "Iedereen kan het oneens zijn met een besluit van de gemeente. Wie bezwaar maakt of een "
                "klacht indient, wordt binnen vijf werkdagen gebeld door een medewerker. Samen kijken ze of "
                "het probleem met een gesprek kan worden opgelost."
                "\n\n"
                "Vaak ontstaat een bezwaar door een misverstand of een onduidelijke brief. Een goed gesprek "
                "voorkomt dan een lange en dure procedure. Lukt het niet, dan loopt de gewone procedure "
                "door. Inwoners verliezen door het gesprek geen rechten."
                "\n\n"
                "De gemeente leert van klachten en bezwaren. Het college bespreekt elk jaar met de raad "
                "welke klachten vaak voorkomen en wat de gemeente heeft veranderd om ze te voorkomen."
                "\n\n"
                "Is een inwoner het niet eens met de afhandeling van zijn klacht, dan kan hij naar de "
                "Nationale ombudsman. Dat staat duidelijk in elke reactie op een klacht."
            ),
        ),
    ),
)

_CH_FINANCIEN = DemoChapter(
    title="Gezonde financiën",
    intro=(
        "Goede plannen kosten geld. We willen dat de gemeente ook over tien jaar haar rekeningen kan "
        "betalen, zonder dat inwoners ineens veel meer moeten betalen. In dit hoofdstuk staat hoe we "
        "omgaan met het geld van de inwoners."
    ),
    sections=(
        DemoSection(
            key="sluitende-begroting",
            title="Een sluitende begroting",
            proposed_by="VVD",
            text=(
                "De gemeente geeft niet meer uit dan er binnenkomt. Elke begroting is structureel sluitend, "
                "ook in de jaren erna. Nieuwe plannen uit dit akkoord betalen we uit ruimte in de begroting "
                "of door andere uitgaven te verlagen."
                "\n\n"
                "Vanaf 2026 krijgen gemeenten minder geld van het Rijk dan eerder verwacht. Dat vraagt om "
                "scherpe keuzes. Het college maakt in 2027 een overzicht van alle taken van de gemeente, met "
                "per taak de kosten en of de taak wettelijk verplicht is. Met dat overzicht maakt de raad "
                "zijn keuzes."
                "\n\n"
                "Moeten we bezuinigen, dan ontzien we zoveel mogelijk de voorzieningen voor inwoners die "
                "het al moeilijk hebben."
                "\n\n"
                "De raad wil de begroting beter kunnen lezen. Het college maakt daarom elk jaar naast de "
                "gewone begroting ook een korte begroting in gewone taal, met grafieken en voorbeelden."
            ),
        ),
        DemoSection(
            key="ozb",
            title="Lokale lasten en de OZB",
            proposed_by=None,
            text=(
                "Inwoners en ondernemers betalen verschillende lokale lasten, zoals de "
                "onroerendezaakbelasting (OZB), de afvalstoffenheffing en de rioolheffing. Die lasten "
                "moeten uit te leggen en voorspelbaar zijn."
                "\n\n"
                "De OZB stijgt de komende vier jaar niet meer dan de inflatie, plus de kosten van nieuwe "
                "afspraken uit dit akkoord. De raad besluit daar elk jaar over bij de begroting."
                "\n\n"
                "De afvalstoffenheffing en de rioolheffing zijn kostendekkend. De gemeente maakt er geen "
                "winst op en gebruikt ze niet om andere plannen te betalen."
                "\n\n"
                "Inwoners met een laag inkomen kunnen kwijtschelding krijgen. Het college zorgt dat zij die "
                "niet elk jaar opnieuw hoeven aan te vragen, als de gemeente al weet dat zij er recht op "
                "hebben."
            ),
        ),
        DemoSection(
            key="reserves",
            title="Reserves en weerstandsvermogen",
            proposed_by="CDA",
            text=(
                # Deliberately written in officialese, as financial paragraphs often are, so
                # the plain-language report has something to find in the demo.
                "Teneinde de financiële weerbaarheid van de gemeente te waarborgen, dient het college "
                "zorg te dragen voor een adequaat niveau van de algemene reserve, alsmede voor een "
                "periodieke actualisering van de risico-inventarisatie ten behoeve van de "
                "begrotingscyclus, een en ander overeenkomstig de kaders die de raad reeds heeft vastgesteld."
                "\n\n"
                "De weerstandsratio bedraagt derhalve ten minste 1,4. Indien de ratio middels de jaarlijkse "
                "bepaling lager uitvalt, draagt het college zorg voor een herstelplan ten aanzien van het "
                "weerstandsvermogen, teneinde de buffer binnen twee jaar wederom op het vereiste niveau te "
                "brengen."
                "\n\n"
                "Middelen in reserves die de benodigde buffer overschrijden, worden in het kader van "
                "eenmalige investeringen aangewend ten behoeve van maatregelen die structureel tot "
                "besparingen leiden, zoals de verduurzaming van gemeentelijke gebouwen of preventie in het "
                "sociaal domein."
                "\n\n"
                "Het college draagt in 2027 zorg voor een doorlichting van alle bestemmingsreserves. "
                "Reserves die geen duidelijk doel meer hebben, vallen vrij."
            ),
        ),
        DemoSection(
            key="subsidies",
            title="Subsidies: eenvoudig en eerlijk",
            proposed_by="CU",
            text=(
                "Veel verenigingen en organisaties in Assen doen waardevol werk met een subsidie van de "
                "gemeente. Het aanvragen en verantwoorden van die subsidie kost hun vaak veel tijd. Dat "
                "moet eenvoudiger."
                "\n\n"
                "Voor subsidies tot € 10.000 is voortaan een korte aanvraag genoeg, met achteraf een "
                "verslag van een paar zinnen. Voor grotere subsidies maken we afspraken voor meerdere jaren. "
                "Zo kunnen organisaties verder vooruitkijken."
                "\n\n"
                "Het college brengt in 2027 alle subsidies in beeld. Daarbij kijken we of elke subsidie nog "
                "past bij de doelen van dit akkoord. Verandert of stopt een subsidie, dan hoort de "
                "organisatie dat op tijd en krijgt zij ten minste een jaar om zich voor te bereiden."
                "\n\n"
                "Vrijwilligers verdienen waardering. Elk jaar reiken we de Asser Vrijwilligersprijs uit, en "
                "de gemeente helpt verenigingen bij het vinden van nieuwe vrijwilligers."
            ),
        ),
    ),
)

_CH_DIGITAAL = DemoChapter(
    title="Digitaal veilig en betrouwbaar",
    intro=(
        "De gemeente werkt steeds meer digitaal en beheert veel gegevens van inwoners. Inwoners moeten "
        "erop kunnen vertrouwen dat die gegevens veilig zijn en dat de gemeente er zorgvuldig mee omgaat. "
        "Tegelijk mag niemand buiten de boot vallen omdat hij niet goed met een computer of telefoon kan "
        "werken."
    ),
    sections=(
        DemoSection(
            key="informatieveiligheid",
            title="Digitale veiligheid van de gemeente",
            proposed_by="VVD",
            text=(
                "Gemeenten zijn een doelwit voor hackers en criminelen. Door een aanval kunnen uitkeringen "
                "niet worden betaald of kunnen gegevens van inwoners op straat komen. Digitale veiligheid is "
                "daarom een zaak van de hele organisatie, niet alleen van de afdeling ICT."
                "\n\n"
                "De gemeente voldoet aan de Baseline Informatiebeveiliging Overheid (BIO). Elk jaar laat het "
                "college de beveiliging testen door een onafhankelijke partij. De raad bespreekt de "
                "uitkomsten in een besloten overleg en krijgt een openbare samenvatting."
                "\n\n"
                "Alle medewerkers en raadsleden volgen elk jaar een korte training over phishing en veilig "
                "werken. Het college oefent elk jaar wat de gemeente doet als de systemen uitvallen. Zo "
                "gaan de belangrijkste diensten voor inwoners door."
                "\n\n"
                "Bij een datalek informeert de gemeente de betrokken inwoners snel en in begrijpelijke taal."
            ),
        ),
        DemoSection(
            key="privacy",
            title="Zorgvuldig met gegevens van inwoners",
            proposed_by="D66",
            text=(
                "De gemeente verzamelt alleen gegevens die echt nodig zijn, en bewaart ze niet langer dan "
                "nodig. Inwoners kunnen eenvoudig zien welke gegevens de gemeente van hen heeft en waarvoor "
                "die worden gebruikt."
                "\n\n"
                "De gemeente gebruikt algoritmes alleen als het doel duidelijk is en de uitkomst te "
                "controleren is. Alle algoritmes die invloed hebben op inwoners, staan in het openbare "
                "algoritmeregister. Een algoritme neemt nooit zelfstandig een besluit over een inwoner: er "
                "kijkt altijd een medewerker mee."
                "\n\n"
                "Bij nieuwe systemen die veel persoonsgegevens gebruiken, kijkt de functionaris "
                "gegevensbescherming vooraf mee. Het college vraagt daarbij ook het advies van inwoners, "
                "bijvoorbeeld via een digitaal inwonerspanel."
                "\n\n"
                "Camera's in de openbare ruimte zetten we alleen in waar dat nodig is voor de veiligheid, "
                "voor een vaste periode en na overleg met de buurt."
            ),
        ),
        DemoSection(
            key="digitale-inclusie",
            title="Niemand digitaal buitenspel",
            proposed_by="50PLUS",
            text=(
                "Steeds meer zaken regel je online: een paspoort aanvragen, een toeslag, de afvalpas. Voor "
                "veel inwoners is dat makkelijk. Maar een grote groep volwassenen heeft moeite met lezen, "
                "schrijven of digitale zaken. Zij mogen niet buiten de boot vallen."
                "\n\n"
                "Daarom blijft elke dienst van de gemeente ook zonder computer bereikbaar. Wie dat wil, kan "
                "altijd bellen, langskomen of een papieren formulier invullen."
                "\n\n"
                "Samen met de bibliotheek en vrijwilligers zorgen we voor plekken in de wijken en dorpen "
                "waar inwoners hulp krijgen bij digitale zaken. Het Informatiepunt Digitale Overheid in de "
                "bibliotheek krijgt hierin een centrale rol."
                "\n\n"
                "De website en de apps van de gemeente zijn toegankelijk voor mensen met een beperking. Het "
                "college laat dit elk jaar controleren."
            ),
        ),
    ),
)

_CH_WONEN = DemoChapter(
    title="Wonen, centrum en dorpen",
    intro=(
        "Assen groeit, en dat is goed nieuws. Maar voor veel mensen is het moeilijk om een passende woning "
        "te vinden, vooral voor starters, jonge gezinnen en ouderen die kleiner willen wonen. In dit "
        "hoofdstuk staat hoe we bouwen voor iedereen, en hoe we het centrum en de dorpen levendig houden."
    ),
    sections=(
        DemoSection(
            key="woningbouw",
            title="Meer woningen bouwen",
            proposed_by="AC",
            text=(
                "Assen heeft tot 2030 minstens 2.400 nieuwe woningen nodig. We bouwen in nieuwe wijken aan "
                "de rand van de stad, maar ook binnen de stad. Lege kantoren en winkels kunnen we ombouwen "
                "tot woningen."
                "\n\n"
                "Het college maakt de procedures sneller. Past een bouwplan binnen het omgevingsplan, dan "
                "krijgt het binnen zes weken een vergunning. Bouwers en woningcorporaties krijgen één "
                "aanspreekpunt bij de gemeente."
                "\n\n"
                "We bouwen voor iedereen. In elk nieuw plan vanaf twintig woningen komt een mix van sociale "
                "huur, middenhuur en koop. Ook bouwen we meer woningen die geschikt zijn voor ouderen, dicht "
                "bij winkels en zorg."
                "\n\n"
                "Nieuwe woningen zijn duurzaam en natuurinclusief. Dat betekent onder meer: geen aardgas, "
                "ruimte voor groen en nestkasten voor vogels en vleermuizen."
            ),
        ),
        DemoSection(
            key="betaalbaar-wonen",
            title="Betaalbaar wonen",
            proposed_by="PvdA",
            text=(
                "Een goede woning is een basisbehoefte. Toch wachten woningzoekenden in Assen vaak jaren op "
                "een sociale huurwoning. We willen die wachttijd korter maken."
                "\n\n"
                "Van alle nieuwe woningen is ten minste 30 procent sociale huur en 20 procent middenhuur of "
                "betaalbare koop. Het college maakt hierover elk jaar prestatieafspraken met de "
                "woningcorporaties en de huurdersorganisaties."
                "\n\n"
                "Starters en jonge gezinnen krijgen meer kans. Het college onderzoekt een starterslening. "
                "Ook komt er een zelfbewoningsplicht voor nieuwe koopwoningen, zodat beleggers die woningen "
                "niet kunnen opkopen om ze duur te verhuren."
                "\n\n"
                "Ouderen die kleiner willen wonen, helpen we met een verhuiscoach en voorrang op een passende "
                "woning in hun eigen buurt. Zo komen er ook weer eengezinswoningen vrij voor gezinnen."
            ),
        ),
        DemoSection(
            key="centrum",
            title="Een levendig centrum",
            proposed_by="PLOP",
            text=(
                "Het centrum van Assen is de huiskamer van de stad en de regio. Met het Drents Museum, de "
                "Brink, de markt en veel horeca heeft het veel te bieden. Toch staan er ook winkels leeg."
                "\n\n"
                "We willen een compact centrum waar het prettig is om te winkelen, te wonen en elkaar te "
                "ontmoeten. Lege winkels aan de randen van het centrum mogen een andere functie krijgen, "
                "zoals wonen of een werkplaats."
                "\n\n"
                "Samen met ondernemers, eigenaren van panden en bewoners maakt het college een plan voor het "
                "centrum tot 2035. Daarin staan afspraken over groen, schaduw en zitplekken, over "
                "evenementen en over parkeren."
                "\n\n"
                "Het centrum blijft goed bereikbaar, met de auto, de fiets en het openbaar vervoer. Parkeren "
                "op zaterdag blijft betaalbaar en het eerste halfuur in de parkeergarages is gratis."
            ),
        ),
        DemoSection(
            key="dorpen",
            title="Leefbare dorpen",
            proposed_by=None,
            text=(
                "Rond Assen liggen dorpen en buurtschappen zoals Loon, Rhee, Ubbena, Ter Aard en Witten. Ze "
                "hebben elk een eigen karakter. We willen dat deze dorpen leefbaar blijven, voor jong en oud."
                "\n\n"
                "Elk dorp krijgt een vaste contactpersoon bij de gemeente. De verenigingen van dorpsbelangen "
                "en de dorpshuizen zijn belangrijke partners. Het college maakt met elk dorp een dorpsagenda "
                "met de wensen voor de komende jaren."
                "\n\n"
                "In de dorpen mag in kleine aantallen worden gebouwd, vooral voor jongeren en ouderen uit "
                "het dorp zelf. Zo kunnen zij in hun eigen dorp blijven wonen."
                "\n\n"
                "Goede verbindingen zijn voor de dorpen extra belangrijk. We zorgen voor veilige fietsroutes "
                "naar Assen. Bij de provincie zetten we ons in voor goed openbaar vervoer, bijvoorbeeld met "
                "een buurtbus of vervoer op afroep."
            ),
        ),
    ),
)

_CH_KLIMAAT = DemoChapter(
    title="Klimaat en energie",
    intro=(
        "Het klimaat verandert, en dat merken we ook in Assen: hetere zomers, zware buien en hoge "
        "energierekeningen. We bereiden de gemeente voor op de gevolgen en werken samen met inwoners aan "
        "schone energie. Daarbij letten we erop dat iedereen mee kan doen, ook wie weinig te besteden heeft."
    ),
    sections=(
        DemoSection(
            key="energiebesparing",
            title="Energie besparen in huis",
            proposed_by="GL",
            text=(
                "De goedkoopste energie is energie die je niet gebruikt. Daarom helpt de gemeente inwoners om "
                "hun woning te isoleren en minder energie te verbruiken."
                "\n\n"
                "Het energieloket geeft gratis en onafhankelijk advies. Energiecoaches komen op verzoek bij "
                "inwoners thuis. We beginnen in wijken met veel oudere woningen en bij huishoudens met een "
                "laag inkomen, want daar levert het het meeste op."
                "\n\n"
                "Samen met de woningcorporaties zorgen we dat alle huurwoningen met energielabel E, F of G "
                "voor 2028 zijn verbeterd. Voor eigenaren van een koopwoning komt er een lening met een lage "
                "rente."
                "\n\n"
                "De gemeente geeft zelf het goede voorbeeld. Alle gemeentelijke gebouwen hebben in 2030 ten "
                "minste energielabel A."
            ),
        ),
        DemoSection(
            key="energieopwek",
            title="Zon en wind: samen opwekken, samen profiteren",
            proposed_by="D66",
            text=(
                "Assen wekt meer duurzame energie op. We kiezen eerst voor zonnepanelen op daken, zoals op "
                "bedrijfshallen, scholen en gemeentelijke gebouwen. Zonneparken op landbouwgrond staan we "
                "alleen toe als het niet anders kan."
                "\n\n"
                "Bij nieuwe projecten voor zon en wind zijn omwonenden vanaf het begin betrokken. Inwoners "
                "moeten kunnen meedelen in de opbrengst. Bij nieuwe projecten streven we naar lokaal "
                "eigendom, bijvoorbeeld via een energiecoöperatie."
                "\n\n"
                "Het stroomnet in Drenthe zit vol. Dat remt bedrijven en nieuwe projecten. Het college "
                "werkt met de netbeheerder en de provincie aan oplossingen, zoals opslag van energie en "
                "slimme afspraken over het gebruik van het net."
                "\n\n"
                "Over nieuwe windmolens besluit de raad pas na een zorgvuldig gesprek met de dorpen en wijken "
                "in de omgeving."
            ),
        ),
        DemoSection(
            key="klimaatadaptatie",
            title="Groen, water en hitte",
            proposed_by="CU",
            text=(
                "Door de klimaatverandering krijgen we vaker te maken met hevige regen, droogte en hitte. "
                "Assen moet daar klaar voor zijn. Samen met het waterschap zorgen we dat regenwater in de "
                "stad de grond in kan zakken en het riool niet overbelast."
                "\n\n"
                "We maken de stad groener. Bij het vernieuwen van straten en pleinen halen we tegels weg en "
                "planten we bomen. Elke inwoner moet binnen 300 meter van zijn huis een groene plek kunnen "
                "vinden. Voor elke boom die gekapt moet worden, komt er ten minste één nieuwe boom terug."
                "\n\n"
                "Inwoners die hun tuin vergroenen of een regenton plaatsen, kunnen een kleine subsidie "
                "krijgen. Scholen en buurten die een schoolplein of speelplek groener willen maken, helpen "
                "we met advies en geld."
                "\n\n"
                "In hete periodes letten we extra op kwetsbare inwoners, zoals ouderen die alleen wonen."
            ),
        ),
        DemoSection(
            key="mobiliteit",
            title="Fiets, bus en laadpalen",
            proposed_by=None,
            text=(
                "Assen is een fietsstad, en dat willen we zo houden. We investeren in veilige en brede "
                "fietspaden, vooral op de routes naar scholen en naar het station. Op kruispunten waar veel "
                "fietsers oversteken, krijgen fietsers vaker voorrang."
                "\n\n"
                "Het openbaar vervoer moet goed blijven, ook in de avond en in de dorpen. De gemeente maakt "
                "zich hiervoor sterk bij de provincie en het OV-bureau. Het station blijft een belangrijke "
                "plek, met goede treinverbindingen naar Groningen en Zwolle."
                "\n\n"
                "Elektrisch rijden groeit. We zorgen voor genoeg laadpalen, eerlijk verdeeld over de wijken. "
                "Wie een laadpaal nodig heeft, kan die aanvragen en krijgt binnen zes maanden een paal in de "
                "buurt."
                "\n\n"
                "In woonwijken is 30 kilometer per uur de gewone snelheid, behalve op doorgaande wegen."
            ),
        ),
    ),
)

_CH_ZORG = DemoChapter(
    title="Zorg en welzijn",
    intro=(
        "Iedereen in Assen moet mee kunnen doen, ook wie zorg of ondersteuning nodig heeft. De kosten van "
        "de jeugdzorg en de Wmo stijgen, en er zijn te weinig zorgverleners. Daarom kiezen we voor hulp die "
        "dichtbij is, op tijd komt en zo licht is als het kan."
    ),
    sections=(
        DemoSection(
            key="wijkteams",
            title="Hulp dichtbij via de wijkteams",
            proposed_by="PvdA",
            text=(
                "Wie hulp nodig heeft, moet weten waar hij terecht kan. In elke wijk en in de dorpen is een "
                "wijkteam met vaste gezichten. Het wijkteam kijkt samen met de inwoner naar het hele "
                "huishouden: zorg, geld, werk en wonen."
                "\n\n"
                "Het uitgangspunt is één gezin, één plan, één contactpersoon. Inwoners hoeven niet bij "
                "allerlei instanties steeds opnieuw hun verhaal te doen."
                "\n\n"
                "We investeren in preventie. Wie vroeg hulp krijgt, voorkomt dat problemen groter en duurder "
                "worden. Denk aan steun bij de opvoeding, een maatje voor wie eenzaam is en hulp bij "
                "geldzaken voordat er schulden ontstaan."
                "\n\n"
                "Het wijkteam werkt nauw samen met huisartsen, scholen, welzijnswerk en vrijwilligers. Het "
                "college zorgt dat zij elkaar snel kunnen vinden. Gegevens delen zij alleen als de inwoner "
                "daar toestemming voor geeft."
            ),
        ),
        DemoSection(
            key="jeugdzorg",
            title="Jeugdzorg: op tijd en dichtbij",
            proposed_by="CDA",
            text=(
                "Kinderen en jongeren die hulp nodig hebben, moeten die op tijd krijgen. Nu wachten gezinnen "
                "soms maanden op zorg. Dat vinden we niet acceptabel."
                "\n\n"
                "We zetten in op lichte hulp in de buurt, op school en in het gezin, zodat zware zorg minder "
                "vaak nodig is. Praktijkondersteuners jeugd bij de huisartsen en jeugdprofessionals op "
                "scholen zijn daarbij belangrijk."
                "\n\n"
                "De kosten van de jeugdzorg zijn de afgelopen jaren hard gestegen. We maken met de andere "
                "gemeenten in de regio afspraken met aanbieders over kwaliteit en kosten. We werken met "
                "minder aanbieders, maar wel voor langere tijd."
                "\n\n"
                "Jongeren die 18 worden, mogen niet tussen wal en schip vallen. Het wijkteam maakt ruim op "
                "tijd met hen een plan voor wonen, school of werk, geld en zorg na hun achttiende."
            ),
        ),
        DemoSection(
            key="wmo",
            title="Wmo: ondersteuning om zelfstandig te wonen",
            proposed_by="50PLUS",
            text=(
                "Met de Wet maatschappelijke ondersteuning (Wmo) helpt de gemeente inwoners om zo lang "
                "mogelijk zelfstandig thuis te wonen. Denk aan hulp in het huishouden, een scootmobiel, een "
                "traplift of dagbesteding."
                "\n\n"
                "Een aanvraag wordt snel en vriendelijk behandeld. Binnen twee weken is er een gesprek, als "
                "de inwoner dat wil bij hem thuis. De inwoner mag iemand meenemen, bijvoorbeeld een "
                "familielid of een onafhankelijke cliëntondersteuner."
                "\n\n"
                "Mantelzorgers doen heel veel. Zij verdienen steun, zoals respijtzorg, zodat ze even op adem "
                "kunnen komen. Ook komt er een jaarlijkse mantelzorgwaardering."
                "\n\n"
                "Door de vergrijzing en het tekort aan personeel wordt goede zorg lastiger. We zoeken daarom "
                "naar nieuwe vormen van wonen met zorg, zoals een hofje of een woongroep. Met zorgorganisaties "
                "werken we aan slimme technologie die zorgverleners tijd bespaart."
            ),
        ),
        DemoSection(
            key="armoede",
            title="Meedoen zonder geldzorgen",
            proposed_by="PvdA",
            text=(
                "In Assen groeien te veel kinderen op in een gezin met weinig geld. Armoede maakt het moeilijk "
                "om mee te doen, op school, bij de sportclub of met vrienden. We willen dat elk kind kan "
                "meedoen."
                "\n\n"
                "Inwoners met een laag inkomen kunnen gebruikmaken van regelingen voor onder meer sport, "
                "cultuur, schoolspullen en een collectieve zorgverzekering. We maken die regelingen bekender "
                "en eenvoudiger. Eén aanvraag moet genoeg zijn voor meerdere regelingen."
                "\n\n"
                "Wie schulden heeft, krijgt snel hulp. Energiebedrijven, woningcorporaties en "
                "zorgverzekeraars geven de gemeente een seintje bij betalingsachterstanden. Binnen twee weken "
                "neemt een medewerker contact op. Schaamte is vaak een drempel. Daarom werken we ook met "
                "ervaringsdeskundigen."
                "\n\n"
                "De inkomensgrens voor de minimaregelingen ligt op 120 procent van het sociaal minimum."
            ),
        ),
    ),
)

CHAPTERS: tuple[DemoChapter, ...] = (
    _CH_RAAD,
    _CH_INWONERS,
    _CH_CONTACT,
    _CH_FINANCIEN,
    _CH_DIGITAAL,
    _CH_WONEN,
    _CH_KLIMAAT,
    _CH_ZORG,
)

# --------------------------------------------------------------------------
# Editorial revisions by the griffie (between round 1 and round 2)
# --------------------------------------------------------------------------

EDITORIAL_REVISIONS: tuple[DemoRevision, ...] = (
    DemoRevision(
        section_key="opdrachten-college",
        edits=(
            Edit(
                old="volgens de participatieladder uit hoofdstuk 2.",
                new="volgens de participatieladder (zie de hoofdlijn Meedoen volgens de participatieladder).",
            ),
        ),
        reason=(
            "Verwijzing naar een hoofdstuknummer vervangen door de naam van de hoofdlijn, omdat de "
            "nummering in een volgende ronde kan veranderen."
        ),
    ),
    DemoRevision(
        section_key="woningbouw",
        edits=(Edit(old="minstens 2.400 nieuwe woningen", new="minstens 2.600 nieuwe woningen"),),
        reason=(
            "Aantal gelijkgetrokken met de woningbouwafspraken die de provincie en de Drentse gemeenten "
            "in september 2026 hebben gemaakt."
        ),
    ),
    DemoRevision(
        section_key="betaalbaar-wonen",
        edits=(
            Edit(
                old="woningcorporaties en de huurdersorganisaties.",
                new=(
                    "woningcorporaties en de huurdersorganisaties. Huurders met vragen over hun huur of "
                    "over onderhoud kunnen terecht bij een onafhankelijk huurteam."
                ),
            ),
        ),
        reason=(
            "Afspraak uit het consolidatieoverleg van 14 oktober 2026: de kern van het ingetrokken "
            "amendement A-11 (huurteam) is hier opgenomen, met instemming van alle fracties."
        ),
    ),
    DemoRevision(
        section_key="wijkteams",
        edits=(
            Edit(
                old="Het uitgangspunt is één gezin, één plan, één contactpersoon.",
                new="Het uitgangspunt is: één huishouden, één plan, één contactpersoon.",
            ),
        ),
        reason=(
            "Woordkeuze gelijkgetrokken met de rest van de tekst: het gaat om alle huishoudens, niet "
            "alleen om gezinnen met kinderen."
        ),
    ),
)

# --------------------------------------------------------------------------
# Amendments
# --------------------------------------------------------------------------

_TT_TEXT = (
    "De TT Assen is wereldberoemd en trekt elk jaar meer dan honderdduizend bezoekers. Samen met het TT "
    "Festival in de binnenstad zet de TT Assen op de kaart. Dat is goed voor ondernemers, voor werk en "
    "voor de naam van de stad."
    "\n\n"
    "We willen dat de TT en het TT Circuit ook in de toekomst bij Assen horen. De gemeente blijft een "
    "betrouwbare partner van het circuit en van de organisatie van het TT Festival."
    "\n\n"
    "Evenementen brengen ook overlast, zoals geluid, verkeer en afval. Daarom maken we vooraf duidelijke "
    "afspraken met organisatoren en houden we omwonenden goed op de hoogte. Na elk groot evenement volgt "
    "een evaluatie, waarin ook bewoners hun ervaringen kunnen delen."
    "\n\n"
    "Naast de TT verdienen ook kleinere evenementen in de wijken en dorpen steun. Voor hen maken we de "
    "aanvraag van een vergunning eenvoudiger."
)

_HUURTEAM_TEXT = (
    "Veel huurders weten niet waar ze terechtkunnen als hun huur te hoog is, of als de verhuurder "
    "achterstallig onderhoud niet oplost. Vooral bij particuliere verhuurders gaat het vaak mis."
    "\n\n"
    "Er komt een onafhankelijk huurteam in Assen. Het huurteam geeft gratis advies, controleert "
    "huurprijzen en helpt huurders bij een gesprek met de verhuurder of bij een procedure bij de "
    "Huurcommissie."
    "\n\n"
    "De gemeente gebruikt de Wet goed verhuurderschap actief. Verhuurders die zich niet aan de regels "
    "houden, spreekt de gemeente aan. Helpt dat niet, dan volgt een boete."
    "\n\n"
    "Het college laat elk jaar zien hoeveel huurders het huurteam heeft geholpen en welke problemen het "
    "vaakst voorkomen."
)

AMENDMENTS: tuple[DemoAmendment, ...] = (
    # ---- round 1 -------------------------------------------------------
    DemoAmendment(
        key="A-01",
        section_key="participatieladder",
        party="PLOP",
        co_parties=("AC",),
        kind="modify",
        headline="Bij grote plannen is adviseren het minimum, ook in de dorpen",
        explanation=(
            "Inwoners horen nu te vaak pas achteraf wat er in hun straat gebeurt. Raadplegen is in de "
            "praktijk een enquête waar niemand meer iets van hoort. Bij adviseren moet de gemeente uitleggen "
            "wat ze met het advies doet, en dat is precies wat inwoners van ons vragen."
            "\n\n"
            "Ook de dorpen horen er nadrukkelijk bij. En we willen in elk raadsvoorstel kunnen lezen welke "
            "trede het college heeft gekozen, zodat de raad daar iets van kan vinden."
        ),
        edits=(
            Edit(
                old="een straat of buurt, is raadplegen het minimum.",
                new=(
                    "een straat, buurt of dorp, is adviseren het minimum. In elk raadsvoorstel staat welke "
                    "trede het college heeft gekozen en waarom."
                ),
            ),
        ),
        outcome="accepted",
        decision_note=(
            "Aangenomen in het consolidatieoverleg van 14 oktober 2026, met steun van een ruime meerderheid "
            "van de fracties."
        ),
    ),
    DemoAmendment(
        key="A-02",
        section_key="energieopwek",
        party="GL",
        co_parties=("PvdA",),
        kind="modify",
        headline="Ten minste de helft van nieuwe zon- en windprojecten in lokaal eigendom",
        explanation=(
            "Streven is te vrijblijvend. Elders in Drenthe zien we dat de opbrengst van zonneparken vooral "
            "naar beleggers van buiten gaat, terwijl omwonenden tegen de panelen aankijken."
            "\n\n"
            "Met een harde ondergrens van 50 procent lokaal eigendom blijft het geld in Assen. Dat is ook "
            "de afspraak in het Klimaatakkoord, dus we vragen niets nieuws."
        ),
        edits=(
            Edit(
                old="Bij nieuwe projecten streven we naar lokaal eigendom,",
                new="Bij nieuwe projecten is ten minste 50 procent in lokaal eigendom,",
            ),
        ),
        outcome="accepted",
        decision_note=(
            "Aangenomen. Dit amendement en A-03 wijzigen dezelfde zin; de raad koos in het "
            "consolidatieoverleg van 14 oktober 2026 voor deze tekst."
        ),
    ),
    DemoAmendment(
        key="A-03",
        section_key="energieopwek",
        party="VVD",
        co_parties=(),
        kind="modify",
        headline="Meedelen in de opbrengst mag ook via een omgevingsfonds",
        explanation=(
            "Wij willen dat omwonenden meeprofiteren, maar een energiecoöperatie is niet overal haalbaar. "
            "Voor een klein dorp is het opzetten van een coöperatie een flinke klus."
            "\n\n"
            "Een omgevingsfonds, waarin de ontwikkelaar per opgewekte megawattuur een bedrag stort voor de "
            "buurt, is vaak eenvoudiger en levert net zoveel op. Laat de keuze aan de mensen zelf."
        ),
        edits=(
            Edit(
                old=(
                    "Inwoners moeten kunnen meedelen in de opbrengst. Bij nieuwe projecten streven we naar "
                    "lokaal eigendom, bijvoorbeeld via een energiecoöperatie."
                ),
                new=(
                    "Inwoners moeten kunnen meedelen in de opbrengst, via lokaal eigendom in een "
                    "energiecoöperatie of via een omgevingsfonds voor de buurt."
                ),
            ),
        ),
        outcome="superseded",
        decision_note=(
            "Vervallen: dezelfde zinnen zijn gewijzigd door het aangenomen amendement A-02. De VVD kan een "
            "omgevingsfonds opnieuw voorstellen bij de uitwerking van het kader voor lokaal eigendom."
        ),
    ),
    DemoAmendment(
        key="A-04",
        section_key="ozb",
        party="SP",
        co_parties=(),
        kind="modify",
        headline="Geen extra OZB voor nieuwe plannen, wel kwijtschelding voor kleine zelfstandigen",
        explanation=(
            "De vaste lasten voor gewone mensen zijn de afgelopen jaren al flink gestegen. Nieuwe plannen "
            "uit dit akkoord moeten we betalen door keuzes te maken, niet door de OZB steeds verder te "
            "verhogen."
            "\n\n"
            "Daarnaast vallen kleine zelfstandigen nu buiten de kwijtschelding, terwijl veel zzp'ers in "
            "Assen van een bijstandsniveau rondkomen. Dat is niet eerlijk."
        ),
        edits=(
            Edit(
                old="niet meer dan de inflatie, plus de kosten van nieuwe afspraken uit dit akkoord.",
                new="niet meer dan de inflatie. Nieuwe afspraken uit dit akkoord betalen we niet met een hogere OZB.",
            ),
            Edit(
                old="Inwoners met een laag inkomen kunnen kwijtschelding krijgen.",
                new="Inwoners en kleine zelfstandigen met een laag inkomen kunnen kwijtschelding krijgen.",
            ),
        ),
        outcome="partly_accepted",
        decision_note=(
            "Gedeeltelijk overgenomen. Het deel over de OZB kreeg geen meerderheid. Het deel over "
            "kwijtschelding is in aangepaste vorm overgenomen: het college onderzoekt eerst wat de wet "
            "toestaat voor kleine zelfstandigen."
        ),
        compromise_edits=(
            Edit(
                old="als de gemeente al weet dat zij er recht op hebben.",
                new=(
                    "als de gemeente al weet dat zij er recht op hebben. Het college onderzoekt of "
                    "kwijtschelding ook mogelijk is voor kleine zelfstandigen met een laag inkomen."
                ),
            ),
        ),
    ),
    DemoAmendment(
        key="A-05",
        section_key="ozb",
        party="VVD",
        co_parties=("50PLUS",),
        kind="modify",
        headline="OZB in 2027 vijf procent omlaag",
        explanation=(
            "De woonlasten in Assen zijn de afgelopen jaren flink gestegen. Inwoners en ondernemers merken "
            "dat elke maand."
            "\n\n"
            "Wij stellen voor de OZB in 2027 met vijf procent te verlagen en daarna niet meer te laten "
            "stijgen dan de inflatie. Dat betalen we door scherp te kiezen bij het takenoverzicht uit de "
            "hoofdlijn over een sluitende begroting."
        ),
        edits=(
            Edit(
                old=(
                    "De OZB stijgt de komende vier jaar niet meer dan de inflatie, plus de kosten van nieuwe "
                    "afspraken uit dit akkoord."
                ),
                new=(
                    "De OZB daalt in 2027 met vijf procent. Daarna stijgt de OZB niet meer dan de inflatie."
                ),
            ),
        ),
        outcome="rejected",
        decision_note=(
            "Verworpen: alleen VVD en 50PLUS steunden het amendement. Het wijzigt dezelfde zin als A-04; "
            "de VVD heeft haar standpunt vastgelegd als minderheidsstandpunt."
        ),
    ),
    DemoAmendment(
        key="A-06",
        section_key="jeugdzorg",
        party="CU",
        co_parties=("CDA",),
        kind="modify",
        headline="Hulp binnen vier weken, of een overbrugging",
        explanation=(
            "Achter elke week wachttijd zit een gezin dat vastloopt. Wij horen van ouders dat ze maanden "
            "niets horen nadat hun kind is aangemeld."
            "\n\n"
            "Een norm alleen helpt niet als er geen plek is. Daarom vragen we ook om overbrugging: een "
            "gesprek, lichte hulp of een vast contact, zodat niemand alleen staat tijdens het wachten."
        ),
        edits=(
            Edit(
                old="Dat vinden we niet acceptabel.",
                new=(
                    "Dat vinden we niet acceptabel. Daarom geldt: binnen vier weken na aanmelding begint de "
                    "hulp. Lukt dat niet, dan krijgt het gezin in de tussentijd passende steun."
                ),
            ),
        ),
        outcome="accepted",
        decision_note=(
            "Aangenomen. De PvdA heeft zich bij deze tekst aangesloten; haar amendement A-07 op dezelfde "
            "zinnen is daarmee vervallen."
        ),
    ),
    DemoAmendment(
        key="A-07",
        section_key="jeugdzorg",
        party="PvdA",
        co_parties=(),
        kind="modify",
        headline="Een wachttijd van hooguit zes weken",
        explanation=(
            "Wachtlijsten in de jeugdzorg zijn al jaren een probleem. Een akkoord dat alleen zegt dat we dat "
            "niet acceptabel vinden, is te mager. Wij willen een norm waar de raad het college op kan "
            "aanspreken."
        ),
        edits=(
            Edit(
                old="Nu wachten gezinnen soms maanden op zorg. Dat vinden we niet acceptabel.",
                new=(
                    "Nu wachten gezinnen soms maanden op zorg. De wachttijd mag niet langer zijn dan zes "
                    "weken."
                ),
            ),
        ),
        outcome="superseded",
        decision_note=(
            "Vervallen: dezelfde zinnen zijn gewijzigd door het aangenomen amendement A-06, dat een strengere "
            "norm bevat. De PvdA heeft daarmee ingestemd."
        ),
    ),
    DemoAmendment(
        key="A-08",
        section_key="bereikbaarheid",
        party="50PLUS",
        co_parties=("SP",),
        kind="modify",
        headline="Twee ochtenden per week zonder afspraak aan de balie",
        explanation=(
            "Werken op afspraak is handig voor de gemeente, maar niet voor iedereen. Veel ouderen willen "
            "gewoon even binnenlopen met een brief die ze niet begrijpen."
            "\n\n"
            "Een afspraak maken gaat vaak alleen via de website, en dat is nu juist het probleem. Twee "
            "inloopochtenden per week is een kleine moeite met een groot effect."
        ),
        edits=(
            Edit(
                old="In het gemeentehuis kunnen inwoners op afspraak terecht.",
                new=(
                    "In het gemeentehuis kunnen inwoners op afspraak terecht, en op twee ochtenden per week "
                    "ook zonder afspraak."
                ),
            ),
        ),
        outcome="accepted",
        decision_note="Aangenomen in het consolidatieoverleg van 14 oktober 2026, zonder tegenstemmen.",
    ),
    DemoAmendment(
        key="A-09",
        section_key="contactpersoon",
        party="AC",
        co_parties=(),
        kind="modify",
        headline="Ook de tijden waarop de contactpersoon bereikbaar is",
        explanation=(
            "Een naam en een nummer zijn een goed begin. Maar wie drie keer belt en niemand treft, is nog "
            "steeds niet geholpen. Zet er dus bij wanneer de contactpersoon te bereiken is."
        ),
        edits=(
            Edit(
                old="met een direct telefoonnummer en een e-mailadres.",
                new=(
                    "met een direct telefoonnummer, een e-mailadres en de tijden waarop die persoon "
                    "bereikbaar is."
                ),
            ),
        ),
        outcome="accepted",
        decision_note="Aangenomen in het consolidatieoverleg van 14 oktober 2026, zonder tegenstemmen.",
    ),
    DemoAmendment(
        key="A-10",
        section_key="betaalbaar-wonen",
        party="SP",
        co_parties=("PvdA",),
        kind="modify",
        headline="Veertig procent sociale huur in nieuwe plannen",
        explanation=(
            "De wachtlijst voor een sociale huurwoning in Assen is lang. Met 30 procent sociale huur lossen "
            "we dat de komende jaren niet op."
            "\n\n"
            "Er zijn gemeenten die al met 40 procent sociale huur bouwen. Als Assen dat niet doet, blijft "
            "de wachttijd voor jongeren en gescheiden ouders veel te lang."
        ),
        edits=(
            Edit(old="ten minste 30 procent sociale huur", new="ten minste 40 procent sociale huur"),
        ),
        outcome="rejected",
        decision_note=(
            "Verworpen: een meerderheid vindt 40 procent niet haalbaar naast de bouw van middenhuur. SP en "
            "PvdA steunden het amendement."
        ),
    ),
    DemoAmendment(
        key="A-11",
        section_key=None,
        party="PvdA",
        co_parties=("SP", "GL"),
        kind="new_section",
        headline="Nieuwe hoofdlijn: een huurteam voor huurders",
        explanation=(
            "Bij particuliere verhuur gaat het in Assen steeds vaker mis: te hoge huren, schimmel, "
            "verhuurders die niet reageren. Huurders staan daar vaak alleen tegenover."
            "\n\n"
            "Een onafhankelijk huurteam heeft in andere steden laten zien dat het werkt. Wij vinden dat dit "
            "een eigen plek in het akkoord verdient."
        ),
        new_title="Een huurteam voor huurders",
        new_text=_HUURTEAM_TEXT,
        chapter_title="Wonen, centrum en dorpen",
        outcome="withdrawn",
        decision_note=(
            "Ingetrokken door de PvdA, nadat de griffie in overleg met alle fracties de kern (een "
            "onafhankelijk huurteam) heeft opgenomen in de hoofdlijn Betaalbaar wonen."
        ),
    ),
    DemoAmendment(
        key="A-12",
        section_key="uitdaagrecht",
        party="CDA",
        co_parties=(),
        kind="delete",
        headline="Hoofdlijn over het uitdaagrecht schrappen",
        explanation=(
            "Wij zijn er niet tegen dat inwoners taken overnemen, integendeel. Maar dat hoort gewoon bij "
            "de hoofdlijn over inwonersinitiatieven."
            "\n\n"
            "Een aparte regeling met een Engelse naam en een eigen procedure maakt het voor inwoners juist "
            "ingewikkelder. Het akkoord wordt er ook korter en beter leesbaar van."
        ),
        outcome="rejected",
        decision_note=(
            "Verworpen: een meerderheid wil het uitdaagrecht als aparte hoofdlijn houden, omdat er een "
            "eigen regeling voor komt. Het CDA heeft een minderheidsstandpunt vastgelegd."
        ),
    ),
    DemoAmendment(
        key="A-13",
        section_key="dorpen",
        party="CDA",
        co_parties=("PLOP",),
        kind="modify",
        headline="Bouwen in de dorpen naar behoefte, niet alleen in kleine aantallen",
        explanation=(
            "In onze dorpen vertrekken jongeren omdat er niets te huur of te koop is. Als we alleen "
            "in kleine aantallen bouwen, verandert daar niets aan."
            "\n\n"
            "Laat de behoefte van het dorp zelf de maat zijn. Dorpsbelangen weten heel goed wat past, en "
            "zij schrikken echt niet van tien of vijftien woningen."
        ),
        edits=(
            Edit(
                old="In de dorpen mag in kleine aantallen worden gebouwd,",
                new="In de dorpen mag worden gebouwd naar de behoefte van het dorp,",
            ),
        ),
        outcome="accepted",
        decision_note="Aangenomen in het consolidatieoverleg van 14 oktober 2026.",
    ),
    DemoAmendment(
        key="A-14",
        section_key="centrum",
        party="AC",
        co_parties=("PLOP",),
        kind="modify",
        headline="Een ombouwregeling voor lege winkels",
        explanation=(
            "Eigenaren willen vaak wel, maar het ombouwen van een winkel tot woning is duur en ingewikkeld. "
            "Met een ombouwregeling, met advies en een bijdrage in de kosten, maken we de stap kleiner."
        ),
        edits=(
            Edit(
                old="zoals wonen of een werkplaats.",
                new=(
                    "zoals wonen of een werkplaats. Eigenaren die een lege winkel willen ombouwen, krijgen "
                    "hulp via een ombouwregeling."
                ),
            ),
        ),
        outcome="accepted",
        decision_note="Aangenomen in het consolidatieoverleg van 14 oktober 2026, zonder tegenstemmen.",
    ),
    DemoAmendment(
        key="A-15",
        section_key="privacy",
        party="D66",
        co_parties=("GL",),
        kind="modify",
        headline="Uitleg over algoritmes en geen gezichtsherkenning",
        explanation=(
            "Een algoritmeregister is mooi, maar de meeste inwoners zullen het nooit lezen. Wie met een "
            "besluit te maken krijgt, moet zelf kunnen vragen welke rol een algoritme daarin speelde."
            "\n\n"
            "Daarnaast willen we vooraf vastleggen dat Assen geen camera's met gezichtsherkenning gebruikt. "
            "Die techniek gaat ons te ver."
        ),
        edits=(
            Edit(
                old="er kijkt altijd een medewerker mee.",
                new=(
                    "er kijkt altijd een medewerker mee. Inwoners kunnen altijd vragen hoe een algoritme bij "
                    "hun zaak is gebruikt."
                ),
            ),
            Edit(
                old="voor een vaste periode en na overleg met de buurt.",
                new=(
                    "voor een vaste periode en na overleg met de buurt. Camera's met gezichtsherkenning "
                    "gebruikt de gemeente niet."
                ),
            ),
        ),
        outcome="partly_accepted",
        decision_note=(
            "Gedeeltelijk overgenomen. Het deel over algoritmes is overgenomen. Het deel over camera's niet: "
            "cameratoezicht is een bevoegdheid van de burgemeester. De raad bespreekt dit bij de evaluatie "
            "van het cameratoezicht in 2027."
        ),
        compromise_edits=(
            Edit(
                old="er kijkt altijd een medewerker mee.",
                new=(
                    "er kijkt altijd een medewerker mee. Inwoners kunnen altijd vragen hoe een algoritme bij "
                    "hun zaak is gebruikt."
                ),
            ),
        ),
    ),
    DemoAmendment(
        key="A-16",
        section_key="klimaatadaptatie",
        party="GL",
        co_parties=(),
        kind="modify",
        headline="Twee nieuwe bomen voor elke gekapte boom",
        explanation=(
            "Een jonge boom geeft de eerste twintig jaar veel minder schaduw dan de oude boom die is "
            "gekapt. Eén op één compenseren is daarom in de praktijk een achteruitgang."
        ),
        edits=(
            Edit(
                old="komt er ten minste één nieuwe boom terug.",
                new="komen er ten minste twee nieuwe bomen terug.",
            ),
        ),
        outcome="withdrawn",
        decision_note=(
            "Ingetrokken door GroenLinks na het consolidatieoverleg. De fractie komt hierop terug bij de "
            "behandeling van de nieuwe bomenverordening."
        ),
    ),
    # ---- round 2 (written against concept 2) ---------------------------
    DemoAmendment(
        key="B-01",
        section_key="armoede",
        party="SP",
        co_parties=("PvdA",),
        kind="modify",
        headline="Inkomensgrens minimaregelingen naar 130 procent",
        explanation=(
            "Werkende armen vallen nu net buiten alle regelingen. Een alleenstaande ouder met een parttime "
            "baan in de zorg verdient vaak iets meer dan 120 procent en krijgt dan helemaal niets."
            "\n\n"
            "Met een grens van 130 procent helpen we juist de mensen die hard werken en toch niet rondkomen. "
            "Verschillende gemeenten in Nederland doen dit al."
        ),
        edits=(
            Edit(
                old="De inkomensgrens voor de minimaregelingen ligt op 120 procent van het sociaal minimum.",
                new=(
                    "De inkomensgrens voor de minimaregelingen gaat omhoog naar 130 procent van het sociaal "
                    "minimum."
                ),
            ),
        ),
        round=2,
        outcome="submitted",
    ),
    DemoAmendment(
        key="B-02",
        section_key="armoede",
        party="CU",
        co_parties=("CDA",),
        kind="modify",
        headline="Een zachte overgang boven de inkomensgrens",
        explanation=(
            "Wij delen de zorg over werkende armen, maar een hogere grens verschuift het probleem alleen. "
            "Wie één euro te veel verdient, verliest nog steeds alles in één keer."
            "\n\n"
            "Met een zachte overgang houden huishoudens net boven de grens een deel van de regelingen. Zo "
            "loont een loonsverhoging of een paar uur extra werk altijd."
        ),
        edits=(
            Edit(
                old="ligt op 120 procent van het sociaal minimum.",
                new=(
                    "ligt op 120 procent van het sociaal minimum. Voor huishoudens die net boven die grens "
                    "zitten, komt er een zachte overgang. Zo leidt een kleine loonsverhoging niet meteen tot "
                    "het verlies van alle regelingen."
                ),
            ),
        ),
        round=2,
        outcome="submitted",
    ),
    DemoAmendment(
        key="B-09",
        section_key="armoede",
        party="VVD",
        co_parties=(),
        kind="modify",
        headline="Inkomensgrens naar 125 procent",
        explanation=(
            "Wij willen werkende huishoudens ook helpen, maar elke procent hoger kost de gemeente veel geld. "
            "Een grens van 125 procent helpt de grootste groep en houdt de begroting sluitend."
        ),
        edits=(Edit(old="ligt op 120 procent", new="ligt op 125 procent"),),
        round=2,
        outcome="submitted",
    ),
    DemoAmendment(
        key="B-10",
        section_key="armoede",
        party="D66",
        co_parties=(),
        kind="modify",
        headline="Contact binnen een week",
        explanation=(
            "Bij schulden telt elke week: de rente en de incassokosten lopen snel op. Hoe eerder iemand "
            "belt, hoe kleiner het probleem."
        ),
        edits=(Edit(old="Binnen twee weken neemt", new="Binnen een week neemt"),),
        round=2,
        outcome="submitted",
    ),
    DemoAmendment(
        key="B-11",
        section_key="armoede",
        party="GL",
        co_parties=(),
        kind="modify",
        headline="Inkomensgrens naar 140 procent",
        explanation=(
            "De kosten van levensonderhoud zijn de afgelopen jaren hard gestegen. Ook huishoudens met 140 "
            "procent van het sociaal minimum komen steeds vaker niet rond."
        ),
        edits=(Edit(old="ligt op 120 procent", new="ligt op 140 procent"),),
        round=2,
        outcome="submitted",
    ),
    DemoAmendment(
        key="B-03",
        section_key=None,
        party="VVD",
        co_parties=("PLOP", "AC"),
        kind="new_section",
        headline="Nieuwe hoofdlijn: de TT en evenementen",
        explanation=(
            "Een raadsakkoord voor Assen zonder de TT is als Assen zonder de Vaart. Het circuit en het TT "
            "Festival zijn goed voor veel banen en voor de naam van onze stad."
            "\n\n"
            "Tegelijk horen we van bewoners rond het circuit en in de binnenstad over overlast. Daarom "
            "willen we ook afspraken over het beperken van overlast en over steun voor kleine evenementen "
            "in de wijken."
        ),
        new_title="De TT en evenementen",
        new_text=_TT_TEXT,
        chapter_title="Wonen, centrum en dorpen",
        round=2,
        outcome="submitted",
    ),
    DemoAmendment(
        key="B-04",
        section_key="energieopwek",
        party="CDA",
        co_parties=(),
        kind="modify",
        headline="Geen nieuwe windmolens dichter dan 1.000 meter bij woningen",
        explanation=(
            "Een zorgvuldig gesprek is goed, maar omwonenden willen vooraf weten waar ze aan toe zijn. Na "
            "de onrust over windparken elders in Drenthe willen wij een duidelijke afstand vastleggen."
        ),
        edits=(
            Edit(
                old="na een zorgvuldig gesprek met de dorpen en wijken in de omgeving.",
                new=(
                    "na een zorgvuldig gesprek met de dorpen en wijken in de omgeving, en nooit dichter dan "
                    "1.000 meter bij woningen."
                ),
            ),
        ),
        round=2,
        outcome="submitted",
    ),
    DemoAmendment(
        key="B-05",
        section_key="energieopwek",
        party="50PLUS",
        co_parties=(),
        kind="modify",
        headline="Windmolens alleen met instemming van de omwonenden",
        explanation=(
            "Een gesprek voeren kan ook betekenen dat er daarna toch wordt besloten over de hoofden van "
            "mensen heen. Wij willen dat omwonenden echt iets te zeggen hebben."
        ),
        edits=(
            Edit(
                old=(
                    "Over nieuwe windmolens besluit de raad pas na een zorgvuldig gesprek met de dorpen en "
                    "wijken in de omgeving."
                ),
                new=(
                    "Nieuwe windmolens komen er alleen als een meerderheid van de omwonenden ermee instemt."
                ),
            ),
        ),
        round=2,
        outcome="submitted",
    ),
    DemoAmendment(
        key="B-06",
        section_key="participatieladder",
        party="D66",
        co_parties=(),
        kind="modify",
        headline="Terugkoppeling binnen drie maanden",
        explanation=(
            "Het komt nog te vaak voor dat inwoners na een inspraakavond nooit meer iets horen. Een termijn "
            "maakt de afspraak controleerbaar."
        ),
        edits=(
            Edit(
                old="Na afloop krijgen alle deelnemers een terugkoppeling.",
                new="Na afloop, en uiterlijk binnen drie maanden, krijgen alle deelnemers een terugkoppeling.",
            ),
        ),
        round=2,
        outcome="submitted",
    ),
    DemoAmendment(
        key="B-07",
        section_key="wmo",
        party="PvdA",
        co_parties=(),
        kind="modify",
        headline="Een mantelzorgwaardering van ten minste 100 euro",
        explanation=(
            "Een waardering die ieder jaar opnieuw ter discussie staat, voelt niet als waardering. Wij "
            "willen een bedrag vastleggen waar mantelzorgers op kunnen rekenen."
        ),
        edits=(
            Edit(
                old="Ook komt er een jaarlijkse mantelzorgwaardering.",
                new="Ook komt er een jaarlijkse mantelzorgwaardering van ten minste € 100 per mantelzorger.",
            ),
        ),
        round=2,
        outcome="draft",
    ),
    DemoAmendment(
        key="B-08",
        section_key="jongeren",
        party="PLOP",
        co_parties=(),
        kind="modify",
        headline="Budget jongerenraad via het wijk- en dorpsbudget",
        explanation=(
            "Wij steunen de jongerenraad van harte. Maar een apart budget naast het wijk- en dorpsbudget "
            "maakt het versnipperd. Laat de jongerenraad meebeslissen over een deel van dat budget."
        ),
        edits=(
            Edit(
                old="De jongerenraad krijgt een eigen budget van € 25.000 per jaar.",
                new="De jongerenraad beslist mee over € 25.000 per jaar uit het wijk- en dorpsbudget.",
            ),
        ),
        round=2,
        outcome="withdrawn",
        decision_note=(
            "Ingetrokken door PLOP na overleg met GroenLinks, dat de hoofdlijn heeft voorgesteld. De "
            "verdeling van de budgetten komt terug bij de uitwerking van het wijk- en dorpsbudget."
        ),
    ),
)

# --------------------------------------------------------------------------
# Positions: only where a party does not simply support the section
# --------------------------------------------------------------------------

POSITIONS: tuple[DemoPosition, ...] = (
    DemoPosition(
        section_key="ozb",
        party="VVD",
        position="oppose",
        minority_position=(
            "De VVD vindt dat inwoners en ondernemers in Assen al genoeg betalen. Wij willen de OZB in 2027 "
            "met vijf procent verlagen. Nieuwe plannen betalen we door scherper te kiezen in de uitgaven, "
            "niet door de lasten te verhogen."
        ),
    ),
    DemoPosition(
        section_key="betaalbaar-wonen",
        party="SP",
        position="abstain",
        minority_position=(
            "De SP steunt veel in deze hoofdlijn, maar 30 procent sociale huur is te weinig. Zo blijven "
            "woningzoekenden jaren wachten. Wij blijven pleiten voor ten minste 40 procent sociale huur in "
            "elk nieuw plan."
        ),
    ),
    DemoPosition(
        section_key="energieopwek",
        party="CDA",
        position="abstain",
        minority_position=(
            "Het CDA wil duurzame energie, maar niet ten koste van de dorpen. Een gesprek met omwonenden is "
            "ons te vrijblijvend. Wij willen een vaste afstand tussen nieuwe windmolens en woningen."
        ),
    ),
    DemoPosition(section_key="energieopwek", party="VVD", position="abstain"),
    DemoPosition(
        section_key="uitdaagrecht",
        party="CDA",
        position="abstain",
        minority_position=(
            "Het CDA steunt dat inwoners taken van de gemeente overnemen. Maar dat hoort bij de hoofdlijn "
            "over inwonersinitiatieven. Een aparte regeling met een eigen procedure maakt het voor inwoners "
            "juist ingewikkelder."
        ),
    ),
    DemoPosition(
        section_key="reserves",
        party="SP",
        position="oppose",
        minority_position=(
            "De SP vindt een weerstandsratio van 1,4 te hoog. Zo blijft er geld op de plank liggen, terwijl "
            "gezinnen in Assen niet rondkomen. Wij willen een ratio van 1,0 en het geld dat vrijkomt "
            "gebruiken voor armoedebestrijding en zorg."
        ),
    ),
    DemoPosition(
        section_key="centrum",
        party="GL",
        position="abstain",
        minority_position=(
            "GroenLinks wil een centrum waar voetgangers en fietsers voorgaan. Gratis parkeren in de "
            "garages trekt juist meer auto's naar de binnenstad. Wij kiezen liever voor een autoluw "
            "centrum met goede fietsenstallingen en een gratis bus op zaterdag."
        ),
    ),
    DemoPosition(section_key="jongeren", party="50PLUS", position="abstain"),
    DemoPosition(section_key="mobiliteit", party="VVD", position="abstain"),
)

# --------------------------------------------------------------------------
# Tasks for the college (uitwerkingsopdrachten)
# --------------------------------------------------------------------------

_WH_FINANCIEN = "wethouder Financiën en Dienstverlening"
_WH_WONEN = "wethouder Wonen, Centrum en Dorpen"
_WH_KLIMAAT = "wethouder Klimaat, Energie en Mobiliteit"
_WH_ZORG = "wethouder Zorg, Jeugd en Armoede"
_WH_PARTICIPATIE = "wethouder Participatie en Wijken"
_BURGEMEESTER = "burgemeester (Informatieveiligheid en Privacy)"

TASKS: tuple[DemoTask, ...] = (
    DemoTask(
        title="Uitvoeringsagenda raadsakkoord",
        description=(
            "Maak binnen honderd dagen na de vaststelling van het akkoord een uitvoeringsagenda met de "
            "volgorde en de planning van alle opdrachten. Rapporteer daarna elk jaar bij de voorjaarsnota."
        ),
        section_keys=("akkoord-van-de-raad", "opdrachten-college"),
        portfolio_holder=_WH_FINANCIEN,
        participation_level="informeren",
        stakeholders=("gemeenteraad", "inwoners"),
        due="2027-03-31",
        budget_eur=None,
        status="in_progress",
    ),
    DemoTask(
        title="Participatieregeling met de participatieladder",
        description=(
            "Schrijf samen met inwoners een participatieregeling. Daarin staat hoe het college per plan "
            "een trede kiest, hoe de raad dat kan toetsen en hoe deelnemers een terugkoppeling krijgen."
        ),
        section_keys=("participatieladder",),
        portfolio_holder=_WH_PARTICIPATIE,
        participation_level="coproduceren",
        stakeholders=("wijkverenigingen", "verenigingen van dorpsbelangen", "jongerenraad"),
        due="2027-06-30",
        budget_eur=60_000,
    ),
    DemoTask(
        title="Wijk- en dorpsbudgetten",
        description=(
            "Zet in elke wijk en elk dorp een budget op waarover inwoners zelf beslissen. Maak een "
            "eenvoudig formulier voor aanvragen tot € 2.500, met een besluit binnen vier weken."
        ),
        section_keys=("inwonersinitiatieven", "dorpen"),
        portfolio_holder=_WH_PARTICIPATIE,
        participation_level="meebeslissen",
        stakeholders=("wijkverenigingen", "verenigingen van dorpsbelangen", "dorpshuizen"),
        due="2027-12-31",
        budget_eur=450_000,
    ),
    DemoTask(
        title="Regeling uitdaagrecht",
        description=(
            "Maak een eenvoudige regeling voor het uitdaagrecht, met de vier toetspunten uit het akkoord "
            "en een antwoord binnen drie maanden. Vraag vooraf advies aan organisaties die ervaring hebben "
            "met het overnemen van taken."
        ),
        section_keys=("uitdaagrecht",),
        portfolio_holder=_WH_PARTICIPATIE,
        participation_level="adviseren",
        stakeholders=("maatschappelijke organisaties", "sportverenigingen", "bewonerscollectieven"),
        due="2027-12-31",
        budget_eur=25_000,
    ),
    DemoTask(
        title="Jongerenraad opzetten",
        description=(
            "Richt samen met jongeren een jongerenraad op voor jongeren van 14 tot en met 23 jaar, met een "
            "eigen budget en een vaste werkwijze voor adviezen aan de raad."
        ),
        section_keys=("jongeren",),
        portfolio_holder=_WH_PARTICIPATIE,
        participation_level="coproduceren",
        stakeholders=("scholen voor voortgezet onderwijs", "mbo-scholen", "jongerenwerk"),
        due="2027-09-30",
        budget_eur=100_000,
    ),
    DemoTask(
        title="Contactpersoon, gewone taal en bereikbaarheid",
        description=(
            "Zorg dat elke brief een contactpersoon met telefoonnummer, e-mailadres en bereikbaarheid "
            "noemt. Herschrijf de standaardbrieven op taalniveau B1 en organiseer spreekuren in wijken en "
            "dorpen. Vraag inwoners om hun ervaringen."
        ),
        section_keys=("contactpersoon", "gewone-taal", "bereikbaarheid", "digitale-inclusie"),
        portfolio_holder=_WH_FINANCIEN,
        participation_level="raadplegen",
        stakeholders=("inwonerspanel", "bibliotheek", "ouderenbonden", "cliëntenraad"),
        due="2028-06-30",
        budget_eur=250_000,
        status="in_progress",
    ),
    DemoTask(
        title="Takenoverzicht en doorlichting reserves",
        description=(
            "Maak een overzicht van alle taken van de gemeente met de kosten en of de taak wettelijk "
            "verplicht is. Licht daarnaast alle bestemmingsreserves door en stel voor welke kunnen "
            "vrijvallen."
        ),
        section_keys=("sluitende-begroting", "reserves"),
        portfolio_holder=_WH_FINANCIEN,
        participation_level="informeren",
        stakeholders=("gemeenteraad", "accountant"),
        due="2027-05-31",
        budget_eur=75_000,
    ),
    DemoTask(
        title="Informatieveiligheid: jaarlijkse test en uitvaloefening",
        description=(
            "Laat de beveiliging elk jaar testen door een onafhankelijke partij en oefen wat de gemeente "
            "doet als de systemen uitvallen. Geef de raad een openbare samenvatting van de uitkomsten."
        ),
        section_keys=("informatieveiligheid", "privacy"),
        portfolio_holder=_BURGEMEESTER,
        participation_level="informeren",
        stakeholders=("functionaris gegevensbescherming", "onafhankelijke auditor"),
        due="2027-10-31",
        budget_eur=120_000,
    ),
    DemoTask(
        title="Woningbouwprogramma 2027–2030",
        description=(
            "Stel een woningbouwprogramma op met per plan de verdeling over sociale huur, middenhuur en "
            "koop. Vraag advies aan corporaties, huurders en ontwikkelaars en maak prestatieafspraken."
        ),
        section_keys=("woningbouw", "betaalbaar-wonen"),
        portfolio_holder=_WH_WONEN,
        participation_level="adviseren",
        stakeholders=("woningcorporaties", "huurdersorganisaties", "ontwikkelaars", "provincie Drenthe"),
        due="2027-06-30",
        budget_eur=350_000,
    ),
    DemoTask(
        title="Centrumplan Assen 2035",
        description=(
            "Maak samen met ondernemers, eigenaren van panden en bewoners een plan voor het centrum tot "
            "2035, met afspraken over groen, evenementen, parkeren en een ombouwregeling voor lege winkels."
        ),
        section_keys=("centrum",),
        portfolio_holder=_WH_WONEN,
        participation_level="coproduceren",
        stakeholders=("ondernemers in het centrum", "eigenaren van panden", "bewoners van het centrum"),
        due="2028-03-31",
        budget_eur=300_000,
    ),
    DemoTask(
        title="Dorpsagenda's",
        description=(
            "Maak met elk dorp een dorpsagenda met de wensen voor wonen, voorzieningen en verbindingen. "
            "Wijs per dorp een vaste contactpersoon aan."
        ),
        section_keys=("dorpen",),
        portfolio_holder=_WH_WONEN,
        participation_level="coproduceren",
        stakeholders=("verenigingen van dorpsbelangen", "dorpshuizen"),
        due="2028-12-31",
        budget_eur=200_000,
    ),
    DemoTask(
        title="Wijkaanpak energiebesparing",
        description=(
            "Start een aanpak per wijk met energiecoaches en gratis advies, te beginnen in wijken met veel "
            "oudere woningen. Regel een lening met lage rente voor eigenaren van een koopwoning."
        ),
        section_keys=("energiebesparing",),
        portfolio_holder=_WH_KLIMAAT,
        participation_level="raadplegen",
        stakeholders=("woningcorporaties", "energiecoöperaties", "energieloket"),
        due="2029-12-31",
        budget_eur=1_500_000,
    ),
    DemoTask(
        title="Kader lokaal eigendom zon en wind",
        description=(
            "Werk uit hoe nieuwe projecten voor zon en wind voor ten minste de helft in lokaal eigendom "
            "komen, en hoe omwonenden vanaf het begin meepraten."
        ),
        section_keys=("energieopwek",),
        portfolio_holder=_WH_KLIMAAT,
        participation_level="adviseren",
        stakeholders=("energiecoöperaties", "verenigingen van dorpsbelangen", "netbeheerder", "provincie Drenthe"),
        due="2027-12-31",
        budget_eur=80_000,
        status="proposed",
    ),
    DemoTask(
        title="Groenplan en hitteplan",
        description=(
            "Maak samen met buurten en scholen een plan om tegels te vervangen door groen, bomen te planten "
            "en kwetsbare inwoners te helpen bij hitte."
        ),
        section_keys=("klimaatadaptatie",),
        portfolio_holder=_WH_KLIMAAT,
        participation_level="coproduceren",
        stakeholders=("waterschap", "scholen", "buurtverenigingen"),
        due="2030-06-30",
        budget_eur=900_000,
    ),
    DemoTask(
        title="Jeugdhulp: wachttijden en regionale inkoop",
        description=(
            "Maak met de andere gemeenten in de regio nieuwe afspraken met minder aanbieders voor langere "
            "tijd. Zorg dat de hulp binnen vier weken na aanmelding begint of dat er passende overbrugging is."
        ),
        section_keys=("jeugdzorg", "wijkteams"),
        portfolio_holder=_WH_ZORG,
        participation_level="raadplegen",
        stakeholders=("jeugdhulpaanbieders", "huisartsen", "scholen", "gemeenten in de regio"),
        due="2028-01-01",
        budget_eur=None,
    ),
    DemoTask(
        title="Eén aanvraag voor alle minimaregelingen",
        description=(
            "Maak één aanvraag voor alle minimaregelingen en zorg dat de gemeente snel een seintje krijgt "
            "bij betalingsachterstanden. Vraag ervaringsdeskundigen om advies over de aanpak."
        ),
        section_keys=("armoede",),
        portfolio_holder=_WH_ZORG,
        participation_level="adviseren",
        stakeholders=("ervaringsdeskundigen", "schuldhulpverlening", "woningcorporaties", "energiebedrijven"),
        due="2027-12-31",
        budget_eur=150_000,
        status="proposed",
    ),
)

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def sections() -> tuple[DemoSection, ...]:
    """All sections in document order."""
    return tuple(section for chapter in CHAPTERS for section in chapter.sections)


def apply_edits(text: str, edits: tuple[Edit, ...] | list[Edit]) -> str:
    """Apply edits that all refer to passages of `text` (the same base).

    Each edit replaces the first occurrence of its `old` passage. Raises
    ValueError when a passage is empty, missing, or overlaps another edit's.
    """
    spans: list[tuple[int, int, Edit]] = []
    for edit in edits:
        if not edit.old:
            raise ValueError("an edit has an empty passage to replace")
        start = text.find(edit.old)
        if start < 0:
            raise ValueError(f"passage not found: {edit.old!r}")
        spans.append((start, start + len(edit.old), edit))
    spans.sort(key=lambda span: (span[0], span[1]))
    for (_, end, first), (start, _, second) in zip(spans, spans[1:]):
        if start < end:
            raise ValueError(f"edits overlap: {first.old!r} and {second.old!r}")
    pieces: list[str] = []
    position = 0
    for start, end, edit in spans:
        pieces.append(text[position:start])
        pieces.append(edit.new)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def round_texts() -> tuple[dict[str, str], dict[str, str]]:
    """Section key -> text of concept 1 and of concept 2.

    Concept 2 is concept 1 with the accepted round-1 amendments (in tuple
    order), then the compromise edits of partly accepted round-1 amendments,
    then the griffie's editorial revisions.
    """
    first = {section.key: section.text for section in sections()}
    second = dict(first)
    round_one = [a for a in AMENDMENTS if a.round == 1 and a.kind == "modify"]
    for amendment in round_one:
        if amendment.outcome == "accepted":
            second[amendment.section_key] = apply_edits(second[amendment.section_key], amendment.edits)
    for amendment in round_one:
        if amendment.outcome == "partly_accepted":
            second[amendment.section_key] = apply_edits(
                second[amendment.section_key], amendment.compromise_edits
            )
    for revision in EDITORIAL_REVISIONS:
        second[revision.section_key] = apply_edits(second[revision.section_key], revision.edits)
    return first, second

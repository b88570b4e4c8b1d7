"""The vocabulary the bench data is written from: Haninge's places, the minorities' languages and days,
and short Swedish and Finnish phrases taken from the seeds' themes (language, school, elderly care,
culture, information, participation, children and young people).

Every name is invented by combining common first names and surnames; none comes from the seeds.
"""

# slug -> words about the minority and its language, in (sv, fi, en) where they are shown in three languages.
MINORITY_WORDS = {
    "sverigefinnar": {
        "lang": ("finska", "suomi", "Finnish"),
        "lang_gen": "suomen kielen",
        "lang_adv": "suomeksi",
        "people": ("sverigefinnar", "ruotsinsuomalaiset", "Sweden Finns"),
        "day": ("Sverigefinnarnas dag", "Ruotsinsuomalaisten päivä", "Sweden Finns' Day"),
        "associations": [
            "Haninge finska förening",
            "Sverigefinska pensionärer i Haninge",
            "Finska klubben Vega",
        ],
    },
    "tornedalingar": {
        "lang": ("meänkieli", "meänkieli", "Meänkieli"),
        "lang_gen": "meänkielen",
        "lang_adv": "meänkieleksi",
        "people": ("tornedalingar", "tornionlaaksolaiset", "Tornedalians"),
        "day": ("Tornedalingarnas dag", "Tornionlaaksolaisten päivä", "Tornedalians' Day"),
        "associations": ["STR-T Stockholm", "Meänkielinen kerho Haninge"],
    },
    "samer": {
        "lang": ("samiska", "saame", "Sami"),
        "lang_gen": "saamen kielen",
        "lang_adv": "saameksi",
        "people": ("samer", "saamelaiset", "the Sami"),
        "day": ("Samernas nationaldag", "Saamelaisten kansallispäivä", "Sami National Day"),
        "associations": ["Sameföreningen i Stockholm", "Samiskt ungdomsnätverk Södertörn"],
    },
    "romer": {
        "lang": ("romani chib", "romanikieli", "Romani"),
        "lang_gen": "romanikielen",
        "lang_adv": "romaniksi",
        "people": ("romer", "romanit", "the Roma"),
        "day": ("Romernas nationaldag", "Romanien kansallispäivä", "Roma National Day"),
        "associations": ["Öppet val till romska rådet", "Romska kvinnoföreningen", "Romsk ungdom i Haninge"],
    },
    "judar": {
        "lang": ("jiddisch", "jiddiš", "Yiddish"),
        "lang_gen": "jiddišin",
        "lang_adv": "jiddišiksi",
        "people": ("judar", "juutalaiset", "Jews"),
        "day": ("Förintelsens minnesdag", "Holokaustin muistopäivä", "Holocaust Remembrance Day"),
        "associations": ["Judiska församlingen", "Judiska kulturföreningen Södertörn"],
    },
}

PLACES = [
    "Handen",
    "Jordbro",
    "Brandbergen",
    "Vega",
    "Vendelsö",
    "Västerhaninge",
    "Tungelsta",
    "Dalarö",
    "Haninge centrum",
    "Muskö",
]

# First names and surnames in the styles of the names one meets in Haninge; combined at random.
FIRST_NAMES = [
    *("Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sara", "Eva", "Mats", "Sofia", "Olof", "Ingrid"),
    *("Henrik", "Emma", "Oskar", "Maja", "Gustav", "Linnea", "Fredrik", "Cecilia", "Magnus", "Therese"),
    *("Aino", "Eino", "Liisa", "Matti", "Pirjo", "Juha", "Kaisa", "Tuomas", "Riikka", "Jukka", "Satu"),
    *("Heikki", "Marjatta", "Antti", "Sanna", "Ville", "Tiina", "Pekka", "Eero", "Aili", "Veikko", "Helmi"),
    *("Ánte", "Biret", "Máret", "Niillas", "Sunná", "Ásllat", "Elle", "Jovnna", "Risten", "Inga"),
    *("Dragan", "Mirela", "Rosita", "Stefan", "Sonja", "Janko", "Angelina", "Milo", "Zoran", "Nadja"),
    *("Miriam", "David", "Rebecka", "Daniel", "Hanna", "Aron", "Judit", "Samuel", "Lea", "Benjamin"),
]
SURNAMES = [
    *("Lindqvist", "Berg", "Holm", "Sjöberg", "Nordin", "Ek", "Lundgren", "Wallin", "Forsberg", "Åström"),
    *("Hedlund", "Sandström", "Blom", "Engström", "Lindahl", "Falk", "Nyberg", "Söderlund", "Strand"),
    *("Virtanen", "Korhonen", "Nieminen", "Heikkinen", "Lehtonen", "Koskinen", "Järvinen", "Laine"),
    *("Mäkinen", "Salonen", "Hakala", "Rantanen", "Alatalo", "Kuoksu", "Pekkari", "Vaara", "Keinänen"),
    *("Labba", "Kuhmunen", "Sarri", "Omma", "Päiviö", "Unga", "Skum", "Nutti"),
    *("Nikolić", "Jovanović", "Stanković", "Lakatos", "Horváth", "Petrović", "Kovač"),
    *("Goldberg", "Rosenberg", "Klein", "Weiss", "Feldman", "Levin", "Stern", "Blum"),
]

# Job titles by department code.
TITLES = {
    "SÄF": [
        "Enhetschef hemtjänst",
        "Biståndshandläggare",
        "Verksamhetsutvecklare äldreomsorg",
        "Socialsekreterare",
    ],
    "UBF": ["Rektor", "Modersmålssamordnare", "Förskolechef", "Utvecklingsledare skola"],
    "KOF": ["Bibliotekarie", "Kulturstrateg", "Fritidsledare", "Evenemangssamordnare"],
    "KSF": ["Utredare", "Kommunikatör", "Demokratistrateg", "Controller"],
    "SBF": ["Planarkitekt", "Trafikplanerare", "Samhällsplanerare"],
    "HB": ["Områdeschef", "Kundansvarig", "Bovärd"],
}

GUEST_ORGANISATIONS = [
    "Länsstyrelsen i Stockholms län",
    "Sametinget",
    "Sverigefinska riksförbundet",
    "Institutet för språk och folkminnen",
    "Tyresö kommun",
    "Nynäshamns kommun",
    "Södertörns högskola",
    "Haninge finska förening",
]

CANCELLATION_REASONS = [
    "För få anmälda; frågorna tas upp på nästa möte.",
    "Ordföranden sjuk; nytt datum meddelas.",
    "Lokalen inte tillgänglig; mötet flyttas till nästa kvartal.",
    "Krockar med kommunfullmäktiges extra sammanträde.",
]

# --- Meetings ---------------------------------------------------------------------------------------

FIRST_ITEM = {
    "consultation": "Återkoppling från dialoggrupperna",
    "dialogue": "Återkoppling från förvaltningarna",
    "working_group": "Återkoppling från förvaltningarna",
}
LAST_ITEM = "Övriga frågor"

AGENDA_TOPICS = {
    "consultation": [
        "Handlingsplanen {year}: läget i förvaltningarna",
        "Rapport från arbetsgrupperna",
        "Statsbidraget för förvaltningsområdet: användning {year}",
        "Årsrapporten till Länsstyrelsen",
        "Revidering av det minoritetspolitiska programmet",
        "Barns och ungas inflytande: redovisning",
        "Budget för minoritetsarbetet {year}",
        "Nationella politikernätverket: erfarenheter",
        "Årssnurran: agendan för nästa år",
        "Samråd om översiktsplanen",
    ],
    "dialogue": [
        "Aktuellt från förvaltningskontakterna",
        "{day}: planering",
        "Förskola och skola på {lang}",
        "Äldreomsorg och hemtjänst på {lang}",
        "Biblioteket och kulturen",
        "Ungas delaktighet i dialogen",
        "Information på {lang} från kommunen",
        "Föreningens önskemål inför året",
        "Handlingsplanen: det som berör {people}",
        "Frågor till förvaltningen",
    ],
    "working_group": [
        "Lägesrapport",
        "Kartläggningen: resultat",
        "Förslag till åtgärder",
        "Tidplan och ansvar",
        "Rapport till samrådsgruppen",
        "Slutrapporten: utkast",
    ],
}

DISCUSSIONS = [
    "Representanterna lyfte behovet av information på minoritetsspråket och att frågan följs upp.",
    "Förvaltningskontakten redogjorde för läget; gruppen ställde frågor om tidplanen.",
    "Samordnaren presenterade underlaget. Gruppen diskuterade hur barn och unga kan involveras.",
    "Gruppen gick igenom förra mötets frågor och vad som hänt sedan dess.",
    "Flera representanter påpekade att informationen inte når de äldre.",
]
DECISIONS = [
    "Gruppen noterar informationen.",
    "Frågan lyfts till ansvarig förvaltning, som återkommer till nästa möte.",
    "Samordnaren tar fram ett underlag till nästa möte.",
    "Förslaget tas med i handlingsplanen för nästa år.",
    "Gruppen ställer sig bakom förslaget.",
]

# --- Commitments ------------------------------------------------------------------------------------

COMMITMENT_TOPICS = [
    "Antal anställda som talar {lang} i hemtjänsten i {place}",
    "Plan för modersmålsundervisning i {lang} nästa läsår",
    "Kostnad för skyltning på {lang} i {place}",
    "Lokaltider för föreningen i {place}",
    "Inköp av böcker på {lang} till biblioteket i {place}",
    "Översättning av broschyren om äldreomsorg till {lang}",
    "Statistik över barn i förskola på {lang}",
    "Bidrag till firandet av {day}",
    "Rutin för tolk till {lang} i socialtjänsten",
    "Uppföljning av förra årets åtgärder för {people}",
]
COMMITMENT_DESCRIPTIONS = [
    "Representanterna vill ha ett skriftligt svar före nästa möte.",
    "Gruppen vill veta vad förvaltningen planerar och när.",
    "Frågan har lyfts tidigare; gruppen vill se en tidplan.",
]
ANSWERS = [
    "Förvaltningen har undersökt frågan. Ett förslag presenteras på nästa möte.",
    "Åtgärden ingår i handlingsplanen för nästa år, med ansvarig och tidplan.",
    "Arbetet har påbörjats och beräknas vara klart till hösten.",
    "Frågan har lämnats till nämnden för beslut; vi återkommer med beslutet.",
    "Det saknas budget i år; frågan tas upp i årssnurrans agendafas.",
    "Svaret finns i bifogad sammanställning; siffrorna gäller den 1 september.",
]

# --- Proposals --------------------------------------------------------------------------------------

PROPOSAL_TOPICS_SV = [
    "Fler timmar modersmål i {lang} på högstadiet",
    "Förskoleavdelning på {lang} i {place}",
    "Personal som talar {lang} på äldreboendet i {place}",
    "Kommunens webbplats på {lang}",
    "Böcker och tidningar på {lang} i biblioteket i {place}",
    "Kommunens firande av {day}",
    "Tvåspråkiga skyltar på {lang} i {place}",
    "Lokal för föreningens träffar i {place}",
    "Ungdomsträffar för unga {people}",
    "Personalutbildning om {people} och deras rättigheter",
    "Tolk till {lang} vid besök hos socialtjänsten",
    "Sommarlovsaktiviteter på {lang}",
    "Språkcafé på {lang} i {place}",
    "Behovet av service på {lang}: kartläggning",
    "Filmkväll och samtal om minoritetens historia",
    "Hemtjänst på {lang} i {place}",
    "Bidrag till föreningen inför {day}",
    "Kontaktperson på {lang} i socialtjänsten",
    "Läsfrämjande för barn på {lang}",
    "Trygghet vid föreningens evenemang i {place}",
    "Blanketter översatta till {lang}",
    "Seniorträffar på {lang} i {place}",
    "Rekrytering av lärare i {lang}",
    "Barnens röst i dialogmötena",
    "Utställning om {people} på kulturhuset",
    "Digitalt deltagande i dialogmötena",
]
PROPOSAL_TOPICS_FI = [
    "Suomenkielinen esikouluryhmä: {place}",
    "Lisää äidinkielen opetusta suomeksi",
    "Suomenkieliset satutunnit kirjastossa ({place})",
    "Ruotsinsuomalaisten päivän juhla",
    "Suomenkielinen kotipalvelu: {place}",
    "Kaksikieliset kyltit: {place}",
    "Suomenkieliset tiedotteet kunnan verkkosivuilla",
    "Kesäleiri suomeksi lapsille",
    "Kielikahvila suomeksi: {place}",
    "Suomenkielinen henkilökunta hoivakodeissa",
    "Tulkkaus suomeksi sosiaalipalveluissa",
    "Senioritapaamiset suomeksi: {place}",
    "Suomenkielistä kirjallisuutta kouluihin",
    "Nuorten ääni dialogiryhmässä",
    "Suomen kielen opettajien rekrytointi",
]
PROPOSAL_REASONS_SV = [
    "Många i föreningen har frågat om detta.",
    "Barnen och ungdomarna behöver mötas på sitt språk.",
    "De äldre vill kunna använda sitt språk i vardagen.",
    "Frågan togs upp förra året men inget har hänt.",
    "Enligt minoritetslagen ska vi ges inflytande i frågan.",
    "Andra kommuner i länet har redan gjort detta.",
    "I dag finns informationen bara på svenska.",
    "Det skulle stärka språket och den kulturella identiteten.",
]
PROPOSAL_REASONS_FI = [
    "Moni yhdistyksen jäsen on kysynyt tästä.",
    "Lapset ja nuoret tarvitsevat palvelua omalla kielellään.",
    "Ikäihmiset haluavat käyttää omaa kieltään arjessa.",
    "Asia otettiin esiin viime vuonna, mutta mitään ei tapahtunut.",
    "Vähemmistölain mukaan meillä on oikeus vaikuttaa asiaan.",
    "Tieto on nyt saatavilla vain ruotsiksi.",
]
DECLINE_REASONS = [
    "Frågan ligger utanför gruppens uppdrag; samordnaren hjälper till att lämna den till rätt nämnd.",
    "Frågan behandlades nyligen och förvaltningen har redan svarat.",
    "Kommunen råder inte över frågan; den gäller en statlig myndighet.",
    "Förslaget ryms inte i årets budget; det tas upp igen i årssnurrans agendafas.",
]
DEFER_REASONS = [
    "Skjuts upp tills förvaltningens underlag är klart.",
    "Tas upp efter sommaren, när budgeten är beslutad.",
    "Väntar på svar från Länsstyrelsen.",
]
CONSIDER_REASONS = [
    "Samordnaren tar fram underlag från förvaltningen.",
    "Förvaltningskontakten undersöker frågan inför nästa möte.",
]
RESOLVE_REASONS = [
    "Behandlades på mötet; förvaltningen återkopplar.",
    "Behandlades på mötet och blev en åtgärd i handlingsplanen.",
    "Behandlades på mötet; frågan är besvarad.",
]
ANSWERED_YES = {
    "sv": [
        "Tack, vi fick ett bra svar.",
        "Bra att frågan blev en åtgärd.",
        "Vi är nöjda med återkopplingen.",
    ],
    "fi": ["Kiitos, saimme hyvän vastauksen.", "Hyvä, että asiasta tuli toimenpide."],
}
ANSWERED_NO = {
    "sv": ["Vi fick inget svar på när det ska genomföras.", "Svaret var för allmänt.", "Frågan kvarstår."],
    "fi": ["Emme saaneet vastausta aikataulusta.", "Vastaus jäi liian yleiseksi."],
}
COMMENTS = {
    "sv": [
        "Jag håller med, det här är viktigt för våra barn.",
        "Kan förvaltningen svara på vad det skulle kosta?",
        "Samma fråga finns i grannkommunen; vi kan lära av dem.",
        "Bra förslag. Föreningen hjälper gärna till.",
    ],
    "fi": [
        "Olen samaa mieltä, tämä on tärkeää.",
        "Yhdistys auttaa mielellään.",
        "Mitä tämä maksaisi kunnalle?",
    ],
}
CONSULTED_SAID = [
    "Representanterna stöder förslaget men vill att äldre får informationen på papper.",
    "Föreningen vill vara med och planera genomförandet.",
    "De unga vill kunna delta digitalt.",
    "Gruppen ser hellre en mindre insats som blir av än en stor som dröjer.",
]
CONSULTED_CHANGED = [
    "Informationen skickas också som brev.",
    "Föreningen ingår i projektgruppen.",
    "Ett digitalt alternativ erbjuds.",
    "",
]

# --- Actions ----------------------------------------------------------------------------------------

# (sv, fi, en) with {o} for the object.
ACTION_VERBS = [
    ("Kartläggning av {o}", "Kartoitus: {o}", "Survey of {o}"),
    ("Information om {o}", "Tiedotus: {o}", "Information on {o}"),
    ("Utbildning om {o}", "Koulutus: {o}", "Training on {o}"),
    ("Plan för {o}", "Suunnitelma: {o}", "Plan for {o}"),
    ("Uppföljning av {o}", "Seuranta: {o}", "Follow-up of {o}"),
    ("Förstärkning av {o}", "Vahvistaminen: {o}", "Strengthening {o}"),
    ("Utveckling av {o}", "Kehittäminen: {o}", "Developing {o}"),
]
# Objects about one minority: formatted with its words (sv, fi, en).
ACTION_OBJECTS_MINORITY = [
    (
        "modersmålsundervisningen i {lang_sv}",
        "{lang_gen} äidinkielen opetus",
        "mother-tongue tuition in {lang_en}",
    ),
    ("förskola på {lang_sv}", "varhaiskasvatus {lang_adv}", "preschool in {lang_en}"),
    ("äldreomsorg på {lang_sv}", "vanhustenhuolto {lang_adv}", "elderly care in {lang_en}"),
    ("webbinformation på {lang_sv}", "verkkosivujen tiedot {lang_adv}", "web information in {lang_en}"),
    ("biblioteksmedier på {lang_sv}", "kirjaston aineisto {lang_adv}", "library media in {lang_en}"),
    ("språkcaféer på {lang_sv}", "kielikahvilat {lang_adv}", "language cafés in {lang_en}"),
    ("lovaktiviteter på {lang_sv}", "lomatoiminta {lang_adv}", "holiday activities in {lang_en}"),
    (
        "personalens kunskap om {people_sv}",
        "henkilöstön tietämys: {people_fi}",
        "staff knowledge about {people_en}",
    ),
    ("samrådet med {people_sv}", "neuvonpito: {people_fi}", "consultation with {people_en}"),
    ("firandet av {day_sv}", "juhla: {day_fi}", "the celebration of {day_en}"),
    ("skyltning på {lang_sv}", "opasteet {lang_adv}", "signs in {lang_en}"),
    ("tolkservice på {lang_sv}", "tulkkauspalvelu {lang_adv}", "interpreting in {lang_en}"),
]
ACTION_OBJECTS_GENERAL = [
    (
        "minoritetsperspektivet i budgetarbetet",
        "vähemmistönäkökulma talousarviotyössä",
        "the minority perspective in budgeting",
    ),
    (
        "barns och ungas inflytande",
        "lasten ja nuorten vaikutusmahdollisuudet",
        "children's and young people's influence",
    ),
    (
        "årsrapporten till Länsstyrelsen",
        "vuosiraportti lääninhallitukselle",
        "the annual report to the county board",
    ),
    (
        "statsbidraget för förvaltningsområdet",
        "hallintoalueen valtionavustus",
        "the state grant for the administrative area",
    ),
    ("introduktionen för nya chefer", "uusien esihenkilöiden perehdytys", "the induction of new managers"),
    (
        "dialogmötenas arbetsformer",
        "dialogikokousten työtavat",
        "the working methods of the dialogue meetings",
    ),
    (
        "minoriteternas kulturarv i Haninge",
        "vähemmistöjen kulttuuriperintö Haningessa",
        "the minorities' heritage in Haninge",
    ),
]
ACTION_DESCRIPTION = (
    "{title}. Ansvarig förvaltning redovisar i dialoggruppen och i årssnurrans uppföljning.",
    "{title}. Vastuuhallinto raportoi dialogiryhmälle ja vuosikellon seurannassa.",
    "{title}. The responsible department reports to the dialogue group and in the yearly wheel's follow-up.",
)

UPDATES_START = [
    "Arbetet har startat och en projektgrupp är utsedd.",
    "Uppstartsmöte hållet med representanter från föreningen.",
    "Underlag har samlats in från verksamheterna.",
]
UPDATES_MIDDLE = [
    "Hälften av verksamheterna är klara; resten följer under kvartalet.",
    "Enkäten är utskickad; svarsfrekvensen är {n} procent hittills.",
    "Materialet på {lang} är översatt och granskat av föreningen.",
    "Läget redovisades i dialoggruppen; gruppens synpunkter arbetas in.",
    "Rekryteringen pågår; {n} sökande hittills.",
    "Två informationsträffar hölls med sammanlagt {n} deltagare.",
    "Arbetet går enligt plan.",
]
UPDATES_DELAYED = [
    "Försenat: leverantören har inte levererat.",
    "Försenat på grund av personalbrist.",
    "Försenat i väntan på beslut i nämnden.",
    "Lokalen blev inte klar i tid; en ny tidplan tas fram.",
]
UPDATES_DONE = [
    "Klart. Resultatet redovisas i samrådsgruppen.",
    "Genomfört enligt plan med {n} deltagare.",
    "Klart och utvärderat tillsammans med föreningen.",
]
UPDATES_CANCELLED = [
    "Avbrutet: frågan hanteras i stället inom ordinarie verksamhet.",
    "Avbrutet efter beslut i samrådsgruppen; behovet finns inte längre.",
    "Avbrutet: budgeten drogs in.",
]

# --- Indicators -------------------------------------------------------------------------------------

# (sv, fi, en), unit (sv, fi, en), kind: "count" grows, "share" is a percentage, "down" should fall.
INDICATORS_MINORITY = [
    (
        (
            "Elever i modersmålsundervisning i {lang_sv}",
            "Oppilaat {lang_gen} äidinkielen opetuksessa",
            "Pupils in mother-tongue tuition in {lang_en}",
        ),
        ("elever", "oppilasta", "pupils"),
        "count",
    ),
    (
        (
            "Barn i förskola på {lang_sv}",
            "Lapset varhaiskasvatuksessa {lang_adv}",
            "Children in preschool in {lang_en}",
        ),
        ("barn", "lasta", "children"),
        "count",
    ),
    (
        ("Utlån av medier på {lang_sv}", "Lainat: aineisto {lang_adv}", "Loans of media in {lang_en}"),
        ("lån", "lainaa", "loans"),
        "count",
    ),
    (
        (
            "Besökare på evenemang för {people_sv}",
            "Kävijät tapahtumissa: {people_fi}",
            "Visitors at events for {people_en}",
        ),
        ("besökare", "kävijää", "visitors"),
        "count",
    ),
    (
        (
            "Deltagare i dialogmöten med {people_sv}",
            "Osallistujat dialogikokouksissa: {people_fi}",
            "Participants in dialogue meetings with {people_en}",
        ),
        ("deltagare", "osallistujaa", "participants"),
        "count",
    ),
    (
        ("Andel webbsidor på {lang_sv}", "Verkkosivujen osuus {lang_adv}", "Share of web pages in {lang_en}"),
        ("procent", "prosenttia", "per cent"),
        "share",
    ),
    (
        (
            "Anställda som talar {lang_sv}",
            "Henkilöstö, joka puhuu kieltä: {lang_fi}",
            "Staff who speak {lang_en}",
        ),
        ("anställda", "työntekijää", "staff"),
        "count",
    ),
]
INDICATORS_GENERAL = [
    (
        ("Handläggningstid för förslag", "Ehdotusten käsittelyaika", "Processing time of proposals"),
        ("dagar", "päivää", "days"),
        "down",
    ),
    (
        ("Andel åtgärder klara i tid", "Ajallaan valmistuneet toimenpiteet", "Share of actions done on time"),
        ("procent", "prosenttia", "per cent"),
        "share",
    ),
    (
        ("Nöjdhet med samrådet", "Tyytyväisyys neuvonpitoon", "Satisfaction with the consultation"),
        ("procent", "prosenttia", "per cent"),
        "share",
    ),
    (
        (
            "Medarbetare som gått minoritetsutbildningen",
            "Vähemmistökoulutuksen käyneet työntekijät",
            "Staff trained on the national minorities",
        ),
        ("medarbetare", "työntekijää", "staff"),
        "count",
    ),
    (
        (
            "Unga i minoriteternas ungdomsråd",
            "Nuoret vähemmistöjen nuorisoneuvostoissa",
            "Young people in the minorities' youth councils",
        ),
        ("unga", "nuorta", "young people"),
        "count",
    ),
    (
        (
            "Återkopplade frågor inom 90 dagar",
            "90 päivässä vastatut kysymykset",
            "Issues answered within 90 days",
        ),
        ("procent", "prosenttia", "per cent"),
        "share",
    ),
    (
        (
            "Öppna frågor till förvaltningarna",
            "Avoimet kysymykset hallinnoille",
            "Open issues with the departments",
        ),
        ("frågor", "kysymystä", "issues"),
        "down",
    ),
    (
        (
            "Dialogmöten med barn och unga",
            "Dialogikokoukset lasten ja nuorten kanssa",
            "Dialogue meetings with children and young people",
        ),
        ("möten", "kokousta", "meetings"),
        "count",
    ),
    (
        ("Besök på minoritetssidorna", "Käynnit vähemmistösivuilla", "Visits to the minority pages"),
        ("besök", "käyntiä", "visits"),
        "count",
    ),
    (
        (
            "Översatta beslut och protokoll",
            "Käännetyt päätökset ja pöytäkirjat",
            "Decisions and minutes translated",
        ),
        ("dokument", "asiakirjaa", "documents"),
        "count",
    ),
]

# --- Working groups ---------------------------------------------------------------------------------

# (sv, fi, en), what the group is for (sv), the department that convenes it.
WORKING_GROUPS = [
    (
        (
            "Arbetsgrupp samisk kultur i skolan",
            "Saamelaisen kulttuurin työryhmä",
            "Working group on Sami culture in school",
        ),
        "samisk kultur och samiska i skolans undervisning",
        "UBF",
    ),
    (
        (
            "Arbetsgrupp romsk inkludering",
            "Romanien osallisuuden työryhmä",
            "Working group on Roma inclusion",
        ),
        "romsk inkludering i skola, arbete och boende",
        "SÄF",
    ),
    (
        (
            "Arbetsgrupp meänkieli i förskolan",
            "Meänkieli varhaiskasvatuksessa -työryhmä",
            "Working group on Meänkieli in preschool",
        ),
        "meänkieli i förskolan",
        "UBF",
    ),
    (
        (
            "Arbetsgrupp minoritetsspråk på biblioteken",
            "Vähemmistökielet kirjastoissa -työryhmä",
            "Working group on minority languages in the libraries",
        ),
        "medier och programverksamhet på minoritetsspråken i biblioteken",
        "KOF",
    ),
    (
        (
            "Arbetsgrupp information och webb",
            "Tiedotuksen ja verkon työryhmä",
            "Working group on information and the web",
        ),
        "kommunens information på minoritetsspråken",
        "KSF",
    ),
    (
        ("Arbetsgrupp Haningedagen", "Haninge-päivän työryhmä", "Working group on Haninge Day"),
        "minoriteternas medverkan på Haningedagen",
        "KOF",
    ),
    (
        (
            "Arbetsgrupp barns och ungas inflytande",
            "Lasten ja nuorten vaikuttamisen työryhmä",
            "Working group on children's and young people's influence",
        ),
        "hur barn och unga kan samrådas i former som passar dem",
        "UBF",
    ),
    (
        (
            "Arbetsgrupp jiddisch och judisk kultur",
            "Jiddišin ja juutalaisen kulttuurin työryhmä",
            "Working group on Yiddish and Jewish culture",
        ),
        "jiddisch och judisk kultur i kommunens verksamheter",
        "KOF",
    ),
    (
        (
            "Arbetsgrupp minoritetspolitiskt program",
            "Vähemmistöpoliittisen ohjelman työryhmä",
            "Working group on the minority policy programme",
        ),
        "ett förslag till reviderat minoritetspolitiskt program",
        "KSF",
    ),
    (
        (
            "Arbetsgrupp kompetens i förvaltningarna",
            "Hallintojen osaamisen työryhmä",
            "Working group on skills in the departments",
        ),
        "utbildning om de nationella minoriteterna för kommunens medarbetare",
        "KSF",
    ),
    (
        (
            "Arbetsgrupp finskspråkig hemtjänst",
            "Suomenkielisen kotipalvelun työryhmä",
            "Working group on home care in Finnish",
        ),
        "hemtjänst på finska i hela kommunen",
        "SÄF",
    ),
    (
        ("Arbetsgrupp boende och Haninge Bostäder", "Asumisen työryhmä", "Working group on housing"),
        "minoriteternas frågor om boende, tillsammans med Haninge Bostäder",
        "HB",
    ),
    (
        (
            "Arbetsgrupp Sverigefinnarnas dag",
            "Ruotsinsuomalaisten päivän työryhmä",
            "Working group on Sweden Finns' Day",
        ),
        "firandet av Sverigefinnarnas dag den 24 februari",
        "KOF",
    ),
    (
        (
            "Arbetsgrupp uppföljning och indikatorer",
            "Seurannan ja indikaattorien työryhmä",
            "Working group on follow-up and indicators",
        ),
        "indikatorer för uppföljningen av programmet",
        "KSF",
    ),
    (
        (
            "Arbetsgrupp samråd i stadsplaneringen",
            "Kaupunkisuunnittelun neuvonpidon työryhmä",
            "Working group on consultation in urban planning",
        ),
        "hur minoriteterna samråds i stadsbyggnadsfrågor",
        "SBF",
    ),
]
CLOSING_REPORT = (
    "Arbetsgruppen har träffats {meetings} gånger och lämnat sina förslag om {purpose} till samrådsgruppen. "
    "Förslagen följs upp i handlingsplanen och i dialoggrupperna; arbetsgruppen avslutas."
)

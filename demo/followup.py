"""The yearly wheel for Haninge's demo: two cycles, themes, goals, actions with their progress, indicators.

Drawn from the seeds: the goals of "Mål år 2020/2021", the actions of "Vad har vi gjort", and the guide's
advice that every action has a responsible party, a timetable and indicators. Keyed on natural keys (year,
theme slug, goal code, cycle and Swedish title, action and date, indicator and date), so building twice with
the same day changes nothing. What is dated after `today` has not happened yet and is left out.
"""

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from core.models import AgendaItem, Department, MeetingStatus, NationalMinority, User
from demo.upsert import upsert
from dialogues.models import Commitment
from followup.models import (
    Action,
    ActionStatus,
    Cycle,
    Goal,
    GoalKind,
    GrantCategory,
    GrantUse,
    Indicator,
    IndicatorValue,
    Phase,
    PhaseKind,
    ProgressUpdate,
    StateGrant,
    Theme,
)
from proposals.models import Proposal

STOCKHOLM = ZoneInfo("Europe/Stockholm")

# sv, fi, en
Text = tuple[str, str, str]
# (cycle offset, month, day): 0 is the current year, -1 the year before, 1 the year after.
Day = tuple[int, int, int]

ALL = ("judar", "romer", "samer", "sverigefinnar", "tornedalingar")

PHASE_DATES = [
    (PhaseKind.AGENDA, (1, 1), (3, 31)),
    (PhaseKind.IMPLEMENTATION, (4, 1), (9, 30)),
    (PhaseKind.FOLLOW_UP, (10, 1), (11, 30)),
    (PhaseKind.REFORMULATION, (12, 1), (12, 31)),
]

THEMES = [
    ("sprak", "Språk", "Kieli", "Language"),
    ("utbildning", "Utbildning", "Koulutus", "Education"),
    ("aldreomsorg", "Äldreomsorg", "Vanhustenhuolto", "Elderly care"),
    ("kultur", "Kultur", "Kulttuuri", "Culture"),
    ("information", "Information", "Tiedotus", "Information"),
    (
        "delaktighet",
        "Delaktighet och inflytande",
        "Osallisuus ja vaikuttaminen",
        "Participation and influence",
    ),
    ("barn-och-unga", "Barn och unga", "Lapset ja nuoret", "Children and young people"),
]


@dataclass(frozen=True)
class DemoGoal:
    code: str
    title: Text
    description: Text
    themes: tuple[str, ...]
    minorities: tuple[str, ...] = ALL
    kind: str = GoalKind.PROGRAMME
    adopted_on: dt.date = dt.date(2020, 1, 1)


# The programme's goals are "Mål år 2020/2021" of the seed; the guidelines answer lag (2009:724) 5 b §.
GOALS = [
    DemoGoal(
        "1",
        ("Systematiskt minoritetsarbete", "Järjestelmällinen vähemmistötyö", "Systematic minority work"),
        (
            "Minoritetsarbetet bedrivs planerat i alla förvaltningar, med mål, ansvariga, tidplan och "
            "uppföljning i årssnurran, i stället för som enskilda insatser.",
            "Vähemmistötyötä tehdään suunnitelmallisesti kaikissa hallinnoissa: tavoitteet, vastuuhenkilöt, "
            "aikataulu ja seuranta vuosikellossa yksittäisten toimien sijaan.",
            "Minority work is planned in every department, with goals, responsible people, a timetable and "
            "follow-up in the yearly wheel, instead of as one-off efforts.",
        ),
        ("information", "delaktighet"),
    ),
    DemoGoal(
        "2",
        (
            "Förankring och gemensamt lärande",
            "Sitoutuminen ja yhteinen oppiminen",
            "Anchoring and shared learning",
        ),
        (
            "Kunskapen om de nationella minoriteterna och deras rättigheter förankras hos förtroendevalda, "
            "chefer och medarbetare; vi lär av varandra, inom kommunen och med andra kommuner.",
            "Tieto kansallisista vähemmistöistä ja niiden oikeuksista juurrutetaan luottamushenkilöihin, "
            "esihenkilöihin ja työntekijöihin; opimme toisiltamme kunnan sisällä ja muiden kuntien kanssa.",
            "Knowledge of the national minorities and their rights takes root among elected representatives, "
            "managers and staff; we learn from each other, within the municipality and with others.",
        ),
        ("utbildning", "information", "kultur"),
    ),
    DemoGoal(
        "3",
        (
            "Delaktighet och inflytande åt båda håll",
            "Osallisuus ja vaikutusmahdollisuudet molempiin suuntiin",
            "Participation and influence both ways",
        ),
        (
            "Minoriteterna har inflytande i frågor som berör dem genom samråd och dialog, och förvaltningarna "
            "återkopplar vad frågorna ledde till.",
            "Vähemmistöillä on vaikutusvaltaa niitä koskevissa asioissa neuvonpidon ja dialogin kautta, ja "
            "hallinnot kertovat, mihin asiat johtivat.",
            "The minorities have influence on matters that concern them through consultation and dialogue, "
            "and the departments report back on what came of them.",
        ),
        ("delaktighet", "barn-och-unga"),
    ),
    DemoGoal(
        "4",
        (
            "Samordnare/processledare leder, möjliggör och följer upp",
            "Koordinaattori/prosessinvetäjä johtaa, mahdollistaa ja seuraa",
            "The coordinator and process leader lead, enable and follow up",
        ),
        (
            "Minoritetssamordnaren och processledaren håller ihop samråd, dialog och arbetsgrupper, stöder "
            "förvaltningskontakterna och följer upp att åtgärderna genomförs.",
            "Vähemmistökoordinaattori ja prosessinvetäjä kokoavat neuvonpidon, dialogin ja työryhmät, tukevat "
            "hallintojen yhteyshenkilöitä ja seuraavat toimenpiteiden toteutumista.",
            "The minority coordinator and the process leader hold consultation, dialogue and working groups "
            "together, support the department contacts and follow up that the actions are carried out.",
        ),
        ("delaktighet", "information"),
    ),
    DemoGoal(
        "5",
        (
            "Fortsatt politiskt engagemang – ansvar och uppföljning",
            "Jatkuva poliittinen sitoutuminen – vastuu ja seuranta",
            "Continued political commitment: responsibility and follow-up",
        ),
        (
            "De förtroendevalda tar ansvar för minoritetspolitiken, följer upp den i samrådsgruppen och "
            "deltar i det nationella politikernätverket.",
            "Luottamushenkilöt kantavat vastuun vähemmistöpolitiikasta, seuraavat sitä neuvonpitoryhmässä ja "
            "osallistuvat kansalliseen poliitikkoverkostoon.",
            "Elected representatives take responsibility for minority policy, follow it up in the "
            "consultation group and take part in the national network of politicians.",
        ),
        ("delaktighet",),
    ),
    DemoGoal(
        "6",
        (
            "Utrullning av det minoritetspolitiska programmet",
            "Vähemmistöpoliittisen ohjelman käyttöönotto",
            "Rolling out the minority policy programme",
        ),
        (
            "Programmet omsätts i verksamhet: språk, skola, äldreomsorg och kultur, med särskild vikt vid "
            "finska i förvaltningsområdet.",
            "Ohjelma muutetaan toiminnaksi: kieli, koulu, vanhustenhuolto ja kulttuuri, erityisesti suomen "
            "kieli hallintoalueella.",
            "The programme is put into practice: language, school, elderly care and culture, with particular "
            "weight on Finnish in the administrative area.",
        ),
        ("sprak", "utbildning", "aldreomsorg", "kultur"),
    ),
    DemoGoal(
        "R1",
        (
            "Samråd med de nationella minoriteterna i frågor som berör dem",
            "Neuvonpito kansallisten vähemmistöjen kanssa niitä koskevissa asioissa",
            "Consultation with the national minorities on matters that concern them",
        ),
        (
            "Kommunen ger minoriteterna möjlighet till inflytande och samråder med dem i frågor som berör dem, "
            "med särskild hänsyn till barns och ungas synpunkter (5 § och 5 b § minoritetslagen).",
            "Kunta antaa vähemmistöille mahdollisuuden vaikuttaa ja neuvottelee niiden kanssa niitä koskevissa "
            "asioissa ottaen erityisesti huomioon lasten ja nuorten näkemykset (vähemmistölain 5 § ja 5 b §).",
            "The municipality gives the minorities influence and consults them on matters that concern them, "
            "with particular regard to children's and young people's views (sections 5 and 5 b of the Act).",
        ),
        ("delaktighet", "information", "barn-och-unga"),
        kind=GoalKind.GUIDELINE,
        adopted_on=dt.date(2019, 12, 16),
    ),
    DemoGoal(
        "R2",
        (
            "Barns och ungas språk och kulturella identitet främjas",
            "Lasten ja nuorten kieltä ja kulttuuri-identiteettiä edistetään",
            "Children's and young people's language and cultural identity are promoted",
        ),
        (
            "Förskola, skola och fritid stöder barn och unga att utveckla sin kulturella identitet och använda "
            "sitt minoritetsspråk (4 § minoritetslagen).",
            "Varhaiskasvatus, koulu ja vapaa-aika tukevat lapsia ja nuoria kehittämään kulttuuri-"
            "identiteettiään ja käyttämään vähemmistökieltään (vähemmistölain 4 §).",
            "Preschool, school and leisure help children and young people to develop their cultural identity "
            "and to use their minority language (section 4 of the Act).",
        ),
        ("barn-och-unga", "sprak", "utbildning", "kultur"),
        kind=GoalKind.GUIDELINE,
        adopted_on=dt.date(2019, 12, 16),
    ),
    DemoGoal(
        "R3",
        (
            "Service och äldreomsorg på finska i förvaltningsområdet",
            "Palvelut ja vanhustenhuolto suomeksi hallintoalueella",
            "Services and elderly care in Finnish in the administrative area",
        ),
        (
            "Den som vill kan använda finska i kontakt med kommunen och få äldreomsorg helt eller delvis på "
            "finska (8 § och 18 § minoritetslagen).",
            "Halukkaat voivat käyttää suomea asioidessaan kunnan kanssa ja saada vanhustenhuoltoa kokonaan "
            "tai osittain suomeksi (vähemmistölain 8 § ja 18 §).",
            "Anyone who wishes can use Finnish with the municipality and receive elderly care wholly or "
            "partly in Finnish (sections 8 and 18 of the Act).",
        ),
        ("aldreomsorg", "sprak", "information"),
        minorities=("sverigefinnar",),
        kind=GoalKind.GUIDELINE,
        adopted_on=dt.date(2019, 12, 16),
    ),
]


@dataclass(frozen=True)
class Update:
    on: Day
    status: str
    progress: int
    text: str


@dataclass(frozen=True)
class DemoAction:
    # None for the political debate, which is named after the year's election (see _debate_title).
    title: Text | None
    description: Text
    department: str
    responsible: str
    starts: Day
    due: Day
    goals: tuple[str, ...]
    minorities: tuple[str, ...]
    public: bool
    updates: tuple[Update, ...]
    # -1 for the previous cycle; a carried-over action is in the current one and started in the one before.
    cycle: int = 0
    carried_over: bool = False
    collaborating: tuple[str, ...] = ()
    # The golden thread, by natural key: (forum slug, title).
    origin_proposal: tuple[str, str] | None = None
    origin_agenda_item: tuple[str, str] | None = None
    origin_commitment: tuple[str, str] | None = None
    # The day the dates above assume the origin proposal was discussed; they move with it.
    follows_proposal_on: Day | None = None


ONGOING, DONE, DELAYED = ActionStatus.ONGOING, ActionStatus.DONE, ActionStatus.DELAYED
PLANNED, CANCELLED = ActionStatus.PLANNED, ActionStatus.CANCELLED
UBF, SAF, KOF, KSF = (
    "forvaltning.ubf@example.org",
    "forvaltning@example.org",
    "forvaltning.kof@example.org",
    "forvaltning.ksf@example.org",
)
SAMRAD = "politiska-samradsgruppen"
SVERIGEFINNAR = "dialog-sverigefinnar"
SCHOOL_GROUP = "arbetsgrupp-modersmal-och-tvasprakig-skola"

HANINGE_DAY = (
    "Kulturinslag från de nationella minoriteterna på Haningedagen",
    "Kansallisten vähemmistöjen kulttuuriohjelmaa Haninge-päivänä",
    "Culture from the national minorities at Haninge Day",
)
HANINGE_DAY_DESCRIPTION = (
    "Scen och tält för minoriteternas musik, mat och hantverk på Haningedagen i augusti, med föreningarna "
    "som värdar.",
    "Lava ja teltta vähemmistöjen musiikille, ruoalle ja käsitöille elokuun Haninge-päivänä, isäntinä "
    "yhdistykset.",
    "A stage and a tent for the minorities' music, food and crafts at Haninge Day in August, hosted by the "
    "associations.",
)

PREVIOUS_CYCLE = [
    DemoAction(
        title=(
            "Tvåspråkig kommunal skolverksamhet startas",
            "Kaksikielinen kunnallinen koulutoiminta käynnistetään",
            "Bilingual municipal schooling is started",
        ),
        description=(
            "En kommunal skola erbjuder undervisning på finska och svenska från förskoleklass, med start "
            "höstterminen. Vårdnadshavare informeras på finska och svenska.",
            "Kunnallinen koulu tarjoaa opetusta suomeksi ja ruotsiksi esiluokasta alkaen syyslukukaudesta "
            "lähtien. Huoltajille tiedotetaan suomeksi ja ruotsiksi.",
            "A municipal school offers teaching in Finnish and Swedish from the preschool class, starting "
            "with the autumn term. Guardians are informed in Finnish and Swedish.",
        ),
        department="UBF",
        responsible=UBF,
        starts=(-1, 1, 15),
        due=(-1, 8, 31),
        goals=("1", "6", "R2"),
        minorities=("sverigefinnar",),
        public=True,
        cycle=-1,
        collaborating=("KSF",),
        updates=(
            Update(
                (-1, 2, 10),
                ONGOING,
                20,
                "Skola och lokaler är valda. Rekrytering av två lärare med finska som modersmål har börjat.",
            ),
            Update(
                (-1, 4, 28),
                ONGOING,
                45,
                "Informationsmöte för vårdnadshavare hölls på finska och svenska; 21 barn är anmälda.",
            ),
            Update((-1, 6, 16), ONGOING, 80, "Båda lärarna är anställda. Läromedel på finska är beställda."),
            Update(
                (-1, 8, 20),
                DONE,
                100,
                "Undervisningen startade den 18 augusti med 19 elever i förskoleklass och årskurs 1.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Finlands självständighetsdag firas tillsammans med föreningarna",
            "Suomen itsenäisyyspäivää juhlitaan yhdessä yhdistysten kanssa",
            "Finland's Independence Day is celebrated with the associations",
        ),
        description=(
            "I traditionen från när vi firade Finland 100 år ordnar kommunen och Haninge finska förening en "
            "fest i kommunhuset den 6 december, med kör, tal och två ljus i fönstren.",
            "Suomi 100 -juhlien perinteen mukaisesti kunta ja Haningen suomalainen yhdistys järjestävät "
            "juhlan kunnantalolla 6. joulukuuta: kuoro, puheita ja kaksi kynttilää ikkunalla.",
            "In the tradition of our Finland 100 celebrations, the municipality and the Haninge Finnish "
            "association hold a celebration in the town hall on 6 December, with a choir, speeches and two "
            "candles in the windows.",
        ),
        department="KOF",
        responsible=KOF,
        starts=(-1, 9, 1),
        due=(-1, 12, 6),
        goals=("2", "3"),
        minorities=("sverigefinnar",),
        public=True,
        cycle=-1,
        collaborating=("KSF",),
        updates=(
            Update(
                (-1, 9, 15),
                ONGOING,
                20,
                "Programmet planeras med Haninge finska förening; sal Poseidon i kommunhuset är bokad.",
            ),
            Update(
                (-1, 11, 3), ONGOING, 60, "Kör och talare är klara. Inbjudan skickad på finska och svenska."
            ),
            Update(
                (-1, 12, 8),
                DONE,
                100,
                "Juhlaan osallistui noin 140 henkilöä. Kiitos yhdistykselle hyvästä yhteistyöstä!",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Sverigefinnarnas dag och romernas dag uppmärksammas",
            "Ruotsinsuomalaisten päivä ja romanien päivä huomioidaan",
            "Sweden Finns' Day and Roma Day are marked",
        ),
        description=(
            "Flaggning, program i biblioteken och information på webben den 24 februari och den 8 april, "
            "planerat tillsammans med dialoggrupperna.",
            "Liputus, ohjelmaa kirjastoissa ja tiedotus verkossa 24. helmikuuta ja 8. huhtikuuta, "
            "suunniteltu yhdessä dialogiryhmien kanssa.",
            "Flags, programmes in the libraries and information on the web on 24 February and 8 April, "
            "planned with the dialogue groups.",
        ),
        department="KOF",
        responsible=KOF,
        starts=(-1, 1, 10),
        due=(-1, 4, 8),
        goals=("2", "3"),
        minorities=("sverigefinnar", "romer"),
        public=True,
        cycle=-1,
        collaborating=("KSF",),
        updates=(
            Update(
                (-1, 1, 20),
                ONGOING,
                20,
                "Programmet för sverigefinnarnas dag är klart: sagostund på finska och utställning i Handens "
                "bibliotek.",
            ),
            Update(
                (-1, 2, 26),
                ONGOING,
                50,
                "Sverigefinnarnas dag genomförd, med flaggning och cirka 60 besökare i biblioteket.",
            ),
            Update(
                (-1, 4, 10),
                DONE,
                100,
                "Romernas dag uppmärksammades med flaggning, musik och en föreläsning i Kulturhuset, "
                "tillsammans med romska rådet.",
            ),
        ),
    ),
    DemoAction(
        title=HANINGE_DAY,
        description=HANINGE_DAY_DESCRIPTION,
        department="KOF",
        responsible=KOF,
        starts=(-1, 3, 1),
        due=(-1, 8, 31),
        goals=("2", "6"),
        minorities=ALL,
        public=True,
        cycle=-1,
        updates=(
            Update(
                (-1, 4, 2),
                ONGOING,
                15,
                "Föreningarna är inbjudna; sverigefinnar, romer och tornedalingar deltar.",
            ),
            Update(
                (-1, 6, 18), ONGOING, 60, "Scenprogrammet är klart, med jojk, finsk tango och romsk musik."
            ),
            Update(
                (-1, 8, 30),
                DONE,
                100,
                "Genomfört. Tältet hade många besökare och föreningarna vill vara med igen nästa år.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Sommarläger på finska för barn och unga",
            "Suomenkielinen kesäleiri lapsille ja nuorille",
            "Finnish-language summer camp for children and young people",
        ),
        description=(
            "Ett veckolångt dagläger på finska under sommarlovet för barn 7–12 år, med språk, lek och kultur.",
            "Viikon mittainen suomenkielinen päiväleiri kesälomalla 7–12-vuotiaille: kieltä, leikkiä ja "
            "kulttuuria.",
            "A week-long Finnish-language day camp in the summer holidays for children aged 7 to 12, with "
            "language, play and culture.",
        ),
        department="KOF",
        responsible=KOF,
        starts=(-1, 2, 1),
        due=(-1, 8, 15),
        goals=("3", "R2"),
        minorities=("sverigefinnar",),
        public=True,
        cycle=-1,
        collaborating=("UBF",),
        updates=(
            Update(
                (-1, 3, 12),
                ONGOING,
                20,
                "Lokal på fritidsgården och två ledare är klara; anmälan öppnar i april.",
            ),
            Update(
                (-1, 5, 20),
                ONGOING,
                35,
                "Bara fem anmälningar när anmälan stängde; anmälningstiden förlängs två veckor.",
            ),
            Update(
                (-1, 6, 9),
                CANCELLED,
                35,
                "Lägret ställs in: sju anmälda barn räcker inte för att bära kostnaden. Pengarna går i stället "
                "till lovaktiviteter på finska under höstlovet, och nästa års planering görs med "
                "dialoggruppen.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Kartläggning av finskspråkig personal inom äldreomsorgen",
            "Suomenkielisen henkilöstön kartoitus vanhustenhuollossa",
            "Survey of Finnish-speaking staff in elderly care",
        ),
        description=(
            "Alla enheter inom äldreomsorgen rapporterar vilka medarbetare som talar finska och hur väl, som "
            "underlag för finskspråkiga avdelningar och hemtjänst på finska.",
            "Kaikki vanhustenhuollon yksiköt ilmoittavat, ketkä työntekijät puhuvat suomea ja kuinka hyvin. "
            "Tieto on pohjana suomenkielisille osastoille ja suomenkieliselle kotipalvelulle.",
            "Every elderly care unit reports which staff speak Finnish and how well, as a basis for "
            "Finnish-language units and home care in Finnish.",
        ),
        department="SÄF",
        responsible=SAF,
        starts=(-1, 2, 1),
        due=(-1, 5, 31),
        goals=("1", "R3"),
        minorities=("sverigefinnar",),
        public=False,
        cycle=-1,
        collaborating=("KSF",),
        updates=(
            Update((-1, 2, 20), ONGOING, 25, "Enkäten är skickad till alla enhetschefer."),
            Update((-1, 4, 15), ONGOING, 70, "Svar har kommit från 14 av 16 enheter."),
            Update(
                (-1, 5, 27),
                DONE,
                100,
                "Klart: 38 medarbetare talar finska, varav 21 flytande. Resultatet är redovisat i "
                "arbetsgruppen för finskspråkig äldreomsorg.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Utbildning om minoritetslagen för chefer och förvaltningskontakter",
            "Vähemmistölakikoulutus esihenkilöille ja hallintojen yhteyshenkilöille",
            "Training on the Minorities Act for managers and department contacts",
        ),
        description=(
            "Två halvdagar om de nationella minoriteternas rättigheter och vad varje förvaltning ska erbjuda "
            "enligt lag, med övningar utifrån verkliga ärenden.",
            "Kaksi puolen päivän koulutusta kansallisten vähemmistöjen oikeuksista ja siitä, mitä kunkin "
            "hallinnon on lain mukaan tarjottava, harjoituksin todellisten tapausten pohjalta.",
            "Two half-days on the national minorities' rights and what each department must offer by law, "
            "with exercises based on real cases.",
        ),
        department="KSF",
        responsible=KSF,
        starts=(-1, 2, 15),
        due=(-1, 11, 30),
        goals=("2", "4"),
        minorities=ALL,
        public=False,
        cycle=-1,
        collaborating=("SÄF", "UBF", "KOF"),
        updates=(
            Update(
                (-1, 3, 10),
                ONGOING,
                20,
                "Upplägget är klart, med stöd av Länsstyrelsen i Stockholms län och Sametinget.",
            ),
            Update((-1, 5, 22), ONGOING, 50, "Första utbildningstillfället hölls med 34 deltagare."),
            Update(
                (-1, 10, 16),
                ONGOING,
                80,
                "Andra tillfället genomfört; i utvärderingen säger 9 av 10 att de fått bättre kunskap om sitt "
                "uppdrag.",
            ),
            Update(
                (-1, 11, 20),
                DONE,
                100,
                "Avslutat. Materialet ligger på intranätet och används när nya chefer introduceras.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Det minoritetspolitiska programmet revideras",
            "Vähemmistöpoliittinen ohjelma päivitetään",
            "The minority policy programme is revised",
        ),
        description=(
            "Programmet ses över efter den reviderade minoritetslagen, i samråd med alla fem minoriteterna, "
            "och lämnas till kommunfullmäktige.",
            "Ohjelma tarkistetaan uudistetun vähemmistölain pohjalta yhdessä kaikkien viiden vähemmistön "
            "kanssa ja viedään kunnanvaltuustoon.",
            "The programme is reviewed after the revised Minorities Act, in consultation with all five "
            "minorities, and put to the municipal council.",
        ),
        department="KSF",
        responsible=KSF,
        starts=(-1, 1, 15),
        due=(-1, 10, 31),
        goals=("1", "5", "6", "R1"),
        minorities=ALL,
        public=True,
        cycle=-1,
        updates=(
            Update((-1, 2, 5), ONGOING, 15, "Ett remissutkast är skickat till dialoggrupperna."),
            Update(
                (-1, 4, 24),
                ONGOING,
                40,
                "Synpunkter har kommit in från alla dialoggrupper och från romska rådet.",
            ),
            Update(
                (-1, 6, 15),
                DELAYED,
                60,
                "Beslutet skjuts till hösten: kommunstyrelsen vill ha ett extra samråd om barn och unga.",
            ),
            Update((-1, 9, 22), ONGOING, 85, "Det extra samrådet är hållet och programmet justerat."),
            Update((-1, 10, 27), DONE, 100, "Kommunfullmäktige antog det reviderade programmet."),
        ),
    ),
]

# The categories the state grant for the Finnish administrative area is accounted in (configuration).
GRANT_CATEGORIES = [
    ("Samordning och administration", "Koordinointi ja hallinto", "Coordination and administration"),
    ("Samråd och delaktighet", "Kuuleminen ja osallisuus", "Consultation and participation"),
    ("Språk och information", "Kieli ja tiedotus", "Language and information"),
    ("Förskola och skola", "Esikoulu ja koulu", "Preschool and school"),
    ("Äldreomsorg", "Vanhustenhuolto", "Elderly care"),
    ("Kultur och fritid", "Kulttuuri ja vapaa-aika", "Culture and leisure"),
]

# (year offset, granted, note); the account is due on 31 March of the following year.
GRANTS = [
    (-1, 1_150_000, "Hela bidraget användes. Samordnartjänsten finansieras till hälften av bidraget."),
    (0, 1_150_000, ""),
]

# (year offset, category, amount, what it was used for, titles of the actions it paid for)
GRANT_USES = [
    (
        -1,
        "Samordning och administration",
        420_000,
        "Halva samordnartjänsten för nationella minoriteter och utbildning om minoritetslagen.",
        ("Utbildning om minoritetslagen för chefer och förvaltningskontakter",),
    ),
    (
        -1,
        "Samråd och delaktighet",
        95_000,
        "Lokaler, fika och tolkning vid samrådsmöten och dialogmöten.",
        ("Det minoritetspolitiska programmet revideras",),
    ),
    (
        -1,
        "Språk och information",
        160_000,
        "Översättning av information till finska och tillgänglig information på webben.",
        (),
    ),
    (
        -1,
        "Förskola och skola",
        210_000,
        "Finskspråkig pedagog i förskolan och material för modersmålsundervisning.",
        ("Tvåspråkig kommunal skolverksamhet startas",),
    ),
    (
        -1,
        "Äldreomsorg",
        140_000,
        "Kartläggning av finskspråkig personal och språkstöd i äldreomsorgen.",
        ("Kartläggning av finskspråkig personal inom äldreomsorgen",),
    ),
    (
        -1,
        "Kultur och fritid",
        125_000,
        "Sommarläger på finska, Sverigefinnarnas dag och Finlands självständighetsdag.",
        (
            "Sommarläger på finska för barn och unga",
            "Finlands självständighetsdag firas tillsammans med föreningarna",
        ),
    ),
    (
        0,
        "Samordning och administration",
        430_000,
        "Halva samordnartjänsten för nationella minoriteter.",
        (),
    ),
    (
        0,
        "Äldreomsorg",
        180_000,
        "Hemtjänst på finska: språkutbildning för personal.",
        ("Hemtjänst på finska för den som vill",),
    ),
    (
        0,
        "Språk och information",
        65_000,
        "Skyltar och broschyrer på finska.",
        ("Skyltar på finska i kommunhusets reception",),
    ),
]

CURRENT_CYCLE = [
    DemoAction(
        title=(
            "Modersmålsundervisningen förstärks och utökas",
            "Äidinkielen opetusta vahvistetaan ja laajennetaan",
            "Mother-tongue tuition is strengthened and extended",
        ),
        description=(
            "Fler elever ska få modersmålsundervisning i de nationella minoritetsspråken: fler lärare, "
            "undervisning på skoltid och fjärrundervisning i samiska, meänkieli och jiddisch.",
            "Useamman oppilaan tulee saada äidinkielen opetusta kansallisilla vähemmistökielillä: lisää "
            "opettajia, opetusta koulupäivän aikana ja etäopetusta saameksi, meänkielellä ja jiddišiksi.",
            "More pupils are to receive mother-tongue tuition in the national minority languages: more "
            "teachers, lessons in school hours and remote teaching in Sami, Meänkieli and Yiddish.",
        ),
        department="UBF",
        responsible=UBF,
        starts=(-1, 5, 1),
        due=(0, 12, 31),
        goals=("6", "R2"),
        minorities=ALL,
        public=True,
        carried_over=True,
        origin_agenda_item=(SCHOOL_GROUP, "Modersmålslärare: rekrytering"),
        updates=(
            Update((-1, 6, 10), ONGOING, 15, "Två modersmålslärare i finska är rekryterade till hösten."),
            Update(
                (-1, 10, 14),
                ONGOING,
                35,
                "Fjärrundervisning i nordsamiska och meänkieli har startat för sex elever.",
            ),
            Update(
                (-1, 12, 12),
                ONGOING,
                45,
                "Åtgärden förs över till nästa år: undervisning på skoltid går ännu inte att ordna på alla "
                "skolor.",
            ),
            Update((0, 3, 18), ONGOING, 60, "Modersmål ligger nu på skoltid på fyra av sju högstadieskolor."),
            Update(
                (0, 9, 8),
                ONGOING,
                70,
                "Läsåret startade med 186 elever i finska och 14 i de övriga minoritetsspråken.",
            ),
            Update(
                (0, 11, 10),
                ONGOING,
                75,
                "En lärare i jiddisch söks; vårdnadshavare har anmält intresse för fyra elever.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Finskspråkiga avdelningar inom särskilt boende i egen regi",
            "Suomenkielisiä osastoja kunnan omiin erityisasumisen yksiköihin",
            "Finnish-language units in the municipality's own residential care",
        ),
        description=(
            "Äldreförvaltningen inrättar finskspråkiga avdelningar inom särskilt boende i egen regi, där "
            "personal och aktiviteter är på finska.",
            "Vanhushuolto perustaa suomenkielisiä osastoja kunnan omiin erityisasumisen yksiköihin, joissa "
            "henkilökunta ja toiminta ovat suomenkielisiä.",
            "Elderly care sets up Finnish-language units in the municipality's own residential care, where "
            "staff and activities are in Finnish.",
        ),
        department="SÄF",
        responsible=SAF,
        starts=(-1, 6, 1),
        due=(0, 6, 30),
        goals=("1", "6", "R3"),
        minorities=("sverigefinnar",),
        public=True,
        carried_over=True,
        collaborating=("KSF",),
        updates=(
            Update(
                (-1, 6, 20),
                ONGOING,
                10,
                "Kartläggningen visar att en avdelning kan bemannas med finsktalande personal.",
            ),
            Update((-1, 9, 25), ONGOING, 25, "En lokal på ett av boendena föreslås; den behöver byggas om."),
            Update(
                (-1, 12, 10),
                DELAYED,
                30,
                "Ombyggnaden ryms inte i årets budget. Åtgärden förs över till nästa år med nytt slutdatum "
                "den 30 juni.",
            ),
            Update(
                (0, 2, 26),
                DELAYED,
                35,
                "Kommunstyrelsen har beviljat pengar till ombyggnaden. En enhetschef som talar finska söks.",
            ),
            Update(
                (0, 6, 11),
                DELAYED,
                40,
                "Ombyggnaden är försenad av leveransproblem; inflyttning beräknas till tidig vår nästa år.",
            ),
            Update(
                (0, 9, 29),
                DELAYED,
                45,
                "Sedan september erbjuds sex platser på finska på en befintlig avdelning, som "
                "övergångslösning.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Minoriteternas högtidsdagar uppmärksammas under året",
            "Vähemmistöjen juhlapäivät huomioidaan vuoden aikana",
            "The minorities' national days are marked through the year",
        ),
        description=(
            "Flaggning, program och information på minoritetsspråken på Förintelsens minnesdag, samernas "
            "nationaldag, sverigefinnarnas dag, romernas dag och tornedalingarnas dag.",
            "Liputus, ohjelmaa ja tiedotusta vähemmistökielillä holokaustin muistopäivänä, saamelaisten "
            "kansallispäivänä, ruotsinsuomalaisten päivänä, romanien päivänä ja tornionlaaksolaisten päivänä.",
            "Flags, programmes and information in the minority languages on Holocaust Remembrance Day, Sami "
            "National Day, Sweden Finns' Day, Roma Day and Tornedalians' Day.",
        ),
        department="KOF",
        responsible=KOF,
        starts=(0, 1, 8),
        due=(0, 7, 15),
        goals=("2", "3"),
        minorities=ALL,
        public=True,
        collaborating=("KSF",),
        updates=(
            Update(
                (0, 1, 28),
                ONGOING,
                20,
                "Förintelsens minnesdag uppmärksammades med ljuständning och en föreläsning tillsammans med "
                "judiska församlingen.",
            ),
            Update(
                (0, 2, 25),
                ONGOING,
                45,
                "Samernas nationaldag och sverigefinnarnas dag genomförda, med jojkkonsert och sagostunder på "
                "finska.",
            ),
            Update(
                (0, 4, 9), ONGOING, 70, "Romernas dag firades med musik och en utställning i Kulturhuset."
            ),
            Update(
                (0, 7, 16),
                DONE,
                100,
                "Tornedalingarnas dag avslutade årets högtidsdagar, med litteratur på meänkieli i biblioteken.",
            ),
        ),
    ),
    DemoAction(
        title=HANINGE_DAY,
        description=HANINGE_DAY_DESCRIPTION,
        department="KOF",
        responsible=KOF,
        starts=(0, 3, 1),
        due=(0, 8, 31),
        goals=("2", "6"),
        minorities=ALL,
        public=True,
        updates=(
            Update(
                (0, 3, 20),
                ONGOING,
                10,
                "Inbjudan till föreningarna är skickad; i år deltar även judiska församlingen.",
            ),
            Update((0, 6, 12), ONGOING, 55, "Programmet är klart, med sång på jiddisch för första gången."),
            Update(
                (0, 8, 31),
                DONE,
                100,
                "Genomfört i strålande väder; omkring 900 besökare i minoriteternas tält.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Information om minoriteternas rättigheter på minoritetsspråken",
            "Tietoa vähemmistöjen oikeuksista vähemmistökielillä",
            "Information on the minorities' rights in the minority languages",
        ),
        description=(
            "Kommunens webbsidor om de nationella minoriteternas rättigheter översätts till alla "
            "minoritetsspråk och kompletteras med en broschyr.",
            "Kunnan verkkosivut kansallisten vähemmistöjen oikeuksista käännetään kaikille vähemmistökielille, "
            "ja lisäksi tehdään esite.",
            "The municipality's web pages on the national minorities' rights are translated into every "
            "minority language and complemented by a leaflet.",
        ),
        department="KSF",
        responsible=KSF,
        starts=(0, 12, 1),
        due=(1, 3, 31),
        goals=("3", "6", "R1"),
        minorities=ALL,
        public=False,
        updates=(
            Update(
                (0, 9, 3),
                PLANNED,
                0,
                "Uppdraget ligger hos kommunikationsenheten. Översättningen görs när webbplatsen har bytt "
                "publiceringsverktyg i november.",
            ),
            Update(
                (0, 11, 12),
                PLANNED,
                5,
                "Offerter är begärda från två översättningsbyråer; dialoggrupperna granskar texterna.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Romsk kulturhistoria i skolbiblioteken",
            "Romanien kulttuurihistoriaa koulukirjastoihin",
            "Roma cultural history in the school libraries",
        ),
        description=(
            "Biblioteken köper in barn- och ungdomsböcker om romsk historia och kultur, också på romani chib, "
            "och lånar ut dem till skolbiblioteken som en vandrande boklåda.",
            "Kirjastot hankkivat lasten- ja nuortenkirjoja romanien historiasta ja kulttuurista, myös "
            "romanikielellä, ja lainaavat niitä koulukirjastoille kiertävänä kirjalaatikkona.",
            "The libraries buy children's and young people's books on Roma history and culture, also in "
            "Romani, and lend them to the school libraries as a travelling book box.",
        ),
        department="KOF",
        responsible=KOF,
        starts=(0, 4, 14),
        due=(0, 6, 30),
        goals=("3", "R2"),
        minorities=("romer",),
        public=True,
        collaborating=("UBF",),
        origin_commitment=("dialog-romer", "Romsk kulturhistoria i skolbiblioteken"),
        updates=(
            Update((0, 4, 20), ONGOING, 30, "Boklistan är framtagen tillsammans med romska rådet."),
            Update((0, 5, 2), ONGOING, 80, "40 titlar är inköpta, varav tolv på romani chib."),
            Update(
                (0, 6, 12),
                DONE,
                100,
                "Boklådan har besökt de tre första skolorna och vandrar vidare under hösten.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Hemtjänst på finska för den som vill",
            "Suomenkielistä kotipalvelua sitä haluaville",
            "Home care in Finnish for those who want it",
        ),
        description=(
            "Biståndshandläggarna frågar alltid om den enskilde vill ha hemtjänst på finska, och finsktalande "
            "personal planeras så att de når dem som önskat det.",
            "Avustuskäsittelijät kysyvät aina, haluaako asiakas kotipalvelua suomeksi, ja suomea puhuvan "
            "henkilökunnan työvuorot suunnitellaan niin, että he tavoittavat sitä toivoneet.",
            "Needs assessors always ask whether the person wants home care in Finnish, and Finnish-speaking "
            "staff are scheduled to reach those who asked for it.",
        ),
        department="SÄF",
        responsible=SAF,
        starts=(0, 4, 1),
        due=(0, 12, 31),
        goals=("3", "6", "R3"),
        minorities=("sverigefinnar",),
        public=True,
        collaborating=("KSF",),
        origin_commitment=(SVERIGEFINNAR, "Finskspråkig personal inom hemtjänsten"),
        updates=(
            Update(
                (0, 4, 22),
                ONGOING,
                15,
                "Avustuskäsittelijöiden lomakkeeseen on lisätty kysymys kotipalvelun kielestä.",
            ),
            Update(
                (0, 6, 3),
                ONGOING,
                35,
                "Suomea puhuva henkilökunta on kartoitettu: yksitoista työntekijää kolmella alueella neljästä.",
            ),
            Update(
                (0, 9, 9),
                ONGOING,
                55,
                "Rekrytointi-ilmoituksissa suomen kieli mainitaan nyt eduksi. Kaksi uutta suomea puhuvaa "
                "työntekijää on aloittanut.",
            ),
            Update(
                (0, 11, 4),
                ONGOING,
                65,
                "24 asiakasta saa nyt kotipalvelua kokonaan tai osittain suomeksi.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Mer tid för modersmål i finska på högstadiet",
            "Lisää aikaa suomen kielen äidinkielen opetukselle yläkoulussa",
            "More time for Finnish mother-tongue tuition in lower secondary school",
        ),
        description=(
            "Utbildningsförvaltningen ser över hur många timmar modersmål i finska högstadieeleverna får och "
            "föreslår en gemensam lägsta nivå för alla skolor.",
            "Opetushallinto selvittää, kuinka monta tuntia suomen kielen äidinkielen opetusta yläkoululaiset "
            "saavat, ja ehdottaa kaikille kouluille yhteistä vähimmäistasoa.",
            "The education department reviews how many hours of Finnish mother-tongue tuition lower "
            "secondary pupils get and proposes a common minimum for all schools.",
        ),
        department="UBF",
        responsible=UBF,
        starts=(0, 10, 20),
        due=(1, 6, 15),
        goals=("3", "6", "R2"),
        minorities=("sverigefinnar",),
        public=True,
        origin_proposal=(SVERIGEFINNAR, "Modersmålsundervisning i finska på högstadiet"),
        follows_proposal_on=(0, 10, 8),
        updates=(
            Update(
                (0, 10, 22),
                PLANNED,
                0,
                "Förslaget från dialoggruppen är mottaget; en genomgång av högstadieskolornas timplaner "
                "planeras.",
            ),
            Update(
                (0, 11, 18),
                ONGOING,
                10,
                "Rektorerna på högstadieskolorna har lämnat uppgifter om timmar per elev och vecka.",
            ),
        ),
    ),
    DemoAction(
        title=None,
        description=(
            "Partierna i kommunfullmäktige möter minoriteternas föreningar i en öppen debatt om "
            "minoritetspolitiken, efter förebild av valdebatten 2018.",
            "Kunnanvaltuuston puolueet kohtaavat vähemmistöjen yhdistykset avoimessa keskustelussa "
            "vähemmistöpolitiikasta vuoden 2018 vaaliväittelyn mallin mukaan.",
            "The parties of the municipal council meet the minorities' associations in an open debate on "
            "minority policy, modelled on the 2018 election debate.",
        ),
        department="KSF",
        responsible=KSF,
        starts=(0, 5, 15),
        due=(0, 9, 5),
        goals=("3", "5"),
        minorities=ALL,
        public=True,
        collaborating=("KOF",),
        updates=(
            Update(
                (0, 5, 27),
                ONGOING,
                20,
                "Alla partier i fullmäktige har tackat ja. Handens bibliotek är bokat den 1 september.",
            ),
            Update(
                (0, 8, 18),
                ONGOING,
                70,
                "Föreningarnas frågor är insamlade, moderatorn är klar och tolkning till finska är ordnad.",
            ),
            Update(
                (0, 9, 2),
                DONE,
                100,
                "Debatten hade omkring 120 åhörare och sändes på webben. Frågor och svar publiceras på finska "
                "och svenska.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Information på finska om äldreomsorgen till äldre och anhöriga",
            "Tietoa vanhustenhuollosta suomeksi ikääntyneille ja omaisille",
            "Information in Finnish on elderly care for older people and their families",
        ),
        description=(
            "En broschyr och webbsidor på finska om rätten till äldreomsorg på finska, hur man ansöker och "
            "vilka boenden som har finsktalande personal.",
            "Suomenkielinen esite ja verkkosivut oikeudesta suomenkieliseen vanhustenhuoltoon, sen hakemisesta "
            "ja siitä, missä asumisyksiköissä on suomea puhuvaa henkilökuntaa.",
            "A leaflet and web pages in Finnish on the right to elderly care in Finnish, how to apply and "
            "which homes have Finnish-speaking staff.",
        ),
        department="SÄF",
        responsible=SAF,
        starts=(0, 6, 1),
        due=(0, 12, 31),
        goals=("6", "R3"),
        minorities=("sverigefinnar",),
        public=True,
        collaborating=("KSF",),
        origin_agenda_item=(SAMRAD, "Finskspråkig äldreomsorg: lägesrapport från SÄF"),
        updates=(
            Update((0, 6, 16), ONGOING, 20, "Texterna är skrivna på svenska och skickade för översättning."),
            Update(
                (0, 8, 4),
                ONGOING,
                40,
                "Översättningen är klar; Haninge finska förening granskar texterna.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Minoritetsarbetet in i förvaltningarnas verksamhetsplaner",
            "Vähemmistötyö hallintojen toimintasuunnitelmiin",
            "Minority work in the departments' operational plans",
        ),
        description=(
            "Varje förvaltning skriver in sina åtgärder för de nationella minoriteterna i verksamhetsplanen, "
            "så att de följs upp i den ordinarie uppföljningen och i årssnurran.",
            "Jokainen hallinto kirjaa kansallisia vähemmistöjä koskevat toimenpiteensä "
            "toimintasuunnitelmaansa, jotta niitä seurataan tavallisessa seurannassa ja vuosikellossa.",
            "Each department writes its actions for the national minorities into its operational plan, so "
            "that they are followed up in the regular follow-up and in the yearly wheel.",
        ),
        department="KSF",
        responsible=KSF,
        starts=(0, 3, 1),
        due=(0, 9, 30),
        goals=("1", "4", "5"),
        minorities=ALL,
        public=False,
        collaborating=("SÄF", "UBF", "KOF"),
        origin_agenda_item=(SAMRAD, "Minoritetspolitiska programmet: uppföljning av målen"),
        updates=(
            Update(
                (0, 3, 16),
                ONGOING,
                15,
                "En mall för minoritetsavsnittet i verksamhetsplanen är skickad till förvaltningarna.",
            ),
            Update((0, 5, 25), ONGOING, 40, "UBF och KOF har lämnat sina utkast."),
            Update((0, 9, 22), ONGOING, 55, "SÄF:s utkast saknas fortfarande; samordnaren har påmint."),
            Update(
                (0, 10, 27),
                ONGOING,
                65,
                "SÄF lämnar sitt avsnitt i december, efter slutdatum; övriga förvaltningar är klara.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Haninge i det nationella politikernätverket för minoritetspolitik",
            "Haninge kansallisessa vähemmistöpolitiikan poliitikkoverkostossa",
            "Haninge in the national network of politicians for minority policy",
        ),
        description=(
            "Nätverket startades i Haninge 2016 och har sedan mötts i Eskilstuna, Sundsvall, Borås och "
            "Västerås. Haninges förtroendevalda deltar och verkar för att fler kommuner och regioner "
            "engagerar sig.",
            "Verkosto perustettiin Haningessa vuonna 2016, ja se on sittemmin kokoontunut Eskilstunassa, "
            "Sundsvallissa, Boråsissa ja Västeråsissa. Haningen luottamushenkilöt osallistuvat ja kannustavat "
            "useampia kuntia ja alueita mukaan.",
            "The network was started in Haninge in 2016 and has since met in Eskilstuna, Sundsvall, Borås and "
            "Västerås. Haninge's elected representatives take part and encourage more municipalities and "
            "regions to join.",
        ),
        department="KSF",
        responsible=KSF,
        starts=(0, 2, 1),
        due=(0, 12, 31),
        goals=("2", "5"),
        minorities=ALL,
        public=True,
        updates=(
            Update(
                (0, 2, 20),
                ONGOING,
                15,
                "Samrådsgruppens ordförande och en ledamot är anmälda till årets nätverksträff.",
            ),
            Update(
                (0, 6, 9),
                ONGOING,
                35,
                "Nätverksträffen är genomförd; Haninge presenterade samrådsmodellen och årssnurran.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Språkcafé på meänkieli i Handens bibliotek",
            "Meänkielinen kielikahvila Handenin kirjastossa",
            "Meänkieli language café at Handen library",
        ),
        description=(
            "Ett språkcafé varannan vecka för den som vill prata, lära sig eller ta tillbaka meänkieli, "
            "tillsammans med STR-T Stockholm.",
            "Joka toinen viikko kokoontuva kielikahvila niille, jotka haluavat puhua, oppia tai ottaa takaisin "
            "meänkielen, yhdessä STR-T Tukholman kanssa.",
            "A fortnightly language café for anyone who wants to speak, learn or reclaim Meänkieli, together "
            "with STR-T Stockholm.",
        ),
        department="KOF",
        responsible=KOF,
        starts=(0, 2, 1),
        due=(0, 6, 15),
        goals=("3", "6"),
        minorities=("tornedalingar",),
        public=True,
        updates=(
            Update(
                (0, 2, 18),
                ONGOING,
                20,
                "En lokal i biblioteket är bokad; STR-T Stockholm söker en cirkelledare.",
            ),
            Update((0, 4, 15), DELAYED, 25, "Ingen cirkelledare är hittad ännu; starten skjuts till maj."),
            Update(
                (0, 5, 20),
                CANCELLED,
                25,
                "Språkcaféet ställs in i år: ingen cirkelledare gick att rekrytera. STR-T Stockholm och "
                "biblioteket prövar digitala träffar i stället, och de tas med i nästa års planering.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Skyltar på finska i kommunhusets reception",
            "Suomenkieliset opasteet kunnantalon vastaanottoon",
            "Signs in Finnish at the town hall reception",
        ),
        description=(
            "Receptionen och självbetjäningen i kommunhuset får skyltar och skärmtexter på finska, som "
            "förvaltningsområdet kräver.",
            "Kunnantalon vastaanotto ja itsepalvelu saavat suomenkieliset opasteet ja näyttötekstit, kuten "
            "hallintoalue edellyttää.",
            "The town hall reception and self-service get signs and screen texts in Finnish, as the "
            "administrative area requires.",
        ),
        department="KSF",
        responsible=KSF,
        starts=(0, 11, 1),
        due=(1, 2, 28),
        goals=("6", "R3"),
        minorities=("sverigefinnar",),
        public=True,
        origin_commitment=(SVERIGEFINNAR, "Skyltning på finska i kommunhusets reception"),
        updates=(
            Update(
                (0, 4, 10), PLANNED, 0, "Behovet är inventerat: fyra skyltar och två skärmar i receptionen."
            ),
            Update(
                (0, 10, 20),
                PLANNED,
                10,
                "Texterna är översatta; skyltarna beställs när kommunhusets nya skyltprogram är klart.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Lovaktiviteter på minoritetsspråk för barn och unga",
            "Loma-ajan toimintaa vähemmistökielillä lapsille ja nuorille",
            "Holiday activities in minority languages for children and young people",
        ),
        description=(
            "Under sport-, sommar- och höstlovet ordnas aktiviteter på finska och meänkieli: teater, pyssel "
            "och utflykter.",
            "Hiihto-, kesä- ja syyslomalla järjestetään toimintaa suomeksi ja meänkielellä: teatteria, "
            "askartelua ja retkiä.",
            "During the winter, summer and autumn holidays there are activities in Finnish and Meänkieli: "
            "theatre, crafts and outings.",
        ),
        department="KOF",
        responsible=KOF,
        starts=(0, 2, 1),
        due=(0, 11, 6),
        goals=("3", "R2"),
        minorities=("sverigefinnar", "tornedalingar"),
        public=True,
        collaborating=("UBF",),
        updates=(
            Update((0, 2, 27), ONGOING, 25, "Sportlovet: teaterverkstad på finska med 16 barn."),
            Update(
                (0, 7, 3),
                ONGOING,
                55,
                "Sommarlovets utflykter på finska och meänkieli är bokade; 28 barn är anmälda.",
            ),
            Update((0, 8, 20), ONGOING, 75, "Sommarlovets aktiviteter är genomförda."),
            Update(
                (0, 11, 6),
                DONE,
                100,
                "Höstlovets pyssel- och sagodagar på finska avslutade årets lovaktiviteter; 74 barn deltog "
                "under året.",
            ),
        ),
    ),
    DemoAction(
        title=(
            "Information om förskola på finska skickas med köbeskedet",
            "Tieto suomenkielisestä varhaiskasvatuksesta lähetetään jonoilmoituksen mukana",
            "Information on Finnish-language preschool is sent with the queue notice",
        ),
        description=(
            "Vårdnadshavare får information på finska och svenska om rätten till förskola helt eller delvis "
            "på finska när barnet ställs i kö.",
            "Huoltajat saavat tietoa suomeksi ja ruotsiksi oikeudesta kokonaan tai osittain suomenkieliseen "
            "varhaiskasvatukseen, kun lapsi asetetaan jonoon.",
            "Guardians receive information in Finnish and Swedish on the right to preschool wholly or partly "
            "in Finnish when their child is put in the queue.",
        ),
        department="UBF",
        responsible=UBF,
        starts=(0, 3, 20),
        due=(0, 8, 31),
        goals=("3", "6", "R2"),
        minorities=("sverigefinnar",),
        public=True,
        collaborating=("KSF",),
        origin_commitment=(SVERIGEFINNAR, "Information om rätten till förskola på finska"),
        updates=(
            Update(
                (0, 4, 8), ONGOING, 20, "Texten om rätten till förskola på finska är skriven och översätts."
            ),
            Update(
                (0, 6, 24),
                ONGOING,
                40,
                "Översättningen är klar. E-tjänsten för förskolekön måste ändras av leverantören.",
            ),
            Update(
                (0, 9, 15),
                DELAYED,
                50,
                "Leverantören kan ändra e-tjänsten först i januari. Till dess skickas informationen som brev.",
            ),
            Update(
                (0, 11, 16),
                DELAYED,
                60,
                "Brevet har gått ut till 35 familjer som ställt barn i kö sedan september.",
            ),
        ),
    ),
]


@dataclass(frozen=True)
class DemoIndicator:
    name: Text
    description: Text
    unit: Text
    baseline: str
    baseline_on: Day
    target: str
    target_on: Day
    goals: tuple[str, ...]
    minorities: tuple[str, ...]
    recorded_by: str
    # (day, value, note); or, for a monthly series, the first month's value and a step per month.
    values: tuple[tuple[Day, str, str], ...] = ()
    monthly: tuple[str, str] | None = None


QUARTERS = [(3, 31), (6, 30), (9, 30), (12, 31)]


def _quarterly(*values: str, notes: dict[int, str] | None = None) -> tuple[tuple[Day, str, str], ...]:
    """Values at the end of each quarter from the first of the previous year on."""
    notes = notes or {}
    days = [(offset, m, d) for offset in (-1, 0) for m, d in QUARTERS]
    return tuple(
        (day, value, notes.get(i, "")) for i, (day, value) in enumerate(zip(days, values, strict=False))
    )


INDICATORS = [
    DemoIndicator(
        name=(
            "Elever i modersmålsundervisning i finska",
            "Suomen kielen äidinkielen opetukseen osallistuvat oppilaat",
            "Pupils in Finnish mother-tongue tuition",
        ),
        description=(
            "Antal elever i grundskola och gymnasium som deltar i modersmålsundervisning i finska.",
            "Suomen kielen äidinkielen opetukseen osallistuvien perus- ja lukio-oppilaiden määrä.",
            "Number of pupils in compulsory and upper secondary school taking Finnish mother-tongue tuition.",
        ),
        unit=("elever", "oppilasta", "pupils"),
        baseline="142",
        baseline_on=(-1, 1, 1),
        target="200",
        target_on=(0, 12, 31),
        goals=("6", "R2"),
        minorities=("sverigefinnar",),
        recorded_by=UBF,
        values=_quarterly(
            "148", "151", "163", "165", "171", "172", "186", "188", notes={2: "Nytt läsår.", 6: "Nytt läsår."}
        ),
    ),
    DemoIndicator(
        name=(
            "Elever i den tvåspråkiga skolverksamheten",
            "Kaksikielisen koulutoiminnan oppilaat",
            "Pupils in the bilingual school",
        ),
        description=(
            "Antal elever som undervisas på finska och svenska i den kommunala tvåspråkiga skolverksamheten.",
            "Kunnallisessa kaksikielisessä koulutoiminnassa suomeksi ja ruotsiksi opiskelevien oppilaiden "
            "määrä.",
            "Number of pupils taught in Finnish and Swedish in the municipal bilingual school.",
        ),
        unit=("elever", "oppilasta", "pupils"),
        baseline="0",
        baseline_on=(-1, 6, 30),
        target="60",
        target_on=(1, 8, 31),
        goals=("6", "R2"),
        minorities=("sverigefinnar",),
        recorded_by=UBF,
        values=(
            ((-1, 9, 30), "19", "Skolan startade i augusti."),
            ((-1, 12, 31), "19", ""),
            ((0, 3, 31), "20", ""),
            ((0, 6, 30), "20", ""),
            ((0, 9, 30), "37", "Ny förskoleklass och årskurs 2."),
            ((0, 12, 31), "38", ""),
        ),
    ),
    DemoIndicator(
        name=(
            "Platser på finskspråkig avdelning inom särskilt boende",
            "Paikat suomenkielisillä erityisasumisen osastoilla",
            "Places in Finnish-language residential care units",
        ),
        description=(
            "Antal platser inom särskilt boende där omsorgen ges på finska.",
            "Niiden erityisasumisen paikkojen määrä, joissa hoito annetaan suomeksi.",
            "Number of places in residential care where care is given in Finnish.",
        ),
        unit=("platser", "paikkaa", "places"),
        baseline="0",
        baseline_on=(-1, 1, 1),
        target="24",
        target_on=(1, 6, 30),
        goals=("6", "R3"),
        minorities=("sverigefinnar",),
        recorded_by=SAF,
        values=_quarterly(
            "0", "0", "0", "0", "0", "0", "6", "6", notes={6: "Övergångslösning på en befintlig avdelning."}
        ),
    ),
    DemoIndicator(
        name=(
            "Evenemang på minoriteternas högtidsdagar",
            "Tapahtumat vähemmistöjen juhlapäivinä",
            "Events on the minorities' national days",
        ),
        description=(
            "Antal evenemang som kommunen ordnat eller stött på minoriteternas högtidsdagar, de senaste tolv "
            "månaderna.",
            "Kunnan järjestämien tai tukemien tapahtumien määrä vähemmistöjen juhlapäivinä viimeisten "
            "kahdentoista kuukauden aikana.",
            "Number of events the municipality held or supported on the minorities' national days, over the "
            "last twelve months.",
        ),
        unit=("evenemang", "tapahtumaa", "events"),
        baseline="4",
        baseline_on=(-1, 1, 1),
        target="12",
        target_on=(0, 12, 31),
        goals=("2", "3"),
        minorities=ALL,
        recorded_by=KOF,
        values=_quarterly("5", "6", "6", "7", "8", "9", "10", "10"),
    ),
    DemoIndicator(
        name=(
            "Andel informationssidor som finns på finska",
            "Suomeksi saatavilla olevien tietosivujen osuus",
            "Share of information pages available in Finnish",
        ),
        description=(
            "Andel av kommunens webbsidor med information till invånarna som också finns på finska.",
            "Se osuus kunnan asukkaille tarkoitetuista tietosivuista, joka on saatavilla myös suomeksi.",
            "Share of the municipality's information pages for residents that are also available in Finnish.",
        ),
        unit=("procent", "prosenttia", "per cent"),
        baseline="12",
        baseline_on=(-1, 1, 1),
        target="50",
        target_on=(1, 12, 31),
        goals=("6", "R3"),
        minorities=("sverigefinnar",),
        recorded_by=KSF,
        monthly=("12.5", "1.2"),
    ),
    DemoIndicator(
        name=(
            "Samråds- och dialogmöten som hållits",
            "Pidetyt neuvonpito- ja dialogikokoukset",
            "Consultation and dialogue meetings held",
        ),
        description=(
            "Antal hållna möten i samrådsgruppen och minoriteternas dialoggrupper, de senaste tolv månaderna.",
            "Neuvonpitoryhmän ja vähemmistöjen dialogiryhmien pidettyjen kokousten määrä viimeisten "
            "kahdentoista kuukauden aikana.",
            "Number of meetings held by the consultation group and the minorities' dialogue groups, over the "
            "last twelve months.",
        ),
        unit=("möten", "kokousta", "meetings"),
        baseline="14",
        baseline_on=(-1, 1, 1),
        target="24",
        target_on=(0, 12, 31),
        goals=("1", "3", "R1"),
        minorities=ALL,
        recorded_by="samordnare@example.org",
        values=_quarterly("15", "17", "18", "19", "20", "21", "22", "23"),
    ),
]

# A little unevenness, so that a monthly series looks measured rather than drawn with a ruler.
WOBBLE = [Decimal("0"), Decimal("0.4"), Decimal("-0.3"), Decimal("0.2")]


def build_followup_demo(today: dt.date) -> dict:
    """Create or update the wheel's demo data; with the same day, a second run writes nothing."""
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        return _build(today)


def _names(sv: str, fi: str, en: str, field: str, *, keyed: bool = False) -> dict:
    """The field in the three languages; `keyed` leaves out the Swedish one when it is the lookup."""
    names = {field: sv, f"{field}_fi": fi, f"{field}_en": en}
    return names if keyed else {**names, f"{field}_sv": sv}


def _day(year: int, day: Day) -> dt.date:
    offset, month, number = day
    return dt.date(year + offset, month, number)


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=STOCKHOLM)


def _build(today: dt.date) -> dict:
    year = today.year
    cycles = _build_cycles(year)
    themes = _build_themes()
    minorities = {m.slug: m for m in NationalMinority.objects.all()}
    goals = _build_goals(themes, minorities)
    departments = {d.code: d for d in Department.objects.all()}
    people = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    context = {
        "today": today,
        "cycles": cycles,
        "goals": goals,
        "minorities": minorities,
        "departments": departments,
        "people": people,
    }
    actions = [
        _build_action(spec, context)
        for spec in [*PREVIOUS_CYCLE, *CURRENT_CYCLE]
        if spec.department in departments
    ]
    indicators = [_build_indicator(spec, context) for spec in INDICATORS]
    grants = _build_grants(year)
    return {
        "grants": grants,
        "cycles": list(cycles.values()),
        "goals": list(goals.values()),
        "actions": [a for a in actions if a is not None],
        "indicators": indicators,
    }


def _build_cycles(year: int) -> dict[int, Cycle]:
    cycles = {}
    for offset in (-1, 0):
        cycle_year = year + offset
        cycles[offset], _ = upsert(
            Cycle,
            year=cycle_year,
            defaults={
                **_names(
                    f"Årssnurra {cycle_year}",
                    f"Vuosikello {cycle_year}",
                    f"Yearly wheel {cycle_year}",
                    "title",
                ),
                "starts_on": dt.date(cycle_year, 1, 1),
                "ends_on": dt.date(cycle_year, 12, 31),
            },
        )
        for kind, (m0, d0), (m1, d1) in PHASE_DATES:
            upsert(
                Phase,
                cycle=cycles[offset],
                kind=kind,
                defaults={"starts_on": dt.date(cycle_year, m0, d0), "ends_on": dt.date(cycle_year, m1, d1)},
            )
    return cycles


def _build_themes() -> dict[str, Theme]:
    themes = {}
    for position, (slug, sv, fi, en) in enumerate(THEMES, start=1):
        themes[slug], _ = upsert(
            Theme, slug=slug, defaults={**_names(sv, fi, en, "name"), "position": position}
        )
    return themes


def _build_goals(themes: dict[str, Theme], minorities: dict[str, NationalMinority]) -> dict[str, Goal]:
    goals = {}
    for spec in GOALS:
        goal, _ = upsert(
            Goal,
            code=spec.code,
            defaults={
                **_names(*spec.title, "title"),
                **_names(*spec.description, "description"),
                "kind": spec.kind,
                "adopted_on": spec.adopted_on,
            },
        )
        goal.themes.set([themes[slug] for slug in spec.themes])
        goal.minorities.set([minorities[slug] for slug in spec.minorities if slug in minorities])
        goals[spec.code] = goal
    return goals


def _debate_title(year: int) -> Text:
    """General elections are held in September every fourth year (2018, 2022, 2026, ...)."""
    if year % 4 == 2:
        return (
            f"Valdebatt {year} om minoritetspolitik",
            f"Vaaliväittely {year} vähemmistöpolitiikasta",
            f"Election debate {year} on minority policy",
        )
    return (
        "Politisk debatt om minoritetspolitik",
        "Poliittinen keskustelu vähemmistöpolitiikasta",
        "Political debate on minority policy",
    )


def _build_action(spec: DemoAction, context: dict) -> Action | None:
    today, year, people = context["today"], context["today"].year, context["people"]
    proposal = _proposal(*spec.origin_proposal) if spec.origin_proposal else None
    shift = dt.timedelta(0)
    if proposal is not None and spec.follows_proposal_on:
        # demo/proposals.py places the proposal relative to today: the action keeps its distance from it.
        shift = _proposal_day(proposal) - _day(year, spec.follows_proposal_on)

    def day(on: Day) -> dt.date:
        return _day(year, on) + shift

    updates = [(u, day(u.on)) for u in spec.updates if day(u.on) <= today]
    starts_on, due_on = day(spec.starts), day(spec.due)
    created_on = min([starts_on, *(day(u.on) for u in spec.updates[:1])])
    # An action that is not yet planned on this day does not exist yet.
    if created_on > today:
        return None
    latest = updates[-1][0] if updates else None
    status = latest.status if latest else ActionStatus.PLANNED
    title = spec.title or _debate_title(year)
    cycle = context["cycles"][0 if spec.carried_over else spec.cycle]
    defaults = {
        **_names(*title, "title", keyed=True),
        **_names(*spec.description, "description"),
        "department": context["departments"][spec.department],
        "responsible": people.get(spec.responsible),
        "starts_on": starts_on,
        "due_on": due_on,
        "status": status,
        "progress": latest.progress if latest else 0,
        "is_public": spec.public,
        "cancel_reason": latest.text if status == ActionStatus.CANCELLED else "",
        "completed_on": updates[-1][1] if status == ActionStatus.DONE else None,
        "first_cycle": context["cycles"][-1] if spec.carried_over else None,
        "last_update_on": updates[-1][1] if updates else None,
        "created_at": _at(created_on, 9),
        # The golden thread, where the demo has the origin and it came before the action.
        "origin_proposal": proposal if proposal and _proposal_day(proposal) <= created_on else None,
        "origin_agenda_item": _decision(*spec.origin_agenda_item, created_on)
        if spec.origin_agenda_item
        else None,
        "origin_commitment": _commitment(*spec.origin_commitment, created_on)
        if spec.origin_commitment
        else None,
    }
    action, _ = upsert(Action, cycle=cycle, title_sv=title[0], defaults=defaults)
    action.goals.set([context["goals"][code] for code in spec.goals])
    action.minorities.set([context["minorities"][s] for s in spec.minorities if s in context["minorities"]])
    action.collaborating_departments.set(
        [context["departments"][c] for c in spec.collaborating if c in context["departments"]]
    )
    for update, written_on in updates:
        upsert(
            ProgressUpdate,
            action=action,
            written_on=written_on,
            defaults={
                "author": action.responsible,
                "text": update.text,
                "status": update.status,
                "progress": update.progress,
                "created_at": _at(written_on, 15),
            },
        )
    return action


def _proposal(forum: str, title: str) -> Proposal | None:
    return (
        Proposal.objects.filter(forum__slug=forum, title=title).select_related("agenda_item__meeting").first()
    )


def _proposal_day(proposal: Proposal) -> dt.date:
    """The day of the meeting that discussed the proposal, or the day it came in."""
    came = proposal.agenda_item.meeting.starts_at if proposal.agenda_item else proposal.created_at
    return timezone.localdate(came)


def _decision(forum: str, title: str, by: dt.date) -> AgendaItem | None:
    """The item as decided on at the forum's last held meeting that had it on the agenda, by the day."""
    return (
        AgendaItem.objects.filter(
            meeting__forum__slug=forum,
            meeting__status=MeetingStatus.HELD,
            meeting__starts_at__date__lte=by,
            title=title,
        )
        .exclude(decision="")
        .order_by("-meeting__starts_at")
        .first()
    )


def _commitment(forum: str, title: str, by: dt.date) -> Commitment | None:
    return (
        Commitment.objects.filter(forum__slug=forum, title=title, created_at__date__lte=by)
        .order_by("-created_at")
        .first()
    )


def _month_ends(start: dt.date, until: dt.date) -> list[dt.date]:
    days = []
    year, month = start.year, start.month
    while True:
        day = dt.date(year, month, calendar.monthrange(year, month)[1])
        if day > until:
            return days
        days.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _build_indicator(spec: DemoIndicator, context: dict) -> Indicator:
    today, year = context["today"], context["today"].year
    indicator, _ = upsert(
        Indicator,
        name_sv=spec.name[0],
        defaults={
            **_names(*spec.name, "name", keyed=True),
            **_names(*spec.description, "description"),
            **_names(*spec.unit, "unit"),
            "baseline": Decimal(spec.baseline),
            "baseline_on": _day(year, spec.baseline_on),
            "target": Decimal(spec.target),
            "target_on": _day(year, spec.target_on),
        },
    )
    indicator.goals.set([context["goals"][code] for code in spec.goals])
    indicator.minorities.set(
        [context["minorities"][s] for s in spec.minorities if s in context["minorities"]]
    )
    values = [(_day(year, day), Decimal(value), note) for day, value, note in spec.values]
    if spec.monthly:
        first, step = (Decimal(v) for v in spec.monthly)
        months = _month_ends(dt.date(year - 1, 1, 1), today)
        values += [(day, first + step * i + WOBBLE[i % 4], "") for i, day in enumerate(months)]
    recorder = context["people"].get(spec.recorded_by)
    for measured_on, value, note in values:
        if measured_on > today:
            continue
        upsert(
            IndicatorValue,
            indicator=indicator,
            measured_on=measured_on,
            defaults={"value": value, "note": note, "recorded_by": recorder},
        )
    latest = indicator.values.order_by("-measured_on").first()
    # refresh_latest saves, and each save is a history row: only when the latest value has changed.
    if latest and (indicator.latest_value, indicator.latest_on) != (latest.value, latest.measured_on):
        indicator.refresh_latest()
    return indicator


def _build_grants(year: int) -> list[StateGrant]:
    """Grant categories, the grants of the last two years and what they were used for."""
    categories = {}
    for position, (sv, fi, en) in enumerate(GRANT_CATEGORIES, start=1):
        categories[sv], _ = upsert(
            GrantCategory,
            name_sv=sv,
            defaults={**_names(sv, fi, en, "name", keyed=True), "position": position},
        )
    grants = {}
    for offset, amount, note in GRANTS:
        grants[offset], _ = upsert(
            StateGrant,
            year=year + offset,
            defaults={
                "amount": Decimal(amount),
                "report_due_on": dt.date(year + offset + 1, 3, 31),
                "note": note,
            },
        )
    for offset, category, amount, description, titles in GRANT_USES:
        use, _ = upsert(
            GrantUse,
            grant=grants[offset],
            category=categories[category],
            defaults={"amount": Decimal(amount), "description": description},
        )
        wanted = set(
            Action.objects.filter(cycle__year=year + offset, title_sv__in=titles).values_list("pk", flat=True)
        )
        if set(use.actions.values_list("pk", flat=True)) != wanted:
            use.actions.set(wanted)
    return list(grants.values())

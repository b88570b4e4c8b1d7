"""The mandates of Haninge's two demo working groups, both set up by the political consultation group.

The school group did its work in the year before and is closed with a short closing report; the elderly
care group works this year (seed 000: "Äldreförvaltningen ska inrätta finskspråkiga avdelningar inom
särskilt boende i egen regi"; "Tvåspråkig kommunal skolverksamhet har startats"). Build the forums first
(demo.haninge.build); building twice changes nothing.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import translation

from core.models import Forum, Tier
from demo.upsert import upsert
from workinggroups.models import Mandate

CONSULTATION_GROUP = "politiska-samradsgruppen"
ELDERLY_CARE_GROUP = "arbetsgrupp-finskspraklig-aldreomsorg"
SCHOOL_GROUP = "arbetsgrupp-modersmal-och-tvasprakig-skola"


def build_workinggroups_demo(today: dt.date) -> dict:
    """Create or update the demo mandates; return them by forum slug."""
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        return _build(today)


def _build(today: dt.date) -> dict:
    year = today.year
    consultation = Forum.objects.get(slug=CONSULTATION_GROUP, tier=Tier.CONSULTATION)
    elderly_care = Forum.objects.get(slug=ELDERLY_CARE_GROUP, tier=Tier.WORKING_GROUP)
    school = Forum.objects.get(slug=SCHOOL_GROUP, tier=Tier.WORKING_GROUP)

    mandates = {}
    mandates[ELDERLY_CARE_GROUP], _ = upsert(
        Mandate,
        forum=elderly_care,
        defaults={
            "purpose": (
                "Ta fram ett underlag för hur social- och äldreförvaltningen kan inrätta finskspråkiga "
                "avdelningar inom särskilt boende i egen regi: behovet bland sverigefinska äldre i Haninge, "
                "personal som talar finska, och hur de boendes anhöriga och Haninge finska förening kan "
                "vara delaktiga. Underlaget lämnas till samrådsgruppen före årets sista samråd."
            ),
            "starts_on": dt.date(year, 3, 1),
            "ends_on": dt.date(year, 12, 31),
            "set_up_by": consultation,
            "decision_reference": f"Samrådsgruppens möte {year}-02-12, punkt 4",
            "closed_on": None,
            "closing_report": "",
        },
    )
    closed_on = dt.date(year - 1, 12, 10)
    mandates[SCHOOL_GROUP], _ = upsert(
        Mandate,
        forum=school,
        defaults={
            "purpose": (
                "Följa upp starten av den tvåspråkiga kommunala skolverksamheten på finska och svenska, "
                "och föreslå hur modersmålsundervisningen i finska och meänkieli kan förstärkas och nå "
                "fler elever. Gruppen arbetar tillsammans med utbildningsförvaltningen."
            ),
            "starts_on": dt.date(year - 1, 3, 1),
            "ends_on": dt.date(year - 1, 11, 30),
            "set_up_by": consultation,
            "decision_reference": f"Samrådsgruppens möte {year - 1}-02-13, punkt 5",
            "closed_on": closed_on,
            "closing_report": (
                "Arbetsgruppen har träffats fem gånger. Den tvåspråkiga skolverksamheten har startat med "
                "en första klass, och modersmålsundervisningen i finska finns nu på fler skolor.\n\n"
                "Gruppen föreslår att utbildningsförvaltningen redovisar antalet elever i modersmål varje "
                "höst i dialoggruppen för sverigefinnar, och att meänkieli tas upp i dialogen med "
                "tornedalingarna. Uppföljningen sker i dialoggrupperna; arbetsgruppen avslutas."
            ),
        },
    )
    # A closed group no longer meets.
    upsert(Forum, slug=SCHOOL_GROUP, defaults={"is_active": False})
    return {"mandates": mandates}

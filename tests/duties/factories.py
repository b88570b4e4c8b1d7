import factory

from duties.models import Duty, DutyAssessment, DutyScope


class DutyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Duty
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"duty-{n}")
    title = factory.Sequence(lambda n: f"Skyldighet {n}")
    title_sv = factory.SelfAttribute("title")
    description = "Kommunen ska göra detta."
    description_sv = factory.SelfAttribute("description")
    source = "Lag (2009:724) om nationella minoriteter och minoritetsspråk"
    source_sv = factory.SelfAttribute("source")
    provision = "5 §"
    scope = DutyScope.BASIC

    @factory.post_generation
    def departments(self, create, extracted, **kwargs):
        if create and extracted:
            self.departments.set(extracted)


class DutyAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DutyAssessment

    duty = factory.SubFactory(DutyFactory)
    year = 2025
    status = "met"
    evidence = "Protokollen visar det."

import factory

from annual.models import Figures, FollowUpQuestion, YearlyFollowUp, default_due_on


class FollowUpQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpQuestion

    code = factory.Sequence(lambda n: f"question-{n}")
    position = factory.Sequence(lambda n: n * 10)
    question_sv = factory.Sequence(lambda n: f"Hur har kommunen samrått, fråga {n}?")
    question_fi = factory.Sequence(lambda n: f"Miten kunta on neuvotellut, kysymys {n}?")
    question_en = factory.Sequence(lambda n: f"How did the municipality consult, question {n}?")
    figures = Figures.CONSULTATION


class YearlyFollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YearlyFollowUp
        django_get_or_create = ("year",)

    year = 2025
    due_on = factory.LazyAttribute(lambda o: default_due_on(o.year))

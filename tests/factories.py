import datetime as dt

import factory
from django.utils import timezone

from core.models import (
    AgendaItem,
    Attachment,
    Department,
    Forum,
    ForumRole,
    Invitation,
    Meeting,
    MeetingStatus,
    Membership,
    MinutesKind,
    NationalMinority,
    Role,
    Tier,
    User,
    invitation_token_hash,
)
from followup.models import Action, ActionStatus, Cycle, Phase, PhaseKind


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"D{n}")
    name = factory.LazyAttribute(lambda o: f"Förvaltning {o.code}")
    name_sv = factory.SelfAttribute("name")


class MinorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalMinority
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"minoritet-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.capitalize())
    name_sv = factory.SelfAttribute("name")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    role = Role.RESIDENT
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            from allauth.account.models import EmailAddress

            self.save()
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )

    @factory.post_generation
    def second_factor(self, create, extracted, **kwargs):
        """Coordinators and administrators have an authenticator app, as the portal requires of them;
        `second_factor=False` makes one who has not set it up yet (a secret string sets that secret)."""
        from core.auth import must_use_second_factor

        if not create or extracted is False or not (extracted or must_use_second_factor(self)):
            return
        from allauth.mfa.models import Authenticator
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        if not Authenticator.objects.filter(user=self, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(self, extracted if isinstance(extracted, str) else generate_totp_secret())


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    tier = Tier.DIALOGUE
    slug = factory.Sequence(lambda n: f"forum-{n}")
    name = factory.Sequence(lambda n: f"Forum {n}")
    name_sv = factory.SelfAttribute("name")
    minority = factory.SubFactory(MinorityFactory)
    # Plain notes keep the coordinator's direct approval; protocol tests ask for MinutesKind.PROTOCOL.
    minutes_kind = MinutesKind.NOTES


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    forum = factory.SubFactory(ForumFactory)
    role = ForumRole.REPRESENTATIVE
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=365))


class InvitationFactory(factory.django.DjangoModelFactory):
    """A waiting invitation; its link's token is `token` (the row keeps only the hash)."""

    class Meta:
        model = Invitation
        exclude = ["token"]

    token = factory.Sequence(lambda n: f"invitation-token-{n}")
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Inbjuden Person {n}")
    role = Role.REPRESENTATIVE
    token_hash = factory.LazyAttribute(lambda o: invitation_token_hash(o.token))
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    forum = factory.SubFactory(ForumFactory)
    title = factory.Sequence(lambda n: f"Möte {n}")
    title_sv = factory.SelfAttribute("title")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    status = MeetingStatus.AGENDA_PUBLISHED


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Punkt {n}")
    position = factory.Sequence(lambda n: n)
    duration_minutes = 20


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    meeting = factory.SubFactory(MeetingFactory)
    name = "underlag.pdf"
    file = factory.django.FileField(filename="underlag.pdf", data=PDF_BYTES)
    content_type = "application/pdf"
    size = len(PDF_BYTES)


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle
        django_get_or_create = ("year",)
        skip_postgeneration_save = True

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    title = factory.LazyAttribute(lambda o: f"Årssnurra {o.year}")
    title_sv = factory.SelfAttribute("title")
    starts_on = factory.LazyAttribute(lambda o: dt.date(o.year, 1, 1))
    ends_on = factory.LazyAttribute(lambda o: dt.date(o.year, 12, 31))

    @factory.post_generation
    def phases(self, create, extracted, **kwargs):
        if not create or self.phases.exists():
            return
        quarters = [(1, 3), (4, 6), (7, 9), (10, 12)]
        for kind, (first, last) in zip(PhaseKind, quarters, strict=True):
            end = dt.date(self.year, last, 31 if last in (3, 12) else 30)
            Phase.objects.create(cycle=self, kind=kind, starts_on=dt.date(self.year, first, 1), ends_on=end)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    cycle = factory.SubFactory(CycleFactory)
    title = factory.Sequence(lambda n: f"Insats {n}")
    title_sv = factory.SelfAttribute("title")
    department = factory.SubFactory(DepartmentFactory)
    status = ActionStatus.ONGOING
    progress = 50
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))

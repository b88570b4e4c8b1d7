"""People who sign in, and their portal-wide role."""

import secrets
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The portal-wide role of a person; anonymous visitors have none."""

    RESIDENT = "resident", _("Resident")
    REPRESENTATIVE = "representative", _("Minority representative")
    ADMIN_CONTACT = "admin_contact", _("Administration contact")
    POLITICIAN = "politician", _("Politician")
    COORDINATOR = "coordinator", _("Coordinator")
    ADMINISTRATOR = "administrator", _("Administrator")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def representatives_in_office(self, on=None):
        """Active representatives with a current membership of a forum: whom a call for proposals or a
        questionnaire to every representative goes to."""
        from .forums import Membership

        members = Membership.objects.current(on).values("user_id")
        return self.filter(role=Role.REPRESENTATIVE, is_active=True, pk__in=members)

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return self._create_user(email, password, **extra_fields)


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class User(AbstractUser):
    """A person who signs in with an email address."""

    # AbstractUser's fields that this model removes (the stubs cannot say a subclass drops a field).
    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.RESIDENT)
    department = models.ForeignKey(
        "core.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
        help_text=_("For administration contacts: the department they answer for."),
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="sv",
        help_text=_("Mail and notifications are written in this language."),
    )
    feed_token = models.CharField(max_length=64, default=new_feed_token, unique=True, editable=False)
    erased_at = models.DateTimeField(
        _("erased"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When an administrator erased the person's data; the row stays so that records keep their links."
        ),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    # Not django.contrib.auth's UserManager (which the stubs expect): this one signs people in by email.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        if self.erased_at:
            return str(_("Erased person"))
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_coordinator(self) -> bool:
        """Coordinators run the forums; administrators may do all they do."""
        return self.role in {Role.COORDINATOR, Role.ADMINISTRATOR}

    def answers_outside(self, department) -> bool:
        """An administration contact answers for their own department only: its work is what their start page lists."""
        return (
            self.role == Role.ADMIN_CONTACT and department is not None and self.department_id != department.pk
        )

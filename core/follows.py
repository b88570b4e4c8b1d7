"""Following an action, a proposal or a forum: who follows what, and who hears of it.

The apps that own the followed things are above core, so they are named here by label, not imported. A
proposal's followers are the proposal's own (`Proposal.followers`, which the proposer joins when proposing);
actions and forums are followed through `Follow`.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from .models import Follow, User


@dataclass(frozen=True)
class Followable:
    key: str
    model: str  # app_label.ModelName
    permission: str  # who may see it may follow it

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)


FOLLOWABLE = {
    f.key: f
    for f in [
        Followable("proposal", "proposals.Proposal", "proposals.view_proposal"),
        Followable("action", "followup.Action", "followup.view_action"),
        Followable("forum", "core.Forum", "core.view_forum"),
    ]
}


def _of(obj: models.Model) -> dict:
    """The lookup of an object's follows by its model's name: one query with a join, and no content type
    looked up first (whose cache would make a page's query count depend on what ran before it)."""
    return {
        "content_type__app_label": obj._meta.app_label,
        "content_type__model": obj._meta.model_name,
        "object_id": obj.pk,
    }


def followable_of(obj: models.Model) -> Followable | None:
    label = obj._meta.label
    return next((f for f in FOLLOWABLE.values() if f.model == label), None)


def is_following(user: User, obj: models.Model) -> bool:
    if not user.is_authenticated:
        return False
    if obj._meta.label == "proposals.Proposal":
        if getattr(obj, "viewer_pk", None) == user.pk:  # read with the proposal, for this person
            return obj.viewer_follows  # type: ignore[attr-defined]
        return obj.followers.filter(pk=user.pk).exists()  # type: ignore[attr-defined]
    return Follow.objects.filter(user=user, **_of(obj)).exists()


@transaction.atomic
def follow(user: User, obj: models.Model) -> None:
    """Follow the object; following twice changes nothing."""
    if obj._meta.label == "proposals.Proposal":
        obj.followers.add(user)  # type: ignore[attr-defined]
        return
    Follow.objects.get_or_create(
        user=user, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    )


@transaction.atomic
def unfollow(user: User, obj: models.Model) -> None:
    if obj._meta.label == "proposals.Proposal":
        obj.followers.remove(user)  # type: ignore[attr-defined]
        return
    Follow.objects.filter(user=user, **_of(obj)).delete()


def followers_of(obj: models.Model) -> list[User]:
    """The active people who follow the object and may still see it."""
    if obj._meta.label == "proposals.Proposal":
        people = list(obj.followers.filter(is_active=True))  # type: ignore[attr-defined]
    else:
        people = list(
            User.objects.filter(
                is_active=True, pk__in=Follow.objects.filter(**_of(obj)).values("user")
            ).order_by("pk")
        )
    followable = followable_of(obj)
    if followable is None:
        return people
    return [person for person in people if person.has_perm(followable.permission, obj)]


def followed_by(user: User) -> list[tuple[Followable, models.Model]]:
    """What the person follows, proposals first, then actions and forums: one query per kind."""
    found: list[tuple[Followable, models.Model]] = []
    proposals = FOLLOWABLE["proposal"]
    found += [
        (proposals, p)
        for p in proposals.model_class()._default_manager.filter(followers=user).order_by("-pk")
    ]
    rows = Follow.objects.filter(user=user).values_list(
        "content_type__app_label", "content_type__model", "object_id"
    )
    by_model: dict[str, list[int]] = {}
    for app_label, model_name, object_id in rows:
        by_model.setdefault(f"{app_label}.{model_name}", []).append(object_id)
    for key in ("action", "forum"):
        followable = FOLLOWABLE[key]
        model = followable.model_class()
        ids = by_model.get(model._meta.label_lower)
        if ids:
            found += [(followable, obj) for obj in model._default_manager.filter(pk__in=ids).order_by("pk")]
    return found

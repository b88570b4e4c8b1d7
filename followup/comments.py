"""Comments on actions, as on proposals (proposals.participation): who may write them, who is told, and how
a coordinator hides one with a reason kept in its history."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.follows import followers_of
from core.models import User
from core.services import notify
from proposals.participation import clean_comment_text, clean_hide_reason, mark_hidden

from .models import Action, ActionComment, ProgressUpdate

COMMENT_MAIL = "followup/email/action_comment"

# Who else hears of a new comment on the action, beside its responsible person and earlier commenters: each
# function returns people; by default those who follow the action (core.follows) and may still see it.
followers: list[Callable[[Action], list[User]]] = [followers_of]


def people_to_tell(action: Action, author: User) -> list[User]:
    """The responsible person, those who commented before, and the followers; never the author."""
    people: dict[int, User] = {}
    if action.responsible is not None:
        people[action.responsible.pk] = action.responsible
    earlier = ActionComment.objects.filter(action=action, hidden=False).values("author")
    for person in User.objects.filter(pk__in=earlier):
        people[person.pk] = person
    for more in followers:
        for person in more(action):
            people[person.pk] = person
    people.pop(author.pk, None)
    return [person for person in people.values() if person.is_active]


@transaction.atomic
def add_comment(
    action: Action,
    author: User,
    text: str,
    language: str | None = None,
    progress_update: ProgressUpdate | None = None,
) -> ActionComment:
    """Someone who may see the action and takes part in the follow-up comments on it or answers an update."""
    if not author.has_perm("followup.comment_on_action", action):
        raise PermissionDenied(
            gettext("Only representatives, administration contacts and coordinators may comment.")
        )
    if progress_update is not None and progress_update.action_id != action.pk:
        raise ValidationError(_("The progress update belongs to another action."), code="invalid")
    text = clean_comment_text(text)
    people = people_to_tell(action, author)
    comment = ActionComment(
        action=action,
        progress_update=progress_update,
        author=author,
        text=text,
        language=language or author.language,
    )
    comment._history_user = author  # type: ignore[attr-defined]
    comment.save()
    context = {"action": action, "comment": comment, "author": author}
    transaction.on_commit(
        lambda: notify(
            people,
            COMMENT_MAIL,
            context,
            kind="comment",
            about=action,
            about_permission="followup.view_action",
        )
    )
    return comment


@transaction.atomic
def hide_comment(comment: ActionComment, by: User, reason: str) -> ActionComment:
    """A coordinator hides a comment; the reason is kept on it and as the change reason in its history."""
    if not by.has_perm("followup.moderate_action_comment", comment):
        raise PermissionDenied(gettext("Only coordinators may hide comments."))
    reason = clean_hide_reason(reason)
    # Lock the row: two coordinators may act on the same comment at once.
    locked = ActionComment.objects.select_for_update().select_related("action").get(pk=comment.pk)
    return mark_hidden(locked, by, reason)

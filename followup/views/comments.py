"""Comments on actions: write one (or answer a progress update), and hide one with a reason (coordinators)."""

import rules
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from core.views.access import check_access, load_object, signed_in_user
from proposals.forms import CommentForm, HideCommentForm

from .. import comments
from ..models import Action, ActionComment, ProgressUpdate


def comments_context(request: HttpRequest, action: Action, updates: list[ProgressUpdate]) -> dict:
    """The action page's comments in one query: those answering each update on it, the rest at the end."""
    user = request.user
    # The rule set alone: a refusal must not fall through to the model backend (two queries).
    may_moderate = rules.has_perm("followup.moderate_action_comment", user, action)
    found = action.comments.select_related("author", "hidden_by").order_by("created_at", "pk")
    if not may_moderate:
        found = found.filter(hidden=False)
    by_update: dict[int | None, list[ActionComment]] = {}
    for comment in found:
        by_update.setdefault(comment.progress_update_id, []).append(comment)
    may_comment = rules.has_perm("followup.comment_on_action", user, action)
    for update in updates:
        # Set for the template: the answers to each update, and (with its own ids) the form to answer it.
        update.answers = by_update.pop(update.pk, [])  # type: ignore[attr-defined]
        update.answer_form = (  # type: ignore[attr-defined]
            CommentForm(user=user, auto_id=f"update-{update.pk}-%s") if may_comment else None
        )
    return {
        "action_comments": [c for group in by_update.values() for c in group],
        "may_moderate_comments": may_moderate,
        "action_comment_form": CommentForm(user=user) if may_comment else None,
    }


def _error_messages(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    """Comment on the action, or answer one of its progress updates (permission: followup.comment_on_action)."""
    action = load_object(
        request,
        Action.objects.select_related("responsible"),
        pk,
        view="followup.view_action",
        act="followup.comment_on_action",
    )
    update = None
    update_id = request.POST.get("update", "")
    if update_id:
        # Only an update of this action is answered here.
        update = get_object_or_404(ProgressUpdate, action=action, pk=update_id if update_id.isdigit() else 0)
    language = request.POST.get("language", "")
    try:
        made = comments.add_comment(
            action,
            signed_in_user(request),
            request.POST.get("text", ""),
            language=language if language in dict(settings.LANGUAGES) else None,
            progress_update=update,
        )
    except ValidationError as error:
        _error_messages(request, error)
        return redirect(action.get_absolute_url() + (f"#update-{update.pk}" if update else "#comments"))
    messages.success(request, gettext("Your comment has been published."))
    return redirect(f"{action.get_absolute_url()}#action-comment-{made.pk}")


@require_http_methods(["GET", "POST"])
def hide_comment(request: HttpRequest, pk: int) -> HttpResponse:
    """A coordinator hides a comment on an action, giving the reason (permission: followup.moderate_action_comment)."""
    found = get_object_or_404(ActionComment.objects.select_related("action", "author"), pk=pk)
    check_access(request, found.action, "followup.view_action", "followup.moderate_action_comment")
    form = HideCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            comments.hide_comment(found, signed_in_user(request), form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("The comment has been hidden."))
            return redirect(found.action.get_absolute_url() + "#comments")
    return render(
        request,
        "followup/action_comment_hide.html",
        {"form": form, "comment": found, "action": found.action},
    )

"""Pages for taking part in a proposal: comment, support, hide a comment, record a consultation, and
the year's consultation log with its exports (lag 2009:724 §5).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from core.models import AgendaItem
from core.plumbing.spreadsheets import spreadsheet_response
from core.views.access import NeedsSignIn, check_access, load_object

from .. import participation
from ..forms import CommentForm, ConsultationRecordForm, HideCommentForm, YearForm
from ..models import Comment, Proposal, Support

# What these pages load a proposal from: load_object answers 404 or 403 as the rules say, and a visitor whom
# signing in might let in is sent to sign in (core.middleware.SignInForAccessMiddleware).
PROPOSALS = Proposal.objects.select_related("forum", "proposer")


def _item_url(item: AgendaItem) -> str:
    return reverse("core:meeting_detail", kwargs={"pk": item.meeting_id}) + f"#item-{item.pk}"


def _error_messages(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    """A member of the forum (or a coordinator) comments on the proposal."""
    proposal = load_object(
        request, PROPOSALS, pk, view="proposals.view_proposal", act="proposals.comment_on_proposal"
    )
    try:
        language = request.POST.get("language", "")
        participation.add_comment(
            proposal,
            request.user,
            request.POST.get("text", ""),
            language=language if language in dict(settings.LANGUAGES) else None,
        )
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, gettext("Your comment has been published."))
    return redirect(proposal.get_absolute_url() + "#comments")


@require_http_methods(["GET", "POST"])
def hide_comment(request: HttpRequest, pk: int) -> HttpResponse:
    """A coordinator hides a comment, giving the reason (kept in the comment's history)."""
    comment = get_object_or_404(Comment.objects.select_related("proposal__forum", "author"), pk=pk)
    check_access(request, comment.proposal, "proposals.view_proposal", "proposals.moderate_comment")
    form = HideCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            participation.hide_comment(comment, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("The comment has been hidden."))
            return redirect(comment.proposal.get_absolute_url() + "#comments")
    return render(
        request,
        "proposals/participation/hide_comment_form.html",
        {"form": form, "comment": comment, "proposal": comment.proposal},
    )


@require_POST
def support(request: HttpRequest, pk: int) -> HttpResponse:
    """Support the proposal, or take one's support back (a toggle)."""
    proposal = load_object(
        request, PROPOSALS, pk, view="proposals.view_proposal", act="proposals.support_proposal"
    )
    if participation.withdraw_support(proposal, request.user):
        messages.success(request, gettext("Your support has been withdrawn."))
    else:
        participation.support(proposal, request.user)
        messages.success(request, gettext("You support the proposal."))
    return redirect(proposal.get_absolute_url() + "#support")


def participation_context(request: HttpRequest, proposal: Proposal) -> dict:
    """What the three includes of the proposal page need, in a constant number of queries."""
    user = request.user
    comments = proposal.comments.select_related("author", "hidden_by").order_by("created_at", "pk")
    if not user.has_perm("proposals.moderate_comment", proposal):
        comments = comments.filter(hidden=False)
    # Read with the proposal for this person (ProposalQuerySet.with_viewer_state), else counted here.
    if getattr(proposal, "viewer_pk", None) == (user.pk or 0):
        supports = {"count": proposal.support_count or 0, "mine": proposal.viewer_supports}
    else:
        supports = Support.objects.filter(proposal=proposal).aggregate(
            count=Count("pk"), mine=Count("pk", filter=Q(user_id=user.pk or 0))
        )
    may_comment = user.has_perm("proposals.comment_on_proposal", proposal)
    return {
        "proposal": proposal,
        "comments": list(comments),
        "comment_form": CommentForm(user=user) if may_comment else None,
        "user": user,
        "support_count": supports["count"],
        "user_supports": bool(supports["mine"]),
        "consultations": list(
            proposal.consultations.select_related("recorded_by").order_by("-consulted_on", "-pk")
        ),
    }


def _consultation_form(request: HttpRequest, *, proposal=None, agenda_item=None) -> HttpResponse:
    form = ConsultationRecordForm(request.POST or None, initial={"consulted_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            participation.record_consultation(
                by=request.user, proposal=proposal, agenda_item=agenda_item, **form.cleaned_data
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    for one in errors:
                        form.add_error(field if field in form.fields else None, one)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, gettext("The consultation has been recorded."))
            if proposal is not None:
                return redirect(proposal.get_absolute_url() + "#consultations")
            return redirect(_item_url(agenda_item))
    meeting = agenda_item.meeting if agenda_item is not None else None
    return render(
        request,
        "proposals/participation/consultation_form.html",
        {"form": form, "proposal": proposal, "agenda_item": agenda_item, "meeting": meeting},
    )


@require_http_methods(["GET", "POST"])
def consultation_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a consultation on a proposal."""
    proposal = load_object(
        request, PROPOSALS, pk, view="proposals.view_proposal", act="proposals.add_consultation_record"
    )
    return _consultation_form(request, proposal=proposal)


@require_http_methods(["GET", "POST"])
def agenda_item_consultation_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a consultation on an agenda item of a meeting."""
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__forum"), pk=pk)
    check_access(request, item.meeting, "core.view_meeting", "proposals.add_consultation_record")
    return _consultation_form(request, agenda_item=item)


def _chosen_year(request: HttpRequest, years: list[int]) -> tuple[YearForm, int]:
    form = YearForm(request.GET or None, years=years)
    year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else timezone.localdate().year
    if not form.is_bound:
        form = YearForm(initial={"year": year}, years=years)
    return form, year


def _log_access(request: HttpRequest) -> None:
    if not request.user.is_authenticated:
        raise NeedsSignIn
    if not request.user.has_perm("proposals.view_consultation_log"):
        raise PermissionDenied


@require_http_methods(["GET"])
def consultation_log(request: HttpRequest) -> HttpResponse:
    """The year's consultation log as a table, with a year selector and the exports."""
    _log_access(request)
    years = participation.consultation_years()
    form, year = _chosen_year(request, years)
    return render(
        request,
        "proposals/participation/consultation_log.html",
        {"rows": participation.consultation_rows(year), "year": year, "year_form": form},
    )


@require_http_methods(["GET"])
def consultation_export(request: HttpRequest) -> HttpResponse:
    """The year's consultation log as CSV (UTF-8 with BOM) or XLSX, in the page's language."""
    _log_access(request)
    year_text = request.GET.get("year", "")
    year = (
        int(year_text)
        if year_text.isascii() and year_text.isdigit() and 1900 < int(year_text) < 3000
        else timezone.localdate().year
    )
    rows = participation.consultation_rows(year)
    # An ASCII file name: every browser and Excel handle it the same way.
    name = f"consultation-log-{year}"
    if request.GET.get("format") == "xlsx":
        response = spreadsheet_response(participation.export_xlsx(rows), "xlsx", name)
    else:
        response = spreadsheet_response(participation.export_csv(rows), "csv", name)
    return response

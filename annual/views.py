"""Pages of the yearly follow-up: the list by year, a follow-up with its figures and texts, the forms that
write, send and approve it, its PDF and spreadsheet, and the questions it asks."""

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.plumbing.pagecache import cached_get
from core.plumbing.spreadsheets import spreadsheet_response
from core.views.access import ObjectAccessMixin, check_access, signed_in_user
from followup.models import Cycle

from . import document as documents
from . import exports, services
from .forms import AnswersForm, QuestionForm
from .models import FollowUpQuestion, FollowUpStatus, YearlyFollowUp

FIRST_YEAR = 2000


def year_to_draft(existing: set[int]) -> int | None:
    """The year a coordinator is offered to draft: the year that has ended, else this one, if not drafted."""
    this_year = timezone.localdate().year
    return next((year for year in (this_year - 1, this_year) if year not in existing), None)


@cached_get
class FollowUpListView(PermissionRequiredMixin, TemplateView):
    """Every year's follow-up, newest first: the archive of approved ones and the draft in progress."""

    permission_required = "annual.view_follow_ups"
    template_name = "annual/list.html"

    def get_context_data(self, **kwargs) -> dict:
        user = self.request.user
        every = list(YearlyFollowUp.objects.without_snapshot().select_related("approved_by"))
        follow_ups = [f for f in every if user.has_perm("annual.view_follow_up", f)]
        may_change = user.has_perm("annual.change_follow_up")
        today = timezone.localdate()
        cycle = Cycle.objects.current(today)
        phases = list(cycle.phases.select_related("opening").order_by("starts_on")) if cycle else []
        return super().get_context_data(
            cycle=cycle,
            phases=phases,
            today=today,
            follow_ups=follow_ups,
            may_change=may_change,
            draft_year=year_to_draft({f.year for f in every}) if may_change else None,
            **kwargs,
        )


@require_POST
def draft_follow_up(request: HttpRequest) -> HttpResponse:
    """Draft a year's follow-up now, before the wheel's follow-up phase would (permission: annual.change_follow_up)."""
    check_access(request, None, "annual.change_follow_up", next_url=reverse("annual:list"))
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        year = 0
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        messages.error(request, gettext("Choose a year that has begun."))
        return redirect("annual:list")
    follow_up, created = services.draft(year, by=signed_in_user(request))
    if created:
        messages.success(request, gettext("The follow-up for %(year)s has been drafted.") % {"year": year})
    return redirect(follow_up)


FOLLOW_UPS = YearlyFollowUp.objects.without_snapshot().select_related(
    "approved_by", "review_item__meeting__forum"
)


class FollowUpAccessMixin(ObjectAccessMixin):
    """A follow-up's pages read its approved document in the language they show (the page's, or the one
    the address names) and not the others."""

    view_permission = "annual.view_follow_up"
    model_queryset = FOLLOW_UPS
    lookup_kwarg = "year"
    lookup_field = "year"

    def document_language(self) -> str:
        language = self.kwargs.get("language")
        return language if language in documents.LANGUAGES else (translation.get_language() or "sv")[:2]

    def get_access_queryset(self):
        return FOLLOW_UPS.with_snapshot_in(self.document_language())


@cached_get
class FollowUpDetailView(FollowUpAccessMixin, TemplateView):
    """The follow-up in the page's language: each question's figures and the text beside them."""

    template_name = "annual/detail.html"

    def get_access_queryset(self):
        """A draft's row brings its questions, answers and cycles: its document is built from them."""
        return super().get_access_queryset().with_draft_sources()

    def get_hit_queryset(self):
        """From the page cache, the rules read the follow-up's row alone."""
        return YearlyFollowUp.objects.without_snapshot()

    def get_context_data(self, **kwargs) -> dict:
        follow_up: YearlyFollowUp = self.object
        user = self.request.user
        language = translation.get_language() or "sv"
        may_change = user.has_perm("annual.change_follow_up") and not follow_up.is_approved
        return super().get_context_data(
            follow_up=follow_up,
            doc=documents.document(follow_up, language[:2]),
            may_change=may_change,
            may_review=may_change and follow_up.status == FollowUpStatus.DRAFT,
            review_meeting=follow_up.review_item.meeting if follow_up.review_item else None,
            languages=[("sv", "svenska"), ("fi", "suomi"), ("en", "English")],
            Status=FollowUpStatus,
            **kwargs,
        )


class AnswersView(FollowUpAccessMixin, FormView):
    """Write the texts beside the figures, and the due date; all saved together."""

    permission_required = "annual.change_follow_up"
    form_class = AnswersForm
    template_name = "annual/answers_form.html"

    def get(self, request, *args, **kwargs):
        if self.object.is_approved:
            messages.info(request, gettext("The follow-up has been approved and can no longer be changed."))
            return redirect(self.object)
        return super().get(request, *args, **kwargs)

    def questions(self) -> list[FollowUpQuestion]:
        return list(FollowUpQuestion.objects.filter(is_active=True))

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "follow_up": self.object, "questions": self.questions()}

    def get_context_data(self, **kwargs) -> dict:
        form = kwargs.get("form") or self.get_form()
        doc = documents.document(self.object, (translation.get_language() or "sv")[:2])
        by_question = {s["question_id"]: s for s in doc["sections"]}
        groups = [
            {
                "question": question,
                "answer": form[f"answer_{question.pk}"],
                "language": form[f"language_{question.pk}"],
                "lines": documents.figure_lines(
                    question.figures, by_question.get(question.pk, {}).get("figures")
                ),
            }
            for question in form.questions
        ]
        return super().get_context_data(follow_up=self.object, groups=groups, **kwargs)

    def form_valid(self, form: AnswersForm) -> HttpResponse:
        try:
            services.save_answers(
                self.object,
                form.answers(),
                due_on=form.cleaned_data["due_on"],
                by=signed_in_user(self.request),
            )
        except services.FollowUpRefused as refusal:
            messages.error(self.request, str(refusal))
            return redirect(self.object)
        messages.success(self.request, gettext("The follow-up has been saved."))
        return redirect(self.object)


@require_POST
def send_for_review(request: HttpRequest, year: int) -> HttpResponse:
    """Put the draft on the consultation group's next agenda (permission: annual.change_follow_up)."""
    follow_up = get_object_or_404(FOLLOW_UPS, year=year)
    check_access(
        request,
        follow_up,
        "annual.view_follow_up",
        "annual.change_follow_up",
        next_url=reverse("annual:detail", kwargs={"year": year}),
    )
    try:
        item = services.send_for_review(follow_up, by=signed_in_user(request))
    except services.FollowUpRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(follow_up)
    messages.success(
        request,
        gettext("The follow-up is on the agenda of %(meeting)s for review.")
        % {"meeting": f"{item.meeting.title} ({timezone.localtime(item.meeting.starts_at):%Y-%m-%d})"},
    )
    return redirect(follow_up)


class ApproveView(FollowUpAccessMixin, TemplateView):
    """Ask, then approve: the figures and texts are frozen and the follow-up can no longer be changed."""

    permission_required = "annual.change_follow_up"
    template_name = "annual/approve.html"

    def get(self, request, *args, **kwargs):
        if self.object.is_approved:
            return redirect(self.object)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        doc = documents.document(self.object, (translation.get_language() or "sv")[:2])
        unanswered = [s for s in doc["sections"] if not s["answer"]]
        return super().get_context_data(follow_up=self.object, unanswered=unanswered, **kwargs)

    def post(self, request: HttpRequest, year: int) -> HttpResponse:
        try:
            services.approve(self.object, by=signed_in_user(request))
        except services.FollowUpRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(self.object)
        messages.success(request, gettext("The follow-up for %(year)s has been approved.") % {"year": year})
        return redirect(self.object)


def _document_in(follow_up: YearlyFollowUp, language: str) -> dict:
    if language not in documents.LANGUAGES:
        raise Http404
    return documents.document(follow_up, language)


class FollowUpPdfView(FollowUpAccessMixin, View):
    """The follow-up as an accessible PDF in sv, fi or en; an approved one's is made once and kept."""

    def get(self, request: HttpRequest, year: int, language: str) -> HttpResponse:
        follow_up: YearlyFollowUp = self.object
        doc = _document_in(follow_up, language)
        with translation.override(language):
            status_label = str(follow_up.get_status_display())
        key = f"annual:pdf:{follow_up.pk}:{language}:{follow_up.approved_at.timestamp() if follow_up.approved_at else ''}"
        pdf = cache.get(key) if follow_up.is_approved else None
        if pdf is None:
            pdf, _pages = exports.follow_up_pdf(
                doc, status_label=status_label, approved=follow_up.is_approved
            )
            if follow_up.is_approved:
                cache.set(key, pdf, timeout=None)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="yearly-follow-up-{year}-{language}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response


class FollowUpExportView(FollowUpAccessMixin, View):
    """One row per question, to paste into the county administrative board's form: XLSX or CSV."""

    def get(self, request: HttpRequest, year: int, language: str, fmt: str) -> HttpResponse:
        if fmt not in {"csv", "xlsx"}:
            raise Http404
        doc = _document_in(self.object, language)
        return spreadsheet_response(
            exports.follow_up_table(doc, fmt), fmt, f"yearly-follow-up-{year}-{language}"
        )


class QuestionListView(PermissionRequiredMixin, TemplateView):
    permission_required = "annual.change_questions"
    template_name = "annual/questions.html"

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(questions=list(FollowUpQuestion.objects.all()), **kwargs)


class QuestionCreateView(PermissionRequiredMixin, FormView):
    permission_required = "annual.change_questions"
    form_class = QuestionForm
    template_name = "annual/question_form.html"
    success_url = reverse_lazy("annual:questions")

    def form_valid(self, form: QuestionForm) -> HttpResponse:
        services.save_question(form.save(commit=False), by=signed_in_user(self.request))
        messages.success(self.request, gettext("The question has been saved."))
        return HttpResponseRedirect(self.get_success_url())


class QuestionEditView(QuestionCreateView):
    """A question is configuration, not a secret: those who may not keep the questions get 403."""

    def setup(self, request, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(FollowUpQuestion, pk=kwargs["pk"])

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(question=self.object, **kwargs)

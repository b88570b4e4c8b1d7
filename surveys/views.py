"""Pages of questionnaires: the list, composing and sending one, answering it, and its results."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.history import stamp
from core.models import Membership, Role
from core.plumbing.spreadsheets import csv_bytes, spreadsheet_response, xlsx_bytes
from core.views.access import NeedsSignIn, ObjectAccessMixin, check_access, signed_in_user

from . import services
from .forms import AnswerForm, QuestionFormSet, QuestionnaireForm
from .models import Participation, Questionnaire, SurveyStatus
from .results import results


class QuestionnaireListView(PermissionRequiredMixin, TemplateView):
    """Coordinators see every questionnaire; everyone else the open ones sent to them."""

    permission_required = "surveys.view_questionnaires"
    template_name = "surveys/list.html"

    def get_context_data(self, **kwargs) -> dict:
        user = self.request.user
        if user.has_perm("surveys.change_questionnaire"):
            shown = list(Questionnaire.objects.select_related("forum"))
        else:
            answered = set(Participation.objects.filter(user=user).values_list("questionnaire_id", flat=True))
            # The person's forums in one query: a questionnaire goes to a forum's members, or to every
            # representative with a membership (Questionnaire.audience).
            forums = set(Membership.objects.current().filter(user=user).values_list("forum_id", flat=True))
            shown = [
                q
                for q in Questionnaire.objects.filter(status=SurveyStatus.OPEN).select_related("forum")
                if q.is_open
                and (
                    q.forum_id in forums if q.forum_id else bool(forums) and user.role == Role.REPRESENTATIVE
                )
            ]
            for q in shown:
                q.answered = q.pk in answered
        return super().get_context_data(
            questionnaires=shown, may_change=user.has_perm("surveys.change_questionnaire"), **kwargs
        )


class QuestionnaireCreateView(PermissionRequiredMixin, FormView):
    permission_required = "surveys.change_questionnaire"
    form_class = QuestionnaireForm
    template_name = "surveys/form.html"
    object: Questionnaire | None = None

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs) -> dict:
        if "formset" not in kwargs:
            kwargs["formset"] = QuestionFormSet(instance=self.object or Questionnaire(), prefix="questions")
        return super().get_context_data(questionnaire=self.object, **kwargs)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = self.get_form()
        formset = QuestionFormSet(request.POST, instance=self.object or Questionnaire(), prefix="questions")
        if not (form.is_valid() and formset.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        with transaction.atomic():
            questionnaire = form.save(commit=False)
            if questionnaire.created_by_id is None:
                questionnaire.created_by = signed_in_user(request)
            stamp(questionnaire, by=signed_in_user(request))
            questionnaire.save()
            formset.instance = questionnaire
            for position, question in enumerate(formset.save(commit=False), start=1):
                question.position = question.position or position
                question.save()
            for deleted in formset.deleted_objects:
                deleted.delete()
        messages.success(request, gettext("The questionnaire has been saved."))
        return redirect(questionnaire)


class QuestionnaireEditView(ObjectAccessMixin, QuestionnaireCreateView):
    """Only a draft is changed: once sent, its questions are what people answered."""

    view_permission = "surveys.change_questionnaire"
    permission_required = "surveys.change_questionnaire"
    model_queryset = Questionnaire.objects.all()

    def get(self, request, *args, **kwargs):
        if self.object.status != SurveyStatus.DRAFT:
            messages.info(request, gettext("The questionnaire has been sent and can no longer be changed."))
            return redirect(self.object)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.object.status != SurveyStatus.DRAFT:
            messages.error(request, gettext("The questionnaire has been sent and can no longer be changed."))
            return redirect(self.object)
        return super().post(request, *args, **kwargs)


class QuestionnaireDetailView(ObjectAccessMixin, TemplateView):
    view_permission = "surveys.change_questionnaire"
    template_name = "surveys/detail.html"
    model_queryset = Questionnaire.objects.select_related("forum", "created_by")

    def get_context_data(self, **kwargs) -> dict:
        questionnaire = self.object
        return super().get_context_data(
            questionnaire=questionnaire,
            questions=list(questionnaire.questions.all()),
            audience=questionnaire.audience().count(),
            responses=questionnaire.responses.count(),
            Status=SurveyStatus,
            **kwargs,
        )


@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the questionnaire to its audience (permission: surveys.change_questionnaire)."""
    questionnaire = get_object_or_404(Questionnaire, pk=pk)
    check_access(request, questionnaire, "surveys.change_questionnaire")
    try:
        sent = services.open_questionnaire(questionnaire, by=signed_in_user(request))
    except services.SurveyRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(questionnaire)
    messages.success(
        request, gettext("The questionnaire has been sent to %(count)s people.") % {"count": sent}
    )
    return redirect(questionnaire)


class AnswerView(FormView):
    """The questionnaire for those it was sent to, while it is open; each answers once."""

    form_class = AnswerForm
    template_name = "surveys/answer.html"

    def dispatch(self, request, *args, **kwargs):
        self.questionnaire = get_object_or_404(Questionnaire, pk=kwargs["pk"])
        user = request.user
        if not user.is_authenticated:
            raise NeedsSignIn()
        if not (
            self.questionnaire.status != SurveyStatus.DRAFT
            and self.questionnaire.audience().filter(pk=user.pk).exists()
        ):
            raise Http404
        done = Participation.objects.filter(questionnaire=self.questionnaire, user=user).exists()
        if done or not self.questionnaire.is_open:
            messages.info(
                request,
                gettext("You have already answered this questionnaire. Thank you!")
                if done
                else gettext("The questionnaire is closed: its last day for answers has passed."),
            )
            return redirect("surveys:list")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "questionnaire": self.questionnaire}

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(questionnaire=self.questionnaire, **kwargs)

    def form_valid(self, form: AnswerForm) -> HttpResponse:
        try:
            services.answer(self.questionnaire, signed_in_user(self.request), form.values())
        except services.SurveyRefused as refusal:
            messages.error(self.request, str(refusal))
            return redirect("surveys:list")
        messages.success(self.request, gettext("Thank you: your answers have been received."))
        return redirect("surveys:list")


class ResultsView(ObjectAccessMixin, TemplateView):
    view_permission = "surveys.view_results"
    template_name = "surveys/results.html"
    model_queryset = Questionnaire.objects.select_related("forum")

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(questionnaire=self.object, results=results(self.object), **kwargs)


class ResultsExportView(ObjectAccessMixin, View):
    """One row per question and option (or text), as the results page shows them."""

    view_permission = "surveys.view_results"
    model_queryset = Questionnaire.objects.all()

    def get(self, request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
        if fmt not in {"csv", "xlsx"}:
            raise Http404
        found = results(self.object)
        rows: list[list] = []
        for row in found.questions:
            for option, count, share in row.counts:
                rows.append([row.question.text, option, count, share])
            for text in row.texts:
                rows.append([row.question.text, text, 1, None])
        header = [
            gettext("Question"),
            gettext("Option or answer"),
            gettext("Number of answers"),
            gettext("Share (%)"),
        ]
        content = csv_bytes(header, rows) if fmt == "csv" else xlsx_bytes(gettext("Results"), header, rows)
        return spreadsheet_response(content, fmt, f"questionnaire-{pk}")

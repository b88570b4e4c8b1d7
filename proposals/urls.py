"""The proposals' pages, at /<lang>/proposals/ in the `proposals` namespace."""

from django.urls import path

from .views import participation, workflow

app_name = "proposals"

urlpatterns = [
    path("new/", workflow.ProposeView.as_view(), name="propose"),
    path("mine/", workflow.MineView.as_view(), name="mine"),
    path("inbox/", workflow.InboxView.as_view(), name="inbox"),
    path("<int:pk>/", workflow.ProposalDetailView.as_view(), name="detail"),
    path("<int:pk>/decide/", workflow.decide, name="decide"),
    # consider, place, merge, defer, decline, resolve, answered: one step each, for the buttons and for callers
    # that post a single decision (tests, scripts).
    *(
        path(f"<int:pk>/{action}/", workflow.take_step, {"action": action}, name=action)
        for action in workflow.STEPS
    ),
    path("<int:pk>/delete/", workflow.DeleteView.as_view(), name="delete"),
    path("attachments/<int:pk>/", workflow.download_attachment, name="attachment_download"),
    # Comments, support and the consultation log (lag 2009:724 §5).
    path("<int:pk>/comments/", participation.comment, name="comment"),
    path("comments/<int:pk>/hide/", participation.hide_comment, name="hide_comment"),
    path("<int:pk>/support/", participation.support, name="support"),
    path("<int:pk>/consultations/new/", participation.consultation_add, name="consultation_add"),
    path(
        "items/<int:pk>/consultations/new/",
        participation.agenda_item_consultation_add,
        name="agenda_item_consultation_add",
    ),
    path("consultations/", participation.consultation_log, name="consultation_log"),
    path("consultations/export/", participation.consultation_export, name="consultation_export"),
]

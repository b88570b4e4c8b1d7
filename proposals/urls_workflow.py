from django.urls import path

from .views import workflow

urlpatterns = [
    path("new/", workflow.ProposeView.as_view(), name="propose"),
    path("mine/", workflow.MineView.as_view(), name="mine"),
    path("inbox/", workflow.InboxView.as_view(), name="inbox"),
    path("<int:pk>/", workflow.ProposalDetailView.as_view(), name="detail"),
    path("<int:pk>/decide/", workflow.decide, name="decide"),
    # One step each, kept for callers that post a single decision (tests, scripts).
    path("<int:pk>/consider/", workflow.consider, name="consider"),
    path("<int:pk>/place/", workflow.place, name="place"),
    path("<int:pk>/merge/", workflow.merge, name="merge"),
    path("<int:pk>/defer/", workflow.defer, name="defer"),
    path("<int:pk>/decline/", workflow.decline, name="decline"),
    path("<int:pk>/resolve/", workflow.resolve, name="resolve"),
    path("<int:pk>/answered/", workflow.answered, name="answered"),
    path("<int:pk>/delete/", workflow.DeleteView.as_view(), name="delete"),
    path("attachments/<int:pk>/", workflow.download_attachment, name="attachment_download"),
]

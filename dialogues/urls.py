from django.urls import path

from . import views

app_name = "dialogues"

urlpatterns = [
    path(
        "meetings/<int:meeting_pk>/commitments/new/",
        views.CommitmentCreateView.as_view(),
        name="commitment_create",
    ),
    path("commitments/", views.CommitmentListView.as_view(), name="commitment_list"),
    path("commitments/<int:pk>/", views.CommitmentDetailView.as_view(), name="commitment_detail"),
    path("commitments/<int:pk>/answer/", views.CommitmentAnswerView.as_view(), name="commitment_answer"),
    path("commitments/<int:pk>/received/", views.commitment_received, name="commitment_received"),
]

from django.urls import path

from . import views

app_name = "annual"

urlpatterns = [
    path("", views.FollowUpListView.as_view(), name="list"),
    path("new/", views.draft_follow_up, name="draft"),
    path("questions/", views.QuestionListView.as_view(), name="questions"),
    path("questions/new/", views.QuestionCreateView.as_view(), name="question_create"),
    path("questions/<int:pk>/", views.QuestionEditView.as_view(), name="question_edit"),
    path("<int:year>/", views.FollowUpDetailView.as_view(), name="detail"),
    path("<int:year>/edit/", views.AnswersView.as_view(), name="edit"),
    path("<int:year>/review/", views.send_for_review, name="review"),
    path("<int:year>/approve/", views.ApproveView.as_view(), name="approve"),
    path("<int:year>/follow-up-<str:language>.pdf", views.FollowUpPdfView.as_view(), name="pdf"),
    path("<int:year>/follow-up-<str:language>.<str:fmt>", views.FollowUpExportView.as_view(), name="export"),
]

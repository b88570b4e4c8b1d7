from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.QuestionnaireListView.as_view(), name="list"),
    path("new/", views.QuestionnaireCreateView.as_view(), name="create"),
    path("<int:pk>/", views.QuestionnaireDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.QuestionnaireEditView.as_view(), name="edit"),
    path("<int:pk>/send/", views.send, name="send"),
    path("<int:pk>/answer/", views.AnswerView.as_view(), name="answer"),
    path("<int:pk>/results/", views.ResultsView.as_view(), name="results"),
    path("<int:pk>/results.<str:fmt>", views.ResultsExportView.as_view(), name="export"),
]

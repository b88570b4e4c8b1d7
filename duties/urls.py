from django.urls import path

from . import views

app_name = "duties"

urlpatterns = [
    path("", views.SummaryView.as_view(), name="summary"),
    path("register/", views.RegisterView.as_view(), name="register"),
    path("register/export.<str:fmt>", views.RegisterExportView.as_view(), name="register_export"),
    path("new/", views.DutyCreateView.as_view(), name="create"),
    path("<int:pk>/", views.DutyDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.DutyEditView.as_view(), name="edit"),
    path("<int:pk>/<int:year>/", views.AssessView.as_view(), name="assess"),
    path("assessments/<int:pk>/file/", views.download_assessment_file, name="assessment_file"),
]

from django.urls import include, path

app_name = "proposals"

urlpatterns = [
    path("", include("proposals.urls_workflow")),
    path("", include("proposals.urls_participation")),
]

"""/api/: the open data, without a language prefix (`?lang=` chooses the language of names and titles)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"

router = SimpleRouter()
router.register("meetings", views.MeetingViewSet, basename="meetings")
router.register("goals", views.GoalViewSet, basename="goals")
router.register("indicators", views.IndicatorViewSet, basename="indicators")
router.register("actions", views.ActionViewSet, basename="actions")
router.register("rights-pages", views.RightsPageViewSet, basename="rights-pages")
router.register("reports", views.ReportViewSet, basename="reports")

urlpatterns = [
    path("", views.api_root, name="root"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    path("catalogue.rdf", views.catalogue, name="catalogue"),
    path("v1/", include(router.urls)),
]

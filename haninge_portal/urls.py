"""URLs: every page carries its language (/sv/, /fi/, /en/); health and the root redirect do not."""

from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from api.views import DocumentationView as ApiDocumentationView

from . import views

# One door in: the admin's own login page would skip the rate limits and the second factor, so it sends
# people to the portal's sign-in (core/auth.py) and back. Set before admin.site.urls is read.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("healthz", views.health, name="health"),
    # The open data: read-only JSON of what is public, for every program, in no language's address.
    path("api/", include("api.urls")),
]

# Django tries the patterns in order, and an include without a prefix of its own (core, pages) is tried
# pattern by pattern by every address that reaches it: the apps with a prefix come first, so that an address
# under /followup/ is not first tried against core's forty-odd patterns (70-80 µs to resolve it that way,
# 40-45 µs now; the pages measured by `make bench` resolve in 51 µs on average, 58 before). No address of
# core or pages begins with an app's prefix.
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("accounts/", include("allauth.urls")),
    path("dialogues/", include("dialogues.urls")),
    path("workinggroups/", include("workinggroups.urls")),
    path("proposals/", include("proposals.urls")),
    path("search/", include("search.urls")),
    path("followup/", include("followup.urls")),
    path("duties/", include("duties.urls")),
    path("yearly-follow-up/", include("annual.urls")),
    path("questionnaires/", include("surveys.urls")),
    path("reports/", include("reports.urls")),
    path("open-data/", ApiDocumentationView.as_view(), name="api_documentation"),
    path("admin/", admin.site.urls),
    path("", include("core.urls")),
    path("", include("pages.urls")),
    prefix_default_language=True,
)

# Uploaded files are never served by address: attachments go through views that check permissions.

admin.site.site_header = "Haninge – nationella minoriteter"
admin.site.site_title = "Haninge"

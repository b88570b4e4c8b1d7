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

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("accounts/", include("allauth.urls")),
    path("", include("core.urls")),
    path("dialogues/", include("dialogues.urls")),
    path("workinggroups/", include("workinggroups.urls")),
    path("proposals/", include("proposals.urls")),
    path("search/", include("search.urls")),
    path("followup/", include("followup.urls")),
    path("duties/", include("duties.urls")),
    path("yearly-follow-up/", include("annual.urls")),
    path("questionnaires/", include("surveys.urls")),
    path("reports/", include("reports.urls")),
    path("", include("pages.urls")),
    path("open-data/", ApiDocumentationView.as_view(), name="api_documentation"),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

# Uploaded files are never served by address: attachments go through views that check permissions.

admin.site.site_header = "Haninge – nationella minoriteter"
admin.site.site_title = "Haninge"

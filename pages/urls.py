from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("rights/", views.RightsIndexView.as_view(), name="index"),
    path("rights/in/<str:language>/", views.RightsIndexView.as_view(), name="index_in"),
    path("rights/new/", views.PageCreateView.as_view(), name="create"),
    path("rights/<slug:slug>/", views.PageDetailView.as_view(), name="detail"),
    path("rights/<slug:slug>/<str:language>/", views.PageDetailView.as_view(), name="detail_in"),
    path("rights/<slug:slug>/<str:language>/page.pdf", views.page_pdf, name="pdf"),
    path("rights/<slug:slug>/<str:language>/edit/", views.VersionEditView.as_view(), name="edit"),
    path("rights/<slug:slug>/<str:language>/publish/", views.publish_version, name="publish"),
    path("translations/", views.QueueView.as_view(), name="queue"),
    path("translations/<str:language>/", views.QueueView.as_view(), name="queue_in"),
    # An XLIFF batch for a translator (not a spreadsheet: CAT tools open it, no cell runs as a formula).
    path("translations/<str:language>/batch.xlf", views.export_batch, name="batch"),
    path("translations/<str:language>/import/", views.ImportView.as_view(), name="import"),
]

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.ArchiveView.as_view(), name="archive"),
    path("new/", views.OrderView.as_view(), name="order"),
    path("<int:pk>/", views.ReportDetailView.as_view(), name="detail"),
    path("<int:pk>/pdf/", views.DownloadView.as_view(), name="download"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("public/", views.PublicListView.as_view(), name="public_list"),
    path("public/<int:pk>/pdf/", views.PublicDownloadView.as_view(), name="public_download"),
]

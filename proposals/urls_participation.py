"""Comments, support and the consultation log; included at /<lang>/proposals/ in the `proposals` namespace."""

from django.urls import path

from .views import participation as views

urlpatterns = [
    path("<int:pk>/comments/", views.comment, name="comment"),
    path("comments/<int:pk>/hide/", views.hide_comment, name="hide_comment"),
    path("<int:pk>/support/", views.support, name="support"),
    path("<int:pk>/consultations/new/", views.consultation_add, name="consultation_add"),
    path(
        "items/<int:pk>/consultations/new/",
        views.agenda_item_consultation_add,
        name="agenda_item_consultation_add",
    ),
    path("consultations/", views.consultation_log, name="consultation_log"),
    path("consultations/export/", views.consultation_export, name="consultation_export"),
]

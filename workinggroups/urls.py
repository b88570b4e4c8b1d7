from django.urls import path

from . import views

app_name = "workinggroups"

urlpatterns = [
    path("", views.WorkingGroupListView.as_view(), name="list"),
    path("new/", views.WorkingGroupCreateView.as_view(), name="create"),
    path("<slug:slug>/mandate/", views.MandateEditView.as_view(), name="mandate_edit"),
    path("<slug:slug>/close/", views.CloseWorkingGroupView.as_view(), name="close"),
]

from django.urls import path

from .views import actions, overview, plan

app_name = "followup"

urlpatterns = [
    path("", overview.DashboardView.as_view(), name="dashboard"),
    path("department/", overview.DepartmentView.as_view(), name="department"),
    path("actions/", actions.RegisterView.as_view(), name="register"),
    path("actions/export.<str:fmt>", actions.ExportView.as_view(), name="register_export"),
    path("actions/new/", actions.ActionCreateView.as_view(), name="action_create"),
    path("actions/<int:pk>/", actions.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/edit/", actions.ActionEditView.as_view(), name="action_edit"),
    path("actions/<int:pk>/update/", actions.ProgressUpdateView.as_view(), name="action_update"),
    path("updates/<int:pk>/file/", actions.download_update_file, name="update_file"),
    path("goals/", plan.GoalListView.as_view(), name="goal_list"),
    path("goals/new/", plan.GoalCreateView.as_view(), name="goal_create"),
    path("goals/<int:pk>/", plan.GoalDetailView.as_view(), name="goal_detail"),
    path("goals/<int:pk>/edit/", plan.GoalEditView.as_view(), name="goal_edit"),
    path("indicators/", plan.IndicatorListView.as_view(), name="indicator_list"),
    path("indicators/new/", plan.IndicatorCreateView.as_view(), name="indicator_create"),
    path("indicators/<int:pk>/", plan.IndicatorDetailView.as_view(), name="indicator_detail"),
    path("indicators/<int:pk>/edit/", plan.IndicatorEditView.as_view(), name="indicator_edit"),
    path("indicators/<int:pk>/values/new/", plan.IndicatorValueView.as_view(), name="indicator_value"),
    path("cycles/", plan.CycleListView.as_view(), name="cycle_list"),
    path("cycles/new/", plan.CycleCreateView.as_view(), name="cycle_create"),
]

from django.urls import path

from .views import actions, comments, grants, overview, plan

app_name = "followup"

urlpatterns = [
    path("", overview.DashboardView.as_view(), name="dashboard"),
    path("department/", overview.DepartmentView.as_view(), name="department"),
    path("trends/", overview.TrendsView.as_view(), name="trends"),
    path("trends/summary/", overview.TrendSummaryView.as_view(), name="trend_summary"),
    path("actions/", actions.RegisterView.as_view(), name="register"),
    path("actions/export.<str:fmt>", actions.ExportView.as_view(), name="register_export"),
    path("actions/new/", actions.ActionCreateView.as_view(), name="action_create"),
    path("actions/<int:pk>/", actions.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/edit/", actions.ActionEditView.as_view(), name="action_edit"),
    path("actions/<int:pk>/update/", actions.ProgressUpdateView.as_view(), name="action_update"),
    path("updates/<int:pk>/file/", actions.download_update_file, name="update_file"),
    path("actions/<int:pk>/comments/", comments.comment, name="action_comment"),
    path("action-comments/<int:pk>/hide/", comments.hide_comment, name="action_comment_hide"),
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
    path("grants/", grants.GrantListView.as_view(), name="grant_list"),
    path("grants/new/", grants.GrantCreateView.as_view(), name="grant_create"),
    path("grants/<int:year>/", grants.GrantDetailView.as_view(), name="grant_detail"),
    path("grants/<int:year>/edit/", grants.GrantEditView.as_view(), name="grant_edit"),
    path("grants/<int:year>/uses/new/", grants.GrantUseCreateView.as_view(), name="grant_use_create"),
    path("grant-uses/<int:pk>/edit/", grants.GrantUseEditView.as_view(), name="grant_use_edit"),
    path("grant-uses/<int:pk>/delete/", grants.GrantUseDeleteView.as_view(), name="grant_use_delete"),
]

from django.urls import path

from .views import (
    agenda,
    attachments,
    attendance,
    bench,
    calendar,
    forums,
    invitations,
    meetings,
    minutes,
    notifications,
    personal_data,
    profile,
    session,
    statements,
)

app_name = "core"

urlpatterns = [
    path("profile/", profile.ProfileView.as_view(), name="profile"),
    # How each kind of message arrives (at once, in a digest, never), and following things.
    path(
        "profile/notifications/",
        notifications.NotificationSettingsView.as_view(),
        name="notification_settings",
    ),
    path("follow/<slug:key>/<int:pk>/", notifications.follow_view, name="follow"),
    path("unfollow/<slug:key>/<int:pk>/", notifications.unfollow_view, name="unfollow"),
    # "Stay signed in": the warning before the session ends calls this (core/session_timing.py).
    path("session/keep-alive/", session.keep_alive, name="session_keep_alive"),
    # GDPR: a person's own data, as a page and as a file; erasure of a person by an administrator.
    path("profile/data/", personal_data.MyDataView.as_view(), name="my_data"),
    path("profile/data.json", personal_data.my_data_json, name="my_data_json"),
    path("people/<int:pk>/erase/", personal_data.ErasePersonView.as_view(), name="person_erase"),
    path("erasures/<int:pk>/", personal_data.ErasureRecordView.as_view(), name="erasure_record"),
    # Accounts with a role are given by invitation, not by open sign-up.
    path("invitations/", invitations.InvitationListView.as_view(), name="invitation_list"),
    path("invitations/new/", invitations.InvitationCreateView.as_view(), name="invitation_create"),
    path("invitations/<int:pk>/resend/", invitations.resend_invitation, name="invitation_resend"),
    path("invitations/<int:pk>/revoke/", invitations.revoke_invitation, name="invitation_revoke"),
    path(
        "invitations/accept/<str:token>/",
        invitations.AcceptInvitationView.as_view(),
        name="invitation_accept",
    ),
    path("forums/", forums.ForumListView.as_view(), name="forum_list"),
    path("forums/<slug:slug>/", forums.ForumDetailView.as_view(), name="forum_detail"),
    path("forums/<slug:slug>/meetings.ics", calendar.forum_feed, name="forum_feed"),
    path("forums/<slug:slug>/meetings/new/", meetings.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", meetings.MeetingDetailView.as_view(), name="meeting_detail"),
    path("meetings/<int:pk>/edit/", meetings.MeetingUpdateView.as_view(), name="meeting_edit"),
    path("meetings/<int:pk>/publish/", meetings.publish_agenda, name="meeting_publish"),
    path("meetings/<int:pk>/cancel/", meetings.MeetingCancelView.as_view(), name="meeting_cancel"),
    path("meetings/<int:pk>/respond/", meetings.respond, name="meeting_respond"),
    path("meetings/<int:pk>/attendance/", attendance.AttendanceView.as_view(), name="meeting_attendance"),
    path("meetings/<int:pk>/guests/", attendance.add_guest, name="meeting_add_guest"),
    path("meetings/<int:pk>/minutes/", minutes.MinutesEditView.as_view(), name="minutes_edit"),
    path("meetings/<int:pk>/minutes/status/", minutes.move_minutes, name="minutes_move"),
    # A protocol's chair and adjusters (justerare), their approval, and the document in Swedish and Finnish.
    path("meetings/<int:pk>/minutes/signers/", minutes.choose_signers, name="minutes_signers"),
    path("meetings/<int:pk>/minutes/adjust/", minutes.adjust_minutes, name="minutes_adjust"),
    path("meetings/<int:pk>/protocol-<str:language>.pdf", minutes.download_protocol, name="meeting_protocol"),
    path("meetings/<int:pk>/history/", meetings.MeetingHistoryView.as_view(), name="meeting_history"),
    path("meetings/<int:pk>/meeting.ics", meetings.meeting_ics, name="meeting_ics"),
    path("meetings/<int:pk>/items/new/", agenda.AgendaItemCreateView.as_view(), name="agenda_item_create"),
    path("items/<int:pk>/edit/", agenda.AgendaItemUpdateView.as_view(), name="agenda_item_edit"),
    path("items/<int:pk>/delete/", agenda.AgendaItemDeleteView.as_view(), name="agenda_item_delete"),
    path("items/<int:pk>/move/", agenda.move_agenda_item, name="agenda_item_move"),
    path(
        "meetings/<int:pk>/attachments/new/",
        attachments.AttachmentCreateView.as_view(),
        name="attachment_create",
    ),
    path("attachments/<int:pk>/", attachments.download_attachment, name="attachment_download"),
    path("attachments/<int:pk>/delete/", attachments.delete_attachment, name="attachment_delete"),
    path("calendar/", calendar.CalendarMonthView.as_view(), name="calendar"),
    # The published minutes of the public forums (the consultation group's above all), in one list.
    path("minutes/", minutes.PublishedMinutesView.as_view(), name="published_minutes"),
    path("calendar/list/", calendar.CalendarListView.as_view(), name="calendar_list"),
    path("calendar/feed/<str:token>.ics", calendar.feed, name="calendar_feed"),
    path("calendar/feed/reset/", calendar.reset_feed, name="calendar_feed_reset"),
    # The floor of `make bench`: one query, a one-line template (scripts/bench.py compares pages with it).
    path("bench/floor/", bench.bench_floor, name="bench_floor"),
    # Public duties: the accessibility statement (lag 2018:1937) and the privacy notice, linked from every page.
    path("accessibility/", statements.AccessibilityView.as_view(), name="accessibility"),
    path("privacy/", statements.PrivacyView.as_view(), name="privacy"),
]

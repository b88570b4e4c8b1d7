"""`{% session_body_attributes %}`: the session's end times on <body>, for static/js/session-timeout.js."""

from django import template
from django.utils.safestring import SafeString

from core.session_timing import body_attributes

register = template.Library()


@register.simple_tag(takes_context=True)
def session_body_attributes(context: template.Context) -> SafeString:
    request = context.get("request")
    return body_attributes(request) if request is not None else SafeString("")

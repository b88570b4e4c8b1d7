"""Template helpers shared by every page."""

from typing import cast

from django import template
from django.forms import BaseForm, BoundField
from django.forms.formsets import BaseFormSet

register = template.Library()

CHOICE_WIDGETS = {"checkbox", "radio", "checkboxselectmultiple", "radioselect"}


@register.filter
def ds_widget(field: BoundField) -> str:
    """The field's widget with Designsystemet's class and its hint and error tied by aria-describedby."""
    described_by = []
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    attrs: dict[str, str | bool] = {}
    if field.widget_type not in {"checkboxselectmultiple", "radioselect"}:
        existing = field.field.widget.attrs.get("class", "")
        attrs["class"] = f"{existing} ds-input".strip()
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def is_choice(field: BoundField) -> bool:
    return field.widget_type in CHOICE_WIDGETS


@register.simple_tag(takes_context=True)
def has_form_errors(context: template.Context) -> bool:
    """Whether any bound form or formset on the page has errors (the title then starts with "Error:")."""
    for value in context.flatten().values():
        # type(), not isinstance(): isinstance would evaluate lazy values such as csrf_token, which sets the
        # CSRF cookie on every page and keeps visitors' pages out of the shared page cache.
        if not issubclass(type(value), BaseForm | BaseFormSet):
            continue
        form = cast(BaseForm | BaseFormSet, value)
        if form.is_bound:
            if isinstance(form, BaseFormSet):
                if form.total_error_count():
                    return True
            elif form.errors:
                return True
    return False


@register.filter
def without_greeting(body: str) -> str:
    """A message's text without its opening greeting ("Hello Aino,"): the digest greets once."""
    lines = body.strip().splitlines()
    if lines and len(lines[0]) <= 60 and lines[0].rstrip().endswith(","):
        lines = lines[1:]
    return "\n".join(line.rstrip() for line in lines).strip()


@register.inclusion_tag("core/includes/follow_button.html", takes_context=True)
def follow_button(context: template.Context, obj) -> dict:
    """Follow or stop following the object, for a signed-in person who may see it."""
    from core.follows import followable_of, is_following

    request = context.get("request")
    user = getattr(request, "user", None)
    followable = followable_of(obj)
    shown = bool(user is not None and user.is_authenticated and followable is not None)
    return {
        "shown": shown,
        "following": shown and user is not None and is_following(user, obj),
        "key": followable.key if followable else "",
        "obj": obj,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }

"""Template helpers shared by every page."""

from django import template
from django.forms import BoundField

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
    attrs = {}
    if field.widget_type not in {"checkboxselectmultiple", "radioselect"}:
        existing = field.field.widget.attrs.get("class", "")
        attrs["class"] = f"{existing} ds-input".strip()
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def is_choice(field: BoundField) -> bool:
    return field.widget_type in CHOICE_WIDGETS

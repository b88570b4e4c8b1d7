from django import forms
from django.utils.translation import gettext_lazy as _

# Shorter words find too much to be useful; longer input is not a search but a pasted text.
MIN_LENGTH = 2
MAX_LENGTH = 200


class SearchForm(forms.Form):
    """What to look for, sent with GET so that a search can be linked to and works without JavaScript."""

    q = forms.CharField(
        label=_("Search for"),
        help_text=_(
            "Words from a meeting, the minutes, a proposal or an action. You find only what you may see."
        ),
        min_length=MIN_LENGTH,
        max_length=MAX_LENGTH,
        widget=forms.SearchInput,
        error_messages={
            "required": _("Write what you are looking for."),
            "min_length": _("Write at least %(limit_value)d characters."),
            "max_length": _("Write at most %(limit_value)d characters."),
        },
    )

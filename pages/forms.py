from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core.models import NationalMinority
from core.models.languages import content_language_codes, language_direction

from .models import Page, PageVersion, VersionStatus


class PageForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = [
            "slug",
            "kind",
            "minority",
            "contact_name",
            "contact_email",
            "contact_phone",
            "show_duties",
            "position",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minority"].queryset = NationalMinority.objects.all()


class VersionForm(forms.ModelForm):
    """One language version's text; the button pressed says what becomes of it."""

    ACTIONS = {
        "draft": VersionStatus.DRAFT,
        "review": VersionStatus.REVIEW,
        "publish": VersionStatus.PUBLISHED,
    }

    class Meta:
        model = PageVersion
        fields = ["title", "summary", "body"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "body": forms.Textarea(attrs={"rows": 16})}

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].widget.attrs["lang"] = language
            self.fields[name].widget.attrs["dir"] = language_direction(language)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("XLIFF file"),
        help_text=_("The file the translator sent back (.xlf or .xliff, at most 2 MB)."),
    )


def content_language_or_404(code: str) -> str:
    if code not in content_language_codes():
        raise Http404
    return code

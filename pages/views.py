"""Public pages (rights pages, information pages) and the translation queue that keeps their languages."""

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.models.languages import active_content_language, content_languages
from core.plumbing.pagecache import cached_get
from core.views.access import NeedsSignIn
from reports.render import tagged_pdf

from . import content, services, xliff
from .forms import ImportForm, PageForm, VersionForm, content_language_or_404
from .models import Page, PageVersion, VersionStatus


def _language_info(code: str) -> dict:
    return next(info for info in content_languages() if info["code"] == code)


@cached_get
class RightsIndexView(PermissionRequiredMixin, TemplateView):
    """For everyone: the rights of the national minorities, a page per minority, in a chosen language."""

    permission_required = "pages.view_page"
    template_name = "pages/rights_index.html"

    def get_context_data(self, **kwargs) -> dict:
        requested = content_language_or_404(self.kwargs.get("language") or active_content_language())
        pages = []
        for page in content.rights_pages():
            text = content.shown(page, requested)
            if text is not None:
                pages.append({"page": page, "text": text})
        return super().get_context_data(
            pages=pages,
            requested=_language_info(requested),
            language_in_address="language" in self.kwargs,
            may_translate=self.request.user.has_perm("pages.view_translation_queue"),
            language_links=[
                {**info, "url": reverse("pages:index_in", args=[info["code"]])}
                for info in content_languages()
            ],
            **kwargs,
        )


@cached_get
class PageDetailView(PermissionRequiredMixin, TemplateView):
    """For everyone: a page in the visitor's language, or in the one asked for, with what applies to it."""

    permission_required = "pages.view_page"
    template_name = "pages/page_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        requested = content_language_or_404(self.kwargs.get("language") or active_content_language())
        page = get_object_or_404(
            Page.objects.select_related("minority").prefetch_related("versions", "minority__languages"),
            slug=self.kwargs["slug"],
        )
        text = content.shown(page, requested)
        if text is None:
            raise Http404
        return super().get_context_data(
            page=page,
            text=text,
            requested=_language_info(requested),
            language_in_address="language" in self.kwargs,
            language_links=content.language_links(page),
            duties=content.duties_for(page),
            forums=content.forums_for(page),
            may_change=self.request.user.has_perm("pages.change_page"),
            **kwargs,
        )


def page_pdf(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    """For everyone: the page as a tagged PDF (PDF/UA-1) in the language asked for, its fonts embedded.

    Made once per published text and kept in the cache: a visitor cannot make the server render on demand.
    """
    _require(request, "pages.view_page")
    requested = content_language_or_404(language)
    page = get_object_or_404(
        Page.objects.select_related("minority").prefetch_related("versions", "minority__languages"), slug=slug
    )
    text = content.shown(page, requested)
    if text is None:
        raise Http404
    ui = active_content_language()
    stamp = max((v.published_at.timestamp() for v in page.versions.all() if v.published_at), default=0)
    key = f"pages:pdf:{page.pk}:{requested}:{ui}:{stamp}:{page.contact_name}:{page.contact_email}"
    pdf = cache.get(key)
    if pdf is None:
        html = render_to_string(
            "pages/pdf/page.html",
            {"page": page, "text": text, "requested": _language_info(requested), "ui": ui},
        )
        pdf, _pages = tagged_pdf(html)
        cache.set(key, pdf, timeout=7 * 24 * 3600)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{page.slug}-{requested}.pdf"'
    return response


class PageCreateView(PermissionRequiredMixin, FormView):
    permission_required = "pages.change_page"
    template_name = "pages/page_form.html"
    form_class = PageForm

    def form_valid(self, form: PageForm) -> HttpResponse:
        page = form.save()
        messages.success(self.request, gettext("The page was created. Write its Swedish text."))
        return redirect("pages:edit", slug=page.slug, language=page.source_language)


class VersionEditView(PermissionRequiredMixin, FormView):
    """A coordinator writes one language version and saves it as a draft, for review, or published."""

    permission_required = "pages.change_page"
    template_name = "pages/version_form.html"
    form_class = VersionForm

    def dispatch(self, request, *args, **kwargs):
        self.language = content_language_or_404(kwargs["language"])
        self.page = get_object_or_404(Page.objects.prefetch_related("versions"), slug=kwargs["slug"])
        self.version = self.page.version_in(self.language)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.version, "language": self.language}

    def get_context_data(self, **kwargs) -> dict:
        texts = xliff.source_texts(self.page)
        source = texts if self.language != self.page.source_language else {}
        title = texts.get("title") or self.page.slug
        return super().get_context_data(
            page=self.page,
            version=self.version,
            language=_language_info(self.language),
            source=source,
            page_title=title,
            # The page's name is in its source language inside a heading in the coordinator's (WCAG 3.1.2).
            page_title_marked=format_html('<span lang="{}">{}</span>', self.page.source_language, title),
            source_language=_language_info(self.page.source_language),
            status=self.version.get_status_display() if self.version else VersionStatus.MISSING.label,
            **kwargs,
        )

    def form_valid(self, form: VersionForm) -> HttpResponse:
        action = self.request.POST.get("action", "draft")
        status = VersionForm.ACTIONS.get(action, VersionStatus.DRAFT)
        services.save_version(
            self.page,
            self.language,
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
            body=form.cleaned_data["body"],
            status=status,
            user=self.request.user,
        )
        messages.success(
            self.request,
            {
                VersionStatus.DRAFT: gettext(
                    "The draft was saved. The public still reads the published text."
                ),
                VersionStatus.REVIEW: gettext("The text was saved and awaits review."),
                VersionStatus.PUBLISHED: gettext("The text was published."),
            }[status],
        )
        return redirect("pages:detail_in", slug=self.page.slug, language=self.language)


def _require(request: HttpRequest, permission: str) -> None:
    """A visitor is sent to sign in; a signed-in person without the permission is refused (403)."""
    if not request.user.has_perm(permission):
        if not request.user.is_authenticated:
            raise NeedsSignIn()
        raise PermissionDenied


@require_POST
def publish_version(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    _require(request, "pages.change_page")
    version = get_object_or_404(PageVersion, page__slug=slug, language=content_language_or_404(language))
    if version.status == VersionStatus.REVIEW:
        services.publish(version, request.user)
        messages.success(request, gettext("The text was published."))
    else:
        messages.error(request, gettext("Only a text awaiting review can be published from the queue."))
    return redirect(reverse("pages:queue_in", kwargs={"language": language}))


@cached_get
class QueueView(PermissionRequiredMixin, TemplateView):
    """For coordinators: per language, which pages are missing, drafted, awaiting review or published."""

    permission_required = "pages.view_translation_queue"
    template_name = "pages/queue.html"

    def get_context_data(self, **kwargs) -> dict:
        requested = self.kwargs.get("language")
        if requested is not None:
            content_language_or_404(requested)
        pages = list(Page.objects.prefetch_related("versions").order_by("kind", "position", "slug"))
        summary = []
        for info in content_languages():
            counts = dict.fromkeys(VersionStatus.values, 0)
            for page in pages:
                counts[content.status_of(page, info["code"])] += 1
            summary.append({**info, "counts": counts, "url": reverse("pages:queue_in", args=[info["code"]])})
        rows = []
        if requested:
            for page in pages:
                version = page.version_in(requested)
                source = page.version_in(page.source_language)
                rows.append(
                    {
                        "page": page,
                        "title": (source.title if source else page.slug),
                        "version": version,
                        "status": VersionStatus(version.status if version else VersionStatus.MISSING),
                        "outdated": bool(version and source and version.is_behind(source)),
                    }
                )
        return super().get_context_data(
            summary=summary,
            requested=_language_info(requested) if requested else None,
            rows=rows,
            import_form=ImportForm(),
            **kwargs,
        )


def export_batch(request: HttpRequest, language: str) -> HttpResponse:
    """An XLIFF batch of every page's texts for a translator into `language`."""
    _require(request, "pages.view_translation_queue")
    language = content_language_or_404(language)
    if language == settings.LANGUAGE_CODE:
        raise Http404
    pages = list(Page.objects.prefetch_related("versions").order_by("kind", "position", "slug"))
    data = xliff.export(pages, settings.LANGUAGE_CODE, language)
    response = HttpResponse(data, content_type="application/x-xliff+xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="haninge-pages-sv-{language}.xlf"'
    return response


class ImportView(PermissionRequiredMixin, FormView):
    """Import a translator's XLIFF: checked whole, stored as versions awaiting review, or refused whole."""

    permission_required = "pages.view_translation_queue"
    template_name = "pages/import.html"
    form_class = ImportForm

    def dispatch(self, request, *args, **kwargs):
        self.language = content_language_or_404(kwargs["language"])
        if self.language == settings.LANGUAGE_CODE:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(language=_language_info(self.language), **kwargs)

    def form_valid(self, form: ImportForm) -> HttpResponse:
        data = form.cleaned_data["file"].read(xliff.MAX_BYTES + 1)
        try:
            parsed = xliff.parse(data, settings.LANGUAGE_CODE, self.language)
        except xliff.ImportRefused as refused:
            for problem in refused.problems[:20]:
                form.add_error("file", problem)
            form.add_error("file", gettext("Nothing was imported."))
            return self.form_invalid(form)
        versions = services.apply_import(self.language, parsed.texts, self.request.user)
        messages.success(
            self.request,
            ngettext(
                "One page was imported and awaits review.",
                "%(count)s pages were imported and await review.",
                len(versions),
            )
            % {"count": len(versions)},
        )
        return redirect("pages:queue_in", language=self.language)

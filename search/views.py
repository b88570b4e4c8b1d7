"""The search page: a form sent with GET, and the hits grouped by kind."""

from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.plumbing.pagecache import cached_get

from .forms import SearchForm
from .queries import search


@cached_get
class SearchView(PermissionRequiredMixin, TemplateView):
    """Everyone may search; each person finds only what they may see (search/queries.py)."""

    permission_required = "search.search"
    template_name = "search/search_results.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        # The page opened without a query shows the empty form, not an error.
        form = SearchForm(self.request.GET if "q" in self.request.GET else None)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        groups = search(self.request.user, query) if query else []
        context.update(form=form, query=query, groups=groups, total=sum(group.count for group in groups))
        return context

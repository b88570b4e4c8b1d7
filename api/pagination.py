from rest_framework.pagination import PageNumberPagination


class OpenDataPagination(PageNumberPagination):
    """Fifty to a page; `page_size` up to 200; `count`, `next` and `previous` say where the rest is."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

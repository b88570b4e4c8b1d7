from rest_framework.permissions import SAFE_METHODS, BasePermission


class ReadsOpenData(BasePermission):
    """Everyone may read the open data (rule api.read_open_data); nobody writes through the API."""

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS and request.user.has_perm("api.read_open_data")

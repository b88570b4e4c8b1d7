"""Who may do what, as django-rules predicates. Views declare `permission_required` with these names.

Roles: anonymous, resident, representative, administration contact, politician, coordinator,
administrator. Coordinators run the forums; administrators may also configure the portal.
"""

import rules

from .models import Role


@rules.predicate
def is_administrator(user) -> bool:
    return bool(user.is_authenticated and (user.role == Role.ADMINISTRATOR or user.is_superuser))


@rules.predicate
def is_coordinator(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.COORDINATOR)


@rules.predicate
def is_politician(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.POLITICIAN)


@rules.predicate
def is_representative(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.REPRESENTATIVE)


@rules.predicate
def is_admin_contact(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.ADMIN_CONTACT)


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(user.is_authenticated)


@rules.predicate
def is_member_of_forum(user, forum) -> bool:
    """A current membership of the forum (a representative of that minority, a contact in that group)."""
    if not user.is_authenticated or forum is None:
        return False
    from .models import Membership

    return Membership.objects.current().filter(user=user, forum=forum).exists()


runs_forums = is_coordinator | is_administrator

# Pages every visitor may open; they show what the visitor's role may see.
rules.add_perm("core.view_home", rules.always_allow)
rules.add_perm("core.view_health", rules.always_allow)
# A person's own profile and language.
rules.add_perm("core.change_own_profile", is_signed_in)

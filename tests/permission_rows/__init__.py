"""Rows of the permission matrix, one module per app; tests/test_permission_matrix.py merges them.

Each module defines ROWS: url name -> (kwargs, expected status per role). kwargs is a dict, or a
function that takes the `world` fixture and returns one (to point at an object it creates).
"""

import importlib
import pkgutil

from tests.conftest import ROLES

SIGNED_IN = [r for r in ROLES if r != "anonymous"]


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def signed_in_only(status: int = 200) -> dict[str, int]:
    """Visitors are sent to sign in (302); everyone signed in gets `status`."""
    return {"anonymous": 302, **dict.fromkeys(SIGNED_IN, status)}


def signed_in_statuses(**by_role: int) -> dict[str, int]:
    """Visitors are sent to sign in; every signed-in role is named with its status."""
    assert set(by_role) == set(SIGNED_IN)
    return {"anonymous": 302, **by_role}


def visitors_only() -> dict[str, int]:
    """Pages for people not yet signed in; the signed in are sent on (302)."""
    return {"anonymous": 200, **dict.fromkeys(SIGNED_IN, 302)}


def all_rows() -> dict:
    rows: dict = {}
    for module in pkgutil.iter_modules(__path__):
        part = importlib.import_module(f"{__name__}.{module.name}").ROWS
        overlap = set(rows) & set(part)
        assert not overlap, f"URL names with two rows: {overlap}"
        rows.update(part)
    return rows

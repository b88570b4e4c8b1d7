"""Permissions of the search (django-rules).

Everyone may search; each person only finds what the rules of the other apps let them see
(search/queries.py filters every kind by the same rule as its pages).
"""

import rules

rules.add_perm("search.search", rules.always_allow)

"""Hostile input: generated and malicious values posted to every form and POST endpoint as every role.

SENT counts the requests with generated input per endpoint; tests/hostile/summary.py reports the total.
"""

from collections import Counter

SENT: Counter[str] = Counter()

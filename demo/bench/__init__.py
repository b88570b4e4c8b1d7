"""Ten years of Haninge's history on top of the demo data, for benchmarks and for looking at big pages.

Everything is drawn from one seeded random generator and anchored on the current year, so that a run on
the same day with the same seed and scale gives the same rows. Bench rows are recognisable (people at
BENCH_DOMAIN, meetings whose iCalendar UID starts with "bench-", forums whose slug starts with "bench-",
report files named "bench-...") so that a second run deletes them first and builds them again.
"""

BENCH_DOMAIN = "bench.example.org"
BENCH_PREFIX = "bench-"

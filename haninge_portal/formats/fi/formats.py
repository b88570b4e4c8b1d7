# Dates and times as Haninge's Finnish pages write them: 3.12.2026, klo 15.00 (day.month.year and the hour
# without leading zeros, a full stop before the minutes); weeks from Monday, 24-hour clock.
DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j.n."
DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"
SHORT_DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"
TIME_FORMAT = r"\k\l\o G.i"
FIRST_DAY_OF_WEEK = 1
# Input stays ISO first (2026-11-23), which is what <input type="date"> sends in every language; a date
# typed the Finnish way is accepted as well.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H.%M",
    "%Y-%m-%dT%H:%M",
    "%d.%m.%Y %H.%M",
    "%d.%m.%Y klo %H.%M",
]

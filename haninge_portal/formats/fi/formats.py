# Dates as Finnish writes them (1.12.2026, 1.12.2026 klo 22.50), weeks from Monday, 24-hour clock.
# Input stays ISO (2026-11-23), which is what <input type="date"> sends in every language.
DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = r"j.n.Y \k\l\o H.i"
SHORT_DATETIME_FORMAT = r"j.n.Y \k\l\o H.i"
TIME_FORMAT = "H.i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H.%M", "%Y-%m-%dT%H:%M", "%d.%m.%Y %H.%M"]

# Dates as the municipality writes them (2026-11-23), weeks from Monday, 24-hour clock.
DATE_FORMAT = "Y-m-d"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H.i"
SHORT_DATETIME_FORMAT = "Y-m-d H.i"
TIME_FORMAT = "H.i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H.%M", "%Y-%m-%dT%H:%M"]

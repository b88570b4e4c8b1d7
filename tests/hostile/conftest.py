"""Reports how many generated inputs the hostile-input tests sent: in the terminal summary, and as JSON
in pytest's base temporary directory (hostile-inputs.json), so CI output shows the figure."""

import json

from tests.hostile import SENT


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not SENT:
        return
    total = sum(SENT.values())
    terminalreporter.write_sep("-", "hostile input")
    terminalreporter.write_line(f"{total} generated inputs sent to {len(SENT)} endpoints")
    for name, count in sorted(SENT.items()):
        terminalreporter.write_line(f"  {count:5d}  {name}")
    try:
        path = config._tmp_path_factory.getbasetemp() / "hostile-inputs.json"
        path.write_text(json.dumps({"total": total, "by_endpoint": dict(sorted(SENT.items()))}, indent=1))
    except (AttributeError, OSError):
        return
    terminalreporter.write_line(f"(written to {path})")

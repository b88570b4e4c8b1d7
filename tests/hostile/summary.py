"""Reports how many generated inputs the hostile-input tests sent: in the terminal summary, and as JSON
in pytest's base temporary directory (hostile-inputs.json), so CI output shows the figure.

A plugin that tests/conftest.py registers, so that it runs where the summary is written: in the one pytest
process, or under pytest-xdist in the controller, to which each worker hands its counts at the end."""

import json

import pytest

from tests.hostile import SENT


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker
        workeroutput["hostile_inputs_sent"] = dict(SENT)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    SENT.update(getattr(node, "workeroutput", {}).get("hostile_inputs_sent", {}))


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

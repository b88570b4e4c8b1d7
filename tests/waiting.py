"""Polling instead of fixed sleeps: a test waits exactly as long as the thing it waits for takes."""

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(predicate: Callable[[], T], timeout: float, what: str = "", interval: float = 0.05) -> T:
    """Call `predicate` until it returns something true and return that; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"Timed out after {timeout} s waiting for {what or predicate}")
        time.sleep(interval)

"""A private redis-server on a port of its own that a test may stop and start (never the machine's shared one)."""

import shutil
import socket
import subprocess

import redis

from tests.waiting import wait_until


class PrivateRedis:
    def __init__(self, tmp_path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.dir = tmp_path
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 (a fixed command line)
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_until(self.answers, 5, "the private redis-server to start")

    def answers(self) -> bool:
        try:
            return redis.Redis.from_url(self.url).ping()
        except redis.ConnectionError:
            return False

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def queued(self) -> int:
        return redis.Redis.from_url(self.url).llen("celery")

"""A private redis-server on a port of its own that a test may stop and start (never the machine's shared one).

While the server is stopped, the port stays held by a socket bound to it that does not listen: a connection
to it is refused at once, as to a Redis that is down, and no other process (a live server of a parallel
test, another private Redis) can take the port and answer in its place.
"""

import shutil
import socket
import subprocess

import redis

from tests.waiting import wait_until


def _hold(port: int = 0) -> socket.socket:
    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    holder.bind(("127.0.0.1", port))
    return holder


class PrivateRedis:
    def __init__(self, tmp_path):
        self.holder: socket.socket | None = _hold()
        self.port = self.holder.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.dir = tmp_path
        self.process = None

    def start(self) -> None:
        if self.holder is not None:
            self.holder.close()
            self.holder = None
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
        """Whether the server on the port answers and is this one (not another process's)."""
        if self.process.poll() is not None:
            raise RuntimeError(f"the private redis-server could not start on port {self.port}")
        try:
            return redis.Redis.from_url(self.url).info("server")["process_id"] == self.process.pid
        except redis.ConnectionError:
            return False

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.holder = _hold(self.port)

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if self.holder is not None:
            self.holder.close()
            self.holder = None

    def queued(self) -> int:
        return redis.Redis.from_url(self.url).llen("celery")

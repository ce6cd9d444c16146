"""Starting a real `docscreen serve` on a free loopback port for the service tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from conftest import TEST_KEY

DOCSCREEN = Path(sys.executable).with_name("docscreen")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tmp: Path, *args: str, env: dict[str, str] | None = None, workers: int = 1) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.tmp = tmp / "tmp"
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.log = tmp / "server.log"
        full_env = {k: v for k, v in os.environ.items() if k not in ("DOCSCREEN_API_TOKEN", "DOCSCREEN_TEST_FAULTS")}
        full_env.update({"DOCSCREEN_FINGERPRINT_KEY": TEST_KEY.hex(), "DOCSCREEN_KEY_FILE": str(tmp / "unused.key"),
                         "TMPDIR": str(self.tmp), **(env or {})})
        self._log_fh = open(self.log, "wb")
        self.proc = subprocess.Popen(
            [str(DOCSCREEN), "serve", "--port", str(self.port), "--workers", str(workers), *args],
            stdout=self._log_fh, stderr=subprocess.STDOUT, env=full_env,
        )

    def wait_ready(self, timeout: float = 90.0) -> "Server":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited ({self.proc.returncode}): {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the server did not become ready: " + self.log.read_text()[-2000:])

    def spool_files(self) -> list[Path]:
        """Files left in the server's private temporary directories (there should be none)."""
        return [p for d in self.tmp.glob("docscreen-*") for p in d.iterdir()]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._log_fh.close()

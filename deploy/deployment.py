"""``deploy/run.sh`` from Python: start the whole deployment on free local ports, wait until it is ready, stop it.
The tests and benchmarks/replicas.py use it, so both run exactly what an operator runs."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Self

REPO = Path(__file__).resolve().parent.parent
RUN_SH = REPO / "deploy" / "run.sh"


def free_port(span: int = 1) -> int:
    """A port with ``span`` free ports from it (replicas take consecutive ports), below the range the system hands
    out to outgoing connections: a port taken from that range can be taken again by one of Chroma's or the
    replicas' own connections before the app listens on it, and the app would then start elsewhere."""
    low = _ephemeral_low()
    rng = random.Random()
    for _ in range(200):
        port = rng.randrange(10000, low - span)
        if all(_free(port + i) for i in range(span)):
            return port
    raise RuntimeError("no free ports")


def _ephemeral_low() -> int:
    """The first port the system gives outgoing connections (Linux: ip_local_port_range; else the IANA 49152)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 49152


def _free(port: int) -> bool:
    """Whether a server could listen on ``port`` now (bound, not merely not answering)."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


class Deployment:
    """Chroma, a build, ``replicas`` app processes and nginx, all under ``run_dir``."""

    def __init__(self, run_dir: Path, replicas: int = 2, env: dict[str, str] | None = None) -> None:
        self.run_dir = run_dir
        self.replicas = replicas
        self.port, self.chroma_port, self.app_port = free_port(), free_port(), free_port(replicas)
        self.env = os.environ | (env or {}) | {
            "RUN_DIR": str(run_dir), "REPLICAS": str(replicas), "PORT": str(self.port),
            "CHROMA_PORT": str(self.chroma_port), "APP_PORT": str(self.app_port), "PYTHON": sys.executable,
        }
        self._proc: subprocess.Popen | None = None
        self.output: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def replica_ports(self) -> list[int]:
        return [self.app_port + i for i in range(self.replicas)]

    def start(self, timeout: float = 900) -> Self:
        self._proc = subprocess.Popen([str(RUN_SH)], cwd=REPO, env=self.env, stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, text=True, start_new_session=True)
        deadline = time.monotonic() + timeout
        for line in self._proc.stdout:
            self.output.append(line.rstrip())
            if line.strip() == "ready":
                return self
            if time.monotonic() > deadline:
                break
        self.stop()
        raise RuntimeError("the deployment did not start:\n" + "\n".join(self.output[-30:]))

    def stop(self) -> None:
        """SIGTERM to run.sh, which stops what it started; anything left is killed with its process group."""
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait(timeout=30)
        self._proc = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

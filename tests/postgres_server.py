"""A real PostgreSQL server for tests: a fresh cluster in a temp folder on 127.0.0.1, stopped and deleted after.

PostgreSQL refuses to run as root, so as root the cluster belongs to the ``postgres`` system user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

INITDB_GLOB = "/usr/lib/postgresql/*/bin/initdb"


def postgres_bin() -> Path | None:
    """The folder of the newest installed PostgreSQL's programs, if any."""
    found = sorted(glob.glob(INITDB_GLOB), key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_owner() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _run(args: list, check: bool = True) -> None:
    done = subprocess.run([*_as_owner(), *args], capture_output=True, text=True, timeout=120, check=False)
    if check and done.returncode != 0:
        raise RuntimeError(f"{Path(args[0]).name} failed ({done.returncode}): {done.stderr or done.stdout}")


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a cluster; yield its base URL (``postgresql+psycopg://postgres@127.0.0.1:PORT/``)."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise RuntimeError(f"PostgreSQL is not installed (no {INITDB_GLOB}): run `make system-deps`")
    folder = Path(tempfile.mkdtemp(prefix="assistant-pg-"))
    data, port = folder / "data", free_port()
    started = False
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        _run([bin_dir / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale"])
        options = f"-h 127.0.0.1 -p {port} -k {folder} -F"  # -F: no fsync; a killed client still loses nothing
        _run([bin_dir / "pg_ctl", "-D", data, "-l", folder / "server.log", "-w", "-t", "60", "-o", options,
              "start"])
        started = True
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/"
    finally:
        if started:
            _run([bin_dir / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop"], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def new_database(base_url: str) -> str:
    """Create an empty database on the server at ``base_url``; return its SQLAlchemy URL."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    plain = base_url.replace("postgresql+psycopg://", "postgresql://") + "postgres"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return base_url + name

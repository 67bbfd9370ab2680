"""The deployment in deploy/ as an operator runs it: a Chroma server, a build, two app replicas and nginx in
front, with people asking through nginx at once."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "deploy"))
sys.path.insert(0, str(REPO / "benchmarks"))

from deployment import Deployment, free_port
from ui_load import run_load

_LOG = re.compile(r'"(?P<method>\S+) (?P<path>\S+)[^"]*" (?P<status>\d+) \S+ upstream=(?P<upstream>\S+) '
                  r"session=(?P<session>\S+)")


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("deploy")
    with Deployment(run_dir, replicas=2, env={"ASSISTANT_COLLECTION_PREFIX": "deploytest"}) as running:
        yield running


def test_fifty_people_asking_through_nginx_each_see_only_their_own_conversation(deployment, reliability):
    report = run_load(deployment.url, sessions=50, questions=5)
    reliability.record("Questions through nginx to two replicas (50 sessions at once)", cases=250,
                       failed=len(report.errors) + len(report.leaked_sessions), lost=250 - report.answers,
                       area="Replicas")
    assert report.errors == [] and report.leaked_sessions == []
    assert report.answers == 250

    # sticky sessions: every request of one session went to one replica, and both replicas served people
    served: dict[str, set[str]] = defaultdict(set)
    for line in (deployment.run_dir / "nginx" / "access.log").read_text().splitlines():
        match = _LOG.search(line)
        if match and "/gradio_api/queue/" in match["path"]:
            served[match["session"]].add(match["upstream"])
    assert len(served) >= 50
    assert all(len(upstreams) == 1 for upstreams in served.values())
    used = set().union(*served.values())
    assert used == {f"127.0.0.1:{port}" for port in deployment.replica_ports}


def test_nginx_refuses_an_upload_over_the_limit_before_it_reaches_a_replica(deployment):
    big = b"x" * (21 * 1024 * 1024)
    request = urllib.request.Request(deployment.url + "gradio_api/upload", data=big, method="POST",
                                     headers={"Content-Type": "application/octet-stream"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=60)
    assert info.value.code == 413


def test_replica_ports_are_free_and_outside_the_range_outgoing_connections_take():
    """Ports from that range can be taken by Chroma's or a replica's own connections before the app listens."""
    low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    for _ in range(20):
        port = free_port(3)
        assert port + 3 <= low
        for p in range(port, port + 3):
            with socket.socket() as s:
                s.bind(("127.0.0.1", p))  # raises if taken


def test_stopping_the_deployment_stops_every_process_it_started(tmp_path):
    running = Deployment(tmp_path / "deploy", replicas=1, env={"ASSISTANT_COLLECTION_PREFIX": "stoptest"}).start()
    ports = [running.port, running.chroma_port, *running.replica_ports]
    running.stop()
    for port in ports:
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still open"
    leftover = subprocess.run(["pgrep", "-f", str(tmp_path / "deploy")], check=False, capture_output=True, text=True)
    assert leftover.stdout.strip() == ""

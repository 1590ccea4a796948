"""The S3 server of ``make run``: a real SeaweedFS process in a temp dir, wired to a local runner
exactly as ``runner.prepare`` wires it (``runner.embedded_s3``)."""

from __future__ import annotations

import ipaddress
import json
import os
import re
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config

from common.config import ConfigError, Settings
from common.storage_keys import tenant_prefix
from events.catalogue import validate_data
from events.triggers import Subscriber, TriggerRule
from functions.bootstrap import Container
from functions.local import embedded, seaweedfs
from functions.local.runner import SEAWEEDFS_EVENTS_PATH, Dispatcher, embedded_s3
from functions.local.seaweedfs_events import seaweedfs_events
from tests.conftest import free_port
from tests.fakes.event_receiver import EventReceiver, event_receiver
from tests.support.crds import CONFORMANCE
from tests.support.runner import RunningRunner, running_runner

pytestmark = pytest.mark.integration

CAPTURED = json.loads((CONFORMANCE / "events" / "seaweedfs" / "filer-webhook-4.48.json").read_text())


@dataclass(frozen=True)
class Wired:
    runner: RunningRunner
    tap: EventReceiver
    token: str
    data_dir: Path


@pytest.fixture(scope="module")
def wired(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wired]:
    """SeaweedFS notifying a runner on a port chosen first, the runner's broker tapped by a receiver."""
    data_dir = tmp_path_factory.mktemp("mirai-local")
    port = free_port()
    with ExitStack() as stack:
        changes = embedded_s3(settings.with_overrides(port=port), stack, data_dir)
        tap = stack.enter_context(event_receiver())
        rule = TriggerRule(name="test-tap", subscriber=Subscriber(uri=tap.url))
        runner = stack.enter_context(running_runner(settings, extra_rules=[rule], port=port, **changes))
        yield Wired(runner=runner, tap=tap, token=changes["seaweedfs_events_token"], data_dir=data_dir)


def _boto3(endpoint: str | None, credentials: seaweedfs.Credentials) -> Any:
    return boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id=credentials.access_key, aws_secret_access_key=credentials.secret_key,
        region_name="us-east-1", config=Config(s3={"addressing_style": "path"}),
    )


def _http(method: str, url: str, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


def _created(tap: EventReceiver, full_key: str) -> list:
    return [e for e in tap.events if e["type"] == "io.minio.object.created" and e["subject"] == full_key]


def _wait_for(tap: EventReceiver, full_key: str) -> None:
    with tap.arrived:
        assert tap.arrived.wait_for(lambda: _created(tap, full_key), timeout=30), f"no event for {full_key}"


def test_boto3_puts_and_gets_objects_through_the_storage_adapter(wired: Wired) -> None:
    storage = wired.runner.container.storage
    key = f"{tenant_prefix(str(uuid.uuid4()))}courses/c/content.json"
    storage.put_json(key, {"title": "Onboarding", "lessons": 3})
    assert storage.get_json(key) == {"title": "Onboarding", "lessons": 3}
    s3 = wired.runner.container.settings.s3
    client = _boto3(s3.endpoint, seaweedfs.Credentials(s3.access_key or "", s3.secret_key or ""))
    # A plain boto3 client with the embedded credentials sees the object the adapter wrote.
    # Under CI load this has failed with the object gone seconds after it read back: the
    # runner's upload consumer is suspected of deleting it (see the closing note).
    head = client.head_object(Bucket=storage.bucket, Key=storage.full_key(key))
    assert head["ContentLength"] == len(storage.get(key))


def test_a_presigned_put_over_plain_http_stores_the_body(wired: Wired) -> None:
    storage = wired.runner.container.storage
    key = f"{tenant_prefix(str(uuid.uuid4()))}sme/notes.txt"
    url = storage.presigned_upload_url(key, content_type="text/plain")
    assert _http("PUT", url, b"what the expert knows", {"Content-Type": "text/plain"}) == 200
    assert storage.get(key) == b"what the expert knows"


def test_an_upload_produces_one_object_created_event_on_the_runners_broker(wired: Wired) -> None:
    storage, bucket = wired.runner.container.storage, wired.runner.container.settings.s3.bucket
    tenant = tenant_prefix(str(uuid.uuid4()))
    first, second = f"{tenant}sme/Q3 report (final).pdf", f"{tenant}sme/later.txt"
    url = storage.presigned_upload_url(first, content_type="application/pdf")
    assert _http("PUT", url, b"%PDF-1.7 quarterly", {"Content-Type": "application/pdf"}) == 200
    _wait_for(wired.tap, storage.full_key(first))
    storage.put(second, b"later", "text/plain")
    # The second write's event arriving means the first one had its chance to arrive twice.
    _wait_for(wired.tap, storage.full_key(second))
    (event,) = _created(wired.tap, storage.full_key(first))
    assert event["source"] == f"s3://{bucket}"
    validate_data(event["type"], event.data)
    assert (event.data["size"], event.data["content_type"], event.data["event_name"]) == (18, "application/pdf", "s3:ObjectCreated:Put")
    # The directories SeaweedFS created for the keys announced nothing.
    of_tenant = [e["subject"] for e in wired.tap.events if tenant in e.get("subject", "")]
    assert sorted(of_tenant) == sorted([storage.full_key(first), storage.full_key(second)])


def test_the_endpoint_refuses_calls_without_the_runners_token(wired: Wired) -> None:
    url = wired.runner.url + SEAWEEDFS_EVENTS_PATH
    (put,) = [s["body"] for s in CAPTURED if s["operation"].startswith("PutObject data/t-1")]
    refused = json.loads(json.dumps(put).replace("data/t-1", "data/refused-1"))
    accepted = json.loads(json.dumps(put).replace("data/t-1", "data/accepted-1"))
    headers = {"Content-Type": "application/json"}
    assert _http("POST", url, json.dumps(refused).encode(), headers) == 401
    assert _http("POST", url, json.dumps(refused).encode(), {**headers, "Authorization": "Bearer tok123"}) == 401
    assert _http("POST", url, json.dumps(accepted).encode(), {**headers, "Authorization": f"Bearer {wired.token}"}) == 200
    _wait_for(wired.tap, "data/accepted-1/sme/Q3 report (final)é.pdf")
    assert _created(wired.tap, "data/refused-1/sme/Q3 report (final)é.pdf") == []


def _listening(pid: int) -> list[tuple[str, int]]:
    """(address, port) of every TCP socket ``pid`` listens on, read from /proc (IPv4 and IPv6)."""
    inodes = {os.readlink(fd).removeprefix("socket:[").rstrip("]") for fd in Path(f"/proc/{pid}/fd").iterdir()
              if os.readlink(fd).startswith("socket:")}
    found = []
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:  # 0A: LISTEN
                address, port = local.split(":")
                shown = str(ipaddress.IPv4Address(bytes.fromhex(address)[::-1])) if table == "tcp" else address
                found.append((shown, int(port, 16)))
    return found


def test_objects_survive_a_stop_and_restart_on_the_same_data_dir(tmp_path: Path) -> None:
    credentials = seaweedfs.Credentials("local", "restart-secret")
    first = seaweedfs.start(tmp_path, credentials)
    assert isinstance(first, seaweedfs.SeaweedServer)
    listening = _listening(first.process.pid)
    chosen = {int(arg.rsplit("=", 1)[1]) for arg in map(str, first.process.args) if re.fullmatch(r"-\w+\.port(\.grpc)?=\d+", arg)}
    # HTTP and gRPC of master, volume, filer, S3 and admin (the admin HTTP port opens a moment later).
    assert len(chosen) == 10 and len(listening) >= 9
    assert {address for address, _ in listening} == {"127.0.0.1"} and {port for _, port in listening} <= chosen
    client = _boto3(first.endpoint, credentials)
    client.create_bucket(Bucket="mirai")
    client.put_object(Bucket="mirai", Key="data/t/course.json", Body=b'{"kept": true}')
    first.stop()
    assert first.process.returncode is not None
    assert [p for p in first.sockets.grpc if p.exists()] == []
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(first.endpoint, timeout=5)
    second = seaweedfs.start(tmp_path, credentials)
    try:
        again = _boto3(second.endpoint, credentials)
        assert again.get_object(Bucket="mirai", Key="data/t/course.json")["Body"].read() == b'{"kept": true}'
    finally:
        second.stop()


def test_a_second_start_on_a_running_data_dir_uses_that_server_and_the_stack_leaves_none_behind(tmp_path: Path) -> None:
    """As ``dev-session`` does while ``make run`` runs: both use the one server, the first one stops it."""
    with ExitStack() as stack:
        endpoint = embedded.start_s3(tmp_path, stack, access_key="local", secret_key="stack-secret")
        with ExitStack() as second:
            assert embedded.start_s3(tmp_path, second, access_key="local", secret_key="stack-secret") == endpoint
        assert seaweedfs._answers(endpoint + "/")
    assert not seaweedfs._answers(endpoint + "/")


def test_under_k_service_neither_the_wiring_nor_the_endpoint_exists(settings: Settings, tmp_path: Path) -> None:
    knative = settings.with_overrides(k_service="mirai-course-create-course")
    with ExitStack() as stack:
        changes = embedded_s3(knative, stack, tmp_path)
        assert "seaweedfs_events_token" not in changes
        assert "enabled = false" in (tmp_path / "s3" / "config" / "notification.toml").read_text()
    with_token = knative.with_overrides(seaweedfs_events_token="leaked", k_sink="http://127.0.0.1:9/")
    container = Container(with_token)
    with pytest.raises(ConfigError, match="K_SERVICE"):
        seaweedfs_events(with_token, container.event_publisher)
    statuses: list[str] = []
    body = Dispatcher(container)(
        {"PATH_INFO": SEAWEEDFS_EVENTS_PATH, "REQUEST_METHOD": "POST", "HTTP_AUTHORIZATION": "Bearer leaked"},
        lambda status, headers: statuses.append(status),
    )
    assert statuses == ["404 Not Found"] and b"no route" in b"".join(body)


def test_a_runner_that_did_not_start_seaweedfs_has_no_endpoint(settings: Settings) -> None:
    statuses: list[str] = []
    Dispatcher(Container(replace(settings, seaweedfs_events_token=None)))(
        {"PATH_INFO": SEAWEEDFS_EVENTS_PATH, "REQUEST_METHOD": "POST"}, lambda status, headers: statuses.append(status)
    )
    assert statuses == ["404 Not Found"]

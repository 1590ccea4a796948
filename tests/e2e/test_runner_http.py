"""The local runner over HTTP: health in JSON and binary, unimplemented RPCs,
unknown paths and CORS, each through a real client on a real socket."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from email.message import Message

import pytest
from connectrpc.code import Code
from connectrpc.compat import google_protobuf_json_codec

from common.gen.mirai.v1 import health_connect, health_pb2
from functions.access import PUBLIC, access_for
from functions.bootstrap import Container
from functions.registry import rpc_targets
from tests.conftest import ALLOWED_ORIGIN
from tests.fakes.kratos import FakeKratos
from tests.support.tenants import provision_tenant

pytestmark = [pytest.mark.e2e, pytest.mark.smoke]


def _post(url: str, body: bytes, headers: dict[str, str], method: str = "POST") -> tuple[int, Message, bytes]:
    """Status, headers (case-insensitive, as HTTP says) and body."""
    request = urllib.request.Request(url, data=body if method == "POST" else None, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def test_health_check_is_serving_over_binary_protobuf(runner_url: str) -> None:
    with health_connect.HealthServiceClientSync(runner_url) as client:
        response = client.check(health_pb2.CheckRequest())
    assert response.status == health_pb2.SERVING_STATUS_SERVING
    assert {d.name for d in response.dependencies} == {"postgres", "redis", "s3"}
    assert all(d.status == health_pb2.SERVING_STATUS_SERVING for d in response.dependencies)


def test_health_check_is_serving_over_json_with_the_generated_client(runner_url: str) -> None:
    with health_connect.HealthServiceClientSync(runner_url, codec=google_protobuf_json_codec()) as client:
        response = client.check(health_pb2.CheckRequest(), use_get=True)
    assert response.status == health_pb2.SERVING_STATUS_SERVING


def test_health_check_answers_plain_json_as_curl_sends_it(runner_url: str) -> None:
    status, headers, body = _post(
        f"{runner_url}/mirai.v1.HealthService/Check", b"{}", {"Content-Type": "application/json"}
    )
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["status"] == "SERVING_STATUS_SERVING"


def test_rpc_not_built_yet_answers_unimplemented(runner_url: str, kratos: FakeKratos, container: Container) -> None:
    # Until its module exists a target must say so, to a caller who passes authentication and
    # the role check like any other (an owner passes every role check).
    unbuilt = [t for t in rpc_targets() if not t.implemented() and access_for(str(t.service), str(t.method)) != PUBLIC]
    if not unbuilt:
        pytest.skip("every RPC is built")
    target = unbuilt[0]
    tenant = provision_tenant(container.db)
    token, _ = kratos.add_session(identity_id=tenant.owner_identity, email=tenant.owner_email)
    status, _, body = _post(f"{runner_url}{target.path}", b"{}", {
        "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    answer = json.loads(body)
    assert (status, answer["code"]) == (501, Code.UNIMPLEMENTED.value), answer
    assert f"{target.service}.{target.method}" in answer["message"]


def test_unknown_path_is_404(runner_url: str) -> None:
    status, _, _ = _post(f"{runner_url}/mirai.v1.NoSuchService/Nothing", b"{}", {"Content-Type": "application/json"})
    assert status == 404


def test_cors_preflight_from_the_allowed_origin_succeeds(runner_url: str) -> None:
    status, headers, _ = _post(
        f"{runner_url}/mirai.v1.HealthService/Check",
        b"",
        {
            "Origin": ALLOWED_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,connect-protocol-version",
        },
        method="OPTIONS",
    )
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert "Connect-Protocol-Version" in headers["Access-Control-Allow-Headers"]
    assert "Grpc-Status" in headers["Access-Control-Expose-Headers"]


def test_cors_preflight_from_another_origin_is_refused(runner_url: str) -> None:
    status, headers, _ = _post(
        f"{runner_url}/mirai.v1.HealthService/Check",
        b"",
        {"Origin": "http://127.0.0.2:3000", "Access-Control-Request-Method": "POST"},
        method="OPTIONS",
    )
    assert status == 403
    assert "Access-Control-Allow-Origin" not in headers


def test_actual_request_from_allowed_origin_exposes_connect_headers(runner_url: str) -> None:
    status, headers, _ = _post(
        f"{runner_url}/mirai.v1.HealthService/Check",
        b"{}",
        {"Content-Type": "application/json", "Origin": ALLOWED_ORIGIN},
    )
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN


def test_runner_health_endpoint_reports_dependencies(runner_url: str) -> None:
    with urllib.request.urlopen(f"{runner_url}/health", timeout=10) as response:
        report = json.loads(response.read())
    assert report["status"] == "SERVING"
    assert {d["name"] for d in report["dependencies"]} == {"postgres", "redis", "s3"}

"""Avatar and logo uploads through the runner: the presigned PUT, the object-created
notification through the MinIO webhook and the runner's broker to accept_upload, and
the profile (or company) showing the image; an oversized, mistyped or disguised upload
is deleted and leaves none."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest
from connectrpc.code import Code

from common.errors import NotFound
from common.gen.mirai.v1 import company_connect, user_connect
from common.gen.mirai.v1 import company_pb2 as cpb
from common.gen.mirai.v1 import user_pb2 as upb
from functions.bootstrap import Container
from tests.conftest import MINIO_WEBHOOK_TOKEN
from tests.fakes.kratos import FakeKratos
from tests.support.callers import Caller, owner
from tests.support.crds import CONFORMANCE
from tests.support.rpc_errors import fails
from tests.support.tenants import provision_tenant

pytestmark = pytest.mark.e2e

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
MINIO_SAMPLE = CONFORMANCE / "events" / "minio-s3-ObjectCreated-Put.kafka-example.json"


def _put(url: str, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="PUT")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


def _notify(runner_url: str, container: Container, key: str, size: int, content_type: str) -> None:
    """What MinIO posts after the PUT (the test S3 server sends no notifications itself)."""
    notification = json.loads(MINIO_SAMPLE.read_text())
    record = notification["Records"][0]["s3"]
    record["bucket"]["name"] = container.storage.bucket
    record["object"].update(key=urllib.parse.quote(container.storage.full_key(key), safe=""), size=size,
                            contentType=content_type, sequencer=f"{time.time_ns():X}")
    request = urllib.request.Request(f"{runner_url}/webhooks/minio", data=json.dumps(notification).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {MINIO_WEBHOOK_TOKEN}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200


def _eventually(check: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"{what} never happened")


def _gone(container: Container, key: str) -> bool:
    try:
        container.storage.get(key)
    except NotFound:
        return True
    return False


@pytest.fixture
def caller(kratos: FakeKratos, container: Container) -> Caller:
    return owner(kratos, provision_tenant(container.db))


def _upload(runner_url: str, container: Container, users: Any, caller: Caller, body: bytes, *,
            content_type: str = "image/png", sent_type: str | None = None) -> str:
    made = users.create_avatar_upload_url(upb.CreateAvatarUploadUrlRequest(content_type=content_type, size_bytes=len(body)),
                                          headers=caller.headers)
    assert dict(made.required_headers) == {"Content-Type": content_type}
    assert _put(made.upload_url, body, {"Content-Type": sent_type or content_type}) == 200
    _notify(runner_url, container, made.object_key, len(body), sent_type or content_type)
    return str(made.object_key)


def test_an_uploaded_avatar_lands_and_the_profile_shows_it(runner_url: str, container: Container, caller: Caller) -> None:
    with user_connect.UserServiceClientSync(runner_url) as users:
        key = _upload(runner_url, container, users, caller, PNG)
        profile = _eventually(lambda: users.get_profile(upb.GetProfileRequest(), headers=caller.headers).user.avatar_url,
                              "the avatar's acceptance")
        with urllib.request.urlopen(profile, timeout=30) as response:
            assert response.read() == PNG
        # Passing the accepted key to UpdateProfile is allowed; an empty one removes the avatar.
        kept = users.update_profile(upb.UpdateProfileRequest(avatar_object_key=key), headers=caller.headers)
        assert kept.user.avatar_url
        removed = users.update_profile(upb.UpdateProfileRequest(avatar_object_key=""), headers=caller.headers)
        assert removed.user.avatar_url == ""
        assert _gone(container, key)


@pytest.mark.parametrize(("body", "content_type"), [
    (PNG + b"\x00" * (5 * 1024 * 1024), "image/png"),  # over 5 MiB
    (b"<html><script>alert(1)</script></html>", "image/png"),  # not a PNG at all
    (PNG, "image/jpeg"),  # a PNG sent as JPEG
], ids=["oversized", "html-as-png", "png-as-jpeg"])
def test_a_refused_avatar_is_deleted_and_the_profile_has_none(runner_url: str, container: Container, caller: Caller,
                                                               body: bytes, content_type: str) -> None:
    with user_connect.UserServiceClientSync(runner_url) as users:
        if len(body) > 5 * 1024 * 1024:
            # The URL is refused for the declared size; a client lying about it is caught at landing.
            refused = fails(lambda: users.create_avatar_upload_url(
                upb.CreateAvatarUploadUrlRequest(content_type="image/png", size_bytes=len(body)), headers=caller.headers))
            assert refused.code == Code.INVALID_ARGUMENT
            made = users.create_avatar_upload_url(upb.CreateAvatarUploadUrlRequest(content_type="image/png", size_bytes=100),
                                                  headers=caller.headers)
            assert _put(made.upload_url, body, {"Content-Type": "image/png"}) == 200
            _notify(runner_url, container, made.object_key, len(body), "image/png")
            key = str(made.object_key)
        else:
            key = _upload(runner_url, container, users, caller, body, content_type=content_type)
        _eventually(lambda: _gone(container, key), "the refused upload's deletion")
        assert users.get_profile(upb.GetProfileRequest(), headers=caller.headers).user.avatar_url == ""


def test_a_put_with_another_content_type_than_signed_is_refused_by_s3(runner_url: str, caller: Caller) -> None:
    with user_connect.UserServiceClientSync(runner_url) as users:
        made = users.create_avatar_upload_url(upb.CreateAvatarUploadUrlRequest(content_type="image/png", size_bytes=len(PNG)),
                                              headers=caller.headers)
        assert _put(made.upload_url, PNG, {"Content-Type": "text/html"}) == 403


def test_upload_urls_refuse_other_types_and_members_cannot_change_the_logo(
        runner_url: str, container: Container, caller: Caller, kratos: FakeKratos) -> None:
    with user_connect.UserServiceClientSync(runner_url) as users, company_connect.CompanyServiceClientSync(runner_url) as company:
        for content_type, size in (("image/gif", 10), ("", 10), ("image/svg+xml", 10), ("image/png", 0), ("image/png", -1)):
            err = fails(lambda ct=content_type, s=size: users.create_avatar_upload_url(
                upb.CreateAvatarUploadUrlRequest(content_type=ct, size_bytes=s), headers=caller.headers))
            assert err.code == Code.INVALID_ARGUMENT, (content_type, size)
        made = company.create_logo_upload_url(cpb.CreateLogoUploadUrlRequest(content_type="image/png", size_bytes=len(PNG)),
                                              headers=caller.headers)
        assert _put(made.upload_url, PNG, {"Content-Type": "image/png"}) == 200
        _notify(runner_url, container, made.object_key, len(PNG), "image/png")
        _eventually(lambda: company.get_company(cpb.GetCompanyRequest(), headers=caller.headers).company.logo_url,
                    "the logo's acceptance")
        company.update_company(cpb.UpdateCompanyRequest(logo_object_key=made.object_key), headers=caller.headers)
        removed = company.update_company(cpb.UpdateCompanyRequest(logo_object_key=""), headers=caller.headers)
        assert removed.company.logo_url == "" and _gone(container, made.object_key)

"""The people area's field rules and image signatures, without services."""

from __future__ import annotations

import uuid

import pytest

from common.errors import FailedPrecondition, InvalidArgument
from common.rpc.context import Principal
from common.storage_keys import user_avatar
from functions.company.profile_fields import website
from functions.uploads.images import SIGNATURES, upload_url
from functions.user.profile_fields import avatar_key, time_zone

PRINCIPAL = Principal(uuid.uuid4(), uuid.uuid4(), "member", "identity", "me@example.com")


@pytest.mark.parametrize("zone", ["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires", " Asia/Tokyo "])
def test_iana_time_zones_are_accepted(zone: str) -> None:
    assert time_zone(zone) == zone.strip()


@pytest.mark.parametrize("zone", ["", "Mars/Olympus", "europe/paris", "../../etc/passwd", "Europe/Paris/x", "GMT+25"])
def test_other_time_zones_name_the_field(zone: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        time_zone(zone)
    assert caught.value.field == "timezone"


@pytest.mark.parametrize(("url", "stored"), [("https://acme.example", "https://acme.example"),
                                             (" https://acme.example/a?b=c ", "https://acme.example/a?b=c"), ("", None)])
def test_https_websites_are_kept_and_empty_clears(url: str, stored: str | None) -> None:
    assert website(url) == stored


@pytest.mark.parametrize("url", ["http://acme.example", "ftp://acme.example", "https://", "https://localhost",
                                 "acme.example", "https://a b.example", "https://u:p@acme.example", "https://[::1"])
def test_other_websites_are_refused(url: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        website(url)
    assert caught.value.field == "website"


def test_only_the_callers_accepted_avatar_key_is_taken() -> None:
    own = user_avatar(PRINCIPAL.tenant_id, PRINCIPAL.user_id)
    assert avatar_key("", PRINCIPAL, own) is None
    assert avatar_key(own, PRINCIPAL, own) == own
    with pytest.raises(FailedPrecondition):
        avatar_key(own, PRINCIPAL, None)
    with pytest.raises(InvalidArgument):
        avatar_key(user_avatar(PRINCIPAL.tenant_id, uuid.uuid4()), PRINCIPAL, own)


def test_signatures_tell_the_image_types_apart() -> None:
    samples = {"image/png": b"\x89PNG\r\n\x1a\n....", "image/jpeg": b"\xff\xd8\xff\xe0....",
               "image/webp": b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/svg+xml": b"\xef\xbb\xbf <?xml version='1.0'?><svg>"}
    for kind, check in SIGNATURES.items():
        assert [other for other, head in samples.items() if check(head)] == [kind]
    assert not any(check(b"<html><body>hi</body></html>") for check in SIGNATURES.values())


class _Signer:
    def presigned_upload_url(self, key: str, *, expires_in: int, content_type: str) -> str:
        return f"https://s3.invalid/{key}?ttl={expires_in}&type={content_type}"


@pytest.mark.parametrize(("content_type", "size"), [("image/gif", 1), ("image/png", 0), ("image/png", 5 * 1024 * 1024 + 1)])
def test_upload_urls_are_refused_for_other_types_and_sizes(content_type: str, size: int) -> None:
    with pytest.raises(InvalidArgument):
        upload_url(_Signer(), 900, "k", content_type=content_type, size_bytes=size, allowed=("image/png",))


def test_an_upload_url_is_signed_for_the_normalised_type_and_the_ttl() -> None:
    made = upload_url(_Signer(), 900, "k", content_type=" Image/PNG ", size_bytes=5 * 1024 * 1024, allowed=("image/png",))
    assert made.content_type == "image/png" and made.url.endswith("ttl=900&type=image/png")

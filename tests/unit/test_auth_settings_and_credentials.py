"""Where a session token is read from, and the settings that bound the session cache."""

from __future__ import annotations

import pytest

from common.adapters.identity import Credential
from common.adapters.session_cache import session_key
from common.config import ConfigError, Settings
from common.errors import Unauthenticated
from common.rpc.auth import credential_from


def test_tokens_are_read_from_bearer_header_and_cookie_in_that_order() -> None:
    both = {"authorization": "Bearer aaaaaaaa", "x-session-token": "bbbbbbbb", "cookie": "ory_kratos_session=cccccccc"}
    assert credential_from(both) == Credential("aaaaaaaa", "session_token")
    assert credential_from({"x-session-token": "bbbbbbbb"}) == Credential("bbbbbbbb", "session_token")
    assert credential_from({"cookie": "a=1; ory_kratos_session=cccccccc"}) == Credential("cccccccc", "cookie")
    assert credential_from({"cookie": "a=1"}) is None
    assert credential_from({}) is None


def test_a_non_bearer_authorization_header_is_unauthenticated() -> None:
    with pytest.raises(Unauthenticated):
        credential_from({"authorization": "Basic dXNlcjpwdw=="})


def test_malformed_tokens_never_reach_a_header() -> None:
    assert not Credential("abc\r\nX-Evil: 1", "cookie").is_well_formed()
    assert not Credential("short", "session_token").is_well_formed()
    assert Credential("ory_st_0123456789abcdef", "session_token").is_well_formed()


def test_the_cache_key_is_a_hash_of_the_token() -> None:
    key = session_key("ory_st_secret_value")
    assert key.startswith("auth:session:") and "secret" not in key and len(key) == len("auth:session:") + 64


def test_the_session_cache_ttl_cannot_exceed_a_minute() -> None:
    assert Settings.from_env({}).auth_cache_ttl_seconds == 60
    assert Settings.from_env({"AUTH_SESSION_CACHE_TTL_SECONDS": "5"}).auth_cache_ttl_seconds == 5
    with pytest.raises(ConfigError, match="AUTH_SESSION_CACHE_TTL_SECONDS"):
        Settings.from_env({"AUTH_SESSION_CACHE_TTL_SECONDS": "61"})


def test_a_unix_socket_redis_url_is_accepted() -> None:
    assert Settings.from_env({"REDIS_URL": "unix:///tmp/redis.sock"}).redis_url == "unix:///tmp/redis.sock"

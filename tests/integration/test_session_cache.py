"""The session cache: bounded by the TTL and the session's expiry, keyed by the
token's hash, and never a reason to fail when Redis is gone."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest

from common.adapters.identity import KratosIdentity
from common.adapters.session_cache import RedisSessionCache, session_key
from common.config import Settings
from common.errors import Unauthenticated
from common.rpc.auth import Authenticator
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.tenants import SeededTenant, provision_tenant

pytestmark = pytest.mark.integration


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def tenant(container: Container) -> SeededTenant:
    return provision_tenant(container.db)


def _authenticator(container: Container, settings: Settings, clock: Clock, *, cache: RedisSessionCache, ttl: int) -> Authenticator:
    assert settings.kratos_url
    return Authenticator(identity=KratosIdentity(settings.kratos_url), cache=cache, db=container.db, ttl_seconds=ttl, now=clock)


def test_a_revoked_session_stops_working_once_the_ttl_has_passed(
    container: Container, settings: Settings, kratos: FakeKratos, tenant: SeededTenant
) -> None:
    assert settings.redis_url
    clock = Clock()
    auth = _authenticator(container, settings, clock, cache=RedisSessionCache.from_url(settings.redis_url), ttl=5)
    token, _ = kratos.add_session(identity_id=tenant.owner_identity)
    headers = {"x-session-token": token}
    assert auth.authenticate(headers).user_id == tenant.owner_id
    kratos.revoke(token)
    clock.now += timedelta(seconds=4)
    assert auth.authenticate(headers).user_id == tenant.owner_id  # still inside the TTL: served from the cache
    clock.now += timedelta(seconds=2)
    with pytest.raises(Unauthenticated):
        auth.authenticate(headers)


def test_the_cache_never_outlives_the_session(
    container: Container, settings: Settings, kratos: FakeKratos, tenant: SeededTenant
) -> None:
    assert settings.redis_url
    clock = Clock()
    cache = RedisSessionCache.from_url(settings.redis_url)
    auth = _authenticator(container, settings, clock, cache=cache, ttl=60)
    token, _ = kratos.add_session(identity_id=tenant.owner_identity, expires_in=timedelta(seconds=10))
    auth.authenticate({"authorization": f"Bearer {token}"})
    ttl = cache._client.ttl(session_key(token))
    assert 0 < ttl <= 10
    clock.now += timedelta(seconds=11)
    before = kratos.count()
    with pytest.raises(Unauthenticated):
        auth.authenticate({"authorization": f"Bearer {token}"})
    assert kratos.count() == before + 1


def test_redis_down_falls_through_to_kratos(
    container: Container, settings: Settings, kratos: FakeKratos, tenant: SeededTenant
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead_port = sock.getsockname()[1]
    cache = RedisSessionCache.from_url(f"redis://127.0.0.1:{dead_port}/0")
    auth = _authenticator(container, settings, Clock(), cache=cache, ttl=60)
    token, _ = kratos.add_session(identity_id=tenant.owner_identity)
    before = kratos.count()
    assert auth.authenticate({"x-session-token": token}).tenant_id == tenant.tenant_id
    assert auth.authenticate({"x-session-token": token}).tenant_id == tenant.tenant_id
    assert kratos.count() == before + 2


def test_kratos_unreachable_is_unavailable(container: Container, settings: Settings, tenant: SeededTenant) -> None:
    from common.adapters.session_cache import NoSessionCache
    from common.errors import Unavailable

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead_port = sock.getsockname()[1]
    auth = Authenticator(identity=KratosIdentity(f"http://127.0.0.1:{dead_port}", timeout_seconds=0.5),
                         cache=NoSessionCache(), db=container.db, ttl_seconds=60)
    with pytest.raises(Unavailable):
        auth.authenticate({"x-session-token": "ory_st_abcdefgh"})

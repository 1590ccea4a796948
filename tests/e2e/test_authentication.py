"""Authentication and roles through real Connect calls to the local runner,
with Kratos faked at the HTTP boundary."""

from __future__ import annotations

from datetime import timedelta

import pytest
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from google.protobuf import message_factory

from common.gen.mirai.v1 import common_pb2, user_connect, user_pb2
from functions import registry
from functions.access import ACCESS, PUBLIC
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.tenants import SeededTenant, add_user, provision_tenant

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def tenant(container: Container) -> SeededTenant:
    return provision_tenant(container.db)


def _profile(runner_url: str, headers: dict[str, str]) -> user_pb2.GetProfileResponse:
    client = user_connect.UserServiceClientSync(runner_url)
    return client.get_profile(user_pb2.GetProfileRequest(), headers=headers)


def _code(runner_url: str, headers: dict[str, str]) -> Code:
    with pytest.raises(ConnectError) as caught:
        _profile(runner_url, headers)
    return caught.value.code


def test_a_valid_session_reaches_the_handler_as_its_user(runner_url: str, kratos: FakeKratos, tenant: SeededTenant) -> None:
    token, _ = kratos.add_session(identity_id=tenant.owner_identity, email=tenant.owner_email)
    for headers in ({"Authorization": f"Bearer {token}"}, {"X-Session-Token": token},
                    {"Cookie": f"theme=dark; ory_kratos_session={token}"}):
        profile = _profile(runner_url, headers)
        assert profile.user.id == str(tenant.owner_id)
        assert profile.user.tenant_id == str(tenant.tenant_id)
        assert profile.user.role == common_pb2.ROLE_OWNER


def test_missing_malformed_expired_and_inactive_sessions_are_unauthenticated(
    runner_url: str, kratos: FakeKratos, tenant: SeededTenant
) -> None:
    expired, _ = kratos.add_session(identity_id=tenant.owner_identity, expires_in=timedelta(seconds=-5))
    inactive, _ = kratos.add_session(identity_id=tenant.owner_identity, active=False)
    cases = {
        "missing": {},
        "malformed header": {"Authorization": "Basic dXNlcjpwdw=="},
        "malformed token": {"X-Session-Token": "not a token; really"},
        "unknown token": {"X-Session-Token": "ory_st_unknown_token_value"},
        "expired": {"Authorization": f"Bearer {expired}"},
        "inactive": {"Authorization": f"Bearer {inactive}"},
    }
    for label, headers in cases.items():
        assert _code(runner_url, headers) == Code.UNAUTHENTICATED, label


def test_an_identity_without_a_user_or_a_disabled_user_is_unauthenticated(
    runner_url: str, kratos: FakeKratos, container: Container, tenant: SeededTenant
) -> None:
    stranger, _ = kratos.add_session()
    assert _code(runner_url, {"X-Session-Token": stranger}) == Code.UNAUTHENTICATED
    user_id, identity = add_user(container.db, tenant, role="member")
    with container.db.tenant_session(tenant.tenant_id) as uow:
        uow.users.disable(user_id)
    disabled, _ = kratos.add_session(identity_id=identity)
    assert _code(runner_url, {"X-Session-Token": disabled}) == Code.UNAUTHENTICATED


def test_kratos_failing_is_unavailable(runner_url: str, kratos: FakeKratos, tenant: SeededTenant) -> None:
    token, _ = kratos.add_session(identity_id=tenant.owner_identity)
    kratos.fail_with = 503
    try:
        assert _code(runner_url, {"X-Session-Token": token}) == Code.UNAVAILABLE
    finally:
        kratos.fail_with = None
    assert _profile(runner_url, {"X-Session-Token": token}).user.id == str(tenant.owner_id)


def test_a_second_call_with_the_same_token_is_answered_from_the_cache(
    runner_url: str, kratos: FakeKratos, tenant: SeededTenant, container: Container
) -> None:
    token, _ = kratos.add_session(identity_id=tenant.owner_identity)
    _profile(runner_url, {"X-Session-Token": token})
    after_first = kratos.count()
    _profile(runner_url, {"Authorization": f"Bearer {token}"})
    assert kratos.count() == after_first
    # Only the hash is stored: the raw token appears in no key and no value.
    client = container.session_cache._client  # type: ignore[attr-defined]
    keys = list(client.scan_iter(match="auth:session:*"))
    assert keys and all(token.encode() not in k and token.encode() not in (client.get(k) or b"") for k in keys)


def _request_of(target: registry.Target) -> object:
    service = registry.pb2_module(target.area).DESCRIPTOR.services_by_name[target.service]
    return message_factory.GetMessageClass(service.methods_by_name[target.method].input_type)()


def _call(runner_url: str, target: registry.Target, headers: dict[str, str]) -> Code | None:
    client_class = getattr(registry.connect_module(target.area), f"{target.service}ClientSync")
    client = client_class(runner_url)
    try:
        getattr(client, target.attribute)(_request_of(target), headers=headers)
    except ConnectError as err:
        return err.code
    return None


def test_every_rpc_enforces_its_role_from_the_access_table(
    runner_url: str, kratos: FakeKratos, container: Container, tenant: SeededTenant
) -> None:
    _, member_identity = add_user(container.db, tenant, role="member")
    _, admin_identity = add_user(container.db, tenant, role="admin")
    member, _ = kratos.add_session(identity_id=member_identity)
    admin, _ = kratos.add_session(identity_id=admin_identity)
    below = {"admin": member, "owner": admin}
    for target in registry.rpc_targets():
        access = ACCESS[f"{target.service}.{target.method}"]
        anonymous = _call(runner_url, target, {})
        if access == PUBLIC:
            assert anonymous not in (Code.UNAUTHENTICATED, Code.PERMISSION_DENIED), target.name
            continue
        assert anonymous == Code.UNAUTHENTICATED, target.name
        if access in below:
            assert _call(runner_url, target, {"X-Session-Token": below[access]}) == Code.PERMISSION_DENIED, target.name

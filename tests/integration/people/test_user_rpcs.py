"""UserService's management RPCs through the real Container: who may disable, enable and
re-role whom, the last-owner rule, seats taken by enabling, profiles checked field by field,
and a disabled user's session refused once its cache entry has ended."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from common.adapters.identity import KratosIdentity
from common.adapters.session_cache import RedisSessionCache
from common.config import Settings
from common.db import Database
from common.errors import (
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    ResourceExhausted,
    Unauthenticated,
)
from common.gen.mirai.v1 import common_pb2 as common
from common.rpc.auth import Authenticator
from common.storage_keys import user_avatar
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import Actor, ServiceApi, Tenant, error_of, make_tenant

pytestmark = pytest.mark.integration


@pytest.fixture
def company(owner_db: Database, kratos: FakeKratos) -> Tenant:
    tenant = make_tenant(owner_db, kratos)
    with owner_db.engine.begin() as conn:  # no seat held by the seeded invitation: counts below are exact
        conn.execute(text("update invitations set expires_at = now() - interval '1 day' where tenant_id = :t"),
                     {"t": tenant.id})
    return tenant


def _users(container: Container, actor: Actor) -> ServiceApi:
    return ServiceApi(container, actor, "user")


def _set_role(owner_db: Database, tenant: Tenant, user_id: uuid.UUID, role: str) -> Actor:
    """Makes ``user_id`` hold ``role`` in the database and returns an actor acting with it."""
    with owner_db.engine.begin() as conn:
        conn.execute(text("update users set role = :r where id = :u"), {"r": role, "u": user_id})
    actor = next(a for a in (tenant.owner, tenant.lead, tenant.outsider) if a.principal.user_id == user_id)
    principal = actor.principal.__class__(user_id, tenant.id, role, actor.principal.identity_id, actor.principal.email)
    return Actor(principal, actor.token)


def _set_seats(owner_db: Database, tenant: Tenant, seats: int) -> None:
    with owner_db.engine.begin() as conn:
        conn.execute(text("update companies set seat_count = :n where tenant_id = :t"), {"n": seats, "t": tenant.id})


def test_get_user_shows_a_colleague_and_their_teams(container: Container, company: Tenant) -> None:
    found = _users(container, company.outsider).get_user(user_id=str(company.lead.principal.user_id))
    assert found.user.email == company.lead.principal.email
    assert found.user.role == common.ROLE_MEMBER
    assert [t.team_id for t in found.teams] == [str(company.ids["team"])]


def test_an_admin_disables_a_member_who_frees_a_seat_and_is_hidden_from_members(
        container: Container, owner_db: Database, company: Tenant) -> None:
    admin = _set_role(owner_db, company, company.lead.principal.user_id, "admin")
    member_id = str(company.outsider.principal.user_id)
    before = ServiceApi(container, company.owner, "company").get_seat_usage().seat_usage
    done = _users(container, admin).disable_user(user_id=member_id, reason="left the company")
    assert done.user.status == common.USER_STATUS_DISABLED and done.user.HasField("disabled_at")
    assert (done.seat_usage.used, done.seat_usage.available) == (before.used - 1, before.available + 1)
    # Members no longer see them; admins and owners still do.
    assert isinstance(error_of(lambda: _users(container, company.outsider).get_user(user_id=member_id)), NotFound)
    assert _users(container, company.owner).get_user(user_id=member_id).user.status == common.USER_STATUS_DISABLED
    # Disabling again changes nothing and says so by answering the same state.
    assert _users(container, admin).disable_user(user_id=member_id).user.disabled_at == done.user.disabled_at


def test_nobody_disables_themselves_and_admins_never_disable_owners(
        container: Container, owner_db: Database, company: Tenant) -> None:
    admin = _set_role(owner_db, company, company.lead.principal.user_id, "admin")
    own = error_of(lambda: _users(container, admin).disable_user(user_id=str(admin.principal.user_id)))
    assert isinstance(own, FailedPrecondition) and own.field == "user_id"
    refused = error_of(lambda: _users(container, admin).disable_user(user_id=str(company.owner.principal.user_id)))
    assert isinstance(refused, PermissionDenied)
    assert _users(container, company.owner).get_user(
        user_id=str(company.owner.principal.user_id)).user.status == common.USER_STATUS_ACTIVE


def test_a_role_taken_away_counts_at_once_though_the_session_cache_still_holds_the_old_one(
        container: Container, owner_db: Database, company: Tenant) -> None:
    admin = _set_role(owner_db, company, company.lead.principal.user_id, "admin")
    _users(container, company.owner).change_user_role(user_id=str(admin.principal.user_id), role=common.ROLE_MEMBER)
    # ``admin`` still carries the cached role "admin"; the rules read the role stored now.
    for action in (lambda: _users(container, admin).disable_user(user_id=str(company.outsider.principal.user_id)),
                   lambda: _users(container, admin).enable_user(user_id=str(company.outsider.principal.user_id))):
        assert isinstance(error_of(action), PermissionDenied)
    assert _users(container, company.owner).get_user(
        user_id=str(company.outsider.principal.user_id)).user.status == common.USER_STATUS_ACTIVE


def test_the_last_active_owner_can_be_neither_disabled_nor_demoted(
        container: Container, owner_db: Database, company: Tenant) -> None:
    owner_id = str(company.owner.principal.user_id)
    second = _set_role(owner_db, company, company.lead.principal.user_id, "owner")
    # With two owners, one may demote the other ...
    demoted = _users(container, second).change_user_role(user_id=owner_id, role=common.ROLE_ADMIN)
    assert demoted.user.role == common.ROLE_ADMIN
    # ... but the remaining owner can neither demote themselves nor be disabled.
    last = error_of(lambda: _users(container, second).change_user_role(user_id=str(second.principal.user_id),
                                                                       role=common.ROLE_MEMBER))
    assert isinstance(last, FailedPrecondition) and "last active owner" in last.message
    _users(container, second).change_user_role(user_id=owner_id, role=common.ROLE_OWNER)
    disabled = _users(container, second).disable_user(user_id=owner_id)
    assert disabled.user.status == common.USER_STATUS_DISABLED
    # The other owner is disabled now, so this one is the last active owner again.
    again = error_of(lambda: _users(container, second).change_user_role(user_id=str(second.principal.user_id),
                                                                        role=common.ROLE_ADMIN))
    assert isinstance(again, FailedPrecondition)


def test_change_user_role_refuses_bad_roles_and_unknown_users(container: Container, company: Tenant) -> None:
    api = _users(container, company.owner)
    member_id = str(company.outsider.principal.user_id)
    for bad in (common.ROLE_UNSPECIFIED, 42):
        err = error_of(lambda bad=bad: api.change_user_role(user_id=member_id, role=bad))
        assert isinstance(err, InvalidArgument) and err.field == "role"
    assert isinstance(error_of(lambda: api.change_user_role(user_id=str(uuid.uuid4()), role=common.ROLE_ADMIN)), NotFound)
    assert isinstance(error_of(lambda: api.change_user_role(user_id="", role=common.ROLE_ADMIN)), InvalidArgument)
    assert api.change_user_role(user_id=member_id, role=common.ROLE_ADMIN).user.role == common.ROLE_ADMIN


def test_enabling_takes_a_free_seat_and_is_refused_when_none_is(
        container: Container, owner_db: Database, company: Tenant) -> None:
    api = _users(container, company.owner)
    member_id = str(company.outsider.principal.user_id)
    api.disable_user(user_id=member_id)
    used = ServiceApi(container, company.owner, "company").get_seat_usage().seat_usage.used
    _set_seats(owner_db, company, used)  # every paid seat is taken now
    full = error_of(lambda: api.enable_user(user_id=member_id))
    assert isinstance(full, ResourceExhausted)
    assert api.get_user(user_id=member_id).user.status == common.USER_STATUS_DISABLED
    _set_seats(owner_db, company, used + 1)
    enabled = api.enable_user(user_id=member_id)
    assert enabled.user.status == common.USER_STATUS_ACTIVE and not enabled.user.HasField("disabled_at")
    assert (enabled.seat_usage.used, enabled.seat_usage.available) == (used + 1, 0)


def test_a_disabled_users_session_stops_working_when_its_cache_entry_ends(
        container: Container, settings: Settings, kratos: FakeKratos, company: Tenant) -> None:
    assert settings.redis_url and settings.kratos_url
    clock = [datetime.now(UTC)]
    auth = Authenticator(identity=KratosIdentity(settings.kratos_url), cache=RedisSessionCache.from_url(settings.redis_url),
                         db=container.db, ttl_seconds=30, now=lambda: clock[0])
    headers = {"x-session-token": company.outsider.token}
    assert auth.authenticate(headers).user_id == company.outsider.principal.user_id
    _users(container, company.owner).disable_user(user_id=str(company.outsider.principal.user_id))
    clock[0] += timedelta(seconds=31)
    with pytest.raises(Unauthenticated, match="disabled"):
        auth.authenticate(headers)


def test_update_profile_checks_each_field_and_keeps_the_row_on_refusal(container: Container, company: Tenant) -> None:
    api = _users(container, company.outsider)
    updated = api.update_profile(first_name="  Ada ", last_name="Lovelace", locale="fr-fr", timezone="Europe/Paris")
    assert (updated.user.first_name, updated.user.last_name) == ("Ada", "Lovelace")
    assert (updated.user.locale, updated.user.timezone) == ("fr-FR", "Europe/Paris")
    for fields, field in (({"locale": "not a tag"}, "locale"), ({"timezone": "Mars/Olympus"}, "timezone"),
                          ({"timezone": "../etc/passwd"}, "timezone"), ({"first_name": "x" * 101}, "first_name"),
                          ({"avatar_object_key": "someone/else"}, "avatar_object_key")):
        err = error_of(lambda fields=fields: api.update_profile(last_name="Changed", **fields))
        assert isinstance(err, InvalidArgument) and err.field == field, (fields, err)
    # An avatar key of the caller's own, before any upload was accepted, is refused.
    own_key = user_avatar(company.id, company.outsider.principal.user_id)
    pending = error_of(lambda: api.update_profile(avatar_object_key=own_key))
    assert isinstance(pending, FailedPrecondition) and pending.field == "avatar_object_key"
    profile = api.get_profile().user
    assert (profile.last_name, profile.timezone, profile.avatar_url) == ("Lovelace", "Europe/Paris", "")
    # Nothing set changes nothing.
    assert api.update_profile().user.last_name == "Lovelace"

"""CompanyService and TenantService reads through the real Container."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from common.db import Database
from common.gen.mirai.v1 import common_pb2 as common
from common.gen.mirai.v1 import tenant_pb2
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import ServiceApi, make_tenant

pytestmark = pytest.mark.integration


def test_seat_usage_counts_active_users_and_live_invitations(container: Container, owner_db: Database,
                                                            kratos: FakeKratos) -> None:
    tenant = make_tenant(owner_db, kratos)
    with owner_db.engine.begin() as conn:
        conn.execute(text("update companies set seat_count = 4 where tenant_id = :t"), {"t": tenant.id})
        conn.execute(text("update invitations set status = 'pending', seat_reserved = true,"
                          " expires_at = now() + interval '7 days' where tenant_id = :t"), {"t": tenant.id})
        conn.execute(text("update users set status = 'disabled', disabled_at = now() where id = :u"),
                     {"u": tenant.outsider.principal.user_id})
    usage = ServiceApi(container, tenant.owner, "company").get_seat_usage()
    # owner + member active, the outsider disabled, one pending invitation.
    assert (usage.seat_usage.total, usage.seat_usage.used, usage.seat_usage.reserved, usage.seat_usage.available) == (4, 2, 1, 1)
    assert (usage.disabled_users, usage.plan, usage.plan_max_seats) == (1, common.PLAN_PRO, 500)
    with owner_db.engine.begin() as conn:
        conn.execute(text("update invitations set expires_at = now() - interval '1 minute' where tenant_id = :t"),
                     {"t": tenant.id})
    assert ServiceApi(container, tenant.owner, "company").get_seat_usage().seat_usage.reserved == 0


def test_company_and_tenant_are_the_callers_own(container: Container, owner_db: Database, kratos: FakeKratos) -> None:
    a, b = make_tenant(owner_db, kratos), make_tenant(owner_db, kratos)
    company = ServiceApi(container, a.outsider, "company").get_company().company
    assert (company.id, company.tenant_id, company.name, company.logo_url) == (str(a.ids["company"]), str(a.id), "Seed Co", "")
    tenant = ServiceApi(container, a.outsider, "tenant").get_tenant().tenant
    assert (tenant.id, tenant.company_id, tenant.plan) == (str(a.id), str(a.ids["company"]), common.PLAN_PRO)
    assert tenant.status in (tenant_pb2.TENANT_STATUS_ACTIVE, tenant_pb2.TENANT_STATUS_PROVISIONING)
    assert ServiceApi(container, b.outsider, "tenant").get_tenant().tenant.id == str(b.id)


def test_update_company_checks_each_field_and_changes_only_what_is_set(
        container: Container, owner_db: Database, kratos: FakeKratos) -> None:
    from common.errors import FailedPrecondition, InvalidArgument, Unimplemented
    from common.storage_keys import company_logo
    from tests.support.course_actors import error_of

    tenant = make_tenant(owner_db, kratos)
    api = ServiceApi(container, tenant.owner, "company")
    updated = api.update_company(name=" Acme ", industry="Rockets", company_size=common.COMPANY_SIZE_11_50,
                                 website="https://acme.example/about").company
    assert (updated.name, updated.industry, updated.company_size, updated.website) == (
        "Acme", "Rockets", common.COMPANY_SIZE_11_50, "https://acme.example/about")
    for fields, field in (({"name": "  "}, "name"), ({"name": "x" * 201}, "name"), ({"industry": "x" * 101}, "industry"),
                          ({"company_size": 77}, "company_size"), ({"website": "http://acme.example"}, "website"),
                          ({"website": "https://"}, "website"), ({"website": "javascript:alert(1)"}, "website"),
                          ({"website": "https://user:pw@acme.example"}, "website"),
                          ({"logo_object_key": f"{tenant.id}/company/other"}, "logo_object_key")):
        err = error_of(lambda fields=fields: api.update_company(**{"industry": "Changed", **fields}))
        assert isinstance(err, InvalidArgument) and err.field == field, (fields, err)
    pending = error_of(lambda: api.update_company(logo_object_key=company_logo(tenant.id)))
    assert isinstance(pending, FailedPrecondition) and pending.field == "logo_object_key"
    billing = error_of(lambda: api.update_company(billing_email="billing@acme.example"))
    assert isinstance(billing, Unimplemented) and billing.field == "billing_email"
    # Nothing refused above was stored; clearing works; unset fields stay.
    cleared = api.update_company(website="", industry="").company
    assert (cleared.name, cleared.industry, cleared.website, cleared.company_size) == ("Acme", "", "", common.COMPANY_SIZE_11_50)
    assert ServiceApi(container, tenant.outsider, "company").get_company().company.name == "Acme"


def test_tenant_stats_count_this_tenants_objects_only(container: Container, owner_db: Database, kratos: FakeKratos) -> None:
    a, b = make_tenant(owner_db, kratos), make_tenant(owner_db, kratos)
    before = ServiceApi(container, a.owner, "tenant").get_tenant_stats().stats
    with owner_db.engine.begin() as conn:
        for tenant, n in ((a, 1), (b, 3)):  # B gets more, and none of it may show in A's counts
            for i in range(n):
                conn.execute(text(
                    "insert into users (tenant_id, company_id, email, role, status, disabled_at)"
                    " values (:t, :c, :e, 'member', 'disabled', now())"),
                    {"t": tenant.id, "c": tenant.ids["company"], "e": f"off{i}@{tenant.id}.example"})
                conn.execute(text("insert into courses (tenant_id, title, status, deleted_at, published_at)"
                                  " values (:t, 'Gone', 'draft', now(), null), (:t, 'Live', 'published', null, now())"), {"t": tenant.id})
                conn.execute(text("insert into target_audiences (tenant_id, name) values (:t, :n)"),
                             {"t": tenant.id, "n": f"Persona {i}"})
    after = ServiceApi(container, a.owner, "tenant").get_tenant_stats()
    changed = {f.name: getattr(after.stats, f.name) - getattr(before, f.name) for f in after.stats.DESCRIPTOR.fields
               if f.name != "storage_measured_at"}
    assert changed == {name: 0 for name in changed} | {
        "disabled_users": 1, "deleted_courses": 1, "published_courses": 1, "target_audiences": 1}
    assert before.active_users == 3 and before.teams == 1  # the seeded owner, member and outsider; one team
    assert after.limits.max_seats == 500  # the seeded company is on Pro

"""UserService.ListUsers: search on name or email, role/status/team filters, sorts and
cursor pages; members never see disabled users; another tenant's users never appear."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from common.db import Database
from common.errors import InvalidArgument
from common.gen.mirai.v1 import common_pb2 as common
from common.gen.mirai.v1 import user_pb2 as pb
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import ServiceApi, Tenant, error_of, make_tenant

pytestmark = pytest.mark.integration

PEOPLE = [("Ada", "Lovelace", "ada@math.example", "admin", "active"),
          ("Grace", "Hopper", "grace@navy.example", "member", "active"),
          ("Alan", "Turing", "alan@bletchley.example", "member", "disabled"),
          ("Edsger", "Dijkstra", "ewd_100%@tue.example", "member", "active")]


@pytest.fixture(scope="module")
def company(owner_db: Database, kratos: FakeKratos) -> Tenant:
    tenant = make_tenant(owner_db, kratos)
    with owner_db.engine.begin() as conn:
        for first, last, email, role, status in PEOPLE:
            conn.execute(text(
                "insert into users (tenant_id, company_id, email, first_name, last_name, role, status, disabled_at)"
                " values (:t, :c, :e, :f, :l, :r, :s, case when :s = 'disabled' then now() end)"),
                {"t": tenant.id, "c": tenant.ids["company"], "e": email, "f": first, "l": last, "r": role, "s": status})
    make_tenant(owner_db, kratos)  # another company, whose users must never appear
    return tenant


def _emails(response: pb.ListUsersResponse) -> list[str]:
    return [u.email for u in response.users]


def test_search_matches_name_or_email_case_insensitively(container: Container, company: Tenant) -> None:
    api = ServiceApi(container, company.owner, "user")
    assert _emails(api.list_users(query="LOVE")) == ["ada@math.example"]
    assert _emails(api.list_users(query="navy")) == ["grace@navy.example"]
    assert _emails(api.list_users(query="grace hop")) == ["grace@navy.example"]
    # LIKE wildcards in the query are matched literally.
    assert _emails(api.list_users(query="100%")) == ["ewd_100%@tue.example"]
    assert _emails(api.list_users(query="%")) == ["ewd_100%@tue.example"]
    assert api.list_users(query="nobody-at-all").total_count == 0


def test_filters_and_what_members_see(container: Container, company: Tenant) -> None:
    owner = ServiceApi(container, company.owner, "user")
    member = ServiceApi(container, company.outsider, "user")
    assert _emails(owner.list_users(status=common.USER_STATUS_DISABLED)) == ["alan@bletchley.example"]
    assert "alan@bletchley.example" in _emails(owner.list_users(page_size=200))
    assert "alan@bletchley.example" not in _emails(member.list_users(page_size=200))
    assert member.list_users(status=common.USER_STATUS_DISABLED).users == []
    assert _emails(owner.list_users(role=common.ROLE_ADMIN)) == ["ada@math.example"]
    team = owner.list_users(team_id=str(company.ids["team"]))
    assert [u.id for u in team.users] == [str(company.lead.principal.user_id)]
    assert owner.list_users(team_id=str(uuid.uuid4())).users == []
    # The team's own lead sees its roster; a member of no team sees nobody in it.
    lead = ServiceApi(container, company.lead, "user")
    assert [u.id for u in lead.list_users(team_id=str(company.ids["team"])).users] == [str(company.lead.principal.user_id)]
    assert member.list_users(team_id=str(company.ids["team"])).total_count == 0


def test_pages_follow_the_sort_and_cover_everyone_once(container: Container, company: Tenant) -> None:
    api = ServiceApi(container, company.owner, "user")
    everyone = api.list_users(page_size=200)
    assert everyone.total_count == len(everyone.users) == len(PEOPLE) + 3  # the seeded owner, member, outsider
    names = [(u.last_name.lower() + " " + u.first_name.lower()) for u in everyone.users]
    assert names == sorted(names)
    for sort, direction in ((pb.USER_SORT_FIELD_EMAIL, common.SORT_DIRECTION_DESCENDING),
                            (pb.USER_SORT_FIELD_CREATED_AT, common.SORT_DIRECTION_UNSPECIFIED),
                            (pb.USER_SORT_FIELD_LAST_LOGIN_AT, common.SORT_DIRECTION_ASCENDING),
                            (pb.USER_SORT_FIELD_NAME, common.SORT_DIRECTION_UNSPECIFIED)):
        seen: list[str] = []
        token = ""
        while True:
            page = api.list_users(page_size=2, page_token=token, sort_field=sort, sort_direction=direction)
            assert page.total_count == everyone.total_count
            seen += [u.id for u in page.users]
            token = page.next_page_token
            if not token:
                break
        assert sorted(seen) == sorted(u.id for u in everyone.users), sort
        if sort == pb.USER_SORT_FIELD_EMAIL:
            by_id = {u.id: u.email for u in everyone.users}
            assert [by_id[i] for i in seen] == sorted(by_id.values(), reverse=True)


def test_malformed_requests_are_invalid_arguments(container: Container, company: Tenant) -> None:
    api = ServiceApi(container, company.owner, "user")
    token = api.list_users(page_size=1).next_page_token
    for fields, field in (({"page_size": -1}, "page_size"), ({"page_token": "garbage"}, "page_token"),
                          ({"page_token": token, "sort_field": pb.USER_SORT_FIELD_EMAIL}, "page_token"),
                          ({"sort_field": 99}, "sort_field"), ({"sort_direction": 7}, "sort_direction"),
                          ({"role": 9}, "role"), ({"status": 5}, "status"), ({"team_id": "not-an-id"}, "team_id"),
                          ({"query": "x" * 201}, "query")):
        err = error_of(lambda fields=fields: api.list_users(**fields))
        assert isinstance(err, InvalidArgument) and err.field == field, (fields, err)

"""Across teams of one tenant, an id of another team's library answers like a random id.

A lead of team A (the seeded "Authors") sends every request of
``test_invisible_ids.CASES`` that takes a team, folder, course, module or lesson id,
naming team B's things (its folder, a course in it with a module, a lesson and an
export, the team itself) and then a random id: the answers must be identical. Team B's own
members do see them (the last test), so the ids are real."""

from __future__ import annotations

import uuid

import pytest

from common.db import Database
from common.gen.mirai.v1 import common_pb2
from functions.bootstrap import Container
from functions.registry import rpc_targets
from functions.registry import snake_case as _snake
from tests.fakes.kratos import FakeKratos
from tests.integration.test_invisible_ids import CASES, NO_IDS, Case, _answer
from tests.support.course_actors import Actor, CourseApi, ServiceApi, Tenant, make_tenant
from tests.support.team_actors import add_user

pytestmark = pytest.mark.integration

TEAM_KINDS = ("team", "folder", "course", "module", "lesson", "export")


class World:
    def __init__(self, tenant: Tenant, b_member: Actor, theirs: dict[str, str], mine: dict[str, str]) -> None:
        self.tenant, self.b_member, self.theirs, self.mine = tenant, b_member, theirs, mine


@pytest.fixture(scope="module")
def world(container: Container, owner_db: Database, kratos: FakeKratos) -> World:
    tenant = make_tenant(owner_db, kratos)
    team_b = ServiceApi(container, tenant.owner, "team").create_team(name="Team B").team
    b_member = add_user(owner_db, kratos, tenant, "bee", team_id=uuid.UUID(team_b.id), team_role="lead")
    theirs_api = CourseApi(container, b_member)
    folder = theirs_api.create_folder(name="B's folder", team_id=team_b.id).folder
    course = theirs_api.create_course(title="B's course", folder_id=folder.id).course
    module = theirs_api.create_module(course_id=course.id, title="M").module
    lesson = theirs_api.create_lesson(course_id=course.id, module_id=module.id, title="L").lesson
    export = theirs_api.export_course(course_id=course.id, format=common_pb2.EXPORT_FORMAT_PDF).export
    theirs = {"team": team_b.id, "folder": folder.id, "course": course.id, "module": module.id, "lesson": lesson.id,
              "export": export.id}
    # The caller's own things live in team A's library.
    api = CourseApi(container, tenant.lead)
    own_folder = api.create_folder(name="A's folder", team_id=str(tenant.ids["team"])).folder
    own = api.create_course(title="A's course", folder_id=own_folder.id).course
    own_module = api.create_module(course_id=own.id, title="M").module
    own_lesson = api.create_lesson(course_id=own.id, module_id=own_module.id, title="L").lesson
    mine = {"course": own.id, "module": own_module.id, "lesson": own_lesson.id, "folder": own_folder.id,
            "team": str(tenant.ids["team"]), "me": str(tenant.lead.principal.user_id),
            "sme": ServiceApi(container, tenant.owner, "sme").create_sme(name="Open to all").sme.id}
    return World(tenant, b_member, theirs, mine)


CROSS_TEAM = [case for case in CASES if case.kind in TEAM_KINDS]


def test_every_built_course_and_team_rpc_taking_an_id_is_tried_across_teams() -> None:
    services = {"course": "CourseService", "team": "TeamService"}
    built = {f"{t.service}.{t.method}" for t in rpc_targets()
             if t.implemented() and t.service in services.values()} - NO_IDS
    # CreateTeam takes user ids only (users are company-wide); DeleteTeam is for admins, who see every team.
    built -= {"TeamService.CreateTeam", "TeamService.DeleteTeam"}
    tried = {f"{services[case.area]}.{case.method}" for case in CROSS_TEAM if case.area in services}
    assert built == tried


@pytest.mark.parametrize("case", CROSS_TEAM, ids=lambda c: f"{c.area}-{c.method}-{c.kind}")
def test_another_teams_id_answers_like_a_random_one(case: Case, world: World, container: Container) -> None:
    call = getattr(ServiceApi(container, world.tenant.lead, case.area), _snake(case.method))
    random_id, theirs = str(uuid.uuid4()), world.theirs[case.kind]
    random_answer = _answer(lambda: call(**case.request(random_id, world.mine)))
    their_answer = _answer(lambda: call(**case.request(theirs, world.mine)))
    if case.listing:
        assert random_answer[0] == "answered"
    else:
        assert random_answer[0] == case.refusal, random_answer
    masked = [tuple(str(part).replace(id_, "<id>") for part in answer)
              for answer, id_ in ((random_answer, random_id), (their_answer, theirs))]
    assert masked[0] == masked[1], (random_answer, their_answer)


def test_team_bs_things_are_real_and_visible_to_team_b(world: World, container: Container) -> None:
    api = CourseApi(container, world.b_member)
    assert api.get_course(course_id=world.theirs["course"]).course.team_id == world.theirs["team"]
    assert api.get_folder(folder_id=world.theirs["folder"]).folder.id == world.theirs["folder"]
    assert ServiceApi(container, world.b_member, "team").get_team(team_id=world.theirs["team"]).team.name == "Team B"
    assert world.theirs["course"] in [c.id for c in api.list_courses(team_id=world.theirs["team"]).courses]
    assert api.get_export(export_id=world.theirs["export"]).export.course_id == world.theirs["course"]

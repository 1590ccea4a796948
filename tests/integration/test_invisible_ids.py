"""An id the caller may not see answers exactly like an id that does not exist.

For every built RPC that accepts an id, the same request is sent three times by a
member outside the seeded team (they lead a team of their own, for the user-id
cases): naming something of their own tenant they may not see (the team, its
library's folder, course, module or lesson; someone else's outline, job or
notification; a team-scoped SME, its task and its submission), something of another tenant, and a random id.
RPCs only owners/admins may call (CreateTeam, DeleteTeam) are sent by the owner, who
sees all of the tenant: for them only another tenant's id can be unseen.
Across teams of one tenant: tests/integration/test_cross_team_ids.py.
All three answers must be identical: same error, same message, same field (or, for
listings filtered by the id, the same empty page)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from google.protobuf.message import Message
from sqlalchemy import text

from common.db import Database
from common.errors import AppError, NotFound
from common.gen.mirai.v1 import common_pb2, course_pb2, sme_pb2
from functions.bootstrap import Container
from functions.registry import rpc_targets, snake_case
from tests.fakes.kratos import FakeKratos
from tests.support.course_actors import CourseApi, ServiceApi, Tenant, make_tenant

pytestmark = pytest.mark.integration

KINDS = ("course", "folder", "module", "lesson", "team", "outline", "job", "sme", "notification", "audience", "user",
         "colleague", "any_team",
         "task", "submission", "export")


@dataclass(frozen=True)
class World:
    a: Tenant
    hidden: dict[str, str]  # kind -> an id of tenant A the outsider may not see
    other: dict[str, str]  # kind -> an id of tenant B
    mine: dict[str, str]  # the outsider's own course, module, lesson and folder


def _course_with_lesson(container: Container, tenant: Tenant, *, folder_id: str = "") -> dict[str, str]:
    api = CourseApi(container, tenant.lead)
    course = api.create_course(title="Course", folder_id=folder_id).course
    module = api.create_module(course_id=course.id, title="Module").module
    lesson = api.create_lesson(course_id=course.id, module_id=module.id, title="Lesson").lesson
    return {"course": course.id, "module": module.id, "lesson": lesson.id}


def _disabled_user_of(owner_db: Database, tenant: Tenant) -> str:
    """A user only owners and admins see (members do not see disabled colleagues)."""
    user_id = uuid.uuid4()
    with owner_db.engine.begin() as conn:
        conn.execute(text(
            "insert into users (id, tenant_id, company_id, email, role, status, disabled_at)"
            " values (:id, :tenant, :company, :email, 'member', 'disabled', now())"),
            {"id": user_id, "tenant": tenant.id, "company": tenant.ids["company"], "email": f"gone-{user_id.hex[:8]}@a.example"})
    return str(user_id)


def _export_of(container: Container, tenant: Tenant, course_id: str) -> str:
    export = CourseApi(container, tenant.lead).export_course(course_id=course_id, format=common_pb2.EXPORT_FORMAT_PDF)
    return str(export.export.id)


def _notification_of(owner_db: Database, tenant: Tenant) -> str:
    with owner_db.engine.connect() as conn:
        found = conn.execute(text("select id from notifications where tenant_id = :t"), {"t": tenant.id}).scalar_one()
    return str(found)


@pytest.fixture(scope="module")
def world(container: Container, owner_db: Database, kratos: FakeKratos) -> World:
    a, b = make_tenant(owner_db, kratos), make_tenant(owner_db, kratos)
    # The seeded graph: a team folder, a team-scoped SME, the owner's outline and job, the lead's notification.
    team_course = _course_with_lesson(container, a, folder_id=str(a.ids["team_folder"]))
    hidden = {
        **team_course, "folder": str(a.ids["team_folder"]), "team": str(a.ids["team"]),
        "outline": str(a.ids["outline"]), "job": str(a.ids["job"]), "sme": str(a.ids["sme"]),
        "task": str(a.ids["task"]), "submission": str(a.ids["submission"]),
        "notification": _notification_of(owner_db, a),
        "audience": str(uuid.uuid4()),  # audiences are company-wide: nothing of A's is hidden from its members
        "user": _disabled_user_of(owner_db, a),
        "colleague": str(uuid.uuid4()),  # admins see every user of their company: nothing of A's is hidden
        "any_team": str(uuid.uuid4()),  # for an owner, who sees every team of the tenant
        "export": _export_of(container, a, team_course["course"]),
    }
    other_course = _course_with_lesson(container, b)
    other = {
        **other_course, "export": _export_of(container, b, other_course["course"]),
        "folder": str(b.ids["folder"]), "team": str(b.ids["team"]),
        "outline": str(b.ids["outline"]), "job": str(b.ids["job"]), "sme": str(b.ids["sme"]),
        "task": str(b.ids["task"]), "submission": str(b.ids["submission"]),
        "notification": _notification_of(owner_db, b), "audience": str(b.ids["audience"]),
        "user": str(b.ids["member"]), "colleague": str(b.ids["member"]), "any_team": str(b.ids["team"]),
    }
    api = CourseApi(container, a.outsider)
    course = api.create_course(title="Mine").course
    module = api.create_module(course_id=course.id, title="Mine").module
    lesson = api.create_lesson(course_id=course.id, module_id=module.id, title="Mine").lesson
    folder = api.create_folder(name=f"Mine {uuid.uuid4().hex[:6]}").folder
    # A team the outsider leads, for the user-id cases (its own team: only the user can be unseen).
    with owner_db.engine.begin() as conn:
        own_team = conn.execute(text(
            "insert into teams (tenant_id, company_id, name) values (:t, :c, 'Outsiders') returning id"),
            {"t": a.id, "c": a.ids["company"]}).scalar_one()
        conn.execute(text("insert into team_members (tenant_id, team_id, user_id, role) values (:t, :team, :u, 'lead')"),
                     {"t": a.id, "team": own_team, "u": a.outsider.principal.user_id})
    # A global SME of A: the outsider may use it (and not edit it).
    sme = ServiceApi(container, a.owner, "sme").create_sme(name=f"Open {uuid.uuid4().hex[:6]}").sme
    me = str(a.outsider.principal.user_id)
    mine = {"course": course.id, "module": module.id, "lesson": lesson.id, "folder": folder.id, "team": str(own_team),
            "me": me, "user": me, "sme": sme.id}
    return World(a, hidden, other, mine)


@dataclass(frozen=True)
class Case:
    area: str
    method: str
    kind: str
    request: Callable[[str, dict[str, str]], dict[str, Any]]  # (the id tried, the caller's own ids) -> fields
    listing: bool = False  # the id filters a list: the answer is a page, not an error
    refusal: str = NotFound.__name__  # what a random id gets
    caller: str = "outsider"  # who calls: "owner" for RPCs whose rules re-check the caller's role


def _c(method: str, kind: str, request: Callable[[str, dict[str, str]], dict[str, Any]], **kw: Any) -> Case:
    return Case("course", method, kind, request, **kw)


def _s(method: str, kind: str, request: Callable[[str, dict[str, str]], dict[str, Any]], **kw: Any) -> Case:
    return Case("sme", method, kind, request, **kw)


def _ai(method: str, kind: str, request: Callable[[str, dict[str, str]], dict[str, Any]], **kw: Any) -> Case:
    return Case("ai_generation", method, kind, request, **kw)


CASES = [
    # CourseService: the course id
    *(_c(m, "course", lambda i, _: {"course_id": i}) for m in (
        "GetCourse", "DeleteCourse", "RestoreCourse", "DuplicateCourse", "GetCourseContent", "ListCourseVersions")),
    _c("UpdateCourse", "course", lambda i, _: {"course_id": i, "title": "x"}),
    _c("SaveCourseContent", "course", lambda i, _: {"course_id": i, "content": course_pb2.CourseContent()}),
    _c("GetCourseVersion", "course", lambda i, _: {"course_id": i, "version": 1}),
    _c("RestoreCourseVersion", "course", lambda i, _: {"course_id": i, "version": 1}),
    _c("CreateModule", "course", lambda i, _: {"course_id": i, "title": "x"}),
    _c("ExportCourse", "course", lambda i, _: {"course_id": i, "format": common_pb2.EXPORT_FORMAT_PDF}),
    _c("ListExports", "course", lambda i, _: {"course_id": i}, listing=True),
    _c("GetExport", "export", lambda i, _: {"export_id": i}),
    _c("GetExportDownloadUrl", "export", lambda i, _: {"export_id": i}),
    # CourseService: a module or lesson id inside the caller's own course
    _c("UpdateModule", "module", lambda i, m: {"course_id": m["course"], "module_id": i, "title": "x"}),
    _c("DeleteModule", "module", lambda i, m: {"course_id": m["course"], "module_id": i}),
    _c("CreateLesson", "module", lambda i, m: {"course_id": m["course"], "module_id": i, "title": "x"}),
    _c("ReorderLessons", "module", lambda i, m: {"course_id": m["course"], "module_id": i, "lesson_ids": [m["lesson"]]}),
    # A new order must name exactly the course's modules: any other id is a bad list, whoever owns it.
    _c("ReorderModules", "module", lambda i, m: {"course_id": m["course"], "module_ids": [m["module"], i]},
       refusal="InvalidArgument"),
    _c("MoveLesson", "module", lambda i, m: {"course_id": m["course"], "lesson_id": m["lesson"], "target_module_id": i}),
    _c("GetLesson", "lesson", lambda i, m: {"course_id": m["course"], "lesson_id": i}),
    _c("UpdateLesson", "lesson", lambda i, m: {"course_id": m["course"], "lesson_id": i, "title": "x"}),
    _c("DeleteLesson", "lesson", lambda i, m: {"course_id": m["course"], "lesson_id": i}),
    _c("MoveLesson", "lesson", lambda i, m: {"course_id": m["course"], "lesson_id": i, "target_module_id": m["module"]}),
    # CourseService: folder ids
    _c("CreateCourse", "folder", lambda i, _: {"title": "x", "folder_id": i}),
    _c("UpdateCourse", "folder", lambda i, m: {"course_id": m["course"], "folder_id": i}),
    _c("DuplicateCourse", "folder", lambda i, m: {"course_id": m["course"], "folder_id": i}),
    _c("ListCourses", "folder", lambda i, _: {"folder_id": i}),
    _c("CreateFolder", "folder", lambda i, _: {"name": "x", "parent_id": i}),
    _c("GetFolder", "folder", lambda i, _: {"folder_id": i}),
    _c("ListFolders", "folder", lambda i, _: {"parent_id": i}),
    _c("UpdateFolder", "folder", lambda i, _: {"folder_id": i, "name": "x"}),
    _c("MoveFolder", "folder", lambda i, _: {"folder_id": i}),
    _c("MoveFolder", "folder", lambda i, m: {"folder_id": m["folder"], "new_parent_id": i}),
    _c("DeleteFolder", "folder", lambda i, _: {"folder_id": i, "delete_contents": True}),
    _c("DeleteFolder", "folder", lambda i, m: {"folder_id": m["folder"], "target_folder_id": i}),
    # CourseService: team ids
    _c("CreateFolder", "team", lambda i, _: {"name": "x", "team_id": i}),
    _c("MoveFolder", "team", lambda i, m: {"folder_id": m["folder"], "team_id": i}),
    _c("ListFolders", "team", lambda i, _: {"team_id": i}),
    _c("ListCourses", "team", lambda i, _: {"team_id": i}, listing=True),
    _c("CountCoursesByFolder", "team", lambda i, _: {"team_id": i}, listing=True),
    # CourseService: target audiences (company-wide, so only another tenant's can be unseen)
    _c("CreateCourse", "audience", lambda i, _: {"title": "x", "target_audience_id": i}),
    _c("UpdateCourse", "audience", lambda i, m: {"course_id": m["course"], "target_audience_id": i}),
    _c("ListCourses", "audience", lambda i, _: {"target_audience_id": i}, listing=True),
    # AIGenerationService
    _ai("GenerateOutline", "folder", lambda i, _: {"title": "x", "folder_id": i}),
    _ai("GenerateOutline", "course", lambda i, _: {"title": "x", "course_id": i}),
    _ai("GenerateOutline", "sme", lambda i, _: {"title": "x", "sme_ids": [i]}),
    _ai("GenerateOutline", "audience", lambda i, _: {"title": "x", "target_audience_id": i}),
    _ai("GetOutline", "outline", lambda i, _: {"outline_id": i}),
    _ai("UpdateOutline", "outline", lambda i, _: {"outline_id": i, "title": "x"}),
    _ai("ApproveOutline", "outline", lambda i, _: {"outline_id": i}),
    _ai("RejectOutline", "outline", lambda i, _: {"outline_id": i, "reason": "x"}),
    _ai("GenerateLessons", "course", lambda i, _: {"course_id": i}),
    _ai("GenerateLessons", "lesson", lambda i, m: {"course_id": m["course"], "lesson_ids": [i]}),
    _ai("RegenerateComponent", "course", lambda i, m: {"course_id": i, "lesson_id": m["lesson"],
                                                       "component_id": str(uuid.UUID(int=1)), "instruction": "x"}),
    _ai("RegenerateComponent", "lesson", lambda i, m: {"course_id": m["course"], "lesson_id": i,
                                                       "component_id": str(uuid.UUID(int=1)), "instruction": "x"}),
    _ai("GetJob", "job", lambda i, _: {"job_id": i}),
    _ai("CancelJob", "job", lambda i, _: {"job_id": i}),
    _ai("ListJobs", "course", lambda i, _: {"course_id": i}, listing=True),
    _ai("ListJobs", "outline", lambda i, _: {"outline_id": i}, listing=True),
    _ai("ListJobs", "sme", lambda i, _: {"sme_id": i}, listing=True),
    # TargetAudienceService
    Case("target_audience", "GetTargetAudience", "audience", lambda i, _: {"target_audience_id": i}),
    Case("target_audience", "UpdateTargetAudience", "audience", lambda i, _: {"target_audience_id": i, "name": "x"}),
    Case("target_audience", "DeleteTargetAudience", "audience", lambda i, _: {"target_audience_id": i}),
    # SMEService: SME, task, submission and team ids
    *(_s(m, "sme", lambda i, _: {"sme_id": i}) for m in ("GetSME", "DeleteSME", "ListKnowledgeChunks", "ListSubmissions")),
    _s("UpdateSME", "sme", lambda i, _: {"sme_id": i, "name": "x"}),
    _s("GrantTeamAccess", "sme", lambda i, _: {"sme_id": i, "team_ids": [str(uuid.UUID(int=2))]}),
    _s("RevokeTeamAccess", "sme", lambda i, _: {"sme_id": i, "team_ids": [str(uuid.UUID(int=2))]}),
    _s("CreateTask", "sme", lambda i, m: {"sme_id": i, "assignee_user_id": m["user"], "title": "x"}),
    _s("CreateUploadUrl", "sme", lambda i, _: {"sme_id": i, "file_name": "a.pdf", "content_type": "application/pdf",
                                              "size_bytes": 10}),
    _s("SearchKnowledge", "sme", lambda i, _: {"query": "x", "sme_ids": [i]}),
    _s("ListTasks", "sme", lambda i, _: {"sme_id": i}, listing=True),
    *(_s(m, "task", lambda i, _: {"task_id": i}) for m in ("GetTask", "CompleteTask", "CancelTask", "ListSubmissions")),
    _s("UpdateTask", "task", lambda i, _: {"task_id": i, "title": "x"}),
    _s("CreateUploadUrl", "task", lambda i, _: {"task_id": i, "file_name": "a.pdf", "content_type": "application/pdf",
                                               "size_bytes": 10}),
    *(_s(m, "submission", lambda i, _: {"submission_id": i}) for m in (
        "GetSubmission", "GetSubmissionDownloadUrl", "ReprocessSubmission", "DeleteSubmission")),
    _s("ListKnowledgeChunks", "submission", lambda i, m: {"sme_id": m["sme"], "submission_id": i}, listing=True),
    _s("CreateSME", "team", lambda i, _: {"name": "x", "scope": sme_pb2.SME_SCOPE_TEAM, "team_ids": [i]}),
    _s("GrantTeamAccess", "team", lambda i, m: {"sme_id": m["sme"], "team_ids": [i]}),
    _s("RevokeTeamAccess", "team", lambda i, m: {"sme_id": m["sme"], "team_ids": [i]}),
    _s("ListSmes", "team", lambda i, _: {"team_id": i}, listing=True),
    # NotificationService
    Case("notification", "MarkNotificationRead", "notification", lambda i, _: {"notification_ids": [i]}),
    # UserService
    Case("user", "GetUser", "user", lambda i, _: {"user_id": i}),
    Case("user", "ListUsers", "team", lambda i, _: {"team_id": i}, listing=True),
    Case("user", "DisableUser", "colleague", lambda i, _: {"user_id": i}, caller="owner"),
    Case("user", "EnableUser", "colleague", lambda i, _: {"user_id": i}, caller="owner"),
    Case("user", "ChangeUserRole", "colleague", lambda i, _: {"user_id": i, "role": common_pb2.ROLE_MEMBER}, caller="owner"),
    # TeamService: the team id (the caller's own user id where a user is named)
    *(Case("team", m, "team", lambda i, _: {"team_id": i}) for m in ("GetTeam", "ListTeamMembers", "ListTeamFolders")),
    Case("team", "DeleteTeam", "any_team", lambda i, _: {"team_id": i}, caller="owner"),
    Case("team", "UpdateTeam", "team", lambda i, _: {"team_id": i, "name": "x"}),
    Case("team", "AddTeamMember", "team", lambda i, m: {"team_id": i, "user_id": m["me"]}),
    Case("team", "RemoveTeamMember", "team", lambda i, m: {"team_id": i, "user_id": m["me"]}),
    Case("team", "ChangeTeamMemberRole", "team", lambda i, m: {"team_id": i, "user_id": m["me"], "role": 1}),
    # TeamService: user ids (another tenant's user is not found; the team is the caller's own, see world)
    Case("team", "CreateTeam", "colleague", lambda i, _: {"name": f"T {uuid.uuid4().hex[:8]}", "member_user_ids": [i]},
         caller="owner"),
    Case("team", "CreateTeam", "colleague", lambda i, _: {"name": f"T {uuid.uuid4().hex[:8]}", "lead_user_ids": [i]},
         caller="owner"),
    Case("team", "AddTeamMember", "colleague", lambda i, m: {"team_id": m["team"], "user_id": i}),
    Case("team", "RemoveTeamMember", "colleague", lambda i, m: {"team_id": m["team"], "user_id": i}),
    Case("team", "ChangeTeamMemberRole", "colleague", lambda i, m: {"team_id": m["team"], "user_id": i, "role": 1}),
]

# Built RPCs that take no id (the tenant and the caller come from the session).
NO_IDS = {
    "NotificationService.ListNotifications", "NotificationService.GetUnreadCount",
    "NotificationService.MarkAllNotificationsRead", "TargetAudienceService.CreateTargetAudience",
    "TargetAudienceService.ListTargetAudiences", "AIGenerationService.ListOutlines", "CourseService.ListCourseTags",
    "TenantSettingsService.GetAISettings", "TenantSettingsService.UpdateAISettings",
    "TenantSettingsService.DeleteAIKey", "TenantSettingsService.ListAvailableModels", "UserService.GetProfile",
    "HealthService.Check", "AuthService.Whoami", "AuthService.GetOnboardingStatus",
    "AuthService.CompleteOnboardingStep", "AuthService.ListPlans", "AuthService.Register",
    "UserService.UpdateProfile", "CompanyService.GetCompany", "CompanyService.UpdateCompany", "CompanyService.CreateLogoUploadUrl",
    "UserService.CreateAvatarUploadUrl", "CompanyService.GetSeatUsage", "TenantService.GetTenant", "TenantService.GetTenantStats", "TeamService.ListTeams",
}
# Public RPCs whose id is the capability (no tenant or team can hide it): an unknown id is
# not_found like a random one, tested with them (tests/e2e/test_registration.py).
CAPABILITY_IDS = {"AuthService.GetRegistrationStatus"}
SERVICES = {"course": "CourseService", "ai_generation": "AIGenerationService", "target_audience": "TargetAudienceService",
            "notification": "NotificationService", "user": "UserService", "team": "TeamService",
            "sme": "SMEService"}


def test_every_built_rpc_that_takes_an_id_is_tried() -> None:
    built = {f"{t.service}.{t.method}" for t in rpc_targets() if t.implemented()}
    tried = {f"{SERVICES[case.area]}.{case.method}" for case in CASES}
    assert built - NO_IDS - CAPABILITY_IDS == tried


def _answer(action: Callable[[], Message]) -> tuple[Any, ...]:
    try:
        response = action()
    except AppError as err:
        return type(err).__name__, err.message, err.field
    return ("answered", response.SerializeToString(deterministic=True))


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.method}-{c.kind}")
def test_an_invisible_id_answers_like_a_random_one(case: Case, world: World, container: Container) -> None:
    api = ServiceApi(container, getattr(world.a, case.caller), case.area)
    call = getattr(api, snake_case(case.method))
    random_id = str(uuid.uuid4())
    answers = {
        name: _answer(lambda id_=id_: call(**case.request(id_, world.mine)))
        for name, id_ in (("random", random_id), ("hidden", world.hidden[case.kind]),
                          ("other tenant", world.other[case.kind]))
    }
    if case.listing:
        assert answers["random"][0] == "answered"
    else:
        assert answers["random"][0] == case.refusal, answers["random"]
    # Messages may name the id that was sent; with it masked they must not differ at all.
    masked = {name: tuple(str(part).replace(id_, "<id>") for part in answer) for (name, answer), id_ in zip(
        answers.items(), (random_id, world.hidden[case.kind], world.other[case.kind]), strict=True)}
    assert masked["hidden"] == masked["random"] == masked["other tenant"], answers


def test_the_hidden_ids_are_real_and_visible_to_their_owners(world: World, container: Container) -> None:
    """The test above proves nothing if the hidden ids were not there: their own people see them."""
    lead = CourseApi(container, world.a.lead)
    assert lead.get_course(course_id=world.hidden["course"]).course.folder_id == world.hidden["folder"]
    assert lead.get_folder(folder_id=world.hidden["folder"]).folder.id == world.hidden["folder"]
    owner = ServiceApi(container, world.a.owner, "ai_generation")
    assert owner.get_outline(outline_id=world.hidden["outline"]).outline.id == world.hidden["outline"]
    assert owner.get_job(job_id=world.hidden["job"]).job.id == world.hidden["job"]
    assert ServiceApi(container, world.a.lead, "team").get_team(team_id=world.hidden["team"]).team.id == world.hidden["team"]
    sme = ServiceApi(container, world.a.owner, "sme")
    assert sme.get_sme(sme_id=world.hidden["sme"]).sme.scope == sme_pb2.SME_SCOPE_TEAM
    assert sme.get_task(task_id=world.hidden["task"]).task.sme_id == world.hidden["sme"]
    assert sme.get_submission(submission_id=world.hidden["submission"]).submission.sme_id == world.hidden["sme"]
    assert lead.get_export(export_id=world.hidden["export"]).export.course_id == world.hidden["course"]
    assert ServiceApi(container, world.a.lead, "notification").mark_notification_read(
        notification_ids=[world.hidden["notification"]]).updated_count == 1
    assert ServiceApi(container, world.a.owner, "user").get_user(user_id=world.hidden["user"]).user.id == world.hidden["user"]

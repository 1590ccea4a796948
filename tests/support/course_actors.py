"""Tenants with real users and roles for the course tests.

``make_tenant`` seeds a full tenant graph (tests/support/seed.py) plus a member
outside every team, registers a Kratos session for each user in the fake, and
hands back principals (for in-process calls through the real Container) and
tokens (for HTTP calls through the runner)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import text

from common.db import Database
from common.errors import AppError
from common.gen.mirai.v1 import common_pb2
from common.rpc.context import Call, Principal
from tests.fakes.kratos import FakeKratos
from tests.support.seed import seed_tenant

R = TypeVar("R")


@dataclass(frozen=True)
class Actor:
    principal: Principal
    token: str

    def call(self, container: Any) -> Call:
        return Call(principal=self.principal, container=container, headers={})


@dataclass(frozen=True)
class Tenant:
    id: uuid.UUID
    ids: dict[str, uuid.UUID]
    owner: Actor
    lead: Actor  # a member who leads the seeded team
    outsider: Actor  # a member of no team


def make_tenant(owner_db: Database, kratos: FakeKratos, slug: str | None = None) -> Tenant:
    slug = slug or f"c-{uuid.uuid4().hex[:8]}"
    outsider_id = uuid.uuid4()
    with owner_db.engine.begin() as conn:
        ids = seed_tenant(conn, slug)
        conn.execute(text(
            "insert into users (id, tenant_id, company_id, kratos_id, email, role)"
            " values (:id, :tenant, :company, :kratos, :email, 'member')"),
            {"id": outsider_id, "tenant": ids["tenant"], "company": ids["company"], "kratos": f"kratos-{slug}-outsider",
             "email": f"outsider@{slug}.example"})

    def actor(user_id: uuid.UUID, role: str, name: str) -> Actor:
        identity = f"kratos-{slug}-{name}"
        token, _ = kratos.add_session(identity_id=identity, email=f"{name}@{slug}.example")
        return Actor(Principal(user_id, ids["tenant"], role, identity, f"{name}@{slug}.example"), token)

    return Tenant(id=ids["tenant"], ids=ids, owner=actor(ids["owner"], "owner", "owner"),
                  lead=actor(ids["member"], "member", "member"), outsider=actor(outsider_id, "member", "outsider"))


def error_of(action: Callable[[], object]) -> AppError:
    """The domain error ``action`` raises (fails the test when it raises none)."""
    try:
        action()
    except AppError as err:
        return err
    raise AssertionError("expected a domain error, got a result")


class ServiceApi:
    """One service's handlers called in-process, as ``actor``, through the real Container:
    ``ServiceApi(container, actor, "course").create_course(title="x")`` builds
    ``course_pb2.CreateCourseRequest(title="x")`` and calls
    ``functions.course.create_course.create_course`` with it."""

    def __init__(self, container: Any, actor: Actor, area: str) -> None:
        self._call = actor.call(container)
        self._area = area

    def __getattr__(self, snake: str) -> Callable[..., Any]:
        import importlib

        messages = importlib.import_module(f"common.gen.mirai.v1.{self._area}_pb2")
        handler = getattr(importlib.import_module(f"functions.{self._area}.{snake}"), snake)
        # Case-insensitive: "create_sme" is CreateSMERequest, "list_smes" ListSmesRequest.
        wanted = (snake.replace("_", "") + "request").lower()
        (request_type,) = [getattr(messages, name) for name in dir(messages) if name.lower() == wanted]

        def invoke(**fields: Any) -> Any:
            return handler(request_type(**fields), self._call)

        return invoke


class CourseApi(ServiceApi):
    """CourseService handlers: ``api.create_course(title="x")``."""

    def __init__(self, container: Any, actor: Actor) -> None:
        super().__init__(container, actor, "course")


def every_course_rpc(api: CourseApi) -> None:
    """One pass over every CourseService RPC of this issue (exports excluded)."""
    folder = api.create_folder(name=f"F-{uuid.uuid4().hex[:6]}").folder
    other = api.create_folder(name=f"G-{uuid.uuid4().hex[:6]}").folder
    course = api.create_course(title="Resilient", folder_id=folder.id, tags=["r"]).course
    assert api.get_course(course_id=course.id).course.id == course.id
    assert api.get_course(course_id=course.id).course.id == course.id
    api.update_course(course_id=course.id, status=common_pb2.COURSE_STATUS_PUBLISHED)
    module = api.create_module(course_id=course.id, title="M").module
    second = api.create_module(course_id=course.id, title="N").module
    api.update_module(course_id=course.id, module_id=module.id, title="M1")
    api.reorder_modules(course_id=course.id, module_ids=[second.id, module.id])
    lesson = api.create_lesson(course_id=course.id, module_id=module.id, title="L").lesson
    extra = api.create_lesson(course_id=course.id, module_id=module.id, title="L2").lesson
    api.update_lesson(course_id=course.id, lesson_id=lesson.id, title="L1")
    api.reorder_lessons(course_id=course.id, module_id=module.id, lesson_ids=[extra.id, lesson.id])
    api.move_lesson(course_id=course.id, lesson_id=extra.id, target_module_id=second.id)
    assert api.get_lesson(course_id=course.id, lesson_id=lesson.id).lesson.title == "L1"
    api.delete_lesson(course_id=course.id, lesson_id=extra.id)
    api.delete_module(course_id=course.id, module_id=second.id)
    content = api.get_course_content(course_id=course.id).content
    api.save_course_content(course_id=course.id, content=content, if_match=content.etag)
    versions = api.list_course_versions(course_id=course.id).versions
    assert api.get_course_version(course_id=course.id, version=versions[-1].version).version.version == 1
    api.restore_course_version(course_id=course.id, version=2)
    assert course.id in [c.id for c in api.list_courses(folder_id=folder.id).courses]
    assert api.count_courses_by_folder().total_count >= 1
    assert [t.tag for t in api.list_course_tags(prefix="r").tags] == ["r"]
    copy = api.duplicate_course(course_id=course.id, folder_id=other.id).course
    api.delete_course(course_id=copy.id)
    api.restore_course(course_id=copy.id)
    api.get_folder(folder_id=folder.id)
    api.list_folders()
    api.update_folder(folder_id=other.id, name=f"H-{uuid.uuid4().hex[:6]}")
    api.move_folder(folder_id=other.id, new_parent_id=folder.id)
    result = api.delete_folder(folder_id=folder.id, move_contents_to_parent=True)
    assert (result.moved_course_count, result.moved_folder_count, result.deleted_folder_count) == (1, 1, 1)

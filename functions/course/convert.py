"""Proto <-> domain for this area. Handlers call these and nothing else touches
both worlds. Ids the client left empty are assigned here (common.proto)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from google.protobuf import json_format
from google.protobuf.timestamp_pb2 import Timestamp

from common.errors import InvalidArgument
from common.gen.mirai.v1 import common_pb2, course_pb2
from common.repos.course_content import CourseVersion
from common.repos.courses import Course
from common.repos.folders import Folder, FolderStats
from common.repos.users import User
from functions.course import validation
from functions.course.model import Content, Lesson, Module, content_etag, lesson_etag, module_etag

_STATUS_ENUM: dict[str, Any] = {name: number for number, name in validation.STATUS_NAMES.items()}
_CONTENT_STATUS = {
    "empty": course_pb2.LESSON_CONTENT_STATUS_EMPTY, "generating": course_pb2.LESSON_CONTENT_STATUS_GENERATING,
    "ready": course_pb2.LESSON_CONTENT_STATUS_READY, "failed": course_pb2.LESSON_CONTENT_STATUS_FAILED,
}
_SOURCE = {
    "create": course_pb2.VERSION_SOURCE_CREATE, "save": course_pb2.VERSION_SOURCE_SAVE,
    "structure_edit": course_pb2.VERSION_SOURCE_STRUCTURE_EDIT, "ai_generation": course_pb2.VERSION_SOURCE_AI_GENERATION,
    "restore": course_pb2.VERSION_SOURCE_RESTORE,
}
PURGE_AFTER = timedelta(days=30)


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


def timestamp(value: datetime | str | None) -> Timestamp | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    stamp = Timestamp()
    stamp.FromDatetime(moment.astimezone(UTC))
    return stamp


def _id(value: uuid.UUID | None) -> str:
    return str(value) if value else ""


def user_summary(user: User | None) -> common_pb2.UserSummary | None:
    if user is None:
        return None
    return common_pb2.UserSummary(id=str(user.id), email=user.email, first_name=user.first_name, last_name=user.last_name)


def course_to_proto(course: Course, users: Mapping[uuid.UUID, User]) -> course_pb2.Course:
    message = course_pb2.Course(
        id=str(course.id), title=course.title, description=course.description,
        status=_STATUS_ENUM.get(course.status, common_pb2.COURSE_STATUS_UNSPECIFIED), tags=course.tags,
        folder_id=_id(course.folder_id), team_id=_id(course.team_id), target_audience_id=_id(course.target_audience_id),
        language=course.language, outline_id=_id(course.outline_id), generation_job_id=_id(course.generation_job_id),
        content_version=course.content_version, module_count=course.module_count, lesson_count=course.lesson_count,
        estimated_duration_minutes=course.estimated_duration_minutes, etag=course.etag,
        created_at=timestamp(course.created_at), updated_at=timestamp(course.updated_at),
        published_at=timestamp(course.published_at), deleted_at=timestamp(course.deleted_at),
    )
    for field, user_id in (("created_by", course.created_by), ("updated_by", course.updated_by)):
        summary = user_summary(users.get(user_id)) if user_id else None
        if summary is not None:
            getattr(message, field).CopyFrom(summary)
    return message


def purge_at(course: Course) -> Timestamp | None:
    return timestamp(course.deleted_at + PURGE_AFTER) if course.deleted_at else None


def folder_to_proto(folder: Folder, stats: FolderStats | None, users: Mapping[uuid.UUID, User]) -> common_pb2.Folder:
    message = common_pb2.Folder(
        id=str(folder.id), name=folder.name, parent_id=_id(folder.parent_id), team_id=_id(folder.team_id),
        depth=folder.depth, course_count=stats.course_count if stats else 0,
        child_count=stats.child_count if stats else 0, created_at=timestamp(folder.created_at),
        updated_at=timestamp(folder.updated_at), etag=folder.etag,
    )
    summary = user_summary(users.get(folder.created_by)) if folder.created_by else None
    if summary is not None:
        message.created_by.CopyFrom(summary)
    return message


def version_to_proto(version: CourseVersion, users: Mapping[uuid.UUID, User]) -> course_pb2.CourseVersion:
    message = course_pb2.CourseVersion(
        course_id=str(version.course_id), version=version.version, source=_SOURCE[version.source],
        message=version.message, restored_from_version=version.restored_from_version or 0,
        module_count=version.module_count, lesson_count=version.lesson_count, size_bytes=version.size_bytes,
        created_at=timestamp(version.created_at),
    )
    summary = user_summary(users.get(version.created_by)) if version.created_by else None
    if summary is not None:
        message.created_by.CopyFrom(summary)
    return message


# Content: domain -> proto ------------------------------------------------------
def lesson_to_proto(lesson: Lesson, *, module_id: str, position: int, structure_only: bool = False) -> course_pb2.Lesson:
    message = course_pb2.Lesson(
        id=lesson.id, module_id=module_id, title=lesson.title, description=lesson.description, position=position,
        estimated_minutes=lesson.estimated_minutes, content_status=_CONTENT_STATUS[lesson.content_status],
        updated_at=timestamp(lesson.updated_at), etag=lesson_etag(lesson, module_id=module_id),
    )
    if not structure_only:
        for objective in lesson.objectives:
            json_format.ParseDict(objective, message.objectives.add())
        for index, component in enumerate(lesson.components):
            json_format.ParseDict(component, message.components.add()).position = index
    return message


def module_to_proto(module: Module, *, position: int, with_lessons: bool = True,
                    structure_only: bool = False) -> course_pb2.CourseModule:
    message = course_pb2.CourseModule(id=module.id, title=module.title, description=module.description,
                                      position=position, etag=module_etag(module))
    if with_lessons:
        message.lessons.extend(lesson_to_proto(lesson, module_id=module.id, position=i, structure_only=structure_only)
                               for i, lesson in enumerate(module.lessons))
    return message


def content_to_proto(content: Content, users: Mapping[uuid.UUID, User] | None = None, *,
                     structure_only: bool = False) -> course_pb2.CourseContent:
    message = course_pb2.CourseContent(
        course_id=content.course_id, version=content.version, updated_at=timestamp(content.updated_at),
        etag=content_etag(content),
        modules=[module_to_proto(m, position=i, structure_only=structure_only) for i, m in enumerate(content.modules)],
    )
    author = (users or {}).get(uuid.UUID(content.updated_by)) if content.updated_by else None
    summary = user_summary(author)
    if summary is not None:
        message.updated_by.CopyFrom(summary)
    return message


# Content: proto -> domain ------------------------------------------------------
def new_id() -> str:
    return str(uuid.uuid4())


def objectives_to_json(objectives: Sequence[common_pb2.LearningObjective], *, field: str) -> tuple[dict[str, Any], ...]:
    validation.objectives(objectives, field=field)
    result = []
    for objective in objectives:
        copy = common_pb2.LearningObjective()
        copy.CopyFrom(objective)
        copy.id = validation.body_id(copy.id, field=f"{field}.id")
        copy.text = copy.text.strip()
        result.append(json_format.MessageToDict(copy, preserving_proto_field_name=True))
    return tuple(result)


def components_to_json(components: Sequence[common_pb2.LessonComponent], *, previous: Sequence[dict[str, Any]],
                       field: str, now: str) -> tuple[dict[str, Any], ...]:
    """Components as stored. A component whose body changed is stamped now and is no
    longer ``ai_generated`` (the AI did not write what is there any more)."""
    validation.components(components, field=field)
    before = {c.get("id"): c for c in previous}
    result = []
    seen: set[str] = set()
    for index, component in enumerate(components):
        copy = common_pb2.LessonComponent()
        copy.CopyFrom(component)
        copy.position = 0
        copy.id = validation.body_id(copy.id, field=f"{field}[{index}].id")
        if copy.id in seen:
            raise InvalidArgument("appears twice in this lesson", field=f"{field}[{index}].id")
        seen.add(copy.id)
        old = before.get(copy.id)
        if old is not None and _same_body(old, copy):
            copy.ai_generated = bool(old.get("ai_generated", False))
            copy.ClearField("updated_at")
            if old.get("updated_at"):
                json_format.ParseDict({"updated_at": old["updated_at"]}, copy, ignore_unknown_fields=True)
        else:
            copy.ai_generated = False
            copy.updated_at.CopyFrom(timestamp(now))
        for option_index, option in enumerate(copy.quiz.options if copy.HasField("quiz") else []):
            option.id = validation.body_id(option.id, field=f"{field}[{index}].quiz.options[{option_index}].id")
        result.append(json_format.MessageToDict(copy, preserving_proto_field_name=True))
    return tuple(result)


def _same_body(old: dict[str, Any], new: common_pb2.LessonComponent) -> bool:
    keys = ("id", "updated_at", "ai_generated", "position")
    mine = {k: v for k, v in json_format.MessageToDict(new, preserving_proto_field_name=True).items() if k not in keys}
    return mine == {k: v for k, v in old.items() if k not in keys}


def content_from_proto(message: course_pb2.CourseContent, *, previous: Content, now: str) -> Content:
    """A whole body sent by SaveCourseContent. Non-empty module/lesson ids must be ones
    this course already has (they are row ids shared with other areas)."""
    known_modules = {m.id for m in previous.modules}
    old_lessons = {lesson.id: lesson for _, lesson in previous.lessons()}
    if len(message.modules) > validation.MAX_MODULES:
        raise InvalidArgument(f"at most {validation.MAX_MODULES} modules", field="content.modules")
    seen: set[str] = set()
    modules = []
    for m_index, pm in enumerate(message.modules):
        where = f"content.modules[{m_index}]"
        module_id = _known_or_new(pm.id, known_modules, seen, field=f"{where}.id", kind="module")
        if len(pm.lessons) > validation.MAX_LESSONS_PER_MODULE:
            raise InvalidArgument(f"at most {validation.MAX_LESSONS_PER_MODULE} lessons", field=f"{where}.lessons")
        lessons = []
        for l_index, pl in enumerate(pm.lessons):
            lw = f"{where}.lessons[{l_index}]"
            lesson_id = _known_or_new(pl.id, set(old_lessons), seen, field=f"{lw}.id", kind="lesson")
            old = old_lessons.get(lesson_id)
            components = components_to_json(pl.components, previous=old.components if old else (),
                                             field=f"{lw}.components", now=now)
            lesson = Lesson(
                id=lesson_id, title=validation.title(pl.title, field=f"{lw}.title"),
                description=validation.description(pl.description, field=f"{lw}.description"),
                estimated_minutes=validation.minutes(pl.estimated_minutes, field=f"{lw}.estimated_minutes"),
                objectives=objectives_to_json(pl.objectives, field=f"{lw}.objectives"), components=components,
                content_status=_status_after_edit(old, components), updated_at=old.updated_at if old else now,
            )
            if old is not None and lesson != old:
                lesson = _touched(lesson, now)
            lessons.append(lesson)
        modules.append(Module(id=module_id, title=validation.title(pm.title, field=f"{where}.title"),
                              description=validation.description(pm.description, field=f"{where}.description"),
                              lessons=tuple(lessons)))
    return Content(course_id=previous.course_id, version=previous.version, modules=tuple(modules),
                   updated_at=previous.updated_at, updated_by=previous.updated_by)


def _touched(lesson: Lesson, now: str) -> Lesson:
    return replace(lesson, updated_at=now)


def _status_after_edit(old: Lesson | None, components: tuple[dict[str, Any], ...]) -> str:
    if old is not None and old.components == components:
        return old.content_status
    return "ready" if components else "empty"


def _known_or_new(raw: str, known: set[str], seen: set[str], *, field: str, kind: str) -> str:
    if not raw:
        value = new_id()
    else:
        value = validation.body_id(raw, field=field)
        if value not in known:
            raise InvalidArgument(f"is not a {kind} of this course; leave it empty for a new {kind}", field=field)
    if value in seen:
        raise InvalidArgument("appears twice in the body", field=field)
    seen.add(value)
    return value

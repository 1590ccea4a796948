import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from common.gen.mirai.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CourseSortField(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COURSE_SORT_FIELD_UNSPECIFIED: _ClassVar[CourseSortField]
    COURSE_SORT_FIELD_UPDATED_AT: _ClassVar[CourseSortField]
    COURSE_SORT_FIELD_CREATED_AT: _ClassVar[CourseSortField]
    COURSE_SORT_FIELD_TITLE: _ClassVar[CourseSortField]

class LessonContentStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LESSON_CONTENT_STATUS_UNSPECIFIED: _ClassVar[LessonContentStatus]
    LESSON_CONTENT_STATUS_EMPTY: _ClassVar[LessonContentStatus]
    LESSON_CONTENT_STATUS_GENERATING: _ClassVar[LessonContentStatus]
    LESSON_CONTENT_STATUS_READY: _ClassVar[LessonContentStatus]
    LESSON_CONTENT_STATUS_FAILED: _ClassVar[LessonContentStatus]

class VersionSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    VERSION_SOURCE_UNSPECIFIED: _ClassVar[VersionSource]
    VERSION_SOURCE_CREATE: _ClassVar[VersionSource]
    VERSION_SOURCE_SAVE: _ClassVar[VersionSource]
    VERSION_SOURCE_STRUCTURE_EDIT: _ClassVar[VersionSource]
    VERSION_SOURCE_AI_GENERATION: _ClassVar[VersionSource]
    VERSION_SOURCE_RESTORE: _ClassVar[VersionSource]

class ExportCompletionRule(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXPORT_COMPLETION_RULE_UNSPECIFIED: _ClassVar[ExportCompletionRule]
    EXPORT_COMPLETION_RULE_ALL_LESSONS: _ClassVar[ExportCompletionRule]
    EXPORT_COMPLETION_RULE_PASSED: _ClassVar[ExportCompletionRule]
COURSE_SORT_FIELD_UNSPECIFIED: CourseSortField
COURSE_SORT_FIELD_UPDATED_AT: CourseSortField
COURSE_SORT_FIELD_CREATED_AT: CourseSortField
COURSE_SORT_FIELD_TITLE: CourseSortField
LESSON_CONTENT_STATUS_UNSPECIFIED: LessonContentStatus
LESSON_CONTENT_STATUS_EMPTY: LessonContentStatus
LESSON_CONTENT_STATUS_GENERATING: LessonContentStatus
LESSON_CONTENT_STATUS_READY: LessonContentStatus
LESSON_CONTENT_STATUS_FAILED: LessonContentStatus
VERSION_SOURCE_UNSPECIFIED: VersionSource
VERSION_SOURCE_CREATE: VersionSource
VERSION_SOURCE_SAVE: VersionSource
VERSION_SOURCE_STRUCTURE_EDIT: VersionSource
VERSION_SOURCE_AI_GENERATION: VersionSource
VERSION_SOURCE_RESTORE: VersionSource
EXPORT_COMPLETION_RULE_UNSPECIFIED: ExportCompletionRule
EXPORT_COMPLETION_RULE_ALL_LESSONS: ExportCompletionRule
EXPORT_COMPLETION_RULE_PASSED: ExportCompletionRule

class Course(_message.Message):
    __slots__ = ("id", "title", "description", "status", "tags", "folder_id", "team_id", "target_audience_id", "language", "outline_id", "generation_job_id", "content_version", "module_count", "lesson_count", "estimated_duration_minutes", "created_by", "updated_by", "created_at", "updated_at", "published_at", "deleted_at", "etag")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    TEAM_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_AUDIENCE_ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    OUTLINE_ID_FIELD_NUMBER: _ClassVar[int]
    GENERATION_JOB_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    MODULE_COUNT_FIELD_NUMBER: _ClassVar[int]
    LESSON_COUNT_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_DURATION_MINUTES_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    UPDATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    DELETED_AT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    description: str
    status: _common_pb2.CourseStatus
    tags: _containers.RepeatedScalarFieldContainer[str]
    folder_id: str
    team_id: str
    target_audience_id: str
    language: str
    outline_id: str
    generation_job_id: str
    content_version: int
    module_count: int
    lesson_count: int
    estimated_duration_minutes: int
    created_by: _common_pb2.UserSummary
    updated_by: _common_pb2.UserSummary
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    published_at: _timestamp_pb2.Timestamp
    deleted_at: _timestamp_pb2.Timestamp
    etag: str
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., status: _Optional[_Union[_common_pb2.CourseStatus, str]] = ..., tags: _Optional[_Iterable[str]] = ..., folder_id: _Optional[str] = ..., team_id: _Optional[str] = ..., target_audience_id: _Optional[str] = ..., language: _Optional[str] = ..., outline_id: _Optional[str] = ..., generation_job_id: _Optional[str] = ..., content_version: _Optional[int] = ..., module_count: _Optional[int] = ..., lesson_count: _Optional[int] = ..., estimated_duration_minutes: _Optional[int] = ..., created_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., updated_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., deleted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class Lesson(_message.Message):
    __slots__ = ("id", "module_id", "title", "description", "position", "estimated_minutes", "objectives", "components", "content_status", "updated_at", "etag")
    ID_FIELD_NUMBER: _ClassVar[int]
    MODULE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    OBJECTIVES_FIELD_NUMBER: _ClassVar[int]
    COMPONENTS_FIELD_NUMBER: _ClassVar[int]
    CONTENT_STATUS_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    id: str
    module_id: str
    title: str
    description: str
    position: int
    estimated_minutes: int
    objectives: _containers.RepeatedCompositeFieldContainer[_common_pb2.LearningObjective]
    components: _containers.RepeatedCompositeFieldContainer[_common_pb2.LessonComponent]
    content_status: LessonContentStatus
    updated_at: _timestamp_pb2.Timestamp
    etag: str
    def __init__(self, id: _Optional[str] = ..., module_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., position: _Optional[int] = ..., estimated_minutes: _Optional[int] = ..., objectives: _Optional[_Iterable[_Union[_common_pb2.LearningObjective, _Mapping]]] = ..., components: _Optional[_Iterable[_Union[_common_pb2.LessonComponent, _Mapping]]] = ..., content_status: _Optional[_Union[LessonContentStatus, str]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CourseModule(_message.Message):
    __slots__ = ("id", "title", "description", "position", "lessons", "etag")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    description: str
    position: int
    lessons: _containers.RepeatedCompositeFieldContainer[Lesson]
    etag: str
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., position: _Optional[int] = ..., lessons: _Optional[_Iterable[_Union[Lesson, _Mapping]]] = ..., etag: _Optional[str] = ...) -> None: ...

class CourseContent(_message.Message):
    __slots__ = ("course_id", "version", "modules", "updated_at", "updated_by", "etag")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    MODULES_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_BY_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    version: int
    modules: _containers.RepeatedCompositeFieldContainer[CourseModule]
    updated_at: _timestamp_pb2.Timestamp
    updated_by: _common_pb2.UserSummary
    etag: str
    def __init__(self, course_id: _Optional[str] = ..., version: _Optional[int] = ..., modules: _Optional[_Iterable[_Union[CourseModule, _Mapping]]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CourseVersion(_message.Message):
    __slots__ = ("course_id", "version", "source", "message", "restored_from_version", "module_count", "lesson_count", "size_bytes", "created_by", "created_at")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    RESTORED_FROM_VERSION_FIELD_NUMBER: _ClassVar[int]
    MODULE_COUNT_FIELD_NUMBER: _ClassVar[int]
    LESSON_COUNT_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    version: int
    source: VersionSource
    message: str
    restored_from_version: int
    module_count: int
    lesson_count: int
    size_bytes: int
    created_by: _common_pb2.UserSummary
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, course_id: _Optional[str] = ..., version: _Optional[int] = ..., source: _Optional[_Union[VersionSource, str]] = ..., message: _Optional[str] = ..., restored_from_version: _Optional[int] = ..., module_count: _Optional[int] = ..., lesson_count: _Optional[int] = ..., size_bytes: _Optional[int] = ..., created_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class FolderCourseCount(_message.Message):
    __slots__ = ("folder_id", "course_count", "total_course_count")
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    COURSE_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COURSE_COUNT_FIELD_NUMBER: _ClassVar[int]
    folder_id: str
    course_count: int
    total_course_count: int
    def __init__(self, folder_id: _Optional[str] = ..., course_count: _Optional[int] = ..., total_course_count: _Optional[int] = ...) -> None: ...

class TagCount(_message.Message):
    __slots__ = ("tag", "course_count")
    TAG_FIELD_NUMBER: _ClassVar[int]
    COURSE_COUNT_FIELD_NUMBER: _ClassVar[int]
    tag: str
    course_count: int
    def __init__(self, tag: _Optional[str] = ..., course_count: _Optional[int] = ...) -> None: ...

class ExportOptions(_message.Message):
    __slots__ = ("passing_score_percent", "activity_id", "include_answer_key", "exclude_quizzes", "completion_rule", "sequential_navigation", "language", "no_pass_mark")
    PASSING_SCORE_PERCENT_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_ANSWER_KEY_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_QUIZZES_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_RULE_FIELD_NUMBER: _ClassVar[int]
    SEQUENTIAL_NAVIGATION_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    NO_PASS_MARK_FIELD_NUMBER: _ClassVar[int]
    passing_score_percent: int
    activity_id: str
    include_answer_key: bool
    exclude_quizzes: bool
    completion_rule: ExportCompletionRule
    sequential_navigation: bool
    language: str
    no_pass_mark: bool
    def __init__(self, passing_score_percent: _Optional[int] = ..., activity_id: _Optional[str] = ..., include_answer_key: _Optional[bool] = ..., exclude_quizzes: _Optional[bool] = ..., completion_rule: _Optional[_Union[ExportCompletionRule, str]] = ..., sequential_navigation: _Optional[bool] = ..., language: _Optional[str] = ..., no_pass_mark: _Optional[bool] = ...) -> None: ...

class Export(_message.Message):
    __slots__ = ("id", "course_id", "format", "status", "course_version", "course_title", "options", "file_name", "size_bytes", "error_message", "requested_by", "created_at", "started_at", "completed_at", "file_expires_at", "checksum_sha256", "validation_findings")
    ID_FIELD_NUMBER: _ClassVar[int]
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COURSE_VERSION_FIELD_NUMBER: _ClassVar[int]
    COURSE_TITLE_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    FILE_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    CHECKSUM_SHA256_FIELD_NUMBER: _ClassVar[int]
    VALIDATION_FINDINGS_FIELD_NUMBER: _ClassVar[int]
    id: str
    course_id: str
    format: _common_pb2.ExportFormat
    status: _common_pb2.JobStatus
    course_version: int
    course_title: str
    options: ExportOptions
    file_name: str
    size_bytes: int
    error_message: str
    requested_by: _common_pb2.UserSummary
    created_at: _timestamp_pb2.Timestamp
    started_at: _timestamp_pb2.Timestamp
    completed_at: _timestamp_pb2.Timestamp
    file_expires_at: _timestamp_pb2.Timestamp
    checksum_sha256: str
    validation_findings: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., course_id: _Optional[str] = ..., format: _Optional[_Union[_common_pb2.ExportFormat, str]] = ..., status: _Optional[_Union[_common_pb2.JobStatus, str]] = ..., course_version: _Optional[int] = ..., course_title: _Optional[str] = ..., options: _Optional[_Union[ExportOptions, _Mapping]] = ..., file_name: _Optional[str] = ..., size_bytes: _Optional[int] = ..., error_message: _Optional[str] = ..., requested_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., file_expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., checksum_sha256: _Optional[str] = ..., validation_findings: _Optional[_Iterable[str]] = ...) -> None: ...

class LessonComponentList(_message.Message):
    __slots__ = ("components",)
    COMPONENTS_FIELD_NUMBER: _ClassVar[int]
    components: _containers.RepeatedCompositeFieldContainer[_common_pb2.LessonComponent]
    def __init__(self, components: _Optional[_Iterable[_Union[_common_pb2.LessonComponent, _Mapping]]] = ...) -> None: ...

class LearningObjectiveList(_message.Message):
    __slots__ = ("objectives",)
    OBJECTIVES_FIELD_NUMBER: _ClassVar[int]
    objectives: _containers.RepeatedCompositeFieldContainer[_common_pb2.LearningObjective]
    def __init__(self, objectives: _Optional[_Iterable[_Union[_common_pb2.LearningObjective, _Mapping]]] = ...) -> None: ...

class CreateCourseRequest(_message.Message):
    __slots__ = ("title", "description", "folder_id", "target_audience_id", "tags", "language")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_AUDIENCE_ID_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    title: str
    description: str
    folder_id: str
    target_audience_id: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    language: str
    def __init__(self, title: _Optional[str] = ..., description: _Optional[str] = ..., folder_id: _Optional[str] = ..., target_audience_id: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., language: _Optional[str] = ...) -> None: ...

class CreateCourseResponse(_message.Message):
    __slots__ = ("course",)
    COURSE_FIELD_NUMBER: _ClassVar[int]
    course: Course
    def __init__(self, course: _Optional[_Union[Course, _Mapping]] = ...) -> None: ...

class GetCourseRequest(_message.Message):
    __slots__ = ("course_id",)
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    def __init__(self, course_id: _Optional[str] = ...) -> None: ...

class GetCourseResponse(_message.Message):
    __slots__ = ("course",)
    COURSE_FIELD_NUMBER: _ClassVar[int]
    course: Course
    def __init__(self, course: _Optional[_Union[Course, _Mapping]] = ...) -> None: ...

class UpdateCourseRequest(_message.Message):
    __slots__ = ("course_id", "title", "description", "status", "tags", "folder_id", "target_audience_id", "language", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_AUDIENCE_ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    title: str
    description: str
    status: _common_pb2.CourseStatus
    tags: _common_pb2.StringList
    folder_id: str
    target_audience_id: str
    language: str
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., status: _Optional[_Union[_common_pb2.CourseStatus, str]] = ..., tags: _Optional[_Union[_common_pb2.StringList, _Mapping]] = ..., folder_id: _Optional[str] = ..., target_audience_id: _Optional[str] = ..., language: _Optional[str] = ..., if_match: _Optional[str] = ...) -> None: ...

class UpdateCourseResponse(_message.Message):
    __slots__ = ("course",)
    COURSE_FIELD_NUMBER: _ClassVar[int]
    course: Course
    def __init__(self, course: _Optional[_Union[Course, _Mapping]] = ...) -> None: ...

class DeleteCourseRequest(_message.Message):
    __slots__ = ("course_id", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., if_match: _Optional[str] = ...) -> None: ...

class DeleteCourseResponse(_message.Message):
    __slots__ = ("course", "purge_at")
    COURSE_FIELD_NUMBER: _ClassVar[int]
    PURGE_AT_FIELD_NUMBER: _ClassVar[int]
    course: Course
    purge_at: _timestamp_pb2.Timestamp
    def __init__(self, course: _Optional[_Union[Course, _Mapping]] = ..., purge_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RestoreCourseRequest(_message.Message):
    __slots__ = ("course_id",)
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    def __init__(self, course_id: _Optional[str] = ...) -> None: ...

class RestoreCourseResponse(_message.Message):
    __slots__ = ("course",)
    COURSE_FIELD_NUMBER: _ClassVar[int]
    course: Course
    def __init__(self, course: _Optional[_Union[Course, _Mapping]] = ...) -> None: ...

class DuplicateCourseRequest(_message.Message):
    __slots__ = ("course_id", "title", "folder_id")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    title: str
    folder_id: str
    def __init__(self, course_id: _Optional[str] = ..., title: _Optional[str] = ..., folder_id: _Optional[str] = ...) -> None: ...

class DuplicateCourseResponse(_message.Message):
    __slots__ = ("course",)
    COURSE_FIELD_NUMBER: _ClassVar[int]
    course: Course
    def __init__(self, course: _Optional[_Union[Course, _Mapping]] = ...) -> None: ...

class ListCoursesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "folder_id", "include_subfolders", "team_id", "statuses", "tag", "query", "include_deleted", "only_deleted", "target_audience_id", "created_by_me", "sort_field", "sort_direction")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_SUBFOLDERS_FIELD_NUMBER: _ClassVar[int]
    TEAM_ID_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    TAG_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_DELETED_FIELD_NUMBER: _ClassVar[int]
    ONLY_DELETED_FIELD_NUMBER: _ClassVar[int]
    TARGET_AUDIENCE_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_ME_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_FIELD_NUMBER: _ClassVar[int]
    SORT_DIRECTION_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    folder_id: str
    include_subfolders: bool
    team_id: str
    statuses: _containers.RepeatedScalarFieldContainer[_common_pb2.CourseStatus]
    tag: str
    query: str
    include_deleted: bool
    only_deleted: bool
    target_audience_id: str
    created_by_me: bool
    sort_field: CourseSortField
    sort_direction: _common_pb2.SortDirection
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., folder_id: _Optional[str] = ..., include_subfolders: _Optional[bool] = ..., team_id: _Optional[str] = ..., statuses: _Optional[_Iterable[_Union[_common_pb2.CourseStatus, str]]] = ..., tag: _Optional[str] = ..., query: _Optional[str] = ..., include_deleted: _Optional[bool] = ..., only_deleted: _Optional[bool] = ..., target_audience_id: _Optional[str] = ..., created_by_me: _Optional[bool] = ..., sort_field: _Optional[_Union[CourseSortField, str]] = ..., sort_direction: _Optional[_Union[_common_pb2.SortDirection, str]] = ...) -> None: ...

class ListCoursesResponse(_message.Message):
    __slots__ = ("courses", "next_page_token", "total_count")
    COURSES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    courses: _containers.RepeatedCompositeFieldContainer[Course]
    next_page_token: str
    total_count: int
    def __init__(self, courses: _Optional[_Iterable[_Union[Course, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_count: _Optional[int] = ...) -> None: ...

class CountCoursesByFolderRequest(_message.Message):
    __slots__ = ("team_id", "statuses")
    TEAM_ID_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    team_id: str
    statuses: _containers.RepeatedScalarFieldContainer[_common_pb2.CourseStatus]
    def __init__(self, team_id: _Optional[str] = ..., statuses: _Optional[_Iterable[_Union[_common_pb2.CourseStatus, str]]] = ...) -> None: ...

class CountCoursesByFolderResponse(_message.Message):
    __slots__ = ("counts", "unfiled_count", "total_count", "deleted_count")
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    UNFILED_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    DELETED_COUNT_FIELD_NUMBER: _ClassVar[int]
    counts: _containers.RepeatedCompositeFieldContainer[FolderCourseCount]
    unfiled_count: int
    total_count: int
    deleted_count: int
    def __init__(self, counts: _Optional[_Iterable[_Union[FolderCourseCount, _Mapping]]] = ..., unfiled_count: _Optional[int] = ..., total_count: _Optional[int] = ..., deleted_count: _Optional[int] = ...) -> None: ...

class ListCourseTagsRequest(_message.Message):
    __slots__ = ("prefix", "limit")
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    prefix: str
    limit: int
    def __init__(self, prefix: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ListCourseTagsResponse(_message.Message):
    __slots__ = ("tags",)
    TAGS_FIELD_NUMBER: _ClassVar[int]
    tags: _containers.RepeatedCompositeFieldContainer[TagCount]
    def __init__(self, tags: _Optional[_Iterable[_Union[TagCount, _Mapping]]] = ...) -> None: ...

class GetCourseContentRequest(_message.Message):
    __slots__ = ("course_id", "structure_only")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    STRUCTURE_ONLY_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    structure_only: bool
    def __init__(self, course_id: _Optional[str] = ..., structure_only: _Optional[bool] = ...) -> None: ...

class GetCourseContentResponse(_message.Message):
    __slots__ = ("content",)
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    content: CourseContent
    def __init__(self, content: _Optional[_Union[CourseContent, _Mapping]] = ...) -> None: ...

class SaveCourseContentRequest(_message.Message):
    __slots__ = ("course_id", "content", "if_match", "version_message")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    VERSION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    content: CourseContent
    if_match: str
    version_message: str
    def __init__(self, course_id: _Optional[str] = ..., content: _Optional[_Union[CourseContent, _Mapping]] = ..., if_match: _Optional[str] = ..., version_message: _Optional[str] = ...) -> None: ...

class SaveCourseContentResponse(_message.Message):
    __slots__ = ("content", "version", "course")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    COURSE_FIELD_NUMBER: _ClassVar[int]
    content: CourseContent
    version: CourseVersion
    course: Course
    def __init__(self, content: _Optional[_Union[CourseContent, _Mapping]] = ..., version: _Optional[_Union[CourseVersion, _Mapping]] = ..., course: _Optional[_Union[Course, _Mapping]] = ...) -> None: ...

class GetLessonRequest(_message.Message):
    __slots__ = ("course_id", "lesson_id")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    lesson_id: str
    def __init__(self, course_id: _Optional[str] = ..., lesson_id: _Optional[str] = ...) -> None: ...

class GetLessonResponse(_message.Message):
    __slots__ = ("lesson", "content_etag")
    LESSON_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ETAG_FIELD_NUMBER: _ClassVar[int]
    lesson: Lesson
    content_etag: str
    def __init__(self, lesson: _Optional[_Union[Lesson, _Mapping]] = ..., content_etag: _Optional[str] = ...) -> None: ...

class CreateFolderRequest(_message.Message):
    __slots__ = ("name", "parent_id", "team_id")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    TEAM_ID_FIELD_NUMBER: _ClassVar[int]
    name: str
    parent_id: str
    team_id: str
    def __init__(self, name: _Optional[str] = ..., parent_id: _Optional[str] = ..., team_id: _Optional[str] = ...) -> None: ...

class CreateFolderResponse(_message.Message):
    __slots__ = ("folder",)
    FOLDER_FIELD_NUMBER: _ClassVar[int]
    folder: _common_pb2.Folder
    def __init__(self, folder: _Optional[_Union[_common_pb2.Folder, _Mapping]] = ...) -> None: ...

class GetFolderRequest(_message.Message):
    __slots__ = ("folder_id",)
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    folder_id: str
    def __init__(self, folder_id: _Optional[str] = ...) -> None: ...

class GetFolderResponse(_message.Message):
    __slots__ = ("folder", "ancestors")
    FOLDER_FIELD_NUMBER: _ClassVar[int]
    ANCESTORS_FIELD_NUMBER: _ClassVar[int]
    folder: _common_pb2.Folder
    ancestors: _containers.RepeatedCompositeFieldContainer[_common_pb2.Folder]
    def __init__(self, folder: _Optional[_Union[_common_pb2.Folder, _Mapping]] = ..., ancestors: _Optional[_Iterable[_Union[_common_pb2.Folder, _Mapping]]] = ...) -> None: ...

class ListFoldersRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "parent_id", "recursive", "team_id")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    RECURSIVE_FIELD_NUMBER: _ClassVar[int]
    TEAM_ID_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    parent_id: str
    recursive: bool
    team_id: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., parent_id: _Optional[str] = ..., recursive: _Optional[bool] = ..., team_id: _Optional[str] = ...) -> None: ...

class ListFoldersResponse(_message.Message):
    __slots__ = ("folders", "next_page_token")
    FOLDERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    folders: _containers.RepeatedCompositeFieldContainer[_common_pb2.Folder]
    next_page_token: str
    def __init__(self, folders: _Optional[_Iterable[_Union[_common_pb2.Folder, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateFolderRequest(_message.Message):
    __slots__ = ("folder_id", "name", "if_match")
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    folder_id: str
    name: str
    if_match: str
    def __init__(self, folder_id: _Optional[str] = ..., name: _Optional[str] = ..., if_match: _Optional[str] = ...) -> None: ...

class UpdateFolderResponse(_message.Message):
    __slots__ = ("folder",)
    FOLDER_FIELD_NUMBER: _ClassVar[int]
    folder: _common_pb2.Folder
    def __init__(self, folder: _Optional[_Union[_common_pb2.Folder, _Mapping]] = ...) -> None: ...

class MoveFolderRequest(_message.Message):
    __slots__ = ("folder_id", "new_parent_id", "team_id", "if_match")
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    NEW_PARENT_ID_FIELD_NUMBER: _ClassVar[int]
    TEAM_ID_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    folder_id: str
    new_parent_id: str
    team_id: str
    if_match: str
    def __init__(self, folder_id: _Optional[str] = ..., new_parent_id: _Optional[str] = ..., team_id: _Optional[str] = ..., if_match: _Optional[str] = ...) -> None: ...

class MoveFolderResponse(_message.Message):
    __slots__ = ("folder",)
    FOLDER_FIELD_NUMBER: _ClassVar[int]
    folder: _common_pb2.Folder
    def __init__(self, folder: _Optional[_Union[_common_pb2.Folder, _Mapping]] = ...) -> None: ...

class DeleteFolderRequest(_message.Message):
    __slots__ = ("folder_id", "if_match", "move_contents_to_parent", "target_folder_id", "delete_contents")
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    MOVE_CONTENTS_TO_PARENT_FIELD_NUMBER: _ClassVar[int]
    TARGET_FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    DELETE_CONTENTS_FIELD_NUMBER: _ClassVar[int]
    folder_id: str
    if_match: str
    move_contents_to_parent: bool
    target_folder_id: str
    delete_contents: bool
    def __init__(self, folder_id: _Optional[str] = ..., if_match: _Optional[str] = ..., move_contents_to_parent: _Optional[bool] = ..., target_folder_id: _Optional[str] = ..., delete_contents: _Optional[bool] = ...) -> None: ...

class DeleteFolderResponse(_message.Message):
    __slots__ = ("moved_course_count", "moved_folder_count", "deleted_course_count", "deleted_folder_count")
    MOVED_COURSE_COUNT_FIELD_NUMBER: _ClassVar[int]
    MOVED_FOLDER_COUNT_FIELD_NUMBER: _ClassVar[int]
    DELETED_COURSE_COUNT_FIELD_NUMBER: _ClassVar[int]
    DELETED_FOLDER_COUNT_FIELD_NUMBER: _ClassVar[int]
    moved_course_count: int
    moved_folder_count: int
    deleted_course_count: int
    deleted_folder_count: int
    def __init__(self, moved_course_count: _Optional[int] = ..., moved_folder_count: _Optional[int] = ..., deleted_course_count: _Optional[int] = ..., deleted_folder_count: _Optional[int] = ...) -> None: ...

class CreateModuleRequest(_message.Message):
    __slots__ = ("course_id", "title", "description", "position", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    title: str
    description: str
    position: int
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., position: _Optional[int] = ..., if_match: _Optional[str] = ...) -> None: ...

class CreateModuleResponse(_message.Message):
    __slots__ = ("module", "content_etag", "content_version")
    MODULE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ETAG_FIELD_NUMBER: _ClassVar[int]
    CONTENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    module: CourseModule
    content_etag: str
    content_version: int
    def __init__(self, module: _Optional[_Union[CourseModule, _Mapping]] = ..., content_etag: _Optional[str] = ..., content_version: _Optional[int] = ...) -> None: ...

class UpdateModuleRequest(_message.Message):
    __slots__ = ("course_id", "module_id", "title", "description", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    MODULE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    module_id: str
    title: str
    description: str
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., module_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., if_match: _Optional[str] = ...) -> None: ...

class UpdateModuleResponse(_message.Message):
    __slots__ = ("module", "content_etag", "content_version")
    MODULE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ETAG_FIELD_NUMBER: _ClassVar[int]
    CONTENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    module: CourseModule
    content_etag: str
    content_version: int
    def __init__(self, module: _Optional[_Union[CourseModule, _Mapping]] = ..., content_etag: _Optional[str] = ..., content_version: _Optional[int] = ...) -> None: ...

class DeleteModuleRequest(_message.Message):
    __slots__ = ("course_id", "module_id", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    MODULE_ID_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    module_id: str
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., module_id: _Optional[str] = ..., if_match: _Optional[str] = ...) -> None: ...

class DeleteModuleResponse(_message.Message):
    __slots__ = ("deleted_lesson_count", "content_etag", "content_version")
    DELETED_LESSON_COUNT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ETAG_FIELD_NUMBER: _ClassVar[int]
    CONTENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    deleted_lesson_count: int
    content_etag: str
    content_version: int
    def __init__(self, deleted_lesson_count: _Optional[int] = ..., content_etag: _Optional[str] = ..., content_version: _Optional[int] = ...) -> None: ...

class ReorderModulesRequest(_message.Message):
    __slots__ = ("course_id", "module_ids", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    MODULE_IDS_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    module_ids: _containers.RepeatedScalarFieldContainer[str]
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., module_ids: _Optional[_Iterable[str]] = ..., if_match: _Optional[str] = ...) -> None: ...

class ReorderModulesResponse(_message.Message):
    __slots__ = ("modules", "content_etag", "content_version")
    MODULES_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ETAG_FIELD_NUMBER: _ClassVar[int]
    CONTENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    modules: _containers.RepeatedCompositeFieldContainer[CourseModule]
    content_etag: str
    content_version: int
    def __init__(self, modules: _Optional[_Iterable[_Union[CourseModule, _Mapping]]] = ..., content_etag: _Optional[str] = ..., content_version: _Optional[int] = ...) -> None: ...

class CreateLessonRequest(_message.Message):
    __slots__ = ("course_id", "module_id", "title", "description", "estimated_minutes", "position", "objectives", "components", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    MODULE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    OBJECTIVES_FIELD_NUMBER: _ClassVar[int]
    COMPONENTS_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    module_id: str
    title: str
    description: str
    estimated_minutes: int
    position: int
    objectives: _containers.RepeatedCompositeFieldContainer[_common_pb2.LearningObjective]
    components: _containers.RepeatedCompositeFieldContainer[_common_pb2.LessonComponent]
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., module_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., estimated_minutes: _Optional[int] = ..., position: _Optional[int] = ..., objectives: _Optional[_Iterable[_Union[_common_pb2.LearningObjective, _Mapping]]] = ..., components: _Optional[_Iterable[_Union[_common_pb2.LessonComponent, _Mapping]]] = ..., if_match: _Optional[str] = ...) -> None: ...

class CreateLessonResponse(_message.Message):
    __slots__ = ("lesson", "content_etag", "content_version")
    LESSON_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ETAG_FIELD_NUMBER: _ClassVar[int]
    CONTENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    lesson: Lesson
    content_etag: str
    content_version: int
    def __init__(self, lesson: _Optional[_Union[Lesson, _Mapping]] = ..., content_etag: _Optional[str] = ..., content_version: _Optional[int] = ...) -> None: ...

class UpdateLessonRequest(_message.Message):
    __slots__ = ("course_id", "lesson_id", "title", "description", "estimated_minutes", "objectives", "components", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    OBJECTIVES_FIELD_NUMBER: _ClassVar[int]
    COMPONENTS_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    lesson_id: str
    title: str
    description: str
    estimated_minutes: int
    objectives: LearningObjectiveList
    components: LessonComponentList
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., estimated_minutes: _Optional[int] = ..., objectives: _Optional[_Union[LearningObjectiveList, _Mapping]] = ..., components: _Optional[_Union[LessonComponentList, _Mapping]] = ..., if_match: _Optional[str] = ...) -> None: ...

class UpdateLessonResponse(_message.Message):
    __slots__ = ("lesson", "content_etag", "content_version")
    LESSON_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ETAG_FIELD_NUMBER: _ClassVar[int]
    CONTENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    lesson: Lesson
    content_etag: str
    content_version: int
    def __init__(self, lesson: _Optional[_Union[Lesson, _Mapping]] = ..., content_etag: _Optional[str] = ..., content_version: _Optional[int] = ...) -> None: ...

class DeleteLessonRequest(_message.Message):
    __slots__ = ("course_id", "lesson_id", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    lesson_id: str
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., if_match: _Optional[str] = ...) -> None: ...

class DeleteLessonResponse(_message.Message):
    __slots__ = ("content_etag", "content_version")
    CONTENT_ETAG_FIELD_NUMBER: _ClassVar[int]
    CONTENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    content_etag: str
    content_version: int
    def __init__(self, content_etag: _Optional[str] = ..., content_version: _Optional[int] = ...) -> None: ...

class ReorderLessonsRequest(_message.Message):
    __slots__ = ("course_id", "module_id", "lesson_ids", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    MODULE_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_IDS_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    module_id: str
    lesson_ids: _containers.RepeatedScalarFieldContainer[str]
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., module_id: _Optional[str] = ..., lesson_ids: _Optional[_Iterable[str]] = ..., if_match: _Optional[str] = ...) -> None: ...

class ReorderLessonsResponse(_message.Message):
    __slots__ = ("module", "content_etag", "content_version")
    MODULE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ETAG_FIELD_NUMBER: _ClassVar[int]
    CONTENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    module: CourseModule
    content_etag: str
    content_version: int
    def __init__(self, module: _Optional[_Union[CourseModule, _Mapping]] = ..., content_etag: _Optional[str] = ..., content_version: _Optional[int] = ...) -> None: ...

class MoveLessonRequest(_message.Message):
    __slots__ = ("course_id", "lesson_id", "target_module_id", "position", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    TARGET_MODULE_ID_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    lesson_id: str
    target_module_id: str
    position: int
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., target_module_id: _Optional[str] = ..., position: _Optional[int] = ..., if_match: _Optional[str] = ...) -> None: ...

class MoveLessonResponse(_message.Message):
    __slots__ = ("lesson", "content_etag", "content_version")
    LESSON_FIELD_NUMBER: _ClassVar[int]
    CONTENT_ETAG_FIELD_NUMBER: _ClassVar[int]
    CONTENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    lesson: Lesson
    content_etag: str
    content_version: int
    def __init__(self, lesson: _Optional[_Union[Lesson, _Mapping]] = ..., content_etag: _Optional[str] = ..., content_version: _Optional[int] = ...) -> None: ...

class ListCourseVersionsRequest(_message.Message):
    __slots__ = ("course_id", "page_size", "page_token")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    page_size: int
    page_token: str
    def __init__(self, course_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListCourseVersionsResponse(_message.Message):
    __slots__ = ("versions", "next_page_token")
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    versions: _containers.RepeatedCompositeFieldContainer[CourseVersion]
    next_page_token: str
    def __init__(self, versions: _Optional[_Iterable[_Union[CourseVersion, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetCourseVersionRequest(_message.Message):
    __slots__ = ("course_id", "version")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    version: int
    def __init__(self, course_id: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class GetCourseVersionResponse(_message.Message):
    __slots__ = ("version", "content")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    version: CourseVersion
    content: CourseContent
    def __init__(self, version: _Optional[_Union[CourseVersion, _Mapping]] = ..., content: _Optional[_Union[CourseContent, _Mapping]] = ...) -> None: ...

class RestoreCourseVersionRequest(_message.Message):
    __slots__ = ("course_id", "version", "if_match", "version_message")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    VERSION_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    version: int
    if_match: str
    version_message: str
    def __init__(self, course_id: _Optional[str] = ..., version: _Optional[int] = ..., if_match: _Optional[str] = ..., version_message: _Optional[str] = ...) -> None: ...

class RestoreCourseVersionResponse(_message.Message):
    __slots__ = ("content", "version")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    content: CourseContent
    version: CourseVersion
    def __init__(self, content: _Optional[_Union[CourseContent, _Mapping]] = ..., version: _Optional[_Union[CourseVersion, _Mapping]] = ...) -> None: ...

class ExportCourseRequest(_message.Message):
    __slots__ = ("course_id", "format", "options", "version")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    format: _common_pb2.ExportFormat
    options: ExportOptions
    version: int
    def __init__(self, course_id: _Optional[str] = ..., format: _Optional[_Union[_common_pb2.ExportFormat, str]] = ..., options: _Optional[_Union[ExportOptions, _Mapping]] = ..., version: _Optional[int] = ...) -> None: ...

class ExportCourseResponse(_message.Message):
    __slots__ = ("export",)
    EXPORT_FIELD_NUMBER: _ClassVar[int]
    export: Export
    def __init__(self, export: _Optional[_Union[Export, _Mapping]] = ...) -> None: ...

class GetExportRequest(_message.Message):
    __slots__ = ("export_id",)
    EXPORT_ID_FIELD_NUMBER: _ClassVar[int]
    export_id: str
    def __init__(self, export_id: _Optional[str] = ...) -> None: ...

class GetExportResponse(_message.Message):
    __slots__ = ("export",)
    EXPORT_FIELD_NUMBER: _ClassVar[int]
    export: Export
    def __init__(self, export: _Optional[_Union[Export, _Mapping]] = ...) -> None: ...

class ListExportsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "course_id", "format", "status")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    course_id: str
    format: _common_pb2.ExportFormat
    status: _common_pb2.JobStatus
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., course_id: _Optional[str] = ..., format: _Optional[_Union[_common_pb2.ExportFormat, str]] = ..., status: _Optional[_Union[_common_pb2.JobStatus, str]] = ...) -> None: ...

class ListExportsResponse(_message.Message):
    __slots__ = ("exports", "next_page_token")
    EXPORTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    exports: _containers.RepeatedCompositeFieldContainer[Export]
    next_page_token: str
    def __init__(self, exports: _Optional[_Iterable[_Union[Export, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetExportDownloadUrlRequest(_message.Message):
    __slots__ = ("export_id",)
    EXPORT_ID_FIELD_NUMBER: _ClassVar[int]
    export_id: str
    def __init__(self, export_id: _Optional[str] = ...) -> None: ...

class GetExportDownloadUrlResponse(_message.Message):
    __slots__ = ("download_url", "expires_at", "file_name", "size_bytes")
    DOWNLOAD_URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    download_url: str
    expires_at: _timestamp_pb2.Timestamp
    file_name: str
    size_bytes: int
    def __init__(self, download_url: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., file_name: _Optional[str] = ..., size_bytes: _Optional[int] = ...) -> None: ...

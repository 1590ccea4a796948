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

class OutlineStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OUTLINE_STATUS_UNSPECIFIED: _ClassVar[OutlineStatus]
    OUTLINE_STATUS_GENERATING: _ClassVar[OutlineStatus]
    OUTLINE_STATUS_READY: _ClassVar[OutlineStatus]
    OUTLINE_STATUS_APPROVED: _ClassVar[OutlineStatus]
    OUTLINE_STATUS_REJECTED: _ClassVar[OutlineStatus]
    OUTLINE_STATUS_FAILED: _ClassVar[OutlineStatus]
OUTLINE_STATUS_UNSPECIFIED: OutlineStatus
OUTLINE_STATUS_GENERATING: OutlineStatus
OUTLINE_STATUS_READY: OutlineStatus
OUTLINE_STATUS_APPROVED: OutlineStatus
OUTLINE_STATUS_REJECTED: OutlineStatus
OUTLINE_STATUS_FAILED: OutlineStatus

class GenerationInput(_message.Message):
    __slots__ = ("title", "learning_goals", "target_audience_id", "sme_ids", "additional_context", "desired_lesson_count", "desired_duration_minutes", "language", "folder_id", "course_id")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    LEARNING_GOALS_FIELD_NUMBER: _ClassVar[int]
    TARGET_AUDIENCE_ID_FIELD_NUMBER: _ClassVar[int]
    SME_IDS_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    DESIRED_LESSON_COUNT_FIELD_NUMBER: _ClassVar[int]
    DESIRED_DURATION_MINUTES_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    title: str
    learning_goals: _containers.RepeatedScalarFieldContainer[str]
    target_audience_id: str
    sme_ids: _containers.RepeatedScalarFieldContainer[str]
    additional_context: str
    desired_lesson_count: int
    desired_duration_minutes: int
    language: str
    folder_id: str
    course_id: str
    def __init__(self, title: _Optional[str] = ..., learning_goals: _Optional[_Iterable[str]] = ..., target_audience_id: _Optional[str] = ..., sme_ids: _Optional[_Iterable[str]] = ..., additional_context: _Optional[str] = ..., desired_lesson_count: _Optional[int] = ..., desired_duration_minutes: _Optional[int] = ..., language: _Optional[str] = ..., folder_id: _Optional[str] = ..., course_id: _Optional[str] = ...) -> None: ...

class OutlineLesson(_message.Message):
    __slots__ = ("id", "title", "description", "position", "estimated_minutes", "objectives", "key_topics", "suggested_components", "source_chunk_ids")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    OBJECTIVES_FIELD_NUMBER: _ClassVar[int]
    KEY_TOPICS_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_COMPONENTS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_CHUNK_IDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    description: str
    position: int
    estimated_minutes: int
    objectives: _containers.RepeatedCompositeFieldContainer[_common_pb2.LearningObjective]
    key_topics: _containers.RepeatedScalarFieldContainer[str]
    suggested_components: _containers.RepeatedScalarFieldContainer[_common_pb2.ComponentType]
    source_chunk_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., position: _Optional[int] = ..., estimated_minutes: _Optional[int] = ..., objectives: _Optional[_Iterable[_Union[_common_pb2.LearningObjective, _Mapping]]] = ..., key_topics: _Optional[_Iterable[str]] = ..., suggested_components: _Optional[_Iterable[_Union[_common_pb2.ComponentType, str]]] = ..., source_chunk_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class OutlineSection(_message.Message):
    __slots__ = ("id", "title", "description", "position", "lessons")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    LESSONS_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    description: str
    position: int
    lessons: _containers.RepeatedCompositeFieldContainer[OutlineLesson]
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., position: _Optional[int] = ..., lessons: _Optional[_Iterable[_Union[OutlineLesson, _Mapping]]] = ...) -> None: ...

class Outline(_message.Message):
    __slots__ = ("id", "title", "description", "status", "sections", "input", "course_id", "job_id", "estimated_duration_minutes", "revision", "rejection_reason", "created_by", "approved_by", "created_at", "updated_at", "approved_at", "etag")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SECTIONS_FIELD_NUMBER: _ClassVar[int]
    INPUT_FIELD_NUMBER: _ClassVar[int]
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_DURATION_MINUTES_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    REJECTION_REASON_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    APPROVED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    APPROVED_AT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    description: str
    status: OutlineStatus
    sections: _containers.RepeatedCompositeFieldContainer[OutlineSection]
    input: GenerationInput
    course_id: str
    job_id: str
    estimated_duration_minutes: int
    revision: int
    rejection_reason: str
    created_by: _common_pb2.UserSummary
    approved_by: _common_pb2.UserSummary
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    approved_at: _timestamp_pb2.Timestamp
    etag: str
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., status: _Optional[_Union[OutlineStatus, str]] = ..., sections: _Optional[_Iterable[_Union[OutlineSection, _Mapping]]] = ..., input: _Optional[_Union[GenerationInput, _Mapping]] = ..., course_id: _Optional[str] = ..., job_id: _Optional[str] = ..., estimated_duration_minutes: _Optional[int] = ..., revision: _Optional[int] = ..., rejection_reason: _Optional[str] = ..., created_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., approved_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., approved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class Job(_message.Message):
    __slots__ = ("id", "type", "status", "course_id", "outline_id", "lesson_ids", "component_id", "sme_id", "submission_id", "progress_done", "progress_total", "progress_message", "failed_lesson_ids", "error_message", "error_code", "input_tokens", "output_tokens", "model", "attempt", "created_by", "created_at", "started_at", "finished_at", "queue_ms", "duration_ms", "component")
    ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    OUTLINE_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_IDS_FIELD_NUMBER: _ClassVar[int]
    COMPONENT_ID_FIELD_NUMBER: _ClassVar[int]
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_DONE_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    FAILED_LESSON_IDS_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    INPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    QUEUE_MS_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    COMPONENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    type: _common_pb2.JobType
    status: _common_pb2.JobStatus
    course_id: str
    outline_id: str
    lesson_ids: _containers.RepeatedScalarFieldContainer[str]
    component_id: str
    sme_id: str
    submission_id: str
    progress_done: int
    progress_total: int
    progress_message: str
    failed_lesson_ids: _containers.RepeatedScalarFieldContainer[str]
    error_message: str
    error_code: str
    input_tokens: int
    output_tokens: int
    model: str
    attempt: int
    created_by: _common_pb2.UserSummary
    created_at: _timestamp_pb2.Timestamp
    started_at: _timestamp_pb2.Timestamp
    finished_at: _timestamp_pb2.Timestamp
    queue_ms: int
    duration_ms: int
    component: _common_pb2.LessonComponent
    def __init__(self, id: _Optional[str] = ..., type: _Optional[_Union[_common_pb2.JobType, str]] = ..., status: _Optional[_Union[_common_pb2.JobStatus, str]] = ..., course_id: _Optional[str] = ..., outline_id: _Optional[str] = ..., lesson_ids: _Optional[_Iterable[str]] = ..., component_id: _Optional[str] = ..., sme_id: _Optional[str] = ..., submission_id: _Optional[str] = ..., progress_done: _Optional[int] = ..., progress_total: _Optional[int] = ..., progress_message: _Optional[str] = ..., failed_lesson_ids: _Optional[_Iterable[str]] = ..., error_message: _Optional[str] = ..., error_code: _Optional[str] = ..., input_tokens: _Optional[int] = ..., output_tokens: _Optional[int] = ..., model: _Optional[str] = ..., attempt: _Optional[int] = ..., created_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finished_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., queue_ms: _Optional[int] = ..., duration_ms: _Optional[int] = ..., component: _Optional[_Union[_common_pb2.LessonComponent, _Mapping]] = ...) -> None: ...

class OutlineSectionList(_message.Message):
    __slots__ = ("sections",)
    SECTIONS_FIELD_NUMBER: _ClassVar[int]
    sections: _containers.RepeatedCompositeFieldContainer[OutlineSection]
    def __init__(self, sections: _Optional[_Iterable[_Union[OutlineSection, _Mapping]]] = ...) -> None: ...

class GenerateOutlineRequest(_message.Message):
    __slots__ = ("title", "learning_goals", "target_audience_id", "sme_ids", "additional_context", "desired_lesson_count", "desired_duration_minutes", "language", "folder_id", "course_id")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    LEARNING_GOALS_FIELD_NUMBER: _ClassVar[int]
    TARGET_AUDIENCE_ID_FIELD_NUMBER: _ClassVar[int]
    SME_IDS_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    DESIRED_LESSON_COUNT_FIELD_NUMBER: _ClassVar[int]
    DESIRED_DURATION_MINUTES_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    FOLDER_ID_FIELD_NUMBER: _ClassVar[int]
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    title: str
    learning_goals: _containers.RepeatedScalarFieldContainer[str]
    target_audience_id: str
    sme_ids: _containers.RepeatedScalarFieldContainer[str]
    additional_context: str
    desired_lesson_count: int
    desired_duration_minutes: int
    language: str
    folder_id: str
    course_id: str
    def __init__(self, title: _Optional[str] = ..., learning_goals: _Optional[_Iterable[str]] = ..., target_audience_id: _Optional[str] = ..., sme_ids: _Optional[_Iterable[str]] = ..., additional_context: _Optional[str] = ..., desired_lesson_count: _Optional[int] = ..., desired_duration_minutes: _Optional[int] = ..., language: _Optional[str] = ..., folder_id: _Optional[str] = ..., course_id: _Optional[str] = ...) -> None: ...

class GenerateOutlineResponse(_message.Message):
    __slots__ = ("outline", "job")
    OUTLINE_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    outline: Outline
    job: Job
    def __init__(self, outline: _Optional[_Union[Outline, _Mapping]] = ..., job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class GetOutlineRequest(_message.Message):
    __slots__ = ("outline_id",)
    OUTLINE_ID_FIELD_NUMBER: _ClassVar[int]
    outline_id: str
    def __init__(self, outline_id: _Optional[str] = ...) -> None: ...

class GetOutlineResponse(_message.Message):
    __slots__ = ("outline",)
    OUTLINE_FIELD_NUMBER: _ClassVar[int]
    outline: Outline
    def __init__(self, outline: _Optional[_Union[Outline, _Mapping]] = ...) -> None: ...

class ListOutlinesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "statuses", "created_by_me")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_ME_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    statuses: _containers.RepeatedScalarFieldContainer[OutlineStatus]
    created_by_me: bool
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., statuses: _Optional[_Iterable[_Union[OutlineStatus, str]]] = ..., created_by_me: _Optional[bool] = ...) -> None: ...

class ListOutlinesResponse(_message.Message):
    __slots__ = ("outlines", "next_page_token")
    OUTLINES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    outlines: _containers.RepeatedCompositeFieldContainer[Outline]
    next_page_token: str
    def __init__(self, outlines: _Optional[_Iterable[_Union[Outline, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateOutlineRequest(_message.Message):
    __slots__ = ("outline_id", "title", "description", "sections", "if_match")
    OUTLINE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SECTIONS_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    outline_id: str
    title: str
    description: str
    sections: OutlineSectionList
    if_match: str
    def __init__(self, outline_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., sections: _Optional[_Union[OutlineSectionList, _Mapping]] = ..., if_match: _Optional[str] = ...) -> None: ...

class UpdateOutlineResponse(_message.Message):
    __slots__ = ("outline",)
    OUTLINE_FIELD_NUMBER: _ClassVar[int]
    outline: Outline
    def __init__(self, outline: _Optional[_Union[Outline, _Mapping]] = ...) -> None: ...

class ApproveOutlineRequest(_message.Message):
    __slots__ = ("outline_id", "if_match", "skip_lesson_generation")
    OUTLINE_ID_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    SKIP_LESSON_GENERATION_FIELD_NUMBER: _ClassVar[int]
    outline_id: str
    if_match: str
    skip_lesson_generation: bool
    def __init__(self, outline_id: _Optional[str] = ..., if_match: _Optional[str] = ..., skip_lesson_generation: _Optional[bool] = ...) -> None: ...

class ApproveOutlineResponse(_message.Message):
    __slots__ = ("course_id", "job", "outline")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    OUTLINE_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    job: Job
    outline: Outline
    def __init__(self, course_id: _Optional[str] = ..., job: _Optional[_Union[Job, _Mapping]] = ..., outline: _Optional[_Union[Outline, _Mapping]] = ...) -> None: ...

class RejectOutlineRequest(_message.Message):
    __slots__ = ("outline_id", "reason", "regenerate", "additional_context", "if_match")
    OUTLINE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REGENERATE_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    outline_id: str
    reason: str
    regenerate: bool
    additional_context: str
    if_match: str
    def __init__(self, outline_id: _Optional[str] = ..., reason: _Optional[str] = ..., regenerate: _Optional[bool] = ..., additional_context: _Optional[str] = ..., if_match: _Optional[str] = ...) -> None: ...

class RejectOutlineResponse(_message.Message):
    __slots__ = ("outline", "job")
    OUTLINE_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    outline: Outline
    job: Job
    def __init__(self, outline: _Optional[_Union[Outline, _Mapping]] = ..., job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class GenerateLessonsRequest(_message.Message):
    __slots__ = ("course_id", "lesson_ids", "failed_only", "overwrite", "additional_context")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_IDS_FIELD_NUMBER: _ClassVar[int]
    FAILED_ONLY_FIELD_NUMBER: _ClassVar[int]
    OVERWRITE_FIELD_NUMBER: _ClassVar[int]
    ADDITIONAL_CONTEXT_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    lesson_ids: _containers.RepeatedScalarFieldContainer[str]
    failed_only: bool
    overwrite: bool
    additional_context: str
    def __init__(self, course_id: _Optional[str] = ..., lesson_ids: _Optional[_Iterable[str]] = ..., failed_only: _Optional[bool] = ..., overwrite: _Optional[bool] = ..., additional_context: _Optional[str] = ...) -> None: ...

class GenerateLessonsResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class RegenerateComponentRequest(_message.Message):
    __slots__ = ("course_id", "lesson_id", "component_id", "instruction", "target_type", "if_match")
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    LESSON_ID_FIELD_NUMBER: _ClassVar[int]
    COMPONENT_ID_FIELD_NUMBER: _ClassVar[int]
    INSTRUCTION_FIELD_NUMBER: _ClassVar[int]
    TARGET_TYPE_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    course_id: str
    lesson_id: str
    component_id: str
    instruction: str
    target_type: _common_pb2.ComponentType
    if_match: str
    def __init__(self, course_id: _Optional[str] = ..., lesson_id: _Optional[str] = ..., component_id: _Optional[str] = ..., instruction: _Optional[str] = ..., target_type: _Optional[_Union[_common_pb2.ComponentType, str]] = ..., if_match: _Optional[str] = ...) -> None: ...

class RegenerateComponentResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class GetJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class GetJobResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class ListJobsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "types", "statuses", "course_id", "outline_id", "sme_id")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TYPES_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    COURSE_ID_FIELD_NUMBER: _ClassVar[int]
    OUTLINE_ID_FIELD_NUMBER: _ClassVar[int]
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    types: _containers.RepeatedScalarFieldContainer[_common_pb2.JobType]
    statuses: _containers.RepeatedScalarFieldContainer[_common_pb2.JobStatus]
    course_id: str
    outline_id: str
    sme_id: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., types: _Optional[_Iterable[_Union[_common_pb2.JobType, str]]] = ..., statuses: _Optional[_Iterable[_Union[_common_pb2.JobStatus, str]]] = ..., course_id: _Optional[str] = ..., outline_id: _Optional[str] = ..., sme_id: _Optional[str] = ...) -> None: ...

class ListJobsResponse(_message.Message):
    __slots__ = ("jobs", "next_page_token")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[Job]
    next_page_token: str
    def __init__(self, jobs: _Optional[_Iterable[_Union[Job, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CancelJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class CancelJobResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

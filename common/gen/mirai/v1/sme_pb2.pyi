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

class SmeScope(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SME_SCOPE_UNSPECIFIED: _ClassVar[SmeScope]
    SME_SCOPE_GLOBAL: _ClassVar[SmeScope]
    SME_SCOPE_TEAM: _ClassVar[SmeScope]

class SmeStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SME_STATUS_UNSPECIFIED: _ClassVar[SmeStatus]
    SME_STATUS_EMPTY: _ClassVar[SmeStatus]
    SME_STATUS_INGESTING: _ClassVar[SmeStatus]
    SME_STATUS_READY: _ClassVar[SmeStatus]

class SmeTaskStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SME_TASK_STATUS_UNSPECIFIED: _ClassVar[SmeTaskStatus]
    SME_TASK_STATUS_OPEN: _ClassVar[SmeTaskStatus]
    SME_TASK_STATUS_SUBMITTED: _ClassVar[SmeTaskStatus]
    SME_TASK_STATUS_COMPLETED: _ClassVar[SmeTaskStatus]
    SME_TASK_STATUS_CANCELLED: _ClassVar[SmeTaskStatus]

class SubmissionStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SUBMISSION_STATUS_UNSPECIFIED: _ClassVar[SubmissionStatus]
    SUBMISSION_STATUS_AWAITING_UPLOAD: _ClassVar[SubmissionStatus]
    SUBMISSION_STATUS_UPLOADED: _ClassVar[SubmissionStatus]
    SUBMISSION_STATUS_PROCESSING: _ClassVar[SubmissionStatus]
    SUBMISSION_STATUS_PROCESSED: _ClassVar[SubmissionStatus]
    SUBMISSION_STATUS_FAILED: _ClassVar[SubmissionStatus]
SME_SCOPE_UNSPECIFIED: SmeScope
SME_SCOPE_GLOBAL: SmeScope
SME_SCOPE_TEAM: SmeScope
SME_STATUS_UNSPECIFIED: SmeStatus
SME_STATUS_EMPTY: SmeStatus
SME_STATUS_INGESTING: SmeStatus
SME_STATUS_READY: SmeStatus
SME_TASK_STATUS_UNSPECIFIED: SmeTaskStatus
SME_TASK_STATUS_OPEN: SmeTaskStatus
SME_TASK_STATUS_SUBMITTED: SmeTaskStatus
SME_TASK_STATUS_COMPLETED: SmeTaskStatus
SME_TASK_STATUS_CANCELLED: SmeTaskStatus
SUBMISSION_STATUS_UNSPECIFIED: SubmissionStatus
SUBMISSION_STATUS_AWAITING_UPLOAD: SubmissionStatus
SUBMISSION_STATUS_UPLOADED: SubmissionStatus
SUBMISSION_STATUS_PROCESSING: SubmissionStatus
SUBMISSION_STATUS_PROCESSED: SubmissionStatus
SUBMISSION_STATUS_FAILED: SubmissionStatus

class SubjectMatterExpert(_message.Message):
    __slots__ = ("id", "name", "description", "domain", "scope", "team_ids", "status", "knowledge_summary", "chunk_count", "submission_count", "open_task_count", "created_by", "created_at", "updated_at", "etag")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    TEAM_IDS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    KNOWLEDGE_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    CHUNK_COUNT_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_COUNT_FIELD_NUMBER: _ClassVar[int]
    OPEN_TASK_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    description: str
    domain: str
    scope: SmeScope
    team_ids: _containers.RepeatedScalarFieldContainer[str]
    status: SmeStatus
    knowledge_summary: str
    chunk_count: int
    submission_count: int
    open_task_count: int
    created_by: _common_pb2.UserSummary
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    etag: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., domain: _Optional[str] = ..., scope: _Optional[_Union[SmeScope, str]] = ..., team_ids: _Optional[_Iterable[str]] = ..., status: _Optional[_Union[SmeStatus, str]] = ..., knowledge_summary: _Optional[str] = ..., chunk_count: _Optional[int] = ..., submission_count: _Optional[int] = ..., open_task_count: _Optional[int] = ..., created_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class SMETask(_message.Message):
    __slots__ = ("id", "sme_id", "title", "instructions", "assignee", "created_by", "status", "due_at", "submission_count", "created_at", "updated_at", "completed_at", "cancelled_at", "cancel_reason", "completion_note")
    ID_FIELD_NUMBER: _ClassVar[int]
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    INSTRUCTIONS_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_AT_FIELD_NUMBER: _ClassVar[int]
    CANCEL_REASON_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    sme_id: str
    title: str
    instructions: str
    assignee: _common_pb2.UserSummary
    created_by: _common_pb2.UserSummary
    status: SmeTaskStatus
    due_at: _timestamp_pb2.Timestamp
    submission_count: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    completed_at: _timestamp_pb2.Timestamp
    cancelled_at: _timestamp_pb2.Timestamp
    cancel_reason: str
    completion_note: str
    def __init__(self, id: _Optional[str] = ..., sme_id: _Optional[str] = ..., title: _Optional[str] = ..., instructions: _Optional[str] = ..., assignee: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., created_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., status: _Optional[_Union[SmeTaskStatus, str]] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., submission_count: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., cancelled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., cancel_reason: _Optional[str] = ..., completion_note: _Optional[str] = ...) -> None: ...

class Submission(_message.Message):
    __slots__ = ("id", "sme_id", "task_id", "file_name", "content_type", "size_bytes", "status", "ai_summary", "error_message", "chunk_count", "uploaded_by", "created_at", "uploaded_at", "processed_at", "job_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    AI_SUMMARY_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    CHUNK_COUNT_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_AT_FIELD_NUMBER: _ClassVar[int]
    PROCESSED_AT_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    sme_id: str
    task_id: str
    file_name: str
    content_type: str
    size_bytes: int
    status: SubmissionStatus
    ai_summary: str
    error_message: str
    chunk_count: int
    uploaded_by: _common_pb2.UserSummary
    created_at: _timestamp_pb2.Timestamp
    uploaded_at: _timestamp_pb2.Timestamp
    processed_at: _timestamp_pb2.Timestamp
    job_id: str
    def __init__(self, id: _Optional[str] = ..., sme_id: _Optional[str] = ..., task_id: _Optional[str] = ..., file_name: _Optional[str] = ..., content_type: _Optional[str] = ..., size_bytes: _Optional[int] = ..., status: _Optional[_Union[SubmissionStatus, str]] = ..., ai_summary: _Optional[str] = ..., error_message: _Optional[str] = ..., chunk_count: _Optional[int] = ..., uploaded_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., uploaded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., processed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., job_id: _Optional[str] = ...) -> None: ...

class KnowledgeChunk(_message.Message):
    __slots__ = ("id", "sme_id", "submission_id", "title", "content", "keywords", "token_count", "position", "source_file_name", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    KEYWORDS_FIELD_NUMBER: _ClassVar[int]
    TOKEN_COUNT_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    sme_id: str
    submission_id: str
    title: str
    content: str
    keywords: _containers.RepeatedScalarFieldContainer[str]
    token_count: int
    position: int
    source_file_name: str
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., sme_id: _Optional[str] = ..., submission_id: _Optional[str] = ..., title: _Optional[str] = ..., content: _Optional[str] = ..., keywords: _Optional[_Iterable[str]] = ..., token_count: _Optional[int] = ..., position: _Optional[int] = ..., source_file_name: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class KnowledgeSearchResult(_message.Message):
    __slots__ = ("chunk", "score", "sme_name", "snippet")
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    SME_NAME_FIELD_NUMBER: _ClassVar[int]
    SNIPPET_FIELD_NUMBER: _ClassVar[int]
    chunk: KnowledgeChunk
    score: float
    sme_name: str
    snippet: str
    def __init__(self, chunk: _Optional[_Union[KnowledgeChunk, _Mapping]] = ..., score: _Optional[float] = ..., sme_name: _Optional[str] = ..., snippet: _Optional[str] = ...) -> None: ...

class CreateSMERequest(_message.Message):
    __slots__ = ("name", "description", "domain", "scope", "team_ids")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    TEAM_IDS_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    domain: str
    scope: SmeScope
    team_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., domain: _Optional[str] = ..., scope: _Optional[_Union[SmeScope, str]] = ..., team_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateSMEResponse(_message.Message):
    __slots__ = ("sme",)
    SME_FIELD_NUMBER: _ClassVar[int]
    sme: SubjectMatterExpert
    def __init__(self, sme: _Optional[_Union[SubjectMatterExpert, _Mapping]] = ...) -> None: ...

class GetSMERequest(_message.Message):
    __slots__ = ("sme_id",)
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    sme_id: str
    def __init__(self, sme_id: _Optional[str] = ...) -> None: ...

class GetSMEResponse(_message.Message):
    __slots__ = ("sme", "can_edit")
    SME_FIELD_NUMBER: _ClassVar[int]
    CAN_EDIT_FIELD_NUMBER: _ClassVar[int]
    sme: SubjectMatterExpert
    can_edit: bool
    def __init__(self, sme: _Optional[_Union[SubjectMatterExpert, _Mapping]] = ..., can_edit: _Optional[bool] = ...) -> None: ...

class ListSmesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "query", "scope", "team_id", "status")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    TEAM_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    query: str
    scope: SmeScope
    team_id: str
    status: SmeStatus
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., query: _Optional[str] = ..., scope: _Optional[_Union[SmeScope, str]] = ..., team_id: _Optional[str] = ..., status: _Optional[_Union[SmeStatus, str]] = ...) -> None: ...

class ListSmesResponse(_message.Message):
    __slots__ = ("smes", "next_page_token", "total_count")
    SMES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    smes: _containers.RepeatedCompositeFieldContainer[SubjectMatterExpert]
    next_page_token: str
    total_count: int
    def __init__(self, smes: _Optional[_Iterable[_Union[SubjectMatterExpert, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_count: _Optional[int] = ...) -> None: ...

class UpdateSMERequest(_message.Message):
    __slots__ = ("sme_id", "name", "description", "domain", "scope", "if_match")
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    sme_id: str
    name: str
    description: str
    domain: str
    scope: SmeScope
    if_match: str
    def __init__(self, sme_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., domain: _Optional[str] = ..., scope: _Optional[_Union[SmeScope, str]] = ..., if_match: _Optional[str] = ...) -> None: ...

class UpdateSMEResponse(_message.Message):
    __slots__ = ("sme",)
    SME_FIELD_NUMBER: _ClassVar[int]
    sme: SubjectMatterExpert
    def __init__(self, sme: _Optional[_Union[SubjectMatterExpert, _Mapping]] = ...) -> None: ...

class DeleteSMERequest(_message.Message):
    __slots__ = ("sme_id", "if_match")
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    sme_id: str
    if_match: str
    def __init__(self, sme_id: _Optional[str] = ..., if_match: _Optional[str] = ...) -> None: ...

class DeleteSMEResponse(_message.Message):
    __slots__ = ("deleted_submission_count", "deleted_chunk_count")
    DELETED_SUBMISSION_COUNT_FIELD_NUMBER: _ClassVar[int]
    DELETED_CHUNK_COUNT_FIELD_NUMBER: _ClassVar[int]
    deleted_submission_count: int
    deleted_chunk_count: int
    def __init__(self, deleted_submission_count: _Optional[int] = ..., deleted_chunk_count: _Optional[int] = ...) -> None: ...

class GrantTeamAccessRequest(_message.Message):
    __slots__ = ("sme_id", "team_ids", "if_match")
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    TEAM_IDS_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    sme_id: str
    team_ids: _containers.RepeatedScalarFieldContainer[str]
    if_match: str
    def __init__(self, sme_id: _Optional[str] = ..., team_ids: _Optional[_Iterable[str]] = ..., if_match: _Optional[str] = ...) -> None: ...

class GrantTeamAccessResponse(_message.Message):
    __slots__ = ("sme",)
    SME_FIELD_NUMBER: _ClassVar[int]
    sme: SubjectMatterExpert
    def __init__(self, sme: _Optional[_Union[SubjectMatterExpert, _Mapping]] = ...) -> None: ...

class RevokeTeamAccessRequest(_message.Message):
    __slots__ = ("sme_id", "team_ids", "if_match")
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    TEAM_IDS_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    sme_id: str
    team_ids: _containers.RepeatedScalarFieldContainer[str]
    if_match: str
    def __init__(self, sme_id: _Optional[str] = ..., team_ids: _Optional[_Iterable[str]] = ..., if_match: _Optional[str] = ...) -> None: ...

class RevokeTeamAccessResponse(_message.Message):
    __slots__ = ("sme",)
    SME_FIELD_NUMBER: _ClassVar[int]
    sme: SubjectMatterExpert
    def __init__(self, sme: _Optional[_Union[SubjectMatterExpert, _Mapping]] = ...) -> None: ...

class CreateTaskRequest(_message.Message):
    __slots__ = ("sme_id", "assignee_user_id", "title", "instructions", "due_at")
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_USER_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    INSTRUCTIONS_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    sme_id: str
    assignee_user_id: str
    title: str
    instructions: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, sme_id: _Optional[str] = ..., assignee_user_id: _Optional[str] = ..., title: _Optional[str] = ..., instructions: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateTaskResponse(_message.Message):
    __slots__ = ("task",)
    TASK_FIELD_NUMBER: _ClassVar[int]
    task: SMETask
    def __init__(self, task: _Optional[_Union[SMETask, _Mapping]] = ...) -> None: ...

class GetTaskRequest(_message.Message):
    __slots__ = ("task_id",)
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    task_id: str
    def __init__(self, task_id: _Optional[str] = ...) -> None: ...

class GetTaskResponse(_message.Message):
    __slots__ = ("task",)
    TASK_FIELD_NUMBER: _ClassVar[int]
    task: SMETask
    def __init__(self, task: _Optional[_Union[SMETask, _Mapping]] = ...) -> None: ...

class ListTasksRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "sme_id", "assignee_user_id", "assigned_to_me", "statuses")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_USER_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_TO_ME_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    sme_id: str
    assignee_user_id: str
    assigned_to_me: bool
    statuses: _containers.RepeatedScalarFieldContainer[SmeTaskStatus]
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., sme_id: _Optional[str] = ..., assignee_user_id: _Optional[str] = ..., assigned_to_me: _Optional[bool] = ..., statuses: _Optional[_Iterable[_Union[SmeTaskStatus, str]]] = ...) -> None: ...

class ListTasksResponse(_message.Message):
    __slots__ = ("tasks", "next_page_token", "total_count")
    TASKS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    tasks: _containers.RepeatedCompositeFieldContainer[SMETask]
    next_page_token: str
    total_count: int
    def __init__(self, tasks: _Optional[_Iterable[_Union[SMETask, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_count: _Optional[int] = ...) -> None: ...

class UpdateTaskRequest(_message.Message):
    __slots__ = ("task_id", "title", "instructions", "due_at", "clear_due_at", "assignee_user_id")
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    INSTRUCTIONS_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    CLEAR_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_USER_ID_FIELD_NUMBER: _ClassVar[int]
    task_id: str
    title: str
    instructions: str
    due_at: _timestamp_pb2.Timestamp
    clear_due_at: bool
    assignee_user_id: str
    def __init__(self, task_id: _Optional[str] = ..., title: _Optional[str] = ..., instructions: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., clear_due_at: _Optional[bool] = ..., assignee_user_id: _Optional[str] = ...) -> None: ...

class UpdateTaskResponse(_message.Message):
    __slots__ = ("task",)
    TASK_FIELD_NUMBER: _ClassVar[int]
    task: SMETask
    def __init__(self, task: _Optional[_Union[SMETask, _Mapping]] = ...) -> None: ...

class CompleteTaskRequest(_message.Message):
    __slots__ = ("task_id", "completion_note")
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_NOTE_FIELD_NUMBER: _ClassVar[int]
    task_id: str
    completion_note: str
    def __init__(self, task_id: _Optional[str] = ..., completion_note: _Optional[str] = ...) -> None: ...

class CompleteTaskResponse(_message.Message):
    __slots__ = ("task",)
    TASK_FIELD_NUMBER: _ClassVar[int]
    task: SMETask
    def __init__(self, task: _Optional[_Union[SMETask, _Mapping]] = ...) -> None: ...

class CancelTaskRequest(_message.Message):
    __slots__ = ("task_id", "reason")
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    task_id: str
    reason: str
    def __init__(self, task_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class CancelTaskResponse(_message.Message):
    __slots__ = ("task",)
    TASK_FIELD_NUMBER: _ClassVar[int]
    task: SMETask
    def __init__(self, task: _Optional[_Union[SMETask, _Mapping]] = ...) -> None: ...

class CreateUploadUrlRequest(_message.Message):
    __slots__ = ("task_id", "sme_id", "file_name", "content_type", "size_bytes")
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    task_id: str
    sme_id: str
    file_name: str
    content_type: str
    size_bytes: int
    def __init__(self, task_id: _Optional[str] = ..., sme_id: _Optional[str] = ..., file_name: _Optional[str] = ..., content_type: _Optional[str] = ..., size_bytes: _Optional[int] = ...) -> None: ...

class CreateUploadUrlResponse(_message.Message):
    __slots__ = ("submission_id", "upload_url", "expires_at", "required_headers", "submission")
    class RequiredHeadersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_URL_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_HEADERS_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    upload_url: str
    expires_at: _timestamp_pb2.Timestamp
    required_headers: _containers.ScalarMap[str, str]
    submission: Submission
    def __init__(self, submission_id: _Optional[str] = ..., upload_url: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., required_headers: _Optional[_Mapping[str, str]] = ..., submission: _Optional[_Union[Submission, _Mapping]] = ...) -> None: ...

class ListSubmissionsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "sme_id", "task_id", "statuses")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    sme_id: str
    task_id: str
    statuses: _containers.RepeatedScalarFieldContainer[SubmissionStatus]
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., sme_id: _Optional[str] = ..., task_id: _Optional[str] = ..., statuses: _Optional[_Iterable[_Union[SubmissionStatus, str]]] = ...) -> None: ...

class ListSubmissionsResponse(_message.Message):
    __slots__ = ("submissions", "next_page_token", "total_count")
    SUBMISSIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    submissions: _containers.RepeatedCompositeFieldContainer[Submission]
    next_page_token: str
    total_count: int
    def __init__(self, submissions: _Optional[_Iterable[_Union[Submission, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_count: _Optional[int] = ...) -> None: ...

class GetSubmissionRequest(_message.Message):
    __slots__ = ("submission_id",)
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    def __init__(self, submission_id: _Optional[str] = ...) -> None: ...

class GetSubmissionResponse(_message.Message):
    __slots__ = ("submission",)
    SUBMISSION_FIELD_NUMBER: _ClassVar[int]
    submission: Submission
    def __init__(self, submission: _Optional[_Union[Submission, _Mapping]] = ...) -> None: ...

class GetSubmissionDownloadUrlRequest(_message.Message):
    __slots__ = ("submission_id",)
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    def __init__(self, submission_id: _Optional[str] = ...) -> None: ...

class GetSubmissionDownloadUrlResponse(_message.Message):
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

class ReprocessSubmissionRequest(_message.Message):
    __slots__ = ("submission_id",)
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    def __init__(self, submission_id: _Optional[str] = ...) -> None: ...

class ReprocessSubmissionResponse(_message.Message):
    __slots__ = ("submission",)
    SUBMISSION_FIELD_NUMBER: _ClassVar[int]
    submission: Submission
    def __init__(self, submission: _Optional[_Union[Submission, _Mapping]] = ...) -> None: ...

class DeleteSubmissionRequest(_message.Message):
    __slots__ = ("submission_id",)
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    submission_id: str
    def __init__(self, submission_id: _Optional[str] = ...) -> None: ...

class DeleteSubmissionResponse(_message.Message):
    __slots__ = ("deleted_chunk_count",)
    DELETED_CHUNK_COUNT_FIELD_NUMBER: _ClassVar[int]
    deleted_chunk_count: int
    def __init__(self, deleted_chunk_count: _Optional[int] = ...) -> None: ...

class ListKnowledgeChunksRequest(_message.Message):
    __slots__ = ("sme_id", "page_size", "page_token", "submission_id")
    SME_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    sme_id: str
    page_size: int
    page_token: str
    submission_id: str
    def __init__(self, sme_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., submission_id: _Optional[str] = ...) -> None: ...

class ListKnowledgeChunksResponse(_message.Message):
    __slots__ = ("chunks", "next_page_token", "total_count")
    CHUNKS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    chunks: _containers.RepeatedCompositeFieldContainer[KnowledgeChunk]
    next_page_token: str
    total_count: int
    def __init__(self, chunks: _Optional[_Iterable[_Union[KnowledgeChunk, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_count: _Optional[int] = ...) -> None: ...

class SearchKnowledgeRequest(_message.Message):
    __slots__ = ("query", "sme_ids", "limit", "min_score", "page_token")
    QUERY_FIELD_NUMBER: _ClassVar[int]
    SME_IDS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    MIN_SCORE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    query: str
    sme_ids: _containers.RepeatedScalarFieldContainer[str]
    limit: int
    min_score: float
    page_token: str
    def __init__(self, query: _Optional[str] = ..., sme_ids: _Optional[_Iterable[str]] = ..., limit: _Optional[int] = ..., min_score: _Optional[float] = ..., page_token: _Optional[str] = ...) -> None: ...

class SearchKnowledgeResponse(_message.Message):
    __slots__ = ("results", "next_page_token")
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[KnowledgeSearchResult]
    next_page_token: str
    def __init__(self, results: _Optional[_Iterable[_Union[KnowledgeSearchResult, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

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

class ReadingLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    READING_LEVEL_UNSPECIFIED: _ClassVar[ReadingLevel]
    READING_LEVEL_SIMPLE: _ClassVar[ReadingLevel]
    READING_LEVEL_STANDARD: _ClassVar[ReadingLevel]
    READING_LEVEL_TECHNICAL: _ClassVar[ReadingLevel]
    READING_LEVEL_ACADEMIC: _ClassVar[ReadingLevel]
READING_LEVEL_UNSPECIFIED: ReadingLevel
READING_LEVEL_SIMPLE: ReadingLevel
READING_LEVEL_STANDARD: ReadingLevel
READING_LEVEL_TECHNICAL: ReadingLevel
READING_LEVEL_ACADEMIC: ReadingLevel

class TargetAudience(_message.Message):
    __slots__ = ("id", "name", "description", "job_role", "experience_level", "prior_knowledge", "language", "reading_level", "goals", "challenges", "industry", "course_count", "created_by", "created_at", "updated_at", "etag")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    JOB_ROLE_FIELD_NUMBER: _ClassVar[int]
    EXPERIENCE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    PRIOR_KNOWLEDGE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    READING_LEVEL_FIELD_NUMBER: _ClassVar[int]
    GOALS_FIELD_NUMBER: _ClassVar[int]
    CHALLENGES_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    COURSE_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    ETAG_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    description: str
    job_role: str
    experience_level: _common_pb2.ExperienceLevel
    prior_knowledge: _containers.RepeatedScalarFieldContainer[str]
    language: str
    reading_level: ReadingLevel
    goals: _containers.RepeatedScalarFieldContainer[str]
    challenges: _containers.RepeatedScalarFieldContainer[str]
    industry: str
    course_count: int
    created_by: _common_pb2.UserSummary
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    etag: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., job_role: _Optional[str] = ..., experience_level: _Optional[_Union[_common_pb2.ExperienceLevel, str]] = ..., prior_knowledge: _Optional[_Iterable[str]] = ..., language: _Optional[str] = ..., reading_level: _Optional[_Union[ReadingLevel, str]] = ..., goals: _Optional[_Iterable[str]] = ..., challenges: _Optional[_Iterable[str]] = ..., industry: _Optional[str] = ..., course_count: _Optional[int] = ..., created_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., etag: _Optional[str] = ...) -> None: ...

class CreateTargetAudienceRequest(_message.Message):
    __slots__ = ("name", "description", "job_role", "experience_level", "prior_knowledge", "language", "reading_level", "goals", "challenges", "industry")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    JOB_ROLE_FIELD_NUMBER: _ClassVar[int]
    EXPERIENCE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    PRIOR_KNOWLEDGE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    READING_LEVEL_FIELD_NUMBER: _ClassVar[int]
    GOALS_FIELD_NUMBER: _ClassVar[int]
    CHALLENGES_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    job_role: str
    experience_level: _common_pb2.ExperienceLevel
    prior_knowledge: _containers.RepeatedScalarFieldContainer[str]
    language: str
    reading_level: ReadingLevel
    goals: _containers.RepeatedScalarFieldContainer[str]
    challenges: _containers.RepeatedScalarFieldContainer[str]
    industry: str
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., job_role: _Optional[str] = ..., experience_level: _Optional[_Union[_common_pb2.ExperienceLevel, str]] = ..., prior_knowledge: _Optional[_Iterable[str]] = ..., language: _Optional[str] = ..., reading_level: _Optional[_Union[ReadingLevel, str]] = ..., goals: _Optional[_Iterable[str]] = ..., challenges: _Optional[_Iterable[str]] = ..., industry: _Optional[str] = ...) -> None: ...

class CreateTargetAudienceResponse(_message.Message):
    __slots__ = ("target_audience",)
    TARGET_AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    target_audience: TargetAudience
    def __init__(self, target_audience: _Optional[_Union[TargetAudience, _Mapping]] = ...) -> None: ...

class GetTargetAudienceRequest(_message.Message):
    __slots__ = ("target_audience_id",)
    TARGET_AUDIENCE_ID_FIELD_NUMBER: _ClassVar[int]
    target_audience_id: str
    def __init__(self, target_audience_id: _Optional[str] = ...) -> None: ...

class GetTargetAudienceResponse(_message.Message):
    __slots__ = ("target_audience",)
    TARGET_AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    target_audience: TargetAudience
    def __init__(self, target_audience: _Optional[_Union[TargetAudience, _Mapping]] = ...) -> None: ...

class ListTargetAudiencesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "query", "experience_level", "language")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    EXPERIENCE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    query: str
    experience_level: _common_pb2.ExperienceLevel
    language: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., query: _Optional[str] = ..., experience_level: _Optional[_Union[_common_pb2.ExperienceLevel, str]] = ..., language: _Optional[str] = ...) -> None: ...

class ListTargetAudiencesResponse(_message.Message):
    __slots__ = ("target_audiences", "next_page_token", "total_count")
    TARGET_AUDIENCES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COUNT_FIELD_NUMBER: _ClassVar[int]
    target_audiences: _containers.RepeatedCompositeFieldContainer[TargetAudience]
    next_page_token: str
    total_count: int
    def __init__(self, target_audiences: _Optional[_Iterable[_Union[TargetAudience, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_count: _Optional[int] = ...) -> None: ...

class UpdateTargetAudienceRequest(_message.Message):
    __slots__ = ("target_audience_id", "name", "description", "job_role", "experience_level", "prior_knowledge", "language", "reading_level", "goals", "challenges", "industry", "if_match")
    TARGET_AUDIENCE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    JOB_ROLE_FIELD_NUMBER: _ClassVar[int]
    EXPERIENCE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    PRIOR_KNOWLEDGE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    READING_LEVEL_FIELD_NUMBER: _ClassVar[int]
    GOALS_FIELD_NUMBER: _ClassVar[int]
    CHALLENGES_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    target_audience_id: str
    name: str
    description: str
    job_role: str
    experience_level: _common_pb2.ExperienceLevel
    prior_knowledge: _common_pb2.StringList
    language: str
    reading_level: ReadingLevel
    goals: _common_pb2.StringList
    challenges: _common_pb2.StringList
    industry: str
    if_match: str
    def __init__(self, target_audience_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., job_role: _Optional[str] = ..., experience_level: _Optional[_Union[_common_pb2.ExperienceLevel, str]] = ..., prior_knowledge: _Optional[_Union[_common_pb2.StringList, _Mapping]] = ..., language: _Optional[str] = ..., reading_level: _Optional[_Union[ReadingLevel, str]] = ..., goals: _Optional[_Union[_common_pb2.StringList, _Mapping]] = ..., challenges: _Optional[_Union[_common_pb2.StringList, _Mapping]] = ..., industry: _Optional[str] = ..., if_match: _Optional[str] = ...) -> None: ...

class UpdateTargetAudienceResponse(_message.Message):
    __slots__ = ("target_audience",)
    TARGET_AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    target_audience: TargetAudience
    def __init__(self, target_audience: _Optional[_Union[TargetAudience, _Mapping]] = ...) -> None: ...

class DeleteTargetAudienceRequest(_message.Message):
    __slots__ = ("target_audience_id", "if_match")
    TARGET_AUDIENCE_ID_FIELD_NUMBER: _ClassVar[int]
    IF_MATCH_FIELD_NUMBER: _ClassVar[int]
    target_audience_id: str
    if_match: str
    def __init__(self, target_audience_id: _Optional[str] = ..., if_match: _Optional[str] = ...) -> None: ...

class DeleteTargetAudienceResponse(_message.Message):
    __slots__ = ("detached_course_count",)
    DETACHED_COURSE_COUNT_FIELD_NUMBER: _ClassVar[int]
    detached_course_count: int
    def __init__(self, detached_course_count: _Optional[int] = ...) -> None: ...

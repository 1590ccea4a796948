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

class AiProvider(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AI_PROVIDER_UNSPECIFIED: _ClassVar[AiProvider]
    AI_PROVIDER_GEMINI: _ClassVar[AiProvider]

class AiKeyStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AI_KEY_STATUS_UNSPECIFIED: _ClassVar[AiKeyStatus]
    AI_KEY_STATUS_MISSING: _ClassVar[AiKeyStatus]
    AI_KEY_STATUS_VALID: _ClassVar[AiKeyStatus]
    AI_KEY_STATUS_INVALID: _ClassVar[AiKeyStatus]
    AI_KEY_STATUS_QUOTA_EXCEEDED: _ClassVar[AiKeyStatus]
AI_PROVIDER_UNSPECIFIED: AiProvider
AI_PROVIDER_GEMINI: AiProvider
AI_KEY_STATUS_UNSPECIFIED: AiKeyStatus
AI_KEY_STATUS_MISSING: AiKeyStatus
AI_KEY_STATUS_VALID: AiKeyStatus
AI_KEY_STATUS_INVALID: AiKeyStatus
AI_KEY_STATUS_QUOTA_EXCEEDED: AiKeyStatus

class AISettings(_message.Message):
    __slots__ = ("provider", "model", "api_key_mask", "has_key", "key_status", "key_checked_at", "updated_at", "updated_by")
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    API_KEY_MASK_FIELD_NUMBER: _ClassVar[int]
    HAS_KEY_FIELD_NUMBER: _ClassVar[int]
    KEY_STATUS_FIELD_NUMBER: _ClassVar[int]
    KEY_CHECKED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_BY_FIELD_NUMBER: _ClassVar[int]
    provider: AiProvider
    model: str
    api_key_mask: str
    has_key: bool
    key_status: AiKeyStatus
    key_checked_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    updated_by: _common_pb2.UserSummary
    def __init__(self, provider: _Optional[_Union[AiProvider, str]] = ..., model: _Optional[str] = ..., api_key_mask: _Optional[str] = ..., has_key: _Optional[bool] = ..., key_status: _Optional[_Union[AiKeyStatus, str]] = ..., key_checked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_by: _Optional[_Union[_common_pb2.UserSummary, _Mapping]] = ...) -> None: ...

class AIModel(_message.Message):
    __slots__ = ("id", "display_name", "description", "input_token_limit", "output_token_limit", "recommended", "supports_images")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    INPUT_TOKEN_LIMIT_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_TOKEN_LIMIT_FIELD_NUMBER: _ClassVar[int]
    RECOMMENDED_FIELD_NUMBER: _ClassVar[int]
    SUPPORTS_IMAGES_FIELD_NUMBER: _ClassVar[int]
    id: str
    display_name: str
    description: str
    input_token_limit: int
    output_token_limit: int
    recommended: bool
    supports_images: bool
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., description: _Optional[str] = ..., input_token_limit: _Optional[int] = ..., output_token_limit: _Optional[int] = ..., recommended: _Optional[bool] = ..., supports_images: _Optional[bool] = ...) -> None: ...

class GetAISettingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetAISettingsResponse(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: AISettings
    def __init__(self, settings: _Optional[_Union[AISettings, _Mapping]] = ...) -> None: ...

class UpdateAISettingsRequest(_message.Message):
    __slots__ = ("provider", "api_key", "model")
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    API_KEY_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    provider: AiProvider
    api_key: str
    model: str
    def __init__(self, provider: _Optional[_Union[AiProvider, str]] = ..., api_key: _Optional[str] = ..., model: _Optional[str] = ...) -> None: ...

class UpdateAISettingsResponse(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: AISettings
    def __init__(self, settings: _Optional[_Union[AISettings, _Mapping]] = ...) -> None: ...

class DeleteAIKeyRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteAIKeyResponse(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: AISettings
    def __init__(self, settings: _Optional[_Union[AISettings, _Mapping]] = ...) -> None: ...

class ListAvailableModelsRequest(_message.Message):
    __slots__ = ("provider",)
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    provider: AiProvider
    def __init__(self, provider: _Optional[_Union[AiProvider, str]] = ...) -> None: ...

class ListAvailableModelsResponse(_message.Message):
    __slots__ = ("models", "default_model")
    MODELS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_MODEL_FIELD_NUMBER: _ClassVar[int]
    models: _containers.RepeatedCompositeFieldContainer[AIModel]
    default_model: str
    def __init__(self, models: _Optional[_Iterable[_Union[AIModel, _Mapping]]] = ..., default_model: _Optional[str] = ...) -> None: ...

"""The only builder of object-storage keys.

Every key is ``<tenant_id>/...`` exactly as ARCHITECTURE.md §7 lays out; the
adapter prepends the base path (``S3_BASE_PATH``, ``data``)::

    <tenant>/courses/<course_id>/content.json
    <tenant>/courses/<course_id>/versions/<version_no>.json
    <tenant>/sme/<sme_id>/knowledge.json
    <tenant>/sme/<sme_id>/files/<name>
    <tenant>/lessons/<lesson_id>/content.json
    <tenant>/exports/<export_id>.zip
    <tenant>/submissions/<submission_id>/files/<name>
    <tenant>/users/<user_id>/avatar
    <tenant>/company/logo

Ids are parsed as UUIDs and file names are checked (no separators, no ``..``,
no control characters, at most 255 UTF-8 bytes), so no caller can build a key
outside its tenant's prefix. Invalid input raises ``InvalidArgument`` naming
the offending field. Prefix builders end in ``/`` so ``<id>`` never matches
``<id>-something``.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass

from common.errors import InvalidArgument
from common.identifiers import canonical_uuid

Id = uuid.UUID | str

MAX_FILE_NAME_BYTES = 255


def file_name(name: str, *, field: str = "file_name") -> str:
    """``name`` if it is safe as the last segment of a key, else ``InvalidArgument``."""
    if not isinstance(name, str) or not name or name != name.strip():
        raise InvalidArgument("must be a non-empty name without surrounding spaces", field=field)
    if len(name.encode("utf-8")) > MAX_FILE_NAME_BYTES:
        raise InvalidArgument(f"must be at most {MAX_FILE_NAME_BYTES} bytes", field=field)
    if "/" in name or "\\" in name or ".." in name or name == ".":
        raise InvalidArgument("must not contain '/', '\\' or '..'", field=field)
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in name):
        raise InvalidArgument("must not contain control characters", field=field)
    return name


def tenant_prefix(tenant_id: Id) -> str:
    """Everything a tenant owns; for tenant deletion and export."""
    return f"{canonical_uuid(tenant_id, field='tenant_id')}/"


def course_prefix(tenant_id: Id, course_id: Id) -> str:
    """The course's content and all its versions; for deleting a course."""
    return f"{tenant_prefix(tenant_id)}courses/{canonical_uuid(course_id, field='course_id')}/"


def course_content(tenant_id: Id, course_id: Id) -> str:
    return f"{course_prefix(tenant_id, course_id)}content.json"


def course_versions_prefix(tenant_id: Id, course_id: Id) -> str:
    return f"{course_prefix(tenant_id, course_id)}versions/"


def course_version(tenant_id: Id, course_id: Id, version_no: int) -> str:
    if isinstance(version_no, bool) or not isinstance(version_no, int) or version_no < 1:
        raise InvalidArgument("must be a positive whole number", field="version_no")
    return f"{course_versions_prefix(tenant_id, course_id)}{version_no}.json"


def sme_prefix(tenant_id: Id, sme_id: Id) -> str:
    return f"{tenant_prefix(tenant_id)}sme/{canonical_uuid(sme_id, field='sme_id')}/"


def sme_knowledge(tenant_id: Id, sme_id: Id) -> str:
    return f"{sme_prefix(tenant_id, sme_id)}knowledge.json"


def sme_file(tenant_id: Id, sme_id: Id, name: str) -> str:
    """An uploaded source document of an SME."""
    return f"{sme_prefix(tenant_id, sme_id)}files/{file_name(name)}"


def lesson_prefix(tenant_id: Id, lesson_id: Id) -> str:
    return f"{tenant_prefix(tenant_id)}lessons/{canonical_uuid(lesson_id, field='lesson_id')}/"


def lesson_content(tenant_id: Id, lesson_id: Id) -> str:
    return f"{lesson_prefix(tenant_id, lesson_id)}content.json"


def lesson_file(tenant_id: Id, lesson_id: Id, name: str) -> str:
    """A generated asset of a lesson (image, audio, ...)."""
    return f"{lesson_prefix(tenant_id, lesson_id)}{file_name(name)}"


def exports_prefix(tenant_id: Id) -> str:
    return f"{tenant_prefix(tenant_id)}exports/"


def export_archive(tenant_id: Id, export_id: Id) -> str:
    return f"{exports_prefix(tenant_id)}{canonical_uuid(export_id, field='export_id')}.zip"


def submission_files_prefix(tenant_id: Id, submission_id: Id) -> str:
    sid = canonical_uuid(submission_id, field="submission_id")
    return f"{tenant_prefix(tenant_id)}submissions/{sid}/files/"


def submission_file(tenant_id: Id, submission_id: Id, name: str) -> str:
    return f"{submission_files_prefix(tenant_id, submission_id)}{file_name(name)}"


def user_avatar(tenant_id: Id, user_id: Id) -> str:
    return f"{tenant_prefix(tenant_id)}users/{canonical_uuid(user_id, field='user_id')}/avatar"


def company_logo(tenant_id: Id) -> str:
    return f"{tenant_prefix(tenant_id)}company/logo"


@dataclass(frozen=True)
class UploadDestination:
    """What a browser-uploaded key is for: ``kind`` names the route in ``functions/uploads``."""

    kind: str  # "avatar" | "logo" | "submission"
    tenant_id: uuid.UUID
    owner_id: uuid.UUID | None  # the user (avatar) or submission; None for the logo
    file_name: str | None  # the submission file's name


def upload_destination(key: str) -> UploadDestination | None:
    """The destination ``key`` (relative) was built as, or None when it is no upload key."""
    try:
        tenant = uuid.UUID(tenant_of(key))
    except InvalidArgument:
        return None
    parts = key.split("/")[1:]
    try:
        if len(parts) == 3 and parts[0] == "users" and parts[2] == "avatar":
            owner = uuid.UUID(canonical_uuid(parts[1], field="user_id"))
            if user_avatar(tenant, owner) == key:
                return UploadDestination("avatar", tenant, owner, None)
        if parts == ["company", "logo"]:
            return UploadDestination("logo", tenant, None, None)
        if len(parts) == 4 and parts[0] == "submissions" and parts[2] == "files":
            owner = uuid.UUID(canonical_uuid(parts[1], field="submission_id"))
            if submission_file(tenant, owner, parts[3]) == key:
                return UploadDestination("submission", tenant, owner, parts[3])
    except InvalidArgument:
        return None
    return None


def tenant_of(key: str) -> str:
    """The tenant id that owns ``key`` (relative, as built here), or ``InvalidArgument``.

    The storage adapter uses it to refuse keys that did not come from this module;
    event handlers (MinIO notifications) use it after stripping the base path.
    """
    head, sep, rest = key.partition("/")
    if not sep:
        raise InvalidArgument("object key must start with a tenant id", field="key")
    tenant = canonical_uuid(head, field="key")
    *dirs, last = rest.split("/")
    if tenant != head or ".." in rest or last == "." or any(part in {"", "."} for part in dirs):
        raise InvalidArgument("object key is not a canonical tenant key", field="key")
    return tenant

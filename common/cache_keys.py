"""Tenant-scoped Redis keys: the architecture's key list, each under ``t:<tenant_id>:``.

    library()               t:<tenant>:library:index
    folders()               t:<tenant>:folders:hierarchy
    course(id)              t:<tenant>:course:<id>
    folder_courses(id)      t:<tenant>:folder:<id>:courses
    all_courses()           t:<tenant>:courses:all
    courses_by_status(s)    t:<tenant>:courses:status:<status>
    courses_by_tag(tag)     t:<tenant>:courses:tag:<percent-encoded tag>
    lock(resource, id)      t:<tenant>:lock:<resource>:<id>
    course_guard(id)        t:<tenant>:guard:course:<id>
    library_guard()         t:<tenant>:guard:library

Guards are the generation counters and write fences of ``common.adapters.cache_guards``:
an entry stored under them is served only while none of them has moved.

Ids are canonical UUIDs, statuses are ``[A-Za-z0-9_]``, and tags are percent-encoded
(``urllib.parse.quote(tag, safe="")``), so no key contains a glob character
(``* ? [ ] \\``) or an extra ``:``. Patterns for ``Cache.invalidate_pattern`` are
built only here and always start with the literal ``t:<tenant_id>:``, so they
can never match another tenant's keys.
"""

from __future__ import annotations

import re
import uuid
from urllib.parse import quote

from common.errors import InvalidArgument
from common.identifiers import canonical_uuid

_STATUS = re.compile(r"[A-Za-z0-9_]{1,40}")
_RESOURCE = re.compile(r"[a-z0-9_]{1,40}")
MAX_TAG_CHARS = 100


class CacheKeys:
    """Keys and invalidation patterns of one tenant: ``CacheKeys(principal.tenant_id)``."""

    __slots__ = ("prefix", "tenant_id")

    def __init__(self, tenant_id: uuid.UUID | str) -> None:
        self.tenant_id = canonical_uuid(tenant_id, field="tenant_id")
        self.prefix = f"t:{self.tenant_id}:"

    # Keys -------------------------------------------------------------------
    def library(self) -> str:
        return f"{self.prefix}library:index"

    def folders(self) -> str:
        return f"{self.prefix}folders:hierarchy"

    def course(self, course_id: uuid.UUID | str) -> str:
        return f"{self.prefix}course:{canonical_uuid(course_id, field='course_id')}"

    def folder_courses(self, folder_id: uuid.UUID | str) -> str:
        return f"{self.prefix}folder:{canonical_uuid(folder_id, field='folder_id')}:courses"

    def all_courses(self) -> str:
        return f"{self.prefix}courses:all"

    def courses_by_status(self, status: str) -> str:
        if not isinstance(status, str) or not _STATUS.fullmatch(status):
            raise InvalidArgument("must be letters, digits or '_'", field="status")
        return f"{self.prefix}courses:status:{status}"

    def courses_by_tag(self, tag: str) -> str:
        if not isinstance(tag, str) or not tag or len(tag) > MAX_TAG_CHARS:
            raise InvalidArgument(f"must be 1 to {MAX_TAG_CHARS} characters", field="tag")
        return f"{self.prefix}courses:tag:{quote(tag, safe='')}"

    def lock(self, resource: str, resource_id: uuid.UUID | str) -> str:
        """The distributed-lock key guarding one resource, e.g. ``lock("course", course_id)``."""
        if not _RESOURCE.fullmatch(resource):
            raise ValueError(f"lock resource must match {_RESOURCE.pattern}")
        return f"{self.prefix}lock:{resource}:{canonical_uuid(resource_id, field=f'{resource}_id')}"

    def course_guard(self, course_id: uuid.UUID | str) -> str:
        """Guards the entry of one course: every write to that course moves it."""
        return f"{self.prefix}guard:course:{canonical_uuid(course_id, field='course_id')}"

    def library_guard(self) -> str:
        """Guards every course entry of the tenant: writes that change many courses at once move it."""
        return f"{self.prefix}guard:library"

    # Invalidation patterns (glob syntax of Redis SCAN MATCH) ----------------
    def course_lists_pattern(self) -> str:
        """Every course list: all, by status, by tag. Invalidate after any course write."""
        return f"{self.prefix}courses:*"

    def course_entries_pattern(self) -> str:
        """Every single-course entry. Invalidate when many courses change at once (a folder moves library)."""
        return f"{self.prefix}course:*"

    def folder_course_lists_pattern(self) -> str:
        """Every folder's course list. Invalidate after a course moves or a folder changes."""
        return f"{self.prefix}folder:*:courses"

    def tenant_pattern(self) -> str:
        """Everything the tenant has cached, locks included (tenant deletion, bulk imports)."""
        return f"{self.prefix}*"

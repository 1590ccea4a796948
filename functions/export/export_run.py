"""Building one export (the ``export_course`` job).

1. Claim the export with a lease in a short tenant transaction (the event's tenant: RLS
   hides any other tenant's row, so a forged event claims nothing) and read the course.
2. With no transaction open: read the course version's body from S3, build the file
   into a temporary file on disk (the body is in memory once, the file never), hash it,
   and upload it to ``exports/<export_id>.zip`` (multipart above 8 MiB; an object
   appears only once the whole upload completes).
3. In a second short transaction, only if this run still holds the lease: record size,
   checksum, validation findings and expiry, mark it succeeded, notify the requester.

Uploading before marking succeeded means nothing half-written is ever offered for
download. A failure no retry can fix (a builder the validator refuses, a missing body)
fails the export with a reason a person understands; storage being down puts it back
in the queue and asks the broker to deliver again, until ``MAX_ATTEMPTS`` runs.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, BinaryIO, NoReturn, cast

from common import storage_keys
from common.errors import NotFound, Unavailable
from common.repos.exports import Export
from functions.ai_generation.job_runs import new_worker
from functions.course.model import Content, content_from_json
from functions.export.formats import FORMATS, BuilderMissing, Format, builder_of
from functions.export.options import options_from_json
from functions.export.package_input import PackageCourse
from functions.notification.notify import Resource, notify

log = logging.getLogger("mirai.export")

# Longer than the job's 300 s function timeout: a killed run's export is picked up after it.
LEASE_SECONDS = 330
MAX_ATTEMPTS = 3
FILE_DAYS = 30
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Failure:
    message: str
    findings: tuple[str, ...] = ()


GAVE_UP = Failure(f"the export stopped without finishing {MAX_ATTEMPTS} times; export the course again")


@dataclass(frozen=True)
class Built:
    size_bytes: int
    checksum_sha256: str


def _claim(container: Any, tenant_id: uuid.UUID, export_id: uuid.UUID, worker: str) -> tuple[Export, Any] | str:
    with container.db.tenant_session(tenant_id) as uow:
        export = uow.exports.claim(export_id, lease_seconds=LEASE_SECONDS, worker=worker)
        if export is None:
            return "not claimed"
        course = uow.courses.get(export.course_id, include_deleted=True)
    return export, course


def run_export(container: Any, *, tenant_id: uuid.UUID, export_id: uuid.UUID) -> str:
    """Runs the export if this call can claim it; answers what happened (for logs and tests)."""
    worker = new_worker()
    claimed = _claim(container, tenant_id, export_id, worker)
    if isinstance(claimed, str):
        return claimed
    export, course = claimed
    if export.attempt > MAX_ATTEMPTS:
        return _fail(container, export, worker, GAVE_UP)
    fmt = FORMATS[export.format]
    try:
        content = _read_body(container, export)
    except NotFound:
        return _fail(container, export, worker, Failure(
            f"version {export.course_version} of the course has no content in storage; export another version"))
    except Unavailable:
        return _requeue(container, export, worker)
    package = PackageCourse(id=str(course.id), title=export.course_title, description=course.description,
                            language=course.language, version=export.course_version, content=content)
    key = storage_keys.export_archive(export.tenant_id, export.id)
    with tempfile.TemporaryFile(prefix="mirai-export-") as spool:
        out = cast(BinaryIO, spool)
        outcome = _build(fmt, package, export, out)
        if isinstance(outcome, Failure):
            return _fail(container, export, worker, outcome)
        try:
            container.storage.upload_file(key, out, fmt.content_type)
        except Unavailable:
            return _requeue(container, export, worker)
    return _succeed(container, export, worker, outcome, object_key=container.storage.full_key(key))


def _read_body(container: Any, export: Export) -> Content:
    key = storage_keys.course_version(export.tenant_id, export.course_id, export.course_version)
    return content_from_json(container.storage.get_json(key))


def _build(fmt: Format, package: PackageCourse, export: Export, out: BinaryIO) -> Built | Failure:
    try:
        builder = builder_of(fmt)
    except BuilderMissing:
        return Failure(f"{_label(fmt)} exports are not available in this version of Mirai yet")
    try:
        builder(package, options_from_json(export.options), out)
    except Exception as err:  # a builder's defect must fail this export, not retry it forever
        findings = _findings(err)
        if findings is not None:
            return Failure(f"the {_label(fmt)} package did not pass validation: {'; '.join(findings)[:1500]}",
                           findings=tuple(findings))
        log.exception("export %s: the %s builder failed (%s)", export.id, fmt.name, type(err).__name__)
        return Failure(f"the {_label(fmt)} file could not be built because of an internal error; it has been logged")
    out.flush()
    out.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := out.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    if size == 0:
        return Failure(f"the {_label(fmt)} builder wrote an empty file")
    return Built(size_bytes=size, checksum_sha256=digest.hexdigest())


def _findings(err: Exception) -> list[str] | None:
    """The validator's findings when ``err`` is the packages' PackageInvalid."""
    try:
        from functions.export.packages import PackageInvalid  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    if isinstance(err, PackageInvalid):
        return [str(f) for f in err.findings]
    return None


def _label(fmt: Format) -> str:
    return {"scorm_12": "SCORM 1.2", "scorm_2004": "SCORM 2004", "xapi": "xAPI", "cmi5": "cmi5", "pdf": "PDF"}[fmt.name]


def _succeed(container: Any, export: Export, worker: str, built: Built, *, object_key: str) -> str:
    expires = datetime.now(UTC) + timedelta(days=FILE_DAYS)
    with container.db.tenant_session(export.tenant_id, export.requested_by) as uow:
        finished = uow.exports.finish(export.id, worker=worker, values={
            "status": "succeeded", "object_key": object_key, "size_bytes": built.size_bytes,
            "checksum_sha256": built.checksum_sha256, "validation": [], "error_message": None,
            "file_expires_at": expires,
        })
        if finished is None:
            # Another run holds the export now; it writes the same key and records it itself.
            log.info("export %s: lease lost; result discarded", export.id)
            return "stale"
        if export.requested_by is not None:
            notify(uow, user_id=export.requested_by, type="export_ready", title="Your export is ready",
                   message=f"“{export.course_title[:150]}” ({_label(FORMATS[export.format])}) is ready to download.",
                   link=f"/courses/{export.course_id}", resource=Resource(type="export", id=export.id,
                                                                          course_id=export.course_id))
    return "succeeded"


def _fail(container: Any, export: Export, worker: str, failure: Failure) -> str:
    with container.db.tenant_session(export.tenant_id, export.requested_by) as uow:
        finished = uow.exports.finish(export.id, worker=worker, values={
            "status": "failed", "error_message": failure.message[:2000], "validation": list(failure.findings),
        })
        if finished is None:
            return "stale"
        if export.requested_by is not None:
            notify(uow, user_id=export.requested_by, type="export_failed", title="Your export could not be built",
                   message=failure.message[:1000], link=f"/courses/{export.course_id}",
                   resource=Resource(type="export", id=export.id, course_id=export.course_id))
    log.warning("export %s failed (%s, attempt %d)", export.id, export.format, export.attempt)
    return "failed"


def _requeue(container: Any, export: Export, worker: str) -> NoReturn:
    """Storage is down: give the export back to the queue and have the broker deliver again."""
    with container.db.tenant_session(export.tenant_id, export.requested_by) as uow:
        uow.exports.release(export.id, worker=worker)
    raise Unavailable("object storage is unavailable; the export will be retried")

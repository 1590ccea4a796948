"""The local mail sink: a real SMTP server (aiosmtpd) on loopback that keeps every
mail it receives as an ``.eml`` file, for ``make run`` and the tests.

Development only: it accepts any sender and recipient without authentication,
so it refuses to start under Knative.
"""

from __future__ import annotations

import logging
import socket
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger("mirai.local")

LOOPBACK = "127.0.0.1"


class MailFolder:
    """aiosmtpd handler: each accepted mail becomes ``<folder>/<UTC time>-<random>.eml``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        path = self.folder / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
        path.write_bytes(envelope.original_content or envelope.content)
        log.info("mail sink: mail for %d recipient(s) saved at %s", len(envelope.rcpt_tos), path)
        return "250 Message accepted for delivery"

    def mails(self) -> list[Path]:
        """The saved mails, oldest first."""
        return sorted(self.folder.glob("*.eml"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


class MailSink:
    def __init__(self, folder: Path, *, port: int = 0, handler: MailFolder | None = None,
                 under_knative: bool = False, **server_options: Any) -> None:
        if under_knative:
            raise RuntimeError("the local mail sink refuses to run under Knative (K_SERVICE is set)")
        folder.mkdir(parents=True, exist_ok=True)
        self.handler = handler or MailFolder(folder)
        self.port = port or _free_port()
        self._server_options = server_options
        self._controller: Any = None

    @property
    def host(self) -> str:
        return LOOPBACK

    def start(self) -> MailSink:
        from aiosmtpd.controller import Controller

        # aiosmtpd logs every SMTP command (addresses included) at INFO; the runner logs each saved file instead.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        self._controller = Controller(self.handler, hostname=LOOPBACK, port=self.port, **self._server_options)
        self._controller.start()
        log.info("local mail sink on %s:%d, mails kept under %s", LOOPBACK, self.port, self.handler.folder)
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def mails(self) -> list[Path]:
        return self.handler.mails()

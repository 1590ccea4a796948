"""``python -m functions serve``: every target on one port under its real path.

Missing DATABASE_URL / REDIS_URL / S3_ENDPOINT are replaced by embedded
servers whose data lives under ``.mirai/``; migrations are applied before the
port opens. Ctrl-C, SIGTERM or SIGHUP stops the server and everything it started.
While it runs it owns its data dir (``runner_state``), so ``dev-session`` and
``migrate`` use its services instead of starting their own.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common.config import ConfigError, Settings
from common.rpc.http import plain_response
from functions import registry
from functions.bootstrap import Container
from functions.entrypoints import build_wsgi_app
from functions.local import embedded
from functions.local.broker import BROKER_PATH
from functions.local.seaweedfs_events import PATH as SEAWEEDFS_EVENTS_PATH
from functions.local.seaweedfs_events import seaweedfs_events

if TYPE_CHECKING:
    from functions.local.broker import LocalBroker

log = logging.getLogger("mirai.local")


def _local_secret(path: Path) -> str:
    """A random secret kept under the data dir, created on first use (0600)."""
    import os
    import secrets

    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(24)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    return value


def _local_encryption_key(path: Path) -> bytes:
    """32 random bytes kept under the data dir (0600), created on first use."""
    import base64

    from functions.local.key_files import load_or_create_key

    return load_or_create_key(path, encode=lambda key: base64.b64encode(key).decode("ascii"), decode=base64.b64decode)


def embedded_s3(settings: Settings, stack: ExitStack, data_dir: Path) -> dict[str, Any]:
    """SeaweedFS under the data dir, reporting uploads to this runner with a fresh bearer token
    (never under K_SERVICE). The settings changes that point the runner at it."""
    import secrets
    from dataclasses import replace

    from functions.local.seaweedfs import Notifications

    access_key = settings.s3.access_key or "local"
    secret_key = settings.s3.secret_key or _local_secret(data_dir / "s3-secret-key")
    changes: dict[str, Any] = {}
    notifications = None
    if not settings.under_knative:
        token = secrets.token_urlsafe(32)
        notifications = Notifications(f"http://127.0.0.1:{settings.port}{SEAWEEDFS_EVENTS_PATH}", token, settings.s3.bucket)
        changes["seaweedfs_events_token"] = token
    endpoint = embedded.start_s3(data_dir, stack, access_key=access_key, secret_key=secret_key, notifications=notifications)
    changes["s3"] = replace(settings.s3, endpoint=endpoint, access_key=access_key, secret_key=secret_key)
    return changes


def _embedded_database(settings: Settings, stack: ExitStack, data_dir: Path) -> dict[str, Any]:
    """With no DATABASE_URL, the embedded PostgreSQL: migrations run as its superuser and
    handlers log in as mirai_app (password kept under the data dir), so RLS applies
    locally exactly as deployed."""
    if settings.database_url:
        return {}
    from common.db.urls import APP_ROLE, with_login

    superuser = embedded.start_postgres(data_dir, stack)
    password = settings.app_db_password or _local_secret(data_dir / "app-db-password")
    return {
        "migration_database_url": superuser,
        "app_db_password": password,
        "database_url": with_login(superuser, APP_ROLE, password),
    }


def _dev_identity(settings: Settings, data_dir: Path) -> dict[str, Any]:
    if settings.kratos_url or settings.dev_identity_key_file:
        return {}
    from functions.local.dev_identity import KEY_FILE

    return {"dev_identity_key_file": str(data_dir / KEY_FILE)}


def prepare(settings: Settings, stack: ExitStack, data_dir: Path) -> Settings:
    """Fill in embedded services for whatever URL is missing, then migrate."""
    changes: dict[str, Any] = {"local_mode": True, **_embedded_database(settings, stack, data_dir)}
    changes.update(_dev_identity(settings, data_dir))
    if settings.encryption_key is None:
        # Local data only: a key of its own under the data dir, so AI keys set locally survive restarts.
        changes["encryption_key"] = _local_encryption_key(data_dir / "encryption-key")
    if not settings.redis_url and settings.cache_enabled:
        changes["redis_url"] = embedded.start_redis(data_dir, stack)
    if not settings.s3.endpoint:
        changes.update(embedded_s3(settings, stack, data_dir))
    if not settings.smtp.host:
        changes["smtp"] = embedded.start_mail_sink(data_dir, stack, settings)
    settings = settings.with_overrides(**changes)
    from common.db.migrate import upgrade

    upgrade(settings)
    return settings


def _busy(data_dir: Path) -> str:
    return f"{data_dir}/ is in use by another runner or local command (see {data_dir}/log/); stop it or pass --data-dir"


def beside_runner(settings: Settings, stack: ExitStack, data_dir: Path, *, wait_seconds: float = 60) -> Settings:
    """The database and dev-session key for a local command (dev-session, migrate).

    A live runner's own, when one serves ``data_dir``: nothing is started, so nothing of
    the runner's is stopped afterwards. Otherwise this command owns the data dir until
    ``stack`` closes: it starts the embedded PostgreSQL if it needs one (never Redis or
    S3, which it does not use), migrates, and stops only that. A runner still starting,
    or another command, is waited for."""
    import time

    from functions.local import runner_state

    deadline = time.monotonic() + wait_seconds
    waiting = False
    while True:
        runner = runner_state.live_runner(data_dir)
        if runner is not None:
            return settings.with_overrides(
                local_mode=True, database_url=runner.database_url,
                migration_database_url=runner.migration_database_url,
                dev_identity_key_file=runner.dev_identity_key_file,
            )
        lock = runner_state.DataDirLock(data_dir)
        if lock.try_acquire():
            stack.callback(lock.release)
            changes = {"local_mode": True, **_embedded_database(settings, stack, data_dir), **_dev_identity(settings, data_dir)}
            settings = settings.with_overrides(**changes)
            from common.db.migrate import upgrade

            upgrade(settings)
            return settings
        if time.monotonic() >= deadline:
            raise ConfigError(_busy(data_dir))
        if not waiting:
            log.warning("%s/ is busy (a runner starting, or another command); waiting", data_dir)
            waiting = True
        time.sleep(0.2)


KNATIVE_DIR = Path(__file__).resolve().parents[2] / "knative"


class Dispatcher:
    """Routes a request to its target's application, built on first use; ``/_broker/…``
    to the local broker when there is one; ``POST /_seaweedfs/events`` to the embedded
    SeaweedFS's upload notifications when the runner started it (never under K_SERVICE)."""

    def __init__(self, container: Container, *, broker: LocalBroker | None = None) -> None:
        self.container = container
        self.broker = broker
        self.routes = {t.path: t for t in registry.all_targets() if t.path}
        self._by_k8s_name = {t.k8s_name: t for t in registry.all_targets()}
        self._apps: dict[str, Any] = {}
        self._lock = threading.Lock()
        settings = container.settings
        self.seaweedfs_events = bool(settings.seaweedfs_events_token) and not settings.under_knative

    def app_for_target(self, target: registry.Target) -> Any:
        with self._lock:
            if target.name not in self._apps:
                self._apps[target.name] = build_wsgi_app(target, self.container)
            return self._apps[target.name]

    def seaweedfs_events_app(self) -> Any:
        with self._lock:
            if SEAWEEDFS_EVENTS_PATH not in self._apps:
                self._apps[SEAWEEDFS_EVENTS_PATH] = seaweedfs_events(self.container.settings, self.container.event_publisher)
            return self._apps[SEAWEEDFS_EVENTS_PATH]

    def app_for_service(self, k8s_name: str) -> Any:
        """The application of the Knative Service named ``k8s_name`` (what a Trigger subscribes)."""
        return self.app_for_target(self._by_k8s_name[k8s_name])

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/health" and environ["REQUEST_METHOD"] == "GET":
            from functions.health.dependencies import check_dependencies

            report = check_dependencies(self.container)
            status = "200 OK" if report.serving else "503 Service Unavailable"
            return plain_response(start_response, status, report.as_dict())
        if self.broker is not None and (path == BROKER_PATH or path.startswith(BROKER_PATH + "/")):
            return self.broker.ingress(environ, start_response)
        if path == SEAWEEDFS_EVENTS_PATH and self.seaweedfs_events:
            build: Callable[[], Any] = self.seaweedfs_events_app
        elif path in self.routes:
            build = partial(self.app_for_target, self.routes[path])
        else:
            return plain_response(start_response, "404 Not Found", {"error": f"no route for {path}"})
        try:
            app = build()
        except ConfigError as err:
            return plain_response(start_response, "503 Service Unavailable", {"error": f"configuration error: {err}"})
        response: Iterable[bytes] = app(environ, start_response)
        return response


def start_broker(
    dispatcher: Dispatcher, stack: ExitStack, *, ingress_token: str, knative_dir: Path = KNATIVE_DIR
) -> LocalBroker:
    """The local broker (taking events at ``/_broker/<ingress_token>`` only) and the
    PingSource schedules, from the generated manifests."""
    from functions.local.broker import LocalBroker, WsgiDelivery, load_rules
    from functions.local.schedules import PingScheduler, load_schedules

    if not (knative_dir / "triggers.yaml").exists():
        raise ConfigError(f"{knative_dir}/ has no generated manifests; run `make manifests`")
    broker = LocalBroker(
        load_rules(knative_dir), deliver=WsgiDelivery(dispatcher.app_for_service), ingress_token=ingress_token
    )
    stack.callback(broker.close)
    dispatcher.broker = broker
    scheduler = PingScheduler(load_schedules(knative_dir), broker.publish)
    scheduler.start()
    stack.callback(scheduler.stop)
    return broker


def serve(settings: Settings, *, host: str = "127.0.0.1", data_dir: Path = Path(".mirai"), log_path: Path | None = None) -> None:
    """Serves until SIGINT, SIGTERM or SIGHUP, then stops everything it started."""
    from functions.local import runner_state, stop_signals
    from functions.local.broker import new_ingress_token, sink_url

    with stop_signals.handled() as signals, ExitStack() as stack:
        lock = runner_state.DataDirLock(data_dir)
        if not lock.try_acquire():
            raise ConfigError(_busy(data_dir))
        stack.callback(lock.release)
        with signals.deferred():
            settings = prepare(settings, stack, data_dir)
        ingress_token = new_ingress_token()
        # Publishing code is the same as on Knative: K_SINK is this runner's own broker.
        settings = settings.with_overrides(k_sink=sink_url(f"http://127.0.0.1:{settings.port}", ingress_token))
        container = Container(settings)
        stack.callback(container.close)
        container.storage.ensure_bucket()
        app = Dispatcher(container)
        start_broker(app, stack, ingress_token=ingress_token)
        server = _listen(app, host, settings.port)
        url = f"http://{host}:{settings.port}"
        runner_state.record(data_dir, runner_state.RunnerState(
            pid=os.getpid(), url=url, database_url=settings.require_database_url(),
            migration_database_url=settings.migration_database_url, redis_url=settings.redis_url,
            s3_endpoint=settings.s3.endpoint, dev_identity_key_file=settings.dev_identity_key_file,
        ))
        stack.callback(runner_state.forget, data_dir)
        rpc_count = sum(1 for t in registry.all_targets() if t.kind == "rpc")
        details = f"; log: {log_path}" if log_path else ""
        print(f"Mirai local runner: {rpc_count} RPC targets on {url} (Ctrl-C stops{details})", flush=True)
        server.run()  # returns on Stopped: waitress treats it as Ctrl-C and shuts its threads down
        print("Mirai local runner: stopping", flush=True)


def _listen(app: Dispatcher, host: str, port: int) -> Any:
    import waitress

    try:
        return waitress.create_server(app, host=host, port=port, threads=16, ident="mirai")
    except OSError as err:
        raise ConfigError(f"PORT: {host}:{port} cannot be opened ({err.strerror}); is another server on it?") from None

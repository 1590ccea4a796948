"""``python -m functions serve``: every target on one port under its real path.

Missing DATABASE_URL / REDIS_URL / S3_ENDPOINT are replaced by embedded
servers whose data lives under ``.mirai/``; migrations are applied before the
port opens. Ctrl-C stops the server and everything it started.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common.config import ConfigError, Settings
from common.rpc.http import plain_response
from functions import registry
from functions.bootstrap import Container
from functions.entrypoints import build_wsgi_app
from functions.local import embedded

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


def prepare(settings: Settings, stack: ExitStack, data_dir: Path) -> Settings:
    """Fill in embedded services for whatever URL is missing, then migrate.

    With the embedded PostgreSQL, migrations run as its superuser and handlers
    log in as mirai_app (password kept under the data dir), so RLS applies
    locally exactly as deployed."""
    changes: dict[str, Any] = {"local_mode": True}
    if not settings.database_url:
        from common.db.urls import APP_ROLE, with_login

        superuser = embedded.start_postgres(data_dir, stack)
        password = settings.app_db_password or _local_secret(data_dir / "app-db-password")
        changes.update(
            migration_database_url=superuser,
            app_db_password=password,
            database_url=with_login(superuser, APP_ROLE, password),
        )
    if not settings.kratos_url and not settings.dev_identity_key_file:
        from functions.local.dev_identity import KEY_FILE

        changes["dev_identity_key_file"] = str(data_dir / KEY_FILE)
    if settings.encryption_key is None:
        # Local data only: a key of its own under the data dir, so AI keys set locally survive restarts.
        changes["encryption_key"] = _local_encryption_key(data_dir / "encryption-key")
    if not settings.redis_url and settings.cache_enabled:
        changes["redis_url"] = embedded.start_redis(data_dir, stack)
    if not settings.s3.endpoint:
        from dataclasses import replace

        changes["s3"] = replace(
            settings.s3,
            endpoint=embedded.start_s3(stack),
            access_key=settings.s3.access_key or "local",
            secret_key=settings.s3.secret_key or "local-secret",
        )
    if not settings.smtp.host:
        changes["smtp"] = embedded.start_mail_sink(data_dir, stack, settings)
    settings = settings.with_overrides(**changes)
    from common.db.migrate import upgrade

    upgrade(settings)
    return settings


BROKER_PATH = "/_broker"
KNATIVE_DIR = Path(__file__).resolve().parents[2] / "knative"


class Dispatcher:
    """Routes a request to its target's application, built on first use; ``POST /_broker``
    to the local broker when there is one."""

    def __init__(self, container: Container, *, broker: LocalBroker | None = None) -> None:
        self.container = container
        self.broker = broker
        self.routes = {t.path: t for t in registry.all_targets() if t.path}
        self._by_k8s_name = {t.k8s_name: t for t in registry.all_targets()}
        self._apps: dict[str, Any] = {}
        self._lock = threading.Lock()

    def app_for_target(self, target: registry.Target) -> Any:
        with self._lock:
            if target.name not in self._apps:
                self._apps[target.name] = build_wsgi_app(target, self.container)
            return self._apps[target.name]

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
        if path == BROKER_PATH and self.broker is not None:
            return self.broker.ingress(environ, start_response)
        if path not in self.routes:
            return plain_response(start_response, "404 Not Found", {"error": f"no route for {path}"})
        try:
            app = self.app_for_target(self.routes[path])
        except ConfigError as err:
            return plain_response(start_response, "503 Service Unavailable", {"error": f"configuration error: {err}"})
        response: Iterable[bytes] = app(environ, start_response)
        return response


def start_broker(dispatcher: Dispatcher, stack: ExitStack, knative_dir: Path = KNATIVE_DIR) -> LocalBroker:
    """The local broker and PingSource schedules from the generated manifests."""
    from functions.local.broker import LocalBroker, WsgiDelivery, load_rules
    from functions.local.schedules import PingScheduler, load_schedules

    if not (knative_dir / "triggers.yaml").exists():
        raise ConfigError(f"{knative_dir}/ has no generated manifests; run `make manifests`")
    broker = LocalBroker(load_rules(knative_dir), deliver=WsgiDelivery(dispatcher.app_for_service))
    stack.callback(broker.close)
    dispatcher.broker = broker
    scheduler = PingScheduler(load_schedules(knative_dir), broker.publish)
    scheduler.start()
    stack.callback(scheduler.stop)
    return broker


def serve(settings: Settings, *, host: str = "127.0.0.1", data_dir: Path = Path(".mirai")) -> None:
    import waitress

    with ExitStack() as stack:
        settings = prepare(settings, stack, data_dir)
        # Publishing code is the same as on Knative: K_SINK is this runner's own broker.
        settings = settings.with_overrides(k_sink=f"http://127.0.0.1:{settings.port}{BROKER_PATH}")
        container = Container(settings)
        stack.callback(container.close)
        container.storage.ensure_bucket()
        app = Dispatcher(container)
        start_broker(app, stack)
        rpc_count = sum(1 for t in registry.all_targets() if t.kind == "rpc")
        print(f"Mirai local runner: {rpc_count} RPC targets on http://{host}:{settings.port} (Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            waitress.serve(app, host=host, port=settings.port, threads=16, ident="mirai", _quiet=True)
        print("Mirai local runner: stopping", flush=True)

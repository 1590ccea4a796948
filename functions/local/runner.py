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
from typing import Any

from common.config import Settings
from common.rpc.http import plain_response
from functions import registry
from functions.bootstrap import Container
from functions.entrypoints import build_wsgi_app
from functions.local import embedded

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
    settings = settings.with_overrides(**changes)
    from common.db.migrate import upgrade

    upgrade(settings)
    return settings


class Dispatcher:
    """Routes a request to its target's application, built on first use."""

    def __init__(self, container: Container) -> None:
        self.container = container
        self.routes = {t.path: t for t in registry.all_targets() if t.path}
        self._apps: dict[str, Any] = {}
        self._lock = threading.Lock()

    def app_for(self, path: str) -> Any:
        with self._lock:
            if path not in self._apps:
                self._apps[path] = build_wsgi_app(self.routes[path], self.container)
            return self._apps[path]

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/health" and environ["REQUEST_METHOD"] == "GET":
            from functions.health.dependencies import check_dependencies

            report = check_dependencies(self.container)
            status = "200 OK" if report.serving else "503 Service Unavailable"
            return plain_response(start_response, status, report.as_dict())
        if path not in self.routes:
            return plain_response(start_response, "404 Not Found", {"error": f"no route for {path}"})
        return self.app_for(path)(environ, start_response)


def serve(settings: Settings, *, host: str = "127.0.0.1", data_dir: Path = Path(".mirai")) -> None:
    import waitress

    with ExitStack() as stack:
        settings = prepare(settings, stack, data_dir)
        container = Container(settings)
        stack.callback(container.close)
        container.storage.ensure_bucket()
        app = Dispatcher(container)
        rpc_count = sum(1 for t in registry.all_targets() if t.kind == "rpc")
        print(f"Mirai local runner: {rpc_count} RPC targets on http://{host}:{settings.port} (Ctrl-C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            waitress.serve(app, host=host, port=settings.port, threads=16, ident="mirai", _quiet=True)
        print("Mirai local runner: stopping", flush=True)

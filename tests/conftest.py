"""Fixtures shared by every tier. Integration and e2e tests get real services."""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from common.config import Settings
from common.db import Database
from common.db.urls import APP_ROLE, with_login
from functions.bootstrap import Container
from tests.fakes.kratos import FakeKratos
from tests.support import services

ALLOWED_ORIGIN = "http://127.0.0.1:3000"
# Trust auth on the loopback test servers ignores it, but the role gets it as deployed.
APP_DB_PASSWORD = "mirai-app-test-password"


@pytest.fixture(scope="session")
def service_stack() -> Iterator[tuple[ExitStack, Path]]:
    # Not pytest's tmp_path: pytest prunes old basetemp folders, and a concurrent
    # run could delete the data directory of this run's embedded servers.
    with ExitStack() as stack:
        folder = Path(tempfile.mkdtemp(prefix="mirai-services-"))
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        yield stack, folder


@pytest.fixture(scope="session")
def kratos() -> Iterator[FakeKratos]:
    """The Kratos fake every authenticated test call goes through (KRATOS_URL of ``settings``)."""
    fake = FakeKratos().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def settings(service_stack: tuple[ExitStack, Path], kratos: FakeKratos) -> Settings:
    """Settings for a migrated, empty database plus Redis and S3 endpoints.

    ``database_url`` logs in as mirai_app (RLS enforced, as deployed);
    ``migration_database_url`` is the owner (the server's superuser)."""
    stack, tmp = service_stack
    owner_url = services.create_database(stack, tmp)
    env = {
        "DATABASE_URL": with_login(owner_url, APP_ROLE, APP_DB_PASSWORD),
        "DATABASE_MIGRATION_URL": owner_url,
        "MIRAI_APP_DB_PASSWORD": APP_DB_PASSWORD,
        "KRATOS_URL": kratos.url,
        "REDIS_URL": services.redis_url(stack, tmp),
        "S3_ENDPOINT": services.s3_endpoint(stack),
        "S3_ACCESS_KEY": "test",
        "S3_SECRET_KEY": "test-secret",
        "ALLOWED_ORIGIN": ALLOWED_ORIGIN,
        "PORT": "8080",
    }
    built = Settings.from_env(env)
    from common.db.migrate import upgrade

    upgrade(built)
    return built


@pytest.fixture(scope="session")
def owner_db(settings: Settings) -> Iterator[Database]:
    """The migration owner's connection, for tests that must seed or inspect across tenants."""
    assert settings.migration_database_url
    db = Database(settings.migration_database_url, pool_size=1)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def container(settings: Settings) -> Iterator[Container]:
    built = Container(settings)
    built.storage.ensure_bucket()
    yield built
    built.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def runner_url(container: Container) -> Iterator[str]:
    """The local runner's dispatcher on a real threaded WSGI server, on a free loopback port."""
    from werkzeug.serving import make_server

    from functions.local.runner import Dispatcher

    # werkzeug's server stops cleanly (shutdown() joins its loop); waitress' close() races its trigger pipe.
    server = make_server("127.0.0.1", free_port(), Dispatcher(container), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)

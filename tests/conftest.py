"""Fixtures shared by every tier. Integration and e2e tests get real services."""

from __future__ import annotations

import base64
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from common import transaction_guard
from common.config import Settings
from common.db import Database
from common.db.urls import APP_ROLE, with_login
from functions.bootstrap import Container
from tests.fakes.event_receiver import EventReceiver, event_receiver
from tests.fakes.kratos import FakeKratos
from tests.support import services
from tests.support.fuzz_seed import FUZZ_SEED
from tests.support.tenants import SeededTenant, provision_tenant

# Outside I/O inside a database transaction fails every test that reaches it.
transaction_guard.enforce()

ALLOWED_ORIGIN = "http://127.0.0.1:3000"
STRIPE_WEBHOOK_SECRET = "whsec_test_runner_0123456789"
MINIO_WEBHOOK_TOKEN = "minio-test-token"
# Trust auth on the loopback test servers ignores it, but the role gets it as deployed.
APP_DB_PASSWORD = "mirai-app-test-password"


def pytest_report_header() -> str:
    return f"RPC fuzzing seed: MIRAI_FUZZ_SEED={FUZZ_SEED} (set it to replay this run)"


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
        "KRATOS_ADMIN_URL": kratos.url,
        "REDIS_URL": services.redis_url(stack, tmp),
        "S3_ENDPOINT": services.s3_endpoint(stack),
        "S3_ACCESS_KEY": "test",
        "S3_SECRET_KEY": "test-secret",
        "ALLOWED_ORIGIN": ALLOWED_ORIGIN,
        "STRIPE_WEBHOOK_SECRET": STRIPE_WEBHOOK_SECRET,
        "MINIO_WEBHOOK_AUTH_TOKEN": MINIO_WEBHOOK_TOKEN,
        # Nothing listens on the discard port: no test can reach the real Gemini API by accident
        # (tests of AI calls point their own container at tests/fakes/gemini.py).
        "GEMINI_API_BASE_URL": "http://127.0.0.1:9",
        # A fresh master key per run: tenant AI keys sealed in one run mean nothing in another.
        "ENCRYPTION_KEY": base64.b64encode(os.urandom(32)).decode(),
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
def event_tap() -> Iterator[EventReceiver]:
    """A real HTTP receiver subscribed to every event on the runner's broker."""
    with event_receiver() as receiver:
        yield receiver


@pytest.fixture(scope="session")
def broker_token() -> str:
    """The capability in the runner's K_SINK: its broker takes events at /_broker/<token> only."""
    from functions.local.broker import new_ingress_token

    return new_ingress_token()


@pytest.fixture(scope="session")
def runner_url(settings: Settings, container: Container, event_tap: EventReceiver, broker_token: str) -> Iterator[str]:
    """The local runner's dispatcher and broker on a real threaded WSGI server, on a free loopback port.

    As under ``make run``, K_SINK is the runner's own broker, which routes by the
    generated Triggers plus one catch-all Trigger to ``event_tap``. Schedules are not started."""
    from werkzeug.serving import make_server

    from events.triggers import Subscriber, TriggerRule
    from functions.local.broker import LocalBroker, WsgiDelivery, load_rules, sink_url
    from functions.local.runner import KNATIVE_DIR, Dispatcher

    port = free_port()
    runner_container = Container(settings.with_overrides(k_sink=sink_url(f"http://127.0.0.1:{port}", broker_token)))
    dispatcher = Dispatcher(runner_container)
    tap = TriggerRule(name="test-tap", subscriber=Subscriber(uri=event_tap.url))
    broker = LocalBroker(
        [*load_rules(KNATIVE_DIR), tap], deliver=WsgiDelivery(dispatcher.app_for_service), ingress_token=broker_token
    )
    dispatcher.broker = broker
    # werkzeug's server stops cleanly (shutdown() joins its loop); waitress' close() races its trigger pipe.
    server = make_server("127.0.0.1", port, dispatcher, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
    broker.close()
    runner_container.close()


@pytest.fixture
def tenant(container: Container) -> SeededTenant:
    """A freshly provisioned tenant for each test (a module that shares one overrides this)."""
    return provision_tenant(container.db)


@pytest.fixture
def other(container: Container) -> SeededTenant:
    """A second tenant, for tests that try to cross the tenant boundary."""
    return provision_tenant(container.db)

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
from functions.bootstrap import Container
from tests.fakes.event_receiver import EventReceiver, event_receiver
from tests.support import services

ALLOWED_ORIGIN = "http://127.0.0.1:3000"
STRIPE_WEBHOOK_SECRET = "whsec_test_runner_0123456789"
MINIO_WEBHOOK_TOKEN = "minio-test-token"


@pytest.fixture(scope="session")
def service_stack() -> Iterator[tuple[ExitStack, Path]]:
    # Not pytest's tmp_path: pytest prunes old basetemp folders, and a concurrent
    # run could delete the data directory of this run's embedded servers.
    with ExitStack() as stack:
        folder = Path(tempfile.mkdtemp(prefix="mirai-services-"))
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        yield stack, folder


@pytest.fixture(scope="session")
def settings(service_stack: tuple[ExitStack, Path]) -> Settings:
    """Settings for a migrated, empty database plus Redis and S3 endpoints."""
    stack, tmp = service_stack
    db_url = services.create_database(stack, tmp)
    env = {
        "DATABASE_URL": db_url,
        "DATABASE_MIGRATION_URL": db_url,
        "REDIS_URL": services.redis_url(stack, tmp),
        "S3_ENDPOINT": services.s3_endpoint(stack),
        "S3_ACCESS_KEY": "test",
        "S3_SECRET_KEY": "test-secret",
        "ALLOWED_ORIGIN": ALLOWED_ORIGIN,
        "STRIPE_WEBHOOK_SECRET": STRIPE_WEBHOOK_SECRET,
        "MINIO_WEBHOOK_AUTH_TOKEN": MINIO_WEBHOOK_TOKEN,
        "PORT": "8080",
    }
    built = Settings.from_env(env)
    from common.db.migrate import upgrade

    upgrade(built)
    return built


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
def runner_url(settings: Settings, container: Container, event_tap: EventReceiver) -> Iterator[str]:
    """The local runner's dispatcher and broker on a real WSGI server, on a free loopback port.

    As under ``make run``, K_SINK is the runner's own broker, which routes by the
    generated Triggers plus one catch-all Trigger to ``event_tap``. Schedules are not started."""
    from waitress.server import create_server

    from events.triggers import Subscriber, TriggerRule
    from functions.local.broker import LocalBroker, WsgiDelivery, load_rules
    from functions.local.runner import BROKER_PATH, KNATIVE_DIR, Dispatcher

    port = free_port()
    runner_container = Container(settings.with_overrides(k_sink=f"http://127.0.0.1:{port}{BROKER_PATH}"))
    dispatcher = Dispatcher(runner_container)
    tap = TriggerRule(name="test-tap", subscriber=Subscriber(uri=event_tap.url))
    broker = LocalBroker([*load_rules(KNATIVE_DIR), tap], deliver=WsgiDelivery(dispatcher.app_for_service))
    dispatcher.broker = broker
    server = create_server(dispatcher, host="127.0.0.1", port=port, threads=8)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=5)
    broker.close()
    runner_container.close()

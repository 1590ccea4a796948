"""A local runner (every target under its path) with its in-process broker, on a free
loopback port, as ``make run`` wires it: K_SINK is the runner's own broker, so outbox
events reach the job targets through the generated Triggers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from common.config import Settings
from functions.bootstrap import Container


@dataclass(frozen=True)
class RunningRunner:
    url: str
    container: Container
    broker: Any


@contextmanager
def running_runner(
    settings: Settings, *, extra_rules: list[Any] | None = None, port: int | None = None, **overrides: Any
) -> Iterator[RunningRunner]:
    from werkzeug.serving import make_server

    from functions.local.broker import LocalBroker, WsgiDelivery, load_rules, new_ingress_token, sink_url
    from functions.local.runner import KNATIVE_DIR, Dispatcher
    from tests.conftest import free_port

    port = port or free_port()
    token = new_ingress_token()
    container = Container(settings.with_overrides(k_sink=sink_url(f"http://127.0.0.1:{port}", token), **overrides))
    container.storage.ensure_bucket()
    dispatcher = Dispatcher(container)
    broker = LocalBroker(
        [*load_rules(KNATIVE_DIR), *(extra_rules or [])], deliver=WsgiDelivery(dispatcher.app_for_service),
        ingress_token=token,
    )
    dispatcher.broker = broker
    server = make_server("127.0.0.1", port, dispatcher, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield RunningRunner(url=f"http://127.0.0.1:{port}", container=container, broker=broker)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        broker.close()
        container.close()

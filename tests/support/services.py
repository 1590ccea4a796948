"""Real services for the test run: PostgreSQL, Redis and an S3 endpoint (moto).

``DATABASE_URL`` / ``REDIS_URL`` name servers to use (CI passes the machine's
superuser URL); without them the embedded servers start. Either way the run gets
a database of its own, created here and dropped at the end, so nothing depends
on state left by hand.
"""

from __future__ import annotations

import os
import uuid
from contextlib import ExitStack
from pathlib import Path

import psycopg

from common.db.urls import with_database
from functions.local import embedded


def create_database(stack: ExitStack, tmp: Path) -> str:
    """An empty database for this run; returns its superuser URL (the migration owner)."""
    server = os.environ.get("DATABASE_URL") or embedded.start_postgres(tmp, stack)
    name = f"mirai_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')

    def drop() -> None:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'drop database if exists "{name}" with (force)')

    stack.callback(drop)
    return with_database(server, name)


def redis_url(stack: ExitStack, tmp: Path) -> str:
    return os.environ.get("REDIS_URL") or embedded.start_redis(tmp, stack)


def s3_endpoint(stack: ExitStack) -> str:
    """moto's in-memory S3 server: enough where a test needs an S3 endpoint and no persistence
    (tests/integration/test_embedded_seaweedfs.py runs the real server ``make run`` uses)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    stack.callback(server.stop)
    host, port = server.get_host_and_port()
    return f"http://{host}:{port}"

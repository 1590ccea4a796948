"""The services one benchmark runs on: a migrated embedded PostgreSQL (or a new database
on DATABASE_URL's server), Redis and an S3 endpoint, all torn down with the stack."""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from pathlib import Path

from common.config import Settings
from common.db.urls import APP_ROLE, with_login
from tests.support import services

APP_PASSWORD = "bench-app-password"


def migrated_settings(stack: ExitStack, *, name: str, env: dict[str, str]) -> tuple[Settings, str]:
    """Settings for the benchmark ``name`` (``env`` adds to or overrides the defaults) and
    the database owner's URL."""
    workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"mirai-bench-{name}-")))
    owner_url = services.create_database(stack, workdir)
    settings = Settings.from_env({
        "DATABASE_URL": with_login(owner_url, APP_ROLE, APP_PASSWORD), "DATABASE_MIGRATION_URL": owner_url,
        "MIRAI_APP_DB_PASSWORD": APP_PASSWORD, "REDIS_URL": services.redis_url(stack, workdir),
        "S3_ENDPOINT": services.s3_endpoint(stack), "S3_ACCESS_KEY": "bench", "S3_SECRET_KEY": "bench-secret",
        **env,
    })
    from common.db.migrate import upgrade

    upgrade(settings)
    return settings, owner_url

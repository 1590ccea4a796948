"""Applies Alembic migrations programmatically (``make migrate``, the local runner, tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from common.config import Settings

_ROOT = Path(__file__).resolve().parent.parent.parent


def alembic_config(url: str, settings: Settings | None = None) -> Config:
    config = Config(str(_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(_ROOT / "migrations"))
    config.attributes["url"] = url
    config.attributes["settings"] = settings
    return config


def upgrade(settings: Settings, revision: str = "head") -> None:
    url = settings.migration_database_url or settings.require_database_url()
    command.upgrade(alembic_config(url, settings), revision)


def downgrade(settings: Settings, revision: str = "base") -> None:
    url = settings.migration_database_url or settings.require_database_url()
    command.downgrade(alembic_config(url, settings), revision)


if __name__ == "__main__":
    import sys

    from common.config import ConfigError

    try:
        upgrade(Settings.from_env(), *(sys.argv[1:2] or ["head"]))
    except ConfigError as err:
        print(f"configuration error: {err}", file=sys.stderr)
        raise SystemExit(2) from None

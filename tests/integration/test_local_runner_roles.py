"""``make run`` with no DATABASE_URL: migrations run as the embedded superuser,
handlers log in as mirai_app, so RLS applies locally as it does when deployed."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import text

from common.config import Settings
from common.db import Database
from functions.local.runner import prepare

pytestmark = pytest.mark.integration


def test_prepare_gives_handlers_the_app_role_and_migrates_as_superuser(settings: Settings, tmp_path: Path) -> None:
    local = settings.with_overrides(database_url=None, migration_database_url=None, app_db_password=None)
    with ExitStack() as stack:
        prepared = prepare(local, stack, tmp_path)
        assert prepared.database_url and prepared.migration_database_url
        assert (tmp_path / "app-db-password").read_text() == prepared.app_db_password
        app = Database(prepared.database_url, pool_size=1)
        owner = Database(prepared.migration_database_url, pool_size=1)
        try:
            with app.engine.connect() as conn:
                who = conn.execute(text("select current_user, rolbypassrls from pg_roles where rolname = current_user")).one()
            with owner.engine.connect() as conn:
                superuser = conn.execute(text("select rolsuper from pg_roles where rolname = current_user")).scalar_one()
                version = conn.execute(text("select version_num from alembic_version")).scalar_one()
        finally:
            app.dispose()
            owner.dispose()
    assert tuple(who) == ("mirai_app", False)
    assert superuser is True
    from alembic.script import ScriptDirectory

    from common.db.migrate import alembic_config

    assert version == ScriptDirectory.from_config(alembic_config(prepared.migration_database_url)).get_current_head()

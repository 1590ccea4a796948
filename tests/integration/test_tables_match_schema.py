"""The Core tables in common/db/tables mirror the migrated schema: same columns,
same nullability. A migration that changes a mirrored table must change its mirror."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from common.db import Database
from common.db.tables import metadata

pytestmark = pytest.mark.integration


def test_every_mirrored_table_matches_the_database(owner_db: Database) -> None:
    inspector = inspect(owner_db.engine)
    for table in metadata.sorted_tables:
        actual = {c["name"]: c["nullable"] for c in inspector.get_columns(table.name)}
        mirrored = {c.name: c.nullable for c in table.columns}
        assert mirrored == actual, table.name

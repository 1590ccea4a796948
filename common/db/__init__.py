"""Database access: the engine and the units of work. Handlers never see a raw connection."""

from common.db.database import Database, sqlalchemy_url

__all__ = ["Database", "sqlalchemy_url"]

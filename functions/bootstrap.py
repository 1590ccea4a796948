"""The composition root: one per process. Adapters are built on first use from
``Settings`` and kept for the instance's life, so a target pays only for what it touches."""

from __future__ import annotations

from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from common.adapters.cache import NoCache, RedisCache
from common.adapters.identity import IdentityProvider
from common.adapters.session_cache import SessionCache
from common.adapters.storage import S3Storage
from common.config import Settings

if TYPE_CHECKING:
    from common.db import Database


class Container:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def db(self) -> Database:
        # SQLAlchemy is the heaviest import a target has; only targets that touch the database pay it.
        from common.db import Database

        return Database(
            self.settings.require_database_url(),
            pool_size=self.settings.db_pool_size,
            statement_timeout_ms=self.settings.db_statement_timeout_ms,
        )

    @cached_property
    def cache(self) -> RedisCache | NoCache:
        if self.settings.cache_enabled and self.settings.redis_url:
            return RedisCache.from_url(self.settings.redis_url)
        return NoCache()

    @cached_property
    def storage(self) -> S3Storage:
        return S3Storage(self.settings.s3)

    @cached_property
    def identity(self) -> IdentityProvider:
        from common.adapters import identity

        if self.settings.kratos_url:
            return identity.KratosIdentity(self.settings.kratos_url, timeout_seconds=self.settings.kratos_timeout_ms / 1000)
        if self.settings.local_mode and self.settings.dev_identity_key_file and not self.settings.under_knative:
            from pathlib import Path

            from functions.local.dev_identity import load_or_create_key

            key = load_or_create_key(Path(self.settings.dev_identity_key_file))
            return identity.DevIdentity(key, under_knative=self.settings.under_knative)
        return identity.MissingIdentity()

    @cached_property
    def session_cache(self) -> SessionCache:
        from common.adapters.session_cache import NoSessionCache, RedisSessionCache

        if self.settings.redis_url and self.settings.auth_cache_ttl_seconds > 0:
            return RedisSessionCache.from_url(self.settings.redis_url)
        return NoSessionCache()

    @cached_property
    def authenticator(self) -> Any:
        from common.rpc.auth import Authenticator

        return Authenticator(
            identity=self.identity, cache=self.session_cache, db=self.db, ttl_seconds=self.settings.auth_cache_ttl_seconds
        )

    def rpc_interceptors(self, target: Any) -> list[Any]:
        """Interceptors after error mapping, in order: authentication and the role check
        for every RPC the access table does not list as public."""
        from functions.access import PUBLIC, access_for

        access = access_for(target.service, target.method)
        if access == PUBLIC:
            return []
        from common.rpc.auth import AuthInterceptor

        return [AuthInterceptor(self.authenticator, required_role=access)]

    def close(self) -> None:
        if "db" in self.__dict__:
            self.db.dispose()
        if "cache" in self.__dict__:
            self.cache.close()
        if "session_cache" in self.__dict__ and hasattr(self.session_cache, "close"):
            self.session_cache.close()


@cache
def container() -> Container:
    return Container(Settings.from_env())

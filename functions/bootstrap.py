"""The composition root: one per process. Adapters are built on first use from
``Settings`` and kept for the instance's life, so a target pays only for what it touches."""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from common.adapters.cache import NoCache, RedisCache
from common.adapters.crypto import KeyRing
from common.adapters.events_publisher import HttpEventPublisher
from common.adapters.gemini import GeminiClient
from common.adapters.identity import IdentityProvider
from common.adapters.mail import SmtpMailer
from common.adapters.session_cache import SessionCache
from common.adapters.storage import S3Storage
from common.config import ConfigError, Settings
from events.outbox import RelayNudge
from events.ports import DeadLetters, EventTransaction, ExpiredRegistrations, OutboxStore

if TYPE_CHECKING:
    from common.adapters.identity_admin import IdentityAdmin
    from common.adapters.payments import StripePayments
    from common.db import Database


log = logging.getLogger("mirai.bootstrap")

READ_ONLY_EXEMPT_SERVICES = frozenset({"BillingService", "AuthService"})


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
            max_overflow=self.settings.db_pool_max_overflow,
            pool_timeout_seconds=self.settings.db_pool_timeout_seconds,
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
    def payments(self) -> StripePayments:
        """Stripe; a FailedPrecondition when STRIPE_SECRET_KEY is not set."""
        from common.adapters.payments import StripePayments

        return StripePayments(self.settings.stripe)

    @cached_property
    def keyring(self) -> KeyRing:
        """Seals tenant secrets (AI keys); a ConfigError when ENCRYPTION_KEY is missing."""
        return KeyRing.from_settings(self.settings)

    @cached_property
    def ai(self) -> GeminiClient:
        """Structured generation; the tenant's API key is passed with every call."""
        return GeminiClient.from_settings(self.settings)

    @cached_property
    def mailer(self) -> SmtpMailer:
        """Outgoing mail (SMTP_*); ``make run`` points it at its local sink when SMTP_HOST is unset."""
        if not self.settings.smtp.host:
            raise ConfigError("SMTP_HOST is required to send mail (`make run` starts a local mail sink without it)")
        return SmtpMailer(self.settings.smtp)

    @cached_property
    def event_publisher(self) -> HttpEventPublisher:
        if not self.settings.k_sink:
            raise ConfigError("K_SINK is required to publish events (Knative's SinkBinding sets it; `make run` sets its own)")
        return HttpEventPublisher(self.settings.k_sink)

    @cached_property
    def relay_nudge(self) -> RelayNudge:
        """Call after committing outbox rows. One quick attempt: the every-minute tick is the safety net."""
        if not self.settings.k_sink:
            return RelayNudge(None)
        return RelayNudge(HttpEventPublisher(self.settings.k_sink, attempts=1, timeout_seconds=2))

    # The event plumbing's ports, backed by PostgreSQL (common/repos/outbox.py).
    @cached_property
    def outbox_store(self) -> OutboxStore:
        from common.repos.outbox import OutboxStore as PostgresOutboxStore

        return PostgresOutboxStore(self.db)

    def event_transactions(self) -> AbstractContextManager[EventTransaction]:
        """A system transaction for consumers whose work has no tenant (and the processed-event mark)."""
        return self.db.system_session()

    @cached_property
    def dead_letters(self) -> DeadLetters:
        from common.repos.outbox import DeadLetterStore

        return DeadLetterStore(self.db)

    @cached_property
    def expired_registrations(self) -> ExpiredRegistrations:
        from common.repos.outbox import RegistrationCleanup

        return RegistrationCleanup(self.db)

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
    def identity_admin(self) -> IdentityAdmin:
        """Makes identities: Kratos' admin API, or local development identities in ``make run``."""
        from common.adapters import identity_admin

        if self.settings.kratos_admin_url:
            return identity_admin.KratosAdmin(self.settings.kratos_admin_url,
                                              timeout_seconds=self.settings.kratos_timeout_ms / 1000)
        if self.settings.local_mode and not self.settings.kratos_url and not self.settings.under_knative:
            return identity_admin.DevIdentityAdmin(under_knative=self.settings.under_knative)
        raise ConfigError("KRATOS_ADMIN_URL is required to create accounts (the Kratos admin API)")

    @cached_property
    def session_cache(self) -> SessionCache:
        from common.adapters.session_cache import NoSessionCache, RedisSessionCache

        # One Redis connection pool per instance: sessions share the cache's client.
        if isinstance(self.cache, RedisCache) and self.settings.auth_cache_ttl_seconds > 0:
            return RedisSessionCache(self.cache.client)
        return NoSessionCache()

    @cached_property
    def knowledge_vectors(self) -> bool:
        """Whether the database has pgvector, checked once at start-up (the SME area's
        STARTUP_ADAPTERS). Without it, or when the check fails, search is full-text alone;
        never a reason not to start."""
        from common.errors import AppError
        from common.repos.knowledge_chunks import vector_extension_installed

        try:
            with self.db.system_session() as uow:
                found = vector_extension_installed(uow.session)
        except AppError as err:
            log.warning("pgvector check failed (%s); knowledge search is full-text only", type(err).__name__)
            return False
        # Embeddings are not stored yet (docs/design.md §15): full-text ranking either way.
        log.info("knowledge search: full-text and trigram%s", " (pgvector present, embeddings not stored yet)"
                 if found else " (no pgvector)")
        return found

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

        # A read-only tenant may still read, and renew its plan (billing, its own account).
        writes = not target.read_only and target.service not in READ_ONLY_EXEMPT_SERVICES
        return [AuthInterceptor(self.authenticator, required_role=access, writes=writes)]

    def close(self) -> None:
        if "db" in self.__dict__:
            self.db.dispose()
        if "cache" in self.__dict__:
            self.cache.close()
        if "ai" in self.__dict__:
            self.ai.close()


@cache
def container() -> Container:
    return Container(Settings.from_env())

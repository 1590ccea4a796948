"""Settings read from the environment, once per process.

This is the only module that reads ``os.environ``. Everything else receives a
``Settings`` (or a part of it) from its composition root.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urlsplit


class ConfigError(Exception):
    """A missing or malformed setting. Its message is one line naming the variable."""


_TRUE = {"1", "true", "yes", "on"}

# The usual dev-server origins (React/Next on 3000, Vite on 5173): a frontend started
# beside `make run` works without configuration. Local mode only, never under Knative.
LOCAL_DEV_ORIGINS = (
    "http://localhost:3000", "http://127.0.0.1:3000", "http://localhost:5173", "http://127.0.0.1:5173",
)
_FALSE = {"0", "false", "no", "off"}


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _int(env: Mapping[str, str], name: str, default: int, *, lo: int = 0, hi: int = 2**31) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if not lo <= value <= hi:
        raise ConfigError(f"{name} must be between {lo} and {hi}, got {value}")
    return value


def _url(env: Mapping[str, str], name: str, schemes: tuple[str, ...]) -> str | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    located = parts.netloc or parts.query or (parts.scheme == "unix" and parts.path)
    if parts.scheme not in schemes or not located:
        raise ConfigError(f"{name} must be a URL starting with {' or '.join(s + '://' for s in schemes)}")
    return raw


def _str(env: Mapping[str, str], name: str, default: str | None = None) -> str | None:
    raw = env.get(name, "").strip()
    return raw or default


def parse_encryption_key(name: str, raw: str) -> bytes:
    """A 256-bit key, given as 64 hex digits or as base64 of 32 bytes."""
    candidates: list[bytes] = []
    with contextlib.suppress(ValueError):
        candidates.append(bytes.fromhex(raw))
    with contextlib.suppress(binascii.Error, ValueError):
        candidates.append(base64.b64decode(raw, validate=True))
    for key in candidates:
        if len(key) == 32:
            return key
    raise ConfigError(f"{name} must be 32 bytes given as 64 hex digits or base64 (generate one with: openssl rand -base64 32)")


@dataclass(frozen=True)
class S3Settings:
    endpoint: str | None
    region: str
    access_key: str | None
    secret_key: str | None = field(repr=False)
    bucket: str
    base_path: str
    presign_ttl_seconds: int
    max_body_bytes: int
    # A frozen endpoint must fail a request in seconds: worst case per call is about
    # max_attempts * (connect or read timeout) plus botocore's short backoff.
    connect_timeout_seconds: float = 2.0
    read_timeout_seconds: float = 4.0
    max_attempts: int = 2


@dataclass(frozen=True)
class StripeSettings:
    secret_key: str | None = field(repr=False)
    webhook_secret: str | None = field(repr=False)
    starter_price_id: str | None
    pro_price_id: str | None
    api_base: str | None


SmtpTls = Literal["none", "starttls", "tls"]
SMTP_TLS_MODES: tuple[SmtpTls, ...] = ("none", "starttls", "tls")


@dataclass(frozen=True)
class SmtpSettings:
    host: str | None
    port: int
    username: str | None
    password: str | None = field(repr=False)
    sender: str
    tls: SmtpTls = "none"
    timeout_seconds: int = 10


def _smtp_tls(env: Mapping[str, str], port: int) -> SmtpTls:
    """SMTP_TLS, or what the port conventionally means: 465 implicit TLS, 587 STARTTLS, else none."""
    raw = env.get("SMTP_TLS", "").strip().lower()
    if not raw:
        return "tls" if port == 465 else "starttls" if port == 587 else "none"
    for mode in SMTP_TLS_MODES:
        if raw == mode:
            return mode
    raise ConfigError(f"SMTP_TLS must be one of {', '.join(SMTP_TLS_MODES)}, got {raw!r}")


def _smtp(env: Mapping[str, str]) -> SmtpSettings:
    port = _int(env, "SMTP_PORT", 1025, lo=1, hi=65535)
    return SmtpSettings(
        host=_str(env, "SMTP_HOST"),
        port=port,
        username=_str(env, "SMTP_USERNAME"),
        password=_str(env, "SMTP_PASSWORD"),
        sender=_str(env, "SMTP_FROM", "Mirai <no-reply@mirai.local>") or "",
        tls=_smtp_tls(env, port),
        timeout_seconds=_int(env, "SMTP_TIMEOUT_SECONDS", 10, lo=1, hi=120),
    )


@dataclass(frozen=True)
class Settings:
    port: int
    database_url: str | None = field(repr=False)
    migration_database_url: str | None = field(repr=False)
    db_pool_size: int
    db_pool_max_overflow: int
    db_pool_timeout_seconds: int
    db_statement_timeout_ms: int
    redis_url: str | None = field(repr=False)
    cache_enabled: bool
    kratos_url: str | None
    kratos_admin_url: str | None
    kratos_timeout_ms: int
    auth_cache_ttl_seconds: int
    allowed_origin: str | None
    frontend_url: str | None
    marketing_url: str | None
    backend_url: str | None
    stripe: StripeSettings
    s3: S3Settings
    smtp: SmtpSettings
    encryption_key: bytes | None = field(repr=False)
    encryption_key_previous: bytes | None = field(repr=False)
    gemini_api_base_url: str | None
    gemini_timeout_seconds: int
    gemini_max_attempts: int
    minio_webhook_auth_token: str | None = field(repr=False)
    k_sink: str | None = field(repr=False)  # locally it carries the broker's ingress token
    k_service: str | None
    app_db_password: str | None = field(repr=False)
    dev_identity_key_file: str | None
    local_mode: bool
    local_data_dir: str
    version: str
    submission_max_bytes: int = 100 * 1024 * 1024
    """SME_SUBMISSION_MAX_BYTES: the largest SME document an upload URL is made for and accepted."""
    seaweedfs_events_token: str | None = field(default=None, repr=False)
    """Set by the local runner when it starts SeaweedFS (never read from the environment)."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        enc = _str(env, "ENCRYPTION_KEY")
        enc_prev = _str(env, "ENCRYPTION_KEY_PREVIOUS")
        return cls(
            port=_int(env, "PORT", 8080, lo=1, hi=65535),
            database_url=_url(env, "DATABASE_URL", ("postgresql", "postgres", "postgresql+psycopg")),
            migration_database_url=_url(env, "DATABASE_MIGRATION_URL", ("postgresql", "postgres", "postgresql+psycopg")),
            db_pool_size=_int(env, "DB_POOL_SIZE", 4, lo=1, hi=50),
            db_pool_max_overflow=_int(env, "DB_POOL_MAX_OVERFLOW", 4, lo=0, hi=50),
            db_pool_timeout_seconds=_int(env, "DB_POOL_TIMEOUT_SECONDS", 5, lo=1, hi=60),
            db_statement_timeout_ms=_int(env, "DB_STATEMENT_TIMEOUT_MS", 15000, lo=100),
            redis_url=_url(env, "REDIS_URL", ("redis", "rediss", "unix")),
            cache_enabled=_bool(env, "ENABLE_REDIS_CACHE", True),
            kratos_url=_url(env, "KRATOS_URL", ("http", "https")),
            kratos_admin_url=_url(env, "KRATOS_ADMIN_URL", ("http", "https")),
            kratos_timeout_ms=_int(env, "KRATOS_TIMEOUT_MS", 2000, lo=100, hi=30000),
            # A revoked session keeps working at most this long; never more than a minute.
            auth_cache_ttl_seconds=_int(env, "AUTH_SESSION_CACHE_TTL_SECONDS", 60, lo=0, hi=60),
            allowed_origin=_str(env, "ALLOWED_ORIGIN"),
            frontend_url=_url(env, "FRONTEND_URL", ("http", "https")),
            marketing_url=_url(env, "MARKETING_URL", ("http", "https")),
            backend_url=_url(env, "BACKEND_URL", ("http", "https")),
            stripe=StripeSettings(
                secret_key=_str(env, "STRIPE_SECRET_KEY"),
                webhook_secret=_str(env, "STRIPE_WEBHOOK_SECRET"),
                starter_price_id=_str(env, "STRIPE_STARTER_PRICE_ID"),
                pro_price_id=_str(env, "STRIPE_PRO_PRICE_ID"),
                api_base=_url(env, "STRIPE_API_BASE", ("http", "https")),
            ),
            s3=S3Settings(
                endpoint=_url(env, "S3_ENDPOINT", ("http", "https")),
                region=_str(env, "S3_REGION", "us-east-1") or "us-east-1",
                access_key=_str(env, "S3_ACCESS_KEY"),
                secret_key=_str(env, "S3_SECRET_KEY"),
                bucket=_str(env, "S3_BUCKET", "mirai") or "mirai",
                base_path=(_str(env, "S3_BASE_PATH", "data") or "data").strip("/"),
                presign_ttl_seconds=_int(env, "S3_PRESIGN_TTL_SECONDS", 900, lo=60, hi=7 * 24 * 3600),
                max_body_bytes=_int(env, "S3_MAX_BODY_BYTES", 5 * 1024 * 1024, lo=1024),
                connect_timeout_seconds=_int(env, "S3_CONNECT_TIMEOUT_MS", 2000, lo=100, hi=60000) / 1000,
                read_timeout_seconds=_int(env, "S3_READ_TIMEOUT_MS", 4000, lo=100, hi=120000) / 1000,
                max_attempts=_int(env, "S3_MAX_ATTEMPTS", 2, lo=1, hi=5),
            ),
            smtp=_smtp(env),
            encryption_key=parse_encryption_key("ENCRYPTION_KEY", enc) if enc else None,
            encryption_key_previous=parse_encryption_key("ENCRYPTION_KEY_PREVIOUS", enc_prev) if enc_prev else None,
            gemini_api_base_url=_url(env, "GEMINI_API_BASE_URL", ("http", "https")),
            gemini_timeout_seconds=_int(env, "GEMINI_TIMEOUT_SECONDS", 120, lo=1, hi=900),
            gemini_max_attempts=_int(env, "GEMINI_MAX_ATTEMPTS", 4, lo=1, hi=10),
            minio_webhook_auth_token=_str(env, "MINIO_WEBHOOK_AUTH_TOKEN"),
            k_sink=_url(env, "K_SINK", ("http", "https")),
            k_service=_str(env, "K_SERVICE"),
            app_db_password=_str(env, "MIRAI_APP_DB_PASSWORD"),
            dev_identity_key_file=_str(env, "MIRAI_DEV_IDENTITY_KEY_FILE"),
            local_mode=_bool(env, "MIRAI_LOCAL", False),
            local_data_dir=_str(env, "MIRAI_DATA_DIR", ".mirai") or ".mirai",
            version=_str(env, "MIRAI_VERSION", "dev") or "dev",
            submission_max_bytes=_int(env, "SME_SUBMISSION_MAX_BYTES", 100 * 1024 * 1024, lo=1024, hi=5 * 1024**3),
        )

    @property
    def under_knative(self) -> bool:
        return self.k_service is not None

    @property
    def allowed_origins(self) -> tuple[str, ...]:
        """ALLOWED_ORIGIN when set; otherwise, in local mode only, the usual dev-server origins."""
        if self.allowed_origin:
            return tuple(o.strip().rstrip("/") for o in self.allowed_origin.split(",") if o.strip())
        if self.local_mode and not self.under_knative:
            return LOCAL_DEV_ORIGINS
        return ()

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def require_database_url(self) -> str:
        if not self.database_url:
            raise ConfigError("DATABASE_URL is required (e.g. postgresql://mirai_app@127.0.0.1:5432/mirai)")
        return self.database_url

    def require_encryption_key(self) -> bytes:
        if self.encryption_key is None:
            raise ConfigError("ENCRYPTION_KEY is required (32 bytes as base64; openssl rand -base64 32)")
        return self.encryption_key

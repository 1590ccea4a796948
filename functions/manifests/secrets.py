"""Which secrets each target gets, as environment variables, and nothing more.

Secret names and keys follow ARCHITECTURE.md §8; ``mirai-webhook-secret`` is new
(the MinIO webhook's bearer token), and so is
``mirai-smtp-secret`` (the SMTP login; the architecture lists SMTP_* without a secret).
"""

from __future__ import annotations

from typing import Any

from functions.registry import Target

# group → [(env var, secret name, key)]
SECRET_GROUPS: dict[str, list[tuple[str, str, str]]] = {
    "database": [("DATABASE_URL", "mirai-db-secret", "dsn")],
    "stripe_api": [
        ("STRIPE_SECRET_KEY", "mirai-stripe-secret", "secret-key"),
        ("STRIPE_STARTER_PRICE_ID", "mirai-stripe-secret", "starter-price-id"),
        ("STRIPE_PRO_PRICE_ID", "mirai-stripe-secret", "pro-price-id"),
    ],
    "stripe_webhook": [("STRIPE_WEBHOOK_SECRET", "mirai-stripe-secret", "webhook-secret")],
    "storage": [
        ("S3_ENDPOINT", "minio-secret", "endpoint"),
        ("S3_REGION", "minio-secret", "region"),
        ("S3_ACCESS_KEY", "minio-secret", "accesskey"),
        ("S3_SECRET_KEY", "minio-secret", "secretkey"),
    ],
    "encryption": [("ENCRYPTION_KEY", "mirai-encryption-secret", "encryption-key")],
    "smtp": [
        ("SMTP_USERNAME", "mirai-smtp-secret", "username"),
        ("SMTP_PASSWORD", "mirai-smtp-secret", "password"),
    ],
    "minio_webhook": [("MINIO_WEBHOOK_AUTH_TOKEN", "mirai-webhook-secret", "minio-auth-token")],
}

# RPC areas beyond the database every RPC uses.
_RPC_AREA_GROUPS: dict[str, tuple[str, ...]] = {
    "auth": ("stripe_api",),
    "billing": ("stripe_api",),
    "user": ("stripe_api", "storage"),
    "company": ("storage",),
    "course": ("storage",),
    "team": ("storage",),  # member avatars are presigned URLs
    "sme": ("storage", "encryption"),
    "ai_generation": ("storage", "encryption"),
    "tenant_settings": ("encryption",),
    "health": ("storage",),
}


def groups_for(target: Target) -> tuple[str, ...]:
    if target.kind == "rpc":
        return ("database", *_RPC_AREA_GROUPS.get(target.area, ()))
    return target.secrets


def secret_env(target: Target) -> list[dict[str, Any]]:
    return [
        {"name": env, "valueFrom": {"secretKeyRef": {"name": secret, "key": key}}}
        for group in groups_for(target)
        for env, secret, key in SECRET_GROUPS[group]
    ]

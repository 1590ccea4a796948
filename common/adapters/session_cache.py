"""Short-lived cache of authenticated sessions in Redis.

Keys are ``auth:session:<sha256 of the token>``: the raw token is never stored.
A Redis failure is never the caller's failure: it is logged and the lookup
falls through to the identity service.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any, Protocol

log = logging.getLogger("mirai.auth")


def session_key(token: str) -> str:
    return "auth:session:" + hashlib.sha256(token.encode()).hexdigest()


class SessionCache(Protocol):
    def get(self, token: str) -> dict[str, Any] | None: ...

    def put(self, token: str, value: dict[str, Any], *, ttl_seconds: int) -> None: ...


class RedisSessionCache:
    def __init__(self, client: Any) -> None:
        self._client = client

    @classmethod
    def from_url(cls, url: str) -> RedisSessionCache:
        import redis

        return cls(redis.Redis.from_url(url, socket_timeout=0.25, socket_connect_timeout=0.25))

    def get(self, token: str) -> dict[str, Any] | None:
        import redis

        try:
            raw = self._client.get(session_key(token))
        except redis.RedisError as err:
            log.warning("session cache read failed (%s); asking the identity service", type(err).__name__)
            return None
        if raw is None:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def put(self, token: str, value: dict[str, Any], *, ttl_seconds: int) -> None:
        import redis

        if ttl_seconds <= 0:
            return
        try:
            self._client.set(session_key(token), json.dumps(value), ex=ttl_seconds)
        except redis.RedisError as err:
            log.warning("session cache write failed (%s)", type(err).__name__)

    def close(self) -> None:
        self._client.close()


class NoSessionCache:
    def get(self, token: str) -> dict[str, Any] | None:
        return None

    def put(self, token: str, value: dict[str, Any], *, ttl_seconds: int) -> None:
        return None

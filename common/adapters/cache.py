"""Redis cache behind a small port. ``NoCache`` stands in when
``ENABLE_REDIS_CACHE=false`` so callers never branch on configuration."""

from __future__ import annotations

from typing import Any, Protocol

from common.errors import Unavailable


class Cache(Protocol):
    def ping(self) -> None: ...


class RedisCache:
    def __init__(self, client: Any) -> None:
        self.client = client

    @classmethod
    def from_url(cls, url: str) -> RedisCache:
        import redis

        return cls(redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5, health_check_interval=30))

    def ping(self) -> None:
        import redis

        try:
            self.client.ping()
        except redis.RedisError as err:
            raise Unavailable(f"redis unreachable: {type(err).__name__}") from None


class NoCache:
    def ping(self) -> None:
        return None

"""PostgreSQL URL surgery: the same server reached as another role or database."""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

APP_ROLE = "mirai_app"


def with_login(url: str, user: str, password: str | None) -> str:
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    userinfo = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
    return urlunsplit(parts._replace(netloc=f"{userinfo}@{host}"))


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/" + name))

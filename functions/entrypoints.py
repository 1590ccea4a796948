"""Wraps a target's WSGI application (or event handler) in the signature
functions-framework calls: ``(flask.Request) -> Response`` for HTTP targets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from functions.registry import Target


def build_wsgi_app(target: Target, container: Any) -> Any:
    if target.kind == "rpc":
        from functions.rpc_target import build_rpc_app

        return build_rpc_app(target, container)
    factory = target.load_implementation()
    return factory(container)  # type: ignore[operator]


def build_function(target: Target, container: Any) -> Callable[..., Any]:
    if target.kind == "event":
        handler = target.load_implementation()
        return handler(container)  # type: ignore[operator,no-any-return]
    app = build_wsgi_app(target, container)

    def http_function(request: Any) -> Any:
        import flask

        return flask.Response.from_app(app, request.environ)

    return http_function

"""Wraps a target in the signature functions-framework calls: every target is an
HTTP function ``(flask.Request) -> Response`` around a WSGI application
(an RPC's Connect app, a webhook, or a CloudEvent endpoint for event targets)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from functions.registry import Target


def build_wsgi_app(target: Target, container: Any) -> Any:
    if target.kind == "rpc":
        from functions.rpc_target import build_rpc_app

        return build_rpc_app(target, container)
    factory = target.load_implementation()
    if target.kind == "event":
        from functions.event_target import CloudEventEndpoint

        return CloudEventEndpoint(factory(container), name=target.name)  # type: ignore[operator]
    return factory(container)  # type: ignore[operator]


def build_function(target: Target, container: Any) -> Callable[..., Any]:
    app = build_wsgi_app(target, container)

    def http_function(request: Any) -> Any:
        import flask

        return flask.Response.from_app(app, request.environ)

    return http_function

"""Turns a registry target into a served WSGI application: the generated
Connect application of its service, answering only the target's own method."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from connectrpc.code import Code
from connectrpc.errors import ConnectError

from common.rpc.context import Call, current_principal
from common.rpc.errors import ErrorInterceptor
from common.rpc.http import Cors, SinglePath, WSGIApp
from common.rpc.limits import max_request_bytes
from common.rpc.request_text import RequestTextInterceptor
from functions import registry
from functions.registry import Target


class _OneMethodService:
    """The service object the generated application calls: our handler for the
    target's method, ``unimplemented`` for anything else."""

    def __init__(self, target: Target, handler: Callable[..., Any] | None) -> None:
        self._target = target
        self._handler = handler

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name == self._target.attribute and self._handler is not None:
            return self._handler
        label = f"{self._target.service}.{self._target.method}"

        def unimplemented(request: Any, ctx: Any, /) -> Any:
            raise ConnectError(Code.UNIMPLEMENTED, f"{label} is not available yet")

        return unimplemented


def _adapt(handler: Callable[..., Any], container: Any) -> Callable[..., Any]:
    def call_handler(request: Any, ctx: Any, /) -> Any:
        call = Call(principal=current_principal.get(), container=container, headers=ctx.request_headers)
        return handler(request, call)

    return call_handler


def build_rpc_app(target: Target, container: Any) -> WSGIApp:
    assert target.kind == "rpc" and target.path and target.service
    application_class = getattr(registry.connect_module(target.area), f"{target.service}WSGIApplication")
    handler = _adapt(target.load_implementation(), container) if target.implemented() else None  # type: ignore[arg-type]
    # Authentication and the role check run even for methods not built yet, so the
    # access table is enforced uniformly and a new handler never ships unguarded.
    # The text rule runs after them: a caller learns nothing about inputs before signing in.
    interceptors = [ErrorInterceptor(), *container.rpc_interceptors(target), RequestTextInterceptor()]
    app = application_class(_OneMethodService(target, handler), interceptors=interceptors,
                            read_max_bytes=max_request_bytes(container.settings.s3.max_body_bytes))
    return Cors(SinglePath(app, target.path), container.settings.allowed_origins)

"""Maps domain errors to Connect errors, once, for every RPC."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from connectrpc.code import Code
from connectrpc.errors import ConnectError

from common.errors import AppError
from common.rpc.incidents import redacted_traceback

log = logging.getLogger("mirai.rpc")


def to_connect_error(err: AppError) -> ConnectError:
    message = f"{err.field}: {err.message}" if err.field and not err.message.startswith(err.field) else err.message
    return ConnectError(Code(err.code_name), message)


class ErrorInterceptor:
    """Turns ``AppError`` into its Connect code; anything unexpected becomes
    ``internal`` with an incident id, logged with its trace but without any
    exception message (they quote request values and SQL parameters), no detail leaked."""

    def intercept_unary_sync(self, call_next: Callable[[Any, Any], Any], request: Any, ctx: Any, /) -> Any:
        try:
            return call_next(request, ctx)
        except ConnectError:
            raise
        except AppError as err:
            raise to_connect_error(err) from None
        except Exception as err:  # noqa: BLE001 - every failure becomes an incident, logged redacted
            incident = uuid.uuid4().hex[:12]
            log.error("unexpected error in %s (incident %s)\n%s", ctx.method.name, incident, redacted_traceback(err))
            raise ConnectError(Code.INTERNAL, f"internal error (incident {incident})") from None
